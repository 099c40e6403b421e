"""What every colour augmenter shares: channel checks, and a test module that uses it."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import augkit
from augkit import InputError

COLOR = sorted(name.split(":")[-1] for name, plugin in augkit.names(aliases=False).items()
               if plugin == "color")
TESTS = Path(__file__).parent


def test_every_colour_augmenter_is_used_by_some_test_module():
    used = set()
    for path in TESTS.glob("test_*.py"):
        used.update(re.findall(r"iaa\.(\w+)\(", path.read_text(encoding="utf-8")))
    assert COLOR, "the color plugin registered no augmenters"
    assert not set(COLOR) - used, f"no test builds {sorted(set(COLOR) - used)}"


@pytest.mark.parametrize("name", COLOR)
def test_channel_counts_outside_the_accepted_ones_name_the_augmenter(name):
    cls = getattr(augkit.augmenters, name)
    accepted = getattr(cls, "image_channels", None)
    aug = cls(**cls.examples[0]) if getattr(cls, "examples", None) else cls()
    if accepted is None:
        out = aug(image=np.zeros((4, 4, 2), np.uint8))
        assert out.shape == (4, 4, 2)
        return
    assert 2 not in accepted
    with pytest.raises(InputError, match=rf"{name}.*2 channels"):
        aug(image=np.zeros((4, 4, 2), np.uint8))
