"""Rotation by multiples of 90 degrees: Rot90."""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import ALL
from augkit import parameters as iap
from augkit_geometric import functional as F
from augkit_geometric._bases import MatrixAugmenter, WarpParams
from augkit_geometric._common import check_flag


class Rot90(MatrixAugmenter):
    """Rotate images clockwise by multiples of 90 degrees, with everything on them.

    Parameters
    ----------
    k : int or tuple of (int, int) or list of int or augkit.ALL or StochasticParameter, optional
        Number of clockwise quarter turns: a number (default 1), a ``(a, b)`` range of
        integers, a list to choose from, ``augkit.ALL`` (``[0, 1, 2, 3]``). Negative
        values turn counter-clockwise.
    keep_size : bool, optional
        After an odd number of turns of a non-square image, resize it back to its
        original height and width (default True, as imgaug; linear interpolation).
        With False the output is ``(W, H)``; the rotation itself is lossless.
    <seed and name>

    <supported data>

    Rotation without resizing copies pixels, so every dtype is exact; the resize of
    ``keep_size=True`` is a linear warp:

    <warp dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> image = np.array([[1, 2, 3], [4, 5, 6]], np.uint8)
    >>> Rot90(1, keep_size=False)(image=image).tolist()
    [[4, 1], [5, 2], [6, 3]]
    >>> Rot90([0, 2], seed=1)(image=image).shape
    (2, 3)
    """

    imgaug_parameters = ("k", "keep_size")
    examples = ({"k": 1, "keep_size": False}, {"k": (0, 3)}, {"k": "ALL", "keep_size": True})
    changes_shape = True  # with keep_size=False
    fusable = True  # sample reads the row shapes only

    def __init__(self, k: Any = 1, keep_size: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if isinstance(k, str) and k == ALL:
            self.k = iap.Choice([0, 1, 2, 3])
        else:
            self.k = iap.handle_discrete_param(k, "k")
        self.keep_size = check_flag(keep_size, "keep_size")

    def sample(self, rows, rng):
        n = rows.nb_rows
        ks = iap.draw(self.k, n, rng).astype(np.int64) % 4
        matrices = np.empty((n, 3, 3))
        sizes = []
        for i, (k, shape) in enumerate(zip(ks.tolist(), rows.shapes)):
            h, w = int(shape[0]), int(shape[1])
            matrix = F.rot90_matrix(k, h, w)
            size = (w, h) if k % 2 else (h, w)
            if self.keep_size and size != (h, w):
                matrix = F.scale_matrix(w / size[1], h / size[0]) @ matrix
                size = (h, w)
            matrices[i] = matrix
            sizes.append(size)
        return WarpParams(matrices, sizes, [1] * n, ["edge"] * n, [np.zeros(1)] * n, "cv2",
                          extra=ks)

    def _lossless(self, params: WarpParams, i: int, hw: tuple[int, ...]) -> bool:
        k = int(params.extra[i])
        return not (self.keep_size and k % 2 and hw[0] != hw[1])

    def _lossless_row(self, params, i, shape, matrix, size):
        return self._lossless(params, i, shape)

    def _warp_image(self, image, matrix, size, params, i):
        if self._lossless(params, i, image.shape):
            return F.rot90_image(image, int(params.extra[i]))
        return super()._warp_image(image, matrix, size, params, i)

    def _warp_map(self, arr, matrix, size, order, kind, params, i):
        k = int(params.extra[i])
        if self._lossless(params, i, arr.shape) and size == ((arr.shape[1], arr.shape[0])
                                                             if k % 2 else arr.shape[:2]):
            return F.rot90_image(arr, k)
        return super()._warp_map(arr, matrix, size, order, kind, params, i)


AUGMENTERS = (Rot90,)
