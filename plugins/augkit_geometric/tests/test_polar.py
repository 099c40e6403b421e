"""WithPolarWarping: round trips, a vertical mirror through the polar view, every kind."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_geometric import functional as F
from augkit_geometric.polar import WithPolarWarping

import augkit
from augkit import UnsupportedKindError
from augkit.augmentables import (
    BoundingBoxesOnImage,
    HeatmapsOnImage,
    KeypointsOnImage,
    Polygon,
    PolygonsOnImage,
    SegmentationMapsOnImage,
)


def _smooth_image(height=48, width=64, channels=3):
    yy, xx = np.mgrid[0:height, 0:width]
    plane = (np.sin(xx / 6.0) + np.cos(yy / 5.0) + 2) * 60
    return np.repeat(plane[:, :, None], channels, axis=2).astype(np.uint8)


def test_points_round_trip_exactly():
    xy = np.random.default_rng(0).uniform(0, 40, (100, 2))
    shape, pshape = (40, 50), F.polar_shape(40, 50)
    back = F.from_polar_points(F.to_polar_points(xy, shape, pshape), shape, pshape)
    assert np.abs(back - xy).max() < 1e-3


def test_no_children_is_nearly_the_identity_on_the_interior():
    image = _smooth_image()
    out = WithPolarWarping([])(image=image)
    interior = (slice(8, -8), slice(8, -8))
    assert np.abs(out[interior].astype(int) - image[interior]).mean() < 2.0
    assert np.abs(out[interior].astype(int) - image[interior]).max() < 25


def test_flipud_in_polar_space_mirrors_vertically():
    # flipping the angle axis maps angle phi to -phi: a mirror about the horizontal centre line
    image = _smooth_image()
    kps = KeypointsOnImage.from_xy_array(np.array([[20.5, 10.5], [40.0, 30.0]]),
                                         shape=image.shape)
    out, kps_aug = WithPolarWarping(augkit.get("Flipud", p=1.0))(image=image, keypoints=kps)
    interior = (slice(8, -8), slice(8, -8))
    assert np.abs(out[interior].astype(int) - image[::-1][interior]).mean() < 3.0
    expected = np.array([[20.5, 48 - 10.5], [40.0, 48 - 30.0]])
    assert np.abs(kps_aug.to_xy_array() - expected).max() < 1.0


def test_boxes_and_polygons_survive_the_round_trip():
    shape = (48, 64, 3)
    bbs = BoundingBoxesOnImage.from_xyxy_array(np.array([[10, 5, 30, 20]], np.float32),
                                               shape=shape)
    polys = PolygonsOnImage([Polygon([(10, 10), (40, 12), (30, 40)])], shape=shape)
    bbs_aug, polys_aug = WithPolarWarping([])(bounding_boxes=bbs, polygons=polys)
    assert np.abs(bbs_aug.to_xyxy_array() - [[10, 5, 30, 20]]).max() < 0.01
    assert np.abs(polys_aug.to_xy_array() - polys.to_xy_array()).max() < 0.01


def test_children_that_cannot_transform_a_kind_raise():
    bbs = BoundingBoxesOnImage.from_xyxy_array(np.array([[1, 1, 5, 5]], np.float32),
                                               shape=(12, 12, 3))
    aug = WithPolarWarping(augkit.get("Jigsaw", nb_rows=2, nb_cols=2))
    with pytest.raises(UnsupportedKindError, match="bounding_boxes"):
        aug(image=np.zeros((12, 12, 3), np.uint8), bounding_boxes=bbs)


def test_maps_round_trip_at_their_own_resolution():
    ids = np.zeros((24, 32), np.int32)
    ids[4:20, 6:26] = 5
    segmap = SegmentationMapsOnImage(ids, shape=(48, 64, 3))
    heat = HeatmapsOnImage(np.full((24, 32), 0.5, np.float32), shape=(48, 64, 3))
    seg_aug, heat_aug = WithPolarWarping([])(segmentation_maps=segmap, heatmaps=heat)
    arr = seg_aug.get_arr().reshape(24, 32)
    assert set(np.unique(arr).tolist()) <= {0, 5}
    assert np.mean(arr == ids) > 0.97
    assert np.allclose(heat_aug.get_arr()[3:-3, 3:-3], 0.5, atol=0.02)


def test_children_params_replay():
    image = _smooth_image()
    aug = WithPolarWarping(augkit.get("Fliplr", p=0.5), seed=3)
    out, params = aug(image=image, return_params=True)
    assert np.array_equal(aug.replay(params, image=image), out)


@pytest.mark.parametrize("dtype", ["uint8", "float32"])
@pytest.mark.parametrize("channels", [1, 3, 21])
def test_any_channel_count(dtype, channels):
    image = np.random.default_rng(1).random((15, 19, channels)).astype(dtype)
    out = WithPolarWarping(augkit.get("Flipud", p=1.0))(image=image)
    assert out.shape == image.shape and out.dtype == image.dtype


def test_children_must_be_augmenters():
    with pytest.raises(TypeError, match="children"):
        WithPolarWarping([1])
