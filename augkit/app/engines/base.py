"""What an engine is to ``augkit augment``: workers that run the job's tasks.

An engine has the interface of :class:`augkit.multicore.WorkerPool` that the job uses
(``start``, ``map_tasks(func, tasks, ordered=False)`` streaming results as tasks finish,
``terminate``, ``with`` support, ``processes``), so the job runs the same way on every
engine: the same per-image function (:func:`augkit.app.job.tasks.run_in_worker`), the
same journal, progress and summary. A distributed engine (:class:`RemoteEngine`) sends
the worker setup (the seeded pipeline) once per worker and the first argument of the
tasks (the dataset view) once per run, and keeps a few tasks per worker in flight.

Each task writes its files itself, each through a temporary name renamed into place,
so a task the engine retries after a lost worker never leaves a partial file; the job
removes the temporary files of killed tasks at the end.
"""

from __future__ import annotations

import hashlib
import importlib
import pickle
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar

from augkit.errors import AugkitError
from augkit.multicore import WorkerDiedError


class EngineError(AugkitError):
    """An engine cannot start: unknown name, a package not installed, a bad address."""


def require(module: str, engine: str, extra: str) -> Any:
    """Import *module* for *engine*, or raise an :class:`EngineError` naming the install.

    Examples
    --------
    >>> require("json", "demo", "demo").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise EngineError(f"--engine {engine}: needs the {module} package; install it with "
                          f"pip install augkit[{extra}]") from None


_READY: str | None = None


def call_with_setup(key: str, setup: Any, func: Callable[..., Any], first: Any,
                    chunk: list[tuple]) -> list[Any]:
    """Run ``func(first, *rest)`` for each *rest* of *chunk* in a worker; the results.

    The worker is set up first, once per worker process and *key*.

    The setup is what :class:`~augkit.multicore.WorkerPool` gives its initializer:
    :func:`augkit.app.job.tasks.init_worker` is called with it; OpenCV runs on one
    thread, as in the local pool's workers.
    """
    global _READY
    if _READY != key:
        import cv2

        from augkit.app.job.tasks import init_worker

        cv2.setNumThreads(1)
        init_worker(setup)
        _READY = key
    return [func(first, *rest) for rest in chunk]


class RemoteEngine(ABC):
    """Base of the distributed engines: a client of a cluster and its task stream.

    Subclasses connect (:meth:`_connect`), and wrap the cluster's futures
    (:meth:`_put`, :meth:`_submit`, :meth:`_first_done`, :meth:`_result`,
    :meth:`_cancel`, :meth:`_shutdown`).

    Parameters
    ----------
    processes : int
        Workers to start for a local cluster (a remote cluster has its own).
    setup : WorkerSetup
        What every worker needs (the seeded pipeline, the output folder).
    target : str or None
        Where the cluster is (``--scheduler`` / ``--address``); None or ``local``
        starts one on this machine.
    """

    #: The ``--engine`` value.
    name: ClassVar[str] = ""
    #: The pip extra that installs it (``augkit[extra]``).
    extra: ClassVar[str] = ""
    #: Times a task is retried after its worker was lost.
    retries: ClassVar[int] = 2
    #: Cluster tasks submitted and not yet collected, per worker.
    in_flight_per_worker: ClassVar[int] = 3
    #: The most job tasks (images) one cluster task runs: a cluster's round trip costs
    #: milliseconds, an image's task often less. Chunks start at one image and grow
    #: with the run, so that a small job still spreads over every worker.
    max_chunk: ClassVar[int] = 8

    def __init__(self, processes: int, setup: Any, target: str | None = None) -> None:
        self.processes = processes
        self.target = target
        self._setup = setup
        self._key = hashlib.sha256(pickle.dumps(setup)).hexdigest()
        self._setup_ref: Any = None
        self._shared: tuple[Any, Any] | None = None
        self._started = False

    # ------------------------------------------------------------ the pool's interface
    def start(self) -> RemoteEngine:
        """Connect to (or start) the cluster and send it the worker setup."""
        if not self._started:
            self._connect()
            self._setup_ref = self._put(self._setup, broadcast=True)
            self._started = True
        return self

    def map_tasks(self, func: Callable[..., Any], tasks: Iterable[tuple], *,
                  ordered: bool = False) -> RemoteStream:
        """Run ``func(*task)`` for each task on the cluster; results as tasks finish."""
        self.start()
        return RemoteStream(self, func, tasks,
                            in_flight=self.in_flight_per_worker * max(self.processes, 1))

    def close(self) -> None:
        """Disconnect; stop a cluster this engine started."""
        if self._started:
            self._started = False
            self._shutdown()

    def join(self) -> None:
        """Make sure the engine is closed (the pool interface's close-then-join)."""
        self.close()

    def terminate(self) -> None:
        """Stop at once (tasks still running are abandoned), as :meth:`close`."""
        self.close()

    def __enter__(self) -> RemoteEngine:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ------------------------------------------------------------ used by the stream
    def submit(self, func: Callable[..., Any], first: Any, chunk: list[tuple]) -> Any:
        """Submit ``func(first, *rest)`` for each *rest* of *chunk* as one cluster task.

        *first* (the dataset view) is sent once while it stays the same object.
        """
        if self._shared is None or self._shared[0] is not first:
            self._shared = (first, self._put(first, broadcast=False))
        return self._submit(call_with_setup, self._key, self._setup_ref, func,
                            self._shared[1], chunk)

    # ------------------------------------------------------------ the cluster's side
    @abstractmethod
    def _connect(self) -> None:
        """Start a local cluster or connect to :attr:`target`; set :attr:`processes`."""

    @abstractmethod
    def _put(self, value: Any, broadcast: bool) -> Any:
        """Store *value* on the cluster (on every worker when *broadcast*); its reference."""

    @abstractmethod
    def _submit(self, func: Callable[..., Any], *args: Any) -> Any:
        """Submit ``func(*args)`` with the engine's retries; its future."""

    @abstractmethod
    def _first_done(self, futures: list[Any]) -> Any:
        """Wait until one of *futures* is done; return it."""

    @abstractmethod
    def _result(self, future: Any) -> Any:
        """The result of a done *future* (a lost worker: :func:`worker_lost`)."""

    @abstractmethod
    def _cancel(self, future: Any) -> bool:
        """Cancel *future* if it has not started; whether it was."""

    @abstractmethod
    def _shutdown(self) -> None:
        """Disconnect, and stop the cluster if this engine started it."""


class RemoteStream:
    """The results of :meth:`RemoteEngine.map_tasks`, like :class:`augkit.multicore.TaskStream`.

    Tasks with the same first argument go to the cluster in chunks (see
    :attr:`RemoteEngine.max_chunk`); at most *in_flight* chunks are submitted and not
    yet yielded; results come in the order chunks finish, one task's at a time. A
    chunk whose workers kept dying (after the engine's retries) raises
    :class:`~augkit.multicore.WorkerDiedError`.
    """

    def __init__(self, engine: RemoteEngine, func: Callable[..., Any], tasks: Iterable[tuple],
                 in_flight: int) -> None:
        self._engine = engine
        self._func = func
        self._tasks: Iterator[tuple] = iter(tasks)
        self._limit = in_flight
        self._pending: deque[Any] = deque()
        self._ready: deque[Any] = deque()
        self._feeding = True
        self._submitted = 0
        self._workers = max(engine.processes, 1)
        self._next: tuple | None = None

    @property
    def in_flight(self) -> int:
        """The number of cluster tasks (chunks) submitted and not yet collected."""
        return len(self._pending)

    def stop(self) -> None:
        """Submit no more tasks; those already submitted are still yielded."""
        self._feeding = False

    def cancel(self) -> None:
        """Submit no more tasks and cancel those the engine can still cancel."""
        self._feeding = False
        self._pending = deque(f for f in self._pending if not self._engine._cancel(f))

    def __iter__(self) -> RemoteStream:
        return self

    def __next__(self) -> Any:
        if self._ready:
            return self._ready.popleft()
        while self._feeding and len(self._pending) < self._limit:
            self._submit_chunk()
        if not self._pending:
            raise StopIteration
        future = self._engine._first_done(list(self._pending))
        self._pending.remove(future)
        self._ready.extend(self._engine._result(future))
        return self.__next__()

    def _submit_chunk(self) -> None:
        size = min(self._engine.max_chunk, 1 + self._submitted // (4 * self._workers))
        first, chunk = None, []
        while len(chunk) < size:
            args = self._next if self._next is not None else next(self._tasks, None)
            self._next = None
            if args is None:
                self._feeding = False
                break
            if chunk and args[0] is not first:
                self._next = tuple(args)  # a new first argument starts the next chunk
                break
            first = args[0]
            chunk.append(tuple(args[1:]))
        if chunk:
            self._submitted += len(chunk)
            self._pending.append(self._engine.submit(self._func, first, chunk))


def worker_lost(engine: str, exc: BaseException) -> WorkerDiedError:
    """The error of a task whose workers died more often than the engine retries."""
    return WorkerDiedError(f"--engine {engine}: a task's worker died (after the engine's "
                           f"retries): {type(exc).__name__}: {exc}")


__all__ = ["EngineError", "RemoteEngine", "RemoteStream", "call_with_setup", "require",
           "worker_lost"]
