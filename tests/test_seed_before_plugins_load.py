"""``augkit.seed(n)`` reproduces augmenters even when the plugins load in between."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_seeding_before_and_after_the_first_registry_use_builds_the_same_augmenter():
    script = textwrap.dedent("""
        import numpy as np
        import augkit
        image = np.full((16, 16), 200, np.uint8)
        augkit.seed(5)
        first = augkit.get("Dropout", p=0.5)(image=image)   # loads every plugin first
        augkit.seed(5)
        second = augkit.get("Dropout", p=0.5)(image=image)
        print(np.array_equal(first, second))
        """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.strip() == "True", out.stderr[-2000:]
