"""Pure numpy/OpenCV kernels of the arithmetic family, callable without an augmenter.

Every function returns a new C-contiguous array of the input's dtype and never
modifies its input. uint8 images take the fast paths: lookup tables through
:func:`augkit.pixels.apply_lut` for per-image scalars, and OpenCV's saturating
``add``/``subtract``/``multiply`` on ``(H, W*C)`` views for elementwise work (that
view keeps OpenCV away from its channel limits and 1-channel squeezing).

Random draws live here too, as helpers that take the generator explicitly:
:func:`random_bytes` (raw generator output, the cheapest randomness numpy has),
:func:`bernoulli_mask` (masks at 1/65536 resolution of the probability) and
the 256-level quantile tables that turn one random byte into a noise value.

Examples
--------
>>> import numpy as np
>>> add_scalar(np.array([[[250, 3]]], dtype=np.uint8), np.array([10.0])).tolist()
[[[255, 13]]]
>>> invert(np.array([[[0, 200]]], dtype=np.uint8)).tolist()
[[[255, 55]]]
"""

from __future__ import annotations

import math
from functools import cache, lru_cache
from statistics import NormalDist

import cv2
import numpy as np

from augkit.pixels import apply_lut, saturate, value_range

# ---------------------------------------------------------------------------
# dtype helpers
# ---------------------------------------------------------------------------


def work_dtype(dtype: np.dtype) -> np.dtype:
    """Float dtype in which arithmetic on images of *dtype* is exact enough.

    float32/float64 images compute in their own dtype; float16 in float32; integer
    and bool images in float64 (exact for integers up to 32 bits).
    """
    dtype = np.dtype(dtype)
    if dtype.kind == "f":
        return np.dtype(np.float32) if dtype.itemsize <= 4 else dtype
    return np.dtype(np.float64)


def _flat(image: np.ndarray) -> np.ndarray:
    """An ``(H, W*C)`` view of a C-contiguous ``(H, W, C)`` image for OpenCV."""
    return image.reshape(image.shape[0], -1)


def _expand_channels(plane: np.ndarray, channels: int) -> np.ndarray:
    """Repeat an ``(H, W)`` or ``(H, W, 1)`` plane over *channels* channels."""
    plane = plane.reshape(plane.shape[0], plane.shape[1])
    if channels == 1:
        return np.ascontiguousarray(plane)[:, :, None]
    if channels <= 4:
        return cv2.merge([plane] * channels).reshape(plane.shape[0], plane.shape[1], channels)
    return np.repeat(plane[:, :, None], channels, axis=2)


def lut(image: np.ndarray, tables: np.ndarray) -> np.ndarray:
    """Map a uint8 image through one table ``(1, 256)`` or one per channel ``(C, 256)``.

    Per-channel tables on up to 4 channels go plane by plane through
    :func:`augkit.pixels.apply_lut` (split, translate, merge: ~5x faster than
    ``cv2.LUT`` with a multi-channel table).
    """
    tables = np.asarray(tables, dtype=np.uint8).reshape(-1, 256)
    channels = image.shape[2]
    if tables.shape[0] == 1 or channels == 1 or channels > 4 or np.all(tables == tables[:1]):
        return apply_lut(image, tables if tables.shape[0] == channels else tables[0])
    planes = cv2.split(np.ascontiguousarray(image))
    mapped = [apply_lut(plane[:, :, None], table)[:, :, 0] for plane, table in zip(planes, tables)]
    return cv2.merge(mapped).reshape(image.shape)


# ---------------------------------------------------------------------------
# random helpers
# ---------------------------------------------------------------------------


def random_bytes(rng: np.random.Generator, count: int) -> np.ndarray:
    """Return *count* uniformly random uint8 values drawn from *rng*'s bit generator.

    About 2x faster than ``rng.integers(0, 256, dtype=np.uint8)``; the generator's
    state advances, so draws stay reproducible for a seeded *rng*.
    """
    words = rng.bit_generator.random_raw((count + 7) // 8)
    return words.view(np.uint8)[:count]


def bernoulli_mask(rng: np.random.Generator, shape: tuple[int, ...], p: float) -> np.ndarray:
    """Return a bool array of *shape*, each entry True with probability *p*.

    The probability is resolved to 1/65536 (one random uint16 per entry).
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


@cache
def normal_table() -> np.ndarray:
    """256 values whose uniform choice approximates a standard normal distribution.

    Entry ``i`` is the mean of N(0, 1) over its ``i``-th 1/256 quantile bin, rescaled so
    the table has exactly mean 0 and variance 1. Only the outermost 1/256 on each side
    is folded onto one value (about +-2.9).
    """
    dist = NormalDist()
    edges = [-math.inf] + [dist.inv_cdf(i / 256) for i in range(1, 256)] + [math.inf]
    pdf = np.array([0.0 if math.isinf(e) else dist.pdf(e) for e in edges])
    means = (pdf[:-1] - pdf[1:]) * 256.0
    means -= means.mean()
    return means / np.sqrt(np.mean(means**2))


@cache
def laplace_table() -> np.ndarray:
    """256 values approximating Laplace(0, 1) (variance 2), like :func:`normal_table`."""
    # mean of -ln(2 - 2u) over the upper half's bins, mirrored for the lower half
    def integral(u: float) -> float:  # antiderivative of -ln(2 - 2u)
        rest = 1.0 - u
        return 0.0 if rest == 0 else rest * math.log(2 * rest) - rest

    upper = np.array([(integral((i + 1) / 256) - integral(i / 256)) * 256
                      for i in range(128, 256)])
    means = np.concatenate([-upper[::-1], upper])
    return means * np.sqrt(2.0 / np.mean(means**2))


def poisson_table(lam: float) -> np.ndarray:
    """256 values approximating a Poisson(*lam*) draw with a random sign.

    Half the entries are negative: imgaug's ``RandomSign(Poisson(lam))``. Each half
    holds the distribution's quantiles at the midpoints of 128 probability bins.
    """
    lam = max(float(lam), 0.0)
    if lam == 0.0:
        return np.zeros(256)
    top = int(lam + 12 * math.sqrt(lam) + 12)
    k = np.arange(top + 1, dtype=np.float64)
    log_pmf = k * math.log(lam) - lam - np.array([math.lgamma(v + 1) for v in k])
    cdf = np.cumsum(np.exp(log_pmf))
    quantiles = np.searchsorted(cdf, (np.arange(128) + 0.5) / 128).astype(np.float64)
    return np.concatenate([-quantiles[::-1], quantiles])


# ---------------------------------------------------------------------------
# adding and multiplying
# ---------------------------------------------------------------------------


@cache
def _add_tables() -> np.ndarray:
    """Row ``s + 255`` is the uint8 table of adding ``s`` (-255..255), saturated."""
    shifts = np.arange(-255, 256, dtype=np.int16)[:, None]
    return np.clip(np.arange(256, dtype=np.int16)[None, :] + shifts, 0, 255).astype(np.uint8)


def add_scalar(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Return *image* plus *values* (one value, or one per channel), saturated.

    Integer images get the values rounded first (half to even), so uint8 results equal
    ``clip(x + round(v), 0, 255)``; float images get them added as they are.

    Examples
    --------
    >>> add_scalar(np.array([[[5, 5]]], dtype=np.uint8), np.array([-10.0, 2.4])).tolist()
    [[[0, 7]]]
    """
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    if image.dtype == np.uint8:
        if values.size == 1:  # the common case: one table, straight to the translate
            return apply_lut(image, _add_tables()[int(min(max(round(values[0]), -255), 255)) + 255])
        if 1 < values.size <= 4 and image.shape[2] == values.size:
            # per-channel: two saturating scalar passes (positive, then negative parts);
            # the few values in Python: clipping to integer bounds commutes with
            # round(), which is half to even like np.rint (NaN: numpy, as before)
            shifts = [min(max(v, -255.0), 255.0) for v in values.tolist()]
            if all(v == v for v in shifts):
                shifts = [float(round(v)) for v in shifts]
            else:
                shifts = np.clip(np.rint(values), -255, 255).tolist()
            positive = tuple([*(max(v, 0.0) for v in shifts), 0.0, 0.0, 0.0][:4])
            negative = tuple([*(max(-v, 0.0) for v in shifts), 0.0, 0.0, 0.0][:4])
            out = cv2.add(np.ascontiguousarray(image), positive)
            if any(negative):
                cv2.subtract(out, negative, dst=out)
            return out.reshape(image.shape)
        shift = np.clip(np.rint(values), -255, 255)
        return lut(image, _add_tables()[shift.astype(np.int64) + 255])
    if image.dtype.kind in "ui":
        values = np.rint(values)
    work = work_dtype(image.dtype)
    return saturate(image.astype(work) + values.astype(work), image.dtype)


def multiply_scalar(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Return *image* times *values* (one value, or one per channel), rounded and saturated.

    Examples
    --------
    >>> multiply_scalar(np.array([[[100, 201]]], dtype=np.uint8), np.array([1.5])).tolist()
    [[[150, 255]]]
    """
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    if image.dtype == np.uint8:
        tables = np.arange(256, dtype=np.float64)[None, :] * values[:, None]
        return lut(image, saturate(tables, np.dtype(np.uint8)))
    work = work_dtype(image.dtype)
    return saturate(image.astype(work) * values.astype(work), image.dtype)


def add_elementwise(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Return *image* plus an array of *values* of shape ``(H, W, 1)`` or ``(H, W, C)``.

    Integer images get the values rounded; results saturate.

    Examples
    --------
    >>> img = np.array([[[250], [5]]], dtype=np.uint8)
    >>> add_elementwise(img, np.array([[[9.6], [-7.0]]])).tolist()
    [[[255], [0]]]
    """
    channels = image.shape[2]
    if image.dtype == np.uint8:
        rounded = np.rint(values)
        positive = np.clip(rounded, 0, 255).astype(np.uint8)
        negative = np.clip(-rounded, 0, 255).astype(np.uint8)
        return add_split_uint8(image, positive, negative)
    if image.dtype.kind in "ui":
        values = np.rint(values)
    work = work_dtype(image.dtype)
    values = np.broadcast_to(values, (*image.shape[:2], channels))
    return saturate(image.astype(work) + values.astype(work), image.dtype)


def add_split_uint8(image: np.ndarray, positive: np.ndarray, negative: np.ndarray) -> np.ndarray:
    """Return ``clip(image + positive - negative, 0, 255)`` for uint8 arrays.

    *positive* and *negative* are uint8 arrays of shape ``(H, W, 1)`` or ``(H, W, C)``
    with at most one of them non-zero at each entry, which makes two saturating
    OpenCV passes exact.
    """
    channels = image.shape[2]
    if positive.shape[2] != channels:
        positive = _expand_channels(positive, channels)
        negative = _expand_channels(negative, channels)
    image = np.ascontiguousarray(image)
    out = cv2.add(_flat(image), _flat(np.ascontiguousarray(positive)))
    cv2.subtract(out, _flat(np.ascontiguousarray(negative)), dst=out)
    return out.reshape(image.shape)


def add_table_noise(image: np.ndarray, indices: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Add noise given as byte *indices* into a 256-entry *table* of values.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
    indices : uint8 ndarray of shape (H, W, 1) or (H, W, C)
        Random bytes; the noise at each entry is ``table[indices]``.
    table : ndarray of shape (256,)
        Noise values in the image's units.

    Examples
    --------
    >>> img = np.full((1, 2, 1), 100, np.uint8)
    >>> idx = np.array([[[0], [1]]], dtype=np.uint8)
    >>> add_table_noise(img, idx, np.r_[-20.0, 7.4, np.zeros(254)]).tolist()
    [[[80], [107]]]
    """
    if image.dtype == np.uint8:
        rounded = np.rint(table)
        positive = np.clip(rounded, 0, 255).astype(np.uint8)
        negative = np.clip(-rounded, 0, 255).astype(np.uint8)
        indices = np.ascontiguousarray(indices)
        return add_split_uint8(image, apply_lut(indices, positive), apply_lut(indices, negative))
    return add_elementwise(image, np.asarray(table)[indices])


def multiply_elementwise(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Return *image* times *values* (shape ``(H, W, 1)`` or ``(H, W, C)``), saturated.

    Examples
    --------
    >>> img = np.array([[[100], [200]]], dtype=np.uint8)
    >>> multiply_elementwise(img, np.array([[[0.5], [2.0]]])).tolist()
    [[[50], [255]]]
    """
    work = work_dtype(image.dtype) if image.dtype != np.uint8 else np.dtype(np.float32)
    product = image.astype(work) * np.asarray(values, dtype=work)
    return saturate(product, image.dtype)


# ---------------------------------------------------------------------------
# replacing
# ---------------------------------------------------------------------------


def replace_at(image: np.ndarray, indices: np.ndarray, per_channel: bool,
               replacements: np.ndarray | float) -> np.ndarray:
    """Return *image* with the entries at flat *indices* set to *replacements*.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
    indices : int ndarray
        Positions in the flattened ``(H*W*C)`` image if *per_channel*, else pixel
        positions in ``(H*W)``, whose every channel is replaced.
    replacements : ndarray of shape (len(indices),) or number
        Values in the image's units, rounded and saturated into its dtype.

    Examples
    --------
    >>> img = np.zeros((1, 2, 2), np.uint8)
    >>> replace_at(img, np.array([1]), False, np.array([300.0])).tolist()
    [[[0, 0], [255, 255]]]
    >>> replace_at(img, np.array([0, 3]), True, 7.0).tolist()
    [[[7, 0], [0, 7]]]
    """
    out = np.array(image, copy=True, order="C")
    values = np.asarray(replacements, dtype=np.float64)
    values = saturate(values.reshape(-1), image.dtype).reshape(values.shape)
    if per_channel or image.shape[2] == 1:
        out.reshape(-1)[indices] = values
    else:
        out.reshape(-1, image.shape[2])[indices] = values if values.ndim == 0 else values[:, None]
    return out


# ---------------------------------------------------------------------------
# inverting
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def invert_table(min_value: float, max_value: float, threshold: float | None = None,
                 invert_above_threshold: bool = True) -> np.ndarray:
    """The uint8 lookup table of :func:`invert` (256 entries; cached, do not modify)."""
    values = np.arange(256, dtype=np.float64)
    inverted = np.clip(max_value - np.abs(values - min_value), min_value, max_value)
    if threshold is not None:
        selected = values >= threshold if invert_above_threshold else values < threshold
        inverted = np.where(selected, inverted, values)
    return saturate(inverted, np.dtype(np.uint8))


def invert(image: np.ndarray, *, min_value: float | None = None,
           max_value: float | None = None, threshold: float | None = None,
           invert_above_threshold: bool = True, channels: np.ndarray | None = None
           ) -> np.ndarray:
    """Invert *image*: ``v' = max - |v - min|``, clipped to ``[min, max]``.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
    min_value, max_value : number, optional
        The value range; default: :func:`augkit.pixels.value_range` of the dtype
        (``[0, 255]`` for uint8, ``[0, 1]`` for floats).
    threshold : number, optional
        Invert only values ``>= threshold`` (or ``< threshold`` if
        *invert_above_threshold* is False).
    channels : bool ndarray of shape (C,), optional
        Which channels to invert (default: all).

    Examples
    --------
    >>> invert(np.array([[[10, 200]]], dtype=np.uint8), threshold=128).tolist()
    [[[10, 55]]]
    >>> invert(np.array([[[0.25]]], dtype=np.float32)).tolist()
    [[[0.75]]]
    """
    low, _, high = value_range(image.dtype)
    low = low if min_value is None else float(min_value)
    high = high if max_value is None else float(max_value)
    nb_channels = image.shape[2]
    if channels is not None and not np.any(channels):
        return np.array(image, copy=True, order="C")
    if image.dtype == np.uint8:
        table = invert_table(low, high, threshold, invert_above_threshold)
        if channels is None or np.all(channels):
            return apply_lut(image, table)
        identity = np.arange(256, dtype=np.uint8)
        tables = np.where(np.asarray(channels)[:, None], table[None, :], identity[None, :])
        return lut(image, tables)
    if image.dtype.kind == "b":
        inverted = np.logical_not(image)
    elif image.dtype.kind in "ui":
        wide = image.astype(np.int64)
        inverted = np.clip(int(high) - np.abs(wide - int(low)), int(low), int(high))
    else:
        work = work_dtype(image.dtype)
        wide = image.astype(work)
        inverted = np.clip(high - np.abs(wide - low), low, high)
    if threshold is not None:
        selected = image >= threshold if invert_above_threshold else image < threshold
        inverted = np.where(selected, inverted, image)
    if channels is not None and not np.all(channels):
        inverted = np.where(np.asarray(channels)[None, None, :nb_channels], inverted, image)
    return np.ascontiguousarray(inverted.astype(image.dtype, copy=False))


# ---------------------------------------------------------------------------
# JPEG
# ---------------------------------------------------------------------------


def compression_to_quality(compression: float) -> int:
    """imgaug's mapping of a compression strength in [0, 100] to a JPEG quality.

    The strength is truncated to an integer, then mapped linearly onto qualities
    100 (strength 0) down to 2 (strength 100).

    Examples
    --------
    >>> compression_to_quality(0), compression_to_quality(50), compression_to_quality(100)
    (100, 51, 2)
    """
    strength = int(compression)
    quality = round(1 + 99 * (1.0 - strength / 101))
    return int(min(max(quality, 1), 100))


_IMREAD_RGB = getattr(cv2, "IMREAD_COLOR_RGB", None)  # OpenCV >= 4.10


def _jpeg_roundtrip(plane: np.ndarray, quality: int) -> np.ndarray:
    ok, encoded = cv2.imencode(".jpg", plane, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    if not ok:  # pragma: no cover - OpenCV encodes every non-empty uint8 image
        raise RuntimeError("cv2.imencode failed to encode a JPEG")
    flag = cv2.IMREAD_COLOR if plane.ndim == 3 else cv2.IMREAD_GRAYSCALE
    return cv2.imdecode(encoded, flag)


def compress_jpeg(image: np.ndarray, quality: int) -> np.ndarray:
    """JPEG-encode a uint8 ``(H, W, C)`` image at *quality* (1-100) and decode it again.

    1 channel: grayscale JPEG; 3 channels: RGB (converted to OpenCV's BGR order
    around the codec, so luma weights are right); 4 channels: the first three as
    RGB, the fourth (alpha) unchanged; any other count: each channel as a
    grayscale JPEG.

    Examples
    --------
    >>> img = np.full((8, 8, 3), 120, np.uint8)
    >>> bool(np.abs(compress_jpeg(img, 90).astype(int) - 120).max() <= 2)
    True
    """
    height, width, channels = image.shape
    if image.size == 0:
        return np.array(image, copy=True, order="C")
    image = np.ascontiguousarray(image)
    if channels == 1:
        return _jpeg_roundtrip(image[:, :, 0], quality).reshape(height, width, 1)
    if channels in (3, 4):
        # the encoder reads BGR (its luma weights depend on it); the decoder can write
        # RGB itself (the same values as decoding to BGR and swapping: one pass less)
        bgr = cv2.cvtColor(image if channels == 3 else np.ascontiguousarray(image[:, :, :3]),
                           cv2.COLOR_RGB2BGR)
        ok, encoded = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
        if not ok:  # pragma: no cover - OpenCV encodes every non-empty uint8 image
            raise RuntimeError("cv2.imencode failed to encode a JPEG")
        rgb = cv2.imdecode(encoded, _IMREAD_RGB) if _IMREAD_RGB is not None else \
            cv2.cvtColor(cv2.imdecode(encoded, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
        if channels == 3:
            return rgb
        out = np.empty_like(image)
        out[:, :, :3] = rgb
        out[:, :, 3] = image[:, :, 3]
        return out
    out = np.empty_like(image)
    for c in range(channels):
        out[:, :, c] = _jpeg_roundtrip(np.ascontiguousarray(image[:, :, c]), quality)
    return out
