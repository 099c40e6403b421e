"""The "to ..." size augmenters: fixed size, aspect ratio, square, multiples, powers."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_geometric._common import distribute
from augkit_geometric.to_size import (
    CenterCropToAspectRatio,
    CenterCropToFixedSize,
    CenterCropToMultiplesOf,
    CenterCropToPowersOf,
    CenterCropToSquare,
    CenterPadToAspectRatio,
    CenterPadToFixedSize,
    CenterPadToMultiplesOf,
    CenterPadToPowersOf,
    CenterPadToSquare,
    CropToFixedSize,
    CropToMultiplesOf,
    CropToPowersOf,
    CropToSquare,
    PadToAspectRatio,
    PadToFixedSize,
    PadToMultiplesOf,
    PadToPowersOf,
    PadToSquare,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from augkit import ParameterError
from augkit import parameters as iap
from augkit.errors import ParameterTypeError


def _grid(h, w, c=None, dtype=np.uint8):
    arr = (np.arange(h * w) % 251).reshape(h, w).astype(dtype)
    return arr if c is None else np.repeat(arr[:, :, None], c, axis=2)



def test_pad_to_fixed_size_position_left_top_pads_left_and_top():
    img = np.ones((2, 3), np.uint8)
    out = PadToFixedSize(width=5, height=4, position="left-top")(image=img)
    assert out.shape == (4, 5) and out[2:, 2:].all() and not out[:2].any()


def test_pad_to_fixed_size_leaves_larger_images():
    img = _grid(10, 10)
    np.testing.assert_array_equal(PadToFixedSize(width=5, height=5)(image=img), img)


def test_crop_to_fixed_size_random_windows_stay_inside():
    img = _grid(20, 30)
    aug = CropToFixedSize(width=10, height=8, seed=6)
    outs = aug(images=[img] * 20)
    assert all(o.shape == (8, 10) for o in outs)
    assert len({int(o[0, 0]) for o in outs}) > 3


def test_crop_to_fixed_size_tuple_position_and_parameter():
    img = _grid(10, 10)
    assert CropToFixedSize(4, 4, position=(0.0, 0.0))(image=img)[0, 0] == img[6, 6]
    both = iap.Deterministic(1.0)
    assert CropToFixedSize(4, 4, position=both)(image=img)[0, 0] == img[0, 0]


CENTER = [
    (CenterPadToFixedSize, {"width": 9, "height": 8}, "pad"),
    (CenterCropToFixedSize, {"width": 3, "height": 2}, "crop"),
    (CenterPadToAspectRatio, {"aspect_ratio": 2.0}, "pad"),
    (CenterCropToAspectRatio, {"aspect_ratio": 0.5}, "crop"),
    (CenterPadToSquare, {}, "pad"),
    (CenterCropToSquare, {}, "crop"),
    (CenterPadToMultiplesOf, {"width_multiple": 4, "height_multiple": 4}, "pad"),
    (CenterCropToMultiplesOf, {"width_multiple": 4, "height_multiple": 4}, "crop"),
    (CenterPadToPowersOf, {"width_base": 2, "height_base": 3}, "pad"),
    (CenterCropToPowersOf, {"width_base": 2, "height_base": 2}, "crop"),
]


@pytest.mark.parametrize(("cls", "kwargs", "what"), CENTER, ids=[c[0].__name__ for c in CENTER])
def test_center_variants_centre(cls, kwargs, what):
    img = _grid(5, 7)
    _, params = cls(**kwargs, seed=7)(images=[img] * 10, return_params=True)
    amounts = params.pads if what == "pad" else params.crops
    assert amounts.any(), "the example should change the image"
    assert (amounts == amounts[0]).all()
    top, right, bottom, left = amounts[0]
    assert bottom - top in (0, 1) and right - left in (0, 1)


@settings(max_examples=40, deadline=None)
@given(h=st.integers(1, 40), w=st.integers(1, 40), wm=st.integers(1, 9), hm=st.integers(1, 9))
def test_pad_and_crop_to_multiples(h, w, wm, hm):
    img = np.zeros((h, w), np.uint8)
    out = PadToMultiplesOf(wm, hm, seed=8)(image=img)
    assert out.shape[0] % hm == 0 and out.shape[1] % wm == 0
    assert out.shape[0] - h < hm and out.shape[1] - w < wm
    out = CropToMultiplesOf(wm, hm, seed=8)(image=img)
    assert out.shape[0] % hm == 0 or h < hm
    assert out.shape[1] % wm == 0 or w < wm


@settings(max_examples=40, deadline=None)
@given(h=st.integers(1, 40), w=st.integers(1, 40), ratio=st.sampled_from([0.5, 1.0, 1.5, 3.0]))
def test_aspect_ratio_and_square(h, w, ratio):
    img = np.zeros((h, w), np.uint8)
    out = PadToAspectRatio(ratio)(image=img)
    nh, nw = out.shape
    assert nh >= h and nw >= w and (nh == h or nw == w)
    # the padded axis is within one pixel of the exact ratio
    assert abs(nh - nw / ratio) < 1 if nh > h else abs(nw - nh * ratio) < 1 or nw == w
    square = PadToSquare()(image=img)
    assert square.shape[0] == square.shape[1] == max(h, w)
    square = CropToSquare()(image=img)
    assert square.shape[0] == square.shape[1] == min(h, w)


def test_powers():
    img = np.zeros((5, 17), np.uint8)
    assert PadToPowersOf(2, 3)(image=img).shape == (9, 32)
    assert CropToPowersOf(2, 2)(image=img).shape == (4, 16)
    assert CropToPowersOf(2, 7)(image=img).shape == (5, 16)



def test_distribute_follows_imgaug_position():
    assert [distribute(5, f) for f in (0.0, 0.5, 1.0)] == [(5, 0), (2, 3), (0, 5)]


# --------------------------------------------------------------------------- errors
@pytest.mark.parametrize(("make", "match"), [
    (lambda: PadToFixedSize(0, 5), "width"),
    (lambda: CropToFixedSize(5, 5, position="middle"), "position"),
    (lambda: CropToFixedSize(5, 5, position=(0.5, 2.0)), "position"),
    (lambda: PadToAspectRatio(0), "aspect_ratio"),
    (lambda: PadToMultiplesOf(0, 2), "width_multiple"),
    (lambda: CropToPowersOf(2, 1), "height_base"),
])
def test_bad_arguments_name_the_argument(make, match):
    with pytest.raises((ParameterError, ParameterTypeError), match=match):
        make()
