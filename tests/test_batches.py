"""Batch and UnnormalizedBatch: every kind, user data, differently sized images."""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit import Batch, UnnormalizedBatch


def test_augment_batch_fills_the_aug_slots_and_keeps_data():
    data = {"ids": [1, 2]}
    images = np.arange(2 * 2 * 3 * 3, dtype=np.uint8).reshape(2, 2, 3, 3)
    kps = [augkit.KeypointsOnImage.from_xy_array(np.array([[0.5, 0.5]]), shape=(2, 3, 3))] * 2
    batch = Batch(images=images, keypoints=kps, data=data)
    assert batch.images_aug is None and batch.get_column_names() == ["images", "keypoints"]
    out = augkit.get("Fliplr", p=1.0).augment_batch(batch)
    assert out is batch and out.data is data
    assert np.array_equal(out.images_aug, images[:, :, ::-1])
    assert np.array_equal(out.images_unaug, images)
    assert np.allclose(out.keypoints_aug[0].to_xy_array(), [[2.5, 0.5]])
    assert isinstance(out.keypoints_aug[0], augkit.KeypointsOnImage)


def test_batches_of_differently_sized_images():
    images = [np.zeros((4, 6, 3), np.uint8), np.zeros((7, 2, 3), np.uint8)]
    out = augkit.get("Fliplr", p=1.0).augment_batch(UnnormalizedBatch(images=images))
    assert [i.shape for i in out.images_aug] == [(4, 6, 3), (7, 2, 3)]


def test_unnormalized_batch_takes_plain_arrays_and_gives_them_back():
    batch = UnnormalizedBatch(images=np.zeros((1, 2, 4, 3), np.uint8),
                              keypoints=[np.array([[0.5, 1.0], [1.5, 0.0]])],
                              bounding_boxes=[np.array([[0.0, 0.0, 1.0, 1.0]])])
    out = augkit.get("Fliplr", p=1.0).augment_batch(batch)
    assert isinstance(out.keypoints_aug[0], np.ndarray)
    assert np.allclose(out.keypoints_aug[0], [[3.5, 1.0], [2.5, 0.0]])
    assert np.allclose(out.bounding_boxes_aug[0], [[3.0, 0.0, 4.0, 1.0]])


def test_every_kind_is_carried_consistently():
    shape = (4, 4, 3)
    batch = Batch(
        images=[np.zeros(shape, np.uint8)],
        heatmaps=[augkit.HeatmapsOnImage(np.eye(4, dtype=np.float32), shape=shape)],
        segmentation_maps=[augkit.SegmentationMapsOnImage(np.eye(4, dtype=np.int32),
                                                          shape=shape)],
        keypoints=[np.array([[0.5, 0.5]])],
        bounding_boxes=[np.array([[0.0, 0.0, 1.0, 1.0]])],
        polygons=[[np.array([[0.0, 0.0], [2.0, 0.0], [2.0, 2.0]])]],
        line_strings=[[np.array([[0.0, 0.0], [2.0, 1.0]])]],
    )
    out = augkit.get("Flipud", p=1.0).augment_batch(batch)
    assert set(out.augmented) == set(out.get_column_names())
    assert np.allclose(out.heatmaps_aug[0].get_arr().reshape(4, 4), np.eye(4)[::-1])
    assert np.array_equal(out.segmentation_maps_aug[0].get_arr().reshape(4, 4), np.eye(4)[::-1])


def test_empty_batch_and_bad_input():
    aug = augkit.Identity()
    empty = Batch(data=3)
    assert aug.augment_batch(empty) is empty and empty.empty
    with pytest.raises(augkit.InputError, match="Batch"):
        aug.augment_batch(np.zeros((1, 2, 2, 3), np.uint8))
    with pytest.raises(augkit.InputError, match="unknown kind"):
        Batch(not_a_kind=[1])


def test_augment_batches_in_process_accepts_every_form():
    aug = augkit.get("Fliplr", p=1.0)
    arr = np.arange(12, dtype=np.uint8).reshape(1, 1, 4, 3)
    batch = Batch(images=arr, data="d")
    out = list(aug.augment_batches([arr, [arr[0]], batch]))
    assert np.array_equal(out[0], arr[:, :, ::-1])
    assert isinstance(out[1], list) and np.array_equal(out[1][0], arr[0, :, ::-1])
    assert out[2] is batch and batch.data == "d"
    with pytest.raises(augkit.InputError, match="single batch"):
        list(aug.augment_batches(arr))
