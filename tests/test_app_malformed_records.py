"""Malformed COCO records: each is that image's RecordError naming the field, never a crash."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from augkit.app.datasets.base import RecordError
from augkit.app.datasets.coco import _object_from_ann, rle_decode
from augkit.errors import AugkitError, InputError

SHAPE = (10, 10, 3)
WHERE = "coco.json: annotation id 17"


def test_record_error_is_an_augkit_input_error_so_the_task_reports_it_per_image():
    assert issubclass(RecordError, AugkitError) and issubclass(RecordError, InputError)


@pytest.mark.parametrize(("ann", "field", "expected"), [
    ({"bbox": ["a", 1, 2, 3]}, ".bbox", "expected 4 numbers"),
    ({"bbox": [1, 2, None, 3]}, ".bbox", "expected 4 numbers"),
    ({"bbox": {"x": 1, "y": 2, "w": 3, "h": 4}}, ".bbox", "expected 4 numbers"),
    ({"bbox": [1, 2, 3]}, ".bbox", "expected 4 numbers"),
    ({"keypoints": ["1", "2", "2"]}, ".keypoints", "expected numbers"),
    ({"segmentation": [["1", 2, 3, 4, 5, 6]]}, ".segmentation[0]", "expected numbers"),
    ({"segmentation": 5}, ".segmentation", "expected a list of polygons or an RLE dict"),
    ({"segmentation": [1, 2, 3, 4, 5, 6]}, ".segmentation[0]", "expected"),
    ({"segmentation": {"counts": [100], "size": [-2, -2]}}, ".segmentation.size",
     "expected 2 non-negative integers"),
    ({"segmentation": {"counts": "é0", "size": [2, 2]}}, ".segmentation.counts",
     "ASCII"),
])
def test_malformed_annotation_is_a_record_error_naming_the_field(ann, field, expected):
    with pytest.raises(RecordError) as info:
        _object_from_ann(ann, SHAPE, WHERE)
    message = str(info.value)
    assert message.startswith(WHERE + field + ": ") and expected in message, message


def test_bad_bbox_message_quotes_the_value():
    with pytest.raises(RecordError, match=r'got \["a", 1, 2, 3\]'):
        _object_from_ann({"bbox": ["a", 1, 2, 3]}, SHAPE, WHERE)


def test_valid_annotation_still_reads():
    obj = _object_from_ann({"bbox": [1, 2, 3, 4], "keypoints": [1, 1, 2],
                            "segmentation": [[0, 0, 4, 0, 4, 4]]}, SHAPE, WHERE)
    assert obj.box.tolist() == [1, 2, 4, 6] and obj.keypoints.shape == (1, 3)


def test_rle_larger_than_the_pixel_limit_is_refused_before_allocating():
    with pytest.raises(InputError, match="pixel"):
        rle_decode({"counts": [0, 10_000_000_000], "size": [100_000, 100_000]})


_BOMB = textwrap.dedent("""
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    from augkit.app.datasets.coco import _object_from_ann
    from augkit.errors import InputError
    ann = {"segmentation": {"counts": [0, 10000000000], "size": [100000, 100000]}}
    try:
        _object_from_ann(ann, (10, 10, 3), "a")
    except InputError as exc:
        print("refused:", exc)
    print("peak KiB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
""")


def test_rle_bomb_is_refused_under_a_memory_limit():
    proc = subprocess.run([sys.executable, "-c", _BOMB], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "refused:" in proc.stdout and "segmentation.size" in proc.stdout, proc.stdout


# ------------------------------------------------------------------ reading a COCO file


def _coco(tmp_path, doc) -> None:
    import json

    import numpy as np

    from augkit.app.datasets.images_io import write_image

    for name in ("a.png", "b.png"):
        write_image(tmp_path / name, np.zeros((8, 8, 3), np.uint8))
    (tmp_path / "c.json").write_text(json.dumps(doc) if not isinstance(doc, str) else doc)


def test_unhashable_ids_are_reported_and_ignored_not_a_crash(tmp_path):
    from augkit.app.datasets import open_dataset

    _coco(tmp_path, {"images": [{"id": [1], "file_name": "a.png"},
                                {"id": 2, "file_name": "b.png"}],
                     "annotations": [{"id": 1, "image_id": [1], "bbox": [0, 0, 1, 1]}]})
    dataset = open_dataset(tmp_path, format="coco")
    assert [r.rel for r in dataset.records] == ["b.png"]
    text = "\n".join(dataset.problems)
    assert "images[0].id: expected an integer or a string, got [1]" in text
    assert "annotations[0].image_id: expected an integer or a string, got [1]" in text


def test_deeply_nested_value_is_an_input_error_naming_the_file(tmp_path):
    from augkit.app.datasets import open_dataset

    depth = 100_000
    _coco(tmp_path, '{"info": ' + "[" * depth + "]" * depth + ', "images": []}')
    with pytest.raises(InputError, match=r"c\.json: cannot read the COCO file: .*nested"):
        open_dataset(tmp_path, format="coco")


def test_a_bad_annotation_fails_its_image_only_and_the_run_goes_on(tmp_path):
    from augkit.app.job import JobConfig, run_job

    inp = tmp_path / "in"
    inp.mkdir()
    _coco(inp, {"images": [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "b.png"}],
                "annotations": [{"id": 17, "image_id": 1, "bbox": ["a", 1, 2, 3]},
                                {"id": 18, "image_id": 2, "bbox": [0, 0, 2, 2]}]})
    import augkit.augmenters as iaa

    summary = run_job(JobConfig(pipeline=iaa.Identity(), input=inp,
                                output=tmp_path / "out", n=1, workers=1, seed=1,
                                progress=False), log=lambda *_: None)
    assert summary.images_done == 1 and (tmp_path / "out" / "b_aug0.png").is_file()
    reported = "\n".join(summary.images_unreadable + summary.problems)
    assert 'annotation id 17.bbox: expected 4 numbers, got ["a", 1, 2, 3]' in reported


# ----------------------------------------------------------------------- YOLO and VOC


def _yolo(tmp_path, label: bytes):
    import numpy as np

    from augkit.app.datasets import open_dataset
    from augkit.app.datasets.images_io import write_image

    write_image(tmp_path / "a.png", np.zeros((10, 20, 3), np.uint8))
    (tmp_path / "a.txt").write_bytes(label)
    return open_dataset(tmp_path, format="yolo")


@pytest.mark.parametrize(("label", "expected"), [
    (b"0 0.5 0.5 0.2 0.2\n1 0.5\xff 0.5 0.2 0.2\n", r"a\.txt: not UTF-8 text"),
    (b"-1 0.5 0.5 0.2 0.2\n", r"a\.txt:1: class: expected a non-negative integer, got '-1'"),
    (b"0 0.5 0.5 0.2 0.2\ncat 0.5 0.5 0.2 0.2\n",
     r"a\.txt:2: class: expected a non-negative integer, got 'cat'"),
    (b"0 0.5 nan 0.2 0.2\n", r"a\.txt:1: expected finite numbers"),
])
def test_yolo_malformed_label_file_is_a_record_error(tmp_path, label, expected):
    dataset = _yolo(tmp_path, label)
    with pytest.raises(RecordError, match=expected):
        dataset.load_objects(dataset.records[0], (10, 20, 3))


def test_voc_box_with_min_above_max_is_a_record_error_not_swapped(tmp_path):
    import numpy as np

    from augkit.app.datasets import open_dataset
    from augkit.app.datasets.images_io import write_image

    write_image(tmp_path / "a.png", np.zeros((10, 20, 3), np.uint8))
    (tmp_path / "a.xml").write_text(
        "<annotation><filename>a.png</filename><object><name>x</name><bndbox><xmin>9</xmin>"
        "<ymin>2</ymin><xmax>5</xmax><ymax>6</ymax></bndbox></object></annotation>")
    dataset = open_dataset(tmp_path, format="pascal_voc")
    with pytest.raises(RecordError, match=r"a\.xml: object 0 \(x\)\.bndbox: xmin 9 is "
                                          r"greater than xmax 5"):
        dataset.load_objects(dataset.records[0], (10, 20, 3))


@pytest.mark.parametrize("v", [-1, 3, 1.5])
def test_coco_keypoint_visibility_outside_0_1_2_is_a_record_error(v):
    with pytest.raises(RecordError, match=rf"{WHERE}\.keypoints\[5\]: visibility: expected "
                                          r"0, 1 or 2, got "):
        _object_from_ann({"keypoints": [1, 1, 2, 3, 3, v]}, SHAPE, WHERE)
