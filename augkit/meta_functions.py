"""The functions and warnings of imgaug's ``meta`` module that are not augmenters.

``augkit.augmenters.meta`` exposes them beside the meta-augmenters. This module sits
low in the core's layers (numpy only, plus :mod:`augkit.errors`), so that the call
path can emit the two shape warnings through :func:`warn_on_suspicious_shapes`.

Examples
--------
>>> import numpy as np
>>> from augkit.meta_functions import clip_augmented_image
>>> clip_augmented_image(np.array([-5, 3, 300]), 0, 255).tolist()
[0, 3, 255]
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from augkit.errors import InputError

__all__ = [
    "SuspiciousMultiImageShapeWarning",
    "SuspiciousSingleImageShapeWarning",
    "clip_augmented_image",
    "clip_augmented_image_",
    "clip_augmented_images",
    "clip_augmented_images_",
    "copy_arrays",
    "estimate_max_number_of_channels",
    "invert_reduce_to_nonempty",
    "reduce_to_nonempty",
    "warn_on_suspicious_image",
    "warn_on_suspicious_images",
    "warn_on_suspicious_shapes",
]


class SuspiciousMultiImageShapeWarning(UserWarning):
    """``images=`` got one ``(H, W, C)``-looking array (last axis 1 or 3).

    Examples
    --------
    >>> issubclass(SuspiciousMultiImageShapeWarning, UserWarning)
    True
    """


class SuspiciousSingleImageShapeWarning(UserWarning):
    """``image=`` got an ``(N, H, W)``-looking array (last axis of 32 or more).

    Examples
    --------
    >>> issubclass(SuspiciousSingleImageShapeWarning, UserWarning)
    True
    """


def warn_on_suspicious_shapes(data: Mapping[str, Any]) -> None:
    """Warn where imgaug did about an ``image=``/``images=`` array of a suspicious shape.

    Runs :func:`warn_on_suspicious_image` on ``data["image"]`` and
    :func:`warn_on_suspicious_images` on ``data["images"]``.

    Parameters
    ----------
    data : mapping
        A call's data keywords (``image=``, ``images=``, ...); others are ignored.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_on_suspicious_shapes({"images": np.zeros((4, 4, 3), np.uint8)})
    >>> caught[0].category.__name__
    'SuspiciousMultiImageShapeWarning'
    """
    image = data.get("image")
    if image is not None:
        warn_on_suspicious_image(image)
    images = data.get("images")
    if images is not None:
        warn_on_suspicious_images(images)


def warn_on_suspicious_image(image: Any) -> None:
    """Warn if one image of shape ``(H, W, C)`` has ``C >= 32`` (and is not ``1x1``).

    Such an array looks like a batch ``(N, H, W)`` of grayscale images given as
    ``image=``; imgaug warned with :class:`SuspiciousSingleImageShapeWarning`.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_on_suspicious_image(np.zeros((4, 4, 40), np.uint8))
    >>> caught[0].category.__name__
    'SuspiciousSingleImageShapeWarning'
    """
    if (isinstance(image, np.ndarray) and image.ndim == 3 and image.shape[-1] >= 32
            and image.shape[:2] != (1, 1)):
        warnings.warn(
            f"image= got an array of shape {image.shape}, read as (H, W, C); its last "
            f"axis of {image.shape[-1]} suggests a batch of shape (N, H, W) instead: pass "
            f"that as images=, or this array is augmented as one image",
            SuspiciousSingleImageShapeWarning, stacklevel=5)


def warn_on_suspicious_images(images: Any) -> None:
    """Warn if a batch given as one array has shape ``(N, H, W)`` with ``W`` 1 or 3.

    Such an array looks like a single ``(H, W, C)`` image given as ``images=``;
    imgaug warned with :class:`SuspiciousMultiImageShapeWarning`.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_on_suspicious_images(np.zeros((8, 8, 3), np.uint8))
    >>> caught[0].category.__name__
    'SuspiciousMultiImageShapeWarning'
    """
    if isinstance(images, np.ndarray) and images.ndim == 3 and images.shape[-1] in (1, 3):
        warnings.warn(
            f"images= got an array of shape {images.shape}, read as (N, H, W) grayscale "
            f"images; its last axis of {images.shape[-1]} suggests a single (H, W, C) "
            f"image instead: pass that as image=, or it is augmented as "
            f"{images.shape[0]} images",
            SuspiciousMultiImageShapeWarning, stacklevel=5)


def _is_array(value: Any) -> bool:
    return isinstance(value, np.ndarray)


def clip_augmented_images_(images: Any, min_value: Any, max_value: Any) -> Any:
    """Clip an array of images, or each image of a list, to ``[min_value, max_value]`` in place.

    Parameters
    ----------
    images : ndarray or list of ndarray
        The images; modified in place.
    min_value, max_value : number
        The bounds.

    Returns
    -------
    ndarray or list of ndarray
        *images* (the same array, or a list of the same arrays).

    Examples
    --------
    >>> images = [np.array([1, 9]), np.array([-3])]
    >>> clip_augmented_images_(images, 0, 5)[0] is images[0], images[1].tolist()
    (True, [0])
    """
    if _is_array(images):
        return np.clip(images, min_value, max_value, out=images)
    return [np.clip(image, min_value, max_value, out=image) for image in images]


def clip_augmented_images(images: Any, min_value: Any, max_value: Any) -> Any:
    """Return a clipped copy of an array of images, or of each image of a list.

    Parameters
    ----------
    images : ndarray or list of ndarray
        The images; not modified.
    min_value, max_value : number
        The bounds.

    Returns
    -------
    ndarray or list of ndarray
        The clipped copies, in the form given.

    Examples
    --------
    >>> clip_augmented_images(np.array([[1, 9]]), 0, 5).tolist()
    [[1, 5]]
    """
    return clip_augmented_images_(copy_arrays(images), min_value, max_value)


def clip_augmented_image_(image: np.ndarray, min_value: Any, max_value: Any) -> np.ndarray:
    """Clip one image to ``[min_value, max_value]`` in place and return it.

    Examples
    --------
    >>> image = np.array([[-1, 7]])
    >>> clip_augmented_image_(image, 0, 5) is image, image.tolist()
    (True, [[0, 5]])
    """
    return clip_augmented_images_(image, min_value, max_value)


def clip_augmented_image(image: np.ndarray, min_value: Any, max_value: Any) -> np.ndarray:
    """Return a copy of one image clipped to ``[min_value, max_value]``.

    Examples
    --------
    >>> clip_augmented_image(np.array([[-1, 7]]), 0, 5).tolist()
    [[0, 5]]
    """
    return clip_augmented_images(image, min_value, max_value)


def copy_arrays(arrays: Any) -> Any:
    """Copy one array, or each array of a list (returning a new list).

    Examples
    --------
    >>> original = [np.zeros(2)]
    >>> copy_arrays(original)[0] is original[0]
    False
    """
    if _is_array(arrays):
        return np.copy(arrays)
    return [np.copy(array) for array in arrays]


def reduce_to_nonempty(objs: Sequence[Any]) -> tuple[list[Any], list[int]]:
    """Keep the objects that are not ``empty``, with their indices.

    Parameters
    ----------
    objs : sequence
        Objects with an ``empty`` property (``KeypointsOnImage``,
        ``BoundingBoxesOnImage``, ...).

    Returns
    -------
    tuple of (list, list of int)
        The non-empty objects and their indices in *objs*; undo with
        :func:`invert_reduce_to_nonempty`.

    Raises
    ------
    augkit.InputError
        An object has no ``empty`` property.

    Examples
    --------
    >>> import augkit
    >>> kps = [augkit.KeypointsOnImage([], shape=(2, 2)),
    ...        augkit.KeypointsOnImage([augkit.Keypoint(1, 1)], shape=(2, 2))]
    >>> reduced, ids = reduce_to_nonempty(kps)
    >>> len(reduced), ids
    (1, [1])
    """
    reduced, ids = [], []
    for index, obj in enumerate(objs):
        if not hasattr(obj, "empty"):
            raise InputError(
                f"reduce_to_nonempty: objs[{index}] is a {type(obj).__name__}, expected an "
                f"object with an 'empty' property (e.g. KeypointsOnImage)")
        if not obj.empty:
            reduced.append(obj)
            ids.append(index)
    return reduced, ids


def invert_reduce_to_nonempty(objs: Sequence[Any], ids: Sequence[int],
                              objs_reduced: Sequence[Any]) -> list[Any]:
    """Put the (augmented) reduced objects back among the empty ones.

    Parameters
    ----------
    objs : sequence
        The objects given to :func:`reduce_to_nonempty`.
    ids : sequence of int
        The indices it returned.
    objs_reduced : sequence
        Replacements for the objects at *ids*, in order.

    Returns
    -------
    list
        *objs* with the objects at *ids* replaced.

    Examples
    --------
    >>> invert_reduce_to_nonempty(["a", "b", "c"], [0, 2], ["A", "C"])
    ['A', 'b', 'C']
    """
    out = list(objs)
    for index, obj in zip(ids, objs_reduced):
        out[index] = obj
    return out


def estimate_max_number_of_channels(images: Any) -> int | None:
    """Return the largest channel count among *images* (a 2-D image counts 1).

    Parameters
    ----------
    images : ndarray of shape (N, H, W, C) or list of ndarray
        The images.

    Returns
    -------
    int or None
        The channel count, ``None`` for an empty list.

    Raises
    ------
    augkit.InputError
        *images* is an array that is not 4-dimensional, or no sequence.

    Examples
    --------
    >>> estimate_max_number_of_channels([np.zeros((2, 2)), np.zeros((2, 2, 3))])
    3
    """
    if _is_array(images):
        if images.ndim != 4:
            raise InputError(
                f"estimate_max_number_of_channels: images is an array of shape "
                f"{images.shape}, expected 4 dimensions (N, H, W, C) or a list of images")
        return int(images.shape[3])
    if not isinstance(images, Sequence):
        raise InputError(
            f"estimate_max_number_of_channels: images is a {type(images).__name__}, "
            f"expected an (N, H, W, C) array or a list of images")
    if len(images) == 0:
        return None
    return max(image.shape[2] if image.ndim >= 3 else 1 for image in images)
