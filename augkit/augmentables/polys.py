"""Polygons: closed outlines given by their exterior vertices (no holes).

:class:`PolygonsOnImage` holds a list of :class:`Polygon` objects, each storing its
exterior as a float32 ``(M, 2)`` array. Validity, clipping and out-of-image areas use
Shapely, imported only when needed.

When an augmenter moves the vertices, :func:`repair_transformed` keeps the result
usable: an affine map never makes a valid polygon invalid, so that case is recognised
cheaply from the coordinates and skipped; after any other map, polygons that became
invalid (e.g. self-intersecting after a perspective warp) are replaced by the largest
polygon of their Shapely ``make_valid`` repair.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from augkit.augmentables import _draw
from augkit.augmentables._utils import ShapeLike, normalize_shape
from augkit.augmentables._vertices import (
    _KEEP,
    VertexShape,
    VertexShapesOnImage,
    as_vertices,
    draw_shapes,
)
from augkit.errors import InputError, describe


def _shoelace(coords: np.ndarray) -> float:
    """Return the absolute area enclosed by the ring *coords* (0.0 below 3 vertices)."""
    if len(coords) < 3:
        return 0.0
    x = coords[:, 0].astype(np.float64)
    y = coords[:, 1].astype(np.float64)
    x = x - x.mean()  # centring keeps float precision for coordinates far from the origin
    y = y - y.mean()
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)


def _polygon_parts(geometry: Any) -> list:
    """Return the Shapely polygons inside *geometry* (which may be a collection)."""
    if geometry.is_empty:
        return []
    if geometry.geom_type == "Polygon":
        return [geometry]
    if hasattr(geometry, "geoms"):
        return [part for sub in geometry.geoms for part in _polygon_parts(sub)]
    return []


def _exterior_of(polygon: Any) -> np.ndarray:
    """Return the exterior of a Shapely polygon as float32 ``(M, 2)``, closing point dropped."""
    coords = np.asarray(polygon.exterior.coords, dtype=np.float32)
    if len(coords) > 1 and (coords[0] == coords[-1]).all():
        coords = coords[:-1]
    return np.ascontiguousarray(coords[:, :2])


class Polygon(VertexShape):
    """A polygon given by its exterior vertices, with an optional label.

    Parameters
    ----------
    exterior : ndarray of shape (M, 2), or list of (x, y) or Keypoint
        The vertices in order; the last one connects back to the first (do not repeat it).
    label : object, optional
        Anything describing the polygon.

    Examples
    --------
    >>> poly = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], label="square")
    >>> poly.area
    100.0
    >>> [p.area for p in poly.shift(x=-5).clip_out_of_image((20, 20))]
    [50.0]
    """

    __slots__ = ()
    closed = True

    def __init__(self, exterior: Any, label: Any = None) -> None:
        self._coords = as_vertices(exterior, "exterior")
        self.label = label

    @property
    def exterior(self) -> np.ndarray:
        """ndarray of shape (M, 2): the float32 vertices (the stored array itself)."""
        return self._coords

    @exterior.setter
    def exterior(self, value: Any) -> None:
        self._coords = as_vertices(value, "exterior")

    @property
    def area(self) -> float:
        """The enclosed area (shoelace formula; 0.0 below 3 vertices)."""
        return _shoelace(self._coords)

    @property
    def is_valid(self) -> bool:
        """True when the polygon has at least 3 vertices and is simple (Shapely's test)."""
        if len(self._coords) < 3:
            return False
        return bool(self.to_shapely_polygon().is_valid)

    def to_shapely_polygon(self) -> Any:
        """Return the polygon as a ``shapely.Polygon``."""
        import shapely

        return shapely.Polygon(self._coords.astype(np.float64))

    def to_shapely_line_string(self, closed: bool = False, interpolate: int = 0) -> Any:
        """Return the outline as a ``shapely.LineString`` (back to the start if *closed*).

        *interpolate* points are inserted evenly on each edge first.
        """
        import shapely

        from augkit.augmentables.utils import interpolate_xy

        coords = self._coords.astype(np.float64)
        if interpolate > 0:
            coords = interpolate_xy(coords, int(interpolate), closed=closed)
        if closed and len(coords):
            coords = np.concatenate([coords, coords[:1]])
        return shapely.LineString(coords)

    @classmethod
    def from_shapely(cls, polygon_shapely: Any, label: Any = None) -> Polygon:
        """Build from a ``shapely.Polygon`` (its exterior; holes are dropped)."""
        if getattr(polygon_shapely, "geom_type", None) != "Polygon":
            raise InputError(
                f"polygon_shapely: expected a shapely Polygon, got {describe(polygon_shapely)}"
            )
        if polygon_shapely.is_empty:
            return cls._view(np.zeros((0, 2), dtype=np.float32), label)
        return cls._view(_exterior_of(polygon_shapely), label)

    def to_line_string(self, closed: bool = True) -> Any:
        """Return the outline as a :class:`~augkit.augmentables.lines.LineString`.

        With *closed*, the first vertex is repeated at the end.
        """
        from augkit.augmentables.lines import LineString

        coords = self._coords
        if closed and len(coords):
            coords = np.concatenate([coords, coords[:1]])
        return LineString._view(coords.copy(), self.label)

    def change_first_point_by_index(self, point_idx: int) -> Polygon:
        """Return the polygon with the vertex at *point_idx* first (same outline)."""
        count = len(self._coords)
        if not count or not -count <= point_idx < count:
            raise InputError(
                f"point_idx: expected a vertex index in [0, {len(self._coords)}), got "
                f"{point_idx!r}"
            )
        return self._view(np.roll(self._coords, -point_idx, axis=0), self.label)

    def change_first_point_by_coords(self, x: float, y: float,
                                     max_distance: float | None = 1e-4,
                                     raise_if_too_far_away: bool = True) -> Polygon:
        """Return the polygon starting at the vertex closest to ``(x, y)``.

        When that vertex is farther than *max_distance* (None: any distance), raise
        :class:`~augkit.errors.InputError`, or return an unchanged copy if not
        *raise_if_too_far_away*.
        """
        index, distance = self.find_closest_point_index(x, y, return_distance=True)
        if max_distance is not None and distance > max_distance:
            if not raise_if_too_far_away:
                return self.deepcopy()
            raise InputError(
                f"no vertex within {max_distance} of ({x}, {y}); the closest is {distance:.4f} away"
            )
        return self.change_first_point_by_index(index)

    def exterior_almost_equals(self, other: Any, max_distance: float = 1e-4,
                               points_per_edge: int = 8) -> bool:
        """Return True when the outline of *other* (a Polygon or its vertices) lies within
        *max_distance* of this one's; see :meth:`coords_almost_equals`."""
        return self.coords_almost_equals(other, max_distance=max_distance,
                                         points_per_edge=points_per_edge)

    def compute_out_of_image_area(self, image: ShapeLike) -> float:
        """Return the area of the polygon outside *image* (an image or its shape).

        Examples
        --------
        >>> Polygon([(5, 0), (15, 0), (15, 10), (5, 10)]).compute_out_of_image_area((10, 10))
        50.0
        """
        shape = normalize_shape(image, "image")
        if self.is_fully_within_image(shape):
            return 0.0
        return max(self.area - sum(part.area for part in self.clip_out_of_image(shape)), 0.0)

    def cut_out_of_image(self, image: ShapeLike) -> list:
        """Deprecated name of :meth:`clip_out_of_image` (imgaug < 0.4)."""
        warnings.warn("cut_out_of_image() is deprecated; use clip_out_of_image()",
                      DeprecationWarning, stacklevel=2)
        return self.clip_out_of_image(image)

    def extract_from_image(self, image: np.ndarray) -> np.ndarray:
        """Return the pixels in the polygon's bounding box, zero outside the polygon.

        The box is cut as :meth:`BoundingBox.extract_from_image` does (zero padding where
        it leaves the image); a polygon entirely outside the image gives that padding. The
        mask is the polygon with rounded vertices, its outline pixels included (imgaug's
        scikit-image fill may differ on the outline).

        Examples
        --------
        >>> image = np.full((6, 6), 9, dtype=np.uint8)
        >>> Polygon([(0, 0), (4, 0), (0, 4)]).extract_from_image(image).tolist()
        [[9, 9, 9, 9], [9, 9, 9, 9], [9, 9, 9, 0], [9, 9, 0, 0]]
        """
        from augkit.augmentables.images import check_image

        canvas = check_image(image)
        if len(self._coords) < 3:
            raise InputError(
                f"cannot extract {self!r} from an image: a polygon needs at least 3 vertices"
            )
        box = self.to_bounding_box()
        area = box.extract_from_image(image)
        if self.is_out_of_image(canvas.shape, fully=True, partly=False):
            return area
        origin = np.array([box.x1_int, box.y1_int], dtype=np.float32)
        mask = _draw.fill_mask(area.shape[:2], [np.round(self._coords) - origin]) > 0
        return np.where(mask.reshape(mask.shape + (1,) * (area.ndim - 2)), area,
                        np.zeros((), dtype=area.dtype))

    # hooks of VertexShape: a polygon is measured by area; a flat one by its outline
    def _to_shapely(self) -> Any:
        if self.area > 0:
            import shapely

            geometry = self.to_shapely_polygon()
            return geometry if geometry.is_valid else shapely.make_valid(geometry)
        return self.to_shapely_line_string(closed=True)

    def _measure(self, geometry: Any) -> float:
        return float(geometry.area if self.area > 0 else geometry.length)

    def _size(self) -> float:
        area = self.area
        if area > 0:
            return area
        return float(self.to_shapely_line_string(closed=True).length) if len(self) > 1 else 0.0

    def _parts(self, geometry: Any) -> list:
        if self.area > 0:
            return [Polygon._view(_exterior_of(part), self.label)
                    for part in _polygon_parts(geometry) if part.area > 0]
        lines = [g for g in getattr(geometry, "geoms", [geometry])
                 if g.geom_type == "LineString" and not g.is_empty]
        return [Polygon._view(np.asarray(g.coords, dtype=np.float32)[:, :2], self.label)
                for g in lines]

    def draw_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        color_face: Any = None,
        color_lines: Any = None,
        color_points: Any = None,
        alpha: float = 1.0,
        alpha_face: float | None = None,
        alpha_lines: float | None = None,
        alpha_points: float | None = None,
        size: int = 1,
        size_lines: int | None = None,
        size_points: int | None = None,
        raise_if_out_of_image: bool = False,
        copy: bool = True,
    ) -> np.ndarray:
        """Draw the polygon; see :meth:`PolygonsOnImage.draw_on_image`."""
        return draw_shapes(
            image, [self], closed=True, filled=True, color=color, color_face=color_face,
            color_lines=color_lines, color_points=color_points, alpha=alpha,
            alpha_face=alpha_face, alpha_lines=alpha_lines, alpha_points=alpha_points,
            size=size, size_lines=size_lines, size_points=size_points, antialiased=False,
            copy=copy, raise_if_out_of_image=raise_if_out_of_image,
        )

    def copy(self, exterior: Any = None, label: Any = _KEEP) -> Polygon:
        """Return a copy (own vertex array), optionally with a new exterior or label."""
        return super().copy(exterior, label)

    def deepcopy(self, exterior: Any = None, label: Any = _KEEP) -> Polygon:
        """Return a copy whose label is deep-copied too."""
        return super().deepcopy(exterior, label)

    def __repr__(self) -> str:
        points = ", ".join(f"(x={x:.3f}, y={y:.3f})" for x, y in self._coords.tolist())
        return f"Polygon([{points}] ({len(self._coords)} points), label={self.label})"

    __str__ = __repr__


class MultiPolygon:
    """Several polygons that form one object (e.g. what clipping one polygon leaves).

    Parameters
    ----------
    geoms : list of Polygon
        The polygons.

    Examples
    --------
    >>> import shapely
    >>> multi = MultiPolygon.from_shapely(
    ...     shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(2, 0, 3, 1)]), label="a")
    >>> len(multi.geoms), multi.geoms[1].label
    (2, 'a')
    """

    def __init__(self, geoms: Sequence[Polygon]) -> None:
        geoms = list(geoms)
        if not all(isinstance(geom, Polygon) for geom in geoms):
            raise InputError(f"geoms: expected a list of Polygon, got {describe(geoms)}")
        self.geoms = geoms

    @staticmethod
    def from_shapely(geometry: Any, label: Any = None) -> MultiPolygon:
        """Build from a shapely Polygon, MultiPolygon or GeometryCollection of polygons.

        Every polygon gets *label*.
        """
        kind = getattr(geometry, "geom_type", None)
        if kind == "Polygon":
            return MultiPolygon([Polygon.from_shapely(geometry, label=label)])
        if kind in ("MultiPolygon", "GeometryCollection") and all(
                part.geom_type == "Polygon" for part in geometry.geoms):
            return MultiPolygon([Polygon.from_shapely(part, label=label)
                                 for part in geometry.geoms])
        raise InputError(
            "geometry: expected a shapely Polygon, MultiPolygon or GeometryCollection of "
            f"polygons, got {describe(geometry)}"
        )

    def __len__(self) -> int:
        return len(self.geoms)

    def __iter__(self) -> Iterator[Polygon]:
        return iter(self.geoms)

    def __getitem__(self, index: Any) -> Any:
        return self.geoms[index]

    def __repr__(self) -> str:
        return f"MultiPolygon({self.geoms!r})"


class PolygonsOnImage(VertexShapesOnImage[Polygon]):
    """All polygons on one image.

    Parameters
    ----------
    polygons : list of Polygon, or list of ndarray of shape (M, 2)
        The polygons.
    shape : tuple of int or ndarray
        Shape ``(H, W)`` or ``(H, W, C)`` of the image, or the image.

    Examples
    --------
    >>> psoi = PolygonsOnImage([Polygon([(0, 0), (8, 0), (8, 8)]),
    ...                         Polygon([(20, 20), (30, 20), (30, 30)])], shape=(10, 10))
    >>> len(psoi.remove_out_of_image())
    1
    >>> psoi.to_xy_array().shape
    (6, 2)
    """

    item_class = Polygon

    def __init__(self, polygons: Sequence[Any], shape: ShapeLike) -> None:
        super().__init__(polygons, shape)

    @property
    def polygons(self) -> list[Polygon]:
        """list of Polygon: the polygons (the stored list itself)."""
        return self._items

    @polygons.setter
    def polygons(self, value: Sequence[Any]) -> None:
        self.items = value

    def copy(self, polygons: Any = None, shape: ShapeLike | None = None) -> PolygonsOnImage:
        """Return a copy (own vertex arrays), optionally with new polygons or shape."""
        return super().copy(polygons, shape)

    def deepcopy(self, polygons: Any = None, shape: ShapeLike | None = None) -> PolygonsOnImage:
        """Return a copy whose labels are deep-copied too."""
        return super().deepcopy(polygons, shape)

    def draw_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        color_face: Any = None,
        color_lines: Any = None,
        color_points: Any = None,
        alpha: float = 1.0,
        alpha_face: float | None = None,
        alpha_lines: float | None = None,
        alpha_points: float | None = None,
        size: int = 1,
        size_lines: int | None = None,
        size_points: int | None = None,
        raise_if_out_of_image: bool = False,
        copy: bool = True,
    ) -> np.ndarray:
        """Draw every polygon: a filled face, its outline and its vertices.

        Parameters
        ----------
        image : ndarray of shape (H, W) or (H, W, C)
            The image to draw on.
        color : number or sequence of number
            Base colour, one value per channel.
        color_face, color_lines, color_points : number or sequence of number, optional
            Colours of the face, the outline and the vertices; default *color*, *color*
            and *color* at half brightness.
        alpha : float
            Base opacity in [0, 1].
        alpha_face, alpha_lines, alpha_points : float, optional
            Opacities; default ``alpha / 2``, *alpha* and *alpha*.
        size : int
            Base size: outline thickness.
        size_lines, size_points : int, optional
            Outline thickness and vertex square size; default *size* and ``3 * size``.
        raise_if_out_of_image : bool
            Raise :class:`~augkit.errors.InputError` if a polygon is entirely outside.
        copy : bool
            Draw on a copy (default) or in place.

        Returns
        -------
        ndarray
            The image with the polygons drawn, same shape and dtype as *image*.
        """
        return draw_shapes(
            image, self._items, closed=True, filled=True, color=color, color_face=color_face,
            color_lines=color_lines, color_points=color_points, alpha=alpha,
            alpha_face=alpha_face, alpha_lines=alpha_lines, alpha_points=alpha_points,
            size=size, size_lines=size_lines, size_points=size_points, antialiased=False,
            copy=copy, raise_if_out_of_image=raise_if_out_of_image,
        )


# ------------------------------------------------------------------- repair


def is_affine_map(src: np.ndarray, dst: np.ndarray) -> bool:
    """Return True when one non-degenerate affine map sends every point of *src* to *dst*.

    Parameters
    ----------
    src, dst : ndarray of shape (K, 2)
        Points before and after a transform.
    """
    if len(src) < 3:
        return True
    a = np.hstack([src.astype(np.float64), np.ones((len(src), 1))])
    b = dst.astype(np.float64)
    matrix, _, rank, _ = np.linalg.lstsq(a, b, rcond=None)
    if rank < 3:  # all points collinear: nothing to keep valid
        return True
    residual = np.abs(a @ matrix - b).max()
    scale = max(1.0, float(np.abs(b).max()), float(np.abs(src).max()))
    if residual > 1e-3 + 1e-5 * scale:
        return False
    return abs(np.linalg.det(matrix[:2, :2])) > 1e-9


def repair_exterior(coords: np.ndarray) -> np.ndarray | None:
    """Return the exterior of the largest polygon of Shapely's ``make_valid`` repair.

    Returns None when the repair leaves no polygon with positive area.
    """
    import shapely

    repaired = shapely.make_valid(shapely.Polygon(coords.astype(np.float64)))
    parts = [p for p in _polygon_parts(repaired) if p.area > 0]
    if not parts:
        return None
    return _exterior_of(max(parts, key=lambda p: p.area))


def _validity(exteriors: list[np.ndarray]) -> np.ndarray:
    """Return Shapely's validity of each exterior (at least 3 vertices each), vectorised."""
    import shapely

    try:
        lengths = [len(c) for c in exteriors]
        rings = shapely.linearrings(
            np.concatenate(exteriors).astype(np.float64),
            indices=np.repeat(np.arange(len(exteriors)), lengths),
        )
        return np.asarray(shapely.is_valid(shapely.polygons(rings)), dtype=bool)
    except (shapely.errors.GEOSException, ValueError):  # e.g. a ring of 3 points closing itself
        return np.array([bool(shapely.Polygon(c.astype(np.float64)).is_valid)
                         for c in exteriors], dtype=bool)


def repair_transformed(before: list[np.ndarray], after: list[np.ndarray]) -> list[np.ndarray]:
    """Repair polygons that a transform made invalid.

    Parameters
    ----------
    before, after : list of ndarray of shape (M_i, 2)
        Each polygon's exterior before and after the transform.

    Returns
    -------
    list of ndarray of shape (M_i', 2)
        *after*, with each polygon that was valid before and is invalid now replaced by
        the largest part of its repair. Nothing is checked when the transform was affine.
    """
    if not after:
        return after
    if is_affine_map(np.concatenate(before), np.concatenate(after)):
        return after
    candidates = [i for i, c in enumerate(after) if len(c) >= 3]
    if not candidates:
        return after
    valid_after = _validity([after[i] for i in candidates])
    broken = [i for i, ok in zip(candidates, valid_after, strict=True) if not ok]
    if not broken:
        return after
    valid_before = _validity([before[i] for i in broken])
    result = list(after)
    for i, was_valid in zip(broken, valid_before, strict=True):
        if was_valid:
            repaired = repair_exterior(after[i])
            if repaired is not None:
                result[i] = repaired
    return result
