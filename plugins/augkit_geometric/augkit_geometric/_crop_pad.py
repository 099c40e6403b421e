"""The machinery every size augmenter shares: crop amounts + pad amounts (+ a resize).

Every augmenter of :mod:`augkit_geometric.size` samples one :class:`CropPadParams`
per call: for each row, pixels to crop and to pad on each side ``(top, right,
bottom, left)``, and optionally a size to resize the result to. One set of functions
applies that to every kind:

* images: crop is a slice, pad goes through :func:`augkit.imgutils.pad` (OpenCV's
  ``copyMakeBorder`` where possible), resize through :func:`augkit.imgutils.resize_to`;
* maps (possibly smaller than their image): the amounts are scaled to the map's
  resolution and rounded, padding uses the map kind's fill value, resizing its
  interpolation (nearest for segmentation maps: class ids are never interpolated);
* coordinates: shifted by ``pad - crop`` on the left/top, then scaled by the resize.

Crops never leave less than 1 pixel: when a row's crops on an axis would remove
everything, they are reduced proportionally until 1 pixel remains (imgaug does the
same). Subclasses of :class:`CropPadAugmenter` only implement ``sample``.

Examples
--------
>>> import numpy as np
>>> crops = np.array([[3, 0, 3, 0]])
>>> clamp_crops(crops, [(4, 4, 1)]).tolist()
[[1, 0, 2, 0]]
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import cv2
import numpy as np

from augkit import ALL, GeometricAugmenter, ParameterError
from augkit import parameters as iap
from augkit.errors import ParameterTypeError, describe
from augkit.imgutils import PAD_MODES, pad_unchecked, resize_to

__all__ = [
    "CropPadAugmenter",
    "CropPadParams",
    "POSITIONS",
    "clamp_crops",
    "crop_pad_image",
    "crop_pad_map",
    "crop_pad_points",
    "distribute",
    "draw",
    "draw_position_one",
    "fixed_param",
    "handle_pad_cval",
    "handle_pad_mode",
    "handle_position",
    "make_params_one",
]

_MAP_FLAGS = {"linear": cv2.INTER_LINEAR, "nearest": cv2.INTER_NEAREST_EXACT,
              "cubic": cv2.INTER_CUBIC, "area": cv2.INTER_AREA}
_NO_AMOUNTS = (0, 0, 0, 0)
# dtypes that cv2.copyTo copies unchanged (for 2 to 4 channels; 1 would be squeezed)
_CV2_COPY_DTYPES = frozenset(np.dtype(name) for name in (
    "uint8", "int8", "uint16", "int16", "int32", "float32", "float64"))


@dataclass
class CropPadParams:
    """What a size augmenter sampled for one call (one entry per row).

    Attributes
    ----------
    crops, pads : ndarray of shape (N, 4), int64
        Pixels removed / added on each side ``(top, right, bottom, left)``; crops
        are already clamped so that at least 1 pixel remains.
    modes : list of str
        Pad mode of each row (see :func:`augkit.imgutils.pad`).
    cvals : ndarray of shape (N,)
        Pad fill value of each row.
    sizes : ndarray of shape (N, 2) or None
        ``(height, width)`` to resize each row to after cropping and padding; None
        for no resize.
    flags : list of int or None
        OpenCV interpolation flag of each row's image resize.
    """

    crops: np.ndarray
    pads: np.ndarray
    modes: list[str]
    cvals: np.ndarray
    sizes: np.ndarray | None = None
    flags: list[int] | None = None

    def mid_shape(self, i: int, shape: Sequence[int]) -> tuple[int, int]:
        """Height and width of row *i* after cropping and padding (before resizing)."""
        t, r, b, lft = self.crops[i]
        pt, pr, pb, pl = self.pads[i]
        return (int(shape[0] - t - b + pt + pb), int(shape[1] - lft - r + pl + pr))

    def out_shape(self, i: int, shape: Sequence[int]) -> tuple[int, ...]:
        """Image shape of row *i* after the whole transform."""
        if self.sizes is not None:
            height, width = int(self.sizes[i, 0]), int(self.sizes[i, 1])
        else:
            height, width = self.mid_shape(i, shape)
        return (height, width, *shape[2:])

    def matrix(self, i: int, shape: Sequence[int]) -> np.ndarray:
        """The row's transform as a 3x3 matrix on continuous coordinates."""
        dx = float(self.pads[i, 3] - self.crops[i, 3])
        dy = float(self.pads[i, 0] - self.crops[i, 0])
        sx = sy = 1.0
        if self.sizes is not None:
            mid_h, mid_w = self.mid_shape(i, shape)
            sy, sx = self.sizes[i, 0] / mid_h, self.sizes[i, 1] / mid_w
        return np.array([[sx, 0.0, sx * dx], [0.0, sy, sy * dy], [0.0, 0.0, 1.0]])


def clamp_crops(crops: np.ndarray, shapes: Sequence[Sequence[int]]) -> np.ndarray:
    """Reduce crops so that at least 1 pixel of every row remains (in place; returned).

    Where the crops of an axis (top + bottom, or left + right) would remove the whole
    axis, both are scaled down proportionally so that exactly 1 pixel remains.
    """
    # Python ints: for the few rows of a call this is far cheaper than numpy calls.
    for i, shape in enumerate(shapes):
        row = crops[i].tolist()
        clamped = clamp_crop(row, int(shape[0]), int(shape[1]))
        if clamped != row:
            crops[i] = clamped
    return crops


def clamp_crop(crop: list[int], height: int, width: int) -> list[int]:
    """:func:`clamp_crops` for one row given as Python ints ``[top, right, bottom, left]``."""
    top, right, bottom, left = crop
    if top + bottom > height - 1:
        allowed = max(height - 1, 0)
        top = top * allowed // max(top + bottom, 1)
        bottom = allowed - top
    if left + right > width - 1:
        allowed = max(width - 1, 0)
        left = left * allowed // max(left + right, 1)
        right = allowed - left
    return [top, right, bottom, left]


def distribute(totals: np.ndarray, fractions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Split *totals* over two sides: ``first = int((1 - fraction) * total)``.

    A fraction of 0 puts everything on the first side (top/left), 1 on the second
    (bottom/right), 0.5 splits evenly with the odd pixel on the second side (imgaug's
    ``position`` semantics).
    """
    first = np.floor((1.0 - fractions) * totals + 1e-9).astype(np.int64)
    first = np.clip(first, 0, totals)
    return first, totals - first


# ------------------------------------------------------------------------- kinds
def crop_pad_image(image: np.ndarray, crop: Sequence[int], pad: Sequence[int], mode: str,
                   cval: Any, size: Sequence[int] | None = None,
                   flag: int = cv2.INTER_CUBIC) -> np.ndarray:
    """Crop, then pad, then (optionally) resize one ``(H, W[, C])`` array.

    Returns a new C-contiguous array (never a view of *image*).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(9, dtype=np.uint8).reshape(3, 3)
    >>> crop_pad_image(img, (1, 0, 0, 0), (0, 1, 0, 0), "constant", 7).tolist()
    [[3, 4, 5, 7], [6, 7, 8, 7]]
    """
    top, right, bottom, left = crop.tolist() if isinstance(crop, np.ndarray) else crop
    height, width = image.shape[:2]
    view = image[top:height - bottom, left:width - right] if (top or right or bottom or left) \
        else image
    pad_top, pad_right, pad_bottom, pad_left = (pad.tolist() if isinstance(pad, np.ndarray)
                                                else pad)
    if pad_top or pad_right or pad_bottom or pad_left:
        out = pad_unchecked(view, pad_top, pad_right, pad_bottom, pad_left, mode, cval)
        if size is not None and (out.shape[0] != size[0] or out.shape[1] != size[1]):
            out = resize_to(out, (int(size[0]), int(size[1])), flag)
        return out
    if size is not None and (view.shape[0] != size[0] or view.shape[1] != size[1]):
        return resize_to(view, (int(size[0]), int(size[1])), flag)
    if view.dtype in _CV2_COPY_DTYPES and view.ndim == 3 and 1 < view.shape[2] <= 4:
        return cv2.copyTo(view, None)  # a new array; ~15 % faster than ndarray.copy
    return view.copy(order="C")


def _scaled(amounts: Sequence[int], sy: float, sx: float) -> tuple[int, int, int, int]:
    top, right, bottom, left = amounts
    return (int(round(top * sy)), int(round(right * sx)), int(round(bottom * sy)),
            int(round(left * sx)))


def crop_pad_map(arr: np.ndarray, params: CropPadParams, i: int, shape: Sequence[int],
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
        crop = clamp_crops(np.array([_scaled(crop, sy, sx)], dtype=np.int64),
                           [(map_h, map_w)])[0]
        pad = _scaled(pad, sy, sx)
    size = None
    if params.sizes is not None:
        out_h, out_w = int(params.sizes[i, 0]), int(params.sizes[i, 1])
        size = (out_h, out_w) if same else (max(1, int(round(out_h * map_h / height))),
                                            max(1, int(round(out_w * map_w / width))))
    flag = _MAP_FLAGS.get(getattr(kind, "interpolation", "linear"), cv2.INTER_LINEAR)
    out = crop_pad_image(arr, crop, pad, "constant", getattr(kind, "cval", 0), size, flag)
    if flag == cv2.INTER_CUBIC and out.dtype.kind == "f":
        np.clip(out, 0.0, 1.0, out=out)
    return out


def crop_pad_points(xy: np.ndarray, params: CropPadParams, i: int,
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


# ------------------------------------------------------------------------- base class
class CropPadAugmenter(GeometricAugmenter, abstract=True):
    """Base of the size augmenters: ``sample`` returns :class:`CropPadParams`.

    Applies the sampled crops, pads and resizes to images, maps and coordinates, and
    gives each row's transform as a 3x3 matrix (:meth:`matrices`).
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
            # one image, no resize: the per-call fast path, kept free of helper calls
            image = images[0]
            (top, right, bottom, left), = params.crops.tolist()
            (pad_top, pad_right, pad_bottom, pad_left), = params.pads.tolist()
            shape = image.shape
            if top or right or bottom or left:
                image = image[top:shape[0] - bottom, left:shape[1] - right]
            if not (pad_top or pad_right or pad_bottom or pad_left):
                if image.dtype in _CV2_COPY_DTYPES and len(shape) == 3 and 1 < shape[2] <= 4:
                    return [cv2.copyTo(image, None)]  # ~15 % faster than ndarray.copy
                return [image.copy()]
            cval = params.cvals.item(0)
            if (image.dtype.char == "B" and len(shape) == 3 and 1 < shape[2] <= 4
                    and params.modes[0] == "constant" and cval == cval):
                value = min(max(round(cval), 0), 255) if -1e9 < cval < 1e9 else \
                    (255 if cval > 0 else 0)
                return [cv2.copyMakeBorder(image, pad_top, pad_bottom, pad_left, pad_right,
                                           cv2.BORDER_CONSTANT, value=(value,) * 4)]
            return [pad_unchecked(image, pad_top, pad_right, pad_bottom, pad_left,
                                  params.modes[0], cval)]
        flags = params.flags
        sizes = None if params.sizes is None else params.sizes.tolist()
        crops, pads = params.crops.tolist(), params.pads.tolist()
        cvals, modes = params.cvals.tolist(), params.modes
        return [
            crop_pad_image(image, crops[i], pads[i], modes[i], cvals[i],
                           None if sizes is None else sizes[i],
                           cv2.INTER_CUBIC if flags is None else flags[i])
            for i, image in enumerate(images)
        ]

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        return [crop_pad_map(arr, params, i, shapes[i], kind) for i, arr in enumerate(arrays)]

    def apply_to_keypoints(self, xys, params, *, shapes):
        return [crop_pad_points(xy, params, i, shapes[i]) for i, xy in enumerate(xys)]

    def output_shapes(self, params, shapes):
        return [params.out_shape(i, shape) for i, shape in enumerate(shapes)]

    def matrices(self, params: CropPadParams, shapes: list[tuple[int, ...]]) -> list[np.ndarray]:
        """Each row's transform as a 3x3 matrix mapping input to output coordinates."""
        return [params.matrix(i, shape) for i, shape in enumerate(shapes)]


def _frozen(params: CropPadParams) -> CropPadParams:
    for arr in (params.crops, params.pads, params.cvals, params.sizes):
        if arr is not None:
            arr.flags.writeable = False
    return params


def fixed_param(param: Any) -> bool:
    """True for None, a string or a Deterministic parameter (nothing to draw)."""
    return param is None or isinstance(param, (str, iap.Deterministic))


def make_params_one(crop: list[int], pad: list[int], shape: Sequence[int],
                    mode: str = "constant", cval: float = 0.0,
                    size: Sequence[int] | None = None) -> CropPadParams:
    """:func:`make_params` for one row of Python ints (the per-call fast path)."""
    both = np.array([clamp_crop(crop, int(shape[0]), int(shape[1])), pad], dtype=np.int64)
    cvals = _ZERO_CVAL if cval == 0.0 else np.array([cval], dtype=np.float64)
    return CropPadParams(both[:1], both[1:], [mode], cvals,
                         None if size is None else np.array([size], dtype=np.int64))


_ZERO_CVAL = np.zeros(1)
_ZERO_CVAL.flags.writeable = False  # shared by every single-row params with cval 0


def make_params(crops: np.ndarray, pads: np.ndarray, shapes: Sequence[Sequence[int]],
                modes: Any = None, cvals: Any = None, sizes: np.ndarray | None = None,
                flags: list[int] | None = None) -> CropPadParams:
    """Build :class:`CropPadParams`, clamping the crops to the row shapes."""
    n = len(shapes)
    if crops.any():
        clamp_crops(crops, shapes)
    modes_list = ["constant"] * n if modes is None else modes.tolist() \
        if isinstance(modes, np.ndarray) else [str(m) for m in modes]
    cval_arr = np.zeros(n) if cvals is None else np.asarray(cvals, dtype=np.float64)
    return CropPadParams(crops, pads, modes_list, cval_arr, sizes, flags)


def draw(param: iap.StochasticParameter, size: Any, rng: np.random.Generator) -> np.ndarray:
    """``param.draw_samples`` with a shortcut for constants (no rng use either way)."""
    if isinstance(param, iap.Deterministic):
        if size == 1 or size == (1,):
            return np.array([param.value])
        return np.full(size, param.value)
    return np.asarray(param.draw_samples(size, random_state=rng))


# ------------------------------------------------------------------------- shorthand
_PAD_MODE_LIST = sorted(PAD_MODES)


def handle_pad_mode(value: Any, name: str = "pad_mode") -> iap.StochasticParameter:
    """Turn ``pad_mode`` (str, list of str, ``augkit.ALL``, parameter) into a parameter."""
    if isinstance(value, iap.StochasticParameter):
        return value
    accepted = (f"one of {', '.join(_PAD_MODE_LIST)}, a list of them, augkit.ALL or a "
                "StochasticParameter")
    if isinstance(value, str):
        if value == ALL:
            return iap.Choice(list(_PAD_MODE_LIST))
        if value in PAD_MODES:
            return iap.Deterministic(value)
        raise ParameterError(f"{name}: expected {accepted}, got {describe(value)}")
    if isinstance(value, list):
        bad = [v for v in value if not (isinstance(v, str) and v in PAD_MODES)]
        if value and not bad:
            return iap.Choice(list(value))
        raise ParameterError(f"{name}: expected {accepted}, got {describe(value)}")
    raise ParameterTypeError(f"{name}: expected {accepted}, got {describe(value)}")


def handle_pad_cval(value: Any, name: str = "pad_cval") -> iap.StochasticParameter:
    """Turn a ``pad_cval`` argument (number, (a, b), list, parameter) into a parameter."""
    return iap.handle_continuous_param(value, name)


#: Named positions: fraction of the padding/cropping put on the left and top sides is
#: ``1 - x`` and ``1 - y``.
POSITIONS: dict[str, tuple[float, float]] = {
    "center": (0.5, 0.5),
    "left-top": (0.0, 0.0), "left-center": (0.0, 0.5), "left-bottom": (0.0, 1.0),
    "center-top": (0.5, 0.0), "center-center": (0.5, 0.5), "center-bottom": (0.5, 1.0),
    "right-top": (1.0, 0.0), "right-center": (1.0, 0.5), "right-bottom": (1.0, 1.0),
}


def handle_position(value: Any, name: str = "position") -> Any:
    """Turn a ``position`` argument into ``(param_x, param_y)`` or one (N, 2) parameter.

    Accepted: ``'uniform'``, ``'normal'``, a name in :data:`POSITIONS`, a tuple
    ``(x, y)`` of numbers in [0, 1] or StochasticParameters, or one
    StochasticParameter that draws ``(N, 2)`` arrays.
    """
    if isinstance(value, iap.StochasticParameter):
        return value
    accepted = ("'uniform', 'normal', one of " + ", ".join(repr(p) for p in POSITIONS)
                + ", a tuple (x, y) of numbers in [0, 1] or StochasticParameters, or a "
                "StochasticParameter")
    if isinstance(value, str):
        if value == "uniform":
            return (iap.Uniform(0.0, 1.0), iap.Uniform(0.0, 1.0))
        if value == "normal":
            return (iap.Clip(iap.Normal(0.5, 0.45 / 2), 0.0, 1.0),
                    iap.Clip(iap.Normal(0.5, 0.45 / 2), 0.0, 1.0))
        if value in POSITIONS:
            x, y = POSITIONS[value]
            return (iap.Deterministic(x), iap.Deterministic(y))
        raise ParameterError(f"{name}: expected {accepted}, got {describe(value)}")
    if isinstance(value, tuple) and len(value) == 2:
        out = []
        for item in value:
            if isinstance(item, iap.StochasticParameter):
                out.append(item)
            elif (isinstance(item, numbers.Real) and not isinstance(item, bool)
                  and 0.0 <= item <= 1.0):
                out.append(iap.Deterministic(float(item)))
            else:
                raise ParameterError(f"{name}: expected {accepted}, got {describe(value)}")
        return tuple(out)
    raise ParameterTypeError(f"{name}: expected {accepted}, got {describe(value)}")


def draw_position_one(position: Any, rng: np.random.Generator) -> tuple[float, float]:
    """:func:`draw_positions` for one row, as Python floats (same draws)."""
    if isinstance(position, tuple):
        x = float(draw(position[0], 1, rng)[0])
        y = float(draw(position[1], 1, rng)[0])
    else:
        both = np.asarray(position.draw_samples((1, 2), random_state=rng), dtype=np.float64)
        x, y = float(both[0, 0]), float(both[0, 1])
    # min/max like np.clip, NaN included (np.clip keeps NaN; so does this order)
    return (x if 0.0 <= x <= 1.0 else (0.0 if x < 0.0 else 1.0 if x > 1.0 else x),
            y if 0.0 <= y <= 1.0 else (0.0 if y < 0.0 else 1.0 if y > 1.0 else y))


def draw_positions(position: Any, n: int, rng: np.random.Generator
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Draw ``(xs, ys)`` fractions in [0, 1] for *n* rows from a handled position."""
    if isinstance(position, tuple):
        xs = draw(position[0], n, rng)
        ys = draw(position[1], n, rng)
    else:
        both = np.asarray(position.draw_samples((n, 2), random_state=rng))
        xs, ys = both[:, 0], both[:, 1]
    return (np.clip(xs.astype(np.float64), 0.0, 1.0), np.clip(ys.astype(np.float64), 0.0, 1.0))
