"""imgaug's sample-data functions (``ia.quokka()`` and friends) on augkit's sample.

imgaug returns a 643x960 photo of a quokka. augkit ships no quokka: these functions
return augkit's bundled sample instead, **the 256x256 astronaut photo** of
:func:`augkit.data.sample`, with annotations that fit it (face/shuttle/patch boxes,
eye/nose/mouth keypoints, suit/helmet/shuttle polygons, a heatmap around the face and
a segmentation map of its polygons). The call shapes are imgaug's: ``size=`` resizes
and ``extract=`` cuts a region first.

Examples
--------
>>> quokka(size=(64, 32)).shape
(64, 32, 3)
>>> quokka_keypoints(size=0.5).shape
(128, 128, 3)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit.augmentables import (
    BoundingBox,
    BoundingBoxesOnImage,
    HeatmapsOnImage,
    KeypointsOnImage,
    PolygonsOnImage,
    SegmentationMapsOnImage,
)
from augkit.data import sample
from augkit.errors import ParameterError, ParameterTypeError, describe
from augkit.imgaug_helpers.checks import is_single_float, is_single_integer, is_single_number
from augkit.imgutils import imresize_single_image

Shape = tuple[int, ...]


def _sample_shape() -> Shape:
    return tuple(sample().image.shape)


def _normalize_extract(extract: Any) -> BoundingBox:
    """The region *extract* names, as a BoundingBox on the sample image."""
    if isinstance(extract, str) and extract == "square":
        side = min(_sample_shape()[:2])
        return BoundingBox(x1=0, y1=0, x2=side, y2=side)
    if isinstance(extract, tuple) and len(extract) == 4:
        return BoundingBox(x1=extract[0], y1=extract[1], x2=extract[2], y2=extract[3])
    if isinstance(extract, BoundingBox):
        return extract
    if isinstance(extract, BoundingBoxesOnImage):
        if len(extract.bounding_boxes) != 1:
            raise ParameterError(
                "extract: a BoundingBoxesOnImage must hold exactly one box, got "
                f"{len(extract.bounding_boxes)}")
        if tuple(extract.shape[:2]) != _sample_shape()[:2]:
            raise ParameterError(
                f"extract: a BoundingBoxesOnImage must be on the sample's shape "
                f"{_sample_shape()[:2]}, got {tuple(extract.shape)}")
        return extract.bounding_boxes[0]
    raise ParameterTypeError(
        "extract: expected None, 'square', a tuple (x1, y1, x2, y2), a BoundingBox or a "
        f"BoundingBoxesOnImage, got {describe(extract)}")


def _compute_resized_shape(from_shape: Any, to_shape: Any) -> Shape:
    """imgaug's resize target: None, an int or float for both sides, a shape/array,
    or a tuple ``(H, W[, C])`` of ints (pixels), floats (factors) or None (keep)."""
    if isinstance(from_shape, np.ndarray):
        from_shape = from_shape.shape
    if isinstance(to_shape, np.ndarray):
        to_shape = to_shape.shape
    result = list(from_shape)
    if to_shape is None:
        return tuple(result)
    if is_single_number(to_shape):
        return _compute_resized_shape(from_shape, (to_shape, to_shape))
    if not isinstance(to_shape, tuple) or len(to_shape) not in (2, 3) or not all(
            v is None or is_single_number(v) for v in to_shape[:2]):
        raise ParameterTypeError(
            "size: expected None, an int, a float, or a tuple (H, W) of ints, floats or "
            f"None, got {describe(to_shape)}")
    if len(to_shape) == 3:
        if len(from_shape) == 3 and from_shape[2] != to_shape[2]:
            raise ParameterError(
                f"size: channel count {to_shape[2]} differs from the image's {from_shape[2]}")
        result = result[:2] + [to_shape[2]]
    for i in range(2):
        value = to_shape[i]
        if is_single_integer(value):
            result[i] = int(value)
        elif is_single_float(value):
            result[i] = int(np.round(from_shape[i] * value))
    return tuple(result)


def _region(extract: Any) -> tuple[float, float, Shape]:
    """Left, top and image shape of the extracted region (the whole sample for None)."""
    if extract is None:
        return 0.0, 0.0, _sample_shape()
    box = _normalize_extract(extract)
    return box.x1, box.y1, (int(round(box.height)), int(round(box.width)), 3)


def _cut_and_resize(arr: np.ndarray, size: Any, extract: Any, interpolation: str) -> np.ndarray:
    if extract is not None:
        arr = _normalize_extract(extract).extract_from_image(arr)
    if size is not None:
        height, width = _compute_resized_shape(arr.shape, size)[:2]
        arr = imresize_single_image(arr, (height, width), interpolation=interpolation)
    return arr


def quokka(size: Any = None, extract: Any = None) -> np.ndarray:
    """Return augkit's sample photo (not a quokka: the 256x256 astronaut) as uint8 RGB.

    Parameters
    ----------
    size : None or int or float or tuple
        Output size: an int or ``(H, W)`` of ints in pixels, a float or ``(H, W)`` of
        floats as factors of the (extracted) image's size; None keeps it.
    extract : None or 'square' or tuple of 4 numbers or BoundingBox or BoundingBoxesOnImage
        A region ``x1, y1, x2, y2`` to cut out first. ``'square'`` is the largest
        square at the top left; a BoundingBoxesOnImage must hold exactly one box and
        be on the sample's shape.

    Returns
    -------
    ndarray of shape (H, W, 3), dtype uint8

    Examples
    --------
    >>> quokka().shape, quokka(extract=(10, 20, 50, 40)).shape
    ((256, 256, 3), (20, 40, 3))
    """
    return _cut_and_resize(sample().image, size, extract, "cubic")


def quokka_square(size: Any = None) -> np.ndarray:
    """Return :func:`quokka` with ``extract='square'``.

    Examples
    --------
    >>> quokka_square(size=(32, 32)).shape
    (32, 32, 3)
    """
    return quokka(size=size, extract="square")


def quokka_heatmap(size: Any = None, extract: Any = None) -> HeatmapsOnImage:
    """Return the sample's heatmap (a Gaussian around the face; imgaug's was depth).

    *size* and *extract* as in :func:`quokka`; values are float32 in ``[0, 1]``.

    Examples
    --------
    >>> heatmap = quokka_heatmap(size=(64, 64))
    >>> heatmap.get_arr().shape[:2], heatmap.shape
    ((64, 64), (64, 64, 3))
    """
    arr = np.atleast_3d(sample().heatmaps.get_arr()).astype(np.float32)
    arr = np.clip(_cut_and_resize(arr, size, extract, "cubic"), 0.0, 1.0)
    return HeatmapsOnImage(arr, shape=arr.shape[:2] + (3,))


def quokka_segmentation_map(size: Any = None, extract: Any = None) -> SegmentationMapsOnImage:
    """Return the sample's segmentation map: 0 background, 1 suit, 2 helmet, 3 shuttle.

    *size* and *extract* as in :func:`quokka` (resized with nearest neighbour).

    Examples
    --------
    >>> segmap = quokka_segmentation_map(extract="square")
    >>> sorted(np.unique(segmap.get_arr()).tolist()), segmap.shape
    ([0, 1, 2, 3], (256, 256, 3))
    """
    arr = np.atleast_3d(sample().segmentation_maps.get_arr()).astype(np.int32)
    arr = _cut_and_resize(arr, size, extract, "nearest")
    return SegmentationMapsOnImage(arr, shape=arr.shape[:2] + (3,))


def _place(items_on_image: Any, size: Any, extract: Any, build: Any) -> Any:
    left, top, shape = _region(extract)
    moved = items_on_image.shift(x=-left, y=-top)
    placed = build(moved, shape)
    if size is not None:
        placed = placed.on(_compute_resized_shape(shape, size))
    return placed


def quokka_keypoints(size: Any = None, extract: Any = None) -> KeypointsOnImage:
    """Return the sample's keypoints (left eye, right eye, nose, mouth).

    *size* and *extract* as in :func:`quokka`: the points move with the extracted
    region and scale with the resize.

    Examples
    --------
    >>> kps = quokka_keypoints(extract=(100, 40, 200, 140))
    >>> (kps.keypoints[0].x, kps.keypoints[0].y), kps.shape
    ((1.0, 1.0), (100, 100, 3))
    """
    return _place(sample().keypoints, size, extract,
                  lambda kps, shape: KeypointsOnImage(kps.keypoints, shape=shape))


def quokka_bounding_boxes(size: Any = None, extract: Any = None) -> BoundingBoxesOnImage:
    """Return the sample's bounding boxes (face, shuttle, patch).

    *size* and *extract* as in :func:`quokka`.

    Examples
    --------
    >>> bbs = quokka_bounding_boxes(size=0.5)
    >>> [bbs.bounding_boxes[0].x1, bbs.bounding_boxes[0].y2], bbs.shape
    ([44.5, 40.0], (128, 128, 3))
    """
    return _place(sample().bounding_boxes, size, extract,
                  lambda bbs, shape: BoundingBoxesOnImage(bbs.bounding_boxes, shape=shape))


def quokka_polygons(size: Any = None, extract: Any = None) -> PolygonsOnImage:
    """Return the sample's polygons (helmet, suit, shuttle).

    *size* and *extract* as in :func:`quokka`.

    Examples
    --------
    >>> polys = quokka_polygons()
    >>> [p.label for p in polys.polygons], polys.shape
    (['helmet', 'suit', 'shuttle'], (256, 256, 3))
    """
    return _place(sample().polygons, size, extract,
                  lambda polys, shape: PolygonsOnImage(polys.polygons, shape=shape))
