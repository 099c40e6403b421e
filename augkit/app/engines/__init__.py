"""Where ``augkit augment`` runs its tasks: ``--engine local|dask|ray``.

``local`` is the process pool of :class:`augkit.multicore.WorkerPool` (the default);
``dask`` (:mod:`~augkit.app.engines.dask`) and ``ray`` (:mod:`~augkit.app.engines.ray`)
run the same per-image function on a cluster, through the interface described in
:mod:`~augkit.app.engines.base`. Outputs depend only on the seed, the image's path and
the output index, so every engine writes byte-identical files, whatever the number of
workers or machines, and ``--resume`` continues a run made on another engine.

Examples
--------
>>> open_engine("spark", 2, None)
Traceback (most recent call last):
...
augkit.app.engines.base.EngineError: --engine: expected one of local, dask, ray, got 'spark'
"""

from __future__ import annotations

from typing import Any

from augkit.app.engines.base import EngineError, RemoteEngine, require

#: The ``--engine`` values.
ENGINES = ("local", "dask", "ray")


def check_engine(name: str, scheduler: str | None = None, address: str | None = None) -> None:
    """Check ``--engine`` and its options, and that the engine's package is installed.

    Raises
    ------
    EngineError
        An unknown engine, an option of another engine (``--scheduler`` is dask's,
        ``--address`` ray's), or the package is missing (``pip install augkit[dask]``).
    """
    if name not in ENGINES:
        raise EngineError(f"--engine: expected one of {', '.join(ENGINES)}, got {name!r}")
    if scheduler is not None and name != "dask":
        raise EngineError(f"--scheduler is an option of --engine dask, not {name}")
    if address is not None and name != "ray":
        raise EngineError(f"--address is an option of --engine ray, not {name}")
    if name == "dask":
        require("distributed", name, "dask")
    elif name == "ray":
        require("ray", name, "ray")


def open_engine(name: str, processes: int, setup: Any, *, scheduler: str | None = None,
                address: str | None = None) -> RemoteEngine:
    """Return the cluster engine *name* for the worker *setup* (not started yet).

    ``local`` is :class:`augkit.multicore.WorkerPool` with
    :func:`augkit.app.job.tasks.init_worker` as initializer; the job makes it itself.

    Parameters
    ----------
    name : {'dask', 'ray'}
        The engine.
    processes : int
        Worker processes of a cluster started for the run.
    setup : WorkerSetup
        What each worker gets once (the seeded pipeline, the output folder...).
    scheduler : str, optional
        ``--scheduler`` of ``dask``: ``tcp://host:port`` or ``local`` (the default).
    address : str, optional
        ``--address`` of ``ray``: ``auto``, ``ray://host:port`` or ``local`` (the default).

    Returns
    -------
    RemoteEngine
        Use it in a ``with`` block; ``start()`` it.

    Raises
    ------
    EngineError
        See :func:`check_engine`.
    """
    check_engine(name, scheduler, address)
    if name == "dask":
        from augkit.app.engines.dask import DaskEngine

        return DaskEngine(processes, setup, scheduler)
    if name == "ray":
        from augkit.app.engines.ray import RayEngine

        return RayEngine(processes, setup, address)
    raise EngineError("--engine local is the job's own process pool, not a cluster engine")


__all__ = ["ENGINES", "EngineError", "RemoteEngine", "check_engine", "open_engine"]
