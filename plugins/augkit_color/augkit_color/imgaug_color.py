"""``augkit.augmenters.color``: imgaug's ``color`` module (scheme: see :mod:`.imgaug_contrast`).

Examples
--------
>>> import numpy as np
>>> from augkit import augmenters as iaa
>>> red = np.array([[[255, 0, 0]]], dtype=np.uint8)
>>> iaa.color.change_colorspace_(red, iaa.CSPACE_BGR).tolist()
[[[0, 0, 255]]]
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np

from augkit.extend import InputError, ParameterError, apply_lut
from augkit_color import functional as F
from augkit_color._common import colorspace_name
from augkit_color.brightness import (
    AddToBrightness,
    MultiplyAndAddToBrightness,
    MultiplyBrightness,
    WithBrightnessChannels,
)
from augkit_color.color import ChangeColorspace, Grayscale, WithColorspace
from augkit_color.functional import (
    CSPACE_ALL,
    CSPACE_BGR,
    CSPACE_CIE,
    CSPACE_GRAY,
    CSPACE_HLS,
    CSPACE_HSV,
    CSPACE_RGB,
    CSPACE_YUV,
    CSPACE_Lab,
    CSPACE_Luv,
    CSPACE_YCrCb,
)
from augkit_color.hue_saturation import (
    AddToHue,
    AddToHueAndSaturation,
    AddToSaturation,
    MultiplyHue,
    MultiplyHueAndSaturation,
    MultiplySaturation,
    RemoveSaturation,
    WithHueAndSaturation,
)
from augkit_color.quantization import (
    KMeansColorQuantization,
    Posterize,
    UniformColorQuantization,
    UniformColorQuantizationToNBits,
)
from augkit_color.temperature import ChangeColorTemperature

__all__ = [
    "AddToBrightness", "AddToHue", "AddToHueAndSaturation", "AddToSaturation",
    "CSPACE_ALL", "CSPACE_BGR", "CSPACE_CIE", "CSPACE_GRAY", "CSPACE_HLS", "CSPACE_HSV",
    "CSPACE_Lab", "CSPACE_Luv", "CSPACE_RGB", "CSPACE_YCrCb", "CSPACE_YUV",
    "ChangeColorTemperature", "ChangeColorspace", "Grayscale", "InColorspace",
    "KMeansColorQuantization", "MultiplyAndAddToBrightness", "MultiplyBrightness",
    "MultiplyHue", "MultiplyHueAndSaturation", "MultiplySaturation", "Posterize",
    "RemoveSaturation", "UniformColorQuantization", "UniformColorQuantizationToNBits",
    "WithBrightnessChannels", "WithColorspace", "WithHueAndSaturation",
    "change_color_temperature", "change_color_temperature_", "change_color_temperatures_",
    "change_colorspace_", "change_colorspaces_", "posterize", "quantize_colors_kmeans",
    "quantize_colors_uniform", "quantize_kmeans", "quantize_uniform", "quantize_uniform_",
    "quantize_uniform_to_n_bits", "quantize_uniform_to_n_bits_",
]


def _per_image(value: Any, count: int, name: str) -> list[Any]:
    """One value for every image, or a sequence of one per image."""
    if isinstance(value, str) or not isinstance(value, (Sequence, np.ndarray)):
        return [value] * count
    if len(value) != count:
        raise ParameterError(f"{name}: expected one value or {count} (one per image), got "
                             f"{len(value)}")
    return list(value)


def change_colorspace_(image: np.ndarray, to_colorspace: str,
                       from_colorspace: str = CSPACE_RGB) -> np.ndarray:
    """Convert an image between colour spaces, in place (imgaug's ``change_colorspace_``).

    Parameters
    ----------
    image : ndarray of shape (H, W, 3) or (H, W, 4), dtype uint8 or float32
        Modified in place (a 4th channel is alpha and kept).
    to_colorspace, from_colorspace : str
        Names of :data:`CSPACE_ALL` (``CSPACE_GRAY`` gives 3 identical channels).

    Returns
    -------
    ndarray
        *image*.

    Examples
    --------
    >>> img = np.array([[[255, 0, 0]]], dtype=np.uint8)
    >>> change_colorspace_(img, CSPACE_GRAY).tolist()
    [[[76, 76, 76]]]
    """
    to_space = colorspace_name(to_colorspace, "to_colorspace")
    from_space = colorspace_name(from_colorspace, "from_colorspace")
    if image.size == 0:
        return image
    np.copyto(image, F.change_colorspace(image, to_space, from_space))
    return image


def change_colorspaces_(images: Any, to_colorspaces: Any,
                        from_colorspaces: Any = CSPACE_RGB) -> Any:
    """:func:`change_colorspace_` for each image, with one or one-per-image colour spaces.

    Examples
    --------
    >>> imgs = [np.array([[[255, 0, 0]]], np.uint8), np.array([[[0, 0, 255]]], np.uint8)]
    >>> [i.tolist() for i in change_colorspaces_(imgs, [CSPACE_BGR, CSPACE_RGB])]
    [[[[0, 0, 255]]], [[[0, 0, 255]]]]
    """
    count = len(images)
    targets = _per_image(to_colorspaces, count, "to_colorspaces")
    sources = _per_image(from_colorspaces, count, "from_colorspaces")
    for image, to_space, from_space in zip(images, targets, sources):
        change_colorspace_(image, to_space, from_space)
    return images


def change_color_temperatures_(images: Any, kelvins: Any,
                               from_colorspaces: Any = CSPACE_RGB) -> Any:
    """Tint each image to a colour temperature in kelvin (``[1000, 40000]``), in place.

    Parameters
    ----------
    images : ndarray of shape (N, H, W, 3) or list of ndarray, dtype uint8 or float32
        Modified in place.
    kelvins : number or sequence of number
        One temperature, or one per image; 6600 K is neutral.
    from_colorspaces : str or sequence of str, optional
        The images' colour spaces.

    Returns
    -------
    ndarray or list of ndarray
        *images*.

    Examples
    --------
    >>> imgs = [np.full((1, 1, 3), 200, np.uint8)]
    >>> change_color_temperatures_(imgs, 6600)[0].tolist()
    [[[200, 200, 200]]]
    """
    count = len(images)
    temperatures = np.asarray(_per_image(kelvins, count, "kelvins"), dtype=np.float64)
    if np.any((temperatures < 1000) | (temperatures > 40000)):
        raise ParameterError(f"kelvins: expected values in [1000, 40000], got {kelvins!r}")
    multipliers = F.kelvin_to_rgb(temperatures)
    sources = _per_image(from_colorspaces, count, "from_colorspaces")
    for image, rgb, from_space in zip(images, multipliers, sources):
        if image.size:
            space = colorspace_name(from_space, "from_colorspaces")
            np.copyto(image, F.apply_color_temperature(image, rgb, space))
    return images


def change_color_temperature_(image: np.ndarray, kelvin: float,
                              from_colorspace: str = CSPACE_RGB) -> np.ndarray:
    """Tint one image to a colour temperature, in place.

    Examples
    --------
    >>> img = np.full((1, 1, 3), 200, np.uint8)
    >>> change_color_temperature_(img, 1000).tolist()
    [[[200, 53, 0]]]
    """
    return change_color_temperatures_([image], [kelvin], [from_colorspace])[0]


def change_color_temperature(image: np.ndarray, kelvin: float,
                             from_colorspace: str = CSPACE_RGB) -> np.ndarray:
    """Return a copy of an image tinted to a colour temperature in kelvin.

    Examples
    --------
    >>> img = np.full((1, 1, 3), 200, np.uint8)
    >>> change_color_temperature(img, 40000).tolist(), img.tolist()
    ([[[119, 146, 200]]], [[[200, 200, 200]]])
    """
    return change_color_temperature_(np.copy(image), kelvin, from_colorspace)


def _check_uint8(arr: np.ndarray) -> None:
    if arr.dtype != np.uint8:
        raise InputError(f"arr: expected dtype uint8, got {arr.dtype}")


def quantize_uniform_(arr: np.ndarray, nb_bins: int, to_bin_centers: bool = True) -> np.ndarray:
    """Quantize uint8 values into *nb_bins* equal bins, in place.

    Parameters
    ----------
    arr : ndarray, dtype uint8
        Modified in place.
    nb_bins : int in [2, 256]
        Bins of width ``q = 256 / nb_bins``.
    to_bin_centers : bool, optional
        Map to bin centres ``floor(v / q) * q + q / 2`` or lower edges ``floor(v / q) * q``.

    Returns
    -------
    ndarray
        *arr*.

    Examples
    --------
    >>> quantize_uniform_(np.array([[0, 100, 200]], np.uint8), 2).tolist()
    [[64, 64, 192]]
    """
    _check_uint8(arr)
    if not 2 <= nb_bins <= 256:
        raise ParameterError(f"nb_bins: expected an int in [2, 256], got {nb_bins!r}")
    if nb_bins == 256 or arr.size == 0:
        return arr
    np.copyto(arr, apply_lut(arr, F.uniform_quantization_table(int(nb_bins), to_bin_centers)))
    return arr


def quantize_uniform(arr: np.ndarray, nb_bins: int, to_bin_centers: bool = True) -> np.ndarray:
    """:func:`quantize_uniform_` on a copy.

    Examples
    --------
    >>> quantize_uniform(np.array([[0, 100, 200]], np.uint8), 2, to_bin_centers=False).tolist()
    [[0, 0, 128]]
    """
    return quantize_uniform_(np.copy(arr), nb_bins, to_bin_centers)


def quantize_uniform_to_n_bits_(arr: np.ndarray, nb_bits: int) -> np.ndarray:
    """Keep the *nb_bits* highest bits of every uint8 value (``1..8``), in place.

    Examples
    --------
    >>> quantize_uniform_to_n_bits_(np.array([[255, 100]], np.uint8), 2).tolist()
    [[192, 64]]
    """
    _check_uint8(arr)
    if not 1 <= nb_bits <= 8:
        raise ParameterError(f"nb_bits: expected an int in [1, 8], got {nb_bits!r}")
    if nb_bits == 8 or arr.size == 0:
        return arr
    np.copyto(arr, apply_lut(arr, F.nbits_table(int(nb_bits))))
    return arr


def quantize_uniform_to_n_bits(arr: np.ndarray, nb_bits: int) -> np.ndarray:
    """:func:`quantize_uniform_to_n_bits_` on a copy.

    Examples
    --------
    >>> quantize_uniform_to_n_bits(np.array([[255]], np.uint8), 1).tolist()
    [[128]]
    """
    return quantize_uniform_to_n_bits_(np.copy(arr), nb_bits)


def posterize(arr: np.ndarray, nb_bits: int) -> np.ndarray:
    """PIL's name of :func:`quantize_uniform_to_n_bits`.

    Examples
    --------
    >>> posterize(np.array([[200]], np.uint8), 3).tolist()
    [[192]]
    """
    return quantize_uniform_to_n_bits(arr, nb_bits)


def quantize_kmeans(arr: np.ndarray, nb_clusters: int, nb_max_iter: int = 10,
                    eps: float = 1.0) -> np.ndarray:
    """Reduce a uint8 image to *nb_clusters* colours found by k-means (deterministic).

    Parameters
    ----------
    arr : ndarray of shape (H, W) or (H, W, C), dtype uint8
        Not modified.
    nb_clusters : int in [2, 256]
        Colours to keep; images with fewer come back unchanged.
    nb_max_iter, eps : optional
        k-means stops after *nb_max_iter* iterations or when centres move less than
        *eps*.

    Returns
    -------
    ndarray
        A new image.

    Examples
    --------
    >>> img = np.array([[[0, 0, 0], [10, 10, 10], [250, 250, 250]]], dtype=np.uint8)
    >>> quantize_kmeans(img, 2)[0, :, 0].tolist()
    [5, 5, 250]
    """
    _check_uint8(arr)
    if arr.ndim not in (2, 3):
        raise InputError(f"arr: expected shape (H, W) or (H, W, C), got {arr.shape}")
    if not 2 <= nb_clusters <= 256:
        raise ParameterError(f"nb_clusters: expected an int in [2, 256], got {nb_clusters!r}")
    work = arr if arr.ndim == 3 else arr[:, :, None]
    out = F.kmeans_quantize(work, int(nb_clusters), 0, max_iter=nb_max_iter, eps=eps)
    return out.reshape(arr.shape)


def quantize_colors_kmeans(image: np.ndarray, n_colors: int, n_max_iter: int = 10,
                           eps: float = 1.0) -> np.ndarray:
    """Deprecated (as in imgaug 0.4.0): :func:`quantize_kmeans`.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     quantize_colors_kmeans(np.zeros((1, 2, 3), np.uint8), 2).shape
    (1, 2, 3)
    """
    warnings.warn("quantize_colors_kmeans is deprecated: use quantize_kmeans",
                  DeprecationWarning, stacklevel=2)
    return quantize_kmeans(image, n_colors, n_max_iter, eps)


def quantize_colors_uniform(image: np.ndarray, n_colors: int) -> np.ndarray:
    """Deprecated (as in imgaug 0.4.0): :func:`quantize_uniform`.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     quantize_colors_uniform(np.array([[100]], np.uint8), 2).tolist()
    [[64]]
    """
    warnings.warn("quantize_colors_uniform is deprecated: use quantize_uniform",
                  DeprecationWarning, stacklevel=2)
    return quantize_uniform(image, n_colors)


def InColorspace(to_colorspace: str, from_colorspace: str = CSPACE_RGB,  # noqa: N802
                 children: Any = None, **kwargs: Any) -> WithColorspace:
    """Deprecated (as in imgaug 0.4.0): :class:`WithColorspace`.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     type(InColorspace(CSPACE_HSV)).__name__
    'WithColorspace'
    """
    warnings.warn("InColorspace is deprecated: use WithColorspace", DeprecationWarning,
                  stacklevel=2)
    return WithColorspace(to_colorspace, from_colorspace, children, **kwargs)
