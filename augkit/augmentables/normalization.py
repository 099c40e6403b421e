"""imgaug's ``imgaug.augmentables.normalization``: user inputs to lists of containers and back.

``normalize_<kind>(inputs, shapes=None)`` turns any form imgaug accepts for a kind (a
container, a list of them, plain arrays, lists of tuples or of single objects, ...) into a
list with one container per image, or None when there is nothing (None or an empty list).
``invert_normalize_<kind>(normalized, old)`` gives such a list back in the form of *old*.
Both are thin wrappers over the kinds of :mod:`augkit.augmentables.kinds` (the conversion
augmenters use), so they accept the same inputs as ``augmenter(<kind>=...)``.

``estimate_<kind>_norm_type(inputs)`` names the form of *inputs* with imgaug's type strings
(``"iterable-array[float]"``, ``"KeypointsOnImage"``, ``"tuple[number,size=2]"``, ...).

Examples
--------
>>> import numpy as np
>>> from augkit.augmentables.normalization import normalize_keypoints, invert_normalize_keypoints
>>> kpsois = normalize_keypoints([[(1, 2), (3, 4)]], shapes=[(10, 10, 3)])
>>> kpsois[0].to_xy_array().tolist()
[[1.0, 2.0], [3.0, 4.0]]
>>> invert_normalize_keypoints([kpsois[0].shift(x=1)], [[(1, 2), (3, 4)]])
[[(2.0, 2.0), (4.0, 4.0)]]
>>> estimate_keypoints_norm_type(np.zeros((2, 5, 2)))
'array[float]'
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from augkit.augmentables.kind import Kind
from augkit.augmentables.kinds import (
    BoundingBoxesKind,
    HeatmapsKind,
    KeypointsKind,
    LineStringsKind,
    PolygonsKind,
    SegmentationMapsKind,
)
from augkit.errors import InputError, describe

__all__ = [
    "estimate_bounding_boxes_norm_type",
    "estimate_heatmaps_norm_type",
    "estimate_keypoints_norm_type",
    "estimate_line_strings_norm_type",
    "estimate_normalization_type",
    "estimate_polygons_norm_type",
    "estimate_segmaps_norm_type",
    "find_first_nonempty",
    "invert_normalize_bounding_boxes",
    "invert_normalize_heatmaps",
    "invert_normalize_images",
    "invert_normalize_keypoints",
    "invert_normalize_line_strings",
    "invert_normalize_polygons",
    "invert_normalize_segmentation_maps",
    "normalize_bounding_boxes",
    "normalize_heatmaps",
    "normalize_images",
    "normalize_keypoints",
    "normalize_line_strings",
    "normalize_polygons",
    "normalize_segmentation_maps",
]

_ARRAY_KINDS = {"f": "float", "u": "uint", "i": "int", "b": "bool"}


# ------------------------------------------------------------------ type strings


def find_first_nonempty(attr: Any, parents: list | None = None) -> tuple[Any, bool, list]:
    """Return the first non-list leaf of *attr*, whether one was found, and its parent lists.

    Arrays, None and objects are leaves; lists and tuples are walked depth-first. When
    only empty lists are found, the deepest one's parents are returned with False.

    Examples
    --------
    >>> leaf, found, parents = find_first_nonempty([[], [(1, 2)]])
    >>> leaf, found, len(parents)
    (1, True, 3)
    """
    parents = [] if parents is None else parents
    if not isinstance(attr, (list, tuple)):
        return attr, True, parents
    if len(attr) == 0:
        return None, False, parents
    deepest: tuple[Any, bool, list] = (None, False, parents)
    for element in attr:
        leaf, found, chain = find_first_nonempty(element, parents + [attr])
        if found:
            return leaf, found, chain
        if len(chain) > len(deepest[2]):
            deepest = (leaf, found, chain)
    return deepest


def estimate_normalization_type(inputs: Any) -> str:
    """Return imgaug's type string of *inputs*, e.g. ``"iterable-tuple[number,size=2]"``.

    Examples
    --------
    >>> estimate_normalization_type([[]])
    'iterable-iterable[empty]'
    """
    leaf, found, parents = find_first_nonempty(inputs)
    if len(parents) > 4:
        raise InputError(f"inputs: nested too deeply (more than 4 lists): {describe(inputs)}")
    prefix = "iterable-" * len(parents)
    if not found:
        return prefix + "iterable[empty]"
    if parents and isinstance(parents[-1], tuple) and all(
            isinstance(v, numbers.Real) and not isinstance(v, bool) for v in parents[-1]):
        return "iterable-" * (len(parents) - 1) + f"tuple[number,size={len(parents[-1])}]"
    if leaf is None:
        return "None"
    if isinstance(leaf, np.ndarray):
        return f"{prefix}array[{_ARRAY_KINDS.get(leaf.dtype.kind, leaf.dtype.kind)}]"
    return prefix + type(leaf).__name__


def _checked(inputs: Any, valid: list[str], argname: str) -> str:
    ntype = estimate_normalization_type(inputs)
    if ntype not in valid:
        raise InputError(
            f"{argname}: got a value of the form {ntype!r} ({describe(inputs)}); expected one "
            f"of the forms {', '.join(valid)}"
        )
    return ntype


def _point_forms(single: str, container: str) -> list[str]:
    return ["None", "array[float]", "array[int]", "array[uint]", single, container,
            "iterable[empty]", "iterable-array[float]", "iterable-array[int]",
            "iterable-array[uint]"]


def estimate_heatmaps_norm_type(heatmaps: Any) -> str:
    """Return the type string of *heatmaps* (raises InputError for forms imgaug rejects)."""
    return _checked(heatmaps, ["None", "array[float]", "HeatmapsOnImage", "iterable[empty]",
                               "iterable-array[float]", "iterable-HeatmapsOnImage"], "heatmaps")


def estimate_segmaps_norm_type(segmentation_maps: Any) -> str:
    """Return the type string of *segmentation_maps* (see :func:`estimate_heatmaps_norm_type`)."""
    arrays = ["array[int]", "array[uint]", "array[bool]"]
    return _checked(segmentation_maps,
                    ["None", *arrays, "SegmentationMapsOnImage", "iterable[empty]",
                     *("iterable-" + a for a in arrays), "iterable-SegmentationMapsOnImage"],
                    "segmentation_maps")


def _coordinate_forms(single: str, container: str, size: int) -> list[str]:
    return [*_point_forms(f"tuple[number,size={size}]", single), container,
            f"iterable-tuple[number,size={size}]", f"iterable-{single}",
            f"iterable-{container}", "iterable-iterable[empty]",
            f"iterable-iterable-tuple[number,size={size}]", f"iterable-iterable-{single}"]


def estimate_keypoints_norm_type(keypoints: Any) -> str:
    """Return the type string of *keypoints* (see :func:`estimate_heatmaps_norm_type`)."""
    return _checked(keypoints, _coordinate_forms("Keypoint", "KeypointsOnImage", 2),
                    "keypoints")


def estimate_bounding_boxes_norm_type(bounding_boxes: Any) -> str:
    """Return the type string of *bounding_boxes* (see :func:`estimate_heatmaps_norm_type`)."""
    return _checked(bounding_boxes,
                    _coordinate_forms("BoundingBox", "BoundingBoxesOnImage", 4),
                    "bounding_boxes")


def _vertex_forms(single: str, container: str) -> list[str]:
    return [*_point_forms(single, container), "iterable-tuple[number,size=2]",
            "iterable-Keypoint", f"iterable-{single}", f"iterable-{container}",
            "iterable-iterable[empty]", "iterable-iterable-array[float]",
            "iterable-iterable-array[int]", "iterable-iterable-array[uint]",
            "iterable-iterable-tuple[number,size=2]", "iterable-iterable-Keypoint",
            f"iterable-iterable-{single}", "iterable-iterable-iterable[empty]",
            "iterable-iterable-iterable-tuple[number,size=2]",
            "iterable-iterable-iterable-Keypoint"]


def estimate_polygons_norm_type(polygons: Any) -> str:
    """Return the type string of *polygons* (see :func:`estimate_heatmaps_norm_type`)."""
    return _checked(polygons, _vertex_forms("Polygon", "PolygonsOnImage"), "polygons")


def estimate_line_strings_norm_type(line_strings: Any) -> str:
    """Return the type string of *line_strings* (see :func:`estimate_heatmaps_norm_type`)."""
    return _checked(line_strings, _vertex_forms("LineString", "LineStringsOnImage"),
                    "line_strings")


# ------------------------------------------------------------------- conversion


def _preprocess_shapes(shapes: Any) -> list[tuple[int, ...]] | None:
    """Return one image shape per image from None, an image batch or a list of shapes/images."""
    if shapes is None:
        return None
    if isinstance(shapes, np.ndarray):
        if shapes.ndim not in (3, 4):
            raise InputError(
                f"shapes: expected an image batch of shape (N, H, W) or (N, H, W, C), got an "
                f"array of shape {shapes.shape}"
            )
        return [image.shape for image in shapes]
    if not isinstance(shapes, list):
        raise InputError(f"shapes: expected None, an image batch or a list, got {describe(shapes)}")
    return [s.shape if isinstance(s, np.ndarray) else tuple(s) for s in shapes]


#: Forms that hold less than one image's worth (a single point, box or polygon): they are
#: wrapped into a list before the kind reads them, and unwrapped again when inverted.
_LESS_THAN_A_ROW = {
    "keypoints": ("tuple[number,size=2]", "Keypoint"),
    "bounding_boxes": ("tuple[number,size=4]", "BoundingBox"),
    "polygons": ("Polygon", "iterable-tuple[number,size=2]", "iterable-Keypoint"),
    "line_strings": ("LineString", "iterable-tuple[number,size=2]", "iterable-Keypoint"),
}
_EMPTY = ("iterable[empty]", "iterable-iterable[empty]", "iterable-iterable-iterable[empty]")


def _normalize(kind: type[Kind], ntype: str, inputs: Any, shapes: Any) -> list | None:
    if ntype == "None" or ntype in _EMPTY:
        return None
    if ntype in _LESS_THAN_A_ROW.get(kind.name, ()):
        inputs = [inputs]
    rows, _ = kind.to_rows(inputs, shapes=_preprocess_shapes(shapes), single=False, options={})
    return rows


def _invert(kind: type[Kind], ntype: str, normalized: Any, old: Any) -> Any:
    if ntype == "None":
        if normalized is not None:
            raise InputError(f"{kind.name}: expected None (the input was None), got "
                             f"{describe(normalized)}")
        return None
    if ntype in _EMPTY:
        return []
    wrapped = ntype in _LESS_THAN_A_ROW.get(kind.name, ())
    rows = list(normalized)
    _, restore = kind.to_rows([old] if wrapped else old,
                              shapes=[kind.shape_of(row) for row in rows], single=False,
                              options={})
    result = restore(rows)
    return result[0] if wrapped else result


def normalize_images(images: Any) -> Any:
    """Return images as an ``(N, H, W, C)`` array or a list of ``(H, W, C)`` arrays.

    A 2-D array is one grayscale image, a 3-D array ``N`` grayscale images (as imgaug's);
    None stays None.

    Examples
    --------
    >>> import numpy as np
    >>> normalize_images(np.zeros((4, 5))).shape
    (1, 4, 5, 1)
    """
    if images is None:
        return None
    if isinstance(images, np.ndarray):
        if images.ndim == 2:
            return images[np.newaxis, :, :, np.newaxis]
        if images.ndim == 3:
            return images[..., np.newaxis]
        return images
    if isinstance(images, (list, tuple)):
        result = []
        for i, image in enumerate(images):
            if not isinstance(image, np.ndarray) or image.ndim not in (2, 3):
                raise InputError(
                    f"images[{i}]: expected an array of shape (H, W) or (H, W, C), got "
                    f"{describe(image)}"
                )
            result.append(image[:, :, np.newaxis] if image.ndim == 2 else image)
        return result
    raise InputError(f"images: expected None, an array or a list of arrays, got "
                     f"{describe(images)}")


def invert_normalize_images(images: Any, images_old: Any) -> Any:
    """Give images from :func:`normalize_images` back in the dimensionality of *images_old*.

    Examples
    --------
    >>> import numpy as np
    >>> old = np.zeros((4, 5))
    >>> invert_normalize_images(normalize_images(old), old).shape
    (4, 5)
    """
    if images_old is None:
        if images is not None:
            raise InputError(f"images: expected None (images_old is None), got {describe(images)}")
        return None
    if isinstance(images_old, np.ndarray):
        if not isinstance(images, np.ndarray):
            olds = [images_old] if images_old.ndim == 2 else list(images_old)
            return invert_normalize_images(images, olds)
        if images_old.ndim == 2:
            return images[0, :, :, 0]
        if images_old.ndim == 3:
            return images[..., 0]
        return images
    return [image[:, :, 0] if old.ndim == 2 else image
            for image, old in zip(images, images_old, strict=True)]


def normalize_heatmaps(inputs: Any, shapes: Any = None) -> list | None:
    """Return *inputs* as a list of ``HeatmapsOnImage`` (None for None or empty).

    Plain float arrays (``(N, H, W, C)``, or a list of ``(H, W, C)``) need *shapes*: an
    image batch or one image shape per image.
    """
    return _normalize(HeatmapsKind, estimate_heatmaps_norm_type(inputs), inputs, shapes)


def invert_normalize_heatmaps(heatmaps: Any, heatmaps_old: Any) -> Any:
    """Give the list *heatmaps* back in the form of *heatmaps_old*."""
    return _invert(HeatmapsKind, estimate_heatmaps_norm_type(heatmaps_old), heatmaps,
                   heatmaps_old)


def normalize_segmentation_maps(inputs: Any, shapes: Any = None) -> list | None:
    """Return *inputs* as a list of ``SegmentationMapsOnImage`` (None for None or empty).

    Plain int/uint/bool arrays need *shapes* (see :func:`normalize_heatmaps`).
    """
    return _normalize(SegmentationMapsKind, estimate_segmaps_norm_type(inputs), inputs, shapes)


def invert_normalize_segmentation_maps(segmentation_maps: Any,
                                       segmentation_maps_old: Any) -> Any:
    """Give the list *segmentation_maps* back in the form of *segmentation_maps_old*."""
    return _invert(SegmentationMapsKind, estimate_segmaps_norm_type(segmentation_maps_old),
                   segmentation_maps, segmentation_maps_old)


def normalize_keypoints(inputs: Any, shapes: Any = None) -> list | None:
    """Return *inputs* as a list of ``KeypointsOnImage`` (None for None or empty).

    Accepted: a container or list of them; an ``(N, K, 2)`` array or a list of ``(K, 2)``
    arrays; one ``(x, y)``, one Keypoint, or a list of them (one image); a list of such
    lists (one per image). Plain values need *shapes*.
    """
    return _normalize(KeypointsKind, estimate_keypoints_norm_type(inputs), inputs, shapes)


def invert_normalize_keypoints(keypoints: Any, keypoints_old: Any) -> Any:
    """Give the list *keypoints* back in the form of *keypoints_old*."""
    return _invert(KeypointsKind, estimate_keypoints_norm_type(keypoints_old), keypoints,
                   keypoints_old)


def normalize_bounding_boxes(inputs: Any, shapes: Any = None) -> list | None:
    """Return *inputs* as a list of ``BoundingBoxesOnImage`` (None for None or empty).

    As :func:`normalize_keypoints`, with ``(x1, y1, x2, y2)`` rows instead of points.
    """
    return _normalize(BoundingBoxesKind, estimate_bounding_boxes_norm_type(inputs), inputs,
                      shapes)


def invert_normalize_bounding_boxes(bounding_boxes: Any, bounding_boxes_old: Any) -> Any:
    """Give the list *bounding_boxes* back in the form of *bounding_boxes_old*."""
    return _invert(BoundingBoxesKind, estimate_bounding_boxes_norm_type(bounding_boxes_old),
                   bounding_boxes, bounding_boxes_old)


def normalize_polygons(inputs: Any, shapes: Any = None) -> list | None:
    """Return *inputs* as a list of ``PolygonsOnImage`` (None for None or empty).

    One polygon is a Polygon or a list of ``(x, y)``/Keypoints; one image's polygons a
    list of those or an ``(P, M, 2)`` array; a batch a list of those or an
    ``(N, P, M, 2)`` array. Plain values need *shapes*.
    """
    return _normalize(PolygonsKind, estimate_polygons_norm_type(inputs), inputs, shapes)


def invert_normalize_polygons(polygons: Any, polygons_old: Any) -> Any:
    """Give the list *polygons* back in the form of *polygons_old*."""
    return _invert(PolygonsKind, estimate_polygons_norm_type(polygons_old), polygons,
                   polygons_old)


def normalize_line_strings(inputs: Any, shapes: Any = None) -> list | None:
    """Return *inputs* as a list of ``LineStringsOnImage`` (as :func:`normalize_polygons`)."""
    return _normalize(LineStringsKind, estimate_line_strings_norm_type(inputs), inputs, shapes)


def invert_normalize_line_strings(line_strings: Any, line_strings_old: Any) -> Any:
    """Give the list *line_strings* back in the form of *line_strings_old*."""
    return _invert(LineStringsKind, estimate_line_strings_norm_type(line_strings_old),
                   line_strings, line_strings_old)
