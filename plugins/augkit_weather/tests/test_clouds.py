"""CloudLayer, Clouds and Fog: frequency-noise cloud layers blended over images."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import augkit
from augkit import ParameterError
from augkit import augmenters as iaa
from augkit.data import sample
from augkit.testing import images


def photo() -> np.ndarray:
    return sample().image.copy()


def cloud_layer(mean: float, **overrides) -> dict:
    """CloudLayer arguments without coarse offsets: the cloud colour stays within
    ``mean * [0.8, 1.2]`` (fine noise spans +-mean/5), clipped to 255."""
    kwargs = {"intensity_mean": mean, "intensity_freq_exponent": -2.0,
              "intensity_coarse_scale": 0, "alpha_min": 0.0, "alpha_multiplier": (0.3, 1.0),
              "alpha_size_px_max": (2, 16), "alpha_freq_exponent": -2.0,
              "sparsity": (0.8, 1.2), "density_multiplier": (0.5, 1.5)}
    kwargs.update(overrides)
    return kwargs


uint8_or_float = images(dtypes=("uint8", "float32"), channels=(1, 3, 4), max_side=40)


def test_readme_examples_run():
    image = photo()
    augs = [
        iaa.Clouds(),
        iaa.Fog(),
        # every CloudLayer argument, positionally as the README lists them
        iaa.CloudLayer((196, 255), (-2.5, -2.0), 10, 0, (0.25, 0.75), (2, 8), (-2.5, -2.0),
                       (0.8, 1.0), (0.5, 1.0)),
        iaa.CloudLayer(220, [-2.0, -1.5], augkit.parameters.Uniform(0, 10), (0.7, 0.9), 0.3,
                       [2, 8], -3.0, 0.9, 0.5),
    ]
    for aug in augs:
        out = aug(image=image)
        assert out.shape == image.shape and out.dtype == np.uint8


# --------------------------------------------------------------------- properties
@given(image=uint8_or_float, mean=st.floats(150, 255), seed=st.integers(0, 2**31 - 1))
def test_every_pixel_ends_between_itself_and_the_cloud_colour(image, mean, seed):
    out = iaa.CloudLayer(**cloud_layer(mean), seed=seed)(image=image)
    scale = 1 if image.dtype == np.uint8 else 255
    values = image[:, :, :3].astype(np.float64) * scale
    drawn = out[:, :, :3].astype(np.float64) * scale
    low, high = 0.8 * mean, min(1.2 * mean, 255.0)
    slack = 1.5 if image.dtype == np.uint8 else 1e-3   # uint8 alpha and colour rounding
    assert np.all(drawn >= np.minimum(values, low) - slack)
    assert np.all(drawn <= np.maximum(values, high) + slack)


@given(image=uint8_or_float, seed=st.integers(0, 2**31 - 1))
def test_a_cloud_layer_of_density_zero_changes_nothing(image, seed):
    out = iaa.CloudLayer(**cloud_layer(220, density_multiplier=0.0), seed=seed)(image=image)
    assert np.array_equal(out, image)


@given(seed=st.integers(0, 2**31 - 1), mean=st.floats(150, 255),
       shape=st.tuples(st.integers(1, 32), st.integers(1, 32)))
def test_an_opaque_cloud_layer_hides_the_image(seed, mean, shape):
    kwargs = cloud_layer(mean, alpha_min=1.0, alpha_multiplier=0.0, sparsity=1.0,
                         density_multiplier=1.0)
    black = iaa.CloudLayer(**kwargs, seed=seed)(image=np.zeros((*shape, 3), np.uint8))
    white = iaa.CloudLayer(**kwargs, seed=seed)(image=np.full((*shape, 3), 255, np.uint8))
    assert np.array_equal(black, white)
    assert black.min() >= 0.8 * mean - 1 and black.max() <= min(1.2 * mean, 255) + 1


@given(image=images(channels=(1, 3), max_side=40).map(lambda i: i // 3),
       seed=st.integers(0, 2**31 - 1))
def test_fog_and_clouds_never_darken_dark_images(image, seed):
    # cloud colours start around 196 (clouds) or 220 (fog): values up to 85 only rise
    for aug in (iaa.Fog(seed=seed), iaa.Clouds(seed=seed)):
        assert np.all(aug(image=image) >= image), aug


# --------------------------------------------------------------------- visual signatures
def test_fog_lowers_contrast_and_brightens():
    image = photo()
    for seed in range(5):
        out = iaa.Fog(seed=seed)(image=image).astype(np.float64)
        assert out.std() < 0.8 * image.std()
        assert out.mean() > image.mean() + 10


def test_clouds_brighten_without_erasing_the_image():
    image = photo()
    for seed in range(5):
        out = iaa.Clouds(seed=seed)(image=image).astype(np.float64)
        assert out.mean() > image.mean()
        assert np.corrcoef(out.ravel(), image.ravel())[0, 1] > 0.3


# --------------------------------------------------------------------- parameters
@pytest.mark.parametrize("override, match", [
    ({"alpha_size_px_max": 0}, "alpha_size_px_max"),
    ({"sparsity": -1}, "sparsity"),
    ({"intensity_coarse_scale": -2}, "intensity_coarse_scale"),
    ({"density_multiplier": "a lot"}, "density_multiplier"),
])
def test_cloud_layer_rejects_bad_arguments(override, match):
    kwargs = dict(iaa.CloudLayer.examples[0], **override)
    with pytest.raises((ParameterError, TypeError), match=match):
        iaa.CloudLayer(**kwargs)
