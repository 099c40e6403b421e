"""Hook implementations of the arithmetic family (nothing else lives here)."""

from __future__ import annotations

import augkit


@augkit.hookimpl
def augkit_augmenters() -> list[type]:
    from augkit_arithmetic import (
        arithmetic,
        blur,
        convolutional,
        dropout,
        edges,
        jpeg,
        noise,
        pooling,
        replace,
        segmentation,
        tensors,
    )

    return [*arithmetic.AUGMENTERS, *noise.AUGMENTERS, *replace.AUGMENTERS,
            *dropout.AUGMENTERS, *jpeg.AUGMENTERS, *blur.AUGMENTERS, *convolutional.AUGMENTERS,
            *segmentation.AUGMENTERS, *pooling.AUGMENTERS, *edges.AUGMENTERS,
            *tensors.AUGMENTERS]


@augkit.hookimpl
def augkit_modules() -> dict[str, str]:
    return {name: f"augkit_arithmetic.imgaug_{name}"
            for name in ("arithmetic", "blur", "convolutional", "edges", "pooling",
                         "segmentation")}
