"""imgaug's functions of ``arithmetic``, ``blur``, ``pooling`` and ``segmentation``.

Exact small arrays, with imgaug 0.4.0's semantics (saturation, in-place ``_`` variants,
``cutout_``'s cval cycling, ``invert``'s custom value range, JPEG compression strength).
"""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit import augmenters as iaa

A = iaa.arithmetic


def test_add_and_multiply_scalar_saturate_and_take_per_channel_values():
    img = np.array([[[250, 10, 5]]], dtype=np.uint8)
    assert A.add_scalar(img, 10).tolist() == [[[255, 20, 15]]]
    assert A.add_scalar(img, [1, -20, 0]).tolist() == [[[251, 0, 5]]]
    assert A.multiply_scalar(img, [2, 0.5, 1.1]).tolist() == [[[255, 5, 6]]]
    gray = np.array([[1.5, -2.0]], dtype=np.float32)
    assert A.add_scalar(gray, 1.0).tolist() == [[2.5, -1.0]]
    assert img.tolist() == [[[250, 10, 5]]]


def test_underscore_variants_write_into_the_image():
    img = np.array([[10, 20]], dtype=np.uint8)
    assert A.add_scalar_(img, 5) is img and img.tolist() == [[15, 25]]
    assert A.multiply_scalar_(img, 2) is img and img.tolist() == [[30, 50]]
    assert A.multiply_elementwise_(img, np.array([[0.5, 10]])) is img
    assert img.tolist() == [[15, 255]]


def test_add_and_multiply_elementwise_broadcast_one_channel_over_all():
    img = np.full((1, 2, 2), 100, dtype=np.uint8)
    values = np.array([[[-200], [50]]])
    assert A.add_elementwise(img, values).tolist() == [[[0, 0], [150, 150]]]
    assert A.multiply_elementwise(img, np.array([[[0.5], [3.0]]])).tolist() == \
        [[[50, 50], [255, 255]]]


def test_cutout_constant_cycles_cval_per_channel_and_clips_the_box():
    img = np.zeros((2, 3, 3), dtype=np.uint8)
    out = A.cutout(img, -5, 1, 2, 9, cval=[1, 2], fill_per_channel=True)
    assert out[1, :, :].tolist() == [[1, 2, 1], [1, 2, 1], [0, 0, 0]]
    assert out[0].sum() == 0 and img.sum() == 0
    assert A.cutout(img, 0, 0, 1, 1, cval=[7, 8])[0, 0].tolist() == [7, 7, 7]
    assert A.cutout(img, 2, 0, 2, 2, cval=9).sum() == 0  # empty box


def test_cutout_gaussian_is_seeded_and_within_the_value_range():
    img = np.zeros((8, 8), dtype=np.float32)
    first = A.cutout(img, 0, 0, 8, 8, fill_mode="gaussian", seed=3)
    again = A.cutout(img, 0, 0, 8, 8, fill_mode="gaussian", seed=3)
    assert np.array_equal(first, again)
    assert 0.0 <= first.min() and first.max() <= 1.0 and abs(first.mean() - 0.5) < 0.1
    with pytest.raises(augkit.ParameterError, match="fill_mode"):
        A.cutout(img, 0, 0, 1, 1, fill_mode="noise")


def test_replace_elementwise_rounds_clips_and_spreads_a_2d_mask_over_channels():
    img = np.zeros((1, 2, 2), dtype=np.uint8)
    mask = np.array([[1.0, 0.2]])
    out = A.replace_elementwise_(img, mask, np.array([-3.0, 254.6]))
    assert out is img and img.tolist() == [[[0, 255], [0, 0]]]
    with pytest.raises(augkit.InputError, match="replacements"):
        A.replace_elementwise_(img, mask, np.array([1.0]))


def test_invert_with_custom_range_and_threshold_like_imgaug():
    img = np.array([[10, 50, 200]], dtype=np.uint8)
    assert A.invert(img, min_value=10, max_value=100).tolist() == [[100, 60, 10]]
    assert A.invert(img, threshold=50).tolist() == [[10, 205, 55]]
    assert A.invert(img, threshold=50, invert_above_threshold=False).tolist() == \
        [[245, 50, 200]]
    assert A.solarize(np.array([[127, 128]], np.uint8)).tolist() == [[127, 127]]
    floats = np.array([[0.25]], dtype=np.float32)
    assert A.invert_(floats) is floats and floats.tolist() == [[0.75]]


def test_compress_jpeg_keeps_shape_and_checks_its_arguments():
    img = np.full((8, 8, 1), 200, dtype=np.uint8)
    assert A.compress_jpeg(img, 0).shape == (8, 8, 1)
    assert A.compress_jpeg(np.zeros((0, 4), np.uint8), 50).shape == (0, 4)
    with pytest.raises(augkit.ParameterError, match="compression"):
        A.compress_jpeg(img, 101)
    with pytest.raises(augkit.InputError, match="uint8"):
        A.compress_jpeg(img.astype(np.float32), 10)


def test_contrast_normalization_is_deprecated_linear_contrast():
    with pytest.warns(DeprecationWarning, match="LinearContrast"):
        aug = A.ContrastNormalization(alpha=2.0)
    assert type(aug).__name__ == "LinearContrast"


def test_blur_functions_blur_in_place_with_exact_values():
    img = np.zeros((1, 5), dtype=np.uint8)
    img[0, 2] = 100
    assert iaa.blur.blur_gaussian_(img, 1.0) is img
    assert img.tolist() == [[11, 24, 40, 24, 11]]
    unchanged = np.array([[0, 100, 0]], np.uint8)
    assert iaa.blur.blur_gaussian_(unchanged, 0.0005).tolist() == [[0, 100, 0]]
    assert iaa.blur.blur_avg_(np.array([[0, 90, 0]], np.uint8), (1, 3)).tolist() == \
        [[60, 30, 60]]
    spike = np.zeros((3, 3), np.uint8)
    spike[1, 1] = 255
    assert iaa.blur.blur_median_(spike, 3).sum() == 0
    with pytest.raises(augkit.ParameterError, match="backend"):
        iaa.blur.blur_gaussian_(img, 1.0, backend="torch")


def test_blur_gaussian_takes_imgaugs_kernel_size():
    img = np.zeros((1, 9), dtype=np.float32)
    img[0, 4] = 1.0
    wide = iaa.blur.blur_gaussian_(img.copy(), 3.0)
    narrow = iaa.blur.blur_gaussian_(img.copy(), 3.0, ksize=3)
    assert wide[0, 0] > 0.0 and narrow[0, 2] == 0.0


def test_pool_functions_are_the_core_kernels():
    arr = np.array([[1, 2], [3, 5]], dtype=np.uint8)
    assert iaa.pooling.avg_pool(arr, 2).tolist() == [[3]]
    assert iaa.pooling.min_pool(arr, 2).tolist() == [[1]]
    assert iaa.pooling.median_pool is augkit.median_pool


def test_segment_voronoi_averages_cells_and_respects_the_replace_mask():
    img = np.array([[0, 10, 100, 110]], dtype=np.uint8)
    cells = np.array([[1.0, 0.5], [3.0, 0.5]])
    assert iaa.segment_voronoi(img, cells).tolist() == [[5, 5, 105, 105]]
    masked = iaa.segment_voronoi(img, cells, np.array([False, True]))
    assert masked.tolist() == [[0, 10, 105, 105]]
    assert iaa.segment_voronoi(img, np.zeros((0, 2))) is img
    with pytest.raises(augkit.InputError, match="replace_mask"):
        iaa.segment_voronoi(img, cells, np.array([True]))


def test_points_samplers_and_colorizers_are_importable_from_their_modules():
    sampler = iaa.segmentation.RegularGridPointsSampler(n_rows=1, n_cols=2)
    assert sampler.sample_points([(2, 4, 3)], np.random.default_rng(0))[0].tolist() == \
        [[1.0, 1.0], [3.0, 1.0]]
    assert issubclass(iaa.edges.RandomColorsBinaryImageColorizer,
                      iaa.edges.IBinaryImageColorizer)
