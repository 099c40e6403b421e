"""imgaug's ``imgaug.dtypes`` on ``augkit.dtypes`` (``from augkit import dtypes as iadt``)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from augkit import dtypes as iadt
from augkit.errors import InputError, ParameterError, ParameterTypeError, UnsupportedDtypeError


@pytest.mark.parametrize(("dtype", "expected"), [
    (np.uint8, (0, 127.5, 255)),
    ("uint16", (0, 32767.5, 65535)),
    (np.int8, (-128, -0.5, 127)),
    (np.dtype("int32"), (-2**31, -0.5, 2**31 - 1)),
    (bool, (0, None, 1)),
    (np.float32, (float(np.finfo(np.float32).min), 0.0, float(np.finfo(np.float32).max))),
    (np.float16, (-65504.0, 0.0, 65504.0)),
])
def test_get_value_range_of_dtype(dtype, expected):
    got = iadt.get_value_range_of_dtype(dtype)
    assert got == expected
    assert all(v is None or type(v) in (int, float) for v in got)


def test_get_value_range_rejects_other_kinds():
    with pytest.raises(UnsupportedDtypeError, match="complex64"):
        iadt.get_value_range_of_dtype(np.complex64)


def test_normalize_dtype_and_dtypes():
    assert iadt.normalize_dtype(np.zeros((1,), np.int16)) == np.int16
    assert iadt.normalize_dtype(np.float32(1)) == np.float32
    assert iadt.normalize_dtype("uint8") == np.uint8
    assert iadt.normalize_dtypes(np.zeros((2, 2), np.uint8)) == [np.dtype("uint8")]
    assert iadt.normalize_dtypes([np.uint8, "int8"]) == [np.dtype("uint8"), np.dtype("int8")]
    with pytest.raises(ParameterTypeError, match="dtype"):
        iadt.normalize_dtype([np.uint8])


def test_clip_in_place_and_skipping_wide_bounds():
    arr = np.array([-5, 5, 500], dtype=np.int16)
    out = iadt.clip_(arr, 0, 255)
    assert out is arr and arr.tolist() == [0, 5, 255]
    arr = np.array([0, 10, 255], dtype=np.uint8)
    assert iadt.clip_(arr, -1000, 1000).tolist() == [0, 10, 255]
    assert iadt.clip_(np.array(3.0, np.float32), 0, 1).item() == 1.0
    assert iadt.clip_(np.array([1.0, 5.0]), None, 2.0).tolist() == [1.0, 2.0]


def test_clip_int64_uint64_exactly_and_float_bounds_on_ints():
    big = np.array([2**62, -2**62], dtype=np.int64)
    assert iadt.clip_(big, -2**61, 2**61).tolist() == [2**61, -2**61]
    ubig = np.array([2**63 + 7], dtype=np.uint64)
    assert iadt.clip_(ubig, 0, 2**63 + 1).tolist() == [2**63 + 1]
    assert iadt.clip_(np.array([0, 5, 9], np.int32), 0.5, 7.5).tolist() == [1, 5, 7]


def test_clip_bool():
    assert iadt.clip_(np.array([True, False]), 0, 1).tolist() == [True, False]
    assert iadt.clip_(np.array([True, False]), 1, 1).tolist() == [True, True]


def test_clip_to_dtype_value_range():
    arr = np.array([1.0, 300.0, -4.0])
    assert iadt.clip_to_dtype_value_range_(arr, np.uint8, validate=False).tolist() == \
        [1.0, 255.0, 0.0]
    with pytest.raises(InputError, match="maximum value 300"):
        iadt.clip_to_dtype_value_range_(np.array([1.0, 300.0]), np.uint8)
    ok = np.array([1.0, 300.0])
    assert iadt.clip_to_dtype_value_range_(ok, np.uint8, validate=1).tolist() == [1.0, 255.0]
    assert iadt.clip_to_dtype_value_range_(np.array([7.0]), np.uint8,
                                           validate_values=(0, 7)).tolist() == [7.0]
    with pytest.raises(ParameterError, match="validate"):
        iadt.clip_to_dtype_value_range_(ok, np.uint8, validate=2, validate_values=(0, 1))


def test_change_dtype_rounds_and_clips():
    assert iadt.change_dtype_(np.array([-1.6, 2.5, 3.5, 300.0]), np.uint8).tolist() == \
        [0, 2, 4, 255]
    assert iadt.change_dtype_(np.array([-1.6, 300.0]), np.uint8, clip=False,
                              round=False).dtype == np.uint8
    same = np.zeros(2, np.uint8)
    assert iadt.change_dtype_(same, "uint8") is same
    assert iadt.change_dtype_(np.array([70000], np.int32), np.int16).tolist() == [32767]
    assert iadt.change_dtype_(np.array([True]), np.float32).tolist() == [1.0]


def test_change_dtypes_and_restore_dtypes():
    images = np.array([[1.7], [9.2]])
    assert iadt.change_dtypes_(images, [np.uint8, np.uint8]).dtype == np.uint8
    with pytest.raises(ParameterError, match="dtypes"):
        iadt.change_dtypes_(images, [np.uint8, np.int16])
    listed = [np.array([1.7]), np.array([-9.2])]
    result = iadt.restore_dtypes_(listed, [np.uint8, np.int16])
    assert result is listed
    assert [(a.dtype.name, a.tolist()) for a in result] == [("uint8", [2]), ("int16", [-9])]
    assert iadt.change_dtypes_([np.array([2.2])], np.uint8)[0].tolist() == [2]
    with pytest.raises(ParameterTypeError, match="images"):
        iadt.change_dtypes_("image", np.uint8)


def test_copy_dtypes_for_restore():
    arr = np.zeros((3, 2, 2), np.int8)
    assert iadt.copy_dtypes_for_restore(arr) == np.int8
    assert iadt.copy_dtypes_for_restore(arr, force_list=True) == [np.dtype("int8")] * 3
    assert iadt.copy_dtypes_for_restore([np.zeros(1, np.uint8), np.zeros(1, bool)]) == \
        [np.dtype("uint8"), np.dtype("bool")]


def test_increase_itemsize_and_minimal_dtype():
    assert iadt.increase_itemsize_of_dtype(np.uint8, 2) == np.uint16
    assert iadt.increase_itemsize_of_dtype("float16", 4) == np.float64
    with pytest.raises(ParameterError, match="factor"):
        iadt.increase_itemsize_of_dtype(np.uint8, 3)
    with pytest.raises(UnsupportedDtypeError, match="bool"):
        iadt.increase_itemsize_of_dtype(bool, 2)
    with pytest.raises(UnsupportedDtypeError, match="i16"):
        iadt.increase_itemsize_of_dtype(np.int64, 2)
    assert iadt.get_minimal_dtype([np.zeros(1, np.uint8), np.int8]) == np.int16
    assert iadt.get_minimal_dtype([np.uint8, np.uint16, np.float16]) == np.float32
    assert iadt.get_minimal_dtype([np.int8], increase_itemsize_factor=2) == np.int16


def test_promote_and_increase_array_resolutions():
    arrays = [np.array([1], np.uint8), np.array([-1], np.int8)]
    promoted = iadt.promote_array_dtypes_(arrays)
    assert [a.dtype.name for a in promoted] == ["int16", "int16"]
    assert [a.dtype.name for a in iadt.promote_array_dtypes_(
        [np.array([1], np.uint8)], dtypes=np.float32)] == ["float32"]
    widened = iadt.increase_array_resolutions_([np.array([1], np.uint8),
                                                 np.array([1.5], np.float16)], 2)
    assert [(a.dtype.name, a.tolist()) for a in widened] == [("uint16", [1]),
                                                             ("float32", [1.5])]


def test_gate_dtypes_allows_raises_and_warns():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        iadt.gate_dtypes(np.zeros(1, np.uint8), ["uint8"], ["float32"])
        iadt.gate_dtypes([np.dtype("uint8"), np.zeros(1, np.uint8)], [np.uint8], [])
    with pytest.raises(ValueError, match=r"Got dtype 'float32', which is a forbidden dtype"):
        iadt.gate_dtypes(np.zeros(1, np.float32), ["uint8"], ["float32"])
    with pytest.warns(UserWarning, match="neither explicitly allowed"):
        iadt.gate_dtypes(np.zeros(1, np.int8), ["uint8"], ["float32"])


def test_gate_dtypes_names_the_augmenter():
    class Aug:
        name = "MyAug"

    with pytest.raises(UnsupportedDtypeError, match=r"in augmenter 'MyAug' \(class 'Aug'\)"):
        iadt.gate_dtypes(np.float64(1.0), ["uint8"], ["float64"], augmenter=Aug())


def test_gate_dtypes_strs():
    iadt.gate_dtypes_strs([np.dtype("uint8")], "uint8 uint16", "float16 float128")
    with pytest.raises(UnsupportedDtypeError, match="float16"):
        iadt.gate_dtypes_strs(np.zeros(1, np.float16), "uint8", "float16")
    with pytest.warns(UserWarning):
        iadt.gate_dtypes_strs(np.zeros(1, np.int8), "uint8", "float16")
    with pytest.raises(ParameterError, match="both"):
        iadt.gate_dtypes_strs(np.zeros(1, np.uint8), "uint8", "uint8")
    with pytest.raises(UnsupportedDtypeError):
        iadt.allow_only_uint8(np.zeros(1, np.int8))


def test_kind_to_dtypes_table():
    assert iadt.KIND_TO_DTYPES["u"] == ["uint8", "uint16", "uint32", "uint64"]
    assert iadt.integer_limits(np.uint16) == (0, 65535)
