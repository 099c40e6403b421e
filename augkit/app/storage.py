"""``--input``, ``--annotations`` and ``--output`` as fsspec URLs (``s3://``, ``gs://``, ``memory://``...).

A ``file://`` URL is the local path it names. Any other URL is staged through a local
folder: the input (and the annotations) are copied from the object store before the
run, the output folder is copied from it too when it exists (so ``--resume`` and the
non-empty-folder check see it, the journal included), and the run's output folder is
copied back to the URL when the run ends, finished or not (``--overwrite`` first
removes what was there). The job itself always works on local files, so its outputs
are those of the same run on a local copy, byte for byte.

Staging happens on the machine that runs the command: a cluster engine connected to
remote machines (``--scheduler tcp://...``, ``--address auto|ray://...``) cannot see
that folder, so such a run with an object-store URL is refused; mount the store on every
machine (a shared path) for a multi-machine run. fsspec is needed for URLs (``pip
install fsspec``, also brought by ``augkit[dask]`` and ``augkit[ray]``).

Examples
--------
>>> is_url("s3://bucket/images"), is_url("images/train")
(True, False)
>>> local_path("file:///data/images")
'/data/images'
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

from augkit.errors import AugkitError


class StorageError(AugkitError):
    """A URL cannot be used: fsspec missing, an unknown protocol, a missing input."""


def is_url(value: Any) -> bool:
    """Whether *value* is a URL (``protocol://...``) rather than a local path."""
    return isinstance(value, str) and "://" in value


def local_path(value: Any) -> Any:
    """*value* with a ``file://`` URL turned into its path; anything else unchanged."""
    if isinstance(value, str) and value.startswith("file://"):
        return value[len("file://"):]
    return value


def _filesystem(url: str, option: str) -> tuple[Any, str]:
    try:
        import fsspec
    except ImportError:
        raise StorageError(f"{option}: {url} is a URL; reading URLs needs fsspec: "
                           "pip install fsspec") from None
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise StorageError(f"{option}: cannot open {url}: {exc}") from None


def _download(url: str, target: str, option: str) -> str:
    """Copy the file or folder at *url* below *target*; return the local copy's path."""
    fs, path = _filesystem(url, option)
    if not fs.exists(path):
        raise StorageError(f"{option}: {url} does not exist")
    if fs.isdir(path):
        os.makedirs(target, exist_ok=True)
        fs.get(path.rstrip("/") + "/", target + os.sep, recursive=True)
        return target
    local = os.path.join(target, os.path.basename(path.rstrip("/")))
    os.makedirs(target, exist_ok=True)
    fs.get(path, local)
    return local


def uses_urls(config: Any) -> bool:
    """Whether a :class:`~augkit.app.job.JobConfig` names a URL (``file://`` included)."""
    return any(is_url(getattr(config, name)) for name in ("input", "annotations", "output"))


@contextlib.contextmanager
def staged(config: Any) -> Iterator[tuple[Any, Callable[[], None], Callable[[str], str]]]:
    """Yield ``(local_config, finish, show)``: *config* on local copies of its URLs.

    Call ``finish()`` after the run to copy the output folder back to its URL; ``show``
    turns the local copies' paths in a message back into the URLs. The local copies
    are removed when the block ends.

    Raises
    ------
    StorageError
        fsspec is missing, a URL cannot be opened or does not exist, or a cluster on
        other machines would not see the local copies.
    """
    urls = [v for v in (config.input, config.annotations, config.output)
            if is_url(local_path(v))]
    target = {"dask": config.scheduler, "ray": config.address}.get(config.engine)
    if urls and target not in (None, "local"):
        raise StorageError(f"--engine {config.engine}: the workers of a remote cluster do not "
                           "see this machine's copy of an object-store URL; mount the store "
                           "at the same path on every machine and give that path")
    changes: dict[str, Any] = {}
    names: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="augkit-stage-") as stage:
        for name in ("input", "annotations"):
            value = local_path(getattr(config, name))
            changes[name] = value
            if is_url(value):
                changes[name] = _download(value, os.path.join(stage, name), f"--{name}")
                names[changes[name]] = value
        output = local_path(config.output)
        changes["output"] = output
        store = _filesystem(output, "--output") if is_url(output) else None
        local_out = os.path.join(stage, "output")
        if store is not None:
            fs, out_path = store
            if fs.exists(out_path) and not config.overwrite:
                _download(output, local_out, "--output")
            changes["output"] = local_out
            names[local_out] = output.rstrip("/")

        def finish() -> None:
            """Copy the output folder back to its URL (nothing to do for a local one)."""
            if store is None or not os.path.isdir(local_out):
                return
            fs, out_path = store
            if config.overwrite and fs.exists(out_path):
                fs.rm(out_path, recursive=True)
            fs.put(local_out + os.sep, out_path.rstrip("/"), recursive=True)

        def show(text: str) -> str:
            for local, url in names.items():
                text = text.replace(local, url)
            return text

        yield dataclasses.replace(config, **changes), finish, show
        shutil.rmtree(stage, ignore_errors=True)


__all__ = ["StorageError", "is_url", "local_path", "staged", "uses_urls"]
