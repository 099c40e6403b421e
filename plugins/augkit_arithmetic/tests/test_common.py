"""What the family's augmenters share: parameter parsing, random draws, docstring blocks."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from augkit_arithmetic import _common
from augkit_arithmetic._common import (
    DeferredBytes,
    DeferredValues,
    bernoulli_indices,
    bernoulli_mask,
    check_int,
    deferred_draw,
    deferred_random_bytes,
    drawn,
    elementwise_shapes,
    is_pair,
    kernel_size_param,
    random_bytes,
)
from augkit_arithmetic.arithmetic import AddElementwise, MultiplyElementwise
from augkit_arithmetic.edges import Canny

from augkit import ParameterError, ParameterTypeError
from augkit import parameters as iap
from augkit.registry import registry


def test_bernoulli_indices_sparse_and_dense_paths():
    rng = np.random.default_rng(0)
    for p in (0.001, 0.05, 0.3, 0.9):
        idx = bernoulli_indices(rng, 200_000, p)
        assert np.all(np.diff(idx) > 0) and (idx.size == 0 or idx[-1] < 200_000)
        assert abs(idx.size / 200_000 - p) < 0.01


def test_bernoulli_mask_and_random_bytes_follow_the_generator():
    a = bernoulli_mask(np.random.default_rng(5), (64, 64), 0.25)
    b = bernoulli_mask(np.random.default_rng(5), (64, 64), 0.25)
    assert np.array_equal(a, b) and abs(a.mean() - 0.25) < 0.03
    assert not bernoulli_mask(np.random.default_rng(0), (3,), 0.0).any()
    assert np.array_equal(random_bytes(np.random.default_rng(1), 9),
                          random_bytes(np.random.default_rng(1), 9))


def test_deferred_random_bytes_are_the_bytes_and_leave_the_stream_as_drawing_would():
    shape = (300, 301, 3)
    eager, later = np.random.default_rng(8), np.random.default_rng(8)
    eager.random(dtype=np.float32)  # leaves half a 64-bit draw buffered
    later.random(dtype=np.float32)
    now = random_bytes(eager, 300 * 301 * 3).reshape(shape)
    deferred = deferred_random_bytes(later, shape)
    assert isinstance(deferred, DeferredBytes)
    assert later.random(5, dtype=np.float32).tolist() == eager.random(5, dtype=np.float32).tolist()
    assert np.array_equal(deferred.array(), now) and np.array_equal(deferred.array(), now)
    assert np.array_equal(pickle.loads(pickle.dumps(deferred)).array(), now)


def test_small_or_unskippable_draws_are_made_at_once():
    small = deferred_random_bytes(np.random.default_rng(1), (8, 8))
    assert isinstance(small, np.ndarray) and small.shape == (8, 8)
    mt = np.random.Generator(np.random.MT19937(2))
    drawn = deferred_random_bytes(mt, (300, 300))
    expected = random_bytes(np.random.Generator(np.random.MT19937(2)), 90_000)
    assert isinstance(drawn, np.ndarray) and np.array_equal(drawn.ravel(), expected)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_deferred_draws_are_the_values_and_leave_the_stream_as_drawing_would(dtype):
    value, shape = iap.Uniform(-20, 35), (130, 140, 3)
    eager, later = np.random.default_rng(9), np.random.default_rng(9)
    eager.random(dtype=np.float32)  # leaves half a 64-bit draw buffered
    later.random(dtype=np.float32)
    now = iap.draw(value, shape, eager, dtype)
    deferred = deferred_draw(value, shape, later, dtype)
    assert isinstance(deferred, DeferredValues)
    assert later.random(5, dtype=np.float32).tolist() == eager.random(5, dtype=np.float32).tolist()
    assert later.random(5).tolist() == eager.random(5).tolist()
    for again in (drawn(deferred), drawn(deferred),
                  drawn(pickle.loads(pickle.dumps(deferred)))):
        assert again.dtype == dtype and np.array_equal(again, now)


@pytest.mark.parametrize("value", [
    iap.Normal(0, 5),  # the ziggurat takes a varying number of words
    iap.Uniform(iap.Uniform(-5, 0), 10),  # bounds drawn too
    iap.DiscreteUniform(-20, 20),
    iap.Deterministic(3.0),
])
def test_draws_of_other_parameters_are_made_at_once(value):
    got = deferred_draw(value, (200, 200), np.random.default_rng(4), np.float64)
    expected = iap.draw(value, (200, 200), np.random.default_rng(4), np.float64)
    assert isinstance(got, np.ndarray) and np.array_equal(got, expected)
    small = deferred_draw(iap.Uniform(0, 1), (8, 8), np.random.default_rng(4), np.float64)
    assert isinstance(small, np.ndarray)


def test_elementwise_augmenters_replay_their_deferred_values():
    image = np.random.default_rng(0).integers(0, 256, (128, 128, 3), np.uint8)
    for aug in (AddElementwise((-30, 30), per_channel=True, seed=3),
                MultiplyElementwise((0.5, 1.5), seed=3)):
        out, params = aug.augment(image=image, return_params=True)
        assert isinstance(params[0], DeferredValues)
        assert np.array_equal(aug.replay(params, image=image), out)


def test_elementwise_shapes_keep_channels_only_where_per_channel_says_so():
    shapes = [(4, 5, 3), (2, 2, 1)]
    rng = np.random.default_rng(0)
    assert elementwise_shapes(iap.Deterministic(1), shapes, rng) == [(4, 5, 3), (2, 2, 1)]
    assert elementwise_shapes(iap.Deterministic(0), shapes, rng) == [(4, 5, 1), (2, 2, 1)]


@pytest.mark.parametrize("value, pair", [
    (3, False), ((1, 7), False), ([3, 5], False), (((1, 7), 5), True),
    (([3, 5], (1, 3)), True), ((iap.Deterministic(3), 5), True), ((True, 2), True),
])
def test_is_pair_tells_one_shorthand_from_two(value, pair):
    assert is_pair(value) is pair


def test_kernel_size_draws_square_or_per_axis_sizes():
    rng = np.random.default_rng(0)
    square = kernel_size_param((1, 7), "k").draw(50, rng)
    assert np.array_equal(square[0], square[1])
    heights, widths = kernel_size_param(((1, 3), 9), "k").draw(50, rng)
    assert heights.max() <= 3 and (widths == 9).all()
    assert kernel_size_param(5, "k").draw_pairs(2, rng) == [(5, 5), (5, 5)]


def test_canny_thresholds_take_the_same_pair_shorthand_as_kernel_sizes():
    low, high = Canny(hysteresis_thresholds=((50, 60), 200)).hysteresis_thresholds
    assert isinstance(high, iap.Deterministic) and high.value == 200


def test_plain_integer_arguments_are_checked_by_type_and_bound():
    assert check_int(None, "max_size", minimum=1, optional=True) is None
    assert check_int(np.int64(3), "max_size", minimum=1) == 3
    with pytest.raises(ParameterError, match="max_size"):
        check_int(0, "max_size", minimum=1, optional=True)
    with pytest.raises(ParameterTypeError, match="max_size"):
        check_int(2.5, "max_size", minimum=1, optional=True)
    with pytest.raises(ParameterTypeError, match="min_size"):
        check_int(None, "min_size", minimum=1)
    with pytest.raises(ParameterTypeError, match="nb_keep_channels"):
        check_int(True, "nb_keep_channels", minimum=0)


FAMILY = [entry.cls for entry in registry.entries()
          if entry.cls.__module__.startswith("augkit_arithmetic.")]


def test_every_augmenter_of_the_family_shares_the_doc_blocks():
    assert len(FAMILY) >= 40
    for cls in FAMILY:
        assert cls.doc_blocks is _common.DOC_BLOCKS, cls.__name__
        assert "<" not in "".join(line for line in cls.__doc__.splitlines()
                                  if line.strip().startswith("<")), cls.__name__
        assert "seed : None or int" in cls.__doc__, cls.__name__
