"""Point samplers: where the cells of a Voronoi augmenter are centred.

A sampler turns image shapes into one ``(N, 2)`` float32 array of ``(x, y)``
points per image, in continuous coordinates (pixel ``(i, j)`` covers
``[j, j + 1) x [i, i + 1)``). All randomness comes from the generator passed in, so
the Voronoi augmenters call samplers while sampling, never while applying.

Unlike imgaug, ``sample_points`` takes shapes (or arrays, whose shape is used) and a
numpy Generator.

Examples
--------
>>> import numpy as np
>>> sampler = RegularGridPointsSampler(n_rows=2, n_cols=2)
>>> sampler.sample_points([(4, 4, 3)], np.random.default_rng(0))[0].tolist()
[[1.0, 1.0], [3.0, 1.0], [1.0, 3.0], [3.0, 3.0]]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit.extend import ParameterTypeError, describe
from augkit_arithmetic._common import check_int


def _shape(item: Any) -> tuple[int, int]:
    shape = item.shape if hasattr(item, "shape") else item
    return int(shape[0]), int(shape[1])


def _rng(random_state: Any) -> np.random.Generator:
    if isinstance(random_state, np.random.Generator):
        return random_state
    return np.random.default_rng(random_state)


class IPointsSampler:
    """Interface: ``sample_points(shapes, rng) -> list of (N, 2) float32 arrays``."""

    def sample_points(self, shapes: Sequence[Any], random_state: Any = None) -> list[np.ndarray]:
        """Return one ``(N, 2)`` float32 array of ``(x, y)`` points per shape.

        Parameters
        ----------
        shapes : sequence of tuple or ndarray
            ``(H, W, ...)`` shapes, or images (their shape is used).
        random_state : numpy.random.Generator or int or None
            The only randomness used.
        """
        rng = _rng(random_state)
        return self._sample([_shape(s) for s in shapes], rng)

    def _sample(self, shapes: list[tuple[int, int]], rng: np.random.Generator) -> list:
        raise NotImplementedError

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"


def check_points_sampler(value: Any, name: str) -> IPointsSampler:
    """Return *value* if it is a points sampler (has ``sample_points``), else raise.

    Raises
    ------
    augkit.ParameterTypeError
        Naming *name*.
    """
    if not hasattr(value, "sample_points"):
        raise ParameterTypeError(
            f"{name}: expected a points sampler (an object with sample_points(shapes, rng), "
            f"e.g. RegularGridPointsSampler), got {describe(value)}")
    return value


def _grid(height: int, width: int, n_rows: int, n_cols: int) -> np.ndarray:
    ys = (np.arange(n_rows, dtype=np.float64) + 0.5) * (height / n_rows)
    xs = (np.arange(n_cols, dtype=np.float64) + 0.5) * (width / n_cols)
    xx, yy = np.meshgrid(xs, ys)
    return np.stack([xx.ravel(), yy.ravel()], axis=1).astype(np.float32)


class RegularGridPointsSampler(IPointsSampler):
    """Points at the centres of an ``n_rows x n_cols`` grid of equal cells.

    Parameters
    ----------
    n_rows, n_cols : int or tuple of (int, int) or list or StochasticParameter, optional
        Rows and columns of the grid, drawn per image (default ``(10, 20)``),
        clipped to ``[1, height]`` and ``[1, width]``.
    """

    def __init__(self, n_rows: Any = (10, 20), n_cols: Any = (10, 20)) -> None:
        self.n_rows = iap.handle_discrete_param(n_rows, "n_rows", value_range=(1, None))
        self.n_cols = iap.handle_discrete_param(n_cols, "n_cols", value_range=(1, None))

    def _counts(self, shapes, rng):
        n = len(shapes)
        rows = iap.draw(self.n_rows, n, rng).astype(int)
        cols = iap.draw(self.n_cols, n, rng).astype(int)
        return rows, cols

    def _sample(self, shapes, rng):
        rows, cols = self._counts(shapes, rng)
        return [_grid(h, w, int(np.clip(r, 1, max(h, 1))), int(np.clip(c, 1, max(w, 1))))
                for (h, w), r, c in zip(shapes, rows, cols)]


class RelativeRegularGridPointsSampler(RegularGridPointsSampler):
    """A regular grid whose rows and columns are fractions of the image's height and width.

    Parameters
    ----------
    n_rows_frac, n_cols_frac : number or tuple or list or StochasticParameter, optional
        Fractions in ``(0, 1]`` (default ``(0.01, 0.1)``): ``round(frac * height)``
        rows (at least 1), likewise for columns.
    """

    def __init__(self, n_rows_frac: Any = (0.01, 0.1), n_cols_frac: Any = (0.01, 0.1)) -> None:
        self.n_rows_frac = iap.handle_continuous_param(n_rows_frac, "n_rows_frac",
                                                       value_range=(0.0, 1.0))
        self.n_cols_frac = iap.handle_continuous_param(n_cols_frac, "n_cols_frac",
                                                       value_range=(0.0, 1.0))

    def _counts(self, shapes, rng):
        n = len(shapes)
        heights = np.array([h for h, _ in shapes], dtype=np.float64)
        widths = np.array([w for _, w in shapes], dtype=np.float64)
        rows = iap.draw(self.n_rows_frac, n, rng) * heights
        cols = iap.draw(self.n_cols_frac, n, rng) * widths
        return np.round(rows).astype(int), np.round(cols).astype(int)


class UniformPointsSampler(IPointsSampler):
    """Points spread uniformly over the image.

    Parameters
    ----------
    n_points : int or tuple of (int, int) or list or StochasticParameter
        Number of points per image (at least 1 is used).
    """

    def __init__(self, n_points: Any) -> None:
        self.n_points = iap.handle_discrete_param(n_points, "n_points", value_range=(1, None))

    def _sample(self, shapes, rng):
        counts = np.maximum(iap.draw(self.n_points, len(shapes), rng).astype(int), 1)
        out = []
        for (h, w), count in zip(shapes, counts):
            unit = rng.random((int(count), 2))
            out.append((unit * np.array([w, h], dtype=np.float64)).astype(np.float32))
        return out


class DropoutPointsSampler(IPointsSampler):
    """Drop each point of another sampler with probability *p_drop* (keeping at least one).

    Parameters
    ----------
    other_points_sampler : IPointsSampler
        Where the points come from.
    p_drop : number or tuple of (number, number) or list or StochasticParameter
        Drop probability in ``[0, 1]``, drawn once per image.
    """

    def __init__(self, other_points_sampler: Any, p_drop: Any) -> None:
        self.other_points_sampler = check_points_sampler(other_points_sampler,
                                                         "other_points_sampler")
        self.p_drop = iap.handle_continuous_param(p_drop, "p_drop", value_range=(0.0, 1.0))

    def _sample(self, shapes, rng):
        points = self.other_points_sampler.sample_points(shapes, rng)
        p_drops = iap.draw(self.p_drop, len(shapes), rng)
        out = []
        for pts, p in zip(points, p_drops):
            keep = rng.random(len(pts)) >= p
            if len(pts) and not keep.any():
                keep[rng.integers(0, len(pts))] = True
            out.append(np.ascontiguousarray(pts[keep]))
        return out


class SubsamplingPointsSampler(IPointsSampler):
    """Keep at most *n_points_max* randomly chosen points of another sampler.

    Parameters
    ----------
    other_points_sampler : IPointsSampler
        Where the points come from.
    n_points_max : int
        Largest number of points per image, >= 0.
    """

    def __init__(self, other_points_sampler: Any, n_points_max: int) -> None:
        self.other_points_sampler = check_points_sampler(other_points_sampler,
                                                         "other_points_sampler")
        self.n_points_max = check_int(n_points_max, "n_points_max", minimum=0)

    def _sample(self, shapes, rng):
        points = self.other_points_sampler.sample_points(shapes, rng)
        out = []
        for pts in points:
            if len(pts) > self.n_points_max:
                chosen = np.sort(rng.choice(len(pts), self.n_points_max, replace=False))
                pts = pts[chosen]
            out.append(np.ascontiguousarray(pts))
        return out


__all__ = ["DropoutPointsSampler", "IPointsSampler", "RegularGridPointsSampler",
           "RelativeRegularGridPointsSampler", "SubsamplingPointsSampler",
           "UniformPointsSampler"]
