"""The OpenCV warps of functional: dtypes, channels, borders, cval."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from augkit_geometric import functional as F

from augkit import InputError, ParameterError

DTYPES = ["bool", "uint8", "int8", "uint16", "int16", "uint32", "int32", "int64",
          "float16", "float32", "float64"]
CHANNELS = [1, 3, 4, 5, 21]
SHIFT = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 1.0]])  # +2 px in x, +1 px in y


def _image(dtype: str, channels: int, h: int = 6, w: int = 7) -> np.ndarray:
    dt = np.dtype(dtype)
    base = np.arange(h * w * channels).reshape(h, w, channels)
    if dt.kind == "b":
        return base % 3 == 0
    if dt.kind == "f":
        return (base / base.size).astype(dt)
    if dt.kind == "i":
        # int64 goes through float64: exact up to 2**53 (documented loss beyond)
        high = 2**52 if dt.itemsize == 8 else np.iinfo(dt).max - 60
        return (base % 100 - 50 + (high if dt.itemsize >= 4 else 0)).astype(dt)
    return (base % 200 + (np.iinfo(dt).max - 210 if dt.itemsize >= 2 else 0)).astype(dt)


def _expected_shift(image: np.ndarray, cval) -> np.ndarray:
    out = np.empty_like(image)
    out[...] = np.asarray(cval).astype(image.dtype) if not np.isscalar(cval) else cval
    out[1:, 2:] = image[:-1, :-2]
    return out


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("channels", CHANNELS)
@pytest.mark.parametrize("order", [0, 1, 3])
def test_integer_translation_is_exact_for_every_dtype_and_channel_count(dtype, channels, order):
    image = _image(dtype, channels)
    out = F.warp_affine(image, SHIFT, (7, 6), order=order, mode="constant", cval=1)
    assert out.dtype == image.dtype
    assert out.shape == image.shape
    assert out.flags.c_contiguous
    if dtype == "float64" and order == 3:  # two float32 cubic warps: ~48 bits
        np.testing.assert_allclose(out, _expected_shift(image, 1), rtol=1e-12, atol=1e-14)
    else:
        np.testing.assert_array_equal(out, _expected_shift(image, 1))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("channels", [1, 3, 5, 21])
def test_perspective_and_remap_translate_exactly(dtype, channels):
    image = _image(dtype, channels)
    full = np.vstack([SHIFT, [0, 0, 1]])
    out = F.warp_perspective(image, full, (7, 6), order=0, cval=1)
    np.testing.assert_array_equal(out, _expected_shift(image, 1))
    xs, ys = np.meshgrid(np.arange(7, dtype=np.float32) - 2, np.arange(6, dtype=np.float32) - 1)
    out = F.remap(image, xs, ys, order=1, cval=1)
    assert out.shape == image.shape and out.dtype == image.dtype
    np.testing.assert_array_equal(out, _expected_shift(image, 1))


@pytest.mark.parametrize("channels", [3, 5, 21])
@pytest.mark.parametrize("order", [0, 1, 3])
def test_per_channel_cval_fills_each_channel(channels, order):
    image = np.zeros((4, 5, channels), np.uint8)
    cval = list(range(10, 10 + channels))
    out = F.warp_affine(image, SHIFT, (5, 4), order=order, cval=cval)
    assert out[0, 0].tolist() == cval
    assert out[3, 4].tolist() == [0] * channels


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("constant", [9, 9, 0, 1, 2]), ("edge", [0, 0, 0, 1, 2]), ("symmetric", [1, 0, 0, 1, 2]),
     ("reflect", [2, 1, 0, 1, 2]), ("wrap", [3, 4, 0, 1, 2])],
)
def test_border_modes_use_imgaug_names(mode, expected):
    row = np.arange(5, dtype=np.uint8).reshape(1, 5, 1)
    out = F.warp_affine(row, [[1, 0, 2], [0, 1, 0]], (5, 1), order=0, mode=mode, cval=9)
    assert out[0, :, 0].tolist() == expected


def test_many_channels_equal_per_channel_warps():
    rng = np.random.default_rng(0)
    image = rng.integers(0, 255, (9, 11, 21), dtype=np.uint8)
    rot = cv2.getRotationMatrix2D((5.0, 4.0), 17.0, 1.1)
    for order in (0, 1, 3, 4):
        out = F.warp_affine(image, rot, (11, 9), order=order, cval=3)
        for c in (0, 4, 20):
            single = F.warp_affine(image[:, :, c:c + 1], rot, (11, 9), order=order, cval=3)
            np.testing.assert_array_equal(out[:, :, c], single[:, :, 0])


def test_output_size_and_empty_inputs():
    image = np.ones((4, 4, 2), np.float32)
    assert F.warp_affine(image, np.eye(3), (6, 3)).shape == (3, 6, 2)
    empty = np.zeros((0, 4, 3), np.uint8)
    out = F.warp_affine(empty, np.eye(3), (4, 2), cval=[1, 2, 3])
    assert out.shape == (2, 4, 3) and out[0, 0].tolist() == [1, 2, 3]
    assert F.warp_affine(image, np.eye(3), (0, 3)).shape == (3, 0, 2)


def test_two_dimensional_input_gets_a_channel_axis():
    out = F.warp_affine(np.ones((3, 3), np.uint8), np.eye(3), (3, 3))
    assert out.shape == (3, 3, 1)


def test_nearest_is_exact_for_int64_beyond_float_precision():
    image = np.full((3, 4, 3), np.iinfo(np.int64).max - 7, np.int64)
    out = F.warp_affine(image, SHIFT, (4, 3), order=0, cval=-5)
    assert out[2, 3].tolist() == [np.iinfo(np.int64).max - 7] * 3
    assert out[0, 0].tolist() == [-5] * 3


def test_int_values_saturate_instead_of_wrapping_with_cubic():
    image = np.zeros((8, 8, 1), np.int32)
    image[4, 4] = np.iinfo(np.int32).max
    out = F.warp_affine(image, [[1, 0, 0.5], [0, 1, 0.5]], (8, 8), order=3)
    assert out.max() <= np.iinfo(np.int32).max and out.min() >= np.iinfo(np.int32).min
    assert out.max() > 0


def test_skimage_backend_matches_cv2_on_integer_shift():
    image = _image("float32", 3)
    full = np.vstack([SHIFT, [0, 0, 1]])
    for order in range(6):
        out = F.warp(image, full, (7, 6), order=order, cval=1, backend="skimage")
        np.testing.assert_allclose(out, _expected_shift(image, 1), atol=1e-5)
    assert F.warp(image, full, (7, 6), order=5).dtype == np.float32


def test_names_and_errors():
    assert F.cv2_border("edge") == cv2.BORDER_REPLICATE
    assert F.cv2_border("symmetric") == cv2.BORDER_REFLECT
    assert F.cv2_border("reflect") == cv2.BORDER_REFLECT_101
    assert F.cv2_border(cv2.BORDER_WRAP) == cv2.BORDER_WRAP
    assert F.cv2_interpolation(0) == cv2.INTER_NEAREST
    assert F.cv2_interpolation(3) == cv2.INTER_CUBIC
    with pytest.raises(ParameterError, match="mode"):
        F.cv2_border("mirror")
    with pytest.raises(ParameterError, match="order"):
        F.cv2_interpolation(7)
    with pytest.raises(InputError, match="cval"):
        F.warp_affine(np.zeros((2, 2, 3), np.uint8), np.eye(3), (2, 2), cval=[1, 2])


@pytest.mark.parametrize("dtype", ["uint8", "float32", "int64"])
@pytest.mark.parametrize("order", [0, 1])
def test_more_channels_than_opencv_takes_in_one_call(dtype, order):
    image = _image(dtype, 200)
    out = F.warp_affine(image, SHIFT, (7, 6), order=order, cval=1)
    np.testing.assert_array_equal(out, _expected_shift(image, 1))
