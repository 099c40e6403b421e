"""``augkit.augmenters.edges``: imgaug's ``edges`` module (scheme: see :mod:`.imgaug_arithmetic`).

Examples
--------
>>> from augkit import augmenters as iaa
>>> issubclass(iaa.edges.RandomColorsBinaryImageColorizer, iaa.IBinaryImageColorizer)
True
"""

from augkit_arithmetic.edges import Canny, IBinaryImageColorizer, RandomColorsBinaryImageColorizer

__all__ = ["Canny", "IBinaryImageColorizer", "RandomColorsBinaryImageColorizer"]
