"""Rotation by multiples of 90 degrees."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from augkit import ParameterError
from augkit import parameters as iap
from augkit_geometric._matrix import MatrixAugmenter, WarpParams, scale_matrix

# dtypes cv2.rotate handles (a transpose plus flip: any element size up to 8 bytes)
_CV2_DTYPES = frozenset(np.dtype(name) for name in (
    "uint8", "int8", "uint16", "int16", "int32", "float16", "float32", "float64"))
_CV2_CODES = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}


def rot90_matrix(k: int, height: int, width: int) -> np.ndarray:
    """Return the 3x3 matrix of a clockwise rotation by ``k * 90`` degrees.

    The rotated image is placed at the origin: for odd *k* its width is *height*.

    Examples
    --------
    >>> rot90_matrix(1, 2, 3) @ [0.0, 0.0, 1.0]  # the top-left corner goes top-right
    array([2., 0., 1.])
    """
    k %= 4
    if k == 0:
        return np.eye(3)
    if k == 1:
        return np.array([[0.0, -1.0, height], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    if k == 2:
        return np.array([[-1.0, 0.0, width], [0.0, -1.0, height], [0.0, 0.0, 1.0]])
    return np.array([[0.0, 1.0, 0.0], [-1.0, 0.0, width], [0.0, 0.0, 1.0]])


def rotate_array(arr: np.ndarray, k: int) -> np.ndarray:
    """Return a C-contiguous copy of ``(H, W, C)`` *arr* rotated clockwise by ``k * 90``.

    Examples
    --------
    >>> rotate_array(np.array([[1, 2], [3, 4]])[:, :, None], 1)[:, :, 0].tolist()
    [[3, 1], [4, 2]]
    """
    k %= 4
    if k == 0:
        return arr.copy()
    if arr.dtype in _CV2_DTYPES and arr.shape[2] <= 4 and arr.size:
        out = cv2.rotate(np.ascontiguousarray(arr), _CV2_CODES[k])
        return out[:, :, None] if out.ndim == 2 else out
    return np.ascontiguousarray(np.rot90(arr, -k, axes=(0, 1)))


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
    seed, name, deterministic, random_state
        See :class:`augkit.Augmenter`.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Rotation without resizing copies pixels, so every dtype is exact; the resize of
    ``keep_size=True`` goes through :class:`Affine`'s warp (see its dtype table).

    Examples
    --------
    >>> import numpy as np
    >>> image = np.array([[1, 2, 3], [4, 5, 6]], np.uint8)
    >>> Rot90(1, keep_size=False)(image=image).tolist()
    [[4, 1], [5, 2], [6, 3]]
    >>> Rot90([0, 2], seed=1)(image=image).shape
    (2, 3)
    """

    examples = ({"k": 1, "keep_size": False}, {"k": (0, 3)}, {"k": "ALL", "keep_size": True})
    changes_shape = True  # with keep_size=False

    def __init__(self, k: Any = 1, keep_size: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if isinstance(k, str) and k == "ALL":
            self.k = iap.Choice([0, 1, 2, 3])
        else:
            self.k = iap.handle_discrete_param(k, "k")
        if not isinstance(keep_size, (bool, np.bool_)):
            raise ParameterError(f"keep_size: expected True or False, got {keep_size!r}")
        self.keep_size = bool(keep_size)

    def sample(self, rows, rng):
        n = rows.nb_rows
        ks = np.asarray(self.k.draw_samples(n, random_state=rng)).reshape(n).astype(np.int64) % 4
        matrices = np.empty((n, 3, 3))
        sizes = []
        for i, (k, shape) in enumerate(zip(ks.tolist(), rows.shapes)):
            h, w = int(shape[0]), int(shape[1])
            matrix = rot90_matrix(k, h, w)
            size = (w, h) if k % 2 else (h, w)
            if self.keep_size and size != (h, w):
                matrix = scale_matrix(w / size[1], h / size[0]) @ matrix
                size = (h, w)
            matrices[i] = matrix
            sizes.append(size)
        return WarpParams(matrices, sizes, [1] * n, ["edge"] * n, [np.zeros(1)] * n, "cv2",
                          extra=ks)

    def _lossless(self, params: WarpParams, i: int, hw: tuple[int, ...]) -> bool:
        k = int(params.extra[i])
        return not (self.keep_size and k % 2 and hw[0] != hw[1])

    def _warp_image(self, image, matrix, size, params, i):
        if self._lossless(params, i, image.shape):
            return rotate_array(image, int(params.extra[i]))
        return super()._warp_image(image, matrix, size, params, i)

    def _warp_map(self, arr, matrix, size, order, kind, params, i):
        k = int(params.extra[i])
        if self._lossless(params, i, arr.shape) and size == ((arr.shape[1], arr.shape[0])
                                                             if k % 2 else arr.shape[:2]):
            return rotate_array(arr, k)
        return super()._warp_map(arr, matrix, size, order, kind, params, i)


AUGMENTERS = (Rot90,)
