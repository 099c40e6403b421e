"""Large sparse kernels summed tap by tap: the plans, and sums equal to a float64 reference."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from augkit_arithmetic import functional as F
from augkit_arithmetic.functional import _sparse
from augkit_arithmetic.functional._sparse import (
    DFT_AREA,
    correlate_sparse,
    dft_area,
    sparse_plan,
)


def _reference(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Correlation in float64 over reflected borders (integers: rounded half to even, saturated)."""
    kh, kw = kernel.shape
    h, w, c = image.shape
    padded = cv2.copyMakeBorder(image, kh // 2, kh - 1 - kh // 2, kw // 2, kw - 1 - kw // 2,
                                cv2.BORDER_REFLECT_101).reshape(h + kh - 1, w + kw - 1, c)
    total = np.zeros(image.shape)
    for i, j in zip(*np.nonzero(kernel)):
        total += float(kernel[i, j]) * padded[i:i + h, j:j + w]
    if image.dtype.kind == "f":
        return total.astype(image.dtype)
    limits = np.iinfo(image.dtype)
    return np.clip(np.rint(total), limits.min, limits.max).astype(image.dtype)


def _diagonal(size: int) -> np.ndarray:
    kernel = np.zeros((size, size), np.float32)
    kernel[np.arange(size), np.arange(size)] = 1 / 16
    kernel[np.arange(size - 1), np.arange(1, size)] = 1 / 32  # 2 taps per row, as a motion line
    return kernel


def _top_row(size: int) -> np.ndarray:
    kernel = np.zeros((size, size), np.float32)
    kernel[0, :] = -1 / 8
    kernel[0, ::4] = 1 / 2
    return kernel


def test_plans_crop_thin_kernels_band_wide_ones_and_leave_dense_ones_to_the_dft():
    vertical = np.zeros((15, 15), np.float32)
    vertical[:, 7] = 1 / 15
    plan = sparse_plan(vertical)
    assert plan.cropped.shape == (15, 1) and plan.anchor == (0, 7) and not plan.bands
    bands = sparse_plan(_diagonal(15)).bands
    assert len(bands) >= 2 and all(b.size < DFT_AREA for _, _, b in bands)
    assert sum(int((b != 0).sum()) for _, _, b in bands) == 29
    assert len(sparse_plan(_top_row(21)).bands) == 1  # cropped with its centre: 11x21 cells
    assert sparse_plan(np.ones((15, 15), np.float32)) is None
    assert sparse_plan(np.zeros((15, 15), np.float32)) is None


SHAPES = [(1, 1, 3), (2, 2, 1), (5, 40, 4), (37, 23, 3), (9, 6, 2)]
KERNELS = {"cropped": np.pad(np.full((13, 1), 1 / 16, np.float32), ((0, 0), (6, 6))),
           "bands": _diagonal(17), "one band": _top_row(21)}


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.int16, np.float32, np.float64])
@pytest.mark.parametrize("strip_values", [1, 100, 1 << 16])
@pytest.mark.parametrize("name", list(KERNELS))
@pytest.mark.parametrize("shape", SHAPES)
def test_sums_equal_a_float64_reference(monkeypatch, shape, name, strip_values, dtype):
    monkeypatch.setattr(_sparse, "_STRIP_VALUES", strip_values)
    image = np.random.default_rng(sum(shape)).integers(0, 256, shape).astype(dtype)
    if dtype != np.uint8:
        image -= dtype(100)  # uint16 wraps round to large values: saturation is tested
    kernel = KERNELS[name]
    out = correlate_sparse(image, sparse_plan(kernel, dft_area(image.dtype)))
    assert out.shape == shape and out.dtype == dtype
    assert np.array_equal(out, _reference(image, kernel))  # dyadic weights: exact sums


def test_other_dtypes_cut_kernels_under_the_smaller_dft_area():
    kernel = F.motion_kernel(9, 33.0, 0.3)  # 81 cells: a DFT for uint16, not for uint8
    assert kernel.size < DFT_AREA and sparse_plan(kernel, dft_area(np.dtype(np.uint16)))
    bands = sparse_plan(_diagonal(9), 50).bands
    assert len(bands) >= 2 and all(b.size < 50 for _, _, b in bands)
    image = np.random.default_rng(2).integers(0, 60000, (30, 20, 3)).astype(np.uint16)
    assert np.abs(F.convolve(image, kernel).astype(int) - _reference(image, kernel)).max() <= 1
    float64 = image / 60000.0
    assert np.abs(F.convolve(float64, kernel) - _reference(float64, kernel)).max() < 1e-12


def test_convolve_sums_motion_lines_instead_of_the_dft():
    image = np.random.default_rng(1).integers(0, 256, (40, 48, 3), dtype=np.uint8)
    for angle in (5.0, 33.0, 120.0):
        kernel = F.motion_kernel(15, angle, 0.3)
        assert sparse_plan(kernel) is not None
        out = F.convolve(image, kernel)
        assert np.abs(out.astype(int) - _reference(image, kernel)).max() <= 1
        assert np.array_equal(F.convolve(image[:, :, 1:2], kernel), out[:, :, 1:2])
        floats = F.convolve(image.astype(np.float32) / 255, kernel)
        expected = _reference(image.astype(np.float32) / 255, kernel)
        assert floats.dtype == np.float32 and np.abs(floats - expected).max() < 1e-5
