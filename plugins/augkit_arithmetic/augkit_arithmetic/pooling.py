"""Pooling images: average, max, min and median over ``kh x kw`` blocks.

With ``keep_size=True`` (the default) the pooled image is scaled back to the input
size, so only pixels change and maps and coordinates stay where they are. With
``keep_size=False`` the image shrinks to ``ceil(H / kh) x ceil(W / kw)``, and maps
and coordinates are scaled to match.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

import augkit
from augkit.extend import NUMERIC_DTYPES, ParameterTypeError, describe, resize_to
from augkit_arithmetic._common import ArithmeticGeometricAugmenter, kernel_size_param


def pooled_shape(shape: tuple[int, ...], kh: int, kw: int) -> tuple[int, ...]:
    """Shape of an image of *shape* after pooling with a ``kh x kw`` kernel.

    Examples
    --------
    >>> pooled_shape((5, 8, 3), 2, 4)
    (3, 2, 3)
    """
    if shape[0] == 0 or shape[1] == 0:
        return tuple(shape)
    return (-(-shape[0] // kh), -(-shape[1] // kw), *shape[2:])


class _Pooling(ArithmeticGeometricAugmenter, abstract=True):
    """Pool with a kernel drawn per image; scale back unless ``keep_size=False``."""

    _pool_name: str
    changes_shape = True
    supported_dtypes = NUMERIC_DTYPES - {"int64"}
    # Small kernels: the conformance kit expects a 3x3 dot to survive (see the report).
    examples = ({"kernel_size": 2}, {"kernel_size": 2, "keep_size": False})

    def __init__(self, kernel_size: Any = (1, 5), keep_size: bool = True,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kernel_size = kernel_size_param(kernel_size, "kernel_size", minimum=0)
        if not isinstance(keep_size, (bool, np.bool_)):
            raise ParameterTypeError(f"keep_size: expected True or False, got "
                                     f"{describe(keep_size)}")
        self.keep_size = bool(keep_size)

    def sample(self, rows, rng):
        heights, widths = self.kernel_size.draw(rows.nb_rows, rng)
        return np.stack([np.maximum(heights, 1), np.maximum(widths, 1)], axis=1)

    def output_shapes(self, params, shapes):
        if self.keep_size:
            return shapes
        return [pooled_shape(shape, int(kh), int(kw)) for shape, (kh, kw) in zip(shapes, params)]

    def apply_to_images(self, images, params):
        pool = getattr(augkit, self._pool_name)
        out = []
        for image, (kh, kw) in zip(images, params):
            if (kh < 2 and kw < 2) or image.size == 0:
                out.append(image.copy())
                continue
            pooled = pool(image, (int(kh), int(kw)))
            if self.keep_size:
                pooled = resize_to(pooled, image.shape[:2], cv2.INTER_CUBIC)
            out.append(np.ascontiguousarray(pooled.reshape(*pooled.shape[:2], image.shape[2])))
        return out

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        if self.keep_size:
            return [arr.copy() for arr in arrays]
        out = []
        for arr, shape, (kh, kw) in zip(arrays, shapes, params):
            new_h, new_w = pooled_shape(shape, int(kh), int(kw))[:2]
            height, width = arr.shape[:2]
            size = (max(1, round(height * new_h / max(shape[0], 1))),
                    max(1, round(width * new_w / max(shape[1], 1))))
            if size == (height, width):
                out.append(arr.copy())
                continue
            if kind.interpolation == "nearest":
                flag = cv2.INTER_NEAREST_EXACT
            else:
                flag = cv2.INTER_AREA if size[0] <= height and size[1] <= width \
                    else cv2.INTER_LINEAR
            resized = resize_to(arr, size, flag)
            out.append(resized.reshape(size[0], size[1], arr.shape[2]))
        return out

    def apply_to_keypoints(self, xys, params, *, shapes):
        if self.keep_size:
            return [xy.copy() for xy in xys]
        out = []
        for xy, shape, (kh, kw) in zip(xys, shapes, params):
            new_h, new_w = pooled_shape(shape, int(kh), int(kw))[:2]
            scale = np.array([new_w / max(shape[1], 1), new_h / max(shape[0], 1)],
                             dtype=np.float64)
            out.append((xy * scale).astype(xy.dtype))
        return out


class AveragePooling(_Pooling):
    """Average-pool images over ``kh x kw`` blocks (pixelates), drawn per image.

    Parameters
    ----------
    <pooling parameters>
    <seed and name>

    <supported data>

    Notes
    -----
    Sides that the kernel does not divide are padded by reflection (imgaug's
    ``avg_pool``); uint8 uses ``cv2.resize(INTER_AREA)``, an exact block mean.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.array([[0, 2], [4, 6]], dtype=np.uint8)
    >>> AveragePooling(2, keep_size=False)(image=img).tolist()
    [[3]]
    """

    _pool_name = "avg_pool"
    imgaug_parameters = ("kernel_size", "keep_size")
    examples = ({"kernel_size": (2, 3)}, {"kernel_size": ((2, 3), (1, 3)), "keep_size": False})


class MaxPooling(_Pooling):
    """Max-pool images over ``kh x kw`` blocks (brightens, grows bright areas), drawn per image.

    Parameters
    ----------
    <pooling parameters>
    <seed and name>

    <supported data>

    Notes
    -----
    Sides that the kernel does not divide are padded with the edge values.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.array([[0, 2], [4, 6]], dtype=np.uint8)
    >>> MaxPooling(2, keep_size=False)(image=img).tolist()
    [[6]]
    """

    _pool_name = "max_pool"
    imgaug_parameters = ("kernel_size", "keep_size")
    examples = ({"kernel_size": 2}, {"kernel_size": ((1, 2), (2, 3)), "keep_size": False})


class MinPooling(_Pooling):
    """Min-pool images over ``kh x kw`` blocks (darkens, grows dark areas), drawn per image.

    Parameters
    ----------
    <pooling parameters>
    <seed and name>

    <supported data>

    Notes
    -----
    Sides that the kernel does not divide are padded with the edge values.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.array([[0, 2], [4, 6]], dtype=np.uint8)
    >>> MinPooling(2, keep_size=False)(image=img).tolist()
    [[0]]
    """
    imgaug_parameters = ("kernel_size", "keep_size")

    _pool_name = "min_pool"


class MedianPooling(_Pooling):
    """Median-pool images over ``kh x kw`` blocks, drawn per image.

    Parameters
    ----------
    <pooling parameters>
    <seed and name>

    <supported data>

    Notes
    -----
    Sides that the kernel does not divide are padded by reflection; integer
    medians of even-sized blocks are rounded.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.array([[0, 2, 9], [4, 6, 9], [1, 1, 9]], dtype=np.uint8)
    >>> MedianPooling(3, keep_size=False)(image=img).tolist()
    [[4]]
    """
    imgaug_parameters = ("kernel_size", "keep_size")

    _pool_name = "median_pool"


AUGMENTERS = (AveragePooling, MaxPooling, MinPooling, MedianPooling)
