"""The conformance kit: one call that holds an augmenter class to augkit's contract.

:func:`check_augmenter` runs every check below on each example configuration of the
class (``cls.examples``, or the ones given), driven by hypothesis:

* ``reproducible`` -- the same seed gives the same output; keyed calls depend on the key;
  ``image=`` (the lean one-image path) equals ``images=[image]``.
* ``dtype_contract`` -- every supported dtype keeps dtype, channels (and size unless the
  class ``changes_shape``); outputs are C-contiguous and owned by the caller; the input
  is never modified; an unsupported dtype raises ``UnsupportedDtypeError``. A class that
  converts says so: ``output_dtype`` (a dtype name, on the class or the instance) is
  the output's dtype, and ``channels_first = True`` makes ``(H, W[, C])`` ``(C, H, W)``.
* ``passthrough`` -- a pixel-only augmenter returns maps and coordinates unchanged.
* ``keypoints_follow_image`` -- a keypoint on a bright dot lands on the dot (within
  ``cls.keypoint_tolerance`` pixels).
* ``boxes_follow_image`` -- a box around a bright rectangle still surrounds it.
* ``segmaps_follow_image`` -- a segmentation map moves with the image.

  These three compare an image with a bright mark against a blank one, augmented
  alike; a pixel operation whose result depends on the whole image (histogram
  equalisation, autocontrast) changes the two differently and hides the mark. A class
  mixing such operations with geometric ones (the policies of augkit-collections)
  declares ``follow_examples``: the ones among its ``examples`` these checks run on
  (each must also be in ``examples``; an empty tuple skips them, and the class's own
  tests then show that its geometric operations move the annotations).
* ``zero_size_images`` -- images with an axis of size 0 (``(0, 4, 3)``, ``(4, 0, 3)``,
  ``(4, 4, 0)``) come back unchanged, with their keypoints, also next to a regular image.
* ``replay`` -- ``replay(params)`` reproduces a ``return_params=True`` call.
* ``replay_in_worker`` -- the augmenter and its params survive pickling (as when sent
  to a Pool worker) and replay there to the same output.
* ``pickle`` -- a pickled copy continues exactly like the original.
* ``serialization`` -- ``to_dict``/``from_dict`` gives an augmenter with identical
  output, where augkit provides serialization.
* ``bad_arguments`` -- an unknown keyword raises ``TypeError``.

Examples
--------
>>> from augkit.testing import check_augmenter
>>> from augkit import Identity
>>> check_augmenter(Identity, max_examples=2)
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from augkit.augmenter import Augmenter, output_dtype
from augkit.errors import UnsupportedDtypeError, describe
from augkit.testing.strategies import CHECKED_DTYPES, _fill, images

CHECKS: dict[str, Callable] = {}
#: The checks that look for a mark of the image in the output (see ``follow_examples``).
FOLLOW_CHECKS = frozenset({"keypoints_follow_image", "boxes_follow_image",
                           "segmaps_follow_image"})


def _check(func: Callable) -> Callable:
    CHECKS[func.__name__.removeprefix("check_")] = func
    return func


def check_augmenter(
    cls: type[Augmenter],
    *,
    examples: Iterable[Mapping[str, Any]] | None = None,
    checks: Sequence[str] | None = None,
    max_examples: int | None = None,
) -> None:
    """Check an augmenter class against augkit's contract; raise AssertionError if not.

    Parameters
    ----------
    cls : type
        The augmenter class.
    examples : iterable of mapping, optional
        Constructor keyword sets to check (default: ``cls.examples``).
    checks : sequence of str, optional
        Names of the checks to run (default: all; see the module docstring).
    max_examples : int, optional
        Hypothesis examples per check (default: the active profile's setting).
    """
    names = list(CHECKS) if checks is None else list(checks)
    unknown = set(names) - set(CHECKS)
    if unknown:
        raise ValueError(f"checks: unknown {sorted(unknown)}; known: {sorted(CHECKS)}")
    for kwargs in (cls.examples if examples is None else examples):
        for name in names:
            if name in FOLLOW_CHECKS and examples is None and hasattr(cls, "follow_examples") \
                    and dict(kwargs) not in [dict(k) for k in cls.follow_examples]:
                continue
            try:
                CHECKS[name](cls, dict(kwargs), max_examples)
            except AssertionError as exc:
                raise AssertionError(f"{cls.__name__}({_fmt(kwargs)}) fails '{name}': "
                                     f"{exc}") from exc


def _build(cls: type[Augmenter], kwargs: Mapping[str, Any], seed: int) -> Augmenter:
    """Construct *cls* from a deep copy of *kwargs* (example children are not shared)."""
    return cls(**copy.deepcopy(dict(kwargs)), seed=seed)


def _fmt(kwargs: Mapping[str, Any]) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in kwargs.items())


def _run(max_examples: int | None, strategy: st.SearchStrategy, test: Callable) -> None:
    options: dict[str, Any] = {
        "deadline": None,
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                  HealthCheck.filter_too_much],
        "database": None,
    }
    if max_examples is not None:
        options["max_examples"] = max_examples
    settings(**options)(given(strategy)(test))()


def _dtypes(cls: type[Augmenter]) -> list[str]:
    return [d for d in CHECKED_DTYPES if d in cls.supported_dtypes]


def _sizes(cls: type[Augmenter]) -> dict[str, int]:
    return {"min_side": cls.min_image_side, "max_side": 40}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.shape == b.shape and a.dtype == b.dtype \
            and bool(np.array_equal(a, b, equal_nan=a.dtype.kind == "f"))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def _rgb_images(cls: type[Augmenter]) -> st.SearchStrategy:
    dtype = "uint8" if "uint8" in cls.supported_dtypes else _dtypes(cls)[:1] or ["float32"]
    return images(dtypes=[dtype] if isinstance(dtype, str) else dtype, channels=(3,),
                  **_sizes(cls))


@_check
def check_reproducible(cls, kwargs, max_examples):
    def test(image):
        a = _build(cls, kwargs, 3)
        b = _build(cls, kwargs, 3)
        for _ in range(2):
            assert _same(a(image=image), b(image=image)), "same seed, different output"
        keyed = _build(cls, kwargs, 3)
        assert _same(keyed(image=image, key=(1, 2)), a(image=image, key=(1, 2))), \
            "same seed and key, different output"
        lean, general = _build(cls, kwargs, 9), _build(cls, kwargs, 9)
        assert _same(lean(image=image), general(images=[image])[0]), \
            "image= (the one-image path) and images=[image] differ for the same seed"
    _run(max_examples, _rgb_images(cls), test)


@_check
def check_dtype_contract(cls, kwargs, max_examples):
    dtypes = _dtypes(cls)
    assert dtypes, f"supports none of the dtypes the kit checks ({CHECKED_DTYPES})"
    channels_first = getattr(cls, "channels_first", False)

    def test(image):
        aug = _build(cls, kwargs, 1)
        before = image.copy()
        # a channels-first class is held to 3-D inputs (a 2-D one's (1, H, 1) output
        # comes back squeezed, as any one-channel output of a 2-D input does)
        two_d = image.shape[2] == 1 and not channels_first
        for given_image in (image, image[:, :, 0] if two_d else image):
            out = aug(image=given_image)
            assert np.array_equal(given_image, before if given_image.ndim == 3
                                  else before[:, :, 0]), "the input image was modified"
            assert isinstance(out, np.ndarray), f"returned {type(out).__name__}"
            expected = output_dtype(aug, image.dtype)
            assert out.dtype == expected, f"dtype {image.dtype} became {out.dtype}"
            if channels_first:
                given_image = given_image.transpose(2, 0, 1)
            assert out.ndim == given_image.ndim, f"shape {given_image.shape} became {out.shape}"
            assert out.flags.c_contiguous, "output is not C-contiguous"
            assert not np.shares_memory(out, given_image), "output shares memory with input"
            if not cls.changes_shape:
                assert out.shape == given_image.shape, f"{given_image.shape} -> {out.shape}"
        batch = np.stack([image, image])
        out = aug(images=batch)
        assert len(out) == 2, "a batch of 2 images did not give 2 images"
    # Classes may declare the channel counts they accept (``image_channels``).
    channels = cls.image_channels or (1, 3, 4)
    channels = [c for c in (1, 3, 4) if c in channels] or [3]
    _run(max_examples, images(dtypes=dtypes, channels=channels, **_sizes(cls)), test)
    unsupported = [d for d in ("complex64", "uint32", "float16", "int8", "bool")
                   if d not in cls.supported_dtypes and d != "complex64"]
    if unsupported:
        image = _fill(_Draw(0), (8, 8, 3), unsupported[0])
        try:
            _build(cls, kwargs, 1)(image=image)
        except UnsupportedDtypeError:
            pass
        else:
            raise AssertionError(f"dtype {unsupported[0]} is not declared supported, "
                                 "yet no UnsupportedDtypeError was raised")


class _Draw:
    """Stand-in for hypothesis' draw when the kit needs one fixed example."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __call__(self, strategy: Any) -> int:
        return self.value


def _annotated(shape):
    from augkit.augmentables import (
        BoundingBoxesOnImage,
        HeatmapsOnImage,
        KeypointsOnImage,
        LineString,
        LineStringsOnImage,
        Polygon,
        PolygonsOnImage,
        SegmentationMapsOnImage,
    )

    height, width = shape[:2]
    xy = np.array([[0.5, 0.5], [width / 2, height / 2], [width - 0.5, height - 0.5]],
                  dtype=np.float32)
    return {
        "keypoints": KeypointsOnImage.from_xy_array(xy, shape=shape),
        "bounding_boxes": BoundingBoxesOnImage.from_xyxy_array(
            np.array([[0, 0, width / 2, height / 2]], dtype=np.float32), shape=shape),
        "polygons": PolygonsOnImage([Polygon(xy[[0, 1, 2]] + [[0, 0], [1, 0], [0, 1]])],
                                    shape=shape),
        "line_strings": LineStringsOnImage([LineString(xy)], shape=shape),
        "heatmaps": HeatmapsOnImage(np.linspace(0, 1, height * width, dtype=np.float32)
                                    .reshape(height, width), shape=shape),
        "segmentation_maps": SegmentationMapsOnImage(
            (np.arange(height * width) % 3).reshape(height, width).astype(np.int32),
            shape=shape),
    }


@_check
def check_passthrough(cls, kwargs, max_examples):
    if not cls.pixel_only:
        return

    def test(image):
        data = _annotated(image.shape)
        out = _build(cls, kwargs, 2)(image=image, **data)
        for (name, before), after in zip(data.items(), out[1:]):
            assert after is before or _same_item(before, after), f"{name} changed"
    _run(max_examples, _rgb_images(cls), test)


def _same_item(a: Any, b: Any) -> bool:
    if hasattr(a, "to_xy_array"):
        return a.shape == b.shape and np.array_equal(a.to_xy_array(), b.to_xy_array())
    return a.shape == b.shape and np.array_equal(a.get_arr(), b.get_arr())


def _supports(cls: type[Augmenter], kind: str, category: str) -> bool:
    return not cls.pixel_only and kind not in cls.unsupported_kinds \
        and category not in cls.unsupported_kinds


def _difference(aug: Augmenter, marked: np.ndarray, blank: np.ndarray, **data: Any):
    """Augment *marked* and *blank* identically; return |difference| and data results."""
    det = aug.to_deterministic()
    out = det(image=marked, **data)
    out_marked, results = (out[0], out[1:]) if data else (out, ())
    out_blank = det(image=blank)
    diff = np.abs(out_marked.astype(np.float32) - out_blank.astype(np.float32))
    return (diff.max(axis=2) if diff.ndim == 3 else diff), results


_scenes = st.tuples(st.integers(24, 48), st.integers(24, 48), st.floats(0.2, 0.8),
                    st.floats(0.2, 0.8), st.integers(0, 2**31 - 1))


@_check
def check_keypoints_follow_image(cls, kwargs, max_examples):
    if not _supports(cls, "keypoints", "points"):
        return
    from augkit.augmentables import KeypointsOnImage

    tolerance = cls.keypoint_tolerance

    def test(scene):
        height, width, fx, fy, seed = scene
        row, col = int(fy * (height - 1)), int(fx * (width - 1))
        blank = np.full((height, width, 3), 0, dtype=np.uint8)
        marked = blank.copy()
        marked[max(row - 1, 0):row + 2, max(col - 1, 0):col + 2] = 255
        kps = KeypointsOnImage.from_xy_array(np.array([[col + 0.5, row + 0.5]], np.float32),
                                             shape=blank.shape)
        diff, (kps_aug,) = _difference(_build(cls, kwargs, seed), marked, blank, keypoints=kps)
        x, y = kps_aug.to_xy_array()[0]
        h, w = diff.shape
        inside = -tolerance <= x <= w + tolerance and -tolerance <= y <= h + tolerance
        if diff.max() < 64:
            assert not (tolerance + 2 < x < w - tolerance - 2
                        and tolerance + 2 < y < h - tolerance - 2), \
                f"the dot vanished, but its keypoint ({x:.1f}, {y:.1f}) is well inside"
            return
        if not inside:
            return
        radius = tolerance + 2.5
        ys, xs = np.mgrid[0:h, 0:w]
        near = (np.abs(xs + 0.5 - x) <= radius) & (np.abs(ys + 0.5 - y) <= radius)
        weights = np.where(near & (diff >= 0.3 * diff.max()), diff, 0)
        assert weights.sum() > 0, (f"keypoint at ({x:.1f}, {y:.1f}) but no dot within "
                                   f"{radius} px of it")
        cx = (weights * (xs + 0.5)).sum() / weights.sum()
        cy = (weights * (ys + 0.5)).sum() / weights.sum()
        assert abs(cx - x) <= tolerance + 0.5 and abs(cy - y) <= tolerance + 0.5, (
            f"dot at ({cx:.1f}, {cy:.1f}), keypoint at ({x:.1f}, {y:.1f}), "
            f"tolerance {tolerance}")
    _run(max_examples, _scenes, test)


@_check
def check_boxes_follow_image(cls, kwargs, max_examples):
    if not _supports(cls, "bounding_boxes", "points"):
        return
    from augkit.augmentables import BoundingBoxesOnImage

    tolerance = cls.keypoint_tolerance

    def test(scene):
        height, width, fx, fy, seed = scene
        y1, x1 = int(fy * (height - 8)), int(fx * (width - 8))
        blank = np.zeros((height, width, 3), dtype=np.uint8)
        marked = blank.copy()
        marked[y1:y1 + 6, x1:x1 + 6] = 255
        bbs = BoundingBoxesOnImage.from_xyxy_array(
            np.array([[x1, y1, x1 + 6, y1 + 6]], dtype=np.float32), shape=blank.shape)
        diff, (bbs_aug,) = _difference(_build(cls, kwargs, seed), marked, blank,
                                       bounding_boxes=bbs)
        bx1, by1, bx2, by2 = bbs_aug.to_xyxy_array()[0]
        margin = tolerance + 2
        ys, xs = np.nonzero(diff >= 0.5 * max(diff.max(), 1))
        window = (xs + 1 >= bx1 - margin) & (xs <= bx2 + margin) \
            & (ys + 1 >= by1 - margin) & (ys <= by2 + margin)
        if diff.max() < 64 or not window.any():
            fully_inside = 0 <= bx1 and bx2 <= diff.shape[1] and 0 <= by1 \
                and by2 <= diff.shape[0] and (bx2 - bx1) * (by2 - by1) > 4 * margin ** 2
            assert not fully_inside, f"box {bbs_aug.to_xyxy_array()[0]} lost its object"
            return
        xs, ys = xs[window], ys[window]
        assert xs.min() >= bx1 - margin and xs.max() + 1 <= bx2 + margin \
            and ys.min() >= by1 - margin and ys.max() + 1 <= by2 + margin, (
                f"object spans x {xs.min()}..{xs.max() + 1}, y {ys.min()}..{ys.max() + 1}; "
                f"box is {bx1:.1f},{by1:.1f},{bx2:.1f},{by2:.1f}")
    _run(max_examples, _scenes, test)


@_check
def check_segmaps_follow_image(cls, kwargs, max_examples):
    if not _supports(cls, "segmentation_maps", "map"):
        return
    from augkit.augmentables import SegmentationMapsOnImage

    def test(scene):
        height, width, _fx, _fy, seed = scene
        ids = np.ones((height, width), dtype=np.int32)
        ids[:, width // 3:] = 2
        ids[height // 2:, :] = 3
        image = np.repeat((ids * 60).astype(np.uint8)[:, :, None], 3, axis=2)
        segmap = SegmentationMapsOnImage(ids, shape=image.shape)
        det = _build(cls, kwargs, seed).to_deterministic()
        image_aug, segmap_aug = det(image=image, segmentation_maps=segmap)
        arr = segmap_aug.get_arr()
        arr = arr[:, :, 0] if arr.ndim == 3 else arr
        if arr.shape != image_aug.shape[:2]:
            return
        interior = (arr > 0)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                interior &= np.roll(np.roll(arr, dy, 0), dx, 1) == arr
        interior[[0, -1], :] = False
        interior[:, [0, -1]] = False
        if interior.sum() < 10:
            return
        expected = arr[interior] * 60
        got = image_aug[:, :, 0][interior].astype(int)
        agree = np.mean(np.abs(got - expected) <= 20)
        assert agree >= 0.9, f"only {agree:.0%} of map interior pixels match the image"
    _run(max_examples, _scenes, test)


#: Image shapes with an axis of size 0, which every augmenter passes through unchanged.
ZERO_SIZE_SHAPES = ((0, 4, 3), (4, 0, 3), (4, 4, 0))


@_check
def check_zero_size_images(cls, kwargs, max_examples):
    """Images with an axis of size 0 come back unchanged, annotations kept (imgaug's rule)."""
    from augkit.augmentables import KeypointsOnImage

    dtype = _dtypes(cls)[0] if _dtypes(cls) else "float32"
    channels = (cls.image_channels or (3,))[0]
    regular = _fill(_Draw(3), (max(cls.min_image_side, 8),) * 2 + (channels,), dtype)
    for shape in ZERO_SIZE_SHAPES:
        image = np.zeros(shape, dtype=dtype)
        aug = _build(cls, kwargs, 11)
        out = aug(image=image)
        assert _same(out, image), f"image of shape {shape} came back as {describe(out)}"
        assert not np.shares_memory(out, image), f"{shape}: output shares memory with input"
        batch = aug(images=np.zeros((2, *shape), dtype=dtype))
        assert _same(np.asarray(batch), np.zeros((2, *shape), dtype=dtype)), \
            f"a batch of images of shape {shape} changed"
        if not _supports(cls, "keypoints", "points"):
            continue
        kps = KeypointsOnImage.from_xy_array(np.array([[1.0, 2.0]]), shape=shape)
        images_out, kps_out = aug(images=[image, regular], keypoints=[kps, kps.deepcopy()])
        assert _same(images_out[0], image), f"{shape} next to a regular image changed"
        assert images_out[1].dtype == output_dtype(aug, regular.dtype), \
            "the regular image of the batch broke"
        assert _same_item(kps_out[0], kps), f"keypoints on an image of shape {shape} moved"


@_check
def check_replay(cls, kwargs, max_examples):
    def test(image):
        aug = _build(cls, kwargs, 4)
        out, params = aug(image=image, return_params=True)
        assert _same(aug.replay(params, image=image), out), "replay differs"
    _run(max_examples, _rgb_images(cls), test)


@_check
def check_replay_in_worker(cls, kwargs, max_examples):
    """Params cross a process boundary (pickled, as to a Pool worker) and still replay."""
    def test(image):
        aug = _build(cls, kwargs, 8)
        out, params = aug(images=[image, image], return_params=True)
        worker_aug, worker_params = pickle.loads(pickle.dumps((aug, params)))
        replayed = worker_aug.replay(worker_params, images=[image, image])
        assert _same(replayed, out), "replay with pickled params in a copy differs"
    _run(max_examples, _rgb_images(cls), test)


@_check
def check_pickle(cls, kwargs, max_examples):
    def test(image):
        aug = _build(cls, kwargs, 5)
        copy = pickle.loads(pickle.dumps(aug))
        assert _same(copy(image=image), aug(image=image)), "pickled copy differs"
    _run(max_examples, _rgb_images(cls), test)


@_check
def check_serialization(cls, kwargs, max_examples):
    try:
        from augkit.serialization import from_dict
    except ImportError:
        return
    aug = _build(cls, kwargs, 6)
    restored = from_dict(aug.to_dict())
    image = _fill(_Draw(7), (16, 20, 3), _dtypes(cls)[0])
    assert _same(restored(image=image), _build(cls, kwargs, 6)(image=image)), \
        "from_dict(to_dict()) gives different output"


@_check
def check_bad_arguments(cls, kwargs, max_examples):
    try:
        cls(**kwargs, not_an_argument_of_any_augmenter=1)
    except TypeError:
        return
    raise AssertionError("an unknown keyword argument was accepted silently")
