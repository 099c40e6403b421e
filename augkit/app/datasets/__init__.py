"""Annotated image datasets on disk: COCO JSON, YOLO txt, Pascal VOC XML, or bare images.

:func:`open_dataset` finds the images of a folder and the format of their annotations
among the registered formats (the ``augkit_dataset_formats`` hook: the built-in
:mod:`~augkit.app.datasets.coco`, :mod:`~augkit.app.datasets.yolo`,
:mod:`~augkit.app.datasets.voc` and :mod:`~augkit.app.datasets.plain`, and any a plugin
adds; :mod:`~augkit.app.datasets.base` describes the protocol). The format objects load
each image's objects and write augmented ones back.
:mod:`~augkit.app.datasets.images_io` reads and (atomically) writes the image files.
"""

from __future__ import annotations

from pathlib import Path

from augkit.app.datasets.base import DatasetFormat, ImageRecord, Obj
from augkit.app.datasets.images_io import ImageReadError, list_images, read_image, write_image
from augkit.errors import InputError


def open_dataset(input_dir: str | Path, *, format: str = "auto",
                 annotations: str | Path | None = None,
                 scratch_dir: str | Path | None = None) -> DatasetFormat:
    """Open the images below *input_dir* with their annotations.

    Parameters
    ----------
    input_dir : path
        The folder of images (COCO ``file_name`` entries are relative to it).
    format : str
        A registered format's name (``augkit augment --help`` lists them: ``coco``,
        ``yolo``, ``pascal_voc``, ``none`` and those of plugins), or ``auto``: the first
        registered format whose ``detect`` recognises the folder (plugins' formats
        first, then COCO when *annotations* is a JSON file or the folder holds exactly
        one JSON file, VOC when images have XML files, YOLO when they have label files),
        else ``none``.
    annotations : path, optional
        The COCO JSON file, or the folder of YOLO labels / VOC XML files.
    scratch_dir : path, optional
        Where a format keeps files while the dataset is open (COCO: its annotations, in
        a file removed with the dataset object); default: the system's temporary folder.

    Returns
    -------
    DatasetFormat
        The opened dataset.

    Raises
    ------
    InputError
        The folder or *annotations* does not exist, *format* is not registered, or the
        format cannot read the annotations.
    """
    from augkit.app import catalogue

    folder = Path(input_dir)
    if not folder.is_dir():
        raise InputError(f"--input: {folder} is not a folder")
    ann = Path(annotations) if annotations is not None else None
    if ann is not None and not ann.exists():
        raise InputError(f"--annotations: {ann} does not exist")
    if format == catalogue.AUTO:
        cls = catalogue.detect_format(folder, ann)
    else:
        cls = catalogue.get_format(format)
    return cls.open(folder, ann, scratch_dir=Path(scratch_dir) if scratch_dir else None)


__all__ = [
    "DatasetFormat",
    "ImageReadError",
    "ImageRecord",
    "Obj",
    "list_images",
    "open_dataset",
    "read_image",
    "write_image",
]
