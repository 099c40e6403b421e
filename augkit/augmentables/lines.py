"""Line strings: open polylines given by their vertices.

:class:`LineStringsOnImage` holds a list of :class:`LineString` objects, each storing
its vertices as a float32 ``(M, 2)`` array. Clipping and out-of-image lengths use Shapely,
imported only when needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from augkit.augmentables._utils import ShapeLike
from augkit.augmentables._vertices import (
    VertexShape,
    VertexShapesOnImage,
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
