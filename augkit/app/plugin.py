"""The application's own plugin: the built-in dataset formats and presets.

Registered through the same hooks as third-party plugins, under the name ``app``, by
:mod:`augkit.app.catalogue` the first time the application needs a format or a preset
(the engine's registry never imports the application). Both implementations are
``trylast``: plugins' formats are asked first by ``--format auto``, and the built-in
names come last in listings.
"""

from __future__ import annotations

from pathlib import Path

from augkit.hookspecs import hookimpl


@hookimpl(trylast=True)
def augkit_dataset_formats() -> list[type]:
    from augkit.app.datasets.coco import CocoFormat
    from augkit.app.datasets.plain import PlainImages
    from augkit.app.datasets.voc import VocFormat
    from augkit.app.datasets.yolo import YoloFormat

    return [CocoFormat, VocFormat, YoloFormat, PlainImages]


@hookimpl(trylast=True)
def augkit_presets() -> dict[str, Path]:
    from augkit.app.presets import builtin_presets

    return builtin_presets()
