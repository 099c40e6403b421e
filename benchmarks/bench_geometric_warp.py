"""Matrix warps of the geometric family: flips, Affine, Rot90, PerspectiveTransform.

Single 256x256 RGB uint8 image, p=1, equivalent parameters on both sides. The last
cases put 100 keypoints and 100 boxes on the image: once against albumentations'
Compose, once against a per-object Python loop over the same transform.
"""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case

AFFINE = {"rotate": 15.0, "scale": 1.1, "translate_px": {"x": 5, "y": -3}, "shear": 8.0}


def _objects(image: np.ndarray, count: int = 100):
    rng = np.random.default_rng(0)
    h, w = image.shape[:2]
    xy = (rng.random((count, 2)) * [w * 0.8, h * 0.8] + [w * 0.1, h * 0.1]).astype(np.float32)
    boxes = np.concatenate([xy - 6, xy + 6], axis=1).astype(np.float32)
    return xy, boxes


def cases(image: np.ndarray) -> list[Case]:
    import albumentations as A
    import cv2

    import augkit
    from augkit.augmentables import BoundingBoxesOnImage, KeypointsOnImage

    fliplr, flipud = augkit.get("Fliplr", p=1.0), augkit.get("Flipud", p=1.0)
    affine = augkit.get("Affine", **AFFINE)
    rot90 = augkit.get("Rot90", k=1)
    persp = augkit.get("PerspectiveTransform", scale=(0.05, 0.1))
    a_lr, a_ud = A.HorizontalFlip(p=1.0), A.VerticalFlip(p=1.0)
    a_affine = A.Affine(rotate=AFFINE["rotate"], scale=AFFINE["scale"],
                        translate_px=AFFINE["translate_px"], shear=AFFINE["shear"],
                        interpolation=cv2.INTER_LINEAR, border_mode=cv2.BORDER_CONSTANT,
                        fill=0, p=1.0)
    a_rot90 = A.RandomRotate90(p=1.0)
    a_persp = A.Perspective(scale=(0.05, 0.1), keep_size=True, p=1.0)

    xy, boxes = _objects(image)
    shape = image.shape
    kps = KeypointsOnImage.from_xy_array(xy, shape=shape)
    bbs = BoundingBoxesOnImage.from_xyxy_array(boxes, shape=shape)
    a_compose = A.Compose(
        [A.Affine(rotate=AFFINE["rotate"], scale=AFFINE["scale"],
                  translate_px=AFFINE["translate_px"], shear=AFFINE["shear"], p=1.0)],
        keypoint_params=A.KeypointParams(format="xy", remove_invisible=False),
        bbox_params=A.BboxParams(format="pascal_voc", label_fields=["labels"],
                                 clip=True, min_visibility=0.0),
    )
    labels = list(range(len(boxes)))
    clipped = np.clip(boxes, 0, [shape[1], shape[0], shape[1], shape[0]])

    # per-object loop: the same sampled transform, one keypoint / box per call
    _, params = affine(image=image, return_params=True)
    single_kps = [KeypointsOnImage.from_xy_array(p[None], shape=shape) for p in xy]
    single_bbs = [BoundingBoxesOnImage.from_xyxy_array(b[None], shape=shape) for b in boxes]

    def per_object_loop():
        out = affine.replay(params, image=image)
        for k in single_kps:
            affine.replay(params, keypoints=k)
        for b in single_bbs:
            affine.replay(params, bounding_boxes=b)
        return out

    return [
        Case("Fliplr(1.0)", lambda: fliplr(image=image), lambda: a_lr(image=image)["image"]),
        Case("Flipud(1.0)", lambda: flipud(image=image), lambda: a_ud(image=image)["image"]),
        Case("Affine(rotate, scale, translate, shear)", lambda: affine(image=image),
             lambda: a_affine(image=image)["image"]),
        Case("Rot90(k=1)", lambda: rot90(image=image), lambda: a_rot90(image=image)["image"],
             "RandomRotate90 draws k in 0..3"),
        Case("PerspectiveTransform(scale=(0.05, 0.1))", lambda: persp(image=image),
             lambda: a_persp(image=image)["image"]),
        Case("Affine + 100 keypoints + 100 boxes", lambda: affine(
            image=image, keypoints=kps, bounding_boxes=bbs),
             lambda: a_compose(image=image, keypoints=xy, bboxes=clipped, labels=labels),
             "vs A.Compose with KeypointParams + BboxParams"),
        Case("Affine + 100 kps + 100 boxes (batched vs per-object loop)",
             lambda: affine.replay(params, image=image, keypoints=kps, bounding_boxes=bbs),
             per_object_loop, "other column: augkit looping over single objects"),
    ]
