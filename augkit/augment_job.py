"""The ``augkit augment`` job: a folder of annotated images in, N augmented copies out.

One task per input image: a worker reads the image, loads its annotations, augments it
N times and writes every output (image and label file, each atomically), then hands
back what the dataset-level files need. The main process keeps a journal
(``OUTPUT/.augkit/journal.jsonl``, one line per finished output), shows progress, and
writes the dataset-level files (the COCO JSON) from the journal at the end, so
``--resume`` knows what is done and can rebuild them.

Seeding: output *k* of the image at relative path *p* is drawn with keyed sampling,
``pipeline(..., key=(p, k))``, from the run's seed: results do not depend on the number
of workers, on the order in which images finish, or on other images of the folder, and
``--resume`` reproduces exactly the files a full run would write.

Examples
--------
>>> import tempfile, augkit
>>> from augkit.augment_job import JobConfig, run_job
>>> out = tempfile.mkdtemp()
>>> summary = run_job(JobConfig(pipeline="light", output=out, n=1, workers=1,
...                             progress=False), log=lambda *a: None)
>>> summary.outputs_written > 0
True
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import hashlib
import json
import multiprocessing
import os
import pickle
import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from augkit.augmenter import Augmenter
from augkit.datasets import DatasetFormat, ImageRecord, Obj, open_dataset
from augkit.datasets.images_io import (
    ImageReadError,
    atomic_writer,
    read_image,
    remove_temp_files,
    write_image,
)
from augkit.errors import AugkitError, InputError, SerializationError

PRESETS = ("light", "medium", "heavy")
OUT_OF_IMAGE = ("clip", "drop", "keep")
STATE_DIR = ".augkit"
JOURNAL = "journal.jsonl"
_EPS = 1e-3


class JobError(AugkitError):
    """The job cannot run (bad options, output folder inside the input...)."""


class PipelineError(AugkitError, ValueError):
    """A pipeline file could not be loaded; the message says where in the file."""


# ----------------------------------------------------------------------- pipelines


def preset_path(name: str) -> Path:
    """Return the file of a bundled preset (``light``, ``medium``, ``heavy``)."""
    return Path(str(resources.files("augkit").joinpath("presets", f"{name}.yaml")))


def load_pipeline(spec: str | os.PathLike | Augmenter) -> Augmenter:
    """Load a pipeline: a bundled preset name, a YAML/JSON file, or an augmenter (as is).

    Errors from the file (an unknown augmenter, a bad parameter) raise
    :class:`PipelineError` naming the file, the line and the path in the document,
    e.g. ``p.yaml, line 7 (children[1].rotate): ...``.
    """
    if isinstance(spec, Augmenter):
        return spec
    text_spec = os.fspath(spec)
    if text_spec in PRESETS:
        path = preset_path(text_spec)
    else:
        path = Path(text_spec)
        if not path.is_file():
            raise PipelineError(f"--pipeline: {text_spec!r} is neither a file nor a preset "
                                f"(presets: {', '.join(PRESETS)})")
    from augkit import serialization

    try:
        return serialization.load(path)
    except SerializationError as exc:
        raise PipelineError(_locate(path, str(exc))) from None


def _locate(path: Path, message: str) -> str:
    """Prefix a serialization error with the file and the line its document path names."""
    doc_path, sep, rest = message.partition(": ")
    if not sep or " " in doc_path:
        return f"{path}: {message}"
    line = None
    with contextlib.suppress(Exception):
        line = _line_of(path, doc_path)
    where = f"{path}, line {line}" if line else str(path)
    return f"{where} ({doc_path}): {rest}"


def _line_of(path: Path, doc_path: str) -> int | None:
    """Find the line of *doc_path* (``children[2].rotate``) in a YAML or JSON file."""
    import re

    import yaml

    node = yaml.compose(path.read_text(encoding="utf-8"))
    if doc_path == "<root>":
        return node.start_mark.line + 1
    for token in re.findall(r"[^.\[\]]+|\[\d+\]", doc_path):
        if token.startswith("["):
            if isinstance(node, yaml.MappingNode):
                node = _child(node, "tuple") or node
            if not isinstance(node, yaml.SequenceNode):
                break
            node = node.value[int(token[1:-1])]
            continue
        if not isinstance(node, yaml.MappingNode):
            break
        args = _child(node, "args") if _child(node, "augmenter") is not None else None
        found = (_child(args, token) if args is not None else None) or _child(node, token)
        if found is None:
            break
        node = found
    return node.start_mark.line + 1


def _child(node: Any, key: str) -> Any:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if getattr(k, "value", None) == key:
            return v
    return None


def pipeline_digest(pipeline: Augmenter) -> str:
    """A short fingerprint of the pipeline's configuration (journal check on --resume)."""
    try:
        from augkit import serialization

        doc = serialization.to_dict(pipeline)
        _strip_seeds(doc)
        text = json.dumps(doc, sort_keys=True)
    except SerializationError:  # e.g. a Lambda: fall back to its repr
        text = repr(pipeline)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _strip_seeds(doc: Any) -> None:
    if isinstance(doc, dict):
        doc.pop("seed", None)
        for value in doc.values():
            _strip_seeds(value)
    elif isinstance(doc, list):
        for value in doc:
            _strip_seeds(value)


# ------------------------------------------------------------------ one image


@dataclass
class Stats:
    """Counts of one output, one image or the whole run."""

    objects_in: int = 0
    objects_out: int = 0
    dropped: int = 0
    clipped: int = 0
    keypoints_hidden: int = 0

    def add(self, other: Stats) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def augment_objects(pipeline: Augmenter, image: np.ndarray, objects: list[Obj], key: Any,
                    out_of_image: str = "clip") -> tuple[np.ndarray, list[Obj], Stats]:
    """Augment *image* and its *objects* with one keyed draw of *pipeline*.

    Boxes, polygons, keypoints (those with visibility > 0) and masks go through the
    pipeline together with the image; then objects that left the image are clipped,
    dropped or kept as *out_of_image* says. Keypoints that left the image are marked not
    labelled (``0, 0, 0``) unless *out_of_image* is ``keep``.
    """
    from augkit.augmentables import SegmentationMapsOnImage

    data: dict[str, Any] = {"image": image}
    box_owner = [i for i, o in enumerate(objects) if o.box is not None]
    if box_owner:
        data["bounding_boxes"] = np.array([objects[i].box for i in box_owner], np.float32)
    poly_owner = [(i, j) for i, o in enumerate(objects) for j in range(len(o.polygons))]
    if poly_owner:
        data["polygons"] = [objects[i].polygons[j].astype(np.float32) for i, j in poly_owner]
    kp_owner = [(i, j) for i, o in enumerate(objects) if o.keypoints is not None
                for j in np.flatnonzero(o.keypoints[:, 2] > 0)]
    if kp_owner:
        data["keypoints"] = np.array([objects[i].keypoints[j, :2] for i, j in kp_owner],
                                     np.float32)
    mask_owner = [i for i, o in enumerate(objects) if o.mask is not None]
    if mask_owner:
        stack = np.stack([objects[i].mask for i in mask_owner], axis=2).astype(np.uint8)
        data["segmentation_maps"] = SegmentationMapsOnImage(stack, shape=image.shape)
    result = pipeline(**data, key=key)
    if len(data) == 1:
        result = (result,)
    out = dict(zip(data, result))
    image_out = out["image"]
    height, width = image_out.shape[:2]
    new = [Obj(label=o.label, source=o.source,
               keypoints=None if o.keypoints is None else o.keypoints.copy())
           for o in objects]
    for row, i in enumerate(box_owner):
        new[i].box = np.asarray(out["bounding_boxes"][row], dtype=np.float64)
    for (i, _), poly in zip(poly_owner, out.get("polygons", [])):
        new[i].polygons.append(np.asarray(poly, dtype=np.float64))
    if mask_owner:
        masks = out["segmentation_maps"].get_arr()
        if masks.ndim == 2:
            masks = masks[:, :, None]
        for channel, i in enumerate(mask_owner):
            new[i].mask = masks[:, :, channel] > 0
    stats = Stats(objects_in=len(objects))
    if kp_owner:
        moved = np.asarray(out["keypoints"], dtype=np.float64)
        for (i, j), xy in zip(kp_owner, moved):
            new[i].keypoints[j, :2] = xy
    kept = []
    for obj in new:
        if _fit_to_image(obj, width, height, out_of_image, stats):
            kept.append(obj)
        else:
            stats.dropped += 1
    stats.objects_out = len(kept)
    return image_out, kept, stats


def _outside(xy: np.ndarray, width: int, height: int) -> bool:
    return bool(len(xy)) and bool(
        (xy[:, 0] < -_EPS).any() or (xy[:, 0] > width + _EPS).any()
        or (xy[:, 1] < -_EPS).any() or (xy[:, 1] > height + _EPS).any())


def _fit_to_image(obj: Obj, width: int, height: int, mode: str, stats: Stats) -> bool:
    """Clip/drop/keep one transformed object in place; return False to drop it."""
    if obj.keypoints is not None and mode != "keep":
        labelled = obj.keypoints[:, 2] > 0
        gone = labelled & ((obj.keypoints[:, 0] < -_EPS) | (obj.keypoints[:, 0] > width + _EPS)
                           | (obj.keypoints[:, 1] < -_EPS)
                           | (obj.keypoints[:, 1] > height + _EPS))
        if gone.any():
            obj.keypoints[gone] = 0.0
            stats.keypoints_hidden += int(gone.sum())
    if mode == "keep":
        return True
    if obj.mask is not None:
        return bool(obj.mask.any())
    if obj.polygons:
        leaves = any(_outside(p, width, height) for p in obj.polygons)
        if not leaves:
            return True
        if mode == "drop":
            return False
        obj.polygons = _clip_polygons(obj.polygons, width, height)
        obj.clipped = True
        stats.clipped += 1
        if obj.polygons and obj.box is not None:
            allxy = np.concatenate(obj.polygons)
            obj.box = np.concatenate([allxy.min(axis=0), allxy.max(axis=0)])
        return bool(obj.polygons)
    if obj.box is not None:
        box = obj.box
        x1, y1, x2, y2 = box.tolist()  # four Python floats: faster than numpy reductions
        right, bottom = width + _EPS, height + _EPS
        if not (x1 < -_EPS or x2 < -_EPS or x1 > right or x2 > right
                or y1 < -_EPS or y2 < -_EPS or y1 > bottom or y2 > bottom):
            return True
        if mode == "drop":
            return False
        clipped = np.clip(box, 0, [width, height, width, height])
        if clipped[2] - clipped[0] <= _EPS or clipped[3] - clipped[1] <= _EPS:
            return False
        obj.box = clipped
        obj.clipped = True
        stats.clipped += 1
    return True


def _clip_polygons(polygons: list[np.ndarray], width: int, height: int) -> list[np.ndarray]:
    import shapely

    frame = shapely.box(0, 0, width, height)
    parts = []
    for coords in polygons:
        if len(coords) < 3:
            continue
        geometry = shapely.make_valid(shapely.Polygon(coords)).intersection(frame)
        for part in getattr(geometry, "geoms", [geometry]):
            if isinstance(part, shapely.Polygon) and part.area > 0:
                ring = np.asarray(part.exterior.coords, dtype=np.float64)[:-1]
                parts.append(ring)
    return parts


# --------------------------------------------------------------------------- tasks


@dataclass
class JobConfig:
    """Everything ``augkit augment`` needs; see ``augkit augment --help``."""

    pipeline: str | os.PathLike | Augmenter
    output: str | os.PathLike
    input: str | os.PathLike | None = None
    n: int = 4
    seed: int | None = None
    workers: int | None = None
    annotations: str | os.PathLike | None = None
    format: str = "auto"
    out_of_image: str = "clip"
    resume: bool = False
    strict: bool = False
    progress: bool = True


@dataclass
class _TaskState:
    pipeline: Augmenter
    dataset: DatasetFormat
    out_dir: Path
    out_of_image: str


@dataclass
class _WorkerSetup:
    """What a worker gets when it starts, before the dataset is read (no records)."""

    pipeline: Augmenter
    out_dir: Path
    out_of_image: str


@dataclass
class TaskResult:
    """What a worker hands back for one input image."""

    index: int
    rel: str
    entries: list[dict[str, Any]] = field(default_factory=list)
    stats: Stats = field(default_factory=Stats)
    error: str | None = None


_SETUP: _WorkerSetup | None = None
_STATE: _TaskState | None = None
_VIEW_BLOB: bytes | None = None


def _init_worker(setup: _WorkerSetup, counter: Any) -> None:
    from augkit import random as ak_random

    global _SETUP
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides when to stop
    with counter.get_lock():
        index = counter.value
        counter.value += 1
    ak_random.set_worker_index(index)
    _keep_freed_memory()
    _SETUP = setup


def _keep_freed_memory() -> None:
    """Let glibc's malloc reuse freed image buffers instead of returning them at once.

    A worker allocates and frees several 1-3 MB arrays per image. With glibc's defaults
    they are mmapped or trimmed off the heap top when freed and page-faulted in again
    for the next image (twice the page faults, ~10% of a worker's time at 512x512).
    Raising the mmap and trim thresholds keeps them in the heap for reuse; the peak
    memory stays what the largest image needs. A no-op where glibc is absent.
    """
    import ctypes
    import ctypes.util

    with contextlib.suppress(Exception):
        name = ctypes.util.find_library("c")
        if name is None or not sys.platform.startswith("linux"):
            return
        libc = ctypes.CDLL(name)
        m_trim_threshold, m_mmap_threshold = -1, -3
        libc.mallopt(m_mmap_threshold, 32 << 20)
        libc.mallopt(m_trim_threshold, 64 << 20)


def _worker_ready() -> int:
    return os.getpid()


def _run_in_worker(view_blob: bytes, record: ImageRecord, ks: list[int]) -> TaskResult:
    """Run one task; *view_blob* is the pickled dataset view, unpickled once per worker."""
    global _STATE, _VIEW_BLOB
    if _STATE is None or view_blob != _VIEW_BLOB:
        assert _SETUP is not None
        _STATE = _TaskState(_SETUP.pipeline, pickle.loads(view_blob), _SETUP.out_dir,
                            _SETUP.out_of_image)
        _VIEW_BLOB = view_blob
    return process_image(_STATE, record, ks)


def process_image(state: _TaskState, record: ImageRecord, ks: list[int]) -> TaskResult:
    """Read one image, write its augmented versions *ks*; never raises for bad input."""
    result = TaskResult(index=record.index, rel=record.rel)
    try:
        image = read_image(record.path)
        objects = state.dataset.load_objects(record, image.shape)
    except (ImageReadError, InputError) as exc:
        result.error = str(exc)
        return result
    for k in ks:
        try:
            image_out, kept, stats = _augment_any_channels(state, image, objects, (record.rel, k))
        except AugkitError as exc:
            result.error = f"{record.path}: the pipeline cannot augment it: {exc}"
            return result
        out_rel = record.output_rel(k)
        payload = state.dataset.write(record, k, state.out_dir, image_out.shape, kept)
        write_image(state.out_dir / out_rel, image_out)
        result.entries.append({"index": record.index, "rel": record.rel, "k": k,
                               "out": out_rel, "shape": list(image_out.shape),
                               "payload": payload})
        result.stats.add(stats)
    return result


def _augment_any_channels(state: _TaskState, image: np.ndarray, objects: list[Obj],
                          key: tuple) -> tuple[np.ndarray, list[Obj], Stats]:
    """Augment; a grayscale image that a colour augmenter refuses goes through as RGB.

    The RGB result is turned back into one channel, so the output keeps the input's
    layout. Keyed sampling makes the retry draw the same values as the first try.
    """
    try:
        return augment_objects(state.pipeline, image, objects, key=key,
                               out_of_image=state.out_of_image)
    except InputError:
        if not (image.ndim == 2 or image.shape[2] == 1):
            raise
    import cv2

    gray = image if image.ndim == 2 else image[:, :, 0]
    rgb = cv2.cvtColor(np.ascontiguousarray(gray), cv2.COLOR_GRAY2RGB)
    out, kept, stats = augment_objects(state.pipeline, rgb, objects, key=key,
                                       out_of_image=state.out_of_image)
    out = cv2.cvtColor(out, cv2.COLOR_RGB2GRAY)
    return (out if image.ndim == 2 else out[:, :, None]), kept, stats


# --------------------------------------------------------------------- progress


class Progress:
    """A one-line progress bar on a terminal (images/s and ETA); sparse lines otherwise."""

    def __init__(self, total: int, stream: Any = None, enabled: bool = True) -> None:
        self.total = max(total, 0)
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and self.total > 0
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0
        self.start = time.perf_counter()
        self._last_draw = 0.0
        self._last_decile = -1

    def update(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.perf_counter()
        if self.tty:
            if now - self._last_draw >= 0.1 or self.done >= self.total:
                self._last_draw = now
                self.stream.write("\r" + self.line(now) + "\x1b[K")
                self.stream.flush()
        else:
            decile = self.done * 10 // self.total
            if decile != self._last_decile:
                self._last_decile = decile
                self.stream.write(self.line(now) + "\n")
                self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = (now or time.perf_counter()) - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else float("nan")
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        eta = _clock(left) if left == left else "--:--"
        return (f"augment [{bar}] {self.done}/{self.total} images  {rate:5.1f} img/s  "
                f"elapsed {_clock(elapsed)}  ETA {eta}")

    def note(self, message: str) -> None:
        """Print *message* on its own line without breaking the bar."""
        if self.tty and self.enabled:
            self.stream.write("\r\x1b[K")
        self.stream.write(message + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    hours, rest = divmod(seconds, 3600)
    minutes = f"{rest // 60:02d}:{rest % 60:02d}"
    return f"{hours}:{minutes}" if hours else minutes


# -------------------------------------------------------------------------- summary


@dataclass
class Summary:
    """The outcome of a run (printed at the end by :func:`format_summary`)."""

    format: str = "none"
    images_in: int = 0
    images_done: int = 0
    images_unreadable: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    outputs_written: int = 0
    outputs_skipped: int = 0
    stats: Stats = field(default_factory=Stats)
    seconds: float = 0.0
    workers: int = 1
    seed: int = 0
    interrupted: bool = False
    stopped_by_error: str | None = None
    files: list[str] = field(default_factory=list)
    out_of_image: str = "clip"

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        return 1 if self.stopped_by_error else 0


def format_summary(s: Summary) -> str:
    rate = s.images_done / s.seconds if s.seconds > 0 else 0.0
    head = ("interrupted" if s.interrupted else
            "stopped" if s.stopped_by_error else "done")
    lines = [
        f"augkit augment: {head} in {s.seconds:.1f} s ({s.workers} worker"
        f"{'s' if s.workers != 1 else ''}, seed {s.seed}, format {s.format})",
        f"  images in:   {s.images_in} to augment, {s.images_done} done now, "
        f"{len(s.images_unreadable)} unreadable (skipped)",
        f"  images out:  {s.outputs_written} written"
        + (f", {s.outputs_skipped} already there (--resume)" if s.outputs_skipped else ""),
        f"  objects:     {s.stats.objects_in} in, {s.stats.objects_out} out, "
        f"{s.stats.dropped} dropped, {s.stats.clipped} clipped (--out-of-image "
        f"{s.out_of_image})",
    ]
    if s.stats.keypoints_hidden:
        lines.append(f"  keypoints:   {s.stats.keypoints_hidden} left the image (written as "
                     "not labelled)")
    lines.append(f"  speed:       {rate:.1f} input images/s, "
                 f"{s.outputs_written / s.seconds if s.seconds > 0 else 0.0:.1f} outputs/s")
    for path in s.files:
        lines.append(f"  wrote:       {path}")
    if s.problems:
        lines.append(f"  problems:    {len(s.problems)} (listed above)")
    if s.stopped_by_error:
        lines.append(f"  stopped by:  {s.stopped_by_error}")
    if s.interrupted:
        lines.append("  run the same command with --resume to finish")
    return "\n".join(lines)


# ------------------------------------------------------------------------ the job


def bundled_dataset() -> tuple[Path, Path]:
    """Return the bundled sample dataset: its image folder and COCO file."""
    folder = Path(str(resources.files("augkit").joinpath("data", "sample_dataset")))
    return folder, folder / "annotations.json"


def _check_folders(input_dir: Path, out_dir: Path) -> None:
    inp, out = input_dir.resolve(), out_dir.resolve()
    if inp == out:
        raise JobError(f"--output: {out_dir} is the input folder; augkit never writes into its "
                       "input, choose another folder")
    if inp in out.parents:
        raise JobError(f"--output: {out_dir} is inside the input folder {input_dir}; its "
                       "outputs would be read as inputs next time, choose a folder outside it")


def _journal_header(config: JobConfig, pipeline: Augmenter, seed: int, fmt: str) -> dict:
    return {"augkit_journal": 1, "pipeline": pipeline_digest(pipeline), "seed": seed,
            "format": fmt, "out_of_image": config.out_of_image}


def _scan_journal(path: Path) -> Iterator[tuple[int, str, dict]]:
    """Yield ``(offset, line, item)`` for each readable line of the journal, header first.

    One line at a time: the journal of a large run is never held in memory.
    """
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


def _read_journal_header(path: Path) -> dict | None:
    for _, _, item in _scan_journal(path):
        return item if "augkit_journal" in item else {}
    return None


def _journal_outputs(path: Path, n: int) -> Iterator[dict]:
    """The journal's entries with ``k < n``, sorted by image index and k, the last entry
    of an output winning; only line offsets are kept while sorting."""
    offsets: dict[tuple[int, int], int] = {}
    first = True
    for offset, _, item in _scan_journal(path):
        if first:
            first = False
            if "augkit_journal" in item:
                continue
        if isinstance(item.get("k"), int) and item["k"] < n and "index" in item:
            offsets[(item["index"], item["k"])] = offset
    with open(path, "rb") as fh:
        for key in sorted(offsets):
            fh.seek(offsets[key])
            yield json.loads(fh.readline().decode("utf-8"))


def run_job(config: JobConfig, log: Callable[..., None] | None = None,
            stream: Any = None) -> Summary:
    """Run an augment job; returns its :class:`Summary` (also printed through *log*).

    Raises
    ------
    JobError, PipelineError, InputError
        Before any work starts: bad options, a pipeline file that does not load, an
        unreadable annotation file, the output inside the input.
    """
    stream = stream if stream is not None else sys.stderr
    log = log if log is not None else (lambda *a: print(*a, file=stream, flush=True))
    if config.n < 1:
        raise JobError(f"-n: expected a positive number of outputs per image, got {config.n}")
    if config.out_of_image not in OUT_OF_IMAGE:
        raise JobError(f"--out-of-image: expected one of {', '.join(OUT_OF_IMAGE)}, got "
                       f"{config.out_of_image!r}")
    if config.input is None:
        input_dir, annotations = bundled_dataset()
        fmt_name = "coco"
    else:
        input_dir = Path(config.input)
        annotations = Path(config.annotations) if config.annotations else None
        fmt_name = config.format
    out_dir = Path(config.output)
    _check_folders(input_dir, out_dir)
    pipeline = load_pipeline(config.pipeline)
    state_dir = out_dir / STATE_DIR
    journal_path = state_dir / JOURNAL
    header = _read_journal_header(journal_path) if config.resume else None
    seed = config.seed
    if seed is None:
        seed = int(header["seed"]) if header and "seed" in header else int(
            np.random.SeedSequence().entropy % (2**31))
    pipeline = pipeline.deepcopy() if pipeline is config.pipeline else pipeline
    pipeline.seed_(seed)

    # The worker processes start now, before the dataset is read: they do not inherit
    # the parsed annotations; each task brings its own image's record.
    workers = max(1, config.workers or os.cpu_count() or 1)
    pool = _start_pool(_WorkerSetup(pipeline, out_dir, config.out_of_image), workers
                       ) if workers > 1 else None
    try:
        return _run_job(config, log, stream, input_dir, fmt_name, annotations, out_dir,
                        pipeline, header, seed, workers, pool)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _run_job(config: JobConfig, log: Callable[..., None], stream: Any, input_dir: Path,
             fmt_name: str, annotations: Path | None, out_dir: Path, pipeline: Augmenter,
             header: dict | None, seed: int, workers: int,
             pool: cf.ProcessPoolExecutor | None) -> Summary:
    state_dir = out_dir / STATE_DIR
    journal_path = state_dir / JOURNAL
    state_dir.mkdir(parents=True, exist_ok=True)
    dataset = open_dataset(input_dir, format=fmt_name, annotations=annotations,
                           scratch_dir=state_dir)
    for problem in dataset.problems:
        log(f"warning: {problem}")

    expected = _journal_header(config, pipeline, seed, dataset.name)
    if header:
        different = [k for k in ("pipeline", "seed", "format", "out_of_image")
                     if header.get(k) != expected[k]]
        if different:
            raise JobError(
                f"--resume: {out_dir} was made with a different {', '.join(different)}; "
                "resume with the same options, or write to a new folder")

    out_dir.mkdir(parents=True, exist_ok=True)
    remove_temp_files(out_dir)
    state_dir.mkdir(exist_ok=True)

    # Outputs of an earlier run (--resume): (rel, k) -> (index, journal line).
    done: dict[tuple[str, int], tuple[Any, str]] = {}
    if config.resume:
        first = True
        for _, line, entry in _scan_journal(journal_path):
            if first:
                first = False
                if "augkit_journal" in entry:
                    continue
            try:
                key, out_rel = (entry["rel"], entry["k"]), entry["out"]
            except KeyError:
                continue
            if (out_dir / out_rel).is_file():
                done[key] = (entry.get("index"), line)
    tasks = []
    skipped = 0
    for record in dataset.records:
        ks = []
        for k in range(config.n):
            entry = done.get((record.rel, k))
            extra_ok = entry is not None and all(
                p.is_file() for p in dataset.annotation_paths(record, out_dir, k))
            if extra_ok and entry[0] == record.index:
                skipped += 1
            else:
                ks.append(k)
        if ks:
            tasks.append((record, ks))

    # Rewrite the journal: the header and the entries still valid, then append.
    with atomic_writer(journal_path) as fh:
        fh.write(json.dumps(expected) + "\n")
        for key, (_, line) in done.items():
            if key[1] < config.n:
                fh.write(line + "\n")
    done.clear()

    workers = max(1, min(workers, len(tasks) or 1))
    summary = Summary(format=dataset.name, images_in=len(dataset.records),
                      outputs_skipped=skipped, workers=workers, seed=seed,
                      problems=list(dataset.problems), out_of_image=config.out_of_image)
    progress = Progress(len(tasks), stream=stream, enabled=config.progress)
    start = time.perf_counter()
    with open(journal_path, "a", encoding="utf-8") as journal:
        def take(result: TaskResult) -> None:
            if result.error:
                summary.images_unreadable.append(result.error)
                progress.note(f"warning: {result.error}; skipped")
                if config.strict:
                    summary.stopped_by_error = result.error + " (--strict)"
            for entry in result.entries:
                journal.write(json.dumps(entry) + "\n")
            journal.flush()
            summary.outputs_written += len(result.entries)
            summary.images_done += 1 if result.entries else 0
            summary.stats.add(result.stats)
            progress.update()

        try:
            if workers == 1 or pool is None:
                state = _TaskState(pipeline, dataset, out_dir, config.out_of_image)
                _run_serial(state, tasks, take, summary)
            else:
                _run_pool(pool, pickle.dumps(dataset.worker_view()), tasks, take, summary,
                          workers, progress)
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            progress.close()
            remove_temp_files(out_dir)
    summary.seconds = time.perf_counter() - start
    del tasks

    outputs = _journal_outputs(journal_path, config.n)
    summary.files = [str(p) for p in dataset.finalize(out_dir, outputs)]
    log(format_summary(summary))
    return summary


def _start_pool(setup: _WorkerSetup, workers: int) -> cf.ProcessPoolExecutor:
    """Start *workers* processes now (a no-op task each waits until they run)."""
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                      else "spawn")
    counter = ctx.Value("i", 0)
    pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                  initializer=_init_worker, initargs=(setup, counter))
    try:
        for future in [pool.submit(_worker_ready) for _ in range(workers)]:
            future.result()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    return pool


def _run_serial(state: _TaskState, tasks: list, take: Callable, summary: Summary) -> None:
    for record, ks in tasks:
        take(process_image(state, record, ks))
        if summary.stopped_by_error:
            return


def _run_pool(pool: cf.ProcessPoolExecutor, view_blob: bytes, tasks: list, take: Callable,
              summary: Summary, workers: int, progress: Progress) -> None:
    """Run tasks on the started pool; at most 2 tasks per worker in flight (flat memory).

    Each task sends its record (its own image's annotations) and the pickled dataset
    view, which a worker unpickles once. Ctrl-C: workers ignore SIGINT; the main process
    stops submitting, lets the images in progress finish (their outputs are recorded)
    and returns. A second Ctrl-C kills the workers at once (their temporary files are
    then removed).
    """
    pending: set[cf.Future] = set()
    queue = iter(tasks)
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * workers and not summary.stopped_by_error:
                item = next(queue, None)
                if item is None:
                    exhausted = True
                    break
                pending.add(pool.submit(_run_in_worker, view_blob, *item))
            if not pending:
                break
            finished, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in finished:
                take(future.result())
            if summary.stopped_by_error:
                exhausted = True
    except KeyboardInterrupt:
        summary.interrupted = True
        progress.note(f"interrupted: finishing {len(pending)} image(s) in progress "
                      "(Ctrl-C again to stop at once)")
        for future in pending:
            future.cancel()
        try:
            for future in cf.as_completed([f for f in pending if not f.cancelled()]):
                with contextlib.suppress(cf.CancelledError):
                    take(future.result())
        except KeyboardInterrupt:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
