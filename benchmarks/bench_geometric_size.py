"""Size family and whole-pixel moves, at 256 and at 1024 px.

Each case gives both libraries the same work on one RGB uint8 image: the bundled
256x256 photo, and the same photo resized to 1024x1024 (``@1024``). PadToSquare
gets the photo with a quarter of its width cut off, so that there is something to
pad. Flips and Rot90 are here for their 1024 rows (their 256 rows are also in
``bench_geometric_warp``); they are cheap kernels, so these rows mostly measure
the per-call overhead around them.
"""

from __future__ import annotations

import cv2
import numpy as np

from benchmarks.harness import Case

SIZES = (256, 1024)


def _pairs(size: int) -> list[tuple[str, object, object, str]]:
    """``(name, augkit augmenter, albumentations transform, note)`` for a *size* image."""
    import albumentations as A

    import augkit

    constant = {"border_mode": cv2.BORDER_CONSTANT, "fill": 0, "p": 1.0}
    multiple = size * 3 // 4
    return [
        ("Resize(200x180, linear)",
         augkit.get("Resize", size={"height": 200, "width": 180}, interpolation="linear"),
         A.Resize(200, 180, interpolation=cv2.INTER_LINEAR, p=1.0), ""),
        ("Crop(px=(10,20,30,40), keep_size=False)",
         augkit.get("Crop", px=(10, 20, 30, 40), keep_size=False),
         A.Crop(x_min=40, y_min=10, x_max=size - 20, y_max=size - 30, p=1.0), ""),
        ("Pad(px=16, keep_size=False)", augkit.get("Pad", px=16, keep_size=False),
         A.PadIfNeeded(min_height=size + 32, min_width=size + 32, **constant),
         "vs PadIfNeeded to +32 px, centred"),
        ("CropAndPad(px=(-10,12,-14,16)), keep_size",
         augkit.get("CropAndPad", px=(-10, 12, -14, 16)),
         A.CropAndPad(px=(-10, 12, -14, 16), keep_size=True, interpolation=cv2.INTER_CUBIC,
                      border_mode=cv2.BORDER_CONSTANT, fill=0, p=1.0),
         "both resize back with cubic"),
        ("CropToFixedSize(224, 224)", augkit.get("CropToFixedSize", width=224, height=224),
         A.RandomCrop(224, 224, p=1.0), "vs RandomCrop"),
        ("CenterCropToFixedSize(224, 224)",
         augkit.get("CenterCropToFixedSize", width=224, height=224),
         A.CenterCrop(224, 224, p=1.0), "vs CenterCrop"),
        (f"CropToMultiplesOf({multiple})",
         augkit.get("CropToMultiplesOf", width_multiple=multiple, height_multiple=multiple),
         A.RandomCrop(multiple, multiple, p=1.0), "vs RandomCrop to the same size"),
        ("PadToFixedSize(+44, center)",
         augkit.get("PadToFixedSize", width=size + 44, height=size + 44, position="center"),
         A.PadIfNeeded(min_height=size + 44, min_width=size + 44, position="center",
                       **constant), "vs PadIfNeeded"),
        ("PadToSquare (3/4-wide image)", augkit.get("PadToSquare"),
         A.PadIfNeeded(min_height=size, min_width=size, position="random", **constant),
         "vs PadIfNeeded, random position"),
        ("Fliplr(1.0)", augkit.get("Fliplr", p=1.0), A.HorizontalFlip(p=1.0), ""),
        ("Flipud(1.0)", augkit.get("Flipud", p=1.0), A.VerticalFlip(p=1.0), ""),
        ("Rot90(k=(0, 3), keep_size=False)", augkit.get("Rot90", k=(0, 3), keep_size=False),
         A.RandomRotate90(p=1.0), "vs RandomRotate90"),
    ]


def cases(image: np.ndarray) -> list[Case]:
    out = []
    for size in SIZES:
        sized = image if image.shape[0] == size else cv2.resize(image, (size, size))
        narrow = np.ascontiguousarray(sized[:, : size * 3 // 4])
        for name, ours, theirs, note in _pairs(size):
            img = narrow if name.startswith("PadToSquare") else sized
            out.append(Case(f"{name} @{size}", lambda a=ours, im=img: a(image=im),
                            lambda a=theirs, im=img: a(image=im)["image"], note))
    return out
