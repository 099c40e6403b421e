"""What the arithmetic family's augmenters share: their bases and docstring blocks,
dtype sets, parameter parsing (kernel sizes, pairs, optional sizes) and the random
draws behind the elementwise augmenters (random bytes, Bernoulli masks)."""

from __future__ import annotations

import math
import threading
from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit.extend import (
    GeometricAugmenter,
    ParameterError,
    ParameterTypeError,
    PixelAugmenter,
    describe,
)

#: dtypes of the arithmetic augmenters: every numeric dtype but int64 (it would lose
#: precision in float64 arithmetic).
ARITHMETIC_DTYPES = frozenset({"bool", "uint8", "uint16", "uint32", "int8", "int16", "int32",
                               "float16", "float32", "float64"})

#: dtypes of the linear filters (``cv2.filter2D``, ``cv2.blur``): no 32/64-bit integers,
#: as in imgaug.
FILTER_DTYPES = frozenset({"bool", "uint8", "uint16", "int8", "int16", "float16",
                           "float32", "float64"})


# --------------------------------------------------------------------------- docstrings
def _dropout_p(what: str, one: str) -> str:
    return f"""
p : float or tuple of (float, float) or list or StochasticParameter, optional
    Probability of dropping {what}: a number, a uniform range
    drawn per image, or a list to choose from per image. A StochasticParameter
    follows imgaug: it is drawn per {one} and values > 0.5 mean *keep*
    (``iap.Binomial(1 - p)``)."""


#: The family's shared parameter descriptions and notes, named by ``<name>`` lines
#: of its docstrings.
DOC_BLOCKS: dict[str, str] = {
    "seed and name": """
seed : None or int or numpy.random.SeedSequence or numpy.random.Generator, optional
    Seeds the augmenter's random draws (None: from ``augkit.seed()`` if it was
    called, else fresh entropy).
name : str, optional
    A name to find the augmenter by (default: the class name).
deterministic, random_state : optional
    As in :class:`augkit.Augmenter`.""",
    "per_channel": """
per_channel : bool or float or StochasticParameter, optional
    True draws one value per channel; a float is the probability, per image, of
    doing so.""",
    "per_channel elementwise": """
per_channel : bool or float or StochasticParameter, optional
    True draws a value per pixel and channel (coloured noise); a float is the
    probability, per image, of doing so. Otherwise all channels of a pixel get the
    same value.""",
    "per_channel mask": """
per_channel : bool or float or StochasticParameter, optional
    True draws the mask (and the new values) per channel; a float is the
    probability, per image, of doing so. Otherwise a selected pixel changes in every
    channel, to one value.""",
    "coarse size": """
size_px : int or tuple of (int, int) or list or StochasticParameter, optional
    Height and width (drawn separately, per image) of the low-resolution mask in
    pixels; smaller values give larger areas.
size_percent : float or tuple of (float, float) or list or StochasticParameter, optional
    The same as a fraction of the image's height and width. Give at most one of
    *size_px* and *size_percent*; neither means ``size_px=(3, 8)``.""",
    "min_size": """
min_size : int, optional
    Smallest low-resolution height and width (default 3).""",
    "p dropout pixel": _dropout_p("a pixel (or channel)", "entry"),
    "p dropout cell": _dropout_p("a low-resolution cell", "cell"),
    "p dropout channel": _dropout_p("a channel", "channel"),
    "p dropout image": _dropout_p("an image", "image"),
    "p coarse": """
p : float or tuple of (float, float) or list or StochasticParameter, optional
    Probability of replacing a cell of the low-resolution mask, drawn per image
    (default ``(0.02, 0.1)``).""",
    "salt and pepper dtypes": """
Replacement values are fractions of the dtype's value range
(:func:`augkit.extend.value_range`): ``[0, 255]`` on uint8 (as in imgaug),
``[0, 1]`` on floats, the full range on other integers, 0.5 and above is True
on bool.""",
    "filter dtypes": """
============================== ===============================================
dtype                          handling
============================== ===============================================
uint8, uint16, int16, float32, OpenCV directly (integers rounded, saturated)
float64
int8                           through int16
float16, bool                  through float32 (bool thresholded at 0.5)
32/64-bit integers             not supported (as in imgaug)
============================== ===============================================""",
    "segment dtypes": """
uint8, uint16, int16, float32 and float64 are supported (means rounded and
saturated for integers; the optional down- and upscaling uses OpenCV). Other dtypes
are not supported.""",
    "max_size and interpolation": """
max_size : None or int, optional
    Images whose longer side exceeds this are shrunk for the segmentation and
    grown back afterwards (default 128; None never shrinks). Shrinking makes
    large images much faster but softens them where anything was replaced.
interpolation : {'nearest', 'linear', 'area', 'cubic'} or int, optional
    Interpolation for that shrinking and growing (default ``'linear'``).""",
    "pooling parameters": """
kernel_size : int or tuple or list or StochasticParameter or pair of these, optional
    Kernel size (default ``(1, 5)``): an int, a discrete range ``(a, b)``, a list
    or a parameter gives square kernels; a pair of non-numbers such as
    ``((1, 7), (1, 7))`` draws the height and the width separately. Sizes below
    2x2 leave the image unchanged.
keep_size : bool, optional
    Scale the pooled image back to the input size (default True; cubic
    interpolation). If False, images shrink to ``ceil(H / kh) x ceil(W / kw)``
    and maps and coordinates are scaled with them (``x * new_w / w``, i.e.
    ``x / kw`` when kw divides the width).""",
}


class ArithmeticAugmenter(PixelAugmenter):
    """Base of the family's pixel augmenters: its docstring blocks (:data:`DOC_BLOCKS`)."""

    doc_blocks = DOC_BLOCKS


class ArithmeticGeometricAugmenter(GeometricAugmenter, abstract=True):
    """Base of the family's geometric augmenters (pooling): its docstring blocks."""

    doc_blocks = DOC_BLOCKS


# --------------------------------------------------------------------------- parameters
def is_number(value: Any) -> bool:
    """True for an int or float (numpy's too), False for bools and everything else.

    Examples
    --------
    >>> is_number(3), is_number(2.5), is_number(True), is_number((1, 2))
    (True, True, False, False)
    """
    return isinstance(value, (int, float, np.integer, np.floating)) \
        and not isinstance(value, (bool, np.bool_))


def is_pair(value: Any) -> bool:
    """True for a tuple of two entries that are not both numbers (one shorthand each).

    ``(1, 7)`` is one shorthand (a range); ``((1, 7), 5)`` and ``([3, 5], (1, 3))``
    are pairs of shorthands, e.g. a height and a width.

    Examples
    --------
    >>> is_pair((1, 7)), is_pair(((1, 7), 5)), is_pair(5)
    (False, True, False)
    """
    return isinstance(value, tuple) and len(value) == 2 \
        and not (is_number(value[0]) and is_number(value[1]))


class KernelSize:
    """A kernel size drawn per image, the same for both axes or one per axis.

    Built from imgaug's shorthand by :func:`kernel_size_param`.
    """

    def __init__(self, height: iap.StochasticParameter,
                 width: iap.StochasticParameter | None = None) -> None:
        self.height = height
        self.width = width

    def draw(self, nb_rows: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """Return ``(heights, widths)``, int arrays of length *nb_rows*."""
        heights = iap.draw(self.height, nb_rows, rng).astype(int)
        if self.width is None:
            return heights, heights
        return heights, iap.draw(self.width, nb_rows, rng).astype(int)

    def draw_pairs(self, nb_rows: int, rng: np.random.Generator,
                   minimum: int = 0) -> list[tuple[int, int]]:
        """Return ``(height, width)`` Python-int pairs, one per row, each at least *minimum*."""
        fixed = self._fixed
        if fixed is not None:
            pair = (max(fixed[0], minimum), max(fixed[1], minimum))
            return [pair] * nb_rows
        heights, widths = self.draw(nb_rows, rng)
        return [(max(h, minimum), max(w, minimum))
                for h, w in zip(heights.tolist(), widths.tolist())]

    @property
    def _fixed(self) -> tuple[int, int] | None:
        width = self.height if self.width is None else self.width
        if isinstance(self.height, iap.Deterministic) and isinstance(width, iap.Deterministic):
            return int(self.height.value), int(width.value)
        return None

    def __repr__(self) -> str:
        if self.width is None:
            return repr(self.height)
        return f"({self.height!r}, {self.width!r})"


def kernel_size_param(value: Any, name: str, *, minimum: int = 1) -> KernelSize:
    """Parse a kernel size: one shorthand for both axes, or a ``(height, width)`` pair.

    ``3``, ``(1, 7)`` (discrete range), ``[3, 5]`` and a StochasticParameter give
    square kernels; a pair (:func:`is_pair`: ``((1, 7), (3, 5))``, ``([3, 5], 7)``,
    two parameters) gives the height and the width separately.

    Examples
    --------
    >>> kernel_size_param(((1, 3), 5), "k")
    (DiscreteUniform(a=1, b=3), Deterministic(value=5))
    """
    value_range = (minimum, None)
    if is_pair(value):
        height = iap.handle_discrete_param(value[0], f"{name}[0]", value_range=value_range)
        width = iap.handle_discrete_param(value[1], f"{name}[1]", value_range=value_range)
        return KernelSize(height, width)
    return KernelSize(iap.handle_discrete_param(value, name, value_range=value_range))


def check_int(value: Any, name: str, *, minimum: int, optional: bool = False) -> int | None:
    """Validate a plain (never drawn) integer argument such as ``min_size``.

    Parameters
    ----------
    value : Any
        What the user passed.
    name : str
        The argument's name, for error messages.
    minimum : int
        The smallest value accepted.
    optional : bool, optional
        Whether None is accepted (and returned).

    Returns
    -------
    int or None

    Raises
    ------
    augkit.ParameterTypeError
        For anything but an integer (bools included) or, if *optional*, None.
    augkit.ParameterError
        For an integer below *minimum*.

    Examples
    --------
    >>> check_int(128, "max_size", minimum=1), check_int(None, "max_size", minimum=1, optional=True)
    (128, None)
    """
    if value is None and optional:
        return None
    expected = f"{'None or ' if optional else ''}an integer >= {minimum}"
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise ParameterTypeError(f"{name}: expected {expected}, got {describe(value)}")
    if value < minimum:
        raise ParameterError(f"{name}: expected {expected}, got {describe(value)}")
    return int(value)


# --------------------------------------------------------------------------- draws
def elementwise_shapes(per_channel: iap.StochasticParameter, shapes: list[tuple[int, ...]],
                       rng: np.random.Generator) -> list[tuple[int, int, int]]:
    """Per row, the ``(H, W, C)`` or ``(H, W, 1)`` shape of an elementwise draw.

    *per_channel* is drawn once per row; above 0.5 means one value per channel.

    Examples
    --------
    >>> elementwise_shapes(iap.Deterministic(0), [(4, 5, 3)], np.random.default_rng(0))
    [(4, 5, 1)]
    """
    flags = iap.draw(per_channel, len(shapes), rng) > 0.5
    return [(s[0], s[1], s[2] if flag else 1) for s, flag in zip(shapes, flags)]


def random_bytes(rng: np.random.Generator, count: int) -> np.ndarray:
    """Return *count* uniformly random uint8 values drawn from *rng*'s bit generator.

    About 2x faster than ``rng.integers(0, 256, dtype=np.uint8)``; the generator's
    state advances, so draws stay reproducible for a seeded *rng*.

    Examples
    --------
    >>> values = random_bytes(np.random.default_rng(0), 5)
    >>> values.dtype.name, values.shape
    ('uint8', (5,))
    """
    words = rng.bit_generator.random_raw((count + 7) // 8)
    return words.view(np.uint8)[:count]


class DeferredBytes:
    """Random bytes that :func:`random_bytes` would draw now, drawn when first needed.

    Holds the bit generator's state instead of the bytes: a call's params then do not
    hold every image's noise at once (64 RGB images of 1024 x 1024 are 200 MB, written
    at sampling and read back at apply). :meth:`array` draws the same bytes every time.
    Made by :func:`deferred_random_bytes`.
    """

    __slots__ = ("state", "shape")

    def __init__(self, state: dict, shape: tuple[int, ...]) -> None:
        self.state, self.shape = state, shape

    def array(self) -> np.ndarray:
        """The bytes, as an uint8 array of :attr:`shape`."""
        return random_bytes(_generator_at(self.state), math.prod(self.shape)).reshape(self.shape)


class DeferredValues:
    """Values of a parameter that ``iap.draw`` would draw now, drawn when first needed.

    As :class:`DeferredBytes`, for elementwise draws (``AddElementwise``: a float64 per
    pixel, 64 images of 256 x 256 are 32 MB). Made by :func:`deferred_draw`.
    """

    __slots__ = ("state", "shape", "param", "dtype")

    def __init__(self, state: dict, shape: tuple[int, ...], param: iap.StochasticParameter,
                 dtype: np.dtype) -> None:
        self.state, self.shape, self.param, self.dtype = state, shape, param, dtype

    def array(self) -> np.ndarray:
        """The values, as an array of :attr:`shape` and :attr:`dtype`."""
        return iap.draw(self.param, self.shape, _generator_at(self.state), self.dtype)


def drawn(values: np.ndarray | DeferredBytes | DeferredValues) -> np.ndarray:
    """*values* drawn (:class:`DeferredBytes`, :class:`DeferredValues`) or as they are
    (an array)."""
    return values.array() if isinstance(values, DeferredBytes | DeferredValues) else values


_SCRATCH = threading.local()
#: Smallest draw that :func:`deferred_random_bytes` and :func:`deferred_draw` defer (in
#: bytes): below, holding the values costs less than saving and restoring the
#: generator's state (about 5 us).
DEFER_BYTES_FROM = 1 << 16


def _generator_at(state: dict) -> np.random.Generator:
    """A generator (this thread's scratch PCG64) set to *state*."""
    bit_generator = getattr(_SCRATCH, "generator", None)
    if bit_generator is None:
        bit_generator = _SCRATCH.generator = np.random.PCG64(0)
    bit_generator.state = state
    return np.random.Generator(bit_generator)


def _skip(bit_generator: np.random.PCG64, words: int) -> dict:
    """Move *bit_generator* past *words* 64-bit draws, as drawing them would; return its
    state before."""
    state = bit_generator.state
    bit_generator.advance(words)
    # advance() drops a buffered 32-bit half-draw that 64-bit draws would keep.
    after = bit_generator.state
    after["has_uint32"], after["uinteger"] = state["has_uint32"], state["uinteger"]
    bit_generator.state = after
    return state


def deferred_random_bytes(rng: np.random.Generator,
                          shape: tuple[int, ...]) -> DeferredBytes | np.ndarray:
    """Draw ``random_bytes(rng, prod(shape)).reshape(shape)`` for later (see
    :class:`DeferredBytes`); *rng* advances now past the draw, exactly as it would.

    Fewer than :data:`DEFER_BYTES_FROM` bytes, and any bit generator other than
    ``PCG64`` (which can skip ahead), are drawn now.

    Examples
    --------
    >>> later = deferred_random_bytes(np.random.default_rng(0), (256, 256))
    >>> now = random_bytes(np.random.default_rng(0), 256 * 256).reshape(256, 256)
    >>> bool((later.array() == now).all())
    True
    """
    count = math.prod(shape)
    if count < DEFER_BYTES_FROM or type(rng.bit_generator) is not np.random.PCG64:
        return random_bytes(rng, count).reshape(shape)
    return DeferredBytes(_skip(rng.bit_generator, (count + 7) // 8), tuple(shape))


def _one_word_per_value(param: iap.StochasticParameter) -> bool:
    """Whether drawing *param* takes exactly one 64-bit word per value: a ``Uniform``
    with fixed, finite bounds (``low + span * next_double``)."""
    if type(param) is not iap.Uniform:
        return False
    a, b = param.a, param.b
    return (type(a) is iap.Deterministic and type(b) is iap.Deterministic
            and math.isfinite(float(b.value) - float(a.value)))


def deferred_draw(param: iap.StochasticParameter, shape: tuple[int, ...],
                  rng: np.random.Generator, dtype: Any) -> np.ndarray | DeferredValues:
    """``iap.draw(param, shape, rng, dtype)`` for later (see :class:`DeferredValues`);
    *rng* advances now past the draw, exactly as it would.

    Deferred are draws of :data:`DEFER_BYTES_FROM` bytes and more, from a ``PCG64``,
    of a parameter whose every value takes one 64-bit word (a ``Uniform`` with fixed
    bounds); any other is drawn now.

    Examples
    --------
    >>> value = iap.Uniform(-20, 20)
    >>> later = deferred_draw(value, (256, 256, 1), np.random.default_rng(0), np.float64)
    >>> now = iap.draw(value, (256, 256, 1), np.random.default_rng(0), np.float64)
    >>> bool((drawn(later) == now).all())
    True
    """
    dtype = np.dtype(dtype)
    count = math.prod(shape)
    if (count * dtype.itemsize < DEFER_BYTES_FROM or type(rng.bit_generator) is not
            np.random.PCG64 or not _one_word_per_value(param)):
        return iap.draw(param, shape, rng, dtype)
    return DeferredValues(_skip(rng.bit_generator, count), tuple(shape), param, dtype)


def bernoulli_mask(rng: np.random.Generator, shape: tuple[int, ...], p: float) -> np.ndarray:
    """Return a bool array of *shape*, each entry True with probability *p*.

    The probability is resolved to 1/65536 (one random uint16 per entry).

    Examples
    --------
    >>> bernoulli_mask(np.random.default_rng(0), (2, 3), 1.0).tolist()
    [[True, True, True], [True, True, True]]
    """
    count = int(np.prod(shape))
    threshold = int(round(float(p) * 65536.0))
    if threshold <= 0:
        return np.zeros(shape, dtype=bool)
    if threshold >= 65536:
        return np.ones(shape, dtype=bool)
    words = rng.bit_generator.random_raw((count + 3) // 4)
    return (words.view(np.uint16)[:count] < threshold).reshape(shape)


#: Below this probability :func:`bernoulli_indices` draws gaps instead of a dense mask.
SPARSE_BELOW = 0.125


def bernoulli_indices(rng: np.random.Generator, count: int, p: float) -> np.ndarray:
    """Return the sorted int64 positions in ``range(count)`` selected with probability *p*.

    For small *p* the gaps between selected positions are drawn directly (exactly
    geometric: ``floor(log(u) / log(1 - p)) + 1``), which costs time proportional
    to the number selected, not to *count*. Otherwise a dense mask from
    :func:`bernoulli_mask` (probability resolved to 1/65536).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> idx = bernoulli_indices(rng, 100_000, 0.05)
    >>> bool(0.045 < len(idx) / 100_000 < 0.055)
    True
    """
    p = float(p)
    if count <= 0 or p < 1e-15:  # below 1e-15 (also avoids overflowing gaps)
        return np.zeros(0, dtype=np.int64)
    if count <= 4096:
        return np.flatnonzero(rng.random(count) < p)
    if p >= SPARSE_BELOW:
        return np.flatnonzero(bernoulli_mask(rng, (count,), p))
    log_keep = math.log1p(-p)
    expected = count * p
    chunks = []
    position = -1
    while position < count - 1:
        size = int(expected + 4 * math.sqrt(expected) + 16)
        uniform = rng.random(size)
        uniform[uniform == 0.0] = 0.5  # log(0) guard; probability 2**-53
        gaps = np.floor(np.log(uniform) / log_keep).astype(np.int64) + 1
        positions = position + np.cumsum(gaps)
        chunks.append(positions)
        position = int(positions[-1])
        expected = max((count - 1 - position) * p, 1.0)
    positions = np.concatenate(chunks)
    return positions[: np.searchsorted(positions, count)]
