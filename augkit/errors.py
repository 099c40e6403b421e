"""The exceptions augkit raises.

Every error augkit raises on purpose subclasses :class:`AugkitError`, and also the
built-in exception a Python user would expect (``ValueError`` for a bad value,
``TypeError`` for a bad type, ``LookupError`` for an unknown name), so that both
``except augkit.AugkitError`` and ``except ValueError`` work.
"""

from __future__ import annotations


class AugkitError(Exception):
    """Base class of every error augkit raises on purpose."""


class ParameterError(AugkitError, ValueError):
    """An augmenter or parameter argument has a value that is not accepted.

    The message names the argument, the value given and what is accepted.
    """


class ParameterTypeError(AugkitError, TypeError):
    """An augmenter or parameter argument has a type that is not accepted."""


class InputError(AugkitError, ValueError):
    """Data passed to an augmenter (an image, keypoints, ...) is not usable."""


class UnsupportedDtypeError(InputError):
    """An image has a dtype the augmenter does not support."""


class ReplayError(InputError):
    """``replay(params, ...)`` got params that do not fit: not params of this augmenter,
    or data of other image sizes (or row count) than the call that sampled them."""


class UnsupportedKindError(AugkitError, TypeError):
    """An augmenter was asked to transform a kind of data it cannot transform."""


class UnknownAugmenterError(AugkitError, LookupError):
    """No installed plugin registers an augmenter of that name."""


class AmbiguousNameError(AugkitError, LookupError):
    """Two plugins register the same name; use the qualified ``plugin:Name``."""


class PluginError(AugkitError):
    """A plugin is broken: it failed to import or registered something invalid."""


class SerializationError(AugkitError, ValueError):
    """A serialized pipeline could not be read back; the message gives the path."""


def describe(value: object, limit: int = 80) -> str:
    """Return a short ``repr`` of *value* for an error message."""
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text
