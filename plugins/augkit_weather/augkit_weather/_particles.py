"""Stochastic settings of a particle layer (snowflakes or raindrops) and their drawing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit_weather import functional as F
from augkit_weather._common import check_limits, draw


def _clip(values: np.ndarray, low: float, high: float) -> np.ndarray:
    return np.minimum(np.maximum(values, low), high)  # np.clip is slow on tiny arrays


@dataclass
class Layer:
    """One drawn particle layer: the plan plus the values its look depends on."""

    plan: F.ParticlePlan
    speed: float
    uniformity: float


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
        self.blur_sigma_limits = check_limits(blur_sigma_limits, "blur_sigma_limits")
        self.rain = rain

    def draw_layers(self, shapes: list[tuple[int, int]], rng: np.random.Generator) -> list[Layer]:
        """Draw one layer for each ``(H, W)`` in *shapes* (settings vectorised)."""
        count = len(shapes)
        if count == 0:
            return []
        density = _clip(draw(self.density, count, rng), 0.0, 1.0)
        uniform = _clip(draw(self.density_uniformity, count, rng), 0.0, 1.0)
        size = _clip(draw(self.size, count, rng), 1e-4, 1.0)
        angle = draw(self.angle, count, rng)
        speed = _clip(draw(self.speed, count, rng), 0.0, 1.0)
        if self.rain:  # rain uses neither the size uniformity nor the gaussian blur
            size_uniform = fraction = np.zeros(count)
        else:
            size_uniform = _clip(draw(self.size_uniformity, count, rng), 0.0, 1.0)
            fraction = _clip(draw(self.blur_sigma_fraction, count, rng), 0.0, 1.0)
        gates = rng.beta(1.0, np.maximum(1.0 - uniform, 1e-3)[:, None, None],
                         (count, 8, 8)).astype(np.float32)
        # plain floats: cheaper per-layer arithmetic below
        density, size, angle, speed, size_uniform, fraction = (
            a.tolist() for a in (density, size, angle, speed, size_uniform, fraction))
        low, high = self.blur_sigma_limits
        layers = []
        for i, (height, width) in enumerate(shapes):
            sigma = 0.0 if self.rain else min(max(max(height, width) * fraction[i], low), high)
            plan = F.plan_particles(
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
