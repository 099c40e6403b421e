"""The extension surface: everything a family plugin needs from the core.

A plugin imports ``augkit``, ``augkit.parameters``, ``augkit.testing`` and this
module, nothing else of augkit (``make lint`` holds augkit's own families to that).

Augmenter bases
    :class:`Augmenter`, :class:`PixelAugmenter` (pixel values only; every other kind
    passes through), :class:`GeometricAugmenter` (moves pixels; must transform maps
    and points or declare what it cannot), :class:`MetaAugmenter` (runs children)
    and :class:`ViewAugmenter` (runs children on a view of the data). Images are
    checked by the base against the class attributes ``supported_dtypes``,
    ``image_channels`` and ``min_image_side``.
What augmenters receive
    :class:`Rows` (one item per row and kind), :class:`CallContext`, the kind
    protocol (:class:`Kind`, :class:`MapKind`, :class:`PointsKind`) and the seven
    built-in kinds (:data:`BUILTIN_KINDS`, :class:`KeypointsKind`, ...).
Docstrings
    a line ``<supported data>`` in an augmenter's docstring becomes its "Supported
    data" line, built from the class attributes; ``<name>`` lines become the text
    blocks of the class attribute ``doc_blocks`` (a family's shared parameters).
Pixels and OpenCV
    one dtype table for OpenCV (:data:`CV2_WORK_DTYPES`), :func:`run_cv2` to run an
    OpenCV function on any dtype and channel count, :func:`channel_groups`,
    :func:`saturate`, :func:`value_range`, :func:`apply_lut`, :func:`blend`,
    :func:`table_keeping_alpha`, :func:`write_into` (for functions that take ``out=``),
    resizing and padding (:func:`resize_to`, :func:`pad`, :func:`pad_unchecked`,
    :func:`interpolation_flag`) and the crops or pads that reach an aspect ratio,
    multiples or powers (``compute_croppings_to_reach_*``, ``compute_paddings_to_reach_*``,
    :func:`pad_to_aspect_ratio`, :func:`pad_to_multiples_of`).
Parameters
    :func:`handle_choice_param` (one of a set of names), :func:`draw` and
    :func:`draw_per_channel` (n values from a parameter).
Errors
    :func:`describe` (how to name a wrong value in a message) and the error classes.

Examples
--------
>>> import numpy as np
>>> from augkit.extend import PixelAugmenter
>>> class AddOne(PixelAugmenter):
...     '''Add 1 to every pixel.'''
...     supported_dtypes = frozenset({"uint8"})
...     def apply_to_images(self, images, params):
...         return [image + 1 for image in images]
>>> AddOne()(image=np.zeros((1, 2), np.uint8)).tolist()
[[1, 1]]
"""

from __future__ import annotations

from augkit._rows import Rows
from augkit.augmentables.kind import Kind, MapKind, PointsKind
from augkit.augmentables.kinds import (
    BUILTIN_KINDS,
    BoundingBoxesKind,
    HeatmapsKind,
    ImagesKind,
    KeypointsKind,
    LineStringsKind,
    PolygonsKind,
    SegmentationMapsKind,
)
from augkit.augmenter import (
    MAX_OUTPUT_PIXELS,
    NUMERIC_DTYPES,
    Augmenter,
    CallContext,
    GeometricAugmenter,
    PixelAugmenter,
)
from augkit.errors import (
    AugkitError,
    InputError,
    ParameterError,
    ParameterTypeError,
    UnsupportedDtypeError,
    UnsupportedKindError,
    describe,
)
from augkit.imgutils import (
    INTERPOLATIONS,
    PAD_MODES,
    compute_croppings_to_reach_aspect_ratio,
    compute_croppings_to_reach_multiples_of,
    compute_croppings_to_reach_powers_of,
    compute_paddings_to_reach_aspect_ratio,
    compute_paddings_to_reach_multiples_of,
    compute_paddings_to_reach_powers_of,
    imresize_single_image,
    interpolation_flag,
    pad,
    pad_to_aspect_ratio,
    pad_to_multiples_of,
    pad_unchecked,
    resize_to,
)
from augkit.meta_base import MetaAugmenter, ViewAugmenter, as_augmenter_list
from augkit.opencv import (
    CV2_MAX_CHANNELS,
    CV2_NATIVE_DTYPES,
    CV2_WORK_DTYPES,
    channel_groups,
    from_work,
    run_cv2,
    to_work,
    to_work_value,
    work_dtype,
)
from augkit.parameters import draw, handle_choice_param
from augkit.pixels import (
    apply_lut,
    blend,
    channel_count,
    draw_per_channel,
    saturate,
    table_keeping_alpha,
    value_range,
    write_into,
)

__all__ = [
    "BUILTIN_KINDS",
    "BoundingBoxesKind",
    "HeatmapsKind",
    "ImagesKind",
    "KeypointsKind",
    "LineStringsKind",
    "PolygonsKind",
    "SegmentationMapsKind",
    "CV2_MAX_CHANNELS",
    "MAX_OUTPUT_PIXELS",
    "CV2_NATIVE_DTYPES",
    "CV2_WORK_DTYPES",
    "INTERPOLATIONS",
    "NUMERIC_DTYPES",
    "PAD_MODES",
    "AugkitError",
    "Augmenter",
    "CallContext",
    "GeometricAugmenter",
    "InputError",
    "Kind",
    "MapKind",
    "MetaAugmenter",
    "ParameterError",
    "ParameterTypeError",
    "PixelAugmenter",
    "PointsKind",
    "Rows",
    "UnsupportedDtypeError",
    "UnsupportedKindError",
    "ViewAugmenter",
    "apply_lut",
    "as_augmenter_list",
    "blend",
    "channel_count",
    "channel_groups",
    "compute_croppings_to_reach_aspect_ratio",
    "compute_croppings_to_reach_multiples_of",
    "compute_croppings_to_reach_powers_of",
    "compute_paddings_to_reach_aspect_ratio",
    "compute_paddings_to_reach_multiples_of",
    "compute_paddings_to_reach_powers_of",
    "describe",
    "draw",
    "draw_per_channel",
    "from_work",
    "handle_choice_param",
    "imresize_single_image",
    "interpolation_flag",
    "pad",
    "pad_to_aspect_ratio",
    "pad_to_multiples_of",
    "pad_unchecked",
    "resize_to",
    "run_cv2",
    "saturate",
    "table_keeping_alpha",
    "to_work",
    "to_work_value",
    "value_range",
    "work_dtype",
    "write_into",
]
