"""Stochastic parameters: the random values behind every augmenter argument.

A :class:`StochasticParameter` draws arrays of values with
``draw_samples(size, random_state)``. Every stochastic augmenter argument accepts
either such a parameter or a *shorthand*, which the ``handle_*`` functions of this
module turn into a parameter once, at construction:

==========================  =====================================================
given                       becomes
==========================  =====================================================
``3.5``                     ``Deterministic(3.5)``, always that value
``(a, b)``                  ``Uniform(a, b)``; ``DiscreteUniform(a, b)`` (both ends
                            included) for integer arguments
``[a, b, c]``               ``Choice([a, b, c])``, one of the entries
a ``StochasticParameter``   itself, so distributions compose:
                            ``Clip(Normal(Uniform(0.5, 1.5), 0.1), 0.1, 3.0)``
==========================  =====================================================

Probabilities (``p=0.5`` or ``True``) become ``Binomial(p)``. A value that is not
accepted raises :class:`~augkit.errors.ParameterError` (a bad value) or
:class:`~augkit.errors.ParameterTypeError` (a bad type) whose message names the
argument, shows the value and says what is accepted. Bools are not numbers here,
and NaN and infinity are refused.

Sampling is vectorised: when an argument of a parameter is itself stochastic, it is
drawn once per sample (``Normal(loc=Uniform(0, 1)).draw_samples(1000)`` draws 1000
locations), with no Python loop over samples. The exceptions are the parameters that
produce whole noise planes (:class:`Sigmoid`, :class:`SimplexNoise`,
:class:`FrequencyNoise`, :class:`IterativeNoiseAggregator`,
:class:`FromLowerResolution`): their settings are drawn once per plane, as in imgaug.

Parameters serialise with :meth:`StochasticParameter.to_dict` and
:func:`from_dict`, compare equal when their class and configuration are equal,
and support arithmetic (``2 * Uniform(0, 1) + 1``).
"""

from __future__ import annotations

import copy as copy_module
import difflib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

import numpy as np

from augkit import _noise
from augkit.errors import ParameterError, ParameterTypeError, describe

__all__ = [
    "Absolute",
    "Add",
    "Beta",
    "Binomial",
    "ChiSquare",
    "Choice",
    "Clip",
    "Deterministic",
    "DeterministicList",
    "DiscreteUniform",
    "Discretize",
    "Divide",
    "ForceSign",
    "FrequencyNoise",
    "FromLowerResolution",
    "IterativeNoiseAggregator",
    "Laplace",
    "Multiply",
    "Negative",
    "Normal",
    "ParameterLike",
    "Poisson",
    "Positive",
    "Power",
    "RandomSign",
    "Sigmoid",
    "SimplexNoise",
    "StochasticParameter",
    "Subtract",
    "TruncatedNormal",
    "Uniform",
    "Weibull",
    "both_np_float_if_one_is_float",
    "draw",
    "draw_distributions_grid",
    "force_np_float_dtype",
    "from_dict",
    "handle_categorical_string_param",
    "handle_choice_param",
    "handle_continuous_param",
    "handle_discrete_param",
    "handle_per_channel",
    "handle_probability_param",
    "show_distributions_grid",
]

Size = int | Sequence[int]
RandomStateLike = np.random.Generator | np.random.SeedSequence | int | None
ValueRange = tuple[float | None, float | None]

_REGISTRY: dict[str, type[StochasticParameter]] = {}


# ---------------------------------------------------------------------------
# The base class
# ---------------------------------------------------------------------------


class StochasticParameter:
    """Base class of every parameter: something that draws arrays of values.

    Subclasses implement ``_draw(size, rng)`` (``size`` a tuple, ``rng`` a numpy
    Generator) and list their constructor arguments in ``_fields``; drawing,
    arithmetic, ``repr``, equality and serialisation come from here.

    Examples
    --------
    >>> p = Uniform(0, 1)
    >>> p.draw_samples((2, 3), random_state=1).shape
    (2, 3)
    >>> p == Uniform(0.0, 1.0)
    True
    """

    _fields: ClassVar[tuple[str, ...]] = ()
    # numpy scalars and arrays defer to our reflected operators (``np.float64(2) * p``).
    __array_ufunc__ = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.__name__.startswith("_"):
            _REGISTRY.setdefault(cls.__name__, cls)

    # -- drawing ----------------------------------------------------------

    def draw_samples(self, size: Size, random_state: RandomStateLike = None) -> np.ndarray:
        """Draw an array of samples.

        Parameters
        ----------
        size : int or tuple of int
            Shape of the returned array.
        random_state : numpy.random.Generator, int, numpy.random.SeedSequence or None
            Source of randomness. A Generator is advanced; an int seeds a new one
            (same seed, same samples); None uses fresh operating-system entropy.

        Returns
        -------
        ndarray of shape `size`

        Examples
        --------
        >>> Deterministic(2).draw_samples(3).tolist()
        [2, 2, 2]
        """
        if type(random_state) is np.random.Generator:  # the hot path of every augmenter
            if type(size) is int and size >= 0:
                return self._draw((size,), random_state)
            if (type(size) is tuple and len(size) == 2 and type(size[0]) is int
                    and type(size[1]) is int and size[0] >= 0 and size[1] >= 0):
                return self._draw(size, random_state)
        return self._draw(_as_size(size), _as_rng(random_state))

    def draw_sample(self, random_state: RandomStateLike = None) -> Any:
        """Draw a single sample (a scalar).

        Takes the same values from the generator as ``draw_samples(1)``; parameters
        with a cheaper one-value path (a fixed-probability Binomial) use it, which
        keeps the per-call cost of one-image augmentation low.

        Examples
        --------
        >>> float(Deterministic(0.5).draw_sample())
        0.5
        """
        rng = random_state if type(random_state) is np.random.Generator else \
            _as_rng(random_state)
        return self._draw_one(rng)

    def _draw_one(self, rng: np.random.Generator) -> Any:
        return self._draw((1,), rng)[0]

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        raise NotImplementedError(f"{type(self).__name__} does not implement _draw")

    # -- configuration ----------------------------------------------------

    def _config(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._fields}

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON- and YAML-safe description that :func:`from_dict` reads back.

        Fixed child values appear as plain values, stochastic children as nested
        dictionaries.

        Examples
        --------
        >>> Uniform(0, 1).to_dict()
        {'type': 'Uniform', 'a': 0.0, 'b': 1.0}
        """
        out: dict[str, Any] = {"type": type(self).__name__}
        for key, value in self._config().items():
            out[key] = _to_plain(value)
        return out

    def __repr__(self) -> str:
        args = ", ".join(f"{key}={_repr_value(value)}" for key, value in self._config().items())
        return f"{type(self).__name__}({args})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StochasticParameter):
            return NotImplemented
        return type(self) is type(other) and _canonical(self) == _canonical(other)

    def __hash__(self) -> int:
        return hash(_canonical(self))

    # -- arithmetic -------------------------------------------------------

    def __add__(self, other: Any) -> StochasticParameter:
        return Add(self, other) if _is_operand(other) else NotImplemented

    def __radd__(self, other: Any) -> StochasticParameter:
        return Add(other, self) if _is_operand(other) else NotImplemented

    def __sub__(self, other: Any) -> StochasticParameter:
        return Subtract(self, other) if _is_operand(other) else NotImplemented

    def __rsub__(self, other: Any) -> StochasticParameter:
        return Subtract(other, self) if _is_operand(other) else NotImplemented

    def __mul__(self, other: Any) -> StochasticParameter:
        return Multiply(self, other) if _is_operand(other) else NotImplemented

    def __rmul__(self, other: Any) -> StochasticParameter:
        return Multiply(other, self) if _is_operand(other) else NotImplemented

    def __truediv__(self, other: Any) -> StochasticParameter:
        return Divide(self, other) if _is_operand(other) else NotImplemented

    def __rtruediv__(self, other: Any) -> StochasticParameter:
        return Divide(other, self) if _is_operand(other) else NotImplemented

    # Python 2's names of ``/``, which imgaug code may call directly.
    __div__ = __truediv__
    __rdiv__ = __rtruediv__

    def __pow__(self, other: Any, modulo: None = None) -> StochasticParameter:
        if modulo is not None or not _is_operand(other):
            return NotImplemented
        return Power(self, other)

    def __rpow__(self, other: Any) -> StochasticParameter:
        return Power(other, self) if _is_operand(other) else NotImplemented

    def __neg__(self) -> StochasticParameter:
        return Multiply(self, -1)

    def __abs__(self) -> StochasticParameter:
        return Absolute(self)

    # -- copies and pictures ------------------------------------------------

    def copy(self) -> StochasticParameter:
        """Return a shallow copy (child parameters are shared).

        Examples
        --------
        >>> param = Normal(0, Uniform(1, 2))
        >>> param.copy().scale is param.scale
        True
        """
        return copy_module.copy(self)

    def deepcopy(self) -> StochasticParameter:
        """Return a deep copy (child parameters are copied too).

        Examples
        --------
        >>> param = Normal(0, Uniform(1, 2))
        >>> copied = param.deepcopy()
        >>> copied == param, copied.scale is param.scale
        (True, False)
        """
        return copy_module.deepcopy(self)

    def draw_distribution_graph(self, title: str | bool | None = None,
                                size: tuple[int, ...] = (1000, 1000),
                                bins: int = 100) -> np.ndarray:
        """Return a picture of the histogram of this parameter's samples.

        Parameters
        ----------
        title : None or False or str, optional
            The title; None uses ``str(self)``, False draws none. Long titles are
            split into lines of 50 characters.
        size : tuple of int, optional
            At least two entries: ``size[0]`` calls of ``draw_samples(size[1:])``
            give the samples.
        bins : int, optional
            Number of histogram bins.

        Returns
        -------
        ndarray of shape (480, 640, 3)
            A uint8 RGB image. imgaug plots with matplotlib; augkit draws the bars
            and the title itself (no matplotlib needed), at the same image size.

        Examples
        --------
        >>> Uniform(0, 1).draw_distribution_graph(size=(2, 100)).shape
        (480, 640, 3)
        """
        from augkit._histogram import render_histogram

        if (not isinstance(size, tuple) or len(size) < 2
                or not all(_is_count(n) for n in size)):
            raise ParameterTypeError(
                f"size: expected a tuple of at least two non-negative ints, got {describe(size)}")
        if not _is_count(bins) or bins < 1:
            raise ParameterError(f"bins: expected a positive int, got {describe(bins)}")
        rng = np.random.default_rng()
        samples = [np.asarray(self.draw_samples(size[1:], rng)).ravel() for _ in range(size[0])]
        values = np.concatenate(samples) if samples else np.zeros(0)
        if title is None:
            title = str(self)
        return render_histogram(values, int(bins), None if title is False else str(title))


ParameterLike = StochasticParameter | float | int | tuple[float, float] | list[Any]


def from_dict(d: Mapping[str, Any]) -> StochasticParameter:
    """Build a parameter from the output of :meth:`StochasticParameter.to_dict`.

    Only registered parameter classes (this module's and subclasses defined
    elsewhere) are built; nothing is evaluated.

    Parameters
    ----------
    d : dict
        ``{"type": class name, argument: value, ...}``; values may be nested
        dictionaries of the same form.

    Examples
    --------
    >>> from_dict({"type": "Uniform", "a": 0.0, "b": 1.0})
    Uniform(a=0.0, b=1.0)
    """
    if not isinstance(d, Mapping):
        raise ParameterTypeError(f"from_dict: expected a dict with a 'type' key, got {describe(d)}")
    type_name = d.get("type")
    if type_name is None:
        raise ParameterError(f"from_dict: the dict has no 'type' key: {describe(dict(d))}")
    cls = _REGISTRY.get(type_name) if isinstance(type_name, str) else None
    if cls is None:
        close = difflib.get_close_matches(str(type_name), list(_REGISTRY), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise ParameterError(f"from_dict: unknown parameter type {type_name!r}{hint}")
    kwargs = {key: _from_plain(value) for key, value in d.items() if key != "type"}
    try:
        return cls(**kwargs)
    except (ParameterError, ParameterTypeError):
        raise
    except TypeError as exc:
        raise ParameterError(
            f"from_dict: cannot build {type_name} from {describe(dict(d))}: {exc}"
        ) from exc


def _to_plain(value: Any) -> Any:
    if isinstance(value, Deterministic):
        return value.value
    if isinstance(value, StochasticParameter):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_to_plain(item) for item in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


def _from_plain(value: Any) -> Any:
    if isinstance(value, Mapping) and "type" in value:
        return from_dict(value)
    if isinstance(value, list):
        return [_from_plain(item) for item in value]
    return value


def _repr_value(value: Any) -> str:
    return repr(value.value) if isinstance(value, Deterministic) else repr(value)


def _canonical(value: Any) -> Any:
    if isinstance(value, StochasticParameter):
        items = tuple((key, _canonical(item)) for key, item in value._config().items())
        return (type(value).__name__, items)
    if isinstance(value, (list, tuple)):
        return ("list", tuple(_canonical(item) for item in value))
    if isinstance(value, np.generic):
        value = value.item()
    return (type(value).__name__, value)


# ---------------------------------------------------------------------------
# Small shared helpers
# ---------------------------------------------------------------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_)
    )


def _is_operand(value: Any) -> bool:
    return _is_number(value) or isinstance(value, StochasticParameter)


def _is_count(value: Any) -> bool | np.bool_:  # np.bool_ for a numpy integer
    return (
        isinstance(value, (int, np.integer))
        and not isinstance(value, (bool, np.bool_))
        and value >= 0
    )


def _as_size(size: Any) -> tuple[int, ...]:
    if _is_count(size):
        return (int(size),)
    if isinstance(size, (tuple, list)) and all(_is_count(dim) for dim in size):
        return tuple(int(dim) for dim in size)
    raise ParameterTypeError(
        f"size: expected a non-negative integer or a tuple of them, got {describe(size)}"
    )


def _as_rng(random_state: Any) -> np.random.Generator:
    if isinstance(random_state, np.random.Generator):
        return random_state
    if random_state is None:
        return np.random.default_rng()
    if isinstance(random_state, (int, np.integer)) and not isinstance(random_state, bool):
        if random_state < 0:
            raise ParameterError(
                f"random_state: expected a non-negative seed, got {describe(random_state)}"
            )
        return np.random.default_rng(int(random_state))
    if isinstance(random_state, (np.random.SeedSequence, np.random.BitGenerator)):
        return np.random.default_rng(random_state)
    raise ParameterTypeError(
        "random_state: expected a numpy Generator, a non-negative integer seed, "
        f"a SeedSequence or None, got {describe(random_state)}"
    )


def _draw_arg(param: StochasticParameter, size: tuple[int, ...], rng: np.random.Generator) -> Any:
    """Draw an argument of a parameter: its value if fixed, else `size` samples of it."""
    if type(param) is Deterministic:
        return param.value
    return param._draw(size, rng)


def _draw_once(param: StochasticParameter, rng: np.random.Generator) -> Any:
    """Draw a single value of an argument (for settings drawn once per call)."""
    if type(param) is Deterministic:
        return param.value
    return param._draw((1,), rng)[0]


def _check_drawn(values: Any, low: float, name: str, owner: StochasticParameter) -> None:
    """Fail clearly when a stochastic argument drew values numpy cannot sample with."""
    if np.any(np.asarray(values) < low):
        raise ParameterError(
            f"{type(owner).__name__}: {name} drew values below {low:g} from "
            f"{describe(getattr(owner, name))}; keep its values in [{low:g}, inf)"
        )


def _as_int_array(values: Any) -> Any:
    array = np.asarray(values)
    if array.dtype.kind == "f":
        return np.rint(array).astype(np.int64)
    return values


def _plain_scalar(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


# ---------------------------------------------------------------------------
# Shorthand conversion
# ---------------------------------------------------------------------------


class _Invalid(Exception):
    """Internal: one element of a shorthand value is not accepted."""

    def __init__(self, error: type[Exception], note: str = "") -> None:
        super().__init__(note)
        self.error = error
        self.note = note


@dataclass(frozen=True)
class _NumberSpec:
    """What a number in a shorthand value must be, and what it is converted to."""

    kind: str  # "continuous" -> float, "discrete" -> int, "any" -> kept as given
    value_range: ValueRange | None = None
    allow_floats: bool = False
    allow_inf: bool = False

    def noun(self) -> str:
        return "integer" if self.kind == "discrete" and not self.allow_floats else "number"

    def check(self, value: Any) -> Any:
        if isinstance(value, (bool, np.bool_)):
            raise _Invalid(ParameterTypeError, " (a bool is not accepted as a number)")
        if not _is_number(value):
            raise _Invalid(ParameterTypeError)
        number = _plain_scalar(value)
        if math.isnan(number):
            raise _Invalid(ParameterError, " (NaN is not accepted)")
        if math.isinf(number) and not self.allow_inf:
            raise _Invalid(ParameterError, " (infinity is not accepted)")
        if self.value_range is not None:
            low, high = self.value_range
            if (low is not None and number < low) or (high is not None and number > high):
                raise _Invalid(ParameterError)
        if self.kind == "continuous":
            return float(number)
        if self.kind == "discrete":
            if isinstance(number, float) and not number.is_integer():
                if not self.allow_floats:
                    raise _Invalid(ParameterError, f" ({number!r} is not an integer)")
                return round(number)
            return int(number)
        return number


def _interval(value_range: ValueRange) -> str:
    low, high = value_range
    left = "(-inf" if low is None else f"[{low:g}"
    right = "inf)" if high is None else f"{high:g}]"
    return f"{left}, {right}"


def _join_options(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _accepted(spec: _NumberSpec, tuple_to_uniform: bool, list_to_choice: bool) -> str:
    noun = spec.noun()
    items = [f"an {noun}" if noun == "integer" else "a number"]
    if tuple_to_uniform:
        items.append("a (min, max) tuple" + (" of integers" if noun == "integer" else ""))
    if list_to_choice:
        items.append(f"a list of {noun}s")
    items.append("a StochasticParameter")
    text = _join_options(items)
    if spec.value_range is not None and spec.value_range != (None, None):
        text += f" with values in {_interval(spec.value_range)}"
    return text


def _convert(
    value: Any,
    name: str,
    spec: _NumberSpec,
    *,
    tuple_to_uniform: bool = True,
    list_to_choice: bool = True,
    accepted: str | None = None,
) -> StochasticParameter:
    """Turn a shorthand value into a parameter, or raise naming `name`."""
    if isinstance(value, StochasticParameter):
        return value
    try:
        if _is_number(value) or isinstance(value, (bool, np.bool_)):
            return Deterministic(spec.check(value))
        if tuple_to_uniform and isinstance(value, tuple):
            if len(value) != 2:
                raise _Invalid(ParameterError, f" (a tuple must have 2 entries, not {len(value)})")
            low, high = (spec.check(item) for item in value)
            return DiscreteUniform(low, high) if spec.kind == "discrete" else Uniform(low, high)
        if list_to_choice and isinstance(value, (list, np.ndarray)):
            items = list(value) if isinstance(value, list) else value.ravel().tolist()
            if not items:
                raise _Invalid(ParameterError, " (the list is empty)")
            return Choice([spec.check(item) for item in items])
        raise _Invalid(ParameterTypeError)
    except _Invalid as problem:
        text = accepted or _accepted(spec, tuple_to_uniform, list_to_choice)
        message = f"{name}: expected {text}, got {describe(value)}{problem.note}"
        raise problem.error(message) from None


def handle_continuous_param(
    value: Any,
    name: str,
    *,
    value_range: ValueRange | None = None,
    tuple_to_uniform: bool = True,
    list_to_choice: bool = True,
) -> StochasticParameter:
    """Turn the shorthand of a real-valued argument into a parameter.

    Parameters
    ----------
    value : number, (a, b) tuple, list of numbers or StochasticParameter
        A number becomes ``Deterministic(float(value))``, a tuple ``Uniform(a, b)``,
        a list ``Choice(list)``; a parameter is returned unchanged (its values are
        not checked against `value_range`).
    name : str
        Argument name used in error messages.
    value_range : (low, high) tuple, optional
        Inclusive bounds for the numbers given; None on either side means unbounded.
    tuple_to_uniform, list_to_choice : bool
        Whether tuples and lists are accepted.

    Raises
    ------
    ParameterError, ParameterTypeError
        With the argument name, the value given and what is accepted.

    Examples
    --------
    >>> handle_continuous_param((1, 3), "sigma", value_range=(0, None))
    Uniform(a=1.0, b=3.0)
    """
    spec = _NumberSpec("continuous", value_range)
    return _convert(
        value, name, spec, tuple_to_uniform=tuple_to_uniform, list_to_choice=list_to_choice
    )


def handle_discrete_param(
    value: Any,
    name: str,
    *,
    value_range: ValueRange | None = None,
    tuple_to_uniform: bool = True,
    list_to_choice: bool = True,
    allow_floats: bool = False,
) -> StochasticParameter:
    """Turn the shorthand of an integer argument into a parameter.

    Parameters
    ----------
    value : int, (a, b) tuple, list of ints or StochasticParameter
        An integer becomes ``Deterministic(int)``, a tuple ``DiscreteUniform(a, b)``
        (both ends included), a list ``Choice(list)``; a parameter is returned
        unchanged. Floats with an integral value (``3.0``) are accepted.
    name : str
        Argument name used in error messages.
    value_range : (low, high) tuple, optional
        Inclusive bounds; None on either side means unbounded.
    tuple_to_uniform, list_to_choice : bool
        Whether tuples and lists are accepted.
    allow_floats : bool
        Accept non-integral floats too, rounding them to the nearest integer.

    Examples
    --------
    >>> handle_discrete_param((1, 3), "n")
    DiscreteUniform(a=1, b=3)
    """
    spec = _NumberSpec("discrete", value_range, allow_floats=allow_floats)
    return _convert(
        value, name, spec, tuple_to_uniform=tuple_to_uniform, list_to_choice=list_to_choice
    )


def handle_probability_param(
    value: Any,
    name: str,
    *,
    tuple_to_uniform: bool = False,
    list_to_choice: bool = False,
) -> StochasticParameter:
    """Turn a probability into a parameter that draws 0 or 1.

    Parameters
    ----------
    value : number in [0, 1], bool, (a, b) tuple, list or StochasticParameter
        A number or bool becomes ``Binomial(p)``; a tuple (if `tuple_to_uniform`)
        ``Binomial(Uniform(a, b))``; a list (if `list_to_choice`)
        ``Binomial(Choice(list))``; a parameter is returned unchanged.
    name : str
        Argument name used in error messages.

    Examples
    --------
    >>> handle_probability_param(0.5, "p")
    Binomial(p=0.5)
    """
    if isinstance(value, StochasticParameter):
        return value
    if isinstance(value, (bool, np.bool_)):
        return Binomial(float(value))
    spec = _NumberSpec("continuous", (0, 1))
    items = ["a number", "a bool"]
    if tuple_to_uniform:
        items.append("a (min, max) tuple")
    if list_to_choice:
        items.append("a list of numbers")
    items.append("a StochasticParameter")
    accepted = f"a probability ({_join_options(items)}) in [0, 1]"
    probability = _convert(
        value,
        name,
        spec,
        tuple_to_uniform=tuple_to_uniform,
        list_to_choice=list_to_choice,
        accepted=accepted,
    )
    return Binomial(probability)


def handle_per_channel(value: Any, name: str = "per_channel") -> StochasticParameter:
    """Turn a ``per_channel`` argument into a parameter that draws 0 or 1.

    Parameters
    ----------
    value : bool, number in [0, 1] or StochasticParameter
        A bool (or the integers 0 and 1) becomes ``Deterministic(0 or 1)``; a float
        ``p`` becomes ``Binomial(p)`` (per-channel for that fraction of rows); a
        parameter is returned unchanged.
    name : str
        Argument name used in error messages.

    Examples
    --------
    >>> handle_per_channel(True)
    Deterministic(value=1)
    """
    if isinstance(value, StochasticParameter):
        return value
    if isinstance(value, (bool, np.bool_)) or (
        isinstance(value, (int, np.integer)) and value in (0, 1)
    ):
        return Deterministic(int(value))
    accepted = "a bool, a probability in [0, 1] or a StochasticParameter"
    spec = _NumberSpec("continuous", (0, 1))
    probability = _convert(
        value, name, spec, tuple_to_uniform=False, list_to_choice=False, accepted=accepted
    )
    return Binomial(probability)


def _any_param(value: Any, name: str) -> StochasticParameter:
    """Shorthand for an argument of any numeric kind; numbers keep their type."""
    return _convert(value, name, _NumberSpec("any"))


def _bound(value: Any, name: str, default: float) -> StochasticParameter:
    """Shorthand for an optional bound: None or +-inf means unbounded."""
    if value is None:
        return Deterministic(default)
    return _convert(value, name, _NumberSpec("continuous", allow_inf=True))


_ALL = "ALL"  # the value of ``augkit.ALL``, imgaug's ``ia.ALL``


def handle_choice_param(
    value: Any,
    name: str,
    options: Sequence[Any],
    *,
    all_options: Sequence[Any] | None = None,
    stochastic: bool = True,
) -> Any:
    """Turn a choice argument into a parameter: one option, a list, ``augkit.ALL``.

    Parameters
    ----------
    value : str or int or list or augkit.ALL or StochasticParameter
        What the user passed: one of *options* (fixed), a non-empty list of them
        (one drawn per image), ``augkit.ALL`` (any of *all_options*) or a parameter
        (taken as it is).
    name : str
        The argument's name, for error messages.
    options : sequence of str or int
        The accepted values.
    all_options : sequence, optional
        What ``augkit.ALL`` stands for (default: *options*).
    stochastic : bool, optional
        If False, only one option is accepted and returned as it is (for arguments
        that are never drawn).

    Returns
    -------
    StochasticParameter or the option itself (when *stochastic* is False)

    Raises
    ------
    augkit.ParameterError
        For a value of the right type that is not an option (or an empty list).
    augkit.ParameterTypeError
        For a value of another type.

    Examples
    --------
    >>> handle_choice_param("edge", "mode", ["constant", "edge"]).value
    'edge'
    >>> handle_choice_param(["constant", "edge"], "mode", ["constant", "edge"]).a
    ['constant', 'edge']
    """
    if stochastic and isinstance(value, StochasticParameter):
        return value

    def valid(item: Any) -> bool:
        return (isinstance(item, (str, int, np.integer)) and not isinstance(item, bool)
                and item in options)

    def normal(item: Any) -> Any:
        return item if isinstance(item, str) else int(item)

    if not stochastic:
        if valid(value):
            return normal(value)
        listed = ", ".join(repr(option) for option in options)
        error = ParameterError if isinstance(value, (str, int, float)) else ParameterTypeError
        raise error(f"{name}: expected one of {{{listed}}}, got {describe(value)}")
    if isinstance(value, str) and value == _ALL:
        return Choice(list(all_options if all_options is not None else options))
    if valid(value):
        return Deterministic(normal(value))
    if isinstance(value, (list, tuple)) and value and all(valid(item) for item in value):
        return Choice([normal(item) for item in value])
    listed = ", ".join(repr(option) for option in options)
    message = (f"{name}: expected one of {{{listed}}}, a list of them, augkit.ALL or a "
               f"StochasticParameter, got {describe(value)}")
    if isinstance(value, (str, int, list, tuple)) and not isinstance(value, bool):
        raise ParameterError(message)
    raise ParameterTypeError(message)


def handle_categorical_string_param(
    value: Any, name: str, valid_values: Sequence[str] | None = None
) -> StochasticParameter:
    """Turn a string argument into a parameter, as imgaug's function of this name.

    Parameters
    ----------
    value : str or list of str or augkit.ALL or StochasticParameter
        One string (fixed), a non-empty list of strings (one drawn per sample),
        ``augkit.ALL`` (any of *valid_values*, when they are given) or a parameter
        (taken as it is).
    name : str
        The argument's name, for error messages.
    valid_values : sequence of str, optional
        The accepted strings; None accepts any string.

    Returns
    -------
    StochasticParameter
        ``Deterministic``, ``Choice`` or *value* itself.

    Raises
    ------
    augkit.ParameterError
        For a string (or list entry) outside *valid_values*, or an empty list.
    augkit.ParameterTypeError
        For anything that is not a string, a list of strings or a parameter.

    Examples
    --------
    >>> handle_categorical_string_param("edge", "mode", ["constant", "edge"])
    Deterministic(value='edge')
    >>> handle_categorical_string_param("ALL", "mode", ["constant", "edge"]).a
    ['constant', 'edge']
    """
    if isinstance(value, StochasticParameter):
        return value
    accepted = (f"one of {{{', '.join(repr(v) for v in valid_values)}}}"
                if valid_values is not None else "a string")
    if isinstance(value, str):
        if value == _ALL and valid_values is not None:
            return Choice(list(valid_values))
        if valid_values is not None and value not in valid_values:
            raise ParameterError(f"{name}: expected {accepted}, got {value!r}")
        return Deterministic(value)
    if isinstance(value, list):
        if not value:
            raise ParameterError(f"{name}: expected a non-empty list of strings, got []")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise ParameterTypeError(
                    f"{name}[{i}]: expected {accepted}, got {describe(item)}")
            if valid_values is not None and item not in valid_values:
                raise ParameterError(f"{name}[{i}]: expected {accepted}, got {item!r}")
        return Choice(list(value))
    everything = " augkit.ALL," if valid_values is not None else ""
    raise ParameterTypeError(
        f"{name}: expected{everything} a string, a list of strings or a StochasticParameter, "
        f"got {describe(value)}")


def force_np_float_dtype(value: np.ndarray) -> np.ndarray:
    """Return *value* if its dtype is a float, else a float64 copy (imgaug's function).

    Examples
    --------
    >>> force_np_float_dtype(np.array([1, 2])).dtype.name
    'float64'
    >>> force_np_float_dtype(np.zeros(1, np.float16)).dtype.name
    'float16'
    """
    return value if value.dtype.kind == "f" else value.astype(np.float64)


def both_np_float_if_one_is_float(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return *a* and *b* with every non-float one cast to float64 (imgaug's function).

    As in imgaug, a non-float array becomes float64 whether or not the other one is
    a float array (the name says less than the function does).

    Examples
    --------
    >>> a, b = both_np_float_if_one_is_float(np.zeros(1, np.float32), np.zeros(1, np.int8))
    >>> a.dtype.name, b.dtype.name
    ('float32', 'float64')
    """
    return force_np_float_dtype(a), force_np_float_dtype(b)


def draw_distributions_grid(
    params: Sequence[StochasticParameter], rows: int | None = None, cols: int | None = None,
    graph_sizes: tuple[int, int] = (350, 350), sample_sizes: Sequence[Any] | None = None,
    titles: Sequence[str | bool | None] | Literal[False] | None = None,
) -> np.ndarray:
    """Return a grid of the distribution graphs of several parameters.

    Parameters
    ----------
    params : list of StochasticParameter
        One graph each (:meth:`StochasticParameter.draw_distribution_graph`).
    rows, cols : int, optional
        Grid size, as for ``augkit.draw_grid``.
    graph_sizes : tuple of int, optional
        Height and width each graph is resized to.
    sample_sizes : list of tuple, optional
        The ``size`` of each graph (default: the method's default).
    titles : list or None or False, optional
        One title per graph; None uses each parameter's ``str``, False draws none.

    Returns
    -------
    ndarray
        The uint8 RGB grid.

    Examples
    --------
    >>> grid = draw_distributions_grid([Uniform(0, 1), Normal(0, 1)],
    ...                                sample_sizes=[(2, 50), (2, 50)], graph_sizes=(30, 40))
    >>> grid.shape
    (30, 80, 3)
    """
    import cv2

    from augkit.draw import draw_grid

    params = list(params)
    title_list = [titles] * len(params) if titles is None or titles is False else list(titles)
    sizes = list(sample_sizes) if sample_sizes is not None else [None] * len(params)
    if len(title_list) != len(params) or len(sizes) != len(params):
        raise ParameterError(
            f"titles, sample_sizes: expected one entry per parameter ({len(params)}), got "
            f"{len(title_list)} and {len(sizes)}")
    height, width = graph_sizes
    graphs = []
    for param, size, title in zip(params, sizes, title_list):
        graph = (param.draw_distribution_graph(title=title) if size is None
                 else param.draw_distribution_graph(title=title, size=size))
        graphs.append(cv2.resize(graph, (width, height), interpolation=cv2.INTER_AREA))
    return draw_grid(graphs, rows=rows, cols=cols)


def show_distributions_grid(
    params: Sequence[StochasticParameter], rows: int | None = None, cols: int | None = None,
    graph_sizes: tuple[int, int] = (350, 350), sample_sizes: Sequence[Any] | None = None,
    titles: Sequence[str | bool | None] | Literal[False] | None = None,
) -> Any:
    """Show :func:`draw_distributions_grid` with ``augkit.imshow``."""
    from augkit.draw import imshow

    return imshow(draw_distributions_grid(params, rows=rows, cols=cols, graph_sizes=graph_sizes,
                                          sample_sizes=sample_sizes, titles=titles))


def draw(param: StochasticParameter, size: int | tuple[int, ...], rng: np.random.Generator,
         dtype: Any = None) -> np.ndarray:
    """Draw *size* values of *param* from *rng*, as an array (constants without *rng*).

    Parameters
    ----------
    param : StochasticParameter
    size : int or tuple of int
        Shape of the result.
    rng : numpy.random.Generator
    dtype : numpy dtype, optional
        dtype of the result (default: the parameter's).

    Examples
    --------
    >>> import numpy as np
    >>> draw(Deterministic(2), 3, np.random.default_rng(0), dtype=np.float64).tolist()
    [2.0, 2.0, 2.0]
    """
    values = param.draw_samples(size, random_state=rng)
    if dtype is not None and values.dtype != dtype:
        values = values.astype(dtype)
    return values


def _number(value: Any, name: str, *, low: float | None = None, integer: bool = False) -> Any:
    """Validate a plain (never stochastic) number argument."""
    spec = _NumberSpec("discrete" if integer else "any", (low, None))
    try:
        return spec.check(value)
    except _Invalid as problem:
        noun = "an integer" if integer else "a number"
        bound = "" if low is None else f" >= {low:g}"
        raise problem.error(
            f"{name}: expected {noun}{bound}, got {describe(value)}{problem.note}"
        ) from None


def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise ParameterTypeError(f"{name}: expected True or False, got {describe(value)}")
    return bool(value)


# ---------------------------------------------------------------------------
# Constants and choices
# ---------------------------------------------------------------------------


class Deterministic(StochasticParameter):
    """Always draw the same value.

    Parameters
    ----------
    value : number, bool or str
        The value. Samples have numpy's dtype for it (int64, float64, bool, str).

    Examples
    --------
    >>> Deterministic(3).draw_samples(2).tolist()
    [3, 3]
    """

    _fields = ("value",)
    #: A number, a bool or a str. Typed Any: the parameters that take numbers hold numeric
    #: ones (``handle_continuous_param`` and its siblings check), which no type can say.
    value: Any

    def __init__(self, value: float | int | bool | str) -> None:
        value = _plain_scalar(value)
        if not isinstance(value, (int, float, bool, str)):
            raise ParameterTypeError(
                f"value: expected a number, a bool or a string, got {describe(value)}"
            )
        if isinstance(value, float) and math.isnan(value):
            raise ParameterError("value: expected a number, got nan (NaN is not accepted)")
        self.value = value

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        if size == (1,):
            return np.array([self.value])  # the dtype np.full would give, 4x cheaper
        return np.full(size, self.value)


class DeterministicList(StochasticParameter):
    """Draw the given values in order, repeating them to fill the requested size.

    Parameters
    ----------
    values : list of numbers, bools or str
        Non-empty. ``draw_samples(size)`` fills `size` in C order with
        ``values[0], values[1], ...``, starting over when they run out.

    Examples
    --------
    >>> DeterministicList([1, 2]).draw_samples(5).tolist()
    [1, 2, 1, 2, 1]
    """

    _fields = ("values",)

    def __init__(self, values: Sequence[Any]) -> None:
        if isinstance(values, np.ndarray):
            values = values.ravel().tolist()
        if not isinstance(values, (list, tuple)) or not values:
            raise ParameterTypeError(
                f"values: expected a non-empty list of numbers or strings, got {describe(values)}"
            )
        self.values = [Deterministic(item).value for item in values]
        self._array = np.asarray(self.values)

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.resize(self._array, size)


class Choice(StochasticParameter):
    """Draw entries of a list, optionally with weights.

    Parameters
    ----------
    a : list
        Non-empty list of numbers, bools, strings or parameters. A parameter that is
        picked is sampled in its place (vectorised per parameter).
    replace : bool
        Draw with replacement (default). Without it, `size` may not exceed ``len(a)``.
    p : list of float, optional
        Probability of each entry; non-negative, summing to 1.

    Examples
    --------
    >>> sorted(set(Choice([1, 5]).draw_samples(100, random_state=0).tolist()))
    [1, 5]
    """

    _fields = ("a", "replace", "p")

    def __init__(
        self, a: Sequence[Any], replace: bool = True, p: Sequence[float] | None = None
    ) -> None:
        if isinstance(a, np.ndarray):
            a = a.ravel().tolist()
        if not isinstance(a, (list, tuple)) or not a:
            raise ParameterTypeError(
                f"a: expected a non-empty list of values or parameters, got {describe(a)}"
            )
        entries = []
        for item in a:
            if isinstance(item, Deterministic):
                item = item.value
            elif not isinstance(item, StochasticParameter):
                item = Deterministic(item).value
            entries.append(item)
        self.a = entries
        self.replace = _flag(replace, "replace")
        self.p = None if p is None else self._check_weights(p, len(entries))
        self._p = None if self.p is None else np.asarray(self.p) / np.sum(self.p)
        self._params = {
            i: item for i, item in enumerate(entries) if isinstance(item, StochasticParameter)
        }
        self._array = None if self._params else np.asarray(entries)

    @staticmethod
    def _check_weights(p: Any, count: int) -> list[float]:
        message = f"p: expected {count} probabilities >= 0 that sum to 1, got {describe(p)}"
        if not isinstance(p, (list, tuple, np.ndarray)):
            raise ParameterTypeError(message)
        if len(p) != count or not all(_is_number(w) for w in p):
            raise ParameterError(message)
        weights = [float(w) for w in p]
        if not all(math.isfinite(w) and w >= 0 for w in weights) or abs(sum(weights) - 1) > 1e-6:
            raise ParameterError(message)
        return weights

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        if not self.replace and math.prod(size) > len(self.a):
            raise ParameterError(
                f"Choice: cannot draw {math.prod(size)} samples without replacement "
                f"from {len(self.a)} entries"
            )
        if self._array is not None:
            return rng.choice(self._array, size=size, replace=self.replace, p=self._p)
        picks = rng.choice(len(self.a), size=size, replace=self.replace, p=self._p)
        drawn = []
        for index, param in self._params.items():
            mask = picks == index
            count = int(np.count_nonzero(mask))
            if count:
                drawn.append((mask, param._draw((count,), rng)))
        constant = [i for i in range(len(self.a)) if i not in self._params]
        constant_values = np.asarray([self.a[i] for i in constant])
        arrays = [values for _, values in drawn] + ([constant_values] if constant else [])
        lookup = np.zeros(len(self.a), dtype=np.result_type(*arrays) if arrays else np.float64)
        lookup[constant] = constant_values
        out = lookup[picks]
        for mask, values in drawn:
            out[mask] = values
        return out


# ---------------------------------------------------------------------------
# Distributions
# ---------------------------------------------------------------------------


class Uniform(StochasticParameter):
    """Draw floats uniformly from ``[min(a, b), max(a, b))``.

    Parameters
    ----------
    a, b : number, tuple, list or StochasticParameter
        The bounds (swapped if ``a > b``); stochastic bounds are drawn per sample.

    Examples
    --------
    >>> Uniform(0, 1).draw_samples(3, random_state=1).shape
    (3,)
    """

    _fields = ("a", "b")

    def __init__(self, a: ParameterLike, b: ParameterLike) -> None:
        self.a = handle_continuous_param(a, "a")
        self.b = handle_continuous_param(b, "b")

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        a, b = self.a, self.b
        if type(a) is Deterministic and type(b) is Deterministic:
            # fixed bounds (the usual case): Python floats, no numpy calls on scalars
            low, high = (a.value, b.value) if a.value <= b.value else (b.value, a.value)
            low, span = float(low), float(high) - float(low)
            if size == (1,) and math.isfinite(span):
                # exactly what rng.uniform computes: low + span * next_double
                return np.array([low + span * rng.random()])
            return rng.uniform(low, float(high), size)
        a = _draw_arg(a, size, rng)
        b = _draw_arg(b, size, rng)
        return rng.uniform(np.minimum(a, b), np.maximum(a, b), size)


class DiscreteUniform(StochasticParameter):
    """Draw integers uniformly from ``min(a, b)`` to ``max(a, b)``, both included.

    Parameters
    ----------
    a, b : int, tuple, list or StochasticParameter
        The bounds (swapped if ``a > b``); stochastic bounds are drawn per sample
        and rounded.

    Examples
    --------
    >>> sorted(set(DiscreteUniform(1, 3).draw_samples(200, random_state=0).tolist()))
    [1, 2, 3]
    """

    _fields = ("a", "b")

    def __init__(self, a: ParameterLike, b: ParameterLike) -> None:
        self.a = handle_discrete_param(a, "a")
        self.b = handle_discrete_param(b, "b")

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        a, b = self.a, self.b
        if (type(a) is Deterministic and type(b) is Deterministic
                and type(a.value) is int and type(b.value) is int):
            # fixed integer bounds: no numpy calls on scalars; one sample through the
            # scalar draw, which takes the same value from the stream as size=(1,)
            low, high = (a.value, b.value) if a.value <= b.value else (b.value, a.value)
            if size == (1,) and -2**63 <= low and high < 2**63 - 1:
                return np.array([rng.integers(low, high + 1)])
            return rng.integers(low, high, size=size, endpoint=True)
        a = _as_int_array(_draw_arg(a, size, rng))
        b = _as_int_array(_draw_arg(b, size, rng))
        return rng.integers(np.minimum(a, b), np.maximum(a, b), size=size, endpoint=True)


class _LocScale(StochasticParameter):
    """Base of distributions given by a location and a scale >= 0 (Normal, Laplace)."""

    _fields = ("loc", "scale")
    _method: str  # the numpy Generator method that draws the samples

    def __init__(self, loc: ParameterLike, scale: ParameterLike) -> None:
        self.loc = handle_continuous_param(loc, "loc")
        self.scale = handle_continuous_param(scale, "scale", value_range=(0, None))

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        loc = _draw_arg(self.loc, size, rng)
        scale = _draw_arg(self.scale, size, rng)
        _check_drawn(scale, 0, "scale", self)
        return getattr(rng, self._method)(loc, scale, size)


class Normal(_LocScale):
    """Draw from a normal (Gaussian) distribution.

    Parameters
    ----------
    loc : number, tuple, list or StochasticParameter
        Mean.
    scale : number, tuple, list or StochasticParameter
        Standard deviation, >= 0.

    Examples
    --------
    >>> float(Normal(0, 0).draw_sample())
    0.0
    """

    _method = "normal"


class TruncatedNormal(StochasticParameter):
    """Draw from a normal distribution restricted to ``[low, high]``.

    Parameters
    ----------
    loc : number, tuple, list or StochasticParameter
        Mean of the untruncated distribution.
    scale : number, tuple, list or StochasticParameter
        Standard deviation of the untruncated distribution, >= 0.
    low, high : number, tuple, list, StochasticParameter or None
        Bounds; None (or infinity) leaves that side open. Swapped if ``low > high``.

    Examples
    --------
    >>> s = TruncatedNormal(0, 1, low=-0.5, high=0.5).draw_samples(100, random_state=0)
    >>> bool(s.min() >= -0.5 and s.max() <= 0.5)
    True
    """

    _fields = ("loc", "scale", "low", "high")

    def __init__(
        self,
        loc: ParameterLike = 0.0,
        scale: ParameterLike = 1.0,
        low: ParameterLike | None = None,
        high: ParameterLike | None = None,
    ) -> None:
        self.loc = handle_continuous_param(loc, "loc")
        self.scale = handle_continuous_param(scale, "scale", value_range=(0, None))
        self.low = _bound(low, "low", -math.inf)
        self.high = _bound(high, "high", math.inf)

    def _config(self) -> dict[str, Any]:
        config = super()._config()
        for key in ("low", "high"):
            bound = config[key]
            if isinstance(bound, Deterministic) and math.isinf(bound.value):
                config[key] = None
        return config

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        loc, scale, low, high = (
            np.asarray(_draw_arg(p, size, rng), dtype=np.float64)
            for p in (self.loc, self.scale, self.low, self.high)
        )
        _check_drawn(scale, 0, "scale", self)
        low, high = np.minimum(low, high), np.maximum(low, high)
        if math.prod(size) == 0:
            return np.empty(size, dtype=np.float64)
        degenerate = (scale == 0) | (low == high)
        safe_scale = np.where(degenerate, 1.0, scale)
        a = np.where(degenerate, -1.0, (low - loc) / safe_scale)
        b = np.where(degenerate, 1.0, (high - loc) / safe_scale)

        from scipy.stats import truncnorm

        samples = truncnorm.rvs(a, b, loc=loc, scale=safe_scale, size=size, random_state=rng)
        if degenerate.any():
            samples = np.where(degenerate, np.clip(loc, low, high), samples)
        return np.asarray(samples, dtype=np.float64).reshape(size)


class Laplace(_LocScale):
    """Draw from a Laplace (double exponential) distribution.

    Parameters
    ----------
    loc : number, tuple, list or StochasticParameter
        Position of the peak.
    scale : number, tuple, list or StochasticParameter
        Spread, >= 0.

    Examples
    --------
    >>> Laplace(0, 1).draw_samples((2, 2), random_state=0).shape
    (2, 2)
    """

    _method = "laplace"


class ChiSquare(StochasticParameter):
    """Draw from a chi-square distribution.

    Parameters
    ----------
    df : int, tuple, list or StochasticParameter
        Degrees of freedom, >= 1.

    Examples
    --------
    >>> bool((ChiSquare(2).draw_samples(10, random_state=0) >= 0).all())
    True
    """

    _fields = ("df",)

    def __init__(self, df: ParameterLike) -> None:
        self.df = handle_discrete_param(df, "df", value_range=(1, None))

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        df = _draw_arg(self.df, size, rng)
        _check_drawn(df, 1, "df", self)
        return rng.chisquare(df, size)


class Weibull(StochasticParameter):
    """Draw from a Weibull distribution with shape `a` (scale 1).

    Parameters
    ----------
    a : number, tuple, list or StochasticParameter
        Shape, >= 0.0001.

    Examples
    --------
    >>> Weibull(1.5).draw_samples(4, random_state=0).shape
    (4,)
    """

    _fields = ("a",)

    def __init__(self, a: ParameterLike) -> None:
        self.a = handle_continuous_param(a, "a", value_range=(0.0001, None))

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        a = _draw_arg(self.a, size, rng)
        _check_drawn(a, 0, "a", self)
        return rng.weibull(a, size)


class Beta(StochasticParameter):
    """Draw from a beta distribution, values in [0, 1].

    Parameters
    ----------
    alpha, beta : number, tuple, list or StochasticParameter
        Shape parameters, >= 0; values below `epsilon` are raised to it.
    epsilon : number
        Smallest shape value used, > 0.

    Examples
    --------
    >>> s = Beta(0.5, 0.5).draw_samples(50, random_state=0)
    >>> bool(s.min() >= 0 and s.max() <= 1)
    True
    """

    _fields = ("alpha", "beta", "epsilon")

    def __init__(self, alpha: ParameterLike, beta: ParameterLike, epsilon: float = 0.0001) -> None:
        self.alpha = handle_continuous_param(alpha, "alpha", value_range=(0, None))
        self.beta = handle_continuous_param(beta, "beta", value_range=(0, None))
        self.epsilon = float(_number(epsilon, "epsilon", low=1e-12))

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        alpha = np.maximum(_draw_arg(self.alpha, size, rng), self.epsilon)
        beta = np.maximum(_draw_arg(self.beta, size, rng), self.epsilon)
        return rng.beta(alpha, beta, size)


class Poisson(StochasticParameter):
    """Draw integers from a Poisson distribution.

    Parameters
    ----------
    lam : number, tuple, list or StochasticParameter
        Expected value, >= 0.

    Examples
    --------
    >>> Poisson(3).draw_samples(4, random_state=0).dtype.kind
    'i'
    """

    _fields = ("lam",)

    def __init__(self, lam: ParameterLike) -> None:
        self.lam = handle_continuous_param(lam, "lam", value_range=(0, None))

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        lam = _draw_arg(self.lam, size, rng)
        _check_drawn(lam, 0, "lam", self)
        return rng.poisson(lam, size)


class Binomial(StochasticParameter):
    """Draw 1 with probability `p`, else 0 (int64).

    Parameters
    ----------
    p : number, tuple, list or StochasticParameter
        Probability of a 1, in [0, 1]; a stochastic `p` is drawn per sample.

    Examples
    --------
    >>> Binomial(1.0).draw_samples(3).tolist()
    [1, 1, 1]
    """

    _fields = ("p",)

    def __init__(self, p: ParameterLike) -> None:
        self.p = handle_continuous_param(p, "p", value_range=(0, 1))

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        if size == (1,) and type(self.p) is Deterministic:
            return np.array([self._draw_one(rng)], dtype=np.int64)
        p = _draw_arg(self.p, size, rng)
        return (rng.random(size) < p).astype(np.int64)

    def _draw_one(self, rng: np.random.Generator) -> Any:
        if type(self.p) is Deterministic:
            # one sample of a fixed p: the scalar draw takes the same double
            return 1 if rng.random() < self.p.value else 0
        return self._draw((1,), rng)[0]


# ---------------------------------------------------------------------------
# Modifiers of another parameter's samples
# ---------------------------------------------------------------------------


class Clip(StochasticParameter):
    """Clip another parameter's samples to ``[minval, maxval]``.

    Parameters
    ----------
    other_param : number, tuple, list or StochasticParameter
        The samples to clip.
    minval, maxval : number or None
        Bounds; None leaves that side open. Integer samples stay integers (the
        bounds are rounded inwards).

    Examples
    --------
    >>> Clip(Deterministic(5), 0, 3).draw_samples(2).tolist()
    [3, 3]
    """

    _fields = ("other_param", "minval", "maxval")

    def __init__(
        self, other_param: ParameterLike, minval: float | None = None, maxval: float | None = None
    ) -> None:
        self.other_param = _any_param(other_param, "other_param")
        self.minval = None if minval is None else _number(minval, "minval")
        self.maxval = None if maxval is None else _number(maxval, "maxval")
        if self.minval is not None and self.maxval is not None and self.minval > self.maxval:
            raise ParameterError(
                f"minval: expected minval <= maxval, got minval={self.minval!r} "
                f"and maxval={self.maxval!r}"
            )

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        samples = self.other_param._draw(size, rng)
        low, high = self.minval, self.maxval
        if samples.dtype.kind in "iu":
            low = None if low is None else math.ceil(low)
            high = None if high is None else math.floor(high)
        if low is None and high is None:
            return samples
        return np.clip(samples, low, high)


class Discretize(StochasticParameter):
    """Turn another parameter's samples into integers (int64).

    Parameters
    ----------
    other_param : number, tuple, list or StochasticParameter
        The samples to discretise. Integer and bool samples are returned unchanged.
    round : bool
        Round to the nearest integer (default); False truncates towards zero.

    Examples
    --------
    >>> Discretize(Deterministic(2.6)).draw_samples(2).tolist()
    [3, 3]
    """

    _fields = ("other_param", "round")

    def __init__(self, other_param: ParameterLike, round: bool = True) -> None:
        self.other_param = _any_param(other_param, "other_param")
        self.round = _flag(round, "round")

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        samples = self.other_param._draw(size, rng)
        if samples.dtype.kind in "iub":
            return samples
        if self.round:
            samples = np.rint(samples)
        return samples.astype(np.int64)


class Absolute(StochasticParameter):
    """Take the absolute value of another parameter's samples.

    Parameters
    ----------
    other_param : number, tuple, list or StochasticParameter
        The samples.

    Examples
    --------
    >>> Absolute(Deterministic(-2)).draw_samples(2).tolist()
    [2, 2]
    """

    _fields = ("other_param",)

    def __init__(self, other_param: ParameterLike) -> None:
        self.other_param = _any_param(other_param, "other_param")

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.absolute(self.other_param._draw(size, rng))


class RandomSign(StochasticParameter):
    """Give another parameter's samples a random sign.

    The magnitude is kept and the sign is positive with probability `p_positive`.

    Parameters
    ----------
    other_param : number, tuple, list or StochasticParameter
        The samples.
    p_positive : number
        Probability of a positive sign, in [0, 1].

    Examples
    --------
    >>> sorted(set(RandomSign(Deterministic(2)).draw_samples(50, random_state=0).tolist()))
    [-2, 2]
    """

    _fields = ("other_param", "p_positive")

    def __init__(self, other_param: ParameterLike, p_positive: float = 0.5) -> None:
        self.other_param = _any_param(other_param, "other_param")
        self.p_positive = _number(p_positive, "p_positive", low=0)
        if self.p_positive > 1:
            raise ParameterError(
                f"p_positive: expected a number in [0, 1], got {describe(p_positive)}"
            )

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        magnitude = np.absolute(self.other_param._draw(size, rng))
        return np.where(rng.random(size) < self.p_positive, magnitude, -magnitude)


class ForceSign(StochasticParameter):
    """Force the sign of another parameter's samples.

    Parameters
    ----------
    other_param : number, tuple, list or StochasticParameter
        The samples.
    positive : bool
        True makes every sample >= 0, False every sample <= 0.
    mode : {'invert', 'reroll'}
        ``invert`` flips wrong signs; ``reroll`` draws wrongly signed samples again
        (up to `reroll_count_max` times) and flips those still wrong.
    reroll_count_max : int
        Maximum rerolls, >= 0.

    Examples
    --------
    >>> ForceSign(Deterministic(-2), positive=True).draw_samples(2).tolist()
    [2, 2]
    """

    _fields: ClassVar[tuple[str, ...]] = ("other_param", "positive", "mode", "reroll_count_max")

    def __init__(
        self,
        other_param: ParameterLike,
        positive: bool,
        mode: str = "invert",
        reroll_count_max: int = 2,
    ) -> None:
        self.other_param = _any_param(other_param, "other_param")
        self.positive = _flag(positive, "positive")
        if mode not in ("invert", "reroll"):
            raise ParameterError(
                f"mode: expected one of {{'invert', 'reroll'}}, got {describe(mode)}"
            )
        self.mode = mode
        self.reroll_count_max = _number(reroll_count_max, "reroll_count_max", low=0, integer=True)

    def _wrong(self, samples: np.ndarray) -> np.ndarray:
        return samples < 0 if self.positive else samples > 0

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        samples = self.other_param._draw(size, rng)
        wrong = self._wrong(samples)
        if self.mode == "reroll":
            samples = np.array(samples, copy=True)
            for _ in range(self.reroll_count_max):
                count = int(np.count_nonzero(wrong))
                if not count:
                    break
                samples[wrong] = self.other_param._draw((count,), rng)
                wrong = self._wrong(samples)
        return np.where(wrong, -samples, samples)


class _FixedSign(ForceSign):
    """ForceSign with the sign fixed by the subclass."""

    _fields = ("other_param", "mode", "reroll_count_max")
    _sign: ClassVar[bool] = True

    def __init__(
        self, other_param: ParameterLike, mode: str = "invert", reroll_count_max: int = 2
    ) -> None:
        super().__init__(other_param, self._sign, mode, reroll_count_max)


_FIXED_SIGN_DOC = """Force another parameter's samples to be {relation} 0.

    The same as ``ForceSign(other_param, positive={sign}, ...)``.

    Parameters
    ----------
    other_param : number, tuple, list or StochasticParameter
        The samples.
    mode : {{'invert', 'reroll'}}
        See :class:`ForceSign`.
    reroll_count_max : int
        See :class:`ForceSign`.

    Examples
    --------
    >>> bool(({name}(Normal(0, 1)).draw_samples(20, random_state=0) {relation} 0).all())
    True
    """


class Positive(_FixedSign):
    __doc__ = _FIXED_SIGN_DOC.format(relation=">=", sign=True, name="Positive")
    _sign = True


class Negative(_FixedSign):
    __doc__ = _FIXED_SIGN_DOC.format(relation="<=", sign=False, name="Negative")
    _sign = False


# ---------------------------------------------------------------------------
# Arithmetic
# ---------------------------------------------------------------------------


class _Arithmetic(StochasticParameter):
    """Combine another parameter's samples with `val` by one binary operation."""

    _fields = ("other_param", "val", "elementwise")

    def __init__(self, other_param: ParameterLike, val: ParameterLike, elementwise: bool = True):
        self.other_param = _any_param(other_param, "other_param")
        self.val = _any_param(val, "val")
        self.elementwise = _flag(elementwise, "elementwise")

    @staticmethod
    def _apply(samples: np.ndarray, values: Any) -> np.ndarray:
        raise NotImplementedError

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        samples = self.other_param._draw(size, rng)
        if self.elementwise:
            values = _draw_arg(self.val, size, rng)
        else:
            values = _draw_once(self.val, rng)
        return self._apply(samples, values)


_ARITHMETIC_DOC = """{summary}

    Parameters
    ----------
    other_param : number, tuple, list or StochasticParameter
        The left operand.
    val : number, tuple, list or StochasticParameter
        The right operand.
    elementwise : bool
        True (default) draws `val` once per sample; False draws one value of `val`
        per call and applies it to all samples (imgaug's default).

    Examples
    --------
    >>> {example}
    {result}
    """


class Multiply(_Arithmetic):
    @staticmethod
    def _apply(samples: np.ndarray, values: Any) -> np.ndarray:
        return np.multiply(samples, values)


class Divide(_Arithmetic):
    @staticmethod
    def _apply(samples: np.ndarray, values: Any) -> np.ndarray:
        values = np.where(np.asarray(values) == 0, 1, values)
        return np.true_divide(samples, values)


class Add(_Arithmetic):
    @staticmethod
    def _apply(samples: np.ndarray, values: Any) -> np.ndarray:
        return np.add(samples, values)


class Subtract(_Arithmetic):
    @staticmethod
    def _apply(samples: np.ndarray, values: Any) -> np.ndarray:
        return np.subtract(samples, values)


class Power(_Arithmetic):
    @staticmethod
    def _apply(samples: np.ndarray, values: Any) -> np.ndarray:
        if samples.dtype.kind != "f":
            samples = samples.astype(np.float64)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.power(samples, values)


Multiply.__doc__ = _ARITHMETIC_DOC.format(
    summary="Multiply another parameter's samples by `val` (also ``p * q``).",
    example="Multiply(Deterministic(3), 2).draw_samples(2).tolist()",
    result="[6, 6]",
)
Divide.__doc__ = _ARITHMETIC_DOC.format(
    summary="Divide another parameter's samples by `val` (also ``p / q``); float result.\n\n"
    "    A `val` of 0 is replaced by 1, so no sample is infinite.",
    example="Divide(Deterministic(3), 2).draw_samples(2).tolist()",
    result="[1.5, 1.5]",
)
Add.__doc__ = _ARITHMETIC_DOC.format(
    summary="Add `val` to another parameter's samples (also ``p + q``).",
    example="Add(Deterministic(3), 2).draw_samples(2).tolist()",
    result="[5, 5]",
)
Subtract.__doc__ = _ARITHMETIC_DOC.format(
    summary="Subtract `val` from another parameter's samples (also ``p - q``).",
    example="Subtract(Deterministic(3), 2).draw_samples(2).tolist()",
    result="[1, 1]",
)
Power.__doc__ = _ARITHMETIC_DOC.format(
    summary="Raise another parameter's samples to the power `val` (also ``p ** q``).\n\n"
    "    The result is float; a negative base with a fractional exponent gives NaN.",
    example="Power(Deterministic(3), 2).draw_samples(2).tolist()",
    result="[9.0, 9.0]",
)


# ---------------------------------------------------------------------------
# Noise planes and their modifiers
# ---------------------------------------------------------------------------


def _plane_shape(size: tuple[int, ...], owner: StochasticParameter) -> tuple[int, int, int | None]:
    if len(size) == 2:
        return size[0], size[1], None
    if len(size) == 3:
        return size[0], size[1], size[2]
    raise ParameterError(
        f"{type(owner).__name__}: draws noise planes of size (H, W) or (H, W, C), "
        f"got size {describe(size)}"
    )


class _NoisePlane(StochasticParameter):
    """Shared drawing for noise parameters: one plane per channel, upscaled."""

    # Set by each subclass's __init__.
    size_px_max: StochasticParameter
    upscale_method: StochasticParameter

    def _plane(self, height: int, width: int, rng: np.random.Generator) -> np.ndarray:
        raise NotImplementedError

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        height, width, channels = _plane_shape(size, self)
        if channels is None:
            return self._upscaled(height, width, rng)
        planes = [self._upscaled(height, width, rng) for _ in range(channels)]
        if not planes:
            return np.zeros(size, dtype=np.float32)
        return np.stack(planes, axis=-1)

    def _upscaled(self, height: int, width: int, rng: np.random.Generator) -> np.ndarray:
        if height == 0 or width == 0:
            return np.zeros((height, width), dtype=np.float32)
        size_px_max = int(_draw_once(self.size_px_max, rng))
        method = str(_draw_once(self.upscale_method, rng))
        small_h, small_w = _noise.low_resolution_shape(height, width, max(size_px_max, 1))
        plane = self._plane(small_h, small_w, rng)
        plane = _noise.resize(plane, height, width, method)
        if method == "cubic":
            plane = np.clip(plane, 0.0, 1.0)
        return plane


class SimplexNoise(_NoisePlane):
    """Draw smooth blobby noise planes with values in [0, 1] (float32).

    Simplex noise is generated on a grid whose longer side is at most
    `size_px_max` and upscaled to the requested size, so larger values give finer
    detail. ``draw_samples((H, W))`` returns one plane; ``(H, W, C)`` returns C
    independent planes.

    Parameters
    ----------
    size_px_max : int, tuple, list or StochasticParameter
        Longer side of the low-resolution grid, in [1, 10000]; drawn once per plane.
    upscale_method : {'nearest', 'linear', 'area', 'cubic'}, list, augkit.ALL or parameter
        Interpolation for upscaling; drawn once per plane. ``nearest`` gives hard-edged
        rectangles, ``linear`` soft blobs.

    Examples
    --------
    >>> plane = SimplexNoise().draw_samples((32, 48), random_state=0)
    >>> plane.shape, plane.dtype.name
    ((32, 48), 'float32')
    """

    _fields = ("size_px_max", "upscale_method")

    def __init__(
        self,
        size_px_max: ParameterLike = (2, 16),
        upscale_method: str | Sequence[str] | StochasticParameter = ("linear", "nearest"),
    ) -> None:
        self.size_px_max = handle_discrete_param(size_px_max, "size_px_max", value_range=(1, 10000))
        self.upscale_method = handle_choice_param(upscale_method, "upscale_method",
                                                  _noise.RESIZE_METHODS)

    def _plane(self, height: int, width: int, rng: np.random.Generator) -> np.ndarray:
        return _noise.simplex_noise(height, width, rng)


class FrequencyNoise(_NoisePlane):
    """Draw noise planes shaped in the frequency domain, values in [0, 1] (float32).

    A random-phase spectrum whose magnitudes fall off as ``frequency ** exponent``
    is transformed back on a low-resolution grid, rescaled to [0, 1] and upscaled.
    Exponents near -4 give large blobs, near -2 clouds, near 4 fine repetitive grain.

    Parameters
    ----------
    exponent : number, tuple, list or StochasticParameter
        Frequency weighting exponent; drawn once per plane.
    size_px_max : int, tuple, list or StochasticParameter
        Longer side of the low-resolution grid, in [1, 10000]; drawn once per plane.
    upscale_method : {'nearest', 'linear', 'area', 'cubic'}, list, augkit.ALL or parameter
        Interpolation for upscaling; drawn once per plane.

    Examples
    --------
    >>> FrequencyNoise(exponent=-2).draw_samples((16, 16), random_state=0).shape
    (16, 16)
    """

    _fields = ("exponent", "size_px_max", "upscale_method")

    def __init__(
        self,
        exponent: ParameterLike = (-4, 4),
        size_px_max: ParameterLike = (4, 32),
        upscale_method: str | Sequence[str] | StochasticParameter = ("linear", "nearest"),
    ) -> None:
        self.exponent = handle_continuous_param(exponent, "exponent")
        self.size_px_max = handle_discrete_param(size_px_max, "size_px_max", value_range=(1, 10000))
        self.upscale_method = handle_choice_param(upscale_method, "upscale_method",
                                                  _noise.RESIZE_METHODS)

    def _plane(self, height: int, width: int, rng: np.random.Generator) -> np.ndarray:
        exponent = float(_draw_once(self.exponent, rng))
        return _noise.frequency_noise(height, width, exponent, rng)


class IterativeNoiseAggregator(StochasticParameter):
    """Draw another parameter several times and combine the results elementwise.

    Parameters
    ----------
    other_param : StochasticParameter
        Usually a noise parameter.
    iterations : int, tuple, list or StochasticParameter
        How many draws to combine, in [1, 10000]; drawn once per call.
    aggregation_method : {'min', 'max', 'avg'}, list of them, augkit.ALL or StochasticParameter
        Elementwise minimum, maximum or mean of the draws; drawn once per call.

    Examples
    --------
    >>> agg = IterativeNoiseAggregator(SimplexNoise(), iterations=3, aggregation_method="max")
    >>> agg.draw_samples((8, 8), random_state=0).shape
    (8, 8)
    """

    _fields = ("other_param", "iterations", "aggregation_method")
    _methods = ("min", "max", "avg")

    def __init__(
        self,
        other_param: ParameterLike,
        iterations: ParameterLike = (1, 3),
        aggregation_method: str | Sequence[str] | StochasticParameter = ("max", "avg"),
    ) -> None:
        self.other_param = _any_param(other_param, "other_param")
        self.iterations = handle_discrete_param(iterations, "iterations", value_range=(1, 10000))
        self.aggregation_method = handle_choice_param(aggregation_method, "aggregation_method",
                                                      self._methods)

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        iterations = max(int(_draw_once(self.iterations, rng)), 1)
        method = str(_draw_once(self.aggregation_method, rng))
        combine = {"min": np.minimum, "max": np.maximum, "avg": np.add}[method]
        result = self.other_param._draw(size, rng)
        if method == "avg" and result.dtype.kind != "f":
            result = result.astype(np.float64)
        for _ in range(iterations - 1):
            result = combine(result, self.other_param._draw(size, rng))
        if method == "avg":
            result = result / iterations
        return result


class Sigmoid(StochasticParameter):
    """Apply a sigmoid to another parameter's samples, pushing them towards 0 or 1.

    The result is ``1 / (1 + exp(-(x * mul + add - threshold)))`` when the sigmoid is
    activated, else ``x`` unchanged. `threshold` and `activated` are drawn once per
    call (one noise plane gets one threshold). For noise in [0, 1] use
    :meth:`create_for_noise` (``mul=20, add=-10``).

    Parameters
    ----------
    other_param : StochasticParameter
        The samples, usually a noise parameter.
    threshold : number, tuple, list or StochasticParameter
        Shift of the sigmoid's midpoint; higher gives more values near 0.
    activated : bool, number in [0, 1] or StochasticParameter
        Probability (per call) that the sigmoid is applied.
    mul : number
        Factor applied to the samples first, > 0.
    add : number
        Offset added after `mul`.

    Examples
    --------
    >>> Sigmoid(Deterministic(0.0), threshold=0).draw_samples(2).tolist()
    [0.5, 0.5]
    """

    _fields = ("other_param", "threshold", "activated", "mul", "add")

    def __init__(
        self,
        other_param: ParameterLike,
        threshold: ParameterLike = (-10, 10),
        activated: bool | float | StochasticParameter = True,
        mul: float = 1,
        add: float = 0,
    ) -> None:
        self.other_param = _any_param(other_param, "other_param")
        self.threshold = handle_continuous_param(threshold, "threshold")
        self.activated = handle_probability_param(activated, "activated")
        self.mul = _number(mul, "mul")
        if self.mul <= 0:
            raise ParameterError(f"mul: expected a number > 0, got {describe(mul)}")
        self.add = _number(add, "add")

    @classmethod
    def create_for_noise(
        cls,
        other_param: ParameterLike,
        threshold: ParameterLike = (-10, 10),
        activated: bool | float | StochasticParameter = True,
    ) -> Sigmoid:
        """Return a Sigmoid scaled for samples in [0, 1] (``mul=20, add=-10``).

        Examples
        --------
        >>> Sigmoid.create_for_noise(SimplexNoise()).mul
        20
        """
        return cls(other_param, threshold, activated, mul=20, add=-10)

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        samples = self.other_param._draw(size, rng)
        activated = _draw_once(self.activated, rng)
        threshold = float(_draw_once(self.threshold, rng))
        if not activated > 0.5:
            return samples
        if samples.dtype.kind != "f":
            samples = samples.astype(np.float64)
        with np.errstate(over="ignore"):
            return 1.0 / (1.0 + np.exp(-(samples * self.mul + self.add - threshold)))


class FromLowerResolution(StochasticParameter):
    """Draw another parameter at a lower resolution and upscale its samples.

    For sizes ``(H, W)``, ``(H, W, C)`` or ``(N, H, W, C)``: the height and width of
    the small grid are drawn (separately) from `size_px` or as `size_percent` of
    ``H`` and ``W``, `other_param` is drawn at ``(h, w)``, ``(h, w, C)`` per item,
    and the result is resized back. This makes coarse, blocky masks, e.g.
    ``FromLowerResolution(Binomial(0.1), size_percent=0.05)`` for coarse dropout.

    Parameters
    ----------
    other_param : StochasticParameter
        The parameter to draw at low resolution.
    size_percent : number, tuple, list or StochasticParameter, optional
        Fraction of ``H`` and ``W``, > 0. Give exactly one of `size_percent` and
        `size_px`.
    size_px : int, tuple, list or StochasticParameter, optional
        Height and width in pixels, >= 1.
    method : {'nearest', 'linear', 'area', 'cubic'}, list of them, augkit.ALL or StochasticParameter
        Upscaling interpolation. ``nearest`` keeps the dtype; the others return
        float32 (float64 stays float64).
    min_size : int
        Smallest low-resolution height and width, >= 1.

    Examples
    --------
    >>> p = FromLowerResolution(Binomial(0.5), size_px=2)
    >>> p.draw_samples((4, 4), random_state=0).shape
    (4, 4)
    """

    _fields = ("other_param", "size_percent", "size_px", "method", "min_size")

    def __init__(
        self,
        other_param: ParameterLike,
        size_percent: ParameterLike | None = None,
        size_px: ParameterLike | None = None,
        method: str | Sequence[str] | StochasticParameter = "nearest",
        min_size: int = 1,
    ) -> None:
        if (size_percent is None) == (size_px is None):
            raise ParameterError(
                "size_percent, size_px: expected exactly one of them, got "
                f"size_percent={describe(size_percent)} and size_px={describe(size_px)}"
            )
        self.other_param = _any_param(other_param, "other_param")
        self.size_percent = (
            None
            if size_percent is None
            else handle_continuous_param(size_percent, "size_percent", value_range=(0, None))
        )
        self.size_px = (
            None
            if size_px is None
            else handle_discrete_param(size_px, "size_px", value_range=(1, None))
        )
        self.method = handle_choice_param(method, "method", _noise.RESIZE_METHODS)
        self.min_size = _number(min_size, "min_size", low=1, integer=True)

    def _draw(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        if len(size) not in (2, 3, 4):
            raise ParameterError(
                "FromLowerResolution: draws samples of size (H, W), (H, W, C) or "
                f"(N, H, W, C), got size {describe(size)}"
            )
        count = size[0] if len(size) == 4 else 1
        height, width = size[-3:-1] if len(size) >= 3 else size
        channels = size[-1:] if len(size) >= 3 else ()
        if self.size_px is not None:
            small = _as_int_array(_draw_arg(self.size_px, (count, 2), rng))
        else:  # __init__ took exactly one of size_px and size_percent: this one is set
            fraction = _draw_arg(self.size_percent, (count, 2), rng)  # type: ignore[arg-type]
            small = (np.asarray(fraction) * np.array([height, width])).astype(np.int64)
        small = np.broadcast_to(np.maximum(small, self.min_size), (count, 2))
        methods = np.broadcast_to(_draw_arg(self.method, (count,), rng), (count,))
        planes = []
        for (small_h, small_w), method in zip(small.tolist(), methods.tolist(), strict=True):
            samples = self.other_param._draw((small_h, small_w, *channels), rng)
            planes.append(_noise.resize(samples, height, width, str(method)))
        if len(size) != 4:
            return planes[0]
        if not planes:
            return np.zeros(size, dtype=np.float64)
        return np.stack(planes)
