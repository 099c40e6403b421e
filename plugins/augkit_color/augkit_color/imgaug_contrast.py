"""``augkit.augmenters.contrast``: imgaug's ``contrast`` module, from the color family.

Every imgaug module name a family provides is a module ``imgaug_<name>`` of its
package, registered by ``plugin.py``'s ``augkit_modules`` hook. Its ``__all__`` lists
imgaug's public names of that module: the augmenter classes and the family's
``functional`` kernels re-exported, and where imgaug's signature differs from the
kernel's, a thin adapter here that calls the kernel.

Examples
--------
>>> import numpy as np
>>> from augkit import augmenters as iaa
>>> iaa.contrast.adjust_contrast_gamma(np.array([[0, 64, 255]], np.uint8), 2.0).tolist()
[[0, 16, 255]]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit.extend import InputError
from augkit_color import functional as F
from augkit_color.contrast import (
    CLAHE,
    AllChannelsCLAHE,
    AllChannelsHistogramEqualization,
    GammaContrast,
    HistogramEqualization,
    LinearContrast,
    LogContrast,
    SigmoidContrast,
)

__all__ = [
    "CLAHE", "AllChannelsCLAHE", "AllChannelsHistogramEqualization", "GammaContrast",
    "HistogramEqualization", "LinearContrast", "LogContrast", "SigmoidContrast",
    "adjust_contrast_gamma", "adjust_contrast_linear", "adjust_contrast_log",
    "adjust_contrast_sigmoid",
]

_DTYPES = ("uint8", "uint16", "float32", "float64")


def _transfer(arr: np.ndarray, transfer: Any, *params: Any) -> np.ndarray:
    if arr.dtype.name not in _DTYPES:
        raise InputError(f"arr: contrast functions take dtypes {', '.join(_DTYPES)}, got "
                         f"{arr.dtype}")
    if arr.size == 0:
        return np.copy(arr)
    work = arr if arr.ndim == 3 else arr[:, :, None]
    columns = [np.atleast_1d(np.asarray(p, dtype=np.float64)) for p in params]
    return F.apply_transfer(work, transfer, *columns).reshape(arr.shape)


def adjust_contrast_gamma(arr: np.ndarray, gamma: Any) -> np.ndarray:
    """Gamma contrast, ``255 * (v / 255) ** gamma`` (on ``[0, 1]`` for floats).

    Parameters
    ----------
    arr : ndarray of shape (H, W) or (H, W, C), dtype uint8, uint16, float32 or float64
        Not modified.
    gamma : number or array_like of shape (C,)
        One exponent, or one per channel.

    Returns
    -------
    ndarray
        A new array of *arr*'s shape and dtype.

    Examples
    --------
    >>> adjust_contrast_gamma(np.array([[0.25]], np.float32), 2.0).tolist()
    [[0.0625]]
    """
    return _transfer(arr, F.gamma_transfer, gamma)


def adjust_contrast_sigmoid(arr: np.ndarray, gain: Any, cutoff: Any) -> np.ndarray:
    """Sigmoid contrast, ``1 / (1 + exp(gain * (cutoff - v)))`` on values read as ``[0, 1]``.

    Examples
    --------
    >>> adjust_contrast_sigmoid(np.array([[128]], np.uint8), 10, 0.5).tolist()
    [[129]]
    """
    return _transfer(arr, F.sigmoid_transfer, gain, cutoff)


def adjust_contrast_log(arr: np.ndarray, gain: Any) -> np.ndarray:
    """Log contrast, ``gain * log2(1 + v)`` on values read as ``[0, 1]``.

    Examples
    --------
    >>> adjust_contrast_log(np.array([[0, 255]], np.uint8), 0.5).tolist()
    [[0, 128]]
    """
    return _transfer(arr, F.log_transfer, gain)


def adjust_contrast_linear(arr: np.ndarray, alpha: Any) -> np.ndarray:
    """Linear contrast around the middle value, ``mid + alpha * (v - mid)``.

    Examples
    --------
    >>> adjust_contrast_linear(np.array([[64, 128]], np.uint8), 2.0).tolist()
    [[0, 129]]
    """
    return _transfer(arr, F.linear_transfer, alpha)
