"""Clouds and fog: layers of frequency noise blended over images."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from augkit import parameters as iap
from augkit_weather import functional as F
from augkit_weather._common import WeatherAugmenter
from augkit_weather._particles import layer_setting

#: Longest side of the grid of the fine intensity noise (upscaled beyond it).
FINE_GRID = 128
#: Grid of the coarse intensity offsets (imgaug's).
COARSE_GRID = 8


class _CloudSettings:
    """Validated parameters of one cloud layer and the drawing of its maps."""

    def __init__(self, intensity_mean, intensity_freq_exponent, intensity_coarse_scale,
                 alpha_min, alpha_multiplier, alpha_size_px_max, alpha_freq_exponent, sparsity,
                 density_multiplier):
        self.intensity_mean = iap.handle_continuous_param(intensity_mean, "intensity_mean")
        self.intensity_freq_exponent = iap.handle_continuous_param(
            intensity_freq_exponent, "intensity_freq_exponent")
        self.intensity_coarse_scale = iap.handle_continuous_param(
            intensity_coarse_scale, "intensity_coarse_scale", value_range=(0, None))
        self.alpha_min = iap.handle_continuous_param(alpha_min, "alpha_min")
        self.alpha_multiplier = iap.handle_continuous_param(alpha_multiplier, "alpha_multiplier")
        self.alpha_size_px_max = iap.handle_discrete_param(
            alpha_size_px_max, "alpha_size_px_max", value_range=(1, 10000))
        self.alpha_freq_exponent = iap.handle_continuous_param(
            alpha_freq_exponent, "alpha_freq_exponent")
        self.sparsity = iap.handle_continuous_param(sparsity, "sparsity", value_range=(0, None))
        self.density_multiplier = iap.handle_continuous_param(
            density_multiplier, "density_multiplier", value_range=(0, None))
        self._fine_noise = iap.FrequencyNoise(
            exponent=self.intensity_freq_exponent, size_px_max=FINE_GRID, upscale_method="cubic")
        self._alpha_noise = iap.FrequencyNoise(
            exponent=self.alpha_freq_exponent, size_px_max=self.alpha_size_px_max,
            upscale_method="cubic")

    def draw_layers(self, shapes: list[tuple[int, ...]], rng: np.random.Generator):
        """Draw ``(alpha, intensity)`` float32 maps for each shape."""
        count = len(shapes)
        if count == 0:
            return []
        means = iap.draw(self.intensity_mean, count, rng, np.float64)
        scales = np.maximum(iap.draw(self.intensity_coarse_scale, count, rng, np.float64), 0.0)
        alpha_min = iap.draw(self.alpha_min, count, rng, np.float64)
        alpha_mul = iap.draw(self.alpha_multiplier, count, rng, np.float64)
        sparsity = np.maximum(iap.draw(self.sparsity, count, rng, np.float64), 0.0)
        density = np.maximum(iap.draw(self.density_multiplier, count, rng, np.float64), 0.0)
        layers = []
        for i, shape in enumerate(shapes):
            height, width = int(shape[0]), int(shape[1])
            coarse = rng.standard_normal((COARSE_GRID, COARSE_GRID)).astype(np.float32)
            coarse = cv2.resize(coarse * np.float32(scales[i]), (width, height),
                                interpolation=cv2.INTER_CUBIC).reshape(height, width)
            fine = self._fine_noise.draw_samples((height, width), random_state=rng)
            intensity = coarse + np.float32(means[i]) * (2.0 * fine - 1.0) / 5.0
            intensity += np.float32(means[i])
            np.clip(intensity, 0.0, 255.0, out=intensity)
            noise = self._alpha_noise.draw_samples((height, width), random_state=rng)
            alpha = F.cloud_alpha(noise, alpha_min[i], alpha_mul[i], sparsity[i], density[i])
            layers.append((alpha, intensity.astype(np.float32, copy=False)))
        return layers


class CloudLayer(WeatherAugmenter):
    """Add one layer of clouds to images.

    The cloud colour is `intensity_mean` plus coarse gaussian offsets (an 8x8 grid,
    cubic-upscaled) plus fine frequency noise; its opacity is frequency noise mapped
    through ``clip((alpha_min + alpha_multiplier * noise) ** sparsity *
    density_multiplier, 0, 1)``; the layer is alpha-blended over the image. This is
    imgaug's construction, built from :class:`augkit.parameters.FrequencyNoise`.

    Parameters
    ----------
    intensity_mean : number or tuple of (number, number) or list or StochasticParameter
        Mean cloud brightness on the uint8 scale; imgaug recommends ``[190, 255]``.
    intensity_freq_exponent : number or tuple of (number, number) or list or StochasticParameter
        Exponent of the frequency noise for the fine brightness variation;
        recommended ``[-2.5, -1.5]``.
    intensity_coarse_scale : number or tuple of (number, number) or list or StochasticParameter
        Standard deviation (>= 0) of the coarse gaussian brightness offsets;
        recommended ``(0, 10]``.
    alpha_min : number or tuple of (number, number) or list or StochasticParameter
        Minimum opacity; about 0 for clouds, > 0 for fog.
    alpha_multiplier : number or tuple of (number, number) or list or StochasticParameter
        Multiplier of the opacity noise; recommended ``[0.3, 1.0]``.
    alpha_size_px_max : int or tuple of (int, int) or list or StochasticParameter
        Longest side (in [1, 10000]) of the grid the opacity noise is drawn on; smaller
        values give larger clouds.
    alpha_freq_exponent : number or tuple of (number, number) or list or StochasticParameter
        Exponent of the opacity frequency noise; lower values give coarser clouds;
        recommended ``[-4.0, -1.5]``.
    sparsity : number or tuple of (number, number) or list or StochasticParameter
        Exponent (>= 0) applied to the opacity; around 1.0.
    density_multiplier : number or tuple of (number, number) or list or StochasticParameter
        Late multiplier (>= 0) of the opacity; recommended ``[0.5, 1.5]``.

    <supported data>

    <images>
    Brightness values are on the uint8 scale (divided by 255 for float32 images).
    The fine intensity noise is drawn on a grid of at most 128 pixels and
    cubic-upscaled.

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.CloudLayer(intensity_mean=(196, 255), intensity_freq_exponent=(-2.5, -2.0),
    ...                      intensity_coarse_scale=10, alpha_min=0,
    ...                      alpha_multiplier=(0.25, 0.75), alpha_size_px_max=(2, 8),
    ...                      alpha_freq_exponent=(-2.5, -2.0), sparsity=(0.8, 1.0),
    ...                      density_multiplier=(0.5, 1.0), seed=1)
    >>> img = np.zeros((32, 48, 3), dtype=np.uint8)
    >>> aug(image=img).shape
    (32, 48, 3)
    """

    imgaug_parameters = (
        "intensity_mean", "alpha_min", "alpha_multiplier", "alpha_size_px_max",
        "alpha_freq_exponent", "intensity_freq_exponent", "sparsity", "density_multiplier",
        "intensity_coarse_scale"
    )
    examples = (
        {"intensity_mean": (196, 255), "intensity_freq_exponent": (-2.5, -2.0),
         "intensity_coarse_scale": 10, "alpha_min": 0, "alpha_multiplier": (0.25, 0.75),
         "alpha_size_px_max": (2, 8), "alpha_freq_exponent": (-2.5, -2.0),
         "sparsity": (0.8, 1.0), "density_multiplier": (0.5, 1.0)},
        {"intensity_mean": [200, 240], "intensity_freq_exponent": -1.5,
         "intensity_coarse_scale": (0, 10), "alpha_min": (0.0, 0.2), "alpha_multiplier": 0.8,
         "alpha_size_px_max": [16, 64], "alpha_freq_exponent": -3.0, "sparsity": 1.0,
         "density_multiplier": iap.Uniform(0.8, 1.5)},
    )

    def __init__(self, intensity_mean: Any, intensity_freq_exponent: Any,
                 intensity_coarse_scale: Any, alpha_min: Any, alpha_multiplier: Any,
                 alpha_size_px_max: Any, alpha_freq_exponent: Any, sparsity: Any,
                 density_multiplier: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.settings = _CloudSettings(
            intensity_mean, intensity_freq_exponent, intensity_coarse_scale, alpha_min,
            alpha_multiplier, alpha_size_px_max, alpha_freq_exponent, sparsity,
            density_multiplier)

    intensity_mean = layer_setting("intensity_mean")
    alpha_min = layer_setting("alpha_min")
    alpha_multiplier = layer_setting("alpha_multiplier")
    alpha_size_px_max = layer_setting("alpha_size_px_max")
    alpha_freq_exponent = layer_setting("alpha_freq_exponent")
    intensity_freq_exponent = layer_setting("intensity_freq_exponent")
    sparsity = layer_setting("sparsity")
    density_multiplier = layer_setting("density_multiplier")
    intensity_coarse_scale = layer_setting("intensity_coarse_scale")

    def sample(self, rows, rng):
        return [[layer] for layer in self.settings.draw_layers(rows.shapes, rng)]

    def _apply_one(self, image, row):
        return F.render_clouds(image, row)


#: imgaug's two cloud layers of Clouds: small dense clouds, large sparse ones.
_CLOUDS_LAYERS = (
    dict(intensity_mean=(196, 255), intensity_freq_exponent=(-2.5, -2.0),
         intensity_coarse_scale=10, alpha_min=0, alpha_multiplier=(0.25, 0.75),
         alpha_size_px_max=(2, 8), alpha_freq_exponent=(-2.5, -2.0), sparsity=(0.8, 1.0),
         density_multiplier=(0.5, 1.0)),
    dict(intensity_mean=(196, 255), intensity_freq_exponent=(-2.0, -1.0),
         intensity_coarse_scale=10, alpha_min=0, alpha_multiplier=(0.5, 1.0),
         alpha_size_px_max=(64, 128), alpha_freq_exponent=(-2.0, -1.0), sparsity=(1.0, 1.4),
         density_multiplier=(0.8, 1.5)),
)

#: imgaug's single dense, low-frequency layer of Fog.
_FOG_LAYER = dict(
    intensity_mean=(220, 255), intensity_freq_exponent=(-2.0, -1.5), intensity_coarse_scale=2,
    alpha_min=(0.7, 0.9), alpha_multiplier=0.3, alpha_size_px_max=(2, 8),
    alpha_freq_exponent=(-4.0, -2.0), sparsity=0.9, density_multiplier=(0.4, 0.9),
)


class Clouds(WeatherAugmenter):
    """Add clouds of various shapes and densities to images.

    As imgaug's ``Clouds`` (``SomeOf((1, 2), ...)`` in fixed order): each image gets
    one or both of two cloud layers, one of small dense clouds
    (``alpha_size_px_max=(2, 8)``) and one of large, more structured ones
    (``alpha_size_px_max=(64, 128)``). Combine with an overlay augmenter such as
    ``BlendAlphaSimplexNoise`` to keep clouds to parts of the image.

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.Clouds(seed=1)
    >>> img = np.zeros((32, 48, 3), dtype=np.uint8)
    >>> bool(aug(image=img).mean() > 0)
    True
    """

    imgaug_parameters = ("n",)
    examples = ({},)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._layers = tuple(_CloudSettings(**config) for config in _CLOUDS_LAYERS)

    @property
    def n(self) -> iap.StochasticParameter:
        """imgaug's ``n``: the number of cloud layers per image, 1 or 2."""
        return iap.DiscreteUniform(1, 2)

    def sample(self, rows, rng):
        count = rows.nb_rows
        both = rng.integers(0, 2, count).astype(bool)
        which = rng.integers(0, 2, count)
        use = [(True, True) if b else (w == 0, w == 1) for b, w in zip(both, which)]
        drawn = [
            iter(settings.draw_layers([s for s, u in zip(rows.shapes, use) if u[k]], rng))
            for k, settings in enumerate(self._layers)
        ]
        return [[next(drawn[k]) for k in range(2) if u[k]] for u in use]

    def _apply_one(self, image, row):
        return F.render_clouds(image, row)


class Fog(CloudLayer):
    """Add fog to images: one dense, low-frequency cloud layer.

    As imgaug's ``Fog``: a :class:`CloudLayer` with ``intensity_mean=(220, 255)``,
    ``intensity_freq_exponent=(-2.0, -1.5)``, ``intensity_coarse_scale=2``,
    ``alpha_min=(0.7, 0.9)``, ``alpha_multiplier=0.3``, ``alpha_size_px_max=(2, 8)``,
    ``alpha_freq_exponent=(-4.0, -2.0)``, ``sparsity=0.9`` and
    ``density_multiplier=(0.4, 0.9)``. Fog lowers contrast and brightens the image.

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.Fog(seed=1)
    >>> img = np.tile(np.array([0, 255], dtype=np.uint8), (32, 16))[:, :, None]
    >>> out = aug(image=img)
    >>> bool(out.std() < img.std() and out.mean() > img.mean())
    True
    """

    examples = ({},)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_FOG_LAYER, **kwargs)


AUGMENTERS = (CloudLayer, Clouds, Fog)
