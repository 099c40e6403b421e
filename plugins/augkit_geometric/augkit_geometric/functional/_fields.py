"""Dense displacement fields: elastic distortions and piecewise-affine grids.

A *field* is a planar float32 array of shape ``(2, H, W)``: for every output pixel
``(i, j)`` the displacement ``(dx, dy) = field[:, i, j]`` to the input position it
samples, in pixel units. The output pixel at index ``(i, j)`` reads the input at
index ``(j + dx, i + dy)`` (OpenCV's pixel-centre convention); in augkit's continuous
coordinates the output point ``q`` reads the input at ``q + d(q - 0.5)``.

Images are resampled with :func:`remap_field`; maps with a field resized to their
resolution (:func:`resize_field`); coordinates move by the inverse of the field
(:func:`invert_field`) or, for piecewise-affine grids, by the exact triangle-wise
inverse (:func:`piecewise_points`).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import cv2
import numpy as np

from augkit_geometric.functional._warp import remap


@lru_cache(maxsize=32)
def _axis(length: int) -> np.ndarray:
    axis = np.arange(length, dtype=np.float32)
    axis.flags.writeable = False
    return axis


def remap_field(image: np.ndarray, field: np.ndarray | None, *, order: int, mode: str,
                cval: Any) -> np.ndarray:
    """Resample *image* so that output pixel ``p`` reads the input at ``p + field[:, p]``.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any channel count, any numeric dtype.
    field : ndarray of shape (2, H, W), float32, or None
        x then y displacement of each output pixel; None is the identity.
    order, mode, cval
        As for :func:`warp_affine`.

    Returns
    -------
    ndarray of shape (H, W, C)
        A new C-contiguous array of the input dtype.

    Examples
    --------
    >>> field = np.zeros((2, 4, 5), np.float32)
    >>> field[0] = 1.0                           # every pixel reads one pixel to its right
    >>> img = np.arange(20, dtype=np.uint8).reshape(4, 5, 1)
    >>> remap_field(img, field, order=0, mode="constant", cval=0)[0, :, 0].tolist()
    [1, 2, 3, 4, 0]
    """
    if field is None:
        return np.array(image, order="C", copy=True)
    height, width = field.shape[1:]
    map_x = field[0] + _axis(width)[None, :]
    map_y = field[1] + _axis(height)[:, None]
    return remap(image, map_x, map_y, order=order, mode=mode, cval=cval)


def resize_field(field: np.ndarray, height: int, width: int) -> np.ndarray:
    """Resample a field to another resolution, scaling its displacements with it.

    Parameters
    ----------
    field : ndarray of shape (2, h, w), float32
    height, width : int
        The new resolution.

    Returns
    -------
    ndarray of shape (2, height, width), float32
        *field* itself when the resolution is already right.

    Examples
    --------
    >>> resize_field(np.ones((2, 4, 4), np.float32), 2, 8)[:, 0, 0].tolist()
    [2.0, 0.5]
    """
    src_h, src_w = field.shape[1:]
    if (src_h, src_w) == (height, width):
        return field
    out = np.empty((2, height, width), dtype=np.float32)
    for k, factor in ((0, width / src_w), (1, height / src_h)):
        cv2.resize(field[k], (width, height), dst=out[k], interpolation=cv2.INTER_LINEAR)
        out[k] *= np.float32(factor)
    return out


def sample_field(field: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Bilinearly sample a field at pixel indices ``(x, y)``.

    Parameters
    ----------
    field : ndarray of shape (2, H, W)
    x, y : ndarray of shape (N,)
        Pixel indices (OpenCV convention); outside positions take the nearest edge.

    Returns
    -------
    ndarray of shape (N, 2), float64
        The ``(dx, dy)`` at each position.

    Examples
    --------
    >>> field = np.zeros((2, 1, 2)); field[0, 0, 1] = 2.0
    >>> sample_field(field, np.array([0.5]), np.array([0.0])).tolist()
    [[1.0, 0.0]]
    """
    height, width = field.shape[1:]
    x = np.clip(np.asarray(x, dtype=np.float64), 0.0, width - 1.0)
    y = np.clip(np.asarray(y, dtype=np.float64), 0.0, height - 1.0)
    x0 = np.clip(np.floor(x).astype(np.intp), 0, max(width - 2, 0))
    y0 = np.clip(np.floor(y).astype(np.intp), 0, max(height - 2, 0))
    x1 = np.minimum(x0 + 1, width - 1)
    y1 = np.minimum(y0 + 1, height - 1)
    fx = x - x0
    fy = y - y0
    top = field[:, y0, x0] * (1 - fx) + field[:, y0, x1] * fx
    bottom = field[:, y1, x0] * (1 - fx) + field[:, y1, x1] * fx
    return (top * (1 - fy) + bottom * fy).T


def invert_field(field: np.ndarray | None, xy: np.ndarray, iterations: int = 4) -> np.ndarray:
    """Move continuous points the way :func:`remap_field` moves pixels.

    An input point ``p`` ends at the output point ``q`` with ``q + d(q) = p``; solved
    by the fixed-point iteration ``q <- p - d(q)``, which converges while the field's
    gradient stays below 1 (smooth fields do).

    Parameters
    ----------
    field : ndarray of shape (2, H, W), or None
        None is the identity.
    xy : array_like of shape (N, 2)
        ``(x, y)`` in augkit coordinates.
    iterations : int, optional
        Fixed-point iterations.

    Returns
    -------
    ndarray of shape (N, 2), float32

    Examples
    --------
    >>> field = np.ones((2, 4, 5), np.float32)   # every pixel reads one pixel down-right
    >>> invert_field(field, np.array([[2.5, 1.5]])).tolist()
    [[1.5, 0.5]]
    """
    if field is None or len(xy) == 0:
        return np.array(xy, dtype=np.float32, copy=True)
    p = np.asarray(xy, dtype=np.float64)
    q = p.copy()
    for _ in range(iterations):
        q = p - sample_field(field, q[:, 0] - 0.5, q[:, 1] - 0.5)
    return q.astype(np.float32)


# ---------------------------------------------------------------------- elastic


def elastic_noise_shape(height: int, width: int, sigma: float) -> tuple[int, int, int]:
    """Return ``(h, w, factor)``: the noise resolution used for a field of *sigma*.

    Large sigmas are smoothed at a lower resolution (factor ``floor(sigma / 2)``, so
    the smoothing sigma there is about 2) and upscaled, which keeps the cost nearly
    independent of sigma; the amplitude is corrected so the field keeps its strength.

    Examples
    --------
    >>> elastic_noise_shape(100, 60, sigma=8.0)
    (25, 15, 4)
    """
    factor = max(1, int(sigma // 2.0))
    return max(1, math.ceil(height / factor)), max(1, math.ceil(width / factor)), factor


def elastic_field(noise: np.ndarray, height: int, width: int, alpha: float, sigma: float,
                  factor: int) -> np.ndarray | None:
    """Turn uniform noise into a smoothed displacement field (ElasticTransformation's).

    The noise is read as uniform in [-1, 1], smoothed with a Gaussian of *sigma* (in
    full-resolution pixels), scaled by *alpha* and upscaled to ``(height, width)``.

    Parameters
    ----------
    noise : ndarray of shape (2, h, w), float32
        Uniform in [0, 1), at the resolution of :func:`elastic_noise_shape`.
    height, width : int
        The field's resolution.
    alpha, sigma : float
        Strength (pixels) and smoothness (Gaussian standard deviation, pixels).
    factor : int
        The noise's downscaling factor (from :func:`elastic_noise_shape`).

    Returns
    -------
    ndarray of shape (2, height, width), float32, or None
        None when alpha is 0.

    Examples
    --------
    >>> h, w, factor = elastic_noise_shape(8, 8, sigma=1.0)
    >>> noise = np.random.default_rng(0).random((2, h, w), dtype=np.float32)
    >>> field = elastic_field(noise, 8, 8, alpha=3.0, sigma=1.0, factor=factor)
    >>> field.shape, bool(np.abs(field).max() <= 3.0)
    ((2, 8, 8), True)
    """
    if alpha == 0:
        return None
    lo_sigma = sigma / factor
    # 2 * n - 1 maps [0, 1) to [-1, 1); a coarse grid's smoothed noise is `factor`
    # times stronger than the fine grid's, hence the division.
    scale = np.float32(2.0 * alpha / factor)
    shift = np.float32(alpha / factor)
    out = np.empty((2, height, width), dtype=np.float32)
    ksize = 2 * math.ceil(3.0 * lo_sigma) + 1
    for k in range(2):
        plane = noise[k]
        if lo_sigma > 0:
            plane = cv2.GaussianBlur(plane, (ksize, ksize), lo_sigma,
                                     borderType=cv2.BORDER_REFLECT)
        plane = plane * scale
        plane -= shift
        if plane.shape != (height, width):
            cv2.resize(plane, (width, height), dst=out[k], interpolation=cv2.INTER_LINEAR)
        else:
            out[k] = plane
    return out


# ---------------------------------------------------------------------- piecewise affine


def _cells(length: int, nb: int) -> tuple[np.ndarray, np.ndarray]:
    """Cell index and position in the cell (0..1) of each pixel centre along one axis."""
    pos = (np.arange(length, dtype=np.float32) + 0.5) * np.float32((nb - 1) / length)
    cell = np.minimum(pos.astype(np.intp), nb - 2)
    return cell, (pos - cell).astype(np.float32)


def piecewise_field(jitter: np.ndarray, height: int, width: int) -> np.ndarray:
    """Return the field of a jittered regular grid, affine inside each triangle.

    Grid points sit at ``x = k * W / (C - 1)``, ``y = r * H / (R - 1)``. Each cell is
    split along its top-left/bottom-right diagonal, and the displacement is
    interpolated linearly inside each triangle: that is bilinear interpolation plus
    ``e * min(u, v) * (1 - max(u, v))`` with ``e`` the cell's twist
    (``tl - tr - bl + br``) and ``(u, v)`` the position in the cell.

    Parameters
    ----------
    jitter : ndarray of shape (R, C, 2)
        Each grid point's displacement ``(dx, dy)``, in pixels at this resolution.
    height, width : int
        The field's resolution.

    Returns
    -------
    ndarray of shape (2, height, width), float32

    Examples
    --------
    >>> jitter = np.full((2, 2, 2), 1.5)          # every grid point moves by (1.5, 1.5)
    >>> piecewise_field(jitter, 3, 4)[:, 1, 2].tolist()
    [1.5, 1.5]
    """
    nb_rows, nb_cols = jitter.shape[:2]
    col, u = _cells(width, nb_cols)
    row, v = _cells(height, nb_rows)
    counts = np.bincount(row, minlength=nb_rows - 1)
    weight = np.minimum(u[None, :], v[:, None])
    weight *= 1 - np.maximum(u[None, :], v[:, None])
    vcol = v[:, None]
    out = np.empty((2, height, width), dtype=np.float32)
    for k in range(2):
        jit = jitter[:, :, k].astype(np.float32)
        along_x = jit[:, col] * (1 - u) + jit[:, col + 1] * u  # (R, W): rows of the grid
        twist = jit[:-1, :-1] - jit[:-1, 1:] - jit[1:, :-1] + jit[1:, 1:]
        plane = out[k]
        plane[...] = np.repeat(along_x[1:] - along_x[:-1], counts, axis=0)
        plane *= vcol
        plane += np.repeat(along_x[:-1], counts, axis=0)
        extra = np.repeat(twist[:, col], counts, axis=0)
        extra *= weight
        plane += extra
    return out


def grid_points(nb_rows: int, nb_cols: int, height: float, width: float) -> np.ndarray:
    """Return the regular grid of points spanning a ``height x width`` image.

    Returns
    -------
    ndarray of shape (nb_rows, nb_cols, 2), float64
        ``(x, y)`` of each grid point, corners and edges included.

    Examples
    --------
    >>> grid_points(2, 3, 4.0, 8.0)[1].tolist()
    [[0.0, 4.0], [4.0, 4.0], [8.0, 4.0]]
    """
    xs = np.linspace(0.0, width, nb_cols)
    ys = np.linspace(0.0, height, nb_rows)
    grid = np.empty((nb_rows, nb_cols, 2))
    grid[:, :, 0] = xs[None, :]
    grid[:, :, 1] = ys[:, None]
    return grid


def _triangles(nb_rows: int, nb_cols: int) -> np.ndarray:
    """Vertex indices ``(T, 3)`` (into the flattened grid) of the grid's triangles."""
    r, c = np.meshgrid(np.arange(nb_rows - 1), np.arange(nb_cols - 1), indexing="ij")
    tl = (r * nb_cols + c).ravel()
    tr, bl, br = tl + 1, tl + nb_cols, tl + nb_cols + 1
    return np.concatenate([np.stack([tl, tr, br], 1), np.stack([tl, bl, br], 1)])


def piecewise_points(xy: np.ndarray, jitter: np.ndarray, height: int, width: int) -> np.ndarray:
    """Move continuous points the way :func:`piecewise_field` moves pixels (exactly).

    The output grid is regular and the input grid is jittered; a point is located in
    the jittered triangle that contains it and carried to the same barycentric
    position in the regular triangle. Points outside every triangle use the nearest
    triangle's affine map (extrapolation).

    Parameters
    ----------
    xy : array_like of shape (N, 2)
        ``(x, y)`` in augkit coordinates.
    jitter : ndarray of shape (R, C, 2)
        As for :func:`piecewise_field`.
    height, width : int
        The image size.

    Returns
    -------
    ndarray of shape (N, 2), float32

    Examples
    --------
    >>> piecewise_points(np.array([[2.0, 2.0]]), np.full((2, 2, 2), 1.0), 4, 4).tolist()
    [[1.0, 1.0]]
    """
    if len(xy) == 0:
        return np.array(xy, dtype=np.float32, copy=True)
    nb_rows, nb_cols = jitter.shape[:2]
    regular = grid_points(nb_rows, nb_cols, height, width).reshape(-1, 2)
    source = regular + jitter.reshape(-1, 2)
    tri = _triangles(nb_rows, nb_cols)
    a, b, c = source[tri[:, 0]], source[tri[:, 1]], source[tri[:, 2]]  # (T, 2)
    e1, e2 = b - a, c - a
    det = e1[:, 0] * e2[:, 1] - e1[:, 1] * e2[:, 0]
    det = np.where(np.abs(det) < 1e-12, 1e-12, det)
    p = np.asarray(xy, dtype=np.float64)[:, None, :] - a[None]  # (N, T, 2)
    l1 = (p[..., 0] * e2[:, 1] - p[..., 1] * e2[:, 0]) / det
    l2 = (e1[:, 0] * p[..., 1] - e1[:, 1] * p[..., 0]) / det
    l0 = 1.0 - l1 - l2
    worst = np.minimum(np.minimum(l0, l1), l2)  # >= 0 inside
    best = np.argmax(worst >= -1e-9, axis=1)
    inside = worst[np.arange(len(best)), best] >= -1e-9
    best = np.where(inside, best, np.argmax(worst, axis=1))
    n = np.arange(len(best))
    ra, rb, rc = regular[tri[best, 0]], regular[tri[best, 1]], regular[tri[best, 2]]
    out = (ra * l0[n, best][:, None] + rb * l1[n, best][:, None] + rc * l2[n, best][:, None])
    return out.astype(np.float32)
