"""Shared pixel helpers: ranges, saturation, lookup tables, blending, sampling."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from augkit import parameters as iap
from augkit.errors import InputError
from augkit.imgutils import pad
from augkit.pixels import apply_lut, blend, draw_per_channel, saturate, value_range


def test_value_range_of_integer_and_float_dtypes():
    assert value_range(np.dtype(np.uint8)) == (0.0, 127.5, 255.0)
    assert value_range(np.dtype(np.int16)) == (-32768.0, -0.5, 32767.0)
    assert value_range(np.dtype(np.float32)) == (0.0, 0.5, 1.0)


def test_saturate_rounds_and_clips_without_wrapping():
    assert saturate(np.array([-3.2, 100.5, 101.5, 300.0]), np.uint8).tolist() == [0, 100, 102,
                                                                                 255]
    assert saturate(np.array([0.2, 0.7]), np.bool_).tolist() == [False, True]


@given(st.integers(0, 2**32 - 1), st.sampled_from([1, 3, 4, 7]))
def test_apply_lut_matches_numpy_indexing_and_leaves_input(seed, channels):
    rng = np.random.default_rng(seed)
    image = rng.integers(0, 256, (5, 6, channels), dtype=np.uint8)
    before = image.copy()
    table = rng.integers(0, 256, 256, dtype=np.uint8)
    assert np.array_equal(apply_lut(image, table), table[image])
    tables = rng.integers(0, 256, (channels, 256), dtype=np.uint8)
    expected = np.stack([tables[c][image[:, :, c]] for c in range(channels)], axis=2)
    assert np.array_equal(apply_lut(image, tables), expected)
    assert np.array_equal(image, before)


def test_apply_lut_rejects_wrong_dtype_and_table_shape():
    with pytest.raises(InputError, match="uint8"):
        apply_lut(np.zeros((2, 2, 1), np.float32), np.arange(256, dtype=np.uint8))
    with pytest.raises(InputError, match="table"):
        apply_lut(np.zeros((2, 2, 3), np.uint8), np.zeros((2, 256), np.uint8))


def test_blend_scalar_per_channel_and_mask_alphas():
    fg = np.full((2, 2, 3), 200, np.uint8)
    bg = np.zeros_like(fg)
    assert blend(fg, bg, 0.25)[0, 0].tolist() == [50, 50, 50]
    assert blend(fg, bg, np.array([0.0, 0.5, 1.0]))[0, 0].tolist() == [0, 100, 200]
    mask = np.array([[0.0, 1.0], [1.0, 0.0]])
    assert blend(fg, bg, mask)[:, :, 0].tolist() == [[0, 200], [200, 0]]
    assert blend(fg, bg, 1.0) is not fg


def test_draw_per_channel_draws_one_value_per_image_or_per_channel():
    rng = np.random.default_rng(0)
    shapes = [(2, 2, 3)] * 10
    per_image = draw_per_channel(iap.Uniform(0, 1), iap.Deterministic(0), shapes, rng)
    per_channel = draw_per_channel(iap.Uniform(0, 1), iap.Deterministic(1), shapes, rng)
    assert [v.shape for v in per_image] == [(1,)] * 10
    assert [v.shape for v in per_channel] == [(3,)] * 10


def test_pad_handles_more_channels_than_one_opencv_call_takes():
    image = np.arange(2 * 2 * 200, dtype=np.uint8).reshape(2, 2, 200)
    out = pad(image, top=1, right=1, bottom=1, left=1, mode="edge")
    assert out.shape == (4, 4, 200) and np.array_equal(out[1:3, 1:3], image)
