"""What every weather augmenter shares (the WeatherAugmenter base), table-driven.

The table is the set of augmenters the weather plugin registers, so a new one is
held to these checks (through its ``examples``) without a change here.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import augkit
from augkit import InputError
from augkit import augmenters as iaa
from augkit.data import sample

WEATHER = sorted(name.split(":")[-1] for name, plugin in augkit.names(aliases=False).items()
                 if plugin == "weather")
TESTS = Path(__file__).parent


def photo() -> np.ndarray:
    return sample().image.copy()


def every_weather_augmenter(seed: int = 0):
    for name in WEATHER:
        cls = getattr(iaa, name)
        for kwargs in cls.examples:
            yield name, cls(**kwargs, seed=seed)


@st.composite
def weather_cases(draw):
    """(augmenter built from one of its examples, seed, uint8 or float32 image)."""
    name = draw(st.sampled_from(WEATHER))
    cls = getattr(iaa, name)
    kwargs = draw(st.sampled_from(cls.examples))
    seed = draw(st.integers(0, 2**31 - 1))
    shape = (draw(st.integers(1, 40)), draw(st.integers(1, 40)), draw(st.sampled_from([1, 3, 4])))
    rng = np.random.default_rng(seed)
    if draw(st.booleans()):
        image = rng.integers(0, 256, shape, dtype=np.uint8)
    else:
        image = rng.random(shape, dtype=np.float32)
    return cls, kwargs, seed, image


def test_every_weather_augmenter_is_used_by_some_test_module():
    used = set()
    for path in TESTS.glob("test_*.py"):
        used.update(re.findall(r"iaa\.(\w+)\(", path.read_text(encoding="utf-8")))
    assert WEATHER, "the weather plugin registered no augmenters"
    assert not set(WEATHER) - used, f"no test builds {sorted(set(WEATHER) - used)}"


# --------------------------------------------------------------------- properties
@given(case=weather_cases())
def test_any_image_size_keeps_shape_dtype_range_and_alpha(case):
    cls, kwargs, seed, image = case
    out = cls(**kwargs, seed=seed)(image=image)
    assert out.shape == image.shape and out.dtype == image.dtype
    assert np.all(out >= 0) and np.all(out <= (255 if image.dtype == np.uint8 else 1 + 1e-6))
    assert np.array_equal(out[:, :, 3:], image[:, :, 3:])


@given(case=weather_cases())
def test_same_seed_same_weather(case):
    cls, kwargs, seed, image = case
    assert np.array_equal(cls(**kwargs, seed=seed)(image=image),
                          cls(**kwargs, seed=seed)(image=image))


# --------------------------------------------------------------------- shapes, dtypes
@pytest.mark.parametrize("shape", [(1, 1, 3), (3, 100, 3), (100, 3, 3), (37, 211, 3),
                                   (1, 1), (5, 7), (9, 4, 4), (2, 2, 1)])
def test_output_size_equals_input_size(shape):
    image = np.random.default_rng(0).integers(0, 256, shape, dtype=np.uint8)
    for name, aug in every_weather_augmenter():
        out = aug(image=image)
        assert out.shape == image.shape, name
        assert out.dtype == np.uint8, name


def test_float32_images_stay_in_range_and_alpha_is_kept():
    image = photo().astype(np.float32) / 255
    rgba = np.dstack([photo(), np.full((256, 256, 1), 5, np.uint8)])
    for name, aug in every_weather_augmenter(seed=1):
        out = aug(image=image)
        assert out.dtype == np.float32, name
        assert out.min() >= -1e-6 and out.max() <= 1 + 1e-6, name
        assert np.all(aug(image=rgba)[:, :, 3] == 5), name


@pytest.mark.parametrize("name", WEATHER)
def test_bad_channel_counts_are_rejected(name):
    aug = getattr(iaa, name)(**getattr(iaa, name).examples[0])
    with pytest.raises(InputError, match=f"{name}.*2 channels"):
        aug(image=np.zeros((4, 4, 2), np.uint8))


@pytest.mark.parametrize("name", WEATHER)
def test_unsupported_dtype_is_rejected(name):
    aug = getattr(iaa, name)(**getattr(iaa, name).examples[0])
    with pytest.raises(augkit.UnsupportedDtypeError):
        aug(image=np.zeros((4, 4, 3), np.uint16))


def test_replay_reproduces_exactly():
    image = photo()
    for name, aug in every_weather_augmenter(seed=9):
        out, params = aug(image=image, return_params=True)
        assert np.array_equal(aug.replay(params, image=image), out), name


def test_batches_draw_different_weather_per_image():
    batch = np.stack([photo(), photo()])
    for name in ("Clouds", "Snowflakes", "Rain"):
        a, b = getattr(iaa, name)(seed=2)(images=batch)
        assert not np.array_equal(a, b), name
