"""The built-in presets: one pipeline file each, from gentle to strong.

``light`` (flips, small rotations and scaling, mild brightness), ``medium`` (affine,
blur, colour and contrast, each on part of the images) and ``heavy`` (the big example
of imgaug's README). They are registered through the ``augkit_presets`` hook by
:mod:`augkit.app.plugin`, like any preset a plugin adds, and used by name:
``augkit augment --pipeline medium``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: The built-in preset names, in the order the commands list them.
BUILTIN_PRESETS = ("light", "medium", "heavy")


def builtin_presets() -> dict[str, Path]:
    """Return the built-in presets: name -> YAML pipeline file."""
    folder = resources.files(__name__)
    return {name: Path(str(folder.joinpath(f"{name}.yaml"))) for name in BUILTIN_PRESETS}


__all__ = ["BUILTIN_PRESETS", "builtin_presets"]
