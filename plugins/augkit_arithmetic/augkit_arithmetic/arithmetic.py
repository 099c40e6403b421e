"""Adding to, multiplying and inverting pixel values: Add, AddElementwise, Multiply,
MultiplyElementwise, Invert and Solarize.

uint8 images go through lookup tables (one per image, or one per channel) or
OpenCV's saturating arithmetic; results always saturate at the dtype's limits,
never wrap around.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit.extend import ParameterError, draw_per_channel, value_range
from augkit_arithmetic import functional as F
from augkit_arithmetic._common import (
    ARITHMETIC_DTYPES,
    ArithmeticAugmenter,
    deferred_draw,
    drawn,
    elementwise_shapes,
)


def _never(param: iap.StochasticParameter) -> bool:
    return isinstance(param, iap.Deterministic) and not param.value


def _always(param: iap.StochasticParameter) -> bool:
    """True for ``Binomial(1)`` (a probability of 1 given as a number or True)."""
    return (isinstance(param, iap.Binomial) and isinstance(param.p, iap.Deterministic)
            and param.p.value >= 1)


def _tables_per_row(builder: Any, params: list[np.ndarray]) -> list[np.ndarray]:
    """Each row's values turned into its ``lookup_tables`` entry by a table *builder*."""
    return [F.lut_columns(builder(values)) for values in params]


class Add(ArithmeticAugmenter):
    """Add a value to every pixel of each image (or one value per channel).

    uint8 rows are lookup tables (``lookup_tables``), which ``Sequential`` can fuse.

    Parameters
    ----------
    value : number or tuple of (number, number) or list or StochasticParameter, optional
        The value added, drawn per image (default ``(-20, 20)``: uniform). Integer
        images get it rounded to the nearest integer first.
    <per_channel>
    <seed and name>

    <supported data>

    ========  ==============================================================
    dtype     behaviour
    ========  ==============================================================
    uint8     ``clip(x + round(v), 0, 255)`` through a lookup table
    int*      ``x + round(v)``, saturated at the dtype's limits
    float*    ``x + v`` (no clipping; float images are read as [0, 1], so
              pass values like 0.1)
    bool      ``x + v >= 0.5``
    ========  ==============================================================

    Examples
    --------
    >>> import numpy as np
    >>> Add(10)(image=np.array([[250, 3]], dtype=np.uint8)).tolist()
    [[255, 13]]
    >>> out = Add((-10, 10), per_channel=0.5, seed=1)(image=np.zeros((4, 4, 3), np.uint8))
    """

    imgaug_parameters = ("value", "per_channel")
    examples = ({"value": (-40, 40)}, {"value": 25, "per_channel": True},
                {"value": (-10, 10), "per_channel": 0.5})
    supported_dtypes = ARITHMETIC_DTYPES

    def __init__(self, value: Any = (-20, 20), per_channel: Any = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.value = iap.handle_continuous_param(value, "value")
        self.per_channel = iap.handle_per_channel(per_channel)

    def sample(self, rows, rng):
        return draw_per_channel(self.value, self.per_channel, rows.shapes, rng)

    def apply_to_images(self, images, params):
        return [F.add_scalar(image, values) for image, values in zip(images, params)]

    def _apply_into(self, images, params, outs):
        return [F.add_scalar(image, values, out)
                for image, values, out in zip(images, params, outs)]

    def lookup_tables(self, params, shapes):
        """Per row, the uint8 table (or one per channel) of adding its values."""
        return _tables_per_row(F.add_tables, params)


class AddElementwise(ArithmeticAugmenter):
    """Add a value drawn per pixel (and optionally per channel) to images.

    Parameters
    ----------
    value : number or tuple of (number, number) or list or StochasticParameter, optional
        What to add; drawn per pixel (default ``(-20, 20)``: uniform). Integer images
        get the values rounded.
    <per_channel elementwise>
    <seed and name>

    <supported data>

    dtypes behave as in :class:`Add` (rounded and saturated for integers, added as
    is for floats).

    Examples
    --------
    >>> import numpy as np
    >>> AddElementwise(5)(image=np.array([[252, 0]], dtype=np.uint8)).tolist()
    [[255, 5]]
    """

    imgaug_parameters = ("value", "per_channel")
    examples = ({"value": (-40, 40)}, {"value": (-20, 20), "per_channel": True})
    supported_dtypes = ARITHMETIC_DTYPES

    def __init__(self, value: Any = (-20, 20), per_channel: Any = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.value = iap.handle_continuous_param(value, "value")
        self.per_channel = iap.handle_per_channel(per_channel)

    def sample(self, rows, rng):
        return [deferred_draw(self.value, shape, rng, np.float64)
                for shape in elementwise_shapes(self.per_channel, rows.shapes, rng)]

    def apply_to_images(self, images, params):
        return [F.add_elementwise(image, drawn(values)) for image, values in zip(images, params)]


class Multiply(ArithmeticAugmenter):
    """Multiply every pixel of each image by a value (or by one value per channel).

    uint8 rows are lookup tables (``lookup_tables``), which ``Sequential`` can fuse.

    Parameters
    ----------
    mul : number or tuple of (number, number) or list or StochasticParameter, optional
        The factor, drawn per image (default ``(0.8, 1.2)``: uniform).
    <per_channel>
    <seed and name>

    <supported data>

    ========  ==============================================================
    dtype     behaviour
    ========  ==============================================================
    uint8     ``clip(round(x * m), 0, 255)`` through a lookup table
    int*      ``round(x * m)``, saturated at the dtype's limits
    float*    ``x * m``
    bool      ``x * m >= 0.5``
    ========  ==============================================================

    Examples
    --------
    >>> import numpy as np
    >>> Multiply(1.5)(image=np.array([[100, 201]], dtype=np.uint8)).tolist()
    [[150, 255]]
    """

    imgaug_parameters = ("mul", "per_channel")
    examples = ({"mul": (0.5, 1.5)}, {"mul": (0.5, 1.5), "per_channel": 0.5})
    supported_dtypes = ARITHMETIC_DTYPES

    def __init__(self, mul: Any = (0.8, 1.2), per_channel: Any = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mul = iap.handle_continuous_param(mul, "mul")
        self.per_channel = iap.handle_per_channel(per_channel)

    def sample(self, rows, rng):
        return draw_per_channel(self.mul, self.per_channel, rows.shapes, rng)

    def apply_to_images(self, images, params):
        return [F.multiply_scalar(image, values) for image, values in zip(images, params)]

    def lookup_tables(self, params, shapes):
        """Per row, the uint8 table (or one per channel) of multiplying by its values."""
        return _tables_per_row(F.multiply_tables, params)


class MultiplyElementwise(ArithmeticAugmenter):
    """Multiply each pixel (and optionally each channel) by its own drawn factor.

    Parameters
    ----------
    mul : number or tuple of (number, number) or list or StochasticParameter, optional
        The factors, drawn per pixel (default ``(0.8, 1.2)``: uniform).
    <per_channel elementwise>
    <seed and name>

    <supported data>

    dtypes behave as in :class:`Multiply`.

    Examples
    --------
    >>> import numpy as np
    >>> MultiplyElementwise(2.0)(image=np.array([[100, 200]], dtype=np.uint8)).tolist()
    [[200, 255]]
    """

    imgaug_parameters = ("mul", "per_channel")
    examples = ({"mul": (0.5, 1.5)}, {"mul": (0.8, 1.2), "per_channel": True})
    supported_dtypes = ARITHMETIC_DTYPES

    def __init__(self, mul: Any = (0.8, 1.2), per_channel: Any = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mul = iap.handle_continuous_param(mul, "mul")
        self.per_channel = iap.handle_per_channel(per_channel)

    def sample(self, rows, rng):
        return [deferred_draw(self.mul, shape, rng, np.float32)
                for shape in elementwise_shapes(self.per_channel, rows.shapes, rng)]

    def apply_to_images(self, images, params):
        return [F.multiply_elementwise(image, drawn(values))
                for image, values in zip(images, params)]


# ---------------------------------------------------------------------------
# Invert and Solarize
# ---------------------------------------------------------------------------

@dataclass
class InvertRow:
    """What :class:`Invert` drew for one image."""

    channels: np.ndarray  # bool (1,) for the whole image or (C,) per channel
    threshold: float | None
    above: bool


def _optional_number(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.number)):
        raise ParameterError(f"{name}: expected None or a number, got {value!r}")
    if not np.isfinite(value):
        raise ParameterError(f"{name}: expected None or a finite number, got {value!r}")
    return float(value)


# What Invert draws when it inverts every image whole (shared, read-only).
_INVERT_ALL = InvertRow(np.ones(1, dtype=bool), None, True)
_INVERT_ALL.channels.flags.writeable = False


class Invert(ArithmeticAugmenter):
    """Invert the pixel values of a fraction of the images (or of their channels).

    uint8 rows are lookup tables (``lookup_tables``), which ``Sequential`` can fuse.

    With the value range ``[m, M]`` a value ``v`` becomes ``M - |v - m|`` (clipped to
    ``[m, M]``): ``255 - v`` on uint8, ``1 - v`` on float images.

    Parameters
    ----------
    p : float or bool or StochasticParameter, optional
        Probability of inverting an image (or, with *per_channel*, a channel);
        default 1.
    per_channel : bool or float or StochasticParameter, optional
        True decides per channel whether to invert it; a float is the probability,
        per image, of doing so.
    min_value, max_value : None or number, optional
        The value range ``[m, M]``; None takes it from the dtype
        (:func:`augkit.extend.value_range`: ``[0, 255]`` for uint8, ``[0, 1]`` for
        floats, the full range for other integers).
    threshold : None or number or tuple of (number, number) or list or StochasticParameter, optional
        If given, only values ``>= threshold`` are inverted (or ``< threshold``, see
        *invert_above_threshold*); drawn per image, in the image's own units.
    invert_above_threshold : bool or float or StochasticParameter, optional
        Probability, per image, of inverting the values above the threshold rather
        than those below it (default 0.5). Has no effect without *threshold*.
    <seed and name>

    <supported data>

    ========  ==============================================================
    dtype     behaviour
    ========  ==============================================================
    uint8     lookup table (one per channel when channels differ)
    int*      ``M - |v - m|`` in int64, clipped to ``[m, M]``
    float*    same in float; the default range is ``[0, 1]``
    bool      logical not
    ========  ==============================================================

    Examples
    --------
    >>> import numpy as np
    >>> Invert()(image=np.array([[0, 10, 255]], dtype=np.uint8)).tolist()
    [[255, 245, 0]]
    >>> aug = Invert(0.05, per_channel=True)
    """

    imgaug_parameters = (
        "p", "per_channel", "min_value", "max_value", "threshold", "invert_above_threshold"
    )
    examples = ({"p": 1.0}, {"p": 0.5, "per_channel": True},
                {"p": 1.0, "threshold": (64, 192), "invert_above_threshold": 0.5})
    supported_dtypes = ARITHMETIC_DTYPES
    #: Solarize sets this: its default threshold is in uint8 units (see Solarize).
    _default_threshold: tuple[float, float] | None = None

    def __init__(self, p: Any = 1, per_channel: Any = False, min_value: Any = None,
                 max_value: Any = None, threshold: Any = None,
                 invert_above_threshold: Any = 0.5, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.p = iap.handle_probability_param(p, "p")
        self.per_channel = iap.handle_per_channel(per_channel)
        self.min_value = _optional_number(min_value, "min_value")
        self.max_value = _optional_number(max_value, "max_value")
        if (self.min_value is not None and self.max_value is not None
                and self.min_value >= self.max_value):
            raise ParameterError(
                f"min_value, max_value: expected min_value < max_value, got {min_value!r} "
                f"and {max_value!r}")
        self.threshold = (None if threshold is None
                          else iap.handle_continuous_param(threshold, "threshold"))
        self._threshold_is_default = (self._default_threshold is not None
                                      and isinstance(threshold, tuple)
                                      and threshold == self._default_threshold)
        self.invert_above_threshold = iap.handle_probability_param(
            invert_above_threshold, "invert_above_threshold")

    def sample(self, rows, rng):
        count = rows.nb_rows
        if _always(self.p) and _never(self.per_channel):
            if self.threshold is None:
                return [_INVERT_ALL] * count  # nothing to draw (the default Invert(1))
            flags = [np.ones(1)] * count
        else:
            flags = draw_per_channel(self.p, self.per_channel, rows.shapes, rng)
        if self.threshold is None:
            thresholds = [None] * count
            above = np.ones(count, dtype=bool)
        else:
            thresholds = iap.draw(self.threshold, count, rng, dtype=np.float64).tolist()
            above = iap.draw(self.invert_above_threshold, count, rng) > 0.5
        return [InvertRow(flag > 0.5, t, bool(a)) for flag, t, a in zip(flags, thresholds, above)]

    def _threshold_for(self, dtype: np.dtype, threshold: float | None) -> float | None:
        if threshold is None or not self._threshold_is_default or dtype == np.uint8:
            return threshold
        low, _, high = value_range(dtype)
        return low + threshold / 255.0 * (high - low)

    def _plain(self, image: np.ndarray, row: InvertRow) -> str | None:
        """``'invert'`` for a row that is a bitwise not (uint8, every value, default
        range), ``'copy'`` for one that changes nothing, else None."""
        if (row is _INVERT_ALL and image.dtype.char == "B" and self.min_value is None
                and self.max_value is None):
            return "invert"  # 255 - v: on uint8, a bitwise not
        if row.channels.size == 1 and not row.channels[0]:
            return "copy"
        return None

    def apply_to_images(self, images, params):
        out = []
        for image, row in zip(images, params):
            plain = self._plain(image, row)
            if plain == "invert":
                out.append(np.invert(image))
            elif plain == "copy":
                out.append(np.array(image, copy=True, order="C"))
            else:
                channels = None if row.channels.size == 1 else row.channels
                out.append(F.invert(image, min_value=self.min_value, max_value=self.max_value,
                                    threshold=self._threshold_for(image.dtype, row.threshold),
                                    invert_above_threshold=row.above, channels=channels))
        return out

    def _apply_into(self, images, params, outs):
        plain = [self._plain(image, row) for image, row in zip(images, params)]
        if None in plain:  # thresholds, channels, ranges: the tables (uint8) or the usual
            return super()._apply_into(images, params, outs)
        for image, how, out in zip(images, plain, outs):
            if how == "invert":
                np.invert(image, out=out)
            else:
                np.copyto(out, image)
        return outs

    def lookup_tables(self, params, shapes):
        """Per row, the uint8 table (or one per channel, identity where not inverted)."""
        uint8 = np.dtype(np.uint8)
        return [F.lut_columns(F.invert_tables(
            min_value=self.min_value, max_value=self.max_value,
            threshold=self._threshold_for(uint8, row.threshold),
            invert_above_threshold=row.above, channels=row.channels)) for row in params]


class Solarize(Invert):
    """Invert the pixel values above a threshold (PIL's solarize), drawn per image.

    uint8 rows are lookup tables (``lookup_tables``), which ``Sequential`` can fuse.

    :class:`Invert` with other defaults: ``threshold=(64, 192)`` and
    ``invert_above_threshold=True``.

    Parameters
    ----------
    p : float or bool or StochasticParameter, optional
        Probability of solarizing an image (default 1).
    per_channel : bool or float or StochasticParameter, optional
        As in :class:`Invert`.
    min_value, max_value : None or number, optional
        As in :class:`Invert`.
    threshold : None or number or tuple of (number, number) or list or StochasticParameter, optional
        Values ``>= threshold`` are inverted; drawn per image (default ``(64, 192)``).
    invert_above_threshold : bool or float or StochasticParameter, optional
        As in :class:`Invert` (default True).
    <seed and name>

    <supported data>

    ==========  ==============================================================
    dtype       threshold
    ==========  ==============================================================
    uint8       as given
    others      as given, in the image's units; the *default* ``(64, 192)`` is
                read as uint8 units and scaled to the dtype's value range
                (``[0.25, 0.75]`` for floats)
    ==========  ==============================================================

    Examples
    --------
    >>> import numpy as np
    >>> Solarize(threshold=128)(image=np.array([[10, 200]], dtype=np.uint8)).tolist()
    [[10, 55]]
    """

    examples = ({}, {"threshold": (32, 128), "p": 0.5})
    _default_threshold = (64, 192)

    def __init__(self, p: Any = 1, per_channel: Any = False, min_value: Any = None,
                 max_value: Any = None, threshold: Any = (64, 192),
                 invert_above_threshold: Any = True, **kwargs: Any) -> None:
        super().__init__(p=p, per_channel=per_channel, min_value=min_value,
                         max_value=max_value, threshold=threshold,
                         invert_above_threshold=invert_above_threshold, **kwargs)


AUGMENTERS = (Add, AddElementwise, Multiply, MultiplyElementwise, Invert, Solarize)
