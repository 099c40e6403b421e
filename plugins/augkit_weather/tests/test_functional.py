"""The weather kernels: blending, lerp folding, motion kernels, tables, cloud alpha."""

from __future__ import annotations

import numpy as np
from augkit_weather import functional as F
from hypothesis import given
from hypothesis import strategies as st

from augkit.testing import images

uint8_or_float = images(dtypes=("uint8", "float32"), channels=(1, 3, 4), max_side=24)


def maps(shape, seed, scale=1.0):
    return (np.random.default_rng(seed).random(shape) * scale).astype(np.float32)


# --------------------------------------------------------------------- blending
def test_blend_keep_add_and_color_exact():
    img = np.full((1, 2, 3), 100, np.uint8)
    keep = np.array([[1.0, 0.5]], np.float32)
    assert F.blend_keep_add(img, keep, np.array([[0, 100]], np.float32))[0, :, 0].tolist() \
        == [100, 150]
    assert F.blend_color(img, 1 - keep, 200.0)[0, :, 0].tolist() == [100, 150]


@given(image=uint8_or_float, seed=st.integers(0, 2**31 - 1), color=st.floats(0, 255))
def test_blend_color_lands_between_the_image_and_the_colour(image, seed, color):
    alpha = maps(image.shape[:2], seed)
    out = F.blend_color(image, alpha, color)
    scale = 1 if image.dtype == np.uint8 else 255
    values = image[:, :, :3].astype(np.float64) * scale
    drawn = out[:, :, :3].astype(np.float64) * scale
    slack = 1 if image.dtype == np.uint8 else 1e-3
    assert np.all(drawn >= np.minimum(values, color) - slack)
    assert np.all(drawn <= np.maximum(values, color) + slack)
    assert np.array_equal(out[:, :, 3:], image[:, :, 3:])


@given(image=uint8_or_float, seed=st.integers(0, 2**31 - 1))
def test_blend_add_max_never_darkens_and_reaches_the_floor(image, seed):
    height, width = image.shape[:2]
    rng = np.random.default_rng(seed)
    add = rng.integers(0, 256, (height, width), dtype=np.uint8)
    floor = rng.integers(0, 256, (height, width), dtype=np.uint8)
    out = F.blend_add_max(image, add, floor)
    assert out.dtype == image.dtype
    assert np.all(out >= image)
    scale = 1.0 if image.dtype == np.uint8 else 1 / 255
    assert np.all(out[:, :, :3] >= floor[:, :, None] * np.float32(scale) - 1e-6)
    assert np.array_equal(out[:, :, 3:], image[:, :, 3:])


def test_compose_lerps_equals_sequential_blending():
    rng = np.random.default_rng(0)
    x = rng.random((4, 5)).astype(np.float32)
    layers = [(rng.random((4, 5)).astype(np.float32), 0.7),
              (rng.random((4, 5)).astype(np.float32), 0.2)]
    expected = x.copy()
    for alpha, value in layers:
        expected = (1 - alpha) * expected + alpha * value
    keep, add = F.compose_lerps([(a.copy(), v) for a, v in layers])
    assert np.allclose(x * keep + add, expected, atol=1e-6)


@given(seed=st.integers(0, 2**31 - 1), nb_layers=st.integers(1, 4))
def test_compose_lerps_folds_any_number_of_layers(seed, nb_layers):
    rng = np.random.default_rng(seed)
    x = rng.random((4, 5)).astype(np.float32)
    layers = [(rng.random((4, 5)).astype(np.float32), float(rng.uniform(0, 255)))
              for _ in range(nb_layers)]
    expected = x.copy()
    for alpha, value in layers:
        expected = (1 - alpha) * expected + alpha * value
    keep, add = F.compose_lerps([(a.copy(), v) for a, v in layers])
    np.testing.assert_allclose(x * keep + add, expected, rtol=0, atol=1e-3)


# --------------------------------------------------------------------- particles
def test_motion_kernel_is_normalised_and_rotates():
    vertical = F.motion_kernel(7, 0.0)
    assert np.isclose(vertical.sum(), 1.0)
    assert np.count_nonzero(vertical[:, 3]) == 7 and vertical[:, :3].sum() == 0
    tilted = F.motion_kernel(7, 30.0)
    # clockwise: the top of the line moves right
    assert tilted[0, 4:].sum() > tilted[0, :3].sum()


@given(length=st.integers(1, 31), angle=st.floats(-90, 90))
def test_motion_kernels_are_normalised_and_odd_sized(length, angle):
    kernel = F.motion_kernel(length, angle)
    assert kernel.shape[0] == kernel.shape[1] and kernel.shape[0] % 2 == 1
    assert kernel.min() >= 0 and np.isclose(kernel.sum(), 1.0, atol=1e-5)


# --------------------------------------------------------------------- tables, clouds
@given(threshold=st.floats(0, 255), multiplier=st.floats(0, 5))
def test_lightness_table_changes_only_values_below_the_threshold(threshold, multiplier):
    table = F.lightness_table(threshold, multiplier).astype(int)
    levels = np.arange(256)
    above = levels >= threshold
    assert np.array_equal(table[above], levels[above])
    assert np.array_equal(table[~above], np.clip(np.rint(levels[~above] * multiplier), 0, 255))


@given(seed=st.integers(0, 2**31 - 1), alpha_min=st.floats(-1, 1),
       alpha_multiplier=st.floats(-2, 2), sparsity=st.floats(0, 3),
       density=st.floats(0, 3))
def test_cloud_alpha_is_an_opacity(seed, alpha_min, alpha_multiplier, sparsity, density):
    alpha = F.cloud_alpha(maps((6, 7), seed), alpha_min, alpha_multiplier, sparsity, density)
    assert alpha.dtype == np.float32 and alpha.shape == (6, 7)
    assert np.all((alpha >= 0) & (alpha <= 1))


@given(speed=st.floats(0, 1), uniformity=st.floats(0, 1))
def test_snow_tables_never_decrease_and_the_core_outshines_the_glow(speed, uniformity):
    glow, core = (t.astype(int) for t in F.snow_tables(speed, uniformity))
    assert np.all(np.diff(glow) >= 0) and np.all(np.diff(core) >= 0)
    assert np.all(core >= glow) and glow[0] == core[0] == 0
