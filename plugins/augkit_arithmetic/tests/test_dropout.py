"""Dropout, CoarseDropout, Dropout2d, TotalDropout and Cutout."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_arithmetic.dropout import CoarseDropout, Cutout, Dropout, Dropout2d, TotalDropout
from hypothesis import given, settings
from hypothesis import strategies as st

from augkit import ParameterError
from augkit import parameters as iap

WHITE = np.full((128, 128, 3), 255, np.uint8)


@settings(max_examples=20, deadline=None)
@given(st.floats(0.0, 1.0), st.integers(0, 2**31))
def test_dropout_drops_a_fraction_near_p(p, seed):
    out = Dropout(p, seed=seed)(image=WHITE)
    dropped = (out == 0).all(axis=2).mean()
    assert abs(dropped - p) < 0.02
    assert ((out == 0) | (out == 255)).all()


def test_dropout_per_channel_drops_channels_independently():
    out = Dropout(0.5, per_channel=True, seed=0)(image=WHITE)
    zero = out == 0
    assert not (zero == zero[:, :, :1]).all()
    assert abs(zero.mean() - 0.5) < 0.02


def test_dropout_stochastic_parameter_is_a_keep_mask_as_in_imgaug():
    out = Dropout(iap.Binomial(0.9), seed=0)(image=WHITE)
    assert abs((out == 0).all(axis=2).mean() - 0.1) < 0.02


def test_dropout_on_float_and_many_channels():
    out = Dropout(1.0)(image=np.ones((4, 4, 7), np.float32))
    assert (out == 0).all() and out.dtype == np.float32


def test_coarse_dropout_makes_rectangles():
    out = CoarseDropout(0.5, size_px=8, seed=4)(image=WHITE)
    zero = (out == 0).all(axis=2)
    assert 0 < zero.mean() < 1
    cells = zero.reshape(8, 16, 8, 16).transpose(0, 2, 1, 3).reshape(64, -1)
    assert np.isin(cells.mean(axis=1), [0.0, 1.0]).all()


def test_coarse_dropout_rectangle_and_mask_paths_agree():
    aug = CoarseDropout(0.9, size_px=(10, 12), per_channel=0.5, seed=2)
    image = np.random.default_rng(0).integers(1, 256, (37, 53, 3), dtype=np.uint8)
    out, params = aug(image=image, return_params=True)
    mask = params[0].mask
    full = np.zeros((37, 53, mask.low_shape[2]), bool)
    full.reshape(-1)[mask.full_indices()] = True
    expected = np.where(full, 0, image)
    assert np.array_equal(out, expected)


def test_dropout2d_keeps_channels():
    out = Dropout2d(p=1.0, nb_keep_channels=1)(image=WHITE)
    assert ((out == 255).all(axis=(0, 1))).sum() == 1
    out = Dropout2d(p=1.0, nb_keep_channels=0)(image=WHITE)
    assert (out == 0).all()


def test_total_dropout():
    assert (TotalDropout(1.0)(image=WHITE) == 0).all()
    assert (TotalDropout(0.0)(image=WHITE) == 255).all()


def test_cutout_fills_a_centred_square():
    image = np.full((10, 20), 9, np.uint8)
    out = Cutout(position="center", size=0.4, cval=0)(image=image)
    ys, xs = np.nonzero(out == 0)
    assert (ys.min(), ys.max() + 1) == (3, 7) and (xs.min(), xs.max() + 1) == (8, 12)


def test_cutout_gaussian_fill_and_default_cval_on_float():
    out = Cutout(position="center", size=0.5, fill_mode="gaussian", fill_per_channel=True,
                 seed=0)(image=np.zeros((20, 20, 3), np.uint8))
    assert out[5:15, 5:15].std() > 20
    out = Cutout(position="center", size=0.5)(image=np.zeros((4, 4), np.float32))
    assert np.allclose(out[1:3, 1:3], 128 / 255)


@pytest.mark.parametrize(("factory", "name"), [
    (lambda: Dropout(p=1.5), "p"),
    (lambda: CoarseDropout(size_px=0), "size_px"),
    (lambda: Dropout2d(nb_keep_channels=-1), "nb_keep_channels"),
    (lambda: Cutout(fill_mode="noise"), "fill_mode"),
    (lambda: Cutout(position="middle"), "position"),
    (lambda: Cutout(size=2.0), "size"),
])
def test_bad_arguments_name_the_argument(factory, name):
    with pytest.raises(ParameterError, match=name):
        factory()


def test_readme_examples():
    for aug in (Dropout((0.01, 0.1), per_channel=0.5),
                CoarseDropout((0.03, 0.15), size_percent=(0.02, 0.05), per_channel=0.2)):
        assert aug(images=[WHITE, WHITE])[1].shape == WHITE.shape
