"""The ``lookup_tables`` of Add, Multiply, Invert and Solarize equal their uint8 output."""

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

from augkit.testing.lookup_tables import check_lookup_tables

PER_CHANNEL = [False, True, 0.5]


@pytest.mark.parametrize("per_channel", PER_CHANNEL)
@pytest.mark.parametrize("value", [(-60, 60), (-300, 300), [-2.5, -0.5, 0.5, 1.5, 2.5], 0])
def test_add(value, per_channel):
    check_lookup_tables(Add(value, per_channel=per_channel, seed=3), channels=(1, 3, 4, 6))


@pytest.mark.parametrize("per_channel", PER_CHANNEL)
@pytest.mark.parametrize("mul", [(0.0, 3.0), [0.5, 1.5, 0.25, 1.0], 0.999])
def test_multiply(mul, per_channel):
    check_lookup_tables(Multiply(mul, per_channel=per_channel, seed=5), channels=(1, 3, 4, 6))


@pytest.mark.parametrize("kwargs", [
    {}, {"p": 0.5}, {"p": 0.5, "per_channel": True}, {"p": 0.7, "per_channel": 0.5},
    {"threshold": (0, 255), "invert_above_threshold": 0.5},
    {"p": 0.5, "per_channel": True, "threshold": (64.5, 192.5)},
    {"min_value": 20, "max_value": 200.5}, {"min_value": 10, "threshold": 100},
])
def test_invert(kwargs):
    check_lookup_tables(Invert(seed=7, **kwargs), channels=(1, 3, 4, 6))


@pytest.mark.parametrize("kwargs", [{}, {"p": 0.5, "per_channel": True},
                                    {"threshold": [0, 1, 128, 255, 256]}])
def test_solarize(kwargs):
    check_lookup_tables(Solarize(seed=9, **kwargs))


def test_a_wrong_table_is_caught():
    aug = Add(10, seed=1)
    aug.lookup_tables = lambda params, shapes: [np.arange(256, dtype=np.uint8)] * len(params)
    with pytest.raises(AssertionError, match="differs"):
        check_lookup_tables(aug)


@pytest.mark.parametrize("cls", [AddElementwise, MultiplyElementwise])
def test_elementwise_augmenters_have_no_tables(cls):
    aug = cls(seed=1)
    image = np.zeros((4, 4, 3), np.uint8)
    _, params = aug(images=[image], return_params=True)
    method = getattr(aug, "lookup_tables", None)
    assert method is None or method(params, [image.shape]) is None


def test_a_table_changed_by_a_later_call_is_caught():
    aug = Add((-50, 50), seed=1)
    shared = np.zeros(256, np.uint8)

    def reused_buffer(params, shapes):  # right tables, but all in one reused buffer
        shared[:] = F.lut_columns(F.add_tables(params[0]))
        return [shared] * len(params)

    aug.lookup_tables = reused_buffer
    with pytest.raises(AssertionError, match="changed"):
        check_lookup_tables(aug, channels=(3,))
