"""Polygon / PolygonsOnImage / MultiPolygon behave as imgaug 0.4's (values from its code)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from augkit.augmentables import (
    KeypointsOnImage,
    MultiPolygon,
    Polygon,
    PolygonsOnImage,
)
from augkit.errors import InputError

TRIANGLE = [(0, 0), (2, 0), (2, 2)]


def test_str_prints_as_imgaug():
    poly = Polygon([(0, 0), (1.5, 0), (1, 2)], label="a")
    assert str(poly) == repr(poly) == (
        "Polygon([(x=0.000, y=0.000), (x=1.500, y=0.000), (x=1.000, y=2.000)] (3 points), "
        "label=a)")
    assert str(PolygonsOnImage([], shape=(3, 3))) == "PolygonsOnImage([], shape=(3, 3))"


def test_shift_with_side_arguments_and_in_place():
    poly = Polygon(TRIANGLE)
    with pytest.warns(DeprecationWarning):
        assert poly.shift(top=1, right=1).exterior.tolist() == [[-1, 1], [1, 1], [1, 3]]
    psoi = PolygonsOnImage([poly], shape=(5, 5))
    with pytest.warns(DeprecationWarning):
        assert psoi.shift(left=2).polygons[0].exterior[0].tolist() == [2, 0]
    assert psoi.shift_(y=1) is psoi and psoi.polygons[0].exterior[0].tolist() == [0, 1]


def test_subdivide_includes_the_closing_edge():
    poly = Polygon(TRIANGLE)
    assert poly.subdivide(1).exterior.tolist() == [[0, 0], [1, 0], [2, 0], [2, 1], [2, 2],
                                                   [1, 1]]
    assert poly.subdivide(0).exterior.tolist() == poly.exterior.tolist()
    psoi = PolygonsOnImage([poly], shape=(5, 5))
    assert psoi.subdivide_(2) is psoi and len(psoi.polygons[0]) == 9


def test_exterior_almost_equals_compares_outlines():
    poly = Polygon(TRIANGLE, label="t")
    assert poly.exterior_almost_equals([(2, 0), (2, 2), (0, 0)])
    assert poly.exterior_almost_equals(Polygon([(0, 0), (1, 0), (2, 0), (2, 2)]))
    assert not poly.exterior_almost_equals([(0, 0), (2, 0), (2, 2.1)])
    assert poly.exterior_almost_equals([(0, 0), (2, 0), (2, 2.1)], max_distance=0.2)
    assert poly.coords_almost_equals(np.array(TRIANGLE, dtype=np.float32))
    assert poly.almost_equals(Polygon(TRIANGLE, label="t"))
    assert not poly.almost_equals(Polygon(TRIANGLE, label="u"))


def test_change_first_point():
    poly = Polygon(TRIANGLE)
    assert poly.change_first_point_by_index(point_idx=1).exterior[0].tolist() == [2, 0]
    assert poly.change_first_point_by_coords(2, 2).exterior[0].tolist() == [2, 2]
    unchanged = poly.change_first_point_by_coords(5, 5, raise_if_too_far_away=False)
    assert unchanged is not poly and unchanged.exterior.tolist() == poly.exterior.tolist()
    with pytest.raises(InputError, match="no vertex"):
        poly.change_first_point_by_coords(5, 5)


def test_out_of_image_area_and_deprecated_cut():
    square = Polygon([(5, 0), (15, 0), (15, 10), (5, 10)])
    assert square.compute_out_of_image_area((10, 10)) == 50
    assert square.compute_out_of_image_area((20, 20)) == 0
    assert square.compute_out_of_image_area((3, 3)) == 100
    with pytest.warns(DeprecationWarning, match="clip_out_of_image"):
        assert [p.area for p in square.cut_out_of_image((10, 10))] == [50]


def test_extract_from_image_masks_the_bounding_box():
    image = np.arange(36, dtype=np.uint8).reshape(6, 6)
    out = Polygon([(1, 1), (5, 1), (1, 5)]).extract_from_image(image)
    expected = np.where(np.add.outer(np.arange(4), np.arange(4)) <= 4, image[1:5, 1:5], 0)
    assert out.dtype == np.uint8 and out.tolist() == expected.tolist()
    rgb = Polygon([(1, 1), (5, 1), (1, 5)]).extract_from_image(np.dstack([image] * 3))
    assert rgb.shape == (4, 4, 3) and rgb[:, :, 2].tolist() == expected.tolist()
    outside = Polygon([(10, 10), (12, 10), (12, 12)]).extract_from_image(image)
    assert outside.shape == (2, 2) and outside.sum() == 0
    with pytest.raises(InputError, match="3 vertices"):
        Polygon([(0, 0), (1, 1)]).extract_from_image(image)


def test_to_shapely_line_string_interpolates():
    line = Polygon(TRIANGLE).to_shapely_line_string(closed=True, interpolate=1)
    assert len(line.coords) == 7 and line.coords[1] == (1.0, 0.0)


def test_fill_and_invert_through_keypoints():
    psoi = PolygonsOnImage([Polygon(TRIANGLE, label="a"), Polygon([(5, 5), (6, 5), (6, 6)])],
                           shape=(10, 10))
    xy = psoi.to_xy_array() + 1
    assert psoi.fill_from_xy_array_(xy) is psoi
    assert psoi.polygons[1].exterior[0].tolist() == [6, 6] and psoi.labels == ["a", None]
    with pytest.raises(InputError, match="6, 2"):
        psoi.fill_from_xy_array_(xy[:5])
    kpsoi = KeypointsOnImage.from_xy_array(np.zeros((6, 2)), shape=(3, 3))
    assert psoi.invert_to_keypoints_on_image_(kpsoi) is psoi
    assert psoi.shape == (3, 3) and psoi.to_xy_array().sum() == 0
    arrays = psoi.to_xy_arrays()
    assert [a.shape for a in arrays] == [(3, 2), (3, 2)]
    assert len(PolygonsOnImage.from_xy_arrays(arrays, shape=(3, 3))) == 2


def test_multipolygon_from_shapely():
    multi = MultiPolygon.from_shapely(shapely.MultiPolygon([shapely.box(0, 0, 1, 1),
                                                            shapely.box(2, 0, 3, 1)]), label=7)
    assert len(multi) == 2 and [p.label for p in multi] == [7, 7]
    assert multi[0].area == 1.0
    assert len(MultiPolygon.from_shapely(shapely.box(0, 0, 1, 1)).geoms) == 1
    collection = shapely.GeometryCollection([shapely.box(0, 0, 1, 1)])
    assert len(MultiPolygon.from_shapely(collection).geoms) == 1
    with pytest.raises(InputError, match="geometry"):
        MultiPolygon.from_shapely(shapely.Point(0, 0))
    with pytest.raises(InputError, match="geoms"):
        MultiPolygon([TRIANGLE])
