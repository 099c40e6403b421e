"""imgaug's ``imgaug.augmenters.debug`` module: ``augkit.augmenters.debug``.

Examples
--------
>>> import numpy as np
>>> from augkit_debug import api as debug
>>> debug.draw_debug_image([np.zeros((4, 4, 3), np.uint8)]).shape
(24, 8, 3)
"""

from __future__ import annotations

from augkit_debug.debug import SaveDebugImageEveryNBatches, _SaveDebugImage
from augkit_debug.destinations import (
    _EveryNBatchesSchedule,
    _FolderImageDestination,
    _IBatchwiseSchedule,
    _IImageDestination,
    _MultiDestination,
)
from augkit_debug.functional import draw_debug_image

__all__ = [
    "SaveDebugImageEveryNBatches",
    "_EveryNBatchesSchedule",
    "_FolderImageDestination",
    "_IBatchwiseSchedule",
    "_IImageDestination",
    "_MultiDestination",
    "_SaveDebugImage",
    "draw_debug_image",
]
