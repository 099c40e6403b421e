"""The lean path of ``aug(image=img)``: outputs are owned and C-contiguous, copied only if needed.

``Augmenter._augment_one_image`` returns an augmenter's output as it is when it is a new
C-contiguous array owning its memory, and copies anything else (the input itself, a
view of it, a Fortran-ordered array).
"""

from __future__ import annotations

import numpy as np
import pytest

from augkit.augmenter import PixelAugmenter

IMAGE = np.arange(4 * 5 * 3, dtype=np.uint8).reshape(4, 5, 3).copy()  # owns its memory


class _Returns(PixelAugmenter):
    """Returns what *make* gives for the image (and remembers it)."""

    examples = ()

    def __init__(self, make, **kwargs):
        super().__init__(**kwargs)
        self.make = make
        self.returned = None

    def apply_to_images(self, images, params):
        self.returned = self.make(images[0])
        return [self.returned]


FORMS = {
    "the input": lambda image: image,
    "a view": lambda image: image[:, ::-1],
    "fortran order": lambda image: np.asfortranarray(image),
    "a new array": lambda image: image + 0,
}


@pytest.mark.parametrize("form", list(FORMS))
def test_output_is_owned_and_c_contiguous(form):
    aug = _Returns(FORMS[form])
    out = aug(image=IMAGE)
    assert out.flags.c_contiguous and not np.shares_memory(out, IMAGE)
    assert np.array_equal(out, FORMS[form](IMAGE))


def test_a_new_c_contiguous_array_is_returned_without_a_copy():
    aug = _Returns(FORMS["a new array"])
    assert aug(image=IMAGE) is aug.returned


def test_a_2d_image_comes_back_2d_and_owned():
    aug = _Returns(FORMS["the input"])
    gray = IMAGE[:, :, 0].copy()
    out = aug(image=gray)
    assert out.shape == gray.shape and not np.shares_memory(out, gray)


def test_call_with_options_takes_the_general_path():
    aug = _Returns(FORMS["a new array"])
    out, params = aug(image=IMAGE, return_params=True)
    assert params is None and np.array_equal(out, IMAGE)
