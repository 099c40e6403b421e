"""WithColorspace, ChangeColorspace and Grayscale."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import augkit
from augkit import InputError, ParameterError
from augkit import augmenters as iaa
from augkit.testing import images

#: Every colour space but RGB (the input's) and GRAY (not invertible).
SPACES = ("BGR", "CIE", "YCrCb", "HSV", "HLS", "Lab", "Luv", "YUV")


def round_trip(image: np.ndarray, space: str) -> np.ndarray:
    there = iaa.ChangeColorspace(space)(image=image)
    return iaa.ChangeColorspace("RGB", from_colorspace=space)(image=there)


# --------------------------------------------------------------------- Grayscale
@given(image=images(channels=(3, 4), max_side=24))
def test_grayscale_alpha_one_gives_equal_channels(image):
    out = iaa.Grayscale(alpha=1.0)(image=image)
    assert np.array_equal(out[:, :, 0], out[:, :, 1])
    assert np.array_equal(out[:, :, 1], out[:, :, 2])


@given(image=images(dtypes=("float32",), channels=(3,), max_side=12))
def test_grayscale_alpha_one_gives_equal_channels_on_float32(image):
    out = iaa.Grayscale(alpha=1.0)(image=image)
    assert out.dtype == np.float32
    assert np.array_equal(out[:, :, 0], out[:, :, 1])
    assert np.array_equal(out[:, :, 1], out[:, :, 2])


@given(image=images(dtypes=("uint8", "float32"), channels=(1, 3, 4), max_side=16))
def test_grayscale_alpha_zero_is_the_identity(image):
    out = iaa.Grayscale(alpha=0.0)(image=image)
    assert np.array_equal(out, image) and not np.shares_memory(out, image)


@given(image=images(channels=(3,), max_side=16))
def test_grayscale_of_a_gray_image_changes_nothing(image):
    gray = iaa.Grayscale(alpha=1.0)(image=image)
    assert np.array_equal(iaa.Grayscale(alpha=1.0)(image=gray), gray)


@given(image=images(channels=(3,), max_side=16), alpha=st.floats(0.0, 1.0))
def test_partial_grayscale_lies_between_the_image_and_its_gray(image, alpha):
    gray = iaa.Grayscale(alpha=1.0)(image=image).astype(int)
    out = iaa.Grayscale(alpha=alpha)(image=image).astype(int)
    low, high = np.minimum(image, gray), np.maximum(image, gray)
    assert np.all(out >= low - 1) and np.all(out <= high + 1)


def test_grayscale_exact_and_gray_input():
    img = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    assert iaa.Grayscale(alpha=1.0)(image=img).tolist() == [[[76, 76, 76]]]
    gray = np.arange(4, dtype=np.uint8).reshape(2, 2)
    assert np.array_equal(iaa.Grayscale()(image=gray), gray)


def test_grayscale_keeps_the_alpha_channel():
    rgba = np.random.default_rng(2).integers(0, 256, (8, 8, 4), dtype=np.uint8)
    assert np.array_equal(iaa.Grayscale(alpha=(0.0, 1.0))(image=rgba)[:, :, 3], rgba[:, :, 3])


# --------------------------------------------------------------------- ChangeColorspace
@given(image=images(dtypes=("uint8", "float32"), channels=(3, 4), max_side=16),
       space=st.sampled_from(SPACES + ("GRAY",)))
def test_change_colorspace_alpha_zero_is_the_identity(image, space):
    assert np.array_equal(iaa.ChangeColorspace(space, alpha=0.0)(image=image), image)


@given(image=images(channels=(3, 4), max_side=16))
def test_swapping_to_bgr_twice_is_the_identity(image):
    bgr = iaa.ChangeColorspace("BGR")(image=image)
    assert np.array_equal(bgr[:, :, :3], image[:, :, 2::-1])
    assert np.array_equal(iaa.ChangeColorspace("RGB", from_colorspace="BGR")(image=bgr), image)


def test_change_colorspace_and_with_colorspace():
    red = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    assert iaa.ChangeColorspace("BGR")(image=red).tolist() == [[[0, 0, 255]]]
    aug = iaa.WithColorspace(to_colorspace="HSV", from_colorspace="RGB",
                             children=iaa.WithChannels(0, iaa.LinearContrast(1.0)))
    assert np.array_equal(aug(image=red), red)
    with pytest.raises(ParameterError, match="to_colorspace"):
        iaa.WithColorspace(to_colorspace="CMYK")


def test_change_colorspace_needs_colour_images():
    with pytest.raises(InputError, match="ChangeColorspace.*1 channel"):
        iaa.ChangeColorspace("HSV")(image=np.zeros((4, 4, 1), np.uint8))


# --------------------------------------------------------------------- WithColorspace
@given(image=images(channels=(3, 4), max_side=16), space=st.sampled_from(SPACES))
def test_with_colorspace_and_a_no_op_child_is_the_colour_space_round_trip(image, space):
    out = iaa.WithColorspace(space, children=augkit.Identity())(image=image)
    assert np.array_equal(out[:, :, :3], round_trip(image[:, :, :3], space))
    assert np.array_equal(out[:, :, 3:], image[:, :, 3:])


@given(image=images(channels=(3, 4), max_side=16))
def test_with_colorspace_rgb_and_no_children_is_the_identity(image):
    assert np.array_equal(iaa.WithColorspace("RGB")(image=image), image)


def test_with_colorspace_children_work_on_the_converted_channels():
    # hue is channel 0 of HSV: a 60 degree turn (30 OpenCV units) makes red yellow
    red = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    shift = augkit.Lambda(func_images=lambda images, *_: [i + np.uint8(30) for i in images])
    aug = iaa.WithColorspace("HSV", children=augkit.WithChannels(0, shift))
    assert aug(image=red).tolist() == [[[255, 255, 0]]]


def test_readme_with_colorspace_example_runs():
    if "Add" not in augkit.registry.names():
        pytest.skip("augkit-arithmetic is not installed")
    aug = iaa.WithColorspace(to_colorspace="HSV", from_colorspace="RGB",
                             children=iaa.WithChannels(0, iaa.Add((10, 50))))
    img = np.random.default_rng(4).integers(0, 256, (8, 8, 3), dtype=np.uint8)
    assert aug(image=img).shape == img.shape


def test_a_subclass_that_redefines_apply_one_is_not_handed_an_out_array():
    from augkit_color.color import Grayscale

    class Brighter(Grayscale):
        def _apply_one(self, image, alpha):  # takes no out=
            return np.minimum(image.astype(np.int16) + 1, 255).astype(np.uint8)

    image = np.full((4, 5, 3), 7, np.uint8)
    rows = [image, image]
    outs = [np.empty_like(image), np.empty_like(image)]
    got = Brighter()._apply_into(rows, [1.0, 1.0], outs)
    assert all(np.array_equal(g, np.full_like(image, 8)) for g in got)
