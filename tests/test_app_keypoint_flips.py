"""`augkit augment` swaps left/right keypoints where the pipeline mirrors.

The pairs come from COCO categories' keypoint names and YOLO's data.yaml flip_idx.
"""

from __future__ import annotations

import json

import numpy as np
import yaml

import augkit
from augkit.app.cli import main
from augkit.app.datasets import Obj
from augkit.app.job.objects import augment_objects


def test_bundled_sample_left_eye_stays_the_left_one_after_a_flip(tmp_path):
    pipeline = tmp_path / "flip.yaml"
    pipeline.write_text(yaml.safe_dump({"augkit_format": 1, "augmenter": "Fliplr",
                                        "args": {"p": 1.0}}))
    out = tmp_path / "out"
    assert main(["augment", "-p", str(pipeline), "-o", str(out), "-n", "1", "-w", "1",
                 "--seed", "0", "-q"]) == 0
    doc = json.loads((out / "annotations.json").read_text())
    faces = [a for a in doc["annotations"] if a.get("keypoints") and a["category_id"] == 1
             and a["keypoints"][2] and a["keypoints"][5]]  # both eyes labelled
    assert len(faces) == 2
    for ann in faces:
        left_eye, right_eye = ann["keypoints"][0:3], ann["keypoints"][3:6]
        # the input has left_eye at x=75.75 and right_eye at x=92.25 (of 192): the mirror
        # of the right eye (192 - 92.25) is the new left eye
        assert left_eye[0] < right_eye[0]
    first = next(a for a in faces if a["image_id"] == 1)
    assert first["keypoints"][:6] == [99.75, 30.75, 2, 116.25, 30.75, 2]


def test_visibility_swaps_with_the_points_and_unmirrored_rows_keep_their_order():
    kps = np.array([[10.0, 5.0, 2], [30.0, 5.0, 1], [20.0, 8.0, 2]])  # left, right, nose
    obj = Obj(label=7, keypoints=kps)
    image = np.zeros((20, 40), np.uint8)
    flip_idx = {7: [1, 0, 2]}.get
    _, (flipped,), _ = augment_objects(augkit.get("Fliplr", p=1.0), image, [obj], key=(0,),
                                       flip_idx=flip_idx)
    assert flipped.keypoints.tolist() == [[10.0, 5.0, 1], [30.0, 5.0, 2], [20.0, 8.0, 2]]
    _, (kept,), _ = augment_objects(augkit.get("Rot90", k=2), image, [obj], key=(0,),
                                    flip_idx=flip_idx)
    assert kept.keypoints[:, 2].tolist() == [2, 1, 2]  # a half turn mirrors nothing


def test_yolo_pose_flip_idx_from_data_yaml(tmp_path):
    from augkit.app.datasets.images_io import write_image
    from augkit.app.job import JobConfig, run_job

    (tmp_path / "images/train").mkdir(parents=True)
    (tmp_path / "labels/train").mkdir(parents=True)
    write_image(tmp_path / "images/train/a.png", np.zeros((30, 40, 3), np.uint8))
    (tmp_path / "labels/train/a.txt").write_text(
        "0 0.5 0.5 0.5 0.4 0.25 0.4 2 0.75 0.6 1\n")
    (tmp_path / "data.yaml").write_text(yaml.safe_dump(
        {"path": ".", "train": "images/train", "kpt_shape": [2, 3], "flip_idx": [1, 0],
         "names": {0: "person"}}))
    pipe = tmp_path / "flip.yaml"
    pipe.write_text(yaml.safe_dump({"augkit_format": 1, "augmenter": "Fliplr",
                                    "args": {"p": 1.0}}))
    out = tmp_path / "out"
    run_job(JobConfig(pipeline=pipe, input=tmp_path / "images/train", output=out, n=1, seed=1,
                      workers=1, format="yolo", progress=False), log=lambda *a: None)
    (label,) = [p for p in out.rglob("*.txt") if p.name != "classes.txt"]
    values = [float(v) for v in label.read_text().split()]
    # mirrored x: 0.25 -> 0.75 and 0.75 -> 0.25; the pair swaps, visibility with it
    assert values[5:] == [0.25, 0.6, 1, 0.75, 0.4, 2]
