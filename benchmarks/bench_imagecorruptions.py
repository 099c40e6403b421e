"""The 19 ImageNet-C corruptions: augkit's native family against ``imagecorruptions``.

imgaug's ``imgcorruptlike`` wrapped the ``imagecorruptions`` package, which needs
numpy 1.x (it does not import on numpy 2), so it cannot share augkit's interpreter.
This benchmark times it in a second Python that has it installed and prints both
sides in one table: milliseconds per 224x224 uint8 image at severity 3, one thread.

Usage::

    python -m venv /tmp/icvenv
    /tmp/icvenv/bin/pip install "numpy<2" imagecorruptions scikit-image \
        opencv-python-headless "setuptools<70"
    python -m benchmarks.bench_imagecorruptions --reference-python /tmp/icvenv/bin/python

``imagecorruptions`` 1.1.2 still passes ``multichannel=True`` to
``skimage.filters.gaussian``, which scikit-image removed; the reference side maps
that keyword onto ``channel_axis`` (the same computation) before timing.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys

import cv2
import numpy as np

from benchmarks.harness import limit_threads, per_call_seconds
from benchmarks.run import sample_image

SEVERITY = 3
SIDE = 224

REFERENCE_TIMER = r"""
import json, sys, timeit
import cv2
import numpy as np
import skimage.filters
import imagecorruptions.corruptions as corruptions
from imagecorruptions import corrupt, get_corruption_names

cv2.setNumThreads(1)

def gaussian(x, sigma=1, multichannel=False, **kwargs):
    return skimage.filters.gaussian(
        x, sigma=sigma, channel_axis=-1 if multichannel else None, **kwargs)

corruptions.gaussian = gaussian
image = np.load(sys.argv[1])
budget = float(sys.argv[2])
severity = int(sys.argv[3])
times = {}
for name in get_corruption_names("all"):
    call = lambda: corrupt(image, corruption_name=name, severity=severity)
    call()
    timer = timeit.Timer(call)
    number, total = timer.autorange()
    if total > budget:
        times[name] = total / number
        continue
    number = max(1, int(number * budget / max(total, 1e-9)))
    times[name] = min(timer.repeat(repeat=3, number=number)) / number
print(json.dumps(times))
"""


def reference_seconds(python: str, image: np.ndarray, budget: float) -> dict[str, float]:
    """Seconds per call of every ``imagecorruptions`` corruption, timed in *python*."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "image.npy"
        np.save(path, image)
        command = [python, "-c", REFERENCE_TIMER, str(path), str(budget), str(SEVERITY)]
        result = subprocess.run(command, capture_output=True, text=True, check=False,
                                env={"OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"})
    if result.returncode != 0:
        raise SystemExit(f"the reference Python failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def augkit_seconds(image: np.ndarray) -> dict[str, float]:
    """Seconds per call of every augkit ``apply_<name>`` corruption at ``SEVERITY``."""
    from augkit_imgcorruptlike.functional import get_corruption_names

    names, functions = get_corruption_names("all")
    times = {}
    for name, function in zip(names, functions):
        times[name] = per_call_seconds(lambda f=function: f(image, SEVERITY, 0))
    return times


def format_rows(ours: dict[str, float], theirs: dict[str, float]) -> str:
    """A Markdown table in milliseconds with the ratio and the geometric mean."""
    lines = ["| corruption | augkit ms | imagecorruptions ms | ratio (theirs/augkit) |",
             "| --- | ---: | ---: | ---: |"]
    logs = []
    for name, seconds in ours.items():
        reference = theirs.get(name)
        if reference is None:
            lines.append(f"| {name} | {seconds * 1e3:.2f} | - | - |")
            continue
        logs.append(math.log(reference / seconds))
        lines.append(f"| {name} | {seconds * 1e3:.2f} | {reference * 1e3:.2f} | "
                     f"{reference / seconds:.1f} |")
    if logs:
        lines.append(f"| geometric mean | | | {math.exp(sum(logs) / len(logs)):.1f} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference-python", required=True,
                        help="a Python with numpy<2 and imagecorruptions installed")
    parser.add_argument("--budget", type=float, default=0.25,
                        help="seconds of timing per corruption and side")
    args = parser.parse_args(argv)
    limit_threads()
    image = cv2.resize(sample_image(), (SIDE, SIDE), interpolation=cv2.INTER_AREA)
    theirs = reference_seconds(args.reference_python, image, args.budget)
    ours = augkit_seconds(image)
    print(f"\n## imagecorruptions ({SIDE}x{SIDE} uint8, severity {SEVERITY})\n")
    print(format_rows(ours, theirs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
