"""``augkit.augmenters.artistic``: imgaug's ``artistic`` module (see :mod:`.imgaug_contrast`).

Examples
--------
>>> from augkit import augmenters as iaa
>>> iaa.artistic.Cartoon is iaa.Cartoon
True
"""

from __future__ import annotations

import numpy as np

from augkit.extend import InputError, ParameterError
from augkit_color import functional as F
from augkit_color._common import colorspace_name
from augkit_color.cartoon import Cartoon

__all__ = ["Cartoon", "stylize_cartoon"]


def stylize_cartoon(image: np.ndarray, blur_ksize: int = 3, segmentation_size: float = 1.0,
                    saturation: float = 2.0, edge_prevalence: float = 1.0,
                    suppress_edges: bool = True,
                    from_colorspace: str = F.CSPACE_RGB) -> np.ndarray:
    """Stylize a uint8 image as a cartoon (imgaug's ``stylize_cartoon``; the ``Cartoon`` kernel).

    Parameters
    ----------
    image : ndarray of shape (H, W), (H, W, 1), (H, W, 3) or (H, W, 4), dtype uint8
        Not modified.
    blur_ksize : int, optional
        Median blur kernel size.
    segmentation_size : float, optional
        Scales the mean-shift windows: larger gives larger flat regions.
    saturation : float, optional
        Saturation factor.
    edge_prevalence : float, optional
        Above 1 draws more edges, below 1 fewer.
    suppress_edges : bool, optional
        Only ``True`` (imgaug's default): augkit's edge detector thresholds the
        gradient of the blurred image, which already leaves out the fine edges imgaug
        suppressed; ``False`` is refused rather than silently ignored.
    from_colorspace : str, optional
        The image's colour space.

    Returns
    -------
    ndarray
        A new image of *image*'s shape.

    Examples
    --------
    >>> stylize_cartoon(np.full((6, 6, 3), 90, np.uint8)).shape
    (6, 6, 3)
    """
    if not suppress_edges:
        raise ParameterError("suppress_edges: augkit's cartoon kernel supports only True")
    if image.dtype != np.uint8 or image.ndim not in (2, 3):
        raise InputError(f"image: expected an (H, W[, C]) uint8 image, got {image.dtype} "
                         f"{image.shape}")
    space = colorspace_name(from_colorspace, "from_colorspace")
    work = image if image.ndim == 3 else image[:, :, None]
    return F.cartoon(work, int(round(blur_ksize)), segmentation_size, saturation,
                     edge_prevalence, space).reshape(image.shape)
