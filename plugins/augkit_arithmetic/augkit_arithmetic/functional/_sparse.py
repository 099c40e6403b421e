"""Large sparse kernels (long motion-blur lines) summed tap by tap instead of through a DFT.

``cv2.filter2D`` correlates images through a DFT as soon as the kernel has
:func:`dft_area` cells (130 for uint8 and float32 images: 13x13 and up; 50 for the
other dtypes: 9x9 and up), whatever their number of non-zero taps: for MotionBlur's
line kernels (about 2 taps per row) that is 3 to 50 times slower than summing the
taps. OpenCV's direct sum visits only the non-zero taps, so a sparse kernel is cut
into pieces under the DFT area: the kernel cropped to its non-zero cells when that
is small enough (one pass, the same sum as a direct ``filter2D``), else bands of
rows whose float sums (float64 for float64 images, else float32) are added, and
rounded once for integer images.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np

from augkit_arithmetic.functional._blur import BORDER

#: ``cv2.filter2D`` takes a DFT for uint8 and float32 images from this kernel area on.
DFT_AREA = 130
#: ... and for its other dtypes (uint16, int16, float64) from this one on.
DFT_AREA_OTHERS = 50
#: Kernels with more non-zero taps stay on the DFT, which wins for dense kernels.
MAX_DIRECT_TAPS = 64


@dataclass(frozen=True)
class SparsePlan:
    """How :func:`correlate_sparse` sums one kernel.

    Either *cropped* (the kernel cut to its non-zero cells and its centre) with
    its *anchor*, or *bands*: ``(row, column, band)`` pieces of the kernel, each
    under the DFT area, correlated with the image padded by *pads*
    ``(top, bottom, left, right)``.
    """

    cropped: np.ndarray | None
    anchor: tuple[int, int]
    pads: tuple[int, int, int, int]
    bands: tuple[tuple[int, int, np.ndarray], ...]


def _span(mask: np.ndarray) -> tuple[int, int]:
    where = np.flatnonzero(mask)
    return int(where[0]), int(where[-1]) + 1


def _cropped(kernel: np.ndarray, taps: np.ndarray) -> tuple[np.ndarray, tuple[int, int]]:
    """The kernel cut to its non-zero cells and its centre, and the centre in the cut."""
    height, width = kernel.shape
    cy, cx = height // 2, width // 2
    top, bottom = _span(taps.any(axis=1))
    left, right = _span(taps.any(axis=0))
    top, bottom = min(top, cy), max(bottom, cy + 1)
    left, right = min(left, cx), max(right, cx + 1)
    return np.ascontiguousarray(kernel[top:bottom, left:right]), (cx - left, cy - top)


def _bands(kernel: np.ndarray, taps: np.ndarray,
           area: int) -> list[tuple[int, int, np.ndarray]] | None:
    """Cut the kernel's non-zero rows into bands whose non-zero boxes stay under the DFT area.

    None if a single row is already too wide.
    """
    bands: list[tuple[int, int, np.ndarray]] = []
    rows = np.flatnonzero(taps.any(axis=1)).tolist()
    start = 0
    while start < len(rows):
        stop = start + 1
        while stop < len(rows) and _box_area(taps, rows[start], rows[stop] + 1) < area:
            stop += 1
        top, bottom = rows[start], rows[stop - 1] + 1
        if _box_area(taps, top, bottom) >= area:
            return None
        left, right = _span(taps[top:bottom].any(axis=0))
        bands.append((top, left, np.ascontiguousarray(kernel[top:bottom, left:right])))
        start = stop
    return bands


def _box_area(taps: np.ndarray, top: int, bottom: int) -> int:
    left, right = _span(taps[top:bottom].any(axis=0))
    return (bottom - top) * (right - left)


def dft_area(dtype: np.dtype) -> int:
    """The kernel area from which ``cv2.filter2D`` takes a DFT for images of *dtype*.

    Examples
    --------
    >>> import numpy as np
    >>> dft_area(np.dtype(np.uint8)), dft_area(np.dtype(np.uint16))
    (130, 50)
    """
    return DFT_AREA if dtype.char in "Bf" else DFT_AREA_OTHERS


@lru_cache(maxsize=256)
def _plan(data: bytes, dtype: str, shape: tuple[int, int], area: int) -> SparsePlan | None:
    kernel = np.frombuffer(data, dtype=dtype).reshape(shape)
    taps = kernel != 0
    count = int(taps.sum())
    if count == 0 or count > MAX_DIRECT_TAPS:
        return None
    height, width = shape
    pads = (height // 2, height - 1 - height // 2, width // 2, width - 1 - width // 2)
    cropped, anchor = _cropped(kernel, taps)
    if cropped.size < area:
        return SparsePlan(cropped, anchor, pads, ())
    bands = _bands(kernel, taps, area)
    return None if bands is None else SparsePlan(None, anchor, pads, tuple(bands))


def sparse_plan(kernel: np.ndarray, area: int = DFT_AREA) -> SparsePlan | None:
    """How to sum a kernel tap by tap in pieces under *area* cells (cached).

    Parameters
    ----------
    kernel : ndarray of shape (kh, kw)
        A float kernel (float64 kept, anything else as float32).
    area : int, optional
        The DFT area of the images it will filter (:func:`dft_area`).

    Returns
    -------
    SparsePlan or None
        None when the kernel has no or more than :data:`MAX_DIRECT_TAPS` non-zero
        taps (the DFT is then the better route).

    Examples
    --------
    >>> import numpy as np
    >>> line = np.zeros((15, 15), np.float32); line[:, 7] = 1 / 15
    >>> sparse_plan(line).cropped.shape  # one uint8 pass with a 15x1 kernel
    (15, 1)
    """
    dtype = np.float64 if kernel.dtype == np.float64 else np.float32
    kernel = np.ascontiguousarray(kernel, dtype=dtype)
    return _plan(kernel.tobytes(), kernel.dtype.str, kernel.shape, area)


def correlate_sparse(image: np.ndarray, plan: SparsePlan) -> np.ndarray:
    """Correlate an image with a kernel as :func:`sparse_plan` cut it.

    Parameters
    ----------
    image : ndarray of shape (H, W, C)
        uint8, uint16, int16, float32 or float64 (``cv2.filter2D``'s dtypes), at
        most 128 channels (OpenCV's limit).
    plan : SparsePlan
        From :func:`sparse_plan` with the :func:`dft_area` of *image*'s dtype.

    Returns
    -------
    ndarray of shape (H, W, C)
        Of *image*'s dtype, reflected borders (``BORDER_REFLECT_101``); integer
        sums rounded half to even and saturated, as ``cv2.filter2D`` does.

    Examples
    --------
    >>> import numpy as np
    >>> img = np.arange(20, dtype=np.uint8).reshape(1, 20, 1)
    >>> ends = np.zeros((15, 15), np.float32); ends[7, 0] = ends[7, 14] = 0.5
    >>> correlate_sparse(img, sparse_plan(ends))[0, 7:10, 0].tolist()  # (x-7 + x+7) / 2
    [7, 8, 9]
    """
    source = np.ascontiguousarray(image)
    if plan.cropped is not None:
        out = cv2.filter2D(source, -1, plan.cropped, anchor=plan.anchor, borderType=BORDER)
        return out.reshape(image.shape)
    padded = cv2.copyMakeBorder(source, *plan.pads, BORDER)
    out = np.empty(image.shape, dtype=image.dtype)
    rows = max(1, _STRIP_VALUES // (image.shape[1] * image.shape[2]))
    for top in range(0, image.shape[0], rows):
        _correlate_bands_rows(padded, plan, top, min(top + rows, image.shape[0]), out)
    return out


#: Values per strip of rows in the banded route: its float32 sums stay in cache.
_STRIP_VALUES = 1 << 16


def _correlate_bands_rows(padded: np.ndarray, plan: SparsePlan, top: int, bottom: int,
                          out: np.ndarray) -> None:
    """Write rows ``top:bottom`` of the banded correlation into *out*.

    *padded* is the image padded by ``plan.pads``; the rows the strip needs are
    taken in float (float64 for float64 images, else float32), correlated with
    each band and summed.
    """
    height, width = bottom - top, out.shape[1]
    accumulator = np.float64 if out.dtype == np.float64 else np.float32
    chunk = padded[top:bottom + plan.pads[0] + plan.pads[1]].astype(accumulator, copy=False)
    parts = []
    for row, column, band in plan.bands:
        band_height, band_width = band.shape
        window = chunk[row:row + height + band_height - 1, column:column + width + band_width - 1]
        part = cv2.filter2D(window, -1, band, anchor=(0, 0), borderType=BORDER)
        parts.append(part[:height, :width])
    _sum_into(parts, out[top:bottom])


_DEPTHS = {"B": cv2.CV_8U, "H": cv2.CV_16U, "h": cv2.CV_16S, "f": cv2.CV_32F, "d": cv2.CV_64F}


def _sum_into(parts: list[np.ndarray], out: np.ndarray) -> None:
    """Add float images into *out* (integers: rounded half to even and saturated)."""
    depth = _DEPTHS[out.dtype.char]
    if len(parts) == 1:
        cv2.addWeighted(parts[0], 1.0, parts[0], 0.0, 0.0, dst=out, dtype=depth)
        return
    total = parts[0]
    for part in parts[1:-1]:
        total = cv2.add(total, part)
    cv2.add(total, parts[-1], dst=out, dtype=depth)
