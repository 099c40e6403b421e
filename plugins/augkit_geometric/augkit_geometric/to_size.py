"""Pad or crop images to a size: a fixed size, an aspect ratio, a square, multiples of
values or powers of bases, with the image placed by a ``position`` (or centred).

=====================================  ==================================================
augmenters                             the size they reach
=====================================  ==================================================
:class:`PadToFixedSize`,               at least (pad) / at most (crop) a width and height
:class:`CropToFixedSize`
:class:`PadToAspectRatio`,             ``width / height == aspect_ratio``
:class:`CropToAspectRatio`
:class:`PadToSquare`,                  ``width == height``
:class:`CropToSquare`
:class:`PadToMultiplesOf`,             sides that are multiples of given values
:class:`CropToMultiplesOf`
:class:`PadToPowersOf`,                sides that are powers of given bases
:class:`CropToPowersOf`
``Center...`` of each of the above     the same, always centred
=====================================  ==================================================

They differ only in the function that computes the amounts from an image's shape.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, ClassVar

import numpy as np

from augkit import ParameterError, extend
from augkit import parameters as iap
from augkit.extend import describe
from augkit_geometric._bases import CropPadAugmenter, fixed_param, largest_shapes, make_params
from augkit_geometric._common import (
    PAD_MODE_NAMES,
    distribute,
    distribute_rows,
    draw_one,
    draw_position_one,
    draw_positions,
    handle_position,
)
from augkit_geometric._one_row import crop_params, one_row_params

_NONE = [0, 0, 0, 0]


def _memoised(compute):
    """*compute* (an ``augkit.extend.compute_*`` function: amounts from a shape and the
    augmenter's arguments, pure) remembering its results; it checks its arguments on
    every call, which costs more than the arithmetic."""
    return lru_cache(maxsize=512)(compute)


_crops_to_aspect_ratio = _memoised(extend.compute_croppings_to_reach_aspect_ratio)
_crops_to_multiples_of = _memoised(extend.compute_croppings_to_reach_multiples_of)
_crops_to_powers_of = _memoised(extend.compute_croppings_to_reach_powers_of)
_pads_to_aspect_ratio = _memoised(extend.compute_paddings_to_reach_aspect_ratio)
_pads_to_multiples_of = _memoised(extend.compute_paddings_to_reach_multiples_of)
_pads_to_powers_of = _memoised(extend.compute_paddings_to_reach_powers_of)


class _ToSize(CropPadAugmenter, abstract=True):
    """Shared base: amounts from the image shape, distributed by a ``position``.

    Subclasses set ``_crop`` (True: the amounts are crops, else pads) and implement
    ``_totals(shape) -> (total_y, total_x)``.
    """

    _crop: ClassVar[bool] = False
    fusable = True  # sample reads the row shapes only

    def _init_position(self, position: Any, pad_mode: Any = "constant",
                       pad_cval: Any = 0) -> None:
        self.position = handle_position(position)
        # the default 'uniform' pair: two plain rng.random() draws are the same values
        self._uniform_pair = self.position if position == "uniform" else None
        if not self._crop:
            self.pad_mode = iap.handle_choice_param(pad_mode, "pad_mode", PAD_MODE_NAMES)
            self.pad_cval = iap.handle_continuous_param(pad_cval, "pad_cval")

    def _totals(self, shape: tuple[int, ...]) -> tuple[int, int]:
        raise NotImplementedError

    def _amounts(self, shape: tuple[int, ...], x: float, y: float) -> list[int]:
        """``[top, right, bottom, left]`` of a row placed at the position ``(x, y)``."""
        total_y, total_x = self._totals(shape)
        left, right = distribute(total_x, x)
        top, bottom = distribute(total_y, y)
        return [top, right, bottom, left]

    def _amounts_of_rows(self, shapes: list[tuple[int, ...]], xs: np.ndarray,
                         ys: np.ndarray) -> np.ndarray:
        """:meth:`_amounts` of every row, as an ``(N, 4)`` int64 array (each shape's
        totals worked out once: an image array's rows share one)."""
        known: dict[tuple[int, ...], tuple[int, int]] = {}
        for shape in map(tuple, shapes):
            if shape not in known:
                known[shape] = self._totals(shape)
        totals = np.array([known[tuple(s)] for s in shapes], dtype=np.int64).reshape(-1, 2)
        left, right = distribute_rows(totals[:, 1], xs)
        top, bottom = distribute_rows(totals[:, 0], ys)
        return np.stack([top, right, bottom, left], axis=1)

    def _sampling_is_fixed(self) -> bool:
        position = self.position
        return (isinstance(position, tuple) and all(fixed_param(p) for p in position)
                and (self._crop or (fixed_param(self.pad_mode) and fixed_param(self.pad_cval))))

    def work_shapes(self, params, shapes):
        return shapes if self._crop else largest_shapes(params, shapes)

    def _sample_one(self, shape: tuple[int, ...], rng: np.random.Generator):
        """``_sample`` of one row: Python numbers, the same draws in the same order."""
        if self.position is self.__dict__.get("_uniform_pair"):
            x, y = rng.random(2).tolist()  # Uniform(0, 1) twice: 0 + 1 * next_double
        else:
            x, y = draw_position_one(self.position, rng)
        amounts = self._amounts(shape, x, y)
        if self._crop:
            return crop_params(amounts)  # the totals leave at least 1 pixel per axis
        if not any(amounts):
            return one_row_params(_NONE, _NONE, shape)
        mode, cval = str(draw_one(self.pad_mode, rng)), float(draw_one(self.pad_cval, rng))
        return one_row_params(_NONE, amounts, shape, mode, cval)

    def _sample(self, rows, rng):
        n = rows.nb_rows
        if n == 1:
            return self._sample_one(rows.shapes[0], rng)
        xs, ys = draw_positions(self.position, n, rng)
        amounts_arr = self._amounts_of_rows(rows.shapes, xs, ys)
        zeros = np.zeros((n, 4), dtype=np.int64)
        if self._crop or not amounts_arr.any():
            return make_params(amounts_arr if self._crop else zeros, zeros, rows.shapes)
        modes = iap.draw(self.pad_mode, n, rng)
        cvals = iap.draw(self.pad_cval, n, rng)
        return make_params(zeros, amounts_arr, rows.shapes, modes, cvals)


def _check_size(value: Any, name: str, minimum: int = 1) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ParameterError(f"{name}: expected None or an int >= {minimum}, got "
                             f"{describe(value)}")
    return int(value)


def _check_aspect_ratio(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) \
            or not np.isfinite(value) or value <= 0:
        raise ParameterError(f"aspect_ratio: expected a number > 0 (width / height), got "
                             f"{describe(value)}")
    return float(value)


def _axis_totals(amounts: tuple[int, int, int, int]) -> tuple[int, int]:
    top, right, bottom, left = amounts
    return top + bottom, left + right


# ---------------------------------------------------------------- fixed size
class PadToFixedSize(_ToSize):
    """Pad images smaller than a width and height up to it (larger ones stay as they are).

    Parameters
    ----------
    width, height : int or None
        Minimum width and height; None leaves that axis alone.
    <pad_mode>
    <pad_cval>
    <pad position>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> aug = PadToFixedSize(width=3, height=1, position="left-top", pad_cval=5)
    >>> aug(image=np.ones((1, 1), dtype=np.uint8)).tolist()
    [[5, 5, 1]]
    """

    # imgaug lists size[0], size[1]: the width and the height
    imgaug_parameters = ("width", "height", "pad_mode", "pad_cval", "position")
    examples = ({"width": 48, "height": 40}, {"width": 30, "height": None,
                                              "position": "center", "pad_mode": "edge"})

    def __init__(self, width: int | None, height: int | None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.width = _check_size(width, "width")
        self.height = _check_size(height, "height")
        self._init_position(position, pad_mode, pad_cval)

    @property
    def size(self) -> tuple[int | None, int | None]:
        """imgaug's ``size``: ``(width, height)``."""
        return self.width, self.height

    def _totals(self, shape):
        height, width = self.height, self.width
        return (0 if height is None or height <= shape[0] else height - shape[0],
                0 if width is None or width <= shape[1] else width - shape[1])


class CropToFixedSize(_ToSize):
    """Crop images larger than a width and height down to it (smaller ones stay).

    Parameters
    ----------
    width, height : int or None
        Maximum width and height; None leaves that axis alone.
    <crop position>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(9, dtype=np.uint8).reshape(3, 3)
    >>> CropToFixedSize(width=2, height=2, position="right-bottom")(image=img).tolist()
    [[0, 1], [3, 4]]
    """

    # imgaug lists size[0], size[1]: the width and the height
    imgaug_parameters = ("width", "height", "position")
    examples = ({"width": 20, "height": 16}, {"width": 10, "height": None,
                                              "position": "normal"})
    _crop = True

    size = PadToFixedSize.size

    def __init__(self, width: int | None, height: int | None, position: Any = "uniform",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.width = _check_size(width, "width")
        self.height = _check_size(height, "height")
        self._init_position(position)

    def _totals(self, shape):
        height, width = self.height, self.width
        return (0 if height is None or height >= shape[0] else shape[0] - height,
                0 if width is None or width >= shape[1] else shape[1] - width)


class CenterPadToFixedSize(PadToFixedSize):
    """Pad images up to a width and height, equally on both sides of each axis.

    :class:`PadToFixedSize` with ``position='center'`` (an odd pixel goes to the
    bottom/right).

    Parameters
    ----------
    width, height : int or None
        Minimum width and height; None leaves that axis alone.
    <pad_mode>
    <pad_cval>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> CenterPadToFixedSize(3, 1)(image=np.ones((1, 1), dtype=np.uint8)).tolist()
    [[0, 1, 0]]
    """

    examples = ({"width": 48, "height": 40},)

    def __init__(self, width: int | None, height: int | None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, **kwargs: Any) -> None:
        super().__init__(width, height, pad_mode, pad_cval, position="center", **kwargs)


class CenterCropToFixedSize(CropToFixedSize):
    """Crop images down to a width and height, equally from both sides of each axis.

    :class:`CropToFixedSize` with ``position='center'``.

    Parameters
    ----------
    width, height : int or None
        Maximum width and height; None leaves that axis alone.
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(9, dtype=np.uint8).reshape(3, 3)
    >>> CenterCropToFixedSize(1, 1)(image=img).tolist()
    [[4]]
    """

    examples = ({"width": 20, "height": 16},)

    def __init__(self, width: int | None, height: int | None, **kwargs: Any) -> None:
        super().__init__(width, height, position="center", **kwargs)


# ---------------------------------------------------------------- aspect ratio
class PadToAspectRatio(_ToSize):
    """Pad images until ``width / height`` equals an aspect ratio.

    Only one axis is padded (the one that is too short).

    Parameters
    ----------
    <aspect_ratio>
    <pad_mode>
    <pad_cval>
    <pad position>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> PadToAspectRatio(2.0)(image=np.ones((2, 2), dtype=np.uint8)).shape
    (2, 4)
    """

    imgaug_parameters = ("aspect_ratio", "pad_mode", "pad_cval", "position")
    examples = ({"aspect_ratio": 2.0}, {"aspect_ratio": 0.5, "position": "center"})

    def __init__(self, aspect_ratio: float, pad_mode: Any = "constant", pad_cval: Any = 0,
                 position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.aspect_ratio = _check_aspect_ratio(aspect_ratio)
        self._init_position(position, pad_mode, pad_cval)

    def _totals(self, shape):
        return _axis_totals(_pads_to_aspect_ratio(shape, self.aspect_ratio))


class CropToAspectRatio(_ToSize):
    """Crop images until ``width / height`` equals an aspect ratio (as near as pixels allow).

    Only one axis is cropped (the one that is too long), never below 1 pixel.

    Parameters
    ----------
    <aspect_ratio>
    <crop position>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> CropToAspectRatio(2.0)(image=np.ones((4, 4), dtype=np.uint8)).shape
    (2, 4)
    """

    imgaug_parameters = ("aspect_ratio", "position")
    examples = ({"aspect_ratio": 2.0}, {"aspect_ratio": 0.5, "position": "center"})
    _crop = True

    def __init__(self, aspect_ratio: float, position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.aspect_ratio = _check_aspect_ratio(aspect_ratio)
        self._init_position(position)

    def _totals(self, shape):
        return _axis_totals(_crops_to_aspect_ratio(shape, self.aspect_ratio))


class PadToSquare(PadToAspectRatio):
    """Pad images until they are square (:class:`PadToAspectRatio` with ratio 1).

    Parameters
    ----------
    <pad_mode>
    <pad_cval>
    <pad position>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> PadToSquare()(image=np.ones((2, 5), dtype=np.uint8)).shape
    (5, 5)
    """

    examples = ({}, {"position": "right-bottom", "pad_mode": "reflect"})

    def __init__(self, pad_mode: Any = "constant", pad_cval: Any = 0,
                 position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(1.0, pad_mode, pad_cval, position, **kwargs)


class CropToSquare(CropToAspectRatio):
    """Crop images until they are square (:class:`CropToAspectRatio` with ratio 1).

    Parameters
    ----------
    <crop position>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> CropToSquare()(image=np.ones((2, 5), dtype=np.uint8)).shape
    (2, 2)
    """

    examples = ({}, {"position": "left-top"})

    def __init__(self, position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(1.0, position, **kwargs)


class CenterPadToAspectRatio(PadToAspectRatio):
    """Pad images until ``width / height`` equals an aspect ratio, equally on both sides.

    Parameters
    ----------
    <aspect_ratio>
    <pad_mode>
    <pad_cval>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> CenterPadToAspectRatio(3.0)(image=np.ones((1, 1), dtype=np.uint8)).tolist()
    [[0, 1, 0]]
    """

    examples = ({"aspect_ratio": 2.0},)

    def __init__(self, aspect_ratio: float, pad_mode: Any = "constant", pad_cval: Any = 0,
                 **kwargs: Any) -> None:
        super().__init__(aspect_ratio, pad_mode, pad_cval, position="center", **kwargs)


class CenterCropToAspectRatio(CropToAspectRatio):
    """Crop images until ``width / height`` equals an aspect ratio, equally from both sides.

    Parameters
    ----------
    <aspect_ratio>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> CenterCropToAspectRatio(1.0)(image=np.arange(3, dtype=np.uint8)[None]).tolist()
    [[1]]
    """

    examples = ({"aspect_ratio": 2.0},)

    def __init__(self, aspect_ratio: float, **kwargs: Any) -> None:
        super().__init__(aspect_ratio, position="center", **kwargs)


class CenterPadToSquare(PadToSquare):
    """Pad images until they are square, equally on both sides.

    Parameters
    ----------
    <pad_mode>
    <pad_cval>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> CenterPadToSquare()(image=np.ones((1, 3), dtype=np.uint8)).tolist()
    [[0, 0, 0], [1, 1, 1], [0, 0, 0]]
    """

    examples = ({},)

    def __init__(self, pad_mode: Any = "constant", pad_cval: Any = 0, **kwargs: Any) -> None:
        super().__init__(pad_mode, pad_cval, position="center", **kwargs)


class CenterCropToSquare(CropToSquare):
    """Crop images until they are square, equally from both sides.

    Parameters
    ----------
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> CenterCropToSquare()(image=np.arange(3, dtype=np.uint8)[None]).tolist()
    [[1]]
    """

    examples = ({},)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(position="center", **kwargs)


# ---------------------------------------------------------------- multiples
class PadToMultiplesOf(_ToSize):
    """Pad images until their height and width are multiples of given values.

    Parameters
    ----------
    <multiples>
    <pad_mode>
    <pad_cval>
    <pad position>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> PadToMultiplesOf(4, 3)(image=np.ones((5, 5), dtype=np.uint8)).shape
    (6, 8)
    """

    imgaug_parameters = ("width_multiple", "height_multiple", "pad_mode", "pad_cval", "position")
    examples = ({"width_multiple": 8, "height_multiple": 6},
                {"width_multiple": None, "height_multiple": 5, "position": "center"})

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, position: Any = "uniform",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.width_multiple = _check_size(width_multiple, "width_multiple")
        self.height_multiple = _check_size(height_multiple, "height_multiple")
        self._init_position(position, pad_mode, pad_cval)

    def _totals(self, shape):
        return _axis_totals(_pads_to_multiples_of(
            shape, self.height_multiple, self.width_multiple))


class CropToMultiplesOf(_ToSize):
    """Crop images until their height and width are multiples of given values.

    An axis shorter than its multiple is left alone.

    Parameters
    ----------
    <multiples>
    <crop position>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> CropToMultiplesOf(4, 3)(image=np.ones((5, 5), dtype=np.uint8)).shape
    (3, 4)
    """

    imgaug_parameters = ("width_multiple", "height_multiple", "position")
    examples = ({"width_multiple": 8, "height_multiple": 6},
                {"width_multiple": 5, "height_multiple": None, "position": "center"})
    _crop = True

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.width_multiple = _check_size(width_multiple, "width_multiple")
        self.height_multiple = _check_size(height_multiple, "height_multiple")
        self._init_position(position)

    def _totals(self, shape):
        return _axis_totals(_crops_to_multiples_of(
            shape, self.height_multiple, self.width_multiple))


class CenterPadToMultiplesOf(PadToMultiplesOf):
    """Pad images to multiples of given values, equally on both sides.

    Parameters
    ----------
    <multiples>
    <pad_mode>
    <pad_cval>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> CenterPadToMultiplesOf(3, None)(image=np.ones((1, 1), dtype=np.uint8)).tolist()
    [[0, 1, 0]]
    """

    examples = ({"width_multiple": 8, "height_multiple": 6},)

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, **kwargs: Any) -> None:
        super().__init__(width_multiple, height_multiple, pad_mode, pad_cval,
                         position="center", **kwargs)


class CenterCropToMultiplesOf(CropToMultiplesOf):
    """Crop images to multiples of given values, equally from both sides.

    Parameters
    ----------
    <multiples>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(5, dtype=np.uint8)[None]
    >>> CenterCropToMultiplesOf(3, None)(image=img).tolist()
    [[1, 2, 3]]
    """

    examples = ({"width_multiple": 8, "height_multiple": 6},)

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 **kwargs: Any) -> None:
        super().__init__(width_multiple, height_multiple, position="center", **kwargs)


# ---------------------------------------------------------------- powers
class PadToPowersOf(_ToSize):
    """Pad images until their height and width are powers ``base**k`` (``k >= 1``).

    Parameters
    ----------
    <bases>
    <pad_mode>
    <pad_cval>
    <pad position>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> PadToPowersOf(2, 3)(image=np.ones((5, 5), dtype=np.uint8)).shape
    (9, 8)
    """

    imgaug_parameters = ("width_base", "height_base", "pad_mode", "pad_cval", "position")
    examples = ({"width_base": 2, "height_base": 2},
                {"width_base": 3, "height_base": None, "position": "center"})

    def __init__(self, width_base: int | None, height_base: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, position: Any = "uniform",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.width_base = _check_size(width_base, "width_base", minimum=2)
        self.height_base = _check_size(height_base, "height_base", minimum=2)
        self._init_position(position, pad_mode, pad_cval)

    def _totals(self, shape):
        return _axis_totals(_pads_to_powers_of(
            shape, self.height_base, self.width_base))


class CropToPowersOf(_ToSize):
    """Crop images until their height and width are powers ``base**k`` (``k >= 1``).

    An axis shorter than its base is left alone.

    Parameters
    ----------
    <bases>
    <crop position>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> CropToPowersOf(2, 3)(image=np.ones((10, 10), dtype=np.uint8)).shape
    (9, 8)
    """

    imgaug_parameters = ("width_base", "height_base", "position")
    examples = ({"width_base": 2, "height_base": 2},
                {"width_base": 3, "height_base": None, "position": "center"})
    _crop = True

    def __init__(self, width_base: int | None, height_base: int | None,
                 position: Any = "uniform", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.width_base = _check_size(width_base, "width_base", minimum=2)
        self.height_base = _check_size(height_base, "height_base", minimum=2)
        self._init_position(position)

    def _totals(self, shape):
        return _axis_totals(_crops_to_powers_of(
            shape, self.height_base, self.width_base))


class CenterPadToPowersOf(PadToPowersOf):
    """Pad images to powers of given bases, equally on both sides.

    Parameters
    ----------
    <bases>
    <pad_mode>
    <pad_cval>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> CenterPadToPowersOf(3, None)(image=np.ones((1, 1), dtype=np.uint8)).tolist()
    [[0, 1, 0]]
    """

    examples = ({"width_base": 2, "height_base": 2},)

    def __init__(self, width_base: int | None, height_base: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, **kwargs: Any) -> None:
        super().__init__(width_base, height_base, pad_mode, pad_cval, position="center",
                         **kwargs)


class CenterCropToPowersOf(CropToPowersOf):
    """Crop images to powers of given bases, equally from both sides.

    Parameters
    ----------
    <bases>
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(5, dtype=np.uint8)[None]
    >>> CenterCropToPowersOf(2, None)(image=img).tolist()
    [[0, 1, 2, 3]]
    """

    examples = ({"width_base": 2, "height_base": 2},)

    def __init__(self, width_base: int | None, height_base: int | None,
                 **kwargs: Any) -> None:
        super().__init__(width_base, height_base, position="center", **kwargs)


AUGMENTERS = (
    PadToFixedSize, CropToFixedSize, CenterPadToFixedSize, CenterCropToFixedSize,
    PadToAspectRatio, CropToAspectRatio, CenterPadToAspectRatio, CenterCropToAspectRatio,
    PadToSquare, CropToSquare, CenterPadToSquare, CenterCropToSquare,
    PadToMultiplesOf, CropToMultiplesOf, CenterPadToMultiplesOf, CenterCropToMultiplesOf,
    PadToPowersOf, CropToPowersOf, CenterPadToPowersOf, CenterCropToPowersOf,
)
