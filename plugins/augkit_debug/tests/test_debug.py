"""SaveDebugImageEveryNBatches: file cadence, picture content, identity on every kind."""

from __future__ import annotations

import os
import pickle

import numpy as np
import PIL.Image
import pytest
from augkit_debug.functional import (
    BACKGROUND,
    TITLE_HEIGHT,
    _title,
    draw_debug_image,
    to_rgb_uint8,
)

import augkit
from augkit import ParameterError
from augkit import augmenters as iaa

debug = iaa.debug

#: First row of the images in a debug picture (below the column titles).
TOP = 2 + TITLE_HEIGHT + 2

GREEN = (0, 255, 0)


def batch(n=2, shape=(20, 30, 3)):
    images = [np.full(shape, 40 * (i + 1), np.uint8) for i in range(n)]
    return images, [[(4.0, 5.0, 14.0, 12.0)] for _ in range(n)]


def test_the_module_holds_imgaugs_names():
    for name in ["SaveDebugImageEveryNBatches", "draw_debug_image", "_IImageDestination",
                 "_FolderImageDestination", "_MultiDestination", "_IBatchwiseSchedule",
                 "_EveryNBatchesSchedule", "_SaveDebugImage"]:
        assert hasattr(debug, name), name
    assert augkit.get("SaveDebugImageEveryNBatches", destination=_TmpDest(),
                      interval=1).__class__ is debug.SaveDebugImageEveryNBatches


class _TmpDest(debug._IImageDestination):
    """Collects pictures in memory and counts batches."""

    def __init__(self):
        self.batches = 0
        self.pictures = []

    def on_batch(self, batch):
        self.batches += 1

    def receive(self, image):
        self.pictures.append((self.batches, image))


def test_files_are_written_for_the_first_and_every_nth_batch(tmp_path):
    aug = debug.SaveDebugImageEveryNBatches(str(tmp_path), interval=3)
    images, boxes = batch()
    for _ in range(7):
        aug(images=images, bounding_boxes=boxes)
    assert sorted(os.listdir(tmp_path)) == ["batch_000000.png", "batch_000003.png",
                                            "batch_000006.png", "batch_latest.png"]
    latest = np.asarray(PIL.Image.open(tmp_path / "batch_latest.png"))
    np.testing.assert_array_equal(latest, np.asarray(PIL.Image.open(tmp_path /
                                                                    "batch_000006.png")))


def test_missing_folder_is_created_on_the_first_picture(tmp_path):
    folder = tmp_path / "a" / "b"
    aug = debug.SaveDebugImageEveryNBatches(folder, interval=1)
    assert not folder.exists()
    aug(image=np.zeros((4, 4, 3), np.uint8))
    assert sorted(os.listdir(folder)) == ["batch_000000.png", "batch_latest.png"]


def test_the_saved_picture_has_the_grid_size_and_shows_the_boxes(tmp_path):
    aug = debug.SaveDebugImageEveryNBatches(tmp_path, interval=1)
    images, boxes = batch(n=2, shape=(20, 30, 3))
    aug(images=images, bounding_boxes=boxes)
    picture = np.asarray(PIL.Image.open(tmp_path / "batch_000000.png").convert("RGB"))
    # titles, then 2 rows (images) x 2 columns (images, boxes) of (20 + 2) x (30 + 2)
    assert picture.shape == (TOP + 2 * 22, 2 * 32 + 2, 3)
    # the image column shows the images unchanged
    np.testing.assert_array_equal(picture[TOP:TOP + 20, 2:32], images[0])
    np.testing.assert_array_equal(picture[TOP + 22:TOP + 42, 2:32], images[1])
    # each column is named in a white band with dark text
    for left, title in ((2, "images"), (34, "bounding boxes")):
        band = picture[2:2 + TITLE_HEIGHT, left:left + 30]
        np.testing.assert_array_equal(band, _title(title, 30))
        assert (band == 255).any() and (band < 100).any()
    # the boxes column: the box (4, 5)-(14, 12) is outlined in green, 1 pixel wide
    green = (picture[TOP:TOP + 20, 34:64] == GREEN).all(axis=2)
    expected = np.zeros((20, 30), bool)
    expected[5:13, 4:15] = True
    expected[6:12, 5:14] = False
    np.testing.assert_array_equal(green, expected)
    assert tuple(picture[TOP + 8, 34 + 9]) == (40, 40, 40)
    assert tuple(picture[0, 0]) == BACKGROUND


def test_every_kind_gets_a_column_and_the_data_pass_through_unchanged():
    dest = _TmpDest()
    aug = debug.SaveDebugImageEveryNBatches(dest, interval=2)
    image = np.random.default_rng(0).integers(0, 256, (16, 12, 3), dtype=np.uint8)
    heat = np.zeros((16, 12, 2), np.float32)
    heat[4:8, 4:8] = 1.0
    seg = np.zeros((8, 6), np.int32)
    seg[2:4, 2:4] = 2
    data = {
        "images": [image, image],
        "heatmaps": [heat, heat],
        "segmentation_maps": [seg, seg],
        "keypoints": [[(3.0, 4.0)], [(5.0, 6.0)]],
        "bounding_boxes": [[(1.0, 2.0, 8.0, 9.0)], []],
        "polygons": [[[(1.0, 1.0), (8.0, 1.0), (8.0, 8.0)]], []],
        "line_strings": [[[(0.0, 0.0), (10.0, 12.0)]], []],
    }
    for _ in range(3):
        out = aug(**{k: list(v) for k, v in data.items()})
        out = dict(zip(data, out))
        for image_out in out["images"]:
            np.testing.assert_array_equal(image_out, image)
        np.testing.assert_array_equal(out["heatmaps"][0], heat)
        np.testing.assert_array_equal(out["segmentation_maps"][1], seg)
        assert out["keypoints"] == [[(3.0, 4.0)], [(5.0, 6.0)]]
        assert out["bounding_boxes"] == data["bounding_boxes"]
        assert out["polygons"] == data["polygons"]
        assert out["line_strings"] == data["line_strings"]
    assert dest.batches == 3 and [b for b, _ in dest.pictures] == [1, 3]
    picture = dest.pictures[0][1]
    # columns: images, 2 heatmap channels, 1 segmap channel, keypoints, boxes, polygons, lines
    assert picture.shape == (TOP + 2 * 18, 8 * 14 + 2, 3)


def test_outputs_are_copies_the_caller_owns():
    image = np.zeros((4, 4, 3), np.uint8)
    out = debug.SaveDebugImageEveryNBatches(_TmpDest(), interval=5)(image=image)
    assert out is not image and not np.shares_memory(out, image)


def test_draw_debug_image_shows_other_dtypes_and_channel_counts():
    images = [np.ones((3, 4), np.float32), np.full((5, 2, 1), 65535, np.uint16),
              np.zeros((2, 2, 4), np.uint8), np.ones((2, 2, 2), bool)]
    grid = draw_debug_image(images)
    assert grid.shape == (TOP + 4 * 7, 6 + 2, 3)
    np.testing.assert_array_equal(grid[TOP:TOP + 3, 2:6], 255)
    np.testing.assert_array_equal(to_rgb_uint8(np.array([[-32768, 32767]], np.int16)),
                                  [[[0, 0, 0], [255, 255, 255]]])


def test_pickled_augmenter_keeps_its_count(tmp_path):
    aug = debug.SaveDebugImageEveryNBatches(tmp_path, interval=2)
    aug(image=np.zeros((4, 4, 3), np.uint8))
    copy = pickle.loads(pickle.dumps(aug))
    copy(image=np.zeros((4, 4, 3), np.uint8))
    copy(image=np.zeros((4, 4, 3), np.uint8))
    assert sorted(os.listdir(tmp_path)) == ["batch_000000.png", "batch_000002.png",
                                            "batch_latest.png"]


def test_bad_arguments_name_themselves(tmp_path):
    with pytest.raises(ParameterError, match="interval"):
        debug.SaveDebugImageEveryNBatches(tmp_path, interval=0)
    with pytest.raises(ParameterError, match="destination"):
        debug.SaveDebugImageEveryNBatches(3, interval=1)
    (tmp_path / "file").write_text("x")
    with pytest.raises(ParameterError, match="folder_path"):
        debug.SaveDebugImageEveryNBatches(tmp_path / "file", interval=1)
    with pytest.raises(ParameterError, match="filename_pattern"):
        debug._FolderImageDestination(tmp_path, filename_pattern="{nope}.png")
    with pytest.raises(augkit.InputError, match="bounding_boxes"):
        draw_debug_image([np.zeros((2, 2, 3), np.uint8)], bounding_boxes=[])


def test_inside_a_sequential_it_draws_what_the_previous_step_produced():
    dest = _TmpDest()
    image = np.zeros((6, 8, 3), np.uint8)
    image[:, :2] = 255
    seq = augkit.Sequential([iaa.Fliplr(1.0), debug.SaveDebugImageEveryNBatches(dest, 1)])
    out = seq(image=image)
    np.testing.assert_array_equal(out, image[:, ::-1])
    picture = dest.pictures[0][1]
    np.testing.assert_array_equal(picture[TOP:TOP + 6, 2:10], image[:, ::-1])


def test_an_image_array_is_recorded_and_copied_as_a_list_of_its_rows_is(tmp_path):
    images = np.random.default_rng(0).integers(0, 256, (4, 8, 10, 3), dtype=np.uint8)
    as_array, as_list = tmp_path / "array", tmp_path / "list"
    got = debug.SaveDebugImageEveryNBatches(str(as_array), interval=2)(images=images)
    expected = debug.SaveDebugImageEveryNBatches(str(as_list), interval=2)(images=list(images))
    assert isinstance(got, np.ndarray) and not np.shares_memory(got, images)
    assert np.array_equal(got, np.stack(expected))
    assert sorted(os.listdir(as_array)) == sorted(os.listdir(as_list)) != []
    assert np.array_equal(np.asarray(PIL.Image.open(as_array / "batch_000000.png")),
                          np.asarray(PIL.Image.open(as_list / "batch_000000.png")))
