"""Procedural textures behind Fog and Frost: a plasma fractal and frost crystals.

Both are deterministic given the generator they are handed; no picture is shipped.
"""

from __future__ import annotations

import cv2
import numpy as np

#: Tint of frost (RGB, 0..1): ice scatters blue a little more than red.
FROST_TINT = np.array([0.84, 0.92, 1.0], dtype=np.float32)


def next_power_of_2(value: int) -> int:
    """Return the smallest power of two >= *value* (1 for 0).

    Examples
    --------
    >>> next_power_of_2(224), next_power_of_2(256), next_power_of_2(1)
    (256, 256, 1)
    """
    return 1 if value <= 1 else 1 << (int(value) - 1).bit_length()


def plasma_fractal(size: int, decay: float, rng: np.random.Generator) -> np.ndarray:
    """Return a ``(size, size)`` diamond-square height map in [0, 1] (float64).

    The grid starts at 0 everywhere; at each level the centre of every square is the
    mean of its four (wrapping) corners, then the centre of every diamond the mean of
    its four neighbours, each plus uniform noise of amplitude ``wibble ** 2`` where
    ``wibble`` starts at 100 and is divided by *decay* per level. This is the
    "plasma fractal" of ImageNet-C's fog; larger *decay* gives smoother fog.

    Parameters
    ----------
    size : int
        A power of two, >= 2.
    decay : float
        Roughness decay per level (> 0).
    rng : numpy.random.Generator

    Examples
    --------
    >>> m = plasma_fractal(8, 2.0, np.random.default_rng(0))
    >>> m.shape, float(m.min()), float(m.max())
    ((8, 8), 0.0, 1.0)
    """
    grid = np.zeros((size, size), dtype=np.float64)
    step, wibble = size, 100.0
    while step >= 2:
        half = step // 2
        corners = grid[0::step, 0::step]
        square = corners + np.roll(corners, -1, axis=0)
        square = square + np.roll(square, -1, axis=1)
        grid[half::step, half::step] = square / 4 + wibble * rng.uniform(
            -wibble, wibble, square.shape)
        centres = grid[half::step, half::step]
        corners = grid[0::step, 0::step]
        across = centres + np.roll(centres, 1, axis=0) + corners + np.roll(corners, -1, axis=1)
        grid[0::step, half::step] = across / 4 + wibble * rng.uniform(
            -wibble, wibble, across.shape)
        down = centres + np.roll(centres, 1, axis=1) + corners + np.roll(corners, -1, axis=0)
        grid[half::step, 0::step] = down / 4 + wibble * rng.uniform(
            -wibble, wibble, down.shape)
        step, wibble = half, wibble / decay
    grid -= grid.min()
    peak = grid.max()
    return grid / peak if peak > 0 else grid


def _blur(plane: np.ndarray, sigma: float) -> np.ndarray:
    """Gaussian-blur a float32 plane; wide blurs run on a shrunk copy (same look, fast)."""
    height, width = plane.shape
    factor = sigma / 2.0
    if factor <= 1.5:
        return cv2.GaussianBlur(plane, (0, 0), sigmaX=max(sigma, 0.3),
                                borderType=cv2.BORDER_REFLECT)
    small = cv2.resize(plane, (max(1, round(width / factor)), max(1, round(height / factor))),
                       interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), sigmaX=2.0, borderType=cv2.BORDER_REFLECT)
    return cv2.resize(small, (width, height), interpolation=cv2.INTER_LINEAR)


def _normalised(plane: np.ndarray) -> np.ndarray:
    plane = plane - plane.min()
    peak = plane.max()
    return plane / peak if peak > 0 else plane


def _crystal_segments(height: int, width: int, scale: float,
                      rng: np.random.Generator) -> np.ndarray:
    """Return ``(N, 2, 2)`` float segment end points: stems and their 60-degree branches."""
    count = max(1, int(round(height * width / (350.0 * scale * scale))))
    starts = rng.uniform((0, 0), (width, height), size=(count, 2))
    angles = rng.uniform(0, np.pi, count)
    lengths = rng.uniform(6, 36, count) * scale
    direction = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    stems = np.stack([starts, starts + direction * lengths[:, None]], axis=1)
    # Side branches leave the stem at 60 degrees (hexagonal ice) and shorten outwards.
    where = rng.uniform(0.15, 0.9, (count, 4))
    sides = np.array([1, -1, 1, -1])
    branch_angles = angles[:, None] + sides * np.pi / 3
    roots = starts[:, None, :] + direction[:, None, :] * (where * lengths[:, None])[:, :, None]
    branch_lengths = (1 - where) * lengths[:, None] * rng.uniform(0.25, 0.6, (count, 4))
    tips = roots + np.stack([np.cos(branch_angles), np.sin(branch_angles)], axis=2) \
        * branch_lengths[:, :, None]
    branches = np.stack([roots, tips], axis=2).reshape(-1, 2, 2)
    return np.concatenate([stems, branches], axis=0)


def frost_texture(height: int, width: int, rng: np.random.Generator) -> np.ndarray:
    """Return an ``(height, width, 3)`` float32 RGB frost picture with values in [0, 255].

    A procedural stand-in for ImageNet-C's frost photographs: a cloudy haze of icy
    fractal noise (several octaves of blurred white noise) under a layer of crystal
    needles -- straight stems with shorter side branches at 60 degrees, drawn
    anti-aliased in one ``cv2.polylines`` call, given a soft glow and modulated by
    the haze -- tinted pale blue. Feature sizes scale with the longer image side
    (224 pixels as reference, at least a quarter of it for small images), so small
    and large images get the same look. Deterministic given *rng*.

    Examples
    --------
    >>> t = frost_texture(32, 48, np.random.default_rng(0))
    >>> t.shape, t.dtype.name, bool(0 <= t.min() and t.max() <= 255)
    ((32, 48, 3), 'float32', True)
    """
    scale = max(max(height, width) / 224.0, 0.25)
    haze = np.zeros((height, width), dtype=np.float32)
    for sigma, weight in ((24.0, 0.5), (8.0, 0.3), (2.0, 0.2)):
        # White noise blurred by sigma: drawn directly at 1 / (sigma / 2) resolution.
        step = max(1.0, sigma * scale / 2.0)
        grid = (max(1, round(height / step)), max(1, round(width / step)))
        noise = rng.standard_normal(grid, dtype=np.float32)
        noise = cv2.GaussianBlur(noise, (0, 0), sigmaX=sigma * scale / step,
                                 borderType=cv2.BORDER_REFLECT)
        haze += weight * _normalised(cv2.resize(noise, (width, height),
                                                interpolation=cv2.INTER_LINEAR))
    segments = _crystal_segments(height, width, scale, rng)
    canvas = np.zeros((height, width), dtype=np.float32)
    points = np.round(segments * 16).astype(np.int32)
    cv2.polylines(canvas, list(points), isClosed=False, color=1.0,
                  thickness=max(1, round(scale / 2)), lineType=cv2.LINE_AA, shift=4)
    needles = np.clip(_blur(canvas, 0.5 * scale) * 1.6 + _blur(canvas, 2.5 * scale) * 1.5,
                      0, 1)
    intensity = np.clip(0.45 * haze + needles * (0.35 + 0.65 * haze), 0, 1)
    return intensity[:, :, None] * (FROST_TINT * 255.0)
