"""The kind catalogue: which data keywords a call accepts, and the kind of each.

The seven built-in kinds are known without loading anything; kinds that plugins add
reach the catalogue from the registry (:func:`set_plugin_kinds`). The catalogue sits
below the engine and the registry: it imports neither. When a call names a keyword
it does not know, it runs the *loaders* that the layers above installed
(:func:`add_loader`; the ``augkit`` package installs one that loads the plugins)
before it gives up.

Examples
--------
>>> from augkit.kind_catalogue import resolve_keywords
>>> kind, single = resolve_keywords({"image": None})["image"]
>>> kind.name, single
('images', True)
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from augkit.errors import InputError
from augkit.meta_functions import warn_on_suspicious_shapes

if TYPE_CHECKING:
    from augkit.augmentables.kind import Kind

_plugin_kinds: dict[str, type[Kind]] = {}
_loaders: list[Callable[[], None]] = []
_cache: dict[str, tuple[type[Kind], bool]] = {}


def builtin_kinds() -> tuple[type[Kind], ...]:
    """Return the seven built-in kind classes, in their documented order."""
    from augkit.augmentables.kinds import BUILTIN_KINDS

    return BUILTIN_KINDS


def builtin_kind_names() -> list[tuple[str, str]]:
    """Return ``(name, category)`` of the seven built-in kinds, in order."""
    return [(kind.name, kind.category) for kind in builtin_kinds()]


def add_loader(loader: Callable[[], None]) -> None:
    """Run *loader* (once) the first time a call names a keyword nobody knows yet."""
    _loaders.append(loader)


def set_plugin_kinds(kinds: Mapping[str, type[Kind]]) -> None:
    """Replace the kinds registered by plugins (called by the registry)."""
    _plugin_kinds.clear()
    _plugin_kinds.update(kinds)
    _cache.clear()


def known_kinds() -> dict[str, type[Kind]]:
    """Return every kind known now, by name (built-in kinds first)."""
    kinds = {kind.name: kind for kind in builtin_kinds()}
    for name, kind in _plugin_kinds.items():
        kinds.setdefault(name, kind)
    return kinds


def resolve_keywords(data: Mapping[str, Any]) -> dict[str, tuple[type[Kind], bool]]:
    """Resolve the data keywords of a call to ``(kind, is_singular)``.

    Raises
    ------
    augkit.InputError
        For a keyword that no kind accepts, listing the accepted ones and the
        closest match.

    Warns
    -----
    SuspiciousSingleImageShapeWarning, SuspiciousMultiImageShapeWarning
        Where imgaug did (see :func:`augkit.meta_functions.warn_on_suspicious_shapes`).
    """
    warn_on_suspicious_shapes(data)
    out = {}
    for key in data:
        hit = _cache.get(key)
        if hit is None:
            hit = _cache[key] = _resolve(key)
        out[key] = hit
    return out


def _find(key: str, kinds: Mapping[str, type[Kind]]) -> tuple[type[Kind], bool] | None:
    if key in kinds:
        return kinds[key], False
    for kind in kinds.values():
        if kind.singular == key:
            return kind, True
    return None


class UnknownKeywordError(InputError, TypeError):
    """A call passed a keyword that names no kind (a TypeError, as for any function)."""


def _resolve(key: str) -> tuple[type[Kind], bool]:
    hit = _find(key, known_kinds())
    while hit is None and _loaders:
        _loaders.pop(0)()
        hit = _find(key, known_kinds())
    if hit is not None:
        return hit
    kinds = known_kinds()
    accepted = sorted(set(kinds) | {k.singular for k in kinds.values() if k.singular})
    close = difflib.get_close_matches(key, accepted, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise UnknownKeywordError(
        f"augment: unknown keyword {key!r}; accepted: {', '.join(accepted)}.{hint}"
    )
