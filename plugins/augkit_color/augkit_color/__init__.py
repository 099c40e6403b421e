"""augkit-color: the color augmenter family for augkit.

Importing this package registers nothing; augkit finds it through the ``augkit``
entry point (``augkit_color.plugin``).
"""
