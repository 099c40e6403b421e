"""MkDocs hook: the augmenter reference, generated from the registry at build time.

Every installed augmenter family (the core's meta and blend augmenters, augkit's own
plugins and any third-party plugin the registry finds) gets a page
``augmenters/<family>.md`` with, per augmenter, its picture on the bundled sample
(drawn by the code of ``augkit gallery``), the data it supports (from its class
attributes), its signature and its docstring. ``augmenters/support.md`` holds the
support tables (augmenter x kind, augmenter x dtype) and ``from-imgaug-names.md`` the
name-by-name table of imgaug's ``imgaug.augmenters`` modules.

The page builders are plain functions returning Markdown, so that the tests call them
without MkDocs (``tests/test_docs_site.py``).
"""

from __future__ import annotations

import html
import inspect
import re
import warnings
from collections.abc import Iterator
from typing import Any

KIND_COLUMNS = ("images", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes",
                "polygons", "line_strings")
DTYPE_COLUMNS = ("bool", "uint8", "uint16", "uint32", "int8", "int16", "int32", "int64",
                 "float16", "float32", "float64")
FAMILY_DIR = "augmenters"
SUPPORT_PAGE = f"{FAMILY_DIR}/support.md"
IMGAUG_NAMES_PAGE = "from-imgaug-names.md"
NAV_SECTION = "Augmenters"

_ROLE = re.compile(r":(?:[a-z]+:)?[a-z]+:`~?([^`]+)`")
_UNDERLINE = re.compile(r"^-{3,}$")
_TABLE_BORDER = re.compile(r"^=+( +=+)+$")
_PARAMETER = re.compile(r"^(\*{0,2}[A-Za-z_]\w*(?:, *\*{0,2}[A-Za-z_]\w*)*)(?: +: *(.*))?$")
_PARAMETER_SECTIONS = {"Parameters", "Attributes", "Other Parameters", "Returns", "Yields",
                       "Raises", "Warns"}


# ------------------------------------------------------------------ families
def families() -> dict[str, list[Any]]:
    """Return the registry's augmenters (aliases left out) grouped by plugin, core first.

    Examples
    --------
    >>> "core" in families() and "Sequential" in [e.name for e in families()["core"]]
    True
    """
    from augkit.registry import CORE, registry

    grouped: dict[str, list[Any]] = {CORE: []}
    for entry in registry.entries():
        if not entry.is_alias:
            grouped.setdefault(entry.plugin, []).append(entry)
    return {name: entries for name, entries in grouped.items() if entries}


def family_title(plugin: str) -> str:
    """Return a family page's title: ``core`` is the meta and blend augmenters."""
    return "core: meta and blend" if plugin == "core" else plugin


def anchor(name: str) -> str:
    """Return the HTML id of an augmenter's section (``pillike.Affine`` -> ``pillike-Affine``)."""
    return name.replace(".", "-")


def page_of(plugin: str) -> str:
    """Return the path, under ``docs/``, of a family's page."""
    return f"{FAMILY_DIR}/{plugin}.md"


def supported_kinds(cls: type) -> dict[str, str]:
    """Return per kind column: ``"yes"``, ``"passes"`` (left unchanged) or ``"no"``.

    Examples
    --------
    >>> from augkit.registry import registry
    >>> supported_kinds(registry.get_class("Add"))["keypoints"]
    'passes'
    """
    from augkit.kind_catalogue import builtin_kind_names

    unsupported = getattr(cls, "unsupported_kinds", frozenset())
    result = {}
    for name, category in builtin_kind_names():
        if name in unsupported or category in unsupported:
            result[name] = "no"
        elif getattr(cls, "pixel_only", False) and name != "images":
            result[name] = "passes"
        else:
            result[name] = "yes"
    return result


_MARK = {"yes": "✓", "passes": "=", "no": "✗"}


def _attribute_rows(cls: type) -> list[str]:
    kinds = supported_kinds(cls)
    listed = [k for k in KIND_COLUMNS if kinds.get(k) == "yes"]
    passing = [k for k in KIND_COLUMNS if kinds.get(k) == "passes"]
    refused = [k for k in KIND_COLUMNS if kinds.get(k) == "no"]
    dtypes = [d for d in DTYPE_COLUMNS if d in cls.supported_dtypes]  # type: ignore[attr-defined]
    channels = cls.image_channels  # type: ignore[attr-defined]
    rows = [f"| transforms | {', '.join(listed)} |"]
    if passing:
        rows.append(f"| passes unchanged | {', '.join(passing)} |")
    if refused:
        rows.append(f"| refuses (`UnsupportedKindError`) | {', '.join(refused)} |")
    rows += [f"| image dtypes | {', '.join(dtypes)} |",
             f"| image channels | {'any' if channels is None else ', '.join(map(str, channels))} |",
             f"| may change the image shape | {'yes' if cls.changes_shape else 'no'} |"]  # type: ignore[attr-defined]
    if getattr(cls, "min_image_side", 1) > 1:
        rows.append(f"| smallest image side | {cls.min_image_side} px |")  # type: ignore[attr-defined]
    return ["| | |", "| --- | --- |", *rows]


def _signature(cls: type, name: str) -> str:
    try:
        signature = inspect.signature(cls.__init__)  # type: ignore[misc]
    except (TypeError, ValueError):
        return ""
    parameters = list(signature.parameters.values())[1:]  # without self
    shown = signature.replace(parameters=parameters, return_annotation=inspect._empty)
    text = re.sub(r": '[^']*'", "", str(shown))  # string annotations say little here
    return f"```text\n{name}{text}\n```"


def _inline(text: str) -> str:
    """Sphinx roles become code spans; ``<`` outside code spans is escaped."""
    text = _ROLE.sub(r"`\1`", text)
    parts = re.split(r"(`[^`]*`)", text)
    return "".join(p if p.startswith("`") else html.escape(p, quote=False) for p in parts)


def docstring_markdown(doc: str | None) -> str:
    """Return a numpydoc docstring as Markdown: sections, parameter lists, examples.

    Examples
    --------
    >>> print(docstring_markdown('''Add one.
    ...
    ... Parameters
    ... ----------
    ... x : int
    ...     The number.
    ... '''))
    Add one.
    <BLANKLINE>
    **Parameters**
    <BLANKLINE>
    * **x** (*int*): The number.
    """
    lines = inspect.cleandoc(doc or "").splitlines()
    out: list[str] = []
    section = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and line.strip() and _UNDERLINE.match(lines[i + 1].strip()):
            section = line.strip()
            out += ["", f"**{section}**", ""]
            i += 2
            continue
        if _TABLE_BORDER.match(line.strip()):
            block, i = _take_table(lines, i)
            out += ["```text", *block, "```"]
            continue
        if line.lstrip().startswith(">>>"):
            block, i = _take_example(lines, i)
            out += ["```pycon", *block, "```"]
            continue
        match = _PARAMETER.match(line) if section in _PARAMETER_SECTIONS else None
        if match and not line.startswith(" "):
            body, i = _take_indented(lines, i + 1)
            kind = f" (*{_inline(match.group(2))}*)" if match.group(2) else ""
            if not body and not match.group(2):  # a bare word: a paragraph, not a parameter
                section = ""
                out += ["", _inline(line)]
                continue
            out.append(f"* **{match.group(1)}**{kind}: {_inline(body)}")
            continue
        if section in _PARAMETER_SECTIONS and line.strip() and not line.startswith(" "):
            section = ""  # a paragraph after the list ends it
            out.append("")
        out.append(_inline(line.strip()) if not line.startswith("    ") else _inline(line))
        i += 1
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def _take_indented(lines: list[str], i: int) -> tuple[str, int]:
    body = []
    while i < len(lines) and (lines[i].startswith(" ") or not lines[i].strip()):
        if not lines[i].strip() and (i + 1 >= len(lines) or not lines[i + 1].startswith(" ")):
            break
        body.append(lines[i].strip())
        i += 1
    return " ".join(b for b in body if b), i


def _take_table(lines: list[str], i: int) -> tuple[list[str], int]:
    """Take an reST simple table: border, header, border, rows, border."""
    block, borders = [], 0
    while i < len(lines) and borders < 3 and lines[i].strip():
        borders += bool(_TABLE_BORDER.match(lines[i].strip()))
        block.append(lines[i])
        i += 1
    return block, i


def _take_example(lines: list[str], i: int) -> tuple[list[str], int]:
    block = []
    while i < len(lines) and lines[i].strip():
        block.append(lines[i].strip() if lines[i].lstrip().startswith((">>>", "...")) else
                     lines[i])
        i += 1
    return block, i


def family_page(plugin: str, entries: list[Any], *,
                pictures: dict[str, tuple[str, str]]) -> str:
    """Return the Markdown page of one family.

    *pictures* maps an augmenter name to its picture's path relative to the page ("" when
    the picture could not be drawn) and a note (what was not drawn, or the failure).
    """
    from augkit.registry import registry

    info = registry.plugins.get(plugin)
    origin = ("augkit's core" if plugin == "core" else
              f"the plugin `{plugin}`" + (f" (distribution `{info.distribution}` "
                                           f"{info.version})" if info and info.distribution
                                          else ""))
    out = [f"# {family_title(plugin)}", "",
           f"{len(entries)} augmenters from {origin}. Each picture shows the bundled sample "
           "with its annotations drawn, then three augmented versions (the augmenter's first "
           "example, seed 1), drawn by the code of `augkit gallery`. Which kinds and dtypes "
           f"every augmenter supports at a glance: [support tables](support.md).", ""]
    for entry in entries:
        cls = entry.cls
        aliases = [a for a in getattr(cls, "aliases", ()) if a != entry.name]
        example = ", ".join(f"{k}={v!r}" for k, v in _first_example(cls).items())
        out += [f"## {entry.name} {{ #{anchor(entry.name)} }}", "",
                f"`augkit.get({entry.name!r})` · class `{cls.__module__}.{cls.__qualname__}`"
                + (f" · aliases: {', '.join(f'`{a}`' for a in aliases)}" if aliases else ""),
                ""]
        shown, note = pictures.get(entry.name, ("", "not drawn"))
        if not shown:
            out += [f"*No picture: {_inline(note)}*", ""]
        else:
            out += [f"![{entry.name}]({shown})", "",
                    f"*`{entry.name}({example})`"
                    + (f"; {_inline(note)}*" if note else "*"), ""]
        out += [*_attribute_rows(cls), "", _signature(cls, entry.name), "",
                docstring_markdown(cls.__doc__), ""]
    return "\n".join(out)


def _first_example(cls: type) -> dict[str, Any]:
    from augkit.app.commands.gallery import first_example

    return first_example(cls)


def render_pictures(entries: list[Any], data: dict[str, Any], *, cell: int = 160
                    ) -> Iterator[tuple[str, bytes | None, str]]:
    """Yield ``(name, jpeg bytes or None, note or failure)`` per augmenter."""
    import imageio.v3 as iio

    from augkit.app.commands.gallery import picture

    for entry in entries:
        try:
            grid, note = picture(entry.cls, data, count=4, cell=cell)
        except Exception as exc:  # a picture that fails is reported on the page, not fatal
            yield entry.name, None, f"failed: {type(exc).__name__}: {exc}"
            continue
        yield entry.name, iio.imwrite("<bytes>", grid, extension=".jpg", quality=85), note


# ------------------------------------------------------------ support tables
def support_page(grouped: dict[str, list[Any]]) -> str:
    """Return the support tables: augmenter x kind and augmenter x dtype.

    Examples
    --------
    >>> "| [Fliplr](geometric.md#Fliplr) | geometric | ✓ |" in support_page(families())
    True
    """
    legend = ("✓ transformed · = passes unchanged (pixel-only augmenter) · ✗ refused with "
              "`UnsupportedKindError`. Meta-augmenters (`Sequential`, `SomeOf`, ...) "
              "support what their children support.")
    kinds = ["# Support tables", "", "Generated from the registry: every installed augmenter "
             "and the class attributes `pixel_only`, `unsupported_kinds` and "
             "`supported_dtypes`.", "", "## Kinds", "", legend, "",
             "| augmenter | family | " + " | ".join(KIND_COLUMNS) + " |",
             "| --- | --- |" + " :-: |" * len(KIND_COLUMNS)]
    dtypes = ["## Image dtypes", "", "✓ accepted · ✗ refused with `UnsupportedDtypeError`.",
              "", "| augmenter | family | " + " | ".join(DTYPE_COLUMNS) + " |",
              "| --- | --- |" + " :-: |" * len(DTYPE_COLUMNS)]
    for plugin, entries in grouped.items():
        for entry in entries:
            link = f"[{entry.name}]({plugin}.md#{anchor(entry.name)}) | {plugin}"
            marks = supported_kinds(entry.cls)
            kinds.append(f"| {link} | "
                         + " | ".join(_MARK[marks.get(k, 'no')] for k in KIND_COLUMNS) + " |")
            dtypes.append(f"| {link} | " + " | ".join(
                "✓" if d in entry.cls.supported_dtypes else "✗" for d in DTYPE_COLUMNS) + " |")
    return "\n".join([*kinds, "", *dtypes, ""])


# ------------------------------------------------------------ imgaug names
def imgaug_names_page() -> str:
    """Return the name-by-name table of imgaug's ``imgaug.augmenters`` modules.

    Examples
    --------
    >>> "| `iaa.flip` | `Fliplr` | augmenter |" in imgaug_names_page()
    True
    """
    import importlib

    from augkit.registry import registry

    out = ["# imgaug names, one by one", "",
           "Generated from the registry: each of imgaug's `imgaug.augmenters` modules, the "
           "augkit module that provides it (`iaa.<module>`, `import augkit.augmenters."
           "<module>`) and every public name it holds (its `__all__`). Augmenters link to "
           "their reference section. `tests/test_imgaug_modules.py` checks that every public "
           "name of imgaug 0.4.0's modules is here. The deliberate differences are listed "
           "in [From imgaug](from-imgaug.md).", "",
           "| module | name | what | in augkit |", "| --- | --- | --- | --- |"]
    for module_name, path in sorted(registry.modules().items()):
        with warnings.catch_warnings():  # imgaug's deprecated modules warn on import
            warnings.simplefilter("ignore", DeprecationWarning)
            module = importlib.import_module(path)
        for name in sorted(getattr(module, "__all__", ())):
            obj = getattr(module, name)
            out.append(f"| `iaa.{module_name}` | `{name}` | {_what(obj)} | "
                       f"{_where(obj, path)} |")
    return "\n".join([*out, ""])


def _what(obj: Any) -> str:
    from augkit.augmenter import Augmenter

    if isinstance(obj, type):
        return "augmenter" if issubclass(obj, Augmenter) else "class"
    return "function" if callable(obj) else "constant"


def _where(obj: Any, path: str) -> str:
    from augkit.registry import registry

    for entry in registry.entries():
        if entry.cls is obj and not entry.is_alias:
            return f"[{entry.name}]({page_of(entry.plugin)}#{anchor(entry.name)})"
    module = getattr(obj, "__module__", None) or path
    return f"`{module}`"


# ------------------------------------------------------------ MkDocs events
def on_config(config: Any) -> Any:
    """Add one nav entry per installed family under the "Augmenters" section."""
    for item in config["nav"] or []:
        if isinstance(item, dict) and NAV_SECTION in item:
            item[NAV_SECTION].extend({family_title(p): page_of(p)} for p in families())
    return config


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages and pictures to the site's files."""
    from mkdocs.structure.files import File

    from augkit.app.commands.gallery import sample_data

    grouped = families()
    data = sample_data()
    for plugin, entries in grouped.items():
        pictures = {}
        for name, jpeg, note in render_pictures(entries, data):
            if jpeg is not None:
                files.append(File.generated(config, f"{FAMILY_DIR}/img/{name}.jpg",
                                            content=jpeg))
            pictures[name] = (f"img/{name}.jpg" if jpeg is not None else "", note)
        files.append(File.generated(config, page_of(plugin),
                                    content=family_page(plugin, entries, pictures=pictures)))
    files.append(File.generated(config, SUPPORT_PAGE, content=support_page(grouped)))
    files.append(File.generated(config, IMGAUG_NAMES_PAGE, content=imgaug_names_page()))
    return files
