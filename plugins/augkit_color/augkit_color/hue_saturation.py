"""Hue and saturation: add to or multiply them in HSV, or run children on them.

All table-based augmenters share one base: each row becomes a hue table (wrapping
around OpenCV's uint8 hue circle of 180) and a saturation table (clipped to
``[0, 255]``); the image is converted to HSV once, H and S are mapped, and the image
converted back.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

import augkit
from augkit import ParameterError
from augkit import parameters as iap
from augkit.extend import ViewAugmenter, as_augmenter_list
from augkit_color import functional as F
from augkit_color._common import DOC_BLOCKS, ColorPixelAugmenter, colorspace_name
from augkit_color.functional import RGB

_NONE = np.nan  # marks "leave this channel unchanged" in sampled rows


class _HueSaturationBase(ColorPixelAugmenter):
    """Base: rows of (hue value, saturation value); NaN leaves a channel unchanged."""

    supported_dtypes = frozenset({"uint8"})
    image_channels = (3, 4)
    _hue_table: ClassVar[Any]
    _sat_table: ClassVar[Any]

    def _init_hs(self, both: Any, hue: Any, saturation: Any, per_channel: Any,
                 from_colorspace: Any) -> None:
        self.per_channel = iap.handle_per_channel(per_channel)
        self.from_colorspace = colorspace_name(from_colorspace, "from_colorspace")
        self._both, self._hue, self._sat = both, hue, saturation

    def sample(self, rows, rng):
        nb_rows = rows.nb_rows
        hue = np.full(nb_rows, _NONE)
        sat = np.full(nb_rows, _NONE)
        if self._both is not None:
            split = iap.draw(self.per_channel, nb_rows, rng) > 0.5
            drawn = iap.draw(self._both, (nb_rows, 2), rng, np.float64)
            sat = drawn[:, 0]
            hue = np.where(split, drawn[:, 1], drawn[:, 0])
        if self._hue is not None:
            hue = iap.draw(self._hue, nb_rows, rng, np.float64)
        if self._sat is not None:
            sat = iap.draw(self._sat, nb_rows, rng, np.float64)
        return np.stack([hue, sat], axis=1)

    def _apply_one(self, image, row):
        hue, sat = row
        hue_table = None if np.isnan(hue) else type(self)._hue_table(hue)
        sat_table = None if np.isnan(sat) else type(self)._sat_table(sat)
        return F.hsv_lut(image, hue_table, sat_table, self.from_colorspace)


def _hue_shift_table(value: float) -> np.ndarray:
    # imgaug's units: -255..255 spans the hue circle twice over; 255 is a full turn.
    return F.hue_add_table(int(value / 255.0 * 180.0))


class AddToHueAndSaturation(_HueSaturationBase):
    """Add random values to the hue and saturation of images (in HSV).

    Hue wraps around (it is an angle): adding 255 is a full turn and leaves the image
    (almost, up to the HSV round trip) unchanged. Saturation is clipped to
    ``[0, 255]``.

    Parameters
    ----------
    value : None or int or tuple of (int, int) or list of int or StochasticParameter, optional
        Added to hue and saturation alike, in ``[-255, 255]``. Exclusive with
        *value_hue* / *value_saturation*. If all three are None, ``(-20, 20)``.
    value_hue : None or int or tuple of (int, int) or list of int or StochasticParameter
        Added to hue only, in ``[-255, 255]`` (255 = a full turn of the hue circle).
    value_saturation : None or int or tuple of (int, int) or list of int or StochasticParameter
        Added to saturation only, in ``[-255, 255]``.
    per_channel : bool or float or StochasticParameter, optional
        With *value*: True draws separate values for hue and saturation.
    <from_colorspace>

    <supported data>

    Images need 3 channels, or 4 (the alpha channel is kept); others raise
    :class:`augkit.InputError`.

    Examples
    --------
    >>> import numpy as np
    >>> red = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    >>> AddToHueAndSaturation(value_hue=85)(image=red).tolist()
    [[[0, 255, 0]]]
    """

    imgaug_parameters = ("value", "value_hue", "value_saturation", "per_channel", "from_colorspace")
    examples = ({"value": (-20, 20)}, {"value": (-50, 50), "per_channel": True},
                {"value_hue": 255, "value_saturation": (-30, 30)})
    _hue_table = staticmethod(_hue_shift_table)
    _sat_table = staticmethod(F.saturation_add_table)

    def __init__(self, value: Any = None, value_hue: Any = None, value_saturation: Any = None,
                 per_channel: Any = False, from_colorspace: str = RGB, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if value is not None and (value_hue is not None or value_saturation is not None):
            raise ParameterError(
                "value: give either value or value_hue/value_saturation, not both "
                f"(got value={value!r}, value_hue={value_hue!r}, "
                f"value_saturation={value_saturation!r})")
        if value is None and value_hue is None and value_saturation is None:
            value = (-20, 20)
        span = (-255, 255)
        both = None if value is None else iap.handle_discrete_param(value, "value",
                                                                    value_range=span)
        hue = None if value_hue is None else iap.handle_discrete_param(
            value_hue, "value_hue", value_range=span)
        sat = None if value_saturation is None else iap.handle_discrete_param(
            value_saturation, "value_saturation", value_range=span)
        self.value, self.value_hue, self.value_saturation = both, hue, sat
        self._init_hs(both, hue, sat, per_channel, from_colorspace)


class AddToHue(AddToHueAndSaturation):
    """Add random values to the hue of images (wrapping around the hue circle).

    Parameters
    ----------
    value : int or tuple of (int, int) or list of int or StochasticParameter, optional
        Added to hue, in ``[-255, 255]`` (default ``(-255, 255)``; 255 = a full turn).
    <from_colorspace>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> red = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    >>> AddToHue(-85)(image=red).tolist()
    [[[0, 0, 255]]]
    """

    examples = ({"value": (-50, 50)}, {"value": 255})

    def __init__(self, value: Any = (-255, 255), from_colorspace: str = RGB,
                 **kwargs: Any) -> None:
        super().__init__(value_hue=value, from_colorspace=from_colorspace, **kwargs)


class AddToSaturation(AddToHueAndSaturation):
    """Add random values to the saturation of images (clipped to ``[0, 255]``).

    Parameters
    ----------
    value : int or tuple of (int, int) or list of int or StochasticParameter, optional
        Added to saturation, in ``[-255, 255]`` (default ``(-75, 75)``).
    <from_colorspace>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> pink = np.full((1, 1, 3), (255, 127, 127), dtype=np.uint8)
    >>> AddToSaturation(-255)(image=pink).tolist()
    [[[255, 255, 255]]]
    """

    examples = ({"value": (-75, 75)},)

    def __init__(self, value: Any = (-75, 75), from_colorspace: str = RGB,
                 **kwargs: Any) -> None:
        super().__init__(value_saturation=value, from_colorspace=from_colorspace, **kwargs)


class MultiplyHueAndSaturation(_HueSaturationBase):
    """Multiply the hue and saturation of images by random values (in HSV).

    Hue is multiplied on OpenCV's circle of 180 and wraps around; saturation is
    clipped to ``[0, 255]``.

    Parameters
    ----------
    mul : None or number or tuple of (number, number) or list or StochasticParameter
        Multiplies hue and saturation alike, in ``[0, inf)``. Exclusive with
        *mul_hue* / *mul_saturation*.
    mul_hue : None or number or tuple of (number, number) or list or StochasticParameter
        Multiplies hue, in ``[-10, 10]``.
    mul_saturation : None or number or tuple of (number, number) or list or StochasticParameter
        Multiplies saturation, in ``[0, 10]``. If all three are None:
        ``mul_hue=(0.5, 1.5)``, ``mul_saturation=(0.0, 1.7)`` (imgaug's defaults).
    per_channel : bool or float or StochasticParameter, optional
        With *mul*: True draws separate factors for hue and saturation.
    <from_colorspace>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((1, 1, 3), (200, 100, 100), dtype=np.uint8)
    >>> MultiplyHueAndSaturation(mul_saturation=0.0)(image=img).tolist()
    [[[200, 200, 200]]]
    """

    imgaug_parameters = ("from_colorspace",)
    examples = ({}, {"mul": (0.5, 1.5), "per_channel": True}, {"mul_hue": (-2.0, 2.0)})
    _hue_table = staticmethod(F.hue_multiply_table)
    _sat_table = staticmethod(F.saturation_multiply_table)

    def __init__(self, mul: Any = None, mul_hue: Any = None, mul_saturation: Any = None,
                 per_channel: Any = False, from_colorspace: str = RGB, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if mul is not None and (mul_hue is not None or mul_saturation is not None):
            raise ParameterError(
                "mul: give either mul or mul_hue/mul_saturation, not both "
                f"(got mul={mul!r}, mul_hue={mul_hue!r}, mul_saturation={mul_saturation!r})")
        if mul is None and mul_hue is None and mul_saturation is None:
            mul_hue, mul_saturation = (0.5, 1.5), (0.0, 1.7)
        both = None if mul is None else iap.handle_continuous_param(
            mul, "mul", value_range=(0, None))
        hue = None if mul_hue is None else iap.handle_continuous_param(
            mul_hue, "mul_hue", value_range=(-10, 10))
        sat = None if mul_saturation is None else iap.handle_continuous_param(
            mul_saturation, "mul_saturation", value_range=(0, 10))
        self.mul, self.mul_hue, self.mul_saturation = both, hue, sat
        self._init_hs(both, hue, sat, per_channel, from_colorspace)


class MultiplyHue(MultiplyHueAndSaturation):
    """Multiply the hue of images by random values (wrapping around the hue circle).

    Parameters
    ----------
    mul : number or tuple of (number, number) or list or StochasticParameter, optional
        Hue factor, in ``[-10, 10]`` (default ``(-3.0, 3.0)``).
    <from_colorspace>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> red = np.full((1, 1, 3), (255, 0, 0), dtype=np.uint8)
    >>> MultiplyHue(2.0)(image=red).tolist()
    [[[255, 0, 0]]]
    """

    examples = ({"mul": (-3.0, 3.0)},)

    def __init__(self, mul: Any = (-3.0, 3.0), from_colorspace: str = RGB,
                 **kwargs: Any) -> None:
        super().__init__(mul_hue=mul, from_colorspace=from_colorspace, **kwargs)


class MultiplySaturation(MultiplyHueAndSaturation):
    """Multiply the saturation of images by random values (clipped to ``[0, 255]``).

    Parameters
    ----------
    mul : number or tuple of (number, number) or list or StochasticParameter, optional
        Saturation factor, in ``[0, 10]`` (default ``(0.0, 3.0)``).
    <from_colorspace>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((1, 1, 3), (200, 100, 100), dtype=np.uint8)
    >>> MultiplySaturation(0.0)(image=img).tolist()
    [[[200, 200, 200]]]
    """

    examples = ({"mul": (0.0, 3.0)},)

    def __init__(self, mul: Any = (0.0, 3.0), from_colorspace: str = RGB,
                 **kwargs: Any) -> None:
        super().__init__(mul_saturation=mul, from_colorspace=from_colorspace, **kwargs)


class RemoveSaturation(MultiplySaturation):
    """Remove a random fraction of the saturation (1.0: fully gray).

    Parameters
    ----------
    mul : number or tuple of (number, number) or list or StochasticParameter, optional
        Fraction removed, in ``[0, 1]`` (default 1): saturation is multiplied by
        ``1 - mul``.
    <from_colorspace>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((1, 1, 3), (200, 100, 100), dtype=np.uint8)
    >>> RemoveSaturation()(image=img).tolist()
    [[[200, 200, 200]]]
    """

    examples = ({"mul": 1.0}, {"mul": (0.0, 1.0)})

    def __init__(self, mul: Any = 1, from_colorspace: str = RGB, **kwargs: Any) -> None:
        removed = iap.handle_continuous_param(mul, "mul", value_range=(0, 1))
        super().__init__(mul=1 - removed, from_colorspace=from_colorspace, **kwargs)


class WithHueAndSaturation(ViewAugmenter):
    """Run children on the hue and saturation channels of images.

    Images are converted to HSV; the children get an ``(H, W, 2)`` **int16** image of
    hue (mapped from OpenCV's ``[0, 180)`` to ``[0, 255]``) and saturation, as in
    imgaug: children must handle int16. Afterwards hue is taken modulo 255 (it is an
    angle) and mapped back, saturation clipped to ``[0, 255]``, and the image
    converted back; a 4th (alpha) channel is kept. Other kinds go through the
    children unchanged by this wrapper.

    Parameters
    ----------
    children : Augmenter or list of Augmenter or None
        Augmenters applied to the int16 hue/saturation image.
    <from_colorspace>

    Supported data: every kind its children support (image dtypes: uint8).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = WithHueAndSaturation(augkit.ChannelShuffle(p=1.0))
    >>> aug(image=np.zeros((2, 2, 3), dtype=np.uint8)).shape
    (2, 2, 3)
    """

    supported_dtypes = frozenset({"uint8"})
    image_channels = (3, 4)
    doc_blocks = DOC_BLOCKS
    imgaug_parameters = ("from_colorspace",)
    examples = ({"children": augkit.Identity()},
                {"children": augkit.ChannelShuffle(p=1.0, channels=[0])})

    def __init__(self, children: Any = None, from_colorspace: str = RGB, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.children = as_augmenter_list(children, "children")
        self.from_colorspace = colorspace_name(from_colorspace, "from_colorspace")

    def image_to_view(self, image, index, view_params):
        return F.hue_saturation_int16(image, self.from_colorspace)

    def image_from_view(self, original, view, index, view_params):
        return F.replace_hue_saturation(original, np.asarray(view), self.from_colorspace)


AUGMENTERS = (WithHueAndSaturation, MultiplyHueAndSaturation, MultiplyHue, MultiplySaturation,
              RemoveSaturation, AddToHueAndSaturation, AddToHue, AddToSaturation)
