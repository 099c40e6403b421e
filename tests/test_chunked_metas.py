"""Augmenters with children over an ``images=`` array: the blend augmenters (the alphas
and both branches' params first, then a chunk of rows at a time through both branches
and the blend) and views that know their views' shapes (``WithChannels``: the
children's params first, then a chunk of rows at a time to the view, through the
children and back).

Pixels, params and replay must be those of the same images given as a list (each branch
over all rows, then the blend); where a child cannot be drawn ahead of the images
(another package's, one with children of its own) the whole-batch path runs instead,
with the same draws.
"""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit import _row_chunks
from augkit.blend import CheckerboardMaskGen, InvertMaskGen, MaskGenerator, SomeColorsMaskGen
from augkit.extend import PixelAugmenter

ROWS = 5


@pytest.fixture
def chunks(monkeypatch):
    """How many times run_chunks ran, with chunks of two 24 x 20 RGB rows."""
    calls: list[int] = []
    run_chunks = _row_chunks.run_chunks
    monkeypatch.setattr(_row_chunks, "CHUNK_BYTES", 2 * 24 * 20 * 3)
    monkeypatch.setattr(_row_chunks, "run_chunks",
                        lambda stages, images, *a: calls.append(len(images))
                        or run_chunks(stages, images, *a))
    return calls


def _batch(shape=(ROWS, 24, 20, 3)):
    return np.random.default_rng(3).integers(0, 256, shape, dtype=np.uint8)


class _AddOne(PixelAugmenter):
    """Another package's augmenter (this module is not first-party)."""

    def sample(self, rows, rng):
        return rng.integers(0, 9, rows.nb_rows).tolist()

    def apply_to_images(self, images, params):
        return [image + np.uint8(value) for image, value in zip(images, params)]


class _Stripes(MaskGenerator):
    """Another package's generator (its masks come from the input rows, as always)."""

    def draw_masks(self, rows, rng):
        return [np.tile(np.float32([0.0, 1.0]), (s[0], s[1] // 2)) for s in rows.shapes]


def _children():
    return [augkit.get("Fliplr", p=0.5), augkit.get("Add", value=(-30, 30)),
            augkit.get("Affine", rotate=(-20, 20))]


MAKERS = {
    "BlendAlpha": lambda: augkit.BlendAlpha((0.0, 1.0), _children(),
                                            augkit.get("Multiply", mul=(0.5, 1.5)),
                                            per_channel=0.5, seed=1),
    "BlendAlphaMask": lambda: augkit.BlendAlphaMask(
        InvertMaskGen(0.5, CheckerboardMaskGen(3, 4)), _children(), seed=1),
    "BlendAlphaVerticalLinearGradient": lambda: augkit.BlendAlphaVerticalLinearGradient(
        None, _children(), seed=1),
    "BlendAlphaElementwise": lambda: augkit.BlendAlphaElementwise(
        (0.0, 1.0), _children(), per_channel=True, seed=1),
    "BlendAlphaFrequencyNoise": lambda: augkit.BlendAlphaFrequencyNoise(
        foreground=_children(), seed=1),
    "BlendAlphaMask of another package's generator": lambda: augkit.BlendAlphaMask(
        _Stripes(), _children(), seed=1),
    "BlendAlphaSomeColors (masks read the pixels)": lambda: augkit.BlendAlphaSomeColors(
        _children(), seed=1),
    "BlendAlphaMask of inverted pixel masks": lambda: augkit.BlendAlphaMask(
        InvertMaskGen(0.5, SomeColorsMaskGen()), _children(), seed=1),
    "WithChannels": lambda: augkit.WithChannels([0, 2], _children(), seed=1),
    "WithChannels of every channel": lambda: augkit.WithChannels(None, _children(), seed=1),
    "WithChannels past the last channel": lambda: augkit.WithChannels(
        [1, 5], augkit.get("Multiply", mul=(0.5, 1.5), per_channel=True), seed=1),
}


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_an_array_goes_in_chunks_with_the_list_paths_pixels_and_params(name, chunks):
    batch = _batch()
    got, params = MAKERS[name]().augment(images=batch, return_params=True)
    expected, expected_params = MAKERS[name]().augment(images=list(batch), return_params=True)
    assert chunks == [ROWS]
    assert isinstance(got, np.ndarray) and got.shape == batch.shape
    assert all(np.array_equal(a, b) for a, b in zip(got, expected, strict=True))
    # the params are interchangeable: each call's replays the other's images
    assert all(np.array_equal(a, b) for a, b in zip(
        MAKERS[name]().replay(params, images=list(batch)), expected, strict=True))
    assert np.array_equal(MAKERS[name]().replay(expected_params, images=batch), got)


def test_a_grayscale_array_comes_back_without_a_channel_axis(chunks):
    batch = _batch((ROWS, 24, 20))
    got = MAKERS["BlendAlpha"]()(images=batch)
    expected = MAKERS["BlendAlpha"]()(images=list(batch))
    assert got.shape == batch.shape and chunks == [ROWS]
    assert all(np.array_equal(a, b) for a, b in zip(got, expected, strict=True))


@pytest.mark.parametrize("make", [
    lambda: augkit.BlendAlpha(0.5, [augkit.get("Add", value=10), _AddOne()], seed=2),
    lambda: augkit.BlendAlpha(0.5, augkit.Sequential(_children()), seed=2),
    lambda: augkit.WithChannels(1, [augkit.get("Add", value=10), _AddOne()], seed=2),
], ids=["foreign child", "nested meta", "foreign child of a view"])
def test_what_cannot_be_drawn_ahead_takes_the_whole_batch_path(make, chunks):
    batch = _batch()
    got = make()(images=batch)
    expected = make()(images=list(batch))
    assert chunks == []
    assert all(np.array_equal(a, b) for a, b in zip(got, expected, strict=True))


def test_branches_that_give_different_shapes_fail_as_on_the_list_path(chunks):
    def make():
        return augkit.BlendAlpha(0.5, augkit.get("Resize", size=10), None, seed=0)
    with pytest.raises(augkit.errors.InputError, match="image 0 became") as listed:
        make()(images=list(_batch()))
    with pytest.raises(augkit.errors.InputError, match="image 0 became") as chunked:
        make()(images=_batch())
    assert str(chunked.value) == str(listed.value) and chunks == [ROWS]


def test_a_view_whose_children_change_the_size_fails_as_on_the_list_path(chunks):
    def make():
        return augkit.WithChannels([0], augkit.get("Crop", px=2, keep_size=False), seed=0)
    with pytest.raises(augkit.errors.InputError, match="must keep the") as listed:
        make()(images=list(_batch()))
    with pytest.raises(augkit.errors.InputError, match="must keep the") as chunked:
        make()(images=_batch())
    assert str(chunked.value) == str(listed.value) and chunks == [ROWS]
