"""`augkit augment` under hostile dataset paths: nothing is read or written outside its folders."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

from augkit.app.datasets.images_io import write_image
from augkit.app.job import JobConfig, JobError, run_job


def _quiet(*_):
    pass


def _image(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (30, 40, 3), dtype=np.uint8)


@pytest.mark.parametrize("workers", [1, 2])
def test_coco_file_name_outside_input_is_refused_and_nothing_written_outside(tmp_path, workers):
    victim = tmp_path / "victim"
    victim.mkdir()
    write_image(victim / "p.jpg", _image(0))
    inp = tmp_path / "in"
    inp.mkdir()
    write_image(inp / "ok.jpg", _image(1))
    (inp / "annotations.json").write_text(json.dumps({
        "images": [{"id": 1, "file_name": "../victim/p.jpg", "width": 40, "height": 30},
                   {"id": 2, "file_name": "ok.jpg", "width": 40, "height": 30}],
        "annotations": []}))
    out = tmp_path / "out"
    summary = run_job(JobConfig(pipeline="light", input=inp, output=out, n=1, seed=1,
                                workers=workers, progress=False), log=_quiet)
    assert sorted(p.name for p in victim.iterdir()) == ["p.jpg"]
    assert summary.outputs_written == 1
    assert any("outside" in e and "p.jpg" in e for e in summary.images_refused)
    coco = json.loads((out / "annotations.json").read_text())
    assert [im["file_name"] for im in coco["images"]] == ["ok_aug0.jpg"]


def test_symlink_pointing_outside_input_is_refused(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    write_image(victim / "p.jpg", _image(0))
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "link.jpg").symlink_to(victim / "p.jpg")
    write_image(inp / "ok.jpg", _image(1))
    out = tmp_path / "out"
    summary = run_job(JobConfig(pipeline="light", input=inp, output=out, n=1, seed=1,
                                workers=1, format="none", progress=False), log=_quiet)
    assert summary.outputs_written == 1
    assert not (out / "link_aug0.jpg").exists()
    assert any("outside" in e for e in summary.images_refused)


def _folder(tmp_path, names=("a.jpg", "b.jpg", "c.jpg")):
    inp = tmp_path / "in"
    inp.mkdir()
    for i, name in enumerate(names):
        write_image(inp / name, _image(i))
    return inp



@pytest.mark.parametrize("where", ["read", "augment"])
def test_any_exception_of_one_record_is_reported_counted_and_skipped(tmp_path, monkeypatch,
                                                                     where):
    from augkit.app.job import tasks

    inp = _folder(tmp_path)
    if where == "read":
        real = tasks.read_image

        def read_image(path, **options):
            if path.name == "b.jpg":
                raise KeyError("boom")
            return real(path, **options)

        monkeypatch.setattr(tasks, "read_image", read_image)
    else:
        real = tasks.augment_objects

        def augment_objects(pipeline, image, objects, *, key, **options):
            if key[0] == "b.jpg":
                raise ZeroDivisionError("boom")
            return real(pipeline, image, objects, key=key, **options)

        monkeypatch.setattr(tasks, "augment_objects", augment_objects)
    lines = []
    summary = run_job(JobConfig(pipeline="light", input=inp, output=tmp_path / "out", n=1,
                                seed=1, workers=1, format="none", progress=False),
                      log=lines.append)
    assert summary.exit_code == 0
    assert summary.outputs_written == 2
    assert len(summary.images_failed) == 1
    assert "b.jpg" in summary.images_failed[0] and "boom" in summary.images_failed[0]
    assert "1 failed" in lines[-1]


def test_strict_stops_at_a_failing_record_with_status_1(tmp_path, monkeypatch):
    from augkit.app.job import tasks

    inp = _folder(tmp_path)
    monkeypatch.setattr(tasks, "read_image", lambda path, **options: 1 / 0)
    summary = run_job(JobConfig(pipeline="light", input=inp, output=tmp_path / "out", n=1,
                                seed=1, workers=1, format="none", strict=True,
                                progress=False), log=_quiet)
    assert summary.exit_code == 1
    assert "ZeroDivisionError" in summary.stopped_by_error


def test_refused_records_are_counted_apart(tmp_path):
    inp = _folder(tmp_path, ["ok.jpg"])
    (tmp_path / "v.jpg").write_bytes((inp / "ok.jpg").read_bytes())
    (inp / "link.jpg").symlink_to(tmp_path / "v.jpg")
    lines = []
    summary = run_job(JobConfig(pipeline="light", input=inp, output=tmp_path / "out", n=1,
                                seed=1, workers=1, format="none", progress=False),
                      log=lines.append)
    assert len(summary.images_refused) == 1 and not summary.images_unreadable
    assert "1 refused" in lines[-1]


@pytest.mark.parametrize(("option", "value", "words"), [
    ("n", 0, "-n"), ("n", 10001, "-n"), ("n", -3, "-n"),
    ("workers", -5, "--workers"), ("workers", 0, "--workers"),
    ("workers", 4 * (os.cpu_count() or 1) + 1, "--workers"),
])
def test_n_and_workers_out_of_bounds_are_refused_naming_the_option(tmp_path, option, value,
                                                                   words):
    inp = _folder(tmp_path, ["a.jpg"])
    config = JobConfig(pipeline="light", input=inp, output=tmp_path / "out", n=1, seed=1,
                       workers=1, format="none", progress=False)
    setattr(config, option, value)
    with pytest.raises(JobError, match=words) as info:
        run_job(config, log=_quiet)
    assert str(value) in str(info.value)
    assert not (tmp_path / "out").exists()


def test_cli_workers_negative_is_a_usage_error(tmp_path, capsys):
    from augkit.app.cli import main

    inp = _folder(tmp_path, ["a.jpg"])
    code = main(["augment", "-p", "light", "-i", str(inp), "-o", str(tmp_path / "out"),
                 "-w", "-5", "-q"])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--workers" in err[0] and "-5" in err[0]
