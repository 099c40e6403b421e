"""Convolving images with kernels: Convolve, Sharpen, Emboss, EdgeDetect, DirectedEdgeDetect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit.extend import ParameterError, ParameterTypeError, describe
from augkit_arithmetic import functional as F
from augkit_arithmetic._common import FILTER_DTYPES, ArithmeticAugmenter


def _as_kernel(matrix: Any, name: str = "matrix") -> np.ndarray:
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


class Convolve(ArithmeticAugmenter):
    """Convolve images with a fixed kernel, or one a function makes per image.

    Parameters
    ----------
    matrix : None or ndarray of shape (kh, kw) or callable, optional
        The kernel (correlated with each channel, as ``cv2.filter2D`` does; borders
        reflected). None leaves images unchanged. A callable is called once per
        image while sampling as ``matrix(image, nb_channels, rng)`` (``rng`` a
        numpy Generator, the only randomness it may use) and returns a 2D kernel,
        or a list of one kernel (or None) per channel.
    <seed and name>

    <supported data>

    Notes
    -----
    <filter dtypes>

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(9, dtype=np.uint8).reshape(3, 3)
    >>> shift = np.array([[0, 0, 0], [0, 0, 1], [0, 0, 0]])  # take the right neighbour
    >>> Convolve(matrix=shift)(image=img).tolist()
    [[1, 2, 1], [4, 5, 4], [7, 8, 7]]
    """

    imgaug_parameters = ("matrix", "matrix_type")
    examples = ({"matrix": np.array([[0, -1, 0], [-1, 4, -1], [0, -1, 0]])},
                {"matrix": np.ones((3, 3)) / 9.0})
    supported_dtypes = FILTER_DTYPES

    def __init__(self, matrix: np.ndarray | Callable[..., Any] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if matrix is None or callable(matrix):
            self.matrix = matrix
        else:
            self.matrix = _as_kernel(matrix, "matrix")
        # A callable matrix is handed each image while sampling.
        self.sample_reads_pixels = callable(self.matrix)

    @property
    def matrix_type(self) -> str:
        """imgaug's ``matrix_type``: ``'None'``, ``'constant'`` or ``'function'``.

        Augmenters that draw their kernels (``Sharpen``, ``MotionBlur``, ...) are
        ``'function'``, as in imgaug.
        """
        if callable(self.matrix) or type(self).sample is not Convolve.sample:
            return "function"
        return "None" if self.matrix is None else "constant"

    def sample(self, rows, rng):
        matrix = self.matrix
        if matrix is None or isinstance(matrix, np.ndarray):
            return [matrix] * rows.nb_rows
        images = rows.get("images")
        if images is None:
            return [None] * rows.nb_rows
        return [self._call_matrix(image, rng) for image in images]

    def _call_matrix(self, image: np.ndarray, rng: np.random.Generator) -> Any:
        nb_channels = image.shape[2]
        result = self.matrix(image, nb_channels, rng)
        if isinstance(result, (list, tuple)):
            if len(result) != nb_channels:
                raise ParameterError(
                    f"matrix: the callable returned {len(result)} kernels for an image of "
                    f"{nb_channels} channels; return one 2D kernel or one per channel")
            kernels = [None if k is None else _as_kernel(k, "matrix(...)") for k in result]
            if all(k is kernels[0] for k in kernels):
                return kernels[0]
            return kernels
        if result is None:
            return None
        return _as_kernel(result, "matrix(...)")

    def apply_to_images(self, images, params):
        return [image.copy() if kernel is None else F.convolve(image, kernel)
                for image, kernel in zip(images, params)]

    def _apply_into(self, images, params, outs):
        for image, kernel, out in zip(images, params, outs):
            if kernel is None:
                np.copyto(out, image)
            else:
                F.convolve(image, kernel, out)
        return outs


class _MixedKernel(Convolve):
    """A 3x3 effect kernel mixed with the identity by *alpha*, drawn per image.

    Subclasses implement ``_kernels(n, rng)`` returning alphas and (N, 3, 3) kernels.
    Mixing the kernels (not the images) is imgaug's semantics and costs one pass.
    """

    def __init__(self, alpha: Any, **kwargs: Any) -> None:
        super().__init__(matrix=None, **kwargs)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))

    def _kernels(self, alphas: list[float], nb_rows: int,
                 rng: np.random.Generator) -> list[np.ndarray]:
        raise NotImplementedError

    def sample(self, rows, rng):
        n = rows.nb_rows
        alphas = iap.draw(self.alpha, n, rng, dtype=np.float64).tolist()
        kernels = self._kernels(alphas, n, rng)
        return [None if alpha <= 0 else kernel for alpha, kernel in zip(alphas, kernels)]


class Sharpen(_MixedKernel):
    """Sharpen images, blending the sharpened image with the original by *alpha*.

    Parameters
    ----------
    alpha : number or tuple of (number, number) or list or StochasticParameter, optional
        Visibility of the sharpened image in ``[0, 1]`` (default ``(0.0, 0.2)``);
        0 leaves the image unchanged.
    lightness : number or tuple of (number, number) or list or StochasticParameter, optional
        Brightness of the sharpened image, >= 0 (default ``(0.8, 1.2)``): the
        kernel is ``[[-1, -1, -1], [-1, 8 + lightness, -1], [-1, -1, -1]]``.
    <seed and name>

    <supported data>

    Notes
    -----
    The kernel is ``(1 - alpha) * identity + alpha * sharpen``, one ``cv2.filter2D``
    pass (dtypes as in :class:`Convolve`). uint8 images take a faster route to the
    same values: an integer 3x3 box sum and one weighted add (a tie may round the
    other way than ``filter2D``'s float sum).

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((4, 4, 3), 60, dtype=np.uint8)
    >>> bool((Sharpen(alpha=1.0, lightness=1.0)(image=img) == 60).all())
    True
    """

    examples = ({"alpha": (0.0, 1.0), "lightness": (0.75, 1.5)}, {"alpha": 0.5})

    def __init__(self, alpha: Any = (0.0, 0.2), lightness: Any = (0.8, 1.2),
                 **kwargs: Any) -> None:
        super().__init__(alpha, **kwargs)
        self.lightness = iap.handle_continuous_param(lightness, "lightness",
                                                     value_range=(0, None))

    def _kernels(self, alphas, nb_rows, rng):
        lightness = iap.draw(self.lightness, nb_rows, rng, dtype=np.float64).tolist()
        return [F.sharpen_kernel(a, v) for a, v in zip(alphas, lightness)]


class Emboss(_MixedKernel):
    """Emboss images (relief lit from the top left), blended with the original by *alpha*.

    Parameters
    ----------
    alpha : number or tuple of (number, number) or list or StochasticParameter, optional
        Visibility of the embossed image in ``[0, 1]`` (default ``(0.0, 1.0)``).
    strength : number or tuple of (number, number) or list or StochasticParameter, optional
        Relief strength, >= 0 (default ``(0.25, 1.0)``).
    <seed and name>

    <supported data>

    Notes
    -----
    The kernel is ``(1 - alpha) * identity + alpha * emboss`` with emboss
    ``[[-1 - s, -s, 0], [-s, 1, s], [0, s, 1 + s]]``; dtypes as in :class:`Convolve`.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((4, 4, 3), 60, dtype=np.uint8)
    >>> bool((Emboss(alpha=1.0, strength=1.0)(image=img) == 60).all())
    True
    """

    examples = ({"alpha": (0.0, 1.0), "strength": (0, 2.0)}, {"alpha": 1.0, "strength": 1.0})

    def __init__(self, alpha: Any = (0.0, 1.0), strength: Any = (0.25, 1.0),
                 **kwargs: Any) -> None:
        super().__init__(alpha, **kwargs)
        self.strength = iap.handle_continuous_param(strength, "strength",
                                                    value_range=(0, None))

    def _kernels(self, alphas, nb_rows, rng):
        strength = iap.draw(self.strength, nb_rows, rng, dtype=np.float64).tolist()
        return [F.emboss_kernel(a, v) for a, v in zip(alphas, strength)]


class EdgeDetect(_MixedKernel):
    """Replace images by their edges (Laplacian), blended with the original by *alpha*.

    Parameters
    ----------
    alpha : number or tuple of (number, number) or list or StochasticParameter, optional
        Visibility of the edge image in ``[0, 1]`` (default ``(0.0, 0.75)``).
    <seed and name>

    <supported data>

    Notes
    -----
    The kernel is ``(1 - alpha) * identity + alpha * [[0, 1, 0], [1, -4, 1],
    [0, 1, 0]]``; dtypes as in :class:`Convolve`.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.full((4, 4), 60, dtype=np.uint8)
    >>> int(EdgeDetect(alpha=1.0)(image=img).max())
    0
    """

    examples = ({"alpha": (0.5, 1.0)}, {"alpha": 1.0})

    def __init__(self, alpha: Any = (0.0, 0.75), **kwargs: Any) -> None:
        super().__init__(alpha, **kwargs)

    def _kernels(self, alphas, nb_rows, rng):
        return [F.edge_kernel(a) for a in alphas]


class DirectedEdgeDetect(_MixedKernel):
    """Detect edges seen from one direction, blended with the original by *alpha*.

    Parameters
    ----------
    alpha : number or tuple of (number, number) or list or StochasticParameter, optional
        Visibility of the edge image in ``[0, 1]`` (default ``(0.0, 0.75)``).
    direction : number or tuple of (number, number) or list or StochasticParameter, optional
        Direction as a fraction of a full turn (default ``(0.0, 1.0)``): 0 looks
        from the top, 0.25 from the right, 0.5 from the bottom, 0.75 from the left.
    <seed and name>

    <supported data>

    Notes
    -----
    Each neighbour is weighted by its angular closeness to the direction,
    ``(1 - angle / 180°)**4``, normalised to -1, centre 1; mixed with the identity
    by *alpha*. Dtypes as in :class:`Convolve`.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.zeros((3, 3), dtype=np.uint8); img[2, :] = 200
    >>> DirectedEdgeDetect(alpha=1.0, direction=0.0)(image=img)[1].tolist()
    [0, 0, 0]
    """

    examples = ({"alpha": (0.5, 1.0), "direction": (0.0, 1.0)}, {"alpha": 1.0, "direction": 0.25})

    def __init__(self, alpha: Any = (0.0, 0.75), direction: Any = (0.0, 1.0),
                 **kwargs: Any) -> None:
        super().__init__(alpha, **kwargs)
        self.direction = iap.handle_continuous_param(direction, "direction")

    def _kernels(self, alphas, nb_rows, rng):
        directions = iap.draw(self.direction, nb_rows, rng, dtype=np.float64).tolist()
        return [F.directed_edge_kernel(a, d) for a, d in zip(alphas, directions)]


AUGMENTERS = (Convolve, Sharpen, Emboss, EdgeDetect, DirectedEdgeDetect)
