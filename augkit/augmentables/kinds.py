"""The seven built-in kinds: how augmenters see images, maps and coordinates.

Each kind turns what a user passes under its keyword into one item per row
(:meth:`~augkit.augmentables.kind.Kind.to_rows`) and gives the augmented items back in
the form the user passed. Accepted forms:

``images`` (``image=`` for one)
    one ``(H, W)`` / ``(H, W, C)`` array; a batch as an ``(N, H, W, C)`` array, an
    ``(N, H, W)`` array or a list of 2-D/3-D arrays. Rows are 3-D views.
``heatmaps``, ``segmentation_maps``
    a ``HeatmapsOnImage`` / ``SegmentationMapsOnImage`` or a list of them; also plain
    arrays per row (float in [0, 1] for heatmaps, int/bool ids for segmentation maps) when
    the image shapes are known: one ``(h, w)`` / ``(h, w, C)`` array, a list of them, or an
    ``(N, h, w)`` / ``(N, h, w, C)`` array. Plain arrays come back as plain arrays.
``keypoints``
    a ``KeypointsOnImage``, an ``(N, 2)`` array, a list of ``(x, y)`` or of ``Keypoint``;
    a batch as a list of those or a ``(B, N, 2)`` array.
``bounding_boxes``
    a ``BoundingBoxesOnImage``, an ``(N, 4)`` array or a list of 4-tuples (in the box
    format of the ``bbox_format`` option, default ``"xyxy"``), or a list of
    ``BoundingBox``; a batch as a list of those or a ``(B, N, 4)`` array.
``polygons``, ``line_strings``
    a ``PolygonsOnImage`` / ``LineStringsOnImage``, a list of ``Polygon`` / ``LineString``,
    a list of ``(M, 2)`` arrays or point lists, or a ``(P, M, 2)`` array; a batch as a list
    of those.

Whether a coordinate value is one row or a batch is read from its nesting depth (an
``(N, 2)`` keypoint array is one row, a ``(B, N, 2)`` array a batch); ``single`` only
decides when empty lists leave it open. Plain coordinate values need the image shape of
their row, so they require images in the same call.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any, ClassVar

import numpy as np

from augkit import mirror
from augkit.augmentables import _labels
from augkit.augmentables._utils import as_xy, normalize_shape
from augkit.augmentables._vertices import VertexShape, VertexShapesOnImage, as_vertices
from augkit.augmentables.bbs import (
    BoundingBox,
    BoundingBoxesOnImage,
    as_box_array,
    boxes_to_xyxy,
    check_format,
    corners_to_xyxy,
    xyxy_to_corners,
)
from augkit.augmentables.heatmaps import HeatmapsOnImage
from augkit.augmentables.images import image_rows
from augkit.augmentables.keypoints import Keypoint, KeypointsOnImage
from augkit.augmentables.kind import Kind, MapKind, PointsKind
from augkit.augmentables.lines import LineString, LineStringsOnImage
from augkit.augmentables.polys import Polygon, PolygonsOnImage, repair_transformed
from augkit.augmentables.segmaps import SegmentationMapsOnImage
from augkit.errors import InputError, describe

Back = Callable[[Any], Any] | None


def _give_back(row: Any, back: Back) -> Any:
    """Convert an augmented *row* to the user's form.

    *back* converts plain values (always into new arrays or lists). An item the user
    passed as an object comes back as is: augmenters that do not transform a kind (pixel
    augmenters) return the very object they were given, and callers rely on that.
    """
    return row if back is None else back(row)


class _RestoreOne:
    """Give back one row, converted by *back* when the user passed a plain value."""

    __slots__ = ("back", "name")

    def __init__(self, back: Back, name: str) -> None:
        self.back, self.name = back, name

    def __call__(self, rows: list) -> Any:
        if len(rows) != 1:
            raise InputError(f"{self.name}: expected 1 augmented row back, got {len(rows)}")
        return _give_back(rows[0], self.back)


class _RestoreRows:
    """Give back a batch: each row converted by its *back*; an array when one was passed."""

    __slots__ = ("backs", "as_array", "empty", "name")

    def __init__(self, backs: Sequence[Back], as_array: bool, empty: Any, name: str) -> None:
        self.backs, self.as_array, self.empty, self.name = backs, as_array, empty, name

    def __call__(self, rows: list) -> Any:
        if len(rows) != len(self.backs):
            raise InputError(
                f"{self.name}: expected {len(self.backs)} augmented rows back, got {len(rows)}"
            )
        out = [_give_back(row, back) for row, back in zip(rows, self.backs, strict=True)]
        if self.as_array:
            if not out:
                return self.empty
            first = out[0]
            if all(isinstance(o, np.ndarray) and o.shape == first.shape
                   and o.dtype == first.dtype for o in out):
                return np.stack(out)
        return out


def _row_shape(name: str, shapes: list | None, index: int, count: int,
               wrapper: str) -> tuple[int, ...]:
    """Return the image shape of row *index*, or explain why plain values need one."""
    if shapes is None:
        raise InputError(
            f"{name}: plain arrays and lists need the shape of their image; pass the images "
            f"in the same call (image= or images=), or pass {wrapper}(..., shape=(H, W)) "
            "instead"
        )
    if len(shapes) != count:
        raise InputError(
            f"{name}: got {count} row(s) for {len(shapes)} image(s); every kind needs one "
            "entry per image"
        )
    return normalize_shape(shapes[index], "shape")


# ------------------------------------------------------------------------ images


class ImagesKind(Kind):
    """Images: one ``(H, W, C)`` array per row (2-D images become ``[:, :, None]`` views)."""

    name = "images"
    singular = "image"
    category = "image"

    @classmethod
    def to_rows(cls, value: Any, *, shapes: list[tuple[int, ...]] | None, single: bool,
                options: Mapping[str, Any]) -> tuple[list, Callable[[list], Any]]:
        return image_rows(value, single=single)

    @classmethod
    def shape_of(cls, item: np.ndarray) -> tuple[int, ...]:
        return item.shape


# -------------------------------------------------------------------------- maps


class _MapKindBase(MapKind):
    """Shared ``to_rows`` of the map kinds: items, or plain arrays given image shapes."""

    item_class: ClassVar[type]

    @classmethod
    def _wrapper(cls) -> str:
        return cls.item_class.__name__

    @classmethod
    def _wrap(cls, arr: np.ndarray, shape: tuple[int, ...], argname: str) -> Any:
        try:
            return cls.item_class(arr, shape)
        except InputError as exc:
            raise InputError(f"{argname}: {exc}") from None

    @classmethod
    def _unwrap(cls, item: Any) -> np.ndarray:
        return item.get_arr()

    @classmethod
    def _forms_error(cls, value: Any) -> InputError:
        item = cls.item_class.__name__
        return InputError(
            f"{cls.name}: expected a {item}, a list of them, or plain arrays of shape (h, w), "
            f"(h, w, C), (N, h, w) or (N, h, w, C); got {describe(value)}"
        )

    @classmethod
    def to_rows(cls, value: Any, *, shapes: list[tuple[int, ...]] | None, single: bool,
                options: Mapping[str, Any]) -> tuple[list, Callable[[list], Any]]:
        if isinstance(value, cls.item_class):
            return [value], _RestoreOne(None, cls.name)
        if isinstance(value, np.ndarray):
            if value.ndim == 2 or (value.ndim == 3 and single):
                shape = _row_shape(cls.name, shapes, 0, 1, cls._wrapper())
                item = cls._wrap(value, shape, cls.name)
                return [item], _RestoreOne(cls._unwrap, cls.name)
            if value.ndim in (3, 4):
                count = len(value)
                rows = [cls._wrap(arr, _row_shape(cls.name, shapes, i, count, cls._wrapper()),
                                  f"{cls.name}[{i}]")
                        for i, arr in enumerate(value)]
                return rows, _RestoreRows([cls._unwrap] * count, True, value[:0].copy(),
                                          cls.name)
            raise cls._forms_error(value)
        if isinstance(value, (list, tuple)):
            rows = []
            backs: list[Back] = []
            for i, element in enumerate(value):
                if isinstance(element, cls.item_class):
                    rows.append(element)
                    backs.append(None)
                elif isinstance(element, np.ndarray):
                    shape = _row_shape(cls.name, shapes, i, len(value), cls._wrapper())
                    rows.append(cls._wrap(element, shape, f"{cls.name}[{i}]"))
                    backs.append(cls._unwrap)
                else:
                    raise cls._forms_error(element)
            return rows, _RestoreRows(backs, False, [], cls.name)
        raise cls._forms_error(value)

    @classmethod
    def shape_of(cls, item: Any) -> tuple[int, ...]:
        return item.shape


class HeatmapsKind(_MapKindBase):
    """Heatmaps: augmenters receive ``arr_0to1``, float32 ``(h, w, C)`` in [0, 1]."""

    name = "heatmaps"
    interpolation = "linear"
    cval = 0.0
    item_class = HeatmapsOnImage

    @classmethod
    def get_arr(cls, item: HeatmapsOnImage) -> np.ndarray:
        return item.arr_0to1

    @classmethod
    def with_arr(cls, item: HeatmapsOnImage, arr: np.ndarray,
                 shape: tuple[int, ...]) -> HeatmapsOnImage:
        values = np.clip(arr, 0.0, 1.0).astype(np.float32, copy=False)
        if values.ndim == 2:
            values = values[:, :, None]
        return HeatmapsOnImage._from_internal(
            values, normalize_shape(shape), item.min_value, item.max_value, item.arr_was_2d)


class SegmentationMapsKind(_MapKindBase):
    """Segmentation maps: augmenters receive ``arr``, int32 ``(h, w, C)`` class ids."""

    name = "segmentation_maps"
    interpolation = "nearest"
    cval = 0
    item_class = SegmentationMapsOnImage

    @classmethod
    def get_arr(cls, item: SegmentationMapsOnImage) -> np.ndarray:
        return item.arr

    @classmethod
    def with_arr(cls, item: SegmentationMapsOnImage, arr: np.ndarray,
                 shape: tuple[int, ...]) -> SegmentationMapsOnImage:
        ids = arr if arr.dtype == np.int32 else arr.astype(np.int32)
        if ids.ndim == 2:
            ids = ids[:, :, None]
        return SegmentationMapsOnImage._from_internal(
            ids, normalize_shape(shape), item.input_dtype, item.input_was_2d)


# ------------------------------------------------------------------------ points

_INVALID = -1000
_DEPTHS: tuple[tuple[type, int], ...] = (
    (Keypoint, 1), (BoundingBox, 1), (VertexShape, 2),
    (KeypointsOnImage, 2), (BoundingBoxesOnImage, 2), (VertexShapesOnImage, 3),
)


def _depth(value: Any) -> int | None:
    """Return how deeply *value* nests down to numbers (None when empty lists hide it).

    A number is 0, a point 1, an ``(N, 2)`` array or a polygon 2, and so on; a list is one
    more than its first element whose depth is known.
    """
    for cls, depth in _DEPTHS:
        if isinstance(value, cls):
            return depth
    if isinstance(value, np.ndarray):
        return value.ndim
    if isinstance(value, (list, tuple)):
        for element in value:
            inner = _depth(element)
            if inner is not None:
                return inner + 1
        return None
    if isinstance(value, (numbers.Real, np.number)):
        return 0
    return _INVALID


class _PointsKindBase(PointsKind):
    """Shared ``to_rows`` of the coordinate kinds; subclasses convert plain rows."""

    container: ClassVar[type]
    #: Nesting depth of one row in plain form (see :func:`_depth`).
    row_depth: ClassVar[int]
    #: The accepted forms, for error messages.
    forms: ClassVar[str]

    @classmethod
    def _wrapper(cls) -> str:
        return cls.container.__name__

    @classmethod
    def _from_plain(cls, value: Any, shape: tuple[int, ...], options: Mapping[str, Any],
                    argname: str) -> tuple[Any, Back]:
        """Convert one plain row into a container; return it and the way back."""
        raise NotImplementedError

    @classmethod
    def to_rows(cls, value: Any, *, shapes: list[tuple[int, ...]] | None, single: bool,
                options: Mapping[str, Any]) -> tuple[list, Callable[[list], Any]]:
        labels = _labels.wanted(options, cls.name)
        if isinstance(value, cls.container) and labels is None:
            return [value], _RestoreOne(None, cls.name)
        depth = _depth(value)
        if depth is None:
            depth = cls.row_depth if single else cls.row_depth + 1
        if labels is not None and isinstance(value, cls.container):
            raise InputError(f"labels: per-object labels go with plain {cls.name} arrays; "
                             "imgaug objects carry their own label")
        if depth == cls.row_depth:
            shape = _row_shape(cls.name, shapes, 0, 1, cls._wrapper())
            item, back = cls._from_plain(value, shape, options, cls.name)
            if labels is not None:  # augkit.augmentables._labels
                item = _labels.indexed(item)
                return [item], _labels.Labelled(_RestoreOne(back, cls.name), labels,
                                                [_labels.count(item)], cls.name, options,
                                                single=True)
            return [item], _RestoreOne(back, cls.name)
        if depth != cls.row_depth + 1:
            raise InputError(f"{cls.name}: expected {cls.forms}; got {describe(value)}")
        elements = list(value)
        count = len(elements)
        if shapes is not None and len(shapes) != count:
            raise InputError(
                f"{cls.name}: got {count} row(s) of {cls.name} for {len(shapes)} image(s); "
                "every kind needs one entry per image"
            )
        rows: list = []
        backs: list[Back] = []
        for i, element in enumerate(elements):
            if isinstance(element, cls.container):
                rows.append(element)
                backs.append(None)
            else:
                shape = _row_shape(cls.name, shapes, i, count, cls._wrapper())
                item, back = cls._from_plain(element, shape, options, f"{cls.name}[{i}]")
                rows.append(item)
                backs.append(back)
        empty: np.ndarray | list = (value[:0].astype(np.float32)
                                    if isinstance(value, np.ndarray) else [])
        restore = _RestoreRows(backs, isinstance(value, np.ndarray), empty, cls.name)
        if labels is not None:  # augkit.augmentables._labels
            if any(back is None for back in backs):
                raise InputError(f"labels: per-object labels go with plain {cls.name} arrays; "
                                 "imgaug objects carry their own label")
            rows = [_labels.indexed(item) for item in rows]
            return rows, _labels.Labelled(restore, labels, [_labels.count(r) for r in rows],
                                          cls.name, options, single=False)
        return rows, restore

    @classmethod
    def shape_of(cls, item: Any) -> tuple[int, ...]:
        return item.shape


def _kps_array(item: KeypointsOnImage) -> np.ndarray:
    return item.to_xy_array()


def _kps_objects(item: KeypointsOnImage) -> list:
    return item.keypoints


def _kps_tuples(item: KeypointsOnImage) -> list:
    return [tuple(p) for p in item.xy.tolist()]


class KeypointsKind(_PointsKindBase):
    """Keypoints: augmenters receive each row's ``(N, 2)`` points; count and order are kept."""

    name = "keypoints"
    container = KeypointsOnImage
    row_depth = 2
    forms = ("a KeypointsOnImage, an (N, 2) array, a list of (x, y) or of Keypoint, or a "
             "batch of those (a list, or a (B, N, 2) array)")

    @classmethod
    def _from_plain(cls, value: Any, shape: tuple[int, ...], options: Mapping[str, Any],
                    argname: str) -> tuple[Any, Back]:
        if isinstance(value, np.ndarray):
            xy = as_xy(value, argname)
            return KeypointsOnImage._new(xy, [None] * len(xy), shape), _kps_array
        points = list(value)
        if points and all(isinstance(p, Keypoint) for p in points):
            return KeypointsOnImage(points, shape), _kps_objects
        xy = as_xy(points, argname)
        return KeypointsOnImage._new(xy, [None] * len(xy), shape), _kps_tuples

    @classmethod
    def to_rows(cls, value: Any, *, shapes: list[tuple[int, ...]] | None, single: bool,
                options: Mapping[str, Any]) -> tuple[list, Callable[[list], Any]]:
        items, restore = super().to_rows(value, shapes=shapes, single=single, options=options)
        flip_idx = options.get("keypoint_flip_idx")
        if flip_idx is None:
            return items, restore
        # augkit.mirror: three probe points ride along to tell whether a row was mirrored
        perm = mirror.check_flip_idx(flip_idx)
        before = [mirror.probes(item.shape) for item in items]
        probed = [KeypointsOnImage._new(np.concatenate([np.asarray(item.xy, np.float32), p]),
                                        [*item.labels, None, None, None], item.shape)
                  for item, p in zip(items, before)]
        return probed, _SwapMirrored(restore, perm, before)
    @classmethod
    def to_xy(cls, item: KeypointsOnImage) -> np.ndarray:
        return np.array(item.xy, dtype=np.float32)

    @classmethod
    def from_xy(cls, item: KeypointsOnImage, xy: np.ndarray,
                shape: tuple[int, ...]) -> KeypointsOnImage:
        arr = np.ascontiguousarray(xy, dtype=np.float32)
        _check_rows(cls.name, arr, len(item.xy))
        return KeypointsOnImage._new(arr, list(item.labels), normalize_shape(shape))


class _SwapMirrored:
    """Restore keypoints given with ``keypoint_flip_idx``: drop the probes, swap the
    mirrored keypoints of the rows whose probes came out mirrored."""

    __slots__ = ("before", "perm", "restore")

    def __init__(self, restore: Callable[[list], Any], perm: np.ndarray,
                 before: list[np.ndarray]) -> None:
        self.restore, self.perm, self.before = restore, perm, before

    def __call__(self, items: list) -> Any:
        out = []
        for item, before in zip(items, self.before):
            xy, labels = np.asarray(item.xy), list(item.labels)[:-3]
            body = xy[:-3]
            if mirror.is_mirrored(before, xy[-3:]):
                body = mirror.permute(body, self.perm)
                labels = [labels[i] for i in mirror.permute(np.arange(len(labels)), self.perm)]
            out.append(KeypointsOnImage._new(np.ascontiguousarray(body, np.float32), labels,
                                             item.shape))
        return self.restore(out)


def _check_rows(name: str, xy: np.ndarray, expected: int) -> None:
    if xy.shape != (expected, 2):
        raise InputError(
            f"{name}: from_xy expected an array of shape ({expected}, 2), one row per row of "
            f"to_xy, got shape {xy.shape}"
        )


def _boxes_array(fmt: str, item: BoundingBoxesOnImage) -> np.ndarray:
    return item.to_array(fmt)


def _boxes_tuples(fmt: str, item: BoundingBoxesOnImage) -> list:
    return [tuple(row) for row in item.to_array(fmt).tolist()]


def _boxes_objects(item: BoundingBoxesOnImage) -> list:
    return item.bounding_boxes


class BoundingBoxesKind(_PointsKindBase):
    """Bounding boxes: augmenters receive the 4 corners of every box (x1y1, x2y1, x2y2,
    x1y2); the boxes are re-fitted around the transformed corners."""

    name = "bounding_boxes"
    options = ("bbox_format",)
    container = BoundingBoxesOnImage
    row_depth = 2
    forms = ("a BoundingBoxesOnImage, an (N, 4) array or a list of 4-tuples (in bbox_format), "
             "a list of BoundingBox, or a batch of those (a list, or a (B, N, 4) array)")

    @classmethod
    def _from_plain(cls, value: Any, shape: tuple[int, ...], options: Mapping[str, Any],
                    argname: str) -> tuple[Any, Back]:
        boxes = value if isinstance(value, np.ndarray) else list(value)
        if not isinstance(boxes, np.ndarray) and boxes and all(
                isinstance(b, BoundingBox) for b in boxes):
            return BoundingBoxesOnImage(boxes, shape), _boxes_objects
        fmt = check_format(options.get("bbox_format", "xyxy"), "bbox_format")
        xyxy = boxes_to_xyxy(as_box_array(boxes, argname), fmt, shape)
        item = BoundingBoxesOnImage._new(np.ascontiguousarray(xyxy, dtype=np.float32),
                                         [None] * len(xyxy), shape)
        back = _boxes_array if isinstance(value, np.ndarray) else _boxes_tuples
        return item, partial(back, fmt)

    @classmethod
    def to_xy(cls, item: BoundingBoxesOnImage) -> np.ndarray:
        return xyxy_to_corners(item.xyxy)

    @classmethod
    def from_xy(cls, item: BoundingBoxesOnImage, xy: np.ndarray,
                shape: tuple[int, ...]) -> BoundingBoxesOnImage:
        _check_rows(cls.name, np.asarray(xy), 4 * len(item.xyxy))
        return BoundingBoxesOnImage._new(corners_to_xyxy(xy), list(item.labels),
                                         normalize_shape(shape))


def _shapes_arrays(item: VertexShapesOnImage) -> Any:
    arrays = [shape.coords.copy() for shape in item.items]
    if arrays and all(a.shape == arrays[0].shape for a in arrays):
        return np.stack(arrays)
    return arrays


def _shapes_array_list(item: VertexShapesOnImage) -> list:
    return [shape.coords.copy() for shape in item.items]


def _shapes_point_lists(item: VertexShapesOnImage) -> list:
    return [[tuple(p) for p in shape.coords.tolist()] for shape in item.items]


def _shapes_keypoint_lists(item: VertexShapesOnImage) -> list:
    return [shape.to_keypoints() for shape in item.items]


def _shapes_objects(item: VertexShapesOnImage) -> list:
    return list(item.items)


class _VertexKindBase(_PointsKindBase):
    """Polygons and line strings: augmenters receive all vertices, concatenated."""

    row_depth = 3
    container: ClassVar[type[VertexShapesOnImage]]
    shape_class: ClassVar[type[VertexShape]]

    @classmethod
    def _from_plain(cls, value: Any, shape: tuple[int, ...], options: Mapping[str, Any],
                    argname: str) -> tuple[Any, Back]:
        make = cls.shape_class._view
        if isinstance(value, np.ndarray):
            items = [make(as_vertices(v, f"{argname}[{j}]"), None) for j, v in enumerate(value)]
            return cls.container._new(items, shape), _shapes_arrays
        elements = list(value)
        items = [element if isinstance(element, cls.shape_class)
                 else make(as_vertices(element, f"{argname}[{j}]"), None)
                 for j, element in enumerate(elements)]
        first = elements[0] if elements else None
        if isinstance(first, cls.shape_class):
            back: Back = _shapes_objects
        elif isinstance(first, np.ndarray):
            back = _shapes_array_list
        elif first is not None and len(first) and isinstance(first[0], Keypoint):
            back = _shapes_keypoint_lists
        else:
            back = _shapes_point_lists
        return cls.container._new(items, shape), back

    @classmethod
    def to_xy(cls, item: VertexShapesOnImage) -> np.ndarray:
        return item.to_xy_array()

    @classmethod
    def _split(cls, item: VertexShapesOnImage, xy: np.ndarray) -> list[np.ndarray]:
        counts = [len(shape.coords) for shape in item.items]
        arr = np.array(xy, dtype=np.float32)
        _check_rows(cls.name, arr, sum(counts))
        return np.split(arr, np.cumsum(counts)[:-1]) if counts else []


class PolygonsKind(_VertexKindBase):
    """Polygons: vertices are transformed; polygons a non-affine transform made invalid
    are repaired (largest part of Shapely's ``make_valid``)."""

    name = "polygons"
    container = PolygonsOnImage
    shape_class = Polygon
    forms = ("a PolygonsOnImage, a list of Polygon, a list of (M, 2) arrays or point lists, a "
             "(P, M, 2) array, or a batch (list) of those")

    @classmethod
    def from_xy(cls, item: PolygonsOnImage, xy: np.ndarray,
                shape: tuple[int, ...]) -> PolygonsOnImage:
        parts = cls._split(item, xy)
        parts = repair_transformed([p.coords for p in item.items], parts)
        polygons = [Polygon._view(part, p.label)
                    for part, p in zip(parts, item.items, strict=True)]
        return PolygonsOnImage._new(polygons, normalize_shape(shape))


class LineStringsKind(_VertexKindBase):
    """Line strings: vertices are transformed, nothing else changes."""

    name = "line_strings"
    container = LineStringsOnImage
    shape_class = LineString
    forms = ("a LineStringsOnImage, a list of LineString, a list of (M, 2) arrays or point "
             "lists, a (P, M, 2) array, or a batch (list) of those")

    @classmethod
    def from_xy(cls, item: LineStringsOnImage, xy: np.ndarray,
                shape: tuple[int, ...]) -> LineStringsOnImage:
        parts = cls._split(item, xy)
        lines = [LineString._view(part, ls.label)
                 for part, ls in zip(parts, item.items, strict=True)]
        return LineStringsOnImage._new(lines, normalize_shape(shape))


BUILTIN_KINDS: tuple[type[Kind], ...] = (
    ImagesKind,
    HeatmapsKind,
    SegmentationMapsKind,
    KeypointsKind,
    BoundingBoxesKind,
    PolygonsKind,
    LineStringsKind,
)
