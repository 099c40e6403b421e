"""Loading every plugin (the first ``augkit.get``) imports no heavy optional dependency.

``import augkit`` loads no plugin (``tests/test_import.py``); the first name lookup loads
them all through their entry points. The plugins import OpenCV and Pillow, which their
kernels use on every call, but scipy, scikit-image, shapely and the like only where an
augmenter needs them, when it runs.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys, time
start = time.process_time()
import augkit
augkit.get("Affine")
print(json.dumps({"cpu": time.process_time() - start, "modules": sorted(sys.modules),
                  "plugins": sorted(augkit.registry.registry.plugins)}))
"""

#: Imported by no plugin at load time (each has augmenters that use it when they run).
LAZY = ("scipy", "skimage", "shapely", "imagecorruptions", "torch", "matplotlib", "imageio",
        "sklearn", "numba", "yaml", "hypothesis", "albumentations")


def _probe() -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def _imported(modules: list[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def test_loading_every_plugin_imports_no_heavy_optional_dependency():
    found = _probe()
    assert len(found["plugins"]) > 1  # the first-party plugins did load
    heavy = [name for name in LAZY if _imported(found["modules"], name)]
    assert not heavy, f"loading the plugins imported {heavy}"


def test_loading_every_plugin_takes_under_a_second_of_cpu():
    assert min(_probe()["cpu"] for _ in range(2)) < 1.0
