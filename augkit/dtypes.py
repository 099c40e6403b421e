"""Dtype helpers: value ranges, clipping, promotion and dtype gates (imgaug's ``iadt``).

``from augkit import dtypes as iadt`` gives imgaug 0.4 code its ``imgaug.dtypes``
names with imgaug's semantics. augkit's own pixel code takes its integer limits from
:func:`integer_limits` here (one cached table).

Differences from imgaug, kept to the same call shapes:

* :func:`get_value_range_of_dtype` returns Python numbers (imgaug returned numpy
  scalars, and float16 scalars overflow in arithmetic such as ``16 - min``).
* :func:`clip_` also clips int64 and uint64 arrays, in place and exactly (imgaug
  refused them because old numpy clipped them through float64), and clips integer
  arrays to float bounds by rounding the bounds inwards.
* Bad arguments raise augkit errors naming the argument (imgaug used ``assert``);
  a forbidden dtype raises :class:`~augkit.errors.UnsupportedDtypeError`, a
  ``ValueError`` as in imgaug.

Examples
--------
>>> import numpy as np
>>> get_value_range_of_dtype(np.uint8)
(0, 127.5, 255)
>>> clip_(np.array([-5, 5, 500], dtype=np.int16), 0, 255).tolist()
[0, 5, 255]
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable
from typing import Any

import numpy as np

from augkit.errors import (
    InputError,
    ParameterError,
    ParameterTypeError,
    UnsupportedDtypeError,
    describe,
)

#: Dtype names per numpy kind, smallest first (imgaug's table).
KIND_TO_DTYPES: dict[str, list[str]] = {
    "i": ["int8", "int16", "int32", "int64"],
    "u": ["uint8", "uint16", "uint32", "uint64"],
    "b": ["bool"],
    "f": ["float16", "float32", "float64", "float128"],
}

_INT_LIMITS: dict[Any, tuple[int, int]] = {}  # dtype-like -> (min, max)
_STR_GATES: dict[str, frozenset[np.dtype]] = {}


def integer_limits(dtype: Any) -> tuple[int, int]:
    """Return ``(min, max)`` of an integer dtype as Python ints (cached).

    Examples
    --------
    >>> integer_limits(np.int8)
    (-128, 127)
    """
    limits = _INT_LIMITS.get(dtype)  # the hot path: a dtype seen before
    if limits is None:
        info = np.iinfo(np.dtype(dtype))
        limits = _INT_LIMITS[dtype] = (int(info.min), int(info.max))
    return limits


def _type_error(name: str, expected: str, value: Any) -> ParameterTypeError:
    return ParameterTypeError(f"{name}: expected {expected}, got {describe(value)}")


def _is_scalar_or_array(value: Any) -> bool:
    return isinstance(value, (np.ndarray, np.generic))


def normalize_dtype(dtype: Any) -> np.dtype:
    """Return the numpy dtype of a dtype-like, an array or a numpy scalar.

    Examples
    --------
    >>> normalize_dtype("uint8"), normalize_dtype(np.zeros((1,), np.int16))
    (dtype('uint8'), dtype('int16'))
    """
    if isinstance(dtype, list):
        raise _type_error("dtype", "a single dtype-like, not a list", dtype)
    if _is_scalar_or_array(dtype):
        return dtype.dtype
    try:
        return np.dtype(dtype)
    except TypeError as error:
        raise _type_error("dtype", "a numpy dtype, dtype name, array or scalar",
                                  dtype) from error


def normalize_dtypes(dtypes: Any) -> list[np.dtype]:
    """Return a list of dtypes: one for a non-list input, one per item of a list.

    Examples
    --------
    >>> normalize_dtypes([np.uint8, "float32"])
    [dtype('uint8'), dtype('float32')]
    """
    if not isinstance(dtypes, list):
        return [normalize_dtype(dtypes)]
    return [normalize_dtype(dtype) for dtype in dtypes]


def get_value_range_of_dtype(dtype: Any) -> tuple[Any, Any, Any]:
    """Return ``(min, center, max)`` of the values a dtype can hold (imgaug's table).

    Floats: ``(finfo.min, 0.0, finfo.max)``; unsigned ints: ``(0, max / 2, max)``;
    signed ints: ``(min, -0.5, max)``; bool: ``(0, None, 1)``. Numbers are Python
    ints and floats (float128 keeps its ``longdouble`` limits).

    Examples
    --------
    >>> get_value_range_of_dtype("int8")
    (-128, -0.5, 127)
    >>> get_value_range_of_dtype(bool)
    (0, None, 1)
    """
    dtype = normalize_dtype(dtype)
    if dtype.kind == "f":
        info = np.finfo(dtype)
        if dtype.itemsize <= 8:
            return float(info.min), 0.0, float(info.max)
        return info.min, 0.0, info.max
    if dtype.kind in "ui":
        low, high = integer_limits(dtype)
        return low, (-0.5 if dtype.kind == "i" else low + 0.5 * high), high
    if dtype.kind == "b":
        return 0, None, 1
    raise UnsupportedDtypeError(
        f"dtype: cannot give a value range of dtype {dtype.name!r}; expected a bool, "
        "integer or float dtype")


def _integer_bounds(min_value: Any, max_value: Any) -> tuple[int | None, int | None]:
    """Bounds for an integer array: Python ints, float bounds rounded inwards."""
    low = None if min_value is None else (
        int(min_value) if float(min_value).is_integer() else math.ceil(min_value))
    high = None if max_value is None else (
        int(max_value) if float(max_value).is_integer() else math.floor(max_value))
    return low, high


def clip_(array: np.ndarray, min_value: Any, max_value: Any) -> np.ndarray:
    """Clip *array* to ``[min_value, max_value]``, in place where possible.

    ``None`` leaves that side open; a bound beyond the dtype's own range is skipped
    (it cannot be exceeded). Integer arrays keep their dtype for any bound (float
    bounds are rounded inwards), including int64/uint64.

    Returns
    -------
    ndarray
        *array* itself, or a new array for a 0-dimensional input.

    Examples
    --------
    >>> clip_(np.array([0.0, 0.5, 2.0]), 0.25, 1.0).tolist()
    [0.25, 0.5, 1.0]
    """
    if not isinstance(array, np.ndarray):
        raise _type_error("array", "a numpy array", array)
    low_dt, _, high_dt = get_value_range_of_dtype(array.dtype)
    if min_value is not None and min_value <= low_dt:
        min_value = None
    if max_value is not None and max_value >= high_dt:
        max_value = None
    if min_value is None and max_value is None:
        return array
    if array.dtype.kind in "uib":
        min_value, max_value = _integer_bounds(min_value, max_value)
    if array.dtype.kind == "b":
        if min_value is not None and min_value >= 1:
            array[...] = True
        if max_value is not None and max_value <= 0:
            array[...] = False
        return array
    if array.ndim == 0:
        return np.asarray(np.clip(array, min_value, max_value), dtype=array.dtype)
    return np.clip(array, min_value, max_value, out=array)


def clip_to_dtype_value_range_(array: np.ndarray, dtype: Any, validate: bool | int = True,
                               validate_values: tuple[Any, Any] | None = None) -> np.ndarray:
    """Clip *array* in place to the value range of *dtype*, optionally validating first.

    Parameters
    ----------
    array : ndarray
    dtype : dtype-like
        Whose :func:`get_value_range_of_dtype` bounds to clip to.
    validate : bool or int
        True: check that all values already lie in the range (raise
        :class:`~augkit.errors.InputError` if not). An int N checks the first N values.
    validate_values : (min, max) tuple, optional
        Precomputed minimum and maximum to check instead of reading the array.

    Examples
    --------
    >>> clip_to_dtype_value_range_(np.array([1.0, 300.0]), np.uint8, validate=False).tolist()
    [1.0, 255.0]
    """
    dtype = normalize_dtype(dtype)
    low, _, high = get_value_range_of_dtype(dtype)
    if validate:
        checked = array
        if not isinstance(validate, bool):
            if validate < 1 or validate_values is not None:
                raise ParameterError(
                    "validate: an int must be >= 1 and comes without validate_values, got "
                    f"{validate!r}")
            checked = array.flat[0:validate]
        if validate_values is not None:
            found_low, found_high = validate_values
        else:
            found_low, found_high = np.min(checked), np.max(checked)
        for which, value in (("minimum", found_low), ("maximum", found_high)):
            if not low <= value <= high:
                raise InputError(
                    f"array: {which} value {value} is outside the value range of "
                    f"{dtype.name} ({low} to {high})")
    return clip_(array, low, high)


def change_dtype_(arr: np.ndarray, dtype: Any, clip: bool = True,
                  round: bool = True) -> np.ndarray:  # noqa: A002 - imgaug's keyword
    """Convert one array to *dtype*: round floats going to ints, clip, then cast.

    Examples
    --------
    >>> change_dtype_(np.array([-1.6, 2.5, 300.0]), np.uint8).tolist()
    [0, 2, 255]
    """
    if not isinstance(arr, np.ndarray):
        raise _type_error("arr", "a numpy array", arr)
    dtype = normalize_dtype(dtype)
    if arr.dtype == dtype:
        return arr
    if round and arr.dtype.kind == "f" and dtype.kind in "uib":
        arr = np.round(arr)
    if clip:
        low, _, high = get_value_range_of_dtype(dtype)
        arr = clip_(arr, low, high)
    return arr.astype(dtype, copy=False)


def change_dtypes_(images: Any, dtypes: Any, clip: bool = True,
                   round: bool = True) -> Any:  # noqa: A002 - imgaug's keyword
    """Convert an image array, or each image of a list, to the given dtype(s).

    Parameters
    ----------
    images : ndarray or list of ndarray
    dtypes : dtype-like or list of dtype-like
        For an array: one dtype, or a list of N equal dtypes for its N images. For a
        list: one dtype for all, or one per image (the list is changed in place).

    Examples
    --------
    >>> change_dtypes_([np.array([1.7]), np.array([9.2])], [np.uint8, np.int16])
    [array([2], dtype=uint8), array([9], dtype=int16)]
    """
    if isinstance(images, np.ndarray):
        if isinstance(dtypes, (list, tuple)):
            normalized = normalize_dtypes(list(dtypes))
            if len(normalized) != len(images) or len(set(normalized)) != 1:
                raise ParameterError(
                    "dtypes: for an image array, expected one dtype or one equal dtype per "
                    f"image ({len(images)}), got {normalized}")
            dtype = normalized[0]
        else:
            dtype = normalize_dtype(dtypes)
        return change_dtype_(images, dtype, clip=clip, round=round)
    if isinstance(images, list):
        targets = normalize_dtypes(dtypes) if isinstance(dtypes, list) else (
            [normalize_dtype(dtypes)] * len(images))
        if len(targets) != len(images):
            raise ParameterError(
                f"dtypes: expected one dtype per image ({len(images)}), got {len(targets)}")
        for i, (image, dtype) in enumerate(zip(images, targets)):
            images[i] = change_dtype_(image, dtype, clip=clip, round=round)
        return images
    raise _type_error("images", "a numpy array or a list of numpy arrays", images)


def restore_dtypes_(images: Any, dtypes: Any, clip: bool = True,
                    round: bool = True) -> Any:  # noqa: A002 - imgaug's keyword
    """imgaug's older name of :func:`change_dtypes_` (same behaviour).

    Examples
    --------
    >>> restore_dtypes_(np.array([3.4]), np.uint8).tolist()
    [3]
    """
    return change_dtypes_(images, dtypes, clip=clip, round=round)


def copy_dtypes_for_restore(images: Any, force_list: bool = False) -> Any:
    """Return the dtype of an image array (a list of N copies with *force_list*), or
    one dtype per image of a list.

    Examples
    --------
    >>> copy_dtypes_for_restore(np.zeros((2, 1, 1), np.uint8), force_list=True)
    [dtype('uint8'), dtype('uint8')]
    """
    if isinstance(images, np.ndarray):
        return [images.dtype] * len(images) if force_list else images.dtype
    return [image.dtype for image in images]


def increase_itemsize_of_dtype(dtype: Any, factor: int) -> np.dtype:
    """Return the dtype of the same kind with *factor* times the itemsize.

    Examples
    --------
    >>> increase_itemsize_of_dtype(np.int8, 4)
    dtype('int32')
    """
    dtype = normalize_dtype(dtype)
    if isinstance(factor, bool) or factor not in (1, 2, 4, 8):
        raise ParameterError(f"factor: expected 1, 2, 4 or 8, got {factor!r}")
    if dtype.kind == "b":
        raise UnsupportedDtypeError("dtype: cannot increase the itemsize of bool")
    name = f"{dtype.kind}{dtype.itemsize * factor}"
    try:
        return np.dtype(name)
    except TypeError as error:
        raise UnsupportedDtypeError(
            f"dtype: no numpy dtype {name!r} is {factor} times as wide as {dtype.name}; "
            "use inputs of a smaller dtype (e.g. float16 instead of float32)") from error


def get_minimal_dtype(arrays: list[Any], increase_itemsize_factor: int = 1) -> np.dtype:
    """Return the smallest dtype that holds all values of the given arrays/dtypes.

    With *increase_itemsize_factor* > 1 that dtype is widened (see
    :func:`increase_itemsize_of_dtype`).

    Examples
    --------
    >>> get_minimal_dtype([np.zeros(1, np.uint8), np.int8])
    dtype('int16')
    >>> get_minimal_dtype([np.uint8], increase_itemsize_factor=2)
    dtype('uint16')
    """
    if not isinstance(arrays, list) or not arrays:
        raise _type_error("arrays", "a non-empty list of arrays or dtypes", arrays)
    result = normalize_dtypes(arrays)[0]
    for dtype in normalize_dtypes(arrays)[1:]:
        result = np.promote_types(result, dtype)
    if increase_itemsize_factor > 1:
        return increase_itemsize_of_dtype(result, increase_itemsize_factor)
    return result


def promote_array_dtypes_(arrays: list[np.ndarray], dtypes: Any = None,
                          increase_itemsize_factor: int = 1) -> list[np.ndarray]:
    """Convert every array to the :func:`get_minimal_dtype` of *dtypes* (default:
    the arrays' own dtypes); no clipping or rounding.

    Examples
    --------
    >>> [a.dtype.name for a in promote_array_dtypes_([np.zeros(1, np.uint8),
    ...                                                np.zeros(1, np.int8)])]
    ['int16', 'int16']
    """
    if dtypes is None:
        dtypes = normalize_dtypes(arrays)
    elif not isinstance(dtypes, list):
        dtypes = [dtypes]
    dtype = get_minimal_dtype(dtypes, increase_itemsize_factor=increase_itemsize_factor)
    return change_dtypes_(arrays, dtype, clip=False, round=False)


def increase_array_resolutions_(arrays: list[np.ndarray], factor: int) -> list[np.ndarray]:
    """Widen each array's dtype *factor* times (int8 -> int16 for 2), in the list.

    Examples
    --------
    >>> increase_array_resolutions_([np.zeros(1, np.float16)], 4)[0].dtype
    dtype('float64')
    """
    targets = [increase_itemsize_of_dtype(dtype, factor) for dtype in normalize_dtypes(arrays)]
    return change_dtypes_(arrays, targets, clip=False, round=False)


def _as_dtype_set(values: Any) -> set[np.dtype]:
    """Dtypes of one array/scalar/dtype or an iterable of them; unknown names skipped."""
    if _is_scalar_or_array(values) or isinstance(values, (np.dtype, str, type)):
        values = [values]
    elif not isinstance(values, Iterable):
        raise _type_error("dtypes", "an array, a dtype or an iterable of those",
                                  values)
    result = set()
    for value in values:
        try:
            result.add(normalize_dtype(value))
        except TypeError:
            continue  # e.g. "float128" where the platform has no such dtype
    return result


def _names(dtypes: Iterable[np.dtype]) -> str:
    return ", ".join(sorted(np.dtype(dt).name for dt in dtypes))


def _gate(dtypes: set[np.dtype], allowed: frozenset[np.dtype] | set[np.dtype],
          disallowed: frozenset[np.dtype] | set[np.dtype], augmenter: Any) -> None:
    unknown = dtypes - allowed
    if not unknown:
        return
    where = "" if augmenter is None else (
        f" in augmenter '{augmenter.name}' (class '{type(augmenter).__name__}')")
    forbidden = unknown & disallowed
    if forbidden:
        raise UnsupportedDtypeError(
            f"Got dtype '{_names(forbidden)}'{where}, which is a forbidden dtype "
            f"({_names(disallowed)}).")
    for dtype in sorted(unknown, key=lambda dt: dt.name):
        warnings.warn(
            f"Got dtype '{dtype.name}'{where}, which was neither explicitly allowed "
            f"({_names(allowed)}), nor explicitly disallowed ({_names(disallowed)}). "
            "Generated outputs may contain errors.", stacklevel=3)


def gate_dtypes(dtypes: Any, allowed: Any, disallowed: Any, augmenter: Any = None) -> None:
    """Check input dtypes: raise for a disallowed one, warn for one in neither list.

    Parameters
    ----------
    dtypes : ndarray or numpy scalar or dtype or iterable of those
        What to check.
    allowed, disallowed : iterable of dtype-like
        Dtypes (or names) that pass silently / raise
        :class:`~augkit.errors.UnsupportedDtypeError` (a ``ValueError``). Any other
        dtype gives a ``UserWarning``.
    augmenter : Augmenter, optional
        Named in the message.

    Examples
    --------
    >>> gate_dtypes(np.zeros(1, np.uint8), allowed=["uint8"], disallowed=["float32"])
    >>> gate_dtypes(np.zeros(1, np.float32), ["uint8"], ["float32"])
    Traceback (most recent call last):
    ...
    augkit.errors.UnsupportedDtypeError: Got dtype 'float32', which is a forbidden dtype (float32).
    """
    _gate(_as_dtype_set(dtypes), _as_dtype_set(allowed), _as_dtype_set(disallowed), augmenter)


def _parse_gate_string(names: str, argument: str) -> frozenset[np.dtype]:
    parsed = _STR_GATES.get(names)
    if parsed is None:
        if not isinstance(names, str):
            raise _type_error(argument, "dtype names separated by spaces", names)
        parsed = frozenset(_as_dtype_set(names.split()))
        _STR_GATES[names] = parsed
    return parsed


def gate_dtypes_strs(dtypes: Any, allowed: str, disallowed: str, augmenter: Any = None) -> None:
    """:func:`gate_dtypes` with the dtype lists as space-separated names (parsed once).

    Examples
    --------
    >>> gate_dtypes_strs([np.dtype("uint8")], "uint8 uint16", "float16")
    """
    allowed_set = _parse_gate_string(allowed, "allowed")
    disallowed_set = _parse_gate_string(disallowed, "disallowed")
    overlap = allowed_set & disallowed_set
    if overlap:
        raise ParameterError(
            f"allowed, disallowed: a dtype cannot be in both, got {_names(overlap)}")
    _gate(_as_dtype_set(dtypes), allowed_set, disallowed_set, augmenter)


def allow_only_uint8(dtypes: Any, augmenter: Any = None) -> None:
    """Gate that accepts uint8 and forbids every other dtype.

    Examples
    --------
    >>> allow_only_uint8(np.zeros(1, np.uint8))
    """
    gate_dtypes_strs(dtypes, "uint8", "uint16 uint32 uint64 int8 int16 int32 int64 "
                     "float16 float32 float64 float128 bool", augmenter=augmenter)


__all__ = [
    "KIND_TO_DTYPES",
    "allow_only_uint8",
    "change_dtype_",
    "change_dtypes_",
    "clip_",
    "clip_to_dtype_value_range_",
    "copy_dtypes_for_restore",
    "gate_dtypes",
    "gate_dtypes_strs",
    "get_minimal_dtype",
    "get_value_range_of_dtype",
    "increase_array_resolutions_",
    "increase_itemsize_of_dtype",
    "integer_limits",
    "normalize_dtype",
    "normalize_dtypes",
    "promote_array_dtypes_",
    "restore_dtypes_",
]
