"""Images/s of the ``medium`` preset through a PyTorch DataLoader: augkit vs albumentations.

Run inside the integration venv (``make test-integration`` creates it):
``.venv-integration/bin/python -m benchmarks.bench_dataloader [--workers 2] [--rounds 3]``.

Both libraries run the same transforms on the same 256x256 RGB uint8 images: a
horizontal flip (p 0.5); an affine map (p 0.7: scale 0.9-1.1, translate +-5 %, rotate
+-15 degrees); a Gaussian blur (p 0.3, sigma up to 1); hue and saturation +-15 (p
0.5); contrast 0.8-1.2 (p 0.5); brightness x0.85-1.15 (p 0.5). Workers are persistent
and warmed up with one epoch; each round times one epoch. OpenCV runs one thread per
worker in both (augkit's ``worker_init_fn``; the same call for albumentations). The
machine may be shared: every round is printed, and the best is the figure to compare.
"""

from __future__ import annotations

import argparse
import time

import numpy as np


class Images:
    """*count* random images; ``dataset[i]`` applies *transform* to image ``i``."""

    def __init__(self, count: int, size: int, transform) -> None:
        rng = np.random.default_rng(0)
        self.images = rng.integers(0, 256, (count, size, size, 3), dtype=np.uint8)
        self.transform = transform

    def __len__(self) -> int:
        return len(self.images)

    def __getitem__(self, index: int) -> np.ndarray:
        return self.transform(self.images[index])


class AugkitTransform:
    def __init__(self) -> None:
        import augkit

        self.aug = augkit.load("medium")

    def __call__(self, image: np.ndarray) -> np.ndarray:
        return self.aug(image=image)


class AlbumentationsTransform:
    def __init__(self) -> None:
        import albumentations as A

        self.aug = A.Compose([
            A.HorizontalFlip(p=0.5),
            A.Affine(scale=(0.9, 1.1), translate_percent=(-0.05, 0.05), rotate=(-15, 15),
                     p=0.7),
            A.GaussianBlur(blur_limit=0, sigma_limit=(0.1, 1.0), p=0.3),
            A.HueSaturationValue(hue_shift_limit=15, sat_shift_limit=15, val_shift_limit=0,
                                 p=0.5),
            A.RandomBrightnessContrast(brightness_limit=0, contrast_limit=0.2, p=0.5),
            A.MultiplicativeNoise(multiplier=(0.85, 1.15), per_channel=False,
                                  elementwise=False, p=0.5),
        ])

    def __call__(self, image: np.ndarray) -> np.ndarray:
        return self.aug(image=image)["image"]


def measure(transform, *, workers: int, rounds: int, count: int, size: int) -> list[float]:
    """Images/s of each timed epoch."""
    from torch.utils.data import DataLoader

    from augkit.torch import worker_init_fn

    loader = DataLoader(Images(count, size, transform), batch_size=32, num_workers=workers,
                        persistent_workers=workers > 0, worker_init_fn=worker_init_fn)
    for _ in loader:  # warm-up: workers start, caches fill
        pass
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        seen = sum(len(batch) for batch in loader)
        rates.append(seen / (time.perf_counter() - start))
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--images", type=int, default=1024)
    parser.add_argument("--size", type=int, default=256)
    args = parser.parse_args()
    for name, make in (("augkit", AugkitTransform), ("albumentations", AlbumentationsTransform)):
        rates = measure(make(), workers=args.workers, rounds=args.rounds, count=args.images,
                        size=args.size)
        shown = ", ".join(f"{r:.0f}" for r in rates)
        print(f"{name:15s} best {max(rates):7.0f} images/s  (rounds: {shown}; "
              f"{args.workers} workers, {args.size}x{args.size})")


if __name__ == "__main__":
    main()
