"""labels= : per-object arrays travel with plain boxes, keypoints, polygons and line strings."""

from __future__ import annotations

import numpy as np
import pytest

import augkit

IMAGE = np.zeros((20, 40), np.uint8)
BOXES = np.array([[0, 0, 10, 10], [30, 0, 38, 10], [12, 4, 20, 12]], dtype=np.float32)
SHIFT = augkit.get("Affine", translate_px={"x": 25})  # pushes boxes right by 25 px


def test_issue_reproducer_coco_boxes_with_two_label_arrays():
    coco = np.array([[-28, 0, 38, 10], [5, 5, 10, 10]], dtype=np.float32)  # x, y, w, h
    cls, track = np.array([1, 2]), ["a", "b"]
    image, boxes, labels = augkit.Identity()(image=IMAGE, bounding_boxes=coco, bbox_format="coco",
                                             labels={"cls": cls, "track": track})
    assert boxes.tolist() == [[0, 0, 10, 10], [5, 5, 10, 10]]  # clipped to the image (x=-28)
    assert labels["cls"].tolist() == [1, 2] and labels["track"] == ["a", "b"]
    assert labels["index"].tolist() == [0, 1]


def test_boxes_that_leave_the_image_are_dropped_with_their_labels():
    _, boxes, labels = SHIFT(image=IMAGE, bounding_boxes=BOXES, labels={"cls": [5, 6, 7]})
    assert boxes.tolist() == [[25, 0, 35, 10], [37, 4, 40, 12]]
    assert labels == {"cls": [5, 7], "index": labels["index"]}
    assert labels["index"].tolist() == [0, 2]


def test_min_visibility_min_area_and_no_clip():
    _, boxes, labels = SHIFT(image=IMAGE, bounding_boxes=BOXES, labels={}, min_visibility=0.5)
    assert labels["index"].tolist() == [0]  # box 2 keeps 3/8 of its width
    _, boxes, labels = SHIFT(image=IMAGE, bounding_boxes=BOXES, labels={}, min_area=30)
    assert labels["index"].tolist() == [0]  # box 2 keeps 3 x 8 = 24 px
    _, boxes, labels = SHIFT(image=IMAGE, bounding_boxes=BOXES, labels={}, clip=False)
    assert boxes.tolist() == [[25, 0, 35, 10], [37, 4, 45, 12]]


def test_labels_follow_a_removal_augmenter():
    remove = augkit.Sequential([SHIFT, augkit.RemoveCBAsByOutOfImageFraction(0.5)])
    _, boxes, labels = remove(image=IMAGE, bounding_boxes=BOXES, labels={"cls": np.arange(3)},
                              clip=False)
    assert labels["cls"].tolist() == [0] and boxes.tolist() == [[25, 0, 35, 10]]


def test_keypoints_outside_are_dropped_and_polygons_and_lines_carry_labels():
    kps = np.array([[5.0, 5.0], [30.0, 5.0]])
    _, out, labels = SHIFT(image=IMAGE, keypoints=kps, labels={"name": ["nose", "tail"]})
    assert out.tolist() == [[30.0, 5.0]] and labels["name"] == ["nose"]
    polys = [np.array([[0, 0], [8, 0], [8, 8]], np.float32),
             np.array([[30, 0], [38, 0], [38, 8]], np.float32)]
    _, out, labels = SHIFT(image=IMAGE, polygons=polys, labels={"id": [10, 11]})
    assert labels["id"] == [10] and len(out) == 1
    _, out, labels = SHIFT(image=IMAGE, line_strings=polys, labels={"id": [10, 11]})
    assert labels["id"] == [10] and len(out) == 1


def test_two_kinds_need_labels_per_kind():
    kps = np.array([[5.0, 5.0]])
    with pytest.raises(augkit.InputError, match="which labels go with which"):
        SHIFT(image=IMAGE, bounding_boxes=BOXES, keypoints=kps, labels={"cls": [1, 2, 3]})
    _, _, _, labels = SHIFT(image=IMAGE, bounding_boxes=BOXES, keypoints=kps,
                            labels={"bounding_boxes": {"cls": [1, 2, 3]}, "keypoints": {}})
    assert labels["bounding_boxes"]["cls"] == [1, 3]
    assert labels["keypoints"]["index"].tolist() == [0]


def test_bad_labels_are_refused_naming_them():
    with pytest.raises(augkit.InputError, match=r"labels\['cls'\]: 2 values for 3"):
        SHIFT(image=IMAGE, bounding_boxes=BOXES, labels={"cls": [1, 2]})
    with pytest.raises(augkit.ParameterError, match="min_visibility"):
        SHIFT(image=IMAGE, bounding_boxes=BOXES, labels={}, min_visibility=2)
    with pytest.raises(augkit.InputError, match="min_area= applies with labels="):
        SHIFT(image=IMAGE, bounding_boxes=BOXES, min_area=3)
    with pytest.raises(augkit.InputError, match="imgaug objects carry their own label"):
        SHIFT(image=IMAGE, bounding_boxes=augkit.BoundingBoxesOnImage.from_xyxy_array(
            BOXES, shape=IMAGE.shape), labels={"cls": [1, 2, 3]})
    with pytest.raises(augkit.InputError, match="labels: 1 dicts for 2 images"):
        SHIFT(images=[IMAGE, IMAGE], bounding_boxes=[BOXES, BOXES], labels=[{}])


def test_without_labels_nothing_changes():
    _, boxes = SHIFT(image=IMAGE, bounding_boxes=BOXES)
    assert boxes.tolist() == [[25, 0, 35, 10], [55, 0, 63, 10], [37, 4, 45, 12]]


def test_a_batch_takes_one_labels_dict_per_image():
    _, boxes, labels = SHIFT(images=[IMAGE, IMAGE], bounding_boxes=[BOXES, BOXES[:1]],
                             labels=[{"cls": [1, 2, 3]}, {"cls": ["x"]}])
    assert [b.tolist() for b in boxes] == [[[25, 0, 35, 10], [37, 4, 40, 12]], [[25, 0, 35, 10]]]
    assert labels[0]["cls"] == [1, 3] and labels[1]["cls"] == ["x"]
    assert labels[0]["index"].tolist() == [0, 2]
