"""Hook implementations of the debug family (nothing else lives here)."""

from __future__ import annotations

import augkit


@augkit.hookimpl
def augkit_augmenters() -> list[type]:
    from augkit_debug import debug

    return list(debug.AUGMENTERS)


@augkit.hookimpl
def augkit_modules() -> dict[str, str]:
    return {"debug": "augkit_debug.api"}
