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
    """One comparison: an augkit call and the albumentations call that does the same.

    *images* is how many images one call of each side handles; times are reported per
    image (a batch of 64 against a loop of 64 calls gives per-image times).
    """

    name: str
    augkit: Callable[[], object]
    albumentations: Callable[[], object] | None
    note: str = ""
    images: int = 1


#: Column headers of :func:`format_table`: the two timed sides.
DEFAULT_COLUMNS = ("augkit", "albumentations")


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
        ours = per_call_seconds(case.augkit) / case.images
        theirs = None
        if case.albumentations is not None:
            case.albumentations()
            theirs = per_call_seconds(case.albumentations) / case.images
        rows.append((case.name, ours, theirs, case.note))
    return rows


def run_cases_alternated(cases: list[Case], rounds: int = 7,
                         ) -> list[tuple[str, float, float | None, str]]:
    """:func:`run_cases` with the two sides taking turns, *rounds* times each, keeping
    each side's best round: a shared machine's slow spells then hit both sides.

    Examples
    --------
    >>> row, = run_cases_alternated([Case("sum", lambda: sum(range(9)), None)], rounds=1)
    >>> row[0], row[2]
    ('sum', None)
    """
    rows = []
    for case in cases:
        sides = [case.augkit] + ([case.albumentations] if case.albumentations else [])
        best = [float("inf")] * len(sides)
        for side in sides:
            side()
        for _ in range(rounds):
            for k, side in enumerate(sides):
                best[k] = min(best[k], per_call_seconds(side, budget=0.05))
        theirs = best[1] / case.images if len(best) > 1 else None
        rows.append((case.name, best[0] / case.images, theirs, case.note))
    return rows


def format_table(rows, columns: tuple[str, str] = DEFAULT_COLUMNS) -> str:
    """Render rows as a Markdown table with microseconds per image and the speed ratio.

    *columns* names the two timed sides (ours, theirs); the ratio is theirs / ours.

    Examples
    --------
    >>> print(format_table([("Fliplr", 2e-6, 4e-6, "")], ("batch", "loop")))
    | augmenter | batch µs | loop µs | ratio (loop/batch) | note |
    | --- | ---: | ---: | ---: | --- |
    | Fliplr | 2.0 | 4.0 | 2.00 |  |
    """
    ours_name, theirs_name = columns
    short = "albu/augkit" if columns == DEFAULT_COLUMNS else f"{theirs_name}/{ours_name}"
    lines = [f"| augmenter | {ours_name} µs | {theirs_name} µs | ratio ({short}) | note |",
             "| --- | ---: | ---: | ---: | --- |"]
    for name, ours, theirs, note in rows:
        ratio = f"{theirs / ours:.2f}" if theirs else "-"
        theirs_text = f"{theirs * 1e6:.1f}" if theirs else "-"
        lines.append(f"| {name} | {ours * 1e6:.1f} | {theirs_text} | {ratio} | {note} |")
    return "\n".join(lines)
