"""WithPolarWarping: run child augmenters on a polar view of the data."""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import KeypointsOnImage, UnsupportedKindError
from augkit.extend import KeypointsKind, ViewAugmenter, as_augmenter_list
from augkit_geometric import functional as F

#: points sampled along each box edge, so a box survives the curved round trip
_BOX_EDGE_POINTS = 8


def _box_outline(corners: np.ndarray) -> np.ndarray:
    """Points along the edges of each box given by its 4 corners: ``(4N, 2) -> (N*P, 2)``."""
    c = corners.reshape(-1, 4, 2).astype(np.float64)
    x1, y1 = c[:, :, 0].min(1), c[:, :, 1].min(1)
    x2, y2 = c[:, :, 0].max(1), c[:, :, 1].max(1)
    t = np.linspace(0.0, 1.0, _BOX_EDGE_POINTS, endpoint=False)[None, :]
    ones = np.ones_like(t)
    w, h = (x2 - x1)[:, None], (y2 - y1)[:, None]
    x1, y1, x2, y2 = x1[:, None], y1[:, None], x2[:, None], y2[:, None]
    xs = np.concatenate([x1 + w * t, x2 * ones, x2 - w * t, x1 * ones], axis=1)
    ys = np.concatenate([y1 * ones, y1 + h * t, y2 * ones, y2 - h * t], axis=1)
    return np.stack([xs, ys], axis=2).reshape(-1, 2)


def _box_corners(outline: np.ndarray) -> np.ndarray:
    """Corners (x1y1, x2y1, x2y2, x1y2) of the boxes fitted around each outline."""
    pts = outline.reshape(-1, 4 * _BOX_EDGE_POINTS, 2)
    x1, y1 = pts[:, :, 0].min(1), pts[:, :, 1].min(1)
    x2, y2 = pts[:, :, 0].max(1), pts[:, :, 1].max(1)
    corners = np.stack([np.stack([x1, y1], 1), np.stack([x2, y1], 1),
                        np.stack([x2, y2], 1), np.stack([x1, y2], 1)], axis=1)
    return corners.reshape(-1, 2).astype(np.float32)


def _row_points(rows, point_kinds, index: int) -> list[np.ndarray]:
    """Return the ``(N, 2)`` points of row *index* per coordinate kind (box outlines)."""
    parts = []
    for kind in point_kinds:
        xy = kind.to_xy(rows.data[kind][index])
        if kind.name == "bounding_boxes":
            xy = _box_outline(xy)
        parts.append(xy.reshape(-1, 2))
    return parts


# ---------------------------------------------------------------------- augmenter


class WithPolarWarping(ViewAugmenter):
    """Apply child augmenters in polar coordinates, then warp back.

    Each image is unrolled around its centre into a polar view (rows are angles,
    columns the distance to the centre; ``pi * R`` rows and ``R`` columns for the
    half-diagonal ``R``), the children augment that view, and the result is warped
    back to the image's original size. Effects become circular: a translation along
    the columns zooms, one along the rows rotates, a crop cuts a ring.

    Every kind goes through the same round trip: images with linear interpolation
    (pixels outside the image read as 0), heatmaps linear and segmentation maps
    nearest at their own resolution, coordinates with the same polar formulas (boxes
    via points along their edges, re-fitted afterwards; all coordinate kinds reach
    the children as keypoints, so polygons are not "repaired" in polar space).

    Parameters
    ----------
    children : Augmenter or list of Augmenter or None
        The augmenters to apply to the polar view (in order).

    Notes
    -----
    Points that children move off the polar view come back at the mirrored radius
    or angle (they are not removed). With no children the round trip is nearly the
    identity: pixels near the outer corners, where the view samples sparsely, lose
    some sharpness.

    Supported data: every kind its children support (children that cannot transform
    bounding boxes, polygons or line strings raise for them, although they receive
    them as keypoints).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> image = np.zeros((32, 32, 3), dtype=np.uint8)
    >>> aug = WithPolarWarping(augkit.get("Fliplr", p=1.0))
    >>> aug(image=image).shape
    (32, 32, 3)
    """

    examples = ({"children": []}, {"children": None})

    children_keep_size = False

    def __init__(self, children: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.children = as_augmenter_list(children, "children")

    def _check_children(self, kinds) -> None:
        tree = [aug for child in self.children
                for aug in child.get_all_children(flat=True, include_self=True)]
        for kind in kinds:
            for aug in tree:
                if kind.name in aug.unsupported_kinds:
                    raise UnsupportedKindError(
                        f"{type(aug).__name__} (inside WithPolarWarping) cannot transform "
                        f"{kind.name}")

    @staticmethod
    def _point_kinds(rows) -> list:
        return [kind for kind in rows.data if kind.category == "points"]

    def to_view(self, rows, view_params):
        shapes = [tuple(s) for s in rows.shapes]
        polar_shapes = [F.polar_shape(s[0], s[1]) + tuple(s[2:]) for s in shapes]
        data: dict = {}
        for kind, items in rows.data.items():
            if kind.category == "image":
                data[kind] = [F.to_polar(image, order=1) for image in items]
            elif kind.category == "map":
                order = 0 if kind.interpolation == "nearest" else 1
                data[kind] = [
                    kind.with_arr(item, F.to_polar(kind.get_arr(item), order=order,
                                                 cval=kind.cval), pshape)
                    for item, pshape in zip(items, polar_shapes)]
        point_kinds = self._point_kinds(rows)
        self._check_children([k for k in point_kinds if k is not KeypointsKind])
        self._points_to_polar(rows, point_kinds, shapes, polar_shapes, data)
        return rows.replace(data, polar_shapes)

    def from_view(self, rows, view, view_params):
        shapes = [tuple(s) for s in rows.shapes]
        out: dict = {}
        for kind, items in rows.data.items():
            if kind.category == "image":
                out[kind] = [F.from_polar(image, s[0], s[1], order=1)
                             for image, s in zip(view.data[kind], shapes)]
            elif kind.category == "map":
                order = 0 if kind.interpolation == "nearest" else 1
                arrays = []
                for original, item in zip(items, view.data[kind]):
                    h, w = kind.get_arr(original).shape[:2]
                    arrays.append(F.from_polar(kind.get_arr(item), h, w, order=order))
                out[kind] = [kind.with_arr(item, arr, s)
                             for item, arr, s in zip(items, arrays, shapes)]
        point_kinds = self._point_kinds(rows)
        if point_kinds:
            self._points_from_polar(rows, view, point_kinds, shapes, out)
        return rows.replace(out, shapes)

    @staticmethod
    def _points_to_polar(rows, point_kinds, shapes, polar_shapes, data):
        """Put every coordinate kind, in polar form, into one keypoints entry per row."""
        if not point_kinds:
            return
        merged = []
        for i, (shape, pshape) in enumerate(zip(shapes, polar_shapes)):
            parts = _row_points(rows, point_kinds, i)
            xy = np.concatenate(parts) if parts else np.zeros((0, 2), np.float32)
            polar_xy = F.to_polar_points(xy, shape[:2], pshape[:2])
            merged.append(KeypointsOnImage.from_xy_array(polar_xy, shape=pshape))
        data[KeypointsKind] = merged

    @staticmethod
    def _points_from_polar(rows, polar_rows, point_kinds, shapes, out):
        for kind in point_kinds:
            out[kind] = []
        for i, shape in enumerate(shapes):
            item = polar_rows.data[KeypointsKind][i]
            pshape = polar_rows.shapes[i]
            xy = F.from_polar_points(KeypointsKind.to_xy(item), shape[:2], pshape[:2])
            splits = np.cumsum([len(p) for p in _row_points(rows, point_kinds, i)])[:-1]
            for kind, part in zip(point_kinds, np.split(xy, splits)):
                if kind.name == "bounding_boxes":
                    part = _box_corners(part)
                out[kind].append(kind.from_xy(rows.data[kind][i], part, shape))


AUGMENTERS = (WithPolarWarping,)
