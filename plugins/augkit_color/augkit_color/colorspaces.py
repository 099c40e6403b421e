"""Colour space names and conversions between them, through one table of cv2 codes.

Names follow imgaug: ``RGB``, ``BGR``, ``GRAY``, ``CIE`` (CIE XYZ; ``XYZ`` is accepted
too), ``YCrCb``, ``HSV``, ``HLS``, ``Lab``, ``Luv``, ``YUV``. Images are ``(H, W, 3)``
or ``(H, W, 4)`` (the 4th channel is alpha and is carried over untouched), uint8 or
float32 (cv2's float conventions: RGB in ``[0, 1]``, HSV/HLS hue in degrees, Lab's L in
``[0, 100]``...). uint8 HSV/HLS hue is OpenCV's ``[0, 180)``.

Examples
--------
>>> import numpy as np
>>> red = np.array([[[255, 0, 0]]], dtype=np.uint8)
>>> convert(red, "HSV", "RGB").tolist()
[[[0, 255, 255]]]
>>> convert(convert(red, "BGR", "RGB"), "RGB", "BGR").tolist()
[[[255, 0, 0]]]
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from augkit import InputError, ParameterError
from augkit import parameters as iap

RGB = "RGB"
BGR = "BGR"
GRAY = "GRAY"
CIE = "CIE"
YCrCb = "YCrCb"
HSV = "HSV"
HLS = "HLS"
Lab = "Lab"
Luv = "Luv"
YUV = "YUV"

#: Every colour space name augkit accepts (imgaug's set).
COLORSPACES = (RGB, BGR, GRAY, CIE, YCrCb, HSV, HLS, Lab, Luv, YUV)
_ALIASES = {"XYZ": CIE}
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

#: Index of the brightness / intensity channel in each colour space.
INTENSITY_CHANNEL = {YCrCb: 0, YUV: 0, Lab: 0, Luv: 0, HSV: 2, HLS: 1}


def check_colorspace(value: Any, name: str, allowed: tuple[str, ...] = COLORSPACES) -> str:
    """Return the canonical name of colour space *value*, or raise naming *name*."""
    if isinstance(value, str):
        value = _ALIASES.get(value, value)
        if value in allowed:
            return value
    listed = ", ".join(repr(c) for c in allowed)
    raise ParameterError(f"{name}: expected one of {{{listed}}}, got {value!r}")


def colorspace_param(value: Any, name: str,
                     allowed: tuple[str, ...] = COLORSPACES) -> iap.StochasticParameter:
    """Turn a colour space argument (a name, a list of names or a parameter) into a
    parameter that draws names; raise naming *name* on anything else."""
    if isinstance(value, iap.StochasticParameter):
        return value
    if isinstance(value, (list, tuple)) and value:
        return iap.Choice([check_colorspace(v, name, allowed) for v in value])
    return iap.Deterministic(check_colorspace(value, name, allowed))


def draw_colorspaces(param: iap.StochasticParameter, nb_rows: int, rng: np.random.Generator,
                     name: str, allowed: tuple[str, ...] = COLORSPACES) -> list[str]:
    """Draw one colour space name per row and check each."""
    drawn = param.draw_samples(nb_rows, random_state=rng)
    return [check_colorspace(str(v), name, allowed) for v in np.asarray(drawn).ravel()]


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
    """Return the first three channels (contiguous) and the alpha channel (or None)."""
    if image.shape[2] == 3:
        return np.ascontiguousarray(image), None
    return np.ascontiguousarray(image[:, :, :3]), np.ascontiguousarray(image[:, :, 3])


def join_alpha(color: np.ndarray, alpha: np.ndarray | None) -> np.ndarray:
    """Stack *alpha* (if any) back onto a 3-channel image."""
    if alpha is None:
        return color
    if color.dtype == alpha.dtype:
        return cv2.merge([*cv2.split(color), alpha])
    return np.concatenate([color, alpha[:, :, None].astype(color.dtype)], axis=2)


def require_color(image: np.ndarray, augmenter: str, allow_gray: bool = False) -> None:
    """Raise InputError naming *augmenter* unless *image* has 3 or 4 (or 1) channels."""
    channels = image.shape[2]
    if channels in (3, 4) or (allow_gray and channels == 1):
        return
    accepted = "1 (gray), 3 or 4 (colour + alpha)" if allow_gray else "3 or 4 (colour + alpha)"
    raise InputError(
        f"{augmenter}: needs images with {accepted} channels, got an image of shape "
        f"{image.shape} with {channels} channel{'s' if channels != 1 else ''}"
    )


def convert(image: np.ndarray, to_space: str, from_space: str = RGB) -> np.ndarray:
    """Return *image* converted from *from_space* to *to_space*.

    Parameters
    ----------
    image : ndarray of shape (H, W, 3) or (H, W, 4), dtype uint8 or float32
        A 4th channel is alpha and is copied over untouched.
    to_space, from_space : str
        Names from :data:`COLORSPACES`. ``GRAY`` results have 3 identical channels;
        a ``GRAY`` source reads the first channel.

    Returns
    -------
    ndarray of the same shape and dtype, C-contiguous.
    """
    if image.ndim != 3 or image.shape[2] not in (3, 4):
        raise InputError(f"convert: needs an (H, W, 3) or (H, W, 4) image, got shape "
                         f"{image.shape}")
    if image.dtype not in (np.uint8, np.float32):
        raise InputError(f"convert: needs dtype uint8 or float32, got {image.dtype}")
    color, alpha = split_alpha(image)
    return join_alpha(_convert3(color, to_space, from_space), alpha)


def to_gray(image: np.ndarray, from_space: str = RGB) -> np.ndarray:
    """Return the ``(H, W)`` luma (cv2's GRAY) of a 3- or 4-channel image."""
    color = np.ascontiguousarray(image[:, :, :3])
    if from_space == RGB:
        return cv2.cvtColor(color, cv2.COLOR_RGB2GRAY)
    if from_space == BGR:
        return cv2.cvtColor(color, cv2.COLOR_BGR2GRAY)
    if from_space == GRAY:
        return np.ascontiguousarray(color[:, :, 0])
    return cv2.cvtColor(_convert3(color, RGB, from_space), cv2.COLOR_RGB2GRAY)


__all__ = ["COLORSPACES", "CV2_CODES", "INTENSITY_CHANNEL", "check_colorspace",
           "colorspace_param", "convert", "draw_colorspaces", "join_alpha",
           "require_color", "split_alpha", "to_gray"]
