"""Augmenters asked for absurd outputs fail with an augkit error naming the size, fast.

Each case runs in a subprocess under a 2 GiB address-space limit: before the guard they
raised raw ``cv2.error`` / ``MemoryError`` after trying to allocate tens of gigabytes.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

CASES = {
    "Resize(100000)": r"Resize: would make an image of 100000x100000 pixels",
    "Pad(px=50000)": r"Pad: would make an image of 100032x100032 pixels",
    "CropAndPad(px=100000)": r"CropAndPad: would make an image of 200032x200032",
    "PadToFixedSize(width=100000, height=100000)": r"PadToFixedSize: would make an image",
    "PiecewiseAffine(nb_rows=10**6, nb_cols=10**6)":
        r"PiecewiseAffine: nb_rows x nb_cols = 1000000 x 1000000 grid points",
}


@pytest.mark.parametrize("construction", sorted(CASES))
def test_absurd_output_size_is_an_augkit_error_naming_the_size(construction):
    script = textwrap.dedent(f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
        import numpy as np
        from augkit import augmenters as iaa
        from augkit.errors import AugkitError
        try:
            iaa.{construction}(image=np.zeros((32, 32, 3), np.uint8))
        except AugkitError as exc:
            print(type(exc).__name__, exc)
        """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("ParameterError"), out.stdout
    assert __import__("re").search(CASES[construction], out.stdout), out.stdout


def test_the_limit_is_public_and_a_large_but_sane_output_still_works():
    import numpy as np

    from augkit import augmenters as iaa
    from augkit.extend import MAX_OUTPUT_PIXELS

    assert MAX_OUTPUT_PIXELS == 178_956_970
    assert iaa.Resize({"height": 2000, "width": 3000})(
        image=np.zeros((8, 8), np.uint8)).shape == (2000, 3000)
