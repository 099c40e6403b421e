"""Per-call overhead: Fliplr(1.0) and Identity against HorizontalFlip and NoOp."""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case


def cases(image: np.ndarray) -> list[Case]:
    import albumentations as A

    import augkit

    flip = augkit.get("Fliplr", p=1.0)
    identity = augkit.get("Identity")
    a_flip = A.HorizontalFlip(p=1.0)
    a_noop = A.NoOp()
    return [
        Case("Fliplr(1.0)", lambda: flip(image=image), lambda: a_flip(image=image)["image"]),
        Case("Identity", lambda: identity(image=image), lambda: a_noop(image=image)["image"],
             "augkit returns a copy the caller owns; NoOp returns the input"),
        Case("raw np.ascontiguousarray(img[:, ::-1])",
             lambda: np.ascontiguousarray(image[:, ::-1]), None, "the kernel alone"),
    ]
