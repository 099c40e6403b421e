"""The ``augkit`` console script; each sub-command is a module of :mod:`augkit.app.commands`.

Examples
--------
::

    augkit list                              # every augmenter, its plugin and what it does
    augkit plugins                           # installed plugins, versions and load errors
    augkit augment -p medium -i imgs/ -a coco.json -o out/   # expand an annotated dataset
    augkit preview -p heavy -o grid.png      # augmented versions of one image, in a grid
    augkit gallery -o gallery/               # one picture per installed augmenter
    augkit demo -o out/                      # the bundled dataset augmented, plus a grid
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from augkit.app.commands import augment, demo, gallery, info, preview

EPILOG = """\
Examples:
  augkit list | grep Blur
  augkit augment --pipeline medium --input images/ --annotations coco.json -o out/ -n 4
  augkit <command> --help     # each command's options, with an example
"""


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of every sub-command (formats and presets as registered now)."""
    parser = argparse.ArgumentParser(
        prog="augkit", description="Image augmentation for machine learning.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    info.add_parsers(sub)
    augment.add_parser(sub)
    preview.add_parser(sub)
    gallery.add_parser(sub)
    demo.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``augkit`` command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    return args.func(args)


__all__ = ["build_parser", "main"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
