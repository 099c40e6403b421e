"""imgaug's functions of ``flip``, ``geometric`` and ``size``, with imgaug's semantics."""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit import augmenters as iaa


def test_fliplr_and_flipud_take_2d_and_3d_arrays():
    arr = np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int16)
    assert iaa.flip.fliplr(arr).tolist() == [[3, 2, 1], [6, 5, 4]]
    assert iaa.flip.flipud(arr).tolist() == [[4, 5, 6], [1, 2, 3]]
    rgb = np.arange(12, dtype=np.uint8).reshape(2, 2, 3)
    assert np.array_equal(iaa.fliplr(rgb), rgb[:, ::-1])
    assert iaa.flip.HorizontalFlip is iaa.Fliplr


def test_pad_with_imgaugs_sides_and_modes():
    arr = np.array([[1, 2]], dtype=np.uint8)
    assert iaa.size.pad(arr, top=1, right=1, cval=9).tolist() == [[9, 9, 9], [1, 2, 9]]
    assert iaa.size.pad(arr, left=2, mode="edge").tolist() == [[1, 1, 1, 2]]


def test_compute_paddings_split_floor_top_and_ceil_bottom_like_imgaug():
    arr = np.zeros((3, 5))
    assert tuple(iaa.size.compute_paddings_to_reach_multiples_of(arr, 2, 4)) == (0, 2, 1, 1)
    assert tuple(iaa.size.compute_croppings_to_reach_multiples_of(arr, 2, 4)) == (0, 1, 1, 0)
    assert tuple(iaa.size.compute_paddings_to_reach_aspect_ratio((2, 4), 1.0)) == (1, 0, 1, 0)
    assert tuple(iaa.size.compute_croppings_to_reach_aspect_ratio((2, 4), 1.0)) == (0, 1, 0, 1)
    assert tuple(iaa.size.compute_paddings_to_reach_powers_of(arr, 2, 2)) == (0, 2, 1, 1)
    assert tuple(iaa.size.compute_croppings_to_reach_powers_of(arr, 2, 2)) == (0, 1, 1, 0)


def test_pad_to_multiples_of_and_to_aspect_ratio_return_amounts():
    padded, amounts = iaa.size.pad_to_multiples_of(np.ones((3, 5), np.uint8), 2, 4,
                                                    return_pad_amounts=True)
    assert padded.shape == (4, 8) and tuple(amounts) == (0, 2, 1, 1)
    assert padded[0].tolist() == [0, 1, 1, 1, 1, 1, 0, 0]
    square = iaa.size.pad_to_aspect_ratio(np.ones((2, 4), np.uint8), 1.0, cval=7)
    assert square[:, 0].tolist() == [7, 1, 1, 7]


def test_apply_jigsaw_moves_cells_of_2d_and_3d_arrays():
    arr = np.array([[1, 2], [3, 4]], dtype=np.uint8)
    destinations = np.array([[3, 2], [1, 0]])
    assert iaa.geometric.apply_jigsaw(arr, destinations).tolist() == [[4, 3], [2, 1]]
    big = np.repeat(np.repeat(arr, 2, axis=0), 2, axis=1)[:, :, None]
    out = iaa.geometric.apply_jigsaw(big, destinations)
    assert out.shape == (4, 4, 1) and out[:, :, 0].tolist()[0] == [4, 4, 3, 3]


def test_apply_jigsaw_names_a_grid_that_does_not_divide_the_image():
    with pytest.raises(augkit.InputError, match="2x2 cells"):
        iaa.geometric.apply_jigsaw(np.zeros((3, 4), np.uint8), np.array([[0, 1], [2, 3]]))


def test_apply_jigsaw_to_coords_moves_points_with_their_cells():
    coords = np.array([[0.5, 0.5], [3.5, 1.0], [-1.0, 0.0]])
    moved = iaa.geometric.apply_jigsaw_to_coords(coords, np.array([[1, 0]]), (2, 4))
    assert moved.tolist() == [[2.5, 0.5], [1.5, 1.0], [-1.0, 0.0]]


@pytest.mark.parametrize("connectivity", [4, 8])
def test_generate_jigsaw_destinations_is_a_seeded_permutation(connectivity):
    generate = iaa.geometric.generate_jigsaw_destinations
    dest = generate(4, 4, 3, seed=5, connectivity=connectivity)
    assert sorted(dest.ravel().tolist()) == list(range(16))
    assert np.array_equal(dest, generate(4, 4, 3, 5, connectivity))
    assert generate(4, 4, 0, seed=1).ravel().tolist() == list(range(16))


def test_generate_jigsaw_destinations_uses_diagonals_only_with_connectivity_8():
    def diagonal_moves(connectivity):
        moved = 0
        for seed in range(30):
            dest = iaa.geometric.generate_jigsaw_destinations(2, 2, 1, seed, connectivity)
            moved += int(dest[0, 0] == 3 or dest[0, 1] == 2)
        return moved

    assert diagonal_moves(4) == 0
    assert diagonal_moves(8) > 0
    with pytest.raises(augkit.ParameterError, match="connectivity"):
        iaa.geometric.generate_jigsaw_destinations(2, 2, 1, 0, connectivity=6)
