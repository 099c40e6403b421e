"""Colour space names and conversions (the module behind ChangeColorspace & co.)."""

from __future__ import annotations

import numpy as np
import pytest

# The colour space kernel under test, from the family's public functional module.
from augkit_color.functional import COLORSPACES
from augkit_color.functional import change_colorspace as convert
from hypothesis import given
from hypothesis import strategies as st

from augkit import InputError, ParameterError
from augkit import augmenters as iaa
from augkit.testing import images

#: Largest |RGB -> space -> RGB - RGB| of uint8 images, over all 2**24 colours
#: (cv2's 8-bit conversions: Lab/Luv/XYZ tables and YUV's clipped chroma are coarse).
UINT8_TOLERANCE = {"BGR": 0, "YCrCb": 1, "HLS": 5, "HSV": 6, "CIE": 24, "Lab": 27,
                   "Luv": 29, "YUV": 34}
#: The same for float32 images in [0, 1] (cv2's float conversions).
FLOAT_TOLERANCE = {"BGR": 0.0, "YCrCb": 1e-3, "HLS": 1e-5, "HSV": 1e-5, "CIE": 1e-5,
                   "Lab": 1e-2, "Luv": 5e-2, "YUV": 1e-3}


def round_trip(image: np.ndarray, space: str) -> np.ndarray:
    """RGB -> *space* -> RGB through the public ChangeColorspace."""
    there = iaa.ChangeColorspace(space)(image=image)
    return iaa.ChangeColorspace("RGB", from_colorspace=space)(image=there)


@given(image=images(channels=(3, 4), max_side=24), space=st.sampled_from(sorted(UINT8_TOLERANCE)))
def test_uint8_round_trip_stays_within_the_tolerance_of_the_space(image, space):
    back = round_trip(image, space)
    assert back.dtype == np.uint8 and back.shape == image.shape
    error = np.abs(back.astype(int) - image)
    assert error.max() <= UINT8_TOLERANCE[space]
    assert np.array_equal(back[:, :, 3:], image[:, :, 3:])   # alpha untouched


@given(image=images(dtypes=("float32",), channels=(3,), max_side=16),
       space=st.sampled_from(sorted(FLOAT_TOLERANCE)))
def test_float32_round_trip_stays_within_the_tolerance_of_the_space(image, space):
    back = round_trip(image, space)
    assert back.dtype == np.float32
    np.testing.assert_allclose(back, image, rtol=0, atol=FLOAT_TOLERANCE[space])


@given(image=images(channels=(3,), max_side=16), space=st.sampled_from(sorted(UINT8_TOLERANCE)))
def test_gray_pixels_survive_the_round_trip_through_hsv_hls_ycrcb_and_bgr(image, space):
    gray = np.repeat(image[:, :, :1], 3, axis=2)
    back = round_trip(gray, space).astype(int)
    exact = space in ("BGR", "HSV", "HLS", "YCrCb")
    assert np.abs(back - gray).max() <= (0 if exact else UINT8_TOLERANCE[space])


@given(image=images(channels=(3, 4), max_side=16))
def test_gray_results_have_three_equal_channels(image):
    out = iaa.ChangeColorspace("GRAY")(image=image)
    assert out.shape == image.shape
    assert np.array_equal(out[:, :, 0], out[:, :, 1])
    assert np.array_equal(out[:, :, 1], out[:, :, 2])
    assert np.array_equal(out, iaa.Grayscale(alpha=1.0)(image=image))


@given(image=images(channels=(3,), max_side=16))
def test_xyz_is_another_name_for_cie(image):
    assert np.array_equal(iaa.ChangeColorspace("XYZ")(image=image),
                          iaa.ChangeColorspace("CIE")(image=image))


def test_exact_conversions_of_red():
    red = np.array([[[255, 0, 0]]], dtype=np.uint8)
    assert iaa.ChangeColorspace("HSV")(image=red).tolist() == [[[0, 255, 255]]]
    assert iaa.ChangeColorspace("HLS")(image=red).tolist() == [[[0, 128, 255]]]
    assert iaa.ChangeColorspace("BGR")(image=red).tolist() == [[[0, 0, 255]]]
    assert iaa.ChangeColorspace("GRAY")(image=red).tolist() == [[[76, 76, 76]]]


@pytest.mark.parametrize("space", [c for c in COLORSPACES if c != "GRAY"])
def test_colorspace_round_trip_within_tolerance(space):
    img = np.random.default_rng(3).integers(0, 256, (16, 16, 3), dtype=np.uint8)
    back = convert(convert(img, space, "RGB"), "RGB", space)
    # uint8 Lab/Luv/XYZ quantize saturated colours coarsely (cv2's 8-bit tables).
    error = np.abs(back.astype(int) - img)
    assert error.max() <= {"RGB": 0, "BGR": 0}.get(space, 20)
    assert error.mean() <= {"RGB": 0, "BGR": 0}.get(space, 2.0)


def test_convert_rejects_other_shapes_and_dtypes():
    with pytest.raises(InputError, match="shape"):
        convert(np.zeros((4, 4, 2), np.uint8), "HSV")
    with pytest.raises(InputError, match="uint16"):
        convert(np.zeros((4, 4, 3), np.uint16), "HSV")


def test_unknown_colour_space_lists_the_valid_ones():
    with pytest.raises(ParameterError, match=r"to_colorspace.*'HSV'.*'CMYK'"):
        iaa.ChangeColorspace("CMYK")
    with pytest.raises(ParameterError, match="from_colorspace"):
        iaa.ChangeColorspace("HSV", from_colorspace="sRGB")
