"""PerspectiveTransform: geometry, consistency of every kind, parameters."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from augkit_geometric.functional import four_point_matrix
from augkit_geometric.perspective import PerspectiveTransform
from hypothesis import given, settings
from hypothesis import strategies as st

from augkit import ParameterError, ParameterTypeError
from augkit.augmentables import SegmentationMapsOnImage

FAST = settings(max_examples=20, deadline=None, database=None)


def test_zero_scale_is_identity():
    image = np.random.default_rng(0).integers(0, 255, (12, 17, 3), dtype=np.uint8)
    np.testing.assert_array_equal(PerspectiveTransform(scale=0)(image=image), image)


def test_four_point_matrix_maps_the_quad_onto_the_rectangle():
    jitter = np.array([[0.1, 0.05], [0.0, 0.1], [0.2, 0.0], [0.05, 0.1]])
    matrix, h, w = four_point_matrix(jitter, 40, 60)
    src = np.array([[6, 2, 1], [60, 4, 1], [48, 40, 1], [3, 36, 1]], float)
    dst = src @ matrix.T
    dst = dst[:, :2] / dst[:, 2:]
    np.testing.assert_allclose(dst, [[0, 0], [w, 0], [w, h], [0, h]], atol=1e-3)


def _quad(jitter, height, width):
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = jitter
    return np.array([[ax * width, ay * height], [width - bx * width, by * height],
                     [width - cx * width, height - cy * height],
                     [dx * width, height - dy * height]])


def _through(matrix, xy):
    out = np.c_[xy, np.ones(len(xy))] @ matrix.T
    return out[:, :2] / out[:, 2:], out[:, 2]


@FAST
@given(st.integers(2, 4000), st.integers(2, 4000),
       st.lists(st.floats(0.0, 0.45), min_size=8, max_size=8), st.booleans())
def test_four_point_matrix_is_exact_and_keeps_w_positive(h, w, fractions, keep):
    jitter = np.array(fractions).reshape(4, 2)
    matrix, out_h, out_w = four_point_matrix(jitter, h, w, (h, w) if keep else None)
    quad = _quad(jitter, h, w)
    mapped, ws = _through(matrix, quad)
    corners = [[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]]
    np.testing.assert_allclose(mapped, corners, atol=1e-6 * max(h, w))
    edges = np.roll(quad, -1, axis=0) - quad
    following = np.roll(edges, -1, axis=0)
    turns = edges[:, 0] * following[:, 1] - edges[:, 1] * following[:, 0]
    if (turns > 0).all():  # a convex quad lies in front of the horizon
        assert (ws > 0).all()
    if keep:
        assert (out_h, out_w) == (h, w)


def test_four_point_matrix_of_a_strongly_tilted_quad():
    # the source origin lies near the horizon (the bottom-right entry is about 1e-8 of
    # the others): normalising that entry to 1 would blow the matrix up and flip w
    jitter = np.array([[0.42439808, 0.05873645], [0.42379463, 0.01489489],
                       [0.01240524, 0.07527061], [0.14474703, 0.02427664]])
    matrix, out_h, out_w = four_point_matrix(jitter, 1896, 1563)
    mapped, ws = _through(matrix, _quad(jitter, 1896, 1563))
    np.testing.assert_allclose(mapped, [[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]],
                               atol=1e-6)
    assert (ws > 0).all()
    assert abs(matrix[2, 2]) < 1e-6 * np.abs(matrix).max()


@FAST
@given(st.integers(16, 48), st.integers(16, 48), st.integers(0, 2**31 - 1), st.booleans(),
       st.booleans())
def test_keypoints_follow_a_dot(h, w, seed, keep, fit):
    rng = np.random.default_rng(seed)
    row, col = int(rng.integers(3, h - 3)), int(rng.integers(3, w - 3))
    image = np.zeros((h, w, 1), np.float32)
    image[row - 1:row + 2, col - 1:col + 2] = 1.0
    aug = PerspectiveTransform(scale=(0.0, 0.08), keep_size=keep, fit_output=fit, seed=seed)
    out, kps = aug(image=image, keypoints=np.array([[col + 0.5, row + 0.5]], np.float32))
    x, y = kps[0]
    if keep:
        assert out.shape == image.shape
    if not (2 <= x <= out.shape[1] - 2 and 2 <= y <= out.shape[0] - 2):
        return
    weights = out[:, :, 0]
    ys, xs = np.mgrid[0:out.shape[0], 0:out.shape[1]]
    cx = (weights * (xs + 0.5)).sum() / weights.sum()
    cy = (weights * (ys + 0.5)).sum() / weights.sum()
    assert abs(cx - x) < 1.0 and abs(cy - y) < 1.0


@FAST
@given(st.integers(8, 40), st.integers(8, 40), st.integers(0, 2**31 - 1))
def test_fit_output_keeps_the_whole_image(h, w, seed):
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    aug = PerspectiveTransform(scale=0.1, fit_output=True, keep_size=False, seed=seed)
    out, kps = aug(image=np.zeros((h, w, 3), np.uint8), keypoints=corners)
    assert (kps >= -1e-3).all()
    assert (kps[:, 0] <= out.shape[1] + 1e-3).all() and (kps[:, 1] <= out.shape[0] + 1e-3).all()


def test_segmaps_stay_class_ids_and_shrink_with_small_maps():
    ids = np.zeros((10, 15), np.int32)
    ids[3:7, 4:11] = 2
    seg = SegmentationMapsOnImage(ids, shape=(20, 30, 3))
    aug = PerspectiveTransform(scale=0.08, keep_size=False, seed=3)
    out, seg_aug = aug(image=np.zeros((20, 30, 3), np.uint8), segmentation_maps=seg)
    arr = seg_aug.get_arr()
    assert abs(arr.shape[0] * 2 - out.shape[0]) <= 1 and abs(arr.shape[1] * 2 - out.shape[1]) <= 1
    assert set(np.unique(arr).tolist()) <= {0, 2}


@pytest.mark.parametrize("dtype", ["uint8", "float32", "int32", "bool"])
@pytest.mark.parametrize("channels", [1, 3, 21])
def test_dtypes_channels_and_modes(dtype, channels):
    image = (np.random.default_rng(1).random((12, 14, channels)) * 100).astype(dtype)
    for mode in ("constant", "replicate", cv2.BORDER_CONSTANT, cv2.BORDER_REPLICATE):
        out = PerspectiveTransform(scale=0.1, mode=mode, cval=(0, 255), seed=1)(image=image)
        assert out.shape == image.shape and out.dtype == image.dtype


def test_replicate_fills_from_the_edge_and_constant_with_cval():
    image = np.full((20, 20, 1), 100, np.uint8)
    aug = PerspectiveTransform(scale=0.1, fit_output=True, mode="constant", cval=7, seed=4)
    assert 7 in aug(image=image)
    aug = PerspectiveTransform(scale=0.1, fit_output=True, mode="replicate", seed=4)
    assert set(np.unique(aug(image=image)).tolist()) == {100}


def test_parameter_errors():
    with pytest.raises(ParameterError, match="scale"):
        PerspectiveTransform(scale=-1)
    with pytest.raises(ParameterError, match="mode"):
        PerspectiveTransform(mode="wrap")
    with pytest.raises(ParameterTypeError, match="keep_size"):
        PerspectiveTransform(keep_size=None)
    with pytest.raises(ParameterError, match="polygon_recoverer"):
        PerspectiveTransform(polygon_recoverer="magic")
    aug = PerspectiveTransform(mode="ALL", cval="ALL", seed=0)
    aug(images=np.zeros((6, 8, 8, 3), np.uint8))
