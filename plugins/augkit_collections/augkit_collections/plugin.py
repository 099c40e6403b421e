"""Hook implementations of the collections family (nothing else lives here)."""

from __future__ import annotations

import augkit


@augkit.hookimpl
def augkit_augmenters() -> list[type]:
    from augkit_collections import augmix, autoaugment, randaugment, trivialaugment

    return [*randaugment.AUGMENTERS, *trivialaugment.AUGMENTERS, *autoaugment.AUGMENTERS,
            *augmix.AUGMENTERS]


@augkit.hookimpl
def augkit_modules() -> dict[str, str]:
    return {"collections": "augkit_collections.imgaug_collections"}
