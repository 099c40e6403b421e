"""The built-in kinds: every accepted input form round-trips, coordinates convert both ways."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from augkit.augmentables import (
    BUILTIN_KINDS,
    BoundingBox,
    BoundingBoxesKind,
    BoundingBoxesOnImage,
    HeatmapsKind,
    HeatmapsOnImage,
    ImagesKind,
    Keypoint,
    KeypointsKind,
    KeypointsOnImage,
    LineString,
    LineStringsKind,
    LineStringsOnImage,
    MapKind,
    PointsKind,
    Polygon,
    PolygonsKind,
    PolygonsOnImage,
    SegmentationMapsKind,
    SegmentationMapsOnImage,
)
from augkit.errors import InputError, ParameterError

SHAPE = (20, 30, 3)
SQUARE = [(1.0, 1.0), (5.0, 1.0), (5.0, 5.0), (1.0, 5.0)]
TRIANGLE = [(10.0, 10.0), (15.0, 10.0), (12.0, 14.0)]


def test_builtin_kinds_declare_the_protocol():
    assert [k.name for k in BUILTIN_KINDS] == [
        "images", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes",
        "polygons", "line_strings"]
    assert [k.singular for k in BUILTIN_KINDS] == ["image"] + [None] * 6
    assert [k.category for k in BUILTIN_KINDS] == ["image", "map", "map"] + ["points"] * 4
    assert (HeatmapsKind.interpolation, HeatmapsKind.cval) == ("linear", 0)
    assert (SegmentationMapsKind.interpolation, SegmentationMapsKind.cval) == ("nearest", 0)
    assert BoundingBoxesKind.options == ("bbox_format",)
    assert all(issubclass(k, MapKind) for k in (HeatmapsKind, SegmentationMapsKind))
    assert all(issubclass(k, PointsKind) for k in BUILTIN_KINDS[3:])


def identical(a, b):
    """Equality that understands numpy arrays inside lists and tuples."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)
                and a.shape == b.shape and np.allclose(a, b))
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(
            identical(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, (Keypoint, BoundingBox, Polygon, LineString)):
        return type(a) is type(b) and a.coords_almost_equals(b) and a.label == b.label
    return a == b


def round_trip(kind, value, *, single, shapes, options=None):
    """to_rows, then an identity augmentation through to_xy/from_xy or get_arr/with_arr."""
    rows, restore = kind.to_rows(value, shapes=shapes, single=single, options=options or {})
    if kind.category == "points":
        rows = [kind.from_xy(r, kind.to_xy(r), kind.shape_of(r)) for r in rows]
    elif kind.category == "map":
        rows = [kind.with_arr(r, kind.get_arr(r).copy(), kind.shape_of(r)) for r in rows]
    return rows, restore(rows)


KOI = KeypointsOnImage([Keypoint(1, 2, "a")], shape=SHAPE)
BBSOI = BoundingBoxesOnImage([BoundingBox(1, 2, 3, 4, "b")], shape=SHAPE)
PSOI = PolygonsOnImage([Polygon(SQUARE, "p")], shape=SHAPE)
LSOI = LineStringsOnImage([LineString(TRIANGLE, "l")], shape=SHAPE)

POINT_FORMS = [
    # kind, value, single, number of rows
    (KeypointsKind, KOI, True, 1),
    (KeypointsKind, [KOI, KOI], False, 2),
    (KeypointsKind, np.array([[1.0, 2.0], [3.0, 4.0]]), True, 1),
    (KeypointsKind, [(1.0, 2.0), (3.0, 4.0)], True, 1),
    (KeypointsKind, [Keypoint(1, 2, "x")], True, 1),
    (KeypointsKind, np.zeros((2, 3, 2)), False, 2),
    (KeypointsKind, [np.zeros((3, 2)), [(1.0, 1.0)]], False, 2),
    (KeypointsKind, [], True, 1),
    (KeypointsKind, [], False, 0),
    (BoundingBoxesKind, BBSOI, True, 1),
    (BoundingBoxesKind, np.array([[1.0, 2.0, 3.0, 4.0]]), True, 1),
    (BoundingBoxesKind, [(1.0, 2.0, 3.0, 4.0)], True, 1),
    (BoundingBoxesKind, [BoundingBox(1, 2, 3, 4, "y")], True, 1),
    (BoundingBoxesKind, np.ones((2, 3, 4)), False, 2),
    (BoundingBoxesKind, [BBSOI, np.zeros((0, 4))], False, 2),
    (PolygonsKind, PSOI, True, 1),
    (PolygonsKind, [Polygon(SQUARE), Polygon(TRIANGLE, 7)], True, 1),
    (PolygonsKind, [np.array(SQUARE), np.array(TRIANGLE)], True, 1),
    (PolygonsKind, [SQUARE, TRIANGLE], True, 1),
    (PolygonsKind, [[Keypoint(x, y) for x, y in TRIANGLE]], True, 1),
    (PolygonsKind, np.array([SQUARE, SQUARE]), True, 1),
    (PolygonsKind, [[SQUARE], [TRIANGLE, SQUARE]], False, 2),
    (PolygonsKind, [PSOI, []], False, 2),
    (LineStringsKind, LSOI, True, 1),
    (LineStringsKind, [LineString(TRIANGLE)], True, 1),
    (LineStringsKind, [np.array(TRIANGLE)], True, 1),
    (LineStringsKind, [[TRIANGLE], [TRIANGLE]], False, 2),
]


@pytest.mark.parametrize(("kind", "value", "single", "count"), POINT_FORMS)
def test_every_points_form_round_trips(kind, value, single, count):
    shapes = [SHAPE] * count
    rows, out = round_trip(kind, value, single=single, shapes=shapes)
    assert len(rows) == count
    assert all(isinstance(r, kind.container) and kind.shape_of(r) == SHAPE for r in rows)
    assert same_form(kind, out, value)


def same_form(kind, out, value):
    """True when *out* has the form of *value* (an item, plain values, or a batch of them)."""
    if isinstance(value, kind.container):
        return (isinstance(out, kind.container) and out.labels == value.labels
                and np.allclose(out.to_xy_array(), value.to_xy_array()))
    if isinstance(value, list) and any(isinstance(v, kind.container) for v in value):
        return isinstance(out, list) and all(
            same_form(kind, o, v) for o, v in zip(out, value, strict=True))
    if isinstance(value, np.ndarray):
        value = value.astype(np.float32)
    return identical(out, value)


def test_plain_box_arrays_come_back_in_their_format():
    yolo = np.array([[0.5, 0.5, 0.2, 0.4]], np.float32)
    rows, restore = BoundingBoxesKind.to_rows(yolo, shapes=[(100, 200, 3)], single=True,
                                              options={"bbox_format": "yolo"})
    assert rows[0].xyxy.tolist() == [[80, 30, 120, 70]]
    flipped = BoundingBoxesKind.from_xy(rows[0], BoundingBoxesKind.to_xy(rows[0])[:, ::-1] * 1,
                                        (200, 100, 3))
    out = restore([flipped])
    assert isinstance(out, np.ndarray) and np.allclose(out, [[0.5, 0.5, 0.4, 0.2]])
    coco = [(10.0, 20.0, 5.0, 5.0)]
    _, out = round_trip(BoundingBoxesKind, coco, single=True, shapes=[SHAPE],
                        options={"bbox_format": "coco"})
    assert out == coco


def test_unknown_box_format_names_the_option():
    with pytest.raises(ParameterError, match="bbox_format.*'xyxy', 'pascal_voc'"):
        BoundingBoxesKind.to_rows(np.zeros((1, 4)), shapes=[SHAPE], single=True,
                                  options={"bbox_format": "xywh"})


@pytest.mark.parametrize(
    "kind, value",
    [(KeypointsKind, np.zeros((2, 2))), (BoundingBoxesKind, [(1, 2, 3, 4)]),
     (PolygonsKind, [SQUARE]), (LineStringsKind, [TRIANGLE]),
     (SegmentationMapsKind, np.zeros((4, 4), np.int32)),
     (HeatmapsKind, np.zeros((4, 4), np.float32))],
)
def test_plain_values_without_images_explain_what_to_pass(kind, value):
    with pytest.raises(InputError, match=f"{kind.name}: .*pass the images"):
        kind.to_rows(value, shapes=None, single=True, options={})


def test_row_count_mismatch_is_an_input_error():
    with pytest.raises(InputError, match="keypoints: got 1 row.*2 image"):
        KeypointsKind.to_rows([np.zeros((1, 2))], shapes=[SHAPE, SHAPE], single=False,
                              options={})
    with pytest.raises(InputError, match="one entry per image"):
        SegmentationMapsKind.to_rows(np.zeros((3, 4, 4), np.int32), shapes=[SHAPE],
                                     single=False, options={})


def test_unusable_points_values_name_the_kind():
    with pytest.raises(InputError, match="keypoints: expected"):
        KeypointsKind.to_rows("nope", shapes=[SHAPE], single=True, options={})
    with pytest.raises(InputError, match=r"keypoints.*\(N, 2\)"):
        KeypointsKind.to_rows(np.zeros((3, 3)), shapes=[SHAPE], single=True, options={})
    with pytest.raises(InputError, match=r"polygons\[1\]"):
        PolygonsKind.to_rows([SQUARE, "x"], shapes=[SHAPE], single=True, options={})


@pytest.mark.parametrize("kind", [KeypointsKind, BoundingBoxesKind, PolygonsKind,
                                  LineStringsKind])
def test_identity_through_xy_gives_identical_objects(kind):
    item = {KeypointsKind: KOI, BoundingBoxesKind: BBSOI, PolygonsKind: PSOI,
            LineStringsKind: LSOI}[kind]
    xy = kind.to_xy(item)
    assert xy.dtype == np.float32 and xy.ndim == 2 and xy.shape[1] == 2
    assert not np.shares_memory(xy, item.to_xy_array())
    out = kind.from_xy(item, xy, SHAPE)
    assert type(out) is type(item) and out.shape == SHAPE
    assert np.array_equal(out.to_xy_array(), item.to_xy_array())
    assert out.labels == item.labels


def test_empty_items_convert_both_ways():
    for kind, item in [(KeypointsKind, KeypointsOnImage([], SHAPE)),
                       (BoundingBoxesKind, BoundingBoxesOnImage([], SHAPE)),
                       (PolygonsKind, PolygonsOnImage([], SHAPE)),
                       (LineStringsKind, LineStringsOnImage([], SHAPE))]:
        xy = kind.to_xy(item)
        assert xy.shape == (0, 2)
        assert len(kind.from_xy(item, xy, (5, 5))) == 0


def test_box_corners_refit_after_a_rotation():
    bbsoi = BoundingBoxesOnImage([BoundingBox(2, 1, 6, 3, "car")], shape=(10, 10))
    xy = BoundingBoxesKind.to_xy(bbsoi)
    assert xy.tolist() == [[2, 1], [6, 1], [6, 3], [2, 3]]
    rotated = np.stack([10 - xy[:, 1], xy[:, 0]], axis=1)  # 90 degrees clockwise
    out = BoundingBoxesKind.from_xy(bbsoi, rotated, (10, 10))
    assert out.xyxy.tolist() == [[7, 2, 9, 6]] and out.labels == ["car"]


@settings(max_examples=40)
@given(hnp.arrays(np.float32, st.tuples(st.integers(0, 5), st.just(4)),
                  elements=st.floats(-100, 100, width=32)),
       st.floats(0, 2 * np.pi))
def test_refit_boxes_contain_every_rotated_corner(xyxy, angle):
    bbsoi = BoundingBoxesOnImage(xyxy, shape=(50, 50))
    xy = BoundingBoxesKind.to_xy(bbsoi)
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    moved = (xy @ rot.T).astype(np.float32)
    out = BoundingBoxesKind.from_xy(bbsoi, moved, (50, 50))
    corners = moved.reshape(-1, 4, 2)
    assert (out.xyxy[:, None, :2] <= corners + 1e-4).all()
    assert (out.xyxy[:, None, 2:] >= corners - 1e-4).all()


def test_polygons_split_back_by_vertex_count_and_get_repaired():
    psoi = PolygonsOnImage([Polygon(TRIANGLE, "t"), Polygon(SQUARE, "s")], shape=SHAPE)
    xy = PolygonsKind.to_xy(psoi)
    assert xy.shape == (7, 2)
    shifted = PolygonsKind.from_xy(psoi, xy + 1, SHAPE)
    assert [len(p) for p in shifted.polygons] == [3, 4] and shifted.labels == ["t", "s"]
    broken = xy.copy()
    broken[[5, 6]] = broken[[6, 5]]  # swap two square corners: a bow tie, not affine
    repaired = PolygonsKind.from_xy(psoi, broken, SHAPE)
    assert all(p.is_valid for p in repaired.polygons)
    assert repaired.polygons[0].coords_almost_equals(psoi.polygons[0])
    mirrored = xy.copy()
    mirrored[:, 0] = 30 - mirrored[:, 0]  # a flip reverses vertex order but stays valid
    flipped = PolygonsKind.from_xy(psoi, mirrored, SHAPE)
    assert np.array_equal(flipped.to_xy_array(), mirrored)


def test_line_strings_split_back():
    lsoi = LineStringsOnImage([LineString(TRIANGLE, 1), LineString(SQUARE, 2)], shape=SHAPE)
    out = LineStringsKind.from_xy(lsoi, LineStringsKind.to_xy(lsoi) * 2, (40, 60, 3))
    assert [len(ls) for ls in out] == [3, 4] and out.shape == (40, 60, 3)
    assert out.line_strings[1].coords[2].tolist() == [10, 10]


def test_from_xy_rejects_a_wrong_number_of_rows():
    with pytest.raises(InputError, match=r"\(4, 2\)"):
        BoundingBoxesKind.from_xy(BBSOI, np.zeros((3, 2), np.float32), SHAPE)


MAP_FORMS = [
    (HeatmapsKind, HeatmapsOnImage(np.zeros((4, 4), np.float32), SHAPE), True, 1),
    (HeatmapsKind, [HeatmapsOnImage(np.zeros((4, 4), np.float32), SHAPE)] * 2, False, 2),
    (HeatmapsKind, np.full((4, 4), 0.5, np.float32), True, 1),
    (HeatmapsKind, np.full((2, 4, 4, 3), 0.5, np.float32), False, 2),
    (SegmentationMapsKind, SegmentationMapsOnImage(np.ones((4, 4), np.uint8), SHAPE), True, 1),
    (SegmentationMapsKind, np.ones((4, 4), np.uint8), True, 1),
    (SegmentationMapsKind, np.ones((4, 4, 2), np.int64), True, 1),
    (SegmentationMapsKind, np.ones((3, 4, 4), np.int16), False, 3),
    (SegmentationMapsKind, [np.ones((4, 4), bool), np.zeros((2, 2, 1), np.uint8)], False, 2),
]


@pytest.mark.parametrize(("kind", "value", "single", "count"), MAP_FORMS)
def test_every_map_form_round_trips(kind, value, single, count):
    rows, out = round_trip(kind, value, single=single, shapes=[SHAPE] * count)
    assert len(rows) == count and all(isinstance(r, kind.item_class) for r in rows)
    assert all(kind.get_arr(r).ndim == 3 for r in rows)
    if isinstance(value, np.ndarray):
        assert isinstance(out, np.ndarray) and out.dtype == value.dtype
        assert np.array_equal(out, value)
    elif isinstance(value, list):
        assert isinstance(out, list) and len(out) == count
        for o, v in zip(out, value, strict=True):
            got = o if isinstance(o, np.ndarray) else o.get_arr()
            want = v if isinstance(v, np.ndarray) else v.get_arr()
            assert np.array_equal(got, want) and got.dtype == want.dtype
    else:
        assert isinstance(out, kind.item_class)


def test_map_items_pass_through_unchanged():
    segmap = SegmentationMapsOnImage(np.ones((4, 4), np.uint8), SHAPE)
    rows, restore = SegmentationMapsKind.to_rows(segmap, shapes=None, single=False, options={})
    assert rows == [segmap] and restore(rows) is segmap
    kps = KeypointsOnImage([(1, 1)], shape=SHAPE)
    rows, restore = KeypointsKind.to_rows(kps, shapes=None, single=False, options={})
    assert restore(rows) is kps


def test_with_arr_builds_new_items_without_revalidation():
    hm = HeatmapsOnImage(np.zeros((4, 4), np.float32), SHAPE, min_value=-1, max_value=1)
    out = HeatmapsKind.with_arr(hm, np.full((8, 8, 1), 1.5, np.float32), (40, 60, 3))
    assert out.shape == (40, 60, 3) and out.arr_0to1.max() == 1  # clipped to [0, 1]
    assert out.get_arr().shape == (8, 8) and out.get_arr().max() == 1
    segmap = SegmentationMapsOnImage(np.ones((4, 4), np.uint8), SHAPE)
    out = SegmentationMapsKind.with_arr(segmap, np.full((2, 2, 1), 3, np.int64), SHAPE)
    assert out.arr.dtype == np.int32 and out.get_arr().dtype == np.uint8


def test_images_kind_is_wired_to_image_rows():
    rows, restore = ImagesKind.to_rows(np.zeros((2, 3), np.uint8), shapes=None, single=True,
                                       options={})
    assert rows[0].shape == (2, 3, 1) and restore(rows).shape == (2, 3)
