"""``--engine dask``: the tasks on a Dask cluster (``pip install augkit[dask]``).

``--scheduler tcp://host:8786`` connects to a running scheduler (its workers must see
``--input`` and ``--output`` at the same paths: shared storage); ``--scheduler local``
(the default) starts a ``distributed.LocalCluster`` of ``--workers`` single-threaded
worker processes for the run. A task whose worker is lost is retried (``retries``)
on another one; it writes through temporary names, so no partial file remains.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from augkit.app.engines.base import EngineError, RemoteEngine, require, worker_lost


class DaskEngine(RemoteEngine):
    """Run the job's tasks on a Dask ``distributed`` cluster."""

    name = "dask"
    extra = "dask"

    def _connect(self) -> None:
        distributed = require("distributed", self.name, self.extra)
        self._cluster = None
        if self.target in (None, "local"):
            self._cluster = distributed.LocalCluster(
                n_workers=self.processes, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR)
            self._client = distributed.Client(self._cluster)
        else:
            try:
                self._client = distributed.Client(self.target, timeout="20s")
            except (OSError, ValueError, TypeError) as exc:
                raise EngineError(f"--scheduler: cannot connect to {self.target}: "
                                  f"{exc}") from None
            threads = sum(self._client.nthreads().values())
            self.processes = max(threads, 1)

    def _put(self, value: Any, broadcast: bool) -> Any:
        return self._client.scatter(value, broadcast=broadcast, hash=False)

    def _submit(self, func: Callable[..., Any], *args: Any) -> Any:
        return self._client.submit(func, *args, pure=False, retries=self.retries)

    def _first_done(self, futures: list[Any]) -> Any:
        from distributed import wait

        done, _ = wait(futures, return_when="FIRST_COMPLETED")
        return next(f for f in futures if f in done)

    def _result(self, future: Any) -> Any:
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker as exc:
            raise worker_lost(self.name, exc) from exc

    def _cancel(self, future: Any) -> bool:
        if future.status != "pending":
            return False
        future.cancel()
        return True

    def _shutdown(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


__all__ = ["DaskEngine"]
