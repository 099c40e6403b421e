"""Colour space changes: convert images, blend towards gray, run children in a space."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

import augkit
from augkit import parameters as iap
from augkit.extend import ViewAugmenter, as_augmenter_list, blend, write_into
from augkit_color._common import (
    DOC_BLOCKS,
    ColorPixelAugmenter,
    colorspace_name,
    colorspace_param,
    draw_colorspaces,
)
from augkit_color.contrast import GammaContrast, LinearContrast
from augkit_color.functional import (
    BGR,
    GRAY,
    RGB,
    change_colorspace,
    join_alpha,
    split_alpha,
    to_gray,
)

_CONVERT_DTYPES = frozenset({"uint8", "float32"})


class WithColorspace(ViewAugmenter):
    """Convert images to another colour space, run children, convert back.

    Other kinds of data go through the children unchanged by this wrapper (geometric
    children still move them). A 4th (alpha) channel is kept aside.

    Parameters
    ----------
    to_colorspace : str
        Colour space the children work in: one of ``RGB``, ``BGR``, ``GRAY``, ``CIE``,
        ``YCrCb``, ``HSV``, ``HLS``, ``Lab``, ``Luv``, ``YUV``.
    <from_colorspace>
    children : Augmenter or list of Augmenter or None
        The augmenters to apply in *to_colorspace*.

    Supported data: every kind its children support (image dtypes: float32, uint8).

    uint8 images use OpenCV's 8-bit conventions (hue in ``[0, 180)``); float32 images
    use OpenCV's float ones (RGB in ``[0, 1]``, hue in degrees, Lab's L in
    ``[0, 100]``).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = WithColorspace("HSV", children=augkit.WithChannels(0, augkit.Identity()))
    >>> aug(image=np.zeros((2, 2, 3), dtype=np.uint8)).shape
    (2, 2, 3)
    """

    supported_dtypes = _CONVERT_DTYPES
    image_channels = (3, 4)
    doc_blocks = DOC_BLOCKS
    # imgaug lists ``[self.channels]``, an attribute its WithColorspace never sets (so
    # its get_parameters() raises AttributeError); augkit lists the two colour spaces.
    imgaug_parameters = ("to_colorspace", "from_colorspace")
    examples = ({"to_colorspace": "HSV",
                 "children": augkit.WithChannels(0, LinearContrast(1.5))},
                {"to_colorspace": "Lab",
                 "children": augkit.WithChannels(0, GammaContrast(0.9))})

    def __init__(self, to_colorspace: str, from_colorspace: str = RGB, children: Any = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.children = as_augmenter_list(children, "children")
        self.to_colorspace = colorspace_name(to_colorspace, "to_colorspace")
        self.from_colorspace = colorspace_name(from_colorspace, "from_colorspace")

    def image_to_view(self, image, index, view_params):
        return change_colorspace(image, self.to_colorspace, self.from_colorspace)

    def image_from_view(self, original, view, index, view_params):
        changed = np.ascontiguousarray(view, dtype=original.dtype)
        if changed.shape[2] != original.shape[2]:
            changed = join_alpha(np.ascontiguousarray(changed[:, :, :3]),
                                 split_alpha(original)[1])
        return change_colorspace(changed, self.from_colorspace, self.to_colorspace)


class ChangeColorspace(ColorPixelAugmenter):
    """Convert images to another colour space, blended with the original by *alpha*.

    The result stays in the target colour space (pair it with a later conversion, or
    use :class:`WithColorspace`). ``GRAY`` results keep 3 identical channels.

    Parameters
    ----------
    to_colorspace : str or list of str or StochasticParameter
        Target colour space (a list picks one per image): ``RGB``, ``BGR``, ``GRAY``,
        ``CIE``, ``YCrCb``, ``HSV``, ``HLS``, ``Lab``, ``Luv``, ``YUV``.
    <from_colorspace>
    alpha : number or tuple of (number, number) or list or StochasticParameter, optional
        Opacity of the converted image over the original, in ``[0, 1]`` (default 1).

    <supported data>

    Images need 3 channels, or 4 (alpha kept). float32 images use OpenCV's float
    conventions, see :class:`WithColorspace`.

    Examples
    --------
    >>> import numpy as np
    >>> red = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    >>> ChangeColorspace("BGR")(image=red).tolist()
    [[[0, 0, 255]]]
    """

    supported_dtypes = _CONVERT_DTYPES
    image_channels = (3, 4)
    imgaug_parameters = ("to_colorspace", "alpha")
    examples = ({"to_colorspace": "HSV"}, {"to_colorspace": ["Lab", "YCrCb", "GRAY"],
                                          "alpha": (0.0, 1.0)})

    def __init__(self, to_colorspace: Any, from_colorspace: str = RGB, alpha: Any = 1.0,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.to_colorspace = colorspace_param(to_colorspace, "to_colorspace")
        self.from_colorspace = colorspace_name(from_colorspace, "from_colorspace")
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1))

    def sample(self, rows, rng):
        spaces = draw_colorspaces(self.to_colorspace, rows.nb_rows, rng, "to_colorspace")
        alphas = np.clip(iap.draw(self.alpha, rows.nb_rows, rng, np.float64), 0.0, 1.0)
        return list(zip(spaces, alphas))

    _apply_one_takes_out = True

    def _apply_one(self, image, row, out=None):
        space, alpha = row
        converted = change_colorspace(image, space, self.from_colorspace)
        return _blend_made(converted, image, alpha, out)


class Grayscale(ColorPixelAugmenter):
    """Turn images gray, blended with the original by *alpha*.

    The gray image (OpenCV's luma) is converted back to *from_colorspace*, so the
    output stays in the input's colour space with 3 (or 4, alpha kept) channels.
    1-channel images are already gray and come back unchanged.

    Parameters
    ----------
    alpha : number or tuple of (number, number) or list or StochasticParameter, optional
        Opacity of the gray image, in ``[0, 1]`` (default 1: fully gray).
    <from_colorspace>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    >>> Grayscale(alpha=1.0)(image=img).tolist()
    [[[76, 76, 76]]]
    """

    supported_dtypes = _CONVERT_DTYPES
    image_channels = (1, 3, 4)
    imgaug_parameters = ("to_colorspace", "alpha")
    examples = ({"alpha": (0.0, 1.0)}, {"alpha": 1.0})

    def __init__(self, alpha: Any = 1, from_colorspace: str = RGB, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1))
        self.from_colorspace = colorspace_name(from_colorspace, "from_colorspace")

    @property
    def to_colorspace(self) -> iap.StochasticParameter:
        """imgaug's ``to_colorspace`` of ``Grayscale``: always ``'GRAY'``."""
        return iap.Deterministic("GRAY")

    def sample(self, rows, rng):
        if rows.nb_rows == 1:  # one image: the same draw, clipped without np.clip's wrapper
            alpha = float(self.alpha.draw_samples(1, random_state=rng).item())
            return [0.0 if alpha < 0.0 else 1.0 if alpha > 1.0 else alpha]  # NaN stays NaN
        return np.clip(iap.draw(self.alpha, rows.nb_rows, rng, np.float64), 0.0, 1.0)

    _apply_one_takes_out = True

    def _apply_one(self, image, alpha, out=None):
        if image.shape[2] == 1 or alpha <= 0.0:
            return image.copy() if out is None else write_into(out, image)
        color, transparency = split_alpha(image)
        if out is not None and transparency is not None:
            return write_into(out, self._apply_one(image, alpha))
        direct = out is not None and alpha >= 1.0 and self.from_colorspace in (RGB, BGR, GRAY)
        gray = cv2.cvtColor(to_gray(color, self.from_colorspace), cv2.COLOR_GRAY2RGB,
                            dst=out if direct else None)
        if self.from_colorspace not in (RGB, BGR, GRAY):
            gray = change_colorspace(gray, self.from_colorspace, RGB)
        return join_alpha(_blend_made(gray, color, alpha, out), transparency)


def _blend_made(made: np.ndarray, original: np.ndarray, alpha: float,
                out: np.ndarray | None = None) -> np.ndarray:
    """``blend(made, original, alpha, out)`` for an image *made* by the caller and held
    by no one else: fully opaque, it is handed over (or written into *out*) instead of
    copied as ``blend`` must copy its foreground."""
    if alpha >= 1.0:
        return made if out is None else write_into(out, made)
    return blend(made, original, alpha, out)


AUGMENTERS = (WithColorspace, ChangeColorspace, Grayscale)
