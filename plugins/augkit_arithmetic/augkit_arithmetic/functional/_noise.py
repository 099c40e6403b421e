"""Noise tables: 256 values whose uniform choice by one random byte approximates a
distribution (the uint8 fast path of the additive-noise augmenters)."""

from __future__ import annotations

import math
from functools import cache
from statistics import NormalDist

import numpy as np


@cache
def normal_table() -> np.ndarray:
    """256 values whose uniform choice approximates a standard normal distribution.

    Entry ``i`` is the mean of N(0, 1) over its ``i``-th 1/256 quantile bin, rescaled so
    the table has exactly mean 0 and variance 1. Only the outermost 1/256 on each side
    is folded onto one value (about +-2.9).

    Returns
    -------
    ndarray of shape (256,), dtype float64
        Sorted ascending; cached (do not modify).

    Examples
    --------
    >>> table = normal_table()
    >>> round(float(table.mean()), 9), round(float(table.std()), 9)
    (0.0, 1.0)
    """
    dist = NormalDist()
    edges = [-math.inf] + [dist.inv_cdf(i / 256) for i in range(1, 256)] + [math.inf]
    pdf = np.array([0.0 if math.isinf(e) else dist.pdf(e) for e in edges])
    means = (pdf[:-1] - pdf[1:]) * 256.0
    means -= means.mean()
    return means / np.sqrt(np.mean(means**2))


@cache
def laplace_table() -> np.ndarray:
    """256 values approximating Laplace(0, 1) (variance 2), like :func:`normal_table`.

    Returns
    -------
    ndarray of shape (256,), dtype float64
        Sorted ascending, symmetric around 0; cached (do not modify).

    Examples
    --------
    >>> round(float(laplace_table().var()), 9)
    2.0
    """
    # mean of -ln(2 - 2u) over the upper half's bins, mirrored for the lower half
    def integral(u: float) -> float:  # antiderivative of -ln(2 - 2u)
        rest = 1.0 - u
        return 0.0 if rest == 0 else rest * math.log(2 * rest) - rest

    upper = np.array([(integral((i + 1) / 256) - integral(i / 256)) * 256
                      for i in range(128, 256)])
    means = np.concatenate([-upper[::-1], upper])
    return means * np.sqrt(2.0 / np.mean(means**2))


def poisson_table(lam: float) -> np.ndarray:
    """256 values approximating a Poisson(*lam*) draw with a random sign.

    Half the entries are negative: imgaug's ``RandomSign(Poisson(lam))``. Each half
    holds the distribution's quantiles at the midpoints of 128 probability bins.

    Parameters
    ----------
    lam : float
        The distribution's lambda (negative values count as 0).

    Returns
    -------
    ndarray of shape (256,), dtype float64
        Whole numbers, sorted ascending.

    Examples
    --------
    >>> table = poisson_table(4.0)
    >>> float(table[0]), float(table[-1]), float(table[128])
    (-10.0, 10.0, 0.0)
    """
    lam = max(float(lam), 0.0)
    if lam == 0.0:
        return np.zeros(256)
    top = int(lam + 12 * math.sqrt(lam) + 12)
    k = np.arange(top + 1, dtype=np.float64)
    log_pmf = k * math.log(lam) - lam - np.array([math.lgamma(v + 1) for v in k])
    cdf = np.cumsum(np.exp(log_pmf))
    quantiles = np.searchsorted(cdf, (np.arange(128) + 0.5) / 128).astype(np.float64)
    return np.concatenate([-quantiles[::-1], quantiles])
