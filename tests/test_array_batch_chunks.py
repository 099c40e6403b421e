"""An ``images=`` array is applied a chunk of rows at a time: same pixels as the list path.

``augkit._row_chunks`` cuts a leaf augmenter's params into rows and copies each chunk's
outputs into the result array. Every registered augmenter, run on an array batch with
chunks of two rows, must give what it gives for the same images as a list (which is
applied in one go).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import augkit
from augkit import _row_chunks
from augkit.extend import PixelAugmenter
from augkit.registry import registry

ROWS = 5  # chunks of 2, 2 and 1


def _examples():
    for name in sorted(registry.names(aliases=False)):
        cls = registry.get_class(name)
        if ":" in name or "uint8" not in cls.supported_dtypes:
            continue
        for index, kwargs in enumerate(cls.examples):
            yield pytest.param(name, dict(kwargs), id=f"{name}-{index}")


@pytest.fixture
def two_row_chunks(monkeypatch):
    image = np.zeros((24, 20, 3), np.uint8)
    monkeypatch.setattr(_row_chunks, "CHUNK_BYTES", 2 * image.nbytes)


def _batch(shape=(ROWS, 24, 20, 3)):
    return np.random.default_rng(3).integers(0, 256, shape, dtype=np.uint8)


def _pair(name, kwargs):
    try:
        return augkit.get(name, **kwargs, seed=7), augkit.get(name, **kwargs, seed=7)
    except ImportError as error:  # an example needing an optional dependency
        pytest.skip(str(error))


@pytest.mark.parametrize("nb_rows", [3, 4, ROWS])  # 3 and 4: lengths of matrices, cvals
@pytest.mark.parametrize(("name", "kwargs"), list(_examples()))
def test_array_batch_in_chunks_equals_the_list_path(name, kwargs, nb_rows, two_row_chunks):
    chunked, whole = _pair(name, kwargs)
    batch = _batch((nb_rows, 24, 20, 3))
    try:
        expected = whole(images=list(batch))
    except augkit.errors.AugkitError as error:  # e.g. an image too small for it
        pytest.skip(str(error))
    got = chunked(images=batch)
    if isinstance(got, np.ndarray):
        assert got.flags.c_contiguous and not np.shares_memory(got, batch)
        got = list(got)
    assert len(got) == len(expected)
    for row, (a, b) in enumerate(zip(got, expected, strict=True)):
        assert a.dtype == b.dtype and a.shape == b.shape, (name, row)
        assert np.array_equal(a, b, equal_nan=a.dtype.kind == "f"), (name, row)


def test_grayscale_array_batch_comes_back_2d(two_row_chunks):
    batch = _batch((ROWS, 24, 20))
    out = augkit.get("Fliplr", p=1.0)(images=batch)
    assert out.shape == batch.shape and out.flags.c_contiguous
    assert np.array_equal(out, batch[:, :, ::-1])


def test_rows_of_other_sizes_come_back_as_a_list(two_row_chunks):
    batch = _batch()
    aug = augkit.get("Crop", px=(0, 6), keep_size=False, seed=1)
    out = aug(images=batch)
    expected = augkit.get("Crop", px=(0, 6), keep_size=False, seed=1)(images=list(batch))
    assert isinstance(out, list) and len({o.shape for o in out}) > 1
    assert all(np.array_equal(a, b) for a, b in zip(out, expected, strict=True))


def test_a_batch_object_with_an_image_array_takes_the_chunked_path(two_row_chunks,
                                                                   monkeypatch):
    chunks = []
    put = _row_chunks.ArrayResult.put
    monkeypatch.setattr(_row_chunks.ArrayResult, "put",
                        lambda self, images: chunks.append(len(images)) or put(self, images))
    batch = _batch()
    out = augkit.get("Add", value=(-40, 40), seed=2).augment_batch(augkit.Batch(images=batch))
    assert chunks == [2, 3]  # Add wrote the first chunk in place: the rest go at once
    expected = augkit.get("Add", value=(-40, 40), seed=2)(images=list(batch))
    assert isinstance(out.images_aug, np.ndarray) and out.images_aug.shape == batch.shape
    assert np.array_equal(out.images_aug, np.stack(expected))


def test_params_come_back_whole_and_replay(two_row_chunks):
    batch = _batch()
    aug = augkit.get("Add", value=(-40, 40), seed=2)
    out, params = aug(images=batch, return_params=True)
    assert len(params) == ROWS
    assert np.array_equal(aug.replay(params, images=batch), out)


@dataclasses.dataclass
class _Params:
    values: np.ndarray
    names: list
    mode: str = "constant"
    extra: object = None


@dataclasses.dataclass(frozen=True)
class _FrozenParams:
    values: tuple


def test_row_slicer_cuts_per_row_fields_of_a_dataclass():
    params = _Params(np.arange(4), ["a", "b", "c", "d"])
    part = _row_chunks.RowSlicer(params, nb_rows=4)(1, 3)
    assert type(part) is _Params and part.values.tolist() == [1, 2]
    assert part.names == ["b", "c"] and part.mode == "constant"
    assert params.names == ["a", "b", "c", "d"]  # the call's params are left whole
    frozen = _row_chunks.RowSlicer(_FrozenParams((1, 2, 3)), nb_rows=3)(2, 3)
    assert frozen == _FrozenParams((3,))


def test_row_slicer_leaves_other_params_whole():
    assert _row_chunks.RowSlicer(None, nb_rows=4)(0, 2) is None
    assert _row_chunks.RowSlicer(np.arange(4), nb_rows=4)(3, 5).tolist() == [3]
    unsliceable = [(1, 2, 3), {"k": [1, 2]}, _Params(np.arange(4), list("abcd"), extra={})]
    for params in unsliceable:
        assert not _row_chunks.RowSlicer(params, nb_rows=4).sliceable, params


class _ShiftByChannelValues(PixelAugmenter):
    """Adds one value per channel: params of three values, whatever the rows."""

    def sample(self, rows, rng):
        return [int(v) for v in rng.integers(1, 50, size=3)]

    def apply_to_images(self, images, params):
        return [image + np.array(params, np.uint8) for image in images]


def test_other_packages_params_are_not_cut_even_when_their_length_is_the_row_count(
        two_row_chunks):
    batch = _batch((3, 24, 20, 3))
    got = _ShiftByChannelValues(seed=4)(images=batch)
    expected = _ShiftByChannelValues(seed=4)(images=list(batch))
    assert all(np.array_equal(a, b) for a, b in zip(got, expected, strict=True))


@pytest.mark.parametrize(("name", "kwargs"), [
    ("Fliplr", {"p": 0.5}), ("Flipud", {"p": 0.5}), ("Add", {"value": (-40, 40)}),
    ("Add", {"value": (-40, 40), "per_channel": True}),
    ("GaussianBlur", {"sigma": (0.0, 2.0)}), ("CropToFixedSize", {"width": 12, "height": 9}),
    ("CenterPadToMultiplesOf", {"width_multiple": 7, "height_multiple": 5}),
    ("Identity", {}), ("Invert", {"p": 0.5}), ("Multiply", {"mul": (0.5, 1.5)}),
    ("LogContrast", {"gain": (0.6, 1.4), "per_channel": True}),
    ("Invert", {"p": 1.0}), ("TotalDropout", {"p": 0.5}), ("ChannelShuffle", {"p": 0.5}),
    ("Dropout2d", {"p": 0.5}), ("ChangeColorspace", {"to_colorspace": "HSV"}),
    ("ChangeColorspace", {"to_colorspace": ["Lab", "GRAY"], "alpha": (0.0, 1.0)}),
    ("Sharpen", {"alpha": (0.0, 1.0)}), ("EdgeDetect", {"alpha": (0.0, 1.0)}),
    ("Convolve", {"matrix": np.array([[0, 0, 0], [0, 0, 1], [0, 0, 0]], np.float32)}),
    ("ToFloat", {}), ("Normalize", {}), ("ToCHW", {}), ("Grayscale", {"alpha": (0.0, 1.0)}),
    ("Grayscale", {"alpha": 1.0}), ("AllChannelsHistogramEqualization", {}),
])
def test_the_common_augmenters_write_into_the_result_array(name, kwargs, two_row_chunks,
                                                          monkeypatch):
    results = []
    run_chunks = _row_chunks.run_chunks

    def spy(*args):
        results.append(run_chunks(*args))
        return results[-1]
    monkeypatch.setattr(_row_chunks, "run_chunks", spy)
    batch = _batch()
    got = augkit.get(name, **kwargs, seed=5)(images=batch)
    assert [out.copies for out in results] == [0]
    expected = augkit.get(name, **kwargs, seed=5)(images=list(batch))
    assert all(np.array_equal(a, b) for a, b in zip(got, expected, strict=True))


def test_rows_of_another_shape_than_reserved_are_copied_and_kept():
    out = _row_chunks.ArrayResult(3)
    out.reserve((1, 2, 1), np.dtype(np.uint8))
    slots = out.slots(0, 2)
    slots[0][...] = 7
    out.put([slots[0], np.ones((1, 2, 1), np.uint8)])
    assert out.copies == 1 and out.slots(1, 2) is None  # rows are filled in order
    out.put([np.zeros((2, 2, 1), np.uint8)])
    assert out.finished() is None
    assert [row.shape for row in out.rows()] == [(1, 2, 1), (1, 2, 1), (2, 2, 1)]
    assert out.rows()[0].ravel().tolist() == [7, 7]
