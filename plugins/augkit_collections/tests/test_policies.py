"""augkit-collections: RandAugment (imgaug's), TrivialAugmentWide, AutoAugment and AugMix."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_collections import _ops
from augkit_collections._policies import POLICIES
from augkit_collections.autoaugment import _operation

import augkit
from augkit import augmenters as iaa
from augkit import parameters as iap
from augkit.testing import check_augmenter


def _image(seed=0, shape=(40, 48, 3)):
    return np.random.default_rng(seed).integers(0, 256, shape, dtype=np.uint8)


def test_the_module_and_the_registry_know_the_four_policies():
    assert iaa.collections.RandAugment is iaa.RandAugment
    assert set(iaa.collections.__all__) == {"RandAugment", "TrivialAugmentWide",
                                            "AutoAugment", "AugMix"}
    assert type(augkit.get("AugMix")).__name__ == "AugMix"


def test_randaugment_has_imgaugs_operations_in_imgaugs_order():
    aug = iaa.RandAugment()
    main = aug.children[1].children
    names = [type(op).__name__ for op in main]
    assert names == ["Identity", "Autocontrast", "Equalize", "Invert", "Affine", "Posterize",
                     "Solarize", "EnhanceColor", "EnhanceContrast", "EnhanceBrightness",
                     "EnhanceSharpness", "Affine", "Affine", "Affine", "Affine", "Cutout",
                     "FilterBlur", "FilterSmooth"]
    assert all(type(op).__module__.startswith(("augkit_pillike", "augkit.", "augkit_arithmetic"))
               for op in main)
    assert [type(op).__name__ for op in aug.children[0].children] == ["Fliplr",
                                                                      "KeepSizeByResize"]


def test_randaugment_get_parameters_is_imgaugs_n_m_cval():
    n, m, cval = iaa.RandAugment(n=3, m=9, cval=7).get_parameters()
    assert (n.value, m.value, cval) == (3, 9, 7)


def test_randaugment_with_no_operation_and_no_magnitude_only_mirrors():
    image = _image()
    aug = iaa.RandAugment(n=0, m=0, seed=3)
    outs = [aug(image=image) for _ in range(12)]
    assert all(np.array_equal(o, image) or np.array_equal(o, image[:, ::-1]) for o in outs)
    assert any(np.array_equal(o, image) for o in outs)
    assert any(np.array_equal(o, image[:, ::-1]) for o in outs)


def test_randaugment_magnitudes_follow_imgaug():
    ops = iaa.RandAugment(m=15).children[1].children
    posterize, solarize, rotate = ops[5], ops[6], ops[4]
    rng = np.random.default_rng(0)
    # 8 - int(15 * 6 / 30) bits; threshold 256 - int(15 * 256 / 30)
    assert set(iap.draw(posterize.nb_bits, 20, rng).tolist()) == {5}
    assert set(iap.draw(solarize.threshold, 20, rng).tolist()) == {128}
    assert set(np.round(iap.draw(rotate.rotate, 50, rng), 6).tolist()) == {-15.0, 15.0}


def test_policies_are_reproducible_with_a_seed_and_differ_by_key():
    image = _image(1)
    for cls in (iaa.RandAugment, iaa.TrivialAugmentWide, iaa.AutoAugment, iaa.AugMix):
        a, b = cls(seed=5), cls(seed=5)
        assert np.array_equal(a(image=image), b(image=image))
        keyed = [a(image=image, key=(0, i)) for i in range(6)]
        assert len({o.tobytes() for o in keyed}) > 1, cls.__name__


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_autoaugment_policies_have_25_two_step_sub_policies(policy):
    assert len(POLICIES[policy]) == 25
    assert all(len(sub) == 2 for sub in POLICIES[policy])
    aug = iaa.AutoAugment(policy=policy)
    assert len(aug.children) == 25
    assert all(len(seq.children) == 2 for seq in aug.children)


def test_autoaugment_levels_map_to_the_papers_ranges():
    rng = np.random.default_rng(0)
    assert _operation("Posterize", 8, 0).nb_bits.value == 8 - 3
    assert _operation("Solarize", 5, 0).threshold.value == 128
    rotate = _operation("Rotate", 9, 0)
    assert set(np.round(iap.draw(rotate.rotate, 40, rng), 6).tolist()) == {-27.0, 27.0}
    color = _operation("Color", 10, 0)
    assert color.factor.value == pytest.approx(1.9)
    shear = _operation("ShearX", 10, 0)
    shear_x, shear_y = shear.shear
    assert set(np.round(np.abs(iap.draw(shear_x, 10, rng)), 4).tolist()) == {
        round(_ops.shear_degrees(0.3), 4)}
    assert shear_y.value == 0.0


def test_an_unknown_policy_is_a_parameter_error_naming_it():
    with pytest.raises(augkit.ParameterError, match="policy"):
        iaa.AutoAugment(policy="mnist")


@pytest.mark.parametrize("build", [
    lambda: _ops.rotate(iap.RandomSign(30.0), 128),
    lambda: _ops.shear("x", iap.RandomSign(16.7), 128),
    lambda: _ops.shear("y", iap.RandomSign(16.7), 0),
    lambda: _ops.translate("x", 128, fraction=iap.RandomSign(0.3)),
    lambda: _ops.translate("y", 128, px=iap.RandomSign(8)),
], ids=["rotate", "shear_x", "shear_y", "translate_fraction", "translate_px"])
def test_the_geometric_operations_move_every_annotation_with_the_image(build):
    op = build()
    check_augmenter(type(op), examples=[op.get_arguments()],
                    checks=["keypoints_follow_image", "boxes_follow_image",
                            "segmaps_follow_image"], max_examples=15)


def test_augmix_mixes_by_its_drawn_weights():
    image = _image(2, (8, 8, 3))
    aug = iaa.AugMix(width=2, depth=1, seed=4)
    aug.operations = [augkit.get("Invert")]
    out, params = aug(image=image, return_params=True)
    m = params.mix[0]
    expected = np.clip(np.rint((1 - m) * image.astype(np.float32)
                               + m * (255.0 - image.astype(np.float32))), 0, 255)
    assert np.array_equal(out, expected.astype(np.uint8))
    assert params.weights.sum(axis=1) == pytest.approx([1.0])
    assert np.array_equal(aug.replay(params, image=image), out)


def test_augmix_leaves_every_annotation_unchanged():
    data = augkit.data.sample().as_kwargs()
    out = dict(zip(data, iaa.AugMix(seed=1)(**data)))
    assert not np.array_equal(out["image"], data["image"])
    for kind in ("keypoints", "bounding_boxes", "polygons", "line_strings"):
        assert np.array_equal(out[kind].to_xy_array(), data[kind].to_xy_array()), kind
    assert np.array_equal(out["segmentation_maps"].arr, data["segmentation_maps"].arr)


@pytest.mark.parametrize("kwargs, name", [
    ({"severity": 0}, "severity"), ({"severity": 11}, "severity"), ({"width": 0}, "width"),
    ({"depth": 0}, "depth"), ({"alpha": -1.0}, "alpha"), ({"severity": 2.5}, "severity"),
])
def test_augmix_bad_arguments_name_the_argument(kwargs, name):
    with pytest.raises(augkit.ParameterError, match=name):
        iaa.AugMix(**kwargs)


def test_a_missing_family_names_the_distribution_to_install(monkeypatch):
    def unknown(name, **kwargs):
        raise augkit.UnknownAugmenterError(f"unknown augmenter {name!r}")

    monkeypatch.setattr(augkit, "get", unknown)
    with pytest.raises(augkit.PluginError, match=r"pip install augkit-pillike"):
        _ops.equalize()
