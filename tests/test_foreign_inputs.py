"""PIL images and array-likes (tensors) in; a tensor given comes back as a tensor."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from PIL import Image

import augkit

RGB = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3)
FLIPPED = RGB[:, ::-1]


def test_a_pil_image_is_augmented_and_comes_back_as_an_array():
    aug = augkit.get("Fliplr", p=1.0)
    out = aug(image=Image.fromarray(RGB))
    assert type(out) is np.ndarray and np.array_equal(out, FLIPPED)
    both = aug(images=[Image.fromarray(RGB), RGB])
    assert all(np.array_equal(o, FLIPPED) for o in both)
    kps_out = aug(image=Image.fromarray(RGB), keypoints=np.array([[0.5, 0.5]]))[1]
    assert kps_out.tolist() == [[2.5, 0.5]]


def test_a_palette_pil_image_comes_as_rgb():
    image = Image.fromarray(RGB).convert("P")
    assert augkit.get("Fliplr", p=1.0)(image=image).shape == (2, 3, 3)


class FakeArray:
    """An array-like that is not numpy (``__array__`` only), as many libraries have."""

    def __init__(self, array):
        self.array = array

    def __array__(self, dtype=None, copy=None):
        return self.array


def test_an_object_with_array_interface_is_read_like_an_array():
    out = augkit.get("Fliplr", p=1.0)(image=FakeArray(RGB))
    assert type(out) is np.ndarray and np.array_equal(out, FLIPPED)
    batch = augkit.get("Fliplr", p=1.0)(images=FakeArray(np.stack([RGB, RGB])))
    assert batch.shape == (2, 2, 3, 3) and np.array_equal(batch[1], FLIPPED)


def test_unreadable_input_names_the_argument():
    class Broken:
        def __array__(self, dtype=None, copy=None):
            raise RuntimeError("on the GPU")

    with pytest.raises(augkit.InputError, match=r"image: could not read Broken.*on the GPU"):
        augkit.get("Fliplr", p=1.0)(image=Broken())


def test_augkit_does_not_import_torch_for_numpy_input():
    import subprocess

    code = ("import sys, numpy as np, augkit; augkit.get('Fliplr', p=1.0)(image=np.zeros((2, 2), "
            "np.uint8)); print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
