"""Per-object labels for plain arrays, and what leaves the image (the ``labels=`` option).

``aug(image=img, bounding_boxes=boxes, bbox_format="coco", labels={"cls": cls, "track":
tid})`` returns ``(image, boxes, labels)``: *labels* holds each given array restricted
to the objects that survived, in their order, and ``"index"``, the survivors' indices
into the input. Any number of per-object arrays (numpy arrays or lists: class ids, track
ids, names) travel this way with plain boxes, keypoints, polygons or line strings,
through every augmenter, including those that remove objects.

With ``labels=`` the call also fits the objects to the image, as a training pipeline
expects (albumentations' ``BboxParams``/``KeypointParams`` defaults):

* boxes are clipped to the image (``clip=True``) and dropped when nothing of them is
  left, when the visible fraction of their area is below ``min_visibility`` (default
  0) or their clipped area below ``min_area`` pixels (default 0);
* keypoints outside the image are dropped;
* polygons are dropped when nothing of them, or less than ``min_visibility`` of their
  area, is inside the image (they are not clipped); line strings when they lie wholly
  outside.

For a batch (``images=`` with a list of plain arrays per kind), ``labels=`` is a list of
dicts, one per image, and so is the result. ``labels={}`` gives only the indices.
Without ``labels=``, nothing is clipped or dropped
beyond what augmenters do (imgaug's behaviour). imgaug objects (``BoundingBoxesOnImage``
...) keep their own ``label``; ``labels=`` is for plain arrays.

Examples
--------
>>> import numpy as np, augkit
>>> boxes = np.array([[0, 0, 10, 10], [30, 0, 38, 10]], dtype=np.float32)
>>> aug = augkit.get("Affine", translate_px={"x": 20})
>>> image, out, labels = aug(image=np.zeros((20, 40), np.uint8), bounding_boxes=boxes,
...                          labels={"cls": np.array([3, 7])})
>>> out.tolist(), labels["cls"].tolist(), labels["index"].tolist()
([[20.0, 0.0, 30.0, 10.0]], [3], [0])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from augkit.augmentables.bbs import BoundingBoxesOnImage
from augkit.augmentables.keypoints import KeypointsOnImage
from augkit.augmentables.lines import LineStringsOnImage
from augkit.augmentables.polys import PolygonsOnImage
from augkit.errors import InputError, ParameterError, describe

#: The call options of this feature (besides ``bbox_format``).
OPTIONS = ("labels", "min_visibility", "min_area", "clip")
_KINDS = ("bounding_boxes", "keypoints", "polygons", "line_strings")
_RESULT = "_labels_result"  # where the restore step leaves the result, in the options
_CLAIMED = "_labels_claimed"  # the kinds that took flat labels, in the options


def wanted(options: Any, kind_name: str) -> Any:
    """The labels that *kind_name* carries in this call, or None (checks the options).

    *options* is the call's dict of options: flat labels note here which kind took them.
    """
    if "labels" not in options:
        extra = [name for name in OPTIONS if name in options]
        if extra:
            raise InputError(f"{extra[0]}= applies with labels= (labels={{}} returns only "
                             "the indices of the objects that survive)")
        return None
    labels = options["labels"]
    if not isinstance(labels, (Mapping, list, tuple)):
        raise InputError(f"labels: expected a dict of per-object arrays (name -> array), or "
                         f"a list of such dicts for images=, got {describe(labels)}")
    if isinstance(labels, Mapping) and labels and all(key in _KINDS for key in labels):
        return labels.get(kind_name)
    claimed = options.setdefault(_CLAIMED, [])  # the call's dict of options
    if claimed:
        raise InputError(f"labels: the call has {claimed[0]} and {kind_name}; say which "
                         "labels go with which: labels={'bounding_boxes': {...}, "
                         "'keypoints': {...}}")
    claimed.append(kind_name)
    return labels


def result(options: Mapping[str, Any]) -> dict[str, Any]:
    """The labels of the survivors, as the restore steps left them (flat or per kind)."""
    found = options.get(_RESULT, {})
    labels = options["labels"]
    if isinstance(labels, Mapping) and labels and all(key in _KINDS for key in labels):
        return found
    return next(iter(found.values()), {"index": np.zeros(0, dtype=np.intp)})


class Labelled:
    """Attach object indices to plain rows; on the way back, fit each row to its image
    and take the labels of the survivors.

    *labels* is one dict for one image (``image=``) or a list of dicts, one per image
    (``images=``); the result has the same form.
    """

    __slots__ = ("clip", "kind_name", "labels", "min_area", "min_visibility", "options",
                 "restore", "single")

    def __init__(self, restore: Any, labels: Any, counts: list[int], kind_name: str,
                 options: Any, *, single: bool) -> None:
        rows = [labels] if single else list(labels)
        if len(rows) != len(counts):
            raise InputError(f"labels: {len(rows)} dicts for {len(counts)} images (one per "
                             "image of the call)")
        for row, (given, count) in enumerate(zip(rows, counts)):
            where = "labels" if single else f"labels[{row}]"
            if not isinstance(given, Mapping):
                raise InputError(f"{where}: expected a dict of per-object arrays, got "
                                 f"{describe(given)}")
            if "index" in given:
                raise ParameterError(f"{where}: 'index' is the name of the survivors' indices "
                                     "in the result; name your array otherwise")
            for name, values in given.items():
                if len(values) != count:
                    raise InputError(f"{where}[{name!r}]: {len(values)} values for {count} "
                                     f"{kind_name} (one per object)")
        self.restore, self.labels, self.single = restore, rows, single
        self.kind_name, self.options = kind_name, options
        self.clip = bool(options.get("clip", True))
        self.min_visibility = _fraction(options.get("min_visibility", 0.0))
        self.min_area = _non_negative(options.get("min_area", 0.0), "min_area")

    def __call__(self, rows: list) -> Any:
        items, results = [], []
        for item, given in zip(rows, self.labels):
            item = _fit(item, self)
            index = np.asarray(item.labels, dtype=np.intp)
            out = {name: _take(values, index) for name, values in given.items()}
            out["index"] = index
            results.append(out)
            items.append(_relabel(item, [None] * len(index)))
        self.options.setdefault(_RESULT, {})[self.kind_name] = (
            results[0] if self.single else results)
        return self.restore(items)


def indexed(item: Any) -> Any:
    """*item* with each object's label set to its index (the objects travel with them)."""
    return _relabel(item, list(range(count(item))))


def count(item: Any) -> int:
    """The number of objects in *item*."""
    if isinstance(item, BoundingBoxesOnImage):
        return len(item.xyxy)
    if isinstance(item, KeypointsOnImage):
        return len(item.xy)
    return len(item.items)


def _relabel(item: Any, labels: list) -> Any:
    if isinstance(item, BoundingBoxesOnImage):
        return BoundingBoxesOnImage._new(item.xyxy, labels, item.shape)
    if isinstance(item, KeypointsOnImage):
        return KeypointsOnImage._new(item.xy, labels, item.shape)
    shapes = [type(shape)._view(shape.coords, label) for shape, label in zip(item.items, labels)]
    return type(item)._new(shapes, item.shape)


def _fit(item: Any, spec: Labelled) -> Any:
    """Clip and drop objects of *item* (labels = original indices) as *spec* says."""
    height, width = item.shape[:2]
    if isinstance(item, BoundingBoxesOnImage):
        xyxy = np.asarray(item.xyxy, dtype=np.float32).reshape(-1, 4)
        clipped = xyxy.copy()
        clipped[:, [0, 2]] = np.clip(clipped[:, [0, 2]], 0, width)
        clipped[:, [1, 3]] = np.clip(clipped[:, [1, 3]], 0, height)
        area = np.prod(np.maximum(xyxy[:, 2:] - xyxy[:, :2], 0), axis=1)
        visible = np.prod(np.maximum(clipped[:, 2:] - clipped[:, :2], 0), axis=1)
        fraction = np.divide(visible, area, out=np.zeros_like(visible), where=area > 0)
        keep = (visible > 0) & (fraction >= spec.min_visibility) & (visible >= spec.min_area)
        kept = np.flatnonzero(keep)
        coords = clipped if spec.clip else xyxy
        return BoundingBoxesOnImage._new(np.ascontiguousarray(coords[kept]),
                                         [item.labels[i] for i in kept], item.shape)
    if isinstance(item, KeypointsOnImage):
        xy = np.asarray(item.xy, dtype=np.float32).reshape(-1, 2)
        keep = (xy[:, 0] >= 0) & (xy[:, 0] < width) & (xy[:, 1] >= 0) & (xy[:, 1] < height)
        kept = np.flatnonzero(keep)
        return KeypointsOnImage._new(np.ascontiguousarray(xy[kept]),
                                     [item.labels[i] for i in kept], item.shape)
    if isinstance(item, PolygonsOnImage):
        shapes = [p for p in item.items
                  if 1.0 - p.compute_out_of_image_fraction(item.shape)
                  >= max(spec.min_visibility, 1e-9)]
    elif isinstance(item, LineStringsOnImage):
        shapes = [ls for ls in item.items if not ls.is_out_of_image(item.shape, fully=True,
                                                                     partly=False)]
    else:  # pragma: no cover - only the four kinds above take labels
        shapes = list(item.items)
    return type(item)._new(shapes, item.shape)


def _take(values: Any, index: np.ndarray) -> Any:
    if isinstance(values, np.ndarray):
        return values[index]
    return [values[i] for i in index.tolist()]


def _fraction(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ParameterError(f"min_visibility: expected a number in [0, 1], got "
                             f"{describe(value)}")
    return float(value)


def _non_negative(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ParameterError(f"{name}: expected a number >= 0, got {describe(value)}")
    return float(value)
