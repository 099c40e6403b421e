"""Edge detection: Canny, with its edge image coloured and blended over the original."""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit.extend import ParameterTypeError, blend, describe
from augkit_arithmetic import functional as F
from augkit_arithmetic._common import ArithmeticAugmenter, is_pair

_GRAY_WEIGHTS = np.array([0.299, 0.587, 0.114])


class IBinaryImageColorizer:
    """Interface: turn a boolean edge mask into a colour image.

    ``draw_samples(nb_rows, rng)`` draws everything random for a batch (one item per
    image); ``colorize(image_binary, image_original, sample)`` uses one of those
    items and must not draw anything. (imgaug's ``colorize`` took a random state;
    augkit keeps randomness in the sampling step so that replays are exact.)
    """

    def draw_samples(self, nb_rows: int, rng: np.random.Generator) -> list[Any]:
        """Return one picklable sample per image."""
        raise NotImplementedError

    def colorize(self, image_binary: np.ndarray, image_original: np.ndarray,
                 sample: Any) -> np.ndarray:
        """Return a uint8 image shaped like *image_original* from the ``(H, W)`` bool mask."""
        raise NotImplementedError


class RandomColorsBinaryImageColorizer(IBinaryImageColorizer):
    """Colour edges and background with two random colours drawn per image.

    Parameters
    ----------
    color_true : int or tuple of (int, int) or list or StochasticParameter, optional
        Colour of the edge pixels, drawn as three values in ``[0, 255]`` per image
        (default ``(0, 255)``).
    color_false : int or tuple of (int, int) or list or StochasticParameter, optional
        Colour of every other pixel (default ``(0, 255)``).

    Notes
    -----
    One-channel images get the colour's grey value (``0.299 R + 0.587 G + 0.114 B``);
    images of 3 or more channels get the colour in their first three channels and
    keep the others (alpha); two-channel images get the grey value in both.

    Examples
    --------
    >>> import numpy as np
    >>> c = RandomColorsBinaryImageColorizer(color_true=255, color_false=0)
    >>> mask = np.array([[True, False]])
    >>> s = c.draw_samples(1, np.random.default_rng(0))[0]
    >>> c.colorize(mask, np.zeros((1, 2, 3), np.uint8), s)[0].tolist()
    [[255, 255, 255], [0, 0, 0]]
    """

    def __init__(self, color_true: Any = (0, 255), color_false: Any = (0, 255)) -> None:
        self.color_true = iap.handle_discrete_param(color_true, "color_true",
                                                    value_range=(0, 255))
        self.color_false = iap.handle_discrete_param(color_false, "color_false",
                                                     value_range=(0, 255))

    def draw_samples(self, nb_rows, rng):
        true = iap.draw(self.color_true, (nb_rows, 3), rng)
        false = iap.draw(self.color_false, (nb_rows, 3), rng)
        return [(t.astype(np.float64), f.astype(np.float64)) for t, f in zip(true, false)]

    def colorize(self, image_binary, image_original, sample):
        color_true, color_false = sample
        nb_channels = image_original.shape[2]
        out = image_original.copy()
        if nb_channels >= 3:
            colors = np.stack([color_false, color_true]).round().clip(0, 255).astype(np.uint8)
            out[:, :, :3] = colors[image_binary.astype(np.uint8)]
        else:
            grays = np.array([color_false @ _GRAY_WEIGHTS, color_true @ _GRAY_WEIGHTS])
            grays = grays.round().clip(0, 255).astype(np.uint8)
            out[:, :, :] = grays[image_binary.astype(np.uint8)][:, :, None]
        return out

    def __repr__(self) -> str:
        return (f"RandomColorsBinaryImageColorizer(color_true={self.color_true!r}, "
                f"color_false={self.color_false!r})")


def _thresholds_param(value: Any) -> Any:
    if is_pair(value):
        return tuple(iap.handle_discrete_param(v, f"hysteresis_thresholds[{i}]",
                                               value_range=(0, 255), allow_floats=True)
                     for i, v in enumerate(value))
    return iap.handle_discrete_param(value, "hysteresis_thresholds", value_range=(0, 255),
                                     allow_floats=True)


class Canny(ArithmeticAugmenter):
    """Detect edges (Canny), colour them and blend the edge image over the original.

    Parameters
    ----------
    alpha : number or tuple of (number, number) or list or StochasticParameter, optional
        Visibility of the edge image in ``[0, 1]`` (default ``(0.0, 1.0)``); 0
        leaves the image unchanged.
    hysteresis_thresholds : number or tuple or list or StochasticParameter or pair, optional
        Canny's low and high thresholds in ``[0, 255]`` (default ``((60, 140),
        (160, 240))``). One shorthand draws both values per image (the smaller is
        the low one); a pair of non-numbers draws the low one from the first and the
        high one from the second.
    sobel_kernel_size : int or tuple of (int, int) or list or StochasticParameter, optional
        Sobel aperture in ``[0, 7]`` (default ``(3, 7)``); an even value ``v``
        becomes ``v - 1``; 1 or less leaves the image unchanged.
    colorizer : None or IBinaryImageColorizer, optional
        Turns the edge mask into an image (default: a
        :class:`RandomColorsBinaryImageColorizer` with random colours).
    <seed and name>

    <supported data>

    Notes
    -----
    Edges come from the first three channels (one-channel images: the channel
    itself; two channels: the first). Blending uses :func:`augkit.extend.blend`.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.zeros((8, 8), dtype=np.uint8); img[:, 4:] = 255
    >>> c = RandomColorsBinaryImageColorizer(color_true=255, color_false=0)
    >>> Canny(alpha=1.0, sobel_kernel_size=3, colorizer=c)(image=img)[0].tolist()
    [0, 0, 0, 255, 0, 0, 0, 0]
    """

    imgaug_parameters = ("alpha", "hysteresis_thresholds", "sobel_kernel_size", "colorizer")
    examples = ({}, {"alpha": (0.5, 1.0), "sobel_kernel_size": [3, 7]})
    supported_dtypes = frozenset({"uint8"})

    def __init__(self, alpha: Any = (0.0, 1.0),
                 hysteresis_thresholds: Any = ((100 - 40, 100 + 40), (200 - 40, 200 + 40)),
                 sobel_kernel_size: Any = (3, 7), colorizer: Any = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))
        self.hysteresis_thresholds = _thresholds_param(hysteresis_thresholds)
        self.sobel_kernel_size = iap.handle_discrete_param(sobel_kernel_size,
                                                           "sobel_kernel_size",
                                                           value_range=(0, 7))
        if colorizer is None:
            colorizer = RandomColorsBinaryImageColorizer()
        if not (hasattr(colorizer, "draw_samples") and hasattr(colorizer, "colorize")):
            raise ParameterTypeError(
                f"colorizer: expected None or an IBinaryImageColorizer (draw_samples and "
                f"colorize methods), got {describe(colorizer)}")
        self.colorizer = colorizer

    def sample(self, rows, rng):
        n = rows.nb_rows
        alphas = iap.draw(self.alpha, n, rng, dtype=np.float64)
        thresholds = self.hysteresis_thresholds
        if isinstance(thresholds, tuple):
            pairs = np.stack([iap.draw(t, n, rng, dtype=np.float64) for t in thresholds], axis=1)
        else:
            pairs = iap.draw(thresholds, (n, 2), rng, dtype=np.float64)
        pairs.sort(axis=1)
        sobel = iap.draw(self.sobel_kernel_size, n, rng).astype(int)
        sobel = np.where(sobel % 2 == 0, sobel - 1, sobel)
        colors = self.colorizer.draw_samples(n, rng)
        return list(zip(alphas.tolist(), pairs.tolist(), sobel.tolist(), colors))

    def apply_to_images(self, images, params):
        out = []
        for image, (alpha, (low, high), sobel, colors) in zip(images, params):
            if alpha <= 0 or sobel <= 1 or image.size == 0:
                out.append(image.copy())
                continue
            edges = F.canny_edges(image, low, high, sobel)
            colored = self.colorizer.colorize(edges, image, colors)
            out.append(blend(colored, image, alpha).reshape(image.shape))
        return out


AUGMENTERS = (Canny,)
