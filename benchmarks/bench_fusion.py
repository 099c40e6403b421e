"""Fusion in Sequential: fused chains against the same chain unfused, the raw-kernel loop
and albumentations' Compose.

One RGB uint8 image per call, single thread. In every row the augkit column is the
fused ``Sequential`` (the default); the reference column is named in the row:
``fuse=False`` (the same children one after the other), the raw-kernel loop (plain
OpenCV/numpy calls doing the same steps, no library around them) or albumentations'
``Compose`` of the same steps. Chains:

* the five-step pipeline of issue 16 (Fliplr -> Affine -> GaussianBlur -> Multiply ->
  AdditiveGaussianNoise, ``bench_batch.pipeline``): Fliplr + Affine fuse into one warp;
* Affine -> PerspectiveTransform -> Resize (linear): three warps become one, at 256 px
  (resized to 224) and at 1024 px (resized to 256, a photo brought to training size);
* Add -> Multiply -> GammaContrast -> Invert: four lookup tables become one.

At 256 px the five-step pipeline is not fused (Fliplr + Affine saves a copy only, below
``augkit.fusion.COPY_RUN_MIN_PIXELS``), nor the table chain (``LUT_RUN_MIN_PIXELS``):
those rows show what the size gates cost (nothing but the check).

In the table of ``python -m benchmarks.run fusion`` each side is timed on its own; run
``python -m benchmarks.bench_fusion`` for the same rows with the two sides alternated (the
best of several rounds each): steadier on a shared machine.
"""

from __future__ import annotations

import sys

import numpy as np

from benchmarks.harness import Case, format_table, limit_threads, run_cases_alternated


def _toggled(seq, image: np.ndarray):
    """Two calls of the same Sequential on *image*: fused, and with ``fuse=False``
    (one object: the same children and streams on both sides)."""

    def fused():
        seq.fuse = True
        return seq(image=image)

    def unfused():
        seq.fuse = False
        return seq(image=image)

    return fused, unfused


def _warp_chain(size: int):
    import augkit

    return augkit.Sequential([
        augkit.get("Affine", rotate=(-10, 10), scale=(0.9, 1.1)),
        augkit.get("PerspectiveTransform", scale=(0.02, 0.06)),
        augkit.get("Resize", size={"height": size, "width": size}, interpolation="linear"),
    ], seed=0)


def _albu_warp_chain(size: int):
    import albumentations as A
    import cv2

    return A.Compose([
        A.Affine(rotate=(-10, 10), scale=(0.9, 1.1), interpolation=cv2.INTER_LINEAR,
                 border_mode=cv2.BORDER_CONSTANT, fill=0, p=1.0),
        A.Perspective(scale=(0.02, 0.06), keep_size=True, p=1.0),
        A.Resize(size, size, interpolation=cv2.INTER_LINEAR, p=1.0),
    ])


def _lut_chain():
    import augkit

    return augkit.Sequential([
        augkit.get("Add", value=(-20, 20)),
        augkit.get("Multiply", mul=(0.8, 1.2)),
        augkit.get("GammaContrast", gamma=(0.7, 1.5)),
        augkit.get("Invert", p=0.5),
    ], seed=0)


def _albu_five_steps():
    import albumentations as A
    import cv2

    return A.Compose([
        A.HorizontalFlip(p=0.5),
        A.Affine(rotate=(-10, 10), interpolation=cv2.INTER_LINEAR,
                 border_mode=cv2.BORDER_CONSTANT, fill=0, p=1.0),
        A.GaussianBlur(blur_limit=0, sigma_limit=(0.0, 1.0), p=1.0),
        A.MultiplicativeNoise(multiplier=(0.8, 1.2), per_channel=False, elementwise=False,
                              p=1.0),
        A.GaussNoise(std_range=(0.0, 10 / 255), per_channel=True, p=1.0),
    ])


def raw_five_steps(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The five steps as plain OpenCV/numpy calls (the raw-kernel loop's body)."""
    import cv2

    h, w = image.shape[:2]
    out = cv2.flip(image, 1) if rng.random() < 0.5 else image
    matrix = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), rng.uniform(-10, 10), 1.0)
    out = cv2.warpAffine(out, matrix, (w, h), flags=cv2.INTER_LINEAR,
                         borderMode=cv2.BORDER_CONSTANT)
    sigma = rng.uniform(0.0, 1.0)
    if sigma > 0.01:
        out = cv2.GaussianBlur(out, (0, 0), sigma)
    out = cv2.multiply(out, (rng.uniform(0.8, 1.2),) * 3 + (0,), dtype=cv2.CV_8U)
    noise = np.empty(out.shape, np.int16)
    cv2.randn(noise, 0.0, rng.uniform(0, 10))
    return cv2.add(out, noise, dtype=cv2.CV_8U)


def cases(image: np.ndarray) -> list[Case]:
    import cv2

    from benchmarks.bench_batch import pipeline

    fused = pipeline()
    albu = _albu_five_steps()
    rng = np.random.default_rng(0)
    large = cv2.resize(image, (1024, 1024), interpolation=cv2.INTER_CUBIC)
    rows = []
    for source in (image, large):
        label = f"5 steps @{source.shape[0]}"
        rows += [
            Case(f"{label}: fused vs fuse=False", *_toggled(pipeline(), source),
                 "reference column: fuse=False"),
            Case(f"{label}: fused vs raw-kernel loop", lambda s=source: fused(image=s),
                 lambda s=source: raw_five_steps(s, rng),
                 "reference column: plain cv2/numpy calls"),
            Case(f"{label}: fused vs albumentations Compose", lambda s=source: fused(image=s),
                 lambda s=source: albu(image=s)["image"]),
        ]
    for source, size in ((image, 224), (large, 256)):
        chain, albu_chain = _warp_chain(size), _albu_warp_chain(size)
        label = f"Affine -> Perspective -> Resize @{source.shape[0]}->{size}"
        rows += [
            Case(f"{label}: fused vs fuse=False", *_toggled(_warp_chain(size), source),
                 "reference column: fuse=False"),
            Case(f"{label}: fused vs albumentations Compose",
                 lambda c=chain, s=source: c(image=s),
                 lambda a=albu_chain, s=source: a(image=s)["image"]),
        ]
    for source in (image, large):
        rows.append(Case(f"Add -> Multiply -> GammaContrast -> Invert @{source.shape[0]}: "
                         "fused vs fuse=False", *_toggled(_lut_chain(), source),
                         "reference column: fuse=False; one table instead of four"))
    return rows


def main() -> int:
    from benchmarks.run import sample_image

    limit_threads()
    print(format_table(run_cases_alternated(cases(sample_image()))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
