"""The data augkit augments, and the kinds through which augmenters see them.

Data classes: :class:`Keypoint` / :class:`KeypointsOnImage`, :class:`BoundingBox` /
:class:`BoundingBoxesOnImage`, :class:`Polygon` / :class:`PolygonsOnImage`,
:class:`LineString` / :class:`LineStringsOnImage`, :class:`MultiPolygon`,
:class:`HeatmapsOnImage` and :class:`SegmentationMapsOnImage` (deprecated alias
:class:`SegmentationMapOnImage`). Images are plain numpy arrays.

imgaug's helper modules: :mod:`augkit.augmentables.normalization` and
:mod:`augkit.augmentables.utils`.

Kinds (see :mod:`augkit.augmentables.kind` for the protocol and
:mod:`augkit.augmentables.kinds` for the accepted input forms): :data:`BUILTIN_KINDS`.
"""

from augkit.augmentables.bbs import BOX_FORMATS, BoundingBox, BoundingBoxesOnImage
from augkit.augmentables.heatmaps import HeatmapsOnImage
from augkit.augmentables.keypoints import Keypoint, KeypointsOnImage
from augkit.augmentables.kind import Kind, MapKind, PointsKind
from augkit.augmentables.kinds import (
    BUILTIN_KINDS,
    BoundingBoxesKind,
    HeatmapsKind,
    ImagesKind,
    KeypointsKind,
    LineStringsKind,
    PolygonsKind,
    SegmentationMapsKind,
)
from augkit.augmentables.lines import LineString, LineStringsOnImage
from augkit.augmentables.polys import MultiPolygon, Polygon, PolygonsOnImage
from augkit.augmentables.segmaps import SegmentationMapOnImage, SegmentationMapsOnImage

__all__ = [
    "BOX_FORMATS",
    "BUILTIN_KINDS",
    "BoundingBox",
    "BoundingBoxesKind",
    "BoundingBoxesOnImage",
    "HeatmapsKind",
    "HeatmapsOnImage",
    "ImagesKind",
    "Keypoint",
    "KeypointsKind",
    "KeypointsOnImage",
    "Kind",
    "LineString",
    "LineStringsKind",
    "LineStringsOnImage",
    "MapKind",
    "MultiPolygon",
    "PointsKind",
    "Polygon",
    "PolygonsKind",
    "PolygonsOnImage",
    "SegmentationMapOnImage",
    "SegmentationMapsKind",
    "SegmentationMapsOnImage",
]
