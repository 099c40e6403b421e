"""imgaug's ``imgaug.imgaug`` helpers on ``augkit`` (``import augkit as ia``)."""

from __future__ import annotations

import inspect
import warnings

import numpy as np
import pytest

import augkit as ia
from augkit.augmentables import BoundingBox, BoundingBoxesOnImage
from augkit.errors import InputError, ParameterError, ParameterTypeError


@pytest.mark.parametrize(("func", "yes", "no"), [
    (ia.is_np_array, [np.zeros(1), np.array(1)], [1, [1], np.float32(1)]),
    (ia.is_np_scalar, [np.uint8(1), np.float64(1)], [1, np.zeros(1)]),
    (ia.is_single_integer, [1, np.int64(1), np.uint8(0)], [True, 1.0, "1", np.zeros(1, int)]),
    (ia.is_single_float, [1.5, np.float32(1), 1e9], [1, True, "1.0", np.zeros(1)]),
    (ia.is_single_number, [1, 2.5, np.int8(1)], [False, "1", None]),
    (ia.is_single_bool, [True, False], [1, np.bool_(True), None]),
    (ia.is_iterable, [[], (), "ab", np.zeros(2), {}], [1, None]),
    (ia.is_string, ["a", ""], [b"a", 1]),
    (ia.is_integer_array, [np.zeros(1, np.int8), np.zeros(1, np.uint64)],
     [np.zeros(1), np.zeros(1, bool), 1]),
    (ia.is_float_array, [np.zeros(1, np.float16), np.zeros(1)], [np.zeros(1, int), 1.0]),
    (ia.is_callable, [len, lambda: 1, ia.RNG if hasattr(ia, "RNG") else print], [1, "f"]),
    (ia.is_generator, [(x for x in [])], [[], range(2), iter([])]),
])
def test_predicates(func, yes, no):
    assert all(func(v) for v in yes)
    assert not any(func(v) for v in no)


def test_flatten_and_caller_name_and_do_assert():
    assert list(ia.flatten([1, [2, [3, (4, "ab")]], np.int8(5)])) == [1, 2, 3, 4, "ab", 5]
    assert list(ia.flatten(7)) == [7]

    def some_function():
        return ia.caller_name()

    assert some_function() == "some_function"
    ia.do_assert(True)
    with pytest.raises(AssertionError, match="^boom$"):
        ia.do_assert(0, "boom")


def _old_function():
    ia.warn_deprecated("old call")  # stacklevel 2: points at the caller of this function


def test_warn_deprecated_is_visible_by_default_and_points_at_the_caller():
    with warnings.catch_warnings(record=True) as caught:
        warnings.resetwarnings()  # Python's defaults: DeprecationWarning hidden here
        _old_function()
    assert [w.category for w in caught] == [ia.DeprecationWarning]
    assert caught[0].filename == __file__
    assert caught[0].lineno == inspect.currentframe().f_lineno - 3
    assert not issubclass(ia.DeprecationWarning, DeprecationWarning)
    with pytest.warns(UserWarning, match="hey"):
        ia.warn("hey")


def test_current_and_new_random_state():
    import augkit.random as iarandom

    with pytest.warns(ia.DeprecationWarning):
        assert ia.current_random_state() is iarandom.get_global_rng()
    with pytest.warns(ia.DeprecationWarning):
        assert ia.new_random_state(3).equals(iarandom.RNG(3))
    with pytest.warns(ia.DeprecationWarning):
        assert not ia.new_random_state(fully_random=True).is_global_rng()
    iarandom.seed(2)
    with pytest.warns(ia.DeprecationWarning):
        first = ia.new_random_state().integers(0, 10**6)
    iarandom.seed(2)
    with pytest.warns(ia.DeprecationWarning):
        assert ia.new_random_state().integers(0, 10**6) == first


def test_apply_lut_shared_and_channelwise_tables():
    image = np.array([[[0, 1, 2], [3, 4, 5]]], dtype=np.uint8)
    inverted = (255 - np.arange(256)).astype(np.uint8)
    out = ia.apply_lut(image, inverted)
    assert out.tolist() == [[[255, 254, 253], [252, 251, 250]]]
    assert out is not image and image[0, 0, 0] == 0
    per_channel = np.stack([np.arange(256, dtype=np.uint8), inverted,
                            np.full(256, 7, np.uint8)], axis=-1)  # (256, C)
    expected = [[[0, 254, 7], [3, 251, 7]]]
    assert ia.apply_lut(image, per_channel).tolist() == expected
    assert ia.apply_lut(image, per_channel[np.newaxis]).tolist() == expected
    assert ia.apply_lut(image, list(per_channel.T)).tolist() == expected
    gray = np.array([[9, 10]], dtype=np.uint8)
    assert ia.apply_lut(gray, inverted).tolist() == [[246, 245]]
    assert ia.apply_lut(np.zeros((0, 3, 3), np.uint8), per_channel).shape == (0, 3, 3)


def test_apply_lut_in_place():
    image = np.array([[1, 2]], dtype=np.uint8)
    assert ia.apply_lut_(image, (np.arange(256) * 2 % 256).astype(np.uint8)) is image
    assert image.tolist() == [[2, 4]]


def test_apply_lut_errors_name_the_argument():
    image = np.zeros((2, 2, 3), np.uint8)
    with pytest.raises(InputError, match="table: expected dtype uint8"):
        ia.apply_lut(image, np.arange(256))
    with pytest.raises(InputError, match=r"table: expected shape \(256,\), \(256, 3\)"):
        ia.apply_lut(image, np.zeros((256, 2), np.uint8))
    with pytest.raises(InputError, match="table: a list needs one"):
        ia.apply_lut(image, [np.zeros(256, np.uint8)])
    with pytest.raises(InputError, match="image: apply_lut needs dtype uint8"):
        ia.apply_lut(image.astype(np.float32), np.zeros(256, np.uint8))


def test_draw_text():
    image = np.zeros((40, 80, 3), np.uint8)
    out = ia.draw_text(image, y=5, x=10, text="AB", color=(255, 0, 0), size=20)
    assert out is not image and not image.any()
    red = out[..., 0] > 0
    assert red.any() and not out[..., 1:].any()
    ys, xs = np.nonzero(red)
    assert xs.min() >= 10 and ys.min() >= 5
    float_out = ia.draw_text(image.astype(np.float32), 5, 10, "AB")
    assert float_out.dtype == np.float32 and float_out[..., 1].max() == 255.0
    with pytest.raises(InputError, match="img"):
        ia.draw_text(image.astype(np.int16), 0, 0, "x")


def test_compute_line_intersection_point():
    assert ia.compute_line_intersection_point(0, 0, 2, 2, 0, 2, 2, 0) == (1.0, 1.0)
    # lines, not segments: the crossing lies beyond both point pairs
    assert ia.compute_line_intersection_point(0, 0, 1, 0, 5, 1, 5, 2) == (5.0, 0.0)
    assert ia.compute_line_intersection_point(0, 0, 1, 1, 0, 1, 1, 2) is False


def test_paddings_helpers():
    with pytest.warns(ia.DeprecationWarning):
        assert ia.compute_paddings_for_aspect_ratio(np.zeros((2, 4)), 1.0) == (1, 0, 1, 0)
    with pytest.warns(ia.DeprecationWarning):
        assert ia.compute_paddings_for_aspect_ratio((4, 1), 2.0) == (0, 4, 0, 3)
    assert ia.compute_paddings_to_reach_multiples_of(np.zeros((5, 8)), 4, 3) == (1, 1, 2, 0)
    padded, amounts = ia.pad_to_multiples_of(np.ones((3, 5), np.uint8), 2, 4, cval=7,
                                             return_pad_amounts=True)
    assert padded.shape == (4, 8) and amounts == (0, 2, 1, 1)
    assert padded[3].tolist() == [7] * 8


def test_quokka_is_the_astronaut_sample():
    from augkit.data import sample

    image = ia.quokka()
    assert image.dtype == np.uint8 and (image == sample().image).all()
    assert ia.quokka(size=(64, 32)).shape == (64, 32, 3)
    assert ia.quokka(size=0.5).shape == (128, 128, 3)
    assert ia.quokka(size=100).shape == (100, 100, 3)
    assert ia.quokka(size=(None, 0.25)).shape == (256, 64, 3)
    assert (ia.quokka(extract=(10, 20, 50, 40)) == image[20:40, 10:50]).all()
    assert ia.quokka_square(size=(16, 16)).shape == (16, 16, 3)


def test_quokka_extract_forms():
    image = ia.quokka()
    box = BoundingBox(x1=100, y1=40, x2=200, y2=140)
    assert (ia.quokka(extract=box) == image[40:140, 100:200]).all()
    bbsoi = BoundingBoxesOnImage([box], shape=(256, 256, 3))
    assert (ia.quokka(extract=bbsoi) == image[40:140, 100:200]).all()
    with pytest.raises(ParameterError, match="exactly one box"):
        ia.quokka(extract=BoundingBoxesOnImage([box, box], shape=(256, 256, 3)))
    with pytest.raises(ParameterError, match="sample's shape"):
        ia.quokka(extract=BoundingBoxesOnImage([box], shape=(10, 10, 3)))
    with pytest.raises(ParameterTypeError, match="extract"):
        ia.quokka(extract="circle")
    with pytest.raises(ParameterTypeError, match="size"):
        ia.quokka(size="big")


def test_quokka_keypoints_follow_extract_and_size():
    kps = ia.quokka_keypoints()
    assert [(k.x, k.y) for k in kps.keypoints] == [(101, 41), (123, 41), (112, 52), (112, 64)]
    assert kps.shape == (256, 256, 3)
    moved = ia.quokka_keypoints(extract=(100, 40, 200, 140), size=0.5)
    assert moved.shape == (50, 50, 3)
    assert [(k.x, k.y) for k in moved.keypoints][:2] == [(0.5, 0.5), (11.5, 0.5)]


def test_quokka_bounding_boxes_and_polygons():
    bbs = ia.quokka_bounding_boxes(size=(128, 512))
    face = bbs.bounding_boxes[0]
    assert bbs.shape == (128, 512, 3)
    assert (face.x1, face.y1, face.x2, face.y2) == (178, 9, 274, 40)
    assert [b.label for b in bbs.bounding_boxes] == ["face", "shuttle", "patch"]
    polys = ia.quokka_polygons(extract="square")
    assert polys.shape == (256, 256, 3) and len(polys.polygons) == 3
    shifted = ia.quokka_polygons(extract=(10, 20, 110, 120))
    assert np.allclose(shifted.polygons[0].exterior,
                       ia.quokka_polygons().polygons[0].exterior - [10, 20])


def test_quokka_heatmap_and_segmentation_map():
    heatmap = ia.quokka_heatmap()
    arr = heatmap.get_arr()
    assert heatmap.shape == (256, 256, 3) and arr.dtype == np.float32
    assert arr.shape[:2] == (256, 256) and 0.0 <= arr.min() and arr.max() <= 1.0
    assert np.unravel_index(np.argmax(arr[..., 0]), arr.shape[:2]) == (49, 111)
    small = ia.quokka_heatmap(size=(64, 32), extract=(0, 0, 128, 128))
    assert small.shape == (64, 32, 3) and small.get_arr().shape[:2] == (64, 32)
    segmap = ia.quokka_segmentation_map(size=0.25)
    assert segmap.shape == (64, 64, 3)
    assert sorted(np.unique(segmap.get_arr()).tolist()) == [0, 1, 2, 3]


def _params(func):
    return [(p.name, p.default) for p in inspect.signature(func).parameters.values()]


@pytest.mark.parametrize(("func", "expected"), [
    ("pool", [("arr", inspect.Parameter.empty), ("block_size", inspect.Parameter.empty),
              ("func", inspect.Parameter.empty), ("pad_mode", "constant"), ("pad_cval", 0),
              ("preserve_dtype", True), ("cval", None)]),
    ("avg_pool", [("arr", inspect.Parameter.empty), ("block_size", inspect.Parameter.empty),
                  ("pad_mode", "reflect"), ("pad_cval", 128), ("preserve_dtype", True),
                  ("cval", None)]),
    ("max_pool", [("arr", inspect.Parameter.empty), ("block_size", inspect.Parameter.empty),
                  ("pad_mode", "edge"), ("pad_cval", 0), ("preserve_dtype", True),
                  ("cval", None)]),
    ("min_pool", [("arr", inspect.Parameter.empty), ("block_size", inspect.Parameter.empty),
                  ("pad_mode", "edge"), ("pad_cval", 255), ("preserve_dtype", True)]),
    ("median_pool", [("arr", inspect.Parameter.empty), ("block_size", inspect.Parameter.empty),
                     ("pad_mode", "reflect"), ("pad_cval", 128), ("preserve_dtype", True)]),
    ("pad", [("arr", inspect.Parameter.empty), ("top", 0), ("right", 0), ("bottom", 0),
             ("left", 0), ("mode", "constant"), ("cval", 0)]),
    ("pad_to_aspect_ratio", [("arr", inspect.Parameter.empty),
                             ("aspect_ratio", inspect.Parameter.empty), ("mode", "constant"),
                             ("cval", 0), ("return_pad_amounts", False)]),
    ("pad_to_multiples_of", [("arr", inspect.Parameter.empty),
                             ("height_multiple", inspect.Parameter.empty),
                             ("width_multiple", inspect.Parameter.empty),
                             ("mode", "constant"), ("cval", 0),
                             ("return_pad_amounts", False)]),
    ("imresize_single_image", [("image", inspect.Parameter.empty),
                               ("sizes", inspect.Parameter.empty), ("interpolation", None)]),
    ("imresize_many_images", [("images", inspect.Parameter.empty), ("sizes", None),
                              ("interpolation", None)]),
    ("draw_grid", [("images", inspect.Parameter.empty), ("rows", None), ("cols", None)]),
    ("show_grid", [("images", inspect.Parameter.empty), ("rows", None), ("cols", None)]),
    ("seed", [("entropy", None), ("seedval", None)]),
])
def test_existing_helpers_keep_imgaugs_signatures(func, expected):
    assert _params(getattr(ia, func)) == expected


def test_imshow_takes_imgaugs_backend_argument(monkeypatch, tmp_path):
    params = _params(ia.imshow)
    assert params[:2] == [("image", inspect.Parameter.empty), ("backend", "matplotlib")]
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("augkit.draw._has_display", lambda: False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    with pytest.raises(ParameterError, match="backend"):
        ia.imshow(np.zeros((2, 2, 3), np.uint8), backend="tk")


def test_pool_cval_is_a_deprecated_alias_of_pad_cval():
    arr = np.array([[1, 2, 3]], dtype=np.uint8)
    with pytest.warns(ia.DeprecationWarning, match="pad_cval") as record:
        out = ia.max_pool(arr, (1, 2), pad_mode="constant", cval=9)
    assert record[0].filename == __file__
    assert out.tolist() == ia.max_pool(arr, (1, 2), pad_mode="constant", pad_cval=9).tolist()
    assert out.tolist() == [[2, 9]]


def test_imresize_many_images_sizes_defaults_to_none():
    images = np.zeros((2, 4, 4, 3), np.uint8)
    assert ia.imresize_many_images(images).shape == (2, 4, 4, 3)


def test_angle_between_vectors():
    assert ia.angle_between_vectors(np.float32([1, 0, 0]), np.float32([0, 1, 0])) == \
        pytest.approx(np.pi / 2)
    assert ia.angle_between_vectors([1, 0, 0], [1, 0, 0]) == 0.0
    assert ia.angle_between_vectors([1, 0, 0], [-1, 0, 0]) == pytest.approx(np.pi)
    assert ia.angle_between_vectors([0, 0], [1, 0]) == pytest.approx(np.pi / 2)


def test_deprecated_decorator():
    @ia.deprecated("new()", comment="It was slow")
    def old(x):
        """Double."""
        return 2 * x

    with pytest.warns(ia.DeprecationWarning,
                      match=r"^Function `old\(\)` is deprecated\. Use `new\(\)` instead\. "
                            r"It was slow\.$"):
        assert old(2) == 4
    assert old.__doc__.startswith("**Deprecated**.") and "Double." in old.__doc__

    @ia.deprecated(behavior="raise", removed_version="0.5")
    def gone():
        return 1

    with pytest.raises(ia.DeprecationWarning, match="not available anymore since version 0.5"):
        gone()


def test_deprecated_random_state_functions():
    import augkit.random as iarandom

    with pytest.warns(ia.DeprecationWarning, match="RNG"):
        assert ia.dummy_random_state().equals(iarandom.RNG(1))
    gen = iarandom.RNG(5).generator
    with pytest.warns(ia.DeprecationWarning):
        copy = ia.copy_random_state(gen)
    assert copy is not gen and iarandom.is_generator_equal_to(copy, gen)
    global_gen = iarandom.get_global_rng().generator
    with pytest.warns(ia.DeprecationWarning):
        assert ia.copy_random_state(global_gen) is global_gen
    with pytest.warns(ia.DeprecationWarning):
        assert ia.copy_random_state(global_gen, force_copy=True) is not global_gen
    with pytest.warns(ia.DeprecationWarning):
        child = ia.derive_random_state(iarandom.RNG(5))
    assert iarandom.is_generator_equal_to(child, iarandom.RNG(5).derive_rng_().generator)
    with pytest.warns(ia.DeprecationWarning):
        assert len(ia.derive_random_states(gen, n=2)) == 2
    twin = iarandom.copy_generator(gen)
    with pytest.warns(ia.DeprecationWarning):
        ia.forward_random_state(gen)
    assert not iarandom.is_generator_equal_to(gen, twin)
    with pytest.warns(ia.DeprecationWarning):
        assert iarandom.is_generator_equal_to(ia.normalize_random_state(3),
                                              iarandom.RNG(3).generator)


def test_star_import_does_not_shadow_pythons_deprecation_warning():
    namespace: dict = {}
    exec("from augkit import *", namespace)
    assert "quokka" in namespace and "DeprecationWarning" not in namespace
