"""Arithmetic family against albumentations: one 256x256 RGB uint8 image per call.

Pairs (augkit <-> albumentations), with parameters chosen so both do the same work:

* Add(20) <-> RandomBrightnessContrast(brightness_limit=(0.0784, 0.0784),
  contrast_limit=0): albumentations has no plain "add a value"; its brightness shift
  by ``beta * 255`` (max_value) is the same operation (20 / 255 = 0.0784).
* Multiply((0.5, 1.5)) <-> MultiplicativeNoise((0.5, 1.5), elementwise=False).
* AdditiveGaussianNoise(scale=0.1*255) <-> GaussNoise(std_range=(0.1, 0.1)).
* Dropout(0.05) <-> PixelDropout(dropout_prob=0.05).
* CoarseDropout(0.1, size_px=(3, 8)) <-> CoarseDropout (its defaults: 1-2 holes of
  4-10% of the side); both zero a few rectangles.
* SaltAndPepper(0.05) <-> SaltAndPepper(amount=(0.05, 0.05)).
* Invert(1.0) <-> InvertImg; Solarize(threshold=128) <-> Solarize(threshold_range=0.5).
* JpegCompression(50) <-> ImageCompression(quality_range=(51, 51)) (compression 50 is
  quality 51 in imgaug's mapping).
"""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case


def cases(image: np.ndarray) -> list[Case]:
    import albumentations as A

    import augkit

    def pair(name, ours, theirs, note=""):
        return Case(name, lambda: ours(image=image), lambda: theirs(image=image)["image"], note)

    return [
        pair("Add(20)", augkit.get("Add", value=20),
             A.RandomBrightnessContrast(brightness_limit=(20 / 255, 20 / 255), contrast_limit=0,
                                        p=1.0),
             "vs RandomBrightnessContrast(contrast_limit=0)"),
        pair("Add((-10, 10), per_channel=True)", augkit.get("Add", value=(-10, 10),
                                                            per_channel=True),
             A.RandomBrightnessContrast(brightness_limit=(20 / 255, 20 / 255), contrast_limit=0,
                                        p=1.0),
             "albumentations has no per-channel add; same reference"),
        pair("Multiply((0.5, 1.5))", augkit.get("Multiply", mul=(0.5, 1.5)),
             A.MultiplicativeNoise(multiplier=(0.5, 1.5), elementwise=False, p=1.0)),
        pair("Multiply((0.5, 1.5), per_channel=True)",
             augkit.get("Multiply", mul=(0.5, 1.5), per_channel=True),
             A.MultiplicativeNoise(multiplier=(0.5, 1.5), per_channel=True, elementwise=False,
                                   p=1.0)),
        pair("AdditiveGaussianNoise(scale=0.1*255)",
             augkit.get("AdditiveGaussianNoise", scale=0.1 * 255),
             A.GaussNoise(std_range=(0.1, 0.1), per_channel=False, p=1.0)),
        pair("AdditiveGaussianNoise(scale=0.1*255, per_channel=True)",
             augkit.get("AdditiveGaussianNoise", scale=0.1 * 255, per_channel=True),
             A.GaussNoise(std_range=(0.1, 0.1), per_channel=True, p=1.0)),
        pair("Dropout(0.05)", augkit.get("Dropout", p=0.05),
             A.PixelDropout(dropout_prob=0.05, per_channel=False, p=1.0)),
        pair("Dropout(0.05, per_channel=True)", augkit.get("Dropout", p=0.05, per_channel=True),
             A.PixelDropout(dropout_prob=0.05, per_channel=True, p=1.0)),
        pair("CoarseDropout(0.1, size_px=(3, 8))",
             augkit.get("CoarseDropout", p=0.1, size_px=(3, 8)), A.CoarseDropout(p=1.0)),
        pair("SaltAndPepper(0.05)", augkit.get("SaltAndPepper", p=0.05),
             A.SaltAndPepper(amount=(0.05, 0.05), p=1.0)),
        pair("Invert(1.0)", augkit.get("Invert", p=1.0), A.InvertImg(p=1.0)),
        pair("Solarize(threshold=128)", augkit.get("Solarize", threshold=128),
             A.Solarize(threshold_range=(0.5, 0.5), p=1.0)),
        pair("JpegCompression(50)", augkit.get("JpegCompression", compression=50),
             A.ImageCompression(quality_range=(51, 51), p=1.0)),
    ]
