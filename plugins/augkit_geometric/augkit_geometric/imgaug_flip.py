"""``augkit.augmenters.flip``: imgaug's ``flip`` module, from the geometric family.

Every imgaug module name a family provides is a module ``imgaug_<name>`` of its
package, registered by ``plugin.py``'s ``augkit_modules`` hook; its ``__all__`` lists
imgaug's public names of that module, each re-exported from where it is implemented
(the class modules and the family's ``functional`` kernels), never a copy.

Examples
--------
>>> import numpy as np
>>> from augkit import augmenters as iaa
>>> iaa.flip.flipud(np.array([[1], [2]], dtype=np.uint8)).tolist()
[[2], [1]]
"""

from augkit_geometric.flip import Fliplr, Flipud
from augkit_geometric.functional import fliplr, flipud

HorizontalFlip = Fliplr
VerticalFlip = Flipud

__all__ = ["Fliplr", "Flipud", "HorizontalFlip", "VerticalFlip", "fliplr", "flipud"]
