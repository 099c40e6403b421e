"""Tests of the colour family: exact values, properties, errors."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_color import functional as F
from augkit_color.colorspaces import COLORSPACES, convert
from hypothesis import given, settings
from hypothesis import strategies as st

import augkit
from augkit import InputError, ParameterError
from augkit import augmenters as iaa

SETTINGS = settings(max_examples=25, deadline=None)


def rgb_images(channels=(3,), max_side=24):
    @st.composite
    def draw(draw_):
        h = draw_(st.integers(1, max_side))
        w = draw_(st.integers(1, max_side))
        c = draw_(st.sampled_from(channels))
        seed = draw_(st.integers(0, 2**32 - 1))
        return np.random.default_rng(seed).integers(0, 256, (h, w, c), dtype=np.uint8)
    return draw()


# --------------------------------------------------------------------- contrast
@SETTINGS
@given(image=rgb_images(channels=(1, 3, 4, 5)))
def test_gamma_and_linear_contrast_of_one_are_the_identity(image):
    assert np.array_equal(iaa.GammaContrast(1.0)(image=image), image)
    assert np.array_equal(iaa.LinearContrast(1.0)(image=image), image)


def test_contrast_exact_values():
    img = np.array([[0, 64, 255]], dtype=np.uint8)
    assert iaa.GammaContrast(2.0)(image=img).tolist() == [[0, 16, 255]]
    assert iaa.LogContrast(0.5)(image=np.array([[0, 255]], np.uint8)).tolist() == [[0, 128]]
    sig = iaa.SigmoidContrast(gain=10, cutoff=0.5)(image=np.array([[0, 128, 255]], np.uint8))
    assert sig.tolist() == [[2, 129, 253]]


def test_contrast_on_floats_and_uint16():
    img = np.array([[0.25, 0.5]], dtype=np.float32)
    out = iaa.GammaContrast(2.0)(image=img)
    assert out.dtype == np.float32 and np.allclose(out, [[0.0625, 0.25]])
    img16 = np.array([[0, 65535]], dtype=np.uint16)
    assert iaa.LinearContrast(0.0)(image=img16).tolist() == [[32768, 32768]]


def test_per_channel_varies_per_channel():
    img = np.full((4, 4, 3), 100, dtype=np.uint8)
    out = iaa.GammaContrast((0.3, 3.0), per_channel=True, seed=1)(image=img)
    assert len(np.unique(out[0, 0])) == 3
    out = iaa.GammaContrast((0.3, 3.0), per_channel=False, seed=1)(image=img)
    assert len(np.unique(out[0, 0])) == 1


def test_contrast_normalization_alias_and_readme_example():
    aug = iaa.ContrastNormalization((0.5, 2.0), per_channel=0.5)
    assert type(aug).__name__ == "LinearContrast"
    img = np.random.default_rng(0).integers(0, 256, (8, 8, 3), dtype=np.uint8)
    assert aug(image=img).shape == img.shape


def test_contrast_errors_name_the_argument():
    with pytest.raises(ParameterError, match="gamma"):
        iaa.GammaContrast(-1)
    with pytest.raises(ParameterError, match="cutoff"):
        iaa.SigmoidContrast(cutoff=2.0)
    with pytest.raises(ParameterError, match="tile_grid_size_px_min"):
        iaa.CLAHE(tile_grid_size_px_min=0)
    with pytest.raises(ParameterError, match="to_colorspace"):
        iaa.HistogramEqualization(to_colorspace="CMYK")


def test_histogram_equalization_and_clahe():
    img = np.array([[100, 101, 102, 103]], dtype=np.uint8)
    assert iaa.AllChannelsHistogramEqualization()(image=img).tolist() == [[0, 85, 170, 255]]
    rgba = np.random.default_rng(1).integers(0, 256, (16, 16, 4), dtype=np.uint8)
    for aug in (iaa.HistogramEqualization(), iaa.CLAHE(), iaa.HistogramEqualization(
            to_colorspace="YCrCb")):
        out = aug(image=rgba)
        assert np.array_equal(out[:, :, 3], rgba[:, :, 3])
    gray = rgba[:, :, :1]
    assert iaa.CLAHE(clip_limit=2)(image=gray).shape == gray.shape


# --------------------------------------------------------------------- hue, saturation
@SETTINGS
@given(image=rgb_images())
def test_add_to_hue_255_is_almost_the_identity(image):
    out = iaa.AddToHue(255)(image=image)
    roundtrip = convert(convert(image, "HSV"), "RGB", "HSV")
    assert np.array_equal(out, roundtrip)


def test_hue_wraps_around():
    table = F.hue_add_table(30)
    assert table[170] == 20 and table[0] == 30
    assert F.hue_add_table(-30)[10] == 160
    assert F.saturation_add_table(100)[200] == 255


def test_hue_exact_values():
    red = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    assert iaa.AddToHue(85)(image=red).tolist() == [[[0, 255, 0]]]
    assert iaa.AddToHue(-85)(image=red).tolist() == [[[0, 0, 255]]]
    pink = np.full((1, 1, 3), (200, 100, 100), dtype=np.uint8)
    assert iaa.RemoveSaturation()(image=pink).tolist() == [[[200, 200, 200]]]


def test_readme_hue_example_and_rgba_alpha_untouched():
    rgba = np.random.default_rng(2).integers(0, 256, (8, 8, 4), dtype=np.uint8)
    for aug in (iaa.AddToHueAndSaturation((-20, 20)), iaa.MultiplyHueAndSaturation(),
                iaa.Grayscale(alpha=(0.0, 1.0)), iaa.ChangeColorTemperature(),
                iaa.MultiplyAndAddToBrightness(), iaa.KMeansColorQuantization(),
                iaa.Cartoon()):
        assert np.array_equal(aug(image=rgba)[:, :, 3], rgba[:, :, 3]), aug


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


# --------------------------------------------------------------------- colour spaces
@pytest.mark.parametrize("space", [c for c in COLORSPACES if c != "GRAY"])
def test_colorspace_round_trip_within_tolerance(space):
    img = np.random.default_rng(3).integers(0, 256, (16, 16, 3), dtype=np.uint8)
    back = convert(convert(img, space, "RGB"), "RGB", space)
    # uint8 Lab/Luv/XYZ quantize saturated colours coarsely (cv2's 8-bit tables).
    error = np.abs(back.astype(int) - img)
    assert error.max() <= {"RGB": 0, "BGR": 0}.get(space, 20)
    assert error.mean() <= {"RGB": 0, "BGR": 0}.get(space, 2.0)


@SETTINGS
@given(image=rgb_images(channels=(3, 4)))
def test_grayscale_alpha_one_gives_equal_channels(image):
    out = iaa.Grayscale(alpha=1.0)(image=image)
    assert np.array_equal(out[:, :, 0], out[:, :, 1])
    assert np.array_equal(out[:, :, 1], out[:, :, 2])


def test_grayscale_exact_and_gray_input():
    img = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    assert iaa.Grayscale(alpha=1.0)(image=img).tolist() == [[[76, 76, 76]]]
    gray = np.arange(4, dtype=np.uint8).reshape(2, 2)
    assert np.array_equal(iaa.Grayscale()(image=gray), gray)


def test_change_colorspace_and_with_colorspace():
    red = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    assert iaa.ChangeColorspace("BGR")(image=red).tolist() == [[[0, 0, 255]]]
    aug = iaa.WithColorspace(to_colorspace="HSV", from_colorspace="RGB",
                             children=iaa.WithChannels(0, iaa.LinearContrast(1.0)))
    assert np.array_equal(aug(image=red), red)
    with pytest.raises(ParameterError, match="to_colorspace"):
        iaa.WithColorspace(to_colorspace="CMYK")


def test_readme_with_colorspace_example_runs():
    if "Add" not in augkit.registry.names():
        pytest.skip("augkit-arithmetic is not installed")
    aug = iaa.WithColorspace(to_colorspace="HSV", from_colorspace="RGB",
                             children=iaa.WithChannels(0, iaa.Add((10, 50))))
    img = np.random.default_rng(4).integers(0, 256, (8, 8, 3), dtype=np.uint8)
    assert aug(image=img).shape == img.shape


# --------------------------------------------------------------------- brightness etc.
def test_brightness_exact_values():
    aug = iaa.MultiplyAndAddToBrightness(mul=2.0, add=10, to_colorspace="YCrCb",
                                         random_order=False)
    assert aug(image=np.full((1, 1, 3), 50, np.uint8)).tolist() == [[[110, 110, 110]]]
    aug = iaa.MultiplyBrightness(0.5, to_colorspace="HSV")
    assert aug(image=np.full((1, 1, 3), (200, 100, 0), np.uint8)).tolist() == [[[100, 50, 0]]]


def test_ycrcb_fast_path_matches_the_round_trip():
    img = np.random.default_rng(5).integers(0, 256, (16, 16, 3), dtype=np.uint8)
    ours = F.map_intensity(img, F.equalize, "YCrCb")
    ycc = convert(img, "YCrCb")
    ycc[:, :, 0] = F.equalize(np.ascontiguousarray(ycc[:, :, 0]))
    assert np.abs(ours.astype(int) - convert(ycc, "RGB", "YCrCb")).max() <= 2


def test_temperature_and_quantization_values():
    img = np.full((1, 1, 3), 200, dtype=np.uint8)
    assert iaa.ChangeColorTemperature(1000)(image=img).tolist() == [[[200, 53, 0]]]
    six = np.full((1, 1, 3), 200, dtype=np.uint8)
    assert np.allclose(iaa.ChangeColorTemperature(6600)(image=six), 200, atol=2)
    row = np.array([[0, 100, 200, 255]], dtype=np.uint8)
    assert iaa.UniformColorQuantization(2)(image=row).tolist() == [[64, 64, 192, 192]]
    assert iaa.Posterize(1)(image=row).tolist() == [[0, 0, 128, 128]]
    img = np.random.default_rng(6).integers(0, 256, (32, 32, 3), dtype=np.uint8)
    out = iaa.KMeansColorQuantization(4, to_colorspace="RGB", seed=1)(image=img)
    assert len(np.unique(out.reshape(-1, 3), axis=0)) <= 4
    with pytest.raises(ParameterError, match="n_colors"):
        iaa.KMeansColorQuantization(1)
    with pytest.raises(ParameterError, match="interpolation"):
        iaa.UniformColorQuantization(interpolation="bogus")


@pytest.mark.parametrize("space", ["YCrCb", "YUV", "HSV"])
@pytest.mark.parametrize("channels", [1, 3, 4])
@pytest.mark.parametrize("from_space", ["RGB", "BGR"])
def test_map_intensity_lut_equals_map_intensity(space, channels, from_space):
    rng = np.random.default_rng(channels)
    image = rng.integers(0, 256, (9, 7, channels), dtype=np.uint8)
    for table in (np.clip(np.arange(256) * 1.3 + 9, 0, 255),   # only raises
                  np.clip(np.arange(256) * 0.7 - 9, 0, 255),   # only lowers
                  np.clip(np.arange(256) * 1.6 - 60, 0, 255),  # both
                  np.arange(256)):                              # neither
        table = table.astype(np.uint8)
        expected = F.map_intensity(image, lambda plane, t=table: F.apply_lut(plane, t),
                                   space, from_space)
        got = F.map_intensity_lut(image, table, space, from_space)
        np.testing.assert_array_equal(got, expected)
        assert not np.shares_memory(got, image)
