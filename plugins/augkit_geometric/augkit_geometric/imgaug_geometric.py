"""``augkit.augmenters.geometric``: imgaug's ``geometric`` module (see :mod:`.imgaug_flip`).

Examples
--------
>>> import numpy as np
>>> from augkit import augmenters as iaa
>>> dest = iaa.geometric.generate_jigsaw_destinations(2, 2, max_steps=1, seed=1)
>>> sorted(dest.ravel().tolist())
[0, 1, 2, 3]
"""

from augkit_geometric.affine import (
    Affine,
    AffineCv2,
    Rotate,
    ScaleX,
    ScaleY,
    ShearX,
    ShearY,
    TranslateX,
    TranslateY,
)
from augkit_geometric.elastic import ElasticTransformation
from augkit_geometric.functional import (
    apply_jigsaw,
    apply_jigsaw_to_coords,
    generate_jigsaw_destinations,
)
from augkit_geometric.jigsaw import Jigsaw
from augkit_geometric.perspective import PerspectiveTransform
from augkit_geometric.piecewise import PiecewiseAffine
from augkit_geometric.polar import WithPolarWarping
from augkit_geometric.rot90 import Rot90

__all__ = [
    "Affine", "AffineCv2", "ElasticTransformation", "Jigsaw", "PerspectiveTransform",
    "PiecewiseAffine", "Rot90", "Rotate", "ScaleX", "ScaleY", "ShearX", "ShearY",
    "TranslateX", "TranslateY", "WithPolarWarping", "apply_jigsaw", "apply_jigsaw_to_coords",
    "generate_jigsaw_destinations",
]
