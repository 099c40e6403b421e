"""augkit.load(name): presets registered through the augkit_presets hook, by name."""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit.registry import registry


def test_builtin_presets_load_by_name():
    for name in ("light", "medium", "heavy"):
        aug = augkit.load(name)
        assert isinstance(aug, augkit.Augmenter)
        assert aug(image=np.zeros((16, 16, 3), np.uint8)).shape[2] == 3


class _Plugin:
    @augkit.hookimpl
    def augkit_presets(self):
        return {"tiny": lambda: augkit.get("Fliplr", p=1.0)}


@pytest.fixture
def tiny_preset():
    registry.register(_Plugin(), name="test-tiny-preset")
    yield
    registry.unregister("test-tiny-preset")


def test_a_plugin_preset_given_as_a_callable_loads_by_name(tiny_preset):
    aug = augkit.load("tiny")
    assert aug(image=np.array([[1, 2]], np.uint8)).tolist() == [[2, 1]]


def test_a_file_of_that_name_wins_over_the_preset(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    augkit.save(augkit.get("Fliplr", p=0.25), "medium.yaml")
    (tmp_path / "medium").write_bytes((tmp_path / "medium.yaml").read_bytes())
    assert augkit.load("medium", format="yaml").get_arguments()["p"] == 0.25


def test_an_unknown_name_lists_the_presets():
    with pytest.raises(augkit.ParameterError, match=r"'mediun'.*did you mean 'medium'.*light"):
        augkit.load("mediun")
