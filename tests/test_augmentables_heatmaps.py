"""Heatmaps: value ranges, resampling, pooling, padding and drawing."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from augkit.augmentables import HeatmapsOnImage
from augkit.errors import InputError, ParameterError


@settings(max_examples=40)
@given(
    st.floats(-100, 100), st.floats(0.01, 200), st.booleans(),
    hnp.arrays(np.float32, st.tuples(st.integers(1, 6), st.integers(1, 6)),
               elements=st.floats(0, 1, width=32)),
)
def test_value_range_round_trip(min_value, span, as_3d, unit):
    max_value = min_value + span
    arr = (unit.astype(np.float64) * span + min_value).astype(np.float32)
    arr = np.clip(arr, min_value, max_value).astype(np.float32)
    if as_3d:
        arr = arr[:, :, None]
    hm = HeatmapsOnImage(arr, shape=(10, 10, 3), min_value=min_value, max_value=max_value)
    assert hm.arr_0to1.shape == (unit.shape[0], unit.shape[1], 1)
    assert 0 <= hm.arr_0to1.min() and hm.arr_0to1.max() <= 1
    back = hm.get_arr()
    assert back.shape == arr.shape and back.dtype == np.float32
    assert np.allclose(back, arr, atol=1e-4 * max(1, abs(min_value), abs(max_value)))


def test_values_outside_the_range_and_nan_are_rejected():
    with pytest.raises(InputError, match=r"values in \[-1, 2\].*\[0, 1\]"):
        HeatmapsOnImage(np.array([[-1.0, 2.0]], np.float32), shape=(2, 2))
    with pytest.raises(InputError, match="NaN"):
        HeatmapsOnImage(np.array([[np.nan]], np.float32), shape=(2, 2))
    with pytest.raises(InputError, match="float"):
        HeatmapsOnImage(np.zeros((2, 2), np.uint8), shape=(2, 2))
    with pytest.raises(ParameterError, match="min_value < max_value"):
        HeatmapsOnImage(np.zeros((2, 2), np.float32), shape=(2, 2), min_value=1, max_value=1)


def test_uint8_and_0to1_constructors():
    hm = HeatmapsOnImage.from_uint8(np.array([[0, 255]], np.uint8), shape=(1, 2),
                                    min_value=-1, max_value=1)
    assert hm.get_arr().tolist() == [[-1, 1]]
    assert hm.to_uint8().tolist() == [[0, 255]]
    hm = HeatmapsOnImage.from_0to1(np.array([[0.5]], np.float32), (1, 1), 10, 20)
    assert hm.get_arr().tolist() == [[15]]
    assert np.allclose(HeatmapsOnImage.change_normalization(np.array([0.0, 5.0]), (0, 10),
                                                            (-1, 1)), [-1, 0])


def test_resize_pool_invert_pad():
    arr = np.array([[0, 1], [1, 0]], np.float32)
    hm = HeatmapsOnImage(arr, shape=(4, 4))
    big = hm.resize((4, 4))
    assert big.get_arr().shape == (4, 4) and big.shape == (4, 4)
    assert 0 <= big.arr_0to1.min() and big.arr_0to1.max() <= 1  # cubic overshoot clipped
    assert hm.resize(2.0, interpolation="nearest").get_arr()[:2, :2].tolist() == [[0, 0], [0, 0]]
    assert hm.avg_pool(2).get_arr().tolist() == [[0.5]]
    assert hm.max_pool(2).get_arr().tolist() == [[1]]
    assert hm.invert().get_arr().tolist() == [[1, 0], [0, 1]]
    padded = HeatmapsOnImage(arr * 10, shape=(4, 4), max_value=10).pad(top=1, left=2, cval=5)
    assert padded.get_arr().shape == (3, 4) and padded.get_arr()[0, 0] == 5
    square, amounts = HeatmapsOnImage(np.zeros((2, 6), np.float32), (4, 4)).pad_to_aspect_ratio(
        1.0, return_pad_amounts=True)
    assert square.get_arr().shape == (6, 6) and amounts == (2, 0, 2, 0)
    with pytest.raises(ParameterError, match="interpolation"):
        hm.resize(2, interpolation="bicubic")


def test_draw_gives_one_rgb_image_per_channel():
    arr = np.zeros((4, 5, 2), np.float32)
    arr[:, :, 1] = 1
    hm = HeatmapsOnImage(arr, shape=(8, 8, 3))
    drawings = hm.draw()
    assert len(drawings) == 2 and all(d.shape == (4, 5, 3) and d.dtype == np.uint8
                                      for d in drawings)
    low, high = drawings[0][0, 0], drawings[1][0, 0]
    assert low[2] > low[0] and high[0] > high[2]  # jet: blue for 0, red for 1
    assert hm.draw(size=(8, 10), cmap=None)[1].shape == (8, 10, 3)
    assert hm.draw(cmap=None)[1][0, 0].tolist() == [255, 255, 255]
    with pytest.raises(ParameterError, match="cmap"):
        hm.draw(cmap="no-such-map")


def test_draw_on_image_blends_and_resizes():
    image = np.full((8, 8, 3), 100, np.uint8)
    hm = HeatmapsOnImage(np.ones((4, 4), np.float32), shape=image.shape)
    (out,) = hm.draw_on_image(image, alpha=0.5, cmap=None)
    assert out.shape == (8, 8, 3) and out[0, 0].tolist() == [178, 178, 178]
    assert image[0, 0, 0] == 100
    (small,) = hm.draw_on_image(image, resize="image", cmap=None)
    assert small.shape == (4, 4, 3)
    with pytest.raises(ParameterError, match="resize"):
        hm.draw_on_image(image, resize="map")
    with pytest.raises(InputError, match="uint8"):
        hm.draw_on_image(image.astype(np.float32))


def test_copies_own_their_array():
    hm = HeatmapsOnImage(np.zeros((2, 2), np.float32), shape=(2, 2))
    clone = hm.deepcopy()
    clone.arr_0to1[0, 0, 0] = 1
    assert hm.arr_0to1[0, 0, 0] == 0
    assert "HeatmapsOnImage(map_shape=(2, 2, 1)" in repr(hm)
