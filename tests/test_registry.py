"""The plugin registry: names, aliases, collisions, failures, in-process plugins."""

from __future__ import annotations

import types
import warnings

import numpy as np
import pytest

import augkit
from augkit import PixelAugmenter
from augkit.errors import AmbiguousNameError, PluginError, UnknownAugmenterError
from augkit.registry import Registry, registry


def _plugin_module(name: str, *classes: type) -> types.ModuleType:
    module = types.ModuleType(name)

    @augkit.hookimpl
    def augkit_augmenters():
        return list(classes)

    module.augkit_augmenters = augkit_augmenters
    return module


class Darken(PixelAugmenter):
    """Set every pixel to zero (a test augmenter).

    Supported data: images; every other kind passes through unchanged (image dtypes:
    every numeric dtype).
    """

    def apply_to_images(self, images, params):
        return [np.zeros_like(image) for image in images]


@pytest.fixture
def fresh():
    """A registry with only the core plugin, isolated from installed plugins."""
    return Registry(load_entry_points=False)


def test_get_builds_first_party_augmenter_by_name():
    flip = augkit.get("Fliplr", p=1.0)
    assert flip(image=np.array([[1, 2, 3]], dtype=np.uint8)).tolist() == [[3, 2, 1]]


def test_unknown_name_suggests_the_closest_one():
    with pytest.raises(UnknownAugmenterError, match="Did you mean 'Fliplr'"):
        augkit.get("Flplr")


def test_unknown_name_is_a_lookup_error():
    with pytest.raises(LookupError):
        augkit.get("NoSuchAugmenterAnywhere")


def test_uninstalled_first_party_name_says_which_distribution(fresh):
    with pytest.raises(UnknownAugmenterError, match="pip install augkit-arithmetic"):
        fresh.get_class("GaussianBlur")


def test_aliases_resolve_to_the_same_class():
    assert augkit.augmenters.Noop is augkit.augmenters.Identity
    assert augkit.get("HorizontalFlip", p=1.0).__class__ is augkit.augmenters.Fliplr


def test_names_maps_every_name_to_its_plugin():
    names = augkit.names()
    assert names["Identity"] == "core"
    assert names["Fliplr"] == "geometric"
    assert names["Add"] == "arithmetic"
    assert "Noop" in names and "Noop" not in augkit.names(aliases=False)


def test_qualified_name_always_resolves():
    assert augkit.get("geometric:Fliplr").__class__.__name__ == "Fliplr"


def test_plugin_qualified_name_reaches_a_name_registered_with_the_plugin_prefix():
    # pillike registers ``pillike.Affine`` (the bare ``Affine`` is geometric's)
    assert augkit.registry.registry.get_class("pillike:Affine") is \
        augkit.registry.registry.get_class("pillike.Affine")
    assert augkit.get("Affine").__class__.__module__.startswith("augkit_geometric")
    with pytest.raises(UnknownAugmenterError):
        augkit.get("geometric:pillike.Affine")


def test_in_process_plugin_registers_and_unregisters(fresh):
    name = fresh.register(_plugin_module("darken_plugin", Darken))
    try:
        aug = fresh.get("Darken")
        assert aug(image=np.full((2, 2), 9, np.uint8)).tolist() == [[0, 0], [0, 0]]
        assert fresh.names()["Darken"] == "darken_plugin"
    finally:
        fresh.unregister(name)
    with pytest.raises(UnknownAugmenterError):
        fresh.get_class("Darken")


def test_two_plugins_with_one_name_need_qualified_names(fresh):
    twin = type("Darken", (Darken,), {"__doc__": Darken.__doc__})
    fresh.register(_plugin_module("first", Darken))
    fresh.register(_plugin_module("second", twin))
    with pytest.raises(AmbiguousNameError) as info:
        fresh.get_class("Darken")
    assert "'first:Darken'" in str(info.value) and "'second:Darken'" in str(info.value)
    assert fresh.get_class("first:Darken") is Darken
    assert fresh.get_class("second:Darken") is twin


def test_plugin_returning_a_non_augmenter_is_reported(fresh):
    fresh.register(_plugin_module("bad_return", int))
    assert "not an Augmenter class" in fresh.plugins["bad_return"].error


def test_plugin_with_misspelled_hook_is_rejected(fresh):
    module = types.ModuleType("typo_plugin")

    @augkit.hookimpl
    def augkit_augmentrs():
        return []

    module.augkit_augmentrs = augkit_augmentrs
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(PluginError, match="augkit_augmentrs"):
            fresh.register(module)
    assert fresh.get_class("Identity") is augkit.Identity


def test_augmenters_module_lists_registered_classes():
    from augkit import augmenters as iaa

    assert "Fliplr" in dir(iaa)
    with pytest.raises(AttributeError, match="unknown augmenter"):
        iaa.NotAnAugmenter  # noqa: B018


def test_blocked_plugins_are_skipped(monkeypatch):
    monkeypatch.setenv("AUGKIT_BLOCK_PLUGINS", "arithmetic")
    blocked = Registry()
    with pytest.raises(UnknownAugmenterError, match="augkit-arithmetic"):
        blocked.get_class("Add")
    assert blocked.get_class("Fliplr").__name__ == "Fliplr"


def test_global_registry_loads_the_walking_skeleton():
    assert {"core", "geometric", "arithmetic"} <= set(registry.plugins)
