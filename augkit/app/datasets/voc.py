"""Pascal VOC XML: one file per image, ``<object>`` elements with ``<bndbox>``.

VOC box coordinates are 1-based pixel indices with inclusive ends: the box
``xmin=1, xmax=10`` covers the first ten pixel columns, i.e. ``[0, 10)`` in augkit's
continuous coordinates. Written boxes are whole numbers (what VOC readers parse), a
clipped box gets ``<truncated>1</truncated>``, ``<size>`` and ``<filename>`` are
updated; every other element of the file is kept.

The XML of an image is found in the ``--annotations`` folder (same relative path,
``.xml``), else beside the image, else (VOC layout) with the image's ``JPEGImages``
folder replaced by ``Annotations``; outputs are written by the same rule.

An unreadable XML file, a ``bndbox`` value that is not a finite number, or a box with
``xmin > xmax`` (or ``ymin > ymax``) refuses that image (reported, counted, skipped);
nothing is swapped or dropped silently.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import numpy as np

from augkit.app.datasets.base import (
    DatasetFormat,
    ImageRecord,
    Obj,
    RecordError,
    annotation_folder,
)
from augkit.app.datasets.images_io import list_images, write_bytes_atomic


def xml_path_for(image_path: Path) -> Path:
    """``.../JPEGImages/x.jpg`` -> ``.../Annotations/x.xml``; otherwise ``x.xml`` beside it."""
    parts = list(image_path.parts)
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] == "JPEGImages":
            parts[i] = "Annotations"
            return Path(*parts).with_suffix(".xml")
    return image_path.with_suffix(".xml")


class VocFormat(DatasetFormat):
    """Images below a folder with Pascal VOC XML files."""

    name = "pascal_voc"
    description = "Pascal VOC XML: boxes"

    @classmethod
    def detect(cls, input_dir: Path, annotations: Path | None) -> bool:
        """XML files in ``--annotations``, or beside / in the VOC layout of the images."""
        if annotations is not None and annotations.is_dir() and any(annotations.glob("*.xml")):
            return True
        for path in list_images(input_dir)[:50]:
            if path.with_suffix(".xml").is_file() or xml_path_for(path).is_file():
                return True
        return False

    @classmethod
    def open(cls, input_dir: Path, annotations: Path | None, *,
             scratch_dir: Path | None = None) -> VocFormat:
        """Find each image's XML file (``--annotations`` must be a folder)."""
        return cls(input_dir, annotation_folder(annotations, cls.name))

    def __init__(self, input_dir: Path, annotations: Path | None = None) -> None:
        super().__init__(input_dir)
        self.xml_dir = Path(annotations) if annotations is not None else None
        used: set[Path] = set()
        stems = set()
        for path in list_images(self.input_dir):
            rel = path.relative_to(self.input_dir).as_posix()
            xml = self._input_xml(path, rel)
            found = xml.is_file()
            if found:
                used.add(xml.resolve())
            stems.add(path.stem)
            self.records.append(ImageRecord(index=len(self.records), path=path, rel=rel,
                                            meta={"xml": str(xml) if found else None}))
        folders = {self._input_xml(r.path, r.rel).parent for r in self.records}
        if self.xml_dir is not None and self.xml_dir.is_dir():
            folders.add(self.xml_dir)
        for folder in sorted(f for f in folders if f.is_dir()):
            for xml in sorted(folder.glob("*.xml")):
                if xml.resolve() in used:
                    continue
                name = _filename_of(xml)
                self.problems.append(f"{xml}: names the image {name or xml.stem!r}, which is "
                                     f"not in {self.input_dir}; skipped")

    def _input_xml(self, path: Path, rel: str) -> Path:
        if self.xml_dir is not None:
            return (self.xml_dir / rel).with_suffix(".xml")
        beside = path.with_suffix(".xml")
        return beside if beside.is_file() else xml_path_for(path)

    # ------------------------------------------------------------------ reading
    def load_objects(self, record: ImageRecord, shape: tuple[int, ...]) -> list[Obj]:
        xml = record.meta.get("xml")
        if not xml:
            return []
        root = _parse(xml)
        objects = []
        for i, element in enumerate(root.findall("object")):
            box_el = element.find("bndbox")
            if box_el is None:
                objects.append(Obj(label=element.findtext("name"), source=i))
                continue
            try:
                xmin, ymin, xmax, ymax = (float(box_el.findtext(tag))
                                          for tag in ("xmin", "ymin", "xmax", "ymax"))
            except (TypeError, ValueError):
                raise RecordError(f"{xml}: object {i} has a bndbox without numeric xmin, "
                                  "ymin, xmax, ymax") from None
            name = element.findtext("name")
            for low, high, a, b in (("xmin", "xmax", xmin, xmax), ("ymin", "ymax", ymin, ymax)):
                if not (np.isfinite(a) and np.isfinite(b)):
                    raise RecordError(f"{xml}: object {i} ({name}).bndbox: expected finite "
                                      f"numbers, got {low} {a:g}, {high} {b:g}")
                if a > b:
                    raise RecordError(f"{xml}: object {i} ({name}).bndbox: {low} {a:g} is "
                                      f"greater than {high} {b:g}")
            box = np.array([xmin - 1, ymin - 1, xmax, ymax], dtype=np.float64)
            objects.append(Obj(label=name, box=box, source=i))
        return objects

    # ------------------------------------------------------------------ writing
    def output_xml(self, record: ImageRecord, k: int, out_dir: Path) -> Path:
        return xml_path_for(out_dir / record.output_rel(k))

    def annotation_paths(self, record: ImageRecord, out_dir: Path, k: int) -> list[Path]:
        return [self.output_xml(record, k, out_dir)] if record.meta.get("xml") else []

    def write(self, record: ImageRecord, k: int, out_dir: Path, shape: tuple[int, ...],
              objects: list[Obj]) -> Any:
        xml = record.meta.get("xml")
        if not xml:
            return None
        root = copy.deepcopy(_parse(xml))
        out_image = out_dir / record.output_rel(k)
        _set(root, "filename", out_image.name)
        if root.find("path") is not None:
            _set(root, "path", str(out_image))
        size = root.find("size")
        if size is None:
            size = ET.SubElement(root, "size")
        _set(size, "width", str(shape[1]))
        _set(size, "height", str(shape[0]))
        _set(size, "depth", str(shape[2] if len(shape) == 3 else 1))
        elements = root.findall("object")
        kept = {obj.source: obj for obj in objects}
        for i, element in enumerate(elements):
            obj = kept.get(i)
            if obj is None:
                root.remove(element)
                continue
            if obj.box is None:
                continue
            x1, y1, x2, y2 = obj.box
            box_el = element.find("bndbox")
            _set(box_el, "xmin", str(int(round(x1)) + 1))
            _set(box_el, "ymin", str(int(round(y1)) + 1))
            _set(box_el, "xmax", str(int(round(x2))))
            _set(box_el, "ymax", str(int(round(y2))))
            if obj.clipped:
                _set(element, "truncated", "1")
        ET.indent(root)
        write_bytes_atomic(self.output_xml(record, k, out_dir),
                           ET.tostring(root, encoding="utf-8") + b"\n")
        return None


def _parse(path: str) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise RecordError(f"{path}: not a readable VOC XML file: {exc}") from None


def _filename_of(path: Path) -> str | None:
    try:
        return ET.parse(path).getroot().findtext("filename")
    except (OSError, ET.ParseError):
        return None


def _set(parent: ET.Element, tag: str, text: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = ET.SubElement(parent, tag)
    element.text = text


__all__ = ["VocFormat", "xml_path_for"]
