"""What the geometric family's augmenters share: their base (with the docstring blocks
of their shared parameters) and the handling of those parameters.

A docstring line ``<name>`` is replaced by the block *name* of
:attr:`GeometricFamilyAugmenter.doc_blocks` when the class is defined, and
``<supported data>`` by the line built from the class attributes.
"""

from __future__ import annotations

import numbers
from typing import Any, ClassVar

import numpy as np

from augkit import ALL
from augkit import parameters as iap
from augkit.extend import (
    PAD_MODES,
    GeometricAugmenter,
    ParameterError,
    ParameterTypeError,
    describe,
)

#: Pad modes of the size augmenters, sorted (the order ``augkit.ALL`` draws them in).
PAD_MODE_NAMES = tuple(sorted(PAD_MODES))

_WARP_DTYPES = """\
==========================  ==================================================
image dtype                 how it is resampled
==========================  ==================================================
uint8, uint16, int16,       natively by OpenCV (float64 cubic: as two float32
float32, float64            passes, exact to ~1e-15)
bool                        as float32 0/1, then ``>= 0.5``
int8, float16               as int16 / float32, exact
uint32, int32               as float64, exact
int64, uint64               as float64: values beyond 2**53 lose low bits
==========================  ==================================================

Nearest-neighbour interpolation (``order=0``) copies the values of every dtype
exactly, int64 included."""

_PAD_POSITION = """\
position : {'uniform', 'normal', 'center', 'left-top', 'left-center', 'left-bottom', \
'center-top', 'center-center', 'center-bottom', 'right-top', 'right-center', \
'right-bottom'} or tuple of (float or StochasticParameter) or StochasticParameter, optional
    Where the image ends up, as ``(x, y)`` fractions: a fraction ``1 - x`` of the
    horizontal padding goes to the left, ``x`` to the right (likewise top and bottom
    with ``y``). ``'uniform'`` draws x and y uniformly in [0, 1], ``'normal'`` around
    0.5; a StochasticParameter draws ``(N, 2)`` arrays."""

_CROP_POSITION = """\
position : str or tuple of (float or StochasticParameter) or StochasticParameter, optional
    Where the crop window sits, as ``(x, y)`` fractions (the names and forms of the
    padding augmenters' *position*): a fraction ``1 - x`` of the horizontal crop is
    taken from the left, ``x`` from the right (likewise top and bottom with ``y``), so
    ``'left-top'`` keeps the bottom-right corner; ``'uniform'`` is a random crop."""


class GeometricFamilyAugmenter(GeometricAugmenter, abstract=True):
    """Base of the geometric family's augmenters: the docstring blocks they share."""

    doc_blocks: ClassVar[dict[str, str]] = {
        "seed and name": """\
            seed, name, deterministic, random_state
                See :class:`augkit.Augmenter`.""",
        "affine options": """\
            order, cval, mode, fit_output, backend
                See :class:`Affine`.
            seed, name, deterministic, random_state
                See :class:`augkit.Augmenter`.""",
        "warp cval": """\
            cval : number or tuple of (number, number) or list or augkit.ALL or \
StochasticParameter, optional
                Fill value of ``mode='constant'``, drawn per image and channel (a tuple
                gives random colours); ``augkit.ALL`` is ``(0, 255)``.""",
        "field order": """\
            order : int or list of int or augkit.ALL or StochasticParameter, optional
                Interpolation of image pixels: 0 nearest, 1 linear, 3 cubic; 2 is done as
                cubic and 4, 5 as Lanczos-4 (OpenCV has no higher-order splines).
                Heatmaps are always linear, segmentation maps nearest.""",
        "field cval": """\
            cval : number or tuple of (number, number) or list or augkit.ALL or \
StochasticParameter, optional
                Fill value of pixels read from outside the image with
                ``mode='constant'``, drawn per image; ``augkit.ALL`` draws from
                ``[0, 255]``.""",
        "polygon_recoverer": """\
            polygon_recoverer : 'auto' or None, optional
                Accepted for imgaug compatibility; augkit's polygons kind repairs the
                polygons a transform makes invalid, always.""",
        "warp dtypes": _WARP_DTYPES,
        "pad_mode": """\
            pad_mode : str or list of str or augkit.ALL or StochasticParameter, optional
                One of ``constant, edge, linear_ramp, maximum, mean, median, minimum,
                reflect, symmetric, wrap`` (see :func:`numpy.pad`); a list picks one per
                image, ``augkit.ALL`` any of them.""",
        "pad_cval": """\
            pad_cval : number or tuple of (number, number) or list of number or \
StochasticParameter, optional
                Fill value of ``constant`` (end value of ``linear_ramp``) padding, drawn
                per image; clipped to the image dtype.""",
        "keep_size": """\
            keep_size : bool, optional
                Resize the result back to the input size (images: cubic; heatmaps:
                linear; segmentation maps: nearest).""",
        "sample_independently": """\
            sample_independently : bool, optional
                If False and a single value is given, draw one amount per image and use
                it for all four sides.""",
        "pad position": _PAD_POSITION,
        "crop position": _CROP_POSITION,
        "aspect_ratio": """\
            aspect_ratio : float
                Target ``width / height`` (> 0).""",
        "multiples": """\
            width_multiple, height_multiple : int or None
                The multiples (>= 1); None leaves that axis alone.""",
        "bases": """\
            width_base, height_base : int or None
                The bases (>= 2); None leaves that axis alone.""",
    }


# ---------------------------------------------------------------------- shared arguments
def check_flag(value: Any, name: str) -> bool:
    """Return a bool argument as a bool.

    Raises
    ------
    augkit.ParameterTypeError
        Naming *name*, for anything but True or False.

    Examples
    --------
    >>> check_flag(np.True_, "keep_size")
    True
    """
    if not isinstance(value, (bool, np.bool_)):
        raise ParameterTypeError(f"{name}: expected True or False, got {describe(value)}")
    return bool(value)


def handle_cval(value: Any, name: str = "cval") -> iap.StochasticParameter:
    """Turn a warp's ``cval`` into a parameter; ``augkit.ALL`` is uniform in [0, 255].

    Examples
    --------
    >>> handle_cval("ALL")
    Uniform(a=0.0, b=255.0)
    """
    if isinstance(value, str) and value == ALL:
        return iap.Uniform(0, 255)
    return iap.handle_continuous_param(value, name)


def cv2_constant(value: Any, names: dict[str, int], name: str) -> int:
    """Turn a drawn OpenCV constant or its name into the int.

    A choice of ints and names comes out of numpy as strings (``'1'``), hence the
    digits case.

    Raises
    ------
    augkit.ParameterError
        Naming *name*, for a string that is neither a key of *names* nor an int.

    Examples
    --------
    >>> cv2_constant("replicate", {"replicate": 1}, "mode"), cv2_constant("4", {}, "mode")
    (1, 4)
    """
    if isinstance(value, str):
        if value in names:
            return names[value]
        if value.lstrip("-").isdigit():
            return int(value)
        raise ParameterError(f"{name}: drew {value!r}, expected one of {sorted(names)}")
    return int(value)


def handle_polygon_recoverer(value: Any) -> Any:
    """Accept imgaug's ``polygon_recoverer`` values ('auto' or None).

    Examples
    --------
    >>> handle_polygon_recoverer("auto")
    'auto'
    """
    if value is None or (isinstance(value, str) and value == "auto"):
        return value
    raise ParameterError(
        f"polygon_recoverer: expected 'auto' or None, got {describe(value)} (augkit repairs "
        "invalid polygons in the polygons kind itself)"
    )


# ---------------------------------------------------------------------- positions
#: Named positions: fraction of the padding/cropping put on the left and top sides is
#: ``1 - x`` and ``1 - y``.
POSITIONS: dict[str, tuple[float, float]] = {
    "center": (0.5, 0.5),
    "left-top": (0.0, 0.0), "left-center": (0.0, 0.5), "left-bottom": (0.0, 1.0),
    "center-top": (0.5, 0.0), "center-center": (0.5, 0.5), "center-bottom": (0.5, 1.0),
    "right-top": (1.0, 0.0), "right-center": (1.0, 0.5), "right-bottom": (1.0, 1.0),
}


def handle_position(value: Any, name: str = "position") -> Any:
    """Turn a ``position`` argument into ``(param_x, param_y)`` or one (N, 2) parameter.

    Accepted: ``'uniform'``, ``'normal'``, a name in :data:`POSITIONS`, a tuple
    ``(x, y)`` of numbers in [0, 1] or StochasticParameters, or one
    StochasticParameter that draws ``(N, 2)`` arrays.

    Examples
    --------
    >>> handle_position("left-top")
    (Deterministic(value=0.0), Deterministic(value=0.0))
    """
    if isinstance(value, iap.StochasticParameter):
        return value
    accepted = ("'uniform', 'normal', one of " + ", ".join(repr(p) for p in POSITIONS)
                + ", a tuple (x, y) of numbers in [0, 1] or StochasticParameters, or a "
                "StochasticParameter")
    if isinstance(value, str):
        if value == "uniform":
            return (iap.Uniform(0.0, 1.0), iap.Uniform(0.0, 1.0))
        if value == "normal":
            return (iap.Clip(iap.Normal(0.5, 0.45 / 2), 0.0, 1.0),
                    iap.Clip(iap.Normal(0.5, 0.45 / 2), 0.0, 1.0))
        if value in POSITIONS:
            x, y = POSITIONS[value]
            return (iap.Deterministic(x), iap.Deterministic(y))
        raise ParameterError(f"{name}: expected {accepted}, got {describe(value)}")
    if isinstance(value, tuple) and len(value) == 2:
        out = []
        for item in value:
            if isinstance(item, iap.StochasticParameter):
                out.append(item)
            elif (isinstance(item, numbers.Real) and not isinstance(item, bool)
                  and 0.0 <= item <= 1.0):
                out.append(iap.Deterministic(float(item)))
            else:
                raise ParameterError(f"{name}: expected {accepted}, got {describe(value)}")
        return tuple(out)
    raise ParameterTypeError(f"{name}: expected {accepted}, got {describe(value)}")


def draw_one(param: iap.StochasticParameter, rng: np.random.Generator) -> Any:
    """One value of *param* for a one-row call: ``iap.draw(param, 1, rng)[0]``, with a
    fixed value returned as it is (no array; a Deterministic draws nothing from *rng*).

    Examples
    --------
    >>> draw_one(iap.Deterministic("edge"), np.random.default_rng(0))
    'edge'
    """
    if type(param) is iap.Deterministic:
        return param.value
    return iap.draw(param, 1, rng)[0]


def draw_position_one(position: Any, rng: np.random.Generator) -> tuple[float, float]:
    """:func:`draw_positions` for one row, as Python floats (the same draws)."""
    if isinstance(position, tuple):
        x = float(iap.draw(position[0], 1, rng)[0])
        y = float(iap.draw(position[1], 1, rng)[0])
    else:
        both = np.asarray(position.draw_samples((1, 2), random_state=rng), dtype=np.float64)
        x, y = float(both[0, 0]), float(both[0, 1])
    # min/max like np.clip, NaN included (np.clip keeps NaN; so does this order)
    return (x if 0.0 <= x <= 1.0 else (0.0 if x < 0.0 else 1.0 if x > 1.0 else x),
            y if 0.0 <= y <= 1.0 else (0.0 if y < 0.0 else 1.0 if y > 1.0 else y))


def draw_positions(position: Any, n: int, rng: np.random.Generator
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Draw ``(xs, ys)`` fractions in [0, 1] for *n* rows from a handled position."""
    if isinstance(position, tuple):
        xs = iap.draw(position[0], n, rng)
        ys = iap.draw(position[1], n, rng)
    else:
        both = np.asarray(position.draw_samples((n, 2), random_state=rng))
        xs, ys = both[:, 0], both[:, 1]
    return (np.clip(xs.astype(np.float64), 0.0, 1.0), np.clip(ys.astype(np.float64), 0.0, 1.0))


def distribute(total: int, fraction: float) -> tuple[int, int]:
    """Split *total* pixels over two sides: ``first = int((1 - fraction) * total)``.

    A fraction of 0 puts everything on the first side (top/left), 1 on the second
    (bottom/right), 0.5 splits evenly with the odd pixel on the second side (imgaug's
    ``position`` semantics).

    Examples
    --------
    >>> distribute(5, 0.5)
    (2, 3)
    """
    first = int((1.0 - fraction) * total + 1e-9)
    if not 0 <= first <= total:  # a fraction outside [0, 1]: the nearer end
        first = 0 if first < 0 else total
    return first, total - first


def distribute_rows(totals: np.ndarray, fractions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`distribute` of many rows at once: int64 arrays ``(first, second)``.

    The same float64 arithmetic, truncated toward zero as ``int`` does.

    Examples
    --------
    >>> first, second = distribute_rows(np.array([5, 4]), np.array([0.5, 1.0]))
    >>> first.tolist(), second.tolist()
    ([2, 0], [3, 4])
    """
    totals = np.asarray(totals, dtype=np.int64)
    first = np.trunc((1.0 - np.asarray(fractions, dtype=np.float64)) * totals + 1e-9)
    if np.isnan(first).any():
        raise ValueError("position: a drawn fraction is NaN (as int() refuses it)")
    first = np.clip(first, 0, totals).astype(np.int64)
    return first, totals - first
