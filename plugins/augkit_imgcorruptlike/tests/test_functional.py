"""The corruption functions against ImageNet-C's published definitions."""

from __future__ import annotations

import io
import time

import cv2
import numpy as np
import pytest
from augkit_imgcorruptlike import functional as F
from augkit_imgcorruptlike._textures import frost_texture, plasma_fractal
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from augkit import InputError, ParameterError

ALL_NAMES, ALL_FUNCS = F.get_corruption_names("all")
RANDOM = {"gaussian_noise", "shot_noise", "impulse_noise", "speckle_noise", "glass_blur",
          "motion_blur", "fog", "frost", "snow", "spatter", "elastic_transform"}


def photo(height: int = 64, width: int = 80) -> np.ndarray:
    """A smooth colourful test picture (gradients and a disk), uint8 RGB."""
    yy, xx = np.mgrid[0:height, 0:width]
    red = 255 * xx / max(width - 1, 1)
    green = 255 * yy / max(height - 1, 1)
    blue = np.where((yy - height / 2) ** 2 + (xx - width / 2) ** 2 < (height / 4) ** 2, 220, 40)
    return np.stack([red, green, blue], axis=2).astype(np.uint8)


def gray(value: int, shape=(100, 100, 3)) -> np.ndarray:
    return np.full(shape, value, np.uint8)


def delta(out: np.ndarray, image: np.ndarray) -> np.ndarray:
    return out.astype(np.float64) / 255 - image.astype(np.float64) / 255


# --------------------------------------------------------------------------- names


def test_subsets_are_imgaugs_lists_with_their_apply_functions():
    common, funcs = F.get_corruption_names()
    assert common == ["gaussian_noise", "shot_noise", "impulse_noise", "defocus_blur",
                      "glass_blur", "motion_blur", "zoom_blur", "snow", "frost", "fog",
                      "brightness", "contrast", "elastic_transform", "pixelate",
                      "jpeg_compression"]
    assert funcs[0] is F.apply_gaussian_noise and funcs[-1] is F.apply_jpeg_compression
    assert F.get_corruption_names("validation")[0] == ["speckle_noise", "gaussian_blur",
                                                       "spatter", "saturate"]
    assert ALL_NAMES == common + F.get_corruption_names("validation")[0]
    assert len(set(ALL_NAMES)) == 19


def test_unknown_subset_is_a_parameter_error_naming_the_choices():
    with pytest.raises(ParameterError, match="subset: expected one of 'common'"):
        F.get_corruption_names("train")


# --------------------------------------------------------------------------- contract


@pytest.mark.parametrize("name", ALL_NAMES)
@pytest.mark.parametrize("shape", [(1, 1), (2, 3, 1), (5, 40, 3), (33, 7), (37, 61, 3)])
def test_any_size_and_channel_layout_keeps_shape_and_dtype(name, shape):
    func = getattr(F, f"apply_{name}")
    image = np.random.default_rng(0).integers(0, 256, shape, dtype=np.uint8)
    before = image.copy()
    out = func(image, severity=5, seed=1)
    assert out.shape == shape and out.dtype == np.uint8
    assert np.array_equal(image, before)
    assert not np.shares_memory(out, image)


@pytest.mark.parametrize("name", ALL_NAMES)
def test_same_seed_same_output_and_other_seed_other_output(name):
    func = getattr(F, f"apply_{name}")
    image = photo()
    first = func(image, severity=3, seed=5)
    assert np.array_equal(first, func(image, severity=3, seed=5))
    assert np.array_equal(first, func(image, severity=3, seed=np.random.default_rng(5)))
    if name in RANDOM:
        assert not np.array_equal(first, func(image, severity=3, seed=6))


@pytest.mark.parametrize("severity", [0, 6, -1, 2.5, 3.0, "3", True, None])
def test_severity_must_be_an_integer_from_1_to_5(severity):
    with pytest.raises(ParameterError, match="severity: expected an integer from 1 to 5"):
        F.apply_contrast(gray(10), severity=severity)


@pytest.mark.parametrize("image", [np.zeros((4, 4, 3), np.float32), np.zeros((4, 4, 4), np.uint8),
                                   np.zeros((4, 4, 2), np.uint8), np.zeros(4, np.uint8),
                                   [[1, 2]]])
def test_images_other_than_uint8_gray_or_rgb_are_input_errors(image):
    with pytest.raises(InputError, match="x: expected"):
        F.apply_gaussian_noise(image, severity=1, seed=0)


@pytest.mark.parametrize("name", ["frost", "fog", "glass_blur"])
def test_large_images_stay_fast(name):
    image = np.zeros((1080, 1920, 3), np.uint8)
    start = time.perf_counter()
    out = getattr(F, f"apply_{name}")(image, severity=5, seed=0)
    assert out.shape == image.shape
    assert time.perf_counter() - start < 3.0  # about 0.1-0.6 s on one core


def test_zero_size_images_come_back_as_copies():
    image = np.zeros((0, 5, 3), np.uint8)
    out = F.apply_fog(image, severity=2, seed=0)
    assert out.shape == (0, 5, 3) and not np.shares_memory(out, image)


# --------------------------------------------------------------------------- noise


@pytest.mark.parametrize(("severity", "std"), [(1, 0.08), (2, 0.12), (3, 0.18)])
def test_gaussian_noise_std_on_gray_is_the_published_one(severity, std):
    image = gray(128, (200, 200, 3))
    noise = delta(F.apply_gaussian_noise(image, severity=severity, seed=0), image)
    assert noise.std() == pytest.approx(std, abs=0.006)
    assert abs(noise.mean()) < 0.01 + 0.5 / 255  # truncation to uint8 lowers by ~1/510


@pytest.mark.parametrize(("severity", "photons"), [(1, 60), (2, 25), (3, 12)])
def test_shot_noise_is_poisson_with_the_published_photon_count(severity, photons):
    image = gray(102, (200, 200, 1))  # 0.4
    out = F.apply_shot_noise(image, severity=severity, seed=0).astype(np.float64) / 255
    expected_std = np.sqrt(0.4 * photons) / photons
    assert out.std() == pytest.approx(expected_std, rel=0.05)
    counts = np.round(out * photons)
    assert np.allclose(counts / photons, out, atol=1.01 / 255)  # values are counts / c


@pytest.mark.parametrize(("severity", "amount"), [(1, 0.03), (4, 0.17), (5, 0.27)])
def test_impulse_noise_sets_the_published_fraction_to_black_or_white(severity, amount):
    image = gray(128, (200, 200, 3))
    out = F.apply_impulse_noise(image, severity=severity, seed=0)
    changed = out != 128
    assert changed.mean() == pytest.approx(amount, abs=0.006)
    assert set(np.unique(out[changed]).tolist()) == {0, 255}
    assert np.mean(out[changed] == 255) == pytest.approx(0.5, abs=0.03)


@pytest.mark.parametrize(("severity", "scale"), [(1, 0.15), (3, 0.35)])
def test_speckle_noise_is_multiplicative(severity, scale):
    dark, bright = gray(0, (150, 150, 3)), gray(102, (150, 150, 3))
    assert F.apply_speckle_noise(dark, severity=severity, seed=0).max() == 0
    noise = delta(F.apply_speckle_noise(bright, severity=severity, seed=0), bright)
    assert noise.std() == pytest.approx(0.4 * scale, rel=0.05)


# --------------------------------------------------------------------------- blur


@pytest.mark.parametrize(("severity", "sigma"), [(1, 1), (3, 3), (5, 6)])
def test_gaussian_blur_spreads_a_dot_with_the_published_sigma(severity, sigma):
    dot = np.zeros((81, 81), np.float32)
    dot[40, 40] = 1
    spread = F.gaussian(dot, float(sigma))
    yy, _ = np.mgrid[0:81, 0:81]
    variance = float((spread * (yy - 40) ** 2).sum() / spread.sum())
    assert variance == pytest.approx(sigma ** 2, rel=0.03)
    image = photo()
    expected = np.clip(F.gaussian(image.astype(np.float32) / 255, float(sigma)), 0, 1) * 255
    out = F.apply_gaussian_blur(image, severity=severity)
    assert np.abs(out.astype(int) - expected.astype(int)).max() <= 1


@pytest.mark.parametrize("name", ["gaussian_blur", "glass_blur", "defocus_blur", "motion_blur",
                                  "zoom_blur"])
def test_blurs_keep_a_constant_image(name):
    image = gray(77, (40, 50, 3))
    assert np.array_equal(getattr(F, f"apply_{name}")(image, severity=5, seed=0), image)


def test_glass_shuffle_is_a_permutation_of_nearby_interior_pixels():
    height, width, max_delta, iterations = 30, 40, 2, 3
    order = F.glass_shuffle(height, width, max_delta, iterations, np.random.default_rng(0))
    assert sorted(order.tolist()) == list(range(height * width))
    source_y, source_x = np.divmod(order.reshape(height, width), width)
    yy, xx = np.mgrid[0:height, 0:width]
    moved = (source_y != yy) | (source_x != xx)
    assert moved.mean() > 0.5
    # ImageNet-C's loop touches rows/columns 1 .. H-1 only: row 0 and column 0 stay.
    assert not moved[0].any() and not moved[:, 0].any()
    # One swap moves a pixel by at most max_delta per axis; a pixel takes part in at
    # most (2 * max_delta + 1) ** 2 swaps per iteration.
    reach = max_delta * iterations * (2 * max_delta + 1) ** 2
    assert np.abs(source_y - yy).max() <= reach


def imagenet_c_shuffle(height, width, max_delta, iterations, rng):
    """ImageNet-C's pixel-by-pixel swap loop (raster order from the bottom right)."""
    index = np.arange(height * width).reshape(height, width)
    for _ in range(iterations):
        for h in range(height - max_delta, max_delta, -1):
            for w in range(width - max_delta, max_delta, -1):
                dx, dy = rng.integers(-max_delta, max_delta, size=2)
                index[h, w], index[h + dy, w + dx] = index[h + dy, w + dx], index[h, w]
    return index.ravel()


def travel(order, size):
    source_y, source_x = np.divmod(order.reshape(size, size), size)
    yy, xx = np.mgrid[0:size, 0:size]
    inner = (slice(8, -8), slice(8, -8))
    dy, dx = (source_y - yy)[inner], (source_x - xx)[inner]
    return np.mean((dy != 0) | (dx != 0)), np.mean(np.abs(dy)), np.mean(np.abs(dx))


@pytest.mark.parametrize(("max_delta", "iterations"), [(1, 2), (2, 3), (4, 2)])
def test_glass_shuffle_moves_pixels_as_far_as_imagenet_cs_loop(max_delta, iterations):
    ours = travel(F.glass_shuffle(48, 48, max_delta, iterations, np.random.default_rng(0)), 48)
    loop = travel(imagenet_c_shuffle(48, 48, max_delta, iterations, np.random.default_rng(0)),
                  48)
    assert ours == pytest.approx(loop, rel=0.08)


def test_glass_shuffle_on_an_image_too_small_for_swaps_is_the_identity():
    # ImageNet-C swaps rows max_delta + 1 .. H - max_delta: none when H <= 2 * max_delta.
    assert F.glass_shuffle(4, 20, 2, 3, np.random.default_rng(0)).tolist() == list(range(80))
    assert F.glass_shuffle(5, 20, 2, 3, np.random.default_rng(0)).tolist() != list(range(100))


def test_glass_blur_takes_milliseconds_not_seconds():
    image = np.random.default_rng(0).integers(0, 256, (224, 224, 3), dtype=np.uint8)
    F.apply_glass_blur(image, severity=5, seed=0)
    start = time.perf_counter()
    F.apply_glass_blur(image, severity=5, seed=1)
    assert time.perf_counter() - start < 0.25


@pytest.mark.parametrize(("radius", "alias", "size"), [(3, 0.1, 17), (10, 0.5, 21)])
def test_disk_kernel_is_a_normalised_disk(radius, alias, size):
    kernel = F.disk_kernel(radius, alias)
    assert kernel.shape == (size, size)
    assert float(kernel.sum()) == pytest.approx(1.0, abs=0.02)  # reflect101 border
    centre = size // 2
    assert kernel[0, 0] == pytest.approx(0.0, abs=1e-6)  # corners lie outside the disk
    assert kernel[centre, centre] > 0


def shifted_sum(image: np.ndarray, radius: int, sigma: float, angle: float) -> np.ndarray:
    """ImageNet-C's motion blur written as its loop of edge-repeating shifts."""
    width = 2 * radius + 1
    weights = np.exp(-np.arange(width) ** 2 / (2 * sigma ** 2))
    weights /= weights.sum()
    height, img_w = image.shape[:2]
    padded = np.pad(image.astype(np.float64), ((width, width), (width, width), (0, 0)),
                    mode="edge")
    out = np.zeros(image.shape, np.float64)
    for i, weight in enumerate(weights):
        dy = -int(np.ceil(i * np.sin(np.deg2rad(angle)) - 0.5))
        dx = -int(np.ceil(i * np.cos(np.deg2rad(angle)) - 0.5))
        out += weight * padded[width - dy:width - dy + height, width - dx:width - dx + img_w]
    return out


@pytest.mark.parametrize("angle", [-45.0, -10.0, 0.0, 33.3, 45.0])
def test_motion_kernel_equals_imagenet_cs_sum_of_shifted_copies(angle):
    image = photo(50, 60)
    kernel = F.motion_kernel(15, 5, angle, 50, 60)
    out = cv2.filter2D(image.astype(np.float32), -1, kernel, borderType=cv2.BORDER_REPLICATE)
    assert np.allclose(out, shifted_sum(image, 15, 5, angle), atol=1e-3)


def test_motion_kernel_drops_taps_outside_a_small_image_and_renormalises():
    kernel = F.motion_kernel(20, 15, 0.0, 8, 8)
    assert kernel.shape == (1, 15) and float(kernel.sum()) == pytest.approx(1.0)


def test_clipped_zoom_matches_scipys_linear_zoom_of_the_centre_crop():
    from scipy.ndimage import zoom as scipy_zoom

    image = photo(40, 52).astype(np.float32) / 255
    for factor in (1.06, 1.2, 1.3):
        crop_h, crop_w = int(np.ceil(40 / factor)), int(np.ceil(52 / factor))
        top, left = (40 - crop_h) // 2, (52 - crop_w) // 2
        expected = scipy_zoom(image[top:top + crop_h, left:left + crop_w], (factor, factor, 1),
                              order=1)[:40, :52]
        # OpenCV interpolates at 1/32 pixel: values agree within a small fraction.
        assert np.abs(F.clipped_zoom(image, factor) - expected).max() < 0.02


def test_zoom_blur_averages_the_image_with_its_zooms():
    image = photo(30, 30)
    unit = image.astype(np.float32) / 255
    zooms = np.arange(1, 1.11, 0.01)
    total = unit + sum(F.clipped_zoom(unit, float(z)) for z in zooms)
    expected = (np.clip(total / (len(zooms) + 1), 0, 1) * 255).astype(np.uint8)
    assert np.abs(F.apply_zoom_blur(image, severity=1).astype(int) - expected).max() <= 1


# --------------------------------------------------------------------------- weather


def test_plasma_fractal_spans_zero_to_one_and_is_seeded():
    first = plasma_fractal(64, 2.0, np.random.default_rng(0))
    assert first.shape == (64, 64) and first.min() == 0 and first.max() == 1
    assert np.array_equal(first, plasma_fractal(64, 2.0, np.random.default_rng(0)))
    rough = np.abs(np.diff(plasma_fractal(64, 1.4, np.random.default_rng(0)), axis=1)).mean()
    smooth = np.abs(np.diff(first, axis=1)).mean()
    assert rough > smooth  # a slower decay keeps more fine detail


def test_fog_is_imagenet_cs_formula_with_the_plasma_map():
    image = photo(30, 50)
    strength, decay = 2.5, 1.7
    fog = plasma_fractal(64, decay, np.random.default_rng(4))[:30, :50, None]
    unit = image.astype(np.float64) / 255
    peak = unit.max()
    expected = np.clip((unit + strength * fog) * peak / (peak + strength), 0, 1) * 255
    out = F.apply_fog(image, severity=3, seed=4)
    assert np.abs(out.astype(int) - expected.astype(np.uint8)).max() <= 1


def test_frost_texture_is_seeded_bluish_and_scales_with_the_image():
    a = frost_texture(64, 64, np.random.default_rng(1))
    assert np.array_equal(a, frost_texture(64, 64, np.random.default_rng(1)))
    assert not np.array_equal(a, frost_texture(64, 64, np.random.default_rng(2)))
    assert a[..., 2].mean() > a[..., 0].mean() > 0
    big = frost_texture(448, 448, np.random.default_rng(1))
    assert big.shape == (448, 448, 3)
    assert 0.5 < big.mean() / a.mean() < 2


@pytest.mark.parametrize(("severity", "weights"), [(1, (1, 0.4)), (5, (0.6, 0.75))])
def test_frost_blends_image_and_texture_with_the_published_weights(severity, weights):
    image = photo(40, 40)
    texture = frost_texture(40, 40, np.random.default_rng(9))
    expected = np.clip(weights[0] * image.astype(np.float32) + weights[1] * texture, 0, 255)
    out = F.apply_frost(image, severity=severity, seed=9)
    assert np.abs(out.astype(int) - expected.astype(np.uint8)).max() <= 1
    gray_out = F.apply_frost(image[:, :, :1], severity=severity, seed=9)
    assert gray_out.shape == (40, 40, 1)


def test_snow_whitens_and_adds_bright_flakes():
    image = gray(60, (96, 96, 3))
    out = F.apply_snow(image, severity=3, seed=0)
    # 0.7 x + 0.3 max(x, 1.5 gray + 0.5) is the floor before flakes are added.
    floor = int(0.7 * 60 + 0.3 * (1.5 * 60 + 127.5))
    assert out.min() >= floor - 1
    assert (out == 255).mean() > 0.01


def test_spatter_water_is_turquoise_and_mud_is_brown():
    image = gray(100, (128, 128, 3))
    water = delta(F.apply_spatter(image, severity=2, seed=0), image)
    assert water.max() > 0.05 and water.min() >= -1 / 255
    assert water[..., 1].sum() > water[..., 0].sum()  # (175, 238, 238): green, blue > red
    mud = F.apply_spatter(gray(255, (128, 128, 3)), severity=5, seed=0).astype(int)
    stained = mud[..., 0] < 255
    assert stained.any()
    assert (mud[..., 0][stained] >= mud[..., 2][stained]).all()  # (63, 42, 20): red > blue


# --------------------------------------------------------------------------- digital


@pytest.mark.parametrize("severity", [1, 3, 5])
def test_contrast_is_the_exact_formula(severity):
    factor = (0.4, 0.3, 0.2, 0.1, 0.05)[severity - 1]
    assert np.array_equal(F.apply_contrast(gray(93), severity=severity), gray(93))
    image = np.array([[[0, 10, 200], [255, 30, 100]]], np.uint8)
    unit = image / 255.0
    means = unit.mean(axis=(0, 1), keepdims=True)
    expected = (np.clip((unit - means) * factor + means, 0, 1) * 255).astype(np.uint8)
    assert np.array_equal(F.apply_contrast(image, severity=severity), expected)


def test_brightness_shifts_hsv_value_as_skimage_does():
    from skimage import color

    image = photo()
    for severity, shift in ((1, 0.1), (4, 0.4)):
        hsv = color.rgb2hsv(image / 255.0)
        hsv[..., 2] = np.clip(hsv[..., 2] + shift, 0, 1)
        expected = (np.clip(color.hsv2rgb(hsv), 0, 1) * 255).astype(int)
        assert np.abs(F.apply_brightness(image, severity=severity).astype(int)
                      - expected).max() <= 1
    black = gray(0, (2, 2, 3))
    assert np.array_equal(F.apply_brightness(black, severity=2), gray(51, (2, 2, 3)))
    assert F.apply_brightness(gray(100, (2, 2)), severity=1).tolist() == [[125, 125]] * 2


def test_saturate_sets_hsv_saturation_as_skimage_does():
    from skimage import color

    image = photo()
    image[:5] = 90  # gray pixels: hue 0, so an offset tints them red
    for severity, (factor, offset) in enumerate(((0.3, 0), (0.1, 0), (2, 0), (5, 0.1),
                                                 (20, 0.2)), start=1):
        hsv = color.rgb2hsv(image / 255.0)
        hsv[..., 1] = np.clip(hsv[..., 1] * factor + offset, 0, 1)
        expected = (np.clip(color.hsv2rgb(hsv), 0, 1) * 255).astype(int)
        assert np.abs(F.apply_saturate(image, severity=severity).astype(int)
                      - expected).max() <= 1
    assert np.array_equal(F.apply_saturate(image[..., :1], severity=5), image[..., :1])


@pytest.mark.parametrize(("severity", "quality"), [(1, 25), (2, 18), (3, 15), (4, 10), (5, 7)])
def test_jpeg_compression_is_cv2_at_the_published_quality(severity, quality):
    image = photo()
    ok, encoded = cv2.imencode(".jpg", image[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, quality])
    expected = cv2.imdecode(encoded, cv2.IMREAD_COLOR)[..., ::-1]
    assert np.array_equal(F.apply_jpeg_compression(image, severity=severity), expected)
    ok, encoded = cv2.imencode(".jpg", image[..., 0], [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert np.array_equal(F.apply_jpeg_compression(image[..., 0], severity=severity),
                          cv2.imdecode(encoded, cv2.IMREAD_GRAYSCALE))


@pytest.mark.parametrize(("severity", "factor"), [(1, 0.6), (3, 0.4), (5, 0.25)])
def test_pixelate_is_pillows_box_then_nearest_round_trip(severity, factor):
    image = photo(57, 83)
    small = Image.fromarray(image).resize((int(83 * factor), int(57 * factor)), Image.BOX)
    expected = np.asarray(small.resize((83, 57), Image.NEAREST))
    out = F.apply_pixelate(image, severity=severity)
    assert out.shape == image.shape and np.array_equal(out, expected)
    assert len(np.unique(out.reshape(-1, 3), axis=0)) <= small.size[0] * small.size[1]


def test_pixelate_of_a_one_pixel_image_keeps_it():
    assert F.apply_pixelate(np.array([[7]], np.uint8), severity=5).tolist() == [[7]]


def test_jpeg_bytes_from_pillow_are_not_needed():
    # The corruption uses OpenCV's libjpeg; Pillow at the same quality differs only
    # slightly (same quantisation tables, other rounding).
    image = photo()
    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, "JPEG", quality=25)
    pillow = np.asarray(Image.open(buffer)).astype(int)
    assert np.abs(F.apply_jpeg_compression(image, severity=1).astype(int) - pillow).mean() < 2


# --------------------------------------------------------------------------- elastic


def test_elastic_field_on_a_224_image_is_imagenet_cs_smoothed_noise():
    field = F.elastic_field(224, 224, 5, np.random.default_rng(0))
    assert field.shape == (2, 224, 224) and field.dtype == np.float32
    # uniform(-1.12, 1.12) smoothed by sigma 2.24, times 30: std ~ 0.65 * 0.126 * 30.
    assert float(field.std()) == pytest.approx(0.65 * 0.126 * 30, rel=0.2)
    weak = F.elastic_field(224, 224, 1, np.random.default_rng(0))
    assert np.allclose(weak * 30, field * 12.5, atol=1e-4)


def test_elastic_field_of_a_small_image_is_its_224_pixel_field_scaled_down():
    small = F.elastic_field(56, 56, 5, np.random.default_rng(0))
    big = F.elastic_field(224, 224, 5, np.random.default_rng(0))
    expected = cv2.resize(big[0], (56, 56), interpolation=cv2.INTER_AREA) / 4
    assert np.allclose(small[0], expected, atol=1e-5)


def test_warp_by_field_moves_maps_with_nearest_for_labels():
    labels = np.zeros((10, 10, 1), np.int32)
    labels[:, 5:] = 3
    field = np.zeros((2, 10, 10), np.float32)
    field[0] = 2.0  # every pixel takes the one 2 to its right
    out = F.warp_by_field(labels, field, nearest=True)
    assert out.dtype == np.int32 and out[0, :, 0].tolist() == [0, 0, 0, 3, 3, 3, 3, 3, 3, 3]
    half = F.warp_by_field(labels, np.zeros((2, 5, 5), np.float32) + np.float32(1), nearest=True)
    assert half[0, :, 0].tolist() == [0, 0, 0, 3, 3, 3, 3, 3, 3, 3]  # 1 px of a half map = 2


def test_points_follow_the_field_they_are_warped_by():
    field = F.elastic_field(120, 100, 5, np.random.default_rng(2))
    xy = np.array([[20.5, 30.5], [60.25, 90.75], [50.0, 60.0]])
    moved = F.move_points_by_field(xy, field)
    # Where a moved point samples the field, it must find its original position.
    for (x, y), (mx, my) in zip(xy, moved):
        col, row = mx - 0.5, my - 0.5
        dx = cv2.remap(field[0], np.float32([[col]]), np.float32([[row]]), cv2.INTER_LINEAR)
        dy = cv2.remap(field[1], np.float32([[col]]), np.float32([[row]]), cv2.INTER_LINEAR)
        assert abs(mx + float(dx[0, 0]) - x) < 0.05 and abs(my + float(dy[0, 0]) - y) < 0.05
    assert F.move_points_by_field(np.zeros((0, 2)), field).shape == (0, 2)


@given(name=st.sampled_from(ALL_NAMES), severity=st.integers(1, 5),
       height=st.integers(1, 48), width=st.integers(1, 48),
       layout=st.sampled_from([(), (1,), (3,)]), seed=st.integers(0, 2**32 - 1))
def test_every_corruption_on_any_image_is_seeded_and_keeps_its_shape(name, severity, height,
                                                                     width, layout, seed):
    image = np.random.default_rng(seed).integers(0, 256, (height, width, *layout),
                                                 dtype=np.uint8)
    func = getattr(F, f"apply_{name}")
    out = func(image, severity=severity, seed=seed)
    assert out.shape == image.shape and out.dtype == np.uint8 and out.flags.c_contiguous
    assert np.array_equal(out, func(image, severity=severity, seed=seed))
