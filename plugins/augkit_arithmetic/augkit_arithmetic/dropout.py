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

from augkit import parameters as iap
from augkit.extend import ParameterError, value_range
from augkit_arithmetic import functional as F
from augkit_arithmetic._common import ArithmeticAugmenter, check_int
from augkit_arithmetic.replace import MaskSampler, ReplaceElementwise, coarse_sampler


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


def _keep_mask(aug: ReplaceElementwise) -> iap.StochasticParameter:
    """imgaug's ``mul`` of a dropout augmenter: the mask that is 1 where pixels stay."""
    sampler = aug._sampler
    if sampler.invert:
        return sampler.param  # a parameter given by the user: imgaug's keep convention
    drop = sampler.param.p if isinstance(sampler.param, iap.Binomial) else sampler.param
    if isinstance(drop, iap.Deterministic):
        return iap.Binomial(1 - drop.value)
    return iap.Binomial(1 - drop)


class Dropout(ReplaceElementwise):
    """Set a random fraction of the pixels (or pixel channels) to zero.

    Parameters
    ----------
    <p dropout pixel>
    <per_channel mask>
    <seed and name>

    <supported data>

    The drop probability is resolved to 1/65536.

    Examples
    --------
    >>> import numpy as np
    >>> Dropout(1.0)(image=np.full((1, 2), 9, np.uint8)).tolist()
    [[0, 0]]
    >>> aug = Dropout((0.01, 0.1), per_channel=0.5)
    """

    imgaug_parameters = ("mul", "per_channel")
    examples = ({"p": 0.1}, {"p": (0.01, 0.1), "per_channel": 0.5})

    def __init__(self, p: Any = (0.0, 0.05), per_channel: Any = False, **kwargs: Any) -> None:
        ArithmeticAugmenter.__init__(self, **kwargs)
        mask, keep = dropout_probability(p)
        self.p = mask
        self._setup(MaskSampler(mask, invert=keep), None, per_channel)

    mul = property(_keep_mask, doc="imgaug's ``mul``: the keep mask (1 keeps a pixel).")


class CoarseDropout(ReplaceElementwise):
    """Set random rectangular areas of the images (or of their channels) to zero.

    The mask is drawn at a lower resolution and enlarged (nearest neighbour), so each
    dropped low-resolution cell becomes a rectangle.

    Parameters
    ----------
    <p dropout cell>
    <coarse size>
    <per_channel mask>
    <min_size>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> aug = CoarseDropout((0.03, 0.15), size_percent=(0.02, 0.05), per_channel=0.2)
    >>> aug(image=np.full((64, 64, 3), 200, np.uint8)).shape
    (64, 64, 3)
    """

    imgaug_parameters = ("mul", "per_channel")
    examples = ({"p": 0.1, "size_px": (3, 8)},
                {"p": (0.03, 0.15), "size_percent": (0.02, 0.05), "per_channel": 0.2},
                {"p": 0.3, "size_percent": 0.5})

    def __init__(self, p: Any = (0.02, 0.1), size_px: Any = None, size_percent: Any = None,
                 per_channel: Any = False, min_size: Any = 3, **kwargs: Any) -> None:
        ArithmeticAugmenter.__init__(self, **kwargs)
        mask, keep = dropout_probability(p)
        self.p = mask
        self._setup(coarse_sampler(mask, size_px, size_percent, min_size, invert=keep),
                    None, per_channel)

    mul = property(_keep_mask, doc="imgaug's ``mul``: the keep mask (1 keeps a pixel).")


class Dropout2d(ArithmeticAugmenter):
    """Set whole channels of the images to zero.

    Parameters
    ----------
    <p dropout channel>
    nb_keep_channels : int, optional
        At least this many channels of every image stay untouched (default 1; 0 allows
        dropping every channel).
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> out = Dropout2d(p=1.0)(image=np.full((2, 2, 3), 7, np.uint8))
    >>> int((out.reshape(-1, 3).max(axis=0) > 0).sum())
    1
    """

    imgaug_parameters = ("p", "nb_keep_channels")
    examples = ({"p": 0.5}, {"p": 1.0, "nb_keep_channels": 0})

    def __init__(self, p: Any = 0.1, nb_keep_channels: Any = 1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.p, self._keep_param = dropout_probability(p)
        self.nb_keep_channels = check_int(nb_keep_channels, "nb_keep_channels", minimum=0)

    def sample(self, rows, rng):
        channels = [s[2] for s in rows.shapes]
        total = int(sum(channels))
        if self._keep_param:
            drop = iap.draw(self.p, total, rng) <= 0.5
        else:
            ps = iap.draw(self.p.p, len(channels), rng)
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
        return [_without_channels(image, ids) for image, ids in zip(images, params)]

    def _apply_into(self, images, params, outs):
        return [_without_channels(image, ids, out) for image, ids, out in zip(images, params, outs)]


def _without_channels(image: np.ndarray, ids: np.ndarray,
                      out: np.ndarray | None = None) -> np.ndarray:
    """A C-contiguous copy of *image* (into *out* when given) with channels *ids* zeroed."""
    if out is None:
        out = np.array(image, copy=True, order="C")
    else:
        np.copyto(out, image)
    if len(ids):
        out[:, :, ids] = 0
    return out


class TotalDropout(ArithmeticAugmenter):
    """Set every pixel of a random fraction of the images to zero.

    Parameters
    ----------
    <p dropout image>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> TotalDropout(1.0)(image=np.full((1, 2), 9, np.uint8)).tolist()
    [[0, 0]]
    """

    imgaug_parameters = ("p",)
    examples = ({"p": 1.0}, {"p": 0.5})

    def __init__(self, p: Any = 1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.p, self._keep_param = dropout_probability(p)

    def sample(self, rows, rng):
        count = rows.nb_rows
        if self._keep_param:
            return (iap.draw(self.p, count, rng) <= 0.5).tolist()
        ps = iap.draw(self.p.p, count, rng)
        return (rng.random(count) < ps).tolist()

    def apply_to_images(self, images, params):
        return [np.zeros_like(image, order="C") if drop else np.array(image, copy=True, order="C")
                for image, drop in zip(images, params)]

    def _apply_into(self, images, params, outs):
        for image, drop, out in zip(images, params, outs):
            if drop:
                out.fill(0)
            else:
                np.copyto(out, image)
        return outs


# ---------------------------------------------------------------------------
# Cutout
# ---------------------------------------------------------------------------

_ANCHORS = {"left": 0.0, "center": 0.5, "right": 1.0, "top": 0.0, "bottom": 1.0}
_POSITION_NAMES = ("uniform", "normal", "center",
                   *(f"{x}-{y}" for y in ("top", "center", "bottom")
                     for x in ("left", "center", "right")))
_FILL_MODES = ("constant", "gaussian")


def position_param(position: Any) -> tuple[iap.StochasticParameter, iap.StochasticParameter]:
    """imgaug's position argument as ``(x, y)`` parameters of relative centres in [0, 1].

    Examples
    --------
    >>> position_param("left-bottom")
    (Deterministic(value=0.0), Deterministic(value=1.0))
    """
    if isinstance(position, iap.StochasticParameter):
        return position, position
    if isinstance(position, tuple) and len(position) == 2:
        return (iap.handle_continuous_param(position[0], "position[0]", value_range=(0, 1)),
                iap.handle_continuous_param(position[1], "position[1]", value_range=(0, 1)))
    if not isinstance(position, str):
        raise ParameterError(
            f"position: expected a position name, an (x, y) tuple of numbers or parameters, "
            f"or a StochasticParameter, got {position!r}")
    name = iap.handle_choice_param(position, "position", _POSITION_NAMES, stochastic=False)
    if name == "uniform":
        return iap.Uniform(0.0, 1.0), iap.Uniform(0.0, 1.0)
    if name == "normal":
        normal = iap.Clip(iap.Normal(0.5, 0.35 / 2), 0.0, 1.0)
        return normal, normal
    x, _, y = name.partition("-")
    return iap.Deterministic(_ANCHORS[x]), iap.Deterministic(_ANCHORS[y or "center"])


@dataclass
class CutoutArea:
    """One filled rectangle: pixel bounds, and either constant values or noise."""

    y1: int
    y2: int
    x1: int
    x2: int
    values: np.ndarray  # (1,) or (C,) constants, or (h, w, 1|C) gaussian noise in [0, 1]
    gaussian: bool


class Cutout(ArithmeticAugmenter):
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
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> out = Cutout(position="center", size=0.5, cval=0)(image=np.full((4, 4), 9, np.uint8))
    >>> out.tolist()
    [[9, 9, 9, 9], [9, 0, 0, 9], [9, 0, 0, 9], [9, 9, 9, 9]]
    """

    imgaug_parameters = (
        "nb_iterations", "position", "size", "squared", "fill_mode", "cval", "fill_per_channel"
    )
    examples = ({}, {"nb_iterations": (1, 3), "size": 0.3, "squared": False,
                     "fill_mode": "gaussian", "fill_per_channel": True},
                {"fill_mode": "constant", "cval": (0, 255), "fill_per_channel": 0.5})

    def __init__(self, nb_iterations: Any = 1, position: Any = "uniform", size: Any = 0.2,
                 squared: Any = True, fill_mode: Any = "constant", cval: Any = 128,
                 fill_per_channel: Any = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.nb_iterations = iap.handle_discrete_param(nb_iterations, "nb_iterations",
                                                       value_range=(0, None))
        self.position = position_param(position)
        self.size = iap.handle_continuous_param(size, "size", value_range=(0, 1))
        self.squared = iap.handle_probability_param(squared, "squared")
        self.fill_mode = iap.handle_choice_param(fill_mode, "fill_mode", _FILL_MODES)
        if isinstance(cval, str) and cval == "ALL":
            cval = (0, 255)
        self.cval = iap.handle_continuous_param(cval, "cval")
        self._cval_is_default = isinstance(cval, int) and not isinstance(cval, bool) \
            and cval == 128
        self.fill_per_channel = iap.handle_probability_param(fill_per_channel,
                                                             "fill_per_channel")

    def sample(self, rows, rng):
        shapes = rows.shapes
        counts = np.maximum(iap.draw(self.nb_iterations, len(shapes), rng, dtype=np.int64), 0)
        total = int(counts.sum())
        max_channels = max((s[2] for s in shapes), default=1)
        xs = iap.draw(self.position[0], total, rng, dtype=np.float64)
        ys = iap.draw(self.position[1], total, rng, dtype=np.float64)
        sizes = iap.draw(self.size, (total, 2), rng, dtype=np.float64)
        squared = iap.draw(self.squared, total, rng) > 0.5
        modes = iap.draw(self.fill_mode, total, rng).tolist()
        cvals = iap.draw(self.cval, (total, max_channels), rng, dtype=np.float64)
        per_channel = iap.draw(self.fill_per_channel, total, rng) > 0.5
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
                values = area.values
                if not area.gaussian and self._cval_is_default and image.dtype != np.uint8:
                    values = low + values / 255.0 * (high - low)
                F.fill_area_(result, area.y1, area.y2, area.x1, area.x2, values, area.gaussian)
            out.append(result)
        return out


def _bound(value: float, size: int) -> int:
    return min(max(int(value), 0), size)


AUGMENTERS = (Dropout, CoarseDropout, Dropout2d, TotalDropout, Cutout)
