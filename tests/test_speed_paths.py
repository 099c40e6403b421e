"""Fast paths of issue 16 give the same bits as the plain numpy definitions."""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit.meta import _permute_channels

DTYPES = ["bool", "uint8", "int8", "uint16", "int16", "float16", "uint32", "int32",
          "float32", "int64", "uint64", "float64"]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("nb_channels", [2, 3, 5, 130])
def test_permute_channels_equals_fancy_index(dtype, nb_channels):
    rng = np.random.default_rng(nb_channels)
    image = (rng.random((7, 5, nb_channels)) * 100).astype(dtype)
    perm = rng.permutation(nb_channels)
    out = _permute_channels(image, perm)
    assert out.dtype == image.dtype and out.flags.c_contiguous
    assert np.array_equal(out, image[:, :, perm])


def test_permute_channels_of_a_strided_view_and_nan_bits():
    image = np.arange(4 * 6 * 3, dtype=np.float64).reshape(4, 6, 3)[:, ::2]
    image[0, 0, 1] = np.nan
    out = _permute_channels(image, np.array([2, 0, 1]))
    assert np.array_equal(out, image[:, :, [2, 0, 1]], equal_nan=True)


def test_channel_shuffle_output_is_the_permuted_image():
    image = np.arange(3 * 4 * 3, dtype=np.uint8).reshape(3, 4, 3)
    out = augkit.ChannelShuffle(p=1.0, seed=3)(image=image)
    perm = [int(np.flatnonzero(image[0, 0] == value)[0]) for value in out[0, 0]]
    assert np.array_equal(out, image[:, :, perm]) and out is not image


def test_channel_shuffle_one_image_path_draws_as_the_batch_path():
    image = np.arange(2 * 2 * 4, dtype=np.uint8).reshape(2, 2, 4)
    for seed in range(20):
        one = augkit.ChannelShuffle(p=0.5, seed=seed)(image=image)
        batch = augkit.ChannelShuffle(p=0.5, seed=seed)(images=[image])[0]
        assert np.array_equal(one, batch)
