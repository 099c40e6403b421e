"""The colour family's pure kernels: lookup tables, intensity mapping, black-body colours."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_color import functional as F
from hypothesis import given
from hypothesis import strategies as st

from augkit import augmenters as iaa
from augkit.testing import images


def test_hue_wraps_around():
    table = F.hue_add_table(30)
    assert table[170] == 20 and table[0] == 30
    assert F.hue_add_table(-30)[10] == 160
    assert F.saturation_add_table(100)[200] == 255


@given(shift=st.integers(-180, 180))
def test_hue_tables_stay_on_the_circle(shift):
    table = F.hue_add_table(shift)
    assert table[:180].max() < 180
    # a shift and its opposite undo each other on [0, 180)
    assert np.array_equal(F.hue_add_table(-shift)[table[:180]], np.arange(180))


@given(image=images(channels=(1, 2, 3, 4, 6), max_side=12), seed=st.integers(0, 2**31 - 1))
def test_per_channel_tables_map_each_channel_through_its_own_table(image, seed):
    channels = image.shape[2]
    tables = np.random.default_rng(seed).integers(0, 256, (channels, 256), dtype=np.uint8)
    out = F.apply_lut(image, tables)
    for c in range(channels):
        assert np.array_equal(out[:, :, c], tables[c][image[:, :, c]])


@given(kelvin=st.lists(st.floats(1000, 40000), min_size=2, max_size=2).map(sorted))
def test_hotter_light_is_never_redder_and_never_less_blue(kelvin):
    cooler, hotter = F.kelvin_to_rgb(np.array(kelvin))
    assert np.all((0.0 <= cooler) & (cooler <= 1.0))
    assert hotter[0] <= cooler[0] and hotter[2] >= cooler[2]


def test_6600_kelvin_is_white():
    assert F.kelvin_to_rgb(np.array([6600.0])).tolist() == [[1.0, 1.0, 1.0]]


def test_ycrcb_fast_path_matches_the_round_trip():
    img = np.random.default_rng(5).integers(0, 256, (16, 16, 3), dtype=np.uint8)
    ours = F.map_intensity(img, F.equalize, "YCrCb")
    ycc = iaa.ChangeColorspace("YCrCb")(image=img)
    ycc[:, :, 0] = F.equalize(np.ascontiguousarray(ycc[:, :, 0]))
    back = iaa.ChangeColorspace("RGB", from_colorspace="YCrCb")(image=ycc)
    assert np.abs(ours.astype(int) - back).max() <= 2


@pytest.mark.parametrize("space", ["YCrCb", "YUV", "HSV"])
@pytest.mark.parametrize("channels", [1, 3, 4])
@pytest.mark.parametrize("from_space", ["RGB", "BGR"])
def test_map_intensity_lut_equals_map_intensity(space, channels, from_space):
    rng = np.random.default_rng(channels)
    image = rng.integers(0, 256, (9, 7, channels), dtype=np.uint8)
    for table in (np.clip(np.arange(256) * 1.3 + 9, 0, 255),   # only raises
                  np.clip(np.arange(256) * 0.7 - 9, 0, 255),   # only lowers
                  np.clip(np.arange(256) * 1.6 - 60, 0, 255),  # both
                  np.arange(256)):                              # neither
        table = table.astype(np.uint8)
        expected = F.map_intensity(image, lambda plane, t=table: F.apply_lut(plane, t),
                                   space, from_space)
        got = F.map_intensity_lut(image, table, space, from_space)
        np.testing.assert_array_equal(got, expected)
        assert not np.shares_memory(got, image)
