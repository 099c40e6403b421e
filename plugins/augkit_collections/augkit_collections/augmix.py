"""AugMix (Hendrycks et al. 2020): a random convex mix of augmentation chains."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import augkit
from augkit import parameters as iap
from augkit.extend import ImagesKind, MetaAugmenter, ParameterError, Rows
from augkit_collections import _ops
from augkit_collections._common import PolicyMixin

#: AugMix's severity is on the paper's 0-10 level scale.
LEVEL_MAX = 10


@dataclass
class AugMixParams:
    """What one call drew: per row, the ops of every chain, their params, the weights."""

    chains: list[list[np.ndarray]]   # chains[j][s]: op index per row at step s (-1: none)
    op_params: list[list[dict[int, Any]]]  # op_params[j][s]: op index -> its params
    weights: np.ndarray              # (rows, width): Dirichlet weights of the chains
    mix: np.ndarray                  # (rows,): Beta weight of the mixed image


class AugMix(PolicyMixin, MetaAugmenter):
    """Mix *width* chains of random operations, then blend the mix with the image.

    Each chain applies 1 to 3 (or *depth*) operations chosen uniformly; the chains are
    mixed with Dirichlet(*alpha*) weights, and the result with the original image by a
    Beta(*alpha*, *alpha*) weight. Every operation draws its strength uniformly from
    0.1 to *severity* (out of 10), as in the paper.

    Only pixel-level operations are mixed (autocontrast, equalize, posterize,
    solarize; with *all_ops* also colour, contrast, brightness, sharpness): the
    paper's rotations, shears and translations would move each chain's image
    differently, and a mix of moved images has no place for keypoints, boxes or masks
    to go. So every annotation kind passes through unchanged and stays valid.

    Parameters
    ----------
    severity : int, optional
        Strongest operation level, 1 to 10 (default 3).
    width : int, optional
        Number of chains mixed (default 3).
    depth : int, optional
        Operations per chain; -1 (default) draws 1 to 3 per chain and image.
    alpha : float, optional
        Concentration of the Dirichlet and Beta distributions (default 1.0).
    all_ops : bool, optional
        Also use the enhance operations (the paper leaves them out when evaluating
        on corruption benchmarks they overlap with; default False).
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> image = np.random.default_rng(0).integers(0, 256, (16, 16, 3), dtype=np.uint8)
    >>> iaa.AugMix(seed=1)(image=image).shape
    (16, 16, 3)
    """

    examples = ({}, {"severity": 1, "width": 2, "depth": 1}, {"all_ops": True, "alpha": 0.5})
    pixel_only = True

    def __init__(self, severity: int = 3, width: int = 3, depth: int = -1, alpha: float = 1.0,
                 all_ops: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.severity = _integer(severity, "severity", 1, LEVEL_MAX)
        self.width = _integer(width, "width", 1, None)
        self.depth = -1 if depth == -1 else _integer(depth, "depth", 1, None)
        if not (isinstance(alpha, (int, float)) and alpha > 0 and np.isfinite(alpha)):
            raise ParameterError(f"AugMix: alpha must be a positive number, got {alpha!r}")
        self.alpha = float(alpha)
        self.all_ops = bool(all_ops)
        level = iap.Uniform(0.1, self.severity)
        self.operations: list[augkit.Augmenter] = [
            _ops.autocontrast(),
            _ops.equalize(),
            _ops.posterize(iap.Subtract(8, _ops.truncated(level, LEVEL_MAX, 4),
                                        elementwise=True)),
            _ops.solarize(iap.Subtract(256, _ops.truncated(level, LEVEL_MAX, 256),
                                       elementwise=True)),
        ]
        if self.all_ops:
            factor = iap.Add(0.1, _ops.scaled(level, LEVEL_MAX, 1.8), elementwise=True)
            self.operations += [_ops.enhance(which, factor) for which in _ops.ENHANCERS]

    def get_children_lists(self) -> list[list[augkit.Augmenter]]:
        return [self.operations]

    def apply_to_rows(self, rows: Rows, ctx: Any, params: AugMixParams | None):
        images = rows.data.get(ImagesKind)
        if not images:
            return rows, params
        if params is None:
            params = self._sample(rows.nb_rows, ctx.rng(self))
        mixed = np.zeros((rows.nb_rows,), dtype=object)
        for j, steps in enumerate(params.chains):
            chain = Rows({ImagesKind: list(images)}, list(rows.shapes))
            for s, ops_per_row in enumerate(steps):
                for op, recorded in self._run_step(chain, ctx, ops_per_row,
                                                   params.op_params[j][s]):
                    params.op_params[j][s][op] = recorded
            for i, image in enumerate(chain.data[ImagesKind]):
                part = params.weights[i, j] * image.astype(np.float32)
                mixed[i] = part if j == 0 else mixed[i] + part
        out = [_blend(image, mixed[i], params.mix[i]) for i, image in enumerate(images)]
        return rows.replace({**rows.data, ImagesKind: out}, list(rows.shapes)), params

    def _run_step(self, chain: Rows, ctx: Any, ops_per_row: np.ndarray,
                  recorded: dict[int, Any]):
        """Run each row's op of one chain step, grouping rows by op; yield the params."""
        for op in np.unique(ops_per_row[ops_per_row >= 0]).tolist():
            indices = np.flatnonzero(ops_per_row == op)
            replay = [recorded[op]] if op in recorded else None
            merged, params = self.run_on_subset(chain, ctx, indices, replay,
                                                children=[self.operations[op]])
            chain.data[ImagesKind] = merged.data[ImagesKind]
            if params is not None:
                yield op, params[0]

    def _sample(self, nb_rows: int, rng: np.random.Generator) -> AugMixParams:
        nb_ops = len(self.operations)
        weights = rng.dirichlet([self.alpha] * self.width, size=nb_rows)
        mix = rng.beta(self.alpha, self.alpha, size=nb_rows)
        chains = []
        for _ in range(self.width):
            depths = (rng.integers(1, 4, size=nb_rows) if self.depth == -1
                      else np.full(nb_rows, self.depth))
            steps = []
            for s in range(int(depths.max())):
                ops = rng.integers(0, nb_ops, size=nb_rows)
                ops[depths <= s] = -1
                steps.append(ops)
            chains.append(steps)
        return AugMixParams(chains, [[{} for _ in steps] for steps in chains], weights, mix)


def _blend(image: np.ndarray, mixed: np.ndarray, weight: float) -> np.ndarray:
    """``(1 - weight) * image + weight * mixed``, rounded back to the image's dtype."""
    out = (1.0 - weight) * image.astype(np.float32) + weight * mixed
    return np.clip(np.rint(out), 0, 255).astype(image.dtype)


def _integer(value: Any, name: str, low: int, high: int | None) -> int:
    if (isinstance(value, bool) or not isinstance(value, (int, np.integer))
            or value < low or (high is not None and value > high)):
        upper = f" to {high}" if high is not None else " or more"
        raise ParameterError(f"AugMix: {name} must be an integer {low}{upper}, got {value!r}")
    return int(value)


AUGMENTERS = [AugMix]
