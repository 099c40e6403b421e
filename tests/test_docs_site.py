"""The documentation site's generator (``docs/hooks.py``) and configuration (``mkdocs.yml``).

The builders are called directly, without MkDocs; ``make docs`` runs the real build with
``--strict``.
"""

from __future__ import annotations

import doctest
import importlib.util
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

import augkit
from augkit.extend import GeometricAugmenter, PixelAugmenter
from augkit.registry import registry

ROOT = Path(__file__).resolve().parent.parent


def _load_hooks():
    spec = importlib.util.spec_from_file_location("augkit_docs_hooks", ROOT / "docs" / "hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hooks = _load_hooks()


class Thicken(PixelAugmenter):
    """Add one to every pixel (a third-party family's augmenter).

    Parameters
    ----------
    amount : int
        Added to every pixel.

    Examples
    --------
    >>> 1 + 1
    2
    """

    supported_dtypes = frozenset({"uint8"})

    def __init__(self, amount=1, **kwargs):
        super().__init__(**kwargs)
        self.amount = amount

    def sample(self, rows, rng):
        return None

    def apply_to_images(self, images, params):
        return [image + self.amount for image in images]


class Slide(GeometricAugmenter):
    """Move nothing, but refuse maps (a third-party geometric augmenter)."""

    unsupported_kinds = frozenset({"map"})
    supported_dtypes = frozenset({"uint8", "float32"})
    min_image_side = 3

    def sample(self, rows, rng):
        return None

    def apply_to_images(self, images, params):
        return [image.copy() for image in images]

    def apply_to_keypoints(self, xys, params, *, shapes):
        return [xy.copy() for xy in xys]


class ThirdParty:
    @augkit.hookimpl
    def augkit_augmenters(self):
        return [Thicken, Slide]


@pytest.fixture
def third_party():
    name = registry.register(ThirdParty(), name="thirdparty")
    try:
        yield name
    finally:
        registry.unregister(name)


def test_the_generator_doctests_pass():
    result = doctest.testmod(hooks, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 5 and result.failed == 0


def test_every_installed_augmenter_is_on_its_family_page_once():
    grouped = hooks.families()
    assert list(grouped)[0] == "core"
    listed = [e.name for entries in grouped.values() for e in entries]
    assert len(listed) == len(set(listed))
    assert set(listed) == {e.name for e in registry.entries() if not e.is_alias}
    assert {"geometric", "arithmetic", "color", "weather"} <= set(grouped)


def test_a_third_party_family_gets_a_page(third_party):
    grouped = hooks.families()
    assert sorted(e.name for e in grouped["thirdparty"]) == ["Slide", "Thicken"]
    page = hooks.family_page("thirdparty", grouped["thirdparty"],
                             pictures={"Thicken": ("img/Thicken.jpg", "")})
    assert page.startswith("# thirdparty\n\n2 augmenters from the plugin `thirdparty`.")
    assert "## Thicken { #Thicken }" in page
    assert "![Thicken](img/Thicken.jpg)\n\n*`Thicken()`*" in page
    assert "| transforms | images |" in page
    assert ("| passes unchanged | heatmaps, segmentation_maps, keypoints, bounding_boxes, "
            "polygons, line_strings |") in page
    assert "| image dtypes | uint8 |" in page
    assert "```text\nThicken(amount=1, **kwargs)\n```" in page
    assert "* **amount** (*int*): Added to every pixel." in page
    assert "```pycon\n>>> 1 + 1\n2\n```" in page
    assert "*No picture: not drawn*" in page  # Slide was given no picture
    assert "| refuses (`UnsupportedKindError`) | heatmaps, segmentation_maps |" in page
    assert "| smallest image side | 3 px |" in page
    assert page.count("| smallest image side |") == 1


def test_the_support_tables_are_exact_for_known_augmenters(third_party):
    page = hooks.support_page(hooks.families())
    assert ("| [Thicken](thirdparty.md#Thicken) | thirdparty | ✓ | = | = | = | = | = | = |"
            in page)
    assert ("| [Slide](thirdparty.md#Slide) | thirdparty | ✓ | ✗ | ✗ | ✓ | ✓ | ✓ | ✓ |"
            in page)
    assert ("| [Thicken](thirdparty.md#Thicken) | thirdparty | ✗ | ✓ | ✗ | ✗ | ✗ | ✗ | ✗ | ✗ "
            "| ✗ | ✗ | ✗ |") in page
    assert "| [Fliplr](geometric.md#Fliplr) | geometric | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |" in page
    rows = [line for line in page.splitlines() if line.startswith("| [")]
    assert len(rows) == 2 * sum(map(len, hooks.families().values()))


def test_the_imgaug_table_lists_every_module_name():
    page = hooks.imgaug_names_page()
    modules = registry.modules()
    for module_name in ("flip", "geometric", "arithmetic", "meta", "blend", "imgcorruptlike"):
        assert module_name in modules
        assert f"| `iaa.{module_name}` |" in page
    assert "| `iaa.flip` | `Fliplr` | augmenter | [Fliplr](augmenters/geometric.md#Fliplr) |" \
        in page
    assert "| `iaa.flip` | `fliplr` | function |" in page


def test_docstrings_become_markdown():
    doc = """Blur it.

    Parameters
    ----------
    sigma : float
        How much;
        in pixels.
    seed, name
        As in :class:`augkit.Augmenter`.

    Supported data: images (image dtypes: uint8).

    ====  ====
    a     b
    ====  ====
    1     2
    ====  ====

    Examples
    --------
    >>> x = 1
    >>> x < 2
    True
    """
    assert hooks.docstring_markdown(doc) == "\n".join([
        "Blur it.", "", "**Parameters**", "",
        "* **sigma** (*float*): How much; in pixels.",
        "* **seed, name**: As in `augkit.Augmenter`.",
        "", "Supported data: images (image dtypes: uint8).", "",
        "```text", "====  ====", "a     b", "====  ====", "1     2", "====  ====", "```", "",
        "**Examples**", "", "```pycon", ">>> x = 1", ">>> x < 2", "True", "```"])


def test_pictures_come_from_the_gallery_code():
    from augkit.app.commands.gallery import sample_data

    entries = [e for e in registry.entries() if e.name in ("Fliplr", "Add")]
    rendered = list(hooks.render_pictures(entries, sample_data(), cell=48))
    assert sorted(name for name, _, _ in rendered) == ["Add", "Fliplr"]
    for _, jpeg, note in rendered:
        assert jpeg[:2] == b"\xff\xd8" and note == ""
    import imageio.v3 as iio

    assert iio.imread(rendered[0][1]).shape[0] == 48


def test_the_nav_names_every_page_and_the_hook_adds_the_families():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    assert config["strict"] is True and config["theme"]["font"] is False
    in_nav = set(re.findall(r"[\w/-]+\.md", str(config["nav"])))
    on_disk = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*.md")
               if "gallery" not in p.parts}
    generated = {hooks.SUPPORT_PAGE, hooks.IMGAUG_NAMES_PAGE}
    assert on_disk | generated == in_nav
    hooks.on_config(config)
    section = next(item for item in config["nav"] if hooks.NAV_SECTION in item)
    assert {"geometric": "augmenters/geometric.md"} in section[hooks.NAV_SECTION]
    assert {"core: meta and blend": "augmenters/core.md"} in section[hooks.NAV_SECTION]


def test_every_example_run_by_the_family_pages_is_a_doctest():
    # The pages show the docstrings' examples; pytest --doctest-modules runs them.
    cls = registry.get_class("Add")
    assert ">>>" in cls.__doc__
    assert hooks.docstring_markdown(cls.__doc__).count("```pycon") >= 1
    assert np.array_equal(cls(value=1)(image=np.zeros((1, 1), np.uint8)), [[1]])
