"""Showing augmented images: grids, annotation overlays and a viewer.

Examples
--------
>>> import numpy as np
>>> grid = draw_grid([np.zeros((4, 6, 3), np.uint8)] * 3, cols=2)
>>> grid.shape
(8, 12, 3)
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from typing import Any

import numpy as np

from augkit.errors import InputError, ParameterError, describe


def _as_rgb_uint8(image: np.ndarray, name: str) -> np.ndarray:
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3):
        raise InputError(f"{name}: expected an (H, W) or (H, W, C) array, got {describe(image)}")
    if image.ndim == 2:
        image = image[:, :, None]
    if image.dtype != np.uint8:
        if image.dtype.kind == "f":
            image = np.clip(np.rint(image * 255.0), 0, 255).astype(np.uint8)
        elif image.dtype.kind == "b":
            image = image.astype(np.uint8) * 255
        else:
            image = np.clip(image, 0, 255).astype(np.uint8)
    channels = image.shape[2]
    if channels == 1:
        return np.repeat(image, 3, axis=2)
    if channels >= 3:
        return image[:, :, :3]
    return np.concatenate([image, image[:, :, :1]], axis=2)


def draw_grid(images: Sequence[np.ndarray] | np.ndarray, rows: int | None = None,
              cols: int | None = None) -> np.ndarray:
    """Arrange images in a grid, each in a cell as large as the largest image.

    Parameters
    ----------
    images : ndarray of shape (N, H, W[, C]) or list of ndarray
        The images; float images are read as values in [0, 1], grayscale is shown
        as RGB.
    rows, cols : int, optional
        Grid size; missing ones are derived (a near-square grid by default).

    Returns
    -------
    ndarray of shape (rows * H, cols * W, 3)
        The uint8 grid; empty cells are black.
    """
    images = list(images)
    if not images:
        raise InputError("images: expected at least one image, got none")
    cells = [_as_rgb_uint8(image, f"images[{i}]") for i, image in enumerate(images)]
    count = len(cells)
    for value, label in ((rows, "rows"), (cols, "cols")):
        if value is not None and (not isinstance(value, int) or value < 1):
            raise ParameterError(f"{label}: expected a positive int or None, got {describe(value)}")
    if rows is None and cols is None:
        cols = int(np.ceil(np.sqrt(count)))
    if rows is None:
        rows = int(np.ceil(count / cols))
    if cols is None:
        cols = int(np.ceil(count / rows))
    if rows * cols < count:
        raise ParameterError(f"rows x cols = {rows} x {cols} cannot hold {count} images")
    cell_h = max(c.shape[0] for c in cells)
    cell_w = max(c.shape[1] for c in cells)
    grid = np.zeros((rows * cell_h, cols * cell_w, 3), dtype=np.uint8)
    for index, cell in enumerate(cells):
        r, c = divmod(index, cols)
        grid[r * cell_h:r * cell_h + cell.shape[0], c * cell_w:c * cell_w + cell.shape[1]] = cell
    return grid


#: imgaug's ``IMSHOW_BACKEND_DEFAULT``.
IMSHOW_BACKEND_DEFAULT = "matplotlib"


def imshow(image: np.ndarray, backend: str = IMSHOW_BACKEND_DEFAULT, *,
           title: str | None = None) -> str | None:
    """Show an image: in a window when possible, else as a PNG file.

    Parameters
    ----------
    image : ndarray of shape (H, W) or (H, W, C)
    backend : {'matplotlib', 'cv2'}
        imgaug's choice of viewer. ``cv2`` needs an OpenCV build with GUI support
        (augkit depends on the headless one) and falls back like ``matplotlib``.
    title : str, optional
        Window title.

    Returns
    -------
    str or None
        Without a viewer or a display, the image is written to a temporary PNG whose
        path is printed and returned; None when shown in a window.
    """
    if backend not in ("matplotlib", "cv2"):
        raise ParameterError(f"backend: expected 'matplotlib' or 'cv2', got {describe(backend)}")
    rgb = _as_rgb_uint8(image, "image")
    if backend == "cv2" and _has_display() and _show_with_cv2(rgb, title or "augkit"):
        return None
    if _has_display():
        try:
            import matplotlib.pyplot as plt
        except ImportError:
            pass
        else:
            plt.figure(figsize=(rgb.shape[1] / 96, rgb.shape[0] / 96), dpi=96)
            plt.imshow(rgb)
            plt.axis("off")
            if title:
                plt.title(title)
            plt.show()
            return None
    import imageio.v3 as iio

    fd, path = tempfile.mkstemp(prefix="augkit-", suffix=".png")
    os.close(fd)
    iio.imwrite(path, rgb)
    print(f"augkit.imshow: no display available; wrote {path}", file=sys.stderr)
    return path


def _show_with_cv2(rgb: np.ndarray, title: str) -> bool:
    import cv2

    try:
        cv2.imshow(title, np.ascontiguousarray(rgb[:, :, ::-1]))
        cv2.waitKey(0)
        cv2.destroyWindow(title)
    except cv2.error:  # headless OpenCV: no GUI
        return False
    return True


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def show_grid(images: Sequence[np.ndarray] | np.ndarray, rows: int | None = None,
              cols: int | None = None) -> str | None:
    """Show :func:`draw_grid` of *images* with :func:`imshow`."""
    return imshow(draw_grid(images, rows=rows, cols=cols))


def draw_annotations(image: np.ndarray, annotations: dict[str, Any]) -> np.ndarray:
    """Draw every annotation of a sample (maps, then polygons, lines, boxes, points).

    *annotations* maps kind names (``heatmaps``, ``segmentation_maps``, ``polygons``,
    ``line_strings``, ``bounding_boxes``, ``keypoints``) to ``...OnImage`` objects. The
    heatmap is drawn only where it is above 0.1, so the photo stays visible.
    """
    out = _as_rgb_uint8(image, "image").copy()
    segmaps = annotations.get("segmentation_maps")
    if segmaps is not None:
        out = segmaps.draw_on_image(out, alpha=0.3)[0]
    heatmaps = annotations.get("heatmaps")
    if heatmaps is not None:
        drawn = heatmaps.draw_on_image(out, alpha=0.5)[0]
        heat = heatmaps.resize(out.shape[:2]).get_arr()
        hot = (heat.max(axis=2) if heat.ndim == 3 else heat) > 0.1 * heatmaps.max_value
        out[hot] = drawn[hot]
    styles = {
        "polygons": {"color": (255, 140, 0), "alpha_face": 0.15},
        "line_strings": {"color": (0, 220, 255), "size": 2},
        "bounding_boxes": {"color": (255, 230, 0)},
        "keypoints": {"color": (255, 0, 0), "size": 5},
    }
    for name, style in styles.items():
        if annotations.get(name) is not None:
            out = annotations[name].draw_on_image(out, **style)
    return out
