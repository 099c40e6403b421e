"""Keypoints: array storage, views, rescaling, out-of-image tests and drawing."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from augkit.augmentables import Keypoint, KeypointsOnImage
from augkit.errors import InputError, ParameterError


def test_constructors_store_one_float32_array_and_labels():
    a = KeypointsOnImage([Keypoint(1, 2, label="eye"), Keypoint(3.5, 4)], shape=(10, 20, 3))
    b = KeypointsOnImage([(1, 2), (3.5, 4)], shape=np.zeros((10, 20, 3)))
    c = KeypointsOnImage.from_xy_array(np.array([[1, 2], [3.5, 4]]), (10, 20, 3),
                                       labels=["eye", None])
    for kpsoi in (a, b, c):
        assert kpsoi.xy.dtype == np.float32 and kpsoi.xy.shape == (2, 2)
        assert kpsoi.to_xy_array().tolist() == [[1, 2], [3.5, 4]]
        assert kpsoi.shape == (10, 20, 3)
    assert a.labels == ["eye", None] == c.labels
    assert b.labels == [None, None]


def test_keypoint_views_write_through_to_the_array():
    kpsoi = KeypointsOnImage([(1, 2), (3, 4)], shape=(10, 10))
    kp = kpsoi[1]
    kp.x = 7
    assert kpsoi.xy[1].tolist() == [7, 4]
    assert [k.y for k in kpsoi] == [2, 4]
    assert len(kpsoi) == 2 and len(kpsoi[:1]) == 1


def test_on_rescales_to_a_new_image_size():
    kpsoi = KeypointsOnImage([(10, 20), (0, 5)], shape=(40, 20, 3))
    out = kpsoi.on((80, 10))
    assert out.to_xy_array().tolist() == [[5, 40], [0, 10]]
    assert out.shape == (80, 10)
    assert kpsoi.to_xy_array().tolist() == [[10, 20], [0, 5]]


def test_shift_and_keypoint_helpers():
    kp = Keypoint(1.4, 2.6)
    assert (kp.x_int, kp.y_int) == (1, 3)
    moved = kp.shift(x=1, y=-1)
    assert moved.coords_almost_equals((2.4, 1.6))
    assert kp.project((10, 10), (20, 40)).coords_almost_equals((5.6, 5.2))
    kpsoi = KeypointsOnImage([kp], shape=(5, 5)).shift(x=2)
    assert np.allclose(kpsoi.xy, [[3.4, 2.6]])


def test_out_of_image_is_flagged_per_point():
    kpsoi = KeypointsOnImage([(0, 0), (19.9, 9.9), (20, 5), (-0.1, 5), (5, 10)], shape=(10, 20))
    assert kpsoi.is_out_of_image().tolist() == [False, False, True, True, True]
    assert Keypoint(20, 5).is_out_of_image((10, 20))
    assert not Keypoint(19.5, 5).is_out_of_image(np.zeros((10, 20)))
    assert np.allclose(kpsoi.clip_out_of_image().to_xy_array(), [[0, 0], [19.9, 9.9]])
    assert len(kpsoi.remove_out_of_image()) == 2
    assert len(kpsoi.remove_out_of_image(fully=False)) == 5
    assert len(kpsoi.remove_out_of_image_fraction(0.5)) == 2


def test_remove_keeps_labels_aligned():
    kpsoi = KeypointsOnImage([Keypoint(-1, 0, "a"), Keypoint(1, 1, "b")], shape=(5, 5))
    assert kpsoi.clip_out_of_image().labels == ["b"]


def test_draw_colours_the_pixel_of_the_point_and_leaves_the_input_alone():
    image = np.zeros((10, 10, 3), np.uint8)
    kpsoi = KeypointsOnImage([(5, 5)], shape=image.shape)
    out = kpsoi.draw_on_image(image, color=(255, 0, 0), size=1)
    assert out[5, 5].tolist() == [255, 0, 0]
    assert out.sum() == 255  # exactly one pixel
    assert image.sum() == 0
    big = kpsoi.draw_on_image(image, color=(0, 0, 255), size=3)
    assert (big[4:7, 4:7, 2] == 255).all() and big[3, 5, 2] == 0


def test_draw_alpha_blends_and_copy_false_draws_in_place():
    image = np.full((6, 6), 100, np.uint8)
    out = KeypointsOnImage([(2, 2)], shape=image.shape).draw_on_image(
        image, color=200, alpha=0.5, size=1, copy=False)
    assert out.shape == (6, 6) and out[2, 2] == 150
    assert image[2, 2] == 150 and np.shares_memory(out, image)


def test_draw_ignores_points_outside_unless_asked():
    image = np.zeros((5, 5, 3), np.uint8)
    kpsoi = KeypointsOnImage([(50, 50)], shape=image.shape)
    assert kpsoi.draw_on_image(image).sum() == 0
    with pytest.raises(InputError, match="outside the image"):
        kpsoi.draw_on_image(image, raise_if_out_of_image=True)
    with pytest.raises(ParameterError, match="alpha"):
        kpsoi.draw_on_image(image, alpha=2)


def test_empty_keypoints_work_everywhere():
    empty = KeypointsOnImage([], shape=(5, 5))
    assert empty.empty and len(empty) == 0 and empty.xy.shape == (0, 2)
    assert empty.on((10, 10)).to_xy_array().shape == (0, 2)
    assert len(empty.clip_out_of_image()) == 0 and empty.is_out_of_image().shape == (0,)
    image = np.zeros((5, 5, 3), np.uint8)
    assert np.array_equal(empty.draw_on_image(image), image)
    assert "KeypointsOnImage([]" in repr(empty)


def test_copies_are_independent_and_pickle():
    kpsoi = KeypointsOnImage([Keypoint(1, 2, label=["x"])], shape=(5, 5))
    for clone in (kpsoi.copy(), kpsoi.deepcopy(), copy.deepcopy(kpsoi),
                  pickle.loads(pickle.dumps(kpsoi))):
        clone.xy[0, 0] = 9
        assert kpsoi.xy[0, 0] == 1
    deep = kpsoi.deepcopy()
    deep.labels[0].append("y")
    assert kpsoi.labels[0] == ["x"]
    assert pickle.loads(pickle.dumps(Keypoint(1, 2, "n"))).label == "n"


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: Keypoint("a", 1), "Keypoint"),
        (lambda: Keypoint(np.nan, 1), "finite"),
        (lambda: KeypointsOnImage(np.zeros((3, 3)), shape=(5, 5)), r"keypoints: .*\(N, 2\)"),
        (lambda: KeypointsOnImage([(1, 2)], shape=(5,)), "shape"),
        (lambda: KeypointsOnImage.from_xy_array(np.zeros((2, 2)), (5, 5), labels=[1]), "labels"),
    ],
)
def test_bad_input_raises_input_errors(make, match):
    with pytest.raises(InputError, match=match):
        make()


@settings(max_examples=50)
@given(st.lists(st.tuples(st.floats(-50, 50), st.floats(-50, 50)), max_size=10),
       st.integers(1, 40), st.integers(1, 40))
def test_on_and_back_is_the_identity(points, height, width):
    kpsoi = KeypointsOnImage(points, shape=(20, 30))
    back = kpsoi.on((height, width)).on((20, 30))
    assert np.allclose(back.xy, kpsoi.xy, atol=1e-3)
