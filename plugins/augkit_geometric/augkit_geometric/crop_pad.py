"""Crop or pad each side by pixels or fractions: CropAndPad, Crop, Pad."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from augkit import ParameterError, ParameterTypeError
from augkit import parameters as iap
from augkit.extend import describe
from augkit_geometric._bases import CropPadAugmenter, fixed_param, largest_shapes, make_params
from augkit_geometric._common import PAD_MODE_NAMES, draw_one
from augkit_geometric._one_row import one_row_params


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
    <pad_mode>
    <pad_cval>
    <keep_size>
    <sample_independently>
    <seed and name>

    <supported data>

    Notes
    -----
    Crops are clamped so that at least 1 pixel remains on each axis (both sides of
    the axis are reduced proportionally). Maps smaller than their image are cropped
    and padded by the amounts scaled to their resolution (rounded), and padded with
    their kind's fill value (0 for heatmaps and segmentation maps) whatever
    *pad_mode* is. Integer dtypes are resized with clipping (``keep_size``), never
    wrapped; see :func:`augkit.imresize_single_image` for the dtype table.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(9, dtype=np.uint8).reshape(3, 3)
    >>> CropAndPad(px=(-1, 1, 0, 0), pad_cval=9, keep_size=False)(image=img).tolist()
    [[3, 4, 5, 9], [6, 7, 8, 9]]
    """

    imgaug_parameters = ("all_sides", "top", "right", "bottom", "left", "pad_mode", "pad_cval")
    fusable = True  # sample reads the row shapes only
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
        self.pad_mode = iap.handle_choice_param(pad_mode, "pad_mode", PAD_MODE_NAMES)
        self.pad_cval = iap.handle_continuous_param(pad_cval, "pad_cval")
        self.keep_size = bool(keep_size)
        self.sample_independently = bool(sample_independently)

    @property
    def mode(self) -> str:
        """imgaug's ``mode``: ``'px'``, ``'percent'`` or ``'noop'`` (neither given)."""
        return "px" if self.px is not None else "percent" if self.percent is not None else "noop"

    @property
    def all_sides(self) -> iap.StochasticParameter | None:
        """imgaug's ``all_sides``: the amount of every side, when one was given for all."""
        spec = self.px if self.px is not None else self.percent
        return None if isinstance(spec, list) else spec

    def _side(self, index: int) -> iap.StochasticParameter | None:
        spec = self.px if self.px is not None else self.percent
        return spec[index] if isinstance(spec, list) else None

    top = property(lambda self: self._side(0), doc="imgaug's ``top`` (None unless per side).")
    right = property(lambda self: self._side(1), doc="imgaug's ``right``.")
    bottom = property(lambda self: self._side(2), doc="imgaug's ``bottom``.")
    left = property(lambda self: self._side(3), doc="imgaug's ``left``.")

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
                    values[:, side] = iap.draw(param, n, rng)
            return values
        if self.sample_independently:
            return iap.draw(spec, (n, 4), rng, np.float64)
        return np.repeat(iap.draw(spec, (n, 1), rng, np.float64), 4, axis=1)

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
            mode, cval = str(draw_one(self.pad_mode, rng)), float(draw_one(self.pad_cval, rng))
            return one_row_params(crop, pad, shape, mode, cval,
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

    def work_shapes(self, params, shapes):
        if self._direction == "crop":
            return shapes  # smaller than the input, and keep_size resizes back to it
        return largest_shapes(params, shapes)

    def _finish(self, rows, rng, crops, pads):
        n = rows.nb_rows
        modes = iap.draw(self.pad_mode, n, rng)
        cvals = iap.draw(self.pad_cval, n, rng)
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
    <keep_size>
    <sample_independently>
    <seed and name>

    <supported data>

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
    <pad_mode>
    <pad_cval>
    <keep_size>
    <sample_independently>
    <seed and name>

    <supported data>

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


AUGMENTERS = (CropAndPad, Crop, Pad)
