"""Batch path against the loop over it: 64 images as one call vs 64 one-image calls.

Both columns are microseconds per image (RGB uint8): ``aug(images=batch)`` with a
``(64, H, W, 3)`` array, divided by 64, and ``[aug(image=img) for img in batch]``,
divided by 64. The ratio is loop / batch: at least 1.0 means the batch is not slower.

``make bench`` runs :func:`cases`: the five-step pipeline Fliplr -> Affine ->
GaussianBlur -> Multiply -> AdditiveGaussianNoise and a handful of single augmenters,
at 256 and 1024 px. Run standalone for every registered augmenter (its first
``examples`` entry): ``python -m benchmarks.bench_batch [--size 1024] [name ...]``.
"""

from __future__ import annotations

import argparse
import sys
import timeit

import numpy as np

from benchmarks.harness import Case, format_table, limit_threads, run_cases

BATCH = 64
COLUMNS = ("batch", "loop")
SIZES = (256, 1024)

#: Single augmenters of the ``make bench`` section (name, constructor keywords).
SINGLES = (
    ("Fliplr", {"p": 0.5}),
    ("Add", {"value": (-20, 20)}),
    ("Affine", {"rotate": (-10, 10)}),
    ("GaussianBlur", {"sigma": (0.0, 1.0)}),
    ("AdditiveGaussianNoise", {"scale": (0, 10)}),
    ("CropToFixedSize", {"width": 200, "height": 200}),
)

#: A warm-up batch slower than this (seconds) is timed once per side, not three times.
SLOW_BATCH = 5.0


def pipeline():
    """The five-step pipeline of issue 16."""
    import augkit

    return augkit.Sequential([
        augkit.get("Fliplr", p=0.5),
        augkit.get("Affine", rotate=(-10, 10)),
        augkit.get("GaussianBlur", sigma=(0.0, 1.0)),
        augkit.get("Multiply", mul=(0.8, 1.2)),
        augkit.get("AdditiveGaussianNoise", scale=(0, 10)),
    ], seed=0)


def _case(name: str, aug, image: np.ndarray) -> Case:
    batch = np.stack([image] * BATCH)
    rows = list(batch)
    return Case(name, lambda: aug(images=batch), lambda: [aug(image=row) for row in rows],
                "ratio = loop / batch", images=BATCH)


def _resized(image: np.ndarray, size: int) -> np.ndarray:
    import cv2

    return image if image.shape[0] == size else cv2.resize(image, (size, size))


def cases(image: np.ndarray) -> list[Case]:
    import augkit

    found = []
    for size in SIZES:
        sized = _resized(image, size)
        found.append(_case(f"Sequential(5 steps) @{size}", pipeline(), sized))
        found.extend(_case(f"{name} @{size}", augkit.get(name, **kwargs, seed=0), sized)
                     for name, kwargs in SINGLES)
    return found


def _augmenters(wanted: set[str]):
    import augkit
    from augkit.registry import registry

    for name in sorted(registry.names(aliases=False)):
        if ":" in name or (wanted and name not in wanted):
            continue
        cls = registry.get_class(name)
        if not cls.examples or "uint8" not in cls.supported_dtypes:
            continue
        try:
            aug = augkit.get(name, **dict(cls.examples[0]), seed=0)
        except Exception:  # noqa: BLE001 - an example needing an optional dependency
            continue
        yield name, aug


def _best_of(func, repeat: int) -> float:
    return min(timeit.repeat(func, number=1, repeat=repeat))


def _quick(found: list[Case]) -> list[tuple[str, float, float | None, str]]:
    """The whole registry: the best of five single runs per side, the sides taking turns
    (a shared machine's slow spells then hit both); one run each for slow augmenters."""
    rows = []
    for case in found:
        rounds = 1 if _best_of(case.augkit, 1) > SLOW_BATCH else 5
        case.albumentations()
        batch = loop = float("inf")
        for _ in range(rounds):
            batch = min(batch, _best_of(case.augkit, 1))
            loop = min(loop, _best_of(case.albumentations, 1))
        rows.append((case.name, batch / BATCH, loop / BATCH, case.note))
        print(f"{case.name}: {loop / batch:.2f}", file=sys.stderr, flush=True)
    return rows


def main(argv: list[str]) -> int:
    from benchmarks.run import sample_image

    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_batch")
    parser.add_argument("--size", type=int, default=256, help="image side in pixels")
    parser.add_argument("names", nargs="*", help="augmenters to time (default: all)")
    args = parser.parse_args(argv)
    limit_threads()
    image = _resized(sample_image(), args.size)
    found = [_case(f"{name} @{args.size}", aug, image)
             for name, aug in _augmenters(set(args.names))]
    rows = _quick(found) + ([] if args.names else run_cases(cases(sample_image())))
    print(format_table(rows, COLUMNS), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
