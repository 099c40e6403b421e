"""Augmenters that help debugging: pictures of the batches, saved while training runs."""

from __future__ import annotations

import os
import tempfile
from typing import Any

import numpy as np

from augkit import ParameterError
from augkit.extend import PixelAugmenter, describe
from augkit_debug.destinations import (
    _EveryNBatchesSchedule,
    _FolderImageDestination,
    _IBatchwiseSchedule,
    _IImageDestination,
    _MultiDestination,
)
from augkit_debug.functional import draw_debug_image

#: The data kinds draw_debug_image shows, by name.
_DRAWN_KINDS = ("heatmaps", "segmentation_maps", "keypoints", "bounding_boxes", "polygons",
                "line_strings")


class _SaveDebugImage(PixelAugmenter):
    """Draw batches to a destination when a schedule says so; change nothing.

    Every kind of data passes through unchanged (images as copies). The picture is
    :func:`augkit_debug.functional.draw_debug_image` of the batch as it reaches
    this augmenter.

    Parameters
    ----------
    destination : _IImageDestination
        Receives the pictures.
    schedule : _IBatchwiseSchedule
        Says for which batches a picture is drawn.
    seed, name, deterministic, random_state : optional
        As in :class:`augkit.Augmenter` (nothing is drawn at random).

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit_debug.destinations import _EveryNBatchesSchedule, _IImageDestination
    >>> class Count(_IImageDestination):
    ...     received = 0
    ...     def receive(self, image):
    ...         Count.received += 1
    >>> aug = _SaveDebugImage(Count(), _EveryNBatchesSchedule(2))
    >>> for _ in range(3):
    ...     _ = aug(image=np.zeros((4, 4, 3), np.uint8))
    >>> Count.received
    2
    """

    def __init__(self, destination: _IImageDestination, schedule: _IBatchwiseSchedule,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not isinstance(destination, _IImageDestination):
            raise ParameterError(f"destination: expected an _IImageDestination, got "
                                 f"{describe(destination)}")
        if not isinstance(schedule, _IBatchwiseSchedule):
            raise ParameterError(f"schedule: expected an _IBatchwiseSchedule, got "
                                 f"{describe(schedule)}")
        self.destination = destination
        self.schedule = schedule

    def _record(self, rows) -> None:
        """Show the batch to the schedule and the destination; save its picture when due."""
        batch = {kind.name: items for kind, items in rows.data.items()}
        save = self.schedule.on_batch(batch)
        self.destination.on_batch(batch)
        if save and batch.get("images"):
            picture = draw_debug_image(batch["images"], **{
                name: batch[name] for name in _DRAWN_KINDS if batch.get(name)})
            self.destination.receive(picture)

    def apply_to_rows(self, rows, ctx, params):
        self._record(rows)
        return super().apply_to_rows(rows, ctx, params)

    def _augment_array_batch(self, batch, rows, ctx, params):
        self._record(rows)  # then the images, unchanged: one copy of the array
        return np.array(batch, copy=True, order="C"), self._params_of_call(rows, ctx, params)

    def apply_to_images(self, images, params):
        return [image.copy() for image in images]


class SaveDebugImageEveryNBatches(_SaveDebugImage):
    """Save a picture of every *interval*-th batch, with all its annotations, to a folder.

    The first batch this augmenter sees is drawn, then every *interval*-th: one row
    per image, one column per kind of data (see
    :func:`augkit_debug.functional.draw_debug_image`). With a folder, pictures are
    saved as ``batch_<number>.png`` (batches counted from 0) and the latest also as
    ``batch_latest.png``. The data pass through unchanged.

    Batches are counted per augmenter object: one that runs conditionally (inside
    ``Sometimes``), or in several worker processes (each with its own copy and
    count), counts only the batches it sees.

    Parameters
    ----------
    destination : str or os.PathLike or _IImageDestination
        A folder (created when the first picture is saved if missing), or any
        destination.
    interval : int
        Draw every *interval*-th batch, at least 1.
    seed, name, deterministic, random_state : optional
        As in :class:`augkit.Augmenter` (nothing is drawn at random).

    <supported data>

    Examples
    --------
    >>> import numpy as np, os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> aug = SaveDebugImageEveryNBatches(folder, interval=100)
    >>> out = aug(images=[np.zeros((8, 8, 3), np.uint8)], keypoints=[[(2.0, 3.0)]])
    >>> sorted(os.listdir(folder))
    ['batch_000000.png', 'batch_latest.png']
    """

    examples = ({"destination": os.path.join(tempfile.gettempdir(), "augkit-debug-examples"),
                 "interval": 1000},)

    def __init__(self, destination: Any, interval: int, **kwargs: Any) -> None:
        if not isinstance(destination, _IImageDestination):
            if not isinstance(destination, (str, os.PathLike)):
                raise ParameterError(f"destination: expected a folder path or an "
                                     f"_IImageDestination, got {describe(destination)}")
            destination = _MultiDestination([
                _FolderImageDestination(destination),
                _FolderImageDestination(destination, filename_pattern="batch_latest.png"),
            ])
        super().__init__(destination, _EveryNBatchesSchedule(interval), **kwargs)
        self.interval = interval


AUGMENTERS = [SaveDebugImageEveryNBatches]
