"""Issue 16's rows: the augmenters that trailed albumentations, at 256 and at 1024 px.

Each row runs at the bundled 256x256 photo and at the same photo resized to
1024x1024 (RGB uint8, one image per call, same parameters on both sides).
"""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case

SIZES = (256, 1024)


def _pairs(size: int):
    import albumentations as A

    import augkit

    return [
        ("ChannelShuffle", augkit.get("ChannelShuffle", p=1.0), A.ChannelShuffle(p=1.0)),
        ("CropToFixedSize(224)", augkit.get("CropToFixedSize", width=224, height=224),
         A.RandomCrop(224, 224, p=1.0)),
        ("Sharpen", augkit.get("Sharpen", alpha=(0.2, 0.5), lightness=(0.5, 1.0)),
         A.Sharpen(alpha=(0.2, 0.5), lightness=(0.5, 1.0), p=1.0)),
        ("MotionBlur(k=7)", augkit.get("MotionBlur", k=7), A.MotionBlur(blur_limit=(7, 7), p=1.0)),
        ("MotionBlur(k=5)", augkit.get("MotionBlur", k=5), A.MotionBlur(blur_limit=(5, 5), p=1.0)),
        ("Flipud", augkit.get("Flipud", p=1.0), A.VerticalFlip(p=1.0)),
        ("GammaContrast((0.8, 1.2))", augkit.get("GammaContrast", gamma=(0.8, 1.2)),
         A.RandomGamma(gamma_limit=(80, 120), p=1.0)),
        ("Grayscale(alpha=1)", augkit.get("Grayscale", alpha=1.0), A.ToGray(p=1.0)),
        ("Crop(px=(10,20,30,40), keep_size=False)",
         augkit.get("Crop", px=(10, 20, 30, 40), keep_size=False),
         A.Crop(x_min=40, y_min=10, x_max=size - 20, y_max=size - 30, p=1.0)),
        ("Emboss", augkit.get("Emboss", alpha=(0.2, 0.5), strength=(0.2, 0.7)),
         A.Emboss(alpha=(0.2, 0.5), strength=(0.2, 0.7), p=1.0)),
    ]


def cases(image: np.ndarray) -> list[Case]:
    import cv2

    out = []
    for size in SIZES:
        sized = image if image.shape[0] == size else cv2.resize(image, (size, size))
        for name, ours, theirs in _pairs(size):
            out.append(Case(f"{name} @{size}", lambda a=ours, im=sized: a(image=im),
                            lambda a=theirs, im=sized: a(image=im)["image"]))
    return out
