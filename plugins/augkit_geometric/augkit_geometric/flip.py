"""Horizontal and vertical flips of images, maps and coordinates: Fliplr, Flipud."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np

from augkit import parameters as iap
from augkit_geometric import functional as F
from augkit_geometric._bases import MatrixAugmenter

# One-image params (immutable, shared between calls): flip or keep.
_FLIP = (True,)
_KEEP = (False,)


class _Flip(MatrixAugmenter, abstract=True):
    """Flip a fraction *p* of the images along one axis, with everything on them.

    A plane transform like the others (:meth:`matrices` gives each row's mirror
    matrix, which also moves the coordinates); images and maps take the exact
    :func:`~augkit_geometric.functional.fliplr` / ``flipud`` path instead of a warp.
    """

    _axis: ClassVar[int]  # 1 flips left-right (x), 0 flips up-down (y)
    _flip: ClassVar[Callable[..., np.ndarray]]  # (arr, out=None)
    examples = ({"p": 1.0}, {"p": 0.5})
    plane_lossless = True  # fusable (sample reads the row shapes only), never resamples

    def __init__(self, p: Any = 1.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.p = iap.handle_probability_param(p, "p")

    def sample(self, rows, rng):
        if len(rows.shapes) == 1:
            return _FLIP if self.p.draw_sample(rng) > 0.5 else _KEEP
        return iap.draw(self.p, rows.nb_rows, rng) > 0.5

    def apply_to_images(self, images, params):
        flip = type(self)._flip
        if len(images) == 1:  # the per-call path
            return [flip(images[0]) if params[0] else images[0].copy()]
        return [flip(image) if flipped else image.copy()
                for image, flipped in zip(images, params)]

    def _apply_into(self, images, params, outs):
        flip = type(self)._flip
        for image, flipped, out in zip(images, params, outs):
            if flipped:
                flip(image, out)
            else:
                np.copyto(out, image)
        return outs

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        return self.apply_to_images(arrays, params)

    def matrices(self, params, shapes):
        return [F.flip_matrix(self._axis, shape[0], shape[1]) if flipped else np.eye(3)
                for flipped, shape in zip(params, shapes)]

    def output_shapes(self, params, shapes):
        return shapes


class Fliplr(_Flip):
    """Mirror a fraction *p* of the images left to right, with all their annotations.

    Parameters
    ----------
    p : float or StochasticParameter, optional
        Probability, per image, of flipping (default 1.0).
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> Fliplr(1.0)(image=np.array([[1, 2, 3]], dtype=np.uint8)).tolist()
    [[3, 2, 1]]
    """
    imgaug_parameters = ("p",)

    _axis = 1
    _flip = staticmethod(F.fliplr)
    aliases = ("HorizontalFlip",)


class Flipud(_Flip):
    """Mirror a fraction *p* of the images top to bottom, with all their annotations.

    Parameters
    ----------
    p : float or StochasticParameter, optional
        Probability, per image, of flipping (default 1.0).
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> Flipud(1.0)(image=np.array([[1], [2]], dtype=np.uint8)).tolist()
    [[2], [1]]
    """
    imgaug_parameters = ("p",)

    _axis = 0
    _flip = staticmethod(F.flipud)
    aliases = ("VerticalFlip",)


AUGMENTERS = (Fliplr, Flipud)
