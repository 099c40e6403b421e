"""A third-party family built from the extension surface alone.

Everything below imports only ``augkit``, ``augkit.parameters``, ``augkit.testing`` and
``augkit.extend`` — what a plugin author has. The family has a pixel augmenter, a
geometric augmenter, a meta-augmenter and a view augmenter; it is registered through
the hooks like any plugin and held to the conformance kit.
"""

from __future__ import annotations

import re
import types
from typing import Any

import numpy as np
import pytest

import augkit
from augkit import parameters as iap
from augkit.extend import (
    GeometricAugmenter,
    InputError,
    MetaAugmenter,
    ParameterError,
    ParameterTypeError,
    PixelAugmenter,
    ViewAugmenter,
    as_augmenter_list,
    draw,
    handle_choice_param,
    run_cv2,
    saturate,
)
from augkit.testing import check_augmenter

# ---------------------------------------------------------------------------- the family


class _FooBase(PixelAugmenter):
    """Shared base: the family's parameter blocks live here once."""

    doc_blocks = {
        "amount": """
            amount : number or tuple or list or StochasticParameter
                How much to change, drawn per image.""",
    }


class Brighten(_FooBase):
    """Add *amount* to every pixel, saturating.

    Parameters
    ----------
    <amount>

    <supported data>

    Examples
    --------
    >>> import numpy as np
    >>> Brighten(10)(image=np.full((1, 1), 250, np.uint8)).tolist()
    [[255]]
    """

    supported_dtypes = frozenset({"uint8", "float32"})
    examples = ({"amount": (0, 20)},)

    def __init__(self, amount: Any = 10, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.amount = iap.handle_continuous_param(amount, "amount")

    def sample(self, rows, rng):
        return draw(self.amount, rows.nb_rows, rng, dtype=np.float64)

    def apply_to_images(self, images, params):
        out = []
        for image, amount in zip(images, params):
            scale = 1.0 if image.dtype.kind == "f" else 255.0
            out.append(saturate(image.astype(np.float64) + amount / 255.0 * scale
                                if image.dtype.kind == "f" else image + amount, image.dtype))
        return out


class MirrorX(GeometricAugmenter):
    """Mirror images and everything on them left to right, per image with probability *p*.

    <supported data>
    """

    examples = ({"p": 0.5},)

    def __init__(self, p: Any = 0.5, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.p = iap.handle_probability_param(p, "p")

    def sample(self, rows, rng):
        return draw(self.p, rows.nb_rows, rng) > 0.5

    def apply_to_images(self, images, params):
        return [np.ascontiguousarray(im[:, ::-1]) if flip else im.copy()
                for im, flip in zip(images, params)]

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        return self.apply_to_images(arrays, params)

    def apply_to_keypoints(self, xys, params, *, shapes):
        out = []
        for xy, flip, shape in zip(xys, params, shapes):
            xy = xy.copy()
            if flip:
                xy[:, 0] = shape[1] - xy[:, 0]
            out.append(xy)
        return out


class Twice(MetaAugmenter):
    """Run the children twice in a row.

    Supported data: every kind its children support.
    """

    examples = ({"children": None},)

    def __init__(self, children: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)  # children are set afterwards: seeding does not care
        self.children = as_augmenter_list(children, "children")

    def get_children_lists(self):
        return [self.children]

    def apply_to_rows(self, rows, ctx, params):
        first, second = params if params is not None else (None, None)
        rows, first = self.run_children(rows, ctx, first)
        rows, second = self.run_children(rows, ctx, second)
        return rows, (first, second)


class OnNegative(ViewAugmenter):
    """Run children on the negative of uint8 images.

    Supported data: every kind its children support (image dtypes: uint8).
    """

    supported_dtypes = frozenset({"uint8"})
    image_channels = (1, 3)
    examples = ({"children": None},)

    def __init__(self, children: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.children = as_augmenter_list(children, "children")

    def image_to_view(self, image, index, view_params):
        return 255 - image

    def image_from_view(self, original, view, index, view_params):
        return 255 - view


FAMILY = (Brighten, MirrorX, Twice, OnNegative)


@pytest.fixture
def foo_plugin():
    """The family registered in-process, as its entry point would register it."""
    from augkit.registry import registry

    module = types.ModuleType("augkit_foo_plugin")

    @augkit.hookimpl
    def augkit_augmenters():
        return list(FAMILY)

    module.augkit_augmenters = augkit_augmenters
    name = registry.register(module, "foo")
    yield name
    registry.unregister(name)


# ---------------------------------------------------------------------------- tests


def test_family_is_found_by_name_and_in_the_iaa_namespace(foo_plugin):
    from augkit import augmenters as iaa

    assert augkit.get("Brighten", amount=5).name == "Brighten"
    assert iaa.OnNegative is OnNegative
    assert augkit.names()["Twice"] == "foo"
    assert augkit.get("foo:Twice") is not None


@pytest.mark.parametrize("cls", FAMILY, ids=lambda c: c.__name__)
def test_family_passes_the_conformance_kit(cls, foo_plugin):
    check_augmenter(cls, max_examples=4)


def test_doc_blocks_and_supported_data_are_generated_from_class_attributes():
    assert "\n    amount : number or tuple or list or StochasticParameter\n" \
        "        How much to change, drawn per image.\n" in Brighten.__doc__
    for cls in (Brighten, MirrorX):
        assert cls.supported_data() in re.sub(r"\s+", " ", cls.__doc__)
    assert "(image dtypes: float32, uint8)" in re.sub(r"\s+", " ", Brighten.__doc__)


def test_unknown_doc_block_is_an_error_at_class_definition():
    with pytest.raises(TypeError, match="<nothing here>"):
        class Broken(_FooBase):
            """Docs.

            <nothing here>
            """


def test_meta_augmenter_children_follow_its_seed_whatever_the_init_order():
    image = np.zeros((4, 4), np.uint8)
    a = Twice(Brighten((0, 100)), seed=3)(images=[image] * 4)
    b = Twice(Brighten((0, 100), seed=99), seed=3)(images=[image] * 4)
    assert [x.tolist() for x in a] == [x.tolist() for x in b]


def test_meta_augmenter_runs_children_twice_and_replays():
    aug = Twice(Brighten((0, 50)), seed=1)
    image = np.zeros((2, 2), np.uint8)
    out, params = aug(image=image, return_params=True)
    assert out[0, 0] == int(round(params[0][0][0])) + int(round(params[1][0][0]))
    assert aug.replay(params, image=image).tolist() == out.tolist()


def test_view_augmenter_maps_children_through_the_view():
    aug = OnNegative(Brighten(10))
    assert aug(image=np.full((1, 1), 100, np.uint8)).tolist() == [[90]]


def test_view_augmenter_moves_other_kinds_through_its_children():
    aug = OnNegative(MirrorX(p=1.0))
    image = np.zeros((4, 10), np.uint8)
    _, kps = aug(image=image, keypoints=np.array([[1.0, 2.0]], np.float32))
    assert kps.tolist() == [[9.0, 2.0]]


def test_view_augmenter_refuses_children_that_change_the_size():
    class Shrink(PixelAugmenter):
        def apply_to_images(self, images, params):
            return [im[:1] for im in images]

    with pytest.raises(InputError, match="OnNegative: children changed the image size"):
        OnNegative(Shrink())(image=np.zeros((3, 3), np.uint8))


def test_declared_channels_and_dtypes_are_checked_by_the_base():
    with pytest.raises(InputError, match=r"OnNegative: .* 4 channels; accepted channel "
                                         r"counts: 1, 3"):
        OnNegative()(image=np.zeros((2, 2, 4), np.uint8))
    with pytest.raises(augkit.UnsupportedDtypeError, match="OnNegative: images of dtype "
                                                           "float32"):
        OnNegative()(image=np.zeros((2, 2, 3), np.float32))

    class NeedsFour(PixelAugmenter):
        min_image_side = 4

        def apply_to_images(self, images, params):
            return [im.copy() for im in images]

    with pytest.raises(InputError, match="height and width must be at least 4"):
        NeedsFour()(image=np.zeros((3, 8), np.uint8))
    with pytest.raises(InputError, match="at least 4"):
        NeedsFour()(images=[np.zeros((8, 8), np.uint8), np.zeros((8, 3), np.uint8)])


# ---------------------------------------------------------------------------- helpers


def test_choice_param_forms():
    options = ["constant", "edge"]
    assert handle_choice_param("edge", "mode", options).value == "edge"
    assert handle_choice_param(["edge", "constant"], "mode", options).a == ["edge", "constant"]
    assert handle_choice_param(augkit.ALL, "mode", options).a == options
    assert handle_choice_param(augkit.ALL, "mode", options, all_options=["edge"]).a == ["edge"]
    given = iap.Choice(["edge"])
    assert handle_choice_param(given, "mode", options) is given
    assert handle_choice_param("edge", "mode", options, stochastic=False) == "edge"


@pytest.mark.parametrize("value, error", [
    ("wrap", ParameterError), ([], ParameterError), (["edge", "x"], ParameterError),
    (1.5, ParameterTypeError), (None, ParameterTypeError),
])
def test_choice_param_errors_name_the_argument_and_the_options(value, error):
    with pytest.raises(error, match=r"mode: expected one of \{'constant', 'edge'\}"):
        handle_choice_param(value, "mode", ["constant", "edge"])


def test_draw_shapes_and_constants():
    rng = np.random.default_rng(0)
    assert draw(iap.Deterministic(3), (2, 2), rng).tolist() == [[3, 3], [3, 3]]
    values = draw(iap.Uniform(0, 1), 5, rng, dtype=np.float32)
    assert values.shape == (5,) and values.dtype == np.float32


@pytest.mark.parametrize("dtype, values, expected", [
    ("int8", [-128, 0, 127], [-43, 0, 42]),
    ("int32", [0, 3, 100], [2, 34, 35]),
    ("uint32", [0, 3, 100], [2, 34, 35]),
    ("float16", [0.0, 0.5, 1.0], [1 / 3, 0.5, 2 / 3]),
    ("bool", [False, True, False], [True, False, True]),
    ("uint8", [0, 3, 100], [2, 34, 35]),
])
def test_run_cv2_gives_every_dtype_back_exactly(dtype, values, expected):
    import cv2

    image = np.array([values], dtype=dtype)[:, :, None]
    out = run_cv2(image, lambda a: cv2.blur(a, (3, 1), borderType=cv2.BORDER_REFLECT_101))
    assert out.dtype == np.dtype(dtype) and out.shape == image.shape
    np.testing.assert_allclose(out[0, :, 0].astype(np.float64),
                               np.asarray(expected, dtype=np.float64), atol=1e-3)


def test_run_cv2_splits_channel_counts_opencv_refuses():
    import cv2

    image = np.arange(6 * 200, dtype=np.uint8).reshape(1, 6, 200)
    out = run_cv2(image, lambda a: cv2.flip(a, 1))
    assert np.array_equal(out, image[:, ::-1])
