"""Drawing particle layers (snowflakes, raindrops): the random half of snow and rain.

:class:`ParticleSettings` holds a layer's validated parameters and draws layers;
:func:`plan_particles` places one layer's particles. Rendering is deterministic and
lives in :mod:`augkit_weather.functional`.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np

from augkit import ParameterError
from augkit import parameters as iap
from augkit_weather.functional import ParticlePlan


class Layer(NamedTuple):
    """One drawn particle layer: the plan plus the values its look depends on."""

    plan: ParticlePlan
    speed: float
    uniformity: float


def _clip(values: np.ndarray, low: float, high: float) -> np.ndarray:
    return np.minimum(np.maximum(values, low), high)  # np.clip is slow on tiny arrays


def _check_limits(value: Any, name: str) -> tuple[float, float]:
    """Validate a ``(min, max)`` pair of non-negative numbers."""
    ok = (
        isinstance(value, (tuple, list)) and len(value) == 2
        and all(isinstance(v, (int, float, np.integer, np.floating))
                and not isinstance(v, bool) and np.isfinite(v) and v >= 0 for v in value)
        and value[0] <= value[1]
    )
    if not ok:
        raise ParameterError(
            f"{name}: expected a (min, max) tuple of numbers with 0 <= min <= max, got {value!r}"
        )
    return float(value[0]), float(value[1])


def layer_setting(name: str) -> property:
    """Return a read-only attribute that reads ``self.settings.<name>``.

    The layer augmenters keep their parameters in a settings object; these
    attributes give them imgaug's names (what its ``get_parameters()`` lists).
    """
    return property(lambda self: getattr(self.settings, name),
                    doc=f"imgaug's attribute: the layer's ``{name}`` parameter.")


class ParticleLayerAttributes:
    """imgaug's attributes of ``SnowflakesLayer`` and ``RainLayer``."""

    density = layer_setting("density")
    density_uniformity = layer_setting("density_uniformity")
    flake_size = layer_setting("size")
    flake_size_uniformity = layer_setting("size_uniformity")
    angle = layer_setting("angle")
    speed = layer_setting("speed")
    blur_sigma_fraction = layer_setting("blur_sigma_fraction")
    blur_sigma_limits = layer_setting("blur_sigma_limits")
    #: imgaug's fixed size of the noise that gates where particles appear.
    gate_noise_size = (8, 8)


class ParticleSettings:
    """The stochastic parameters of a particle layer, validated once.

    ``size_name`` is ``"flake_size"`` or ``"drop_size"`` (used in error messages).
    Snow (``rain=False``) is gaussian-blurred and gets short rotated trails; rain
    (``rain=True``) gets long streaks on a sheared canvas and no gaussian blur.
    """

    def __init__(self, density: Any, density_uniformity: Any, size: Any, size_uniformity: Any,
                 angle: Any, speed: Any, blur_sigma_fraction: Any, blur_sigma_limits: Any,
                 *, size_name: str, rain: bool) -> None:
        self.density = iap.handle_continuous_param(density, "density", value_range=(0.0, 1.0))
        self.density_uniformity = iap.handle_continuous_param(
            density_uniformity, "density_uniformity", value_range=(0.0, 1.0))
        self.size = iap.handle_continuous_param(size, size_name, value_range=(1e-4, 1.0))
        self.size_uniformity = iap.handle_continuous_param(
            size_uniformity, f"{size_name}_uniformity", value_range=(0.0, 1.0))
        self.angle = iap.handle_continuous_param(angle, "angle")
        self.speed = iap.handle_continuous_param(speed, "speed", value_range=(0.0, 1.0))
        self.blur_sigma_fraction = iap.handle_continuous_param(
            blur_sigma_fraction, "blur_sigma_fraction", value_range=(0.0, 1.0))
        self.blur_sigma_limits = _check_limits(blur_sigma_limits, "blur_sigma_limits")
        self.rain = rain

    def draw_layers(self, shapes: list[tuple[int, int]], rng: np.random.Generator) -> list[Layer]:
        """Draw one layer for each ``(H, W)`` in *shapes* (settings vectorised)."""
        count = len(shapes)
        if count == 0:
            return []
        density = _clip(iap.draw(self.density, count, rng, np.float64), 0.0, 1.0)
        uniform = _clip(iap.draw(self.density_uniformity, count, rng, np.float64), 0.0, 1.0)
        size = _clip(iap.draw(self.size, count, rng, np.float64), 1e-4, 1.0)
        angle = iap.draw(self.angle, count, rng, np.float64)
        speed = _clip(iap.draw(self.speed, count, rng, np.float64), 0.0, 1.0)
        if self.rain:  # rain uses neither the size uniformity nor the gaussian blur
            size_uniform = fraction = np.zeros(count)
        else:
            size_uniform = _clip(iap.draw(self.size_uniformity, count, rng, np.float64), 0.0, 1.0)
            fraction = _clip(iap.draw(self.blur_sigma_fraction, count, rng, np.float64), 0.0, 1.0)
        gates = rng.beta(1.0, np.maximum(1.0 - uniform, 1e-3)[:, None, None],
                         (count, 8, 8)).astype(np.float32)
        # plain floats: cheaper per-layer arithmetic below
        density, size, angle, speed, size_uniform, fraction = (
            a.tolist() for a in (density, size, angle, speed, size_uniform, fraction))
        low, high = self.blur_sigma_limits
        layers = []
        for i, (height, width) in enumerate(shapes):
            sigma = 0.0 if self.rain else min(max(max(height, width) * fraction[i], low), high)
            plan = plan_particles(
                height, width, density=density[i], gate=gates[i], size=size[i], angle=angle[i],
                speed=speed[i], sigma=sigma, rng=rng, streaks=self.rain)
            layers.append(Layer(plan, speed[i], size_uniform[i]))
        return layers


def layers_per_row(counts: np.ndarray, shapes: list[tuple[int, ...]], settings: ParticleSettings,
                   rng: np.random.Generator) -> list[list[Layer]]:
    """Draw ``counts[i]`` layers for row i; return them grouped per row."""
    counts = [int(n) for n in counts]
    flat_shapes = [(shape[0], shape[1]) for shape, n in zip(shapes, counts) for _ in range(n)]
    flat = settings.draw_layers(flat_shapes, rng)
    out, start = [], 0
    for n in counts:
        out.append(flat[start:start + n])
        start += n
    return out


def plan_particles(height: int, width: int, *, density: float, gate: np.ndarray, size: float,
                   angle: float, speed: float, sigma: float, rng: np.random.Generator,
                   streaks: bool = True) -> ParticlePlan:
    """Place the particles of one layer for an ``(height, width)`` image.

    Parameters
    ----------
    height, width : int
        Size of the image the layer is rendered for.
    density : float
        Probability of each low-resolution pixel to hold a particle, in [0, 1].
    gate : ndarray of shape (h, w), float32
        Small map in [0, 1] that thins the particles out locally (imgaug:
        ``Beta(1, 1 - density_uniformity)`` on an 8x8 grid).
    size : float
        imgaug's ``flake_size``/``drop_size``: the grid is ``1 - size`` of the image.
    angle : float
        Falling direction in degrees (0 = straight down, positive = the bottom of a
        streak leans left).
    speed : float
        Motion blur length as a fraction of the longer image side (none below 2
        pixels, at least 3 otherwise, as imgaug).
    sigma : float
        Gaussian blur at image resolution (0 for none).
    rng : numpy.random.Generator
        Where the particles are drawn from.
    streaks : bool, optional
        Long box-filtered streaks on a sheared canvas (rain) instead of short rotated
        trails (snow).

    Returns
    -------
    ParticlePlan
        What :func:`augkit_weather.functional.render_particles` renders.

    Examples
    --------
    >>> plan = plan_particles(200, 200, density=0.02, gate=np.ones((8, 8), np.float32),
    ...                       size=0.5, angle=0.0, speed=0.0, sigma=0.0,
    ...                       rng=np.random.default_rng(0), streaks=False)
    >>> plan.canvas_shape
    (100, 100)
    """
    factor = min(max(1.0 - size, 0.001), 1.0)
    low_h = max(1, int(height * factor))
    low_w = max(1, int(width * factor))
    kernel = int(speed * max(height, width))
    tangent = math.tan(math.radians(angle))
    rows, length, shear, offset = low_h, 1, 0.0, 0.0
    if kernel > 1 and not streaks:
        length = max(1, round(max(kernel, 3) * factor))
    elif kernel > 1:
        kernel_low = max(kernel, 3) * factor
        # Long streaks need few rows; keep the shear per canvas row under 1.5 pixels.
        reduce = min(kernel_low / 2.0, 1.5 / max(abs(tangent), 1e-6), 16.0)
        rows = max(1, round(low_h / max(reduce, 1.0)))
        step = low_h / rows                       # low-res rows per canvas row
        length = max(1, round(kernel_low / step))
        if length > 1:
            shear = tangent * step
            offset = max(0.0, -shear * (rows - 1))
    step = low_h / rows
    cols = low_w + math.ceil(abs(shear) * max(rows - 1, 0))
    density = min(max(density, 0.0), 1.0)
    per_cell = density * step                     # expected particles per canvas cell
    value = 255.0 / step
    if per_cell > 0.125:
        # Dense: one Bernoulli draw per cell instead of a Poisson number of particles.
        # p = l / (1 + l) and a value (1 + l) times brighter keep the Poisson mean and
        # variance of l particles per cell, so the streak texture keeps its contrast.
        # The draw compares random bytes with a threshold: p in steps of 1/256.
        cells = rows * cols
        threshold = max(1, round(256.0 * per_cell / (1.0 + per_cell)))
        raw = rng.bit_generator.random_raw((cells + 7) // 8).view(np.uint8)[:cells]
        particles = raw < threshold
        value *= per_cell / (threshold / 256.0)
    else:
        count = int(rng.binomial(max(round(low_h * cols), 0), density))
        particles = rng.integers(0, rows * cols, count,
                                 dtype=np.int32 if rows * cols < 2**31 else np.int64)
    blur = sigma * factor
    return ParticlePlan(
        out_shape=(height, width), low_shape=(low_h, low_w), canvas_shape=(rows, cols),
        particles=particles, value=value, gate=gate,
        sigma=(blur, blur / step) if blur > 0 else (0.0, 0.0),
        length=length, shear=shear, offset=offset, angle=angle, streaks=streaks,
    )
