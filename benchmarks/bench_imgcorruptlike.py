"""The 19 ImageNet-C corruptions (severity 3) on a 224x224 uint8 image.

augkit's native ``imgcorruptlike`` family against the closest albumentations
transform where one exists (``-`` where none does: Frost); the parameters are set
near ImageNet-C's severity 3, but the algorithms differ, so the ratio compares
speed of the same kind of corruption, not identical outputs. The brief's budget is
50 ms (50000 µs) per image per corruption.
"""

from __future__ import annotations

import cv2
import numpy as np

from benchmarks.harness import Case


def cases(image: np.ndarray) -> list[Case]:
    import albumentations as A

    from augkit import augmenters as iaa

    image = cv2.resize(image, (224, 224), interpolation=cv2.INTER_AREA)
    corrupt = iaa.imgcorruptlike

    def pair(name, theirs, note=""):
        ours = getattr(corrupt, name)(severity=3, seed=0)
        return Case(f"{name}(severity=3)", lambda: ours(image=image),
                    None if theirs is None else (lambda: theirs(image=image)["image"]), note)

    return [
        pair("GaussianNoise", A.GaussNoise(std_range=(0.18, 0.18), p=1.0)),
        pair("ShotNoise", A.ShotNoise(p=1.0)),
        pair("ImpulseNoise", A.SaltAndPepper(amount=(0.09, 0.09), p=1.0)),
        pair("SpeckleNoise", A.MultiplicativeNoise(multiplier=(0.65, 1.35), elementwise=True,
                                                   p=1.0), "per-pixel multiplier"),
        pair("GaussianBlur", A.GaussianBlur(blur_limit=(0, 0), sigma_limit=(3, 3), p=1.0)),
        pair("GlassBlur", A.GlassBlur(sigma=1.0, max_delta=2, iterations=3, p=1.0),
             "albumentations loops over pixels"),
        pair("DefocusBlur", A.Defocus(radius=(6, 6), alias_blur=(0.5, 0.5), p=1.0)),
        pair("MotionBlur", A.MotionBlur(blur_limit=(31, 31), p=1.0)),
        pair("ZoomBlur", A.ZoomBlur(max_factor=(1.2, 1.2), step_factor=(0.02, 0.02), p=1.0)),
        pair("Fog", A.RandomFog(p=1.0), "plasma fractal vs fog circles"),
        pair("Frost", None, "procedural frost texture per image"),
        pair("Snow", A.RandomSnow(p=1.0), "flakes + motion blur vs bleach"),
        pair("Spatter", A.Spatter(mode="rain", p=1.0)),
        pair("Contrast", A.RandomBrightnessContrast(brightness_limit=(0, 0),
                                                    contrast_limit=(-0.8, -0.8), p=1.0)),
        pair("Brightness", A.RandomBrightnessContrast(brightness_limit=(0.3, 0.3),
                                                      contrast_limit=(0, 0), p=1.0),
             "HSV V shift vs RGB add"),
        pair("Saturate", A.ColorJitter(brightness=(1, 1), contrast=(1, 1), saturation=(2, 2),
                                       hue=(0, 0), p=1.0)),
        pair("JpegCompression", A.ImageCompression(quality_range=(15, 15), p=1.0)),
        pair("Pixelate", A.Downscale(scale_range=(0.4, 0.4), p=1.0)),
        pair("ElasticTransform", A.ElasticTransform(p=1.0)),
    ]
