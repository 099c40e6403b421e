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

from augkit import GeometricAugmenter, imgutils
from augkit.augmenter import NUMERIC_DTYPES
from augkit.errors import ParameterTypeError, describe
from augkit_arithmetic import _filters as F


def pooled_shape(shape: tuple[int, ...], kh: int, kw: int) -> tuple[int, ...]:
    """Shape of an image of *shape* after pooling with a ``kh x kw`` kernel.

    Examples
    --------
    >>> pooled_shape((5, 8, 3), 2, 4)
    (3, 2, 3)
    """
    if shape[0] == 0 or shape[1] == 0:
        return tuple(shape)
    return (F.math_ceil_div(shape[0], kh), F.math_ceil_div(shape[1], kw), *shape[2:])


class _Pooling(GeometricAugmenter, abstract=True):
    """Pool with a kernel drawn per image; scale back unless ``keep_size=False``."""

    _pool_name: str
    changes_shape = True
    supported_dtypes = NUMERIC_DTYPES - {"int64"}
    # Small kernels: the conformance kit expects a 3x3 dot to survive (see the report).
    examples = ({"kernel_size": 2}, {"kernel_size": 2, "keep_size": False})

    def __init__(self, kernel_size: Any = (1, 5), keep_size: bool = True,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kernel_size = F.kernel_size_param(kernel_size, "kernel_size", minimum=0)
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
        pool = getattr(imgutils, self._pool_name)
        out = []
        for image, (kh, kw) in zip(images, params):
            if (kh < 2 and kw < 2) or image.size == 0:
                out.append(image.copy())
                continue
            pooled = pool(image, (int(kh), int(kw)))
            if self.keep_size:
                pooled = imgutils.resize_to(pooled, image.shape[:2], cv2.INTER_CUBIC)
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
            resized = imgutils.resize_to(arr, size, flag)
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


_PARAMETERS = """
    Parameters
    ----------
    kernel_size : int or tuple or list or StochasticParameter or pair of these, optional
        Kernel size (default ``(1, 5)``): an int, a discrete range ``(a, b)``, a list
        or a parameter gives square kernels; a pair of non-numbers such as
        ``((1, 7), (1, 7))`` draws the height and the width separately. Sizes below
        2x2 leave the image unchanged.
    keep_size : bool, optional
        Scale the pooled image back to the input size (default True; cubic
        interpolation). If False, images shrink to ``ceil(H / kh) x ceil(W / kw)``
        and maps and coordinates are scaled with them (``x * new_w / w``, i.e.
        ``x / kw`` when kw divides the width).
"""

_SUPPORTED = """
    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: bool, float16, float32, float64, int16, int32,
    int8, uint16, uint32, uint8).
"""


def _doc(summary: str, notes: str, example: str) -> str:
    return (f"{summary}\n{_PARAMETERS}{_SUPPORTED}\n    Notes\n    -----\n    {notes}\n\n"
            f"    Examples\n    --------\n{example}")


class AveragePooling(_Pooling):
    _pool_name = "avg_pool"
    examples = ({"kernel_size": (2, 3)}, {"kernel_size": ((2, 3), (1, 3)), "keep_size": False})


class MaxPooling(_Pooling):
    _pool_name = "max_pool"
    examples = ({"kernel_size": 2}, {"kernel_size": ((1, 2), (2, 3)), "keep_size": False})


class MinPooling(_Pooling):
    _pool_name = "min_pool"


class MedianPooling(_Pooling):
    _pool_name = "median_pool"


AveragePooling.__doc__ = _doc(
    "Average-pool images over ``kh x kw`` blocks (pixelates), drawn per image.",
    "Sides that the kernel does not divide are padded by reflection (imgaug's\n"
    "    ``avg_pool``); uint8 uses ``cv2.resize(INTER_AREA)``, an exact block mean.",
    "    >>> import numpy as np\n"
    "    >>> img = np.array([[0, 2], [4, 6]], dtype=np.uint8)\n"
    "    >>> AveragePooling(2, keep_size=False)(image=img).tolist()\n"
    "    [[3]]\n")
MaxPooling.__doc__ = _doc(
    "Max-pool images over ``kh x kw`` blocks (brightens, grows bright areas), drawn per image.",
    "Sides that the kernel does not divide are padded with the edge values.",
    "    >>> import numpy as np\n"
    "    >>> img = np.array([[0, 2], [4, 6]], dtype=np.uint8)\n"
    "    >>> MaxPooling(2, keep_size=False)(image=img).tolist()\n"
    "    [[6]]\n")
MinPooling.__doc__ = _doc(
    "Min-pool images over ``kh x kw`` blocks (darkens, grows dark areas), drawn per image.",
    "Sides that the kernel does not divide are padded with the edge values.",
    "    >>> import numpy as np\n"
    "    >>> img = np.array([[0, 2], [4, 6]], dtype=np.uint8)\n"
    "    >>> MinPooling(2, keep_size=False)(image=img).tolist()\n"
    "    [[0]]\n")
MedianPooling.__doc__ = _doc(
    "Median-pool images over ``kh x kw`` blocks, drawn per image.",
    "Sides that the kernel does not divide are padded by reflection; integer\n"
    "    medians of even-sized blocks are rounded.",
    "    >>> import numpy as np\n"
    "    >>> img = np.array([[0, 2, 9], [4, 6, 9], [1, 1, 9]], dtype=np.uint8)\n"
    "    >>> MedianPooling(3, keep_size=False)(image=img).tolist()\n"
    "    [[4]]\n")

AUGMENTERS = (AveragePooling, MaxPooling, MinPooling, MedianPooling)
