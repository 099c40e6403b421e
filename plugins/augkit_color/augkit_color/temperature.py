"""Colour temperature: tint images as if lit by a black body of some temperature."""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit_color import functional as F
from augkit_color._common import ColorPixelAugmenter, colorspace_name
from augkit_color.functional import RGB


class ChangeColorTemperature(ColorPixelAugmenter):
    """Change the colour temperature of images to a random value in kelvin.

    Each channel is multiplied by the normalised RGB colour of a black body at that
    temperature (a curve fit of the black-body colours): low temperatures tint orange,
    around 6600 K stays neutral, high ones tint blue.

    Parameters
    ----------
    kelvin : number or tuple of (number, number) or list or StochasticParameter, optional
        Temperature per image, in ``[1000, 40000]`` (default ``(1000, 11000)``).
    <from_colorspace>

    <supported data>

    Images need 3 channels, or 4 (alpha kept). uint8 is multiplied and rounded in one
    ``cv2.transform`` pass; float32 is multiplied as it is.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((1, 1, 3), 200, dtype=np.uint8)
    >>> ChangeColorTemperature(1000)(image=img).tolist()
    [[[200, 53, 0]]]
    """

    supported_dtypes = frozenset({"uint8", "float32"})
    image_channels = (3, 4)
    imgaug_parameters = ("kelvin", "from_colorspace")
    examples = ({"kelvin": (1000, 11000)}, {"kelvin": [3000, 9000]})

    def __init__(self, kelvin: Any = (1000, 11000), from_colorspace: str = RGB,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kelvin = iap.handle_continuous_param(kelvin, "kelvin", value_range=(1000, 40000))
        self.from_colorspace = colorspace_name(from_colorspace, "from_colorspace")

    def sample(self, rows, rng):
        kelvins = np.clip(iap.draw(self.kelvin, rows.nb_rows, rng, np.float64), 1000, 40000)
        return F.kelvin_to_rgb(kelvins)

    def _apply_one(self, image, multipliers):
        return F.apply_color_temperature(image, multipliers, self.from_colorspace)


AUGMENTERS = (ChangeColorTemperature,)
