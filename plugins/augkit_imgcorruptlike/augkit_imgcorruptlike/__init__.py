"""augkit-imgcorruptlike: the 19 ImageNet-C corruptions (imgaug's ``imgcorruptlike``).

Importing this package registers nothing; augkit finds it through the ``augkit``
entry point (``augkit_imgcorruptlike.plugin``). Modules: ``noise``, ``blur``,
``weather``, ``digital`` (pixel-only augmenters), ``elastic`` (ElasticTransform,
which moves annotations), ``functional`` (the ``apply_<name>`` functions),
``imgaug_imgcorruptlike`` (imgaug's module, as ``augkit.augmenters.imgcorruptlike``).
"""
