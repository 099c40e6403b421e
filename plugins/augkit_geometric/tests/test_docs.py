"""The family's documentation: runnable examples, generated "Supported data" lines."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re

import augkit_geometric
import pytest
from augkit_geometric import functional, plugin

from augkit.extend import MetaAugmenter

MODULES = sorted(
    {info.name for info in pkgutil.walk_packages(augkit_geometric.__path__, "augkit_geometric.")}
)
AUGMENTERS = plugin.augkit_augmenters()


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


@pytest.mark.parametrize("cls", [c for c in AUGMENTERS if not issubclass(c, MetaAugmenter)],
                         ids=lambda c: c.__name__)
def test_docstring_states_supported_data(cls):
    doc = re.sub(r"\s+", " ", cls.__doc__)
    assert cls.supported_data() in doc
    assert not re.search(r"^\s*<[a-z_ ]+>\s*$", cls.__doc__, re.MULTILINE), "unfilled block"


@pytest.mark.parametrize("name", functional.__all__)
def test_every_public_kernel_has_an_example(name):
    value = getattr(functional, name)
    if callable(value):
        assert ">>> " in (value.__doc__ or ""), name
