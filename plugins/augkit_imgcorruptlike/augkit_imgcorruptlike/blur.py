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
    >>> img = np.zeros((9, 9), np.uint8); img[4, 4] = 255
    >>> aug = iaa.imgcorruptlike.GaussianBlur(severity=1, seed=1)
    >>> out = aug(image=img)
    >>> out[4, 2:7].tolist()
    [5, 24, 40, 24, 5]
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
    >>> img = np.full((32, 32, 3), 77, np.uint8)
    >>> aug = iaa.imgcorruptlike.GlassBlur(severity=5, seed=1)
    >>> out = aug(image=img)
    >>> int(out.min()), int(out.max())
    (77, 77)
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
    >>> img = np.zeros((21, 21), np.uint8); img[10, 10] = 255
    >>> aug = iaa.imgcorruptlike.DefocusBlur(severity=3, seed=1)
    >>> out = aug(image=img)
    >>> int(out.max()), int((out > 0).sum())
    (2, 113)
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
    >>> img = np.zeros((31, 31), np.uint8); img[15, 15] = 255
    >>> aug = iaa.imgcorruptlike.MotionBlur(severity=3, seed=1)
    >>> out = aug(image=img)
    >>> int((out > 0).sum()) > 1, int(out.max()) < 255
    (True, True)
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
    >>> img = np.full((16, 16, 3), 60, np.uint8)
    >>> aug = iaa.imgcorruptlike.ZoomBlur(severity=5, seed=1)
    >>> out = aug(image=img)
    >>> int(out.min()), int(out.max())
    (60, 60)
    """

    registered_name = "imgcorruptlike.ZoomBlur"
    corruption = "zoom_blur"


AUGMENTERS = (GaussianBlur, GlassBlur, DefocusBlur, MotionBlur, ZoomBlur)
