"""The pillike augmenters: imgaug's parameters, Pillow's outputs, registry names."""

from __future__ import annotations

import numpy as np
import PIL.Image
import PIL.ImageOps
import pytest
from augkit_pillike import functional as F

import augkit
from augkit import ParameterError
from augkit import augmenters as iaa

pillike = iaa.pillike

NAMES = ["Solarize", "Posterize", "Equalize", "Autocontrast", "EnhanceColor",
         "EnhanceContrast", "EnhanceBrightness", "EnhanceSharpness", "FilterBlur",
         "FilterSmooth", "FilterSmoothMore", "FilterEdgeEnhance", "FilterEdgeEnhanceMore",
         "FilterFindEdges", "FilterContour", "FilterEmboss", "FilterSharpen", "FilterDetail",
         "Affine"]


def noise(shape=(12, 14, 3), seed=0):
    return np.random.default_rng(seed).integers(0, 256, shape, dtype=np.uint8)


# --------------------------------------------------------------------- names
@pytest.mark.parametrize("name", NAMES)
def test_every_imgaug_pillike_augmenter_is_in_the_module_and_the_registry(name):
    cls = getattr(pillike, name)
    assert cls.__name__ == name
    qualified = cls.registered_name or name
    assert augkit.get(qualified).__class__ is cls
    assert augkit.get(f"pillike:{qualified}").__class__ is cls


def test_colliding_names_stay_the_other_families_and_pillikes_are_qualified():
    assert iaa.Solarize is not pillike.Solarize and iaa.Solarize.__module__.startswith(
        "augkit_arithmetic")
    assert iaa.Posterize is not pillike.Posterize
    assert iaa.Affine is not pillike.Affine
    assert augkit.get("pillike.Affine").__class__ is pillike.Affine
    assert augkit.get("pillike.Solarize").__class__ is pillike.Solarize
    assert augkit.get("pillike.Posterize").__class__ is pillike.Posterize
    # the non-colliding ones are also reachable bare, as iaa.EnhanceColor
    assert iaa.EnhanceColor is pillike.EnhanceColor


def test_module_exposes_imgaugs_functions():
    for name in ["solarize", "solarize_", "posterize", "posterize_", "equalize", "equalize_",
                 "autocontrast", "enhance_color", "enhance_contrast", "enhance_brightness",
                 "enhance_sharpness", "filter_blur", "filter_smooth", "filter_smooth_more",
                 "filter_edge_enhance", "filter_edge_enhance_more", "filter_find_edges",
                 "filter_contour", "filter_emboss", "filter_sharpen", "filter_detail",
                 "warp_affine"]:
        assert getattr(pillike, name) is getattr(F, name)


def test_serialization_round_trip_uses_the_qualified_name():
    aug = pillike.Affine(rotate=(-10, 10), seed=3)
    doc = aug.to_dict()
    assert doc["augmenter"] == "pillike.Affine"
    image = noise()
    np.testing.assert_array_equal(augkit.from_dict(doc)(image=image), aug(image=image))


# --------------------------------------------------------------------- pixel ops
def test_solarize_inverts_at_or_above_the_threshold_and_p_zero_is_identity():
    image = np.array([[10, 127, 128, 250]], dtype=np.uint8)
    assert pillike.Solarize(threshold=128)(image=image).tolist() == [[10, 127, 127, 5]]
    assert pillike.Solarize(p=0.0)(image=image).tolist() == image.tolist()


def test_solarize_default_threshold_is_128_as_imgaug():
    image = noise()
    np.testing.assert_array_equal(pillike.Solarize()(image=image),
                                  np.asarray(PIL.ImageOps.solarize(PIL.Image.fromarray(image))))


def test_posterize_draws_bits_per_image_and_keeps_alpha():
    rgba = noise((4, 4, 4))
    out = pillike.Posterize(nb_bits=1)(image=rgba)
    np.testing.assert_array_equal(out[:, :, :3], rgba[:, :, :3] & 0b10000000)
    np.testing.assert_array_equal(out[:, :, 3], rgba[:, :, 3])
    images = pillike.Posterize(nb_bits=(1, 8), seed=1)(images=[noise(seed=i) for i in range(20)])
    kept = {int(np.bitwise_or.reduce(img.ravel())).bit_count() for img in images}
    assert len(kept) > 3  # different bit counts drawn per image


def test_posterize_refuses_another_colorspace_and_bad_bits():
    with pytest.raises(ParameterError, match="to_colorspace"):
        pillike.Posterize(to_colorspace="HSV")
    with pytest.raises(ParameterError, match="nb_bits"):
        pillike.Posterize(nb_bits=9)


def test_equalize_is_pillows():
    image = noise()
    np.testing.assert_array_equal(pillike.Equalize()(image=image),
                                  np.asarray(PIL.ImageOps.equalize(PIL.Image.fromarray(image))))


def test_autocontrast_fixed_cutoff_is_pillows_and_per_channel_draws_per_channel():
    image = noise()
    expected = PIL.ImageOps.autocontrast(PIL.Image.fromarray(image), cutoff=15)
    np.testing.assert_array_equal(pillike.Autocontrast(cutoff=15)(image=image),
                                  np.asarray(expected))
    aug = pillike.Autocontrast(cutoff=(0, 49), per_channel=True, seed=2)
    _, params = aug(images=[image], return_params=True)
    assert len(params[0]) == 3
    with pytest.raises(ParameterError, match="cutoff"):
        pillike.Autocontrast(cutoff=50)


@pytest.mark.parametrize("name,func", [("EnhanceColor", F.enhance_color),
                                       ("EnhanceContrast", F.enhance_contrast),
                                       ("EnhanceBrightness", F.enhance_brightness),
                                       ("EnhanceSharpness", F.enhance_sharpness)])
def test_enhancers_apply_their_drawn_factor(name, func):
    image = noise()
    np.testing.assert_array_equal(getattr(pillike, name)(factor=1.6)(image=image),
                                  func(image, 1.6))
    with pytest.raises(ParameterError, match="factor"):
        getattr(pillike, name)(factor=-1.0)


def test_enhancer_defaults_are_imgaugs():
    cases = {"EnhanceColor": (0.0, 3.0), "EnhanceContrast": (0.5, 1.5),
             "EnhanceBrightness": (0.5, 1.5), "EnhanceSharpness": (0.0, 2.0)}
    for name, (low, high) in cases.items():
        assert repr(getattr(pillike, name)().factor) == repr(augkit.parameters.Uniform(low, high))


def test_filters_are_their_kernels():
    image = noise()
    for name in NAMES:
        if name.startswith("Filter"):
            kernel = getattr(F, "filter_" + "".join(
                "_" + c.lower() if c.isupper() else c for c in name[6:]).lstrip("_"))
            np.testing.assert_array_equal(getattr(pillike, name)()(image=image), kernel(image))


def test_two_channel_images_are_refused_where_pillow_has_no_mode():
    with pytest.raises(augkit.InputError):
        pillike.FilterBlur()(image=np.zeros((4, 4, 2), np.uint8))


# --------------------------------------------------------------------- affine
def test_affine_image_is_warp_affine_with_the_drawn_values():
    image = noise()
    out = pillike.Affine(scale=1.2, translate_px={"x": 2, "y": -1}, rotate=15, shear=7,
                         fillcolor=7)(image=image)
    expected = F.warp_affine(image, scale_x=1.2, scale_y=1.2, translate_x_px=2,
                             translate_y_px=-1, rotate_deg=15, shear_x_deg=7,
                             fillcolor=(7, 7, 7))
    np.testing.assert_array_equal(out, expected)


def test_affine_translate_percent_is_a_fraction_of_the_size():
    image = np.zeros((10, 20), np.uint8)
    image[0, 0] = 255
    out = pillike.Affine(translate_percent={"x": 0.1, "y": 0.2})(image=image)
    assert np.argwhere(out).tolist() == [[2, 2]]


def test_affine_center_left_top_is_pillows_origin():
    image = np.zeros((9, 9), np.uint8)
    image[0, 4] = 255
    out = pillike.Affine(rotate=90, center="left-top")(image=image)
    # (4.5, 0.5) rotated clockwise about (0, 0) lands at (-0.5, 4.5): outside
    assert not out.any()
    out = pillike.Affine(rotate=90, center=(0.5, 0.5))(image=image)
    assert np.argwhere(out).tolist() == [[4, 8]]


def test_affine_moves_every_annotation_kind_with_the_image():
    image = np.zeros((20, 30, 3), np.uint8)
    image[4:8, 6:12] = 255
    seg = np.zeros((20, 30), np.int32)
    seg[4:8, 6:12] = 1
    heat = np.zeros((10, 15, 1), np.float32)  # half resolution
    heat[2:4, 3:6] = 1.0
    aug = pillike.Affine(translate_px={"x": 4, "y": 6})
    out_img, out_kps, out_boxes, out_polys, out_lines, out_seg, out_heat = aug(
        image=image, keypoints=[(6.0, 4.0)], bounding_boxes=[(6.0, 4.0, 12.0, 8.0)],
        polygons=[[(6.0, 4.0), (12.0, 4.0), (12.0, 8.0)]],
        line_strings=[[(6.0, 4.0), (12.0, 8.0)]],
        segmentation_maps=augkit.SegmentationMapsOnImage(seg, shape=image.shape),
        heatmaps=augkit.HeatmapsOnImage(heat, shape=image.shape))
    assert np.argwhere(out_img[:, :, 0]).min(0).tolist() == [10, 10]
    assert [tuple(p) for p in out_kps] == [(10.0, 10.0)]
    np.testing.assert_allclose(np.asarray(out_boxes, dtype=float), [[10, 10, 16, 14]])
    np.testing.assert_allclose(np.asarray(out_polys[0], dtype=float),
                               [[10, 10], [16, 10], [16, 14]])
    np.testing.assert_allclose(np.asarray(out_lines[0], dtype=float), [[10, 10], [16, 14]])
    np.testing.assert_array_equal(out_seg.get_arr() == 1, out_img[:, :, 0] == 255)
    assert np.argwhere(out_heat.get_arr()[:, :, 0] > 0.5).min(0).tolist() == [5, 5]


def test_affine_rotation_moves_keypoints_where_the_dot_goes():
    image = np.zeros((21, 21), np.uint8)
    image[3, 15] = 255
    aug = pillike.Affine(rotate=(-90, 90), scale=(0.8, 1.2), seed=4)
    for _ in range(5):
        det = aug.to_deterministic()
        out, kps = det(image=image, keypoints=[(15.5, 3.5)])
        if out.any():
            y, x = np.argwhere(out)[0]
            assert abs(kps[0][0] - (x + 0.5)) <= 1.0 and abs(kps[0][1] - (y + 0.5)) <= 1.0


def test_affine_bad_arguments_name_themselves():
    with pytest.raises(ParameterError, match="translate_percent, translate_px"):
        pillike.Affine(translate_percent=0.1, translate_px=2)
    with pytest.raises(ParameterError, match="center"):
        pillike.Affine(center="middle")
    with pytest.raises(ParameterError, match="scale"):
        pillike.Affine(scale={"z": 1})
