"""PyTorch DataLoader helpers: the epoch in every sample's key, OpenCV in workers.

Imported only when used (``import augkit.torch``); it imports torch, which the rest of
augkit never does.

Keyed sampling, ``aug(image=img, key=(epoch, index))``, makes a sample's augmentation
depend on the augmenter's seed, the epoch and the index alone: the same for any number
of workers, in any order, and different in every epoch. :class:`KeyedSampler` carries
the epoch: it runs in the main process and hands ``(epoch, index)`` to
``Dataset.__getitem__``, so it reaches persistent workers too (an epoch set on the
dataset stays in the main process's copy). :class:`AugmentedDataset` applies an
augmenter to a dataset's samples with that key.

Without keys, an augmenter called in DataLoader workers draws from torch's per-worker
seed, which torch draws anew every time it starts workers: fresh values in every
epoch, reproduced by ``torch.manual_seed`` (see :func:`augkit.random.worker_key`).

Examples
--------
>>> import numpy as np, augkit
>>> from augkit.torch import AugmentedDataset, KeyedSampler, worker_init_fn
>>> images = [np.full((4, 4, 3), i, np.uint8) for i in range(6)]
>>> data = AugmentedDataset(images, augkit.get("Fliplr", p=0.5, seed=1))
>>> sampler = KeyedSampler(range(len(images)))
>>> keys = list(sampler)  # epoch 0
>>> keys[:2]
[(0, 0), (0, 1)]
>>> data[keys[0]].shape
(4, 4, 3)
>>> list(sampler)[0]  # the next iteration is epoch 1
(1, 0)
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sized
from typing import Any

from torch.utils.data import Dataset, Sampler

from augkit.augmenter import CALL_OPTIONS, Augmenter
from augkit.errors import InputError, ParameterTypeError, describe

__all__ = ["AugmentedDataset", "KeyedSampler", "worker_init_fn"]


class KeyedSampler(Sampler):
    """Yield ``(epoch, index)`` for every index of a sampler, one epoch per iteration.

    Parameters
    ----------
    sampler : iterable of int
        The indices of one epoch: a torch sampler (``RandomSampler``,
        ``DistributedSampler``, ...), a ``range`` or any re-iterable of ints.
    start_epoch : int, optional
        The epoch of the first iteration. Every later iteration is the next epoch,
        unless :meth:`set_epoch` says otherwise.

    Examples
    --------
    >>> sampler = KeyedSampler(range(3), start_epoch=5)
    >>> list(sampler)
    [(5, 0), (5, 1), (5, 2)]
    >>> sampler.set_epoch(9)
    >>> list(sampler)[-1]
    (9, 2)
    """

    def __init__(self, sampler: Iterable[int], *, start_epoch: int = 0) -> None:
        if not isinstance(sampler, Iterable):
            raise ParameterTypeError(
                f"sampler: expected an iterable of indices (a torch Sampler or a range), "
                f"got {describe(sampler)}")
        self.sampler = sampler
        self.epoch = _check_epoch(start_epoch, "start_epoch")

    def set_epoch(self, epoch: int) -> None:
        """Make the next iteration epoch *epoch* (passed on to the wrapped sampler).

        ``DistributedSampler`` shuffles by its epoch: this sets it for both.
        """
        self.epoch = _check_epoch(epoch, "epoch")

    def __iter__(self) -> Iterator[tuple[int, int]]:
        epoch = self.epoch
        self.epoch = epoch + 1
        set_inner = getattr(self.sampler, "set_epoch", None)
        if callable(set_inner):
            set_inner(epoch)
        return ((epoch, int(index)) for index in self.sampler)

    def __len__(self) -> int:
        if not isinstance(self.sampler, Sized):
            raise TypeError(f"{type(self.sampler).__name__} has no length")
        return len(self.sampler)


class AugmentedDataset(Dataset):
    """A dataset whose samples come out augmented, keyed by ``(epoch, index)``.

    Parameters
    ----------
    dataset : indexable
        ``dataset[index]`` gives a sample: an image (a numpy array, a PIL image or
        a tensor), a ``dict`` of call keywords (``{"image": ..., "bounding_boxes":
        ..., "labels": {...}}``, given back as a dict, options such as ``bbox_format``
        passed through) or a tuple whose first item is the image (the
        rest, a label, passes through unchanged).
    augmenter : augkit.Augmenter
        Applied to every sample.

    Notes
    -----
    Indexed with ``(epoch, index)`` (from :class:`KeyedSampler`), the augmentation is
    keyed: identical for any worker count, different in every epoch. Indexed with a
    plain int, the call is unkeyed and draws from the worker's stream.

    Examples
    --------
    >>> import numpy as np, augkit
    >>> data = AugmentedDataset([(np.zeros((2, 2), np.uint8), "cat")], augkit.get("Add", value=3))
    >>> image, label = data[(0, 0)]
    >>> image.tolist(), label
    ([[3, 3], [3, 3]], 'cat')
    """

    def __init__(self, dataset: Any, augmenter: Augmenter) -> None:
        if not isinstance(augmenter, Augmenter):
            raise ParameterTypeError(
                f"augmenter: expected an augkit augmenter, got {describe(augmenter)}")
        self.dataset = dataset
        self.augmenter = augmenter

    def __len__(self) -> int:
        return len(self.dataset)

    def __getitem__(self, item: int | tuple[int, int]) -> Any:
        if isinstance(item, tuple):
            key: tuple[int, int] | None = item
            index = item[1]
        else:
            key, index = None, item
        sample = self.dataset[index]
        if isinstance(sample, Mapping):
            names = [name for name in sample if name not in CALL_OPTIONS]
            if "labels" in sample:  # they come back last (augkit.augmentables._labels)
                names.append("labels")
            out = self.augmenter(**sample, key=key)
            return {**sample, **dict(zip(names, out if len(names) > 1 else (out,)))}
        if isinstance(sample, tuple):
            if not sample:
                raise InputError(f"dataset[{index}]: expected an image or (image, ...), got ()")
            return (self.augmenter(image=sample[0], key=key), *sample[1:])
        return self.augmenter(image=sample, key=key)


def worker_init_fn(worker_id: int) -> None:
    """Set up a DataLoader worker for augkit: OpenCV on one thread.

    The DataLoader's workers are the parallelism; OpenCV's own threads in every
    worker would compete for the same cores (as :class:`augkit.multicore.Pool` avoids
    too). Forked workers already start with one thread: while ``augkit.torch`` is
    imported, this process runs OpenCV on one thread for the instant of each fork
    (resizing OpenCV's pool inside a forked child can deadlock). Pass it as
    ``DataLoader(..., worker_init_fn=augkit.torch.worker_init_fn)``, or call it first
    in a ``worker_init_fn`` of your own.

    Parameters
    ----------
    worker_id : int
        The worker's id, as the DataLoader passes it.

    Examples
    --------
    >>> worker_init_fn(0)
    >>> import cv2
    >>> cv2.getNumThreads()
    1
    """
    import cv2  # augkit's pixel work runs on it; loaded anyway by the first augmenter

    if cv2.getNumThreads() != 1:  # a spawned worker (a forked one starts with one)
        cv2.setNumThreads(1)
    del worker_id  # every worker is set up the same way


def _check_epoch(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ParameterTypeError(f"{name}: expected a non-negative int, got {describe(value)}")
    return value


class _OpenCVAtFork:
    """Fork DataLoader workers while OpenCV runs on one thread in this process.

    Resizing OpenCV's thread pool inside a forked child can deadlock (the pool's
    threads were not forked), so :func:`worker_init_fn` cannot do it there; instead
    the parent drops to one thread for the instant of the fork and restores its
    count after, and the child starts with one.
    """

    previous: int | None = None

    @classmethod
    def before(cls) -> None:
        cv2 = sys.modules.get("cv2")
        if cv2 is not None and cv2.getNumThreads() != 1:
            cls.previous = cv2.getNumThreads()
            cv2.setNumThreads(1)

    @classmethod
    def after_in_parent(cls) -> None:
        if cls.previous is not None:
            sys.modules["cv2"].setNumThreads(cls.previous)
            cls.previous = None

    @classmethod
    def after_in_child(cls) -> None:
        cls.previous = None


if hasattr(os, "register_at_fork"):  # not on platforms without fork
    os.register_at_fork(before=_OpenCVAtFork.before,
                        after_in_parent=_OpenCVAtFork.after_in_parent,
                        after_in_child=_OpenCVAtFork.after_in_child)
