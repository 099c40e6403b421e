"""imgaug's ``imgaug.augmenters`` namespace: augmenters, family modules and their functions.

``from augkit import augmenters as iaa`` gives imgaug-style code its namespace, resolved
lazily through the registry, so any installed plugin appears here with no change to
augkit:

- ``iaa.Affine``, ``iaa.Sequential``...: every registered augmenter class;
- ``iaa.flip``, ``iaa.size``, ``iaa.pillike``...: imgaug's modules, each the module a
  plugin names in its ``augkit_modules`` hook (``import augkit.augmenters.flip`` works
  too); a first-party module whose distribution is missing is an error that names it;
- ``iaa.fliplr``, ``iaa.CSPACE_HSV``, ``iaa.SomeColorsMaskGen``...: what imgaug's
  ``imgaug.augmenters`` star-imported from its modules (every module's ``__all__``
  except ``pillike`` and ``imgcorruptlike``, whose names clash and stay qualified).

Examples
--------
>>> import numpy as np
>>> from augkit import augmenters as iaa
>>> iaa.Noop is iaa.Identity
True
>>> iaa.flip.fliplr(np.array([[1, 2, 3]], dtype=np.uint8)).tolist()
[[3, 2, 1]]
>>> import augkit.augmenters.meta
>>> augkit.augmenters.meta.Sequential is iaa.Sequential
True
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the core's augmenters, for type checkers (plugins' resolve at run time)
    from augkit.blend import (
        BlendAlpha,
        BlendAlphaBoundingBoxes,
        BlendAlphaCheckerboard,
        BlendAlphaElementwise,
        BlendAlphaFrequencyNoise,
        BlendAlphaHorizontalLinearGradient,
        BlendAlphaMask,
        BlendAlphaRegularGrid,
        BlendAlphaSegMapClassIds,
        BlendAlphaSimplexNoise,
        BlendAlphaSomeColors,
        BlendAlphaVerticalLinearGradient,
    )
    from augkit.meta import (
        AssertLambda,
        AssertShape,
        ChannelShuffle,
        ClipCBAsToImagePlanes,
        Identity,
        Lambda,
        OneOf,
        RemoveCBAsByOutOfImageFraction,
        Sequential,
        SomeOf,
        Sometimes,
        WithChannels,
    )
    from augkit.meta import (
        Identity as Noop,
    )

# imgaug.augmenters star-imported these modules, in this order (later ones win).
STAR_MODULES = ("arithmetic", "artistic", "blend", "blur", "collections", "color", "contrast",
                "convolutional", "debug", "edges", "flip", "geometric", "meta", "pooling",
                "segmentation", "size", "weather")

# A package with no directory: its submodules are the registry's modules (see _Finder).
__path__: list[str] = []


def _module(name: str) -> ModuleType | None:
    """Import the module the registry maps *name* to (None: no such imgaug module)."""
    from augkit.registry import registry

    path = registry.module_path(name)
    return None if path is None else importlib.import_module(path)


def _star_lookup(name: str) -> Any:
    from augkit.registry import registry

    provided = registry.modules()
    for module_name in reversed(STAR_MODULES):
        if module_name not in provided:
            continue
        module = importlib.import_module(provided[module_name])
        if name in getattr(module, "__all__", ()):
            return getattr(module, name)
    raise AttributeError(name)


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    from augkit.errors import AmbiguousNameError, UnknownAugmenterError
    from augkit.registry import registry

    try:
        module = _module(name)
    except (UnknownAugmenterError, AmbiguousNameError) as exc:
        raise AttributeError(str(exc)) from exc
    if module is not None:
        return module
    try:
        return registry.get_class(name)
    except (UnknownAugmenterError, AmbiguousNameError) as exc:
        try:
            return _star_lookup(name)
        except AttributeError:
            raise AttributeError(str(exc)) from exc


def __dir__() -> list[str]:
    from augkit.registry import registry

    provided = registry.modules()
    names = {n for n in registry.names() if ":" not in n} | set(provided)
    for module_name in STAR_MODULES:
        if module_name in provided:
            names.update(getattr(importlib.import_module(provided[module_name]), "__all__", ()))
    return sorted(names)


class _Alias(importlib.abc.Loader):
    """Loads ``augkit.augmenters.<name>`` as the plugin's module itself (no copy)."""

    def __init__(self, target: ModuleType) -> None:
        self.target = target

    def create_module(self, spec: Any) -> ModuleType:
        return self.target

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the plugin's module is already imported."""


class _Finder(importlib.abc.MetaPathFinder):
    """Makes ``import augkit.augmenters.<name>`` resolve through the registry."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        prefix = __name__ + "."
        name = fullname[len(prefix):]
        if not fullname.startswith(prefix) or "." in name:
            return None
        from augkit.errors import AmbiguousNameError, UnknownAugmenterError

        try:
            module = _module(name)
        except (UnknownAugmenterError, AmbiguousNameError) as exc:
            raise ModuleNotFoundError(str(exc), name=fullname) from exc
        if module is None:
            return None
        return importlib.util.spec_from_loader(fullname, _Alias(module))


if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
    sys.meta_path.append(_Finder())
