"""Blur, convolution and superpixels against their albumentations equivalents, at 256 and 1024.

The convolution and blur rows run on the bundled 256x256 photo and on the same
photo resized to 1024x1024 (RGB uint8, one image per call). Rows without an
albumentations equivalent (BilateralBlur, EdgeDetect, DirectedEdgeDetect) are timed
against the bare OpenCV call with the same parameters (named in the note): their
ratio is what augkit's sampling and dispatch cost on top of the kernel.
"""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case

SIZES = (256, 1024)


def _raw_filter(kernel: np.ndarray):
    """A bare ``cv2.filter2D`` call with *kernel* (the reference for rows albumentations lacks)."""
    import cv2

    return lambda image: cv2.filter2D(image, -1, kernel, borderType=cv2.BORDER_REFLECT_101)


def _raw_bilateral(d: int, sigma_color: float, sigma_space: float):
    import cv2

    return lambda image: cv2.bilateralFilter(image, d, sigma_color, sigma_space)


def _albumentations(transform):
    return lambda image: transform(image=image)["image"]


def _rows():
    """(name, augkit augmenter, reference callable taking an image, note) per row."""
    import albumentations as A
    from augkit_arithmetic import blur, convolutional
    from augkit_arithmetic import functional as F

    return [
        ("GaussianBlur(sigma=1.5)", blur.GaussianBlur(sigma=1.5, seed=0),
         _albumentations(A.GaussianBlur(blur_limit=0, sigma_limit=(1.5, 1.5), p=1.0)),
         "kernel 5 (imgaug's size) vs albumentations' size from sigma"),
        ("AverageBlur(k=5)", blur.AverageBlur(k=5, seed=0),
         _albumentations(A.Blur(blur_limit=(5, 5), p=1.0)), "both cv2.blur"),
        ("MedianBlur(k=5)", blur.MedianBlur(k=5, seed=0),
         _albumentations(A.MedianBlur(blur_limit=(5, 5), p=1.0)), "both cv2.medianBlur"),
        ("BilateralBlur(d=5, sigma 75)",
         blur.BilateralBlur(d=5, sigma_color=75, sigma_space=75, seed=0),
         _raw_bilateral(5, 75, 75), "no albumentations equivalent: bare cv2.bilateralFilter"),
        ("MotionBlur(k=5)", blur.MotionBlur(k=5, seed=0),
         _albumentations(A.MotionBlur(blur_limit=(5, 5), p=1.0)),
         "imgaug's bilinear line: 11.3 taps on average vs albumentations' 4.0"),
        ("MotionBlur(k=7)", blur.MotionBlur(k=7, seed=0),
         _albumentations(A.MotionBlur(blur_limit=(7, 7), p=1.0)),
         "imgaug's bilinear line: 15.3 taps on average vs albumentations' 5.4"),
        ("MotionBlur(k=15)", blur.MotionBlur(k=15, seed=0),
         _albumentations(A.MotionBlur(blur_limit=(15, 15), p=1.0)),
         "augkit sums its ~31 taps; albumentations' 15x15 filter2D takes a DFT"),
        ("Sharpen(alpha=(0.2, 0.5), lightness=(0.5, 1.0))",
         convolutional.Sharpen(alpha=(0.2, 0.5), lightness=(0.5, 1.0), seed=0),
         _albumentations(A.Sharpen(alpha=(0.2, 0.5), lightness=(0.5, 1.0), p=1.0)), ""),
        ("Emboss(alpha=(0.2, 0.5), strength=(0.2, 0.7))",
         convolutional.Emboss(alpha=(0.2, 0.5), strength=(0.2, 0.7), seed=0),
         _albumentations(A.Emboss(alpha=(0.2, 0.5), strength=(0.2, 0.7), p=1.0)),
         "same 7-tap kernel on both sides"),
        ("EdgeDetect(alpha=(0.5, 1.0))", convolutional.EdgeDetect(alpha=(0.5, 1.0), seed=0),
         _raw_filter(F.edge_kernel(0.75)),
         "no albumentations equivalent: bare cv2.filter2D, same kernel"),
        ("DirectedEdgeDetect(alpha=(0.5, 1.0))",
         convolutional.DirectedEdgeDetect(alpha=(0.5, 1.0), seed=0),
         _raw_filter(F.directed_edge_kernels(np.array([0.75]), np.array([0.3]))[0]),
         "no albumentations equivalent: bare cv2.filter2D, same kernel"),
    ]


def _superpixels(image: np.ndarray) -> Case:
    import albumentations as A
    from augkit_arithmetic import segmentation

    ours = segmentation.Superpixels(p_replace=0.5, n_segments=100, seed=0)
    theirs = A.Superpixels(p_replace=(0.5, 0.5), n_segments=(100, 100), p=1.0)
    return Case("Superpixels(p_replace=0.5, n_segments=100)", lambda: ours(image=image),
                lambda: theirs(image=image)["image"], "both shrink to 128 px for SLIC")


def cases(image: np.ndarray) -> list[Case]:
    import cv2

    out = []
    for size in SIZES:
        sized = image if image.shape[0] == size else cv2.resize(image, (size, size))
        for name, ours, reference, note in _rows():
            out.append(Case(f"{name} @{size}", lambda a=ours, im=sized: a(image=im),
                            lambda r=reference, im=sized: r(im), note))
    out.append(_superpixels(image))
    return out
