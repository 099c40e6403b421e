"""Drawing shared by every augmentable: masks painted with OpenCV, then alpha-blended.

Every ``draw_on_image`` builds a single-channel coverage mask (0..255) of what it draws
(points, polylines, filled polygons) and blends one colour into the image where the mask
is set. Antialiased lines simply give fractional coverage.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from augkit.errors import InputError, ParameterError, describe

#: Coordinates are clipped to this range before drawing so OpenCV's fixed-point maths
#: cannot overflow; such far-away points are outside any image anyway.
_DRAW_LIMIT = 1.0e5
_SHIFT = 4  # sub-pixel bits for cv2 drawing


def prepare_canvas(image: Any, copy: bool, argname: str = "image") -> tuple[np.ndarray, Any]:
    """Validate *image* and return ``(canvas, result)``.

    *canvas* is a 3-D ``(H, W, C)`` array to draw on (a copy when *copy*, else a view of
    *image*); *result* is what ``draw_on_image`` returns (the canvas, or a 2-D view of it
    when *image* was 2-D).
    """
    from augkit.augmentables.images import check_image

    canvas = check_image(image, argname)
    if copy:
        canvas = canvas.copy()
    elif not canvas.flags.writeable:
        raise InputError(f"{argname}: cannot draw in place on a read-only array; use copy=True")
    result = canvas[:, :, 0] if image.ndim == 2 else canvas
    return canvas, result


def normalize_color(color: Any, nb_channels: int, argname: str = "color") -> np.ndarray:
    """Return *color* as a float64 array of *nb_channels* values.

    A number is used for every channel; an RGB triple on a one-channel image becomes its
    mean; a triple on a four-channel image gets a fully opaque fourth value (255).
    """
    try:
        arr = np.array(color, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        raise ParameterError(
            f"{argname}: expected a number or a sequence of channel values, got {describe(color)}"
        ) from None
    if arr.size == 0 or not np.isfinite(arr).all():
        raise ParameterError(
            f"{argname}: expected a number or a sequence of channel values, got {describe(color)}"
        )
    if arr.size == nb_channels:
        return arr
    if arr.size == 1:
        return np.repeat(arr, nb_channels)
    if nb_channels == 1:
        return np.array([arr.mean()])
    if arr.size == 3 and nb_channels == 4:
        return np.append(arr, 255.0)
    raise ParameterError(
        f"{argname}: got {arr.size} channel values {describe(color)} for an image with "
        f"{nb_channels} channels"
    )


def check_alpha(alpha: Any, argname: str = "alpha") -> float:
    """Validate an opacity in [0, 1]."""
    try:
        value = float(alpha)
    except (TypeError, ValueError):
        raise ParameterError(
            f"{argname}: expected a number in [0, 1], got {describe(alpha)}"
        ) from None
    if not 0.0 <= value <= 1.0:
        raise ParameterError(f"{argname}: expected a number in [0, 1], got {describe(alpha)}")
    return value


def check_size(size: Any, argname: str = "size") -> int:
    """Validate a drawing size (a positive int)."""
    if isinstance(size, (bool, np.bool_)) or not isinstance(size, (int, np.integer, float)):
        raise ParameterError(f"{argname}: expected a positive int, got {describe(size)}")
    value = int(round(float(size)))
    if value < 1:
        raise ParameterError(f"{argname}: expected a positive int, got {describe(size)}")
    return value


def cast_to(values: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Convert float *values* to *dtype*, rounding and clipping integer results."""
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return np.clip(np.round(values), info.min, info.max).astype(dtype)
    if dtype.kind == "b":
        return values > 0.5
    return values.astype(dtype)


def blend(canvas: np.ndarray, mask: np.ndarray, color: Any, alpha: float) -> None:
    """Blend *color* into *canvas* in place, weighted by ``alpha * mask / 255``."""
    if alpha <= 0.0:
        return
    ys, xs = np.nonzero(mask)
    if ys.size == 0:
        return
    rgb = normalize_color(color, canvas.shape[2])
    weight = mask[ys, xs].astype(np.float64)[:, None] * (alpha / 255.0)
    pixels = canvas[ys, xs].astype(np.float64)
    canvas[ys, xs] = cast_to(pixels + weight * (rgb - pixels), canvas.dtype)


def _fixed_point(xy: np.ndarray) -> np.ndarray:
    """Return *xy* as int32 fixed-point coordinates for cv2 drawing with ``shift``."""
    clipped = np.clip(np.asarray(xy, dtype=np.float64), -_DRAW_LIMIT, _DRAW_LIMIT)
    return np.round(clipped * (1 << _SHIFT)).astype(np.int32)


def points_mask(hw: tuple[int, int], xy: np.ndarray, size: int) -> np.ndarray:
    """Return a mask with a ``size x size`` square around each rounded point of *xy*."""
    height, width = hw
    mask = np.zeros((height, width), dtype=np.uint8)
    if len(xy) == 0:
        return mask
    centers = np.round(np.clip(xy, -_DRAW_LIMIT, _DRAW_LIMIT)).astype(np.int64)
    offsets = np.arange(size) - (size - 1) // 2
    dx, dy = np.meshgrid(offsets, offsets)
    xs = (centers[:, 0:1] + dx.reshape(1, -1)).reshape(-1)
    ys = (centers[:, 1:2] + dy.reshape(1, -1)).reshape(-1)
    keep = (xs >= 0) & (xs < width) & (ys >= 0) & (ys < height)
    mask[ys[keep], xs[keep]] = 255
    return mask


def polylines_mask(
    hw: tuple[int, int],
    lines: Sequence[np.ndarray],
    closed: bool,
    thickness: int,
    antialiased: bool = False,
) -> np.ndarray:
    """Return a mask of the polylines *lines* (each an ``(M, 2)`` array) drawn with cv2."""
    import cv2

    mask = np.zeros(hw, dtype=np.uint8)
    pts = [_fixed_point(line).reshape(-1, 1, 2) for line in lines if len(line) >= 2]
    if pts:
        line_type = cv2.LINE_AA if antialiased else cv2.LINE_8
        cv2.polylines(mask, pts, closed, 255, thickness, line_type, _SHIFT)
    singles = [line for line in lines if len(line) == 1]
    if singles:  # a one-point line is drawn as a dot of the line's thickness
        mask = np.maximum(mask, points_mask(hw, np.concatenate(singles), thickness))
    return mask


def fill_mask(hw: tuple[int, int], polygons: Sequence[np.ndarray]) -> np.ndarray:
    """Return a mask of the filled polygons *polygons* (each an ``(M, 2)`` array)."""
    import cv2

    mask = np.zeros(hw, dtype=np.uint8)
    pts = [_fixed_point(poly).reshape(-1, 1, 2) for poly in polygons if len(poly) >= 3]
    for poly in pts:  # one call per polygon so overlapping polygons do not cancel out
        cv2.fillPoly(mask, [poly], 255, cv2.LINE_8, _SHIFT)
    return mask


def put_label(
    canvas: np.ndarray,
    text: str,
    rect: tuple[int, int, int, int],
    color_bg: Any,
    color_text: Any = None,
    alpha: float = 1.0,
    size_text: int = 20,
) -> None:
    """Draw *text* on a filled rectangle ``rect = (x1, y1, x2, y2)`` (end-exclusive) in place.

    The rectangle is clipped to the image. The text starts 2 pixels from the rectangle's
    top-left corner and is about *size_text* pixels tall; without *color_text* it is black
    or white, whichever contrasts more with *color_bg* (imgaug's rule).
    """
    import cv2

    height, width = canvas.shape[:2]
    x1, y1, x2, y2 = (int(v) for v in rect)
    x1, x2 = max(x1, 0), min(x2, width)
    y1, y2 = max(y1, 0), min(y2, height)
    if x2 <= x1 or y2 <= y1:
        return
    background = normalize_color(color_bg, canvas.shape[2], "color_bg")
    if color_text is None:
        rgb = np.resize(background, 3)
        gray = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]
        color_text = (0.0 if gray > 128 else 255.0,) * canvas.shape[2]
    mask = np.zeros((height, width), dtype=np.uint8)
    mask[y1:y2, x1:x2] = 255
    blend(canvas, mask, background, alpha)
    font, thick = cv2.FONT_HERSHEY_SIMPLEX, 1
    scale = cv2.getFontScaleFromHeight(font, max(int(size_text), 1), thick)
    (_, th), _ = cv2.getTextSize(text, font, scale, thick)
    inside = np.zeros((y2 - y1, x2 - x1), dtype=np.uint8)
    cv2.putText(inside, text, (2, 2 + th), font, scale, 255, thick, cv2.LINE_AA)
    text_mask = np.zeros((height, width), dtype=np.uint8)
    text_mask[y1:y2, x1:x2] = inside
    blend(canvas, text_mask, normalize_color(color_text, canvas.shape[2], "color_text"), alpha)
