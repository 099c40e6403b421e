"""Run an ``augkit augment`` job: check the options, plan the tasks, run them, finish.

The worker processes start first, before the dataset is read, so that they do not
inherit the parsed annotations; each task then brings its own image's record. The main
process keeps the journal (:mod:`augkit.app.job.journal`), shows progress, and writes
the dataset-level files (the COCO JSON) from the journal at the end.
"""

from __future__ import annotations

import itertools
import json
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from augkit.app import storage
from augkit.app.datasets import DatasetFormat, ImageRecord, open_dataset
from augkit.app.datasets.base import remove_orphaned_scratch
from augkit.app.datasets.images_io import (
    DEFAULT_MAX_PIXELS,
    iter_images,
    remove_temp_files,
    unusable_image_entries,
)
from augkit.app.engines import RemoteEngine, check_engine, open_engine
from augkit.app.job import journal
from augkit.app.job.objects import OUT_OF_IMAGE
from augkit.app.job.progress import Progress, Summary, format_summary
from augkit.app.job.tasks import (
    TaskResult,
    TaskState,
    WorkerSetup,
    init_worker,
    process_image,
    run_in_worker,
)
from augkit.app.pipeline import load_pipeline, pipeline_digest
from augkit.augmenter import Augmenter
from augkit.errors import AugkitError
from augkit.multicore import WorkerDiedError, WorkerPool

#: The largest ``-n`` (outputs per input image).
MAX_N = 10_000


class JobError(AugkitError):
    """The job cannot run (bad options, output folder inside the input...)."""


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
    overwrite: bool = False
    strict: bool = False
    progress: bool = True
    max_pixels: int | None = DEFAULT_MAX_PIXELS
    #: ``local``, ``dask`` or ``ray`` (:mod:`augkit.app.engines`).
    engine: str = "local"
    #: ``--scheduler`` of the dask engine (``tcp://host:8786`` or ``local``).
    scheduler: str | None = None
    #: ``--address`` of the ray engine (``auto``, ``ray://host:10001`` or ``local``).
    address: str | None = None


def bundled_dataset() -> tuple[Path, Path]:
    """Return the bundled sample dataset: its image folder and COCO file."""
    folder = Path(str(resources.files("augkit.app").joinpath("sample_dataset")))
    return folder, folder / "annotations.json"


def _check_folders(input_dir: Path, out_dir: Path) -> None:
    if not input_dir.exists():
        raise JobError(f"--input: {input_dir} does not exist")
    if not input_dir.is_dir():
        raise JobError(f"--input: {input_dir} is not a folder")
    inp, out = input_dir.resolve(), out_dir.resolve()
    if inp == out:
        raise JobError(f"--output: {out_dir} is the input folder; augkit never writes into its "
                       "input, choose another folder")
    if inp in out.parents:
        raise JobError(f"--output: {out_dir} is inside the input folder {input_dir}; its "
                       "outputs would be read as inputs next time, choose a folder outside it")
    if out_dir.exists() and not out_dir.is_dir():
        raise JobError(f"--output: {out_dir} is a file, not a folder")


def _check_output_empty(out_dir: Path, config: JobConfig) -> None:
    """Refuse to write into a folder that holds anything, unless told how to treat it."""
    if config.resume or config.overwrite or not out_dir.is_dir():
        return
    if next(os.scandir(out_dir), None) is not None:
        raise JobError(f"--output: {out_dir} is not empty; give --resume to finish an earlier "
                       "run there, --overwrite to replace it, or choose an empty folder")


def _prepare_output(out_dir: Path) -> None:
    """Create *out_dir* and make sure a file can be written in it (one-line error if not)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as exc:
        raise JobError(f"--output: cannot write to {out_dir}: "
                       f"{exc.strerror or exc}") from None


def _count_images(folder: Path, enough: int) -> int:
    """Count the image files below *folder*, stopping at *enough*."""
    return sum(1 for _ in itertools.islice(iter_images(folder), enough))


def run_job(config: JobConfig, log: Callable[..., None] | None = None,
            stream: Any = None) -> Summary:
    """Run an augment job; returns its :class:`Summary` (also printed through *log*).

    Parameters
    ----------
    config : JobConfig
        The options.
    log : callable, optional
        Called with each message (warnings, the summary); default: print to *stream*.
    stream : file-like, optional
        Where the progress bar goes (default: ``sys.stderr``).

    Returns
    -------
    Summary
        What the run did; ``summary.exit_code`` is the command's exit code.

    Raises
    ------
    JobError, PipelineError, InputError
        Before any work starts: bad options, a pipeline file that does not load, an
        unreadable annotation file, the output inside the input.
    """
    stream = stream if stream is not None else sys.stderr
    log = log if log is not None else (lambda *a: print(*a, file=stream, flush=True))
    if storage.uses_urls(config):  # fsspec URLs: the run works on local copies
        with storage.staged(config) as (local, finish, show):
            summary = run_job(local, lambda *a: log(*(show(str(m)) for m in a)), stream)
            finish()
            summary.files = [show(path) for path in summary.files]
            return summary
    if not 1 <= config.n <= MAX_N:
        raise JobError(f"-n: expected a number of outputs per image from 1 to {MAX_N}, got "
                       f"{config.n}")
    cpus = os.cpu_count() or 1
    if config.workers is not None and not 1 <= config.workers <= 4 * cpus:
        raise JobError(f"--workers: expected a number of worker processes from 1 to {4 * cpus} "
                       f"(4 per core), got {config.workers}")
    if config.max_pixels is not None and not (isinstance(config.max_pixels, int)
                                              and config.max_pixels >= 1):
        raise JobError(f"--max-pixels: expected a positive number of pixels, got "
                       f"{config.max_pixels!r}")
    if config.resume and config.overwrite:
        raise JobError("--resume and --overwrite exclude each other: --resume finishes the "
                       "earlier run, --overwrite replaces it")
    check_engine(config.engine, config.scheduler, config.address)
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
    _check_output_empty(out_dir, config)
    images = _count_images(input_dir, enough=max(config.workers or cpus, 1))
    if images == 0:
        raise JobError(f"--input: no images found in {input_dir}")
    pipeline = load_pipeline(config.pipeline)
    _prepare_output(out_dir)
    header = journal.read_header(journal.journal_path(out_dir)) if config.resume else None
    seed = config.seed
    if seed is None:
        seed = int(header["seed"]) if header and "seed" in header else int(
            np.random.SeedSequence().entropy % (2**31))
    pipeline = pipeline.deepcopy() if pipeline is config.pipeline else pipeline
    pipeline.seed_(seed)

    job = (config, log, stream, input_dir, fmt_name, annotations, out_dir, pipeline, header,
           seed)
    workers = min(config.workers or cpus, images)
    if workers == 1 and config.engine == "local":
        return _run_job(*job, workers, None)
    # The workers start now, before the dataset is read: they do not inherit the
    # parsed annotations; each task brings its own image's record.
    setup = WorkerSetup(pipeline, out_dir, config.out_of_image, config.max_pixels)
    engine = (WorkerPool(workers, initializer=init_worker, initargs=(setup,))
              if config.engine == "local" else
              open_engine(config.engine, workers, setup, scheduler=config.scheduler,
                          address=config.address))
    with engine as pool:
        pool.start()
        return _run_job(*job, pool.processes, pool)


def _run_job(config: JobConfig, log: Callable[..., None], stream: Any, input_dir: Path,
             fmt_name: str, annotations: Path | None, out_dir: Path, pipeline: Augmenter,
             header: dict | None, seed: int, workers: int,
             pool: WorkerPool | RemoteEngine | None) -> Summary:
    state_dir = out_dir / journal.STATE_DIR
    journal_path = journal.journal_path(out_dir)
    state_dir.mkdir(parents=True, exist_ok=True)
    remove_orphaned_scratch(state_dir)
    dataset = open_dataset(input_dir, format=fmt_name, annotations=annotations,
                           scratch_dir=state_dir)
    dataset.problems.extend(unusable_image_entries(input_dir))
    for problem in dataset.problems:
        log(f"warning: {problem}")

    expected = journal.make_header(pipeline_digest(pipeline), seed, dataset.name,
                                   config.out_of_image)
    if header:
        different = journal.differences(header, expected)
        if different:
            raise JobError(
                f"--resume: {out_dir} was made with a different {', '.join(different)}; "
                "resume with the same options, or write to a new folder")

    remove_temp_files(out_dir)
    if config.overwrite:
        _remove_earlier_outputs(dataset, journal_path, out_dir)

    # Outputs of an earlier run (--resume): (rel, k) -> (index, journal line).
    done = journal.finished_outputs(journal_path, out_dir) if config.resume else {}
    tasks, skipped, collisions = _plan(dataset, done, config.n, out_dir)
    journal.rewrite(journal_path, expected,
                    (line for (_, k), (_, line) in done.items() if k < config.n))
    done.clear()

    workers = max(1, min(workers, len(tasks) or 1))
    summary = Summary(format=dataset.name, images_in=len(dataset.records),
                      outputs_skipped=skipped, workers=workers, seed=seed,
                      problems=list(dataset.problems), out_of_image=config.out_of_image)
    summary.images_refused.extend(collisions)
    progress = Progress(len(tasks), stream=stream, enabled=config.progress)
    start = time.perf_counter()
    with open(journal_path, "a", encoding="utf-8") as journal_file:
        def take(result: TaskResult) -> None:
            if result.error and result.reason == "unwritable":
                summary.stopped_by_error = (f"{result.error}; fix the output folder (or free "
                                            "space) and run the same command with --resume")
            elif result.error:
                {"refused": summary.images_refused, "failed": summary.images_failed}.get(
                    result.reason, summary.images_unreadable).append(result.error)
                progress.note(f"warning: {result.error}; skipped")
                if config.strict:
                    summary.stopped_by_error = result.error + " (--strict)"
            journal.append(journal_file, result.entries)
            summary.outputs_written += len(result.entries)
            summary.images_done += 1 if result.entries else 0
            summary.stats.add(result.stats)
            progress.update()

        try:
            if workers == 1 or pool is None:
                state = TaskState(pipeline, dataset, out_dir, config.out_of_image,
                                  config.max_pixels)
                _run_serial(state, tasks, take, summary)
            else:
                _run_pool(pool, pickle.dumps(dataset.worker_view()), tasks, take, summary,
                          progress)
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            progress.close()
            remove_temp_files(out_dir)
    summary.seconds = time.perf_counter() - start
    del tasks

    outputs = journal.sorted_entries(journal_path, config.n)
    summary.files = [str(p) for p in dataset.finalize(out_dir, outputs)]
    log(format_summary(summary))
    return summary


def _plan(dataset: DatasetFormat, done: dict, n: int, out_dir: Path
          ) -> tuple[list[tuple[ImageRecord, list[int]]], int, list[str]]:
    """Return the tasks (record, outputs k still to write), the outputs done, collisions.

    Two records whose outputs would have the same name (a COCO file listing one image
    twice, ``a.jpg`` and ``a.png`` sharing YOLO's ``labels/a.txt``...) would overwrite
    each other: the first keeps its names, the later ones are refused.
    """
    tasks = []
    skipped = 0
    claimed: dict[str, str] = {}
    collisions = []
    for record in dataset.records:
        collision = _claim_outputs(dataset, record, out_dir, claimed)
        if collision:
            collisions.append(collision)
            continue
        ks = []
        for k in range(n):
            entry = done.get((record.rel, k))
            extra_ok = entry is not None and all(
                p.is_file() for p in dataset.annotation_paths(record, out_dir, k))
            if extra_ok and entry[0] == record.index:
                skipped += 1
            else:
                ks.append(k)
        if ks:
            tasks.append((record, ks))
    return tasks, skipped, collisions


def _claim_outputs(dataset: DatasetFormat, record: ImageRecord, out_dir: Path,
                   claimed: dict[str, str]) -> str | None:
    """Claim the output names of *record* (its first output stands for all of them)."""
    paths = [out_dir / record.output_rel(0), *dataset.annotation_paths(record, out_dir, 0)]
    keys = [os.path.normcase(os.path.abspath(p)) for p in paths]
    for path, key in zip(paths, keys):
        owner = claimed.get(key)
        if owner is not None:
            return (f"{record.path}: refused: its output {path} is already written for "
                    f"{owner!r} (two inputs with one output name)")
    for key in keys:
        claimed[key] = record.rel
    return None


def _remove_earlier_outputs(dataset: DatasetFormat, journal_path: Path, out_dir: Path) -> None:
    """--overwrite: delete the files an earlier run recorded in its journal, nothing else."""
    root = out_dir.resolve()
    for (rel, k), (index, line) in journal.finished_outputs(journal_path, out_dir).items():
        entry = json.loads(line)
        record = ImageRecord(index, dataset.input_dir / rel, rel, {})
        for path in [out_dir / entry["out"], *dataset.annotation_paths(record, out_dir, k)]:
            if path.resolve().is_relative_to(root):
                path.unlink(missing_ok=True)


def _run_serial(state: TaskState, tasks: list, take: Callable, summary: Summary) -> None:
    for record, ks in tasks:
        take(process_image(state, record, ks))
        if summary.stopped_by_error:
            return


def _run_pool(pool: WorkerPool | RemoteEngine, view_blob: bytes, tasks: list, take: Callable,
              summary: Summary, progress: Progress) -> None:
    """Run tasks on the started pool; at most 2 tasks per worker in flight (flat memory).

    Each task sends its record (its own image's annotations) and the pickled dataset
    view, which a worker unpickles once. Ctrl-C: workers ignore SIGINT; the main process
    stops submitting, lets the images in progress finish (their outputs are recorded)
    and returns. A second Ctrl-C kills the workers at once (their temporary files are
    then removed). A worker that dies stops the run; what was written is recorded.
    """
    results = pool.map_tasks(run_in_worker, ((view_blob, *task) for task in tasks),
                             ordered=False)
    try:
        for result in results:
            take(result)
            if summary.stopped_by_error:
                results.stop()
    except KeyboardInterrupt:
        summary.interrupted = True
        results.cancel()
        progress.note(f"interrupted: finishing {results.in_flight} image(s) in progress "
                      "(Ctrl-C again to stop at once)")
        try:
            for result in results:
                take(result)
        except KeyboardInterrupt:
            pool.terminate()
    except WorkerDiedError as exc:
        pool.terminate()
        summary.stopped_by_error = f"{exc}; run the same command with --resume to finish"


__all__ = ["JobConfig", "JobError", "bundled_dataset", "run_job"]
