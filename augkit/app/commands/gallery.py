"""``augkit gallery``: one picture per installed augmenter, and a Markdown index."""

from __future__ import annotations

import argparse
import fnmatch
import traceback
from pathlib import Path
from typing import Any

import numpy as np

EPILOG = """\
Examples:
  augkit gallery -o gallery/                    # every installed augmenter
  augkit gallery -o gallery/ --only '*Blur*,Affine'
"""


def _render(cls: type, kwargs: dict[str, Any], data: dict[str, Any], count: int
            ) -> tuple[list[np.ndarray], str]:
    """Build and run one augmenter; fall back to fewer kinds when it cannot take them all."""
    from augkit.app.commands.preview import augmented_cells
    from augkit.errors import UnsupportedKindError

    aug = cls(**kwargs, seed=1)
    tries = [data, {k: v for k, v in data.items()
                    if k in ("image", "keypoints", "bounding_boxes", "polygons")},
             {"image": data["image"]}]
    note = ""
    for attempt in tries:
        try:
            return augmented_cells(aug, attempt, count), note
        except UnsupportedKindError as exc:
            note = f"some annotations not drawn: {exc}"
    raise RuntimeError(note)


def sample_data() -> dict[str, Any]:
    """Return the bundled sample as call keywords, the image first."""
    from augkit.data import sample

    base = sample().as_kwargs()
    return {"image": base.pop("image"), **base}


def first_example(cls: type) -> dict[str, Any]:
    """Return the keywords of *cls*'s first example (``{}`` when it has none)."""
    examples = getattr(cls, "examples", ({},)) or ({},)
    return dict(examples[0])


def picture(cls: type, data: dict[str, Any], *, count: int = 4, cell: int = 192
            ) -> tuple[np.ndarray, str]:
    """Return one row of *count* cells (the original first) for *cls*'s first example.

    The second value is a note naming the annotations that could not be drawn ("" when
    all were). The cells are scaled down to *cell* pixels high.

    Examples
    --------
    >>> from augkit.registry import registry
    >>> grid, note = picture(registry.get_class("Fliplr"), sample_data(), count=2, cell=64)
    >>> grid.shape[0], note
    (64, '')
    """
    from augkit.draw import draw_grid

    cells, note = _render(cls, first_example(cls), data, count)
    grid = draw_grid(cells, rows=1)
    if cell < grid.shape[0]:
        import cv2

        scale = cell / grid.shape[0]
        grid = cv2.resize(grid, (round(grid.shape[1] * scale), cell),
                          interpolation=cv2.INTER_AREA)
    return grid, note


def cmd_gallery(args: argparse.Namespace) -> int:
    """Write one picture per installed augmenter (its first example) and an index.md."""
    from augkit.app.datasets.images_io import write_image, write_text_atomic
    from augkit.registry import registry

    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    patterns = [p.strip() for p in (args.only or "").split(",") if p.strip()]
    data = sample_data()
    rows, failures = [], 0
    for entry in registry.entries():
        if patterns and not any(fnmatch.fnmatchcase(entry.name, p) for p in patterns):
            continue
        args_text = ", ".join(f"{k}={v!r}" for k, v in first_example(entry.cls).items())
        try:
            grid, note = picture(entry.cls, data, count=args.count, cell=args.cell)
        except Exception as exc:  # the gallery lists failures, it never stops on one
            failures += 1
            last = traceback.extract_tb(exc.__traceback__)[-1:] or None
            where = f" ({Path(last[0].filename).name}:{last[0].lineno})" if last else ""
            message = f"{type(exc).__name__}: {exc}".replace("\n", " ").replace("|", "\\|")
            rows.append(f"| {entry.name} | {entry.plugin} | `{args_text}` | "
                        f"failed: {message[:300]}{where} |")
            continue
        name = f"{entry.name}.jpg"
        write_image(out / name, grid)
        extra = f" ({note})" if note else ""
        rows.append(f"| {entry.name} | {entry.plugin} | `{args_text}` | "
                    f"![{entry.name}]({name}){extra} |")
    index = ["# augkit gallery", "",
             "Each picture: the bundled sample with its annotations, then "
             f"{args.count - 1} augmented versions (the augmenter's first example, seed 1).", "",
             "| augmenter | plugin | example | picture |", "| --- | --- | --- | --- |", *rows, ""]
    write_text_atomic(out / "index.md", "\n".join(index))
    print(f"wrote {len(rows) - failures} pictures and {out / 'index.md'} "
          f"({failures} augmenter(s) failed; see the index)")
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gallery", help="one picture per installed augmenter + index.md",
                       description=cmd_gallery.__doc__, epilog=EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-o", "--output", required=True, help="folder for the pictures and index")
    p.add_argument("--only", default=None,
                   help="comma-separated names or glob patterns (default: every augmenter)")
    p.add_argument("-n", "--count", type=int, default=4,
                   help="cells per picture, the original included (default 4)")
    p.add_argument("--cell", type=int, default=192, help="cell height in pixels (default 192)")
    p.set_defaults(func=cmd_gallery)
