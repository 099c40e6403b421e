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
