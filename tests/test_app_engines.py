"""``augkit augment --engine local|dask|ray``: the same bytes everywhere, resume across them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from augkit.app.cli import main
from augkit.app.datasets.images_io import write_image
from augkit.app.engines import EngineError, check_engine
from augkit.app.job import JobConfig, run_job

W, H = 48, 40
PIPE = {"augkit_format": 1, "augmenter": "Sequential", "args": {"children": [
    {"augmenter": "Affine", "args": {"rotate": {"tuple": [-25, 25]},
                                     "scale": {"tuple": [0.8, 1.2]}}},
    {"augmenter": "Fliplr", "args": {"p": 0.5}}]}}


def _coco(root: Path, count: int = 6, size: tuple[int, int] = (W, H)) -> Path:
    (root / "images").mkdir(parents=True)
    rng = np.random.default_rng(0)
    images, anns = [], []
    width, height = size
    for i in range(count):
        write_image(root / f"images/im{i}.png",
                    rng.integers(0, 256, (height, width, 3), np.uint8))
        images.append({"id": i + 1, "file_name": f"im{i}.png", "width": width,
                       "height": height})
        anns.append({"id": i + 1, "image_id": i + 1, "category_id": 1, "iscrowd": 0,
                     "bbox": [5, 6, 20, 12], "area": 240,
                     "segmentation": [[5, 6, 25, 6, 25, 18, 5, 18]]})
    path = root / "coco.json"
    path.write_text(json.dumps({"images": images, "annotations": anns,
                                "categories": [{"id": 1, "name": "x"}]}))
    return path


def _pipeline(tmp_path: Path) -> Path:
    import yaml

    path = tmp_path / "pipe.yaml"
    path.write_text(yaml.safe_dump(PIPE))
    return path


def _run(tmp_path: Path, out: Path, **kw):
    ann = tmp_path / "in/coco.json"
    if not ann.exists():
        _coco(tmp_path / "in")
    kw.setdefault("workers", 2)
    return run_job(JobConfig(pipeline=_pipeline(tmp_path), input=tmp_path / "in/images",
                             annotations=ann, output=out, n=2, seed=5, progress=False, **kw),
                   log=lambda *a: None)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".augkit" not in p.parts}


def test_unknown_engine_and_options_of_another_engine_are_refused():
    with pytest.raises(EngineError, match="--engine: expected one of local, dask, ray, got "
                                          "'spark'"):
        check_engine("spark")
    with pytest.raises(EngineError, match="--scheduler is an option of --engine dask, not ray"):
        check_engine("ray", scheduler="tcp://x:1")
    with pytest.raises(EngineError, match="--address is an option of --engine ray, not local"):
        check_engine("local", address="auto")


@pytest.mark.parametrize(("engine", "module"), [("dask", "distributed"), ("ray", "ray")])
def test_without_the_package_the_flag_says_what_to_install(tmp_path, monkeypatch, capsys,
                                                          engine, module):
    monkeypatch.setitem(sys.modules, module, None)
    _coco(tmp_path / "in", count=1)
    status = main(["augment", "-p", "light", "-i", str(tmp_path / "in/images"),
                   "-a", str(tmp_path / "in/coco.json"), "-o", str(tmp_path / "out"),
                   "--engine", engine, "-q"])
    assert status == 2
    err = capsys.readouterr().err
    assert (f"augkit augment: error: --engine {engine}: needs the {module} package; install "
            f"it with pip install augkit[{engine}]") in err
    assert not (tmp_path / "out").exists()


def _same_bytes_and_resume(tmp_path: Path, engine: str, **options) -> None:
    local = _run(tmp_path, tmp_path / "local")
    remote = _run(tmp_path, tmp_path / engine, engine=engine, **options)
    assert remote.workers == 2 and remote.outputs_written == local.outputs_written == 12
    assert remote.stats == local.stats
    expected = _files(tmp_path / "local")
    assert _files(tmp_path / engine) == expected
    # --resume across engines: a local run finishes what the engine's run left
    for name in ("im1_aug0.png", "im4_aug1.png"):
        (tmp_path / engine / name).unlink()
    resumed = _run(tmp_path, tmp_path / engine, resume=True)
    assert (resumed.outputs_written, resumed.outputs_skipped) == (2, 10)
    assert _files(tmp_path / engine) == expected


def test_dask_local_cluster_writes_the_bytes_of_the_local_engine(tmp_path):
    pytest.importorskip("distributed")
    _same_bytes_and_resume(tmp_path, "dask", scheduler="local")


def test_ray_local_instance_writes_the_bytes_of_the_local_engine(tmp_path):
    pytest.importorskip("ray")
    _same_bytes_and_resume(tmp_path, "ray")


def test_dask_engine_on_a_running_scheduler_takes_its_workers(tmp_path):
    distributed = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster:
        remote = _run(tmp_path, tmp_path / "tcp", engine="dask", workers=1,
                      scheduler=cluster.scheduler_address)
    assert remote.workers == 2
    _run(tmp_path, tmp_path / "local")
    assert _files(tmp_path / "tcp") == _files(tmp_path / "local")


def test_resume_of_a_local_run_on_dask_finishes_it(tmp_path):
    pytest.importorskip("distributed")
    _run(tmp_path, tmp_path / "local")
    expected = _files(tmp_path / "local")
    (tmp_path / "local/im2_aug1.png").unlink()
    resumed = _run(tmp_path, tmp_path / "local", engine="dask", resume=True)
    assert (resumed.outputs_written, resumed.outputs_skipped) == (1, 11)
    assert _files(tmp_path / "local") == expected


def test_augment_dataset_is_the_job_from_python(tmp_path):
    import augkit
    from augkit.errors import ParameterError

    _coco(tmp_path / "in")
    summary = augkit.augment_dataset(_pipeline(tmp_path), tmp_path / "api", tmp_path / "in/images",
                                     annotations=tmp_path / "in/coco.json", n=2, seed=5,
                                     workers=2, log=lambda *a: None)
    assert (summary.outputs_written, summary.exit_code) == (12, 0)
    _run(tmp_path, tmp_path / "cli")
    assert _files(tmp_path / "api") == _files(tmp_path / "cli")
    with pytest.raises(ParameterError, match="augment_dataset: unknown option 'worker'; "
                                             "expected one of address, annotations"):
        augkit.augment_dataset("light", tmp_path / "x", worker=2)


@pytest.mark.integration
def test_a_dask_worker_killed_mid_run_is_replaced_and_leaves_no_partial_file(tmp_path):
    pytest.importorskip("distributed")
    psutil = pytest.importorskip("psutil")
    import signal
    import threading

    from augkit.app.datasets.images_io import TEMP_MARK

    _coco(tmp_path / "in", count=24, size=(640, 480))  # tasks slow enough to kill a worker
    _run(tmp_path, tmp_path / "local")
    result = {}
    thread = threading.Thread(target=lambda: result.update(
        summary=_run(tmp_path, tmp_path / "dask", engine="dask")))
    thread.start()
    journal = tmp_path / "dask/.augkit/journal.jsonl"
    killed = None
    while thread.is_alive() and killed is None:
        if journal.is_file() and journal.read_text().count("\n") >= 3:
            workers = [p for p in psutil.Process().children(recursive=True)
                       if "spawn_main" in " ".join(p.cmdline())]
            if workers:
                killed = workers[0]
                killed.send_signal(signal.SIGKILL)
    thread.join()
    assert killed is not None, "the run ended before a worker could be killed"
    summary = result["summary"]
    assert (summary.exit_code, summary.outputs_written) == (0, 48)
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")
    assert not [p for p in (tmp_path / "dask").rglob("*") if TEMP_MARK in p.name]
