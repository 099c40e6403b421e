"""Hook implementations of the geometric family (nothing else lives here)."""

from __future__ import annotations

import augkit


@augkit.hookimpl
def augkit_augmenters() -> list[type]:
    from augkit_geometric import (
        affine,
        crop_pad,
        elastic,
        flip,
        jigsaw,
        perspective,
        piecewise,
        polar,
        resize,
        rot90,
        to_size,
    )

    return [*flip.AUGMENTERS, *affine.AUGMENTERS, *rot90.AUGMENTERS,
            *perspective.AUGMENTERS, *elastic.AUGMENTERS,
            *piecewise.AUGMENTERS, *jigsaw.AUGMENTERS, *polar.AUGMENTERS,
            *resize.AUGMENTERS, *crop_pad.AUGMENTERS, *to_size.AUGMENTERS]


@augkit.hookimpl
def augkit_modules() -> dict[str, str]:
    return {"flip": "augkit_geometric.imgaug_flip",
            "geometric": "augkit_geometric.imgaug_geometric",
            "size": "augkit_geometric.imgaug_size"}
