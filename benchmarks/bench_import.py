"""Import time: ``import augkit`` and the first ``augkit.get`` against albumentations.

Each row is the wall time of a fresh interpreter running one line (``python -c ...``),
interpreter start included (the ``pass`` row is that start alone). Bytecode is cached
in a temporary folder, as an installed package has its ``.pyc`` files; the first run
(the harness's warm-up) writes them. ``augkit.get("Affine")`` loads every installed
plugin through its entry point: augkit loads plugins at the first name lookup, not at
import.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import numpy as np

from benchmarks.harness import Case

_CACHE = tempfile.mkdtemp(prefix="augkit-bench-pycache-")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = _CACHE
    return env


def _python(code: str):
    """A callable that runs *code* in a fresh interpreter."""
    env = _env()

    def run() -> None:
        subprocess.run([sys.executable, "-c", code], env=env, check=True)

    return run


def cases(image: np.ndarray) -> list[Case]:
    return [
        Case("python -c pass", _python("pass"), None, "interpreter start alone"),
        Case("import augkit", _python("import augkit"), _python("import albumentations"),
             "vs import albumentations"),
        Case("import augkit; augkit.get('Affine')",
             _python("import augkit; augkit.get('Affine')"),
             _python("import albumentations as A; A.Affine()"),
             "every plugin loaded; vs A.Affine()"),
    ]
