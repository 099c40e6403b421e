"""Fusion: consecutive children of a meta-augmenter that run as one step.

``Sequential`` (and ``SomeOf`` for children chosen for the same rows) hands runs of
consecutive children to :func:`run_fused`, which samples every child exactly as the
unfused pipeline would, records every child's params (so ``replay`` and unfused replay
keep working) and then applies the run in one go where that gives the same output:

Plane runs
    Plane transforms (flips, the Affine family, Rot90, PerspectiveTransform, Resize,
    crops and pads) compose their 3x3 matrices and resample the image **once**: one
    interpolation instead of several (faster, and sharper). Maps are warped once with
    the same matrix; keypoints, boxes, polygons and line strings move by it.
Lookup-table runs
    Per-pixel uint8 steps (Add, Multiply, contrast curves, Invert...) compose their
    tables into one per channel, applied once: bit-exact.

Protocols
---------
A class takes part by defining these (the geometric and arithmetic families do):

``fusable = True`` and ``plane_steps(params, shapes) -> list[PlaneStep | None]``
    A leaf plane transform whose ``sample`` reads nothing but ``rows.shapes`` and
    ``rows.nb_rows`` (so it can be sampled before the images exist); a class that never
    resamples (flips) says ``plane_lossless = True`` instead. For each row, a
    :class:`PlaneStep` (matrix, output size, interpolation and border), or None when
    that row's transform is not a single warp (an area resize, a reflecting pad...).
    The class also provides ``warp_fused(image, plan)``, ``warp_fused_map(arr, plan,
    order, cval)`` and ``move_points_fused(xy, matrix)`` (the warp engine).
``lookup_tables(params, shapes) -> list[np.ndarray | None] | None``
    A per-pixel augmenter (``pixel_only``) whose ``sample`` reads only the shapes: for
    each row, a uint8 table of shape ``(256,)`` (every channel) or ``(256, C)`` (one per
    channel) such that ``table[image]`` (per channel) equals ``apply_to_images`` on the
    row's uint8 image exactly; None for the call or for a row that is not a table.

When a run is not fused
-----------------------
Nothing is fused when the call has hooks (every child must be seen) or with
``fuse=False``; rows whose image has a zero-size axis pass through unchanged, split off
before the children run as for every augmenter. A step that some row cannot express as
one warp (or one table) runs on its own. A plane run stops before a step
whose interpolation order differs from the run's (lossless steps, flips, Rot90 without
resize, integer crops and pads, adopt any order), whose backend differs, whose border
fill is not the run's (two different constant values; a non-constant mode, ``edge``,
``reflect``..., is fused only when it is the one step that reveals border and nothing
after it reads outside an earlier frame), where maps have another resolution than
their image, where a step's kind-specific method would be bypassed, where a resize's
kernel would read past its input's edge into what an earlier crop removed or pad
filled (run alone it replicates the edge), or, with bounding boxes, a second rotating
step (boxes are re-fitted after each step, so they would differ). Pixels that an
intermediate frame cut off (a rotation, then a zoom out) are filled with the constant
value, as the unfused steps do. Runs that would save only copies
(one resampling step joined by flips, quarter turns...) and table runs are fused from
:data:`COPY_RUN_MIN_PIXELS` and :data:`LUT_RUN_MIN_PIXELS` up: below, each step's own
path costs less than planning the run.

Tolerance
---------
Lookup-table runs are exact. Plane runs differ from the unfused pipeline by
interpolation error only: one resampling instead of several, so smooth images agree to
a few grey levels and the fused result is sharper; pixels on the edge of a revealed
border may differ more (the unfused steps blend edges several times). Coordinates
agree up to float32 rounding (the unfused steps round to float32 after every step).

Examples
--------
>>> import numpy as np, augkit
>>> seq = augkit.Sequential([augkit.get("Fliplr", p=1.0), augkit.get("Affine", rotate=10)])
>>> fused = seq(image=np.zeros((8, 8, 3), np.uint8))
>>> plain = augkit.Sequential(seq.children, fuse=False)(image=np.zeros((8, 8, 3), np.uint8))
>>> bool((fused == plain).all())
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from augkit._rows import Rows
from augkit.augmenter import Augmenter, CallContext
from augkit.pixels import apply_tables, compose_tables

if TYPE_CHECKING:
    from augkit.meta_base import MetaAugmenter

__all__ = ["PlaneStep", "RowPlan", "apply_tables", "compose_tables", "plan_row", "run_fused"]

_EYE = np.eye(3)

#: Smallest image (height x width) for which a plane run that resamples once anyway
#: (a warp joined by flips, quarter turns, resizes...) is fused: it saves only copies,
#: which cost less than planning the run below about 512 x 512 (measured, 256: 0.87x).
COPY_RUN_MIN_PIXELS = 512 * 512
#: Smallest image for which lookup-table runs are fused: each step's own table pass is
#: fast (a SIMD translate), so one composed pass wins from about 400 x 400 (four steps)
#: to 512 x 512 (two steps) up (two steps: 0.66x at 256, 1.29x at 512, 4.3x at 1024).
LUT_RUN_MIN_PIXELS = 512 * 512


class PlaneStep(NamedTuple):
    """One row of one plane transform, as fusion sees it.

    Attributes
    ----------
    matrix : ndarray of shape (3, 3)
        Input-to-output matrix in augkit's continuous coordinates.
    size : tuple of (int, int)
        Output ``(height, width)``.
    order : int or None
        Interpolation order; None for a lossless step (it adopts the run's order).
    mode : str or int
        Border mode as ``warp`` takes it (used when this step reveals border).
    cval : ndarray
        Fill value: one, or one per channel.
    constant : bool
        Whether *mode* fills with *cval* (``'constant'``).
    backend : str
        ``'cv2'`` or ``'skimage'`` (the backend the step resolves to).
    reveals : bool or None
        Whether the step fills output pixels from outside its input; None: decide from
        the matrix and the sizes.
    exact : bool
        Whether the step maps its input frame onto its output frame, corner to corner
        (flips, quarter turns, resizes): nothing is revealed or cut off.

    Examples
    --------
    >>> step = PlaneStep(np.eye(3), (4, 4), None, "constant", np.zeros(1), True, "cv2")
    >>> step.order is None
    True
    """

    matrix: np.ndarray
    size: tuple[int, int]
    order: int | None
    mode: Any
    cval: np.ndarray
    constant: bool
    backend: str
    reveals: bool | None = None
    exact: bool = False


class RowPlan(NamedTuple):
    """How to apply a fused run to one row: one warp, then constant masks.

    Attributes
    ----------
    matrix : ndarray of shape (3, 3)
        The composed input-to-output matrix.
    size : tuple of (int, int)
        Output ``(height, width)``.
    order, mode, cval, backend
        The one warp's settings.
    masks : list of ndarray of shape (4, 2)
        Quadrilaterals (output coordinates) of intermediate frames that the run's
        matrix does not respect; pixels outside each are filled with *cval*.
    """

    matrix: np.ndarray
    size: tuple[int, int]
    order: int
    mode: Any
    cval: np.ndarray
    backend: str
    masks: list


# ---------------------------------------------------------------------- geometry
def _corners(hw: Sequence[int]) -> list[tuple[float, float]]:
    h, w = float(hw[0]), float(hw[1])
    return [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)]


def _project(xy: list[tuple[float, float]],
             matrix: np.ndarray | list) -> list[tuple[float, float]] | None:
    """Four corners through *matrix* (an array or its nested list; plain floats: cheaper
    than numpy for four points); None when a point crosses the horizon."""
    (a, b, c), (d, e, f), (g, h, k) = matrix if isinstance(matrix, list) else matrix.tolist()
    out = []
    for x, y in xy:
        w = g * x + h * y + k
        if w <= 1e-9:
            return None
        out.append(((a * x + b * y + c) / w, (d * x + e * y + f) / w))
    return out


def _inverse(matrix: np.ndarray) -> list[list[float]] | None:
    """The inverse of a 3x3 *matrix* as nested lists (its adjugate over its determinant,
    on Python floats: a tenth of ``np.linalg.inv``'s time); None when it is singular."""
    (a, b, c), (d, e, f), (g, h, k) = matrix.tolist()
    co_a, co_b, co_c = e * k - f * h, f * g - d * k, d * h - e * g
    det = a * co_a + b * co_b + c * co_c
    if det == 0.0 or det != det:
        return None
    scale = 1.0 / det
    return [[co_a * scale, (c * h - b * k) * scale, (b * f - c * e) * scale],
            [co_b * scale, (a * k - c * g) * scale, (c * d - a * f) * scale],
            [co_c * scale, (b * g - a * h) * scale, (a * e - b * d) * scale]]


def _inside(xy: list[tuple[float, float]] | None, hw: Sequence[int]) -> bool:
    if xy is None:
        return False
    tol = 1e-4
    width, height = hw[1] + tol, hw[0] + tol
    return all(-tol <= x <= width and -tol <= y <= height for x, y in xy)


def _axis_aligned(matrix: np.ndarray) -> bool:
    """Whether *matrix* maps axis-aligned boxes to axis-aligned boxes."""
    if matrix[2, 0] != 0 or matrix[2, 1] != 0:
        return False
    return (matrix[0, 1] == 0 and matrix[1, 0] == 0) or (matrix[0, 0] == 0
                                                           and matrix[1, 1] == 0)


def _covers(quad: list[tuple[float, float]] | None, hw: Sequence[int]) -> bool:
    """Whether the convex quadrilateral *quad* contains the rectangle ``(0, 0)-(w, h)``.

    Per edge, the rectangle's corner deepest on the outer side is the one the edge's
    linear function is smallest at (chosen by the signs of its coefficients).
    """
    if quad is None:
        return False
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = quad
    area = (x0 * y1 - x1 * y0) + (x1 * y2 - x2 * y1) + (x2 * y3 - x3 * y2) + (x3 * y0 - x0 * y3)
    if abs(area) < 1e-9:
        return False
    sign = 1.0 if area > 0 else -1.0
    width, height = float(hw[1]), float(hw[0])
    for ax, ay, bx, by in ((x0, y0, x1, y1), (x1, y1, x2, y2), (x2, y2, x3, y3),
                           (x3, y3, x0, y0)):
        dx, dy = sign * (bx - ax), sign * (by - ay)
        x = width if dy > 0 else 0.0
        y = height if dx < 0 else 0.0
        if dx * (y - ay) - dy * (x - ax) < -1e-4 * (dx * dx + dy * dy) ** 0.5:
            return False
    return True


def _reveals(step: PlaneStep, in_hw: Sequence[int]) -> bool:
    if step.reveals is not None:
        return step.reveals
    return not _covers(_project(_corners(in_hw), step.matrix), step.size)


def _same_fill(a: PlaneStep, b: PlaneStep) -> bool:
    if not (a.constant and b.constant):
        return False
    if a is b:
        return True
    ca, cb = np.asarray(a.cval).ravel().tolist(), np.asarray(b.cval).ravel().tolist()
    if len(ca) != len(cb) and 1 not in (len(ca), len(cb)):
        return False
    return all(x == y for x in ca for y in cb) if 1 in (len(ca), len(cb)) else ca == cb


def _chain(matrices: Sequence[np.ndarray]) -> np.ndarray:
    """The product applying *matrices* in order (the first one first)."""
    out = matrices[0] if matrices else _EYE
    for matrix in matrices[1:]:
        out = matrix @ out
    return out


def _frames_ok(steps: Sequence[PlaneStep], frames: list, reveal_at: int | None,
               constant: bool, befores: list[np.ndarray]) -> list | None:
    """The mask quadrilaterals the run needs, or None when it cannot be fused.

    Frame ``j`` (1..n-1) is the output of step ``j - 1``. The one warp already cuts at
    the input frame; frame ``j`` needs a mask unless the input frame maps inside it
    (``exact``) or it contains all that the output reads (``covers``).
    """
    masks = []
    n = len(steps)
    afters = [_EYE] * (n + 1)
    for j in range(n - 1, 0, -1):
        afters[j] = steps[j].matrix if j == n - 1 else afters[j + 1] @ steps[j].matrix
    for j in range(1, n):
        quad = _project(_corners(frames[j]), afters[j])
        covers = _covers(quad, frames[n])
        if constant and covers:
            continue  # (checked first: cheaper than exact, and the usual case)
        exact = _inside(_project(_corners(frames[0]), befores[j]), frames[j])
        if not constant:
            if not covers or (reveal_at is not None and j <= reveal_at and not exact):
                return None
            continue
        if exact:
            continue
        if quad is None:
            return None
        masks.append(np.array(quad))
    return masks


def plan_row(steps: Sequence[PlaneStep], in_hw: Sequence[int],
             boxes: bool = False) -> RowPlan | None:
    """Plan one row of a plane run: the one warp that replaces *steps*, or None.

    Parameters
    ----------
    steps : sequence of PlaneStep
        The row's steps, in order.
    in_hw : sequence of int
        The row's input ``(height, width)``.
    boxes : bool
        Whether bounding boxes ride along (at most one rotating step then).

    Returns
    -------
    RowPlan or None
        None when the steps cannot be fused for this row (see the module notes).

    Examples
    --------
    >>> flip = PlaneStep(np.array([[-1.0, 0, 4], [0, 1, 0], [0, 0, 1]]), (4, 4), None,
    ...                  "constant", np.zeros(1), True, "cv2", reveals=False, exact=True)
    >>> zoom = PlaneStep(np.diag([2.0, 2.0, 1.0]), (8, 8), 1, "edge", np.zeros(1),
    ...                  False, "cv2", reveals=False, exact=True)
    >>> plan_row([flip, zoom], (4, 4)).matrix[0].tolist()
    [-2.0, 0.0, 8.0]
    """
    lossy = [s for s in steps if s.order is not None]
    if len({s.order for s in lossy}) > 1 or len({s.backend for s in lossy}) > 1:
        return None
    if boxes and sum(not _axis_aligned(s.matrix) for s in steps) > 1:
        return None
    if sum(not s.exact for s in steps) <= 1:
        lead = _simple_lead(steps, lossy)
        plan = _row_plan(steps, lossy, lead, [])
    else:
        frames = [tuple(in_hw[:2])] + [tuple(s.size) for s in steps]
        fill = _fill(steps, frames)
        if fill is None:
            return None
        lead, constant, reveal_at = fill
        befores = [_EYE, steps[0].matrix]  # input frame -> frame j
        for step in steps[1:]:
            befores.append(step.matrix @ befores[-1])
        masks = _frames_ok(steps, frames, reveal_at, constant, befores)
        if masks is None:
            return None
        plan = _row_plan(steps, lossy, lead, masks, befores[-1])
    return plan if _edges_read_alike(steps, lead, in_hw) else None


#: How far inside its input frame a warp of each interpolation order must sample (in
#: augkit's coordinates, where pixel centres sit at .5) for its kernel to read no pixel
#: beyond the frame: nearest none, linear the next centre, cubic two (skimage: 2.5).
_KERNEL_REACH = {0: 0.0, 1: 0.5, 3: 1.5}


def _edges_read_alike(steps: Sequence[PlaneStep], lead: PlaneStep,
                      in_hw: Sequence[int]) -> bool:
    """Whether the one warp sees the same thing as each step beyond the step's input edge.

    A step that extends its input's edge (a resize replicates it) and whose kernel
    reaches past that edge (an enlarging resize, a cubic one) reads replicated pixels
    when run alone. The one warp reads there whatever lies beyond in the run's input
    (pixels a crop removed, a pad's fill) or its lead's border: the same only when the
    step's input frame is the run's input frame (every step before it maps frame onto
    frame) and the warp extends edges the same way.
    """
    frame = tuple(in_hw[:2])
    whole_frame = True
    for step in steps:
        if (step.order is not None and not step.constant
                and not _reads_inside(step, frame)
                and not (whole_frame and not lead.constant and lead.mode == step.mode)):
            return False
        whole_frame = whole_frame and step.exact
        frame = tuple(step.size)
    return True


def _reads_inside(step: PlaneStep, in_hw: Sequence[int]) -> bool:
    """Whether *step*'s kernel, at every output pixel, reads only inside its input."""
    height, width = step.size
    centres = [(0.5, 0.5), (width - 0.5, 0.5), (width - 0.5, height - 0.5),
               (0.5, height - 0.5)]
    inverse = _inverse(step.matrix)
    sources = None if inverse is None else _project(centres, inverse)
    if sources is None:
        return False
    reach = 2.5 if step.order is None else _KERNEL_REACH.get(step.order, 2.5)
    high_x, high_y = float(in_hw[1]) - reach, float(in_hw[0]) - reach
    return all(reach - 1e-6 <= x <= high_x + 1e-6 and reach - 1e-6 <= y <= high_y + 1e-6
               for x, y in sources)


def _fill(steps: Sequence[PlaneStep], frames: list) -> tuple[PlaneStep, bool, int | None] | None:
    """The step whose border the run takes, whether it is a constant fill, and the index
    of the one step revealing a non-constant border; None when the fills conflict."""
    may_reveal = [s for s in steps if s.reveals is not False]
    if may_reveal and all(s.constant and _same_fill(may_reveal[0], s) for s in may_reveal):
        return may_reveal[0], True, None  # one constant fill: who reveals does not matter
    revealing = [k for k, s in enumerate(steps) if _reveals(s, frames[k])]
    fills = [steps[k] for k in revealing]
    constant = all(s.constant for s in fills)
    if constant and any(not _same_fill(fills[0], s) for s in fills[1:]):
        return None
    if not constant and len(fills) > 1:
        return None
    lossy = [s for s in steps if s.order is not None]
    lead = fills[0] if fills else (lossy[0] if lossy else steps[0])
    return lead, constant, revealing[0] if revealing else None


def _simple_lead(steps: Sequence[PlaneStep], lossy: list[PlaneStep]) -> PlaneStep:
    """The step whose border settings a run takes when all its steps map frame onto
    frame but (at most) one: no frame is cut off or revealed but that one's."""
    return next((s for s in steps if not s.exact), lossy[0] if lossy else steps[0])


def _row_plan(steps: Sequence[PlaneStep], lossy: list[PlaneStep], lead: PlaneStep,
              masks: list, matrix: np.ndarray | None = None) -> RowPlan:
    """The run's one warp: the resampling steps' order and backend (nearest for a row of
    lossless steps: exact), *lead*'s border."""
    order = next((s.order for s in lossy if s.order is not None), 0)
    backend = lossy[0].backend if lossy else "cv2"
    height, width = steps[-1].size
    if matrix is None:
        matrix = _chain([s.matrix for s in steps])
    return RowPlan(matrix, (int(height), int(width)), order, lead.mode, lead.cval, backend,
                   masks)


def fill_outside(arr: np.ndarray, masks: Sequence[np.ndarray], cval: Any,
                 scale: tuple[float, float] = (1.0, 1.0)) -> np.ndarray:
    """Fill the pixels of *arr* whose centre lies outside any quadrilateral of *masks*.

    Parameters
    ----------
    arr : ndarray of shape (H, W, C)
        Changed in place and returned.
    masks : sequence of ndarray of shape (4, 2)
        Quadrilaterals in augkit coordinates of the output image.
    cval : number or sequence
        The fill value (one, or one per channel).
    scale : tuple of (float, float)
        ``(sy, sx)`` from image to *arr* coordinates (maps of another resolution).

    Examples
    --------
    >>> arr = np.ones((2, 4, 1), np.uint8)
    >>> quad = np.array([[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]])
    >>> fill_outside(arr, [quad], 7)[:, :, 0].tolist()
    [[1, 1, 7, 7], [1, 1, 7, 7]]
    """
    if not masks:
        return arr
    height, width = arr.shape[:2]
    xs = (np.arange(width) + 0.5)[None, :]
    ys = (np.arange(height) + 0.5)[:, None]
    outside = np.zeros((height, width), dtype=bool)
    for quad in masks:
        pts = quad * np.array([scale[1], scale[0]])
        area = np.sum(pts[:, 0] * np.roll(pts[:, 1], -1) - np.roll(pts[:, 0], -1) * pts[:, 1])
        for (x0, y0), (x1, y1) in zip(pts, np.roll(pts, -1, axis=0)):
            # pixel centres on the outer side of this edge (or on it) are cut off
            cross = (x1 - x0) * (ys - y0) - (y1 - y0) * (xs - x0)
            outside |= cross * np.sign(area) <= 0
    values = np.broadcast_to(np.asarray(cval, dtype=np.float64).reshape(-1), (arr.shape[2],))
    if arr.dtype.kind in "iu":
        info = np.iinfo(arr.dtype)
        values = np.clip(np.rint(values), info.min, info.max)
    np.copyto(arr, values.astype(arr.dtype), where=outside[:, :, None])
    return arr


# ---------------------------------------------------------------------- classification
_CLASS_FAMILY: dict[type, str | None] = {}
_UINT8 = np.dtype(np.uint8)


def _class_family(cls: type[Augmenter]) -> str | None:
    """``'plane'``, ``'lut'`` or None: which protocol the class takes part in (cached)."""
    try:
        return _CLASS_FAMILY[cls]
    except KeyError:
        pass
    family = None
    plane = getattr(cls, "fusable", False) or getattr(cls, "plane_lossless", False)
    if cls._is_leaf and plane and hasattr(cls, "plane_steps"):
        family = "plane"
    elif cls._is_leaf and cls.pixel_only and callable(getattr(cls, "lookup_tables", None)):
        family = "lut"
    _CLASS_FAMILY[cls] = family
    return family


def _plane_kinds_ok(aug: Augmenter, rows: Rows) -> bool:
    """Whether fusing *aug* handles every kind of *rows* as its own methods would."""
    kind: Any
    for kind, items in rows.data.items():
        if kind.category == "image":
            continue
        if kind.name in aug.unsupported_kinds or kind.category in aug.unsupported_kinds:
            return False
        if kind.category not in ("map", "points"):
            return False
        if kind.name != "keypoints" and getattr(aug, "apply_to_" + kind.name, None) is not None:
            return False
        if kind.category == "map" and any(
                tuple(kind.get_arr(item).shape[:2]) != tuple(shape[:2])
                for item, shape in zip(items, rows.shapes)):
            return False
    return True


def _lut_rows_ok(rows: Rows) -> bool:
    """Whether *rows* hold uint8 images large enough for a table run to pay."""
    if _largest(rows.shapes) < LUT_RUN_MIN_PIXELS:
        return False
    images = [items for kind, items in rows.data.items() if kind.category == "image"]
    return bool(images) and all(image.dtype == _UINT8 for items in images for image in items)


def _family_at(aug: Augmenter, rows: Rows) -> str | None:
    """The run *aug* can join on *rows*: ``'plane'``, ``'lut'`` or None."""
    family = _class_family(type(aug))
    if family == "plane":
        return family if _plane_kinds_ok(aug, rows) else None
    if family == "lut":
        return family if _lut_rows_ok(rows) else None
    return None


# ---------------------------------------------------------------------- sampling
def _draw(aug: Augmenter, shapes: list, ctx: CallContext, given: Any) -> Any:
    """Sample (or check replayed) params of *aug* for rows of *shapes*, as unfused would:
    the leaf's own sampling, on rows that carry the shapes only."""
    return aug._params_of_call(Rows({}, shapes), ctx, given)


# ---------------------------------------------------------------------- runners
def _apply_one(aug: Augmenter, rows: Rows, params: Any) -> Rows:
    """Apply one child's params the unfused way. They were drawn (or checked, when
    replayed) for these rows by :func:`_draw`, and a fused call has no hooks and no
    zero-size rows, so what ``augment_rows`` adds around the leaf's apply is done."""
    return aug._apply(rows, params)


def check_inputs(augs: Sequence[Augmenter], rows: Rows) -> None:
    """Check the images of *rows* against every augmenter of a fused run (what each
    would check on its own: dtypes, channels, sizes)."""
    for aug in augs:
        for kind, items in rows.data.items():
            if kind.category == "image":
                aug.check_images(items, kind)


def _plane_steps(augs, params, inputs) -> list:
    """Per step, the per-row steps, or None when a row is not one warp."""
    per_step = []
    for aug, p, shapes in zip(augs, params, inputs):
        if aug.changes_shape:
            aug._guard_output_sizes(p, shapes)
        steps = aug.plane_steps(p, shapes)
        per_step.append(None if steps is None or any(s is None for s in steps) else steps)
    return per_step


def _group_plane(per_step: list, inputs: list, boxes: bool) -> list[tuple[int, int, Any]]:
    """Groups ``(start, stop, plans)`` of steps, the whole run if it fuses, else greedy;
    plans None: run unfused."""
    n = len(per_step)
    whole = _plan_rows(per_step, inputs[0], boxes)
    if whole is not None:
        return [(0, n, whole)]
    groups = []
    start = 0
    while start < n:
        stop, plans = start + 1, None
        while per_step[start] is not None and stop < n:
            candidate = _plan_rows(per_step[start:stop + 1], inputs[start], boxes)
            if candidate is None:
                break
            stop, plans = stop + 1, candidate
        groups.append((start, stop, plans))
        start = stop
    return groups


def _plan_rows(block: list, shapes: list, boxes: bool) -> list | None:
    if any(steps is None for steps in block):
        return None
    lossy = max(sum(steps[i].order is not None for steps in block) for i in range(len(shapes)))
    if lossy == 0:
        return None  # only lossless steps: their own exact paths are faster
    if lossy == 1 and _largest(shapes) < COPY_RUN_MIN_PIXELS:
        return None  # one resampling anyway: fusing saves copies only
    plans = []
    for i, shape in enumerate(shapes):
        plan = plan_row([steps[i] for steps in block], shape[:2], boxes)
        if plan is None:
            return None
        plans.append(plan)
    return plans


def _apply_plane(engine: Any, rows: Rows, plans: list) -> Rows:
    data = {}
    out_shapes = [(*plan.size, *shape[2:]) for plan, shape in zip(plans, rows.shapes)]
    kind: Any
    for kind, items in rows.data.items():
        if kind.category == "image":
            data[kind] = [warp_image(engine, image, plan) for image, plan in zip(items, plans)]
        elif kind.category == "map":
            order = 0 if kind.interpolation == "nearest" else 1
            arrays = [fill_outside(engine.warp_fused_map(kind.get_arr(item), plan, order,
                                                         kind.cval), plan.masks, kind.cval)
                      for item, plan in zip(items, plans)]
            data[kind] = [kind.with_arr(item, arr, shape)
                          for item, arr, shape in zip(items, arrays, out_shapes)]
        else:
            data[kind] = [kind.from_xy(item, engine.move_points_fused(kind.to_xy(item),
                                                                     plan.matrix), shape)
                          for item, plan, shape in zip(items, plans, out_shapes)]
    if not any(kind.category == "image" for kind in rows.data):
        return rows.replace(data, out_shapes)
    images = next(items for kind, items in data.items() if kind.category == "image")
    return rows.replace(data, [image.shape for image in images])


def plane_groups(augs: list, params: list, inputs: list,
                 boxes: bool = False) -> list[tuple[int, int, Any]]:
    """Groups ``(start, stop, plans)`` of a plane run: steps *start* to *stop* warp once
    with one :class:`RowPlan` per row, or (plans None) run unfused, one after the other.
    *boxes*: the rows carry bounding boxes (a second rotating step then ends a group)."""
    return _group_plane(_plane_steps(augs, params, inputs), inputs, boxes)


def warp_image(engine: Any, image: np.ndarray, plan: RowPlan) -> np.ndarray:
    """*image* warped once by *plan* with the run's warp engine, cut-off pixels filled."""
    return fill_outside(engine.warp_fused(image, plan), plan.masks, plan.cval)


def _run_plane(augs: list, params: list, inputs: list, rows: Rows) -> Rows:
    boxes = any(kind.name == "bounding_boxes" for kind in rows.data)
    for start, stop, plans in plane_groups(augs, params, inputs, boxes):
        if plans is None:
            for k in range(start, stop):
                rows = _apply_one(augs[k], rows, params[k])
            continue
        check_inputs(augs[start:stop], rows)
        rows = _apply_plane(augs[start], rows, plans)
    return rows


def _tables_of(aug, params, shapes) -> list | None:
    tables = aug.lookup_tables(params, shapes)
    if tables is None or any(t is None for t in tables):
        return None
    return [np.asarray(t, dtype=np.uint8) for t in tables]


def lut_blocks(augs: list, params: list, inputs: list) -> list[tuple[int, int, list | None]]:
    """Blocks ``(start, stop, tables)`` of a table run: steps *start* to *stop* as one
    composed table per row, or (tables None) the one step *start* run on its own."""
    tables = [_tables_of(aug, p, shapes) for aug, p, shapes in zip(augs, params, inputs)]
    blocks: list[tuple[int, int, list | None]] = []
    start = 0
    while start < len(augs):
        stop = start + 1
        while stop < len(augs) and tables[start] is not None and tables[stop] is not None:
            stop += 1
        if stop - start < 2:
            blocks.append((start, stop, None))
        else:
            steps = [t for t in tables[start:stop] if t is not None]
            blocks.append((start, stop, _composed(steps)))
        start = stop
    return blocks


def _composed(tables: list[list[np.ndarray]]) -> list[np.ndarray]:
    """Per row, the tables of consecutive steps composed into one."""
    composed = []
    for i in range(len(tables[0])):
        table = tables[0][i]
        for step in tables[1:]:
            table = compose_tables(table, step[i])
        composed.append(table)
    return composed


def _run_lut(augs: list, params: list, inputs: list, rows: Rows) -> Rows:
    for start, stop, tables in lut_blocks(augs, params, inputs):
        if tables is None:
            rows = _apply_one(augs[start], rows, params[start])
        else:
            check_inputs(augs[start:stop], rows)
            rows = _apply_lut(rows, tables)
    return rows


def _apply_lut(rows: Rows, tables: list[np.ndarray]) -> Rows:
    data = {kind: ([apply_tables(image, table) for image, table in zip(items, tables)]
                   if kind.category == "image" else items)
            for kind, items in rows.data.items()}
    return rows.replace(data, rows.shapes)


_RUNNERS = {"plane": _run_plane, "lut": _run_lut}


def _largest(shapes: Sequence[Sequence[int]]) -> int:
    largest = 0
    for shape in shapes:
        largest = max(largest, shape[0] * shape[1])
    return int(largest)


def _segments(children: Sequence[Augmenter], sequence: list[int],
              rows: Rows | None = None) -> list[tuple[str | None, list[int]]]:
    """Consecutive children of one protocol, as ``(family, indices)``: by class alone
    (cheap) or, given *rows*, on their kinds, dtypes and sizes; family None: run alone."""
    segments: list[tuple[str | None, list[int]]] = []
    for i in sequence:
        family = (_class_family(type(children[i])) if rows is None
                  else _family_at(children[i], rows))
        if family is not None and segments and segments[-1][0] == family:
            segments[-1][1].append(i)
        else:
            segments.append((family, [i]))
    if rows is None:
        return segments
    worth: list[tuple[str | None, list[int]]] = []
    for family, picked in segments:
        if len(picked) > 1 and not _worth_it(family, [children[i] for i in picked], rows):
            worth.extend((None, [i]) for i in picked)
        else:
            worth.append((family, picked))
    return worth


def _worth_it(family: str | None, augs: list[Augmenter], rows: Rows) -> bool:
    """Whether fusing a run can pay: a table run from :data:`LUT_RUN_MIN_PIXELS` up; on
    small images, a plane run needs two children that may resample (with flips alone it
    would save only copies)."""
    if family == "lut":
        return _largest(rows.shapes) >= LUT_RUN_MIN_PIXELS
    if family != "plane" or _largest(rows.shapes) >= COPY_RUN_MIN_PIXELS:
        return True
    return sum(not getattr(aug, "plane_lossless", False) for aug in augs) >= 2


def _fusable_rows(rows: Rows, ctx: CallContext) -> bool:
    if ctx.hooks is not None or rows.nb_rows == 0:
        return False
    return all(0 not in shape for shape in rows.shapes)


def sample_run(augs, rows, ctx, given) -> tuple[list, list]:
    """Each child's params for the run, drawn in order on the shapes it will see, and
    those shapes."""
    shapes = list(rows.shapes)
    params, inputs = [], []
    for aug, g in zip(augs, given):
        p = _draw(aug, shapes, ctx, g)
        params.append(p)
        inputs.append(shapes)
        shapes = aug.output_shapes(p, shapes)
    return params, inputs


def fused_segments(children: Sequence[Augmenter], sequence: list[int], rows: Rows,
                   ctx: CallContext) -> list[tuple[str | None, list[int]]] | None:
    """The runs into which :func:`run_fused` splits children *sequence* on *rows*, as
    ``(family, indices)`` (family None: the one child runs alone); None if none fuses."""
    if not _fusable_rows(rows, ctx) or not any(
            len(picked) > 1 and _worth_it(family, [children[i] for i in picked], rows)
            for family, picked in _segments(children, sequence)):
        return None
    segments = _segments(children, sequence, rows)
    if not any(len(picked) > 1 for _, picked in segments):
        return None
    return segments


def run_fused(meta: MetaAugmenter, rows: Rows, ctx: CallContext, params: list | None = None,
              *, children: Sequence[Augmenter], order: Sequence[int] | None = None,
              ) -> tuple[Rows, list]:
    """:meth:`~augkit.extend.MetaAugmenter.run_children`, fusing runs of children.

    Same arguments and results: the rows after every child, and each child's params
    (indexed like *children*, sampled and stamped exactly as unfused). Falls back to
    ``run_children`` when nothing can be fused.

    Examples
    --------
    >>> import numpy as np, augkit
    >>> seq = augkit.Sequential([augkit.get("Add", value=5), augkit.get("Invert")])
    >>> seq(image=np.zeros((1, 1), np.uint8)).tolist()
    [[250]]
    """
    sequence = list(range(len(children))) if order is None else list(order)
    segments = fused_segments(children, sequence, rows, ctx)
    if segments is None:
        return meta.run_children(rows, ctx, params, children=children, order=order)
    recorded: list = [None] * len(children)
    ctx.parents.append(meta)
    try:
        for family, picked in segments:
            augs = [children[i] for i in picked]
            if family is None or len(augs) == 1:
                given = None if params is None else params[picked[0]]
                rows, recorded[picked[0]] = augs[0].augment_rows(rows, ctx, given)
                continue
            given = [None if params is None else params[i] for i in picked]
            drawn, inputs = sample_run(augs, rows, ctx, given)
            rows = _RUNNERS[family](augs, drawn, inputs, rows)
            for i, p in zip(picked, drawn):
                recorded[i] = p
    finally:
        ctx.parents.pop()
    return rows, recorded
