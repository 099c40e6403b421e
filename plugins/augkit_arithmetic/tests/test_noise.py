"""AdditiveGaussianNoise, AdditiveLaplaceNoise, AdditivePoissonNoise."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_arithmetic import functional as F
from augkit_arithmetic.noise import (
    AdditiveGaussianNoise,
    AdditiveLaplaceNoise,
    AdditivePoissonNoise,
)

from augkit import ParameterError

GRAY = np.full((128, 128, 3), 128, np.uint8)


def test_noise_tables_have_the_right_moments():
    assert abs(F.normal_table().mean()) < 1e-12 and abs(F.normal_table().std() - 1) < 1e-12
    assert abs(F.laplace_table().var() - 2) < 1e-9
    table = F.poisson_table(4.0)
    assert abs(np.abs(table).mean() - 4.0) < 0.1 and table.mean() == 0


@pytest.mark.parametrize("dtype", [np.uint8, np.float32])
def test_gaussian_noise_has_requested_mean_and_std(dtype):
    scale = 10.0 if dtype == np.uint8 else 0.04
    image = GRAY if dtype == np.uint8 else np.full(GRAY.shape, 0.5, np.float32)
    out = AdditiveGaussianNoise(loc=0, scale=scale, per_channel=True, seed=0)(image=image)
    diff = out.astype(np.float64) - image
    assert abs(diff.mean()) < 0.05 * scale
    assert abs(diff.std() - scale) < 0.05 * scale


def test_gaussian_noise_per_channel_false_is_gray():
    out = AdditiveGaussianNoise(scale=20, seed=1)(image=GRAY)
    assert (out == out[:, :, :1]).all() and out.std() > 10
    coloured = AdditiveGaussianNoise(scale=20, per_channel=True, seed=1)(image=GRAY)
    assert not (coloured == coloured[:, :, :1]).all()


def test_gaussian_noise_saturates_uint8():
    out = AdditiveGaussianNoise(loc=300, scale=1, seed=0)(image=GRAY)
    assert (out == 255).all()


def test_laplace_and_poisson_noise_moments():
    out = AdditiveLaplaceNoise(scale=8, per_channel=True, seed=0)(image=GRAY)
    diff = out.astype(np.float64) - 128
    assert abs(diff.std() - 8 * np.sqrt(2)) < 1.0
    out = AdditivePoissonNoise(lam=9, per_channel=True, seed=0)(image=GRAY)
    diff = out.astype(np.float64) - 128
    assert abs(np.abs(diff).mean() - 9) < 0.5 and abs(diff.mean()) < 0.3


def test_noise_is_reproducible_and_replayable():
    aug = AdditiveGaussianNoise(scale=(0, 20), seed=5)
    out, params = aug(image=GRAY, return_params=True)
    assert np.array_equal(aug.replay(params, image=GRAY), out)
    assert np.array_equal(AdditiveGaussianNoise(scale=(0, 20), seed=5)(image=GRAY), out)


def test_scale_must_be_non_negative():
    with pytest.raises(ParameterError, match="scale"):
        AdditiveGaussianNoise(scale=-1)
    with pytest.raises(ParameterError, match="lam"):
        AdditivePoissonNoise(lam=-2)


def test_readme_example():
    aug = AdditiveGaussianNoise(loc=0, scale=(0.0, 0.05 * 255), per_channel=0.5, seed=0)
    assert aug(images=[GRAY, GRAY])[0].shape == GRAY.shape
