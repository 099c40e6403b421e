"""The `augkit` command: list, plugins, demo."""

from __future__ import annotations

import numpy as np

from augkit.app.cli import main


def test_list_shows_each_augmenter_with_plugin_and_summary(capsys):
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    fliplr = next(line for line in lines if line.startswith("Fliplr "))
    assert "geometric" in fliplr and "Mirror" in fliplr and "HorizontalFlip" in fliplr
    assert any(line.startswith("Sequential ") and "core" in line for line in lines)


def test_plugins_shows_versions(capsys):
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "geometric  [augkit-geometric 0.1.0]" in out
    assert "core  [augkit" in out


def test_demo_writes_a_grid_and_says_where(tmp_path, capsys):
    import imageio.v3 as iio

    assert main(["demo", "-o", str(tmp_path), "-n", "4"]) == 0
    path = tmp_path / "demo-grid.png"
    assert str(path.resolve()) in capsys.readouterr().out
    grid = iio.imread(path)
    assert grid.shape == (256, 1024, 3) and grid.std() > 10
    assert not np.array_equal(grid[:, :256], grid[:, 256:512])
