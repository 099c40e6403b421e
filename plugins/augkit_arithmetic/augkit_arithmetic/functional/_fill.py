"""Filling a rectangle of an image: the kernel of ``Cutout`` and imgaug's ``cutout_``."""

from __future__ import annotations

import numpy as np

from augkit.extend import saturate, value_range


def fill_area_(image: np.ndarray, y1: int, y2: int, x1: int, x2: int, values: np.ndarray,
               gaussian: bool) -> np.ndarray:
    """Fill ``image[y1:y2, x1:x2]`` in place with constants or with noise.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype; modified in place.
    y1, y2, x1, x2 : int
        The rectangle, already within the image (an empty one changes nothing).
    values : ndarray
        ``gaussian=False``: one value or one per channel, shape ``(1,)`` or ``(C,)``,
        in the image's units (saturated to its dtype). ``gaussian=True``: noise of
        shape ``(y2 - y1, x2 - x1, 1 or C)`` in ``[0, 1]`` units, mapped onto the
        dtype's value range (clipped first).
    gaussian : bool
        Which meaning *values* has.

    Returns
    -------
    ndarray
        *image*.

    Examples
    --------
    >>> img = np.zeros((2, 3, 1), np.uint8)
    >>> fill_area_(img, 0, 1, 1, 3, np.array([300.0]), False)[:, :, 0].tolist()
    [[0, 255, 255], [0, 0, 0]]
    """
    if y2 <= y1 or x2 <= x1:
        return image
    if gaussian:
        low, _, high = value_range(image.dtype)
        fill = saturate(low + np.clip(values, 0.0, 1.0) * (high - low), image.dtype)
    else:
        fill = saturate(np.asarray(values, dtype=np.float64), image.dtype)
    image[y1:y2, x1:x2] = fill
    return image
