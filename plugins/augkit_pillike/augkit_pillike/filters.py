"""Pillow's ``ImageFilter`` 3x3 (and 5x5 blur) kernels as augmenters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np

from augkit_pillike import functional as F
from augkit_pillike._common import PillikePixelAugmenter


class _Filter(PillikePixelAugmenter):
    """Base: a fixed Pillow kernel (nothing is drawn)."""

    image_channels = (1, 3, 4)
    #: The ``functional.filter_*`` kernel (a staticmethod).
    _kernel: ClassVar[Any]

    def sample(self, rows, rng):
        return [None] * rows.nb_rows

    def _apply_one(self, image, row):
        return self._kernel(image)


def _filter_class(name: str, kernel: Callable[[np.ndarray], np.ndarray], what: str,
                  value: int) -> type[_Filter]:
    """Build the augmenter of one ``functional.filter_*`` kernel (they differ in nothing else)."""
    doc = f"""Apply Pillow's ``ImageFilter.{kernel.__name__[7:].upper()}`` kernel ({what}).

    The same as :func:`augkit_pillike.functional.{kernel.__name__}` on every image.

    Parameters
    ----------
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> {name}()(image=np.full((3, 3), 9, dtype=np.uint8))[1, 1]
    np.uint8({value})
    """
    return type(name, (_Filter,), {"__doc__": doc, "__module__": __name__,
                                   "__qualname__": name, "_kernel": staticmethod(kernel)})


FilterBlur = _filter_class("FilterBlur", F.filter_blur, "blur", 9)
FilterSmooth = _filter_class("FilterSmooth", F.filter_smooth, "smoothing", 9)
FilterSmoothMore = _filter_class("FilterSmoothMore", F.filter_smooth_more,
                                 "strong smoothing", 9)
FilterEdgeEnhance = _filter_class("FilterEdgeEnhance", F.filter_edge_enhance,
                                  "edge enhancement", 9)
FilterEdgeEnhanceMore = _filter_class("FilterEdgeEnhanceMore", F.filter_edge_enhance_more,
                                      "strong edge enhancement", 9)
FilterFindEdges = _filter_class("FilterFindEdges", F.filter_find_edges, "edge detection", 0)
FilterContour = _filter_class("FilterContour", F.filter_contour, "contours", 255)
FilterEmboss = _filter_class("FilterEmboss", F.filter_emboss, "embossing", 128)
FilterSharpen = _filter_class("FilterSharpen", F.filter_sharpen, "sharpening", 9)
FilterDetail = _filter_class("FilterDetail", F.filter_detail, "detail enhancement", 9)

AUGMENTERS = [FilterBlur, FilterSmooth, FilterSmoothMore, FilterEdgeEnhance,
              FilterEdgeEnhanceMore, FilterFindEdges, FilterContour, FilterEmboss,
              FilterSharpen, FilterDetail]
