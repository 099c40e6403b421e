"""Every ```python block of the documentation site runs, so that none goes stale.

The blocks of one page run in order in one module namespace (a page builds on its earlier
blocks, as a reader does), in a temporary working directory. A block preceded by an HTML
comment ``<!-- no-run: reason -->`` is shown only (another library's code); there are few.
``docs/training.md`` and ``docs/cluster.md`` have their own tests
(``tests/test_docs_training.py``, ``tests/test_docs_cluster.py``), which also run their
integration examples where torch, Dask or Ray are installed. The examples of the generated
augmenter pages are the augmenters' doctests, run by pytest's ``--doctest-modules``.
"""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
TESTED_ELSEWHERE = {"training.md", "cluster.md"}
BLOCK = re.compile(r"(?:<!-- no-run: (?P<reason>[^>]*?) -->\n)?```python\n(?P<code>.*?)```",
                   re.S)
MAX_NO_RUN = 8


def pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md")
                  if p.name not in TESTED_ELSEWHERE and "gallery" not in p.parts)


def blocks(page: Path) -> list[tuple[str, str | None]]:
    """Return ``(code, no-run reason or None)`` per python block of *page*."""
    return [(m["code"], m["reason"]) for m in BLOCK.finditer(page.read_text(encoding="utf-8"))]


def test_the_extraction_sees_markers_and_blocks():
    text = ("x\n```python\na = 1\n```\n<!-- no-run: shown only -->\n```python\nb\n```\n"
            "```bash\nc\n```\n")
    assert [(m["code"], m["reason"]) for m in BLOCK.finditer(text)] == [
        ("a = 1\n", None), ("b\n", "shown only")]


def test_the_pages_have_examples_and_few_are_not_run():
    runnable = {p.name: [c for c, reason in blocks(p) if reason is None] for p in pages()}
    assert sum(map(len, runnable.values())) >= 20
    no_run = [p.name for p in pages() for _, reason in blocks(p) if reason is not None]
    assert len(no_run) <= MAX_NO_RUN, no_run


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_page_examples_run(page, tmp_path, monkeypatch):
    code = [c for c, reason in blocks(page) if reason is None]
    if not code:
        pytest.skip("no python examples")
    monkeypatch.chdir(tmp_path)
    # A real module, so that classes defined by an example pickle (the conformance kit).
    name = "docs_example_" + re.sub(r"\W", "_", page.stem)
    module = types.ModuleType(name)
    monkeypatch.setitem(sys.modules, name, module)
    for index, block in enumerate(code):
        exec(compile(block, f"{page.relative_to(DOCS)} (python block {index + 1})", "exec"),
             module.__dict__)
