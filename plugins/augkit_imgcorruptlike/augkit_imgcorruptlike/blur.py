"""Blur: Gaussian, glass, defocus, motion and zoom blur."""

from __future__ import annotations

from augkit_imgcorruptlike._common import CorruptionAugmenter


class GaussianBlur(CorruptionAugmenter):
    """Blur with a Gaussian kernel (ImageNet-C's ``gaussian_blur``).

    Sigma per severity: 1, 2, 3, 4, 6 pixels.
    See :func:`~augkit_imgcorruptlike.functional.apply_gaussian_blur`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.imgcorruptlike.GaussianBlur(severity=2, seed=1)
    >>> aug(image=np.full((32, 32, 3), 128, np.uint8)).shape
    (32, 32, 3)
    """

    registered_name = "imgcorruptlike.GaussianBlur"
    corruption = "gaussian_blur"


class GlassBlur(CorruptionAugmenter):
    """Blur as through frosted glass (ImageNet-C's ``glass_blur``).

    Gaussian blur, local pixel shuffle, blur again; the shuffle is vectorised
    (:func:`~augkit_imgcorruptlike.functional.glass_shuffle` says what is equivalent
    to ImageNet-C's pixel-by-pixel swaps), so it takes milliseconds, not seconds.
    See :func:`~augkit_imgcorruptlike.functional.apply_glass_blur`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.imgcorruptlike.GlassBlur(severity=2, seed=1)
    >>> aug(image=np.full((32, 32, 3), 128, np.uint8)).shape
    (32, 32, 3)
    """

    registered_name = "imgcorruptlike.GlassBlur"
    corruption = "glass_blur"


class DefocusBlur(CorruptionAugmenter):
    """Blur with a disk, as an out-of-focus lens (ImageNet-C's ``defocus_blur``).

    Disk radius per severity: 3, 4, 6, 8, 10 pixels.
    See :func:`~augkit_imgcorruptlike.functional.apply_defocus_blur`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.imgcorruptlike.DefocusBlur(severity=2, seed=1)
    >>> aug(image=np.full((32, 32, 3), 128, np.uint8)).shape
    (32, 32, 3)
    """

    registered_name = "imgcorruptlike.DefocusBlur"
    corruption = "defocus_blur"


class MotionBlur(CorruptionAugmenter):
    """Blur along a random direction (ImageNet-C's ``motion_blur``).

    (radius, sigma) per severity: (10, 3), (15, 5), (15, 8), (15, 12), (20, 15); the
    angle is uniform in [-45, 45] degrees per image.
    See :func:`~augkit_imgcorruptlike.functional.apply_motion_blur`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.imgcorruptlike.MotionBlur(severity=2, seed=1)
    >>> aug(image=np.full((32, 32, 3), 128, np.uint8)).shape
    (32, 32, 3)
    """

    registered_name = "imgcorruptlike.MotionBlur"
    corruption = "motion_blur"


class ZoomBlur(CorruptionAugmenter):
    """Average the image with zoomed-in copies (ImageNet-C's ``zoom_blur``).

    Largest zoom per severity: 1.10, 1.15, 1.20, 1.24, 1.30.
    See :func:`~augkit_imgcorruptlike.functional.apply_zoom_blur`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.imgcorruptlike.ZoomBlur(severity=2, seed=1)
    >>> aug(image=np.full((32, 32, 3), 128, np.uint8)).shape
    (32, 32, 3)
    """

    registered_name = "imgcorruptlike.ZoomBlur"
    corruption = "zoom_blur"


AUGMENTERS = (GaussianBlur, GlassBlur, DefocusBlur, MotionBlur, ZoomBlur)
