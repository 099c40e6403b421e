"""HooksImages / HooksHeatmaps / HooksKeypoints: activator, propagator, pre/postprocessor."""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit import HooksHeatmaps, HooksImages, HooksKeypoints

IMAGES = np.full((2, 3, 4, 3), 10, dtype=np.uint8)


def add(value, name):
    return augkit.Lambda(func_images=lambda images, *_: [image + value for image in images],
                         name=name)


def adders():
    return augkit.Sequential([add(1, "one"),
                              augkit.Sequential([add(10, "ten")], name="inner"),
                              add(100, "hundred")])


def switch_off(*names):
    return lambda items, augmenter, parents, default: (
        False if augmenter.name in names else default)


def test_without_hooks_every_augmenter_runs():
    assert adders().augment_images(IMAGES)[0, 0, 0, 0] == 121


def test_activator_switches_augmenters_off():
    out = adders().augment_images(IMAGES, hooks=HooksImages(activator=switch_off("one", "ten")))
    assert out[0, 0, 0, 0] == 110
    assert out.shape == IMAGES.shape


def test_a_deactivated_parent_skips_its_children():
    out = adders().augment_images(IMAGES, hooks=HooksImages(activator=switch_off("inner")))
    assert out[0, 0, 0, 0] == 111


def test_propagator_false_keeps_children_from_running():
    def propagator(items, augmenter, parents, default):
        return augmenter.name != "inner"

    out = adders().augment_images(IMAGES, hooks=HooksImages(propagator=propagator))
    assert out[0, 0, 0, 0] == 111


def test_pre_and_postprocessor_transform_around_the_augmenter():
    seen = []

    def pre(images, augmenter, parents):
        if augmenter.name == "hundred":
            return [image * 0 for image in images]
        return images

    def post(images, augmenter, parents):
        seen.append((augmenter.name, [p.name for p in parents]))
        return images

    out = adders().augment_images(IMAGES, hooks=HooksImages(preprocessor=pre, postprocessor=post))
    assert out[0, 0, 0, 0] == 100
    assert ("ten", ["Sequential", "inner"]) in seen
    assert seen[-1] == ("Sequential", [])


def test_activator_gets_the_images_as_a_list_of_arrays():
    shapes = []

    def activator(images, augmenter, parents, default):
        shapes.append([image.shape for image in images])
        return default

    adders().augment_images(IMAGES, hooks=HooksImages(activator=activator))
    assert shapes[0] == [(3, 4, 3), (3, 4, 3)]


def test_image_hooks_leave_other_kinds_of_the_same_call_alone():
    flip = augkit.Sequential([augkit.get("Fliplr", p=1.0, name="flip")])
    kps = [np.array([[0.5, 1.0]])] * 2
    images, kps_aug = flip(images=np.arange(24, dtype=np.uint8).reshape(2, 1, 4, 3),
                           keypoints=kps, hooks=HooksImages(activator=switch_off("flip")))
    assert images[0, 0, 0].tolist() == [0, 1, 2]  # images not flipped
    assert np.allclose(kps_aug[0], [[3.5, 1.0]])  # keypoints flipped


def test_keypoint_and_heatmap_hooks_target_their_kinds():
    flip = augkit.Sequential([augkit.get("Fliplr", p=1.0, name="flip")])
    image = np.arange(12, dtype=np.uint8).reshape(1, 4, 3)
    img, kps = flip(image=image, keypoints=np.array([[0.5, 0.5]]),
                    hooks=HooksKeypoints(activator=switch_off("flip")))
    assert img[0, 0].tolist() == [9, 10, 11]
    assert np.allclose(kps, [[0.5, 0.5]])
    heat = augkit.HeatmapsOnImage(np.linspace(0, 1, 4, dtype=np.float32).reshape(1, 4),
                                  shape=(1, 4, 3))
    img, heat_aug = flip(image=image, heatmaps=heat,
                         hooks=HooksHeatmaps(activator=switch_off("flip")))
    assert img[0, 0].tolist() == [9, 10, 11]
    assert np.allclose(heat_aug.get_arr()[..., 0], heat.get_arr()[..., 0])


def test_readme_example_switches_augmenters_off_for_heatmap_arrays():
    images = np.ones((2, 16, 16, 3), dtype=np.uint8) * 30
    heatmaps = np.ones((2, 16, 16, 21), dtype=np.uint8) * 30
    images[:, 2:14, 12:14, :] = 120
    heatmaps[:, 2:14, 12:14, :] = 120
    seq = augkit.Sequential([
        augkit.get("Fliplr", p=0.5, name="Flipper"),
        augkit.get("GaussianBlur", sigma=(0, 3.0), name="GaussianBlur"),
        augkit.get("Dropout", p=0.02, name="Dropout"),
        augkit.get("AdditiveGaussianNoise", scale=0.01 * 255, name="MyLittleNoise"),
        augkit.get("Affine", translate_px={"x": (-4, 4)}, name="Affine"),
    ])
    hooks = HooksImages(activator=switch_off("GaussianBlur", "Dropout", "MyLittleNoise"))
    seq_det = seq.to_deterministic()
    images_aug = seq_det.augment_images(images)
    heatmaps_aug = seq_det.augment_images(heatmaps, hooks=hooks)
    # Only flip and translation ran on the heatmaps, with the images' draws.
    expected = seq_det.remove_augmenters(
        lambda aug, parents: aug.name in ("GaussianBlur", "Dropout", "MyLittleNoise"))
    assert np.array_equal(heatmaps_aug, expected.augment_images(heatmaps))
    assert images_aug.shape == images.shape


def test_bad_hook_functions_are_named():
    with pytest.raises(TypeError, match="activator"):
        HooksImages(activator=3)
