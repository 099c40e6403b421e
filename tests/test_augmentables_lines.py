"""Line strings: lengths, distances, clipping by length, drawing."""

from __future__ import annotations

import numpy as np
import pytest

from augkit.augmentables import Keypoint, LineString, LineStringsOnImage, Polygon


def test_length_and_distances():
    ls = LineString([(0, 0), (3, 4), (3, 10)], label="road")
    assert ls.length == 11 and ls.compute_neighbour_distances().tolist() == [5, 6]
    assert ls.compute_distance((6, 8)) == 3
    assert ls.compute_distance(Keypoint(0, 0)) == 0
    assert ls.compute_distance(LineString([(10, 0), (10, 10)])) == 7
    assert LineString([]).compute_distance((0, 0), default=-1) == -1
    assert ls.contains((3, 7)) and not ls.contains((4, 7))


def test_conversions():
    ls = LineString([(1, 2), (5, 2), (5, 8)], label=1)
    assert ls.to_bounding_box().coords.tolist() == [[1, 2], [5, 8]]
    poly = ls.to_polygon()
    assert isinstance(poly, Polygon) and poly.area == 12 and poly.label == 1
    assert [kp.x for kp in ls.to_keypoints()] == [1, 5, 5]
    back = LineString.from_shapely(ls.to_shapely_line_string())
    assert back.coords_almost_equals(ls)


def test_clip_splits_a_line_that_leaves_and_comes_back():
    ls = LineString([(2, 5), (2, 15), (8, 15), (8, 5)], label="u")
    parts = ls.clip_out_of_image((10, 10))
    assert len(parts) == 2 and [p.length for p in parts] == [5, 5]
    assert all(p.label == "u" for p in parts)
    assert ls.compute_out_of_image_fraction((10, 10)) == pytest.approx(16 / 26)
    assert ls.is_partly_within_image((10, 10)) and not ls.is_fully_within_image((10, 10))


def test_a_line_crossing_the_image_without_vertices_inside_is_partly_inside():
    ls = LineString([(-5, 5), (15, 5)])
    assert ls.is_partly_within_image((10, 10))
    assert ls.clip_out_of_image((10, 10))[0].length == 10
    assert LineString([(-5, -5), (-1, -1)]).is_out_of_image((10, 10))


def test_container_operations():
    lsoi = LineStringsOnImage([LineString([(0, 0), (4, 4)], "a"),
                               LineString([(20, 20), (30, 30)], "b")], shape=(10, 10))
    assert [ls.label for ls in lsoi.remove_out_of_image()] == ["a"]
    assert [ls.label for ls in lsoi.clip_out_of_image()] == ["a"]
    assert lsoi.on((20, 20)).line_strings[0].coords.tolist() == [[0, 0], [8, 8]]
    assert lsoi.shift(x=1).to_xy_array()[0].tolist() == [1, 0]
    assert lsoi.compute_out_of_image_fraction().tolist() == [0, 1]
    assert LineStringsOnImage([], shape=(3, 3)).to_xy_array().shape == (0, 2)


def test_draw_colours_the_line_and_its_vertices():
    image = np.zeros((10, 12, 3), np.uint8)
    ls = LineString([(1, 5), (10, 5)])
    out = ls.draw_on_image(image, color=(0, 0, 255), antialiased=False)
    assert out[5, 5].tolist() == [0, 0, 255]
    assert out[5, 1].tolist() == [0, 0, 128]  # vertices: half the colour
    assert out[2, 5].sum() == 0 and image.sum() == 0
    lsoi = LineStringsOnImage([ls], shape=image.shape)
    assert np.array_equal(lsoi.draw_on_image(image, color=(0, 0, 255), antialiased=False), out)
