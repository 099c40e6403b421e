"""Pool throughput on every core vs one process, for a heavy Sequential.

Run: ``.venv/bin/python -m benchmarks.bench_multicore [--rounds 3] [--batches 16]``.

The single-process baseline is measured twice: with OpenCV's default thread count
(it may already use several cores inside one call) and pinned to one thread. The
pool (one worker per core, forked) is started and warmed up before timing, so the
figure is steady-state throughput; worker start-up is reported separately. The
machine may be shared: every round is printed, not only the best.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np


def heavy_pipeline(augkit):
    iaa = augkit.augmenters
    return iaa.Sequential([
        iaa.Fliplr(0.5),
        iaa.Affine(scale=(0.8, 1.2), rotate=(-30, 30), shear=(-10, 10), order=1),
        iaa.GaussianBlur(sigma=(0.5, 2.0)),
        iaa.AdditiveGaussianNoise(scale=(0, 0.05 * 255), per_channel=0.5),
        iaa.ElasticTransformation(alpha=(1.0, 5.0), sigma=0.5),
        iaa.LinearContrast((0.75, 1.5)),
        iaa.CoarseDropout(0.05, size_percent=0.1),
        iaa.PiecewiseAffine(scale=(0.01, 0.04), nb_rows=4, nb_cols=4),
        iaa.MedianBlur(k=(3, 7)),
    ])


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc; 0.0 elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batches", type=int, default=16)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)

    import cv2

    import augkit

    rng = np.random.default_rng(0)
    batches = [rng.integers(0, 255, (args.batch_size, args.size, args.size, 3), dtype=np.uint8)
               for _ in range(args.batches)]
    nb_images = args.batches * args.batch_size
    aug = heavy_pipeline(augkit)
    aug.augment_images(batches[0])  # warm-up

    def single() -> float:
        start = time.perf_counter()
        for batch in batches:
            aug.augment_images(batch)
        return time.perf_counter() - start

    default_threads = cv2.getNumThreads()
    single_default = [single() for _ in range(args.rounds)]
    cv2.setNumThreads(1)
    single_one = [single() for _ in range(args.rounds)]
    cv2.setNumThreads(default_threads)

    start = time.perf_counter()
    pool = aug.pool(processes=args.processes, seed=1)
    pool.map_batches(batches[:args.processes], timeout=120)
    startup = time.perf_counter() - start
    pooled, cores_used = [], []
    pids = pool._worker_pids()
    try:
        for _ in range(args.rounds):
            before = sum(_cpu_seconds(pid) for pid in pids)
            start = time.perf_counter()
            pool.map_batches(batches, timeout=600)
            pooled.append(time.perf_counter() - start)
            cores_used.append((sum(_cpu_seconds(pid) for pid in pids) - before) / pooled[-1])
    finally:
        pool.terminate()

    def rate(seconds: list[float]) -> str:
        return ", ".join(f"{nb_images / s:6.1f}" for s in seconds)

    print(f"{nb_images} images {args.size}x{args.size} per round, {args.batches} batches; "
          f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}")
    print(f"one process, OpenCV {default_threads} threads: {rate(single_default)} images/s")
    print(f"one process, OpenCV 1 thread : {rate(single_one)} images/s")
    print(f"Pool({args.processes} processes)           : {rate(pooled)} images/s "
          f"(start-up + warm-up {startup:.2f} s)")
    print("cores the workers actually got (CPU s / wall s): "
          + ", ".join(f"{c:.2f}" for c in cores_used)
          + "  (below the worker count: other processes were using the machine)")
    best_pool = min(pooled)
    print(f"speed-up (median rounds) vs default threads: "
          f"{statistics.median(single_default) / statistics.median(pooled):.2f}x, "
          f"vs 1 thread: {statistics.median(single_one) / statistics.median(pooled):.2f}x; "
          f"best rounds: {min(single_default) / best_pool:.2f}x / "
          f"{min(single_one) / best_pool:.2f}x")


if __name__ == "__main__":
    main()
