"""Deprecation warnings that are shown by default (imgaug's ``ia.warn_deprecated``).

A low-level module, so that any part of augkit can mark an imgaug-era argument or
function as deprecated.

Examples
--------
>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     warn_deprecated("use g() instead")
>>> caught[0].category.__name__
'AugkitDeprecationWarning'
"""

from __future__ import annotations

import warnings


class AugkitDeprecationWarning(Warning):
    """A deprecated call: shown by default, unlike Python's ``DeprecationWarning``.

    imgaug calls this class ``DeprecationWarning`` (``ia.DeprecationWarning``);
    augkit exposes it under that name too.
    """


def warn(msg: str, category: type[Warning] = UserWarning, stacklevel: int = 2) -> None:
    """Issue ``warnings.warn(msg, category)`` pointing at the caller's caller.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn("careful")
    >>> str(caught[0].message)
    'careful'
    """
    warnings.warn(msg, category=category, stacklevel=stacklevel + 1)


def warn_deprecated(msg: str, stacklevel: int = 2) -> None:
    """Issue an :class:`AugkitDeprecationWarning` (visible by default).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_deprecated("old")
    >>> caught[0].category is AugkitDeprecationWarning
    True
    """
    warn(msg, category=AugkitDeprecationWarning, stacklevel=stacklevel + 1)


__all__ = ["AugkitDeprecationWarning", "warn", "warn_deprecated"]
