"""Dense displacement fields shared by the warping augmenters.

A *field* is a planar float32 array of shape ``(2, H, W)``: for every output pixel
``(i, j)`` the displacement ``(dx, dy) = field[:, i, j]`` to the input position it
samples, in pixel units. The output pixel at index ``(i, j)`` reads the input at
index ``(j + dx, i + dy)`` (OpenCV's pixel-centre convention); in augkit's continuous
coordinates the output point ``q`` reads the input at ``q + d(q - 0.5)``.

Images are resampled with :func:`remap_field`; maps with a field resized to their
resolution (:func:`resize_field`); coordinates move by the inverse of the field
(:func:`invert_field`) or, for piecewise-affine grids, by the exact triangle-wise
inverse (:func:`piecewise_points`).

Also here: the shorthand handlers for ``order``, ``mode`` and ``cval`` that the
warping augmenters share.

Examples
--------
>>> field = np.zeros((2, 4, 5), np.float32)
>>> field[0] = 1.0                           # every pixel reads one pixel to its right
>>> img = np.arange(20, dtype=np.uint8).reshape(4, 5, 1)
>>> remap_field(img, field, order=0, mode="constant", cval=0)[0, :, 0].tolist()
[1, 2, 3, 4, 0]
>>> invert_field(field, np.array([[2.5, 1.5]], np.float32)).tolist()
[[1.5, 1.5]]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import cv2
import numpy as np

from augkit import ALL, ParameterError
from augkit import parameters as iap
from augkit.errors import ParameterTypeError, describe
from augkit_geometric._cv2compat import remap

# ---------------------------------------------------------------------- shorthand


def handle_order(value: Any, allowed: Sequence[int],
                 name: str = "order") -> iap.StochasticParameter:
    """Turn an ``order`` (int, list of int, ``augkit.ALL`` or parameter) into a parameter."""
    if isinstance(value, iap.StochasticParameter):
        return value
    listed = ", ".join(str(o) for o in allowed)
    message = (f"{name}: expected an int in {{{listed}}}, a list of them, augkit.ALL or a "
               f"StochasticParameter, got {describe(value)}")
    if isinstance(value, str):
        if value == ALL:
            return iap.Choice(list(allowed))
        raise ParameterError(message)
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        if int(value) not in allowed:
            raise ParameterError(message)
        return iap.Deterministic(int(value))
    if isinstance(value, (list, tuple)):
        if not value or not all(isinstance(v, (int, np.integer)) and not isinstance(v, bool)
                                and int(v) in allowed for v in value):
            raise ParameterError(message)
        return iap.Choice([int(v) for v in value])
    raise ParameterTypeError(message)


def handle_mode(value: Any, allowed: Sequence[str],
                name: str = "mode") -> iap.StochasticParameter:
    """Turn a ``mode`` argument (str, list of str, ``augkit.ALL`` or parameter) into a parameter."""
    if isinstance(value, iap.StochasticParameter):
        return value
    listed = ", ".join(repr(m) for m in allowed)
    message = (f"{name}: expected one of {{{listed}}}, a list of them, augkit.ALL or a "
               f"StochasticParameter, got {describe(value)}")
    if value == ALL:
        return iap.Choice(list(allowed))
    if isinstance(value, str):
        if value not in allowed:
            raise ParameterError(message)
        return iap.Deterministic(value)
    if isinstance(value, (list, tuple)):
        if not value or not all(isinstance(v, str) and v in allowed for v in value):
            raise ParameterError(message)
        return iap.Choice(list(value))
    raise ParameterTypeError(message)


def handle_cval(value: Any, name: str = "cval") -> iap.StochasticParameter:
    """Turn a ``cval`` argument into a parameter; ``augkit.ALL`` means uniform in [0, 255]."""
    if isinstance(value, str) and value == ALL:
        return iap.Uniform(0, 255)
    return iap.handle_continuous_param(value, name)


def handle_polygon_recoverer(value: Any) -> Any:
    """Accept imgaug's ``polygon_recoverer`` values ("auto" or None)."""
    if value is None or (isinstance(value, str) and value == "auto"):
        return value
    raise ParameterError(
        f"polygon_recoverer: expected 'auto' or None, got {describe(value)} (augkit repairs "
        "invalid polygons in the polygons kind itself)"
    )


def draw(param: iap.StochasticParameter, n: int, rng: np.random.Generator) -> np.ndarray:
    """Draw *n* samples of *param* as an array."""
    return np.asarray(param.draw_samples(n, random_state=rng))


# ---------------------------------------------------------------------- grids


@lru_cache(maxsize=32)
def _axis(length: int) -> np.ndarray:
    axis = np.arange(length, dtype=np.float32)
    axis.flags.writeable = False
    return axis


def remap_field(image: np.ndarray, field: np.ndarray | None, *, order: int, mode: str,
                cval: Any) -> np.ndarray:
    """Resample *image* ``(H, W, C)`` so that output pixel ``p`` reads input ``p + field[:, p]``.

    *field* is planar, ``(2, H, W)`` float32 (x then y displacement). A None field means
    the identity: a copy is returned. Any dtype and channel count.
    """
    if field is None:
        return np.array(image, order="C", copy=True)
    height, width = field.shape[1:]
    map_x = field[0] + _axis(width)[None, :]
    map_y = field[1] + _axis(height)[:, None]
    return remap(image, map_x, map_y, order=order, mode=mode, cval=cval)


def resize_field(field: np.ndarray, height: int, width: int) -> np.ndarray:
    """Return *field* ``(2, h, w)`` resampled to ``(height, width)``, displacements scaled."""
    src_h, src_w = field.shape[1:]
    if (src_h, src_w) == (height, width):
        return field
    out = np.empty((2, height, width), dtype=np.float32)
    for k, factor in ((0, width / src_w), (1, height / src_h)):
        cv2.resize(field[k], (width, height), dst=out[k], interpolation=cv2.INTER_LINEAR)
        out[k] *= np.float32(factor)
    return out


def sample_field(field: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Bilinearly sample *field* ``(2, H, W)`` at pixel indices ``(x, y)``; returns ``(N, 2)``.

    Positions outside the field take the value at the nearest edge.
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
    """Move continuous points *xy* ``(N, 2)`` the way :func:`remap_field` moves pixels.

    An input point ``p`` ends at the output point ``q`` with ``q + d(q) = p``; solved
    by the fixed-point iteration ``q <- p - d(q)``, which converges while the field's
    gradient stays below 1 (smooth fields do).
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
    """
    factor = max(1, int(sigma // 2.0))
    return max(1, math.ceil(height / factor)), max(1, math.ceil(width / factor)), factor


def elastic_field(noise: np.ndarray, height: int, width: int, alpha: float, sigma: float,
                  factor: int) -> np.ndarray | None:
    """Turn uniform [0, 1) *noise* ``(2, h, w)`` into a smoothed displacement field.

    The noise is read as uniform in [-1, 1], smoothed with a Gaussian of *sigma* (in
    full-resolution pixels), scaled by *alpha* and upscaled to ``(height, width)``.
    Returns a planar ``(2, height, width)`` float32 field, or None when alpha is 0.
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
    """Return the planar ``(2, H, W)`` field of a jittered regular grid, triangle-wise affine.

    *jitter* ``(R, C, 2)`` holds each grid point's displacement (pixels at this
    resolution); grid points sit at ``x = k * W / (C - 1)``, ``y = r * H / (R - 1)``.
    Each cell is split along its top-left/bottom-right diagonal, and the displacement
    is interpolated linearly inside each triangle: that is bilinear interpolation plus
    ``e * min(u, v) * (1 - max(u, v))`` with ``e`` the cell's twist
    (``tl - tr - bl + br``) and ``(u, v)`` the position in the cell.
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
    """Return the ``(R, C, 2)`` regular grid (continuous coordinates) spanning the image."""
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
