"""Keypoint / KeypointsOnImage behave as imgaug 0.4's (expected values derived from its code)."""

from __future__ import annotations

import numpy as np
import pytest

from augkit.augmentables import Keypoint, KeypointsOnImage
from augkit.errors import InputError, ParameterError


def _kpsoi(*points, shape=(10, 10, 3)):
    return KeypointsOnImage([Keypoint(x, y) for x, y in points], shape=shape)


def test_str_and_repr_print_as_imgaug():
    kp = Keypoint(x=1, y=2)
    assert str(kp) == repr(kp) == "Keypoint(x=1.00000000, y=2.00000000)"
    assert str(_kpsoi((1, 2), (3.5, 4))) == (
        "KeypointsOnImage([Keypoint(x=1.00000000, y=2.00000000), "
        "Keypoint(x=3.50000000, y=4.00000000)], shape=(10, 10, 3))")
    assert repr(Keypoint(1, 2, label="eye")).endswith("label='eye')")


def test_shift_and_project_in_place_change_the_object_and_its_container():
    kpsoi = _kpsoi((1, 2), (3, 4))
    assert kpsoi.shift_(x=1, y=-1) is kpsoi
    assert kpsoi.to_xy_array().tolist() == [[2, 1], [4, 3]]
    view = kpsoi.keypoints[0]
    assert view.shift_(x=10) is view
    assert kpsoi.to_xy_array().tolist() == [[12, 1], [4, 3]]
    kpsoi.shift_(y=1)  # the view stays attached to the container's array
    assert (view.x, view.y) == (12, 2)
    kp = Keypoint(1, 2)
    assert kp.project_((10, 10), (20, 40)) is kp and (kp.x, kp.y) == (4.0, 4.0)


def test_on_clip_and_remove_in_place():
    kpsoi = _kpsoi((1, 2), (12, 4), shape=(10, 10))
    assert kpsoi.on_(np.zeros((20, 40, 3))) is kpsoi
    assert kpsoi.shape == (20, 40, 3) and kpsoi.to_xy_array().tolist() == [[4, 4], [48, 8]]
    assert len(kpsoi.clip_out_of_image_()) == 1 and kpsoi.to_xy_array().tolist() == [[4, 4]]
    assert len(kpsoi.shift_(x=100).remove_out_of_image_fraction_(0.5)) == 0


def test_generate_similar_points_manhattan_is_imgaugs_diamond():
    kp = Keypoint(5, 5)
    points = kp.generate_similar_points_manhattan(1, 1.0)
    assert [(p.x, p.y) for p in points] == [(5, 4), (4, 5), (5, 5), (6, 5), (5, 6)]
    arr = kp.generate_similar_points_manhattan(2, 0.5, return_array=True)
    assert arr.shape == (13, 2) and arr.dtype == np.float32
    assert arr[:4].tolist() == [[5, 4], [4.5, 4.5], [5, 4.5], [5.5, 4.5]]
    assert kp.generate_similar_points_manhattan(0, 1.0, return_array=True).tolist() == [[5, 5]]


def test_almost_equals():
    assert Keypoint(1, 2).almost_equals(Keypoint(1, 2.00001))
    assert not Keypoint(1, 2).almost_equals((1, 2.1))
    assert Keypoint(1, 2).almost_equals((1, 2.1), max_distance=0.2)


def test_to_keypoint_image_marks_point_and_square_clipped_to_the_image():
    kpsoi = _kpsoi((1, 1), (0, 0), (9, 9), shape=(3, 3))
    image = kpsoi.to_keypoint_image(size=3)
    assert image.shape == (3, 3, 3) and image.dtype == np.uint8
    assert image[:, :, 0].tolist() == [[128, 128, 128], [128, 255, 128], [128, 128, 128]]
    assert image[:, :, 1].tolist() == [[255, 128, 0], [128, 128, 0], [0, 0, 0]]
    assert image[:, :, 2].sum() == 0
    assert kpsoi.to_keypoint_image()[:, :, 0].tolist() == [[0, 0, 0], [0, 255, 0], [0, 0, 0]]
    with pytest.raises(ParameterError, match="size"):
        kpsoi.to_keypoint_image(size=2)


def test_from_keypoint_image_reads_the_pixel_centre_of_each_channel():
    image = np.zeros((4, 5, 2), dtype=np.uint8)
    image[2, 3, 0] = 255
    kpsoi = KeypointsOnImage.from_keypoint_image(image)
    assert kpsoi.to_xy_array().tolist() == [[3.5, 2.5], [-1, -1]] and kpsoi.shape == (4, 5)
    dropped = KeypointsOnImage.from_keypoint_image(image, if_not_found_coords=None,
                                                   nb_channels=3)
    assert dropped.to_xy_array().tolist() == [[3.5, 2.5]] and dropped.shape == (4, 5, 3)
    placed = KeypointsOnImage.from_keypoint_image(image, if_not_found_coords={"x": 7, "y": 8},
                                                  threshold=256)
    assert placed.to_xy_array().tolist() == [[7, 8], [7, 8]]
    with pytest.raises(ParameterError, match="if_not_found_coords"):
        KeypointsOnImage.from_keypoint_image(image, if_not_found_coords="nowhere")
    with pytest.raises(InputError, match="image"):
        KeypointsOnImage.from_keypoint_image(image[:, :, 0])


def test_distance_maps_round_trip():
    kpsoi = _kpsoi((1, 0), shape=(2, 3))
    maps = kpsoi.to_distance_maps()
    assert maps.dtype == np.float32
    np.testing.assert_allclose(maps[:, :, 0], [[1, 0, 1], [np.sqrt(2), 1, np.sqrt(2)]], rtol=1e-6)
    inverted = kpsoi.to_distance_maps(inverted=True)
    np.testing.assert_allclose(inverted[:, :, 0], 1 / (maps[:, :, 0] + 1), rtol=1e-6)
    assert KeypointsOnImage.from_distance_maps(maps).to_xy_array().tolist() == [[1, 0]]
    assert KeypointsOnImage.from_distance_maps(inverted, inverted=True).to_xy_array().tolist() \
        == [[1, 0]]
    far = KeypointsOnImage.from_distance_maps(maps + 5, threshold=1, if_not_found_coords=(9, 9))
    assert far.to_xy_array().tolist() == [[9, 9]]
    assert len(KeypointsOnImage.from_distance_maps(inverted, inverted=True, threshold=2,
                                                   if_not_found_coords=None)) == 0


def test_fill_from_xy_array_and_the_keypoints_round_trip():
    kpsoi = KeypointsOnImage([Keypoint(1, 2, label="a"), Keypoint(3, 4)], shape=(10, 10))
    assert kpsoi.fill_from_xy_array_([[5, 6], [7, 8]]) is kpsoi
    assert kpsoi.to_xy_array().tolist() == [[5, 6], [7, 8]] and kpsoi.labels == ["a", None]
    with pytest.raises(InputError, match="2 rows"):
        kpsoi.fill_from_xy_array_([[1, 1]])
    converted = kpsoi.to_keypoints_on_image()
    assert converted is not kpsoi and converted.to_xy_array().tolist() == [[5, 6], [7, 8]]
    moved = converted.shift(x=1).on((20, 20))
    assert kpsoi.invert_to_keypoints_on_image_(moved) is kpsoi
    assert kpsoi.shape == (20, 20) and kpsoi.to_xy_array().tolist() == [[12, 12], [16, 16]]


def test_deprecated_coords_array_names_warn_and_work():
    kpsoi = _kpsoi((1, 2))
    with pytest.warns(DeprecationWarning, match="to_xy_array"):
        assert kpsoi.get_coords_array().tolist() == [[1, 2]]
    with pytest.warns(DeprecationWarning, match="from_xy_array"):
        assert len(KeypointsOnImage.from_coords_array(np.zeros((3, 2)), (4, 4))) == 3
