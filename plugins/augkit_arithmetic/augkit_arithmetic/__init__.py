"""augkit-arithmetic: pixel arithmetic, noise, dropout, blur, convolution, superpixels,
pooling and edges.

Importing this package registers nothing; augkit finds it through the ``augkit``
entry point (``augkit_arithmetic.plugin``).
"""
