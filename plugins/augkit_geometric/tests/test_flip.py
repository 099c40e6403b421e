"""Fliplr / Flipud: exact flips, every dtype and channel count, coordinates, matrices."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_geometric import functional as F
from augkit_geometric.flip import Fliplr, Flipud

DTYPES = ["bool", "uint8", "int8", "uint16", "int16", "uint32", "int32", "int64", "float16",
          "float32", "float64"]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("channels", [1, 3, 21])
def test_flips_are_exact(dtype, channels):
    image = (np.arange(5 * 6 * channels).reshape(5, 6, channels) % 11).astype(dtype)
    lr = Fliplr(1.0)(image=image)
    ud = Flipud(1.0)(image=image)
    np.testing.assert_array_equal(lr, image[:, ::-1])
    np.testing.assert_array_equal(ud, image[::-1])
    assert lr.flags.c_contiguous and ud.flags.c_contiguous and lr.dtype == image.dtype


def test_p_zero_copies():
    image = np.arange(6, dtype=np.uint8).reshape(2, 3)
    out = Fliplr(0.0)(image=image)
    np.testing.assert_array_equal(out, image)
    assert not np.shares_memory(out, image)


def test_keypoints_mirror_about_the_edges():
    kps = np.array([[0.5, 0.5], [3.0, 1.0]], np.float32)
    image = np.zeros((2, 4, 1), np.uint8)
    np.testing.assert_allclose(Fliplr(1.0)(image=image, keypoints=kps)[1], [[3.5, 0.5], [1, 1]])
    np.testing.assert_allclose(Flipud(1.0)(image=image, keypoints=kps)[1], [[0.5, 1.5], [3, 1]])


def test_flip_matrix_matches_the_image_flip():
    image = np.random.default_rng(0).integers(0, 255, (6, 9, 3), dtype=np.uint8)
    aug = Fliplr(1.0)
    _, params = aug(image=image, return_params=True)
    (matrix,) = aug.matrices(params, [image.shape])
    np.testing.assert_allclose(matrix, [[-1, 0, 9], [0, 1, 0], [0, 0, 1]])
    # the generic warp of that matrix gives exactly the fast path's pixels
    warped = F.warp(image, F.to_cv2_matrix(matrix), (9, 6), order=0)
    np.testing.assert_array_equal(warped, aug(image=image))


@pytest.mark.parametrize("dtype", ["uint8", "float32", "bool"])
def test_flips_of_more_channels_than_opencv_takes_equal_numpy(dtype):
    # OpenCV takes at most CV2_MAX_CHANNELS (128) channels per call
    image = (np.arange(3 * 4 * 200).reshape(3, 4, 200) % 7).astype(dtype)
    lr = Fliplr(1.0)(image=image)
    ud = Flipud(1.0)(image=image)
    np.testing.assert_array_equal(lr, image[:, ::-1])
    np.testing.assert_array_equal(ud, image[::-1])
    np.testing.assert_array_equal(F.fliplr(image), image[:, ::-1])
    assert lr.flags.c_contiguous and lr.dtype == image.dtype


def test_flip_kernels_take_two_dimensional_arrays():
    image = np.arange(6, dtype=np.int16).reshape(2, 3)
    np.testing.assert_array_equal(F.fliplr(image), image[:, ::-1])
    np.testing.assert_array_equal(F.flipud(image), image[::-1])
