"""The ``augkit`` command: list augmenters and plugins, run the demo.

Examples
--------
::

    augkit list            # every augmenter, its plugin and what it does
    augkit plugins         # installed plugins, versions and load errors
    augkit demo -o out/    # augment the bundled sample and write a grid picture
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _summary(cls: type) -> str:
    doc = (cls.__doc__ or "").strip().splitlines()
    return doc[0].strip() if doc else ""


def cmd_list(args: argparse.Namespace) -> int:
    """Print every registered augmenter with its plugin and one-line description."""
    from augkit.registry import registry

    entries = list(registry.entries())
    width = max((len(e.name) for e in entries), default=4)
    plugin_width = max((len(e.plugin) for e in entries), default=6)
    for entry in entries:
        aliases = f" (aliases: {', '.join(entry.cls.aliases)})" if entry.cls.aliases else ""
        print(f"{entry.name:<{width}}  {entry.plugin:<{plugin_width}}  "
              f"{_summary(entry.cls)}{aliases}")
    return 0


def cmd_plugins(args: argparse.Namespace) -> int:
    """Print installed plugins with versions, what they register, and load errors."""
    from augkit.registry import registry

    registry.ensure_loaded()
    failed = 0
    for info in registry.plugins.values():
        version = f"{info.distribution or '?'} {info.version or ''}".strip()
        if info.error:
            failed += 1
            print(f"{info.name}  [{version}]  FAILED: {info.error}")
        else:
            print(f"{info.name}  [{version}]  {len(info.augmenters)} augmenters"
                  + (f", kinds: {', '.join(info.kinds)}" if info.kinds else ""))
    return 1 if failed and args.strict else 0


def demo_pipeline():
    """Return a pipeline of the installed augmenters worth showing on the sample."""
    from augkit.meta import Sequential, Sometimes, SomeOf
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
    """Augment the bundled sample with the installed augmenters; write a grid picture."""
    import imageio.v3 as iio

    from augkit.data import sample
    from augkit.draw import draw_annotations, draw_grid

    data = sample()
    pipeline = demo_pipeline()
    cells = [draw_annotations(data.image, _annotations(data.as_kwargs()))]
    kinds = ("heatmaps", "segmentation_maps", "keypoints", "bounding_boxes", "polygons",
             "line_strings")
    for _ in range(args.count - 1):
        out = pipeline(**data.as_kwargs())
        cells.append(draw_annotations(out[0], dict(zip(kinds, out[1:]))))
    out_dir = Path(args.output)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "demo-grid.png"
    iio.imwrite(path, draw_grid(cells, cols=4))
    print("pipeline:", pipeline)
    print(f"wrote {args.count} images (the first is the original) to {path.resolve()}")
    return 0


def _annotations(kwargs: dict) -> dict:
    return {k: v for k, v in kwargs.items() if k != "image"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="augkit",
        description="Image augmentation for machine learning.",
        epilog="Example: augkit list | grep Blur",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("list", help="list every installed augmenter",
                       description=cmd_list.__doc__, epilog="Example: augkit list")
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("plugins", help="list installed plugins and load errors",
                       description=cmd_plugins.__doc__, epilog="Example: augkit plugins --strict")
    p.add_argument("--strict", action="store_true", help="exit 1 if a plugin failed to load")
    p.set_defaults(func=cmd_plugins)
    p = sub.add_parser("demo", help="augment the bundled sample and write a grid picture",
                       description=cmd_demo.__doc__, epilog="Example: augkit demo -o /tmp/demo")
    p.add_argument("-o", "--output", default="augkit-demo", help="folder for the picture")
    p.add_argument("-n", "--count", type=int, default=16, help="number of cells (default 16)")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``augkit`` command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
