"""imgaug's random number API: the :class:`RNG` wrapper and its module functions.

Code written for imgaug 0.4 calls ``imgaug.random``; ``import augkit.random as
iarandom`` gives it these names (they live here and are re-exported there). An
:class:`RNG` wraps a :class:`numpy.random.Generator` on an ``SFC64`` bit generator,
as imgaug's does, so a seed draws the same numbers in both libraries.

Differences from imgaug, kept to the same call shapes:

* numpy 2 only: there is no ``RandomState`` fallback; a legacy ``RandomState`` given
  as a seed is turned into a generator (as imgaug did on numpy 1.17+).
* :func:`is_generator_equal_to` compares any bit generator, not only ``SFC64``.
* Wrong argument types raise :class:`augkit.errors.ParameterTypeError` (imgaug used
  ``assert``).

Augmenters keep their own seed sequences (see :mod:`augkit.random`); an :class:`RNG`
given as ``seed=``/``random_state=`` seeds one.

Examples
--------
>>> rng = RNG(1234)
>>> int(rng.integers(0, 1000)) == int(RNG(1234).integers(0, 1000))
True
"""

from __future__ import annotations

import copy as copylib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from augkit.errors import ParameterError, ParameterTypeError, describe

#: The bit generator of every generator made from a seed (imgaug's choice).
BIT_GENERATOR = np.random.SFC64
#: Seeds drawn by :func:`generate_seeds_` lie in ``[SEED_MIN_VALUE, SEED_MAX_VALUE)``.
SEED_MIN_VALUE = 0
SEED_MAX_VALUE = 2**31 - 1
#: imgaug's global RNG; created on first use by :func:`get_global_rng`.
GLOBAL_RNG: RNG | None = None

GeneratorInput = Any  # None, int, RNG, Generator, BitGenerator, SeedSequence, RandomState


def _delegate(name: str) -> Callable[..., Any]:
    """Return an RNG method that calls ``numpy.random.Generator.<name>``."""

    def method(self: RNG, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.generator, name)(*args, **kwargs)

    method.__name__ = name
    method.__qualname__ = f"RNG.{name}"
    method.__doc__ = f"Call :meth:`numpy.random.Generator.{name}` (same arguments)."
    return method


class RNG:
    """Random number generator: imgaug's wrapper around a numpy ``Generator``.

    Parameters
    ----------
    generator : None or int or RNG or numpy.random.Generator or numpy.random.BitGenerator \
or numpy.random.SeedSequence or numpy.random.RandomState
        * ``None``: wrap the global RNG's generator (sampling here advances it).
        * ``int``: seed a new ``Generator(SFC64(SeedSequence(int)))``.
        * ``RNG``: share that RNG's generator (no copy).
        * ``Generator``: wrap it (no copy); ``BitGenerator``: wrap it in a Generator.
        * ``SeedSequence``: a new ``SFC64`` generator on it.
        * ``RandomState``: a seed is drawn from it for a new generator.

    Attributes
    ----------
    generator : numpy.random.Generator
        The wrapped generator.

    Examples
    --------
    >>> import numpy as np
    >>> a = RNG(1).integers(0, 10, size=3)
    >>> b = np.random.Generator(np.random.SFC64(1)).integers(0, 10, size=3, dtype="int32")
    >>> bool((a == b).all())
    True
    """

    def __init__(self, generator: GeneratorInput) -> None:
        if isinstance(generator, RNG):
            self.generator: np.random.Generator = generator.generator
        else:
            self.generator = normalize_generator_(generator)

    def __repr__(self) -> str:
        name = type(self.generator.bit_generator).__name__
        return f"RNG({name}, global={self.is_global_rng()})"

    # ----------------------------------------------------------------- state
    @property
    def state(self) -> dict[str, Any]:
        """The bit generator's state (a copy; changing it does not affect the RNG).

        Examples
        --------
        >>> rng = RNG(0); saved = rng.state; first = rng.random(2)
        >>> rng.state = saved; bool((rng.random(2) == first).all())
        True
        """
        return get_generator_state(self.generator)

    @state.setter
    def state(self, value: dict[str, Any]) -> None:
        self.set_state_(value)

    def set_state_(self, value: dict[str, Any]) -> RNG:
        """Set the state in place (a value of :attr:`state`); return this RNG."""
        set_generator_state_(self.generator, value)
        return self

    def use_state_of_(self, other: RNG) -> RNG:
        """Copy *other*'s state into this RNG (in place); return this RNG."""
        return self.set_state_(other.state)

    def is_global_rng(self) -> bool:
        """Whether this RNG wraps the same generator object as the global RNG.

        Examples
        --------
        >>> RNG(None).is_global_rng(), RNG(0).is_global_rng()
        (True, False)
        """
        return get_global_rng().generator is self.generator

    def equals_global_rng(self) -> bool:
        """Whether this RNG's state equals the global RNG's (not necessarily the same object)."""
        return get_global_rng().equals(self)

    def equals(self, other: RNG) -> bool:
        """Whether this RNG and *other* have equal bit generator classes and states."""
        if not isinstance(other, RNG):
            raise ParameterTypeError(f"other: expected an RNG, got {describe(other)}")
        return is_generator_equal_to(self.generator, other.generator)

    def reset_cache_(self) -> RNG:
        """Drop the cached 32-bit half-draw of the bit generator; return this RNG."""
        reset_generator_cache_(self.generator)
        return self

    def advance_(self) -> RNG:
        """Advance the state by one draw (in place); return this RNG."""
        advance_generator_(self.generator)
        return self

    # ------------------------------------------------------ seeds and children
    def generate_seed_(self) -> int:
        """Draw one seed in ``[SEED_MIN_VALUE, SEED_MAX_VALUE)`` (advances the state)."""
        return generate_seed_(self.generator)

    def generate_seeds_(self, n: int) -> np.ndarray:
        """Draw *n* seeds as an int32 array (advances the state)."""
        return generate_seeds_(self.generator, n)

    def derive_rng_(self) -> RNG:
        """Return one child RNG (advances this RNG's state)."""
        return self.derive_rngs_(1)[0]

    def derive_rngs_(self, n: int) -> list[RNG]:
        """Return *n* child RNGs (advances this RNG's state).

        Examples
        --------
        >>> a, b = RNG(0).derive_rngs_(2)
        >>> a.equals(b)
        False
        """
        return [RNG(gen) for gen in derive_generators_(self.generator, n)]

    def copy(self) -> RNG:
        """Return an independent RNG in the same state (same future draws).

        Examples
        --------
        >>> rng = RNG(0); twin = rng.copy()
        >>> twin is not rng and bool(twin.integers(0, 100) == rng.integers(0, 100))
        True
        """
        return RNG(copy_generator(self.generator))

    def copy_unless_global_rng(self) -> RNG:
        """Return :meth:`copy`, or this RNG itself if it is the global RNG."""
        return self if self.is_global_rng() else self.copy()

    def duplicate(self, n: int) -> list[RNG]:
        """Return a list holding this same RNG object *n* times (no copies).

        Examples
        --------
        >>> rng = RNG(0); rng.duplicate(2) == [rng, rng]
        True
        """
        return [self] * n

    @classmethod
    def create_fully_random(cls) -> RNG:
        """Return an RNG seeded from operating-system entropy (ignores every seed)."""
        return cls(create_fully_random_generator())

    @classmethod
    def create_pseudo_random_(cls) -> RNG:
        """Return a child of the global RNG (advances the global RNG)."""
        return get_global_rng().derive_rng_()

    # --------------------------------------- sampling with imgaug's defaults
    def integers(self, low: Any, high: Any = None, size: Any = None, dtype: Any = "int32",
                 endpoint: bool = False) -> Any:
        """Call :meth:`numpy.random.Generator.integers`; *dtype* defaults to int32.

        Examples
        --------
        >>> RNG(0).integers(0, 10, size=2).dtype
        dtype('int32')
        """
        return polyfill_integers(self.generator, low, high=high, size=size, dtype=dtype,
                                 endpoint=endpoint)

    def random(self, size: Any, dtype: Any = "float32", out: np.ndarray | None = None) -> Any:
        """Call :meth:`numpy.random.Generator.random`; *dtype* defaults to float32.

        Examples
        --------
        >>> RNG(0).random(2).dtype
        dtype('float32')
        """
        return polyfill_random(self.generator, size=size, dtype=dtype, out=out)

    def standard_exponential(self, size: Any = None, dtype: Any = "float32",
                             method: str = "zig", out: np.ndarray | None = None) -> Any:
        """Call :meth:`numpy.random.Generator.standard_exponential`; float32 by default."""
        gen: Any = self.generator  # numpy's overloads cannot see through dtype=Any
        return gen.standard_exponential(size=size, dtype=dtype, method=method, out=out)

    def standard_gamma(self, shape: Any, size: Any = None, dtype: Any = "float32",
                       out: np.ndarray | None = None) -> Any:
        """Call :meth:`numpy.random.Generator.standard_gamma`; float32 by default."""
        return self.generator.standard_gamma(shape=shape, size=size, dtype=dtype, out=out)

    def standard_normal(self, size: Any = None, dtype: Any = "float32",
                        out: np.ndarray | None = None) -> Any:
        """Call :meth:`numpy.random.Generator.standard_normal`; float32 by default."""
        return self.generator.standard_normal(size=size, dtype=dtype, out=out)

    # ------------------------------------------- numpy's other distributions
    choice = _delegate("choice")
    bytes = _delegate("bytes")
    shuffle = _delegate("shuffle")
    permutation = _delegate("permutation")
    beta = _delegate("beta")
    binomial = _delegate("binomial")
    chisquare = _delegate("chisquare")
    dirichlet = _delegate("dirichlet")
    exponential = _delegate("exponential")
    f = _delegate("f")
    gamma = _delegate("gamma")
    geometric = _delegate("geometric")
    gumbel = _delegate("gumbel")
    hypergeometric = _delegate("hypergeometric")
    laplace = _delegate("laplace")
    logistic = _delegate("logistic")
    lognormal = _delegate("lognormal")
    logseries = _delegate("logseries")
    multinomial = _delegate("multinomial")
    multivariate_normal = _delegate("multivariate_normal")
    negative_binomial = _delegate("negative_binomial")
    noncentral_chisquare = _delegate("noncentral_chisquare")
    noncentral_f = _delegate("noncentral_f")
    normal = _delegate("normal")
    pareto = _delegate("pareto")
    poisson = _delegate("poisson")
    power = _delegate("power")
    rayleigh = _delegate("rayleigh")
    standard_cauchy = _delegate("standard_cauchy")
    standard_t = _delegate("standard_t")
    triangular = _delegate("triangular")
    uniform = _delegate("uniform")
    vonmises = _delegate("vonmises")
    wald = _delegate("wald")
    weibull = _delegate("weibull")
    zipf = _delegate("zipf")

    # ------------------------------------- numpy's legacy RandomState names
    def rand(self, *args: int) -> Any:
        """``RandomState.rand``: floats in ``[0, 1)`` of shape *args* (float32)."""
        return self.random(size=args)

    def randint(self, low: Any, high: Any = None, size: Any = None,
                dtype: Any = "int32") -> Any:
        """``RandomState.randint``: :meth:`integers` without the endpoint."""
        return self.integers(low=low, high=high, size=size, dtype=dtype, endpoint=False)

    def randn(self, *args: int) -> Any:
        """``RandomState.randn``: standard normal floats of shape *args* (float32)."""
        return self.standard_normal(size=args)

    def random_integers(self, low: Any, high: Any = None, size: Any = None) -> Any:
        """``RandomState.random_integers``: integers in ``[low, high]`` (``[1, low]``)."""
        if high is None:
            return self.integers(low=1, high=low, size=size, endpoint=True)
        return self.integers(low=low, high=high, size=size, endpoint=True)

    def random_sample(self, size: Any) -> Any:
        """``RandomState.random_sample``: float64 values in ``[0, 1)``."""
        return self.uniform(0.0, 1.0, size=size)

    def tomaxint(self, size: Any = None) -> Any:
        """``RandomState.tomaxint``: integers in ``[0, 2**31 - 1]``."""
        return self.integers(0, np.iinfo(np.int32).max, size=size, endpoint=True)


def supports_new_numpy_rng_style() -> bool:
    """Return True: numpy 2 always has the Generator interface.

    Examples
    --------
    >>> supports_new_numpy_rng_style()
    True
    """
    return True


def get_global_rng() -> RNG:
    """Return imgaug's global RNG, creating it on first use.

    Its first seed is drawn from ``numpy.random``'s legacy global state, as in imgaug,
    so ``np.random.seed(...)`` before the first use fixes it.

    Examples
    --------
    >>> get_global_rng() is get_global_rng()
    True
    """
    global GLOBAL_RNG
    if GLOBAL_RNG is None:
        GLOBAL_RNG = RNG(convert_seed_to_generator(generate_seed_(np.random)))
    return GLOBAL_RNG


def seed(entropy: int | None) -> None:
    """Seed the global RNG in place (``None``: fresh operating-system entropy).

    ``augkit.seed`` / ``augkit.random.seed`` call this as well as seeding augkit's
    own streams.

    Examples
    --------
    >>> seed(3); a = get_global_rng().integers(0, 100)
    >>> seed(3); bool(a == get_global_rng().integers(0, 100))
    True
    """
    get_global_rng().state = dict(BIT_GENERATOR(entropy).state)


def normalize_generator(generator: GeneratorInput) -> np.random.Generator:
    """Return a numpy Generator for any :class:`RNG` input, never the given object.

    Examples
    --------
    >>> gen = np.random.default_rng(0)
    >>> normalize_generator(gen) is gen
    False
    """
    return normalize_generator_(copylib.deepcopy(generator))


def normalize_generator_(generator: GeneratorInput) -> np.random.Generator:
    """Return a numpy Generator for any :class:`RNG` input, reusing it when possible.

    A Generator is returned itself (its cached half-draw reset); see :class:`RNG`
    for the other inputs.

    Examples
    --------
    >>> gen = np.random.default_rng(0)
    >>> normalize_generator_(gen) is gen
    True
    """
    if generator is None:
        return get_global_rng().generator
    if isinstance(generator, RNG):
        return generator.generator
    if isinstance(generator, np.random.SeedSequence):
        return convert_seed_sequence_to_generator(generator)
    if isinstance(generator, np.random.BitGenerator):
        return reset_generator_cache_(np.random.Generator(generator))
    if isinstance(generator, np.random.Generator):
        return reset_generator_cache_(generator)
    if isinstance(generator, np.random.RandomState):
        return convert_seed_to_generator(generate_seed_(generator))
    if isinstance(generator, (int, np.integer)) and not isinstance(generator, bool):
        return convert_seed_to_generator(int(generator))
    raise ParameterTypeError(
        "generator: expected None, an int, an RNG, a numpy Generator, BitGenerator, "
        f"SeedSequence or RandomState, got {describe(generator)}"
    )


def convert_seed_to_generator(entropy: int) -> np.random.Generator:
    """Return ``Generator(SFC64(SeedSequence(entropy)))``.

    Examples
    --------
    >>> float(convert_seed_to_generator(1).random()) == float(RNG(1).generator.random())
    True
    """
    if int(entropy) < 0:
        raise ParameterError(f"entropy: expected an int >= 0, got {entropy!r}")
    return convert_seed_sequence_to_generator(np.random.SeedSequence(int(entropy)))


def convert_seed_sequence_to_generator(seed_sequence: np.random.SeedSequence
                                       ) -> np.random.Generator:
    """Return a Generator on an ``SFC64`` bit generator seeded by *seed_sequence*.

    Examples
    --------
    >>> type(convert_seed_sequence_to_generator(np.random.SeedSequence(1)).bit_generator)
    <class 'numpy.random._sfc64.SFC64'>
    """
    return np.random.Generator(BIT_GENERATOR(seed_sequence))


def create_pseudo_random_generator_() -> np.random.Generator:
    """Return a generator seeded by a seed drawn from the global RNG (advances it).

    Examples
    --------
    >>> seed(1); a = create_pseudo_random_generator_().integers(0, 100)
    >>> seed(1); bool(a == create_pseudo_random_generator_().integers(0, 100))
    True
    """
    return convert_seed_to_generator(generate_seed_(get_global_rng().generator))


def create_fully_random_generator() -> np.random.Generator:
    """Return a generator seeded from operating-system entropy.

    Examples
    --------
    >>> type(create_fully_random_generator().bit_generator).__name__
    'SFC64'
    """
    return np.random.Generator(BIT_GENERATOR())


def generate_seed_(generator: Any) -> int:
    """Draw one seed in ``[SEED_MIN_VALUE, SEED_MAX_VALUE)`` from *generator*.

    Examples
    --------
    >>> 0 <= generate_seed_(np.random.default_rng(1)) < SEED_MAX_VALUE
    True
    """
    return int(generate_seeds_(generator, 1)[0])


def generate_seeds_(generator: Any, n: int) -> np.ndarray:
    """Draw *n* seeds (int32 array) from a Generator or a legacy RandomState.

    Examples
    --------
    >>> generate_seeds_(np.random.default_rng(1), 3).shape
    (3,)
    """
    return polyfill_integers(generator, SEED_MIN_VALUE, SEED_MAX_VALUE, size=(n,))


def copy_generator(generator: np.random.Generator) -> np.random.Generator:
    """Return a new generator with a copy of *generator*'s bit generator state.

    Examples
    --------
    >>> gen = np.random.default_rng(5)
    >>> float(copy_generator(gen).random()) == float(gen.random())
    True
    """
    bit_generator = type(generator.bit_generator)(1)
    bit_generator.state = copylib.deepcopy(generator.bit_generator.state)
    return np.random.Generator(bit_generator)


def copy_generator_unless_global_generator(generator: np.random.Generator
                                           ) -> np.random.Generator:
    """Return :func:`copy_generator`, or *generator* itself if it is the global one.

    Examples
    --------
    >>> gen = get_global_rng().generator
    >>> copy_generator_unless_global_generator(gen) is gen
    True
    """
    if generator is get_global_rng().generator:
        return generator
    return copy_generator(generator)


def reset_generator_cache_(generator: np.random.Generator) -> np.random.Generator:
    """Drop the bit generator's cached 32-bit half-draw (in place); return *generator*.

    Examples
    --------
    >>> gen = np.random.default_rng(0); _ = gen.integers(0, 9, dtype=np.int32)
    >>> reset_generator_cache_(gen).bit_generator.state["has_uint32"]
    0
    """
    state = dict(generator.bit_generator.state)
    if state.get("has_uint32"):
        state["has_uint32"] = 0
        generator.bit_generator.state = state
    return generator


def derive_generator_(generator: np.random.Generator) -> np.random.Generator:
    """Return one child generator of *generator* (advances it).

    Examples
    --------
    >>> isinstance(derive_generator_(np.random.default_rng(0)), np.random.Generator)
    True
    """
    return derive_generators_(generator, n=1)[0]


def derive_generators_(generator: np.random.Generator, n: int) -> list[np.random.Generator]:
    """Return *n* child generators of *generator* (advances it).

    As in imgaug: two int32 seeds are drawn, the second seeds a SeedSequence whose
    *n* spawned children each seed an ``SFC64`` generator.

    Examples
    --------
    >>> len(derive_generators_(np.random.default_rng(0), 3))
    3
    """
    if isinstance(generator, np.random.RandomState):
        generator = normalize_generator_(generator)
    entropy = generator.integers(SEED_MIN_VALUE, SEED_MAX_VALUE, dtype="int32", size=(2,))[-1]
    children = np.random.SeedSequence(int(entropy)).spawn(n)
    return [convert_seed_sequence_to_generator(child) for child in children]


def get_generator_state(generator: np.random.Generator) -> dict[str, Any]:
    """Return the state dict of *generator*'s bit generator (a copy).

    Examples
    --------
    >>> get_generator_state(np.random.default_rng(0))["bit_generator"]
    'PCG64'
    """
    return dict(generator.bit_generator.state)


def set_generator_state_(generator: np.random.Generator, state: dict[str, Any]) -> None:
    """Set *generator*'s bit generator state in place (a :func:`get_generator_state` value).

    Examples
    --------
    >>> gen = np.random.default_rng(0); state = get_generator_state(gen)
    >>> first = gen.random(); set_generator_state_(gen, state)
    >>> gen.random() == first
    True
    """
    generator.bit_generator.state = state


def _states_equal(first: Any, second: Any) -> bool:
    if isinstance(first, dict) and isinstance(second, dict):
        return first.keys() == second.keys() and all(
            _states_equal(first[key], second[key]) for key in first)
    if isinstance(first, np.ndarray) or isinstance(second, np.ndarray):
        return bool(np.array_equal(first, second))
    return bool(first == second)


def is_generator_equal_to(generator: np.random.Generator,
                          other_generator: np.random.Generator) -> bool:
    """Whether two generators have the same bit generator class and state.

    Any bit generator is compared (imgaug supported only ``SFC64``); the cached
    half-draw counts only while it is set.

    Examples
    --------
    >>> is_generator_equal_to(np.random.default_rng(1), np.random.default_rng(1))
    True
    """
    if type(generator.bit_generator) is not type(other_generator.bit_generator):
        return False
    state1 = dict(get_generator_state(generator))
    state2 = dict(get_generator_state(other_generator))
    for state in (state1, state2):
        if not state.get("has_uint32", 1):
            state.pop("uinteger", None)
    return _states_equal(state1, state2)


def advance_generator_(generator: np.random.Generator) -> None:
    """Advance *generator* by one draw in place (after dropping its cached half-draw).

    Examples
    --------
    >>> gen, twin = np.random.default_rng(0), np.random.default_rng(0)
    >>> advance_generator_(gen); gen.random() == twin.random()
    False
    """
    reset_generator_cache_(generator)
    generator.random()


def polyfill_integers(generator: Any, low: Any, high: Any = None, size: Any = None,
                      dtype: Any = "int32", endpoint: bool = False) -> Any:
    """Call ``integers`` on a Generator or ``randint`` on a legacy RandomState.

    Examples
    --------
    >>> int(polyfill_integers(np.random.RandomState(0), 0, 1, endpoint=True)) in (0, 1)
    True
    """
    if hasattr(generator, "randint"):
        if endpoint:
            if high is None:
                low, high = 0, low + 1
            else:
                high = high + 1
        return generator.randint(low=low, high=high, size=size, dtype=dtype)
    return generator.integers(low=low, high=high, size=size, dtype=dtype, endpoint=endpoint)


def polyfill_random(generator: Any, size: Any, dtype: Any = "float32",
                    out: np.ndarray | None = None) -> Any:
    """Call ``random`` on a Generator or ``random_sample`` on a legacy RandomState.

    Examples
    --------
    >>> polyfill_random(np.random.default_rng(0), (2,)).dtype
    dtype('float32')
    """
    if hasattr(generator, "random_sample"):
        result = generator.random_sample(size=size).astype(dtype)
        if out is not None:
            if out.dtype != result.dtype:
                raise ParameterTypeError(
                    f"out: expected dtype {result.dtype.name}, got {out.dtype.name}")
            out[...] = result
        return result
    return generator.random(size=size, dtype=dtype, out=out)


@contextmanager
def temporary_numpy_seed(entropy: int | None = None) -> Iterator[None]:
    """Seed ``numpy.random``'s global state inside a ``with`` block, then restore it.

    With ``entropy=None`` the block changes nothing.

    Examples
    --------
    >>> with temporary_numpy_seed(1):
    ...     a = np.random.randint(0, 1000)
    >>> with temporary_numpy_seed(1):
    ...     b = np.random.randint(0, 1000)
    >>> a == b
    True
    """
    if entropy is None:
        yield
        return
    state = np.random.get_state()  # noqa: NPY002 - this helper is about the legacy state
    np.random.seed(entropy)  # noqa: NPY002
    try:
        yield
    finally:
        np.random.set_state(state)  # noqa: NPY002


__all__ = [
    "BIT_GENERATOR",
    "GLOBAL_RNG",
    "RNG",
    "SEED_MAX_VALUE",
    "SEED_MIN_VALUE",
    "advance_generator_",
    "convert_seed_sequence_to_generator",
    "convert_seed_to_generator",
    "copy_generator",
    "copy_generator_unless_global_generator",
    "create_fully_random_generator",
    "create_pseudo_random_generator_",
    "derive_generator_",
    "derive_generators_",
    "generate_seed_",
    "generate_seeds_",
    "get_generator_state",
    "get_global_rng",
    "is_generator_equal_to",
    "normalize_generator",
    "normalize_generator_",
    "polyfill_integers",
    "polyfill_random",
    "reset_generator_cache_",
    "seed",
    "set_generator_state_",
    "supports_new_numpy_rng_style",
    "temporary_numpy_seed",
]
