"""Validation and normalisation of image input.

Augmenters see every image as a 3-D ``(H, W, C)`` array. A 2-D ``(H, W)`` image becomes an
``[:, :, None]`` view (never a copy) and goes back to 2-D when it still has one channel.
Images of one batch may differ in size and dtype.

Accepted dtypes are bool and every integer and float dtype; object, string, complex and
date-time arrays are rejected.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from augkit import arraylike
from augkit.errors import InputError, describe

#: ``dtype.kind`` codes of the accepted image dtypes: bool, signed, unsigned, float.
NUMERIC_KINDS = "biuf"

_SINGLE_FORMS = "a numpy array of shape (H, W) or (H, W, C)"
_BATCH_FORMS = (
    "a numpy array of shape (N, H, W, C) or (N, H, W), or a list of (H, W) / (H, W, C) arrays"
)


def _fail(argname: str, image: Any, expected: str) -> InputError:
    """Return the :class:`InputError` that describes what is wrong with *image*."""
    if not isinstance(image, np.ndarray):
        return InputError(
            f"{argname}: expected {expected}, got {type(image).__name__} {describe(image)}"
        )
    if image.dtype.kind not in NUMERIC_KINDS:
        return InputError(
            f"{argname}: expected a numeric image (bool, int or float), got dtype {image.dtype}"
        )
    return InputError(f"{argname}: expected {expected}, got an array of shape {image.shape}")


def check_image(image: Any, argname: str = "image") -> np.ndarray:
    """Validate one image and return it as a 3-D ``(H, W, C)`` array (a view, no copy).

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C)
        The image; bool, integer or float.
    argname : str
        The name used in error messages (``image``, ``images[3]``, ...).

    Returns
    -------
    ndarray of shape (H, W, C)
        *image* itself, or a ``[:, :, None]`` view of a 2-D image.

    Raises
    ------
    InputError
        If *image* is not a numeric numpy array of 2 or 3 dimensions. Axes of size 0 are
        accepted: augmenters pass such images through unchanged, as imgaug does.

    Examples
    --------
    >>> import numpy as np
    >>> check_image(np.zeros((4, 5), dtype=np.uint8)).shape
    (4, 5, 1)
    """
    if type(image) is np.ndarray and image.dtype.kind in NUMERIC_KINDS:
        ndim = image.ndim
        if ndim == 3:
            return image
        if ndim == 2:
            return image[:, :, None]
    if isinstance(image, np.ndarray) and type(image) is not np.ndarray:
        return check_image(np.asarray(image), argname)
    if arraylike.is_foreign(image):  # a PIL image, a tensor (augkit.arraylike)
        return check_image(arraylike.to_numpy(image, argname), argname)
    raise _fail(argname, image, _SINGLE_FORMS)


def _owned(out: np.ndarray, given: np.ndarray) -> np.ndarray:
    """Return *out*, copied when it is not C-contiguous or may share memory with *given*.

    This is where the contract "outputs are C-contiguous arrays the caller owns" is kept
    for augmenters that pass images through untouched.
    """
    if out.flags.c_contiguous and not np.may_share_memory(out, given):
        return out
    return np.array(out, order="C", copy=True)


def _squeeze(row: np.ndarray) -> np.ndarray:
    """Return *row* as 2-D when it has exactly one channel, else unchanged."""
    if row.ndim == 3 and row.shape[2] == 1:
        return row[:, :, 0]
    return row


def restore_single(out: np.ndarray, given: np.ndarray) -> np.ndarray:
    """Return the augmented row of an ``image=`` argument in the form it was given.

    A 2-D input comes back 2-D while it has one channel; the result is C-contiguous
    and never shares memory with *given*.
    """
    if given.ndim == 2:
        out = _squeeze(out)
    return _owned(out, given)


class _RestoreOne:
    """Turn the augmented row of an ``image=`` argument back into the user's form."""

    __slots__ = ("given",)

    def __init__(self, given: np.ndarray) -> None:
        self.given = given

    def __call__(self, rows: list) -> Any:
        if len(rows) != 1:
            raise InputError(f"image: got {len(rows)} augmented images back for 1 input")
        return restore_single(rows[0], self.given)


def _same_shape_and_dtype(arrays: list) -> bool:
    first = arrays[0]
    return all(a.shape == first.shape and a.dtype == first.dtype for a in arrays)


class _RestoreBatch:
    """Turn augmented rows back into the form of an ``images=`` argument."""

    __slots__ = ("given", "was_2d", "was_array", "empty")

    def __init__(self, given: Any, was_2d: list[bool], was_array: bool,
                 empty: np.ndarray | None) -> None:
        self.given = given
        self.was_2d = was_2d
        self.was_array = was_array
        self.empty = empty

    def __call__(self, rows: list) -> Any:
        if len(rows) != len(self.was_2d):
            raise InputError(
                f"images: got {len(rows)} augmented images back for {len(self.was_2d)} inputs"
            )
        if not rows:
            return self.empty if self.was_array else []
        out = [_squeeze(r) if flat else r for r, flat in zip(rows, self.was_2d, strict=True)]
        if self.was_array and _same_shape_and_dtype(out):
            return np.stack(out)  # a new array: never shares memory with the input
        return [_owned(o, g) for o, g in zip(out, self.given, strict=True)]


def image_rows(value: Any, *, single: bool) -> tuple[list, Any]:
    """Split an ``image=`` (*single*) or ``images=`` argument into 3-D rows.

    Parameters
    ----------
    value : ndarray or list of ndarray
        Single: one ``(H, W)`` or ``(H, W, C)`` array. Batch: an ``(N, H, W, C)`` array,
        an ``(N, H, W)`` grayscale batch, or a list of 2-D/3-D arrays of any sizes.
    single : bool
        True for ``image=``.

    Returns
    -------
    rows : list of ndarray of shape (H, W, C)
        Views of the input; nothing is copied.
    restore : callable
        Gives the user's form back from augmented rows: 2-D for images given as 2-D that
        still have one channel; for an array input, an array (via ``np.stack``) when all
        outputs share shape and dtype, else a list; a list for a list input. Results are
        C-contiguous and never share memory with the input (rows an augmenter passed
        through untouched are copied here).
    """
    if single:
        if type(value) is np.ndarray and value.dtype.kind in NUMERIC_KINDS:
            shape = value.shape
            if len(shape) == 3:
                return [value], _RestoreOne(value)
        if arraylike.is_foreign(value):
            rows, restore = image_rows(arraylike.to_numpy(value, "image"), single=True)
            return rows, arraylike.Restore(restore, value)
        row = check_image(value, "image")
        return [row], _RestoreOne(value)

    if isinstance(value, np.ndarray):
        if value.dtype.kind not in NUMERIC_KINDS or value.ndim not in (3, 4):
            raise _fail("images", value, _BATCH_FORMS)
        flat = value.ndim == 3
        rows = list(value[:, :, :, None] if flat else value)
        empty = value[:0].copy()
        return rows, _RestoreBatch(value, [flat] * len(rows), True, empty)
    if arraylike.is_foreign(value):  # a tensor batch (N, H, W[, C])
        rows, restore = image_rows(arraylike.to_numpy(value, "images"), single=False)
        return rows, arraylike.Restore(restore, value)
    if isinstance(value, (list, tuple)) and any(map(arraylike.is_foreign, value)):
        arrays = [arraylike.to_numpy(image, f"images[{i}]") if arraylike.is_foreign(image)
                  else image for i, image in enumerate(value)]
        rows, restore = image_rows(arrays, single=False)
        return rows, arraylike.Restore(restore, value)
    if isinstance(value, (list, tuple)):
        rows = [check_image(image, f"images[{i}]") for i, image in enumerate(value)]
        was_2d = [image.ndim == 2 for image in value]
        return rows, _RestoreBatch(value, was_2d, False, None)
    raise _fail("images", value, _BATCH_FORMS)
