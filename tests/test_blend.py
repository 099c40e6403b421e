"""Tests of augkit.blend: the BlendAlpha family and the mask generators."""

from __future__ import annotations

import pickle
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import augkit
from augkit import ParameterError, UnsupportedDtypeError
from augkit import parameters as iap
from augkit._rows import Rows
from augkit.augmentables import (
    BoundingBox,
    BoundingBoxesOnImage,
    KeypointsOnImage,
    SegmentationMapsOnImage,
)
from augkit.augmenter import GeometricAugmenter, PixelAugmenter
from augkit.blend import (
    BLEND_AUGMENTERS,
    BlendAlpha,
    BlendAlphaBoundingBoxes,
    BlendAlphaCheckerboard,
    BlendAlphaElementwise,
    BlendAlphaFrequencyNoise,
    BlendAlphaHorizontalLinearGradient,
    BlendAlphaMask,
    BlendAlphaRegularGrid,
    BlendAlphaSegMapClassIds,
    BlendAlphaSimplexNoise,
    BlendAlphaSomeColors,
    BlendAlphaVerticalLinearGradient,
    CheckerboardMaskGen,
    HorizontalLinearGradientMaskGen,
    InvertMaskGen,
    RegularGridMaskGen,
    StochasticParameterMaskGen,
    VerticalLinearGradientMaskGen,
)
from augkit.errors import InputError, ParameterTypeError
from augkit.pixels import saturate
from augkit.testing.strategies import images


class _Add(PixelAugmenter):
    """Add a constant (saturating); a self-contained child for these tests."""

    def __init__(self, value=0, **kwargs):
        super().__init__(**kwargs)
        self.value = value

    def apply_to_images(self, images, params):
        return [saturate(image.astype(np.float64) + self.value, image.dtype) for image in images]


class _Flip(GeometricAugmenter):
    """Mirror left-right, images, maps and coordinates alike."""

    def apply_to_images(self, images, params):
        return [np.ascontiguousarray(image[:, ::-1]) for image in images]

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        return [np.ascontiguousarray(arr[:, ::-1]) for arr in arrays]

    def apply_to_keypoints(self, xys, params, *, shapes):
        out = []
        for xy, shape in zip(xys, shapes):
            xy = xy.copy()
            xy[:, 0] = shape[1] - xy[:, 0]
            out.append(xy)
        return out


def add(value):
    return _Add(value)


def flip():
    return _Flip()


def _rows(*shapes):
    return Rows({}, [tuple(s) for s in shapes])


ZEROS = np.zeros((6, 8, 3), dtype=np.uint8)


# ----------------------------------------------------------------- BlendAlpha


@settings(max_examples=15, deadline=None)
@given(image=images(dtypes=("uint8", "float32", "int16")))
def test_factor_one_gives_the_foreground_and_zero_the_background(image):
    out_fg = BlendAlpha(1.0, foreground=add(7), background=add(3))(image=image)
    assert np.array_equal(out_fg, add(7)(image=image))
    out_bg = BlendAlpha(0.0, foreground=add(7), background=add(3))(image=image)
    assert np.array_equal(out_bg, add(3)(image=image))
    out_id = BlendAlpha(0.0, foreground=add(7))(image=image)
    assert np.array_equal(out_id, image) and not np.shares_memory(out_id, image)


def test_half_of_add_100_on_zeros_is_50():
    out = BlendAlpha(0.5, add(100))(image=ZEROS)
    assert out.dtype == np.uint8 and (out == 50).all()


def test_float_images_blend_exactly():
    image = np.zeros((2, 2, 1), dtype=np.float32)
    out = BlendAlpha(0.25, augkit.Lambda(func_images=lambda ims, *_: [i + 1 for i in ims]))(
        image=image)
    assert np.allclose(out, 0.25)


def test_per_channel_factors_differ_between_channels():
    aug = BlendAlpha((0.0, 1.0), add(200), per_channel=True, seed=5)
    out = aug(images=np.zeros((4, 3, 3, 3), dtype=np.uint8))
    assert all(len(np.unique(img[0, 0])) > 1 for img in out)
    same = BlendAlpha((0.0, 1.0), add(200), per_channel=False, seed=5)(
        images=np.zeros((4, 3, 3, 3), dtype=np.uint8))
    assert all(len(np.unique(img)) == 1 for img in same)


def test_keypoints_follow_the_dominant_branch():
    image = np.zeros((10, 20, 3), dtype=np.uint8)
    kps = KeypointsOnImage.from_xy_array(np.array([[2.5, 3.5]], np.float32), shape=image.shape)
    _, kps_fg = BlendAlpha(1.0, flip())(image=image, keypoints=kps)
    assert np.allclose(kps_fg.to_xy_array(), [[17.5, 3.5]])
    _, kps_bg = BlendAlpha(0.0, flip())(image=image, keypoints=kps)
    assert np.allclose(kps_bg.to_xy_array(), [[2.5, 3.5]])
    _, kps_swapped = BlendAlpha(0.0, background=flip())(image=image, keypoints=kps)
    assert np.allclose(kps_swapped.to_xy_array(), [[17.5, 3.5]])
    _, kps_half = BlendAlpha(0.5, flip())(image=image, keypoints=kps)
    assert np.allclose(kps_half.to_xy_array(), [[17.5, 3.5]]), "0.5 counts as foreground"


def test_keypoints_without_images_follow_the_dominant_branch():
    kps = KeypointsOnImage.from_xy_array(np.array([[1.0, 1.0]], np.float32), shape=(4, 10, 3))
    out = BlendAlpha(0.9, flip())(keypoints=kps)
    assert np.allclose(out.to_xy_array(), [[9.0, 1.0]])


def test_replay_reproduces_masks_and_children():
    aug = BlendAlphaSimplexNoise(augkit.ChannelShuffle(p=1.0), seed=8)
    image = np.random.default_rng(0).integers(0, 255, (16, 16, 3), dtype=np.uint8)
    out, params = aug(image=image, return_params=True)
    assert np.array_equal(aug.replay(params, image=image), out)
    assert np.array_equal(pickle.loads(pickle.dumps(aug))(image=image), aug(image=image))


def test_to_deterministic_repeats_masks():
    det = BlendAlphaElementwise((0, 1), add(100), seed=2).to_deterministic()
    assert np.array_equal(det(image=ZEROS), det(image=ZEROS))


def test_children_that_change_sizes_differently_raise_a_clear_error():
    crop = augkit.Lambda(func_images=lambda ims, *_: [i[:2].copy() for i in ims])
    with pytest.raises(InputError, match="same shape"):
        BlendAlpha(0.5, crop)(image=ZEROS)


def test_output_is_never_the_input():
    out = BlendAlpha(1.0, background=add(1))(image=ZEROS)
    assert not np.shares_memory(out, ZEROS)


# ----------------------------------------------------------------- old names and keywords


def test_old_names_are_aliases():
    assert isinstance(augkit.get("Alpha", factor=0.5, first=add(1)), BlendAlpha)
    assert augkit.get("AlphaElementwise", first=add(1)).__class__ is BlendAlphaElementwise
    from augkit import augmenters as iaa

    assert iaa.Alpha is BlendAlpha
    assert iaa.AlphaElementwise is BlendAlphaElementwise
    assert iaa.SimplexNoiseAlpha is BlendAlphaSimplexNoise
    assert iaa.FrequencyNoiseAlpha is BlendAlphaFrequencyNoise
    assert augkit.BlendAlpha is BlendAlpha


def test_first_and_second_are_foreground_and_background():
    from augkit import augmenters as iaa

    assert (iaa.Alpha(0.5, first=add(100))(image=ZEROS) == 50).all()
    assert (iaa.Alpha(0.0, first=add(100), second=add(10))(image=ZEROS) == 10).all()
    readme = iaa.FrequencyNoiseAlpha(exponent=(-4, 0), first=add(50), second=add(10), seed=1)
    out = readme(image=ZEROS)
    assert out.min() >= 10 and out.max() <= 50
    assert (iaa.SimplexNoiseAlpha(first=add(30), seed=2)(image=ZEROS) <= 30).all()


# ----------------------------------------------------------------- bad arguments


@pytest.mark.parametrize(("build", "name"), [
    (lambda: BlendAlpha(1.5, add(1)), "factor"),
    (lambda: BlendAlpha("x", add(1)), "factor"),
    (lambda: BlendAlpha(0.5, add(1), per_channel="yes"), "per_channel"),
    (lambda: BlendAlpha(0.5), "foreground, background"),
    (lambda: BlendAlpha(0.5, foreground=add(1), first=add(2)), "first"),
    (lambda: BlendAlpha(0.5, background=add(1), second=add(2)), "second"),
    (lambda: BlendAlpha(0.5, foreground=3), "foreground"),
    (lambda: BlendAlphaMask("checkerboard", add(1)), "mask_generator"),
    (lambda: BlendAlphaElementwise(-0.1, add(1)), "factor"),
    (lambda: BlendAlphaSimplexNoise(add(1), size_px_max=0), "size_px_max"),
    (lambda: BlendAlphaSimplexNoise(add(1), upscale_method="bicubic"), "upscale_method"),
    (lambda: BlendAlphaSimplexNoise(add(1), aggregation_method="median"),
     "aggregation_method"),
    (lambda: BlendAlphaSimplexNoise(add(1), iterations=0), "iterations"),
    (lambda: BlendAlphaSimplexNoise(add(1), sigmoid="on"), "sigmoid"),
    (lambda: BlendAlphaFrequencyNoise("low", add(1)), "exponent"),
    (lambda: BlendAlphaFrequencyNoise(foreground=add(1), sigmoid=False, sigmoid_thresh="x"),
     "sigmoid_thresh"),
    (lambda: BlendAlphaSomeColors(add(1), nb_bins=0), "nb_bins"),
    (lambda: BlendAlphaSomeColors(add(1), smoothness=2.0), "smoothness"),
    (lambda: BlendAlphaSomeColors(add(1), from_colorspace="CMYK"), "from_colorspace"),
    (lambda: BlendAlphaHorizontalLinearGradient(add(1), min_value=1.2), "min_value"),
    (lambda: BlendAlphaVerticalLinearGradient(add(1), end_at=-1), "end_at"),
    (lambda: BlendAlphaRegularGrid(0, 2, add(1)), "nb_rows"),
    (lambda: BlendAlphaRegularGrid(2, 2, add(1), alpha=3), "alpha"),
    (lambda: BlendAlphaCheckerboard(2, "x", add(1)), "nb_cols"),
    (lambda: BlendAlphaSegMapClassIds((1, 3), add(1)), "class_ids"),
    (lambda: BlendAlphaSegMapClassIds(1, add(1), nb_sample_classes=-1), "nb_sample_classes"),
    (lambda: BlendAlphaBoundingBoxes(3, add(1)), "labels"),
    (lambda: BlendAlphaBoundingBoxes(["a"], add(1), nb_sample_labels="x"), "nb_sample_labels"),
    (lambda: InvertMaskGen(0.5, object()), "child"),
])
def test_bad_arguments_name_themselves(build, name):
    with pytest.raises((ParameterError, ParameterTypeError), match=re.escape(name)):
        build()


# ----------------------------------------------------------------- elementwise and noise


def test_elementwise_masks_vary_per_pixel():
    out = BlendAlphaElementwise((0.0, 1.0), add(200), seed=1)(
        image=np.zeros((32, 32, 1), np.uint8))
    assert len(np.unique(out)) > 50
    assert (out[..., 0] != out[0, 0, 0]).any()


def test_elementwise_per_channel_masks_differ_between_channels():
    out = BlendAlphaElementwise((0.0, 1.0), add(200), per_channel=True, seed=1)(
        image=np.zeros((16, 16, 3), np.uint8))
    assert not np.array_equal(out[..., 0], out[..., 1])
    same = BlendAlphaElementwise((0.0, 1.0), add(200), seed=1)(
        image=np.zeros((16, 16, 3), np.uint8))
    assert np.array_equal(same[..., 0], same[..., 1])


@pytest.mark.parametrize("cls", [BlendAlphaSimplexNoise, BlendAlphaFrequencyNoise])
def test_noise_masks_stay_in_range_and_vary(cls):
    aug = cls(foreground=add(100), seed=4)
    outs = aug(images=np.zeros((6, 32, 32, 3), np.uint8))
    assert all(o.min() >= 0 and o.max() <= 100 for o in outs)
    assert any(len(np.unique(o)) > 2 for o in outs)


def test_noise_defaults_are_imgaugs():
    simplex = BlendAlphaSimplexNoise(add(1)).factor
    assert isinstance(simplex, iap.Sigmoid) and simplex.mul == 20 and simplex.add == -10
    assert simplex.threshold == iap.Normal(0.0, 5.0)
    aggregator = simplex.other_param
    assert isinstance(aggregator, iap.IterativeNoiseAggregator)
    assert aggregator.aggregation_method == iap.Deterministic("max")
    assert isinstance(aggregator.other_param, iap.SimplexNoise)
    one = BlendAlphaFrequencyNoise(foreground=add(1), iterations=1, sigmoid=False).factor
    assert isinstance(one, iap.FrequencyNoise)


# ----------------------------------------------------------------- mask-based kinds


def test_mask_blending_picks_keypoints_pointwise():
    image = np.zeros((4, 8, 3), dtype=np.uint8)
    kps = KeypointsOnImage.from_xy_array(np.array([[1.5, 1.5], [6.5, 1.5]], np.float32),
                                         shape=image.shape)
    out, kps_aug = BlendAlphaCheckerboard(1, 2, flip())(image=image, keypoints=kps)
    # Left half: mask 1 -> flipped; right half: mask 0 -> unchanged.
    assert np.allclose(kps_aug.to_xy_array(), [[6.5, 1.5], [6.5, 1.5]])


def test_mask_blending_mixes_segmentation_maps_per_pixel():
    ids = np.tile(np.arange(8, dtype=np.int32), (2, 1))
    segmap = SegmentationMapsOnImage(ids, shape=(2, 8, 3))
    _, out = BlendAlphaCheckerboard(1, 2, flip())(image=np.zeros((2, 8, 3), np.uint8),
                                                  segmentation_maps=segmap)
    arr = out.get_arr()
    assert arr[0].tolist() == [7, 6, 5, 4, 4, 5, 6, 7]


def test_blend_of_mask_gradient_along_width():
    aug = BlendAlphaHorizontalLinearGradient(add(100), min_value=0.0, max_value=1.0,
                                             start_at=0.0, end_at=1.0)
    out = aug(image=np.zeros((2, 5, 1), np.uint8))
    assert out[0, :, 0].tolist() == [0, 25, 50, 75, 100]
    assert np.array_equal(out[0], out[1])


gradient_params = st.tuples(st.floats(0, 0.5), st.floats(0.5, 1), st.floats(0, 0.5),
                            st.floats(0.5, 1), st.integers(1, 40), st.integers(1, 40))


@settings(max_examples=40, deadline=None)
@given(gradient_params)
def test_gradients_increase_along_their_axis(params):
    low, high, start, end, height, width = params
    horizontal = HorizontalLinearGradientMaskGen.generate_mask((height, width), low, high,
                                                               start, end)
    vertical = VerticalLinearGradientMaskGen.generate_mask((height, width), low, high,
                                                           start, end)
    assert horizontal.shape == vertical.shape == (height, width)
    assert horizontal.dtype == np.float32
    assert (np.diff(horizontal, axis=1) >= -1e-6).all()
    assert (np.diff(vertical, axis=0) >= -1e-6).all()
    assert (horizontal == horizontal[:1]).all() and (vertical == vertical[:, :1]).all()
    assert horizontal.min() >= low - 1e-6 and horizontal.max() <= high + 1e-6


def test_gradient_end_before_start_inverts():
    mask = HorizontalLinearGradientMaskGen.generate_mask((1, 4), 0.0, 1.0, 1.0, 0.0)
    assert (np.diff(mask[0]) <= 0).all() and mask[0, 0] == 1.0


def test_gradient_generator_draws_per_row():
    masks = VerticalLinearGradientMaskGen().draw_masks(_rows((8, 3, 3), (5, 2, 1)),
                                                       np.random.default_rng(0))
    assert [m.shape for m in masks] == [(8, 3), (5, 2)]
    assert all((np.diff(m, axis=0) >= 0).all() for m in masks)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.integers(1, 5), st.integers(1, 5))
def test_checkerboard_alternates(nb_rows, nb_cols, cell_h, cell_w):
    mask = CheckerboardMaskGen.generate_mask((nb_rows * cell_h, nb_cols * cell_w), nb_rows,
                                             nb_cols)
    cells = mask[::cell_h, ::cell_w]
    assert cells.shape == (nb_rows, nb_cols)
    assert cells[0, 0] == 1.0
    expected = (np.add.outer(np.arange(nb_rows), np.arange(nb_cols)) % 2 == 0)
    assert np.array_equal(cells, expected.astype(np.float32))
    assert np.array_equal(mask, np.repeat(np.repeat(cells, cell_h, 0), cell_w, 1))


def test_checkerboard_blend_alternates_cells():
    out = BlendAlphaCheckerboard(2, 2, add(100))(image=np.zeros((4, 4), np.uint8))
    assert out.tolist() == [[100, 100, 0, 0], [100, 100, 0, 0],
                            [0, 0, 100, 100], [0, 0, 100, 100]]


def test_regular_grid_cells_are_constant_and_cover_the_image():
    masks = RegularGridMaskGen((2, 4), (2, 4), alpha=[0.0, 0.5, 1.0]).draw_masks(
        _rows((13, 11, 3), (7, 9, 1)), np.random.default_rng(1))
    for mask, shape in zip(masks, [(13, 11), (7, 9)]):
        assert mask.shape == shape and set(np.unique(mask)) <= {0.0, 0.5, 1.0}
    mask = RegularGridMaskGen.generate_mask((5, 4), 2, 2, np.array([0.0, 0.2, 0.4, 0.6]))
    # 2-pixel cells; the leftover row (bottom) mirrors the cells before it.
    assert mask[:, 0].tolist() == pytest.approx([0.0, 0.0, 0.4, 0.4, 0.4])
    mask = RegularGridMaskGen.generate_mask((6, 1), 4, 1, np.array([0.0, 0.25, 0.5, 0.75]))
    # 1-pixel cells; two leftover rows split top and bottom, mirrored.
    assert mask[:, 0].tolist() == pytest.approx([0.25, 0.0, 0.25, 0.5, 0.75, 0.5])


def test_grid_larger_than_image_is_capped():
    mask = RegularGridMaskGen.generate_mask((2, 3), 10, 10, np.arange(100) / 100)
    assert mask.shape == (2, 3)


def test_invert_mask_generator():
    rows = _rows((3, 4, 1))
    base = HorizontalLinearGradientMaskGen(0.0, 1.0, 0.0, 1.0)
    inverted = InvertMaskGen(1.0, base).draw_masks(rows, np.random.default_rng(0))[0]
    assert np.allclose(inverted, 1.0 - base.draw_masks(rows, np.random.default_rng(0))[0])
    kept = InvertMaskGen(0.0, base).draw_masks(rows, np.random.default_rng(0))[0]
    assert np.allclose(kept, base.draw_masks(rows, np.random.default_rng(0))[0])


def test_stochastic_parameter_mask_gen_per_channel_shapes():
    gen = StochasticParameterMaskGen(iap.Uniform(0, 1), per_channel=True)
    masks = gen.draw_masks(_rows((4, 5, 3), (4, 5, 1)), np.random.default_rng(0))
    assert [m.shape for m in masks] == [(4, 5, 3), (4, 5)]
    assert all(m.dtype == np.float32 for m in masks)


def test_segmap_class_ids_cover_the_class_area():
    ids = np.zeros((6, 8), dtype=np.int32)
    ids[1:3, 2:5] = 1
    ids[4:, :] = 3
    ids[0, 0] = 2
    segmap = SegmentationMapsOnImage(ids, shape=(6, 8, 3))
    out, _ = BlendAlphaSegMapClassIds([1, 3], add(100))(image=np.zeros((6, 8, 3), np.uint8),
                                                         segmentation_maps=segmap)
    assert np.array_equal(out[..., 0] == 100, np.isin(ids, [1, 3]))
    assert set(np.unique(out)) == {0, 100}


def test_segmap_class_ids_sampled_and_missing_maps():
    ids = np.arange(4, dtype=np.int32).reshape(2, 2)
    segmap = SegmentationMapsOnImage(ids, shape=(2, 2, 1))
    aug = BlendAlphaSegMapClassIds((1, 3), add(100), nb_sample_classes=1, seed=0)
    out, _ = aug(image=np.zeros((2, 2, 1), np.uint8), segmentation_maps=segmap)
    assert (out == 100).sum() == 1 and out.reshape(-1)[0] == 0
    # No segmentation maps: nothing is marked, the background branch shows.
    assert (BlendAlphaSegMapClassIds(1, add(100))(image=ZEROS) == 0).all()


def test_segmap_class_ids_on_a_smaller_map_are_resized():
    segmap = SegmentationMapsOnImage(np.array([[1, 0]], np.int32), shape=(4, 8, 1))
    out, _ = BlendAlphaSegMapClassIds(1, add(100))(image=np.zeros((4, 8, 1), np.uint8),
                                                   segmentation_maps=segmap)
    assert (out[:, 0] == 100).all() and (out[:, -1] == 0).all()


def test_bounding_boxes_mask_covers_the_boxes_with_labels():
    image = np.zeros((10, 10, 3), np.uint8)
    bbs = BoundingBoxesOnImage([BoundingBox(1, 1, 4, 5, label="person"),
                                BoundingBox(6, 6, 9, 9, label="car")], shape=image.shape)
    out, _ = BlendAlphaBoundingBoxes("person", add(100))(image=image, bounding_boxes=bbs)
    expected = np.zeros((10, 10), bool)
    expected[1:5, 1:4] = True
    assert np.array_equal(out[..., 0] == 100, expected)
    out_all, _ = BlendAlphaBoundingBoxes(None, add(100))(image=image, bounding_boxes=bbs)
    expected[6:9, 6:9] = True
    assert np.array_equal(out_all[..., 0] == 100, expected)
    out_none = BlendAlphaBoundingBoxes(None, add(100))(image=image)
    assert (out_none == 0).all()


def test_bounding_boxes_sampled_labels():
    image = np.zeros((10, 10, 1), np.uint8)
    bbs = BoundingBoxesOnImage([BoundingBox(0, 0, 5, 10, label="a"),
                                BoundingBox(5, 0, 10, 10, label="b")], shape=image.shape)
    aug = BlendAlphaBoundingBoxes(["a", "b"], add(100), nb_sample_labels=1, seed=3)
    for _ in range(5):
        out, _ = aug(image=image, bounding_boxes=bbs)
        assert (out == 100).sum() == 50


def test_some_colors_mask_follows_hue():
    image = np.zeros((4, 8, 3), np.uint8)
    image[:, :4] = (255, 0, 0)
    image[:, 4:] = (0, 0, 255)
    aug = BlendAlphaSomeColors(add(50), nb_bins=2, smoothness=0.0, alpha=[0.0, 1.0],
                               rotation_deg=0, seed=0)
    for _ in range(5):
        out = aug(image=image).astype(int) - image
        left, right = np.unique(out[:, :4, 1]), np.unique(out[:, 4:, 1])
        assert len(left) == 1 and len(right) == 1, "one alpha per colour"
        assert left[0] in (0, 50) and right[0] in (0, 50)


def test_some_colors_gray_and_single_channel_images():
    aug = BlendAlphaSomeColors(add(50), alpha=1.0)
    assert (aug(image=np.zeros((3, 3), np.uint8)) == 50).all()
    gray = BlendAlphaSomeColors(add(50), alpha=1.0, from_colorspace="GRAY")
    assert (gray(image=np.zeros((3, 3, 3), np.uint8)) == 50).all()
    bgr = BlendAlphaSomeColors(add(50), alpha=1.0, from_colorspace="BGR")
    assert (bgr(image=np.zeros((3, 3, 3), np.uint8)) == 50).all()


def test_some_colors_rejects_non_uint8():
    with pytest.raises(UnsupportedDtypeError, match="float32"):
        BlendAlphaSomeColors(add(1))(image=np.zeros((3, 3, 3), np.float32))


def test_mask_blend_per_channel_masks_on_uint8_and_float():
    for dtype in (np.uint8, np.float32, np.uint16):
        image = np.zeros((8, 8, 3), dtype)
        aug = BlendAlphaElementwise(0.5, augkit.Lambda(
            func_images=lambda ims, *_: [i + 2 for i in ims]), per_channel=True)
        out = aug(image=image)
        assert out.dtype == dtype and np.allclose(out, 1)


# ----------------------------------------------------------------- documentation


@pytest.mark.parametrize("cls", BLEND_AUGMENTERS, ids=lambda c: c.__name__)
def test_docstrings_state_supported_data_and_parameters(cls):
    doc = re.sub(r"\s+", " ", cls.__doc__)
    assert cls.supported_data() in doc
    assert "{" + "branches}" not in doc and "{" + "mask_note}" not in doc
    assert "foreground" in doc and "Examples" in doc


@settings(max_examples=40, deadline=None)
@given(image=images(dtypes=("uint8", "float32", "uint16"), channels=(1, 3, 4, 5)),
       mask_kind=st.sampled_from(["2d", "hw1", "hwc", "channels"]), seed=st.integers(0, 99))
def test_fast_blend_paths_match_exact_blending(image, mask_kind, seed):
    from augkit.blend import _blend_pixels
    from augkit.pixels import blend

    rng = np.random.default_rng(seed)
    other = np.ascontiguousarray(image[::-1, ::-1])
    height, width, channels = image.shape
    shapes = {"2d": (height, width), "hw1": (height, width, 1),
              "hwc": (height, width, channels), "channels": (channels,)}
    alpha = rng.random(shapes[mask_kind], dtype=np.float32)
    fast = _blend_pixels(image, other, alpha)
    exact = blend(image, other, alpha)
    assert fast.shape == image.shape and fast.dtype == image.dtype
    tolerance = 1 if image.dtype == np.uint8 else 1e-5 if image.dtype.kind == "f" else 0
    assert np.abs(fast.astype(np.float64) - exact.astype(np.float64)).max() <= tolerance
