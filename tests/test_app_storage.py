"""``--input``/``--annotations``/``--output`` as fsspec URLs (``memory://``, ``file://``)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from augkit.app.datasets.images_io import write_image
from augkit.app.job import JobConfig, run_job
from augkit.app.storage import StorageError

fsspec = pytest.importorskip("fsspec")

W, H = 32, 24


def _coco_files() -> dict[str, bytes]:
    from augkit.app.datasets.images_io import encode_image

    rng = np.random.default_rng(1)
    files = {f"im{i}.png": encode_image(rng.integers(0, 256, (H, W, 3), np.uint8), ".png")
             for i in range(3)}
    doc = {"images": [{"id": i + 1, "file_name": f"im{i}.png", "width": W, "height": H}
                      for i in range(3)],
           "annotations": [{"id": 1, "image_id": 2, "category_id": 1, "bbox": [1, 2, 10, 8],
                            "area": 80, "iscrowd": 0}],
           "categories": [{"id": 1, "name": "x"}]}
    return {**files, "coco.json": json.dumps(doc).encode()}


def _run(input, annotations, output, log=lambda *a: None, **kw):
    return run_job(JobConfig(pipeline="medium", input=input, annotations=annotations,
                             output=output, n=2, seed=9, workers=1, progress=False, **kw),
                   log=log)


@pytest.fixture
def memory():
    fs = fsspec.filesystem("memory")
    root = f"/augkit-test-{np.random.default_rng().integers(1 << 30)}"
    yield fs, root
    if fs.exists(root):
        fs.rm(root, recursive=True)


def test_memory_urls_give_the_bytes_of_local_folders(tmp_path, memory):
    fs, root = memory
    files = _coco_files()
    (tmp_path / "in").mkdir()
    for name, data in files.items():
        (tmp_path / "in" / name).write_bytes(data)
        fs.pipe(f"{root}/in/{name}", data)
    _run(tmp_path / "in", tmp_path / "in/coco.json", tmp_path / "out")
    messages = []
    summary = _run(f"memory://{root}/in", f"memory://{root}/in/coco.json",
                   f"memory://{root}/out", log=messages.append)
    assert summary.files == [f"memory://{root}/out/coco.json"]
    assert f"wrote:       memory://{root}/out/coco.json" in messages[-1]
    local = {p.relative_to(tmp_path / "out").as_posix(): p.read_bytes()
             for p in (tmp_path / "out").rglob("*") if p.is_file() and ".augkit" not in p.parts}
    remote = {path[len(f"{root}/out/"):]: fs.cat(path) for path in fs.find(f"{root}/out")
              if "/.augkit/" not in path}
    assert remote == local and len(remote) == 7


def test_resume_reads_the_journal_back_from_the_url(tmp_path, memory):
    fs, root = memory
    for name, data in _coco_files().items():
        fs.pipe(f"{root}/in/{name}", data)
    urls = (f"memory://{root}/in", f"memory://{root}/in/coco.json", f"memory://{root}/out")
    _run(*urls)
    fs.rm(f"{root}/out/im1_aug1.png")
    again = _run(*urls, resume=True)
    assert (again.outputs_written, again.outputs_skipped) == (1, 5)
    assert fs.exists(f"{root}/out/im1_aug1.png")


def test_file_urls_are_local_paths(tmp_path):
    (tmp_path / "in").mkdir()
    for name, data in _coco_files().items():
        (tmp_path / "in" / name).write_bytes(data)
    summary = _run(f"file://{tmp_path}/in", f"file://{tmp_path}/in/coco.json",
                   f"file://{tmp_path}/out")
    assert summary.files == [str(tmp_path / "out/coco.json")]
    assert (tmp_path / "out/im0_aug1.png").is_file()


def test_missing_url_and_remote_cluster_with_an_object_store_are_refused(tmp_path, memory):
    fs, root = memory
    with pytest.raises(StorageError, match=rf"--input: memory://{root}/nothing does not exist"):
        _run(f"memory://{root}/nothing", None, tmp_path / "out")
    with pytest.raises(StorageError, match="mount the store at the same path on every machine"):
        _run(f"memory://{root}/in", None, tmp_path / "out", engine="dask",
             scheduler="tcp://127.0.0.1:1")


def test_a_url_input_without_fsspec_names_it(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "fsspec", None)
    write_image(tmp_path / "a.png", np.zeros((4, 4, 3), np.uint8))
    with pytest.raises(StorageError, match="needs fsspec: pip install fsspec"):
        _run("s3://bucket/in", None, tmp_path / "out")
