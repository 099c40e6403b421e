"""Timing harness: one image per call, single thread, augkit vs albumentations.

Each benchmark module ``bench_*.py`` defines ``cases(image)`` returning a list of
:class:`Case`. The harness times both sides in the same run and reports the ratio
``albumentations time / augkit time`` (above 1.0: augkit is faster).
"""

from __future__ import annotations

import os
import timeit
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Case:
    """One comparison: an augkit call and the albumentations call that does the same."""

    name: str
    augkit: Callable[[], object]
    albumentations: Callable[[], object] | None
    note: str = ""


def limit_threads() -> None:
    """Pin OpenCV to one thread so that both libraries are measured single-threaded."""
    import cv2

    cv2.setNumThreads(1)
    os.environ.setdefault("OMP_NUM_THREADS", "1")


def per_call_seconds(func: Callable[[], object], budget: float = 0.25) -> float:
    """Return the best mean time per call of *func* over a few timed batches."""
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    number = max(1, int(number * budget / 0.2))
    return min(timer.repeat(repeat=5, number=number)) / number


def run_cases(cases: list[Case]) -> list[tuple[str, float, float | None, str]]:
    """Time every case; return rows of (name, augkit s, albumentations s or None, note)."""
    rows = []
    for case in cases:
        case.augkit()
        ours = per_call_seconds(case.augkit)
        theirs = None
        if case.albumentations is not None:
            case.albumentations()
            theirs = per_call_seconds(case.albumentations)
        rows.append((case.name, ours, theirs, case.note))
    return rows


def format_table(rows) -> str:
    """Render rows as a Markdown table with microseconds and the speed ratio."""
    lines = ["| augmenter | augkit µs | albumentations µs | ratio (albu/augkit) | note |",
             "| --- | ---: | ---: | ---: | --- |"]
    for name, ours, theirs, note in rows:
        ratio = f"{theirs / ours:.2f}" if theirs else "-"
        theirs_text = f"{theirs * 1e6:.1f}" if theirs else "-"
        lines.append(f"| {name} | {ours * 1e6:.1f} | {theirs_text} | {ratio} | {note} |")
    return "\n".join(lines)
