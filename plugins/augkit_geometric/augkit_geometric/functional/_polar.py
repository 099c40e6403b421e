"""The polar view of an image: rows are angles, columns distances to the centre."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from augkit_geometric.functional._warp import remap


def polar_shape(height: int, width: int) -> tuple[int, int]:
    """Return the ``(height, width)`` of the polar view of a ``height x width`` array.

    Width is the largest radius (centre to corner), height that radius times pi
    (OpenCV's ``warpPolar`` default): rows are angles, columns radii.

    Examples
    --------
    >>> polar_shape(30, 40)
    (79, 25)
    """
    radius = math.hypot(height / 2.0, width / 2.0)
    return max(1, round(radius * math.pi)), max(1, round(radius))


def to_polar_points(xy: np.ndarray, shape: tuple[int, int],
                    polar: tuple[int, int]) -> np.ndarray:
    """Map cartesian points of an image to points of its polar view.

    Parameters
    ----------
    xy : array_like of shape (N, 2)
        ``(x, y)`` in augkit coordinates of an image of *shape* ``(H, W)``.
    shape, polar : tuple of (int, int)
        The image's and the polar view's ``(height, width)``.

    Returns
    -------
    ndarray of shape (N, 2), float32
        ``(radius, angle)`` scaled to the polar view's columns and rows.

    Examples
    --------
    >>> polar_shape(6, 8)
    (16, 5)
    >>> to_polar_points(np.array([[8.0, 3.0], [4.0, 6.0]]), (6, 8), (16, 5)).tolist()
    [[4.0, 0.0], [3.0, 4.0]]
    """
    height, width = shape
    ph, pw = polar
    radius = math.hypot(height / 2.0, width / 2.0) or 1.0
    d = np.asarray(xy, dtype=np.float64) - (width / 2.0, height / 2.0)
    rho = np.hypot(d[:, 0], d[:, 1])
    phi = np.mod(np.arctan2(d[:, 1], d[:, 0]), 2 * np.pi)
    return np.stack([rho * (pw / radius), phi * (ph / (2 * np.pi))], axis=1).astype(np.float32)


def from_polar_points(uv: np.ndarray, shape: tuple[int, int],
                      polar: tuple[int, int]) -> np.ndarray:
    """Inverse of :func:`to_polar_points`.

    Parameters
    ----------
    uv : array_like of shape (N, 2)
        Points of the polar view.
    shape, polar : tuple of (int, int)
        The image's and the polar view's ``(height, width)``.

    Returns
    -------
    ndarray of shape (N, 2), float32

    Examples
    --------
    >>> from_polar_points(np.array([[3.0, 4.0]]), (6, 8), (16, 5)).tolist()
    [[4.0, 6.0]]
    """
    height, width = shape
    ph, pw = polar
    radius = math.hypot(height / 2.0, width / 2.0) or 1.0
    uv = np.asarray(uv, dtype=np.float64)
    rho = uv[:, 0] * (radius / pw)
    phi = uv[:, 1] * (2 * np.pi / ph)
    x = width / 2.0 + rho * np.cos(phi)
    y = height / 2.0 + rho * np.sin(phi)
    return np.stack([x, y], axis=1).astype(np.float32)


def _pixel_centres(height: int, width: int) -> np.ndarray:
    ys, xs = np.mgrid[0:height, 0:width]
    return np.stack([xs.ravel() + 0.5, ys.ravel() + 0.5], axis=1)


@lru_cache(maxsize=16)
def _to_polar_maps(height: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Remap maps (pixel indices into the cartesian array) for the polar view."""
    polar = polar_shape(height, width)
    xy = from_polar_points(_pixel_centres(*polar), (height, width), polar) - 0.5
    return _frozen(xy, polar)


@lru_cache(maxsize=16)
def _from_polar_maps(height: int, width: int, ph: int, pw: int) -> tuple[np.ndarray, np.ndarray]:
    """Remap maps (pixel indices into a ``ph x pw`` polar view) back to cartesian."""
    uv = to_polar_points(_pixel_centres(height, width), (height, width), (ph, pw)) - 0.5
    return _frozen(uv, (height, width))


def _frozen(coords: np.ndarray, hw: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    mx = np.ascontiguousarray(coords[:, 0].reshape(hw), dtype=np.float32)
    my = np.ascontiguousarray(coords[:, 1].reshape(hw), dtype=np.float32)
    mx.flags.writeable = False
    my.flags.writeable = False
    return mx, my


def to_polar(arr: np.ndarray, *, order: int, cval: float = 0) -> np.ndarray:
    """Return the polar view of an image.

    Parameters
    ----------
    arr : ndarray of shape (H, W, C)
        Any dtype, any channel count.
    order : int in 0..5
        Interpolation, as for :func:`warp_affine`.
    cval : float, optional
        Fill value of view pixels outside the image.

    Returns
    -------
    ndarray of shape (ph, pw, C)
        ``(ph, pw) = polar_shape(H, W)``.

    Examples
    --------
    >>> to_polar(np.zeros((20, 20, 1), np.uint8), order=1).shape
    (44, 14, 1)
    """
    mx, my = _to_polar_maps(arr.shape[0], arr.shape[1])
    return remap(arr, mx, my, order=order, mode="constant", cval=cval)


def from_polar(arr: np.ndarray, height: int, width: int, *, order: int) -> np.ndarray:
    """Return the cartesian image of a polar view (the inverse of :func:`to_polar`).

    Parameters
    ----------
    arr : ndarray of shape (ph, pw, C)
        A polar view.
    height, width : int
        The cartesian image's size.
    order : int in 0..5
        Interpolation.

    Returns
    -------
    ndarray of shape (height, width, C)

    Examples
    --------
    >>> image = np.full((20, 20, 1), 7, np.uint8)
    >>> int(from_polar(to_polar(image, order=1), 20, 20, order=1)[10, 10, 0])
    7
    """
    mx, my = _from_polar_maps(height, width, arr.shape[0], arr.shape[1])
    # every cartesian pixel lies within the polar view; "edge" only smooths the seam
    # at angle 0 and the centre
    return remap(arr, mx, my, order=order, mode="edge", cval=0)
