"""The dataset model every format reads into and writes from.

An :class:`ImageRecord` is one input image; its annotations are a list of
:class:`Obj` (one annotated object: a box, polygons, keypoints and/or a mask). A
:class:`DatasetFormat` finds the records, loads each record's objects (in the worker
that augments it) and writes the augmented objects back in its own format.

Coordinates are continuous pixel coordinates (pixel ``(row i, col j)`` covers
``[j, j + 1) x [i, i + 1)``), whatever the file format uses: each format converts.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import numpy as np


@dataclass
class Obj:
    """One annotated object.

    Attributes
    ----------
    label : Any
        The class: a COCO category id, a YOLO class token, a VOC class name.
    box : ndarray of shape (4,) or None
        ``x1, y1, x2, y2`` (float64).
    polygons : list of ndarray of shape (M, 2)
        Outline(s) of the object (COCO allows several per object).
    keypoints : ndarray of shape (K, 3) or None
        ``x, y, visibility`` per keypoint (COCO: 0 not labelled, 1 hidden, 2 visible).
    mask : ndarray of shape (H, W) or None
        Boolean mask (COCO RLE segmentation).
    source : Any
        What the format needs to write the object back (extra fields, the RLE form...).
    clipped : bool
        Set by the job when clipping to the image changed the object.
    """

    label: Any
    box: np.ndarray | None = None
    polygons: list[np.ndarray] = field(default_factory=list)
    keypoints: np.ndarray | None = None
    mask: np.ndarray | None = None
    source: Any = None
    clipped: bool = False


@dataclass
class ImageRecord:
    """One input image: where it is and what the format needs to load its objects."""

    index: int
    path: Path
    rel: str
    meta: dict[str, Any] = field(default_factory=dict)

    def output_rel(self, k: int) -> str:
        """Relative path of augmented version *k*: ``<dir>/<stem>_aug<k><ext>``."""
        folder, name = os.path.split(self.rel)
        stem, ext = os.path.splitext(name)
        out = f"{stem}_aug{k}{ext}"
        return f"{folder}/{out}" if folder else out


class DatasetFormat:
    """Base of the annotation formats; subclasses fill in reading and writing.

    Attributes
    ----------
    records : list of ImageRecord
        The images to augment.
    problems : list of str
        Things to report (an annotation naming a missing image, a label file without
        an image...), each starting with the file it concerns.
    """

    name: ClassVar[str] = "none"

    def __init__(self, input_dir: Path) -> None:
        self.input_dir = Path(input_dir)
        self.records: list[ImageRecord] = []
        self.problems: list[str] = []

    def worker_view(self) -> DatasetFormat:
        """A copy without the records: what a worker needs to load and write objects.

        Tasks carry their own :class:`ImageRecord`; the view is small to send.
        """
        view = copy.copy(self)
        view.records = []
        view.problems = []
        return view

    def load_objects(self, record: ImageRecord, shape: tuple[int, ...]) -> list[Obj]:
        """Return the objects of *record* (called in the worker, after reading the image)."""
        return []

    def annotation_paths(self, record: ImageRecord, out_dir: Path, k: int) -> list[Path]:
        """Files besides the image that output *k* of *record* writes (label files)."""
        return []

    def write(self, record: ImageRecord, k: int, out_dir: Path, shape: tuple[int, ...],
              objects: list[Obj]) -> Any:
        """Write the annotations of output *k*; return what :meth:`finalize` needs (JSON)."""
        return None

    def finalize(self, out_dir: Path, entries: Iterable[dict[str, Any]]) -> list[Path]:
        """Write dataset-level files from every output's entry; return their paths.

        *entries* (an iterable read once, e.g. a generator over the journal) are dicts
        with ``index``, ``k``, ``out`` (relative image path), ``shape`` and ``payload``
        (what :meth:`write` returned), sorted by index and k.
        """
        return []


def round_list(values: Any, digits: int) -> list[float]:
    """Return *values* as a flat list of Python floats rounded to *digits* decimals.

    Whole numbers come back as ints-valued floats printed without noise (``12.0``).
    """
    arr = np.round(np.asarray(values, dtype=np.float64).ravel(), digits)
    arr[arr == 0] = 0.0  # no "-0.0" in files
    return arr.tolist()


__all__ = ["DatasetFormat", "ImageRecord", "Obj", "round_list"]
