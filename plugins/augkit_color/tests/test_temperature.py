"""ChangeColorTemperature: tint images like black-body light of some temperature."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from augkit import InputError, ParameterError
from augkit import augmenters as iaa
from augkit.testing import images

colour_images = images(dtypes=("uint8", "float32"), channels=(3, 4), max_side=24)


@given(image=colour_images)
def test_6600_kelvin_is_white_light_and_changes_nothing(image):
    out = iaa.ChangeColorTemperature(6600)(image=image)
    assert out.dtype == image.dtype
    assert np.array_equal(out, image)


@given(image=colour_images, kelvin=st.floats(1000, 40000))
def test_temperature_keeps_shape_dtype_and_alpha_and_never_brightens(image, kelvin):
    out = iaa.ChangeColorTemperature(kelvin)(image=image)
    assert out.shape == image.shape and out.dtype == image.dtype
    assert np.all(out[:, :, :3] <= image[:, :, :3])     # every multiplier is <= 1
    assert np.array_equal(out[:, :, 3:], image[:, :, 3:])


@given(image=images(channels=(3,), max_side=16), kelvin=st.floats(1000, 6600))
def test_warm_light_keeps_red(image, kelvin):
    out = iaa.ChangeColorTemperature(kelvin)(image=image)
    assert np.array_equal(out[:, :, 0], image[:, :, 0])


@given(image=images(channels=(3,), max_side=16), kelvin=st.floats(6600, 40000))
def test_cool_light_keeps_blue(image, kelvin):
    out = iaa.ChangeColorTemperature(kelvin)(image=image)
    assert np.array_equal(out[:, :, 2], image[:, :, 2])


@given(image=images(channels=(3, 4), max_side=16), kelvin=st.floats(1000, 40000))
def test_bgr_images_get_the_same_tint(image, kelvin):
    rgb = iaa.ChangeColorTemperature(kelvin)(image=image)
    bgr = iaa.ChangeColorTemperature(kelvin, from_colorspace="BGR")(
        image=np.ascontiguousarray(image[:, :, [2, 1, 0, 3][:image.shape[2]]]))
    assert np.array_equal(bgr[:, :, [2, 1, 0]], rgb[:, :, :3])


def test_temperature_exact_values():
    img = np.full((1, 1, 3), 200, dtype=np.uint8)
    assert iaa.ChangeColorTemperature(1000)(image=img).tolist() == [[[200, 53, 0]]]
    assert np.allclose(iaa.ChangeColorTemperature(6600)(image=img), 200, atol=2)


def test_temperature_keeps_the_alpha_channel():
    rgba = np.random.default_rng(2).integers(0, 256, (8, 8, 4), dtype=np.uint8)
    assert np.array_equal(iaa.ChangeColorTemperature()(image=rgba)[:, :, 3], rgba[:, :, 3])


def test_temperature_errors():
    with pytest.raises(ParameterError, match="kelvin"):
        iaa.ChangeColorTemperature(500)
    with pytest.raises(InputError, match="ChangeColorTemperature.*1 channel"):
        iaa.ChangeColorTemperature()(image=np.zeros((4, 4, 1), np.uint8))
