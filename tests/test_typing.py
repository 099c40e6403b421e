"""Static types: mypy sees augkit's public API through its lazy namespaces.

``augkit.Sequential``, ``augkit.get`` and ``iaa.Sequential`` are typed (the TYPE_CHECKING
imports of ``augkit/__init__.py`` and ``augkit/augmenters.py``), so a misspelled method is
an error and correct code passes. Runs mypy's API with the repository's mypy.ini.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import augkit

api = pytest.importorskip("mypy.api")

ROOT = Path(__file__).resolve().parents[1]
BAD = """
import numpy as np
import augkit
from augkit import augmenters as iaa
seq = iaa.Sequential([iaa.Fliplr(0.5)])
seq.augment_imagez([np.zeros((4, 4, 3), np.uint8)])
augkit.get("Fliplr").augment_imagez([])
"""


def _mypy(path: Path) -> tuple[str, int]:
    stdout, stderr, status = api.run(["--config-file", str(ROOT / "mypy.ini"),
                                      "--no-error-summary", str(path)])
    return stdout + stderr, status


def test_a_typed_user_script_passes():
    out, status = _mypy(ROOT / "tests" / "typing" / "user_script.py")
    assert status == 0, out


def test_a_misspelled_method_is_an_error(tmp_path):
    script = tmp_path / "bad_script.py"
    script.write_text(BAD)
    out, status = _mypy(script)
    assert status == 1
    assert '"Sequential" has no attribute "augment_imagez"' in out
    assert '"Augmenter" has no attribute "augment_imagez"' in out


def test_every_lazy_name_is_visible_to_type_checkers():
    tree = ast.parse((ROOT / "augkit" / "__init__.py").read_text(encoding="utf-8"))
    typed = {alias.asname or alias.name for node in ast.walk(tree)
             if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
             for imp in node.body if isinstance(imp, ast.ImportFrom) for alias in imp.names}
    lazy = {name for name, module in augkit._LAZY.items() if not module.startswith("augkit.app")}
    assert sorted(lazy - typed) == []
