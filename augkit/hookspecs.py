"""The hooks a plugin implements, each with its contract.

A plugin is a module (named by an entry point in the ``augkit`` group) whose
functions are decorated with :data:`augkit.hookimpl`. The core registers its own
meta-augmenters and the seven built-in kinds through these same hooks.

Examples
--------
A plugin module ``augkit_foo/plugin.py``::

    import augkit

    @augkit.hookimpl
    def augkit_augmenters():
        from augkit_foo.foo import Foo
        return [Foo]

and in its ``pyproject.toml``::

    [project.entry-points.augkit]
    foo = "augkit_foo.plugin"
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("augkit")
hookimpl = pluggy.HookimplMarker("augkit")


@hookspec
def augkit_augmenters() -> list[type]:
    """Return the augmenter classes this plugin provides.

    Called once, when augkit first needs its registry (the first ``augkit.get``,
    ``augkit.augmenters.X`` or ``augkit list``), never at ``import augkit``. Each class
    must subclass :class:`augkit.Augmenter`. It is registered under
    ``cls.registered_name`` (default: the class name) and every name in
    ``cls.aliases``; the qualified name ``plugin:Name`` always resolves to it.

    Returns
    -------
    list of type
        The classes, in the order ``augkit list`` shows them.
    """


@hookspec
def augkit_kinds() -> list[type]:
    """Return the data kinds this plugin adds.

    Called when augkit first needs its registry. Each class subclasses
    :class:`augkit.MapKind` or :class:`augkit.PointsKind` (see
    ``augkit.augmentables.kind``); its ``name`` becomes a keyword of ``augment``,
    and every augmenter then transforms it by its category.

    Returns
    -------
    list of type
        The kind classes.
    """


@hookspec
def augkit_dataset_formats() -> list[type]:
    """Return the dataset formats this plugin adds to ``augkit augment``.

    Called by the ``augkit`` application (never by the engine) each time it needs the
    formats: to build ``--format``'s choices and ``augkit augment --help``, and to open
    a dataset. Each entry is a subclass of ``augkit.app.datasets.DatasetFormat`` (the
    protocol is described in ``augkit.app.datasets.base``) with a unique ``name``, the
    ``--format`` value, and a one-line ``description``; its ``detect`` class method
    takes part in ``--format auto``, plugins' formats being asked before the built-in
    ones. augkit's own COCO, YOLO, Pascal VOC and ``none`` formats are registered
    through this hook too.

    Returns
    -------
    list of type
        The format classes, in the order ``--format auto`` asks them.
    """


@hookspec
def augkit_presets() -> dict[str, object]:
    """Return the named pipelines this plugin adds (``augkit augment --pipeline NAME``).

    Called by the ``augkit`` application each time it resolves or lists a preset name
    (``--pipeline`` of ``augkit augment`` and ``augkit preview``, their ``--help``).
    A name registered by two plugins is an error that names both. augkit's own
    ``light``, ``medium`` and ``heavy`` are registered through this hook too.

    Returns
    -------
    dict of str to path or callable
        Preset name -> a YAML/JSON pipeline file written by ``augkit.save`` (a ``str``
        or ``os.PathLike``), or a callable with no arguments that returns an
        :class:`augkit.Augmenter`.
    """


@hookspec
def augkit_modules() -> dict[str, str]:
    """Return the imgaug module names this plugin provides, each mapped to its module.

    Called when augkit first needs its registry. ``augkit.augmenters.<name>`` (and
    ``import augkit.augmenters.<name>``) resolves *name* to the importable module
    given here, lazily: the module is imported on first access. That module's
    ``__all__`` is what ``augkit.augmenters.<name>`` exposes, in imgaug's module of
    the same name: the augmenters, public functions, constants and helper classes.
    A name registered by two plugins is an error naming both.

    Returns
    -------
    dict of str to str
        imgaug module name -> dotted module path, e.g.
        ``{"flip": "augkit_geometric.imgaug_flip", "pillike": "augkit_pillike.api"}``.
    """
