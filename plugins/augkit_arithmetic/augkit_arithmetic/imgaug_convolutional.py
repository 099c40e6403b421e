"""``augkit.augmenters.convolutional``: imgaug's ``convolutional`` module.

(Scheme: see :mod:`.imgaug_arithmetic`.)

Examples
--------
>>> from augkit import augmenters as iaa
>>> iaa.convolutional.Sharpen is iaa.Sharpen
True
"""

from augkit_arithmetic.convolutional import (
    Convolve,
    DirectedEdgeDetect,
    EdgeDetect,
    Emboss,
    Sharpen,
)

__all__ = ["Convolve", "DirectedEdgeDetect", "EdgeDetect", "Emboss", "Sharpen"]
