"""Seeding: numpy Generators derived from SeedSequences.

Every augmenter owns a :class:`numpy.random.SeedSequence` and a
:class:`numpy.random.Generator` made from it. Three rules follow from that:

* ``augkit.seed(n)`` seeds every augmenter created afterwards without ``seed=``;
  each gets its own stream spawned from the global sequence.
* Children of an augmenter get streams derived from the parent's sequence and their
  position, so adding a child at the end does not shift the others.
* A process other than the one that created an augmenter (a Pool worker, a PyTorch
  DataLoader worker) re-derives every stream from the seed and the process's
  :func:`worker_key` (torch's per-epoch worker seed, or the process's place in the
  process tree): no two workers repeat each other, workers started again (the next
  epoch) draw fresh values, and a fixed seed (with ``torch.manual_seed``) reproduces a
  run.

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

import contextlib
import hashlib
import multiprocessing
import os
import sys
from collections.abc import Hashable, Iterator
from typing import Any

import numpy as np

from augkit.errors import ParameterTypeError, describe

SeedLike = Any  # None, int, SeedSequence, Generator, BitGenerator, RandomState or an RNG

_global_seedseq: np.random.SeedSequence | None = None
_WORKER_TAG = 0x5EED_0000  # spawn-key prefix of worker streams, apart from child indices


def seed(entropy: int | None = None, seedval: int | None = None) -> None:
    """Seed every augmenter created from now on that is not given ``seed=``.

    Also seeds imgaug's global :class:`RNG` (``get_global_rng()``), so code that
    samples from it directly is reproducible too.

    Parameters
    ----------
    entropy : int or None
        The global seed. None returns to fresh operating-system entropy.
    seedval : int or None
        imgaug's deprecated name of *entropy* (used when *entropy* is None).

    Examples
    --------
    >>> import augkit
    >>> augkit.seed(42)
    """
    global _global_seedseq
    if entropy is None and seedval is not None:
        entropy = seedval
    _global_seedseq = None if entropy is None else to_seedseq(entropy, name="entropy")
    _seed_global_rng(entropy)


@contextlib.contextmanager
def global_stream_untouched() -> Iterator[None]:
    """Run a block without moving the global seed's stream (augmenters it builds still get seeds).

    Loading plugins builds augmenters (class examples, module-level instances); without
    this, ``augkit.seed(5)`` followed by the first use of the registry would give other
    augmenters than ``augkit.seed(5)`` after it.
    """
    global _global_seedseq
    before = _global_seedseq
    spawned = 0 if before is None else before.n_children_spawned
    try:
        yield
    finally:
        if before is not None and _global_seedseq is before:
            _global_seedseq = np.random.SeedSequence(
                before.entropy, spawn_key=before.spawn_key, pool_size=before.pool_size,
                n_children_spawned=spawned)


def new_seedseq() -> np.random.SeedSequence:
    """Return a fresh sequence: spawned from the global seed, or from OS entropy."""
    if _global_seedseq is None:
        return np.random.SeedSequence()
    return _global_seedseq.spawn(1)[0]


def to_seedseq(value: SeedLike, *, name: str = "seed") -> np.random.SeedSequence:
    """Turn a user's ``seed=`` value into a SeedSequence.

    Accepts None (see :func:`new_seedseq`), a non-negative int, a SeedSequence, or
    something that draws numbers: a numpy Generator, BitGenerator or legacy
    RandomState, or an imgaug-style :class:`RNG` (a seed is drawn from it, advancing
    it, as imgaug's augmenters advance the RNG they are given).

    Examples
    --------
    >>> to_seedseq(RNG(1)).entropy == to_seedseq(RNG(1)).entropy
    True
    """
    if value is None:
        return new_seedseq()
    if isinstance(value, np.random.SeedSequence):
        return value
    if isinstance(value, RNG):
        value = value.generator
    elif isinstance(value, np.random.BitGenerator):
        value = np.random.Generator(value)
    elif isinstance(value, np.random.RandomState):
        return np.random.SeedSequence(int(value.randint(0, 2**63, dtype=np.int64)))
    if isinstance(value, np.random.Generator):
        return np.random.SeedSequence(int(value.integers(0, 2**63)))
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool) and value >= 0:
        return np.random.SeedSequence(int(value))
    raise ParameterTypeError(
        f"{name}: expected None, a non-negative int, a numpy SeedSequence, Generator, "
        f"BitGenerator or RandomState, or an augkit.random.RNG, got {describe(value)}"
    )


def child_seedseq(parent: np.random.SeedSequence, *path: int) -> np.random.SeedSequence:
    """Return the sequence of the child at *path* below *parent* (stable by position)."""
    return np.random.SeedSequence(parent.entropy, spawn_key=tuple(parent.spawn_key) + path)


def generator(seedseq: np.random.SeedSequence) -> np.random.Generator:
    """Return a PCG64 generator for *seedseq*, offset for the current worker if any."""
    key = worker_key()
    if key is not None:
        seedseq = child_seedseq(seedseq, _WORKER_TAG, *key)
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


def set_worker_index(index: int | None, *, salt: tuple[int, ...] = ()) -> None:
    """Declare that this process is worker *index* (called by pool initialisers).

    Augmenters re-derive their streams from their seed, *salt* and this index the next
    time they are called in this process. A declared index takes precedence over the
    rules of :func:`worker_key`; None withdraws it.

    Parameters
    ----------
    index : int or None
        The worker's index in its pool.
    salt : tuple of int, optional
        What tells this start of the pool from the others (augkit's pools pass their
        launch number), so that a pool started again draws fresh values.

    Examples
    --------
    >>> set_worker_index(3)
    >>> worker_key()
    (3,)
    >>> set_worker_index(None)
    """
    global _declared_key, _worker_index
    _worker_index = None if index is None else int(index)
    _declared_key = None if index is None else (*salt, int(index))


_worker_index: int | None = None  # the declared index, as pools report it
_declared_key: tuple[int, ...] | None = None
_pid = os.getpid()
_forks_made = 0  # forks this process made: the next child's number
_fork_path: tuple[int, ...] = ()  # this process's fork numbers, from the first process down
_process_key: tuple[object, int, tuple[int, ...] | None] = (None, -1, None)  # cache
_TORCH_TAG = 0x7043_0000  # key prefix of PyTorch DataLoader workers
_PROCESS_TAG = 0x9C0C_0000  # key prefix of other child processes


def _before_fork() -> None:
    global _forks_made
    _forks_made += 1


def _after_fork_in_child() -> None:
    global _pid, _fork_path, _forks_made, _declared_key, _worker_index
    _pid = os.getpid()
    _fork_path = (*_fork_path, _forks_made)
    _forks_made = 0
    _declared_key = _worker_index = None  # a worker's child is not that worker


if hasattr(os, "register_at_fork"):  # not on platforms without fork
    os.register_at_fork(before=_before_fork, after_in_child=_after_fork_in_child)


def worker_key() -> tuple[int, ...] | None:
    """What tells this process's streams from those of every other process.

    An augmenter created in one process and called in another (a forked or spawned
    worker, a PyTorch DataLoader worker) draws from its seed and this key. The first
    rule that applies gives it:

    1. an index declared with :func:`set_worker_index` (augkit's pools);
    2. in a PyTorch DataLoader worker (only if torch is already imported: augkit never
       imports it), the worker's ``get_worker_info().seed``, which torch draws anew
       from its own generator every time it starts workers: each epoch gets fresh
       values, and ``torch.manual_seed`` reproduces them;
    3. in any other child process, its place in the process tree: the numbers that
       :mod:`multiprocessing` gives the processes it starts and the number of each fork
       since the first process. A new pool gets new numbers (fresh values for each
       start) and the same program gets the same numbers (a seeded augmenter
       reproduces its run).

    Returns
    -------
    tuple of int or None
        None in the first process (no offset: the augmenter's own stream).

    Examples
    --------
    >>> worker_key() is None  # this process started no worker
    True
    """
    if _declared_key is not None:
        return _declared_key
    if "torch" in sys.modules:
        torch_seed = _torch_worker_seed()
        if torch_seed is not None:
            return (_TORCH_TAG, torch_seed)
    global _process_key
    # multiprocessing numbers a child once it is bootstrapped (a spawned child imports
    # the main module before that): the cache holds for one process object and pid.
    process = multiprocessing.current_process()
    if _process_key[0] is not process or _process_key[1] != _pid:
        tree = (*process._identity, _PROCESS_TAG, *_fork_path)
        _process_key = (process, _pid, None if tree == (_PROCESS_TAG,) else tree)
    return _process_key[2]


def process_token() -> tuple[int, tuple[int, ...] | None]:
    """Identify the current process and its worker key, to detect a change since seeding.

    Examples
    --------
    >>> import os
    >>> process_token()[0] == os.getpid()
    True
    """
    return _pid, worker_key()


def _torch_worker_seed() -> int | None:
    try:
        from torch.utils.data import get_worker_info
    except ImportError:  # pragma: no cover - torch without its data module
        return None
    info = get_worker_info()
    return None if info is None else int(info.seed)


# imgaug's RNG API (``import augkit.random as iarandom; iarandom.RNG(1)``), defined in
# augkit.rng. Its ``seed`` is not re-exported: :func:`seed` above seeds both.
from augkit.rng import (  # noqa: E402, F401
    BIT_GENERATOR,
    RNG,
    SEED_MAX_VALUE,
    SEED_MIN_VALUE,
    advance_generator_,
    convert_seed_sequence_to_generator,
    convert_seed_to_generator,
    copy_generator,
    copy_generator_unless_global_generator,
    create_fully_random_generator,
    create_pseudo_random_generator_,
    derive_generator_,
    derive_generators_,
    generate_seed_,
    generate_seeds_,
    get_generator_state,
    get_global_rng,
    is_generator_equal_to,
    normalize_generator,
    normalize_generator_,
    polyfill_integers,
    polyfill_random,
    reset_generator_cache_,
    set_generator_state_,
    supports_new_numpy_rng_style,
    temporary_numpy_seed,
)
from augkit.rng import seed as _seed_global_rng  # noqa: E402


def __getattr__(name: str) -> Any:
    if name == "GLOBAL_RNG":  # imgaug's module attribute: None until first use
        from augkit import rng

        return rng.GLOBAL_RNG
    raise AttributeError(f"module 'augkit.random' has no attribute {name!r}")
