"""Polygons: area, validity, clipping with Shapely, drawing, and repair after transforms."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from augkit.augmentables import BoundingBox, Keypoint, Polygon, PolygonsOnImage
from augkit.augmentables.polys import is_affine_map, repair_transformed
from augkit.errors import InputError

SQUARE = [(0, 0), (10, 0), (10, 10), (0, 10)]
BOWTIE = [(0, 0), (10, 0), (0, 10), (10, 10)]


def test_exterior_forms_and_basic_geometry():
    for exterior in (SQUARE, np.array(SQUARE), [Keypoint(x, y) for x, y in SQUARE]):
        poly = Polygon(exterior, label="sq")
        assert poly.exterior.dtype == np.float32 and poly.exterior.shape == (4, 2)
        assert poly.area == 100 and poly.label == "sq"
    poly = Polygon(SQUARE)
    bb = poly.to_bounding_box()
    assert isinstance(bb, BoundingBox) and bb.coords.tolist() == [[0, 0], [10, 10]]
    assert (poly.width, poly.height) == (10, 10)
    assert poly.find_closest_point_index(9, 1) == 1
    assert poly.find_closest_point_index(9, 9, return_distance=True) == (2, pytest.approx(2**0.5))
    assert poly.change_first_point_by_index(2).exterior[0].tolist() == [10, 10]
    assert poly.change_first_point_by_coords(0, 10).exterior[0].tolist() == [0, 10]


def test_validity_uses_shapely():
    assert Polygon(SQUARE).is_valid
    assert not Polygon(BOWTIE).is_valid
    assert not Polygon([(0, 0), (1, 1)]).is_valid


def test_shapely_round_trip_and_line_string():
    poly = Polygon(SQUARE, label=3)
    back = Polygon.from_shapely(poly.to_shapely_polygon(), label=3)
    assert back.coords_almost_equals(poly) and back.label == 3
    ring = poly.to_line_string()
    assert len(ring) == 5 and ring.coords[-1].tolist() == [0, 0]
    with pytest.raises(InputError, match="shapely Polygon"):
        Polygon.from_shapely(shapely.Point(0, 0))


@pytest.mark.parametrize(
    ("shift", "fully", "partly", "fraction"),
    [((0, 0), True, True, 0.0), ((-5, 0), False, True, 0.5), ((30, 30), False, False, 1.0)],
)
def test_out_of_image_by_area(shift, fully, partly, fraction):
    poly = Polygon(SQUARE).shift(*shift)
    shape = (20, 20)
    assert poly.is_fully_within_image(shape) is fully
    assert poly.is_partly_within_image(shape) is partly
    assert poly.compute_out_of_image_fraction(shape) == pytest.approx(fraction)


def test_a_polygon_around_the_whole_image_is_partly_inside():
    poly = Polygon([(-10, -10), (50, -10), (50, 50), (-10, 50)])
    assert poly.is_partly_within_image((20, 20)) and not poly.is_out_of_image((20, 20))
    clipped = poly.clip_out_of_image((20, 20))
    assert len(clipped) == 1 and clipped[0].area == 400


def test_clip_can_split_a_polygon():
    # a U shape whose bottom lies below the image: two arms remain
    u_shape = Polygon([(0, 0), (4, 0), (4, 15), (6, 15), (6, 0), (10, 0), (10, 20), (0, 20)],
                      label="u")
    parts = u_shape.clip_out_of_image((10, 10))
    assert len(parts) == 2
    assert sorted(p.area for p in parts) == [40, 40]
    assert all(p.label == "u" and p.is_fully_within_image((10, 10)) for p in parts)


def test_container_remove_clip_and_xy():
    psoi = PolygonsOnImage([Polygon(SQUARE, "in"), Polygon(SQUARE, "half").shift(-5, 0),
                            Polygon(SQUARE, "out").shift(40, 0)], shape=(20, 20, 3))
    assert psoi.labels == ["in", "half", "out"]
    assert [p.label for p in psoi.remove_out_of_image()] == ["in", "half"]
    assert [p.label for p in psoi.remove_out_of_image(partly=True)] == ["in"]
    assert [p.label for p in psoi.remove_out_of_image_fraction(0.5)] == ["in"]
    assert [p.area for p in psoi.clip_out_of_image()] == [100, 50]
    assert psoi.to_xy_array().shape == (12, 2)
    scaled = psoi.on((40, 10))
    assert scaled.polygons[0].exterior.tolist() == [[0, 0], [5, 0], [5, 20], [0, 20]]


def test_draw_fills_and_outlines():
    image = np.zeros((20, 20, 3), np.uint8)
    poly = Polygon([(2, 2), (17, 2), (17, 17), (2, 17)])
    out = poly.draw_on_image(image, color=(0, 200, 0), alpha=1.0)
    assert out[10, 10].tolist() == [0, 100, 0]  # face at half alpha
    assert out[2, 10].tolist() == [0, 200, 0]   # outline
    assert out[0, 10].tolist() == [0, 0, 0]
    assert image.sum() == 0
    psoi = PolygonsOnImage([poly], shape=image.shape)
    assert np.array_equal(psoi.draw_on_image(image, color=(0, 200, 0)), out)


def test_empty_polygons_work_everywhere():
    empty = PolygonsOnImage([], shape=(5, 5))
    assert empty.empty and empty.to_xy_array().shape == (0, 2)
    assert len(empty.clip_out_of_image()) == 0 and len(empty.on((9, 9))) == 0
    image = np.zeros((5, 5, 3), np.uint8)
    assert np.array_equal(empty.draw_on_image(image), image)


def test_affine_maps_are_recognised():
    src = np.array(SQUARE, np.float32)
    rotated = src @ np.array([[0, 1], [-1, 0]], np.float32) + 3
    assert is_affine_map(src, rotated)
    assert is_affine_map(src, src[:, ::-1])  # a mirror is affine too
    assert not is_affine_map(src, np.array(BOWTIE, np.float32))


def test_repair_turns_a_broken_polygon_into_a_valid_one():
    before = [np.array(SQUARE, np.float32)]
    after = [np.array(BOWTIE, np.float32)]
    repaired = repair_transformed(before, after)
    poly = Polygon(repaired[0])
    assert poly.is_valid and poly.area == pytest.approx(25)


def test_repair_leaves_affine_results_and_already_invalid_input_alone():
    before = [np.array(SQUARE, np.float32), np.array(BOWTIE, np.float32)]
    after = [b * 2 for b in before]
    assert repair_transformed(before, after) is after
    warped = [before[0] ** 1.1, before[1] + [[0, 0], [0, 0], [0, 0], [1, 0]]]
    result = repair_transformed(before, warped)
    assert result[1] is warped[1]  # was invalid before the transform: not ours to fix
