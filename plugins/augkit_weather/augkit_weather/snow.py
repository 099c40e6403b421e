"""Snow: snowy landscapes (FastSnowyLandscape) and falling snowflakes."""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit_weather import functional as F
from augkit_weather._common import WeatherAugmenter
from augkit_weather._particles import ParticleLayerAttributes, ParticleSettings, layers_per_row


class FastSnowyLandscape(WeatherAugmenter):
    """Turn landscapes snowy by brightening pixels of low HLS lightness.

    Every pixel whose lightness ``L`` in HLS colour space is below
    `lightness_threshold` gets ``L * lightness_multiplier`` (clipped); pixels at or
    above the threshold are returned unchanged, bit for bit. This is the method of the
    freeCodeCamp article imgaug cites ("make it snow"): bright surfaces stay, darker
    ones whiten.

    Parameters
    ----------
    lightness_threshold : number or tuple of (number, number) or list or StochasticParameter
        Threshold on the uint8 lightness scale, in [0, 255] (also for float images),
        drawn per image (default ``(100, 255)``).
    lightness_multiplier : number or tuple of (number, number) or list or StochasticParameter
        Factor for the selected lightness values, >= 0, drawn per image (default
        ``(1.0, 4.0)``).
    from_colorspace : {'RGB', 'BGR', 'HLS', 'HSV', 'Lab', 'Luv', 'YCrCb', 'YUV', 'XYZ'}
        Colour space of the input images (default ``"RGB"``).

    <supported data>

    Images may have 1 channel (the value is the lightness), 3 channels or 4 (the
    fourth is alpha and is kept).

    ========  ==============================================================
    dtype     behaviour
    ========  ==============================================================
    uint8     OpenCV's 8-bit HLS conversion; the lightness change is a lookup table
    float32   values in [0, 1]; the threshold is divided by 255
    ========  ==============================================================

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.FastSnowyLandscape(lightness_threshold=140, lightness_multiplier=2.5)
    >>> img = np.array([[[40, 40, 40], [200, 200, 200]]], dtype=np.uint8)
    >>> aug(image=img).tolist()
    [[[100, 100, 100], [200, 200, 200]]]
    """

    imgaug_parameters = ("lightness_threshold", "lightness_multiplier")
    examples = (
        {"lightness_threshold": 140, "lightness_multiplier": 2.5},
        {"lightness_threshold": [128, 200], "lightness_multiplier": (1.5, 3.5)},
        {},
    )

    def __init__(self, lightness_threshold: Any = (100, 255),
                 lightness_multiplier: Any = (1.0, 4.0), from_colorspace: str = "RGB",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lightness_threshold = iap.handle_continuous_param(
            lightness_threshold, "lightness_threshold", value_range=(0, 255))
        self.lightness_multiplier = iap.handle_continuous_param(
            lightness_multiplier, "lightness_multiplier", value_range=(0, None))
        self.from_colorspace = iap.handle_choice_param(
            from_colorspace, "from_colorspace", F.COLORSPACES, stochastic=False)

    def sample(self, rows, rng):
        count = rows.nb_rows
        thresholds = np.clip(iap.draw(self.lightness_threshold, count, rng, np.float64),
                             0.0, 255.0)
        multipliers = np.maximum(iap.draw(self.lightness_multiplier, count, rng, np.float64),
                                 0.0)
        return list(zip(thresholds.tolist(), multipliers.tolist()))

    def _apply_one(self, image, row):
        threshold, multiplier = row
        return F.snowy_landscape(image, threshold, multiplier, self.from_colorspace)


class SnowflakesLayer(ParticleLayerAttributes, WeatherAugmenter):
    """Add one layer of falling snowflakes to images.

    Flakes are placed at random on a low-resolution grid (a binomial draw, gated by
    coarse noise), blurred, smeared along the falling angle, upscaled, and blended
    as a faint additive glow plus a bright core (``max``). All of it is vectorised:
    no loop over pixels or flakes.

    Parameters
    ----------
    <flake density>
    <flake size>
    <flake motion>
    blur_sigma_fraction : number or tuple of (number, number) or list or StochasticParameter
        Gaussian blur sigma as a fraction of the longer image side, in [0, 1];
        imgaug recommends ``(0.0001, 0.001)``.
    blur_sigma_limits : tuple of (number, number), optional
        ``(min, max)`` clip of that sigma in pixels (default ``(0.5, 3.75)``).

    <supported data>

    <images>
    Flakes are the same in every dtype (on the uint8 scale, divided by 255 for float32).

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.SnowflakesLayer(density=0.05, density_uniformity=0.5, flake_size=0.5,
    ...                           flake_size_uniformity=0.5, angle=(-30, 30), speed=0.02,
    ...                           blur_sigma_fraction=0.0005, seed=1)
    >>> img = np.zeros((64, 64, 3), dtype=np.uint8)
    >>> bool(aug(image=img).max() > 100)
    True
    """

    imgaug_parameters = (
        "density", "density_uniformity", "flake_size", "flake_size_uniformity", "angle", "speed",
        "blur_sigma_fraction", "blur_sigma_limits", "gate_noise_size"
    )
    examples = (
        {"density": 0.05, "density_uniformity": 0.5, "flake_size": 0.5,
         "flake_size_uniformity": 0.5, "angle": (-30, 30), "speed": (0.007, 0.03),
         "blur_sigma_fraction": (0.0001, 0.001)},
        {"density": [0.01, 0.075], "density_uniformity": 1.0, "flake_size": (0.1, 0.4),
         "flake_size_uniformity": (0.4, 0.8), "angle": 0, "speed": 0.05,
         "blur_sigma_fraction": 0.001, "blur_sigma_limits": (0.5, 2.0)},
    )

    def __init__(self, density: Any, density_uniformity: Any, flake_size: Any,
                 flake_size_uniformity: Any, angle: Any, speed: Any, blur_sigma_fraction: Any,
                 blur_sigma_limits: Any = (0.5, 3.75), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.settings = ParticleSettings(
            density, density_uniformity, flake_size, flake_size_uniformity, angle, speed,
            blur_sigma_fraction, blur_sigma_limits, size_name="flake_size", rain=False)

    def sample(self, rows, rng):
        return layers_per_row(np.ones(rows.nb_rows, dtype=np.int64), rows.shapes,
                              self.settings, rng)

    def _apply_one(self, image, row):
        return F.render_snowflakes(image, row)


class Snowflakes(WeatherAugmenter):
    """Add falling snowflakes to images: 1 to 3 snowflake layers per image.

    Each image gets a random number of layers (1, 2 or 3, as imgaug's
    ``SomeOf((1, 3), ...)`` over three copies of :class:`SnowflakesLayer`), each with
    its own drawn settings, so flakes of several sizes, angles and speeds mix.

    Parameters
    ----------
    <flake density>
    <flake size>
    <flake motion>

    Defaults (imgaug's): ``density=(0.005, 0.075)``, ``density_uniformity=(0.3, 0.9)``,
    ``flake_size=(0.2, 0.7)``, ``flake_size_uniformity=(0.4, 0.8)``,
    ``angle=(-30, 30)``, ``speed=(0.007, 0.03)``; the layers blur with
    ``blur_sigma_fraction=(0.0001, 0.001)``.

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.Snowflakes(flake_size=(0.1, 0.4), speed=(0.01, 0.05), seed=2)
    >>> img = np.zeros((96, 128, 3), dtype=np.uint8)
    >>> out = aug(image=img)
    >>> out.shape, bool(out.max() > 100)
    ((96, 128, 3), True)
    """

    imgaug_parameters = ("n",)
    examples = (
        {},
        {"flake_size": (0.1, 0.4), "speed": (0.01, 0.05)},
        {"density": 0.05, "flake_size": 0.9, "angle": [-20, 20], "speed": 0.2},
    )

    def __init__(self, density: Any = (0.005, 0.075), density_uniformity: Any = (0.3, 0.9),
                 flake_size: Any = (0.2, 0.7), flake_size_uniformity: Any = (0.4, 0.8),
                 angle: Any = (-30, 30), speed: Any = (0.007, 0.03), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.settings = ParticleSettings(
            density, density_uniformity, flake_size, flake_size_uniformity, angle, speed,
            (0.0001, 0.001), (0.5, 3.75), size_name="flake_size", rain=False)

    @property
    def n(self) -> iap.StochasticParameter:
        """imgaug's ``n``: the number of layers per image, 1 to 3."""
        return iap.DiscreteUniform(1, 3)

    def sample(self, rows, rng):
        counts = rng.integers(1, 4, rows.nb_rows)
        return layers_per_row(counts, rows.shapes, self.settings, rng)

    def _apply_one(self, image, row):
        return F.render_snowflakes(image, row)


AUGMENTERS = (FastSnowyLandscape, SnowflakesLayer, Snowflakes)
