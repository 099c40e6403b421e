"""Hue and saturation: AddTo*/Multiply*/RemoveSaturation and WithHueAndSaturation.

Augmenters given ``from_colorspace="HSV"`` read HSV images and convert nothing, so
their hue and saturation tables can be checked exactly; in RGB the HSV round trip
adds its rounding on top.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import augkit
from augkit import InputError, ParameterError
from augkit import augmenters as iaa
from augkit.testing import images

rgb_images = images(channels=(3,), max_side=24)


@st.composite
def hsv_images(draw, max_side: int = 16) -> np.ndarray:
    """uint8 HSV images with OpenCV's hue range [0, 180)."""
    image = draw(images(channels=(3,), max_side=max_side)).copy()
    image[:, :, 0] %= 180
    return image


def hsv_round_trip(image: np.ndarray) -> np.ndarray:
    there = iaa.ChangeColorspace("HSV")(image=image)
    return iaa.ChangeColorspace("RGB", from_colorspace="HSV")(image=there)


def hue_shift(value: int) -> int:
    """OpenCV hue units of an AddToHue value: 255 is a full turn, truncated (imgaug)."""
    return int(value * 180 / 255)


# --------------------------------------------------------------------- hue, exact in HSV
@given(hsv=hsv_images(), value=st.integers(-255, 255))
def test_add_to_hue_turns_hue_around_the_circle_and_keeps_s_and_v(hsv, value):
    out = iaa.AddToHue(value, from_colorspace="HSV")(image=hsv)
    expected = (hsv[:, :, 0].astype(int) + hue_shift(value)) % 180
    assert np.array_equal(out[:, :, 0], expected)
    assert np.array_equal(out[:, :, 1:], hsv[:, :, 1:])


@given(hsv=hsv_images(), value=st.sampled_from([0, 255, -255]))
def test_hue_shifts_of_zero_and_of_a_full_turn_are_the_identity(hsv, value):
    assert np.array_equal(iaa.AddToHue(value, from_colorspace="HSV")(image=hsv), hsv)


@given(hsv=hsv_images(), value=st.integers(0, 255))
def test_hue_shifts_a_full_turn_apart_agree_within_one_hue_step(hsv, value):
    # 255 apart is one turn; truncating v * 180 / 255 toward zero (as imgaug does) can
    # land the two one OpenCV hue unit (2 degrees) apart
    a = iaa.AddToHue(value, from_colorspace="HSV")(image=hsv)[:, :, 0].astype(int)
    b = iaa.AddToHue(value - 255, from_colorspace="HSV")(image=hsv)[:, :, 0].astype(int)
    distance = np.minimum((a - b) % 180, (b - a) % 180)
    assert distance.max() <= 1


@given(hsv=hsv_images(), value=st.integers(-255, 255))
def test_add_to_saturation_clips_to_the_uint8_range(hsv, value):
    out = iaa.AddToSaturation(value, from_colorspace="HSV")(image=hsv)
    assert np.array_equal(out[:, :, 1], np.clip(hsv[:, :, 1].astype(int) + value, 0, 255))
    assert np.array_equal(out[:, :, [0, 2]], hsv[:, :, [0, 2]])


@given(hsv=hsv_images(), mul=st.floats(0.0, 10.0))
def test_multiply_saturation_scales_and_clips(hsv, mul):
    out = iaa.MultiplySaturation(mul, from_colorspace="HSV")(image=hsv)
    assert np.array_equal(out[:, :, 1], np.clip(np.rint(hsv[:, :, 1] * mul), 0, 255))
    assert np.array_equal(out[:, :, [0, 2]], hsv[:, :, [0, 2]])


@given(hsv=hsv_images())
def test_factors_of_one_are_the_identity_in_hsv(hsv):
    for aug in (iaa.MultiplyHue(1.0, from_colorspace="HSV"),
                iaa.MultiplySaturation(1.0, from_colorspace="HSV"),
                iaa.MultiplyHueAndSaturation(mul=1.0, from_colorspace="HSV"),
                iaa.AddToHueAndSaturation(0, from_colorspace="HSV"),
                iaa.WithHueAndSaturation(augkit.Identity(), from_colorspace="HSV")):
        assert np.array_equal(aug(image=hsv), hsv), aug


# --------------------------------------------------------------------- in RGB
@given(image=rgb_images)
def test_add_to_hue_255_is_almost_the_identity(image):
    out = iaa.AddToHue(255)(image=image)
    assert np.array_equal(out, hsv_round_trip(image))


@given(image=rgb_images, value=st.integers(-255, 255))
def test_hue_shifts_keep_gray_pixels_and_the_brightest_channel(image, value):
    out = iaa.AddToHue(value)(image=image)
    assert np.array_equal(out.max(axis=2), image.max(axis=2))   # V of HSV
    gray = np.repeat(image[:, :, :1], 3, axis=2)
    assert np.array_equal(iaa.AddToHue(value)(image=gray), gray)


@given(image=rgb_images)
def test_removing_all_saturation_makes_pixels_gray(image):
    for aug in (iaa.RemoveSaturation(1.0), iaa.MultiplySaturation(0.0),
                iaa.AddToSaturation(-255)):
        out = aug(image=image)
        assert np.array_equal(out[:, :, 0], out[:, :, 1]), aug
        assert np.array_equal(out[:, :, 1], out[:, :, 2]), aug
        assert np.array_equal(out[:, :, 0], image.max(axis=2)), aug   # V is kept


@given(image=rgb_images)
def test_with_hue_and_saturation_and_a_no_op_child_is_the_hsv_round_trip(image):
    out = iaa.WithHueAndSaturation(augkit.Identity())(image=image)
    assert np.array_equal(out, hsv_round_trip(image))


# --------------------------------------------------------------------- exact values
def test_hue_exact_values():
    red = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    assert iaa.AddToHue(85)(image=red).tolist() == [[[0, 255, 0]]]
    assert iaa.AddToHue(-85)(image=red).tolist() == [[[0, 0, 255]]]
    assert iaa.MultiplyHue(2.0)(image=red).tolist() == [[[255, 0, 0]]]
    pink = np.full((1, 1, 3), (200, 100, 100), dtype=np.uint8)
    assert iaa.RemoveSaturation()(image=pink).tolist() == [[[200, 200, 200]]]
    light = np.full((1, 1, 3), (255, 127, 127), dtype=np.uint8)
    assert iaa.AddToSaturation(-255)(image=light).tolist() == [[[255, 255, 255]]]


def test_readme_hue_example_and_rgba_alpha_untouched():
    rgba = np.random.default_rng(2).integers(0, 256, (8, 8, 4), dtype=np.uint8)
    for aug in (iaa.AddToHueAndSaturation((-20, 20)), iaa.MultiplyHueAndSaturation(),
                iaa.WithHueAndSaturation(augkit.Identity())):
        assert np.array_equal(aug(image=rgba)[:, :, 3], rgba[:, :, 3]), aug


def test_with_hue_and_saturation_children_see_int16():
    seen = []

    def record(images, *_):
        seen.extend(images)
        return images
    img = np.full((2, 2, 3), (255, 0, 0), dtype=np.uint8)
    out = iaa.WithHueAndSaturation(augkit.Lambda(func_images=record))(image=img)
    assert seen[0].dtype == np.int16 and seen[0].shape == (2, 2, 2)
    assert seen[0][0, 0].tolist() == [0, 255]
    assert np.array_equal(out, img)


def test_with_hue_and_saturation_wraps_hue_and_clips_saturation():
    # red (hue 0, saturation 255) + 255 on the 0..255 hue scale is red again;
    # +100 on saturation is clipped
    add = augkit.Lambda(func_images=lambda images, *_: [i + np.int16(255) for i in images])
    red = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    assert iaa.WithHueAndSaturation(add)(image=red).tolist() == [[[255, 0, 0]]]


# --------------------------------------------------------------------- errors
def test_hue_of_gray_image_raises_naming_augmenter_and_channels():
    gray = np.zeros((4, 4, 1), dtype=np.uint8)
    with pytest.raises(InputError, match=r"AddToHue.*1 channel"):
        iaa.AddToHue()(image=gray)
    with pytest.raises(InputError, match="WithHueAndSaturation"):
        iaa.WithHueAndSaturation(augkit.Identity())(image=gray)


def test_hue_argument_errors():
    with pytest.raises(ParameterError, match="value_hue"):
        iaa.AddToHueAndSaturation(value_hue=300)
    with pytest.raises(ParameterError, match="value"):
        iaa.AddToHueAndSaturation(value=10, value_hue=5)
    with pytest.raises(ParameterError, match="mul_saturation"):
        iaa.MultiplyHueAndSaturation(mul_saturation=-1)
