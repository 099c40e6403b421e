"""``augkit preview``: a grid of augmented versions of one image, annotations drawn."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

from augkit.app import catalogue

KINDS = ("heatmaps", "segmentation_maps", "keypoints", "bounding_boxes", "polygons",
         "line_strings")

EPILOG = """\
Examples:
  augkit preview --pipeline heavy                       # on the bundled astronaut
  augkit preview --pipeline my.yaml --image cat.jpg -o grid.png -n 8 --seed 3
"""


def augmented_cells(pipeline: Any, data: dict[str, Any], count: int) -> list[np.ndarray]:
    """Return the original and ``count - 1`` augmented versions, annotations drawn."""
    from augkit.draw import draw_annotations

    annotations = {k: v for k, v in data.items() if k != "image"}
    cells = [draw_annotations(data["image"], annotations)]
    names = [k for k in data if k != "image"]
    for k in range(count - 1):
        out = pipeline(**data, key=(k,))
        if not names:
            cells.append(draw_annotations(out, {}))
        else:
            cells.append(draw_annotations(out[0], dict(zip(names, out[1:]))))
    return cells


def cmd_preview(args: argparse.Namespace) -> int:
    """Draw a grid: the image, then augmented versions with their annotations drawn."""
    import imageio.v3 as iio

    from augkit.app.datasets.images_io import ImageReadError, read_image
    from augkit.app.pipeline import load_pipeline
    from augkit.draw import draw_grid
    from augkit.errors import AugkitError

    try:
        pipeline = load_pipeline(args.pipeline)
    except AugkitError as exc:  # not a preset or file, or the file does not load
        print(f"augkit preview: error: {exc}", file=sys.stderr)
        return 2
    pipeline.seed_(args.seed)
    if args.image:
        try:
            data: dict[str, Any] = {"image": read_image(args.image)}
        except ImageReadError as exc:
            print(f"augkit preview: error: {exc}", file=sys.stderr)
            return 2
    else:
        from augkit.data import sample

        data = sample().as_kwargs()
        data = {"image": data.pop("image"), **{k: data[k] for k in KINDS}}
    cells = augmented_cells(pipeline, data, max(args.count, 2))
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    iio.imwrite(out, draw_grid(cells, cols=min(4, len(cells))))
    print(f"wrote {len(cells)} cells (the first is the original) to {out.resolve()}")
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("preview", help="grid of augmented versions of an image",
                       description=cmd_preview.__doc__, epilog=EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pipeline", "-p", required=True,
                   help=f"preset name ({', '.join(catalogue.preset_names())}) or a "
                        "YAML/JSON pipeline file")
    p.add_argument("--image", default=None,
                   help="image file (default: the bundled sample with every annotation)")
    p.add_argument("-o", "--output", default="augkit-preview.png", help="picture to write")
    p.add_argument("-n", "--count", type=int, default=16,
                   help="cells in the grid, the original included (default 16)")
    p.add_argument("--seed", type=int, default=0, help="seed (default 0)")
    p.set_defaults(func=cmd_preview)
