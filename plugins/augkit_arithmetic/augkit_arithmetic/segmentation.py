"""Replacing image regions by their mean colour: Superpixels (SLIC) and the Voronoi family."""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit.extend import interpolation_flag, resize_to
from augkit_arithmetic import functional as F
from augkit_arithmetic._common import ArithmeticAugmenter, check_int
from augkit_arithmetic.points_samplers import (
    DropoutPointsSampler,
    RegularGridPointsSampler,
    RelativeRegularGridPointsSampler,
    UniformPointsSampler,
    check_points_sampler,
)

_SEGMENT_DTYPES = frozenset({"uint8", "uint16", "int16", "float32", "float64"})

def draw_replace_flags(param: iap.StochasticParameter, counts: np.ndarray,
                       rng: np.random.Generator) -> list[np.ndarray]:
    """Draw per row a bool array of *counts[i]* "replace this region" flags.

    A probability given as a number, tuple or list (a ``Binomial``) is drawn once per
    image and each region is replaced with that probability (imgaug's semantics:
    ``p_replace=(0.5, 1.0)`` replaces 50 to 100 % of an image's regions); any other
    parameter is drawn per region, values above 0.5 meaning "replace".
    """
    if isinstance(param, iap.Binomial):
        probabilities = iap.draw(param.p, len(counts), rng)
        return [rng.random(int(c)) < p for c, p in zip(counts, probabilities)]
    return [iap.draw(param, int(c), rng) > 0.5 for c in counts]


def _replace_at_small_size(image: np.ndarray, max_size: int | None, flag: int,
                           segment) -> np.ndarray:
    """Shrink *image*, label it with ``segment(small) -> (ids, flags)``, replace, grow back."""
    small = F.shrink_to_max_size(image, max_size, flag)
    ids, flags = segment(small)
    out = F.replace_segments(small, ids, flags)
    if out.shape[:2] != image.shape[:2]:
        out = resize_to(out, image.shape[:2], flag).reshape(image.shape)
    return out


class Superpixels(ArithmeticAugmenter):
    """Replace a random fraction of each image's superpixels (SLIC) by their mean colour.

    Parameters
    ----------
    p_replace : number or tuple of (number, number) or list or StochasticParameter, optional
        Probability in ``[0, 1]`` that a superpixel is replaced (default
        ``(0.5, 1.0)``); a tuple or list is drawn once per image, so
        ``(0.5, 1.0)`` replaces 50 to 100 % of an image's superpixels.
    n_segments : int or tuple of (int, int) or list or StochasticParameter, optional
        Approximate number of superpixels per image, >= 1 (default ``(50, 120)``).
    <max_size and interpolation>
    <seed and name>

    <supported data>

    Notes
    -----
    Segments come from ``skimage.segmentation.slic(compactness=10)`` (Lab colour
    for 3 channels).

    <segment dtypes>
    float16 goes through float32.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.random.default_rng(0).integers(0, 255, (32, 32, 3), dtype=np.uint8)
    >>> out = Superpixels(p_replace=1.0, n_segments=4)(image=img)
    >>> len(np.unique(out.reshape(-1, 3), axis=0)) <= 10
    True
    """

    imgaug_parameters = ("p_replace", "n_segments", "max_size", "interpolation")
    examples = ({"p_replace": (0, 1.0), "n_segments": (20, 200)},
                {"p_replace": 0.5, "n_segments": 64, "max_size": 16})
    supported_dtypes = _SEGMENT_DTYPES | {"float16"}

    def __init__(self, p_replace: Any = (0.5, 1.0), n_segments: Any = (50, 120),
                 max_size: int | None = 128, interpolation: Any = "linear",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.p_replace = iap.handle_probability_param(p_replace, "p_replace",
                                                      tuple_to_uniform=True,
                                                      list_to_choice=True)
        self.n_segments = iap.handle_discrete_param(n_segments, "n_segments",
                                                    value_range=(1, None))
        self.max_size = check_int(max_size, "max_size", minimum=1, optional=True)
        self.interpolation = interpolation
        self._flag = interpolation_flag(interpolation, argument="interpolation")

    def sample(self, rows, rng):
        counts = np.maximum(iap.draw(self.n_segments, rows.nb_rows, rng).astype(int), 1)
        flags = draw_replace_flags(self.p_replace, counts, rng)
        return list(zip(counts.tolist(), flags))

    def apply_to_images(self, images, params):
        return [self._apply_one(image, n, flags) for image, (n, flags) in zip(images, params)]

    def _apply_one(self, image: np.ndarray, n_segments: int, flags: np.ndarray) -> np.ndarray:
        if image.size == 0 or not flags.any():
            return image.copy()
        work = image.astype(np.float32) if image.dtype == np.float16 else image

        def segment(small):
            from skimage.segmentation import slic

            ids = slic(small, n_segments=n_segments, compactness=10, start_label=0,
                       channel_axis=-1)
            return ids, flags

        out = _replace_at_small_size(work, self.max_size, self._flag, segment)
        return out.astype(image.dtype) if out.dtype != image.dtype else out


class Voronoi(ArithmeticAugmenter):
    """Split images into Voronoi cells around sampled points; replace cells by their mean colour.

    Parameters
    ----------
    points_sampler : IPointsSampler
        Where the cell centres lie (see :mod:`augkit_arithmetic.points_samplers`);
        called while sampling with the image shapes (after *max_size* shrinking).
    p_replace : number or tuple of (number, number) or list or StochasticParameter, optional
        Probability in ``[0, 1]`` that a cell is replaced by its mean colour (default
        1.0); a tuple or list is drawn once per image.
    <max_size and interpolation>
    <seed and name>

    <supported data>

    Notes
    -----
    Each pixel belongs to the point nearest to its centre (``scipy.spatial.cKDTree``).

    <segment dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit_arithmetic.points_samplers import RegularGridPointsSampler
    >>> img = np.arange(16, dtype=np.uint8).reshape(4, 4)
    >>> Voronoi(RegularGridPointsSampler(1, 2))(image=img).tolist()  # means 6.5, 8.5
    [[6, 6, 8, 8], [6, 6, 8, 8], [6, 6, 8, 8], [6, 6, 8, 8]]
    """

    imgaug_parameters = ("points_sampler", "p_replace", "max_size", "interpolation")
    examples = ({"points_sampler": RegularGridPointsSampler((2, 8), (2, 8))},
                {"points_sampler": UniformPointsSampler((5, 50)), "p_replace": (0.5, 1.0),
                 "max_size": 16})
    supported_dtypes = _SEGMENT_DTYPES

    def __init__(self, points_sampler: Any, p_replace: Any = 1.0, max_size: int | None = 128,
                 interpolation: Any = "linear", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.points_sampler = check_points_sampler(points_sampler, "points_sampler")
        self.p_replace = iap.handle_probability_param(p_replace, "p_replace",
                                                      tuple_to_uniform=True,
                                                      list_to_choice=True)
        self.max_size = check_int(max_size, "max_size", minimum=1, optional=True)
        self.interpolation = interpolation
        self._flag = interpolation_flag(interpolation, argument="interpolation")

    def sample(self, rows, rng):
        small = [F.shrunk_shape(shape, self.max_size) for shape in rows.shapes]
        points = self.points_sampler.sample_points(small, rng)
        flags = draw_replace_flags(self.p_replace, np.array([len(p) for p in points]), rng)
        return list(zip(points, flags))

    def apply_to_images(self, images, params):
        return [self._apply_one(image, points, flags)
                for image, (points, flags) in zip(images, params)]

    def _apply_one(self, image: np.ndarray, points: np.ndarray, flags: np.ndarray) -> np.ndarray:
        if image.size == 0 or len(points) == 0 or not flags.any():
            return image.copy()
        return _replace_at_small_size(
            image, self.max_size, self._flag,
            lambda small: (F.voronoi_segments(small.shape[:2], points), flags))


class UniformVoronoi(Voronoi):
    """Voronoi cells around points spread uniformly over each image.

    Parameters
    ----------
    n_points : int or tuple of (int, int) or list or StochasticParameter, optional
        Number of cells per image, >= 1 (default ``(50, 500)``).
    p_replace, max_size, interpolation : optional
        As in :class:`Voronoi` (defaults ``(0.5, 1.0)``, 128, ``'linear'``).
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> UniformVoronoi(n_points=20)(image=np.zeros((16, 16, 3), np.uint8)).shape
    (16, 16, 3)
    """

    examples = ({"n_points": (50, 500)}, {"n_points": 10, "p_replace": 0.9, "max_size": None})

    def __init__(self, n_points: Any = (50, 500), p_replace: Any = (0.5, 1.0),
                 max_size: int | None = 128, interpolation: Any = "linear",
                 **kwargs: Any) -> None:
        super().__init__(UniformPointsSampler(n_points), p_replace=p_replace,
                         max_size=max_size, interpolation=interpolation, **kwargs)


class RegularGridVoronoi(Voronoi):
    """Voronoi cells around the points of a regular grid, some points dropped.

    Parameters
    ----------
    n_rows, n_cols : int or tuple of (int, int) or list or StochasticParameter, optional
        Grid rows and columns per image (default ``(10, 30)`` each), clipped to the
        image's height and width.
    p_drop_points : number or tuple of (number, number) or list or StochasticParameter, optional
        Fraction of grid points dropped per image, in ``[0, 1]`` (default
        ``(0.0, 0.5)``); at least one point is kept.
    p_replace, max_size, interpolation : optional
        As in :class:`Voronoi` (defaults ``(0.5, 1.0)``, 128, ``'linear'``).
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> RegularGridVoronoi(4, 4)(image=np.zeros((16, 16, 3), np.uint8)).shape
    (16, 16, 3)
    """

    examples = ({"n_rows": (10, 30), "n_cols": (10, 30)},
                {"n_rows": 4, "n_cols": 6, "p_drop_points": 0.2, "p_replace": 1.0})

    def __init__(self, n_rows: Any = (10, 30), n_cols: Any = (10, 30),
                 p_drop_points: Any = (0.0, 0.5), p_replace: Any = (0.5, 1.0),
                 max_size: int | None = 128, interpolation: Any = "linear",
                 **kwargs: Any) -> None:
        sampler = DropoutPointsSampler(RegularGridPointsSampler(n_rows, n_cols), p_drop_points)
        super().__init__(sampler, p_replace=p_replace, max_size=max_size,
                         interpolation=interpolation, **kwargs)


class RelativeRegularGridVoronoi(Voronoi):
    """Like :class:`RegularGridVoronoi`, with rows and columns as fractions of the image size.

    Parameters
    ----------
    n_rows_frac, n_cols_frac : number or tuple or list or StochasticParameter, optional
        Rows as a fraction of the height, columns of the width, in ``(0, 1]``
        (default ``(0.05, 0.15)`` each); at least one of each.
    p_drop_points : number or tuple of (number, number) or list or StochasticParameter, optional
        Fraction of grid points dropped per image (default ``(0.0, 0.5)``).
    p_replace, max_size, interpolation : optional
        As in :class:`Voronoi` (defaults ``(0.5, 1.0)``, None, ``'linear'``).
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> RelativeRegularGridVoronoi(0.25, 0.25)(image=np.zeros((16, 16, 3), np.uint8)).shape
    (16, 16, 3)
    """

    examples = ({"n_rows_frac": (0.05, 0.15), "n_cols_frac": (0.05, 0.15)},
                {"n_rows_frac": 0.2, "n_cols_frac": 0.3, "p_drop_points": 0.0})

    def __init__(self, n_rows_frac: Any = (0.05, 0.15), n_cols_frac: Any = (0.05, 0.15),
                 p_drop_points: Any = (0.0, 0.5), p_replace: Any = (0.5, 1.0),
                 max_size: int | None = None, interpolation: Any = "linear",
                 **kwargs: Any) -> None:
        sampler = DropoutPointsSampler(
            RelativeRegularGridPointsSampler(n_rows_frac, n_cols_frac), p_drop_points)
        super().__init__(sampler, p_replace=p_replace, max_size=max_size,
                         interpolation=interpolation, **kwargs)


AUGMENTERS = (Superpixels, Voronoi, UniformVoronoi, RegularGridVoronoi,
              RelativeRegularGridVoronoi)
