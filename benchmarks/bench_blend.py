"""Blending: the noise blenders (absolute cost, mask share) and BlendAlpha vs addWeighted.

albumentations has no equivalent of the noise blenders, so those rows have no ratio;
"mask only" rows time the mask generator alone, so the share of a call spent drawing
the mask is mask / full. BlendAlpha(0.5) is compared with the raw kernel,
``cv2.addWeighted`` (in the albumentations column, marked in the note).
"""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case


def _children():
    """Multiply/Add from the arithmetic plugin, or cv2 stand-ins when it is missing."""
    import augkit

    try:
        return augkit.get("Multiply", mul=1.5), augkit.get("Add", value=40), ""
    except LookupError:
        import cv2

        mul = augkit.Lambda(func_images=lambda ims, *_: [cv2.multiply(i, 1.5) for i in ims])
        plus = augkit.Lambda(func_images=lambda ims, *_: [cv2.add(i, 40) for i in ims])
        return mul, plus, " (Multiply/Add: cv2 Lambda stand-ins; arithmetic plugin not loaded)"


def _rows(image: np.ndarray):
    from augkit._rows import Rows

    return Rows({}, [image.shape])


def cases(image: np.ndarray) -> list[Case]:
    import cv2

    import augkit
    from augkit.blend import BlendAlpha, BlendAlphaFrequencyNoise, BlendAlphaSimplexNoise

    multiply, plus, stand_in = _children()
    simplex = BlendAlphaSimplexNoise(foreground=multiply, seed=1)
    frequency = BlendAlphaFrequencyNoise(foreground=plus, seed=1)
    half = BlendAlpha(0.5, foreground=augkit.Identity(), seed=1)
    half_add = BlendAlpha(0.5, foreground=plus, seed=1)
    rows = _rows(image)
    rng = np.random.default_rng(0)
    other = np.ascontiguousarray(image[::-1])
    return [
        Case("BlendAlphaSimplexNoise(Multiply(1.5))", lambda: simplex(image=image), None,
             "no albumentations equivalent" + stand_in),
        Case("  SimplexNoise mask only", lambda: simplex.mask_generator.draw_masks(rows, rng),
             None, "share of the call = this / the row above"),
        Case("BlendAlphaFrequencyNoise(Add(40))", lambda: frequency(image=image), None,
             "no albumentations equivalent" + stand_in),
        Case("  FrequencyNoise mask only",
             lambda: frequency.mask_generator.draw_masks(rows, rng), None,
             "share of the call = this / the row above"),
        Case("  Multiply(1.5) child alone", lambda: multiply(image=image), None, ""),
        Case("BlendAlpha(0.5, Identity)", lambda: half(image=image),
             lambda: cv2.addWeighted(image, 0.5, other, 0.5, 0.0),
             "reference column: raw cv2.addWeighted, not albumentations"),
        Case("BlendAlpha(0.5, Add(40))", lambda: half_add(image=image), None, stand_in.strip()),
    ]
