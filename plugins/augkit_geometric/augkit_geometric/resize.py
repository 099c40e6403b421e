"""Resize and KeepSizeByResize: resizing to sizes or fractions, and back to the input size."""

from __future__ import annotations

import numbers
from typing import Any

import cv2
import numpy as np

from augkit import ParameterError, ParameterTypeError
from augkit import parameters as iap
from augkit.extend import (
    INTERPOLATIONS,
    ViewAugmenter,
    as_augmenter_list,
    describe,
    interpolation_flag,
    resize_to,
)
from augkit_geometric._bases import CropPadAugmenter, fixed_param, make_params

_KEEP = "keep"
_KAR = "keep-aspect-ratio"
_SIZE_FORMS = ("'keep', a number > 0 (int: pixels, float: fraction), a tuple (a, b), a list "
               "of ints or of floats, a StochasticParameter, or a dict with keys 'height'/"
               "'width' or 'shorter-side'/'longer-side' (values as above or "
               "'keep-aspect-ratio')")


def _positive_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and value > 0


def _size_entry(value: Any, name: str) -> Any:
    """One axis (or both) of ``size`` → ``'keep'`` or a StochasticParameter."""
    if isinstance(value, iap.StochasticParameter):
        return value
    if isinstance(value, str) and value == _KEEP:
        return _KEEP
    error = ParameterError(f"{name}: expected {_SIZE_FORMS}, got {describe(value)}")
    if _positive_number(value):
        if isinstance(value, numbers.Integral):
            return iap.Deterministic(int(value))
        return iap.Deterministic(float(value))
    if isinstance(value, tuple):
        if len(value) != 2 or not all(_positive_number(v) for v in value):
            raise error
        if any(not isinstance(v, numbers.Integral) for v in value):
            return iap.Uniform(float(value[0]), float(value[1]))
        return iap.DiscreteUniform(int(value[0]), int(value[1]))
    if isinstance(value, list):
        if not value or not all(_positive_number(v) for v in value):
            raise error
        ints = all(isinstance(v, numbers.Integral) for v in value)
        floats = not any(isinstance(v, numbers.Integral) for v in value)
        if not (ints or floats):
            raise ParameterError(f"{name}: a list must hold only ints (pixels) or only "
                                 f"floats (fractions), got {describe(value)}")
        return iap.Choice([int(v) if ints else float(v) for v in value])
    if isinstance(value, (numbers.Real, tuple, list)):
        raise error
    raise ParameterTypeError(f"{name}: expected {_SIZE_FORMS}, got {describe(value)}")


def _handle_size(size: Any) -> tuple[str, Any, Any]:
    """``size`` → (order, first, second); order 'both', 'HW' or 'SL'."""
    if isinstance(size, dict):
        keys = set(size)
        if not keys:
            return "both", _KEEP, None
        if keys <= {"height", "width"}:
            order, names = "HW", ("height", "width")
        elif keys <= {"shorter-side", "longer-side"}:
            order, names = "SL", ("shorter-side", "longer-side")
        else:
            raise ParameterError(
                f"size: a dict takes the keys 'height' and/or 'width', or 'shorter-side' "
                f"and/or 'longer-side'; got keys {sorted(keys)}"
            )
        entries = []
        for key in names:
            value = size.get(key, _KEEP)
            entries.append(_KAR if isinstance(value, str) and value == _KAR
                           else _size_entry(value, f"size[{key!r}]"))
        if entries[0] == _KAR and entries[1] == _KAR:
            raise ParameterError("size: at most one side may be 'keep-aspect-ratio'")
        return order, entries[0], entries[1]
    return "both", _size_entry(size, "size"), None


#: What an ``interpolation`` argument takes: a name or an OpenCV flag.
_INTERPOLATION_OPTIONS = (*INTERPOLATIONS, cv2.INTER_NEAREST, cv2.INTER_NEAREST_EXACT,
                          cv2.INTER_LINEAR, cv2.INTER_AREA, cv2.INTER_CUBIC, cv2.INTER_LANCZOS4)


def _handle_interpolation(value: Any, name: str) -> iap.StochasticParameter:
    return iap.handle_choice_param(value, name, _INTERPOLATION_OPTIONS,
                                   all_options=tuple(INTERPOLATIONS))


def _draw_flags(param: iap.StochasticParameter, n: int, rng: np.random.Generator,
                name: str) -> list[int]:
    return [interpolation_flag(v, argument=name) for v in iap.draw(param, n, rng).tolist()]


def _resolve(values: np.ndarray, base: np.ndarray) -> np.ndarray:
    """Drawn sizes → pixels: integer values are pixels, floats fractions of *base*."""
    values = np.asarray(values)
    if values.dtype.kind in "iu":
        return values.astype(np.int64)
    return np.rint(values.astype(np.float64) * base).astype(np.int64)


class Resize(CropPadAugmenter):
    """Resize images to given sizes or by fractions, with everything on them.

    Parameters
    ----------
    size : 'keep' or int or float or tuple of (number, number) or list of number or \
StochasticParameter or dict
        The new size. An int is the new height and width in pixels; a float a
        fraction of the current size; ``(a, b)`` draws from ``[a..b]`` (ints) or
        ``[a, b]`` (floats); a list picks one value; a StochasticParameter is drawn
        once per image (integer samples: pixels, float samples: fractions). A dict
        ``{"height": ..., "width": ...}`` gives each side (either missing means
        ``'keep'``), ``{"shorter-side": ..., "longer-side": ...}`` the sides by
        length; one side may be ``'keep-aspect-ratio'``.
    interpolation : {'nearest', 'linear', 'area', 'cubic'} or int or list or \
augkit.ALL or StochasticParameter, optional
        Image interpolation (names or ``cv2.INTER_*`` flags), drawn per image.
        Heatmaps always use linear, segmentation maps nearest interpolation.
    <seed and name>

    <supported data>

    Notes
    -----
    Sizes are at least 1 pixel. Maps smaller than their image keep their relative
    resolution. For the dtype table see :func:`augkit.imresize_single_image`
    (integers are clipped, never wrapped; non-native dtypes go through a wider one).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.zeros((4, 8, 3), dtype=np.uint8)
    >>> Resize(0.5)(image=img).shape
    (2, 4, 3)
    >>> Resize({"height": 8, "width": "keep-aspect-ratio"})(image=img).shape
    (8, 16, 3)
    >>> Resize({"shorter-side": 2, "longer-side": "keep-aspect-ratio"})(image=img).shape
    (2, 4, 3)
    """

    aliases = ("Scale",)
    imgaug_parameters = ("size", "interpolation", "size_order")
    examples = (
        {"size": 32},
        {"size": (0.5, 1.5), "interpolation": ["nearest", "linear"]},
        {"size": {"height": (16, 48), "width": "keep-aspect-ratio"}, "interpolation": "ALL"},
    )
    keypoint_tolerance = 1.5  # a dot resampled by cubic interpolation spreads sub-pixel
    fusable = True  # sample reads the row shapes only

    def __init__(self, size: Any, interpolation: Any = "cubic", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._order, self._first, self._second = _handle_size(size)
        self.size = size
        self.interpolation = _handle_interpolation(interpolation, "interpolation")

    @property
    def size_order(self) -> str:
        """imgaug's ``size_order``: ``'SL'`` for shorter/longer-side sizes, else ``'HW'``."""
        return "SL" if self._order == "SL" else "HW"

    def _draw_axis(self, entry: Any, n: int, rng: np.random.Generator) -> Any:
        if isinstance(entry, str):
            return entry
        return iap.draw(entry, n, rng)

    def _sampling_is_fixed(self) -> bool:
        return (fixed_param(self._first) and fixed_param(self._second)
                and fixed_param(self.interpolation))

    def _sample(self, rows, rng):
        n = rows.nb_rows
        hw = np.array([s[:2] for s in rows.shapes], dtype=np.int64).reshape(n, 2)
        first = self._draw_axis(self._first, n, rng)
        second = first if self._order == "both" else self._draw_axis(self._second, n, rng)
        if self._order == "SL":
            short_is_h = hw[:, 0] <= hw[:, 1]
            bases = np.stack([np.where(short_is_h, hw[:, 0], hw[:, 1]),
                              np.where(short_is_h, hw[:, 1], hw[:, 0])], axis=1)
        else:
            bases = hw
        out = bases.copy()
        for axis, entry in enumerate((first, second)):
            if not isinstance(entry, str):
                out[:, axis] = _resolve(entry, bases[:, axis])
        for axis, entry in enumerate((first, second)):
            if isinstance(entry, str) and entry == _KAR:
                other = 1 - axis
                out[:, axis] = np.rint(bases[:, axis] * out[:, other]
                                       / np.maximum(bases[:, other], 1)).astype(np.int64)
        if self._order == "SL":
            out = np.stack([np.where(short_is_h, out[:, 0], out[:, 1]),
                            np.where(short_is_h, out[:, 1], out[:, 0])], axis=1)
        sizes = np.maximum(out, 1)
        zeros = np.zeros((n, 4), dtype=np.int64)
        flags = _draw_flags(self.interpolation, n, rng, "interpolation")
        return make_params(zeros, zeros.copy(), rows.shapes, sizes=sizes, flags=flags)


class KeepSizeByResize(ViewAugmenter):
    """Run child augmenters, then resize every result back to its input size.

    Parameters
    ----------
    children : Augmenter or list of Augmenter
        Augmenters that may change the image size (e.g. ``Crop(keep_size=False)``).
    interpolation : {'nearest', 'linear', 'area', 'cubic'} or int or list or \
augkit.ALL or StochasticParameter or 'NO_RESIZE', optional
        Interpolation of the images, drawn per image; ``'NO_RESIZE'`` leaves images
        at the children's size.
    interpolation_heatmaps : same as *interpolation* or 'SAME_AS_IMAGES', optional
        Interpolation of heatmaps (default: the one drawn for the row's image);
        results are clipped to [0, 1].
    interpolation_segmaps : 'nearest' or 'NO_RESIZE', optional
        Segmentation maps are resized with nearest-neighbour only (class ids are
        never interpolated).

    Supported data: every kind its children support.

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = KeepSizeByResize(augkit.get("Crop", px=2, keep_size=False))
    >>> aug(image=np.zeros((10, 12, 3), dtype=np.uint8)).shape
    (10, 12, 3)
    """

    NO_RESIZE = "NO_RESIZE"
    SAME_AS_IMAGES = "SAME_AS_IMAGES"
    # children whose output does not depend on their random draws, so that the kit's
    # reproducibility checks hold although one child instance serves several parents
    imgaug_parameters = ("interpolation", "interpolation_heatmaps")
    examples = (
        {"children": []},
        {"children": [Resize({"height": 20, "width": 30})]},
        {"children": [Resize(0.5, interpolation="nearest")],
         "interpolation": ["linear", "nearest"], "interpolation_heatmaps": "linear"},
    )

    def __init__(self, children: Any, interpolation: Any = "cubic",
                 interpolation_heatmaps: Any = SAME_AS_IMAGES,
                 interpolation_segmaps: Any = "nearest", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.children = as_augmenter_list(children, "children")
        self.interpolation = self._handle(interpolation, "interpolation", same_ok=False)
        self.interpolation_heatmaps = self._handle(interpolation_heatmaps,
                                                   "interpolation_heatmaps", same_ok=True)
        if interpolation_segmaps not in ("nearest", self.NO_RESIZE) and not (
                isinstance(interpolation_segmaps, int)
                and interpolation_flag(interpolation_segmaps) in (INTERPOLATIONS["nearest"],
                                                                   cv2.INTER_NEAREST)):
            raise ParameterError(
                f"interpolation_segmaps: expected 'nearest' or 'NO_RESIZE' (class ids are "
                f"never interpolated), got {describe(interpolation_segmaps)}"
            )
        self.interpolation_segmaps = interpolation_segmaps

    def _handle(self, value: Any, name: str, same_ok: bool) -> Any:
        if isinstance(value, str) and value == self.NO_RESIZE:
            return value
        if same_ok and isinstance(value, str) and value == self.SAME_AS_IMAGES:
            return value
        return _handle_interpolation(value, name)

    children_keep_size = False

    def sample_view(self, rows, rng):
        n = rows.nb_rows
        images = (None if isinstance(self.interpolation, str)
                  else _draw_flags(self.interpolation, n, rng, "interpolation"))
        if isinstance(self.interpolation_heatmaps, str):
            heatmaps = (None if self.interpolation_heatmaps == self.NO_RESIZE
                        else images if images is not None
                        else [INTERPOLATIONS["cubic"]] * n)
        else:
            heatmaps = _draw_flags(self.interpolation_heatmaps, n, rng,
                                   "interpolation_heatmaps")
        return images, heatmaps

    def to_view(self, rows, view_params):
        return rows

    def from_view(self, rows, view, view_params):
        """Resize what the children returned back to the input sizes."""
        return self._resize_back(rows, view, *view_params)

    def _resize_back(self, before, after, image_flags, heatmap_flags):
        data = {}
        shapes_in = before.shapes
        shapes = list(after.shapes)
        for kind, items in after.data.items():
            old_items = before.data[kind]
            if kind.category == "image":
                if image_flags is None:
                    data[kind] = items
                    continue
                data[kind] = [
                    resize_to(img, tuple(old.shape[:2]), image_flags[i])
                    if img.shape[:2] != old.shape[:2] else img
                    for i, (img, old) in enumerate(zip(items, old_items))
                ]
                shapes = [tuple(s_in[:2]) + tuple(s_out[2:])
                          for s_in, s_out in zip(shapes_in, after.shapes)]
            elif kind.category == "map":
                segmap = getattr(kind, "interpolation", "linear") == "nearest"
                if (self.interpolation_segmaps if segmap else heatmap_flags) in (
                        None, self.NO_RESIZE):
                    data[kind] = items
                    continue
                resized = []
                for i, (item, old) in enumerate(zip(items, old_items)):
                    arr, old_arr = kind.get_arr(item), kind.get_arr(old)
                    if arr.shape[:2] != old_arr.shape[:2]:
                        flag = INTERPOLATIONS["nearest"] if segmap else heatmap_flags[i]
                        arr = resize_to(arr, tuple(old_arr.shape[:2]), flag)
                        if not segmap and arr.dtype.kind == "f":
                            np.clip(arr, 0.0, 1.0, out=arr)
                    resized.append(kind.with_arr(item, arr, tuple(shapes_in[i][:2])
                                                 + tuple(after.shapes[i][2:])))
                data[kind] = resized
            else:
                if image_flags is None:
                    data[kind] = items
                    continue
                moved = []
                for i, item in enumerate(items):
                    xy = np.array(kind.to_xy(item), dtype=np.float32, copy=True)
                    (h_in, w_in), (h_out, w_out) = shapes_in[i][:2], after.shapes[i][:2]
                    if len(xy):
                        xy[:, 0] *= w_in / w_out
                        xy[:, 1] *= h_in / h_out
                    moved.append(kind.from_xy(item, xy, tuple(shapes_in[i][:2])
                                              + tuple(after.shapes[i][2:])))
                data[kind] = moved
        if image_flags is not None:
            shapes = [tuple(s_in[:2]) + tuple(s_out[2:])
                      for s_in, s_out in zip(shapes_in, after.shapes)]
        return after.replace(data, shapes)


AUGMENTERS = (Resize, KeepSizeByResize)
