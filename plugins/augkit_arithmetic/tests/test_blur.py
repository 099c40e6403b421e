"""Blur augmenters: exact values, constant images stay constant, parameter errors."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_arithmetic import functional as F
from augkit_arithmetic.blur import (
    AverageBlur,
    BilateralBlur,
    GaussianBlur,
    MeanShiftBlur,
    MedianBlur,
    MotionBlur,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from augkit import ParameterError


def test_average_blur_k3_exact_on_a_known_image():
    img = np.zeros((3, 3), dtype=np.uint8)
    img[1, 1] = 90
    # reflected borders: every 3x3 window around a corner sees the centre 4 times
    assert AverageBlur(k=3)(image=img).tolist() == [[40, 20, 40], [20, 10, 20], [40, 20, 40]]


def test_average_blur_per_axis_tuple_blurs_only_along_the_drawn_axis():
    img = np.zeros((5, 5), dtype=np.uint8)
    img[2, 2] = 255
    out = AverageBlur(k=(1, (5, 5)))(image=img)  # height 1, width 5
    assert out[2].tolist() == [102, 51, 51, 51, 102]  # borders reflect
    assert (np.delete(out, 2, axis=0) == 0).all()


def test_gaussian_sigma_zero_is_the_identity():
    img = np.random.default_rng(0).integers(0, 256, (9, 7, 3), dtype=np.uint8)
    out = GaussianBlur(sigma=0)(image=img)
    assert np.array_equal(out, img) and out is not img


def test_gaussian_matches_a_float_reference_within_rounding():
    img = np.random.default_rng(1).integers(0, 256, (20, 20, 3), dtype=np.uint8)
    import cv2

    ref = cv2.GaussianBlur(img.astype(np.float64), (5, 5), 1.0, borderType=cv2.BORDER_REFLECT_101)
    out = GaussianBlur(sigma=1.0)(image=img)
    assert np.abs(out.astype(float) - ref).max() <= 1.0


def test_gaussian_kernel_size_follows_imgaug():
    assert [F.gaussian_ksize(s) for s in (0.5, 2.0, 4.0, 6.0)] == [5, 7, 11, 15]


def test_median_blur_removes_a_lone_pixel():
    img = np.zeros((5, 5, 3), dtype=np.uint8)
    img[2, 2] = 255
    assert MedianBlur(k=3)(image=img).max() == 0


@pytest.mark.parametrize("channels", [2, 5])
def test_median_blur_large_kernel_handles_any_channel_count(channels):
    img = np.random.default_rng(2).integers(0, 256, (12, 12, channels), dtype=np.uint8)
    out = MedianBlur(k=7)(image=img)
    single = MedianBlur(k=7)(image=np.ascontiguousarray(img[:, :, 1]))
    assert out.shape == img.shape and np.array_equal(out[:, :, 1], single)


def test_median_float32_large_kernel_agrees_with_uint8_path():
    img = np.random.default_rng(3).integers(0, 256, (10, 10, 3), dtype=np.uint8)
    as_float = MedianBlur(k=7)(image=img.astype(np.float32))
    assert np.array_equal(as_float.astype(np.uint8), MedianBlur(k=7)(image=img))


def test_motion_kernel_sums_to_one_and_follows_the_direction():
    kernel = F.motion_kernel(5, 0.0, 1.0)
    assert kernel.sum() == pytest.approx(1.0)
    column = kernel[:, 2]
    assert column[0] > column[-1]  # direction 1 weights the front (top, at angle 0)
    horizontal = F.motion_kernel(5, 90.0, 0.0)
    assert np.allclose(horizontal[2], 0.2, atol=1e-6)


BLURS = [
    GaussianBlur(sigma=(0.0, 3.0)),
    AverageBlur(k=((1, 7), (1, 7))),
    MedianBlur(k=(3, 7)),
    BilateralBlur(d=(1, 7)),
    MotionBlur(k=(3, 9)),
    MeanShiftBlur(spatial_radius=5.0, color_radius=5.0),
]


@settings(max_examples=25, deadline=None)
@given(value=st.integers(0, 255), height=st.integers(1, 20), width=st.integers(1, 20),
       channels=st.sampled_from([1, 3, 4]), index=st.integers(0, len(BLURS) - 1))
def test_every_blur_keeps_a_constant_image_constant(value, height, width, channels, index):
    img = np.full((height, width, channels), value, dtype=np.uint8)
    out = BLURS[index](image=img)
    if isinstance(BLURS[index], (AverageBlur, BilateralBlur)):
        # OpenCV's fixed-point box and bilateral filters may round a constant off by one
        # (cv2.blur itself: a (19, 1) image of 89 with a 1x2 kernel gives 90)
        assert np.abs(out.astype(int) - value).max() <= 1
    else:
        assert np.array_equal(out, img)


@settings(max_examples=15, deadline=None)
@given(value=st.floats(0, 1, width=32), sigma=st.floats(0, 5))
def test_float_gaussian_keeps_a_constant_image_constant(value, sigma):
    img = np.full((9, 9, 3), value, dtype=np.float32)
    assert np.allclose(GaussianBlur(sigma=sigma)(image=img), value, atol=1e-6)


def test_many_channels_are_blurred_channel_group_by_group():
    img = np.random.default_rng(4).random((6, 6, 130)).astype(np.float32)
    out = GaussianBlur(sigma=1.0)(image=img)
    assert out.shape == img.shape
    assert np.allclose(out[:, :, 129], GaussianBlur(sigma=1.0)(image=img[:, :, 129:130])[:, :, 0])


@pytest.mark.parametrize("make, match", [
    (lambda: GaussianBlur(sigma=-1), "sigma"),
    (lambda: AverageBlur(k=0), "k"),
    (lambda: AverageBlur(k=((1, 3), "x")), r"k\[1\]"),
    (lambda: MedianBlur(k=4), "odd"),
    (lambda: MedianBlur(k=(3, 6)), "odd"),
    (lambda: BilateralBlur(sigma_color=0.5), "sigma_color"),
    (lambda: MotionBlur(k=2), "k"),
    (lambda: MotionBlur(direction=2.0), "direction"),
    (lambda: MotionBlur(order=2), "order"),
    (lambda: MeanShiftBlur(spatial_radius=0), "spatial_radius"),
])
def test_bad_arguments_name_the_argument(make, match):
    with pytest.raises((ParameterError, TypeError), match=match):
        make()
