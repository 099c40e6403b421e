"""``augkit.augmenters.segmentation``: imgaug's ``segmentation`` module.

(Scheme: see :mod:`.imgaug_arithmetic`.) The point samplers take shapes (or arrays)
and a numpy Generator in ``sample_points``, see :mod:`augkit_arithmetic.points_samplers`.

Examples
--------
>>> import numpy as np
>>> from augkit import augmenters as iaa
>>> img = np.array([[0, 10, 100, 110]], np.uint8)
>>> iaa.segmentation.segment_voronoi(img, np.array([[1.0, 0.5], [3.0, 0.5]])).tolist()
[[5, 5, 105, 105]]
"""

from __future__ import annotations

import numpy as np

from augkit.extend import InputError
from augkit_arithmetic import functional as F
from augkit_arithmetic.points_samplers import (
    DropoutPointsSampler,
    IPointsSampler,
    RegularGridPointsSampler,
    RelativeRegularGridPointsSampler,
    SubsamplingPointsSampler,
    UniformPointsSampler,
)
from augkit_arithmetic.segmentation import (
    RegularGridVoronoi,
    RelativeRegularGridVoronoi,
    Superpixels,
    UniformVoronoi,
    Voronoi,
)

__all__ = [
    "DropoutPointsSampler", "IPointsSampler", "RegularGridPointsSampler", "RegularGridVoronoi",
    "RelativeRegularGridPointsSampler", "RelativeRegularGridVoronoi", "SubsamplingPointsSampler",
    "Superpixels", "UniformPointsSampler", "UniformVoronoi", "Voronoi", "segment_voronoi",
]


def segment_voronoi(image: np.ndarray, cell_coordinates: np.ndarray,
                    replace_mask: np.ndarray | None = None) -> np.ndarray:
    """Average the colours within each Voronoi cell of an image.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C)
        Any numeric dtype; not modified.
    cell_coordinates : ndarray of shape (N, 2)
        The cells' centres as ``(x, y)``; every pixel belongs to the nearest one.
    replace_mask : ndarray of shape (N,), dtype bool, optional
        Which cells get their mean colour (default: all); the others keep their
        pixels.

    Returns
    -------
    ndarray
        A new image (integer means rounded); *image* itself when there are no cells.

    Examples
    --------
    >>> img = np.array([[0, 10, 100, 110]], np.uint8)
    >>> segment_voronoi(img, np.array([[1.0, 0.5], [3.0, 0.5]]), np.array([True, False]))
    array([[  5,   5, 100, 110]], dtype=uint8)
    """
    coords = np.asarray(cell_coordinates, dtype=np.float32).reshape(-1, 2)
    if len(coords) == 0:
        return image
    flags = np.ones(len(coords), bool) if replace_mask is None else np.asarray(replace_mask)
    if flags.shape != (len(coords),):
        raise InputError(f"replace_mask: expected shape ({len(coords)},), got {flags.shape}")
    work = image if image.ndim == 3 else image[:, :, None]
    segments = F.voronoi_segments(work.shape[:2], coords)
    return F.replace_segments(work, segments, flags.astype(bool)).reshape(image.shape)
