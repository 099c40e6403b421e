"""``augkit.augmenters.blur``: imgaug's ``blur`` module (scheme: see :mod:`.imgaug_arithmetic`).

Examples
--------
>>> import numpy as np
>>> from augkit import augmenters as iaa
>>> img = np.zeros((1, 5), np.uint8); img[0, 2] = 100
>>> iaa.blur.blur_gaussian_(img, sigma=1.0).tolist()
[[11, 24, 40, 24, 11]]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit.extend import ParameterError
from augkit_arithmetic import functional as F
from augkit_arithmetic.blur import (
    AverageBlur,
    BilateralBlur,
    GaussianBlur,
    MeanShiftBlur,
    MedianBlur,
    MotionBlur,
)

__all__ = [
    "AverageBlur", "BilateralBlur", "GaussianBlur", "MeanShiftBlur", "MedianBlur",
    "MotionBlur", "blur_avg_", "blur_gaussian_", "blur_mean_shift_", "blur_median_",
]

_BACKENDS = ("auto", "cv2", "scipy")


def _blurred_into(image: np.ndarray, kernel: Any, *args: Any) -> np.ndarray:
    """Run a ``(H, W, C)`` blur kernel on *image* (2-D too) and write the result back."""
    work = image if image.ndim == 3 else image[:, :, None]
    np.copyto(work, kernel(work, *args))
    return image


def blur_gaussian_(image: np.ndarray, sigma: float, ksize: int | None = None,
                   backend: str = "auto", eps: float = 1e-3) -> np.ndarray:
    """Gaussian-blur an image in place (imgaug's ``blur_gaussian_``).

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C)
        Any numeric dtype; modified in place.
    sigma : float
        Standard deviation in pixels.
    ksize : int, optional
        Odd kernel size (default: imgaug's, about 3.3, 2.9 or 2.6 sigma).
    backend : {'auto', 'cv2', 'scipy'}, optional
        Accepted for imgaug's signature; augkit always filters with OpenCV, which
        is what imgaug's ``'auto'`` chose for the dtypes both support.
    eps : float, optional
        A *sigma* below this returns *image* unchanged.

    Returns
    -------
    ndarray
        *image*.

    Examples
    --------
    >>> img = np.zeros((1, 3, 1), np.float32); img[0, 1] = 1.0
    >>> blur_gaussian_(img, 0.0) is img
    True
    """
    if backend not in _BACKENDS:
        raise ParameterError(f"backend: expected one of {_BACKENDS}, got {backend!r}")
    if sigma < eps or image.size == 0:
        return image
    return _blurred_into(image, F.gaussian_blur, sigma, ksize)


def blur_avg_(image: np.ndarray, k: int | tuple[int, int]) -> np.ndarray:
    """Box-blur an image in place with a ``k x k`` (or ``(kh, kw)``) kernel.

    Examples
    --------
    >>> img = np.array([[0, 90, 0]], np.uint8)
    >>> blur_avg_(img, (1, 3)).tolist()
    [[60, 30, 60]]
    """
    k_height, k_width = (k, k) if np.ndim(k) == 0 else k
    if image.size == 0 or (k_height <= 1 and k_width <= 1):
        return image
    return _blurred_into(image, F.average_blur, int(k_height), int(k_width))


def blur_median_(image: np.ndarray, k: int) -> np.ndarray:
    """Median-blur an image in place over ``k x k`` neighbourhoods (k odd).

    Examples
    --------
    >>> img = np.array([[0, 0, 0], [0, 200, 0], [0, 0, 0]], np.uint8)
    >>> blur_median_(img, 3).tolist()
    [[0, 0, 0], [0, 0, 0], [0, 0, 0]]
    """
    if image.size == 0 or k <= 1:
        return image
    return _blurred_into(image, F.median_blur, int(k))


def blur_mean_shift_(image: np.ndarray, spatial_window_radius: float,
                     color_window_radius: float) -> np.ndarray:
    """Mean-shift-blur a uint8 image in place (imgaug's ``blur_mean_shift_``).

    Examples
    --------
    >>> img = np.full((4, 4, 3), 30, np.uint8)
    >>> blur_mean_shift_(img, 5.0, 5.0)[0, 0].tolist()
    [30, 30, 30]
    """
    if image.size == 0:
        return image
    return _blurred_into(image, F.mean_shift_blur, float(spatial_window_radius),
                         float(color_window_radius))
