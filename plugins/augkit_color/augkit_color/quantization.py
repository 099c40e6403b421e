"""Colour quantization: k-means palettes, uniform bins, dropping low bits (Posterize)."""

from __future__ import annotations

from typing import Any, ClassVar

import cv2
import numpy as np

from augkit import ParameterError
from augkit import parameters as iap
from augkit.extend import INTERPOLATIONS, apply_lut, channel_count, table_keeping_alpha
from augkit_color import functional as F
from augkit_color._common import (
    ColorPixelAugmenter,
    colorspace_name,
    colorspace_param,
    draw_colorspaces,
)
from augkit_color.functional import RGB, Lab, change_colorspace, join_alpha, split_alpha

#: The interpolations of k-means' downscaled copy: augkit's names, with imgaug's
#: "nearest" (``cv2.INTER_NEAREST``, not augkit's pixel-centred one).
_INTERPOLATIONS = {**INTERPOLATIONS, "nearest": cv2.INTER_NEAREST}


def _interpolation_flag(value: Any) -> int:
    """Return the cv2 flag of an interpolation name or flag of :data:`_INTERPOLATIONS`."""
    options = [*_INTERPOLATIONS, *sorted(set(_INTERPOLATIONS.values()))]
    choice = iap.handle_choice_param(value, "interpolation", options, stochastic=False)
    return _INTERPOLATIONS.get(choice, choice)


def _check_max_size(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ParameterError(f"max_size: expected None or an integer >= 1, got {value!r}")
    return int(value)


class _Quantization(ColorPixelAugmenter):
    """Base: one count per image, optionally in another colour space; alpha kept."""

    supported_dtypes = frozenset({"uint8"})
    image_channels = None
    _count_name: ClassVar[str] = "n_colors"

    def _init_quantization(self, count: Any, count_range: tuple[int, int | None],
                           from_colorspace: Any, to_colorspace: Any, max_size: Any,
                           interpolation: Any) -> None:
        self._count = iap.handle_discrete_param(count, self._count_name, value_range=count_range)
        self._count_range = count_range
        self.from_colorspace = colorspace_name(from_colorspace, "from_colorspace")
        self.to_colorspace = None if to_colorspace is None else colorspace_param(
            to_colorspace, "to_colorspace")
        self.max_size = _check_max_size(max_size)
        self.interpolation = _interpolation_flag(interpolation)

    @property
    def counts(self) -> iap.StochasticParameter:
        """imgaug's ``counts``: the number of colours (or bits) drawn per image."""
        return self._count

    def sample(self, rows, rng):
        nb_rows = rows.nb_rows
        low, high = self._count_range
        if nb_rows == 1:
            # one image: Python numbers, the same draws in the same order as below
            count = max(int(self._count.draw_samples(1, random_state=rng)[0]), low)
            count = count if high is None else min(count, high)
            space = (None if self.to_colorspace is None else
                     draw_colorspaces(self.to_colorspace, 1, rng, "to_colorspace")[0])
            return [(count, space, int(rng.integers(0, 2**31 - 1)))]
        counts = iap.draw(self._count, nb_rows, rng).astype(np.int64)
        counts = np.clip(counts, low, high if high is not None else None)
        spaces = ([None] * nb_rows if self.to_colorspace is None else
                  draw_colorspaces(self.to_colorspace, nb_rows, rng, "to_colorspace"))
        seeds = rng.integers(0, 2**31 - 1, size=nb_rows)
        return list(zip(counts.tolist(), spaces, seeds.tolist()))

    def _apply_one(self, image, row):
        count, space, seed = row
        if image.shape[2] not in (3, 4):
            return self._quantize(image, count, seed)
        color, alpha = split_alpha(image)
        if space is not None and space != self.from_colorspace:
            converted = change_colorspace(color, space, self.from_colorspace)
            quantized = change_colorspace(self._quantize(converted, count, seed),
                                          self.from_colorspace, space)
        else:
            quantized = self._quantize(color, count, seed)
        return join_alpha(quantized, alpha)

    def _quantize(self, image: np.ndarray, count: int, seed: int) -> np.ndarray:
        raise NotImplementedError


class KMeansColorQuantization(_Quantization):
    """Reduce each image to *n_colors* colours found by k-means clustering.

    Cluster centres are fitted on a copy downscaled to at most *max_size* pixels per
    side (with *interpolation*), optionally in another colour space; then every pixel
    of the full image takes its nearest centre. A 4th (alpha) channel is kept.
    OpenCV's k-means starts from labels drawn from the augmenter's own generator, so
    results are reproducible and independent of cv2's global RNG.

    Parameters
    ----------
    n_colors : int or tuple of (int, int) or list of int or StochasticParameter, optional
        Colours per image, at least 2 (default ``(2, 16)``).
    <from_colorspace>
    to_colorspace : None or str or list of str or StochasticParameter, optional
        Colour space to cluster in (default ``["RGB", "Lab"]``, one per image).
    max_size : None or int, optional
        Largest side of the copy the centres are fitted on (default 128).
    interpolation : {'nearest', 'linear', 'area', 'cubic'} or int, optional
        How that copy is downscaled (default ``"linear"``).

    <supported data>

    Any number of channels (colour space conversion only for 3 or 4).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.random.default_rng(0).integers(0, 255, (16, 16, 3), dtype=np.uint8)
    >>> out = KMeansColorQuantization(n_colors=4, to_colorspace="RGB")(image=img)
    >>> len(np.unique(out.reshape(-1, 3), axis=0)) <= 4
    True
    """

    imgaug_parameters = ("counts", "from_colorspace", "to_colorspace", "max_size", "interpolation")
    examples = ({"n_colors": (2, 8)}, {"n_colors": 4, "to_colorspace": "RGB",
                                       "max_size": 16})

    def __init__(self, n_colors: Any = (2, 16), from_colorspace: str = RGB,
                 to_colorspace: Any = (RGB, Lab), max_size: int | None = 128,
                 interpolation: Any = "linear", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._init_quantization(n_colors, (2, None), from_colorspace, to_colorspace,
                                max_size, interpolation)
        self.n_colors = self._count

    def _quantize(self, image, count, seed):
        height, width = image.shape[:2]
        sample = None
        if self.max_size is not None and max(height, width) > self.max_size:
            scale = self.max_size / max(height, width)
            size = (max(1, round(width * scale)), max(1, round(height * scale)))
            sample = cv2.resize(image, size, interpolation=self.interpolation)
            sample = sample.reshape(size[1], size[0], image.shape[2])
        return F.kmeans_quantize(image, count, seed, sample)


class _TableQuantization(_Quantization):
    """Base: quantization by one uint8 table per image, the same for every channel."""

    def _table(self, count: int) -> np.ndarray:
        """The ``(256,)`` uint8 table quantizing to *count* (colours or bits)."""
        raise NotImplementedError

    def _quantize(self, image, count, seed):
        return apply_lut(image, self._table(count))

    def lookup_tables(self, params, shapes):
        """Per row, its table (alpha kept: identity column); None where a colour space
        conversion makes the row not per-channel."""
        return [self._row_table(row, shape) for row, shape in zip(params, shapes)]

    def _row_table(self, row: tuple[int, str | None, int],
                   shape: tuple[int, ...]) -> np.ndarray | None:
        count, space, _ = row
        channels = channel_count(shape)
        if channels in (3, 4) and space is not None and space != self.from_colorspace:
            return None
        return table_keeping_alpha(self._table(count), channels)


class UniformColorQuantization(_TableQuantization):
    """Quantize each channel uniformly into *n_colors* bins (values become bin centres).

    uint8 rows are lookup tables (``lookup_tables``) unless a colour space is drawn.

    A 256-entry lookup table per image. Quantization is per pixel, so *max_size* and
    *interpolation* (accepted for imgaug compatibility) change nothing: augkit always
    works at full resolution.

    Parameters
    ----------
    n_colors : int or tuple of (int, int) or list of int or StochasticParameter, optional
        Bins per channel, in ``[2, 256]`` (default ``(2, 16)``).
    <uniform quantization options>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.array([[0, 100, 200, 255]], dtype=np.uint8)
    >>> UniformColorQuantization(n_colors=2)(image=img).tolist()
    [[64, 64, 192, 192]]
    """

    imgaug_parameters = ("counts", "from_colorspace", "to_colorspace", "max_size", "interpolation")
    examples = ({"n_colors": (2, 16)}, {"n_colors": 4, "to_colorspace": "HSV"})

    def __init__(self, n_colors: Any = (2, 16), from_colorspace: str = RGB,
                 to_colorspace: Any = None, max_size: int | None = None,
                 interpolation: Any = "linear", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._init_quantization(n_colors, (2, 256), from_colorspace, to_colorspace,
                                max_size, interpolation)
        self.n_colors = self._count

    def _table(self, count):
        return F.uniform_quantization_table(count)


class UniformColorQuantizationToNBits(_TableQuantization):
    """Keep only the *nb_bits* highest bits of each value (``2 ** nb_bits`` levels).

    uint8 rows are lookup tables (``lookup_tables``) unless a colour space is drawn.

    The same as PIL's posterize: one 256-entry lookup table per image.

    Parameters
    ----------
    nb_bits : int or tuple of (int, int) or list of int or StochasticParameter, optional
        Bits kept per channel, in ``[1, 8]`` (default ``(1, 8)``).
    <uniform quantization options>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.array([[0, 100, 200, 255]], dtype=np.uint8)
    >>> UniformColorQuantizationToNBits(nb_bits=2)(image=img).tolist()
    [[0, 64, 192, 192]]
    """

    imgaug_parameters = ("counts", "from_colorspace", "to_colorspace", "max_size", "interpolation")
    examples = ({"nb_bits": (1, 8)}, {"nb_bits": 3})
    _count_name = "nb_bits"

    def __init__(self, nb_bits: Any = (1, 8), from_colorspace: str = RGB,
                 to_colorspace: Any = None, max_size: int | None = None,
                 interpolation: Any = "linear", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._init_quantization(nb_bits, (1, 8), from_colorspace, to_colorspace, max_size,
                                interpolation)
        self.nb_bits = self._count

    def _table(self, count):
        return F.nbits_table(count)


class Posterize(UniformColorQuantizationToNBits):
    """Posterize images: keep only the *nb_bits* highest bits of each value.

    uint8 rows are lookup tables (``lookup_tables``) unless a colour space is drawn.

    imgaug's name for :class:`UniformColorQuantizationToNBits`, same parameters.

    Parameters
    ----------
    nb_bits : int or tuple of (int, int) or list of int or StochasticParameter, optional
        Bits kept per channel, in ``[1, 8]`` (default ``(1, 8)``).
    <uniform quantization options>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> Posterize(nb_bits=1)(image=np.array([[100, 200]], dtype=np.uint8)).tolist()
    [[0, 128]]
    """

    examples = ({"nb_bits": (4, 8)},)


AUGMENTERS = (KMeansColorQuantization, UniformColorQuantization,
              UniformColorQuantizationToNBits, Posterize)
