"""WithBrightnessChannels, MultiplyAndAddToBrightness, MultiplyBrightness, AddToBrightness."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import augkit
from augkit import InputError
from augkit import augmenters as iaa
from augkit.testing import images

#: Luma spaces: brightness changes go straight to R, G and B (no colour round trip).
LUMA_SPACES = ("YCrCb", "YUV")
#: Spaces whose brightness channel is changed through a colour space round trip.
ROUND_TRIP_SPACES = ("HSV", "HLS", "Lab", "Luv")


def round_trip(image: np.ndarray, space: str) -> np.ndarray:
    """RGB -> *space* -> RGB, through the public ChangeColorspace."""
    there = iaa.ChangeColorspace(space)(image=image)
    return iaa.ChangeColorspace("RGB", from_colorspace=space)(image=there)


# --------------------------------------------------------------------- properties
@given(image=images(channels=(1, 3, 4), max_side=16), space=st.sampled_from(LUMA_SPACES))
def test_factor_one_and_offset_zero_are_the_identity_in_luma_spaces(image, space):
    for aug in (iaa.MultiplyBrightness(1.0, to_colorspace=space),
                iaa.AddToBrightness(0, to_colorspace=space),
                iaa.MultiplyAndAddToBrightness(mul=1.0, add=0, to_colorspace=space)):
        out = aug(image=image)
        assert np.array_equal(out, image), aug
        assert not np.shares_memory(out, image)


@given(image=images(channels=(3,), max_side=16), space=st.sampled_from(ROUND_TRIP_SPACES))
def test_factor_one_elsewhere_only_costs_the_colour_space_round_trip(image, space):
    out = iaa.MultiplyBrightness(1.0, to_colorspace=space)(image=image)
    assert np.array_equal(out, round_trip(image, space))


@given(image=images(channels=(3, 4), max_side=16), mul=st.floats(1.0, 3.0),
       add=st.integers(0, 100), space=st.sampled_from(LUMA_SPACES))
def test_raising_luma_never_darkens_a_channel(image, mul, add, space):
    aug = iaa.MultiplyAndAddToBrightness(mul=mul, add=add, to_colorspace=space, seed=0)
    assert np.all(aug(image=image) >= image)


@given(image=images(channels=(3, 4), max_side=16), mul=st.floats(0.0, 1.0),
       add=st.integers(-100, 0), space=st.sampled_from(LUMA_SPACES))
def test_lowering_luma_never_brightens_a_channel(image, mul, add, space):
    aug = iaa.MultiplyAndAddToBrightness(mul=mul, add=add, to_colorspace=space, seed=0)
    assert np.all(aug(image=image) <= image)


@given(image=images(channels=(1,), max_side=16), add=st.integers(-255, 255),
       mul=st.floats(0.0, 3.0))
def test_one_channel_images_are_their_own_brightness(image, add, mul):
    out = iaa.AddToBrightness(add)(image=image)
    assert np.array_equal(out, np.clip(image.astype(int) + add, 0, 255))
    out = iaa.MultiplyBrightness(mul)(image=image)
    assert np.array_equal(out, np.clip(np.rint(image * mul), 0, 255))


@given(hsv=images(channels=(3,), max_side=16), mul=st.floats(0.0, 3.0))
def test_in_its_own_colour_space_only_the_brightness_channel_changes(hsv, mul):
    hsv = hsv.copy()
    hsv[:, :, 0] %= 180   # OpenCV's uint8 hue
    aug = iaa.MultiplyBrightness(mul, to_colorspace="HSV", from_colorspace="HSV")
    out = aug(image=hsv)
    assert np.array_equal(out[:, :, :2], hsv[:, :, :2])
    assert np.array_equal(out[:, :, 2], np.clip(np.rint(hsv[:, :, 2] * mul), 0, 255))


@given(gray=images(channels=(1,), max_side=16), mul=st.floats(0.0, 3.0),
       add=st.integers(-100, 100), space=st.sampled_from(LUMA_SPACES))
def test_gray_images_stay_gray(gray, mul, add, space):
    aug = iaa.MultiplyAndAddToBrightness(mul=mul, add=add, to_colorspace=space, seed=0)
    out = aug(image=np.dstack([gray, gray, gray]))
    assert np.array_equal(out[:, :, 0], out[:, :, 1])
    assert np.array_equal(out[:, :, 1], out[:, :, 2])


@given(image=images(channels=(1,), max_side=16), gamma=st.floats(0.2, 3.0))
def test_with_brightness_channels_hands_gray_images_to_the_children(image, gamma):
    aug = iaa.WithBrightnessChannels(iaa.GammaContrast(gamma))
    assert np.array_equal(aug(image=image), iaa.GammaContrast(gamma)(image=image))


@given(image=images(channels=(3, 4), max_side=16), space=st.sampled_from(LUMA_SPACES))
def test_with_brightness_channels_and_a_no_op_child_is_the_identity_in_luma_spaces(image,
                                                                                   space):
    aug = iaa.WithBrightnessChannels(augkit.Identity(), to_colorspace=space)
    assert np.array_equal(aug(image=image), image)


# --------------------------------------------------------------------- exact values
def test_brightness_exact_values():
    aug = iaa.MultiplyAndAddToBrightness(mul=2.0, add=10, to_colorspace="YCrCb",
                                         random_order=False)
    assert aug(image=np.full((1, 1, 3), 50, np.uint8)).tolist() == [[[110, 110, 110]]]
    aug = iaa.MultiplyBrightness(0.5, to_colorspace="HSV")
    assert aug(image=np.full((1, 1, 3), (200, 100, 0), np.uint8)).tolist() == [[[100, 50, 0]]]


def test_with_brightness_channels_exact_value():
    aug = iaa.WithBrightnessChannels(iaa.GammaContrast(2.0), to_colorspace="YCrCb")
    assert aug(image=np.full((1, 1, 3), 128, dtype=np.uint8)).tolist() == [[[64, 64, 64]]]


def test_brightness_keeps_the_alpha_channel():
    rgba = np.random.default_rng(2).integers(0, 256, (8, 8, 4), dtype=np.uint8)
    for aug in (iaa.MultiplyAndAddToBrightness(), iaa.WithBrightnessChannels(
            iaa.GammaContrast(1.5))):
        assert np.array_equal(aug(image=rgba)[:, :, 3], rgba[:, :, 3]), aug


# --------------------------------------------------------------------- errors
def test_children_that_resize_the_brightness_channel_are_rejected():
    def crop(images, *_):
        return [image[:1] for image in images]

    aug = iaa.WithBrightnessChannels(augkit.Lambda(func_images=crop))
    with pytest.raises(InputError, match="WithBrightnessChannels.*height and width"):
        aug(image=np.zeros((4, 4, 3), np.uint8))


def test_brightness_spaces_are_checked():
    with pytest.raises(augkit.ParameterError, match="to_colorspace"):
        iaa.MultiplyBrightness(to_colorspace="BGR")
    with pytest.raises(augkit.ParameterError, match="mul"):
        iaa.MultiplyBrightness(-1.0)
