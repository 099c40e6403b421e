"""What the imgcorruptlike augmenters share: severity handling, the base, doc blocks."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from augkit import parameters as iap
from augkit.extend import ParameterError, PixelAugmenter
from augkit_imgcorruptlike import functional as F

#: Parameter and image descriptions repeated across the family's docstrings.
DOC_BLOCKS = {
    "severity": """\
        severity : int or tuple of (int, int) or list of int or StochasticParameter
            Strength of the corruption, 1 to 5, drawn per image: an int is fixed, a
            tuple ``(a, b)`` draws uniformly from ``a..b``, a list picks one of its
            values (default ``(1, 5)``, as imgaug 0.4.0).
        seed : None or int or numpy.random.SeedSequence or numpy.random.Generator
            Seed of the augmenter (see :class:`augkit.Augmenter`).
        name : str, optional
            Name of the augmenter (default: the class name).""",
    "images": """\
        Images are uint8 with 1 channel (also ``(H, W)``) or 3 (RGB), of any size
        (ImageNet-C's constants were made for images of about 224 pixels).""",
}


def handle_severity(value: Any) -> iap.StochasticParameter:
    """Turn imgaug's *severity* shorthand into a parameter of integers in 1..5.

    Examples
    --------
    >>> handle_severity((1, 3))
    DiscreteUniform(a=1, b=3)
    """
    return iap.handle_discrete_param(value, "severity", value_range=(1, 5),
                                     tuple_to_uniform=True, list_to_choice=True,
                                     allow_floats=False)


def draw_severities(param: iap.StochasticParameter, count: int,
                    rng: np.random.Generator) -> np.ndarray:
    """Draw *count* severities from *param*; raise if one is not an integer in 1..5.

    Examples
    --------
    >>> draw_severities(handle_severity(2), 3, np.random.default_rng(0)).tolist()
    [2, 2, 2]
    """
    values = np.asarray(iap.draw(param, count, rng))
    severities = np.rint(values).astype(np.int64) if values.size else values.astype(np.int64)
    bad = (severities < 1) | (severities > 5) | (severities != values)
    if np.any(bad):
        raise ParameterError(f"severity: drew {values[bad][0].item()!r}, expected an integer "
                             "from 1 to 5")
    return severities


class CorruptionAugmenter(PixelAugmenter):
    """Base of the pixel-only corruptions: draw a severity and a seed per image.

    Subclasses name their corruption in ``corruption`` (the ``apply_<corruption>``
    function of :mod:`augkit_imgcorruptlike.functional` does the work); the params
    of a call are ``(severity, seed)`` per image, the seed drawn from the
    augmenter's generator, so calls are reproducible and replayable.

    Examples
    --------
    >>> import numpy as np
    >>> class Darken(CorruptionAugmenter):
    ...     '''Lower contrast (a test double).'''
    ...     corruption = "contrast"
    >>> Darken(severity=5)(image=np.full((2, 2), 9, np.uint8)).tolist()
    [[9, 9], [9, 9]]
    """

    supported_dtypes = frozenset({"uint8"})
    image_channels: ClassVar[tuple[int, ...]] = (1, 3)
    doc_blocks = DOC_BLOCKS
    imgaug_parameters = ("severity",)
    examples: ClassVar[tuple[dict[str, Any], ...]] = ({"severity": 3}, {"severity": (1, 5)})
    #: Name of the corruption (``apply_<corruption>`` in ``functional``).
    corruption: ClassVar[str]

    def __init__(self, severity: Any = (1, 5), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.severity = handle_severity(severity)

    def sample(self, rows, rng):
        severities = draw_severities(self.severity, rows.nb_rows, rng)
        seeds = rng.integers(0, 2 ** 63 - 1, size=rows.nb_rows, dtype=np.int64)
        return list(zip(severities.tolist(), seeds.tolist()))

    def apply_to_images(self, images: list[np.ndarray], params: Any) -> list[np.ndarray]:
        function = getattr(F, f"apply_{self.corruption}")
        return [function(image, severity=severity, seed=seed)
                for image, (severity, seed) in zip(images, params)]
