"""imgaug's ``imgaug.augmenters.pillike`` module: ``augkit.augmenters.pillike``.

The 19 augmenters and the functions of :mod:`augkit_pillike.functional`, under
imgaug's names. ``Solarize``, ``Posterize`` and ``Affine`` here are the pillike ones
(registered as ``pillike.Solarize``, ``pillike.Posterize`` and ``pillike.Affine``);
the bare registry names stay the arithmetic, colour and geometric families'.

Examples
--------
>>> import numpy as np
>>> from augkit_pillike import api as pillike
>>> pillike.EnhanceBrightness(2.0)(image=np.array([[10, 100]], dtype=np.uint8)).tolist()
[[20, 200]]
"""

from __future__ import annotations

from augkit_pillike.affine import Affine
from augkit_pillike.enhance import (
    EnhanceBrightness,
    EnhanceColor,
    EnhanceContrast,
    EnhanceSharpness,
)
from augkit_pillike.filters import (
    FilterBlur,
    FilterContour,
    FilterDetail,
    FilterEdgeEnhance,
    FilterEdgeEnhanceMore,
    FilterEmboss,
    FilterFindEdges,
    FilterSharpen,
    FilterSmooth,
    FilterSmoothMore,
)
from augkit_pillike.functional import (
    autocontrast,
    enhance_brightness,
    enhance_color,
    enhance_contrast,
    enhance_sharpness,
    equalize,
    equalize_,
    filter_blur,
    filter_contour,
    filter_detail,
    filter_edge_enhance,
    filter_edge_enhance_more,
    filter_emboss,
    filter_find_edges,
    filter_sharpen,
    filter_smooth,
    filter_smooth_more,
    posterize,
    posterize_,
    solarize,
    solarize_,
    warp_affine,
)
from augkit_pillike.imageops import Autocontrast, Equalize, Posterize, Solarize

__all__ = [
    "Affine",
    "Autocontrast",
    "EnhanceBrightness",
    "EnhanceColor",
    "EnhanceContrast",
    "EnhanceSharpness",
    "Equalize",
    "FilterBlur",
    "FilterContour",
    "FilterDetail",
    "FilterEdgeEnhance",
    "FilterEdgeEnhanceMore",
    "FilterEmboss",
    "FilterFindEdges",
    "FilterSharpen",
    "FilterSmooth",
    "FilterSmoothMore",
    "Posterize",
    "Solarize",
    "autocontrast",
    "enhance_brightness",
    "enhance_color",
    "enhance_contrast",
    "enhance_sharpness",
    "equalize",
    "equalize_",
    "filter_blur",
    "filter_contour",
    "filter_detail",
    "filter_edge_enhance",
    "filter_edge_enhance_more",
    "filter_emboss",
    "filter_find_edges",
    "filter_sharpen",
    "filter_smooth",
    "filter_smooth_more",
    "posterize",
    "posterize_",
    "solarize",
    "solarize_",
    "warp_affine",
]
