"""Segments: replacing labelled regions by their mean colour, Voronoi labelling, and
the shrinking that keeps segmentation fast on large images."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from augkit.extend import resize_to, saturate


def _segment_means(image: np.ndarray, segments: np.ndarray, nb_segments: int) -> np.ndarray:
    """Return the mean colour of each segment id ``0..nb_segments-1``: shape (S, C), float64."""
    flat = segments.ravel()
    counts = np.bincount(flat, minlength=nb_segments).astype(np.float64)
    counts[counts == 0] = 1.0
    nb_channels = image.shape[2]
    pixels = image.reshape(-1, nb_channels)
    means = np.empty((nb_segments, nb_channels), dtype=np.float64)
    for c in range(nb_channels):
        means[:, c] = np.bincount(flat, weights=pixels[:, c], minlength=nb_segments)
    means /= counts[:, None]
    return means


def replace_segments(image: np.ndarray, segments: np.ndarray,
                     replace: np.ndarray) -> np.ndarray:
    """Replace every segment whose flag is set by its mean colour.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype; integer means are rounded and saturated.
    segments : ndarray of shape (H, W), dtype int
        Segment ids ``>= 0``.
    replace : ndarray of shape (S,), dtype bool
        Segment ``i`` uses flag ``replace[i % S]`` (SLIC may return more segments
        than requested).

    Returns
    -------
    ndarray of shape (H, W, C)
        Of *image*'s dtype.

    Examples
    --------
    >>> img = np.array([[[0], [3]], [[10], [20]]], dtype=np.uint8)
    >>> replace_segments(img, np.array([[0, 0], [1, 1]]), np.array([True, False]))[:, :, 0].tolist()
    [[2, 2], [10, 20]]
    """
    nb_segments = int(segments.max()) + 1
    flags = np.resize(np.asarray(replace, dtype=bool), nb_segments)
    if not flags.any():
        return image.copy()
    means = saturate(_segment_means(image, segments, nb_segments), image.dtype)
    replaced = flags[segments]
    out = image.copy()
    out[replaced] = means[segments[replaced]]
    return out


def shrunk_shape(shape: Sequence[int], max_size: int | None) -> tuple[int, int]:
    """The ``(height, width)`` :func:`shrink_to_max_size` gives an image of *shape*.

    Parameters
    ----------
    shape : sequence of int
        ``(H, W, ...)``.
    max_size : int or None
        Largest side allowed (None: no limit).

    Returns
    -------
    tuple of (int, int)
        Both sides scaled by ``max_size / max(H, W)`` and rounded down (at least 1),
        as imgaug does, or ``(H, W)`` when the image is small enough.

    Examples
    --------
    >>> shrunk_shape((300, 200, 3), 128), shrunk_shape((64, 32), 128)
    ((128, 85), (64, 32))
    """
    height, width = int(shape[0]), int(shape[1])
    if max_size is None or max(height, width) <= max_size:
        return height, width
    scale = max_size / max(height, width)
    return max(int(height * scale), 1), max(int(width * scale), 1)


def shrink_to_max_size(image: np.ndarray, max_size: int | None, flag: int) -> np.ndarray:
    """Downscale *image* so that its longer side is at most *max_size*.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any dtype :func:`augkit.extend.resize_to` takes.
    max_size : int or None
        Largest side allowed (None: no limit).
    flag : int
        The OpenCV interpolation (``cv2.INTER_*``).

    Returns
    -------
    ndarray
        *image* itself when small enough, else a new array of the shape
        :func:`shrunk_shape` gives.

    Examples
    --------
    >>> import cv2
    >>> shrink_to_max_size(np.zeros((300, 200, 3), np.uint8), 128, cv2.INTER_AREA).shape
    (128, 85, 3)
    """
    size = shrunk_shape(image.shape, max_size)
    if size == image.shape[:2]:
        return image
    return resize_to(image, size, flag)


def voronoi_segments(shape: tuple[int, int], points: np.ndarray) -> np.ndarray:
    """Label every pixel of an ``(H, W)`` grid with the index of its nearest point.

    Parameters
    ----------
    shape : tuple of (int, int)
        ``(H, W)``.
    points : ndarray of shape (N, 2)
        ``(x, y)`` in continuous coordinates (pixel centres at ``+0.5``).

    Returns
    -------
    ndarray of shape (H, W), dtype intp
        Indices into *points*.

    Examples
    --------
    >>> voronoi_segments((1, 4), np.array([[0.0, 0.0], [4.0, 0.0]])).tolist()
    [[0, 0, 1, 1]]
    """
    from scipy.spatial import cKDTree

    height, width = shape
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32) + np.float32(0.5)
    tree = cKDTree(np.asarray(points, dtype=np.float64))
    _dist, index = tree.query(np.stack([xs.ravel(), ys.ravel()], axis=1), k=1)
    return index.reshape(height, width).astype(np.intp)
