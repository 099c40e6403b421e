"""Segmentation maps: integer class ids per pixel (one or more channels).

Ids are stored as an int32 ``(h, w, C)`` array (:attr:`SegmentationMapsOnImage.arr`);
:meth:`SegmentationMapsOnImage.get_arr` gives them back in the user's dtype and number
of dimensions. Augmenters resample segmentation maps with nearest-neighbour
interpolation only (class ids are never blended) and fill new pixels with class 0.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from augkit.augmentables._maps import MapOnImage, check_map_array
from augkit.augmentables._utils import ShapeLike, normalize_shape, resize_hwc, resolve_size
from augkit.errors import InputError, ParameterError, describe

_INT32_MAX = np.iinfo(np.int32).max


def segmentation_colors(nb_classes: int) -> np.ndarray:
    """Return the default palette: an ``(nb_classes, 3)`` uint8 array of RGB colours.

    Class 0 (background) is black; the others step around the hue circle by the golden
    angle, alternating brightness, so neighbouring ids look clearly different.
    """
    n = max(int(nb_classes), 1)
    ids = np.arange(1, n, dtype=np.float64)
    hue = (ids * 0.618033988749895) % 1.0
    sat = np.where((ids // 2) % 2 == 0, 0.9, 0.6)
    val = np.where(ids % 2 == 1, 1.0, 0.75)
    # HSV -> RGB, vectorised
    h6 = hue * 6.0
    sector = np.floor(h6).astype(int) % 6
    frac = h6 - np.floor(h6)
    p, q, t = val * (1 - sat), val * (1 - sat * frac), val * (1 - sat * (1 - frac))
    table = np.stack([
        np.stack([val, t, p], 1), np.stack([q, val, p], 1), np.stack([p, val, t], 1),
        np.stack([p, q, val], 1), np.stack([t, p, val], 1), np.stack([val, p, q], 1),
    ])
    rgb = table[sector, np.arange(len(ids))]
    colors = np.zeros((n, 3), dtype=np.uint8)
    colors[1:] = np.round(rgb * 255).astype(np.uint8)
    return colors


class SegmentationMapsOnImage(MapOnImage):
    """Class-id maps belonging to one image.

    Parameters
    ----------
    arr : ndarray of shape (h, w) or (h, w, C)
        Non-negative integer class ids (any int or uint dtype) or bool; the map may be
        smaller or larger than the image.
    shape : tuple of int or ndarray
        Shape ``(H, W)`` or ``(H, W, C)`` of the image the map belongs to, or the image.

    Attributes
    ----------
    arr : ndarray of shape (h, w, C)
        int32 class ids.
    shape : tuple of int
        The image shape.

    Raises
    ------
    InputError
        If *arr* is a float array (class ids must be integers) or holds negative ids.

    Examples
    --------
    >>> import numpy as np
    >>> ids = np.zeros((4, 6), dtype=np.uint8)
    >>> ids[1:3, 2:5] = 2
    >>> segmap = SegmentationMapsOnImage(ids, shape=(4, 6, 3))
    >>> segmap.arr.shape, segmap.get_arr().dtype
    ((4, 6, 1), dtype('uint8'))
    >>> segmap.resize((8, 12)).get_arr().shape
    (8, 12)
    """

    _arr_name = "arr"
    _resize_self = "segmentation_map"
    _default_interpolation = "nearest"

    def __init__(self, arr: np.ndarray, shape: ShapeLike, nb_classes: int | None = None) -> None:
        if nb_classes is not None:
            warnings.warn("SegmentationMapsOnImage: nb_classes is deprecated and ignored "
                          "(as in imgaug 0.4)", DeprecationWarning, stacklevel=2)
        if isinstance(arr, np.ndarray) and arr.dtype.kind == "f":
            raise InputError(
                f"SegmentationMapsOnImage: class ids must be integers, got a {arr.dtype} array; "
                "convert whole-number floats with arr.astype(np.int32)"
            )
        arr = check_map_array(arr, "SegmentationMapsOnImage", "biu",
                              "integer or bool class ids")
        if arr.dtype.kind != "b":
            lowest, highest = int(arr.min()), int(arr.max())
            if lowest < 0:
                raise InputError(
                    f"SegmentationMapsOnImage: class ids must be >= 0, got the id {lowest}"
                )
            if highest > _INT32_MAX:
                raise InputError(
                    f"SegmentationMapsOnImage: class ids must fit in int32, got the id {highest}"
                )
        self.arr = arr.astype(np.int32).reshape(arr.shape[0], arr.shape[1], -1)
        self.input_dtype = arr.dtype
        self.input_was_2d = arr.ndim == 2
        self.shape = normalize_shape(shape)

    @classmethod
    def _from_internal(cls, arr: np.ndarray, shape: tuple[int, ...], input_dtype: np.dtype,
                       input_was_2d: bool) -> SegmentationMapsOnImage:
        """Build without validation from an int32 ``(h, w, C)`` array."""
        obj = cls.__new__(cls)
        obj.arr = arr
        obj.shape = shape
        obj.input_dtype = input_dtype
        obj.input_was_2d = input_was_2d
        return obj

    def _replace(self, arr: np.ndarray,
                 shape: tuple[int, ...] | None = None) -> SegmentationMapsOnImage:
        if arr.dtype != np.int32:
            arr = arr.astype(np.int32)
        return SegmentationMapsOnImage._from_internal(
            arr, self.shape if shape is None else shape, self.input_dtype, self.input_was_2d)

    def _from_resampled(self, arr: np.ndarray) -> np.ndarray:
        if arr.dtype.kind == "f":  # a non-nearest interpolation was asked for
            return np.round(arr).astype(np.int32)
        return arr

    def _internal_cval(self, cval: Any) -> int:
        if cval is None:
            return 0
        if isinstance(cval, (bool, np.bool_)) or not isinstance(cval, (int, np.integer)) \
                or cval < 0:
            raise ParameterError(f"cval: expected a class id (an int >= 0), got {describe(cval)}")
        return int(cval)

    def resize(self, sizes: Any, interpolation: Any = "nearest") -> SegmentationMapsOnImage:
        """Return the map resampled to a new resolution (the image shape is unchanged).

        Parameters
        ----------
        sizes : float, int or tuple
            A float is a factor; an int gives both sides in pixels; a pair
            ``(height, width)`` mixes pixels (int), factors (float) and None (keep).
        interpolation : {'nearest', 'linear', 'area', 'cubic'} or cv2 flag
            How to resample; anything but 'nearest' would blend class ids.
        """
        return super().resize(sizes, interpolation)

    def get_arr(self) -> np.ndarray:
        """Return the class ids in the user's dtype, as a new array.

        Returns
        -------
        ndarray of shape (h, w) or (h, w, C)
            2-D when the map was given as 2-D (and still has one channel).
        """
        arr = self.arr
        if self.input_was_2d and arr.shape[2] == 1:
            arr = arr[:, :, 0]
        if self.input_dtype.kind == "b":
            return arr != 0
        return arr.astype(self.input_dtype, copy=True)

    def get_arr_int(self, *args: Any, **kwargs: Any) -> np.ndarray:
        """Deprecated name of :meth:`get_arr` (imgaug < 0.4); arguments are ignored."""
        warnings.warn("get_arr_int() is deprecated; use get_arr()", DeprecationWarning,
                      stacklevel=2)
        return self.get_arr()

    def copy(self, arr: np.ndarray | None = None,
             shape: ShapeLike | None = None) -> SegmentationMapsOnImage:
        """Return a copy with its own array, optionally with a new array or image shape.

        A new *arr* is read as in the constructor but keeps this map's input dtype and
        dimensionality for :meth:`get_arr` (as imgaug's).

        Examples
        --------
        >>> segmap = SegmentationMapsOnImage(np.zeros((2, 2), dtype=np.uint8), shape=(2, 2))
        >>> segmap.copy(arr=np.ones((2, 2), dtype=np.int64)).get_arr().dtype
        dtype('uint8')
        """
        new_shape = self.shape if shape is None else normalize_shape(shape)
        if arr is None:
            return self._replace(self.arr.copy(), new_shape)
        other = SegmentationMapsOnImage(arr, new_shape)
        return self._replace(other.arr, new_shape)

    def deepcopy(self, arr: np.ndarray | None = None,
                 shape: ShapeLike | None = None) -> SegmentationMapsOnImage:
        """Same as :meth:`copy` (the array is always copied)."""
        return self.copy(arr, shape)

    def _colors_for(self, colors: Any) -> np.ndarray:
        highest = int(self.arr.max())
        if colors is None:
            return segmentation_colors(highest + 1)
        try:
            palette = np.array(colors, dtype=np.float64)
        except (TypeError, ValueError):
            palette = None
        if palette is None or palette.ndim != 2 or palette.shape[1] != 3:
            raise ParameterError(
                f"colors: expected a list of RGB triples, one per class id, got {describe(colors)}"
            )
        if len(palette) <= highest:
            raise ParameterError(
                f"colors: got {len(palette)} colours, but the map holds class id {highest}"
            )
        return np.clip(np.round(palette), 0, 255).astype(np.uint8)

    def draw(self, size: Any = None, colors: Any = None) -> list[np.ndarray]:
        """Return one RGB uint8 image per channel, each class in its colour.

        Parameters
        ----------
        size : float, int or tuple, optional
            Resize (nearest neighbour) first; see :meth:`resize`.
        colors : sequence of RGB triples, optional
            Colour of each class id; default :func:`segmentation_colors` (class 0 black).

        Returns
        -------
        list of ndarray of shape (h, w, 3)
        """
        palette = self._colors_for(colors)
        arr = self.arr
        if size is not None:
            arr = resize_hwc(arr, resolve_size(size, arr.shape[:2], "size"), "nearest")
        return [palette[arr[:, :, c]] for c in range(arr.shape[2])]

    def draw_on_image(
        self,
        image: np.ndarray,
        alpha: float = 0.75,
        resize: str = "segmentation_map",
        colors: Any = None,
        draw_background: bool = False,
        background_class_id: int = 0,
        background_threshold: Any = None,
    ) -> list[np.ndarray]:
        """Blend the drawn map into *image*, one result per channel.

        Parameters
        ----------
        image : ndarray of shape (H, W, 3), (H, W, 1) or (H, W)
            A uint8 image.
        alpha : float
            Opacity of the class colours in [0, 1].
        resize : {'segmentation_map', 'image'}
            Resize the map to the image (nearest neighbour), or the image to the map.
        colors : sequence of RGB triples, optional
            See :meth:`draw`.
        draw_background : bool
            Also colour pixels of *background_class_id*; by default they keep the image.
        background_class_id : int
            The background class.
        background_threshold : None
            Accepted for compatibility with imgaug, where it was already ignored.

        Returns
        -------
        list of ndarray of shape (H, W, 3)
            uint8 images.
        """
        palette = self._colors_for(colors)

        def draw(hw: tuple[int, int] | None) -> list:
            arr = self.arr if hw is None else resize_hwc(self.arr, hw, "nearest")
            out = []
            for c in range(arr.shape[2]):
                ids = arr[:, :, c]
                mask = None if draw_background else ids != background_class_id
                out.append((palette[ids], mask))
            return out

        return self._blend_drawings(image, alpha, resize, draw)


class SegmentationMapOnImage(SegmentationMapsOnImage):
    """Deprecated name of :class:`SegmentationMapsOnImage` (imgaug < 0.4); warns when built.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     segmap = SegmentationMapOnImage(np.zeros((2, 2), dtype=np.int32), shape=(2, 2))
    >>> isinstance(segmap, SegmentationMapsOnImage)
    True
    """

    def __init__(self, arr: np.ndarray, shape: ShapeLike, nb_classes: int | None = None) -> None:
        warnings.warn("SegmentationMapOnImage is deprecated; use SegmentationMapsOnImage",
                      DeprecationWarning, stacklevel=2)
        super().__init__(arr, shape, nb_classes)
