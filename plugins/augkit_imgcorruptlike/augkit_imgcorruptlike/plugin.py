"""Hook implementations of the imgcorruptlike family (nothing else lives here)."""

from __future__ import annotations

import augkit


@augkit.hookimpl
def augkit_augmenters() -> list[type]:
    from augkit_imgcorruptlike import blur, digital, elastic, noise, weather

    return [*noise.AUGMENTERS, *blur.AUGMENTERS, *weather.AUGMENTERS, *digital.AUGMENTERS,
            *elastic.AUGMENTERS]


@augkit.hookimpl
def augkit_modules() -> dict[str, str]:
    return {"imgcorruptlike": "augkit_imgcorruptlike.imgaug_imgcorruptlike"}
