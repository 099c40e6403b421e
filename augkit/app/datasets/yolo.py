"""YOLO txt labels: one line per object, coordinates normalised to [0, 1].

``class cx cy w h`` is a box; ``class x1 y1 x2 y2 ... xn yn`` (three or more points) is a
segment polygon (Ultralytics' segmentation format). A pose dataset is one whose dataset
file (:mod:`~augkit.app.datasets.yolo_data`: ``data.yaml`` beside the images or up to
two folders above) has ``kpt_shape: [K, D]``: every line is then ``class cx cy w h``
followed by K keypoints of D values (``x y`` or ``x y visibility``), and any other count
refuses the image. A keypoint that leaves the image is written ``0 0 0`` (``0 0`` with
D = 2: Ultralytics' "not labelled"). Without ``kpt_shape`` a pose file cannot be told from
segments, so a pose dataset needs its dataset file.

A segment that clipping to the image splits into several parts is written as one line
the way Ultralytics merges a multi-part COCO mask (``merge_multi_segment``): the parts
joined into one outline by zero-width bridges between their closest points (there and
back), so the object stays one instance with its whole mask. ``data.yaml`` is written
for the output (``yolo train data=OUT/data.yaml`` works), ``classes.txt`` copied.

The label file of an image is found
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
from collections.abc import Iterable
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
from augkit.app.datasets.yolo_data import (
    check_keypoint_values,
    find_data_yaml,
    keypoint_shape,
    write_data_yaml,
)

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
    description = "YOLO txt: boxes, segment polygons and pose, Ultralytics' layout"

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
        #: The input's dataset file and its content (None without one).
        self.data_yaml = find_data_yaml(self.input_dir)
        doc = self.data_yaml[1] if self.data_yaml else None
        #: ``(K, D)`` of a pose dataset (``kpt_shape``), else None.
        self.kpt_shape = keypoint_shape(doc)
        #: Ultralytics' ``flip_idx`` of a pose dataset (the mirror keypoint of each), or None.
        self.flip_idx: list[int] | None = (doc or {}).get("flip_idx")
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

    def keypoint_flip_idx(self, label: Any) -> list[int] | None:
        """data.yaml's ``flip_idx``: the mirror of each keypoint (every class alike)."""
        return self.flip_idx

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
            if self.kpt_shape is not None:
                check_keypoint_values(len(values), self.kpt_shape, f"{label}:{lineno}")
                objects.append(Obj(label=fields[0], box=_box(values[:4], scale),
                                   keypoints=_keypoints(values[4:], self.kpt_shape, scale),
                                   source="pose"))
            elif len(values) == 4:
                objects.append(Obj(label=fields[0], box=_box(values, scale), source="box"))
            elif len(values) >= 6 and len(values) % 2 == 0:
                poly = values.reshape(-1, 2) * scale
                objects.append(Obj(label=fields[0], polygons=[poly], source="segment"))
            else:
                raise RecordError(
                    f"{label}:{lineno}: expected 'class cx cy w h' or 'class x1 y1 ... "
                    f"xn yn' (3 or more points), got {len(values)} numbers (a pose "
                    "dataset needs its data.yaml with kpt_shape)")
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
                poly = merge_parts(obj.polygons) / scale
                lines.append(" ".join([str(obj.label), *_fmt(poly.ravel())]))
                continue
            x1, y1, x2, y2 = obj.box
            center = np.array([(x1 + x2) / 2, (y1 + y2) / 2]) / scale
            size = np.array([x2 - x1, y2 - y1]) / scale
            fields = [str(obj.label), *_fmt(np.concatenate([center, size]))]
            if obj.source == "pose" and self.kpt_shape is not None:
                fields += _keypoint_fields(obj.keypoints, self.kpt_shape[1], scale)
            lines.append(" ".join(fields))
        write_text_atomic(self.output_label(record, k, out_dir),
                          "".join(line + "\n" for line in lines))
        return sorted({int(obj.label) for obj in objects})

    def finalize(self, out_dir: Path, entries: Iterable[dict[str, Any]]) -> list[Path]:
        """Copy ``classes.txt`` (of the labels' folder or the images'); write ``data.yaml``.

        See :func:`~augkit.app.datasets.yolo_data.write_data_yaml`.
        """
        written = []
        classes: set[int] = set()
        for entry in entries:
            classes.update(entry.get("payload") or [])
        names = None
        folders = [self.labels_dir or label_path_for(self.input_dir / "x.jpg").parent,
                   self.input_dir]
        source = next((f / "classes.txt" for f in folders if (f / "classes.txt").is_file()),
                      None)
        if source is not None:
            text = source.read_text(encoding="utf-8")
            names = [line.strip() for line in text.splitlines() if line.strip()]
            target = Path(out_dir) / "classes.txt"
            write_text_atomic(target, text)
            written.append(target)
        written.append(write_data_yaml(Path(out_dir), self.input_dir, self.data_yaml, classes,
                                       names))
        return written


def _box(values: np.ndarray, scale: np.ndarray) -> np.ndarray:
    center, size = values[:2] * scale, values[2:4] * scale
    return np.concatenate([center - size / 2, center + size / 2])


def _keypoints(values: np.ndarray, shape: tuple[int, int], scale: np.ndarray) -> np.ndarray:
    """K keypoints in pixels with a visibility (D = 2: 0 at ``0 0``, else 2)."""
    count, dims = shape
    raw = values.reshape(count, dims)
    out = np.zeros((count, 3), dtype=np.float64)
    out[:, :2] = raw[:, :2] * scale
    if dims == 3:
        out[:, 2] = raw[:, 2]
    else:
        out[:, 2] = np.where((raw[:, 0] == 0) & (raw[:, 1] == 0), 0.0, 2.0)
    return out


def _keypoint_fields(keypoints: np.ndarray, dims: int, scale: np.ndarray) -> list[str]:
    fields = []
    for x, y, v in keypoints:
        xy = np.array([x, y]) / scale if v > 0 else np.zeros(2)
        fields += _fmt(xy)
        if dims == 3:
            fields.append(str(int(v)) if float(v).is_integer() else _fmt(np.array([v]))[0])
    return fields


def merge_parts(parts: list[np.ndarray]) -> np.ndarray:
    """Join polygon *parts* into one outline through zero-width bridges.

    Part i + 1 is reached from part i through their closest pair of vertices; the
    outline goes round part i, takes the bridge, goes round part i + 1 (and on), comes
    back over the same bridge and finishes part i. The area is the sum of the parts'.

    Examples
    --------
    >>> a = np.array([[0., 0], [2, 0], [2, 2], [0, 2]])
    >>> merge_parts([a, a + [5, 0]]).tolist()  # doctest: +NORMALIZE_WHITESPACE
    [[2.0, 0.0], [5.0, 0.0], [7.0, 0.0], [7.0, 2.0], [5.0, 2.0], [5.0, 0.0], [2.0, 0.0],
     [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]]
    """
    if len(parts) == 1:
        return parts[0]

    def closest(a: np.ndarray, b: np.ndarray) -> tuple[int, int]:
        dist = ((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=2)
        i, j = np.unravel_index(int(np.argmin(dist)), dist.shape)
        return int(i), int(j)

    def ring(i: int, entry: int) -> list[np.ndarray]:
        part = parts[i]
        order = np.roll(np.arange(len(part)), -entry)
        points = [part[j] for j in order]
        if i + 1 == len(parts):
            return points
        exit_at, next_entry = closest(part, parts[i + 1])
        pos = int(np.flatnonzero(order == exit_at)[0])
        inner = ring(i + 1, next_entry)
        return [*points[:pos + 1], *inner, inner[0], points[pos], *points[pos + 1:]]

    first_exit, _ = closest(parts[0], parts[1])
    return np.array(ring(0, first_exit), dtype=np.float64)


def _fmt(values: np.ndarray) -> list[str]:
    out = []
    for v in np.round(values, _DIGITS):
        text = f"{v:.{_DIGITS}f}"
        out.append("0.000000" if text == "-0.000000" else text)
    return out


__all__ = ["YoloFormat", "label_path_for", "merge_parts"]
