"""An imgaug 0.4-era script runs on augkit with only its imports changed.

The body of :func:`_script` is the kind of code an imgaug project holds besides its
augmenters: sample data, RNG handling, dtype helpers, every container's
clip/remove/shift/project, drawing, and the family modules' functions. Only the import
lines differ from imgaug (``imgaug`` -> ``augkit``). The seed README's own examples run
in ``tests/test_readme_examples.py``.
"""

from __future__ import annotations

import numpy as np


def _script():
    import augkit as ia
    import augkit.random as iarandom
    from augkit import augmenters as iaa
    from augkit import dtypes as iadt
    from augkit import parameters as iap
    from augkit.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
    from augkit.augmentables.kps import Keypoint, KeypointsOnImage
    from augkit.augmentables.lines import LineString, LineStringsOnImage
    from augkit.augmentables.polys import Polygon, PolygonsOnImage
    from augkit.augmentables.segmaps import SegmentationMapsOnImage

    ia.seed(1)
    rng = iarandom.RNG(2)
    image = ia.quokka(size=(128, 128))
    assert ia.is_np_array(image) and image.shape == (128, 128, 3)
    square = ia.quokka_square(size=(64, 64))
    heatmap = ia.quokka_heatmap(size=(64, 64))
    segmap = ia.quokka_segmentation_map(size=(64, 64))
    kpsoi = ia.quokka_keypoints(size=(64, 64))
    bbsoi = ia.quokka_bounding_boxes(size=(64, 64))
    psoi = ia.quokka_polygons(size=(64, 64))
    assert square.shape[:2] == heatmap.shape[:2] == segmap.shape[:2] == kpsoi.shape[:2] == (64, 64)
    assert bbsoi.shape[:2] == psoi.shape[:2] == (64, 64)

    # dtypes
    low, center, high = iadt.get_value_range_of_dtype(np.dtype("uint8"))
    assert (low, center, high) == (0, 127.5, 255)
    arr = np.array([-5, 300], dtype=np.int16)
    assert iadt.clip_to_dtype_value_range_(arr, np.uint8, validate=False).tolist() == [0, 255]
    iadt.gate_dtypes_strs(image, allowed="uint8 float32", disallowed="int64")

    # random
    child = rng.derive_rng_()
    values = child.integers(0, 10, size=(3,))
    assert values.shape == (3,) and rng.generate_seed_() >= iarandom.SEED_MIN_VALUE

    # containers: clip, remove, shift, project, draw
    bbs = BoundingBoxesOnImage([BoundingBox(x1=-10, y1=5, x2=30, y2=40),
                                BoundingBox(x1=200, y1=200, x2=220, y2=230)],
                               shape=image.shape)
    bbs_clean = bbs.remove_out_of_image().clip_out_of_image()
    assert len(bbs_clean.bounding_boxes) == 1 and bbs_clean.bounding_boxes[0].x1 == 0
    bbs_shifted = bbs_clean.shift(x=3, y=-2)
    assert bbs_shifted.bounding_boxes[0].y1 == 3
    assert bbs_clean.on((64, 64, 3)).bounding_boxes[0].x2 == 15
    drawn = bbs_clean.draw_on_image(image, size=2, color=(0, 255, 0))
    assert drawn.shape == image.shape and not np.array_equal(drawn, image)

    kps = KeypointsOnImage([Keypoint(x=10, y=20), Keypoint(x=500, y=5)], shape=image.shape)
    assert len(kps.remove_out_of_image().keypoints) == 1
    assert kps.shift(x=1).keypoints[0].x == 11
    assert kps.to_xy_array().shape == (2, 2)
    kps.draw_on_image(image, size=3)

    polys = PolygonsOnImage([Polygon([(10, 10), (60, 10), (60, 60)]),
                             Polygon([(100, 100), (160, 100), (160, 160)])], shape=image.shape)
    clipped = polys.clip_out_of_image()
    assert len(clipped.polygons) == 2 and clipped.polygons[1].is_fully_within_image(image)
    assert polys.polygons[0].exterior_almost_equals(polys.polygons[0].shift(x=1e-5))
    polys.draw_on_image(image)

    lines = LineStringsOnImage([LineString([(0, 0), (200, 50)])], shape=image.shape)
    assert lines.clip_out_of_image().line_strings[0].coords[-1][0] <= 128
    lines.draw_on_image(image)

    segmaps = SegmentationMapsOnImage(np.zeros((128, 128), np.int32), shape=image.shape)
    assert segmaps.draw_on_image(image)[0].shape == image.shape

    # augment everything together
    seq = iaa.Sequential([iaa.Fliplr(1.0), iaa.Affine(rotate=iap.Uniform(-10, 10))],
                         random_state=rng)
    image_aug, bbs_aug, kps_aug = seq(image=image, bounding_boxes=bbs_clean, keypoints=kps)
    assert image_aug.shape == image.shape and len(bbs_aug.bounding_boxes) == 1

    # the family modules' functions
    assert np.array_equal(iaa.flip.fliplr(image), image[:, ::-1])
    padded = iaa.size.pad_to_multiples_of(image[:100, :90], 32, 32)
    assert padded.shape[:2] == (128, 96)
    blurred = iaa.blur.blur_gaussian_(image.copy(), sigma=2)
    assert blurred.shape == image.shape
    hsv = iaa.color.change_colorspace_(image.copy(), to_colorspace=iaa.CSPACE_HSV)
    assert hsv.dtype == np.uint8
    grid = ia.draw_grid([image, image_aug], cols=2)
    assert grid.shape == (128, 256, 3)
    return grid


def test_an_imgaug_era_script_runs_with_only_its_imports_changed():
    assert _script().dtype == np.uint8
