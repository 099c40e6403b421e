"""What the colour family's augmenters share: their base class, colour space arguments,
per-channel draws and docstring blocks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np

from augkit import parameters as iap
from augkit.extend import PixelAugmenter, draw_per_channel
from augkit_color.functional import ALIASES, COLORSPACES

_RANGE = "number or tuple of (number, number) or list or StochasticParameter"

#: Parameter descriptions repeated across the family's docstrings (``<name>`` lines).
DOC_BLOCKS = {
    "from_colorspace": """\
        from_colorspace : str, optional
            Colour space of the input images (default ``"RGB"``).""",
    "per_channel": """\
        per_channel : bool or float or StochasticParameter, optional
            True draws the values per channel instead of per image; a float is the
            probability per image of doing so.""",
    "curve dtypes": """\
        ========  ==========================================================
        dtype     behaviour
        ========  ==========================================================
        uint8     exact, a 256-entry lookup table per image (or channel)
        uint16    scaled to [0, 1], transformed, rounded back
        float32   values expected in [0, 1]; negatives read as 0, no clipping
        float64   as float32
        ========  ==========================================================""",
    "brightness to_colorspace": """\
        to_colorspace : str or list of str or StochasticParameter, optional
            Candidate colour spaces, one drawn per image (default
            ``[YCrCb, HSV, HLS, Lab, Luv, YUV]``).""",
    "intensity to_colorspace": """\
        to_colorspace : {'Lab', 'HLS', 'HSV', 'YCrCb', 'YUV'} or list or StochasticParameter
            Colour space whose intensity channel is equalized (default ``"Lab"``); a
            list picks one per image. YCrCb and YUV take a fast path: the change of
            luma is added to R, G and B.""",
    "clahe": f"""\
        clip_limit : {_RANGE}
            Contrast limit per image (default ``(0.1, 8)``); higher is stronger.
        tile_grid_size_px : int or tuple of (int, int) or list of int or \
StochasticParameter or tuple of two of those
            Number of tiles per side of the grid CLAHE equalizes in (default
            ``(3, 12)``), as imgaug passes it to OpenCV. A tuple of two
            tuples/lists/parameters gives height and width separately.
        tile_grid_size_px_min : int, optional
            Smallest grid size used (default 3).""",
    "uniform quantization options": """\
        from_colorspace : str, optional
            Colour space of the input images (default ``"RGB"``).
        to_colorspace : None or str or list of str or StochasticParameter, optional
            Colour space to quantize in, one drawn per image (default None: as given;
            3- and 4-channel images only).
        max_size : None or int, optional
            Accepted for imgaug compatibility (default None); changes nothing.
        interpolation : {'nearest', 'linear', 'area', 'cubic'} or int, optional
            Accepted for imgaug compatibility (default ``"linear"``); changes nothing.""",
}


class ColorPixelAugmenter(PixelAugmenter):
    """Base of the family's pixel augmenters: one image at a time, with its drawn row.

    Subclasses draw their params per image in ``sample`` and change one image in
    ``_apply_one(image, row)``; the base checks dtypes and channel counts (the class
    attributes ``supported_dtypes`` and ``image_channels``) before.

    Examples
    --------
    >>> import numpy as np
    >>> class Invert(ColorPixelAugmenter):
    ...     '''Invert uint8 images.'''
    ...     supported_dtypes = frozenset({"uint8"})
    ...     def sample(self, rows, rng):
    ...         return [None] * rows.nb_rows
    ...     def _apply_one(self, image, row):
    ...         return 255 - image
    >>> Invert()(image=np.zeros((1, 2), np.uint8)).tolist()
    [[255, 255]]
    """

    doc_blocks = DOC_BLOCKS
    #: Whether ``_apply_one`` takes a third argument, ``out``: a C-contiguous array of
    #: the output's shape and dtype (a row of an image array's result) to write into.
    #: A subclass that redefines ``_apply_one`` says so again (it is reset otherwise).
    _apply_one_takes_out: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_apply_one" in vars(cls) and "_apply_one_takes_out" not in vars(cls):
            cls._apply_one_takes_out = False

    def apply_to_images(self, images: list[np.ndarray], params: Any) -> list[np.ndarray]:
        return [self._apply_one(image, row) for image, row in zip(images, params)]

    def _apply_into(self, images, params, outs):
        if not self._apply_one_takes_out:
            return super()._apply_into(images, params, outs)
        return [self._apply_one(image, row, out)
                for image, row, out in zip(images, params, outs)]

    def _apply_one(self, image: np.ndarray, row: Any) -> np.ndarray:
        """Return a new ``(H, W, C)`` image: *image* changed with its drawn *row*."""
        raise NotImplementedError


def _canonical(value: Any) -> Any:
    """Replace colour space aliases (``"XYZ"``) in a name or a list of names."""
    if isinstance(value, str):
        return ALIASES.get(value, value)
    if isinstance(value, (list, tuple)):
        return [ALIASES.get(item, item) if isinstance(item, str) else item for item in value]
    return value


def colorspace_param(value: Any, name: str,
                     allowed: Sequence[str] = COLORSPACES) -> iap.StochasticParameter:
    """Turn a colour space argument into a parameter that draws names.

    *value* is a name, a list of names (one drawn per image), ``augkit.ALL`` or a
    parameter; ``"XYZ"`` is read as ``"CIE"``. Raises naming *name* on anything else.
    """
    return iap.handle_choice_param(_canonical(value), name, allowed)


def colorspace_name(value: Any, name: str, allowed: Sequence[str] = COLORSPACES) -> str:
    """Return the canonical name of one colour space *value*, or raise naming *name*."""
    return iap.handle_choice_param(_canonical(value), name, allowed, stochastic=False)


def draw_colorspaces(param: iap.StochasticParameter, nb_rows: int, rng: np.random.Generator,
                     name: str, allowed: Sequence[str] = COLORSPACES) -> list[str]:
    """Draw one colour space name per row; raise naming *name* on a name not *allowed*."""
    spaces = [ALIASES.get(space, space) for space in iap.draw(param, nb_rows, rng).tolist()]
    for space in spaces:
        if space not in allowed:
            colorspace_name(space, name, allowed)
    return spaces


def draw_params_per_channel(params: Sequence[iap.StochasticParameter], per_channel: Any,
                            shapes: Sequence[Sequence[int]],
                            rng: np.random.Generator) -> list[tuple[np.ndarray, ...]]:
    """Draw each of *params* once per image, or once per channel where *per_channel* says so.

    The first parameter goes through :func:`augkit.extend.draw_per_channel` (which
    draws *per_channel* too); the others are drawn as many times after it. With
    *per_channel* off (``Deterministic(0)``, the default) the same values are drawn
    without the per-channel bookkeeping, which costs more than the draws.

    Returns
    -------
    list of tuple of ndarray
        Per row, one float64 array of shape ``(1,)`` or ``(C,)`` per parameter.
    """
    if isinstance(per_channel, iap.Deterministic) and not per_channel.value:
        drawn = [iap.draw(param, len(shapes), rng, np.float64) for param in params]
        if len(shapes) == 1:
            return [tuple(drawn)]
        return list(zip(*[column[:, None] for column in drawn]))  # rows of (1,) views
    first = draw_per_channel(params[0], per_channel, shapes, rng)
    if len(params) == 1:
        return [(values,) for values in first]
    total = sum(map(len, first))
    others = [iap.draw(param, total, rng, np.float64) for param in params[1:]]
    if len(first) == 1:
        return [(first[0], *others)]
    rows, start = [], 0
    for values in first:
        stop = start + len(values)
        rows.append((values, *(column[start:stop] for column in others)))
        start = stop
    return rows
