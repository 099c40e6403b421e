"""A ``Sequential`` over an image-array batch, a few rows at a time through every child
(and the branches of the blends and views, :func:`plan_branch`).

``seq(images=batch)`` with an ``(N, H, W[, C])`` array used to run each child over all N
rows before the next child started: every child then wrote N new images (64 RGB images
of 1024 x 1024 are 200 MB), too large for the allocator to keep, so each child paid
again for fresh memory and read its input back from RAM. The batch was slower than the
loop of one-image calls over it (0.67x at 1024).

Here every child's params are drawn first, for all rows, on stand-in images that carry
only the shape and dtype each child will see (each child draws from its own generator,
so the draws are those of the child-by-child run); then a chunk of rows
(``_row_chunks.CHUNK_BYTES``) goes through all children, fused runs included, and lands
in the result array. Outputs equal the child-by-child run's.

Children take part while they are first-party leaves (``_row_chunks.cuts_params_of``)
whose ``sample`` reads no pixels (``Augmenter.sample_reads_pixels``) and whose params
are cut into rows; the rest of the sequence, from the first child that is not or whose
output has a zero-size row, runs the usual way on the chunked prefix's output, with the
params already drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from augkit import _row_chunks, fusion
from augkit._rows import Rows
from augkit.augmenter import Augmenter, CallContext, output_dtype
from augkit.pixels import apply_tables

__all__ = ["StandIns", "plan_branch", "run_chunked", "run_stages"]


class _Warp:
    """A fused plane run: one warp per row."""

    __slots__ = ("engine", "plans")

    def __init__(self, engine: Augmenter, plans: list) -> None:
        self.engine, self.plans = engine, plans

    def __call__(self, images: list[np.ndarray], start: int, stop: int,
                 outs: list[np.ndarray] | None = None) -> list[np.ndarray]:
        return [fusion.warp_image(self.engine, image, plan)
                for image, plan in zip(images, self.plans[start:stop])]


class _Tables:
    """A fused table run: one composed table per row."""

    __slots__ = ("tables",)

    def __init__(self, tables: list[np.ndarray]) -> None:
        self.tables = tables

    def __call__(self, images: list[np.ndarray], start: int, stop: int,
                 outs: list[np.ndarray] | None = None) -> list[np.ndarray]:
        tables = self.tables[start:stop]
        if outs is None:
            return [apply_tables(image, table) for image, table in zip(images, tables)]
        return [apply_tables(image, table, out) for image, table, out in zip(images, tables, outs)]


class StandIns:
    """Images that have only a shape and a dtype (zero-strided): what a child's ``sample``
    and ``check_images`` read, at no memory cost."""

    def __init__(self, kind: Any) -> None:
        self.kind = kind
        self._made: dict[tuple[tuple[int, ...], np.dtype], np.ndarray] = {}

    def rows(self, shapes: list[tuple[int, ...]], dtype: np.dtype) -> Rows:
        """Rows of stand-in images of *shapes* and *dtype* (one array per shape)."""
        images = []
        for shape in shapes:
            image = self._made.get((shape, dtype))
            if image is None:
                image = self._made[(shape, dtype)] = np.broadcast_to(np.zeros((), dtype), shape)
            images.append(image)
        return Rows({self.kind: images}, shapes)


def _takes_part(aug: Augmenter) -> bool:
    cls = type(aug)
    return cls._is_leaf and not aug.sample_reads_pixels and _row_chunks.cuts_params_of(cls)


class _Planner:
    """Draws the children's params in order and turns them into stages, until a child
    cannot take part."""

    def __init__(self, children: Sequence[Augmenter], rows: Rows, ctx: CallContext,
                 given: list | None):
        (self.kind, images), = rows.data.items()
        self.children, self.ctx, self.given = children, ctx, given
        self.stand_ins = StandIns(self.kind)
        self.shapes, self.dtype = list(rows.shapes), images[0].dtype
        self.nb_rows = rows.nb_rows
        self.recorded: list = [None] * len(children)
        self.stages: list = []
        self.whole = True  # every stage so far cuts into rows

    def _given(self, i: int) -> Any:
        return None if self.given is None else self.given[i]

    def add_alone(self, i: int) -> bool:
        """Draw child *i* and add it as a stage; False if it ends the chunked prefix."""
        aug = self.children[i]
        rows = self.stand_ins.rows(self.shapes, self.dtype)
        params = self.recorded[i] = aug._params_of_call(rows, self.ctx, self._given(i))
        self._check(aug, rows, params)
        self._leaf(aug, params)
        self._advance(aug, params)
        return self.whole

    def add_run(self, family: str, picked: list[int]) -> bool:
        """Draw the fused run of children *picked* and add its stages."""
        augs = [self.children[i] for i in picked]
        rows = self.stand_ins.rows(self.shapes, self.dtype)
        drawn, inputs = fusion.sample_run(augs, rows, self.ctx,
                                           [self._given(i) for i in picked])
        for i, params in zip(picked, drawn):
            self.recorded[i] = params
        if family == "plane":
            for start, stop, plans in fusion.plane_groups(augs, drawn, inputs):
                self._block(augs, drawn, inputs, start, stop, plans, _Warp)
        else:
            for start, stop, tables in fusion.lut_blocks(augs, drawn, inputs):
                self._block(augs, drawn, inputs, start, stop, tables, _Tables)
        for aug, params in zip(augs, drawn):
            self._advance(aug, params)
        return self.whole

    def _block(self, augs, drawn, inputs, start, stop, fused, stage) -> None:
        if fused is None:  # the steps on their own, as fusion's runners apply them
            for k in range(start, stop):
                self._check(augs[k], self.stand_ins.rows(inputs[k], self.dtype), drawn[k])
                self._leaf(augs[k], drawn[k])
            return
        fusion.check_inputs(augs[start:stop], self.stand_ins.rows(inputs[start], self.dtype))
        self.stages.append(stage(augs[start], fused) if stage is _Warp else stage(fused))

    def _check(self, aug: Augmenter, rows: Rows, params: Any) -> None:
        if aug.changes_shape:
            aug._guard_output_sizes(params, rows.shapes)
        aug.check_images(rows.data[self.kind], self.kind)

    def _leaf(self, aug: Augmenter, params: Any) -> None:
        rows_of = _row_chunks.RowSlicer(params, self.nb_rows)
        self.whole = self.whole and rows_of.sliceable
        self.stages.append(_row_chunks.LeafStage(aug, rows_of))

    def _advance(self, aug: Augmenter, params: Any) -> None:
        self.shapes = aug.output_shapes(params, self.shapes)
        self.dtype = output_dtype(aug, self.dtype)
        if any(0 in shape for shape in self.shapes):
            self.whole = False  # the next child would see zero-size rows split off


def _plan(children: Sequence[Augmenter], fuse: bool, rows: Rows, ctx: CallContext,
          given: list | None, sequence: list[int]) -> tuple[_Planner, list[int]]:
    """Draw the chunked prefix of *sequence*; return the planner and the children left."""
    planner = _Planner(children, rows, ctx, given)
    stand_ins = planner.stand_ins.rows(planner.shapes, planner.dtype)
    segments = fusion.fused_segments(children, sequence, stand_ins, ctx) if fuse else None
    if segments is None:
        segments = [(None, [i]) for i in sequence]
    done = 0
    for family, picked in segments:
        if not all(_takes_part(children[i]) for i in picked):
            break
        done += len(picked)
        if family is None or len(picked) == 1:
            whole = planner.add_alone(picked[0])
        else:
            whole = planner.add_run(family, picked)
        if not whole:
            break
    return planner, sequence[done:]


def run_chunked(seq: Any, batch: np.ndarray, rows: Rows, ctx: CallContext,
                given: list | None, order: Sequence[int] | None) -> tuple[Any, list]:
    """Augment the rows of ``images=`` array *batch* with *seq*'s children, chunk by chunk.

    Parameters
    ----------
    seq : Sequential
        The sequence; its own draws (the order) are made.
    batch : numpy.ndarray
        The ``(N, H, W[, C])`` array the call was given; *rows* are its rows.
    rows, ctx : Rows, CallContext
        The call's rows and context.
    given : list or None
        Each child's params when replaying, else None.
    order : sequence of int or None
        The order of the children (None: as listed).

    Returns
    -------
    images : numpy.ndarray or list of numpy.ndarray
        The augmented batch, as the call returns it.
    recorded : list
        Each child's params, indexed like ``seq.children``.
    """
    sequence = list(range(len(seq.children))) if order is None else list(order)
    ctx.parents.append(seq)
    try:
        planner, rest = _plan(seq.children, seq.fuse, rows, ctx, given, sequence)
        if not planner.whole or not planner.stages:  # the usual way, with what was drawn
            drawn = planner.recorded if given is None else given
            rows, recorded = seq._run(rows, ctx, drawn, order)
            return rows.restore()["images"], recorded
        out = _row_chunks.run_chunks(planner.stages, rows.data[planner.kind],
                                     None if rest else planner.shapes, planner.dtype)
    finally:
        ctx.parents.pop()
    if not rest:
        return _row_chunks.call_result(out, rows, batch), planner.recorded
    outputs = out.rows()
    done = rows.replace({planner.kind: outputs}, [image.shape for image in outputs])
    done, tail = seq._run(done, ctx, given, rest)
    planner.recorded = [p if t is None else t for p, t in zip(planner.recorded, tail)]
    return done.restore()["images"], planner.recorded


def plan_branch(parent: Augmenter, children: Sequence[Augmenter], rows: Rows,
                ctx: CallContext, given: list | None) -> tuple[list | None, list]:
    """Draw every child of one of *parent*'s branches (run one after the other, unfused)
    for the rows of an image array, ahead of the images.

    Returns the branch's stages (``stage(images, start, stop)``, see
    :func:`run_stages`), or None when some child cannot be drawn ahead or cut into rows,
    and each child's params as drawn so far (indexed like *children*, None where not
    drawn): a caller that gets no stages runs the branch the usual way with them.
    """
    ctx.parents.append(parent)
    try:
        planner, rest = _plan(children, False, rows, ctx, given, list(range(len(children))))
    finally:
        ctx.parents.pop()
    stages = planner.stages if planner.whole and not rest else None
    return stages, planner.recorded


def run_stages(stages: Sequence[Any], images: list[np.ndarray], start: int,
               stop: int) -> list[np.ndarray]:
    """The images of rows *start* to *stop* through *stages* (none: *images* themselves)."""
    for stage in stages:
        images = stage(images, start, stop)
    return images
