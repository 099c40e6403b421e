"""``augkit.augment_dataset``: the ``augkit augment`` job from Python (a notebook, an orchestrator).

Examples
--------
>>> import tempfile, augkit
>>> out = tempfile.mkdtemp() + "/out"
>>> summary = augkit.augment_dataset("light", out, n=1, seed=1, workers=1, log=print)
... # doctest: +ELLIPSIS
augkit augment: done in ... s (1 worker, seed 1, format coco)
...
>>> summary.outputs_written, summary.exit_code
(4, 0)
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from typing import Any

from augkit.errors import ParameterError


def augment_dataset(pipeline: Any, output: str | os.PathLike, input: str | os.PathLike | None
                    = None, *, log: Callable[..., None] | None = None, progress: bool = False,
                    **options: Any) -> Any:
    """Write *n* augmented versions of every image of a dataset; return the run's summary.

    The same job as ``augkit augment`` (see ``augkit augment --help``): the same files
    for the same options, on any engine, resumable.

    Parameters
    ----------
    pipeline : Augmenter or str or path
        An augmenter, a preset name (``light``, ``medium``, ``heavy``) or a pipeline file.
    output : str or path
        The output folder, or an fsspec URL (``s3://bucket/out``, ``memory://...``).
    input : str or path, optional
        The image folder (or URL); default: the bundled sample dataset.
    log : callable, optional
        Called with each message (warnings, the summary); default: printed to stderr.
    progress : bool, optional
        Show the progress bar on stderr (default False).
    **options
        Any other option of the command, by its :class:`~augkit.app.job.JobConfig`
        name: ``n``, ``seed``, ``workers``, ``annotations``, ``format``,
        ``out_of_image``, ``resume``, ``overwrite``, ``strict``, ``max_pixels``,
        ``engine`` (``local``, ``dask``, ``ray``), ``scheduler``, ``address``.

    Returns
    -------
    Summary
        What the run did (``outputs_written``, ``images_failed``, ``files``,
        ``exit_code``...).

    Raises
    ------
    ParameterError
        An option that ``augkit augment`` does not have.
    AugkitError
        Bad options or input found before any work starts (as the command's status 2).
    """
    from augkit.app.job import JobConfig, run_job

    known = {f.name for f in dataclasses.fields(JobConfig)} - {"pipeline", "output", "input",
                                                               "progress"}
    unknown = sorted(set(options) - known)
    if unknown:
        raise ParameterError(f"augment_dataset: unknown option {unknown[0]!r}; expected one "
                             f"of {', '.join(sorted(known))}")
    config = JobConfig(pipeline=pipeline, output=output, input=input, progress=progress,
                       **options)
    return run_job(config, log=log)


__all__ = ["augment_dataset"]
