"""Noise: Gaussian, shot (Poisson), impulse (salt-and-pepper) and speckle noise."""

from __future__ import annotations

from augkit_imgcorruptlike._common import CorruptionAugmenter


class GaussianNoise(CorruptionAugmenter):
    """Add Gaussian noise (ImageNet-C's ``gaussian_noise``).

    Noise std per severity: 0.08, 0.12, 0.18, 0.26, 0.38 of the value range.
    See :func:`~augkit_imgcorruptlike.functional.apply_gaussian_noise`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.full((64, 64, 3), 128, np.uint8)
    >>> aug = iaa.imgcorruptlike.GaussianNoise(severity=3, seed=1)
    >>> out = aug(image=img)
    >>> round(float(out.std()) / 255, 2)
    0.18
    """

    registered_name = "imgcorruptlike.GaussianNoise"
    corruption = "gaussian_noise"


class ShotNoise(CorruptionAugmenter):
    """Add shot noise: Poisson photon counts (ImageNet-C's ``shot_noise``).

    ``Poisson(x * c) / c`` on values in [0, 1], c per severity: 60, 25, 12, 5, 3.
    See :func:`~augkit_imgcorruptlike.functional.apply_shot_noise`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.full((32, 32), 100, np.uint8)
    >>> aug = iaa.imgcorruptlike.ShotNoise(severity=5, seed=1)
    >>> out = aug(image=img)
    >>> sorted(np.unique(out).tolist())
    [0, 85, 170, 255]
    """

    registered_name = "imgcorruptlike.ShotNoise"
    corruption = "shot_noise"


class ImpulseNoise(CorruptionAugmenter):
    """Add salt-and-pepper noise (ImageNet-C's ``impulse_noise``).

    Fraction of values set to 0 or 255 per severity: 0.03, 0.06, 0.09, 0.17, 0.27.
    See :func:`~augkit_imgcorruptlike.functional.apply_impulse_noise`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.full((32, 32), 128, np.uint8)
    >>> aug = iaa.imgcorruptlike.ImpulseNoise(severity=3, seed=1)
    >>> out = aug(image=img)
    >>> sorted(np.unique(out).tolist())
    [0, 128, 255]
    """

    registered_name = "imgcorruptlike.ImpulseNoise"
    corruption = "impulse_noise"


class SpeckleNoise(CorruptionAugmenter):
    """Add multiplicative noise (ImageNet-C's ``speckle_noise``).

    ``x + x * N(0, c)``, c per severity: 0.15, 0.2, 0.35, 0.45, 0.6.
    See :func:`~augkit_imgcorruptlike.functional.apply_speckle_noise`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.zeros((16, 16, 3), np.uint8)
    >>> aug = iaa.imgcorruptlike.SpeckleNoise(severity=5, seed=1)
    >>> out = aug(image=img)
    >>> int(out.max())  # multiplicative: black stays black
    0
    """

    registered_name = "imgcorruptlike.SpeckleNoise"
    corruption = "speckle_noise"


AUGMENTERS = (GaussianNoise, ShotNoise, ImpulseNoise, SpeckleNoise)
