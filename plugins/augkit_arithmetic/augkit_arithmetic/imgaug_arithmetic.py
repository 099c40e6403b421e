"""``augkit.augmenters.arithmetic``: imgaug's ``arithmetic`` module, from the arithmetic family.

Every imgaug module name a family provides is a module ``imgaug_<name>`` of its
package, registered by ``plugin.py``'s ``augkit_modules`` hook. Its ``__all__`` lists
imgaug's public names of that module: the augmenter classes and the family's
``functional`` kernels re-exported, and where imgaug's signature differs from the
kernel's (``(H, W)`` images, in-place ``_`` variants, a compression instead of a JPEG
quality), a thin adapter here that calls the kernel.

Examples
--------
>>> import numpy as np
>>> from augkit import augmenters as iaa
>>> iaa.arithmetic.add_scalar(np.array([[250, 3]], dtype=np.uint8), 10).tolist()
[[255, 13]]
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

import augkit
from augkit.extend import InputError, ParameterError, saturate
from augkit_arithmetic import functional as F
from augkit_arithmetic.arithmetic import (
    Add,
    AddElementwise,
    Invert,
    Multiply,
    MultiplyElementwise,
    Solarize,
)
from augkit_arithmetic.dropout import CoarseDropout, Cutout, Dropout, Dropout2d, TotalDropout
from augkit_arithmetic.jpeg import JpegCompression
from augkit_arithmetic.noise import (
    AdditiveGaussianNoise,
    AdditiveLaplaceNoise,
    AdditivePoissonNoise,
)
from augkit_arithmetic.replace import (
    CoarsePepper,
    CoarseSalt,
    CoarseSaltAndPepper,
    ImpulseNoise,
    Pepper,
    ReplaceElementwise,
    Salt,
    SaltAndPepper,
)

__all__ = [
    "Add", "AddElementwise", "AdditiveGaussianNoise", "AdditiveLaplaceNoise",
    "AdditivePoissonNoise", "CoarseDropout", "CoarsePepper", "CoarseSalt",
    "CoarseSaltAndPepper", "ContrastNormalization", "Cutout", "Dropout", "Dropout2d",
    "ImpulseNoise", "Invert", "JpegCompression", "Multiply", "MultiplyElementwise", "Pepper",
    "ReplaceElementwise", "Salt", "SaltAndPepper", "Solarize", "TotalDropout",
    "add_elementwise", "add_scalar", "add_scalar_", "compress_jpeg", "cutout", "cutout_",
    "invert", "invert_", "multiply_elementwise", "multiply_elementwise_", "multiply_scalar",
    "multiply_scalar_", "replace_elementwise_", "solarize", "solarize_",
]


def _as_3d(arr: np.ndarray) -> np.ndarray:
    return arr if arr.ndim == 3 else arr[:, :, None]


def _shaped_like(out: np.ndarray, image: np.ndarray) -> np.ndarray:
    return out if image.ndim == 3 else out.reshape(image.shape)


def _into(image: np.ndarray, out: np.ndarray) -> np.ndarray:
    """imgaug's in-place variants: write the kernel's result back into *image*."""
    np.copyto(image, out)
    return image


def add_scalar(image: np.ndarray, value: Any) -> np.ndarray:
    """Add one value, or one per channel, to an image, saturated at its dtype's limits.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C)
        Any numeric dtype; not modified.
    value : number or array_like of shape (C,)
        What to add (rounded first for integer images).

    Returns
    -------
    ndarray
        A new image of *image*'s shape and dtype.

    Examples
    --------
    >>> add_scalar(np.array([[[5, 5]]], dtype=np.uint8), [-10, 2]).tolist()
    [[[0, 7]]]
    """
    return _shaped_like(F.add_scalar(_as_3d(image), np.asarray(value, dtype=np.float64)),
                        image)


def add_scalar_(image: np.ndarray, value: Any) -> np.ndarray:
    """:func:`add_scalar`, writing into *image* and returning it.

    Examples
    --------
    >>> img = np.array([[1, 2]], dtype=np.uint8)
    >>> add_scalar_(img, 3) is img, img.tolist()
    (True, [[4, 5]])
    """
    return _into(image, add_scalar(image, value))


def add_elementwise(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Add an array of values (the image's shape, or ``(H, W, 1)``) to an image, saturated.

    Examples
    --------
    >>> add_elementwise(np.array([[250, 3]], np.uint8), np.array([[10, -5]])).tolist()
    [[255, 0]]
    """
    return _shaped_like(F.add_elementwise(_as_3d(image), _as_3d(np.asarray(values))), image)


def multiply_scalar(image: np.ndarray, multiplier: Any) -> np.ndarray:
    """Multiply an image by one value, or one per channel, rounded and saturated.

    Examples
    --------
    >>> multiply_scalar(np.array([[100, 3]], dtype=np.uint8), 1.5).tolist()
    [[150, 4]]
    """
    return _shaped_like(F.multiply_scalar(_as_3d(image),
                                          np.asarray(multiplier, dtype=np.float64)), image)


def multiply_scalar_(image: np.ndarray, multiplier: Any) -> np.ndarray:
    """:func:`multiply_scalar`, writing into *image* and returning it.

    Examples
    --------
    >>> img = np.array([[100, 200]], dtype=np.uint8)
    >>> multiply_scalar_(img, 2).tolist()
    [[200, 255]]
    """
    return _into(image, multiply_scalar(image, multiplier))


def multiply_elementwise(image: np.ndarray, multipliers: np.ndarray) -> np.ndarray:
    """Multiply an image by an array (its shape, or ``(H, W, 1)``), saturated.

    Examples
    --------
    >>> multiply_elementwise(np.array([[100, 100]], np.uint8), np.array([[0.5, 3.0]])).tolist()
    [[50, 255]]
    """
    return _shaped_like(F.multiply_elementwise(_as_3d(image), _as_3d(np.asarray(multipliers))),
                        image)


def multiply_elementwise_(image: np.ndarray, multipliers: np.ndarray) -> np.ndarray:
    """:func:`multiply_elementwise`, writing into *image* and returning it.

    Examples
    --------
    >>> img = np.array([[10, 10]], np.uint8)
    >>> multiply_elementwise_(img, np.array([[2.0, 0.0]])).tolist()
    [[20, 0]]
    """
    return _into(image, multiply_elementwise(image, multipliers))


_CUTOUT_FILL_MODES = ("constant", "gaussian")


def cutout_(image: np.ndarray, x1: float, y1: float, x2: float, y2: float,
            fill_mode: str = "constant", cval: Any = 0, fill_per_channel: Any = False,
            seed: Any = None) -> np.ndarray:
    """Fill the rectangle ``[x1, x2) x [y1, y2)`` of an image in place (imgaug's ``cutout_``).

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C)
        Any numeric dtype; modified in place.
    x1, y1, x2, y2 : number
        The rectangle, truncated to ints and clipped to the image.
    fill_mode : {'constant', 'gaussian'}, optional
        Fill with *cval*, or with gaussian noise around the middle of the dtype's
        value range (standard deviation a sixth of the range).
    cval : number or sequence of number, optional
        The constant, in the image's units; a sequence gives one per channel when
        *fill_per_channel* (cycled or cut to the channel count), else its first item.
    fill_per_channel : bool or float, optional
        One value (constant) or noise plane per channel (``>= 0.5`` counts as true).
    seed : int or numpy.random.Generator or None, optional
        Source of the gaussian noise.

    Returns
    -------
    ndarray
        *image*.

    Raises
    ------
    augkit.ParameterError
        *fill_mode* is neither ``'constant'`` nor ``'gaussian'``.

    Examples
    --------
    >>> img = np.zeros((2, 3), np.uint8)
    >>> cutout_(img, 1, 0, 3, 1, cval=9).tolist()
    [[0, 9, 9], [0, 0, 0]]
    """
    if fill_mode not in _CUTOUT_FILL_MODES:
        raise ParameterError(f"fill_mode: expected 'constant' or 'gaussian', got {fill_mode!r}")
    height, width = image.shape[:2]
    x1, x2 = (min(max(int(v), 0), width) for v in (x1, x2))
    y1, y2 = (min(max(int(v), 0), height) for v in (y1, y2))
    if x2 <= x1 or y2 <= y1:
        return image
    work = _as_3d(image)
    channels = work.shape[2] if fill_per_channel >= 0.5 else 1
    if fill_mode == "gaussian":
        rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
        values = rng.normal(0.5, 1.0 / 6.0, (y2 - y1, x2 - x1, channels))
        F.fill_area_(work, y1, y2, x1, x2, values, True)
        return image
    values = np.atleast_1d(np.asarray(cval, dtype=np.float64))
    values = np.resize(values, channels) if channels > 1 else values[:1]
    F.fill_area_(work, y1, y2, x1, x2, values, False)
    return image


def cutout(image: np.ndarray, x1: float, y1: float, x2: float, y2: float,
           fill_mode: str = "constant", cval: Any = 0, fill_per_channel: Any = False,
           seed: Any = None) -> np.ndarray:
    """:func:`cutout_` on a copy of *image*.

    Examples
    --------
    >>> img = np.zeros((1, 2), np.uint8)
    >>> cutout(img, 0, 0, 1, 1, cval=5).tolist(), img.tolist()
    ([[5, 0]], [[0, 0]])
    """
    return cutout_(np.copy(image), x1, y1, x2, y2, fill_mode=fill_mode, cval=cval,
                   fill_per_channel=fill_per_channel, seed=seed)


def replace_elementwise_(image: np.ndarray, mask: np.ndarray,
                         replacements: np.ndarray) -> np.ndarray:
    """Replace the pixels where ``mask > 0.5`` by *replacements*, in place.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C)
        Modified in place.
    mask : ndarray of shape (H, W), (H, W, 1) or (H, W, C)
        Where to replace; one channel applies to every channel.
    replacements : ndarray
        One value per replaced entry, in row-major order (rounded for integer
        images, saturated to the dtype).

    Returns
    -------
    ndarray
        *image*.

    Examples
    --------
    >>> img = np.zeros((1, 3), np.uint8)
    >>> replace_elementwise_(img, np.array([[1, 0, 1]]), np.array([7.6, 300])).tolist()
    [[8, 0, 255]]
    """
    work = _as_3d(image)
    chosen = _as_3d(np.asarray(mask)) > 0.5
    if chosen.shape[2] == 1 and work.shape[2] > 1:
        chosen = np.repeat(chosen, work.shape[2], axis=2)
    values = np.asarray(replacements)
    if values.size != np.count_nonzero(chosen):
        raise InputError(
            f"replace_elementwise_: replacements has {values.size} values for "
            f"{np.count_nonzero(chosen)} masked entries")
    work[chosen] = saturate(values.astype(np.float64), image.dtype)
    return image


def invert(image: np.ndarray, min_value: float | None = None, max_value: float | None = None,
           threshold: float | None = None, invert_above_threshold: bool = True) -> np.ndarray:
    """Invert an image: ``v' = max - |v - min|`` within ``[min_value, max_value]``.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C)
        Any numeric dtype or bool; not modified.
    min_value, max_value : number, optional
        The value range (default: the dtype's; ``[0, 1]`` for floats).
    threshold : number, optional
        Invert only values ``>= threshold`` (``< threshold`` if not
        *invert_above_threshold*).
    invert_above_threshold : bool, optional
        Which side of *threshold* is inverted.

    Returns
    -------
    ndarray
        A new image.

    Examples
    --------
    >>> invert(np.array([[0, 10, 255]], dtype=np.uint8)).tolist()
    [[255, 245, 0]]
    """
    return _shaped_like(F.invert(_as_3d(image), min_value=min_value, max_value=max_value,
                                 threshold=threshold,
                                 invert_above_threshold=invert_above_threshold), image)


def invert_(image: np.ndarray, min_value: float | None = None, max_value: float | None = None,
            threshold: float | None = None, invert_above_threshold: bool = True) -> np.ndarray:
    """:func:`invert`, writing into *image* and returning it.

    Examples
    --------
    >>> img = np.array([[0, 200]], dtype=np.uint8)
    >>> invert_(img, threshold=100) is img, img.tolist()
    (True, [[0, 55]])
    """
    return _into(image, invert(image, min_value, max_value, threshold, invert_above_threshold))


def solarize(image: np.ndarray, threshold: float = 128) -> np.ndarray:
    """Invert the values at or above *threshold* (:func:`invert` with a threshold).

    Examples
    --------
    >>> solarize(np.array([[100, 200]], dtype=np.uint8)).tolist()
    [[100, 55]]
    """
    return invert(image, threshold=threshold)


def solarize_(image: np.ndarray, threshold: float = 128) -> np.ndarray:
    """:func:`solarize`, writing into *image* and returning it.

    Examples
    --------
    >>> img = np.array([[128]], dtype=np.uint8)
    >>> solarize_(img).tolist()
    [[127]]
    """
    return invert_(image, threshold=threshold)


def compress_jpeg(image: np.ndarray, compression: float) -> np.ndarray:
    """JPEG-compress a uint8 image at *compression* in ``[0, 100]`` and decode it again.

    Parameters
    ----------
    image : ndarray of shape (H, W), (H, W, 1) or (H, W, 3), dtype uint8
        Not modified.
    compression : number in [0, 100]
        Strength: 0 is JPEG quality 100, 100 is quality 1 (imgaug's mapping,
        :func:`augkit_arithmetic.functional.compression_to_quality`).

    Returns
    -------
    ndarray
        The decoded image, of *image*'s shape.

    Raises
    ------
    augkit.InputError
        The image is not uint8.
    augkit.ParameterError
        *compression* is outside ``[0, 100]``.

    Examples
    --------
    >>> img = np.full((8, 8), 120, np.uint8)
    >>> out = compress_jpeg(img, 10)
    >>> out.shape, bool(np.abs(out.astype(int) - 120).max() <= 2)
    ((8, 8), True)
    """
    if image.dtype != np.uint8:
        raise InputError(f"compress_jpeg: image has dtype {image.dtype}, expected uint8")
    if not 0 <= compression <= 100:
        raise ParameterError(f"compression: expected a number in [0, 100], got {compression!r}")
    out = F.compress_jpeg(_as_3d(image), F.compression_to_quality(compression))
    return _shaped_like(out, image)


def ContrastNormalization(alpha: Any = 1.0, per_channel: Any = False,  # noqa: N802
                          **kwargs: Any) -> Any:
    """Deprecated (as in imgaug 0.4.0): build ``LinearContrast`` from the color family.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     type(ContrastNormalization(alpha=1.5)).__name__
    'LinearContrast'
    """
    warnings.warn("ContrastNormalization is deprecated: use LinearContrast",
                  DeprecationWarning, stacklevel=2)
    return augkit.get("LinearContrast", alpha=alpha, per_channel=per_channel, **kwargs)
