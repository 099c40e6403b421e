"""RandAugment (Cubuk et al. 2020) with imgaug 0.4.0's operations and magnitudes."""

from __future__ import annotations

from typing import Any

import numpy as np

import augkit
from augkit import parameters as iap
from augkit_collections import _ops
from augkit_collections._common import PolicyMixin, handle_level


class RandAugment(PolicyMixin, augkit.Sequential):
    """Apply RandAugment: a flip and a crop, then *n* random operations of strength *m*.

    As in imgaug: every image is mirrored with probability 1/2 and cropped by up to
    ``m / 224`` of each side (resized back), then ``n`` of the 17 operations below are
    applied in random order, each with magnitude ``m`` out of 30: identity,
    autocontrast, equalize, invert, rotate (30°), posterize (up to 6 bits removed),
    solarize, colour/contrast/brightness/sharpness enhancement (factor ``1 ± 0.9 m /
    30``), shear x/y (0.3 rad), translate x/y (33 %), cutout (up to 20/32 of the side),
    blur and smooth. Unlike imgaug's, the affine operations move keypoints, boxes,
    polygons, line strings and maps with the image.

    Parameters
    ----------
    n : int or tuple of int or list of int or StochasticParameter, optional
        Number of operations per image (the paper's ``N``; default 2).
    m : int or tuple of int or list of int or StochasticParameter, optional
        Magnitude 0 (weakest) to 30 (the paper's ``M``), drawn per image and
        operation; default ``(6, 12)``. The paper suggests 9 for ResNet-50 on ImageNet.
    <cval>
        Default 128 (the paper's code uses ``(125, 122, 113)``).
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.RandAugment(n=2, m=9, seed=1)
    >>> image = np.random.default_rng(0).integers(0, 256, (32, 32, 3), dtype=np.uint8)
    >>> aug(image=image).shape
    (32, 32, 3)
    """

    examples = ({}, {"n": 1, "m": 9}, {"n": 0, "m": 9}, {"n": (0, 3), "m": (0, 30), "cval": 0})
    #: Equalize and autocontrast hide the conformance kit's marks; its follow-the-image
    #: checks run on the flip and crop alone (the operations' own geometry is tested
    #: in this plugin's tests).
    follow_examples = ({"n": 0, "m": 9},)
    #: The magnitude a level of ``M_MAX`` stands for is each operation's maximum.
    M_MAX = 30

    def __init__(self, n: Any = 2, m: Any = (6, 12), cval: Any = 128, **kwargs: Any) -> None:
        self._m = handle_level(m, "m")
        self._cval = cval
        initial = self._initial_augmenters(self._m)
        main = self._main_augmenters(self._m, cval)
        super().__init__([augkit.Sequential(initial),
                          augkit.SomeOf(n, main, random_order=True)], **kwargs)

    @classmethod
    def _initial_augmenters(cls, m: Any) -> list[augkit.Augmenter]:
        # Crop up to M pixels of a 224-pixel side (the paper's ImageNet crops), resized back.
        crop = _ops.build("Crop", percent=iap.Divide(iap.Uniform(0, m), 224, elementwise=True),
                          sample_independently=True, keep_size=False)
        return [_ops.build("Fliplr", p=0.5),
                _ops.build("KeepSizeByResize", children=crop, interpolation="linear")]

    @classmethod
    def _main_augmenters(cls, m: Any, cval: Any) -> list[augkit.Augmenter]:
        m_max = cls.M_MAX

        def enhance_factor() -> Any:
            # 1 +- 0.9 M / 30 (imgaug's reading: the paper's 0.1 + 1.8 M / 10 would
            # blacken images at M = 0 when one M serves every operation).
            change = iap.RandomSign(_ops.scaled(m, m_max, 0.9))
            return iap.Clip(iap.Add(1.0, change, elementwise=True), 0.1, 1.9)

        def signed(maxval: float) -> Any:
            return _ops.either_sign(_ops.scaled(m, m_max, maxval))

        shear = float(np.rad2deg(0.3))
        bits_removed = iap.Clip(_ops.truncated(m, m_max, 6), 0, 6)
        return [
            _ops.identity(),
            _ops.autocontrast(),
            _ops.equalize(),
            _ops.invert(),
            _ops.rotate(signed(30), cval),
            _ops.posterize(iap.Subtract(8, bits_removed, elementwise=True)),
            _ops.solarize(iap.Clip(iap.Subtract(256, _ops.truncated(m, m_max, 256),
                                                elementwise=True), 0, 256)),
            *(_ops.enhance(which, enhance_factor()) for which in _ops.ENHANCERS),
            _ops.shear("x", signed(shear), cval),
            _ops.shear("y", signed(shear), cval),
            _ops.translate("x", cval, fraction=signed(0.33)),
            _ops.translate("y", cval, fraction=signed(0.33)),
            _ops.build("Cutout", nb_iterations=1,
                       size=iap.Clip(_ops.scaled(m, m_max, 20 / 32), 0, 20 / 32),
                       squared=True, fill_mode="constant", cval=cval),
            _ops.build(_ops.pillike("FilterBlur")),
            _ops.build(_ops.pillike("FilterSmooth")),
        ]

    def get_parameters(self) -> list[Any]:
        """imgaug's list: ``[n, m, cval]``.

        Examples
        --------
        >>> from augkit import augmenters as iaa
        >>> n, m, cval = iaa.RandAugment(n=2, m=9).get_parameters()
        >>> cval
        128
        """
        return [self.children[1].n, self._m, self._cval]


AUGMENTERS = [RandAugment]
