"""Replacing pixel values where a random mask says so: ReplaceElementwise and the
salt-and-pepper family (ImpulseNoise, SaltAndPepper, Salt, Pepper and their Coarse
versions). Dropout and CoarseDropout (:mod:`augkit_arithmetic.dropout`) are the same
machinery with the replacement 0.

One mask sampler serves them all (:class:`MaskSampler`): a probability drawn per
image gives a fine mask (one random uint16 per entry, compared to a threshold),
drawn at a lower resolution and enlarged by nearest-neighbour repetition for the
Coarse versions; any other StochasticParameter is drawn as the mask itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit.extend import ParameterError, value_range
from augkit_arithmetic import functional as F
from augkit_arithmetic._common import (
    ArithmeticAugmenter,
    bernoulli_indices,
    check_int,
    elementwise_shapes,
)


def cell_edges(size: int, cells: int) -> np.ndarray:
    """Start of each of *cells* low-resolution cells along an axis of *size* pixels.

    Pixel ``y`` belongs to cell ``floor(y * cells / size)`` (nearest-neighbour
    upscaling); returns ``cells + 1`` edges.
    """
    index = np.arange(cells + 1, dtype=np.int64)
    return (index * size + cells - 1) // cells


@dataclass
class DrawnMask:
    """A mask drawn for one image, possibly at a lower resolution.

    ``indices`` are the selected flat positions in the ``low_shape`` grid
    ``(h, w, C')`` (C' is 1, meaning every channel, or the image's C). When the grid
    is smaller than the image's ``height`` x ``width``, each low-resolution cell
    covers the pixels that nearest-neighbour enlargement gives it.
    """

    indices: np.ndarray
    low_shape: tuple[int, int, int]
    height: int
    width: int

    @property
    def per_channel(self) -> bool:
        return self.low_shape[2] != 1

    @property
    def is_full(self) -> bool:
        return self.low_shape[:2] == (self.height, self.width)

    def full_indices(self) -> np.ndarray:
        """Selected flat positions in the full ``(height, width, C')`` grid."""
        if self.is_full:
            return self.indices
        low = np.zeros(self.low_shape, dtype=bool)
        low.reshape(-1)[self.indices] = True
        rows = np.diff(cell_edges(self.height, self.low_shape[0]))
        cols = np.diff(cell_edges(self.width, self.low_shape[1]))
        return np.flatnonzero(np.repeat(np.repeat(low, rows, axis=0), cols, axis=1))

    def rectangles(self) -> list[tuple[int, int, int, int, int]]:
        """``(y1, y2, x1, x2, channel)`` of every selected cell (channel -1: all)."""
        rows = cell_edges(self.height, self.low_shape[0])
        cols = cell_edges(self.width, self.low_shape[1])
        ii, jj, cc = np.unravel_index(self.indices, self.low_shape)
        return [(int(rows[i]), int(rows[i + 1]), int(cols[j]), int(cols[j + 1]),
                 int(c) if self.per_channel else -1)
                for i, j, c in zip(ii.tolist(), jj.tolist(), cc.tolist())]


class MaskSampler:
    """Draws the replacement mask of each image, fine or coarse.

    Parameters
    ----------
    mask : StochasticParameter
        ``Binomial(p)`` (what a probability shorthand becomes): ``p`` is drawn once
        per image and the mask entries are independent draws with that probability
        (:func:`~augkit_arithmetic._common.bernoulli_indices`). Any other
        parameter is drawn at the mask's shape; entries above 0.5 count.
    invert : bool
        The parameter gives the entries to *keep* (imgaug's Dropout convention for
        StochasticParameters): the mask is where it is <= 0.5.
    size_px, size_percent : StochasticParameter, optional
        Draw the mask at a lower resolution (height and width drawn separately, in
        pixels or as a fraction of the image's) and enlarge it; at most one given.
    min_size : int
        Smallest low-resolution height and width.
    """

    def __init__(self, mask: iap.StochasticParameter, *, invert: bool = False,
                 size_px: iap.StochasticParameter | None = None,
                 size_percent: iap.StochasticParameter | None = None,
                 min_size: int = 1) -> None:
        self.invert = invert
        self.probability = mask.p if isinstance(mask, iap.Binomial) else None
        self.param = mask
        self.size_px = size_px
        self.size_percent = size_percent
        self.min_size = min_size

    def _low_shapes(self, shapes: list[tuple], rng: np.random.Generator) -> list[tuple]:
        count = len(shapes)
        if self.size_px is not None:
            sizes = np.rint(iap.draw(self.size_px, (count, 2), rng)).astype(np.int64)
        elif self.size_percent is not None:
            fractions = iap.draw(self.size_percent, (count, 2), rng)
            dims = np.array([[s[0], s[1]] for s in shapes], dtype=np.float64).reshape(-1, 2)
            sizes = (fractions * dims).astype(np.int64)
        else:
            return [tuple(s) for s in shapes]
        sizes = np.maximum(sizes, self.min_size)
        return [(int(h), int(w), s[2]) for (h, w), s in zip(sizes.tolist(), shapes)]

    def draw(self, shapes: list[tuple], rng: np.random.Generator) -> list[DrawnMask]:
        """Draw one mask per image; *shapes* are ``(H, W, C')`` with C' 1 or C."""
        low_shapes = self._low_shapes(shapes, rng)
        if self.probability is not None:
            ps = iap.draw(self.probability, len(shapes), rng, dtype=np.float64)
            if self.invert:
                ps = 1.0 - ps
            selected = [bernoulli_indices(rng, low[0] * low[1] * low[2], p)
                        for low, p in zip(low_shapes, ps.tolist())]
        else:
            selected = []
            for low in low_shapes:
                samples = iap.draw(self.param, low, rng)
                selected.append(np.flatnonzero(samples <= 0.5 if self.invert else samples > 0.5))
        return [DrawnMask(indices, low, s[0], s[1])
                for indices, low, s in zip(selected, low_shapes, shapes)]


def coarse_sampler(mask: iap.StochasticParameter, size_px: Any, size_percent: Any,
                   min_size: Any, *, invert: bool = False) -> MaskSampler:
    """A :class:`MaskSampler` at lower resolution; neither size given: ``size_px=(3, 8)``."""
    if size_px is not None and size_percent is not None:
        raise ParameterError(
            f"size_px, size_percent: expected at most one of them, got size_px={size_px!r} "
            f"and size_percent={size_percent!r}")
    min_size = check_int(min_size, "min_size", minimum=1)
    if size_px is None and size_percent is None:
        size_px = (3, 8)
    px = None if size_px is None else iap.handle_discrete_param(
        size_px, "size_px", value_range=(1, None))
    percent = None if size_percent is None else iap.handle_continuous_param(
        size_percent, "size_percent", value_range=(0, 1))
    return MaskSampler(mask, invert=invert, size_px=px, size_percent=percent,
                       min_size=min_size)


@dataclass
class ReplaceRow:
    """What a replacing augmenter drew for one image."""

    mask: DrawnMask
    values: np.ndarray | None  # one per selected mask entry; None: replace with 0


class ReplaceElementwise(ArithmeticAugmenter):
    """Replace the pixels a random mask selects with drawn values.

    Parameters
    ----------
    mask : float or tuple of (float, float) or list or StochasticParameter
        A probability (per image and pixel: a number, a uniform range or a list to
        choose from, per image) of replacing each pixel, or a StochasticParameter
        drawn as the mask (entries > 0.5 are replaced), e.g.
        ``iap.FromLowerResolution(iap.Binomial(0.1), size_px=8)``.
    replacement : number or tuple of (number, number) or list or StochasticParameter
        The new values, drawn per replaced pixel (and channel with *per_channel*), in
        the image's units; rounded and saturated into the dtype.
    <per_channel mask>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> aug = ReplaceElementwise(1.0, 7)
    >>> aug(image=np.zeros((1, 2), np.uint8)).tolist()
    [[7, 7]]
    >>> aug = ReplaceElementwise(0.05, [0, 255], per_channel=0.5)
    """

    imgaug_parameters = ("mask", "replacement", "per_channel")
    examples = ({"mask": 0.1, "replacement": [0, 255]},
                {"mask": (0.0, 0.2), "replacement": (0, 255), "per_channel": 0.5})
    #: Replacements are fractions of the dtype's value range (the salt-and-pepper family).
    _relative_replacement = False

    def __init__(self, mask: Any, replacement: Any, per_channel: Any = False,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._setup(MaskSampler(iap.handle_probability_param(
            mask, "mask", tuple_to_uniform=True, list_to_choice=True)),
            iap.handle_continuous_param(replacement, "replacement"), per_channel)

    @property
    def mask(self) -> iap.StochasticParameter:
        """imgaug's ``mask``: the parameter that decides which pixels are replaced."""
        return self._sampler.param

    def _setup(self, sampler: MaskSampler, replacement: iap.StochasticParameter | None,
               per_channel: Any) -> None:
        self._sampler = sampler
        self.replacement = replacement
        self.per_channel = iap.handle_per_channel(per_channel)

    def sample(self, rows, rng):
        shapes = elementwise_shapes(self.per_channel, rows.shapes, rng)
        masks = self._sampler.draw(shapes, rng)
        if self.replacement is None:
            return [ReplaceRow(mask, None) for mask in masks]
        out = []
        for mask in masks:
            indices = mask.full_indices()
            values = iap.draw(self.replacement, len(indices), rng, dtype=np.float64)
            full = (mask.height, mask.width, mask.low_shape[2])
            out.append(ReplaceRow(DrawnMask(indices, full, mask.height, mask.width), values))
        return out

    def apply_to_images(self, images, params):
        out = []
        for image, row in zip(images, params):
            if row.values is None:
                out.append(_zero(image, row.mask))
                continue
            values = row.values
            if self._relative_replacement:
                low, _, high = value_range(image.dtype)
                values = low + values * (high - low)
            out.append(F.replace_at(image, row.mask.indices, row.mask.per_channel, values))
        return out


def _zero(image: np.ndarray, mask: DrawnMask) -> np.ndarray:
    """Set the mask's entries to 0; few coarse cells are zeroed as rectangles."""
    if not mask.is_full and len(mask.indices) <= 64:
        out = np.array(image, copy=True, order="C")
        for y1, y2, x1, x2, channel in mask.rectangles():
            if channel < 0:
                out[y1:y2, x1:x2] = 0
            else:
                out[y1:y2, x1:x2, channel] = 0
        return out
    return F.replace_at(image, mask.full_indices(), mask.per_channel, 0.0)


# ---------------------------------------------------------------------------
# salt and pepper
# ---------------------------------------------------------------------------


class _Arcsine(iap.StochasticParameter):
    """``Beta(0.5, 0.5)`` drawn exactly as ``sin(pi/2 * u) ** 2`` (u uniform): far faster
    than numpy's beta sampler. *side* +1 folds it onto [0.5, 1] (imgaug's salt:
    ``0.5 + |b - 0.5|``), -1 onto [0, 0.5] (pepper), 0 keeps it whole."""

    _fields = ("side",)

    def __init__(self, side: int = 0) -> None:
        self.side = int(side)

    def _draw(self, size, rng):
        values = np.sin(rng.random(size) * (np.pi / 2)) ** 2
        if self.side:
            values = 0.5 + self.side * np.abs(values - 0.5)
        return values


def _probability(p: Any) -> iap.StochasticParameter:
    return iap.handle_probability_param(p, "p", tuple_to_uniform=True, list_to_choice=True)


class _FineNoise(ReplaceElementwise):
    _relative_replacement = True
    #: Which values: 0 salt and pepper, 1 salt (upper half), -1 pepper (lower half).
    _side = 0
    examples = ({"p": 0.1}, {"p": (0.0, 0.2), "per_channel": True})

    def __init__(self, p: Any = (0.0, 0.03), per_channel: Any = False, **kwargs: Any) -> None:
        ArithmeticAugmenter.__init__(self, **kwargs)
        self._setup(MaskSampler(_probability(p)), _Arcsine(self._side), per_channel)


class _CoarseNoise(ReplaceElementwise):
    _relative_replacement = True
    _side = 0
    examples = ({"p": 0.1, "size_px": (4, 16)},
                {"p": (0.02, 0.1), "size_percent": (0.05, 0.2), "per_channel": True})

    def __init__(self, p: Any = (0.02, 0.1), size_px: Any = None, size_percent: Any = None,
                 per_channel: Any = False, min_size: Any = 3, **kwargs: Any) -> None:
        ArithmeticAugmenter.__init__(self, **kwargs)
        self._setup(coarse_sampler(_probability(p), size_px, size_percent, min_size),
                    _Arcsine(self._side), per_channel)


class SaltAndPepper(_FineNoise):
    """Replace a fraction of the pixels with white-ish and black-ish noise.

    Parameters
    ----------
    p : float or tuple of (float, float) or list or StochasticParameter, optional
        Probability of replacing a pixel, drawn per image (default ``(0.0, 0.03)``);
        a StochasticParameter is drawn as the mask itself (entries > 0.5).
    <per_channel mask>
    <seed and name>

    <supported data>

    <salt and pepper dtypes>
    Values follow ``Beta(0.5, 0.5)``: mostly near 0 or near the maximum.

    Examples
    --------
    >>> import numpy as np
    >>> out = SaltAndPepper(0.05, seed=0)(image=np.full((32, 32, 3), 128, np.uint8))
    >>> 0 < int((out != 128).any(axis=2).sum()) < 200
    True
    """


class ImpulseNoise(_FineNoise):
    """Replace a fraction of the pixel channels with salt-and-pepper noise.

    :class:`SaltAndPepper` with ``per_channel=True`` always.

    Parameters
    ----------
    p : float or tuple of (float, float) or list or StochasticParameter, optional
        Probability of replacing a pixel's channel, drawn per image (default
        ``(0.0, 0.03)``).
    <seed and name>

    <supported data>

    <salt and pepper dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> ImpulseNoise(0.1)(image=np.full((8, 8, 3), 128, np.uint8)).shape
    (8, 8, 3)
    """

    examples = ({"p": 0.1}, {"p": (0.0, 0.2)})

    def __init__(self, p: Any = (0.0, 0.03), **kwargs: Any) -> None:
        super().__init__(p=p, per_channel=True, **kwargs)


class Salt(_FineNoise):
    """Replace a fraction of the pixels with white-ish noise.

    Parameters
    ----------
    p : float or tuple of (float, float) or list or StochasticParameter, optional
        Probability of replacing a pixel, drawn per image (default ``(0.0, 0.03)``).
    <per_channel mask>
    <seed and name>

    <supported data>

    <salt and pepper dtypes>
    Values lie in the upper half of the range, mostly near its maximum.

    Examples
    --------
    >>> import numpy as np
    >>> out = Salt(1.0)(image=np.zeros((4, 4), np.uint8))
    >>> bool((out >= 127).all())
    True
    """

    _side = 1


class Pepper(_FineNoise):
    """Replace a fraction of the pixels with black-ish noise.

    Parameters
    ----------
    p : float or tuple of (float, float) or list or StochasticParameter, optional
        Probability of replacing a pixel, drawn per image (default ``(0.0, 0.05)``).
    <per_channel mask>
    <seed and name>

    <supported data>

    <salt and pepper dtypes>
    Values lie in the lower half of the range, mostly near 0.

    Examples
    --------
    >>> import numpy as np
    >>> out = Pepper(1.0)(image=np.full((4, 4), 255, np.uint8))
    >>> bool((out <= 128).all())
    True
    """

    _side = -1

    def __init__(self, p: Any = (0.0, 0.05), per_channel: Any = False, **kwargs: Any) -> None:
        super().__init__(p=p, per_channel=per_channel, **kwargs)


class CoarseSaltAndPepper(_CoarseNoise):
    """Replace rectangular areas of the images with salt-and-pepper noise.

    Parameters
    ----------
    <p coarse>
    <coarse size>
    <per_channel mask>
    <min_size>
    <seed and name>

    <supported data>

    <salt and pepper dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> aug = CoarseSaltAndPepper(0.05, size_percent=(0.01, 0.1))
    >>> aug(image=np.full((16, 16, 3), 128, np.uint8)).shape
    (16, 16, 3)
    """


class CoarseSalt(_CoarseNoise):
    """Replace rectangular areas of the images with white-ish noise.

    Parameters
    ----------
    <p coarse>
    <coarse size>
    <per_channel mask>
    <min_size>
    <seed and name>

    <supported data>

    <salt and pepper dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> aug = CoarseSalt(0.05, size_percent=(0.01, 0.1))
    >>> aug(image=np.zeros((16, 16), np.uint8)).shape
    (16, 16)
    """

    _side = 1


class CoarsePepper(_CoarseNoise):
    """Replace rectangular areas of the images with black-ish noise.

    Parameters
    ----------
    <p coarse>
    <coarse size>
    <per_channel mask>
    <min_size>
    <seed and name>

    <supported data>

    <salt and pepper dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> aug = CoarsePepper(0.05, size_percent=(0.01, 0.1))
    >>> aug(image=np.full((16, 16), 255, np.uint8)).shape
    (16, 16)
    """

    _side = -1


AUGMENTERS = (ReplaceElementwise, ImpulseNoise, SaltAndPepper, CoarseSaltAndPepper, Salt,
              CoarseSalt, Pepper, CoarsePepper)
