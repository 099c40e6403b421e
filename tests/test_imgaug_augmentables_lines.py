"""LineString / LineStringsOnImage behave as imgaug 0.4's (values derived from its code)."""

from __future__ import annotations

import numpy as np
import pytest

from augkit.augmentables import (
    HeatmapsOnImage,
    Keypoint,
    LineString,
    LineStringsOnImage,
    Polygon,
    SegmentationMapsOnImage,
)
from augkit.errors import InputError

HORIZONTAL = LineString([(0, 1), (3, 1)])


def test_str_prints_as_imgaug():
    ls = LineString([(0, 0), (1.5, 2)], label="road")
    assert str(ls) == repr(ls) == "LineString([(0.00, 0.00), (1.50, 2.00)], label=road)"
    assert str(LineStringsOnImage([ls], shape=(4, 4))) == (
        "LineStringsOnImage([LineString([(0.00, 0.00), (1.50, 2.00)], label=road)], "
        "shape=(4, 4))")


def test_pointwise_distances():
    ls = LineString([(0, 0), (0, 3)])
    assert ls.compute_pointwise_distances((4, 0)) == [4.0, 5.0]
    assert ls.compute_pointwise_distances(Keypoint(0, 1)) == [1.0, 2.0]
    assert ls.compute_pointwise_distances(LineString([(1, 0), (1, 5)])) == [1.0, 1.0]
    assert ls.compute_pointwise_distances(LineString([]), default=-1) == -1


def test_find_intersections_with_sorts_by_distance_from_each_segment_start():
    ls = LineString([(0, 0), (4, 0), (4, 4)])
    crossing = LineString([(-1, 1), (5, 1), (5, -1), (3, -1), (3, 1)])
    assert ls.find_intersections_with(crossing) == [[(3.0, 0.0)], [(4.0, 1.0)]]
    backwards = LineString([(4, 0), (0, 0)])
    assert backwards.find_intersections_with(LineString([(1, -1), (1, 1), (3, 1), (3, -1)])) \
        == [[(3.0, 0.0), (1.0, 0.0)]]
    assert ls.find_intersections_with(Polygon([(1, -1), (2, -1), (2, 1), (1, 1)])) == [
        [(1.0, 0.0), (2.0, 0.0)], []]


def test_concatenate_and_subdivide():
    ls = LineString([(0, 0), (2, 0)], label="a")
    joined = ls.concatenate([(2, 2)])
    assert joined.coords.tolist() == [[0, 0], [2, 0], [2, 2]] and joined.label == "a"
    assert ls.concatenate(LineString([(5, 5)])).coords[-1].tolist() == [5, 5]
    assert ls.subdivide(1).coords.tolist() == [[0, 0], [1, 0], [2, 0]]
    assert LineString([(1, 1)]).subdivide(3).coords.tolist() == [[1, 1]]


def test_coords_almost_equals_compares_geometry():
    assert HORIZONTAL.coords_almost_equals([(0, 1), (1, 1), (3, 1)])
    assert not HORIZONTAL.coords_almost_equals([(0, 1), (3, 1.1)])
    assert HORIZONTAL.coords_almost_equals([(0, 1), (3, 1.1)], max_distance=0.11)
    assert LineString([]).coords_almost_equals([])
    assert not HORIZONTAL.almost_equals(LineString([(0, 1), (3, 1)], label="x"))


def test_heatmap_arrays_and_mask():
    expected = [[0, 0, 0, 0], [1, 1, 1, 1], [0, 0, 0, 0]]
    lines = HORIZONTAL.draw_lines_heatmap_array((3, 4), antialiased=False)
    assert lines.dtype == np.float32 and lines.tolist() == expected
    points = HORIZONTAL.draw_points_heatmap_array((3, 4, 1), size=1)
    assert points.tolist() == [[0, 0, 0, 0], [1, 0, 0, 1], [0, 0, 0, 0]]
    both = HORIZONTAL.draw_heatmap_array((3, 4), alpha_lines=0.5, size_points=1,
                                         antialiased=False)
    np.testing.assert_allclose(both, [[0, 0, 0, 0], [1, 0.5, 0.5, 1], [0, 0, 0, 0]],
                               atol=1 / 255)
    assert HORIZONTAL.draw_mask((3, 4)).tolist() == np.array(expected, bool).tolist()
    assert HORIZONTAL.draw_mask((3, 4, 3)).tolist() == np.array(expected, bool).tolist()
    with pytest.raises(InputError, match="image_shape"):
        HORIZONTAL.draw_lines_heatmap_array((3, 4, 3))


def test_draw_lines_and_points_on_image():
    on_shape = HORIZONTAL.draw_lines_on_image((3, 4, 3), size=1, antialiased=False)
    assert on_shape.dtype == np.uint8 and on_shape[1, 2].tolist() == [0, 255, 0]
    image = np.zeros((3, 4, 3), dtype=np.uint8)
    dots = HORIZONTAL.draw_points_on_image(image, size=1)
    assert dots[1, 0].tolist() == [0, 128, 0] and dots[1, 1].sum() == 0 and image.sum() == 0
    # imgaug's positional order (no copy before raise_if_out_of_image)
    drawn = HORIZONTAL.draw_on_image(image, (255, 0, 0), None, None, 1.0, None, None, 1, None,
                                     1, False, True)
    assert drawn[1, 1].tolist() == [255, 0, 0]


def test_to_heatmap_and_segmentation_map():
    heatmap = HORIZONTAL.to_heatmap((3, 4, 3), antialiased=False)
    assert isinstance(heatmap, HeatmapsOnImage) and heatmap.shape == (3, 4, 3)
    assert heatmap.get_arr().tolist() == [[0, 0, 0, 0], [1, 1, 1, 1], [0, 0, 0, 0]]
    segmap = HORIZONTAL.to_segmentation_map((3, 4, 3))
    assert isinstance(segmap, SegmentationMapsOnImage) and segmap.shape == (3, 4, 3)
    assert segmap.arr[:, :, 0].tolist() == [[0, 0, 0, 0], [1, 1, 1, 1], [0, 0, 0, 0]]


def test_extract_from_image():
    image = np.arange(16, dtype=np.uint8).reshape(4, 4)
    assert HORIZONTAL.extract_from_image(image, antialiased=False).tolist() == [[4, 5, 6, 7]]
    rgb = HORIZONTAL.extract_from_image(np.dstack([image] * 3), size=3, antialiased=False)
    assert rgb.shape == (3, 6, 3) and rgb[1, 1:5, 0].tolist() == [4, 5, 6, 7]
    assert LineString([]).extract_from_image(image).shape == (1, 1)
    assert LineString([]).extract_from_image(image, prevent_zero_size=False).shape == (0, 0)
    assert LineString([(1, 1)]).extract_from_image(image).tolist() == [[5]]


def test_empty_line_uses_default_for_the_image_tests():
    empty = LineString([])
    assert empty.is_out_of_image((4, 4)) is True
    assert empty.is_out_of_image((4, 4), default=False) is False
    assert empty.is_fully_within_image((4, 4), default=True) is True
    assert empty.is_partly_within_image((4, 4)) is False


def test_container_arrays_and_in_place_twins():
    lsoi = LineStringsOnImage.from_xy_arrays(np.array([[[0, 0], [5, 0]], [[20, 20], [30, 20]]]),
                                             shape=(10, 10))
    assert [a.tolist() for a in lsoi.to_xy_arrays()] == [[[0, 0], [5, 0]], [[20, 20], [30, 20]]]
    assert lsoi.remove_out_of_image_() is lsoi and len(lsoi) == 1
    assert lsoi.shift_(x=8).clip_out_of_image_() is lsoi
    assert lsoi.line_strings[0].coords.tolist() == [[8, 0], [10, 0]]
    lsoi.fill_from_xy_array_([[1, 1], [2, 2]])
    assert lsoi.to_xy_array().tolist() == [[1, 1], [2, 2]]
