"""Crop, pad and resize kernels of the size augmenters.

Amounts are given per side as ``(top, right, bottom, left)`` pixels. Crops never
leave less than 1 pixel (:func:`clamp_crops`); padding goes through
:func:`augkit.extend.pad_unchecked` (OpenCV's ``copyMakeBorder`` where the dtype and
channel count allow) and resizing through :func:`augkit.extend.resize_to`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import cv2
import numpy as np

from augkit.extend import pad_unchecked, resize_to
from augkit_geometric.functional._rearrange import copy_image


def clamp_crop(crop: list[int], height: int, width: int) -> list[int]:
    """Reduce one row's crops so that at least 1 pixel remains on each axis.

    Where the crops of an axis (top + bottom, or left + right) would remove the whole
    axis, both are scaled down proportionally so that exactly 1 pixel remains
    (imgaug does the same).

    Parameters
    ----------
    crop : list of int
        ``[top, right, bottom, left]``, Python ints.
    height, width : int
        The image size.

    Returns
    -------
    list of int
        The clamped ``[top, right, bottom, left]``.

    Examples
    --------
    >>> clamp_crop([3, 0, 3, 0], 4, 4)
    [1, 0, 2, 0]
    """
    top, right, bottom, left = crop
    if top + bottom > height - 1:
        allowed = max(height - 1, 0)
        top = top * allowed // max(top + bottom, 1)
        bottom = allowed - top
    if left + right > width - 1:
        allowed = max(width - 1, 0)
        left = left * allowed // max(left + right, 1)
        right = allowed - left
    return [top, right, bottom, left]


def clamp_crops(crops: np.ndarray, shapes: Sequence[Sequence[int]]) -> np.ndarray:
    """:func:`clamp_crop` for every row of *crops*, in place.

    Parameters
    ----------
    crops : ndarray of shape (N, 4), int
        ``(top, right, bottom, left)`` per row; modified in place.
    shapes : sequence of tuple
        Each row's image shape.

    Returns
    -------
    ndarray of shape (N, 4)
        *crops*.

    Examples
    --------
    >>> clamp_crops(np.array([[3, 0, 3, 0]]), [(4, 4, 1)]).tolist()
    [[1, 0, 2, 0]]
    """
    # Python ints: for the few rows of a call this is far cheaper than numpy calls.
    for i, shape in enumerate(shapes):
        row = crops[i].tolist()
        clamped = clamp_crop(row, int(shape[0]), int(shape[1]))
        if clamped != row:
            crops[i] = clamped
    return crops


def crop_pad_image(image: np.ndarray, crop: Sequence[int], pad: Sequence[int], mode: str,
                   cval: Any, size: Sequence[int] | None = None,
                   flag: int = cv2.INTER_CUBIC) -> np.ndarray:
    """Crop, then pad, then (optionally) resize an image or a map array.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C)
        Any dtype, any channel count.
    crop, pad : sequence of int
        Pixels to remove and to add per side, ``(top, right, bottom, left)``; crops
        must leave at least 1 pixel (see :func:`clamp_crops`).
    mode : str
        A pad mode of :data:`augkit.extend.PAD_MODES` (as :func:`numpy.pad`).
    cval : number or sequence of number
        Fill value of ``constant`` padding (end value of ``linear_ramp``).
    size : tuple of (int, int), optional
        ``(height, width)`` to resize the result to.
    flag : int, optional
        OpenCV interpolation of the resize (default cubic).

    Returns
    -------
    ndarray
        A new C-contiguous array of the input dtype (never a view of *image*).

    Examples
    --------
    >>> img = np.arange(9, dtype=np.uint8).reshape(3, 3)
    >>> crop_pad_image(img, (1, 0, 0, 0), (0, 1, 0, 0), "constant", 7).tolist()
    [[3, 4, 5, 7], [6, 7, 8, 7]]
    """
    top, right, bottom, left = crop.tolist() if isinstance(crop, np.ndarray) else crop
    height, width = image.shape[:2]
    view = image[top:height - bottom, left:width - right] if (top or right or bottom or left) \
        else image
    pad_top, pad_right, pad_bottom, pad_left = (pad.tolist() if isinstance(pad, np.ndarray)
                                                else pad)
    if pad_top or pad_right or pad_bottom or pad_left:
        out = pad_unchecked(view, pad_top, pad_right, pad_bottom, pad_left, mode, cval)
        if size is not None and (out.shape[0] != size[0] or out.shape[1] != size[1]):
            out = resize_to(out, (int(size[0]), int(size[1])), flag)
        return out
    if size is not None and (view.shape[0] != size[0] or view.shape[1] != size[1]):
        return resize_to(view, (int(size[0]), int(size[1])), flag)
    return copy_image(view)
