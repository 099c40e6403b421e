"""Per-call overhead: Fliplr(1.0) and Identity against HorizontalFlip and NoOp.

The 8x8 rows are the library around the kernel (copying 192 bytes costs nothing);
the rows on the sample image (256x256) add the kernel. Identity returns a copy the
caller owns, NoOp its input: the Identity rows at 256 px differ by one image copy.
"""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case

TINY = np.arange(8 * 8 * 3, dtype=np.uint8).reshape(8, 8, 3)


def _pairs(image: np.ndarray, label: str) -> list[Case]:
    import albumentations as A

    import augkit

    flip = augkit.get("Fliplr", p=1.0)
    identity = augkit.get("Identity")
    a_flip = A.HorizontalFlip(p=1.0)
    a_noop = A.NoOp()
    return [
        Case(f"Fliplr(1.0) {label}", lambda: flip(image=image),
             lambda: a_flip(image=image)["image"]),
        Case(f"Identity {label}", lambda: identity(image=image),
             lambda: a_noop(image=image)["image"],
             "augkit returns a copy the caller owns; NoOp returns the input"),
    ]


def cases(image: np.ndarray) -> list[Case]:
    import cv2

    side = f"{image.shape[1]}x{image.shape[0]}"
    return [
        *_pairs(TINY, "8x8"),
        *_pairs(image, side),
        Case(f"raw cv2.flip(img, 1) {side}", lambda: cv2.flip(image, 1), None,
             "a flip kernel alone (numpy's img[:, ::-1] copy is ~25x slower)"),
    ]
