"""Jigsaw: split images into a grid of cells and swap cells with their neighbours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from augkit import GeometricAugmenter, InputError
from augkit import parameters as iap
from augkit.errors import ParameterTypeError, describe
from augkit.imgutils import imresize_single_image
from augkit_geometric import _fields

# neighbour offsets (dy, dx) of the four directions: up, right, down, left
_DIRECTIONS = ((-1, 0), (0, 1), (1, 0), (0, -1))


def jigsaw_destinations(nb_rows: int, nb_cols: int, steps: np.ndarray,
                        directions: np.ndarray) -> np.ndarray:
    """Return the ``(nb_rows, nb_cols)`` destination cell (flat index) of every cell.

    Every cell may move *steps[y, x]* times; in step *s* each cell that still has
    steps swaps places with its neighbour in direction ``directions[y, x, s]`` (up,
    right, down, left; clipped at the grid edge) if that neighbour has steps left
    too, and both spend one step (imgaug's scheme).

    Examples
    --------
    >>> jigsaw_destinations(1, 2, np.array([[1, 1]]), np.array([[[1], [3]]])).tolist()
    [[1, 0]]
    """
    dest = list(range(nb_rows * nb_cols))
    left = steps.astype(int).ravel().tolist()
    max_steps = directions.shape[2] if directions.ndim == 3 else 0
    for step in range(max_steps):
        dirs = directions[:, :, step].ravel().tolist()
        for idx in range(nb_rows * nb_cols):
            if left[idx] <= 0:
                continue
            y, x = divmod(idx, nb_cols)
            dy, dx = _DIRECTIONS[dirs[idx]]
            ty = min(max(y + dy, 0), nb_rows - 1)
            tx = min(max(x + dx, 0), nb_cols - 1)
            target = ty * nb_cols + tx
            if target != idx and left[target] >= 1:
                dest[idx], dest[target] = dest[target], dest[idx]
                left[idx] -= 1
                left[target] -= 1
    return np.array(dest, dtype=np.intp).reshape(nb_rows, nb_cols)


def apply_jigsaw(arr: np.ndarray, destinations: np.ndarray) -> np.ndarray:
    """Return a copy of *arr* ``(H, W, C)`` with cell ``i`` moved to ``destinations.flat[i]``.

    H and W must be multiples of the grid's rows and columns.
    """
    nb_rows, nb_cols = destinations.shape
    height, width, channels = arr.shape
    ch, cw = height // nb_rows, width // nb_cols
    out = np.empty((height, width, channels), dtype=arr.dtype)
    src5 = arr.reshape(nb_rows, ch, nb_cols, cw, channels)
    out5 = out.reshape(nb_rows, ch, nb_cols, cw, channels)
    flat = destinations.ravel()
    src_rows, src_cols = np.divmod(np.arange(flat.size), nb_cols)
    dst_rows, dst_cols = np.divmod(flat, nb_cols)
    out5[dst_rows, :, dst_cols] = src5[src_rows, :, src_cols]
    return out


def jigsaw_points(xy: np.ndarray, destinations: np.ndarray, height: int,
                  width: int) -> np.ndarray:
    """Move points ``(N, 2)`` on a ``height x width`` image with the cells they lie in.

    Points outside the image stay where they are.
    """
    nb_rows, nb_cols = destinations.shape
    ch, cw = height / nb_rows, width / nb_cols
    out = np.array(xy, dtype=np.float32, copy=True)
    x, y = out[:, 0], out[:, 1]
    inside = (x >= 0) & (x < width) & (y >= 0) & (y < height)
    col = np.clip((x // cw).astype(np.intp), 0, nb_cols - 1)
    row = np.clip((y // ch).astype(np.intp), 0, nb_rows - 1)
    dest_row, dest_col = np.divmod(destinations[row, col], nb_cols)
    out[:, 0] = np.where(inside, x + (dest_col - col) * cw, x)
    out[:, 1] = np.where(inside, y + (dest_row - row) * ch, y)
    return out


@dataclass
class JigsawParams:
    """Per-row draws of :class:`Jigsaw`: destinations grid and padding of each row.

    ``pads[i]`` is ``(top, bottom, left, right)`` in image pixels.
    """

    destinations: list[np.ndarray]
    pads: list[tuple[int, int, int, int]]


class Jigsaw(GeometricAugmenter):
    """Cut images into a grid of cells and move cells around like jigsaw pieces.

    Each image is split into ``nb_rows x nb_cols`` cells; every cell may move up to
    *max_steps* times, each move swapping it with a random neighbour (up, right, down
    or left) that may still move as well. With *allow_pad* (default), images whose
    height or width is not a multiple of the grid are first padded with zeros, evenly
    on both sides, so the output can be a few pixels larger than the input.

    Parameters
    ----------
    nb_rows : int or tuple of (int, int) or list or StochasticParameter, optional
        Rows of cells, at least 1 (default ``(3, 10)``).
    nb_cols : int or tuple of (int, int) or list or StochasticParameter, optional
        Columns of cells, at least 1 (default ``(3, 10)``).
    max_steps : int or tuple of (int, int) or list or StochasticParameter, optional
        How many moves each cell may make, at least 0 (default 1); each cell draws
        its number of moves uniformly from ``0..max_steps``.
    allow_pad : bool, optional
        Pad images to a multiple of the grid (default True). If False, an image that
        does not divide evenly raises ``InputError`` (as in imgaug).

    Notes
    -----
    Heatmaps and segmentation maps are resized to the image size, padded and cut
    like the image, then resized back to their own resolution (scaled by the
    padding). Keypoints move with their cell. Bounding boxes, polygons and line
    strings would be torn apart and are not supported (imgaug raises for them too).

    Supported data: images, heatmaps, segmentation_maps, keypoints (image dtypes:
    every numeric dtype).

    Examples
    --------
    >>> import numpy as np
    >>> image = np.arange(16, dtype=np.uint8).reshape(4, 4)
    >>> bool((Jigsaw(nb_rows=2, nb_cols=2, max_steps=0)(image=image) == image).all())
    True
    >>> Jigsaw(nb_rows=3, nb_cols=3, seed=1)(image=image).shape
    (6, 6)
    """

    examples = (
        {"nb_rows": 4, "nb_cols": 4, "max_steps": 1},
        {"nb_rows": (2, 5), "nb_cols": (2, 5), "max_steps": (1, 3)},
    )
    unsupported_kinds = frozenset({"bounding_boxes", "polygons", "line_strings"})
    changes_shape = True

    def __init__(
        self,
        nb_rows: Any = (3, 10),
        nb_cols: Any = (3, 10),
        max_steps: Any = 1,
        allow_pad: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.nb_rows = iap.handle_discrete_param(nb_rows, "nb_rows", value_range=(1, None))
        self.nb_cols = iap.handle_discrete_param(nb_cols, "nb_cols", value_range=(1, None))
        self.max_steps = iap.handle_discrete_param(max_steps, "max_steps",
                                                   value_range=(0, None))
        if not isinstance(allow_pad, (bool, np.bool_)):
            raise ParameterTypeError(
                f"allow_pad: expected True or False, got {describe(allow_pad)}")
        self.allow_pad = bool(allow_pad)

    def sample(self, rows, rng):
        n = rows.nb_rows
        nb_rows = np.maximum(_fields.draw(self.nb_rows, n, rng).astype(np.intp), 1)
        nb_cols = np.maximum(_fields.draw(self.nb_cols, n, rng).astype(np.intp), 1)
        max_steps = np.maximum(_fields.draw(self.max_steps, n, rng).astype(np.intp), 0)
        destinations, pads = [], []
        for shape, r, c, m in zip(rows.shapes, nb_rows.tolist(), nb_cols.tolist(),
                                  max_steps.tolist()):
            steps = rng.integers(0, m, size=(r, c), endpoint=True)
            directions = rng.integers(0, 4, size=(r, c, m))
            destinations.append(jigsaw_destinations(r, c, steps, directions))
            pads.append(self._pads(shape, r, c))
        return JigsawParams(destinations, pads)

    def _pads(self, shape: tuple[int, ...], nb_rows: int, nb_cols: int):
        height, width = shape[:2]
        pad_h = (-height) % nb_rows if height else nb_rows
        pad_w = (-width) % nb_cols if width else nb_cols
        if (pad_h or pad_w) and not self.allow_pad:
            raise InputError(
                f"Jigsaw: image of shape {tuple(shape)} does not divide into {nb_rows} rows "
                f"and {nb_cols} columns; use allow_pad=True or a fitting grid")
        return pad_h // 2, pad_h - pad_h // 2, pad_w // 2, pad_w - pad_w // 2

    def output_shapes(self, params, shapes):
        return [(s[0] + t + b, s[1] + left + r, *s[2:])
                for s, (t, b, left, r) in zip(shapes, params.pads)]

    @staticmethod
    def _pad(arr: np.ndarray, pads, cval: float) -> np.ndarray:
        top, bottom, left, right = pads
        if not (top or bottom or left or right):
            return arr
        height, width, channels = arr.shape
        out = np.full((height + top + bottom, width + left + right, channels), cval,
                      dtype=arr.dtype)
        out[top:top + height, left:left + width] = arr
        return out

    def apply_to_images(self, images, params):
        return [apply_jigsaw(self._pad(image, pads, 0), dest)
                for image, dest, pads in zip(images, params.destinations, params.pads)]

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        interpolation = "nearest" if kind.interpolation == "nearest" else "linear"
        out = []
        for arr, shape, dest, pads in zip(arrays, shapes, params.destinations, params.pads):
            height, width = shape[:2]
            same = arr.shape[:2] == (height, width)
            work = arr if same else _resize(arr, (height, width), interpolation)
            work = apply_jigsaw(self._pad(work, pads, kind.cval), dest)
            if not same:
                ratio_h = work.shape[0] / height
                ratio_w = work.shape[1] / width
                target = (max(1, round(arr.shape[0] * ratio_h)),
                          max(1, round(arr.shape[1] * ratio_w)))
                work = _resize(work, target, interpolation)
            out.append(work)
        return out

    def apply_to_keypoints(self, xys, params, *, shapes):
        out = []
        for xy, shape, dest, (top, bottom, left, right) in zip(
                xys, shapes, params.destinations, params.pads):
            moved = np.array(xy, dtype=np.float32, copy=True)
            moved += np.array([left, top], dtype=np.float32)
            out.append(jigsaw_points(moved, dest, shape[0] + top + bottom,
                                     shape[1] + left + right))
        return out


def _resize(arr: np.ndarray, hw: tuple[int, int], interpolation: str) -> np.ndarray:
    out = imresize_single_image(arr, hw, interpolation=interpolation)
    out = out.reshape(hw[0], hw[1], arr.shape[2])
    return out.astype(arr.dtype, copy=False)


AUGMENTERS = (Jigsaw,)
