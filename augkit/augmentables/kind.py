"""The kind protocol: how augmenters see a data type.

A *kind* is a named data type that augmenters transform (``images``, ``keypoints``,
...). It belongs to one of three categories, which is all an augmenter needs to know:

``image``
    pixel arrays, one ``(H, W, C)`` array per row.
``map``
    per-pixel annotation arrays with their own resolution and resampling policy;
    an augmenter receives the raw ``(h, w, C)`` array of each row.
``points``
    anything made of coordinates; an augmenter receives one ``(N, 2)`` float32
    array of ``(x, y)`` per row and returns arrays of the same length.

A kind class converts what users pass into one item per row (:meth:`Kind.to_rows`)
and converts augmented items back into the user's form. Plugins add kinds by
returning subclasses of :class:`MapKind` or :class:`PointsKind` from the
``augkit_kinds`` hook; every augmenter then handles them with no change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Literal

import numpy as np

Category = Literal["image", "map", "points"]
Restore = Callable[[list], Any]


class Kind:
    """A named data type that augmenters transform.

    Subclasses set :attr:`name` (the plural keyword of ``augment``), optionally
    :attr:`singular` (the keyword for one row, e.g. ``image``), and implement
    :meth:`to_rows` and :meth:`shape_of`.
    """

    name: ClassVar[str]
    singular: ClassVar[str | None] = None
    category: ClassVar[Category]
    #: Extra keyword options of ``augment`` that this kind reads in ``to_rows``.
    options: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def to_rows(
        cls,
        value: Any,
        *,
        shapes: list[tuple[int, ...]] | None,
        single: bool,
        options: Mapping[str, Any],
    ) -> tuple[list, Restore]:
        """Split what the user passed into one item per row.

        Parameters
        ----------
        value : Any
            What the user passed under this kind's keyword.
        shapes : list of tuple or None
            The image shape of each row when images were passed, else None.
        single : bool
            True when the user passed one row (``image=`` or a single item).
        options : mapping
            The call's extra keyword options (see :attr:`options`).

        Returns
        -------
        rows : list
            One item per row.
        restore : callable
            Turns a list of augmented items back into the form the user passed.
        """
        raise NotImplementedError

    @classmethod
    def shape_of(cls, item: Any) -> tuple[int, ...]:
        """Return the shape of the image that *item* belongs to."""
        raise NotImplementedError


class MapKind(Kind):
    """A per-pixel annotation array with its own resolution.

    :attr:`interpolation` is ``"linear"`` or ``"nearest"`` (never interpolate class
    ids); :attr:`cval` fills pixels that a transform brings in from outside.
    """

    category: ClassVar[Category] = "map"
    interpolation: ClassVar[Literal["linear", "nearest"]] = "linear"
    cval: ClassVar[float] = 0.0

    @classmethod
    def get_arr(cls, item: Any) -> np.ndarray:
        """Return the ``(h, w, C)`` array of *item* that augmenters transform."""
        raise NotImplementedError

    @classmethod
    def with_arr(cls, item: Any, arr: np.ndarray, shape: tuple[int, ...]) -> Any:
        """Return a new item like *item* with array *arr* on an image of *shape*."""
        raise NotImplementedError


class PointsKind(Kind):
    """Anything made of coordinates, seen by augmenters as an ``(N, 2)`` array."""

    category: ClassVar[Category] = "points"

    @classmethod
    def to_xy(cls, item: Any) -> np.ndarray:
        """Return all coordinates of *item* as a float32 ``(N, 2)`` array of x, y."""
        raise NotImplementedError

    @classmethod
    def from_xy(cls, item: Any, xy: np.ndarray, shape: tuple[int, ...]) -> Any:
        """Return a new item like *item* with coordinates *xy* on an image of *shape*.

        *xy* has exactly the rows :meth:`to_xy` returned, in the same order.
        """
        raise NotImplementedError
