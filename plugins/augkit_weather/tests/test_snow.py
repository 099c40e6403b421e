"""FastSnowyLandscape, SnowflakesLayer and Snowflakes."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from augkit_weather import functional as F
from hypothesis import given
from hypothesis import strategies as st

import augkit
from augkit import ParameterError
from augkit import augmenters as iaa
from augkit.data import sample
from augkit.testing import images

#: One SnowflakesLayer with every setting fixed but the density.
LAYER = {"density_uniformity": 1.0, "flake_size": 0.5, "flake_size_uniformity": 0.5,
         "angle": 10, "speed": 0.02, "blur_sigma_fraction": 0.01}
uint8_or_float = images(dtypes=("uint8", "float32"), channels=(1, 3, 4), max_side=40)


def photo() -> np.ndarray:
    return sample().image.copy()


# --------------------------------------------------------------------- README examples
def test_readme_examples_run():
    image = photo()
    augs = [
        iaa.FastSnowyLandscape(lightness_threshold=140, lightness_multiplier=2.5),
        iaa.FastSnowyLandscape(lightness_threshold=[128, 200], lightness_multiplier=(1.5, 3.5)),
        iaa.Snowflakes(flake_size=(0.1, 0.4), speed=(0.01, 0.05)),
        # every SnowflakesLayer argument, positionally as the README lists them
        iaa.SnowflakesLayer(0.05, 0.5, 0.5, 0.5, (-30, 30), (0.007, 0.03), 0.0005,
                            (0.5, 3.75)),
        iaa.SnowflakesLayer([0.01, 0.075], (0.3, 0.9), (0.2, 0.7), 0.4, 0, 0.02,
                            augkit.parameters.Uniform(0.0001, 0.001)),
    ]
    for aug in augs:
        out = aug(image=image)
        assert out.shape == image.shape and out.dtype == np.uint8


# --------------------------------------------------------------------- Snowflakes
@given(image=uint8_or_float, seed=st.integers(0, 2**31 - 1))
def test_snowflakes_only_brighten(image, seed):
    for aug in (iaa.Snowflakes(seed=seed), iaa.SnowflakesLayer(density=0.1, **LAYER, seed=seed)):
        assert np.all(aug(image=image) >= image), aug


@given(image=uint8_or_float, seed=st.integers(0, 2**31 - 1))
def test_a_snowflakes_layer_of_density_zero_changes_nothing(image, seed):
    out = iaa.SnowflakesLayer(density=0.0, **LAYER, seed=seed)(image=image)
    assert np.array_equal(out, image)


def _local_maxima(gray: np.ndarray) -> int:
    dilated = cv2.dilate(gray, np.ones((3, 3), np.uint8))
    return int(np.count_nonzero((gray == dilated) & (gray > 200)))


def test_snowflakes_add_bright_small_blobs():
    image = photo()
    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    for seed in range(5):
        out = iaa.Snowflakes(seed=seed)(image=image)
        out_gray = cv2.cvtColor(out, cv2.COLOR_RGB2GRAY)
        assert _local_maxima(out_gray) > _local_maxima(gray) + 20
        assert np.mean(out_gray > 230) > np.mean(gray > 230)
        assert np.all(out >= image)   # snow only brightens


def test_denser_snow_covers_more_of_the_image():
    image = np.zeros((64, 64, 1), np.uint8)
    sparse = iaa.SnowflakesLayer(density=0.01, **LAYER, seed=4)(image=image)
    dense = iaa.SnowflakesLayer(density=0.2, **LAYER, seed=4)(image=image)
    assert np.count_nonzero(dense) > 2 * np.count_nonzero(sparse) > 0


# --------------------------------------------------------------------- FastSnowyLandscape
def test_snowy_landscape_exact_values():
    img = np.array([[[40, 40, 40], [200, 200, 200], [139, 139, 139], [140, 140, 140]]],
                   dtype=np.uint8)
    out = iaa.FastSnowyLandscape(lightness_threshold=140, lightness_multiplier=2.5)(image=img)
    assert out.tolist() == [[[100, 100, 100], [200, 200, 200], [255, 255, 255],
                             [140, 140, 140]]]


def test_snowy_landscape_gray_is_its_own_lightness():
    img = np.array([[10, 99, 100, 250]], dtype=np.uint8)
    out = iaa.FastSnowyLandscape(lightness_threshold=100, lightness_multiplier=2.0)(image=img)
    assert out.tolist() == [[20, 198, 100, 250]]


@given(gray=images(channels=(1,), max_side=24),
       threshold=st.one_of(st.integers(0, 255), st.floats(0, 255)),  # whole values: the edge
       multiplier=st.floats(0.0, 4.0))
def test_snowy_landscape_on_gray_multiplies_the_values_below_the_threshold(gray, threshold,
                                                                          multiplier):
    out = iaa.FastSnowyLandscape(lightness_threshold=threshold,
                                 lightness_multiplier=multiplier)(image=gray)
    scaled = np.clip(np.rint(gray * multiplier), 0, 255)
    assert np.array_equal(out, np.where(gray < threshold, scaled, gray))


@given(image=images(dtypes=("uint8", "float32"), channels=(3, 4), max_side=24),
       multiplier=st.floats(0.0, 4.0))
def test_snowy_landscape_with_threshold_zero_changes_nothing(image, multiplier):
    aug = iaa.FastSnowyLandscape(lightness_threshold=0, lightness_multiplier=multiplier)
    assert np.array_equal(aug(image=image), image)


@given(seed=st.integers(0, 2**31 - 1), threshold=st.floats(0, 255),
       multiplier=st.floats(1.0, 4.0))
def test_snowy_landscape_changes_only_dark_lightness(seed, threshold, multiplier):
    image = np.random.default_rng(seed).integers(0, 256, (12, 17, 3), dtype=np.uint8)
    out = iaa.FastSnowyLandscape(lightness_threshold=threshold,
                                 lightness_multiplier=multiplier)(image=image)
    lightness = cv2.cvtColor(image, cv2.COLOR_RGB2HLS)[:, :, 1]
    bright = lightness >= threshold
    assert np.array_equal(out[bright], image[bright])
    # dark pixels never get darker (a multiplier >= 1 raises their lightness)
    out_lightness = cv2.cvtColor(out, cv2.COLOR_RGB2HLS)[:, :, 1].astype(int)
    assert np.all(out_lightness[~bright] >= lightness[~bright].astype(int) - 1)


def test_snowy_landscape_keeps_alpha_and_handles_float():
    rgba = np.dstack([photo(), np.full((256, 256, 1), 77, np.uint8)])
    out = iaa.FastSnowyLandscape(lightness_threshold=140, lightness_multiplier=2.5)(image=rgba)
    assert np.all(out[:, :, 3] == 77)
    as_float = photo().astype(np.float32) / 255
    out_f = iaa.FastSnowyLandscape(lightness_threshold=140, lightness_multiplier=2.5)(
        image=as_float)
    out_u8 = iaa.FastSnowyLandscape(lightness_threshold=140, lightness_multiplier=2.5)(
        image=photo())
    assert out_f.dtype == np.float32
    assert np.mean(np.abs(out_f * 255 - out_u8)) < 3.0


@pytest.mark.parametrize("space", F.COLORSPACES)
def test_snowy_landscape_colorspaces(space):
    aug = iaa.FastSnowyLandscape(140, 2.5, from_colorspace=space)
    assert aug(image=photo()).shape == (256, 256, 3)


# --------------------------------------------------------------------- parameters
@pytest.mark.parametrize("kwargs, match", [
    ({"lightness_threshold": 300}, "lightness_threshold"),
    ({"lightness_multiplier": -1}, "lightness_multiplier"),
    ({"from_colorspace": "CMYK"}, "from_colorspace"),
])
def test_snowy_landscape_rejects_bad_arguments(kwargs, match):
    with pytest.raises(ParameterError, match=match):
        iaa.FastSnowyLandscape(**kwargs)


@pytest.mark.parametrize("override, match", [
    ({"density": 1.5}, "density"),
    ({"density_uniformity": -0.1}, "density_uniformity"),
    ({"flake_size": 0.0}, "flake_size"),
    ({"flake_size_uniformity": 2}, "flake_size_uniformity"),
    ({"speed": 1.5}, "speed"),
    ({"blur_sigma_fraction": 2.0}, "blur_sigma_fraction"),
    ({"blur_sigma_limits": (3, 1)}, "blur_sigma_limits"),
    ({"angle": "left"}, "angle"),
])
def test_snowflakes_layer_rejects_bad_arguments(override, match):
    kwargs = dict(iaa.SnowflakesLayer.examples[0], **override)
    with pytest.raises((ParameterError, TypeError), match=match):
        iaa.SnowflakesLayer(**kwargs)
