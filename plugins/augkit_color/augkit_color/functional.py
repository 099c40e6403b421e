"""Pure numpy/OpenCV functions of the colour family: lookup tables, channel mapping,
quantization, colour temperature and the cartoon filter. Tests call them directly.

Examples
--------
>>> gamma_table(np.array([[1.0]]))[0, :4].tolist()
[0, 1, 2, 3]
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache

import cv2
import numpy as np

from augkit.pixels import apply_lut, saturate
from augkit_color.colorspaces import (
    BGR,
    GRAY,
    INTENSITY_CHANNEL,
    RGB,
    YUV,
    YCrCb,
    convert,
    join_alpha,
    split_alpha,
    to_gray,
)

_UNIT = np.arange(256, dtype=np.float64) / 255.0  # uint8 values read as [0, 1]
_LEVELS = np.arange(256, dtype=np.float64)
IDENTITY_TABLE = np.arange(256, dtype=np.uint8)

# ---------------------------------------------------------------------------
# contrast transfer functions, on values in [0, 1]; params broadcast as (k, 1)
# ---------------------------------------------------------------------------


def gamma_transfer(x: np.ndarray, gamma: np.ndarray) -> np.ndarray:
    """``x ** gamma`` (negative inputs read as 0)."""
    return np.power(np.maximum(x, 0.0), gamma)


def sigmoid_transfer(x: np.ndarray, gain: np.ndarray, cutoff: np.ndarray) -> np.ndarray:
    """``1 / (1 + exp(gain * (cutoff - x)))``."""
    return 1.0 / (1.0 + np.exp(gain * (cutoff - x)))


def log_transfer(x: np.ndarray, gain: np.ndarray) -> np.ndarray:
    """``gain * log2(1 + x)`` (inputs below 0 read as 0)."""
    return gain * np.log2(1.0 + np.maximum(x, 0.0))


def linear_transfer(x: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """``0.5 + alpha * (x - 0.5)``: stretch around the middle of the value range."""
    return 0.5 + alpha * (x - 0.5)


def uint8_tables(transfer: Callable[..., np.ndarray], values: np.ndarray) -> np.ndarray:
    """Return ``(k, 256)`` uint8 tables of *transfer* for *values* of shape ``(k, nparams)``."""
    if values.shape[0] == 1:
        # one table: scalar arguments (the same elementwise arithmetic, fewer broadcasts)
        mapped = (transfer(_UNIT, *values[0].tolist()) * 255.0).reshape(1, 256)
    else:
        columns = [values[:, i:i + 1] for i in range(values.shape[1])]
        mapped = transfer(_UNIT[None, :], *columns) * 255.0
    mapped += 0.5
    # Round half up and clip; NaN and -inf read as 0, +inf as 255 (fmax/fmin skip NaN:
    # the same as nan_to_num + clip, at a fifth of the cost)
    np.fmax(mapped, 0.0, out=mapped)
    np.fmin(mapped, 255.0, out=mapped)
    return mapped.astype(np.uint8)


def gamma_table(gamma: np.ndarray) -> np.ndarray:
    """Return ``(k, 256)`` uint8 gamma tables for a ``(k, 1)`` array of gammas."""
    return uint8_tables(gamma_transfer, np.asarray(gamma, dtype=np.float64))


def apply_tables(image: np.ndarray, tables: np.ndarray) -> np.ndarray:
    """Map a uint8 image through one ``(256,)`` table or one per channel ``(C, 256)``.

    One table goes through the SIMD byte translate of :func:`augkit.pixels.apply_lut`;
    several are applied channel by channel (split, translate, merge), which beats
    ``cv2.LUT`` with a multi-channel table.
    """
    if tables.ndim == 1 or tables.shape[0] == 1:
        return apply_lut(image, tables.reshape(256))
    channels = image.shape[2]
    if channels <= 4:
        planes = cv2.split(image)
        return cv2.merge([apply_lut(p, t) for p, t in zip(planes, tables)]).reshape(image.shape)
    out = np.empty_like(image)
    for c in range(channels):
        out[:, :, c] = apply_lut(np.ascontiguousarray(image[:, :, c]), tables[c])
    return out


def apply_transfer(image: np.ndarray, transfer: Callable[..., np.ndarray],
                   values: np.ndarray) -> np.ndarray:
    """Apply a contrast *transfer* with ``(k, nparams)`` *values* (k = 1 or C) to an image.

    uint8 goes through lookup tables; uint16 is scaled to ``[0, 1]`` and back; float
    images are transformed as they are (expected in ``[0, 1]``).
    """
    if image.dtype.char == "B":
        return apply_tables(image, uint8_tables(transfer, values))
    columns = [values[:, i].reshape(1, 1, -1) for i in range(values.shape[1])]
    if image.dtype.kind == "u":
        top = float(np.iinfo(image.dtype).max)
        mapped = transfer(image.astype(np.float64) / top, *columns) * top
        return saturate(mapped, image.dtype)
    work = np.float64 if image.dtype == np.float64 else np.float32
    mapped = transfer(image.astype(work), *[c.astype(work) for c in columns])
    return np.ascontiguousarray(mapped, dtype=image.dtype)


# ---------------------------------------------------------------------------
# hue and saturation tables (uint8 HSV, hue in [0, 180))
# ---------------------------------------------------------------------------


def hue_add_table(shift: int) -> np.ndarray:
    """Table adding *shift* (in OpenCV hue units, 180 = full turn) with wrap-around."""
    return np.mod(_LEVELS + int(shift), 180).astype(np.uint8)


def hue_multiply_table(mul: float) -> np.ndarray:
    """Table multiplying hue by *mul*, wrapping around the hue circle."""
    return np.mod(np.rint(_LEVELS * mul), 180).astype(np.uint8)


def saturation_add_table(value: float) -> np.ndarray:
    """Table adding *value* to saturation, clipped to ``[0, 255]``."""
    return saturate(_LEVELS + value, np.dtype(np.uint8))


def saturation_multiply_table(mul: float) -> np.ndarray:
    """Table multiplying saturation by *mul*, clipped to ``[0, 255]``."""
    return saturate(_LEVELS * mul, np.dtype(np.uint8))


def hsv_lut(image: np.ndarray, hue_table: np.ndarray | None,
            sat_table: np.ndarray | None, from_space: str = RGB) -> np.ndarray:
    """Map H and S of a uint8 3/4-channel image through tables (None: unchanged).

    The image is converted to HSV once, the tables are applied to the H and S planes,
    and the result converted back; alpha is kept.
    """
    color, alpha = split_alpha(image)
    if hue_table is None and sat_table is None:
        return image.copy()
    if from_space in (RGB, BGR):
        forward = cv2.COLOR_RGB2HSV if from_space == RGB else cv2.COLOR_BGR2HSV
        backward = cv2.COLOR_HSV2RGB if from_space == RGB else cv2.COLOR_HSV2BGR
        hsv = cv2.cvtColor(color, forward)
    else:
        hsv = convert(color, "HSV", from_space)
    h, s, v = cv2.split(hsv)
    if hue_table is not None:
        h = apply_lut(h, hue_table)
    if sat_table is not None:
        s = apply_lut(s, sat_table)
    hsv = cv2.merge([h, s, v])
    if from_space in (RGB, BGR):
        out = cv2.cvtColor(hsv, backward)
    else:
        out = convert(hsv, from_space, "HSV")
    return join_alpha(out, alpha)


# ---------------------------------------------------------------------------
# intensity channel: map one channel of another colour space
# ---------------------------------------------------------------------------


def _add_signed(color: np.ndarray, before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Return ``color + (after - before)`` per pixel, saturated, with uint8 ops only."""
    up = cv2.subtract(after, before)
    down = cv2.subtract(before, after)
    channels = color.shape[2]
    raised = cv2.add(color, cv2.merge([up] * channels))
    return cv2.subtract(raised, cv2.merge([down] * channels)).reshape(color.shape)


def map_intensity(image: np.ndarray, func: Callable[[np.ndarray], np.ndarray],
                  to_space: str, from_space: str = RGB) -> np.ndarray:
    """Replace the intensity channel of *to_space* by ``func(channel)``.

    *func* maps an ``(H, W)`` uint8 plane to a new one. 1-channel images are mapped
    directly; 4-channel images keep their alpha. For YCrCb and YUV, whose luma is
    cv2's GRAY, the change of luma is added to every colour channel: exactly what
    replacing Y and converting back does, without the chroma rounding.
    """
    if image.shape[2] == 1:
        return func(np.ascontiguousarray(image[:, :, 0])).reshape(image.shape)
    color, alpha = split_alpha(image)
    if to_space in (YCrCb, YUV) and from_space in (RGB, BGR, GRAY):
        luma = to_gray(color, from_space)
        return join_alpha(_add_signed(color, luma, func(luma)), alpha)
    converted = convert(color, to_space, from_space)
    index = INTENSITY_CHANNEL[to_space]
    plane = func(cv2.extractChannel(converted, index))
    cv2.insertChannel(plane, converted, index)
    if from_space == GRAY:
        return join_alpha(convert(converted, GRAY, to_space), alpha)
    return join_alpha(convert(converted, from_space, to_space), alpha)


def map_intensity_lut(image: np.ndarray, table: np.ndarray, to_space: str,
                      from_space: str = RGB) -> np.ndarray:
    """:func:`map_intensity` with ``func`` a uint8 lookup *table* (same result).

    For YCrCb and YUV the luma change is itself a function of the luma: two plane
    tables give the rise and the fall of each pixel, so the image is changed by at most
    one saturating add and one subtract of the replicated plane (none of them where
    the table never raises, or never lowers, a value).
    """
    color_spaces = to_space in (YCrCb, YUV) and from_space in (RGB, BGR, GRAY)
    if image.shape[2] not in (3, 4) or not color_spaces:
        return map_intensity(image, lambda plane: apply_lut(plane, table), to_space,
                             from_space)
    color, alpha = split_alpha(image)
    luma = to_gray(color, from_space)
    out = color
    rise = np.subtract(table, IDENTITY_TABLE, dtype=np.int16)
    for op, amounts in ((cv2.add, np.maximum(rise, 0)), (cv2.subtract, np.maximum(-rise, 0))):
        if np.count_nonzero(amounts):
            plane = apply_lut(luma, amounts.astype(np.uint8))
            out = op(out, cv2.cvtColor(plane, cv2.COLOR_GRAY2RGB))
    if out is color and alpha is None:
        out = color.copy()  # the table changed nothing; never hand back the input
    return join_alpha(out, alpha)




def intensity_plane(image: np.ndarray, to_space: str, from_space: str = RGB) -> np.ndarray:
    """Return the ``(H, W)`` intensity channel that :func:`map_intensity` would map."""
    if image.shape[2] == 1:
        return np.ascontiguousarray(image[:, :, 0])
    color, _ = split_alpha(image)
    if to_space in (YCrCb, YUV) and from_space in (RGB, BGR, GRAY):
        return to_gray(color, from_space)
    return cv2.extractChannel(convert(color, to_space, from_space), INTENSITY_CHANNEL[to_space])


# ---------------------------------------------------------------------------
# histogram equalization and CLAHE
# ---------------------------------------------------------------------------

_CLAHE = threading.local()


def clahe(plane: np.ndarray, clip_limit: float, grid_h: int, grid_w: int) -> np.ndarray:
    """Apply CLAHE to one ``(H, W)`` uint8 or uint16 plane (objects cached per thread)."""
    cache = getattr(_CLAHE, "cache", None)
    if cache is None:
        cache = _CLAHE.cache = {}
    key = (int(grid_w), int(grid_h))
    obj = cache.get(key)
    if obj is None:
        obj = cache[key] = cv2.createCLAHE(clipLimit=1.0, tileGridSize=key)
    obj.setClipLimit(float(clip_limit))
    return obj.apply(plane)


def equalize(plane: np.ndarray) -> np.ndarray:
    """Equalize the histogram of one ``(H, W)`` uint8 plane."""
    return cv2.equalizeHist(plane)


def per_plane(image: np.ndarray, funcs: list[Callable[[np.ndarray], np.ndarray]]) -> np.ndarray:
    """Apply ``funcs[c]`` to channel c of *image* (one func for all if only one)."""
    channels = image.shape[2]
    if len(funcs) == 1:
        funcs = funcs * channels
    if channels == 1:
        return funcs[0](np.ascontiguousarray(image[:, :, 0])).reshape(image.shape)
    if channels <= 4:
        return cv2.merge([f(p) for f, p in zip(funcs, cv2.split(image))]).reshape(image.shape)
    out = np.empty_like(image)
    for c in range(channels):
        out[:, :, c] = funcs[c](np.ascontiguousarray(image[:, :, c]))
    return out


# ---------------------------------------------------------------------------
# quantization
# ---------------------------------------------------------------------------


def uniform_quantization_table(n_colors: int) -> np.ndarray:
    """Table mapping each value to the centre of its bin, 256 values in *n_colors* bins."""
    width = 256.0 / n_colors
    bins = np.floor(_LEVELS / width)
    return np.minimum(np.floor(bins * width + width / 2), 255).astype(np.uint8)


def nbits_table(nb_bits: int) -> np.ndarray:
    """Table keeping the *nb_bits* highest bits of each value (PIL's posterize).

    Cached per bit count; the returned table is read-only.
    """
    return _nbits_table(int(nb_bits))


@lru_cache(maxsize=16)
def _nbits_table(nb_bits: int) -> np.ndarray:
    mask = (0xFF << (8 - nb_bits)) & 0xFF
    table = (IDENTITY_TABLE & mask).astype(np.uint8)
    table.flags.writeable = False
    return table


def kmeans_quantize(image: np.ndarray, n_colors: int, seed: int,
                    sample: np.ndarray | None = None) -> np.ndarray:
    """Replace every pixel by the nearest of *n_colors* k-means cluster centres.

    Centres are fitted on *sample* (a downscaled copy; default: the image itself) with
    cv2.kmeans started from labels drawn from *seed* (cv2's global RNG is never used);
    then every pixel of *image* takes its nearest centre.
    """
    channels = image.shape[2]
    source = image if sample is None else sample
    data = source.reshape(-1, channels).astype(np.float32)
    k = max(1, min(int(n_colors), len(data)))
    if k < 2 or len(np.unique(data, axis=0)) <= k:
        return image.copy()
    labels = np.random.default_rng(seed).integers(0, k, size=(len(data), 1)).astype(np.int32)
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 10, 1.0)
    _, labels, centers = cv2.kmeans(data, k, labels, criteria, 1,
                                    cv2.KMEANS_USE_INITIAL_LABELS)
    pixels = image.reshape(-1, channels).astype(np.float32)
    distances = (np.square(pixels[:, None, :] - centers[None, :, :])).sum(axis=2)
    nearest = distances.argmin(axis=1)
    palette = saturate(centers, image.dtype)
    return np.ascontiguousarray(palette[nearest].reshape(image.shape))


# ---------------------------------------------------------------------------
# colour temperature
# ---------------------------------------------------------------------------


def kelvin_to_rgb(kelvin: np.ndarray) -> np.ndarray:
    """Return the ``(N, 3)`` RGB multipliers in ``[0, 1]`` of black bodies at *kelvin*.

    Uses the usual curve fit of the black-body colour (Tanner Helland's); 6600 K is
    about white, lower temperatures are orange, higher ones blue.
    """
    t = np.asarray(kelvin, dtype=np.float64).reshape(-1) / 100.0
    hot = t > 66.0
    red = np.where(hot, 329.698727446 * np.power(np.maximum(t - 60.0, 1e-6), -0.1332047592),
                   255.0)
    green = np.where(hot, 288.1221695283 * np.power(np.maximum(t - 60.0, 1e-6), -0.0755148492),
                     99.4708025861 * np.log(t) - 161.1195681661)
    blue = np.where(t >= 66.0, 255.0,
                    np.where(t <= 19.0, 0.0,
                             138.5177312231 * np.log(np.maximum(t - 10.0, 1e-6))
                             - 305.0447927307))
    return np.clip(np.stack([red, green, blue], axis=1), 0.0, 255.0) / 255.0


def multiply_channels(image: np.ndarray, multipliers: np.ndarray) -> np.ndarray:
    """Multiply channel c by ``multipliers[c]`` (others unchanged), saturating uint8."""
    channels = image.shape[2]
    matrix = np.eye(channels, dtype=np.float32)
    matrix[np.arange(len(multipliers)), np.arange(len(multipliers))] = multipliers
    return cv2.transform(image, matrix).reshape(image.shape)


# ---------------------------------------------------------------------------
# cartoon
# ---------------------------------------------------------------------------


def cartoon(image: np.ndarray, blur_ksize: int, segmentation_size: float,
            saturation: float, edge_prevalence: float) -> np.ndarray:
    """Cartoon-like stylization of a uint8 RGB image.

    Median blur, mean-shift segmentation into flat colour regions, stronger saturation
    and dark edges drawn where the blurred image has strong gradients
    (*edge_prevalence* above 1 draws more of them).
    """
    height, width = image.shape[:2]
    ksize = int(blur_ksize)
    ksize = ksize + 1 if ksize % 2 == 0 else ksize
    smooth = cv2.medianBlur(image, ksize) if ksize > 1 and min(height, width) > 1 else image
    radius = max(1, int(round(10 * segmentation_size)))
    colour_radius = max(1, int(round(20 * segmentation_size)))
    if min(height, width) >= 2:
        flat = cv2.pyrMeanShiftFiltering(smooth, radius, colour_radius)
    else:
        flat = smooth.copy()
    flat = hsv_lut(flat, None, saturation_multiply_table(saturation))
    gray = cv2.cvtColor(smooth, cv2.COLOR_RGB2GRAY).astype(np.float32)
    gx = cv2.Sobel(gray, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(gray, cv2.CV_32F, 0, 1, ksize=3)
    magnitude = cv2.magnitude(gx, gy)
    threshold = 160.0 / max(float(edge_prevalence), 1e-3)
    edges = (magnitude > threshold).astype(np.uint8)
    keep = (1 - edges)[:, :, None]
    return np.ascontiguousarray(flat * keep)
