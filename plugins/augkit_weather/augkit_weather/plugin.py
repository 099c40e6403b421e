"""Hook implementations of the weather family (nothing else lives here)."""

from __future__ import annotations

import augkit


@augkit.hookimpl
def augkit_augmenters() -> list[type]:
    from augkit_weather import clouds, rain, snow

    return [*snow.AUGMENTERS, *clouds.AUGMENTERS, *rain.AUGMENTERS]


@augkit.hookimpl
def augkit_modules() -> dict[str, str]:
    return {"weather": "augkit_weather.imgaug_weather"}
