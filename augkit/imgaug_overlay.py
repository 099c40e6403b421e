"""``augkit.augmenters.overlay``: imgaug's deprecated alias of the ``blend`` module.

imgaug 0.4.0 kept ``overlay`` for code written before ``blend``; importing it warns
once with a :class:`DeprecationWarning` that points to ``augkit.augmenters.blend``.

Examples
--------
>>> import warnings
>>> from augkit import augmenters as iaa
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore", DeprecationWarning)
...     iaa.overlay.Alpha is iaa.blend.BlendAlpha
True
"""

from __future__ import annotations

import warnings

from augkit.blend import (
    Alpha,
    AlphaElementwise,
    FrequencyNoiseAlpha,
    SimplexNoiseAlpha,
    blend_alpha,
)

__all__ = ["Alpha", "AlphaElementwise", "FrequencyNoiseAlpha", "SimplexNoiseAlpha",
           "blend_alpha"]

warnings.warn("augkit.augmenters.overlay is deprecated (as in imgaug 0.4.0): use "
              "augkit.augmenters.blend", DeprecationWarning, stacklevel=2)
