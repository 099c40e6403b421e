"""PiecewiseAffine: identity at scale 0, exact triangle-wise field and inverse, maps, dtypes."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_geometric import functional as F
from augkit_geometric.functional._fields import _triangles
from augkit_geometric.piecewise import PiecewiseAffine
from hypothesis import given, settings
from hypothesis import strategies as st

from augkit import ParameterError
from augkit.augmentables import HeatmapsOnImage, KeypointsOnImage, SegmentationMapsOnImage


def _brute_force_field(jitter, height, width):
    """Barycentric interpolation of the jitter, one pixel at a time."""
    nb_rows, nb_cols = jitter.shape[:2]
    regular = F.grid_points(nb_rows, nb_cols, height, width).reshape(-1, 2)
    tri = _triangles(nb_rows, nb_cols)
    values = jitter.reshape(-1, 2)
    a, b, c = regular[tri[:, 0]], regular[tri[:, 1]], regular[tri[:, 2]]
    e1, e2 = b - a, c - a
    det = e1[:, 0] * e2[:, 1] - e1[:, 1] * e2[:, 0]
    out = np.zeros((2, height, width))
    for i in range(height):
        for j in range(width):
            q = np.array([j + 0.5, i + 0.5]) - a
            l1 = (q[:, 0] * e2[:, 1] - q[:, 1] * e2[:, 0]) / det
            l2 = (e1[:, 0] * q[:, 1] - e1[:, 1] * q[:, 0]) / det
            l0 = 1 - l1 - l2
            t = np.argmax(np.minimum(np.minimum(l0, l1), l2))
            out[:, i, j] = (values[tri[t, 0]] * l0[t] + values[tri[t, 1]] * l1[t]
                            + values[tri[t, 2]] * l2[t])
    return out


def _dot_centre(aug, shape, row, col):
    blank = np.zeros(shape, dtype=np.uint8)
    marked = blank.copy()
    marked[row - 1:row + 2, col - 1:col + 2] = 255
    kps = KeypointsOnImage.from_xy_array(np.array([[col + 0.5, row + 0.5]]), shape=shape)
    det = aug.to_deterministic()
    out, kps_aug = det(image=marked, keypoints=kps)
    diff = out.max(axis=2).astype(float) - det(image=blank).max(axis=2)
    ys, xs = np.nonzero(diff > 0.3 * diff.max())
    weights = diff[ys, xs]
    centre = np.array([(weights * (xs + 0.5)).sum(), (weights * (ys + 0.5)).sum()]) / weights.sum()
    return centre, kps_aug.to_xy_array()[0]


def test_scale_zero_is_the_identity():
    image = np.random.default_rng(0).integers(0, 255, (21, 30, 3), dtype=np.uint8)
    out = PiecewiseAffine(scale=0, nb_rows=4, nb_cols=3, seed=1)(image=image)
    assert np.array_equal(out, image) and not np.shares_memory(out, image)


@pytest.mark.parametrize(("rows", "cols", "height", "width"), [(2, 2, 9, 7), (4, 5, 23, 31),
                                                               (3, 7, 16, 40)])
def test_field_is_the_triangle_wise_interpolation(rows, cols, height, width):
    jitter = np.random.default_rng(rows * cols).normal(0, 2, (rows, cols, 2))
    fast = F.piecewise_field(jitter, height, width)
    assert np.allclose(fast, _brute_force_field(jitter, height, width), atol=1e-4)


def test_points_follow_the_exact_inverse_of_the_field():
    rng = np.random.default_rng(5)
    jitter = rng.normal(0, 1.5, (4, 4, 2))
    field = F.piecewise_field(jitter, 64, 64)
    # move the centres of 200 random output pixels forward, then invert
    j, i = rng.integers(0, 64, 200), rng.integers(0, 64, 200)
    q = np.stack([j + 0.5, i + 0.5], axis=1)
    p = q + field[:, i, j].T
    back = F.piecewise_points(p, jitter, 64, 64)
    assert np.abs(back - q).max() < 1e-3


@settings(max_examples=25, deadline=None)
@given(st.integers(4, 43), st.integers(4, 43), st.integers(0, 2**30),
       st.sampled_from([0, 1]))
def test_keypoints_follow_the_dot(row, col, seed, order):
    aug = PiecewiseAffine(scale=(0.01, 0.05), nb_rows=(2, 5), nb_cols=(2, 5), order=order,
                          seed=seed)
    centre, kp = _dot_centre(aug, (48, 48, 3), row, col)
    if not (2 < kp[0] < 46 and 2 < kp[1] < 46):
        return
    assert np.abs(centre - kp).max() <= PiecewiseAffine.keypoint_tolerance + 0.5


def test_segmentation_maps_keep_only_existing_class_ids():
    ids = np.zeros((40, 40), np.int32)
    ids[10:30, 5:20] = 4
    ids[20:, 25:] = 9
    out = PiecewiseAffine(scale=0.05, nb_rows=5, nb_cols=5, seed=2)(
        segmentation_maps=SegmentationMapsOnImage(ids, shape=(40, 40, 3)))
    assert set(np.unique(out.get_arr()).tolist()) <= {0, 4, 9}


def test_heatmaps_smaller_than_the_image_follow_it():
    xx = np.mgrid[0:64, 0:64][1]
    image = ((np.sin(xx / 5.0) + 1) * 127).astype(np.uint8)[:, :, None]
    small = ((np.sin((np.mgrid[0:32, 0:32][1] * 2 + 0.5) / 5.0) + 1) / 2).astype(np.float32)
    aug = PiecewiseAffine(scale=0.04, nb_rows=4, nb_cols=4, mode="edge", seed=4)
    image_aug, heat_aug = aug(image=image, heatmaps=HeatmapsOnImage(small, shape=image.shape))
    arr = heat_aug.get_arr().reshape(32, 32, -1)
    expected = image_aug[::2, ::2, 0].astype(np.float32) / 254
    assert np.mean(np.abs(arr[2:-2, 2:-2, 0] - expected[2:-2, 2:-2])) < 0.08


def test_absolute_scale_is_in_pixels():
    aug = PiecewiseAffine(scale=2.0, nb_rows=3, nb_cols=3, absolute_scale=True, seed=0)
    params = aug(image=np.zeros((500, 500, 1), np.uint8), return_params=True)[1]
    assert 0.5 < np.std(params.jitters[0]) < 5


@pytest.mark.parametrize("dtype", ["uint8", "float32"])
@pytest.mark.parametrize("channels", [1, 3, 21])
def test_every_order_and_mode_runs(dtype, channels):
    image = np.random.default_rng(1).random((17, 23, channels)).astype(dtype)
    for order in (0, 1, 2, 3, 4, 5):
        for mode in ("constant", "edge", "symmetric", "reflect", "wrap"):
            out = PiecewiseAffine(scale=0.05, order=order, mode=mode, cval=1, seed=0)(
                image=image)
            assert out.shape == image.shape and out.dtype == image.dtype


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"scale": -0.1}, "scale"), ({"nb_rows": 1}, "nb_rows"), ({"nb_cols": "a"}, "nb_cols"),
    ({"order": 9}, "order"), ({"mode": "nearest"}, "mode"),
    ({"absolute_scale": "yes"}, "absolute_scale"),
])
def test_bad_arguments_name_the_argument(kwargs, name):
    with pytest.raises((ParameterError, TypeError), match=name):
        PiecewiseAffine(**kwargs)
