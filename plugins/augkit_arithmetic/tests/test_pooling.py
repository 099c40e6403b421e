"""Pooling: exact values, ordering property, keep_size=False rescales maps and points."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_arithmetic.pooling import AveragePooling, MaxPooling, MedianPooling, MinPooling
from hypothesis import given, settings
from hypothesis import strategies as st

from augkit import ParameterError
from augkit.augmentables import KeypointsOnImage, SegmentationMapsOnImage

IMG = np.array([[0, 2, 4, 6], [8, 10, 12, 14]], dtype=np.uint8)


@pytest.mark.parametrize("cls, expected", [(AveragePooling, [[5, 9]]), (MaxPooling, [[10, 14]]),
                                           (MinPooling, [[0, 4]]), (MedianPooling, [[5, 9]])])
def test_exact_values_without_keeping_the_size(cls, expected):
    assert cls(2, keep_size=False)(image=IMG).tolist() == expected


def test_keep_size_restores_the_shape_and_kernel_one_is_identity():
    img = np.random.default_rng(0).integers(0, 256, (9, 7, 3), dtype=np.uint8)
    assert AveragePooling(3)(image=img).shape == img.shape
    assert np.array_equal(MaxPooling(1)(image=img), img)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), rows=st.integers(1, 6), cols=st.integers(1, 6),
       kh=st.integers(1, 5), kw=st.integers(1, 5))
def test_max_ge_average_ge_min(seed, rows, cols, kh, kw):
    # Sizes the kernel divides: with padding, imgaug's modes differ (average pads by
    # reflection, max/min repeat the edge), so a padded block may average above its max.
    height, width = rows * kh, cols * kw
    img = np.random.default_rng(seed).integers(0, 256, (height, width, 3), dtype=np.uint8)
    size = ((kh, kh), (kw, kw))
    mx = MaxPooling(size, keep_size=False)(image=img).astype(int)
    av = AveragePooling(size, keep_size=False)(image=img).astype(int)
    mn = MinPooling(size, keep_size=False)(image=img).astype(int)
    assert (mx >= av).all() and (av >= mn).all()


@pytest.mark.parametrize("k", [2, 4])
def test_keep_size_false_scales_keypoints_by_one_over_k(k):
    shape = (16, 24, 3)
    xy = np.array([[0.0, 0.0], [5.5, 3.25], [24.0, 16.0]], dtype=np.float32)
    img = np.zeros(shape, dtype=np.uint8)
    out, kps = MaxPooling(k, keep_size=False)(image=img,
                                              keypoints=KeypointsOnImage.from_xy_array(xy, shape))
    assert out.shape == (16 // k, 24 // k, 3)
    assert np.array_equal(kps.to_xy_array(), xy / k)


def test_keep_size_false_without_images_uses_output_shapes():
    xy = np.array([[6.0, 3.0]], dtype=np.float32)
    kps = MinPooling(3, keep_size=False)(keypoints=KeypointsOnImage.from_xy_array(xy, (9, 12, 3)))
    assert kps.shape[:2] == (3, 4) and np.allclose(kps.to_xy_array(), [[2.0, 1.0]])


def test_keep_size_false_resizes_segmentation_maps_with_the_image():
    ids = np.zeros((8, 8), dtype=np.int32)
    ids[:, 4:] = 2
    img = np.zeros((8, 8, 3), dtype=np.uint8)
    out, seg = AveragePooling(2, keep_size=False)(
        image=img, segmentation_maps=SegmentationMapsOnImage(ids, shape=img.shape))
    arr = seg.get_arr()
    assert arr.shape[:2] == out.shape[:2] == (4, 4)
    assert arr.reshape(4, 4).tolist() == [[0, 0, 2, 2]] * 4


def test_keep_size_true_leaves_keypoints_alone():
    xy = np.array([[5.0, 3.0]], dtype=np.float32)
    img = np.zeros((8, 8, 3), dtype=np.uint8)
    _, kps = AveragePooling(2)(image=img, keypoints=KeypointsOnImage.from_xy_array(xy, img.shape))
    assert np.array_equal(kps.to_xy_array(), xy)


@pytest.mark.parametrize("make, match", [
    (lambda: AveragePooling(kernel_size=-1), "kernel_size"),
    (lambda: MaxPooling(kernel_size=((1, 2), "a")), r"kernel_size\[1\]"),
    (lambda: MinPooling(keep_size="yes"), "keep_size"),
])
def test_bad_arguments_name_the_argument(make, match):
    with pytest.raises((ParameterError, TypeError), match=match):
        make()
