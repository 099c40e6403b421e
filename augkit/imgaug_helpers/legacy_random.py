"""imgaug's deprecated random-state functions (``ia.new_random_state`` and friends).

imgaug 0.4 kept them as deprecated wrappers of :mod:`imgaug.random`; here they wrap
:mod:`augkit.random` the same way and warn with
:class:`~augkit.deprecation.AugkitDeprecationWarning` on every call. Functions that
take a ``random_state`` accept a numpy Generator or an :class:`~augkit.random.RNG`
(whose generator is used).

Examples
--------
>>> import warnings
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     isinstance(new_random_state(0), RNG)
True
"""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import rng as _rng
from augkit.deprecation import deprecated
from augkit.rng import RNG


def _generator(random_state: Any) -> np.random.Generator:
    return random_state.generator if isinstance(random_state, RNG) else random_state


@deprecated("augkit.random.get_global_rng()")
def current_random_state() -> RNG:
    """Return the global :class:`~augkit.random.RNG`.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     current_random_state().is_global_rng()
    True
    """
    return _rng.get_global_rng()


@deprecated("augkit.random.RNG(seed)")
def new_random_state(seed: Any = None, fully_random: bool = False) -> RNG:
    """Return a new :class:`~augkit.random.RNG`.

    Parameters
    ----------
    seed : None or int
        The seed; None derives one from the global RNG (advancing it), or, with
        *fully_random*, from operating-system entropy.
    fully_random : bool

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     rng = new_random_state(1)
    >>> rng.equals(RNG(1))
    True
    """
    if seed is None:
        return RNG.create_fully_random() if fully_random else RNG.create_pseudo_random_()
    return RNG(seed)


@deprecated("augkit.random.RNG(1)")
def dummy_random_state() -> RNG:
    """Return ``RNG(1)``.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     dummy_random_state().equals(RNG(1))
    True
    """
    return RNG(1)


@deprecated("augkit.random.copy_generator_unless_global_generator()")
def copy_random_state(random_state: Any, force_copy: bool = False) -> np.random.Generator:
    """Return a copy of a generator; the global generator itself unless *force_copy*.

    Examples
    --------
    >>> import warnings
    >>> gen = np.random.default_rng(0)
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     copy = copy_random_state(gen)
    >>> copy is not gen and copy.random() == gen.random()
    True
    """
    generator = _generator(random_state)
    if force_copy:
        return _rng.copy_generator(generator)
    return _rng.copy_generator_unless_global_generator(generator)


@deprecated("augkit.random.derive_generator_()")
def derive_random_state(random_state: Any) -> np.random.Generator:
    """Return one child generator (advances *random_state*).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     child = derive_random_state(np.random.default_rng(0))
    >>> isinstance(child, np.random.Generator)
    True
    """
    return _rng.derive_generator_(_generator(random_state))


@deprecated("augkit.random.derive_generators_()")
def derive_random_states(random_state: Any, n: int = 1) -> list[np.random.Generator]:
    """Return *n* child generators (advances *random_state*).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     len(derive_random_states(RNG(0), n=3))
    3
    """
    return _rng.derive_generators_(_generator(random_state), n)


@deprecated("augkit.random.advance_generator_()")
def forward_random_state(random_state: Any) -> None:
    """Advance a generator by one draw, in place.

    Examples
    --------
    >>> import warnings
    >>> gen, twin = np.random.default_rng(0), np.random.default_rng(0)
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     forward_random_state(gen)
    >>> gen.random() == twin.random()
    False
    """
    _rng.advance_generator_(_generator(random_state))


@deprecated("augkit.random.normalize_generator_()")
def normalize_random_state(random_state: Any) -> np.random.Generator:
    """Return a numpy Generator for a seed, Generator, RNG, SeedSequence or None.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     gen = normalize_random_state(1)
    >>> type(gen.bit_generator).__name__
    'SFC64'
    """
    return _rng.normalize_generator_(random_state)
