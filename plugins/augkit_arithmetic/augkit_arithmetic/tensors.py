"""The last steps of a training pipeline: Normalize, ToFloat, FromFloat, ToCHW.

They turn augmented images into what a model eats (float32, normalised, channels
first) and back. None of them draws anything; coordinates and maps pass through.
They change the image's dtype (and ToCHW its layout), so they end a pipeline: an
augmenter after ``ToCHW`` would read channels as rows.

They live in the arithmetic family because they are pixel arithmetic on the
extension surface like the rest of it; the core stays the engine.

Examples
--------
>>> import numpy as np, augkit
>>> to_model = augkit.Sequential([augkit.get("Normalize"), augkit.get("ToCHW")])
>>> out = to_model(image=np.zeros((4, 6, 3), np.uint8))
>>> out.shape, out.dtype
((3, 4, 6), dtype('float32'))
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from augkit.extend import InputError, ParameterError, describe, value_range, write_into
from augkit_arithmetic._common import ArithmeticAugmenter

#: ImageNet's channel means and standard deviations (RGB, in [0, 1]): torchvision's
#: and albumentations' defaults.
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)

_INPUT_DTYPES = frozenset({"uint8", "uint16", "int8", "int16", "int32", "float16", "float32",
                           "float64"})


def _numbers(value: Any, name: str, *, positive: bool = False) -> np.ndarray:
    """A number or a sequence of numbers (one per channel) as a float64 vector."""
    try:
        arr = np.asarray(value, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        arr = np.empty(0)
    if arr.size == 0 or not np.all(np.isfinite(arr)) or (positive and np.any(arr <= 0)):
        what = "positive" if positive else "finite"
        raise ParameterError(f"{name}: expected a {what} number or one per channel, "
                             f"got {describe(value)}")
    return arr


def _per_channel(values: np.ndarray, image: np.ndarray, name: str) -> np.ndarray:
    channels = image.shape[2]
    if values.size not in (1, channels):
        raise InputError(f"{name}: {values.size} values, one for each of {values.size} "
                         f"channels, but the image has {channels} (shape {image.shape}); "
                         f"give one value or {channels}")
    return values


def _as_float32(image: np.ndarray, out: np.ndarray | None) -> np.ndarray:
    """*image* as a new float32 array, or written into the float32 array *out*."""
    if out is None:
        return image.astype(np.float32)
    np.copyto(out, image, casting="unsafe")
    return out


class _Conversion(ArithmeticAugmenter):
    """A step with nothing to draw: one output per image."""

    supported_dtypes = _INPUT_DTYPES
    #: The dtype of the output images (None: the input's); the conformance kit reads it.
    output_dtype: ClassVar[str | None] = "float32"

    def sample(self, rows: Any, rng: np.random.Generator) -> None:
        return None

    def apply_to_images(self, images: list[np.ndarray], params: Any) -> list[np.ndarray]:
        return [self.convert(image) for image in images]

    def _apply_into(self, images, params, outs):
        return [self.convert(image, out) for image, out in zip(images, outs)]

    def convert(self, image: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """One image converted (into *out*, a C-contiguous array of the output's shape
        and dtype, when given)."""
        raise NotImplementedError


class Normalize(_Conversion):
    """Subtract a mean and divide by a standard deviation per channel: float32 out.

    ``out = (image - mean * max_pixel_value) / (std * max_pixel_value)``, as
    albumentations' ``Normalize`` and torchvision's (after ``ToTensor``) compute it.

    Parameters
    ----------
    mean : number or sequence of numbers, optional
        One value, or one per channel, in ``[0, 1]`` units (default: ImageNet's).
    std : number or sequence of numbers, optional
        Positive; one value or one per channel (default: ImageNet's).
    max_pixel_value : number, optional
        The value that ``1.0`` stands for (default 255, for uint8 images).
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> aug = Normalize(mean=0.5, std=0.5)
    >>> aug(image=np.array([[0, 255]], dtype=np.uint8)).tolist()
    [[-1.0, 1.0]]
    """

    # (the default's three ImageNet values need RGB images: the kit also draws others)
    examples = ({"mean": 0.5, "std": 0.25}, {"mean": 0.2, "std": 2, "max_pixel_value": 100.0})

    def __init__(self, mean: Any = IMAGENET_MEAN, std: Any = IMAGENET_STD,
                 max_pixel_value: float = 255.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mean = _numbers(mean, "mean")
        self.std = _numbers(std, "std", positive=True)
        self.max_pixel_value = float(_numbers(max_pixel_value, "max_pixel_value",
                                              positive=True)[0])
        if np.size(max_pixel_value) != 1:
            raise ParameterError(f"max_pixel_value: expected one positive number, "
                                 f"got {describe(max_pixel_value)}")
        # out = image * scale + offset, computed once in float32
        self._scale = (1.0 / (self.std * self.max_pixel_value)).astype(np.float32)
        self._offset = (-self.mean / self.std).astype(np.float32)

    def convert(self, image: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        if self.mean.size > 1 or self.std.size > 1:
            _per_channel(self.mean, image, "mean")
            _per_channel(self.std, image, "std")
        out = _as_float32(image, out)
        out *= self._scale
        out += self._offset
        return out


class ToFloat(_Conversion):
    """Divide by the dtype's maximum (or *max_value*): float32 images in ``[0, 1]``.

    Parameters
    ----------
    max_value : number, optional
        The value that becomes 1.0 (default: the dtype's maximum, 255 for uint8;
        1 for float images, which pass as float32).
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> ToFloat()(image=np.array([[0, 255]], dtype=np.uint8)).tolist()
    [[0.0, 1.0]]
    """

    examples = ({}, {"max_value": 100.0})

    def __init__(self, max_value: float | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_value = None if max_value is None else float(
            _numbers(max_value, "max_value", positive=True)[0])

    def convert(self, image: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        top = self.max_value if self.max_value is not None else value_range(image.dtype)[2]
        out = _as_float32(image, out)
        if top != 1.0:
            out *= np.float32(1.0 / top)
        return out


class FromFloat(_Conversion):
    """Multiply float images by *max_value*, round and clip into an integer dtype.

    The inverse of :class:`ToFloat`.

    Parameters
    ----------
    dtype : {'uint8', 'uint16', 'int16', 'int32', 'float32'}, optional
        The output dtype (default uint8).
    max_value : number, optional
        What 1.0 becomes (default: the output dtype's maximum; 1 for float32).
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> FromFloat()(image=np.array([[0.0, 0.2, 1.5]], dtype=np.float32)).tolist()
    [[0, 51, 255]]
    """

    examples = ({}, {"dtype": "uint16"})
    output_dtype = None  # set per instance
    _DTYPES = ("uint8", "uint16", "int16", "int32", "float32")

    def __init__(self, dtype: str = "uint8", max_value: float | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        name = np.dtype(dtype).name if isinstance(dtype, (str, type, np.dtype)) else None
        if name not in self._DTYPES:
            raise ParameterError(f"dtype: expected one of {', '.join(self._DTYPES)}, "
                                 f"got {describe(dtype)}")
        self.dtype = np.dtype(name)
        self.output_dtype = name
        self.max_value = value_range(self.dtype)[2] if max_value is None else float(
            _numbers(max_value, "max_value", positive=True)[0])

    def convert(self, image: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        scaled = image.astype(np.float64) * self.max_value
        if self.dtype.kind == "f":
            return write_into(out, scaled.astype(self.dtype))
        low, _, high = value_range(self.dtype)
        return write_into(out, np.clip(np.rint(scaled), low, high).astype(self.dtype))


class ToCHW(_Conversion):
    """Move the channels first: ``(H, W, C)`` images become ``(C, H, W)``.

    What PyTorch models take; the last step of a pipeline. The dtype stays (put
    :class:`Normalize` or :class:`ToFloat` before it for float32). A ``(H, W)`` image
    becomes ``(1, H, W)``; a batch ``(N, H, W, C)`` becomes ``(N, C, H, W)``.

    Parameters
    ----------
    <seed and name>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> ToCHW()(image=np.zeros((4, 6, 3), np.uint8)).shape
    (3, 4, 6)
    """

    output_dtype = None
    changes_shape = True
    #: Read by the conformance kit: outputs are ``(C, H, W)``.
    channels_first = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)

    def convert(self, image: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        if out is None:
            return np.ascontiguousarray(image.transpose(2, 0, 1))
        np.copyto(out, image.transpose(2, 0, 1))
        return out

    def output_shapes(self, params: Any, shapes: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
        return [(s[2], s[0], s[1]) for s in shapes]


AUGMENTERS = [Normalize, ToFloat, FromFloat, ToCHW]
