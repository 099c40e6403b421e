"""RainLayer and Rain: streaks of light grey drops blended over images."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from augkit import ParameterError
from augkit import augmenters as iaa
from augkit.data import sample
from augkit.testing import images

#: Drops are blended in a light grey drawn from this range (uint8 scale).
DROP_COLORS = (200, 240)
#: One RainLayer with every setting fixed but the density.
LAYER = {"density_uniformity": 1.0, "drop_size": 0.05, "drop_size_uniformity": 0.3,
         "angle": 10, "speed": 0.2, "blur_sigma_fraction": 0.001}
uint8_or_float = images(dtypes=("uint8", "float32"), channels=(1, 3, 4), max_side=40)


def photo() -> np.ndarray:
    return sample().image.copy()


def test_readme_examples_run():
    image = photo()
    for aug in (iaa.Rain(drop_size=(0.10, 0.20)), iaa.Rain(speed=(0.1, 0.3)),
                iaa.RainLayer(0.1, 0.9, 0.02, 0.3, 10, 0.1, 0.001)):
        out = aug(image=image)
        assert out.shape == image.shape and out.dtype == np.uint8


# --------------------------------------------------------------------- properties
@given(image=uint8_or_float, seed=st.integers(0, 2**31 - 1),
       iterations=st.integers(1, 3))
def test_rain_blends_every_pixel_towards_light_grey(image, seed, iterations):
    # each pixel ends between itself and the drop colour: dark pixels never get darker,
    # white ones never brighter (rain does darken white)
    out = iaa.Rain(nb_iterations=iterations, speed=(0.1, 0.3), seed=seed)(image=image)
    scale = 1 if image.dtype == np.uint8 else 255
    values = image[:, :, :3].astype(np.float64) * scale
    drawn = out[:, :, :3].astype(np.float64) * scale
    slack = 1 if image.dtype == np.uint8 else 1e-3   # uint8 rounding
    assert np.all(drawn >= np.minimum(values, DROP_COLORS[0]) - slack)
    assert np.all(drawn <= np.maximum(values, DROP_COLORS[1]) + slack)


@given(image=uint8_or_float, seed=st.integers(0, 2**31 - 1))
def test_a_rain_layer_of_density_zero_changes_nothing(image, seed):
    out = iaa.RainLayer(density=0.0, **LAYER, seed=seed)(image=image)
    assert np.array_equal(out, image)


def test_rain_with_zero_iterations_is_identity():
    image = photo()
    out = iaa.Rain(nb_iterations=0)(image=image)
    assert np.array_equal(out, image) and out is not image


def test_rain_darkens_white_towards_the_drop_colour():
    white = np.full((64, 64, 3), 255, np.uint8)
    out = iaa.Rain(nb_iterations=3, speed=0.3, seed=0)(image=white)
    assert DROP_COLORS[0] <= out.min() < 255


def test_more_rain_layers_cover_more_of_the_image():
    dark = np.zeros((64, 64, 1), np.uint8)
    counts = [np.count_nonzero(iaa.Rain(nb_iterations=n, seed=5)(image=dark)) for n in (1, 3)]
    assert counts[1] > counts[0] > 0


# --------------------------------------------------------------------- streak geometry
@pytest.mark.parametrize("angle", [-15.0, 0.0, 12.0])
def test_rain_adds_streaks_along_the_falling_angle(angle):
    background = np.full((128, 128, 3), 40, np.uint8)
    aug = iaa.RainLayer(density=0.05, density_uniformity=1.0, drop_size=0.01,
                        drop_size_uniformity=0.3, angle=angle, speed=0.25,
                        blur_sigma_fraction=0.001, seed=3)
    layer = aug(image=background).astype(np.float32)[:, :, 0] - 40
    assert layer.max() > 10
    theta = np.radians(angle)
    # unit vector along a streak (pointing down; positive angles lean the bottom left)
    along = np.array([np.cos(theta), -np.sin(theta)])       # (dy, dx)
    across = np.array([np.sin(theta), np.cos(theta)])
    gy, gx = np.gradient(layer)
    energy_along = np.mean((gy * along[0] + gx * along[1]) ** 2)
    energy_across = np.mean((gy * across[0] + gx * across[1]) ** 2)
    assert energy_across > 4 * energy_along


def test_rain_direction_sign_matches_imgaug():
    # positive angles: the bottom of a streak lies left of its top (imgaug's MotionBlur)
    background = np.zeros((96, 96, 1), np.uint8)
    aug = iaa.RainLayer(density=0.03, density_uniformity=1.0, drop_size=0.01,
                        drop_size_uniformity=0.3, angle=14, speed=0.4,
                        blur_sigma_fraction=0.001, seed=1)
    layer = aug(image=background)[:, :, 0].astype(np.float32)
    layer -= layer.mean()
    centre = layer[16:-16, 16:-16]

    def correlation(dy, dx):   # with the pixel dy rows below and dx columns right
        return float(np.sum(centre * layer[16 + dy:80 + dy, 16 + dx:80 + dx]))

    shift = round(12 * np.tan(np.radians(14)))
    left, right = correlation(12, -shift), correlation(12, shift)
    assert left > right


# --------------------------------------------------------------------- parameters
def test_rain_rejects_bad_arguments():
    with pytest.raises(ParameterError, match="nb_iterations"):
        iaa.Rain(nb_iterations=-1)
    with pytest.raises(ParameterError, match="drop_size"):
        iaa.Rain(drop_size=1.5)


@pytest.mark.parametrize("override, match", [
    ({"density": 1.5}, "density"),
    ({"drop_size": 0.0}, "drop_size"),
    ({"drop_size_uniformity": 2}, "drop_size_uniformity"),
    ({"speed": -0.1}, "speed"),
])
def test_rain_layer_rejects_bad_arguments(override, match):
    kwargs = dict(iaa.RainLayer.examples[0], **override)
    with pytest.raises(ParameterError, match=match):
        iaa.RainLayer(**kwargs)
