"""Kernels that keep their temporaries in per-thread buffers give what they gave before,
in any thread, and never hand a buffer out."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from augkit_color import functional as F

import augkit


@pytest.mark.parametrize("channels", [1, 2, 3, 4, 5])
def test_equalize_planes_equals_equalizing_each_plane(channels):
    image = np.random.default_rng(channels).integers(0, 200, (31, 17, channels), np.uint8)
    assert np.array_equal(F.equalize_planes(image), F.per_plane(image, [F.equalize]))


def test_outputs_stay_as_they_were_after_the_next_call():
    rng = np.random.default_rng(0)
    first, second = (rng.integers(0, 256, (20, 24, 3), np.uint8) for _ in range(2))
    table = F.brightness_table(1.3, -20.0)
    for kernel in (F.equalize_planes,
                   lambda image: F.map_intensity_lut(image, table, F.YCrCb),
                   lambda image: F.map_intensity(image, F.equalize, F.YCrCb),
                   lambda image: F.map_intensity(image, F.equalize, F.Lab)):
        out = kernel(first)
        kept = out.copy()
        kernel(second)
        assert np.array_equal(out, kept)


def test_a_callback_that_maps_intensity_again_gets_its_own_buffers():
    rng = np.random.default_rng(3)
    image, other = (rng.integers(0, 256, (24, 20, 3), np.uint8) for _ in range(2))
    inner = F.map_intensity(other, F.equalize, F.HSV)

    def nested(plane):
        assert np.array_equal(F.map_intensity(other, F.equalize, F.HSV), inner)
        return F.equalize(plane)

    assert np.array_equal(F.map_intensity(image, nested, F.HSV),
                          F.map_intensity(image, F.equalize, F.HSV))


@pytest.mark.parametrize("name, kwargs", [
    ("MultiplyAndAddToBrightness", {"to_colorspace": "YCrCb"}),
    ("HistogramEqualization", {"to_colorspace": "YCrCb"}),
    ("AllChannelsHistogramEqualization", {}),
    ("HistogramEqualization", {}),
    ("CLAHE", {"clip_limit": 4, "tile_grid_size_px": 4}),
])
def test_threads_get_the_results_of_one_thread(name, kwargs):
    rng = np.random.default_rng(1)
    images = [rng.integers(0, 256, (96, 80, 3), np.uint8) for _ in range(16)]
    aug = augkit.get(name, seed=2, **kwargs)
    _, params = aug(images=images, return_params=True)

    def one(index):
        return [aug.replay(params, images=images)[index] for _ in range(5)]

    expected = aug.replay(params, images=images)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(one, range(len(images))))
    for index, outputs in enumerate(results):
        for out in outputs:
            assert np.array_equal(out, expected[index])


def test_temporaries_above_the_cap_are_not_kept(monkeypatch):
    monkeypatch.setattr(F, "SCRATCH_MAX_BYTES", 100)
    assert F._scratch("test", (10, 10)) is F._scratch("test", (10, 10))
    assert F._scratch("test", (10, 11)) is not F._scratch("test", (10, 11))
    image = np.random.default_rng(4).integers(0, 256, (12, 13, 3), np.uint8)
    assert np.array_equal(F.equalize_planes(image), F.per_plane(image, [F.equalize]))
