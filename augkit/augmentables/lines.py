"""Line strings: open polylines given by their vertices.

:class:`LineStringsOnImage` holds a list of :class:`LineString` objects, each storing
its vertices as a float32 ``(M, 2)`` array. Clipping and out-of-image lengths use Shapely,
imported only when needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from augkit.augmentables._utils import ShapeLike, normalize_shape
from augkit.augmentables._vertices import (
    VertexShape,
    VertexShapesOnImage,
    as_vertices,
    draw_shapes,
)
from augkit.errors import InputError, describe


class LineString(VertexShape):
    """An open polyline with an optional label.

    Parameters
    ----------
    coords : ndarray of shape (M, 2), or list of (x, y) or Keypoint
        The vertices in order.
    label : object, optional
        Anything describing the line (a class name, an id, ...).

    Examples
    --------
    >>> ls = LineString([(0, 0), (3, 4), (3, 10)])
    >>> ls.length
    11.0
    >>> ls.compute_distance((6, 4))
    3.0
    >>> [part.length for part in ls.clip_out_of_image((8, 8))]
    [9.0]
    """

    __slots__ = ()
    closed = False

    @property
    def length(self) -> float:
        """Sum of the segment lengths (0.0 below 2 vertices)."""
        return float(self.compute_neighbour_distances().sum())

    def compute_neighbour_distances(self) -> np.ndarray:
        """Return the ``(M - 1,)`` float64 lengths of the segments."""
        if len(self._coords) < 2:
            return np.zeros((0,), dtype=np.float64)
        diff = np.diff(self._coords.astype(np.float64), axis=0)
        return np.hypot(diff[:, 0], diff[:, 1])

    def to_shapely_line_string(self) -> Any:
        """Return the line as a ``shapely.LineString``."""
        import shapely

        return shapely.LineString(self._coords.astype(np.float64))

    def _shapely_of(self, other: Any) -> Any:
        """Return a Shapely geometry for *other*: a point, Keypoint or shape."""
        import shapely

        if isinstance(other, VertexShape):
            return other._to_shapely()
        if hasattr(other, "x") and hasattr(other, "y"):
            return shapely.Point(float(other.x), float(other.y))
        if hasattr(other, "geom_type"):
            return other
        try:
            x, y = (float(v) for v in other)
        except (TypeError, ValueError):
            raise InputError(
                f"other: expected a point (x, y), a Keypoint, a LineString or a Polygon, got "
                f"{describe(other)}"
            ) from None
        return shapely.Point(x, y)

    def compute_distance(self, other: Any, default: Any = None) -> float | Any:
        """Return the shortest distance between the line and *other*.

        Parameters
        ----------
        other : tuple of float, Keypoint, LineString or Polygon
            What to measure the distance to.
        default : object
            Returned when the line has no vertices.
        """
        if len(self._coords) == 0:
            return default
        return float(self._to_shapely().distance(self._shapely_of(other)))

    def compute_pointwise_distances(self, other: Any, default: Any = None) -> list[float] | Any:
        """Return the distance of each vertex to *other* (a point, Keypoint or LineString).

        *default* is returned when *other* is a LineString without vertices.

        Examples
        --------
        >>> LineString([(0, 0), (0, 3)]).compute_pointwise_distances((4, 0))
        [4.0, 5.0]
        """
        import shapely

        if isinstance(other, LineString) and len(other._coords) == 0:
            return default
        if len(self._coords) == 0:
            return []
        geometry = self._shapely_of(other)
        points = shapely.points(self._coords.astype(np.float64))
        return shapely.distance(points, geometry).tolist()

    def find_intersections_with(self, other: Any) -> list[list[tuple[float, float]]]:
        """Return, per segment, where it meets *other*, sorted by distance from its start.

        Parameters
        ----------
        other : LineString, Polygon, Keypoint, (x, y) or shapely geometry
            What to intersect with (a Polygon counts by its area).

        Returns
        -------
        list of list of tuple of float
            One list per segment (``M - 1`` lists); an overlap along a stretch gives its
            two end points.

        Examples
        --------
        >>> LineString([(0, 0), (4, 0), (4, 4)]).find_intersections_with(
        ...     LineString([(2, -1), (2, 1)]))
        [[(2.0, 0.0)], []]
        """
        import shapely

        geometry = other.to_shapely_polygon() if hasattr(other, "to_shapely_polygon") \
            else self._shapely_of(other)
        coords = self._coords.astype(np.float64)
        segments = shapely.linestrings(np.stack([coords[:-1], coords[1:]], axis=1))
        result = []
        for start, hit in zip(coords[:-1], shapely.intersection(segments, geometry),
                              strict=True):
            points: list[np.ndarray] = []
            for part in shapely.get_parts(hit):
                if part.is_empty:
                    continue
                ends = np.asarray(part.coords, dtype=np.float64)
                points.extend(ends[[0, -1]] if part.geom_type == "LineString" else ends[:1])
            order = np.argsort([np.hypot(*(point - start)) for point in points], kind="stable")
            result.append([(float(points[i][0]), float(points[i][1])) for i in order])
        return result

    def concatenate(self, other: Any) -> LineString:
        """Return this line followed by the vertices of *other* (a LineString or points)."""
        coords = other._coords if isinstance(other, VertexShape) else as_vertices(other, "other")
        return self.deepcopy(coords=np.concatenate([self._coords, coords]))

    def draw_lines_on_image(self, image: Any, color: Any = (0, 255, 0), alpha: float = 1.0,
                            size: int = 3, antialiased: bool = True,
                            raise_if_out_of_image: bool = False) -> np.ndarray:
        """Draw the segments only (no vertices) on a copy of *image*.

        *image* may also be a shape tuple: the line is then drawn on a black uint8 image.
        The other parameters are as in :meth:`LineStringsOnImage.draw_on_image`.
        """
        return draw_shapes(
            _canvas_of(image), [self], closed=False, filled=False, color=color,
            color_face=None, color_lines=None, color_points=None, alpha=alpha, alpha_face=0.0,
            alpha_lines=None, alpha_points=0.0, size=size, size_lines=None, size_points=1,
            antialiased=antialiased, copy=True, raise_if_out_of_image=raise_if_out_of_image,
        )

    def draw_points_on_image(self, image: Any, color: Any = (0, 128, 0), alpha: float = 1.0,
                             size: int = 3, copy: bool = True,
                             raise_if_out_of_image: bool = False) -> np.ndarray:
        """Draw the vertices only, as ``size x size`` squares (see the keypoints' drawing)."""
        return draw_shapes(
            _canvas_of(image), [self], closed=False, filled=False, color=color,
            color_face=None, color_lines=None, color_points=color, alpha=alpha, alpha_face=0.0,
            alpha_lines=0.0, alpha_points=None, size=1, size_lines=None, size_points=size,
            antialiased=False, copy=copy, raise_if_out_of_image=raise_if_out_of_image,
        )

    def draw_lines_heatmap_array(self, image_shape: ShapeLike, alpha: float = 1.0,
                                 size: int = 1, antialiased: bool = True,
                                 raise_if_out_of_image: bool = False) -> np.ndarray:
        """Return a float32 ``(H, W)`` array in [0, 1]: the drawn segments' coverage."""
        blank = np.zeros(_single_channel(image_shape), dtype=np.uint8)
        drawn = self.draw_lines_on_image(blank, color=255, alpha=alpha, size=size,
                                         antialiased=antialiased,
                                         raise_if_out_of_image=raise_if_out_of_image)
        return drawn.astype(np.float32) / 255.0

    def draw_points_heatmap_array(self, image_shape: ShapeLike, alpha: float = 1.0,
                                  size: int = 1,
                                  raise_if_out_of_image: bool = False) -> np.ndarray:
        """Return a float32 ``(H, W)`` array in [0, 1]: the drawn vertices' coverage."""
        blank = np.zeros(_single_channel(image_shape), dtype=np.uint8)
        drawn = self.draw_points_on_image(blank, color=255, alpha=alpha, size=size,
                                          raise_if_out_of_image=raise_if_out_of_image)
        return drawn.astype(np.float32) / 255.0

    def draw_heatmap_array(self, image_shape: ShapeLike, alpha_lines: float = 1.0,
                           alpha_points: float = 1.0, size_lines: int = 1, size_points: int = 0,
                           antialiased: bool = True,
                           raise_if_out_of_image: bool = False) -> np.ndarray:
        """Return the pixel-wise maximum of the lines' and (if *size_points* > 0) the
        vertices' heatmap arrays, float32 ``(H, W)`` in [0, 1].

        Examples
        --------
        >>> LineString([(0, 1), (3, 1)]).draw_heatmap_array((3, 4), antialiased=False).tolist()
        [[0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]]
        """
        heatmap = self.draw_lines_heatmap_array(
            image_shape, alpha=alpha_lines, size=size_lines, antialiased=antialiased,
            raise_if_out_of_image=raise_if_out_of_image)
        if size_points <= 0:
            return heatmap
        points = self.draw_points_heatmap_array(
            image_shape, alpha=alpha_points, size=size_points,
            raise_if_out_of_image=raise_if_out_of_image)
        return np.maximum(heatmap, points)

    def draw_mask(self, image_shape: ShapeLike, size_lines: int = 1, size_points: int = 0,
                  raise_if_out_of_image: bool = False) -> np.ndarray:
        """Return a bool ``(H, W)`` mask of the drawn line (not antialiased).

        *image_shape* may have any number of channels (imgaug accepts only one).
        """
        heatmap = self.draw_heatmap_array(
            normalize_shape(image_shape, "image_shape")[:2], alpha_lines=1.0, alpha_points=1.0,
            size_lines=size_lines, size_points=size_points, antialiased=False,
            raise_if_out_of_image=raise_if_out_of_image)
        return heatmap > 0.5

    def to_heatmap(self, image_shape: ShapeLike, size_lines: int = 1, size_points: int = 0,
                   antialiased: bool = True, raise_if_out_of_image: bool = False) -> Any:
        """Return :meth:`draw_heatmap_array` as a ``HeatmapsOnImage`` on *image_shape*.

        *image_shape* may have any number of channels (imgaug accepts only one).
        """
        from augkit.augmentables.heatmaps import HeatmapsOnImage

        arr = self.draw_heatmap_array(normalize_shape(image_shape, "image_shape")[:2],
                                      size_lines=size_lines,
                                      size_points=size_points, antialiased=antialiased,
                                      raise_if_out_of_image=raise_if_out_of_image)
        return HeatmapsOnImage(arr, shape=normalize_shape(image_shape, "image_shape"))

    def to_segmentation_map(self, image_shape: ShapeLike, size_lines: int = 1,
                            size_points: int = 0, raise_if_out_of_image: bool = False) -> Any:
        """Return :meth:`draw_mask` as a ``SegmentationMapsOnImage`` (class 1 on the line).

        *image_shape* may have any number of channels (imgaug accepts only one).
        """
        from augkit.augmentables.segmaps import SegmentationMapsOnImage

        mask = self.draw_mask(image_shape, size_lines=size_lines, size_points=size_points,
                              raise_if_out_of_image=raise_if_out_of_image)
        return SegmentationMapsOnImage(mask, shape=normalize_shape(image_shape, "image_shape"))

    def extract_from_image(self, image: np.ndarray, size: int = 1, pad: bool = True,
                           pad_max: int | None = None, antialiased: bool = True,
                           prevent_zero_size: bool = True) -> np.ndarray:
        """Return the pixels under the line (drawn *size* thick), cut to its bounding box.

        Pixels off the line are 0 (partly covered ones scaled by the coverage when
        *antialiased*); *pad*, *pad_max* and *prevent_zero_size* are as in
        :meth:`BoundingBox.extract_from_image`. The result is uint8, as imgaug's.

        Examples
        --------
        >>> image = np.full((4, 4), 7, dtype=np.uint8)
        >>> LineString([(0, 1), (2, 1)]).extract_from_image(image, antialiased=False).tolist()
        [[7, 7, 7]]
        """
        from augkit.augmentables.bbs import BoundingBox
        from augkit.augmentables.images import check_image

        check_image(image)
        if len(self._coords) == 0 or size <= 0:
            side = 1 if prevent_zero_size else 0
            return np.zeros((side, side) + image.shape[2:], dtype=image.dtype)
        half = (size - 1) / 2
        lo = np.round(self._coords).min(axis=0) - half
        hi = np.round(self._coords).max(axis=0) + 1 + half
        box = BoundingBox(lo[0], lo[1], hi[0], hi[1])
        if len(self._coords) == 1:
            return box.extract_from_image(image, pad=pad, pad_max=pad_max,
                                          prevent_zero_size=prevent_zero_size)
        heatmap = self.draw_lines_heatmap_array(image.shape[:2], alpha=1.0, size=size,
                                                antialiased=antialiased)
        if image.ndim == 3:
            heatmap = heatmap[:, :, None]
        masked = image.astype(np.float32) * heatmap
        extract = box.extract_from_image(masked, pad=pad, pad_max=pad_max,
                                         prevent_zero_size=prevent_zero_size)
        return np.clip(np.round(extract), 0, 255).astype(np.uint8)

    def is_fully_within_image(self, image: ShapeLike, default: bool = False) -> bool:
        """Return True when every vertex lies in the image; *default* without vertices."""
        if len(self._coords) == 0:
            return default
        return super().is_fully_within_image(image)

    def is_partly_within_image(self, image: ShapeLike, default: bool = False) -> bool:
        """Return True when the line overlaps the image; *default* without vertices."""
        if len(self._coords) == 0:
            return default
        return super().is_partly_within_image(image)

    def is_out_of_image(self, image: ShapeLike, fully: bool = True, partly: bool = False,
                        default: bool = True) -> bool:
        """Return whether the line counts as outside *image*; *default* without vertices.

        See :meth:`Polygon.is_out_of_image` for *fully* and *partly*.
        """
        if len(self._coords) == 0:
            return default
        return super().is_out_of_image(image, fully, partly)

    def __repr__(self) -> str:
        points = ", ".join(f"({x:.2f}, {y:.2f})" for x, y in self._coords.tolist())
        return f"LineString([{points}], label={self.label})"

    __str__ = __repr__

    def contains(self, other: Any, max_distance: float = 1e-4) -> bool:
        """Return True when the point *other* is within *max_distance* of the line."""
        distance = self.compute_distance(other, default=None)
        return distance is not None and distance <= max_distance

    def to_polygon(self) -> Any:
        """Return a :class:`~augkit.augmentables.polys.Polygon` with the same vertices."""
        from augkit.augmentables.polys import Polygon

        return Polygon._view(self._coords.copy(), self.label)

    @classmethod
    def from_shapely(cls, line_string_shapely: Any, label: Any = None) -> LineString:
        """Build from a ``shapely.LineString``."""
        if getattr(line_string_shapely, "geom_type", None) not in ("LineString", "LinearRing"):
            raise InputError(
                "line_string_shapely: expected a shapely LineString, got "
                f"{describe(line_string_shapely)}"
            )
        coords = np.asarray(line_string_shapely.coords, dtype=np.float32).reshape(-1, 2)
        return cls._view(np.ascontiguousarray(coords), label)

    # hooks of VertexShape: a line is measured by its length
    def _to_shapely(self) -> Any:
        if len(self._coords) == 1:
            import shapely

            return shapely.Point(*self._coords[0].astype(np.float64))
        return self.to_shapely_line_string()

    def _measure(self, geometry: Any) -> float:
        return float(geometry.length)

    def _size(self) -> float:
        return self.length

    def _parts(self, geometry: Any) -> list:
        geoms = getattr(geometry, "geoms", [geometry])
        return [
            LineString._view(np.asarray(g.coords, dtype=np.float32).reshape(-1, 2), self.label)
            for g in geoms
            if g.geom_type == "LineString" and not g.is_empty
        ]

    def draw_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        color_lines: Any = None,
        color_points: Any = None,
        alpha: float = 1.0,
        alpha_lines: float | None = None,
        alpha_points: float | None = None,
        size: int = 1,
        size_lines: int | None = None,
        size_points: int | None = None,
        antialiased: bool = True,
        raise_if_out_of_image: bool = False,
        copy: bool = True,
    ) -> np.ndarray:
        """Draw the line; see :meth:`LineStringsOnImage.draw_on_image`."""
        return _draw_lines(image, [self], color, color_lines, color_points, alpha, alpha_lines,
                           alpha_points, size, size_lines, size_points, antialiased, copy,
                           raise_if_out_of_image)


def _canvas_of(image: Any) -> np.ndarray:
    """Return *image*, or a black uint8 image when given a shape tuple (imgaug's shortcut)."""
    if isinstance(image, tuple):
        return np.zeros(normalize_shape(image, "image"), dtype=np.uint8)
    return image


def _single_channel(image_shape: Any) -> tuple[int, ...]:
    """Validate a heatmap shape: ``(H, W)`` or ``(H, W, 1)``; return ``(H, W)``."""
    shape = normalize_shape(image_shape, "image_shape")
    if len(shape) == 3 and shape[2] != 1:
        raise InputError(f"image_shape: expected (H, W) or (H, W, 1), got {shape}")
    return shape[:2]


def _draw_lines(image: np.ndarray, lines: Sequence[LineString], color: Any, color_lines: Any,
                color_points: Any, alpha: float, alpha_lines: float | None,
                alpha_points: float | None, size: int, size_lines: int | None,
                size_points: int | None, antialiased: bool, copy: bool,
                raise_if_out_of_image: bool) -> np.ndarray:
    return draw_shapes(
        image, lines, closed=False, filled=False, color=color, color_face=None,
        color_lines=color_lines, color_points=color_points, alpha=alpha, alpha_face=0.0,
        alpha_lines=alpha_lines, alpha_points=alpha_points, size=size, size_lines=size_lines,
        size_points=size_points, antialiased=antialiased, copy=copy,
        raise_if_out_of_image=raise_if_out_of_image,
    )


class LineStringsOnImage(VertexShapesOnImage[LineString]):
    """All line strings on one image.

    Parameters
    ----------
    line_strings : list of LineString, or list of ndarray of shape (M, 2)
        The lines.
    shape : tuple of int or ndarray
        Shape ``(H, W)`` or ``(H, W, C)`` of the image, or the image.

    Examples
    --------
    >>> lsoi = LineStringsOnImage([LineString([(0, 5), (20, 5)])], shape=(10, 10))
    >>> lsoi.clip_out_of_image().line_strings[0].coords.tolist()
    [[0.0, 5.0], [10.0, 5.0]]
    """

    item_class = LineString

    def __init__(self, line_strings: Sequence[Any], shape: ShapeLike) -> None:
        super().__init__(line_strings, shape)

    @property
    def line_strings(self) -> list[LineString]:
        """list of LineString: the lines (the stored list itself)."""
        return self._items

    @line_strings.setter
    def line_strings(self, value: Sequence[Any]) -> None:
        self.items = value

    def copy(self, line_strings: Any = None, shape: ShapeLike | None = None) -> LineStringsOnImage:
        """Return a copy (own vertex arrays), optionally with new line strings or shape."""
        return super().copy(line_strings, shape)

    def deepcopy(self, line_strings: Any = None,
                 shape: ShapeLike | None = None) -> LineStringsOnImage:
        """Return a copy whose labels are deep-copied too."""
        return super().deepcopy(line_strings, shape)

    def draw_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        color_lines: Any = None,
        color_points: Any = None,
        alpha: float = 1.0,
        alpha_lines: float | None = None,
        alpha_points: float | None = None,
        size: int = 1,
        size_lines: int | None = None,
        size_points: int | None = None,
        antialiased: bool = True,
        raise_if_out_of_image: bool = False,
        copy: bool = True,
    ) -> np.ndarray:
        """Draw every line and its vertices.

        Parameters
        ----------
        image : ndarray of shape (H, W) or (H, W, C)
            The image to draw on.
        color : number or sequence of number
            Base colour, one value per channel.
        color_lines, color_points : number or sequence of number, optional
            Colours of the lines and the vertices; default *color* and *color* at half
            brightness.
        alpha : float
            Base opacity in [0, 1].
        alpha_lines, alpha_points : float, optional
            Opacities; default *alpha*.
        size : int
            Base size: line thickness.
        size_lines, size_points : int, optional
            Line thickness and vertex square size; default *size* and ``3 * size``.
        antialiased : bool
            Draw smooth (antialiased) lines.
        raise_if_out_of_image : bool
            Raise :class:`~augkit.errors.InputError` if a line is entirely outside.
        copy : bool
            Draw on a copy (default) or in place (not in imgaug, which always copies).

        Returns
        -------
        ndarray
            The image with the lines drawn, same shape and dtype as *image*.
        """
        return _draw_lines(image, self._items, color, color_lines, color_points, alpha,
                           alpha_lines, alpha_points, size, size_lines, size_points,
                           antialiased, copy, raise_if_out_of_image)
