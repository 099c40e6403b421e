"""``augkit.augmenters.meta``: imgaug's ``meta`` module.

The core's meta-augmenters (:mod:`augkit.meta`), the :class:`~augkit.Augmenter` base
and imgaug's helper functions of that module (:mod:`augkit.meta_functions`), plus
the two that need the augmenters: :func:`handle_children_list` and
:func:`shuffle_channels`.

Every imgaug module name is provided the same way: a module ``imgaug_<name>`` of the
package that provides the family (``augkit_geometric/imgaug_flip.py``...), whose
``__all__`` lists imgaug's public names of that module, each re-exported from where it
is implemented (class modules, the family's ``functional`` kernels), never a copy.

Examples
--------
>>> from augkit import augmenters as iaa
>>> iaa.meta.Sequential is iaa.Sequential
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from augkit import ALL
from augkit.augmenter import Augmenter
from augkit.errors import ParameterTypeError
from augkit.meta import (
    AssertLambda,
    AssertShape,
    ChannelShuffle,
    ClipCBAsToImagePlanes,
    Identity,
    Lambda,
    OneOf,
    RemoveCBAsByOutOfImageFraction,
    Sequential,
    SomeOf,
    Sometimes,
    WithChannels,
)
from augkit.meta_functions import (
    SuspiciousMultiImageShapeWarning,
    SuspiciousSingleImageShapeWarning,
    clip_augmented_image,
    clip_augmented_image_,
    clip_augmented_images,
    clip_augmented_images_,
    copy_arrays,
    estimate_max_number_of_channels,
    invert_reduce_to_nonempty,
    reduce_to_nonempty,
)
from augkit.random import generator_from_seed

Noop = Identity

__all__ = [
    "AssertLambda",
    "AssertShape",
    "Augmenter",
    "ChannelShuffle",
    "ClipCBAsToImagePlanes",
    "Identity",
    "Lambda",
    "Noop",
    "OneOf",
    "RemoveCBAsByOutOfImageFraction",
    "Sequential",
    "SomeOf",
    "Sometimes",
    "SuspiciousMultiImageShapeWarning",
    "SuspiciousSingleImageShapeWarning",
    "WithChannels",
    "clip_augmented_image",
    "clip_augmented_image_",
    "clip_augmented_images",
    "clip_augmented_images_",
    "copy_arrays",
    "estimate_max_number_of_channels",
    "handle_children_list",
    "invert_reduce_to_nonempty",
    "reduce_to_nonempty",
    "shuffle_channels",
]

_SEQUENTIAL = "sequential"


def handle_children_list(lst: Any, augmenter_name: str, lst_name: str,
                         default: Any = _SEQUENTIAL) -> Any:
    """Normalise a user's children argument to one augmenter, as imgaug's meta-augmenters do.

    Parameters
    ----------
    lst : None or Augmenter or iterable of Augmenter
        The children.
    augmenter_name, lst_name : str
        Name the wrapping ``Sequential`` ``"<augmenter_name>-<lst_name>"``.
    default : "sequential" or object, optional
        What ``None`` (or an empty list, unless ``"sequential"``) becomes; the
        default ``"sequential"`` is an empty ``Sequential``.

    Returns
    -------
    Augmenter or object
        A ``Sequential`` wrapping the children, an augmenter given as a
        ``Sequential`` unchanged, or *default*.

    Raises
    ------
    augkit.ParameterTypeError
        *lst* is of another type, or holds something that is no augmenter.

    Examples
    --------
    >>> import augkit
    >>> handle_children_list([augkit.Identity()], "Parent", "then_list").name
    'Parent-then_list'
    >>> handle_children_list(None, "Parent", "else_list", default=None) is None
    True
    """
    if lst is None or (default != _SEQUENTIAL and _is_empty_list(lst)):
        if default == _SEQUENTIAL:
            return Sequential([], name=f"{augmenter_name}-{lst_name}")
        return default
    if isinstance(lst, Sequential):
        return lst
    if isinstance(lst, Augmenter) or (isinstance(lst, Iterable)
                                      and not isinstance(lst, (str, bytes))):
        return Sequential(lst, name=f"{augmenter_name}-{lst_name}")
    raise ParameterTypeError(
        f"{lst_name} of {augmenter_name}: expected None, an augmenter or a list of "
        f"augmenters, got {type(lst).__name__}")


def _is_empty_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and len(value) == 0


def shuffle_channels(image: np.ndarray, random_state: Any,
                     channels: Any = None) -> np.ndarray:
    """Randomly permute the channels of one image (imgaug's ``meta.shuffle_channels``).

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C)
        The image, any dtype; not modified.
    random_state : int or numpy.random.Generator or None
        Seed or generator of the permutation.
    channels : None or augkit.ALL or list of int, optional
        The channels that may swap places among themselves (default: all).

    Returns
    -------
    ndarray
        A new image with permuted channels; ``image`` itself when it has fewer
        than two channels.

    Examples
    --------
    >>> img = np.array([[[1, 2, 3]]], dtype=np.uint8)
    >>> sorted(shuffle_channels(img, 1)[0, 0].tolist())
    [1, 2, 3]
    >>> shuffle_channels(img, 1, channels=[2])[0, 0].tolist()
    [1, 2, 3]
    """
    if image.ndim < 3 or image.shape[2] == 1:
        return image
    pool = None if isinstance(channels, str) and channels == ALL else (
        WithChannels._handle_channels(channels))
    nb_channels = image.shape[2]
    indices = [c for c in (pool or range(nb_channels)) if c < nb_channels]
    perm = np.arange(nb_channels)
    perm[indices] = generator_from_seed(random_state).permutation(indices)
    return np.ascontiguousarray(image[:, :, perm])
