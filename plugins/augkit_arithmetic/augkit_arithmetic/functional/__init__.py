"""Pure numpy/OpenCV kernels of the arithmetic family, callable without an augmenter.

Every function here works on arrays (images are ``(H, W, C)``), draws nothing at
random and never modifies its input; the augmenters draw their values and call
these. Kernels of one kind live in a private submodule each; import them from here.

Adding, multiplying, replacing, inverting
    :func:`add_scalar`, :func:`multiply_scalar`, :func:`add_elementwise`,
    :func:`multiply_elementwise`, :func:`add_table_noise`, :func:`replace_at`,
    :func:`invert`
Noise tables (the uint8 path of the additive-noise augmenters)
    :func:`normal_table`, :func:`laplace_table`, :func:`poisson_table`
JPEG
    :func:`compression_to_quality`, :func:`compress_jpeg`
Filling rectangles (Cutout)
    :func:`fill_area_`
Blur
    :func:`gaussian_ksize`, :func:`gaussian_blur`, :func:`average_blur`,
    :func:`median_blur`, :func:`bilateral_blur`, :func:`mean_shift_blur`,
    :func:`motion_kernel`
Convolution
    :func:`convolve`, :func:`sharpen_kernel`, :func:`emboss_kernel`,
    :func:`edge_kernel`, :func:`directed_edge_kernel`, :func:`directed_edge_kernels`
Edges
    :func:`canny_edges`
Segments
    :func:`replace_segments`, :func:`voronoi_segments`, :func:`shrink_to_max_size`,
    :func:`shrunk_shape`

Examples
--------
>>> import numpy as np
>>> from augkit_arithmetic import functional as F
>>> F.add_scalar(np.array([[[250, 3]]], dtype=np.uint8), np.array([10.0])).tolist()
[[[255, 13]]]
>>> F.invert(np.array([[[0, 200]]], dtype=np.uint8)).tolist()
[[[255, 55]]]
"""

from __future__ import annotations

from augkit_arithmetic.functional._arithmetic import (
    add_elementwise,
    add_scalar,
    add_table_noise,
    add_tables,
    invert,
    invert_tables,
    lut_columns,
    multiply_elementwise,
    multiply_scalar,
    multiply_tables,
    replace_at,
)
from augkit_arithmetic.functional._blur import (
    MOTION_ORDERS,
    average_blur,
    bilateral_blur,
    gaussian_blur,
    gaussian_ksize,
    mean_shift_blur,
    median_blur,
    motion_kernel,
)
from augkit_arithmetic.functional._convolve import (
    convolve,
    directed_edge_kernel,
    directed_edge_kernels,
    edge_kernel,
    emboss_kernel,
    sharpen_kernel,
)
from augkit_arithmetic.functional._edges import canny_edges
from augkit_arithmetic.functional._fill import fill_area_
from augkit_arithmetic.functional._jpeg import compress_jpeg, compression_to_quality
from augkit_arithmetic.functional._noise import laplace_table, normal_table, poisson_table
from augkit_arithmetic.functional._segments import (
    replace_segments,
    shrink_to_max_size,
    shrunk_shape,
    voronoi_segments,
)

__all__ = [
    "MOTION_ORDERS",
    "add_elementwise",
    "add_scalar",
    "add_table_noise",
    "add_tables",
    "average_blur",
    "bilateral_blur",
    "canny_edges",
    "compress_jpeg",
    "compression_to_quality",
    "convolve",
    "directed_edge_kernel",
    "directed_edge_kernels",
    "edge_kernel",
    "emboss_kernel",
    "fill_area_",
    "gaussian_blur",
    "gaussian_ksize",
    "invert",
    "invert_tables",
    "laplace_table",
    "lut_columns",
    "mean_shift_blur",
    "median_blur",
    "motion_kernel",
    "multiply_elementwise",
    "multiply_scalar",
    "multiply_tables",
    "normal_table",
    "poisson_table",
    "replace_at",
    "replace_segments",
    "sharpen_kernel",
    "shrink_to_max_size",
    "shrunk_shape",
    "voronoi_segments",
]
