"""Random four-point perspective transforms: PerspectiveTransform."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from augkit import parameters as iap
from augkit_geometric import functional as F
from augkit_geometric._bases import MatrixAugmenter, WarpParams
from augkit_geometric._common import (
    check_flag,
    cv2_constant,
    handle_cval,
    handle_polygon_recoverer,
)

_MODES = {"replicate": cv2.BORDER_REPLICATE, "constant": cv2.BORDER_CONSTANT}


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
    <warp cval>
    mode : {'replicate', 'constant'} or cv2.BORDER_REPLICATE or cv2.BORDER_CONSTANT or \
list or augkit.ALL or StochasticParameter, optional
        How pixels from outside the image are filled (default ``'constant'``).
    keep_size : bool, optional
        Resize the result back to the input's height and width (default True). With
        False the output is the rectangle's size.
    fit_output : bool, optional
        Enlarge the canvas so the whole transformed image stays visible (nothing is
        cut off), instead of zooming in on the quadrilateral.
    <polygon_recoverer>
    <seed and name>

    <supported data>

    Images are warped with linear interpolation:

    <warp dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> aug = PerspectiveTransform(scale=(0.01, 0.1), seed=2)
    >>> aug(image=np.zeros((32, 48, 3), np.uint8)).shape
    (32, 48, 3)
    >>> PerspectiveTransform(0.05, keep_size=False, seed=2)(image=np.zeros((32, 48))).shape[1] < 48
    True
    """

    imgaug_parameters = ("jitter", "keep_size", "cval", "mode", "fit_output")
    examples = (
        {"scale": (0.01, 0.1)},
        {"scale": 0.05, "keep_size": False, "mode": "replicate"},
        {"scale": (0.0, 0.1), "fit_output": True, "cval": (0, 255)},
    )
    changes_shape = True  # with keep_size=False
    fusable = True  # sample reads the row shapes only

    def __init__(self, scale: Any = (0.0, 0.06), cval: Any = 0, mode: Any = "constant",
                 keep_size: bool = True, fit_output: bool = False,
                 polygon_recoverer: Any = "auto", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scale = iap.handle_continuous_param(scale, "scale", value_range=(0, None))
        self.cval = handle_cval(cval)
        self.mode = iap.handle_choice_param(mode, "mode", (*_MODES, *_MODES.values()),
                                            all_options=tuple(_MODES.values()))
        self.keep_size = check_flag(keep_size, "keep_size")
        self.fit_output = check_flag(fit_output, "fit_output")
        self.polygon_recoverer = handle_polygon_recoverer(polygon_recoverer)

    @property
    def jitter(self) -> iap.StochasticParameter:
        """imgaug's ``jitter``: the distribution of the corner offsets, ``Normal(0, scale)``."""
        return iap.Normal(0, self.scale)

    def sample(self, rows, rng):
        n = rows.nb_rows
        sigma = iap.draw(self.scale, n, rng, np.float64)
        jitter = np.abs(rng.standard_normal((n, 4, 2)) * sigma[:, None, None])
        np.minimum(jitter, 0.45, out=jitter)
        modes = [cv2_constant(m, _MODES, "mode") for m in iap.draw(self.mode, n, rng).tolist()]
        channels = max((s[2] if len(s) > 2 else 1 for s in rows.shapes), default=1)
        cvals = iap.draw(self.cval, (n, channels), rng, np.float64)
        matrices = np.empty((n, 3, 3))
        sizes = []
        direct = self.keep_size and not self.fit_output  # each quad onto its image's size
        for i, shape in enumerate(rows.shapes):
            h, w = int(shape[0]), int(shape[1])
            if h == 0 or w == 0:
                matrices[i] = np.eye(3)
                sizes.append((h, w))
                continue
            matrix, out_h, out_w = F.four_point_matrix(jitter[i], h, w,
                                                       (h, w) if direct else None)
            if self.fit_output:
                matrix, out_h, out_w = F.fit_to_canvas(matrix, h, w)
            if self.keep_size and not direct:
                matrix = F.scale_matrix(w / out_w, h / out_h) @ matrix
                out_h, out_w = h, w
            matrices[i] = matrix
            sizes.append((out_h, out_w))
        row_cvals = [cvals[i, :(s[2] if len(s) > 2 else 1)] for i, s in enumerate(rows.shapes)]
        return WarpParams(matrices, sizes, [1] * n, modes, row_cvals, "cv2", extra=jitter)


AUGMENTERS = (PerspectiveTransform,)
