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
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from augkit.augmentables import _draw
from augkit.augmentables._utils import (
    OnImage,
    ShapeLike,
    as_xy,
    check_fraction,
    normalize_shape,
    out_of_image_flags,
    project_xy,
)
from augkit.errors import InputError, describe

_KEEP = object()


def _inside(xy: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Return an ``(N,)`` bool array: which points of *xy* lie on a pixel of *shape*."""
    height, width = shape[:2]
    x, y = xy[:, 0], xy[:, 1]
    return (x >= 0) & (x < width) & (y >= 0) & (y < height)


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

    def coords_almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        """Return True when *other* (a Keypoint or an ``(x, y)`` pair) is within *max_distance*."""
        other_xy = other._xy if isinstance(other, Keypoint) else np.asarray(other, np.float64)
        return bool(np.linalg.norm(self._xy - np.reshape(other_xy, 2)) <= max_distance)

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
        return f"Keypoint(x={self.x:.3f}, y={self.y:.3f}{label})"


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

    def on(self, shape: ShapeLike) -> KeypointsOnImage:
        """Return the points rescaled onto an image of *shape* (e.g. after a resize)."""
        new_shape = normalize_shape(shape)
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
        shown = ", ".join(repr(kp) for kp in self.keypoints[:8])
        more = f", ... ({len(self) - 8} more)" if len(self) > 8 else ""
        return f"KeypointsOnImage([{shown}{more}], shape={self.shape})"

