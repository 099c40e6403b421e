"""Pipelines for the commands: a registered preset by name, or a YAML/JSON file.

A mistake in a pipeline file is reported with the file, the line and the place in the
document (``p.yaml, line 7 (children[1].rotate): ...``), so that it can be fixed
without reading a traceback.

Examples
--------
>>> from augkit.app.pipeline import load_pipeline, pipeline_digest
>>> pipeline = load_pipeline("light")
>>> len(pipeline_digest(pipeline))
16
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from augkit.augmenter import Augmenter
from augkit.errors import AugkitError, SerializationError


class PipelineError(AugkitError, ValueError):
    """A pipeline could not be loaded; the message says where in the file."""


def load_pipeline(spec: str | os.PathLike | Augmenter) -> Augmenter:
    """Load a pipeline: a registered preset's name, a YAML/JSON file, or an augmenter (as is).

    Parameters
    ----------
    spec : str, path or Augmenter
        A preset name (``light``, ``medium``, ``heavy`` or one a plugin registers through
        ``augkit_presets``; a preset wins over a file of the same name), a file written
        by ``augkit.save()``, or an augmenter, returned unchanged.

    Returns
    -------
    Augmenter
        The pipeline.

    Raises
    ------
    PipelineError
        *spec* is neither a preset nor a file, or the file does not load (an unknown
        augmenter, a bad parameter): the message names the file, the line and the path
        in the document.
    """
    from augkit.app import catalogue

    if isinstance(spec, Augmenter):
        return spec
    text_spec = os.fspath(spec)
    preset = catalogue.find_preset(text_spec)
    if preset is not None and callable(preset.value):
        return _from_factory(preset)
    path = Path(preset.value) if preset is not None else Path(text_spec)
    if preset is None and not path.is_file():
        raise PipelineError(f"--pipeline: {text_spec!r} is neither a file nor a preset "
                            f"(presets: {', '.join(catalogue.preset_names())})")
    from augkit import serialization

    try:
        return serialization.load(path)
    except SerializationError as exc:
        raise PipelineError(_locate(path, str(exc))) from None


def _from_factory(preset: Any) -> Augmenter:
    pipeline = preset.value()
    if not isinstance(pipeline, Augmenter):
        raise PipelineError(f"preset {preset.name!r} of plugin {preset.plugin!r} returned "
                            f"{type(pipeline).__name__}, not an augmenter")
    return pipeline


def _locate(path: Path, message: str) -> str:
    """Prefix a serialization error with the file and the line its document path names."""
    if message.startswith(f"{path}: "):
        return message  # about the whole file (not valid YAML, an alias bomb): no line
    doc_path, sep, rest = message.partition(": ")
    if not sep or " " in doc_path:
        return f"{path}: {message}"
    line = None
    with contextlib.suppress(Exception):
        line = _line_of(path, doc_path)
    where = f"{path}, line {line}" if line else str(path)
    return f"{where} ({doc_path}): {rest}"


def _line_of(path: Path, doc_path: str) -> int | None:
    """Find the line of *doc_path* (``children[2].rotate``) in a YAML or JSON file."""
    import re

    import yaml

    node = yaml.compose(path.read_text(encoding="utf-8"))
    if doc_path == "<root>":
        return node.start_mark.line + 1
    for token in re.findall(r"[^.\[\]]+|\[\d+\]", doc_path):
        if token.startswith("["):
            if isinstance(node, yaml.MappingNode):
                node = _child(node, "tuple") or node
            if not isinstance(node, yaml.SequenceNode):
                break
            node = node.value[int(token[1:-1])]
            continue
        if not isinstance(node, yaml.MappingNode):
            break
        args = _child(node, "args") if _child(node, "augmenter") is not None else None
        found = (_child(args, token) if args is not None else None) or _child(node, token)
        if found is None:
            break
        node = found
    return node.start_mark.line + 1


def _child(node: Any, key: str) -> Any:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if getattr(k, "value", None) == key:
            return v
    return None


def pipeline_digest(pipeline: Augmenter) -> str:
    """Return a short fingerprint of the pipeline's configuration, seeds left out.

    ``augkit augment --resume`` compares it with the journal's to refuse finishing a
    run with another pipeline.
    """
    try:
        from augkit import serialization

        doc = serialization.to_dict(pipeline)
        _strip_seeds(doc)
        text = json.dumps(doc, sort_keys=True)
    except SerializationError:  # e.g. a Lambda: fall back to its repr
        text = repr(pipeline)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _strip_seeds(doc: Any) -> None:
    if isinstance(doc, dict):
        doc.pop("seed", None)
        for value in doc.values():
            _strip_seeds(value)
    elif isinstance(doc, list):
        for value in doc:
            _strip_seeds(value)


__all__ = ["PipelineError", "load_pipeline", "pipeline_digest"]
