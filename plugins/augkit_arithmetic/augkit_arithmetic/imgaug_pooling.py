"""``augkit.augmenters.pooling``: imgaug's ``pooling`` module.

imgaug 0.4.0's module held only the augmenters; its pooling functions lived in
``imgaug.imgaug`` and are augkit's :func:`augkit.avg_pool`, :func:`augkit.max_pool`,
:func:`augkit.min_pool`, :func:`augkit.median_pool` and :func:`augkit.pool`, the kernels
these augmenters call, exposed here as well. (Scheme: see :mod:`.imgaug_arithmetic`.)

Examples
--------
>>> import numpy as np
>>> from augkit import augmenters as iaa
>>> iaa.pooling.max_pool(np.array([[1, 2], [3, 4]], np.uint8), 2).tolist()
[[4]]
"""

from augkit import avg_pool, max_pool, median_pool, min_pool, pool
from augkit_arithmetic.pooling import AveragePooling, MaxPooling, MedianPooling, MinPooling

__all__ = ["AveragePooling", "MaxPooling", "MedianPooling", "MinPooling", "avg_pool",
           "max_pool", "median_pool", "min_pool", "pool"]
