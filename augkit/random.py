"""Seeding: numpy Generators derived from SeedSequences.

Every augmenter owns a :class:`numpy.random.SeedSequence` and a
:class:`numpy.random.Generator` made from it. Three rules follow from that:

* ``augkit.seed(n)`` seeds every augmenter created afterwards without ``seed=``;
  each gets its own stream spawned from the global sequence.
* Children of an augmenter get streams derived from the parent's sequence and their
  position, so adding a child at the end does not shift the others.
* A process other than the one that created an augmenter (a Pool worker, a PyTorch
  DataLoader worker) re-derives every stream from the seed and the worker index, so no
  two workers repeat each other and a fixed seed reproduces a run.

Keyed sampling, ``aug(image=img, key=(epoch, index))``, draws from the augmenter's
sequence and the key alone (a Philox stream per key), independent of worker count
and order.

Examples
--------
>>> a = generator_from_seed(5).integers(0, 100, size=3)
>>> b = generator_from_seed(5).integers(0, 100, size=3)
>>> bool((a == b).all())
True
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Hashable

import numpy as np

from augkit.errors import ParameterTypeError, describe

SeedLike = int | np.random.SeedSequence | np.random.Generator | None

_global_seedseq: np.random.SeedSequence | None = None
_worker_index: int | None = None
_WORKER_TAG = 0x5EED_0000  # spawn-key prefix of worker streams, apart from child indices


def seed(entropy: int | None = None) -> None:
    """Seed every augmenter created from now on that is not given ``seed=``.

    Parameters
    ----------
    entropy : int or None
        The global seed. None returns to fresh operating-system entropy.

    Examples
    --------
    >>> import augkit
    >>> augkit.seed(42)
    """
    global _global_seedseq
    _global_seedseq = None if entropy is None else to_seedseq(entropy, name="entropy")


def new_seedseq() -> np.random.SeedSequence:
    """Return a fresh sequence: spawned from the global seed, or from OS entropy."""
    if _global_seedseq is None:
        return np.random.SeedSequence()
    return _global_seedseq.spawn(1)[0]


def to_seedseq(value: SeedLike, *, name: str = "seed") -> np.random.SeedSequence:
    """Turn a user's ``seed=`` value into a SeedSequence.

    Accepts None (see :func:`new_seedseq`), a non-negative int, a SeedSequence, or a
    Generator (a seed is drawn from it).
    """
    if value is None:
        return new_seedseq()
    if isinstance(value, np.random.SeedSequence):
        return value
    if isinstance(value, np.random.Generator):
        return np.random.SeedSequence(int(value.integers(0, 2**63)))
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool) and value >= 0:
        return np.random.SeedSequence(int(value))
    raise ParameterTypeError(
        f"{name}: expected None, a non-negative int, a numpy SeedSequence or Generator, "
        f"got {describe(value)}"
    )


def child_seedseq(parent: np.random.SeedSequence, *path: int) -> np.random.SeedSequence:
    """Return the sequence of the child at *path* below *parent* (stable by position)."""
    return np.random.SeedSequence(parent.entropy, spawn_key=tuple(parent.spawn_key) + path)


def generator(seedseq: np.random.SeedSequence) -> np.random.Generator:
    """Return a PCG64 generator for *seedseq*, offset for the current worker if any."""
    if _worker_index is not None:
        seedseq = child_seedseq(seedseq, _WORKER_TAG, _worker_index)
    return np.random.Generator(np.random.PCG64(seedseq))


def generator_from_seed(value: SeedLike) -> np.random.Generator:
    """Return a generator for a user-given seed (int, SeedSequence, Generator, None)."""
    if isinstance(value, np.random.Generator):
        return value
    return np.random.Generator(np.random.PCG64(to_seedseq(value)))


def key_to_ints(key: Hashable) -> tuple[int, ...]:
    """Map a sampling key (an int, a str, or a tuple of those) to spawn-key integers."""
    parts = key if isinstance(key, tuple) else (key,)
    out = []
    for part in parts:
        if isinstance(part, (int, np.integer)) and not isinstance(part, bool) and part >= 0:
            out.append(int(part))
        elif isinstance(part, str):
            # surrogatepass: keys built from non-UTF-8 file names (lone surrogates) hash
            # deterministically; valid strings give the same bytes as plain UTF-8.
            data = part.encode("utf-8", "surrogatepass")
            out.append(int.from_bytes(hashlib.sha256(data).digest()[:8], "little"))
        else:
            raise ParameterTypeError(
                "key: expected a non-negative int, a str, or a tuple of those, "
                f"got {describe(key)}"
            )
    return tuple(out)


def keyed_generator(seedseq: np.random.SeedSequence, key: tuple[int, ...]) -> np.random.Generator:
    """Return the generator for one key: depends on *seedseq* and *key* only."""
    seq = np.random.SeedSequence(seedseq.entropy, spawn_key=tuple(seedseq.spawn_key) + key)
    return np.random.Generator(np.random.Philox(seq))


def set_worker_index(index: int | None) -> None:
    """Declare that this process is worker *index* (called by pool initialisers).

    Augmenters re-derive their streams from their seed and this index the next time
    they are called in this process.
    """
    global _worker_index
    _worker_index = index


_pid = os.getpid()


def _after_fork_in_child() -> None:
    global _pid
    _pid = os.getpid()


if hasattr(os, "register_at_fork"):  # not on platforms without fork
    os.register_at_fork(after_in_child=_after_fork_in_child)


def process_token() -> tuple[int, int | None]:
    """Identify the current process and worker, to detect a fork since seeding.

    PyTorch DataLoader workers are recognised by their worker id, so that their
    streams are reproducible; other processes fall back to their pid.
    """
    index = _worker_index
    if index is None and "torch" in sys.modules:
        info = _torch_worker_info()
        if info is not None:
            index = info
            set_worker_index(index)
    return _pid, index


def _torch_worker_info() -> int | None:
    try:
        from torch.utils.data import get_worker_info
    except ImportError:  # pragma: no cover - torch without its data module
        return None
    info = get_worker_info()
    return None if info is None else int(info.id)


def pid_worker_index() -> int:
    """Worker index used when a forked process never declared one: its pid."""
    return os.getpid()
