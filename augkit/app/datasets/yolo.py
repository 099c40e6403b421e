"""YOLO txt labels: one line per object, coordinates normalised to [0, 1].

``class cx cy w h`` is a box; ``class x1 y1 x2 y2 ... xn yn`` (three or more points) is a
segment polygon (Ultralytics' segmentation format). The label file of an image is found
the way Ultralytics finds it: the last ``images`` folder of the image's path replaced by
``labels``, the extension by ``.txt``; otherwise a ``.txt`` beside the image; or, with
``--annotations DIR``, ``DIR/<relative path>.txt``. Outputs are written by the same rule
(so Ultralytics reads them back), values with six decimals. Images without a label file
are augmented and get none.

A label file that is not UTF-8, a class that is not a non-negative integer, or a value
that is not a finite number refuses that image (reported, counted, skipped): dropping
the line alone would write a label file that silently lost an object.
"""

from __future__ import annotations

import re
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
from augkit.app.datasets.images_io import list_images, write_text_atomic

_DIGITS = 6
#: A class token: a non-negative integer (``-1``, ``cat`` or ``1.5`` refuse the image).
_CLASS = re.compile(r"[0-9]+")


def label_path_for(image_path: Path) -> Path:
    """Ultralytics' rule: ``.../images/.../x.jpg`` -> ``.../labels/.../x.txt``."""
    parts = list(image_path.parts)
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] == "images":
            parts[i] = "labels"
            return Path(*parts).with_suffix(".txt")
    return image_path.with_suffix(".txt")


class YoloFormat(DatasetFormat):
    """Images below a folder with YOLO label files."""

    name = "yolo"
    description = "YOLO txt: boxes and segment polygons, Ultralytics' layout"

    @classmethod
    def detect(cls, input_dir: Path, annotations: Path | None) -> bool:
        """``.txt`` files in ``--annotations``, or label files where Ultralytics looks."""
        if annotations is not None and annotations.is_dir() and any(annotations.rglob("*.txt")):
            return True
        return any(label_path_for(path).is_file() for path in list_images(input_dir)[:50])

    @classmethod
    def open(cls, input_dir: Path, annotations: Path | None, *,
             scratch_dir: Path | None = None) -> YoloFormat:
        """Find each image's label file (``--annotations`` must be a folder)."""
        return cls(input_dir, annotation_folder(annotations, cls.name))

    def __init__(self, input_dir: Path, annotations: Path | None = None) -> None:
        super().__init__(input_dir)
        self.labels_dir = Path(annotations) if annotations is not None else None
        used: set[Path] = set()
        for path in list_images(self.input_dir):
            rel = path.relative_to(self.input_dir).as_posix()
            label = self._input_label(path, rel)
            meta = {"label": str(label) if label.is_file() else None}
            if meta["label"]:
                used.add(label.resolve())
            self.records.append(ImageRecord(index=len(self.records), path=path, rel=rel,
                                            meta=meta))
        folders = {self._input_label(r.path, r.rel).parent for r in self.records}
        for folder in sorted(f for f in folders if f.is_dir()):
            for txt in sorted(folder.glob("*.txt")):
                if txt.name != "classes.txt" and txt.resolve() not in used:
                    self.problems.append(f"{txt}: label file without an image; skipped")

    def _input_label(self, path: Path, rel: str) -> Path:
        if self.labels_dir is not None:
            return (self.labels_dir / rel).with_suffix(".txt")
        return label_path_for(path)

    # ------------------------------------------------------------------ reading
    def load_objects(self, record: ImageRecord, shape: tuple[int, ...]) -> list[Obj]:
        label = record.meta.get("label")
        if not label:
            return []
        height, width = shape[:2]
        scale = np.array([width, height], dtype=np.float64)
        try:
            with open(label, encoding="utf-8") as fh:
                text = fh.read()
        except UnicodeDecodeError as exc:
            raise RecordError(f"{label}: not UTF-8 text (byte {exc.start}: "
                              f"{exc.object[exc.start:exc.start + 1]!r})") from None
        except OSError as exc:
            raise RecordError(f"{label}: cannot read the label file: "
                              f"{exc.strerror or exc}") from None
        objects = []
        for lineno, line in enumerate(text.split("\n"), start=1):
            fields = line.split()
            if not fields:
                continue
            if not _CLASS.fullmatch(fields[0]):
                raise RecordError(f"{label}:{lineno}: class: expected a non-negative "
                                  f"integer, got {fields[0]!r}")
            try:
                values = np.array([float(v) for v in fields[1:]], dtype=np.float64)
            except ValueError:
                raise RecordError(f"{label}:{lineno}: expected numbers after the class, "
                                  f"got {line.strip()!r}") from None
            if not np.isfinite(values).all():
                raise RecordError(f"{label}:{lineno}: expected finite numbers after the "
                                  f"class, got {line.strip()!r}")
            if len(values) == 4:
                center, size = values[:2] * scale, values[2:] * scale
                box = np.concatenate([center - size / 2, center + size / 2])
                objects.append(Obj(label=fields[0], box=box, source="box"))
            elif len(values) >= 6 and len(values) % 2 == 0:
                poly = values.reshape(-1, 2) * scale
                objects.append(Obj(label=fields[0], polygons=[poly], source="segment"))
            else:
                raise RecordError(
                    f"{label}:{lineno}: expected 'class cx cy w h' or 'class x1 y1 ... "
                    f"xn yn' (3 or more points), got {len(values)} numbers")
        return objects

    # ------------------------------------------------------------------ writing
    def output_label(self, record: ImageRecord, k: int, out_dir: Path) -> Path:
        return label_path_for(out_dir / record.output_rel(k))

    def annotation_paths(self, record: ImageRecord, out_dir: Path, k: int) -> list[Path]:
        return [self.output_label(record, k, out_dir)] if record.meta.get("label") else []

    def write(self, record: ImageRecord, k: int, out_dir: Path, shape: tuple[int, ...],
              objects: list[Obj]) -> Any:
        if not record.meta.get("label"):
            return None
        height, width = shape[:2]
        scale = np.array([width, height], dtype=np.float64)
        lines = []
        for obj in objects:
            if obj.source == "segment":
                if not obj.polygons:
                    continue
                poly = max(obj.polygons, key=len) / scale
                lines.append(" ".join([str(obj.label), *_fmt(poly.ravel())]))
            else:
                x1, y1, x2, y2 = obj.box
                center = np.array([(x1 + x2) / 2, (y1 + y2) / 2]) / scale
                size = np.array([x2 - x1, y2 - y1]) / scale
                lines.append(" ".join([str(obj.label), *_fmt(np.concatenate([center, size]))]))
        write_text_atomic(self.output_label(record, k, out_dir),
                          "".join(line + "\n" for line in lines))
        return None

    def finalize(self, out_dir: Path, entries: list[dict[str, Any]]) -> list[Path]:
        written = []
        for name in ("classes.txt",):
            source = (self.labels_dir or self.input_dir) / name
            if source.is_file():
                target = Path(out_dir) / name
                write_text_atomic(target, source.read_text(encoding="utf-8"))
                written.append(target)
        return written


def _fmt(values: np.ndarray) -> list[str]:
    out = []
    for v in np.round(values, _DIGITS):
        text = f"{v:.{_DIGITS}f}"
        out.append("0.000000" if text == "-0.000000" else text)
    return out


__all__ = ["YoloFormat", "label_path_for"]
