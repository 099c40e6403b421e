"""`augkit augment` end to end: round trips per format, interrupt and resume, bad input."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

import augkit
from augkit.app.cli import main
from augkit.app.datasets.coco import rle_decode, rle_encode, rle_to_string
from augkit.app.datasets.images_io import TEMP_MARK, read_image, write_image
from augkit.app.job import JobConfig, JobError, Summary, run_job
from augkit.app.pipeline import PipelineError

W, H = 40, 30


def _quiet(*_):
    pass


def _image(seed: int, size=(H, W)) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (*size, 3), dtype=np.uint8)


def _pipeline(tmp_path: Path, name: str, doc: dict) -> Path:
    path = tmp_path / f"{name}.yaml"
    import yaml

    path.write_text(yaml.safe_dump({"augkit_format": 1, **doc}))
    return path


IDENTITY = {"augmenter": "Identity"}
FLIP = {"augmenter": "Fliplr", "args": {"p": 1.0}}


def _run(tmp_path, pipeline, inp, out, **kw) -> Summary:
    kw.setdefault("n", 2)
    kw.setdefault("workers", 1)
    kw.setdefault("seed", 3)
    return run_job(JobConfig(pipeline=pipeline, input=inp, output=out, progress=False, **kw),
                   log=_quiet)


# ----------------------------------------------------------------------------- COCO


def _make_coco(root: Path) -> Path:
    images = root / "images"
    images.mkdir(parents=True)
    mask = np.zeros((H, W), bool)
    mask[5:12, 20:31] = True
    rle = rle_encode(mask)
    rle["counts"] = rle_to_string(rle["counts"])
    anns = [
        # polygon object: bbox and area consistent with the polygon
        {"image_id": 1, "category_id": 1, "iscrowd": 0,
         "segmentation": [[2.5, 3.0, 14.25, 3.0, 14.25, 20.5, 2.5, 20.5]],
         "bbox": [2.5, 3.0, 11.75, 17.5], "area": 205.62},
        # person with keypoints (one not labelled) and a box
        {"image_id": 1, "category_id": 2, "iscrowd": 0, "bbox": [15.0, 10.0, 10.0, 15.0],
         "area": 150.0, "keypoints": [17.5, 12.0, 2, 22.0, 12.5, 1, 0, 0, 0],
         "num_keypoints": 2, "attributes": {"occluded": False}},
        # RLE mask object
        {"image_id": 2, "category_id": 1, "iscrowd": 1, "segmentation": rle,
         "bbox": [20.0, 5.0, 11.0, 7.0], "area": 77.0},
        # box only
        {"image_id": 2, "category_id": 3, "iscrowd": 0, "bbox": [1.0, 1.0, 5.0, 4.0],
         "area": 20.0},
    ]
    for i, ann in enumerate(anns, start=1):
        ann["id"] = 100 + i
    write_image(images / "a.png", _image(1))
    write_image(images / "b.png", _image(2))
    doc = {"info": {"description": "t"}, "licenses": [],
           "categories": [{"id": 1, "name": "thing"},
                          {"id": 2, "name": "person", "keypoints": ["l", "r", "n"]},
                          {"id": 3, "name": "box"}],
           "images": [{"id": 1, "file_name": "a.png", "width": W, "height": H, "license": 0},
                      {"id": 2, "file_name": "b.png", "width": W, "height": H}],
           "annotations": anns}
    path = root / "coco.json"
    path.write_text(json.dumps(doc))
    return path


def _coco_by_source(path: Path) -> dict:
    doc = json.loads(path.read_text())
    names = {im["id"]: im["file_name"] for im in doc["images"]}
    out = {}
    for ann in doc["annotations"]:
        out.setdefault(names[ann["image_id"]], []).append(
            {k: v for k, v in ann.items() if k not in ("id", "image_id")})
    return doc, out


def test_coco_identity_round_trip_gives_the_same_annotations(tmp_path):
    ann_path = _make_coco(tmp_path / "in")
    out = tmp_path / "out"
    summary = _run(tmp_path, _pipeline(tmp_path, "id", IDENTITY), tmp_path / "in/images", out,
                   annotations=ann_path)
    assert summary.outputs_written == 4 and summary.stats.dropped == 0
    source, src = _coco_by_source(ann_path)
    doc, got = _coco_by_source(out / "coco.json")
    assert [im["file_name"] for im in doc["images"]] == [
        "a_aug0.png", "a_aug1.png", "b_aug0.png", "b_aug1.png"]
    assert [im["id"] for im in doc["images"]] == [1, 2, 3, 4]
    assert len({a["id"] for a in doc["annotations"]}) == len(doc["annotations"]) == 8
    assert doc["images"][0]["license"] == 0 and doc["categories"] == source["categories"]
    for k in (0, 1):
        assert got[f"a_aug{k}.png"] == src["a.png"]
        assert got[f"b_aug{k}.png"] == src["b.png"]
        assert np.array_equal(read_image(out / f"a_aug{k}.png"),
                              read_image(tmp_path / "in/images/a.png"))


def test_coco_fliplr_mirrors_every_geometry_exactly(tmp_path):
    ann_path = _make_coco(tmp_path / "in")
    out = tmp_path / "out"
    _run(tmp_path, _pipeline(tmp_path, "flip", FLIP), tmp_path / "in/images", out,
         annotations=ann_path, n=1)
    _, src = _coco_by_source(ann_path)
    _, got = _coco_by_source(out / "coco.json")
    poly, person = got["a_aug0.png"]
    assert poly["segmentation"] == [[W - 2.5, 3.0, W - 14.25, 3.0, W - 14.25, 20.5, W - 2.5,
                                     20.5]]
    assert poly["bbox"] == [W - 14.25, 3.0, 11.75, 17.5] and poly["area"] == 205.62
    assert person["bbox"] == [W - 25.0, 10.0, 10.0, 15.0]
    assert person["keypoints"] == [W - 17.5, 12.0, 2, W - 22.0, 12.5, 1, 0, 0, 0]
    assert person["num_keypoints"] == 2 and person["attributes"] == {"occluded": False}
    crowd, box = got["b_aug0.png"]
    mask = rle_decode(src["b.png"][0]["segmentation"])
    assert isinstance(crowd["segmentation"]["counts"], str)
    assert np.array_equal(rle_decode(crowd["segmentation"]), mask[:, ::-1])
    assert crowd["bbox"] == [W - 31.0, 5.0, 11.0, 7.0] and crowd["area"] == 77.0
    assert box["bbox"] == [W - 6.0, 1.0, 5.0, 4.0]
    assert np.array_equal(read_image(out / "a_aug0.png"),
                          read_image(tmp_path / "in/images/a.png")[:, ::-1])


@pytest.mark.parametrize(("mode", "kept", "bbox"), [
    ("clip", 1, [0.0, 0.0, 2.0, 3.0]),
    ("drop", 0, None),
    ("keep", 1, [-4.0, -1.0, 6.0, 4.0]),
])
def test_out_of_image_modes_clip_drop_keep_and_count(tmp_path, mode, kept, bbox):
    inp = tmp_path / "in"
    inp.mkdir()
    write_image(inp / "a.png", _image(1))
    doc = {"images": [{"id": 1, "file_name": "a.png", "width": W, "height": H}],
           "categories": [{"id": 1, "name": "x"}],
           "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 6, 4],
                            "area": 24}]}
    (inp / "c.json").write_text(json.dumps(doc))
    shift = _pipeline(tmp_path, "shift", {"augmenter": "Affine",
                                          "args": {"translate_px": {"x": -5, "y": -2}}})
    summary = _run(tmp_path, shift, inp, tmp_path / "out", n=1, out_of_image=mode)
    anns = json.loads((tmp_path / "out/c.json").read_text())["annotations"]
    assert len(anns) == kept and summary.stats.dropped == 1 - kept
    if bbox:
        assert anns[0]["bbox"] == bbox


# ------------------------------------------------------------------------- YOLO, VOC


def _make_yolo(root: Path) -> None:
    (root / "images").mkdir(parents=True)
    (root / "labels").mkdir()
    write_image(root / "images/a.png", _image(1))
    write_image(root / "images/b.png", _image(2))
    (root / "labels/a.txt").write_text(
        "0 0.250000 0.500000 0.200000 0.400000\n"
        "3 0.100000 0.100000 0.500000 0.100000 0.300000 0.600000\n")
    (root / "labels/b.txt").write_text("1 0.800000 0.200000 0.100000 0.300000\n")


def test_yolo_identity_and_fliplr_round_trip(tmp_path):
    _make_yolo(tmp_path / "in")
    out = tmp_path / "out"
    _run(tmp_path, _pipeline(tmp_path, "id", IDENTITY), tmp_path / "in/images",
         out / "id/images", format="yolo")
    for k in (0, 1):
        for stem in ("a", "b"):
            assert ((out / f"id/labels/{stem}_aug{k}.txt").read_text()
                    == (tmp_path / f"in/labels/{stem}.txt").read_text())
    _run(tmp_path, _pipeline(tmp_path, "flip", FLIP), tmp_path / "in/images",
         out / "flip/images", n=1)  # format detected
    assert (out / "flip/labels/a_aug0.txt").read_text() == (
        "0 0.750000 0.500000 0.200000 0.400000\n"
        "3 0.900000 0.100000 0.500000 0.100000 0.700000 0.600000\n")
    assert (out / "flip/labels/b_aug0.txt").read_text() == "1 0.200000 0.200000 0.100000 0.300000\n"


def _voc_xml(name: str, boxes: list[tuple[str, int, int, int, int]]) -> str:
    objects = "".join(
        f"<object><name>{c}</name><pose>Unspecified</pose><truncated>0</truncated>"
        f"<difficult>0</difficult><bndbox><xmin>{a}</xmin><ymin>{b}</ymin><xmax>{x}</xmax>"
        f"<ymax>{y}</ymax></bndbox></object>" for c, a, b, x, y in boxes)
    return (f"<annotation><folder>VOC</folder><filename>{name}</filename><size>"
            f"<width>{W}</width><height>{H}</height><depth>3</depth></size>{objects}"
            "</annotation>")


def _voc_boxes(path: Path) -> list:
    root = ET.parse(path).getroot()
    return [(o.findtext("name"), *(int(o.find("bndbox").findtext(t))
                                   for t in ("xmin", "ymin", "xmax", "ymax")))
            for o in root.findall("object")]


def test_voc_identity_and_fliplr_round_trip(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    write_image(inp / "a.png", _image(1))
    boxes = [("dog", 1, 1, 10, 20), ("cat", 15, 5, 40, 30)]
    (inp / "a.xml").write_text(_voc_xml("a.png", boxes))
    _run(tmp_path, _pipeline(tmp_path, "id", IDENTITY), inp, tmp_path / "id", n=1)
    assert _voc_boxes(tmp_path / "id/a_aug0.xml") == boxes
    root = ET.parse(tmp_path / "id/a_aug0.xml").getroot()
    assert root.findtext("filename") == "a_aug0.png" and root.findtext("folder") == "VOC"
    _run(tmp_path, _pipeline(tmp_path, "flip", FLIP), inp, tmp_path / "flip", n=1,
         format="pascal_voc")
    assert _voc_boxes(tmp_path / "flip/a_aug0.xml") == [
        (c, W - x2 + 1, y1, W - x1 + 1, y2) for c, x1, y1, x2, y2 in boxes]


# -------------------------------------------------------------------- interrupt, resume


def _outputs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file())


def test_interrupted_run_resumes_to_exactly_n_outputs_and_the_same_files(tmp_path):
    ann_path = _make_coco(tmp_path / "in")
    for i in range(3):
        write_image(tmp_path / f"in/images/c{i}.png", _image(10 + i))
    doc = json.loads(ann_path.read_text())
    doc["images"] += [{"id": 10 + i, "file_name": f"c{i}.png", "width": W, "height": H}
                      for i in range(3)]
    ann_path.write_text(json.dumps(doc))
    calls = {"n": 0, "limit": 5}

    def maybe_interrupt(images, random_state, parents, hooks):
        calls["n"] += 1
        if calls["n"] > calls["limit"]:
            raise KeyboardInterrupt
        return images

    pipeline = augkit.Sequential([augkit.Lambda(func_images=maybe_interrupt),
                                  augkit.get("Affine", rotate=(-30, 30))])
    out = tmp_path / "out"
    first = _run(tmp_path, pipeline, tmp_path / "in/images", out, annotations=ann_path, n=3)
    assert first.interrupted and first.exit_code == 130
    assert 0 < first.outputs_written < 15
    assert not [p for p in out.rglob("*") if TEMP_MARK in p.name]
    calls["limit"] = 10**9
    second = _run(tmp_path, pipeline, tmp_path / "in/images", out, annotations=ann_path, n=3,
                  resume=True)
    assert not second.interrupted
    assert second.outputs_skipped == first.outputs_written
    assert first.outputs_written + second.outputs_written == 15
    names = [n for n in _outputs(out) if n.endswith(".png")]
    assert len(names) == 15 and all(f"_aug{k}.png" in " ".join(names) for k in range(3))
    doc = json.loads((out / "coco.json").read_text())
    assert len(doc["images"]) == 15
    # the same run without interruption writes identical files
    clean = tmp_path / "clean"
    _run(tmp_path, pipeline, tmp_path / "in/images", clean, annotations=ann_path, n=3)
    for name in names:
        assert np.array_equal(read_image(out / name), read_image(clean / name)), name
    assert (clean / "coco.json").read_text() == (out / "coco.json").read_text()


def test_results_do_not_depend_on_worker_count(tmp_path):
    ann_path = _make_coco(tmp_path / "in")
    pipe = _pipeline(tmp_path, "aff", {"augmenter": "Affine", "args": {
        "rotate": {"tuple": [-20, 20]}, "scale": {"tuple": [0.8, 1.2]}}})
    _run(tmp_path, pipe, tmp_path / "in/images", tmp_path / "w1", annotations=ann_path)
    _run(tmp_path, pipe, tmp_path / "in/images", tmp_path / "w2", annotations=ann_path,
         workers=2)
    assert (tmp_path / "w1/coco.json").read_text() == (tmp_path / "w2/coco.json").read_text()
    for name in ("a_aug0.png", "b_aug1.png"):
        assert np.array_equal(read_image(tmp_path / "w1" / name),
                              read_image(tmp_path / "w2" / name))


def test_sigint_stops_a_multiworker_run_cleanly_and_resume_finishes_it(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    for i in range(12):
        write_image(inp / f"im{i:02d}.jpg", _image(i, size=(128, 128)))
    slow = _pipeline(tmp_path, "slow", {"augmenter": "Sequential", "args": {"children": [
        {"augmenter": "MeanShiftBlur"}, {"augmenter": "Fliplr", "args": {"p": 0.5}}]}})
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "augkit.app.cli", "augment", "-p", str(slow), "-i", str(inp),
           "-o", str(out), "-n", "3", "--workers", "2", "--seed", "5", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    journal = out / ".augkit/journal.jsonl"
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if journal.is_file() and journal.read_text().count("\n") >= 3:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "--resume" in err
    assert not [p for p in out.rglob("*") if TEMP_MARK in p.name]
    written = [n for n in _outputs(out) if n.endswith(".jpg")]
    assert 0 < len(written) < 36
    done = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    # Outputs whose journal lines the interrupt cut off (at most one image's three per
    # worker) are made again; every journaled one is kept.
    kept = int(re.search(r"(\d+) already there", done.stderr).group(1))
    assert len(written) - 2 * 3 <= kept <= len(written), done.stderr
    images = [n for n in _outputs(out) if n.endswith(".jpg")]
    assert len(images) == 36
    for i in range(12):
        assert sum(n.startswith(f"im{i:02d}_aug") for n in images) == 3


# ------------------------------------------------------------------------- bad input


def test_corrupt_image_is_reported_and_skipped_or_stops_with_strict(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    write_image(inp / "good.png", _image(1))
    (inp / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 definitely not a jpeg")
    lines = []
    summary = run_job(JobConfig(pipeline="light", input=inp, output=tmp_path / "out", n=1,
                                workers=1, progress=False), log=lines.append)
    assert summary.outputs_written == 1 and len(summary.images_unreadable) == 1
    assert str(inp / "broken.jpg") in summary.images_unreadable[0]
    assert summary.exit_code == 0
    strict = run_job(JobConfig(pipeline="light", input=inp, output=tmp_path / "out2", n=1,
                               workers=1, progress=False, strict=True), log=_quiet)
    assert strict.exit_code == 1 and "broken.jpg" in strict.stopped_by_error


def test_output_folder_equal_to_or_inside_the_input_is_refused(tmp_path, capsys):
    inp = tmp_path / "in"
    inp.mkdir()
    write_image(inp / "a.png", _image(1))
    with pytest.raises(JobError, match="is the input folder"):
        _run(tmp_path, "light", inp, inp)
    with pytest.raises(JobError, match="inside the input folder"):
        _run(tmp_path, "light", inp, inp / "aug")
    assert main(["augment", "-p", "light", "-i", str(inp), "-o", str(inp)]) == 2
    assert "is the input folder" in capsys.readouterr().err
    assert _outputs(inp) == ["a.png"]


def test_unknown_augmenter_or_bad_parameter_in_a_pipeline_file_says_where(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("augkit_format: 1\naugmenter: Sequential\nargs:\n  children:\n"
                   "  - augmenter: Fliplr\n    args: {p: 0.5}\n"
                   "  - augmenter: GaussianBlurr\n    args: {sigma: 1.0}\n")
    with pytest.raises(PipelineError, match=r"bad.yaml, line 7 \(children\[1\]\).*GaussianBlur"):
        _run(tmp_path, bad, None, tmp_path / "out")
    worse = tmp_path / "worse.yaml"
    worse.write_text("augmenter: Sequential\nargs:\n  children:\n  - augmenter: Affine\n"
                     "    args:\n      rotate: {tuple: [0, 1]}\n      rotat: 3\n")
    with pytest.raises(PipelineError, match=r"line 7 \(children\[0\]\.rotat\).*'rotate'"):
        _run(tmp_path, worse, None, tmp_path / "out")
    with pytest.raises(PipelineError, match="neither a file nor a preset"):
        _run(tmp_path, "mediun", None, tmp_path / "out")


def test_coco_entry_naming_a_missing_image_is_reported(tmp_path):
    ann_path = _make_coco(tmp_path / "in")
    (tmp_path / "in/images/b.png").unlink()
    summary = _run(tmp_path, "light", tmp_path / "in/images", tmp_path / "out",
                   annotations=ann_path, n=1)
    assert summary.images_in == 1
    assert any("'b.png'" in p and "not in" in p for p in summary.problems)


# ----------------------------------------------------------------------------- CLI


def test_augment_on_the_bundled_dataset_via_the_cli(tmp_path, capsys):
    assert main(["augment", "-p", "medium", "-o", str(tmp_path), "-n", "1", "-w", "1",
                 "--seed", "0", "-q"]) == 0
    err = capsys.readouterr().err
    assert "images out:  4 written" in err and "annotations.json" in err
    doc = json.loads((tmp_path / "annotations.json").read_text())
    assert len(doc["images"]) == 4 and doc["annotations"]


@pytest.mark.parametrize("command", ["augment", "preview", "gallery", "list", "plugins",
                                     "demo"])
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert "Example" in capsys.readouterr().out


def test_preview_writes_a_grid(tmp_path):
    import imageio.v3 as iio

    path = tmp_path / "grid.png"
    assert main(["preview", "-p", "light", "-o", str(path), "-n", "4"]) == 0
    assert iio.imread(path).shape == (256, 1024, 3)


def test_gallery_lists_failures_instead_of_crashing(tmp_path, capsys):
    from augkit.registry import registry

    broken = type("BrokenForGallery", (augkit.PixelAugmenter,), {
        "__doc__": "Always fails.", "examples": ({},),
        "sample": lambda self, rows, rng: None,
        "apply_to_images": lambda self, images, params: 1 / 0,
    })
    module = type(sys)("gallery_test_plugin")
    module.augkit_augmenters = augkit.hookimpl(lambda: [broken])
    registry.register(module, name="gallerytest")
    try:
        assert main(["gallery", "-o", str(tmp_path), "--only", "Fliplr,BrokenForGallery",
                     "--cell", "64"]) == 0
    finally:
        registry.unregister("gallerytest") if hasattr(registry, "unregister") else None
    index = (tmp_path / "index.md").read_text()
    assert "![Fliplr](Fliplr.jpg)" in index and (tmp_path / "Fliplr.jpg").is_file()
    assert "| BrokenForGallery |" in index and "ZeroDivisionError" in index
    assert "1 augmenter(s) failed" in capsys.readouterr().out


def test_no_temp_or_partial_files_after_a_normal_run(tmp_path):
    _run(tmp_path, "light", None, tmp_path / "out", n=1)
    assert not [p for p in (tmp_path / "out").rglob("*") if TEMP_MARK in p.name]
    assert os.path.isfile(tmp_path / "out/.augkit/journal.jsonl")


def test_workers_start_before_the_dataset_is_read(tmp_path, monkeypatch):
    import multiprocessing

    import augkit.app.job.runner as job

    ann_path = _make_coco(tmp_path / "in")
    seen = []
    real_open = job.open_dataset

    def spy(*args, **kwargs):
        seen.append(len(multiprocessing.active_children()))
        return real_open(*args, **kwargs)

    monkeypatch.setattr(job, "open_dataset", spy)
    summary = _run(tmp_path, _pipeline(tmp_path, "flip", FLIP), tmp_path / "in/images",
                   tmp_path / "out", annotations=ann_path, workers=2)
    assert seen == [2] and summary.workers == 2 and summary.outputs_written == 4
    assert not multiprocessing.active_children()  # the pool is shut down at the end


_TEST_PROCESS = os.getpid()


def _die_in_a_worker(images, random_state, parents, hooks):
    if os.getpid() != _TEST_PROCESS:
        os.kill(os.getpid(), signal.SIGKILL)
    return images


def test_a_worker_that_dies_stops_the_run_with_a_clear_error(tmp_path):
    import multiprocessing

    inp = tmp_path / "in"
    inp.mkdir()
    for i in range(4):
        write_image(inp / f"im{i}.png", _image(i))
    summary = _run(tmp_path, augkit.Lambda(func_images=_die_in_a_worker), inp,
                   tmp_path / "out", workers=2)
    assert summary.exit_code == 1 and summary.outputs_written == 0
    assert "worker process died unexpectedly" in summary.stopped_by_error
    assert "--resume" in summary.stopped_by_error
    assert not multiprocessing.active_children()
