"""Digital: contrast, brightness, saturation, JPEG compression and pixelation."""

from __future__ import annotations

from augkit_imgcorruptlike._common import CorruptionAugmenter


class Contrast(CorruptionAugmenter):
    """Lower the contrast (ImageNet-C's ``contrast``).

    Distances to the per-channel mean are scaled by 0.4, 0.3, 0.2, 0.1, 0.05.
    See :func:`~augkit_imgcorruptlike.functional.apply_contrast`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.array([[0, 255]], np.uint8)
    >>> aug = iaa.imgcorruptlike.Contrast(severity=1, seed=1)
    >>> out = aug(image=img)
    >>> out.tolist()
    [[76, 178]]
    """

    registered_name = "imgcorruptlike.Contrast"
    corruption = "contrast"


class Brightness(CorruptionAugmenter):
    """Brighten the image in HSV (ImageNet-C's ``brightness``).

    V (HSV) is raised by 0.1, 0.2, 0.3, 0.4, 0.5; gray images get the shift added.
    See :func:`~augkit_imgcorruptlike.functional.apply_brightness`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.array([[[100, 50, 0]]], np.uint8)
    >>> aug = iaa.imgcorruptlike.Brightness(severity=1, seed=1)
    >>> out = aug(image=img)
    >>> out.tolist()
    [[[125, 62, 0]]]
    """

    registered_name = "imgcorruptlike.Brightness"
    corruption = "brightness"


class Saturate(CorruptionAugmenter):
    """Change the saturation (ImageNet-C's ``saturate``).

    HSV saturation becomes ``S * a + b``: (0.3, 0), (0.1, 0), (2, 0), (5, 0.1),
    (20, 0.2) per severity; gray (1-channel) images are returned unchanged.
    See :func:`~augkit_imgcorruptlike.functional.apply_saturate`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.array([[[200, 100, 100]]], np.uint8)
    >>> aug = iaa.imgcorruptlike.Saturate(severity=3, seed=1)
    >>> out = aug(image=img)
    >>> out.tolist()
    [[[200, 0, 0]]]
    """

    registered_name = "imgcorruptlike.Saturate"
    corruption = "saturate"


class JpegCompression(CorruptionAugmenter):
    """JPEG-compress the image (ImageNet-C's ``jpeg_compression``).

    JPEG quality per severity: 25, 18, 15, 10, 7.
    See :func:`~augkit_imgcorruptlike.functional.apply_jpeg_compression`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.full((16, 16, 3), 128, np.uint8)
    >>> aug = iaa.imgcorruptlike.JpegCompression(severity=5, seed=1)
    >>> out = aug(image=img)
    >>> out.shape
    (16, 16, 3)
    """

    registered_name = "imgcorruptlike.JpegCompression"
    corruption = "jpeg_compression"


class Pixelate(CorruptionAugmenter):
    """Pixelate the image (ImageNet-C's ``pixelate``).

    Shrunk by 0.6, 0.5, 0.4, 0.3, 0.25 (box filter), enlarged back (nearest).
    See :func:`~augkit_imgcorruptlike.functional.apply_pixelate`.

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> img = np.array([[0, 100, 200, 250]], np.uint8)
    >>> aug = iaa.imgcorruptlike.Pixelate(severity=2, seed=1)
    >>> out = aug(image=img)
    >>> out.tolist()
    [[50, 50, 225, 225]]
    """

    registered_name = "imgcorruptlike.Pixelate"
    corruption = "pixelate"


AUGMENTERS = (Contrast, Brightness, Saturate, JpegCompression, Pixelate)
