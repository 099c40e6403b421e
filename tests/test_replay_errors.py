"""replay() refuses params that do not fit, with an augkit error (issue 12).

Params drawn for one image size (Affine's output size, ElasticTransformation's
displacement field, CropAndPad's pixel amounts) gave silently wrong results on an
image of another size; garbage or another augmenter's params gave AttributeError or
TypeError. Now every such replay raises :class:`augkit.errors.ReplayError` (an
``InputError``), naming the augmenter and what does not fit.
"""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import augkit
from augkit import KeypointsOnImage
from augkit.errors import InputError, ReplayError

SMALL = np.zeros((10, 20, 3), np.uint8)
BIG = np.zeros((40, 60, 3), np.uint8)

SIZE_DEPENDENT = [
    ("Affine", {"rotate": 30}),
    ("ElasticTransformation", {"alpha": 5, "sigma": 1}),
    ("CropAndPad", {"px": (-3, 3)}),
    ("PerspectiveTransform", {"scale": 0.1}),
    ("Resize", {"size": 0.5}),
    ("Dropout", {"p": 0.5}),  # per-row pixel masks, kept in a list
    ("CoarseDropout", {"p": 0.5, "size_px": 2}),
    ("Cutout", {}),
]


def kps_on(shape):
    return KeypointsOnImage.from_xy_array(np.array([[5.0, 4.0]]), shape=shape)


@pytest.mark.parametrize(("name", "kwargs"), SIZE_DEPENDENT)
def test_an_image_of_another_size_is_refused(name, kwargs):
    aug = augkit.get(name, **kwargs, seed=1)
    _, params = aug(image=SMALL, return_params=True)
    with pytest.raises(ReplayError, match=rf"{name}.replay: row 0 has an image of shape "
                                          r"\(40, 60, 3\), but the params were sampled for "
                                          r"shape \(10, 20, 3\)"):
        aug.replay(params, image=BIG)


@pytest.mark.parametrize(("name", "kwargs"), SIZE_DEPENDENT)
def test_keypoints_on_an_image_of_another_size_are_refused(name, kwargs):
    aug = augkit.get(name, **kwargs, seed=1)
    _, params = aug(image=SMALL, keypoints=kps_on(SMALL.shape), return_params=True)
    with pytest.raises(ReplayError, match=r"shape \(40, 60, 3\)"):
        aug.replay(params, keypoints=kps_on(BIG.shape))


@pytest.mark.parametrize(("name", "kwargs"), SIZE_DEPENDENT)
def test_the_same_sizes_replay_exactly(name, kwargs):
    aug = augkit.get(name, **kwargs, seed=2)
    image = np.random.default_rng(0).integers(0, 255, SMALL.shape, dtype=np.uint8)
    (out, kps), params = aug(image=image, keypoints=kps_on(image.shape), return_params=True)
    again, kps_again = aug.replay(params, image=image, keypoints=kps_on(image.shape))
    assert np.array_equal(again, out)
    assert np.allclose(kps_again.to_xy_array(), kps.to_xy_array())
    # keypoints alone, on an image of the same shape, move the same way
    alone = aug.replay(params, keypoints=kps_on(image.shape))
    assert np.allclose(alone.to_xy_array(), kps.to_xy_array())


def test_size_independent_params_still_replay_on_other_sizes():
    flip = augkit.get("Fliplr", p=1.0)
    _, params = flip(image=SMALL, return_params=True)
    assert flip.replay(params, keypoints=kps_on(BIG.shape)).to_xy_array().tolist() == [[55, 4]]


def test_another_row_count_is_refused():
    aug = augkit.get("Affine", rotate=(-20, 20), seed=1)
    _, params = aug(images=[SMALL, SMALL], return_params=True)
    with pytest.raises(ReplayError, match="sampled for 2 rows, got 3"):
        aug.replay(params, images=[SMALL] * 3)


@pytest.mark.parametrize("name", ["Affine", "ElasticTransformation", "CropAndPad", "Fliplr",
                                  "GaussianBlur", "Add"])
def test_garbage_params_are_an_augkit_error(name):
    with pytest.raises(ReplayError, match=rf"{name}.replay"):
        augkit.get(name).replay("garbage", image=SMALL)


@pytest.mark.parametrize("name", ["Affine", "ElasticTransformation", "CropAndPad", "Fliplr"])
def test_params_of_another_augmenter_are_an_augkit_error(name):
    _, foreign = augkit.get("Add", value=3)(image=SMALL, return_params=True)
    with pytest.raises(ReplayError, match=rf"{name}.replay"):
        augkit.get(name).replay(foreign, image=SMALL)


def test_params_of_another_augmenter_class_with_the_same_params_type_are_named():
    _, params = augkit.get("Affine", rotate=10)(image=SMALL, return_params=True)
    with pytest.raises(ReplayError, match="sampled by Affine, not by ScaleX"):
        augkit.get("ScaleX", scale=1.5).replay(params, image=SMALL)


def test_none_is_refused_by_augmenters_that_draw_params():
    with pytest.raises(ReplayError, match="got None for params, but Affine draws params"):
        augkit.get("Affine", rotate=10).replay(None, image=SMALL)


def test_none_replays_an_augmenter_without_params():
    out, params = augkit.Identity()(image=SMALL, return_params=True)
    assert params is None
    assert np.array_equal(augkit.Identity().replay(None, image=SMALL), out)


def test_a_child_in_a_pipeline_names_itself():
    seq = augkit.Sequential([augkit.get("Fliplr", p=0.5), augkit.get("Affine", rotate=10)])
    _, params = seq(image=SMALL, return_params=True)
    with pytest.raises(ReplayError, match=r"Affine.replay: row 0 has an image"):
        seq.replay(params, image=BIG)
    with pytest.raises(ReplayError, match="Sequential.replay"):
        seq.replay("garbage", image=SMALL)


def test_pickled_params_keep_what_they_were_sampled_for():
    aug = augkit.get("CropAndPad", px=(-2, 2), seed=4)
    _, params = aug(image=SMALL, return_params=True)
    params = pickle.loads(pickle.dumps(params))
    with pytest.raises(ReplayError):
        aug.replay(params, image=BIG)
    assert aug.replay(params, image=SMALL).shape == aug(image=SMALL).shape


def test_replay_error_is_an_input_error():
    assert issubclass(ReplayError, InputError) and issubclass(ReplayError, ValueError)
