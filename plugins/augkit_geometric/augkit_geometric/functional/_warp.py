"""OpenCV warps on any dtype and channel count, with imgaug's mode and order names.

OpenCV's warps (``cv2.warpAffine``, ``cv2.warpPerspective``, ``cv2.remap``) take at
most four channels for cubic and Lanczos interpolation (and a four-component border
value) and drop the channel axis of one-channel images. The functions here take
``(H, W, C)`` arrays of any channel count and any numeric dtype and return new
C-contiguous ``(H', W', C)`` arrays of the input dtype.

dtypes go through :data:`augkit.extend.CV2_WORK_DTYPES` (one table for every
family), with two exceptions: nearest-neighbour warps copy the raw bytes of every
dtype (exact, int64 included), and float64 cubic warps run as two float32 warps
(OpenCV 5's float64 cubic warps are wrong; the sum keeps about 48 bits).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np

from augkit.extend import (
    CV2_MAX_CHANNELS,
    CV2_NATIVE_DTYPES,
    InputError,
    ParameterError,
    channel_groups,
    from_work,
    to_work,
    to_work_value,
)

#: imgaug/scikit-image border mode names the warps understand.
BORDER_MODES = ("constant", "edge", "symmetric", "reflect", "wrap")
#: Interpolation orders the warps understand.
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
# OpenCV's largest channel group for cubic and Lanczos warps and border values
_WARP_CHANNELS = 4

# dtype objects OpenCV takes as they are (``dtype.name`` is a slow Python property)
_NATIVE = frozenset(np.dtype(n) for n in CV2_NATIVE_DTYPES)
# Nearest-neighbour warps only move values: they run on a native view of the raw
# bytes (an 8-byte value as two int32 "channels"), exactly, whatever the dtype.
_BYTE_VIEWS = {1: np.dtype(np.uint8), 2: np.dtype(np.uint16), 4: np.dtype(np.int32),
               8: np.dtype(np.int32)}


def cv2_border(mode: str | int) -> int:
    """Return OpenCV's border flag for an imgaug/scikit-image *mode*.

    ==========  ===========================  ==========================================
    mode        OpenCV border                fills outside pixels with
    ==========  ===========================  ==========================================
    constant    ``BORDER_CONSTANT``          *cval*
    edge        ``BORDER_REPLICATE``         the nearest edge pixel (``aaa|abcd|ddd``)
    symmetric   ``BORDER_REFLECT``           a mirror that repeats the edge (``cba|abcd``)
    reflect     ``BORDER_REFLECT_101``       a mirror about the edge pixel (``dcb|abcd``)
    wrap        ``BORDER_WRAP``              the opposite side (``bcd|abcd|abc``)
    ==========  ===========================  ==========================================

    Parameters
    ----------
    mode : {'constant', 'edge', 'symmetric', 'reflect', 'wrap'} or int
        Also accepted: OpenCV's names ``'replicate'``, ``'reflect_101'`` and a
        ``cv2.BORDER_*`` constant (returned as is).

    Returns
    -------
    int
        A ``cv2.BORDER_*`` flag.

    Raises
    ------
    augkit.ParameterError
        For any other value.

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

    =====  ======================  ================================================
    order  OpenCV interpolation    note
    =====  ======================  ================================================
    0      ``INTER_NEAREST``       nearest neighbour
    1      ``INTER_LINEAR``        bilinear
    2      ``INTER_CUBIC``         OpenCV has no quadratic spline; cubic is closest
    3      ``INTER_CUBIC``         bicubic (Keys, a=-0.75; not skimage's spline)
    4, 5   ``INTER_LANCZOS4``      no 4th/5th-order spline in OpenCV; use
                                   :func:`warp_skimage` for true spline orders
    =====  ======================  ================================================

    Parameters
    ----------
    order : int in 0..5

    Returns
    -------
    int
        A ``cv2.INTER_*`` flag.

    Raises
    ------
    augkit.ParameterError
        For anything else.

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


def _empty_result(height: int, width: int, channels: int, fill: Any,
                  dtype: np.dtype) -> np.ndarray:
    out = np.empty((max(height, 0), max(width, 0), channels), dtype=np.float64)
    out[...] = fill
    return from_work(out, dtype) if dtype.kind != "f" else out.astype(dtype)


def _run(
    image: np.ndarray,
    out_hw: tuple[int, int],
    flags: int,
    border: int,
    cval: Any,
    call: Callable[[np.ndarray, int, int, tuple[float, ...]], np.ndarray],
) -> np.ndarray:
    """Run *call* on *image* in channel groups OpenCV accepts, in a dtype it accepts."""
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
        return _empty_result(height, width, channels, fill, dtype)
    if flags == cv2.INTER_NEAREST and dtype not in _NATIVE:
        return _run_nearest_view(image, height, width, border, values, call)
    work, values = _to_work(image, values)
    if flags == cv2.INTER_CUBIC and work.dtype == np.float64:
        call = _split_float64(call)
    return from_work(_call_in_groups(work, height, width, flags, border, values, call), dtype)


def _call_in_groups(work: np.ndarray, height: int, width: int, flags: int, border: int,
                    values: np.ndarray, call: Callable) -> np.ndarray:
    """One call when OpenCV takes every channel with one border value, else groups of 4.

    Nearest-neighbour warps give the same result for any channel count (other
    interpolations take at most 4 channels, linear more but through a coarser path).
    """
    channels = work.shape[2]
    if channels <= _WARP_CHANNELS or (flags == cv2.INTER_NEAREST
                                      and channels <= CV2_MAX_CHANNELS
                                      and bool(np.all(values == values[0]))):
        out = call(np.ascontiguousarray(work), flags, border, _border_value(values))
        return out.reshape(height, width, channels)
    out = np.empty((height, width, channels), dtype=work.dtype)
    for start, stop in channel_groups(channels, _WARP_CHANNELS):
        res = call(np.ascontiguousarray(work[:, :, start:stop]), flags, border,
                   _border_value(values[start:stop]))
        out[:, :, start:stop] = res.reshape(height, width, stop - start)
    return out


def _split_float64(call: Callable) -> Callable:
    """Wrap *call* to run a float64 cubic warp as two float32 ones (hi + lo parts).

    Cubic interpolation is linear in the pixel values, so warping the float32 part
    and the float32 residual separately and adding keeps about 48 bits.
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


def _run_nearest_view(image, height, width, border, values, call):
    """Nearest-neighbour warp of the raw bytes (see ``_BYTE_VIEWS``): exact."""
    dtype = image.dtype
    view = _BYTE_VIEWS[dtype.itemsize]
    channels = image.shape[2]
    src = np.ascontiguousarray(image).view(view)
    fill = values.astype(dtype) if dtype.kind != "b" else values >= 0.5
    fill = np.ascontiguousarray(fill).view(view).astype(np.float64)
    wide = src.shape[2]
    out = np.empty((height, width, wide), dtype=view)
    for start, stop in channel_groups(wide, _WARP_CHANNELS):
        part = src if stop - start == wide else np.ascontiguousarray(src[:, :, start:stop])
        res = call(part, cv2.INTER_NEAREST, border, _border_value(fill[start:stop]))
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
        Any channel count, any numeric dtype.
    matrix : array_like of shape (2, 3) or (3, 3)
        Maps input to output coordinates, with pixel centres at integer positions
        (OpenCV's convention; augkit's coordinates are this plus 0.5, see
        :func:`to_cv2_matrix`).
    dsize : tuple of (int, int)
        Output ``(width, height)``, as OpenCV takes it.
    order : int in 0..5
        Interpolation, see :func:`cv2_interpolation`.
    mode : {'constant', 'edge', 'symmetric', 'reflect', 'wrap'} or int
        How to fill pixels that map outside the input, see :func:`cv2_border`.
    cval : number or sequence of numbers
        Fill value for ``mode='constant'``, one for all channels or one per channel.

    Returns
    -------
    ndarray of shape (height, width, C)
        A new C-contiguous array of the input dtype.

    Examples
    --------
    >>> img = np.arange(6, dtype=np.uint8).reshape(2, 3, 1)
    >>> shift = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])  # one pixel to the right
    >>> warp_affine(img, shift, (3, 2), order=0, cval=9)[:, :, 0].tolist()
    [[9, 0, 1], [9, 3, 4]]
    """
    m = _as_matrix(matrix, 2, "matrix")
    size = (int(dsize[0]), int(dsize[1]))

    def call(src, flags, border, value):
        return cv2.warpAffine(src, m, size, flags=flags, borderMode=border, borderValue=value)

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

    Parameters
    ----------
    image : ndarray of shape (H, W, C) or (H, W)
        Any channel count, any numeric dtype.
    matrix : array_like of shape (3, 3)
        Maps input to output coordinates (pixel centres at integers).
    dsize : tuple of (int, int)
        Output ``(width, height)``.
    order, mode, cval
        As for :func:`warp_affine`.

    Returns
    -------
    ndarray of shape (height, width, C)
        A new C-contiguous array of the input dtype.

    Examples
    --------
    >>> img = np.arange(4, dtype=np.float32).reshape(2, 2, 1)
    >>> warp_perspective(img, np.eye(3), (2, 2), order=0)[:, :, 0].tolist()
    [[0.0, 1.0], [2.0, 3.0]]
    """
    m = _as_matrix(matrix, 3, "matrix")
    size = (int(dsize[0]), int(dsize[1]))

    def call(src, flags, border, value):
        return cv2.warpPerspective(src, m, size, flags=flags, borderMode=border,
                                   borderValue=value)

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

    Examples
    --------
    >>> img = np.array([[10, 20, 30]], dtype=np.uint8)
    >>> xs = np.array([[2.0, 1.0, 0.0]])  # read the row backwards
    >>> remap(img, xs, np.zeros((1, 3)), order=0)[:, :, 0].tolist()
    [[30, 20, 10]]
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


def warp_skimage(
    image: np.ndarray,
    matrix: Any,
    dsize: tuple[int, int],
    *,
    order: int = 1,
    mode: str = "constant",
    cval: Any = 0,
) -> np.ndarray:
    """Like :func:`warp_perspective`, with scikit-image's true spline orders 0..5.

    Slower than OpenCV; :func:`warp` uses it for ``order`` 2, 4 and 5 and for
    ``backend='skimage'``. Every dtype is warped in float64.

    Parameters
    ----------
    image : ndarray of shape (H, W, C) or (H, W)
        Any channel count, any numeric dtype.
    matrix : array_like of shape (3, 3)
        Maps input to output coordinates (pixel centres at integers).
    dsize : tuple of (int, int)
        Output ``(width, height)``.
    order : int in 0..5
        Spline order.
    mode : {'constant', 'edge', 'symmetric', 'reflect', 'wrap'}
        scikit-image's border names (no OpenCV constants).
    cval : number or sequence of numbers
        As for :func:`warp_affine`.

    Returns
    -------
    ndarray of shape (height, width, C)
        A new array of the input dtype.

    Examples
    --------
    >>> img = np.arange(4, dtype=np.float64).reshape(2, 2)
    >>> warp_skimage(img, np.eye(3), (2, 2), order=5)[:, :, 0].round(6).tolist()
    [[0.0, 1.0], [2.0, 3.0]]
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
    if height <= 0 or width <= 0 or channels == 0:
        return _empty_result(height, width, channels, 0, dtype)
    if image.shape[0] == 0 or image.shape[1] == 0:
        return _empty_result(height, width, channels, values if mode == "constant" else 0,
                             dtype)
    out = np.empty((height, width, channels), dtype=np.float64)
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


def resolve_backend(backend: str, order: int, mode: Any) -> str:
    """Which library :func:`warp` runs on: ``'skimage'`` or ``'cv2'``.

    scikit-image for ``backend='skimage'``, and for ``'auto'`` with a spline order (2, 4
    or 5); OpenCV otherwise, and for modes scikit-image does not know (``cv2.BORDER_*``
    constants).

    Examples
    --------
    >>> resolve_backend("auto", 3, "constant"), resolve_backend("auto", 5, "edge")
    ('cv2', 'skimage')
    """
    spline = backend == "skimage" or (backend == "auto" and int(order) in (2, 4, 5))
    return "skimage" if spline and isinstance(mode, str) and mode in BORDER_MODES else "cv2"


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

    Parameters
    ----------
    image : ndarray of shape (H, W, C) or (H, W)
        Any channel count, any numeric dtype.
    matrix : array_like of shape (3, 3)
        Maps input to output coordinates (pixel centres at integers).
    dsize : tuple of (int, int)
        Output ``(width, height)``.
    order, mode, cval
        As for :func:`warp_affine`.
    backend : {'auto', 'cv2', 'skimage'}
        ``'auto'`` uses OpenCV (affine matrices through ``warpAffine``) for orders
        0, 1 and 3 and scikit-image for the spline orders 2, 4 and 5; ``'cv2'``
        always OpenCV (orders 2, 4, 5 approximated, see :func:`cv2_interpolation`);
        ``'skimage'`` always scikit-image.

    Returns
    -------
    ndarray of shape (height, width, C)
        A new array of the input dtype.

    Examples
    --------
    >>> img = np.arange(6, dtype=np.int64).reshape(2, 3)
    >>> flip = np.array([[-1.0, 0.0, 2.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    >>> warp(img, flip, (3, 2), order=0)[:, :, 0].tolist()
    [[2, 1, 0], [5, 4, 3]]
    """
    m = np.asarray(matrix, dtype=np.float64)
    if resolve_backend(backend, order, mode) == "skimage":
        return warp_skimage(image, m, dsize, order=order, mode=mode, cval=cval)
    if m.shape == (3, 3) and m[2, 0] == 0 and m[2, 1] == 0 and m[2, 2] == 1:
        return warp_affine(image, m[:2], dsize, order=order, mode=mode, cval=cval)
    return warp_perspective(image, m, dsize, order=order, mode=mode, cval=cval)
