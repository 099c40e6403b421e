"""Batches: every kind of data of one augmentation step, plus user data.

A :class:`Batch` holds the inputs of one step (``images``, ``heatmaps``,
``segmentation_maps``, ``keypoints``, ``bounding_boxes``, ``polygons``,
``line_strings`` and any kind a plugin registers) as ``<kind>_unaug`` attributes;
augmenting it fills the matching ``<kind>_aug`` attributes. ``data`` is yours: it
travels with the batch untouched (through a :class:`~augkit.multicore.Pool` it stays
in the calling process, so it need not even be picklable).

Every input form ``augment`` accepts is accepted (lists of differently sized
images, ``(N, 2)`` keypoint arrays, imgaug-style ``...OnImage`` objects), and each
result comes back in the form it was given. :class:`UnnormalizedBatch` is the same
class under imgaug's name for batches of such user-facing forms.

Examples
--------
>>> import numpy as np, augkit
>>> batch = Batch(images=[np.zeros((2, 3), np.uint8), np.zeros((4, 1), np.uint8)],
...               data={"ids": [7, 8]})
>>> batch = augkit.get("Fliplr", p=1.0).augment_batch(batch)
>>> [image.shape for image in batch.images_aug], batch.data
([(2, 3), (4, 1)], {'ids': [7, 8]})
"""

from __future__ import annotations

import copy as copy_module
from collections.abc import Iterable
from typing import Any

from augkit.errors import InputError, describe

__all__ = ["Batch", "UnnormalizedBatch", "augment_batch", "to_batch", "from_batch"]

#: The built-in kind names, in imgaug's order.
KIND_NAMES = ("images", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes",
              "polygons", "line_strings")


class Batch:
    """The data of one augmentation step: inputs, results, and user data.

    Parameters
    ----------
    images, heatmaps, segmentation_maps, keypoints, bounding_boxes, polygons, \
line_strings : optional
        Inputs of each kind, in any form ``augment(images=..., keypoints=...)``
        accepts; None when absent.
    data : any, optional
        User data that travels with the batch, untouched.
    **kinds
        Inputs of kinds registered by plugins, by kind name.

    Attributes
    ----------
    <kind>_unaug, <kind>_aug
        The inputs, and the results once augmented (None before).
    """

    def __init__(self, images: Any = None, heatmaps: Any = None,
                 segmentation_maps: Any = None, keypoints: Any = None,
                 bounding_boxes: Any = None, polygons: Any = None, line_strings: Any = None,
                 data: Any = None, **kinds: Any) -> None:
        given = {"images": images, "heatmaps": heatmaps,
                 "segmentation_maps": segmentation_maps, "keypoints": keypoints,
                 "bounding_boxes": bounding_boxes, "polygons": polygons,
                 "line_strings": line_strings}
        if kinds:
            from augkit.registry import registry

            known = registry.kinds()
            for name in kinds:
                if name not in known:
                    raise InputError(
                        f"Batch: unknown kind {name!r}; known kinds: {', '.join(sorted(known))}")
            given.update(kinds)
        self._kinds = list(given)
        for name, value in given.items():
            setattr(self, f"{name}_unaug", value)
            setattr(self, f"{name}_aug", None)
        self.data = data

    # -- columns ------------------------------------------------------------
    @property
    def kind_names(self) -> list[str]:
        """Every kind name this batch has slots for."""
        return list(self._kinds)

    def get_column_names(self) -> list[str]:
        """Return the names of the kinds that have inputs."""
        return [name for name in self._kinds if getattr(self, f"{name}_unaug") is not None]

    @property
    def columns(self) -> dict[str, Any]:
        """The inputs that are set, by kind name."""
        return {name: getattr(self, f"{name}_unaug") for name in self.get_column_names()}

    @property
    def augmented(self) -> dict[str, Any]:
        """The results that are set, by kind name."""
        return {name: getattr(self, f"{name}_aug") for name in self._kinds
                if getattr(self, f"{name}_aug") is not None}

    @property
    def empty(self) -> bool:
        """True when the batch has no inputs."""
        return not self.get_column_names()

    def set_augmented(self, results: dict[str, Any]) -> Batch:
        """Store *results* (kind name -> augmented data) in the ``*_aug`` slots."""
        for name, value in results.items():
            if name not in self._kinds:
                self._kinds.append(name)
                setattr(self, f"{name}_unaug", None)
            setattr(self, f"{name}_aug", value)
        return self

    # -- imgaug compatibility ----------------------------------------------
    def to_normalized_batch(self) -> Batch:
        """Return self (augkit normalises inside the augment call)."""
        return self

    def to_batch_in_augmentation(self) -> Batch:
        """Return self (kept for imgaug code)."""
        return self

    def fill_from_augmented_normalized_batch(self, batch_aug: Batch) -> Batch:
        """Copy the ``*_aug`` results of *batch_aug* into a copy of this batch."""
        out = self.deepcopy()
        out.set_augmented(batch_aug.augmented)
        return out

    def deepcopy(self) -> Batch:
        """Return a deep copy (user data included)."""
        return copy_module.deepcopy(self)

    def __repr__(self) -> str:
        cols = ", ".join(self.get_column_names()) or "no inputs"
        done = ", ".join(self.augmented) or "not augmented"
        return f"{type(self).__name__}({cols}; {done})"


class UnnormalizedBatch(Batch):
    """A :class:`Batch` of user-facing forms (imgaug's name; the same in augkit).

    Examples
    --------
    >>> import numpy as np
    >>> batch = UnnormalizedBatch(images=np.zeros((1, 4, 4, 3), np.uint8),
    ...                           keypoints=[np.array([[1.0, 2.0]])])
    >>> batch.get_column_names()
    ['images', 'keypoints']
    """


def augment_batch(aug: Any, batch: Batch, hooks: Any = None, key: Any = None) -> Batch:
    """Augment every input of *batch* consistently; fill its ``*_aug`` slots, return it."""
    if not isinstance(batch, Batch):
        raise InputError(f"augment_batch: expected an augkit.Batch, got {describe(batch)}")
    columns = batch.columns
    if not columns:
        return batch
    result = aug.augment(return_batch=True, hooks=hooks, key=key, **columns)
    return batch.set_augmented(result)


# ---------------------------------------------------------------------------
# the forms augment_batches and the Pool accept
# ---------------------------------------------------------------------------


def _kind_of_list(items: list) -> str:
    from augkit.registry import registry

    first = items[0]
    by_class = {
        "KeypointsOnImage": "keypoints", "BoundingBoxesOnImage": "bounding_boxes",
        "PolygonsOnImage": "polygons", "LineStringsOnImage": "line_strings",
        "HeatmapsOnImage": "heatmaps", "SegmentationMapsOnImage": "segmentation_maps",
    }
    name = by_class.get(type(first).__name__)
    if name is not None:
        return name
    for kind in registry.kinds().values():
        item_type = getattr(kind, "item_type", None)
        if isinstance(item_type, type) and isinstance(first, item_type):
            return kind.name
    return "images"


def to_batch(item: Any) -> tuple[Batch, str | None]:
    """Wrap one element of ``augment_batches`` input as a batch.

    Returns the batch and the kind to unwrap afterwards (None: return the batch).
    Accepted: a :class:`Batch`, an image array ``(N, H, W[, C])``, or a list of
    images or of ``...OnImage`` objects.
    """
    if isinstance(item, Batch):
        return item, None
    if isinstance(item, list | tuple):
        items = list(item)
        if not items:
            return UnnormalizedBatch(), "images"
        name = _kind_of_list(items)
        return UnnormalizedBatch(**{name: items}), name
    if hasattr(item, "shape") and hasattr(item, "dtype"):
        return UnnormalizedBatch(images=item), "images"
    raise InputError(
        "batches: expected each batch to be an augkit.Batch, an image array or a list of "
        f"images / ...OnImage objects, got {describe(item)}")


def from_batch(batch: Batch, unwrap: str | None) -> Any:
    """Return what the user gets back for a batch made by :func:`to_batch`."""
    if unwrap is None:
        return batch
    value = getattr(batch, f"{unwrap}_aug")
    if value is None:
        value = getattr(batch, f"{unwrap}_unaug")
        return [] if value is None else value
    return value


def iter_batches(batches: Iterable[Any]) -> Iterable[tuple[Batch, str | None]]:
    """Yield :func:`to_batch` of every element of *batches* (lazily)."""
    if isinstance(batches, Batch) or (hasattr(batches, "shape") and hasattr(batches, "ndim")
                                       and getattr(batches, "ndim", 0) == 4):
        raise InputError("batches: expected an iterable of batches (e.g. a list of Batch "
                         f"objects or of image arrays), got a single batch {describe(batches)}")
    for item in batches:
        yield to_batch(item)
