"""Bounding boxes: geometry numbers, formats, out-of-image handling and drawing."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from augkit.augmentables import BOX_FORMATS, BoundingBox, BoundingBoxesOnImage, Keypoint
from augkit.errors import InputError, ParameterError


def test_swapped_corners_are_put_in_order():
    bb = BoundingBox(10, 8, 2, 4, label="dog")
    assert (bb.x1, bb.y1, bb.x2, bb.y2, bb.label) == (2, 4, 10, 8, "dog")
    bbsoi = BoundingBoxesOnImage(np.array([[10, 8, 2, 4]]), shape=(20, 20))
    assert bbsoi.xyxy.tolist() == [[2, 4, 10, 8]]


def test_size_and_centre():
    bb = BoundingBox(1, 2, 5, 10)
    assert (bb.width, bb.height, bb.area) == (4, 8, 32)
    assert (bb.center_x, bb.center_y) == (3, 6)


def test_intersection_union_and_iou_numbers():
    a, b = BoundingBox(0, 0, 10, 10), BoundingBox(5, 5, 15, 15)
    inter = a.intersection(b)
    assert (inter.x1, inter.y1, inter.x2, inter.y2, inter.area) == (5, 5, 10, 10, 25)
    union = a.union(b)
    assert (union.x1, union.y1, union.x2, union.y2) == (0, 0, 15, 15)
    assert a.iou(b) == pytest.approx(25 / 175)
    assert a.iou(a) == 1.0
    far = BoundingBox(20, 20, 30, 30)
    assert a.intersection(far) is None and a.intersection(far, default=0) == 0
    assert a.iou(far) == 0.0
    assert a.intersection(BoundingBox(10, 0, 20, 10)).area == 0  # touching edges


def test_contains_counts_the_edges():
    bb = BoundingBox(0, 0, 10, 10)
    assert bb.contains((0, 10)) and bb.contains(Keypoint(5, 5))
    assert not bb.contains((10.01, 5))


@pytest.mark.parametrize(
    ("box", "fully", "partly", "fraction"),
    [
        ((0, 0, 20, 10), True, True, 0.0),     # the whole image is inside it
        ((2, 2, 4, 4), True, True, 0.0),
        ((-5, 0, 5, 10), False, True, 0.5),
        ((15, 5, 25, 15), False, True, 0.75),
        ((20, 0, 30, 10), False, False, 1.0),  # touches the right edge only
        ((-10, -10, -1, -1), False, False, 1.0),
    ],
)
def test_within_image_tests(box, fully, partly, fraction):
    bb, shape = BoundingBox(*box), (10, 20, 3)
    assert bb.is_fully_within_image(shape) is fully
    assert bb.is_partly_within_image(shape) is partly
    assert bb.is_out_of_image(shape) is (not partly)
    assert bb.is_out_of_image(shape, fully=False, partly=True) is (partly and not fully)
    assert bb.compute_out_of_image_fraction(shape) == pytest.approx(fraction)


def test_clip_extend_shift():
    bb = BoundingBox(-5, 2, 25, 8, label="x")
    clipped = bb.clip_out_of_image((10, 20))
    assert (clipped.x1, clipped.y1, clipped.x2, clipped.y2, clipped.label) == (0, 2, 20, 8, "x")
    with pytest.raises(InputError, match="entirely outside"):
        BoundingBox(30, 30, 40, 40).clip_out_of_image((10, 10))
    grown = BoundingBox(2, 2, 4, 4).extend(all_sides=1, left=2)
    assert grown.coords.tolist() == [[-1, 1], [5, 5]]
    assert BoundingBox(1, 1, 2, 2).shift(x=3, y=-1).coords.tolist() == [[4, 0], [5, 1]]


def test_to_keypoints_gives_the_four_corners_in_order():
    corners = [(kp.x, kp.y) for kp in BoundingBox(1, 2, 3, 4).to_keypoints()]
    assert corners == [(1, 2), (3, 2), (3, 4), (1, 4)]


def test_extract_from_image_pads_outside_parts():
    image = np.arange(25, dtype=np.uint8).reshape(5, 5)
    inside = BoundingBox(1, 1, 3, 4).extract_from_image(image)
    assert np.array_equal(inside, image[1:4, 1:3])
    padded = BoundingBox(-2, 3, 2, 7).extract_from_image(image)
    assert padded.shape == (4, 4)
    assert (padded[:, :2] == 0).all() and np.array_equal(padded[:2, 2:], image[3:5, 0:2])
    assert BoundingBox(-2, 3, 2, 7).extract_from_image(image, pad=False).shape == (2, 2)
    assert BoundingBox(2, 2, 2, 2).extract_from_image(image).shape == (1, 1)


def test_formats_read_the_same_box():
    shape = (100, 200)
    expected = [[80, 30, 120, 70]]
    for fmt, row in [("xyxy", [80, 30, 120, 70]), ("pascal_voc", [80, 30, 120, 70]),
                     ("coco", [80, 30, 40, 40]), ("yolo", [0.5, 0.5, 0.2, 0.4])]:
        bbsoi = BoundingBoxesOnImage.from_array(np.array([row]), shape, format=fmt)
        assert np.allclose(bbsoi.to_xyxy_array(), expected)
        assert np.allclose(bbsoi.to_array(format=fmt), [row])


def test_unknown_format_names_the_accepted_ones():
    with pytest.raises(ParameterError, match="'xyxy', 'pascal_voc', 'coco', 'yolo'"):
        BoundingBoxesOnImage.from_array(np.zeros((1, 4)), (5, 5), format="cocoa")
    with pytest.raises(ParameterError, match="did you mean 'coco'"):
        BoundingBoxesOnImage([], (5, 5)).to_array("cocoa")


boxes_arrays = hnp.arrays(np.float32, st.tuples(st.integers(0, 6), st.just(4)),
                          elements=st.floats(0, 1, width=32))


@settings(max_examples=60)
@given(boxes_arrays, st.integers(1, 500), st.integers(1, 500),
       st.sampled_from(BOX_FORMATS), st.sampled_from(BOX_FORMATS))
def test_format_round_trips(yolo, height, width, fmt_a, fmt_b):
    shape = (height, width)
    bbsoi = BoundingBoxesOnImage.from_array(yolo, shape, format="yolo")
    in_a = bbsoi.to_array(fmt_a)
    in_b = BoundingBoxesOnImage.from_array(in_a, shape, format=fmt_a).to_array(fmt_b)
    back = BoundingBoxesOnImage.from_array(in_b, shape, format=fmt_b)
    scale = max(height, width)
    assert np.allclose(back.xyxy, bbsoi.xyxy, atol=1e-4 * scale)
    assert (back.xyxy[:, :2] <= back.xyxy[:, 2:]).all()


def test_container_remove_and_clip():
    bbsoi = BoundingBoxesOnImage(
        [BoundingBox(1, 1, 4, 4, "in"), BoundingBox(-4, 0, 4, 4, "half"),
         BoundingBox(30, 30, 40, 40, "out")], shape=(10, 10))
    assert bbsoi.remove_out_of_image().labels == ["in", "half"]
    assert bbsoi.remove_out_of_image(fully=True, partly=True).labels == ["in"]
    assert bbsoi.remove_out_of_image(fully=False).labels == ["in", "half", "out"]
    assert bbsoi.remove_out_of_image_fraction(0.5).labels == ["in"]
    assert bbsoi.remove_out_of_image_fraction(0.6).labels == ["in", "half"]
    clipped = bbsoi.clip_out_of_image()
    assert clipped.labels == ["in", "half"]
    assert clipped.xyxy.tolist() == [[1, 1, 4, 4], [0, 0, 4, 4]]
    assert bbsoi.compute_out_of_image_fraction().tolist() == [0.0, 0.5, 1.0]
    assert bbsoi.is_out_of_image().tolist() == [False, False, True]


def test_on_rescales_and_views_write_through():
    bbsoi = BoundingBoxesOnImage([BoundingBox(10, 10, 20, 30)], shape=(100, 50))
    assert bbsoi.on((50, 100)).xyxy.tolist() == [[20, 5, 40, 15]]
    bbsoi.bounding_boxes[0].x2 = 25
    assert bbsoi.xyxy[0, 2] == 25
    assert bbsoi.to_xy_array().tolist() == [[10, 10], [25, 30]]


def test_draw_outlines_the_box_only():
    image = np.zeros((20, 20, 3), np.uint8)
    out = BoundingBox(5, 5, 15, 12).draw_on_image(image, color=(0, 255, 0))
    assert out[5, 10].tolist() == [0, 255, 0] and out[12, 5].tolist() == [0, 255, 0]
    assert out[8, 10].tolist() == [0, 0, 0]
    assert image.sum() == 0
    thick = BoundingBox(5, 5, 15, 12).draw_on_image(image, size=3)
    assert thick[4, 10, 1] == 255 and thick[6, 10, 1] == 255


def test_draw_writes_the_label_above_the_box():
    image = np.zeros((40, 60, 3), np.uint8)
    plain = BoundingBox(5, 20, 50, 35).draw_on_image(image)
    labelled = BoundingBox(5, 20, 50, 35, label="cat").draw_on_image(image)
    changed = np.argwhere((labelled != plain).any(axis=2))
    assert len(changed) > 0 and changed[:, 0].max() < 20


def test_empty_boxes_work_everywhere():
    empty = BoundingBoxesOnImage([], shape=(5, 5))
    assert empty.empty and empty.xyxy.shape == (0, 4)
    for fmt in BOX_FORMATS:
        assert empty.to_array(fmt).shape == (0, 4)
    assert len(empty.clip_out_of_image()) == 0
    assert len(empty.remove_out_of_image_fraction(0.5)) == 0
    assert empty.on((10, 10)).shape == (10, 10)
    image = np.zeros((5, 5, 3), np.uint8)
    assert np.array_equal(empty.draw_on_image(image), image)
    assert BoundingBoxesOnImage.from_array(np.zeros((0, 4)), (5, 5), format="yolo").empty


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: BoundingBox(0, 0, "a", 1), "BoundingBox"),
        (lambda: BoundingBox(0, 0, np.inf, 1), "finite"),
        (lambda: BoundingBoxesOnImage(np.zeros((2, 3)), (5, 5)), r"\(N, 4\)"),
        (lambda: BoundingBoxesOnImage.from_array(np.zeros((1, 4)), (5, 5), labels=[1, 2]),
         "labels"),
    ],
)
def test_bad_boxes_raise_input_errors(make, match):
    with pytest.raises(InputError, match=match):
        make()
