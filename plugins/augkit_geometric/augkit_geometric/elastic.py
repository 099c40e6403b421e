"""ElasticTransformation: move pixels locally along a smooth random displacement field."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, NamedTuple

import numpy as np

from augkit import parameters as iap
from augkit_geometric import functional as F
from augkit_geometric._common import (
    GeometricFamilyAugmenter,
    handle_cval,
    handle_polygon_recoverer,
)

#: imgaug's (scipy's) mode names and the border they mean.
_MODES = {"constant": "constant", "nearest": "edge", "reflect": "symmetric", "wrap": "wrap"}


class FieldSource(NamedTuple):
    """What one row's displacement field is made from (:func:`F.elastic_field`'s
    arguments): the low-resolution noise drawn at sampling and its settings."""

    noise: np.ndarray
    height: int
    width: int
    alpha: float
    sigma: float
    factor: int

    def field(self) -> np.ndarray | None:
        """The planar ``(2, H, W)`` float32 field (None when alpha is 0)."""
        return F.elastic_field(self.noise, self.height, self.width, self.alpha, self.sigma,
                               self.factor)


@dataclass
class ElasticParams:
    """Per-row draws of :class:`ElasticTransformation`.

    ``sources[i]`` is what row *i*'s displacement field is made from (None when alpha
    is 0): the field is made when the row is applied, so a batch's params hold the
    small noise grids, not every full-size field (64 fields of 256 x 256 are 32 MB).
    ``fields`` gives the fields themselves: planar ``(2, H, W)`` float32. ``orders``,
    ``modes`` and ``cvals`` are per row.

    Examples
    --------
    >>> aug = ElasticTransformation(alpha=5, sigma=2, seed=0)
    >>> _, params = aug(image=np.zeros((8, 6), np.uint8), return_params=True)
    >>> params.fields[0].shape, params.modes
    ((2, 8, 6), ['constant'])
    """

    sources: list[FieldSource | _MadeField | None]
    orders: np.ndarray
    modes: list[str]
    cvals: np.ndarray

    @property
    def fields(self) -> list[np.ndarray | None]:
        """Each row's displacement field (made now from :attr:`sources`)."""
        return [_field(source) for source in self.sources]


class _MadeField(NamedTuple):
    """A field already made (for rows whose every kind reads it)."""

    made: np.ndarray | None

    def field(self) -> np.ndarray | None:
        return self.made


def _field(source: FieldSource | _MadeField | None) -> np.ndarray | None:
    return None if source is None else source.field()


class ElasticTransformation(GeometricFamilyAugmenter):
    """Move pixels locally around, as if the image were a sheet of rubber.

    For each image, two fields of uniform noise in ``[-1, 1]`` (one for x, one for y)
    are smoothed with a Gaussian of standard deviation *sigma* and scaled by *alpha*;
    every output pixel then reads the input at its position plus the displacement.
    Small sigmas give a noisy, pixelated look; large sigmas give smooth, water-like
    distortions. Fields of large sigma are smoothed at a lower resolution (factor
    ``sigma // 2``) and upscaled, with their amplitude corrected: the same strength at
    a fraction of the cost.

    Parameters
    ----------
    alpha : number or tuple of (number, number) or list or StochasticParameter, optional
        Strength of the displacement, in pixels (default ``(0, 40)``). 0 is the
        identity.
    sigma : number or tuple of (number, number) or list or StochasticParameter, optional
        Smoothness of the field: the Gaussian's standard deviation in pixels
        (default ``(4, 8)``).
    <field order>
    <field cval>
    mode : {'constant', 'nearest', 'reflect', 'wrap'} or list or augkit.ALL or \
StochasticParameter, optional
        How pixels outside the image are read (scipy's names, as in imgaug):
        ``constant`` fills with *cval*, ``nearest`` repeats the edge pixel, ``reflect``
        mirrors at the edge (``dcba|abcd|dcba``), ``wrap`` takes the opposite side.
        Maps use the same mode, filling with their kind's fill value.
    <polygon_recoverer>
    <seed and name>

    Notes
    -----
    Keypoints (and boxes, polygons, line strings through their points) move by the
    inverse of the field: an input point ``p`` goes to the ``q`` with
    ``q + d(q) = p``, found by four fixed-point iterations on the bilinearly
    interpolated field. That matches the image to well under a pixel for the default
    strengths; with ``order=0`` the image itself is off by up to half a pixel, hence
    ``keypoint_tolerance = 1.0``. Very strong fields (``alpha`` far above ``sigma``
    squared) fold the image onto itself; points then follow one of the folds.

    <supported data>

    <warp dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> image = np.zeros((32, 32, 3), dtype=np.uint8)
    >>> aug = ElasticTransformation(alpha=20, sigma=5, seed=1)
    >>> aug(image=image).shape
    (32, 32, 3)
    >>> bool((ElasticTransformation(alpha=0)(image=image + 7) == 7).all())
    True
    """

    imgaug_parameters = ("alpha", "sigma", "order", "cval", "mode")
    examples = (
        {"alpha": 20.0, "sigma": 5.0},
        {"alpha": (0, 40), "sigma": (4, 8), "order": 1},
        {"alpha": 30.0, "sigma": 6.0, "order": 3, "mode": "reflect"},
    )
    keypoint_tolerance = 1.0

    def __init__(
        self,
        alpha: Any = (0.0, 40.0),
        sigma: Any = (4.0, 8.0),
        order: Any = 0,
        cval: Any = 0,
        mode: Any = "constant",
        polygon_recoverer: Any = "auto",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, None))
        self.sigma = iap.handle_continuous_param(sigma, "sigma", value_range=(0, None))
        self.order = iap.handle_choice_param(order, "order", F.ORDERS)
        self.cval = handle_cval(cval)
        self.mode = iap.handle_choice_param(mode, "mode", tuple(_MODES))
        self.polygon_recoverer = handle_polygon_recoverer(polygon_recoverer)

    def sample(self, rows, rng):
        n = rows.nb_rows
        alphas = iap.draw(self.alpha, n, rng, np.float64)
        sigmas = np.maximum(iap.draw(self.sigma, n, rng, np.float64), 0.0)
        orders = iap.draw(self.order, n, rng).astype(np.intp)
        cvals = iap.draw(self.cval, n, rng, np.float64)
        modes = [_MODES[str(m)] for m in iap.draw(self.mode, n, rng).tolist()]
        sources: list[FieldSource | None] = []
        for shape, alpha, sigma in zip(rows.shapes, alphas.tolist(), sigmas.tolist()):
            height, width = shape[:2]
            if alpha == 0 or height == 0 or width == 0:
                sources.append(None)
                continue
            h, w, factor = F.elastic_noise_shape(height, width, sigma)
            noise = rng.random((2, h, w), dtype=np.float32)
            sources.append(FieldSource(noise, height, width, alpha, sigma, factor))
        return ElasticParams(sources, orders, modes, cvals)

    def _apply(self, rows, params):
        if len(rows.data) > 1:  # images and annotations: each row's field made once
            params = replace(params, sources=[_MadeField(_field(s)) for s in params.sources])
        return super()._apply(rows, params)

    def apply_to_images(self, images, params):
        return [
            F.remap_field(image, _field(source), order=int(order), mode=mode, cval=cval)
            for image, source, order, mode, cval in zip(
                images, params.sources, params.orders, params.modes, params.cvals.tolist())
        ]

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        order = 0 if kind.interpolation == "nearest" else 1
        out = []
        for arr, source, mode in zip(arrays, params.sources, params.modes):
            field = _field(source)
            if field is not None:
                field = F.resize_field(field, arr.shape[0], arr.shape[1])
            out.append(F.remap_field(arr, field, order=order, mode=mode, cval=kind.cval))
        return out

    def apply_to_keypoints(self, xys, params, *, shapes):
        return [F.invert_field(_field(source), xy) for xy, source in zip(xys, params.sources)]


AUGMENTERS = (ElasticTransformation,)
