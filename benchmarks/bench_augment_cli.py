"""Benchmark ``augkit augment`` against the same job written as a plain albumentations loop.

The job: a COCO dataset of 512x512 JPEG images with ~10 boxes each, the ``medium``
preset, one output per image (read, augment image and boxes, write JPEG, write the COCO
file at the end). Measured: images per second with 1 and 2 workers, the albumentations
loop (one process), and the peak memory (RSS) of the main process and of the largest
worker for a small and a four times larger dataset.

Each measurement runs in its own Python process, so imports and peak memory are
counted the same way for every contender.

Run::

    .venv/bin/python -m benchmarks.bench_augment_cli        # 1,000 images; memory 1,000 vs 4,000
    .venv/bin/python -m benchmarks.bench_augment_cli --count 300 --memory 500 2000
    .venv/bin/python -m benchmarks.bench_augment_cli --count 500 --repeat 3   # best of 3

Both contenders do the same file work: decode with OpenCV and convert BGR->RGB, encode
JPEG at quality 95 after RGB->BGR, write each file to a temporary name and rename it.
On a shared machine timings are noisy: ``--repeat R`` runs the contenders R times,
interleaved, and keeps each one's fastest run.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

SIZE = 512
BOXES = 10


def make_dataset(folder: Path, count: int, seed: int = 0) -> Path:
    """Write *count* photo-like 512x512 JPEGs with ~10 boxes each, and their COCO file."""
    import cv2

    from augkit.app.datasets.images_io import write_image

    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    images, annotations = [], []
    for i in range(count):
        small = rng.integers(0, 256, (12, 12, 3), dtype=np.uint8)
        image = cv2.resize(small, (SIZE, SIZE), interpolation=cv2.INTER_CUBIC)
        noise = rng.normal(0, 6, image.shape)
        image = np.clip(image + noise, 0, 255).astype(np.uint8)
        name = f"img{i:05d}.jpg"
        write_image(folder / name, image)
        images.append({"id": i + 1, "file_name": name, "width": SIZE, "height": SIZE})
        for _ in range(int(rng.integers(BOXES - 2, BOXES + 3))):
            w, h = rng.uniform(20, 160, 2)
            x, y = rng.uniform(0, SIZE - w), rng.uniform(0, SIZE - h)
            cv2.rectangle(image, (int(x), int(y)), (int(x + w), int(y + h)), (255, 255, 255), 2)
            annotations.append({"id": len(annotations) + 1, "image_id": i + 1,
                                "category_id": int(rng.integers(1, 4)), "iscrowd": 0,
                                "bbox": [round(x, 2), round(y, 2), round(w, 2), round(h, 2)],
                                "area": round(w * h, 2)})
    doc = {"images": images, "annotations": annotations,
           "categories": [{"id": c, "name": f"c{c}"} for c in (1, 2, 3)]}
    path = folder / "annotations.json"
    path.write_text(json.dumps(doc))
    return path


# ---------------------------------------------------------------------- contenders


def run_augkit(data: Path, out: Path, workers: int) -> None:
    from augkit.app.job import JobConfig, run_job

    summary = run_job(JobConfig(pipeline="medium", input=data, output=out, n=1, seed=0,
                                workers=workers, progress=False), log=lambda *a: None)
    assert summary.outputs_written == summary.images_in, summary


def albumentations_pipeline():
    import albumentations as A

    return A.Compose(
        [
            A.HorizontalFlip(p=0.5),
            A.Affine(scale=(0.9, 1.1), translate_percent=(-0.05, 0.05), rotate=(-15, 15),
                     p=0.7),
            A.GaussianBlur(blur_limit=(3, 7), sigma_limit=(0.1, 1.0), p=0.3),
            A.HueSaturationValue(hue_shift_limit=8, sat_shift_limit=15, val_shift_limit=0,
                                 p=0.5),
            A.RandomBrightnessContrast(brightness_limit=0.0, contrast_limit=0.2, p=0.5),
            A.MultiplicativeNoise(multiplier=(0.85, 1.15), per_channel=False,
                                  elementwise=False, p=0.5),
        ],
        bbox_params=A.BboxParams(format="coco", label_fields=["labels"], clip=True),
        seed=0,
    )


def run_albumentations(data: Path, out: Path) -> None:
    """The same job as a plain loop: read, augment, write JPEG, write COCO at the end."""
    import cv2

    from augkit.app.datasets.images_io import write_bytes_atomic

    pipeline = albumentations_pipeline()
    doc = json.loads((data / "annotations.json").read_text())
    by_image: dict[int, list] = {}
    for ann in doc["annotations"]:
        by_image.setdefault(ann["image_id"], []).append(ann)
    out.mkdir(parents=True, exist_ok=True)
    images, annotations = [], []
    for entry in doc["images"]:
        image = cv2.cvtColor(cv2.imread(str(data / entry["file_name"])), cv2.COLOR_BGR2RGB)
        anns = by_image.get(entry["id"], [])
        result = pipeline(image=image, bboxes=np.array([a["bbox"] for a in anns]),
                          labels=[a["category_id"] for a in anns])
        name = entry["file_name"].replace(".jpg", "_aug0.jpg")
        ok, buf = cv2.imencode(".jpg", cv2.cvtColor(result["image"], cv2.COLOR_RGB2BGR),
                               [cv2.IMWRITE_JPEG_QUALITY, 95])
        write_bytes_atomic(out / name, buf.tobytes())
        image_id = len(images) + 1
        images.append({"id": image_id, "file_name": name, "width": result["image"].shape[1],
                       "height": result["image"].shape[0]})
        for box, label in zip(result["bboxes"], result["labels"]):
            x, y, w, h = (round(float(v), 2) for v in box)
            annotations.append({"id": len(annotations) + 1, "image_id": image_id,
                                "category_id": int(label), "bbox": [x, y, w, h],
                                "area": round(w * h, 2), "iscrowd": 0})
    doc = {"images": images, "annotations": annotations, "categories": doc["categories"]}
    (out / "annotations.json").write_text(json.dumps(doc))


def peak_rss_mb() -> float:
    """This process's own peak RSS in MB.

    ``getrusage(RUSAGE_SELF).ru_maxrss`` is not enough on Linux: a process started by
    ``subprocess`` keeps, across exec, the peak of the parent it was forked from (here the
    driver, which grows with the dataset it generates). ``VmHWM`` in ``/proc/self/status``
    is the peak of the process's own memory.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(args: argparse.Namespace) -> None:
    start = time.perf_counter()
    if args.child == "albumentations":
        run_albumentations(Path(args.data), Path(args.out))
    else:
        run_augkit(Path(args.data), Path(args.out), args.workers)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "seconds": seconds,
        "rss_main_mb": peak_rss_mb(),
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


def measure(contender: str, data: Path, workers: int, scratch: Path) -> dict:
    out = scratch / f"out-{contender}-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "benchmarks.bench_augment_cli", "--child", contender,
           "--data", str(data), "--out", str(out), "--workers", str(workers)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    shutil.rmtree(out, ignore_errors=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="images for the speed runs")
    parser.add_argument("--memory", type=int, nargs=2, default=(1000, 4000),
                        metavar=("SMALL", "LARGE"), help="dataset sizes for the memory check")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each speed contender this many times, keep the fastest")
    parser.add_argument("--child", choices=("augkit", "albumentations"), help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args)
        return 0
    scratch = Path(tempfile.mkdtemp(prefix="augkit-bench-"))
    try:
        t = time.perf_counter()
        data = scratch / f"data{args.count}"
        make_dataset(data, args.count)
        print(f"generated {args.count} images of {SIZE}x{SIZE} in {time.perf_counter() - t:.0f} s")
        contenders = [("albumentations loop", "albumentations", 1),
                      ("augkit augment, 1 worker", "augkit", 1),
                      ("augkit augment, 2 workers", "augkit", 2)]
        best: dict[str, dict] = {}
        for _ in range(max(1, args.repeat)):
            for name, contender, workers in contenders:
                r = measure(contender, data, workers, scratch)
                if name not in best or r["seconds"] < best[name]["seconds"]:
                    best[name] = r
        rows = [(name, best[name]) for name, _, _ in contenders]
        base = rows[0][1]["seconds"]
        one = rows[1][1]["seconds"]
        print(f"\n{'job (medium preset, ' + str(args.count) + ' images)':<42} {'images/s':>9} "
              f"{'vs albu':>8} {'vs 1 worker':>11}")
        for name, r in rows:
            print(f"{name:<42} {args.count / r['seconds']:>9.1f} {base / r['seconds']:>7.2f}x "
                  f"{one / r['seconds']:>10.2f}x")
        print(f"\npeak RSS, augkit augment with 2 workers ({'main':>6} / {'worker':>6} MB)")
        peaks = []
        for count in args.memory:
            folder = scratch / f"data{count}"
            if not folder.exists():
                make_dataset(folder, count, seed=1)
            r = measure("augkit", folder, 2, scratch)
            print(f"  {count:>6} images: {r['rss_main_mb']:6.0f} / {r['rss_worker_mb']:6.0f}  "
                  f"({count / r['seconds']:.1f} images/s)")
            peaks.append(r)
            if folder != data:
                shutil.rmtree(folder, ignore_errors=True)
        if len(peaks) == 2:
            small, large = peaks
            print(f"  growth:       {large['rss_main_mb'] - small['rss_main_mb']:+6.1f} / "
                  f"{large['rss_worker_mb'] - small['rss_worker_mb']:+6.1f}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
