"""Adding to, multiplying and replacing pixel values."""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import PixelAugmenter
from augkit import parameters as iap
from augkit.pixels import draw_per_channel


def add_to_image(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Return *image* plus *values* (one per image or per channel), saturated to the dtype.

    Integer images get values rounded to the nearest integer and clipped to the
    dtype's range; float images are added to as they are.

    Examples
    --------
    >>> add_to_image(np.array([[[250]]], dtype=np.uint8), np.array([10.0])).tolist()
    [[[255]]]
    """
    if image.dtype.kind in "ui":
        info = np.iinfo(image.dtype)
        out = image.astype(np.int64) + np.rint(values).astype(np.int64)
        return np.clip(out, info.min, info.max).astype(image.dtype)
    if image.dtype.kind == "b":
        return (image.astype(np.float64) + values) >= 0.5
    return (image + values.astype(image.dtype)).astype(image.dtype)


class Add(PixelAugmenter):
    """Add a value to every pixel of each image (or a value per channel).

    Parameters
    ----------
    value : number or tuple of (number, number) or list or StochasticParameter
        The value added, per image (default ``(-20, 20)``); integer images get it
        rounded.
    per_channel : bool or float or StochasticParameter, optional
        True draws one value per channel; a float is the probability, per image,
        of doing so.

    Supported data: images; every other kind passes through unchanged (image dtypes:
    every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> Add(10)(image=np.array([[250]], dtype=np.uint8)).tolist()
    [[255]]
    """

    examples = ({"value": (-40, 40)}, {"value": 25, "per_channel": True})

    def __init__(self, value: Any = (-20, 20), per_channel: Any = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.value = iap.handle_continuous_param(value, "value")
        self.per_channel = iap.handle_per_channel(per_channel)

    def sample(self, rows, rng):
        return draw_per_channel(self.value, self.per_channel, rows.shapes, rng)

    def apply_to_images(self, images, params):
        return [add_to_image(image, values) for image, values in zip(images, params)]


AUGMENTERS = (Add,)
