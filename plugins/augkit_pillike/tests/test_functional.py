"""The pillike kernels give Pillow's outputs exactly, on random and on edge-case images."""

from __future__ import annotations

import numpy as np
import PIL.Image
import PIL.ImageEnhance
import PIL.ImageFilter
import PIL.ImageOps
import pytest
from augkit_pillike import functional as F

from augkit import InputError, ParameterError, UnsupportedDtypeError

MODES = {1: "L", 3: "RGB", 4: "RGBA"}


def random_images(channels=(1, 3)):
    """Uniform noise, a low-contrast image and a skewed histogram, in each channel count."""
    rng = np.random.default_rng(7)
    out = []
    for c in channels:
        shape = (13, 17) if c == 1 else (13, 17, c)
        out.append(rng.integers(0, 256, shape, dtype=np.uint8))
        out.append(rng.integers(90, 140, shape, dtype=np.uint8))
        skewed = np.where(rng.random(shape) < 0.9, 3, rng.integers(0, 256, shape))
        out.append(skewed.astype(np.uint8))
    return out


def pil(image):
    return PIL.Image.fromarray(image, MODES[1 if image.ndim == 2 else image.shape[2]])


def per_channel(image, op):
    """Pillow's per-band operation, band by band (Pillow's LUT ops refuse RGBA)."""
    if image.ndim == 2:
        return np.asarray(op(pil(image)))
    return np.stack([np.asarray(op(pil(image[:, :, c]))) for c in range(image.shape[2])], -1)


@pytest.mark.parametrize("threshold", [0, 1, 64, 128, 255, 256])
def test_solarize_is_pillows(threshold):
    for image in random_images((1, 3, 4)):
        expected = per_channel(image, lambda im: PIL.ImageOps.solarize(im, threshold))
        np.testing.assert_array_equal(F.solarize(image, threshold), expected)


@pytest.mark.parametrize("bits", range(1, 9))
def test_posterize_is_pillows(bits):
    for image in random_images((1, 3, 4)):
        expected = per_channel(image, lambda im: PIL.ImageOps.posterize(im, bits))
        np.testing.assert_array_equal(F.posterize(image, bits), expected)


def test_equalize_is_pillows_with_and_without_mask():
    mask = (np.arange(13 * 17).reshape(13, 17) % 3 == 0).astype(np.uint8) * 255
    for image in [*random_images((1, 3, 4)), np.full((4, 4, 3), 9, np.uint8),
                  np.array([[0] + [1] * 509 + [2]], np.uint8)]:
        expected = per_channel(image, PIL.ImageOps.equalize)
        np.testing.assert_array_equal(F.equalize(image), expected)
        if image.shape[:2] == mask.shape:
            expected = per_channel(image, lambda im: PIL.ImageOps.equalize(
                im, PIL.Image.fromarray(mask)))
            np.testing.assert_array_equal(F.equalize(image, mask), expected)


@pytest.mark.parametrize("cutoff", [0, 1, 2, 10, 20, 49, (5, 30), 12.5])
@pytest.mark.parametrize("ignore", [None, 3, [0, 255]])
def test_autocontrast_is_pillows(cutoff, ignore):
    for image in [*random_images((1, 3, 4)), np.full((4, 4), 9, np.uint8)]:
        expected = per_channel(image, lambda im: PIL.ImageOps.autocontrast(
            im, cutoff=cutoff, ignore=ignore))
        np.testing.assert_array_equal(F.autocontrast(image, cutoff, ignore), expected)


ENHANCERS = {
    F.enhance_color: PIL.ImageEnhance.Color,
    F.enhance_contrast: PIL.ImageEnhance.Contrast,
    F.enhance_brightness: PIL.ImageEnhance.Brightness,
    F.enhance_sharpness: PIL.ImageEnhance.Sharpness,
}


@pytest.mark.parametrize("func", ENHANCERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("factor", [0.0, 0.3, 1.0, 1.7, 3.0])
def test_enhancements_are_pillows(func, factor):
    for image in random_images((1, 3, 4)):
        expected = np.asarray(ENHANCERS[func](pil(image)).enhance(factor))
        np.testing.assert_array_equal(func(image, factor), expected)


FILTERS = {
    F.filter_blur: PIL.ImageFilter.BLUR,
    F.filter_smooth: PIL.ImageFilter.SMOOTH,
    F.filter_smooth_more: PIL.ImageFilter.SMOOTH_MORE,
    F.filter_edge_enhance: PIL.ImageFilter.EDGE_ENHANCE,
    F.filter_edge_enhance_more: PIL.ImageFilter.EDGE_ENHANCE_MORE,
    F.filter_find_edges: PIL.ImageFilter.FIND_EDGES,
    F.filter_contour: PIL.ImageFilter.CONTOUR,
    F.filter_emboss: PIL.ImageFilter.EMBOSS,
    F.filter_sharpen: PIL.ImageFilter.SHARPEN,
    F.filter_detail: PIL.ImageFilter.DETAIL,
}


@pytest.mark.parametrize("func", FILTERS, ids=lambda f: f.__name__)
def test_filters_are_pillows(func):
    for image in random_images((1, 3, 4)):
        np.testing.assert_array_equal(func(image), np.asarray(pil(image).filter(FILTERS[func])))


def test_one_channel_images_keep_their_shape():
    image = random_images((1,))[0][:, :, None]
    assert F.filter_blur(image).shape == image.shape
    assert F.enhance_color(image, 0.5).shape == image.shape
    assert F.equalize(image).shape == image.shape
    assert F.warp_affine(image, rotate_deg=10).shape == image.shape


def test_blur_spreads_a_dot_over_a_ring_and_keeps_the_border():
    image = np.zeros((9, 9), np.uint8)
    image[4, 4] = 160
    out = F.filter_blur(image)
    # BLUR is a 5x5 ring of ones (16 taps, divisor 16): the dot spreads to the ring
    ring = np.zeros((9, 9), np.uint8)
    ring[2:7, 2:7] = 10
    ring[3:6, 3:6] = 0
    np.testing.assert_array_equal(out, ring)
    corner = np.zeros((5, 5), np.uint8)
    corner[0, 0] = 160
    assert F.filter_smooth(corner)[0, 0] == 160  # the border keeps its input value


def imgaug_pil_affine(image, matrix_args, fillcolor=None, center=(0.5, 0.5)):
    """Pillow's transform with the output-to-input matrix imgaug builds."""
    height, width = image.shape[:2]
    forward = F.affine_matrix(**matrix_args, center_px=(width * center[0], height * center[1]))
    inverse = np.linalg.inv(forward.astype(np.float32))
    return np.asarray(pil(image).transform((width, height), PIL.Image.Transform.AFFINE,
                                           inverse[:2].ravel().tolist(), fillcolor=fillcolor))


@pytest.mark.parametrize("args", [
    {},
    {"scale_x": 1.3, "scale_y": 0.7},
    {"translate_x_px": 3, "translate_y_px": -2},
    {"rotate_deg": 33.0},
    {"shear_x_deg": 20.0, "shear_y_deg": -10.0},
    {"scale_x": 0.9, "rotate_deg": -70, "translate_x_px": 1.5, "shear_y_deg": 5},
])
def test_warp_affine_is_pillows_transform(args):
    for image in random_images((1, 3, 4)):
        for center in [(0.5, 0.5), (0.0, 0.0)]:
            expected = imgaug_pil_affine(image, args, center=center)
            np.testing.assert_array_equal(F.warp_affine(image, **args, center=center), expected)


def test_warp_affine_exact_small_cases():
    image = np.arange(1, 10, dtype=np.uint8).reshape(3, 3)
    assert F.warp_affine(image, translate_x_px=1).tolist() == [[0, 1, 2], [0, 4, 5], [0, 7, 8]]
    # 90 degrees clockwise about the centre
    assert F.warp_affine(image, rotate_deg=90).tolist() == [[7, 4, 1], [8, 5, 2], [9, 6, 3]]
    rgb = np.full((2, 2, 3), 100, np.uint8)
    moved = F.warp_affine(rgb, translate_y_px=1, fillcolor=(1, 2, 3))
    assert moved[0].tolist() == [[1, 2, 3], [1, 2, 3]]
    # an int fills the first channel only, as Pillow does
    assert F.warp_affine(rgb, translate_y_px=1, fillcolor=7)[0, 0].tolist() == [7, 0, 0]


def test_in_place_variants_change_the_image_and_return_it():
    for func, args in [(F.solarize_, (100,)), (F.posterize_, (3,)), (F.equalize_, ())]:
        image = random_images((3,))[0]
        expected = {F.solarize_: F.solarize, F.posterize_: F.posterize,
                    F.equalize_: F.equalize}[func](image, *args)
        assert func(image, *args) is image
        np.testing.assert_array_equal(image, expected)


def test_functions_return_new_arrays_and_keep_the_input():
    image = random_images((3,))[0]
    before = image.copy()
    for func in (F.equalize, F.autocontrast, F.filter_emboss):
        out = func(image)
        assert out is not image and out.flags.c_contiguous and out.flags.writeable
    np.testing.assert_array_equal(image, before)


def test_zero_sized_images_come_back_unchanged():
    empty = np.zeros((0, 4, 3), np.uint8)
    for out in (F.equalize(empty), F.autocontrast(empty), F.filter_blur(empty),
                F.enhance_color(empty, 0.5), F.warp_affine(empty, rotate_deg=5)):
        assert out.shape == (0, 4, 3)


def test_bad_inputs_name_what_was_expected():
    with pytest.raises(UnsupportedDtypeError, match="uint8"):
        F.solarize(np.zeros((2, 2), np.float32))
    with pytest.raises(InputError, match="1, 3 or 4 channels"):
        F.filter_blur(np.zeros((4, 4, 2), np.uint8))
    with pytest.raises(ParameterError, match=r"bits: expected an integer in \[1, 8\]"):
        F.posterize(np.zeros((2, 2), np.uint8), 0)
    with pytest.raises(InputError, match="mask: expected shape"):
        F.equalize(np.zeros((2, 2), np.uint8), mask=np.ones((3, 3), np.uint8))
    with pytest.raises(InputError, match="numpy array"):
        F.equalize([[1, 2]])


@pytest.mark.parametrize("func", FILTERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("shape", [(1, 1), (2, 7), (4, 4), (5, 5, 3), (64, 48, 4)])
def test_filters_are_pillows_on_tiny_and_larger_images(func, shape):
    image = np.random.default_rng(sum(shape)).integers(0, 256, shape, dtype=np.uint8)
    np.testing.assert_array_equal(func(image), np.asarray(pil(image).filter(FILTERS[func])))


@pytest.mark.parametrize("func", ENHANCERS, ids=lambda f: f.__name__)
def test_enhancements_are_pillows_for_random_factors_and_sizes(func):
    rng = np.random.default_rng(11)
    for _ in range(12):
        channels = int(rng.choice([1, 3, 4]))
        shape = (int(rng.integers(1, 40)), int(rng.integers(1, 40)), channels)
        image = rng.integers(0, 256, shape, dtype=np.uint8)
        factor = float(rng.uniform(0.0, 3.0))
        expected = np.asarray(ENHANCERS[func](pil(image[:, :, 0] if channels == 1 else image))
                              .enhance(factor)).reshape(shape)
        np.testing.assert_array_equal(func(image, factor), expected)
