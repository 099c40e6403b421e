"""Dataset formats and presets come from hooks: a throwaway plugin adds one of each.

Like datasette's tests, each test registers a plugin object in-process and unregisters
it afterwards, then checks that ``augkit augment`` lists and uses what it registered.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

import augkit
from augkit.app import catalogue
from augkit.app.cli import main
from augkit.app.datasets import DatasetFormat, ImageRecord, Obj, list_images, open_dataset
from augkit.app.datasets.images_io import read_image, write_image
from augkit.app.job import JobConfig, run_job
from augkit.app.pipeline import PipelineError, load_pipeline
from augkit.errors import AmbiguousNameError
from augkit.registry import PluginLoadWarning

W, H = 40, 30


class BoxesFormat(DatasetFormat):
    """A made-up format: ``x1 y1 x2 y2 label`` lines in a ``.boxes`` file beside each image."""

    name = "boxes"
    description = "one .boxes file beside each image, a test format"

    @classmethod
    def detect(cls, input_dir, annotations):
        return any(Path(input_dir).glob("*.boxes"))

    @classmethod
    def open(cls, input_dir, annotations, *, scratch_dir=None):
        dataset = cls(input_dir)
        for path in list_images(input_dir):
            dataset.records.append(ImageRecord(len(dataset.records), path,
                                               path.relative_to(input_dir).as_posix()))
        return dataset

    def load_objects(self, record, shape):
        rows = [line.split() for line in record.path.with_suffix(".boxes").read_text()
                .splitlines() if line.strip()]
        return [Obj(label=row[4], box=np.array(row[:4], dtype=np.float64)) for row in rows]

    def annotation_paths(self, record, out_dir, k):
        return [(out_dir / record.output_rel(k)).with_suffix(".boxes")]

    def write(self, record, k, out_dir, shape, objects):
        lines = [" ".join(f"{v:g}" for v in obj.box) + f" {obj.label}\n" for obj in objects]
        self.annotation_paths(record, out_dir, k)[0].write_text("".join(lines))
        return len(objects)

    def finalize(self, out_dir, entries):
        path = Path(out_dir) / "boxes-count.txt"
        path.write_text(str(sum(entry["payload"] for entry in entries)))
        return [path]


class FormatPlugin:
    @augkit.hookimpl
    def augkit_dataset_formats(self):
        return [BoxesFormat]


class PresetPlugin:
    def __init__(self, folder: Path) -> None:
        self.file = folder / "mirror.yaml"
        augkit.save(augkit.Sequential([augkit.get("Fliplr", p=1.0)]), self.file)

    @augkit.hookimpl
    def augkit_presets(self):
        return {"mirror-file": self.file,
                "mirror-factory": lambda: augkit.get("Fliplr", p=1.0)}


@pytest.fixture
def register():
    """Register plugin objects in-process; unregister them after the test."""
    registry = catalogue.registry()
    names = []

    def add(plugin, name):
        names.append(registry.register(plugin, name=name))

    yield add
    for name in names:
        registry.unregister(name)


def _boxes_folder(root: Path) -> Path:
    root.mkdir()
    rng = np.random.default_rng(0)
    for stem in ("a", "b"):
        write_image(root / f"{stem}.png", rng.integers(0, 256, (H, W, 3), dtype=np.uint8))
        (root / f"{stem}.boxes").write_text("2 3 12 20 cat\n30 5 38 9 dog\n")
    return root


def test_a_registered_format_is_listed_detected_and_used_by_augment(tmp_path, register,
                                                                     capsys):
    register(FormatPlugin(), "boxes-plugin")
    assert catalogue.dataset_formats()[0].name == "boxes"  # plugins' formats are asked first
    with pytest.raises(SystemExit):
        main(["augment", "--help"])
    help_text = capsys.readouterr().out
    assert "  boxes       one .boxes file beside each image, a test format (plugin boxes-plugin)" \
        in help_text
    assert "{auto,boxes,coco,pascal_voc,yolo,none}" in help_text

    inp = _boxes_folder(tmp_path / "in")
    assert open_dataset(inp).name == "boxes"
    flip = tmp_path / "flip.yaml"
    augkit.save(augkit.get("Fliplr", p=1.0), flip)
    assert main(["augment", "-p", str(flip), "-i", str(inp), "-o", str(tmp_path / "out"),
                 "-n", "2", "-w", "1", "--seed", "0", "-q"]) == 0
    assert "format boxes" in capsys.readouterr().err
    # Fliplr(p=1) on a 40-px-wide image: x -> 40 - x
    assert (tmp_path / "out/a_aug1.boxes").read_text() == "28 3 38 20 cat\n2 5 10 9 dog\n"
    assert (tmp_path / "out/boxes-count.txt").read_text() == "8"
    image = read_image(inp / "b.png")
    assert np.array_equal(read_image(tmp_path / "out/b_aug0.png"), image[:, ::-1])


def test_a_registered_format_runs_in_worker_processes_and_resumes(tmp_path, register):
    register(FormatPlugin(), "boxes-plugin")
    inp = _boxes_folder(tmp_path / "in")
    config = JobConfig(pipeline="light", input=inp, output=tmp_path / "out", n=2, seed=4,
                       workers=2, format="boxes", progress=False)
    first = run_job(config, log=lambda *a: None)
    assert first.outputs_written == 4 and first.format == "boxes"
    (tmp_path / "out/a_aug1.boxes").unlink()  # resume redoes the output without its labels
    config.resume = True
    again = run_job(config, log=lambda *a: None)
    assert again.outputs_skipped == 3 and again.outputs_written == 1


def test_registered_presets_are_listed_and_used_by_name(tmp_path, register, capsys):
    register(PresetPlugin(tmp_path), "mirror-presets")
    assert catalogue.preset_names()[:2] == ["mirror-file", "mirror-factory"]
    with pytest.raises(SystemExit):
        main(["augment", "--help"])
    assert "mirror-file, mirror-factory, light, medium, heavy" in capsys.readouterr().out
    inp = tmp_path / "in"
    inp.mkdir()
    image = np.random.default_rng(1).integers(0, 256, (H, W, 3), dtype=np.uint8)
    write_image(inp / "x.png", image)
    for preset in ("mirror-file", "mirror-factory"):
        out = tmp_path / preset
        assert main(["augment", "-p", preset, "-i", str(inp), "-o", str(out), "-n", "1",
                     "-w", "1", "-q"]) == 0
        assert np.array_equal(read_image(out / "x_aug0.png"), image[:, ::-1])


def test_a_name_registered_twice_is_an_error_naming_both_plugins(tmp_path, register, capsys):
    register(FormatPlugin(), "boxes-one")
    register(FormatPlugin(), "boxes-two")
    register(PresetPlugin(tmp_path), "mirror-one")
    register(PresetPlugin(tmp_path), "mirror-two")
    with pytest.raises(AmbiguousNameError, match="boxes-one, boxes-two"):
        catalogue.get_format("boxes")
    with pytest.raises(AmbiguousNameError, match="mirror-one, mirror-two"):
        load_pipeline("mirror-file")
    inp = _boxes_folder(tmp_path / "in")
    assert main(["augment", "-p", "light", "-i", str(inp), "-o", str(tmp_path / "out"),
                 "--format", "boxes", "-q"]) == 2
    assert "registered by several plugins" in capsys.readouterr().err


def test_what_is_not_a_format_or_a_preset_is_skipped_with_a_warning(register):
    class Broken:
        @augkit.hookimpl
        def augkit_dataset_formats(self):
            return [dict, BoxesFormat]

        @augkit.hookimpl
        def augkit_presets(self):
            return {"nothing": 42}

    register(Broken(), "broken-app-plugin")
    with pytest.warns(PluginLoadWarning, match="broken-app-plugin.*not a DatasetFormat"):
        names = catalogue.format_names()
    assert "boxes" in names
    with pytest.warns(PluginLoadWarning, match="broken-app-plugin.*'nothing'"):
        assert "nothing" not in catalogue.preset_names()


def test_a_preset_factory_must_return_an_augmenter(register):
    class Bad:
        @augkit.hookimpl
        def augkit_presets(self):
            return {"not-a-pipeline": lambda: "Fliplr"}

    register(Bad(), "bad-presets")
    with pytest.raises(PipelineError, match="'not-a-pipeline' of plugin 'bad-presets'"):
        load_pipeline("not-a-pipeline")


def test_the_builtin_formats_and_presets_come_from_the_app_plugin(capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        formats = catalogue.dataset_formats()
    assert [(f.name, f.plugin) for f in formats] == [
        ("coco", "app"), ("pascal_voc", "app"), ("yolo", "app"), ("none", "app")]
    assert catalogue.preset_names() == ["light", "medium", "heavy"]
    assert main(["plugins"]) == 0
    assert ("app  [augkit 0.1.0]  0 augmenters, formats: coco, pascal_voc, yolo, none, "
            "presets: light, medium, heavy") in capsys.readouterr().out
