"""A dataset's objects through a pipeline: objects to kinds and back, then fitted to the image.

:func:`augment_objects` turns the objects of one image (boxes, polygons, keypoints,
masks) into the kinds an augmenter takes, augments them with the image in one keyed
draw, puts the results back into objects and decides what happens to those that left
the image (``--out-of-image clip|drop|keep``), counting everything in :class:`Stats`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from augkit import mirror
from augkit.app.datasets import Obj
from augkit.augmenter import Augmenter

#: What ``--out-of-image`` accepts.
OUT_OF_IMAGE = ("clip", "drop", "keep")
_EPS = 1e-3


@dataclass
class Stats:
    """Counts of one output, one image or the whole run."""

    objects_in: int = 0
    objects_out: int = 0
    dropped: int = 0
    clipped: int = 0
    keypoints_hidden: int = 0

    def add(self, other: Stats) -> None:
        """Add the counts of *other* to these."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def augment_objects(pipeline: Augmenter, image: np.ndarray, objects: list[Obj], key: Any,
                    out_of_image: str = "clip",
                    flip_idx: Callable[[Any], list[int] | None] | None = None,
                    ) -> tuple[np.ndarray, list[Obj], Stats]:
    """Augment *image* and its *objects* with one keyed draw of *pipeline*.

    Boxes, polygons, keypoints (those with visibility > 0) and masks go through the
    pipeline together with the image; then objects that left the image are clipped,
    dropped or kept as *out_of_image* says. Keypoints that left the image are marked not
    labelled (``0, 0, 0``) unless *out_of_image* is ``keep``.

    Parameters
    ----------
    pipeline : Augmenter
        The augmenter; called with ``key=key``.
    image : ndarray of shape (H, W) or (H, W, C)
        The image.
    objects : list of Obj
        Its annotated objects (not modified).
    key : hashable
        The keyed-sampling key of this output.
    out_of_image : {'clip', 'drop', 'keep'}
        What to do with objects that leave the image.
    flip_idx : callable, optional
        ``flip_idx(label)``: the mirror of each keypoint of an object of that class
        (``DatasetFormat.keypoint_flip_idx``). Where the pipeline mirrored the image
        (:mod:`augkit.mirror`), those keypoints swap, visibility included.

    Returns
    -------
    tuple of (ndarray, list of Obj, Stats)
        The augmented image, the objects kept, and the counts.
    """
    from augkit.augmentables import SegmentationMapsOnImage

    data: dict[str, Any] = {"image": image}
    box_owner = [i for i, o in enumerate(objects) if o.box is not None]
    if box_owner:
        data["bounding_boxes"] = np.array([objects[i].box for i in box_owner], np.float32)
    poly_owner = [(i, j) for i, o in enumerate(objects) for j in range(len(o.polygons))]
    if poly_owner:
        data["polygons"] = [objects[i].polygons[j].astype(np.float32) for i, j in poly_owner]
    kp_owner = [(i, j) for i, o in enumerate(objects) if o.keypoints is not None
                for j in np.flatnonzero(o.keypoints[:, 2] > 0)]
    swaps = {i: perm for i, o in enumerate(objects) if o.keypoints is not None and flip_idx
             for perm in [flip_idx(o.label)] if perm is not None and len(perm) == len(o.keypoints)}
    if kp_owner:
        data["keypoints"] = np.array([objects[i].keypoints[j, :2] for i, j in kp_owner],
                                     np.float32)
        if swaps:  # three probe points tell whether the pipeline mirrored the image
            data["keypoints"] = np.concatenate([data["keypoints"], mirror.probes(image.shape)])
    mask_owner = [i for i, o in enumerate(objects) if o.mask is not None]
    if mask_owner:
        stack = np.stack([objects[i].mask for i in mask_owner], axis=2).astype(np.uint8)
        data["segmentation_maps"] = SegmentationMapsOnImage(stack, shape=image.shape)
    result = pipeline(**data, key=key)
    if len(data) == 1:
        result = (result,)
    out = dict(zip(data, result))
    image_out = out["image"]
    height, width = image_out.shape[:2]
    new = [Obj(label=o.label, source=o.source,
               keypoints=None if o.keypoints is None else o.keypoints.copy())
           for o in objects]
    for row, i in enumerate(box_owner):
        new[i].box = np.asarray(out["bounding_boxes"][row], dtype=np.float64)
    for (i, _), poly in zip(poly_owner, out.get("polygons", [])):
        new[i].polygons.append(np.asarray(poly, dtype=np.float64))
    if mask_owner:
        masks = out["segmentation_maps"].get_arr()
        if masks.ndim == 2:
            masks = masks[:, :, None]
        for channel, i in enumerate(mask_owner):
            new[i].mask = masks[:, :, channel] > 0
    stats = Stats(objects_in=len(objects))
    if kp_owner:
        moved = np.asarray(out["keypoints"], dtype=np.float64)
        for (i, j), xy in zip(kp_owner, moved):
            new[i].keypoints[j, :2] = xy
        if swaps and mirror.is_mirrored(mirror.probes(image.shape), moved[-3:]):
            for i, perm in swaps.items():
                new[i].keypoints = new[i].keypoints[perm]
    kept = []
    for obj in new:
        if _fit_to_image(obj, width, height, out_of_image, stats):
            kept.append(obj)
        else:
            stats.dropped += 1
    stats.objects_out = len(kept)
    return image_out, kept, stats


def _outside(xy: np.ndarray, width: int, height: int) -> bool:
    return bool(len(xy)) and bool(
        (xy[:, 0] < -_EPS).any() or (xy[:, 0] > width + _EPS).any()
        or (xy[:, 1] < -_EPS).any() or (xy[:, 1] > height + _EPS).any())


def _fit_to_image(obj: Obj, width: int, height: int, mode: str, stats: Stats) -> bool:
    """Clip/drop/keep one transformed object in place; return False to drop it."""
    if obj.keypoints is not None and mode != "keep":
        labelled = obj.keypoints[:, 2] > 0
        gone = labelled & ((obj.keypoints[:, 0] < -_EPS) | (obj.keypoints[:, 0] > width + _EPS)
                           | (obj.keypoints[:, 1] < -_EPS)
                           | (obj.keypoints[:, 1] > height + _EPS))
        if gone.any():
            obj.keypoints[gone] = 0.0
            stats.keypoints_hidden += int(gone.sum())
    if mode == "keep":
        return True
    if obj.mask is not None:
        return bool(obj.mask.any())
    if obj.polygons:
        leaves = any(_outside(p, width, height) for p in obj.polygons)
        if not leaves:
            return True
        if mode == "drop":
            return False
        obj.polygons = _clip_polygons(obj.polygons, width, height)
        obj.clipped = True
        stats.clipped += 1
        if obj.polygons and obj.box is not None:
            allxy = np.concatenate(obj.polygons)
            obj.box = np.concatenate([allxy.min(axis=0), allxy.max(axis=0)])
        return bool(obj.polygons)
    if obj.box is not None:
        box = obj.box
        x1, y1, x2, y2 = box.tolist()  # four Python floats: faster than numpy reductions
        right, bottom = width + _EPS, height + _EPS
        if not (x1 < -_EPS or x2 < -_EPS or x1 > right or x2 > right
                or y1 < -_EPS or y2 < -_EPS or y1 > bottom or y2 > bottom):
            return True
        if mode == "drop":
            return False
        clipped = np.clip(box, 0, [width, height, width, height])
        if clipped[2] - clipped[0] <= _EPS or clipped[3] - clipped[1] <= _EPS:
            return False
        obj.box = clipped
        obj.clipped = True
        stats.clipped += 1
    return True


def _clip_polygons(polygons: list[np.ndarray], width: int, height: int) -> list[np.ndarray]:
    import shapely

    frame = shapely.box(0, 0, width, height)
    parts = []
    for coords in polygons:
        if len(coords) < 3:
            continue
        geometry = shapely.make_valid(shapely.Polygon(coords)).intersection(frame)
        for part in getattr(geometry, "geoms", [geometry]):
            if isinstance(part, shapely.Polygon) and part.area > 0:
                ring = np.asarray(part.exterior.coords, dtype=np.float64)[:-1]
                parts.append(ring)
    return parts


__all__ = ["OUT_OF_IMAGE", "Stats", "augment_objects"]
