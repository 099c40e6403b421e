"""Superpixels, Voronoi and the point samplers."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_arithmetic import functional as F
from augkit_arithmetic.points_samplers import (
    DropoutPointsSampler,
    RegularGridPointsSampler,
    RelativeRegularGridPointsSampler,
    SubsamplingPointsSampler,
    UniformPointsSampler,
)
from augkit_arithmetic.segmentation import (
    RegularGridVoronoi,
    RelativeRegularGridVoronoi,
    Superpixels,
    UniformVoronoi,
    Voronoi,
    draw_replace_flags,
)

from augkit import ParameterError
from augkit import parameters as iap

IMG = np.random.default_rng(0).integers(0, 256, (40, 48, 3), dtype=np.uint8)


def test_replace_segments_uses_rounded_means_and_wraps_flags():
    img = np.array([[[0], [3]], [[10], [20]]], dtype=np.uint8)
    segments = np.array([[0, 0], [1, 2]])
    out = F.replace_segments(img, segments, np.array([True, False]))  # segment 2 wraps to flag 0
    assert out[:, :, 0].tolist() == [[2, 2], [10, 20]]


def test_superpixels_p_replace_zero_is_the_identity():
    out = Superpixels(p_replace=0, n_segments=20)(image=IMG)
    assert np.array_equal(out, IMG)


def test_superpixels_full_replacement_leaves_few_colours():
    out = Superpixels(p_replace=1.0, n_segments=10, max_size=None)(image=IMG)
    assert len(np.unique(out.reshape(-1, 3), axis=0)) <= 30


def test_superpixels_readme_example_runs_on_grayscale_and_rgba():
    aug = Superpixels(p_replace=(0, 1.0), n_segments=(20, 200), seed=1)
    for channels in (1, 4):
        img = IMG[:, :, :1] if channels == 1 else np.dstack([IMG, IMG[:, :, :1]])
        assert aug(image=img).shape == img.shape


def test_p_replace_tuple_is_drawn_once_per_image():
    rng = np.random.default_rng(0)
    flags = draw_replace_flags(iap.handle_probability_param((0.0, 1.0), "p",
                                                            tuple_to_uniform=True),
                               np.array([4000, 4000, 4000]), rng)
    fractions = [f.mean() for f in flags]
    assert np.std(fractions) > 0.05  # imgaug: one probability per image, not per segment


def test_voronoi_exact_cells_of_a_two_point_grid():
    img = np.arange(16, dtype=np.uint8).reshape(4, 4)
    out = Voronoi(RegularGridPointsSampler(1, 2))(image=img)
    assert out.tolist() == [[6, 6, 8, 8]] * 4


def test_voronoi_shrinks_and_grows_back():
    out = UniformVoronoi(n_points=30, p_replace=1.0, max_size=16, seed=0)(image=IMG)
    assert out.shape == IMG.shape and not np.array_equal(out, IMG)


def test_regular_grid_points_are_cell_centres():
    pts = RegularGridPointsSampler(2, 4).sample_points([(4, 8)], 0)[0]
    assert pts.tolist() == [[1, 1], [3, 1], [5, 1], [7, 1], [1, 3], [3, 3], [5, 3], [7, 3]]


def test_grid_is_clipped_to_the_image_and_relative_grid_scales():
    assert len(RegularGridPointsSampler(50, 50).sample_points([(3, 2)], 0)[0]) == 6
    assert len(RelativeRegularGridPointsSampler(0.5, 0.25).sample_points([(8, 16)], 0)[0]) == 16


def test_dropout_keeps_at_least_one_point_and_subsampling_caps():
    rng = np.random.default_rng(0)
    dropped = DropoutPointsSampler(RegularGridPointsSampler(3, 3), 1.0).sample_points(
        [(9, 9)], rng)[0]
    assert len(dropped) == 1
    capped = SubsamplingPointsSampler(UniformPointsSampler(100), 7).sample_points([(9, 9)], rng)
    assert len(capped[0]) == 7


def test_uniform_points_lie_inside_the_image():
    pts = UniformPointsSampler(200).sample_points([(5, 9)], 1)[0]
    assert (pts[:, 0] >= 0).all() and (pts[:, 0] < 9).all() and (pts[:, 1] < 5).all()


def test_same_seed_same_voronoi():
    a = RegularGridVoronoi(seed=3)(image=IMG)
    b = RegularGridVoronoi(seed=3)(image=IMG)
    assert np.array_equal(a, b)


@pytest.mark.parametrize("make, match", [
    (lambda: Superpixels(p_replace=2), "p_replace"),
    (lambda: Superpixels(n_segments=0), "n_segments"),
    (lambda: Superpixels(max_size=0), "max_size"),
    (lambda: Superpixels(interpolation="bogus"), "interpolation"),
    (lambda: Voronoi(points_sampler=5), "points_sampler"),
    (lambda: RegularGridVoronoi(n_rows=0), "n_rows"),
    (lambda: RelativeRegularGridVoronoi(n_rows_frac=2.0), "n_rows_frac"),
    (lambda: RegularGridVoronoi(p_drop_points=1.5), "p_drop"),
    (lambda: SubsamplingPointsSampler(UniformPointsSampler(3), -1), "n_points_max"),
])
def test_bad_arguments_name_the_argument(make, match):
    with pytest.raises((ParameterError, TypeError), match=match):
        make()
