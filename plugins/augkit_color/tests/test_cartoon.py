"""Cartoon: flat colour regions, stronger saturation, dark edges."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from augkit import InputError, ParameterError
from augkit import augmenters as iaa
from augkit.testing import images

#: Cartoon with every parameter fixed: no draw changes the result.
FIXED = {"blur_ksize": 3, "segmentation_size": 1.0, "saturation": 2.0}


@given(image=images(channels=(1, 3, 4), max_side=12), seed=st.integers(0, 2**31 - 1))
def test_cartoon_keeps_shape_and_dtype_at_any_size(image, seed):
    out = iaa.Cartoon(seed=seed)(image=image)
    assert out.shape == image.shape and out.dtype == np.uint8


@given(value=st.integers(0, 255), height=st.integers(1, 12), width=st.integers(1, 12),
       seed=st.integers(0, 2**31 - 1))
def test_flat_gray_images_come_back_unchanged(value, height, width, seed):
    # no edges to draw, no saturation to raise
    image = np.full((height, width, 3), value, np.uint8)
    assert np.array_equal(iaa.Cartoon(seed=seed)(image=image), image)


@given(image=images(channels=(3,), min_side=4, max_side=16),
       prevalence=st.tuples(st.floats(0.1, 4.0), st.floats(0.1, 4.0)).map(sorted))
def test_more_edge_prevalence_only_adds_black_edges(image, prevalence):
    fewer, more = (iaa.Cartoon(**FIXED, edge_prevalence=p)(image=image) for p in prevalence)
    black_fewer = np.all(fewer == 0, axis=2)
    black_more = np.all(more == 0, axis=2)
    assert np.all(black_more[black_fewer])
    # where neither drew an edge, both show the same flat colours
    neither = ~black_more
    assert np.array_equal(fewer[neither], more[neither])


@given(image=images(channels=(3,), max_side=12), seed=st.integers(0, 2**31 - 1))
def test_same_seed_same_cartoon(image, seed):
    assert np.array_equal(iaa.Cartoon(seed=seed)(image=image),
                          iaa.Cartoon(seed=seed)(image=image))


def test_a_strong_step_gets_a_black_line_and_flat_sides():
    step = np.full((16, 16, 3), 60, np.uint8)
    step[:, 8:] = 200
    out = iaa.Cartoon(blur_ksize=1, segmentation_size=1.0, saturation=1.0,
                      edge_prevalence=1.0)(image=step).astype(int)
    assert np.all(out[:, 7:9] == 0)                 # both sides of the step, every row
    inner = out[2:-2]                               # cv2's pyramid mean shift blurs the ends
    assert np.all(inner[:, 9:] == 200)
    assert np.all(np.abs(inner[:, :7] - 60) <= 2)
    assert np.array_equal(out[:, :, 0], out[:, :, 2])


def test_saturation_is_raised_on_flat_colour_images():
    image = np.full((9, 11, 3), (120, 60, 30), np.uint8)
    out = iaa.Cartoon(seed=1)(image=image)
    assert out[0, 0].tolist() == [120, 40, 0]
    assert np.all(out == out[0, 0])


def test_cartoon_keeps_the_alpha_channel():
    rgba = np.random.default_rng(2).integers(0, 256, (8, 8, 4), dtype=np.uint8)
    assert np.array_equal(iaa.Cartoon()(image=rgba)[:, :, 3], rgba[:, :, 3])


def test_cartoon_errors():
    with pytest.raises(ParameterError, match="saturation"):
        iaa.Cartoon(saturation=-1)
    with pytest.raises(InputError, match="Cartoon.*2 channels"):
        iaa.Cartoon()(image=np.zeros((4, 4, 2), np.uint8))
