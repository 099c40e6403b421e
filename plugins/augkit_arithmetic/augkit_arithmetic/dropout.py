"""Setting pixels, areas or channels to zero or a fill: Dropout, CoarseDropout,
Dropout2d, TotalDropout and Cutout.

Dropout and CoarseDropout are :class:`~augkit_arithmetic.replace.ReplaceElementwise`
with the replacement 0 and a fine or coarse mask (uint8 images are zeroed with one
saturating OpenCV multiply; a coarse mask with few cells zeroes rectangles).

These augmenters change pixels only: unlike imgaug's Dropout2d and TotalDropout,
they leave heatmaps, segmentation maps and coordinates of fully dropped images
alone (remove them yourself if your task needs that).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from augkit import ParameterError, PixelAugmenter
from augkit import parameters as iap
from augkit.pixels import saturate, value_range
from augkit_arithmetic.replace import (
    REPLACE_DTYPES,
    MaskSampler,
    ReplaceElementwise,
    coarse_sampler,
)


def dropout_probability(p: Any, name: str = "p") -> tuple[iap.StochasticParameter, bool]:
    """Turn a dropout ``p`` into a mask parameter and whether it is a keep-mask.

    A number, ``(a, b)`` tuple or list is the probability of dropping, drawn per
    image; a StochasticParameter is imgaug's convention: drawn per entry, > 0.5 means
    *keep* (``iap.Binomial(1 - p)``).
    """
    if isinstance(p, iap.StochasticParameter):
        return p, True
    return iap.handle_probability_param(p, name, tuple_to_uniform=True,
                                        list_to_choice=True), False


_P_DOC = """p : float or tuple of (float, float) or list or StochasticParameter, optional
        Probability of dropping {what}: a number, a uniform range drawn per image, or
        a list to choose from per image. A StochasticParameter follows imgaug: it is
        drawn per {what_one} and values > 0.5 mean *keep* (``iap.Binomial(1 - p)``)."""


class Dropout(ReplaceElementwise):
    """Set a random fraction of the pixels (or pixel channels) to zero.

    Parameters
    ----------
    {p}
    per_channel : bool or float or StochasticParameter, optional
        True drops channels independently; a float is the probability, per image,
        of doing so.

    Supported data: images; every other kind passes through unchanged (image dtypes:
    every numeric dtype).

    The drop probability is resolved to 1/65536.

    Examples
    --------
    >>> import numpy as np
    >>> Dropout(1.0)(image=np.full((1, 2), 9, np.uint8)).tolist()
    [[0, 0]]
    >>> aug = Dropout((0.01, 0.1), per_channel=0.5)
    """

    examples = ({"p": 0.1}, {"p": (0.01, 0.1), "per_channel": 0.5})

    def __init__(self, p: Any = (0.0, 0.05), per_channel: Any = False, **kwargs: Any) -> None:
        PixelAugmenter.__init__(self, **kwargs)
        mask, keep = dropout_probability(p)
        self.p = mask
        self._setup(MaskSampler(mask, invert=keep), None, per_channel)


class CoarseDropout(ReplaceElementwise):
    """Set random rectangular areas of the images (or of their channels) to zero.

    The mask is drawn at a lower resolution and enlarged (nearest neighbour), so each
    dropped low-resolution cell becomes a rectangle.

    Parameters
    ----------
    {p}
    size_px : int or tuple of (int, int) or list or StochasticParameter, optional
        Height and width (drawn separately, per image) of the low-resolution mask in
        pixels; smaller values give larger rectangles.
    size_percent : float or tuple of (float, float) or list or StochasticParameter, optional
        The same as a fraction of the image's height and width. Give at most one of
        *size_px* and *size_percent*; neither means ``size_px=(3, 8)``.
    per_channel : bool or float or StochasticParameter, optional
        True draws the mask per channel; a float is the probability, per image, of
        doing so.
    min_size : int, optional
        Smallest low-resolution height and width (default 3).

    Supported data: images; every other kind passes through unchanged (image dtypes:
    every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> aug = CoarseDropout((0.03, 0.15), size_percent=(0.02, 0.05), per_channel=0.2)
    >>> aug(image=np.full((64, 64, 3), 200, np.uint8)).shape
    (64, 64, 3)
    """

    examples = ({"p": 0.1, "size_px": (3, 8)},
                {"p": (0.03, 0.15), "size_percent": (0.02, 0.05), "per_channel": 0.2},
                {"p": 0.3, "size_percent": 0.5})

    def __init__(self, p: Any = (0.02, 0.1), size_px: Any = None, size_percent: Any = None,
                 per_channel: Any = False, min_size: Any = 3, **kwargs: Any) -> None:
        PixelAugmenter.__init__(self, **kwargs)
        mask, keep = dropout_probability(p)
        self.p = mask
        self._setup(coarse_sampler(mask, size_px, size_percent, min_size, invert=keep),
                    None, per_channel)


for _cls, _what, _one in ((Dropout, "a pixel (or channel)", "entry"),
                          (CoarseDropout, "a low-resolution cell", "cell")):
    _cls.__doc__ = _cls.__doc__.replace(
        "{p}", _P_DOC.format(what=_what, what_one=_one))


class Dropout2d(PixelAugmenter):
    """Set whole channels of the images to zero.

    Parameters
    ----------
    {p}
    nb_keep_channels : int, optional
        At least this many channels of every image stay untouched (default 1; 0 allows
        dropping every channel).

    Supported data: images; every other kind passes through unchanged (image dtypes:
    every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> out = Dropout2d(p=1.0)(image=np.full((2, 2, 3), 7, np.uint8))
    >>> int((out.reshape(-1, 3).max(axis=0) > 0).sum())
    1
    """

    examples = ({"p": 0.5}, {"p": 1.0, "nb_keep_channels": 0})
    supported_dtypes = REPLACE_DTYPES

    def __init__(self, p: Any = 0.1, nb_keep_channels: Any = 1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.p, self._keep_param = dropout_probability(p)
        if isinstance(nb_keep_channels, (bool, np.bool_)) \
                or not isinstance(nb_keep_channels, (int, np.integer)) or nb_keep_channels < 0:
            raise ParameterError(
                f"nb_keep_channels: expected an integer >= 0, got {nb_keep_channels!r}")
        self.nb_keep_channels = int(nb_keep_channels)

    def sample(self, rows, rng):
        channels = [s[2] for s in rows.shapes]
        total = int(sum(channels))
        if self._keep_param:
            drop = np.asarray(self.p.draw_samples(total, random_state=rng)) <= 0.5
        else:
            ps = np.asarray(self.p.p.draw_samples(len(channels), random_state=rng))
            drop = rng.random(total) < np.repeat(ps, channels)
        out = []
        start = 0
        for count in channels:
            ids = np.flatnonzero(drop[start:start + count])
            start += count
            allowed = max(count - self.nb_keep_channels, 0)
            if len(ids) > allowed:
                ids = np.sort(rng.permutation(ids)[:allowed])
            out.append(ids)
        return out

    def apply_to_images(self, images, params):
        out = []
        for image, ids in zip(images, params):
            result = np.array(image, copy=True, order="C")
            if len(ids):
                result[:, :, ids] = 0
            out.append(result)
        return out


class TotalDropout(PixelAugmenter):
    """Set every pixel of a random fraction of the images to zero.

    Parameters
    ----------
    {p}

    Supported data: images; every other kind passes through unchanged (image dtypes:
    every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> TotalDropout(1.0)(image=np.full((1, 2), 9, np.uint8)).tolist()
    [[0, 0]]
    """

    examples = ({"p": 1.0}, {"p": 0.5})
    supported_dtypes = REPLACE_DTYPES

    def __init__(self, p: Any = 1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.p, self._keep_param = dropout_probability(p)

    def sample(self, rows, rng):
        count = rows.nb_rows
        if self._keep_param:
            return (np.asarray(self.p.draw_samples(count, random_state=rng)) <= 0.5).tolist()
        ps = np.asarray(self.p.p.draw_samples(count, random_state=rng))
        return (rng.random(count) < ps).tolist()

    def apply_to_images(self, images, params):
        return [np.zeros_like(image, order="C") if drop else np.array(image, copy=True, order="C")
                for image, drop in zip(images, params)]


Dropout2d.__doc__ = Dropout2d.__doc__.replace(
    "{p}", _P_DOC.format(what="a channel", what_one="channel"))
TotalDropout.__doc__ = TotalDropout.__doc__.replace(
    "{p}", _P_DOC.format(what="an image", what_one="image"))


# ---------------------------------------------------------------------------
# Cutout
# ---------------------------------------------------------------------------

_POSITIONS = {"left": 0.0, "center": 0.5, "right": 1.0, "top": 0.0, "bottom": 1.0}
_FILL_MODES = ("constant", "gaussian")


def position_param(position: Any) -> tuple[iap.StochasticParameter, iap.StochasticParameter]:
    """imgaug's position argument as ``(x, y)`` parameters of relative centres in [0, 1]."""
    if isinstance(position, str):
        if position == "uniform":
            return iap.Uniform(0.0, 1.0), iap.Uniform(0.0, 1.0)
        if position == "normal":
            normal = iap.Clip(iap.Normal(0.5, 0.35 / 2), 0.0, 1.0)
            return normal, normal
        if position == "center":
            return iap.Deterministic(0.5), iap.Deterministic(0.5)
        parts = position.split("-")
        if len(parts) == 2 and parts[0] in ("left", "center", "right") \
                and parts[1] in ("top", "center", "bottom"):
            return iap.Deterministic(_POSITIONS[parts[0]]), iap.Deterministic(_POSITIONS[parts[1]])
        raise ParameterError(
            f"position: expected 'uniform', 'normal', 'center', '<left|center|right>-"
            f"<top|center|bottom>', an (x, y) tuple or a StochasticParameter, got {position!r}")
    if isinstance(position, iap.StochasticParameter):
        return position, position
    if isinstance(position, tuple) and len(position) == 2:
        return (iap.handle_continuous_param(position[0], "position[0]", value_range=(0, 1)),
                iap.handle_continuous_param(position[1], "position[1]", value_range=(0, 1)))
    raise ParameterError(
        f"position: expected a position name, an (x, y) tuple of numbers or parameters, or a "
        f"StochasticParameter, got {position!r}")


def fill_mode_param(fill_mode: Any) -> iap.StochasticParameter:
    if isinstance(fill_mode, iap.StochasticParameter):
        return fill_mode
    if fill_mode == "ALL":
        return iap.Choice(list(_FILL_MODES))
    if isinstance(fill_mode, str) and fill_mode in _FILL_MODES:
        return iap.Deterministic(fill_mode)
    if isinstance(fill_mode, list) and fill_mode and all(m in _FILL_MODES for m in fill_mode):
        return iap.Choice(list(fill_mode))
    raise ParameterError(
        f"fill_mode: expected one of {{'constant', 'gaussian'}}, a list of them, augkit.ALL "
        f"or a StochasticParameter, got {fill_mode!r}")


@dataclass
class CutoutArea:
    """One filled rectangle: pixel bounds, and either constant values or noise."""

    y1: int
    y2: int
    x1: int
    x2: int
    values: np.ndarray  # (1,) or (C,) constants, or (h, w, 1|C) gaussian noise in [0, 1]
    gaussian: bool


class Cutout(PixelAugmenter):
    """Fill one or more rectangular areas of each image with a constant or noise.

    Parameters
    ----------
    nb_iterations : int or tuple of (int, int) or list or StochasticParameter, optional
        Number of areas per image (default 1).
    position : str or tuple or StochasticParameter, optional
        Centre of each area, relative to the image: ``'uniform'`` (default),
        ``'normal'`` (preferring the centre), ``'center'``, ``'left-top'`` ...
        ``'right-bottom'``, an ``(x, y)`` tuple of numbers in [0, 1] or parameters,
        or a StochasticParameter drawn for both.
    size : float or tuple of (float, float) or list or StochasticParameter, optional
        Height and width of each area as fractions of the image's, drawn per area and
        axis (default 0.2).
    squared : bool or float or StochasticParameter, optional
        Probability, per area, of making it square (its height in pixels used for the
        width too); default True.
    fill_mode : {'constant', 'gaussian'} or list or augkit.ALL or StochasticParameter, optional
        Fill with *cval* or with gaussian noise around the middle of the value range
        (standard deviation a sixth of the range), per area.
    cval : number or tuple of (number, number) or list or StochasticParameter, optional
        The constant fill, in the image's units (default 128; for non-uint8 images the
        default is read as uint8 units and scaled to the dtype's range: 0.502 on
        floats).
    fill_per_channel : bool or float or StochasticParameter, optional
        Probability, per area, of drawing *cval* (or the noise) per channel.

    Supported data: images; every other kind passes through unchanged (image dtypes:
    every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> out = Cutout(position="center", size=0.5, cval=0)(image=np.full((4, 4), 9, np.uint8))
    >>> out.tolist()
    [[9, 9, 9, 9], [9, 0, 0, 9], [9, 0, 0, 9], [9, 9, 9, 9]]
    """

    examples = ({}, {"nb_iterations": (1, 3), "size": 0.3, "squared": False,
                     "fill_mode": "gaussian", "fill_per_channel": True},
                {"fill_mode": "constant", "cval": (0, 255), "fill_per_channel": 0.5})
    supported_dtypes = REPLACE_DTYPES

    def __init__(self, nb_iterations: Any = 1, position: Any = "uniform", size: Any = 0.2,
                 squared: Any = True, fill_mode: Any = "constant", cval: Any = 128,
                 fill_per_channel: Any = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.nb_iterations = iap.handle_discrete_param(nb_iterations, "nb_iterations",
                                                       value_range=(0, None))
        self.position = position_param(position)
        self.size = iap.handle_continuous_param(size, "size", value_range=(0, 1))
        self.squared = iap.handle_probability_param(squared, "squared")
        self.fill_mode = fill_mode_param(fill_mode)
        if isinstance(cval, str) and cval == "ALL":
            cval = (0, 255)
        self.cval = iap.handle_continuous_param(cval, "cval")
        self._cval_is_default = isinstance(cval, int) and not isinstance(cval, bool) \
            and cval == 128
        self.fill_per_channel = iap.handle_probability_param(fill_per_channel,
                                                             "fill_per_channel")

    def sample(self, rows, rng):
        shapes = rows.shapes
        counts = np.maximum(np.asarray(self.nb_iterations.draw_samples(
            len(shapes), random_state=rng), dtype=np.int64), 0)
        total = int(counts.sum())
        max_channels = max((s[2] for s in shapes), default=1)
        xs = np.asarray(self.position[0].draw_samples(total, random_state=rng), np.float64)
        ys = np.asarray(self.position[1].draw_samples(total, random_state=rng), np.float64)
        sizes = np.asarray(self.size.draw_samples((total, 2), random_state=rng), np.float64)
        squared = np.asarray(self.squared.draw_samples(total, random_state=rng)) > 0.5
        modes = np.asarray(self.fill_mode.draw_samples(total, random_state=rng)).tolist()
        cvals = np.asarray(self.cval.draw_samples((total, max_channels), random_state=rng),
                           np.float64)
        per_channel = np.asarray(self.fill_per_channel.draw_samples(total, random_state=rng)) > 0.5
        out = []
        index = 0
        for shape, count in zip(shapes, counts.tolist()):
            height, width, channels = shape
            areas = []
            for k in range(index, index + count):
                half_h = sizes[k, 0] * height / 2
                half_w = half_h if squared[k] else sizes[k, 1] * width / 2
                cx, cy = xs[k] * width, ys[k] * height
                y1, y2 = _bound(cy - half_h, height), _bound(cy + half_h, height)
                x1, x2 = _bound(cx - half_w, width), _bound(cx + half_w, width)
                fill_channels = channels if per_channel[k] else 1
                if modes[k] not in _FILL_MODES:
                    raise ParameterError(
                        f"fill_mode: drew {modes[k]!r}; expected 'constant' or 'gaussian'")
                gaussian = modes[k] == "gaussian"
                if gaussian:
                    values = rng.normal(0.5, 1.0 / 6.0, (max(y2 - y1, 0), max(x2 - x1, 0),
                                                         fill_channels)).astype(np.float32)
                else:
                    values = cvals[k, :fill_channels].copy()
                areas.append(CutoutArea(y1, y2, x1, x2, values, gaussian))
            index += count
            out.append(areas)
        return out

    def apply_to_images(self, images, params):
        out = []
        for image, areas in zip(images, params):
            result = np.array(image, copy=True, order="C")
            low, _, high = value_range(image.dtype)
            for area in areas:
                if area.y2 <= area.y1 or area.x2 <= area.x1:
                    continue
                if area.gaussian:
                    fill = saturate(low + np.clip(area.values, 0.0, 1.0) * (high - low),
                                    image.dtype)
                else:
                    values = area.values
                    if self._cval_is_default and image.dtype != np.uint8:
                        values = low + values / 255.0 * (high - low)
                    fill = saturate(values, image.dtype)
                result[area.y1:area.y2, area.x1:area.x2] = fill
            out.append(result)
        return out


def _bound(value: float, size: int) -> int:
    return min(max(int(value), 0), size)


AUGMENTERS = (Dropout, CoarseDropout, Dropout2d, TotalDropout, Cutout)
