"""`augkit augment` and its outputs: no collision, no silent overwrite, one-line errors.

Output names that would collide are refused (reported and counted), a non-empty output
folder needs --resume or --overwrite, bad --input/--output and a full disk are one line
each, and a killed run leaves neither processes nor scratch files behind.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from augkit.app.datasets.images_io import write_image
from augkit.app.job import JobConfig, JobError, run_job


def _quiet(*_):
    pass


def _image(seed: int, shape=(30, 40, 3)) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, shape, dtype=np.uint8)


def _run(inp, out, **options):
    config = dict(pipeline="light", input=inp, output=out, n=1, seed=1, workers=1,
                  progress=False)
    config.update(options)
    return run_job(JobConfig(**config), log=_quiet)


def _coco(inp: Path, names: list[str]) -> None:
    images = [{"id": i + 1, "file_name": name, "width": 40, "height": 30}
              for i, name in enumerate(names)]
    anns = [{"id": i + 1, "image_id": i + 1, "category_id": 1, "bbox": [5, 5, 10, 10]}
            for i in range(len(names))]
    (inp / "annotations.json").write_text(json.dumps(
        {"images": images, "annotations": anns, "categories": [{"id": 1, "name": "x"}]}))


@pytest.mark.parametrize("second", ["a.jpg", "sub/../a.jpg"])
def test_coco_records_naming_the_same_output_are_refused_after_the_first(tmp_path, second):
    inp = tmp_path / "in"
    (inp / "sub").mkdir(parents=True)
    write_image(inp / "a.jpg", _image(0))
    _coco(inp, ["a.jpg", second])
    summary = _run(inp, tmp_path / "out")
    assert summary.outputs_written == 1
    assert len(summary.images_refused) == 1
    assert "a_aug0.jpg" in summary.images_refused[0]
    assert "already written for" in summary.images_refused[0]
    coco = json.loads((tmp_path / "out" / "annotations.json").read_text())
    assert [im["file_name"] for im in coco["images"]] == ["a_aug0.jpg"]
    assert [a["image_id"] for a in coco["annotations"]] == [coco["images"][0]["id"]]


def test_yolo_images_sharing_one_label_stem_never_overwrite_a_label_file(tmp_path):
    inp = tmp_path / "data" / "images"
    labels = tmp_path / "data" / "labels"
    inp.mkdir(parents=True)
    labels.mkdir()
    write_image(inp / "a.jpg", _image(0))
    write_image(inp / "a.png", _image(1))
    write_image(inp / "b.jpg", _image(2))
    (labels / "a.txt").write_text("0 0.5 0.5 0.2 0.2\n")
    (labels / "b.txt").write_text("1 0.5 0.5 0.2 0.2\n")
    out = tmp_path / "out" / "images"
    summary = _run(inp, out, n=2, format="yolo")
    assert summary.outputs_written == 4
    assert len(summary.images_refused) == 1
    assert "labels" in summary.images_refused[0] and "a_aug0.txt" in summary.images_refused[0]
    written = sorted(p.name for p in (tmp_path / "out" / "labels").iterdir())
    assert written == ["a_aug0.txt", "a_aug1.txt", "b_aug0.txt", "b_aug1.txt"]
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == [
        "a_aug0.jpg", "a_aug1.jpg", "b_aug0.jpg", "b_aug1.jpg"]


def test_a_non_empty_output_folder_needs_resume_or_overwrite(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    write_image(inp / "a.jpg", _image(0))
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    with pytest.raises(JobError, match=r"--output: .*out is not empty.*--resume.*--overwrite"):
        _run(inp, out, format="none")
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt"]


def test_overwrite_replaces_the_earlier_run_and_removes_its_stale_outputs(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    write_image(inp / "a.jpg", _image(0))
    out = tmp_path / "out"
    _run(inp, out, n=3, format="none")
    (out / "mine.txt").write_text("not augkit's")
    summary = _run(inp, out, n=1, format="none", overwrite=True)
    assert summary.outputs_written == 1
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == ["a_aug0.jpg", "mine.txt"]


def test_resume_and_overwrite_together_are_refused(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    with pytest.raises(JobError, match="--resume.*--overwrite"):
        _run(inp, tmp_path / "out", resume=True, overwrite=True)


def test_missing_input_is_one_error_and_creates_no_output_folder(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(JobError, match=r"--input: .*nowhere does not exist"):
        _run(tmp_path / "nowhere", out)
    assert not out.exists()


def test_input_that_is_a_file_is_one_error(tmp_path):
    (tmp_path / "f.jpg").write_bytes(b"x")
    with pytest.raises(JobError, match=r"--input: .*f\.jpg is not a folder"):
        _run(tmp_path / "f.jpg", tmp_path / "out")


def test_empty_input_folder_is_an_error_not_a_silent_success(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "notes.txt").write_text("no images here")
    with pytest.raises(JobError, match=r"--input: no images found in .*in"):
        _run(inp, tmp_path / "out", format="none")


def test_output_that_is_a_file_is_one_error(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    write_image(inp / "a.jpg", _image(0))
    (tmp_path / "out").write_text("a file")
    with pytest.raises(JobError, match=r"--output: .*out is a file, not a folder"):
        _run(inp, tmp_path / "out", format="none")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_unwritable_output_is_one_error_naming_the_cause(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    write_image(inp / "a.jpg", _image(0))
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(JobError, match=r"--output: cannot write to .*locked.*ermission"):
            _run(inp, locked / "out", format="none")
    finally:
        locked.chmod(0o700)


def test_output_under_proc_is_one_error(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    write_image(inp / "a.jpg", _image(0))
    with pytest.raises(JobError, match=r"--output: cannot write to /proc/"):
        _run(inp, Path("/proc/augkit-test-out"), format="none")


def test_cli_prints_one_line_for_a_missing_input(tmp_path, capsys):
    from augkit.app.cli import main

    code = main(["augment", "-p", "light", "-i", str(tmp_path / "nowhere"),
                 "-o", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "--input" in err and "Traceback" not in err


@pytest.mark.parametrize("workers", [1, 2])
def test_disk_full_stops_the_run_in_one_line_keeping_what_was_written(tmp_path, monkeypatch,
                                                                       workers):
    from augkit.app.job import tasks

    inp = tmp_path / "in"
    inp.mkdir()
    for i, name in enumerate(["a.jpg", "b.jpg", "c.jpg"]):
        write_image(inp / name, _image(i))
    real = tasks.write_image

    def write_image_until_full(path, image):
        if path.name.startswith("b_"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, image)

    monkeypatch.setattr(tasks, "write_image", write_image_until_full)
    summary = _run(inp, tmp_path / "out", format="none", workers=workers)
    assert summary.exit_code == 1
    assert "No space left on device" in summary.stopped_by_error
    assert "b_aug0.jpg" in summary.stopped_by_error
    assert "--resume" in summary.stopped_by_error
    assert not (tmp_path / "out" / "b_aug0.jpg").exists()


def test_max_pixels_refuses_larger_images_as_unreadable(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    write_image(inp / "big.png", _image(0, (30, 40, 3)))
    write_image(inp / "small.png", _image(1, (10, 10, 3)))
    summary = _run(inp, tmp_path / "out", format="none", max_pixels=500)
    assert summary.outputs_written == 1
    assert any("big.png" in e and "500" in e for e in summary.images_unreadable)


def test_max_pixels_must_be_positive(tmp_path):
    with pytest.raises(JobError, match="--max-pixels: expected"):
        _run(tmp_path, tmp_path / "out", max_pixels=0)


def test_no_more_worker_processes_start_than_there_are_images(tmp_path, monkeypatch):
    from augkit.app.job import runner

    started = []

    class CountingPool(runner.WorkerPool):
        def __init__(self, processes, **options):
            started.append(processes)
            super().__init__(processes, **options)

    monkeypatch.setattr(runner, "WorkerPool", CountingPool)
    inp = tmp_path / "in"
    inp.mkdir()
    for i, name in enumerate(["a.jpg", "b.jpg"]):
        write_image(inp / name, _image(i))
    summary = _run(inp, tmp_path / "out", format="none", workers=4)
    assert started == [2]
    assert summary.workers == 2


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text().split()
        found += [int(t) for t in text]
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_kill_9_of_the_main_process_leaves_no_worker_and_no_scratch_file(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    names = [f"im{i:02d}.jpg" for i in range(40)]
    for i, name in enumerate(names):
        write_image(inp / name, _image(i, (200, 200, 3)))
    _coco(inp, names)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "augkit.app.cli", "augment", "-p", "heavy", "-i", str(inp),
           "-o", str(out), "-n", "20", "-w", "2", "-q", "--seed", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline:
        workers = _children(proc.pid)
        if len(workers) >= 2 and list(out.glob("*_aug*.jpg")):
            break
        time.sleep(0.1)
    assert len(workers) >= 2, "the workers did not start"
    assert list((out / ".augkit").glob(".augkit-coco-*.jsonl"))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "orphaned workers still run"
    summary = _run(inp, out, pipeline="heavy", n=1, resume=True)
    assert summary.outputs_written + summary.outputs_skipped == 40
    assert not list((out / ".augkit").glob(".augkit-coco-*.jsonl"))


def test_entries_named_like_images_that_are_not_files_are_reported_and_counted(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    write_image(inp / "ok.jpg", _image(0))
    (inp / "dangling.jpg").symlink_to(tmp_path / "missing.jpg")
    (inp / "loop1.jpg").symlink_to(inp / "loop2.jpg")
    (inp / "loop2.jpg").symlink_to(inp / "loop1.jpg")
    (inp / "folder.jpg").mkdir()
    os.mkfifo(inp / "pipe.png")
    messages = []
    summary = run_job(JobConfig(pipeline="light", input=inp, output=tmp_path / "out", n=1,
                                seed=1, workers=1, format="none", progress=False),
                      log=messages.append)
    assert summary.outputs_written == 1
    problems = "\n".join(summary.problems)
    assert "dangling.jpg: a symbolic link to nothing (dangling); skipped" in problems
    assert "loop1.jpg: a symbolic link that loops" in problems
    assert "folder.jpg: a folder named like an image" in problems
    assert "pipe.png: not a regular file" in problems
    assert len(summary.problems) == 5
    assert sum("warning" in m for m in messages) == 5


def test_a_folder_holding_only_unusable_image_names_has_no_images(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "dangling.jpg").symlink_to(tmp_path / "missing.jpg")
    (inp / "folder.jpg").mkdir()
    with pytest.raises(JobError, match=r"--input: no images found in .*in"):
        _run(inp, tmp_path / "out", format="none")
