"""JpegCompression."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_arithmetic.functional import compression_to_quality
from augkit_arithmetic.jpeg import JpegCompression

from augkit import ParameterError, UnsupportedDtypeError


def _photo(channels: int = 3) -> np.ndarray:
    ys, xs = np.mgrid[0:64, 0:64]
    base = 128 + 60 * np.sin(xs / 5.0) * np.cos(ys / 7.0)
    noise = np.random.default_rng(0).normal(0, 10, (64, 64, 1))
    gray = np.clip(base[:, :, None] + noise, 0, 255).astype(np.uint8)
    return np.repeat(gray, channels, axis=2)


def test_quality_mapping_follows_imgaug():
    assert compression_to_quality(0) == 100
    assert compression_to_quality(99.9) == compression_to_quality(99) == 3
    assert compression_to_quality(100) == 2


def test_compression_zero_is_near_identity_and_99_degrades():
    image = _photo()
    light = JpegCompression(0)(image=image).astype(np.float64)
    heavy = JpegCompression(99)(image=image).astype(np.float64)
    light_error = np.abs(light - image).mean()
    heavy_error = np.abs(heavy - image).mean()
    assert light_error < 2.0
    assert heavy_error > 3 * light_error


@pytest.mark.parametrize("channels", [1, 3, 4, 5])
def test_channel_counts(channels):
    image = _photo(channels)
    out = JpegCompression(50)(image=image)
    assert out.shape == image.shape and out.dtype == np.uint8
    if channels == 4:
        assert np.array_equal(out[:, :, 3], image[:, :, 3])


def test_rgb_order_is_kept():
    image = np.zeros((16, 16, 3), np.uint8)
    image[:, :, 0] = 255
    out = JpegCompression(10)(image=image)
    assert out[:, :, 0].mean() > 240 and out[:, :, 2].mean() < 15


def test_errors():
    with pytest.raises(ParameterError, match="compression"):
        JpegCompression(compression=150)
    with pytest.raises(UnsupportedDtypeError):
        JpegCompression(50)(image=np.zeros((4, 4), np.float32))
