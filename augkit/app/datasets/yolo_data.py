"""Ultralytics' dataset file (``data.yaml``): found beside a YOLO input, written for its output.

The input's file gives the class ``names``, and for pose datasets ``kpt_shape`` (``[K,
2]`` or ``[K, 3]``: K keypoints of x, y and, with 3, a visibility) and ``flip_idx``.
It is looked for in the image folder and the two folders above it (``root/images/train``
-> ``root``): ``data.yaml`` first, else the one YAML file there with ``names`` (YAML
files that do not load are passed over; a ``data.yaml`` that does not load is an error).

The output's file is written at the output's dataset root (the folder above the output
path's last ``images`` folder, else the output folder), so that ``yolo train
data=OUT/data.yaml`` works at once: ``path`` is that root, the split the input was (the
input file's ``train``/``val``/``test`` entry naming the input folder, else ``train``) is
the output folder, and the input's other splits are kept as absolute paths to the input's
folders (validation on the original images). Without any ``val`` the output folder is
also ``val``: replace it with a validation split of your own. A split an earlier run
wrote into the same root (a relative path) is kept, so augmenting ``train`` then ``val``
into one root gives one file naming both. ``names`` come from the input's file, else
``classes.txt`` (one name per line), else the class numbers seen (``{0: '0', ...}``).

Examples
--------
>>> output_root(Path("/out/images/train"))
PosixPath('/out')
>>> output_root(Path("/out"))
PosixPath('/out')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from augkit.app.datasets.base import RecordError
from augkit.app.datasets.images_io import write_text_atomic
from augkit.errors import InputError

#: The file name of the output's dataset file.
DATA_YAML = "data.yaml"
#: Split keys of a dataset file.
SPLITS = ("train", "val", "test")
_MAX_BYTES = 1 << 20


def _load(path: Path) -> Any:
    import yaml

    from augkit.serialization import _yaml_loader

    try:
        if path.stat().st_size > _MAX_BYTES:
            raise InputError(f"{path}: a dataset file over {_MAX_BYTES} bytes; not read")
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_yaml_loader())
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 -- YAML, decoding, alias-bomb errors alike
        raise InputError(f"{path}: cannot read this dataset file: "
                         f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
                         ) from None


def find_data_yaml(input_dir: Path) -> tuple[Path, dict[str, Any]] | None:
    """Return the input's dataset file and its content, or None when there is none.

    Raises
    ------
    InputError
        The file found cannot be read, or its ``kpt_shape``/``flip_idx`` are malformed.
    """
    folder = Path(input_dir).resolve()
    for candidate in [folder, *folder.parents][:3]:
        named = candidate / DATA_YAML
        if named.is_file():
            return named, _checked(named, _load(named))
        found = []
        for path in sorted([*candidate.glob("*.yaml"), *candidate.glob("*.yml")]):
            try:
                doc = _load(path)
            except InputError:  # another YAML file (not a dataset's) that does not load
                continue
            if isinstance(doc, dict) and "names" in doc:
                found.append((path, doc))
        if len(found) == 1:
            return found[0][0], _checked(*found[0])
    return None


def _checked(path: Path, doc: Any) -> dict[str, Any]:
    if not isinstance(doc, dict):
        raise InputError(f"{path}: expected a mapping (names, train, ...), got "
                         f"{type(doc).__name__}")
    shape = doc.get("kpt_shape")
    if shape is not None:
        ok = (isinstance(shape, list) and len(shape) == 2
              and all(isinstance(v, int) and not isinstance(v, bool) for v in shape)
              and shape[0] > 0 and shape[1] in (2, 3))
        if not ok:
            raise InputError(f"{path}: kpt_shape: expected [K, 2] or [K, 3] with K > 0, "
                             f"got {shape!r}")
        flip = doc.get("flip_idx")
        if flip is not None and sorted(flip) != list(range(shape[0])):
            raise InputError(f"{path}: flip_idx: expected a permutation of 0..{shape[0] - 1}"
                             f", got {flip!r}")
    return doc


def keypoint_shape(doc: dict[str, Any] | None) -> tuple[int, int] | None:
    """Return ``(K, D)`` of a pose dataset's file, None for other datasets."""
    shape = (doc or {}).get("kpt_shape")
    return (int(shape[0]), int(shape[1])) if shape else None


def output_root(out_dir: Path) -> Path:
    """The dataset root of an output folder: above its last ``images`` folder."""
    parts = Path(out_dir).parts
    for i in range(len(parts) - 1, -1, -1):
        if parts[i] == "images":
            return Path(*parts[:i]) if i else Path(".")
    return Path(out_dir)


def _split_paths(doc: dict[str, Any], base: Path) -> dict[str, list[Path]]:
    root = Path(doc.get("path") or base)
    root = root if root.is_absolute() else base / root
    splits = {}
    for key in SPLITS:
        value = doc.get(key)
        values = value if isinstance(value, list) else [value] if value else []
        splits[key] = [root / str(v) for v in values]
    return splits


def write_data_yaml(out_dir: Path, input_dir: Path, source: tuple[Path, dict] | None,
                    classes: set[int], class_names: list[str] | None) -> Path:
    """Write the output's ``data.yaml`` (see the module's docstring); return its path."""
    import yaml

    out_root = output_root(out_dir).resolve()
    target = out_root / DATA_YAML
    doc: dict[str, Any] = dict(source[1]) if source else {}
    ours = "train"
    if source:
        wanted = Path(input_dir).resolve()
        for key, paths in _split_paths(source[1], source[0].parent).items():
            if any(p.resolve() == wanted for p in paths):
                ours = key
            elif paths:
                absolute = [str(p.resolve()) for p in paths]
                doc[key] = absolute if isinstance(source[1][key], list) else absolute[0]
    earlier = _load(target) if target.is_file() else None
    if isinstance(earlier, dict):
        for key in SPLITS:
            value = earlier.get(key)
            if key != ours and isinstance(value, str) and not os.path.isabs(value):
                doc[key] = value
    doc["path"] = str(out_root)
    doc[ours] = Path(out_dir).resolve().relative_to(out_root).as_posix()
    doc.setdefault("val", doc[ours])
    if "names" not in doc:
        if class_names:
            doc["names"] = dict(enumerate(class_names))
        else:
            doc["names"] = {i: str(i) for i in range(max(classes, default=-1) + 1)}
    write_text_atomic(target, yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    return target


def check_keypoint_values(values: int, shape: tuple[int, int], where: str) -> None:
    """Refuse a pose line that is not ``class cx cy w h`` and K*D keypoint values."""
    expected = 4 + shape[0] * shape[1]
    if values != expected:
        raise RecordError(f"{where}: expected 'class cx cy w h' and {shape[0]} keypoints of "
                          f"{shape[1]} values (kpt_shape {list(shape)}): {expected} numbers, "
                          f"got {values}")


__all__ = ["DATA_YAML", "SPLITS", "check_keypoint_values", "find_data_yaml", "keypoint_shape",
           "output_root", "write_data_yaml"]
