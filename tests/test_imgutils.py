"""Tests of augkit.imgutils: resize, pad, amounts and pooling helpers."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import augkit
from augkit import imgutils
from augkit.errors import InputError, ParameterError

DTYPES = ["bool", "uint8", "int8", "uint16", "int16", "uint32", "int32", "int64",
          "float16", "float32", "float64"]


def _random(shape, dtype, rng):
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return rng.random(shape) > 0.5
    if dtype.kind in "ui":
        info = np.iinfo(dtype)
        low, high = max(info.min, -1000), min(info.max, 1000)
        return rng.integers(low, high, size=shape, endpoint=True).astype(dtype)
    return rng.random(shape).astype(dtype)


# --------------------------------------------------------------------------- public names
def test_helpers_are_public_on_the_package():
    assert augkit.imresize_single_image is imgutils.imresize_single_image
    assert augkit.pad is imgutils.pad
    assert augkit.avg_pool is imgutils.avg_pool


# --------------------------------------------------------------------------- resize
def test_resize_fraction_and_absolute_sizes():
    img = np.zeros((4, 6, 3), dtype=np.uint8)
    assert imgutils.imresize_single_image(img, 0.5).shape == (2, 3, 3)
    assert imgutils.imresize_single_image(img, (8, 2)).shape == (8, 2, 3)
    assert imgutils.imresize_single_image(img, (2.0, 0.5)).shape == (8, 3, 3)
    assert imgutils.imresize_single_image(img, 5).shape == (5, 5, 3)
    assert imgutils.imresize_single_image(img[:, :, 0], 2.0).shape == (8, 12)


def test_resize_nearest_is_centre_aligned():
    img = np.array([[0, 10, 20, 30]], dtype=np.uint8)
    out = imgutils.imresize_single_image(img, (1, 2), interpolation="nearest")
    assert out.tolist() == [[10, 30]]
    up = imgutils.imresize_single_image(np.array([[1, 2]], dtype=np.uint8), (1, 4),
                                        interpolation="nearest")
    assert up.tolist() == [[1, 1, 2, 2]]


def test_resize_zero_size_target_raises_naming_sizes():
    img = np.zeros((4, 4), dtype=np.uint8)
    with pytest.raises(InputError, match="sizes"):
        imgutils.imresize_single_image(img, 0.1)
    with pytest.raises(InputError, match="sizes"):
        imgutils.imresize_single_image(img, (0, 4))


def test_resize_bad_arguments():
    img = np.zeros((4, 4), dtype=np.uint8)
    with pytest.raises(ParameterError, match="sizes"):
        imgutils.imresize_single_image(img, "big")
    with pytest.raises(ParameterError, match="interpolation"):
        imgutils.imresize_single_image(img, 2, interpolation="bilinear-ish")


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("interpolation", ["nearest", "linear", "area", "cubic"])
def test_resize_every_dtype_and_interpolation(dtype, interpolation):
    rng = np.random.default_rng(0)
    img = _random((6, 5, 3), dtype, rng)
    out = imgutils.imresize_single_image(img, (9, 4), interpolation=interpolation)
    assert out.shape == (9, 4, 3)
    assert out.dtype == img.dtype
    assert out.flags.c_contiguous
    # A constant image stays constant under every interpolation.
    const = np.full((6, 5, 2), img.flat[0], dtype=img.dtype)
    out = imgutils.imresize_single_image(const, (3, 8), interpolation)
    if img.dtype.kind == "f":
        np.testing.assert_allclose(out, img.flat[0], rtol=1e-3)
    else:
        assert (out == img.flat[0]).all()


@pytest.mark.parametrize("channels", [1, 5, 8, 600])
@pytest.mark.parametrize("interpolation", ["nearest", "linear", "area", "cubic"])
def test_resize_many_channels(channels, interpolation):
    rng = np.random.default_rng(1)
    img = rng.integers(0, 255, (6, 6, channels), dtype=np.uint8)
    out = imgutils.imresize_single_image(img, (3, 3), interpolation=interpolation)
    assert out.shape == (3, 3, channels)
    # Each channel is resized as on its own.
    single = cv2.resize(img[:, :, 0], (3, 3),
                        interpolation=imgutils.interpolation_flag(interpolation))
    assert np.array_equal(out[:, :, 0], single)


def test_resize_integer_overshoot_is_clipped_not_wrapped():
    img = np.zeros((8, 8), dtype=np.int32)
    img[:, 4:] = np.iinfo(np.int32).max
    out = imgutils.imresize_single_image(img, (16, 16), interpolation="cubic")
    exact = cv2.resize(img.astype(np.float64), (16, 16), interpolation=cv2.INTER_CUBIC)
    info = np.iinfo(np.int32)
    assert exact.max() > info.max  # cubic overshoots ...
    np.testing.assert_array_equal(out, np.clip(np.rint(exact), info.min, info.max))


def test_resize_many_images_array_and_list():
    batch = np.zeros((3, 4, 4, 2), dtype=np.float32)
    out = imgutils.imresize_many_images(batch, 2.0)
    assert isinstance(out, np.ndarray) and out.shape == (3, 8, 8, 2)
    images = [np.zeros((4, 4), np.uint8), np.zeros((2, 6), np.uint8)]
    out = imgutils.imresize_many_images(images, 0.5)
    assert [o.shape for o in out] == [(2, 2), (1, 3)]


def test_resize_does_not_modify_input_and_returns_copy_for_same_size():
    img = np.arange(16, dtype=np.uint8).reshape(4, 4)
    out = imgutils.imresize_single_image(img, (4, 4))
    out[0, 0] = 99
    assert img[0, 0] == 0


# --------------------------------------------------------------------------- pad
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(30, 40), (30, 40, 1), (30, 40, 3), (30, 40, 6)])
def test_resize_of_crop_and_flipped_views_equals_resize_of_copies(dtype, shape):
    big = _random(shape, dtype, np.random.default_rng(5))
    for view in (big[2:25, 3:31], big[::-1, 3:31], big[2:25, ::-1]):
        for flag in (cv2.INTER_LINEAR, cv2.INTER_AREA, cv2.INTER_NEAREST_EXACT):
            got = imgutils.resize_to(view, (13, 17), flag)
            want = imgutils.resize_to(np.ascontiguousarray(view), (13, 17), flag)
            assert got.dtype == want.dtype and got.flags.c_contiguous
            np.testing.assert_array_equal(got, want)


def test_pad_constant_exact_values():
    img = np.ones((2, 2, 3), dtype=np.uint8)
    out = imgutils.pad(img, top=1, right=2, bottom=0, left=1, cval=7)
    assert out.shape == (3, 5, 3)
    assert (out[0] == 7).all() and (out[:, 0] == 7).all() and (out[:, 3:] == 7).all()
    assert (out[1:, 1:3] == 1).all()


def test_pad_constant_per_channel_cval_and_clipping():
    img = np.zeros((1, 1, 3), dtype=np.uint8)
    out = imgutils.pad(img, left=1, cval=(1, 2, 300))
    assert out[0, 0].tolist() == [1, 2, 255]
    out = imgutils.pad(np.zeros((1, 1), np.int8), top=1, cval=-500)
    assert out[0, 0] == -128


@settings(max_examples=60, deadline=None)
@given(
    dtype=st.sampled_from(DTYPES + ["uint64"]),
    mode=st.sampled_from(sorted(imgutils.PAD_MODES)),
    shape=st.tuples(st.integers(1, 5), st.integers(1, 5), st.sampled_from([0, 1, 3, 6])),
    amounts=st.tuples(*[st.integers(0, 7)] * 4),
    cval=st.integers(0, 100),
)
def test_pad_matches_numpy(dtype, mode, shape, amounts, cval):
    rng = np.random.default_rng(2)
    h, w, c = shape
    arr = _random((h, w, c) if c else (h, w), dtype, rng)
    top, right, bottom, left = amounts
    out = imgutils.pad(arr, top, right, bottom, left, mode=mode, cval=cval)
    widths = [(top, bottom), (left, right)] + [(0, 0)] * (arr.ndim - 2)
    fill = imgutils._clip_cval(cval, arr.dtype).item()
    kwargs = ({"constant_values": fill} if mode == "constant"
              else {"end_values": fill} if mode == "linear_ramp" else {})
    expected = np.pad(arr, widths, mode=mode, **kwargs)
    assert out.dtype == arr.dtype and out.flags.c_contiguous
    np.testing.assert_array_equal(out, expected)


def test_pad_many_channels_constant_and_reflect():
    arr = np.arange(2 * 2 * 600).reshape(2, 2, 600).astype(np.float32)
    for mode in ("constant", "reflect", "wrap"):
        out = imgutils.pad(arr, 1, 1, 1, 1, mode=mode, cval=3)
        widths = ((1, 1), (1, 1), (0, 0))
        kw = {"constant_values": 3} if mode == "constant" else {}
        np.testing.assert_array_equal(out, np.pad(arr, widths, mode=mode, **kw))


def test_pad_errors_name_the_argument():
    arr = np.zeros((2, 2), np.uint8)
    with pytest.raises(ParameterError, match="top"):
        imgutils.pad(arr, top=-1)
    with pytest.raises(ParameterError, match="mode"):
        imgutils.pad(arr, left=1, mode="mirror")
    with pytest.raises(InputError, match="arr"):
        imgutils.pad(np.zeros((2, 2, 2, 2)), left=1)


def test_pad_returns_copy_when_nothing_to_pad():
    arr = np.zeros((2, 2), np.uint8)
    out = imgutils.pad(arr)
    out[0, 0] = 1
    assert arr[0, 0] == 0


# --------------------------------------------------------------------------- amounts
@settings(max_examples=80, deadline=None)
@given(h=st.integers(1, 60), w=st.integers(1, 60), ratio=st.floats(0.1, 10))
def test_aspect_ratio_amounts(h, w, ratio):
    top, right, bottom, left = imgutils.compute_paddings_to_reach_aspect_ratio((h, w), ratio)
    assert min(top, right, bottom, left) >= 0
    nh, nw = h + top + bottom, w + left + right
    if nh > h:
        assert abs(nh - nw / ratio) < 1
    elif nw > w:
        assert abs(nw - nh * ratio) < 1
    assert abs(top - bottom) <= 1 and abs(left - right) <= 1
    top, right, bottom, left = imgutils.compute_croppings_to_reach_aspect_ratio((h, w), ratio)
    nh, nw = h - top - bottom, w - left - right
    assert nh >= 1 and nw >= 1


@settings(max_examples=80, deadline=None)
@given(h=st.integers(1, 80), w=st.integers(1, 80), mh=st.integers(1, 9), mw=st.integers(1, 9))
def test_multiples_amounts(h, w, mh, mw):
    top, right, bottom, left = imgutils.compute_paddings_to_reach_multiples_of((h, w), mh, mw)
    assert (h + top + bottom) % mh == 0 and (w + left + right) % mw == 0
    assert top + bottom < mh and left + right < mw
    top, right, bottom, left = imgutils.compute_croppings_to_reach_multiples_of((h, w), mh, mw)
    nh, nw = h - top - bottom, w - left - right
    assert nh >= 1 and nw >= 1
    assert nh % mh == 0 or h < mh
    assert nw % mw == 0 or w < mw


@settings(max_examples=80, deadline=None)
@given(h=st.integers(1, 300), w=st.integers(1, 300), bh=st.integers(2, 5), bw=st.integers(2, 5))
def test_powers_amounts(h, w, bh, bw):
    def is_power(size, base):
        while size > 1 and size % base == 0:
            size //= base
        return size == 1

    top, right, bottom, left = imgutils.compute_paddings_to_reach_powers_of((h, w), bh, bw)
    assert is_power(h + top + bottom, bh) and h + top + bottom >= bh
    assert is_power(w + left + right, bw)
    top, right, bottom, left = imgutils.compute_croppings_to_reach_powers_of((h, w), bh, bw)
    nh = h - top - bottom
    assert nh >= 1 and (is_power(nh, bh) and nh >= bh or (h < bh and nh == h))


def test_amount_helpers_validate():
    with pytest.raises(ParameterError, match="aspect_ratio"):
        imgutils.compute_paddings_to_reach_aspect_ratio((2, 2), 0)
    with pytest.raises(ParameterError, match="height_multiple"):
        imgutils.compute_paddings_to_reach_multiples_of((2, 2), 0, None)
    with pytest.raises(ParameterError, match="width_base"):
        imgutils.compute_croppings_to_reach_powers_of((2, 2), None, 1)


def test_pad_to_aspect_ratio_and_multiples_return_amounts():
    arr = np.zeros((2, 5), np.uint8)
    out, amounts = imgutils.pad_to_aspect_ratio(arr, 1.0, return_pad_amounts=True)
    assert out.shape == (5, 5) and amounts == (1, 0, 2, 0)
    out, amounts = imgutils.pad_to_multiples_of(arr, 4, 4, cval=1, return_pad_amounts=True)
    assert out.shape == (4, 8) and amounts == (1, 2, 1, 1) and out[0, 0] == 1


# --------------------------------------------------------------------------- pooling
def _reference_pool(arr, bh, bw, func):
    h, w = arr.shape[:2]
    out = np.empty((h // bh, w // bw) + arr.shape[2:], dtype=np.float64)
    for i in range(h // bh):
        for j in range(w // bw):
            block = arr[i * bh:(i + 1) * bh, j * bw:(j + 1) * bw].astype(np.float64)
            out[i, j] = func(block, axis=(0, 1))
    return out


@settings(max_examples=60, deadline=None)
@given(
    dtype=st.sampled_from(["uint8", "uint16", "int16", "int32", "float32", "float64"]),
    func=st.sampled_from([np.mean, np.max, np.min, np.median]),
    bh=st.integers(1, 4), bw=st.integers(1, 4),
    oh=st.integers(1, 5), ow=st.integers(1, 5), channels=st.sampled_from([0, 1, 3, 5]),
)
def test_pool_matches_reference_when_sizes_divide(dtype, func, bh, bw, oh, ow, channels):
    rng = np.random.default_rng(3)
    shape = (oh * bh, ow * bw) + ((channels,) if channels else ())
    arr = _random(shape, dtype, rng)
    out = imgutils.pool(arr, (bh, bw), func, preserve_dtype=False)
    expected = _reference_pool(arr, bh, bw, func)
    assert out.shape == expected.shape
    np.testing.assert_allclose(out.astype(np.float64), expected, rtol=1e-5, atol=1e-6)
    kept = imgutils.pool(arr, (bh, bw), func)
    assert kept.dtype == arr.dtype
    tolerance = 1 if arr.dtype.kind in "ui" else 1e-3
    np.testing.assert_allclose(kept.astype(np.float64), expected, atol=tolerance, rtol=1e-3)


def test_pool_pads_to_multiples_exact_values():
    arr = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=np.uint8)
    # pad to 4x4 centred: (top 0, bottom 1, left 0, right 1) with edge
    assert imgutils.max_pool(arr, 2).tolist() == [[5, 6], [8, 9]]
    assert imgutils.min_pool(arr, 2).tolist() == [[1, 3], [7, 9]]
    assert imgutils.pool(arr, 2, np.max, pad_mode="constant", pad_cval=100).tolist() == [
        [5, 100], [100, 100]]


def test_avg_pool_rounds_to_nearest():
    arr = np.array([[0, 1], [1, 1]], dtype=np.uint8)
    assert imgutils.avg_pool(arr, 2).tolist() == [[1]]  # 0.75 -> 1
    assert imgutils.avg_pool(arr.astype(np.int32), 2).tolist() == [[1]]


def test_pool_channel_blocks_and_bool():
    arr = np.arange(2 * 2 * 4).reshape(2, 2, 4).astype(np.float32)
    out = imgutils.pool(arr, (2, 2, 2), np.max)
    assert out.shape == (1, 1, 2) and out[0, 0].tolist() == [13.0, 15.0]
    b = np.array([[True, True], [True, False]])
    assert imgutils.avg_pool(b, 2).tolist() == [[True]]


def test_pool_errors():
    with pytest.raises(ParameterError, match="block_size"):
        imgutils.pool(np.zeros((2, 2)), 0, np.max)
    with pytest.raises(ParameterError, match="block_size"):
        imgutils.pool(np.zeros((2, 2)), (1, 2, 3, 4), np.max)
    with pytest.raises(ParameterError, match="pad_mode"):
        imgutils.pool(np.zeros((3, 3)), 2, np.max, pad_mode="nope")


def test_pool_generic_func():
    arr = np.arange(16, dtype=np.float64).reshape(4, 4)
    out = imgutils.pool(arr, 2, np.ptp, preserve_dtype=False)
    assert out.tolist() == [[5.0, 5.0], [5.0, 5.0]]
