"""imgaug's top-level image helpers: lookup tables, text, line geometry, paddings.

Examples
--------
>>> import numpy as np
>>> apply_lut(np.array([[0, 1]], dtype=np.uint8), 255 - np.arange(256, dtype=np.uint8))
array([[255, 254]], dtype=uint8)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import pixels
from augkit.deprecation import warn_deprecated
from augkit.errors import InputError, describe
from augkit.imgutils import compute_paddings_to_reach_aspect_ratio


def _channel_tables(table: Any, nb_channels: int) -> np.ndarray:
    """imgaug's table forms as augkit's: ``(256,)`` or one row per channel ``(C, 256)``."""
    if isinstance(table, list):
        if len(table) != nb_channels:
            raise InputError(
                f"table: a list needs one (256,) table per channel ({nb_channels}), got "
                f"{len(table)}")
        table = np.stack(table, axis=-1)
    table = np.asarray(table)
    if table.dtype != np.uint8:
        raise InputError(f"table: expected dtype uint8, got {table.dtype}")
    if table.shape == (1, 256, nb_channels):
        table = table[0]
    if table.shape == (256,):
        return table
    if table.shape == (256, nb_channels):
        return table[:, 0] if nb_channels == 1 else np.ascontiguousarray(table.T)
    raise InputError(
        f"table: expected shape (256,), (256, {nb_channels}) or (1, 256, {nb_channels}), "
        f"or a list of {nb_channels} (256,) tables, got {describe(table)}")


def _lookup(image: Any, table: Any) -> np.ndarray:
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3):
        raise InputError(f"image: expected an (H, W) or (H, W, C) array, got {describe(image)}")
    if image.dtype != np.uint8:
        raise InputError(f"image: apply_lut needs dtype uint8, got {image.dtype}")
    nb_channels = image.shape[2] if image.ndim == 3 else 1
    tables = _channel_tables(table, nb_channels)
    if image.size == 0:
        return image.copy()
    return pixels.apply_lut(image, tables)


def apply_lut(image: np.ndarray, table: Any) -> np.ndarray:
    """Map each value of a uint8 image through a lookup table; return a new array.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C), dtype uint8
    table : ndarray or list of ndarray, dtype uint8
        One table for every channel, shape ``(256,)``; or one per channel: shape
        ``(256, C)`` or ``(1, 256, C)``, or a list of C ``(256,)`` tables.

    Returns
    -------
    ndarray
        Same shape and dtype as *image*.

    Examples
    --------
    >>> img = np.array([[[0, 0]]], dtype=np.uint8)
    >>> tables = np.stack([np.full(256, 7, np.uint8), np.full(256, 9, np.uint8)], axis=-1)
    >>> apply_lut(img, tables).tolist()
    [[[7, 9]]]
    """
    return _lookup(image, table)


def apply_lut_(image: np.ndarray, table: Any) -> np.ndarray:
    """:func:`apply_lut` writing the result into *image*; returns *image*.

    Examples
    --------
    >>> img = np.array([[3]], dtype=np.uint8)
    >>> apply_lut_(img, np.arange(256, dtype=np.uint8)[::-1]) is img, img.tolist()
    (True, [[252]])
    """
    result = _lookup(image, table)
    image[...] = result
    return image


def draw_text(img: np.ndarray, y: int, x: int, text: str,
              color: Any = (0, 255, 0), size: int = 25) -> np.ndarray:
    """Return a copy of an RGB image with *text* written at ``(x, y)`` (its top left).

    Uses Pillow's built-in scalable font (imgaug bundled DejaVuSans, so glyph shapes
    differ slightly).

    Parameters
    ----------
    img : ndarray of shape (H, W, 3), dtype uint8 or float32
        float32 images are written as uint8 values and returned as float32.
    y, x : int
        Top-left corner of the text.
    text : str
    color : tuple of three int
    size : int
        Font size in pixels.

    Examples
    --------
    >>> out = draw_text(np.zeros((30, 60, 3), np.uint8), 2, 2, "Hi", color=(255, 0, 0))
    >>> out.shape, int(out[..., 0].max()), int(out[..., 1].max())
    ((30, 60, 3), 255, 0)
    """
    from PIL import Image, ImageDraw, ImageFont

    if not isinstance(img, np.ndarray) or img.dtype.name not in ("uint8", "float32"):
        raise InputError(f"img: expected a uint8 or float32 image, got {describe(img)}")
    input_dtype = img.dtype
    canvas = Image.fromarray(img.astype(np.uint8) if input_dtype != np.uint8 else img)
    try:
        font: Any = ImageFont.load_default(size=size)
    except TypeError:  # pragma: no cover - Pillow < 10.1 has only a fixed-size font
        font = ImageFont.load_default()
    ImageDraw.Draw(canvas).text((x, y), text, fill=tuple(int(c) for c in color), font=font)
    return np.array(canvas, dtype=input_dtype)


def compute_line_intersection_point(x1: float, y1: float, x2: float, y2: float, x3: float,
                                    y3: float, x4: float, y4: float) -> Any:
    """Return where the infinite lines through two point pairs cross, or False.

    The first line passes through ``(x1, y1)`` and ``(x2, y2)``, the second through
    ``(x3, y3)`` and ``(x4, y4)``.

    Returns
    -------
    tuple of float or False
        ``(x, y)``; False for parallel (or identical) lines.

    Examples
    --------
    >>> compute_line_intersection_point(0, 0, 2, 2, 0, 2, 2, 0)
    (1.0, 1.0)
    >>> compute_line_intersection_point(0, 0, 1, 0, 0, 1, 1, 1)
    False
    """
    dx1, dy1 = x2 - x1, y2 - y1
    dx2, dy2 = x4 - x3, y4 - y3
    denominator = dx1 * dy2 - dy1 * dx2
    if denominator == 0:
        return False
    t = ((x3 - x1) * dy2 - (y3 - y1) * dx2) / denominator
    return float(x1 + t * dx1), float(y1 + t * dy1)


def angle_between_vectors(v1: Any, v2: Any) -> float:
    """Return the angle between two vectors in radians, in ``[0, pi]``.

    A zero-length vector gives ``pi / 2`` (imgaug's behaviour: its unit vector is
    taken as zero).

    Examples
    --------
    >>> round(angle_between_vectors([1, 0, 0], [0, 1, 0]), 6)
    1.570796
    >>> angle_between_vectors([1, 0], [-2, 0]) == np.pi
    True
    """
    first, second = np.asarray(v1, dtype=np.float64), np.asarray(v2, dtype=np.float64)
    norm1, norm2 = np.linalg.norm(first), np.linalg.norm(second)
    unit1 = first / norm1 if norm1 > 0 else first * 0
    unit2 = second / norm2 if norm2 > 0 else second * 0
    return float(np.arccos(np.clip(np.dot(unit1, unit2), -1.0, 1.0)))


def compute_paddings_for_aspect_ratio(arr: Any, aspect_ratio: float) -> tuple[int, int, int, int]:
    """Deprecated imgaug name of :func:`augkit.imgutils.compute_paddings_to_reach_aspect_ratio`.

    Returns ``(top, right, bottom, left)`` paddings after which ``width / height``
    equals *aspect_ratio*.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     compute_paddings_for_aspect_ratio(np.zeros((2, 4)), 1.0)
    (1, 0, 1, 0)
    """
    warn_deprecated("compute_paddings_for_aspect_ratio() is deprecated; use "
                    "compute_paddings_to_reach_aspect_ratio() instead.")
    return compute_paddings_to_reach_aspect_ratio(arr, aspect_ratio)
