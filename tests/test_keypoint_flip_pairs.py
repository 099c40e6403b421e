"""Symmetric keypoints: left/right swap wherever the augmentation mirrors the image."""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit.mirror import flip_idx_from_names

IMAGE = np.zeros((20, 40), np.uint8)
# one person: nose, left eye, right eye
FACE = np.array([[20.0, 10.0], [12.0, 5.0], [28.0, 5.0]])
FLIP_IDX = [0, 2, 1]


def test_fliplr_swaps_left_and_right_keypoints():
    _, kps = augkit.get("Fliplr", p=1.0)(image=IMAGE, keypoints=FACE, keypoint_flip_idx=FLIP_IDX)
    # mirrored: the nose stays the nose, the left eye is again the one at the image's left
    assert kps.tolist() == [[20.0, 10.0], [12.0, 5.0], [28.0, 5.0]]
    _, plain = augkit.get("Fliplr", p=1.0)(image=IMAGE, keypoints=FACE)
    assert plain.tolist() == [[20.0, 10.0], [28.0, 5.0], [12.0, 5.0]]  # without: not swapped


def test_flipud_swaps_too_but_a_half_turn_does_not():
    aug = augkit.get("Flipud", p=1.0)
    _, kps = aug(image=IMAGE, keypoints=FACE, keypoint_flip_idx=FLIP_IDX)
    _, plain = aug(image=IMAGE, keypoints=FACE)
    assert kps.tolist() == plain[[0, 2, 1]].tolist()
    half_turn = augkit.Sequential([augkit.get("Fliplr", p=1.0), augkit.get("Flipud", p=1.0)])
    _, kps = half_turn(image=IMAGE, keypoints=FACE, keypoint_flip_idx=FLIP_IDX)
    assert kps.tolist() == half_turn(image=IMAGE, keypoints=FACE)[1].tolist()


def test_each_row_is_swapped_on_its_own_and_each_object_in_it():
    two_people = np.concatenate([FACE, FACE + [0, 10]])
    options = {"images": [IMAGE] * 8, "keypoints": [two_people] * 8}
    _, kps = augkit.get("Fliplr", p=0.5, seed=2)(**options, keypoint_flip_idx=FLIP_IDX)
    _, plain = augkit.get("Fliplr", p=0.5, seed=2)(**options)  # the same draws
    flipped = [not np.array_equal(p, two_people) for p in plain]
    assert 0 < sum(flipped) < 8
    for row, plain_row, was_flipped in zip(kps, plain, flipped):
        expected = plain_row[[0, 2, 1, 3, 5, 4]] if was_flipped else plain_row
        assert row.tolist() == expected.tolist()


def test_bad_flip_idx_is_refused_naming_the_option():
    with pytest.raises(augkit.ParameterError, match="keypoint_flip_idx"):
        augkit.get("Fliplr")(image=IMAGE, keypoints=FACE, keypoint_flip_idx=[0, 0, 1])
    with pytest.raises(augkit.ParameterError, match="own inverse"):
        augkit.get("Fliplr")(image=IMAGE, keypoints=FACE, keypoint_flip_idx=[1, 2, 0])
    with pytest.raises(augkit.InputError, match="whole objects"):
        augkit.get("Fliplr", p=1.0)(image=IMAGE, keypoints=FACE, keypoint_flip_idx=[1, 0])


def test_flip_idx_from_coco_names():
    names = ["nose", "left_eye", "right_eye", "left_ear", "right_ear"]
    assert flip_idx_from_names(names) == [0, 2, 1, 4, 3]
