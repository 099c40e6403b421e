"""Images with an axis of size 0 pass through every augmenter unchanged (issue 13).

imgaug returns them as they are, with their annotations; augkit does it once, in the
core call path (``Augmenter.augment_rows``), and the conformance kit's
``zero_size_images`` check holds every registered augmenter to it.
"""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit import BoundingBoxesOnImage, KeypointsOnImage
from augkit.registry import registry
from augkit.testing import check_augmenter
from augkit.testing.conformance import ZERO_SIZE_SHAPES

ENTRIES = list(registry.entries())


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_every_augmenter_passes_zero_size_images_through(entry):
    check_augmenter(entry.cls, checks=["zero_size_images"])


@pytest.mark.parametrize("shape", ZERO_SIZE_SHAPES)
def test_affine_returns_a_copy_of_the_same_shape_and_dtype(shape):
    image = np.zeros(shape, np.float32)
    out = augkit.get("Affine", rotate=45)(image=image)
    assert out.shape == shape and out.dtype == np.float32
    assert not np.shares_memory(out, image)


def test_two_dimensional_zero_size_image_keeps_its_two_dimensions():
    out = augkit.get("GaussianBlur", sigma=1.0)(image=np.zeros((0, 7), np.uint8))
    assert out.shape == (0, 7)


def test_regular_rows_of_the_same_batch_are_still_augmented():
    flip = augkit.get("Fliplr", p=1.0)
    regular = np.array([[[1], [2], [3]]], np.uint8)
    empty = np.zeros((0, 3, 1), np.uint8)
    kps = [KeypointsOnImage.from_xy_array(np.array([[0.5, 0.5]]), shape=s)
           for s in (empty.shape, regular.shape)]
    images, kps_aug = flip(images=[empty, regular], keypoints=kps)
    assert images[0].shape == (0, 3, 1)
    assert images[1][:, :, 0].tolist() == [[3, 2, 1]]
    assert kps_aug[0].to_xy_array().tolist() == [[0.5, 0.5]]
    assert kps_aug[1].to_xy_array().tolist() == [[2.5, 0.5]]


def test_boxes_on_a_zero_size_image_are_kept_unchanged():
    shape = (4, 0, 3)
    bbs = BoundingBoxesOnImage.from_xyxy_array(np.array([[1.0, 1.0, 3.0, 2.0]]), shape=shape)
    image, bbs_aug = augkit.get("Affine", translate_px=2)(
        image=np.zeros(shape, np.uint8), bounding_boxes=bbs)
    assert image.shape == shape
    assert bbs_aug.to_xyxy_array().tolist() == [[1.0, 1.0, 3.0, 2.0]]
    assert bbs_aug.shape == shape


def test_meta_augmenters_and_children_pass_them_through():
    seq = augkit.Sequential([augkit.get("Affine", rotate=30), augkit.get("Crop", px=1),
                             augkit.SomeOf(1, [augkit.get("Add", value=5)])], seed=1)
    for shape in ZERO_SIZE_SHAPES:
        assert seq(image=np.zeros(shape, np.uint8)).shape == shape


def test_a_view_with_no_channels_passes_through_its_children():
    image = np.arange(12, dtype=np.uint8).reshape(2, 2, 3)
    out = augkit.WithChannels([], augkit.get("Add", value=10))(image=image)
    assert np.array_equal(out, image)


def test_replay_of_a_batch_with_a_zero_size_row():
    aug = augkit.get("Affine", rotate=(-30, 30), seed=3)
    batch = [np.zeros((0, 5, 3), np.uint8), np.full((6, 6, 3), 9, np.uint8)]
    out, params = aug(images=batch, return_params=True)
    again = aug.replay(params, images=batch)
    assert again[0].shape == (0, 5, 3)
    assert np.array_equal(again[1], out[1])


def test_a_batch_array_of_zero_size_images():
    batch = np.zeros((3, 4, 0, 3), np.uint16)
    out = augkit.get("Multiply", mul=2)(images=batch)
    assert isinstance(out, np.ndarray) and out.shape == (3, 4, 0, 3) and out.dtype == np.uint16
