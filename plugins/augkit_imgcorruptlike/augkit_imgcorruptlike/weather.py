"""Weather: fog, frost, snow and spatter."""

from __future__ import annotations

from augkit_imgcorruptlike._common import CorruptionAugmenter


class Fog(CorruptionAugmenter):
    """Add plasma-fractal fog (ImageNet-C's ``fog``).

    Fog strength per severity: 1.5, 2, 2.5, 2.5, 3 (with decreasing smoothness).
    See :func:`~augkit_imgcorruptlike.functional.apply_fog`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.full((32, 32, 3), 100, np.uint8)
    >>> aug = iaa.imgcorruptlike.Fog(severity=3, seed=1)
    >>> out = aug(image=img)
    >>> bool(out.std() > 5)
    True
    """

    registered_name = "imgcorruptlike.Fog"
    corruption = "fog"


class Frost(CorruptionAugmenter):
    """Cover the image with frost (ImageNet-C's ``frost``).

    The frost texture is generated procedurally per image (icy haze and branched
    crystal needles), not cropped from photographs; frost weight per severity: 0.4,
    0.6, 0.7, 0.7, 0.75.
    See :func:`~augkit_imgcorruptlike.functional.apply_frost`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.zeros((32, 32, 3), np.uint8)
    >>> aug = iaa.imgcorruptlike.Frost(severity=5, seed=1)
    >>> out = aug(image=img)
    >>> bool(out[..., 2].mean() > out[..., 0].mean())  # bluish ice
    True
    """

    registered_name = "imgcorruptlike.Frost"
    corruption = "frost"


class Snow(CorruptionAugmenter):
    """Whiten the image and add falling snow (ImageNet-C's ``snow``).

    Flake density, size and motion blur grow with the severity.
    See :func:`~augkit_imgcorruptlike.functional.apply_snow`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.full((48, 48, 3), 40, np.uint8)
    >>> aug = iaa.imgcorruptlike.Snow(severity=3, seed=1)
    >>> out = aug(image=img)
    >>> bool(out.mean() > 100)
    True
    """

    registered_name = "imgcorruptlike.Snow"
    corruption = "snow"


class Spatter(CorruptionAugmenter):
    """Splash water drops or mud on the image (ImageNet-C's ``spatter``).

    Severities 1-3 add pale turquoise water drops, 4-5 brown mud.
    See :func:`~augkit_imgcorruptlike.functional.apply_spatter`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.full((64, 64, 3), 255, np.uint8)
    >>> aug = iaa.imgcorruptlike.Spatter(severity=5, seed=1)
    >>> out = aug(image=img)
    >>> bool(out.min() < 255)  # mud
    True
    """

    registered_name = "imgcorruptlike.Spatter"
    corruption = "spatter"


AUGMENTERS = (Fog, Frost, Snow, Spatter)
