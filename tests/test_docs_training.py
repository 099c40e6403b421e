"""Every ```python block of docs/training.md runs (those that need torch or datasets in
`make test-integration`)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[1] / "docs" / "training.md"
BLOCKS = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
_OPTIONAL = ("torch", "datasets")


def _needs(code: str) -> list[str]:
    return [name for name in _OPTIONAL if re.search(rf"^\s*(from|import) {name}\b", code, re.M)]


def _param(index: int, code: str):
    needs = _needs(code)
    marks = [pytest.mark.integration] if needs else []
    return pytest.param(code, needs, id=f"block{index}", marks=marks)


def test_the_page_has_examples():
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize(("code", "needs"), [_param(i, b) for i, b in enumerate(BLOCKS)])
def test_example_runs(code, needs):
    for name in needs:
        if importlib.util.find_spec(name) is None:
            pytest.skip(f"needs {name} (make test-integration)")
    exec(compile(code, f"{PAGE.name}", "exec"), {"__name__": "docs_training"})
