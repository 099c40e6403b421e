"""Affine family: exact moves, consistency of every kind, parameter forms and errors."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from augkit_geometric.affine import (
    Affine,
    AffineCv2,
    Rotate,
    ScaleX,
    ScaleY,
    ShearX,
    ShearY,
    TranslateX,
    TranslateY,
)
from augkit_geometric.rot90 import Rot90
from hypothesis import given, settings
from hypothesis import strategies as st

from augkit import ParameterError
from augkit.augmentables import HeatmapsOnImage, KeypointsOnImage, SegmentationMapsOnImage

FAST = settings(max_examples=25, deadline=None, database=None)


def _dot(h: int, w: int, row: int, col: int, channels: int = 3, dtype=np.uint8) -> np.ndarray:
    image = np.zeros((h, w, channels), dtype=dtype)
    image[row, col] = 200
    return image


@FAST
@given(st.integers(8, 30), st.integers(8, 30), st.data())
def test_integer_translate_px_moves_a_pixel_exactly(h, w, data):
    row, col = data.draw(st.integers(0, h - 1)), data.draw(st.integers(0, w - 1))
    tx, ty = data.draw(st.integers(-6, 6)), data.draw(st.integers(-6, 6))
    order = data.draw(st.sampled_from([0, 1, 3]))
    image = _dot(h, w, row, col)
    aug = Affine(translate_px={"x": tx, "y": ty}, order=order)
    out, kps = aug(image=image, keypoints=np.array([[col + 0.5, row + 0.5]], np.float32))
    expected = np.zeros_like(image)
    if 0 <= row + ty < h and 0 <= col + tx < w:
        expected[row + ty, col + tx] = 200
    np.testing.assert_array_equal(out, expected)
    np.testing.assert_allclose(kps, [[col + 0.5 + tx, row + 0.5 + ty]], atol=1e-4)


def test_translate_percent_is_relative_to_each_axis():
    image = _dot(10, 20, 0, 0)
    out = Affine(translate_percent={"x": 0.25, "y": 0.3}, order=0)(image=image)
    assert np.argwhere(out[:, :, 0]).tolist() == [[3, 5]]
    # one value (not a dict) serves both axes
    out = Affine(translate_percent=0.1, order=0)(image=image)
    assert np.argwhere(out[:, :, 0]).tolist() == [[1, 2]]


def test_no_translation_when_neither_is_given():
    image = np.arange(48, dtype=np.uint8).reshape(6, 8)
    np.testing.assert_array_equal(Affine()(image=image), image)


@pytest.mark.parametrize("h", [8, 9, 16])
def test_rotate_90_equals_rot90_for_square_images(h):
    rng = np.random.default_rng(h)
    image = rng.integers(0, 255, (h, h, 3), dtype=np.uint8)
    affine = Affine(rotate=90, order=0)(image=image)
    np.testing.assert_array_equal(affine, Rot90(1)(image=image))
    linear = Affine(rotate=90, order=1)(image=image)
    assert np.abs(linear.astype(int) - affine.astype(int)).max() <= 1
    np.testing.assert_array_equal(Rotate(-90, order=0)(image=image), Rot90(3)(image=image))


def test_per_axis_scale_scales_about_the_centre():
    aug = Affine(scale={"x": 2.0, "y": 0.5})
    kps = np.array([[10.0, 10.0], [20.0, 5.0]], np.float32)
    out = aug(image=np.zeros((20, 20, 1), np.uint8), keypoints=kps)[1]
    np.testing.assert_allclose(out, [[10.0, 10.0], [30.0, 7.5]], atol=1e-4)
    assert ScaleX(2.0).scale[1].draw_sample() == 1.0
    assert ScaleY(2.0).scale[0].draw_sample() == 1.0


def test_shear_moves_points_along_the_axis():
    kps = np.array([[10.0, 0.0]], np.float32)
    shape = np.zeros((20, 20, 1), np.uint8)
    out = ShearX(45)(image=shape, keypoints=kps)[1]
    np.testing.assert_allclose(out, [[20.0, 0.0]], atol=1e-4)  # x' = x - tan(45) * (y - 10)
    out = ShearY(45)(image=shape, keypoints=np.array([[0.0, 10.0]], np.float32))[1]
    np.testing.assert_allclose(out, [[0.0, 0.0]], atol=1e-4)


@FAST
@given(st.integers(10, 40), st.integers(10, 40), st.floats(-180, 180),
       st.floats(0.5, 1.5), st.floats(-20, 20))
def test_heatmaps_smaller_than_the_image_move_with_it(h, w, angle, scale, shear):
    aug = Affine(rotate=angle, scale=scale, shear=shear)
    ys, xs = np.mgrid[0:h, 0:w]
    ramp = ((xs + 2 * ys) / (w + 2 * h)).astype(np.float32)
    image = (ramp * 255).astype(np.uint8)[:, :, None]
    small = cv2.resize(ramp, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    heat = HeatmapsOnImage(small, shape=image.shape)
    image_aug, heat_aug = aug(image=image, heatmaps=heat)
    arr = heat_aug.get_arr()[:, :, 0] if heat_aug.get_arr().ndim == 3 else heat_aug.get_arr()
    assert arr.shape == (h // 2, w // 2)
    up = cv2.resize(arr, (w, h), interpolation=cv2.INTER_LINEAR)
    mask = cv2.erode((image_aug[:, :, 0] > 0).astype(np.uint8), np.ones((5, 5))) > 0
    if mask.sum() > 20:
        err = np.abs(up[mask] * 255 - image_aug[:, :, 0][mask].astype(np.float32))
        assert np.median(err) < 12


def test_segmentation_maps_use_nearest_and_class_zero_fill():
    ids = np.zeros((8, 8), np.int32)
    ids[2:6, 2:6] = 7
    segmap = SegmentationMapsOnImage(ids, shape=(8, 8, 3))
    out = Affine(rotate=33, scale=0.9)(image=np.zeros((8, 8, 3), np.uint8),
                                       segmentation_maps=segmap)[1]
    assert set(np.unique(out.get_arr()).tolist()) <= {0, 7}


@FAST
@given(st.integers(5, 40), st.integers(5, 40), st.floats(-180, 180), st.floats(0.3, 2.0),
       st.floats(-40, 40), st.floats(-0.5, 0.5))
def test_fit_output_keeps_all_corners_inside(h, w, angle, scale, shear, shift):
    aug = Affine(rotate=angle, scale=scale, shear=shear, translate_percent=shift,
                 fit_output=True)
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    image = np.full((h, w, 1), 255, np.uint8)
    out, kps = aug(image=image, keypoints=corners)
    oh, ow = out.shape[:2]
    assert (kps >= -1e-3).all() and (kps[:, 0] <= ow + 1e-3).all() \
        and (kps[:, 1] <= oh + 1e-3).all()
    assert kps[:, 0].min() < 1 and kps[:, 1].min() < 1  # tight canvas
    assert ow - kps[:, 0].max() < 1 and oh - kps[:, 1].max() < 1
    kps_only = aug.augment(keypoints=KeypointsOnImage.from_xy_array(corners, shape=(h, w, 1)))
    assert kps_only.shape[:2] == (oh, ow)


@pytest.mark.parametrize("dtype", ["uint8", "float32"])
@pytest.mark.parametrize("channels", [1, 3, 21])
def test_every_mode_and_order_runs(dtype, channels):
    image = np.random.default_rng(0).random((9, 11, channels)).astype(dtype)
    for mode in ("constant", "edge", "symmetric", "reflect", "wrap"):
        for order in range(6):
            out = Affine(rotate=17, scale=1.1, order=order, mode=mode, cval=(0, 1))(image=image)
            assert out.shape == image.shape and out.dtype == image.dtype
            assert out.flags.c_contiguous


def test_order_mode_and_cval_lists_and_all():
    aug = Affine(rotate=10, order="ALL", mode="ALL", cval="ALL", seed=3)
    params = aug.augment(images=np.zeros((20, 8, 8, 3), np.uint8), return_params=True)[1]
    assert set(params.orders) <= {0, 1, 3, 4, 5} and len(set(params.orders)) > 1
    assert len(set(params.modes)) > 1
    assert params.cvals[0].shape == (3,) and 0 <= params.cvals[0].min() <= 255
    aug = Affine(order=[0, 3], mode=["edge", "wrap"], backend="cv2", seed=1)
    params = aug.augment(images=np.zeros((10, 4, 4, 1), np.uint8), return_params=True)[1]
    assert set(params.orders) <= {0, 3} and set(params.modes) <= {"edge", "wrap"}
    drawn = Affine(order="ALL", backend="cv2").order.draw_samples(200, random_state=0)
    assert set(np.asarray(drawn).tolist()) == {0, 1, 3}


def test_per_channel_cval_fills_channels_differently():
    aug = Affine(translate_px={"x": 3}, cval=(0, 255), seed=5)
    out = aug(image=np.zeros((4, 6, 3), np.uint8))
    assert len(set(out[0, 0].tolist())) > 1


def test_constant_mode_fills_with_cval_and_edge_repeats():
    image = np.arange(1, 13, dtype=np.uint8).reshape(3, 4)
    out = Affine(translate_px={"x": 1}, order=0, cval=99)(image=image)
    assert out[:, 0].tolist() == [99, 99, 99]
    out = Affine(translate_px={"x": 1}, order=0, mode="edge")(image=image)
    assert out[:, 0].tolist() == [1, 5, 9]


def test_skimage_backend_matches_cv2_for_linear():
    image = np.random.default_rng(1).random((16, 16, 3)).astype(np.float32)
    a = Affine(rotate=20, backend="cv2")(image=image)
    b = Affine(rotate=20, backend="skimage")(image=image)
    assert np.abs(a - b)[3:-3, 3:-3].max() < 0.02


def test_translate_wrappers():
    image = np.arange(1, 7, dtype=np.uint8).reshape(2, 3)
    assert TranslateX(px=1)(image=image).tolist() == [[0, 1, 2], [0, 4, 5]]
    assert TranslateY(px=1)(image=image).tolist() == [[0, 0, 0], [1, 2, 3]]
    assert TranslateX().translate_unit == "percent"
    with pytest.raises(ParameterError, match="px"):
        TranslateX(px={"x": 1})


def test_affine_cv2_names():
    image = np.arange(1, 7, dtype=np.uint8).reshape(2, 3)
    out = AffineCv2(translate_px={"x": 1}, order="nearest", mode="replicate")(image=image)
    assert out.tolist() == [[1, 1, 2], [4, 4, 5]]
    out = AffineCv2(translate_px={"x": 1}, order=cv2.INTER_NEAREST,
                    mode=cv2.BORDER_REFLECT)(image=image)
    assert out.tolist() == [[1, 1, 2], [4, 4, 5]]
    out = AffineCv2(translate_px={"x": 1}, order=0, mode="reflect_101")(image=image)
    assert out.tolist() == [[2, 1, 2], [5, 4, 5]]
    aug = AffineCv2(rotate=5, order="ALL", mode="ALL", seed=2)
    aug(images=np.zeros((8, 5, 5, 3), np.uint8))
    with pytest.raises(ParameterError, match="order"):
        AffineCv2(order="area51")
    with pytest.raises(ParameterError, match="mode"):
        AffineCv2(mode="edge")


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [({"scale": 0}, "scale"), ({"scale": {"z": 1}}, "scale"), ({"rotate": "a"}, "rotate"),
     ({"order": 7}, "order"), ({"mode": "mirror"}, "mode"), ({"backend": "gpu"}, "backend"),
     ({"translate_px": 1, "translate_percent": 0.1}, "translate_percent"),
     ({"translate_px": 1.5}, None), ({"fit_output": 1}, "fit_output"),
     ({"shear": {"x": "a"}}, "shear")],
)
def test_bad_arguments_name_the_argument(kwargs, name):
    if name is None:
        Affine(**kwargs)  # floats are rounded for translate_px
        return
    with pytest.raises((ParameterError, TypeError), match=name):
        Affine(**kwargs)


def test_matrices_are_visible_and_compose():
    aug = Affine(rotate=30, translate_px={"x": 3})
    image = np.zeros((10, 12, 3), np.uint8)
    _, params = aug(image=image, return_params=True)
    (matrix,) = aug.matrices(params, [image.shape])
    assert matrix.shape == (3, 3)
    centre = matrix @ [6.0, 5.0, 1.0]
    np.testing.assert_allclose(centre[:2], [9.0, 5.0], atol=1e-9)
