"""YOLO format rules seen with Ultralytics: pose datasets, multi-part segments, data.yaml."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from augkit.app.datasets import open_dataset
from augkit.app.datasets.base import RecordError
from augkit.app.datasets.images_io import write_image
from augkit.app.datasets.yolo import merge_parts
from augkit.app.job import JobConfig, run_job

W, H = 40, 30
POSE_YAML = {"path": ".", "train": "images/train", "val": "images/val",
             "kpt_shape": [2, 3], "flip_idx": [1, 0], "names": {0: "person"}}


def _dataset(root: Path, labels: dict[str, str], doc: dict | None = None,
             split: str = "train") -> Path:
    (root / f"images/{split}").mkdir(parents=True)
    (root / f"labels/{split}").mkdir(parents=True)
    for i, (stem, text) in enumerate(labels.items()):
        write_image(root / f"images/{split}/{stem}.png",
                    np.full((H, W, 3), 10 * i, np.uint8))
        (root / f"labels/{split}/{stem}.txt").write_text(text)
    if doc is not None:
        (root / "data.yaml").write_text(yaml.safe_dump(doc))
    return root / f"images/{split}"


def _augment(tmp_path: Path, images: Path, out: Path, augmenter: str = "Identity") -> None:
    pipe = tmp_path / "pipe.yaml"
    pipe.write_text(yaml.safe_dump({"augkit_format": 1, "augmenter": augmenter}))
    run_job(JobConfig(pipeline=pipe, input=images, output=out, n=1, seed=1, workers=1,
                      format="yolo", progress=False), log=lambda *a: None)


POSE_LINE = "0 0.500000 0.500000 0.500000 0.400000 0.250000 0.400000 2 0.750000 0.600000 1\n"


def test_pose_lines_are_read_with_their_keypoints_in_pixels(tmp_path):
    images = _dataset(tmp_path, {"a": POSE_LINE}, POSE_YAML)
    dataset = open_dataset(images, format="yolo")
    assert dataset.kpt_shape == (2, 3) and dataset.flip_idx == [1, 0]
    (obj,) = dataset.load_objects(dataset.records[0], (H, W, 3))
    assert obj.box.tolist() == [10.0, 9.0, 30.0, 21.0]
    assert obj.keypoints.tolist() == [[10.0, 12.0, 2.0], [30.0, 18.0, 1.0]]


def test_pose_identity_round_trip_keeps_every_line(tmp_path):
    images = _dataset(tmp_path / "in", {"a": POSE_LINE}, POSE_YAML)
    _augment(tmp_path, images, tmp_path / "out/images/train")
    assert (tmp_path / "out/labels/train/a_aug0.txt").read_text() == POSE_LINE


def test_pose_keypoint_that_leaves_the_image_is_written_not_labelled(tmp_path):
    line = "0 0.500000 0.500000 0.500000 0.400000 1.500000 0.400000 2 0.750000 0.600000 2\n"
    images = _dataset(tmp_path / "in", {"a": line}, POSE_YAML)
    _augment(tmp_path, images, tmp_path / "out/images/train")
    assert (tmp_path / "out/labels/train/a_aug0.txt").read_text() == (
        "0 0.500000 0.500000 0.500000 0.400000 0.000000 0.000000 0 0.750000 0.600000 2\n")


def test_pose_with_two_values_per_keypoint(tmp_path):
    doc = {**POSE_YAML, "kpt_shape": [2, 2]}
    line = "0 0.500000 0.500000 0.500000 0.400000 0.000000 0.000000 0.750000 0.600000\n"
    images = _dataset(tmp_path / "in", {"a": line}, doc)
    dataset = open_dataset(images, format="yolo")
    (obj,) = dataset.load_objects(dataset.records[0], (H, W, 3))
    assert obj.keypoints[:, 2].tolist() == [0.0, 2.0]
    _augment(tmp_path, images, tmp_path / "out/images/train")
    assert (tmp_path / "out/labels/train/a_aug0.txt").read_text() == line


def test_pose_line_with_the_wrong_count_names_kpt_shape(tmp_path):
    images = _dataset(tmp_path, {"a": "0 0.5 0.5 0.2 0.2 0.1 0.1 2\n"}, POSE_YAML)
    dataset = open_dataset(images, format="yolo")
    with pytest.raises(RecordError, match=r"a.txt:1: expected 'class cx cy w h' and 2 "
                                          r"keypoints of 3 values \(kpt_shape \[2, 3\]\): "
                                          r"10 numbers, got 7"):
        dataset.load_objects(dataset.records[0], (H, W, 3))


def test_pose_line_without_data_yaml_is_refused_naming_kpt_shape(tmp_path):
    images = _dataset(tmp_path, {"a": "0 0.5 0.5 0.2 0.2 0.1 0.1 2\n"})
    dataset = open_dataset(images, format="yolo")
    with pytest.raises(RecordError, match="a pose dataset needs its data.yaml with kpt_shape"):
        dataset.load_objects(dataset.records[0], (H, W, 3))


def test_malformed_kpt_shape_or_flip_idx_is_an_input_error(tmp_path):
    from augkit.errors import InputError

    images = _dataset(tmp_path, {"a": POSE_LINE}, {**POSE_YAML, "flip_idx": [0, 0]})
    with pytest.raises(InputError, match=r"flip_idx: expected a permutation of 0..1"):
        open_dataset(images, format="yolo")


def test_dataset_file_is_found_by_names_and_broken_other_yaml_is_passed_over(tmp_path):
    images = _dataset(tmp_path, {"a": POSE_LINE})
    (tmp_path / "coco8-pose.yaml").write_text(yaml.safe_dump(POSE_YAML))
    (tmp_path / "notes.yaml").write_text("key: [unclosed\n")
    assert open_dataset(images, format="yolo").kpt_shape == (2, 3)
    (tmp_path / "data.yaml").write_text("key: [unclosed\n")
    from augkit.errors import InputError

    with pytest.raises(InputError, match=r"data.yaml: cannot read this dataset file"):
        open_dataset(images, format="yolo")


def test_merge_parts_bridges_the_parts_and_keeps_their_area():
    a = np.array([[0.0, 0], [2, 0], [2, 2], [0, 2]])
    b = a + [5, 0]
    merged = merge_parts([a, b])
    x, y = merged[:, 0], merged[:, 1]
    area = 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    assert area == 8.0
    assert len(merged) == 4 + 4 + 2
    assert merge_parts([a]) is a


def test_segment_split_by_clipping_is_one_merged_line(tmp_path):
    # an arch whose top leaves the image: clipping leaves two legs, x 5..15 and 25..35
    arch = np.array([[5, 25], [15, 25], [15, -5], [25, -5], [25, 25], [35, 25], [35, -15],
                     [5, -15]], np.float64) / [W, H]
    line = "1 " + " ".join(f"{v:.6f}" for v in arch.ravel()) + "\n"
    images = _dataset(tmp_path / "in", {"a": line})
    _augment(tmp_path, images, tmp_path / "out/images/train")
    (out_line,) = (tmp_path / "out/labels/train/a_aug0.txt").read_text().splitlines()
    fields = out_line.split()
    assert fields[0] == "1"
    xy = np.array(fields[1:], float).reshape(-1, 2) * [W, H]
    assert len(xy) == 10
    x, y = xy[:, 0], xy[:, 1]
    area = 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    assert area == pytest.approx(2 * 10 * 25, abs=0.01)
    assert set(np.round(x).astype(int)) == {5, 15, 25, 35}


def test_data_yaml_is_written_for_the_output_with_names_and_splits(tmp_path):
    images = _dataset(tmp_path / "in", {"a": POSE_LINE}, POSE_YAML)
    (tmp_path / "in/images/val").mkdir()
    _augment(tmp_path, images, tmp_path / "out/images/train")
    doc = yaml.safe_load((tmp_path / "out/data.yaml").read_text())
    assert doc["path"] == str((tmp_path / "out").resolve())
    assert doc["train"] == "images/train"
    assert doc["val"] == str((tmp_path / "in/images/val").resolve())
    assert doc["names"] == {0: "person"}
    assert doc["kpt_shape"] == [2, 3] and doc["flip_idx"] == [1, 0]


def test_data_yaml_without_an_input_file_names_the_classes_seen_or_classes_txt(tmp_path):
    images = _dataset(tmp_path / "in", {"a": "2 0.5 0.5 0.2 0.2\n", "b": "0 0.5 0.5 0.2 0.2\n"})
    _augment(tmp_path, images, tmp_path / "out/images/train")
    doc = yaml.safe_load((tmp_path / "out/data.yaml").read_text())
    assert doc == {"path": str((tmp_path / "out").resolve()), "train": "images/train",
                   "val": "images/train", "names": {0: "0", 1: "1", 2: "2"}}
    (tmp_path / "in/labels/train/classes.txt").write_text("cat\ndog\nbird\n")
    _augment(tmp_path, images, tmp_path / "out2/images/train")
    assert yaml.safe_load((tmp_path / "out2/data.yaml").read_text())["names"] == {
        0: "cat", 1: "dog", 2: "bird"}


def test_augmenting_train_then_val_into_one_root_names_both(tmp_path):
    doc = {"train": "images/train", "val": "images/val", "names": ["x"]}
    train = _dataset(tmp_path / "in", {"a": "0 0.5 0.5 0.2 0.2\n"}, doc)
    val = _dataset(tmp_path / "in", {"b": "0 0.5 0.5 0.2 0.2\n"}, split="val")
    _augment(tmp_path, train, tmp_path / "out/images/train")
    _augment(tmp_path, val, tmp_path / "out/images/val")
    written = yaml.safe_load((tmp_path / "out/data.yaml").read_text())
    assert (written["train"], written["val"]) == ("images/train", "images/val")


def _verify(utils, image: Path, label: Path, keypoint: bool, nkpt: int = 0, ndim: int = 0):
    args = (str(image), str(label), "", keypoint, 2, nkpt, ndim)
    try:
        result = utils.verify_image_label((*args, False))
    except ValueError:  # versions before single_cls take 7 values
        result = utils.verify_image_label(args)
    return result


@pytest.mark.integration
def test_ultralytics_label_verifier_accepts_pose_and_merged_segment_outputs(tmp_path):
    utils = pytest.importorskip("ultralytics.data.utils")
    images = _dataset(tmp_path / "in", {"a": POSE_LINE}, POSE_YAML)
    _augment(tmp_path, images, tmp_path / "out/images/train", augmenter="Fliplr")
    result = _verify(utils, tmp_path / "out/images/train/a_aug0.png",
                     tmp_path / "out/labels/train/a_aug0.txt", True, 2, 3)
    assert result[6:9] == (1, 0, 0), result[-1]  # found, not empty, not corrupt
    assert len(result[1]) == 1 and result[4].shape == (1, 2, 3)
    arch = np.array([[5, 25], [15, 25], [15, -5], [25, -5], [25, 25], [35, 25], [35, -15],
                     [5, -15]], np.float64) / [W, H]
    images = _dataset(tmp_path / "seg", {"b": "1 " + " ".join(f"{v:.6f}" for v in
                                                             arch.ravel()) + "\n"})
    _augment(tmp_path, images, tmp_path / "seg_out/images/train")
    result = _verify(utils, tmp_path / "seg_out/images/train/b_aug0.png",
                     tmp_path / "seg_out/labels/train/b_aug0.txt", False)
    assert result[6:9] == (1, 0, 0), result[-1]
    assert len(result[3]) == 1  # one instance: the two legs merged into one outline


@pytest.mark.integration
def test_ultralytics_accepts_the_written_data_yaml(tmp_path):
    utils = pytest.importorskip("ultralytics.data.utils")
    images = _dataset(tmp_path / "in", {"a": POSE_LINE}, POSE_YAML)
    (tmp_path / "in/images/val").mkdir()
    _augment(tmp_path, images, tmp_path / "out/images/train")
    data = utils.check_det_dataset(str(tmp_path / "out/data.yaml"))
    assert Path(data["train"]) == (tmp_path / "out/images/train").resolve()
    assert data["names"] == {0: "person"} and data["kpt_shape"] == [2, 3]
