"""The dataset model every format reads into and writes from, and the format protocol.

An :class:`ImageRecord` is one input image; its annotations are a list of
:class:`Obj` (one annotated object: a box, polygons, keypoints and/or a mask). A
:class:`DatasetFormat` finds the records, loads each record's objects (in the worker
that augments it) and writes the augmented objects back in its own format.

Coordinates are continuous pixel coordinates (pixel ``(row i, col j)`` covers
``[j, j + 1) x [i, i + 1)``), whatever the file format uses: each format converts.

The format protocol
-------------------
A dataset format is a subclass of :class:`DatasetFormat`, registered through the
``augkit_dataset_formats`` hook (the built-in COCO, YOLO, Pascal VOC and ``none``
formats included). The class says who it is and when it applies:

* ``name``: the ``--format`` value; ``description``: one line for ``--help``;
* :meth:`~DatasetFormat.detect` (class method): whether a folder holds its annotations,
  for ``--format auto``;
* :meth:`~DatasetFormat.open` (class method): read the folder's records, check
  ``--annotations``.

An opened dataset is used by the job in two places. In the main process: ``records``,
``problems``, :meth:`~DatasetFormat.annotation_paths` (for ``--resume``),
:meth:`~DatasetFormat.worker_view` and, at the end, :meth:`~DatasetFormat.finalize`.
In the workers, on the pickled worker view: :meth:`~DatasetFormat.load_objects` and
:meth:`~DatasetFormat.write` (which returns the JSON payload ``finalize`` gets back).

Examples
--------
A format for images with one ``.boxes`` file each (``x1 y1 x2 y2 label`` lines)::

    class BoxesFormat(DatasetFormat):
        name = "boxes"
        description = "one .boxes file beside each image"

        @classmethod
        def detect(cls, input_dir, annotations):
            return any(Path(input_dir).rglob("*.boxes"))

        @classmethod
        def open(cls, input_dir, annotations, *, scratch_dir=None):
            dataset = cls(input_dir)
            for path in list_images(input_dir):
                dataset.records.append(ImageRecord(len(dataset.records), path,
                                                   path.relative_to(input_dir).as_posix()))
            return dataset

        def load_objects(self, record, shape):
            ...  # read record.path.with_suffix(".boxes") into Obj(label, box=...)

        def write(self, record, k, out_dir, shape, objects):
            ...  # write out_dir / record.output_rel(k) with the suffix .boxes
"""

from __future__ import annotations

import contextlib
import copy
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from augkit.errors import InputError


class RecordError(InputError):
    """One record of a dataset (an image's annotations) is malformed.

    Raised by a format while it reads a record (:meth:`DatasetFormat.load_objects`);
    the message starts with the file and the field (``coco.json: annotation id 17.bbox:
    expected 4 numbers, got ["a", 1, 2, 3]``). The job reports it as that image's
    error, skips the image and counts it; the run goes on (``--strict`` stops it).
    It is an :class:`~augkit.errors.InputError`, hence an ``AugkitError``.
    """


def scratch_file(folder: Path | None, tag: str) -> tuple[int, str]:
    """Create a scratch file ``.augkit-<tag>-<pid>-*.jsonl`` in *folder*; return ``(fd, name)``.

    The creating process's id is in the name, so that a later run can remove the file
    if that process was killed before it could (:func:`remove_orphaned_scratch`).
    """
    return tempfile.mkstemp(prefix=f".augkit-{tag}-{os.getpid()}-", suffix=".jsonl",
                            dir=folder)


def remove_orphaned_scratch(folder: Path) -> list[Path]:
    """Remove the scratch files in *folder* whose creating process no longer runs.

    Returns the removed files. A run killed with ``kill -9`` cannot remove its own.
    """
    removed = []
    for path in folder.glob(".augkit-*-*-*.jsonl"):
        pid = path.name.split("-")[2]
        if pid.isdigit() and not _process_alive(int(pid)):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


#: Most pixels a decoded annotation mask may have (Pillow's decompression-bomb limit).
MAX_MASK_PIXELS = 178_956_970


def show(value: Any, limit: int = 80) -> str:
    """*value* as compact JSON for a message, cut to *limit* characters."""
    import json

    try:
        text = json.dumps(value, separators=(", ", ": "), ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def numbers(value: Any, field: str, count: int | None = None) -> np.ndarray:
    """Return *value* (a flat list of finite-or-not real numbers) as float64.

    Raises
    ------
    RecordError
        *value* is not a list of (JSON) numbers, or not *count* of them; the message
        starts with *field*.
    """
    ok = (isinstance(value, (list, tuple))
          and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
          and (count is None or len(value) == count))
    if not ok:
        what = f"{count} numbers" if count is not None else "numbers"
        raise RecordError(f"{field}: expected {what}, got {show(value)}")
    return np.asarray(value, dtype=np.float64)


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

    #: The ``--format`` value (unique among the registered formats; never ``auto``).
    name: ClassVar[str] = ""
    #: One line shown by ``augkit augment --help``.
    description: ClassVar[str] = ""

    def __init__(self, input_dir: Path) -> None:
        self.input_dir = Path(input_dir)
        self.records: list[ImageRecord] = []
        self.problems: list[str] = []

    @classmethod
    def detect(cls, input_dir: Path, annotations: Path | None) -> bool:
        """Return whether *input_dir* (and *annotations*) hold annotations of this format.

        ``--format auto`` opens the dataset with the first registered format that says
        yes (plugins' formats first, then ``coco``, ``pascal_voc``, ``yolo``), or with
        ``none`` when none does. Look at a few files only: a folder may be large.

        Parameters
        ----------
        input_dir : Path
            The folder of images (an existing folder).
        annotations : Path or None
            ``--annotations`` (an existing file or folder), if given.

        Returns
        -------
        bool
            True when this format should read the dataset.
        """
        return False

    @classmethod
    def open(cls, input_dir: Path, annotations: Path | None, *,
             scratch_dir: Path | None = None) -> DatasetFormat:
        """Read the records of the images below *input_dir* with this format.

        Parameters
        ----------
        input_dir : Path
            The folder of images (an existing folder).
        annotations : Path or None
            ``--annotations`` (an existing file or folder), if given.
        scratch_dir : Path, optional
            A folder for files the format needs while the dataset is open (the job
            gives ``OUTPUT/.augkit``); default: the system's temporary folder.

        Returns
        -------
        DatasetFormat
            The opened dataset, its ``records`` and ``problems`` filled in.

        Raises
        ------
        InputError
            *annotations* is not what the format reads, or cannot be read.
        """
        return cls(input_dir)

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

    def keypoint_flip_idx(self, label: Any) -> list[int] | None:
        """Return the mirror of each keypoint of objects of class *label*, or None.

        ``flip_idx[i]`` is the index of keypoint ``i``'s mirror (``left_eye`` ->
        ``right_eye``); where the augmentation mirrors an image, those keypoints swap
        (:mod:`augkit.mirror`). Default: None (nothing swaps).
        """
        return None

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


def annotation_folder(annotations: Path | None, format_name: str) -> Path | None:
    """Return ``--annotations`` for a format that reads a folder of label files.

    Raises
    ------
    InputError
        *annotations* is a file.
    """
    if annotations is not None and not annotations.is_dir():
        raise InputError(f"--annotations: for {format_name}, give the folder of label files, "
                         f"got the file {annotations}")
    return annotations


def round_list(values: Any, digits: int) -> list[float]:
    """Return *values* as a flat list of Python floats rounded to *digits* decimals.

    Whole numbers come back as ints-valued floats printed without noise (``12.0``).
    """
    arr = np.round(np.asarray(values, dtype=np.float64).ravel(), digits)
    arr[arr == 0] = 0.0  # no "-0.0" in files
    return arr.tolist()


__all__ = ["MAX_MASK_PIXELS", "DatasetFormat", "ImageRecord", "Obj", "RecordError",
           "annotation_folder", "numbers", "round_list", "show"]
