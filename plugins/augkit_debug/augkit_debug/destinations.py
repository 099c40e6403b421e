"""Where debug pictures go (destinations) and for which batches (schedules).

imgaug's interfaces, under imgaug's names: a destination is told of every batch
(:meth:`_IImageDestination.on_batch`) and receives the pictures drawn for some of
them (:meth:`_IImageDestination.receive`); a schedule says for each batch whether
to draw one.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np
import PIL.Image

from augkit import ParameterError
from augkit.extend import describe


class _IImageDestination:
    """A destination that receives debug pictures.

    Subclass it and override :meth:`on_batch` and :meth:`receive`; both do nothing
    here. Instances are pickled with the augmenter (to worker processes too).

    Examples
    --------
    >>> class Collect(_IImageDestination):
    ...     def __init__(self):
    ...         self.pictures = []
    ...     def receive(self, image):
    ...         self.pictures.append(image)
    >>> dest = Collect(); dest.receive("picture"); dest.pictures
    ['picture']
    """

    def on_batch(self, batch: Any) -> None:
        """Be told that a new batch is being augmented (called for every batch).

        Parameters
        ----------
        batch : dict of str to list
            The batch's data by kind name (``images``, ``keypoints``, ...), one item
            per row.
        """

    def receive(self, image: np.ndarray) -> None:
        """Handle the picture drawn for the current batch.

        Parameters
        ----------
        image : ndarray of shape (H, W, 3), uint8
        """


class _MultiDestination(_IImageDestination):
    """Several destinations behaving as one.

    Parameters
    ----------
    destinations : list of _IImageDestination

    Examples
    --------
    >>> multi = _MultiDestination([_IImageDestination(), _IImageDestination()])
    >>> len(multi.destinations)
    2
    """

    def __init__(self, destinations: Sequence[_IImageDestination]) -> None:
        self.destinations = list(destinations)

    def on_batch(self, batch: Any) -> None:
        for destination in self.destinations:
            destination.on_batch(batch)

    def receive(self, image: np.ndarray) -> None:
        for destination in self.destinations:
            destination.receive(image)


class _FolderImageDestination(_IImageDestination):
    """Save pictures as PNG files in a folder, named by the batch's number.

    Each file is written whole under a temporary name and then renamed, so a viewer
    never reads half a picture. The folder is created when the first picture is
    saved if it does not exist.

    Parameters
    ----------
    folder_path : str or os.PathLike
        The folder.
    filename_pattern : str, optional
        ``str.format`` pattern with the field ``batch_id`` (default
        ``"batch_{batch_id:06d}.png"``; batches count from 0).

    Examples
    --------
    >>> import tempfile, numpy as np, os
    >>> folder = tempfile.mkdtemp()
    >>> dest = _FolderImageDestination(folder)
    >>> dest.on_batch({}); dest.receive(np.zeros((2, 2, 3), np.uint8))
    >>> os.listdir(folder)
    ['batch_000000.png']
    """

    def __init__(self, folder_path: str | os.PathLike,
                 filename_pattern: str = "batch_{batch_id:06d}.png") -> None:
        if not isinstance(folder_path, (str, os.PathLike)):
            raise ParameterError(f"folder_path: expected a path to a folder, got "
                                 f"{describe(folder_path)}")
        if os.path.exists(folder_path) and not os.path.isdir(folder_path):
            raise ParameterError(f"folder_path: expected a folder, got the file {folder_path!r}")
        try:
            filename_pattern.format(batch_id=0)
        except (AttributeError, KeyError, IndexError, ValueError) as error:
            raise ParameterError(
                f"filename_pattern: expected a str.format pattern with the field "
                f"{{batch_id}}, got {filename_pattern!r} ({error})") from None
        self.folder_path = os.fspath(folder_path)
        self.filename_pattern = filename_pattern
        self._batch_id = -1

    def on_batch(self, batch: Any) -> None:
        self._batch_id += 1

    def receive(self, image: np.ndarray) -> None:
        os.makedirs(self.folder_path, exist_ok=True)
        path = os.path.join(self.folder_path,
                            self.filename_pattern.format(batch_id=self._batch_id))
        temporary = f"{path}.{os.getpid()}.tmp"
        PIL.Image.fromarray(image).save(temporary, format="PNG")
        os.replace(temporary, path)


class _IBatchwiseSchedule:
    """A schedule that says, batch by batch, whether to draw a picture.

    Examples
    --------
    >>> class Never(_IBatchwiseSchedule):
    ...     def on_batch(self, batch):
    ...         return False
    >>> Never().on_batch({})
    False
    """

    def on_batch(self, batch: Any) -> bool:
        """Return whether a picture is drawn for *batch* (called for every batch)."""
        raise NotImplementedError


class _EveryNBatchesSchedule(_IBatchwiseSchedule):
    """Draw for the first batch and every *interval*-th after it.

    Parameters
    ----------
    interval : int
        At least 1.

    Examples
    --------
    >>> schedule = _EveryNBatchesSchedule(2)
    >>> [schedule.on_batch({}) for _ in range(5)]
    [True, False, True, False, True]
    """

    def __init__(self, interval: int) -> None:
        if isinstance(interval, bool) or not isinstance(interval, (int, np.integer)) \
                or interval < 1:
            raise ParameterError(f"interval: expected an integer >= 1, got {describe(interval)}")
        self.interval = int(interval)
        self._batch_id = -1

    def on_batch(self, batch: Any) -> bool:
        self._batch_id += 1
        return self._batch_id % self.interval == 0


__all__ = [
    "_EveryNBatchesSchedule",
    "_FolderImageDestination",
    "_IBatchwiseSchedule",
    "_IImageDestination",
    "_MultiDestination",
]
