"""Convolve and the kernel family: exact small cases, identity cases, errors."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_arithmetic import functional as F
from augkit_arithmetic.convolutional import (
    Convolve,
    DirectedEdgeDetect,
    EdgeDetect,
    Emboss,
    Sharpen,
)

from augkit import ParameterError

IMG = np.random.default_rng(0).integers(0, 256, (11, 13, 3), dtype=np.uint8)


def test_convolve_with_an_identity_kernel_returns_the_image():
    identity = np.zeros((3, 3))
    identity[1, 1] = 1
    out = Convolve(matrix=identity)(image=IMG)
    assert np.array_equal(out, IMG) and not np.shares_memory(out, IMG)


def test_convolve_none_is_the_identity():
    assert np.array_equal(Convolve()(image=IMG), IMG)


def test_convolve_exact_values_with_a_shift_kernel():
    img = np.arange(9, dtype=np.uint8).reshape(3, 3)
    shift = np.array([[0, 0, 0], [0, 0, 1], [0, 0, 0]])
    assert Convolve(matrix=shift)(image=img).tolist() == [[1, 2, 1], [4, 5, 4], [7, 8, 7]]


def test_convolve_callable_gets_the_image_and_may_return_per_channel_kernels():
    seen = []

    def make(image, nb_channels, rng):
        seen.append((image.shape, nb_channels, isinstance(rng, np.random.Generator)))
        ident = np.zeros((3, 3))
        ident[1, 1] = 1
        return [ident, ident * 0, None]

    out = Convolve(matrix=make)(image=IMG)
    assert seen == [(IMG.shape, 3, True)]
    assert np.array_equal(out[:, :, 0], IMG[:, :, 0]) and (out[:, :, 1] == 0).all()
    assert np.array_equal(out[:, :, 2], IMG[:, :, 2])


def test_edge_detect_alpha_zero_is_the_identity():
    assert np.array_equal(EdgeDetect(alpha=0)(image=IMG), IMG)


@pytest.mark.parametrize("aug", [Sharpen(alpha=0), Emboss(alpha=0),
                                 DirectedEdgeDetect(alpha=0, direction=0.3)])
def test_alpha_zero_is_the_identity(aug):
    assert np.array_equal(aug(image=IMG), IMG)


def test_sharpen_fast_path_agrees_with_filter2d_within_ties():
    import cv2

    kernel = F.sharpen_kernel(0.4, 1.1)
    slow = cv2.filter2D(IMG, -1, kernel, borderType=cv2.BORDER_REFLECT_101)
    assert np.abs(F.convolve(IMG, kernel).astype(int) - slow).max() <= 1


@pytest.mark.parametrize("shape", [(1, 1, 3), (2, 2, 1), (7, 5, 4), (64, 48, 3)])
def test_sharpen_fast_path_keeps_box_sums_above_255(shape):
    import cv2

    img = np.full(shape, 255, dtype=np.uint8)
    img[::2, ::3] = 200  # box sums reach 9 * 255: they must not saturate
    kernel = F.sharpen_kernel(1.0, 0.5)
    slow = cv2.filter2D(img, -1, kernel, borderType=cv2.BORDER_REFLECT_101)
    assert np.abs(F.convolve(img, kernel).astype(int) - slow.reshape(shape)).max() <= 1


@pytest.mark.parametrize("strip_values", [1, 40, 100])
def test_sharpen_strips_equal_one_whole_image_pass(monkeypatch, strip_values):
    from augkit_arithmetic.functional import _convolve

    img = np.random.default_rng(3).integers(0, 256, (23, 9, 4), dtype=np.uint8)
    kernel = F.sharpen_kernel(0.8, 0.3)
    whole = F.convolve(img, kernel)  # 23 rows: one pass
    monkeypatch.setattr(_convolve, "_STRIP_VALUES", strip_values)  # strips of 1 to 2 rows
    assert np.array_equal(F.convolve(img, kernel), whole)
    assert np.array_equal(F.convolve(img[:, :, 1:2], kernel), whole[:, :, 1:2])


def test_kernels_are_identity_mixed_by_alpha():
    assert F.sharpen_kernel(0.0, 1.3).tolist() == F.edge_kernel(0.0).tolist()
    emboss = F.emboss_kernel(0.5, 1.0)
    assert emboss.sum() == pytest.approx(1.0)
    assert F.edge_kernel(1.0).sum() == pytest.approx(0.0)


def test_directed_edge_kernel_works_in_whole_degrees_and_matches_the_batch():
    one = F.directed_edge_kernel
    assert np.array_equal(one(1.0, 0.1), one(1.0, 0.1 + 0.5 / 360))  # both 36 degrees
    assert not np.array_equal(one(1.0, 0.1), one(1.0, 0.1 + 1.5 / 360))
    assert np.array_equal(one(0.6, -0.25), one(0.6, 0.75))
    alphas, directions = np.array([0.2, 0.9, 1.0]), np.array([0.3, -0.6, 1.7])
    batch = F.directed_edge_kernels(alphas, directions)
    rows = [one(a, d) for a, d in zip(alphas.tolist(), directions.tolist())]
    assert np.array_equal(batch, np.stack(rows))
    assert batch.dtype == np.float32 and F.directed_edge_kernels([], []).shape == (0, 3, 3)


def test_directed_edge_detect_sees_edges_from_its_direction_only():
    img = np.zeros((5, 5), dtype=np.uint8)
    img[3:, :] = 200  # bright bottom half
    from_top = DirectedEdgeDetect(alpha=1.0, direction=0.0)(image=img)
    from_bottom = DirectedEdgeDetect(alpha=1.0, direction=0.5)(image=img)
    assert from_top[3].min() > 150 and from_bottom[3].max() <= 2


def test_float_images_keep_values_unclipped():
    img = np.full((4, 4, 1), 0.5, dtype=np.float32)
    img[1, 1] = 1.0
    out = Sharpen(alpha=1.0, lightness=1.0)(image=img)
    assert out.dtype == np.float32 and out[1, 1, 0] > 1.0


@pytest.mark.parametrize("make, match", [
    (lambda: Convolve(matrix=np.ones(3)), "matrix"),
    (lambda: Convolve(matrix="x"), "matrix"),
    (lambda: Convolve(matrix=np.array([[np.nan]])), "matrix"),
    (lambda: Sharpen(alpha=1.5), "alpha"),
    (lambda: Sharpen(lightness=-1), "lightness"),
    (lambda: Emboss(strength=-0.1), "strength"),
    (lambda: DirectedEdgeDetect(direction="up"), "direction"),
])
def test_bad_arguments_name_the_argument(make, match):
    with pytest.raises((ParameterError, TypeError), match=match):
        make()


def test_callable_returning_wrong_kernel_count_is_an_error():
    aug = Convolve(matrix=lambda image, n, rng: [np.ones((3, 3))] * (n + 1))
    with pytest.raises(ParameterError, match="kernels"):
        aug(image=IMG)


@pytest.mark.parametrize("channels", [1, 3])
@pytest.mark.parametrize("kernel", [
    np.float32([[0, 0, 0], [0, 0, 1], [0, 0, 0]]),  # filter2D
    np.float32([[-1, -1, -1], [-1, 9, -1], [-1, -1, -1]]),  # Sharpen's centre-plus-box route
    np.ones((15, 15), np.float32) / 225,  # large: filter2D's DFT size
])
def test_convolve_writes_into_out_what_it_returns(channels, kernel):
    image = np.random.default_rng(0).integers(0, 256, (9, 11, channels), dtype=np.uint8)
    out = np.full_like(image, 7)
    got = F.convolve(image, kernel, out)
    assert got is out
    assert np.array_equal(out, F.convolve(image, kernel).reshape(image.shape))
