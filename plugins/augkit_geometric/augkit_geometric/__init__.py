"""augkit-geometric: flips, affine and other plane transforms, and size changes.

Importing this package registers nothing; augkit finds it through the ``augkit``
entry point (``augkit_geometric.plugin``).
"""
