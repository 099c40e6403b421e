"""Affine transforms: Affine, its one-axis shortcuts and AffineCv2."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from augkit import ALL, ParameterError
from augkit import parameters as iap
from augkit_geometric import functional as F
from augkit_geometric._bases import MatrixAugmenter, WarpParams
from augkit_geometric._common import check_flag, cv2_constant, handle_cval


def _axis_params(value: Any, name: str, default: float, convert) -> tuple[Any, Any]:
    """Return (x_param, y_param or None); None means "the x sample for both axes"."""
    if isinstance(value, dict):
        unknown = set(value) - {"x", "y"}
        if unknown or not value:
            raise ParameterError(
                f"{name}: a dict must have the keys 'x' and/or 'y', got keys {sorted(value)}"
            )
        return (convert(value.get("x", default), f"{name}['x']"),
                convert(value.get("y", default), f"{name}['y']"))
    return convert(value, name), None


def _draw_axes(params: tuple[Any, Any], n: int, rng: np.random.Generator):
    x = iap.draw(params[0], n, rng, np.float64)
    return x, (x if params[1] is None else iap.draw(params[1], n, rng, np.float64))


class Affine(MatrixAugmenter):
    """Scale, translate, rotate and shear images and everything on them.

    The transform is centred on the image centre: points are rotated, then scaled,
    then sheared about it, then translated (imgaug's order). One 3x3 matrix per image
    drives images, heatmaps, segmentation maps and all coordinates alike.

    Parameters
    ----------
    scale : number or tuple of (number, number) or list or StochasticParameter or dict, optional
        Zoom factor, 1.0 = unchanged (default). A dict ``{"x": ..., "y": ...}`` samples
        each axis independently (a missing key is 1.0); otherwise one value per image
        is used for both axes. Values must be > 0.
    translate_percent : number or tuple or list or StochasticParameter or dict, optional
        Translation as a fraction of the image width (x) and height (y). Without a
        dict one sample per image serves both axes. Give at most one of
        `translate_percent` and `translate_px`; with neither there is no translation.
    translate_px : int or tuple of (int, int) or list or StochasticParameter or dict, optional
        Translation in pixels (dict form as above).
    rotate : number or tuple or list or StochasticParameter, optional
        Rotation in degrees, clockwise on screen (y points down). Default 0.
    shear : number or tuple or list or StochasticParameter or dict, optional
        Shear in degrees: a single value shears along x only
        (``x' = x - tan(shear) * y`` about the centre); ``{"x": ..., "y": ...}`` shears
        along each axis. imgaug used ``tanh`` of the angle here; augkit uses ``tan``,
        the shear angle's geometric meaning (identical for small angles).
    order : int or list of int or augkit.ALL or StochasticParameter, optional
        Interpolation: 0 nearest, 1 linear (default), 3 cubic; 2, 4, 5 are
        scikit-image splines (with ``backend='cv2'``: cubic, Lanczos-4, Lanczos-4).
        ``augkit.ALL`` is ``[0, 1, 3, 4, 5]`` (``[0, 1, 3]`` with ``backend='cv2'``).
    <warp cval>
    mode : {'constant', 'edge', 'symmetric', 'reflect', 'wrap'} or list or augkit.ALL or \
StochasticParameter, optional
        How pixels from outside the image are filled (default ``'constant'``). Maps
        use the same mode, with their own fill value (0 / class 0).
    fit_output : bool, optional
        Enlarge the output canvas so the whole transformed image fits (translation
        is then absorbed). Changes the image shape.
    backend : {'auto', 'cv2', 'skimage'}, optional
        ``'auto'`` uses OpenCV for orders 0, 1, 3 and scikit-image otherwise.
    <seed and name>

    <supported data>

    <warp dtypes>

    scikit-image's spline orders (2, 4, 5 with ``backend='auto'``) resample every
    dtype in float64.

    Examples
    --------
    >>> import numpy as np
    >>> image = np.zeros((3, 4), dtype=np.uint8); image[0, 0] = 255
    >>> Affine(translate_px={"x": 2, "y": 1})(image=image).tolist()
    [[0, 0, 0, 0], [0, 0, 255, 0], [0, 0, 0, 0]]
    >>> aug = Affine(scale=(0.8, 1.2), rotate=(-30, 30), shear={"y": (-10, 10)}, seed=1)
    >>> aug(image=np.zeros((32, 32, 3), np.uint8)).shape
    (32, 32, 3)
    """

    imgaug_parameters = (
        "scale", "translate", "rotate", "shear", "order", "cval", "mode", "backend", "fit_output"
    )
    examples = (
        {"rotate": (-30, 30), "scale": (0.8, 1.2)},
        {"translate_px": {"x": (-5, 5), "y": (-3, 3)}, "shear": (-10, 10), "order": 0},
        {"rotate": 45, "fit_output": True, "mode": "edge"},
    )
    _all_orders = (0, 1, 3, 4, 5)
    _cv2_all_orders = (0, 1, 3)
    fusable = True  # sample reads the row shapes only

    def __init__(
        self,
        scale: Any = 1.0,
        translate_percent: Any = None,
        translate_px: Any = None,
        rotate: Any = 0.0,
        shear: Any = 0.0,
        order: Any = 1,
        cval: Any = 0,
        mode: Any = "constant",
        fit_output: bool = False,
        backend: str = "auto",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.backend = iap.handle_choice_param(backend, "backend", ("auto", "cv2", "skimage"),
                                               stochastic=False)
        self.scale = _axis_params(scale, "scale", 1.0, lambda v, n: iap.handle_continuous_param(
            v, n, value_range=(1e-4, None)))
        if translate_percent is not None and translate_px is not None:
            raise ParameterError(
                "translate_percent, translate_px: expected at most one of them, got "
                f"translate_percent={translate_percent!r} and translate_px={translate_px!r}")
        if translate_px is not None:
            self.translate_unit = "px"
            self.translate = _axis_params(
                translate_px, "translate_px", 0,
                lambda v, n: iap.handle_discrete_param(v, n, allow_floats=True))
        else:
            self.translate_unit = "percent"
            self.translate = _axis_params(
                0.0 if translate_percent is None else translate_percent, "translate_percent",
                0.0, lambda v, n: iap.handle_continuous_param(v, n))
        self.rotate = iap.handle_continuous_param(rotate, "rotate")
        if isinstance(shear, dict):
            self.shear = _axis_params(shear, "shear", 0.0, iap.handle_continuous_param)
        else:
            self.shear = (iap.handle_continuous_param(shear, "shear"), iap.Deterministic(0.0))
        self.order = self._order_param(order)
        self.cval = handle_cval(cval)
        self.mode = self._mode_param(mode)
        self.fit_output = check_flag(fit_output, "fit_output")

    # ------------------------------------------------------------------ arguments
    def _order_param(self, order: Any) -> iap.StochasticParameter:
        all_orders = self._cv2_all_orders if self.backend == "cv2" else self._all_orders
        return iap.handle_choice_param(order, "order", F.ORDERS, all_options=all_orders)

    def _mode_param(self, mode: Any) -> iap.StochasticParameter:
        return iap.handle_choice_param(mode, "mode", F.BORDER_MODES)

    # ------------------------------------------------------------------ sampling
    #: fit_output=True changes the image shape (False keeps it)
    changes_shape = True

    def _orders(self, drawn: list[Any]) -> list[int]:
        return [int(o) for o in drawn]

    def _modes(self, drawn: list[Any]) -> list[Any]:
        return [str(m) for m in drawn]

    def sample(self, rows, rng):
        n = rows.nb_rows
        shapes = rows.shapes
        sx, sy = _draw_axes(self.scale, n, rng)
        tx, ty = _draw_axes(self.translate, n, rng)
        rotate = np.deg2rad(iap.draw(self.rotate, n, rng, np.float64))
        shear_x = np.deg2rad(iap.draw(self.shear[0], n, rng, np.float64))
        shear_y = np.deg2rad(iap.draw(self.shear[1], n, rng, np.float64))
        orders = self._orders(iap.draw(self.order, n, rng).tolist())
        modes = self._modes(iap.draw(self.mode, n, rng).tolist())
        channels = max((s[2] if len(s) > 2 else 1 for s in shapes), default=1)
        cvals = iap.draw(self.cval, (n, channels), rng, np.float64)
        heights = np.array([s[0] for s in shapes], dtype=np.float64)
        widths = np.array([s[1] for s in shapes], dtype=np.float64)
        if self.translate_unit == "percent":
            tx, ty = tx * widths, ty * heights
        matrices = F.affine_matrices(heights, widths, sx, sy, tx, ty, rotate, shear_x, shear_y)
        sizes = [(int(s[0]), int(s[1])) for s in shapes]
        if self.fit_output:
            for i, (h, w) in enumerate(sizes):
                if h and w:
                    matrices[i], oh, ow = F.fit_to_canvas(matrices[i], h, w)
                    sizes[i] = (oh, ow)
        row_cvals = [cvals[i, :(s[2] if len(s) > 2 else 1)] for i, s in enumerate(shapes)]
        return WarpParams(matrices, sizes, orders, modes, row_cvals, self.backend)


class ScaleX(Affine):
    """Scale images along the x-axis only (an :class:`Affine` with ``scale={"x": scale}``).

    Parameters
    ----------
    scale : number or tuple or list or StochasticParameter, optional
        Zoom factor along x, > 0 (default ``(0.5, 1.5)``).
    <affine options>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> ScaleX((0.5, 1.5), seed=0)(image=np.zeros((8, 8), np.uint8)).shape
    (8, 8)
    """

    examples = ({"scale": (0.5, 1.5)}, {"scale": 2.0, "fit_output": True})

    def __init__(self, scale: Any = (0.5, 1.5), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 **kwargs: Any) -> None:
        super().__init__(scale={"x": scale}, order=order, cval=cval, mode=mode,
                         fit_output=fit_output, backend=backend, **kwargs)


class ScaleY(Affine):
    """Scale images along the y-axis only (an :class:`Affine` with ``scale={"y": scale}``).

    Parameters
    ----------
    scale : number or tuple or list or StochasticParameter, optional
        Zoom factor along y, > 0 (default ``(0.5, 1.5)``).
    <affine options>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> ScaleY((0.5, 1.5), seed=0)(image=np.zeros((8, 8), np.uint8)).shape
    (8, 8)
    """

    examples = ({"scale": (0.5, 1.5)},)

    def __init__(self, scale: Any = (0.5, 1.5), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 **kwargs: Any) -> None:
        super().__init__(scale={"y": scale}, order=order, cval=cval, mode=mode,
                         fit_output=fit_output, backend=backend, **kwargs)


class _TranslateAxis(Affine):
    """Translation along one axis; subclasses set ``_axis``."""

    _axis: str

    def __init__(self, percent: Any = None, px: Any = None, order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 **kwargs: Any) -> None:
        for name, value in (("percent", percent), ("px", px)):
            if isinstance(value, dict):
                raise ParameterError(f"{name}: a dict is not accepted here (one axis only)")
        if percent is None and px is None:
            percent = (-0.25, 0.25)
        super().__init__(
            translate_percent=None if percent is None else {self._axis: percent},
            translate_px=None if px is None else {self._axis: px},
            order=order, cval=cval, mode=mode, fit_output=fit_output, backend=backend,
            **kwargs)


class TranslateX(_TranslateAxis):
    """Translate images along the x-axis only (an :class:`Affine` translation).

    Parameters
    ----------
    percent : number or tuple or list or StochasticParameter, optional
        Fraction of the width; default ``(-0.25, 0.25)`` when `px` is not given.
    px : int or tuple or list or StochasticParameter, optional
        Pixels. Give at most one of `percent` and `px`.
    <affine options>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> TranslateX(px=1)(image=np.array([[1, 2, 3]], np.uint8)).tolist()
    [[0, 1, 2]]
    """

    _axis = "x"
    examples = ({"px": (-5, 5)}, {"percent": (-0.2, 0.2), "mode": "wrap"})


class TranslateY(_TranslateAxis):
    """Translate images along the y-axis only (an :class:`Affine` translation).

    Parameters
    ----------
    percent : number or tuple or list or StochasticParameter, optional
        Fraction of the height; default ``(-0.25, 0.25)`` when `px` is not given.
    px : int or tuple or list or StochasticParameter, optional
        Pixels. Give at most one of `percent` and `px`.
    <affine options>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> TranslateY(px=-1)(image=np.array([[1], [2]], np.uint8)).tolist()
    [[2], [0]]
    """

    _axis = "y"
    examples = ({"px": (-5, 5)}, {"percent": (-0.2, 0.2)})


class Rotate(Affine):
    """Rotate images about their centre (an :class:`Affine` with ``rotate=``).

    Parameters
    ----------
    rotate : number or tuple or list or StochasticParameter, optional
        Degrees, clockwise on screen (default ``(-30, 30)``).
    <affine options>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> image = np.array([[1, 2], [3, 4]], np.uint8)
    >>> Rotate(90, order=0)(image=image).tolist()
    [[3, 1], [4, 2]]
    """

    examples = ({"rotate": (-30, 30)}, {"rotate": 90, "fit_output": True})

    def __init__(self, rotate: Any = (-30, 30), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 **kwargs: Any) -> None:
        super().__init__(rotate=rotate, order=order, cval=cval, mode=mode,
                         fit_output=fit_output, backend=backend, **kwargs)


class ShearX(Affine):
    """Shear images along the x-axis (an :class:`Affine` with ``shear={"x": shear}``).

    Parameters
    ----------
    shear : number or tuple or list or StochasticParameter, optional
        Degrees (default ``(-30, 30)``).
    <affine options>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> ShearX((-20, 20), seed=0)(image=np.zeros((8, 8), np.uint8)).shape
    (8, 8)
    """

    examples = ({"shear": (-30, 30)},)

    def __init__(self, shear: Any = (-30, 30), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 **kwargs: Any) -> None:
        super().__init__(shear={"x": shear}, order=order, cval=cval, mode=mode,
                         fit_output=fit_output, backend=backend, **kwargs)


class ShearY(Affine):
    """Shear images along the y-axis (an :class:`Affine` with ``shear={"y": shear}``).

    Parameters
    ----------
    shear : number or tuple or list or StochasticParameter, optional
        Degrees (default ``(-30, 30)``).
    <affine options>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> ShearY((-20, 20), seed=0)(image=np.zeros((8, 8), np.uint8)).shape
    (8, 8)
    """

    examples = ({"shear": (-30, 30)},)

    def __init__(self, shear: Any = (-30, 30), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 **kwargs: Any) -> None:
        super().__init__(shear={"y": shear}, order=order, cval=cval, mode=mode,
                         fit_output=fit_output, backend=backend, **kwargs)


# AffineCv2's own spellings: cv2 constants, or these strings
_CV2_ORDERS = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR,
               "cubic": cv2.INTER_CUBIC, "lanczos4": cv2.INTER_LANCZOS4}
_CV2_ORDER_TO_ORDER = {cv2.INTER_NEAREST: 0, cv2.INTER_LINEAR: 1, cv2.INTER_CUBIC: 3,
                       cv2.INTER_LANCZOS4: 4}
_CV2_MODES = {"replicate": cv2.BORDER_REPLICATE, "reflect": cv2.BORDER_REFLECT,
              "reflect_101": cv2.BORDER_REFLECT_101, "wrap": cv2.BORDER_WRAP,
              "constant": cv2.BORDER_CONSTANT}


class AffineCv2(Affine):
    """Affine transforms with OpenCV's own names for interpolation and border modes.

    imgaug's older, OpenCV-only variant of :class:`Affine`; geometry and sampling are
    :class:`Affine`'s (the same matrix), only `order` and `mode` are spelled the
    OpenCV way and the backend is always OpenCV.

    Parameters
    ----------
    scale, translate_percent, translate_px, rotate, shear
        See :class:`Affine`.
    order : int or str or list of them or augkit.ALL or StochasticParameter, optional
        ``cv2.INTER_NEAREST``, ``cv2.INTER_LINEAR`` (default), ``cv2.INTER_CUBIC``,
        ``cv2.INTER_LANCZOS4`` or ``'nearest'``, ``'linear'``, ``'cubic'``,
        ``'lanczos4'``.
    cval : number or tuple or list or augkit.ALL or StochasticParameter, optional
        Fill value in [0, 255] (drawn per image and channel).
    mode : int or str or list of them or augkit.ALL or StochasticParameter, optional
        ``cv2.BORDER_REPLICATE``, ``cv2.BORDER_REFLECT``, ``cv2.BORDER_REFLECT_101``,
        ``cv2.BORDER_WRAP``, ``cv2.BORDER_CONSTANT`` (default) or ``'replicate'``,
        ``'reflect'``, ``'reflect_101'``, ``'wrap'``, ``'constant'``. Note that
        OpenCV's ``'reflect'`` is imgaug's ``'symmetric'``.
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import cv2, numpy as np
    >>> aug = AffineCv2(translate_px=1, order=cv2.INTER_NEAREST, mode="replicate")
    >>> aug(image=np.array([[1, 2, 3]], np.uint8)).tolist()
    [[1, 1, 2]]
    """

    imgaug_parameters = ("scale", "translate", "rotate", "shear", "order", "cval", "mode")
    examples = (
        {"rotate": (-20, 20), "order": "cubic"},
        {"translate_px": (-4, 4), "mode": [cv2.BORDER_REPLICATE, "constant"], "order": 0},
    )

    def __init__(self, scale: Any = 1.0, translate_percent: Any = None,
                 translate_px: Any = None, rotate: Any = 0.0, shear: Any = 0.0,
                 order: Any = cv2.INTER_LINEAR, cval: Any = 0, mode: Any = cv2.BORDER_CONSTANT,
                 **kwargs: Any) -> None:
        if not (isinstance(cval, iap.StochasticParameter)
                or (isinstance(cval, str) and cval == ALL)):
            iap.handle_continuous_param(cval, "cval", value_range=(0, 255))
        super().__init__(scale=scale, translate_percent=translate_percent,
                         translate_px=translate_px, rotate=rotate, shear=shear, order=order,
                         cval=cval, mode=mode, fit_output=False, backend="cv2", **kwargs)

    def _order_param(self, order: Any) -> iap.StochasticParameter:
        options = (*_CV2_ORDER_TO_ORDER, *_CV2_ORDERS)
        return iap.handle_choice_param(order, "order", options,
                                       all_options=tuple(_CV2_ORDER_TO_ORDER))

    def _mode_param(self, mode: Any) -> iap.StochasticParameter:
        options = (*_CV2_MODES.values(), *_CV2_MODES)
        return iap.handle_choice_param(mode, "mode", options,
                                       all_options=tuple(_CV2_MODES.values()))

    def _orders(self, drawn: list[Any]) -> list[int]:
        return [_CV2_ORDER_TO_ORDER[cv2_constant(o, _CV2_ORDERS, "order")] for o in drawn]

    def _modes(self, drawn: list[Any]) -> list[Any]:
        return [cv2_constant(m, _CV2_MODES, "mode") for m in drawn]


AUGMENTERS = (Affine, ScaleX, ScaleY, TranslateX, TranslateY, Rotate, ShearX, ShearY, AffineCv2)
