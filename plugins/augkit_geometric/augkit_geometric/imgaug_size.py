"""``augkit.augmenters.size``: imgaug's ``size`` module (see :mod:`.imgaug_flip`).

The padding and cropping functions are the core's (:mod:`augkit.extend`), the kernels
the family's crop and pad augmenters call.

Examples
--------
>>> import numpy as np
>>> from augkit import augmenters as iaa
>>> iaa.size.pad(np.ones((1, 1), dtype=np.uint8), top=1, left=1).tolist()
[[0, 0], [0, 1]]
"""

from augkit.extend import (
    compute_croppings_to_reach_aspect_ratio,
    compute_croppings_to_reach_multiples_of,
    compute_croppings_to_reach_powers_of,
    compute_paddings_to_reach_aspect_ratio,
    compute_paddings_to_reach_multiples_of,
    compute_paddings_to_reach_powers_of,
    pad,
    pad_to_aspect_ratio,
    pad_to_multiples_of,
)
from augkit_geometric.crop_pad import Crop, CropAndPad, Pad
from augkit_geometric.resize import KeepSizeByResize, Resize
from augkit_geometric.to_size import (
    CenterCropToAspectRatio,
    CenterCropToFixedSize,
    CenterCropToMultiplesOf,
    CenterCropToPowersOf,
    CenterCropToSquare,
    CenterPadToAspectRatio,
    CenterPadToFixedSize,
    CenterPadToMultiplesOf,
    CenterPadToPowersOf,
    CenterPadToSquare,
    CropToAspectRatio,
    CropToFixedSize,
    CropToMultiplesOf,
    CropToPowersOf,
    CropToSquare,
    PadToAspectRatio,
    PadToFixedSize,
    PadToMultiplesOf,
    PadToPowersOf,
    PadToSquare,
)

Scale = Resize

__all__ = [
    "CenterCropToAspectRatio", "CenterCropToFixedSize", "CenterCropToMultiplesOf",
    "CenterCropToPowersOf", "CenterCropToSquare", "CenterPadToAspectRatio",
    "CenterPadToFixedSize", "CenterPadToMultiplesOf", "CenterPadToPowersOf",
    "CenterPadToSquare", "Crop", "CropAndPad", "CropToAspectRatio", "CropToFixedSize",
    "CropToMultiplesOf", "CropToPowersOf", "CropToSquare", "KeepSizeByResize", "Pad",
    "PadToAspectRatio", "PadToFixedSize", "PadToMultiplesOf", "PadToPowersOf",
    "PadToSquare", "Resize", "Scale",
    "compute_croppings_to_reach_aspect_ratio", "compute_croppings_to_reach_multiples_of",
    "compute_croppings_to_reach_powers_of", "compute_paddings_to_reach_aspect_ratio",
    "compute_paddings_to_reach_multiples_of", "compute_paddings_to_reach_powers_of", "pad",
    "pad_to_aspect_ratio", "pad_to_multiples_of",
]
