"""Pure numpy/OpenCV kernels of the colour family; the augmenters and tests call them.

Every function here is deterministic: the augmenters draw all random values in
``sample`` and pass them in. Images are ``(H, W, C)`` arrays; a 4th channel of a
colour image is alpha and is carried over untouched.

Colour spaces
    the names :data:`RGB`, :data:`BGR`, :data:`GRAY`, :data:`CIE` (CIE XYZ),
    :data:`YCrCb`, :data:`HSV`, :data:`HLS`, :data:`Lab`, :data:`Luv`, :data:`YUV`
    (:data:`COLORSPACES`; imgaug's ``CSPACE_*`` names too), :func:`change_colorspace`,
    :func:`to_gray`, :func:`split_alpha`, :func:`join_alpha`, :data:`CV2_CODES`.
Contrast curves
    :func:`gamma_transfer`, :func:`sigmoid_transfer`, :func:`log_transfer`,
    :func:`linear_transfer`, :func:`uint8_tables`, :func:`cached_uint8_table`,
    :func:`apply_transfer`.
Hue, saturation and brightness
    :func:`hue_add_table`, :func:`hue_multiply_table`, :func:`saturation_add_table`,
    :func:`saturation_multiply_table`, :func:`hsv_lut`, :func:`hue_saturation_int16`,
    :func:`replace_hue_saturation`, :func:`brightness_table`, :func:`map_intensity`,
    :func:`map_intensity_lut`, :func:`intensity_plane` (:data:`INTENSITY_CHANNEL`).
Histograms
    :func:`clahe`, :func:`equalize`, :func:`equalize_planes`, :func:`per_plane`.
Quantization
    :func:`uniform_quantization_table`, :func:`nbits_table`, :func:`kmeans_quantize`.
Colour temperature and cartoons
    :func:`kelvin_to_rgb`, :func:`multiply_channels`, :func:`stylize_cartoon`.

uint8 images follow OpenCV's 8-bit conventions (hue in ``[0, 180)``); float32 images
OpenCV's float ones (RGB in ``[0, 1]``, hue in degrees, Lab's L in ``[0, 100]``...).

Examples
--------
>>> import numpy as np
>>> red = np.array([[[255, 0, 0]]], dtype=np.uint8)
>>> change_colorspace(red, HSV).tolist()
[[[0, 255, 255]]]
>>> hsv_lut(red, hue_add_table(60), None).tolist()
[[[0, 255, 0]]]
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

import cv2
import numpy as np

from augkit.extend import InputError, apply_lut, saturate, write_into

# ---------------------------------------------------------------------------
# colour spaces
# ---------------------------------------------------------------------------

RGB = CSPACE_RGB = "RGB"
BGR = CSPACE_BGR = "BGR"
GRAY = CSPACE_GRAY = "GRAY"
CIE = CSPACE_CIE = "CIE"
YCrCb = CSPACE_YCrCb = "YCrCb"
HSV = CSPACE_HSV = "HSV"
HLS = CSPACE_HLS = "HLS"
Lab = CSPACE_Lab = "Lab"
Luv = CSPACE_Luv = "Luv"
YUV = CSPACE_YUV = "YUV"

#: Every colour space name augkit accepts (imgaug's set; ``"XYZ"`` is read as CIE).
COLORSPACES = (RGB, BGR, GRAY, CIE, YCrCb, HSV, HLS, Lab, Luv, YUV)
#: imgaug's name of the same set.
CSPACE_ALL = frozenset(COLORSPACES)
#: Other names accepted for a colour space.
ALIASES = {"XYZ": CIE}

# cv2's suffix of each colour space in COLOR_RGB2<suffix> / COLOR_<suffix>2RGB.
_CV2_SUFFIX = {GRAY: "GRAY", CIE: "XYZ", YCrCb: "YCrCb", HSV: "HSV", HLS: "HLS",
               Lab: "Lab", Luv: "Luv", YUV: "YUV", BGR: "BGR"}


def _codes() -> dict[tuple[str, str], int]:
    """Return ``(from, to) -> cv2 code`` for every direct conversion cv2 offers."""
    table = {}
    for space, suffix in _CV2_SUFFIX.items():
        for source in (RGB, BGR):
            if space == source:
                continue
            table[(source, space)] = getattr(cv2, f"COLOR_{source}2{suffix}")
            table[(space, source)] = getattr(cv2, f"COLOR_{suffix}2{source}")
    return table


#: ``(from, to) -> cv2 code`` of the conversions done in one cv2 call.
CV2_CODES = _codes()

#: Index of the brightness / intensity channel in each colour space that has one.
INTENSITY_CHANNEL = {YCrCb: 0, YUV: 0, Lab: 0, Luv: 0, HSV: 2, HLS: 1}


def _convert3(image: np.ndarray, to_space: str, from_space: str) -> np.ndarray:
    """Convert a contiguous 3-channel image; GRAY results keep 3 identical channels."""
    if to_space == from_space:
        return image.copy()
    if from_space == GRAY:
        gray = np.ascontiguousarray(image[:, :, 0])
        rgb = cv2.cvtColor(gray, cv2.COLOR_GRAY2RGB)
        return _convert3(rgb, to_space, RGB) if to_space != RGB else rgb
    code = CV2_CODES.get((from_space, to_space))
    if code is not None:
        out = cv2.cvtColor(image, code)
    else:
        out = cv2.cvtColor(cv2.cvtColor(image, CV2_CODES[(from_space, RGB)]),
                           CV2_CODES[(RGB, to_space)])
    if out.ndim == 2:  # GRAY: kept as 3 identical channels (imgaug)
        out = cv2.cvtColor(out, cv2.COLOR_GRAY2RGB)
    return out


def split_alpha(image: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """Split a colour image into its colour channels and its alpha channel.

    Parameters
    ----------
    image : ndarray of shape (H, W, 3) or (H, W, 4)

    Returns
    -------
    color : ndarray of shape (H, W, 3)
        C-contiguous (*image* itself when it is already a contiguous 3-channel image).
    alpha : ndarray of shape (H, W) or None
        The 4th channel (a contiguous copy), or None for 3 channels.

    Examples
    --------
    >>> color, alpha = split_alpha(np.array([[[1, 2, 3, 9]]], dtype=np.uint8))
    >>> color.tolist(), alpha.tolist()
    ([[[1, 2, 3]]], [[9]])
    """
    if image.shape[2] == 3:
        return np.ascontiguousarray(image), None
    return np.ascontiguousarray(image[:, :, :3]), np.ascontiguousarray(image[:, :, 3])


def join_alpha(color: np.ndarray, alpha: np.ndarray | None) -> np.ndarray:
    """Stack *alpha* back onto a colour image (the inverse of :func:`split_alpha`).

    Parameters
    ----------
    color : ndarray of shape (H, W, 3)
    alpha : ndarray of shape (H, W) or None
        Cast to *color*'s dtype; None returns *color* itself.

    Returns
    -------
    ndarray of shape (H, W, 4), or *color* when *alpha* is None

    Examples
    --------
    >>> color = np.zeros((1, 1, 3), dtype=np.uint8)
    >>> join_alpha(color, np.full((1, 1), 9, dtype=np.uint8)).tolist()
    [[[0, 0, 0, 9]]]
    """
    if alpha is None:
        return color
    if color.dtype == alpha.dtype:
        return cv2.merge([*cv2.split(color), alpha])
    return np.concatenate([color, alpha[:, :, None].astype(color.dtype)], axis=2)


def change_colorspace(image: np.ndarray, to_space: str, from_space: str = RGB) -> np.ndarray:
    """Return *image* converted from *from_space* to *to_space* (imgaug's
    ``change_colorspace_``, never in place).

    Parameters
    ----------
    image : ndarray of shape (H, W, 3) or (H, W, 4), dtype uint8 or float32
        A 4th channel is alpha and is copied over untouched.
    to_space, from_space : str
        Names from :data:`COLORSPACES`. ``GRAY`` results have 3 identical channels;
        a ``GRAY`` source reads the first channel.

    Returns
    -------
    ndarray of the same shape and dtype
        A new C-contiguous array.

    Raises
    ------
    augkit.InputError
        For another shape or dtype.

    Examples
    --------
    >>> red = np.array([[[255, 0, 0]]], dtype=np.uint8)
    >>> change_colorspace(red, BGR).tolist()
    [[[0, 0, 255]]]
    >>> change_colorspace(red, GRAY).tolist()
    [[[76, 76, 76]]]
    """
    if image.ndim != 3 or image.shape[2] not in (3, 4):
        raise InputError(f"change_colorspace: needs an (H, W, 3) or (H, W, 4) image, got "
                         f"shape {image.shape}")
    if image.dtype not in (np.uint8, np.float32):
        raise InputError(f"change_colorspace: needs dtype uint8 or float32, got {image.dtype}")
    color, alpha = split_alpha(image)
    return join_alpha(_convert3(color, to_space, from_space), alpha)


def to_gray(image: np.ndarray, from_space: str = RGB) -> np.ndarray:
    """Return the luma (OpenCV's GRAY) of a colour image.

    Parameters
    ----------
    image : ndarray of shape (H, W, 3) or (H, W, 4), dtype uint8 or float32
        Alpha is ignored.
    from_space : str, optional
        Colour space of *image* (default ``"RGB"``).

    Returns
    -------
    ndarray of shape (H, W), *image*'s dtype

    Examples
    --------
    >>> to_gray(np.array([[[255, 0, 0]]], dtype=np.uint8)).tolist()
    [[76]]
    """
    color = np.ascontiguousarray(image[:, :, :3])
    if from_space == RGB:
        return cv2.cvtColor(color, cv2.COLOR_RGB2GRAY)
    if from_space == BGR:
        return cv2.cvtColor(color, cv2.COLOR_BGR2GRAY)
    if from_space == GRAY:
        return np.ascontiguousarray(color[:, :, 0])
    return cv2.cvtColor(_convert3(color, RGB, from_space), cv2.COLOR_RGB2GRAY)


# ---------------------------------------------------------------------------
# contrast transfer functions, on values in [0, 1]; params broadcast as (k, 1)
# ---------------------------------------------------------------------------

_UNIT = np.arange(256, dtype=np.float64) / 255.0  # uint8 values read as [0, 1]
_LEVELS = np.arange(256, dtype=np.float64)
_LEVELS.flags.writeable = False
_IDENTITY = np.arange(256, dtype=np.uint8)
_UINT8 = np.dtype(np.uint8)


def gamma_transfer(x: np.ndarray, gamma: np.ndarray) -> np.ndarray:
    """Return ``x ** gamma`` (negative inputs read as 0).

    Parameters
    ----------
    x : ndarray of float
        Values in ``[0, 1]``.
    gamma : float or ndarray broadcastable against *x*

    Examples
    --------
    >>> gamma_transfer(np.array([0.0, 0.25, 1.0]), 2.0).tolist()
    [0.0, 0.0625, 1.0]
    """
    return np.power(np.maximum(x, 0.0), gamma)


def sigmoid_transfer(x: np.ndarray, gain: np.ndarray, cutoff: np.ndarray) -> np.ndarray:
    """Return ``1 / (1 + exp(gain * (cutoff - x)))``.

    Parameters
    ----------
    x : ndarray of float
        Values in ``[0, 1]``.
    gain, cutoff : float or ndarray broadcastable against *x*

    Examples
    --------
    >>> sigmoid_transfer(np.array([0.5]), 10.0, 0.5).tolist()
    [0.5]
    """
    return 1.0 / (1.0 + np.exp(gain * (cutoff - x)))


def log_transfer(x: np.ndarray, gain: np.ndarray) -> np.ndarray:
    """Return ``gain * log2(1 + x)`` (inputs below 0 read as 0).

    Parameters
    ----------
    x : ndarray of float
        Values in ``[0, 1]``.
    gain : float or ndarray broadcastable against *x*

    Examples
    --------
    >>> log_transfer(np.array([0.0, 1.0]), 0.5).tolist()
    [0.0, 0.5]
    """
    return gain * np.log2(1.0 + np.maximum(x, 0.0))


def linear_transfer(x: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Return ``0.5 + alpha * (x - 0.5)``: stretch around the middle of the value range.

    Parameters
    ----------
    x : ndarray of float
        Values in ``[0, 1]``.
    alpha : float or ndarray broadcastable against *x*

    Examples
    --------
    >>> linear_transfer(np.array([0.25, 0.5]), 2.0).tolist()
    [0.0, 0.5]
    """
    return 0.5 + alpha * (x - 0.5)


def uint8_tables(transfer: Callable[..., np.ndarray], *params: np.ndarray) -> np.ndarray:
    """Return the uint8 lookup tables of a contrast *transfer* function.

    Parameters
    ----------
    transfer : callable
        One of the ``*_transfer`` functions (values in ``[0, 1]`` in and out).
    *params : ndarray of shape (k,), dtype float64
        The transfer's parameters after ``x`` (all of one length), one value per table.

    Returns
    -------
    ndarray of shape (k, 256), dtype uint8
        ``transfer(v / 255) * 255`` rounded half up; NaN and -inf read as 0, +inf as 255.

    Examples
    --------
    >>> uint8_tables(gamma_transfer, np.array([2.0]))[0, [0, 64, 255]].tolist()
    [0, 16, 255]
    """
    if len(params[0]) == 1:
        # one table: scalar arguments (the same elementwise arithmetic, fewer broadcasts)
        return _one_table(transfer, *[p.item() for p in params]).reshape(1, 256)
    mapped = transfer(_UNIT[None, :], *[p.reshape(-1, 1) for p in params]) * 255.0
    return _to_uint8(mapped)


def _one_table(transfer: Callable[..., np.ndarray], *values: float) -> np.ndarray:
    """The ``(256,)`` table of :func:`uint8_tables` for scalar parameter *values*."""
    return _to_uint8(transfer(_UNIT, *values) * 255.0)


def _to_uint8(mapped: np.ndarray) -> np.ndarray:
    """Round *mapped* (float64, changed in place) half up into uint8, clipped."""
    mapped += 0.5
    # Round half up and clip; NaN and -inf read as 0, +inf as 255 (fmax/fmin skip NaN:
    # the same as nan_to_num + clip, at a fifth of the cost)
    np.fmax(mapped, 0.0, out=mapped)
    np.fmin(mapped, 255.0, out=mapped)
    return mapped.astype(np.uint8)


@lru_cache(maxsize=1024)
def cached_uint8_table(transfer: Callable[..., np.ndarray], *values: float) -> np.ndarray:
    """Return :func:`uint8_tables`' table for one set of scalar *values*, cached.

    For augmenters whose parameters take few distinct values (a constant, a list):
    each table is built once. The table is read-only.

    Parameters
    ----------
    transfer : callable
        One of the ``*_transfer`` functions.
    *values : float
        The transfer's parameters after ``x``, one number each.

    Returns
    -------
    ndarray of shape (256,), dtype uint8

    Examples
    --------
    >>> cached_uint8_table(gamma_transfer, 2.0)[[0, 64, 255]].tolist()
    [0, 16, 255]
    """
    table = _one_table(transfer, *values)
    table.flags.writeable = False
    return table


def apply_transfer(image: np.ndarray, transfer: Callable[..., np.ndarray],
                   *params: np.ndarray, cache: bool = False) -> np.ndarray:
    """Apply a contrast *transfer* to an image, with parameters per image or per channel.

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8, uint16, float32 or float64
        uint8 goes through lookup tables (:func:`uint8_tables`); uint16 is scaled to
        ``[0, 1]`` and rounded back; floats are transformed as they are (expected in
        ``[0, 1]``, not clipped).
    transfer : callable
        One of the ``*_transfer`` functions.
    *params : ndarray of shape (1,) or (C,), dtype float64
        The transfer's parameters after ``x``, all of one length: for the whole image
        or per channel.
    cache : bool, optional
        Take a uint8 image's single table from :func:`cached_uint8_table` (worth it
        when the parameters take few distinct values).

    Returns
    -------
    ndarray of *image*'s shape and dtype
        A new array.

    Examples
    --------
    >>> img = np.array([[[0, 64, 255]]], dtype=np.uint8)
    >>> apply_transfer(img, gamma_transfer, np.array([2.0])).tolist()
    [[[0, 16, 255]]]
    >>> apply_transfer(img[:, :, :2], linear_transfer, np.array([2.0, 0.5])).tolist()
    [[[0, 96]]]
    """
    if image.dtype.char == "B":
        if len(params[0]) == 1:
            values = [p.item() for p in params]
            table = (cached_uint8_table if cache else _one_table)(transfer, *values)
            return apply_lut(image, table)
        return apply_lut(image, uint8_tables(transfer, *params))
    columns = [p.reshape(1, 1, -1) for p in params]
    if image.dtype.kind == "u":
        top = float(np.iinfo(image.dtype).max)
        mapped = transfer(image.astype(np.float64) / top, *columns) * top
        return saturate(mapped, image.dtype)
    work = np.float64 if image.dtype == np.float64 else np.float32
    mapped = transfer(image.astype(work), *[c.astype(work) for c in columns])
    return np.ascontiguousarray(mapped, dtype=image.dtype)


# ---------------------------------------------------------------------------
# hue and saturation (uint8 HSV, hue in [0, 180))
# ---------------------------------------------------------------------------


def hue_add_table(shift: int) -> np.ndarray:
    """Return the uint8 table adding *shift* to OpenCV hues, wrapping around.

    Parameters
    ----------
    shift : int
        In OpenCV hue units (180 = a full turn); negative turns the other way.

    Returns
    -------
    ndarray of shape (256,), dtype uint8

    Examples
    --------
    >>> hue_add_table(30)[[0, 170]].tolist()
    [30, 20]
    """
    return np.mod(_LEVELS + int(shift), 180).astype(np.uint8)


def hue_multiply_table(mul: float) -> np.ndarray:
    """Return the uint8 table multiplying OpenCV hues by *mul*, wrapping around.

    Returns
    -------
    ndarray of shape (256,), dtype uint8

    Examples
    --------
    >>> hue_multiply_table(2.0)[[10, 100]].tolist()
    [20, 20]
    """
    return np.mod(np.rint(_LEVELS * mul), 180).astype(np.uint8)


def saturation_add_table(value: float) -> np.ndarray:
    """Return the uint8 table adding *value* to saturation, clipped to ``[0, 255]``.

    Returns
    -------
    ndarray of shape (256,), dtype uint8

    Examples
    --------
    >>> saturation_add_table(100)[[0, 200]].tolist()
    [100, 255]
    """
    return saturate(_LEVELS + value, _UINT8)


def saturation_multiply_table(mul: float) -> np.ndarray:
    """Return the uint8 table multiplying saturation by *mul*, clipped to ``[0, 255]``.

    Returns
    -------
    ndarray of shape (256,), dtype uint8

    Examples
    --------
    >>> saturation_multiply_table(0.5)[[100, 255]].tolist()
    [50, 128]
    """
    return saturate(_LEVELS * mul, _UINT8)


def _hsv_codes(from_space: str) -> tuple[int, int] | None:
    if from_space == RGB:
        return cv2.COLOR_RGB2HSV, cv2.COLOR_HSV2RGB
    if from_space == BGR:
        return cv2.COLOR_BGR2HSV, cv2.COLOR_HSV2BGR
    return None


def hsv_lut(image: np.ndarray, hue_table: np.ndarray | None,
            sat_table: np.ndarray | None, from_space: str = RGB) -> np.ndarray:
    """Map the hue and saturation of a colour image through lookup tables.

    The image is converted to HSV once, the tables are applied to the H and S planes
    and the result is converted back.

    Parameters
    ----------
    image : ndarray of shape (H, W, 3) or (H, W, 4), dtype uint8
        Alpha is kept.
    hue_table, sat_table : ndarray of shape (256,), dtype uint8, or None
        Tables of the H (OpenCV's ``[0, 180)``) and S planes; None leaves a plane as is.
    from_space : str, optional
        Colour space of *image* (default ``"RGB"``).

    Returns
    -------
    ndarray of *image*'s shape, dtype uint8
        A new array.

    Examples
    --------
    >>> red = np.array([[[255, 0, 0]]], dtype=np.uint8)
    >>> hsv_lut(red, None, saturation_multiply_table(0.0)).tolist()
    [[[255, 255, 255]]]
    """
    color, alpha = split_alpha(image)
    if hue_table is None and sat_table is None:
        return image.copy()
    codes = _hsv_codes(from_space)
    hsv = cv2.cvtColor(color, codes[0]) if codes else change_colorspace(color, HSV, from_space)
    h, s, v = cv2.split(hsv)
    if hue_table is not None:
        h = apply_lut(h, hue_table)
    if sat_table is not None:
        s = apply_lut(s, sat_table)
    hsv = cv2.merge([h, s, v])
    out = cv2.cvtColor(hsv, codes[1]) if codes else change_colorspace(hsv, from_space, HSV)
    return join_alpha(out, alpha)


def hue_saturation_int16(image: np.ndarray, from_space: str = RGB) -> np.ndarray:
    """Return the hue and saturation of a colour image as imgaug hands them to children.

    Parameters
    ----------
    image : ndarray of shape (H, W, 3) or (H, W, 4), dtype uint8
        Alpha is ignored.
    from_space : str, optional
        Colour space of *image* (default ``"RGB"``).

    Returns
    -------
    ndarray of shape (H, W, 2), dtype int16
        Hue mapped from OpenCV's ``[0, 180)`` to ``[0, 255]``, and saturation.

    Examples
    --------
    >>> hue_saturation_int16(np.array([[[0, 255, 0]]], dtype=np.uint8)).tolist()
    [[[85, 255]]]
    """
    hue, sat, _ = cv2.split(change_colorspace(split_alpha(image)[0], HSV, from_space))
    hue = np.rint(hue.astype(np.float32) * (255.0 / 180.0)).astype(np.int16)
    return np.dstack([hue, sat.astype(np.int16)])


def replace_hue_saturation(image: np.ndarray, hue_sat: np.ndarray,
                           from_space: str = RGB) -> np.ndarray:
    """Return *image* with the hue and saturation of :func:`hue_saturation_int16` form.

    Parameters
    ----------
    image : ndarray of shape (H, W, 3) or (H, W, 4), dtype uint8
        Gives the value (V of HSV) and alpha, which are kept.
    hue_sat : ndarray of shape (H, W, 2), any integer or float dtype
        Hue in ``[0, 255]`` (taken modulo 255: it is an angle) and saturation
        (clipped to ``[0, 255]``).
    from_space : str, optional
        Colour space of *image* (default ``"RGB"``).

    Returns
    -------
    ndarray of *image*'s shape, dtype uint8

    Examples
    --------
    >>> green = np.array([[[0, 255, 0]]], dtype=np.uint8)
    >>> replace_hue_saturation(green, np.array([[[0, 255]]], dtype=np.int16)).tolist()
    [[[255, 0, 0]]]
    """
    hue = np.mod(hue_sat[:, :, 0].astype(np.int32), 255)
    hue = np.mod(np.rint(hue * (180.0 / 255.0)), 180).astype(np.uint8)
    sat = np.clip(hue_sat[:, :, 1], 0, 255).astype(np.uint8)
    color, alpha = split_alpha(image)
    value = cv2.extractChannel(change_colorspace(color, HSV, from_space), 2)
    merged = cv2.merge([hue, sat, value])
    return join_alpha(change_colorspace(merged, from_space, HSV), alpha)


# ---------------------------------------------------------------------------
# brightness: map the intensity channel of another colour space
# ---------------------------------------------------------------------------


def brightness_table(mul: float, add: float, add_first: bool = False) -> np.ndarray:
    """Return the uint8 table multiplying by *mul* and adding *add*, each step saturated.

    Parameters
    ----------
    mul : float
        Factor, in ``[0, inf)``.
    add : float
        Added (a whole number, in ``[-255, 255]``).
    add_first : bool, optional
        Add before multiplying (default: multiply first).

    Returns
    -------
    ndarray of shape (256,), dtype uint8

    Examples
    --------
    >>> brightness_table(2.0, 10)[[0, 50, 200]].tolist()
    [10, 110, 255]
    >>> brightness_table(2.0, 10, add_first=True)[[0, 50]].tolist()
    [20, 120]
    """
    if add_first:
        return saturate(saturate(_LEVELS + add, _UINT8) * mul, _UINT8)
    return saturate(saturate(_LEVELS * mul, _UINT8).astype(np.float64) + add, _UINT8)


def _add_signed(color: np.ndarray, before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Return ``color + (after - before)`` per pixel, saturated, with uint8 ops only."""
    up = cv2.subtract(after, before, dst=_scratch("rise", before.shape))
    down = cv2.subtract(before, after, dst=_scratch("fall", before.shape))
    return _shift_by_planes(color, up, down)


_SCRATCH = threading.local()
#: Largest per-thread buffer kept (bytes); larger temporaries are allocated each call.
SCRATCH_MAX_BYTES = 16 * 2**20


def _scratch(name: str, shape: tuple[int, ...]) -> np.ndarray:
    """A uint8 buffer of *shape* kept per thread under *name*, for a kernel's temporaries.

    Large images would otherwise allocate and free several image-sized temporaries per
    call, which glibc's allocator hands back to the system and faults in again each
    time. Each *name* belongs to one function, which must not let the buffer escape.
    Buffers above :data:`SCRATCH_MAX_BYTES` are not kept (a fresh array each call),
    which bounds what a thread holds.
    """
    if int(np.prod(shape)) > SCRATCH_MAX_BYTES:
        return np.empty(shape, dtype=np.uint8)
    buffers = getattr(_SCRATCH, "buffers", None)
    if buffers is None:
        buffers = _SCRATCH.buffers = {}
    buffer = buffers.get(name)
    if buffer is None or buffer.shape != shape:
        buffer = buffers[name] = np.empty(shape, dtype=np.uint8)
    return buffer


@contextmanager
def _borrowed(name: str, shape: tuple[int, ...]) -> Iterator[np.ndarray]:
    """Lend the per-thread buffer *name* (:func:`_scratch`) across a callback.

    While lent, the buffer is marked busy: a nested call of the same kernel (a callback
    that calls it again) gets a fresh array instead of the buffer in use.
    """
    busy = getattr(_SCRATCH, "busy", None)
    if busy is None:
        busy = _SCRATCH.busy = set()
    if name in busy:
        yield np.empty(shape, dtype=np.uint8)
        return
    busy.add(name)
    try:
        yield _scratch(name, shape)
    finally:
        busy.discard(name)


def _shift_by_planes(color: np.ndarray, up: np.ndarray | None,
                     down: np.ndarray | None) -> np.ndarray:
    """Return ``color + up - down``, each plane replicated over the channels, saturated.

    *up* and *down* are ``(H, W)`` uint8 planes, at most one of them non-zero at each
    pixel (which makes the two saturating steps exact); None skips a step. The
    replicated plane and the result are the only image-sized buffers (the second step
    reuses both), which keeps large images clear of allocator churn.
    """
    out = None
    for op, plane in ((cv2.add, up), (cv2.subtract, down)):
        if plane is None:
            continue
        spread = _replicate(plane, color.shape[2], _scratch("spread", color.shape))
        out = op(color if out is None else out, spread, dst=out)
    return color.copy() if out is None else out.reshape(color.shape)


def _replicate(plane: np.ndarray, channels: int, dst: np.ndarray | None) -> np.ndarray:
    """Return the ``(H, W)`` *plane* repeated over *channels* channels (into *dst*)."""
    if channels == 3:
        return cv2.cvtColor(plane, cv2.COLOR_GRAY2RGB, dst=dst)
    return cv2.merge([plane] * channels, dst=dst)


def _luma_spaces(to_space: str, from_space: str) -> bool:
    """Whether the intensity of *to_space* is cv2's GRAY of a *from_space* image."""
    return to_space in (YCrCb, YUV) and from_space in (RGB, BGR, GRAY)


def map_intensity(image: np.ndarray, func: Callable[[np.ndarray], np.ndarray],
                  to_space: str, from_space: str = RGB) -> np.ndarray:
    """Replace the intensity channel of *to_space* by ``func(channel)``.

    For YCrCb and YUV, whose luma is cv2's GRAY, the change of luma is added to every
    colour channel: exactly what replacing Y and converting back does, without the
    chroma rounding.

    Parameters
    ----------
    image : ndarray of shape (H, W, 1), (H, W, 3) or (H, W, 4), dtype uint8
        1-channel images are their own intensity; alpha is kept.
    func : callable
        Maps an ``(H, W)`` uint8 plane to a new one (or to itself). The plane may be
        a temporary buffer: *func* returns its result and keeps no reference to it.
    to_space : str
        A key of :data:`INTENSITY_CHANNEL`: Y of YCrCb/YUV, L of Lab/Luv/HLS, V of HSV.
    from_space : str, optional
        Colour space of *image* (default ``"RGB"``).

    Returns
    -------
    ndarray of *image*'s shape, dtype uint8

    Examples
    --------
    >>> gray = np.full((1, 1, 3), 100, dtype=np.uint8)
    >>> map_intensity(gray, lambda plane: plane * 2, HSV).tolist()
    [[[200, 200, 200]]]
    """
    if image.shape[2] == 1:
        return func(np.ascontiguousarray(image[:, :, 0])).reshape(image.shape)
    color, alpha = split_alpha(image)
    if _luma_spaces(to_space, from_space):
        luma = to_gray(color, from_space)
        return join_alpha(_add_signed(color, luma, func(luma)), alpha)
    index = INTENSITY_CHANNEL[to_space]
    code = CV2_CODES.get((from_space, to_space)) if from_space != GRAY else None
    # the converted image and its channel are temporaries: per-thread buffers (lent,
    # as func runs in between), so that only the result is allocated
    with _borrowed("converted", color.shape) as buffer, \
            _borrowed("channel", color.shape[:2]) as channel:
        converted = (change_colorspace(color, to_space, from_space) if code is None
                     or color.dtype != np.uint8 else cv2.cvtColor(color, code, dst=buffer))
        plane = func(cv2.extractChannel(converted, index, dst=channel))
        cv2.insertChannel(plane, converted, index)
        return join_alpha(change_colorspace(converted, from_space, to_space), alpha)


def map_intensity_lut(image: np.ndarray, table: np.ndarray, to_space: str,
                      from_space: str = RGB) -> np.ndarray:
    """:func:`map_intensity` with a uint8 lookup *table* as the function (same result).

    For YCrCb and YUV the luma change is itself a function of the luma: two plane
    tables give the rise and the fall of each pixel, so the image is changed by at most
    one saturating add and one subtract of the replicated plane (none of them where
    the table never raises, or never lowers, a value).

    Parameters
    ----------
    image : ndarray of shape (H, W, 1), (H, W, 3) or (H, W, 4), dtype uint8
    table : ndarray of shape (256,), dtype uint8
    to_space, from_space : str
        As for :func:`map_intensity`.

    Returns
    -------
    ndarray of *image*'s shape, dtype uint8
        A new array, never *image* itself.

    Examples
    --------
    >>> gray = np.full((1, 1, 3), 100, dtype=np.uint8)
    >>> half = (np.arange(256) // 2).astype(np.uint8)
    >>> map_intensity_lut(gray, half, YCrCb).tolist()
    [[[50, 50, 50]]]
    """
    if image.shape[2] not in (3, 4) or not _luma_spaces(to_space, from_space):
        return map_intensity(image, lambda plane: apply_lut(plane, table), to_space,
                             from_space)
    color, alpha = split_alpha(image)
    luma = to_gray(color, from_space)
    rise = np.subtract(table, _IDENTITY, dtype=np.int16)
    up, down = (apply_lut(luma, amounts.astype(np.uint8)) if np.count_nonzero(amounts)
                else None for amounts in (np.maximum(rise, 0), np.maximum(-rise, 0)))
    return join_alpha(_shift_by_planes(color, up, down), alpha)


def intensity_plane(image: np.ndarray, to_space: str, from_space: str = RGB) -> np.ndarray:
    """Return the intensity channel that :func:`map_intensity` would map.

    Parameters
    ----------
    image : ndarray of shape (H, W, 1), (H, W, 3) or (H, W, 4), dtype uint8
    to_space, from_space : str
        As for :func:`map_intensity`.

    Returns
    -------
    ndarray of shape (H, W), dtype uint8

    Examples
    --------
    >>> intensity_plane(np.array([[[200, 100, 0]]], dtype=np.uint8), HSV).tolist()
    [[200]]
    """
    if image.shape[2] == 1:
        return np.ascontiguousarray(image[:, :, 0])
    color, _ = split_alpha(image)
    if _luma_spaces(to_space, from_space):
        return to_gray(color, from_space)
    return cv2.extractChannel(change_colorspace(color, to_space, from_space),
                              INTENSITY_CHANNEL[to_space])


# ---------------------------------------------------------------------------
# histogram equalization and CLAHE
# ---------------------------------------------------------------------------

_CLAHE = threading.local()


def clahe(plane: np.ndarray, clip_limit: float, grid_h: int, grid_w: int) -> np.ndarray:
    """Apply CLAHE (contrast limited adaptive histogram equalization) to one plane.

    OpenCV's CLAHE objects are cached per thread and grid size.

    Parameters
    ----------
    plane : ndarray of shape (H, W), dtype uint8 or uint16
    clip_limit : float
        Contrast limit; higher is stronger.
    grid_h, grid_w : int
        Tiles per column and per row of the grid.

    Returns
    -------
    ndarray of shape (H, W), *plane*'s dtype

    Examples
    --------
    >>> ramp = np.tile(np.arange(64, dtype=np.uint8) * 2, (8, 1))
    >>> clahe(ramp, 2.0, 2, 2).shape
    (8, 64)
    """
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
    """Equalize the histogram of one plane.

    Parameters
    ----------
    plane : ndarray of shape (H, W), dtype uint8

    Returns
    -------
    ndarray of shape (H, W), dtype uint8

    Examples
    --------
    >>> equalize(np.array([[10, 20, 30, 40]], dtype=np.uint8)).tolist()
    [[0, 85, 170, 255]]
    """
    return cv2.equalizeHist(plane)


def equalize_planes(image: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Equalize the histogram of every channel of *image* separately.

    The same as ``per_plane(image, [equalize])``; the channels are split into
    per-thread buffers and equalized in place, so only the result is allocated.

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8
    out : ndarray, optional
        A C-contiguous uint8 array of *image*'s shape to write the result into.

    Returns
    -------
    ndarray of *image*'s shape, dtype uint8

    Examples
    --------
    >>> equalize_planes(np.array([[[10, 7], [20, 7]]], dtype=np.uint8)).tolist()
    [[[0, 7], [255, 7]]]
    """
    channels = image.shape[2]
    if not 1 < channels <= 4:
        return write_into(out, per_plane(image, [equalize]))
    plane_shape = image.shape[:2]
    planes = cv2.split(image, [_scratch(f"plane{c}", plane_shape) for c in range(channels)])
    merged = cv2.merge([cv2.equalizeHist(plane, dst=plane) for plane in planes], dst=out)
    return merged.reshape(image.shape) if out is None else write_into(out, merged)


def per_plane(image: np.ndarray, funcs: list[Callable[[np.ndarray], np.ndarray]]) -> np.ndarray:
    """Apply ``funcs[c]`` to channel c of *image*.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
    funcs : list of callable
        C functions, or one for every channel; each maps an ``(H, W)`` plane to a new
        one of the same shape and dtype.

    Returns
    -------
    ndarray of *image*'s shape and dtype

    Examples
    --------
    >>> img = np.array([[[1, 2]]], dtype=np.uint8)
    >>> per_plane(img, [lambda p: p + 1, lambda p: p * 3]).tolist()
    [[[2, 6]]]
    """
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


def uniform_quantization_table(n_colors: int, to_bin_centers: bool = True) -> np.ndarray:
    """Return the table mapping each uint8 value to the centre (or start) of its bin.

    Parameters
    ----------
    n_colors : int
        Number of equal bins the 256 values fall into, in ``[2, 256]``.
    to_bin_centers : bool, optional
        Map to each bin's centre ``floor(v / q) * q + q / 2`` (``q = 256 / n_colors``),
        or to its lower edge ``floor(v / q) * q`` (imgaug's ``to_bin_centers``).

    Returns
    -------
    ndarray of shape (256,), dtype uint8

    Examples
    --------
    >>> uniform_quantization_table(2)[[0, 100, 200, 255]].tolist()
    [64, 64, 192, 192]
    """
    width = 256.0 / n_colors
    bins = np.floor(_LEVELS / width)
    offset = width / 2 if to_bin_centers else 0.0
    return np.minimum(np.floor(bins * width + offset), 255).astype(np.uint8)


def nbits_table(nb_bits: int) -> np.ndarray:
    """Return the table keeping the *nb_bits* highest bits of each value (posterize).

    Parameters
    ----------
    nb_bits : int
        In ``[1, 8]``.

    Returns
    -------
    ndarray of shape (256,), dtype uint8
        Cached per bit count, read-only.

    Examples
    --------
    >>> nbits_table(2)[[0, 100, 200, 255]].tolist()
    [0, 64, 192, 192]
    """
    return _nbits_table(int(nb_bits))


@lru_cache(maxsize=16)
def _nbits_table(nb_bits: int) -> np.ndarray:
    mask = (0xFF << (8 - nb_bits)) & 0xFF
    table = (_IDENTITY & mask).astype(np.uint8)
    table.flags.writeable = False
    return table


def kmeans_quantize(image: np.ndarray, n_colors: int, seed: int,
                    sample: np.ndarray | None = None, max_iter: int = 10,
                    eps: float = 1.0) -> np.ndarray:
    """Replace every pixel by the nearest of *n_colors* k-means cluster centres.

    Centres are fitted on *sample* with ``cv2.kmeans`` started from labels drawn
    from *seed* (cv2's global RNG is never used); then every pixel of *image* takes
    its nearest centre.

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8
    n_colors : int
        Number of clusters; images with at most that many colours come back as they are.
    seed : int
        Seeds the initial labels.
    sample : ndarray of shape (h, w, C), optional
        The pixels to fit the centres on, e.g. a downscaled copy (default: *image*).
    max_iter, eps : optional
        k-means stops after *max_iter* iterations or when centres move less than *eps*.

    Returns
    -------
    ndarray of *image*'s shape and dtype

    Examples
    --------
    >>> img = np.array([[[0, 0, 0], [10, 10, 10], [250, 250, 250]]], dtype=np.uint8)
    >>> kmeans_quantize(img, 2, seed=0)[0, :, 0].tolist()
    [5, 5, 250]
    """
    channels = image.shape[2]
    source = image if sample is None else sample
    data = source.reshape(-1, channels).astype(np.float32)
    k = max(1, min(int(n_colors), len(data)))
    if k < 2 or len(np.unique(data, axis=0)) <= k:
        return image.copy()
    labels = np.random.default_rng(seed).integers(0, k, size=(len(data), 1)).astype(np.int32)
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, int(max_iter), float(eps))
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
    """Return the RGB colours of black bodies at temperatures *kelvin*.

    Uses the usual curve fit of the black-body colour (Tanner Helland's); 6600 K is
    about white, lower temperatures are orange, higher ones blue.

    Parameters
    ----------
    kelvin : array_like of shape (N,)
        Temperatures, in ``[1000, 40000]``.

    Returns
    -------
    ndarray of shape (N, 3), dtype float64
        Multipliers of R, G and B, in ``[0, 1]``.

    Examples
    --------
    >>> kelvin_to_rgb([6600.0]).tolist()
    [[1.0, 1.0, 1.0]]
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
    """Multiply channel c of *image* by ``multipliers[c]`` in one ``cv2.transform`` pass.

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8 or float32
        C at most 4; uint8 results are rounded and saturated.
    multipliers : ndarray of shape (K,), dtype float32
        Factors of the first K channels; the others are unchanged.

    Returns
    -------
    ndarray of *image*'s shape and dtype

    Examples
    --------
    >>> img = np.full((1, 1, 3), 200, dtype=np.uint8)
    >>> multiply_channels(img, np.array([1.0, 0.5, 0.0], np.float32)).tolist()
    [[[200, 100, 0]]]
    """
    channels = image.shape[2]
    matrix = np.eye(channels, dtype=np.float32)
    matrix[np.arange(len(multipliers)), np.arange(len(multipliers))] = multipliers
    return cv2.transform(image, matrix).reshape(image.shape)


def apply_color_temperature(image: np.ndarray, multipliers: np.ndarray,
                            from_space: str = RGB) -> np.ndarray:
    """Tint an image with the RGB *multipliers* of a colour temperature.

    Parameters
    ----------
    image : ndarray of shape (H, W, 3) or (H, W, 4), dtype uint8 or float32
        In colour space *from_space* (alpha kept).
    multipliers : ndarray of shape (3,)
        R, G and B factors, e.g. a row of :func:`kelvin_to_rgb`.
    from_space : str, optional
        The image's colour space; other than RGB/BGR it is converted to RGB and back.

    Returns
    -------
    ndarray of *image*'s shape and dtype

    Examples
    --------
    >>> img = np.full((1, 1, 3), 200, dtype=np.uint8)
    >>> apply_color_temperature(img, np.array([1.0, 0.5, 0.25]), BGR).tolist()
    [[[50, 100, 200]]]
    """
    multipliers = np.asarray(multipliers, dtype=np.float32)
    if from_space in (RGB, BGR):
        return multiply_channels(image, multipliers if from_space == RGB else multipliers[::-1])
    color, alpha = split_alpha(image)
    rgb = multiply_channels(change_colorspace(color, RGB, from_space), multipliers)
    return join_alpha(change_colorspace(rgb, from_space, RGB), alpha)


# ---------------------------------------------------------------------------
# cartoon
# ---------------------------------------------------------------------------


def cartoon(image: np.ndarray, blur_ksize: int, segmentation_size: float, saturation: float,
            edge_prevalence: float, from_space: str = RGB) -> np.ndarray:
    """:func:`stylize_cartoon` for 1-, 3- or 4-channel uint8 images in any colour space.

    A 1-channel image is stylized as gray RGB and returned as gray; a 4th channel is
    alpha and kept; other spaces than RGB are converted to RGB and back.

    Examples
    --------
    >>> cartoon(np.full((4, 4, 1), 90, np.uint8), 3, 1.0, 2.0, 1.0).shape
    (4, 4, 1)
    """
    if image.shape[2] == 1:
        rgb = cv2.cvtColor(np.ascontiguousarray(image[:, :, 0]), cv2.COLOR_GRAY2RGB)
        out = stylize_cartoon(rgb, blur_ksize, segmentation_size, saturation, edge_prevalence)
        return cv2.cvtColor(out, cv2.COLOR_RGB2GRAY).reshape(image.shape)
    color, alpha = split_alpha(image)
    rgb = change_colorspace(color, RGB, from_space)
    out = stylize_cartoon(rgb, blur_ksize, segmentation_size, saturation, edge_prevalence)
    return join_alpha(change_colorspace(out, from_space, RGB), alpha)


def stylize_cartoon(image: np.ndarray, blur_ksize: int, segmentation_size: float,
                    saturation: float, edge_prevalence: float) -> np.ndarray:
    """Return a cartoon-like stylization of an RGB image (imgaug's ``stylize_cartoon``).

    Median blur, mean-shift segmentation into flat colour regions, stronger saturation
    and dark edges drawn where the blurred image has strong gradients.

    Parameters
    ----------
    image : ndarray of shape (H, W, 3), dtype uint8
        RGB.
    blur_ksize : int
        Median blur kernel size (rounded up to odd; 1 or less: no blur).
    segmentation_size : float
        Scales the mean-shift window: larger gives larger regions.
    saturation : float
        Saturation factor.
    edge_prevalence : float
        Above 1 draws more edges, below 1 fewer.

    Returns
    -------
    ndarray of shape (H, W, 3), dtype uint8

    Examples
    --------
    >>> img = np.random.default_rng(0).integers(0, 255, (8, 8, 3), dtype=np.uint8)
    >>> stylize_cartoon(img, 3, 1.0, 2.0, 1.0).shape
    (8, 8, 3)
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
