"""Image helpers: resizing, padding and pooling of image-like arrays.

Pure functions on ``(H, W)`` or ``(H, W, C)`` numpy arrays, public so that augmenter
families (first- and third-party) share one fast, dtype-aware implementation:

* :func:`imresize_single_image`, :func:`imresize_many_images`: resize with OpenCV,
  for any channel count and dtype.
* :func:`pad`, :func:`pad_to_aspect_ratio`, :func:`pad_to_multiples_of`: pad sides
  with numpy's modes (OpenCV's ``copyMakeBorder`` where it gives the same result).
* ``compute_paddings_*`` / ``compute_croppings_*``: the per-side amounts
  ``(top, right, bottom, left)`` that reach an aspect ratio, multiples or powers.
* :func:`pool`, :func:`avg_pool`, :func:`max_pool`, :func:`min_pool`,
  :func:`median_pool`: block pooling (imgaug's semantics).

Examples
--------
>>> import numpy as np
>>> img = np.arange(16, dtype=np.uint8).reshape(4, 4)
>>> imresize_single_image(img, (2, 2), interpolation="nearest").shape
(2, 2)
>>> pad(img, top=1, cval=9)[0].tolist()
[9, 9, 9, 9]
>>> max_pool(img, 2).tolist()
[[5, 7], [13, 15]]
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from typing import Any

import cv2
import numpy as np

from augkit.deprecation import warn_deprecated
from augkit.dtypes import integer_limits
from augkit.errors import InputError, ParameterError, describe
from augkit.opencv import CV2_MAX_CHANNELS, CV2_NATIVE_DTYPES, from_work, to_work

TRBL = tuple[int, int, int, int]

#: Interpolation names and the OpenCV flags they stand for. ``"nearest"`` uses
#: ``INTER_NEAREST_EXACT`` (pixel-centre aligned, consistent with coordinates);
#: plain ``cv2.INTER_NEAREST`` is accepted as a flag too.
INTERPOLATIONS: dict[str, int] = {
    "nearest": cv2.INTER_NEAREST_EXACT,
    "linear": cv2.INTER_LINEAR,
    "area": cv2.INTER_AREA,
    "cubic": cv2.INTER_CUBIC,
}
_INTERPOLATION_FLAGS = frozenset(
    {cv2.INTER_NEAREST, cv2.INTER_NEAREST_EXACT, cv2.INTER_LINEAR, cv2.INTER_AREA,
     cv2.INTER_CUBIC, cv2.INTER_LANCZOS4}
)
_NEAREST_FLAGS = frozenset({cv2.INTER_NEAREST, cv2.INTER_NEAREST_EXACT})

# dtypes cv2.resize interpolates natively, as dtype objects (``dtype.name`` is slow)
_RESIZE_NATIVE_DTYPES = frozenset(np.dtype(name) for name in CV2_NATIVE_DTYPES)

PAD_MODES = frozenset(
    {"constant", "edge", "linear_ramp", "maximum", "mean", "median", "minimum",
     "reflect", "symmetric", "wrap"}
)
_CV2_BORDERS = {
    "constant": cv2.BORDER_CONSTANT,
    "edge": cv2.BORDER_REPLICATE,
    "reflect": cv2.BORDER_REFLECT_101,
    "symmetric": cv2.BORDER_REFLECT,
    "wrap": cv2.BORDER_WRAP,
}
#: dtypes for which cv2.copyMakeBorder fills a constant exactly (scalar is a double
#: saturated to the dtype; 64-bit integers would lose range).
_CV2_CONSTANT_DTYPES = frozenset(
    {"uint8", "int8", "uint16", "int16", "int32", "float32", "float64"}
)
_CV2_CONSTANT_DTYPE_SET = frozenset(np.dtype(name) for name in _CV2_CONSTANT_DTYPES)


# --------------------------------------------------------------------------- resize
def interpolation_flag(interpolation: str | int | None, *, argument: str = "interpolation"
                       ) -> int:
    """Return the OpenCV flag for an interpolation name or flag (None: cubic).

    Raises
    ------
    ParameterError
        For an unknown name or flag; the message names *argument*.
    """
    if interpolation is None:
        return cv2.INTER_CUBIC
    if isinstance(interpolation, str):
        flag = INTERPOLATIONS.get(interpolation)
        if flag is None:
            raise ParameterError(
                f"{argument}: unknown interpolation {interpolation!r}; accepted: "
                f"{', '.join(sorted(INTERPOLATIONS))} or a cv2.INTER_* flag"
            )
        return flag
    if isinstance(interpolation, numbers.Integral) and not isinstance(interpolation, bool):
        if int(interpolation) in _INTERPOLATION_FLAGS:
            return int(interpolation)
    raise ParameterError(
        f"{argument}: expected one of {', '.join(sorted(INTERPOLATIONS))} or a "
        f"cv2.INTER_* flag, got {describe(interpolation)}"
    )


def _target_size(shape: Sequence[int], sizes: Any) -> tuple[int, int]:
    height, width = int(shape[0]), int(shape[1])

    def one(value: Any, axis_size: int) -> int:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ParameterError(
                f"sizes: expected a float fraction, an int or a tuple (h, w) of ints or "
                f"floats, got {describe(sizes)}"
            )
        if isinstance(value, numbers.Integral):
            return int(value)
        return int(round(axis_size * float(value)))

    if isinstance(sizes, numbers.Real) and not isinstance(sizes, bool):
        if isinstance(sizes, numbers.Integral):
            size = (int(sizes), int(sizes))
        else:
            size = (one(sizes, height), one(sizes, width))
    elif isinstance(sizes, (tuple, list, np.ndarray)) and len(sizes) == 2:
        size = (one(sizes[0], height), one(sizes[1], width))
    else:
        raise ParameterError(
            f"sizes: expected a float fraction, an int or a tuple (h, w) of ints or "
            f"floats, got {describe(sizes)}"
        )
    if size[0] <= 0 or size[1] <= 0:
        raise InputError(
            f"sizes: {describe(sizes)} gives an image of size {size[0]}x{size[1]} for an "
            f"input of {height}x{width}; the target height and width must be >= 1"
        )
    return size


def _cv2_resize(arr: np.ndarray, size: tuple[int, int], flag: int) -> np.ndarray:
    """cv2.resize on (H, W) or (H, W, C) with any channel count; returns same ndim."""
    dsize = (size[1], size[0])
    if arr.ndim == 2:
        return cv2.resize(arr, dsize, interpolation=flag)
    channels = arr.shape[2]
    # OpenCV takes at most 4 channels for INTER_AREA and gives slightly different
    # fixed-point results above 4 channels for the others: resize groups of 4, so a
    # channel's values never depend on how many channels the image has.
    limit = 4
    if channels <= limit:
        out = cv2.resize(arr, dsize, interpolation=flag)
        return out[:, :, None] if out.ndim == 2 else out
    out = np.empty((size[0], size[1], channels), dtype=arr.dtype)
    for start in range(0, channels, limit):
        stop = min(start + limit, channels)
        part = cv2.resize(np.ascontiguousarray(arr[:, :, start:stop]), dsize,
                          interpolation=flag)
        out[:, :, start:stop] = part.reshape(size[0], size[1], stop - start)
    return out


def _numpy_nearest(arr: np.ndarray, size: tuple[int, int], exact: bool) -> np.ndarray:
    """Nearest-neighbour resize by index arrays (dtypes OpenCV would narrow)."""
    offset = 0.5 if exact else 0.0
    rows = np.minimum(((np.arange(size[0]) + offset) * (arr.shape[0] / size[0])).astype(np.intp),
                      arr.shape[0] - 1)
    cols = np.minimum(((np.arange(size[1]) + offset) * (arr.shape[1] / size[1])).astype(np.intp),
                      arr.shape[1] - 1)
    return np.ascontiguousarray(arr[rows[:, None], cols])


def _rows_contiguous(arr: np.ndarray) -> bool:
    """Whether each row of *arr* is contiguous in memory (a crop view of a larger array)."""
    itemsize = arr.dtype.itemsize
    if arr.strides[0] <= 0:
        return False
    if arr.ndim == 2:
        return arr.strides[1] == itemsize
    return arr.strides[2] == itemsize and arr.strides[1] == arr.shape[2] * itemsize


def resize_to(arr: np.ndarray, size: tuple[int, int], flag: int) -> np.ndarray:
    """Resize *arr* to ``size = (height, width)`` with an OpenCV *flag*, any dtype.

    The workhorse of :func:`imresize_single_image` without argument parsing: *flag*
    must be a valid ``cv2.INTER_*`` value and *size* positive. Always returns a new
    C-contiguous array of *arr*'s dtype and number of dimensions.
    """
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise InputError(f"cannot resize an image of shape {arr.shape}: it has no pixels")
    if tuple(arr.shape[:2]) == tuple(size):
        return np.array(arr, order="C", copy=True)
    dtype = arr.dtype
    # OpenCV reads a crop of a larger image (rows apart, each row contiguous) in place
    src = arr if arr.flags.c_contiguous or _rows_contiguous(arr) else np.ascontiguousarray(arr)
    if flag in _NEAREST_FLAGS and dtype.itemsize == 8 and dtype.kind in "ui":
        return _numpy_nearest(src, size, exact=flag == cv2.INTER_NEAREST_EXACT)
    if dtype in _RESIZE_NATIVE_DTYPES or flag in _NEAREST_FLAGS:
        return _cv2_resize(src, size, flag)
    return from_work(_cv2_resize(to_work(src), size, flag), dtype)


def imresize_single_image(image: np.ndarray, sizes: Any,
                          interpolation: str | int | None = None) -> np.ndarray:
    """Resize one image.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C)
        Any channel count (OpenCV's limits of 4 channels for ``area`` and 128 for
        the others are worked around by resizing channel groups).
    sizes : float or int or tuple of (int or float, int or float)
        A float is a fraction of both sides; an int the new height and width; a
        tuple ``(h, w)`` gives each side as an int (pixels) or a float (fraction).
    interpolation : {'nearest', 'linear', 'area', 'cubic'} or int or None, optional
        Name or ``cv2.INTER_*`` flag; None means ``'cubic'``. ``'nearest'`` is
        pixel-centre aligned (``cv2.INTER_NEAREST_EXACT``).

    Returns
    -------
    ndarray of shape (H', W') or (H', W', C)
        A new array of the input's dtype.

    Raises
    ------
    InputError
        If *sizes* gives a height or width below 1.

    Notes
    -----
    ========== ==========================================================
    dtype      handling
    ========== ==========================================================
    uint8,     OpenCV directly, every interpolation (integers saturate:
    uint16,    cubic overshoot is clipped, never wrapped)
    int16,
    float32,
    float64
    int8       through int16, clipped back
    float16    through float32
    bool       nearest directly; other interpolations through float32,
               thresholded at 0.5
    (u)int32,  nearest directly; other interpolations through float64,
    (u)int64   rounded and clipped back (64-bit values beyond 2**53 lose
               precision)
    ========== ==========================================================

    Examples
    --------
    >>> import numpy as np
    >>> img = np.zeros((4, 6, 3), dtype=np.uint8)
    >>> imresize_single_image(img, 0.5).shape
    (2, 3, 3)
    >>> imresize_single_image(img, (8, 0.5)).shape
    (8, 3, 3)
    """
    image = np.asarray(image)
    if image.ndim not in (2, 3):
        raise InputError(f"image: expected shape (H, W) or (H, W, C), got {image.shape}")
    flag = interpolation_flag(interpolation)
    return resize_to(image, _target_size(image.shape, sizes), flag)


def imresize_many_images(images: Any, sizes: Any = None,
                         interpolation: str | int | None = None) -> Any:
    """Resize several images to the same size (see :func:`imresize_single_image`).

    Parameters
    ----------
    images : ndarray of shape (N, H, W) or (N, H, W, C), or list of arrays
        The images; a list may mix sizes (fractions then apply per image).
    sizes : float or int or tuple of (int or float, int or float) or None
        As for :func:`imresize_single_image`; None keeps each image's size (imgaug's
        default, which imgaug itself rejected).
    interpolation : {'nearest', 'linear', 'area', 'cubic'} or int or None, optional
        As for :func:`imresize_single_image`.

    Returns
    -------
    ndarray or list of ndarray
        An array if an array was given, else a list.

    Examples
    --------
    >>> import numpy as np
    >>> imresize_many_images(np.zeros((2, 4, 4), dtype=np.uint8), 2.0).shape
    (2, 8, 8)
    """
    flag = interpolation_flag(interpolation)
    if sizes is None:
        sizes = (1.0, 1.0)
    if isinstance(images, np.ndarray):
        if images.ndim not in (3, 4):
            raise InputError(
                f"images: expected an array of shape (N, H, W) or (N, H, W, C), got "
                f"{images.shape}"
            )
        if len(images) == 0:
            size = _target_size(images.shape[1:], sizes)
            return np.zeros((0, *size, *images.shape[3:]), dtype=images.dtype)
        out = [resize_to(img, _target_size(img.shape, sizes), flag) for img in images]
        return np.stack(out)
    result = []
    for image in images:
        image = np.asarray(image)
        if image.ndim not in (2, 3):
            raise InputError(
                f"images: expected arrays of shape (H, W) or (H, W, C), got {image.shape}"
            )
        result.append(resize_to(image, _target_size(image.shape, sizes), flag))
    return result


# --------------------------------------------------------------------------- pad
def _check_amount(value: Any, name: str) -> int:
    if (isinstance(value, bool) or not isinstance(value, numbers.Integral)
            or value < 0):
        raise ParameterError(f"{name}: expected an int >= 0, got {describe(value)}")
    return int(value)


def _clip_cval(cval: Any, dtype: np.dtype) -> Any:
    """Clip (and round) a fill value into *dtype*'s range: never wrap, never fail."""
    values = np.asarray(cval, dtype=np.float64)
    if dtype.kind in "ui":
        low, high = integer_limits(dtype)
        if not np.all(np.isfinite(values)):
            values = np.nan_to_num(values, nan=0.0, posinf=high, neginf=low)
        values = np.clip(np.rint(values), low, high)
        if dtype.itemsize == 8:
            # float64 cannot hold the int64/uint64 limits exactly: clip again as ints.
            result = np.asarray(cval)
            if result.dtype.kind in "ui":
                return np.clip(result, low, high).astype(dtype)
        return values.astype(dtype)
    if dtype.kind == "b":
        return values >= 0.5
    return values.astype(dtype)


def _clip_scalar(value: float, dtype: np.dtype) -> Any:
    """:func:`_clip_cval` for one Python number (the per-call fast path)."""
    kind = dtype.kind
    if kind in "ui":
        limits = integer_limits(dtype)
        if value != value:  # NaN
            return 0
        if value in (math.inf, -math.inf):
            return limits[1] if value > 0 else limits[0]
        return min(max(round(value), limits[0]), limits[1])
    if kind == "b":
        return bool(value >= 0.5)
    return float(value)


def pad(arr: np.ndarray, top: int = 0, right: int = 0, bottom: int = 0, left: int = 0,
        mode: str = "constant", cval: Any = 0) -> np.ndarray:
    """Pad an image-like array on its sides.

    Parameters
    ----------
    arr : ndarray of shape (H, W) or (H, W, C)
        Any dtype, any channel count.
    top, right, bottom, left : int, optional
        Pixels to add on each side (>= 0).
    mode : {'constant', 'edge', 'linear_ramp', 'maximum', 'mean', 'median', \
'minimum', 'reflect', 'symmetric', 'wrap'}, optional
        As :func:`numpy.pad`. ``constant``, ``edge``, ``reflect``, ``symmetric`` and
        ``wrap`` run through ``cv2.copyMakeBorder`` where the dtype and channel count
        allow; the result is always the same as numpy's.
    cval : number or sequence of number, optional
        Fill value for ``constant`` (end value for ``linear_ramp``); one per channel
        if a sequence. Clipped (and rounded) into the dtype's range.

    Returns
    -------
    ndarray of shape (H + top + bottom, W + left + right[, C])
        A new C-contiguous array of the input's dtype (a copy even when nothing is
        padded).

    Examples
    --------
    >>> import numpy as np
    >>> pad(np.ones((1, 2), dtype=np.uint8), left=1, mode="constant", cval=7).tolist()
    [[7, 1, 1]]
    >>> pad(np.array([[1, 2]]), right=2, mode="reflect").tolist()
    [[1, 2, 1, 2]]
    """
    arr = np.asarray(arr)
    if arr.ndim not in (2, 3):
        raise InputError(f"arr: expected shape (H, W) or (H, W, C), got {arr.shape}")
    top = _check_amount(top, "top")
    right = _check_amount(right, "right")
    bottom = _check_amount(bottom, "bottom")
    left = _check_amount(left, "left")
    if mode not in PAD_MODES:
        raise ParameterError(
            f"mode: unknown pad mode {describe(mode)}; accepted: {', '.join(sorted(PAD_MODES))}"
        )
    return pad_unchecked(arr, top, right, bottom, left, mode, cval)


def pad_unchecked(arr: np.ndarray, top: int, right: int, bottom: int, left: int,
                  mode: str, cval: Any) -> np.ndarray:
    """:func:`pad` without argument checks (for augmenters that validated up front)."""
    if not (top or right or bottom or left):
        return np.array(arr, order="C", copy=True)
    dtype = arr.dtype
    channels = arr.shape[2] if arr.ndim == 3 else 1
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        if mode not in ("constant", "linear_ramp"):
            mode = "constant"
    if mode == "constant":
        if isinstance(cval, numbers.Real):
            # mypy's numbers.Real is not a float (python/mypy#3186); _clip_scalar takes any.
            value = _clip_scalar(cval, dtype)  # type: ignore[arg-type]
            height, width = arr.shape[:2]
            if dtype in _CV2_CONSTANT_DTYPE_SET and channels <= 4 and arr.size > 0:
                out = cv2.copyMakeBorder(arr, top, bottom, left, right, cv2.BORDER_CONSTANT,
                                         value=(value, value, value, value))
                return out[:, :, None] if arr.ndim == 3 and out.ndim == 2 else out
            out = np.empty((height + top + bottom, width + left + right, *arr.shape[2:]),
                           dtype=dtype)
            out[...] = value
            out[top:top + height, left:left + width] = arr
            return out
        fill = _clip_cval(cval, dtype)
        per_channel = fill.ndim > 0 and fill.size > 1
        if (dtype in _CV2_CONSTANT_DTYPE_SET and channels <= 4 and arr.size > 0
                and (not per_channel or fill.size == channels)):
            values = fill.tolist() if per_channel else [fill.item()] * channels
            src = arr if arr.flags.c_contiguous else np.ascontiguousarray(arr)
            out = cv2.copyMakeBorder(src, top, bottom, left, right, cv2.BORDER_CONSTANT,
                                     value=tuple(values) + (0,) * (4 - len(values)))
            return out[:, :, None] if arr.ndim == 3 and out.ndim == 2 else out
        height, width = arr.shape[:2]
        out = np.empty((height + top + bottom, width + left + right, *arr.shape[2:]),
                       dtype=dtype)
        out[...] = fill.reshape(-1) if per_channel else fill
        out[top:top + height, left:left + width] = arr
        return out
    if (mode in _CV2_BORDERS and channels <= CV2_MAX_CHANNELS
            and not (dtype.itemsize == 8 and dtype.kind in "ui")):
        src = arr if arr.flags.c_contiguous else np.ascontiguousarray(arr)
        if dtype.kind == "b":
            src = src.view(np.uint8)
        out = cv2.copyMakeBorder(src, top, bottom, left, right, _CV2_BORDERS[mode])
        if arr.ndim == 3 and out.ndim == 2:
            out = out[:, :, None]
        return out.view(bool) if dtype.kind == "b" else out
    widths = [(top, bottom), (left, right)] + [(0, 0)] * (arr.ndim - 2)
    if mode == "linear_ramp":
        fill = _clip_cval(cval, dtype)
        if fill.ndim > 0 and fill.size > 1 and arr.ndim == 3:
            return np.stack(
                [np.pad(arr[:, :, c], widths[:2], mode="linear_ramp",
                        end_values=fill.reshape(-1)[c])
                 for c in range(channels)], axis=-1)
        return np.pad(arr, widths, mode="linear_ramp", end_values=fill.reshape(-1)[0].item())
    # mode is one of PAD_MODES (pad() or the calling augmenter checked it); numpy's stub
    # accepts only a Literal of them.
    return np.ascontiguousarray(np.pad(arr, widths, mode=mode))  # type: ignore[call-overload]


def _shape_of(arr_or_shape: Any) -> tuple[int, ...]:
    shape = tuple(arr_or_shape.shape) if hasattr(arr_or_shape, "shape") else tuple(arr_or_shape)
    if len(shape) not in (2, 3):
        raise InputError(f"expected a (H, W) or (H, W, C) array or shape, got {shape}")
    return shape


def _split(amount: int) -> tuple[int, int]:
    """Split an amount over two sides; the odd pixel goes to the bottom/right."""
    first = amount // 2
    return first, amount - first


def _check_positive(value: Any, name: str, minimum: int = 1, allow_none: bool = True) -> None:
    if value is None and allow_none:
        return
    if (isinstance(value, bool) or not isinstance(value, numbers.Integral)
            or value < minimum):
        raise ParameterError(
            f"{name}: expected {'None or ' if allow_none else ''}an int >= {minimum}, "
            f"got {describe(value)}"
        )


def _check_ratio(aspect_ratio: Any) -> float:
    if (isinstance(aspect_ratio, bool) or not isinstance(aspect_ratio, numbers.Real)
            or aspect_ratio <= 0 or not math.isfinite(aspect_ratio)):
        raise ParameterError(
            f"aspect_ratio: expected a number > 0 (width / height), got {describe(aspect_ratio)}"
        )
    return float(aspect_ratio)


def compute_paddings_to_reach_aspect_ratio(arr_or_shape: Any, aspect_ratio: float) -> TRBL:
    """Return ``(top, right, bottom, left)`` paddings that reach ``width / height``.

    Only one axis is padded; the amount is split evenly, an odd pixel going to the
    bottom or right. Zero-size axes are first padded to 1.

    Examples
    --------
    >>> compute_paddings_to_reach_aspect_ratio((4, 1), 2.0)
    (0, 4, 0, 3)
    """
    ratio = _check_ratio(aspect_ratio)
    height, width = _shape_of(arr_or_shape)[:2]
    top = right = bottom = left = 0
    if height == 0:
        height, bottom = 1, 1
    if width == 0:
        width, right = 1, 1
    if width / height < ratio:
        extra_left, extra_right = _split(int(math.ceil(ratio * height - width - 1e-9)))
        left, right = left + extra_left, right + extra_right
    elif width / height > ratio:
        extra_top, extra_bottom = _split(int(math.ceil(width / ratio - height - 1e-9)))
        top, bottom = top + extra_top, bottom + extra_bottom
    return top, right, bottom, left


def compute_croppings_to_reach_aspect_ratio(arr_or_shape: Any, aspect_ratio: float) -> TRBL:
    """Return ``(top, right, bottom, left)`` croppings that reach ``width / height``.

    Only one axis is cropped, never below 1 pixel; when the ratio cannot be met
    exactly, one pixel too few is cropped rather than one too many.

    Examples
    --------
    >>> compute_croppings_to_reach_aspect_ratio((10, 4), 1.0)
    (3, 0, 3, 0)
    """
    ratio = _check_ratio(aspect_ratio)
    height, width = _shape_of(arr_or_shape)[:2]
    if height == 0 or width == 0:
        return 0, 0, 0, 0
    if width / height < ratio:
        amount = min(int(math.floor(height - width / ratio + 1e-9)), height - 1)
        top, bottom = _split(amount)
        return top, 0, bottom, 0
    if width / height > ratio:
        amount = min(int(math.floor(width - height * ratio + 1e-9)), width - 1)
        left, right = _split(amount)
        return 0, right, 0, left
    return 0, 0, 0, 0


def compute_paddings_to_reach_multiples_of(arr_or_shape: Any, height_multiple: int | None,
                                           width_multiple: int | None) -> TRBL:
    """Return paddings that make height and width multiples of the given values.

    ``None`` leaves that axis alone; a zero-size axis is padded to one multiple.

    Examples
    --------
    >>> compute_paddings_to_reach_multiples_of((5, 8), 4, 4)
    (1, 0, 2, 0)
    """
    _check_positive(height_multiple, "height_multiple")
    _check_positive(width_multiple, "width_multiple")
    height, width = _shape_of(arr_or_shape)[:2]

    def axis(size: int, multiple: int | None) -> tuple[int, int]:
        if multiple is None:
            return 0, 0
        return _split((-size) % multiple if size > 0 else multiple)

    top, bottom = axis(height, height_multiple)
    left, right = axis(width, width_multiple)
    return top, right, bottom, left


def compute_croppings_to_reach_multiples_of(arr_or_shape: Any, height_multiple: int | None,
                                            width_multiple: int | None) -> TRBL:
    """Return croppings that make height and width multiples of the given values.

    An axis smaller than its multiple is left alone (cropping would empty it).

    Examples
    --------
    >>> compute_croppings_to_reach_multiples_of((7, 8), 4, 3)
    (1, 1, 2, 1)
    """
    _check_positive(height_multiple, "height_multiple")
    _check_positive(width_multiple, "width_multiple")
    height, width = _shape_of(arr_or_shape)[:2]

    def axis(size: int, multiple: int | None) -> tuple[int, int]:
        if multiple is None or size < multiple:
            return 0, 0
        return _split(size % multiple)

    top, bottom = axis(height, height_multiple)
    left, right = axis(width, width_multiple)
    return top, right, bottom, left


def _floor_log(size: int, base: int) -> int:
    """Largest power ``base**e <= size`` (exact integer arithmetic)."""
    power = 1
    while power * base <= size:
        power *= base
    return power


def compute_paddings_to_reach_powers_of(arr_or_shape: Any, height_base: int | None,
                                        width_base: int | None,
                                        allow_zero_exponent: bool = False) -> TRBL:
    """Return paddings that make each side a power ``base**e`` (``e >= 1``).

    With *allow_zero_exponent*, ``e = 0`` (size 1) is allowed too.

    Examples
    --------
    >>> compute_paddings_to_reach_powers_of((5, 2), 2, 3)
    (1, 1, 2, 0)
    """
    _check_positive(height_base, "height_base", minimum=2)
    _check_positive(width_base, "width_base", minimum=2)
    height, width = _shape_of(arr_or_shape)[:2]

    def axis(size: int, base: int | None) -> tuple[int, int]:
        if base is None:
            return 0, 0
        if size <= 1 and allow_zero_exponent:
            return _split(1 - size)
        if size <= base:
            return _split(base - size)
        power = _floor_log(size, base)
        return _split(0 if power == size else power * base - size)

    top, bottom = axis(height, height_base)
    left, right = axis(width, width_base)
    return top, right, bottom, left


def compute_croppings_to_reach_powers_of(arr_or_shape: Any, height_base: int | None,
                                         width_base: int | None,
                                         allow_zero_exponent: bool = False) -> TRBL:
    """Return croppings that make each side a power ``base**e`` (``e >= 1``).

    A side below *base* is left alone, or cropped to 1 with *allow_zero_exponent*.

    Examples
    --------
    >>> compute_croppings_to_reach_powers_of((9, 30), 2, 3)
    (0, 2, 1, 1)
    """
    _check_positive(height_base, "height_base", minimum=2)
    _check_positive(width_base, "width_base", minimum=2)
    height, width = _shape_of(arr_or_shape)[:2]

    def axis(size: int, base: int | None) -> tuple[int, int]:
        if base is None or size == 0:
            return 0, 0
        if size < base:
            return _split(size - 1) if allow_zero_exponent else (0, 0)
        return _split(size - _floor_log(size, base))

    top, bottom = axis(height, height_base)
    left, right = axis(width, width_base)
    return top, right, bottom, left


def pad_to_aspect_ratio(arr: np.ndarray, aspect_ratio: float, mode: str = "constant",
                        cval: Any = 0, return_pad_amounts: bool = False) -> Any:
    """Pad an array on its sides until ``width / height == aspect_ratio``.

    Amounts as :func:`compute_paddings_to_reach_aspect_ratio`; *mode* and *cval* as
    :func:`pad`. With *return_pad_amounts*, returns ``(padded, (top, right, bottom,
    left))``.

    Examples
    --------
    >>> import numpy as np
    >>> pad_to_aspect_ratio(np.zeros((2, 4)), 1.0).shape
    (4, 4)
    """
    amounts = compute_paddings_to_reach_aspect_ratio(arr, aspect_ratio)
    padded = pad(arr, *amounts, mode=mode, cval=cval)
    return (padded, amounts) if return_pad_amounts else padded


def pad_to_multiples_of(arr: np.ndarray, height_multiple: int | None,
                        width_multiple: int | None, mode: str = "constant", cval: Any = 0,
                        return_pad_amounts: bool = False) -> Any:
    """Pad an array on its sides until height and width are multiples of given values.

    Amounts as :func:`compute_paddings_to_reach_multiples_of`; *mode* and *cval* as
    :func:`pad`. With *return_pad_amounts*, returns ``(padded, (top, right, bottom,
    left))``.

    Examples
    --------
    >>> import numpy as np
    >>> pad_to_multiples_of(np.zeros((3, 5)), 2, 4).shape
    (4, 8)
    """
    amounts = compute_paddings_to_reach_multiples_of(arr, height_multiple, width_multiple)
    padded = pad(arr, *amounts, mode=mode, cval=cval)
    return (padded, amounts) if return_pad_amounts else padded


# --------------------------------------------------------------------------- pooling
_MEAN_FUNCS = {np.mean, np.average, np.nanmean}
_MAX_FUNCS = {np.max, np.amax, np.nanmax, max}
_MIN_FUNCS = {np.min, np.amin, np.nanmin, min}
_AREA_DTYPES = frozenset(np.dtype(name) for name in ("uint8", "uint16", "float32", "float64"))


def _block_size(block_size: Any, ndim: int) -> tuple[int, int, int]:
    def valid(v: Any) -> bool:
        return isinstance(v, numbers.Integral) and not isinstance(v, bool) and int(v) >= 1

    if valid(block_size):
        return int(block_size), int(block_size), 1
    if (isinstance(block_size, (tuple, list)) and len(block_size) in (2, 3)
            and all(valid(v) for v in block_size)):
        sizes = tuple(int(v) for v in block_size)
        if len(sizes) == 3 and ndim == 2 and sizes[2] != 1:
            raise ParameterError(
                f"block_size: a channel block size needs an (H, W, C) array, got "
                f"{describe(block_size)} for a 2D array"
            )
        return (sizes[0], sizes[1], sizes[2] if len(sizes) == 3 else 1)
    raise ParameterError(
        f"block_size: expected an int >= 1 or a tuple (h, w) or (h, w, c) of ints >= 1, "
        f"got {describe(block_size)}"
    )


def _strided_reduce(arr: np.ndarray, bh: int, bw: int, op: Any) -> np.ndarray:
    """Reduce (bh, bw) blocks with a binary ufunc through strided slices.

    ``bh + bw`` ufunc calls instead of a reshape that numpy reduces slowly.
    """
    rows = arr[0::bh].copy() if bh > 1 else arr
    for i in range(1, bh):
        op(rows, arr[i::bh], out=rows)
    out = rows[:, 0::bw].copy() if bw > 1 else np.array(rows, copy=True)
    for j in range(1, bw):
        op(out, rows[:, j::bw], out=out)
    return out


def _legacy_cval(pad_cval: Any, cval: Any, function: str) -> Any:
    """imgaug's deprecated ``cval=`` of the pooling functions: warn, then use it."""
    if cval is None:
        return pad_cval
    warn_deprecated(f"{function}(): `cval` is deprecated; use `pad_cval` instead.",
                    stacklevel=3)
    return cval


def pool(arr: np.ndarray, block_size: Any, func: Callable[..., Any],
         pad_mode: str = "constant", pad_cval: Any = 0,
         preserve_dtype: bool = True, cval: Any = None) -> np.ndarray:
    """Shrink an array by reducing blocks of values to one value each.

    The array is first padded (centred, the odd pixel at the bottom/right) until its
    sides are multiples of the block size, then each block is reduced by *func*.

    Parameters
    ----------
    arr : ndarray of shape (H, W) or (H, W, C)
        Any numeric or bool dtype.
    block_size : int or tuple of (int, int) or tuple of (int, int, int)
        Block height and width (and channels; default 1, i.e. per channel).
    func : callable
        Reduces blocks; called as ``func(blocks, axis=(3, 4, 5))`` on an array of
        shape ``(H', W', C', bh, bw, bc)`` (the same contract as
        ``skimage.measure.block_reduce``). ``np.mean``/``np.average``, ``np.max``,
        ``np.min`` and ``np.median`` take fast paths.
    pad_mode : str, optional
        How to pad to a multiple of the block size (see :func:`pad`).
    pad_cval : number, optional
        Fill value when *pad_mode* is ``constant``.
    preserve_dtype : bool, optional
        Return the input's dtype (integers rounded to nearest and clipped — imgaug
        truncates; bool thresholded at 0.5). If False, the reduction's dtype.
    cval : number, optional
        Deprecated (imgaug's old name of *pad_cval*); used with a warning.

    Returns
    -------
    ndarray of shape (ceil(H/bh), ceil(W/bw)[, ceil(C/bc)])

    Notes
    -----
    Fast paths: averaging uint8/uint16/float32/float64 with up to 4 channels uses
    ``cv2.resize(..., INTER_AREA)`` (an exact block mean when the sizes divide);
    max/min use strided element-wise reductions; other functions reduce a
    reshaped view.

    Examples
    --------
    >>> import numpy as np
    >>> arr = np.array([[1, 2, 3, 4], [5, 6, 7, 8]], dtype=np.uint8)
    >>> pool(arr, 2, np.max).tolist()
    [[6, 8]]
    >>> avg_pool(arr, (1, 2)).tolist()
    [[2, 4], [6, 8]]
    """
    pad_cval = _legacy_cval(pad_cval, cval, "pool")
    arr = np.asarray(arr)
    if arr.ndim not in (2, 3):
        raise InputError(f"arr: expected shape (H, W) or (H, W, C), got {arr.shape}")
    bh, bw, bc = _block_size(block_size, arr.ndim)
    if pad_mode not in PAD_MODES:
        raise ParameterError(
            f"pad_mode: unknown pad mode {describe(pad_mode)}; accepted: "
            f"{', '.join(sorted(PAD_MODES))}"
        )
    if arr.size == 0:
        return arr.copy()
    input_dtype = arr.dtype
    top, right, bottom, left = compute_paddings_to_reach_multiples_of(arr.shape, bh, bw)
    if top or right or bottom or left:
        arr = pad_unchecked(arr, top, right, bottom, left, pad_mode, pad_cval)
    squeeze = arr.ndim == 2
    if squeeze:
        arr = arr[:, :, None]
    if bc > 1 and arr.shape[2] % bc:
        extra = bc - arr.shape[2] % bc
        arr = np.pad(arr, ((0, 0), (0, 0), (0, extra)), mode="edge")
    height, width, channels = arr.shape
    out_h, out_w = height // bh, width // bw

    if bh == 1 and bw == 1 and bc == 1:
        result = np.array(arr, copy=True)
    elif func in _MEAN_FUNCS and bc == 1 and input_dtype in _AREA_DTYPES \
            and channels <= 4 and preserve_dtype:
        src = arr if arr.flags.c_contiguous else np.ascontiguousarray(arr)
        result = cv2.resize(src, (out_w, out_h), interpolation=cv2.INTER_AREA)
        if result.ndim == 2:
            result = result[:, :, None]
    elif (func in _MAX_FUNCS or func in _MIN_FUNCS) and bc == 1:
        op = np.maximum if func in _MAX_FUNCS else np.minimum
        result = _strided_reduce(arr, bh, bw, op)
    elif func in _MEAN_FUNCS and bc == 1:
        acc = arr.astype(np.float64)
        result = _strided_reduce(acc, bh, bw, np.add)
        result /= bh * bw
    else:
        blocks = arr.reshape(out_h, bh, out_w, bw, channels // bc, bc)
        blocks = blocks.transpose(0, 2, 4, 1, 3, 5)
        result = np.asarray(func(blocks, axis=(3, 4, 5)))

    if squeeze:
        result = result[:, :, 0]
    if preserve_dtype and result.dtype != input_dtype:
        if input_dtype.kind in "ui":
            low, high = integer_limits(input_dtype)
            result = np.clip(np.rint(result), low, high).astype(input_dtype)
        elif input_dtype.kind == "b":
            result = result >= 0.5
        else:
            result = result.astype(input_dtype)
    return np.ascontiguousarray(result)


def avg_pool(arr: np.ndarray, block_size: Any, pad_mode: str = "reflect",
             pad_cval: Any = 128, preserve_dtype: bool = True,
             cval: Any = None) -> np.ndarray:
    """Average-pool an array (see :func:`pool`); pads with ``reflect`` by default.

    Examples
    --------
    >>> import numpy as np
    >>> avg_pool(np.array([[0, 2], [4, 6]], dtype=np.uint8), 2).tolist()
    [[3]]
    """
    pad_cval = _legacy_cval(pad_cval, cval, "avg_pool")
    return pool(arr, block_size, np.mean, pad_mode=pad_mode, pad_cval=pad_cval,
                preserve_dtype=preserve_dtype)


def max_pool(arr: np.ndarray, block_size: Any, pad_mode: str = "edge", pad_cval: Any = 0,
             preserve_dtype: bool = True, cval: Any = None) -> np.ndarray:
    """Max-pool an array (see :func:`pool`); pads with ``edge`` by default.

    Examples
    --------
    >>> import numpy as np
    >>> max_pool(np.array([[0, 2], [4, 6]], dtype=np.uint8), 2).tolist()
    [[6]]
    """
    pad_cval = _legacy_cval(pad_cval, cval, "max_pool")
    return pool(arr, block_size, np.max, pad_mode=pad_mode, pad_cval=pad_cval,
                preserve_dtype=preserve_dtype)


def min_pool(arr: np.ndarray, block_size: Any, pad_mode: str = "edge", pad_cval: Any = 255,
             preserve_dtype: bool = True) -> np.ndarray:
    """Min-pool an array (see :func:`pool`); pads with ``edge`` by default.

    Examples
    --------
    >>> import numpy as np
    >>> min_pool(np.array([[0, 2], [4, 6]], dtype=np.uint8), 2).tolist()
    [[0]]
    """
    return pool(arr, block_size, np.min, pad_mode=pad_mode, pad_cval=pad_cval,
                preserve_dtype=preserve_dtype)


def median_pool(arr: np.ndarray, block_size: Any, pad_mode: str = "reflect",
                pad_cval: Any = 128, preserve_dtype: bool = True) -> np.ndarray:
    """Median-pool an array (see :func:`pool`); pads with ``reflect`` by default.

    Examples
    --------
    >>> import numpy as np
    >>> median_pool(np.array([[0, 2, 9]], dtype=np.uint8), (1, 3)).tolist()
    [[2]]
    """
    return pool(arr, block_size, np.median, pad_mode=pad_mode, pad_cval=pad_cval,
                preserve_dtype=preserve_dtype)


__all__ = [
    "INTERPOLATIONS",
    "PAD_MODES",
    "avg_pool",
    "compute_croppings_to_reach_aspect_ratio",
    "compute_croppings_to_reach_multiples_of",
    "compute_croppings_to_reach_powers_of",
    "compute_paddings_to_reach_aspect_ratio",
    "compute_paddings_to_reach_multiples_of",
    "compute_paddings_to_reach_powers_of",
    "imresize_many_images",
    "imresize_single_image",
    "interpolation_flag",
    "max_pool",
    "median_pool",
    "min_pool",
    "pad",
    "pad_to_aspect_ratio",
    "pad_to_multiples_of",
    "pad_unchecked",
    "pool",
    "resize_to",
]
