"""The operations the policies choose from, built by name through augkit's registry.

Every policy speaks of the same dozen operations (rotate, shear, posterize, ...) with
its own magnitudes. Each builder here takes its strength as a parameter in the
operation's own unit (degrees, a fraction of the image, a number of bits, an enhance
factor) and returns the augkit augmenter doing it. The magnitude helpers turn a policy's
level ``m`` out of ``m_max`` into that unit, as ``m * maxval / m_max``.

No other family is imported: ``augkit.get`` finds the augmenters of whichever plugins
are installed, and a missing one is an error naming the distribution to install.
"""

from __future__ import annotations

import math
from typing import Any

import augkit
from augkit import parameters as iap

#: The distribution that provides each augmenter name the policies use.
_DISTRIBUTIONS = {"pillike": "augkit-pillike", "Fliplr": "augkit-geometric",
                  "KeepSizeByResize": "augkit-geometric", "Crop": "augkit-geometric",
                  "Invert": "augkit-arithmetic", "Cutout": "augkit-arithmetic"}


def pillike(name: str) -> str:
    """The registry name of pillike's augmenter *name* (plugin-qualified: ``pillike:Name``)."""
    return f"pillike:{name}"


def build(name: str, **kwargs: Any) -> augkit.Augmenter:
    """Return ``augkit.get(name, **kwargs)``; a missing family names what to install."""
    try:
        return augkit.get(name, **kwargs)
    except augkit.UnknownAugmenterError:
        family = name.split(":")[0]
        dist = _DISTRIBUTIONS.get(family, "the family providing it")
        raise augkit.PluginError(
            f"augkit-collections needs the augmenter {name!r}; install {dist} "
            f"(pip install {dist})") from None


def scaled(m: Any, m_max: float, maxval: float) -> iap.StochasticParameter:
    """The magnitude ``m * maxval / m_max`` (per drawn ``m``)."""
    return iap.Multiply(m, maxval / m_max, elementwise=True)


def truncated(m: Any, m_max: float, maxval: float) -> iap.StochasticParameter:
    """:func:`scaled`, truncated to an integer (the policies' ``int(...)``)."""
    return iap.Discretize(scaled(m, m_max, maxval), round=False)


def either_sign(value: Any) -> iap.StochasticParameter:
    """*value* or its negation, each with probability 1/2."""
    return iap.RandomSign(value)


def shear_degrees(factor: float) -> float:
    """The shear angle in degrees of a shear *factor* (PIL's affine coefficient)."""
    return math.degrees(math.atan(factor))


# ------------------------------------------------------------------ the operations
def identity() -> augkit.Augmenter:
    return augkit.Identity()


def autocontrast() -> augkit.Augmenter:
    return build(pillike("Autocontrast"), cutoff=0)


def equalize() -> augkit.Augmenter:
    return build(pillike("Equalize"))


def invert() -> augkit.Augmenter:
    return build("Invert", p=1.0)


def rotate(degrees: Any, cval: Any) -> augkit.Augmenter:
    """Rotate about the image centre (PIL's ``Image.rotate``)."""
    return build(pillike("Affine"), rotate=degrees, fillcolor=cval, center=(0.5, 0.5))


def shear(axis: str, degrees: Any, cval: Any) -> augkit.Augmenter:
    """Shear along *axis* (``"x"`` or ``"y"``) about the top left corner, as PIL does."""
    return build(pillike("Affine"), shear={axis: degrees}, fillcolor=cval, center=(0.0, 0.0))


def translate(axis: str, cval: Any, *, fraction: Any = None, px: Any = None) -> augkit.Augmenter:
    """Shift along *axis* by a *fraction* of the image size or by *px* pixels."""
    if px is not None:
        return build(pillike("Affine"), translate_px={axis: px}, fillcolor=cval,
                     center=(0.0, 0.0))
    return build(pillike("Affine"), translate_percent={axis: fraction}, fillcolor=cval,
                 center=(0.0, 0.0))


def posterize(bits: Any) -> augkit.Augmenter:
    """Keep the *bits* highest bits of each channel."""
    return build(pillike("Posterize"), nb_bits=bits)


def solarize(threshold: Any) -> augkit.Augmenter:
    """Invert the values at or above *threshold*."""
    return build(pillike("Solarize"), p=1.0, threshold=threshold)


#: PIL's ``ImageEnhance`` operations by the policies' names.
ENHANCERS = {"Color": "EnhanceColor", "Contrast": "EnhanceContrast",
             "Brightness": "EnhanceBrightness", "Sharpness": "EnhanceSharpness"}


def enhance(which: str, factor: Any) -> augkit.Augmenter:
    """PIL's enhancer *which* (``Color``, ``Contrast``, ``Brightness``, ``Sharpness``)."""
    return build(pillike(ENHANCERS[which]), factor=factor)
