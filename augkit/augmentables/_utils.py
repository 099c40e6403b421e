"""Helpers shared by the augmentables: shapes, projection, out-of-image rules, map resampling.

Coordinate conventions used throughout :mod:`augkit.augmentables`:

* ``x`` runs along the image width, ``y`` along its height; ``(0, 0)`` is the top-left
  corner of the top-left pixel.
* A *keypoint* denotes a pixel: it is inside the image when ``0 <= x < W`` and
  ``0 <= y < H`` (as in imgaug).
* Boxes, polygons and line strings are shapes in the continuous plane, and the image is
  the closed rectangle ``[0, W] x [0, H]``: a box ``(0, 0, W, H)`` covers the whole image
  and is fully inside it, and clipping clips to that rectangle.
"""

from __future__ import annotations

import operator
import warnings
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np

from augkit.errors import InputError, ParameterError, describe

ShapeLike = tuple[int, ...] | Sequence[int] | np.ndarray

INTERPOLATIONS = ("nearest", "linear", "area", "cubic")


def normalize_shape(shape: Any, argname: str = "shape") -> tuple[int, ...]:
    """Return *shape* as a tuple ``(H, W)`` or ``(H, W, C)`` of non-negative ints.

    Parameters
    ----------
    shape : tuple of int or ndarray
        An image shape, or an image whose ``.shape`` is used.
    argname : str
        The argument name used in error messages.
    """
    if type(shape) is tuple and 2 <= len(shape) <= 3:
        if all(type(v) is int and v >= 0 for v in shape):
            return shape
    if isinstance(shape, np.ndarray):
        shape = shape.shape
    if not isinstance(shape, (tuple, list)) or len(shape) not in (2, 3):
        raise InputError(
            f"{argname}: expected an image shape (H, W) or (H, W, C) or an image array, "
            f"got {describe(shape)}"
        )
    try:
        result = tuple(operator.index(v) for v in shape)
    except TypeError:
        raise InputError(
            f"{argname}: expected integer sizes in the image shape, got {describe(shape)}"
        ) from None
    if any(v < 0 for v in result):
        raise InputError(f"{argname}: image shape sizes must be >= 0, got {describe(shape)}")
    return result


def as_xy(value: Any, argname: str) -> np.ndarray:
    """Return *value* as a new float32 C-contiguous array of shape ``(N, 2)``."""
    try:
        arr = np.array(value, dtype=np.float32)
    except (TypeError, ValueError):
        raise InputError(
            f"{argname}: expected coordinates of shape (N, 2), got {describe(value)}"
        ) from None
    if arr.size == 0:
        return np.zeros((0, 2), dtype=np.float32)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise InputError(
            f"{argname}: expected coordinates of shape (N, 2), got an array of shape {arr.shape}"
        )
    if not np.isfinite(arr).all():
        raise InputError(f"{argname}: coordinates must be finite, got {describe(value)}")
    return arr


def shift_offsets(
    x: float, y: float, top: float | None = None, right: float | None = None,
    bottom: float | None = None, left: float | None = None,
) -> tuple[float, float]:
    """Return the ``(dx, dy)`` of a ``shift`` call, folding in imgaug's older side arguments.

    ``top``/``bottom`` move down/up and ``left``/``right`` move right/left (imgaug < 0.4);
    they are deprecated in favour of *x* and *y* and warn with a ``DeprecationWarning``.
    """
    sides = {"top": top, "right": right, "bottom": bottom, "left": left}
    given = {name: value for name, value in sides.items() if value is not None}
    if not given:
        return x, y
    warnings.warn(
        f"shift(): the arguments {', '.join(given)} are deprecated; use x (right) and "
        "y (down) instead",
        DeprecationWarning,
        stacklevel=3,
    )
    return (x + given.get("left", 0) - given.get("right", 0),
            y + given.get("top", 0) - given.get("bottom", 0))


_T = TypeVar("_T")


def _inplace_method(name: str, original: Callable) -> Callable:
    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        self._take_state(getattr(self, name)(*args, **kwargs))
        return self

    method.__name__ = name + "_"
    method.__wrapped__ = original  # type: ignore[attr-defined]  # inspect.signature follows it
    method.__doc__ = (
        f"In-place :meth:`{name}`: the same arguments and result, written into this object, "
        "which is returned."
    )
    return method


def with_inplace_twins(*names: str) -> Callable[[_T], _T]:
    """Class decorator: add ``<name>_`` for each method *name* (imgaug's in-place twins).

    The twin calls the copying method and moves the result's state into ``self`` through
    ``self._take_state(result)``, which the class defines; twins the class already defines
    itself are kept.
    """

    def decorate(cls: _T) -> _T:
        for name in names:
            if name + "_" not in vars(cls):
                method = _inplace_method(name, getattr(cls, name))
                method.__qualname__ = f"{cls.__qualname__}.{name}_"  # type: ignore[attr-defined]
                setattr(cls, name + "_", method)
        return cls

    return decorate


def scale_factors(from_shape: ShapeLike, to_shape: ShapeLike) -> tuple[float, float]:
    """Return the ``(sx, sy)`` factors that map coordinates on *from_shape* to *to_shape*."""
    h1, w1 = normalize_shape(from_shape, "from_shape")[:2]
    h2, w2 = normalize_shape(to_shape, "to_shape")[:2]
    if h1 == 0 or w1 == 0:
        raise InputError(
            f"from_shape: cannot project coordinates from a zero-size image {(h1, w1)}"
        )
    return w2 / w1, h2 / h1


def project_xy(xy: np.ndarray, from_shape: ShapeLike, to_shape: ShapeLike) -> np.ndarray:
    """Return a float32 copy of the ``(N, 2)`` array *xy* rescaled between image sizes."""
    sx, sy = scale_factors(from_shape, to_shape)
    out = np.array(xy, dtype=np.float32)
    if sx != 1.0:
        out[:, 0] *= sx
    if sy != 1.0:
        out[:, 1] *= sy
    return out


def out_of_image_flags(
    fully_within: np.ndarray, partly_within: np.ndarray, fully: bool, partly: bool
) -> np.ndarray:
    """Combine within-image tests into imgaug's ``is_out_of_image(fully, partly)`` answer.

    An object fully inside the image is never out of it; one partly inside is out when
    *partly* is True; one entirely outside is out when *fully* is True.
    """
    return np.where(fully_within, False, np.where(partly_within, bool(partly), bool(fully)))


def check_fraction(fraction: Any) -> float:
    """Validate the ``fraction`` argument of ``remove_out_of_image_fraction``."""
    try:
        value = float(fraction)
    except (TypeError, ValueError):
        raise ParameterError(
            f"fraction: expected a number in [0, 1], got {describe(fraction)}"
        ) from None
    if not 0.0 <= value <= 1.0:
        raise ParameterError(f"fraction: expected a number in [0, 1], got {describe(fraction)}")
    return value


def unknown_choice(argname: str, value: Any, choices: Sequence[str]) -> ParameterError:
    """Return a :class:`ParameterError` for *value* not among *choices*, with a suggestion."""
    import difflib

    listed = ", ".join(repr(c) for c in choices)
    message = f"{argname}: unknown value {describe(value)}; expected one of {listed}"
    if isinstance(value, str):
        close = difflib.get_close_matches(value, list(choices), n=1)
        if close:
            message += f" (did you mean {close[0]!r}?)"
    return ParameterError(message)


# --------------------------------------------------------------------------- maps


def resolve_size(sizes: Any, hw: tuple[int, int], argname: str = "sizes") -> tuple[int, int]:
    """Turn a size argument into ``(height, width)`` in pixels.

    *sizes* may be a float (fraction of the current size), an int (both sides), or a
    pair whose entries are each an int (pixels), a float (fraction) or None (keep).
    """
    h, w = hw

    def one(value: Any, current: int) -> int:
        if value is None:
            return current
        if isinstance(value, (bool, np.bool_)):
            raise ParameterError(f"{argname}: expected sizes, got {describe(sizes)}")
        if isinstance(value, (int, np.integer)):
            out = int(value)
        elif isinstance(value, (float, np.floating)):
            out = int(round(current * float(value)))
        else:
            raise ParameterError(
                f"{argname}: expected an int, a float or a pair (height, width), "
                f"got {describe(sizes)}"
            )
        if out < 1:
            raise ParameterError(
                f"{argname}: the resulting size must be at least 1 pixel, got {describe(sizes)}"
            )
        return out

    if isinstance(sizes, (tuple, list)):
        if len(sizes) != 2:
            raise ParameterError(
                f"{argname}: expected a pair (height, width), got {describe(sizes)}"
            )
        return one(sizes[0], h), one(sizes[1], w)
    if isinstance(sizes, (float, np.floating)):
        return one(sizes, h), one(sizes, w)
    return one(sizes, h), one(sizes, w)


def _cv2_interpolation(interpolation: Any) -> int | None:
    """Return the OpenCV flag for *interpolation*, or None for nearest neighbour."""
    import cv2

    names = {
        "nearest": None,
        "linear": cv2.INTER_LINEAR,
        "area": cv2.INTER_AREA,
        "cubic": cv2.INTER_CUBIC,
    }
    if isinstance(interpolation, str):
        if interpolation not in names:
            raise unknown_choice("interpolation", interpolation, INTERPOLATIONS)
        return names[interpolation]
    flags = {
        cv2.INTER_NEAREST: None,
        cv2.INTER_LINEAR: cv2.INTER_LINEAR,
        cv2.INTER_AREA: cv2.INTER_AREA,
        cv2.INTER_CUBIC: cv2.INTER_CUBIC,
    }
    if isinstance(interpolation, (int, np.integer)) and int(interpolation) in flags:
        return flags[int(interpolation)]
    raise unknown_choice("interpolation", interpolation, INTERPOLATIONS)


def resize_hwc(arr: np.ndarray, hw: tuple[int, int], interpolation: Any) -> np.ndarray:
    """Resize an ``(h, w, C)`` array to ``(H, W, C)``.

    Nearest neighbour works on any dtype (pure numpy, pixel-centre sampling); the other
    interpolations use OpenCV on float32 data and return float32.
    """
    height, width = hw
    flag = _cv2_interpolation(interpolation)
    h, w = arr.shape[:2]
    if (h, w) == (height, width):
        return arr.copy()
    if flag is None:
        rows = np.minimum(((np.arange(height) + 0.5) * (h / height)).astype(np.intp), h - 1)
        cols = np.minimum(((np.arange(width) + 0.5) * (w / width)).astype(np.intp), w - 1)
        return np.ascontiguousarray(arr[rows[:, None], cols[None, :]])
    import cv2

    src = arr.astype(np.float32, copy=False)
    channels = src.shape[2]
    out = np.empty((height, width, channels), dtype=np.float32)
    for start in range(0, channels, 512):  # OpenCV handles at most 512 channels at once
        chunk = np.ascontiguousarray(src[:, :, start : start + 512])
        resized = cv2.resize(chunk, (width, height), interpolation=flag)
        out[:, :, start : start + 512] = resized.reshape(height, width, -1)
    return out


PAD_MODES = ("constant", "edge", "reflect", "symmetric", "wrap", "linear_ramp", "maximum",
             "mean", "median", "minimum")


def check_pad_amounts(top: Any, right: Any, bottom: Any, left: Any) -> tuple[int, int, int, int]:
    """Validate four padding amounts (non-negative ints)."""
    out = []
    for name, value in (("top", top), ("right", right), ("bottom", bottom), ("left", left)):
        try:
            amount = operator.index(value)
        except TypeError:
            raise ParameterError(
                f"{name}: expected a non-negative int, got {describe(value)}"
            ) from None
        if amount < 0:
            raise ParameterError(f"{name}: expected a non-negative int, got {describe(value)}")
        out.append(amount)
    return out[0], out[1], out[2], out[3]


def pad_hwc(
    arr: np.ndarray,
    top: int,
    right: int,
    bottom: int,
    left: int,
    mode: str = "constant",
    cval: float = 0.0,
) -> np.ndarray:
    """Pad the first two axes of an ``(h, w, C)`` array."""
    top, right, bottom, left = check_pad_amounts(top, right, bottom, left)
    if mode not in PAD_MODES:
        raise unknown_choice("mode", mode, PAD_MODES)
    widths = ((top, bottom), (left, right), (0, 0))
    if mode == "constant":
        return np.pad(arr, widths, mode="constant", constant_values=cval)
    # mode is one of PAD_MODES (checked above); numpy's stub accepts only a Literal of them.
    return np.pad(arr, widths, mode=mode)  # type: ignore[call-overload]


def aspect_ratio_paddings(hw: tuple[int, int], aspect_ratio: float) -> tuple[int, int, int, int]:
    """Return ``(top, right, bottom, left)`` that pad *hw* to ``width / height == aspect_ratio``.

    Only one axis is padded; the odd pixel goes to the right or bottom.
    """
    try:
        ratio = float(aspect_ratio)
    except (TypeError, ValueError):
        raise ParameterError(
            f"aspect_ratio: expected a positive number (width / height), got "
            f"{describe(aspect_ratio)}"
        ) from None
    if not ratio > 0 or not np.isfinite(ratio):
        raise ParameterError(
            f"aspect_ratio: expected a positive number (width / height), got "
            f"{describe(aspect_ratio)}"
        )
    h, w = hw
    if h == 0 or w == 0:
        return 0, 0, 0, 0
    current = w / h
    if current < ratio:
        diff = int(round(ratio * h)) - w
        return 0, diff - diff // 2, 0, diff // 2
    if current > ratio:
        diff = int(round(w / ratio)) - h
        return diff // 2, 0, diff - diff // 2, 0
    return 0, 0, 0, 0


def pool_hwc(arr: np.ndarray, block_size: Any, reduce: str) -> np.ndarray:
    """Average- or max-pool an ``(h, w, C)`` array over ``block_size`` blocks.

    Sides that are not a multiple of the block size are padded with edge values first.
    """
    if isinstance(block_size, (tuple, list)):
        if len(block_size) != 2:
            raise ParameterError(
                f"block_size: expected an int or a pair (height, width), got "
                f"{describe(block_size)}"
            )
        bh, bw = block_size
    else:
        bh = bw = block_size
    try:
        bh, bw = operator.index(bh), operator.index(bw)
    except TypeError:
        raise ParameterError(
            f"block_size: expected an int or a pair of ints, got {describe(block_size)}"
        ) from None
    if bh < 1 or bw < 1:
        raise ParameterError(f"block_size: expected sizes >= 1, got {describe(block_size)}")
    h, w, c = arr.shape
    pad_h, pad_w = (-h) % bh, (-w) % bw
    if pad_h or pad_w:
        arr = np.pad(arr, ((0, pad_h), (0, pad_w), (0, 0)), mode="edge")
    blocks = arr.reshape((h + pad_h) // bh, bh, (w + pad_w) // bw, bw, c)
    if reduce == "max":
        return np.ascontiguousarray(blocks.max(axis=(1, 3)))
    return blocks.mean(axis=(1, 3), dtype=np.float64).astype(np.float32)


class OnImage:
    """What every container of coordinate objects on one image shares.

    Subclasses have a ``shape`` attribute (the image's) and ``__len__``.
    """

    shape: tuple[int, ...]

    def __len__(self) -> int:
        raise NotImplementedError

    @property
    def height(self) -> int:
        """Height of the image."""
        return self.shape[0]

    @property
    def width(self) -> int:
        """Width of the image."""
        return self.shape[1]

    @property
    def empty(self) -> bool:
        """True when the container holds no objects."""
        return len(self) == 0
