"""Blending: run two branches of augmenters and alpha-blend their results.

Every augmenter here is a meta-augmenter with two branches of children,
``foreground`` and ``background`` (None: the unchanged input). Both branches get the
full rows of a call; the images they return are mixed with a per-image factor
(:class:`BlendAlpha`) or a per-pixel mask drawn by a *mask generator*
(:class:`BlendAlphaMask` and the classes built on it). imgaug's older names
(``Alpha``, ``AlphaElementwise``, ``SimplexNoiseAlpha``, ``FrequencyNoiseAlpha``) are
aliases, and the old keywords ``first``/``second`` mean ``foreground``/``background``.

Non-image data cannot be half of one and half of the other, so it follows the branch
whose weight dominates:

* :class:`BlendAlpha`: per image, the foreground branch's maps and coordinates if the
  mean factor is ``>= 0.5``, else the background branch's.
* :class:`BlendAlphaMask` (and its subclasses), as imgaug does: heatmaps and
  segmentation maps are mixed per pixel with the mask binarised at 0.5 (averaged over
  channels, resized to the map); each keypoint comes from the foreground branch if the
  mask at its input location is ``>= 0.5`` (points outside the image follow the mask
  mean); bounding boxes, polygons and line strings come all from one branch, chosen by
  the mean of the whole mask.

Mask generators are small picklable objects with ``draw_masks(rows, rng)`` that return
one float32 mask in ``[0, 1]`` per row, ``(H, W)`` or ``(H, W, C)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from augkit import _noise, _row_chunks
from augkit import parameters as iap
from augkit._chunked_sequence import plan_branch, run_stages
from augkit._rows import Rows
from augkit.augmenter import NUMERIC_DTYPES, Augmenter
from augkit.errors import InputError, ParameterError, ParameterTypeError, describe
from augkit.meta import ChannelShuffle, Identity
from augkit.meta_base import MetaAugmenter, as_augmenter_list
from augkit.pixels import apply_lut, blend, channel_count

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def _kind_items(rows: Rows, name: str) -> tuple[Any, list | None]:
    for kind, items in rows.data.items():
        if kind.name == name:
            return kind, items
    return None, None


def _image_items(rows: Rows) -> list | None:
    for kind, items in rows.data.items():
        if kind.category == "image":
            return items
    return None


def _split(values: np.ndarray, counts: np.ndarray) -> list[np.ndarray]:
    ends = np.cumsum(counts)
    return [values[end - count:end] for end, count in zip(ends.tolist(), counts.tolist())]


def _as_mask(mask: Any) -> np.ndarray:
    out = np.asarray(mask, dtype=np.float32)
    if out.size and (out.min() < 0.0 or out.max() > 1.0):
        out = np.clip(out, 0.0, 1.0)
    return out


def _resize_mask(mask: np.ndarray, height: int, width: int) -> np.ndarray:
    if mask.shape[:2] == (height, width):
        return mask
    if mask.size == 0 or height == 0 or width == 0:
        return np.zeros((height, width, *mask.shape[2:]), dtype=np.float32)
    out = _noise.resize(mask, height, width, "linear")
    return np.clip(out, 0.0, 1.0, out=out)


def _blend_pixels(fg: np.ndarray, bg: np.ndarray, alpha: Any) -> np.ndarray:
    """Blend two images of one shape with OpenCV fast paths for uint8 and float32.

    uint8 results may differ from exact rounding by 1 (the masks are quantised to
    1/255 and each branch's product is rounded), as in imgaug's uint8 path.
    """
    if not isinstance(alpha, np.ndarray) or alpha.ndim == 0 or fg.size == 0 \
            or fg.shape[2] > 512:
        return blend(fg, bg, alpha)
    import cv2

    channels = fg.shape[2]
    fg, bg = np.ascontiguousarray(fg), np.ascontiguousarray(bg)
    if alpha.ndim == 3 and alpha.shape[2] == 1:
        alpha = alpha[:, :, 0]
    if alpha.ndim == 1:
        if fg.dtype != np.uint8 or len(alpha) != channels:
            return blend(fg, bg, alpha)
        planes = [cv2.addWeighted(fg[:, :, c], float(alpha[c]), bg[:, :, c],
                                  1.0 - float(alpha[c]), 0.0) for c in range(channels)]
        out = cv2.merge(planes) if channels > 1 else planes[0]
        return out.reshape(fg.shape)
    if fg.dtype == np.float32 and alpha.ndim == 2:
        # blendLinear divides by (w1 + w2 + 1e-5): large weights make that eps vanish.
        ours = np.multiply(alpha, np.float32(65536.0), dtype=np.float32)
        return cv2.blendLinear(fg, bg, ours, np.float32(65536.0) - ours).reshape(fg.shape)
    if fg.dtype != np.uint8:
        return blend(fg, bg, alpha)
    weights = cv2.convertScaleAbs(np.ascontiguousarray(alpha, dtype=np.float32), alpha=255.0)
    if weights.ndim == 2 and channels > 1:
        weights = cv2.merge([weights] * channels) if channels <= 4 \
            else np.repeat(weights[:, :, None], channels, axis=2)
    weights = weights.reshape(fg.shape)
    ours = cv2.multiply(fg, weights, scale=1 / 255)
    theirs = cv2.multiply(bg, cv2.bitwise_not(weights), scale=1 / 255)
    return cv2.add(ours, theirs).reshape(fg.shape)


# ---------------------------------------------------------------------------
# mask generators
# ---------------------------------------------------------------------------


class MaskGenerator:
    """Base of mask generators: ``draw_masks(rows, rng)`` gives one mask per row.

    A mask is a float32 array in ``[0, 1]`` of shape ``(H, W)`` (one mask for all
    channels) or ``(H, W, C)`` (one per channel), with the height and width of the
    row's image. Generators hold no random state: every random value comes from *rng*.
    """

    def draw_masks(self, rows: Rows, rng: np.random.Generator) -> list[np.ndarray]:
        """Return one float32 mask per row of *rows*, drawn from *rng*."""
        raise NotImplementedError

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"


#: imgaug's name of the mask generator interface.
IBatchwiseMaskGenerator = MaskGenerator


def _check_generator(value: Any, name: str) -> MaskGenerator:
    if not callable(getattr(value, "draw_masks", None)):
        raise ParameterTypeError(
            f"{name}: expected a mask generator (an object with draw_masks(rows, rng), "
            f"e.g. augkit.blend.CheckerboardMaskGen(2, 2)), got {describe(value)}")
    return value


class StochasticParameterMaskGen(MaskGenerator):
    """Draw each mask from a stochastic parameter, per pixel (and channel).

    Parameters
    ----------
    parameter : StochasticParameter
        Drawn with size ``(H, W)`` or ``(H, W, C)``; values are clipped to ``[0, 1]``.
    per_channel : bool or float or StochasticParameter
        Whether a row gets one mask per channel; a float ``p`` does so for that
        fraction of rows.

    Examples
    --------
    >>> import numpy as np, augkit
    >>> from augkit import parameters as iap
    >>> gen = StochasticParameterMaskGen(iap.Uniform(0, 1), per_channel=False)
    >>> aug = augkit.BlendAlphaMask(gen, augkit.Identity())
    """

    def __init__(self, parameter: Any, per_channel: Any = False) -> None:
        self.parameter = iap.handle_continuous_param(parameter, "parameter",
                                                     value_range=(0, 1))
        self.per_channel = iap.handle_per_channel(per_channel)

    def draw_masks(self, rows, rng):
        per_channel = np.asarray(self.per_channel.draw_samples(rows.nb_rows, random_state=rng))
        masks = []
        for shape, channelwise in zip(rows.shapes, per_channel.tolist()):
            size = tuple(shape[:3]) if channelwise > 0.5 and channel_count(shape) > 1 \
                else tuple(shape[:2])
            masks.append(_as_mask(self.parameter.draw_samples(size, random_state=rng)))
        return masks


_TO_RGB = {
    "BGR": "COLOR_BGR2RGB", "HSV": "COLOR_HSV2RGB", "HLS": "COLOR_HLS2RGB",
    "Lab": "COLOR_Lab2RGB", "Luv": "COLOR_Luv2RGB", "YCrCb": "COLOR_YCrCb2RGB",
    "YUV": "COLOR_YUV2RGB", "CIE": "COLOR_XYZ2RGB",
}
COLORSPACES = ("RGB", "GRAY", *_TO_RGB)


def _hue(image: np.ndarray, from_colorspace: str) -> np.ndarray:
    """Return the hue of a uint8 image as uint8 in [0, 255] (a full turn)."""
    import cv2

    height, width = image.shape[:2]
    if from_colorspace == "GRAY" or image.shape[2] < 3:
        return np.zeros((height, width, 1), dtype=np.uint8)
    rgb = np.ascontiguousarray(image[:, :, :3])
    if from_colorspace != "RGB":
        rgb = cv2.cvtColor(rgb, getattr(cv2, _TO_RGB[from_colorspace]))
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV_FULL)
    return np.ascontiguousarray(hsv[:, :, :1])


def _gaussian_wrap(values: np.ndarray, sigma: float) -> np.ndarray:
    """Smooth a circular 1-D array with a Gaussian kernel of *sigma*."""
    if sigma <= 0.01:
        return values
    ksize = max(int(sigma * 2.5), 3) | 1
    half = ksize // 2
    offsets = np.arange(-half, half + 1, dtype=np.float64)
    kernel = np.exp(-0.5 * (offsets / sigma) ** 2)
    kernel /= kernel.sum()
    padded = np.concatenate([values[-half:], values, values[:half]]) if half else values
    return np.convolve(padded, kernel, mode="valid")


class SomeColorsMaskGen(MaskGenerator):
    """Masks that select a few random hues of each image.

    The hue circle is split into `nb_bins` bins (rotated by `rotation_deg`), each bin
    gets an alpha drawn from `alpha`, neighbouring bins are smoothed with a Gaussian
    (`smoothness` times 10 as sigma), and every pixel takes the alpha of its hue.

    Parameters
    ----------
    nb_bins : int or tuple of (int, int) or list of int or StochasticParameter
        Number of hue bins, in ``[1, 256]``; drawn per image.
    smoothness : number or tuple of (number, number) or list or StochasticParameter
        Smoothing between neighbouring bins, in ``[0, 1]``; drawn per image.
    alpha : number or tuple of (number, number) or list or StochasticParameter
        Alpha of each bin, in ``[0, 1]``; drawn per bin.
    rotation_deg : number or tuple of (number, number) or list or StochasticParameter
        Rotation of the bins on the hue circle, in ``[-360, 360]``; drawn per image.
    from_colorspace : {'RGB', 'BGR', 'GRAY', 'HSV', 'HLS', 'Lab', 'Luv', 'YCrCb', 'YUV', 'CIE'}
        Colorspace of the input images. Images with fewer than 3 channels (and
        ``GRAY``) have hue 0 everywhere; only the first 3 channels are read.

    Notes
    -----
    Hue is read over a full turn (OpenCV's ``HSV_FULL``, 0-255), so `nb_bins` bins
    split all hues evenly; imgaug used OpenCV's 0-179 hue with 256 bins.

    Examples
    --------
    >>> import augkit
    >>> aug = augkit.BlendAlphaMask(SomeColorsMaskGen(nb_bins=4), augkit.Identity())
    """

    sigma_max: ClassVar[float] = 10.0

    def __init__(self, nb_bins: Any = (5, 15), smoothness: Any = (0.1, 0.3),
                 alpha: Any = (0.0, 1.0), rotation_deg: Any = (0, 360),
                 from_colorspace: str = "RGB") -> None:
        if isinstance(alpha, tuple) and alpha == (0.0, 1.0):
            alpha = [0.0, 1.0]
        self.nb_bins = iap.handle_discrete_param(nb_bins, "nb_bins", value_range=(1, 256))
        self.smoothness = iap.handle_continuous_param(smoothness, "smoothness",
                                                      value_range=(0, 1))
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1))
        self.rotation_deg = iap.handle_continuous_param(rotation_deg, "rotation_deg",
                                                        value_range=(-360, 360))
        if from_colorspace not in COLORSPACES:
            raise ParameterError(
                f"from_colorspace: expected one of {{{', '.join(map(repr, COLORSPACES))}}}, "
                f"got {describe(from_colorspace)}")
        self.from_colorspace = from_colorspace

    def draw_masks(self, rows, rng):
        images = _image_items(rows)
        if images is None:
            raise InputError("SomeColorsMaskGen: selects colors of images, but the call "
                             "has no images; pass image= or images=")
        n = rows.nb_rows
        nb_bins = np.clip(np.asarray(self.nb_bins.draw_samples(n, random_state=rng)),
                          1, 256).astype(np.int64)
        smoothness = np.clip(self.smoothness.draw_samples(n, random_state=rng), 0, 1)
        alphas = np.clip(self.alpha.draw_samples(int(nb_bins.sum()), random_state=rng), 0, 1)
        rotation = np.asarray(self.rotation_deg.draw_samples(n, random_state=rng))
        rotation_bins = np.mod(np.round(rotation * (256 / 360)).astype(np.int64), 256)
        masks = []
        for image, bins, sigma, shift in zip(images, _split(alphas, nb_bins),
                                             smoothness.tolist(), rotation_bins.tolist()):
            if image.dtype != np.uint8:
                raise InputError(f"SomeColorsMaskGen: needs uint8 images, got {image.dtype}")
            table = np.repeat(bins, -(-256 // len(bins)))[:256]
            table = np.roll(table, -shift)
            table = _gaussian_wrap(table, sigma * self.sigma_max)
            lut = np.clip(np.round(table * 255), 0, 255).astype(np.uint8)
            hue = _hue(image, self.from_colorspace)
            masks.append(apply_lut(hue, lut)[:, :, 0].astype(np.float32) * (1 / 255))
        return masks


class _LinearGradientMaskGen(MaskGenerator):
    axis: ClassVar[int] = 1

    def __init__(self, min_value: Any = (0.0, 0.2), max_value: Any = (0.8, 1.0),
                 start_at: Any = (0.0, 0.2), end_at: Any = (0.8, 1.0)) -> None:
        self.min_value = iap.handle_continuous_param(min_value, "min_value", value_range=(0, 1))
        self.max_value = iap.handle_continuous_param(max_value, "max_value", value_range=(0, 1))
        self.start_at = iap.handle_continuous_param(start_at, "start_at", value_range=(0, 1))
        self.end_at = iap.handle_continuous_param(end_at, "end_at", value_range=(0, 1))

    def draw_masks(self, rows, rng):
        n = rows.nb_rows
        draws = [np.asarray(p.draw_samples(n, random_state=rng), dtype=np.float64)
                 for p in (self.min_value, self.max_value, self.start_at, self.end_at)]
        return [self.generate_mask(shape, *values)
                for shape, *values in zip(rows.shapes, *(d.tolist() for d in draws))]

    @classmethod
    def generate_mask(cls, shape: Sequence[int], min_value: float, max_value: float,
                      start_at: float, end_at: float) -> np.ndarray:
        """Return the ``(H, W)`` float32 gradient mask for one image of *shape*."""
        height, width = int(shape[0]), int(shape[1])
        size = height if cls.axis == 0 else width
        low, high = min(max(min_value, 0.0), 1.0), min(max(max_value, 0.0), 1.0)
        start = min(max(int(start_at * size), 0), size)
        end = min(max(int(end_at * size), 0), size)
        inverted = end < start
        if inverted:
            start, end = end, start
        line = np.empty(size, dtype=np.float32)
        line[:start] = low
        line[start:end] = np.linspace(low, high, end - start, dtype=np.float32)
        line[end:] = high
        if inverted:
            line = 1.0 - line
        if cls.axis == 0:
            return np.ascontiguousarray(np.broadcast_to(line[:, None], (height, width)))
        return np.ascontiguousarray(np.broadcast_to(line[None, :], (height, width)))


_GRADIENT_PARAMS = """
    Parameters
    ----------
    min_value : number or tuple of (number, number) or list or StochasticParameter
        Mask value before the gradient starts, in ``[0, 1]``; drawn per image. May be
        larger than `max_value` (the gradient then decreases).
    max_value : number or tuple of (number, number) or list or StochasticParameter
        Mask value after the gradient ends, in ``[0, 1]``; drawn per image.
    start_at : number or tuple of (number, number) or list or StochasticParameter
        Where the gradient starts, as a fraction of the {extent} (0 is the {first}),
        in ``[0, 1]``; drawn per image. If `end_at` < `start_at` the mask is inverted.
    end_at : number or tuple of (number, number) or list or StochasticParameter
        Where the gradient reaches `max_value`, as a fraction of the {extent}.
"""


class HorizontalLinearGradientMaskGen(_LinearGradientMaskGen):
    """Masks that rise linearly from left to right.

    {params}
    Examples
    --------
    >>> import numpy as np
    >>> HorizontalLinearGradientMaskGen.generate_mask((1, 4), 0.0, 1.0, 0.0, 1.0).round(2)
    array([[0.  , 0.33, 0.67, 1.  ]], dtype=float32)
    """

    axis = 1


class VerticalLinearGradientMaskGen(_LinearGradientMaskGen):
    """Masks that rise linearly from top to bottom.

    {params}
    Examples
    --------
    >>> VerticalLinearGradientMaskGen.generate_mask((3, 1), 0.0, 1.0, 0.0, 1.0)[:, 0].tolist()
    [0.0, 0.5, 1.0]
    """

    axis = 0


HorizontalLinearGradientMaskGen.__doc__ = HorizontalLinearGradientMaskGen.__doc__.replace(
    "{params}", _GRADIENT_PARAMS.format(extent="width", first="left").strip())
VerticalLinearGradientMaskGen.__doc__ = VerticalLinearGradientMaskGen.__doc__.replace(
    "{params}", _GRADIENT_PARAMS.format(extent="height", first="top").strip())


def _grid_indices(size: int, cells: int) -> np.ndarray:
    """Cell index of each pixel along an axis: equal cells, remainder reflect-padded."""
    cell = size // cells
    indices = np.repeat(np.arange(cells), cell)
    missing = size - len(indices)
    if missing:
        indices = np.pad(indices, (missing // 2, missing - missing // 2), mode="reflect") \
            if len(indices) > 1 else np.zeros(size, dtype=np.int64)
    return indices


class RegularGridMaskGen(MaskGenerator):
    """Masks that split each image into a grid with a random alpha per cell.

    Parameters
    ----------
    nb_rows, nb_cols : int or tuple of (int, int) or list of int or StochasticParameter
        Rows and columns of the grid, >= 1 (capped at the image's height and width);
        drawn per image. Leftover pixels are filled by mirroring the outer cells.
    alpha : number or tuple of (number, number) or list or StochasticParameter
        Alpha of each cell, in ``[0, 1]``; drawn per cell.

    Examples
    --------
    >>> import numpy as np
    >>> RegularGridMaskGen.generate_mask((2, 4), 1, 2, np.array([0.0, 1.0])).tolist()
    [[0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 1.0]]
    """

    def __init__(self, nb_rows: Any, nb_cols: Any, alpha: Any = (0.0, 1.0)) -> None:
        if isinstance(alpha, tuple) and alpha == (0.0, 1.0):
            alpha = [0.0, 1.0]
        self.nb_rows = iap.handle_discrete_param(nb_rows, "nb_rows", value_range=(1, None))
        self.nb_cols = iap.handle_discrete_param(nb_cols, "nb_cols", value_range=(1, None))
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1))

    def _draw_grid(self, shapes, rng):
        n = len(shapes)
        nb_rows = np.asarray(self.nb_rows.draw_samples(n, random_state=rng)).astype(np.int64)
        nb_cols = np.asarray(self.nb_cols.draw_samples(n, random_state=rng)).astype(np.int64)
        heights = np.array([s[0] for s in shapes], dtype=np.int64)
        widths = np.array([s[1] for s in shapes], dtype=np.int64)
        nb_rows = np.clip(nb_rows, 1, np.maximum(heights, 1))
        nb_cols = np.clip(nb_cols, 1, np.maximum(widths, 1))
        return nb_rows, nb_cols

    def draw_masks(self, rows, rng):
        nb_rows, nb_cols = self._draw_grid(rows.shapes, rng)
        counts = nb_rows * nb_cols
        alphas = np.clip(self.alpha.draw_samples(int(counts.sum()), random_state=rng), 0, 1)
        return [self.generate_mask(shape, r, c, a)
                for shape, r, c, a in zip(rows.shapes, nb_rows.tolist(), nb_cols.tolist(),
                                          _split(alphas, counts))]

    @staticmethod
    def generate_mask(shape: Sequence[int], nb_rows: int, nb_cols: int,
                      alphas: np.ndarray) -> np.ndarray:
        """Return the ``(H, W)`` float32 mask of a grid with *alphas* (row-major cells)."""
        height, width = int(shape[0]), int(shape[1])
        if height == 0 or width == 0:
            return np.zeros((height, width), dtype=np.float32)
        nb_rows = min(max(int(nb_rows), 1), height)
        nb_cols = min(max(int(nb_cols), 1), width)
        cells = np.asarray(alphas, dtype=np.float32).reshape(-1)[:nb_rows * nb_cols]
        cells = cells.reshape(nb_rows, nb_cols)
        return np.ascontiguousarray(
            cells[_grid_indices(height, nb_rows)[:, None], _grid_indices(width, nb_cols)[None]])


class CheckerboardMaskGen(MaskGenerator):
    """Masks in a checkerboard pattern: the top-left cell is 1, its neighbours 0.

    Parameters
    ----------
    nb_rows, nb_cols : int or tuple of (int, int) or list of int or StochasticParameter
        Rows and columns of the board, >= 1 (capped at the image's height and width);
        drawn per image.

    Examples
    --------
    >>> CheckerboardMaskGen.generate_mask((2, 2), 2, 2).tolist()
    [[1.0, 0.0], [0.0, 1.0]]
    """

    def __init__(self, nb_rows: Any, nb_cols: Any) -> None:
        self.grid = RegularGridMaskGen(nb_rows, nb_cols, alpha=1.0)

    @property
    def nb_rows(self) -> iap.StochasticParameter:
        """The parameter that draws the number of rows."""
        return self.grid.nb_rows

    @property
    def nb_cols(self) -> iap.StochasticParameter:
        """The parameter that draws the number of columns."""
        return self.grid.nb_cols

    def draw_masks(self, rows, rng):
        nb_rows, nb_cols = self.grid._draw_grid(rows.shapes, rng)
        return [self.generate_mask(shape, r, c)
                for shape, r, c in zip(rows.shapes, nb_rows.tolist(), nb_cols.tolist())]

    @staticmethod
    def generate_mask(shape: Sequence[int], nb_rows: int, nb_cols: int) -> np.ndarray:
        """Return the ``(H, W)`` float32 checkerboard mask for one image."""
        height, width = int(shape[0]), int(shape[1])
        nb_rows = min(max(int(nb_rows), 1), max(height, 1))
        nb_cols = min(max(int(nb_cols), 1), max(width, 1))
        parity = np.add.outer(np.arange(nb_rows), np.arange(nb_cols)) % 2
        return RegularGridMaskGen.generate_mask(shape, nb_rows, nb_cols,
                                                (parity == 0).astype(np.float32))


def _fixed_or_sampled(values: Any, count: Any, name: str, count_name: str, *,
                      single: type | tuple, item_noun: str, handler):
    """Shared argument handling of SegMapClassIdsMaskGen and BoundingBoxesMaskGen."""
    if count is None:
        if isinstance(values, single) and not isinstance(values, bool):
            return [values], None
        if isinstance(values, list) and all(
                isinstance(v, single) and not isinstance(v, bool) for v in values):
            return list(values), None
        raise ParameterTypeError(
            f"{name}: expected {item_noun} or a list of them when {count_name} is None "
            f"(set {count_name} to sample from a range or a parameter), got {describe(values)}")
    return handler(values), iap.handle_discrete_param(count, count_name, value_range=(0, None))


class SegMapClassIdsMaskGen(MaskGenerator):
    """Masks that are 1 where the segmentation map holds given class ids.

    Parameters
    ----------
    class_ids : int or list of int, or (with `nb_sample_classes`) tuple or StochasticParameter
        Class ids to mark. A pixel is marked if any channel of the map holds one.
    nb_sample_classes : None or int or tuple of (int, int) or list of int or StochasticParameter
        If set, draw this many ids per image (with replacement) from `class_ids`.

    Notes
    -----
    Masks are computed at the map's resolution and resized linearly to the image.
    A call without segmentation maps gets all-zero masks (imgaug raised an error).

    Examples
    --------
    >>> import augkit
    >>> aug = augkit.BlendAlphaMask(SegMapClassIdsMaskGen([1, 2]), augkit.Identity())
    """

    def __init__(self, class_ids: Any, nb_sample_classes: Any = None) -> None:
        self.class_ids, self.nb_sample_classes = _fixed_or_sampled(
            class_ids, nb_sample_classes, "class_ids", "nb_sample_classes",
            single=(int, np.integer), item_noun="an int",
            handler=lambda v: iap.handle_discrete_param(v, "class_ids", value_range=(0, None)))

    def _draw_ids(self, n: int, rng: np.random.Generator) -> list:
        if self.nb_sample_classes is None:
            return [self.class_ids] * n
        counts = np.clip(np.asarray(self.nb_sample_classes.draw_samples(n, random_state=rng)),
                         0, None).astype(np.int64)
        ids = np.asarray(self.class_ids.draw_samples(int(counts.sum()), random_state=rng))
        return [part.tolist() for part in _split(ids, counts)]

    def draw_masks(self, rows, rng):
        ids = self._draw_ids(rows.nb_rows, rng)
        kind, items = _kind_items(rows, "segmentation_maps")
        if items is None:
            return [np.zeros(s[:2], dtype=np.float32) for s in rows.shapes]
        masks = []
        for item, shape, wanted in zip(items, rows.shapes, ids):
            arr = kind.get_arr(item)
            hit = np.isin(arr, np.asarray(wanted, dtype=np.int64)).any(axis=2)
            masks.append(_resize_mask(hit.astype(np.float32), int(shape[0]), int(shape[1])))
        return masks


class BoundingBoxesMaskGen(MaskGenerator):
    """Masks that are 1 inside bounding boxes with given labels.

    Parameters
    ----------
    labels : None or str or list of str, or (with `nb_sample_labels`) StochasticParameter
        Labels of the boxes to mark; None marks every box.
    nb_sample_labels : None or int or tuple of (int, int) or list of int or StochasticParameter
        If set, draw this many labels per image (with replacement) from `labels`.

    Notes
    -----
    Box corners are truncated to whole pixels, as in imgaug. A call without bounding
    boxes gets all-zero masks (imgaug raised an error).

    Examples
    --------
    >>> import augkit
    >>> aug = augkit.BlendAlphaMask(BoundingBoxesMaskGen("person"), augkit.Identity())
    """

    def __init__(self, labels: Any = None, nb_sample_labels: Any = None) -> None:
        if labels is None:
            self.labels, self.nb_sample_labels = None, None
            return

        def handle(value: Any) -> iap.StochasticParameter:
            if isinstance(value, iap.StochasticParameter):
                return value
            if isinstance(value, str):
                return iap.Deterministic(value)
            if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                return iap.Choice(value)
            raise ParameterTypeError(
                f"labels: expected None, a str, a list of str or a StochasticParameter, "
                f"got {describe(value)}")

        self.labels, self.nb_sample_labels = _fixed_or_sampled(
            labels, nb_sample_labels, "labels", "nb_sample_labels", single=str,
            item_noun="None, a str", handler=handle)

    def _draw_labels(self, n: int, rng: np.random.Generator) -> list:
        if self.labels is None or self.nb_sample_labels is None:
            return [self.labels] * n
        counts = np.clip(np.asarray(self.nb_sample_labels.draw_samples(n, random_state=rng)),
                         0, None).astype(np.int64)
        labels = np.asarray(self.labels.draw_samples(int(counts.sum()), random_state=rng))
        return [part.tolist() for part in _split(labels, counts)]

    def draw_masks(self, rows, rng):
        wanted = self._draw_labels(rows.nb_rows, rng)
        _, items = _kind_items(rows, "bounding_boxes")
        masks = []
        for i, shape in enumerate(rows.shapes):
            height, width = int(shape[0]), int(shape[1])
            mask = np.zeros((height, width), dtype=np.float32)
            if items is not None:
                labels = None if wanted[i] is None else set(wanted[i])
                boxes = items[i]
                for (x1, y1, x2, y2), label in zip(np.asarray(boxes.xyxy).tolist(),
                                                   boxes.labels):
                    if labels is not None and label not in labels:
                        continue
                    x1, x2 = (min(max(int(v), 0), width) for v in (x1, x2))
                    y1, y2 = (min(max(int(v), 0), height) for v in (y1, y2))
                    if x1 < x2 and y1 < y2:
                        mask[y1:y2, x1:x2] = 1.0
            masks.append(mask)
        return masks


class InvertMaskGen(MaskGenerator):
    """Invert (``1 - mask``) the masks of another generator for a fraction of images.

    Parameters
    ----------
    p : bool or float or StochasticParameter
        Probability, per image, of inverting its mask.
    child : MaskGenerator
        The generator whose masks to invert.

    Examples
    --------
    >>> import augkit
    >>> gen = InvertMaskGen(0.5, VerticalLinearGradientMaskGen())
    >>> aug = augkit.BlendAlphaMask(gen, augkit.Identity())
    """

    def __init__(self, p: Any, child: Any) -> None:
        self.p = iap.handle_probability_param(p, "p")
        self.child = _check_generator(child, "child")

    def draw_masks(self, rows, rng):
        masks = self.child.draw_masks(rows, rng)
        flips = np.asarray(self.p.draw_samples(len(masks), random_state=rng))
        return [1.0 - mask if flip >= 0.5 else mask for mask, flip in zip(masks, flips.tolist())]


# ---------------------------------------------------------------------------
# augmenters
# ---------------------------------------------------------------------------


@dataclass
class _BlendParams:
    """What one call drew: per row a factor/mask, and each branch's params."""

    alphas: list
    foreground: list | None
    background: list | None


def _branches(foreground: Any, background: Any, first: Any, second: Any):
    if first is not None:
        if foreground is not None:
            raise ParameterError("foreground, first: first is the old name of foreground; "
                                 "give only one of them")
        foreground = first
    if second is not None:
        if background is not None:
            raise ParameterError("background, second: second is the old name of background; "
                                 "give only one of them")
        background = second
    if foreground is None and background is None:
        raise ParameterError(
            "foreground, background: expected at least one augmenter (None means the "
            "unchanged input), got None for both")
    return (as_augmenter_list(foreground, "foreground"),
            as_augmenter_list(background, "background"))


class _BlendBase(MetaAugmenter):
    """Shared machinery: run both branches, blend images, pick the other kinds."""

    supported_dtypes = NUMERIC_DTYPES

    def __init__(self, foreground: Any, background: Any, first: Any, second: Any,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.foreground, self.background = _branches(foreground, background, first, second)

    def get_children_lists(self) -> list[list[Augmenter]]:
        return [self.foreground, self.background]

    def _draw_alphas(self, rows: Rows, rng: np.random.Generator) -> list:
        raise NotImplementedError

    def _augment_array_batch(self, batch, rows, ctx, params):
        """An image array a chunk of rows at a time through both branches and the blend.

        The alphas (from the input rows, as :meth:`apply_to_rows` draws them) and every
        child's params (on stand-in images, ``augkit._chunked_sequence.plan_branch``)
        are drawn first, so the images and params are those of the whole-batch path; a
        branch with a child that cannot be drawn ahead takes that path, with what was
        drawn.
        """
        (kind, images), = rows.data.items()
        if not _row_chunks.cuts_params_of(type(self)):
            done, params = self.apply_to_rows(rows, ctx, params)
            return done.restore()[kind.name], params
        if params is None:
            alphas = self._draw_alphas(rows, ctx.rng(self))
            fg_given = bg_given = None
        else:
            alphas, fg_given, bg_given = params.alphas, params.foreground, params.background
        fg_stages, fg_params = plan_branch(self, self.foreground, rows, ctx, fg_given)
        bg_stages, bg_params = plan_branch(self, self.background, rows, ctx, bg_given)
        drawn = _BlendParams(alphas, fg_params, bg_params)
        if fg_stages is None or bg_stages is None:
            done, drawn = self.apply_to_rows(rows, ctx, drawn)
            return done.restore()[kind.name], (drawn if params is None else params)
        owned = (bool(self.foreground), bool(self.background))

        def blend_rows(part, start, stop, outs=None):
            fg = run_stages(fg_stages, part, start, stop)
            bg = run_stages(bg_stages, part, start, stop)
            return [self._blend_image(start + k, fg_image, bg_image, alphas[start + k], owned)
                    for k, (fg_image, bg_image) in enumerate(zip(fg, bg))]

        out = _row_chunks.run_chunks([blend_rows], images)
        return _row_chunks.call_result(out, rows, batch), (drawn if params is None else params)

    def apply_to_rows(self, rows, ctx, params):
        if params is None:
            alphas = self._draw_alphas(rows, ctx.rng(self))
            fg_params = bg_params = None
        else:
            alphas, fg_params, bg_params = params.alphas, params.foreground, params.background
        fg_rows, fg_params = self.run_children(rows, ctx, fg_params, children=self.foreground)
        bg_rows, bg_params = self.run_children(rows, ctx, bg_params, children=self.background)
        dominant = [self._dominant(alpha) for alpha in alphas]
        data: dict = {}
        shapes = [fg_rows.shapes[i] if dominant[i] else bg_rows.shapes[i]
                  for i in range(rows.nb_rows)]
        owned = (bool(self.foreground), bool(self.background))
        for kind in rows.data:
            fg_items, bg_items = fg_rows.data[kind], bg_rows.data[kind]
            if kind.category == "image":
                data[kind] = [self._blend_image(i, fg, bg, alphas[i], owned)
                              for i, (fg, bg) in enumerate(zip(fg_items, bg_items))]
                shapes = [image.shape for image in data[kind]]
        for kind, items in rows.data.items():
            if kind.category == "image":
                continue
            fg_items, bg_items = fg_rows.data[kind], bg_rows.data[kind]
            data[kind] = [self._merge_item(kind, i, items[i], fg_items[i], bg_items[i],
                                           alphas[i], dominant[i], shapes[i])
                          for i in range(len(items))]
        return rows.replace(data, shapes), _BlendParams(alphas, fg_params, bg_params)

    @staticmethod
    def _dominant(alpha: Any) -> bool:
        if isinstance(alpha, float):
            return alpha >= 0.5
        alpha = np.asarray(alpha)
        return bool(alpha.size == 0 or alpha.mean() >= 0.5)

    def _blend_image(self, index: int, fg: np.ndarray, bg: np.ndarray, alpha: Any,
                     owned: tuple[bool, bool]) -> np.ndarray:
        if fg.shape != bg.shape:
            raise InputError(
                f"{self.name}: image {index} became {fg.shape} in the foreground branch but "
                f"{bg.shape} in the background branch; both branches must give images of "
                "the same shape to blend them")
        if isinstance(alpha, np.ndarray) and alpha.ndim >= 2:
            alpha = _resize_mask(alpha, fg.shape[0], fg.shape[1])
            low, high = (float(alpha.min()), float(alpha.max())) if alpha.size else (1.0, 1.0)
        else:
            low = high = None
            values = np.asarray(alpha, dtype=np.float32)
            if values.size and values.min() == values.max():
                alpha = float(values.reshape(-1)[0])
                low = high = alpha
        if low is not None and low >= 1.0:
            return fg if owned[0] else fg.copy()
        if high is not None and high <= 0.0:
            return bg if owned[1] else bg.copy()
        return _blend_pixels(fg, bg, alpha)

    def _merge_item(self, kind, index, item, fg_item, bg_item, alpha, dominant, shape):
        return fg_item if dominant else bg_item


_BRANCH_DOC = """\
    foreground : None or Augmenter or list of Augmenter
        The branch that high alpha values show; None is the unchanged input.
    background : None or Augmenter or list of Augmenter
        The branch that low alpha values show; None is the unchanged input. At least
        one of `foreground` and `background` must be given.
    first, second : optional
        imgaug's older names of `foreground` and `background`."""

_MASK_NOTE = """\
    Maps and coordinates: heatmaps and segmentation maps are mixed per pixel with
    the mask binarised at 0.5; a keypoint comes from the foreground branch if the
    mask at its location is >= 0.5; boxes, polygons and line strings come all from
    the branch that the mask's mean favours. Children that move pixels are best
    avoided when coordinates matter."""


def _doc(text: str) -> str:
    return text.replace("{branches}", _BRANCH_DOC).replace("{mask_note}", _MASK_NOTE)


def _shuffle() -> ChannelShuffle:
    # Examples for the conformance kit and the gallery: a child without per-call
    # randomness, so that one instance can be shared by every augmenter built from
    # the same example dict.
    return ChannelShuffle(p=1.0, deterministic=True)


class BlendAlpha(_BlendBase):
    """Alpha-blend the results of two branches with one factor per image.

    Each output image is ``factor * foreground + (1 - factor) * background``. Maps and
    coordinates come from the foreground branch where the (mean) factor is >= 0.5,
    else from the background branch.

    Parameters
    ----------
    factor : number or tuple of (number, number) or list of number or StochasticParameter
        Opacity of the foreground branch, in ``[0, 1]``; drawn per image (per channel
        with `per_channel`).
{branches}
    per_channel : bool or float or StochasticParameter
        Whether to draw one factor per channel; a float ``p`` does so for that
        fraction of images.

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = augkit.BlendAlpha(0.5, foreground=augkit.Lambda(
    ...     func_images=lambda images, *_: [image + 100 for image in images]))
    >>> aug(image=np.zeros((1, 2), dtype=np.uint8)).tolist()
    [[50, 50]]
    """

    aliases = ("Alpha",)
    imgaug_parameters = ("factor", "per_channel")
    examples = (
        {"factor": 0.5, "foreground": _shuffle()},
        {"factor": (0.0, 1.0), "foreground": _shuffle(), "background": Identity(),
         "per_channel": True},
    )

    def __init__(self, factor: Any = (0.0, 1.0), foreground: Any = None,
                 background: Any = None, per_channel: Any = False, *, first: Any = None,
                 second: Any = None, **kwargs: Any) -> None:
        self.factor = iap.handle_continuous_param(factor, "factor", value_range=(0, 1))
        self.per_channel = iap.handle_per_channel(per_channel)
        super().__init__(foreground, background, first, second, **kwargs)

    def _draw_alphas(self, rows, rng):
        n = rows.nb_rows
        if isinstance(self.factor, iap.Deterministic):
            # One value for every image and channel; per_channel cannot change it.
            return [min(max(float(self.factor.value), 0.0), 1.0)] * n
        channels = [channel_count(shape) for shape in rows.shapes]
        per_channel = np.asarray(self.per_channel.draw_samples(n, random_state=rng))
        factors = np.asarray(self.factor.draw_samples((n, max(channels, default=1), ),
                                                      random_state=rng), dtype=np.float32)
        np.clip(factors, 0.0, 1.0, out=factors)
        return [factors[i, :channels[i]].copy() if per_channel[i] > 0.5 and channels[i] > 1
                else float(factors[i, 0]) for i in range(n)]


BlendAlpha.__doc__ = _doc(BlendAlpha.__doc__)


class BlendAlphaMask(_BlendBase):
    """Alpha-blend the results of two branches with masks from a mask generator.

    Parameters
    ----------
    mask_generator : MaskGenerator
        Draws one ``(H, W)`` or ``(H, W, C)`` float32 mask in ``[0, 1]`` per image
        (``StochasticParameterMaskGen``, ``SomeColorsMaskGen``,
        ``HorizontalLinearGradientMaskGen``, ``VerticalLinearGradientMaskGen``,
        ``RegularGridMaskGen``, ``CheckerboardMaskGen``, ``SegMapClassIdsMaskGen``,
        ``BoundingBoxesMaskGen``, ``InvertMaskGen`` from ``augkit.blend``, or any
        object with ``draw_masks(rows, rng)``).
{branches}

    Notes
    -----
{mask_note}

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> from augkit.blend import CheckerboardMaskGen
    >>> aug = augkit.BlendAlphaMask(CheckerboardMaskGen(1, 2), augkit.Lambda(
    ...     func_images=lambda images, *_: [image + 100 for image in images]))
    >>> aug(image=np.zeros((1, 4), dtype=np.uint8)).tolist()
    [[100, 100, 0, 0]]
    """

    imgaug_parameters = ("mask_generator",)
    examples = (
        {"mask_generator": CheckerboardMaskGen(2, 3), "foreground": _shuffle()},
        {"mask_generator": InvertMaskGen(0.5, VerticalLinearGradientMaskGen()),
         "foreground": _shuffle()},
    )

    def __init__(self, mask_generator: Any, foreground: Any = None, background: Any = None,
                 *, first: Any = None, second: Any = None, **kwargs: Any) -> None:
        self.mask_generator = _check_generator(mask_generator, "mask_generator")
        super().__init__(foreground, background, first, second, **kwargs)

    def _draw_alphas(self, rows, rng):
        masks = self.mask_generator.draw_masks(rows, rng)
        if len(masks) != rows.nb_rows:
            raise InputError(f"{type(self.mask_generator).__name__}.draw_masks returned "
                             f"{len(masks)} masks for {rows.nb_rows} rows")
        return [_as_mask(mask) for mask in masks]

    def _merge_item(self, kind, index, item, fg_item, bg_item, alpha, dominant, shape):
        if fg_item is bg_item:
            return fg_item
        if kind.category == "map":
            return self._merge_map(kind, index, fg_item, bg_item, alpha, shape)
        if kind.name == "keypoints":
            return self._merge_points(kind, index, item, fg_item, bg_item, alpha, dominant,
                                      shape)
        return fg_item if dominant else bg_item

    def _merge_map(self, kind, index, fg_item, bg_item, mask, shape):
        fg_arr, bg_arr = kind.get_arr(fg_item), kind.get_arr(bg_item)
        if fg_arr.shape != bg_arr.shape:
            raise InputError(
                f"{self.name}: {kind.name} {index} became {fg_arr.shape} in the foreground "
                f"branch but {bg_arr.shape} in the background branch; both branches must "
                "keep maps the same shape to blend them")
        flat = mask.mean(axis=2) if mask.ndim == 3 else mask
        chosen = _resize_mask(flat, fg_arr.shape[0], fg_arr.shape[1]) >= 0.5
        if chosen.all():
            return fg_item
        if not chosen.any():
            return bg_item
        return kind.with_arr(fg_item, np.where(chosen[:, :, None], fg_arr, bg_arr), shape)

    def _merge_points(self, kind, index, item, fg_item, bg_item, mask, dominant, shape):
        xy = kind.to_xy(item)
        fg_xy, bg_xy = kind.to_xy(fg_item), kind.to_xy(bg_item)
        if not len(xy) == len(fg_xy) == len(bg_xy):
            raise InputError(
                f"{self.name}: {kind.name} {index} has {len(xy)} points, the foreground "
                f"branch returned {len(fg_xy)} and the background branch {len(bg_xy)}")
        if len(xy) == 0:
            return fg_item if dominant else bg_item
        flat = mask.mean(axis=2) if mask.ndim == 3 else mask
        height, width = flat.shape[:2]
        cols = np.floor(xy[:, 0]).astype(np.int64)
        rows_ = np.floor(xy[:, 1]).astype(np.int64)
        inside = (cols >= 0) & (cols < width) & (rows_ >= 0) & (rows_ < height)
        use_fg = np.full(len(xy), dominant)
        use_fg[inside] = flat[rows_[inside], cols[inside]] >= 0.5
        if use_fg.all():
            return fg_item
        if not use_fg.any():
            return bg_item
        merged = np.where(use_fg[:, None], fg_xy, bg_xy).astype(np.float32)
        return kind.from_xy(fg_item, merged, shape)


BlendAlphaMask.__doc__ = _doc(BlendAlphaMask.__doc__)


class BlendAlphaElementwise(BlendAlphaMask):
    """Alpha-blend the results of two branches with a factor drawn per pixel.

    Parameters
    ----------
    factor : number or tuple of (number, number) or list of number or StochasticParameter
        Opacity of the foreground branch, in ``[0, 1]``; drawn per pixel (and per
        channel with `per_channel`).
{branches}
    per_channel : bool or float or StochasticParameter
        Whether to draw one mask per channel; a float ``p`` does so for that fraction
        of images.

    Notes
    -----
{mask_note}

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = augkit.BlendAlphaElementwise((0.0, 1.0), augkit.Lambda(
    ...     func_images=lambda images, *_: [image + 200 for image in images]), seed=1)
    >>> len(np.unique(aug(image=np.zeros((8, 8), dtype=np.uint8)))) > 10
    True
    """

    aliases = ("AlphaElementwise",)
    examples = (
        {"factor": (0.0, 1.0), "foreground": _shuffle()},
        {"factor": 0.5, "foreground": _shuffle(), "per_channel": True},
    )

    def __init__(self, factor: Any = (0.0, 1.0), foreground: Any = None,
                 background: Any = None, per_channel: Any = False, *, first: Any = None,
                 second: Any = None, **kwargs: Any) -> None:
        factor = iap.handle_continuous_param(factor, "factor", value_range=(0, 1))
        super().__init__(StochasticParameterMaskGen(factor, per_channel), foreground,
                         background, first=first, second=second, **kwargs)

    @property
    def factor(self) -> iap.StochasticParameter:
        """The parameter that draws the per-pixel factors."""
        return self.mask_generator.parameter

    @property
    def per_channel(self) -> iap.StochasticParameter:
        """The parameter that decides per image whether masks are per channel."""
        return self.mask_generator.per_channel


BlendAlphaElementwise.__doc__ = _doc(BlendAlphaElementwise.__doc__)


def _noise_factor(noise: iap.StochasticParameter, iterations: Any, aggregation_method: Any,
                  sigmoid: Any, sigmoid_thresh: Any) -> iap.StochasticParameter:
    """Wrap a noise parameter as imgaug's noise blenders do: aggregate, then sigmoid."""
    single = (not isinstance(iterations, (bool, np.bool_, iap.StochasticParameter))
              and isinstance(iterations, (int, float, np.number)) and iterations == 1)
    if not single:
        noise = iap.IterativeNoiseAggregator(noise, iterations=iterations,
                                             aggregation_method=aggregation_method)
    else:
        # Validate aggregation_method even when a single iteration leaves it unused.
        iap.IterativeNoiseAggregator(noise, iterations=1, aggregation_method=aggregation_method)
    if isinstance(sigmoid, (bool, np.bool_)):
        use_sigmoid = bool(sigmoid)
    elif isinstance(sigmoid, (int, float, np.integer, np.floating)) and 0 <= sigmoid <= 1:
        use_sigmoid = sigmoid >= 0.01
    else:
        raise ParameterError(
            f"sigmoid: expected a bool or a probability in [0, 1], got {describe(sigmoid)}")
    if use_sigmoid:
        threshold = iap.Normal(0.0, 5.0) if sigmoid_thresh is None else sigmoid_thresh
        noise = iap.Sigmoid.create_for_noise(noise, threshold=threshold, activated=sigmoid)
    elif sigmoid_thresh is not None:
        iap.handle_continuous_param(sigmoid_thresh, "sigmoid_thresh")
    return noise


def _upscale_method(value: Any) -> Any:
    if value is None:
        return iap.Choice(["nearest", "linear", "cubic"], p=[0.05, 0.6, 0.35])
    return value


class BlendAlphaSimplexNoise(BlendAlphaElementwise):
    """Alpha-blend the results of two branches with simplex noise masks.

    The masks are smooth blobs (or sharp rectangles with ``nearest`` upscaling),
    built exactly as imgaug does: ``SimplexNoise`` at a low resolution, aggregated
    over `iterations` draws, optionally pushed to 0/1 by a sigmoid.

    Parameters
    ----------
{branches}
    per_channel : bool or float or StochasticParameter
        Whether to draw one mask per channel; a float ``p`` does so for that fraction
        of images.
    size_px_max : int or tuple of (int, int) or list of int or StochasticParameter
        Longer side of the low-resolution noise grid, in ``[1, 10000]``.
    upscale_method : None or {'nearest', 'linear', 'area', 'cubic'} or list or augkit.ALL \
or StochasticParameter
        Interpolation for upscaling the noise; None picks nearest/linear/cubic with
        probabilities 0.05/0.6/0.35.
    iterations : int or tuple of (int, int) or list of int or StochasticParameter
        How many noise planes to aggregate per mask, >= 1.
    aggregation_method : {'min', 'max', 'avg'} or list or augkit.ALL or StochasticParameter
        How the planes are combined.
    sigmoid : bool or float
        Whether to apply a sigmoid (a float ``p``: to that fraction of masks).
    sigmoid_thresh : None or number or tuple of (number, number) or list or StochasticParameter
        Sigmoid threshold; higher values give more of the background. None:
        ``Normal(0, 5)``.

    Notes
    -----
{mask_note}

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = augkit.BlendAlphaSimplexNoise(augkit.Lambda(
    ...     func_images=lambda images, *_: [255 - image for image in images]), seed=2)
    >>> aug(image=np.zeros((16, 16, 3), dtype=np.uint8)).shape
    (16, 16, 3)
    """

    aliases = ("SimplexNoiseAlpha",)
    examples = (
        {"foreground": _shuffle()},
        {"foreground": _shuffle(), "upscale_method": "nearest", "per_channel": 0.5},
    )

    def __init__(self, foreground: Any = None, background: Any = None,
                 per_channel: Any = False, size_px_max: Any = (2, 16),
                 upscale_method: Any = None, iterations: Any = (1, 3),
                 aggregation_method: Any = "max", sigmoid: Any = True,
                 sigmoid_thresh: Any = None, *, first: Any = None, second: Any = None,
                 **kwargs: Any) -> None:
        noise = iap.SimplexNoise(size_px_max=size_px_max,
                                 upscale_method=_upscale_method(upscale_method))
        factor = _noise_factor(noise, iterations, aggregation_method, sigmoid, sigmoid_thresh)
        super().__init__(factor, foreground, background, per_channel, first=first,
                         second=second, **kwargs)


BlendAlphaSimplexNoise.__doc__ = _doc(BlendAlphaSimplexNoise.__doc__)


class BlendAlphaFrequencyNoise(BlendAlphaElementwise):
    """Alpha-blend the results of two branches with frequency noise masks.

    The masks are built exactly as imgaug does: ``FrequencyNoise`` at a low
    resolution, aggregated over `iterations` draws, optionally pushed to 0/1 by a
    sigmoid. Exponents near -4 give large blobs, near -2 clouds, near 4 fine grain.

    Parameters
    ----------
    exponent : number or tuple of (number, number) or list or StochasticParameter
        Frequency weighting exponent; drawn per noise plane.
{branches}
    per_channel : bool or float or StochasticParameter
        Whether to draw one mask per channel; a float ``p`` does so for that fraction
        of images.
    size_px_max : int or tuple of (int, int) or list of int or StochasticParameter
        Longer side of the low-resolution noise grid, in ``[1, 10000]``.
    upscale_method : None or {'nearest', 'linear', 'area', 'cubic'} or list or augkit.ALL \
or StochasticParameter
        Interpolation for upscaling the noise; None picks nearest/linear/cubic with
        probabilities 0.05/0.6/0.35.
    iterations : int or tuple of (int, int) or list of int or StochasticParameter
        How many noise planes to aggregate per mask, >= 1.
    aggregation_method : {'min', 'max', 'avg'} or list or augkit.ALL or StochasticParameter
        How the planes are combined.
    sigmoid : bool or float
        Whether to apply a sigmoid (a float ``p``: to that fraction of masks).
    sigmoid_thresh : None or number or tuple of (number, number) or list or StochasticParameter
        Sigmoid threshold; higher values give more of the background. None:
        ``Normal(0, 5)``.

    Notes
    -----
{mask_note}

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = augkit.BlendAlphaFrequencyNoise(exponent=(-4, 0), first=augkit.Lambda(
    ...     func_images=lambda images, *_: [image // 2 for image in images]), seed=3)
    >>> bool(aug(image=np.full((16, 16, 3), 200, dtype=np.uint8)).max() <= 200)
    True
    """

    aliases = ("FrequencyNoiseAlpha",)
    examples = (
        {"foreground": _shuffle()},
        {"exponent": -2, "foreground": _shuffle(), "sigmoid": False},
    )

    def __init__(self, exponent: Any = (-4, 4), foreground: Any = None,
                 background: Any = None, per_channel: Any = False,
                 size_px_max: Any = (4, 16), upscale_method: Any = None,
                 iterations: Any = (1, 3), aggregation_method: Any = ("avg", "max"),
                 sigmoid: Any = 0.5, sigmoid_thresh: Any = None, *, first: Any = None,
                 second: Any = None, **kwargs: Any) -> None:
        if isinstance(aggregation_method, tuple):
            aggregation_method = list(aggregation_method)
        noise = iap.FrequencyNoise(exponent=exponent, size_px_max=size_px_max,
                                   upscale_method=_upscale_method(upscale_method))
        factor = _noise_factor(noise, iterations, aggregation_method, sigmoid, sigmoid_thresh)
        super().__init__(factor, foreground, background, per_channel, first=first,
                         second=second, **kwargs)


BlendAlphaFrequencyNoise.__doc__ = _doc(BlendAlphaFrequencyNoise.__doc__)


class BlendAlphaSomeColors(BlendAlphaMask):
    """Alpha-blend two branches where the image has a few randomly chosen hues.

    A wrapper of :class:`BlendAlphaMask` with a :class:`SomeColorsMaskGen`.

    Parameters
    ----------
{branches}
    nb_bins : int or tuple of (int, int) or list of int or StochasticParameter
        Number of hue bins, in ``[1, 256]``; drawn per image.
    smoothness : number or tuple of (number, number) or list or StochasticParameter
        Smoothing between neighbouring bins, in ``[0, 1]``; drawn per image.
    alpha : number or tuple of (number, number) or list or StochasticParameter
        Alpha of each bin, in ``[0, 1]`` (default: 0 or 1); drawn per bin.
    rotation_deg : number or tuple of (number, number) or list or StochasticParameter
        Rotation of the bins on the hue circle, in ``[-360, 360]``.
    from_colorspace : {'RGB', 'BGR', 'GRAY', 'HSV', 'HLS', 'Lab', 'Luv', 'YCrCb', 'YUV', 'CIE'}
        Colorspace of the input images.

    Notes
    -----
{mask_note}

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: uint8).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = augkit.BlendAlphaSomeColors(augkit.Lambda(
    ...     func_images=lambda images, *_: [image // 2 for image in images]), seed=4)
    >>> aug(image=np.full((4, 4, 3), 200, dtype=np.uint8)).shape
    (4, 4, 3)
    """

    supported_dtypes = frozenset({"uint8"})
    examples = (
        {"foreground": _shuffle()},
        {"foreground": _shuffle(), "nb_bins": 2, "smoothness": 0.0, "alpha": [0.0, 1.0]},
    )

    def __init__(self, foreground: Any = None, background: Any = None,
                 nb_bins: Any = (5, 15), smoothness: Any = (0.1, 0.3),
                 alpha: Any = (0.0, 1.0), rotation_deg: Any = (0, 360),
                 from_colorspace: str = "RGB", *, first: Any = None, second: Any = None,
                 **kwargs: Any) -> None:
        generator = SomeColorsMaskGen(nb_bins=nb_bins, smoothness=smoothness, alpha=alpha,
                                      rotation_deg=rotation_deg,
                                      from_colorspace=from_colorspace)
        super().__init__(generator, foreground, background, first=first, second=second,
                         **kwargs)


BlendAlphaSomeColors.__doc__ = _doc(BlendAlphaSomeColors.__doc__)


class BlendAlphaHorizontalLinearGradient(BlendAlphaMask):
    """Alpha-blend two branches along a horizontal linear gradient (left to right).

    A wrapper of :class:`BlendAlphaMask` with a :class:`HorizontalLinearGradientMaskGen`.

    Parameters
    ----------
{branches}
    min_value : number or tuple of (number, number) or list or StochasticParameter
        Mask value left of the gradient, in ``[0, 1]``.
    max_value : number or tuple of (number, number) or list or StochasticParameter
        Mask value right of the gradient, in ``[0, 1]``.
    start_at : number or tuple of (number, number) or list or StochasticParameter
        Where the gradient starts, as a fraction of the width (0: left edge).
    end_at : number or tuple of (number, number) or list or StochasticParameter
        Where it ends; below `start_at` the mask is inverted.

    Notes
    -----
{mask_note}

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = augkit.BlendAlphaHorizontalLinearGradient(augkit.Lambda(
    ...     func_images=lambda images, *_: [image + 100 for image in images]),
    ...     min_value=0.0, max_value=1.0, start_at=0.0, end_at=1.0)
    >>> aug(image=np.zeros((1, 5), dtype=np.uint8)).tolist()
    [[0, 25, 50, 75, 100]]
    """

    _generator: ClassVar[type] = HorizontalLinearGradientMaskGen
    examples = (
        {"foreground": _shuffle()},
        {"foreground": _shuffle(), "min_value": 0.2, "max_value": 0.8},
    )

    def __init__(self, foreground: Any = None, background: Any = None,
                 min_value: Any = (0.0, 0.2), max_value: Any = (0.8, 1.0),
                 start_at: Any = (0.0, 0.2), end_at: Any = (0.8, 1.0), *, first: Any = None,
                 second: Any = None, **kwargs: Any) -> None:
        generator = self._generator(min_value=min_value, max_value=max_value,
                                    start_at=start_at, end_at=end_at)
        super().__init__(generator, foreground, background, first=first, second=second,
                         **kwargs)


BlendAlphaHorizontalLinearGradient.__doc__ = _doc(BlendAlphaHorizontalLinearGradient.__doc__)


class BlendAlphaVerticalLinearGradient(BlendAlphaHorizontalLinearGradient):
    """Alpha-blend two branches along a vertical linear gradient (top to bottom).

    A wrapper of :class:`BlendAlphaMask` with a :class:`VerticalLinearGradientMaskGen`.

    Parameters
    ----------
{branches}
    min_value : number or tuple of (number, number) or list or StochasticParameter
        Mask value above the gradient, in ``[0, 1]``.
    max_value : number or tuple of (number, number) or list or StochasticParameter
        Mask value below the gradient, in ``[0, 1]``.
    start_at : number or tuple of (number, number) or list or StochasticParameter
        Where the gradient starts, as a fraction of the height (0: top edge).
    end_at : number or tuple of (number, number) or list or StochasticParameter
        Where it ends; below `start_at` the mask is inverted.

    Notes
    -----
{mask_note}

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = augkit.BlendAlphaVerticalLinearGradient(augkit.Lambda(
    ...     func_images=lambda images, *_: [image + 100 for image in images]),
    ...     min_value=0.0, max_value=1.0, start_at=0.0, end_at=1.0)
    >>> aug(image=np.zeros((3, 1), dtype=np.uint8))[:, 0].tolist()
    [0, 50, 100]
    """

    _generator = VerticalLinearGradientMaskGen


BlendAlphaVerticalLinearGradient.__doc__ = _doc(BlendAlphaVerticalLinearGradient.__doc__)


class BlendAlphaRegularGrid(BlendAlphaMask):
    """Alpha-blend two branches cell by cell on a regular grid with random alphas.

    A wrapper of :class:`BlendAlphaMask` with a :class:`RegularGridMaskGen`.

    Parameters
    ----------
    nb_rows, nb_cols : int or tuple of (int, int) or list of int or StochasticParameter
        Rows and columns of the grid, >= 1; drawn per image.
{branches}
    alpha : number or tuple of (number, number) or list or StochasticParameter
        Alpha of each cell, in ``[0, 1]`` (default: 0 or 1); drawn per cell.

    Notes
    -----
{mask_note}

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = augkit.BlendAlphaRegularGrid(1, 2, augkit.Lambda(
    ...     func_images=lambda images, *_: [image + 100 for image in images]),
    ...     alpha=1.0)
    >>> aug(image=np.zeros((2, 2), dtype=np.uint8)).tolist()
    [[100, 100], [100, 100]]
    """

    examples = (
        {"nb_rows": (2, 4), "nb_cols": (2, 4), "foreground": _shuffle()},
        {"nb_rows": 2, "nb_cols": 2, "foreground": _shuffle(), "alpha": (0.0, 1.0)},
    )

    def __init__(self, nb_rows: Any, nb_cols: Any, foreground: Any = None,
                 background: Any = None, alpha: Any = (0.0, 1.0), *, first: Any = None,
                 second: Any = None, **kwargs: Any) -> None:
        super().__init__(RegularGridMaskGen(nb_rows, nb_cols, alpha), foreground, background,
                         first=first, second=second, **kwargs)


BlendAlphaRegularGrid.__doc__ = _doc(BlendAlphaRegularGrid.__doc__)


class BlendAlphaCheckerboard(BlendAlphaMask):
    """Alpha-blend two branches in a checkerboard pattern (top-left cell: foreground).

    A wrapper of :class:`BlendAlphaMask` with a :class:`CheckerboardMaskGen`.

    Parameters
    ----------
    nb_rows, nb_cols : int or tuple of (int, int) or list of int or StochasticParameter
        Rows and columns of the board, >= 1; drawn per image.
{branches}

    Notes
    -----
{mask_note}

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> aug = augkit.BlendAlphaCheckerboard(2, 2, augkit.Lambda(
    ...     func_images=lambda images, *_: [image + 100 for image in images]))
    >>> aug(image=np.zeros((2, 2), dtype=np.uint8)).tolist()
    [[100, 0], [0, 100]]
    """

    examples = (
        {"nb_rows": 2, "nb_cols": (1, 4), "foreground": _shuffle()},
        {"nb_rows": (1, 3), "nb_cols": 3, "background": _shuffle()},
    )

    def __init__(self, nb_rows: Any, nb_cols: Any, foreground: Any = None,
                 background: Any = None, *, first: Any = None, second: Any = None,
                 **kwargs: Any) -> None:
        super().__init__(CheckerboardMaskGen(nb_rows, nb_cols), foreground, background,
                         first=first, second=second, **kwargs)


BlendAlphaCheckerboard.__doc__ = _doc(BlendAlphaCheckerboard.__doc__)


class BlendAlphaSegMapClassIds(BlendAlphaMask):
    """Alpha-blend two branches where the segmentation map holds given class ids.

    A wrapper of :class:`BlendAlphaMask` with a :class:`SegMapClassIdsMaskGen`. The
    mask is computed from the segmentation maps passed with the images; a call
    without segmentation maps shows only the background branch.

    Parameters
    ----------
    class_ids : int or list of int, or (with `nb_sample_classes`) tuple or StochasticParameter
        Class ids whose pixels show the foreground branch.
{branches}
    nb_sample_classes : None or int or tuple of (int, int) or list of int or StochasticParameter
        If set, draw this many ids per image (with replacement) from `class_ids`.

    Notes
    -----
{mask_note}

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> segmap = augkit.SegmentationMapsOnImage(np.array([[0, 1]], np.int32), shape=(1, 2))
    >>> aug = augkit.BlendAlphaSegMapClassIds(1, augkit.Lambda(
    ...     func_images=lambda images, *_: [image + 100 for image in images]))
    >>> image, _ = aug(image=np.zeros((1, 2), dtype=np.uint8), segmentation_maps=segmap)
    >>> image.tolist()
    [[0, 100]]
    """

    examples = (
        {"class_ids": [1, 3], "foreground": _shuffle()},
        {"class_ids": (1, 3), "nb_sample_classes": 2, "foreground": _shuffle()},
    )

    def __init__(self, class_ids: Any, foreground: Any = None, background: Any = None,
                 nb_sample_classes: Any = None, *, first: Any = None, second: Any = None,
                 **kwargs: Any) -> None:
        super().__init__(SegMapClassIdsMaskGen(class_ids, nb_sample_classes), foreground,
                         background, first=first, second=second, **kwargs)


BlendAlphaSegMapClassIds.__doc__ = _doc(BlendAlphaSegMapClassIds.__doc__)


class BlendAlphaBoundingBoxes(BlendAlphaMask):
    """Alpha-blend two branches inside bounding boxes with given labels.

    A wrapper of :class:`BlendAlphaMask` with a :class:`BoundingBoxesMaskGen`. The
    mask is computed from the boxes passed with the images; a call without boxes
    shows only the background branch.

    Parameters
    ----------
    labels : None or str or list of str, or (with `nb_sample_labels`) StochasticParameter
        Labels of the boxes whose area shows the foreground branch; None: all boxes.
{branches}
    nb_sample_labels : None or int or tuple of (int, int) or list of int or StochasticParameter
        If set, draw this many labels per image (with replacement) from `labels`.

    Notes
    -----
{mask_note}

    Supported data: images, heatmaps, segmentation_maps, keypoints, bounding_boxes,
    polygons, line_strings (image dtypes: every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> boxes = np.array([[1, 0, 2, 1]], dtype=np.float32)
    >>> aug = augkit.BlendAlphaBoundingBoxes(None, background=augkit.Lambda(
    ...     func_images=lambda images, *_: [image * 0 for image in images]))
    >>> image, _ = aug(image=np.full((1, 3), 9, dtype=np.uint8), bounding_boxes=boxes)
    >>> image.tolist()
    [[0, 9, 0]]
    """

    examples = (
        {"labels": None, "foreground": _shuffle()},
        {"labels": ["person", "car"], "nb_sample_labels": 1, "background": _shuffle()},
    )

    def __init__(self, labels: Any, foreground: Any = None, background: Any = None,
                 nb_sample_labels: Any = None, *, first: Any = None, second: Any = None,
                 **kwargs: Any) -> None:
        super().__init__(BoundingBoxesMaskGen(labels, nb_sample_labels), foreground,
                         background, first=first, second=second, **kwargs)


BlendAlphaBoundingBoxes.__doc__ = _doc(BlendAlphaBoundingBoxes.__doc__)


BLEND_AUGMENTERS = (
    BlendAlpha, BlendAlphaMask, BlendAlphaElementwise, BlendAlphaSimplexNoise,
    BlendAlphaFrequencyNoise, BlendAlphaSomeColors, BlendAlphaHorizontalLinearGradient,
    BlendAlphaVerticalLinearGradient, BlendAlphaRegularGrid, BlendAlphaCheckerboard,
    BlendAlphaSegMapClassIds, BlendAlphaBoundingBoxes,
)

MASK_GENERATORS = (
    StochasticParameterMaskGen, SomeColorsMaskGen, HorizontalLinearGradientMaskGen,
    VerticalLinearGradientMaskGen, RegularGridMaskGen, CheckerboardMaskGen,
    SegMapClassIdsMaskGen, BoundingBoxesMaskGen, InvertMaskGen,
)


def blend_alpha(image_fg: np.ndarray, image_bg: np.ndarray, alpha: Any,
                eps: float = 1e-2) -> np.ndarray:
    """Alpha-blend two images, ``alpha * image_fg + (1 - alpha) * image_bg`` (imgaug's kernel).

    The blending kernel of the ``BlendAlpha`` augmenters, with imgaug's signature.

    Parameters
    ----------
    image_fg, image_bg : ndarray of shape (H, W) or (H, W, C)
        Images of one shape and dtype (any numeric dtype or bool); not modified.
    alpha : number or ndarray of shape (C,), (H, W), (H, W, 1) or (H, W, C)
        Weights of *image_fg*, in ``[0, 1]``.
    eps : float, optional
        Weights all ``>= 1 - eps`` (or all ``<= eps``) return a copy of *image_fg*
        (of *image_bg*) without blending.

    Returns
    -------
    ndarray
        The blend, of the images' shape and dtype (integers rounded; bool images
        thresholded at 0.5). uint8 results may differ from exact rounding by 1, as in
        imgaug's uint8 path.

    Raises
    ------
    augkit.InputError
        The images differ in shape or dtype, or *alpha*'s shape fits neither.
    augkit.ParameterError
        *alpha* is outside ``[0, 1]``.

    Examples
    --------
    >>> import numpy as np
    >>> fg = np.full((1, 2), 200, np.uint8); bg = np.zeros((1, 2), np.uint8)
    >>> blend_alpha(fg, bg, 0.25).tolist()
    [[50, 50]]
    >>> blend_alpha(fg, bg, np.array([[1.0, 0.5]])).tolist()
    [[200, 100]]
    """
    fg, bg = np.asarray(image_fg), np.asarray(image_bg)
    if fg.shape != bg.shape or fg.dtype != bg.dtype:
        raise InputError(
            f"blend_alpha: image_fg {fg.shape} {fg.dtype} and image_bg {bg.shape} {bg.dtype} "
            f"must have one shape and dtype")
    if fg.ndim not in (2, 3):
        raise InputError(f"blend_alpha: image_fg has shape {fg.shape}, expected (H, W) or "
                         f"(H, W, C)")
    was_2d = fg.ndim == 2
    if was_2d:
        fg, bg = fg[:, :, None], bg[:, :, None]
    weights = _alpha_for(np.asarray(alpha, dtype=np.float32), fg.shape)
    if weights.size and not (0.0 <= weights.min() and weights.max() <= 1.0):
        raise ParameterError(
            f"blend_alpha: alpha must lie in [0, 1], got values from {weights.min():.4f} to "
            f"{weights.max():.4f}")
    if fg.dtype.kind == "b":
        mixed = blend(fg.astype(np.float32), bg.astype(np.float32), weights) > 0.5
    elif weights.size and np.all(weights >= 1.0 - eps):
        mixed = fg.copy()
    elif weights.size and np.all(weights <= eps):
        mixed = bg.copy()
    else:
        mixed = _blend_pixels(fg, bg, weights)
    return mixed[:, :, 0] if was_2d else mixed


def _alpha_for(alpha: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Shape *alpha* for ``_blend_pixels``: scalar, ``(C,)``, ``(H, W)`` or ``(H, W, C)``."""
    if alpha.size == 1:
        return alpha.reshape(())
    if alpha.ndim == 2 and alpha.shape == shape[:2]:
        return alpha
    if alpha.ndim == 3 and alpha.shape[:2] == shape[:2] and alpha.shape[2] in (1, shape[2]):
        return alpha
    if alpha.ndim == 1 and alpha.size == shape[2]:
        return alpha
    raise InputError(
        f"blend_alpha: alpha has shape {alpha.shape}, expected a number or an array of shape "
        f"(C,), (H, W), (H, W, 1) or (H, W, C) for images of shape {shape}")


# imgaug's deprecated names (registered as aliases of the classes as well).
Alpha = BlendAlpha
AlphaElementwise = BlendAlphaElementwise
SimplexNoiseAlpha = BlendAlphaSimplexNoise
FrequencyNoiseAlpha = BlendAlphaFrequencyNoise

__all__ = [
    "Alpha", "AlphaElementwise", "BlendAlpha", "BlendAlphaBoundingBoxes",
    "BlendAlphaCheckerboard", "BlendAlphaElementwise", "BlendAlphaFrequencyNoise",
    "BlendAlphaHorizontalLinearGradient", "BlendAlphaMask", "BlendAlphaRegularGrid",
    "BlendAlphaSegMapClassIds", "BlendAlphaSimplexNoise", "BlendAlphaSomeColors",
    "BlendAlphaVerticalLinearGradient", "BoundingBoxesMaskGen", "CheckerboardMaskGen",
    "FrequencyNoiseAlpha", "HorizontalLinearGradientMaskGen", "IBatchwiseMaskGenerator",
    "InvertMaskGen", "RegularGridMaskGen", "SegMapClassIdsMaskGen", "SimplexNoiseAlpha",
    "SomeColorsMaskGen", "StochasticParameterMaskGen", "VerticalLinearGradientMaskGen",
    "blend_alpha",
]
