"""Size augmenters: crop, pad and resize images with everything on them.

=========================================  ===================================================
augmenter                                  what it does per image
=========================================  ===================================================
:class:`CropAndPad`, :class:`Crop`,        crop (negative values) / pad (positive values) each
:class:`Pad`                               side by pixels or a fraction, optionally resizing
                                           back to the input size (``keep_size``)
:class:`PadToFixedSize`,                   pad / crop to a width and height
:class:`CropToFixedSize`
:class:`PadToAspectRatio`,                 pad / crop to ``width / height == aspect_ratio``
:class:`CropToAspectRatio`, ``...Square``
:class:`PadToMultiplesOf`,                 pad / crop until the sides are multiples of values
:class:`CropToMultiplesOf`
:class:`PadToPowersOf`,                    pad / crop until the sides are powers of bases
:class:`CropToPowersOf`
``Center...`` of each of the above         the same, always centred
:class:`Resize` (``Scale``)                resize to sizes or fractions (see ``_resize``)
:class:`KeepSizeByResize`                  run children, then resize back to the input size
=========================================  ===================================================

All of them sample one :class:`~augkit_geometric._crop_pad.CropPadParams` per call
(crops, pads and an optional resize per row) and share one implementation for images,
maps and coordinates; the "to ..." families only differ in the function that computes
the amounts from an image's shape. Crops never leave less than 1 pixel.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from augkit import ParameterError
from augkit import imgutils as iu
from augkit import parameters as iap
from augkit.errors import ParameterTypeError, describe
from augkit_geometric._crop_pad import (
    CropPadAugmenter,
    draw,
    draw_position_one,
    draw_positions,
    fixed_param,
    handle_pad_cval,
    handle_pad_mode,
    handle_position,
    make_params,
    make_params_one,
)
from augkit_geometric._resize import KeepSizeByResize, Resize

# ============================================================================ CropAndPad


def _handle_amounts(value: Any, name: str, percent: bool, low: float | None,
                    high: float | None = None) -> Any:
    """``px``/``percent`` → None, one parameter, or a list of 4 (parameter or None)."""
    if value is None:
        return None
    handler = iap.handle_continuous_param if percent else iap.handle_discrete_param
    if isinstance(value, tuple) and len(value) == 4:
        return [None if item is None else
                handler(item, f"{name}[{side}]", value_range=(low, high))
                for side, item in zip(("top", "right", "bottom", "left"), value)]
    try:
        return handler(value, name, value_range=(low, high))
    except (ParameterError, ParameterTypeError) as exc:
        raise type(exc)(f"{exc} (or a tuple of 4 such values: top, right, bottom, left)") \
            from None


class CropAndPad(CropPadAugmenter):
    """Crop or pad each side of the images by pixels or fractions of the side length.

    Negative values crop, positive values pad. Each side draws its own amount unless
    *sample_independently* is False. With *keep_size* (default), the result is resized
    back to the input size.

    Parameters
    ----------
    px : None or int or tuple of (int, int) or list of int or StochasticParameter or \
tuple of 4 of those, optional
        Pixels per side. ``(a, b)`` draws from ``[a..b]``, a list picks one; a
        4-tuple gives ``(top, right, bottom, left)``, each entry any of the forms
        above or None (no change on that side).
    percent : None or float or tuple of (float, float) or list of float or \
StochasticParameter or tuple of 4 of those, optional
        As *px*, as a fraction of the image height (top, bottom) or width (left,
        right); values >= -1.0 (rounded to whole pixels).
    pad_mode : str or list of str or augkit.ALL or StochasticParameter, optional
        One of ``constant, edge, linear_ramp, maximum, mean, median, minimum,
        reflect, symmetric, wrap`` (see :func:`numpy.pad`); a list picks one per
        image, ``augkit.ALL`` any of them.
    pad_cval : number or tuple of (number, number) or list of number or \
StochasticParameter, optional
        Fill value of ``constant`` (end value of ``linear_ramp``) padding, drawn per
        image; clipped to the image dtype.
    keep_size : bool, optional
        Resize the result back to the input size (images: cubic; heatmaps: linear;
        segmentation maps: nearest).
    sample_independently : bool, optional
        If False and *px*/*percent* is a single value, draw one amount per image
        and use it for all four sides.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Notes
    -----
    Crops are clamped so that at least 1 pixel remains on each axis (both sides of
    the axis are reduced proportionally). Maps smaller than their image are cropped
    and padded by the amounts scaled to their resolution (rounded), and padded with
    their kind's fill value (0 for heatmaps and segmentation maps) whatever
    *pad_mode* is. Integer dtypes are resized with clipping (``keep_size``), never
    wrapped; see :func:`augkit.imgutils.imresize_single_image` for the dtype table.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(9, dtype=np.uint8).reshape(3, 3)
    >>> CropAndPad(px=(-1, 1, 0, 0), pad_cval=9, keep_size=False)(image=img).tolist()
    [[3, 4, 5, 9], [6, 7, 8, 9]]
    """

    examples = (
        {"px": (-4, 4)},
        {"percent": (-0.2, 0.2), "pad_mode": ["constant", "edge"], "keep_size": False},
        {"px": (0, -2, 3, (-1, 1)), "pad_cval": (0, 255), "sample_independently": False},
    )

    # Keypoints move exactly; but the kit locates a dot by its visible centroid, and a
    # dot cut by the crop border (then enlarged by keep_size) is seen up to ~2 px off.
    keypoint_tolerance = 2.0

    # how drawn values turn into crops and pads: "both" (negative crops, positive
    # pads), "crop" (values are crops), "pad" (values are pads)
    _direction: ClassVar[str] = "both"

    def __init__(self, px: Any = None, percent: Any = None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, keep_size: bool = True,
                 sample_independently: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if px is not None and percent is not None:
            raise ParameterError(
                f"px, percent: give one of them, not both (got px={describe(px)}, "
                f"percent={describe(percent)})"
            )
        low = None if self._direction == "both" else 0
        self.px = _handle_amounts(px, "px", False, low)
        self.percent = _handle_amounts(percent, "percent", True,
                                       -1.0 if self._direction == "both" else 0.0,
                                       1.0 if self._direction == "crop" else None)
        self.pad_mode = handle_pad_mode(pad_mode)
        self.pad_cval = handle_pad_cval(pad_cval)
        self.keep_size = bool(keep_size)
        self.sample_independently = bool(sample_independently)

    def _constant(self) -> np.ndarray | None:
        """The four drawn values when every amount is fixed (None otherwise)."""
        spec = self.px if self.px is not None else self.percent
        params = spec if isinstance(spec, list) else [spec]
        if spec is not None and not all(p is None or isinstance(p, iap.Deterministic)
                                        for p in params):
            return None
        return self._draw_values(1, np.random.default_rng(0), use_constant=False)[0]

    def _draw_values(self, n: int, rng: np.random.Generator,
                     use_constant: bool = True) -> np.ndarray:
        if use_constant:
            if "_fixed" not in self.__dict__:
                self._fixed = self._constant()
            if self._fixed is not None:
                return np.tile(self._fixed, (n, 1))
        spec = self.px if self.px is not None else self.percent
        if spec is None:
            return np.zeros((n, 4))
        if isinstance(spec, list):
            values = np.zeros((n, 4))
            for side, param in enumerate(spec):
                if param is not None:
                    values[:, side] = draw(param, n, rng)
            return values
        if self.sample_independently:
            return draw(spec, (n, 4), rng).astype(np.float64)
        return np.repeat(draw(spec, (n, 1), rng).astype(np.float64), 4, axis=1)

    def _split(self, amounts: list[int]) -> tuple[list[int], list[int]]:
        if self._direction == "both":
            return [max(-a, 0) for a in amounts], [max(a, 0) for a in amounts]
        if self._direction == "crop":
            return [max(a, 0) for a in amounts], [0, 0, 0, 0]
        return [0, 0, 0, 0], [max(a, 0) for a in amounts]

    def _sampling_is_fixed(self) -> bool:
        spec = self.px if self.px is not None else self.percent
        return (all(fixed_param(p) for p in (spec if isinstance(spec, list) else [spec]))
                and fixed_param(self.pad_mode) and fixed_param(self.pad_cval))

    def _sample(self, rows, rng):
        n = rows.nb_rows
        if n == 1:
            # one row: Python numbers, the same draws in the same order as below
            values = self._draw_values(1, rng)[0].tolist()
            shape = rows.shapes[0]
            if self.percent is not None:
                height, width = shape[0], shape[1]
                values = [values[0] * height, values[1] * width, values[2] * height,
                          values[3] * width]
            crop, pad = self._split([int(round(v)) for v in values])  # round: half to even
            mode = str(draw(self.pad_mode, 1, rng)[0])
            cval = float(draw(self.pad_cval, 1, rng)[0])
            return make_params_one(crop, pad, shape, mode, cval,
                                   shape[:2] if self.keep_size else None)
        if self.percent is None and "_fixed" in self.__dict__ and self._fixed is not None:
            # fixed pixel amounts: no numpy round trips on the per-call path
            crop_row, pad_row = self._split([int(round(v)) for v in self._fixed.tolist()])
            crops = np.array([crop_row] * n, dtype=np.int64).reshape(n, 4)
            pads = np.array([pad_row] * n, dtype=np.int64).reshape(n, 4)
            return self._finish(rows, rng, crops, pads)
        values = self._draw_values(n, rng)
        if self.percent is not None and n:
            sides = np.array([(s[0], s[1], s[0], s[1]) for s in rows.shapes], dtype=np.float64)
            values = values * sides
        amounts = np.rint(values).astype(np.int64)
        zeros = np.zeros((n, 4), dtype=np.int64)
        if self._direction == "both":
            crops, pads = np.maximum(-amounts, 0), np.maximum(amounts, 0)
        elif self._direction == "crop":
            crops, pads = np.maximum(amounts, 0), zeros
        else:
            crops, pads = zeros, np.maximum(amounts, 0)
        return self._finish(rows, rng, crops, pads)

    def _finish(self, rows, rng, crops, pads):
        n = rows.nb_rows
        modes = draw(self.pad_mode, n, rng)
        cvals = draw(self.pad_cval, n, rng)
        sizes = (np.array([s[:2] for s in rows.shapes], dtype=np.int64).reshape(n, 2)
                 if self.keep_size else None)
        return make_params(crops, pads, rows.shapes, modes, cvals, sizes)


class Crop(CropAndPad):
    """Crop each side of the images by pixels or fractions of the side length.

    Parameters
    ----------
    px : None or int or tuple of (int, int) or list of int or StochasticParameter or \
tuple of 4 of those, optional
        Pixels to crop per side (>= 0), as for :class:`CropAndPad`:
        ``Crop(px=(0, 16))`` crops 0 to 16 pixels from each side independently.
    percent : None or float or tuple of (float, float) or list of float or \
StochasticParameter or tuple of 4 of those, optional
        Fraction of the side length to crop per side, in ``[0, 1]``.
    keep_size : bool, optional
        Resize the result back to the input size (default True).
    sample_independently : bool, optional
        If False and a single value is given, crop all four sides by one amount.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Crops are clamped so that at least 1 pixel remains on each axis.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(9, dtype=np.uint8).reshape(3, 3)
    >>> Crop(px=(1, 0, 0, 0), keep_size=False)(image=img).tolist()
    [[3, 4, 5], [6, 7, 8]]
    """

    # (the README's px=(0, 16) with keep_size would enlarge the kit's 24-px images
    # up to 3x, and with them the bias of a dot cut by the border: see test_size.py)
    examples = ({"px": (0, 16), "keep_size": False}, {"px": (0, 6)},
                {"percent": (0, 0.3), "keep_size": False},
                {"px": (1, 0, 0, 0), "keep_size": False})
    _direction = "crop"

    def __init__(self, px: Any = None, percent: Any = None, keep_size: bool = True,
                 sample_independently: bool = True, **kwargs: Any) -> None:
        super().__init__(px=px, percent=percent, keep_size=keep_size,
                         sample_independently=sample_independently, **kwargs)


class Pad(CropAndPad):
    """Pad each side of the images by pixels or fractions of the side length.

    Parameters
    ----------
    px : None or int or tuple of (int, int) or list of int or StochasticParameter or \
tuple of 4 of those, optional
        Pixels to add per side (>= 0), as for :class:`CropAndPad`.
    percent : None or float or tuple of (float, float) or list of float or \
StochasticParameter or tuple of 4 of those, optional
        Fraction of the side length to add per side (>= 0).
    pad_mode : str or list of str or augkit.ALL or StochasticParameter, optional
        As for :class:`CropAndPad`.
    pad_cval : number or tuple of (number, number) or list of number or \
StochasticParameter, optional
        As for :class:`CropAndPad`.
    keep_size : bool, optional
        Resize the result back to the input size (default True).
    sample_independently : bool, optional
        If False and a single value is given, pad all four sides by one amount.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.zeros((1, 1), dtype=np.uint8)
    >>> Pad(px=1, pad_cval=7, keep_size=False)(image=img).tolist()
    [[7, 7, 7], [7, 0, 7], [7, 7, 7]]
    """

    # (reflect/symmetric/wrap padding duplicates objects near the border, which the
    # kit's box check reads as the object spilling out of its box: tested in test_size)
    examples = ({"px": (0, 8), "keep_size": False},
                {"percent": (0, 0.2), "pad_cval": (0, 128)},
                {"px": 2, "pad_mode": "edge", "keep_size": False})
    _direction = "pad"

    def __init__(self, px: Any = None, percent: Any = None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, keep_size: bool = True,
                 sample_independently: bool = True, **kwargs: Any) -> None:
        super().__init__(px=px, percent=percent, pad_mode=pad_mode, pad_cval=pad_cval,
                         keep_size=keep_size, sample_independently=sample_independently,
                         **kwargs)


# ============================================================================ "to ..." family


class _ToSize(CropPadAugmenter, abstract=True):
    """Shared base: amounts from the image shape, distributed by a ``position``.

    Subclasses set ``_crop`` (True: the amounts are crops, else pads) and implement
    ``_totals(shape) -> (total_y, total_x)``.
    """

    _crop: ClassVar[bool] = False

    def _init_position(self, position: Any, pad_mode: Any = "constant",
                       pad_cval: Any = 0) -> None:
        self.position = handle_position(position)
        # the default 'uniform' pair: two plain rng.random() draws are the same values
        self._uniform_pair = self.position if position == "uniform" else None
        if not self._crop:
            self.pad_mode = handle_pad_mode(pad_mode)
            self.pad_cval = handle_pad_cval(pad_cval)

    def _totals(self, shape: tuple[int, ...]) -> tuple[int, int]:
        raise NotImplementedError

    def _sampling_is_fixed(self) -> bool:
        position = self.position
        return (isinstance(position, tuple) and all(fixed_param(p) for p in position)
                and (self._crop or (fixed_param(self.pad_mode) and fixed_param(self.pad_cval))))

    def _sample(self, rows, rng):
        n = rows.nb_rows
        if n == 1:
            # one row: Python numbers, the same draws in the same order as below
            if self.position is self.__dict__.get("_uniform_pair"):
                x, y = rng.random(), rng.random()  # Uniform(0, 1): 0 + 1 * next_double
            else:
                x, y = draw_position_one(self.position, rng)
            shape = rows.shapes[0]
            total_y, total_x = self._totals(shape)
            left = min(max(int((1.0 - x) * total_x + 1e-9), 0), total_x)
            top = min(max(int((1.0 - y) * total_y + 1e-9), 0), total_y)
            amounts = [top, total_x - left, total_y - top, left]
            if self._crop:
                return make_params_one(amounts, [0, 0, 0, 0], shape)
            if not (top or left or total_x - left or total_y - top):
                return make_params_one([0, 0, 0, 0], [0, 0, 0, 0], shape)
            mode = str(draw(self.pad_mode, 1, rng)[0])
            cval = float(draw(self.pad_cval, 1, rng)[0])
            return make_params_one([0, 0, 0, 0], amounts, shape, mode, cval)
        xs, ys = draw_positions(self.position, n, rng)
        amounts = []
        for shape, x, y in zip(rows.shapes, xs.tolist(), ys.tolist()):
            total_y, total_x = self._totals(shape)
            # imgaug's split: a fraction 1 - x of the amount goes to the left (top)
            left = min(max(int((1.0 - x) * total_x + 1e-9), 0), total_x)
            top = min(max(int((1.0 - y) * total_y + 1e-9), 0), total_y)
            amounts.append((top, total_x - left, total_y - top, left))
        amounts_arr = np.array(amounts, dtype=np.int64).reshape(n, 4)
        zeros = np.zeros((n, 4), dtype=np.int64)
        if self._crop or not amounts_arr.any():
            return make_params(amounts_arr if self._crop else zeros, zeros, rows.shapes)
        modes = draw(self.pad_mode, n, rng)
        cvals = draw(self.pad_cval, n, rng)
        return make_params(zeros, amounts_arr, rows.shapes, modes, cvals)


def _check_size(value: Any, name: str, minimum: int = 1) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ParameterError(f"{name}: expected None or an int >= {minimum}, got "
                             f"{describe(value)}")
    return int(value)


def _check_aspect_ratio(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) \
            or not np.isfinite(value) or value <= 0:
        raise ParameterError(f"aspect_ratio: expected a number > 0 (width / height), got "
                             f"{describe(value)}")
    return float(value)


def _axis_totals(amounts: tuple[int, int, int, int]) -> tuple[int, int]:
    top, right, bottom, left = amounts
    return top + bottom, left + right


# ---------------------------------------------------------------- fixed size
class PadToFixedSize(_ToSize):
    """Pad images smaller than a width and height up to it (larger ones stay as they are).

    Parameters
    ----------
    width, height : int or None
        Minimum width and height; None leaves that axis alone.
    pad_mode : str or list of str or augkit.ALL or StochasticParameter, optional
        As for :class:`CropAndPad`.
    pad_cval : number or tuple of (number, number) or list of number or \
StochasticParameter, optional
        As for :class:`CropAndPad`.
    position : {'uniform', 'normal', 'center', 'left-top', 'left-center', \
'left-bottom', 'center-top', 'center-center', 'center-bottom', 'right-top', \
'right-center', 'right-bottom'} or tuple of (float or StochasticParameter) or \
StochasticParameter, optional
        Where the image ends up, as ``(x, y)`` fractions: a fraction ``1 - x`` of the
        horizontal padding goes to the left, ``x`` to the right (likewise top and
        bottom with ``y``). ``'uniform'`` draws x and y uniformly in [0, 1],
        ``'normal'`` around 0.5; a StochasticParameter draws ``(N, 2)`` arrays.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> aug = PadToFixedSize(width=3, height=1, position="left-top", pad_cval=5)
    >>> aug(image=np.ones((1, 1), dtype=np.uint8)).tolist()
    [[5, 5, 1]]
    """

    examples = ({"width": 48, "height": 40}, {"width": 30, "height": None,
                                              "position": "center", "pad_mode": "edge"})

    def __init__(self, width: int | None, height: int | None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.width = _check_size(width, "width")
        self.height = _check_size(height, "height")
        self._init_position(position, pad_mode, pad_cval)

    def _totals(self, shape):
        return (0 if self.height is None else max(self.height - shape[0], 0),
                0 if self.width is None else max(self.width - shape[1], 0))


class CropToFixedSize(_ToSize):
    """Crop images larger than a width and height down to it (smaller ones stay).

    Parameters
    ----------
    width, height : int or None
        Maximum width and height; None leaves that axis alone.
    position : str or tuple of (float or StochasticParameter) or StochasticParameter, \
optional
        Where the crop window sits, as for :class:`PadToFixedSize`: ``(0, 0)``
        (``'left-top'``) takes everything from the left and top sides, i.e. keeps the
        bottom-right corner; ``'uniform'`` is a random crop.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(9, dtype=np.uint8).reshape(3, 3)
    >>> CropToFixedSize(width=2, height=2, position="right-bottom")(image=img).tolist()
    [[0, 1], [3, 4]]
    """

    examples = ({"width": 20, "height": 16}, {"width": 10, "height": None,
                                              "position": "normal"})
    _crop = True

    def __init__(self, width: int | None, height: int | None, position: Any = "uniform",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.width = _check_size(width, "width")
        self.height = _check_size(height, "height")
        self._init_position(position)

    def _totals(self, shape):
        return (0 if self.height is None else max(shape[0] - self.height, 0),
                0 if self.width is None else max(shape[1] - self.width, 0))


class CenterPadToFixedSize(PadToFixedSize):
    """Pad images up to a width and height, equally on both sides of each axis.

    :class:`PadToFixedSize` with ``position='center'`` (an odd pixel goes to the
    bottom/right).

    Parameters
    ----------
    width, height : int or None
        Minimum width and height; None leaves that axis alone.
    pad_mode, pad_cval : optional
        As for :class:`CropAndPad`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> CenterPadToFixedSize(3, 1)(image=np.ones((1, 1), dtype=np.uint8)).tolist()
    [[0, 1, 0]]
    """

    examples = ({"width": 48, "height": 40},)

    def __init__(self, width: int | None, height: int | None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, **kwargs: Any) -> None:
        super().__init__(width, height, pad_mode, pad_cval, position="center", **kwargs)


class CenterCropToFixedSize(CropToFixedSize):
    """Crop images down to a width and height, equally from both sides of each axis.

    :class:`CropToFixedSize` with ``position='center'``.

    Parameters
    ----------
    width, height : int or None
        Maximum width and height; None leaves that axis alone.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(9, dtype=np.uint8).reshape(3, 3)
    >>> CenterCropToFixedSize(1, 1)(image=img).tolist()
    [[4]]
    """

    examples = ({"width": 20, "height": 16},)

    def __init__(self, width: int | None, height: int | None, **kwargs: Any) -> None:
        super().__init__(width, height, position="center", **kwargs)


# ---------------------------------------------------------------- aspect ratio
class PadToAspectRatio(_ToSize):
    """Pad images until ``width / height`` equals an aspect ratio.

    Only one axis is padded (the one that is too short).

    Parameters
    ----------
    aspect_ratio : float
        Target ``width / height`` (> 0).
    pad_mode, pad_cval : optional
        As for :class:`CropAndPad`.
    position : optional
        How the padding is distributed, as for :class:`PadToFixedSize`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> PadToAspectRatio(2.0)(image=np.ones((2, 2), dtype=np.uint8)).shape
    (2, 4)
    """

    examples = ({"aspect_ratio": 2.0}, {"aspect_ratio": 0.5, "position": "center"})

    def __init__(self, aspect_ratio: float, pad_mode: Any = "constant", pad_cval: Any = 0,
                 position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.aspect_ratio = _check_aspect_ratio(aspect_ratio)
        self._init_position(position, pad_mode, pad_cval)

    def _totals(self, shape):
        return _axis_totals(iu.compute_paddings_to_reach_aspect_ratio(shape, self.aspect_ratio))


class CropToAspectRatio(_ToSize):
    """Crop images until ``width / height`` equals an aspect ratio (as near as pixels allow).

    Only one axis is cropped (the one that is too long), never below 1 pixel.

    Parameters
    ----------
    aspect_ratio : float
        Target ``width / height`` (> 0).
    position : optional
        Where the crop window sits, as for :class:`CropToFixedSize`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> CropToAspectRatio(2.0)(image=np.ones((4, 4), dtype=np.uint8)).shape
    (2, 4)
    """

    examples = ({"aspect_ratio": 2.0}, {"aspect_ratio": 0.5, "position": "center"})
    _crop = True

    def __init__(self, aspect_ratio: float, position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.aspect_ratio = _check_aspect_ratio(aspect_ratio)
        self._init_position(position)

    def _totals(self, shape):
        return _axis_totals(iu.compute_croppings_to_reach_aspect_ratio(shape, self.aspect_ratio))


class PadToSquare(PadToAspectRatio):
    """Pad images until they are square (:class:`PadToAspectRatio` with ratio 1).

    Parameters
    ----------
    pad_mode, pad_cval : optional
        As for :class:`CropAndPad`.
    position : optional
        How the padding is distributed, as for :class:`PadToFixedSize`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> PadToSquare()(image=np.ones((2, 5), dtype=np.uint8)).shape
    (5, 5)
    """

    examples = ({}, {"position": "right-bottom", "pad_mode": "reflect"})

    def __init__(self, pad_mode: Any = "constant", pad_cval: Any = 0,
                 position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(1.0, pad_mode, pad_cval, position, **kwargs)


class CropToSquare(CropToAspectRatio):
    """Crop images until they are square (:class:`CropToAspectRatio` with ratio 1).

    Parameters
    ----------
    position : optional
        Where the crop window sits, as for :class:`CropToFixedSize`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> CropToSquare()(image=np.ones((2, 5), dtype=np.uint8)).shape
    (2, 2)
    """

    examples = ({}, {"position": "left-top"})

    def __init__(self, position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(1.0, position, **kwargs)


class CenterPadToAspectRatio(PadToAspectRatio):
    """Pad images until ``width / height`` equals an aspect ratio, equally on both sides.

    Parameters
    ----------
    aspect_ratio : float
        Target ``width / height`` (> 0).
    pad_mode, pad_cval : optional
        As for :class:`CropAndPad`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> CenterPadToAspectRatio(3.0)(image=np.ones((1, 1), dtype=np.uint8)).tolist()
    [[0, 1, 0]]
    """

    examples = ({"aspect_ratio": 2.0},)

    def __init__(self, aspect_ratio: float, pad_mode: Any = "constant", pad_cval: Any = 0,
                 **kwargs: Any) -> None:
        super().__init__(aspect_ratio, pad_mode, pad_cval, position="center", **kwargs)


class CenterCropToAspectRatio(CropToAspectRatio):
    """Crop images until ``width / height`` equals an aspect ratio, equally from both sides.

    Parameters
    ----------
    aspect_ratio : float
        Target ``width / height`` (> 0).

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> CenterCropToAspectRatio(1.0)(image=np.arange(3, dtype=np.uint8)[None]).tolist()
    [[1]]
    """

    examples = ({"aspect_ratio": 2.0},)

    def __init__(self, aspect_ratio: float, **kwargs: Any) -> None:
        super().__init__(aspect_ratio, position="center", **kwargs)


class CenterPadToSquare(PadToSquare):
    """Pad images until they are square, equally on both sides.

    Parameters
    ----------
    pad_mode, pad_cval : optional
        As for :class:`CropAndPad`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> CenterPadToSquare()(image=np.ones((1, 3), dtype=np.uint8)).tolist()
    [[0, 0, 0], [1, 1, 1], [0, 0, 0]]
    """

    examples = ({},)

    def __init__(self, pad_mode: Any = "constant", pad_cval: Any = 0, **kwargs: Any) -> None:
        super().__init__(pad_mode, pad_cval, position="center", **kwargs)


class CenterCropToSquare(CropToSquare):
    """Crop images until they are square, equally from both sides.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> CenterCropToSquare()(image=np.arange(3, dtype=np.uint8)[None]).tolist()
    [[1]]
    """

    examples = ({},)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(position="center", **kwargs)


# ---------------------------------------------------------------- multiples
class PadToMultiplesOf(_ToSize):
    """Pad images until their height and width are multiples of given values.

    Parameters
    ----------
    width_multiple, height_multiple : int or None
        The multiples (>= 1); None leaves that axis alone.
    pad_mode, pad_cval : optional
        As for :class:`CropAndPad`.
    position : optional
        How the padding is distributed, as for :class:`PadToFixedSize`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> PadToMultiplesOf(4, 3)(image=np.ones((5, 5), dtype=np.uint8)).shape
    (6, 8)
    """

    examples = ({"width_multiple": 8, "height_multiple": 6},
                {"width_multiple": None, "height_multiple": 5, "position": "center"})

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, position: Any = "uniform",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.width_multiple = _check_size(width_multiple, "width_multiple")
        self.height_multiple = _check_size(height_multiple, "height_multiple")
        self._init_position(position, pad_mode, pad_cval)

    def _totals(self, shape):
        return _axis_totals(iu.compute_paddings_to_reach_multiples_of(
            shape, self.height_multiple, self.width_multiple))


class CropToMultiplesOf(_ToSize):
    """Crop images until their height and width are multiples of given values.

    An axis shorter than its multiple is left alone.

    Parameters
    ----------
    width_multiple, height_multiple : int or None
        The multiples (>= 1); None leaves that axis alone.
    position : optional
        Where the crop window sits, as for :class:`CropToFixedSize`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> CropToMultiplesOf(4, 3)(image=np.ones((5, 5), dtype=np.uint8)).shape
    (3, 4)
    """

    examples = ({"width_multiple": 8, "height_multiple": 6},
                {"width_multiple": 5, "height_multiple": None, "position": "center"})
    _crop = True

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.width_multiple = _check_size(width_multiple, "width_multiple")
        self.height_multiple = _check_size(height_multiple, "height_multiple")
        self._init_position(position)

    def _totals(self, shape):
        return _axis_totals(iu.compute_croppings_to_reach_multiples_of(
            shape, self.height_multiple, self.width_multiple))


class CenterPadToMultiplesOf(PadToMultiplesOf):
    """Pad images to multiples of given values, equally on both sides.

    Parameters
    ----------
    width_multiple, height_multiple : int or None
        The multiples (>= 1); None leaves that axis alone.
    pad_mode, pad_cval : optional
        As for :class:`CropAndPad`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> CenterPadToMultiplesOf(3, None)(image=np.ones((1, 1), dtype=np.uint8)).tolist()
    [[0, 1, 0]]
    """

    examples = ({"width_multiple": 8, "height_multiple": 6},)

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, **kwargs: Any) -> None:
        super().__init__(width_multiple, height_multiple, pad_mode, pad_cval,
                         position="center", **kwargs)


class CenterCropToMultiplesOf(CropToMultiplesOf):
    """Crop images to multiples of given values, equally from both sides.

    Parameters
    ----------
    width_multiple, height_multiple : int or None
        The multiples (>= 1); None leaves that axis alone.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(5, dtype=np.uint8)[None]
    >>> CenterCropToMultiplesOf(3, None)(image=img).tolist()
    [[1, 2, 3]]
    """

    examples = ({"width_multiple": 8, "height_multiple": 6},)

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 **kwargs: Any) -> None:
        super().__init__(width_multiple, height_multiple, position="center", **kwargs)


# ---------------------------------------------------------------- powers
class PadToPowersOf(_ToSize):
    """Pad images until their height and width are powers ``base**k`` (``k >= 1``).

    Parameters
    ----------
    width_base, height_base : int or None
        The bases (>= 2); None leaves that axis alone.
    pad_mode, pad_cval : optional
        As for :class:`CropAndPad`.
    position : optional
        How the padding is distributed, as for :class:`PadToFixedSize`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> PadToPowersOf(2, 3)(image=np.ones((5, 5), dtype=np.uint8)).shape
    (9, 8)
    """

    examples = ({"width_base": 2, "height_base": 2},
                {"width_base": 3, "height_base": None, "position": "center"})

    def __init__(self, width_base: int | None, height_base: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, position: Any = "uniform",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.width_base = _check_size(width_base, "width_base", minimum=2)
        self.height_base = _check_size(height_base, "height_base", minimum=2)
        self._init_position(position, pad_mode, pad_cval)

    def _totals(self, shape):
        return _axis_totals(iu.compute_paddings_to_reach_powers_of(
            shape, self.height_base, self.width_base))


class CropToPowersOf(_ToSize):
    """Crop images until their height and width are powers ``base**k`` (``k >= 1``).

    An axis shorter than its base is left alone.

    Parameters
    ----------
    width_base, height_base : int or None
        The bases (>= 2); None leaves that axis alone.
    position : optional
        Where the crop window sits, as for :class:`CropToFixedSize`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> CropToPowersOf(2, 3)(image=np.ones((10, 10), dtype=np.uint8)).shape
    (9, 8)
    """

    examples = ({"width_base": 2, "height_base": 2},
                {"width_base": 3, "height_base": None, "position": "center"})
    _crop = True

    def __init__(self, width_base: int | None, height_base: int | None,
                 position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.width_base = _check_size(width_base, "width_base", minimum=2)
        self.height_base = _check_size(height_base, "height_base", minimum=2)
        self._init_position(position)

    def _totals(self, shape):
        return _axis_totals(iu.compute_croppings_to_reach_powers_of(
            shape, self.height_base, self.width_base))


class CenterPadToPowersOf(PadToPowersOf):
    """Pad images to powers of given bases, equally on both sides.

    Parameters
    ----------
    width_base, height_base : int or None
        The bases (>= 2); None leaves that axis alone.
    pad_mode, pad_cval : optional
        As for :class:`CropAndPad`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> CenterPadToPowersOf(3, None)(image=np.ones((1, 1), dtype=np.uint8)).tolist()
    [[0, 1, 0]]
    """

    examples = ({"width_base": 2, "height_base": 2},)

    def __init__(self, width_base: int | None, height_base: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, **kwargs: Any) -> None:
        super().__init__(width_base, height_base, pad_mode, pad_cval, position="center",
                         **kwargs)


class CenterCropToPowersOf(CropToPowersOf):
    """Crop images to powers of given bases, equally from both sides.

    Parameters
    ----------
    width_base, height_base : int or None
        The bases (>= 2); None leaves that axis alone.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(5, dtype=np.uint8)[None]
    >>> CenterCropToPowersOf(2, None)(image=img).tolist()
    [[0, 1, 2, 3]]
    """

    examples = ({"width_base": 2, "height_base": 2},)

    def __init__(self, width_base: int | None, height_base: int | None,
                 **kwargs: Any) -> None:
        super().__init__(width_base, height_base, position="center", **kwargs)


AUGMENTERS = (
    Resize, CropAndPad, Crop, Pad,
    PadToFixedSize, CropToFixedSize, CenterPadToFixedSize, CenterCropToFixedSize,
    PadToAspectRatio, CropToAspectRatio, CenterPadToAspectRatio, CenterCropToAspectRatio,
    PadToSquare, CropToSquare, CenterPadToSquare, CenterCropToSquare,
    PadToMultiplesOf, CropToMultiplesOf, CenterPadToMultiplesOf, CenterCropToMultiplesOf,
    PadToPowersOf, CropToPowersOf, CenterPadToPowersOf, CenterCropToPowersOf,
    KeepSizeByResize,
)
