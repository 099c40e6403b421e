"""Augmenting on several CPU cores: Pool, augment_batches, BatchLoader, BackgroundAugmenter.

Design
------
* One worker-pool implementation, :class:`WorkerPool`, runs every function augkit sends
  to other processes: :class:`Pool` (batches through an augmenter) is built on it, and
  so is ``augkit augment`` (images read, augmented and written by the workers).
  :meth:`WorkerPool.map_tasks` streams tasks through it with a bound on the tasks in
  flight.
* Workers are a :class:`concurrent.futures.ProcessPoolExecutor`: an exception in a
  worker reaches the caller with the worker's traceback (as ``__cause__``), and a
  worker that dies (SIGKILL, out of memory) raises :class:`WorkerDiedError` instead of
  hanging, as a plain ``multiprocessing.Pool`` would.
* Everything is bounded: at most ``output_buffer_size`` batches are in flight in a
  Pool (``in_flight`` tasks in :meth:`WorkerPool.map_tasks`), and the queues of
  :class:`BatchLoader` and :class:`BackgroundAugmenter` have a maximum size, so an
  endless loader keeps memory flat.
* Workers ignore Ctrl-C (the caller handles it and terminates them), watch their
  parent and exit when it is gone, and :meth:`WorkerPool.terminate` kills and reaps
  them: no orphans.
* Only the inputs travel to the workers and only the results come back; a batch's
  ``data`` never leaves the calling process.
* Workers run OpenCV on one thread (the pool is the parallelism: two OpenCV threads
  per worker on busy cores wait on each other and halve throughput). Forked workers
  (the default on Linux) are all started when the pool starts, while the calling
  process is briefly set to one OpenCV thread, because resizing OpenCV's thread pool
  inside a forked child deadlocks; spawned workers (``maxtasksperchild``) set it
  themselves.
* Workers keep freed memory in their heap (glibc's ``mallopt``): the image buffers a
  task allocates and frees are reused by the next task instead of being page-faulted
  in again.

Randomness
----------
Each worker calls ``augkit.random.set_worker_index(i, salt=(n,))`` in its
initializer, with ``i`` a counter shared by the pool (a replacement worker under
``maxtasksperchild`` takes the next free index, never a used one) and ``n`` the number
of pools this process started before: a pool started again draws fresh values for
unkeyed calls, and a seeded program repeats them. The pool then reseeds its copy of the
augmenter with ``seed_(S)``, where ``S`` is the pool's *seed* or, without one, a value
drawn once from the augmenter's own stream in the calling process. Batch number
``n`` of the pool (counted over all calls of that pool) is augmented with keyed
sampling, ``key=(n,)``: its result depends on ``S`` and ``n`` only, never on which
worker ran it, how many workers there are or in which order they finish. So a pool
with a seed reproduces its output exactly, every batch gets distinct random values,
and an augmenter with its own seed gives reproducible pools too. A deterministic
augmenter (``to_deterministic()``) is neither reseeded nor keyed: it applies the same
values to every batch, as it does in the calling process.

Examples
--------
>>> import numpy as np, augkit
>>> aug = augkit.get("Fliplr", p=1.0)
>>> batches = [np.zeros((2, 4, 4, 3), np.uint8) for _ in range(3)]
>>> [b.shape for b in aug.augment_batches(batches)]  # in this process
[(2, 4, 4, 3), (2, 4, 4, 3), (2, 4, 4, 3)]
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import pickle
import queue as queue_module
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import Self

from augkit import random as ak_random
from augkit.augmenter import Augmenter
from augkit.batches import Batch, augment_batch, from_batch, iter_batches, to_batch
from augkit.errors import AugkitError, ParameterError, ParameterTypeError, describe

__all__ = ["BackgroundAugmenter", "BatchLoader", "LoaderError", "Pool", "TaskStream",
           "WorkerDiedError", "WorkerPool", "WorkerTaskError", "augment_batches"]


class WorkerDiedError(AugkitError, BrokenProcessPool):
    """A worker process died while running a task (killed, out of memory, crashed)."""


class WorkerTaskError(AugkitError, RuntimeError):
    """A task failed in a worker with an exception that cannot travel back as itself.

    An exception whose class pickle cannot rebuild (an ``__init__`` with other
    arguments than its message, say) would otherwise look like a dead worker; it comes
    back as this error instead, carrying the original type's name and message, with
    the worker's traceback as ``__cause__``.
    """


class LoaderError(AugkitError, RuntimeError):
    """The batch loading function of a :class:`BatchLoader` failed or its worker died."""


# ---------------------------------------------------------------------------
# worker side
# ---------------------------------------------------------------------------


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent_pid:
            os._exit(1)


def _keep_freed_memory() -> None:
    """Let glibc's malloc reuse freed image buffers instead of returning them at once.

    A worker allocates and frees several 1-3 MB arrays per image. With glibc's defaults
    they are mmapped or trimmed off the heap top when freed and page-faulted in again
    for the next image (twice the page faults, ~10% of a worker's time at 512x512).
    Raising the mmap and trim thresholds keeps them in the heap for reuse; the peak
    memory stays what the largest image needs. A no-op where glibc is absent.
    """
    import ctypes

    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL(None)  # the process's own symbols: libc's, without a search
        m_trim_threshold, m_mmap_threshold = -1, -3
        libc.mallopt(m_mmap_threshold, 32 << 20)
        libc.mallopt(m_trim_threshold, 64 << 20)


def _call_portably(func: Callable[..., Any], *args: Any) -> Any:
    """Run ``func(*args)`` in a worker; an exception pickle cannot rebuild becomes text.

    The replacement is raised outside the ``except`` block, so that it carries no
    ``__context__`` either: reducers that pickle the exception chain (tblib, which
    dask installs) would otherwise meet the unpicklable exception again.
    """
    try:
        return func(*args)
    except Exception as exc:
        if _round_trips(exc):
            raise
        name = f"{type(exc).__module__}.{type(exc).__qualname__}"
        error = WorkerTaskError(f"{name}: {exc}")
        cause = _WorkerTraceback("".join(traceback.format_exception(exc)))
    raise error from cause


def _round_trips(exc: BaseException) -> bool:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 -- any failure to round-trip means no
        return False
    return True


class _WorkerTraceback(Exception):
    """The text of a worker's traceback, as a picklable cause of :class:`WorkerTaskError`."""


def _start_worker(counter: Any, launch: int, parent_pid: int, start_method: str,
                  initializer: Callable[..., Any] | None, initargs: tuple) -> None:
    """Set up a worker of a :class:`WorkerPool`, then run the pool's own initializer."""
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with counter.get_lock():
        index = int(counter.value)
        counter.value = index + 1
    ak_random.set_worker_index(index, salt=(launch,))
    _keep_freed_memory()
    if "cv2" in sys.modules and start_method != "fork":
        # One OpenCV thread per worker: the pool is the parallelism. (Never after a
        # fork: resizing OpenCV's inherited thread pool deadlocks in the child.)
        sys.modules["cv2"].setNumThreads(1)
    if initializer is not None:
        initializer(*initargs)


_launches = itertools.count()  # WorkerPool starts in this process: fresh streams for each


def _worker_index_and_pid(_: Any = None) -> tuple[int | None, int]:
    return ak_random._worker_index, os.getpid()


_worker_aug: Augmenter | None = None
_worker_keyed = False


def _init_augmenter(aug: Augmenter, entropy: int | None, keyed: bool) -> None:
    """The initializer of a :class:`Pool`'s workers: reseed and keep the augmenter."""
    global _worker_aug, _worker_keyed
    if entropy is not None:
        aug.seed_(entropy)
    _worker_aug = aug
    _worker_keyed = keyed


def _augment_chunk(tasks: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, dict[str, Any]]]:
    aug = _worker_aug
    out = []
    for index, columns in tasks:
        if not columns:
            out.append((index, {}))
            continue
        key = (index,) if _worker_keyed else None
        out.append((index, aug.augment(return_batch=True, key=key, **columns)))
    return out


# ---------------------------------------------------------------------------
# WorkerPool: the worker processes every pool of augkit runs on
# ---------------------------------------------------------------------------


@contextlib.contextmanager
def _opencv_threads(count: int) -> Iterator[None]:
    """Set OpenCV's thread count in this process for the block, if OpenCV is loaded."""
    cv2 = sys.modules.get("cv2")
    if cv2 is None:
        yield
        return
    previous = cv2.getNumThreads()
    cv2.setNumThreads(count)
    try:
        yield
    finally:
        cv2.setNumThreads(previous)


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore SIGINT for the block (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None
                      else signal.default_int_handler)


def _resolve_processes(processes: Any) -> int:
    cpus = os.cpu_count() or 1
    if processes is None:
        return cpus
    if isinstance(processes, bool) or not isinstance(processes, int) or processes == 0:
        raise ParameterError(
            f"processes: expected None (all cores), a positive int, or a negative int "
            f"(all cores but that many), got {describe(processes)}")
    return processes if processes > 0 else max(1, cpus + processes)


def _check_positive(label: str, value: Any, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        accepted = "None or a positive int" if optional else "a positive int"
        raise ParameterError(f"{label}: expected {accepted}, got {describe(value)}")


class _ClosingOnExit:
    """``with`` support of the pools: close and join on success, terminate on error."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
            self.join()
        else:
            self.terminate()


class WorkerPool(_ClosingOnExit):
    """Worker processes that run functions on tasks: what :class:`Pool` and ``augkit
    augment`` run on.

    Every worker, whatever it runs, ignores Ctrl-C (the caller decides when to stop),
    exits when its parent process is gone, runs OpenCV on one thread, keeps freed
    memory in its heap for the next task, and has its own ``augkit.random`` worker
    index (:func:`augkit.random.set_worker_index`; a replacement worker takes the next
    free index). A worker that dies (killed, out of memory, crashed in native code)
    makes the waiting call raise :class:`WorkerDiedError` instead of hanging.

    Parameters
    ----------
    processes : int
        Number of worker processes.
    initializer : callable, optional
        Run in each worker as ``initializer(*initargs)``, after the setup above: what
        the tasks need that is the same for all of them (sent once per worker).
    initargs : tuple, optional
        Its arguments.
    maxtasksperchild : int or None, optional
        Replace a worker after this many tasks (uses the ``spawn`` start method,
        which Python requires for it).

    Examples
    --------
    >>> import operator
    >>> with WorkerPool(2) as workers:  # doctest: +SKIP
    ...     sorted(workers.map_tasks(operator.mul, [(2, 3), (4, 5)], ordered=False))
    [6, 20]
    """

    def __init__(self, processes: int, *, initializer: Callable[..., Any] | None = None,
                 initargs: tuple = (), maxtasksperchild: int | None = None) -> None:
        _check_positive("processes", processes)
        _check_positive("maxtasksperchild", maxtasksperchild, optional=True)
        if initializer is not None and not callable(initializer):
            raise ParameterTypeError(f"initializer: expected a callable or None, "
                                     f"got {describe(initializer)}")
        self.processes = processes
        self.maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = tuple(initargs)
        self._executor: ProcessPoolExecutor | None = None
        # The executor's table of worker processes (pid -> Process), kept because the
        # executor forgets it at shutdown, before its workers are reaped.
        self._processes: dict[int, Any] = {}
        self._reaper: threading.Thread | None = None
        self._closed = False

    def start(self) -> WorkerPool:
        """Start every worker now (if not yet started) and wait until each runs.

        Tasks start them too; call this to have them running before the work is
        prepared (a forked worker then does not inherit what the parent reads next).

        Returns
        -------
        WorkerPool
            This pool.

        Raises
        ------
        WorkerDiedError
            A worker died while starting (its initializer raised, or it was killed).
        """
        self._running()
        return self

    def _running(self) -> ProcessPoolExecutor:
        if self._closed:
            raise ValueError("the worker pool is closed or terminated; create a new one")
        if self._executor is None:
            self._executor = self._launch()
        return self._executor

    def _launch(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context(
            "spawn" if self.maxtasksperchild is not None else None)
        method = context.get_start_method()
        options: dict[str, Any] = {
            "max_workers": self.processes, "mp_context": context,
            "initializer": _start_worker,
            "initargs": (context.Value("q", 0), next(_launches), os.getpid(), method,
                         self._initializer, self._initargs),
        }
        if self.maxtasksperchild is not None:
            options["max_tasks_per_child"] = self.maxtasksperchild
        executor = ProcessPoolExecutor(**options)
        self._processes = executor._processes
        # A forked worker must not resize OpenCV's inherited thread pool (that
        # deadlocks), yet it should run OpenCV on one thread. So every worker is started
        # now, while this process is set to one thread; and with Ctrl-C ignored, so that
        # a Ctrl-C during their start-up cannot kill them before they ignore it.
        opencv = _opencv_threads(1) if method == "fork" else contextlib.nullcontext()
        try:
            with opencv, _sigint_ignored():
                ready = [executor.submit(_worker_index_and_pid) for _ in range(self.processes)]
            for future in ready:
                future.result()
            # The executor's own thread reaps workers as they exit at shutdown; join()
            # waits for it (shutdown(wait=True) does not, after shutdown(wait=False)).
            self._reaper = executor._executor_manager_thread
        except BaseException as exc:
            executor.shutdown(wait=False, cancel_futures=True)
            if isinstance(exc, BrokenProcessPool):
                raise WorkerDiedError("augkit's worker processes failed to start") from exc
            raise
        return executor

    def submit(self, func: Callable[..., Any], /, *args: Any) -> Future:
        """Run ``func(*args)`` in a worker; return its :class:`~concurrent.futures.Future`.

        *func* and *args* must be picklable. Prefer :meth:`map_tasks`, which bounds the
        tasks in flight and turns a worker's death into :class:`WorkerDiedError`.
        """
        try:
            return self._running().submit(_call_portably, func, *args)
        except BrokenProcessPool as exc:
            raise WorkerDiedError(_DIED) from exc

    def map_tasks(self, func: Callable[..., Any], tasks: Iterable[tuple], *,
                  ordered: bool = True, in_flight: int | None = None,
                  timeout: float | None = None) -> TaskStream:
        """Run ``func(*task)`` for every task; return the results as a :class:`TaskStream`.

        Parameters
        ----------
        func : callable
            A picklable function (module level).
        tasks : iterable of tuple
            The arguments of each call; read lazily (a generator, even an endless one).
        ordered : bool, optional
            Yield the results in task order (default), or each as soon as it is done.
        in_flight : int or None, optional
            At most this many tasks submitted and not yet yielded (default: two per
            worker): memory stays flat whatever the number of tasks.
        timeout : float or None, optional
            Seconds to wait for each result (``TimeoutError``).

        Returns
        -------
        TaskStream
            An iterator over the results.
        """
        _check_positive("in_flight", in_flight, optional=True)
        return TaskStream(self, func, tasks, ordered=ordered,
                          in_flight=in_flight or 2 * self.processes, timeout=timeout)

    def pids(self) -> list[int]:
        """Return the process ids of the workers (empty before they start)."""
        return list(self._processes)

    def close(self) -> None:
        """Accept no more tasks; running ones finish (see :meth:`join`)."""
        self._closed = True
        if self._executor is not None:
            self._executor.shutdown(wait=False)

    def join(self) -> None:
        """Wait for the workers to exit (after :meth:`close` or :meth:`terminate`)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            if self._reaper is not None:
                self._reaper.join()
            for process in list(self._processes.values()):
                process.join()

    def terminate(self) -> None:
        """Stop at once: cancel pending tasks, kill and reap every worker."""
        self._closed = True
        executor = self._executor
        if executor is None:
            return
        processes = list(self._processes.values())
        # Kill first, then let the executor's own thread notice and clean up: shutting
        # down first races its queue thread against the dying workers' pipes.
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)
        executor.shutdown(wait=True, cancel_futures=True)



_DIED = ("a worker process died unexpectedly (killed by a signal, out of memory, or "
         "crashed in native code)")


class TaskStream:
    """The results of :meth:`WorkerPool.map_tasks`, an iterator; tasks are sent as it is read.

    At most ``in_flight`` tasks are submitted and not yet yielded. A task's exception
    is raised when its result is due (with the worker's traceback as ``__cause__``), a
    worker's death as :class:`WorkerDiedError`; an exception raised by the *tasks*
    iterable itself is raised after the tasks already submitted have been yielded.

    The stream survives an exception raised while it waits, such as a Ctrl-C: call
    :meth:`cancel`, then read on to collect the tasks that were already running.
    """

    def __init__(self, pool: WorkerPool, func: Callable[..., Any], tasks: Iterable[tuple], *,
                 ordered: bool, in_flight: int, timeout: float | None) -> None:
        self._pool = pool
        self._func = func
        self._tasks = iter(tasks)
        self._ordered = ordered
        self._limit = in_flight
        self._timeout = timeout
        self._pending: deque[Future] = deque()
        self._feeding = True
        self._tasks_error: Exception | None = None

    @property
    def in_flight(self) -> int:
        """The number of tasks submitted and not yet yielded."""
        return len(self._pending)

    def stop(self) -> None:
        """Submit no more tasks; those already submitted are still yielded."""
        self._feeding = False

    def cancel(self) -> None:
        """Submit no more tasks and cancel those not yet started; running ones are yielded."""
        self._feeding = False
        self._pending = deque(future for future in self._pending if not future.cancel())

    def __iter__(self) -> TaskStream:
        return self

    def __next__(self) -> Any:
        self._fill()
        if not self._pending:
            if self._tasks_error is not None:
                error, self._tasks_error = self._tasks_error, None
                raise error
            raise StopIteration
        if self._ordered:
            future = self._pending[0]
        else:
            done, _ = wait(self._pending, timeout=self._timeout, return_when=FIRST_COMPLETED)
            if not done:
                raise TimeoutError(f"no task finished within {self._timeout} s")
            future = next(f for f in self._pending if f in done)
        try:
            return future.result(timeout=self._timeout)
        except BrokenProcessPool as exc:
            raise WorkerDiedError(_DIED) from exc
        finally:
            if future.done():
                self._pending.remove(future)

    def _fill(self) -> None:
        while self._feeding and len(self._pending) < self._limit:
            try:
                args = next(self._tasks)
            except StopIteration:
                self._feeding = False
            except Exception as exc:  # the caller's tasks failed: yield the others first
                self._tasks_error, self._feeding = exc, False
            else:
                self._pending.append(self._pool.submit(self._func, *args))


# ---------------------------------------------------------------------------
# Pool
# ---------------------------------------------------------------------------


class Pool(_ClosingOnExit):
    """Augment batches on several worker processes.

    Parameters
    ----------
    augseq : Augmenter
        The augmenter (a copy is sent to each worker).
    processes : int or None, optional
        Number of workers: None for one per core, a negative ``-k`` for all cores
        but ``k`` (at least one).
    maxtasksperchild : int or None, optional
        Replace a worker after this many tasks (uses the ``spawn`` start method,
        which Python requires for it).
    seed : int or None, optional
        Seed of the pool: the same seed gives the same output for the same batches
        (see the module docstring).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = augkit.get("Fliplr", p=0.5)
    >>> with aug.pool(processes=2, seed=1) as pool:  # doctest: +SKIP
    ...     batches_aug = pool.map_batches([augkit.Batch(images=np.zeros((2, 8, 8, 3), np.uint8))])
    """

    def __init__(self, augseq: Augmenter, processes: int | None = None,
                 maxtasksperchild: int | None = None, seed: int | None = None) -> None:
        if not isinstance(augseq, Augmenter):
            raise ParameterTypeError(f"augseq: expected an augmenter, got {describe(augseq)}")
        _check_positive("maxtasksperchild", maxtasksperchild, optional=True)
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
            raise ParameterError(f"seed: expected None or a non-negative int, got {describe(seed)}")
        self.augseq = augseq
        self.processes = _resolve_processes(processes)
        self.maxtasksperchild = maxtasksperchild
        self.seed = seed
        self._workers: WorkerPool | None = None
        self._next_index = 0
        self._closed = False

    # -- the workers ---------------------------------------------------------
    @property
    def pool(self) -> WorkerPool:
        """The worker processes (started on first use)."""
        if self._closed:
            raise ValueError("Pool is closed or terminated; create a new one")
        if self._workers is None:
            self._workers = self._start()
        return self._workers

    def _start(self) -> WorkerPool:
        aug = self.augseq
        keyed = not aug.deterministic
        entropy = self.seed
        if entropy is None and keyed:
            aug._check_process()
            entropy = int(aug._rng.integers(0, 2**63))
        workers = WorkerPool(self.processes, initializer=_init_augmenter,
                             initargs=(aug, entropy, keyed),
                             maxtasksperchild=self.maxtasksperchild)
        return workers.start()

    def _worker_pids(self) -> list[int]:
        return self._workers.pids() if self._workers is not None else []

    # -- mapping -------------------------------------------------------------
    def map_batches(self, batches: Iterable[Any], chunksize: int = 1,
                    timeout: float | None = None) -> list[Any]:
        """Augment every batch; return the results in order (a list).

        Batches are :class:`~augkit.Batch` objects (returned with their ``*_aug``
        slots filled), image arrays or lists (returned augmented, in that form).
        *timeout* bounds the wait for each result (``TimeoutError``).
        """
        return list(self._imap(batches, chunksize, None, True, timeout))

    def imap_batches(self, batches: Iterable[Any], chunksize: int = 1,
                     output_buffer_size: int | None = None) -> Iterator[Any]:
        """Augment batches lazily, in order; at most *output_buffer_size* in flight.

        *batches* may be a generator, even an endless one.
        """
        return self._imap(batches, chunksize, output_buffer_size, True, None)

    def imap_batches_unordered(self, batches: Iterable[Any], chunksize: int = 1,
                               output_buffer_size: int | None = None) -> Iterator[Any]:
        """Like :meth:`imap_batches`, yielding each batch as soon as it is done."""
        return self._imap(batches, chunksize, output_buffer_size, False, None)

    def _imap(self, batches, chunksize, buffer_size, ordered, timeout):
        _check_positive("chunksize", chunksize)
        _check_positive("output_buffer_size", buffer_size, optional=True)
        limit = buffer_size if buffer_size is not None else 2 * self.processes
        max_chunks = max(1, -(-limit // chunksize))
        return self._generate(iter_batches(batches), chunksize, max_chunks, ordered, timeout)

    def _chunks(self, source, chunksize, waiting):
        """Yield the tasks of ``_augment_chunk``; the batches wait in *waiting* by index."""
        while True:
            chunk = list(itertools.islice(source, chunksize))
            if not chunk:
                return
            tasks = []
            for batch, unwrap in chunk:
                waiting[self._next_index] = (batch, unwrap)
                tasks.append((self._next_index, batch.columns))
                self._next_index += 1
            yield (tasks,)

    def _generate(self, source, chunksize, max_chunks, ordered, timeout):
        waiting: dict[int, tuple[Batch, Any]] = {}
        stream = self.pool.map_tasks(_augment_chunk, self._chunks(source, chunksize, waiting),
                                     ordered=ordered, in_flight=max_chunks, timeout=timeout)
        try:
            for results in stream:
                for index, augmented in results:
                    batch, unwrap = waiting.pop(index)
                    batch.set_augmented(augmented)
                    yield from_batch(batch, unwrap)
        except BaseException as exc:
            stream.cancel()
            if isinstance(exc, (KeyboardInterrupt, WorkerDiedError)):
                self.terminate()
            raise

    # -- lifetime ------------------------------------------------------------
    def close(self) -> None:
        """Accept no more batches; running ones finish (see :meth:`join`)."""
        self._closed = True
        if self._workers is not None:
            self._workers.close()

    def join(self) -> None:
        """Wait for the workers to exit (after :meth:`close` or :meth:`terminate`)."""
        if self._workers is not None:
            self._workers.join()

    def terminate(self) -> None:
        """Stop at once: cancel pending batches, kill and reap every worker."""
        self._closed = True
        if self._workers is not None:
            self._workers.terminate()



def augment_batches(aug: Augmenter, batches: Iterable[Any], background: bool = False,
                    hooks: Any = None) -> Iterator[Any]:
    """Augment *batches* one after the other; a generator, order kept.

    With ``background=True`` the batches are augmented by a :class:`Pool` of one
    worker per core (at most two per worker in flight). Each batch is a
    :class:`~augkit.Batch` (returned with ``*_aug`` filled), an image array or a list
    of images or ``...OnImage`` objects (returned augmented, in that form).
    """
    if not background:
        for batch, unwrap in iter_batches(batches):
            yield from_batch(augment_batch(aug, batch, hooks=hooks), unwrap)
        return
    if hooks is not None:
        raise ParameterError("hooks: not supported with background=True (hooks hold "
                             "functions that would have to run in the workers)")
    with Pool(aug) as pool:
        yield from pool.imap_batches(batches)


# ---------------------------------------------------------------------------
# BatchLoader and BackgroundAugmenter (imgaug's classes)
# ---------------------------------------------------------------------------


def _put(q: Any, item: Any, stop: Any) -> bool:
    while not stop.is_set():
        try:
            q.put(item, timeout=0.1)
            return True
        except queue_module.Full:
            continue
    return False


def _load_worker(load_batch_func: Callable, q: Any, stop: Any, index: int,
                 in_process: bool) -> None:
    if in_process:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        for batch in load_batch_func():
            if not _put(q, ("batch", batch), stop):
                break
    except BaseException:
        _put(q, ("error", index, traceback.format_exc()), stop)
    _put(q, ("done", index), stop)
    if in_process and stop.is_set():
        q.cancel_join_thread()


class BatchLoader:
    """Load batches in background threads (or processes) into a bounded queue.

    Parameters
    ----------
    load_batch_func : callable
        Called once per worker; returns an iterable (usually a generator) of
        :class:`~augkit.Batch` objects. An endless generator is fine.
    queue_size : int, optional
        Maximum number of loaded batches waiting in :attr:`queue`.
    nb_workers : int, optional
        Number of loading workers (each calls *load_batch_func*).
    threaded : bool, optional
        Threads (default) or processes (then *load_batch_func* and the batches must
        be picklable).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> def load():
    ...     yield augkit.Batch(images=np.zeros((1, 4, 4, 3), np.uint8), data=0)
    >>> loader = BatchLoader(load)
    >>> loader.get_batch().data, loader.get_batch()
    (0, None)
    >>> loader.terminate()
    """

    def __init__(self, load_batch_func: Callable, queue_size: int = 50, nb_workers: int = 1,
                 threaded: bool = True) -> None:
        if not callable(load_batch_func):
            raise ParameterTypeError(f"load_batch_func: expected a callable, "
                                     f"got {describe(load_batch_func)}")
        for label, value in (("queue_size", queue_size), ("nb_workers", nb_workers)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ParameterError(f"{label}: expected a positive int, got {describe(value)}")
        self.threaded = bool(threaded)
        self.nb_workers = nb_workers
        self._finished = 0
        if self.threaded:
            self.queue: Any = queue_module.Queue(maxsize=queue_size)
            self.join_signal: Any = threading.Event()
            self.workers: list[Any] = [
                threading.Thread(target=_load_worker, daemon=True,
                                 args=(load_batch_func, self.queue, self.join_signal, i, False))
                for i in range(nb_workers)]
        else:
            context = multiprocessing.get_context()
            self.queue = context.Queue(maxsize=queue_size)
            self.join_signal = context.Event()
            self.workers = [
                context.Process(target=_load_worker, daemon=True,
                                args=(load_batch_func, self.queue, self.join_signal, i, True))
                for i in range(nb_workers)]
        for worker in self.workers:
            worker.start()

    def all_finished(self) -> bool:
        """True once every worker has delivered its last batch."""
        return self._finished >= self.nb_workers

    def count_workers_finished(self) -> int:
        """Number of workers that have delivered their last batch."""
        return self._finished

    def get_batch(self, timeout: float | None = None) -> Any:
        """Return the next loaded batch, or None once every worker is done.

        Raises :class:`LoaderError` when *load_batch_func* raised (with its
        traceback) or a loading process died; ``TimeoutError`` after *timeout*
        seconds without a batch.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.all_finished():
            if self.join_signal.is_set():
                return None
            try:
                item = self.queue.get(timeout=0.1)
            except queue_module.Empty:
                self._check_workers()
                if deadline is not None and time.monotonic() > deadline:
                    raise TimeoutError(f"BatchLoader: no batch within {timeout} s") from None
                continue
            if item[0] == "batch":
                return item[1]
            if item[0] == "done":
                self._finished += 1
            elif item[0] == "error":
                raise LoaderError(f"load_batch_func raised in loader worker {item[1]}:\n"
                                  f"{item[2]}")
        return None

    def _check_workers(self) -> None:
        if self.threaded:
            return
        for i, worker in enumerate(self.workers):
            if not worker.is_alive() and worker.exitcode not in (0, None):
                raise LoaderError(f"loader process {i} died (exit code {worker.exitcode}) "
                                  "before finishing")

    def terminate(self) -> None:
        """Stop the workers (threads end at their next batch, processes are killed)."""
        self.join_signal.set()
        if not self.threaded:
            for worker in self.workers:
                if worker.is_alive():
                    worker.terminate()
            for worker in self.workers:
                worker.join(timeout=5)
                if worker.is_alive():
                    worker.kill()
                    worker.join(timeout=5)
        _drain(self.queue)
        if not self.threaded:
            self.queue.cancel_join_thread()
            self.queue.close()
        else:
            for worker in self.workers:
                worker.join(timeout=1)


def _drain(q: Any) -> None:
    while True:
        try:
            q.get_nowait()
        except (queue_module.Empty, OSError, ValueError):
            return


class BackgroundAugmenter:
    """Augment the batches of a :class:`BatchLoader` on worker processes.

    Parameters
    ----------
    batch_loader : BatchLoader
        Where the batches come from.
    augseq : Augmenter
        The augmenter to apply.
    queue_size : int, optional
        Maximum number of augmented batches waiting for :meth:`get_batch`.
    nb_workers : int or "auto", optional
        Worker processes; "auto" means one per core but one (at least one).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> def load():
    ...     yield augkit.Batch(images=np.zeros((1, 4, 4, 3), np.uint8))
    >>> loader = BatchLoader(load)
    >>> bg = BackgroundAugmenter(loader, augkit.get("Fliplr", p=0.5))  # doctest: +SKIP
    >>> bg.get_batch().images_aug.shape  # doctest: +SKIP
    (1, 4, 4, 3)
    """

    def __init__(self, batch_loader: BatchLoader, augseq: Augmenter, queue_size: int = 50,
                 nb_workers: int | str = "auto") -> None:
        if not isinstance(batch_loader, BatchLoader):
            raise ParameterTypeError(f"batch_loader: expected a BatchLoader, "
                                     f"got {describe(batch_loader)}")
        if isinstance(queue_size, bool) or not isinstance(queue_size, int) or queue_size < 1:
            raise ParameterError(f"queue_size: expected a positive int, got {describe(queue_size)}")
        if nb_workers == "auto":
            processes = max(1, (os.cpu_count() or 1) - 1)
        elif isinstance(nb_workers, int) and not isinstance(nb_workers, bool) and nb_workers > 0:
            processes = nb_workers
        else:
            raise ParameterError(f"nb_workers: expected 'auto' or a positive int, "
                                 f"got {describe(nb_workers)}")
        self.batch_loader = batch_loader
        self.augseq = augseq
        self.nb_workers = processes
        self.queue_size = queue_size
        self.queue_result: queue_module.Queue = queue_module.Queue(maxsize=queue_size)
        self._pool = Pool(augseq, processes=processes)
        self._pool.pool  # start the workers here, in the calling thread  # noqa: B018
        self._stop = threading.Event()
        self._finished = False
        self._thread = threading.Thread(target=self._feed, daemon=True)
        self._thread.start()

    def _source(self) -> Iterator[Batch]:
        while not self._stop.is_set():
            try:
                batch = self.batch_loader.get_batch(timeout=0.2)
            except TimeoutError:
                continue
            if batch is None:
                return
            yield batch if isinstance(batch, Batch) else to_batch(batch)[0]

    def _feed(self) -> None:
        try:
            for batch in self._pool.imap_batches(self._source(),
                                                 output_buffer_size=2 * self.nb_workers):
                if not _put(self.queue_result, ("batch", batch), self._stop):
                    return
            _put(self.queue_result, ("end", None), self._stop)
        except BaseException as exc:
            _put(self.queue_result, ("error", exc), self._stop)

    def get_batch(self, timeout: float | None = None) -> Batch | None:
        """Return the next augmented batch, or None when the loader is done.

        Raises what a worker or the loader raised (with its traceback), or
        :class:`WorkerDiedError` when a worker died; ``TimeoutError`` after
        *timeout* seconds without a batch.
        """
        if self._finished:
            return None
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            try:
                tag, value = self.queue_result.get(timeout=0.1)
                break
            except queue_module.Empty:
                if not self._thread.is_alive() and self.queue_result.empty():
                    self._finished = True
                    if self._stop.is_set():
                        return None
                    raise RuntimeError("BackgroundAugmenter: the feeding thread ended "
                                       "without a result") from None
                if deadline is not None and time.monotonic() > deadline:
                    raise TimeoutError(f"BackgroundAugmenter: no batch within {timeout} s") \
                        from None
        if tag == "batch":
            return value
        self._finished = True
        if tag == "error":
            self.terminate()
            raise value
        return None

    def terminate(self) -> None:
        """Stop the feeding thread and kill the workers."""
        self._stop.set()
        self._pool.terminate()
        _drain(self.queue_result)
        self._thread.join(timeout=5)
