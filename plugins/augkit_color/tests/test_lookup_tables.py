"""The ``lookup_tables`` of the contrast curves and the uniform quantizations equal
their uint8 output."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_color.contrast import GammaContrast, LinearContrast, LogContrast, SigmoidContrast
from augkit_color.quantization import (
    KMeansColorQuantization,
    Posterize,
    UniformColorQuantization,
    UniformColorQuantizationToNBits,
)

from augkit.testing.lookup_tables import check_lookup_tables

PER_CHANNEL = [False, True, 0.5]


@pytest.mark.parametrize("per_channel", PER_CHANNEL)
@pytest.mark.parametrize("make", [
    lambda pc: GammaContrast((0.0, 3.0), per_channel=pc, seed=1),
    lambda pc: GammaContrast([0.5, 1.0, 2.0], per_channel=pc, seed=2),
    lambda pc: SigmoidContrast((0, 20), (0.0, 1.0), per_channel=pc, seed=3),
    lambda pc: LogContrast((0.0, 2.0), per_channel=pc, seed=4),
    lambda pc: LinearContrast((0.0, 3.0), per_channel=pc, seed=5),
], ids=["gamma", "gamma-list", "sigmoid", "log", "linear"])
def test_contrast_curves(make, per_channel):
    check_lookup_tables(make(per_channel), channels=(1, 3, 4, 6))


@pytest.mark.parametrize("cls", [UniformColorQuantization, UniformColorQuantizationToNBits,
                                 Posterize])
def test_quantization_in_the_given_space(cls):
    check_lookup_tables(cls(seed=6), seeds=6, channels=(1, 2, 3, 4, 6))


@pytest.mark.parametrize("cls", [UniformColorQuantization, Posterize])
def test_quantization_in_another_space_has_no_table_for_colour_rows(cls):
    aug = cls(to_colorspace=["RGB", "HSV"], seed=7)
    check_lookup_tables(aug, seeds=6, channels=(1, 3, 4), every_row=False)
    image_rows = [(1, 1, 3), (1, 1, 1)]
    assert aug.lookup_tables([(4, "HSV", 0), (4, "HSV", 0)], image_rows)[0] is None
    assert aug.lookup_tables([(4, "HSV", 0), (4, "HSV", 0)], image_rows)[1] is not None


def test_kmeans_has_no_tables():
    aug = KMeansColorQuantization(n_colors=2, seed=8)
    image = np.zeros((4, 4, 3), np.uint8)
    _, params = aug(images=[image], return_params=True)
    method = getattr(aug, "lookup_tables", None)
    assert method is None or method(params, [image.shape]) is None
