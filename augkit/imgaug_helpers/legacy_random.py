"""imgaug's deprecated random-state functions (``ia.current_random_state`` and
``ia.new_random_state``), which hand out :class:`augkit.random.RNG` objects.

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

from augkit.deprecation import warn_deprecated
from augkit.rng import RNG, get_global_rng


def current_random_state() -> RNG:
    """Return the global :class:`~augkit.random.RNG` (deprecated in imgaug 0.4).

    Use :func:`augkit.random.get_global_rng`.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     current_random_state().is_global_rng()
    True
    """
    warn_deprecated("current_random_state() is deprecated; use "
                    "augkit.random.get_global_rng() instead.")
    return get_global_rng()


def new_random_state(seed: Any = None, fully_random: bool = False) -> RNG:
    """Return a new :class:`~augkit.random.RNG` (deprecated in imgaug 0.4).

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
    warn_deprecated("new_random_state() is deprecated; use augkit.random.RNG(seed) instead.")
    if seed is None:
        return RNG.create_fully_random() if fully_random else RNG.create_pseudo_random_()
    return RNG(seed)
