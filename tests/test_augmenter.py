"""The Augmenter base: the call surface, every kind, params and replay, the bases."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

import augkit
from augkit import GeometricAugmenter, KeypointsOnImage, PixelAugmenter
from augkit.errors import InputError, UnsupportedDtypeError, UnsupportedKindError


@pytest.fixture
def image():
    return np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3)


def flip():
    return augkit.get("Fliplr", p=1.0)


def test_single_image_in_single_image_out(image):
    out = flip()(image=image)
    assert out.shape == image.shape and np.array_equal(out, image[:, ::-1])


def test_grayscale_2d_image_comes_back_2d():
    out = flip()(image=np.array([[1, 2]], dtype=np.uint8))
    assert out.shape == (1, 2) and out.tolist() == [[2, 1]]


def test_batch_array_comes_back_as_array(image):
    out = flip().augment_images(np.stack([image, image]))
    assert isinstance(out, np.ndarray) and out.shape == (2, 2, 3, 3)


def test_list_of_differently_sized_images_comes_back_as_list():
    images = [np.zeros((2, 3, 3), np.uint8), np.zeros((4, 5, 3), np.uint8)]
    out = flip()(images=images)
    assert isinstance(out, list) and [o.shape for o in out] == [(2, 3, 3), (4, 5, 3)]


def test_several_kinds_come_back_in_the_order_given(image):
    kps = KeypointsOnImage.from_xy_array(np.array([[0.5, 0.5]]), shape=image.shape)
    kps_aug, image_aug = flip()(keypoints=kps, image=image)
    assert isinstance(kps_aug, KeypointsOnImage) and image_aug.shape == image.shape
    assert kps_aug.to_xy_array().tolist() == [[2.5, 0.5]]


def test_plain_keypoint_array_comes_back_as_array(image):
    out_image, out_kps = flip()(image=image, keypoints=np.array([[1.0, 1.0]]))
    assert isinstance(out_kps, np.ndarray) and out_kps.tolist() == [[2.0, 1.0]]


def test_keypoints_alone_use_their_own_shape():
    kps = KeypointsOnImage.from_xy_array(np.array([[1.0, 2.0]]), shape=(10, 20, 3))
    assert flip().augment_keypoints(kps).to_xy_array().tolist() == [[19.0, 2.0]]


def test_every_imgaug_method_name_works(image):
    from augkit.augmentables import (
        BoundingBox,
        BoundingBoxesOnImage,
        HeatmapsOnImage,
        LineString,
        LineStringsOnImage,
        Polygon,
        PolygonsOnImage,
        SegmentationMapsOnImage,
    )

    aug = flip()
    shape = image.shape
    assert aug.augment_image(image).shape == shape
    hm = HeatmapsOnImage(np.zeros((2, 3), np.float32), shape=shape)
    assert aug.augment_heatmaps(hm).shape == shape
    sm = SegmentationMapsOnImage(np.zeros((2, 3), np.int32), shape=shape)
    assert aug.augment_segmentation_maps(sm).shape == shape
    bbs = BoundingBoxesOnImage([BoundingBox(0, 0, 1, 1)], shape=shape)
    assert aug.augment_bounding_boxes(bbs).to_xyxy_array().tolist() == [[2, 0, 3, 1]]
    polys = PolygonsOnImage([Polygon([(0, 0), (1, 0), (1, 1)])], shape=shape)
    assert len(aug.augment_polygons(polys)) == 1
    lines = LineStringsOnImage([LineString([(0, 0), (1, 1)])], shape=shape)
    assert len(aug.augment_line_strings(lines)) == 1


def test_no_data_is_a_clear_error():
    with pytest.raises(InputError, match="no data given"):
        flip()()


def test_unknown_keyword_suggests_the_right_one(image):
    with pytest.raises(InputError, match="Did you mean 'keypoints'"):
        flip()(image=image, keypoint=np.zeros((1, 2)))


def test_row_count_mismatch_is_a_clear_error(image):
    with pytest.raises(InputError, match="one entry per image"):
        flip()(images=[image, image], keypoints=[np.zeros((1, 2))])


def test_input_is_never_modified_and_output_owned(image):
    before = image.copy()
    out = augkit.get("Fliplr", p=0.0)(image=image)
    assert np.array_equal(image, before)
    assert not np.shares_memory(out, image) and out.flags.c_contiguous


def test_unsupported_dtype_names_augmenter_and_dtype():
    class OnlyUint8(PixelAugmenter):
        supported_dtypes = frozenset({"uint8"})

        def apply_to_images(self, images, params):
            return [i.copy() for i in images]

    with pytest.raises(UnsupportedDtypeError, match="OnlyUint8: images of dtype float32"):
        OnlyUint8()(image=np.zeros((2, 2), np.float32))


def test_return_params_and_replay_reapply_the_same_draws(image):
    aug = augkit.get("Fliplr", p=0.5, seed=3)
    batch = np.stack([image] * 8)
    out, params = aug(images=batch, return_params=True)
    kps = [np.array([[0.5, 0.5]])] * 8
    replayed_kps = aug.replay(params, images=batch, keypoints=kps)[1]
    flipped = [not np.array_equal(o, image) for o in out]
    assert [float(k[0, 0]) == 2.5 for k in replayed_kps] == flipped


def test_geometric_augmenter_missing_a_method_fails_at_definition():
    with pytest.raises(TypeError, match="does not implement apply_to_keypoints"):
        class Half(GeometricAugmenter):
            def apply_to_images(self, images, params):
                return images

            def apply_to_maps(self, arrays, params, *, shapes, kind):
                return arrays


def test_declared_unsupported_kind_raises_naming_augmenter_and_kind(image):
    class ImagesAndMapsOnly(GeometricAugmenter):
        unsupported_kinds = frozenset({"points"})

        def apply_to_images(self, images, params):
            return [i.copy() for i in images]

        def apply_to_maps(self, arrays, params, *, shapes, kind):
            return arrays

    with pytest.raises(UnsupportedKindError, match="ImagesAndMapsOnly cannot transform keypoints"):
        ImagesAndMapsOnly()(image=image, keypoints=np.zeros((1, 2)))


def test_pixel_augmenter_passes_annotations_through_untouched(image):
    kps = KeypointsOnImage.from_xy_array(np.array([[1.0, 1.0]]), shape=image.shape)
    _, kps_aug = augkit.get("Add", value=10)(image=image, keypoints=kps)
    assert kps_aug is kps


def test_copy_deepcopy_and_pickle_keep_behaviour(image):
    aug = augkit.get("Fliplr", p=0.5, seed=1)
    batch = np.stack([image] * 16)
    for clone in (aug.deepcopy(), copy.deepcopy(aug), pickle.loads(pickle.dumps(aug))):
        assert np.array_equal(clone(images=batch), aug.deepcopy()(images=batch))


def test_repr_shows_parameters():
    assert repr(augkit.get("Add", value=3)).startswith("Add(value=3")


def test_name_defaults_to_class_name():
    assert augkit.get("Fliplr").name == "Fliplr"
    assert augkit.get("Fliplr", name="flipper").name == "flipper"
