"""BoundingBox / BoundingBoxesOnImage behave as imgaug 0.4's (values derived from its code)."""

from __future__ import annotations

import numpy as np
import pytest

from augkit.augmentables import BoundingBox, BoundingBoxesOnImage, KeypointsOnImage
from augkit.errors import InputError


def test_str_prints_as_imgaug():
    bb = BoundingBox(1, 2, 3, 4.5)
    assert str(bb) == repr(bb) == (
        "BoundingBox(x1=1.0000, y1=2.0000, x2=3.0000, y2=4.5000, label=None)")
    bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 1, 1, label="cat")], shape=(5, 5))
    assert str(bbsoi) == ("BoundingBoxesOnImage([BoundingBox(x1=0.0000, y1=0.0000, x2=1.0000, "
                          "y2=1.0000, label=cat)], shape=(5, 5))")


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"top": 1}, [0, 1, 2, 3]),
    ({"bottom": 1}, [0, -1, 2, 1]),
    ({"left": 2}, [2, 0, 4, 2]),
    ({"right": 2}, [-2, 0, 0, 2]),
    ({"x": 1, "right": 3, "top": 1}, [-2, 1, 0, 3]),
])
def test_shift_with_imgaugs_deprecated_side_arguments(kwargs, expected):
    bb = BoundingBox(0, 0, 2, 2)
    with pytest.warns(DeprecationWarning, match="deprecated"):
        moved = bb.shift(**kwargs)
    assert [moved.x1, moved.y1, moved.x2, moved.y2] == expected
    bbsoi = BoundingBoxesOnImage([bb], shape=(5, 5))
    with pytest.warns(DeprecationWarning):
        assert bbsoi.shift(**kwargs).to_xyxy_array().tolist() == [expected]


def test_in_place_twins_of_a_box():
    bb = BoundingBox(-2, 1, 4, 3)
    assert bb.shift_(x=1) is bb and bb.x1 == -1
    assert bb.extend_(all_sides=1, left=1) is bb and [bb.x1, bb.y1, bb.x2, bb.y2] == [-3, 0, 6, 4]
    assert bb.clip_out_of_image_((5, 5)) is bb and [bb.x1, bb.y1, bb.x2, bb.y2] == [0, 0, 5, 4]
    assert bb.project_((5, 5), (10, 10)) is bb and bb.x2 == 10


def test_in_place_twins_of_the_container():
    bbsoi = BoundingBoxesOnImage([BoundingBox(1, 1, 3, 3), BoundingBox(8, 8, 12, 12),
                                  BoundingBox(20, 20, 30, 30)], shape=(10, 10))
    assert bbsoi.remove_out_of_image_() is bbsoi and len(bbsoi) == 2
    assert bbsoi.copy().remove_out_of_image_fraction_(0.8).to_xyxy_array().tolist() == [
        [1, 1, 3, 3], [8, 8, 12, 12]]
    assert bbsoi.copy().remove_out_of_image_fraction_(0.75).to_xyxy_array().tolist() == [
        [1, 1, 3, 3]]
    assert bbsoi.clip_out_of_image_() is bbsoi
    assert bbsoi.to_xyxy_array().tolist() == [[1, 1, 3, 3], [8, 8, 10, 10]]
    assert bbsoi.on_((20, 20)) is bbsoi and bbsoi.to_xyxy_array()[1].tolist() == [16, 16, 20, 20]


def test_copy_with_imgaugs_keyword_arguments():
    bbsoi = BoundingBoxesOnImage([BoundingBox(1, 1, 3, 3)], shape=(10, 10))
    other = bbsoi.copy(bounding_boxes=[BoundingBox(0, 0, 1, 1, label="x")], shape=(4, 4))
    assert other.shape == (4, 4) and other.labels == ["x"] and len(bbsoi) == 1
    assert bbsoi.deepcopy(shape=(2, 2)).to_xyxy_array().tolist() == [[1, 1, 3, 3]]
    assert BoundingBox(1, 2, 3, 4, label="a").copy(x1=0).label == "a"


def test_point_soups():
    bb = BoundingBox.from_point_soup([(1, 5), (3, 2), (2, 8)])
    assert [bb.x1, bb.y1, bb.x2, bb.y2] == [1, 2, 3, 8]
    assert BoundingBox.from_point_soup([4, 4]).area == 0
    with pytest.raises(InputError, match="xy"):
        BoundingBox.from_point_soup([])
    soups = BoundingBoxesOnImage.from_point_soups(np.array([[0, 0, 4, 1], [3, 3, 1, 5]]), (9, 9))
    assert soups.to_xyxy_array().tolist() == [[0, 0, 4, 1], [1, 3, 3, 5]]


def test_fill_from_arrays_sorts_corners_and_checks_the_count():
    bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 1, 1, label="a")], shape=(9, 9))
    assert bbsoi.fill_from_xyxy_array_([[5, 6, 2, 3]]) is bbsoi
    assert bbsoi.to_xyxy_array().tolist() == [[2, 3, 5, 6]] and bbsoi.labels == ["a"]
    assert bbsoi.fill_from_xy_array_([[1, 1], [2, 2]]).to_xyxy_array().tolist() == [[1, 1, 2, 2]]
    with pytest.raises(InputError, match="1 rows"):
        bbsoi.fill_from_xyxy_array_(np.zeros((2, 4)))


def test_keypoints_round_trip_fits_boxes_around_the_moved_corners():
    bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 2, 1)], shape=(4, 4))
    kpsoi = bbsoi.to_keypoints_on_image()
    assert kpsoi.to_xy_array().tolist() == [[0, 0], [2, 0], [2, 1], [0, 1]]
    turned = KeypointsOnImage.from_xy_array([[1, 0], [1, 2], [0, 2], [0, 0]], shape=(8, 8))
    assert bbsoi.invert_to_keypoints_on_image_(turned) is bbsoi
    assert bbsoi.to_xyxy_array().tolist() == [[0, 0, 1, 2]] and bbsoi.shape == (8, 8)
    with pytest.raises(InputError, match="4 keypoints"):
        bbsoi.invert_to_keypoints_on_image_(turned[:2])


def test_label_is_drawn_on_imgaugs_rectangle_above_the_box():
    image = np.zeros((60, 60, 3), dtype=np.uint8)
    bb = BoundingBox(10, 40, 30, 50, label="x")
    out = bb.draw_label_on_image(image, color_bg=(255, 0, 0))
    assert out[9, 10].tolist() == [255, 0, 0] and out[38, 30].tolist() == [255, 0, 0]
    assert out[8, 10].sum() == 0 and out[39, 10].sum() == 0 and out[9, 31].sum() == 0
    assert (out[9:39, 10:31] != [255, 0, 0]).any()  # the text
    assert image.sum() == 0
    boxed = bb.draw_box_on_image(image)
    assert boxed[40, 20].tolist() == [0, 255, 0] and boxed[:39].sum() == 0
    both = bb.draw_on_image(image)
    assert both[40, 20].tolist() == [0, 255, 0] and both[9, 10].tolist() == [0, 255, 0]
    with pytest.raises(InputError, match="outside"):
        BoundingBox(70, 70, 80, 80, label="x").draw_label_on_image(image,
                                                                   raise_if_out_of_image=True)


def test_almost_equals_getitem_iter_and_deprecated_cut():
    assert BoundingBox(0, 0, 1, 1, label="a").almost_equals(BoundingBox(0, 0, 1, 1.00001, "a"))
    assert not BoundingBox(0, 0, 1, 1, label="a").almost_equals(BoundingBox(0, 0, 1, 1, "b"))
    bb = BoundingBox(1, 2, 3, 4)
    assert bb[0].tolist() == [1, 2] and [p.tolist() for p in bb] == [[1, 2], [3, 4]]
    with pytest.warns(DeprecationWarning, match="clip_out_of_image"):
        assert bb.cut_out_of_image((3, 3)).y2 == 3
    bbsoi = BoundingBoxesOnImage([bb], shape=(3, 3))
    with pytest.warns(DeprecationWarning):
        assert bbsoi.cut_out_of_image().to_xyxy_array().tolist() == [[1, 2, 3, 3]]
