"""Pillow's affine ``Image.transform`` as an augmenter that moves every annotation."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from augkit import ALL, ParameterError
from augkit import parameters as iap
from augkit.extend import GeometricAugmenter, run_cv2
from augkit_pillike import functional as F
from augkit_pillike._common import DOC_BLOCKS, draw_centers, handle_center

#: OpenCV's pixel centres are at integers, Pillow's and augkit's at ``i + 0.5``.
_TO_CV2 = np.array([[1.0, 0.0, -0.5], [0.0, 1.0, -0.5], [0.0, 0.0, 1.0]])
_FROM_CV2 = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 0.5], [0.0, 0.0, 1.0]])


def _axes(value: Any, name: str, default: float, convert) -> tuple[Any, Any]:
    """``(x_param, y_param)``; y is None where one draw serves both axes (imgaug's)."""
    if isinstance(value, dict):
        if not value or set(value) - {"x", "y"}:
            raise ParameterError(f"{name}: a dict must have the keys 'x' and/or 'y', got "
                                 f"keys {sorted(value)}")
        return (convert(value.get("x", default), f"{name}['x']"),
                convert(value.get("y", default), f"{name}['y']"))
    return convert(value, name), None


def _draw_axes(params: tuple[Any, Any], n: int, rng: np.random.Generator):
    x = iap.draw(params[0], n, rng, np.float64)
    return x, (x if params[1] is None else iap.draw(params[1], n, rng, np.float64))


class Affine(GeometricAugmenter):
    """Scale, translate, rotate and shear as Pillow's ``Image.transform`` (``AFFINE``).

    Images are resampled by Pillow with nearest neighbour, exactly as imgaug's
    ``pillike.Affine``; the same matrix moves keypoints, boxes, polygons and line
    strings, and resamples heatmaps (linear) and segmentation maps (nearest), which
    imgaug refused. Registered as ``pillike.Affine``; the bare name ``Affine`` stays
    the geometric family's.

    The transform is about *center*: rotation (clockwise on screen), shear (by the
    ``tanh`` of the angle, as imgaug), scale, then translation.

    Parameters
    ----------
    scale : number or tuple of (number, number) or list or StochasticParameter or dict, optional
        Zoom (1.0: unchanged). A dict ``{"x": ..., "y": ...}`` draws each axis;
        otherwise one draw per image serves both.
    translate_percent : number or tuple or list or StochasticParameter or dict, optional
        Translation as a fraction of the image width (x) and height (y).
    translate_px : int or tuple of (int, int) or list or StochasticParameter or dict, optional
        Translation in pixels. Give at most one of the two (neither: no translation).
    rotate : number or tuple or list or StochasticParameter, optional
        Degrees, clockwise on screen.
    shear : number or tuple or list or StochasticParameter or dict, optional
        Degrees; a single value shears along x only.
    fillcolor : number or tuple or list or augkit.ALL or StochasticParameter, optional
        Value of new pixels, drawn per image and channel (default 0); ``augkit.ALL``
        is uniform in [0, 255].
    center : str or tuple of (float, float) or StochasticParameter or tuple of \
StochasticParameter, optional
        Centre of the transform as fractions of the image size (default
        ``(0.5, 0.5)``; ``"left-top"`` or ``(0, 0)`` is Pillow's own origin), or
        ``"uniform"``, ``"normal"``, ``"center-top"``, ``"right-bottom"``...
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> image = np.arange(1, 10, dtype=np.uint8).reshape(3, 3)
    >>> Affine(rotate=90)(image=image).tolist()
    [[7, 4, 1], [8, 5, 2], [9, 6, 3]]
    >>> Affine(translate_px={"x": 1})(image=image, keypoints=[(0.5, 0.5)])[1]
    [(1.5, 0.5)]
    """

    registered_name = "pillike.Affine"
    supported_dtypes = frozenset({"uint8"})
    image_channels = (1, 3, 4)
    doc_blocks = DOC_BLOCKS
    imgaug_parameters = ("scale", "translate", "rotate", "shear", "cval", "center")
    examples = (
        {"rotate": (-30, 30), "scale": (0.8, 1.2)},
        {"translate_px": {"x": (-5, 5), "y": (-3, 3)}, "shear": (-10, 10), "fillcolor": 128},
        {"rotate": 45, "center": "left-top", "fillcolor": (0, 255)},
    )

    def __init__(self, scale: Any = 1.0, translate_percent: Any = None,
                 translate_px: Any = None, rotate: Any = 0.0, shear: Any = 0.0,
                 fillcolor: Any = 0, center: Any = (0.5, 0.5), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scale = _axes(scale, "scale", 1.0, lambda v, n: iap.handle_continuous_param(
            v, n, value_range=(1e-4, None)))
        if translate_percent is not None and translate_px is not None:
            raise ParameterError(
                "translate_percent, translate_px: expected at most one of them, got "
                f"translate_percent={translate_percent!r} and translate_px={translate_px!r}")
        self.translate_unit = "px" if translate_px is not None else "percent"
        if translate_px is not None:
            self.translate = _axes(translate_px, "translate_px", 0, iap.handle_discrete_param)
        else:
            self.translate = _axes(0.0 if translate_percent is None else translate_percent,
                                   "translate_percent", 0.0, iap.handle_continuous_param)
        self.rotate = iap.handle_continuous_param(rotate, "rotate")
        self.shear = (_axes(shear, "shear", 0.0, iap.handle_continuous_param)
                      if isinstance(shear, dict)
                      else (iap.handle_continuous_param(shear, "shear"), iap.Deterministic(0.0)))
        self.fillcolor = (iap.Uniform(0, 255) if isinstance(fillcolor, str) and fillcolor == ALL
                          else iap.handle_continuous_param(fillcolor, "fillcolor"))
        self.center = handle_center(center)

    @property
    def cval(self) -> iap.StochasticParameter:
        """imgaug's name of :attr:`fillcolor`."""
        return self.fillcolor

    def sample(self, rows, rng):
        n, shapes = rows.nb_rows, rows.shapes
        sx, sy = _draw_axes(self.scale, n, rng)
        tx, ty = _draw_axes(self.translate, n, rng)
        rotate = iap.draw(self.rotate, n, rng, np.float64)
        shear_x = iap.draw(self.shear[0], n, rng, np.float64)
        shear_y = iap.draw(self.shear[1], n, rng, np.float64)
        channels = max((s[2] if len(s) > 2 else 1 for s in shapes), default=1)
        fills = np.clip(np.round(iap.draw(self.fillcolor, (n, channels), rng, np.float64)),
                        0, 255).astype(np.int64)
        centers = np.clip(draw_centers(self.center, n, rng), 0.0, 1.0)
        params = []
        for i, shape in enumerate(shapes):
            height, width = shape[0], shape[1]
            dx, dy = ((tx[i] * width, ty[i] * height) if self.translate_unit == "percent"
                      else (tx[i], ty[i]))
            matrix = F.affine_matrix(sx[i], sy[i], dx, dy, rotate[i], shear_x[i], shear_y[i],
                                     (width * centers[i, 0], height * centers[i, 1]))
            nb_channels = shape[2] if len(shape) > 2 else 1
            params.append((matrix, tuple(fills[i, :nb_channels].tolist())))
        return params

    def apply_to_images(self, images, params):
        out = []
        for image, (matrix, fill) in zip(images, params):
            fillcolor = fill[0] if image.shape[2] == 1 else fill
            out.append(F.warp_matrix(image, matrix, fillcolor))
        return out

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        flag = cv2.INTER_NEAREST if kind.interpolation == "nearest" else cv2.INTER_LINEAR
        out = []
        for arr, (matrix, _), shape in zip(arrays, params, shapes):
            height, width = arr.shape[:2]
            to_map = np.diag([width / shape[1], height / shape[0], 1.0])
            cv2_matrix = (_TO_CV2 @ to_map @ matrix @ np.linalg.inv(to_map) @ _FROM_CV2)[:2]
            out.append(run_cv2(arr, lambda a, m=cv2_matrix, size=(width, height): cv2.warpAffine(
                a, m, size, flags=flag, borderMode=cv2.BORDER_CONSTANT, borderValue=kind.cval)))
        return out

    def apply_to_keypoints(self, xys, params, *, shapes):
        return [(xy @ matrix[:2, :2].T + matrix[:2, 2]).astype(np.float32)
                for xy, (matrix, _) in zip(xys, params)]


AUGMENTERS = [Affine]
