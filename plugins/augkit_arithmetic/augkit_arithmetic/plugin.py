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
    )

    return [*arithmetic.AUGMENTERS, *noise.AUGMENTERS, *replace.AUGMENTERS,
            *dropout.AUGMENTERS, *jpeg.AUGMENTERS, *blur.AUGMENTERS, *convolutional.AUGMENTERS,
            *segmentation.AUGMENTERS, *pooling.AUGMENTERS, *edges.AUGMENTERS]
