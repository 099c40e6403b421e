"""ElasticTransformation: identity at alpha 0, field strength, coordinates, maps, dtypes."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_geometric import functional as F
from augkit_geometric.elastic import ElasticTransformation
from hypothesis import given, settings
from hypothesis import strategies as st

from augkit import ALL, ParameterError
from augkit.augmentables import HeatmapsOnImage, KeypointsOnImage, SegmentationMapsOnImage


def _dot_centre(aug, shape, row, col):
    """Augment a dot at (row, col) and its keypoint; return (dot centroid, keypoint)."""
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


@pytest.mark.parametrize("order", [0, 1, 3])
@pytest.mark.parametrize("mode", ["constant", "nearest", "reflect", "wrap"])
def test_alpha_zero_is_the_identity(order, mode):
    image = np.random.default_rng(0).integers(0, 255, (20, 30, 3), dtype=np.uint8)
    aug = ElasticTransformation(alpha=0, sigma=5, order=order, mode=mode, seed=1)
    out = aug(image=image)
    assert np.array_equal(out, image) and not np.shares_memory(out, image)


def test_a_constant_shift_field_moves_pixels_and_points_exactly():
    field = np.zeros((2, 4, 6), np.float32)
    field[0] = 2.0  # every pixel reads two pixels to its right: content moves left by 2
    image = np.arange(24, dtype=np.uint8).reshape(4, 6, 1)
    out = F.remap_field(image, field, order=0, mode="constant", cval=99)
    assert out[1, :, 0].tolist() == [8, 9, 10, 11, 99, 99]
    assert F.invert_field(field, np.array([[4.5, 1.5]])).tolist() == [[2.5, 1.5]]


@pytest.mark.parametrize("sigma", [4.0, 6.0, 9.0])
def test_low_resolution_smoothing_keeps_the_field_strength(sigma):
    rng = np.random.default_rng(3)
    full, coarse = [], []
    for _ in range(4):
        noise = rng.random((2, 128, 128), dtype=np.float32)
        full.append(F.elastic_field(noise, 128, 128, 30.0, sigma, 1).std())
        h, w, factor = F.elastic_noise_shape(128, 128, sigma)
        noise = rng.random((2, h, w), dtype=np.float32)
        coarse.append(F.elastic_field(noise, 128, 128, 30.0, sigma, factor).std())
    assert np.mean(coarse) == pytest.approx(np.mean(full), rel=0.2)


@settings(max_examples=25, deadline=None)
@given(st.integers(8, 40), st.integers(8, 40), st.integers(0, 2**30),
       st.sampled_from([0, 1]))
def test_keypoints_follow_the_dot(row, col, seed, order):
    aug = ElasticTransformation(alpha=(10, 40), sigma=(4, 8), order=order, seed=seed)
    centre, kp = _dot_centre(aug, (48, 48, 3), row, col)
    assert np.abs(centre - kp).max() <= ElasticTransformation.keypoint_tolerance


def test_segmentation_maps_keep_only_existing_class_ids():
    ids = np.zeros((40, 40), np.int32)
    ids[10:30, 5:20] = 3
    ids[20:, 25:] = 7
    segmap = SegmentationMapsOnImage(ids, shape=(40, 40, 3))
    out = ElasticTransformation(alpha=40, sigma=4, mode="reflect", seed=2)(
        segmentation_maps=segmap)
    assert set(np.unique(out.get_arr()).tolist()) <= {0, 3, 7}


def test_heatmaps_smaller_than_the_image_follow_it():
    xx = np.mgrid[0:64, 0:64][1]
    image = ((np.sin(xx / 5.0) + 1) * 127).astype(np.uint8)[:, :, None]
    small = ((np.sin((np.mgrid[0:32, 0:32][1] * 2 + 0.5) / 5.0) + 1) / 2).astype(np.float32)
    heat = HeatmapsOnImage(small, shape=image.shape)
    aug = ElasticTransformation(alpha=30, sigma=6, order=1, mode="nearest", seed=4)
    image_aug, heat_aug = aug(image=image, heatmaps=heat)
    arr = heat_aug.get_arr().reshape(32, 32, -1)
    expected = image_aug[::2, ::2, 0].astype(np.float32) / 254
    assert np.mean(np.abs(arr[2:-2, 2:-2, 0] - expected[2:-2, 2:-2])) < 0.08


@pytest.mark.parametrize("dtype", ["uint8", "float32"])
@pytest.mark.parametrize("channels", [1, 3, 21])
def test_every_order_and_mode_runs(dtype, channels):
    image = np.random.default_rng(1).random((17, 23, channels)).astype(dtype)
    for order in (0, 1, 2, 3, 4, 5):
        for mode in ("constant", "nearest", "reflect", "wrap"):
            aug = ElasticTransformation(alpha=20, sigma=3, order=order, mode=mode, cval=1,
                                        seed=0)
            out = aug(image=image)
            assert out.shape == image.shape and out.dtype == image.dtype


def test_all_draws_every_choice():
    aug = ElasticTransformation(order=ALL, mode=ALL, cval=ALL)
    assert aug.order.draw_samples(200, random_state=0).min() == 0


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"alpha": -1}, "alpha"), ({"sigma": "x"}, "sigma"), ({"order": 7}, "order"),
    ({"mode": "edge"}, "mode"), ({"polygon_recoverer": "yes"}, "polygon_recoverer"),
])
def test_bad_arguments_name_the_argument(kwargs, name):
    with pytest.raises((ParameterError, TypeError), match=name):
        ElasticTransformation(**kwargs)


def test_params_hold_the_noise_and_each_field_is_made_once_per_row(monkeypatch):
    from augkit_geometric import elastic

    made = []
    field = elastic.FieldSource.field
    monkeypatch.setattr(elastic.FieldSource, "field",
                        lambda self: made.append(self) or field(self))
    image = np.random.default_rng(0).integers(0, 256, (40, 30, 3), dtype=np.uint8)
    keypoints = KeypointsOnImage.from_xy_array(np.array([[5.0, 6.0]]), shape=image.shape)
    aug = ElasticTransformation(alpha=8, sigma=4, seed=2)
    (out, kps), params = aug.augment(images=[image, image], keypoints=[keypoints, keypoints],
                                     return_params=True)
    assert len(made) == 2  # images and keypoints read one field per row
    source = params.sources[0]
    assert source.noise.shape == (2, 20, 15) and (source.height, source.width) == (40, 30)
    fields = params.fields
    assert fields[0].shape == (2, 40, 30) and fields[0].dtype == np.float32
    expected = F.remap_field(image, fields[0], order=0, mode="constant", cval=0.0)
    assert np.array_equal(out[0], expected)
    again = aug.replay(params, images=[image, image], keypoints=[keypoints, keypoints])
    assert np.array_equal(again[0][1], out[1])
    assert np.allclose(again[1][1].to_xy_array(), kps[1].to_xy_array())
