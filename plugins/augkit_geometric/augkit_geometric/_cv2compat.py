"""OpenCV adapter for the geometric family: border modes, interpolation orders and
warps that accept every channel count and every numeric dtype.

OpenCV's warps (``cv2.warpAffine``, ``cv2.warpPerspective``, ``cv2.remap``) take
``uint8``, ``uint16``, ``int16``, ``float32`` and ``float64`` images, at most four
channels for cubic and Lanczos interpolation (and a four-component border value), and
drop the channel axis of one-channel images. The functions here hide all of that: they
take ``(H, W, C)`` arrays of any channel count and any numeric dtype and return new
C-contiguous ``(H', W', C)`` arrays of the input dtype.

Names follow imgaug/scikit-image:

=============  ==========================  ==========================================
mode           OpenCV border               fills outside pixels with
=============  ==========================  ==========================================
constant       ``BORDER_CONSTANT``         *cval*
edge           ``BORDER_REPLICATE``        the nearest edge pixel (``aaa|abcd|ddd``)
symmetric      ``BORDER_REFLECT``          a mirror that repeats the edge (``cba|abcd|dcb``)
reflect        ``BORDER_REFLECT_101``      a mirror about the edge pixel (``dcb|abcd|cba``)
wrap           ``BORDER_WRAP``             the opposite side (``bcd|abcd|abc``)
=============  ==========================  ==========================================

=====  ======================  ====================================================
order  OpenCV interpolation    note
=====  ======================  ====================================================
0      ``INTER_NEAREST``       nearest neighbour
1      ``INTER_LINEAR``        bilinear
2      ``INTER_CUBIC``         OpenCV has no quadratic spline; cubic is closest
3      ``INTER_CUBIC``         bicubic (Keys, a=-0.75; not skimage's cubic spline)
4, 5   ``INTER_LANCZOS4``      OpenCV has no 4th/5th-order spline; use
                               :func:`warp_skimage` for true spline orders
=====  ======================  ====================================================

dtype handling (the work dtype holds every input value exactly unless noted):

=========================  ===========  ==============================================
input dtype                work dtype   back to the input dtype
=========================  ===========  ==============================================
uint8, uint16, int16,      itself       cv2 rounds and saturates
float32, float64           (float64 cubic: as two float32 warps, see below)
bool                       uint8 0/255  ``>= 128`` (a pixel is True when at least half
                                        of its interpolated source is True)
int8                       int16        round, clip
float16                    float32      cast
uint32, int32              float64      round, clip
int64, uint64              float64      round, clip; values beyond 2**53 lose low bits
=========================  ===========  ==============================================

Examples
--------
>>> import numpy as np
>>> img = np.arange(6, dtype=np.uint8).reshape(2, 3, 1)
>>> shift = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])  # one pixel to the right
>>> warp_affine(img, shift, (3, 2), order=0, mode="constant", cval=9)[:, :, 0].tolist()
[[9, 0, 1], [9, 3, 4]]
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np

from augkit.extend import (
    CV2_NATIVE_DTYPES,
    InputError,
    ParameterError,
    from_work,
    to_work,
    to_work_value,
)

__all__ = [
    "BORDER_MODES",
    "ORDERS",
    "cv2_border",
    "cv2_interpolation",
    "remap",
    "warp",
    "warp_affine",
    "warp_perspective",
    "warp_skimage",
]

#: imgaug/scikit-image border mode names this module understands.
BORDER_MODES = ("constant", "edge", "symmetric", "reflect", "wrap")
#: interpolation orders this module understands.
ORDERS = (0, 1, 2, 3, 4, 5)

_BORDERS = {
    "constant": cv2.BORDER_CONSTANT,
    "edge": cv2.BORDER_REPLICATE,
    "symmetric": cv2.BORDER_REFLECT,
    "reflect": cv2.BORDER_REFLECT_101,
    "wrap": cv2.BORDER_WRAP,
    # OpenCV's own spellings, for AffineCv2 / PerspectiveTransform users
    "replicate": cv2.BORDER_REPLICATE,
    "reflect_101": cv2.BORDER_REFLECT_101,
    "reflect101": cv2.BORDER_REFLECT_101,
}
_BORDER_INTS = frozenset(_BORDERS.values())

_INTERPOLATIONS = {
    0: cv2.INTER_NEAREST,
    1: cv2.INTER_LINEAR,
    2: cv2.INTER_CUBIC,
    3: cv2.INTER_CUBIC,
    4: cv2.INTER_LANCZOS4,
    5: cv2.INTER_LANCZOS4,
}
# interpolations for which cv2 warps give the same result for any channel count (other
# interpolations take <= 4 channels; linear accepts more but through a coarser path)
_MANY_CHANNEL_FLAGS = frozenset({cv2.INTER_NEAREST})

# dtype objects OpenCV takes as they are (``dtype.name`` is a slow Python property)
_NATIVE = frozenset(np.dtype(n) for n in CV2_NATIVE_DTYPES)


def cv2_border(mode: str | int) -> int:
    """Return OpenCV's border flag for an imgaug/scikit-image *mode*.

    Parameters
    ----------
    mode : {'constant', 'edge', 'symmetric', 'reflect', 'wrap'} or int
        Also accepted: OpenCV's names ``'replicate'``, ``'reflect_101'`` and a
        ``cv2.BORDER_*`` constant (returned as is).

    Examples
    --------
    >>> cv2_border("edge") == cv2.BORDER_REPLICATE
    True
    """
    if isinstance(mode, (int, np.integer)) and not isinstance(mode, bool):
        if int(mode) in _BORDER_INTS:
            return int(mode)
    elif isinstance(mode, str) and mode in _BORDERS:
        return _BORDERS[mode]
    raise ParameterError(
        f"mode: expected one of {', '.join(repr(m) for m in BORDER_MODES)} (or a "
        f"cv2.BORDER_* constant), got {mode!r}"
    )


def cv2_interpolation(order: int) -> int:
    """Return OpenCV's interpolation flag for a spline *order* in 0..5.

    0 nearest, 1 linear, 2 and 3 cubic, 4 and 5 Lanczos-4 (see the module table).

    Examples
    --------
    >>> cv2_interpolation(1) == cv2.INTER_LINEAR
    True
    """
    if isinstance(order, (int, np.integer)) and not isinstance(order, bool):
        flag = _INTERPOLATIONS.get(int(order))
        if flag is not None:
            return flag
    raise ParameterError(f"order: expected an int in 0..5, got {order!r}")


# ---------------------------------------------------------------------- helpers
def _channel_values(cval: Any, channels: int) -> np.ndarray:
    values = np.asarray(cval, dtype=np.float64).reshape(-1)
    if values.size == 1:
        return np.repeat(values, channels)
    if values.size < channels:
        raise InputError(
            f"cval: expected a number or one value per channel ({channels}), got "
            f"{values.size} values"
        )
    return values[:channels]


def _to_work(image: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if image.dtype in _NATIVE:
        return image, values
    return to_work(image), np.array([to_work_value(v, image.dtype) for v in values])


def _border_value(values: np.ndarray) -> tuple[float, ...]:
    out = [float(v) for v in values[:4]]
    return tuple(out + [0.0] * (4 - len(out)))


def _run(
    image: np.ndarray,
    out_hw: tuple[int, int],
    flags: int,
    border: int,
    cval: Any,
    call: Callable[[np.ndarray, int, int, tuple[float, ...]], np.ndarray],
) -> np.ndarray:
    """Run *call* on *image* in chunks OpenCV accepts, in a dtype it accepts."""
    if image.ndim == 2:
        image = image[:, :, None]
    if image.ndim != 3:
        raise InputError(f"image: expected an (H, W, C) array, got shape {image.shape}")
    height, width = int(out_hw[0]), int(out_hw[1])
    channels = image.shape[2]
    dtype = image.dtype
    values = _channel_values(cval, channels) if channels else np.zeros(0)
    if height <= 0 or width <= 0 or channels == 0 or image.shape[0] == 0 or image.shape[1] == 0:
        fill = values if border == cv2.BORDER_CONSTANT or channels == 0 else values * 0
        out = np.empty((max(height, 0), max(width, 0), channels), dtype=np.float64)
        out[...] = fill
        return from_work(out, dtype) if dtype.kind != "f" else out.astype(dtype)
    if flags == cv2.INTER_NEAREST and dtype not in _NATIVE:
        return _run_nearest_view(image, height, width, border, values, call)
    work, values = _to_work(image, values)
    if flags == cv2.INTER_CUBIC and work.dtype == np.float64:
        call = _split_float64(call)
    if channels <= 4 or (flags in _MANY_CHANNEL_FLAGS and channels < 512
                         and bool(np.all(values == values[0]))):
        out = call(np.ascontiguousarray(work), flags, border, _border_value(values))
        out = out.reshape(height, width, channels)
    else:
        out = np.empty((height, width, channels), dtype=work.dtype)
        for start in range(0, channels, 4):
            stop = min(start + 4, channels)
            chunk = np.ascontiguousarray(work[:, :, start:stop])
            res = call(chunk, flags, border, _border_value(values[start:stop]))
            out[:, :, start:stop] = res.reshape(height, width, stop - start)
    return from_work(out, dtype)


def _split_float64(call):
    """Wrap *call* to run float64 cubic warps as two float32 ones (hi + lo parts).

    OpenCV 5's cubic warps of float64 images are wrong (they return near-zero
    values); cubic interpolation is linear in the pixel values, so warping the float32
    part and the float32 residual separately and adding keeps about 48 bits.
    """

    def split(src, flags, border, value):
        hi = src.astype(np.float32)
        lo = (src - hi).astype(np.float32)
        vhi = tuple(float(np.float32(v)) for v in value)
        vlo = tuple(float(v - h) for v, h in zip(value, vhi))
        out = call(hi, flags, border, vhi).astype(np.float64)
        out += call(lo, flags, border, vlo)
        return out

    return split


_VIEW_DTYPES = {1: np.dtype(np.uint8), 2: np.dtype(np.uint16), 4: np.dtype(np.int32),
               8: np.dtype(np.int32)}


def _run_nearest_view(image, height, width, border, values, call):
    """Nearest-neighbour warps only copy pixels: warp the raw bytes, exactly."""
    dtype = image.dtype
    view = _VIEW_DTYPES[dtype.itemsize]
    channels = image.shape[2]
    src = np.ascontiguousarray(image).view(view)
    fill = values.astype(dtype) if dtype.kind != "b" else values >= 0.5
    fill = np.ascontiguousarray(fill).view(view).astype(np.float64)
    wide = src.shape[2]
    out = np.empty((height, width, wide), dtype=view)
    if wide <= 4:
        out[...] = call(src, cv2.INTER_NEAREST, border, _border_value(fill)).reshape(out.shape)
    else:
        for start in range(0, wide, 4):
            stop = min(start + 4, wide)
            res = call(np.ascontiguousarray(src[:, :, start:stop]), cv2.INTER_NEAREST, border,
                       _border_value(fill[start:stop]))
            out[:, :, start:stop] = res.reshape(height, width, stop - start)
    return out.view(dtype).reshape(height, width, channels)


def _as_matrix(matrix: Any, rows: int, name: str) -> np.ndarray:
    m = np.asarray(matrix, dtype=np.float64)
    if m.shape == (3, 3) and rows == 2:
        m = m[:2]
    if m.shape != (rows, 3):
        raise InputError(f"{name}: expected a ({rows}, 3) matrix, got shape {m.shape}")
    return m


# ---------------------------------------------------------------------- warps
def warp_affine(
    image: np.ndarray,
    matrix: Any,
    dsize: tuple[int, int],
    *,
    order: int = 1,
    mode: str | int = "constant",
    cval: Any = 0,
) -> np.ndarray:
    """Warp *image* with a forward affine matrix in OpenCV's pixel convention.

    Parameters
    ----------
    image : ndarray of shape (H, W, C) or (H, W)
        Any channel count, any numeric dtype (see the module's dtype table).
    matrix : array_like of shape (2, 3) or (3, 3)
        Maps input to output coordinates, with pixel centres at integer positions
        (OpenCV's convention; augkit's coordinates are this plus 0.5).
    dsize : tuple of (int, int)
        Output ``(width, height)``, as OpenCV takes it.
    order : int in 0..5
        Interpolation, see :func:`cv2_interpolation`.
    mode : {'constant', 'edge', 'symmetric', 'reflect', 'wrap'}
        How to fill pixels that map outside the input.
    cval : number or sequence of numbers
        Fill value for ``mode='constant'``, one for all channels or one per channel.

    Returns
    -------
    ndarray of shape (height, width, C)
        A new C-contiguous array of the input dtype.
    """
    m = _as_matrix(matrix, 2, "matrix")

    def call(src, flags, border, value):
        return cv2.warpAffine(src, m, (int(dsize[0]), int(dsize[1])), flags=flags,
                              borderMode=border, borderValue=value)

    return _run(image, (dsize[1], dsize[0]), cv2_interpolation(order), cv2_border(mode),
                cval, call)


def warp_perspective(
    image: np.ndarray,
    matrix: Any,
    dsize: tuple[int, int],
    *,
    order: int = 1,
    mode: str | int = "constant",
    cval: Any = 0,
) -> np.ndarray:
    """Warp *image* with a forward 3x3 homography in OpenCV's pixel convention.

    Parameters are those of :func:`warp_affine`, with *matrix* of shape (3, 3).
    """
    m = _as_matrix(matrix, 3, "matrix")

    def call(src, flags, border, value):
        return cv2.warpPerspective(src, m, (int(dsize[0]), int(dsize[1])), flags=flags,
                                   borderMode=border, borderValue=value)

    return _run(image, (dsize[1], dsize[0]), cv2_interpolation(order), cv2_border(mode),
                cval, call)


def remap(
    image: np.ndarray,
    map_x: np.ndarray,
    map_y: np.ndarray,
    *,
    order: int = 1,
    mode: str | int = "constant",
    cval: Any = 0,
) -> np.ndarray:
    """Sample *image* at ``(map_x, map_y)`` (OpenCV pixel convention) for every output pixel.

    Parameters
    ----------
    image : ndarray of shape (H, W, C) or (H, W)
        Any channel count, any numeric dtype.
    map_x, map_y : ndarray of shape (H', W')
        Source x and y of each output pixel (converted to float32).
    order, mode, cval
        As for :func:`warp_affine`.

    Returns
    -------
    ndarray of shape (H', W', C)
        A new C-contiguous array of the input dtype.
    """
    mx = np.ascontiguousarray(map_x, dtype=np.float32)
    my = np.ascontiguousarray(map_y, dtype=np.float32)
    if mx.shape != my.shape or mx.ndim != 2:
        raise InputError(
            f"map_x, map_y: expected two 2D arrays of one shape, got {mx.shape} and {my.shape}"
        )
    def call(src, flags, border, value):
        return cv2.remap(src, mx, my, interpolation=flags, borderMode=border,
                         borderValue=value)

    return _run(image, map_x.shape[:2], cv2_interpolation(order), cv2_border(mode), cval,
                call)


# ---------------------------------------------------------------------- skimage backend
def warp_skimage(
    image: np.ndarray,
    matrix: Any,
    dsize: tuple[int, int],
    *,
    order: int = 1,
    mode: str = "constant",
    cval: Any = 0,
) -> np.ndarray:
    """Like :func:`warp_perspective` but with scikit-image's true spline orders 0..5.

    Slower than OpenCV; used for ``order`` 2, 4 and 5 and for ``backend='skimage'``.
    *mode* must be one of the five imgaug names.
    """
    from skimage.transform import warp as sk_warp

    m = _as_matrix(matrix, 3, "matrix")
    if not isinstance(mode, str) or mode not in BORDER_MODES:
        raise ParameterError(
            f"mode: expected one of {', '.join(repr(x) for x in BORDER_MODES)}, got {mode!r}"
        )
    if image.ndim == 2:
        image = image[:, :, None]
    width, height = int(dsize[0]), int(dsize[1])
    channels = image.shape[2]
    dtype = image.dtype
    values = _channel_values(cval, channels) if channels else np.zeros(0)
    out = np.empty((max(height, 0), max(width, 0), channels), dtype=np.float64)
    if out.size == 0:
        return from_work(out, dtype) if dtype.kind != "f" else out.astype(dtype)
    if image.shape[0] == 0 or image.shape[1] == 0:
        out[...] = values if mode == "constant" else 0
        return from_work(out, dtype) if dtype.kind != "f" else out.astype(dtype)
    inverse = np.linalg.inv(m)
    work = image.astype(np.float64)
    if dtype.kind == "b":
        values = np.where(values >= 0.5, 1.0, 0.0)
    groups: dict[float, list[int]] = {}
    for c, v in enumerate(values.tolist()):
        groups.setdefault(v, []).append(c)
    for value, idx in groups.items():
        with warnings.catch_warnings():
            # skimage warns that order 2 now wraps scipy; that is the order asked for
            warnings.simplefilter("ignore", UserWarning)
            res = sk_warp(work[:, :, idx], inverse, output_shape=(height, width),
                          order=int(order), mode=mode, cval=value, preserve_range=True)
        out[:, :, idx] = res.reshape(height, width, len(idx))
    if dtype.kind == "b":
        return out >= 0.5
    if dtype.kind in "ui":
        return from_work(out, dtype)
    return out.astype(dtype)


def warp(
    image: np.ndarray,
    matrix: Any,
    dsize: tuple[int, int],
    *,
    order: int = 1,
    mode: str | int = "constant",
    cval: Any = 0,
    backend: str = "auto",
) -> np.ndarray:
    """Warp *image* with a 3x3 matrix (OpenCV pixel convention), choosing the backend.

    ``backend='auto'`` uses OpenCV (affine matrices through ``warpAffine``) for orders
    0, 1 and 3 and scikit-image for the spline orders 2, 4 and 5; ``'cv2'`` always
    OpenCV (orders 2, 4, 5 approximated, see :func:`cv2_interpolation`); ``'skimage'``
    always scikit-image.
    """
    m = np.asarray(matrix, dtype=np.float64)
    use_skimage = backend == "skimage" or (backend == "auto" and int(order) in (2, 4, 5))
    if use_skimage and isinstance(mode, str) and mode in BORDER_MODES:
        return warp_skimage(image, m, dsize, order=order, mode=mode, cval=cval)
    if m.shape == (3, 3) and m[2, 0] == 0 and m[2, 1] == 0 and m[2, 2] == 1:
        return warp_affine(image, m[:2], dsize, order=order, mode=mode, cval=cval)
    return warp_perspective(image, m, dsize, order=order, mode=mode, cval=cval)
