"""augkit-debug: the debug augmenter family for augkit.

Importing this package registers nothing; augkit finds it through the ``augkit``
entry point (``augkit_debug.plugin``).

Modules
    ``debug`` (SaveDebugImageEveryNBatches and its base): the augmenters;
    ``destinations``: where debug pictures go and when (imgaug's
    ``_IImageDestination``, ``_FolderImageDestination``, ``_MultiDestination``,
    ``_IBatchwiseSchedule``, ``_EveryNBatchesSchedule``); ``functional``:
    ``draw_debug_image``; ``api``: imgaug's ``debug`` module
    (``augkit.augmenters.debug``); ``plugin``: the hook implementations.
"""
