"""imgaug's functions of ``color``, ``contrast`` and ``artistic``, with imgaug's semantics."""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit import augmenters as iaa

C = iaa.color


def test_cspace_constants_are_imgaugs_names():
    assert (C.CSPACE_RGB, C.CSPACE_HSV, C.CSPACE_YCrCb, C.CSPACE_CIE) == \
        ("RGB", "HSV", "YCrCb", "CIE")
    assert {C.CSPACE_GRAY, C.CSPACE_Lab, C.CSPACE_Luv, C.CSPACE_YUV} <= C.CSPACE_ALL
    assert iaa.CSPACE_HSV == "HSV"


def test_change_colorspace_writes_into_the_image():
    img = np.array([[[255, 0, 0]]], dtype=np.uint8)
    assert C.change_colorspace_(img, C.CSPACE_HSV) is img
    assert img.tolist() == [[[0, 255, 255]]]
    assert C.change_colorspace_(img, C.CSPACE_RGB, C.CSPACE_HSV).tolist() == [[[255, 0, 0]]]
    with pytest.raises(augkit.ParameterError, match="to_colorspace"):
        C.change_colorspace_(img, "CMYK")


def test_change_colorspaces_takes_one_space_per_image():
    imgs = np.array([[[[255, 0, 0]]], [[[255, 0, 0]]]], dtype=np.uint8)
    out = C.change_colorspaces_(imgs, [C.CSPACE_BGR, C.CSPACE_GRAY])
    assert out is imgs
    assert imgs[:, 0, 0].tolist() == [[0, 0, 255], [76, 76, 76]]
    with pytest.raises(augkit.ParameterError, match="one per image"):
        C.change_colorspaces_(imgs, [C.CSPACE_BGR])


def test_change_color_temperature_is_neutral_at_6600_kelvin():
    img = np.full((1, 2, 3), 200, dtype=np.uint8)
    assert C.change_color_temperature(img, 6600).tolist() == img.tolist()
    warm = C.change_color_temperature(img, 1000)
    assert warm[0, 0].tolist() == [200, 53, 0] and img[0, 0].tolist() == [200, 200, 200]
    bgr = C.change_color_temperature(img, 1000, from_colorspace=C.CSPACE_BGR)
    assert bgr[0, 0].tolist() == [0, 53, 200]
    batch = [img.copy(), img.copy()]
    C.change_color_temperatures_(batch, [1000, 6600])
    assert batch[0][0, 0].tolist() == [200, 53, 0] and batch[1][0, 0].tolist() == [200] * 3
    with pytest.raises(augkit.ParameterError, match="kelvins"):
        C.change_color_temperatures_([img], 500)


def test_quantize_uniform_maps_to_bin_centres_or_lower_edges():
    arr = np.array([[0, 63, 64, 200, 255]], dtype=np.uint8)
    assert C.quantize_uniform(arr, 4).tolist() == [[32, 32, 96, 224, 224]]
    assert C.quantize_uniform(arr, 4, to_bin_centers=False).tolist() == [[0, 0, 64, 192, 192]]
    assert C.quantize_uniform(arr, 256).tolist() == arr.tolist()
    inplace = arr.copy()
    assert C.quantize_uniform_(inplace, 2) is inplace and inplace.tolist() == \
        [[64, 64, 64, 192, 192]]
    with pytest.raises(augkit.ParameterError, match="nb_bins"):
        C.quantize_uniform(arr, 1)
    with pytest.raises(augkit.InputError, match="uint8"):
        C.quantize_uniform(arr.astype(np.float32), 4)


def test_quantize_to_n_bits_and_posterize_keep_the_high_bits():
    arr = np.array([[255, 127, 64]], dtype=np.uint8)
    assert C.quantize_uniform_to_n_bits(arr, 1).tolist() == [[128, 0, 0]]
    assert C.posterize(arr, 2).tolist() == [[192, 64, 64]]
    assert C.quantize_uniform_to_n_bits_(arr.copy(), 8).tolist() == arr.tolist()
    with pytest.raises(augkit.ParameterError, match="nb_bits"):
        C.posterize(arr, 9)


def test_quantize_kmeans_is_deterministic_and_keeps_2d_shapes():
    img = np.array([[0, 10, 250, 240]], dtype=np.uint8)
    out = C.quantize_kmeans(img, 2)
    assert out.shape == (1, 4) and out.tolist() == [[5, 5, 245, 245]]
    assert np.array_equal(out, C.quantize_kmeans(img, 2))
    with pytest.raises(augkit.ParameterError, match="nb_clusters"):
        C.quantize_kmeans(img, 1)
    with pytest.warns(DeprecationWarning):
        assert C.quantize_colors_kmeans(img, 2).tolist() == out.tolist()
    with pytest.warns(DeprecationWarning):
        assert C.quantize_colors_uniform(img, 2).tolist() == [[64, 64, 192, 192]]
    with pytest.warns(DeprecationWarning):
        assert isinstance(C.InColorspace(C.CSPACE_HSV), iaa.WithColorspace)


def test_adjust_contrast_functions_per_image_and_per_channel():
    ct = iaa.contrast
    img = np.array([[[0, 64], [255, 128]]], dtype=np.uint8)
    assert ct.adjust_contrast_gamma(img, 2.0)[0].tolist() == [[0, 16], [255, 64]]
    assert ct.adjust_contrast_gamma(img, [1.0, 2.0])[0].tolist() == [[0, 16], [255, 64]]
    assert ct.adjust_contrast_linear(np.array([[64, 191]], np.uint8), 2.0).tolist() == \
        [[0, 255]]
    assert ct.adjust_contrast_log(np.array([[0.0, 1.0]]), 0.5).tolist() == [[0.0, 0.5]]
    with pytest.raises(augkit.InputError, match="int8"):
        ct.adjust_contrast_gamma(np.zeros((1, 1), np.int8), 2.0)


def test_stylize_cartoon_keeps_the_shape_of_gray_and_rgba_images():
    rng = np.random.default_rng(0)
    gray = rng.integers(0, 255, (12, 12), dtype=np.uint8)
    assert iaa.artistic.stylize_cartoon(gray).shape == (12, 12)
    rgba = rng.integers(0, 255, (12, 12, 4), dtype=np.uint8)
    out = iaa.artistic.stylize_cartoon(rgba, blur_ksize=5, from_colorspace=C.CSPACE_BGR)
    assert out.shape == (12, 12, 4) and np.array_equal(out[:, :, 3], rgba[:, :, 3])
    with pytest.raises(augkit.ParameterError, match="suppress_edges"):
        iaa.artistic.stylize_cartoon(gray, suppress_edges=False)
