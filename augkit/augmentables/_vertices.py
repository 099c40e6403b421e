"""What polygons and line strings share: a vertex array, a label, and a container.

Both are shapes in the continuous plane; the image is the closed rectangle
``[0, W] x [0, H]``. Whether one lies partly inside the image and how much of it lies
outside is decided with Shapely (imported only when a quick vertex test cannot decide).
"""

from __future__ import annotations

import copy as _copy
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, Generic, Literal, TypeVar, overload

import numpy as np

from augkit.augmentables import _draw
from augkit.augmentables._utils import (
    OnImage,
    ShapeLike,
    check_fraction,
    normalize_shape,
    out_of_image_flags,
    project_xy,
    shift_offsets,
    with_inplace_twins,
)
from augkit.errors import InputError, describe

_KEEP = object()


def as_vertices(value: Any, argname: str) -> np.ndarray:
    """Return *value* (an ``(M, 2)`` array, or a list of ``(x, y)`` or Keypoints) as float32."""
    if isinstance(value, np.ndarray):
        source: Any = value
    else:
        source = [(p.x, p.y) if hasattr(p, "x") and hasattr(p, "y") else p for p in value]
    try:
        arr = np.array(source, dtype=np.float32)
    except (TypeError, ValueError):
        raise InputError(
            f"{argname}: expected vertices as an array of shape (M, 2) or a list of (x, y) "
            f"points, got {describe(value)}"
        ) from None
    if arr.size == 0:
        return np.zeros((0, 2), dtype=np.float32)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise InputError(
            f"{argname}: expected vertices as an array of shape (M, 2), got an array of shape "
            f"{arr.shape}"
        )
    if not np.isfinite(arr).all():
        raise InputError(f"{argname}: coordinates must be finite, got {describe(value)}")
    return arr


def image_box(shape: tuple[int, ...]) -> Any:
    """Return the image rectangle ``[0, W] x [0, H]`` as a Shapely polygon."""
    import shapely

    return shapely.box(0.0, 0.0, float(shape[1]), float(shape[0]))


@with_inplace_twins("project", "shift", "subdivide")
class VertexShape:
    """Base of :class:`~augkit.augmentables.polys.Polygon` and
    :class:`~augkit.augmentables.lines.LineString`: an ``(M, 2)`` vertex array and a label.
    """

    __slots__ = ("_coords", "label")

    #: True for polygons: the last vertex connects back to the first.
    closed: ClassVar[bool] = False

    def __init__(self, coords: Any, label: Any = None) -> None:
        self._coords = as_vertices(coords, type(self).__name__)
        self.label = label

    @classmethod
    def _view(cls, coords: np.ndarray, label: Any) -> Any:
        """Build without validation; *coords* is a float32 ``(M, 2)`` array (kept)."""
        obj = cls.__new__(cls)
        obj._coords = coords
        obj.label = label
        return obj

    def _take_state(self, other: VertexShape) -> None:
        self._coords, self.label = other._coords, other.label

    @property
    def coords(self) -> np.ndarray:
        """ndarray of shape (M, 2): the float32 vertices (the stored array itself)."""
        return self._coords

    @coords.setter
    def coords(self, value: Any) -> None:
        self._coords = as_vertices(value, "coords")

    @property
    def xx(self) -> np.ndarray:
        """ndarray of shape (M,): the x-coordinates."""
        return self._coords[:, 0].copy()

    @property
    def yy(self) -> np.ndarray:
        """ndarray of shape (M,): the y-coordinates."""
        return self._coords[:, 1].copy()

    @property
    def xx_int(self) -> np.ndarray:
        """ndarray of shape (M,): the x-coordinates rounded to int32."""
        return np.round(self._coords[:, 0]).astype(np.int32)

    @property
    def yy_int(self) -> np.ndarray:
        """ndarray of shape (M,): the y-coordinates rounded to int32."""
        return np.round(self._coords[:, 1]).astype(np.int32)

    @property
    def width(self) -> float:
        """Extent along x (0.0 without vertices)."""
        return float(np.ptp(self._coords[:, 0])) if len(self._coords) else 0.0

    @property
    def height(self) -> float:
        """Extent along y (0.0 without vertices)."""
        return float(np.ptp(self._coords[:, 1])) if len(self._coords) else 0.0

    def __len__(self) -> int:
        return len(self._coords)

    def __iter__(self) -> Iterator[np.ndarray]:
        return iter(self._coords)

    def __getitem__(self, index: Any) -> np.ndarray:
        return self._coords[index]

    # ------------------------------------------------------------ conversions

    def to_keypoints(self) -> list:
        """Return the vertices as a list of :class:`~augkit.augmentables.keypoints.Keypoint`."""
        from augkit.augmentables.keypoints import Keypoint

        return [Keypoint(x, y) for x, y in self._coords.tolist()]

    def to_bounding_box(self) -> Any:
        """Return the smallest :class:`~augkit.augmentables.bbs.BoundingBox` around the vertices.

        Raises
        ------
        InputError
            If there are no vertices.
        """
        from augkit.augmentables.bbs import BoundingBox

        if len(self._coords) == 0:
            raise InputError(f"cannot compute the bounding box of {self!r}: it has no vertices")
        lo, hi = self._coords.min(axis=0), self._coords.max(axis=0)
        return BoundingBox(lo[0], lo[1], hi[0], hi[1], label=self.label)

    # -------------------------------------------------------------- geometry

    def project(self, from_shape: ShapeLike, to_shape: ShapeLike) -> Any:
        """Return the shape rescaled from an image of *from_shape* to one of *to_shape*."""
        return self._view(project_xy(self._coords, from_shape, to_shape), self.label)

    def shift(self, x: float = 0, y: float = 0, top: float | None = None,
              right: float | None = None, bottom: float | None = None,
              left: float | None = None) -> Any:
        """Return the shape moved by *x* to the right and *y* down.

        *top*, *right*, *bottom*, *left* are imgaug's deprecated older form (``top=2`` moves
        down by 2, ``right=2`` moves left by 2); they add to *x* and *y* and warn.
        """
        dx, dy = shift_offsets(x, y, top, right, bottom, left)
        return self._view(self._coords + np.array([dx, dy], dtype=np.float32), self.label)

    def subdivide(self, points_per_edge: int) -> Any:
        """Return the shape with *points_per_edge* evenly spaced vertices added on each edge.

        A polygon's closing edge (last vertex back to the first) is subdivided too.
        """
        from augkit.augmentables.utils import interpolate_xy

        if isinstance(points_per_edge, bool) or not isinstance(points_per_edge,
                                                                (int, np.integer)):
            raise InputError(f"points_per_edge: expected an int, got {describe(points_per_edge)}")
        coords = interpolate_xy(self._coords, int(points_per_edge), self.closed)
        return self._view(coords, self.label)

    def _outline(self) -> Any:
        """Return the Shapely outline (a point, a line, or a closed ring's line)."""
        import shapely

        coords = self._coords.astype(np.float64)
        if len(coords) == 1:
            return shapely.Point(coords[0])
        if self.closed:
            coords = np.concatenate([coords, coords[:1]])
        return shapely.LineString(coords)

    @overload
    def find_closest_point_index(
        self, x: float, y: float, return_distance: Literal[False] = False
    ) -> int: ...

    @overload
    def find_closest_point_index(
        self, x: float, y: float, return_distance: Literal[True]
    ) -> tuple[int, float]: ...

    @overload
    def find_closest_point_index(
        self, x: float, y: float, return_distance: bool
    ) -> int | tuple[int, float]: ...

    def find_closest_point_index(
        self, x: float, y: float, return_distance: bool = False
    ) -> int | tuple[int, float]:
        """Return the index of the vertex closest to ``(x, y)`` (and its distance).

        Raises
        ------
        InputError
            If there are no vertices.
        """
        if len(self._coords) == 0:
            raise InputError(f"cannot find the closest vertex of {self!r}: it has no vertices")
        distances = np.hypot(self._coords[:, 0] - x, self._coords[:, 1] - y)
        index = int(np.argmin(distances))
        if return_distance:
            return index, float(distances[index])
        return index

    def get_pointwise_inside_image_mask(self, image: ShapeLike) -> np.ndarray:
        """Return an ``(M,)`` bool array: which vertices lie in ``[0, W] x [0, H]``."""
        height, width = normalize_shape(image, "image")[:2]
        x, y = self._coords[:, 0], self._coords[:, 1]
        return (x >= 0) & (x <= width) & (y >= 0) & (y <= height)

    def _to_shapely(self) -> Any:
        """Return the Shapely geometry used for clipping and measuring."""
        raise NotImplementedError

    def _measure(self, geometry: Any) -> float:
        """Return the size (area or length) of a Shapely geometry."""
        raise NotImplementedError

    def _size(self) -> float:
        """Return the size (area or length) of this shape."""
        raise NotImplementedError

    def _parts(self, geometry: Any) -> list:
        """Return the pieces of a clipped Shapely geometry as new shapes."""
        raise NotImplementedError

    def is_fully_within_image(self, image: ShapeLike) -> bool:
        """Return True when every vertex lies in ``[0, W] x [0, H]`` (False without vertices)."""
        return len(self._coords) > 0 and bool(self.get_pointwise_inside_image_mask(image).all())

    def is_partly_within_image(self, image: ShapeLike) -> bool:
        """Return True when the shape overlaps the image (with positive area or length)."""
        shape = normalize_shape(image, "image")
        if len(self._coords) == 0:
            return False
        height, width = shape[:2]
        x, y = self._coords[:, 0], self._coords[:, 1]
        if ((x > 0) & (x < width) & (y > 0) & (y < height)).any():
            return True
        if x.max() < 0 or y.max() < 0 or x.min() > width or y.min() > height:
            return False
        if len(self._coords) == 1:
            return bool(self.get_pointwise_inside_image_mask(shape)[0])
        return self._measure(self._to_shapely().intersection(image_box(shape))) > 0

    def is_out_of_image(self, image: ShapeLike, fully: bool = True, partly: bool = False) -> bool:
        """Return whether the shape counts as outside *image*.

        Parameters
        ----------
        image : ndarray or tuple of int
            The image or its shape.
        fully : bool
            Count shapes entirely outside the image.
        partly : bool
            Count shapes partly inside, partly outside the image.
        """
        shape = normalize_shape(image, "image")
        fully_within = self.is_fully_within_image(shape)
        partly_within = fully_within or self.is_partly_within_image(shape)
        return bool(out_of_image_flags(np.array(fully_within), np.array(partly_within),
                                       fully, partly))

    def compute_out_of_image_fraction(self, image: ShapeLike) -> float:
        """Return the fraction of the shape (area for polygons, length for line strings)
        outside *image*, in [0, 1]. A shape of size zero counts 0.0 when it is on the image.
        """
        shape = normalize_shape(image, "image")
        if self.is_fully_within_image(shape):
            return 0.0
        if not self.is_partly_within_image(shape):
            return 1.0
        size = self._size()
        if size <= 0:
            return 0.0
        inside = self._measure(self._to_shapely().intersection(image_box(shape)))
        return float(np.clip(1.0 - inside / size, 0.0, 1.0))

    def clip_out_of_image(self, image: ShapeLike) -> list:
        """Return the pieces of the shape inside *image* (an empty list if none)."""
        shape = normalize_shape(image, "image")
        if self.is_fully_within_image(shape):
            return [self.copy()]
        if not self.is_partly_within_image(shape):
            return []
        return self._parts(self._to_shapely().intersection(image_box(shape)))

    # ---------------------------------------------------------------- copies

    def coords_almost_equals(self, other: Any, max_distance: float = 1e-4,
                             points_per_edge: int = 8) -> bool:
        """Return True when the outlines of *self* and *other* lie within *max_distance*.

        Both outlines are subdivided with *points_per_edge* points per edge and every point
        of each must be within *max_distance* of the other outline (imgaug's test), so the
        same outline with extra collinear vertices, or a polygon starting at another vertex,
        counts as equal. imgaug requires a distance strictly below *max_distance*; augkit
        accepts equality too, so ``max_distance=0`` compares exactly.

        Parameters
        ----------
        other : same class, ndarray of shape (M, 2) or list of (x, y)
            The shape to compare with.
        max_distance : float
            The largest distance that counts as equal.
        points_per_edge : int
            Points inserted per edge before comparing.
        """
        import shapely

        coords = other._coords if isinstance(other, VertexShape) else as_vertices(other, "other")
        theirs = self._view(coords, None)  # compared as a shape of this class
        if len(self._coords) == 0 or len(coords) == 0:
            return len(self._coords) == len(coords)

        def farthest(points_of: VertexShape, outline_of: VertexShape) -> float:
            fine = points_of.subdivide(points_per_edge)._coords.astype(np.float64)
            return float(shapely.distance(shapely.points(fine), outline_of._outline()).max())

        return max(farthest(self, theirs), farthest(theirs, self)) <= max_distance

    def almost_equals(self, other: Any, max_distance: float = 1e-4,
                      points_per_edge: int = 8) -> bool:
        """Return True when *other* has the same label and :meth:`coords_almost_equals`."""
        if self.label != getattr(other, "label", None):
            return False
        return self.coords_almost_equals(other, max_distance=max_distance,
                                         points_per_edge=points_per_edge)

    def copy(self, coords: Any = None, label: Any = _KEEP) -> Any:
        """Return a copy (own vertex array), optionally with new vertices or label."""
        new = self._coords.copy() if coords is None else as_vertices(coords, "coords")
        return self._view(new, self.label if label is _KEEP else label)

    def deepcopy(self, coords: Any = None, label: Any = _KEEP) -> Any:
        """Return a copy whose label is deep-copied too."""
        result = self.copy(coords, label)
        result.label = _copy.deepcopy(result.label)
        return result

    def __copy__(self) -> Any:
        return self.copy()

    def __deepcopy__(self, memo: dict) -> Any:
        return self.deepcopy()

    def __getstate__(self) -> tuple:
        return (self._coords.copy(), self.label)

    def __setstate__(self, state: tuple) -> None:
        self._coords, self.label = state

    def __repr__(self) -> str:
        raise NotImplementedError


def draw_shapes(
    image: np.ndarray,
    shapes: Sequence[VertexShape],
    *,
    closed: bool,
    filled: bool,
    color: Any,
    color_face: Any,
    color_lines: Any,
    color_points: Any,
    alpha: float,
    alpha_face: float | None,
    alpha_lines: float | None,
    alpha_points: float | None,
    size: int,
    size_lines: int | None,
    size_points: int | None,
    antialiased: bool,
    copy: bool,
    raise_if_out_of_image: bool,
) -> np.ndarray:
    """Draw polygons or line strings: faces (if *filled*), then outlines, then vertices.

    Defaults derived from *color*, *alpha* and *size*: faces use *color* at half *alpha*;
    lines use *color* at *alpha* with thickness *size*; vertices use *color* darkened to
    half its value at *alpha*, as squares of ``3 * size`` pixels.
    """
    alpha = _draw.check_alpha(alpha)
    alpha_face = _draw.check_alpha(alpha / 2 if alpha_face is None else alpha_face, "alpha_face")
    alpha_lines = _draw.check_alpha(alpha if alpha_lines is None else alpha_lines, "alpha_lines")
    alpha_points = _draw.check_alpha(alpha if alpha_points is None else alpha_points,
                                     "alpha_points")
    size = _draw.check_size(size)
    size_lines = _draw.check_size(size if size_lines is None else size_lines, "size_lines")
    size_points = _draw.check_size(3 * size if size_points is None else size_points,
                                   "size_points")
    canvas, result = _draw.prepare_canvas(image, copy)
    channels = canvas.shape[2]
    base = _draw.normalize_color(color, channels)
    face = base if color_face is None else _draw.normalize_color(color_face, channels,
                                                                 "color_face")
    lines = base if color_lines is None else _draw.normalize_color(color_lines, channels,
                                                                   "color_lines")
    points = base * 0.5 if color_points is None else _draw.normalize_color(
        color_points, channels, "color_points")
    if raise_if_out_of_image:
        for index, item in enumerate(shapes):
            if not item.is_partly_within_image(canvas.shape):
                raise InputError(
                    f"{type(item).__name__} {index} is entirely outside the image of shape "
                    f"{canvas.shape}"
                )
    hw = canvas.shape[:2]
    coords = [item._coords for item in shapes if len(item._coords)]
    if not coords:
        return result
    if filled and alpha_face > 0:
        _draw.blend(canvas, _draw.fill_mask(hw, coords), face, alpha_face)
    if alpha_lines > 0:
        mask = _draw.polylines_mask(hw, coords, closed, size_lines, antialiased)
        _draw.blend(canvas, mask, lines, alpha_lines)
    if alpha_points > 0:
        mask = _draw.points_mask(hw, np.concatenate(coords), size_points)
        _draw.blend(canvas, mask, points, alpha_points)
    return result


_ShapeT = TypeVar("_ShapeT", bound=VertexShape)


@with_inplace_twins("on", "shift", "clip_out_of_image", "remove_out_of_image",
                    "remove_out_of_image_fraction", "subdivide")
class VertexShapesOnImage(OnImage, Generic[_ShapeT]):
    """Base of ``PolygonsOnImage`` and ``LineStringsOnImage``: a list of shapes on an image."""

    item_class: type[_ShapeT]  # set by each subclass (Polygon, LineString)
    _items: list[_ShapeT]

    def __init__(self, items: Sequence[Any], shape: ShapeLike) -> None:
        self.shape = normalize_shape(shape)
        cls = self.item_class
        if isinstance(items, np.ndarray) and items.ndim == 3:
            items = list(items)
        self._items = [item if isinstance(item, cls) else cls(item) for item in items]

    @classmethod
    def _new(cls, items: list, shape: tuple[int, ...]) -> Any:
        """Build without validation from a list of shapes."""
        obj = cls.__new__(cls)
        obj._items = items
        obj.shape = shape
        return obj

    @property
    def items(self) -> list:
        """list: the shapes (the stored list itself)."""
        return self._items

    @items.setter
    def items(self, value: Sequence[Any]) -> None:
        self._items = type(self)(value, self.shape)._items

    @property
    def labels(self) -> list:
        """list: the label of each shape."""
        return [item.label for item in self._items]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return self._new(self._items[index], self.shape)
        return self._items[index]

    def to_xy_array(self) -> np.ndarray:
        """Return all vertices of all shapes, concatenated, as a float32 ndarray of shape (K, 2)."""
        if not self._items:
            return np.zeros((0, 2), dtype=np.float32)
        return np.concatenate([item._coords for item in self._items]).astype(np.float32)

    def to_keypoints_on_image(self) -> Any:
        """Return all vertices as a ``KeypointsOnImage``."""
        from augkit.augmentables.keypoints import KeypointsOnImage

        xy = self.to_xy_array()
        return KeypointsOnImage._new(xy, [None] * len(xy), self.shape)

    def fill_from_xy_array_(self, xy: Any) -> Any:
        """Overwrite all vertices, in place, from one ``(K, 2)`` array (as :meth:`to_xy_array`).

        The shapes keep their vertex counts and labels; returns self.
        """
        arr = np.asarray(xy, dtype=np.float32)
        counts = [len(item._coords) for item in self._items]
        if arr.size == 0 and sum(counts) == 0:
            return self
        if arr.ndim != 2 or arr.shape[1:] != (2,) or len(arr) != sum(counts):
            raise InputError(
                f"xy: expected an array of shape ({sum(counts)}, 2), one row per vertex, got "
                f"{describe(xy)}"
            )
        for item, part in zip(self._items, np.split(arr, np.cumsum(counts)[:-1]), strict=True):
            item._coords = part.copy()
        return self

    def invert_to_keypoints_on_image_(self, kpsoi: Any) -> Any:
        """Take the coordinates and image shape of *kpsoi*, in place (inverts
        :meth:`to_keypoints_on_image`); returns self."""
        self.fill_from_xy_array_(kpsoi.to_xy_array())
        self.shape = kpsoi.shape
        return self

    def to_xy_arrays(self, dtype: Any = np.float32) -> list[np.ndarray]:
        """Return a copy of each shape's vertices, a list of ndarrays of shape (M, 2)."""
        return [item._coords.astype(dtype, copy=True) for item in self._items]

    @classmethod
    def from_xy_arrays(cls, xy: Any, shape: ShapeLike) -> Any:
        """Build from one ``(M, 2)`` vertex array per shape (or an ``(N, M, 2)`` array)."""
        return cls(list(xy), shape)

    def _take_state(self, other: VertexShapesOnImage) -> None:
        self._items, self.shape = other._items, other.shape

    def on(self, image: ShapeLike) -> Any:
        """Return the shapes rescaled onto *image* (an image or its shape), e.g. after a resize."""
        new_shape = normalize_shape(image, "image")
        return self._new([item.project(self.shape, new_shape) for item in self._items],
                         new_shape)

    def shift(self, x: float = 0, y: float = 0, top: float | None = None,
              right: float | None = None, bottom: float | None = None,
              left: float | None = None) -> Any:
        """Return the shapes moved by *x* to the right and *y* down.

        *top*/*right*/*bottom*/*left*: imgaug's deprecated older form, see the shapes' ``shift``.
        """
        dx, dy = shift_offsets(x, y, top, right, bottom, left)
        return self._new([item.shift(dx, dy) for item in self._items], self.shape)

    def subdivide(self, points_per_edge: int) -> Any:
        """Return the shapes with *points_per_edge* points added on each edge."""
        return self._new([item.subdivide(points_per_edge) for item in self._items], self.shape)

    def is_out_of_image(self, fully: bool = True, partly: bool = False) -> np.ndarray:
        """Return an ``(N,)`` bool array; see ``is_out_of_image`` of the shapes."""
        return np.array([item.is_out_of_image(self.shape, fully, partly)
                         for item in self._items], dtype=bool)

    def compute_out_of_image_fraction(self) -> np.ndarray:
        """Return an ``(N,)`` array: the fraction of each shape outside the image."""
        return np.array([item.compute_out_of_image_fraction(self.shape)
                         for item in self._items], dtype=np.float64)

    def remove_out_of_image(self, fully: bool = True, partly: bool = False) -> Any:
        """Return a copy without the shapes outside the image.

        Parameters
        ----------
        fully : bool
            Remove shapes entirely outside the image.
        partly : bool
            Remove shapes partly outside the image.
        """
        drop = self.is_out_of_image(fully, partly)
        return self._new([item for item, d in zip(self._items, drop, strict=True) if not d],
                         self.shape)

    def remove_out_of_image_fraction(self, fraction: float) -> Any:
        """Return a copy without the shapes whose out-of-image fraction is >= *fraction*."""
        value = check_fraction(fraction)
        fractions = self.compute_out_of_image_fraction()
        return self._new([item for item, f in zip(self._items, fractions, strict=True)
                          if f < value], self.shape)

    def clip_out_of_image(self) -> Any:
        """Return the shapes cut to the image; one shape may give several pieces or none."""
        return self._new([part for item in self._items
                          for part in item.clip_out_of_image(self.shape)], self.shape)

    def copy(self, items: Any = None, shape: ShapeLike | None = None) -> Any:
        """Return a copy (own vertex arrays), optionally with new shapes or image shape."""
        new_shape = self.shape if shape is None else normalize_shape(shape)
        if items is not None:
            return type(self)(items, new_shape)
        return self._new([item.copy() for item in self._items], new_shape)

    def deepcopy(self, items: Any = None, shape: ShapeLike | None = None) -> Any:
        """Return a copy whose labels are deep-copied too."""
        result = self.copy(items, shape)
        result._items = [item.deepcopy() for item in result._items]
        return result

    def __copy__(self) -> Any:
        return self.copy()

    def __deepcopy__(self, memo: dict) -> Any:
        return self.deepcopy()

    def __repr__(self) -> str:
        shown = ", ".join(repr(item) for item in self._items)
        return f"{type(self).__name__}([{shown}], shape={self.shape})"

    __str__ = __repr__
