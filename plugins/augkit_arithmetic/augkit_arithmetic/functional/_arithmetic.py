"""Adding, multiplying, replacing and inverting pixel values (imgaug's arithmetic kernels).

Every function returns a new C-contiguous array of the input's dtype and never
modifies its input. uint8 images take the fast paths: lookup tables through
:func:`augkit.extend.apply_lut` for per-image scalars, and OpenCV's saturating
``add``/``subtract``/``multiply`` on ``(H, W*C)`` views for elementwise work (that
view keeps OpenCV away from its channel limits and 1-channel squeezing).
"""

from __future__ import annotations

from functools import cache, lru_cache

import cv2
import numpy as np

from augkit.extend import apply_lut, saturate, value_range, write_into


def _float_dtype(dtype: np.dtype) -> np.dtype:
    """Float dtype in which arithmetic on images of *dtype* is exact enough.

    float32/float64 images compute in their own dtype; float16 in float32; integer
    and bool images in float64 (exact for integers up to 32 bits).
    """
    dtype = np.dtype(dtype)
    if dtype.kind == "f":
        return np.dtype(np.float32) if dtype.itemsize <= 4 else dtype
    return np.dtype(np.float64)


def _flat(image: np.ndarray) -> np.ndarray:
    """An ``(H, W*C)`` view of a C-contiguous ``(H, W, C)`` image for OpenCV."""
    return image.reshape(image.shape[0], -1)


def _expand_channels(plane: np.ndarray, channels: int) -> np.ndarray:
    """Repeat an ``(H, W)`` or ``(H, W, 1)`` plane over *channels* channels."""
    plane = plane.reshape(plane.shape[0], plane.shape[1])
    if channels == 1:
        return np.ascontiguousarray(plane)[:, :, None]
    if channels <= 4:
        return cv2.merge([plane] * channels).reshape(plane.shape[0], plane.shape[1], channels)
    return np.repeat(plane[:, :, None], channels, axis=2)


def _lut(image: np.ndarray, tables: np.ndarray) -> np.ndarray:
    """Map a uint8 image through one table ``(1, 256)`` or one per channel ``(C, 256)``.

    Per-channel tables on up to 4 channels go plane by plane through
    :func:`augkit.extend.apply_lut` (split, translate, merge: ~5x faster than
    ``cv2.LUT`` with a multi-channel table).
    """
    tables = np.asarray(tables, dtype=np.uint8).reshape(-1, 256)
    channels = image.shape[2]
    if tables.shape[0] == 1 or channels == 1 or channels > 4 or np.all(tables == tables[:1]):
        return apply_lut(image, tables if tables.shape[0] == channels else tables[0])
    planes = cv2.split(np.ascontiguousarray(image))
    mapped = [apply_lut(plane[:, :, None], table)[:, :, 0] for plane, table in zip(planes, tables)]
    return cv2.merge(mapped).reshape(image.shape)


# ---------------------------------------------------------------------------
# adding and multiplying
# ---------------------------------------------------------------------------


def lut_columns(tables: np.ndarray) -> np.ndarray:
    """Turn ``(k, 256)`` uint8 tables into the ``lookup_tables`` protocol's form.

    Parameters
    ----------
    tables : ndarray of shape (k, 256)
        One table for the image (k = 1) or one per channel.

    Returns
    -------
    ndarray of shape (256,) or (256, k), dtype uint8
        One table stays one ``(256,)`` table (every channel); k tables become
        ``(256, k)``, column c for channel c.

    Examples
    --------
    >>> lut_columns(np.zeros((1, 256), np.uint8)).shape, lut_columns(np.zeros((3, 256))).shape
    ((256,), (256, 3))
    """
    tables = np.asarray(tables, dtype=np.uint8)
    return tables[0] if tables.shape[0] == 1 else np.ascontiguousarray(tables.T)


@cache
def _add_tables() -> np.ndarray:
    """Row ``s + 255`` is the uint8 table of adding ``s`` (-255..255), saturated."""
    shifts = np.arange(-255, 256, dtype=np.int16)[:, None]
    return np.clip(np.arange(256, dtype=np.int16)[None, :] + shifts, 0, 255).astype(np.uint8)


def add_tables(values: np.ndarray) -> np.ndarray:
    """Return the uint8 tables of :func:`add_scalar`: ``clip(x + round(v), 0, 255)``.

    Parameters
    ----------
    values : ndarray of shape (k,)
        One value per table (for the image, or per channel).

    Returns
    -------
    ndarray of shape (k, 256), dtype uint8

    Examples
    --------
    >>> add_tables(np.array([2.5, -300.0]))[:, [0, 255]].tolist()
    [[2, 255], [0, 0]]
    """
    shift = np.clip(np.rint(np.asarray(values, dtype=np.float64).reshape(-1)), -255, 255)
    return _add_tables()[shift.astype(np.int64) + 255]


def add_scalar(image: np.ndarray, values: np.ndarray,
               out: np.ndarray | None = None) -> np.ndarray:
    """Return *image* plus *values* (one value, or one per channel), saturated.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype (int64 loses precision beyond 2**53).
    values : ndarray of shape (1,) or (C,)
        What to add, in the image's units. Integer images get the values rounded
        first (half to even), so uint8 results equal ``clip(x + round(v), 0, 255)``;
        float images get them added as they are.
    out : ndarray of shape (H, W, C), optional
        A C-contiguous array of *image*'s dtype to write the result into.

    Returns
    -------
    ndarray of shape (H, W, C)
        *out*, or a new array, of *image*'s dtype, saturated at its limits.

    Examples
    --------
    >>> add_scalar(np.array([[[5, 5]]], dtype=np.uint8), np.array([-10.0, 2.4])).tolist()
    [[[0, 7]]]
    """
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    if image.dtype == np.uint8 and values.size == 1:  # the common case: one table
        table = _add_tables()[int(min(max(round(values[0]), -255), 255)) + 255]
        return apply_lut(image, table, out)
    return write_into(out, _add_values(image, values))


def _add_values(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    """:func:`add_scalar` for every case but one value on a uint8 image, into a new array."""
    if image.dtype == np.uint8:
        if 1 < values.size <= 4 and image.shape[2] == values.size:
            # per-channel: two saturating scalar passes (positive, then negative parts);
            # the few values in Python: clipping to integer bounds commutes with
            # round(), which is half to even like np.rint (NaN: numpy, as before)
            shifts = [min(max(v, -255.0), 255.0) for v in values.tolist()]
            if all(v == v for v in shifts):
                shifts = [float(round(v)) for v in shifts]
            else:
                shifts = np.clip(np.rint(values), -255, 255).tolist()
            positive = tuple([*(max(v, 0.0) for v in shifts), 0.0, 0.0, 0.0][:4])
            negative = tuple([*(max(-v, 0.0) for v in shifts), 0.0, 0.0, 0.0][:4])
            out = cv2.add(np.ascontiguousarray(image), positive)
            if any(negative):
                cv2.subtract(out, negative, dst=out)
            return out.reshape(image.shape)
        return _lut(image, add_tables(values))
    if image.dtype.kind in "ui":
        values = np.rint(values)
    work = _float_dtype(image.dtype)
    return saturate(image.astype(work) + values.astype(work), image.dtype)


def multiply_scalar(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Return *image* times *values* (one value, or one per channel), rounded and saturated.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype.
    values : ndarray of shape (1,) or (C,)
        The factors.

    Returns
    -------
    ndarray of shape (H, W, C)
        Of *image*'s dtype; integer products rounded to nearest.

    Examples
    --------
    >>> multiply_scalar(np.array([[[100, 201]]], dtype=np.uint8), np.array([1.5])).tolist()
    [[[150, 255]]]
    """
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    if image.dtype == np.uint8:
        return _lut(image, multiply_tables(values))
    work = _float_dtype(image.dtype)
    return saturate(image.astype(work) * values.astype(work), image.dtype)


def multiply_tables(values: np.ndarray) -> np.ndarray:
    """Return the uint8 tables of :func:`multiply_scalar`: ``clip(round(x * m), 0, 255)``.

    Parameters
    ----------
    values : ndarray of shape (k,)
        One factor per table (for the image, or per channel).

    Returns
    -------
    ndarray of shape (k, 256), dtype uint8

    Examples
    --------
    >>> multiply_tables(np.array([1.5]))[0, [0, 100, 201]].tolist()
    [0, 150, 255]
    """
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    tables = np.arange(256, dtype=np.float64)[None, :] * values[:, None]
    return saturate(tables, np.dtype(np.uint8))


def add_elementwise(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Return *image* plus an array of *values*, saturated.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype.
    values : ndarray of shape (H, W, 1) or (H, W, C)
        What to add to each pixel (and channel); rounded for integer images.

    Returns
    -------
    ndarray of shape (H, W, C)
        Of *image*'s dtype.

    Examples
    --------
    >>> img = np.array([[[250], [5]]], dtype=np.uint8)
    >>> add_elementwise(img, np.array([[[9.6], [-7.0]]])).tolist()
    [[[255], [0]]]
    """
    channels = image.shape[2]
    if image.dtype == np.uint8:
        rounded = np.rint(values)
        positive = np.clip(rounded, 0, 255).astype(np.uint8)
        negative = np.clip(-rounded, 0, 255).astype(np.uint8)
        return _add_split_uint8(image, positive, negative)
    if image.dtype.kind in "ui":
        values = np.rint(values)
    work = _float_dtype(image.dtype)
    values = np.broadcast_to(values, (*image.shape[:2], channels))
    return saturate(image.astype(work) + values.astype(work), image.dtype)


def _add_split_uint8(image: np.ndarray, positive: np.ndarray, negative: np.ndarray) -> np.ndarray:
    """Return ``clip(image + positive - negative, 0, 255)`` for uint8 arrays.

    *positive* and *negative* are uint8 arrays of shape ``(H, W, 1)`` or ``(H, W, C)``
    with at most one of them non-zero at each entry, which makes two saturating
    OpenCV passes exact.
    """
    channels = image.shape[2]
    if positive.shape[2] != channels:
        positive = _expand_channels(positive, channels)
        negative = _expand_channels(negative, channels)
    image = np.ascontiguousarray(image)
    out = cv2.add(_flat(image), _flat(np.ascontiguousarray(positive)))
    cv2.subtract(out, _flat(np.ascontiguousarray(negative)), dst=out)
    return out.reshape(image.shape)


def add_table_noise(image: np.ndarray, indices: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Add noise given as byte *indices* into a 256-entry *table* of values.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype; uint8 takes two saturating OpenCV passes.
    indices : ndarray of shape (H, W, 1) or (H, W, C), dtype uint8
        Random bytes; the noise at each entry is ``table[indices]``.
    table : ndarray of shape (256,)
        Noise values in the image's units.

    Returns
    -------
    ndarray of shape (H, W, C)
        Of *image*'s dtype, rounded and saturated like :func:`add_elementwise`.

    Examples
    --------
    >>> img = np.full((1, 2, 1), 100, np.uint8)
    >>> idx = np.array([[[0], [1]]], dtype=np.uint8)
    >>> add_table_noise(img, idx, np.r_[-20.0, 7.4, np.zeros(254)]).tolist()
    [[[80], [107]]]
    """
    if image.dtype == np.uint8:
        rounded = np.rint(table)
        positive = np.clip(rounded, 0, 255).astype(np.uint8)
        negative = np.clip(-rounded, 0, 255).astype(np.uint8)
        indices = np.ascontiguousarray(indices)
        return _add_split_uint8(image, apply_lut(indices, positive), apply_lut(indices, negative))
    return add_elementwise(image, np.asarray(table)[indices])


def multiply_elementwise(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Return *image* times an array of *values*, saturated.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype; uint8 is multiplied in float32, others as
        :func:`multiply_scalar` does.
    values : ndarray of shape (H, W, 1) or (H, W, C)
        The factor of each pixel (and channel).

    Returns
    -------
    ndarray of shape (H, W, C)
        Of *image*'s dtype.

    Examples
    --------
    >>> img = np.array([[[100], [200]]], dtype=np.uint8)
    >>> multiply_elementwise(img, np.array([[[0.5], [2.0]]])).tolist()
    [[[50], [255]]]
    """
    work = _float_dtype(image.dtype) if image.dtype != np.uint8 else np.dtype(np.float32)
    product = image.astype(work) * np.asarray(values, dtype=work)
    return saturate(product, image.dtype)


# ---------------------------------------------------------------------------
# replacing
# ---------------------------------------------------------------------------


def replace_at(image: np.ndarray, indices: np.ndarray, per_channel: bool,
               replacements: np.ndarray | float) -> np.ndarray:
    """Return *image* with the entries at flat *indices* set to *replacements*.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype.
    indices : ndarray of int
        Positions in the flattened ``(H*W*C)`` image if *per_channel*, else pixel
        positions in ``(H*W)``, whose every channel is replaced.
    per_channel : bool
        How to read *indices*.
    replacements : ndarray of shape (len(indices),) or number
        Values in the image's units, rounded and saturated into its dtype.

    Returns
    -------
    ndarray of shape (H, W, C)
        A copy of *image* with the entries replaced.

    Examples
    --------
    >>> img = np.zeros((1, 2, 2), np.uint8)
    >>> replace_at(img, np.array([1]), False, np.array([300.0])).tolist()
    [[[0, 0], [255, 255]]]
    >>> replace_at(img, np.array([0, 3]), True, 7.0).tolist()
    [[[7, 0], [0, 7]]]
    """
    out = np.array(image, copy=True, order="C")
    values = np.asarray(replacements, dtype=np.float64)
    values = saturate(values.reshape(-1), image.dtype).reshape(values.shape)
    if per_channel or image.shape[2] == 1:
        out.reshape(-1)[indices] = values
    else:
        out.reshape(-1, image.shape[2])[indices] = values if values.ndim == 0 else values[:, None]
    return out


# ---------------------------------------------------------------------------
# inverting
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _invert_table(min_value: float, max_value: float, threshold: float | None = None,
                 invert_above_threshold: bool = True) -> np.ndarray:
    """The uint8 lookup table of :func:`invert` (256 entries; cached, read-only)."""
    values = np.arange(256, dtype=np.float64)
    inverted = np.clip(max_value - np.abs(values - min_value), min_value, max_value)
    if threshold is not None:
        selected = values >= threshold if invert_above_threshold else values < threshold
        inverted = np.where(selected, inverted, values)
    table = saturate(inverted, np.dtype(np.uint8))
    table.flags.writeable = False
    return table


def invert_tables(*, min_value: float | None = None, max_value: float | None = None,
                  threshold: float | None = None, invert_above_threshold: bool = True,
                  channels: np.ndarray | None = None) -> np.ndarray:
    """Return the uint8 tables of :func:`invert`.

    Parameters
    ----------
    min_value, max_value : number, optional
        The value range (default ``[0, 255]``).
    threshold : number, optional
        Invert only values ``>= threshold`` (``<`` if not *invert_above_threshold*).
    invert_above_threshold : bool, optional
        Which side of *threshold* is inverted.
    channels : ndarray of shape (C,), dtype bool, optional
        Which channels to invert (default: all).

    Returns
    -------
    ndarray of shape (1, 256) or (C, 256), dtype uint8
        One table when every channel is inverted alike (*channels* None or all True),
        else one per channel (the identity for channels left alone). The single
        table is cached and read-only.

    Examples
    --------
    >>> invert_tables(threshold=128)[0, [10, 200]].tolist()
    [10, 55]
    >>> invert_tables(channels=np.array([True, False]))[:, 0].tolist()
    [255, 0]
    """
    low = 0.0 if min_value is None else float(min_value)
    high = 255.0 if max_value is None else float(max_value)
    table = _invert_table(low, high, threshold, invert_above_threshold)
    if channels is None or np.all(channels):
        return table[None]
    identity = np.arange(256, dtype=np.uint8)
    return np.where(np.asarray(channels)[:, None], table[None, :], identity[None, :])


def invert(image: np.ndarray, *, min_value: float | None = None,
           max_value: float | None = None, threshold: float | None = None,
           invert_above_threshold: bool = True, channels: np.ndarray | None = None
           ) -> np.ndarray:
    """Invert *image*: ``v' = max - |v - min|``, clipped to ``[min, max]``.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype: uint8 through a lookup table, other integers in int64,
        floats in float32/float64, bool as a logical not.
    min_value, max_value : number, optional
        The value range; default: :func:`augkit.extend.value_range` of the dtype
        (``[0, 255]`` for uint8, ``[0, 1]`` for floats).
    threshold : number, optional
        Invert only values ``>= threshold`` (or ``< threshold`` if
        *invert_above_threshold* is False).
    invert_above_threshold : bool, optional
        Which side of *threshold* is inverted.
    channels : ndarray of shape (C,), dtype bool, optional
        Which channels to invert (default: all).

    Returns
    -------
    ndarray of shape (H, W, C)
        Of *image*'s dtype.

    Examples
    --------
    >>> invert(np.array([[[10, 200]]], dtype=np.uint8), threshold=128).tolist()
    [[[10, 55]]]
    >>> invert(np.array([[[0.25]]], dtype=np.float32)).tolist()
    [[[0.75]]]
    """
    low, _, high = value_range(image.dtype)
    low = low if min_value is None else float(min_value)
    high = high if max_value is None else float(max_value)
    nb_channels = image.shape[2]
    if channels is not None and not np.any(channels):
        return np.array(image, copy=True, order="C")
    if image.dtype == np.uint8:
        tables = invert_tables(min_value=low, max_value=high, threshold=threshold,
                               invert_above_threshold=invert_above_threshold, channels=channels)
        return apply_lut(image, tables[0]) if len(tables) == 1 else _lut(image, tables)
    if image.dtype.kind == "b":
        inverted = np.logical_not(image)
    elif image.dtype.kind in "ui":
        wide = image.astype(np.int64)
        inverted = np.clip(int(high) - np.abs(wide - int(low)), int(low), int(high))
    else:
        work = _float_dtype(image.dtype)
        wide = image.astype(work)
        inverted = np.clip(high - np.abs(wide - low), low, high)
    if threshold is not None:
        selected = image >= threshold if invert_above_threshold else image < threshold
        inverted = np.where(selected, inverted, image)
    if channels is not None and not np.all(channels):
        inverted = np.where(np.asarray(channels)[None, None, :nb_channels], inverted, image)
    return np.ascontiguousarray(inverted.astype(image.dtype, copy=False))

