"""Fusion in Sequential / SomeOf (augkit.fusion): fused runs agree with the unfused ones.

Lookup-table runs must be bit-exact. Plane runs agree within interpolation tolerance
(one resampling instead of several) on smooth images, and coordinates agree up to
float32 rounding (the unfused steps round to float32 after every step).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import augkit
from augkit import fusion
from augkit.augmenter import PixelAugmenter
from augkit.registry import registry

# Coordinates: a few float32 steps of rounding at image scale (256 px: ulp ~ 3e-5).
COORD_ATOL = 1e-4
COORD_RTOL = 1e-6


class _AddRowValue(PixelAugmenter):
    """A tiny lookup-table augmenter: adds one drawn integer per row (saturating)."""

    def sample(self, rows, rng):
        return rng.integers(-40, 41, size=rows.nb_rows).tolist()

    def apply_to_images(self, images, params):
        return [np.clip(image.astype(np.int16) + v, 0, 255).astype(np.uint8)
                for image, v in zip(images, params)]

    def lookup_tables(self, params, shapes):
        return [np.clip(np.arange(256) + v, 0, 255).astype(np.uint8) for v in params]


def _lut_augmenters() -> list[tuple[str, dict]]:
    """Registered augmenters that implement the lookup-table protocol (by protocol)."""
    found = []
    for name in sorted(registry.names(aliases=False)):
        if ":" in name:
            continue
        cls = registry.get_class(name)
        if callable(getattr(cls, "lookup_tables", None)) and "uint8" in cls.supported_dtypes:
            found.extend((name, dict(kwargs)) for kwargs in cls.examples)
    return found


LUT_AUGMENTERS = _lut_augmenters()


@pytest.fixture(autouse=True, scope="module")
def _fuse_small_images():
    """Fuse every size here (the size gates are tested on their own), so that the small
    test images exercise the fused paths."""
    saved = fusion.COPY_RUN_MIN_PIXELS, fusion.LUT_RUN_MIN_PIXELS
    fusion.COPY_RUN_MIN_PIXELS = fusion.LUT_RUN_MIN_PIXELS = 0
    yield
    fusion.COPY_RUN_MIN_PIXELS, fusion.LUT_RUN_MIN_PIXELS = saved


def _smooth_image(height: int = 96, width: int = 80, channels: int = 3) -> np.ndarray:
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    planes = [127 + 90 * np.sin(x / 17.0 + c) * np.cos(y / 23.0 - c) for c in range(channels)]
    return np.clip(np.stack(planes, axis=2), 0, 255).astype(np.uint8)


def _keypoints(height: int, width: int) -> np.ndarray:
    return np.array([[0.5, 0.5], [width / 3, height / 4], [width - 2.25, height - 1.5],
                     [width / 2, height / 2]], dtype=np.float32)


def _pair(children, **kwargs):
    """A fused and an unfused Sequential over the same children, seeded alike."""
    return (augkit.Sequential(children, seed=11, **kwargs),
            augkit.Sequential([c.deepcopy() for c in children], seed=11, fuse=False, **kwargs))


def _away_from_border(*markers: np.ndarray, radius: int = 3) -> np.ndarray:
    """Pixels at least *radius* pixels from any revealed border in each of *markers*:
    the outputs of the pipelines for a white image. The pipelines' Add and Multiply move
    every white pixel alike, so pixels below the brightest (blended with the fill, even
    by a fraction of a pixel) are border or its edge."""
    import cv2

    content = np.logical_and.reduce([(marker >= marker.max() - 2).all(axis=2)
                                     for marker in markers])
    kernel = np.ones((2 * radius + 1, 2 * radius + 1), np.uint8)
    return cv2.erode(content.astype(np.uint8), kernel,
                     borderType=cv2.BORDER_REPLICATE).astype(bool)


def _assert_close_images(fused: np.ndarray, plain: np.ndarray,
                         content: np.ndarray | None = None) -> None:
    """Fused and unfused images agree within interpolation tolerance: the median pixel
    within 3 levels and, on *content* (pixels away from revealed borders, whose edges
    are blended with the fill once instead of several times), 99 % within 16 (without
    *content*: 92 % of all pixels)."""
    assert fused.shape == plain.shape and fused.dtype == plain.dtype
    diff = np.abs(fused.astype(np.int32) - plain.astype(np.int32)).max(axis=2)
    assert np.median(diff) <= 3, np.median(diff)  # 3: five chained downscales to 8 %
    if content is None:  # borders unknown: allow for their edges everywhere
        assert np.mean(diff > 16) < 0.08, np.mean(diff > 16)
    else:
        inner = diff[content]
        assert inner.size == 0 or np.mean(inner > 16) < 0.01, np.mean(inner > 16)


# ---------------------------------------------------------------------- plane steps
_PLANE_STEPS = {
    "fliplr": lambda d: augkit.get("Fliplr", p=d(st.sampled_from([0.0, 0.5, 1.0]))),
    "flipud": lambda d: augkit.get("Flipud", p=d(st.sampled_from([0.0, 1.0]))),
    "affine": lambda d: augkit.get(
        "Affine", rotate=d(st.floats(-20, 20)), scale=d(st.floats(0.8, 1.25)),
        translate_px={"x": d(st.integers(-6, 6)), "y": d(st.integers(-6, 6))}),
    "rot90": lambda d: augkit.get("Rot90", k=d(st.integers(0, 3)),
                                  keep_size=d(st.booleans())),
    "perspective": lambda d: augkit.get("PerspectiveTransform",
                                        scale=d(st.floats(0.0, 0.08))),
    "resize": lambda d: augkit.get("Resize", size=d(st.floats(0.6, 1.4)),
                                   interpolation="linear"),
    "crop": lambda d: augkit.get("Crop", px=(0, d(st.integers(0, 8))), keep_size=False),
    "pad": lambda d: augkit.get("Pad", px=(0, d(st.integers(0, 8))), keep_size=False),
    "add": lambda d: augkit.get("Add", value=(-20, 20)),
    "multiply": lambda d: augkit.get("Multiply", mul=(0.8, 1.2)),
}


@st.composite
def _pipelines(draw):
    names = draw(st.lists(st.sampled_from(sorted(_PLANE_STEPS)), min_size=2, max_size=5))
    return [_PLANE_STEPS[name](draw) for name in names]


@settings(max_examples=max(60, settings().max_examples), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(children=_pipelines(), nb_rows=st.integers(1, 3), random_order=st.booleans())
def test_fused_pipelines_agree_with_unfused(children, nb_rows, random_order):
    fused, plain = _pair(children, random_order=random_order)
    image = _smooth_image()
    kps = _keypoints(*image.shape[:2])
    images_f, kps_f = fused(images=[image] * nb_rows, keypoints=[kps] * nb_rows)
    images_p, kps_p = plain(images=[image] * nb_rows, keypoints=[kps] * nb_rows)
    white = np.full_like(image, 255)
    fused, plain = _pair(children, random_order=random_order)  # the same draws again
    markers = zip(fused(images=[white] * nb_rows), plain(images=[white] * nb_rows))
    for a, b, (marker_f, marker_p) in zip(images_f, images_p, markers):
        _assert_close_images(a, b, _away_from_border(marker_f, marker_p))
    for a, b in zip(kps_f, kps_p):
        np.testing.assert_allclose(a, b, rtol=COORD_RTOL, atol=COORD_ATOL)
    (again, _), params = fused(images=[image] * nb_rows, keypoints=[kps] * nb_rows,
                               return_params=True)
    assert all(np.array_equal(a, b) for a, b in zip(
        fused.replay(params, images=[image] * nb_rows), again))


@settings(max_examples=max(40, settings().max_examples), deadline=None)
@given(picks=st.lists(st.integers(0, 10_000), min_size=2, max_size=5),
       channels=st.sampled_from([1, 3, 4]))
def test_lookup_table_runs_are_exact(picks, channels):
    menu = [(name, kwargs) for name, kwargs in LUT_AUGMENTERS] + [("tiny", {})]
    children = []
    for pick in picks:
        name, kwargs = menu[pick % len(menu)]
        children.append(_AddRowValue() if name == "tiny" else augkit.get(name, **kwargs))
    fused, plain = _pair(children)
    image = np.arange(256 * channels, dtype=np.uint8).reshape(16, 16, channels)
    batch = [image, image[::-1].copy()]
    out_f, params = fused(images=batch, return_params=True)
    out_p = plain(images=batch)
    assert all(np.array_equal(a, b) for a, b in zip(out_f, out_p))
    replayed = plain.replay(params, images=batch)  # fused params replay unfused
    assert all(np.array_equal(a, b) for a, b in zip(replayed, out_p))


def test_the_tiny_table_augmenter_fuses():
    seq = augkit.Sequential([_AddRowValue(), _AddRowValue()], seed=2)
    rows = fusion.Rows({}, [(4, 4, 1)])
    assert fusion._family_at(seq.children[0], rows) is None  # no images: nothing to fuse
    image = np.full((4, 4, 1), 250, np.uint8)
    out, ((_, (first, second))) = seq(image=image, return_params=True)
    assert out[0, 0, 0] == np.clip(np.clip(250 + first[0], 0, 255) + second[0], 0, 255)


def test_compose_tables_per_channel():
    add = np.clip(np.arange(256)[:, None] + np.array([10, -10]), 0, 255).astype(np.uint8)
    invert = (255 - np.arange(256)).astype(np.uint8)
    image = np.array([[[0, 100]]], np.uint8)
    composed = fusion.compose_tables(add, invert)
    assert fusion.apply_tables(image, composed).tolist() == [[[245, 165]]]
    both = fusion.compose_tables(add, add)
    assert fusion.apply_tables(image, both).tolist() == [[[20, 80]]]


def test_apply_tables_many_channels():
    image = np.arange(6 * 7, dtype=np.uint8).reshape(1, 6, 7)
    table = (255 - np.arange(256)[:, None] - np.arange(7)).clip(0, 255).astype(np.uint8)
    expected = np.stack([table[:, c][image[:, :, c]] for c in range(7)], axis=2)
    assert np.array_equal(fusion.apply_tables(image, table), expected)


# ---------------------------------------------------------------------- behaviour
def _chain():
    return [augkit.get("Affine", rotate=(-15, 15), scale=(0.9, 1.1)),
            augkit.get("PerspectiveTransform", scale=(0.02, 0.06)),
            augkit.get("Resize", size={"height": 64, "width": 64}, interpolation="linear")]


def _gradient_energy(image: np.ndarray) -> float:
    grey = image.astype(np.float64).mean(axis=2)
    return float(np.abs(np.diff(grey, axis=0)).mean() + np.abs(np.diff(grey, axis=1)).mean())


def test_fused_is_one_interpolation_and_sharper():
    rng = np.random.default_rng(0)
    image = rng.integers(0, 256, (64, 64, 3), dtype=np.uint8)  # texture: blur shows
    there = augkit.get("Affine", rotate=13.0, scale=1.05)
    back = augkit.get("Affine", rotate=-13.0, scale=1 / 1.05)
    fused, plain = _pair([there, back])
    out_f, out_p = fused(image=image), plain(image=image)
    assert _gradient_energy(out_f) > 1.3 * _gradient_energy(out_p)
    centre = (slice(16, 48), slice(16, 48))
    # rotating there and back at once is (almost) the identity: the pixels come back
    assert np.abs(out_f[centre].astype(int) - image[centre]).max() <= 1


def test_fused_replay_and_unfused_replay_of_fused_params():
    fused, plain = _pair(_chain())
    image = _smooth_image()
    kps = _keypoints(*image.shape[:2])
    (out, out_kps), params = fused(image=image, keypoints=kps, return_params=True)
    again, again_kps = fused.replay(params, image=image, keypoints=kps)
    assert np.array_equal(again, out) and np.array_equal(again_kps, out_kps)
    plain_out = plain(image=image)
    assert np.array_equal(plain.replay(params, image=image), plain_out)
    with pytest.raises(augkit.errors.ReplayError):
        fused.replay(params, image=np.zeros((40, 40, 3), np.uint8))


def test_fuse_false_is_recorded_and_serialised():
    seq = augkit.Sequential(_chain(), fuse=False)
    assert seq.get_arguments()["fuse"] is False
    assert augkit.from_dict(seq.to_dict()).fuse is False
    assert augkit.Sequential(_chain()).fuse is True
    assert augkit.SomeOf(2, _chain(), fuse=False).fuse is False


def test_hooks_see_every_child_unfused():
    from augkit.hooks import HooksImages

    seen = []

    def activator(images, augmenter, parents, default):
        seen.append(augmenter.name)
        return default

    fused, plain = _pair(_chain())
    image = _smooth_image()
    out = fused.augment_image(image, hooks=HooksImages(activator=activator))
    assert np.array_equal(out, plain(image=image))
    assert {"Affine", "PerspectiveTransform", "Resize"} <= set(seen)


def test_cut_off_strip_is_filled_like_unfused():
    right = augkit.get("Affine", translate_px={"x": 10}, cval=200)
    left = augkit.get("Affine", translate_px={"x": -10}, cval=200)
    fused, plain = _pair([right, left])
    image = _smooth_image(32, 40)
    out_f, out_p = fused(image=image), plain(image=image)
    assert np.array_equal(out_f[:, -10:], out_p[:, -10:])  # cut off by the first frame
    assert (out_f[:, -9:] == 200).all()
    assert np.array_equal(out_f[:, :-11], image[:, :-11])


def test_different_fills_and_edge_modes_are_not_fused():
    image = _smooth_image(32, 40)
    for children in ([augkit.get("Affine", rotate=10, cval=0),
                      augkit.get("Affine", rotate=-10, cval=255)],
                     [augkit.get("Affine", rotate=10, mode="edge"),
                      augkit.get("Affine", translate_px=5, mode="reflect")],
                     [augkit.get("Affine", rotate=10, order=0),
                      augkit.get("Affine", rotate=-10, order=1)],
                     [augkit.get("Affine", rotate=10),
                      augkit.get("Crop", px=3, keep_size=True)]):
        fused, plain = _pair(children)
        assert np.array_equal(fused(image=image), plain(image=image))


def test_bounding_boxes_after_two_rotations_are_exact():
    image = _smooth_image(48, 64)
    boxes = np.array([[5.0, 6.0, 30.0, 20.0], [20.5, 10.0, 50.0, 40.25]])
    fused, plain = _pair([augkit.get("Affine", rotate=20), augkit.get("Affine", rotate=-35)])
    (_, boxes_f), (_, boxes_p) = (fused(image=image, bounding_boxes=boxes),
                                  plain(image=image, bounding_boxes=boxes))
    np.testing.assert_allclose(boxes_f, boxes_p, rtol=COORD_RTOL, atol=COORD_ATOL)
    fused, plain = _pair([augkit.get("Fliplr", p=1.0), augkit.get("Affine", rotate=20),
                          augkit.get("Resize", size=0.5, interpolation="linear")])
    (_, boxes_f), (_, boxes_p) = (fused(image=image, bounding_boxes=boxes),
                                  plain(image=image, bounding_boxes=boxes))
    np.testing.assert_allclose(boxes_f, boxes_p, rtol=COORD_RTOL, atol=COORD_ATOL)


def test_maps_follow_the_fused_warp():
    image = _smooth_image(48, 64)
    segmap = np.zeros((48, 64, 1), np.int32)
    segmap[10:30, 20:50] = 3
    heat = np.linspace(0, 1, 48 * 64, dtype=np.float32).reshape(48, 64, 1)
    fused, plain = _pair([augkit.get("Fliplr", p=1.0), augkit.get("Affine", rotate=12),
                          augkit.get("Resize", size=0.75, interpolation="linear")])
    out_f = fused(image=image, segmentation_maps=segmap, heatmaps=heat)
    out_p = plain(image=image, segmentation_maps=segmap, heatmaps=heat)
    seg_f, seg_p = out_f[1], out_p[1]
    assert seg_f.shape == seg_p.shape
    assert np.mean(seg_f != seg_p) < 0.03
    heat_f, heat_p = out_f[2], out_p[2]
    diff = np.abs(heat_f - heat_p)
    assert np.median(diff) < 0.01 and np.mean(diff > 0.06) < 0.08  # edges blend once


def test_zero_size_rows_pass_through():
    fused, plain = _pair(_chain())
    images = [np.zeros((0, 4, 3), np.uint8), _smooth_image()]
    (out_f, params), out_p = fused(images=images, return_params=True), plain(images=images)
    assert out_f[0].shape == (0, 4, 3)
    _assert_close_images(out_f[1], out_p[1])  # the sized rows are split off, then fused
    assert np.array_equal(plain.replay(params, images=images)[1], out_p[1])


def test_someof_fuses_children_chosen_together_oneof_runs_one():
    image = _smooth_image()
    kps = _keypoints(*image.shape[:2])
    for make in (lambda fuse: augkit.SomeOf(None, _chain(), seed=4, fuse=fuse),
                 lambda fuse: augkit.SomeOf((1, 3), _chain(), seed=4, fuse=fuse),
                 lambda fuse: augkit.OneOf(_chain(), seed=4, fuse=fuse)):
        fused, plain = make(True), make(False)
        for _ in range(3):
            (imgs_f, kps_f), params = fused(images=[image] * 3, keypoints=[kps] * 3,
                                            return_params=True)
            imgs_p, kps_p = plain(images=[image] * 3, keypoints=[kps] * 3)
            for a, b in zip(imgs_f, imgs_p):
                _assert_close_images(a, b)
            for a, b in zip(kps_f, kps_p):
                np.testing.assert_allclose(a, b, rtol=COORD_RTOL, atol=COORD_ATOL)
            replayed = plain.replay(params, images=[image] * 3)
            assert all(np.array_equal(a, b) for a, b in zip(replayed, imgs_p))


def test_plan_row_refuses_mixed_orders_and_accepts_lossless():
    eye = np.eye(3)
    lossless = fusion.PlaneStep(eye, (4, 4), None, "constant", np.zeros(1), True, "cv2",
                                reveals=False, exact=True)
    linear = fusion.PlaneStep(np.diag([2.0, 2.0, 1.0]), (8, 8), 1, "edge", np.zeros(1),
                              False, "cv2")
    cubic = linear._replace(order=3)
    assert fusion.plan_row([lossless, linear], (4, 4)).order == 1
    assert fusion.plan_row([linear, cubic._replace(matrix=eye, size=(8, 8))], (4, 4)) is None


def test_small_images_skip_runs_that_save_only_copies(monkeypatch):
    monkeypatch.setattr(fusion, "COPY_RUN_MIN_PIXELS", 100 * 100)
    monkeypatch.setattr(fusion, "LUT_RUN_MIN_PIXELS", 100 * 100)
    small, large = _smooth_image(32, 32), _smooth_image(128, 128)
    fused, plain = _pair([augkit.get("Fliplr", p=1.0), augkit.get("Affine", rotate=7)])
    assert np.array_equal(fused(image=small), plain(image=small))  # not fused: exact
    out_f, out_p = fused(image=large), plain(image=large)
    assert not np.array_equal(out_f, out_p)  # fused: rounding of one warp differs
    _assert_close_images(out_f, out_p)
    fused, plain = _pair([augkit.get("Affine", rotate=7), augkit.get("Affine", rotate=-7)])
    assert not np.array_equal(fused(image=small), plain(image=small))  # two warps: fused


def test_resizes_that_read_past_an_earlier_crop_or_pad_run_unfused():
    """Run alone, a resize replicates its input's edge; one warp would instead blend the
    outermost pixels with what a crop removed or a pad filled, so those runs split."""
    image = _smooth_image()
    for first in (augkit.get("Pad", px=(0, 0, 2, 0), keep_size=False),
                  augkit.get("Crop", px=(3, 0, 0, 0), keep_size=False)):
        children = [first, augkit.get("Resize", size=1.25, interpolation="linear")]
        fused, plain = _pair(children)
        assert np.array_equal(fused(image=image), plain(image=image)), first
    eye = np.eye(3)
    flip = fusion.PlaneStep(np.array([[-1.0, 0, 4], [0, 1, 0], [0, 0, 1]]), (4, 4), None,
                            "constant", np.zeros(1), True, "cv2", reveals=False, exact=True)
    enlarge = fusion.PlaneStep(np.diag([2.0, 2.0, 1.0]), (8, 8), 1, "edge", np.zeros(1),
                               False, "cv2", reveals=False, exact=True)
    pad = fusion.PlaneStep(eye, (5, 4), None, "constant", np.zeros(1), True, "cv2",
                           reveals=True)
    assert fusion.plan_row([flip, enlarge], (4, 4)).mode == "edge"  # edges replicated alike
    assert fusion.plan_row([pad, enlarge._replace(size=(10, 8))], (4, 4)) is None


def test_the_planners_3x3_inverse_is_numpys_and_none_when_singular():
    from augkit.fusion import _inverse

    rng = np.random.default_rng(0)
    for _ in range(200):
        matrix = rng.normal(size=(3, 3))
        assert np.allclose(_inverse(matrix), np.linalg.inv(matrix), rtol=1e-9, atol=1e-12)
    assert _inverse(np.diag([2.0, 0.0, 1.0])) is None
    assert _inverse(np.full((3, 3), np.nan)) is None
