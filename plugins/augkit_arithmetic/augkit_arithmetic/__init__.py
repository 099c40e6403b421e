"""augkit-arithmetic: pixel arithmetic, noise, dropout, blur, convolution, superpixels,
pooling and edges.

Modules (under imgaug's names)
    :mod:`~augkit_arithmetic.arithmetic` (Add, AddElementwise, Multiply,
    MultiplyElementwise, Invert, Solarize), :mod:`~augkit_arithmetic.noise` (the
    additive noises), :mod:`~augkit_arithmetic.replace` (ReplaceElementwise and the
    salt-and-pepper family), :mod:`~augkit_arithmetic.dropout` (Dropout,
    CoarseDropout, Dropout2d, TotalDropout, Cutout), :mod:`~augkit_arithmetic.jpeg`,
    :mod:`~augkit_arithmetic.blur`, :mod:`~augkit_arithmetic.convolutional`,
    :mod:`~augkit_arithmetic.segmentation` (Superpixels, the Voronoi family) with
    :mod:`~augkit_arithmetic.points_samplers`, :mod:`~augkit_arithmetic.pooling` and
    :mod:`~augkit_arithmetic.edges` (Canny); and the last steps of a training
    pipeline, :mod:`~augkit_arithmetic.tensors` (Normalize, ToFloat, FromFloat, ToCHW).
Kernels
    :mod:`augkit_arithmetic.functional`: the pure numpy/OpenCV functions the
    augmenters call, public for direct use.

Importing this package registers nothing; augkit finds it through the ``augkit``
entry point (``augkit_arithmetic.plugin``).
"""
