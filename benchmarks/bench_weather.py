"""Weather augmenters against albumentations' RandomFog, RandomSnow and RandomRain."""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case


def cases(image: np.ndarray) -> list[Case]:
    import albumentations as A

    from augkit import augmenters as iaa

    def pair(name, ours, theirs, note=""):
        return Case(name, lambda: ours(image=image), lambda: theirs(image=image)["image"], note)

    return [
        pair("Fog()", iaa.Fog(), A.RandomFog(p=1.0), "one dense noise layer vs fog circles"),
        pair("Clouds()", iaa.Clouds(), A.RandomFog(p=1.0), "1-2 cloud layers vs fog circles"),
        pair("Snowflakes()", iaa.Snowflakes(), A.RandomSnow(p=1.0),
             "1-3 flake layers vs bleach-style snow"),
        pair("Rain()", iaa.Rain(), A.RandomRain(p=1.0), "1-3 streak layers vs drawn lines"),
        pair("FastSnowyLandscape()", iaa.FastSnowyLandscape(), A.RandomSnow(p=1.0),
             "both brighten low HLS lightness"),
        pair("FastSnowyLandscape(140, 2.5)",
             iaa.FastSnowyLandscape(lightness_threshold=140, lightness_multiplier=2.5),
             A.RandomSnow(p=1.0)),
    ]
