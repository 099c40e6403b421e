"""``Sequential`` over an ``images=`` array: every child's params first, then a chunk of
rows at a time through all children (``augkit._chunked_sequence``).

The pixels, the params and the result type must be those of the same images given as a
list (which runs child after child over all rows); the chunked path must actually be
taken where it can be; children it cannot draw ahead (another package's, or one whose
``sample`` reads pixels) end it, and the rest runs the usual way.
"""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit import _row_chunks
from augkit.extend import PixelAugmenter
from augkit.registry import registry

ROWS = 5


@pytest.fixture
def two_row_chunks(monkeypatch):
    monkeypatch.setattr(_row_chunks, "CHUNK_BYTES", 2 * 24 * 20 * 3)


@pytest.fixture
def chunk_sizes(monkeypatch):
    """The number of rows of each chunk that went through a sequence's chunked path."""
    sizes: list[int] = []
    put = _row_chunks.ArrayResult.put
    run_chunks = _row_chunks.run_chunks

    def spy(stages, images, *args):
        monkeypatch.setattr(_row_chunks.ArrayResult, "put",
                            lambda self, part: sizes.append(len(part)) or put(self, part))
        try:
            return run_chunks(stages, images, *args)
        finally:
            monkeypatch.setattr(_row_chunks.ArrayResult, "put", put)
    monkeypatch.setattr(_row_chunks, "run_chunks", spy)
    return sizes


def _batch(shape=(ROWS, 24, 20, 3), seed=3):
    return np.random.default_rng(seed).integers(0, 256, shape, dtype=np.uint8)


def _same(got, expected):
    if isinstance(got, np.ndarray):
        got = list(got)
    assert len(got) == len(expected)
    for row, (a, b) in enumerate(zip(got, expected, strict=True)):
        assert a.dtype == b.dtype and a.shape == b.shape, row
        assert np.array_equal(a, b, equal_nan=a.dtype.kind == "f"), row


def _both(make, batch):
    """(chunked array result, list-path result) of two equally seeded sequences."""
    return make()(images=batch), make()(images=list(batch))


def _examples():
    for name in sorted(registry.names(aliases=False)):
        cls = registry.get_class(name)
        if ":" in name or "uint8" not in cls.supported_dtypes or not cls._is_leaf:
            continue
        for index, kwargs in enumerate(cls.examples):
            yield pytest.param(name, dict(kwargs), id=f"{name}-{index}")


@pytest.mark.parametrize(("name", "kwargs"), list(_examples()))
def test_every_augmenter_in_a_chunked_sequence_gives_the_list_path(name, kwargs,
                                                                   two_row_chunks):
    """Also holds ``sample_reads_pixels``: here the child draws on stand-in images of
    zeros, on the list path on the real ones."""
    def make():
        try:
            child = augkit.get(name, **kwargs, seed=7)
        except ImportError as error:  # an example needing an optional dependency
            pytest.skip(str(error))
        return augkit.Sequential([augkit.get("Fliplr", p=0.5), child,
                                  augkit.get("Add", value=(-9, 9))], seed=11)
    batch = _batch()
    try:
        expected = make()(images=list(batch))
    except augkit.errors.AugkitError as error:  # e.g. an image too small for it
        pytest.skip(str(error))
    _same(make()(images=batch), expected)


def test_a_pipeline_runs_chunk_by_chunk_and_matches_the_list_path(two_row_chunks,
                                                                 chunk_sizes):
    def make():
        return augkit.Sequential([
            augkit.get("Fliplr", p=0.5), augkit.get("Affine", rotate=(-10, 10)),
            augkit.get("GaussianBlur", sigma=(0.0, 1.0)), augkit.get("Multiply", mul=(0.8, 1.2)),
            augkit.get("AdditiveGaussianNoise", scale=(0, 10))], seed=0)
    batch = _batch()
    got, expected = _both(make, batch)
    assert isinstance(got, np.ndarray) and got.shape == batch.shape
    assert chunk_sizes == [2, 2, 1]
    _same(got, expected)


def test_fused_runs_of_large_images_run_chunked_and_match_the_list_path(chunk_sizes):
    def make():
        return augkit.Sequential([
            augkit.get("Fliplr", p=0.5), augkit.get("Affine", rotate=(-10, 10)),
            augkit.get("Add", value=(-20, 20)), augkit.get("Multiply", mul=(0.8, 1.2)),
            augkit.get("Invert", p=0.5)], seed=5)
    batch = _batch((3, 520, 520, 3))
    got, expected = _both(make, batch)
    assert chunk_sizes == [1, 1, 1]
    _same(got, expected)


def test_random_order_and_shape_changes_match_the_list_path(two_row_chunks, chunk_sizes):
    def make():
        return augkit.Sequential([
            augkit.get("Crop", px=(0, 6), keep_size=False), augkit.get("Add", value=(-9, 9)),
            augkit.get("Fliplr", p=0.5), augkit.get("Rot90", k=(0, 3), keep_size=False)],
            random_order=True, seed=2)
    batch = _batch()
    got, expected = _both(make, batch)
    assert isinstance(got, list) and len({image.shape for image in got}) > 1
    assert chunk_sizes
    _same(got, expected)


def test_grayscale_batches_come_back_2d(two_row_chunks, chunk_sizes):
    def make():
        return augkit.Sequential([augkit.get("Flipud", p=1.0), augkit.get("Add", value=3)])
    batch = _batch((ROWS, 24, 20))
    got, _ = _both(make, batch)
    assert chunk_sizes and got.shape == batch.shape
    assert np.array_equal(got, np.minimum(batch[:, ::-1].astype(int) + 3, 255))


class _AddRowMean(PixelAugmenter):
    """Another package's augmenter whose ``sample`` reads the pixels."""

    sample_reads_pixels = True

    def sample(self, rows, rng):
        return [int(image.mean()) % 7 for image in rows.get("images")]

    def apply_to_images(self, images, params):
        return [np.minimum(image.astype(int) + p, 255).astype(image.dtype)
                for image, p in zip(images, params)]


@pytest.mark.parametrize("at", [0, 1, 2])
def test_a_child_that_cannot_be_drawn_ahead_runs_the_rest_the_usual_way(at, two_row_chunks,
                                                                        chunk_sizes):
    def make():
        children = [augkit.get("Fliplr", p=0.5), augkit.get("Add", value=(-9, 9))]
        children.insert(at, _AddRowMean(seed=1))
        return augkit.Sequential(children, seed=4)
    batch = _batch()
    got, expected = _both(make, batch)
    assert (chunk_sizes == []) == (at == 0)  # the children before it ran chunked
    _same(got, expected)


def test_a_convolve_with_a_callable_matrix_reads_pixels(two_row_chunks):
    def brighter_kernel(image, nb_channels, rng):
        return np.array([[image.mean() / 128.0]])
    conv = augkit.get("Convolve", matrix=brighter_kernel)
    assert conv.sample_reads_pixels
    assert not augkit.get("Convolve", matrix=np.ones((3, 3)) / 9).sample_reads_pixels

    def make():
        return augkit.Sequential([augkit.get("Fliplr", p=1.0),
                                  augkit.get("Convolve", matrix=brighter_kernel)])
    batch = _batch()
    got, expected = _both(make, batch)
    _same(got, expected)
    assert not np.array_equal(got, batch[:, :, ::-1])


def test_params_come_back_as_the_list_paths_and_replay_both_ways(two_row_chunks):
    def make():
        return augkit.Sequential([augkit.get("Affine", rotate=(-20, 20)),
                                  augkit.get("Add", value=(-9, 9))], random_order=True, seed=8)
    batch = _batch()
    chunked, params = make().augment(images=batch, return_params=True)
    listed, list_params = make().augment(images=list(batch), return_params=True)
    assert params[0] == list_params[0]  # the order
    replayer = make()
    assert np.array_equal(replayer.replay(list_params, images=batch), chunked)
    _same(replayer.replay(params, images=list(batch)), listed)


def test_keyed_calls_draw_the_same_as_the_list_path(two_row_chunks, chunk_sizes):
    def make():
        return augkit.Sequential([augkit.get("Affine", rotate=(-20, 20)),
                                  augkit.get("AdditiveGaussianNoise", scale=(0, 20))], seed=3)
    batch = _batch()
    got = make().augment(images=batch, key=(2, 9))
    assert chunk_sizes
    _same(got, make().augment(images=list(batch), key=(2, 9)))


def test_an_unsupported_dtype_is_refused_before_anything_runs(two_row_chunks):
    seq = augkit.Sequential([augkit.get("Fliplr", p=1.0), augkit.get("Clouds")])
    with pytest.raises(augkit.errors.UnsupportedDtypeError, match="Clouds"):
        seq(images=np.zeros((3, 24, 20, 3), np.float64))


class _LoggingSequential(augkit.Sequential):
    """A subclass that changes how the children run: it keeps its own path."""

    def apply_to_rows(self, rows, ctx, params):
        self.calls = getattr(self, "calls", 0) + 1
        return super().apply_to_rows(rows, ctx, params)


def test_a_subclass_that_changes_apply_to_rows_is_not_bypassed(two_row_chunks, chunk_sizes):
    seq = _LoggingSequential([augkit.get("Fliplr", p=1.0)])
    out = seq(images=_batch())
    assert seq.calls == 1 and chunk_sizes == []
    assert np.array_equal(out, _batch()[:, :, ::-1])
