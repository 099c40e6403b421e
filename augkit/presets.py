"""``augkit.load``: a pipeline file, or a preset by name.

Presets come from the ``augkit_presets`` hook (augkit's own ``light``, ``medium`` and
``heavy`` are registered by the application layer through the same hook), so the core
finds them through the registry without importing the application.

Examples
--------
>>> import augkit
>>> type(augkit.load("light")).__name__
'Sequential'
"""

from __future__ import annotations

import difflib
import os
from typing import Any

from augkit.augmenter import Augmenter
from augkit.errors import ParameterError, PluginError
from augkit.registry import registry
from augkit.serialization import load as load_file

__all__ = ["load", "preset_names"]


def load(path: str | os.PathLike, *, format: str | None = None) -> Augmenter:
    """Read an augmenter from a pipeline file, or build a registered preset by name.

    Parameters
    ----------
    path : str or os.PathLike
        A YAML or JSON file written by :func:`augkit.save`, or the name of a preset
        (``"light"``, ``"medium"``, ``"heavy"`` or one a plugin registers). An
        existing file wins over a preset of the same name.
    format : {'yaml', 'json'}, optional
        The file's format, if its name does not tell.

    Returns
    -------
    Augmenter

    Raises
    ------
    ParameterError
        *path* is neither a file nor a preset name (the message lists the presets).

    Examples
    --------
    >>> import numpy as np
    >>> aug = load("medium")
    >>> aug(image=np.zeros((8, 8, 3), np.uint8)).shape
    (8, 8, 3)
    """
    if isinstance(path, str) and not os.path.exists(path):
        presets = _presets()
        if path in presets:
            return _build(path, presets[path])
        if not os.path.splitext(path)[1] and format is None:
            close = difflib.get_close_matches(path, list(presets), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ParameterError(
                f"path: {path!r} is neither a pipeline file nor a preset{hint} "
                f"(presets: {', '.join(sorted(presets)) or 'none installed'})")
    return load_file(path, format=format)


def preset_names() -> list[str]:
    """Return the names of the registered presets, sorted.

    Examples
    --------
    >>> {"light", "medium", "heavy"} <= set(preset_names())
    True
    """
    return sorted(_presets())


def _presets() -> dict[str, Any]:
    registry.ensure_loaded()
    found: dict[str, Any] = {}
    # pluggy calls the last registered first and built-in (trylast) ones last:
    # a plugin's preset wins over a built-in one of the same name.
    for mapping in registry.pm.hook.augkit_presets():
        if isinstance(mapping, dict):
            for name, value in mapping.items():
                found.setdefault(name, value)
    return found


def _build(name: str, value: Any) -> Augmenter:
    if isinstance(value, (str, os.PathLike)):
        return load_file(value)
    aug = value()
    if not isinstance(aug, Augmenter):
        raise PluginError(f"preset {name!r}: its callable returned {type(aug).__name__}, "
                          "not an augkit Augmenter")
    return aug
