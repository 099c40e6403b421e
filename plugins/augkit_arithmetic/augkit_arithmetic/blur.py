"""Blurring images: Gaussian, box, median, bilateral, motion and mean-shift blur."""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit.extend import ParameterError
from augkit_arithmetic import functional as F
from augkit_arithmetic._common import (
    FILTER_DTYPES,
    ArithmeticAugmenter,
    is_number,
    kernel_size_param,
)
from augkit_arithmetic.convolutional import Convolve


class GaussianBlur(ArithmeticAugmenter):
    """Blur images with a Gaussian kernel of a random standard deviation per image.

    Parameters
    ----------
    sigma : number or tuple of (number, number) or list or StochasticParameter, optional
        Standard deviation of the kernel in pixels (default ``(0.0, 3.0)``); 0 (up
        to 0.001) leaves the image unchanged. The kernel is about 3.3 sigma wide
        (2.9 above sigma 3, 2.6 above 5), at least 5 pixels, as in imgaug.
    <seed and name>

    <supported data>

    Notes
    -----
    Borders are reflected (``BORDER_REFLECT_101``). One separable pass
    (``cv2.sepFilter2D``, kernel cached per sigma).

    ============================== ===============================================
    dtype                          handling
    ============================== ===============================================
    uint8, uint16, int16, float32, OpenCV directly (integers rounded)
    float64
    int8                           through int16
    float16, bool                  through float32 (bool thresholded at 0.5)
    uint32, int32, int64           through float64 (int64 exact below 2**53)
    ============================== ===============================================

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((8, 8, 3), 100, dtype=np.uint8)
    >>> bool((GaussianBlur(sigma=2.0)(image=img) == 100).all())
    True
    """

    imgaug_parameters = ("sigma",)
    examples = ({"sigma": (0.0, 3.0)}, {"sigma": 1.5})

    def __init__(self, sigma: Any = (0.0, 3.0), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sigma = iap.handle_continuous_param(sigma, "sigma", value_range=(0, None))

    def sample(self, rows, rng):
        return iap.draw(self.sigma, rows.nb_rows, rng, dtype=np.float64).tolist()

    def apply_to_images(self, images, params):
        return [F.gaussian_blur(image, sigma) for image, sigma in zip(images, params)]

    def _apply_into(self, images, params, outs):
        return [F.gaussian_blur(image, sigma, out=out)
                for image, sigma, out in zip(images, params, outs)]


class AverageBlur(ArithmeticAugmenter):
    """Blur images by the mean over a ``kh x kw`` window, sizes drawn per image.

    Parameters
    ----------
    k : int or tuple of (int, int) or list or StochasticParameter or tuple of two of these, optional
        Kernel size (default ``(1, 7)``): an int, a discrete range ``(a, b)``, a
        list to choose from or a parameter gives square kernels; a pair of
        non-numbers such as ``((5, 7), (1, 3))`` draws the height from the first
        and the width from the second. A size of 1x1 leaves the image unchanged.
    <seed and name>

    <supported data>

    Notes
    -----
    ``cv2.blur`` with reflected borders (``BORDER_REFLECT_101``).

    <filter dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.zeros((3, 3), dtype=np.uint8); img[1, 1] = 90
    >>> AverageBlur(k=3)(image=img).tolist()  # borders reflect: corners see the centre 4x
    [[40, 20, 40], [20, 10, 20], [40, 20, 40]]
    """

    imgaug_parameters = ("k",)
    examples = ({"k": (2, 7)}, {"k": ((5, 7), (1, 3))})
    supported_dtypes = FILTER_DTYPES

    def __init__(self, k: Any = (1, 7), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.k = kernel_size_param(k, "k")

    def sample(self, rows, rng):
        return self.k.draw_pairs(rows.nb_rows, rng)

    def apply_to_images(self, images, params):
        return [F.average_blur(image, kh, kw) for image, (kh, kw) in zip(images, params)]


class MedianBlur(ArithmeticAugmenter):
    """Blur images by the median over a ``k x k`` window, k odd, drawn per image.

    Parameters
    ----------
    k : int or tuple of (int, int) or list or StochasticParameter, optional
        Kernel size (default ``(1, 7)``). A fixed size and both ends of a range
        must be odd; an even value drawn from a list or parameter is raised by
        one. 1 leaves the image unchanged.
    <seed and name>

    <supported data>

    Notes
    -----
    Borders replicate the edge pixel.

    ======== ==================================================================
    dtype    handling
    ======== ==================================================================
    uint8    ``cv2.medianBlur`` (for k > 5 in channel groups of 1, 3 or 4)
    uint16,  ``cv2.medianBlur`` for k <= 5, ``scipy.ndimage.median_filter``
    float32  above (slower)
    ======== ==================================================================

    Examples
    --------
    >>> import numpy as np
    >>> img = np.zeros((3, 3), dtype=np.uint8); img[1, 1] = 255
    >>> int(MedianBlur(k=3)(image=img).max())
    0
    """

    imgaug_parameters = ("k",)
    examples = ({"k": (3, 11)}, {"k": 5})
    supported_dtypes = frozenset({"uint8", "uint16", "float32"})

    def __init__(self, k: Any = (1, 7), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.k = iap.handle_discrete_param(k, "k", value_range=(1, None))
        fixed = [k] if is_number(k) else list(k) if isinstance(k, tuple) else []
        if any(int(v) % 2 == 0 for v in fixed):
            raise ParameterError(
                f"k: expected odd kernel sizes, got {k!r}; add or subtract 1")

    def sample(self, rows, rng):
        ks = iap.draw(self.k, rows.nb_rows, rng).astype(int)
        return np.where(ks % 2 == 0, ks + 1, ks).tolist()

    def apply_to_images(self, images, params):
        return [F.median_blur(image, k) for image, k in zip(images, params)]


class BilateralBlur(ArithmeticAugmenter):
    """Blur images while keeping edges sharp (bilateral filter), parameters per image.

    Parameters
    ----------
    d : int or tuple of (int, int) or list or StochasticParameter, optional
        Diameter of the pixel neighbourhood, >= 1 (default ``(1, 9)``); 1 leaves
        the image unchanged. Above 10 gets slow.
    sigma_color : number or tuple of (number, number) or list or StochasticParameter, optional
        Colour-space sigma, >= 1 (default ``(10, 250)``): larger mixes more
        different colours.
    sigma_space : number or tuple of (number, number) or list or StochasticParameter, optional
        Coordinate-space sigma, >= 1 (default ``(10, 250)``).
    <seed and name>

    <supported data>

    Notes
    -----
    ``cv2.bilateralFilter``. Images of 1 or 3 channels are filtered whole (colour
    distance over the three channels); other channel counts are filtered channel
    by channel. float32 images are read as ``[0, 1]`` (*sigma_color* is divided
    by 255 for them).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((6, 6, 3), 50, dtype=np.uint8)
    >>> bool((BilateralBlur(d=5)(image=img) == 50).all())
    True
    """

    imgaug_parameters = ("d", "sigma_color", "sigma_space")
    examples = ({"d": (3, 10), "sigma_color": (10, 250), "sigma_space": (10, 250)},)
    supported_dtypes = frozenset({"uint8", "float32"})

    def __init__(self, d: Any = (1, 9), sigma_color: Any = (10, 250),
                 sigma_space: Any = (10, 250), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.d = iap.handle_discrete_param(d, "d", value_range=(1, None))
        self.sigma_color = iap.handle_continuous_param(sigma_color, "sigma_color",
                                                       value_range=(1, None))
        self.sigma_space = iap.handle_continuous_param(sigma_space, "sigma_space",
                                                       value_range=(1, None))

    def sample(self, rows, rng):
        n = rows.nb_rows
        return list(zip(iap.draw(self.d, n, rng).astype(int).tolist(),
                        iap.draw(self.sigma_color, n, rng, dtype=float).tolist(),
                        iap.draw(self.sigma_space, n, rng, dtype=float).tolist()))

    def apply_to_images(self, images, params):
        return [F.bilateral_blur(image, d, sc, ss) for image, (d, sc, ss) in zip(images, params)]


class MotionBlur(Convolve):
    """Blur images as if the camera or the object moved: a line kernel at an angle.

    Parameters
    ----------
    k : int or tuple of (int, int) or list or StochasticParameter, optional
        Kernel size, >= 3 (default ``(3, 7)``); even values are raised by one.
    angle : number or tuple of (number, number) or list or StochasticParameter, optional
        Direction of the motion in degrees, clockwise from the vertical (default
        ``(0, 360)``).
    direction : number or tuple of (number, number) or list or StochasticParameter, optional
        In ``[-1, 1]`` (default ``(-1.0, 1.0)``): towards -1 the blur trails
        backwards, towards 1 forwards; 0 is symmetric.
    order : {0, 1, 3, 4} or list or augkit.ALL or StochasticParameter, optional
        Interpolation order used to rotate the kernel (default 1): 0 nearest,
        1 linear, 3 cubic, 4 Lanczos.
    <seed and name>

    <supported data>

    Notes
    -----
    A :class:`Convolve` with a kernel cached per (k, angle, direction, order);
    the dtype table is Convolve's. As in imgaug, the line is rotated with
    interpolation, so most angles spread it over 2 or 3 pixels per row: at k=5
    and 7 the kernel has 11 and 15 non-zero taps on average, against 4 and 5 for
    albumentations' rasterised line, and the filter costs about that much more.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((8, 8, 3), 80, dtype=np.uint8)
    >>> bool((MotionBlur(k=5, angle=30)(image=img) == 80).all())
    True
    """

    examples = ({"k": (3, 7)}, {"k": 15, "angle": [-45, 45]})

    def __init__(self, k: Any = (3, 7), angle: Any = (0, 360), direction: Any = (-1.0, 1.0),
                 order: Any = 1, **kwargs: Any) -> None:
        super().__init__(matrix=None, **kwargs)
        self.k = iap.handle_discrete_param(k, "k", value_range=(3, None))
        self.angle = iap.handle_continuous_param(angle, "angle")
        self.direction = iap.handle_continuous_param(direction, "direction",
                                                     value_range=(-1.0 - 1e-6, 1.0 + 1e-6))
        self.order = iap.handle_choice_param(order, "order", F.MOTION_ORDERS)

    def sample(self, rows, rng):
        n = rows.nb_rows
        if n == 1:  # one image: Python numbers, the same draws in the same order
            k = int(self.k.draw_samples(1, random_state=rng).item())
            angle = float(self.angle.draw_samples(1, random_state=rng).item())
            direction = float(self.direction.draw_samples(1, random_state=rng).item())
            order = int(self.order.draw_samples(1, random_state=rng).item())
            return [F.motion_kernel(k, angle, direction, order)]
        ks = iap.draw(self.k, n, rng).astype(int)
        angles = iap.draw(self.angle, n, rng, dtype=float)
        directions = iap.draw(self.direction, n, rng, dtype=float)
        orders = iap.draw(self.order, n, rng).astype(int)
        return [F.motion_kernel(*row) for row in zip(ks, angles, directions, orders)]


class MeanShiftBlur(ArithmeticAugmenter):
    """Smooth images by pyramid mean-shift filtering (flattens colour regions).

    Parameters
    ----------
    spatial_radius : number or tuple of (number, number) or list or StochasticParameter, optional
        Spatial window radius, >= 0.01 (default ``(5.0, 40.0)``).
    color_radius : number or tuple of (number, number) or list or StochasticParameter, optional
        Colour window radius, >= 0.01 (default ``(5.0, 40.0)``).
    <seed and name>

    <supported data>

    Notes
    -----
    ``cv2.pyrMeanShiftFiltering`` (slow: tens of milliseconds per 256x256 image).
    3 channels are filtered together; 1 channel is tiled to three and back; with
    4 channels the fourth (alpha) is kept; other counts go channel by channel.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((8, 8, 3), 30, dtype=np.uint8)
    >>> MeanShiftBlur()(image=img).shape
    (8, 8, 3)
    """

    imgaug_parameters = ("spatial_window_radius", "color_window_radius")
    examples = ({}, {"spatial_radius": 10.0, "color_radius": (5.0, 20.0)})
    supported_dtypes = frozenset({"uint8"})

    def __init__(self, spatial_radius: Any = (5.0, 40.0), color_radius: Any = (5.0, 40.0),
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spatial_radius = iap.handle_continuous_param(spatial_radius, "spatial_radius",
                                                          value_range=(0.01, None))
        self.color_radius = iap.handle_continuous_param(color_radius, "color_radius",
                                                        value_range=(0.01, None))

    @property
    def spatial_window_radius(self) -> iap.StochasticParameter:
        """imgaug's name of :attr:`spatial_radius`."""
        return self.spatial_radius

    @property
    def color_window_radius(self) -> iap.StochasticParameter:
        """imgaug's name of :attr:`color_radius`."""
        return self.color_radius

    def sample(self, rows, rng):
        n = rows.nb_rows
        return list(zip(iap.draw(self.spatial_radius, n, rng, dtype=float).tolist(),
                        iap.draw(self.color_radius, n, rng, dtype=float).tolist()))

    def apply_to_images(self, images, params):
        return [F.mean_shift_blur(image, sp, sr) for image, (sp, sr) in zip(images, params)]


AUGMENTERS = (GaussianBlur, AverageBlur, MedianBlur, BilateralBlur, MotionBlur, MeanShiftBlur)
