"""Render a gallery image of each weather augmenter on the bundled sample photo.

Usage: ``python -m augkit_weather.gallery OUTPUT_FOLDER [--seed N] [--columns N]``.
Writes one PNG per augmenter (and per example configuration): the original on the
left, then several augmented versions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

#: What the gallery shows: (file name, augmenter name, keyword arguments).
SHOWCASE = (
    ("fast_snowy_landscape", "FastSnowyLandscape",
     {"lightness_threshold": 140, "lightness_multiplier": 2.5}),
    ("fast_snowy_landscape_default", "FastSnowyLandscape", {}),
    ("clouds", "Clouds", {}),
    ("fog", "Fog", {}),
    ("cloud_layer", "CloudLayer",
     {"intensity_mean": (196, 255), "intensity_freq_exponent": (-2.0, -1.0),
      "intensity_coarse_scale": 10, "alpha_min": 0, "alpha_multiplier": (0.5, 1.0),
      "alpha_size_px_max": (64, 128), "alpha_freq_exponent": (-2.0, -1.0),
      "sparsity": (1.0, 1.4), "density_multiplier": (0.8, 1.5)}),
    ("snowflakes", "Snowflakes", {}),
    ("snowflakes_small", "Snowflakes", {"flake_size": (0.1, 0.4), "speed": (0.01, 0.05)}),
    ("snowflakes_layer", "SnowflakesLayer",
     {"density": 0.05, "density_uniformity": 0.5, "flake_size": 0.5,
      "flake_size_uniformity": 0.5, "angle": 20, "speed": 0.03,
      "blur_sigma_fraction": 0.0005}),
    ("rain", "Rain", {}),
    ("rain_large_drops", "Rain", {"drop_size": (0.10, 0.20)}),
    ("rain_layer", "RainLayer",
     {"density": 0.1, "density_uniformity": 0.9, "drop_size": 0.02,
      "drop_size_uniformity": 0.3, "angle": 15, "speed": 0.15, "blur_sigma_fraction": 0.001}),
)


def render(out_dir: Path, seed: int = 0, columns: int = 3) -> list[Path]:
    """Write the gallery PNGs into *out_dir*; return their paths."""
    import imageio.v3 as iio

    import augkit
    from augkit.data import sample

    image = sample().image
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, name, kwargs in SHOWCASE:
        aug = augkit.get(name, **kwargs, seed=seed)
        tiles = [image] + [aug(image=image) for _ in range(columns)]
        gap = np.full((image.shape[0], 4, 3), 255, dtype=np.uint8)
        row = np.concatenate([part for tile in tiles for part in (tile, gap)][:-1], axis=1)
        path = out_dir / f"{file_name}.png"
        iio.imwrite(path, row)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="folder to write the PNGs into")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--columns", type=int, default=3)
    args = parser.parse_args(argv)
    for path in render(args.output, seed=args.seed, columns=args.columns):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
