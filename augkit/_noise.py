"""Vectorised 2-D noise fields and the resizing behind the noise parameters.

Everything here is plain numpy on whole grids (no loop over pixels). OpenCV is
imported only when a non-nearest resize is requested, so that ``import augkit``
stays fast.
"""

from __future__ import annotations

import math

import numpy as np

RESIZE_METHODS: tuple[str, ...] = ("nearest", "linear", "area", "cubic")

# Skew and unskew factors of the 2-D simplex lattice.
_SKEW = 0.5 * (math.sqrt(3.0) - 1.0)
_UNSKEW = (3.0 - math.sqrt(3.0)) / 6.0
# Brings the sum of the three corner contributions (unit gradients) to about [-1, 1].
_SIMPLEX_SCALE = 99.0
_TABLE_SIZE = 256


def simplex_noise(height: int, width: int, rng: np.random.Generator) -> np.ndarray:
    """Return 2-D simplex noise on an integer grid, as float32 values in [0, 1].

    Each call draws a new permutation table and new gradient directions from *rng*,
    so two calls give unrelated fields. Neighbouring grid points are one lattice unit
    apart: the field is detailed at this resolution and becomes smooth blobs once it
    is upscaled.
    """
    perm = rng.permutation(_TABLE_SIZE)
    perm = np.concatenate([perm, perm])
    angles = rng.uniform(0.0, 2.0 * math.pi, _TABLE_SIZE)
    grad_x, grad_y = np.cos(angles), np.sin(angles)
    offset_y, offset_x = rng.uniform(0.0, _TABLE_SIZE, 2)

    y = np.arange(height, dtype=np.float64)[:, None] + offset_y
    x = np.arange(width, dtype=np.float64)[None, :] + offset_x
    skew = (x + y) * _SKEW
    cell_i = np.floor(x + skew)
    cell_j = np.floor(y + skew)
    unskew = (cell_i + cell_j) * _UNSKEW
    x0 = x - (cell_i - unskew)
    y0 = y - (cell_j - unskew)
    # Which of the two triangles of the cell the point is in.
    step_i = (x0 > y0).astype(np.intp)
    step_j = 1 - step_i

    ii = cell_i.astype(np.intp) & (_TABLE_SIZE - 1)
    jj = cell_j.astype(np.intp) & (_TABLE_SIZE - 1)
    corners = (
        (x0, y0, perm[ii + perm[jj]]),
        (x0 - step_i + _UNSKEW, y0 - step_j + _UNSKEW, perm[ii + step_i + perm[jj + step_j]]),
        (x0 - 1.0 + 2.0 * _UNSKEW, y0 - 1.0 + 2.0 * _UNSKEW, perm[ii + 1 + perm[jj + 1]]),
    )
    total = np.zeros(np.broadcast_shapes(x0.shape, y0.shape), dtype=np.float64)
    for dx, dy, gradient in corners:
        falloff = np.maximum(0.5 - dx * dx - dy * dy, 0.0)
        falloff *= falloff
        total += falloff * falloff * (grad_x[gradient] * dx + grad_y[gradient] * dy)
    noise = (total * _SIMPLEX_SCALE + 1.0) * 0.5
    return np.clip(noise, 0.0, 1.0).astype(np.float32)


def frequency_noise(
    height: int, width: int, exponent: float, rng: np.random.Generator
) -> np.ndarray:
    """Return noise shaped in the frequency domain, as float32 values in [0, 1].

    The magnitude of each frequency is ``|f| ** exponent`` (the constant term is
    removed) and each phase is uniformly random; the real part of the inverse FFT is
    rescaled to [0, 1]. Negative exponents give large blobs, positive ones fine grain.
    """
    freq_y = np.fft.fftfreq(height) * height
    freq_x = np.fft.fftfreq(width) * width
    radius = np.sqrt(freq_y[:, None] ** 2 + freq_x[None, :] ** 2)
    radius[0, 0] = 1.0
    magnitude = radius**exponent
    magnitude[0, 0] = 0.0
    phase = rng.uniform(0.0, 2.0 * math.pi, (height, width))
    field = np.fft.ifft2(magnitude * np.exp(1j * phase)).real
    low, high = field.min(), field.max()
    if high - low <= 1e-12:
        return np.full((height, width), 0.5, dtype=np.float32)
    return ((field - low) / (high - low)).astype(np.float32)


def low_resolution_shape(height: int, width: int, size_px_max: int) -> tuple[int, int]:
    """Return the grid shape whose longer side is at most *size_px_max* (aspect kept)."""
    longest = max(height, width)
    if longest <= size_px_max:
        return height, width
    factor = size_px_max / longest
    return max(1, round(height * factor)), max(1, round(width * factor))


def resize(array: np.ndarray, height: int, width: int, method: str) -> np.ndarray:
    """Resize the first two axes of *array* to ``(height, width)``.

    ``nearest`` keeps the dtype and is done by indexing; ``linear``, ``area`` and
    ``cubic`` use OpenCV and return float32 (float64 stays float64).
    """
    if array.shape[:2] == (height, width):
        return array
    if method == "nearest":
        rows = _nearest_indices(array.shape[0], height)
        cols = _nearest_indices(array.shape[1], width)
        return array[rows[:, None], cols[None, :]]

    import cv2

    flags = {"linear": cv2.INTER_LINEAR, "area": cv2.INTER_AREA, "cubic": cv2.INTER_CUBIC}
    if array.dtype != np.float64:
        array = array.astype(np.float32)
    out = cv2.resize(array, (width, height), interpolation=flags[method])
    if array.ndim == 3 and out.ndim == 2:
        out = out[:, :, None]
    return out


def _nearest_indices(source: int, target: int) -> np.ndarray:
    centres = (np.arange(target) + 0.5) * (source / target)
    return np.minimum(centres.astype(np.intp), source - 1)
