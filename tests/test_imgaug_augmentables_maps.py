"""Heatmaps and segmentation maps: imgaug 0.4's remaining names (deprecated ones warn)."""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit.augmentables import (
    HeatmapsOnImage,
    SegmentationMapOnImage,
    SegmentationMapsOnImage,
)


def test_scale_is_the_deprecated_name_of_resize():
    heatmap = HeatmapsOnImage(np.ones((2, 2), dtype=np.float32), shape=(2, 2))
    with pytest.warns(DeprecationWarning, match="resize"):
        assert heatmap.scale((4, 4)).get_arr().shape == (4, 4)
    segmap = SegmentationMapsOnImage(np.eye(2, dtype=np.int32), shape=(2, 2))
    with pytest.warns(DeprecationWarning, match="resize"):
        assert segmap.scale(2.0).get_arr().tolist() == [[1, 1, 0, 0], [1, 1, 0, 0],
                                                       [0, 0, 1, 1], [0, 0, 1, 1]]


def test_segmentation_map_deprecated_arguments_and_names():
    arr = np.array([[0, 2], [1, 0]], dtype=np.uint8)
    with pytest.warns(DeprecationWarning, match="nb_classes"):
        segmap = SegmentationMapsOnImage(arr, shape=(2, 2), nb_classes=3)
    with pytest.warns(DeprecationWarning, match="get_arr"):
        assert segmap.get_arr_int().tolist() == arr.tolist()
    with pytest.warns(DeprecationWarning, match="SegmentationMapsOnImage"):
        old = SegmentationMapOnImage(arr, shape=(2, 2))
    assert isinstance(old, SegmentationMapsOnImage)
    assert augkit.SegmentationMapOnImage is SegmentationMapOnImage


def test_segmentation_map_copy_with_new_array_or_shape():
    segmap = SegmentationMapsOnImage(np.zeros((2, 2), dtype=np.uint8), shape=(2, 2))
    other = segmap.copy(arr=np.ones((3, 3), dtype=np.int64), shape=(6, 6))
    assert other.shape == (6, 6) and other.get_arr().tolist() == [[1] * 3] * 3
    assert other.get_arr().dtype == np.uint8 and segmap.get_arr().sum() == 0
    copied = segmap.deepcopy(shape=(4, 4))
    assert copied.shape == (4, 4) and copied.arr is not segmap.arr
