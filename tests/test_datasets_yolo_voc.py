"""augkit.app.datasets.yolo and .voc: where labels are found, and reading errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from augkit.app.datasets import open_dataset
from augkit.app.datasets.images_io import write_image
from augkit.app.datasets.voc import xml_path_for
from augkit.app.datasets.yolo import label_path_for
from augkit.errors import InputError


def test_label_paths_follow_the_ultralytics_and_voc_layouts():
    assert label_path_for(Path("/d/images/train/x.jpg")) == Path("/d/labels/train/x.txt")
    assert label_path_for(Path("/d/pics/x.jpg")) == Path("/d/pics/x.txt")
    assert xml_path_for(Path("/v/JPEGImages/x.jpg")) == Path("/v/Annotations/x.xml")
    assert xml_path_for(Path("/v/x.png")) == Path("/v/x.xml")


def test_yolo_bad_line_names_the_file_and_line(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "labels").mkdir()
    write_image(tmp_path / "images/a.png", np.zeros((10, 20, 3), np.uint8))
    (tmp_path / "labels/a.txt").write_text("0 0.5 0.5 0.2 0.2\n1 0.5 0.5\n")
    (tmp_path / "labels/orphan.txt").write_text("0 0.5 0.5 0.2 0.2\n")
    dataset = open_dataset(tmp_path / "images")
    assert dataset.name == "yolo"
    assert any("orphan.txt: label file without an image" in p for p in dataset.problems)
    with pytest.raises(InputError, match=r"a.txt:2: expected 'class cx cy w h'"):
        dataset.load_objects(dataset.records[0], (10, 20, 3))


def test_yolo_boxes_are_read_in_pixels(tmp_path):
    write_image(tmp_path / "a.png", np.zeros((10, 20, 3), np.uint8))
    (tmp_path / "a.txt").write_text("2 0.5 0.5 0.2 0.4\n")
    dataset = open_dataset(tmp_path, format="yolo")
    (obj,) = dataset.load_objects(dataset.records[0], (10, 20, 3))
    assert obj.label == "2" and obj.box.tolist() == [8.0, 3.0, 12.0, 7.0]


def test_voc_xml_without_its_image_is_reported_and_boxes_are_one_based(tmp_path):
    write_image(tmp_path / "a.png", np.zeros((10, 20, 3), np.uint8))
    (tmp_path / "a.xml").write_text(
        "<annotation><filename>a.png</filename><object><name>x</name><bndbox><xmin>1</xmin>"
        "<ymin>2</ymin><xmax>5</xmax><ymax>6</ymax></bndbox></object></annotation>")
    (tmp_path / "b.xml").write_text("<annotation><filename>b.jpg</filename></annotation>")
    dataset = open_dataset(tmp_path)
    assert dataset.name == "pascal_voc"
    assert any("b.xml: names the image 'b.jpg', which is not in" in p for p in dataset.problems)
    (obj,) = dataset.load_objects(dataset.records[0], (10, 20, 3))
    assert obj.label == "x" and obj.box.tolist() == [0.0, 1.0, 5.0, 6.0]
