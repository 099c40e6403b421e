"""imgaug's module name for the keypoint containers (``imgaug.augmentables.kps``).

The classes live in :mod:`augkit.augmentables.keypoints`; this module lets imgaug-era
imports (``from augkit.augmentables.kps import Keypoint``) work unchanged.

Examples
--------
>>> from augkit.augmentables.kps import Keypoint, KeypointsOnImage
>>> KeypointsOnImage([Keypoint(x=1, y=2)], shape=(4, 4)).keypoints[0]
Keypoint(x=1.00000000, y=2.00000000)
"""

from augkit.augmentables.keypoints import Keypoint, KeypointsOnImage

__all__ = ["Keypoint", "KeypointsOnImage"]
