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

import dataclasses
from typing import Any

import numpy as np

#: Input bytes per chunk: a chunk's input and output stay in a core's L2 cache (2 MB on
#: the machine measured), and Python's per-chunk work is shared by several small rows.
#: Batch of 64 at 256 x 256, loop time / batch time for 256 kB, 1 MB and 2 MB chunks:
#: Fliplr 0.86-0.95 / 0.97-1.01 / 1.08, CropToFixedSize 0.82-0.85 / 1.06-1.13 / 1.12,
#: GaussianBlur 1.03 / 1.01-1.07 / 0.79.
CHUNK_BYTES = 1024 * 1024

_SCALARS = (str, bytes, int, float, complex, bool, np.generic)


def cuts_params_of(cls: type) -> bool:
    """Whether the params of augmenter class *cls* may be cut into rows.

    Only first-party augmenters' (``augkit`` and the ``augkit_*`` plugins): the test suite
    holds each of them to the chunked path giving the list path's pixels, for batches of
    3, 4 and 5 rows. Another class's params might hold a value whose length merely equals
    the number of rows (a 3x3 matrix in a batch of 3), so they take the one-shot path.

    Examples
    --------
    >>> import augkit
    >>> cuts_params_of(type(augkit.get("Fliplr"))), cuts_params_of(dict)
    (True, False)
    """
    package = cls.__module__.partition(".")[0]
    return package == "augkit" or package.startswith("augkit_")


def rows_per_chunk(row: np.ndarray) -> int:
    """Return how many rows like *row* one chunk holds (at least one).

    Examples
    --------
    >>> rows_per_chunk(np.zeros((256, 256, 3), np.uint8))
    5
    >>> rows_per_chunk(np.zeros((1024, 1024, 3), np.uint8))
    1
    """
    return max(1, CHUNK_BYTES // max(row.nbytes, 1))


def _is_per_row(value: Any, nb_rows: int) -> bool:
    return isinstance(value, list | tuple | np.ndarray) and len(value) == nb_rows


def _cut(value: Any, start: int, stop: int) -> Any:
    """Rows *start* to *stop* of a per-row list, tuple or array (a list subclass's slice
    is a plain list)."""
    return value[start:stop]


def _per_row_fields(params: Any, nb_rows: int) -> list[str] | None:
    """Names of the per-row fields of dataclass *params*; None if a field is neither
    per row, None nor a scalar (or if *params* keeps no ``__dict__``)."""
    if not hasattr(params, "__dict__"):
        return None
    names = []
    for field in dataclasses.fields(params):
        value = getattr(params, field.name)
        if _is_per_row(value, nb_rows):
            names.append(field.name)
        elif value is not None and not isinstance(value, _SCALARS):
            return None
    return names


class RowSlicer:
    """Cuts a call's params into the params of a run of rows, when they are plainly per row.

    Cut are: None; a list, tuple or array with one entry per row; a dataclass whose
    fields are each one entry per row, None or a scalar (those are kept whole). Anything
    else (a dict, a dataclass holding other things) is not: :attr:`sliceable` is False.
    What to cut is worked out once, here; each call of the slicer then costs about a
    microsecond.

    Parameters
    ----------
    params : Any
        What the augmenter's ``sample`` returned for all rows of the call.
    nb_rows : int
        Rows in the call.

    Examples
    --------
    >>> RowSlicer([10, 11, 12], nb_rows=3)(1, 3)
    [11, 12]
    >>> RowSlicer({"a": 1}, nb_rows=3).sliceable
    False
    """

    __slots__ = ("params", "nb_rows", "sliceable", "_fields")

    def __init__(self, params: Any, nb_rows: int) -> None:
        self.params = params
        self.nb_rows = nb_rows
        self._fields: list[str] | None = None
        if params is None or _is_per_row(params, nb_rows):
            self.sliceable = True
        elif dataclasses.is_dataclass(params) and not isinstance(params, type):
            self._fields = _per_row_fields(params, nb_rows)
            self.sliceable = self._fields is not None
        else:
            self.sliceable = False

    def __call__(self, start: int, stop: int) -> Any:
        """Return the params of rows *start* to *stop* (exclusive)."""
        params = self.params
        if self._fields is None:
            return None if params is None else _cut(params, start, stop)
        part = object.__new__(type(params))
        state = part.__dict__  # filled directly: frozen dataclasses refuse setattr
        state.update(params.__dict__)
        for name in self._fields:
            state[name] = _cut(state[name], start, stop)
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
    >>> out.finished()[:, 0, :, 0].tolist()
    [[1, 1], [0, 0]]
    """

    __slots__ = ("nb_rows", "array", "filled", "spill", "copies", "_reserved", "_slots")

    def __init__(self, nb_rows: int) -> None:
        self.nb_rows = nb_rows
        self.array: np.ndarray | None = None
        self.filled = 0
        self.spill: list[np.ndarray] | None = None
        #: Rows copied in by :meth:`put` (not written in place through :meth:`slots`).
        self.copies = 0
        self._reserved = False
        self._slots: list[np.ndarray] = []

    def reserve(self, shape: tuple[int, ...], dtype: np.dtype) -> None:
        """Allocate the array now, for rows of *shape* and *dtype* (see :meth:`slots`)."""
        self.array = np.empty((self.nb_rows, *shape), dtype)
        self._reserved = True

    @property
    def reserved(self) -> bool:
        """Whether the array was allocated up front (:meth:`reserve`)."""
        return self._reserved

    def slots(self, start: int, stop: int) -> list[np.ndarray] | None:
        """Views of rows *start* to *stop* of the reserved array, for a stage to write its
        outputs into (and hand back to :meth:`put`); None before :meth:`reserve` or once
        rows differ."""
        if not self._reserved or self.array is None or self.spill is not None \
                or start != self.filled:
            return None
        self._slots = list(self.array[start:stop])
        return self._slots

    def put(self, images: list[np.ndarray]) -> None:
        """Take the next augmented rows: copy them in, unless written in place into their
        :meth:`slots` (or keep them, once shapes differ)."""
        slots, self._slots = self._slots, []
        for k, image in enumerate(images):
            if self.spill is not None:
                self.spill.append(image)
                continue
            if self.array is None:
                self.array = np.empty((self.nb_rows, *image.shape), image.dtype)
            if image.shape != self.array.shape[1:] or image.dtype != self.array.dtype:
                self.spill = [*self.array[:self.filled], image]
                continue
            if k >= len(slots) or image is not slots[k]:
                self.array[self.filled] = image
                self.copies += 1
            self.filled += 1

    def finished(self) -> np.ndarray | None:
        """The result array once every row went in; None if shapes or dtypes differed."""
        if self.spill is None and self.filled == self.nb_rows:
            return self.array
        return None

    def rows(self) -> list[np.ndarray]:
        """Every row put so far, as a list."""
        if self.spill is not None:
            return self.spill
        return [] if self.array is None else list(self.array[:self.filled])


def call_result(out: ArrayResult, rows: Any, batch: np.ndarray) -> Any:
    """What an ``images=`` array call returns once every row went into *out*.

    The result array (without a channel axis for an ``(N, H, W)`` *batch*), or, when
    the rows' shapes or dtypes differ, the rows as the list path restores them. *rows*
    are the call's rows (``augkit._rows.Rows``, images only).
    """
    array = out.finished()
    if array is None:
        (kind, _), = rows.data.items()
        outputs = out.rows()
        return rows.replace({kind: outputs}, [o.shape for o in outputs]).restore()[kind.name]
    if batch.ndim == 3 and array.shape[3] == 1:  # (N, H, W) in, (N, H, W) out
        return array[..., 0]
    return array


class LeafStage:
    """A stage of :func:`run_chunks`: a leaf augmenter's apply with the params of the
    chunk's rows (``_apply_into`` when given slots of the result to write into)."""

    __slots__ = ("aug", "rows_of")

    def __init__(self, aug: Any, rows_of: RowSlicer) -> None:
        self.aug, self.rows_of = aug, rows_of

    def __call__(self, images: list[np.ndarray], start: int, stop: int,
                 outs: list[np.ndarray] | None = None) -> list[np.ndarray]:
        if outs is None:
            return self.aug.apply_to_images(images, self.rows_of(start, stop))
        return self.aug._apply_into(images, self.rows_of(start, stop), outs)


def run_chunks(stages: list, images: list[np.ndarray],
               shapes: list[tuple[int, ...]] | None = None,
               dtype: np.dtype | None = None) -> ArrayResult:
    """Run every chunk of *images* through *stages* into the result.

    A stage is called as ``stage(images, start, stop, outs)`` with a chunk's images, its
    first and last row, and (last stage only) *outs*: None, or views of the result array
    to write the chunk's outputs into. Given the output *shapes* and *dtype* of every
    row, all alike, the result array is allocated first and the last stage gets them.

    When one stage wrote the first chunk's rows in place, the other rows go as one chunk:
    with no intermediate images and no copies, chunks would only add Python work (a
    batch of 64 tiny crops: 2.2 against 5 us per row).

    Each chunk's last outputs stay alive until the next chunk's are made, as a loop of
    one-image calls keeps its outputs: otherwise a chunk frees every intermediate image
    at the top of the heap, glibc hands that memory back to the system and the next
    chunk pays page faults for all of it again (measured at 1024: 263k faults per batch
    of 64 against 23k, 0.56x of the loop's time against 0.92x).
    """
    out = ArrayResult(len(images))
    if shapes and dtype is not None and all(shape == shapes[0] for shape in shapes):
        out.reserve(shapes[0], dtype)
    step = rows_per_chunk(images[0])
    previous: list[np.ndarray] = []
    *inner, last = stages
    start = 0
    while start < len(images):
        stop = start + step
        part = images[start:stop]
        for stage in inner:
            part = stage(part, start, stop)
        part = last(part, start, stop, out.slots(start, start + len(part)))
        out.put(part)
        previous[:] = part
        start = stop
        if not inner and out.copies == 0 and out.reserved:
            step = len(images)  # one stage writing in place: no chunk keeps anything hot
    return out
