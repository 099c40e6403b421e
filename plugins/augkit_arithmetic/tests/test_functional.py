"""The public kernels: every one documented with a runnable example, and the examples
of the whole package (classes included) run."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import inspect
import pkgutil

import augkit_arithmetic
import pytest
from augkit_arithmetic import functional as F

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(augkit_arithmetic.__path__,
                                                 prefix="augkit_arithmetic.")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


KERNELS = [name for name in F.__all__ if callable(getattr(F, name))]


@pytest.mark.parametrize("name", KERNELS)
def test_each_kernel_has_a_numpydoc_docstring_with_an_example(name):
    doc = getattr(F, name).__doc__ or ""
    assert "Returns\n" in doc and "Examples\n" in doc and ">>>" in doc
    if inspect.signature(getattr(F, name)).parameters:
        assert "Parameters\n" in doc


def test_the_functional_surface_is_one_module():
    assert F.__name__ == "augkit_arithmetic.functional"
    for name in F.__all__:
        assert getattr(F, name) is not None
    assert importlib.util.find_spec("augkit_arithmetic._filters") is None
