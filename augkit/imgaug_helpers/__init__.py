"""imgaug's ``imgaug.imgaug`` helpers that have no other home in augkit.

They are reachable as ``augkit.<name>`` (``import augkit as ia; ia.quokka()``), with
imgaug 0.4's signatures:

* :mod:`~augkit.imgaug_helpers.checks`: ``is_*`` predicates, ``flatten``,
  ``caller_name``, ``do_assert``;
* :mod:`~augkit.imgaug_helpers.legacy_random`: the deprecated random-state
  functions (``current_random_state``, ``new_random_state``, ``copy_random_state``,
  ...); ``warn``, ``warn_deprecated`` and ``deprecated`` come from
  :mod:`augkit.deprecation`;
* :mod:`~augkit.imgaug_helpers.image_ops`: ``apply_lut(_)``, ``draw_text``,
  ``compute_line_intersection_point``, ``angle_between_vectors``,
  ``compute_paddings_for_aspect_ratio``;
* :mod:`~augkit.imgaug_helpers.sample_data`: ``quokka`` and friends, which return
  augkit's astronaut sample (augkit ships no quokka).

Examples
--------
>>> import augkit as ia
>>> ia.is_single_number(3.5), ia.quokka(size=(8, 8)).shape
(True, (8, 8, 3))
"""

from augkit.deprecation import AugkitDeprecationWarning, deprecated, warn, warn_deprecated
from augkit.imgaug_helpers.checks import (
    caller_name,
    do_assert,
    flatten,
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
)
from augkit.imgaug_helpers.image_ops import (
    angle_between_vectors,
    apply_lut,
    apply_lut_,
    compute_line_intersection_point,
    compute_paddings_for_aspect_ratio,
    draw_text,
)
from augkit.imgaug_helpers.legacy_random import (
    copy_random_state,
    current_random_state,
    derive_random_state,
    derive_random_states,
    dummy_random_state,
    forward_random_state,
    new_random_state,
    normalize_random_state,
)
from augkit.imgaug_helpers.sample_data import (
    quokka,
    quokka_bounding_boxes,
    quokka_heatmap,
    quokka_keypoints,
    quokka_polygons,
    quokka_segmentation_map,
    quokka_square,
)

#: imgaug's name of :class:`AugkitDeprecationWarning` (``ia.DeprecationWarning``).
DeprecationWarning = AugkitDeprecationWarning  # noqa: A001

__all__ = [
    "AugkitDeprecationWarning",
    "DeprecationWarning",
    "angle_between_vectors",
    "apply_lut",
    "apply_lut_",
    "caller_name",
    "compute_line_intersection_point",
    "compute_paddings_for_aspect_ratio",
    "copy_random_state",
    "current_random_state",
    "deprecated",
    "derive_random_state",
    "derive_random_states",
    "do_assert",
    "draw_text",
    "dummy_random_state",
    "flatten",
    "forward_random_state",
    "is_callable",
    "is_float_array",
    "is_generator",
    "is_integer_array",
    "is_iterable",
    "is_np_array",
    "is_np_scalar",
    "is_single_bool",
    "is_single_float",
    "is_single_integer",
    "is_single_number",
    "is_string",
    "new_random_state",
    "normalize_random_state",
    "quokka",
    "quokka_bounding_boxes",
    "quokka_heatmap",
    "quokka_keypoints",
    "quokka_polygons",
    "quokka_segmentation_map",
    "quokka_square",
    "warn",
    "warn_deprecated",
]
