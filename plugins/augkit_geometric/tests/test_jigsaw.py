"""Jigsaw: destinations, exact cell moves, padding, keypoints with their cell, errors."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_geometric.functional import apply_jigsaw, jigsaw_destinations
from augkit_geometric.jigsaw import Jigsaw

from augkit import InputError, ParameterError, UnsupportedKindError
from augkit.augmentables import (
    BoundingBoxesOnImage,
    HeatmapsOnImage,
    KeypointsOnImage,
    SegmentationMapsOnImage,
)


def _cells_image(nb_rows, nb_cols, cell=4):
    ids = np.arange(nb_rows * nb_cols, dtype=np.uint8).reshape(nb_rows, nb_cols)
    return np.kron(ids, np.ones((cell, cell), np.uint8))[:, :, None]


def test_max_steps_zero_is_the_identity():
    image = np.random.default_rng(0).integers(0, 255, (12, 12, 3), dtype=np.uint8)
    out = Jigsaw(nb_rows=3, nb_cols=4, max_steps=0, seed=1)(image=image)
    assert np.array_equal(out, image) and not np.shares_memory(out, image)


def test_apply_jigsaw_moves_whole_cells():
    image = _cells_image(2, 2, cell=2)
    out = apply_jigsaw(image, np.array([[1, 0], [2, 3]]))
    assert out[:, :, 0].tolist() == [[1, 1, 0, 0], [1, 1, 0, 0], [2, 2, 3, 3], [2, 2, 3, 3]]


def test_one_step_swaps_only_neighbours():
    rng = np.random.default_rng(2)
    for _ in range(50):
        steps = rng.integers(0, 1, size=(5, 6), endpoint=True)
        directions = rng.integers(0, 4, size=(5, 6, 1))
        dest = jigsaw_destinations(5, 6, steps, directions)
        assert sorted(dest.ravel().tolist()) == list(range(30))
        rows, cols = np.divmod(dest, 6)
        moved = np.abs(rows - np.arange(5)[:, None]) + np.abs(cols - np.arange(6)[None, :])
        assert moved.max() <= 1


def test_padding_centres_the_image_and_grows_it():
    image = np.full((10, 7, 1), 9, np.uint8)
    out = Jigsaw(nb_rows=4, nb_cols=3, max_steps=0)(image=image)
    assert out.shape == (12, 9, 1)
    assert (out[1:11, 1:8] == 9).all() and out[0].max() == 0 and out[:, 0].max() == 0


def test_no_padding_needs_a_fitting_grid():
    with pytest.raises(InputError, match="allow_pad"):
        Jigsaw(nb_rows=4, nb_cols=4, allow_pad=False)(image=np.zeros((10, 10), np.uint8))


def test_keypoints_move_with_their_cell():
    image = _cells_image(4, 5, cell=6)
    xy = np.array([[j * 6 + 2.5, i * 6 + 3.5] for i in range(4) for j in range(5)])
    kps = KeypointsOnImage.from_xy_array(xy, shape=image.shape)
    for seed in range(5):
        out, kps_aug = Jigsaw(nb_rows=4, nb_cols=5, max_steps=2, seed=seed)(
            image=image, keypoints=kps)
        moved = kps_aug.to_xy_array()
        values = out[moved[:, 1].astype(int), moved[:, 0].astype(int), 0]
        assert values.tolist() == list(range(20))


def test_keypoints_only_call_reports_the_padded_shape():
    kps = KeypointsOnImage.from_xy_array(np.array([[1.0, 1.0]]), shape=(10, 10, 3))
    out = Jigsaw(nb_rows=3, nb_cols=4, max_steps=0)(keypoints=kps)
    assert out.shape[:2] == (12, 12)
    assert out.to_xy_array().tolist() == [[2.0, 2.0]]


def test_maps_move_with_the_image():
    image = _cells_image(3, 3, cell=4)
    segmap = SegmentationMapsOnImage(image[:, :, 0].astype(np.int32), shape=image.shape)
    out, seg = Jigsaw(nb_rows=3, nb_cols=3, max_steps=1, seed=3)(
        image=image, segmentation_maps=segmap)
    assert np.array_equal(seg.get_arr().reshape(out.shape[:2]), out[:, :, 0])


def test_smaller_heatmaps_are_scaled_with_the_padding():
    heat = HeatmapsOnImage(np.zeros((5, 5), np.float32), shape=(10, 10, 3))
    image = np.zeros((10, 10, 3), np.uint8)
    out, heat_aug = Jigsaw(nb_rows=4, nb_cols=4)(image=image, heatmaps=heat)
    assert out.shape == (12, 12, 3) and heat_aug.get_arr().shape[:2] == (6, 6)


def test_boxes_are_refused():
    bbs = BoundingBoxesOnImage.from_xyxy_array(np.array([[1, 1, 5, 5]], np.float32),
                                               shape=(12, 12, 3))
    with pytest.raises(UnsupportedKindError, match="bounding_boxes"):
        Jigsaw(nb_rows=3, nb_cols=3)(image=np.zeros((12, 12, 3), np.uint8), bounding_boxes=bbs)


@pytest.mark.parametrize("dtype", ["uint8", "float32", "bool", "int64"])
@pytest.mark.parametrize("channels", [1, 3, 21])
def test_any_dtype_and_channel_count(dtype, channels):
    image = (np.random.default_rng(1).random((13, 17, channels)) * 100).astype(dtype)
    out = Jigsaw(nb_rows=(2, 5), nb_cols=(2, 5), max_steps=2, seed=0)(image=image)
    assert out.dtype == image.dtype and out.shape[2] == channels


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"nb_rows": 0}, "nb_rows"), ({"nb_cols": 1.5}, "nb_cols"), ({"max_steps": -1}, "max_steps"),
    ({"allow_pad": "no"}, "allow_pad"),
])
def test_bad_arguments_name_the_argument(kwargs, name):
    with pytest.raises((ParameterError, TypeError), match=name):
        Jigsaw(**kwargs)
