"""imgaug's ``imgaug.random`` API on ``augkit.random``: RNG and module functions."""

from __future__ import annotations

import numpy as np
import pytest

import augkit
import augkit.random as iarandom
from augkit.errors import ParameterTypeError


def _sfc64(entropy: int) -> np.random.Generator:
    return np.random.Generator(np.random.SFC64(np.random.SeedSequence(entropy)))


def test_constants_match_imgaug():
    assert iarandom.SEED_MIN_VALUE == 0
    assert iarandom.SEED_MAX_VALUE == 2**31 - 1
    assert iarandom.BIT_GENERATOR is np.random.SFC64


def test_rng_from_int_draws_what_imgaug_draws():
    values = iarandom.RNG(1).integers(0, 10, size=3)
    assert values.dtype == np.int32
    assert values.tolist() == _sfc64(1).integers(0, 10, size=3, dtype="int32").tolist()


def test_rng_random_defaults_to_float32():
    values = iarandom.RNG(2).random(4)
    assert values.dtype == np.float32
    assert values.tolist() == _sfc64(2).random(4, dtype=np.float32).tolist()


@pytest.mark.parametrize("make", [
    lambda: np.random.SeedSequence(7),
    lambda: np.random.SFC64(np.random.SeedSequence(7)),
    lambda: _sfc64(7),
])
def test_rng_from_seedsequence_bitgenerator_generator(make):
    assert iarandom.RNG(make()).normal(size=2).tolist() == _sfc64(7).normal(size=2).tolist()


def test_rng_from_rng_and_generator_share_the_generator():
    gen = _sfc64(3)
    first = iarandom.RNG(gen)
    second = iarandom.RNG(first)
    assert first.generator is gen and second.generator is gen


def test_rng_none_is_the_global_rng():
    rng = iarandom.RNG(None)
    assert rng.is_global_rng()
    assert rng.generator is iarandom.get_global_rng().generator
    assert not iarandom.RNG(1).is_global_rng()


def test_rng_from_legacy_randomstate_draws_a_seed():
    seed = np.random.RandomState(5).randint(0, 2**31 - 1, size=(1,), dtype="int32")[0]
    expected = _sfc64(int(seed)).integers(0, 100, size=3, dtype="int32")
    assert iarandom.RNG(np.random.RandomState(5)).integers(0, 100, size=3).tolist() == \
        expected.tolist()


def test_rng_rejects_other_types():
    with pytest.raises(ParameterTypeError, match="generator"):
        iarandom.RNG("seed")


def test_global_rng_attribute_and_seeding():
    iarandom.seed(11)
    assert iarandom.GLOBAL_RNG is iarandom.get_global_rng()
    assert iarandom.get_global_rng().equals(iarandom.RNG(np.random.SFC64(11)))


def test_augkit_seed_seeds_the_global_rng_and_the_augmenters():
    augkit.get("Dropout")  # load the plugins first
    augkit.seed(5)
    first = iarandom.get_global_rng().integers(0, 1000, size=4).tolist()
    aug_first = augkit.get("Dropout", p=0.5)(image=np.full((8, 8, 1), 9, np.uint8))
    augkit.seed(5)
    assert iarandom.get_global_rng().integers(0, 1000, size=4).tolist() == first
    aug_second = augkit.get("Dropout", p=0.5)(image=np.full((8, 8, 1), 9, np.uint8))
    assert (aug_first == aug_second).all()
    augkit.seed(None, seedval=5)  # imgaug's deprecated keyword
    assert iarandom.get_global_rng().integers(0, 1000, size=4).tolist() == first


def test_state_copy_and_use_state_of():
    rng = iarandom.RNG(4)
    state = rng.state
    before = rng.integers(0, 1000, size=5).tolist()
    rng.state = state
    assert rng.integers(0, 1000, size=5).tolist() == before
    other = iarandom.RNG(99).use_state_of_(iarandom.RNG(4))
    assert other.integers(0, 1000, size=5).tolist() == before


def test_copy_is_independent_and_equal():
    rng = iarandom.RNG(8)
    twin = rng.copy()
    assert twin.generator is not rng.generator and twin.equals(rng)
    assert twin.random(3).tolist() == rng.random(3).tolist()
    assert iarandom.get_global_rng().copy_unless_global_rng() is iarandom.get_global_rng()
    assert rng.copy_unless_global_rng() is not rng


def test_duplicate_returns_the_same_object():
    rng = iarandom.RNG(1)
    assert rng.duplicate(3) == [rng, rng, rng]


def test_derive_rngs_follow_imgaugs_derivation():
    rng = iarandom.RNG(6)
    children = rng.derive_rngs_(2)
    seed = _sfc64(6).integers(0, 2**31 - 1, dtype="int32", size=(2,))[-1]
    expected = [np.random.Generator(np.random.SFC64(seq))
                for seq in np.random.SeedSequence(int(seed)).spawn(2)]
    for child, gen in zip(children, expected):
        assert child.integers(0, 1000, size=3).tolist() == \
            gen.integers(0, 1000, size=3, dtype="int32").tolist()
    assert not rng.equals(iarandom.RNG(6))  # deriving advanced the parent
    assert isinstance(iarandom.RNG(6).derive_rng_(), iarandom.RNG)


def test_generate_seeds_and_equality_with_global():
    seeds = iarandom.RNG(3).generate_seeds_(4)
    assert seeds.dtype == np.int32 and seeds.tolist() == \
        _sfc64(3).integers(0, 2**31 - 1, size=(4,), dtype="int32").tolist()
    assert iarandom.RNG(3).generate_seed_() == seeds[0]
    copy = iarandom.get_global_rng().copy()
    assert copy.equals_global_rng() and not copy.is_global_rng()


def test_reset_cache_and_advance():
    rng = iarandom.RNG(2)
    rng.integers(0, 10, dtype="int32")  # leaves a cached 32-bit half
    assert rng.state["has_uint32"] == 1
    assert rng.reset_cache_().state["has_uint32"] == 0
    before = rng.state["state"]["state"].copy()
    rng.advance_()
    assert not np.array_equal(before, rng.state["state"]["state"])


def test_create_fully_random_and_pseudo_random():
    assert not iarandom.RNG.create_fully_random().is_global_rng()
    iarandom.seed(1)
    first = iarandom.RNG.create_pseudo_random_().integers(0, 10**6)
    iarandom.seed(1)
    assert iarandom.RNG.create_pseudo_random_().integers(0, 10**6) == first


@pytest.mark.parametrize(("name", "kwargs"), [
    ("beta", {"a": 1.0, "b": 2.0}), ("binomial", {"n": 5, "p": 0.5}),
    ("poisson", {"lam": 3.0}), ("uniform", {"low": 1.0, "high": 2.0}),
    ("normal", {"loc": 1.0, "scale": 2.0}), ("chisquare", {"df": 2.0}),
    ("dirichlet", {"alpha": [1.0, 2.0]}), ("exponential", {"scale": 2.0}),
    ("f", {"dfnum": 2.0, "dfden": 3.0}), ("gamma", {"shape": 2.0}),
    ("geometric", {"p": 0.3}), ("gumbel", {}), ("hypergeometric",
                                                {"ngood": 5, "nbad": 5, "nsample": 3}),
    ("laplace", {}), ("logistic", {}), ("lognormal", {}), ("logseries", {"p": 0.5}),
    ("multinomial", {"n": 5, "pvals": [0.5, 0.5]}),
    ("multivariate_normal", {"mean": [0.0, 0.0], "cov": [[1.0, 0.0], [0.0, 1.0]]}),
    ("negative_binomial", {"n": 3, "p": 0.5}), ("noncentral_chisquare", {"df": 2, "nonc": 1}),
    ("noncentral_f", {"dfnum": 2, "dfden": 3, "nonc": 1}), ("pareto", {"a": 2.0}),
    ("power", {"a": 2.0}), ("rayleigh", {}), ("standard_cauchy", {}),
    ("standard_t", {"df": 3}), ("triangular", {"left": 0, "mode": 1, "right": 2}),
    ("vonmises", {"mu": 0.0, "kappa": 1.0}), ("wald", {"mean": 1.0, "scale": 1.0}),
    ("weibull", {"a": 2.0}), ("zipf", {"a": 2.0}), ("choice", {"a": 10}),
])
def test_distribution_methods_call_numpy(name, kwargs):
    got = getattr(iarandom.RNG(9), name)(size=2, **kwargs)
    expected = getattr(_sfc64(9), name)(size=2, **kwargs)
    np.testing.assert_array_equal(got, expected)


def test_float32_defaults_of_standard_distributions():
    rng = iarandom.RNG(1)
    assert rng.standard_normal(2).dtype == np.float32
    assert rng.standard_exponential(2).dtype == np.float32
    assert rng.standard_gamma(2.0, size=2).dtype == np.float32


def test_bytes_shuffle_permutation():
    assert iarandom.RNG(1).bytes(4) == _sfc64(1).bytes(4)
    values = np.arange(5)
    iarandom.RNG(1).shuffle(values)
    assert values.tolist() == _sfc64(1).permutation(5).tolist()
    assert iarandom.RNG(1).permutation(5).tolist() == values.tolist()


def test_legacy_randomstate_methods():
    rng = iarandom.RNG(1)
    assert rng.rand(2, 3).shape == (2, 3)
    assert rng.randn(4).shape == (4,)
    assert iarandom.RNG(1).randint(0, 5, size=3).tolist() == \
        _sfc64(1).integers(0, 5, size=3, dtype="int32").tolist()
    assert set(iarandom.RNG(1).random_integers(2, size=50).tolist()) <= {1, 2}
    assert iarandom.RNG(1).random_sample(2).dtype == np.float64
    assert 0 <= iarandom.RNG(1).tomaxint() <= 2**31 - 1


def test_normalize_generator_copies_and_normalize_generator_keeps():
    gen = _sfc64(1)
    assert iarandom.normalize_generator_(gen) is gen
    copied = iarandom.normalize_generator(gen)
    assert copied is not gen and iarandom.is_generator_equal_to(copied, gen)
    assert iarandom.normalize_generator_(None) is iarandom.get_global_rng().generator


def test_convert_seed_functions_and_copy_generator():
    gen = iarandom.convert_seed_to_generator(4)
    assert isinstance(gen.bit_generator, np.random.SFC64)
    assert iarandom.is_generator_equal_to(gen, _sfc64(4))
    seq_gen = iarandom.convert_seed_sequence_to_generator(np.random.SeedSequence(4))
    assert iarandom.is_generator_equal_to(seq_gen, gen)
    copy = iarandom.copy_generator(gen)
    assert copy.random() == gen.random()


def test_derive_generator_and_states():
    gen = _sfc64(1)
    child = iarandom.derive_generator_(gen)
    assert len(iarandom.derive_generators_(gen, 3)) == 3
    state = iarandom.get_generator_state(child)
    value = child.random()
    iarandom.set_generator_state_(child, state)
    assert child.random() == value


def test_is_generator_equal_to_any_bit_generator():
    assert iarandom.is_generator_equal_to(np.random.default_rng(1), np.random.default_rng(1))
    assert not iarandom.is_generator_equal_to(np.random.default_rng(1),
                                              np.random.default_rng(2))
    assert not iarandom.is_generator_equal_to(np.random.default_rng(1), _sfc64(1))


def test_polyfills_accept_generator_and_randomstate():
    assert iarandom.polyfill_integers(_sfc64(1), 0, 10, size=3).tolist() == \
        _sfc64(1).integers(0, 10, size=3, dtype="int32").tolist()
    values = iarandom.polyfill_integers(np.random.RandomState(1), 3, size=100, endpoint=True)
    assert set(values.tolist()) <= {0, 1, 2, 3}
    assert iarandom.polyfill_random(np.random.RandomState(1), (2,)).dtype == np.float32
    out = np.zeros(2, np.float32)
    iarandom.polyfill_random(_sfc64(1), (2,), out=out)
    assert out.tolist() == _sfc64(1).random(2, dtype=np.float32).tolist()


def test_temporary_numpy_seed_restores_the_state():
    before = np.random.get_state()[1].copy()  # noqa: NPY002
    with iarandom.temporary_numpy_seed(1):
        inside = np.random.randint(0, 1000)  # noqa: NPY002
    assert np.array_equal(np.random.get_state()[1], before)  # noqa: NPY002
    with iarandom.temporary_numpy_seed(1):
        assert np.random.randint(0, 1000) == inside  # noqa: NPY002
    with iarandom.temporary_numpy_seed():
        np.random.randint(0, 10)  # noqa: NPY002
    assert not np.array_equal(np.random.get_state()[1], before)  # noqa: NPY002


@pytest.mark.parametrize("make", [
    lambda: iarandom.RNG(3), lambda: np.random.SFC64(3), lambda: np.random.RandomState(3),
    lambda: np.random.default_rng(3),
])
def test_augmenters_accept_rngs_and_generators_as_seed(make):
    image = np.full((16, 16, 1), 200, np.uint8)
    first = augkit.get("Dropout", p=0.5, seed=make())(image=image)
    second = augkit.get("Dropout", p=0.5, random_state=make())(image=image)
    assert (first == second).all()
    assert 0 < (first == 0).sum() < first.size
