"""Meta-augmenters on every kind: Sequential, SomeOf, OneOf, Sometimes, WithChannels..."""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit import KeypointsOnImage
from augkit.errors import ParameterError, ParameterTypeError
from augkit.meta import AssertionFailedError

IMG = np.arange(4 * 5 * 3, dtype=np.uint8).reshape(4, 5, 3)


def fliplr():
    return augkit.get("Fliplr", p=1.0)


def flipud():
    return augkit.get("Flipud", p=1.0)


def kps():
    return KeypointsOnImage.from_xy_array(np.array([[0.5, 0.5]]), shape=IMG.shape)


def test_sequential_applies_children_in_order_to_every_kind():
    image, points = augkit.Sequential([fliplr(), flipud()])(image=IMG, keypoints=kps())
    assert np.array_equal(image, IMG[::-1, ::-1])
    assert points.to_xy_array().tolist() == [[4.5, 3.5]]


def test_sequential_is_list_like():
    seq = augkit.Sequential([fliplr()])
    seq.append(flipud())
    assert len(seq) == 2 and seq[1].name == "Flipud" and [a.name for a in seq] == ["Fliplr",
                                                                                  "Flipud"]


def test_sequential_random_order_uses_both_orders():
    add_then_double = augkit.Sequential(
        [augkit.get("Add", value=1),
         augkit.Lambda(func_images=lambda imgs, *_: [i * 2 for i in imgs])],
        random_order=True, seed=1)
    seen = {int(add_then_double(image=np.array([[1]], np.uint8))[0, 0]) for _ in range(30)}
    assert seen == {3, 4}


def test_someof_applies_the_chosen_number_per_image():
    adds = [augkit.get("Add", value=1) for _ in range(4)]
    aug = augkit.SomeOf(2, adds, seed=2)
    out = aug(images=np.zeros((20, 1, 1, 1), np.uint8))
    assert set(out.ravel().tolist()) == {2}


def test_someof_range_and_none():
    adds = [augkit.get("Add", value=1) for _ in range(3)]
    out = augkit.SomeOf((0, None), adds, seed=3)(images=np.zeros((200, 1, 1, 1), np.uint8))
    assert set(out.ravel().tolist()) == {0, 1, 2, 3}
    out = augkit.SomeOf(None, adds)(images=np.zeros((5, 1, 1, 1), np.uint8))
    assert set(out.ravel().tolist()) == {3}


def test_someof_rejects_negative_n():
    with pytest.raises(ParameterError, match="n"):
        augkit.SomeOf(-1, [fliplr()])


def test_oneof_applies_exactly_one():
    out = augkit.OneOf([augkit.get("Add", value=1), augkit.get("Add", value=10)], seed=4)(
        images=np.zeros((100, 1, 1, 1), np.uint8))
    assert set(out.ravel().tolist()) == {1, 10}


def test_sometimes_then_and_else_on_images_and_keypoints():
    aug = augkit.Sometimes(0.5, fliplr(), flipud(), seed=5)
    images, points = aug(images=np.stack([IMG] * 40), keypoints=[kps()] * 40)
    for image, point in zip(images, points):
        if np.array_equal(image, IMG[:, ::-1]):
            assert point.to_xy_array().tolist() == [[4.5, 0.5]]
        else:
            assert np.array_equal(image, IMG[::-1]) and point.to_xy_array().tolist() == [[0.5,
                                                                                         3.5]]
    flipped = sum(np.array_equal(i, IMG[:, ::-1]) for i in images)
    assert 8 < flipped < 32


def test_sometimes_rejects_probability_out_of_range():
    with pytest.raises(ParameterError, match="p"):
        augkit.Sometimes(1.5, fliplr())


def test_withchannels_changes_only_selected_channels():
    out = augkit.WithChannels([0, 2], augkit.get("Add", value=5))(image=IMG)
    assert np.array_equal(out[:, :, 1], IMG[:, :, 1])
    assert np.array_equal(out[:, :, [0, 2]], IMG[:, :, [0, 2]] + 5)


def test_withchannels_moves_keypoints_with_geometric_children():
    image, points = augkit.WithChannels([0], fliplr())(image=IMG, keypoints=kps())
    assert np.array_equal(image[:, :, 0], IMG[:, ::-1, 0])
    assert points.to_xy_array().tolist() == [[4.5, 0.5]]


def test_withchannels_rejects_bad_channels():
    with pytest.raises(ParameterTypeError, match="channels"):
        augkit.WithChannels("red", fliplr())


def test_identity_and_noop_return_equal_copies():
    for aug in (augkit.Identity(), augkit.augmenters.Noop()):
        out = aug(image=IMG)
        assert np.array_equal(out, IMG) and not np.shares_memory(out, IMG)


def test_lambda_receives_rows_and_returns_them():
    aug = augkit.Lambda(func_images=lambda imgs, rs, parents, hooks: [i + 1 for i in imgs],
                        func_keypoints=lambda k, rs, parents, hooks: [x.shift(x=1) for x in k])
    image, points = aug(image=IMG, keypoints=kps())
    assert np.array_equal(image, IMG + 1) and points.to_xy_array().tolist() == [[1.5, 0.5]]


def test_assert_lambda_and_assert_shape():
    ok = augkit.AssertLambda(func_images=lambda imgs, *_: all(i.shape[0] == 4 for i in imgs))
    assert ok(image=IMG).shape == IMG.shape
    with pytest.raises(AssertionFailedError):
        augkit.AssertLambda(func_images=lambda imgs, *_: False)(image=IMG)
    assert augkit.AssertShape((4, (2, 6), [1, 3]))(image=IMG).shape == IMG.shape
    with pytest.raises(AssertionFailedError, match=r"images\[0\]"):
        augkit.AssertShape((5, None, None))(image=IMG)
    with pytest.raises(AssertionError):
        augkit.AssertShape((None, None, 1))(keypoints=kps())


def test_channel_shuffle_permutes_channels_only():
    image = np.zeros((2, 2, 3), np.uint8) + np.array([1, 2, 3], np.uint8)
    outs = [augkit.ChannelShuffle(p=1.0, seed=s)(image=image) for s in range(10)]
    assert all(sorted(o[0, 0].tolist()) == [1, 2, 3] for o in outs)
    assert len({tuple(o[0, 0].tolist()) for o in outs}) > 1
    fixed = augkit.ChannelShuffle(p=1.0, channels=[0, 1], seed=1)
    assert all(fixed(image=image)[0, 0, 2] == 3 for _ in range(5))


def test_remove_and_clip_cbas():
    from augkit.augmentables import BoundingBox, BoundingBoxesOnImage

    bbs = BoundingBoxesOnImage([BoundingBox(0, 0, 2, 2), BoundingBox(3, 1, 9, 3)],
                               shape=IMG.shape)
    kept = augkit.RemoveCBAsByOutOfImageFraction(0.5)(bounding_boxes=bbs)
    assert kept.to_xyxy_array().tolist() == [[0, 0, 2, 2]]
    clipped = augkit.ClipCBAsToImagePlanes()(bounding_boxes=bbs)
    assert clipped.to_xyxy_array().tolist() == [[0, 0, 2, 2], [3, 1, 5, 3]]
    with pytest.raises(ParameterError, match="fraction"):
        augkit.RemoveCBAsByOutOfImageFraction(2)


def test_tree_helpers_find_and_remove():
    seq = augkit.Sequential([fliplr(), augkit.Sometimes(0.5, flipud())])
    assert [a.name for a in seq.find_augmenters_by_name("Flipud")] == ["Flipud"]
    assert len(seq.find_augmenters_by_name("Flip.*", regex=True)) == 2
    lists = seq.get_children_lists()
    assert len(lists) == 1 and len(lists[0]) == 2
    pruned = seq.remove_augmenters(lambda a, parents: a.name == "Flipud")
    assert [a.name for a in pruned.get_all_children(flat=True)] == ["Fliplr", "Sometimes"]
    assert len(seq.get_all_children(flat=True)) == 3
    assert isinstance(seq.remove_augmenters(lambda a, p: True), augkit.Identity)
