"""augkit-pillike: imgaug's ``pillike`` augmenters, with Pillow's outputs, for augkit.

Importing this package registers nothing; augkit finds it through the ``augkit``
entry point (``augkit_pillike.plugin``).

Modules
    ``imageops`` (Solarize, Posterize, Equalize, Autocontrast), ``enhance``
    (EnhanceColor, EnhanceContrast, EnhanceBrightness, EnhanceSharpness),
    ``filters`` (FilterBlur ... FilterDetail), ``affine`` (Affine, which moves every
    annotation kind): the augmenters; ``functional``: the kernels they call
    (imgaug's ``solarize``, ``equalize``, ``enhance_*``, ``filter_*``,
    ``warp_affine``...); ``_common``: what the augmenters share; ``api``: imgaug's
    ``pillike`` module (``augkit.augmenters.pillike``); ``plugin``: the hooks.

Names
    ``Solarize``, ``Posterize`` and ``Affine`` are registered as ``pillike.Solarize``,
    ``pillike.Posterize`` and ``pillike.Affine`` (the bare names stay the arithmetic,
    colour and geometric families'); the others under their class names. All are
    ``augkit.augmenters.pillike.<Name>``, as in imgaug.
"""
