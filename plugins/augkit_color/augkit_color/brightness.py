"""Brightness: change the brightness channel of a colour space (Y, V, L) only."""

from __future__ import annotations

from typing import Any

import numpy as np

import augkit
from augkit import parameters as iap
from augkit.extend import ViewAugmenter, as_augmenter_list, saturate
from augkit_color import functional as F
from augkit_color._common import (
    DOC_BLOCKS,
    ColorPixelAugmenter,
    colorspace_name,
    colorspace_param,
    draw_colorspaces,
)
from augkit_color.contrast import GammaContrast
from augkit_color.functional import HLS, HSV, RGB, YUV, Lab, Luv, YCrCb

#: Colour spaces with a brightness channel (imgaug's default list).
BRIGHTNESS_SPACES = (YCrCb, HSV, HLS, Lab, Luv, YUV)
_DEFAULT_SPACES = list(BRIGHTNESS_SPACES)


class WithBrightnessChannels(ViewAugmenter):
    """Run children on the brightness channel of images only.

    Each image is converted to a colour space picked from *to_colorspace* (per image),
    its brightness channel (Y of YCrCb/YUV, V of HSV, L of HLS/Lab/Luv) is handed to
    the children as an ``(H, W, 1)`` uint8 image, and the result written back.
    1-channel images are handed over as they are; a 4th (alpha) channel is kept. Other
    kinds go through the children unchanged by this wrapper.

    Parameters
    ----------
    children : Augmenter or list of Augmenter or None
        Augmenters applied to the brightness channel.
    <brightness to_colorspace>
    <from_colorspace>

    Supported data: every kind its children support (image dtypes: uint8).

    For YCrCb and YUV the change of luma is added to every colour channel, which is
    what replacing Y and converting back does, without the chroma rounding (and about
    twice as fast).

    Examples
    --------
    >>> import numpy as np
    >>> aug = WithBrightnessChannels(GammaContrast(2.0), to_colorspace="YCrCb")
    >>> aug(image=np.full((1, 1, 3), 128, dtype=np.uint8)).tolist()
    [[[64, 64, 64]]]
    """

    supported_dtypes = frozenset({"uint8"})
    image_channels = (1, 3, 4)
    doc_blocks = DOC_BLOCKS
    imgaug_parameters = ("to_colorspace", "from_colorspace")
    examples = ({"children": GammaContrast(0.9)},
                {"children": GammaContrast(1.1), "to_colorspace": ["HSV", "Lab"]})

    def __init__(self, children: Any = None, to_colorspace: Any = _DEFAULT_SPACES,
                 from_colorspace: str = RGB, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.children = as_augmenter_list(children, "children")
        self.to_colorspace = colorspace_param(to_colorspace, "to_colorspace", BRIGHTNESS_SPACES)
        self.from_colorspace = colorspace_name(from_colorspace, "from_colorspace")

    def sample_view(self, rows, rng):
        return draw_colorspaces(self.to_colorspace, rows.nb_rows, rng, "to_colorspace",
                                BRIGHTNESS_SPACES)

    def image_to_view(self, image, index, view_params):
        plane = F.intensity_plane(image, view_params[index], self.from_colorspace)
        return plane.reshape(*plane.shape, 1)

    def image_from_view(self, original, view, index, view_params):
        new = saturate(np.asarray(view, dtype=np.float64), np.dtype(np.uint8)) \
            if view.dtype != np.uint8 else view
        new = np.ascontiguousarray(new[:, :, 0])
        return F.map_intensity(original, lambda _plane: new, view_params[index],
                               self.from_colorspace)


class MultiplyAndAddToBrightness(ColorPixelAugmenter):
    """Multiply the brightness channel by *mul* and add *add* to it.

    Works like :class:`WithBrightnessChannels` with a multiply and an add child, both
    folded into one lookup table per image (each step saturates to ``[0, 255]`` as
    separate steps would).

    Parameters
    ----------
    mul : number or tuple of (number, number) or list or StochasticParameter, optional
        Brightness factor per image (default ``(0.7, 1.3)``), in ``[0, inf)``.
    add : number or tuple of (number, number) or list or StochasticParameter, optional
        Added to brightness per image (default ``(-30, 30)``), rounded.
    <brightness to_colorspace>
    <from_colorspace>
    random_order : bool, optional
        If True (default), half of the images get the add before the multiply.

    <supported data>

    1-channel images are treated as brightness; a 4th (alpha) channel is kept.

    Examples
    --------
    >>> import numpy as np
    >>> aug = MultiplyAndAddToBrightness(mul=2.0, add=10, to_colorspace="YCrCb",
    ...                                  random_order=False)
    >>> aug(image=np.full((1, 1, 3), 50, dtype=np.uint8)).tolist()
    [[[110, 110, 110]]]
    """

    supported_dtypes = frozenset({"uint8"})
    image_channels = (1, 3, 4)
    imgaug_parameters = ("to_colorspace", "from_colorspace")
    examples = ({}, {"mul": 1.2, "add": (-10, 10), "to_colorspace": "YCrCb"})

    def __init__(self, mul: Any = (0.7, 1.3), add: Any = (-30, 30),
                 to_colorspace: Any = _DEFAULT_SPACES, from_colorspace: str = RGB,
                 random_order: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mul = iap.handle_continuous_param(mul, "mul", value_range=(0, None))
        self.add = iap.handle_continuous_param(add, "add", value_range=(-255, 255))
        self.to_colorspace = colorspace_param(to_colorspace, "to_colorspace", BRIGHTNESS_SPACES)
        self.from_colorspace = colorspace_name(from_colorspace, "from_colorspace")
        self.random_order = bool(random_order)

    @property
    def children(self) -> augkit.Sequential:
        """imgaug's ``children``: ``Sequential([Multiply(mul), Add(add)])`` on the brightness
        channel (``Identity`` for ``mul == 1`` or ``add == 0``).

        Built on access to describe what the augmenter does; changing it changes nothing.
        """
        def step(name: str, param: iap.StochasticParameter, neutral: float) -> Any:
            if isinstance(param, iap.Deterministic) and param.value == neutral:
                return augkit.Identity()
            return augkit.get(name, **{"mul" if name == "Multiply" else "value": param})

        return augkit.Sequential([step("Multiply", self.mul, 1.0), step("Add", self.add, 0.0)],
                                 random_order=self.random_order)

    def sample(self, rows, rng):
        nb_rows = rows.nb_rows
        spaces = draw_colorspaces(self.to_colorspace, nb_rows, rng, "to_colorspace",
                                  BRIGHTNESS_SPACES)
        if nb_rows == 1:
            # one image: Python numbers, the same draws in the same order as below
            mul = float(self.mul.draw_samples(1, random_state=rng).item())
            add = float(round(float(self.add.draw_samples(1, random_state=rng).item())))
            add_first = bool(rng.random() < 0.5) if self.random_order else False
            return [(spaces[0], mul, add, add_first)]
        muls = iap.draw(self.mul, nb_rows, rng, np.float64)
        adds = np.rint(iap.draw(self.add, nb_rows, rng, np.float64))
        add_first = rng.random(nb_rows) < 0.5 if self.random_order \
            else np.zeros(nb_rows, dtype=bool)
        return list(zip(spaces, muls, adds, add_first))

    def _apply_one(self, image, row):
        space, mul, add, add_first = row
        table = F.brightness_table(mul, add, add_first)
        return F.map_intensity_lut(image, table, space, self.from_colorspace)


class MultiplyBrightness(MultiplyAndAddToBrightness):
    """Multiply the brightness channel of images by random factors.

    Parameters
    ----------
    mul : number or tuple of (number, number) or list or StochasticParameter, optional
        Brightness factor per image (default ``(0.7, 1.3)``).
    <brightness to_colorspace>
    <from_colorspace>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> aug = MultiplyBrightness(0.5, to_colorspace="HSV")
    >>> aug(image=np.full((1, 1, 3), (200, 100, 0), dtype=np.uint8)).tolist()
    [[[100, 50, 0]]]
    """

    examples = ({"mul": (0.5, 1.5)},)

    def __init__(self, mul: Any = (0.7, 1.3), to_colorspace: Any = _DEFAULT_SPACES,
                 from_colorspace: str = RGB, **kwargs: Any) -> None:
        super().__init__(mul=mul, add=0, to_colorspace=to_colorspace,
                         from_colorspace=from_colorspace, random_order=False, **kwargs)


class AddToBrightness(MultiplyAndAddToBrightness):
    """Add random values to the brightness channel of images.

    Parameters
    ----------
    add : number or tuple of (number, number) or list or StochasticParameter, optional
        Added per image (default ``(-30, 30)``).
    <brightness to_colorspace>
    <from_colorspace>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> aug = AddToBrightness(20, to_colorspace="YUV")
    >>> aug(image=np.full((1, 1, 3), (100, 50, 0), dtype=np.uint8)).tolist()
    [[[120, 70, 20]]]
    """

    examples = ({"add": (-30, 30)},)

    def __init__(self, add: Any = (-30, 30), to_colorspace: Any = _DEFAULT_SPACES,
                 from_colorspace: str = RGB, **kwargs: Any) -> None:
        super().__init__(mul=1.0, add=add, to_colorspace=to_colorspace,
                         from_colorspace=from_colorspace, random_order=False, **kwargs)


AUGMENTERS = (WithBrightnessChannels, MultiplyAndAddToBrightness, MultiplyBrightness,
              AddToBrightness)
