"""Annotated image datasets on disk: COCO JSON, YOLO txt, Pascal VOC XML, or bare images.

:func:`open_dataset` finds the images of a folder and the format of their annotations;
the format objects (:mod:`~augkit.datasets.coco`, :mod:`~augkit.datasets.yolo`,
:mod:`~augkit.datasets.voc`) load each image's objects and write augmented ones back.
:mod:`~augkit.datasets.images_io` reads and (atomically) writes the image files.
"""

from __future__ import annotations

from pathlib import Path

from augkit.datasets.base import DatasetFormat, ImageRecord, Obj
from augkit.datasets.images_io import ImageReadError, list_images, read_image, write_image
from augkit.errors import InputError

#: Names accepted by ``--format``.
FORMATS = ("auto", "coco", "yolo", "pascal_voc", "none")


class PlainImages(DatasetFormat):
    """Every image below a folder, without annotations (``--format none``)."""

    name = "none"

    def __init__(self, input_dir: Path) -> None:
        super().__init__(input_dir)
        for path in list_images(self.input_dir):
            self.records.append(ImageRecord(index=len(self.records), path=path,
                                            rel=path.relative_to(self.input_dir).as_posix()))


def open_dataset(input_dir: str | Path, *, format: str = "auto",
                 annotations: str | Path | None = None,
                 scratch_dir: str | Path | None = None) -> DatasetFormat:
    """Open the images below *input_dir* with their annotations.

    Parameters
    ----------
    input_dir : path
        The folder of images (COCO ``file_name`` entries are relative to it).
    format : {'auto', 'coco', 'yolo', 'pascal_voc', 'none'}
        ``auto``: COCO when *annotations* is a JSON file or the folder holds exactly one
        JSON file; else VOC when images have XML files; else YOLO when they have label
        files; else ``none``.
    annotations : path, optional
        The COCO JSON file, or the folder of YOLO labels / VOC XML files.
    scratch_dir : path, optional
        Where COCO keeps its annotations while the dataset is open (a file removed with
        the dataset object); default: the system's temporary folder.
    """
    from augkit.datasets.coco import CocoFormat, find_annotations
    from augkit.datasets.voc import VocFormat, has_voc_annotations
    from augkit.datasets.yolo import YoloFormat, has_yolo_labels

    folder = Path(input_dir)
    if not folder.is_dir():
        raise InputError(f"--input: {folder} is not a folder")
    if format not in FORMATS:
        raise InputError(f"--format: expected one of {', '.join(FORMATS)}, got {format!r}")
    ann = Path(annotations) if annotations is not None else None
    if ann is not None and not ann.exists():
        raise InputError(f"--annotations: {ann} does not exist")
    if format == "auto":
        if ann is not None and ann.is_file():
            format = "coco"
        elif ann is None and find_annotations(folder) is not None:
            format = "coco"
        elif has_voc_annotations(folder) or (ann is not None and any(ann.glob("*.xml"))):
            format = "pascal_voc"
        elif has_yolo_labels(folder) or (ann is not None and any(ann.rglob("*.txt"))):
            format = "yolo"
        else:
            format = "none"
    if format == "coco":
        if ann is None:
            ann = find_annotations(folder)
            if ann is None:
                raise InputError(f"--annotations: give the COCO JSON file; {folder} does not "
                                 "hold exactly one .json file")
        if not ann.is_file():
            raise InputError(f"--annotations: {ann} is not a file (COCO needs its JSON file)")
        return CocoFormat(folder, ann, scratch_dir=Path(scratch_dir) if scratch_dir else None)
    if format in ("yolo", "pascal_voc") and ann is not None and not ann.is_dir():
        raise InputError(f"--annotations: for {format}, give the folder of label files, got "
                         f"the file {ann}")
    if format == "yolo":
        return YoloFormat(folder, ann)
    if format == "pascal_voc":
        return VocFormat(folder, ann)
    return PlainImages(folder)


__all__ = [
    "FORMATS",
    "DatasetFormat",
    "ImageReadError",
    "ImageRecord",
    "Obj",
    "PlainImages",
    "list_images",
    "open_dataset",
    "read_image",
    "write_image",
]
