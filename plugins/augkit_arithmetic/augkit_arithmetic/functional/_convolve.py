"""Convolution: :func:`convolve` and the 3x3 kernels of Sharpen, Emboss, EdgeDetect
and DirectedEdgeDetect, each mixed with the identity by its alpha (mixing kernels
equals blending the filtered image with the original before rounding: one pass)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import cv2
import numpy as np

from augkit.extend import CV2_MAX_CHANNELS, run_cv2, write_into
from augkit_arithmetic.functional._blur import BORDER
from augkit_arithmetic.functional._sparse import correlate_sparse, dft_area, sparse_plan


def convolve(image: np.ndarray, kernel: np.ndarray | Sequence[np.ndarray],
             out: np.ndarray | None = None) -> np.ndarray:
    """Correlate an image with a 2D kernel (``cv2.filter2D``, reflected borders).

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        Any numeric dtype, through :func:`augkit.extend.run_cv2` (bool filtered as
        float32 0/1 and thresholded at 0.5; 32/64-bit integers in float64).
    kernel : ndarray of shape (kh, kw) or sequence of (ndarray or None)
        One float kernel for every channel, or one per channel (None: the channel
        is left unchanged).
    out : ndarray, optional
        A C-contiguous array of *image*'s shape and dtype to write the result into
        (uint8 images with one kernel are filtered straight into it).

    Returns
    -------
    ndarray of shape (H, W, C)
        Of *image*'s dtype; integer results rounded and saturated.

    Notes
    -----
    Two faster routes: uint8 images with Sharpen-shaped 3x3 kernels (centre plus
    box) take a box sum and a weighted add; kernels large enough for ``filter2D``
    to take a DFT (13x13 cells for uint8 and float32 images, 9x9 for the others)
    but with at most 64 non-zero taps (long motion-blur lines) are summed over
    those taps (:mod:`augkit_arithmetic.functional._sparse`).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(3, dtype=np.uint8).reshape(1, 3, 1)
    >>> shift = np.float32([[0, 0, 0], [0, 0, 1], [0, 0, 0]])  # the right neighbour
    >>> convolve(img, shift)[0, :, 0].tolist()
    [1, 2, 1]
    """
    if image.size == 0:
        return write_into(out, image.copy())
    if isinstance(kernel, np.ndarray):
        direct = image.dtype.char == "B" and image.shape[2] <= CV2_MAX_CHANNELS
        if direct and kernel.shape == (3, 3) and _is_centre_plus_box(kernel):
            return _centre_plus_box(image, kernel, out)
        if direct and out is not None:  # filter2D drops a channel axis of 1: write_into
            return write_into(out, _filter2d(image, kernel, out))
        return write_into(out, run_cv2(image, lambda a: _filter2d(a, kernel)))
    kernels = list(kernel)
    if out is None:
        out = np.empty_like(image)
    for c, k in enumerate(kernels):
        channel = image[:, :, c:c + 1]
        out[:, :, c:c + 1] = channel if k is None else convolve(channel, k)
    return out


def _filter2d(image: np.ndarray, kernel: np.ndarray,
              out: np.ndarray | None = None) -> np.ndarray:
    """``cv2.filter2D`` (into *out* when given), or a sum over the taps of a sparse
    kernel it would take a DFT for."""
    area = dft_area(image.dtype)
    plan = sparse_plan(kernel, area) if kernel.size >= area else None
    if plan is None:
        return cv2.filter2D(image, -1, kernel, dst=out, borderType=BORDER)
    return correlate_sparse(image, plan)


def _is_centre_plus_box(kernel: np.ndarray) -> bool:
    """Whether a 3x3 kernel's eight outer weights are equal (a Python check: ~1 µs)."""
    weights = kernel.ravel().tolist()
    ring = weights[:4] + weights[5:]
    return ring.count(ring[0]) == 8


#: Values per strip of :func:`_centre_plus_box`: the strip's int16 sums stay in cache.
_STRIP_VALUES = 1 << 17


def _centre_plus_box(image: np.ndarray, kernel: np.ndarray,
                     out: np.ndarray | None = None) -> np.ndarray:
    """uint8 fast path for ``c * identity + o * ones(3, 3)`` kernels (Sharpen's shape).

    A 3x3 box sum and one weighted add, equal to ``cv2.filter2D`` except for rare
    ties rounded the other way. The sums (at most 9 * 255) are exact in int16: an
    integer box filter, and ``cv2.addWeighted`` converts them to float32 exactly,
    so the pixels are those of float32 sums. Large images go in strips of rows
    whose sums stay in cache (at 1024x1024: 1.2x faster than ``filter2D``, 1.6x
    faster than whole-image float32 sums).
    """
    ring = float(kernel[0, 0])
    centre = float(kernel[1, 1]) - ring
    height, width, nb_channels = image.shape
    rows = max(1, _STRIP_VALUES // (width * nb_channels))
    step = rows if height > 2 * rows else height
    if out is None:
        out = np.empty((height, width, nb_channels), dtype=np.uint8)
    for top in range(0, height, step):
        _centre_plus_box_rows(image, top, min(top + step, height), centre, ring, out)
    return out


def _centre_plus_box_rows(image: np.ndarray, top: int, bottom: int, centre: float,
                          ring: float, out: np.ndarray) -> None:
    """Write rows ``top:bottom`` of :func:`_centre_plus_box` into *out*.

    The box sums see one row above and below the strip (where the image has them),
    so the strip's rows equal those of a whole-image pass.
    """
    above, below = max(top - 1, 0), min(bottom + 1, image.shape[0])
    sums = cv2.boxFilter(image[above:below], cv2.CV_16S, (3, 3), normalize=False,
                         borderType=BORDER)
    first = top - above
    cv2.addWeighted(image[top:bottom], centre, sums[first:first + bottom - top], ring, 0.0,
                    dst=out[top:bottom], dtype=cv2.CV_8U)


# The builders below take Python floats and return one float32 3x3 kernel,
# already mixed with the identity by alpha (a few microseconds, no numpy temporaries).
def sharpen_kernel(alpha: float, lightness: float) -> np.ndarray:
    """Sharpen: the 8-neighbour Laplacian with centre ``8 + lightness``, mixed by alpha.

    Parameters
    ----------
    alpha : float
        Visibility of the sharpened image in ``[0, 1]`` (0: the identity kernel).
    lightness : float
        Brightness of the sharpened image.

    Returns
    -------
    ndarray of shape (3, 3), dtype float32

    Examples
    --------
    >>> sharpen_kernel(1.0, 1.0).tolist()
    [[-1.0, -1.0, -1.0], [-1.0, 9.0, -1.0], [-1.0, -1.0, -1.0]]
    """
    o = -alpha
    c = 1.0 - alpha + alpha * (8.0 + lightness)
    return np.array([[o, o, o], [o, c, o], [o, o, o]], dtype=np.float32)


def emboss_kernel(alpha: float, strength: float) -> np.ndarray:
    """Emboss ``[[-1 - s, -s, 0], [-s, 1, s], [0, s, 1 + s]]`` mixed by alpha.

    Parameters
    ----------
    alpha : float
        Visibility of the embossed image in ``[0, 1]``.
    strength : float
        Relief strength ``s``.

    Returns
    -------
    ndarray of shape (3, 3), dtype float32

    Examples
    --------
    >>> emboss_kernel(1.0, 1.0).tolist()
    [[-2.0, -1.0, 0.0], [-1.0, 1.0, 1.0], [0.0, 1.0, 2.0]]
    """
    s = alpha * strength
    return np.array([[-alpha - s, -s, 0.0], [-s, 1.0, s], [0.0, s, alpha + s]],
                    dtype=np.float32)


def edge_kernel(alpha: float) -> np.ndarray:
    """EdgeDetect: the 4-neighbour Laplacian ``[[0, 1, 0], [1, -4, 1], [0, 1, 0]]`` mixed by alpha.

    Parameters
    ----------
    alpha : float
        Visibility of the edge image in ``[0, 1]``.

    Returns
    -------
    ndarray of shape (3, 3), dtype float32

    Examples
    --------
    >>> edge_kernel(0.0).tolist()
    [[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]
    """
    return np.array([[0.0, alpha, 0.0], [alpha, 1.0 - 5.0 * alpha, alpha],
                     [0.0, alpha, 0.0]], dtype=np.float32)


@lru_cache(maxsize=360)
def _directed_effect(degree: int) -> tuple[float, ...]:
    """DirectedEdgeDetect's unmixed kernel for a whole degree: 9 Python floats, cached.

    Each neighbour cell is weighted by ``(1 - angle / 180°)**4``, its angular
    distance from the direction vector (0° points up, 90° right); weights are
    normalised to sum to -1 and the centre is 1.
    """
    radians = np.deg2rad(np.array([degree], dtype=np.int64)) - 0.5 * np.pi
    vx, vy = np.cos(radians), np.sin(radians)
    ys, xs = np.mgrid[-1:2, -1:2]
    norm = np.hypot(xs, ys)
    norm[1, 1] = 1.0
    cos = (xs * vx + ys * vy) / norm
    distance = np.degrees(np.arccos(np.clip(cos, -1.0, 1.0))) / 180.0
    weights = (1.0 - distance) ** 4
    weights[1, 1] = 0.0
    weights /= weights.sum()
    effect = -weights
    effect[1, 1] = 1.0
    return tuple(effect.ravel().tolist())


_IDENTITY9 = (0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0)


def directed_edge_kernel(alpha: float, direction: float) -> np.ndarray:
    """DirectedEdgeDetect: edges seen from *direction* (0..1 of a turn), mixed by alpha.

    The direction is truncated to whole degrees (as imgaug does), whose unmixed
    kernels are cached: a few microseconds per kernel.

    Parameters
    ----------
    alpha : float
        Visibility of the edge image in ``[0, 1]`` (0: the identity).
    direction : float
        Direction as a fraction of a full turn: 0 looks from the top, 0.25 from
        the right.

    Returns
    -------
    ndarray of shape (3, 3), dtype float32

    Examples
    --------
    >>> k = directed_edge_kernel(1.0, 0.0)
    >>> float(k[1, 1]), bool(k[0, 1] < k[2, 1])
    (1.0, True)
    """
    effect = _directed_effect(int(direction * 360) % 360)
    keep = 1.0 - alpha
    return np.array([keep * i + alpha * e for i, e in zip(_IDENTITY9, effect)],
                    dtype=np.float32).reshape(3, 3)


def directed_edge_kernels(alphas: np.ndarray, directions: np.ndarray) -> np.ndarray:
    """:func:`directed_edge_kernel` for arrays of alphas and directions.

    Parameters
    ----------
    alphas : ndarray of shape (N,)
        Visibility of each edge kernel in ``[0, 1]`` (0: the identity).
    directions : ndarray of shape (N,)
        Direction of each as a fraction of a full turn.

    Returns
    -------
    ndarray of shape (N, 3, 3), dtype float32

    Examples
    --------
    >>> import numpy as np
    >>> directed_edge_kernels(np.array([0.0, 1.0]), np.array([0.2, 0.0])).shape
    (2, 3, 3)
    """
    alphas = np.asarray(alphas, dtype=np.float64).tolist()
    directions = np.asarray(directions, dtype=np.float64).tolist()
    kernels = [directed_edge_kernel(a, d) for a, d in zip(alphas, directions)]
    return np.stack(kernels) if kernels else np.zeros((0, 3, 3), dtype=np.float32)
