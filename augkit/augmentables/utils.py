"""imgaug's ``imgaug.augmentables.utils``: point interpolation, shape and coordinate helpers.

The interpolation functions take and return points as imgaug's do (sequences of ``(x, y)``
in, lists of ``(x, y)`` tuples out); :func:`interpolate_xy` is the array form the
augmentables use internally.

Examples
--------
>>> from augkit.augmentables.utils import interpolate_points
>>> interpolate_points([(0, 0), (4, 0)], nb_steps=1, closed=False)
[(0.0, 0.0), (2.0, 0.0), (4.0, 0.0)]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from augkit.augmentables._utils import ShapeLike, project_xy
from augkit.augmentables._utils import normalize_shape as _normalize_shape
from augkit.errors import InputError, ParameterError, describe

__all__ = [
    "convert_cbaois_to_kpsois",
    "interpolate_point_pair",
    "interpolate_points",
    "interpolate_points_by_max_distance",
    "interpolate_xy",
    "invert_convert_cbaois_to_kpsois_",
    "normalize_shape",
    "project_coords",
    "project_coords_",
]


def normalize_shape(shape: Any) -> tuple[int, ...]:
    """Return an image shape tuple from a shape tuple or an image array.

    Parameters
    ----------
    shape : tuple of int or ndarray
        ``(H, W)`` or ``(H, W, C)``, or an image whose ``.shape`` is used.

    Examples
    --------
    >>> import numpy as np
    >>> normalize_shape(np.zeros((4, 5, 3)))
    (4, 5, 3)
    """
    return _normalize_shape(shape)


def _as_points(points: Any, argname: str) -> np.ndarray:
    try:
        arr = np.array([(p.x, p.y) if hasattr(p, "x") else p for p in points], dtype=np.float64)
    except (TypeError, ValueError):
        arr = None
    if arr is None or (arr.size and (arr.ndim != 2 or arr.shape[1] != 2)):
        raise InputError(f"{argname}: expected a sequence of (x, y) points, got {describe(points)}")
    return arr.reshape(-1, 2)


def _check_steps(value: Any, argname: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ParameterError(f"{argname}: expected an int, got {describe(value)}")
    return int(value)


def interpolate_xy(xy: np.ndarray, nb_steps: Any, closed: bool) -> np.ndarray:
    """Return the ``(M, 2)`` points *xy* with points inserted evenly on each segment.

    Parameters
    ----------
    xy : ndarray of shape (M, 2)
        The vertices of a line string (of a polygon's outline when *closed*).
    nb_steps : int or ndarray of shape (S,)
        Points to insert per segment: one number for all, or one per segment (values
        below 1 insert nothing).
    closed : bool
        Also interpolate the segment from the last point back to the first; the result
        then does not end with the first point again. When False the last point ends it.

    Returns
    -------
    ndarray of shape (K, 2)
        Same dtype as *xy* (float).

    Examples
    --------
    >>> import numpy as np
    >>> interpolate_xy(np.array([[0.0, 0.0], [3.0, 0.0]]), 2, closed=False).tolist()
    [[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [3.0, 0.0]]
    """
    if len(xy) <= 1:
        return xy.copy()
    starts = xy
    ends = np.roll(xy, -1, axis=0)
    if not closed:
        starts, ends = xy[:-1], xy[1:]
    steps = np.maximum(np.broadcast_to(np.asarray(nb_steps, dtype=np.int64), len(starts)), 0)
    per_segment = steps + 1
    segment = np.repeat(np.arange(len(starts)), per_segment)
    local = np.arange(per_segment.sum()) - np.repeat(np.cumsum(per_segment) - per_segment,
                                                     per_segment)
    t = (local / np.repeat(per_segment, per_segment))[:, None]
    out = starts[segment] + t * (ends[segment] - starts[segment])
    if not closed:
        out = np.concatenate([out, xy[-1:]], axis=0)
    return out.astype(xy.dtype, copy=False)


def _as_tuples(arr: np.ndarray) -> list[tuple[float, float]]:
    return [(x, y) for x, y in arr.tolist()]


def interpolate_point_pair(point_a: Sequence[float], point_b: Sequence[float],
                           nb_steps: int) -> list[tuple[float, float]]:
    """Return *nb_steps* points evenly spaced strictly between *point_a* and *point_b*.

    Examples
    --------
    >>> interpolate_point_pair((0, 0), (0, 3), 2)
    [(0.0, 1.0), (0.0, 2.0)]
    """
    steps = _check_steps(nb_steps, "nb_steps")
    if steps < 1:
        return []
    pair = _as_points([point_a, point_b], "point_a, point_b")
    return _as_tuples(interpolate_xy(pair, steps, closed=False)[1:-1])


def interpolate_points(points: Sequence[Any], nb_steps: int,
                       closed: bool = True) -> list[tuple[float, float]] | Sequence[Any]:
    """Insert *nb_steps* evenly spaced points on every segment of a line string.

    Parameters
    ----------
    points : sequence of (x, y)
        The vertices, in order.
    nb_steps : int
        Points inserted per segment.
    closed : bool
        Treat the points as a closed outline: the segment from the last point back to the
        first is interpolated too and the first point is not repeated at the end. When
        False the result ends with the last point.

    Returns
    -------
    list of tuple of float
        The vertices with the inserted points; *points* itself when it has at most one.

    Examples
    --------
    >>> interpolate_points([(0, 0), (2, 0)], nb_steps=1)
    [(0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (1.0, 0.0)]
    """
    steps = _check_steps(nb_steps, "nb_steps")
    if len(points) <= 1:
        return points
    return _as_tuples(interpolate_xy(_as_points(points, "points"), steps, closed))


def interpolate_points_by_max_distance(points: Sequence[Any], max_distance: float,
                                       closed: bool = True
                                       ) -> list[tuple[float, float]] | Sequence[Any]:
    """Insert points on each segment so that neighbours are at most about *max_distance* apart.

    A segment of length ``d`` gets ``int(d / max_distance - 1)`` evenly spaced points (as
    imgaug's). *closed* is as in :func:`interpolate_points`.

    Examples
    --------
    >>> interpolate_points_by_max_distance([(0, 0), (0, 3)], 1.0, closed=False)
    [(0.0, 0.0), (0.0, 1.0), (0.0, 2.0), (0.0, 3.0)]
    """
    try:
        limit = float(max_distance)
    except (TypeError, ValueError):
        limit = float("nan")
    if not limit > 0:
        raise ParameterError(f"max_distance: expected a number > 0, got {describe(max_distance)}")
    if len(points) <= 1:
        return points
    xy = _as_points(points, "points")
    ends = np.roll(xy, -1, axis=0) if closed else xy[1:]
    starts = xy if closed else xy[:-1]
    lengths = np.hypot(*(ends - starts).T)
    steps = (lengths / limit - 1).astype(np.int64)
    return _as_tuples(interpolate_xy(xy, steps, closed))


def project_coords_(coords: Any, from_shape: ShapeLike, to_shape: ShapeLike) -> np.ndarray:
    """Like :func:`project_coords`, but a float ndarray *coords* is scaled in place.

    Examples
    --------
    >>> import numpy as np
    >>> xy = np.array([[2.0, 3.0]], dtype=np.float32)
    >>> project_coords_(xy, (10, 10), (20, 30)) is xy, xy.tolist()
    (True, [[6.0, 6.0]])
    """
    if not (isinstance(coords, np.ndarray) and coords.dtype.kind == "f" and coords.ndim == 2):
        return project_coords(coords, from_shape, to_shape)
    coords[...] = project_coords(coords, from_shape, to_shape)
    return coords


def project_coords(coords: Any, from_shape: ShapeLike, to_shape: ShapeLike) -> np.ndarray:
    """Rescale coordinates from an image of *from_shape* to one of *to_shape*.

    A point at 60 % of the old width lands at 60 % of the new width.

    Parameters
    ----------
    coords : ndarray of shape (N, 2) or list of (x, y)
        The coordinates.
    from_shape, to_shape : tuple of int or ndarray
        The old and new image shapes (or images).

    Returns
    -------
    ndarray of shape (N, 2)
        A new float32 array (imgaug returns a list given as a list when the shapes match;
        augkit always returns an array).

    Examples
    --------
    >>> project_coords([(1, 2)], (10, 10), (20, 40)).tolist()
    [[4.0, 4.0]]
    """
    xy = np.array(coords, dtype=np.float32).reshape(-1, 2)
    return project_xy(xy, from_shape, to_shape)


def convert_cbaois_to_kpsois(cbaois: Any) -> Any:
    """Return ``to_keypoints_on_image()`` of one container, or of each in a list.

    Parameters
    ----------
    cbaois : BoundingBoxesOnImage, PolygonsOnImage, LineStringsOnImage or a list of them
        Coordinate-based containers.

    Examples
    --------
    >>> from augkit.augmentables import BoundingBox, BoundingBoxesOnImage
    >>> bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 2, 1)], shape=(4, 4))
    >>> len(convert_cbaois_to_kpsois([bbsoi])[0])
    4
    """
    if not isinstance(cbaois, list):
        return cbaois.to_keypoints_on_image()
    return [cbaoi.to_keypoints_on_image() for cbaoi in cbaois]


def invert_convert_cbaois_to_kpsois_(cbaois: Any, kpsois: Any) -> Any:
    """Write keypoints back into the containers they came from, in place.

    Inverts :func:`convert_cbaois_to_kpsois`: each container takes the coordinates and
    image shape of its ``KeypointsOnImage`` (``invert_to_keypoints_on_image_``).

    Parameters
    ----------
    cbaois : container or list of containers
        What was passed to :func:`convert_cbaois_to_kpsois`.
    kpsois : KeypointsOnImage or list of KeypointsOnImage
        Its (transformed) result; a list exactly when *cbaois* is one, of the same length.

    Returns
    -------
    container or list of containers
        *cbaois*, updated.

    Examples
    --------
    >>> from augkit.augmentables import BoundingBox, BoundingBoxesOnImage
    >>> bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 2, 1)], shape=(4, 4))
    >>> kpsoi = convert_cbaois_to_kpsois(bbsoi).shift(x=1)
    >>> invert_convert_cbaois_to_kpsois_(bbsoi, kpsoi).to_xyxy_array().tolist()
    [[1.0, 0.0, 3.0, 1.0]]
    """
    if not isinstance(cbaois, list):
        if isinstance(kpsois, list):
            raise InputError("kpsois: expected one KeypointsOnImage for one container, got a list")
        return cbaois.invert_to_keypoints_on_image_(kpsois)
    if not isinstance(kpsois, list) or len(kpsois) != len(cbaois):
        raise InputError(
            f"kpsois: expected a list of {len(cbaois)} KeypointsOnImage, one per container, "
            f"got {describe(kpsois)}"
        )
    return [cbaoi.invert_to_keypoints_on_image_(kpsoi)
            for cbaoi, kpsoi in zip(cbaois, kpsois, strict=True)]
