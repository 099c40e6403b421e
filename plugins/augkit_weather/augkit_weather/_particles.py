"""Stochastic settings of a particle layer (snowflakes or raindrops) and their drawing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit_weather import functional as F
from augkit_weather._common import check_limits, draw


@dataclass
class Layer:
    """One drawn particle layer: the plan plus the values its look depends on."""

    plan: F.ParticlePlan
    speed: float
    uniformity: float
    color: float


class ParticleSettings:
    """The stochastic parameters of a particle layer, validated once.

    ``size_name`` is ``"flake_size"`` or ``"drop_size"`` (used in error messages).
    """

    def __init__(self, density: Any, density_uniformity: Any, size: Any, size_uniformity: Any,
                 angle: Any, speed: Any, blur_sigma_fraction: Any, blur_sigma_limits: Any,
                 *, size_name: str, blur: bool) -> None:
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
        self.blur = blur

    def draw_layers(self, shapes: list[tuple[int, int]], rng: np.random.Generator,
                    colors: tuple[float, float] = (255.0, 255.0)) -> list[Layer]:
        """Draw one layer for each ``(H, W)`` in *shapes* (settings vectorised)."""
        count = len(shapes)
        if count == 0:
            return []
        density = np.clip(draw(self.density, count, rng), 0.0, 1.0)
        uniform = np.clip(draw(self.density_uniformity, count, rng), 0.0, 1.0)
        size = np.clip(draw(self.size, count, rng), 1e-4, 1.0)
        size_uniform = np.clip(draw(self.size_uniformity, count, rng), 0.0, 1.0)
        angle = draw(self.angle, count, rng)
        speed = np.clip(draw(self.speed, count, rng), 0.0, 1.0)
        fraction = np.clip(draw(self.blur_sigma_fraction, count, rng), 0.0, 1.0)
        color = rng.uniform(colors[0], colors[1], count)
        low, high = self.blur_sigma_limits
        layers = []
        for i, (height, width) in enumerate(shapes):
            sigma = float(np.clip(max(height, width) * fraction[i], low, high)) if self.blur else 0.0
            plan = F.plan_particles(
                height, width, density=float(density[i]), density_uniformity=float(uniform[i]),
                size=float(size[i]), angle=float(angle[i]), speed=float(speed[i]), sigma=sigma,
                rng=rng)
            layers.append(Layer(plan, float(speed[i]), float(size_uniform[i]), float(color[i])))
        return layers


def layers_per_row(counts: np.ndarray, shapes: list[tuple[int, ...]], settings: ParticleSettings,
                   rng: np.random.Generator, **kwargs: Any) -> list[list[Layer]]:
    """Draw ``counts[i]`` layers for row i; return them grouped per row."""
    flat_shapes = [tuple(shape[:2]) for shape, n in zip(shapes, counts) for _ in range(int(n))]
    flat = settings.draw_layers(flat_shapes, rng, **kwargs)
    out, start = [], 0
    for n in counts:
        out.append(flat[start:start + int(n)])
        start += int(n)
    return out
