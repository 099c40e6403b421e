"""CropAndPad, Crop, Pad and the base they share with every size augmenter."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_geometric import functional as F
from augkit_geometric.crop_pad import Crop, CropAndPad, Pad
from augkit_geometric.resize import Resize
from augkit_geometric.to_size import PadToFixedSize
from hypothesis import given, settings
from hypothesis import strategies as st

from augkit import ALL, ParameterError, imgutils
from augkit.augmentables import (
    BoundingBoxesOnImage,
    HeatmapsOnImage,
    KeypointsOnImage,
    SegmentationMapsOnImage,
)
from augkit.errors import ParameterTypeError


def _grid(h, w, c=None, dtype=np.uint8):
    arr = (np.arange(h * w) % 251).reshape(h, w).astype(dtype)
    return arr if c is None else np.repeat(arr[:, :, None], c, axis=2)



# --------------------------------------------------------------------------- exact values
def test_crop_top_row():
    img = _grid(4, 3)
    out = Crop(px=(1, 0, 0, 0), keep_size=False)(image=img)
    assert out.tolist() == img[1:].tolist()


def test_crop_each_side():
    img = _grid(6, 7, 3)
    out = Crop(px=(1, 2, 3, 4), keep_size=False)(image=img)
    np.testing.assert_array_equal(out, img[1:3, 4:5])


def test_pad_one_pixel_with_cval():
    img = np.full((2, 3, 3), 100, dtype=np.uint8)
    out = Pad(px=1, pad_cval=7, keep_size=False)(image=img)
    assert out.shape == (4, 5, 3)
    border = np.ones((4, 5), bool)
    border[1:3, 1:4] = False
    assert (out[border] == 7).all() and (out[~border] == 100).all()


def test_crop_and_pad_mixed_signs():
    img = _grid(3, 3)
    out = CropAndPad(px=(-1, 1, 0, 0), pad_cval=9, keep_size=False)(image=img)
    assert out.tolist() == [[3, 4, 5, 9], [6, 7, 8, 9]]


def test_keep_size_resizes_back():
    img = _grid(10, 12, 3)
    out = Crop(px=2)(image=img)
    assert out.shape == img.shape
    expected = imgutils.imresize_single_image(img[2:8, 2:10], (10, 12), "cubic")
    np.testing.assert_array_equal(out, expected)


def test_percent_amounts_round_per_axis():
    img = _grid(10, 20)
    out = Crop(percent=(0.1, 0.1, 0.2, 0.2), keep_size=False)(image=img)
    np.testing.assert_array_equal(out, img[1:8, 4:18])


def test_pad_modes_match_numpy():
    img = _grid(4, 5, 3)
    for mode in sorted(imgutils.PAD_MODES):
        out = Pad(px=(1, 2, 3, 4), pad_mode=mode, pad_cval=5, keep_size=False)(image=img)
        kw = ({"constant_values": 5} if mode == "constant"
              else {"end_values": 5} if mode == "linear_ramp" else {})
        np.testing.assert_array_equal(
            out, np.pad(img, ((1, 3), (4, 2), (0, 0)), mode=mode, **kw), err_msg=mode)


def test_pad_mode_list_and_all_draw_every_mode():
    img = np.zeros((2, 2), np.uint8)
    aug = Pad(px=1, pad_mode=ALL, keep_size=False, seed=1)
    _, params = aug(images=[img] * 200, return_params=True)
    assert set(params.modes) == imgutils.PAD_MODES


def test_pad_cval_range_drawn_per_image():
    aug = Pad(px=1, pad_cval=(0, 255), keep_size=False, seed=2)
    outs = aug(images=[np.zeros((1, 1), np.uint8)] * 20)
    assert len({int(o[0, 0]) for o in outs}) > 5


def test_sample_independently_false_uses_one_amount():
    aug = Crop(px=(0, 5), sample_independently=False, keep_size=False, seed=3)
    _, params = aug(images=[np.zeros((20, 20), np.uint8)] * 30, return_params=True)
    assert (params.crops == params.crops[:, :1]).all()
    assert len(set(params.crops[:, 0].tolist())) > 1


def test_crop_readme_range():
    aug = Crop(px=(0, 16), keep_size=False, seed=4)
    _, params = aug(images=[np.zeros((64, 64, 3), np.uint8)] * 50, return_params=True)
    assert params.crops.min() == 0 and params.crops.max() == 16
    assert len(set(map(tuple, params.crops.tolist()))) > 10


def test_crops_never_empty_an_image():
    out = Crop(px=100, keep_size=False)(image=_grid(5, 7))
    assert out.shape == (1, 1)
    assert F.clamp_crops(np.array([[3, 0, 5, 0]]), [(4, 9)]).tolist() == [[1, 0, 2, 0]]


def test_images_of_different_sizes():
    images = [_grid(4, 4), _grid(8, 6), _grid(3, 9)]
    outs = Crop(px=(1, 0, 0, 1), keep_size=False)(images=images)
    assert [o.shape for o in outs] == [(3, 3), (7, 5), (2, 8)]


def test_every_dtype_keeps_dtype():
    for dtype in ["bool", "uint8", "int8", "uint16", "int16", "uint32", "int32", "int64",
                  "float16", "float32", "float64"]:
        img = _grid(6, 6, 2).astype(dtype)
        for aug in (CropAndPad(px=(-2, 3), pad_mode="mean"),
                    Pad(px=2, pad_mode="reflect", keep_size=False)):
            out = aug(image=img)
            assert out.dtype == img.dtype, dtype


# --------------------------------------------------------------------------- coordinates
def test_keypoints_shift_exactly_by_amounts():
    img = np.zeros((20, 30, 3), np.uint8)
    kps = KeypointsOnImage.from_xy_array(np.array([[10.5, 7.25], [0.0, 0.0]], np.float32),
                                         shape=img.shape)
    aug = CropAndPad(px=(-2, 3, 1, -4), keep_size=False)
    img_aug, kps_aug = aug(image=img, keypoints=kps)
    assert img_aug.shape == (19, 29, 3)
    np.testing.assert_allclose(kps_aug.to_xy_array(), [[6.5, 5.25], [-4.0, -2.0]])
    assert kps_aug.shape[:2] == (19, 29)


def test_keypoints_scale_with_keep_size():
    img = np.zeros((20, 20, 3), np.uint8)
    kps = KeypointsOnImage.from_xy_array(np.array([[12.0, 8.0]], np.float32), shape=img.shape)
    _, kps_aug = Pad(px=(0, 20, 0, 0))(image=img, keypoints=kps)
    np.testing.assert_allclose(kps_aug.to_xy_array(), [[6.0, 8.0]])


def test_keypoints_only_use_output_shapes():
    kps = KeypointsOnImage.from_xy_array(np.array([[5.0, 5.0]], np.float32), shape=(10, 10, 3))
    out = Crop(px=(1, 0, 0, 2), keep_size=False)(keypoints=kps)
    assert out.shape[:2] == (9, 8)
    np.testing.assert_allclose(out.to_xy_array(), [[3.0, 4.0]])


def test_boxes_are_refitted():
    img = np.zeros((10, 10, 3), np.uint8)
    bbs = BoundingBoxesOnImage.from_xyxy_array(np.array([[2, 2, 6, 8]], np.float32),
                                               shape=img.shape)
    _, bbs_aug = Pad(px=(1, 0, 0, 3), keep_size=False)(image=img, bounding_boxes=bbs)
    np.testing.assert_allclose(bbs_aug.to_xyxy_array(), [[5, 3, 9, 9]])


def test_matrices_agree_with_keypoints():
    aug = CropAndPad(px=(-3, 2, 1, 4), seed=5)
    img = np.zeros((12, 16, 3), np.uint8)
    xy = np.array([[3.0, 4.0], [15.5, 0.5]], np.float32)
    kps = KeypointsOnImage.from_xy_array(xy, shape=img.shape)
    (_, kps_aug), params = aug(image=img, keypoints=kps, return_params=True)
    (matrix,) = aug.matrices(params, [img.shape])
    moved = xy @ matrix[:2, :2].T + matrix[:2, 2]
    np.testing.assert_allclose(kps_aug.to_xy_array(), moved, rtol=1e-5)


@settings(max_examples=40, deadline=None)
@given(h=st.integers(1, 30), w=st.integers(1, 30),
       amounts=st.tuples(*[st.integers(-12, 12)] * 4), keep=st.booleans())
def test_crop_and_pad_shapes_and_marker(h, w, amounts, keep):
    img = np.zeros((h, w), np.uint8)
    row, col = h // 2, w // 3
    img[row, col] = 255
    kps = KeypointsOnImage.from_xy_array(np.array([[col + 0.5, row + 0.5]], np.float32),
                                         shape=img.shape)
    aug = CropAndPad(px=amounts, keep_size=keep)
    (out, kps_aug), params = aug(image=img, keypoints=kps, return_params=True)
    crops, pads = params.crops[0], params.pads[0]
    assert (crops >= 0).all() and (pads >= 0).all()
    expected = (h - crops[0] - crops[2] + pads[0] + pads[2],
                w - crops[1] - crops[3] + pads[1] + pads[3])
    assert expected[0] >= 1 and expected[1] >= 1
    assert out.shape == ((h, w) if keep else expected)
    if not keep:
        x, y = kps_aug.to_xy_array()[0]
        if 0 <= x < out.shape[1] and 0 <= y < out.shape[0]:
            assert out[int(y), int(x)] == 255


# --------------------------------------------------------------------------- maps
def test_heatmaps_smaller_than_image_are_cropped_proportionally():
    img = np.zeros((20, 20, 3), np.uint8)
    hm_arr = np.linspace(0, 1, 100, dtype=np.float32).reshape(10, 10)
    heatmaps = HeatmapsOnImage(hm_arr, shape=img.shape)
    img_aug, hm_aug = Crop(px=(4, 0, 0, 6), keep_size=False)(image=img, heatmaps=heatmaps)
    assert img_aug.shape == (16, 14, 3)
    arr = hm_aug.get_arr()
    arr = arr[:, :, 0] if arr.ndim == 3 else arr
    np.testing.assert_allclose(arr, hm_arr[2:, 3:])


def test_heatmaps_padded_with_zero_whatever_the_mode():
    img = np.zeros((4, 4, 3), np.uint8)
    heatmaps = HeatmapsOnImage(np.ones((4, 4), np.float32), shape=img.shape)
    _, hm_aug = Pad(px=1, pad_mode="edge", keep_size=False)(image=img, heatmaps=heatmaps)
    arr = np.squeeze(hm_aug.get_arr())
    assert arr.shape == (6, 6) and arr[0].max() == 0 and arr[1:5, 1:5].min() == 1


def test_segmaps_keep_integer_ids_under_keep_size():
    img = np.zeros((9, 9, 3), np.uint8)
    ids = (np.arange(81).reshape(9, 9) % 5).astype(np.int32)
    segmaps = SegmentationMapsOnImage(ids, shape=img.shape)
    _, seg_aug = CropAndPad(px=(-2, 3, 1, -1))(image=img, segmentation_maps=segmaps)
    arr = np.squeeze(seg_aug.get_arr())
    assert arr.shape == (9, 9)
    assert set(np.unique(arr).tolist()) <= set(range(5))


# --------------------------------------------------------------------------- errors
@pytest.mark.parametrize(("make", "match"), [
    (lambda: CropAndPad(percent=-1.5), "percent"),
    (lambda: CropAndPad(percent=(0.1, -1.2, 0, 0)), r"percent\[right\]"),
    (lambda: Crop(px=-1), "px"),
    (lambda: Crop(percent=(0.5, 1.5)), "percent"),
    (lambda: Pad(px=(1, 2, 3)), "px"),
    (lambda: CropAndPad(px=1, percent=0.1), "px, percent"),
    (lambda: Pad(px=1, pad_mode="mirror"), "pad_mode"),
    (lambda: Pad(px=1, pad_mode=["edge", "nope"]), "pad_mode"),
])
def test_bad_arguments_name_the_argument(make, match):
    with pytest.raises((ParameterError, ParameterTypeError), match=match):
        make()


# --------------------------------------------------------------------------- fast paths
@pytest.mark.parametrize("aug", [
    Crop(px=(1, 2, 3, 4), keep_size=False),
    Pad(px=3, keep_size=True),
    PadToFixedSize(width=12, height=12, position="center"),
    Resize({"height": 5, "width": 7}),
])
def test_fixed_params_are_cached_read_only_and_replay(aug):
    import pickle

    img = _grid(8, 9, 3)
    out1, params1 = aug(image=img, return_params=True)
    out2, params2 = aug(image=img, return_params=True)
    assert params1 is not params2 and params1.crops is params2.crops  # shared, per shape
    assert not params1.crops.flags.writeable and not params1.pads.flags.writeable
    np.testing.assert_array_equal(out1, out2)
    np.testing.assert_array_equal(aug.replay(pickle.loads(pickle.dumps(params1)), image=img),
                                  out1)
    other = _grid(10, 11, 3)  # another shape: its own params, as the uncached batch path
    np.testing.assert_array_equal(aug(image=other), aug(images=[other, img])[0])


def test_single_row_and_batch_paths_agree_on_fixed_amounts():
    img = _grid(8, 9, 3)
    aug = CropAndPad(px=(-1, 2, -3, 4), pad_cval=5, keep_size=False)
    np.testing.assert_array_equal(aug(image=img), aug(images=[img, img])[1])


def test_single_row_uint8_pad_clips_cval_like_the_general_path():
    img = _grid(3, 3, 3)
    for cval in (300.7, -5.0, 127.5, 128.5):
        one = Pad(px=1, pad_cval=cval, keep_size=False)(image=img)
        batch = Pad(px=1, pad_cval=cval, keep_size=False)(images=[img, img])[0]
        np.testing.assert_array_equal(one, batch)
