"""Images that are not numpy arrays: PIL images, tensors, anything with ``__array__``.

A training loop holds PIL images (a dataset's ``Image.open``) and tensors (a torch CPU
tensor). augkit takes them as images: a PIL image through ``numpy.asarray`` (palette
images as RGB or RGBA), an object with ``__dlpack__`` through :func:`numpy.from_dlpack`
(no copy), else one with ``__array__`` through :func:`numpy.asarray`. Tensors are read
like arrays, ``(H, W[, C])`` (or ``(N, H, W[, C])`` for a batch); nothing guesses a
channels-first layout. The result comes back as a torch tensor where a torch tensor was
given, as a numpy array otherwise. torch is never imported: a torch tensor exists only
if the caller imported torch.

Examples
--------
>>> import numpy as np
>>> from PIL import Image
>>> image = Image.fromarray(np.zeros((2, 3, 3), np.uint8))
>>> is_foreign(image), to_numpy(image).shape
(True, (2, 3, 3))
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np

from augkit.errors import InputError, describe

__all__ = ["Restore", "is_foreign", "like", "to_numpy"]


def is_foreign(value: Any) -> bool:
    """Whether *value* is an image augkit converts: not an ndarray, but array-like.

    Examples
    --------
    >>> is_foreign(np.zeros(3)), is_foreign([1, 2])
    (False, False)
    """
    if isinstance(value, np.ndarray) or isinstance(value, (list, tuple)):
        return False
    return (hasattr(value, "__dlpack__") or hasattr(value, "__array__")
            or hasattr(value, "__array_interface__") or _is_pil(value))


def to_numpy(value: Any, argname: str = "image") -> np.ndarray:
    """Return *value* as a numpy array (a view where the source allows one).

    Raises
    ------
    InputError
        If the conversion fails (a tensor on a GPU, one that requires grad, ...); the
        message names *argname*.

    Examples
    --------
    >>> from PIL import Image
    >>> to_numpy(Image.new("P", (2, 1))).shape  # a palette image comes as RGB
    (1, 2, 3)
    """
    try:
        if _is_pil(value):
            if value.mode in ("P", "PA"):
                value = value.convert("RGBA" if "transparency" in value.info
                                      or value.mode == "PA" else "RGB")
            return np.asarray(value)
        if _is_torch(value):
            value = value.detach()
        if hasattr(value, "__dlpack__"):
            try:
                return np.from_dlpack(value)
            except (TypeError, BufferError, RuntimeError):
                pass  # a dtype DLPack cannot carry (bool on old numpy): try __array__
        return np.asarray(value)
    except Exception as exc:
        raise InputError(
            f"{argname}: could not read {type(value).__name__} {describe(value)} as an "
            f"array ({type(exc).__name__}: {exc}); give a numpy array, a PIL image or a "
            "CPU tensor") from None


def like(out: Any, given: Any) -> Any:
    """Return augmented *out* in the type of *given*: a torch tensor for a torch tensor.

    Lists (a batch given as a list) are converted element by element; anything else
    comes back as numpy arrays.

    Examples
    --------
    >>> like(np.zeros(2), [1, 2]).tolist()
    [0.0, 0.0]
    """
    if isinstance(out, list) and isinstance(given, (list, tuple)) and len(out) == len(given):
        return [like(o, g) for o, g in zip(out, given)]
    if isinstance(out, np.ndarray) and _is_torch(given):
        return sys.modules["torch"].from_numpy(out)
    return out


class Restore:
    """Wrap the restore step of converted input: give the result the input's type.

    Examples
    --------
    >>> Restore(lambda rows: rows[0], given=None)([np.zeros(1)]).tolist()
    [0.0]
    """

    __slots__ = ("given", "inner")

    def __init__(self, inner: Any, given: Any) -> None:
        self.inner = inner
        self.given = given

    def __call__(self, rows: list) -> Any:
        return like(self.inner(rows), self.given)


def _is_pil(value: Any) -> bool:
    image_module = sys.modules.get("PIL.Image")
    return image_module is not None and isinstance(value, image_module.Image)


def _is_torch(value: Any) -> bool:
    torch = sys.modules.get("torch")
    return torch is not None and isinstance(value, torch.Tensor)
