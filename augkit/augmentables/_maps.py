"""What heatmaps and segmentation maps share: an ``(h, w, C)`` array on an image.

A map has its own resolution ``(h, w)``, possibly different from the image's ``shape``;
resizing or padding a map changes the map, never the image shape it belongs to.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np

from augkit.augmentables._utils import (
    aspect_ratio_paddings,
    pad_hwc,
    resize_hwc,
    resolve_size,
    unknown_choice,
)
from augkit.errors import InputError, describe


def check_map_array(arr: Any, owner: str, kinds: str, expected: str) -> np.ndarray:
    """Validate a map array of 2 or 3 dims with no zero-size axis and a dtype in *kinds*."""
    if not isinstance(arr, np.ndarray):
        raise InputError(f"{owner}: expected {expected} as a numpy array, got {describe(arr)}")
    if arr.ndim not in (2, 3):
        raise InputError(
            f"{owner}: expected an array of shape (h, w) or (h, w, C), got shape {arr.shape}"
        )
    if 0 in arr.shape:
        raise InputError(f"{owner}: zero-size array of shape {arr.shape}")
    if arr.dtype.kind not in kinds:
        raise InputError(f"{owner}: expected {expected}, got an array of dtype {arr.dtype}")
    return arr


def uint8_rgb(image: Any, argname: str = "image") -> np.ndarray:
    """Validate an image to draw maps on: uint8, ``(H, W)``, ``(H, W, 1)`` or ``(H, W, 3)``.

    Returns an ``(H, W, 3)`` array (grayscale is repeated to three channels).
    """
    from augkit.augmentables.images import check_image

    canvas = check_image(image, argname)
    if canvas.dtype != np.uint8:
        raise InputError(f"{argname}: expected a uint8 image to draw on, got dtype {canvas.dtype}")
    if canvas.shape[2] == 1:
        return np.repeat(canvas, 3, axis=2)
    if canvas.shape[2] != 3:
        raise InputError(
            f"{argname}: expected an RGB image (H, W, 3) or grayscale, got shape {canvas.shape}"
        )
    return canvas


class MapOnImage:
    """Base of ``HeatmapsOnImage`` and ``SegmentationMapsOnImage``.

    Subclasses store their ``(h, w, C)`` array in the attribute named :attr:`_arr_name`
    and implement :meth:`_replace` and :meth:`_internal_cval`.
    """

    _arr_name: ClassVar[str]
    #: The ``resize=`` value of ``draw_on_image`` that resizes the map (not the image).
    _resize_self: ClassVar[str]
    #: Interpolation of :meth:`resize` when none is given.
    _default_interpolation: ClassVar[str] = "nearest"
    shape: tuple[int, ...]

    def _internal(self) -> np.ndarray:
        return getattr(self, self._arr_name)

    def _replace(self, arr: np.ndarray, shape: tuple[int, ...] | None = None) -> Any:
        """Return a map like *self* holding the internal ``(h, w, C)`` array *arr*."""
        raise NotImplementedError

    def _internal_cval(self, cval: Any) -> Any:
        """Convert a user fill value to the internal representation."""
        raise NotImplementedError

    @property
    def map_shape(self) -> tuple[int, int, int]:
        """tuple of int: ``(h, w, C)`` of the internal array."""
        return tuple(self._internal().shape)

    def resize(self, sizes: Any, interpolation: Any = None) -> Any:
        """Return the map resampled to a new resolution (the image shape is unchanged).

        Parameters
        ----------
        sizes : float, int or tuple
            A float is a factor; an int gives both sides in pixels; a pair
            ``(height, width)`` mixes pixels (int), factors (float) and None (keep).
        interpolation : {'nearest', 'linear', 'area', 'cubic'} or cv2 flag, optional
            Defaults to the map type's own (cubic for heatmaps, nearest for
            segmentation maps).
        """
        arr = self._internal()
        hw = resolve_size(sizes, arr.shape[:2])
        method = self._default_interpolation if interpolation is None else interpolation
        return self._replace(self._from_resampled(resize_hwc(arr, hw, method)))

    def _from_resampled(self, arr: np.ndarray) -> np.ndarray:
        """Bring a resampled internal array back into range and dtype."""
        return arr

    def scale(self, *args: Any, **kwargs: Any) -> Any:
        """Deprecated name of :meth:`resize` (imgaug < 0.4)."""
        warnings.warn(f"{type(self).__name__}.scale() is deprecated; use resize()",
                      DeprecationWarning, stacklevel=2)
        return self.resize(*args, **kwargs)

    def pad(self, top: int = 0, right: int = 0, bottom: int = 0, left: int = 0,
            mode: str = "constant", cval: Any = None) -> Any:
        """Return the map padded on its sides (the image shape is unchanged).

        Parameters
        ----------
        top, right, bottom, left : int
            Pixels to add on each side.
        mode : str
            A ``numpy.pad`` mode: 'constant', 'edge', 'reflect', 'symmetric', 'wrap', ...
        cval : number, optional
            The fill value of mode 'constant', in the map's own values (default: the
            lowest value for heatmaps, class 0 for segmentation maps).
        """
        padded = pad_hwc(self._internal(), top, right, bottom, left, mode,
                         self._internal_cval(cval))
        return self._replace(padded)

    def pad_to_aspect_ratio(self, aspect_ratio: float, mode: str = "constant", cval: Any = None,
                            return_pad_amounts: bool = False) -> Any:
        """Pad the map on one axis until ``width / height == aspect_ratio``.

        Returns
        -------
        map or tuple
            The padded map, and with *return_pad_amounts* also ``(top, right, bottom, left)``.
        """
        amounts = aspect_ratio_paddings(self._internal().shape[:2], aspect_ratio)
        result = self.pad(*amounts, mode=mode, cval=cval)
        return (result, amounts) if return_pad_amounts else result

    def _blend_drawings(
        self,
        image: Any,
        alpha: float,
        resize: str,
        draw: Callable[[tuple[int, int] | None], list[tuple[np.ndarray, np.ndarray | None]]],
    ) -> list[np.ndarray]:
        """Blend the drawings of each channel into *image*.

        *draw(size)* returns, per channel, an RGB uint8 drawing and an optional bool mask
        of the pixels to blend (None: all).
        """
        from augkit.augmentables._draw import check_alpha

        alpha = check_alpha(alpha)
        canvas = uint8_rgb(image)
        if resize == self._resize_self:
            drawings = draw(canvas.shape[:2])
        elif resize == "image":
            map_hw = self._internal().shape[:2]
            canvas = resize_hwc(canvas, map_hw, "cubic")
            canvas = np.clip(np.round(canvas), 0, 255).astype(np.uint8)
            drawings = draw(None)
        else:
            raise unknown_choice("resize", resize, (self._resize_self, "image"))
        results = []
        base = canvas.astype(np.float32)
        for drawing, mask in drawings:
            mixed = np.round(base * (1 - alpha) + drawing.astype(np.float32) * alpha)
            mixed = np.clip(mixed, 0, 255).astype(np.uint8)
            if mask is not None:
                mixed = np.where(mask[:, :, None], mixed, canvas)
            results.append(np.ascontiguousarray(mixed))
        return results

    def copy(self) -> Any:
        """Return a copy with its own array."""
        return self._replace(self._internal().copy())

    def deepcopy(self) -> Any:
        """Return a copy with its own array (same as :meth:`copy`)."""
        return self.copy()

    def __copy__(self) -> Any:
        return self.copy()

    def __deepcopy__(self, memo: dict) -> Any:
        return self.copy()

    def __repr__(self) -> str:
        arr = self._internal()
        return (f"{type(self).__name__}(map_shape={tuple(arr.shape)}, "
                f"shape={self.shape}{self._repr_extra()})")

    def _repr_extra(self) -> str:
        return ""

