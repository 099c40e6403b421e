"""Pixel helpers that augmenter families share: dtype ranges, saturation, lookup
tables, alpha blending and per-channel sampling.

These are pure functions on numpy arrays, public so that plugins (first- and
third-party) do not re-implement them.

Examples
--------
>>> import numpy as np
>>> saturate(np.array([-3.2, 100.5, 300.0]), np.dtype(np.uint8)).tolist()
[0, 100, 255]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from augkit.dtypes import integer_limits
from augkit.errors import InputError

if TYPE_CHECKING:
    from numpy.typing import DTypeLike

try:
    import stringzilla as _stringzilla
except ImportError:  # pragma: no cover - stringzilla is a dependency; keep a fallback
    _stringzilla = None

_UINT8 = np.dtype(np.uint8)


def value_range(dtype: np.dtype) -> tuple[float, float, float]:
    """Return ``(min, center, max)`` of the values images of *dtype* hold.

    Integer dtypes span their full range; float images are read as ``[0, 1]`` with
    center 0.5; bool as ``[0, 1]``.

    Examples
    --------
    >>> value_range(np.dtype(np.uint8))
    (0.0, 127.5, 255.0)
    """
    dtype = np.dtype(dtype)
    if dtype.kind in "ui":
        low, high = integer_limits(dtype)
        return float(low), (float(low) + float(high)) / 2, float(high)
    return 0.0, 0.5, 1.0


def saturate(values: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Round and clip float *values* into *dtype* (no wrap-around); floats pass as is.

    Integer targets are rounded to the nearest integer (half to even) and clipped to
    the dtype's range; bool targets threshold at 0.5.
    """
    dtype = np.dtype(dtype)
    if dtype.kind in "ui":
        limits = integer_limits(dtype)
        out = np.rint(values)
        # np.clip's definition (max, then min; NaN kept) without its Python wrapper
        np.maximum(out, limits[0], out=out)
        np.minimum(out, limits[1], out=out)
        return out.astype(dtype)
    if dtype.kind == "b":
        return np.asarray(values) >= 0.5
    return np.asarray(values, dtype=dtype)


def channel_count(shape: Sequence[int]) -> int:
    """Return the number of channels of an image of *shape* (1 for ``(H, W)``)."""
    return int(shape[2]) if len(shape) > 2 else 1


def table_keeping_alpha(table: np.ndarray, channels: int) -> np.ndarray:
    """Return a per-value uint8 *table* as the ``lookup_tables`` entry of an image with
    *channels* channels: the table itself (every channel), or on 4 channels (RGBA) one
    column per channel, the alpha column the identity.

    Examples
    --------
    >>> invert = 255 - np.arange(256, dtype=np.uint8)
    >>> table_keeping_alpha(invert, 3).shape, table_keeping_alpha(invert, 4)[0].tolist()
    ((256,), [255, 255, 255, 0])
    """
    if channels != 4:
        return table
    return np.stack([table, table, table, np.arange(256, dtype=np.uint8)], axis=1)


def apply_lut(image: np.ndarray, table: np.ndarray,
              out: np.ndarray | None = None) -> np.ndarray:
    """Map every value of a uint8 image through a lookup table.

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8
    table : ndarray of shape (256,) or (C, 256), dtype uint8
        One table for all channels, or one per channel.
    out : ndarray of shape (H, W, C), dtype uint8, optional
        A C-contiguous array to write the result into (not *image*).

    Returns
    -------
    ndarray of shape (H, W, C), dtype uint8
        *out*, or a new C-contiguous array.

    Examples
    --------
    >>> img = np.array([[[0, 1]]], dtype=np.uint8)
    >>> apply_lut(img, 255 - np.arange(256, dtype=np.uint8)).tolist()
    [[[255, 254]]]
    """
    if image.dtype != _UINT8:
        raise InputError(f"image: apply_lut needs dtype uint8, got {image.dtype}")
    if out is not None and (out.shape != image.shape or out.dtype != _UINT8
                            or not out.flags.c_contiguous):
        raise InputError(f"out: expected a C-contiguous uint8 array of shape {image.shape}, "
                         f"got {out.dtype} {out.shape}")
    if table.shape == (256,) and table.dtype == _UINT8 and table.flags.c_contiguous:
        return _translate(image, table, out)  # the common case: one ready table
    table = np.ascontiguousarray(table, dtype=np.uint8)
    if table.ndim == 1 or (table.ndim == 2 and table.shape[0] == 1):
        return _translate(image, table.reshape(256), out)
    channels = image.shape[2]
    if table.shape != (channels, 256):
        raise InputError(f"table: expected shape (256,) or ({channels}, 256), got {table.shape}")
    if np.all(table == table[:1]):
        return _translate(image, table[0], out)
    if out is None:
        out = np.empty(image.shape, _UINT8)
    if channels <= 4:
        import cv2

        return write_into(out, cv2.LUT(np.ascontiguousarray(image),
                                       np.ascontiguousarray(table.T[None]), dst=out))
    for c in range(channels):
        out[:, :, c] = table[c][image[:, :, c]]
    return out


def write_into(out: np.ndarray | None, result: np.ndarray) -> np.ndarray:
    """Return *result*, copied into *out* first when *out* is given and is not it.

    For functions that take ``out=``: an OpenCV call given ``dst=`` may still return a
    new array (it drops a channel axis of 1), which is reshaped to *out*'s shape.

    Examples
    --------
    >>> out = np.zeros((1, 2, 1), np.uint8)
    >>> write_into(out, np.array([[3, 4]], np.uint8)) is out, out.ravel().tolist()
    (True, [3, 4])
    """
    if out is None or result is out:
        return result
    np.copyto(out, result.reshape(out.shape))
    return out


def _translate(image: np.ndarray, table: np.ndarray, out: np.ndarray | None) -> np.ndarray:
    source = np.ascontiguousarray(image)
    if out is None:
        out = np.empty_like(source)
    if _stringzilla is None:  # pragma: no cover
        import cv2

        cv2.LUT(source, table, dst=out)
        return out
    # ndarray.data is memoryview(ndarray): the buffers stringzilla reads and writes.
    _stringzilla.translate(source.reshape(-1).data, table.data, out=out.reshape(-1).data)
    return out


def compose_tables(first: np.ndarray, then: np.ndarray) -> np.ndarray:
    """The table of applying *first*, then *then* (each ``(256,)`` or ``(256, C)``).

    Examples
    --------
    >>> add = np.clip(np.arange(256) + 10, 0, 255).astype(np.uint8)
    >>> invert = (255 - np.arange(256)).astype(np.uint8)
    >>> int(compose_tables(add, invert)[0])
    245
    """
    if then.ndim == 1 or first.ndim == 1:
        return then[first]
    return np.take_along_axis(then, first, axis=0)


def apply_tables(image: np.ndarray, table: np.ndarray,
                 out: np.ndarray | None = None) -> np.ndarray:
    """Apply a ``(256,)`` or ``(256, C)`` uint8 table to a uint8 ``(H, W, C)`` image.

    The layout of ``lookup_tables`` (augkit.fusion): :func:`apply_lut` with the
    channels in columns. *out* as for :func:`apply_lut`.

    Examples
    --------
    >>> img = np.array([[[0, 1]]], np.uint8)
    >>> apply_tables(img, np.stack([np.arange(256), 255 - np.arange(256)], 1).astype(np.uint8))
    array([[[  0, 254]]], dtype=uint8)
    """
    return apply_lut(image, table.T if table.ndim == 2 else table, out)


def blend(foreground: np.ndarray, background: np.ndarray, alpha: Any,
          out: np.ndarray | None = None) -> np.ndarray:
    """Return ``alpha * foreground + (1 - alpha) * background`` in the images' dtype.

    Parameters
    ----------
    foreground, background : ndarray of shape (H, W, C)
        Images of one dtype and shape.
    alpha : float or ndarray of shape (C,), (H, W), (H, W, 1) or (H, W, C)
        Weights in ``[0, 1]`` of *foreground*.
    out : ndarray, optional
        A C-contiguous array of the images' shape and dtype to write the result into.

    Examples
    --------
    >>> a = np.full((1, 1, 1), 200, np.uint8); b = np.zeros_like(a)
    >>> blend(a, b, 0.25).tolist()
    [[[50]]]
    """
    alpha = np.asarray(alpha, dtype=np.float32)
    if alpha.ndim == 0:
        value = float(alpha)
        if value >= 1.0 or value <= 0.0:
            chosen = foreground if value >= 1.0 else background
            return chosen.copy() if out is None else write_into(out, chosen)
        if foreground.dtype == np.uint8 and foreground.shape[2] <= 4:
            import cv2

            mixed = cv2.addWeighted(foreground, value, background, 1.0 - value, 0.0, dst=out)
            return mixed.reshape(foreground.shape) if out is None else write_into(out, mixed)
    elif alpha.ndim == 2:
        alpha = alpha[:, :, None]
    work: DTypeLike
    if foreground.dtype.kind == "f" and foreground.dtype.itemsize >= 4:
        work = foreground.dtype
    else:
        work = np.float64 if foreground.dtype.itemsize >= 4 else np.float32
    fg = foreground.astype(work, copy=False)
    bg = background.astype(work, copy=False)
    mixed = bg + alpha.astype(work, copy=False) * (fg - bg)
    return write_into(out, saturate(mixed, foreground.dtype))


def draw_per_channel(param: Any, per_channel: Any, shapes: Sequence[Sequence[int]],
                     rng: np.random.Generator) -> list[np.ndarray]:
    """Draw one value per image, or one per channel for images *per_channel* selects.

    Parameters
    ----------
    param : StochasticParameter
        What to draw.
    per_channel : StochasticParameter
        Drawn once per image; above 0.5 means "one value per channel".
    shapes : sequence of tuple
        The image shape of each row.
    rng : numpy.random.Generator

    Returns
    -------
    list of ndarray
        Per row, float64 values of shape ``(1,)`` or ``(C,)`` (broadcastable over
        an ``(H, W, C)`` image).
    """
    nb_rows = len(shapes)
    if nb_rows == 1:  # one image: the same two draws without the split
        use = per_channel.draw_samples(1, random_state=rng).item() > 0.5
        count = channel_count(shapes[0]) if use else 1
        return [np.asarray(param.draw_samples(count, random_state=rng), dtype=np.float64)]
    use_channels = np.asarray(per_channel.draw_samples(nb_rows, random_state=rng)) > 0.5
    channels = np.fromiter((channel_count(s) for s in shapes), dtype=np.int64, count=nb_rows)
    counts = np.where(use_channels, channels, 1)
    flat = np.asarray(param.draw_samples(int(counts.sum()), random_state=rng), dtype=np.float64)
    return np.split(flat, np.cumsum(counts)[:-1])
