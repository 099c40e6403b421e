"""Additive noise drawn per pixel: AdditiveGaussianNoise, AdditiveLaplaceNoise and
AdditivePoissonNoise.

The distribution's settings (``loc``, ``scale``, ``lam``) are drawn once per image,
as in imgaug; the noise itself per pixel (and per channel with *per_channel*).

How the noise is drawn depends on the images of the call:

* uint8 images (the fast path): one random byte per value picks an entry of a
  256-level table of the distribution (the mean of each 1/256 quantile bin,
  rescaled to the exact mean and standard deviation). The table is rounded and
  split into a positive and a negative uint8 table, and two saturating OpenCV
  passes add it: about 30x faster than drawing float normals. The outermost 1/256
  of each tail is folded onto one value (about 2.9 standard deviations for the
  normal distribution), which after rounding to uint8 is hardly visible.
* every other dtype: exact float32 draws from the distribution.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit_arithmetic import functional as F
from augkit_arithmetic._common import (
    ARITHMETIC_DTYPES,
    ArithmeticAugmenter,
    deferred_random_bytes,
    drawn,
    elementwise_shapes,
    random_bytes,
)


class _AdditiveNoise(ArithmeticAugmenter):
    """Shared sampling and application of the additive-noise augmenters."""

    supported_dtypes = ARITHMETIC_DTYPES

    def _settings(self, count: int, rng: np.random.Generator) -> np.ndarray:
        """Per image, the distribution's settings: an ``(count, k)`` array."""
        raise NotImplementedError

    def _table(self, settings: np.ndarray) -> np.ndarray:
        """The 256-entry noise table for one image's settings."""
        raise NotImplementedError

    def _exact(self, settings: np.ndarray, shape: tuple, rng: np.random.Generator
               ) -> np.ndarray:
        """Exact float32 noise of *shape* for one image's settings."""
        raise NotImplementedError

    def sample(self, rows, rng):
        shapes = elementwise_shapes(self.per_channel, rows.shapes, rng)
        settings = self._settings(len(shapes), rng)
        images = rows.get("images")
        exact = [images is not None and image.dtype != np.uint8 for image in images] \
            if images is not None else [False] * len(shapes)
        out = []
        for shape, setting, use_exact in zip(shapes, settings, exact):
            if use_exact:
                out.append(self._exact(setting, shape, rng))
            else:
                out.append((deferred_random_bytes(rng, shape), self._table(setting)))
        return out

    def apply_to_images(self, images, params):
        out = []
        for image, noise in zip(images, params):
            if isinstance(noise, tuple):
                picks, table = noise
                out.append(F.add_table_noise(image, drawn(picks), table))
            else:
                out.append(F.add_elementwise(image, noise))
        return out


def _loc_scale(loc: Any, scale: Any) -> tuple[iap.StochasticParameter, iap.StochasticParameter]:
    return (iap.handle_continuous_param(loc, "loc"),
            iap.handle_continuous_param(scale, "scale", value_range=(0, None)))


class AdditiveGaussianNoise(_AdditiveNoise):
    """Add gaussian noise, drawn per pixel (and optionally per channel), to images.

    Parameters
    ----------
    loc : number or tuple of (number, number) or list or StochasticParameter, optional
        Mean of the noise, drawn per image (default 0).
    scale : number or tuple of (number, number) or list or StochasticParameter, optional
        Standard deviation of the noise, >= 0, drawn per image (default ``(0, 15)``);
        ``0.05 * 255`` is clearly visible on uint8 images.
    <per_channel elementwise>
    <seed and name>

    <supported data>

    ========  ==============================================================
    dtype     behaviour
    ========  ==============================================================
    uint8     256-level noise table (see the module notes), rounded, saturated
    int*      exact float32 noise, rounded, saturated
    float*    exact float32 noise in the image's units (use scale ~0.05)
    bool      exact noise, ``x + n >= 0.5``
    ========  ==============================================================

    Examples
    --------
    >>> import numpy as np
    >>> aug = AdditiveGaussianNoise(loc=0, scale=(0.0, 0.05 * 255), per_channel=0.5)
    >>> aug(image=np.full((4, 4, 3), 128, np.uint8)).shape
    (4, 4, 3)
    """

    imgaug_parameters = ("value", "per_channel")
    examples = ({"scale": (0, 0.1 * 255)}, {"loc": 0, "scale": (0.0, 0.05 * 255),
                                            "per_channel": 0.5})

    def __init__(self, loc: Any = 0, scale: Any = (0, 15), per_channel: Any = False,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.loc, self.scale = _loc_scale(loc, scale)
        self.per_channel = iap.handle_per_channel(per_channel)

    @property
    def value(self) -> iap.StochasticParameter:
        """imgaug's ``value``: the noise distribution, ``Normal(loc, scale)``."""
        return iap.Normal(self.loc, self.scale)

    def _settings(self, count, rng):
        return np.stack([iap.draw(self.loc, count, rng), iap.draw(self.scale, count, rng)],
                        axis=1)

    def _table(self, settings):
        return settings[0] + settings[1] * F.normal_table()

    def _exact(self, settings, shape, rng):
        noise = rng.standard_normal(shape, dtype=np.float32)
        noise *= np.float32(settings[1])
        noise += np.float32(settings[0])
        return noise


class AdditiveLaplaceNoise(_AdditiveNoise):
    """Add laplace noise (heavier tails than gaussian) per pixel to images.

    Parameters
    ----------
    loc : number or tuple of (number, number) or list or StochasticParameter, optional
        Location of the noise, drawn per image (default 0).
    scale : number or tuple of (number, number) or list or StochasticParameter, optional
        Scale ``b`` of the distribution (standard deviation ``b * sqrt(2)``), >= 0,
        drawn per image (default ``(0, 15)``).
    <per_channel elementwise>
    <seed and name>

    <supported data>

    dtypes behave as in :class:`AdditiveGaussianNoise` (a 256-level table on uint8,
    whose outermost level sits near 5.9 ``b``).

    Examples
    --------
    >>> import numpy as np
    >>> aug = AdditiveLaplaceNoise(scale=0.05 * 255, per_channel=True)
    >>> aug(image=np.full((4, 4, 3), 128, np.uint8)).dtype
    dtype('uint8')
    """

    imgaug_parameters = ("value", "per_channel")
    examples = ({"scale": (0, 0.1 * 255)}, {"scale": 0.05 * 255, "per_channel": True})

    def __init__(self, loc: Any = 0, scale: Any = (0, 15), per_channel: Any = False,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.loc, self.scale = _loc_scale(loc, scale)
        self.per_channel = iap.handle_per_channel(per_channel)

    @property
    def value(self) -> iap.StochasticParameter:
        """imgaug's ``value``: the noise distribution, ``Laplace(loc, scale)``."""
        return iap.Laplace(self.loc, self.scale)

    _settings = AdditiveGaussianNoise._settings

    def _table(self, settings):
        return settings[0] + settings[1] * F.laplace_table()

    def _exact(self, settings, shape, rng):
        return rng.laplace(settings[0], settings[1], shape).astype(np.float32)


class AdditivePoissonNoise(_AdditiveNoise):
    """Add poisson noise with a random sign per pixel to images.

    Parameters
    ----------
    lam : number or tuple of (number, number) or list or StochasticParameter, optional
        The poisson distribution's lambda, >= 0, drawn per image (default
        ``(0.0, 15.0)``); each noise value is a poisson draw with a random sign.
    <per_channel elementwise>
    <seed and name>

    <supported data>

    On uint8 the noise comes from a 256-level table (128 quantiles of the poisson
    distribution per sign); other dtypes get exact draws.

    Examples
    --------
    >>> import numpy as np
    >>> aug = AdditivePoissonNoise(lam=10.0, per_channel=True)
    >>> aug(image=np.full((4, 4, 3), 128, np.uint8)).shape
    (4, 4, 3)
    """

    imgaug_parameters = ("value", "per_channel")
    examples = ({"lam": (0.0, 15.0)}, {"lam": 10.0, "per_channel": True})

    def __init__(self, lam: Any = (0.0, 15.0), per_channel: Any = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lam = iap.handle_continuous_param(lam, "lam", value_range=(0, None))
        self.per_channel = iap.handle_per_channel(per_channel)

    @property
    def value(self) -> iap.StochasticParameter:
        """imgaug's ``value``: ``RandomSign(Poisson(lam))``."""
        return iap.RandomSign(iap.Poisson(self.lam))

    def _settings(self, count, rng):
        lam = iap.draw(self.lam, count, rng, dtype=np.float64)
        return np.maximum(lam, 0.0)[:, None]

    def _table(self, settings):
        return F.poisson_table(float(settings[0]))

    def _exact(self, settings, shape, rng):
        draws = rng.poisson(settings[0], shape).astype(np.float32)
        signs = random_bytes(rng, draws.size).reshape(shape) >= 128
        return np.where(signs, draws, -draws)


AUGMENTERS = (AdditiveGaussianNoise, AdditiveLaplaceNoise, AdditivePoissonNoise)
