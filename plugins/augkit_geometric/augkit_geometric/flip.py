"""Horizontal and vertical flips of images, maps and coordinates."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from augkit import parameters as iap
from augkit_geometric._matrix import MatrixAugmenter


def flip_image(image: np.ndarray, axis: int) -> np.ndarray:
    """Return a C-contiguous copy of *image* flipped along *axis* (1: left-right, 0: up-down).

    Examples
    --------
    >>> flip_image(np.array([[1, 2, 3]]), axis=1).tolist()
    [[3, 2, 1]]
    """
    if image.dtype in _CV2_DTYPES:
        return cv2.flip(image, 1 if axis == 1 else 0).reshape(image.shape)
    flipped = image[:, ::-1] if axis == 1 else image[::-1]
    return np.ascontiguousarray(flipped)


# dtypes cv2.flip handles (far faster than a numpy copy of a negative-stride view)
# (a set of dtype objects: ``dtype.name`` is a slow Python property)
_CV2_DTYPES = frozenset(np.dtype(name) for name in (
    "uint8", "int8", "uint16", "int16", "int32", "float16", "float32", "float64"))


# One-image params (immutable, shared between calls): flip or keep.
_FLIP = (True,)
_KEEP = (False,)


class _Flip(MatrixAugmenter, abstract=True):
    """Flip a fraction *p* of the images along one axis, with everything on them.

    A plane transform like the others (:meth:`matrices` gives each row's mirror
    matrix, which also moves the coordinates); images and maps take the fast
    ``cv2.flip`` path instead of a general warp.
    """

    _axis: int  # 1 flips left-right (x), 0 flips up-down (y)
    examples = ({"p": 1.0}, {"p": 0.5})

    def __init__(self, p: Any = 1.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.p = iap.handle_probability_param(p, "p")

    def sample(self, rows, rng):
        if len(rows.shapes) == 1:
            return _FLIP if self.p.draw_sample(rng) > 0.5 else _KEEP
        return np.asarray(self.p.draw_samples(rows.nb_rows, random_state=rng)) > 0.5

    def apply_to_images(self, images, params):
        if len(images) == 1:
            image = images[0]
            if not params[0]:
                return [image.copy()]
            if image.dtype in _CV2_DTYPES and image.shape[2] > 1:
                return [cv2.flip(image, self._axis)]  # the per-call fast path
            return [flip_image(image, self._axis)]
        return [flip_image(image, self._axis) if flip else image.copy()
                for image, flip in zip(images, params)]

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        return self.apply_to_images(arrays, params)

    def matrices(self, params, shapes):
        # Pixel i covers [i, i + 1), so mirroring maps x to width - x.
        out = []
        for flip, shape in zip(params, shapes):
            matrix = np.eye(3)
            if flip:
                axis = 0 if self._axis == 1 else 1
                matrix[axis, axis] = -1.0
                matrix[axis, 2] = shape[self._axis]
            out.append(matrix)
        return out

    def output_shapes(self, params, shapes):
        return shapes


class Fliplr(_Flip):
    """Mirror a fraction *p* of the images left to right, with all their annotations.

    Parameters
    ----------
    p : float or StochasticParameter, optional
        Probability, per image, of flipping (default 1.0).

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> Fliplr(1.0)(image=np.array([[1, 2, 3]], dtype=np.uint8)).tolist()
    [[3, 2, 1]]
    """

    _axis = 1
    aliases = ("HorizontalFlip",)


class Flipud(_Flip):
    """Mirror a fraction *p* of the images top to bottom, with all their annotations.

    Parameters
    ----------
    p : float or StochasticParameter, optional
        Probability, per image, of flipping (default 1.0).

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> Flipud(1.0)(image=np.array([[1], [2]], dtype=np.uint8)).tolist()
    [[2], [1]]
    """

    _axis = 0
    aliases = ("VerticalFlip",)


AUGMENTERS = (Fliplr, Flipud)
