"""The install hint list (``augkit._firstparty.FIRST_PARTY``) matches the plugins.

When a name is unknown, augkit says which first-party distribution provides it. The
list is plain data (the core imports no plugin); this test holds it to what the
installed first-party plugins really register, names and aliases both ways.
"""

from __future__ import annotations

import pytest

from augkit._firstparty import FIRST_PARTY
from augkit.registry import registry

FIRST_PARTY_DISTRIBUTIONS = sorted(set(FIRST_PARTY.values()))


def _registered_by(distribution: str) -> set[str]:
    plugins = [p for p in registry.plugins.values() if p.distribution == distribution]
    if not plugins:
        pytest.skip(f"{distribution} is not installed")
    return {name for entry in registry.entries()
            for name in (entry.name, *entry.cls.aliases)
            if entry.plugin in {p.name for p in plugins}}


@pytest.mark.parametrize("distribution", FIRST_PARTY_DISTRIBUTIONS)
def test_hint_list_names_exactly_what_the_distribution_registers(distribution):
    registry.ensure_loaded()
    listed = {name for name, dist in FIRST_PARTY.items() if dist == distribution}
    registered = _registered_by(distribution)
    assert sorted(registered - listed) == [], "registered but missing from FIRST_PARTY"
    assert sorted(listed - registered) == [], "listed in FIRST_PARTY but not registered"


def test_every_first_party_plugin_is_in_the_hint_list():
    registry.ensure_loaded()
    dists = {p.distribution for p in registry.plugins.values()
             if p.distribution and p.distribution.startswith("augkit-")}
    assert dists <= set(FIRST_PARTY_DISTRIBUTIONS)
