"""augkit-collections: augmentation policies built from the other augkit families.

``RandAugment`` (imgaug's), ``TrivialAugmentWide``, ``AutoAugment`` and ``AugMix``.
Every operation is an augkit augmenter looked up by name in the registry
(``augkit.get("pillike:Equalize")``), so this package imports no other family.
Importing it registers nothing; augkit finds it through the ``augkit`` entry point
(``augkit_collections.plugin``).
"""
