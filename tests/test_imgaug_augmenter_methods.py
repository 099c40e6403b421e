"""imgaug 0.4.0's Augmenter methods on augkit augmenters (issue 13)."""

from __future__ import annotations

import numpy as np
import pytest

import augkit
from augkit.errors import ParameterError, ParameterTypeError
from augkit.rng import RNG

IMAGE = np.arange(64, dtype=np.uint8).reshape(8, 8)


def affine(**kwargs):
    return augkit.get("Affine", rotate=(-45, 45), translate_px=(-2, 2), **kwargs)


def outputs(aug, n=4):
    return [aug(image=IMAGE) for _ in range(n)]


def same(a, b):
    return all(np.array_equal(x, y) for x, y in zip(a, b))


class TestAugmentBatchInPlace:
    def test_fills_the_batch_and_returns_it(self):
        batch = augkit.Batch(images=[np.array([[1, 2, 3]], np.uint8)],
                             keypoints=[augkit.KeypointsOnImage.from_xy_array(
                                 np.array([[0.5, 0.5]]), shape=(1, 3))])
        out = augkit.get("Fliplr", p=1.0).augment_batch_(batch)
        assert out is batch
        assert batch.images_aug[0].tolist() == [[3, 2, 1]]
        assert batch.keypoints_aug[0].to_xy_array().tolist() == [[2.5, 0.5]]

    def test_accepts_parents_and_hooks_keywords(self):
        batch = augkit.Batch(images=[IMAGE])
        augkit.Identity().augment_batch_(batch, parents=[], hooks=None)
        assert np.array_equal(batch.images_aug[0], IMAGE)


class TestRandomState:
    def test_is_an_rng_sharing_the_augmenters_generator(self):
        aug = affine(seed=1)
        state = aug.random_state
        assert isinstance(state, RNG)
        twin = affine(seed=1)
        state.integers(0, 10)  # advances the augmenter's own stream
        assert not same(outputs(aug), outputs(twin))

    def test_setting_an_rng_seeds_like_that_rng(self):
        a, b = affine(), affine()
        a.random_state = RNG(5)
        b.random_state = RNG(5)
        assert same(outputs(a), outputs(b))

    @pytest.mark.parametrize("value", [7, np.random.SeedSequence(7)])
    def test_setting_an_int_or_seed_sequence(self, value):
        a, b = affine(), affine()
        a.random_state = value
        b.random_state = 7
        assert same(outputs(a), outputs(b))

    def test_a_given_generator_is_not_copied(self):
        aug = affine()
        generator = np.random.default_rng(3)
        aug.random_state = generator
        assert aug.random_state.generator is generator

    def test_constructor_accepts_an_rng(self):
        assert same(outputs(affine(random_state=RNG(9))), outputs(affine(random_state=RNG(9))))

    def test_bad_value(self):
        with pytest.raises(ParameterTypeError, match="random_state: expected"):
            affine().random_state = "seed"


class TestLocalizeRandomState:
    def test_in_place_returns_self_and_keeps_the_stream(self):
        aug, twin = affine(seed=4), affine(seed=4)
        assert aug.localize_random_state_() is aug
        assert same(outputs(aug), outputs(twin))

    def test_copy(self):
        aug = augkit.Sequential([affine()], seed=4)
        local = aug.localize_random_state(recursive=True)
        assert local is not aug and local[0] is not aug[0]
        assert same(outputs(local), outputs(augkit.Sequential([affine()], seed=4)))


class TestCopyRandomState:
    def test_position_matching_makes_a_tree_draw_the_same(self):
        source = augkit.Sequential([affine(), augkit.get("Add", value=(-20, 20))], seed=1)
        target = augkit.Sequential([affine(), augkit.get("Add", value=(-20, 20))], seed=2)
        assert target.copy_random_state_(source) is target
        assert same(outputs(target), outputs(source))

    def test_copy_leaves_the_target_untouched(self):
        source, target = affine(seed=1), affine(seed=2)
        before = outputs(affine(seed=2))
        copied = target.copy_random_state(source)
        assert same(outputs(copied), outputs(affine(seed=1)))
        assert same(outputs(target), before)

    def test_states_are_copied_not_shared(self):
        source, target = affine(seed=1), affine(seed=2)
        target.copy_random_state_(source)
        outputs(source)  # advancing the source must not advance the target
        assert same(outputs(target), outputs(affine(seed=1)))

    def test_not_recursive_copies_only_the_top(self):
        source = augkit.Sequential([affine()], random_order=True, seed=1)
        target = augkit.Sequential([affine()], random_order=True, seed=2)
        child_before = target[0].deepcopy()
        target.copy_random_state_(source, recursive=False)
        assert same(outputs(target[0]), outputs(child_before))
        assert not same(outputs(target[0]), outputs(source[0]))

    def test_name_matching(self):
        source = augkit.Sequential([augkit.get("Add", value=(-9, 9), name="add"),
                                    affine(name="rot")], seed=1)
        target = augkit.Sequential([affine(name="rot")], seed=2)
        target.copy_random_state_(source, matching="name")
        assert same(outputs(target[0]), outputs(source[1]))

    def test_name_matching_intolerant_raises_for_a_missing_name(self):
        source = augkit.Sequential([affine(name="a")])
        target = augkit.Sequential([affine(name="b")])
        with pytest.raises(ParameterError, match="source: has no augmenter named 'b'"):
            target.copy_random_state_(source, matching="name", matching_tolerant=False)

    def test_position_matching_intolerant_raises_for_other_sizes(self):
        source = augkit.Sequential([affine(), affine()])
        with pytest.raises(ParameterError, match="has 3 augmenters, this one 2"):
            augkit.Sequential([affine()]).copy_random_state_(source, matching_tolerant=False)

    def test_copy_determinism(self):
        source = affine().to_deterministic()
        target = affine()
        target.copy_random_state_(source)
        assert not target.deterministic
        target.copy_random_state_(source, copy_determinism=True)
        assert target.deterministic
        assert same(outputs(target), outputs(source))

    def test_bad_arguments(self):
        with pytest.raises(ParameterError, match="matching: expected one of"):
            affine().copy_random_state_(affine(), matching="index")
        with pytest.raises(ParameterTypeError, match="source: expected an augmenter"):
            affine().copy_random_state_("affine")


def test_sequential_add_appends():
    seq = augkit.Sequential([augkit.get("Fliplr", p=1.0)])
    seq.add(augkit.get("Flipud", p=1.0))
    assert len(seq) == 2
    assert seq(image=np.array([[1, 2], [3, 4]], np.uint8)).tolist() == [[4, 3], [2, 1]]
    with pytest.raises(ParameterTypeError, match="augmenter"):
        seq.add("Fliplr")
