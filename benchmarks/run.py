"""Run every ``bench_*.py`` module that defines ``cases`` (or those named); print tables.

Modules without ``cases`` (multicore, the ``augkit augment`` job) are standalone:
``python -m benchmarks.bench_multicore``.

Usage: ``python -m benchmarks.run [--alternate] [overhead geometric ...]`` (needs
albumentations: ``pip install -e '.[bench]'``). ``--alternate`` times the two sides of each
row in turns, the best of seven rounds each: slower, steadier on a shared machine.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import numpy as np

from benchmarks.harness import (
    DEFAULT_COLUMNS,
    format_table,
    limit_threads,
    run_cases,
    run_cases_alternated,
)


def sample_image() -> np.ndarray:
    """The bundled sample photo: 256x256 RGB uint8."""
    from augkit.data import sample

    return sample().image


def main(argv: list[str]) -> int:
    limit_threads()
    alternate = "--alternate" in argv
    wanted = set(argv) - {"--alternate"}
    timed = run_cases_alternated if alternate else run_cases
    image = sample_image()
    folder = Path(__file__).parent
    for info in sorted(pkgutil.iter_modules([str(folder)]), key=lambda m: m.name):
        if not info.name.startswith("bench_"):
            continue
        short = info.name.removeprefix("bench_")
        if wanted and short not in wanted:
            continue
        module = importlib.import_module(f"benchmarks.{info.name}")
        if not hasattr(module, "cases"):
            if wanted:
                print(f"\n## {short}: standalone; run python -m benchmarks.{info.name}")
            continue
        print(f"\n## {short}\n")
        columns = getattr(module, "COLUMNS", DEFAULT_COLUMNS)
        print(format_table(timed(module.cases(image)), columns), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
