"""Particle layers (snowflakes, raindrops): placing particles, then rendering them."""

from __future__ import annotations

import numpy as np
from augkit_weather import functional as F

# plan_particles is private to the plugin (the random half of snow and rain, drawn in
# ``sample``); no public API places particles without rendering them.
from augkit_weather._particles import plan_particles
from hypothesis import given
from hypothesis import strategies as st


def gate(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).random((8, 8)).astype(np.float32)


def test_particle_plan_counts_follow_density():
    plan = plan_particles(200, 200, density=0.02, gate=np.ones((8, 8), np.float32), size=0.5,
                          angle=0, speed=0, sigma=0, rng=np.random.default_rng(0),
                          streaks=False)
    assert plan.canvas_shape == (100, 100)
    assert 150 < len(plan.particles) < 250
    rendered = F.render_particles(plan)
    assert rendered.shape == (200, 200)
    assert abs(rendered.sum() / 4 - 255 * len(plan.particles)) < 0.02 * 255 * len(plan.particles)


@given(height=st.integers(1, 64), width=st.integers(1, 64), density=st.floats(0, 1),
       size=st.floats(1e-4, 1.0), angle=st.floats(-60, 60), speed=st.floats(0, 1),
       streaks=st.booleans(), seed=st.integers(0, 2**31 - 1))
def test_rendered_particles_cover_the_image_and_are_never_negative(
        height, width, density, size, angle, speed, streaks, seed):
    rng = np.random.default_rng(seed)
    plan = plan_particles(height, width, density=density, gate=gate(seed), size=size,
                          angle=angle, speed=speed, sigma=1.0, rng=rng, streaks=streaks)
    rendered = F.render_particles(plan)
    assert rendered.shape == (height, width) and rendered.dtype == np.float32
    assert rendered.min() >= -1e-3
    if density == 0:
        assert not rendered.any()
