"""`augkit augment` under hostile dataset paths: nothing is read or written outside its folders."""

from __future__ import annotations

import json

import numpy as np
import pytest

from augkit.app.datasets.images_io import write_image
from augkit.app.job import JobConfig, run_job


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
    assert any("outside" in e and "p.jpg" in e for e in summary.images_unreadable)
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
    assert any("outside" in e for e in summary.images_unreadable)
