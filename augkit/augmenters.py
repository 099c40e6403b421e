"""Every registered augmenter class, as attributes of this module.

``from augkit import augmenters as iaa`` gives imgaug-style code its namespace:
``iaa.Affine``, ``iaa.GaussianBlur``, ``iaa.Sequential``... resolve through the
registry, so any installed plugin's augmenters appear here with no change to augkit.

Examples
--------
>>> from augkit import augmenters as iaa
>>> iaa.Noop is iaa.Identity
True
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    from augkit.errors import AmbiguousNameError, UnknownAugmenterError
    from augkit.registry import registry

    try:
        return registry.get_class(name)
    except (UnknownAugmenterError, AmbiguousNameError) as exc:
        raise AttributeError(str(exc)) from exc


def __dir__() -> list[str]:
    from augkit.registry import registry

    return sorted(n for n in registry.names() if ":" not in n)
