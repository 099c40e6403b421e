"""to_dict/from_dict and save/load: exact round trips, seeds, safe loading, clear errors."""

from __future__ import annotations

import json

import numpy as np
import pytest
import yaml

import augkit
from augkit import parameters as iap
from augkit.errors import SerializationError
from augkit.registry import registry

IMAGES = np.random.default_rng(0).integers(0, 255, (3, 16, 20, 3), dtype=np.uint8)


def pipeline(seed=None):
    iaa = augkit.augmenters
    return iaa.Sequential([
        iaa.Fliplr(0.5),
        iaa.Sometimes(0.5, iaa.GaussianBlur(sigma=iap.Clip(iap.Normal(iap.Uniform(0.5, 1.5),
                                                                      0.1), 0.1, 3.0))),
        iaa.SomeOf((1, 2), [iaa.Affine(rotate=(-20, 20), translate_px={"x": [-2, 0, 2]}),
                            iaa.Add([-10, 10], per_channel=0.5)], random_order=True),
        iaa.BlendAlphaSimplexNoise(iaa.OneOf([iaa.EdgeDetect(alpha=(0.5, 1.0))])),
        iaa.Convolve(matrix=np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], np.float32)),
    ], random_order=True, seed=seed, name="pipe")


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_a_saved_pipeline_loads_back_with_identical_output(tmp_path, suffix):
    path = tmp_path / f"pipeline.{suffix}"
    augkit.save(pipeline(seed=5), path)
    loaded = augkit.load(path)
    assert loaded.name == "pipe"
    assert np.array_equal(loaded(images=IMAGES), pipeline(seed=5)(images=IMAGES))
    assert loaded.to_dict() == pipeline(seed=5).to_dict()


def test_an_unseeded_augmenter_stores_its_entropy():
    aug = pipeline()
    loaded = augkit.from_dict(json.loads(json.dumps(aug.to_dict())))
    assert np.array_equal(loaded(images=IMAGES), aug(images=IMAGES))


def test_deterministic_augmenters_stay_deterministic():
    det = pipeline(seed=1).to_deterministic()
    loaded = augkit.from_dict(det.to_dict())
    assert loaded.deterministic
    assert np.array_equal(loaded(images=IMAGES), det(images=IMAGES))


def test_tuples_lists_dicts_and_arrays_keep_their_types():
    aug = augkit.get("Affine", rotate=(-5, 5), translate_px={"x": [1, 2]}, seed=1)
    args = aug.to_dict()["args"]
    assert args["rotate"] == {"tuple": [-5, 5]}
    assert args["translate_px"] == {"x": [1, 2]}
    restored = augkit.from_dict(aug.to_dict()).get_arguments()
    assert restored["rotate"] == (-5, 5) and restored["translate_px"] == {"x": [1, 2]}
    conv = augkit.get("Convolve", matrix=np.eye(3, dtype=np.float32), seed=1)
    doc = conv.to_dict()["args"]["matrix"]
    assert doc == {"ndarray": np.eye(3).tolist(), "dtype": "float32", "shape": [3, 3]}
    matrix = augkit.from_dict(conv.to_dict()).get_arguments()["matrix"]
    assert matrix.dtype == np.float32 and np.array_equal(matrix, np.eye(3))


def test_parameter_trees_round_trip_exactly():
    param = iap.Clip(iap.Normal(iap.Uniform(0.5, 1.5), 0.1), 0.1, 3.0) * 2 + iap.Choice([1, 2])
    aug = augkit.get("GaussianBlur", sigma=iap.Absolute(param), seed=3)
    restored = augkit.from_dict(yaml.safe_load(yaml.safe_dump(aug.to_dict())))
    assert restored.get_arguments()["sigma"] == iap.Absolute(param)


def test_user_dicts_with_reserved_keys_are_wrapped():
    from augkit.serialization import _decode, _encode

    value = {"tuple": (1, 2), 3: "x"}
    encoded = _encode(value, "v", None)
    assert set(encoded) == {"dict"}
    assert _decode(json.loads(json.dumps(encoded)), "v", []) == value


def test_lambda_cannot_be_serialized_and_says_where():
    seq = augkit.Sequential([augkit.Identity(), augkit.Lambda(func_images=lambda *a: a[0])])
    with pytest.raises(SerializationError, match=r"children\[1\]\.func_images.*Lambda"):
        seq.to_dict()


def test_errors_give_the_path_in_the_document():
    doc = pipeline(seed=1).to_dict()
    doc["args"]["children"][2]["args"]["children"][0]["args"]["rotat"] = 3
    with pytest.raises(SerializationError, match=r"children\[2\]\.children\[0\]\.rotat.*rotate"):
        augkit.from_dict(doc)
    doc = pipeline(seed=1).to_dict()
    doc["args"]["children"][2]["args"]["children"][0]["args"]["rotate"] = "sideways"
    with pytest.raises(SerializationError, match=r"children\[2\]\.children\[0\]\.rotate: Affine"):
        augkit.from_dict(doc)
    doc = pipeline(seed=1).to_dict()
    doc["args"]["children"][0]["augmenter"] = "Fliplrr"
    with pytest.raises(SerializationError, match=r"children\[0\]: unknown augmenter 'Fliplrr'"):
        augkit.from_dict(doc)
    with pytest.raises(SerializationError, match=r"children\[0\]\.p: .*unknown parameter type"):
        augkit.from_dict({"augmenter": "Sequential", "args": {"children": [
            {"augmenter": "Fliplr", "args": {"p": {"param": {"type": "os.system"}}}}]}})
    with pytest.raises(SerializationError, match="seed"):
        augkit.from_dict({"augmenter": "Fliplr", "seed": "abc"})
    with pytest.raises(SerializationError, match="did you mean 'args'"):
        augkit.from_dict({"augmenter": "Fliplr", "arg": {}})


def test_loading_never_imports_or_builds_arbitrary_classes():
    with pytest.raises(SerializationError, match="unknown helper class"):
        augkit.from_dict({"augmenter": "BlendAlphaMask", "args": {
            "mask_generator": {"object": "subprocess:Popen", "state": {}}}})
    with pytest.raises(SerializationError, match="ndarray|dtype"):
        augkit.from_dict({"augmenter": "Convolve", "args": {"matrix": {
            "ndarray": [1], "dtype": "object", "shape": [1]}}})


def test_yaml_is_read_with_safe_load(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("augmenter: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(SerializationError, match="not valid YAML"):
        augkit.load(path)


def test_children_changed_after_construction_are_saved():
    seq = augkit.Sequential([augkit.get("Fliplr", p=1.0)], seed=1)
    seq.append(augkit.get("Flipud", p=1.0))
    names = [c["augmenter"] for c in seq.to_dict()["args"]["children"]]
    assert names == ["Fliplr", "Flipud"]


def test_names_are_qualified_when_two_plugins_register_one():
    from augkit import hookimpl

    class Fliplr(augkit.PixelAugmenter):
        """A second Fliplr.

        Examples
        --------
        >>> 1
        1
        """

        def apply_to_images(self, images, params):
            return [i.copy() for i in images]

    class Plugin:
        @staticmethod
        @hookimpl
        def augkit_augmenters():
            return [Fliplr]

    name = registry.register(Plugin(), name="dupe")
    try:
        doc = Fliplr(seed=1).to_dict()
        assert doc["augmenter"] == "dupe:Fliplr"
        assert type(augkit.from_dict(doc)) is Fliplr
    finally:
        registry.unregister(name)


def test_every_registered_example_round_trips_through_yaml():
    unsaveable = []
    for entry in registry.entries():
        for kwargs in entry.cls.examples:
            aug = entry.cls(**kwargs, seed=2)
            try:
                doc = aug.to_dict()
            except SerializationError:
                unsaveable.append(entry.name)
                continue
            again = augkit.from_dict(yaml.safe_load(yaml.safe_dump(doc))).to_dict()
            assert again == doc, entry.name
    assert unsaveable == []
