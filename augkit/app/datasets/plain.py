"""Bare images, without annotations (``--format none``): what ``auto`` falls back to."""

from __future__ import annotations

from pathlib import Path

from augkit.app.datasets.base import DatasetFormat, ImageRecord
from augkit.app.datasets.images_io import list_images


class PlainImages(DatasetFormat):
    """Every image below a folder, without annotations (``--format none``)."""

    name = "none"
    description = "images only, no annotations"

    def __init__(self, input_dir: Path) -> None:
        super().__init__(input_dir)
        for path in list_images(self.input_dir):
            self.records.append(ImageRecord(index=len(self.records), path=path,
                                            rel=path.relative_to(self.input_dir).as_posix()))


__all__ = ["PlainImages"]
