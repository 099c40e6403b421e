"""augkit.datasets.coco: RLE codec and reading problems."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from augkit.datasets import open_dataset
from augkit.datasets.coco import (
    mask_box,
    rle_decode,
    rle_encode,
    rle_from_string,
    rle_to_string,
)
from augkit.datasets.images_io import write_image
from augkit.errors import InputError


def test_rle_is_column_major_and_starts_with_zeros():
    mask = np.array([[1, 0], [1, 1]], bool)  # columns: [1, 1], [0, 1]
    assert rle_encode(mask) == {"counts": [0, 2, 1, 1], "size": [2, 2]}


def test_rle_string_codec_matches_hand_computed_values():
    assert rle_to_string([4, 2, 1, 2, 3]) == "42102"
    assert rle_to_string([10, 5, 2, 1]) == ":52L"  # the 4th count is stored as 1 - 5 = -4
    assert rle_from_string(":52L") == [10, 5, 2, 1]
    assert rle_from_string(rle_to_string([100000, 3, 70000])) == [100000, 3, 70000]


@settings(max_examples=60, deadline=None)
@given(arrays(bool, st.tuples(st.integers(1, 12), st.integers(1, 12))))
def test_rle_round_trips_any_mask_in_both_forms(mask):
    rle = rle_encode(mask)
    assert sum(rle["counts"]) == mask.size
    assert np.array_equal(rle_decode(rle), mask)
    compressed = {"counts": rle_to_string(rle["counts"]), "size": rle["size"]}
    assert np.array_equal(rle_decode(compressed), mask)


def test_rle_with_wrong_total_is_an_error():
    with pytest.raises(InputError, match="add up to 5 pixels"):
        rle_decode({"counts": [2, 3], "size": [2, 3]})


def test_mask_box_is_the_pixel_extent():
    mask = np.zeros((5, 6), bool)
    mask[1:3, 2:5] = True
    assert mask_box(mask).tolist() == [2, 1, 5, 3]
    assert mask_box(np.zeros((2, 2), bool)) is None


def test_reading_reports_missing_images_unknown_ids_and_unlisted_files(tmp_path):
    write_image(tmp_path / "a.png", np.zeros((4, 4), np.uint8))
    write_image(tmp_path / "extra.png", np.zeros((4, 4), np.uint8))
    doc = {"images": [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "gone.png"},
                      {"id": 1, "file_name": "a.png"}],
           "annotations": [{"id": 1, "image_id": 1, "bbox": [0, 0, 1, 1]},
                           {"id": 2, "image_id": 9, "bbox": [0, 0, 1, 1]}],
           "categories": []}
    (tmp_path / "c.json").write_text(json.dumps(doc))
    dataset = open_dataset(tmp_path)
    assert dataset.name == "coco" and [r.rel for r in dataset.records] == ["a.png"]
    text = "\n".join(dataset.problems)
    assert "'gone.png', which is not in" in text
    assert "repeats image id 1" in text
    assert "image ids that are not in 'images' (9)" in text
    assert "extra.png" in text


def test_not_a_coco_file_is_a_clear_error(tmp_path):
    (tmp_path / "c.json").write_text("[1, 2]")
    with pytest.raises(InputError, match="not a COCO file"):
        open_dataset(tmp_path, format="coco")
