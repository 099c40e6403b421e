"""imgaug 0.4.0's parameter helpers and methods on ``augkit.parameters`` (issue 13)."""

from __future__ import annotations

import copy

import numpy as np
import pytest

import augkit
from augkit import parameters as iap
from augkit.errors import ParameterError, ParameterTypeError

MODES = ["constant", "edge", "reflect"]


class TestHandleCategoricalStringParam:
    def test_string_becomes_deterministic(self):
        param = iap.handle_categorical_string_param("edge", "mode", MODES)
        assert param == iap.Deterministic("edge")
        assert param.draw_samples(2, 0).tolist() == ["edge", "edge"]

    def test_all_becomes_choice_of_valid_values(self):
        param = iap.handle_categorical_string_param(augkit.ALL, "mode", MODES)
        assert isinstance(param, iap.Choice)
        assert param.a == MODES

    def test_all_without_valid_values_is_the_string_all(self):
        assert iap.handle_categorical_string_param("ALL", "mode") == iap.Deterministic("ALL")

    def test_list_becomes_choice(self):
        param = iap.handle_categorical_string_param(["edge", "constant"], "mode", MODES)
        assert param.a == ["edge", "constant"]
        assert set(param.draw_samples(50, 1).tolist()) == {"edge", "constant"}

    def test_any_string_when_no_valid_values(self):
        assert iap.handle_categorical_string_param("x", "mode").value == "x"
        assert iap.handle_categorical_string_param(["x", "y"], "mode").a == ["x", "y"]

    def test_parameter_passes_through(self):
        param = iap.Choice(["edge"])
        assert iap.handle_categorical_string_param(param, "mode", MODES) is param

    def test_invalid_string_names_argument_and_choices(self):
        with pytest.raises(ParameterError, match=r"mode: expected one of \{'constant'"):
            iap.handle_categorical_string_param("wrap", "mode", MODES)

    def test_invalid_list_entry_is_located(self):
        with pytest.raises(ParameterError, match=r"mode\[1\]"):
            iap.handle_categorical_string_param(["edge", "wrap"], "mode", MODES)
        with pytest.raises(ParameterTypeError, match=r"mode\[0\]"):
            iap.handle_categorical_string_param([1], "mode", MODES)
        with pytest.raises(ParameterError, match="non-empty"):
            iap.handle_categorical_string_param([], "mode", MODES)

    def test_wrong_type(self):
        with pytest.raises(ParameterTypeError, match="mode: expected augkit.ALL, a string"):
            iap.handle_categorical_string_param(3, "mode", MODES)
        with pytest.raises(ParameterTypeError, match="mode: expected a string"):
            iap.handle_categorical_string_param(("a", "b"), "mode")


class TestFloatDtypeHelpers:
    def test_force_np_float_dtype(self):
        ints = np.array([1, 2], np.int16)
        floats = np.array([1.5], np.float32)
        assert iap.force_np_float_dtype(ints).dtype == np.float64
        assert iap.force_np_float_dtype(ints).tolist() == [1.0, 2.0]
        assert iap.force_np_float_dtype(floats) is floats

    @pytest.mark.parametrize(("dtype_a", "dtype_b", "expected"), [
        ("float32", "float16", ("float32", "float16")),
        ("float32", "int8", ("float32", "float64")),
        ("uint8", "float16", ("float64", "float16")),
        ("uint8", "int32", ("float64", "float64")),
    ])
    def test_both_np_float_if_one_is_float(self, dtype_a, dtype_b, expected):
        a, b = np.zeros(2, dtype_a), np.ones(2, dtype_b)
        a2, b2 = iap.both_np_float_if_one_is_float(a, b)
        assert (a2.dtype.name, b2.dtype.name) == expected
        if dtype_a.startswith("float"):
            assert a2 is a
        assert b2.tolist() == [1.0, 1.0]


class TestDivisionForms:
    def test_div_and_rdiv_are_divide(self):
        param = iap.Deterministic(6)
        assert param.__div__(2) == iap.Divide(param, 2)
        assert param.__rdiv__(12) == iap.Divide(12, param)
        assert param.__truediv__(3).draw_sample() == 2.0
        assert (12 / param).draw_sample() == 2.0

    def test_div_by_parameter(self):
        assert float((iap.Deterministic(6) / iap.Deterministic(4)).draw_sample()) == 1.5


class TestValue:
    def test_deterministic_value(self):
        assert iap.Deterministic(10).value == 10
        assert iap.Deterministic("edge").value == "edge"

    def test_binomial_p_value(self):
        # imgaug code reads a fixed probability as ``aug.p.p.value``
        assert iap.Binomial(0.25).p.value == 0.25
        assert augkit.get("Fliplr", p=0.3).p.p.value == 0.3


ALL_PARAMETERS = [
    iap.Deterministic(1), iap.DeterministicList([1, 2]), iap.Choice([1, 2]), iap.Uniform(0, 1),
    iap.DiscreteUniform(0, 3), iap.Normal(0, 1), iap.TruncatedNormal(0, 1, -1, 1),
    iap.Laplace(0, 1), iap.ChiSquare(2), iap.Weibull(1), iap.Beta(1, 2), iap.Poisson(2),
    iap.Binomial(0.5), iap.Clip(iap.Normal(0, 1), -1, 1), iap.Discretize(iap.Normal(0, 1)),
    iap.Absolute(iap.Normal(0, 1)), iap.RandomSign(iap.Uniform(1, 2)),
    iap.ForceSign(iap.Normal(0, 1), positive=True), iap.Positive(iap.Normal(0, 1)),
    iap.Negative(iap.Normal(0, 1)), iap.Multiply(iap.Uniform(0, 1), 2),
    iap.Divide(iap.Uniform(1, 2), 2), iap.Add(iap.Uniform(0, 1), 1),
    iap.Subtract(iap.Uniform(0, 1), 1), iap.Power(iap.Uniform(1, 2), 2),
    iap.Sigmoid(iap.Uniform(0, 1)), iap.SimplexNoise(), iap.FrequencyNoise(),
    iap.IterativeNoiseAggregator(iap.SimplexNoise()),
    iap.FromLowerResolution(iap.Binomial(0.5), size_px=4),
]


@pytest.mark.parametrize("param", ALL_PARAMETERS, ids=lambda p: type(p).__name__)
def test_copy_and_deepcopy_on_every_parameter(param):
    shallow, deep = param.copy(), param.deepcopy()
    assert type(shallow) is type(param) and shallow is not param
    assert shallow == param and deep == param
    size = (2, 4, 4) if isinstance(param, (iap.SimplexNoise, iap.FrequencyNoise,
                                          iap.IterativeNoiseAggregator,
                                          iap.FromLowerResolution, iap.Sigmoid)) else (5,)
    assert np.array_equal(deep.draw_samples(size, 3), param.draw_samples(size, 3))
    assert type(copy.deepcopy(param)) is type(param)


def test_deepcopy_copies_children_shallow_copy_shares_them():
    param = iap.Normal(iap.Uniform(0, 1), 1)
    assert param.copy().loc is param.loc
    assert param.deepcopy().loc is not param.loc


def test_every_registered_parameter_class_is_covered_by_the_copy_test():
    covered = {type(p).__name__ for p in ALL_PARAMETERS}
    public = {name for name in iap.__all__ if isinstance(getattr(iap, name), type)
              and issubclass(getattr(iap, name), iap.StochasticParameter)}
    assert public - {"StochasticParameter"} <= covered


class TestDrawDistributionGraph:
    def test_shape_and_bars(self):
        graph = iap.Deterministic(1.0).draw_distribution_graph(size=(2, 10), title=False)
        assert graph.shape == (480, 640, 3) and graph.dtype == np.uint8
        # one bin holds every sample: a bar of imgaug's blue fills the plot's height
        blue = np.all(graph == (64, 64, 255), axis=2)
        assert blue.any()
        columns = np.flatnonzero(blue.any(axis=0))
        assert blue[:, columns[0]].sum() > 300

    def test_uniform_has_flat_bars(self):
        graph = iap.Uniform(0, 1).draw_distribution_graph(size=(10, 2000), bins=4, title=False)
        blue = np.all(graph == (64, 64, 255), axis=2)
        heights = blue.sum(axis=0)
        heights = heights[heights > 0]
        assert heights.min() > 0.9 * heights.max()

    def test_title_is_drawn_unless_false(self):
        with_title = iap.Uniform(0, 1).draw_distribution_graph(size=(1, 10), title="Uniform")
        without = iap.Uniform(0, 1).draw_distribution_graph(size=(1, 10), title=False)
        dark = np.all(with_title[:20] < 100, axis=2).sum()
        assert dark > 0 and np.all(without[:20] < 100, axis=2).sum() == 0

    def test_bad_size(self):
        with pytest.raises(ParameterTypeError, match="size: expected a tuple of at least two"):
            iap.Uniform(0, 1).draw_distribution_graph(size=(100,))
        with pytest.raises(ParameterError, match="bins"):
            iap.Uniform(0, 1).draw_distribution_graph(size=(1, 5), bins=0)


class TestDrawDistributionsGrid:
    def test_grid_shape(self):
        grid = iap.draw_distributions_grid(
            [iap.Uniform(0, 1), iap.Normal(0, 1), iap.Poisson(1)],
            sample_sizes=[(1, 20)] * 3, graph_sizes=(20, 30), cols=3)
        assert grid.shape == (20, 90, 3)

    def test_rows(self):
        grid = iap.draw_distributions_grid([iap.Uniform(0, 1)] * 2, sample_sizes=[(1, 5)] * 2,
                                           graph_sizes=(10, 12), rows=2, titles=False)
        assert grid.shape == (20, 12, 3)

    def test_titles_must_match(self):
        with pytest.raises(ParameterError, match="one entry per parameter"):
            iap.draw_distributions_grid([iap.Uniform(0, 1)], titles=["a", "b"])
