"""Keypoints as per-point image channels: keypoint images and distance maps (imgaug's forms).

Channel ``i`` of an ``(H, W, N)`` array belongs to keypoint ``i``. The functions here work on
whole arrays at once; :class:`~augkit.augmentables.keypoints.KeypointsOnImage` wraps them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from augkit.errors import InputError, ParameterError, describe


def keypoint_image(xy: np.ndarray, hw: tuple[int, ...], size: int) -> np.ndarray:
    """Return a uint8 ``(H, W, N)`` array: 255 at each rounded point, 128 in the square around.

    The square is ``size x size`` pixels (*size* odd), clipped to the image.
    """
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1 \
            or size % 2 == 0:
        raise ParameterError(f"size: expected an odd int >= 1, got {describe(size)}")
    height, width = hw[:2]
    image = np.zeros((height, width, len(xy)), dtype=np.uint8)
    half = (int(size) - 1) // 2
    centers = np.round(xy).astype(np.int64)
    for channel, (x, y) in enumerate(centers.tolist()):
        x1, x2 = max(x - half, 0), min(x + half + 1, width)
        y1, y2 = max(y - half, 0), min(y + half + 1, height)
        if x1 < x2 and y1 < y2:
            image[y1:y2, x1:x2, channel] = 128
        if 0 <= y < height and 0 <= x < width:
            image[y, x, channel] = 255
    return image


def distance_maps(xy: np.ndarray, hw: tuple[int, ...], inverted: bool) -> np.ndarray:
    """Return the float32 ``(H, W, N)`` Euclidean distance of each pixel index to each point.

    With *inverted*, return ``1 / (distance + 1)`` instead (1.0 at the point).
    """
    height, width = hw[:2]
    dx = np.arange(width, dtype=np.float32)[None, :, None] - xy[:, 0].astype(np.float32)
    dy = np.arange(height, dtype=np.float32)[:, None, None] - xy[:, 1].astype(np.float32)
    dist = np.sqrt(dx * dx + dy * dy, dtype=np.float32)
    if inverted:
        return (1.0 / (dist + 1.0)).astype(np.float32)
    return dist


def _not_found_xy(if_not_found_coords: Any) -> tuple[float, float] | None:
    """Return the ``(x, y)`` used for channels without a point, or None to drop them."""
    if if_not_found_coords is None:
        return None
    if isinstance(if_not_found_coords, dict):
        try:
            return float(if_not_found_coords["x"]), float(if_not_found_coords["y"])
        except (KeyError, TypeError, ValueError):
            pass
    elif isinstance(if_not_found_coords, (tuple, list)) and len(if_not_found_coords) == 2:
        try:
            return float(if_not_found_coords[0]), float(if_not_found_coords[1])
        except (TypeError, ValueError):
            pass
    raise ParameterError(
        "if_not_found_coords: expected None, a pair (x, y) or a dict {'x': ..., 'y': ...}, "
        f"got {describe(if_not_found_coords)}"
    )


def check_channels_array(arr: Any, argname: str) -> np.ndarray:
    """Return *arr* as an ndarray of shape (H, W, N), or raise naming *argname*."""
    arr = np.asarray(arr)
    if arr.ndim != 3 or arr.shape[0] == 0 or arr.shape[1] == 0:
        raise InputError(
            f"{argname}: expected an array of shape (H, W, N) with H, W > 0, got shape "
            f"{arr.shape}"
        )
    return arr


def points_from_channels(
    arr: np.ndarray, use_max: bool, found: Callable[[np.ndarray], np.ndarray] | None,
    offset: float,
    if_not_found_coords: Any,
) -> tuple[np.ndarray, list[int]]:
    """Locate one point per channel of an ``(H, W, N)`` array.

    The point is the first pixel (row-major) holding the channel's maximum (*use_max*) or
    minimum, plus *offset*. Where *found* is False the channel gives *if_not_found_coords*
    (or nothing, when that is None). Returns the ``(K, 2)`` float32 points and the indices
    of the channels they came from.
    """
    height, width, nb_channels = arr.shape
    flat = arr.reshape(height * width, nb_channels)
    index = flat.argmax(axis=0) if use_max else flat.argmin(axis=0)
    xy = np.stack([index % width, index // width], axis=1).astype(np.float32) + offset
    hit = np.ones(nb_channels, dtype=bool) if found is None else found(
        flat[index, np.arange(nb_channels)])
    fallback = _not_found_xy(if_not_found_coords)
    if fallback is None:
        kept = np.flatnonzero(hit)
        return xy[kept], kept.tolist()
    xy[~hit] = fallback
    return xy, list(range(nb_channels))
