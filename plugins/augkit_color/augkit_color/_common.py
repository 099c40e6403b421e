"""What the colour family's augmenters share: channel checks and per-channel draws."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np

from augkit import InputError, PixelAugmenter
from augkit import parameters as iap


class ColorPixelAugmenter(PixelAugmenter):
    """Base of the family's pixel augmenters: checks the channel count of images.

    ``image_channels`` lists the channel counts accepted (None: any); others raise
    :class:`augkit.InputError` naming the augmenter and the count.
    """

    #: Channel counts of images this augmenter accepts (None: any).
    image_channels: ClassVar[tuple[int, ...] | None] = (1, 3, 4)

    def _check_channels(self, images: list[np.ndarray]) -> None:
        check_channels(type(self).__name__, self.image_channels, images)

    def apply_to_images(self, images, params):
        self._check_channels(images)
        return [self._apply_one(image, row) for image, row in zip(images, params)]

    def _apply_one(self, image: np.ndarray, row: Any) -> np.ndarray:
        raise NotImplementedError


def check_channels(name: str, accepted: tuple[int, ...] | None,
                   images: Sequence[np.ndarray]) -> None:
    """Raise InputError naming *name* if an image has a channel count not in *accepted*."""
    if accepted is None:
        return
    for image in images:
        channels = image.shape[2]
        if channels not in accepted:
            listed = ", ".join(str(c) for c in accepted)
            hint = " (hue and saturation need colour)" if 1 not in accepted else ""
            raise InputError(
                f"{name}: cannot augment an image of shape {image.shape} with {channels} "
                f"channel{'s' if channels != 1 else ''}; accepted channel counts: "
                f"{listed}{hint}"
            )


def draw_values_per_channel(params: Sequence[iap.StochasticParameter], per_channel: Any,
                            shapes: Sequence[Sequence[int]],
                            rng: np.random.Generator) -> list[np.ndarray]:
    """Draw each of *params* once per image, or once per channel where *per_channel*
    says so; return per row a float64 array of shape ``(1 or C, len(params))``."""
    nb_rows = len(shapes)
    if isinstance(per_channel, iap.Deterministic) and not per_channel.value:
        if nb_rows == 1:  # one image: the same draws without the per-row split
            return [np.array([[p.draw_samples(1, random_state=rng)[0] for p in params]],
                             dtype=np.float64)]
        # Fast path (one value per image): no per-channel draw, no split.
        flat = np.empty((nb_rows, len(params)), dtype=np.float64)
        for i, p in enumerate(params):
            flat[:, i] = np.asarray(p.draw_samples(nb_rows, random_state=rng)).reshape(-1)
        return [flat[i:i + 1] for i in range(nb_rows)]
    use = np.asarray(per_channel.draw_samples(nb_rows, random_state=rng)) > 0.5
    channels = np.array([s[2] if len(s) > 2 else 1 for s in shapes], dtype=np.int64)
    counts = np.where(use, channels, 1)
    total = int(counts.sum())
    columns = [np.asarray(p.draw_samples(total, random_state=rng), dtype=np.float64)
               for p in params]
    flat = np.stack(columns, axis=1) if columns else np.zeros((total, 0))
    return np.split(flat, np.cumsum(counts)[:-1])


def draw_flat(param: iap.StochasticParameter, nb_rows: int,
              rng: np.random.Generator) -> np.ndarray:
    """Draw one float64 value per row."""
    return np.asarray(param.draw_samples(nb_rows, random_state=rng), dtype=np.float64).ravel()
