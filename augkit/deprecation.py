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

import functools
import warnings
from collections.abc import Callable
from typing import Any

from augkit.errors import ParameterError


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


def deprecated(alt_func: str | None = None, behavior: str = "warn",
               removed_version: str | None = None,
               comment: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator marking a function as deprecated (imgaug's ``ia.deprecated``).

    Parameters
    ----------
    alt_func : str, optional
        What to call instead, named in the message.
    behavior : {'warn', 'raise'}
        Warn (:func:`warn_deprecated`) on each call, or raise
        :class:`AugkitDeprecationWarning`.
    removed_version : str, optional
        The version that removed it, named in the message.
    comment : str, optional
        A sentence appended to the message.

    Examples
    --------
    >>> @deprecated("new()")
    ... def old():
    ...     return 1
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     old()
    1
    >>> str(caught[0].message)
    'Function `old()` is deprecated. Use `new()` instead.'
    """
    if behavior not in ("warn", "raise"):
        raise ParameterError(f"behavior: expected 'warn' or 'raise', got {behavior!r}")

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        message = f"Function `{func.__name__}()` is deprecated."
        if alt_func is not None:
            message += f" Use `{alt_func}` instead."
        if removed_version is not None:
            message += f" It is not available anymore since version {removed_version}."
        if comment is not None:
            message += " " + comment.rstrip(".") + "."

        @functools.wraps(func)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if behavior == "raise":
                raise AugkitDeprecationWarning(message)
            warn_deprecated(message)
            return func(*args, **kwargs)

        wrapped.__doc__ = f"**Deprecated**. {message}\n\n    {func.__doc__ or ''}"
        return wrapped

    return decorate


__all__ = ["AugkitDeprecationWarning", "deprecated", "warn", "warn_deprecated"]
