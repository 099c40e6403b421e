"""The core's own plugin: meta-augmenters and the seven built-in kinds.

Registered through the same hooks as third-party plugins, under the name ``core``.
"""

from __future__ import annotations

from augkit.hookspecs import hookimpl


@hookimpl
def augkit_augmenters() -> list[type]:
    from augkit.blend import BLEND_AUGMENTERS
    from augkit.meta import META_AUGMENTERS

    return [*META_AUGMENTERS, *BLEND_AUGMENTERS]


@hookimpl
def augkit_kinds() -> list[type]:
    from augkit.augmentables import BUILTIN_KINDS

    return list(BUILTIN_KINDS)


@hookimpl
def augkit_modules() -> dict[str, str]:
    return {"meta": "augkit.imgaug_meta", "blend": "augkit.blend",
            "overlay": "augkit.imgaug_overlay"}
