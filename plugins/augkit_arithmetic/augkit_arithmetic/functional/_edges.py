"""Edge detection: Canny edges of an image as a boolean mask."""

from __future__ import annotations

import cv2
import numpy as np


def canny_edges(image: np.ndarray, low: float, high: float, aperture: int) -> np.ndarray:
    """Canny edges of an image (``cv2.Canny`` with the L2 gradient).

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8
        Edges come from the first three channels (1 or 2 channels: the first).
    low, high : float
        The hysteresis thresholds.
    aperture : int
        Sobel aperture: 3, 5 or 7.

    Returns
    -------
    ndarray of shape (H, W), dtype bool

    Examples
    --------
    >>> img = np.zeros((4, 6, 1), np.uint8); img[:, 3:] = 255
    >>> canny_edges(img, 100, 200, 3)[0].tolist()
    [False, False, True, False, False, False]
    """
    source = image[:, :, :3] if image.shape[2] >= 3 else image[:, :, 0]
    edges = cv2.Canny(np.ascontiguousarray(source), float(low), float(high),
                      apertureSize=int(aperture), L2gradient=True)
    return edges > 0
