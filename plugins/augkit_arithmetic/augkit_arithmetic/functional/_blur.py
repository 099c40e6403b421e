"""Blur kernels: Gaussian, box, median, bilateral and mean-shift filters, and the
line kernel of motion blur. Borders are reflected (``BORDER_REFLECT_101``) unless
a function says otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

import cv2
import numpy as np

from augkit.extend import CV2_MAX_CHANNELS, run_cv2, work_dtype, write_into

#: The border of the linear filters (imgaug's ``reflect_101``).
BORDER = cv2.BORDER_REFLECT_101


#: Sigmas up to this leave images unchanged (imgaug's eps).
GAUSSIAN_EPS = 1e-3


def gaussian_ksize(sigma: float) -> int:
    """imgaug's kernel size for *sigma*: about 3.3, 2.9 or 2.6 sigma, odd, at least 5.

    Parameters
    ----------
    sigma : float
        Standard deviation of the Gaussian, in pixels.

    Returns
    -------
    int
        An odd kernel size >= 5.

    Examples
    --------
    >>> gaussian_ksize(1.0), gaussian_ksize(3.0), gaussian_ksize(10.0)
    (5, 9, 27)
    """
    factor = 3.3 if sigma < 3.0 else 2.9 if sigma < 5.0 else 2.6
    ksize = int(max(factor * sigma, 5))
    return ksize + 1 if ksize % 2 == 0 else ksize


@lru_cache(maxsize=1024)
def _gaussian_kernel(sigma_key: int, wide: bool, ksize: int | None = None) -> np.ndarray:
    sigma = sigma_key / 10000.0
    kernel = cv2.getGaussianKernel(gaussian_ksize(sigma) if ksize is None else ksize, sigma,
                                   ktype=cv2.CV_64F if wide else cv2.CV_32F)
    kernel.setflags(write=False)
    return kernel


@cache
def _filtered_in_float64(dtype: np.dtype) -> bool:
    """Whether :func:`augkit.extend.run_cv2` filters *dtype* in float64 (float64 kernel)."""
    return work_dtype(dtype).char == "d"


def gaussian_blur(image: np.ndarray, sigma: float, ksize: int | None = None,
                  out: np.ndarray | None = None) -> np.ndarray:
    """Blur an image with a Gaussian of standard deviation *sigma*.

    A separable pass (``cv2.sepFilter2D``) with a kernel cached per sigma (rounded
    to 1e-4) and imgaug's kernel size (:func:`gaussian_ksize`); borders are
    reflected (``BORDER_REFLECT_101``).

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype (through :func:`augkit.extend.run_cv2`; 32- and 64-bit
        integers and float64 are filtered in float64).
    sigma : float
        Standard deviation in pixels; ``sigma <= 0.001`` returns a copy.
    ksize : int, optional
        Odd kernel size (default: :func:`gaussian_ksize` of *sigma*, as imgaug).
    out : ndarray of shape (H, W, C), optional
        A C-contiguous array of *image*'s dtype to write the result into.

    Returns
    -------
    ndarray of shape (H, W, C)
        *out*, or a new array, of *image*'s dtype (integers rounded and saturated).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.zeros((1, 5, 1), np.uint8); img[0, 2] = 100
    >>> gaussian_blur(img, 1.0)[0, :, 0].tolist()
    [11, 24, 40, 24, 11]
    """
    if sigma <= GAUSSIAN_EPS or image.size == 0:
        return image.copy() if out is None else write_into(out, image)
    kernel = _gaussian_kernel(int(sigma * 10000 + 0.5), _filtered_in_float64(image.dtype), ksize)
    if out is not None and image.dtype.char == "B" and image.shape[2] <= CV2_MAX_CHANNELS:
        return write_into(out, cv2.sepFilter2D(np.ascontiguousarray(image), -1, kernel, kernel,
                                               dst=out, borderType=BORDER))
    return write_into(out, run_cv2(
        image, lambda a: cv2.sepFilter2D(a, -1, kernel, kernel, borderType=BORDER)))


# --------------------------------------------------------------------------- box and median
def average_blur(image: np.ndarray, k_height: int, k_width: int) -> np.ndarray:
    """Mean over ``k_height x k_width`` neighbourhoods (``cv2.blur``, reflected borders).

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype (through :func:`augkit.extend.run_cv2`).
    k_height, k_width : int
        Kernel size; 1x1 (or a side below 1) returns a copy.

    Returns
    -------
    ndarray of shape (H, W, C)
        Of *image*'s dtype (integers rounded and saturated).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.zeros((1, 3, 1), np.uint8); img[0, 1] = 90
    >>> average_blur(img, 1, 3)[0, :, 0].tolist()
    [60, 30, 60]
    """
    if (k_height <= 1 and k_width <= 1) or k_height < 1 or k_width < 1 or image.size == 0:
        return image.copy()
    size = (k_width, k_height)
    return run_cv2(image, lambda a: cv2.blur(a, size, borderType=BORDER))


# dtypes cv2.medianBlur handles: every ksize for uint8, ksize 3 and 5 for the others
_MEDIAN_NATIVE = frozenset({"uint8", "uint16", "float32"})


def median_blur(image: np.ndarray, k: int) -> np.ndarray:
    """Median over ``k x k`` neighbourhoods (replicated borders).

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        uint8 goes through ``cv2.medianBlur`` (channel groups of 1, 3 or 4 for
        k > 5); uint16 and float32 too for k <= 5; other dtypes and larger k
        through ``scipy.ndimage.median_filter`` (same border).
    k : int
        Odd kernel size; 1 or less returns a copy.

    Returns
    -------
    ndarray of shape (H, W, C)
        Of *image*'s dtype.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.zeros((3, 3, 1), np.uint8); img[1, 1] = 255
    >>> int(median_blur(img, 3).max())
    0
    """
    if k <= 1 or image.size == 0:
        return image.copy()
    k = int(k)
    char = image.dtype.char
    if char == "B" or (k <= 5 and char in "Hf"):
        groups: Sequence[int] | int = (1, 3, 4) if k > 5 else CV2_MAX_CHANNELS
        return run_cv2(image, lambda a: cv2.medianBlur(a, k),
                       native=_MEDIAN_NATIVE, channels=groups)
    from scipy import ndimage

    return ndimage.median_filter(image, size=(k, k, 1), mode="nearest")


# --------------------------------------------------------------------------- bilateral
_BILATERAL_NATIVE = frozenset({"uint8", "float32"})


def bilateral_blur(image: np.ndarray, d: int, sigma_color: float,
                   sigma_space: float) -> np.ndarray:
    """Edge-preserving bilateral filter (``cv2.bilateralFilter``) over diameter *d*.

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8 or float32
        1 or 3 channels are filtered as they are (colour distance over all three
        channels); any other channel count is filtered channel by channel.
        float32 images are read as ``[0, 1]``: *sigma_color* is divided by 255.
    d : int
        Diameter of the neighbourhood; 1 returns a copy.
    sigma_color, sigma_space : float
        Sigmas in colour space (uint8 units) and in pixels.

    Returns
    -------
    ndarray of shape (H, W, C)
        Of *image*'s dtype.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((4, 4, 3), 50, np.uint8)
    >>> bool((bilateral_blur(img, 3, 50.0, 50.0) == 50).all())
    True
    """
    if d == 1 or image.size == 0:
        return image.copy()
    if image.dtype.kind == "f":
        sigma_color = sigma_color / 255.0
    # one group of 1 or 3 channels (an int lets run_cv2 call OpenCV directly), else 1 by 1
    group = image.shape[2] if image.shape[2] in (1, 3) else 1
    return run_cv2(image, lambda a: cv2.bilateralFilter(a, int(d), float(sigma_color),
                                                        float(sigma_space)),
                   native=_BILATERAL_NATIVE, channels=group)


# --------------------------------------------------------------------------- mean shift
def mean_shift_blur(image: np.ndarray, spatial_radius: float,
                    color_radius: float) -> np.ndarray:
    """Pyramid mean-shift filtering (``cv2.pyrMeanShiftFiltering``) of a uint8 image.

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8
        Three channels are filtered together; 1 channel is tiled to three and
        back; 4 channels filter the first three and keep the fourth (alpha); other
        counts are filtered one channel at a time (each tiled to three).
    spatial_radius, color_radius : float
        The spatial and colour window radii (negative values count as 0).

    Returns
    -------
    ndarray of shape (H, W, C), dtype uint8

    Examples
    --------
    >>> import numpy as np
    >>> mean_shift_blur(np.full((4, 4, 1), 30, np.uint8), 5.0, 5.0)[:, :, 0].tolist()[0]
    [30, 30, 30, 30]
    """
    if image.size == 0:
        return image.copy()
    sp, sr = max(float(spatial_radius), 0.0), max(float(color_radius), 0.0)

    def three(rgb: np.ndarray) -> np.ndarray:
        return cv2.pyrMeanShiftFiltering(np.ascontiguousarray(rgb), sp, sr)

    nb_channels = image.shape[2]
    if nb_channels == 3:
        return three(image)
    out = image.copy()
    if nb_channels == 4:
        out[:, :, :3] = three(image[:, :, :3])
        return out
    for c in range(nb_channels):
        out[:, :, c] = three(np.repeat(image[:, :, c:c + 1], 3, axis=2))[:, :, 0]
    return out


# --------------------------------------------------------------------------- motion
_ORDER_FLAGS = {0: cv2.INTER_NEAREST, 1: cv2.INTER_LINEAR, 3: cv2.INTER_CUBIC,
                4: cv2.INTER_LANCZOS4}
#: Interpolation orders :func:`motion_kernel` rotates its line with.
MOTION_ORDERS = tuple(_ORDER_FLAGS)


def _linspace(start: float, stop: float, num: int) -> list[float]:
    """``np.linspace(start, stop, num)`` (num >= 2) in Python floats: the same values."""
    div = num - 1
    delta = stop - start
    step = delta / div
    if step == 0:  # numpy then scales by delta after dividing
        values = [i / div * delta + start for i in range(num)]
    else:
        values = [i * step + start for i in range(num)]
    values[-1] = stop
    return values


@lru_cache(maxsize=1024)
def _motion_kernel(k: int, angle_key: int, direction_key: int, order: int) -> np.ndarray:
    direction = (min(max(direction_key / 1000.0, -1.0), 1.0) + 1.0) / 2.0
    line = np.zeros((k, k), dtype=np.float32)
    line[:, k // 2] = _linspace(direction, 1.0 - direction, k)
    center = ((k - 1) / 2.0, (k - 1) / 2.0)
    # positive angles turn clockwise on screen (y points down), as in imgaug's Affine
    rotation = cv2.getRotationMatrix2D(center, -angle_key / 100.0, 1.0)
    kernel = cv2.warpAffine(line, rotation, (k, k), flags=_ORDER_FLAGS[order],
                            borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    # imgaug rotates the kernel as a uint8 image: weights are multiples of 1/255, tiny
    # ones vanish (which also keeps cv2.filter2D fast: it skips zero coefficients)
    kernel = np.round(np.maximum(kernel, 0.0) * 255.0) / 255.0
    total = float(kernel.sum())
    if total <= 0:
        kernel = np.zeros((k, k), dtype=np.float32)
        kernel[k // 2, k // 2] = 1.0
        return kernel
    kernel /= total
    kernel.setflags(write=False)
    return kernel


def motion_kernel(k: int, angle: float, direction: float, order: int = 1) -> np.ndarray:
    """A normalised ``k x k`` line kernel at *angle* degrees, weighted by *direction*.

    Parameters
    ----------
    k : int
        Kernel size; even values go up by one.
    angle : float
        Direction of the line in degrees, clockwise from the vertical.
    direction : float
        In ``[-1, 1]``: moves the weight towards one end of the line (0: uniform).
    order : {0, 1, 3, 4}, optional
        Interpolation order used to rotate the line (see :data:`MOTION_ORDERS`).

    Returns
    -------
    ndarray of shape (k, k), dtype float32
        Sums to 1; cached per rounded key (read-only).

    Examples
    --------
    >>> motion_kernel(3, 0.0, 0.0).astype(float).round(3).tolist()
    [[0.0, 0.333, 0.0], [0.0, 0.333, 0.0], [0.0, 0.333, 0.0]]
    """
    k = int(k)
    k = k + 1 if k % 2 == 0 else k
    return _motion_kernel(k, int(round(float(angle) % 360.0 * 100)),
                          int(round(float(direction) * 1000)), int(order))
