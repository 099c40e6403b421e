"""Normalize, ToFloat, FromFloat and ToCHW: a pipeline that ends in what a model eats."""

from __future__ import annotations

import numpy as np
import pytest

import augkit

IMAGE = np.array([[[0, 51, 255], [255, 102, 0]]], dtype=np.uint8)  # 1x2x3


def test_normalize_matches_albumentations_formula():
    aug = augkit.get("Normalize", mean=(0.5, 0.2, 0.0), std=(0.5, 0.4, 1.0))
    out = aug(image=IMAGE)
    assert out.dtype == np.float32
    expected = (IMAGE / 255.0 - np.array([0.5, 0.2, 0.0])) / np.array([0.5, 0.4, 1.0])
    np.testing.assert_allclose(out, expected.astype(np.float32), rtol=1e-6)
    assert out[0, 0].tolist() == pytest.approx([-1.0, 0.0, 1.0])


def test_normalize_default_is_imagenet_and_max_pixel_value_scales():
    out = augkit.get("Normalize")(image=np.full((1, 1, 3), 255, np.uint8))
    expected = (1 - np.array([0.485, 0.456, 0.406])) / np.array([0.229, 0.224, 0.225])
    np.testing.assert_allclose(out[0, 0], expected, rtol=1e-6)
    scaled = augkit.get("Normalize", mean=0, std=1, max_pixel_value=1000)
    assert scaled(image=np.full((1, 1, 1), 500, np.uint16)).item() == pytest.approx(0.5)


def test_normalize_refuses_a_channel_count_that_does_not_match():
    with pytest.raises(augkit.InputError, match="mean.*3 channels.*4"):
        augkit.get("Normalize")(image=np.zeros((2, 2, 4), np.uint8))
    with pytest.raises(augkit.ParameterError, match="std"):
        augkit.get("Normalize", std=(0.0, 1.0, 1.0))


def test_to_float_and_from_float_round_trip():
    as_float = augkit.get("ToFloat")(image=IMAGE)
    assert as_float.dtype == np.float32
    assert as_float[0, 0].tolist() == pytest.approx([0.0, 0.2, 1.0])
    back = augkit.get("FromFloat", dtype="uint8")(image=as_float)
    assert back.dtype == np.uint8 and np.array_equal(back, IMAGE)
    clipped = augkit.get("FromFloat", dtype="uint8")(image=np.array([[-0.5, 2.0]], np.float32))
    assert clipped.tolist() == [[0, 255]]
    assert augkit.get("ToFloat", max_value=100)(image=np.array([[50]], np.uint8)).item() == 0.5


def test_to_chw_gives_channels_first_and_keeps_annotations():
    aug = augkit.Sequential([augkit.get("Fliplr", p=1.0), augkit.get("Normalize", mean=0, std=1),
                             augkit.get("ToCHW")])
    out, kps = aug(image=IMAGE, keypoints=np.array([[0.5, 0.5]]))
    assert out.shape == (3, 1, 2) and out.dtype == np.float32 and out.flags.c_contiguous
    assert out[:, 0, 0].tolist() == pytest.approx([1.0, 0.4, 0.0])
    assert kps.tolist() == [[1.5, 0.5]]
    assert augkit.get("ToCHW")(images=np.zeros((4, 5, 6, 3), np.uint8)).shape == (4, 3, 5, 6)
    assert augkit.get("ToCHW")(image=np.zeros((5, 6), np.uint8)).shape == (1, 5, 6)
