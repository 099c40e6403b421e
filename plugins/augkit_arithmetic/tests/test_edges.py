"""Canny: edges where the image has them, colorizer, alpha blending, errors."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_arithmetic.edges import Canny, RandomColorsBinaryImageColorizer

from augkit import ParameterError

WHITE_ON_BLACK = RandomColorsBinaryImageColorizer(color_true=255, color_false=0)


def step_image(channels: int) -> np.ndarray:
    img = np.zeros((10, 10, channels), dtype=np.uint8)
    img[:, 5:] = 200
    return img


def test_canny_marks_the_step_edge_only():
    out = Canny(alpha=1.0, sobel_kernel_size=3, colorizer=WHITE_ON_BLACK)(image=step_image(3))
    edge_cols = np.nonzero(out[:, :, 0].any(axis=0))[0].tolist()
    assert edge_cols in ([4], [5], [4, 5])
    assert set(np.unique(out).tolist()) <= {0, 255}


def test_alpha_zero_is_the_identity_and_alpha_blends():
    img = step_image(3)
    assert np.array_equal(Canny(alpha=0)(image=img), img)
    half = Canny(alpha=0.5, sobel_kernel_size=3, colorizer=WHITE_ON_BLACK)(image=img)
    assert half[0, 0, 0] == 0 and half[0, 9, 0] == 100


def test_rgba_keeps_alpha_and_grayscale_gets_grey_colours():
    rgba = step_image(4)
    rgba[:, :, 3] = 77
    out = Canny(alpha=1.0, sobel_kernel_size=3)(image=rgba)
    assert (out[:, :, 3] == 77).all()
    gray = Canny(alpha=1.0, sobel_kernel_size=3,
                 colorizer=RandomColorsBinaryImageColorizer(color_true=(10, 10),
                                                            color_false=(20, 20)))
    assert set(np.unique(gray(image=step_image(1)[:, :, 0])).tolist()) <= {10, 20}


def test_small_sobel_size_leaves_the_image_unchanged():
    img = step_image(3)
    assert np.array_equal(Canny(alpha=1.0, sobel_kernel_size=[0, 1, 2])(image=img), img)


def test_threshold_pair_forms_are_accepted():
    Canny(hysteresis_thresholds=100)
    Canny(hysteresis_thresholds=((50, 60), [150, 200]))


@pytest.mark.parametrize("make, match", [
    (lambda: Canny(alpha=2), "alpha"),
    (lambda: Canny(hysteresis_thresholds=300), "hysteresis_thresholds"),
    (lambda: Canny(hysteresis_thresholds=((0, 10), [900])), r"hysteresis_thresholds\[1\]"),
    (lambda: Canny(sobel_kernel_size=9), "sobel_kernel_size"),
    (lambda: Canny(colorizer="red"), "colorizer"),
    (lambda: RandomColorsBinaryImageColorizer(color_true=256), "color_true"),
])
def test_bad_arguments_name_the_argument(make, match):
    with pytest.raises((ParameterError, TypeError), match=match):
        make()
