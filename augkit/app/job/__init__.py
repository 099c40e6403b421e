"""The ``augkit augment`` job: a folder of annotated images in, N augmented copies out.

One task per input image: a worker reads the image, loads its annotations, augments it
N times and writes every output (image and label file, each atomically), then hands
back what the dataset-level files need. The main process keeps a journal
(``OUTPUT/.augkit/journal.jsonl``, one line per finished output), shows progress, and
writes the dataset-level files (the COCO JSON) from the journal at the end, so
``--resume`` knows what is done and can rebuild them.

Seeding: output *k* of the image at relative path *p* is drawn with keyed sampling,
``pipeline(..., key=(p, k))``, from the run's seed: results do not depend on the number
of workers, on the order in which images finish, or on other images of the folder, and
``--resume`` reproduces exactly the files a full run would write.

Modules, one job each: :mod:`~augkit.app.job.runner` (options, planning, running),
:mod:`~augkit.app.job.tasks` (one image, in a worker), :mod:`~augkit.app.job.objects`
(a dataset's objects through the pipeline), :mod:`~augkit.app.job.journal` (what is
done, for ``--resume``), :mod:`~augkit.app.job.progress` (progress bar and summary).

Examples
--------
>>> import tempfile
>>> from augkit.app.job import JobConfig, run_job
>>> out = tempfile.mkdtemp()
>>> summary = run_job(JobConfig(pipeline="light", output=out, n=1, workers=1,
...                             progress=False), log=lambda *a: None)
>>> summary.outputs_written > 0
True
"""

from augkit.app.job.progress import Summary, format_summary
from augkit.app.job.runner import JobConfig, JobError, run_job

__all__ = ["JobConfig", "JobError", "Summary", "format_summary", "run_job"]
