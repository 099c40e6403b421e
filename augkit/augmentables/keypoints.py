"""Keypoints: single points (landmarks) on an image.

:class:`KeypointsOnImage` stores all points of one image as one float32 ``(N, 2)`` array
plus a list of labels; :class:`Keypoint` objects are a convenience view of one row
(changing ``kp.x`` on a view changes the array it came from).

A keypoint denotes a pixel: it is inside the image when ``0 <= x < W`` and ``0 <= y < H``.
Augmenters keep every keypoint, in order, even when it leaves the image; use
:meth:`KeypointsOnImage.is_out_of_image` to find those, or
:meth:`KeypointsOnImage.clip_out_of_image` to drop them.
"""

from __future__ import annotations

import copy as _copy
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from augkit.augmentables import _draw, _kpmaps
from augkit.augmentables._utils import (
    OnImage,
    ShapeLike,
    as_xy,
    check_fraction,
    normalize_shape,
    out_of_image_flags,
    project_xy,
    with_inplace_twins,
)
from augkit.errors import InputError, describe

_KEEP = object()


def _inside(xy: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Return an ``(N,)`` bool array: which points of *xy* lie on a pixel of *shape*."""
    height, width = shape[:2]
    x, y = xy[:, 0], xy[:, 1]
    return (x >= 0) & (x < width) & (y >= 0) & (y < height)


@with_inplace_twins("project", "shift")
class Keypoint:
    """One point ``(x, y)`` on an image, with an optional label.

    Parameters
    ----------
    x, y : float
        Coordinates in pixels; ``(0, 0)`` is the top-left corner of the image.
    label : object, optional
        Anything describing the point (a name, a class id, ...).

    Examples
    --------
    >>> kp = Keypoint(x=3, y=4.5, label="nose")
    >>> kp.shift(x=1).x
    4.0
    >>> kp.is_out_of_image((4, 10))
    True
    >>> print(Keypoint(x=1, y=2))
    Keypoint(x=1.00000000, y=2.00000000)
    """

    __slots__ = ("_xy", "label")

    def __init__(self, x: float, y: float, label: Any = None) -> None:
        try:
            self._xy = np.array([x, y], dtype=np.float32)
        except (TypeError, ValueError):
            raise InputError(
                f"Keypoint: expected numbers x and y, got x={describe(x)}, y={describe(y)}"
            ) from None
        if self._xy.shape != (2,) or not np.isfinite(self._xy).all():
            raise InputError(
                f"Keypoint: expected finite numbers x and y, got x={describe(x)}, y={describe(y)}"
            )
        self.label = label

    @classmethod
    def _view(cls, xy: np.ndarray, label: Any) -> Keypoint:
        """Return a keypoint whose coordinates are the ``(2,)`` array *xy* (shared)."""
        obj = cls.__new__(cls)
        obj._xy = xy
        obj.label = label
        return obj

    def _take_state(self, other: Keypoint) -> None:
        """Write *other*'s coordinates into this point's array (views stay views)."""
        self._xy[...] = other._xy
        self.label = other.label

    @property
    def x(self) -> float:
        """The x-coordinate (float)."""
        return float(self._xy[0])

    @x.setter
    def x(self, value: float) -> None:
        self._xy[0] = value

    @property
    def y(self) -> float:
        """The y-coordinate (float)."""
        return float(self._xy[1])

    @y.setter
    def y(self, value: float) -> None:
        self._xy[1] = value

    @property
    def x_int(self) -> int:
        """The x-coordinate rounded to the nearest int."""
        return int(np.round(self._xy[0]))

    @property
    def y_int(self) -> int:
        """The y-coordinate rounded to the nearest int."""
        return int(np.round(self._xy[1]))

    @property
    def xy(self) -> np.ndarray:
        """ndarray of shape (2,): a float32 copy of ``(x, y)``."""
        return self._xy.copy()

    @property
    def xy_int(self) -> np.ndarray:
        """ndarray of shape (2,): ``(x, y)`` rounded to int32."""
        return np.round(self._xy).astype(np.int32)

    @property
    def coords(self) -> np.ndarray:
        """ndarray of shape (1, 2): the point as a one-row coordinate array."""
        return self._xy.reshape(1, 2).copy()

    def project(self, from_shape: ShapeLike, to_shape: ShapeLike) -> Keypoint:
        """Return the point rescaled from an image of *from_shape* to one of *to_shape*."""
        xy = project_xy(self._xy.reshape(1, 2), from_shape, to_shape)[0]
        return Keypoint._view(xy, self.label)

    def is_out_of_image(self, image: ShapeLike) -> bool:
        """Return True when the point lies on no pixel of *image* (an array or its shape)."""
        return not bool(_inside(self._xy.reshape(1, 2), normalize_shape(image, "image"))[0])

    def compute_out_of_image_fraction(self, image: ShapeLike) -> float:
        """Return 1.0 when the point is outside *image*, else 0.0."""
        return 1.0 if self.is_out_of_image(image) else 0.0

    def shift(self, x: float = 0, y: float = 0) -> Keypoint:
        """Return a copy moved by *x* to the right and *y* down."""
        return Keypoint._view(self._xy + np.array([x, y], dtype=np.float32), self.label)

    def draw_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        alpha: float = 1.0,
        size: int = 3,
        copy: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Draw the point as a ``size x size`` square.

        See :meth:`KeypointsOnImage.draw_on_image` for the parameters.
        """
        kpsoi = KeypointsOnImage._new(
            self._xy.reshape(1, 2), [self.label], normalize_shape(image, "image")
        )
        return kpsoi.draw_on_image(
            image, color=color, alpha=alpha, size=size, copy=copy,
            raise_if_out_of_image=raise_if_out_of_image,
        )

    def generate_similar_points_manhattan(
        self, nb_steps: int, step_size: float, return_array: bool = False
    ) -> list[Keypoint] | np.ndarray:
        """Return the points within *nb_steps* Manhattan steps of this one (a diamond).

        Row by row from the top (``y - nb_steps * step_size``), left to right, with row ``i``
        holding ``2 * k + 1`` points where ``k = min(i, 2 * nb_steps - i)``; this point is
        among them. There are ``2 * nb_steps * (nb_steps + 1) + 1`` points.

        Parameters
        ----------
        nb_steps : int
            How many steps to go in each direction.
        step_size : float
            The distance of one step in pixels.
        return_array : bool
            Return a float32 ndarray of shape (K, 2) instead of a list of Keypoints.

        Examples
        --------
        >>> Keypoint(5, 5).generate_similar_points_manhattan(1, 1.0, return_array=True).tolist()
        [[5.0, 4.0], [4.0, 5.0], [5.0, 5.0], [6.0, 5.0], [5.0, 6.0]]
        """
        steps = int(nb_steps)
        row = np.arange(2 * steps + 1)
        half = np.minimum(row, 2 * steps - row)
        counts = 2 * half + 1
        rows = np.repeat(row, counts)
        starts = np.cumsum(counts) - counts
        columns = np.arange(counts.sum()) - np.repeat(starts, counts) - np.repeat(half, counts)
        points = np.stack([self.x + columns * step_size, self.y + (rows - steps) * step_size],
                          axis=1).astype(np.float32)
        if return_array:
            return points
        return [Keypoint._view(point, _copy.deepcopy(self.label)) for point in points.copy()]

    def coords_almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        """Return True when *other* (a Keypoint or an ``(x, y)`` pair) is within *max_distance*.

        The Euclidean distance is compared (imgaug compares each coordinate separately,
        which accepts points up to ``sqrt(2) * max_distance`` apart).
        """
        other_xy = other._xy if isinstance(other, Keypoint) else np.asarray(other, np.float64)
        return bool(np.linalg.norm(self._xy - np.reshape(other_xy, 2)) <= max_distance)

    def almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        """Same as :meth:`coords_almost_equals` (a point has nothing else to compare)."""
        return self.coords_almost_equals(other, max_distance=max_distance)

    def copy(self, x: float | None = None, y: float | None = None, label: Any = _KEEP) -> Keypoint:
        """Return a copy, optionally with new coordinates or label."""
        xy = self._xy.copy()
        if x is not None:
            xy[0] = x
        if y is not None:
            xy[1] = y
        return Keypoint._view(xy, self.label if label is _KEEP else label)

    def deepcopy(
        self, x: float | None = None, y: float | None = None, label: Any = _KEEP
    ) -> Keypoint:
        """Return a copy whose label is deep-copied too."""
        kp = self.copy(x, y, label)
        kp.label = _copy.deepcopy(kp.label)
        return kp

    __copy__ = copy

    def __deepcopy__(self, memo: dict) -> Keypoint:
        return self.deepcopy()

    def __getstate__(self) -> tuple:
        return (self._xy.copy(), self.label)

    def __setstate__(self, state: tuple) -> None:
        self._xy, self.label = state

    def __repr__(self) -> str:
        label = "" if self.label is None else f", label={self.label!r}"
        return f"Keypoint(x={self.x:.8f}, y={self.y:.8f}{label})"

    __str__ = __repr__


@with_inplace_twins("on", "shift", "clip_out_of_image", "remove_out_of_image",
                    "remove_out_of_image_fraction")
class KeypointsOnImage(OnImage):
    """All keypoints on one image.

    Parameters
    ----------
    keypoints : list of Keypoint, list of (x, y) pairs, or ndarray of shape (N, 2)
        The points.
    shape : tuple of int or ndarray
        Shape ``(H, W)`` or ``(H, W, C)`` of the image the points are on, or the image.

    Attributes
    ----------
    xy : ndarray of shape (N, 2)
        float32 coordinates, one row per point.
    labels : list
        One label (or None) per point.
    shape : tuple of int
        The image shape.

    Examples
    --------
    >>> import numpy as np
    >>> kpsoi = KeypointsOnImage([Keypoint(1, 2), Keypoint(30, 4)], shape=(20, 20, 3))
    >>> kpsoi.is_out_of_image().tolist()
    [False, True]
    >>> kpsoi.on((40, 40)).to_xy_array().tolist()
    [[2.0, 4.0], [60.0, 8.0]]
    """

    def __init__(self, keypoints: Sequence[Any] | np.ndarray, shape: ShapeLike) -> None:
        self.shape = normalize_shape(shape)
        if isinstance(keypoints, np.ndarray):
            self.xy = as_xy(keypoints, "keypoints")
            self.labels = [None] * len(self.xy)
            return
        points = list(keypoints)
        if points and all(isinstance(kp, Keypoint) for kp in points):
            self.xy = np.stack([kp._xy for kp in points]).astype(np.float32)
            self.labels = [kp.label for kp in points]
            return
        self.xy = as_xy(
            [(kp.x, kp.y) if isinstance(kp, Keypoint) else kp for kp in points], "keypoints"
        )
        self.labels = [kp.label if isinstance(kp, Keypoint) else None for kp in points]

    @classmethod
    def _new(cls, xy: np.ndarray, labels: list, shape: tuple[int, ...]) -> KeypointsOnImage:
        """Build without validation: *xy* float32 ``(N, 2)``, *labels* of length N."""
        obj = cls.__new__(cls)
        obj.xy = xy
        obj.labels = labels
        obj.shape = shape
        return obj

    @classmethod
    def from_xy_array(
        cls, xy: Any, shape: ShapeLike, labels: Sequence[Any] | None = None
    ) -> KeypointsOnImage:
        """Build from an ``(N, 2)`` array of ``(x, y)`` rows.

        Parameters
        ----------
        xy : ndarray of shape (N, 2)
            The coordinates (copied to float32).
        shape : tuple of int or ndarray
            The image shape, or the image.
        labels : sequence, optional
            One label per point.
        """
        arr = as_xy(xy, "xy")
        if labels is None:
            label_list = [None] * len(arr)
        else:
            label_list = list(labels)
            if len(label_list) != len(arr):
                raise InputError(
                    f"labels: expected {len(arr)} labels, one per point, got {len(label_list)}"
                )
        return cls._new(arr, label_list, normalize_shape(shape))

    def to_xy_array(self) -> np.ndarray:
        """Return a float32 copy of the coordinates, an ndarray of shape (N, 2)."""
        return self.xy.copy()

    def get_coords_array(self) -> np.ndarray:
        """Deprecated name of :meth:`to_xy_array` (imgaug < 0.4)."""
        warnings.warn("get_coords_array() is deprecated; use to_xy_array()",
                      DeprecationWarning, stacklevel=2)
        return self.to_xy_array()

    @classmethod
    def from_coords_array(cls, coords: Any, shape: ShapeLike) -> KeypointsOnImage:
        """Deprecated name of :meth:`from_xy_array` (imgaug < 0.4)."""
        warnings.warn("from_coords_array() is deprecated; use from_xy_array()",
                      DeprecationWarning, stacklevel=2)
        return cls.from_xy_array(coords, shape)

    def fill_from_xy_array_(self, xy: Any) -> KeypointsOnImage:
        """Overwrite the coordinates with the ``(N, 2)`` array *xy*, in place; return self.

        Parameters
        ----------
        xy : ndarray of shape (N, 2)
            One row per keypoint already held (labels are kept).
        """
        arr = as_xy(xy, "xy")
        if len(arr) != len(self.xy):
            raise InputError(
                f"xy: expected {len(self.xy)} rows, one per keypoint, got {len(arr)}"
            )
        self.xy[...] = arr
        return self

    def _take_state(self, other: KeypointsOnImage) -> None:
        if self.xy.shape == other.xy.shape and self.xy.flags.writeable:
            self.xy[...] = other.xy  # same rows: keep item views attached
        else:
            self.xy = other.xy
        self.labels, self.shape = other.labels, other.shape

    def to_keypoints_on_image(self) -> KeypointsOnImage:
        """Return a deep copy (the other coordinate containers' common conversion)."""
        return self.deepcopy()

    def invert_to_keypoints_on_image_(self, kpsoi: KeypointsOnImage) -> KeypointsOnImage:
        """Take the coordinates and image shape of *kpsoi* (as many points), in place.

        Inverts :meth:`to_keypoints_on_image`; returns self.
        """
        self.fill_from_xy_array_(kpsoi.xy)
        self.shape = kpsoi.shape
        return self

    def to_keypoint_image(self, size: int = 1) -> np.ndarray:
        """Return a uint8 array of shape (H, W, N), one channel per keypoint.

        A channel is 255 at the point's rounded position, 128 on the other pixels of the
        ``size x size`` square around it and 0 elsewhere.

        Parameters
        ----------
        size : int
            Odd side length of the square.

        Examples
        --------
        >>> kpsoi = KeypointsOnImage([Keypoint(1, 1)], shape=(3, 3))
        >>> kpsoi.to_keypoint_image(size=3)[:, :, 0].tolist()
        [[128, 128, 128], [128, 255, 128], [128, 128, 128]]
        """
        return _kpmaps.keypoint_image(self.xy, self.shape[:2], size)

    @staticmethod
    def from_keypoint_image(
        image: Any, if_not_found_coords: Any = (-1, -1), threshold: int = 1,
        nb_channels: int | None = None,
    ) -> KeypointsOnImage:
        """Read one keypoint per channel of an ``(H, W, N)`` keypoint image.

        The keypoint is at the centre of the channel's first brightest pixel
        (``(col + 0.5, row + 0.5)``), as imgaug's.

        Parameters
        ----------
        image : ndarray of shape (H, W, N)
            For example the result of :meth:`to_keypoint_image`.
        if_not_found_coords : None, (x, y) or dict with keys 'x' and 'y'
            Where to put the keypoint of a channel whose maximum is below *threshold*
            (imgaug's default ``{'x': -1, 'y': -1}`` is the same as ``(-1, -1)``); None
            drops such channels.
        threshold : number
            The smallest value that counts as a keypoint.
        nb_channels : int, optional
            Channel count of the resulting ``shape`` (``(H, W)`` when None).

        Examples
        --------
        >>> image = np.zeros((4, 4, 1), dtype=np.uint8)
        >>> image[2, 1, 0] = 255
        >>> KeypointsOnImage.from_keypoint_image(image).to_xy_array().tolist()
        [[1.5, 2.5]]
        """
        arr = _kpmaps.check_channels_array(image, "image")
        xy, _ = _kpmaps.points_from_channels(
            arr, True, lambda peak: peak >= threshold, 0.5,
            if_not_found_coords,
        )
        return KeypointsOnImage._from_channels(xy, arr.shape, nb_channels)

    def to_distance_maps(self, inverted: bool = False) -> np.ndarray:
        """Return a float32 array of shape (H, W, N): each pixel's distance to each keypoint.

        Distances are measured from the pixel's index ``(col, row)``, as imgaug's; with
        *inverted*, ``1 / (distance + 1)`` is returned instead.

        Examples
        --------
        >>> kpsoi = KeypointsOnImage([Keypoint(0, 0)], shape=(1, 3))
        >>> kpsoi.to_distance_maps()[:, :, 0].tolist()
        [[0.0, 1.0, 2.0]]
        """
        return _kpmaps.distance_maps(self.xy, self.shape[:2], inverted)

    @staticmethod
    def from_distance_maps(
        distance_maps: Any, inverted: bool = False, if_not_found_coords: Any = (-1, -1),
        threshold: float | None = None, nb_channels: int | None = None,
    ) -> KeypointsOnImage:
        """Read one keypoint per channel of ``(H, W, N)`` distance maps.

        The keypoint is at the index ``(col, row)`` of the channel's smallest distance
        (largest value when *inverted*); with a *threshold*, a channel whose best value is not
        below it (not at least it, when *inverted*) has no keypoint and gives
        *if_not_found_coords* (default ``(-1, -1)``; None drops it).

        Examples
        --------
        >>> kpsoi = KeypointsOnImage([Keypoint(2, 1)], shape=(4, 4))
        >>> KeypointsOnImage.from_distance_maps(kpsoi.to_distance_maps()).to_xy_array().tolist()
        [[2.0, 1.0]]
        """
        arr = _kpmaps.check_channels_array(distance_maps, "distance_maps")
        if threshold is None:
            found = None
        elif inverted:
            found = lambda best: best >= threshold  # noqa: E731
        else:
            found = lambda best: best < threshold  # noqa: E731
        xy, _ = _kpmaps.points_from_channels(
            arr, inverted, found, 0.0,
            if_not_found_coords,
        )
        return KeypointsOnImage._from_channels(xy, arr.shape, nb_channels)

    @classmethod
    def _from_channels(cls, xy: np.ndarray, arr_shape: tuple[int, ...],
                       nb_channels: int | None) -> KeypointsOnImage:
        shape = tuple(arr_shape[:2]) + (() if nb_channels is None else (int(nb_channels),))
        return cls._new(xy, [None] * len(xy), normalize_shape(shape))

    @property
    def keypoints(self) -> list[Keypoint]:
        """list of Keypoint: views of the rows of :attr:`xy` (coordinates are shared)."""
        return [Keypoint._view(row, label) for row, label in zip(self.xy, self.labels, strict=True)]

    @keypoints.setter
    def keypoints(self, value: Sequence[Any]) -> None:
        other = KeypointsOnImage(value, self.shape)
        self.xy, self.labels = other.xy, other.labels

    items = keypoints

    def __len__(self) -> int:
        return len(self.xy)

    def __iter__(self) -> Iterator[Keypoint]:
        return iter(self.keypoints)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return KeypointsOnImage._new(self.xy[index].copy(), self.labels[index], self.shape)
        return Keypoint._view(self.xy[index], self.labels[index])

    def on(self, image: ShapeLike) -> KeypointsOnImage:
        """Return the points rescaled onto *image* (an image or its shape), e.g. after a resize."""
        new_shape = normalize_shape(image, "image")
        return KeypointsOnImage._new(
            project_xy(self.xy, self.shape, new_shape), list(self.labels), new_shape
        )

    def shift(self, x: float = 0, y: float = 0) -> KeypointsOnImage:
        """Return the points moved by *x* to the right and *y* down."""
        return KeypointsOnImage._new(
            self.xy + np.array([x, y], dtype=np.float32), list(self.labels), self.shape
        )

    def is_out_of_image(self) -> np.ndarray:
        """Return an ``(N,)`` bool array: True for points on no pixel of the image."""
        return ~_inside(self.xy, self.shape)

    def compute_out_of_image_fraction(self) -> np.ndarray:
        """Return an ``(N,)`` float array: 1.0 for points outside the image, else 0.0."""
        return self.is_out_of_image().astype(np.float64)

    def _subset(self, keep: np.ndarray) -> KeypointsOnImage:
        labels = [label for label, k in zip(self.labels, keep, strict=True) if k]
        return KeypointsOnImage._new(self.xy[keep], labels, self.shape)

    def remove_out_of_image(self, fully: bool = True, partly: bool = False) -> KeypointsOnImage:
        """Return a copy without the points outside the image.

        A point is either inside or outside, never partly: *partly* is accepted for the
        signature shared with the other coordinate types and has no effect.
        """
        inside = _inside(self.xy, self.shape)
        drop = out_of_image_flags(inside, np.zeros_like(inside), fully, partly)
        return self._subset(~drop)

    def remove_out_of_image_fraction(self, fraction: float) -> KeypointsOnImage:
        """Return a copy without the points whose out-of-image fraction is >= *fraction*."""
        value = check_fraction(fraction)
        return self._subset(self.compute_out_of_image_fraction() < value)

    def clip_out_of_image(self) -> KeypointsOnImage:
        """Return a copy without the points outside the image (a point cannot be cut)."""
        return self._subset(_inside(self.xy, self.shape))

    def draw_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        alpha: float = 1.0,
        size: int = 3,
        copy: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Draw each point as a filled ``size x size`` square centred on its rounded position.

        Parameters
        ----------
        image : ndarray of shape (H, W) or (H, W, C)
            The image to draw on.
        color : number or sequence of number
            One value per channel (an RGB triple on a one-channel image uses its mean).
        alpha : float
            Opacity in [0, 1].
        size : int
            Side length of the squares in pixels.
        copy : bool
            Draw on a copy (default) or in place.
        raise_if_out_of_image : bool
            Raise :class:`~augkit.errors.InputError` if a point is outside the image.

        Returns
        -------
        ndarray
            The image with the points drawn, same shape and dtype as *image*.
        """
        alpha = _draw.check_alpha(alpha)
        size = _draw.check_size(size)
        canvas, result = _draw.prepare_canvas(image, copy)
        if raise_if_out_of_image:
            outside = ~_inside(self.xy, canvas.shape)
            if outside.any():
                index = int(np.argmax(outside))
                raise InputError(
                    f"keypoint {index} at {tuple(self.xy[index].tolist())} is outside the image "
                    f"of shape {canvas.shape}"
                )
        mask = _draw.points_mask(canvas.shape[:2], self.xy, size)
        _draw.blend(canvas, mask, color, alpha)
        return result

    def copy(self, keypoints: Any = None, shape: ShapeLike | None = None) -> KeypointsOnImage:
        """Return a copy (own coordinate array), optionally with new points or shape."""
        new_shape = self.shape if shape is None else normalize_shape(shape)
        if keypoints is not None:
            return KeypointsOnImage(keypoints, new_shape)
        return KeypointsOnImage._new(self.xy.copy(), list(self.labels), new_shape)

    def deepcopy(self, keypoints: Any = None, shape: ShapeLike | None = None) -> KeypointsOnImage:
        """Return a copy whose labels are deep-copied too."""
        result = self.copy(keypoints, shape)
        result.labels = _copy.deepcopy(result.labels)
        return result

    def __copy__(self) -> KeypointsOnImage:
        return self.copy()

    def __deepcopy__(self, memo: dict) -> KeypointsOnImage:
        return self.deepcopy()

    def __repr__(self) -> str:
        shown = ", ".join(repr(kp) for kp in self.keypoints)
        return f"KeypointsOnImage([{shown}], shape={self.shape})"

    __str__ = __repr__

