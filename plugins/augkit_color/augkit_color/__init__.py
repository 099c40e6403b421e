"""augkit-color: the color augmenter family for augkit.

Importing this package registers nothing; augkit finds it through the ``augkit``
entry point (``augkit_color.plugin``).

Modules
    ``color`` (WithColorspace, ChangeColorspace, Grayscale), ``brightness``,
    ``hue_saturation``, ``contrast``, ``quantization``, ``temperature``, ``cartoon``:
    the augmenters, under imgaug's names; ``functional``: the pure kernels they call
    and the colour space names; ``_common``: what the augmenters share;
    ``plugin``: the hook implementations.
"""
