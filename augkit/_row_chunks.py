"""Chunked apply of an image-array batch: outputs land in the result array while hot.

A call ``aug(images=batch)`` with an ``(N, H, W[, C])`` array returns one array. Applying
an augmenter to all N rows and then stacking the N outputs reads every output back from
memory after the whole batch has gone through (64 RGB images of 1024 x 1024 are 200 MB),
so the batch was slower than the loop of one-image calls over it. Instead, a leaf
augmenter's params are drawn once for all rows, as always, and then applied to a few
rows at a time (:data:`CHUNK_BYTES` of input), each chunk's outputs copied into the
result array right away and freed. The pixels are the same: only params that are
plainly one entry per row are cut (:func:`params_for_rows`); other params keep the
one-shot path.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import numpy as np

#: Input bytes per chunk: small enough that a chunk's input and output stay in the
#: core's L2 cache (one RGB image of 256 x 256 is 196 kB).
CHUNK_BYTES = 256 * 1024

#: What :func:`params_for_rows` returns for params it cannot cut into rows.
UNSLICEABLE = object()

_SCALARS = (str, bytes, int, float, complex, bool, np.generic)


def rows_per_chunk(row: np.ndarray) -> int:
    """Return how many rows like *row* one chunk holds (at least one).

    Examples
    --------
    >>> rows_per_chunk(np.zeros((32, 32, 3), np.uint8))
    85
    >>> rows_per_chunk(np.zeros((256, 256, 3), np.uint8))
    1
    """
    return max(1, CHUNK_BYTES // max(row.nbytes, 1))


def _is_per_row(value: Any, nb_rows: int) -> bool:
    return isinstance(value, list | tuple | np.ndarray) and len(value) == nb_rows


def _cut(value: Any, start: int, stop: int) -> Any:
    """Rows *start* to *stop* of a per-row list, tuple or array (a plain list for lists)."""
    part = value[start:stop]
    return list(part) if isinstance(value, list) else part


def params_for_rows(params: Any, start: int, stop: int, nb_rows: int) -> Any:
    """Return the params of rows *start* to *stop* of a call's *params*, or :data:`UNSLICEABLE`.

    Cut are: None; a list, tuple or array with one entry per row; a dataclass whose
    fields are each one entry per row, None or a scalar (those are kept whole).
    Anything else (a dict, a dataclass holding other things) is not cut.

    Examples
    --------
    >>> params_for_rows([10, 11, 12], 1, 3, nb_rows=3)
    [11, 12]
    >>> params_for_rows({"a": 1}, 0, 1, nb_rows=3) is UNSLICEABLE
    True
    """
    if params is None:
        return None
    if _is_per_row(params, nb_rows):
        return _cut(params, start, stop)
    if not dataclasses.is_dataclass(params) or isinstance(params, type):
        return UNSLICEABLE
    part = copy.copy(params)
    for field in dataclasses.fields(params):
        value = getattr(params, field.name)
        if _is_per_row(value, nb_rows):
            object.__setattr__(part, field.name, _cut(value, start, stop))
        elif value is not None and not isinstance(value, _SCALARS):
            return UNSLICEABLE
    return part


class ArrayResult:
    """The ``(N, ...)`` result array that chunks of augmented rows are copied into.

    Rows arrive in order through :meth:`put`; the array is allocated at the first row,
    with its shape and dtype. Should a later row differ in either, the rows so far
    (views of the array) and every later row are kept as a list instead (:meth:`rows`):
    the call then returns a list, as for any array batch whose outputs differ.

    Parameters
    ----------
    nb_rows : int
        Rows in the call.

    Examples
    --------
    >>> out = ArrayResult(2)
    >>> out.put([np.ones((1, 2, 1), np.uint8)]); out.put([np.zeros((1, 2, 1), np.uint8)])
    >>> out.complete, out.array[:, 0, :, 0].tolist()
    (True, [[1, 1], [0, 0]])
    """

    __slots__ = ("nb_rows", "array", "filled", "spill")

    def __init__(self, nb_rows: int) -> None:
        self.nb_rows = nb_rows
        self.array: np.ndarray | None = None
        self.filled = 0
        self.spill: list[np.ndarray] | None = None

    def put(self, images: list[np.ndarray]) -> None:
        """Copy the next augmented rows in (or keep them, once shapes differ)."""
        for image in images:
            if self.spill is not None:
                self.spill.append(image)
                continue
            if self.array is None:
                self.array = np.empty((self.nb_rows, *image.shape), image.dtype)
            if image.shape != self.array.shape[1:] or image.dtype != self.array.dtype:
                self.spill = [*self.array[:self.filled], image]
                continue
            self.array[self.filled] = image
            self.filled += 1

    @property
    def complete(self) -> bool:
        """Whether all rows went into :attr:`array` (none differed in shape or dtype)."""
        return self.spill is None and self.filled == self.nb_rows

    def rows(self) -> list[np.ndarray]:
        """Every row put so far, as a list."""
        if self.spill is not None:
            return self.spill
        return [] if self.array is None else list(self.array[:self.filled])
