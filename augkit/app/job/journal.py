"""The resume journal: ``OUTPUT/.augkit/journal.jsonl``, one JSON line per finished output.

The first line is a header (pipeline digest, seed, format, ``--out-of-image``) that
``--resume`` compares with the options of the new run. Every other line is the entry of
one written output: ``index`` and ``rel`` of its input image, ``k``, ``out`` (the
output's relative path), ``shape`` and the format's ``payload``. The journal is read one
line at a time and sorted by line offsets, so a large run's journal is never held in
memory; a line cut short by a crash is skipped.

The folder stays after a completed run, on purpose: ``--resume`` reads it to finish an
interrupted run, to redo outputs deleted since (their payloads, such as COCO
annotations, are only kept here) and to add outputs with a larger ``-n``, on any
engine. Dataset readers skip it (a hidden folder, no images). Delete ``.augkit/`` once
the output is final: the files are complete without it, only ``--resume`` needs it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from augkit.app.datasets.images_io import atomic_writer

#: The folder of the job's own files inside the output folder.
STATE_DIR = ".augkit"
#: The journal's file name inside :data:`STATE_DIR`.
JOURNAL = "journal.jsonl"
#: The header fields that must match for ``--resume``.
CHECKED = ("pipeline", "seed", "format", "out_of_image")
_HEADER_KEY = "augkit_journal"


def journal_path(out_dir: Path) -> Path:
    """Return the journal's path for the output folder *out_dir*."""
    return out_dir / STATE_DIR / JOURNAL


def make_header(pipeline_digest: str, seed: int, fmt: str, out_of_image: str) -> dict:
    """Return the header line of a run (see :data:`CHECKED`)."""
    return {_HEADER_KEY: 1, "pipeline": pipeline_digest, "seed": seed, "format": fmt,
            "out_of_image": out_of_image}


def differences(header: dict, expected: dict) -> list[str]:
    """Return the names of the :data:`CHECKED` fields in which *header* differs."""
    return [k for k in CHECKED if header.get(k) != expected[k]]


def _scan(path: Path) -> Iterator[tuple[int, str, dict]]:
    """Yield ``(offset, line, item)`` for each readable line of the journal, header first."""
    if not path.is_file():
        return
    with open(path, "rb") as fh:
        offset = 0
        for raw in fh:
            start, offset = offset, offset + len(raw)
            try:
                line = raw.decode("utf-8")
                item = json.loads(line)
            except ValueError:
                continue  # a line cut short by a crash
            if isinstance(item, dict):
                yield start, line.rstrip("\n"), item


def _entries(path: Path) -> Iterator[tuple[int, str, dict]]:
    """Like :func:`_scan`, without the header line."""
    first = True
    for offset, line, item in _scan(path):
        if first:
            first = False
            if _HEADER_KEY in item:
                continue
        yield offset, line, item


def read_header(path: Path) -> dict | None:
    """Return the journal's header; ``{}`` when its first line is not one, None without it."""
    for _, _, item in _scan(path):
        return item if _HEADER_KEY in item else {}
    return None


def finished_outputs(path: Path, out_dir: Path) -> dict[tuple[str, int], tuple[Any, str]]:
    """Return the outputs an earlier run wrote: ``(rel, k) -> (index, journal line)``.

    Only entries whose output image is still in *out_dir* count.
    """
    done: dict[tuple[str, int], tuple[Any, str]] = {}
    for _, line, entry in _entries(path):
        try:
            key, out_rel = (entry["rel"], entry["k"]), entry["out"]
        except KeyError:
            continue
        if (out_dir / out_rel).is_file():
            done[key] = (entry.get("index"), line)
    return done


def rewrite(path: Path, header: dict, lines: Iterable[str]) -> None:
    """Replace the journal (atomically) with *header* and the entry *lines* still valid."""
    with atomic_writer(path) as fh:
        fh.write(json.dumps(header) + "\n")
        for line in lines:
            fh.write(line + "\n")


def append(fh: Any, entries: Iterable[dict[str, Any]]) -> None:
    """Append the *entries* of one finished image to the open journal *fh* and flush."""
    for entry in entries:
        fh.write(json.dumps(entry) + "\n")
    fh.flush()


def sorted_entries(path: Path, n: int) -> Iterator[dict]:
    """Yield the entries with ``k < n``, sorted by image index and k, the last entry of an
    output winning; only line offsets are kept while sorting."""
    offsets: dict[tuple[int, int], int] = {}
    for offset, _, item in _entries(path):
        if isinstance(item.get("k"), int) and item["k"] < n and "index" in item:
            offsets[(item["index"], item["k"])] = offset
    with open(path, "rb") as fh:
        for key in sorted(offsets):
            fh.seek(offsets[key])
            yield json.loads(fh.readline().decode("utf-8"))


__all__ = ["CHECKED", "JOURNAL", "STATE_DIR", "append", "differences", "finished_outputs",
           "journal_path", "make_header", "read_header", "rewrite", "sorted_entries"]
