"""Hypothesis strategies for augkit data: images, and annotations placed on them.

Examples
--------
>>> from hypothesis import given
>>> @given(image=images(dtypes=("uint8",)))
... def test_shape_kept(image):
...     assert image.ndim == 3
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from hypothesis import strategies as st

#: dtypes the conformance kit tries when an augmenter supports them.
CHECKED_DTYPES = ("uint8", "float32", "uint16", "int16", "float64", "bool")


def _fill(draw, shape: tuple[int, ...], dtype: str) -> np.ndarray:
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.random(shape) > 0.5
    if dt.kind == "f":
        return rng.random(shape).astype(dt)
    info = np.iinfo(dt)
    low, high = max(info.min, -1000), min(info.max, 1000) if dt.itemsize > 1 else info.max
    return rng.integers(low, high, size=shape, endpoint=True).astype(dt)


@st.composite
def images(
    draw,
    *,
    dtypes: Sequence[str] = ("uint8",),
    min_side: int = 1,
    max_side: int = 48,
    channels: Sequence[int] = (1, 3, 4),
) -> np.ndarray:
    """Draw an ``(H, W, C)`` image of one of *dtypes* with random content.

    Float images hold values in ``[0, 1]``; integer images span their dtype (bounded
    to +-1000 for wide types).
    """
    height = draw(st.integers(min_side, max_side))
    width = draw(st.integers(min_side, max_side))
    nb_channels = draw(st.sampled_from(list(channels)))
    dtype = draw(st.sampled_from(list(dtypes)))
    return _fill(draw, (height, width, nb_channels), dtype)


@st.composite
def xy_points(draw, shape: tuple[int, ...], *, min_size: int = 0, max_size: int = 10,
              margin: float = 0.0) -> np.ndarray:
    """Draw an ``(N, 2)`` float32 array of points within *shape* (shrunk by *margin*)."""
    count = draw(st.integers(min_size, max_size))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    height, width = shape[:2]
    xs = rng.uniform(margin, max(margin, width - margin), count)
    ys = rng.uniform(margin, max(margin, height - margin), count)
    return np.stack([xs, ys], axis=1).astype(np.float32)


@st.composite
def keypoints_on(draw, shape: tuple[int, ...], **kwargs):
    """Draw a ``KeypointsOnImage`` on an image of *shape*."""
    from augkit.augmentables import KeypointsOnImage

    return KeypointsOnImage.from_xy_array(draw(xy_points(shape, **kwargs)), shape=shape)


@st.composite
def boxes_on(draw, shape: tuple[int, ...], *, max_size: int = 5):
    """Draw a ``BoundingBoxesOnImage`` on an image of *shape*."""
    from augkit.augmentables import BoundingBoxesOnImage

    a = draw(xy_points(shape, max_size=max_size))
    b = draw(xy_points(shape, min_size=len(a), max_size=len(a)))
    xyxy = np.concatenate([np.minimum(a, b), np.maximum(a, b)], axis=1)
    return BoundingBoxesOnImage.from_xyxy_array(xyxy, shape=shape)


@st.composite
def polygons_on(draw, shape: tuple[int, ...], *, max_size: int = 3):
    """Draw a ``PolygonsOnImage`` of convex polygons (valid) on an image of *shape*."""
    from augkit.augmentables import Polygon, PolygonsOnImage

    count = draw(st.integers(0, max_size))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    height, width = shape[:2]
    polys = []
    for _ in range(count):
        nb_points = int(rng.integers(3, 8))
        angles = np.sort(rng.uniform(0, 2 * np.pi, nb_points))
        radius = rng.uniform(1, max(1.5, min(height, width) / 3))
        cx, cy = rng.uniform(0, width), rng.uniform(0, height)
        exterior = np.stack([cx + radius * np.cos(angles), cy + radius * np.sin(angles)], 1)
        if len(np.unique(np.round(exterior, 3), axis=0)) >= 3:
            polys.append(Polygon(exterior.astype(np.float32)))
    return PolygonsOnImage(polys, shape=shape)


@st.composite
def line_strings_on(draw, shape: tuple[int, ...], *, max_size: int = 3):
    """Draw a ``LineStringsOnImage`` on an image of *shape*."""
    from augkit.augmentables import LineString, LineStringsOnImage

    count = draw(st.integers(0, max_size))
    lines = [LineString(draw(xy_points(shape, min_size=2, max_size=6))) for _ in range(count)]
    return LineStringsOnImage(lines, shape=shape)


@st.composite
def heatmaps_on(draw, shape: tuple[int, ...], *, smaller: bool = True):
    """Draw a ``HeatmapsOnImage`` on *shape*, possibly of a smaller resolution."""
    from augkit.augmentables import HeatmapsOnImage

    height, width = shape[:2]
    if smaller:
        height = draw(st.integers(max(1, height // 2), height))
        width = draw(st.integers(max(1, width // 2), width))
    arr = _fill(draw, (height, width, draw(st.integers(1, 3))), "float32")
    return HeatmapsOnImage(arr, shape=shape)


@st.composite
def segmentation_maps_on(draw, shape: tuple[int, ...], *, nb_classes: int = 5):
    """Draw a ``SegmentationMapsOnImage`` of the image's resolution on *shape*."""
    from augkit.augmentables import SegmentationMapsOnImage

    seed = draw(st.integers(0, 2**32 - 1))
    arr = np.random.default_rng(seed).integers(0, nb_classes, size=shape[:2]).astype(np.int32)
    return SegmentationMapsOnImage(arr, shape=shape)
