"""Hook implementations of the color family (nothing else lives here)."""

from __future__ import annotations

import augkit


@augkit.hookimpl
def augkit_augmenters() -> list[type]:
    from augkit_color import (
        brightness,
        cartoon,
        color,
        contrast,
        hue_saturation,
        quantization,
        temperature,
    )

    return [*color.AUGMENTERS, *brightness.AUGMENTERS, *hue_saturation.AUGMENTERS,
            *temperature.AUGMENTERS, *quantization.AUGMENTERS, *cartoon.AUGMENTERS,
            *contrast.AUGMENTERS]


@augkit.hookimpl
def augkit_modules() -> dict[str, str]:
    return {name: f"augkit_color.imgaug_{name}" for name in ("artistic", "color", "contrast")}
