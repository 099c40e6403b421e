"""What the pillike augmenters share: their base class, the transform centre argument
and the docstring blocks."""

from __future__ import annotations

import numbers
from typing import Any, ClassVar

import numpy as np

from augkit import ParameterError, ParameterTypeError
from augkit import parameters as iap
from augkit.extend import PixelAugmenter, describe

#: The family's shared parameter descriptions (``<name>`` lines of its docstrings).
DOC_BLOCKS: dict[str, str] = {
    "seed and name": """
seed : None or int or numpy.random.SeedSequence or numpy.random.Generator, optional
    Seeds the augmenter's random draws (None: from ``augkit.seed()`` if it was
    called, else fresh entropy).
name : str, optional
    A name to find the augmenter by (default: the class name).
deterministic, random_state : optional
    As in :class:`augkit.Augmenter`.""",
    "factor": """
factor : number or tuple of (number, number) or list or StochasticParameter, optional
    The enhancement factor, at least 0, drawn per image: a number is used for
    every image, a tuple ``(a, b)`` is uniform in ``[a, b)``, a list is a choice.""",
}


class PillikePixelAugmenter(PixelAugmenter):
    """Base of the family's pixel augmenters: uint8 images, one at a time with its row.

    Subclasses draw one item per row in ``sample`` and change one ``(H, W, C)``
    image in ``_apply_one(image, row)``.

    Examples
    --------
    >>> import numpy as np
    >>> class Invert(PillikePixelAugmenter):
    ...     '''Invert uint8 images.'''
    ...     def sample(self, rows, rng):
    ...         return [None] * rows.nb_rows
    ...     def _apply_one(self, image, row):
    ...         return 255 - image
    >>> Invert()(image=np.zeros((1, 2), np.uint8)).tolist()
    [[255, 255]]
    """

    supported_dtypes: ClassVar[frozenset[str]] = frozenset({"uint8"})
    doc_blocks = DOC_BLOCKS

    def apply_to_images(self, images: list[np.ndarray], params: Any) -> list[np.ndarray]:
        return [self._apply_one(image, row) for image, row in zip(images, params)]

    def _apply_one(self, image: np.ndarray, row: Any) -> np.ndarray:
        """Return a new ``(H, W, C)`` image: *image* changed with its drawn *row*."""
        raise NotImplementedError


#: Named transform centres, as fractions ``(x, y)`` of the image size (imgaug's).
CENTERS: dict[str, tuple[float, float]] = {
    "center": (0.5, 0.5),
    "left-top": (0.0, 0.0), "left-center": (0.0, 0.5), "left-bottom": (0.0, 1.0),
    "center-top": (0.5, 0.0), "center-center": (0.5, 0.5), "center-bottom": (0.5, 1.0),
    "right-top": (1.0, 0.0), "right-center": (1.0, 0.5), "right-bottom": (1.0, 1.0),
}

_CENTER_ACCEPTED = ("'uniform', 'normal', one of " + ", ".join(repr(c) for c in CENTERS)
                    + ", a tuple (x, y) of numbers in [0, 1] or StochasticParameters, or a "
                    "StochasticParameter drawing (N, 2) arrays")


def handle_center(value: Any, name: str = "center") -> Any:
    """Turn a ``center`` argument into ``(param_x, param_y)`` or one ``(N, 2)`` parameter.

    Accepted as imgaug's ``position``: ``'uniform'``, ``'normal'``, a name of
    :data:`CENTERS`, a tuple ``(x, y)`` of fractions or parameters, or one parameter.

    Examples
    --------
    >>> handle_center("left-top")
    (Deterministic(value=0.0), Deterministic(value=0.0))
    """
    if isinstance(value, iap.StochasticParameter):
        return value
    if isinstance(value, str):
        if value == "uniform":
            return (iap.Uniform(0.0, 1.0), iap.Uniform(0.0, 1.0))
        if value == "normal":
            return (iap.Clip(iap.Normal(0.5, 0.225), 0.0, 1.0),
                    iap.Clip(iap.Normal(0.5, 0.225), 0.0, 1.0))
        if value in CENTERS:
            return tuple(iap.Deterministic(v) for v in CENTERS[value])
        raise ParameterError(f"{name}: expected {_CENTER_ACCEPTED}, got {describe(value)}")
    if isinstance(value, tuple) and len(value) == 2:
        out = []
        for item in value:
            if isinstance(item, iap.StochasticParameter):
                out.append(item)
            elif (isinstance(item, numbers.Real) and not isinstance(item, bool)
                  and 0.0 <= float(item) <= 1.0):
                out.append(iap.Deterministic(float(item)))
            else:
                raise ParameterError(
                    f"{name}: expected {_CENTER_ACCEPTED}, got {describe(value)}")
        return tuple(out)
    raise ParameterTypeError(f"{name}: expected {_CENTER_ACCEPTED}, got {describe(value)}")


def draw_centers(center: Any, n: int, rng: np.random.Generator) -> np.ndarray:
    """Draw ``(n, 2)`` centre fractions ``(x, y)`` from a handled *center*."""
    if isinstance(center, tuple):
        xy = np.stack([iap.draw(center[0], n, rng, np.float64),
                       iap.draw(center[1], n, rng, np.float64)], axis=1)
    else:
        xy = np.asarray(center.draw_samples((n, 2), random_state=rng), dtype=np.float64)
    return xy
