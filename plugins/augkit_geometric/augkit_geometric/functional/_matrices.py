"""3x3 matrices of plane transforms, in augkit's continuous coordinates.

Pixel ``(i, j)`` covers ``[j, j + 1) x [i, i + 1)``; its centre is ``(j + 0.5, i + 0.5)``.
A matrix maps input points ``(x, y, 1)`` to output points. OpenCV puts pixel centres at
integers instead: :func:`to_cv2_matrix` converts.
"""

from __future__ import annotations

import math

import numpy as np

_HALF = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 0.5], [0.0, 0.0, 1.0]])
_MINUS_HALF = np.array([[1.0, 0.0, -0.5], [0.0, 1.0, -0.5], [0.0, 0.0, 1.0]])


def translation_matrix(tx: float, ty: float) -> np.ndarray:
    """Return the 3x3 matrix that moves points by ``(tx, ty)``.

    Examples
    --------
    >>> translation_matrix(2.0, 1.0) @ [0.5, 0.5, 1.0]
    array([2.5, 1.5, 1. ])
    """
    return np.array([[1.0, 0.0, tx], [0.0, 1.0, ty], [0.0, 0.0, 1.0]])


def scale_matrix(sx: float, sy: float) -> np.ndarray:
    """Return the 3x3 matrix that scales points by ``(sx, sy)`` about the origin.

    Examples
    --------
    >>> scale_matrix(2.0, 0.5) @ [3.0, 4.0, 1.0]
    array([6., 2., 1.])
    """
    return np.array([[sx, 0.0, 0.0], [0.0, sy, 0.0], [0.0, 0.0, 1.0]])


def flip_matrix(axis: int, height: int, width: int) -> np.ndarray:
    """Return the 3x3 mirror matrix of a ``height x width`` image.

    Parameters
    ----------
    axis : {1, 0}
        1 mirrors left-right (``x -> width - x``), 0 top-bottom (``y -> height - y``).
    height, width : int
        The image size.

    Examples
    --------
    >>> flip_matrix(1, 2, 4) @ [0.5, 0.5, 1.0]
    array([3.5, 0.5, 1. ])
    """
    matrix = np.eye(3)
    row = 0 if axis == 1 else 1
    matrix[row, row] = -1.0
    matrix[row, 2] = width if axis == 1 else height
    return matrix


def rot90_matrix(k: int, height: int, width: int) -> np.ndarray:
    """Return the 3x3 matrix of a clockwise rotation by ``k * 90`` degrees.

    The rotated image is placed at the origin: for odd *k* its width is *height*.

    Examples
    --------
    >>> rot90_matrix(1, 2, 3) @ [0.0, 0.0, 1.0]  # the top-left corner goes top-right
    array([2., 0., 1.])
    """
    k %= 4
    if k == 0:
        return np.eye(3)
    if k == 1:
        return np.array([[0.0, -1.0, height], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    if k == 2:
        return np.array([[-1.0, 0.0, width], [0.0, -1.0, height], [0.0, 0.0, 1.0]])
    return np.array([[0.0, 1.0, 0.0], [-1.0, 0.0, width], [0.0, 0.0, 1.0]])


def affine_matrices(heights: np.ndarray, widths: np.ndarray, sx: np.ndarray, sy: np.ndarray,
                    tx: np.ndarray, ty: np.ndarray, rotate: np.ndarray, shear_x: np.ndarray,
                    shear_y: np.ndarray) -> np.ndarray:
    """Return ``(N, 3, 3)`` matrices: rotate, scale, shear about the centre, then translate.

    Parameters
    ----------
    heights, widths : ndarray of shape (N,)
        Image sizes (the centre is ``(width / 2, height / 2)``).
    sx, sy : ndarray of shape (N,)
        Scale factors.
    tx, ty : ndarray of shape (N,)
        Translations in pixels.
    rotate, shear_x, shear_y : ndarray of shape (N,)
        Angles in radians (rotation clockwise on screen; ``x' = x - tan(shear_x) * y``).

    Returns
    -------
    ndarray of shape (N, 3, 3)

    Examples
    --------
    >>> one, zero = np.ones(1), np.zeros(1)
    >>> m = affine_matrices(one * 4, one * 4, one, one, zero, zero, one * np.pi, zero, zero)
    >>> (m[0] @ [0.0, 0.0, 1.0]).round(6).tolist()  # a half turn about (2, 2)
    [4.0, 4.0, 1.0]
    """
    cos, sin = np.cos(rotate), np.sin(rotate)
    a, b = -np.tan(shear_x), np.tan(shear_y)
    if len(heights) == 1:  # one row (the per-call path): the same operations on floats
        return _one_affine_matrix(*(float(v[0]) for v in (
            heights, widths, sx, sy, tx, ty, cos, sin, a, b)))
    # shear @ scale @ rotation, written out elementwise (cheaper than stacking 2x2s)
    m00 = sx * cos + a * sy * sin
    m01 = a * sy * cos - sx * sin
    m10 = b * sx * cos + sy * sin
    m11 = sy * cos - b * sx * sin
    cx, cy = widths / 2, heights / 2
    out = np.zeros((len(heights), 3, 3))
    out[:, 0, 0], out[:, 0, 1], out[:, 1, 0], out[:, 1, 1] = m00, m01, m10, m11
    out[:, 0, 2] = cx + tx - (m00 * cx + m01 * cy)
    out[:, 1, 2] = cy + ty - (m10 * cx + m11 * cy)
    out[:, 2, 2] = 1.0
    return out


def _one_affine_matrix(height: float, width: float, sx: float, sy: float, tx: float,
                       ty: float, cos: float, sin: float, a: float, b: float) -> np.ndarray:
    """:func:`affine_matrices` for one row, as a ``(1, 3, 3)`` array: the same IEEE
    operations in the same order, on Python floats (numpy's per-call cost is ~1 us)."""
    m00 = sx * cos + a * sy * sin
    m01 = a * sy * cos - sx * sin
    m10 = b * sx * cos + sy * sin
    m11 = sy * cos - b * sx * sin
    cx, cy = width / 2, height / 2
    return np.array([[[m00, m01, cx + tx - (m00 * cx + m01 * cy)],
                      [m10, m11, cy + ty - (m10 * cx + m11 * cy)],
                      [0.0, 0.0, 1.0]]])


def four_point_matrix(jitter: np.ndarray, height: int, width: int,
                      size: tuple[int, int] | None = None) -> tuple[np.ndarray, int, int]:
    """Return the homography that maps a jittered quadrilateral onto an upright rectangle.

    Parameters
    ----------
    jitter : ndarray of shape (4, 2)
        How far each corner (top-left, top-right, bottom-right, bottom-left) moves
        inwards, as fractions of the width (column 0) and height (column 1).
    height, width : int
        The image size.
    size : tuple of (int, int), optional
        The rectangle's ``(height, width)``; default: the quadrilateral's longer opposite
        sides (at least 2). ``PerspectiveTransform(keep_size=True)`` passes the image size.

    Returns
    -------
    matrix : ndarray of shape (3, 3)
        Maps the quadrilateral (augkit coordinates) onto ``[0, w] x [0, h]``.
    h, w : int
        The rectangle's size.

    Examples
    --------
    >>> matrix, h, w = four_point_matrix(np.zeros((4, 2)), 10, 20)
    >>> (h, w), bool(np.allclose(matrix, np.eye(3)))
    ((10, 20), True)
    """
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = np.asarray(jitter, dtype=np.float64).tolist()
    quad = ((ax * width, ay * height), (width - bx * width, by * height),
            (width - cx * width, height - cy * height), (dx * width, height - dy * height))
    if size is None:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = quad
        out_w = max(round(max(math.hypot(x2 - x3, y2 - y3), math.hypot(x1 - x0, y1 - y0))), 2)
        out_h = max(round(max(math.hypot(x1 - x2, y1 - y2), math.hypot(x0 - x3, y0 - y3))), 2)
    else:
        out_h, out_w = int(size[0]), int(size[1])
    return _quad_to_rectangle(quad, out_w, out_h), out_h, out_w


def _quad_to_rectangle(quad: tuple, out_w: float, out_h: float) -> np.ndarray:
    """The homography taking the four corners *quad* (top-left, top-right, bottom-right,
    bottom-left) onto ``[0, out_w] x [0, out_h]``, in closed form on Python floats.

    The unit square's map onto the quad, ``S``, has a closed form (its perspective terms
    solve a 2x2 system); the result is ``diag(out_w, out_h, 1)`` times ``S``'s inverse,
    so points inside the quad keep a positive ``w``. It equals the solution of
    ``cv2.getPerspectiveTransform`` up to scale, without its float32 inputs (which cost
    up to a quarter pixel at the corners of a large, strongly tilted quad) and at a
    fraction of its cost.
    """
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = quad
    sx, sy = x0 - x1 + x2 - x3, y0 - y1 + y2 - y3
    dx1, dy1, dx2, dy2 = x1 - x2, y1 - y2, x3 - x2, y3 - y2
    den = dx1 * dy2 - dx2 * dy1
    g, h = (sx * dy2 - dx2 * sy) / den, (dx1 * sy - sx * dy1) / den
    a, b, c = x1 - x0 + g * x1, x3 - x0 + h * x3, x0
    d, e, f = y1 - y0 + g * y1, y3 - y0 + h * y3, y0
    co_a, co_b, co_c = e - f * h, f * g - d, d * h - e * g
    norm = 1.0 / (a * co_a + b * co_b + c * co_c)  # S's inverse: w > 0 inside the quad
    kw, kh = out_w * norm, out_h * norm
    return np.array([[co_a * kw, (c * h - b) * kw, (b * f - c * e) * kw],
                     [co_b * kh, (a - c * g) * kh, (c * d - a * f) * kh],
                     [co_c * norm, (b * g - a * h) * norm, (a * e - b * d) * norm]])


def to_cv2_matrix(matrix: np.ndarray) -> np.ndarray:
    """Convert a matrix in augkit coordinates to OpenCV's (pixel centres at integers).

    Examples
    --------
    >>> to_cv2_matrix(scale_matrix(2.0, 2.0))[:2].tolist()
    [[2.0, 0.0, 0.5], [0.0, 2.0, 0.5]]
    """
    return _MINUS_HALF @ matrix @ _HALF


def transform_points(xy: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Apply a 3x3 matrix to points.

    Parameters
    ----------
    xy : array_like of shape (N, 2)
        ``(x, y)`` in augkit coordinates.
    matrix : ndarray of shape (3, 3)
        Affine or projective (points are divided by their ``w``).

    Returns
    -------
    ndarray of shape (N, 2), float32

    Examples
    --------
    >>> transform_points(np.array([[0.5, 0.5]]), translation_matrix(2.0, 0.0)).tolist()
    [[2.5, 0.5]]
    """
    if len(xy) == 0:
        return np.asarray(xy, dtype=np.float32).reshape(0, 2)
    pts = np.asarray(xy, dtype=np.float64)
    out = pts @ matrix[:2, :2].T + matrix[:2, 2]
    if matrix[2, 0] != 0 or matrix[2, 1] != 0 or matrix[2, 2] != 1:
        w = pts @ matrix[2, :2] + matrix[2, 2]
        w = np.where(np.abs(w) < 1e-12, 1e-12, w)
        out /= w[:, None]
    return out.astype(np.float32)


def fit_to_canvas(matrix: np.ndarray, height: int, width: int) -> tuple[np.ndarray, int, int]:
    """Shift *matrix* so the transformed image lies at the origin; return it and its size.

    The four image corners are transformed; the output canvas is their bounding box
    (rounded up, at least 1 pixel), so nothing of the image is cut off.

    Returns
    -------
    matrix : ndarray of shape (3, 3)
    height, width : int
        The canvas size.

    Examples
    --------
    >>> _, h, w = fit_to_canvas(rot90_matrix(1, 2, 3) @ translation_matrix(5, 5), 2, 3)
    >>> h, w
    (3, 2)
    """
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float64)
    pts = transform_points(corners, matrix).astype(np.float64)
    low = pts.min(axis=0)
    high = pts.max(axis=0)
    out_w = max(int(np.ceil(high[0] - low[0] - 1e-4)), 1)
    out_h = max(int(np.ceil(high[1] - low[1] - 1e-4)), 1)
    return translation_matrix(-low[0], -low[1]) @ matrix, out_h, out_w


def matrix_for_map(matrix: np.ndarray, map_hw: tuple[int, int], image_hw: tuple[int, int],
                   out_image_hw: tuple[int, int]) -> tuple[np.ndarray, tuple[int, int]]:
    """Conjugate an image's matrix to a map of another resolution.

    Parameters
    ----------
    matrix : ndarray of shape (3, 3)
        The image's matrix.
    map_hw, image_hw, out_image_hw : tuple of (int, int)
        The map's size, the image's size before and after the transform.

    Returns
    -------
    matrix : ndarray of shape (3, 3)
        ``S_out @ matrix @ S_in^-1``, in the map's coordinates.
    hw : tuple of (int, int)
        The map's output size: it keeps its ratio to the image
        (``h_out = round(H_out * h / H)``, at least 1).

    Examples
    --------
    >>> m, hw = matrix_for_map(scale_matrix(2.0, 2.0), (5, 5), (10, 10), (20, 20))
    >>> hw, m[0].tolist()
    ((10, 10), [2.0, 0.0, 0.0])
    """
    h, w = map_hw
    big_h, big_w = image_hw
    out_big_h, out_big_w = out_image_hw
    if (h, w) == (big_h, big_w) and (out_big_h, out_big_w) == (big_h, big_w):
        return matrix, (h, w)
    fy = h / big_h if big_h else 1.0
    fx = w / big_w if big_w else 1.0
    out_h = max(int(round(out_big_h * fy)), 1) if out_big_h else 0
    out_w = max(int(round(out_big_w * fx)), 1) if out_big_w else 0
    sy_out = out_h / out_big_h if out_big_h else 1.0
    sx_out = out_w / out_big_w if out_big_w else 1.0
    inverse_in = scale_matrix(1.0 / fx if fx else 1.0, 1.0 / fy if fy else 1.0)
    return scale_matrix(sx_out, sy_out) @ matrix @ inverse_in, (out_h, out_w)
