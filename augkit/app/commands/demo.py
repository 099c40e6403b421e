"""``augkit demo`` (what ``make demo`` runs): augment the bundled dataset, draw a grid."""

from __future__ import annotations

import argparse
from pathlib import Path

from augkit.app.commands.preview import KINDS


def demo_pipeline():
    """Return a pipeline of the installed augmenters worth showing on the sample."""
    from augkit.meta import Sequential, SomeOf, Sometimes
    from augkit.registry import registry

    available = set(registry.names())
    wanted = [
        ("Fliplr", {"p": 0.5}),
        ("Affine", {"rotate": (-25, 25), "scale": (0.8, 1.2), "translate_percent": (-0.1, 0.1)}),
        ("CropAndPad", {"percent": (-0.15, 0.15)}),
        ("PerspectiveTransform", {"scale": (0.01, 0.08)}),
    ]
    pixel = [
        ("GaussianBlur", {"sigma": (0.0, 1.5)}),
        ("AddToHueAndSaturation", {"value": (-25, 25)}),
        ("LinearContrast", {"alpha": (0.7, 1.4)}),
        ("AdditiveGaussianNoise", {"scale": (0, 12)}),
        ("Add", {"value": (-30, 30)}),
        ("Multiply", {"mul": (0.8, 1.2)}),
    ]
    geometric = [registry.get(name, **kw) for name, kw in wanted if name in available]
    pixels = [registry.get(name, **kw) for name, kw in pixel if name in available]
    steps = geometric[:1] + [Sometimes(0.7, g) for g in geometric[1:]]
    if pixels:
        steps.append(SomeOf((1, min(3, len(pixels))), pixels))
    return Sequential(steps, seed=7)


def cmd_demo(args: argparse.Namespace) -> int:
    """Augment the bundled sample dataset (COCO) with the medium preset into OUTPUT/dataset,
    and draw a grid of the annotated sample and augmented versions (OUTPUT/demo-grid.png)."""
    import imageio.v3 as iio

    from augkit.app.job import JobConfig, run_job
    from augkit.data import sample
    from augkit.draw import draw_annotations, draw_grid

    out_dir = Path(args.output)
    out_dir.mkdir(parents=True, exist_ok=True)
    # The demo's own folder: a second `augkit demo` replaces what the first wrote.
    summary = run_job(JobConfig(pipeline="medium", output=out_dir / "dataset", n=2, seed=1,
                                workers=args.workers, progress=False, overwrite=True))
    data = sample()
    pipeline = demo_pipeline()
    cells = [draw_annotations(data.image, {k: v for k, v in data.as_kwargs().items()
                                           if k != "image"})]
    for _ in range(args.count - 1):
        out = pipeline(**data.as_kwargs())
        cells.append(draw_annotations(out[0], dict(zip(KINDS, out[1:]))))
    path = out_dir / "demo-grid.png"
    iio.imwrite(path, draw_grid(cells, cols=4))
    print("pipeline:", pipeline)
    print(f"augmented dataset: {summary.outputs_written} images and their COCO annotations "
          f"in {(out_dir / 'dataset').resolve()}")
    print(f"wrote {args.count} images (the first is the original) to {path.resolve()}")
    return summary.exit_code


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="augment the bundled sample dataset and draw a grid",
                       description=cmd_demo.__doc__,
                       epilog="Example:\n  augkit demo -o /tmp/demo   # what `make demo` runs",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-o", "--output", default="augkit-demo", help="folder for the outputs")
    p.add_argument("-n", "--count", type=int, default=16, help="number of cells (default 16)")
    p.add_argument("--workers", "-w", type=int, default=None,
                   help="worker processes for the dataset (default: every core)")
    p.set_defaults(func=cmd_demo)
