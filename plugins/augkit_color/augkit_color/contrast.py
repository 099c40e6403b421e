"""Contrast: gamma, sigmoid, log and linear curves, CLAHE and histogram equalization.

The four curve augmenters share one base: each row's parameters become a transfer
function; uint8 images go through a 256-entry lookup table per image (or per channel).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import numpy as np

from augkit import ParameterError
from augkit import parameters as iap
from augkit_color import functional as F
from augkit_color._common import (
    ColorPixelAugmenter,
    colorspace_name,
    colorspace_param,
    draw_colorspaces,
    draw_params_per_channel,
)
from augkit_color.functional import HLS, HSV, RGB, YUV, Lab, YCrCb

_CURVE_DTYPES = frozenset({"uint8", "uint16", "float32", "float64"})


class _ContrastCurve(ColorPixelAugmenter):
    """Base of the curve augmenters: parameters per row (or channel) -> transfer."""

    supported_dtypes = _CURVE_DTYPES
    image_channels = None
    _transfer: ClassVar[Callable[..., np.ndarray]]

    def _init_curve(self, params: list[Any], per_channel: Any) -> None:
        self._params = params
        self.per_channel = iap.handle_per_channel(per_channel)
        # few distinct values (constants, lists): uint8 tables are built once, cached
        self._cache_tables = all(isinstance(p, (iap.Deterministic, iap.Choice)) for p in params)

    @property
    def params1d(self) -> list[iap.StochasticParameter]:
        """imgaug's ``params1d``: the curve's parameters, drawn per image or channel."""
        return list(self._params)

    def get_parameters(self) -> list[Any]:
        """Return imgaug's list: the curve's parameters (:attr:`params1d`)."""
        return self.params1d

    def sample(self, rows, rng):
        return draw_params_per_channel(self._params, self.per_channel, rows.shapes, rng)

    def _apply_one(self, image, values):
        return F.apply_transfer(image, type(self)._transfer, *values, cache=self._cache_tables)

    def lookup_tables(self, params, shapes):
        """Per row, the uint8 table of its curve (or one per channel), as applied."""
        tables = [F.uint8_tables(type(self)._transfer, *values) for values in params]
        return [t[0] if len(t) == 1 else np.ascontiguousarray(t.T) for t in tables]


class GammaContrast(_ContrastCurve):
    """Adjust contrast by raising pixel values (scaled to [0, 1]) to the power *gamma*.

    uint8 rows are lookup tables (``lookup_tables``), one per image or channel.

    ``out = in ** gamma`` on values read as ``[0, 1]``: gamma above 1 darkens, below 1
    brightens, 1 leaves the image unchanged.

    Parameters
    ----------
    gamma : number or tuple of (number, number) or list of number or StochasticParameter
        Exponent per image (default ``(0.7, 1.7)``), in ``[0, inf)``.
    <per_channel>

    <supported data>

    <curve dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.array([[0, 64, 255]], dtype=np.uint8)
    >>> GammaContrast(2.0)(image=img).tolist()
    [[0, 16, 255]]
    """

    examples = ({"gamma": (0.5, 2.0)}, {"gamma": 1.5, "per_channel": True})
    _transfer = staticmethod(F.gamma_transfer)

    def __init__(self, gamma: Any = (0.7, 1.7), per_channel: Any = False,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.gamma = iap.handle_continuous_param(gamma, "gamma", value_range=(0, None))
        self._init_curve([self.gamma], per_channel)


class SigmoidContrast(_ContrastCurve):
    """Adjust contrast with a sigmoid curve: ``1 / (1 + exp(gain * (cutoff - in)))``.

    uint8 rows are lookup tables (``lookup_tables``), one per image or channel.

    Parameters
    ----------
    gain : number or tuple of (number, number) or list of number or StochasticParameter
        Steepness per image (default ``(5, 6)``), in ``[0, inf)``.
    cutoff : number or tuple of (number, number) or list of number or StochasticParameter
        Where the curve is centred, in ``[0, 1]`` (default ``(0.3, 0.6)``).
    <per_channel>

    <supported data>

    <curve dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.array([[0, 128, 255]], dtype=np.uint8)
    >>> SigmoidContrast(gain=10, cutoff=0.5)(image=img).tolist()
    [[2, 129, 253]]
    """

    examples = ({"gain": (3, 10), "cutoff": (0.4, 0.6)},
                {"gain": 8, "cutoff": 0.5, "per_channel": True})
    _transfer = staticmethod(F.sigmoid_transfer)

    def __init__(self, gain: Any = (5, 6), cutoff: Any = (0.3, 0.6), per_channel: Any = False,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.gain = iap.handle_continuous_param(gain, "gain", value_range=(0, None))
        self.cutoff = iap.handle_continuous_param(cutoff, "cutoff", value_range=(0, 1))
        self._init_curve([self.gain, self.cutoff], per_channel)


class LogContrast(_ContrastCurve):
    """Adjust contrast with a log curve: ``gain * log2(1 + in)`` on values in [0, 1].

    uint8 rows are lookup tables (``lookup_tables``), one per image or channel.

    Parameters
    ----------
    gain : number or tuple of (number, number) or list of number or StochasticParameter
        Multiplier per image (default ``(0.4, 1.6)``), in ``[0, inf)``; 1 brightens
        dark values slightly, below 1 darkens.
    <per_channel>

    <supported data>

    <curve dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.array([[0, 255]], dtype=np.uint8)
    >>> LogContrast(0.5)(image=img).tolist()
    [[0, 128]]
    """

    examples = ({"gain": (0.6, 1.4)}, {"gain": 0.8, "per_channel": True})
    _transfer = staticmethod(F.log_transfer)

    def __init__(self, gain: Any = (0.4, 1.6), per_channel: Any = False,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.gain = iap.handle_continuous_param(gain, "gain", value_range=(0, None))
        self._init_curve([self.gain], per_channel)


class LinearContrast(_ContrastCurve):
    """Scale each pixel's distance from the middle of the value range by *alpha*.

    uint8 rows are lookup tables (``lookup_tables``), one per image or channel.

    ``out = center + alpha * (in - center)`` with center 127.5 for uint8 (0.5 for
    floats): alpha above 1 raises contrast, below 1 lowers it, 1 is the identity.
    Also available as ``ContrastNormalization`` (imgaug's older name).

    Parameters
    ----------
    alpha : number or tuple of (number, number) or list of number or StochasticParameter
        Strength per image (default ``(0.6, 1.4)``), in ``[0, inf)``.
    <per_channel>

    <supported data>

    <curve dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.array([[0, 100, 255]], dtype=np.uint8)
    >>> LinearContrast(2.0)(image=img).tolist()
    [[0, 73, 255]]
    """

    aliases = ("ContrastNormalization",)
    examples = ({"alpha": (0.5, 2.0)}, {"alpha": (0.5, 2.0), "per_channel": 0.5})
    _transfer = staticmethod(F.linear_transfer)

    def __init__(self, alpha: Any = (0.6, 1.4), per_channel: Any = False,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, None))
        self._init_curve([self.alpha], per_channel)


# ---------------------------------------------------------------------------
# CLAHE and histogram equalization
# ---------------------------------------------------------------------------

#: Colour spaces whose intensity channel CLAHE / HistogramEqualization may work on
#: (imgaug's Lab, HLS, HSV, plus the luma spaces YCrCb and YUV).
INTENSITY_SPACES = (Lab, HLS, HSV, YCrCb, YUV)


def _handle_grid(value: Any, name: str) -> tuple[iap.StochasticParameter,
                                                 iap.StochasticParameter | None]:
    """Return (height param, width param or None for "same as height")."""
    nested = isinstance(value, tuple) and len(value) == 2 and any(
        isinstance(v, (tuple, list, iap.StochasticParameter)) for v in value)
    if nested:
        return (iap.handle_discrete_param(value[0], f"{name}[0]", value_range=(1, None)),
                iap.handle_discrete_param(value[1], f"{name}[1]", value_range=(1, None)))
    return iap.handle_discrete_param(value, name, value_range=(1, None)), None


class _ClaheParams:
    """Mixin: clip_limit and tile grid size arguments, and their draws."""

    def _init_clahe(self, clip_limit: Any, tile_grid_size_px: Any,
                    tile_grid_size_px_min: Any) -> None:
        self.clip_limit = iap.handle_continuous_param(clip_limit, "clip_limit",
                                                      value_range=(0, None))
        self.tile_grid_size_px = _handle_grid(tile_grid_size_px, "tile_grid_size_px")
        if isinstance(tile_grid_size_px_min, bool) or not isinstance(
                tile_grid_size_px_min, (int, np.integer)) or tile_grid_size_px_min < 1:
            raise ParameterError(
                f"tile_grid_size_px_min: expected an integer >= 1, got "
                f"{tile_grid_size_px_min!r}")
        self.tile_grid_size_px_min = int(tile_grid_size_px_min)

    def _clahe_params(self) -> list[iap.StochasticParameter]:
        """The parameters to draw: clip limit, grid height and (if separate) grid width."""
        height, width = self.tile_grid_size_px
        return [self.clip_limit, height] if width is None else [self.clip_limit, height, width]

    def _clahe_rows(self, drawn: Sequence[np.ndarray]) -> np.ndarray:
        """Turn the ``(k,)`` draws of :meth:`_clahe_params` into ``(k, 3)`` rows of clip
        limit, grid height and grid width, grids at least the minimum."""
        low = self.tile_grid_size_px_min
        grid_h, grid_w = drawn[1], drawn[-1]  # the last draw is the height if alone
        return np.stack([drawn[0], np.maximum(grid_h, low), np.maximum(grid_w, low)], axis=1)


class AllChannelsCLAHE(_ClaheParams, ColorPixelAugmenter):
    """Apply CLAHE (contrast limited adaptive histogram equalization) to every channel.

    Parameters
    ----------
    <clahe>
    <per_channel>

    <supported data>

    Any number of channels; uint16 is equalized with 65536 bins (OpenCV).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.tile(np.arange(64, dtype=np.uint8) + 100, (64, 1))
    >>> int(AllChannelsCLAHE(clip_limit=40, tile_grid_size_px=3)(image=img).std()) > 20
    True
    """

    supported_dtypes = frozenset({"uint8", "uint16"})
    image_channels = None
    imgaug_parameters = ("clip_limit", "tile_grid_size_px", "tile_grid_size_px_min", "per_channel")
    examples = ({"clip_limit": (1, 10)}, {"clip_limit": 4, "per_channel": True,
                                         "tile_grid_size_px": ((2, 5), [4, 8])})

    def __init__(self, clip_limit: Any = (0.1, 8), tile_grid_size_px: Any = (3, 12),
                 tile_grid_size_px_min: int = 3, per_channel: Any = False,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._init_clahe(clip_limit, tile_grid_size_px, tile_grid_size_px_min)
        self.per_channel = iap.handle_per_channel(per_channel)

    def sample(self, rows, rng):
        drawn = draw_params_per_channel(self._clahe_params(), self.per_channel, rows.shapes,
                                        rng)
        return [self._clahe_rows(values) for values in drawn]

    def _apply_one(self, image, values):
        funcs = [lambda p, v=v: F.clahe(p, v[0], int(v[1]), int(v[2])) for v in values]
        return F.per_plane(image, funcs)


class _IntensityAugmenter(ColorPixelAugmenter):
    """Base: map the intensity channel of a colour space chosen per image."""

    supported_dtypes = frozenset({"uint8"})
    image_channels = (1, 3, 4)

    def _init_spaces(self, from_colorspace: Any, to_colorspace: Any) -> None:
        self.from_colorspace = colorspace_name(from_colorspace, "from_colorspace")
        self.to_colorspace = colorspace_param(to_colorspace, "to_colorspace", INTENSITY_SPACES)

    def _draw_spaces(self, rows, rng):
        return draw_colorspaces(self.to_colorspace, rows.nb_rows, rng, "to_colorspace",
                                INTENSITY_SPACES)


class CLAHE(_ClaheParams, _IntensityAugmenter):
    """Apply CLAHE to the intensity channel only (L of Lab by default).

    The image is converted to *to_colorspace*, its intensity channel (L of Lab and
    HLS, V of HSV, Y of YCrCb and YUV) is equalized and the image converted back.
    1-channel images are equalized directly; a 4th (alpha) channel is kept.

    Parameters
    ----------
    <clahe>
    <from_colorspace>
    <intensity to_colorspace>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((32, 32, 3), 120, dtype=np.uint8)
    >>> CLAHE(clip_limit=2)(image=img).shape
    (32, 32, 3)
    """

    imgaug_parameters = ("clip_limit", "tile_grid_size_px", "tile_grid_size_px_min",
                         "from_colorspace", "to_colorspace")
    examples = ({"clip_limit": (1, 10)}, {"to_colorspace": ["HSV", "YCrCb"],
                                         "tile_grid_size_px": 4})

    def __init__(self, clip_limit: Any = (0.1, 8), tile_grid_size_px: Any = (3, 12),
                 tile_grid_size_px_min: int = 3, from_colorspace: str = RGB,
                 to_colorspace: Any = Lab, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._init_clahe(clip_limit, tile_grid_size_px, tile_grid_size_px_min)
        self._init_spaces(from_colorspace, to_colorspace)

    def sample(self, rows, rng):
        spaces = self._draw_spaces(rows, rng)
        drawn = [iap.draw(p, rows.nb_rows, rng, np.float64) for p in self._clahe_params()]
        return list(zip(spaces, self._clahe_rows(drawn)))

    def _apply_one(self, image, row):
        space, (clip, grid_h, grid_w) = row
        return F.map_intensity(image, lambda p: F.clahe(p, clip, int(grid_h), int(grid_w)),
                               space, self.from_colorspace)


class AllChannelsHistogramEqualization(ColorPixelAugmenter):
    """Equalize the histogram of every channel separately.

    <supported data>

    Any number of channels.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.array([[100, 101, 102, 103]], dtype=np.uint8)
    >>> AllChannelsHistogramEqualization()(image=img).tolist()
    [[0, 85, 170, 255]]
    """

    supported_dtypes = frozenset({"uint8"})
    image_channels = None

    _apply_one_takes_out = True

    def sample(self, rows, rng):
        return [None] * rows.nb_rows

    def _apply_one(self, image, row, out=None):
        return F.equalize_planes(image, out)


class HistogramEqualization(_IntensityAugmenter):
    """Equalize the histogram of the intensity channel (L of Lab by default).

    Parameters
    ----------
    <from_colorspace>
    <intensity to_colorspace>

    <supported data>

    1-channel images are equalized directly; a 4th (alpha) channel is kept.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.array([[[10, 10, 10], [20, 20, 20]]], dtype=np.uint8)
    >>> HistogramEqualization(to_colorspace="YCrCb")(image=img)[0, :, 0].tolist()
    [0, 255]
    """

    imgaug_parameters = ("from_colorspace", "to_colorspace")
    examples = ({}, {"to_colorspace": ["HSV", "HLS", "YCrCb"]})

    def __init__(self, from_colorspace: str = RGB, to_colorspace: Any = Lab,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._init_spaces(from_colorspace, to_colorspace)

    def sample(self, rows, rng):
        return self._draw_spaces(rows, rng)

    def _apply_one(self, image, space):
        return F.map_intensity(image, F.equalize, space, self.from_colorspace)


AUGMENTERS = (GammaContrast, SigmoidContrast, LogContrast, LinearContrast, AllChannelsCLAHE,
              CLAHE, AllChannelsHistogramEqualization, HistogramEqualization)
