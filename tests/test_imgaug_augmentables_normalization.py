"""augkit.augmentables.normalization: imgaug 0.4's input normalisation and its inverse."""

from __future__ import annotations

import numpy as np
import pytest

from augkit.augmentables import (
    BoundingBox,
    BoundingBoxesOnImage,
    HeatmapsOnImage,
    Keypoint,
    KeypointsOnImage,
    LineStringsOnImage,
    Polygon,
    PolygonsOnImage,
    SegmentationMapsOnImage,
)
from augkit.augmentables import normalization as norm
from augkit.errors import InputError

SHAPES = [(10, 10, 3)]


@pytest.mark.parametrize(("value", "expected"), [
    (None, "None"),
    (np.zeros((1, 2, 2), dtype=np.float32), "array[float]"),
    (np.zeros((1, 2, 2), dtype=np.uint8), "array[uint]"),
    ((1, 2), "tuple[number,size=2]"),
    (Keypoint(1, 2), "Keypoint"),
    ([], "iterable[empty]"),
    ([[]], "iterable-iterable[empty]"),
    ([(1, 2)], "iterable-tuple[number,size=2]"),
    ([[(1, 2, 3, 4)]], "iterable-iterable-tuple[number,size=4]"),
    ([[[(1, 2)]]], "iterable-iterable-iterable-tuple[number,size=2]"),
    ([[], [Keypoint(0, 0)]], "iterable-iterable-Keypoint"),
])
def test_estimate_normalization_type(value, expected):
    assert norm.estimate_normalization_type(value) == expected


def test_estimators_reject_forms_of_other_kinds():
    assert norm.estimate_keypoints_norm_type([Keypoint(0, 0)]) == "iterable-Keypoint"
    with pytest.raises(InputError, match="heatmaps"):
        norm.estimate_heatmaps_norm_type([Keypoint(0, 0)])
    with pytest.raises(InputError, match="bounding_boxes"):
        norm.estimate_bounding_boxes_norm_type((1, 2))
    assert norm.estimate_segmaps_norm_type(np.zeros((1, 2, 2, 1), bool)) == "array[bool]"
    assert norm.estimate_polygons_norm_type(Polygon([(0, 0), (1, 0), (1, 1)])) == "Polygon"
    assert norm.estimate_line_strings_norm_type([[[(0, 0)]]]) == \
        "iterable-iterable-iterable-tuple[number,size=2]"


def test_images():
    gray = np.zeros((4, 5), dtype=np.uint8)
    assert norm.normalize_images(gray).shape == (1, 4, 5, 1)
    assert norm.normalize_images(np.zeros((2, 4, 5))).shape == (2, 4, 5, 1)
    listed = norm.normalize_images([gray, np.zeros((3, 3, 3))])
    assert [i.shape for i in listed] == [(4, 5, 1), (3, 3, 3)]
    assert norm.invert_normalize_images(norm.normalize_images(gray), gray).shape == (4, 5)
    assert norm.invert_normalize_images(listed, [gray, np.zeros((3, 3, 3))])[0].shape == (4, 5)
    assert norm.normalize_images(None) is None
    with pytest.raises(InputError, match=r"images\[0\]"):
        norm.normalize_images([np.zeros(3)])


@pytest.mark.parametrize("value", [
    (1, 2), Keypoint(1, 2), [(1, 2)], [Keypoint(1, 2)], [[(1, 2)]], [[Keypoint(1, 2)]],
    np.array([[[1, 2]]], dtype=np.float32), [np.array([[1, 2]])],
    KeypointsOnImage([Keypoint(1, 2)], shape=(10, 10, 3)),
])
def test_keypoints_forms_round_trip(value):
    kpsois = norm.normalize_keypoints(value, shapes=SHAPES)
    assert len(kpsois) == 1 and kpsois[0].to_xy_array().tolist() == [[1, 2]]
    back = norm.invert_normalize_keypoints([kpsois[0].shift(x=1)], value)
    assert type(back) is type(value)
    again = norm.normalize_keypoints(back, shapes=SHAPES)[0]
    assert again.to_xy_array().tolist() == [[2, 2]]


@pytest.mark.parametrize("value", [
    (1, 2, 3, 4), BoundingBox(1, 2, 3, 4), [(1, 2, 3, 4)], [[(1, 2, 3, 4)]],
    np.array([[[1, 2, 3, 4]]], dtype=np.float32), [BoundingBox(1, 2, 3, 4)],
])
def test_bounding_box_forms_round_trip(value):
    bbsois = norm.normalize_bounding_boxes(value, shapes=SHAPES)
    assert isinstance(bbsois[0], BoundingBoxesOnImage)
    assert bbsois[0].to_xyxy_array().tolist() == [[1, 2, 3, 4]]
    back = norm.invert_normalize_bounding_boxes([bbsois[0].shift(y=1)], value)
    assert norm.normalize_bounding_boxes(back, shapes=SHAPES)[0].to_xyxy_array().tolist() == [
        [1, 3, 3, 5]]


TRI = [(0, 0), (4, 0), (4, 4)]


@pytest.mark.parametrize("value", [
    Polygon(TRI), TRI, [Keypoint(x, y) for x, y in TRI], [Polygon(TRI)], [TRI], [[TRI]],
    [np.array(TRI, dtype=np.float32)], np.array([[TRI]], dtype=np.float32),
])
def test_polygon_forms(value):
    psois = norm.normalize_polygons(value, shapes=SHAPES)
    assert isinstance(psois[0], PolygonsOnImage) and len(psois[0]) == 1
    assert psois[0].polygons[0].exterior.tolist() == [list(p) for p in TRI]
    back = norm.invert_normalize_polygons(psois, value)
    assert norm.normalize_polygons(back, shapes=SHAPES)[0].to_xy_array().tolist() == [
        list(p) for p in TRI]


def test_line_strings_heatmaps_and_segmentation_maps():
    lsois = norm.normalize_line_strings([[(0, 0), (1, 1)]], shapes=np.zeros((1, 10, 10, 3)))
    assert isinstance(lsois[0], LineStringsOnImage) and lsois[0].shape == (10, 10, 3)
    heatmaps = norm.normalize_heatmaps(np.ones((1, 4, 4, 1), np.float32), shapes=SHAPES)
    assert isinstance(heatmaps[0], HeatmapsOnImage) and heatmaps[0].shape == SHAPES[0]
    back = norm.invert_normalize_heatmaps(heatmaps, np.ones((1, 4, 4, 1), np.float32))
    assert isinstance(back, np.ndarray) and back.shape == (1, 4, 4, 1)
    segmaps = norm.normalize_segmentation_maps([np.ones((4, 4, 1), np.int32)], shapes=SHAPES)
    assert isinstance(segmaps[0], SegmentationMapsOnImage)
    restored = norm.invert_normalize_segmentation_maps(segmaps, [np.ones((4, 4, 1), np.int32)])
    assert isinstance(restored, list) and restored[0].dtype == np.int32
    single = SegmentationMapsOnImage(np.zeros((2, 2), np.int32), shape=(2, 2))
    assert norm.invert_normalize_segmentation_maps([single], single) is single


def test_none_and_empty_inputs():
    for normalize in (norm.normalize_heatmaps, norm.normalize_segmentation_maps,
                      norm.normalize_keypoints, norm.normalize_bounding_boxes,
                      norm.normalize_polygons, norm.normalize_line_strings):
        assert normalize(None) is None and normalize([]) is None
    assert norm.normalize_keypoints([[]]) is None
    assert norm.invert_normalize_keypoints(None, []) == []
    assert norm.invert_normalize_bounding_boxes(None, None) is None
    with pytest.raises(InputError, match="None"):
        norm.invert_normalize_keypoints([KeypointsOnImage([], shape=(1, 1))], None)


def test_plain_values_need_shapes():
    with pytest.raises(InputError, match="shape"):
        norm.normalize_keypoints([(1, 2)])
    with pytest.raises(InputError, match="shapes"):
        norm.normalize_keypoints([(1, 2)], shapes=(10, 10))
