"""AssertShape with imgaug's four-entry (N, H, W, C) spec, for every kind (issue 13)."""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit import (
    BoundingBoxesOnImage,
    HeatmapsOnImage,
    KeypointsOnImage,
    LineString,
    LineStringsOnImage,
    Polygon,
    PolygonsOnImage,
    SegmentationMapsOnImage,
)
from augkit.errors import ParameterTypeError
from augkit.meta import AssertionFailedError

IMAGES = np.zeros((2, 32, 48, 3), np.uint8)


def test_images_pass_when_every_axis_matches():
    out = augkit.AssertShape((2, 32, 48, 3))(images=IMAGES)
    assert np.array_equal(out, IMAGES)


@pytest.mark.parametrize(("spec", "message"), [
    ((3, None, None, None), r"images has N=2, expected 3"),
    ((None, 31, None, None), r"images\[0\] \(shape \(32, 48, 3\)\) has H=32, expected 31"),
    ((None, None, (10, 48), None), r"W=48, expected a value in \[10, 48\)"),
    ((None, None, None, [1, 4]), r"C=3, expected one of \[1, 4\]"),
])
def test_each_axis_is_checked(spec, message):
    with pytest.raises(AssertionFailedError, match=message):
        augkit.AssertShape(spec)(images=IMAGES)


@pytest.mark.parametrize("spec", [
    (None, None, None, None), ([1, 2], (32, 33), [48], 3), ((2, 3), 32, (48, 49), (1, 4)),
])
def test_ranges_lists_and_none_accept(spec):
    augkit.AssertShape(spec)(images=IMAGES)


def test_one_image_has_n_of_one_and_grayscale_has_one_channel():
    augkit.AssertShape((1, 5, 6, 1))(image=np.zeros((5, 6), np.uint8))
    with pytest.raises(AssertionFailedError, match="N=1"):
        augkit.AssertShape((2, None, None, None))(image=np.zeros((5, 6), np.uint8))


def test_heatmaps_and_segmaps_check_their_array_height_and_width_not_channels():
    heatmaps = HeatmapsOnImage(np.zeros((8, 12, 2), np.float32), shape=(32, 48, 3))
    segmaps = SegmentationMapsOnImage(np.zeros((8, 12), np.int32), shape=(32, 48, 3))
    augkit.AssertShape((1, 8, 12, 99))(heatmaps=heatmaps)
    augkit.AssertShape((1, 8, 12, 99))(segmentation_maps=segmaps)
    with pytest.raises(AssertionFailedError, match=r"heatmaps\[0\].*H=8, expected 32"):
        augkit.AssertShape((1, 32, 48, 3))(heatmaps=heatmaps)
    with pytest.raises(AssertionFailedError, match=r"segmentation_maps\[0\].*W=12"):
        augkit.AssertShape((1, 8, 13, None))(segmentation_maps=segmaps)


COORDINATES = {
    "keypoints": KeypointsOnImage.from_xy_array(np.array([[1.0, 2.0]]), shape=(32, 48, 3)),
    "bounding_boxes": BoundingBoxesOnImage.from_xyxy_array(np.array([[1.0, 2, 5, 6]]),
                                                           shape=(32, 48, 3)),
    "polygons": PolygonsOnImage([Polygon([(0, 0), (4, 0), (0, 4)])], shape=(32, 48, 3)),
    "line_strings": LineStringsOnImage([LineString([(0, 0), (4, 4)])], shape=(32, 48, 3)),
}


@pytest.mark.parametrize("kind", list(COORDINATES))
def test_coordinate_kinds_check_count_and_image_height_width(kind):
    item = COORDINATES[kind]
    augkit.AssertShape((2, 32, 48, 7))(**{kind: [item, item]})
    with pytest.raises(AssertionFailedError, match=f"{kind} has N=2, expected 1"):
        augkit.AssertShape((1, None, None, None))(**{kind: [item, item]})
    with pytest.raises(AssertionFailedError, match=rf"{kind}\[0\].*W=48, expected 40"):
        augkit.AssertShape((None, 32, 40, None))(**{kind: item})


@pytest.mark.parametrize("flag", ["check_images", "check_heatmaps", "check_segmentation_maps",
                                  "check_keypoints", "check_bounding_boxes", "check_polygons",
                                  "check_line_strings"])
def test_a_kind_whose_check_is_off_is_not_checked(flag):
    kind = flag.removeprefix("check_")
    data = {"images": IMAGES[:1],
            "heatmaps": HeatmapsOnImage(np.zeros((8, 12), np.float32), shape=(32, 48, 3)),
            "segmentation_maps": SegmentationMapsOnImage(np.zeros((8, 12), np.int32),
                                                         shape=(32, 48, 3)),
            **COORDINATES}[kind]
    augkit.AssertShape((1, 999, None, None), **{flag: False})(**{kind: data})
    with pytest.raises(AssertionFailedError):
        augkit.AssertShape((1, 999, None, None))(**{kind: data})


def test_in_a_sequential_before_an_augmenter():
    seq = augkit.Sequential([augkit.AssertShape((None, 32, 48, 3)), augkit.get("Fliplr", p=1.0)])
    assert seq(images=IMAGES).shape == IMAGES.shape
    with pytest.raises(AssertionFailedError):
        seq(images=np.zeros((1, 16, 48, 3), np.uint8))


def test_per_image_forms_still_work():
    augkit.AssertShape((32, 48))(images=IMAGES)
    augkit.AssertShape((32, (40, 50), [3]))(images=IMAGES)
    with pytest.raises(AssertionFailedError, match="C=3"):
        augkit.AssertShape((None, None, 1))(images=IMAGES)


@pytest.mark.parametrize(("spec", "match"), [
    ((None,), r"shape: expected a tuple \(N, H, W, C\)"),
    ((1, 2, 3, 4, 5), "shape: expected a tuple"),
    ([None, None, None, None], "shape: expected a tuple"),
    ((None, 1.5, None, None), r"shape\[1\]: expected None, an int"),
    ((None, None, (1, 2, 3), None), r"shape\[2\]"),
    ((None, None, None, ["a"]), r"shape\[3\]"),
])
def test_bad_specs_name_the_entry(spec, match):
    with pytest.raises(ParameterTypeError, match=match):
        augkit.AssertShape(spec)
