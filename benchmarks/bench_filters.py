"""Blur, convolution and superpixels against their albumentations equivalents."""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case


def cases(image: np.ndarray) -> list[Case]:
    import albumentations as A
    from augkit_arithmetic import blur, convolutional, segmentation

    pairs = [
        ("GaussianBlur(sigma=1.5)", blur.GaussianBlur(sigma=1.5, seed=0),
         A.GaussianBlur(blur_limit=0, sigma_limit=(1.5, 1.5), p=1.0),
         "kernel 5 (imgaug's size) vs albumentations' size from sigma"),
        ("AverageBlur(k=5)", blur.AverageBlur(k=5, seed=0), A.Blur(blur_limit=(5, 5), p=1.0), ""),
        ("MedianBlur(k=5)", blur.MedianBlur(k=5, seed=0),
         A.MedianBlur(blur_limit=(5, 5), p=1.0), ""),
        ("MotionBlur(k=7)", blur.MotionBlur(k=7, seed=0),
         A.MotionBlur(blur_limit=(7, 7), p=1.0), "random angle and direction on both sides"),
        ("Sharpen(alpha=(0.2, 0.5), lightness=(0.5, 1.0))",
         convolutional.Sharpen(alpha=(0.2, 0.5), lightness=(0.5, 1.0), seed=0),
         A.Sharpen(alpha=(0.2, 0.5), lightness=(0.5, 1.0), p=1.0), ""),
        ("Emboss(alpha=(0.2, 0.5), strength=(0.2, 0.7))",
         convolutional.Emboss(alpha=(0.2, 0.5), strength=(0.2, 0.7), seed=0),
         A.Emboss(alpha=(0.2, 0.5), strength=(0.2, 0.7), p=1.0), ""),
        ("Superpixels(p_replace=0.5, n_segments=100)",
         segmentation.Superpixels(p_replace=0.5, n_segments=100, seed=0),
         A.Superpixels(p_replace=(0.5, 0.5), n_segments=(100, 100), p=1.0),
         "both shrink to 128 px for SLIC"),
    ]
    return [Case(name, lambda aug=aug: aug(image=image),
                 lambda alb=alb: alb(image=image)["image"], note)
            for name, aug, alb, note in pairs]
