"""Benchmark ``augkit augment --engine local|dask|ray`` on the same images.

Two jobs on the same N images (default 500), one output each:

* ``work``: 512x512 JPEGs with ~10 boxes (the dataset of :mod:`bench_augment_cli`), the
  ``medium`` preset: images per second and the scaling efficiency of each engine with 2
  workers, relative to ``--engine local -w 1`` (efficiency = rate / (2 x that rate));
* ``overhead``: 32x32 PNGs without annotations through ``Identity``: the time per image
  is then almost only the engine's; the difference to ``--engine local -w 2`` is the
  per-image overhead an engine adds.

Each contender runs in its own Python process. ``rate`` counts the task phase (the
job's own clock, from the first task to the last result); ``wall`` also counts the
start (imports, starting the pool or the cluster, reading the dataset) and the end.

Run::

    .venv/bin/python -m benchmarks.bench_engines                 # 500 images
    .venv/bin/python -m benchmarks.bench_engines --count 200 --jobs overhead
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

CONTENDERS = (("local", 1), ("local", 2), ("dask", 2), ("ray", 2))


def make_tiny_dataset(folder: Path, count: int, seed: int = 0) -> None:
    """Write *count* random 32x32 PNGs (no annotations)."""
    from augkit.app.datasets.images_io import write_image

    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        write_image(folder / f"t{i:05d}.png", rng.integers(0, 256, (32, 32, 3), np.uint8))


def run_one(engine: str, workers: int, data: str, out: str, job: str) -> dict:
    """Run one contender in this process; return its numbers."""
    import yaml

    from augkit.app.job import JobConfig, run_job

    start = time.perf_counter()
    if job == "overhead":
        pipeline = Path(out).parent / "identity.yaml"
        pipeline.write_text(yaml.safe_dump({"augkit_format": 1, "augmenter": "Identity"}))
        options = {"pipeline": pipeline, "format": "none"}
    else:
        options = {"pipeline": "medium"}
    summary = run_job(JobConfig(input=data, output=out, n=1, seed=0, workers=workers,
                                engine=engine, progress=False, **options),
                      log=lambda *a: None)
    wall = time.perf_counter() - start
    return {"images": summary.images_done, "seconds": summary.seconds, "wall": wall}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--jobs", nargs="+", default=["work", "overhead"],
                        choices=["work", "overhead"])
    parser.add_argument("--one", nargs=5, metavar=("ENGINE", "WORKERS", "DATA", "OUT", "JOB"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        engine, workers, data, out, job = args.one
        print(json.dumps(run_one(engine, int(workers), data, out, job)))
        return 0
    from benchmarks.bench_augment_cli import make_dataset

    with tempfile.TemporaryDirectory(prefix="augkit-bench-engines-") as tmp:
        root = Path(tmp)
        make_dataset(root / "work", args.count)
        make_tiny_dataset(root / "overhead", args.count)
        for job in args.jobs:
            print(f"\njob {job}: {args.count} images, 1 output each")
            print(f"{'engine':<8} {'workers':>7} {'rate img/s':>11} {'wall s':>7} "
                  f"{'efficiency':>10} {'ms/img':>7} {'overhead ms/img':>15}")
            results = {}
            for engine, workers in CONTENDERS:
                out = root / f"out-{job}-{engine}-{workers}"
                cmd = [sys.executable, "-m", "benchmarks.bench_engines", "--one", engine,
                       str(workers), str(root / job), str(out), job]
                done = subprocess.run(cmd, capture_output=True, text=True, check=False)
                if done.returncode != 0:
                    print(f"{engine:<8} {workers:>7} failed: {done.stderr.strip()[-200:]}")
                    continue
                numbers = json.loads(done.stdout.strip().splitlines()[-1])
                rate = numbers["images"] / numbers["seconds"]
                results[(engine, workers)] = rate
                base = results.get(("local", 1))
                local2 = results.get(("local", 2))
                efficiency = f"{rate / (workers * base):.0%}" if base and workers > 1 else "-"
                extra = (f"{1000 * (1 / rate - 1 / local2):+.2f}"
                         if local2 and engine != "local" else "-")
                print(f"{engine:<8} {workers:>7} {rate:>11.1f} {numbers['wall']:>7.1f} "
                      f"{efficiency:>10} {1000 / rate:>7.2f} {extra:>15}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
