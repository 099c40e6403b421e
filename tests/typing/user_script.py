"""A typed user script: mypy must accept it (tests/test_typing.py)."""

from __future__ import annotations

import numpy as np

import augkit
from augkit import augmenters as iaa

seq: augkit.Sequential = iaa.Sequential([iaa.Fliplr(0.5), augkit.get("Affine", rotate=10)],
                                        seed=1)
images: list[np.ndarray] = seq.augment_images([np.zeros((4, 4, 3), np.uint8)])
flip: augkit.Augmenter = augkit.get("Fliplr", p=1.0)
out = flip(image=np.zeros((2, 2), np.uint8))
medium: augkit.Augmenter = augkit.load("medium")
kps = augkit.KeypointsOnImage.from_xy_array(np.zeros((1, 2)), shape=(4, 4, 3))
