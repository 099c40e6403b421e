"""augkit.app.datasets.coco: RLE codec and reading problems."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from augkit.app.datasets import open_dataset
from augkit.app.datasets.coco import (
    mask_box,
    rle_decode,
    rle_encode,
    rle_from_string,
    rle_to_string,
)
from augkit.app.datasets.images_io import write_image
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


# ------------------------------------------------------- streamed reading and writing


def _reference_coco_bytes(dataset, entries) -> bytes:
    """The output COCO file as it was written before streaming: one document, dumped."""
    images, annotations = [], []
    for image_id, entry in enumerate(entries, start=1):
        source = json.loads(dataset.records[entry["index"]].meta["image_json"])
        image = {k: v for k, v in source.items() if k not in ("id", "file_name", "width",
                                                              "height")}
        image.update(id=image_id, file_name=entry["out"], width=entry["shape"][1],
                     height=entry["shape"][0])
        images.append(image)
        for ann in entry["payload"] or []:
            annotations.append({"id": len(annotations) + 1, "image_id": image_id, **ann})
    doc = dict(dataset.header)
    doc["images"] = images
    doc["annotations"] = annotations
    return (json.dumps(doc, separators=(",", ":")) + "\n").encode("utf-8")


def _coco_folder(tmp_path, header_first=True):
    for name in ("a.png", "b.png", "c.png"):
        write_image(tmp_path / name, np.zeros((4, 6, 3), np.uint8))
    doc = {"images": [{"id": 7, "file_name": "a.png", "width": 6, "height": 4, "license": 2},
                      {"id": 8, "file_name": "b.png", "width": 6, "height": 4},
                      {"id": 9, "file_name": "c.png", "width": 6, "height": 4}],
           "annotations": [
               {"id": 1, "image_id": 8, "category_id": 1, "bbox": [1.5, 1, 2, 2],
                "area": 4.0, "note": "caf\u00e9 \u2603"},
               {"id": 2, "image_id": 7, "category_id": 2, "bbox": [0, 0, 1e-3, 12345678.5],
                "area": 1, "keypoints": [1, 2, 2, 0, 0, 0], "num_keypoints": 1},
               {"id": 3, "image_id": 8, "category_id": 1, "segmentation": [[0, 0, 3, 0, 3, 3]],
                "bbox": [0, 0, 3, 3], "area": 4.5, "iscrowd": 0}]}
    header = {"info": {"description": "t\u00e9st", "year": 2024, "ok": True, "x": None},
              "licenses": [{"id": 2, "name": "L"}], "categories": [{"id": 1}, {"id": 2}],
              "extra_number": -12.5e-3}
    doc = {**header, **doc} if header_first else {**doc, **header}
    (tmp_path / "coco.json").write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return doc


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 20])
def test_streamed_reading_gives_what_json_loads_gives_at_any_buffer_size(tmp_path, chunk):
    from augkit.app.datasets.coco import _stream_coco

    doc = _coco_folder(tmp_path, header_first=chunk % 2 == 1)
    got: dict = {"images": [], "annotations": []}
    header: dict = {}
    with open(tmp_path / "coco.json", encoding="utf-8") as fh:
        assert _stream_coco(fh, lambda key, i, item: got[key].append(item), header, chunk)
    assert got["images"] == doc["images"] and got["annotations"] == doc["annotations"]
    assert header == {k: v for k, v in doc.items() if k not in ("images", "annotations")}
    assert list(header) == [k for k in doc if k not in ("images", "annotations")]


@pytest.mark.parametrize("text", ['{"images": [1, 2', '{"images": [] ', '{"images": []} x',
                                  '{"images": {}}', '{"images": [}', '{"images": [{"a": 1},]}'])
def test_streamed_reading_refuses_broken_or_non_coco_documents(tmp_path, text):
    (tmp_path / "c.json").write_text(text)
    with pytest.raises(InputError, match="cannot read the COCO file|not a COCO file"):
        open_dataset(tmp_path, format="coco")


def test_each_record_holds_only_its_own_annotations_and_the_worker_view_no_records(tmp_path):
    import pickle

    doc = _coco_folder(tmp_path)
    dataset = open_dataset(tmp_path)
    by_rel = {r.rel: r for r in dataset.records}
    assert [a["id"] for a in dataset.annotation_entries(by_rel["b.png"])] == [1, 3]
    assert dataset.annotation_entries(by_rel["a.png"]) == [doc["annotations"][1]]
    assert dataset.annotation_entries(by_rel["c.png"]) == []
    assert len(by_rel["b.png"].meta["annotation_offsets"]) == 16  # two 8-byte offsets
    view = dataset.worker_view()
    assert view.records == [] and view.header == {} and len(dataset.records) == 3
    (obj,) = pickle.loads(pickle.dumps(view)).load_objects(by_rel["a.png"], (4, 6, 3))
    assert obj.label == 2 and obj.keypoints.shape == (2, 3)
    spill = dataset.spill
    assert spill.is_file()
    del dataset, view
    import gc

    gc.collect()
    assert not spill.exists()  # the scratch file goes with the dataset


def test_streamed_writing_is_byte_identical_to_dumping_the_whole_document(tmp_path):
    (tmp_path / "in").mkdir()
    _coco_folder(tmp_path / "in")
    dataset = open_dataset(tmp_path / "in")
    entries = []
    for record in dataset.records:
        objects = dataset.load_objects(record, (4, 6, 3))
        for k in (0, 1):
            entries.append({"index": record.index, "rel": record.rel, "k": k,
                            "out": record.output_rel(k), "shape": [4, 6, 3],
                            "payload": dataset.write(record, k, tmp_path, (4, 6, 3), objects)})
    out = tmp_path / "out"
    out.mkdir()
    (path,) = dataset.finalize(out, iter(entries))
    assert path.read_bytes() == _reference_coco_bytes(dataset, entries)
    written = json.loads(path.read_text())
    assert [im["id"] for im in written["images"]] == list(range(1, 7))
    assert [a["id"] for a in written["annotations"]] == list(range(1, 7))
    assert written["info"]["description"] == "t\u00e9st"
    assert sorted(p.name for p in out.iterdir()) == ["coco.json"]  # no temporary files
