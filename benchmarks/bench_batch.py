"""Batch path against the loop over it: 64 images as one call vs 64 one-image calls.

Every registered augmenter (its first ``examples`` entry, RGB uint8 256x256) and the
five-step pipeline Fliplr -> Affine -> GaussianBlur -> Multiply -> AdditiveGaussianNoise
at 256 and 1024 px. The "albumentations" column here is augkit's own loop, so the ratio
is loop time / batch time (at least 1.0: the batch is not slower). Run standalone for
the whole table: ``python -m benchmarks.bench_batch [name ...]``.
"""

from __future__ import annotations

import sys
import timeit

import numpy as np

from benchmarks.harness import Case, format_table, limit_threads, run_cases

BATCH = 64


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
                "ratio = loop / batch")


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


def cases(image: np.ndarray) -> list[Case]:
    import cv2

    return [_case(f"Sequential(5 steps) @{size}", pipeline(),
                  image if size == image.shape[0] else cv2.resize(image, (size, size)))
            for size in (256, 1024)]


def _quick(found: list[Case]) -> list[tuple[str, float, float | None, str]]:
    """Best of three single runs per side: the whole registry in a few minutes."""
    rows = []
    for case in found:
        case.augkit()
        batch = min(timeit.repeat(case.augkit, number=1, repeat=3))
        loop = min(timeit.repeat(case.albumentations, number=1, repeat=3))
        rows.append((case.name, batch / BATCH, loop / BATCH, case.note))
        print(f"{case.name}: {loop / batch:.2f}", file=sys.stderr, flush=True)
    return rows


def main(argv: list[str]) -> int:
    from benchmarks.run import sample_image

    limit_threads()
    image = sample_image()
    found = [_case(name, aug, image) for name, aug in _augmenters(set(argv))]
    rows = _quick(found) + ([] if argv else run_cases(cases(image)))
    print(format_table(rows).replace("albumentations µs", "loop µs (per image)"), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
