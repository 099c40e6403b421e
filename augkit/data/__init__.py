"""Bundled sample data: a small public-domain photo with every kind of annotation.

Examples
--------
>>> from augkit.data import sample
>>> s = sample()
>>> s.image.shape, len(s.keypoints), len(s.bounding_boxes)
((256, 256, 3), 4, 3)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Sample:
    """An image with keypoints, boxes, polygons, a line string, a heatmap and a segmap."""

    image: np.ndarray
    keypoints: Any
    bounding_boxes: Any
    polygons: Any
    line_strings: Any
    heatmaps: Any
    segmentation_maps: Any
    class_names: tuple[str, ...]

    def as_kwargs(self) -> dict[str, Any]:
        """Return the data as keywords for ``aug(**sample.as_kwargs())``."""
        return {
            "image": self.image,
            "heatmaps": self.heatmaps,
            "segmentation_maps": self.segmentation_maps,
            "keypoints": self.keypoints,
            "bounding_boxes": self.bounding_boxes,
            "polygons": self.polygons,
            "line_strings": self.line_strings,
        }


@lru_cache(maxsize=1)
def _load() -> tuple[np.ndarray, dict]:
    import imageio.v3 as iio

    folder = resources.files(__name__)
    image = iio.imread(folder.joinpath("astronaut.jpg").read_bytes(), extension=".jpg")
    meta = json.loads(folder.joinpath("astronaut.json").read_text())
    image.setflags(write=False)
    return image, meta


def sample() -> Sample:
    """Return the bundled 256x256 astronaut photo and its annotations (fresh copies).

    The heatmap is a Gaussian around the face; the segmentation map rasterises the
    suit, helmet and shuttle polygons (classes 1, 2, 3; background 0).
    """
    import cv2

    from augkit.augmentables import (
        BoundingBox,
        BoundingBoxesOnImage,
        HeatmapsOnImage,
        Keypoint,
        KeypointsOnImage,
        LineString,
        LineStringsOnImage,
        Polygon,
        PolygonsOnImage,
        SegmentationMapsOnImage,
    )

    image, meta = _load()
    image = image.copy()
    shape = image.shape
    kps = KeypointsOnImage([Keypoint(k["x"], k["y"], label=k["label"])
                            for k in meta["keypoints"]], shape=shape)
    bbs = BoundingBoxesOnImage([BoundingBox(b["x1"], b["y1"], b["x2"], b["y2"], label=b["label"])
                                for b in meta["bounding_boxes"]], shape=shape)
    polys = PolygonsOnImage([Polygon(np.array(p["exterior"], dtype=np.float32), label=p["label"])
                             for p in meta["polygons"]], shape=shape)
    lines = LineStringsOnImage([LineString(np.array(ls["coords"], dtype=np.float32),
                                           label=ls["label"])
                                for ls in meta["line_strings"]], shape=shape)
    height, width = shape[:2]
    cx, cy = meta["heatmap"]["center"]
    sigma = meta["heatmap"]["sigma"]
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32) + 0.5
    heat = np.exp(-((xs - cx) ** 2 + (ys - cy) ** 2) / (2 * sigma**2)).astype(np.float32)
    classes = tuple(meta["segmentation_classes"])
    ids = np.zeros((height, width), dtype=np.int32)
    for poly in meta["polygons"]:
        points = np.round(np.array(poly["exterior"], dtype=np.float32)).astype(np.int32)
        cv2.fillPoly(ids, [points], int(classes.index(poly["label"])))
    return Sample(
        image=image,
        keypoints=kps,
        bounding_boxes=bbs,
        polygons=polys,
        line_strings=lines,
        heatmaps=HeatmapsOnImage(heat, shape=shape),
        segmentation_maps=SegmentationMapsOnImage(ids, shape=shape),
        class_names=classes,
    )
