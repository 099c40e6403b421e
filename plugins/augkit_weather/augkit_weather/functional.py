"""Pure numpy/OpenCV kernels behind the weather augmenters.

Every function here is deterministic: the augmenters draw all random values in
``sample`` and pass them in. Images are ``(H, W, C)`` arrays with C in {1, 3, 4}
(the fourth channel is alpha and is never changed), dtype uint8 or float32 (float
images hold values in [0, 1]). Maps (``keep``, ``add``, ``noise``) are single-channel
float32 ``(H, W)`` arrays; brightness values in maps are on the uint8 scale
(0..255) for every dtype.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from augkit.pixels import apply_lut

_IDENTITY = np.arange(256, dtype=np.float64)

# --------------------------------------------------------------------------- blending


def _spread(plane: np.ndarray, channels: int, alpha_value: int) -> np.ndarray:
    """Repeat a uint8 ``(H, W)`` plane over the colour channels (alpha gets a constant)."""
    if channels == 1:
        return plane
    if channels == 3:
        return cv2.merge([plane, plane, plane])
    return cv2.merge([plane, plane, plane, np.full_like(plane, alpha_value)])


def blend_keep_add(image: np.ndarray, keep: np.ndarray, add: np.ndarray) -> np.ndarray:
    """Return ``image * keep + add`` on every colour channel (alpha kept).

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8 or float32
    keep : ndarray of shape (H, W), float32
        Fraction of the image kept, in [0, 1].
    add : ndarray of shape (H, W), float32
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
    channels = image.shape[2]
    if image.dtype == np.uint8:
        keep8 = cv2.convertScaleAbs(keep, alpha=255.0)
        add8 = cv2.convertScaleAbs(add)
        kept = cv2.multiply(image, _spread(keep8, channels, 255), scale=1.0 / 255.0)
        out = cv2.add(kept.reshape(image.shape), _spread(add8, channels, 0).reshape(image.shape))
        return out.reshape(image.shape)
    out = image.astype(np.float32, copy=True)
    color = out[:, :, :3] if channels == 4 else out
    color *= keep[:, :, None]
    color += add[:, :, None] * np.float32(1.0 / 255.0)
    return out.astype(image.dtype, copy=False)


def blend_add_max(image: np.ndarray, add: np.ndarray, floor: np.ndarray) -> np.ndarray:
    """Return ``max(image + add, floor)`` on every colour channel (alpha kept).

    *add* and *floor* are uint8 ``(H, W)`` planes; the sum saturates at the top of
    the value range. Float images use them divided by 255.

    Examples
    --------
    >>> img = np.array([[[10], [250]]], np.uint8)
    >>> blend_add_max(img, np.array([[5, 10]], np.uint8), np.array([[200, 0]], np.uint8))
    ... # doctest: +NORMALIZE_WHITESPACE
    array([[[200], [255]]], dtype=uint8)
    """
    channels = image.shape[2]
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


def compose_lerps(layers: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Fold ``(alpha, value)`` layers, applied in order as ``x = (1 - a) x + a v``.

    Returns ``(keep, add)`` with ``result = x * keep + add``.
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
    """uint8 table: values below *threshold* times *multiplier* (rounded, clipped)."""
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
    colorspace : str
        One of :data:`COLORSPACES`.

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
    """Everything random about one layer of snowflakes or raindrops, drawn in ``sample``.

    Particles live on a *canvas*: the low-resolution grid (``flake_size`` /
    ``drop_size`` sets its scale), possibly with fewer rows (long streaks tolerate a
    coarse vertical resolution) and extra columns so that the canvas can be sheared
    by the falling angle. Along a canvas column, motion blur is a cheap vertical box
    filter; the shear then tilts the streaks, and a resize brings the layer to the
    image size.
    """

    out_shape: tuple[int, int]        # (H, W) of the image
    canvas_shape: tuple[int, int]     # (rows, cols) of the canvas
    low_width: int                    # columns of the un-sheared low-resolution grid
    index: np.ndarray                 # flat canvas index of each particle (int64)
    value: float                      # brightness of one particle on the canvas
    gate: np.ndarray                  # (8, 8) float32 density gate in [0, 1]
    sigma: tuple[float, float]        # gaussian blur (x, y) in canvas pixels, 0 = none
    length: int                       # motion blur length in canvas rows, 1 = none
    shear: float                      # canvas columns moved per canvas row
    offset: float                     # canvas column of output column 0 on row 0


def plan_particles(height: int, width: int, *, density: float, density_uniformity: float,
                   size: float, angle: float, speed: float, sigma: float,
                   rng: np.random.Generator) -> ParticlePlan:
    """Draw one particle layer for an ``(height, width)`` image.

    ``size`` is imgaug's ``flake_size``/``drop_size`` (the grid is ``1 - size`` of the
    image), ``sigma`` the gaussian blur at image resolution (0 for none), ``speed``
    the motion blur length as a fraction of the longer image side, ``angle`` the
    falling direction in degrees (0 = straight down, positive = leaning to the left
    at the bottom).
    """
    factor = min(max(1.0 - size, 0.001), 1.0)
    low_h = max(1, int(height * factor))
    low_w = max(1, int(width * factor))
    kernel = int(speed * max(height, width))
    tangent = math.tan(math.radians(angle))
    rows, length, shear, offset = low_h, 1, 0.0, 0.0
    if kernel > 1:
        kernel_low = max(kernel, 3) * factor
        reduce = min(kernel_low / 6.0, 1.5 / max(abs(tangent), 1e-6))
        rows = max(1, round(low_h / min(max(reduce, 1.0), 4.0)))
        step = low_h / rows                       # low-res rows per canvas row
        length = max(1, round(kernel_low / step))
        shear = tangent * step
        offset = max(0.0, -shear * (rows - 1))
    cols = low_w + math.ceil(abs(shear) * max(rows - 1, 0))
    step = low_h / rows
    count = int(rng.binomial(max(int(round(low_h * cols)), 0), min(max(density, 0.0), 1.0)))
    index = rng.integers(0, rows * cols, count)
    beta_b = max(1.0 - density_uniformity, 1e-3)
    gate = rng.beta(1.0, beta_b, (8, 8)).astype(np.float32)
    blur = sigma * factor
    return ParticlePlan(
        out_shape=(height, width), canvas_shape=(rows, cols), low_width=low_w, index=index,
        value=255.0 / step, gate=gate, sigma=(blur, blur / step) if blur > 0 else (0.0, 0.0),
        length=length, shear=shear, offset=offset,
    )


def render_particles(plan: ParticlePlan) -> np.ndarray:
    """Render a layer: float32 ``(H, W)`` particle brightness on the uint8 scale."""
    rows, cols = plan.canvas_shape
    height, width = plan.out_shape
    canvas = np.bincount(plan.index, minlength=rows * cols).astype(np.float32)
    canvas = canvas.reshape(rows, cols)
    gate = cv2.resize(plan.gate, (cols, rows), interpolation=cv2.INTER_LINEAR)
    canvas *= gate.reshape(rows, cols)
    canvas *= np.float32(plan.value)
    if plan.sigma[0] > 0.2:
        canvas = cv2.GaussianBlur(canvas, (0, 0), sigmaX=plan.sigma[0],
                                  sigmaY=max(plan.sigma[1], 0.01),
                                  borderType=cv2.BORDER_CONSTANT).reshape(rows, cols)
    if plan.length > 1:
        # A ramp (bright head at the particle, fading trail above it) as the mean of
        # two boxes anchored at their top row: each spans the rows above the particle.
        full = cv2.blur(canvas, (1, plan.length), anchor=(0, 0), borderType=cv2.BORDER_CONSTANT)
        half = max(1, (plan.length + 1) // 2)
        if half > 1:
            head = cv2.blur(canvas, (1, half), anchor=(0, 0), borderType=cv2.BORDER_CONSTANT)
            canvas = cv2.addWeighted(full, 0.5, head, 0.5, 0.0)
        else:
            canvas = cv2.addWeighted(full, 0.5, canvas, 0.5, 0.0)
        canvas = canvas.reshape(rows, cols)
    if plan.shear != 0.0 or cols != plan.low_width:
        matrix = np.array([[1.0, plan.shear, plan.offset], [0.0, 1.0, 0.0]], dtype=np.float64)
        canvas = cv2.warpAffine(canvas, matrix, (plan.low_width, rows),
                                flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                                borderMode=cv2.BORDER_CONSTANT).reshape(rows, plan.low_width)
    if canvas.shape != (height, width):
        canvas = cv2.resize(canvas, (width, height), interpolation=cv2.INTER_LINEAR)
    return canvas.reshape(height, width)


def snow_tables(speed: float, size_uniformity: float) -> tuple[np.ndarray, np.ndarray]:
    """uint8 tables turning blurred flake noise into a glow (added) and a core (max).

    A gamma above 1 makes flakes smaller and less uniform; a gain brings them back up.
    """
    gamma = 1.0 + 2.0 * (1.0 - size_uniformity)
    gain = 1.0 + 5.0 * (1.0 - size_uniformity)
    shaped = 255.0 * (_IDENTITY / 255.0) ** gamma * gain
    glow = np.clip(np.rint(shaped * (0.1 + 20.0 * speed)), 0, 255).astype(np.uint8)
    core = np.clip(np.rint(shaped * (1.0 + 20.0 * speed)), 0, 255).astype(np.uint8)
    return glow, core


# --------------------------------------------------------------------------- clouds


def cloud_alpha(noise: np.ndarray, alpha_min: float, alpha_multiplier: float, sparsity: float,
                density_multiplier: float) -> np.ndarray:
    """Opacity of a cloud layer from frequency noise in [0, 1] (imgaug's curve)."""
    alpha = np.float32(alpha_min) + np.float32(alpha_multiplier) * noise.astype(np.float32)
    np.maximum(alpha, 0.0, out=alpha)
    alpha **= np.float32(sparsity)
    alpha *= np.float32(density_multiplier)
    return np.clip(alpha, 0.0, 1.0, out=alpha)


__all__ = [
    "COLORSPACES",
    "ParticlePlan",
    "blend_add_max",
    "blend_keep_add",
    "cloud_alpha",
    "compose_lerps",
    "lightness_table",
    "plan_particles",
    "render_particles",
    "snow_tables",
    "snowy_landscape",
]
