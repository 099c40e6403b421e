"""Third-party plugins installed with pip are found through their entry point."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import warnings

import pytest

from augkit.registry import PluginLoadWarning, Registry

GOOD = '''
import numpy as np
import augkit


class Posterise2(augkit.PixelAugmenter):
    """Keep the top bit of every uint8 value (a throwaway test augmenter)."""

    supported_dtypes = frozenset({"uint8"})

    def apply_to_images(self, images, params):
        return [image & 0x80 for image in images]


@augkit.hookimpl
def augkit_augmenters():
    return [Posterise2]
'''

BROKEN = '''
raise RuntimeError("this plugin is broken on purpose")
'''


def _write_package(root, name, module_source):
    pkg = root / name
    (pkg / name).mkdir(parents=True)
    (pkg / name / "__init__.py").write_text("")
    (pkg / name / "plugin.py").write_text(module_source)
    (pkg / "pyproject.toml").write_text(textwrap.dedent(f"""
        [build-system]
        requires = ["setuptools>=61"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "{name.replace('_', '-')}"
        version = "1.2.3"

        [project.entry-points.augkit]
        {name} = "{name}.plugin"
    """))
    return pkg


def _pip(*args):
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args],
                   check=True)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    root = tmp_path_factory.mktemp("plugins")
    packages = [_write_package(root, "augkit_throwaway", GOOD),
                _write_package(root, "augkit_broken", BROKEN)]
    try:
        import setuptools  # noqa: F401

        isolation = ["--no-build-isolation"]
    except ImportError:
        isolation = []
    _pip("install", "--no-deps", *isolation, *map(str, packages))
    yield
    _pip("uninstall", "-y", "augkit-throwaway", "augkit-broken")


def test_pip_installed_plugin_is_found_through_its_entry_point(installed):
    import numpy as np

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginLoadWarning)
        reg = Registry()
        aug = reg.get("Posterise2")
    assert aug(image=np.array([[200, 100]], dtype=np.uint8)).tolist() == [[128, 0]]
    info = reg.plugins["augkit_throwaway"]
    assert (info.distribution, info.version) == ("augkit-throwaway", "1.2.3")


def test_plugin_that_raises_on_import_leaves_augkit_working(installed):
    with pytest.warns(PluginLoadWarning, match="augkit_broken"):
        reg = Registry()
        reg.ensure_loaded()
    assert "broken on purpose" in reg.plugins["augkit_broken"].error
    assert reg.get_class("Fliplr").__name__ == "Fliplr"
    with pytest.raises(LookupError, match="augkit_broken"):
        reg.get_class("NotThere")


def test_augkit_plugins_command_reports_the_failure(installed):
    out = subprocess.run([sys.executable, "-m", "augkit.app.cli", "plugins"], capture_output=True,
                         text=True, check=True).stdout
    assert "augkit_broken" in out and "FAILED" in out
    assert "augkit_throwaway  [augkit-throwaway 1.2.3]" in out
