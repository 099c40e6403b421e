"""The plugin registry: entry-point loading, name resolution and ``get``.

Plugins are modules named by entry points in the ``augkit`` group. They are loaded
lazily, the first time augkit needs to resolve a name, so that ``import augkit``
stays fast. A plugin that fails to import is recorded, warned about once, and
reported by ``augkit plugins`` and in "unknown augmenter" errors; augkit keeps
working without it. ``AUGKIT_BLOCK_PLUGINS=name,...`` skips plugins by name.
"""

from __future__ import annotations

import difflib
import os
import threading
import traceback
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pluggy

from augkit import hookspecs, kind_catalogue
from augkit._firstparty import FIRST_PARTY, FIRST_PARTY_MODULES
from augkit.errors import (
    AmbiguousNameError,
    PluginError,
    UnknownAugmenterError,
)

if TYPE_CHECKING:
    from augkit.augmenter import Augmenter

ENTRY_POINT_GROUP = "augkit"
BLOCK_ENV = "AUGKIT_BLOCK_PLUGINS"
CORE = "core"


class PluginLoadWarning(UserWarning):
    """A plugin failed to load; augkit goes on without it."""


@dataclass
class PluginInfo:
    """What the registry knows about one plugin."""

    name: str
    distribution: str | None = None
    version: str | None = None
    module: str | None = None
    error: str | None = None
    augmenters: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Entry:
    """One registered augmenter name."""

    name: str
    cls: type
    plugin: str
    is_alias: bool = False


class Registry:
    """Plugins, the augmenters and kinds they register, and lookups by name.

    Examples
    --------
    >>> from augkit.registry import registry
    >>> registry.get_class("Identity").__name__
    'Identity'
    """

    def __init__(self, *, load_entry_points: bool = True) -> None:
        self._load_entry_points = load_entry_points
        self._lock = threading.RLock()
        self._loaded = False
        self.pm = pluggy.PluginManager("augkit")
        self.pm.add_hookspecs(hookspecs)
        self.plugins: dict[str, PluginInfo] = {}
        self._names: dict[str, list[Entry]] = {}
        self._kinds: dict[str, type] = {}
        self._modules: dict[str, dict[str, str]] = {}

    # ---------------------------------------------------------------- loading
    def ensure_loaded(self) -> None:
        """Load the core plugin and every entry-point plugin, once."""
        if self._loaded:
            return
        with self._lock:
            if self._loaded:
                return
            from augkit import _builtin
            from augkit.random import global_stream_untouched

            with global_stream_untouched():
                self._register_module(_builtin, CORE, distribution="augkit")
                if self._load_entry_points:
                    self._load_from_entry_points()
                self._loaded = True
                self._rebuild()

    def _load_from_entry_points(self) -> None:
        from importlib.metadata import entry_points

        blocked = {n.strip() for n in os.environ.get(BLOCK_ENV, "").split(",") if n.strip()}
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            dist = ep.dist.name if ep.dist is not None else None
            version = ep.dist.version if ep.dist is not None else None
            if ep.name in blocked or (dist is not None and dist in blocked):
                continue
            try:
                module = ep.load()
            except Exception as exc:  # any import failure of a plugin must not break augkit
                self._record_failure(ep.name, dist, version, ep.value, exc)
                continue
            self._register_module(module, ep.name, distribution=dist, version=version)

    def _record_failure(self, name, dist, version, module, exc) -> None:
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        self.plugins[name] = PluginInfo(name, dist, version, module, error=detail)
        warnings.warn(
            f"augkit plugin {name!r} (distribution {dist}) failed to load and is skipped: "
            f"{detail}. Run 'augkit plugins' for details; set {BLOCK_ENV}={name} to silence.",
            PluginLoadWarning,
            stacklevel=4,
        )

    def _register_module(self, module, name, *, distribution=None, version=None) -> None:
        try:
            self.pm.register(module, name=name)
            self.pm.check_pending()
        except Exception as exc:
            if self.pm.is_registered(module):
                self.pm.unregister(module)
            self._record_failure(name, distribution, version, getattr(module, "__name__", None),
                                 exc)
            return
        self.plugins[name] = PluginInfo(name, distribution, version,
                                        getattr(module, "__name__", None))

    def register(self, plugin: Any, name: str | None = None) -> str:
        """Register a plugin object or module in-process (tests, notebooks).

        Parameters
        ----------
        plugin : module or object
            Holds ``@augkit.hookimpl`` functions.
        name : str, optional
            The plugin name (default: the module's or object's name).

        Returns
        -------
        str
            The name it was registered under; pass it to :meth:`unregister`.
        """
        self.ensure_loaded()
        name = name or getattr(plugin, "__name__", None) or type(plugin).__name__
        if name in self.plugins and self.plugins[name].error is None:
            raise PluginError(f"a plugin named {name!r} is already registered")
        with self._lock:
            self._register_module(plugin, name)
            error = self.plugins[name].error
            if error is None:
                self._rebuild()
        if error is not None:
            raise PluginError(f"plugin {name!r} could not be registered: {error}")
        return name

    def unregister(self, name: str) -> None:
        """Remove the plugin registered as *name* and everything it registered."""
        with self._lock:
            plugin = self.pm.get_plugin(name)
            if plugin is not None:
                self.pm.unregister(plugin)
            self.plugins.pop(name, None)
            self._rebuild()

    def _rebuild(self) -> None:
        from augkit.augmentables.kind import Kind
        from augkit.augmenter import Augmenter

        names: dict[str, list[Entry]] = {}
        kinds: dict[str, type] = {}
        for info in self.plugins.values():
            info.augmenters, info.kinds, info.modules = [], [], []
        for impl in self.pm.hook.augkit_augmenters.get_hookimpls():
            info = self.plugins[impl.plugin_name]
            for cls in self._call_impl(impl, info):
                if not (isinstance(cls, type) and issubclass(cls, Augmenter)):
                    info.error = f"augkit_augmenters returned {cls!r}, not an Augmenter class"
                    continue
                primary = cls.registered_name or cls.__name__
                info.augmenters.append(primary)
                for alias, is_alias in [(primary, False)] + [(a, True) for a in cls.aliases]:
                    names.setdefault(alias, []).append(Entry(alias, cls, info.name, is_alias))
        for impl in self.pm.hook.augkit_kinds.get_hookimpls():
            info = self.plugins[impl.plugin_name]
            for kind in self._call_impl(impl, info):
                if not (isinstance(kind, type) and issubclass(kind, Kind)):
                    info.error = f"augkit_kinds returned {kind!r}, not a Kind class"
                    continue
                info.kinds.append(kind.name)
                kinds.setdefault(kind.name, kind)
        self._names, self._kinds = names, kinds
        self._modules = self._collect_modules()
        kind_catalogue.set_plugin_kinds(kinds)

    def _collect_modules(self) -> dict[str, dict[str, str]]:
        modules: dict[str, dict[str, str]] = {}
        for impl in self.pm.hook.augkit_modules.get_hookimpls():
            info = self.plugins[impl.plugin_name]
            try:
                result: Any = impl.function()
                provided = dict(result)
            except Exception as exc:
                info.error = f"augkit_modules raised {type(exc).__name__}: {exc}"
                continue
            for name, target in provided.items():
                if not (isinstance(name, str) and isinstance(target, str)):
                    info.error = (f"augkit_modules returned {name!r}: {target!r}, expected "
                                  f"str: str (module name -> importable module)")
                    continue
                info.modules.append(name)
                modules.setdefault(name, {})[info.name] = target
        return modules

    @staticmethod
    def _call_impl(impl, info) -> list:
        try:
            return list(impl.function())
        except Exception as exc:
            info.error = f"{impl.function.__name__} raised {type(exc).__name__}: {exc}"
            return []

    # ---------------------------------------------------------------- lookups
    def get_class(self, name: str) -> type:
        """Return the augmenter class registered as *name* (or ``plugin:Name``).

        Raises
        ------
        UnknownAugmenterError
            No plugin registers *name*; lists close names, the distribution that
            provides a first-party name, and plugins that failed to load.
        AmbiguousNameError
            Several plugins register *name*; lists the qualified names.
        """
        self.ensure_loaded()
        plugin, sep, bare = name.partition(":")
        if sep:
            # A plugin registers a name other families use as ``<plugin>.<Name>``
            # (``pillike.Affine``); ``pillike:Affine`` reaches it too.
            for candidate in (bare, f"{plugin}.{bare}"):
                for entry in self._names.get(candidate, []):
                    if entry.plugin == plugin:
                        return entry.cls
            raise UnknownAugmenterError(self._unknown_message(name))
        entries = self._names.get(name)
        if not entries:
            raise UnknownAugmenterError(self._unknown_message(name))
        distinct = {entry.cls for entry in entries}
        if len(distinct) > 1:
            options = ", ".join(f"'{e.plugin}:{name}'" for e in entries)
            raise AmbiguousNameError(
                f"augmenter name {name!r} is registered by several plugins; "
                f"use a qualified name: {options}"
            )
        return entries[0].cls

    def _unknown_message(self, name: str) -> str:
        bare = name.partition(":")[2] or name
        parts = [f"unknown augmenter {name!r}."]
        close = difflib.get_close_matches(bare, list(self._names), n=3, cutoff=0.6)
        if close:
            parts.append("Did you mean " + " or ".join(repr(c) for c in close) + "?")
        dist = FIRST_PARTY.get(bare)
        if dist is not None and bare not in self._names:
            parts.append(f"{bare} is provided by the distribution {dist!r}: "
                         f"pip install {dist}.")
        failed = [info for info in self.plugins.values() if info.error]
        if failed:
            parts.append("Plugins that failed to load: " + "; ".join(
                f"{info.name} ({info.error})" for info in failed) + ".")
        return " ".join(parts)

    def get(self, name: str, /, **params: Any) -> Augmenter:
        """Build the augmenter registered as *name* with *params*."""
        return self.get_class(name)(**params)

    def names(self, *, aliases: bool = True) -> dict[str, str]:
        """Return every registered name mapped to the plugin that provides it."""
        self.ensure_loaded()
        out = {}
        for name, entries in sorted(self._names.items()):
            for entry in entries:
                if aliases or not entry.is_alias:
                    key = name if len(entries) == 1 else f"{entry.plugin}:{name}"
                    out[key] = entry.plugin
        return out

    def entries(self) -> Iterator[Entry]:
        """Yield every primary (non-alias) registration, sorted by name."""
        self.ensure_loaded()
        for name in sorted(self._names):
            for entry in self._names[name]:
                if not entry.is_alias:
                    yield entry

    def kinds(self) -> dict[str, type]:
        """Return every registered kind by name."""
        self.ensure_loaded()
        return dict(self._kinds)

    def modules(self) -> dict[str, str]:
        """Return every imgaug module name a plugin provides, mapped to its module path.

        A name provided by several plugins is left out (:meth:`module_path` explains).

        Examples
        --------
        >>> from augkit.registry import registry
        >>> registry.modules()["meta"]
        'augkit.imgaug_meta'
        """
        self.ensure_loaded()
        return {name: next(iter(by_plugin.values()))
                for name, by_plugin in sorted(self._modules.items())
                if len(set(by_plugin.values())) == 1}

    def module_path(self, name: str) -> str | None:
        """Return the importable module providing the imgaug module *name*.

        Returns ``None`` when no plugin provides *name* and it is no first-party
        module name either.

        Raises
        ------
        UnknownAugmenterError
            *name* is one of imgaug's modules but the distribution providing it is
            not installed; the message names it (``pip install augkit-...``).
        AmbiguousNameError
            Several plugins provide *name*; the message names them.
        """
        self.ensure_loaded()
        by_plugin = self._modules.get(name)
        if by_plugin is None:
            dist = FIRST_PARTY_MODULES.get(name)
            if dist is None:
                return None
            raise UnknownAugmenterError(
                f"augkit.augmenters.{name} (imgaug's module {name!r}) is provided by the "
                f"distribution {dist!r}, which is not installed: pip install {dist}."
            )
        if len(set(by_plugin.values())) > 1:
            sources = ", ".join(f"plugin {p!r} ({t})" for p, t in sorted(by_plugin.items()))
            raise AmbiguousNameError(
                f"module name {name!r} is provided by several plugins: {sources}; "
                f"uninstall one or block it with {BLOCK_ENV}=<plugin>."
            )
        return next(iter(by_plugin.values()))


registry = Registry()

def get(name: str, /, **params: Any) -> Augmenter:
    """Build an installed augmenter by name.

    Parameters
    ----------
    name : str
        A registered name (``"Affine"``), an alias (``"Noop"``) or a qualified
        name (``"geometric:Affine"``).
    **params
        The augmenter's parameters, in imgaug's forms.

    Examples
    --------
    >>> import augkit
    >>> augkit.get("Fliplr", p=1.0).name
    'Fliplr'
    """
    return registry.get(name, **params)


def names(*, aliases: bool = True) -> dict[str, str]:
    """Return every registered augmenter name and the plugin that provides it.

    Examples
    --------
    >>> import augkit
    >>> augkit.names()["Identity"]
    'core'
    """
    return registry.names(aliases=aliases)
