"""Pure numpy/OpenCV kernels behind blur, convolutional, segmentation and edges.

Everything here is a plain function on ``(H, W, C)`` arrays (no randomness, no
augmenter state), so tests can call it directly. Kernels are cached per rounded
key so that repeated calls with the same parameters cost no Python work.

Examples
--------
>>> import numpy as np
>>> img = np.full((4, 4, 1), 7, dtype=np.uint8)
>>> gaussian_blur(img, 1.0).tolist() == img.tolist()
True
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import cv2
import numpy as np

from augkit import parameters as iap
from augkit.errors import ParameterError, ParameterTypeError, describe
from augkit.extend import CV2_MAX_CHANNELS, CV2_NATIVE_DTYPES, run_cv2, saturate

_BORDER = cv2.BORDER_REFLECT_101

#: dtypes OpenCV's linear filters (blur, filter2D, sepFilter2D) take as they are
LINEAR_NATIVE = CV2_NATIVE_DTYPES


# --------------------------------------------------------------------------- kernel sizes
class KernelSize:
    """A kernel size drawn per image, the same for both axes or one per axis.

    Built from imgaug's shorthand by :func:`kernel_size_param`.
    """

    def __init__(self, height: iap.StochasticParameter,
                 width: iap.StochasticParameter | None = None) -> None:
        self.height = height
        self.width = width

    def draw(self, nb_rows: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """Return ``(heights, widths)``, int arrays of length *nb_rows*."""
        heights = np.asarray(self.height.draw_samples(nb_rows, random_state=rng)).astype(int)
        if self.width is None:
            return heights, heights
        widths = np.asarray(self.width.draw_samples(nb_rows, random_state=rng)).astype(int)
        return heights, widths

    def draw_pairs(self, nb_rows: int, rng: np.random.Generator,
                   minimum: int = 0) -> list[tuple[int, int]]:
        """Return ``(height, width)`` Python-int pairs, one per row, each at least *minimum*."""
        fixed = self._fixed
        if fixed is not None:
            pair = (max(fixed[0], minimum), max(fixed[1], minimum))
            return [pair] * nb_rows
        heights, widths = self.draw(nb_rows, rng)
        return [(max(h, minimum), max(w, minimum))
                for h, w in zip(heights.tolist(), widths.tolist())]

    @property
    def _fixed(self) -> tuple[int, int] | None:
        width = self.height if self.width is None else self.width
        if isinstance(self.height, iap.Deterministic) and isinstance(width, iap.Deterministic):
            return int(self.height.value), int(width.value)
        return None

    def __repr__(self) -> str:
        if self.width is None:
            return repr(self.height)
        return f"({self.height!r}, {self.width!r})"


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) \
        and not isinstance(value, (bool, np.bool_))


def kernel_size_param(value: Any, name: str, *, minimum: int = 1) -> KernelSize:
    """Parse a kernel size: one shorthand for both axes, or a ``(height, width)`` pair.

    ``3``, ``(1, 7)`` (discrete range), ``[3, 5]`` and a StochasticParameter give
    square kernels; a tuple of two non-numbers (``((1, 7), (3, 5))``, ``([3, 5],
    7)``, two parameters) gives the height and the width separately.

    Examples
    --------
    >>> kernel_size_param(((1, 3), 5), "k")
    (DiscreteUniform(a=1, b=3), Deterministic(value=5))
    """
    value_range = (minimum, None)
    if isinstance(value, tuple) and len(value) == 2 \
            and not (_is_number(value[0]) and _is_number(value[1])):
        height = iap.handle_discrete_param(value[0], f"{name}[0]", value_range=value_range)
        width = iap.handle_discrete_param(value[1], f"{name}[1]", value_range=value_range)
        return KernelSize(height, width)
    return KernelSize(iap.handle_discrete_param(value, name, value_range=value_range))


def check_choice(value: Any, name: str, options: Sequence[Any]) -> Any:
    """Return *value* if it is one of *options*, else raise a ParameterError naming *name*."""
    if isinstance(value, (list, dict, set)) or value not in options:
        listed = ", ".join(repr(o) for o in options)
        raise ParameterError(f"{name}: expected one of {{{listed}}}, got {describe(value)}")
    return value


def check_positive_int_or_none(value: Any, name: str) -> int | None:
    """Validate an optional size such as ``max_size`` (None or an int >= 1)."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise ParameterTypeError(f"{name}: expected None or an integer >= 1, got "
                                 f"{describe(value)}")
    if value < 1:
        raise ParameterError(f"{name}: expected None or an integer >= 1, got {describe(value)}")
    return int(value)


# --------------------------------------------------------------------------- gaussian
GAUSSIAN_EPS = 1e-3


def gaussian_ksize(sigma: float) -> int:
    """imgaug's kernel size for *sigma*: about 3.3, 2.9 or 2.6 sigma, odd, at least 5.

    Examples
    --------
    >>> gaussian_ksize(1.0), gaussian_ksize(3.0), gaussian_ksize(10.0)
    (5, 9, 27)
    """
    factor = 3.3 if sigma < 3.0 else 2.9 if sigma < 5.0 else 2.6
    ksize = int(max(factor * sigma, 5))
    return ksize + 1 if ksize % 2 == 0 else ksize


@lru_cache(maxsize=1024)
def _gaussian_kernel(sigma_key: int, wide: bool) -> np.ndarray:
    sigma = sigma_key / 10000.0
    kernel = cv2.getGaussianKernel(gaussian_ksize(sigma), sigma,
                                   ktype=cv2.CV_64F if wide else cv2.CV_32F)
    kernel.setflags(write=False)
    return kernel


# dtype chars computed in float64 (float64 itself and the wide integers)
_WIDE_CHARS = frozenset("dIilq")


def gaussian_blur(image: np.ndarray, sigma: float) -> np.ndarray:
    """Blur an ``(H, W, C)`` image with a Gaussian of standard deviation *sigma*.

    A separable pass (``cv2.sepFilter2D``) with a kernel cached per sigma (rounded
    to 1e-4) and imgaug's kernel size; borders are reflected (``BORDER_REFLECT_101``).
    ``sigma <= 0.001`` returns a copy.
    """
    if sigma <= GAUSSIAN_EPS or image.size == 0:
        return image.copy()
    kernel = _gaussian_kernel(int(sigma * 10000 + 0.5), image.dtype.char in _WIDE_CHARS)
    return run_cv2(image, lambda a: cv2.sepFilter2D(a, -1, kernel, kernel, borderType=_BORDER))


# --------------------------------------------------------------------------- box and median
def average_blur(image: np.ndarray, k_height: int, k_width: int) -> np.ndarray:
    """Mean over ``k_height x k_width`` neighbourhoods (``cv2.blur``, reflected borders)."""
    if (k_height <= 1 and k_width <= 1) or k_height < 1 or k_width < 1 or image.size == 0:
        return image.copy()
    size = (k_width, k_height)
    return run_cv2(image, lambda a: cv2.blur(a, size, borderType=_BORDER))


#: dtypes cv2.medianBlur handles: every ksize for uint8, ksize 3 and 5 for the others
MEDIAN_NATIVE_SMALL = frozenset({"uint8", "uint16", "float32"})


def median_blur(image: np.ndarray, k: int) -> np.ndarray:
    """Median over ``k x k`` neighbourhoods, *k* odd (replicated borders).

    uint8 goes through ``cv2.medianBlur`` (channel groups of 1, 3 or 4 for k > 5);
    uint16 and float32 too for k <= 5, and ``scipy.ndimage.median_filter`` (same
    border) for larger k.
    """
    if k <= 1 or image.size == 0:
        return image.copy()
    k = int(k)
    char = image.dtype.char
    if char == "B" or (k <= 5 and char in "Hf"):
        groups: Sequence[int] | int = (1, 3, 4) if k > 5 else CV2_MAX_CHANNELS
        return run_cv2(image, lambda a: cv2.medianBlur(a, k),
                       native=MEDIAN_NATIVE_SMALL, channels=groups)
    from scipy import ndimage

    return ndimage.median_filter(image, size=(k, k, 1), mode="nearest")


# --------------------------------------------------------------------------- bilateral
def bilateral_blur(image: np.ndarray, d: int, sigma_color: float,
                   sigma_space: float) -> np.ndarray:
    """Edge-preserving bilateral filter (``cv2.bilateralFilter``) over diameter *d*.

    Images of 1 or 3 channels are filtered as they are (colour distance over all
    three channels); any other channel count is filtered channel by channel.
    float32 images are read as ``[0, 1]``: *sigma_color* is divided by 255.
    """
    if d == 1 or image.size == 0:
        return image.copy()
    if image.dtype.kind == "f":
        sigma_color = sigma_color / 255.0
    nb_channels = image.shape[2]
    groups = (nb_channels,) if nb_channels in (1, 3) else 1
    return run_cv2(image, lambda a: cv2.bilateralFilter(a, int(d), float(sigma_color),
                                                        float(sigma_space)),
                   native=frozenset({"uint8", "float32"}), channels=groups)


# --------------------------------------------------------------------------- mean shift
def mean_shift_blur(image: np.ndarray, spatial_radius: float,
                    color_radius: float) -> np.ndarray:
    """Pyramid mean-shift filtering (``cv2.pyrMeanShiftFiltering``) of a uint8 image.

    Three channels are filtered together; 1 channel is tiled to three and back; 4
    channels filter the first three and keep the fourth (alpha); other counts are
    filtered one channel at a time (each tiled to three).
    """
    if image.size == 0:
        return image.copy()
    sp, sr = max(float(spatial_radius), 0.0), max(float(color_radius), 0.0)

    def three(rgb: np.ndarray) -> np.ndarray:
        return cv2.pyrMeanShiftFiltering(np.ascontiguousarray(rgb), sp, sr)

    nb_channels = image.shape[2]
    if nb_channels == 3:
        return three(image)
    out = image.copy()
    if nb_channels == 4:
        out[:, :, :3] = three(image[:, :, :3])
        return out
    for c in range(nb_channels):
        out[:, :, c] = three(np.repeat(image[:, :, c:c + 1], 3, axis=2))[:, :, 0]
    return out


# --------------------------------------------------------------------------- convolution
def convolve(image: np.ndarray, kernel: np.ndarray | Sequence[np.ndarray]) -> np.ndarray:
    """Correlate an ``(H, W, C)`` image with a 2D kernel (``cv2.filter2D``, reflected borders).

    *kernel* is one 2D float array for every channel, or a sequence of one kernel
    (or None: channel unchanged) per channel. Integer results are rounded and
    saturated; bool images are filtered as float32 and thresholded at 0.5
    (the dtype table of :mod:`augkit.opencv`).
    """
    if image.size == 0:
        return image.copy()
    if isinstance(kernel, np.ndarray):
        if kernel.shape == (3, 3) and image.dtype.char == "B" \
                and image.shape[2] <= CV2_MAX_CHANNELS and _is_centre_plus_box(kernel):
            return _centre_plus_box(image, kernel)
        return run_cv2(image, lambda a: cv2.filter2D(a, -1, kernel, borderType=_BORDER))
    kernels = list(kernel)
    out = np.empty_like(image)
    for c, k in enumerate(kernels):
        channel = image[:, :, c:c + 1]
        out[:, :, c:c + 1] = channel if k is None else convolve(channel, k)
    return out


def _is_centre_plus_box(kernel: np.ndarray) -> bool:
    ring = kernel.ravel()[[0, 1, 2, 3, 5, 6, 7, 8]]
    return bool((ring == ring[0]).all())


def _centre_plus_box(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """uint8 fast path for ``c * identity + o * ones(3, 3)`` kernels (Sharpen's shape).

    A 3x3 box sum (exact in float32) and one weighted add: about twice as fast as
    ``cv2.filter2D``, equal to it except for rare ties rounded the other way.
    """
    ring = float(kernel[0, 0])
    centre = float(kernel[1, 1]) - ring
    sums = cv2.boxFilter(image, cv2.CV_32F, (3, 3), normalize=False, borderType=_BORDER)
    out = cv2.addWeighted(image, centre, sums, ring, 0.0, dtype=cv2.CV_8U)
    return out.reshape(image.shape)


def as_kernel(matrix: Any, name: str = "matrix") -> np.ndarray:
    """Validate a convolution matrix: a non-empty 2D array of finite numbers → float32."""
    try:
        arr = np.asarray(matrix, dtype=np.float64)
    except (TypeError, ValueError):
        raise ParameterTypeError(f"{name}: expected a 2D array of numbers, got "
                                 f"{describe(matrix)}") from None
    if arr.ndim != 2 or arr.size == 0:
        raise ParameterError(f"{name}: expected a non-empty 2D array, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ParameterError(f"{name}: the matrix holds NaN or infinite values")
    return arr.astype(np.float32)


_IDENTITY3 = np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=np.float64)


def mix_with_identity(effects: np.ndarray, alphas: np.ndarray) -> np.ndarray:
    """Return ``(1 - alpha) * identity + alpha * effect`` per row, as float32 (N, 3, 3).

    Mixing the kernels equals blending the filtered image with the original before
    rounding: one filter pass instead of two, and imgaug's exact semantics.
    """
    a = np.asarray(alphas, dtype=np.float64)[:, None, None]
    return ((1.0 - a) * _IDENTITY3 + a * effects).astype(np.float32)


# The three builders below take Python floats and return one float32 3x3 kernel,
# already mixed with the identity by alpha (a few microseconds, no numpy temporaries).
def sharpen_kernel(alpha: float, lightness: float) -> np.ndarray:
    """Sharpen: the 8-neighbour Laplacian with centre ``8 + lightness``, mixed by alpha.

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

    Examples
    --------
    >>> edge_kernel(0.0).tolist()
    [[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]
    """
    return np.array([[0.0, alpha, 0.0], [alpha, 1.0 - 5.0 * alpha, alpha],
                     [0.0, alpha, 0.0]], dtype=np.float32)


def directed_edge_kernels(alphas: np.ndarray, directions: np.ndarray) -> np.ndarray:
    """DirectedEdgeDetect kernels: edges seen from *direction* (0..1 of a turn), mixed by alpha.

    Each neighbour cell is weighted by ``(1 - angle / 180°)**4``, its angular
    distance from the direction vector (0 points up, 0.25 right); weights are
    normalised to sum to -1 and the centre is 1.
    """
    degrees = (np.asarray(directions, dtype=np.float64) * 360).astype(int) % 360
    radians = np.deg2rad(degrees) - 0.5 * np.pi
    vx, vy = np.cos(radians), np.sin(radians)                    # (N,)
    ys, xs = np.mgrid[-1:2, -1:2]
    norm = np.hypot(xs, ys)
    norm[1, 1] = 1.0
    cos = (xs[None] * vx[:, None, None] + ys[None] * vy[:, None, None]) / norm
    distance = np.degrees(np.arccos(np.clip(cos, -1.0, 1.0))) / 180.0
    weights = (1.0 - distance) ** 4
    weights[:, 1, 1] = 0.0
    weights /= weights.sum(axis=(1, 2), keepdims=True)
    effects = -weights
    effects[:, 1, 1] = 1.0
    return mix_with_identity(effects, alphas)


_ORDER_FLAGS = {0: cv2.INTER_NEAREST, 1: cv2.INTER_LINEAR, 3: cv2.INTER_CUBIC,
                4: cv2.INTER_LANCZOS4}
MOTION_ORDERS = tuple(_ORDER_FLAGS)


def _linspace(start: float, stop: float, num: int) -> list[float]:
    """``np.linspace(start, stop, num)`` (num >= 2) in Python floats: the same values."""
    div = num - 1
    delta = stop - start
    step = delta / div
    if step == 0:  # numpy then scales by delta after dividing
        values = [i / div * delta + start for i in range(num)]
    else:
        values = [i * step + start for i in range(num)]
    values[-1] = stop
    return values


@lru_cache(maxsize=1024)
def _motion_kernel(k: int, angle_key: int, direction_key: int, order: int) -> np.ndarray:
    direction = (min(max(direction_key / 1000.0, -1.0), 1.0) + 1.0) / 2.0
    line = np.zeros((k, k), dtype=np.float32)
    line[:, k // 2] = _linspace(direction, 1.0 - direction, k)
    center = ((k - 1) / 2.0, (k - 1) / 2.0)
    # positive angles turn clockwise on screen (y points down), as in imgaug's Affine
    rotation = cv2.getRotationMatrix2D(center, -angle_key / 100.0, 1.0)
    kernel = cv2.warpAffine(line, rotation, (k, k), flags=_ORDER_FLAGS[order],
                            borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    # imgaug rotates the kernel as a uint8 image: weights are multiples of 1/255, tiny
    # ones vanish (which also keeps cv2.filter2D fast: it skips zero coefficients)
    kernel = np.round(np.maximum(kernel, 0.0) * 255.0) / 255.0
    total = float(kernel.sum())
    if total <= 0:
        kernel = np.zeros((k, k), dtype=np.float32)
        kernel[k // 2, k // 2] = 1.0
        return kernel
    kernel /= total
    kernel.setflags(write=False)
    return kernel


def motion_kernel(k: int, angle: float, direction: float, order: int = 1) -> np.ndarray:
    """A normalised ``k x k`` line kernel at *angle* degrees, weighted by *direction*.

    *k* is made odd (even values go up by one); *direction* in ``[-1, 1]`` moves
    the weight towards one end of the line (0: uniform). Cached per rounded key.

    Examples
    --------
    >>> motion_kernel(3, 0.0, 0.0).astype(float).round(3).tolist()
    [[0.0, 0.333, 0.0], [0.0, 0.333, 0.0], [0.0, 0.333, 0.0]]
    """
    k = int(k)
    k = k + 1 if k % 2 == 0 else k
    return _motion_kernel(k, int(round(float(angle) % 360.0 * 100)),
                          int(round(float(direction) * 1000)), int(order))


# --------------------------------------------------------------------------- segments
def segment_means(image: np.ndarray, segments: np.ndarray, nb_segments: int) -> np.ndarray:
    """Return the mean colour of each segment id ``0..nb_segments-1``: shape (S, C), float64."""
    flat = segments.ravel()
    counts = np.bincount(flat, minlength=nb_segments).astype(np.float64)
    counts[counts == 0] = 1.0
    nb_channels = image.shape[2]
    pixels = image.reshape(-1, nb_channels)
    means = np.empty((nb_segments, nb_channels), dtype=np.float64)
    for c in range(nb_channels):
        means[:, c] = np.bincount(flat, weights=pixels[:, c], minlength=nb_segments)
    means /= counts[:, None]
    return means


def replace_segments(image: np.ndarray, segments: np.ndarray,
                     replace: np.ndarray) -> np.ndarray:
    """Replace every segment whose flag is set by its mean colour.

    *segments* holds ids ``>= 0`` (H, W); segment ``i`` uses flag
    ``replace[i % len(replace)]`` (SLIC may return more segments than requested).
    Integer means are rounded and saturated.
    """
    nb_segments = int(segments.max()) + 1
    flags = np.resize(np.asarray(replace, dtype=bool), nb_segments)
    if not flags.any():
        return image.copy()
    means = saturate(segment_means(image, segments, nb_segments), image.dtype)
    replaced = flags[segments]
    out = image.copy()
    out[replaced] = means[segments[replaced]]
    return out


def shrink_to_max_size(image: np.ndarray, max_size: int | None, flag: int) -> np.ndarray:
    """Downscale *image* so its longer side is at most *max_size* (imgaug's rounding down)."""
    height, width = image.shape[:2]
    if max_size is None or max(height, width) <= max_size:
        return image
    scale = max_size / max(height, width)
    size = (max(int(height * scale), 1), max(int(width * scale), 1))
    from augkit import imgutils

    return imgutils.resize_to(image, size, flag)


def shrunk_shape(shape: Sequence[int], max_size: int | None) -> tuple[int, int]:
    """The ``(height, width)`` :func:`shrink_to_max_size` gives an image of *shape*."""
    height, width = int(shape[0]), int(shape[1])
    if max_size is None or max(height, width) <= max_size:
        return height, width
    scale = max_size / max(height, width)
    return max(int(height * scale), 1), max(int(width * scale), 1)


def voronoi_segments(shape: tuple[int, int], points: np.ndarray) -> np.ndarray:
    """Label every pixel of an ``(H, W)`` grid with the index of its nearest point.

    *points* are ``(N, 2)`` ``(x, y)`` in continuous coordinates (pixel centres at
    ``+0.5``).
    """
    from scipy.spatial import cKDTree

    height, width = shape
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32) + np.float32(0.5)
    tree = cKDTree(np.asarray(points, dtype=np.float64))
    _dist, index = tree.query(np.stack([xs.ravel(), ys.ravel()], axis=1), k=1)
    return index.reshape(height, width).astype(np.intp)


def math_ceil_div(a: int, b: int) -> int:
    """``ceil(a / b)`` for positive ints."""
    return -(-int(a) // int(b))

