"""Drawing a batch: every image with every kind of annotation on it, as one grid.

imgaug's ``imgaug.augmenters.debug.draw_debug_image``, with its signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import cv2
import numpy as np

from augkit import InputError
from augkit.extend import describe, value_range

#: Grid background and cell borders (imgaug's pink).
BACKGROUND = (255, 192, 203)
#: Height in pixels of the white band above each column that names it.
TITLE_HEIGHT = 14

#: How each coordinate kind is drawn (argument name -> draw_on_image options).
_POINT_STYLES: dict[str, dict[str, Any]] = {
    "keypoints": {"color": (255, 0, 0), "size": 3},
    "bounding_boxes": {"color": (0, 255, 0)},
    "polygons": {"color": (255, 140, 0)},
    "line_strings": {"color": (0, 200, 255)},
}


def to_rgb_uint8(image: np.ndarray, name: str = "image") -> np.ndarray:
    """Return *image* as an ``(H, W, 3)`` uint8 picture.

    Integers are scaled from their dtype's range, floats read as values in [0, 1]
    (clipped), booleans as 0/255; one channel is repeated, two get a third that is
    their mean, and only the first three of more channels are shown.

    Examples
    --------
    >>> to_rgb_uint8(np.array([[0.0, 1.0]])).tolist()
    [[[0, 0, 0], [255, 255, 255]]]
    """
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3):
        raise InputError(f"{name}: expected an (H, W) or (H, W, C) array, got {describe(image)}")
    arr = image if image.ndim == 3 else image[:, :, None]
    if arr.dtype.kind == "b":
        arr = arr.astype(np.uint8) * 255
    elif arr.dtype.kind in "iu" and arr.dtype != np.uint8:
        low, _, high = value_range(arr.dtype)
        arr = ((arr.astype(np.float64) - low) / (high - low) * 255.0).round().astype(np.uint8)
    elif arr.dtype.kind == "f":
        arr = (np.clip(np.nan_to_num(arr.astype(np.float64)), 0.0, 1.0) * 255.0).round()
        arr = arr.astype(np.uint8)
    channels = arr.shape[2]
    if channels == 1:
        return np.repeat(arr, 3, axis=2)
    if channels == 2:
        mean = arr.mean(axis=2, keepdims=True).round().astype(np.uint8)
        return np.concatenate([arr, mean], axis=2)
    return np.ascontiguousarray(arr[:, :, :3])


def _check_items(items: Any, name: str, count: int) -> list:
    items = list(items)
    if len(items) != count:
        raise InputError(f"{name}: expected one item per image ({count}), got {len(items)}")
    return items


def _map_columns(name: str, items: list, images: list[np.ndarray]
                 ) -> list[tuple[str, list[np.ndarray]]]:
    """One column per map channel: each image with that channel drawn over it."""
    drawn = [item.draw_on_image(image) for item, image in zip(items, images)]
    nb_columns = max(len(channels) for channels in drawn)
    return [(f"{name}[{c}]", [channels[c] if c < len(channels) else image
                              for channels, image in zip(drawn, images)])
            for c in range(nb_columns)]


def _title(text: str, width: int) -> np.ndarray:
    """A white ``(TITLE_HEIGHT, width, 3)`` band with *text* in black (clipped)."""
    band = np.full((TITLE_HEIGHT, width, 3), 255, np.uint8)
    cv2.putText(band, text, (1, TITLE_HEIGHT - 4), cv2.FONT_HERSHEY_PLAIN, 0.8, (0, 0, 0), 1,
                cv2.LINE_AA)
    return band


def draw_debug_image(images: Sequence[np.ndarray] | np.ndarray, heatmaps: Any = None,
                     segmentation_maps: Any = None, keypoints: Any = None,
                     bounding_boxes: Any = None, polygons: Any = None,
                     line_strings: Any = None) -> np.ndarray:
    """Draw a batch as a grid: one row per image, one column per kind of data.

    The first column shows the images; heatmaps and segmentation maps get one column
    per map channel (drawn over the image), each coordinate kind one column (drawn on
    the image). A white band of :data:`TITLE_HEIGHT` pixels above each column names
    it (``images``, ``heatmaps[0]``, ``keypoints``...). Cells are as large as the
    largest image; smaller images sit at their cell's top left on the pink
    background, and every cell has a 1-pixel pink border.

    Parameters
    ----------
    images : ndarray of shape (N, H, W[, C]) or list of ndarray
        The batch's images (any dtype; see :func:`to_rgb_uint8`).
    heatmaps, segmentation_maps : list of augkit.HeatmapsOnImage or \
augkit.SegmentationMapsOnImage, optional
        One per image.
    keypoints, bounding_boxes, polygons, line_strings : list of augkit.KeypointsOnImage, \
augkit.BoundingBoxesOnImage, augkit.PolygonsOnImage or augkit.LineStringsOnImage, optional
        One per image.

    Returns
    -------
    ndarray of shape (TITLE_HEIGHT + 2 + N * (H + 2) + 2, K * (W + 2) + 2, 3), uint8
        The picture, for ``K`` columns and the largest image ``H x W``.

    Examples
    --------
    >>> import numpy as np, augkit
    >>> image = np.zeros((10, 12, 3), np.uint8)
    >>> boxes = augkit.BoundingBoxesOnImage([augkit.BoundingBox(2, 2, 8, 6)], shape=image.shape)
    >>> draw_debug_image([image, image], bounding_boxes=[boxes, boxes]).shape
    (42, 30, 3)
    """
    pictures = [to_rgb_uint8(image, f"images[{i}]") for i, image in enumerate(images)]
    if not pictures:
        raise InputError("images: expected at least one image, got none")
    columns = [("images", pictures)]
    for name, items in (("heatmaps", heatmaps), ("segmaps", segmentation_maps)):
        if items is not None:
            argument = "heatmaps" if name == "heatmaps" else "segmentation_maps"
            columns += _map_columns(name, _check_items(items, argument, len(pictures)),
                                    pictures)
    for name, items in (("keypoints", keypoints), ("bounding_boxes", bounding_boxes),
                        ("polygons", polygons), ("line_strings", line_strings)):
        if items is not None:
            items = _check_items(items, name, len(pictures))
            columns.append((name.replace("_", " "),
                            [item.draw_on_image(image, **_POINT_STYLES[name])
                             for item, image in zip(items, pictures)]))
    cell_h = max(p.shape[0] for p in pictures) + 2
    cell_w = max(p.shape[1] for p in pictures) + 2
    first_row = 2 + TITLE_HEIGHT + 2
    grid = np.empty((first_row + len(pictures) * cell_h, len(columns) * cell_w + 2, 3),
                    np.uint8)
    grid[...] = BACKGROUND
    for col, (title, cells) in enumerate(columns):
        left = 2 + col * cell_w
        grid[2:2 + TITLE_HEIGHT, left:left + cell_w - 2] = _title(title, cell_w - 2)
        for row, cell in enumerate(cells):
            top = first_row + row * cell_h
            grid[top:top + cell.shape[0], left:left + cell.shape[1]] = cell
    return grid


__all__ = ["BACKGROUND", "TITLE_HEIGHT", "draw_debug_image", "to_rgb_uint8"]
