"""Running OpenCV on any dtype and channel count: one table, one helper.

OpenCV's image functions take ``uint8``, ``uint16``, ``int16``, ``float32`` and
``float64`` (:data:`CV2_NATIVE_DTYPES`) and at most :data:`CV2_MAX_CHANNELS` channels
(some functions fewer). Every family goes through this module for the rest, so that
a dtype fix is made once:

=========================  ===========  ============================================
input dtype                work dtype   back to the input dtype
=========================  ===========  ============================================
uint8, uint16, int16,      itself       OpenCV rounds and saturates
float32, float64
bool                       float32 0/1  ``>= 0.5``: True where at least half of the
                                        interpolated or filtered source was True
int8                       int16        round, clip
float16                    float32      cast
uint32, int32              float64      round, clip
int64, uint64              float64      round, clip; values beyond 2**53 lose low bits
=========================  ===========  ============================================

Examples
--------
>>> import cv2, numpy as np
>>> image = np.array([[0, 10, 20]], dtype=np.int32)[:, :, None]
>>> run_cv2(image, lambda a: cv2.blur(a, (3, 1)))[:, :, 0].tolist()
[[7, 10, 13]]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from augkit.dtypes import integer_limits
from augkit.errors import InputError

#: Most channels one OpenCV call accepts (CV_CN_MAX: 128 in OpenCV 5, 512 before);
#: the smaller bound is safe with both.
CV2_MAX_CHANNELS = 128

#: dtype names OpenCV's image functions take as they are.
CV2_NATIVE_DTYPES = frozenset({"uint8", "uint16", "int16", "float32", "float64"})

#: The dtype each other dtype is processed in (see the module's table).
CV2_WORK_DTYPES: dict[str, np.dtype] = {
    "bool": np.dtype(np.float32),
    "int8": np.dtype(np.int16),
    "float16": np.dtype(np.float32),
    "uint32": np.dtype(np.float64),
    "int32": np.dtype(np.float64),
    "int64": np.dtype(np.float64),
    "uint64": np.dtype(np.float64),
}

_BOOL = np.dtype(bool)
_FLOAT_BOUNDS: dict[np.dtype, tuple[float, float]] = {}


def work_dtype(dtype: np.dtype, native: frozenset[str] = CV2_NATIVE_DTYPES) -> np.dtype:
    """Return the dtype an image of *dtype* is processed in (itself if *native*).

    Raises
    ------
    augkit.InputError
        For a dtype OpenCV cannot process (complex, object, strings...).
    """
    dtype = np.dtype(dtype)
    if dtype.name in native:
        return dtype
    work = CV2_WORK_DTYPES.get(dtype.name)
    if work is not None:
        return work
    if dtype.kind in "uif":  # native to OpenCV but not to the function at hand
        return np.dtype(np.float64)
    raise InputError(f"image: OpenCV cannot process images of dtype {dtype.name}")


def to_work(image: np.ndarray, native: frozenset[str] = CV2_NATIVE_DTYPES) -> np.ndarray:
    """Return *image* in its work dtype (bool as float32 0/1); native dtypes as is."""
    if image.dtype.name in native:
        return image
    work = work_dtype(image.dtype, native)
    return image.astype(work)


def to_work_value(value: float, dtype: np.dtype) -> float:
    """Return a fill value of an image of *dtype* as its work dtype sees it."""
    if np.dtype(dtype) == _BOOL:
        return 1.0 if value >= 0.5 else 0.0
    return float(value)


def from_work(out: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Return *out* (a result in a work dtype) as *dtype*: rounded, clipped, thresholded.

    Examples
    --------
    >>> from_work(np.array([0.25, 0.5]), np.dtype(bool)).tolist()
    [False, True]
    >>> from_work(np.array([-3.6, 300.2]), np.dtype(np.int8)).tolist()
    [-4, 127]
    """
    dtype = np.dtype(dtype)
    if out.dtype == dtype:
        return out
    if dtype == _BOOL:
        return out >= 0.5
    if dtype.kind in "ui":
        if out.dtype.kind == "f":
            low, high = _float_bounds(dtype)
            out = np.rint(out)
        else:
            low, high = integer_limits(dtype)
        np.clip(out, low, high, out=out)
    return out.astype(dtype)


def _float_bounds(dtype: np.dtype) -> tuple[float, float]:
    bounds = _FLOAT_BOUNDS.get(dtype)
    if bounds is None:
        int_low, int_high = integer_limits(dtype)
        high = float(int_high)
        if high >= 2.0**53:  # float(2**63 - 1) rounds up to 2**63, which overflows
            high = float(np.nextafter(high, 0.0))
        bounds = _FLOAT_BOUNDS[dtype] = (float(int_low), high)
    return bounds


def channel_groups(nb_channels: int, allowed: Sequence[int] | int) -> list[tuple[int, int]]:
    """Split ``range(nb_channels)`` into ``(start, stop)`` groups an OpenCV call accepts.

    *allowed* is the largest group size (an int) or the exact sizes accepted (a
    sequence such as ``(1, 3, 4)``, tried largest first).

    Examples
    --------
    >>> channel_groups(6, (1, 3, 4))
    [(0, 4), (4, 5), (5, 6)]
    >>> channel_groups(5, 128)
    [(0, 5)]
    """
    if isinstance(allowed, int):
        return [(s, min(s + allowed, nb_channels)) for s in range(0, nb_channels, allowed)]
    sizes = sorted(allowed, reverse=True)
    groups, start = [], 0
    while start < nb_channels:
        size = next(s for s in sizes if s <= nb_channels - start)
        groups.append((start, start + size))
        start += size
    return groups


def run_cv2(
    image: np.ndarray,
    func: Callable[[np.ndarray], np.ndarray],
    *,
    native: frozenset[str] = CV2_NATIVE_DTYPES,
    channels: Sequence[int] | int = CV2_MAX_CHANNELS,
) -> np.ndarray:
    """Apply an OpenCV function *func* (same size in and out) to an image of any dtype.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype, any channel count.
    func : callable
        Takes a C-contiguous ``(H, W, c)`` array in a dtype of *native* and returns
        an array of ``H * W * c`` values (OpenCV may drop a channel axis of 1).
    native : frozenset of str, optional
        dtype names *func* takes as they are; others go through
        :data:`CV2_WORK_DTYPES` (default: :data:`CV2_NATIVE_DTYPES`).
    channels : int or sequence of int, optional
        The largest channel group *func* takes, or the exact group sizes it takes.

    Returns
    -------
    ndarray of shape (H, W, C)
        A new C-contiguous array of *image*'s dtype.
    """
    height, width, nb_channels = image.shape
    if image.dtype.char == "B" and isinstance(channels, int) and nb_channels <= channels \
            and "uint8" in native:
        # the common case, kept free of per-call Python work
        out = func(image if image.flags.c_contiguous else np.ascontiguousarray(image))
        return out.reshape(height, width, nb_channels)
    dtype = image.dtype
    work = to_work(image, native)
    groups = channel_groups(nb_channels, channels)
    if len(groups) == 1:
        out = func(work if work.flags.c_contiguous else np.ascontiguousarray(work))
        out = out.reshape(height, width, nb_channels)
    else:
        out = np.empty(work.shape, dtype=work.dtype)
        for start, stop in groups:
            part = func(np.ascontiguousarray(work[:, :, start:stop]))
            out[:, :, start:stop] = part.reshape(height, width, stop - start)
    return from_work(out, dtype)
