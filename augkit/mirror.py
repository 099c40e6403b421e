"""Symmetric keypoints under mirroring: swap ``left_*`` and ``right_*`` where an image flips.

A horizontal flip moves a ``left_eye`` to where the right eye was; the point is still
labelled ``left_eye`` unless something swaps it. Declare the mirror of every keypoint,
``flip_idx`` (Ultralytics' permutation: keypoint ``i`` becomes keypoint
``flip_idx[i]``'s), and augkit swaps them wherever the augmentation mirrored the image.

Whether a row was mirrored is read from the transform itself, not from a list of
augmenters: three probe points (a triangle) go through the pipeline with the keypoints,
and a reversed orientation of the triangle means an odd number of reflections.
Fliplr, Flipud and any plugin's mirror are covered; a 180 degree turn (Fliplr then
Flipud) is no mirror and swaps nothing.

Examples
--------
>>> import numpy as np, augkit
>>> kps = np.array([[10.0, 5.0], [30.0, 5.0]])  # left eye, right eye
>>> aug = augkit.get("Fliplr", p=1.0)
>>> aug(image=np.zeros((20, 40), np.uint8), keypoints=kps, keypoint_flip_idx=[1, 0])[1].tolist()
[[10.0, 5.0], [30.0, 5.0]]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from augkit.errors import InputError, ParameterError, describe

__all__ = ["check_flip_idx", "flip_idx_from_names", "is_mirrored", "permute", "probes"]


def check_flip_idx(flip_idx: Any, name: str = "keypoint_flip_idx") -> np.ndarray:
    """Return *flip_idx* as an int array after checking it is an involution.

    Parameters
    ----------
    flip_idx : sequence of int
        ``flip_idx[i]`` is the index of keypoint ``i``'s mirror (itself for a point on
        the axis, such as a nose). Applying it twice must give the identity.

    Raises
    ------
    ParameterError
        If it is not a permutation of ``0..K-1`` that is its own inverse.

    Examples
    --------
    >>> check_flip_idx([0, 2, 1]).tolist()
    [0, 2, 1]
    """
    try:
        arr = np.asarray(flip_idx)
    except (TypeError, ValueError):
        arr = np.empty(0, dtype=object)
    ok = (arr.ndim == 1 and arr.size > 0 and arr.dtype.kind in "iu"
          and np.array_equal(np.sort(arr), np.arange(arr.size)))
    if ok and not np.array_equal(arr[arr], np.arange(arr.size)):
        raise ParameterError(f"{name}: {arr.tolist()} is not its own inverse: if keypoint i "
                             "mirrors to j, j must mirror to i")
    if not ok:
        raise ParameterError(f"{name}: expected a permutation of 0..K-1 (the index of each "
                             f"keypoint's mirror, e.g. [0, 2, 1]), got {describe(flip_idx)}")
    return arr.astype(np.intp)


def flip_idx_from_names(names: Sequence[str]) -> list[int] | None:
    """Build ``flip_idx`` from keypoint names that pair ``left_*`` with ``right_*``.

    Returns None when no name pairs up (nothing to swap). A name without its mirror
    (``nose``) maps to itself.

    Examples
    --------
    >>> flip_idx_from_names(["nose", "left_eye", "right_eye"])
    [0, 2, 1]
    >>> flip_idx_from_names(["a", "b"]) is None
    True
    """
    index = {name: i for i, name in enumerate(names)}
    out = list(range(len(names)))
    for i, name in enumerate(names):
        for this, other in (("left", "right"), ("right", "left"), ("Left", "Right"),
                            ("Right", "Left"), ("l_", "r_"), ("r_", "l_")):
            if name.startswith(this):
                mirror = other + name[len(this):]
                if mirror in index:
                    out[i] = index[mirror]
                break
    return None if out == list(range(len(names))) else out


def probes(shape: tuple[int, ...]) -> np.ndarray:
    """Three points (a triangle spanning the image) that reveal a mirroring transform.

    Examples
    --------
    >>> probes((10, 20, 3)).tolist()
    [[5.0, 2.5], [15.0, 2.5], [5.0, 7.5]]
    """
    height, width = float(shape[0]), float(shape[1])
    return np.array([[0.25 * width, 0.25 * height], [0.75 * width, 0.25 * height],
                     [0.25 * width, 0.75 * height]], dtype=np.float32)


def is_mirrored(before: np.ndarray, after: np.ndarray) -> bool:
    """Whether the triangle *before* (3, 2) came out with its orientation reversed.

    Examples
    --------
    >>> triangle = probes((10, 10))
    >>> is_mirrored(triangle, triangle * [-1, 1]), is_mirrored(triangle, -triangle)
    (True, False)
    """
    def area(t: np.ndarray) -> float:
        (x0, y0), (x1, y1), (x2, y2) = np.asarray(t, dtype=np.float64)
        return (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)

    return bool(area(before) * area(after) < 0)


def permute(xy: np.ndarray, flip_idx: np.ndarray, name: str = "keypoints") -> np.ndarray:
    """Swap mirrored keypoints of every object: *xy* holds objects of ``K`` points each.

    Examples
    --------
    >>> permute(np.array([[1, 1], [2, 2], [3, 3], [4, 4]]), np.array([1, 0])).tolist()
    [[2, 2], [1, 1], [4, 4], [3, 3]]
    """
    count = len(flip_idx)
    if len(xy) % count:
        raise InputError(f"{name}: {len(xy)} keypoints are not whole objects of "
                         f"{count} (the length of keypoint_flip_idx)")
    blocks = np.arange(0, len(xy), count)[:, None]
    return xy[(blocks + flip_idx[None, :]).reshape(-1)]
