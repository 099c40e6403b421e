"""Jigsaw: split images into a grid of cells and swap cells with their neighbours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from augkit import InputError
from augkit import parameters as iap
from augkit.extend import INTERPOLATIONS, pad_unchecked, resize_to
from augkit_geometric import functional as F
from augkit_geometric._common import GeometricFamilyAugmenter, check_flag


@dataclass
class JigsawParams:
    """Per-row draws of :class:`Jigsaw`: destinations grid and padding of each row.

    ``pads[i]`` is ``(top, bottom, left, right)`` in image pixels.

    Examples
    --------
    >>> aug = Jigsaw(nb_rows=2, nb_cols=3, seed=0)
    >>> _, params = aug(image=np.zeros((4, 7), np.uint8), return_params=True)
    >>> params.destinations[0].shape, params.pads
    ((2, 3), [(0, 0, 1, 1)])
    """

    destinations: list[np.ndarray]
    pads: list[tuple[int, int, int, int]]


class Jigsaw(GeometricFamilyAugmenter):
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
    <seed and name>

    Notes
    -----
    Heatmaps and segmentation maps are resized to the image size, padded and cut
    like the image, then resized back to their own resolution (scaled by the
    padding). Keypoints move with their cell. Bounding boxes, polygons and line
    strings would be torn apart and are not supported (imgaug raises for them too).

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> image = np.arange(16, dtype=np.uint8).reshape(4, 4)
    >>> bool((Jigsaw(nb_rows=2, nb_cols=2, max_steps=0)(image=image) == image).all())
    True
    >>> Jigsaw(nb_rows=3, nb_cols=3, seed=1)(image=image).shape
    (6, 6)
    """

    imgaug_parameters = ("nb_rows", "nb_cols", "max_steps", "allow_pad")
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
        self.allow_pad = check_flag(allow_pad, "allow_pad")

    def sample(self, rows, rng):
        n = rows.nb_rows
        nb_rows = np.maximum(iap.draw(self.nb_rows, n, rng).astype(np.intp), 1)
        nb_cols = np.maximum(iap.draw(self.nb_cols, n, rng).astype(np.intp), 1)
        max_steps = np.maximum(iap.draw(self.max_steps, n, rng).astype(np.intp), 0)
        destinations, pads = [], []
        for shape, r, c, m in zip(rows.shapes, nb_rows.tolist(), nb_cols.tolist(),
                                  max_steps.tolist()):
            destinations.append(F.generate_jigsaw_destinations(r, c, m, rng))
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
        return pad_unchecked(arr, top, right, bottom, left, "constant", cval)

    def apply_to_images(self, images, params):
        return [F.apply_jigsaw(self._pad(image, pads, 0), dest)
                for image, dest, pads in zip(images, params.destinations, params.pads)]

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        flag = INTERPOLATIONS["nearest" if kind.interpolation == "nearest" else "linear"]
        out = []
        for arr, shape, dest, pads in zip(arrays, shapes, params.destinations, params.pads):
            height, width = shape[:2]
            same = arr.shape[:2] == (height, width)
            work = arr if same else resize_to(arr, (height, width), flag)
            work = F.apply_jigsaw(self._pad(work, pads, kind.cval), dest)
            if not same:
                ratio_h = work.shape[0] / height
                ratio_w = work.shape[1] / width
                target = (max(1, round(arr.shape[0] * ratio_h)),
                          max(1, round(arr.shape[1] * ratio_w)))
                work = resize_to(work, target, flag)
            out.append(work)
        return out

    def apply_to_keypoints(self, xys, params, *, shapes):
        out = []
        for xy, shape, dest, (top, bottom, left, right) in zip(
                xys, shapes, params.destinations, params.pads):
            moved = np.array(xy, dtype=np.float32, copy=True)
            moved += np.array([left, top], dtype=np.float32)
            out.append(F.apply_jigsaw_to_coords(
                moved, dest, (shape[0] + top + bottom, shape[1] + left + right)))
        return out


AUGMENTERS = (Jigsaw,)
