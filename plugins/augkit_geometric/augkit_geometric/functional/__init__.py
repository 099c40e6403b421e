"""Pure numpy/OpenCV kernels of the geometric family: no randomness, arrays in and out.

The augmenters sample their parameters and call these; tests call them directly.

Warps (any dtype and channel count, imgaug's mode and order names)
    :func:`warp_affine`, :func:`warp_perspective`, :func:`remap`,
    :func:`warp_skimage` (true spline orders), :func:`warp` (chooses the backend:
    :func:`resolve_backend`);
    :func:`cv2_border`, :func:`cv2_interpolation`, :data:`BORDER_MODES`,
    :data:`ORDERS`.
Matrices (3x3, augkit's continuous coordinates)
    :func:`translation_matrix`, :func:`scale_matrix`, :func:`flip_matrix`,
    :func:`rot90_matrix`, :func:`affine_matrices`, :func:`four_point_matrix`,
    :func:`to_cv2_matrix`, :func:`transform_points`, :func:`fit_to_canvas`,
    :func:`matrix_for_map`.
Moving whole pixels (exact for every dtype)
    :func:`copy_image`, :func:`fliplr`, :func:`flipud`, :func:`rot90_image`, and the
    jigsaw: :func:`jigsaw_destinations`, :func:`generate_jigsaw_destinations`,
    :func:`apply_jigsaw`, :func:`apply_jigsaw_to_coords`.
Cropping and padding
    :func:`clamp_crop`, :func:`clamp_crops`, :func:`crop_pad_image`.
Displacement fields (ElasticTransformation, PiecewiseAffine)
    :func:`remap_field`, :func:`resize_field`, :func:`sample_field`,
    :func:`invert_field`, :func:`elastic_noise_shape`, :func:`elastic_field`,
    :func:`piecewise_field`, :func:`grid_points`, :func:`piecewise_points`.
Polar view (WithPolarWarping)
    :func:`polar_shape`, :func:`to_polar`, :func:`from_polar`,
    :func:`to_polar_points`, :func:`from_polar_points`.

Examples
--------
>>> import numpy as np
>>> from augkit_geometric import functional as F
>>> image = np.arange(6, dtype=np.uint8).reshape(2, 3, 1)
>>> matrix = F.to_cv2_matrix(F.flip_matrix(1, 2, 3))
>>> F.warp(image, matrix, (3, 2), order=0)[:, :, 0].tolist()
[[2, 1, 0], [5, 4, 3]]
>>> F.fliplr(image)[:, :, 0].tolist()
[[2, 1, 0], [5, 4, 3]]
"""

from augkit_geometric.functional._crop_pad import clamp_crop, clamp_crops, crop_pad_image
from augkit_geometric.functional._fields import (
    elastic_field,
    elastic_noise_shape,
    grid_points,
    invert_field,
    piecewise_field,
    piecewise_points,
    remap_field,
    resize_field,
    sample_field,
)
from augkit_geometric.functional._matrices import (
    affine_matrices,
    fit_to_canvas,
    flip_matrix,
    four_point_matrix,
    matrix_for_map,
    rot90_matrix,
    scale_matrix,
    to_cv2_matrix,
    transform_points,
    translation_matrix,
)
from augkit_geometric.functional._polar import (
    from_polar,
    from_polar_points,
    polar_shape,
    to_polar,
    to_polar_points,
)
from augkit_geometric.functional._rearrange import (
    apply_jigsaw,
    apply_jigsaw_to_coords,
    copy_image,
    fliplr,
    flipud,
    generate_jigsaw_destinations,
    jigsaw_destinations,
    rot90_image,
)
from augkit_geometric.functional._warp import (
    BORDER_MODES,
    ORDERS,
    cv2_border,
    cv2_interpolation,
    remap,
    resolve_backend,
    warp,
    warp_affine,
    warp_perspective,
    warp_skimage,
)

__all__ = [
    "BORDER_MODES",
    "ORDERS",
    "affine_matrices",
    "apply_jigsaw",
    "apply_jigsaw_to_coords",
    "clamp_crop",
    "clamp_crops",
    "copy_image",
    "crop_pad_image",
    "cv2_border",
    "cv2_interpolation",
    "elastic_field",
    "elastic_noise_shape",
    "fit_to_canvas",
    "flip_matrix",
    "fliplr",
    "flipud",
    "four_point_matrix",
    "from_polar",
    "from_polar_points",
    "generate_jigsaw_destinations",
    "grid_points",
    "invert_field",
    "jigsaw_destinations",
    "matrix_for_map",
    "piecewise_field",
    "piecewise_points",
    "polar_shape",
    "remap",
    "remap_field",
    "resize_field",
    "resolve_backend",
    "rot90_image",
    "rot90_matrix",
    "sample_field",
    "scale_matrix",
    "to_cv2_matrix",
    "to_polar",
    "to_polar_points",
    "transform_points",
    "translation_matrix",
    "warp",
    "warp_affine",
    "warp_perspective",
    "warp_skimage",
]
