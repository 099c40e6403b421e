"""Hook implementations of the arithmetic family (nothing else lives here)."""

from __future__ import annotations

import augkit


@augkit.hookimpl
def augkit_augmenters() -> list[type]:
    from augkit_arithmetic import arithmetic

    return [*arithmetic.AUGMENTERS]
