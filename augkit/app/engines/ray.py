"""``--engine ray``: the tasks on a Ray cluster (``pip install augkit[ray]``).

``--address auto`` joins the Ray cluster this machine belongs to, ``--address
ray://host:10001`` a remote one through Ray Client (its workers must see ``--input``
and ``--output`` at the same paths: shared storage); without ``--address`` a local Ray
instance of ``--workers`` CPUs is started for the run and stopped after it (unless Ray
was already initialised by the caller, whose instance is then used and left running).
A task whose worker dies is retried (``max_retries``); it writes through temporary
names, so no partial file remains.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from augkit.app.engines.base import (
    EngineError,
    RemoteEngine,
    call_with_setup,
    require,
    worker_lost,
)


class RayEngine(RemoteEngine):
    """Run the job's tasks as Ray tasks."""

    name = "ray"
    extra = "ray"

    def _connect(self) -> None:
        ray = require("ray", self.name, self.extra)
        self._ray = ray
        self._owns = not ray.is_initialized()
        if self._owns:
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                       "logging_level": logging.ERROR}
            try:
                if self.target in (None, "local"):
                    ray.init(num_cpus=self.processes, **options)
                else:
                    ray.init(address=self.target, **options)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise EngineError(f"--address: cannot connect to {self.target}: "
                                  f"{exc}") from None
        if self.target not in (None, "local") or not self._owns:
            self.processes = max(int(ray.cluster_resources().get("CPU", 1)), 1)
        self._remote = ray.remote(num_cpus=1, max_retries=self.retries)(call_with_setup)

    def _put(self, value: Any, broadcast: bool) -> Any:
        return self._ray.put(value)

    def _submit(self, func: Callable[..., Any], *args: Any) -> Any:
        # *func* is always call_with_setup (RemoteEngine.submit), made a Ray task once
        return self._remote.remote(*args)

    def _first_done(self, futures: list[Any]) -> Any:
        (done,), _ = self._ray.wait(futures, num_returns=1)
        return done

    def _result(self, future: Any) -> Any:
        from ray.exceptions import RayTaskError, WorkerCrashedError

        try:
            return self._ray.get(future)
        except RayTaskError as exc:
            cause = exc.as_instanceof_cause()
            raise cause from None
        except WorkerCrashedError as exc:
            raise worker_lost(self.name, exc) from exc

    def _cancel(self, future: Any) -> bool:
        self._ray.cancel(future)
        return True

    def _shutdown(self) -> None:
        if self._owns:
            self._ray.shutdown()


__all__ = ["RayEngine"]
