"""The per-call path of the size augmenters, in Python numbers.

A one-image call of :class:`~augkit_geometric.crop_pad.CropAndPad` or a ``...ToSize``
augmenter builds one :class:`~augkit_geometric._bases.CropPadParams` and checks the
size of what it will make; both are a few Python ints, which numpy handles slower
than Python does. :func:`one_row_params` builds the params with shared read-only
arrays for what is zero (the size guard's arithmetic,
:func:`~augkit_geometric._bases.largest_shapes`, is on Python lists too).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from augkit_geometric import functional as F
from augkit_geometric._bases import CropPadParams


def _frozen(values: list, dtype: type) -> np.ndarray:
    arr = np.array(values, dtype=dtype)
    arr.flags.writeable = False
    return arr


# shared by every one-row params without crops, pads or fill value
_NO_AMOUNTS = _frozen([[0, 0, 0, 0]], np.int64)
_ZERO_CVAL = _frozen([0.0], np.float64)


def one_row_params(crop: list[int], pad: list[int], shape: Sequence[int],
                   mode: str = "constant", cval: float = 0.0,
                   size: Sequence[int] | None = None) -> CropPadParams:
    """Build the params of one row from Python ints (crops clamped to *shape*).

    Amounts that are all zero (the pads of a crop, the crops of a pad) and a fill
    value of 0 are shared read-only arrays, not new ones.

    Parameters
    ----------
    crop, pad : list of int
        Pixels removed / added per side ``[top, right, bottom, left]``.
    shape : sequence of int
        The row's image shape.
    mode : str, optional
        Pad mode.
    cval : float, optional
        Pad fill value.
    size : sequence of (int, int), optional
        ``(height, width)`` to resize to afterwards.

    Returns
    -------
    CropPadParams

    Examples
    --------
    >>> params = one_row_params([3, 0, 3, 0], [0, 0, 0, 0], (4, 4, 3))
    >>> params.crops.tolist(), params.pads.flags.writeable
    ([[1, 0, 2, 0]], False)
    """
    crops = (np.array([F.clamp_crop(crop, shape[0], shape[1])], dtype=np.int64)
             if any(crop) else _NO_AMOUNTS)
    pads = np.array([pad], dtype=np.int64) if any(pad) else _NO_AMOUNTS
    cvals = _ZERO_CVAL if cval == 0.0 else np.array([cval], dtype=np.float64)
    return CropPadParams(crops, pads, [mode], cvals,
                         None if size is None else np.array([size], dtype=np.int64))


def crop_params(crop: list[int]) -> CropPadParams:
    """:func:`one_row_params` of a crop that leaves at least 1 pixel on each axis.

    For amounts computed to fit the image (the ``...ToSize`` crops): nothing to clamp,
    pad or fill.

    Examples
    --------
    >>> crop_params([1, 0, 2, 0]).crops.tolist()
    [[1, 0, 2, 0]]
    """
    return CropPadParams(np.array([crop], dtype=np.int64), _NO_AMOUNTS, ["constant"],
                         _ZERO_CVAL)
