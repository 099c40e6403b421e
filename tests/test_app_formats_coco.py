"""COCO format rules seen with pycocotools: areas, and the output read back by COCO/COCOeval."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from augkit.app.datasets.images_io import write_image
from augkit.app.job import JobConfig, run_job

W, H = 40, 30


def _make(root: Path, annotations: list[dict]) -> Path:
    (root / "images").mkdir(parents=True)
    write_image(root / "images/a.png", np.zeros((H, W, 3), np.uint8))
    doc = {"images": [{"id": 1, "file_name": "a.png", "width": W, "height": H}],
           "annotations": annotations,
           "categories": [{"id": 1, "name": "thing"}]}
    path = root / "coco.json"
    path.write_text(json.dumps(doc))
    return path


def _augment(tmp_path: Path, ann: Path, pipeline: str = "light") -> dict:
    import yaml

    pipe = tmp_path / "id.yaml"
    pipe.write_text(yaml.safe_dump({"augkit_format": 1, "augmenter": "Identity"}))
    run_job(JobConfig(pipeline=pipe, input=ann.parent / "images", annotations=ann,
                      output=tmp_path / "out", n=1, seed=1, workers=1, progress=False),
            log=lambda *a: None)
    return json.loads((tmp_path / "out/coco.json").read_text())


def test_box_only_annotation_with_empty_segmentation_gets_the_box_area(tmp_path):
    ann = _make(tmp_path / "in", [{"id": 7, "image_id": 1, "category_id": 1,
                                    "bbox": [2, 3, 10, 5], "segmentation": [], "area": 50,
                                    "iscrowd": 0}])
    (out,) = _augment(tmp_path, ann)["annotations"]
    assert out["area"] == 50.0
    assert out["bbox"] == [2.0, 3.0, 10.0, 5.0]
    assert out["segmentation"] == []


def test_box_without_segmentation_or_area_gets_the_box_area(tmp_path):
    ann = _make(tmp_path / "in", [{"id": 7, "image_id": 1, "category_id": 1,
                                    "bbox": [1, 1, 4, 2]}])
    (out,) = _augment(tmp_path, ann)["annotations"]
    assert out["area"] == 8.0


def test_polygon_area_is_the_polygon_not_the_box(tmp_path):
    ann = _make(tmp_path / "in", [{"id": 7, "image_id": 1, "category_id": 1,
                                    "bbox": [0, 0, 10, 10], "area": 50, "iscrowd": 0,
                                    "segmentation": [[0, 0, 10, 0, 0, 10]]}])
    (out,) = _augment(tmp_path, ann)["annotations"]
    assert out["area"] == 50.0


@pytest.mark.integration
def test_pycocotools_reads_the_output_and_evaluates_it_against_itself(tmp_path):
    coco_mod = pytest.importorskip("pycocotools.coco")
    cocoeval = pytest.importorskip("pycocotools.cocoeval")
    ann = _make(tmp_path / "in", [
        {"id": 1, "image_id": 1, "category_id": 1, "bbox": [2, 3, 10, 5],
         "segmentation": [], "area": 50, "iscrowd": 0},
        {"id": 2, "image_id": 1, "category_id": 1, "bbox": [20, 10, 10, 10], "area": 50,
         "segmentation": [[20, 10, 30, 10, 20, 20]], "iscrowd": 0}])
    _augment(tmp_path, ann)
    gt = coco_mod.COCO(str(tmp_path / "out/coco.json"))
    assert all(a["area"] > 0 for a in gt.dataset["annotations"])
    dets = [{"image_id": a["image_id"], "category_id": 1, "bbox": a["bbox"], "score": 1.0}
            for a in gt.dataset["annotations"]]
    evaluator = cocoeval.COCOeval(gt, gt.loadRes(dets), "bbox")
    evaluator.evaluate()
    evaluator.accumulate()
    evaluator.summarize()
    assert evaluator.stats[0] == pytest.approx(1.0)
