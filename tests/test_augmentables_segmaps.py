"""Segmentation maps: class ids kept exactly, nearest resampling, palette drawing."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from augkit.augmentables import SegmentationMapsOnImage
from augkit.augmentables.segmaps import segmentation_colors
from augkit.errors import InputError, ParameterError


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.int32, np.int64, bool])
@pytest.mark.parametrize("channels", [None, 1, 3])
def test_ids_dtype_and_dimensions_come_back(dtype, channels):
    shape = (4, 5) if channels is None else (4, 5, channels)
    arr = (np.arange(np.prod(shape)).reshape(shape) % 2).astype(dtype)
    segmap = SegmentationMapsOnImage(arr, shape=(8, 10, 3))
    assert segmap.arr.dtype == np.int32 and segmap.arr.shape == (4, 5, channels or 1)
    back = segmap.get_arr()
    assert back.dtype == np.dtype(dtype) and np.array_equal(back, arr)


def test_float_and_negative_ids_are_rejected():
    with pytest.raises(InputError, match="class ids must be integers"):
        SegmentationMapsOnImage(np.zeros((2, 2), np.float32), shape=(2, 2))
    with pytest.raises(InputError, match="id -1"):
        SegmentationMapsOnImage(np.array([[0, -1]]), shape=(2, 2))
    with pytest.raises(InputError, match="int32"):
        SegmentationMapsOnImage(np.array([[2**40]], np.int64), shape=(2, 2))
    with pytest.raises(InputError, match="numpy array"):
        SegmentationMapsOnImage([[0, 1]], shape=(2, 2))


@settings(max_examples=30)
@given(hnp.arrays(np.int32, st.tuples(st.integers(1, 8), st.integers(1, 8)),
                  elements=st.integers(0, 50)),
       st.integers(1, 20), st.integers(1, 20))
def test_resize_never_invents_class_ids(arr, height, width):
    resized = SegmentationMapsOnImage(arr, shape=(5, 5)).resize((height, width))
    assert resized.get_arr().shape == (height, width)
    assert set(np.unique(resized.arr)) <= set(np.unique(arr))


def test_resize_by_two_repeats_pixels_and_pad_uses_class_ids():
    arr = np.array([[1, 2], [3, 4]], np.uint8)
    segmap = SegmentationMapsOnImage(arr, shape=(2, 2))
    assert np.array_equal(segmap.resize(2.0).get_arr(), arr.repeat(2, 0).repeat(2, 1))
    padded = segmap.pad(right=1, cval=7).get_arr()
    assert padded.tolist() == [[1, 2, 7], [3, 4, 7]]
    assert segmap.pad(bottom=1, mode="edge").get_arr()[2].tolist() == [3, 4]
    with pytest.raises(ParameterError, match="cval"):
        segmap.pad(top=1, cval=0.5)


def test_default_palette_starts_black_and_is_distinct():
    colors = segmentation_colors(30)
    assert colors.shape == (30, 3) and colors.dtype == np.uint8
    assert colors[0].tolist() == [0, 0, 0]
    assert len({tuple(c) for c in colors.tolist()}) == 30


def test_draw_uses_the_palette_or_given_colours():
    segmap = SegmentationMapsOnImage(np.array([[0, 1], [2, 1]]), shape=(2, 2))
    (drawn,) = segmap.draw()
    palette = segmentation_colors(3)
    assert drawn[0, 1].tolist() == palette[1].tolist() and drawn[0, 0].tolist() == [0, 0, 0]
    (custom,) = segmap.draw(colors=[(0, 0, 0), (255, 0, 0), (0, 0, 255)], size=(4, 4))
    assert custom.shape == (4, 4, 3) and custom[3, 0].tolist() == [0, 0, 255]
    with pytest.raises(ParameterError, match="class id 2"):
        segmap.draw(colors=[(0, 0, 0), (1, 1, 1)])


def test_draw_on_image_keeps_background_pixels():
    image = np.full((4, 4, 3), 100, np.uint8)
    ids = np.zeros((2, 2), np.int32)
    ids[0, 0] = 1
    segmap = SegmentationMapsOnImage(ids, shape=image.shape)
    colors = [(0, 0, 0), (200, 0, 0)]
    (out,) = segmap.draw_on_image(image, alpha=0.5, colors=colors)
    assert out[0, 0].tolist() == [150, 50, 50]     # class 1, resized to the image
    assert out[3, 3].tolist() == [100, 100, 100]   # background keeps the image
    (with_bg,) = segmap.draw_on_image(image, alpha=0.5, colors=colors, draw_background=True)
    assert with_bg[3, 3].tolist() == [50, 50, 50]
    (small,) = segmap.draw_on_image(image, resize="image")
    assert small.shape == (2, 2, 3)
    assert image[0, 0].tolist() == [100, 100, 100]
