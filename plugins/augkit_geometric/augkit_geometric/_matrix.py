"""The shared base of plane transforms: one 3x3 matrix per row, applied to every kind.

A :class:`MatrixAugmenter` expresses each row's transform as a 3x3 matrix in augkit's
continuous coordinates (pixel ``(i, j)`` covers ``[j, j + 1) x [i, i + 1)``, its centre
is ``(j + 0.5, i + 0.5)``), mapping input points to output points. The base applies
that one matrix

* to images, with ``cv2.warpAffine``/``cv2.warpPerspective`` (through
  :mod:`augkit_geometric._cv2compat`, which handles every dtype and channel count),
  after converting it to OpenCV's pixel-centre convention: ``T(-0.5) @ M @ T(+0.5)``;
* to maps, conjugated to the map's own resolution (``S_out @ M @ S_in^-1``), with the
  map kind's interpolation (nearest for segmentation maps) and fill value;
* to keypoints (and so boxes, polygons, line strings), one vectorised product per row.

so that every kind stays consistent by construction. :meth:`MatrixAugmenter.matrices`
returns the matrices, so a later ``Sequential`` can fuse consecutive plane transforms.

Examples
--------
>>> import numpy as np
>>> shift = translation(2.0, 0.0)
>>> transform_points(np.array([[0.5, 0.5]], np.float32), shift).tolist()
[[2.5, 0.5]]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from augkit import GeometricAugmenter, ParameterError
from augkit import parameters as iap
from augkit_geometric import _cv2compat

__all__ = [
    "MatrixAugmenter",
    "WarpParams",
    "choice_param",
    "fit_to_canvas",
    "scale_matrix",
    "to_cv2",
    "transform_points",
    "translation",
]

_HALF = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 0.5], [0.0, 0.0, 1.0]])
_MINUS_HALF = np.array([[1.0, 0.0, -0.5], [0.0, 1.0, -0.5], [0.0, 0.0, 1.0]])
_EYE = np.eye(3)


def translation(tx: float, ty: float) -> np.ndarray:
    """Return the 3x3 matrix that moves points by ``(tx, ty)``."""
    return np.array([[1.0, 0.0, tx], [0.0, 1.0, ty], [0.0, 0.0, 1.0]])


def scale_matrix(sx: float, sy: float) -> np.ndarray:
    """Return the 3x3 matrix that scales points by ``(sx, sy)`` about the origin."""
    return np.array([[sx, 0.0, 0.0], [0.0, sy, 0.0], [0.0, 0.0, 1.0]])


def to_cv2(matrix: np.ndarray) -> np.ndarray:
    """Convert a matrix in augkit coordinates to OpenCV's (pixel centres at integers)."""
    return _MINUS_HALF @ matrix @ _HALF


def transform_points(xy: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Apply a 3x3 matrix to an ``(N, 2)`` array of points; returns float32 ``(N, 2)``."""
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
    (rounded up), so nothing of the image is cut off.
    """
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float64)
    pts = transform_points(corners, matrix).astype(np.float64)
    low = pts.min(axis=0)
    high = pts.max(axis=0)
    out_w = max(int(np.ceil(high[0] - low[0] - 1e-4)), 1)
    out_h = max(int(np.ceil(high[1] - low[1] - 1e-4)), 1)
    return translation(-low[0], -low[1]) @ matrix, out_h, out_w


def choice_param(value: Any, name: str, options: Sequence[Any], *,
                 all_options: Sequence[Any] | None = None) -> iap.StochasticParameter:
    """Shorthand for a choice argument: one option, a list of them, ``augkit.ALL``, a parameter."""
    if isinstance(value, iap.StochasticParameter):
        return value
    listed = ", ".join(repr(o) for o in options)
    message = (f"{name}: expected one of {{{listed}}}, a list of them, augkit.ALL or a "
               f"StochasticParameter, got {value!r}")

    def valid(item: Any) -> bool:
        return (isinstance(item, (str, int, np.integer)) and not isinstance(item, bool)
                and item in options)

    if isinstance(value, str) and value == "ALL":
        return iap.Choice(list(all_options if all_options is not None else options))
    if isinstance(value, (list, tuple)):
        if not value or not all(valid(v) for v in value):
            raise ParameterError(message)
        return iap.Choice([v if isinstance(v, str) else int(v) for v in value])
    if not valid(value):
        raise ParameterError(message)
    return iap.Deterministic(value if isinstance(value, str) else int(value))


@dataclass
class WarpParams:
    """What a plane transform sampled for a call: one matrix and warp setting per row.

    Attributes
    ----------
    matrices : ndarray of shape (N, 3, 3)
        Input-to-output matrices in augkit's coordinates.
    sizes : list of (int, int)
        Output ``(height, width)`` per row.
    orders : list of int
        Interpolation order per row (0..5).
    modes : list of str or int
        Border mode per row (imgaug name or ``cv2.BORDER_*`` constant).
    cvals : list of ndarray
        Fill value per row: one value, or one per channel.
    backend : {'auto', 'cv2', 'skimage'}
    extra : Any
        Whatever else the augmenter needs (e.g. Rot90's k).
    """

    matrices: np.ndarray
    sizes: list[tuple[int, int]]
    orders: list[int]
    modes: list[Any]
    cvals: list[np.ndarray]
    backend: str = "auto"
    extra: Any = field(default=None)


class MatrixAugmenter(GeometricAugmenter, abstract=True):
    """Base of plane transforms: each row is a 3x3 matrix applied to every kind.

    Subclasses implement ``sample`` returning a :class:`WarpParams` (or override
    :meth:`matrices`, :meth:`output_shapes` and the apply methods they speed up).
    """

    # ------------------------------------------------------------------ geometry
    def matrices(self, params: Any, shapes: list[tuple[int, ...]]) -> list[np.ndarray]:
        """Return one 3x3 input-to-output matrix per row, in augkit coordinates.

        Parameters
        ----------
        params : Any
            What :meth:`sample` returned.
        shapes : list of tuple
            The input image shape of each row.
        """
        return list(params.matrices)

    def output_shapes(self, params: Any, shapes: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
        """Return each row's image shape after the transform."""
        return [(int(h), int(w), *shape[2:]) for (h, w), shape in zip(params.sizes, shapes)]

    # ------------------------------------------------------------------ kinds
    def apply_to_images(self, images: list[np.ndarray], params: Any) -> list[np.ndarray]:
        shapes = [image.shape for image in images]
        matrices = self.matrices(params, shapes)
        out_shapes = self.output_shapes(params, shapes)
        return [
            self._warp_image(image, matrix, out_shape[:2], params, i)
            for i, (image, matrix, out_shape) in enumerate(zip(images, matrices, out_shapes))
        ]

    def _warp_image(self, image: np.ndarray, matrix: np.ndarray, size: tuple[int, int],
                    params: WarpParams, i: int) -> np.ndarray:
        if size == image.shape[:2] and np.array_equal(matrix, _EYE):
            return image.copy()
        return _cv2compat.warp(
            image, to_cv2(matrix), (size[1], size[0]), order=int(params.orders[i]),
            mode=params.modes[i], cval=params.cvals[i], backend=params.backend)

    def apply_to_maps(self, arrays: list[np.ndarray], params: Any, *,
                      shapes: list[tuple[int, ...]], kind: Any) -> list[np.ndarray]:
        matrices = self.matrices(params, shapes)
        out_shapes = self.output_shapes(params, shapes)
        order = 0 if kind.interpolation == "nearest" else 1
        out = []
        for i, (arr, matrix, shape, out_shape) in enumerate(
                zip(arrays, matrices, shapes, out_shapes)):
            map_matrix, size = map_geometry(matrix, arr.shape[:2], shape[:2], out_shape[:2])
            out.append(self._warp_map(arr, map_matrix, size, order, kind, params, i))
        return out

    def _warp_map(self, arr: np.ndarray, matrix: np.ndarray, size: tuple[int, int],
                  order: int, kind: Any, params: Any, i: int) -> np.ndarray:
        if size == arr.shape[:2] and np.array_equal(matrix, _EYE):
            return arr.copy()
        mode = self._map_mode(params, i)
        return _cv2compat.warp(arr, to_cv2(matrix), (size[1], size[0]), order=order,
                               mode=mode, cval=kind.cval, backend="cv2")

    def _map_mode(self, params: Any, i: int) -> Any:
        """Border mode for maps: the image's (so that maps stay aligned with it)."""
        modes = getattr(params, "modes", None)
        return "constant" if modes is None else modes[i]

    def apply_to_keypoints(self, xys: list[np.ndarray], params: Any, *,
                           shapes: list[tuple[int, ...]]) -> list[np.ndarray]:
        matrices = self.matrices(params, shapes)
        return [xy.copy() if np.array_equal(m, _EYE) else transform_points(xy, m)
                for xy, m in zip(xys, matrices)]


def map_geometry(matrix: np.ndarray, map_hw: tuple[int, int], image_hw: tuple[int, int],
                 out_image_hw: tuple[int, int]) -> tuple[np.ndarray, tuple[int, int]]:
    """Conjugate an image matrix to a map of another resolution.

    Returns the matrix in the map's coordinates and the map's output ``(h, w)``: the
    map keeps its ratio to the image (``h_out = round(H_out * h / H)``).
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
