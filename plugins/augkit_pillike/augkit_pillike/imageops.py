"""Pillow's ``ImageOps`` as augmenters: Solarize, Posterize, Equalize, Autocontrast."""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import ParameterError
from augkit import parameters as iap
from augkit.extend import channel_count, draw_per_channel, table_keeping_alpha
from augkit_pillike import functional as F
from augkit_pillike._common import PillikePixelAugmenter


class Solarize(PillikePixelAugmenter):
    """Invert the values at or above a threshold, as Pillow's ``ImageOps.solarize``.

    uint8 rows are lookup tables (``lookup_tables``).

    Registered as ``pillike.Solarize`` (``augkit.augmenters.pillike.Solarize``); the
    bare name ``Solarize`` stays the arithmetic family's.

    Parameters
    ----------
    p : float or StochasticParameter, optional
        Probability of solarizing an image (default 1).
    threshold : number or tuple of (number, number) or list or StochasticParameter, optional
        Values ``>= threshold`` become ``255 - value``; drawn per image (default 128).
    <seed and name>

    <supported data>

    Any number of channels.

    Examples
    --------
    >>> import numpy as np
    >>> Solarize(threshold=100)(image=np.array([[10, 200]], dtype=np.uint8)).tolist()
    [[10, 55]]
    """

    registered_name = "pillike.Solarize"
    imgaug_parameters = ("p", "per_channel", "min_value", "max_value", "threshold",
                         "invert_above_threshold")
    examples = ({}, {"p": 0.5, "threshold": (32, 128)})
    #: imgaug's fixed settings of its ``Invert`` base: one decision per image, the
    #: dtype's value range, values above the threshold inverted.
    per_channel = iap.Deterministic(0)
    min_value = None
    max_value = None
    invert_above_threshold = iap.Deterministic(1)

    def __init__(self, p: Any = 1.0, threshold: Any = 128, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.p = iap.handle_probability_param(p, "p")
        self.threshold = iap.handle_continuous_param(threshold, "threshold")

    def sample(self, rows, rng):
        n = rows.nb_rows
        apply = iap.draw(self.p, n, rng) > 0.5
        thresholds = iap.draw(self.threshold, n, rng, np.float64)
        return [float(t) if a else None for a, t in zip(apply.tolist(), thresholds.tolist())]

    def _apply_one(self, image, row):
        return image.copy() if row is None else F.solarize(image, row)

    def lookup_tables(self, params, shapes):
        """Per row, its solarize table (the identity where the row is left alone)."""
        identity = np.arange(256, dtype=np.uint8)
        return [identity if row is None else F.solarize_table(row) for row in params]


class Posterize(PillikePixelAugmenter):
    """Keep the highest bits of every value, as Pillow's ``ImageOps.posterize``.

    uint8 rows are lookup tables (``lookup_tables``).

    Registered as ``pillike.Posterize``; the bare name ``Posterize`` stays the colour
    family's. A 4th (alpha) channel is kept unchanged, as imgaug does.

    Parameters
    ----------
    nb_bits : int or tuple of (int, int) or list of int or StochasticParameter, optional
        Bits kept per value, 1 to 8, drawn per image (default ``(1, 8)``).
    from_colorspace : str, optional
        Accepted for imgaug compatibility (default ``"RGB"``); changes nothing.
    to_colorspace : None, optional
        Must be None: values are posterized as given, as Pillow does (the colour
        family's ``Posterize`` quantizes in other colour spaces).
    max_size : None or int, optional
        Accepted for imgaug compatibility (default None); changes nothing.
    interpolation : str or int, optional
        Accepted for imgaug compatibility (default ``"linear"``); changes nothing.
    <seed and name>

    <supported data>

    Any number of channels.

    Examples
    --------
    >>> import numpy as np
    >>> Posterize(nb_bits=2)(image=np.array([[255, 100]], dtype=np.uint8)).tolist()
    [[192, 64]]
    """

    registered_name = "pillike.Posterize"
    imgaug_parameters = ("counts", "from_colorspace", "to_colorspace", "max_size", "interpolation")
    examples = ({}, {"nb_bits": [2, 4]})
    #: imgaug's ``to_colorspace``: None, the values are quantized as given.
    to_colorspace = None

    def __init__(self, nb_bits: Any = (1, 8), from_colorspace: str = "RGB",
                 to_colorspace: None = None, max_size: int | None = None,
                 interpolation: Any = "linear", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.nb_bits = iap.handle_discrete_param(nb_bits, "nb_bits", value_range=(1, 8))
        if to_colorspace is not None:
            raise ParameterError(
                f"to_colorspace: pillike.Posterize quantizes the values as given, expected "
                f"None, got {to_colorspace!r} (use augkit.get('color:Posterize') to quantize "
                "in another colour space)")
        self.from_colorspace = from_colorspace
        self.max_size = max_size
        self.interpolation = interpolation

    @property
    def counts(self) -> iap.StochasticParameter:
        """imgaug's ``counts``: the number of bits kept (``nb_bits``)."""
        return self.nb_bits

    def sample(self, rows, rng):
        bits = np.clip(iap.draw(self.nb_bits, rows.nb_rows, rng).astype(np.int64), 1, 8)
        return bits.tolist()

    def _apply_one(self, image, row):
        if image.shape[2] != 4:
            return F.posterize(image, row)
        out = image.copy()
        out[:, :, :3] = F.posterize(image[:, :, :3], row)
        return out

    def lookup_tables(self, params, shapes):
        """Per row, its posterize table (alpha column the identity on 4 channels)."""
        return [table_keeping_alpha(F.posterize_table(bits), channel_count(shape))
                for bits, shape in zip(params, shapes)]


class Equalize(PillikePixelAugmenter):
    """Equalize each channel's histogram, as Pillow's ``ImageOps.equalize``.

    Parameters
    ----------
    <seed and name>

    <supported data>

    Any number of channels, each equalized on its own.

    Examples
    --------
    >>> import numpy as np
    >>> image = np.repeat(np.array([[0, 10, 20]], dtype=np.uint8), 200, axis=1)
    >>> np.unique(Equalize()(image=image)).tolist()
    [0, 200, 255]
    """

    def sample(self, rows, rng):
        return [None] * rows.nb_rows

    def _apply_one(self, image, row):
        return F.equalize(image)


class Autocontrast(PillikePixelAugmenter):
    """Stretch the histogram to [0, 255] after cutting off its ends, as Pillow's
    ``ImageOps.autocontrast``.

    Parameters
    ----------
    cutoff : int or tuple of (int, int) or list of int or StochasticParameter, optional
        Percent (0 to 49) of the darkest and of the lightest values ignored before
        stretching, drawn per image (default ``(0, 20)``).
    per_channel : bool or float or StochasticParameter, optional
        True draws one cutoff per channel; a float is the probability, per image, of
        doing so.
    <seed and name>

    <supported data>

    Any number of channels, each stretched on its own.

    Examples
    --------
    >>> import numpy as np
    >>> Autocontrast(cutoff=0)(image=np.array([[50, 100, 150]], dtype=np.uint8)).tolist()
    [[0, 127, 255]]
    """

    imgaug_parameters = ("cutoff",)  # imgaug's params1d
    examples = ({}, {"cutoff": (10, 20), "per_channel": True})

    def __init__(self, cutoff: Any = (0, 20), per_channel: Any = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cutoff = iap.handle_discrete_param(cutoff, "cutoff", value_range=(0, 49))
        self.per_channel = iap.handle_per_channel(per_channel)

    @property
    def params1d(self) -> list[iap.StochasticParameter]:
        """imgaug's ``params1d``: ``[cutoff]``."""
        return [self.cutoff]

    def sample(self, rows, rng):
        drawn = draw_per_channel(self.cutoff, self.per_channel, rows.shapes, rng)
        return [np.clip(np.round(values), 0, 49).astype(np.int64).tolist() for values in drawn]

    def _apply_one(self, image, row):
        if len(row) == 1:
            return F.autocontrast(image, row[0])
        return np.stack([F.autocontrast(image[:, :, c], cutoff)
                         for c, cutoff in enumerate(row)], axis=-1)


AUGMENTERS = [Solarize, Posterize, Equalize, Autocontrast]
