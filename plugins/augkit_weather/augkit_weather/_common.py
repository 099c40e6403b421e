"""Shared base of the weather augmenters: dtypes, channel counts, drawing helpers."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from augkit import InputError, PixelAugmenter
from augkit import parameters as iap

#: Text for docstrings: how images of each channel count are treated.
CHANNELS_DOC = "Images may have 1 (gray), 3 (colour) or 4 (colour + alpha, alpha kept) channels."


class WeatherAugmenter(PixelAugmenter):
    """Pixel-only base: uint8 and float32 images with 1, 3 or 4 channels."""

    supported_dtypes = frozenset({"uint8", "float32"})
    image_channels: ClassVar[tuple[int, ...]] = (1, 3, 4)

    def apply_to_images(self, images: list[np.ndarray], params: Any) -> list[np.ndarray]:
        out = []
        for image, row in zip(images, params):
            channels = image.shape[2]
            if channels not in (1, 3, 4):
                raise InputError(
                    f"{type(self).__name__}: images need 1 (gray), 3 (colour) or 4 (colour + "
                    f"alpha) channels, got {channels} channels (shape {image.shape})"
                )
            if image.shape[0] == 0 or image.shape[1] == 0:
                out.append(np.array(image, copy=True, order="C"))
                continue
            result = self._apply_one(np.ascontiguousarray(image), row)
            if result is image or np.shares_memory(result, image):
                result = result.copy()
            out.append(np.ascontiguousarray(result).reshape(image.shape))
        return out

    def _apply_one(self, image: np.ndarray, row: Any) -> np.ndarray:
        raise NotImplementedError


def draw(param: iap.StochasticParameter, count: int, rng: np.random.Generator) -> np.ndarray:
    """Draw *count* values of *param* as float64."""
    return np.asarray(param.draw_samples(count, random_state=rng), dtype=np.float64).reshape(count)


def check_limits(value: Any, name: str) -> tuple[float, float]:
    """Validate a ``(min, max)`` pair of non-negative numbers."""
    from augkit import ParameterError

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
