"""PiecewiseAffine: jitter a regular grid of points and warp each triangle affinely."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from augkit import ParameterError
from augkit import parameters as iap
from augkit_geometric import functional as F
from augkit_geometric._common import (
    GeometricFamilyAugmenter,
    check_flag,
    handle_cval,
    handle_polygon_recoverer,
)

#: Most grid points (``nb_rows * nb_cols``) one image may be warped with: 2**20, a
#: 1024 x 1024 grid, far finer than any image needs (each point costs memory and time).
MAX_GRID_POINTS = 1 << 20


@dataclass
class PiecewiseAffineParams:
    """Per-row draws of :class:`PiecewiseAffine`.

    ``jitters[i]`` is row *i*'s ``(nb_rows, nb_cols, 2)`` displacement of the grid
    points in image pixels (x, y), or None when nothing moves.

    Examples
    --------
    >>> aug = PiecewiseAffine(scale=0.05, nb_rows=3, nb_cols=4, seed=0)
    >>> _, params = aug(image=np.zeros((8, 6), np.uint8), return_params=True)
    >>> params.jitters[0].shape
    (3, 4, 2)
    """

    jitters: list[np.ndarray | None]
    orders: np.ndarray
    modes: list[str]
    cvals: np.ndarray


class PiecewiseAffine(GeometricFamilyAugmenter):
    """Warp images locally: jitter a regular grid of points, move each triangle affinely.

    A grid of ``nb_rows x nb_cols`` points spans the image (corners and edges
    included); each point is moved by a normal distribution of standard deviation
    *scale* (a fraction of the image height/width, or pixels with
    ``absolute_scale=True``). Every grid cell is split into two triangles, and the
    image inside each triangle is transformed by the affine map that takes its
    regular corners to its jittered corners. The dense map is computed vectorised
    (bilinear interpolation plus a per-cell correction), then applied in one remap.

    Parameters
    ----------
    scale : number or tuple of (number, number) or list or StochasticParameter, optional
        Standard deviation of the point jitter, drawn once per image (default
        ``(0.0, 0.04)``). Values around 0.01 to 0.05 are weak to strong.
    nb_rows : int or tuple of (int, int) or list or StochasticParameter, optional
        Rows of grid points, at least 2 (default ``(2, 4)``); smaller draws are raised
        to 2.
    nb_cols : int or tuple of (int, int) or list or StochasticParameter, optional
        Columns of grid points, as *nb_rows* (default ``(2, 4)``).
    <field order>
    <field cval>
    mode : {'constant', 'edge', 'symmetric', 'reflect', 'wrap'} or list or augkit.ALL or \
StochasticParameter, optional
        How pixels outside the image are read (scikit-image's names; default
        ``constant``). Maps use the same mode with their kind's fill value.
    absolute_scale : bool, optional
        If True, *scale* is in pixels instead of a fraction of the image size.
    <polygon_recoverer>
    <seed and name>

    Notes
    -----
    Coordinates move by the exact inverse of the image transform: each point is
    located in the jittered triangle that contains it and carried to the same
    barycentric position in the regular triangle (points outside every jittered
    triangle use the nearest one's affine map). ``keypoint_tolerance`` stays at the
    default 1.0 pixel. Where the jitter is so strong that triangles fold over,
    the map is not invertible and points follow the first triangle that holds them.

    <supported data>

    <warp dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> image = np.zeros((32, 32, 3), dtype=np.uint8)
    >>> PiecewiseAffine(scale=0.03, nb_rows=4, nb_cols=4, seed=1)(image=image).shape
    (32, 32, 3)
    >>> bool((PiecewiseAffine(scale=0)(image=image + 5) == 5).all())
    True
    """

    imgaug_parameters = ("scale", "nb_rows", "nb_cols", "order", "cval", "mode", "absolute_scale")
    examples = (
        {"scale": 0.03, "nb_rows": 4, "nb_cols": 4},
        {"scale": (0.01, 0.05), "nb_rows": (2, 6), "nb_cols": (2, 6), "order": 0},
        {"scale": 1.5, "absolute_scale": True, "mode": "edge", "order": 3},
    )

    def __init__(
        self,
        scale: Any = (0.0, 0.04),
        nb_rows: Any = (2, 4),
        nb_cols: Any = (2, 4),
        order: Any = 1,
        cval: Any = 0,
        mode: Any = "constant",
        absolute_scale: bool = False,
        polygon_recoverer: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.scale = iap.handle_continuous_param(scale, "scale", value_range=(0, None))
        self.nb_rows = iap.handle_discrete_param(nb_rows, "nb_rows", value_range=(2, None))
        self.nb_cols = iap.handle_discrete_param(nb_cols, "nb_cols", value_range=(2, None))
        self.order = iap.handle_choice_param(order, "order", F.ORDERS)
        self.cval = handle_cval(cval)
        self.mode = iap.handle_choice_param(mode, "mode", F.BORDER_MODES)
        self.absolute_scale = check_flag(absolute_scale, "absolute_scale")
        self.polygon_recoverer = handle_polygon_recoverer(polygon_recoverer)

    @property
    def jitter(self) -> iap.StochasticParameter:
        """imgaug's ``jitter``: the distribution of the point offsets, ``Normal(0, scale)``."""
        return iap.Normal(0, self.scale)

    def sample(self, rows, rng):
        n = rows.nb_rows
        scales = np.abs(iap.draw(self.scale, n, rng, np.float64))
        nb_rows = np.maximum(iap.draw(self.nb_rows, n, rng).astype(np.intp), 2)
        nb_cols = np.maximum(iap.draw(self.nb_cols, n, rng).astype(np.intp), 2)
        orders = iap.draw(self.order, n, rng).astype(np.intp)
        cvals = iap.draw(self.cval, n, rng, np.float64)
        modes = [str(m) for m in iap.draw(self.mode, n, rng).tolist()]
        jitters: list[np.ndarray | None] = []
        for shape, scale, rows_i, cols_i in zip(rows.shapes, scales.tolist(), nb_rows.tolist(),
                                                nb_cols.tolist()):
            if rows_i * cols_i > MAX_GRID_POINTS:
                raise ParameterError(
                    f"PiecewiseAffine: nb_rows x nb_cols = {rows_i} x {cols_i} grid points "
                    f"({rows_i * cols_i:,}) is more than {MAX_GRID_POINTS:,}; a grid finer "
                    "than the image's pixels only costs memory")
            height, width = shape[:2]
            jitter = rng.standard_normal((rows_i, cols_i, 2))
            jitter *= scale
            if not self.absolute_scale:
                jitter *= (width, height)
            jitters.append(None if scale == 0 or height == 0 or width == 0 else jitter)
        return PiecewiseAffineParams(jitters, orders, modes, cvals)

    @staticmethod
    def _field(jitter: np.ndarray | None, shape: tuple[int, ...],
               target: tuple[int, int]) -> np.ndarray | None:
        if jitter is None:
            return None
        height, width = target
        if (height, width) != tuple(shape[:2]):
            jitter = jitter * (width / shape[1], height / shape[0])
        return F.piecewise_field(jitter, height, width)

    def apply_to_images(self, images, params):
        return [
            F.remap_field(image, self._field(jitter, image.shape, image.shape[:2]),
                                order=int(order), mode=mode, cval=cval)
            for image, jitter, order, mode, cval in zip(
                images, params.jitters, params.orders, params.modes, params.cvals.tolist())
        ]

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        order = 0 if kind.interpolation == "nearest" else 1
        return [
            F.remap_field(arr, self._field(jitter, shape, arr.shape[:2]), order=order,
                                mode=mode, cval=kind.cval)
            for arr, jitter, shape, mode in zip(arrays, params.jitters, shapes, params.modes)
        ]

    def apply_to_keypoints(self, xys, params, *, shapes):
        return [
            np.array(xy, dtype=np.float32, copy=True) if jitter is None
            else F.piecewise_points(xy, jitter, shape[0], shape[1])
            for xy, jitter, shape in zip(xys, params.jitters, shapes)
        ]


AUGMENTERS = (PiecewiseAffine,)
