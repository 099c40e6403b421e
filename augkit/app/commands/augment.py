"""``augkit augment``: expand an annotated dataset; the work is in :mod:`augkit.app.job`."""

from __future__ import annotations

import argparse
import sys

from augkit.app import catalogue
from augkit.app.datasets.images_io import DEFAULT_MAX_PIXELS
from augkit.app.engines import ENGINES
from augkit.app.job.objects import OUT_OF_IMAGE

EPILOG = """\
Examples:
  augkit augment --pipeline medium -o out/                  # the bundled sample dataset
  augkit augment --pipeline heavy --input data/train2017 \\
      --annotations data/instances_train2017.json -o aug/ -n 5 --seed 1
  augkit augment --pipeline my_pipeline.yaml --input yolo/images/train \\
      --format yolo -o yolo_aug/images/train --workers 4
  augkit augment --pipeline medium --input voc/JPEGImages -o voc_aug/JPEGImages --resume
  augkit augment --pipeline medium --input /shared/coco/images -a /shared/coco/train.json \
      -o /shared/coco_aug --engine dask --scheduler tcp://scheduler:8786

PIPELINE is a preset ({presets}) or a YAML/JSON file written by augkit.save().
Outputs are named <stem>_aug<k>.<ext>; output k of an image depends only on --seed, the
image's path and k, so --resume, any --workers and any --engine give the same files.
The output folder keeps the run's journal in .augkit/ (what --resume reads to finish,
repair or extend a run); delete it once the run is final.

Formats (--format; auto asks them in this order and falls back to none):
{formats}

Plugins add formats and presets through the augkit_dataset_formats and augkit_presets
hooks.
"""


def _epilog() -> str:
    """The epilog with the registered presets and formats filled in."""
    formats = catalogue.dataset_formats()
    width = max((len(f.name) for f in formats), default=0)
    lines = [f"  {f.name:<{width}}  {f.value.description}"
             + (f" (plugin {f.plugin})" if f.plugin != catalogue.APP_PLUGIN else "")
             for f in formats]
    return EPILOG.format(presets=", ".join(catalogue.preset_names()),
                         formats="\n".join(lines))


def cmd_augment(args: argparse.Namespace) -> int:
    """Write N augmented versions of every image of a folder, annotations transformed too."""
    from augkit.app.job import JobConfig, run_job
    from augkit.errors import AugkitError

    config = JobConfig(
        pipeline=args.pipeline, input=args.input, output=args.output, n=args.n,
        seed=args.seed, workers=args.workers, annotations=args.annotations,
        format=args.format, out_of_image=args.out_of_image, resume=args.resume,
        overwrite=args.overwrite, strict=args.strict, progress=not args.quiet,
        max_pixels=args.max_pixels or None, engine=args.engine, scheduler=args.scheduler,
        address=args.address)
    try:
        summary = run_job(config)
    except AugkitError as exc:  # bad options or input, found before any work starts
        print(f"augkit augment: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the file system failed under the run (not one record)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"augkit augment: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    return summary.exit_code


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("augment", help="expand an annotated dataset (COCO, YOLO, VOC)",
                       description=cmd_augment.__doc__, epilog=_epilog(),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pipeline", "-p", required=True,
                   help=f"preset name ({', '.join(catalogue.preset_names())}) or a "
                        "YAML/JSON pipeline file")
    p.add_argument("--input", "-i", default=None,
                   help="folder of images (default: the bundled sample dataset)")
    p.add_argument("--output", "-o", required=True,
                   help="folder for the outputs (never the input folder)")
    p.add_argument("-n", type=int, default=4,
                   help="augmented versions per image, 1 to 10000 (default 4)")
    p.add_argument("--seed", type=int, default=None,
                   help="seed of the run (default: random, printed in the summary)")
    p.add_argument("--workers", "-w", type=int, default=None,
                   help="worker processes, 1 to 4 per core (default: every core)")
    p.add_argument("--annotations", "-a", default=None,
                   help="COCO JSON file, or folder of YOLO .txt / VOC .xml files")
    p.add_argument("--format", "-f", choices=catalogue.format_names(), default=catalogue.AUTO,
                   help="annotation format (default: auto-detect; listed below)")
    p.add_argument("--out-of-image", choices=OUT_OF_IMAGE, default="clip",
                   help="objects that leave the image: clip them to it (dropping those "
                        "left with nothing inside), drop them, or keep them as they are "
                        "(default: clip)")
    p.add_argument("--resume", action="store_true",
                   help="skip outputs an earlier run of the same command already wrote")
    p.add_argument("--overwrite", action="store_true",
                   help="write into a non-empty --output: the files an earlier run recorded "
                        "are removed first, other files are left alone")
    p.add_argument("--max-pixels", type=int, default=DEFAULT_MAX_PIXELS, metavar="N",
                   help="refuse images larger than N pixels (width x height) before decoding "
                        f"them; 0 for no limit (default {DEFAULT_MAX_PIXELS:,}, Pillow's)")
    p.add_argument("--strict", action="store_true",
                   help="stop at the first unreadable image instead of skipping it")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.add_argument("--engine", choices=ENGINES, default="local",
                   help="where the tasks run: this machine's worker processes (default), "
                        "a Dask cluster (pip install augkit[dask]) or a Ray cluster (pip "
                        "install augkit[ray]); every engine writes the same bytes")
    p.add_argument("--scheduler", default=None,
                   help="--engine dask: tcp://host:8786, or local (default) to start a "
                        "LocalCluster of --workers processes")
    p.add_argument("--address", default=None,
                   help="--engine ray: auto, ray://host:10001, or local (default) to start "
                        "a Ray instance of --workers CPUs")
    p.set_defaults(func=cmd_augment)
