"""The pillike augmenters against their closest albumentations transforms."""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case


def cases(image: np.ndarray) -> list[Case]:
    import albumentations as A

    from augkit import augmenters as iaa

    pillike = iaa.pillike

    def pair(name, ours, theirs, note=""):
        return Case(name, lambda: ours(image=image),
                    None if theirs is None else (lambda: theirs(image=image)["image"]), note)

    return [
        pair("Solarize(threshold=128)", pillike.Solarize(threshold=128),
             A.Solarize(threshold_range=(0.5, 0.5), p=1.0)),
        pair("Posterize((1, 8))", pillike.Posterize((1, 8)),
             A.Posterize(num_bits=(1, 8), p=1.0)),
        pair("Equalize", pillike.Equalize(), A.Equalize(mode="pil", p=1.0),
             "both Pillow's per-channel equalize"),
        pair("Autocontrast((0, 20))", pillike.Autocontrast((0, 20)),
             A.AutoContrast(cutoff=10, method="pil", p=1.0), "albumentations: fixed cutoff"),
        pair("EnhanceColor", pillike.EnhanceColor(),
             A.ColorJitter(brightness=0, contrast=0, saturation=(0.0, 3.0), hue=0, p=1.0),
             "closest"),
        pair("EnhanceContrast", pillike.EnhanceContrast(),
             A.RandomBrightnessContrast(brightness_limit=0, contrast_limit=0.5, p=1.0),
             "closest"),
        pair("EnhanceBrightness", pillike.EnhanceBrightness(),
             A.RandomBrightnessContrast(brightness_limit=0.5, contrast_limit=0, p=1.0),
             "closest"),
        pair("EnhanceSharpness", pillike.EnhanceSharpness(), A.Sharpen(p=1.0), "closest"),
        pair("FilterBlur", pillike.FilterBlur(), A.Blur(blur_limit=(5, 5), p=1.0),
             "5x5 ring vs 5x5 box"),
        pair("FilterSmooth", pillike.FilterSmooth(), None),
        pair("FilterEdgeEnhance", pillike.FilterEdgeEnhance(), None),
        pair("FilterFindEdges", pillike.FilterFindEdges(), None),
        pair("FilterEmboss", pillike.FilterEmboss(), A.Emboss(p=1.0), "closest"),
        pair("FilterSharpen", pillike.FilterSharpen(), A.Sharpen(p=1.0), "closest"),
        pair("FilterDetail", pillike.FilterDetail(), None),
        pair("Affine(rotate, scale)", pillike.Affine(rotate=(-30, 30), scale=(0.8, 1.2)),
             A.Affine(rotate=(-30, 30), scale=(0.8, 1.2), interpolation=0, p=1.0),
             "nearest neighbour both"),
    ]
