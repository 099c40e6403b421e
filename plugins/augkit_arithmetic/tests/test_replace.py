"""ReplaceElementwise and the salt-and-pepper family."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_arithmetic.replace import (
    CoarsePepper,
    CoarseSalt,
    CoarseSaltAndPepper,
    ImpulseNoise,
    Pepper,
    ReplaceElementwise,
    Salt,
    SaltAndPepper,
)

from augkit import ParameterError
from augkit import parameters as iap

GRAY = np.full((64, 64, 3), 128, np.uint8)


def test_replace_everything_with_a_constant():
    out = ReplaceElementwise(1.0, 300)(image=np.zeros((2, 3, 2), np.int16))
    assert (out == 300).all()
    out = ReplaceElementwise(1.0, 300)(image=np.zeros((2, 3), np.uint8))
    assert (out == 255).all()


def test_replace_fraction_and_per_channel():
    out = ReplaceElementwise(0.2, 0, seed=0)(image=GRAY)
    changed = out != 128
    assert (changed == changed[:, :, :1]).all()
    assert 0.15 < changed[:, :, 0].mean() < 0.25
    out = ReplaceElementwise(0.2, 0, per_channel=True, seed=0)(image=GRAY)
    assert not ((out != 128) == (out != 128)[:, :, :1]).all()


def test_replace_with_parameter_mask():
    mask = iap.FromLowerResolution(iap.Binomial(0.5), size_px=4)
    out = ReplaceElementwise(mask, 0, seed=1)(image=GRAY)
    assert 0 < (out == 0).mean() < 1


def test_salt_and_pepper_values_are_extreme():
    out = SaltAndPepper(1.0, seed=0)(image=GRAY)
    values = out[:, :, 0].ravel()
    assert ((values < 64) | (values > 191)).mean() > 0.6
    assert (values < 64).any() and (values > 191).any()


def test_salt_is_bright_and_pepper_dark_for_every_dtype():
    for dtype, top in ((np.uint8, 255), (np.float32, 1.0), (np.uint16, 65535)):
        image = np.zeros((16, 16, 1), dtype)
        salt = Salt(1.0, seed=0)(image=image).astype(np.float64)
        assert (salt >= 0.5 * top - 1).all()
        pepper = Pepper(1.0, seed=0)(image=np.full((16, 16, 1), top, dtype)).astype(np.float64)
        assert (pepper <= 0.5 * top + 1).all()


def test_impulse_noise_is_per_channel():
    out = ImpulseNoise(0.3, seed=0)(image=GRAY)
    changed = out != 128
    assert not (changed == changed[:, :, :1]).all()


def test_coarse_versions_make_blocks():
    for cls in (CoarseSaltAndPepper, CoarseSalt, CoarsePepper):
        out = cls(0.5, size_px=4, seed=3)(image=GRAY)
        changed = (out != 128).any(axis=2)
        assert changed.any()
        # each 16x16 cell is either fully selected or not at all
        cells = changed.reshape(4, 16, 4, 16).transpose(0, 2, 1, 3).reshape(16, -1)
        selected = cells.mean(axis=1)
        assert ((selected > 0.9) | (selected < 0.1)).all()


def test_bad_arguments_name_the_argument():
    with pytest.raises(ParameterError, match="mask"):
        ReplaceElementwise(mask=2.0, replacement=0)
    with pytest.raises(ParameterError, match="size_px"):
        CoarseSalt(size_px=2, size_percent=0.1)
    with pytest.raises(ParameterError, match="min_size"):
        CoarsePepper(min_size=0)
