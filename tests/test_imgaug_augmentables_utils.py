"""augkit.augmentables.utils: imgaug 0.4's helpers with its semantics."""

from __future__ import annotations

import numpy as np
import pytest

from augkit.augmentables import (
    BoundingBox,
    BoundingBoxesOnImage,
    LineString,
    LineStringsOnImage,
    Polygon,
    PolygonsOnImage,
)
from augkit.augmentables.utils import (
    convert_cbaois_to_kpsois,
    interpolate_point_pair,
    interpolate_points,
    interpolate_points_by_max_distance,
    invert_convert_cbaois_to_kpsois_,
    normalize_shape,
    project_coords,
    project_coords_,
)
from augkit.errors import InputError, ParameterError


def test_interpolate_point_pair_excludes_both_ends():
    assert interpolate_point_pair((0, 0), (4, 8), 3) == [(1, 2), (2, 4), (3, 6)]
    assert interpolate_point_pair((0, 0), (4, 8), 0) == []


def test_interpolate_points_open_and_closed():
    points = [(0, 0), (2, 0), (2, 2)]
    assert interpolate_points(points, 1, closed=False) == [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2)]
    assert interpolate_points(points, 1) == [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2), (1, 1)]
    assert interpolate_points([(3, 3)], 5) == [(3, 3)]
    with pytest.raises(ParameterError, match="nb_steps"):
        interpolate_points(points, 1.5)


def test_interpolate_points_by_max_distance():
    assert interpolate_points_by_max_distance([(0, 0), (0, 3)], 1.0, closed=False) == [
        (0, 0), (0, 1), (0, 2), (0, 3)]
    # int(4 / 1.5 - 1) == 1 point per 4-pixel edge
    assert interpolate_points_by_max_distance([(0, 0), (4, 0)], 1.5) == [
        (0, 0), (2, 0), (4, 0), (2, 0)]
    with pytest.raises(ParameterError, match="max_distance"):
        interpolate_points_by_max_distance([(0, 0), (1, 0)], 0)


def test_normalize_shape_and_project_coords():
    assert normalize_shape((4, 5)) == (4, 5)
    assert normalize_shape(np.zeros((4, 5, 3))) == (4, 5, 3)
    projected = project_coords([(1, 2), (3, 4)], (10, 10), np.zeros((20, 30)))
    assert projected.dtype == np.float32 and projected.tolist() == [[3, 4], [9, 8]]
    xy = np.array([[1.0, 2.0]], dtype=np.float32)
    assert project_coords_(xy, (10, 10), (20, 20)) is xy and xy.tolist() == [[2, 4]]
    assert project_coords([], (10, 10), (20, 20)).shape == (0, 2)
    with pytest.raises(InputError, match="from_shape"):
        project_coords([(1, 1)], (0, 10), (20, 20))


def test_convert_to_keypoints_and_back_in_place():
    bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 2, 1)], shape=(4, 4))
    psoi = PolygonsOnImage([Polygon([(0, 0), (2, 0), (2, 2)])], shape=(4, 4))
    lsoi = LineStringsOnImage([LineString([(0, 0), (3, 3)])], shape=(4, 4))
    kpsois = convert_cbaois_to_kpsois([bbsoi, psoi, lsoi])
    assert [len(k) for k in kpsois] == [4, 3, 2]
    moved = [k.shift(x=1).on((8, 8)) for k in kpsois]
    result = invert_convert_cbaois_to_kpsois_([bbsoi, psoi, lsoi], moved)
    assert result[0] is bbsoi and result[1] is psoi and result[2] is lsoi
    assert bbsoi.to_xyxy_array().tolist() == [[2, 0, 6, 2]] and bbsoi.shape == (8, 8)
    assert psoi.polygons[0].exterior.tolist() == [[2, 0], [6, 0], [6, 4]]
    assert lsoi.line_strings[0].coords.tolist() == [[2, 0], [8, 6]]
    single = convert_cbaois_to_kpsois(bbsoi)
    assert invert_convert_cbaois_to_kpsois_(bbsoi, single) is bbsoi
    with pytest.raises(InputError, match="kpsois"):
        invert_convert_cbaois_to_kpsois_([bbsoi], single)
    with pytest.raises(InputError, match="kpsois"):
        invert_convert_cbaois_to_kpsois_(bbsoi, [single])
