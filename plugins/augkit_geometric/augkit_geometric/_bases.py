"""The two bases most of the family's augmenters build on.

:class:`MatrixAugmenter` (plane transforms)
    Each row's transform is one 3x3 matrix in augkit's continuous coordinates,
    mapping input points to output points. The base applies it to images (through
    :func:`~augkit_geometric.functional.warp`, after converting it to OpenCV's
    pixel-centre convention), to maps (conjugated to the map's own resolution, with
    the map kind's interpolation and fill value) and to keypoints (and so boxes,
    polygons, line strings), so that every kind stays consistent by construction.
:class:`CropPadAugmenter` (size augmenters)
    Each row is cropped and padded by some pixels per side ``(top, right, bottom,
    left)`` and optionally resized (:class:`CropPadParams`). Maps smaller than their
    image take the amounts scaled to their resolution, padded with their kind's fill
    value and resized with its interpolation; coordinates are shifted by
    ``pad - crop`` and scaled by the resize. Crops never leave less than 1 pixel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import cv2
import numpy as np

from augkit import parameters as iap
from augkit.extend import INTERPOLATIONS, pad_unchecked
from augkit.fusion import PlaneStep, RowPlan
from augkit_geometric import functional as F
from augkit_geometric._common import GeometricFamilyAugmenter

_EYE = np.eye(3)
_EYE_LIST = _EYE.tolist()


def _is_identity(matrix: np.ndarray) -> bool:
    """Whether the 3x3 *matrix* is the identity (its list compared: a tenth of
    ``np.array_equal``'s time on a 3x3)."""
    return np.asarray(matrix).tolist() == _EYE_LIST


_NO_CVAL = np.zeros(1)
#: Image resizes that are one warp of the same interpolation (others, e.g. area, are not).
_FLAG_ORDERS = {cv2.INTER_NEAREST: 0, cv2.INTER_LINEAR: 1, cv2.INTER_CUBIC: 3}


class PlaneFusion:
    """The fusion protocol of the family's plane transforms (see :mod:`augkit.fusion`).

    ``Sequential`` composes consecutive plane transforms into one warp when every one
    of them declares ``fusable = True`` (its ``sample`` reads only the row shapes) and
    describes each row with :meth:`plane_steps`; the warp engine is here.

    Examples
    --------
    >>> import numpy as np
    >>> from augkit.fusion import RowPlan
    >>> plan = RowPlan(np.eye(3), (2, 2), 1, "constant", np.zeros(1), "cv2", [])
    >>> PlaneFusion.warp_fused(np.ones((2, 2, 1), np.uint8), plan).tolist()
    [[[1], [1]], [[1], [1]]]
    """

    #: Whether ``sample`` reads nothing but ``rows.shapes`` and ``rows.nb_rows``.
    fusable: ClassVar[bool] = False
    #: ``fusable``, and no row ever resamples (flips): on small images, a run needs
    #: two steps that may resample to be worth fusing.
    plane_lossless: ClassVar[bool] = False

    def plane_steps(self, params: Any, shapes: list[tuple[int, ...]]) -> list[PlaneStep | None]:
        """Return each row's transform as a :class:`~augkit.fusion.PlaneStep` (or None)."""
        raise NotImplementedError

    @staticmethod
    def warp_fused(image: np.ndarray, plan: RowPlan) -> np.ndarray:
        """Warp *image* once by a fused run's plan."""
        if tuple(plan.size) == image.shape[:2] and _is_identity(plan.matrix):
            return image.copy()
        return F.warp(image, F.to_cv2_matrix(plan.matrix), (plan.size[1], plan.size[0]),
                      order=plan.order, mode=plan.mode, cval=plan.cval, backend=plan.backend)

    @staticmethod
    def warp_fused_map(arr: np.ndarray, plan: RowPlan, order: int, cval: Any) -> np.ndarray:
        """Warp a map array (of its image's resolution) once by a fused run's plan."""
        if tuple(plan.size) == arr.shape[:2] and _is_identity(plan.matrix):
            return arr.copy()
        return F.warp(arr, F.to_cv2_matrix(plan.matrix), (plan.size[1], plan.size[0]),
                      order=order, mode=plan.mode, cval=cval, backend="cv2")

    @staticmethod
    def move_points_fused(xy: np.ndarray, matrix: np.ndarray) -> np.ndarray:
        """Move ``(N, 2)`` points by a fused run's matrix."""
        return F.transform_points(xy, matrix)


# ---------------------------------------------------------------------- plane transforms
@dataclass
class WarpParams:
    """What a plane transform sampled for a call: one matrix and warp setting per row.

    Attributes
    ----------
    matrices : ndarray of shape (N, 3, 3)
        Input-to-output matrices in augkit's coordinates.
    sizes : list of (int, int)
        Output ``(height, width)`` per row.
    orders : list of int
        Interpolation order per row (0..5).
    modes : list of str or int
        Border mode per row (imgaug name or ``cv2.BORDER_*`` constant).
    cvals : list of ndarray
        Fill value per row: one value, or one per channel.
    backend : {'auto', 'cv2', 'skimage'}
    extra : Any
        Whatever else the augmenter needs (e.g. Rot90's k).
    """

    matrices: np.ndarray
    sizes: list[tuple[int, int]]
    orders: list[int]
    modes: list[Any]
    cvals: list[np.ndarray]
    backend: str = "auto"
    extra: Any = field(default=None)


class MatrixAugmenter(PlaneFusion, GeometricFamilyAugmenter, abstract=True):
    """Base of plane transforms: each row is a 3x3 matrix applied to every kind.

    Subclasses implement ``sample`` returning a :class:`WarpParams` (or override
    :meth:`matrices`, :meth:`output_shapes` and the apply methods they speed up).
    :meth:`matrices` is public, so that a later ``Sequential`` can fuse consecutive
    plane transforms.
    """

    def matrices(self, params: Any, shapes: list[tuple[int, ...]]) -> list[np.ndarray]:
        """Return one 3x3 input-to-output matrix per row, in augkit coordinates.

        Parameters
        ----------
        params : Any
            What :meth:`sample` returned.
        shapes : list of tuple
            The input image shape of each row.
        """
        return list(params.matrices)

    def output_shapes(self, params: Any, shapes: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
        """Return each row's image shape after the transform."""
        return [(int(h), int(w), *shape[2:]) for (h, w), shape in zip(params.sizes, shapes)]

    def plane_steps(self, params: Any, shapes: list[tuple[int, ...]]) -> list[PlaneStep | None]:
        """Each row as a fusion step: lossless unless it resamples (see ``_lossless_row``)."""
        matrices = self.matrices(params, shapes)
        outs = self.output_shapes(params, shapes)
        return [self._plane_step(params, i, matrix, tuple(out[:2]), shape)
                for i, (matrix, out, shape) in enumerate(zip(matrices, outs, shapes))]

    def _plane_step(self, params: Any, i: int, matrix: np.ndarray, size: tuple[int, int],
                    shape: tuple[int, ...]) -> PlaneStep:
        if not isinstance(params, WarpParams) or self._lossless_row(params, i, shape, matrix,
                                                                   size):
            # flips, quarter turns and the identity map the frame onto itself
            return PlaneStep(matrix, size, None, "constant", _NO_CVAL, True, "cv2", False, True)
        order, mode = int(params.orders[i]), params.modes[i]
        return PlaneStep(matrix, size, order, mode, np.asarray(params.cvals[i], np.float64),
                         F.cv2_border(mode) == cv2.BORDER_CONSTANT,
                         F.resolve_backend(params.backend, order, mode))

    def _lossless_row(self, params: WarpParams, i: int, shape: tuple[int, ...],
                      matrix: np.ndarray, size: tuple[int, int]) -> bool:
        """Whether row *i* copies pixels without resampling (default: the identity)."""
        return size == tuple(shape[:2]) and _is_identity(matrix)

    def apply_to_images(self, images: list[np.ndarray], params: Any) -> list[np.ndarray]:
        shapes = [image.shape for image in images]
        matrices = self.matrices(params, shapes)
        out_shapes = self.output_shapes(params, shapes)
        return [
            self._warp_image(image, matrix, out_shape[:2], params, i)
            for i, (image, matrix, out_shape) in enumerate(zip(images, matrices, out_shapes))
        ]

    def _warp_image(self, image: np.ndarray, matrix: np.ndarray, size: tuple[int, int],
                    params: WarpParams, i: int) -> np.ndarray:
        if size == image.shape[:2] and _is_identity(matrix):
            return image.copy()
        return F.warp(image, F.to_cv2_matrix(matrix), (size[1], size[0]),
                      order=int(params.orders[i]), mode=params.modes[i], cval=params.cvals[i],
                      backend=params.backend)

    def apply_to_maps(self, arrays: list[np.ndarray], params: Any, *,
                      shapes: list[tuple[int, ...]], kind: Any) -> list[np.ndarray]:
        matrices = self.matrices(params, shapes)
        out_shapes = self.output_shapes(params, shapes)
        order = 0 if kind.interpolation == "nearest" else 1
        out = []
        for i, (arr, matrix, shape, out_shape) in enumerate(
                zip(arrays, matrices, shapes, out_shapes)):
            map_matrix, size = F.matrix_for_map(matrix, arr.shape[:2], shape[:2],
                                                out_shape[:2])
            out.append(self._warp_map(arr, map_matrix, size, order, kind, params, i))
        return out

    def _warp_map(self, arr: np.ndarray, matrix: np.ndarray, size: tuple[int, int],
                  order: int, kind: Any, params: Any, i: int) -> np.ndarray:
        if size == arr.shape[:2] and _is_identity(matrix):
            return arr.copy()
        # the image's border mode, so that maps stay aligned with it
        modes = getattr(params, "modes", None)
        mode = "constant" if modes is None else modes[i]
        return F.warp(arr, F.to_cv2_matrix(matrix), (size[1], size[0]), order=order,
                      mode=mode, cval=kind.cval, backend="cv2")

    def apply_to_keypoints(self, xys: list[np.ndarray], params: Any, *,
                           shapes: list[tuple[int, ...]]) -> list[np.ndarray]:
        matrices = self.matrices(params, shapes)
        return [xy.copy() if _is_identity(m) else F.transform_points(xy, m)
                for xy, m in zip(xys, matrices)]


# ---------------------------------------------------------------------- size augmenters
@dataclass
class CropPadParams:
    """What a size augmenter sampled for one call (one entry per row).

    Attributes
    ----------
    crops, pads : ndarray of shape (N, 4), int64
        Pixels removed / added on each side ``(top, right, bottom, left)``; crops
        are already clamped so that at least 1 pixel remains.
    modes : list of str
        Pad mode of each row (see :func:`augkit.pad`).
    cvals : ndarray of shape (N,)
        Pad fill value of each row.
    sizes : ndarray of shape (N, 2) or None
        ``(height, width)`` to resize each row to after cropping and padding; None
        for no resize.
    flags : list of int or None
        OpenCV interpolation flag of each row's image resize (None: cubic).
    """

    crops: np.ndarray
    pads: np.ndarray
    modes: list[str]
    cvals: np.ndarray
    sizes: np.ndarray | None = None
    flags: list[int] | None = None

    def mid_shape(self, i: int, shape: Sequence[int]) -> tuple[int, int]:
        """Height and width of row *i* after cropping and padding (before resizing)."""
        return _mid_shape(shape, self.crops[i].tolist(), self.pads[i].tolist())

    def mid_shapes(self, shapes: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
        """:meth:`mid_shape` of every row (in plain Python: a batch's rows at once)."""
        return [_mid_shape(shape, crops, pads)
                for crops, pads, shape in zip(self.crops.tolist(), self.pads.tolist(), shapes)]

    def out_shapes(self, shapes: Sequence[Sequence[int]]) -> list[tuple[int, ...]]:
        """Each row's image shape after the whole transform."""
        sizes = self.mid_shapes(shapes) if self.sizes is None else self.sizes.tolist()
        return [(height, width, *shape[2:]) for (height, width), shape in zip(sizes, shapes)]

    def matrix(self, i: int, shape: Sequence[int]) -> np.ndarray:
        """The row's transform as a 3x3 matrix on continuous coordinates."""
        crops, pads = self.crops[i].tolist(), self.pads[i].tolist()
        dx, dy = float(pads[3] - crops[3]), float(pads[0] - crops[0])
        sx = sy = 1.0
        if self.sizes is not None:
            mid_h, mid_w = _mid_shape(shape, crops, pads)
            height, width = self.sizes[i].tolist()
            sy, sx = height / mid_h, width / mid_w
        return np.array([[sx, 0.0, sx * dx], [0.0, sy, sy * dy], [0.0, 0.0, 1.0]])


def _mid_shape(shape: Sequence[int], crops: Sequence[int],
               pads: Sequence[int]) -> tuple[int, int]:
    """Height and width of an image of *shape* after ``[top, right, bottom, left]``
    *crops* and *pads*."""
    top, right, bottom, left = crops
    pad_top, pad_right, pad_bottom, pad_left = pads
    return (int(shape[0]) - top - bottom + pad_top + pad_bottom,
            int(shape[1]) - left - right + pad_left + pad_right)


def largest_shapes(params: CropPadParams,
                   shapes: Sequence[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """Each row's largest image on the way to its output (what the size guard checks).

    That is the cropped and padded image, or the resized output where it has more
    pixels (the output on a tie).

    Parameters
    ----------
    params : CropPadParams
        What the augmenter sampled.
    shapes : sequence of tuple
        The input image shape of each row.

    Returns
    -------
    list of tuple

    Examples
    --------
    >>> params = make_params(np.array([[0, 0, 0, 0]]), np.array([[1, 2, 1, 2]]), [(4, 4, 3)],
    ...                      sizes=np.array([[4, 4]]))
    >>> largest_shapes(params, [(4, 4, 3)])
    [(6, 8, 3)]
    """
    sizes = None if params.sizes is None else params.sizes.tolist()
    out = []
    for i, ((height, width), shape) in enumerate(zip(params.mid_shapes(shapes), shapes)):
        if sizes is not None and sizes[i][0] * sizes[i][1] >= height * width:
            height, width = sizes[i]
        out.append((height, width, *shape[2:]))
    return out


def make_params(crops: np.ndarray, pads: np.ndarray, shapes: Sequence[Sequence[int]],
                modes: Any = None, cvals: Any = None, sizes: np.ndarray | None = None,
                flags: list[int] | None = None) -> CropPadParams:
    """Build :class:`CropPadParams`, clamping the crops to the row shapes."""
    n = len(shapes)
    if crops.any():
        F.clamp_crops(crops, shapes)
    modes_list = ["constant"] * n if modes is None else modes.tolist() \
        if isinstance(modes, np.ndarray) else [str(m) for m in modes]
    cval_arr = np.zeros(n) if cvals is None else np.asarray(cvals, dtype=np.float64)
    return CropPadParams(crops, pads, modes_list, cval_arr, sizes, flags)


def fixed_param(param: Any) -> bool:
    """True for None, a string or a Deterministic parameter (nothing to draw)."""
    return param is None or isinstance(param, (str, iap.Deterministic))


class CropPadAugmenter(PlaneFusion, GeometricFamilyAugmenter, abstract=True):
    """Base of the size augmenters: ``sample`` returns :class:`CropPadParams`.

    Subclasses implement ``_sample`` (and ``_sampling_is_fixed`` when their draws can
    be constant); the base applies the crops, pads and resizes to images, maps and
    coordinates, and gives each row's transform as a 3x3 matrix (:meth:`matrices`).
    """

    changes_shape: ClassVar[bool] = True

    def sample(self, rows, rng):
        # A single row whose amounts cannot vary (every parameter fixed): the params
        # depend on the shape alone, so they are computed once per shape and shared
        # as read-only arrays (each call still gets its own CropPadParams object).
        if len(rows.shapes) == 1:
            fixed = self.__dict__.get("_fixed_sampling")
            if fixed is None:
                fixed = self._fixed_sampling = self._sampling_is_fixed()
            if fixed:
                shape = rows.shapes[0]
                cache = self.__dict__.get("_params_cache")
                if cache is None:
                    cache = self._params_cache = {}
                hit = cache.get(shape)
                if hit is None:
                    if len(cache) >= 32:
                        cache.clear()
                    hit = cache[shape] = _frozen(self._sample(rows, rng))
                return CropPadParams(hit.crops, hit.pads, list(hit.modes), hit.cvals,
                                     hit.sizes, None if hit.flags is None else list(hit.flags))
        return self._sample(rows, rng)

    def _sample(self, rows, rng) -> CropPadParams:
        """Draw the params of a call (what ``sample`` does without its cache)."""
        raise NotImplementedError

    def _sampling_is_fixed(self) -> bool:
        """True when ``_sample`` draws nothing (its result depends on the shapes only)."""
        return False

    def apply_to_images(self, images, params):
        if len(images) == 1 and params.sizes is None:
            return [_crop_pad_one(images[0], params)]
        flags = params.flags
        sizes = None if params.sizes is None else params.sizes.tolist()
        crops, pads = params.crops.tolist(), params.pads.tolist()
        cvals, modes = params.cvals.tolist(), params.modes
        return [
            F.crop_pad_image(image, crops[i], pads[i], modes[i], cvals[i],
                             None if sizes is None else sizes[i],
                             cv2.INTER_CUBIC if flags is None else flags[i])
            for i, image in enumerate(images)
        ]

    def _apply_into(self, images, params, outs):
        if params.sizes is not None:
            return self.apply_to_images(images, params)
        return [_crop_pad_row(image, crops, pads, mode, cval, out)
                for image, crops, pads, mode, cval, out in zip(
                    images, params.crops.tolist(), params.pads.tolist(), params.modes,
                    params.cvals.tolist(), outs)]

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        return [_crop_pad_map(arr, params, i, shapes[i], kind) for i, arr in enumerate(arrays)]

    def apply_to_keypoints(self, xys, params, *, shapes):
        return [_crop_pad_points(xy, params, i, shapes[i]) for i, xy in enumerate(xys)]

    def output_shapes(self, params, shapes):
        return params.out_shapes(shapes)

    def work_shapes(self, params, shapes):
        if params.sizes is None and not params.pads.any():
            return shapes  # cropping only: nothing larger than the input is made
        # Padding comes before the resize back (keep_size): the padded image is made.
        return largest_shapes(params, shapes)

    def matrices(self, params: CropPadParams, shapes: list[tuple[int, ...]]) -> list[np.ndarray]:
        """Each row's transform as a 3x3 matrix mapping input to output coordinates."""
        return [params.matrix(i, shape) for i, shape in enumerate(shapes)]

    def plane_steps(self, params: CropPadParams,
                    shapes: list[tuple[int, ...]]) -> list[PlaneStep | None]:
        """Each row as a fusion step: integer crops and constant pads are lossless, a
        resize is a warp of its interpolation; other pad modes and resizes are None."""
        return [_crop_pad_step(params, i, shape) for i, shape in enumerate(shapes)]


def _crop_pad_step(params: CropPadParams, i: int, shape: tuple[int, ...]) -> PlaneStep | None:
    padded = any(params.pads[i].tolist())
    if padded and params.modes[i] != "constant":
        return None
    mid = params.mid_shape(i, shape)
    size = mid if params.sizes is None else tuple(params.sizes[i].tolist())
    order = None
    if size != mid:
        order = _FLAG_ORDERS.get(cv2.INTER_CUBIC if params.flags is None else params.flags[i])
        if order is None:
            return None
    exact = not padded and not any(params.crops[i].tolist())  # a resize (or nothing)
    return PlaneStep(params.matrix(i, shape), size, order, "constant" if padded else "edge",
                     params.cvals[i:i + 1].astype(np.float64), padded, "cv2", padded, exact)


def _frozen(params: CropPadParams) -> CropPadParams:
    for arr in (params.crops, params.pads, params.cvals, params.sizes):
        if arr is not None:
            arr.flags.writeable = False
    return params


def _crop_pad_one(image: np.ndarray, params: CropPadParams) -> np.ndarray:
    """:func:`~augkit_geometric.functional.crop_pad_image` for the one-image call without
    resize (see :func:`_crop_pad_row`)."""
    (crops,), (pads,) = params.crops.tolist(), params.pads.tolist()
    return _crop_pad_row(image, crops, pads, params.modes[0], params.cvals.item(0))


def _crop_pad_row(image: np.ndarray, crops: list[int], pads: list[int], mode: str,
                  cval: float, out: np.ndarray | None = None) -> np.ndarray:
    """One row's crop and pad without resize, written into *out* where it can be (crops
    alone, and uint8 constant padding, which goes straight to OpenCV with the fill value
    clipped as ``augkit.extend.pad`` clips it); the per-call path, kept free of helper
    calls."""
    top, right, bottom, left = crops
    pad_top, pad_right, pad_bottom, pad_left = pads
    shape = image.shape
    if top or right or bottom or left:
        image = image[top:shape[0] - bottom, left:shape[1] - right]
    if not (pad_top or pad_right or pad_bottom or pad_left):
        if out is None:
            return F.copy_image(image)
        np.copyto(out, image)
        return out
    if (image.dtype.char == "B" and len(shape) == 3 and 1 < shape[2] <= 4
            and mode == "constant" and cval == cval):
        value = min(max(round(cval), 0), 255) if -1e9 < cval < 1e9 else (255 if cval > 0 else 0)
        return cv2.copyMakeBorder(image, pad_top, pad_bottom, pad_left, pad_right,
                                  cv2.BORDER_CONSTANT, dst=out, value=(value,) * 4)
    return pad_unchecked(image, pad_top, pad_right, pad_bottom, pad_left, mode, cval)


def _scaled(amounts: Sequence[int], sy: float, sx: float) -> tuple[int, int, int, int]:
    top, right, bottom, left = amounts
    return (int(round(top * sy)), int(round(right * sx)), int(round(bottom * sy)),
            int(round(left * sx)))


def _crop_pad_map(arr: np.ndarray, params: CropPadParams, i: int, shape: Sequence[int],
                  kind: Any) -> np.ndarray:
    """Apply row *i* of *params* to a map array of its own resolution.

    *shape* is the row's image shape; the amounts are scaled from image to map
    resolution (exact when they match) and the map is padded with ``kind.cval`` and
    resized with ``kind.interpolation``.
    """
    height, width = shape[:2]
    map_h, map_w = arr.shape[:2]
    crop, pad = params.crops[i], params.pads[i]
    same = map_h == height and map_w == width
    if not same:
        sy, sx = map_h / height, map_w / width
        crop = F.clamp_crop(list(_scaled(crop, sy, sx)), map_h, map_w)
        pad = _scaled(pad, sy, sx)
    size = None
    if params.sizes is not None:
        out_h, out_w = int(params.sizes[i, 0]), int(params.sizes[i, 1])
        size = (out_h, out_w) if same else (max(1, int(round(out_h * map_h / height))),
                                            max(1, int(round(out_w * map_w / width))))
    flag = INTERPOLATIONS.get(getattr(kind, "interpolation", "linear"), cv2.INTER_LINEAR)
    out = F.crop_pad_image(arr, crop, pad, "constant", getattr(kind, "cval", 0), size, flag)
    if flag == cv2.INTER_CUBIC and out.dtype.kind == "f":
        np.clip(out, 0.0, 1.0, out=out)
    return out


def _crop_pad_points(xy: np.ndarray, params: CropPadParams, i: int,
                     shape: Sequence[int]) -> np.ndarray:
    """Move an ``(N, 2)`` array of ``(x, y)`` like row *i*'s image (float32 copy)."""
    out = np.array(xy, dtype=np.float32, copy=True)
    if len(out) == 0:
        return out
    dx = float(params.pads[i, 3] - params.crops[i, 3])
    dy = float(params.pads[i, 0] - params.crops[i, 0])
    if params.sizes is not None:
        mid_h, mid_w = params.mid_shape(i, shape)
        sy, sx = params.sizes[i, 0] / mid_h, params.sizes[i, 1] / mid_w
        out[:, 0] = (out[:, 0] + dx) * sx
        out[:, 1] = (out[:, 1] + dy) * sy
    else:
        out[:, 0] += dx
        out[:, 1] += dy
    return out
