"""Rot90: exact rotations, keep_size, coordinates and parameter forms."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_geometric.functional import rot90_image
from augkit_geometric.rot90 import Rot90
from hypothesis import given, settings
from hypothesis import strategies as st

from augkit import ParameterError, ParameterTypeError
from augkit.augmentables import HeatmapsOnImage, SegmentationMapsOnImage

FAST = settings(max_examples=25, deadline=None, database=None)
DTYPES = ["bool", "uint8", "int8", "uint16", "int16", "uint32", "int32", "int64", "float16",
          "float32", "float64"]


@pytest.mark.parametrize("k", [-1, 0, 1, 2, 3, 5])
@pytest.mark.parametrize("channels", [1, 3, 5, 21])
def test_matches_numpy_rot90_clockwise(k, channels):
    image = np.arange(4 * 7 * channels, dtype=np.uint8).reshape(4, 7, channels)
    out = Rot90(k, keep_size=False)(image=image)
    np.testing.assert_array_equal(out, np.rot90(image, -k, axes=(0, 1)))
    assert out.flags.c_contiguous


@pytest.mark.parametrize("dtype", DTYPES)
def test_every_dtype_is_exact(dtype):
    image = (np.arange(30).reshape(5, 6, 1) % 7).astype(dtype)
    out = Rot90(1, keep_size=False)(image=image)
    assert out.dtype == image.dtype
    np.testing.assert_array_equal(out, np.rot90(image, -1))
    np.testing.assert_array_equal(rot90_image(image, 2), image[::-1, ::-1])


@FAST
@given(st.integers(1, 20), st.integers(1, 20), st.integers(0, 3))
def test_k4_is_identity_and_four_turns_return(h, w, k):
    image = np.random.default_rng(h * w).integers(0, 255, (h, w, 3), dtype=np.uint8)
    np.testing.assert_array_equal(Rot90(4 + 4 * k)(image=image), image)
    out = image
    for _ in range(4):
        out = Rot90(1, keep_size=False)(image=out)
    np.testing.assert_array_equal(out, image)


@FAST
@given(st.integers(2, 20), st.integers(2, 20), st.integers(0, 3), st.booleans())
def test_keypoints_follow_pixels(h, w, k, keep):
    rng = np.random.default_rng(h + 31 * w)
    row, col = int(rng.integers(0, h)), int(rng.integers(0, w))
    image = np.zeros((h, w, 1), np.uint8)
    image[row, col] = 255
    kp = np.array([[col + 0.5, row + 0.5]], np.float32)
    out, kps = Rot90(k, keep_size=keep)(image=image, keypoints=kp)
    if keep and k % 2 and h != w:
        assert out.shape == image.shape
        return
    (r2, c2), = np.argwhere(out[:, :, 0] == 255)
    np.testing.assert_allclose(kps[0], [c2 + 0.5, r2 + 0.5], atol=1e-4)


def test_keep_size_resizes_back_and_keypoints_scale():
    image = np.zeros((10, 20, 3), np.uint8)
    out, kps = Rot90(1)(image=image, keypoints=np.array([[0.0, 0.0]], np.float32))
    assert out.shape == (10, 20, 3)
    np.testing.assert_allclose(kps, [[20.0, 0.0]], atol=1e-4)
    out = Rot90(1, keep_size=False)(image=image)
    assert out.shape == (20, 10, 3)


def test_maps_rotate_with_the_image_even_when_smaller():
    ids = np.zeros((4, 6), np.int32)
    ids[0, 0] = 5
    seg = SegmentationMapsOnImage(ids, shape=(8, 12, 3))
    heat = HeatmapsOnImage(np.eye(4, 6, dtype=np.float32), shape=(8, 12, 3))
    image = np.zeros((8, 12, 3), np.uint8)
    out, seg_aug, heat_aug = Rot90(1, keep_size=False)(
        image=image, segmentation_maps=seg, heatmaps=heat)
    assert out.shape == (12, 8, 3)
    arr = seg_aug.get_arr()
    assert arr.shape[:2] == (6, 4) and arr[0, -1] == 5
    np.testing.assert_allclose(np.squeeze(heat_aug.get_arr()),
                               np.rot90(np.eye(4, 6, dtype=np.float32), -1), atol=1e-6)
    # keep_size on a non-square image: maps resized with it, class ids intact
    _, seg_keep = Rot90(1)(image=image, segmentation_maps=seg)
    assert seg_keep.get_arr().shape[:2] == (4, 6)
    assert set(np.unique(seg_keep.get_arr()).tolist()) <= {0, 5}


def test_k_forms():
    aug = Rot90("ALL", seed=1)
    _, params = aug(images=np.zeros((40, 4, 4, 1), np.uint8), return_params=True)
    assert set(params.extra.tolist()) == {0, 1, 2, 3}
    _, params = Rot90([1, 3], seed=1)(images=np.zeros((20, 4, 4, 1), np.uint8),
                                      return_params=True)
    assert set(params.extra.tolist()) == {1, 3}
    _, params = Rot90((0, 1), seed=1)(images=np.zeros((20, 4, 4, 1), np.uint8),
                                      return_params=True)
    assert set(params.extra.tolist()) == {0, 1}
    with pytest.raises(ParameterError, match="k"):
        Rot90(1.5)
    with pytest.raises(ParameterTypeError, match="keep_size"):
        Rot90(1, keep_size="yes")
