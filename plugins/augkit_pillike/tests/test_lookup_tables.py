"""The ``lookup_tables`` of pillike Solarize, Posterize and EnhanceBrightness equal their
uint8 output."""

from __future__ import annotations

import pytest
from augkit_pillike.enhance import EnhanceBrightness
from augkit_pillike.imageops import Posterize, Solarize

from augkit.testing.lookup_tables import check_lookup_tables


@pytest.mark.parametrize("kwargs", [{}, {"p": 0.5, "threshold": (0, 256)},
                                    {"threshold": [0.5, 127.5, 255]}])
def test_solarize(kwargs):
    check_lookup_tables(Solarize(seed=1, **kwargs), seeds=6, channels=(1, 2, 3, 4, 5))


def test_posterize():
    check_lookup_tables(Posterize(seed=2), seeds=8, channels=(1, 2, 3, 4, 5))


@pytest.mark.parametrize("factor", [(0.0, 3.0), [0.0, 0.5, 1.0, 1.7]])
def test_enhance_brightness(factor):
    check_lookup_tables(EnhanceBrightness(factor, seed=3), seeds=6, channels=(1, 3, 4))
