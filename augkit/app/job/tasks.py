"""One task of the job: one input image read, augmented N times, every output written.

A task runs in a worker process (or in the main process with one worker): it reads the
image, loads its objects through the dataset format, augments both once per output
*k* with the key ``(rel, k)``, writes the image and its label files (each atomically),
and hands back a :class:`TaskResult` with the journal entries and the counts. A task
never raises for bad input: an unreadable image or one the pipeline refuses is
reported in :attr:`TaskResult.error`.
"""

from __future__ import annotations

import contextlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from augkit.app.datasets import DatasetFormat, ImageRecord, Obj
from augkit.app.datasets.images_io import (
    DEFAULT_MAX_PIXELS,
    ImageReadError,
    read_image,
    write_image,
)
from augkit.app.job.objects import Stats, augment_objects
from augkit.augmenter import Augmenter
from augkit.errors import AugkitError, InputError


@dataclass
class TaskState:
    """What every task needs: the seeded pipeline, the dataset format, where to write."""

    pipeline: Augmenter
    dataset: DatasetFormat
    out_dir: Path
    out_of_image: str
    max_pixels: int | None = DEFAULT_MAX_PIXELS


@dataclass
class WorkerSetup:
    """What a worker gets when it starts, before the dataset is read (no records)."""

    pipeline: Augmenter
    out_dir: Path
    out_of_image: str
    max_pixels: int | None = DEFAULT_MAX_PIXELS


@dataclass
class TaskResult:
    """What a task hands back for one input image."""

    index: int
    rel: str
    entries: list[dict[str, Any]] = field(default_factory=list)
    stats: Stats = field(default_factory=Stats)
    error: str | None = None
    #: Why the record was skipped: ``unreadable``, ``refused`` (a path outside the
    #: folders, a collision), ``failed`` (any other exception of this record), or
    #: ``unwritable`` (an output could not be written: disk full, permissions; this
    #: stops the run, as every later image would fail the same way).
    reason: str = "unreadable"


_SETUP: WorkerSetup | None = None
_STATE: TaskState | None = None
_VIEW_BLOB: bytes | None = None


def init_worker(setup: WorkerSetup) -> None:
    """Keep *setup* for the tasks of this worker process (the pool's initializer)."""
    global _SETUP, _STATE, _VIEW_BLOB
    _SETUP, _STATE, _VIEW_BLOB = setup, None, None


def run_in_worker(view_blob: bytes, record: ImageRecord, ks: list[int]) -> TaskResult:
    """Run one task in a worker; *view_blob* is the pickled dataset view, unpickled once."""
    global _STATE, _VIEW_BLOB
    if _STATE is None or view_blob != _VIEW_BLOB:
        if _SETUP is None:
            raise RuntimeError("run_in_worker: the worker was not initialised (init_worker)")
        _STATE = TaskState(_SETUP.pipeline, pickle.loads(view_blob), _SETUP.out_dir,
                           _SETUP.out_of_image, _SETUP.max_pixels)
        _VIEW_BLOB = view_blob
    return process_image(_STATE, record, ks)


def process_image(state: TaskState, record: ImageRecord, ks: list[int]) -> TaskResult:
    """Read one image, write its augmented versions *ks*; never raises for bad input."""
    result = TaskResult(index=record.index, rel=record.rel)
    result.error = _escape(state, record, ks)
    if result.error:
        result.reason = "refused"
        return result
    try:
        image = read_image(record.path, max_pixels=state.max_pixels)
        objects = state.dataset.load_objects(record, image.shape)
    except (ImageReadError, InputError) as exc:
        result.error = str(exc)
        return result
    except Exception as exc:  # noqa: BLE001 -- one bad record never aborts the run
        result.error = f"{record.path}: cannot read it: {_describe(exc)}"
        result.reason = "failed"
        return result
    for k in ks:
        try:
            image_out, kept, stats = _augment_any_channels(state, image, objects, (record.rel, k))
        except AugkitError as exc:
            result.error = f"{record.path}: the pipeline cannot augment it: {exc}"
            return result
        except Exception as exc:  # noqa: BLE001 -- an augmenter's bug: skip this record
            result.error = f"{record.path}: the pipeline failed on it: {_describe(exc)}"
            result.reason = "failed"
            return result
        out_rel = record.output_rel(k)
        try:
            payload = state.dataset.write(record, k, state.out_dir, image_out.shape, kept)
            write_image(state.out_dir / out_rel, image_out)
        except OSError as exc:
            _remove_partial_output(state, record, k)
            result.error = (f"cannot write {exc.filename or state.out_dir / out_rel}: "
                            f"{exc.strerror or exc}")
            result.reason = "unwritable"
            return result
        result.entries.append({"index": record.index, "rel": record.rel, "k": k,
                               "out": out_rel, "shape": list(image_out.shape),
                               "payload": payload})
        result.stats.add(stats)
    return result


def _remove_partial_output(state: TaskState, record: ImageRecord, k: int) -> None:
    """Remove what output *k* of *record* wrote before a write failed (its label files)."""
    for path in [state.out_dir / record.output_rel(k),
                 *state.dataset.annotation_paths(record, state.out_dir, k)]:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def _describe(exc: BaseException) -> str:
    """One line for an unexpected exception: its type and its first line."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _under(path: Path, folder: Path) -> bool:
    """Return whether *path*, symlinks resolved, lies below the resolved *folder*."""
    try:
        return path.resolve().is_relative_to(folder)
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL byte...
        return False


def _escape(state: TaskState, record: ImageRecord, ks: list[int]) -> str | None:
    """Refuse a record whose image lies outside --input or whose outputs leave --output.

    Checked before anything is read or opened: a dataset file (``../x.jpg``, an
    absolute name, a symlink) must never make the job touch a path outside its folders.
    """
    try:
        input_dir = state.dataset.input_dir.resolve()
        out_dir = state.out_dir.resolve()
    except (OSError, RuntimeError) as exc:
        return f"{record.path}: cannot resolve the input or output folder: {exc}"
    if not _under(record.path, input_dir):
        return (f"{record.path}: refused: the image name {record.rel!r} resolves outside "
                f"--input {input_dir}")
    # Label files may go beside --output (YOLO's images/ -> labels/): where the format
    # puts the label of a plain name written at the top of --output bounds them all.
    probe = ImageRecord(record.index, record.path, "x.jpg", record.meta)
    label_roots = [out_dir, *(_resolved(p.parent) for p in
                              state.dataset.annotation_paths(probe, state.out_dir, 0))]
    for k in ks:
        image_out = state.out_dir / record.output_rel(k)
        if not _under(image_out, out_dir):
            return (f"{record.path}: refused: its output {image_out} resolves outside "
                    f"--output {out_dir}")
        for path in state.dataset.annotation_paths(record, state.out_dir, k):
            if not any(root is not None and _under(path, root) for root in label_roots):
                return (f"{record.path}: refused: its label file {path} resolves outside "
                        f"--output {out_dir}")
    return None


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None


def _augment_any_channels(state: TaskState, image: np.ndarray, objects: list[Obj],
                          key: tuple) -> tuple[np.ndarray, list[Obj], Stats]:
    """Augment; a grayscale image that a colour augmenter refuses goes through as RGB.

    The RGB result is turned back into one channel, so the output keeps the input's
    layout. Keyed sampling makes the retry draw the same values as the first try.
    """
    try:
        return augment_objects(state.pipeline, image, objects, key=key,
                               out_of_image=state.out_of_image,
                               flip_idx=state.dataset.keypoint_flip_idx)
    except InputError:
        if not (image.ndim == 2 or image.shape[2] == 1):
            raise
    import cv2

    gray = image if image.ndim == 2 else image[:, :, 0]
    rgb = cv2.cvtColor(np.ascontiguousarray(gray), cv2.COLOR_GRAY2RGB)
    out, kept, stats = augment_objects(state.pipeline, rgb, objects, key=key,
                                       out_of_image=state.out_of_image,
                                       flip_idx=state.dataset.keypoint_flip_idx)
    out = cv2.cvtColor(out, cv2.COLOR_RGB2GRAY)
    return (out if image.ndim == 2 else out[:, :, None]), kept, stats


__all__ = ["TaskResult", "TaskState", "WorkerSetup", "init_worker", "process_image",
           "run_in_worker"]
