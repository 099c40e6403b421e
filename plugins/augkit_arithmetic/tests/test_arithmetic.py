"""Add, AddElementwise, Multiply, MultiplyElementwise, Invert and Solarize."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_arithmetic import functional as F
from augkit_arithmetic.arithmetic import (
    Add,
    AddElementwise,
    Invert,
    Multiply,
    MultiplyElementwise,
    Solarize,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from augkit import ParameterError

uint8_images = hnp.arrays(np.uint8, st.tuples(st.integers(1, 12), st.integers(1, 12),
                                              st.sampled_from([1, 3, 4, 6])))


@settings(max_examples=40, deadline=None)
@given(uint8_images, st.floats(-300, 300))
def test_add_on_uint8_equals_saturated_rounded_sum(image, value):
    out = Add(value)(image=image)
    expected = np.clip(image.astype(np.int64) + np.rint(np.clip(value, -255, 255)), 0, 255)
    assert out.dtype == np.uint8
    assert np.array_equal(out, expected)


@settings(max_examples=40, deadline=None)
@given(uint8_images, st.floats(0, 5))
def test_multiply_on_uint8_equals_saturated_rounded_product(image, mul):
    out = Multiply(mul)(image=image)
    assert np.array_equal(out, np.clip(np.rint(image * mul), 0, 255))


@settings(max_examples=25, deadline=None)
@given(uint8_images, st.lists(st.floats(-300, 300), min_size=6, max_size=6))
def test_add_per_channel_matches_channelwise_sum(image, values):
    values = np.array(values[:image.shape[2]])
    expected = np.clip(image + np.rint(np.clip(values, -255, 255)), 0, 255)
    assert np.array_equal(F.add_scalar(image, values), expected)


def test_add_float_value_is_rounded_on_uint8_and_kept_on_float():
    assert Add(2.6)(image=np.array([[10]], np.uint8)).tolist() == [[13]]
    out = Add(0.25)(image=np.array([[0.5]], np.float32))
    assert out.dtype == np.float32 and out.tolist() == [[0.75]]


def test_add_saturates_wider_ints_and_never_wraps():
    image = np.array([[32000, -32000]], np.int16)
    assert Add(1000)(image=image).tolist() == [[32767, -31000]]
    assert Add(-1000)(image=image).tolist() == [[31000, -32768]]


def test_per_channel_true_gives_different_values_per_channel():
    image = np.full((4, 4, 3), 128, np.uint8)
    out = Add((-50, 50), per_channel=True, seed=3)(image=image)
    assert len(np.unique(out.reshape(-1, 3), axis=1)[0]) > 1
    per_image = Add((-50, 50), per_channel=False, seed=3)(image=image)
    assert (per_image == per_image[:, :, :1]).all()


def test_multiply_per_channel_on_many_channels():
    image = np.full((3, 3, 7), 100, np.uint8)
    out = Multiply((0.5, 1.5), per_channel=True, seed=0)(image=image)
    assert len(set(out[0, 0].tolist())) > 1


def test_elementwise_augmenters_vary_per_pixel():
    image = np.full((16, 16, 3), 100, np.uint8)
    out = AddElementwise((-20, 20), seed=1)(image=image)
    assert len(np.unique(out)) > 5 and (out == out[:, :, :1]).all()
    out = MultiplyElementwise((0.5, 1.5), per_channel=True, seed=1)(image=image)
    assert not (out == out[:, :, :1]).all()


@settings(max_examples=30, deadline=None)
@given(uint8_images)
def test_invert_twice_is_identity_uint8(image):
    inv = Invert()
    assert np.array_equal(inv(image=inv(image=image)), image)
    assert np.array_equal(inv(image=image), 255 - image)


@settings(max_examples=30, deadline=None)
@given(hnp.arrays(np.float32, (5, 5, 3), elements=st.floats(0, 1, width=32)))
def test_invert_twice_is_identity_float(image):
    inv = Invert()
    once = inv(image=image)
    assert np.allclose(once, 1 - image, atol=1e-6)
    assert np.allclose(inv(image=once), image, atol=1e-6)


def test_invert_custom_range_and_other_dtypes():
    image = np.array([[0, 50, 100, 200]], np.uint8)
    assert Invert(min_value=50, max_value=150)(image=image).tolist() == [[100, 150, 100, 50]]
    assert Invert()(image=np.array([[0, 1000]], np.uint16)).tolist() == [[65535, 64535]]
    assert Invert()(image=np.array([[True, False]])).tolist() == [[False, True]]


def test_invert_per_channel_inverts_some_channels():
    image = np.zeros((2, 2, 8), np.uint8)
    out = Invert(0.5, per_channel=True, seed=2)(image=image)
    flags = out[0, 0] == 255
    assert flags.any() and not flags.all()
    assert set(np.unique(out).tolist()) <= {0, 255}


@settings(max_examples=30, deadline=None)
@given(uint8_images, st.integers(0, 255))
def test_solarize_inverts_only_above_threshold(image, threshold):
    out = Solarize(threshold=threshold)(image=image)
    expected = np.where(image >= threshold, 255 - image, image)
    assert np.array_equal(out, expected)


def test_solarize_default_threshold_scales_to_float_range():
    image = np.array([[0.1, 0.9]], np.float32)
    out = Solarize(seed=0)(image=image)
    assert np.allclose(out, [[0.1, 0.1]], atol=1e-6)


def test_invert_below_threshold():
    image = np.array([[10, 200]], np.uint8)
    out = Invert(threshold=128, invert_above_threshold=False)(image=image)
    assert out.tolist() == [[245, 200]]


@pytest.mark.parametrize(("factory", "name"), [
    (lambda: Add(value="a"), "value"),
    (lambda: Multiply(mul=(1, 2, 3)), "mul"),
    (lambda: Add(per_channel=2.0), "per_channel"),
    (lambda: Invert(p=1.5), "p"),
    (lambda: Invert(min_value=10, max_value=5), "min_value"),
    (lambda: Invert(min_value="x"), "min_value"),
    (lambda: Solarize(threshold="x"), "threshold"),
])
def test_bad_arguments_name_the_argument(factory, name):
    with pytest.raises((ParameterError, TypeError), match=name):
        factory()


def test_readme_examples_construct_and_run():
    image = np.random.default_rng(0).integers(0, 256, (32, 32, 3), dtype=np.uint8)
    for aug in (Invert(0.05, per_channel=True), Add((-10, 10), per_channel=0.5),
                Multiply((0.5, 1.5), per_channel=0.5)):
        out = aug(images=[image, image])
        assert len(out) == 2 and out[0].shape == image.shape
