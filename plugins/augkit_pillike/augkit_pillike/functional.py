"""The pillike kernels: functions with the outputs of Pillow's image operations.

Each function takes a ``uint8`` image of shape ``(H, W)`` or ``(H, W, C)`` and
returns a new array of the same shape (the ``*_`` variants may change the image in
place and return it). Outputs are exactly Pillow's, which the tests check on random
images. Where that is faster and still exact, the work is done here: the histogram
operations (:func:`solarize`, :func:`posterize`, :func:`equalize`,
:func:`autocontrast`) are lookup tables computed with Pillow's arithmetic (they
work on any number of channels, channel by channel), and the filter kernels whose
float32 sums are exact run through OpenCV; :func:`enhance_brightness` and
:func:`enhance_contrast` blend with a constant image, which is one lookup table.
The other enhancements, the SMOOTH, SMOOTH_MORE and DETAIL kernels and
:func:`warp_affine` call Pillow on ``(H, W)``, ``(H, W, 1)``, ``(H, W, 3)`` and
``(H, W, 4)`` images.

These are the functions of imgaug's ``imgaug.augmenters.pillike`` module, with its
signatures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import cv2
import numpy as np
import PIL.Image
import PIL.ImageEnhance
import PIL.ImageFilter

from augkit import InputError, ParameterError, UnsupportedDtypeError
from augkit.extend import apply_lut, table_keeping_alpha

#: Pillow's image mode of each channel count it handles.
_MODES = {1: "L", 3: "RGB", 4: "RGBA"}
_IDENTITY = np.arange(256, dtype=np.int64)


# --------------------------------------------------------------------- shared checks
def _check_uint8(image: Any, func: str) -> np.ndarray:
    if not isinstance(image, np.ndarray):
        raise InputError(f"image: {func} expected a numpy array, got {type(image).__name__}")
    if image.dtype != np.uint8:
        raise UnsupportedDtypeError(f"image: {func} supports only uint8 images, "
                                    f"got dtype {image.dtype}")
    if image.ndim not in (2, 3):
        raise InputError(f"image: {func} expected shape (H, W) or (H, W, C), "
                         f"got {image.shape}")
    return image


def _as_hwc(image: np.ndarray) -> np.ndarray:
    return image if image.ndim == 3 else image[:, :, None]


def _lut_op(image: np.ndarray, tables: np.ndarray) -> np.ndarray:
    """Apply ``(C, 256)`` tables to *image* (any layout), returning a new array."""
    out = apply_lut(np.ascontiguousarray(_as_hwc(image)), tables.astype(np.uint8))
    return out.reshape(image.shape)


def _histograms(image: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """Return the ``(C, 256)`` int64 histograms of *image*, of the pixels where *mask*."""
    hwc = _as_hwc(image)
    if mask is not None:
        mask = np.asarray(mask)
        if mask.shape != hwc.shape[:2]:
            raise InputError(f"mask: expected shape {hwc.shape[:2]} (the image's height and "
                             f"width), got {mask.shape}")
        mask = np.ascontiguousarray(mask != 0, dtype=np.uint8)
    hwc = np.ascontiguousarray(hwc)
    return np.stack([cv2.calcHist([hwc], [c], mask, [256], [0, 256]).ravel()
                     for c in range(hwc.shape[2])]).astype(np.int64)


def _via_pil(image: Any, func: str, op: Callable[[PIL.Image.Image], PIL.Image.Image]
             ) -> np.ndarray:
    """Run *op* on *image* as a Pillow image and return a new array of its shape."""
    image = _check_uint8(image, func)
    channels = 1 if image.ndim == 2 else image.shape[2]
    if channels not in _MODES:
        raise InputError(f"image: {func} expected 1, 3 or 4 channels (Pillow's L, RGB and "
                         f"RGBA), got shape {image.shape}")
    if image.size == 0:
        return image.copy()
    pil = PIL.Image.fromarray(np.ascontiguousarray(image.reshape(image.shape[:2])
                                                   if channels == 1 else image),
                              _MODES[channels])
    return np.asarray(op(pil)).reshape(image.shape).copy()


# --------------------------------------------------------------------- histogram ops
def solarize_(image: np.ndarray, threshold: int = 128) -> np.ndarray:
    """Invert every value ``>= threshold`` (:func:`PIL.ImageOps.solarize`), in place.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C), dtype uint8
        Changed in place.
    threshold : number, optional
        Values at or above it become ``255 - value`` (default 128).

    Returns
    -------
    ndarray
        *image*.

    Examples
    --------
    >>> import numpy as np
    >>> solarize_(np.array([[10, 128, 200]], dtype=np.uint8)).tolist()
    [[10, 127, 55]]
    """
    image[...] = solarize(image, threshold)
    return image


def solarize(image: np.ndarray, threshold: int = 128) -> np.ndarray:
    """Invert every value ``>= threshold``, as :func:`PIL.ImageOps.solarize` does.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C), dtype uint8
    threshold : number, optional
        Values at or above it become ``255 - value`` (default 128).

    Returns
    -------
    ndarray
        A new array of the image's shape.

    Examples
    --------
    >>> import numpy as np
    >>> solarize(np.array([[10, 128, 200]], dtype=np.uint8), threshold=100).tolist()
    [[10, 127, 55]]
    """
    image = _check_uint8(image, "solarize")
    return _lut_op(image, solarize_table(threshold))


def solarize_table(threshold: float) -> np.ndarray:
    """Return :func:`solarize`'s lookup table: values ``>= threshold`` become ``255 - v``.

    Parameters
    ----------
    threshold : number

    Returns
    -------
    ndarray of shape (256,), dtype uint8

    Examples
    --------
    >>> solarize_table(100)[[10, 128, 200]].tolist()
    [10, 127, 55]
    """
    return np.where(_IDENTITY < threshold, _IDENTITY, 255 - _IDENTITY).astype(np.uint8)


def posterize_(image: np.ndarray, bits: int) -> np.ndarray:
    """Keep the *bits* highest bits of every value (:func:`PIL.ImageOps.posterize`), in place.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C), dtype uint8
        Changed in place.
    bits : int
        Bits kept, 1 to 8.

    Returns
    -------
    ndarray
        *image*.

    Examples
    --------
    >>> import numpy as np
    >>> posterize_(np.array([[255, 100]], dtype=np.uint8), 2).tolist()
    [[192, 64]]
    """
    image[...] = posterize(image, bits)
    return image


def posterize(image: np.ndarray, bits: int) -> np.ndarray:
    """Keep the *bits* highest bits of every value, as :func:`PIL.ImageOps.posterize`.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C), dtype uint8
    bits : int
        Bits kept, 1 to 8.

    Returns
    -------
    ndarray
        A new array of the image's shape.

    Raises
    ------
    augkit.ParameterError
        For *bits* outside 1..8.

    Examples
    --------
    >>> import numpy as np
    >>> posterize(np.array([[255, 100]], dtype=np.uint8), 1).tolist()
    [[128, 0]]
    """
    image = _check_uint8(image, "posterize")
    if isinstance(bits, bool) or not isinstance(bits, (int, np.integer)) or not 1 <= bits <= 8:
        raise ParameterError(f"bits: expected an integer in [1, 8], got {bits!r}")
    return _lut_op(image, posterize_table(bits))


def posterize_table(bits: int) -> np.ndarray:
    """Return :func:`posterize`'s lookup table: the *bits* highest bits of each value.

    Parameters
    ----------
    bits : int
        Bits kept, 1 to 8 (not checked here).

    Returns
    -------
    ndarray of shape (256,), dtype uint8

    Examples
    --------
    >>> posterize_table(1)[[100, 255]].tolist()
    [0, 128]
    """
    return (_IDENTITY & ~(2 ** (8 - int(bits)) - 1)).astype(np.uint8)


def _equalize_tables(histograms: np.ndarray) -> np.ndarray:
    """Pillow's equalize lookup table for each histogram row."""
    tables = np.empty_like(histograms)
    for c, hist in enumerate(histograms):
        used = hist[hist > 0]
        step = (int(used.sum()) - int(used[-1])) // 255 if len(used) > 1 else 0
        if not step:
            tables[c] = _IDENTITY
            continue
        before = np.concatenate(([0], np.cumsum(hist)[:-1]))
        tables[c] = (step // 2 + before) // step
    return np.minimum(tables, 255)


def equalize(image: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """Equalize each channel's histogram, as :func:`PIL.ImageOps.equalize` does.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C), dtype uint8
        Any number of channels, each equalized on its own.
    mask : ndarray of shape (H, W), optional
        Only pixels where the mask is non-zero count in the histograms; every pixel
        is remapped.

    Returns
    -------
    ndarray
        A new array of the image's shape.

    Examples
    --------
    >>> import numpy as np
    >>> image = np.repeat(np.array([[0, 10, 20]], dtype=np.uint8), 200, axis=1)
    >>> np.unique(equalize(image)).tolist()
    [0, 200, 255]
    """
    image = _check_uint8(image, "equalize")
    if image.size == 0:
        return image.copy()
    return _lut_op(image, _equalize_tables(_histograms(image, mask)))


def equalize_(image: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """:func:`equalize` in place.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C), dtype uint8
        Changed in place.
    mask : ndarray of shape (H, W), optional
        See :func:`equalize`.

    Returns
    -------
    ndarray
        *image*.

    Examples
    --------
    >>> import numpy as np
    >>> image = np.repeat(np.array([[0, 10, 20]], dtype=np.uint8), 200, axis=1)
    >>> equalize_(image) is image, np.unique(image).tolist()
    (True, [0, 200, 255])
    """
    image[...] = equalize(image, mask)
    return image


def _cut_low(hist: np.ndarray, cut: int) -> np.ndarray:
    """Remove *cut* pixels from the low end of *hist* (Pillow's loop, vectorised)."""
    return np.clip(np.cumsum(hist) - cut, 0, hist)


def _autocontrast_tables(histograms: np.ndarray, cutoff: Any) -> np.ndarray:
    """Pillow's autocontrast lookup table for each histogram row."""
    low_cut, high_cut = cutoff if isinstance(cutoff, tuple) else (cutoff, cutoff)
    tables = np.empty((len(histograms), 256), dtype=np.int64)
    for c, hist in enumerate(histograms):
        if low_cut or high_cut:
            total = int(hist.sum())
            hist = _cut_low(hist, int(total * low_cut // 100))
            hist = _cut_low(hist[::-1], int(total * high_cut // 100))[::-1]
        used = np.flatnonzero(hist)
        lo, hi = (int(used[0]), int(used[-1])) if len(used) else (255, 0)
        if hi <= lo:
            tables[c] = _IDENTITY
            continue
        scale = 255.0 / (hi - lo)
        tables[c] = np.clip(np.trunc(_IDENTITY * scale + (-lo * scale)), 0, 255)
    return tables


def autocontrast(image: np.ndarray, cutoff: Any = 0,
                 ignore: int | Iterable[int] | None = None) -> np.ndarray:
    """Stretch each channel's histogram to [0, 255], as :func:`PIL.ImageOps.autocontrast`.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C), dtype uint8
        Any number of channels, each stretched on its own.
    cutoff : number or tuple of (number, number), optional
        Percent of the darkest and of the lightest pixels ignored before stretching
        (default 0); a tuple gives the low and high ends separately.
    ignore : None or int or iterable of int, optional
        Values that do not count in the histogram (background).

    Returns
    -------
    ndarray
        A new array of the image's shape.

    Examples
    --------
    >>> import numpy as np
    >>> autocontrast(np.array([[50, 100, 150]], dtype=np.uint8)).tolist()
    [[0, 127, 255]]
    """
    image = _check_uint8(image, "autocontrast")
    if image.size == 0:
        return image.copy()
    histograms = _histograms(image)
    if ignore is not None:
        histograms[:, list(ignore) if isinstance(ignore, Iterable) else [ignore]] = 0
    return _lut_op(image, _autocontrast_tables(histograms, cutoff))


# --------------------------------------------------------------------- enhancements
def _enhance_input(image: Any, func: str) -> np.ndarray:
    """Check *image* for ``ImageEnhance`` and return it as ``(H, W, C)``."""
    image = _check_uint8(image, func)
    if (1 if image.ndim == 2 else image.shape[2]) not in _MODES:
        raise InputError(f"image: {func} expected 1, 3 or 4 channels (Pillow's L, RGB and "
                         f"RGBA), got shape {image.shape}")
    return _as_hwc(image)


def _blend_with_constant(image: np.ndarray, base: int, factor: float) -> np.ndarray:
    """Pillow's ``Image.blend(constant image, image, factor)`` as a lookup table.

    Pillow computes ``base + f * (value - base)`` in float32 and truncates it to
    [0, 255]; with a constant first image that depends on the value alone, so one
    256-entry table does it (a 4th, alpha, channel is kept, as Pillow's enhancers
    keep it).
    """
    return apply_lut(np.ascontiguousarray(image), blend_table(base, factor, image.shape[2]).T)


def blend_table(base: int, factor: float, channels: int = 1) -> np.ndarray:
    """Return the lookup table of Pillow's ``Image.blend(constant image, image, factor)``.

    ``base + factor * (value - base)`` in float32, truncated to [0, 255]: what
    :func:`enhance_brightness` (base 0) and :func:`enhance_contrast` (base: the mean
    grey) do to each value.

    Parameters
    ----------
    base : int
        The constant image's value.
    factor : float
    channels : int, optional
        Channels of the image; with 4 the 4th (alpha) column is the identity, as
        Pillow's enhancers keep alpha.

    Returns
    -------
    ndarray of shape (256,), or (256, 4) for 4 channels, dtype uint8

    Examples
    --------
    >>> blend_table(0, 2.0)[[10, 100, 200]].tolist()
    [20, 200, 255]
    """
    alpha = np.float32(factor)
    values = np.arange(256, dtype=np.float32)
    start = np.float32(base)
    table = np.clip(start + alpha * (values - start), 0, 255).astype(np.uint8)
    return table_keeping_alpha(table, channels)


def _enhance(image: np.ndarray, enhancer: Any, factor: float, func: str) -> np.ndarray:
    return _via_pil(image, func, lambda pil: enhancer(pil).enhance(float(factor)))


def enhance_color(image: np.ndarray, factor: float) -> np.ndarray:
    """Scale colourfulness, as :class:`PIL.ImageEnhance.Color` does.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C) with C in {1, 3, 4}, dtype uint8
    factor : float
        0 gives a grey image, 1 the image unchanged, above 1 stronger colours.

    Returns
    -------
    ndarray
        A new array of the image's shape.

    Examples
    --------
    >>> import numpy as np
    >>> enhance_color(np.array([[[255, 0, 0]]], dtype=np.uint8), 0.0).tolist()
    [[[76, 76, 76]]]
    """
    return _enhance(image, PIL.ImageEnhance.Color, factor, "enhance_color")


def enhance_contrast(image: np.ndarray, factor: float) -> np.ndarray:
    """Scale contrast around the mean grey, as :class:`PIL.ImageEnhance.Contrast` does.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C) with C in {1, 3, 4}, dtype uint8
    factor : float
        0 gives a uniform grey image, 1 the image unchanged.

    Returns
    -------
    ndarray
        A new array of the image's shape.

    Examples
    --------
    >>> import numpy as np
    >>> enhance_contrast(np.array([[0, 100]], dtype=np.uint8), 0.0).tolist()
    [[50, 50]]
    """
    hwc = _enhance_input(image, "enhance_contrast")
    if hwc.size == 0:
        return hwc.copy().reshape(image.shape)
    gray = PIL.Image.fromarray(np.ascontiguousarray(hwc if hwc.shape[2] > 1 else hwc[:, :, 0]),
                               _MODES[hwc.shape[2]]).convert("L")
    histogram = np.asarray(gray.histogram(), dtype=np.int64)
    mean = int(int(histogram @ np.arange(256)) / int(histogram.sum()) + 0.5)
    return _blend_with_constant(hwc, mean, factor).reshape(image.shape)


def enhance_brightness(image: np.ndarray, factor: float) -> np.ndarray:
    """Scale brightness, as :class:`PIL.ImageEnhance.Brightness` does.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C) with C in {1, 3, 4}, dtype uint8
    factor : float
        0 gives a black image, 1 the image unchanged.

    Returns
    -------
    ndarray
        A new array of the image's shape.

    Examples
    --------
    >>> import numpy as np
    >>> enhance_brightness(np.array([[10, 100]], dtype=np.uint8), 2.0).tolist()
    [[20, 200]]
    """
    hwc = _enhance_input(image, "enhance_brightness")
    return _blend_with_constant(hwc, 0, factor).reshape(image.shape)


def enhance_sharpness(image: np.ndarray, factor: float) -> np.ndarray:
    """Blend with a smoothed copy, as :class:`PIL.ImageEnhance.Sharpness` does.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C) with C in {1, 3, 4}, dtype uint8
    factor : float
        0 gives the smoothed image, 1 the image unchanged, above 1 sharper.

    Returns
    -------
    ndarray
        A new array of the image's shape.

    Examples
    --------
    >>> import numpy as np
    >>> enhance_sharpness(np.full((3, 3), 7, dtype=np.uint8), 2.0).tolist()
    [[7, 7, 7], [7, 7, 7], [7, 7, 7]]
    """
    return _enhance(image, PIL.ImageEnhance.Sharpness, factor, "enhance_sharpness")


# --------------------------------------------------------------------- 3x3 filters
def _filter(image: np.ndarray, kernel: Any, func: str) -> np.ndarray:
    """Pillow's ``Image.filter(kernel)``, computed by OpenCV where that is exact.

    Pillow adds ``offset + 0.5`` to the float32 sum of ``value * (weight / scale)``
    over the kernel (its rows flipped: the first row weighs the row below), then
    truncates to [0, 255]; the border within the kernel's radius keeps its values.
    Where every weight is a multiple of 2**-10 (scales 1, 2 and 16: all kernels but
    SMOOTH, SMOOTH_MORE and DETAIL) every partial sum is exact whatever the order, so
    OpenCV's filter2D gives Pillow's result 4-7x faster; the other three depend on
    Pillow's order of float32 additions and run in Pillow.
    """
    (size, _), scale, offset, weights = kernel.filterargs
    taps = (np.array(weights, np.float64) / scale).astype(np.float32).reshape(size, size)
    if not np.array_equal(taps * 1024, np.round(taps * 1024)):
        return _via_pil(image, func, lambda pil: pil.filter(kernel))
    image = _check_uint8(image, func)
    hwc = np.ascontiguousarray(_as_hwc(image))
    if hwc.shape[2] not in _MODES:
        raise InputError(f"image: {func} expected 1, 3 or 4 channels (Pillow's L, RGB and "
                         f"RGBA), got shape {image.shape}")
    radius = size // 2
    height, width = hwc.shape[:2]
    out = hwc.copy()
    if height <= 2 * radius or width <= 2 * radius:
        return out.reshape(image.shape)
    total = cv2.filter2D(hwc.astype(np.float32), cv2.CV_32F, np.ascontiguousarray(taps[::-1]),
                         borderType=cv2.BORDER_REPLICATE).reshape(hwc.shape)
    inner = total[radius:height - radius, radius:width - radius]
    inner += np.float32(offset) + np.float32(0.5)
    out[radius:height - radius, radius:width - radius] = np.clip(inner, 0, 255).astype(np.uint8)
    return out.reshape(image.shape)


def _filter_function(kernel: Any, name: str, what: str, example: str) -> Callable:
    def function(image: np.ndarray) -> np.ndarray:
        return _filter(image, kernel, name)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = f"""Apply Pillow's ``ImageFilter.{kernel.__name__}`` kernel: {what}.

    As in Pillow, the outermost rows and columns within the kernel's radius (1, or 2
    for the 5x5 ``BLUR``) keep their input values.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C) with C in {{1, 3, 4}}, dtype uint8

    Returns
    -------
    ndarray
        A new array of the image's shape.

    Examples
    --------
    >>> import numpy as np
    >>> {name}(np.full((3, 3), 9, dtype=np.uint8))[1, 1]
    {example}
    """
    return function


filter_blur = _filter_function(PIL.ImageFilter.BLUR, "filter_blur", "blur", "np.uint8(9)")
filter_smooth = _filter_function(PIL.ImageFilter.SMOOTH, "filter_smooth", "smoothing",
                                 "np.uint8(9)")
filter_smooth_more = _filter_function(PIL.ImageFilter.SMOOTH_MORE, "filter_smooth_more",
                                      "strong smoothing", "np.uint8(9)")
filter_edge_enhance = _filter_function(PIL.ImageFilter.EDGE_ENHANCE, "filter_edge_enhance",
                                       "edge enhancement", "np.uint8(9)")
filter_edge_enhance_more = _filter_function(
    PIL.ImageFilter.EDGE_ENHANCE_MORE, "filter_edge_enhance_more", "strong edge enhancement",
    "np.uint8(9)")
filter_find_edges = _filter_function(PIL.ImageFilter.FIND_EDGES, "filter_find_edges",
                                     "edge detection", "np.uint8(0)")
filter_contour = _filter_function(PIL.ImageFilter.CONTOUR, "filter_contour", "contours",
                                  "np.uint8(255)")
filter_emboss = _filter_function(PIL.ImageFilter.EMBOSS, "filter_emboss", "embossing",
                                 "np.uint8(128)")
filter_sharpen = _filter_function(PIL.ImageFilter.SHARPEN, "filter_sharpen", "sharpening",
                                  "np.uint8(9)")
filter_detail = _filter_function(PIL.ImageFilter.DETAIL, "filter_detail",
                                 "detail enhancement", "np.uint8(9)")


# --------------------------------------------------------------------- affine
def affine_matrix(scale_x: float = 1.0, scale_y: float = 1.0, translate_x_px: float = 0,
                  translate_y_px: float = 0, rotate_deg: float = 0, shear_x_deg: float = 0,
                  shear_y_deg: float = 0, center_px: tuple[float, float] = (0, 0)
                  ) -> np.ndarray:
    """Return imgaug's pillike affine transform as an input-to-output 3x3 matrix.

    Points are moved to *center_px*'s frame, rotated (clockwise on screen for
    positive degrees), sheared (by ``tanh`` of the angle, as imgaug does), scaled,
    translated and moved back. Coordinates are Pillow's and augkit's (pixel ``i``
    covers ``[i, i + 1)``). The matrix is float32 arithmetic, as imgaug's.

    Parameters
    ----------
    scale_x, scale_y : float
        Zoom per axis (at least 0.0001).
    translate_x_px, translate_y_px : float
        Translation in pixels.
    rotate_deg, shear_x_deg, shear_y_deg : float
        Angles in degrees.
    center_px : tuple of (float, float)
        ``(x, y)`` of the transform's centre in pixels.

    Returns
    -------
    ndarray of shape (3, 3), float64

    Examples
    --------
    >>> affine_matrix(translate_x_px=2, scale_y=2.0).tolist()
    [[1.0, 0.0, 2.0], [0.0, 2.0, 0.0], [0.0, 0.0, 1.0]]
    """
    rotate, shear_x, shear_y = np.deg2rad([-rotate_deg, shear_x_deg, shear_y_deg])
    cx, cy = center_px
    steps = [
        [[1, 0, -cx], [0, 1, -cy], [0, 0, 1]],
        [[np.cos(rotate), np.sin(rotate), 0], [-np.sin(rotate), np.cos(rotate), 0], [0, 0, 1]],
        [[1, np.tanh(shear_x), 0], [np.tanh(shear_y), 1, 0], [0, 0, 1]],
        [[max(scale_x, 0.0001), 0, 0], [0, max(scale_y, 0.0001), 0], [0, 0, 1]],
        [[1, 0, translate_x_px], [0, 1, translate_y_px], [0, 0, 1]],
        [[1, 0, cx], [0, 1, cy], [0, 0, 1]],
    ]
    matrix = np.eye(3, dtype=np.float32)
    for step in steps:
        matrix = np.array(step, dtype=np.float32) @ matrix
    return matrix.astype(np.float64)


def warp_matrix(image: np.ndarray, matrix: np.ndarray, fillcolor: Any = None) -> np.ndarray:
    """Warp *image* by an input-to-output 3x3 *matrix* with Pillow (nearest neighbour).

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C) with C in {1, 3, 4}, dtype uint8
    matrix : ndarray of shape (3, 3)
        Affine, in Pillow's coordinates.
    fillcolor : None or int or tuple of int, optional
        Value of pixels from outside the image (None: 0; an int fills the first
        channel only, as Pillow does).

    Returns
    -------
    ndarray
        A new array of the image's shape.

    Examples
    --------
    >>> import numpy as np
    >>> shift = np.array([[1.0, 0, 1], [0, 1, 0], [0, 0, 1]])
    >>> warp_matrix(np.array([[1, 2, 3]], dtype=np.uint8), shift).tolist()
    [[0, 1, 2]]
    """
    inverse = np.linalg.inv(np.asarray(matrix, dtype=np.float32))
    coeffs = tuple(float(v) for v in inverse[:2].ravel())
    return _via_pil(image, "warp_affine", lambda pil: pil.transform(
        pil.size, PIL.Image.Transform.AFFINE, coeffs, fillcolor=fillcolor))


def warp_affine(image: np.ndarray, scale_x: float = 1.0, scale_y: float = 1.0,
                translate_x_px: float = 0, translate_y_px: float = 0, rotate_deg: float = 0,
                shear_x_deg: float = 0, shear_y_deg: float = 0, fillcolor: Any = None,
                center: tuple[float, float] = (0.5, 0.5)) -> np.ndarray:
    """Apply an affine transform as :meth:`PIL.Image.Image.transform` (``AFFINE``) does.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C) with C in {1, 3, 4}, dtype uint8
    scale_x, scale_y : float, optional
        Zoom per axis (1.0: unchanged).
    translate_x_px, translate_y_px : float, optional
        Translation in pixels (positive: right, down).
    rotate_deg : float, optional
        Rotation in degrees around *center*, clockwise on screen.
    shear_x_deg, shear_y_deg : float, optional
        Shear in degrees around *center*.
    fillcolor : None or int or tuple of int, optional
        Value of new pixels (None: 0; an int fills only the first channel, as Pillow).
    center : tuple of (float, float), optional
        Centre of the transform relative to the image size ((0, 0): top left,
        (0.5, 0.5): centre, the default).

    Returns
    -------
    ndarray
        A new array of the image's shape (nearest-neighbour sampling).

    Examples
    --------
    >>> import numpy as np
    >>> warp_affine(np.array([[1, 2, 3]], dtype=np.uint8), translate_x_px=-1).tolist()
    [[2, 3, 0]]
    """
    image = _check_uint8(image, "warp_affine")
    height, width = image.shape[:2]
    matrix = affine_matrix(scale_x, scale_y, translate_x_px, translate_y_px, rotate_deg,
                           shear_x_deg, shear_y_deg,
                           (width * center[0], height * center[1]))
    return warp_matrix(image, matrix, fillcolor)


__all__ = [
    "affine_matrix",
    "autocontrast",
    "blend_table",
    "enhance_brightness",
    "enhance_color",
    "enhance_contrast",
    "enhance_sharpness",
    "equalize",
    "equalize_",
    "filter_blur",
    "filter_contour",
    "filter_detail",
    "filter_edge_enhance",
    "filter_edge_enhance_more",
    "filter_emboss",
    "filter_find_edges",
    "filter_sharpen",
    "filter_smooth",
    "filter_smooth_more",
    "posterize",
    "posterize_",
    "posterize_table",
    "solarize",
    "solarize_",
    "solarize_table",
    "warp_affine",
    "warp_matrix",
]
