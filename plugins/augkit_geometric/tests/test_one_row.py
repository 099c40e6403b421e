"""The size augmenters' one-image path: params in Python numbers, the size guard's shapes."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from augkit_geometric import functional as F
from augkit_geometric._bases import largest_shapes, make_params
from augkit_geometric._common import distribute, distribute_rows, draw_one
from augkit_geometric._one_row import one_row_params
from augkit_geometric.crop_pad import Crop, CropAndPad, Pad
from augkit_geometric.to_size import (
    CenterCropToFixedSize,
    CropToAspectRatio,
    CropToFixedSize,
    CropToMultiplesOf,
    CropToPowersOf,
    PadToFixedSize,
    PadToSquare,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st

from augkit import parameters as iap

_SIDES = st.lists(st.integers(0, 40), min_size=4, max_size=4)


@settings(max_examples=200, deadline=None)
@given(crop=_SIDES, pad=_SIDES, height=st.integers(1, 30), width=st.integers(1, 30),
       size=st.none() | st.tuples(st.integers(1, 90), st.integers(1, 90)))
@example(crop=[0, 0, 0, 0], pad=[0, 0, 0, 0], height=2, width=6, size=(3, 4))  # a tie
def test_largest_shapes_are_the_larger_of_padded_and_resized(crop, pad, height, width, size):
    shape = (height, width, 3)
    params = make_params(np.array([crop]), np.array([pad]), [shape],
                         sizes=None if size is None else np.array([size]))
    # the reference: params' own shape arithmetic, the resized output winning a tie
    expected = max(params.out_shapes([shape])[0], (*params.mid_shape(0, shape), 3),
                   key=lambda s: s[0] * s[1])
    assert largest_shapes(params, [shape]) == [tuple(int(v) for v in expected)]


@settings(max_examples=200, deadline=None)
@given(crop=_SIDES, pad=_SIDES, height=st.integers(1, 30), width=st.integers(1, 30),
       cval=st.sampled_from([0.0, -0.0, 3.5]))
def test_one_row_params_equal_make_params(crop, pad, height, width, cval):
    shape = (height, width, 1)
    fast = one_row_params(list(crop), list(pad), shape, "edge", cval, (height, width))
    slow = make_params(np.array([crop]), np.array([pad]), [shape], ["edge"], [cval],
                       np.array([(height, width)]))
    for name in ("crops", "pads", "cvals", "sizes"):
        np.testing.assert_array_equal(getattr(fast, name), getattr(slow, name))
        assert getattr(fast, name).dtype == getattr(slow, name).dtype
    assert fast.modes == slow.modes and fast.flags is None


def test_one_row_params_share_zero_arrays_read_only():
    first = one_row_params([1, 0, 0, 0], [0, 0, 0, 0], (8, 8, 3))
    second = one_row_params([0, 0, 0, 0], [0, 2, 0, 0], (8, 8, 3))
    assert first.pads is second.crops and first.cvals is second.cvals
    assert not first.pads.flags.writeable and not first.cvals.flags.writeable
    assert first.crops.flags.writeable  # drawn amounts are the call's own


def test_one_row_params_clamp_crops_to_the_shape():
    assert one_row_params([5, 0, 5, 0], [0, 0, 0, 0], (4, 4)).crops.tolist() == [[1, 0, 2, 0]]


@pytest.mark.parametrize("fraction, expected", [(-0.5, (7, 0)), (1.5, (0, 7)), (0.25, (5, 2))])
def test_distribute_takes_the_nearer_end_outside_0_1(fraction, expected):
    assert distribute(7, fraction) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10_000),
                          st.floats(-0.5, 1.5, allow_nan=False) | st.sampled_from(
                              [0.0, 0.5, 1.0, 1 / 3, 2 / 3, 0.1, 0.7])),
                min_size=1, max_size=20))
def test_distribute_rows_is_distribute_of_every_row(rows):
    totals, fractions = zip(*rows)
    first, second = distribute_rows(np.array(totals), np.array(fractions))
    assert list(zip(first.tolist(), second.tolist())) == [distribute(t, f) for t, f in rows]


def test_distribute_rows_refuses_a_nan_fraction_as_int_does():
    with pytest.raises(ValueError, match="NaN"):
        distribute_rows(np.array([4]), np.array([np.nan]))


class _NotOne(int):
    """A row count of 1 that the one-row shortcuts do not recognise (``!= 1``)."""

    def __eq__(self, other):
        return False

    __hash__ = int.__hash__


@pytest.mark.parametrize("aug", [
    CropToFixedSize(width=5, height=4),
    CropToFixedSize(width=5, height=None, position="normal"),
    CenterCropToFixedSize(width=3, height=7),
    PadToFixedSize(width=15, height=12, pad_mode=["edge", "constant"], pad_cval=(0, 9)),
    PadToSquare(),
    CropToMultiplesOf(4, 3),
    Crop(px=(0, 4)),
    Crop(px=(1, 2, 3, 4), keep_size=False),
    Pad(percent=(0, 0.3), keep_size=False),
    CropAndPad(px=(-3, 3), pad_mode=["edge", "constant"]),
    CropAndPad(percent=(-0.2, 0.2), sample_independently=False),
])
@pytest.mark.parametrize("shape", [(11, 9, 3), (3, 20)])
def test_one_row_path_draws_what_the_batch_path_draws(aug, shape):
    """One row through the shortcut and through the general code: the same params, and
    the generator left in the same state (the same draws in the same order)."""
    rng_one, rng_general = np.random.default_rng(5), np.random.default_rng(5)
    for _ in range(4):
        one = aug._sample(SimpleNamespace(nb_rows=1, shapes=[shape]), rng_one)
        general = aug._sample(SimpleNamespace(nb_rows=_NotOne(1), shapes=[shape]), rng_general)
        for name in ("crops", "pads", "cvals", "sizes"):
            fast, slow = getattr(one, name), getattr(general, name)
            assert (fast is None) == (slow is None)
            if fast is not None:
                np.testing.assert_array_equal(fast, slow)
        assert one.modes == general.modes
        assert aug.work_shapes(one, [shape]) == aug.work_shapes(general, [shape])
    assert rng_one.random() == rng_general.random()


@pytest.mark.parametrize("aug", [Crop(px=(0, 5)), CropToFixedSize(3, 3),
                                 CropAndPad(px=(-4, 0), keep_size=True)])
def test_cropping_augmenters_guard_nothing_larger_than_the_input(aug):
    shape = (9, 8, 3)
    _, params = aug(image=np.zeros(shape, np.uint8), return_params=True)
    assert aug.work_shapes(params, [shape]) == [shape]


@pytest.mark.parametrize("param", [
    iap.Deterministic("edge"), iap.Deterministic(3), iap.Choice(["edge", "constant"]),
    iap.Uniform(0, 9), iap.DiscreteUniform(0, 9),
])
def test_draw_one_draws_what_iap_draw_draws(param):
    rng_one, rng_draw = np.random.default_rng(3), np.random.default_rng(3)
    for _ in range(5):
        one, drawn = draw_one(param, rng_one), iap.draw(param, 1, rng_draw)[0]
        assert one == drawn and str(one) == str(drawn)
    assert rng_one.random() == rng_draw.random()


def test_memoised_amounts_follow_the_arguments():
    """The amounts are remembered per shape and arguments: changing an argument after
    construction (as imgaug allows) changes them."""
    img = np.zeros((13, 10, 3), np.uint8)
    aug = CropToMultiplesOf(width_multiple=4, height_multiple=5)
    assert aug(image=img).shape == (10, 8, 3)
    aug.width_multiple = 3
    assert aug(image=img).shape == (10, 9, 3)
    pad = PadToSquare()
    assert pad(image=img).shape == (13, 13, 3)
    assert pad(image=img[:7]).shape == (10, 10, 3)


@settings(max_examples=150, deadline=None)
@given(height=st.integers(1, 40), width=st.integers(1, 40), a=st.integers(1, 45),
       b=st.integers(1, 45), ratio=st.floats(0.05, 20.0), position=st.sampled_from(
           ["uniform", "normal", "left-top", "right-bottom", "center"]))
def test_to_size_crops_need_no_clamping(height, width, a, b, ratio, position):
    """The ...ToSize crops skip clamp_crop: their totals leave a pixel on each axis."""
    rng = np.random.default_rng(height * 100 + width)
    for aug in (CropToFixedSize(a, b, position=position),
                CropToMultiplesOf(a, b, position=position),
                CropToPowersOf(a + 1, b + 1, position=position),
                CropToAspectRatio(ratio, position=position)):
        crop = aug._sample_one((height, width, 3), rng).crops[0].tolist()
        assert crop == F.clamp_crop(crop, height, width)


_FLOATS = st.floats(-1e3, 1e3, allow_nan=False)


@given(st.integers(1, 4000), st.integers(1, 4000), st.lists(_FLOATS, min_size=7, max_size=7))
@settings(max_examples=300)
def test_one_row_affine_matrix_is_bitwise_the_batched_rows(height, width, values):
    """Affine's per-call path computes its matrix on floats; a batch row must be the
    same to the last bit, or one-image and batch calls would warp differently."""
    args = [np.array([float(height)]), np.array([float(width)])] + [np.array([v]) for v in values]
    alone = F.affine_matrices(*args)
    batched = F.affine_matrices(*(np.concatenate([x, x + 1.0]) for x in args))[:1]
    assert alone.shape == (1, 3, 3)
    assert alone.tobytes() == batched.tobytes()
