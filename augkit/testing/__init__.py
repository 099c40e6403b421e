"""Tools for testing augmenters: the conformance kit and hypothesis strategies.

Plugin authors call :func:`check_augmenter` on each of their augmenter classes; it
holds them to the same contract as augkit's own.

Examples
--------
>>> from augkit.testing import check_augmenter
>>> from augkit import Identity
>>> check_augmenter(Identity, max_examples=2)
"""

from augkit.testing.conformance import CHECKS, check_augmenter
from augkit.testing.strategies import (
    boxes_on,
    heatmaps_on,
    images,
    keypoints_on,
    line_strings_on,
    polygons_on,
    segmentation_maps_on,
    xy_points,
)

__all__ = [
    "CHECKS",
    "boxes_on",
    "check_augmenter",
    "heatmaps_on",
    "images",
    "keypoints_on",
    "line_strings_on",
    "polygons_on",
    "segmentation_maps_on",
    "xy_points",
]
