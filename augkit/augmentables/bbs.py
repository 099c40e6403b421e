"""Axis-aligned bounding boxes.

:class:`BoundingBoxesOnImage` stores all boxes of one image as one float32 ``(N, 4)``
array of ``(x1, y1, x2, y2)`` rows (always ``x1 <= x2`` and ``y1 <= y2``) plus a list of
labels; :class:`BoundingBox` objects are a convenience view of one row.

Boxes live in the continuous plane: the image is the closed rectangle ``[0, W] x [0, H]``,
so ``(0, 0, W, H)`` covers the whole image and is fully inside it. Areas are
``(x2 - x1) * (y2 - y1)``.

Plain box arrays can be read and written in four formats (:data:`BOX_FORMATS`):

``"xyxy"`` / ``"pascal_voc"``
    ``(x1, y1, x2, y2)`` in pixels.
``"coco"``
    ``(x, y, width, height)`` in pixels, ``(x, y)`` the top-left corner.
``"yolo"``
    ``(center_x, center_y, width, height)`` divided by the image width / height.
"""

from __future__ import annotations

import copy as _copy
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from augkit.augmentables import _draw
from augkit.augmentables._utils import (
    OnImage,
    ShapeLike,
    check_fraction,
    normalize_shape,
    out_of_image_flags,
    scale_factors,
    shift_offsets,
    unknown_choice,
    with_inplace_twins,
)
from augkit.errors import InputError, describe

BOX_FORMATS = ("xyxy", "pascal_voc", "coco", "yolo")

_KEEP = object()
#: Column order that turns ``(x1, y1, x2, y2)`` rows into 4 corners x1y1, x2y1, x2y2, x1y2.
_CORNERS = np.array([0, 1, 2, 1, 2, 3, 0, 3])


# ----------------------------------------------------------------- array functions


def as_box_array(value: Any, argname: str, width: int = 4) -> np.ndarray:
    """Return *value* as a new float32 ``(N, width)`` array of finite numbers."""
    try:
        arr = np.array(value, dtype=np.float32)
    except (TypeError, ValueError):
        raise InputError(
            f"{argname}: expected boxes as an array of shape (N, 4), got {describe(value)}"
        ) from None
    if arr.size == 0:
        return np.zeros((0, 4), dtype=np.float32)
    if arr.ndim != 2 or arr.shape[1] != width:
        raise InputError(
            f"{argname}: expected boxes as an array of shape (N, 4), got an array of shape "
            f"{arr.shape}"
        )
    if not np.isfinite(arr).all():
        raise InputError(f"{argname}: box coordinates must be finite, got {describe(value)}")
    return arr


def _sorted_corners(xyxy: np.ndarray) -> np.ndarray:
    """Return *xyxy* with swapped corners put in order (x1 <= x2, y1 <= y2)."""
    if len(xyxy) == 0 or (
        (xyxy[:, 0] <= xyxy[:, 2]).all() and (xyxy[:, 1] <= xyxy[:, 3]).all()
    ):
        return xyxy
    return np.concatenate(
        [np.minimum(xyxy[:, :2], xyxy[:, 2:]), np.maximum(xyxy[:, :2], xyxy[:, 2:])], axis=1
    )


def check_format(fmt: Any, argname: str = "format") -> str:
    """Validate a box format name; see :data:`BOX_FORMATS`."""
    if fmt not in BOX_FORMATS:
        raise unknown_choice(argname, fmt, BOX_FORMATS)
    return fmt


def boxes_to_xyxy(arr: np.ndarray, fmt: str, shape: tuple[int, ...]) -> np.ndarray:
    """Convert an ``(N, 4)`` float32 array from box format *fmt* to xyxy (sorted)."""
    if fmt in ("xyxy", "pascal_voc"):
        return _sorted_corners(arr)
    if fmt == "coco":
        return _sorted_corners(np.concatenate([arr[:, :2], arr[:, :2] + arr[:, 2:]], axis=1))
    height, width = shape[:2]
    scale = np.array([width, height], dtype=np.float32)
    center, half = arr[:, :2] * scale, arr[:, 2:] * scale / 2
    return _sorted_corners(np.concatenate([center - half, center + half], axis=1))


def xyxy_to_boxes(xyxy: np.ndarray, fmt: str, shape: tuple[int, ...]) -> np.ndarray:
    """Convert an ``(N, 4)`` xyxy array to box format *fmt* (a new float32 array)."""
    if fmt in ("xyxy", "pascal_voc"):
        return xyxy.astype(np.float32, copy=True)
    size = xyxy[:, 2:] - xyxy[:, :2]
    if fmt == "coco":
        return np.concatenate([xyxy[:, :2], size], axis=1).astype(np.float32)
    height, width = shape[:2]
    if height == 0 or width == 0:
        raise InputError(f"shape: cannot express boxes in yolo format on a zero-size image {shape}")
    scale = np.array([width, height], dtype=np.float32)
    center = (xyxy[:, :2] + xyxy[:, 2:]) / 2
    return (np.concatenate([center / scale, size / scale], axis=1)).astype(np.float32)


def _areas(xyxy: np.ndarray) -> np.ndarray:
    """Return the ``(N,)`` float64 areas of xyxy boxes."""
    wh = xyxy[:, 2:].astype(np.float64) - xyxy[:, :2]
    return wh[:, 0] * wh[:, 1]


def _clip(xyxy: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Return the boxes clipped to the image rectangle ``[0, W] x [0, H]``."""
    height, width = shape[:2]
    hi = np.array([width, height, width, height], dtype=np.float32)
    return np.clip(xyxy, 0, hi).astype(np.float32)


def _fully_within(xyxy: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    height, width = shape[:2]
    return (
        (xyxy[:, 0] >= 0) & (xyxy[:, 1] >= 0) & (xyxy[:, 2] <= width) & (xyxy[:, 3] <= height)
    )


def _partly_within(xyxy: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """True where a box overlaps the image with positive area (or lies on it if flat)."""
    height, width = shape[:2]
    overlaps = []
    for lo, hi, size in ((xyxy[:, 0], xyxy[:, 2], width), (xyxy[:, 1], xyxy[:, 3], height)):
        flat_inside = (lo == hi) & (lo >= 0) & (lo <= size)
        overlaps.append((np.maximum(lo, 0) < np.minimum(hi, size)) | flat_inside)
    return overlaps[0] & overlaps[1]


def _out_of_image_fractions(xyxy: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Return the ``(N,)`` fraction of each box's area that lies outside the image.

    A box of zero area counts 0.0 when it lies on the image, else 1.0.
    """
    areas = _areas(xyxy)
    inside = _areas(_clip(xyxy, shape))
    with np.errstate(divide="ignore", invalid="ignore"):
        fractions = np.where(areas > 0, 1.0 - inside / np.where(areas > 0, areas, 1.0), 0.0)
    flat = areas <= 0
    if flat.any():
        fractions[flat] = np.where(_partly_within(xyxy[flat], shape), 0.0, 1.0)
    return np.clip(fractions, 0.0, 1.0)


def xyxy_to_corners(xyxy: np.ndarray) -> np.ndarray:
    """Return the 4 corners of each box (x1y1, x2y1, x2y2, x1y2) as a ``(4N, 2)`` array."""
    out = np.empty((len(xyxy), 8), dtype=np.float32)
    # column j of the output takes column _CORNERS[j] of the boxes; plain column copies
    # are much faster than fancy indexing or reductions over tiny axes
    for j, source in enumerate(_CORNERS):
        out[:, j] = xyxy[:, source]
    return out.reshape(-1, 2)


def corners_to_xyxy(xy: np.ndarray) -> np.ndarray:
    """Fit boxes around groups of 4 points: ``(4N, 2)`` -> ``(N, 4)`` float32."""
    c = np.asarray(xy, dtype=np.float32).reshape(-1, 8)
    out = np.empty((len(c), 4), dtype=np.float32)
    for axis in (0, 1):  # x, then y
        a, b, d, e = c[:, axis], c[:, axis + 2], c[:, axis + 4], c[:, axis + 6]
        np.minimum(np.minimum(a, b), np.minimum(d, e), out=out[:, axis])
        np.maximum(np.maximum(a, b), np.maximum(d, e), out=out[:, axis + 2])
    return out


# --------------------------------------------------------------------- BoundingBox


def _coord_property(index: int, doc: str) -> property:
    """Return a float property reading and writing ``_xyxy[index]``."""

    def get(self: BoundingBox) -> float:
        return float(self._xyxy[index])

    def set_(self: BoundingBox, value: float) -> None:
        self._xyxy[index] = value

    return property(get, set_, doc=doc)


@with_inplace_twins("project", "extend", "clip_out_of_image", "shift")
class BoundingBox:
    """One axis-aligned box ``(x1, y1, x2, y2)`` with an optional label.

    Parameters
    ----------
    x1, y1 : float
        Top-left corner in pixels.
    x2, y2 : float
        Bottom-right corner in pixels; swapped corners are put in order.
    label : object, optional
        Anything describing the box (a class name, an id, ...).

    Examples
    --------
    >>> a = BoundingBox(0, 0, 10, 10)
    >>> b = BoundingBox(5, 5, 15, 15, label="cat")
    >>> a.area, a.intersection(b).area, round(a.iou(b), 4)
    (100.0, 25.0, 0.1429)
    >>> b.clip_out_of_image((12, 12)).x2
    12.0
    >>> print(b.shift(x=1))
    BoundingBox(x1=6.0000, y1=5.0000, x2=16.0000, y2=15.0000, label=cat)
    """

    __slots__ = ("_xyxy", "label")

    def __init__(self, x1: float, y1: float, x2: float, y2: float, label: Any = None) -> None:
        try:
            xyxy = np.array([x1, y1, x2, y2], dtype=np.float32)
        except (TypeError, ValueError):
            xyxy = None
        if xyxy is None or xyxy.shape != (4,) or not np.isfinite(xyxy).all():
            raise InputError(
                f"BoundingBox: expected four finite numbers x1, y1, x2, y2, got "
                f"{describe((x1, y1, x2, y2))}"
            )
        self._xyxy = _sorted_corners(xyxy.reshape(1, 4))[0]
        self.label = label

    @classmethod
    def _view(cls, xyxy: np.ndarray, label: Any) -> BoundingBox:
        """Return a box whose coordinates are the ``(4,)`` array *xyxy* (shared)."""
        obj = cls.__new__(cls)
        obj._xyxy = xyxy
        obj.label = label
        return obj

    def _one(self) -> np.ndarray:
        return self._xyxy.reshape(1, 4)

    def _take_state(self, other: BoundingBox) -> None:
        """Write *other*'s coordinates into this box's array (views stay views)."""
        self._xyxy[...] = other._xyxy
        self.label = other.label

    @classmethod
    def from_point_soup(cls, xy: Any) -> BoundingBox:
        """Return the smallest box around the points *xy*.

        Parameters
        ----------
        xy : ndarray of shape (P, 2) or (2P,)
            At least one point, as rows ``(x, y)`` or flat ``x, y, x, y, ...``.

        Examples
        --------
        >>> print(BoundingBox.from_point_soup([(1, 5), (3, 2), (2, 8)]))
        BoundingBox(x1=1.0000, y1=2.0000, x2=3.0000, y2=8.0000, label=None)
        """
        arr = np.array(xy, dtype=np.float32)
        if arr.ndim == 1 and arr.size % 2 == 0:
            arr = arr.reshape(-1, 2)
        if arr.ndim != 2 or arr.shape[1] != 2 or len(arr) == 0 or not np.isfinite(arr).all():
            raise InputError(
                f"xy: expected at least one finite point as an array of shape (P, 2) or (2P,), "
                f"got {describe(xy)}"
            )
        lo, hi = arr.min(axis=0), arr.max(axis=0)
        return cls(lo[0], lo[1], hi[0], hi[1])

    x1 = _coord_property(0, "x-coordinate of the top-left corner.")
    y1 = _coord_property(1, "y-coordinate of the top-left corner.")
    x2 = _coord_property(2, "x-coordinate of the bottom-right corner.")
    y2 = _coord_property(3, "y-coordinate of the bottom-right corner.")

    @property
    def x1_int(self) -> int:
        """x1 rounded to the nearest int."""
        return int(np.round(self._xyxy[0]))

    @property
    def y1_int(self) -> int:
        """y1 rounded to the nearest int."""
        return int(np.round(self._xyxy[1]))

    @property
    def x2_int(self) -> int:
        """x2 rounded to the nearest int."""
        return int(np.round(self._xyxy[2]))

    @property
    def y2_int(self) -> int:
        """y2 rounded to the nearest int."""
        return int(np.round(self._xyxy[3]))

    @property
    def coords(self) -> np.ndarray:
        """ndarray of shape (2, 2): the top-left and bottom-right corners."""
        return self._xyxy.reshape(2, 2).copy()

    @property
    def width(self) -> float:
        """``x2 - x1``."""
        return float(self._xyxy[2]) - float(self._xyxy[0])

    @property
    def height(self) -> float:
        """``y2 - y1``."""
        return float(self._xyxy[3]) - float(self._xyxy[1])

    @property
    def area(self) -> float:
        """``width * height``."""
        return self.width * self.height

    @property
    def center_x(self) -> float:
        """x-coordinate of the centre."""
        return (float(self._xyxy[0]) + float(self._xyxy[2])) / 2

    @property
    def center_y(self) -> float:
        """y-coordinate of the centre."""
        return (float(self._xyxy[1]) + float(self._xyxy[3])) / 2

    def contains(self, other: Any) -> bool:
        """Return True when the point *other* (Keypoint or ``(x, y)``) is inside the box.

        The box's edges count as inside.
        """
        if hasattr(other, "x") and hasattr(other, "y"):
            x, y = float(other.x), float(other.y)
        else:
            x, y = (float(v) for v in other)
        x1, y1, x2, y2 = (float(v) for v in self._xyxy)
        return x1 <= x <= x2 and y1 <= y <= y2

    def project(self, from_shape: ShapeLike, to_shape: ShapeLike) -> BoundingBox:
        """Return the box rescaled from an image of *from_shape* to one of *to_shape*."""
        sx, sy = scale_factors(from_shape, to_shape)
        scale = np.array([sx, sy, sx, sy], dtype=np.float32)
        return BoundingBox._view(self._xyxy * scale, self.label)

    def extend(
        self,
        all_sides: float = 0,
        top: float = 0,
        right: float = 0,
        bottom: float = 0,
        left: float = 0,
    ) -> BoundingBox:
        """Return the box grown by the given amounts (negative values shrink it)."""
        delta = np.array(
            [-(all_sides + left), -(all_sides + top), all_sides + right, all_sides + bottom],
            dtype=np.float32,
        )
        x1, y1, x2, y2 = (self._xyxy + delta).tolist()
        return BoundingBox(x1, y1, x2, y2, label=self.label)

    def intersection(self, other: BoundingBox, default: Any = None) -> BoundingBox | Any:
        """Return the box where *self* and *other* overlap, or *default* if they do not.

        Boxes that only touch give a box of zero area.
        """
        x1, y1 = np.maximum(self._xyxy[:2], other._xyxy[:2])
        x2, y2 = np.minimum(self._xyxy[2:], other._xyxy[2:])
        if x1 > x2 or y1 > y2:
            return default
        return BoundingBox(x1, y1, x2, y2)

    def union(self, other: BoundingBox) -> BoundingBox:
        """Return the smallest box that contains both *self* and *other*."""
        lo = np.minimum(self._xyxy[:2], other._xyxy[:2])
        hi = np.maximum(self._xyxy[2:], other._xyxy[2:])
        return BoundingBox(lo[0], lo[1], hi[0], hi[1])

    def iou(self, other: BoundingBox) -> float:
        """Return intersection over union of the two areas (0.0 when both are empty)."""
        inter = self.intersection(other)
        inter_area = 0.0 if inter is None else inter.area
        union_area = self.area + other.area - inter_area
        return inter_area / union_area if union_area > 0 else 0.0

    def is_fully_within_image(self, image: ShapeLike) -> bool:
        """Return True when the box lies inside ``[0, W] x [0, H]`` of *image*."""
        return bool(_fully_within(self._one(), normalize_shape(image, "image"))[0])

    def is_partly_within_image(self, image: ShapeLike) -> bool:
        """Return True when the box overlaps the image with positive area."""
        return bool(_partly_within(self._one(), normalize_shape(image, "image"))[0])

    def is_out_of_image(self, image: ShapeLike, fully: bool = True, partly: bool = False) -> bool:
        """Return whether the box counts as outside *image*.

        Parameters
        ----------
        image : ndarray or tuple of int
            The image or its shape.
        fully : bool
            Count boxes entirely outside the image.
        partly : bool
            Count boxes partly inside, partly outside the image.
        """
        shape = normalize_shape(image, "image")
        one = self._one()
        return bool(
            out_of_image_flags(
                _fully_within(one, shape), _partly_within(one, shape), fully, partly
            )[0]
        )

    def compute_out_of_image_area(self, image: ShapeLike) -> float:
        """Return the area of the box that lies outside *image*."""
        shape = normalize_shape(image, "image")
        return float(self.area - _areas(_clip(self._one(), shape))[0])

    def compute_out_of_image_fraction(self, image: ShapeLike) -> float:
        """Return the fraction of the box's area outside *image*, in [0, 1]."""
        return float(_out_of_image_fractions(self._one(), normalize_shape(image, "image"))[0])

    def clip_out_of_image(self, image: ShapeLike) -> BoundingBox:
        """Return the part of the box inside *image*.

        Raises
        ------
        InputError
            If the box is entirely outside the image.
        """
        shape = normalize_shape(image, "image")
        if not _partly_within(self._one(), shape)[0]:
            raise InputError(
                f"cannot clip {self!r}: it lies entirely outside the image of shape {shape}"
            )
        return BoundingBox._view(_clip(self._one(), shape)[0], self.label)

    def shift(self, x: float = 0, y: float = 0, top: float | None = None,
              right: float | None = None, bottom: float | None = None,
              left: float | None = None) -> BoundingBox:
        """Return the box moved by *x* to the right and *y* down.

        *top*, *right*, *bottom*, *left* are imgaug's deprecated older form (``top=2`` moves
        down by 2, ``right=2`` moves left by 2); they add to *x* and *y* and warn.
        """
        dx, dy = shift_offsets(x, y, top, right, bottom, left)
        offset = np.array([dx, dy, dx, dy], dtype=np.float32)
        return BoundingBox._view(self._xyxy + offset, self.label)

    def cut_out_of_image(self, *args: Any, **kwargs: Any) -> BoundingBox:
        """Deprecated name of :meth:`clip_out_of_image` (imgaug < 0.4)."""
        warnings.warn("cut_out_of_image() is deprecated; use clip_out_of_image()",
                      DeprecationWarning, stacklevel=2)
        return self.clip_out_of_image(*args, **kwargs)

    def to_keypoints(self) -> list:
        """Return the 4 corners (x1y1, x2y1, x2y2, x1y2) as Keypoints."""
        from augkit.augmentables.keypoints import Keypoint

        return [Keypoint(x, y) for x, y in xyxy_to_corners(self._one()).tolist()]

    def to_polygon(self) -> Any:
        """Return the box as a :class:`~augkit.augmentables.polys.Polygon` of its corners."""
        from augkit.augmentables.polys import Polygon

        return Polygon(xyxy_to_corners(self._one()), label=self.label)

    def coords_almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        """Return True when every corner of *other* is within *max_distance* of *self*'s."""
        other_xyxy = other._xyxy if isinstance(other, BoundingBox) else np.asarray(other)
        diff = self._xyxy.reshape(2, 2) - np.reshape(other_xyxy, (2, 2))
        return bool(np.linalg.norm(diff, axis=1).max() <= max_distance)

    def almost_equals(self, other: BoundingBox, max_distance: float = 1e-4) -> bool:
        """Return True when *other* has the same label and :meth:`coords_almost_equals`."""
        if self.label != other.label:
            return False
        return self.coords_almost_equals(other, max_distance=max_distance)

    def __getitem__(self, index: Any) -> Any:
        """Index into :attr:`coords` (``bb[0]`` is the top-left corner ``(x1, y1)``)."""
        return self.coords[index]

    def __iter__(self) -> Iterator[np.ndarray]:
        """Iterate over the two corners ``(x1, y1)`` and ``(x2, y2)``."""
        return iter(self.coords)

    def extract_from_image(
        self,
        image: np.ndarray,
        pad: bool = True,
        pad_max: int | None = None,
        prevent_zero_size: bool = True,
    ) -> np.ndarray:
        """Return the pixels of *image* inside the box (rounded to whole pixels).

        Parameters
        ----------
        image : ndarray of shape (H, W) or (H, W, C)
            The image to cut from.
        pad : bool
            Where the box leaves the image, pad with zeros so the result has the box's
            size; otherwise return only the part inside the image.
        pad_max : int, optional
            At most this many pixels of padding per side.
        prevent_zero_size : bool
            Make a box narrower than one pixel one pixel wide (and likewise its height),
            so the result is never empty.

        Returns
        -------
        ndarray of shape (h, w) or (h, w, C)
            A new array with *image*'s dtype.
        """
        from augkit.augmentables.images import check_image

        check_image(image)
        height, width = image.shape[:2]
        x1, y1, x2, y2 = (int(v) for v in np.round(self._xyxy))
        if prevent_zero_size:
            x2, y2 = max(x2, x1 + 1), max(y2, y1 + 1)
        if not pad:
            x1, x2 = np.clip([x1, x2], 0, width)
            y1, y2 = np.clip([y1, y2], 0, height)
            if prevent_zero_size and (x1 >= x2 or y1 >= y2):
                return np.zeros((1, 1) + image.shape[2:], dtype=image.dtype)
            return image[y1:y2, x1:x2].copy()
        limit = np.inf if pad_max is None else pad_max
        top, left = int(min(max(0, -y1), limit)), int(min(max(0, -x1), limit))
        bottom, right = int(min(max(0, y2 - height), limit)), int(min(max(0, x2 - width), limit))
        widths = ((top, bottom), (left, right)) + ((0, 0),) * (image.ndim - 2)
        padded = np.pad(image, widths) if top or left or bottom or right else image
        ys = np.clip([y1 + top, y2 + top], 0, padded.shape[0])
        xs = np.clip([x1 + left, x2 + left], 0, padded.shape[1])
        return padded[ys[0] : ys[1], xs[0] : xs[1]].copy()

    def draw_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        alpha: float = 1.0,
        size: int = 1,
        copy: bool = True,
        raise_if_out_of_image: bool = False,
        thickness: int | None = None,
    ) -> np.ndarray:
        """Draw the box outline and, if it has one, its label; see
        :meth:`BoundingBoxesOnImage.draw_on_image`."""
        return self._as_container(image).draw_on_image(
            image, color=color, alpha=alpha, size=size, copy=copy,
            raise_if_out_of_image=raise_if_out_of_image, thickness=thickness,
        )

    def _as_container(self, image: Any) -> BoundingBoxesOnImage:
        return BoundingBoxesOnImage._new(self._one(), [self.label],
                                         normalize_shape(image, "image"))

    def draw_box_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        alpha: float = 1.0,
        size: int = 1,
        copy: bool = True,
        raise_if_out_of_image: bool = False,
        thickness: int | None = None,
    ) -> np.ndarray:
        """Draw only the box outline (no label); the parameters are those of
        :meth:`BoundingBoxesOnImage.draw_on_image`."""
        return self._as_container(image)._draw(
            image, color=color, alpha=alpha, size=size, copy=copy,
            raise_if_out_of_image=raise_if_out_of_image, thickness=thickness, labels=False,
        )

    def draw_label_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        color_text: Any = None,
        color_bg: Any = None,
        alpha: float = 1.0,
        size: int = 1,
        size_text: int = 20,
        height: int = 30,
        copy: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Draw the label (``str(label)``) on a filled rectangle just above the box.

        The rectangle is *height* pixels tall, ends one pixel above ``y1`` and spans the box's
        width plus the outline *size*, as imgaug's; it is clipped to the image.

        Parameters
        ----------
        image : ndarray of shape (H, W) or (H, W, C)
            The image to draw on.
        color : number or sequence of number
            The rectangle's colour when *color_bg* is None.
        color_text, color_bg : number or sequence of number, optional
            Text and rectangle colours; the text defaults to black or white, whichever
            contrasts more with the rectangle.
        alpha : float
            Opacity in [0, 1].
        size : int
            The outline thickness of the box the label belongs to.
        size_text : int
            Text height in pixels.
        height : int
            Rectangle height in pixels.
        copy : bool
            Draw on a copy (default) or in place.
        raise_if_out_of_image : bool
            Raise :class:`~augkit.errors.InputError` if the box is entirely outside the image.

        Examples
        --------
        >>> image = np.zeros((40, 40, 3), dtype=np.uint8)
        >>> out = BoundingBox(5, 35, 30, 38, label="a").draw_label_on_image(image)
        >>> out[4, 5].tolist(), out[3, 5].tolist()
        ([0, 255, 0], [0, 0, 0])
        """
        alpha = _draw.check_alpha(alpha)
        size = _draw.check_size(size)
        canvas, result = _draw.prepare_canvas(image, copy)
        if raise_if_out_of_image:
            self._as_container(canvas)._raise_if_outside(canvas.shape)
        _draw.put_label(canvas, str(self.label), self._label_rect(size, height),
                        color if color_bg is None else color_bg, color_text, alpha, size_text)
        return result

    def _label_rect(self, size: int, height: int) -> tuple[int, int, int, int]:
        """The end-exclusive ``(x1, y1, x2, y2)`` of the label rectangle (imgaug's geometry)."""
        top = self.y1_int - 1 - int(height)
        return self.x1_int - size + 1, top, self.x2_int + size, top + int(height)

    def copy(self, x1: float | None = None, y1: float | None = None, x2: float | None = None,
             y2: float | None = None, label: Any = _KEEP) -> BoundingBox:
        """Return a copy, optionally with some coordinates or the label replaced."""
        x1, y1, x2, y2 = (v if new is None else new
                          for v, new in zip(self._xyxy.tolist(), (x1, y1, x2, y2), strict=True))
        return BoundingBox(x1, y1, x2, y2, label=self.label if label is _KEEP else label)

    def deepcopy(self, x1: float | None = None, y1: float | None = None,
                 x2: float | None = None, y2: float | None = None,
                 label: Any = _KEEP) -> BoundingBox:
        """Return a copy whose label is deep-copied too."""
        box = self.copy(x1, y1, x2, y2, label)
        box.label = _copy.deepcopy(box.label)
        return box

    __copy__ = copy

    def __deepcopy__(self, memo: dict) -> BoundingBox:
        return self.deepcopy()

    def __getstate__(self) -> tuple:
        return (self._xyxy.copy(), self.label)

    def __setstate__(self, state: tuple) -> None:
        self._xyxy, self.label = state

    def __repr__(self) -> str:
        x1, y1, x2, y2 = self._xyxy.tolist()
        return (f"BoundingBox(x1={x1:.4f}, y1={y1:.4f}, x2={x2:.4f}, y2={y2:.4f}, "
                f"label={self.label})")

    __str__ = __repr__


# ------------------------------------------------------------ BoundingBoxesOnImage


@with_inplace_twins("on", "shift", "clip_out_of_image", "remove_out_of_image",
                    "remove_out_of_image_fraction")
class BoundingBoxesOnImage(OnImage):
    """All bounding boxes on one image.

    Parameters
    ----------
    bounding_boxes : list of BoundingBox, or ndarray of shape (N, 4)
        The boxes (an array is read as xyxy; see :meth:`from_array` for other formats).
    shape : tuple of int or ndarray
        Shape ``(H, W)`` or ``(H, W, C)`` of the image the boxes are on, or the image.

    Attributes
    ----------
    xyxy : ndarray of shape (N, 4)
        float32 ``(x1, y1, x2, y2)`` rows with ``x1 <= x2`` and ``y1 <= y2``.
    labels : list
        One label (or None) per box.
    shape : tuple of int
        The image shape.

    Examples
    --------
    >>> import numpy as np
    >>> bbsoi = BoundingBoxesOnImage.from_array(
    ...     np.array([[0.5, 0.5, 0.2, 0.4]]), shape=(100, 200), format="yolo")
    >>> bbsoi.to_xyxy_array().tolist()
    [[80.0, 30.0, 120.0, 70.0]]
    >>> bbsoi.to_array("coco").tolist()
    [[80.0, 30.0, 40.0, 40.0]]
    """

    def __init__(self, bounding_boxes: Sequence[BoundingBox] | np.ndarray,
                 shape: ShapeLike) -> None:
        self.shape = normalize_shape(shape)
        if isinstance(bounding_boxes, np.ndarray):
            self.xyxy = _sorted_corners(as_box_array(bounding_boxes, "bounding_boxes"))
            self.labels = [None] * len(self.xyxy)
            return
        boxes = list(bounding_boxes)
        if all(isinstance(bb, BoundingBox) for bb in boxes):
            self.xyxy = (
                np.stack([bb._xyxy for bb in boxes]).astype(np.float32)
                if boxes else np.zeros((0, 4), dtype=np.float32)
            )
            self.labels = [bb.label for bb in boxes]
            return
        self.xyxy = _sorted_corners(as_box_array(
            [bb._xyxy if isinstance(bb, BoundingBox) else bb for bb in boxes], "bounding_boxes"
        ))
        self.labels = [bb.label if isinstance(bb, BoundingBox) else None for bb in boxes]

    @classmethod
    def _new(cls, xyxy: np.ndarray, labels: list, shape: tuple[int, ...]) -> BoundingBoxesOnImage:
        """Build without validation: *xyxy* sorted float32 ``(N, 4)``, one label per row."""
        obj = cls.__new__(cls)
        obj.xyxy = xyxy
        obj.labels = labels
        obj.shape = shape
        return obj

    @classmethod
    def from_array(
        cls,
        arr: Any,
        shape: ShapeLike,
        format: str = "xyxy",
        labels: Sequence[Any] | None = None,
    ) -> BoundingBoxesOnImage:
        """Build from an ``(N, 4)`` array in a box format.

        Parameters
        ----------
        arr : ndarray of shape (N, 4)
            The boxes.
        shape : tuple of int or ndarray
            The image shape (``yolo`` values are fractions of its width and height).
        format : {'xyxy', 'pascal_voc', 'coco', 'yolo'}
            How the four numbers of a row are to be read.
        labels : sequence, optional
            One label per box.
        """
        fmt = check_format(format)
        image_shape = normalize_shape(shape)
        xyxy = boxes_to_xyxy(as_box_array(arr, "arr"), fmt, image_shape)
        if labels is None:
            label_list = [None] * len(xyxy)
        else:
            label_list = list(labels)
            if len(label_list) != len(xyxy):
                raise InputError(
                    f"labels: expected {len(xyxy)} labels, one per box, got {len(label_list)}"
                )
        return cls._new(np.ascontiguousarray(xyxy, dtype=np.float32), label_list, image_shape)

    @classmethod
    def from_xyxy_array(cls, xyxy: Any, shape: ShapeLike,
                        labels: Sequence[Any] | None = None) -> BoundingBoxesOnImage:
        """Build from an ``(N, 4)`` array of ``(x1, y1, x2, y2)`` rows."""
        return cls.from_array(xyxy, shape, format="xyxy", labels=labels)

    @classmethod
    def from_point_soups(cls, xy: Any, shape: ShapeLike) -> BoundingBoxesOnImage:
        """Build one box around each group of points.

        Parameters
        ----------
        xy : ndarray of shape (N, P, 2) or (N, 2P)
            Row ``i`` holds the ``P >= 1`` points of box ``i``.
        shape : tuple of int or ndarray
            The image shape, or the image.

        Examples
        --------
        >>> soups = [[(1, 1), (4, 2)], [(5, 9), (0, 3)]]
        >>> BoundingBoxesOnImage.from_point_soups(soups, (10, 10)).to_xyxy_array().tolist()
        [[1.0, 1.0, 4.0, 2.0], [0.0, 3.0, 5.0, 9.0]]
        """
        arr = np.array(xy, dtype=np.float32)
        if arr.ndim == 2 and arr.shape[1] % 2 == 0:
            arr = arr.reshape(len(arr), -1, 2)
        if arr.size == 0 and len(arr) == 0:
            return cls._new(np.zeros((0, 4), dtype=np.float32), [], normalize_shape(shape))
        if arr.ndim != 3 or arr.shape[1] == 0 or arr.shape[2] != 2 or not np.isfinite(arr).all():
            raise InputError(
                f"xy: expected point groups as an array of shape (N, P, 2) or (N, 2P) with "
                f"P >= 1, got {describe(xy)}"
            )
        xyxy = np.concatenate([arr.min(axis=1), arr.max(axis=1)], axis=1)
        return cls._new(xyxy, [None] * len(xyxy), normalize_shape(shape))

    def fill_from_xyxy_array_(self, xyxy: Any) -> BoundingBoxesOnImage:
        """Overwrite the boxes with the ``(N, 4)`` array *xyxy* in place (corners sorted).

        Labels are kept; returns self.
        """
        arr = _sorted_corners(as_box_array(xyxy, "xyxy"))
        if len(arr) != len(self.xyxy):
            raise InputError(f"xyxy: expected {len(self.xyxy)} rows, one per box, got {len(arr)}")
        self.xyxy[...] = arr
        return self

    def fill_from_xy_array_(self, xy: Any) -> BoundingBoxesOnImage:
        """Overwrite the boxes from the ``(2N, 2)`` corner array of :meth:`to_xy_array`."""
        arr = np.asarray(xy, dtype=np.float32)
        if arr.size % 4 != 0:
            raise InputError(
                f"xy: expected an array of shape (2N, 2) (two corners per box), got shape "
                f"{arr.shape}"
            )
        return self.fill_from_xyxy_array_(arr.reshape(-1, 4))

    def _take_state(self, other: BoundingBoxesOnImage) -> None:
        if self.xyxy.shape == other.xyxy.shape and self.xyxy.flags.writeable:
            self.xyxy[...] = other.xyxy  # same rows: keep item views attached
        else:
            self.xyxy = other.xyxy
        self.labels, self.shape = other.labels, other.shape

    def to_array(self, format: str = "xyxy") -> np.ndarray:
        """Return the boxes as a new float32 ndarray of shape (N, 4) in box *format*.

        Parameters
        ----------
        format : {'xyxy', 'pascal_voc', 'coco', 'yolo'}
            The box format of the result.
        """
        return xyxy_to_boxes(self.xyxy, check_format(format), self.shape)

    def to_xy_array(self) -> np.ndarray:
        """Return the top-left and bottom-right corner of every box, an ndarray of shape (2N, 2).

        Rows alternate ``(x1, y1)``, ``(x2, y2)`` box by box (as imgaug's).
        """
        return self.xyxy.reshape(-1, 2).astype(np.float32, copy=True)

    def to_xyxy_array(self, dtype: Any = np.float32) -> np.ndarray:
        """Return a copy of the ``(x1, y1, x2, y2)`` rows, an ndarray of shape (N, 4)."""
        return self.xyxy.astype(dtype, copy=True)

    @property
    def bounding_boxes(self) -> list[BoundingBox]:
        """list of BoundingBox: views of the rows of :attr:`xyxy` (coordinates are shared)."""
        return [BoundingBox._view(row, label)
                for row, label in zip(self.xyxy, self.labels, strict=True)]

    @bounding_boxes.setter
    def bounding_boxes(self, value: Sequence[BoundingBox]) -> None:
        other = BoundingBoxesOnImage(value, self.shape)
        self.xyxy, self.labels = other.xyxy, other.labels

    items = bounding_boxes

    @property
    def areas(self) -> np.ndarray:
        """ndarray of shape (N,): the area of each box."""
        return _areas(self.xyxy)

    def __len__(self) -> int:
        return len(self.xyxy)

    def __iter__(self) -> Iterator[BoundingBox]:
        return iter(self.bounding_boxes)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return BoundingBoxesOnImage._new(self.xyxy[index].copy(), self.labels[index],
                                             self.shape)
        return BoundingBox._view(self.xyxy[index], self.labels[index])

    def on(self, image: ShapeLike) -> BoundingBoxesOnImage:
        """Return the boxes rescaled onto *image* (an image or its shape), e.g. after a resize."""
        new_shape = normalize_shape(image, "image")
        sx, sy = scale_factors(self.shape, new_shape)
        xyxy = (self.xyxy * np.array([sx, sy, sx, sy], dtype=np.float32)).astype(np.float32)
        return BoundingBoxesOnImage._new(xyxy, list(self.labels), new_shape)

    def shift(self, x: float = 0, y: float = 0, top: float | None = None,
              right: float | None = None, bottom: float | None = None,
              left: float | None = None) -> BoundingBoxesOnImage:
        """Return the boxes moved by *x* to the right and *y* down.

        See :meth:`BoundingBox.shift` for imgaug's deprecated *top*/*right*/*bottom*/*left*.
        """
        dx, dy = shift_offsets(x, y, top, right, bottom, left)
        return BoundingBoxesOnImage._new(
            self.xyxy + np.array([dx, dy, dx, dy], dtype=np.float32), list(self.labels),
            self.shape)

    def is_out_of_image(self, fully: bool = True, partly: bool = False) -> np.ndarray:
        """Return an ``(N,)`` bool array; see :meth:`BoundingBox.is_out_of_image`."""
        return out_of_image_flags(_fully_within(self.xyxy, self.shape),
                                  _partly_within(self.xyxy, self.shape), fully, partly)

    def compute_out_of_image_fraction(self) -> np.ndarray:
        """Return an ``(N,)`` array: the fraction of each box's area outside the image."""
        return _out_of_image_fractions(self.xyxy, self.shape)

    def _subset(self, keep: np.ndarray, xyxy: np.ndarray | None = None) -> BoundingBoxesOnImage:
        source = self.xyxy if xyxy is None else xyxy
        labels = [label for label, k in zip(self.labels, keep, strict=True) if k]
        return BoundingBoxesOnImage._new(source[keep], labels, self.shape)

    def remove_out_of_image(self, fully: bool = True, partly: bool = False) -> BoundingBoxesOnImage:
        """Return a copy without the boxes outside the image.

        Parameters
        ----------
        fully : bool
            Remove boxes entirely outside the image.
        partly : bool
            Remove boxes partly outside the image.
        """
        return self._subset(~self.is_out_of_image(fully, partly))

    def remove_out_of_image_fraction(self, fraction: float) -> BoundingBoxesOnImage:
        """Return a copy without the boxes whose out-of-image area fraction is >= *fraction*."""
        value = check_fraction(fraction)
        return self._subset(self.compute_out_of_image_fraction() < value)

    def clip_out_of_image(self) -> BoundingBoxesOnImage:
        """Return the boxes cut to the image; boxes entirely outside it are removed."""
        keep = _partly_within(self.xyxy, self.shape)
        return self._subset(keep, _clip(self.xyxy, self.shape))

    def cut_out_of_image(self) -> BoundingBoxesOnImage:
        """Deprecated name of :meth:`clip_out_of_image` (imgaug < 0.4)."""
        warnings.warn("cut_out_of_image() is deprecated; use clip_out_of_image()",
                      DeprecationWarning, stacklevel=2)
        return self.clip_out_of_image()

    def to_keypoints_on_image(self) -> Any:
        """Return the 4 corners of every box as a ``KeypointsOnImage`` of ``4N`` points."""
        from augkit.augmentables.keypoints import KeypointsOnImage

        return KeypointsOnImage._new(xyxy_to_corners(self.xyxy), [None] * (4 * len(self)),
                                     self.shape)

    def invert_to_keypoints_on_image_(self, kpsoi: Any) -> BoundingBoxesOnImage:
        """Fit each box around its 4 points of *kpsoi* and take its image shape, in place.

        Inverts :meth:`to_keypoints_on_image` (after the points were transformed); returns
        self.
        """
        xy = np.asarray(kpsoi.to_xy_array(), dtype=np.float32)
        if len(xy) != 4 * len(self):
            raise InputError(
                f"kpsoi: expected {4 * len(self)} keypoints (4 per box), got {len(xy)}"
            )
        self.xyxy = corners_to_xyxy(xy)
        self.shape = kpsoi.shape
        return self

    def to_polygons_on_image(self) -> Any:
        """Return the boxes as a ``PolygonsOnImage`` (labels kept)."""
        from augkit.augmentables.polys import PolygonsOnImage

        return PolygonsOnImage([bb.to_polygon() for bb in self.bounding_boxes], self.shape)

    def draw_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        alpha: float = 1.0,
        size: int = 1,
        copy: bool = True,
        raise_if_out_of_image: bool = False,
        thickness: int | None = None,
    ) -> np.ndarray:
        """Draw every box outline; labels that are not None are written above their box.

        Parameters
        ----------
        image : ndarray of shape (H, W) or (H, W, C)
            The image to draw on.
        color : number or sequence of number
            One value per channel.
        alpha : float
            Opacity of the outlines in [0, 1].
        size : int
            Line thickness in pixels.
        copy : bool
            Draw on a copy (default) or in place.
        raise_if_out_of_image : bool
            Raise :class:`~augkit.errors.InputError` if a box is entirely outside the image.
        thickness : int, optional
            Same as *size* (imgaug's older name); wins when given.

        Returns
        -------
        ndarray
            The image with the boxes drawn, same shape and dtype as *image*.
        """
        return self._draw(image, color, alpha, size, copy, raise_if_out_of_image, thickness,
                          labels=True)

    def _raise_if_outside(self, shape: tuple[int, ...]) -> None:
        outside = ~_partly_within(self.xyxy, shape)
        if outside.any():
            index = int(np.argmax(outside))
            raise InputError(
                f"box {index} {tuple(self.xyxy[index].tolist())} is entirely outside the "
                f"image of shape {shape}"
            )

    def _draw(self, image: np.ndarray, color: Any, alpha: float, size: int, copy: bool,
              raise_if_out_of_image: bool, thickness: int | None, labels: bool) -> np.ndarray:
        alpha = _draw.check_alpha(alpha)
        size = _draw.check_size(size if thickness is None else thickness,
                                "size" if thickness is None else "thickness")
        canvas, result = _draw.prepare_canvas(image, copy)
        if raise_if_out_of_image:
            self._raise_if_outside(canvas.shape)
        corners = xyxy_to_corners(self.xyxy).reshape(-1, 4, 2)
        mask = _draw.polylines_mask(canvas.shape[:2], list(corners), closed=True, thickness=size)
        _draw.blend(canvas, mask, color, alpha)
        if labels:
            for box in self.bounding_boxes:
                if box.label is not None:
                    box.draw_label_on_image(canvas, color=color, alpha=alpha, size=size,
                                            copy=False)
        return result

    def copy(self, bounding_boxes: Any = None,
             shape: ShapeLike | None = None) -> BoundingBoxesOnImage:
        """Return a copy (own coordinate array), optionally with new boxes or shape."""
        new_shape = self.shape if shape is None else normalize_shape(shape)
        if bounding_boxes is not None:
            return BoundingBoxesOnImage(bounding_boxes, new_shape)
        return BoundingBoxesOnImage._new(self.xyxy.copy(), list(self.labels), new_shape)

    def deepcopy(self, bounding_boxes: Any = None,
                 shape: ShapeLike | None = None) -> BoundingBoxesOnImage:
        """Return a copy whose labels are deep-copied too."""
        result = self.copy(bounding_boxes, shape)
        result.labels = _copy.deepcopy(result.labels)
        return result

    def __copy__(self) -> BoundingBoxesOnImage:
        return self.copy()

    def __deepcopy__(self, memo: dict) -> BoundingBoxesOnImage:
        return self.deepcopy()

    def __repr__(self) -> str:
        shown = ", ".join(repr(bb) for bb in self.bounding_boxes)
        return f"BoundingBoxesOnImage([{shown}], shape={self.shape})"

    __str__ = __repr__
