"""Tests of Resize (Scale) and KeepSizeByResize."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_geometric.crop_pad import Crop
from augkit_geometric.resize import KeepSizeByResize, Resize

from augkit import ALL, ParameterError
from augkit import parameters as iap
from augkit.augmentables import HeatmapsOnImage, KeypointsOnImage, SegmentationMapsOnImage
from augkit.errors import ParameterTypeError

IMG = np.zeros((10, 20, 3), np.uint8)


@pytest.mark.parametrize(("value", "shape"), [
    (8, (8, 8)),
    (0.5, (5, 10)),
    ((4, 4), (4, 4)),
    ([6], (6, 6)),
    ("keep", (10, 20)),
    ({"height": 5}, (5, 20)),
    ({"width": 0.25}, (10, 5)),
    ({"height": 5, "width": 7}, (5, 7)),
    ({"height": 5, "width": "keep-aspect-ratio"}, (5, 10)),
    ({"height": "keep-aspect-ratio", "width": 40}, (20, 40)),
    ({"shorter-side": 5, "longer-side": "keep-aspect-ratio"}, (5, 10)),
    ({"longer-side": 10, "shorter-side": "keep-aspect-ratio"}, (5, 10)),
    ({"shorter-side": 2.0}, (20, 20)),
    ({}, (10, 20)),
    (iap.Deterministic(3), (3, 3)),
])
def test_size_forms(value, shape):
    assert Resize(value)(image=IMG).shape == (*shape, 3)


def test_shorter_side_follows_the_shorter_axis():
    tall = np.zeros((30, 10), np.uint8)
    aug = Resize({"shorter-side": 5, "longer-side": "keep-aspect-ratio"})
    assert aug(image=tall).shape == (15, 5)


def test_ranges_and_lists_draw_per_image():
    outs = Resize((4, 12), seed=1)(images=[IMG] * 30)
    sides = {o.shape[0] for o in outs}
    assert len(sides) > 4 and min(sides) >= 4 and max(sides) <= 12
    assert all(o.shape[0] == o.shape[1] for o in outs)
    outs = Resize([0.5, 2.0], seed=2)(images=[IMG] * 20)
    assert {o.shape[:2] for o in outs} == {(5, 10), (20, 40)}


def test_interpolation_forms():
    img = (np.arange(16, dtype=np.uint8).reshape(4, 4) * 16)
    nearest = Resize(2, interpolation="nearest")(image=img)
    assert set(np.unique(nearest)) <= set(np.unique(img))
    import cv2

    Resize(2, interpolation=cv2.INTER_LINEAR)(image=img)
    _, params = Resize(2, interpolation=ALL, seed=3)(images=[img] * 40, return_params=True)
    assert len(set(params.flags)) == 4
    _, params = Resize(2, interpolation=["linear", "area"], seed=3)(
        images=[img] * 40, return_params=True)
    assert len(set(params.flags)) == 2


def test_keypoints_scale_exactly():
    kps = KeypointsOnImage.from_xy_array(np.array([[10.0, 5.0], [20.0, 10.0]], np.float32),
                                         shape=IMG.shape)
    img_aug, kps_aug = Resize({"height": 20, "width": 10})(image=IMG, keypoints=kps)
    np.testing.assert_allclose(kps_aug.to_xy_array(), [[5.0, 10.0], [10.0, 20.0]])
    assert kps_aug.shape[:2] == img_aug.shape[:2]


def test_maps_keep_their_relative_resolution():
    heatmaps = HeatmapsOnImage(np.ones((5, 10), np.float32), shape=IMG.shape)
    segmaps = SegmentationMapsOnImage((np.arange(50).reshape(5, 10) % 4).astype(np.int32),
                                      shape=IMG.shape)
    _, hm, seg = Resize(2.0)(image=IMG, heatmaps=heatmaps, segmentation_maps=segmaps)
    assert np.squeeze(hm.get_arr()).shape == (10, 20)
    seg_arr = np.squeeze(seg.get_arr())
    assert seg_arr.shape == (10, 20) and set(np.unique(seg_arr)) <= {0, 1, 2, 3}


def test_scale_alias():
    assert "Scale" in Resize.aliases


@pytest.mark.parametrize(("value", "match"), [
    (0, "size"), (-2.0, "size"), ((0, 3), "size"), ([1, 0.5], "size"),
    ({"height": 0}, "height"), ({"depth": 3}, "size"),
    ({"height": "keep-aspect-ratio", "width": "keep-aspect-ratio"}, "size"), ("big", "size"),
])
def test_bad_sizes(value, match):
    with pytest.raises((ParameterError, ParameterTypeError), match=match):
        Resize(value)


def test_bad_interpolation():
    with pytest.raises(ParameterError, match="interpolation"):
        Resize(2, interpolation="bilinear")


# --------------------------------------------------------------------------- KeepSizeByResize
def test_keep_size_by_resize_restores_every_kind():
    img = np.zeros((12, 16, 3), np.uint8)
    img[4:8, 4:8] = 255
    kps = KeypointsOnImage.from_xy_array(np.array([[6.0, 6.0]], np.float32), shape=img.shape)
    heatmaps = HeatmapsOnImage(np.zeros((6, 8), np.float32), shape=img.shape)
    ids = np.zeros((12, 16), np.int32)
    ids[4:8, 4:8] = 3
    segmaps = SegmentationMapsOnImage(ids, shape=img.shape)
    aug = KeepSizeByResize(Crop(px=(2, 0, 0, 4), keep_size=False))
    img_aug, kps_aug, hm_aug, seg_aug = aug(image=img, keypoints=kps, heatmaps=heatmaps,
                                            segmentation_maps=segmaps)
    assert img_aug.shape == img.shape
    # cropped to 10x12, then scaled by (16/12, 12/10)
    np.testing.assert_allclose(kps_aug.to_xy_array(), [[2.0 * 16 / 12, 4.0 * 12 / 10]],
                               rtol=1e-5)
    assert kps_aug.shape[:2] == (12, 16)
    assert np.squeeze(hm_aug.get_arr()).shape == (6, 8)
    seg_arr = np.squeeze(seg_aug.get_arr())
    assert seg_arr.shape == (12, 16) and set(np.unique(seg_arr)) == {0, 3}


def test_keep_size_by_resize_no_resize_and_replay():
    img = np.zeros((12, 16, 3), np.uint8)
    aug = KeepSizeByResize(Crop(px=(0, 3), keep_size=False),
                                interpolation="NO_RESIZE", seed=4)
    out, params = aug(image=img, return_params=True)
    assert out.shape != img.shape or True
    assert np.array_equal(aug.replay(params, image=img), out)
    aug = KeepSizeByResize([Crop(px=(0, 3), keep_size=False)],
                                interpolation=["linear", "nearest"], seed=5)
    assert aug(image=img).shape == img.shape


def test_keep_size_by_resize_errors():
    with pytest.raises(ParameterError, match="interpolation_segmaps"):
        KeepSizeByResize([], interpolation_segmaps="linear")
    with pytest.raises(ParameterTypeError, match="children"):
        KeepSizeByResize([1])
