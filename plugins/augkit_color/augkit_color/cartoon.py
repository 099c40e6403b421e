"""Cartoon: flat colour regions, stronger saturation and dark edges (imgaug's artistic)."""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit_color import functional as F
from augkit_color._common import ColorPixelAugmenter, colorspace_name
from augkit_color.functional import RGB


class Cartoon(ColorPixelAugmenter):
    """Make images look like cartoons.

    Each image is median-blurred, segmented into flat colour regions (mean shift),
    made more saturated, and dark lines are drawn where the blurred image has strong
    edges. 1-channel images are processed as gray RGB and returned gray; a 4th (alpha)
    channel is kept.

    Parameters
    ----------
    blur_ksize : number or tuple of (number, number) or list or StochasticParameter, optional
        Median blur kernel size per image (default ``(1, 5)``; rounded up to odd).
    segmentation_size : number or tuple of (number, number) or list or StochasticParameter
        Scales the mean-shift window (default ``(0.8, 1.2)``): larger gives larger
        regions.
    saturation : number or tuple of (number, number) or list or StochasticParameter
        Saturation factor (default ``(1.5, 2.5)``).
    edge_prevalence : number or tuple of (number, number) or list or StochasticParameter
        How many edges are drawn (default ``(0.9, 1.1)``): above 1 more, below fewer.
    <from_colorspace>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.random.default_rng(0).integers(0, 255, (32, 32, 3), dtype=np.uint8)
    >>> Cartoon()(image=img).shape
    (32, 32, 3)
    """

    supported_dtypes = frozenset({"uint8"})
    image_channels = (1, 3, 4)
    min_image_side = 1
    imgaug_parameters = (
        "blur_ksize", "segmentation_size", "saturation", "edge_prevalence", "from_colorspace"
    )
    examples = ({}, {"blur_ksize": 3, "segmentation_size": 1.0, "saturation": 2.0,
                     "edge_prevalence": 1.0})

    def __init__(self, blur_ksize: Any = (1, 5), segmentation_size: Any = (0.8, 1.2),
                 saturation: Any = (1.5, 2.5), edge_prevalence: Any = (0.9, 1.1),
                 from_colorspace: str = RGB, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.blur_ksize = iap.handle_continuous_param(blur_ksize, "blur_ksize",
                                                      value_range=(0, None))
        self.segmentation_size = iap.handle_continuous_param(
            segmentation_size, "segmentation_size", value_range=(0, None))
        self.saturation = iap.handle_continuous_param(saturation, "saturation",
                                                      value_range=(0, None))
        self.edge_prevalence = iap.handle_continuous_param(edge_prevalence, "edge_prevalence",
                                                           value_range=(0, None))
        self.from_colorspace = colorspace_name(from_colorspace, "from_colorspace")

    def sample(self, rows, rng):
        params = (self.blur_ksize, self.segmentation_size, self.saturation,
                  self.edge_prevalence)
        return np.stack([iap.draw(p, rows.nb_rows, rng, np.float64) for p in params], axis=1)

    def _apply_one(self, image, row):
        blur, segmentation, saturation, edges = row
        return F.cartoon(image, int(round(blur)), segmentation, saturation, edges,
                         self.from_colorspace)


AUGMENTERS = (Cartoon,)
