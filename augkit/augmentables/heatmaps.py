"""Heatmaps: float maps (one or more channels) with a declared value range.

Values are stored normalised to [0, 1] as a float32 ``(h, w, C)`` array
(:attr:`HeatmapsOnImage.arr_0to1`); :meth:`HeatmapsOnImage.get_arr` gives them back in
the user's range and number of dimensions. Augmenters resample heatmaps with linear
interpolation and fill new pixels with the lowest value.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit.augmentables._maps import MapOnImage, check_map_array
from augkit.augmentables._utils import (
    ShapeLike,
    normalize_shape,
    pool_hwc,
    resize_hwc,
    resolve_size,
    unknown_choice,
)
from augkit.errors import InputError, ParameterError, describe

_FLOAT = "f"


def _check_range(min_value: Any, max_value: Any) -> tuple[float, float]:
    try:
        lo, hi = float(min_value), float(max_value)
    except (TypeError, ValueError):
        raise ParameterError(
            f"min_value, max_value: expected numbers, got {describe(min_value)}, "
            f"{describe(max_value)}"
        ) from None
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise ParameterError(
            f"min_value, max_value: expected finite numbers with min_value < max_value, "
            f"got {describe(min_value)}, {describe(max_value)}"
        )
    return lo, hi


def _colormap(cmap: Any) -> int | None:
    """Return the OpenCV colormap flag of *cmap*, or None for grayscale."""
    if cmap is None or cmap in ("gray", "grey"):
        return None
    import cv2

    names = {name[len("COLORMAP_"):].lower(): getattr(cv2, name)
             for name in dir(cv2) if name.startswith("COLORMAP_")}
    if isinstance(cmap, str) and cmap.lower() in names:
        return names[cmap.lower()]
    if isinstance(cmap, (int, np.integer)) and int(cmap) in names.values():
        return int(cmap)
    raise unknown_choice("cmap", cmap, sorted(names) + ["gray"])


def _colorize(values: np.ndarray, flag: int | None) -> np.ndarray:
    """Turn an ``(h, w)`` array in [0, 1] into an RGB uint8 image."""
    gray = np.clip(np.round(values * 255), 0, 255).astype(np.uint8)
    if flag is None:
        return np.repeat(gray[:, :, None], 3, axis=2)
    import cv2

    return np.ascontiguousarray(cv2.applyColorMap(gray, flag)[:, :, ::-1])


class HeatmapsOnImage(MapOnImage):
    """Float heatmaps belonging to one image.

    Parameters
    ----------
    arr : ndarray of shape (h, w) or (h, w, C)
        Float values in ``[min_value, max_value]``; the map may be smaller or larger
        than the image.
    shape : tuple of int or ndarray
        Shape ``(H, W)`` or ``(H, W, C)`` of the image the heatmaps belong to, or the image.
    min_value, max_value : float
        The value range of *arr*.

    Attributes
    ----------
    arr_0to1 : ndarray of shape (h, w, C)
        float32 values normalised to [0, 1].
    shape : tuple of int
        The image shape.

    Raises
    ------
    InputError
        If *arr* is not a float array, holds NaN, or has values outside the range.

    Examples
    --------
    >>> import numpy as np
    >>> hm = HeatmapsOnImage(np.full((4, 4), 5.0, dtype=np.float32), shape=(8, 8, 3),
    ...                      min_value=0.0, max_value=10.0)
    >>> float(hm.arr_0to1[0, 0, 0]), hm.get_arr().shape
    (0.5, (4, 4))
    >>> hm.resize((8, 8)).get_arr().shape
    (8, 8)
    """

    _arr_name = "arr_0to1"
    _resize_self = "heatmaps"
    _default_interpolation = "cubic"

    def __init__(self, arr: np.ndarray, shape: ShapeLike, min_value: float = 0.0,
                 max_value: float = 1.0) -> None:
        arr = check_map_array(arr, "HeatmapsOnImage", _FLOAT, "float heatmap values")
        lo, hi = _check_range(min_value, max_value)
        if np.isnan(arr).any():
            raise InputError("HeatmapsOnImage: arr contains NaN values")
        found_lo, found_hi = float(arr.min()), float(arr.max())
        # values rounded to the array's precision may sit a hair outside the range
        precision = float(np.finfo(arr.dtype).eps) * max(abs(lo), abs(hi), 1.0)
        tolerance = max(1e-6 * (hi - lo), 4 * precision)
        if found_lo < lo - tolerance or found_hi > hi + tolerance:
            raise InputError(
                f"HeatmapsOnImage: arr has values in [{found_lo:g}, {found_hi:g}], outside "
                f"[min_value, max_value] = [{lo:g}, {hi:g}]; pass the range of your data as "
                "min_value and max_value"
            )
        normalised = (arr.astype(np.float64) - lo) / (hi - lo) if (lo, hi) != (0.0, 1.0) else arr
        self.arr_0to1 = np.clip(normalised, 0.0, 1.0).astype(np.float32).reshape(
            arr.shape[0], arr.shape[1], -1)
        self.arr_was_2d = arr.ndim == 2
        self.min_value, self.max_value = lo, hi
        self.shape = normalize_shape(shape)

    @classmethod
    def _from_internal(cls, arr_0to1: np.ndarray, shape: tuple[int, ...], min_value: float,
                       max_value: float, arr_was_2d: bool) -> HeatmapsOnImage:
        """Build without validation from a float32 ``(h, w, C)`` array in [0, 1]."""
        obj = cls.__new__(cls)
        obj.arr_0to1 = arr_0to1
        obj.shape = shape
        obj.min_value, obj.max_value = min_value, max_value
        obj.arr_was_2d = arr_was_2d
        return obj

    def _replace(self, arr: np.ndarray, shape: tuple[int, ...] | None = None) -> HeatmapsOnImage:
        return HeatmapsOnImage._from_internal(
            arr, self.shape if shape is None else shape, self.min_value, self.max_value,
            self.arr_was_2d)

    def _from_resampled(self, arr: np.ndarray) -> np.ndarray:
        return np.clip(arr, 0.0, 1.0).astype(np.float32, copy=False)

    def _internal_cval(self, cval: Any) -> float:
        if cval is None:
            return 0.0
        try:
            value = float(cval)
        except (TypeError, ValueError):
            raise ParameterError(f"cval: expected a number, got {describe(cval)}") from None
        return float(np.clip((value - self.min_value) / (self.max_value - self.min_value), 0, 1))

    def _repr_extra(self) -> str:
        return f", min_value={self.min_value:g}, max_value={self.max_value:g}"

    def resize(self, sizes: Any, interpolation: Any = "cubic") -> HeatmapsOnImage:
        """Return the map resampled to a new resolution (the image shape is unchanged).

        Parameters
        ----------
        sizes : float, int or tuple
            A float is a factor; an int gives both sides in pixels; a pair
            ``(height, width)`` mixes pixels (int), factors (float) and None (keep).
        interpolation : {'nearest', 'linear', 'area', 'cubic'} or cv2 flag
            How to resample, values are clipped to the range afterwards.
        """
        return super().resize(sizes, interpolation)

    def get_arr(self) -> np.ndarray:
        """Return the values in the user's range, as a new float32 array.

        Returns
        -------
        ndarray of shape (h, w) or (h, w, C)
            2-D when the heatmaps were given as 2-D (and still have one channel).
        """
        arr = self.arr_0to1
        if (self.min_value, self.max_value) != (0.0, 1.0):
            arr = (arr.astype(np.float64) * (self.max_value - self.min_value)
                   + self.min_value).astype(np.float32)
        else:
            arr = arr.copy()
        if self.arr_was_2d and arr.shape[2] == 1:
            return arr[:, :, 0]
        return arr

    def to_uint8(self) -> np.ndarray:
        """Return the normalised values scaled to uint8 0..255 (the user's dimensions)."""
        arr = np.clip(np.round(self.arr_0to1 * 255), 0, 255).astype(np.uint8)
        if self.arr_was_2d and arr.shape[2] == 1:
            return arr[:, :, 0]
        return arr

    @classmethod
    def from_uint8(cls, arr_uint8: np.ndarray, shape: ShapeLike, min_value: float = 0.0,
                   max_value: float = 1.0) -> HeatmapsOnImage:
        """Build from uint8 values, where 0 means *min_value* and 255 *max_value*."""
        arr = check_map_array(arr_uint8, "arr_uint8", "u", "uint8 heatmap values")
        return cls.from_0to1(arr.astype(np.float32) / 255.0, shape, min_value, max_value)

    @classmethod
    def from_0to1(cls, arr_0to1: np.ndarray, shape: ShapeLike, min_value: float = 0.0,
                  max_value: float = 1.0) -> HeatmapsOnImage:
        """Build from values in [0, 1] that stand for ``[min_value, max_value]``."""
        heatmaps = cls(arr_0to1, shape)
        heatmaps.min_value, heatmaps.max_value = _check_range(min_value, max_value)
        return heatmaps

    @classmethod
    def change_normalization(cls, arr: np.ndarray, source: Any, target: Any) -> np.ndarray:
        """Map *arr* linearly from the value range *source* to *target*.

        Parameters
        ----------
        arr : ndarray
            Float values.
        source, target : tuple of float or HeatmapsOnImage
            ``(min_value, max_value)`` ranges (a heatmap stands for its own range).
        """
        def as_range(value: Any, argname: str) -> tuple[float, float]:
            if isinstance(value, HeatmapsOnImage):
                return value.min_value, value.max_value
            if isinstance(value, (tuple, list)) and len(value) == 2:
                return _check_range(*value)
            raise ParameterError(
                f"{argname}: expected (min_value, max_value) or a HeatmapsOnImage, got "
                f"{describe(value)}"
            )

        (s_lo, s_hi), (t_lo, t_hi) = as_range(source, "source"), as_range(target, "target")
        values = np.asarray(arr)
        return ((values - s_lo) / (s_hi - s_lo) * (t_hi - t_lo) + t_lo).astype(
            values.dtype if values.dtype.kind == "f" else np.float32)

    def invert(self) -> HeatmapsOnImage:
        """Return heatmaps with high and low values swapped (``1 - arr_0to1``)."""
        return self._replace(1.0 - self.arr_0to1)

    def avg_pool(self, block_size: Any) -> HeatmapsOnImage:
        """Return the heatmaps average-pooled over ``block_size`` (int or (h, w)) blocks."""
        return self._replace(pool_hwc(self.arr_0to1, block_size, "avg"))

    def max_pool(self, block_size: Any) -> HeatmapsOnImage:
        """Return the heatmaps max-pooled over ``block_size`` (int or (h, w)) blocks."""
        return self._replace(pool_hwc(self.arr_0to1, block_size, "max"))

    def draw(self, size: Any = None, cmap: Any = "jet") -> list[np.ndarray]:
        """Return one RGB uint8 image per channel, coloured with *cmap*.

        Parameters
        ----------
        size : float, int or tuple, optional
            Resize the heatmaps first (see :meth:`resize`); default: their own size.
        cmap : str, int or None
            An OpenCV colormap name ('jet', 'viridis', 'hot', ...) or flag; None or
            'gray' gives grayscale.

        Returns
        -------
        list of ndarray of shape (h, w, 3)
        """
        flag = _colormap(cmap)
        arr = self.arr_0to1
        if size is not None:
            hw = resolve_size(size, arr.shape[:2], "size")
            arr = np.clip(resize_hwc(arr, hw, "cubic"), 0.0, 1.0)
        return [_colorize(arr[:, :, c], flag) for c in range(arr.shape[2])]

    def draw_on_image(self, image: np.ndarray, alpha: float = 0.75, cmap: Any = "jet",
                      resize: str = "heatmaps") -> list[np.ndarray]:
        """Blend the drawn heatmaps into *image*, one result per channel.

        Parameters
        ----------
        image : ndarray of shape (H, W, 3), (H, W, 1) or (H, W)
            A uint8 image.
        alpha : float
            Opacity of the heatmaps in [0, 1].
        cmap : str, int or None
            See :meth:`draw`.
        resize : {'heatmaps', 'image'}
            Resize the heatmaps to the image, or the image to the heatmaps.

        Returns
        -------
        list of ndarray of shape (H, W, 3)
            uint8 images.
        """
        flag = _colormap(cmap)

        def draw(hw: tuple[int, int] | None) -> list:
            arr = self.arr_0to1
            if hw is not None:
                arr = np.clip(resize_hwc(arr, hw, "cubic"), 0.0, 1.0)
            return [(_colorize(arr[:, :, c], flag), None) for c in range(arr.shape[2])]

        return self._blend_drawings(image, alpha, resize, draw)
