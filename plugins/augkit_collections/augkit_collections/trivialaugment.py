"""TrivialAugmentWide (Müller & Hutter 2021): one operation per image, any strength."""

from __future__ import annotations

from typing import Any

import augkit
from augkit import parameters as iap
from augkit_collections import _ops
from augkit_collections._common import PolicyMixin

#: Strengths are drawn from 31 levels, 0 to 30.
LEVEL_MAX = 30


class TrivialAugmentWide(PolicyMixin, augkit.OneOf):
    """Apply one uniformly chosen operation with a uniformly drawn strength per image.

    The operations and their "wide" ranges are those of the paper: identity,
    autocontrast, equalize, rotate (up to 135°), shear x/y (up to 44.7°, a factor of 0.99),
    translate x/y (up to 32 pixels), posterize (8 to 2 bits), solarize (threshold 256
    to 0) and colour/contrast/brightness/sharpness enhancement (factor 0.01 to 1.99).
    The strength is one of 31 levels, drawn per image; signed operations take a random
    sign. Geometric operations move every annotation kind with the image.

    Parameters
    ----------
    <cval>
        Default 128.
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.TrivialAugmentWide(seed=0)
    >>> aug(image=np.zeros((32, 32, 3), np.uint8)).shape
    (32, 32, 3)
    """

    examples = ({}, {"cval": 0})
    #: Equalize and autocontrast hide the conformance kit's marks; the geometric
    #: operations' annotations are tested in this plugin's tests instead.
    follow_examples: tuple = ()

    def __init__(self, cval: Any = 128, **kwargs: Any) -> None:
        self.cval = cval
        level = iap.DiscreteUniform(0, LEVEL_MAX)

        def signed(maxval: float) -> Any:
            return _ops.either_sign(_ops.scaled(level, LEVEL_MAX, maxval))

        shear = iap.RandomSign(_ops.scaled(level, LEVEL_MAX, _ops.shear_degrees(0.99)))
        factor = iap.Add(1.0, signed(0.99), elementwise=True)
        operations = [
            _ops.identity(),
            _ops.autocontrast(),
            _ops.equalize(),
            _ops.rotate(signed(135), cval),
            _ops.shear("x", shear, cval),
            _ops.shear("y", shear, cval),
            _ops.translate("x", cval, px=iap.Discretize(signed(32))),
            _ops.translate("y", cval, px=iap.Discretize(signed(32))),
            _ops.posterize(iap.Subtract(8, _ops.truncated(level, LEVEL_MAX, 6),
                                        elementwise=True)),
            _ops.solarize(iap.Subtract(256, _ops.truncated(level, LEVEL_MAX, 256),
                                       elementwise=True)),
            *(_ops.enhance(which, factor) for which in _ops.ENHANCERS),
        ]
        super().__init__(children=operations, **kwargs)


AUGMENTERS = [TrivialAugmentWide]
