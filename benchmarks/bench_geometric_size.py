"""Size family: Resize, Crop, Pad, CropAndPad, CropToFixedSize, PadToFixedSize.

Each case gives both libraries the same work on one 256x256 RGB uint8 image.
"""

from __future__ import annotations

import cv2
import numpy as np

from benchmarks.harness import Case


def cases(image: np.ndarray) -> list[Case]:
    import albumentations as A

    import augkit

    resize = augkit.get("Resize", size={"height": 200, "width": 180}, interpolation="linear")
    a_resize = A.Resize(200, 180, interpolation=cv2.INTER_LINEAR, p=1.0)
    crop = augkit.get("Crop", px=(10, 20, 30, 40), keep_size=False)
    a_crop = A.Crop(x_min=40, y_min=10, x_max=256 - 20, y_max=256 - 30, p=1.0)
    pad = augkit.get("Pad", px=16, keep_size=False)
    a_pad = A.PadIfNeeded(min_height=256 + 32, min_width=256 + 32,
                          border_mode=cv2.BORDER_CONSTANT, fill=0, p=1.0)
    crop_pad = augkit.get("CropAndPad", px=(-10, 12, -14, 16))
    a_crop_pad = A.CropAndPad(px=(-10, 12, -14, 16), keep_size=True,
                              interpolation=cv2.INTER_CUBIC, border_mode=cv2.BORDER_CONSTANT,
                              fill=0, p=1.0)
    crop_fixed = augkit.get("CropToFixedSize", width=224, height=224)
    a_crop_fixed = A.RandomCrop(224, 224, p=1.0)
    pad_fixed = augkit.get("PadToFixedSize", width=300, height=300, position="center")
    a_pad_fixed = A.PadIfNeeded(min_height=300, min_width=300, position="center",
                                border_mode=cv2.BORDER_CONSTANT, fill=0, p=1.0)
    return [
        Case("Resize(200x180, linear)", lambda: resize(image=image),
             lambda: a_resize(image=image)["image"]),
        Case("Crop(px=(10,20,30,40), keep_size=False)", lambda: crop(image=image),
             lambda: a_crop(image=image)["image"]),
        Case("Pad(px=16, keep_size=False)", lambda: pad(image=image),
             lambda: a_pad(image=image)["image"], "vs PadIfNeeded to +32 px, centred"),
        Case("CropAndPad(px=(-10,12,-14,16)), keep_size", lambda: crop_pad(image=image),
             lambda: a_crop_pad(image=image)["image"], "both resize back with cubic"),
        Case("CropToFixedSize(224, 224)", lambda: crop_fixed(image=image),
             lambda: a_crop_fixed(image=image)["image"], "vs RandomCrop"),
        Case("PadToFixedSize(300, 300, center)", lambda: pad_fixed(image=image),
             lambda: a_pad_fixed(image=image)["image"], "vs PadIfNeeded"),
    ]
