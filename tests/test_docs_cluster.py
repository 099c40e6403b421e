"""docs/cluster.md: every Python block runs as written where its engine is installed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "cluster.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
#: The package each block needs, by what it imports (the first match wins).
NEEDS = (("import ray", "ray.data"), ("import dask", "dask.bag"), ('engine="dask"', "distributed"))


def test_the_doc_has_its_three_recipes():
    assert len(BLOCKS) == 3


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_python_block_runs(index, tmp_path, monkeypatch):
    code = BLOCKS[index]
    for marker, module in NEEDS:
        if marker in code:
            pytest.importorskip(module)
            break
    monkeypatch.chdir(tmp_path)
    exec(compile(code, f"{DOC}:block{index}", "exec"), {"__name__": "cluster_doc"})
