"""Pure numpy/OpenCV kernels behind the weather augmenters.

Every function here is deterministic: the augmenters draw all random values in
``sample`` and pass them in. Images are ``(H, W, C)`` arrays with C in {1, 3, 4}
(the fourth channel is alpha and is never changed), dtype uint8 or float32 (float
images hold values in [0, 1]). Maps (``keep``, ``add``, ``noise``) are single-channel
float32 ``(H, W)`` arrays; brightness values in maps are on the uint8 scale
(0..255) for every dtype.

Blending
    :func:`blend_keep_add`, :func:`blend_color`, :func:`blend_add_max`,
    :func:`compose_lerps`.
Clouds and fog
    :func:`cloud_alpha` (opacity from noise), :func:`render_clouds`.
Snowy landscapes
    :func:`snowy_landscape`, :func:`lightness_table`, :data:`COLORSPACES`.
Snowflakes and rain
    :class:`ParticlePlan` (one drawn layer), :func:`render_particles`,
    :func:`render_grid`, :func:`motion_kernel`, :func:`snow_tables`,
    :func:`render_snowflakes`, :func:`render_rain`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from augkit.extend import apply_lut

_IDENTITY = np.arange(256, dtype=np.float64)

# --------------------------------------------------------------------------- blending


def _spread(plane: np.ndarray, channels: int, alpha_value: int) -> np.ndarray:
    """Repeat a uint8 ``(H, W)`` plane over the colour channels (alpha gets a constant)."""
    if channels == 1:
        return plane
    if channels == 3:
        return cv2.merge([plane, plane, plane])
    return cv2.merge([plane, plane, plane, np.full_like(plane, alpha_value)])


def _fit(plane: np.ndarray, height: int, width: int) -> np.ndarray:
    """Resize a 2-D map to ``(height, width)`` (bilinear) if it has another size."""
    if plane.shape[:2] == (height, width):
        return plane
    return cv2.resize(plane, (width, height), interpolation=cv2.INTER_LINEAR).reshape(
        height, width)


def blend_keep_add(image: np.ndarray, keep: np.ndarray, add: np.ndarray) -> np.ndarray:
    """Return ``image * keep + add`` on every colour channel (alpha kept).

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8 or float32
    keep : ndarray of shape (h, w), float32
        Fraction of the image kept, in [0, 1]; bilinearly resized to ``(H, W)``.
    add : ndarray of shape (h, w), float32
        Value added, on the uint8 scale (divided by 255 for float images).

    Returns
    -------
    ndarray of shape (H, W, C), same dtype, a new array.

    Examples
    --------
    >>> img = np.full((1, 2, 3), 100, np.uint8)
    >>> keep = np.array([[1.0, 0.5]], np.float32); add = np.array([[0, 100]], np.float32)
    >>> blend_keep_add(img, keep, add)[..., 0].tolist()
    [[100, 150]]
    """
    height, width, channels = image.shape
    if image.dtype == np.uint8:
        keep8 = _fit(cv2.convertScaleAbs(keep, alpha=255.0), height, width)
        add8 = _fit(cv2.convertScaleAbs(add), height, width)
        kept = cv2.multiply(image, _spread(keep8, channels, 255), scale=1.0 / 255.0)
        out = cv2.add(kept.reshape(image.shape), _spread(add8, channels, 0).reshape(image.shape))
        return out.reshape(image.shape)
    keep = _fit(keep, height, width)
    add = _fit(add, height, width)
    out = image.astype(np.float32, copy=True)
    color = out[:, :, :3] if channels == 4 else out
    color *= keep[:, :, None]
    color += add[:, :, None] * np.float32(1.0 / 255.0)
    return out.astype(image.dtype, copy=False)


def blend_color(image: np.ndarray, alpha: np.ndarray, color: float) -> np.ndarray:
    """Return ``image * (1 - alpha) + color * alpha`` on every colour channel (alpha kept).

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8 or float32
    alpha : ndarray of shape (h, w), float32
        Opacity of *color*, clipped to [0, 1] and bilinearly resized to ``(H, W)``;
        for uint8 images it is quantised to 8 bits and resized as uint8.
    color : float
        The colour blended in, on the uint8 scale (divided by 255 for float images).

    Returns
    -------
    ndarray of shape (H, W, C), same dtype, a new array.

    Examples
    --------
    >>> img = np.full((1, 2, 1), 100, np.uint8)
    >>> blend_color(img, np.array([[0.0, 0.5]], np.float32), 200)[..., 0].tolist()
    [[100, 150]]
    """
    height, width, channels = image.shape
    if image.dtype != np.uint8:
        alpha = np.clip(_fit(alpha, height, width), 0.0, 1.0)
        return blend_keep_add(image, 1.0 - alpha, alpha * np.float32(color))
    alpha8 = _fit(cv2.convertScaleAbs(alpha, alpha=255.0), height, width)
    keep8 = cv2.bitwise_not(alpha8)
    add8 = apply_lut(alpha8[:, :, None], np.rint(_IDENTITY * (color / 255.0)))[:, :, 0]
    kept = cv2.multiply(image, _spread(keep8, channels, 255), scale=1.0 / 255.0)
    out = cv2.add(kept.reshape(image.shape), _spread(add8, channels, 0).reshape(image.shape))
    return out.reshape(image.shape)


def blend_add_max(image: np.ndarray, add: np.ndarray, floor: np.ndarray) -> np.ndarray:
    """Return ``max(image + add, floor)`` on every colour channel (alpha kept).

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8 or float32
    add : ndarray of shape (h, w), uint8
        Added to the image (saturating at the top of the value range); bilinearly
        resized to ``(H, W)``, divided by 255 for float images.
    floor : ndarray of shape (h, w), uint8
        Lower bound of the result, resized and scaled as *add*.

    Returns
    -------
    ndarray of shape (H, W, C), same dtype, a new array.

    Examples
    --------
    >>> img = np.array([[[10], [250]]], np.uint8)
    >>> out = blend_add_max(img, np.array([[5, 10]], np.uint8), np.array([[200, 0]], np.uint8))
    >>> out[..., 0].tolist()
    [[200, 255]]
    """
    height, width, channels = image.shape
    add = _fit(add, height, width)
    floor = _fit(floor, height, width)
    if image.dtype == np.uint8:
        summed = cv2.add(image, _spread(add, channels, 0).reshape(image.shape))
        out = cv2.max(summed.reshape(image.shape), _spread(floor, channels, 0).reshape(image.shape))
        return out.reshape(image.shape)
    out = image.astype(np.float32, copy=True)
    color = out[:, :, :3] if channels == 4 else out
    scale = np.float32(1.0 / 255.0)
    color += add[:, :, None] * scale
    np.minimum(color, 1.0, out=color)
    np.maximum(color, floor[:, :, None] * scale, out=color)
    return out


def compose_lerps(
    layers: Sequence[tuple[np.ndarray, np.ndarray | float]],
) -> tuple[np.ndarray, np.ndarray]:
    """Fold ``(alpha, value)`` layers, applied in order as ``x = (1 - a) x + a v``.

    Parameters
    ----------
    layers : non-empty sequence of (ndarray of shape (H, W), ndarray of shape (H, W) or float)
        Opacity (float32, in [0, 1]) and value of each layer, bottom first. The
        arrays are not modified.

    Returns
    -------
    keep, add : ndarray of shape (H, W), float32
        New arrays with ``result = x * keep + add``.

    Examples
    --------
    >>> alpha = np.array([[0.5]], np.float32)
    >>> keep, add = compose_lerps([(alpha, 100.0), (alpha, 200.0)])
    >>> keep.tolist(), add.tolist()
    ([[0.25]], [[125.0]])
    """
    keep = add = None
    for alpha, value in layers:
        inv = 1.0 - alpha
        term = alpha * value
        if keep is None:
            keep, add = inv, term
        else:
            keep *= inv
            add *= inv
            add += term
    return keep, add


# --------------------------------------------------------------------------- FastSnowyLandscape

_TO_RGB = {
    "BGR": (cv2.COLOR_BGR2RGB, cv2.COLOR_RGB2BGR),
    "HSV": (cv2.COLOR_HSV2RGB, cv2.COLOR_RGB2HSV),
    "Lab": (cv2.COLOR_Lab2RGB, cv2.COLOR_RGB2Lab),
    "Luv": (cv2.COLOR_Luv2RGB, cv2.COLOR_RGB2Luv),
    "YCrCb": (cv2.COLOR_YCrCb2RGB, cv2.COLOR_RGB2YCrCb),
    "YUV": (cv2.COLOR_YUV2RGB, cv2.COLOR_RGB2YUV),
    "XYZ": (cv2.COLOR_XYZ2RGB, cv2.COLOR_RGB2XYZ),
}
#: Colour spaces FastSnowyLandscape accepts as ``from_colorspace``.
COLORSPACES = ("RGB", "BGR", "HLS", "HSV", "Lab", "Luv", "YCrCb", "YUV", "XYZ")


def lightness_table(threshold: float, multiplier: float) -> np.ndarray:
    """Return a lookup table that multiplies values below *threshold* by *multiplier*.

    Parameters
    ----------
    threshold : float
        Values below it are multiplied (on the uint8 scale).
    multiplier : float
        Their factor; results are rounded and clipped to [0, 255].

    Returns
    -------
    ndarray of shape (256,), uint8

    Examples
    --------
    >>> lightness_table(100, 2.0)[[10, 99, 100, 200]].tolist()
    [20, 198, 100, 200]
    """
    scaled = np.clip(np.rint(_IDENTITY * multiplier), 0, 255)
    return np.where(_IDENTITY < threshold, scaled, _IDENTITY).astype(np.uint8)


def snowy_landscape(image: np.ndarray, threshold: float, multiplier: float,
                    colorspace: str = "RGB") -> np.ndarray:
    """Multiply the HLS lightness of pixels whose lightness is below *threshold*.

    Pixels at or above the threshold come back bit-identical (no colour-space
    round-trip error). 1-channel images are their own lightness; a fourth channel
    is alpha and is kept.

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8 or float32
    threshold : float
        On the uint8 scale (0..255), also for float images.
    multiplier : float
        Factor (>= 0) of the lightness of those pixels; results are clipped.
    colorspace : {'RGB', 'BGR', 'HLS', 'HSV', 'Lab', 'Luv', 'YCrCb', 'YUV', 'XYZ'}, optional
        Colour space of *image* (:data:`COLORSPACES`; default ``"RGB"``).

    Returns
    -------
    ndarray of shape (H, W, C), same dtype, a new array.

    Examples
    --------
    >>> img = np.array([[[40, 40, 40], [200, 200, 200]]], np.uint8)
    >>> snowy_landscape(img, 140, 2.5).tolist()
    [[[100, 100, 100], [200, 200, 200]]]
    """
    channels = image.shape[2]
    if image.dtype == np.uint8:
        table = lightness_table(threshold, multiplier)
        if channels == 1:
            return apply_lut(image, table)
        color = image if channels == 3 else np.ascontiguousarray(image[:, :, :3])
        out = _snowy_uint8(color, table, threshold, colorspace)
    else:
        if channels == 1:
            return _scale_low(image, threshold / 255.0, multiplier)
        color = np.ascontiguousarray(image[:, :, :3])
        out = _snowy_float(color, threshold / 255.0, multiplier, colorspace)
    if channels == 4:
        out = np.dstack([out, image[:, :, 3:]])
    return out


def _snowy_uint8(color, table, threshold, colorspace):
    if colorspace == "HLS":
        hls = color.copy()
    elif colorspace == "RGB":
        hls = cv2.cvtColor(color, cv2.COLOR_RGB2HLS)
    elif colorspace == "BGR":
        hls = cv2.cvtColor(color, cv2.COLOR_BGR2HLS)
    else:
        hls = cv2.cvtColor(cv2.cvtColor(color, _TO_RGB[colorspace][0]), cv2.COLOR_RGB2HLS)
    lightness = cv2.extractChannel(hls, 1)
    unchanged = (_IDENTITY >= threshold).astype(np.uint8) * 255
    mask = apply_lut(lightness[:, :, None], unchanged)
    cv2.insertChannel(apply_lut(lightness[:, :, None], table)[:, :, 0], hls, 1)
    if colorspace == "HLS":
        out = hls
    elif colorspace == "RGB":
        out = cv2.cvtColor(hls, cv2.COLOR_HLS2RGB)
    elif colorspace == "BGR":
        out = cv2.cvtColor(hls, cv2.COLOR_HLS2BGR)
    else:
        out = cv2.cvtColor(cv2.cvtColor(hls, cv2.COLOR_HLS2RGB), _TO_RGB[colorspace][1])
    cv2.copyTo(color, mask[:, :, 0], out)
    return out


def _scale_low(image: np.ndarray, threshold: float, multiplier: float) -> np.ndarray:
    low = image < threshold
    return np.where(low, np.minimum(image * np.float32(multiplier), 1.0), image).astype(image.dtype)


def _snowy_float(color, threshold, multiplier, colorspace):
    work = np.clip(color, 0.0, 1.0)
    if colorspace == "HLS":
        # float HLS: hue in degrees, lightness and saturation in [0, 1]
        hls = work.copy()
    elif colorspace in ("RGB", "BGR"):
        code = cv2.COLOR_RGB2HLS if colorspace == "RGB" else cv2.COLOR_BGR2HLS
        hls = cv2.cvtColor(work, code)
    else:
        hls = cv2.cvtColor(cv2.cvtColor(color, _TO_RGB[colorspace][0]), cv2.COLOR_RGB2HLS)
    lightness = hls[:, :, 1]
    low = lightness < threshold
    hls[:, :, 1] = np.where(low, np.minimum(lightness * np.float32(multiplier), 1.0), lightness)
    if colorspace == "HLS":
        out = hls
    elif colorspace in ("RGB", "BGR"):
        code = cv2.COLOR_HLS2RGB if colorspace == "RGB" else cv2.COLOR_HLS2BGR
        out = cv2.cvtColor(hls, code)
    else:
        out = cv2.cvtColor(cv2.cvtColor(hls, cv2.COLOR_HLS2RGB), _TO_RGB[colorspace][1])
    return np.where(low[:, :, None], out, color).astype(color.dtype)


# --------------------------------------------------------------------------- particles


@dataclass
class ParticlePlan:
    """One drawn layer of snowflakes or raindrops: what :func:`render_particles` renders.

    Particles live on a *canvas*: the low-resolution grid (``flake_size`` /
    ``drop_size`` sets its scale). For long streaks (``streaks=True``, rain) the
    canvas has fewer rows (long streaks tolerate a coarse vertical resolution) and
    extra columns so that it can be sheared by the falling angle: along a canvas
    column, motion blur is a cheap vertical box filter, and one affine warp then
    shears the streaks and scales the layer to the grid it is rendered on. Short
    trails (snow) use a small rotated line kernel instead.

    Attributes
    ----------
    out_shape : tuple of (int, int)
        ``(H, W)`` of the image.
    low_shape : tuple of (int, int)
        ``(rows, cols)`` of the un-sheared low-resolution grid.
    canvas_shape : tuple of (int, int)
        ``(rows, cols)`` of the canvas.
    particles : ndarray
        Flat canvas indices (int32 or int64, repeats allowed) or a bool mask of the
        canvas.
    value : float
        Brightness of one particle on the canvas (uint8 scale).
    gate : ndarray of shape (h, w), float32
        Small density gate in [0, 1], stretched over the canvas.
    sigma : tuple of (float, float), optional
        Gaussian blur ``(x, y)`` in canvas pixels; below 0.5, none.
    length : int, optional
        Motion blur length in canvas rows; 1, none.
    shear : float, optional
        Canvas columns moved per canvas row (streaks).
    offset : float, optional
        Canvas column of low-resolution column 0 on canvas row 0 (streaks).
    angle : float, optional
        Falling angle in degrees (trails).
    streaks : bool, optional
        Box-filtered streaks on a sheared canvas (rain) instead of rotated trails.

    Examples
    --------
    >>> plan = ParticlePlan(out_shape=(2, 3), low_shape=(2, 3), canvas_shape=(2, 3),
    ...                     particles=np.array([4]), value=255.0,
    ...                     gate=np.ones((8, 8), np.float32))
    >>> render_particles(plan).tolist()
    [[0.0, 0.0, 0.0], [0.0, 255.0, 0.0]]
    """

    out_shape: tuple[int, int]
    low_shape: tuple[int, int]
    canvas_shape: tuple[int, int]
    particles: np.ndarray
    value: float
    gate: np.ndarray
    sigma: tuple[float, float] = (0.0, 0.0)
    length: int = 1
    shear: float = 0.0
    offset: float = 0.0
    angle: float = 0.0
    streaks: bool = False


def motion_kernel(length: int, angle: float) -> np.ndarray:
    """Return a normalised line kernel: a trail fading upwards from a bright head, rotated.

    Parameters
    ----------
    length : int
        Length of the trail in pixels (the kernel side is the next odd number).
    angle : float
        Rotation in degrees, clockwise (0: the trail points straight up).

    Returns
    -------
    ndarray of shape (k, k), float32
        Sums to 1 (``k = length`` rounded up to odd).

    Examples
    --------
    >>> k = motion_kernel(3, 0.0)
    >>> k.shape, float(round(k.sum(), 6)), bool(k[2, 1] < k[0, 1])
    ((3, 3), 1.0, True)
    """
    size = length if length % 2 else length + 1
    kernel = np.zeros((size, size), dtype=np.float32)
    kernel[:, size // 2] = np.linspace(1.0, 1.0 / size, size, dtype=np.float32)
    if angle:
        centre = (size - 1) / 2.0
        matrix = cv2.getRotationMatrix2D((centre, centre), -angle, 1.0)
        kernel = cv2.warpAffine(kernel, matrix, (size, size), flags=cv2.INTER_LINEAR)
    total = float(kernel.sum())
    return kernel / np.float32(total) if total > 0 else kernel


def render_grid(plans: Sequence[ParticlePlan]) -> tuple[int, int]:
    """Return the grid several layers of one image are rendered and combined on.

    It is as fine as the finest layer (at most the image size); the combined
    result is upscaled to the image once.

    Parameters
    ----------
    plans : non-empty sequence of ParticlePlan
        Layers of one image.

    Returns
    -------
    (rows, cols) : tuple of int

    Examples
    --------
    >>> gate = np.ones((8, 8), np.float32)
    >>> plans = [ParticlePlan((40, 60), (20, 30), (20, 30), np.array([0]), 255.0, gate),
    ...          ParticlePlan((40, 60), (10, 15), (5, 15), np.array([0]), 255.0, gate)]
    >>> render_grid(plans)
    (20, 30)
    """
    rows = max(plan.canvas_shape[0] for plan in plans)
    cols = max(plan.low_shape[1] for plan in plans)
    height, width = plans[0].out_shape
    return min(rows, height), min(cols, width)


def render_particles(plan: ParticlePlan, grid: tuple[int, int] | None = None,
                     gain: float = 1.0) -> np.ndarray:
    """Render a layer of particles: blurred, smeared along the falling angle, gated.

    Parameters
    ----------
    plan : ParticlePlan
        The drawn layer.
    grid : tuple of (int, int), optional
        ``(rows, cols)`` of the result (default: the image size, ``plan.out_shape``);
        see :func:`render_grid`.
    gain : float, optional
        Factor of the brightness.

    Returns
    -------
    ndarray of shape (rows, cols), float32
        Particle brightness (uint8 scale, times *gain*) over the whole image.

    Examples
    --------
    >>> plan = ParticlePlan((4, 4), (2, 2), (2, 2), np.array([0]), 255.0,
    ...                     np.ones((8, 8), np.float32))
    >>> render_particles(plan, (2, 2), gain=0.5).tolist()
    [[127.5, 0.0], [0.0, 0.0]]
    """
    rows, cols = plan.canvas_shape
    grid_h, grid_w = plan.out_shape if grid is None else grid
    gate = cv2.resize(plan.gate, (cols, rows), interpolation=cv2.INTER_LINEAR)
    gate = gate.reshape(rows, cols)
    if plan.particles.dtype == np.bool_ and plan.streaks:
        # Dense streaks: box-filter the 0/1 mask straight into float32, then gate.
        mask = plan.particles.view(np.uint8).reshape(rows, cols)
        canvas = cv2.boxFilter(mask, cv2.CV_32F, (1, plan.length),
                               borderType=cv2.BORDER_CONSTANT).reshape(rows, cols)
        canvas = cv2.multiply(canvas, gate, scale=plan.value * gain).reshape(rows, cols)
        return _warp_to_grid(canvas, plan, grid_h, grid_w)
    if plan.particles.dtype == np.bool_:
        canvas = plan.particles.reshape(rows, cols).astype(np.float32)
    else:
        canvas = np.bincount(plan.particles, minlength=rows * cols).astype(np.float32)
        canvas = canvas.reshape(rows, cols)
    canvas = cv2.multiply(canvas, gate, scale=plan.value * gain).reshape(rows, cols)
    if plan.sigma[0] >= 0.5:
        canvas = cv2.GaussianBlur(canvas, (0, 0), sigmaX=plan.sigma[0],
                                  sigmaY=max(plan.sigma[1], 0.01),
                                  borderType=cv2.BORDER_CONSTANT).reshape(rows, cols)
    if plan.length > 1 and not plan.streaks:
        canvas = cv2.filter2D(canvas, -1, motion_kernel(plan.length, plan.angle),
                              borderType=cv2.BORDER_CONSTANT).reshape(rows, cols)
    elif plan.length > 1:
        canvas = cv2.blur(canvas, (1, plan.length), borderType=cv2.BORDER_CONSTANT)
        canvas = canvas.reshape(rows, cols)
    if not plan.streaks:
        return _fit(canvas, grid_h, grid_w)
    return _warp_to_grid(canvas, plan, grid_h, grid_w)


def _warp_to_grid(canvas: np.ndarray, plan: ParticlePlan, grid_h: int, grid_w: int):
    """Shear a streak canvas and scale it onto the ``(grid_h, grid_w)`` grid."""
    rows, cols = plan.canvas_shape
    low_w = plan.low_shape[1]
    # Map grid pixel centres to canvas pixel centres: scale, then shear.
    scale_y = rows / grid_h
    scale_x = low_w / grid_w
    shift_y = 0.5 * scale_y - 0.5
    shift_x = 0.5 * scale_x - 0.5 + plan.shear * shift_y + plan.offset
    if (rows, cols) == (grid_h, grid_w) and plan.shear == 0.0 and low_w == cols:
        return canvas
    matrix = np.array([[scale_x, plan.shear * scale_y, shift_x], [0.0, scale_y, shift_y]])
    out = cv2.warpAffine(canvas, matrix, (grid_w, grid_h),
                         flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                         borderMode=cv2.BORDER_CONSTANT)
    return out.reshape(grid_h, grid_w)


def snow_tables(speed: float, size_uniformity: float) -> tuple[np.ndarray, np.ndarray]:
    """Return the tables that turn rendered flake noise into a glow (added) and a core (max).

    A gamma above 1 makes flakes smaller and less uniform; a gain brings them back up
    (imgaug's ``GammaContrast(1 + 2 (1 - u))`` and ``* (1 + 5 (1 - u))``); the glow is
    scaled by ``0.1 + 20 speed``, the core by ``1 + 20 speed``.

    Parameters
    ----------
    speed : float
        The layer's speed, in [0, 1].
    size_uniformity : float
        The layer's flake size uniformity ``u``, in [0, 1].

    Returns
    -------
    glow, core : ndarray of shape (256,), uint8

    Examples
    --------
    >>> glow, core = snow_tables(0.0, 1.0)
    >>> glow[[0, 100, 255]].tolist(), core[[0, 100, 255]].tolist()
    ([0, 10, 26], [0, 100, 255])
    """
    gamma = 1.0 + 2.0 * (1.0 - size_uniformity)
    gain = 1.0 + 5.0 * (1.0 - size_uniformity)
    shaped = _UNIT ** gamma
    shaped *= 255.0 * gain
    glow = shaped * (0.1 + 20.0 * speed)
    core = shaped * (1.0 + 20.0 * speed)
    return _to_uint8(glow), _to_uint8(core)


def _to_uint8(values: np.ndarray) -> np.ndarray:
    values += 0.5
    np.minimum(values, 255.0, out=values)
    return values.astype(np.uint8)


_UNIT = _IDENTITY / 255.0

#: imgaug's factor that makes raindrops a bit more visible (per uint8 step).
_RAIN_VISIBILITY = 1.3 / 255.0


def render_snowflakes(image: np.ndarray,
                      layers: Sequence[tuple[ParticlePlan, float, float]]) -> np.ndarray:
    """Return *image* with layers of snowflakes: a faint additive glow and bright cores.

    Each layer is rendered (:func:`render_particles`) on one common grid
    (:func:`render_grid`) and shaped by its :func:`snow_tables`; glows add up, cores
    are maxima; the result is upscaled once and blended with :func:`blend_add_max`.

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8 or float32
    layers : sequence of (ParticlePlan, float, float)
        Each layer's plan, speed and flake size uniformity; none gives a copy.

    Returns
    -------
    ndarray of shape (H, W, C), same dtype, a new array.

    Examples
    --------
    >>> plan = ParticlePlan((3, 3), (3, 3), (3, 3), np.array([4]), 255.0,
    ...                     np.ones((8, 8), np.float32))
    >>> render_snowflakes(np.zeros((3, 3, 1), np.uint8), [(plan, 0.0, 1.0)])[..., 0].tolist()
    [[0, 0, 0], [0, 255, 0], [0, 0, 0]]
    """
    if not layers:
        return image.copy()
    grid = render_grid([plan for plan, _, _ in layers])
    glow = floor = None
    for plan, speed, size_uniformity in layers:
        noise = cv2.convertScaleAbs(render_particles(plan, grid))[:, :, None]
        glow_table, core_table = snow_tables(speed, size_uniformity)
        layer_glow = apply_lut(noise, glow_table)[:, :, 0]
        layer_core = apply_lut(noise, core_table)[:, :, 0]
        if glow is None:
            glow, floor = layer_glow, layer_core
        else:
            glow = cv2.add(glow, layer_glow)
            floor = cv2.max(cv2.add(floor, layer_glow), layer_core)
    return blend_add_max(image, glow.reshape(grid), floor.reshape(grid))


def render_rain(image: np.ndarray, plans: Sequence[ParticlePlan], color: float) -> np.ndarray:
    """Return *image* with layers of rain streaks blended in *color*.

    The layers' opacities (their rendered brightness times ``1.3 / 255``) add up on
    one common grid (:func:`render_grid`); the sum is upscaled once and blended with
    :func:`blend_color`, which clips it at 1. For the faint streaks of rain this is
    the sequential blending of the layers to within a few percent.

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8 or float32
    plans : sequence of ParticlePlan
        One per layer (drawn with ``streaks=True``); none gives a copy.
    color : float
        Drop colour on the uint8 scale.

    Returns
    -------
    ndarray of shape (H, W, C), same dtype, a new array.

    Examples
    --------
    >>> plan = ParticlePlan((1, 2), (1, 2), (1, 2), np.array([1]), 100.0,
    ...                     np.ones((8, 8), np.float32), streaks=True)
    >>> render_rain(np.zeros((1, 2, 1), np.uint8), [plan], 200.0)[..., 0].tolist()
    [[0, 102]]
    """
    if not plans:
        return image.copy()
    grid = render_grid(plans)
    alpha = None
    for plan in plans:
        layer_alpha = render_particles(plan, grid, gain=_RAIN_VISIBILITY)
        alpha = layer_alpha if alpha is None else cv2.add(alpha, layer_alpha)
    return blend_color(image, alpha.reshape(grid), color)


# --------------------------------------------------------------------------- clouds


def cloud_alpha(noise: np.ndarray, alpha_min: float, alpha_multiplier: float, sparsity: float,
                density_multiplier: float) -> np.ndarray:
    """Return the opacity of a cloud layer from frequency noise (imgaug's curve).

    ``clip(max(alpha_min + alpha_multiplier * noise, 0) ** sparsity *
    density_multiplier, 0, 1)``.

    Parameters
    ----------
    noise : ndarray of shape (H, W)
        Frequency noise in [0, 1].
    alpha_min, alpha_multiplier, sparsity, density_multiplier : float
        The layer's drawn values.

    Returns
    -------
    ndarray of shape (H, W), float32
        A new array in [0, 1].

    Examples
    --------
    >>> cloud_alpha(np.array([[0.0, 0.5, 1.0]]), 0.25, 0.5, 1.0, 2.0).tolist()
    [[0.5, 1.0, 1.0]]
    """
    alpha = np.float32(alpha_min) + np.float32(alpha_multiplier) * noise.astype(np.float32)
    np.maximum(alpha, 0.0, out=alpha)
    alpha **= np.float32(sparsity)
    alpha *= np.float32(density_multiplier)
    return np.clip(alpha, 0.0, 1.0, out=alpha)


def render_clouds(image: np.ndarray,
                  layers: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Return *image* with cloud layers alpha-blended over it, bottom first.

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8 or float32
    layers : sequence of (ndarray of shape (h, w), ndarray of shape (h, w))
        Each layer's opacity (float32, in [0, 1], see :func:`cloud_alpha`) and
        brightness (float32, uint8 scale); bilinearly resized to ``(H, W)``. None
        gives a copy.

    Returns
    -------
    ndarray of shape (H, W, C), same dtype, a new array.

    Examples
    --------
    >>> alpha = np.array([[0.0, 0.5]], np.float32)
    >>> white = np.full((1, 2), 255.0, np.float32)
    >>> render_clouds(np.zeros((1, 2, 3), np.uint8), [(alpha, white)])[..., 0].tolist()
    [[0, 128]]
    """
    if not layers:
        return image.copy()
    keep, add = compose_lerps(layers)
    return blend_keep_add(image, keep, add)


__all__ = [
    "COLORSPACES",
    "ParticlePlan",
    "blend_add_max",
    "blend_color",
    "blend_keep_add",
    "cloud_alpha",
    "compose_lerps",
    "lightness_table",
    "motion_kernel",
    "render_clouds",
    "render_grid",
    "render_particles",
    "render_rain",
    "render_snowflakes",
    "snow_tables",
    "snowy_landscape",
]
