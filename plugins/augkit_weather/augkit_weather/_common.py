"""What the weather augmenters share: their base class and docstring blocks."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from augkit.extend import PixelAugmenter

_RANGE = "number or tuple of (number, number) or list or StochasticParameter"

#: Parameter and image descriptions repeated across the family's docstrings.
DOC_BLOCKS = {
    "images": """\
        Images may have 1, 3 or 4 channels (alpha kept); float32 images hold values in
        [0, 1].""",
    "flake density": f"""\
        density : {_RANGE}
            Probability of each pixel of the low-resolution grid to hold a flake, in
            [0, 1]; drawn per layer. imgaug recommends ``(0.01, 0.075)``.
        density_uniformity : {_RANGE}
            In [0, 1]; low values gather flakes in some areas (a coarse ``Beta(1, 1 - u)``
            gate), 1 spreads them evenly.""",
    "flake size": f"""\
        flake_size : {_RANGE}
            In (0, 1]: the flakes are drawn on a grid of ``1 - flake_size`` times the image
            size, so larger values give larger flakes. imgaug: ``(0.1, 0.4)`` for 96x128,
            ``(0.2, 0.7)`` for 192x256, ``(0.7, 0.95)`` for 960x1280 images.
        flake_size_uniformity : {_RANGE}
            In [0, 1]; higher values give more similarly sized flakes.""",
    "flake motion": f"""\
        angle : {_RANGE}
            Falling direction in degrees, 0 = straight down; positive values lean the
            bottom of the motion trail to the left (imgaug's MotionBlur angle).
        speed : {_RANGE}
            In [0, 1]: motion blur length as a fraction of the longer image side (none
            below 2 pixels). imgaug: ``(0.01, 0.05)`` for 96x128, ``(0.007, 0.03)`` for
            192x256, ``(0.001, 0.03)`` for 960x1280 images.""",
}


class WeatherAugmenter(PixelAugmenter):
    """Base of the weather augmenters: uint8 and float32 images with 1, 3 or 4 channels.

    Subclasses draw their params per image in ``sample`` and render one image in
    ``_apply_one(image, row)``; the base checks dtypes and channel counts (the class
    attributes); ``_apply_one`` returns a new array, which the base returns
    C-contiguous in the image's shape.

    Examples
    --------
    >>> import numpy as np
    >>> class Brighten(WeatherAugmenter):
    ...     '''Add 10 to uint8 images.'''
    ...     def sample(self, rows, rng):
    ...         return [10] * rows.nb_rows
    ...     def _apply_one(self, image, row):
    ...         return image + np.uint8(row)
    >>> Brighten()(image=np.zeros((1, 2, 3), np.uint8))[0, :, 0].tolist()
    [10, 10]
    """

    supported_dtypes = frozenset({"uint8", "float32"})
    image_channels: ClassVar[tuple[int, ...]] = (1, 3, 4)
    doc_blocks = DOC_BLOCKS

    def apply_to_images(self, images: list[np.ndarray], params: Any) -> list[np.ndarray]:
        out = []
        for image, row in zip(images, params):
            result = self._apply_one(np.ascontiguousarray(image), row)
            out.append(np.ascontiguousarray(result).reshape(image.shape))
        return out

    def _apply_one(self, image: np.ndarray, row: Any) -> np.ndarray:
        """Return a new array: *image* (``(H, W, C)``, C-contiguous) with its drawn *row*."""
        raise NotImplementedError
