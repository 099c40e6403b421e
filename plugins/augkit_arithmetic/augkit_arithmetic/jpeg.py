"""JPEG compression artefacts: JpegCompression."""

from __future__ import annotations

from typing import Any

from augkit import parameters as iap
from augkit_arithmetic import functional as F
from augkit_arithmetic._common import ArithmeticAugmenter


class JpegCompression(ArithmeticAugmenter):
    """Degrade images by JPEG-encoding and decoding them (OpenCV's codec).

    Parameters
    ----------
    compression : number or tuple of (number, number) or list or StochasticParameter, optional
        Compression strength in [0, 100], drawn per image (default ``(0, 100)``). As
        in imgaug it is truncated to an integer and mapped to the JPEG quality
        ``round(1 + 99 * (1 - compression / 101))``: 0 gives quality 100 (nearly
        lossless), 99 gives quality 3 (heavy blocking).
    <seed and name>

    <supported data>

    Grayscale images are encoded as grayscale JPEGs, RGB as colour JPEGs (in RGB
    order: the channels are swapped for OpenCV's BGR codec), RGBA as RGB with the
    alpha channel kept unchanged, any other channel count one channel at a time.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((16, 16, 3), 100, np.uint8)
    >>> out = JpegCompression(compression=(70, 99))(image=img)
    >>> out.shape, out.dtype
    ((16, 16, 3), dtype('uint8'))
    """

    imgaug_parameters = ("compression",)
    examples = ({"compression": (0, 100)}, {"compression": (70, 99)})
    supported_dtypes = frozenset({"uint8"})

    def __init__(self, compression: Any = (0, 100), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.compression = iap.handle_continuous_param(compression, "compression",
                                                       value_range=(0, 100))

    def sample(self, rows, rng):
        if rows.nb_rows == 1:
            strength = float(self.compression.draw_samples(1, random_state=rng).item())
            return [F.compression_to_quality(min(max(strength, 0.0), 100.0))]
        strengths = iap.draw(self.compression, rows.nb_rows, rng)
        return [F.compression_to_quality(min(max(float(s), 0.0), 100.0)) for s in strengths]

    def apply_to_images(self, images, params):
        return [F.compress_jpeg(image, quality) for image, quality in zip(images, params)]


AUGMENTERS = (JpegCompression,)
