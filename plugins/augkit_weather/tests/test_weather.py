"""Tests of the weather family: exact values, visual signatures, shapes, errors."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from augkit_weather import functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

import augkit
from augkit import InputError, ParameterError
from augkit import augmenters as iaa
from augkit.data import sample

SETTINGS = settings(max_examples=12, deadline=None)
WEATHER = ("FastSnowyLandscape", "CloudLayer", "Clouds", "Fog", "SnowflakesLayer",
           "Snowflakes", "RainLayer", "Rain")


def photo() -> np.ndarray:
    return sample().image.copy()


def every_weather_augmenter(seed: int = 0):
    for name in WEATHER:
        cls = getattr(iaa, name)
        for kwargs in cls.examples:
            yield name, cls(**kwargs, seed=seed)


# --------------------------------------------------------------------- README examples
def test_readme_examples_run():
    image = photo()
    augs = [
        iaa.FastSnowyLandscape(lightness_threshold=140, lightness_multiplier=2.5),
        iaa.FastSnowyLandscape(lightness_threshold=[128, 200], lightness_multiplier=(1.5, 3.5)),
        iaa.Clouds(),
        iaa.Fog(),
        iaa.Snowflakes(flake_size=(0.1, 0.4), speed=(0.01, 0.05)),
        iaa.Rain(drop_size=(0.10, 0.20)),
        iaa.Rain(speed=(0.1, 0.3)),
        # every CloudLayer / SnowflakesLayer argument, positionally as the README lists them
        iaa.CloudLayer((196, 255), (-2.5, -2.0), 10, 0, (0.25, 0.75), (2, 8), (-2.5, -2.0),
                       (0.8, 1.0), (0.5, 1.0)),
        iaa.CloudLayer(220, [-2.0, -1.5], augkit.parameters.Uniform(0, 10), (0.7, 0.9), 0.3,
                       [2, 8], -3.0, 0.9, 0.5),
        iaa.SnowflakesLayer(0.05, 0.5, 0.5, 0.5, (-30, 30), (0.007, 0.03), 0.0005,
                            (0.5, 3.75)),
        iaa.SnowflakesLayer([0.01, 0.075], (0.3, 0.9), (0.2, 0.7), 0.4, 0, 0.02,
                            augkit.parameters.Uniform(0.0001, 0.001)),
        iaa.RainLayer(0.1, 0.9, 0.02, 0.3, 10, 0.1, 0.001),
    ]
    for aug in augs:
        out = aug(image=image)
        assert out.shape == image.shape and out.dtype == np.uint8


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


@SETTINGS
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


# --------------------------------------------------------------------- shapes, dtypes
@pytest.mark.parametrize("shape", [(1, 1, 3), (3, 100, 3), (100, 3, 3), (37, 211, 3),
                                   (1, 1), (5, 7), (9, 4, 4), (2, 2, 1)])
def test_output_size_equals_input_size(shape):
    image = np.random.default_rng(0).integers(0, 256, shape, dtype=np.uint8)
    for name, aug in every_weather_augmenter():
        out = aug(image=image)
        assert out.shape == image.shape, name
        assert out.dtype == np.uint8, name


def test_float32_images_stay_in_range_and_alpha_is_kept():
    image = photo().astype(np.float32) / 255
    rgba = np.dstack([photo(), np.full((256, 256, 1), 5, np.uint8)])
    for name, aug in every_weather_augmenter(seed=1):
        out = aug(image=image)
        assert out.dtype == np.float32, name
        assert out.min() >= -1e-6 and out.max() <= 1 + 1e-6, name
        assert np.all(aug(image=rgba)[:, :, 3] == 5), name


@pytest.mark.parametrize("name", WEATHER)
def test_bad_channel_counts_are_rejected(name):
    aug = getattr(iaa, name)(**getattr(iaa, name).examples[0])
    with pytest.raises(InputError, match=f"{name}.*2 channels"):
        aug(image=np.zeros((4, 4, 2), np.uint8))


@pytest.mark.parametrize("name", WEATHER)
def test_unsupported_dtype_is_rejected(name):
    aug = getattr(iaa, name)(**getattr(iaa, name).examples[0])
    with pytest.raises(augkit.UnsupportedDtypeError):
        aug(image=np.zeros((4, 4, 3), np.uint16))


def test_replay_reproduces_exactly():
    image = photo()
    for name, aug in every_weather_augmenter(seed=9):
        out, params = aug(image=image, return_params=True)
        assert np.array_equal(aug.replay(params, image=image), out), name


def test_batches_draw_different_weather_per_image():
    batch = np.stack([photo(), photo()])
    for name in ("Clouds", "Snowflakes", "Rain"):
        a, b = getattr(iaa, name)(seed=2)(images=batch)
        assert not np.array_equal(a, b), name


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


def test_rain_rejects_bad_arguments():
    with pytest.raises(ParameterError, match="nb_iterations"):
        iaa.Rain(nb_iterations=-1)
    with pytest.raises(ParameterError, match="drop_size"):
        iaa.Rain(drop_size=1.5)


def test_rain_with_zero_iterations_is_identity():
    image = photo()
    out = iaa.Rain(nb_iterations=0)(image=image)
    assert np.array_equal(out, image) and out is not image


# --------------------------------------------------------------------- functional
def test_blend_keep_add_and_color_exact():
    img = np.full((1, 2, 3), 100, np.uint8)
    keep = np.array([[1.0, 0.5]], np.float32)
    assert F.blend_keep_add(img, keep, np.array([[0, 100]], np.float32))[0, :, 0].tolist() \
        == [100, 150]
    assert F.blend_color(img, 1 - keep, 200.0)[0, :, 0].tolist() == [100, 150]


def test_compose_lerps_equals_sequential_blending():
    rng = np.random.default_rng(0)
    x = rng.random((4, 5)).astype(np.float32)
    layers = [(rng.random((4, 5)).astype(np.float32), 0.7),
              (rng.random((4, 5)).astype(np.float32), 0.2)]
    expected = x.copy()
    for alpha, value in layers:
        expected = (1 - alpha) * expected + alpha * value
    keep, add = F.compose_lerps([(a.copy(), v) for a, v in layers])
    assert np.allclose(x * keep + add, expected, atol=1e-6)


def test_motion_kernel_is_normalised_and_rotates():
    vertical = F.motion_kernel(7, 0.0)
    assert np.isclose(vertical.sum(), 1.0)
    assert np.count_nonzero(vertical[:, 3]) == 7 and vertical[:, :3].sum() == 0
    tilted = F.motion_kernel(7, 30.0)
    # clockwise: the top of the line moves right
    assert tilted[0, 4:].sum() > tilted[0, :3].sum()


def test_particle_plan_counts_follow_density():
    rng = np.random.default_rng(0)
    gate = np.ones((8, 8), np.float32)
    plan = F.plan_particles(200, 200, density=0.02, gate=gate, size=0.5, angle=0, speed=0,
                            sigma=0, rng=rng, streaks=False)
    assert plan.canvas_shape == (100, 100)
    assert 150 < len(plan.particles) < 250
    rendered = F.render_particles(plan)
    assert rendered.shape == (200, 200)
    assert abs(rendered.sum() / 4 - 255 * len(plan.particles)) < 0.02 * 255 * len(plan.particles)
