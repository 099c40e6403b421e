"""Behaviour of augkit.parameters: distributions, shorthand, composition, serialisation."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from augkit import parameters as iap
from augkit.errors import ParameterError, ParameterTypeError

N = 20_000  # samples for distribution statistics

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
small_ints = st.integers(min_value=-1000, max_value=1000)


def draw(param: iap.StochasticParameter, size=N, seed: int = 0) -> np.ndarray:
    return param.draw_samples(size, random_state=seed)


# ---------------------------------------------------------------------------
# Fixed values
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind"), [(3, "i"), (2.5, "f"), (True, "b"), ("linear", "U"), (np.int32(4), "i")]
)
def test_deterministic_draws_its_value_with_matching_dtype(value, kind):
    samples = iap.Deterministic(value).draw_samples((2, 3))
    assert samples.shape == (2, 3)
    assert samples.dtype.kind == kind
    assert (samples == value).all()


def test_deterministic_draw_sample_is_a_scalar():
    sample = iap.Deterministic(7).draw_sample()
    assert np.ndim(sample) == 0
    assert sample == 7


def test_deterministic_refuses_nan_and_containers():
    with pytest.raises(ParameterError, match="NaN"):
        iap.Deterministic(float("nan"))
    with pytest.raises(ParameterTypeError, match="value"):
        iap.Deterministic([1, 2])


def test_deterministic_list_repeats_values_in_order():
    samples = iap.DeterministicList([1, 2, 3]).draw_samples((2, 4))
    assert samples.tolist() == [[1, 2, 3, 1], [2, 3, 1, 2]]


def test_deterministic_list_keeps_float_values():
    assert iap.DeterministicList([0.5, 1.5]).draw_samples(3).tolist() == [0.5, 1.5, 0.5]


def test_choice_draws_only_given_values_and_all_of_them():
    samples = draw(iap.Choice([1, 5, 9]), 3000)
    assert set(samples.tolist()) == {1, 5, 9}
    assert samples.dtype.kind == "i"


def test_choice_respects_probabilities():
    samples = draw(iap.Choice(["a", "b"], p=[0.2, 0.8]))
    assert np.mean(samples == "b") == pytest.approx(0.8, abs=0.02)
    assert set(draw(iap.Choice([1, 2], p=[0.0, 1.0]), 100).tolist()) == {2}


def test_choice_without_replacement_gives_distinct_values():
    samples = iap.Choice([1, 2, 3, 4], replace=False).draw_samples(4, random_state=1)
    assert sorted(samples.tolist()) == [1, 2, 3, 4]
    with pytest.raises(ParameterError, match="without replacement"):
        iap.Choice([1, 2], replace=False).draw_samples(3)


def test_choice_samples_parameter_entries_in_place():
    param = iap.Choice([0, iap.Uniform(10, 20)], p=[0.5, 0.5])
    samples = draw(param, 4000)
    from_uniform = samples[samples != 0]
    assert 1500 < from_uniform.size < 2500
    assert from_uniform.min() >= 10 and from_uniform.max() < 20
    assert len(np.unique(from_uniform)) == from_uniform.size  # drawn per sample


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"a": []}, ParameterTypeError),
        ({"a": [1, 2], "p": [0.5]}, ParameterError),
        ({"a": [1, 2], "p": [0.5, 0.6]}, ParameterError),
        ({"a": [1, 2], "p": [-0.5, 1.5]}, ParameterError),
        ({"a": [1, 2], "replace": "yes"}, ParameterTypeError),
    ],
)
def test_choice_rejects_bad_arguments(kwargs, error):
    with pytest.raises(error):
        iap.Choice(**kwargs)


# ---------------------------------------------------------------------------
# Distributions
# ---------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(a=finite, b=finite, seed=st.integers(0, 2**32 - 1))
def test_uniform_samples_lie_between_its_bounds_in_either_order(a, b, seed):
    samples = iap.Uniform(a, b).draw_samples(50, random_state=seed)
    assert samples.min() >= min(a, b)
    assert samples.max() <= max(a, b)


def test_uniform_statistics():
    samples = draw(iap.Uniform(2, 6))
    assert samples.dtype == np.float64
    assert samples.mean() == pytest.approx(4.0, abs=0.05)
    assert samples.var() == pytest.approx(16 / 12, rel=0.05)


def test_uniform_with_equal_bounds_is_constant():
    assert (draw(iap.Uniform(3, 3), 10) == 3.0).all()


@settings(max_examples=60, deadline=None)
@given(a=small_ints, b=small_ints, seed=st.integers(0, 2**32 - 1))
def test_discrete_uniform_includes_both_ends(a, b, seed):
    samples = iap.DiscreteUniform(a, b).draw_samples(200, random_state=seed)
    assert samples.dtype.kind == "i"
    assert samples.min() >= min(a, b) and samples.max() <= max(a, b)


def test_discrete_uniform_reaches_both_ends():
    assert set(draw(iap.DiscreteUniform(4, 1), 500).tolist()) == {1, 2, 3, 4}


def test_normal_mean_and_variance():
    samples = draw(iap.Normal(3.0, 2.0))
    assert samples.mean() == pytest.approx(3.0, abs=0.06)
    assert samples.std() == pytest.approx(2.0, rel=0.03)


def test_stochastic_argument_is_drawn_once_per_sample():
    # With scale 0 every sample is its own location: they must differ.
    samples = draw(iap.Normal(iap.Uniform(-1, 1), 0), 1000)
    assert len(np.unique(samples)) == 1000
    assert samples.min() >= -1 and samples.max() <= 1


def test_normal_fails_clearly_when_a_stochastic_scale_draws_negative_values():
    with pytest.raises(ParameterError, match="scale"):
        draw(iap.Normal(0, iap.Uniform(-1, 1)), 100)


def test_truncated_normal_stays_within_bounds():
    samples = draw(iap.TruncatedNormal(0.0, 1.0, low=-0.5, high=1.0))
    assert samples.min() >= -0.5 and samples.max() <= 1.0
    symmetric = draw(iap.TruncatedNormal(5.0, 2.0, low=3.0, high=7.0))
    assert symmetric.mean() == pytest.approx(5.0, abs=0.05)


def test_truncated_normal_with_zero_scale_returns_clipped_loc():
    assert (draw(iap.TruncatedNormal(5.0, 0.0, low=0, high=2), 5) == 2.0).all()


def test_laplace_mean_and_variance():
    samples = draw(iap.Laplace(1.0, 2.0))
    assert samples.mean() == pytest.approx(1.0, abs=0.08)
    assert samples.var() == pytest.approx(2 * 2.0**2, rel=0.06)


def test_chi_square_mean_is_degrees_of_freedom():
    samples = draw(iap.ChiSquare(3))
    assert samples.min() >= 0
    assert samples.mean() == pytest.approx(3.0, rel=0.03)


def test_weibull_with_shape_one_is_exponential():
    assert draw(iap.Weibull(1.0)).mean() == pytest.approx(1.0, rel=0.03)


def test_beta_mean_and_range():
    samples = draw(iap.Beta(2.0, 6.0))
    assert samples.min() >= 0 and samples.max() <= 1
    assert samples.mean() == pytest.approx(0.25, abs=0.01)


def test_poisson_mean_and_integer_dtype():
    samples = draw(iap.Poisson(4.0))
    assert samples.dtype.kind == "i"
    assert samples.mean() == pytest.approx(4.0, rel=0.03)


def test_binomial_rate_and_values():
    samples = draw(iap.Binomial(0.3))
    assert set(samples.tolist()) == {0, 1}
    assert samples.mean() == pytest.approx(0.3, abs=0.015)
    assert (draw(iap.Binomial(0.0), 10) == 0).all()
    assert (draw(iap.Binomial(1.0), 10) == 1).all()


# ---------------------------------------------------------------------------
# Seeding and sizes
# ---------------------------------------------------------------------------


def test_same_seed_same_samples_and_generators_advance():
    param = iap.Normal(iap.Uniform(0, 1), 1)
    assert (param.draw_samples(20, random_state=5) == param.draw_samples(20, random_state=5)).all()
    rng = np.random.default_rng(5)
    first, second = param.draw_samples(20, rng), param.draw_samples(20, rng)
    assert not (first == second).all()
    assert (first == param.draw_samples(20, random_state=5)).all()


def test_no_random_state_uses_fresh_entropy():
    param = iap.Uniform(0, 1)
    assert not (param.draw_samples(10) == param.draw_samples(10)).all()


@pytest.mark.parametrize("size", [5, (5,), [2, 3], (2, 0), ()])
def test_sizes_are_int_or_tuple(size):
    shape = (size,) if isinstance(size, int) else tuple(size)
    assert iap.Uniform(0, 1).draw_samples(size, random_state=0).shape == shape


@pytest.mark.parametrize("size", [-1, 2.5, "3", (2, -1), None])
def test_bad_sizes_are_refused(size):
    with pytest.raises(ParameterTypeError, match="size"):
        iap.Uniform(0, 1).draw_samples(size, random_state=0)


@pytest.mark.parametrize(("state", "error"), [(-3, ParameterError), ("x", ParameterTypeError)])
def test_bad_random_states_are_refused(state, error):
    with pytest.raises(error, match="random_state"):
        iap.Uniform(0, 1).draw_samples(3, random_state=state)


def test_seed_sequence_is_accepted():
    seq = np.random.SeedSequence(3)
    assert (iap.Uniform(0, 1).draw_samples(3, seq) == iap.Uniform(0, 1).draw_samples(3, seq)).all()


# ---------------------------------------------------------------------------
# Shorthand
# ---------------------------------------------------------------------------


def test_continuous_shorthand_conversions():
    assert iap.handle_continuous_param(2, "x") == iap.Deterministic(2.0)
    assert iap.handle_continuous_param((1, 3), "x") == iap.Uniform(1.0, 3.0)
    assert iap.handle_continuous_param([1, 3], "x") == iap.Choice([1.0, 3.0])
    param = iap.Normal(0, 1)
    assert iap.handle_continuous_param(param, "x") is param


def test_discrete_shorthand_conversions():
    assert iap.handle_discrete_param(2, "n") == iap.Deterministic(2)
    assert iap.handle_discrete_param(2.0, "n") == iap.Deterministic(2)
    assert iap.handle_discrete_param((1, 3), "n") == iap.DiscreteUniform(1, 3)
    assert iap.handle_discrete_param([1, 3], "n") == iap.Choice([1, 3])
    assert iap.handle_discrete_param(2.6, "n", allow_floats=True) == iap.Deterministic(3)


def test_probability_and_per_channel_shorthand():
    assert iap.handle_probability_param(0.25, "p") == iap.Binomial(0.25)
    assert iap.handle_probability_param(True, "p") == iap.Binomial(1.0)
    assert iap.handle_probability_param((0.1, 0.2), "p", tuple_to_uniform=True) == iap.Binomial(
        iap.Uniform(0.1, 0.2)
    )
    assert iap.handle_probability_param([0.1, 0.2], "p", list_to_choice=True) == iap.Binomial(
        iap.Choice([0.1, 0.2])
    )
    assert iap.handle_per_channel(True) == iap.Deterministic(1)
    assert iap.handle_per_channel(False) == iap.Deterministic(0)
    assert iap.handle_per_channel(0.5) == iap.Binomial(0.5)


@settings(max_examples=80, deadline=None)
@given(value=st.floats(-10, 10, allow_nan=False))
def test_value_range_accepts_exactly_the_numbers_inside_it(value):
    if 0 <= value <= 5:
        assert iap.handle_continuous_param(value, "x", value_range=(0, 5)).value == value
    else:
        with pytest.raises(ParameterError, match=r"^x: .*\[0, 5\], got"):
            iap.handle_continuous_param(value, "x", value_range=(0, 5))


def test_error_message_has_name_value_and_what_is_accepted():
    with pytest.raises(ParameterError) as info:
        iap.handle_continuous_param((-1, 3), "sigma", value_range=(0, None))
    assert str(info.value) == (
        "sigma: expected a number, a (min, max) tuple, a list of numbers or a "
        "StochasticParameter with values in [0, inf), got (-1, 3)"
    )


@pytest.mark.parametrize(
    ("value", "error", "detail"),
    [
        (float("nan"), ParameterError, "NaN"),
        (float("inf"), ParameterError, "infinity"),
        ((1, 2, 3), ParameterError, "2 entries"),
        ((1, float("nan")), ParameterError, "NaN"),
        ([], ParameterError, "empty"),
        ([1, "a"], ParameterTypeError, r"\[1, 'a'\]"),
        (True, ParameterTypeError, "bool"),
        ("wide", ParameterTypeError, "'wide'"),
        (None, ParameterTypeError, "None"),
        ({"a": 1}, ParameterTypeError, "StochasticParameter"),
    ],
)
def test_bad_continuous_values_are_refused(value, error, detail):
    with pytest.raises(error, match=f"^sigma: expected .*{detail}"):
        iap.handle_continuous_param(value, "sigma")


def test_disabled_tuple_and_list_forms_are_refused_and_not_advertised():
    with pytest.raises(ParameterTypeError) as info:
        iap.handle_continuous_param((1, 2), "alpha", tuple_to_uniform=False, list_to_choice=False)
    assert "tuple" not in str(info.value).split(", got")[0]
    with pytest.raises(ParameterTypeError, match="alpha"):
        iap.handle_continuous_param([1, 2], "alpha", list_to_choice=False)


@pytest.mark.parametrize(
    ("value", "error", "detail"),
    [
        (2.5, ParameterError, "not an integer"),
        ((0, 2.5), ParameterError, "not an integer"),
        (-1, ParameterError, r"\[0, inf\)"),
        ([1, -1], ParameterError, r"\[1, -1\]"),
    ],
)
def test_bad_discrete_values_are_refused(value, error, detail):
    with pytest.raises(error, match=f"^n: expected an integer.*{detail}"):
        iap.handle_discrete_param(value, "n", value_range=(0, None))


@pytest.mark.parametrize(
    ("value", "error"), [(1.5, ParameterError), (-0.1, ParameterError), ("x", ParameterTypeError)]
)
def test_bad_probabilities_are_refused(value, error):
    with pytest.raises(error, match=r"^p: expected a probability .* in \[0, 1\]"):
        iap.handle_probability_param(value, "p")


@pytest.mark.parametrize(("value", "error"), [(2, ParameterError), ("yes", ParameterTypeError)])
def test_bad_per_channel_values_are_refused(value, error):
    with pytest.raises(error, match="^per_channel: expected a bool"):
        iap.handle_per_channel(value)


def test_string_options_accept_one_a_list_or_all():
    assert iap.SimplexNoise(upscale_method="cubic").upscale_method == iap.Deterministic("cubic")
    assert iap.FrequencyNoise(upscale_method=["area"]).upscale_method == iap.Choice(["area"])
    every = iap.IterativeNoiseAggregator(iap.SimplexNoise(), aggregation_method="ALL")
    assert every.aggregation_method == iap.Choice(["min", "max", "avg"])


def test_bad_constructor_arguments_name_the_argument():
    with pytest.raises(ParameterError, match="scale"):
        iap.Normal(0, -1)
    with pytest.raises(ParameterError, match="upscale_method"):
        iap.SimplexNoise(upscale_method="bicubic")
    with pytest.raises(ParameterError, match="size_px_max"):
        iap.FrequencyNoise(size_px_max=0)
    with pytest.raises(ParameterError, match="aggregation_method"):
        iap.IterativeNoiseAggregator(iap.SimplexNoise(), aggregation_method=["max", "median"])
    with pytest.raises(ParameterError, match="mul"):
        iap.Sigmoid(iap.SimplexNoise(), mul=0)
    with pytest.raises(ParameterError, match="size_percent, size_px"):
        iap.FromLowerResolution(iap.Binomial(0.5))
    with pytest.raises(ParameterError, match="mode"):
        iap.ForceSign(iap.Normal(0, 1), positive=True, mode="flip")
    with pytest.raises(ParameterTypeError, match="positive"):
        iap.ForceSign(iap.Normal(0, 1), positive="yes")
    with pytest.raises(ParameterError, match="p_positive"):
        iap.RandomSign(iap.Normal(0, 1), p_positive=2)


# ---------------------------------------------------------------------------
# Modifiers and composition
# ---------------------------------------------------------------------------


def test_composition_from_the_docs():
    param = iap.Clip(iap.Normal(iap.Uniform(0.5, 1.5), 0.1), 0.1, 3.0)
    samples = draw(param)
    assert samples.min() >= 0.1 and samples.max() <= 3.0
    assert samples.mean() == pytest.approx(1.0, abs=0.02)
    assert samples.var() == pytest.approx(1 / 12 + 0.01, rel=0.06)


@settings(max_examples=40, deadline=None)
@given(low=st.floats(-5, 0), high=st.floats(0, 5), seed=st.integers(0, 1000))
def test_clip_keeps_samples_within_bounds(low, high, seed):
    samples = iap.Clip(iap.Normal(0, 3), low, high).draw_samples(100, random_state=seed)
    assert samples.min() >= low and samples.max() <= high


def test_clip_with_one_bound_and_integer_samples():
    assert draw(iap.Clip(iap.Normal(0, 1), minval=0)).min() == 0.0
    samples = draw(iap.Clip(iap.DiscreteUniform(0, 10), 2.5, 7.5), 500)
    assert samples.dtype.kind == "i"
    assert set(samples.tolist()) == {3, 4, 5, 6, 7}
    with pytest.raises(ParameterError, match="minval"):
        iap.Clip(iap.Normal(0, 1), 2, 1)


def test_discretize_rounds_or_truncates():
    values = iap.DeterministicList([1.4, 1.6, -2.6, 2.5])
    assert iap.Discretize(values).draw_samples(4).tolist() == [1, 2, -3, 2]
    assert iap.Discretize(values, round=False).draw_samples(4).tolist() == [1, 1, -2, 2]
    assert iap.Discretize(values).draw_samples(4).dtype.kind == "i"
    ints = iap.DiscreteUniform(0, 3)
    assert (iap.Discretize(ints).draw_samples(10, 0) == ints.draw_samples(10, 0)).all()


def test_absolute():
    assert draw(iap.Absolute(iap.Normal(0, 1))).min() >= 0


def test_random_sign_keeps_magnitude_and_follows_p_positive():
    samples = draw(iap.RandomSign(iap.Uniform(1, 2), p_positive=0.8))
    assert (np.abs(samples) >= 1).all()
    assert np.mean(samples > 0) == pytest.approx(0.8, abs=0.015)


@pytest.mark.parametrize("mode", ["invert", "reroll"])
def test_force_sign_positive_and_negative(mode):
    base = iap.Normal(0, 1)
    positive = draw(iap.ForceSign(base, positive=True, mode=mode))
    negative = draw(iap.ForceSign(base, positive=False, mode=mode))
    assert positive.min() >= 0 and negative.max() <= 0
    assert (draw(iap.Positive(base, mode=mode)) >= 0).all()
    assert (draw(iap.Negative(base, mode=mode)) <= 0).all()


def test_force_sign_reroll_draws_new_values_instead_of_flipping():
    # Rerolled values of Uniform(-1, 3) that are positive are uniform on [0, 3);
    # inverting would push a quarter of the mass into [0, 1).
    rerolled = draw(iap.Positive(iap.Uniform(-1, 3), mode="reroll", reroll_count_max=10))
    inverted = draw(iap.Positive(iap.Uniform(-1, 3), mode="invert"))
    assert np.mean(rerolled < 1) == pytest.approx(1 / 3, abs=0.02)
    assert np.mean(inverted < 1) == pytest.approx(0.5, abs=0.02)


# ---------------------------------------------------------------------------
# Arithmetic
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        (lambda p: p + 2, 8),
        (lambda p: 2 + p, 8),
        (lambda p: p - 2, 4),
        (lambda p: 2 - p, -4),
        (lambda p: p * 2, 12),
        (lambda p: 2 * p, 12),
        (lambda p: p / 4, 1.5),
        (lambda p: 12 / p, 2.0),
        (lambda p: p**2, 36.0),
        (lambda p: 2**p, 64.0),
        (lambda p: -p, -6),
        (lambda p: abs(-p), 6),
        (lambda p: p + iap.Deterministic(1), 7),
        (lambda p: np.float64(2) * p, 12.0),
    ],
)
def test_arithmetic_operators(expression, expected):
    result = expression(iap.Deterministic(6))
    assert isinstance(result, iap.StochasticParameter)
    assert result.draw_samples(3).tolist() == [expected] * 3


def test_arithmetic_keeps_integers_where_numpy_does():
    assert (iap.DiscreteUniform(0, 5) + 1).draw_samples(3, 0).dtype.kind == "i"
    assert (iap.DiscreteUniform(1, 5) / 1).draw_samples(3, 0).dtype.kind == "f"


def test_divide_by_zero_uses_one():
    assert iap.Divide(3, 0).draw_samples(2).tolist() == [3.0, 3.0]


def test_arithmetic_with_unsupported_operand_is_a_type_error():
    with pytest.raises(TypeError):
        iap.Uniform(0, 1) + "a"


def test_elementwise_controls_how_often_val_is_drawn():
    per_sample = draw(iap.Add(0, iap.Uniform(0, 1)), 100)
    per_call = draw(iap.Add(0, iap.Uniform(0, 1), elementwise=False), 100)
    assert len(np.unique(per_sample)) == 100
    assert len(np.unique(per_call)) == 1


def test_sum_of_parameters_has_the_summed_statistics():
    samples = draw(iap.Normal(1, 1) + iap.Normal(2, 2))
    assert samples.mean() == pytest.approx(3.0, abs=0.06)
    assert samples.var() == pytest.approx(5.0, rel=0.05)


# ---------------------------------------------------------------------------
# Noise
# ---------------------------------------------------------------------------

NOISES = [
    iap.SimplexNoise(),
    iap.SimplexNoise(size_px_max=64, upscale_method="cubic"),
    iap.FrequencyNoise(),
    iap.FrequencyNoise(exponent=-2, size_px_max=16, upscale_method="area"),
    iap.IterativeNoiseAggregator(iap.SimplexNoise(), iterations=(2, 4)),
    iap.Sigmoid.create_for_noise(iap.FrequencyNoise(), threshold=0),
]


@pytest.mark.parametrize("noise", NOISES, ids=repr)
@pytest.mark.parametrize("size", [(64, 96), (33, 17), (5, 1)])
def test_noise_planes_are_float32_in_unit_range_and_not_constant(noise, size):
    plane = noise.draw_samples(size, random_state=1)
    assert plane.shape == size and plane.dtype == np.float32
    assert plane.min() >= 0 and plane.max() <= 1
    assert plane.std() > 0.01


@pytest.mark.parametrize("noise", NOISES, ids=repr)
def test_noise_is_reproducible_and_varies_between_calls(noise):
    first = noise.draw_samples((32, 32), random_state=4)
    assert (first == noise.draw_samples((32, 32), random_state=4)).all()
    rng = np.random.default_rng(4)
    assert not (noise.draw_samples((32, 32), rng) == noise.draw_samples((32, 32), rng)).all()


def test_noise_with_channels_draws_independent_planes():
    planes = iap.SimplexNoise().draw_samples((16, 16, 3), random_state=0)
    assert planes.shape == (16, 16, 3) and planes.dtype == np.float32
    assert not (planes[..., 0] == planes[..., 1]).all()
    with pytest.raises(ParameterError, match=r"\(H, W\)"):
        iap.SimplexNoise().draw_samples(16)


def test_nearest_upscaled_noise_is_made_of_blocks():
    plane = iap.SimplexNoise(size_px_max=4, upscale_method="nearest").draw_samples((64, 64), 0)
    assert len(np.unique(plane)) <= 16
    assert (plane[:16, :16] == plane[0, 0]).all()


def test_frequency_noise_exponent_controls_smoothness():
    def roughness(exponent):
        noise = iap.FrequencyNoise(exponent=exponent, size_px_max=64, upscale_method="nearest")
        plane = noise.draw_samples((64, 64), random_state=0)
        return np.abs(np.diff(plane, axis=1)).mean()

    assert roughness(-4) < roughness(0) < roughness(4)


@pytest.mark.parametrize("size", [(256, 256), (200, 320)])
@pytest.mark.parametrize("noise", [iap.SimplexNoise(), iap.FrequencyNoise()], ids=repr)
def test_noise_is_fast(noise, size):
    rng = np.random.default_rng(0)
    noise.draw_samples(size, rng)  # warm-up (imports OpenCV)
    start = time.perf_counter()
    for _ in range(20):
        noise.draw_samples(size, rng)
    per_call = (time.perf_counter() - start) / 20
    assert per_call < 0.005


def test_iterative_aggregation_methods_order():
    def aggregate(method):
        param = iap.IterativeNoiseAggregator(
            iap.Uniform(0, 1), iterations=5, aggregation_method=method
        )
        return param.draw_samples((50, 50), random_state=3)

    low, mean, high = aggregate("min"), aggregate("avg"), aggregate("max")
    assert (low <= mean).all() and (mean <= high).all()
    assert mean.mean() == pytest.approx(0.5, abs=0.02)


def test_sigmoid_threshold_and_activation():
    x = iap.DeterministicList([0.0, 0.5, 1.0])
    assert iap.Sigmoid(x, threshold=0).draw_samples(3).tolist() == pytest.approx(
        [0.5, 1 / (1 + math.exp(-0.5)), 1 / (1 + math.exp(-1))]
    )
    noisy = iap.Sigmoid.create_for_noise(x, threshold=0).draw_samples(3)
    assert noisy[0] < 0.001 and noisy[1] == pytest.approx(0.5) and noisy[2] > 0.999
    assert iap.Sigmoid(x, activated=False).draw_samples(3).tolist() == [0.0, 0.5, 1.0]
    higher = iap.Sigmoid.create_for_noise(iap.SimplexNoise(), threshold=5)
    lower = iap.Sigmoid.create_for_noise(iap.SimplexNoise(), threshold=-5)
    assert higher.draw_samples((32, 32), 0).mean() < lower.draw_samples((32, 32), 0).mean()


def test_from_lower_resolution_makes_blocks():
    param = iap.FromLowerResolution(iap.Uniform(0, 1), size_px=2)
    plane = param.draw_samples((8, 8), random_state=0)
    assert plane.shape == (8, 8)
    assert len(np.unique(plane)) == 4
    assert (plane[:4, :4] == plane[0, 0]).all()


def test_from_lower_resolution_sizes_and_methods():
    percent = iap.FromLowerResolution(iap.Binomial(0.5), size_percent=0.25)
    assert percent.draw_samples((16, 16, 3), 0).shape == (16, 16, 3)
    batch = percent.draw_samples((2, 16, 12, 3), 0)
    assert batch.shape == (2, 16, 12, 3)
    assert set(np.unique(batch).tolist()) <= {0, 1}
    linear = iap.FromLowerResolution(iap.Binomial(0.5), size_px=3, method="linear")
    smooth = linear.draw_samples((30, 30), 0)
    assert smooth.dtype == np.float32 and len(np.unique(smooth)) > 2
    tiny = iap.FromLowerResolution(iap.Uniform(0, 1), size_percent=0.01, min_size=2)
    assert len(np.unique(tiny.draw_samples((10, 10), 0))) == 4
    with pytest.raises(ParameterError, match="FromLowerResolution"):
        percent.draw_samples(5, 0)


# ---------------------------------------------------------------------------
# Serialisation, repr and equality
# ---------------------------------------------------------------------------

EXAMPLES = [
    iap.Deterministic(3),
    iap.Deterministic("linear"),
    iap.DeterministicList([1.5, 2.5]),
    iap.Uniform(0, 1),
    iap.Normal(iap.Uniform(0.5, 1.5), 0.1),
    iap.TruncatedNormal(0, 1, low=-1),
    iap.Laplace(0, (1, 2)),
    iap.ChiSquare([1, 2]),
    iap.Weibull(1.5),
    iap.Beta(0.5, 0.5),
    iap.Poisson(3),
    iap.Binomial(iap.Uniform(0.2, 0.4)),
    iap.Choice([1, iap.Normal(0, 1)], p=[0.25, 0.75]),
    iap.DiscreteUniform(1, 6),
    iap.Clip(iap.Normal(0, 1), -1, None),
    iap.Discretize(iap.Uniform(0, 10), round=False),
    iap.Absolute(iap.Normal(0, 1)),
    iap.RandomSign(iap.Poisson(1), 0.25),
    iap.ForceSign(iap.Normal(0, 1), positive=False, mode="reroll"),
    iap.Positive(iap.Normal(0, 1)),
    iap.Negative(iap.Normal(0, 1), reroll_count_max=3),
    iap.Multiply(iap.Uniform(0, 1), 2, elementwise=False),
    iap.Divide(iap.Uniform(1, 2), [1, 2]),
    iap.Add(iap.Normal(0, 1), 1),
    iap.Subtract(5, iap.Poisson(2)),
    iap.Power(iap.Uniform(0, 1), 2),
    iap.Sigmoid(iap.SimplexNoise(), activated=0.5, mul=20, add=-10),
    iap.SimplexNoise(size_px_max=[4, 8], upscale_method="cubic"),
    iap.FrequencyNoise(exponent=-2),
    iap.IterativeNoiseAggregator(iap.FrequencyNoise(), aggregation_method="min"),
    iap.FromLowerResolution(iap.Binomial(0.5), size_px=(2, 4), method=["nearest", "linear"]),
]
PLANE_TYPES = (
    iap.Sigmoid,
    iap.SimplexNoise,
    iap.FrequencyNoise,
    iap.IterativeNoiseAggregator,
    iap.FromLowerResolution,
)


def test_every_public_parameter_class_has_a_serialisation_example():
    public = {
        name
        for name in iap.__all__
        if isinstance(getattr(iap, name), type)
        and issubclass(getattr(iap, name), iap.StochasticParameter)
        and name != "StochasticParameter"
    }
    assert public == {type(example).__name__ for example in EXAMPLES}


@pytest.mark.parametrize("param", EXAMPLES, ids=repr)
def test_to_dict_round_trips_through_json(param):
    data = json.loads(json.dumps(param.to_dict(), allow_nan=False))
    assert data["type"] == type(param).__name__
    rebuilt = iap.from_dict(data)
    assert rebuilt == param
    assert hash(rebuilt) == hash(param)
    assert repr(rebuilt) == repr(param)
    size = (12, 10) if isinstance(param, PLANE_TYPES) else (50,)
    expected = param.draw_samples(size, random_state=9)
    np.testing.assert_array_equal(rebuilt.draw_samples(size, random_state=9), expected)


def test_to_dict_writes_fixed_children_as_plain_values():
    assert iap.Normal(iap.Uniform(0, 1), 2).to_dict() == {
        "type": "Normal",
        "loc": {"type": "Uniform", "a": 0.0, "b": 1.0},
        "scale": 2.0,
    }


def test_repr_shows_class_and_arguments():
    assert repr(iap.Uniform(0, 1)) == "Uniform(a=0.0, b=1.0)"
    assert repr(iap.Deterministic(2)) == "Deterministic(value=2)"
    assert repr(iap.Clip(iap.Normal(0, 1), 0, 3)) == (
        "Clip(other_param=Normal(loc=0.0, scale=1.0), minval=0, maxval=3)"
    )


def test_equality_compares_class_and_configuration():
    assert iap.Uniform(0, 1) == iap.Uniform(0.0, 1.0)
    assert iap.Uniform(0, 1) != iap.Uniform(0, 2)
    assert iap.Uniform(0, 1) != iap.DiscreteUniform(0, 1)
    assert iap.Deterministic(1) != iap.Deterministic(1.0)
    assert iap.Positive(iap.Normal(0, 1)) != iap.ForceSign(iap.Normal(0, 1), positive=True)
    assert len({iap.Uniform(0, 1), iap.Uniform(0.0, 1.0), iap.Normal(0, 1)}) == 2


@pytest.mark.parametrize(
    ("data", "error", "match"),
    [
        ({"type": "Unifrom", "a": 0, "b": 1}, ParameterError, "'Unifrom'.*Uniform"),
        ({"type": "os.system"}, ParameterError, "unknown parameter type"),
        ({"a": 0}, ParameterError, "'type'"),
        ({"type": "Uniform", "a": 0, "c": 1}, ParameterError, "Uniform"),
        ({"type": "Normal", "loc": 0, "scale": -1}, ParameterError, "scale"),
        ("Uniform", ParameterTypeError, "dict"),
    ],
)
def test_from_dict_refuses_unknown_or_bad_input(data, error, match):
    with pytest.raises(error, match=match):
        iap.from_dict(data)


@settings(max_examples=40, deadline=None)
@given(loc=finite, scale=st.floats(0, 100), seed=st.integers(0, 1000))
def test_round_trip_property_for_nested_parameters(loc, scale, seed):
    param = iap.Clip(iap.Normal(iap.Uniform(loc, loc + 1), scale), minval=loc)
    rebuilt = iap.from_dict(json.loads(json.dumps(param.to_dict())))
    assert rebuilt == param
    np.testing.assert_array_equal(rebuilt.draw_samples(5, seed), param.draw_samples(5, seed))


def test_parameters_pickle():
    import pickle

    param = iap.Sigmoid.create_for_noise(iap.SimplexNoise())
    assert pickle.loads(pickle.dumps(param)) == param


def test_importing_parameters_does_not_import_heavy_modules():
    code = (
        "import sys, augkit.parameters; "
        "heavy = [m for m in ('cv2', 'scipy', 'skimage') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1])
