"""Random four-point perspective transforms."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from augkit import ParameterError
from augkit import parameters as iap
from augkit_geometric._matrix import (
    MatrixAugmenter,
    WarpParams,
    choice_param,
    fit_to_canvas,
    scale_matrix,
)

_MODES = {"replicate": cv2.BORDER_REPLICATE, "constant": cv2.BORDER_CONSTANT}


_SIDE_ENDS = np.array([2, 1, 1, 0])
_SIDE_STARTS = np.array([3, 0, 2, 3])


def four_point_matrix(jitter: np.ndarray, height: int, width: int) -> tuple[np.ndarray, int, int]:
    """Return the homography that maps a jittered quadrilateral onto an upright rectangle.

    Parameters
    ----------
    jitter : ndarray of shape (4, 2)
        How far each corner (top-left, top-right, bottom-right, bottom-left) moves
        inwards, as fractions of the width (column 0) and height (column 1).
    height, width : int
        The image size.

    Returns
    -------
    matrix : ndarray of shape (3, 3)
        Maps the quadrilateral (augkit coordinates) onto ``[0, w] x [0, h]``.
    h, w : int
        The rectangle's size: the quadrilateral's longer opposite sides.
    """
    jx, jy = jitter[:, 0] * width, jitter[:, 1] * height
    src = np.array([[jx[0], jy[0]], [width - jx[1], jy[1]],
                    [width - jx[2], height - jy[2]], [jx[3], height - jy[3]]])
    # the four side lengths in one np.hypot call: bottom, top (width), right, left (height)
    sides = src[_SIDE_ENDS] - src[_SIDE_STARTS]
    bottom, top, right, left = np.hypot(sides[:, 0], sides[:, 1]).tolist()
    out_w, out_h = max(int(round(max(bottom, top))), 2), max(int(round(max(right, left))), 2)
    dst = np.array([[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src.astype(np.float32), dst)
    return matrix.astype(np.float64), out_h, out_w


class PerspectiveTransform(MatrixAugmenter):
    """Apply a random four-point perspective transform to images and everything on them.

    Each corner of the image moves inwards by ``|N(0, scale)|`` of the image width
    and height; the quadrilateral they span is stretched onto an upright rectangle
    (a random "view from an angle" that also zooms in).

    Parameters
    ----------
    scale : number or tuple of (number, number) or list or StochasticParameter, optional
        Standard deviation of the corner jitter, as a fraction of the image size,
        drawn per image (default ``(0, 0.06)``). Jitter is capped at 0.45.
    cval : number or tuple or list or augkit.ALL or StochasticParameter, optional
        Fill value of ``mode='constant'``, per image and channel (default 0);
        ``augkit.ALL`` is ``(0, 255)``.
    mode : {'replicate', 'constant'} or cv2.BORDER_REPLICATE or cv2.BORDER_CONSTANT or \
list or augkit.ALL or StochasticParameter, optional
        How pixels from outside the image are filled (default ``'constant'``).
    keep_size : bool, optional
        Resize the result back to the input's height and width (default True). With
        False the output is the rectangle's size.
    fit_output : bool, optional
        Enlarge the canvas so the whole transformed image stays visible (nothing is
        cut off), instead of zooming in on the quadrilateral.
    polygon_recoverer : 'auto' or None, optional
        Accepted for imgaug compatibility; augkit's polygon kind repairs invalid
        polygons itself (with Shapely).
    seed, name, deterministic, random_state
        See :class:`augkit.Augmenter`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Images are warped with linear interpolation; dtypes are handled as in
    :class:`Affine` (see its dtype table).

    Examples
    --------
    >>> import numpy as np
    >>> aug = PerspectiveTransform(scale=(0.01, 0.1), seed=2)
    >>> aug(image=np.zeros((32, 48, 3), np.uint8)).shape
    (32, 48, 3)
    >>> PerspectiveTransform(0.05, keep_size=False, seed=2)(image=np.zeros((32, 48))).shape[1] < 48
    True
    """

    examples = (
        {"scale": (0.01, 0.1)},
        {"scale": 0.05, "keep_size": False, "mode": "replicate"},
        {"scale": (0.0, 0.1), "fit_output": True, "cval": (0, 255)},
    )
    changes_shape = True  # with keep_size=False

    def __init__(self, scale: Any = (0.0, 0.06), cval: Any = 0, mode: Any = "constant",
                 keep_size: bool = True, fit_output: bool = False,
                 polygon_recoverer: Any = "auto", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scale = iap.handle_continuous_param(scale, "scale", value_range=(0, None))
        if isinstance(cval, str) and cval == "ALL":
            self.cval = iap.Uniform(0, 255)
        else:
            self.cval = iap.handle_continuous_param(cval, "cval")
        self.mode = choice_param(mode, "mode", (*_MODES, *_MODES.values()),
                                 all_options=tuple(_MODES.values()))
        for name, value in (("keep_size", keep_size), ("fit_output", fit_output)):
            if not isinstance(value, (bool, np.bool_)):
                raise ParameterError(f"{name}: expected True or False, got {value!r}")
        self.keep_size = bool(keep_size)
        self.fit_output = bool(fit_output)
        if polygon_recoverer not in ("auto", None):
            raise ParameterError(
                f"polygon_recoverer: expected 'auto' or None, got {polygon_recoverer!r}")
        self.polygon_recoverer = polygon_recoverer

    def sample(self, rows, rng):
        n = rows.nb_rows
        sigma = np.asarray(self.scale.draw_samples(n, random_state=rng), np.float64).reshape(n)
        jitter = np.abs(rng.standard_normal((n, 4, 2)) * sigma[:, None, None])
        np.minimum(jitter, 0.45, out=jitter)
        modes = [m if not isinstance(m, str) or not m.lstrip("-").isdigit() else int(m)
                 for m in np.asarray(self.mode.draw_samples(n, random_state=rng))
                 .reshape(n).tolist()]
        modes = [_MODES.get(m, m) if isinstance(m, str) else int(m) for m in modes]
        channels = max((s[2] if len(s) > 2 else 1 for s in rows.shapes), default=1)
        cvals = np.asarray(self.cval.draw_samples((n, channels), random_state=rng),
                           dtype=np.float64).reshape(n, channels)
        matrices = np.empty((n, 3, 3))
        sizes = []
        for i, shape in enumerate(rows.shapes):
            h, w = int(shape[0]), int(shape[1])
            if h == 0 or w == 0:
                matrices[i] = np.eye(3)
                sizes.append((h, w))
                continue
            matrix, out_h, out_w = four_point_matrix(jitter[i], h, w)
            if self.fit_output:
                matrix, out_h, out_w = fit_to_canvas(matrix, h, w)
            if self.keep_size:
                matrix = scale_matrix(w / out_w, h / out_h) @ matrix
                out_h, out_w = h, w
            matrices[i] = matrix
            sizes.append((out_h, out_w))
        row_cvals = [cvals[i, :(s[2] if len(s) > 2 else 1)] for i, s in enumerate(rows.shapes)]
        return WarpParams(matrices, sizes, [1] * n, modes, row_cvals, "cv2", extra=jitter)


AUGMENTERS = (PerspectiveTransform,)
