"""Rain: streaks of falling raindrops, one layer (RainLayer) or several (Rain)."""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit_weather import functional as F
from augkit_weather._common import WeatherAugmenter
from augkit_weather._particles import (
    Layer,
    ParticleLayerAttributes,
    ParticleSettings,
    layers_per_row,
)

#: Drop colours (uint8 scale) are drawn per image from this range: light grey.
DROP_COLORS = (200.0, 240.0)


def _render_rain(image: np.ndarray, row: tuple[list[Layer], float]) -> np.ndarray:
    layers, color = row
    return F.render_rain(image, [layer.plan for layer in layers], color)


def _sample_rain(rows, counts, settings, rng):
    colors = rng.uniform(DROP_COLORS[0], DROP_COLORS[1], rows.nb_rows).tolist()
    return list(zip(layers_per_row(counts, rows.shapes, settings, rng), colors))


class RainLayer(ParticleLayerAttributes, WeatherAugmenter):
    """Add one layer of falling raindrops to images.

    Drops are placed at random on a low-resolution grid (a binomial draw gated by
    coarse noise), smeared into streaks along the falling angle (a motion blur whose
    length follows `speed`: a bright head with a fading trail above it), upscaled, and
    alpha-blended over the image in a light grey. Vectorised: no loop over pixels or
    drops.

    Parameters
    ----------
    density : number or tuple of (number, number) or list or StochasticParameter
        Probability of each low-resolution pixel to hold a drop, in [0, 1]; drawn per
        layer.
    density_uniformity : number or tuple of (number, number) or list or StochasticParameter
        In [0, 1]; low values gather drops in some areas, 1 spreads them evenly.
    drop_size : number or tuple of (number, number) or list or StochasticParameter
        In (0, 1]: drops are drawn on a grid of ``1 - drop_size`` times the image size,
        so larger values give wider drops.
    drop_size_uniformity : number or tuple of (number, number) or list or StochasticParameter
        In [0, 1]. Accepted and validated for imgaug compatibility; like imgaug's
        RainLayer, the rendering does not use it.
    angle : number or tuple of (number, number) or list or StochasticParameter
        Falling direction in degrees, 0 = straight down; positive values lean the
        bottom of the streaks to the left (imgaug's MotionBlur angle).
    speed : number or tuple of (number, number) or list or StochasticParameter
        In [0, 1]: streak length as a fraction of the longer image side.
    blur_sigma_fraction : number or tuple of (number, number) or list or StochasticParameter
        In [0, 1]. Accepted and validated for imgaug compatibility; like imgaug's
        RainLayer, drops are not gaussian-blurred.
    blur_sigma_limits : tuple of (number, number), optional
        ``(min, max)``, as in :class:`SnowflakesLayer` (default ``(0.5, 3.75)``).

    <supported data>

    <images>
    Each image draws its drop colour from ``[200, 240]`` (uint8 scale).

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.RainLayer(density=0.1, density_uniformity=0.9, drop_size=0.02,
    ...                     drop_size_uniformity=0.3, angle=(-15, 15), speed=0.1,
    ...                     blur_sigma_fraction=0.001, seed=1)
    >>> img = np.zeros((64, 64, 3), dtype=np.uint8)
    >>> bool(aug(image=img).mean() > 0)
    True
    """

    imgaug_parameters = (
        "density", "density_uniformity", "flake_size", "flake_size_uniformity", "angle", "speed",
        "blur_sigma_fraction", "blur_sigma_limits", "gate_noise_size"
    )
    examples = (
        {"density": (0.03, 0.14), "density_uniformity": (0.8, 1.0), "drop_size": (0.01, 0.02),
         "drop_size_uniformity": (0.2, 0.5), "angle": (-15, 15), "speed": (0.04, 0.2),
         "blur_sigma_fraction": 0.001},
        {"density": 0.1, "density_uniformity": 1.0, "drop_size": [0.1, 0.2],
         "drop_size_uniformity": 0.5, "angle": 30, "speed": 0.3,
         "blur_sigma_fraction": (0.0001, 0.001), "blur_sigma_limits": (0.5, 2.0)},
    )

    def __init__(self, density: Any, density_uniformity: Any, drop_size: Any,
                 drop_size_uniformity: Any, angle: Any, speed: Any, blur_sigma_fraction: Any,
                 blur_sigma_limits: Any = (0.5, 3.75), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.settings = ParticleSettings(
            density, density_uniformity, drop_size, drop_size_uniformity, angle, speed,
            blur_sigma_fraction, blur_sigma_limits, size_name="drop_size", rain=True)

    def sample(self, rows, rng):
        return _sample_rain(rows, np.ones(rows.nb_rows, dtype=np.int64), self.settings, rng)

    def _apply_one(self, image, row):
        return _render_rain(image, row)


class Rain(WeatherAugmenter):
    """Add falling rain to images: `nb_iterations` rain layers per image (at most 3).

    imgaug's ``Rain`` is ``SomeOf(nb_iterations, ...)`` over three copies of a
    :class:`RainLayer` with ``density=(0.03, 0.14)``, ``density_uniformity=(0.8,
    1.0)``, ``drop_size_uniformity=(0.2, 0.5)``, ``angle=(-15, 15)`` and
    ``blur_sigma_fraction=(0.001, 0.001)``; this draws the same layers, each with its
    own settings.

    Parameters
    ----------
    nb_iterations : int or tuple of (int, int) or list or StochasticParameter, optional
        Number of layers per image, >= 0, clipped to 3 (default ``(1, 3)``).
    drop_size : number or tuple of (number, number) or list or StochasticParameter, optional
        See :class:`RainLayer` (default ``(0.01, 0.02)``). imgaug suggests
        ``(0.10, 0.20)`` for large images (around 960x1280).
    speed : number or tuple of (number, number) or list or StochasticParameter, optional
        See :class:`RainLayer` (default ``(0.04, 0.20)``). imgaug suggests
        ``(0.1, 0.3)`` for small images (around 96x128).

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.Rain(drop_size=(0.10, 0.20), seed=3)
    >>> img = np.full((96, 128, 3), 60, dtype=np.uint8)
    >>> out = aug(image=img)
    >>> out.shape, bool(out.mean() > 60)
    ((96, 128, 3), True)
    """

    imgaug_parameters = ("n",)
    examples = (
        {},
        {"speed": (0.1, 0.3)},
        {"nb_iterations": 2, "drop_size": (0.10, 0.20)},
    )

    def __init__(self, nb_iterations: Any = (1, 3), drop_size: Any = (0.01, 0.02),
                 speed: Any = (0.04, 0.20), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.nb_iterations = iap.handle_discrete_param(
            nb_iterations, "nb_iterations", value_range=(0, None))
        self.settings = ParticleSettings(
            (0.03, 0.14), (0.8, 1.0), drop_size, (0.2, 0.5), (-15, 15), speed,
            (0.001, 0.001), (0.5, 3.75), size_name="drop_size", rain=True)

    @property
    def n(self) -> iap.StochasticParameter:
        """imgaug's ``n``: the number of rain layers per image (``nb_iterations``)."""
        return self.nb_iterations

    def sample(self, rows, rng):
        counts = np.clip(np.rint(iap.draw(self.nb_iterations, rows.nb_rows, rng, np.float64)),
                         0, 3)
        return _sample_rain(rows, counts, self.settings, rng)

    def _apply_one(self, image, row):
        return _render_rain(image, row)


AUGMENTERS = (RainLayer, Rain)
