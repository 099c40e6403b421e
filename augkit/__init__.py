"""augkit: image augmentation for machine learning.

Images and everything annotated on them (heatmaps, segmentation maps, keypoints,
bounding boxes, polygons, line strings) are augmented together, consistently.
Augmenter families are plugins; build any installed augmenter by name:

>>> import numpy as np, augkit
>>> aug = augkit.get("Fliplr", p=1.0)
>>> aug(image=np.array([[1, 2, 3]], dtype=np.uint8)).tolist()
[[3, 2, 1]]

``from augkit import augmenters as iaa`` and ``from augkit import parameters as iap``
give imgaug-style namespaces. Heavy modules load on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from augkit import kind_catalogue as _kind_catalogue
from augkit.errors import (
    AmbiguousNameError,
    AugkitError,
    InputError,
    ParameterError,
    ParameterTypeError,
    PluginError,
    ReplayError,
    UnknownAugmenterError,
    UnsupportedDtypeError,
    UnsupportedKindError,
)
from augkit.hookspecs import hookimpl
from augkit.random import seed

if TYPE_CHECKING:  # the lazy names below, spelled out for type checkers
    from augkit._rows import Rows
    from augkit.augmentables import (
        BoundingBox,
        BoundingBoxesOnImage,
        HeatmapsOnImage,
        Keypoint,
        KeypointsOnImage,
        LineString,
        LineStringsOnImage,
        MultiPolygon,
        Polygon,
        PolygonsOnImage,
        SegmentationMapOnImage,
        SegmentationMapsOnImage,
    )
    from augkit.augmentables.kind import Kind, MapKind, PointsKind
    from augkit.augmenter import Augmenter, CallContext, GeometricAugmenter, PixelAugmenter
    from augkit.batches import Batch, UnnormalizedBatch
    from augkit.blend import (
        BlendAlpha,
        BlendAlphaBoundingBoxes,
        BlendAlphaCheckerboard,
        BlendAlphaElementwise,
        BlendAlphaFrequencyNoise,
        BlendAlphaHorizontalLinearGradient,
        BlendAlphaMask,
        BlendAlphaRegularGrid,
        BlendAlphaSegMapClassIds,
        BlendAlphaSimplexNoise,
        BlendAlphaSomeColors,
        BlendAlphaVerticalLinearGradient,
    )
    from augkit.draw import draw_grid, imshow, show_grid
    from augkit.hooks import HooksHeatmaps, HooksImages, HooksKeypoints
    from augkit.imgaug_helpers import (
        DeprecationWarning,
        angle_between_vectors,
        apply_lut,
        apply_lut_,
        caller_name,
        compute_line_intersection_point,
        compute_paddings_for_aspect_ratio,
        copy_random_state,
        current_random_state,
        deprecated,
        derive_random_state,
        derive_random_states,
        do_assert,
        draw_text,
        dummy_random_state,
        flatten,
        forward_random_state,
        is_callable,
        is_float_array,
        is_generator,
        is_integer_array,
        is_iterable,
        is_np_array,
        is_np_scalar,
        is_single_bool,
        is_single_float,
        is_single_integer,
        is_single_number,
        is_string,
        new_random_state,
        normalize_random_state,
        quokka,
        quokka_bounding_boxes,
        quokka_heatmap,
        quokka_keypoints,
        quokka_polygons,
        quokka_segmentation_map,
        quokka_square,
        warn,
        warn_deprecated,
    )
    from augkit.imgutils import (
        avg_pool,
        compute_paddings_to_reach_multiples_of,
        imresize_many_images,
        imresize_single_image,
        max_pool,
        median_pool,
        min_pool,
        pad,
        pad_to_aspect_ratio,
        pad_to_multiples_of,
        pool,
    )
    from augkit.meta import (
        AssertionFailedError,
        AssertLambda,
        AssertShape,
        ChannelShuffle,
        ClipCBAsToImagePlanes,
        Identity,
        Lambda,
        OneOf,
        RemoveCBAsByOutOfImageFraction,
        Sequential,
        SomeOf,
        Sometimes,
        WithChannels,
    )
    from augkit.meta import (
        Identity as Noop,
    )
    from augkit.multicore import BackgroundAugmenter, BatchLoader, Pool
    from augkit.presets import load
    from augkit.registry import get, names
    from augkit.serialization import from_dict, save

__version__ = "0.1.0"

#: imgaug's ``ia.ALL``: "every choice" for parameters such as ``mode``.
ALL = "ALL"

# Public names resolved on first access: name -> module that defines it.
_LAZY = {
    "get": "augkit.registry",
    "names": "augkit.registry",
    "Augmenter": "augkit.augmenter",
    "PixelAugmenter": "augkit.augmenter",
    "GeometricAugmenter": "augkit.augmenter",
    "CallContext": "augkit.augmenter",
    "Rows": "augkit._rows",
    "Kind": "augkit.augmentables.kind",
    "MapKind": "augkit.augmentables.kind",
    "PointsKind": "augkit.augmentables.kind",
    "draw_grid": "augkit.draw",
    "show_grid": "augkit.draw",
    "imshow": "augkit.draw",
    "imresize_single_image": "augkit.imgutils",
    "imresize_many_images": "augkit.imgutils",
    "pad": "augkit.imgutils",
    "pad_to_aspect_ratio": "augkit.imgutils",
    "pool": "augkit.imgutils",
    "avg_pool": "augkit.imgutils",
    "max_pool": "augkit.imgutils",
    "min_pool": "augkit.imgutils",
    "median_pool": "augkit.imgutils",
    "pad_to_multiples_of": "augkit.imgutils",
    "compute_paddings_to_reach_multiples_of": "augkit.imgutils",
}
for _name in ("is_np_array", "is_np_scalar", "is_single_integer", "is_single_float",
              "is_single_number", "is_single_bool", "is_iterable", "is_string",
              "is_integer_array", "is_float_array", "is_callable", "is_generator", "flatten",
              "caller_name", "do_assert", "warn", "warn_deprecated", "DeprecationWarning",
              "current_random_state", "new_random_state", "apply_lut", "apply_lut_",
              "draw_text", "compute_line_intersection_point",
              "compute_paddings_for_aspect_ratio", "quokka", "quokka_square", "quokka_heatmap",
              "quokka_segmentation_map", "quokka_keypoints", "quokka_bounding_boxes",
              "quokka_polygons", "angle_between_vectors", "deprecated", "dummy_random_state",
              "copy_random_state", "derive_random_state", "derive_random_states",
              "forward_random_state", "normalize_random_state"):  # imgaug.imgaug's helpers
    _LAZY[_name] = "augkit.imgaug_helpers"
for _name in ("Batch", "UnnormalizedBatch"):
    _LAZY[_name] = "augkit.batches"
for _name in ("BatchLoader", "BackgroundAugmenter", "Pool"):
    _LAZY[_name] = "augkit.multicore"
for _name in ("HooksImages", "HooksHeatmaps", "HooksKeypoints"):
    _LAZY[_name] = "augkit.hooks"
for _name in ("from_dict", "save"):
    _LAZY[_name] = "augkit.serialization"
_LAZY["load"] = "augkit.presets"  # a pipeline file, or a preset by name
for _name in ("Sequential", "SomeOf", "OneOf", "Sometimes", "WithChannels", "Identity",
              "Lambda", "AssertLambda", "AssertShape", "ChannelShuffle",
              "RemoveCBAsByOutOfImageFraction", "ClipCBAsToImagePlanes",
              "AssertionFailedError"):
    _LAZY[_name] = "augkit.meta"
for _name in ("BlendAlpha", "BlendAlphaMask", "BlendAlphaElementwise", "BlendAlphaSimplexNoise",
              "BlendAlphaFrequencyNoise", "BlendAlphaSomeColors",
              "BlendAlphaHorizontalLinearGradient", "BlendAlphaVerticalLinearGradient",
              "BlendAlphaRegularGrid", "BlendAlphaCheckerboard", "BlendAlphaSegMapClassIds",
              "BlendAlphaBoundingBoxes"):
    _LAZY[_name] = "augkit.blend"
for _name in ("Keypoint", "KeypointsOnImage", "BoundingBox", "BoundingBoxesOnImage",
              "Polygon", "PolygonsOnImage", "LineString", "LineStringsOnImage",
              "HeatmapsOnImage", "SegmentationMapsOnImage", "MultiPolygon",
              "SegmentationMapOnImage"):
    _LAZY[_name] = "augkit.augmentables"
_LAZY["augment_dataset"] = "augkit.app.api"  # the augment job; augkit.app loads when used
_SUBMODULES = {"augmenters", "parameters", "augmentables", "testing", "data", "meta", "blend",
               "registry", "random", "draw", "imgutils", "pixels", "batches", "multicore",
               "hooks", "serialization", "dtypes", "rng"}


def _load_plugin_kinds() -> None:
    """Load the plugins, so that the kinds they add become call keywords."""
    import_module("augkit.registry").registry.ensure_loaded()


_kind_catalogue.add_loader(_load_plugin_kinds)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return import_module(f"augkit.{name}")
    if name == "Noop":
        return __getattr__("Identity")
    raise AttributeError(f"module 'augkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | _SUBMODULES)


__all__ = [
    "ALL",
    "AmbiguousNameError",
    "AugkitError",
    "InputError",
    "ParameterError",
    "ParameterTypeError",
    "PluginError",
    "ReplayError",
    "UnknownAugmenterError",
    "UnsupportedDtypeError",
    "UnsupportedKindError",
    "hookimpl",
    "seed",
    # not "DeprecationWarning": a star import would shadow Python's own
    *(name for name in _LAZY if name != "DeprecationWarning"),
]
