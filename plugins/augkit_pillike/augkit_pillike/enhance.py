"""Pillow's ``ImageEnhance`` as augmenters: colour, contrast, brightness, sharpness."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from augkit import parameters as iap
from augkit.extend import channel_count
from augkit_pillike import functional as F
from augkit_pillike._common import PillikePixelAugmenter


class _Enhance(PillikePixelAugmenter):
    """Base: one factor per image, passed to a ``functional.enhance_*`` kernel."""

    image_channels = (1, 3, 4)
    imgaug_parameters = ("factor",)
    #: The ``functional.enhance_*`` kernel (a staticmethod).
    _kernel: ClassVar[Any]

    def __init__(self, factor: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.factor = iap.handle_continuous_param(factor, "factor", value_range=(0.0, None))

    def sample(self, rows, rng):
        return np.maximum(iap.draw(self.factor, rows.nb_rows, rng, np.float64), 0.0).tolist()

    def _apply_one(self, image, row):
        return self._kernel(image, row)


class EnhanceColor(_Enhance):
    """Scale colourfulness, as Pillow's ``ImageEnhance.Color`` (0: grey, 1: unchanged).

    Parameters
    ----------
    <factor>
        Default ``(0.0, 3.0)``.
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> EnhanceColor(0.0)(image=np.array([[[255, 0, 0]]], dtype=np.uint8)).tolist()
    [[[76, 76, 76]]]
    """

    _kernel = staticmethod(F.enhance_color)

    def __init__(self, factor: Any = (0.0, 3.0), **kwargs: Any) -> None:
        super().__init__(factor, **kwargs)


class EnhanceContrast(_Enhance):
    """Scale contrast around the mean grey, as Pillow's ``ImageEnhance.Contrast``.

    Parameters
    ----------
    <factor>
        Default ``(0.5, 1.5)``; 0 gives a uniform grey image, 1 the image unchanged.
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> EnhanceContrast(0.0)(image=np.array([[0, 100]], dtype=np.uint8)).tolist()
    [[50, 50]]
    """

    _kernel = staticmethod(F.enhance_contrast)

    def __init__(self, factor: Any = (0.5, 1.5), **kwargs: Any) -> None:
        super().__init__(factor, **kwargs)


class EnhanceBrightness(_Enhance):
    """Scale brightness, as Pillow's ``ImageEnhance.Brightness`` (0: black).

    uint8 rows are lookup tables (``lookup_tables``).

    Parameters
    ----------
    <factor>
        Default ``(0.5, 1.5)``.
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> EnhanceBrightness(2.0)(image=np.array([[10, 100]], dtype=np.uint8)).tolist()
    [[20, 200]]
    """

    _kernel = staticmethod(F.enhance_brightness)

    def __init__(self, factor: Any = (0.5, 1.5), **kwargs: Any) -> None:
        super().__init__(factor, **kwargs)

    def lookup_tables(self, params, shapes):
        """Per row, its blend-with-black table (alpha kept on 4 channels)."""
        return [F.blend_table(0, factor, channel_count(shape))
                for factor, shape in zip(params, shapes)]


class EnhanceSharpness(_Enhance):
    """Blend with a smoothed copy, as Pillow's ``ImageEnhance.Sharpness`` (0: smoothed).

    Parameters
    ----------
    <factor>
        Default ``(0.0, 2.0)``; above 1 sharpens.
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> EnhanceSharpness(2.0)(image=np.full((3, 3), 7, dtype=np.uint8)).tolist()
    [[7, 7, 7], [7, 7, 7], [7, 7, 7]]
    """

    _kernel = staticmethod(F.enhance_sharpness)

    def __init__(self, factor: Any = (0.0, 2.0), **kwargs: Any) -> None:
        super().__init__(factor, **kwargs)


AUGMENTERS = [EnhanceColor, EnhanceContrast, EnhanceBrightness, EnhanceSharpness]
