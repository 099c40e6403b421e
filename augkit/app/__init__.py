"""augkit's application layer: the ``augkit`` command and what it works with.

The engine (everything else in :mod:`augkit`) never imports this package. Dataset
formats and presets are registered through the ``augkit_dataset_formats`` and
``augkit_presets`` hooks, the built-in ones included (:mod:`augkit.app.plugin`), so a
plugin adds a format or a preset the way it adds augmenters.

Modules
-------
cli
    The ``augkit`` console script; one module per sub-command in
    :mod:`augkit.app.commands`.
catalogue
    The registered dataset formats and presets, looked up by name.
plugin
    The hook implementations of the built-in formats and presets.
pipeline
    Pipelines by preset name or from a file, with errors located in the file.
datasets
    Annotated datasets on disk (COCO, YOLO, Pascal VOC, bare images) and the format
    protocol.
presets
    The built-in preset files.
job
    ``augkit augment``: runner, tasks, objects, journal, progress.
sample_dataset
    The small COCO dataset ``augkit augment`` and ``augkit demo`` use without ``--input``.
"""
