# ruff: noqa: NPY002  (the README examples use the legacy numpy RNG, kept as written)
"""The code examples of imgaug's README, with ``imgaug`` replaced by ``augkit``.

Each test is one example of ``shared/seed/imgaug-README.md`` as written there, except
that image counts, sizes and loop counts are smaller (so that each runs in well under
2 s) and display calls (``ia.imshow``, ``show_grid``) are replaced by a recorder.
An example whose augmenters come from a family that is not installed is skipped.
"""

from __future__ import annotations

import numpy as np
import pytest

import augkit
import augkit.draw
from augkit.errors import UnknownAugmenterError
from augkit.registry import registry


def need(*names):
    for name in names:
        try:
            registry.get_class(name)
        except UnknownAugmenterError as exc:
            pytest.skip(f"augmenter family not installed: {exc}")


@pytest.fixture
def shown(monkeypatch):
    calls = []

    def fake_imshow(image, *args, **kwargs):
        assert isinstance(image, np.ndarray) and image.ndim == 3
        calls.append(image.shape)

    monkeypatch.setattr(augkit.draw, "imshow", fake_imshow)
    monkeypatch.setattr(augkit, "imshow", fake_imshow, raising=False)
    return calls


def test_standard_training_loop():
    need("Crop", "Fliplr", "GaussianBlur")
    from augkit import augmenters as iaa

    trained = []

    def load_batch(batch_idx):
        return np.random.randint(0, 255, (4, 32, 32, 3), dtype=np.uint8)

    def train_on_images(images):
        trained.append(len(images))

    seq = iaa.Sequential([
        iaa.Crop(px=(0, 16)), # crop images from each side by 0 to 16px (randomly chosen)
        iaa.Fliplr(0.5), # horizontally flip 50% of the images
        iaa.GaussianBlur(sigma=(0, 3.0)) # blur images with a sigma of 0 to 3.0
    ])

    for batch_idx in range(3):
        images = load_batch(batch_idx)  # you have to implement this function
        images_aug = seq.augment_images(images)  # done by the library
        train_on_images(images_aug)  # you have to implement this function
    assert trained == [4, 4, 4]


def test_heavy_augmentations():
    need("Fliplr", "Flipud", "CropAndPad", "Affine", "Superpixels", "GaussianBlur",
         "AverageBlur", "MedianBlur", "Sharpen", "Emboss", "SimplexNoiseAlpha", "EdgeDetect",
         "DirectedEdgeDetect", "AdditiveGaussianNoise", "Dropout", "CoarseDropout", "Invert",
         "Add", "AddToHueAndSaturation", "Multiply", "FrequencyNoiseAlpha",
         "ContrastNormalization", "Grayscale", "ElasticTransformation", "PiecewiseAffine",
         "PerspectiveTransform")
    import augkit as ia
    from augkit import augmenters as iaa

    # random example images
    images = np.random.randint(0, 255, (4, 48, 48, 3), dtype=np.uint8)

    sometimes = lambda aug: iaa.Sometimes(0.5, aug)  # noqa: E731

    seq = iaa.Sequential(
        [
            iaa.Fliplr(0.5), # horizontally flip 50% of all images
            iaa.Flipud(0.2), # vertically flip 20% of all images
            sometimes(iaa.CropAndPad(
                percent=(-0.05, 0.1),
                pad_mode=ia.ALL,
                pad_cval=(0, 255)
            )),
            sometimes(iaa.Affine(
                scale={"x": (0.8, 1.2), "y": (0.8, 1.2)},
                translate_percent={"x": (-0.2, 0.2), "y": (-0.2, 0.2)},
                rotate=(-45, 45),
                shear=(-16, 16),
                order=[0, 1],
                cval=(0, 255),
                mode=ia.ALL
            )),
            iaa.SomeOf((0, 5),
                [
                    sometimes(iaa.Superpixels(p_replace=(0, 1.0), n_segments=(20, 200))),
                    iaa.OneOf([
                        iaa.GaussianBlur((0, 3.0)),
                        iaa.AverageBlur(k=(2, 7)),
                        iaa.MedianBlur(k=(3, 11)),
                    ]),
                    iaa.Sharpen(alpha=(0, 1.0), lightness=(0.75, 1.5)), # sharpen images
                    iaa.Emboss(alpha=(0, 1.0), strength=(0, 2.0)), # emboss images
                    iaa.SimplexNoiseAlpha(iaa.OneOf([
                        iaa.EdgeDetect(alpha=(0.5, 1.0)),
                        iaa.DirectedEdgeDetect(alpha=(0.5, 1.0), direction=(0.0, 1.0)),
                    ])),
                    iaa.AdditiveGaussianNoise(loc=0, scale=(0.0, 0.05*255), per_channel=0.5),
                    iaa.OneOf([
                        iaa.Dropout((0.01, 0.1), per_channel=0.5),
                        iaa.CoarseDropout((0.03, 0.15), size_percent=(0.02, 0.05),
                                          per_channel=0.2),
                    ]),
                    iaa.Invert(0.05, per_channel=True), # invert color channels
                    iaa.Add((-10, 10), per_channel=0.5),
                    iaa.AddToHueAndSaturation((-20, 20)), # change hue and saturation
                    iaa.OneOf([
                        iaa.Multiply((0.5, 1.5), per_channel=0.5),
                        iaa.FrequencyNoiseAlpha(
                            exponent=(-4, 0),
                            first=iaa.Multiply((0.5, 1.5), per_channel=True),
                            second=iaa.ContrastNormalization((0.5, 2.0))
                        )
                    ]),
                    iaa.ContrastNormalization((0.5, 2.0), per_channel=0.5),
                    iaa.Grayscale(alpha=(0.0, 1.0)),
                    sometimes(iaa.ElasticTransformation(alpha=(0.5, 3.5), sigma=0.25)),
                    sometimes(iaa.PiecewiseAffine(scale=(0.01, 0.05))),
                    sometimes(iaa.PerspectiveTransform(scale=(0.01, 0.1)))
                ],
                random_order=True
            )
        ],
        random_order=True
    )

    images_aug = seq.augment_images(images)
    assert len(images_aug) == 4 and images_aug[0].dtype == np.uint8


def test_show_grid(shown):
    need("Fliplr", "GaussianBlur")
    from augkit import augmenters as iaa

    images = np.random.randint(0, 255, (4, 16, 16, 3), dtype=np.uint8)
    seq = iaa.Sequential([iaa.Fliplr(0.5), iaa.GaussianBlur((0, 3.0))])

    # show an image with 8*8 augmented versions of image 0
    seq.show_grid(images[0], cols=8, rows=8)

    # Show an image with 8*8 augmented versions of image 0 and 8*8 augmented
    # versions of image 1. The identical augmentations will be applied to
    # image 0 and 1.
    seq.show_grid([images[0], images[1]], cols=8, rows=8)
    assert shown == [(128, 128, 3), (256, 128, 3)]


def test_two_batches_augmented_the_same_way():
    need("GaussianBlur", "Affine")
    from augkit import augmenters as iaa

    images = np.random.randint(0, 255, (4, 32, 32, 3), dtype=np.uint8)
    heatmaps = np.random.randint(0, 255, (4, 32, 32, 21), dtype=np.uint8)

    seq = iaa.Sequential([iaa.GaussianBlur((0, 3.0)), iaa.Affine(translate_px={"x": (-40, 40)})])

    seq_det = seq.to_deterministic() # call this for each batch again, NOT only once at the start
    images_aug = seq_det.augment_images(images)
    heatmaps_aug = seq_det.augment_images(heatmaps)
    assert heatmaps_aug.shape == heatmaps.shape and images_aug.shape == images.shape


def test_keypoints(shown, capsys):
    need("GaussianBlur", "Affine")
    import random

    import augkit as ia
    from augkit import augmenters as iaa
    images = np.random.randint(0, 50, (4, 32, 32, 3), dtype=np.uint8)

    keypoints_on_images = []
    for image in images:
        height, width = image.shape[0:2]
        keypoints = []
        for _ in range(4):
            x = random.randint(0, width-1)
            y = random.randint(0, height-1)
            keypoints.append(ia.Keypoint(x=x, y=y))
        keypoints_on_images.append(ia.KeypointsOnImage(keypoints, shape=image.shape))

    seq = iaa.Sequential([iaa.GaussianBlur((0, 3.0)), iaa.Affine(scale=(0.5, 0.7))])
    seq_det = seq.to_deterministic() # call this for each batch again, NOT only once at the start

    # augment keypoints and images
    images_aug = seq_det.augment_images(images)
    keypoints_aug = seq_det.augment_keypoints(keypoints_on_images)

    # Example code to show each image and print the new keypoints coordinates
    for img_idx, (image_before, image_after, keypoints_before, keypoints_after) in enumerate(zip(images, images_aug, keypoints_on_images, keypoints_aug)):  # noqa: E501
        image_before = keypoints_before.draw_on_image(image_before)
        image_after = keypoints_after.draw_on_image(image_after)
        ia.imshow(np.concatenate((image_before, image_after), axis=1)) # before and after
        for kp_idx, keypoint in enumerate(keypoints_after.keypoints):
            keypoint_old = keypoints_on_images[img_idx].keypoints[kp_idx]
            x_old, y_old = keypoint_old.x, keypoint_old.y
            x_new, y_new = keypoint.x, keypoint.y
            print("[Keypoints for image #%d] before aug: x=%d y=%d | after aug: x=%d y=%d" % (img_idx, x_old, y_old, x_new, y_new))  # noqa: E501,UP031
    assert len(shown) == 4
    assert capsys.readouterr().out.count("[Keypoints for image") == 16


def test_single_augmentations():
    need("Fliplr", "Flipud", "GaussianBlur", "Affine")
    from augkit import augmenters as iaa
    images = np.random.randint(0, 255, (8, 32, 32, 3), dtype=np.uint8)

    flipper = iaa.Fliplr(1.0) # always horizontally flip each input image
    images[0] = flipper.augment_image(images[0]) # horizontally flip image 0

    vflipper = iaa.Flipud(0.9) # vertically flip each input image with 90% probability
    images[1] = vflipper.augment_image(images[1]) # probably vertically flip image 1

    blurer = iaa.GaussianBlur(3.0)
    images[2] = blurer.augment_image(images[2]) # blur image 2 by a sigma of 3.0
    images[3] = blurer.augment_image(images[3]) # blur image 3 by a sigma of 3.0 too

    translater = iaa.Affine(translate_px={"x": -16}) # move each input image by 16px to the left
    images[4] = translater.augment_image(images[4]) # move image 4 to the left

    scaler = iaa.Affine(scale={"y": (0.8, 1.2)}) # scale each input image to 80-120% on the y axis
    images[5] = scaler.augment_image(images[5]) # scale image 5 by 80-120% on the y axis
    assert (images[4][:, 16:] == 0).all()


def test_with_channels():
    need("Add")
    from augkit import augmenters as iaa

    images = np.random.randint(0, 255, (4, 32, 32, 3), dtype=np.uint8)

    aug = iaa.WithChannels(
      channels=[0, 1],
      children=iaa.Add((-30, 30))
    )

    images_aug = aug.augment_images(images)
    assert np.array_equal(images_aug[..., 2], images[..., 2])


def test_unusual_distributions():
    need("GaussianBlur")
    from augkit import augmenters as iaa
    from augkit import parameters as iap
    images = np.random.randint(0, 255, (4, 32, 32, 3), dtype=np.uint8)

    blurer = iaa.GaussianBlur(iap.Uniform(0.1, 3.0))
    images_aug = blurer.augment_images(images)

    blurer = iaa.GaussianBlur(iap.Clip(iap.Normal(1.0, 0.1), 0.1, 3.0))
    images_aug = blurer.augment_images(images)

    blurer = iaa.GaussianBlur(iap.Clip(iap.Normal(iap.Uniform(0.5, 1.5), 0.1), 0.1, 3.0))
    images_aug = blurer.augment_images(images)

    blurer = iaa.GaussianBlur(iap.Choice([0.5, 1.0, 1.5]))
    images_aug = blurer.augment_images(images)

    blurer = iaa.GaussianBlur(iap.DiscreteUniform(1, 5))
    images_aug = blurer.augment_images(images)
    assert images_aug.shape == images.shape


def test_deactivate_augmenters_with_hooks():
    need("Fliplr", "GaussianBlur", "Dropout", "AdditiveGaussianNoise", "Affine")
    import augkit as ia
    from augkit import augmenters as iaa

    # images and heatmaps, just arrays filled with value 30
    images = np.ones((4, 32, 32, 3), dtype=np.uint8) * 30
    heatmaps = np.ones((4, 32, 32, 21), dtype=np.uint8) * 30

    # add vertical lines to see the effect of flip
    images[:, 4:32-4, 28:30, :] = 120
    heatmaps[:, 4:32-4, 28:30, :] = 120

    seq = iaa.Sequential([
      iaa.Fliplr(0.5, name="Flipper"),
      iaa.GaussianBlur((0, 3.0), name="GaussianBlur"),
      iaa.Dropout(0.02, name="Dropout"),
      iaa.AdditiveGaussianNoise(scale=0.01*255, name="MyLittleNoise"),
      iaa.AdditiveGaussianNoise(loc=32, scale=0.0001*255, name="SomeOtherNoise"),
      iaa.Affine(translate_px={"x": (-40, 40)}, name="Affine")
    ])

    def activator_heatmaps(images, augmenter, parents, default):
        if augmenter.name in ["GaussianBlur", "Dropout", "MyLittleNoise"]:
            return False
        else:
            # default value for all other augmenters
            return default
    hooks_heatmaps = ia.HooksImages(activator=activator_heatmaps)

    seq_det = seq.to_deterministic() # call this for each batch again, NOT only once at the start
    images_aug = seq_det.augment_images(images)
    heatmaps_aug = seq_det.augment_images(heatmaps, hooks=hooks_heatmaps)
    assert images_aug.shape == images.shape and heatmaps_aug.shape == heatmaps.shape


def test_augment_batches_in_background(shown):
    need("Fliplr", "CoarseDropout")
    from skimage import data

    import augkit as ia
    from augkit import augmenters as iaa

    # Number of batches and batch size for this example
    nb_batches = 3
    batch_size = 8

    # Example augmentation sequence to run in the background
    augseq = iaa.Sequential([
        iaa.Fliplr(0.5),
        iaa.CoarseDropout(p=0.1, size_percent=0.1)
    ])

    # For simplicity, we use the same image here many times
    astronaut = data.astronaut()
    astronaut = ia.imresize_single_image(astronaut, (64, 64))

    batches = []
    for _ in range(nb_batches):
        batches.append(
            np.array(
                [astronaut for _ in range(batch_size)],
                dtype=np.uint8
            )
        )

    # Show the augmented images.
    # Note that augment_batches() returns a generator.
    for images_aug in augseq.augment_batches(batches, background=True):
        ia.imshow(ia.draw_grid(images_aug, cols=8))
    assert shown == [(64, 512, 3)] * 3


def test_batch_loader_and_background_augmenter(shown, capsys):
    need("Fliplr", "CoarseDropout")
    from skimage import data

    import augkit as ia
    from augkit import augmenters as iaa

    augseq = iaa.Sequential([
        iaa.Fliplr(0.5),
        iaa.CoarseDropout(p=0.1, size_percent=0.1)
    ])

    def load_batches():
        batch_size = 4
        nb_batches = 3

        astronaut = data.astronaut()
        astronaut = ia.imresize_single_image(astronaut, (64, 64))

        for i in range(nb_batches):
            batch_images = []
            batch_data = []

            for b in range(batch_size):
                batch_images.append(astronaut)
                batch_data.append((i, b))

            batch = ia.Batch(
                images=np.array(batch_images, dtype=np.uint8),
                data=batch_data
            )

            yield batch

    batch_loader = ia.BatchLoader(load_batches)
    bg_augmenter = ia.BackgroundAugmenter(batch_loader, augseq)

    while True:
        print("Next batch...")
        batch = bg_augmenter.get_batch()
        if batch is None:
            print("Finished epoch.")
            break
        images_aug = batch.images_aug

        print("Image IDs: ", batch.data)

        ia.imshow(np.hstack(list(images_aug)))

    batch_loader.terminate()
    bg_augmenter.terminate()
    assert shown == [(64, 256, 3)] * 3
    assert "Finished epoch." in capsys.readouterr().out
