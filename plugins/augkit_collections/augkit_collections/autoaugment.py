"""AutoAugment (Cubuk et al. 2019): the published ImageNet, CIFAR-10 and SVHN policies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import augkit
from augkit import parameters as iap
from augkit_collections import _ops
from augkit_collections._common import PolicyMixin
from augkit_collections._policies import POLICIES

#: Levels run from 0 to 10, as in the paper.
LEVEL_MAX = 10


def _signed(level: int, maxval: float) -> Any:
    return _ops.either_sign(level * maxval / LEVEL_MAX)


def _operation(name: str, level: int | None, cval: Any) -> augkit.Augmenter:
    """The augmenter of one policy entry; magnitudes grow with *level* (0 to 10).

    Ranges are the paper's: shear factor 0.3, translation 150/331 of the side,
    rotation 30°, enhance factor 0.1 to 1.9, posterize 8 to 4 bits, solarize threshold
    256 to 0; shears, translations and rotations take a random sign.
    """
    builders: dict[str, Callable[[int], augkit.Augmenter]] = {
        "ShearX": lambda lv: _ops.shear("x", iap.RandomSign(
            _ops.shear_degrees(lv * 0.3 / LEVEL_MAX)), cval),
        "ShearY": lambda lv: _ops.shear("y", iap.RandomSign(
            _ops.shear_degrees(lv * 0.3 / LEVEL_MAX)), cval),
        "TranslateX": lambda lv: _ops.translate("x", cval, fraction=_signed(lv, 150 / 331)),
        "TranslateY": lambda lv: _ops.translate("y", cval, fraction=_signed(lv, 150 / 331)),
        "Rotate": lambda lv: _ops.rotate(_signed(lv, 30), cval),
        "Posterize": lambda lv: _ops.posterize(8 - int(lv * 4 / LEVEL_MAX)),
        "Solarize": lambda lv: _ops.solarize(256 - int(lv * 256 / LEVEL_MAX)),
        **{which: (lambda lv, w=which: _ops.enhance(w, 0.1 + 1.8 * lv / LEVEL_MAX))
           for which in _ops.ENHANCERS},
    }
    plain = {"AutoContrast": _ops.autocontrast, "Equalize": _ops.equalize,
             "Invert": _ops.invert}
    if name in plain:
        return plain[name]()
    return builders[name](int(level or 0))


class AutoAugment(PolicyMixin, augkit.OneOf):
    """Apply one of a learned policy's 25 sub-policies to each image.

    A sub-policy is two operations, each applied with its own probability and level;
    the policies are those published by Cubuk et al. (2019) for ImageNet, CIFAR-10 and
    SVHN. Geometric operations (shear, translate, rotate) move every annotation kind
    with the image.

    Parameters
    ----------
    policy : {"imagenet", "cifar10", "svhn"}, optional
        Which published policy (default ``"imagenet"``).
    <cval>
        Default 128.
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.AutoAugment(policy="cifar10", seed=0)
    >>> len(aug.children)
    25
    >>> aug(image=np.zeros((32, 32, 3), np.uint8)).shape
    (32, 32, 3)
    """

    examples = ({}, {"policy": "cifar10"}, {"policy": "svhn", "cval": 0})
    #: Equalize and autocontrast hide the conformance kit's marks; the geometric
    #: operations' annotations are tested in this plugin's tests instead.
    follow_examples: tuple = ()

    def __init__(self, policy: str = "imagenet", cval: Any = 128, **kwargs: Any) -> None:
        self.policy = iap.handle_choice_param(policy, "policy", tuple(POLICIES),
                                              stochastic=False)
        self.cval = cval
        sub_policies = [
            augkit.Sequential([augkit.Sometimes(p, _operation(name, level, cval))
                               for name, p, level in sub_policy])
            for sub_policy in POLICIES[self.policy]
        ]
        super().__init__(children=sub_policies, **kwargs)


AUGMENTERS = [AutoAugment]
