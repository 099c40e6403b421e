"""``augkit list`` and ``augkit plugins``: what is installed."""

from __future__ import annotations

import argparse


def _summary(cls: type) -> str:
    doc = (cls.__doc__ or "").strip().splitlines()
    return doc[0].strip() if doc else ""


def cmd_list(args: argparse.Namespace) -> int:
    """Print every registered augmenter with its plugin and one-line description."""
    from augkit.registry import registry

    entries = list(registry.entries())
    width = max((len(e.name) for e in entries), default=4)
    plugin_width = max((len(e.plugin) for e in entries), default=6)
    for entry in entries:
        aliases = f" (aliases: {', '.join(entry.cls.aliases)})" if entry.cls.aliases else ""
        print(f"{entry.name:<{width}}  {entry.plugin:<{plugin_width}}  "
              f"{_summary(entry.cls)}{aliases}")
    return 0


def cmd_plugins(args: argparse.Namespace) -> int:
    """Print installed plugins with versions, what they register, and load errors."""
    from augkit.app import catalogue

    registry = catalogue.registry()
    provided: dict[str, dict[str, list[str]]] = {}
    for what, entries in (("formats", catalogue.dataset_formats()),
                          ("presets", catalogue.presets())):
        for entry in entries:
            provided.setdefault(entry.plugin, {}).setdefault(what, []).append(entry.name)
    failed = 0
    for info in registry.plugins.values():
        version = f"{info.distribution or '?'} {info.version or ''}".strip()
        if info.error:
            failed += 1
            print(f"{info.name}  [{version}]  FAILED: {info.error}")
            continue
        extras = {"kinds": info.kinds, **provided.get(info.name, {})}
        count = len(info.augmenters)
        print(f"{info.name}  [{version}]  {count} augmenter{'' if count == 1 else 's'}"
              + "".join(f", {what}: {', '.join(names)}" for what, names in extras.items()
                        if names))
    return 1 if failed and args.strict else 0


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list every installed augmenter",
                       description=cmd_list.__doc__,
                       epilog="Example:\n  augkit list | grep Blur",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("plugins", help="list installed plugins and load errors",
                       description=cmd_plugins.__doc__,
                       epilog="Example:\n  augkit plugins --strict   # exit 1 if a plugin failed",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--strict", action="store_true", help="exit 1 if a plugin failed to load")
    p.set_defaults(func=cmd_plugins)
