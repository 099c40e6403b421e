"""Image input: validation, 3-D rows without copies, and the user's form given back."""

from __future__ import annotations

import numpy as np
import pytest

from augkit.augmentables import ImagesKind
from augkit.augmentables.images import check_image, image_rows
from augkit.errors import InputError


def rows_of(value, single):
    return ImagesKind.to_rows(value, shapes=None, single=single, options={})


def test_check_image_keeps_3d_and_views_2d_without_copy():
    rgb = np.zeros((4, 5, 3), np.uint8)
    gray = np.zeros((4, 5), np.uint8)
    assert check_image(rgb) is rgb
    row = check_image(gray)
    assert row.shape == (4, 5, 1) and np.shares_memory(row, gray)


def test_single_3d_image_is_its_own_row_and_comes_back_owned():
    image = np.arange(24, dtype=np.uint8).reshape(2, 4, 3)
    rows, restore = rows_of(image, single=True)
    assert rows[0] is image
    out = restore(rows)  # an augmenter that passed the image through
    assert np.array_equal(out, image)
    assert not np.shares_memory(out, image) and out.flags.c_contiguous
    new = np.ones_like(image)
    assert restore([new]) is new


def test_single_2d_image_comes_back_2d_while_it_has_one_channel():
    image = np.zeros((3, 4), np.float32)
    rows, restore = rows_of(image, single=True)
    assert rows[0].shape == (3, 4, 1) and np.shares_memory(rows[0], image)
    assert restore([np.ones((6, 8, 1), np.float32)]).shape == (6, 8)
    assert restore([np.ones((6, 8, 3), np.float32)]).shape == (6, 8, 3)


def test_4d_batch_comes_back_as_an_array():
    batch = np.zeros((3, 4, 5, 3), np.uint8)
    rows, restore = rows_of(batch, single=False)
    assert len(rows) == 3 and all(np.shares_memory(r, batch) for r in rows)
    out = restore([r + 1 for r in rows])
    assert isinstance(out, np.ndarray) and out.shape == (3, 4, 5, 3) and out.max() == 1


def test_4d_batch_with_outputs_of_different_sizes_comes_back_as_a_list():
    batch = np.zeros((2, 4, 5, 3), np.uint8)
    rows, restore = rows_of(batch, single=False)
    out = restore([np.zeros((4, 5, 3), np.uint8), np.zeros((2, 2, 3), np.uint8)])
    assert isinstance(out, list) and [o.shape for o in out] == [(4, 5, 3), (2, 2, 3)]


def test_3d_batch_is_grayscale_and_comes_back_3d():
    batch = np.zeros((2, 4, 5), np.uint8)
    rows, restore = rows_of(batch, single=False)
    assert [r.shape for r in rows] == [(4, 5, 1)] * 2
    out = restore(rows)
    assert out.shape == (2, 4, 5) and out.flags.c_contiguous
    assert not np.shares_memory(out, batch)


def test_list_of_mixed_images_keeps_each_form():
    images = [np.zeros((4, 5), np.uint8), np.zeros((2, 3, 3), np.float32)]
    rows, restore = rows_of(images, single=False)
    assert [r.shape for r in rows] == [(4, 5, 1), (2, 3, 3)]
    out = restore(rows)
    assert isinstance(out, list) and [o.shape for o in out] == [(4, 5), (2, 3, 3)]
    assert not any(np.shares_memory(o, i) for o, i in zip(out, images, strict=True))


def test_empty_inputs_give_zero_rows():
    rows, restore = rows_of([], single=False)
    assert rows == [] and restore([]) == []
    rows, restore = rows_of(np.zeros((0, 4, 4, 3), np.uint8), single=False)
    assert rows == [] and restore([]).shape == (0, 4, 4, 3)


def test_bool_images_are_accepted():
    rows, _ = rows_of(np.zeros((2, 2), bool), single=True)
    assert rows[0].dtype == bool


@pytest.mark.parametrize(
    ("value", "single", "match"),
    [
        ([[1, 2], [3, 4]], True, "image: expected a numpy array"),
        (np.zeros((2, 2, 2, 2)), True, r"image: expected .*shape \(2, 2, 2, 2\)"),
        (np.zeros((2, 2), object), True, "image: expected a numeric image"),
        (np.zeros((2, 2), complex), True, "complex"),
        (np.array([["a", "b"]]), True, "numeric"),
        (np.zeros((4, 4)), False, r"images: expected .*\(N, H, W, C\)"),
        ([np.zeros((2, 2)), "x"], False, r"images\[1\]: expected a numpy array"),
        ("not an image", False, "images"),
    ],
)
def test_bad_images_raise_input_errors_naming_the_argument(value, single, match):
    with pytest.raises(InputError, match=match):
        image_rows(value, single=single)


@pytest.mark.parametrize("shape", [(0, 5, 3), (5, 0), (4, 4, 0)])
def test_zero_size_images_are_accepted_as_rows(shape):
    # augmenters pass them through unchanged (imgaug's rule; tests/test_zero_size_images.py)
    rows, _ = image_rows(np.zeros(shape, np.uint8), single=True)
    assert rows[0].shape == (shape if len(shape) == 3 else (*shape, 1))


def test_images_kind_declares_its_protocol():
    assert (ImagesKind.name, ImagesKind.singular, ImagesKind.category) == (
        "images", "image", "image")
    assert ImagesKind.shape_of(np.zeros((3, 4, 2))) == (3, 4, 2)
