"""The 19 imgcorruptlike augmenters: imgaug's surface, severities, seeding, annotations."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_imgcorruptlike import functional as F

import augkit
from augkit import (
    InputError,
    KeypointsOnImage,
    ParameterError,
    SegmentationMapsOnImage,
    UnsupportedDtypeError,
)
from augkit import augmenters as iaa
from augkit import parameters as iap

#: imgaug 0.4.0's augmenter classes of imgcorruptlike and their corruption names.
CLASSES = {
    "GaussianNoise": "gaussian_noise", "ShotNoise": "shot_noise",
    "ImpulseNoise": "impulse_noise", "SpeckleNoise": "speckle_noise",
    "GaussianBlur": "gaussian_blur", "GlassBlur": "glass_blur",
    "DefocusBlur": "defocus_blur", "MotionBlur": "motion_blur", "ZoomBlur": "zoom_blur",
    "Fog": "fog", "Frost": "frost", "Snow": "snow", "Spatter": "spatter",
    "Contrast": "contrast", "Brightness": "brightness", "Saturate": "saturate",
    "JpegCompression": "jpeg_compression", "Pixelate": "pixelate",
    "ElasticTransform": "elastic_transform",
}
PIXEL_ONLY = sorted(set(CLASSES) - {"ElasticTransform"})


def picture(height: int = 48, width: int = 64) -> np.ndarray:
    rng = np.random.default_rng(0)
    return rng.integers(0, 256, (height, width, 3), dtype=np.uint8)


def test_imgaugs_module_surface_is_complete():
    module = iaa.imgcorruptlike
    expected = set(CLASSES) | {f"apply_{name}" for name in CLASSES.values()} \
        | {"get_corruption_names"}
    assert expected <= set(module.__all__)
    for name in expected:
        assert getattr(module, name) is not None


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_registered_under_the_module_name_without_shadowing_other_families(name):
    cls = getattr(iaa.imgcorruptlike, name)
    assert augkit.get(f"imgcorruptlike.{name}").__class__ is cls
    assert cls.registered_name == f"imgcorruptlike.{name}"


def test_top_level_names_stay_with_their_families():
    assert iaa.GaussianBlur is not iaa.imgcorruptlike.GaussianBlur
    assert iaa.JpegCompression is not iaa.imgcorruptlike.JpegCompression
    assert iaa.Fog is not iaa.imgcorruptlike.Fog


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_output_is_the_apply_function_with_the_drawn_severity_and_seed(name):
    aug = getattr(iaa.imgcorruptlike, name)(severity=(1, 5), seed=3)
    image = picture()
    out, params = aug(image=image, return_params=True)
    assert out.shape == image.shape and out.dtype == np.uint8
    if name == "ElasticTransform":
        assert np.array_equal(out, F.elastic_distort(image, params[0]))
        return
    (severity, seed), = params
    assert 1 <= severity <= 5
    expected = getattr(F, f"apply_{CLASSES[name]}")(image, severity=severity, seed=seed)
    assert np.array_equal(out, expected)


def test_severity_tuple_draws_every_level_per_image():
    aug = iaa.imgcorruptlike.Contrast(seed=1)  # imgaug 0.4.0's default (1, 5)
    _, params = aug(images=[picture(8, 8)] * 60, return_params=True)
    assert sorted({severity for severity, _ in params}) == [1, 2, 3, 4, 5]
    _, params = iaa.imgcorruptlike.Contrast(severity=[2, 4], seed=1)(
        images=[picture(8, 8)] * 30, return_params=True)
    assert {severity for severity, _ in params} == {2, 4}


@pytest.mark.parametrize("severity", [0, 6, (0, 3), (2, 7), 2.5, [1, 9]])
def test_severity_outside_1_to_5_is_a_parameter_error(severity):
    with pytest.raises(ParameterError, match="severity"):
        iaa.imgcorruptlike.Fog(severity=severity)


def test_a_stochastic_severity_drawing_outside_1_to_5_fails_when_drawn():
    aug = iaa.imgcorruptlike.Pixelate(severity=iap.Deterministic(1) + 7, seed=0)
    with pytest.raises(ParameterError, match="severity: drew 8, expected an integer from 1 to 5"):
        aug(image=picture(8, 8))


@pytest.mark.parametrize("name", ["Snow", "ElasticTransform"])
def test_same_seed_same_images_and_batches_differ_per_image(name):
    cls = getattr(iaa.imgcorruptlike, name)
    images = [picture(40, 40)] * 2
    first = cls(severity=4, seed=11)(images=images)
    second = cls(severity=4, seed=11)(images=images)
    assert all(np.array_equal(a, b) for a, b in zip(first, second))
    assert not np.array_equal(first[0], first[1])


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_gray_images_in_both_layouts(name):
    aug = getattr(iaa.imgcorruptlike, name)(severity=3, seed=0)
    flat = picture(32, 40)[:, :, 0]
    assert aug(image=flat).shape == (32, 40)
    assert aug(image=flat[:, :, None]).shape == (32, 40, 1)


@pytest.mark.parametrize("name", ["Frost", "ElasticTransform"])
def test_other_channel_counts_and_dtypes_are_refused_by_name(name):
    aug = getattr(iaa.imgcorruptlike, name)(severity=1)
    with pytest.raises(InputError, match="accepted channel counts: 1, 3"):
        aug(image=np.zeros((8, 8, 4), np.uint8))
    with pytest.raises(UnsupportedDtypeError, match="accepted dtypes: uint8"):
        aug(image=np.zeros((8, 8, 3), np.float32))


def test_pixel_corruptions_leave_annotations_alone():
    image = picture(40, 40)
    kps = KeypointsOnImage.from_xy_array(np.array([[3.5, 7.5]]), shape=image.shape)
    segmap = SegmentationMapsOnImage(np.eye(40, dtype=np.int32), shape=image.shape)
    for name in PIXEL_ONLY:
        aug = getattr(iaa.imgcorruptlike, name)(severity=5, seed=0)
        _, kps_aug, seg_aug = aug(image=image, keypoints=kps, segmentation_maps=segmap)
        assert kps_aug.to_xy_array().tolist() == [[3.5, 7.5]]
        assert np.array_equal(seg_aug.get_arr(), segmap.get_arr())


def test_elastic_transform_moves_segmentation_maps_with_the_image():
    ids = np.zeros((224, 224), np.int32)
    ids[:, 100:] = 1
    ids[150:, :] = 2
    image = np.repeat((ids * 100).astype(np.uint8)[:, :, None], 3, axis=2)
    aug = iaa.imgcorruptlike.ElasticTransform(severity=5, seed=2)
    image_aug, seg_aug = aug(image=image, segmentation_maps=SegmentationMapsOnImage(
        ids, shape=image.shape))
    moved = seg_aug.get_arr()
    assert not np.array_equal(moved, ids)  # the map did move
    agree = np.abs(image_aug[:, :, 0].astype(int) - moved * 100) <= 30
    assert agree.mean() > 0.99


def test_elastic_transform_moves_heatmaps_of_half_size_along_the_scaled_field():
    import cv2

    yy, xx = np.mgrid[0:224, 0:224]
    image = (127.5 + 127 * np.sin(xx / 9.0) * np.cos(yy / 11.0)).astype(np.uint8)[:, :, None]

    def half(arr):
        return cv2.resize(arr.astype(np.float32) / 255, (112, 112), interpolation=cv2.INTER_AREA)

    heat = augkit.HeatmapsOnImage(half(image[:, :, 0]), shape=image.shape)
    image_aug, heat_aug = iaa.imgcorruptlike.ElasticTransform(severity=5, seed=4)(
        image=image, heatmaps=heat)
    arr = heat_aug.get_arr()
    arr = arr[:, :, 0] if arr.ndim == 3 else arr
    target = half(image_aug[:, :, 0])
    assert np.abs(arr - target).mean() < 0.5 * np.abs(heat.get_arr() - target).mean()


def test_elastic_transform_keypoints_follow_a_dot():
    image = np.zeros((224, 224, 3), np.uint8)
    image[99:102, 149:152] = 255
    kps = KeypointsOnImage.from_xy_array(np.array([[150.5, 100.5]]), shape=image.shape)
    for seed in range(5):
        image_aug, kps_aug = iaa.imgcorruptlike.ElasticTransform(severity=2, seed=seed)(
            image=image, keypoints=kps)
        ys, xs = np.nonzero(image_aug[:, :, 0] > 100)
        x, y = kps_aug.to_xy_array()[0]
        assert abs(xs.mean() + 0.5 - x) < 1.0 and abs(ys.mean() + 0.5 - y) < 1.0
