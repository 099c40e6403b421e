"""`import augkit` is fast and imports no plugin nor heavy dependency."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys, time
t = time.process_time()  # CPU time: other processes on the machine do not inflate it
import augkit
elapsed = time.process_time() - t
print(json.dumps({"elapsed": elapsed, "modules": sorted(sys.modules)}))
"""


def _probe():
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", PROBE], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def test_import_augkit_imports_no_plugin_and_no_heavy_module():
    modules = set(_probe()["modules"])
    for heavy in ("augkit_geometric", "augkit_arithmetic", "augkit_color", "augkit_weather",
                  "scipy", "skimage", "shapely", "cv2", "hypothesis"):
        assert not any(m == heavy or m.startswith(heavy + ".") for m in modules), heavy


def test_import_augkit_is_fast():
    times = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                             check=True)
        times.append(json.loads(out.stdout)["elapsed"])
    assert min(times) < 0.3, times
