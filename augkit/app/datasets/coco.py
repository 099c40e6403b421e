"""COCO JSON: boxes, keypoints with visibility, polygon and RLE segmentation.

Reading takes the ``images`` whose ``file_name`` exists below the input folder; an
image entry naming a missing file, or an annotation naming an unknown image id, is
reported. Writing gives a COCO file that pycocotools-style readers accept: fresh unique
image and annotation ids, ``width``/``height`` of the augmented image, ``bbox`` and
``area`` recomputed from the transformed segmentation (polygon area, mask pixel count,
or, as COCO does, the box area when there is no mask: no ``segmentation`` or an empty
``"segmentation": []``), ``num_keypoints`` recounted; ``info``, ``licenses``, ``categories`` and
any other fields are kept. Coordinates are written with two decimals.

A malformed annotation (a ``bbox`` that is not 4 numbers, a string coordinate, a
``segmentation`` that is neither a list of polygons nor an RLE dict, a keypoint
visibility other than 0, 1 or 2, an RLE whose size is negative, larger than the pixel
limit or more than 4 times the image's pixels) refuses its whole image as a
:class:`~augkit.app.datasets.base.RecordError` naming the field: reported, counted,
skipped. Visibility -1 is refused rather than guessed (moved or not): COCO defines
only 0, 1 and 2. Image entries with an ``id`` that is not an integer or a string, and
annotations with such an ``image_id``, are reported and ignored when the file is read.

RLE masks (``{"counts": ..., "size": [h, w]}``, compressed string or uncompressed list,
column-major as COCO defines it) are decoded to masks, transformed as segmentation maps
and written back in the form they came in; :func:`rle_encode` / :func:`rle_decode` and
the string codec are implemented here in numpy (pycocotools is not needed).

Examples
--------
>>> import numpy as np
>>> mask = np.zeros((3, 4), bool); mask[1:, 1:3] = True
>>> rle = rle_encode(mask)
>>> rle
{'counts': [4, 2, 1, 2, 3], 'size': [3, 4]}
>>> bool((rle_decode(rle) == mask).all())
True
>>> rle_decode({"counts": rle_to_string(rle["counts"]), "size": [3, 4]}).sum()
np.int64(4)
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import weakref
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

import numpy as np

from augkit.app.datasets.base import (
    MAX_MASK_PIXELS,
    DatasetFormat,
    ImageRecord,
    Obj,
    RecordError,
    numbers,
    round_list,
    scratch_file,
    show,
)
from augkit.app.datasets.images_io import TEMP_MARK, atomic_writer, is_image_file, list_images
from augkit.errors import InputError
from augkit.mirror import flip_idx_from_names

_DIGITS = 2
_GEOMETRY_KEYS = ("bbox", "segmentation", "keypoints", "num_keypoints", "area", "id",
                  "image_id")


# --------------------------------------------------------------------------- RLE


def rle_encode(mask: np.ndarray) -> dict[str, Any]:
    """Encode a boolean ``(H, W)`` mask as uncompressed COCO RLE (column-major runs).

    The first run counts zeros (it may be 0 long).
    """
    mask = np.asarray(mask, dtype=bool)
    height, width = mask.shape
    flat = mask.ravel(order="F")
    if flat.size == 0:
        return {"counts": [], "size": [height, width]}
    changes = np.flatnonzero(flat[1:] != flat[:-1]) + 1
    bounds = np.concatenate([[0], changes, [flat.size]])
    runs = np.diff(bounds).tolist()
    if flat[0]:
        runs.insert(0, 0)
    return {"counts": runs, "size": [height, width]}


def rle_decode(rle: dict[str, Any], *, field: str = "RLE",
               max_pixels: int = MAX_MASK_PIXELS) -> np.ndarray:
    """Decode COCO RLE (compressed string or list of counts) into a boolean mask.

    The size and the counts are checked before anything is allocated: ``size`` must be
    two non-negative integers with at most *max_pixels* pixels, ``counts`` non-negative
    integers (or an ASCII string) adding up to that many pixels.

    Raises
    ------
    RecordError
        The RLE is malformed or too large; the message starts with *field* and the key
        (``RLE.size: ...``).
    """
    if not isinstance(rle, dict) or "counts" not in rle or "size" not in rle:
        raise RecordError(f"{field}: expected {{'counts': ..., 'size': [h, w]}}, "
                          f"got {show(rle)}")
    size = rle["size"]
    if not (isinstance(size, (list, tuple)) and len(size) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0
                    for v in size)):
        raise RecordError(f"{field}.size: expected 2 non-negative integers [h, w], "
                          f"got {show(size)}")
    height, width = size
    if height * width > max_pixels:
        raise RecordError(f"{field}.size: {height}x{width} is {height * width} pixels, "
                          f"more than the limit of {max_pixels} pixels")
    counts = rle["counts"]
    if isinstance(counts, (str, bytes)):
        counts = rle_from_string(counts, field=f"{field}.counts")
    elif not (isinstance(counts, (list, tuple)) and all(
            isinstance(v, int) and not isinstance(v, bool) for v in counts)):
        raise RecordError(f"{field}.counts: expected a list of integers or a string, "
                          f"got {show(counts)}")
    total = height * width
    if any(v < 0 or v > total for v in counts) or sum(counts) != total:
        bad = next((v for v in counts if v < 0 or v > total), None)
        what = (f"has the run {bad}" if bad is not None
                else f"runs add up to {sum(counts)} pixels")
        raise RecordError(f"{field}.counts: the {what}, but size {height}x{width} has "
                          f"{total}")
    runs = np.asarray(counts, dtype=np.int64)
    values = np.zeros(len(runs), dtype=bool)
    values[1::2] = True
    flat = np.repeat(values, runs)
    return flat.reshape((width, height)).T.copy()


def rle_to_string(counts: list[int]) -> str:
    """Compress RLE counts into COCO's string form.

    Each count from the third on is stored as the difference to the count two before;
    values are written 5 bits per character (offset 48), low bits first, with bit 0x20
    meaning "more characters follow" and bit 0x10 of the last one the sign.
    """
    out = []
    for i, count in enumerate(counts):
        x = int(count) - (int(counts[i - 2]) if i > 2 else 0)
        more = True
        while more:
            c = x & 0x1F
            x >>= 5
            more = (x != -1) if (c & 0x10) else (x != 0)
            if more:
                c |= 0x20
            out.append(chr(c + 48))
    return "".join(out)


def rle_from_string(text: str | bytes, *, field: str = "RLE counts") -> list[int]:
    """Decompress COCO's RLE string form into counts (inverse of :func:`rle_to_string`).

    Raises
    ------
    RecordError
        *text* is not ASCII or ends in the middle of a number; the message starts with
        *field*.
    """
    try:
        data = text.encode("ascii") if isinstance(text, str) else bytes(text)
    except UnicodeEncodeError:
        raise RecordError(f"{field}: expected an ASCII string, got {show(text)}") from None
    counts: list[int] = []
    pos = 0
    while pos < len(data):
        x = 0
        shift = 0
        while True:
            c = data[pos] - 48
            pos += 1
            x |= (c & 0x1F) << shift
            shift += 5
            if not c & 0x20:
                if c & 0x10:
                    x |= -1 << shift
                break
            if pos >= len(data):
                raise RecordError(f"{field}: the compressed string ends in the middle of "
                                  "a number")
        if len(counts) > 2:
            x += counts[-2]
        counts.append(x)
    return counts


def mask_box(mask: np.ndarray) -> np.ndarray | None:
    """Return the xyxy box around the True pixels of *mask*, or None if it has none."""
    rows = np.flatnonzero(mask.any(axis=1))
    if not len(rows):
        return None
    cols = np.flatnonzero(mask.any(axis=0))
    return np.array([cols[0], rows[0], cols[-1] + 1, rows[-1] + 1], dtype=np.float64)


# ------------------------------------------------------------------------ format


class CocoFormat(DatasetFormat):
    """A COCO JSON file plus the folder its ``file_name`` entries are relative to.

    The file is read as a stream, one ``images`` / ``annotations`` entry at a time: each
    image keeps its entry as compact JSON text (``record.meta["image_json"]``), and the
    annotations go, one compact JSON line each, to a scratch file (in *scratch_dir*,
    default the system's temporary folder; removed with the dataset object) of which a
    record keeps only the offsets of its own lines. So memory does not hold the document
    as Python objects, and a worker reads just its image's annotations
    (:meth:`annotation_entries`). :meth:`finalize` writes the output file entry by entry
    in the same way.
    """

    name = "coco"
    description = "COCO JSON: boxes, keypoints, polygon and RLE segmentation"

    @classmethod
    def detect(cls, input_dir: Path, annotations: Path | None) -> bool:
        """A JSON file given as ``--annotations``, or exactly one JSON file in the folder."""
        if annotations is not None:
            return annotations.is_file()
        return find_annotations(input_dir) is not None

    @classmethod
    def open(cls, input_dir: Path, annotations: Path | None, *,
             scratch_dir: Path | None = None) -> CocoFormat:
        """Read the COCO file (``--annotations``, or the folder's only JSON file)."""
        if annotations is None:
            annotations = find_annotations(input_dir)
            if annotations is None:
                raise InputError(f"--annotations: give the COCO JSON file; {input_dir} does "
                                 "not hold exactly one .json file")
        if not annotations.is_file():
            raise InputError(f"--annotations: {annotations} is not a file (COCO needs its "
                             "JSON file)")
        return cls(input_dir, annotations, scratch_dir=scratch_dir)

    def __init__(self, input_dir: Path, annotations: Path,
                 scratch_dir: Path | None = None) -> None:
        super().__init__(input_dir)
        self.annotations = Path(annotations)
        self.header: dict[str, Any] = {}
        ann_problems: list[str] = []
        image_items: list[tuple[int, Any, Any, str | None]] = []
        by_image: dict[Any, array] = defaultdict(lambda: array("q"))
        fd, spill_name = scratch_file(scratch_dir, "coco")
        self.spill = Path(spill_name)
        self._reader: list[IO[bytes]] = []  # the open scratch file, once it is read
        weakref.finalize(self, _close_and_unlink, self._reader, spill_name)
        spill = os.fdopen(fd, "wb")

        def take(key: str, index: int, item: Any) -> None:
            if key == "annotations":
                if not isinstance(item, dict) or "image_id" not in item:
                    ann_problems.append(f"{self.annotations}: annotations[{index}] has no "
                                        "image_id; ignored")
                    return
                if not _is_id(item["image_id"]):
                    ann_problems.append(f"{self.annotations}: annotations[{index}].image_id: "
                                        f"expected an integer or a string, got "
                                        f"{show(item['image_id'])}; ignored")
                    return
                by_image[item["image_id"]].append(spill.tell())
                spill.write(_compact(item).encode("ascii") + b"\n")
                return
            name = item.get("file_name") if isinstance(item, dict) else None
            if not isinstance(name, str) or "id" not in item:
                image_items.append((index, None, None, None))
            elif not _is_id(item["id"]):
                image_items.append((index, None, None, show(item["id"])))
            else:
                image_items.append((index, item["id"], name, _compact(item)))

        try:
            with spill, open(self.annotations, encoding="utf-8") as fh:
                found = _stream_coco(fh, take, self.header)
        except (OSError, ValueError) as exc:
            raise InputError(f"{self.annotations}: cannot read the COCO file: {exc}") from None
        except RecursionError:
            raise InputError(f"{self.annotations}: cannot read the COCO file: a value is "
                             "nested too deeply") from None
        if not found:
            raise InputError(f"{self.annotations}: not a COCO file (no 'images' list)")
        seen: set[Any] = set()
        listed: set[str] = set()
        for i, image_id, name, entry in image_items:
            if name is None and entry is not None:
                self.problems.append(f"{self.annotations}: images[{i}].id: expected an "
                                     f"integer or a string, got {entry}; ignored")
                continue
            if name is None:
                self.problems.append(f"{self.annotations}: images[{i}] needs 'id' and "
                                     "'file_name'; ignored")
                continue
            if image_id in seen:
                self.problems.append(f"{self.annotations}: images[{i}] repeats image id "
                                     f"{image_id!r}; ignored")
                continue
            seen.add(image_id)
            path = self.input_dir / name
            listed.add(Path(name).as_posix())
            if not path.is_file():
                self.problems.append(
                    f"{self.annotations}: image id {image_id!r} names {name!r}, which is "
                    f"not in {self.input_dir}; skipped")
                continue
            offsets = by_image.pop(image_id, None)
            self.records.append(ImageRecord(
                index=len(self.records), path=path, rel=Path(name).as_posix(),
                meta={"image_json": entry,
                      "annotation_offsets": offsets.tobytes() if offsets else b""}))
        image_items.clear()
        self.problems[:0] = ann_problems
        #: category id -> flip_idx, from the categories' keypoint names (left_*/right_*)
        self.flip_by_category = _flip_by_category(self.header.get("categories"))
        unknown = sorted(set(by_image) - seen, key=str)  # records popped theirs
        if unknown:
            count = sum(len(by_image[i]) for i in unknown)
            ids = ", ".join(map(str, unknown[:5])) + (", ..." if len(unknown) > 5 else "")
            self.problems.append(
                f"{self.annotations}: {count} annotation(s) name image ids that are not in "
                f"'images' ({ids}); ignored")
        by_image.clear()
        unlisted = [p for p in list_images(self.input_dir)
                    if p.relative_to(self.input_dir).as_posix() not in listed]
        if unlisted:
            self.problems.append(
                f"{self.input_dir}: {len(unlisted)} image file(s) have no entry in "
                f"{self.annotations.name} (e.g. {unlisted[0].name}); not augmented")

    def keypoint_flip_idx(self, label: Any) -> list[int] | None:
        """The mirror of each keypoint of category *label* (``left_*`` <-> ``right_*``)."""
        return self.flip_by_category.get(label) if _is_id(label) else None

    def worker_view(self) -> CocoFormat:
        view = super().worker_view()
        view.header = {}
        return view

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_reader"] = []
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        # A copy in a worker: it closes its reader when it goes; the main process's
        # object removes the file.
        self.__dict__.update(state)
        weakref.finalize(self, _close_and_unlink, self._reader, None)

    # ------------------------------------------------------------------ reading
    def annotation_entries(self, record: ImageRecord) -> list[dict[str, Any]]:
        """The COCO annotation dicts of *record*'s image, in the order of the file."""
        raw = record.meta.get("annotation_offsets") or b""
        if not raw:
            return []
        if not self._reader:
            self._reader.append(open(self.spill, "rb"))  # noqa: SIM115  (closed with self)
        fh = self._reader[0]
        entries = []
        for offset in array("q", raw):
            fh.seek(offset)
            entries.append(json.loads(fh.readline()))
        return entries

    def load_objects(self, record: ImageRecord, shape: tuple[int, ...]) -> list[Obj]:
        objects = []
        for ann in self.annotation_entries(record):
            objects.append(_object_from_ann(ann, shape, f"{self.annotations}: annotation "
                                                        f"id {ann.get('id')!r}"))
        return objects

    # ------------------------------------------------------------------ writing
    def write(self, record: ImageRecord, k: int, out_dir: Path, shape: tuple[int, ...],
              objects: list[Obj]) -> Any:
        return [_ann_from_object(obj) for obj in objects]

    def finalize(self, out_dir: Path, entries: Iterable[dict[str, Any]]) -> list[Path]:
        """Write the output COCO file, streaming *entries* (one output image at a time).

        Image ids are 1, 2, ... in the order of *entries*, annotation ids 1, 2, ... in
        the order of their images; the annotations go to a temporary file first and are
        appended after the ``images`` list, so the whole document is never in memory.
        The bytes are those of ``json.dumps(document, separators=(",", ":"))``.
        """
        path = Path(out_dir) / self.annotations.name
        with atomic_writer(path) as out, tempfile.TemporaryFile(
                "w+", encoding="utf-8", dir=out_dir, prefix=f".{TEMP_MARK}coco-") as anns:
            out.write("{")
            for key, value in self.header.items():
                out.write(_compact(key) + ":" + _compact(value) + ",")
            out.write('"images":[')
            ann_id = 0
            for image_id, entry in enumerate(entries, start=1):
                index = entry["index"]
                known = 0 <= index < len(self.records) and self.records[index].index == index
                source = json.loads(self.records[index].meta["image_json"]) if known else {}
                image = {k: v for k, v in source.items() if k not in ("id", "file_name",
                                                                      "width", "height")}
                image.update(id=image_id, file_name=entry["out"], width=entry["shape"][1],
                             height=entry["shape"][0])
                out.write(("," if image_id > 1 else "") + _compact(image))
                for ann in entry["payload"] or []:
                    ann_id += 1
                    anns.write(("," if ann_id > 1 else "")
                               + _compact({"id": ann_id, "image_id": image_id, **ann}))
            out.write('],"annotations":[')
            anns.seek(0)
            shutil.copyfileobj(anns, out)
            out.write("]}\n")
        return [path]


_SEPARATORS = (",", ":")
_SPACE = re.compile(r"[ \t\n\r]*")


def _close_and_unlink(reader: list[IO[bytes]], path: str | None) -> None:
    for fh in reader:
        fh.close()
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _flip_by_category(categories: Any) -> dict[Any, list[int]]:
    """category id -> flip_idx, for categories whose keypoint names pair left and right."""
    out = {}
    for cat in categories if isinstance(categories, list) else []:
        names = cat.get("keypoints") if isinstance(cat, dict) else None
        if (isinstance(names, list) and all(isinstance(n, str) for n in names)
                and _is_id(cat.get("id"))):
            flip_idx = flip_idx_from_names(names)
            if flip_idx is not None:
                out[cat["id"]] = flip_idx
    return out


def _is_id(value: Any) -> bool:
    """Whether *value* can be a COCO image id (an integer or a string)."""
    return isinstance(value, (int, str)) and not isinstance(value, bool)


def _compact(value: Any) -> str:
    return json.dumps(value, separators=_SEPARATORS)


class _JsonStream:
    """Decode a JSON text piece by piece from a file, holding only a bounded buffer."""

    def __init__(self, fh: IO[str], chunk: int = 1 << 20) -> None:
        self.fh = fh
        self.chunk = chunk
        self.buf = ""
        self.pos = 0
        self.decoder = json.JSONDecoder()

    def _fill(self) -> bool:
        data = self.fh.read(max(self.chunk, len(self.buf) - self.pos))
        if not data:
            return False
        self.buf = self.buf[self.pos:] + data
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def expect(self, chars: str) -> str:
        char = self.peek()
        if not char or char not in chars:
            raise ValueError(f"expected one of {chars!r}, found {char or 'the end'!r}")
        self.pos += 1
        return char

    def value(self) -> Any:
        """Decode the next value (a value ending at the buffer's end may be cut: read on)."""
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except ValueError:
                if not self._fill():
                    raise
                continue
            if end < len(self.buf) or not self._fill():
                self.pos = end
                return value


def _stream_coco(fh: IO[str], take: Callable[[str, int, Any], None],
                 header: dict[str, Any], chunk: int = 1 << 20) -> bool:
    """Walk a COCO document: ``take(key, i, item)`` for each entry of ``images`` and
    ``annotations``, every other top-level field into *header*.

    Returns whether the document is an object with an ``images`` list.
    """
    stream = _JsonStream(fh, chunk)
    if stream.peek() != "{":
        stream.value()  # valid JSON but not an object, or a decoding error
        return False
    stream.pos += 1
    has_images = False
    if stream.peek() == "}":
        stream.pos += 1
    else:
        while True:
            key = stream.value()
            if not isinstance(key, str):
                raise ValueError("an object key is not a string")
            stream.expect(":")
            if key in ("images", "annotations") and stream.peek() == "[":
                stream.pos += 1
                has_images = has_images or key == "images"
                if stream.peek() == "]":
                    stream.pos += 1
                else:
                    index = 0
                    while True:
                        take(key, index, stream.value())
                        index += 1
                        if stream.expect(",]") == "]":
                            break
            else:
                value = stream.value()
                if key == "images":
                    has_images = False
                elif key != "annotations":
                    header[key] = value
            if stream.expect(",}") == "}":
                break
    if stream.peek():
        raise ValueError("extra data after the document")
    return has_images


def _object_from_ann(ann: dict[str, Any], shape: tuple[int, ...], where: str) -> Obj:
    """Read one COCO annotation; a malformed field is a :class:`RecordError`.

    The whole image is refused (reported, counted, skipped) rather than the one
    annotation: writing its other annotations without it would silently lose it.
    """
    box = None
    if "bbox" in ann:
        x, y, w, h = numbers(ann["bbox"], f"{where}.bbox", 4)
        box = np.array([x, y, x + w, y + h], dtype=np.float64)
    polygons: list[np.ndarray] = []
    mask = None
    seg = ann.get("segmentation")
    form = None
    if isinstance(seg, list):
        form = "polygons"
        for i, poly in enumerate(seg):
            coords = numbers(poly, f"{where}.segmentation[{i}]")
            if len(coords) < 6 or len(coords) % 2:
                raise RecordError(f"{where}.segmentation[{i}]: a polygon needs an even "
                                  f"number of at least 6 values, got {len(coords)}")
            polygons.append(coords.reshape(-1, 2))
    elif isinstance(seg, dict):
        form = "rle_string" if isinstance(seg.get("counts"), (str, bytes)) else "rle_list"
        pixels = int(shape[0]) * int(shape[1])
        limit = max(pixels, min(MAX_MASK_PIXELS, 4 * pixels))
        mask = rle_decode(seg, field=f"{where}.segmentation", max_pixels=limit)
        if mask.shape != tuple(shape[:2]):
            import cv2

            mask = cv2.resize(mask.astype(np.uint8), (shape[1], shape[0]),
                              interpolation=cv2.INTER_NEAREST).astype(bool)
    elif seg is not None:
        raise RecordError(f"{where}.segmentation: expected a list of polygons or an RLE "
                          f"dict, got {show(seg)}")
    keypoints = None
    kps = ann.get("keypoints")
    if kps is not None and kps != []:
        arr = numbers(kps, f"{where}.keypoints")
        if len(arr) % 3:
            raise RecordError(f"{where}.keypoints: expected x, y, v triples, got "
                              f"{len(arr)} values")
        keypoints = arr.reshape(-1, 3)
        bad = np.flatnonzero(~np.isin(keypoints[:, 2], (0, 1, 2)))
        if len(bad):
            j = int(bad[0])
            raise RecordError(f"{where}.keypoints[{3 * j + 2}]: visibility: expected 0, 1 "
                              f"or 2, got {show(kps[3 * j + 2])}")
    extra = {k: v for k, v in ann.items() if k not in _GEOMETRY_KEYS}
    source = {"extra": extra, "form": form, "has_bbox": box is not None,
              "has_keypoints": "keypoints" in ann, "has_area": "area" in ann}
    return Obj(label=ann.get("category_id"), box=box, polygons=polygons, keypoints=keypoints,
               mask=mask, source=source)


def _polygons_area(polygons: list[np.ndarray]) -> float:
    total = 0.0
    for p in polygons:
        x, y = p[:, 0], p[:, 1]
        total += 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))
    return total


def _ann_from_object(obj: Obj) -> dict[str, Any]:
    src = obj.source
    ann: dict[str, Any] = dict(src["extra"])
    box = obj.box
    area = None
    if src["form"] == "polygons":
        ann["segmentation"] = [round_list(p, _DIGITS) for p in obj.polygons]
        if obj.polygons:
            allxy = np.concatenate(obj.polygons)
            box = np.concatenate([allxy.min(axis=0), allxy.max(axis=0)])
            area = _polygons_area(obj.polygons)
    elif src["form"] in ("rle_string", "rle_list"):
        rle = rle_encode(obj.mask)
        if src["form"] == "rle_string":
            rle["counts"] = rle_to_string(rle["counts"])
        ann["segmentation"] = rle
        box = mask_box(obj.mask)
        area = float(obj.mask.sum())
    if box is not None:
        x1, y1, x2, y2 = round_list(box, _DIGITS)
        if src["has_bbox"] or src["form"]:
            ann["bbox"] = round_list([x1, y1, x2 - x1, y2 - y1], _DIGITS)
        if area is None:
            area = (x2 - x1) * (y2 - y1)
    if area is not None or src["has_area"]:
        ann["area"] = round(float(area or 0.0), _DIGITS)
    if obj.keypoints is not None:
        kps = obj.keypoints.copy()
        kps[:, :2] = np.round(kps[:, :2], _DIGITS)
        flat = kps.ravel().tolist()
        ann["keypoints"] = [int(v) if i % 3 == 2 else (0.0 if v == 0 else v)
                            for i, v in enumerate(flat)]
        ann["num_keypoints"] = int((kps[:, 2] > 0).sum())
    elif src["has_keypoints"]:
        ann["keypoints"] = []
        ann["num_keypoints"] = 0
    return ann


def find_annotations(input_dir: Path) -> Path | None:
    """Return the COCO file in *input_dir* when there is exactly one JSON file."""
    candidates = [p for p in Path(input_dir).glob("*.json") if not is_image_file(p)]
    return candidates[0] if len(candidates) == 1 else None


__all__ = ["CocoFormat", "find_annotations", "mask_box", "rle_decode", "rle_encode",
           "rle_from_string", "rle_to_string"]
