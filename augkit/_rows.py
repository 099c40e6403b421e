"""Rows: the normalised data of one augmentation call.

A call such as ``aug(images=batch, keypoints=kps)`` is turned into :class:`Rows`: for
each kind, one item per row (row *i* of every kind belongs to image *i*), plus the
image shape of every row. Augmenters work on rows; :func:`rows_from_call` and
:meth:`Rows.restore` translate from and to what the user passed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from augkit.augmentables.kind import Kind, Restore
from augkit.errors import InputError

if TYPE_CHECKING:
    import numpy as np


#: The restore functions of rows made inside a call (never written to: shared).
_NO_RESTORE: Mapping[type[Kind], Restore] = MappingProxyType({})


class Rows:
    """One item per row for each kind, and the image shape of each row.

    Parameters
    ----------
    data : dict of Kind to list
        Items per kind, all lists of the same length.
    shapes : list of tuple
        The image shape ``(H, W, C)`` of each row.
    """

    __slots__ = ("data", "shapes", "_restore")

    def __init__(self, data: dict[type[Kind], list], shapes: list[tuple[int, ...]],
                 restore: Mapping[type[Kind], Restore] | None = None):
        self.data = data
        self.shapes = shapes
        self._restore = _NO_RESTORE if restore is None else restore

    def __len__(self) -> int:
        return len(self.shapes)

    @property
    def nb_rows(self) -> int:
        """Number of rows (images) in the call."""
        return len(self.shapes)

    def get(self, kind_name: str) -> list | None:
        """Return the items of the kind named *kind_name*, or None."""
        for kind, items in self.data.items():
            if kind.name == kind_name:
                return items
        return None

    def replace(self, data: dict[type[Kind], list], shapes: list[tuple[int, ...]]) -> Rows:
        """Return rows with new data and shapes, keeping how to restore them."""
        return Rows(data, shapes, self._restore)

    def subset(self, indices: Sequence[int] | np.ndarray) -> Rows:
        """Return the rows at *indices* (in that order)."""
        data = {kind: [items[i] for i in indices] for kind, items in self.data.items()}
        return Rows(data, [self.shapes[i] for i in indices], self._restore)

    def merge(self, indices: Sequence[int] | np.ndarray, part: Rows) -> Rows:
        """Return a copy of these rows with the rows at *indices* replaced by *part*."""
        data = {kind: list(items) for kind, items in self.data.items()}
        shapes = list(self.shapes)
        for pos, i in enumerate(indices):
            shapes[i] = part.shapes[pos]
            for kind, items in part.data.items():
                data[kind][i] = items[pos]
        return Rows(data, shapes, self._restore)

    def restore(self) -> dict[str, Any]:
        """Return each kind's augmented rows in the form the user passed them."""
        return {kind.name: self._restore[kind](items) for kind, items in self.data.items()}


def rows_from_call(
    data: Mapping[str, Any],
    kinds: Mapping[str, tuple[type[Kind], bool]],
    options: Mapping[str, Any],
) -> tuple[Rows, list[str]]:
    """Normalise the data keywords of a call into :class:`Rows`.

    Parameters
    ----------
    data : mapping of str to Any
        The data keywords as the user passed them (``image=``, ``keypoints=``, ...).
    kinds : mapping of str to (Kind, bool)
        For each accepted keyword, its kind and whether the keyword is singular.
    options : mapping
        Extra options that kinds read (``bbox_format``).

    Returns
    -------
    rows : Rows
    order : list of str
        The kind names in the order the user passed them.
    """
    if len(data) == 1:
        ((key, value),) = data.items()
        kind, single = kinds[key]
        items, restore_items = kind.to_rows(value, shapes=None, single=single, options=options)
        row_shapes = [kind.shape_of(item) for item in items]
        return Rows({kind: items}, row_shapes, {kind: restore_items}), [kind.name]
    single = any(kinds[key][1] for key in data)
    resolved = [(kinds[key][0], value) for key, value in data.items()]
    # Images first: their shapes tell the other kinds how large each row's image is.
    resolved.sort(key=lambda pair: pair[0].category != "image")
    restore: dict[type[Kind], Restore] = {}
    out: dict[type[Kind], list] = {}
    shapes: list[tuple[int, ...]] | None = None
    for kind, value in resolved:
        if kind in out:
            raise InputError(f"{kind.name}: given twice (singular and plural keyword)")
        items, restore[kind] = kind.to_rows(value, shapes=shapes, single=single, options=options)
        if shapes is None:
            shapes = [kind.shape_of(item) for item in items]
        elif len(items) != len(shapes):
            first = next(iter(out)).name
            raise InputError(
                f"{kind.name}: got {len(items)} rows, but {first} has {len(shapes)}; "
                "every kind needs one entry per image"
            )
        out[kind] = items
    order = [kinds[key][0].name for key in data]
    return Rows(out, shapes or [], restore), order
