"""Hook implementations of the geometric family (nothing else lives here)."""

from __future__ import annotations

import augkit


@augkit.hookimpl
def augkit_augmenters() -> list[type]:
    from augkit_geometric import affine, elastic, flip, piecewise

    return [*flip.AUGMENTERS, *affine.AUGMENTERS, *elastic.AUGMENTERS,
            *piecewise.AUGMENTERS]
