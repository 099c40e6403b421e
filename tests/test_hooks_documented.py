"""Every hook is documented and exercised by a test (datasette's meta-test)."""

from __future__ import annotations

import inspect
from pathlib import Path

from augkit import hookspecs

HOOKS = [name for name, obj in vars(hookspecs).items()
         if name.startswith("augkit_") and inspect.isfunction(obj)]


def test_there_are_hooks():
    assert HOOKS == ["augkit_augmenters", "augkit_kinds", "augkit_dataset_formats",
                     "augkit_presets", "augkit_modules"]


def test_every_hook_has_a_docstring_with_returns():
    for name in HOOKS:
        doc = getattr(hookspecs, name).__doc__ or ""
        assert "Returns" in doc, name


def test_every_hook_is_used_by_a_test():
    sources = "".join(p.read_text() for p in Path(__file__).parent.glob("test_*.py")
                      if p.name != Path(__file__).name)
    for name in HOOKS:
        assert f"def {name}" in sources, f"no test implements {name}"
