"""Colour and contrast augmenters against their closest albumentations transforms."""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case


def cases(image: np.ndarray) -> list[Case]:
    import albumentations as A

    from augkit import augmenters as iaa

    def pair(name, ours, theirs, note=""):
        return Case(name, lambda: ours(image=image), lambda: theirs(image=image)["image"], note)

    return [
        pair("Grayscale(alpha=1)", iaa.Grayscale(alpha=1.0), A.ToGray(p=1.0)),
        pair("AddToHueAndSaturation((-20, 20))", iaa.AddToHueAndSaturation((-20, 20)),
             A.HueSaturationValue(hue_shift_limit=20, sat_shift_limit=20, val_shift_limit=0,
                                  p=1.0)),
        pair("MultiplyAndAddToBrightness(YCrCb)",
             iaa.MultiplyAndAddToBrightness(to_colorspace="YCrCb"),
             A.RandomBrightnessContrast(p=1.0),
             "luma in YCrCb vs an RGB lookup table"),
        pair("MultiplyAndAddToBrightness(default)", iaa.MultiplyAndAddToBrightness(),
             A.RandomBrightnessContrast(p=1.0),
             "random colour space incl. Lab/Luv"),
        pair("ChangeColorTemperature", iaa.ChangeColorTemperature((3000, 9000)),
             A.PlanckianJitter(p=1.0), "closest"),
        pair("Posterize((4, 8))", iaa.Posterize((4, 8)), A.Posterize(num_bits=(4, 8), p=1.0)),
        pair("GammaContrast((0.8, 1.2))", iaa.GammaContrast((0.8, 1.2)),
             A.RandomGamma(gamma_limit=(80, 120), p=1.0)),
        pair("SigmoidContrast", iaa.SigmoidContrast(), A.RandomBrightnessContrast(p=1.0),
             "closest"),
        pair("LinearContrast", iaa.LinearContrast((0.8, 1.2)),
             A.RandomBrightnessContrast(brightness_limit=0, contrast_limit=0.2, p=1.0)),
        pair("CLAHE(Lab)", iaa.CLAHE(clip_limit=(1, 4), tile_grid_size_px=8),
             A.CLAHE(clip_limit=(1, 4), tile_grid_size=(8, 8), p=1.0)),
        pair("HistogramEqualization(YCrCb)", iaa.HistogramEqualization(to_colorspace="YCrCb"),
             A.Equalize(by_channels=False, p=1.0), "both equalize Y of YCrCb"),
        pair("HistogramEqualization(Lab)", iaa.HistogramEqualization(),
             A.Equalize(p=1.0), "imgaug default (L of Lab) vs per-channel"),
        pair("AllChannelsHistogramEqualization", iaa.AllChannelsHistogramEqualization(),
             A.Equalize(p=1.0)),
    ]
