"""The registered dataset formats and presets, looked up by name.

Formats and presets come from the ``augkit_dataset_formats`` and ``augkit_presets``
hooks of every plugin in :data:`augkit.registry.registry`. The application registers
its own plugin (:mod:`augkit.app.plugin`, named ``app``) there the first time it asks,
so the engine's registry never imports the application. Each lookup calls the hooks
again: a plugin registered or unregistered in-process (tests, notebooks) counts at once.

A name that two plugins register is refused when it is used, with both plugins named
(no silent last-wins); ``AUGKIT_BLOCK_PLUGINS`` skips one of them.

Examples
--------
>>> from augkit.app import catalogue
>>> catalogue.format_names()
['auto', 'coco', 'pascal_voc', 'yolo', 'none']
>>> catalogue.preset_names()
['light', 'medium', 'heavy']
"""

from __future__ import annotations

import os
import threading
import warnings
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from augkit.errors import AmbiguousNameError, InputError
from augkit.registry import PluginLoadWarning, Registry

#: The name of the application's own plugin in the registry.
APP_PLUGIN = "app"
#: The ``--format`` value that detects the format.
AUTO = "auto"
#: The format ``auto`` falls back to when no format recognises the folder.
FALLBACK_FORMAT = "none"

_lock = threading.Lock()


@dataclass(frozen=True)
class Registered:
    """One registered format or preset.

    Attributes
    ----------
    name : str
        The name it is used by (``--format``, ``--pipeline``).
    value : Any
        A format class, or a preset's file path or factory.
    plugin : str
        The plugin that registered it.
    """

    name: str
    value: Any
    plugin: str


def registry() -> Registry:
    """Return the engine's registry, with the application's plugin registered in it.

    The registry loads the installed plugins first (entry points), once.
    """
    from augkit.registry import registry as engine_registry

    with _lock:
        engine_registry.ensure_loaded()
        if APP_PLUGIN not in engine_registry.plugins:
            from augkit.app import plugin

            engine_registry.register(plugin, name=APP_PLUGIN)
            # Registered in-process, the registry cannot know where it comes from.
            info = engine_registry.plugins[APP_PLUGIN]
            info.distribution = "augkit"
            try:
                info.version = version("augkit")
            except PackageNotFoundError:  # running from a source tree
                info.version = None
    return engine_registry


def _results(hook_name: str) -> list[tuple[str, Any]]:
    """Call every implementation of a hook, in pluggy's order: ``(plugin, result)`` pairs.

    A plugin whose implementation raises is warned about and skipped.
    """
    caller = getattr(registry().pm.hook, hook_name)
    results = []
    for impl in reversed(caller.get_hookimpls()):  # the order pluggy calls them in
        try:
            results.append((impl.plugin_name, impl.function()))
        except Exception as exc:  # a broken plugin must not break augkit
            _skip(impl.plugin_name, f"{hook_name} raised {type(exc).__name__}: {exc}")
    return results


def _skip(plugin: str, problem: str) -> None:
    warnings.warn(f"augkit plugin {plugin!r}: {problem}; skipped. Set "
                  f"AUGKIT_BLOCK_PLUGINS={plugin} to silence.", PluginLoadWarning,
                  stacklevel=4)


def _unique(entries: list[Registered], name: str, what: str) -> Registered | None:
    found = [e for e in entries if e.name == name]
    plugins = sorted({e.plugin for e in found})
    if len(plugins) > 1:
        raise AmbiguousNameError(
            f"{what} {name!r} is registered by several plugins ({', '.join(plugins)}); "
            f"skip one with AUGKIT_BLOCK_PLUGINS")
    return found[0] if found else None


def _names(entries: list[Registered]) -> list[str]:
    return list(dict.fromkeys(e.name for e in entries))


# ---------------------------------------------------------------------- formats


def dataset_formats() -> list[Registered]:
    """Return every registered dataset format, in the order ``--format auto`` asks them.

    Returns
    -------
    list of Registered
        ``value`` is the format class (a :class:`~augkit.app.datasets.DatasetFormat`).
    """
    from augkit.app.datasets.base import DatasetFormat

    formats = []
    for plugin, classes in _results("augkit_dataset_formats"):
        for cls in classes:
            if not (isinstance(cls, type) and issubclass(cls, DatasetFormat)):
                _skip(plugin, f"augkit_dataset_formats returned {cls!r}, not a "
                              "DatasetFormat subclass")
            elif not isinstance(cls.name, str) or not cls.name or cls.name == AUTO:
                _skip(plugin, f"dataset format {cls.__name__} has the name {cls.name!r}; "
                              f"give it a non-empty name other than {AUTO!r}")
            else:
                formats.append(Registered(cls.name, cls, plugin))
    return formats


def format_names() -> list[str]:
    """Return what ``--format`` accepts: ``auto`` and every registered format's name."""
    return [AUTO, *_names(dataset_formats())]


def get_format(name: str) -> type:
    """Return the format class registered as *name*.

    Raises
    ------
    InputError
        No plugin registers *name*; the message lists the registered formats.
    AmbiguousNameError
        Several plugins register *name*.
    """
    found = _unique(dataset_formats(), name, "dataset format")
    if found is None:
        raise InputError(f"--format: expected one of {', '.join(format_names())}, "
                         f"got {name!r}")
    return found.value


def detect_format(input_dir: Path, annotations: Path | None) -> type:
    """Return the first registered format whose ``detect`` recognises the folder.

    Falls back to :data:`FALLBACK_FORMAT` (``none``: images without annotations).
    """
    for entry in dataset_formats():
        if entry.name != FALLBACK_FORMAT and entry.value.detect(input_dir, annotations):
            return get_format(entry.name)
    return get_format(FALLBACK_FORMAT)


# ---------------------------------------------------------------------- presets


def presets() -> list[Registered]:
    """Return every registered preset, plugins' first, the built-in ones last.

    Returns
    -------
    list of Registered
        ``value`` is the pipeline file (``str`` or ``os.PathLike``) or a callable
        that returns the pipeline.
    """
    found = []
    for plugin, mapping in _results("augkit_presets"):
        if not isinstance(mapping, dict):
            _skip(plugin, f"augkit_presets returned {type(mapping).__name__}, not a dict")
            continue
        for name, value in mapping.items():
            if isinstance(name, str) and (isinstance(value, (str, os.PathLike))
                                          or callable(value)):
                found.append(Registered(name, value, plugin))
            else:
                _skip(plugin, f"preset {name!r}: expected a name mapped to a pipeline file "
                              f"or a callable, got {value!r}")
    return found


def preset_names() -> list[str]:
    """Return the names ``--pipeline`` accepts besides files."""
    return _names(presets())


def find_preset(name: str) -> Registered | None:
    """Return the preset registered as *name*, or None.

    Raises
    ------
    AmbiguousNameError
        Several plugins register *name*.
    """
    return _unique(presets(), name, "preset")


__all__ = ["APP_PLUGIN", "AUTO", "FALLBACK_FORMAT", "Registered", "dataset_formats",
           "detect_format", "find_preset", "format_names", "get_format", "preset_names",
           "presets", "registry"]
