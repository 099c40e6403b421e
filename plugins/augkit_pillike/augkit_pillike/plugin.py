"""Hook implementations of the pillike family (nothing else lives here)."""

from __future__ import annotations

import augkit


@augkit.hookimpl
def augkit_augmenters() -> list[type]:
    from augkit_pillike import affine, enhance, filters, imageops

    return [*imageops.AUGMENTERS, *enhance.AUGMENTERS, *filters.AUGMENTERS, *affine.AUGMENTERS]


@augkit.hookimpl
def augkit_modules() -> dict[str, str]:
    return {"pillike": "augkit_pillike.api"}
