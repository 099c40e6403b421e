"""Every registered augmenter passes the conformance kit, and documents its data."""

from __future__ import annotations

import re

import pytest

from augkit.augmenter import GeometricAugmenter, PixelAugmenter
from augkit.registry import registry
from augkit.testing import check_augmenter

ENTRIES = list(registry.entries())


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_augmenter_passes_the_conformance_kit(entry):
    check_augmenter(entry.cls)


LEAVES = [e for e in ENTRIES if issubclass(e.cls, (PixelAugmenter, GeometricAugmenter))]


@pytest.mark.parametrize("entry", LEAVES, ids=[e.name for e in LEAVES])
def test_docstring_states_the_supported_data(entry):
    doc = re.sub(r"\s+", " ", entry.cls.__doc__ or "")
    assert entry.cls.supported_data() in doc


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_docstring_has_summary_parameters_and_example(entry):
    doc = entry.cls.__doc__ or ""
    assert doc.strip(), "no docstring"
    assert "Examples\n" in doc and ">>>" in doc, "no runnable example"


def test_the_kit_catches_a_broken_augmenter():
    import numpy as np

    class ForgetsKeypoints(GeometricAugmenter):
        """Flips images but leaves keypoints where they were (broken on purpose)."""

        def apply_to_images(self, images, params):
            return [np.ascontiguousarray(i[:, ::-1]) for i in images]

        def apply_to_maps(self, arrays, params, *, shapes, kind):
            return [np.ascontiguousarray(a[:, ::-1]) for a in arrays]

        def apply_to_keypoints(self, xys, params, *, shapes):
            return xys

    with pytest.raises(AssertionError, match="keypoints_follow_image"):
        check_augmenter(ForgetsKeypoints, checks=["keypoints_follow_image"], max_examples=20)
