"""Saving augmenters: ``to_dict``/``from_dict`` and ``save``/``load`` (YAML or JSON).

A pipeline becomes a tree of plain values (dicts, lists, strings, numbers, bools,
None) that JSON and YAML can hold, and loads back into augmenters that produce the
same output for the same input.

Format (version 1)
------------------
An augmenter is a mapping::

    {"augmenter": "Affine",            # registered name; "plugin:Name" if ambiguous
     "args": {"rotate": {"tuple": [-45, 45]}, ...},   # constructor arguments
     "seed": 1234,                     # or {"entropy": ..., "spawn_key": [...]}
     "name": "MyAffine",               # only when not the class name
     "deterministic": true}            # only when set

The top-level mapping also carries ``"augkit_format": 1``. Constructor arguments are
the ones the augmenter was built with (:meth:`Augmenter.get_arguments`); children
(an argument that is an augmenter or a list of augmenters) nest as augmenter
mappings. Values that JSON and YAML cannot tell apart are tagged with a one-key
mapping:

=========================  ===================================================
Python value               stored as
=========================  ===================================================
``(a, b)`` (a tuple)       ``{"tuple": [a, b]}`` (a list stays a list: in the
                           shorthand ``(a, b)`` is a range, ``[a, b]`` a choice)
StochasticParameter        ``{"param": {"type": "Uniform", "a": 0.0, "b": 1.0}}``
numpy array                ``{"ndarray": [[...]], "dtype": "float32", "shape": [3, 3]}``
numpy scalar               ``{"scalar": 0.5, "dtype": "float32"}``
numpy dtype                ``{"np_dtype": "uint8"}``
helper object (a blend     ``{"object": "augkit.blend:CheckerboardMaskGen",
mask generator, a points   "state": {attribute: value, ...}}``: the instance's
sampler)                   attributes; only classes of augkit and of installed
                           plugins, rebuilt without calling their constructor
dict with reserved keys    ``{"dict": [[key, value], ...]}`` (other dicts are plain)
=========================  ===================================================

The seed is always stored: the one the user gave, or the entropy the augmenter drew
when it was created unseeded, so the loaded augmenter starts exactly where a fresh
copy of the original would (the position of an augmenter that has already been
called is not stored).

Loading only ever builds registered augmenters (resolved through the registry),
registered stochastic parameters and helper classes defined by augkit or an installed
plugin (given as ``module:Class``); it never evaluates text or unpickles. Errors raise
:class:`~augkit.errors.SerializationError` with the path of the offending field,
e.g. ``children[2].rotate``. Functions (``Lambda``, ``AssertLambda``, a callable
``Convolve`` matrix) cannot be saved: ``to_dict`` says which augmenter and argument.

Examples
--------
>>> import augkit
>>> seq = augkit.Sequential([augkit.get("Fliplr", p=0.5)], seed=1)
>>> d = seq.to_dict()
>>> d["augmenter"], d["args"]["children"][0]["augmenter"]
('Sequential', 'Fliplr')
>>> augkit.from_dict(d).to_dict() == d
True
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import importlib
import inspect
import json
import os
import types
from collections.abc import Mapping
from typing import Any

import numpy as np

from augkit import parameters as iap
from augkit import random as ak_random
from augkit.augmenter import Augmenter
from augkit.errors import (
    AmbiguousNameError,
    ParameterError,
    ParameterTypeError,
    SerializationError,
    UnknownAugmenterError,
    describe,
)

FORMAT_VERSION = 1
_FORMAT_KEY = "augkit_format"
_AUG_KEYS = frozenset({"augmenter", "args", "seed", "name", "deterministic", _FORMAT_KEY})
_BASE_ARGS = ("seed", "random_state", "name", "deterministic")
_RESERVED = frozenset({"augmenter", "tuple", "param", "ndarray", "scalar", "np_dtype",
                       "object", "dict"})
_CHILD_ARGS = frozenset({"children", "then_list", "else_list", "foreground", "background",
                         "first", "second", "child"})

__all__ = ["FORMAT_VERSION", "from_dict", "load", "save", "to_dict"]


# ---------------------------------------------------------------------------
# encoding
# ---------------------------------------------------------------------------


def to_dict(aug: Augmenter) -> dict[str, Any]:
    """Return a JSON- and YAML-safe description of *aug* and its children.

    Raises
    ------
    SerializationError
        An argument cannot be stored (a function, an unknown object) or an augmenter
        of the tree is not registered; the message names the augmenter and the path.
    """
    if not isinstance(aug, Augmenter):
        raise SerializationError(f"to_dict: expected an augmenter, got {describe(aug)}")
    doc = {_FORMAT_KEY: FORMAT_VERSION}
    doc.update(_encode_augmenter(aug, ""))
    return doc


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _label(aug: Augmenter) -> str:
    cls = type(aug).__name__
    return cls if aug.name == cls else f"{cls} (name {aug.name!r})"


def _encode_augmenter(aug: Augmenter, path: str) -> dict[str, Any]:
    out: dict[str, Any] = {"augmenter": _registered_name(type(aug), path)}
    args = _current_args(aug)
    out["args"] = {key: _encode(value, _join(path, key), aug) for key, value in args.items()}
    out["seed"] = _encode_seed(aug._seedseq)
    if aug.name != type(aug).__name__:
        out["name"] = aug.name
    if aug.deterministic:
        out["deterministic"] = True
    return out


def _registered_name(cls: type, path: str) -> str:
    from augkit.registry import registry

    name = cls.registered_name or cls.__name__
    try:
        if registry.get_class(name) is cls:
            return name
    except (UnknownAugmenterError, AmbiguousNameError):
        pass
    for entry in registry.entries():
        if entry.cls is cls:
            return f"{entry.plugin}:{entry.name}"
    where = path or "<root>"
    raise SerializationError(
        f"{where}: {cls.__module__}.{cls.__qualname__} is not a registered augmenter; only "
        "augmenters registered through a plugin (augkit_augmenters hook) can be serialized")


def _is_aug_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, Augmenter) for v in value)


def _current_args(aug: Augmenter) -> dict[str, Any]:
    """Constructor arguments, with children replaced by the current children lists.

    Children lists may have changed since construction (``append``,
    ``remove_augmenters``); an argument that held augmenters is matched to the
    children list that shares most of them (or, for ``children``, to the only list).
    """
    args = {k: v for k, v in aug.get_arguments().items() if k not in _BASE_ARGS}
    lists = aug.get_children_lists()
    if not lists:
        return args
    for key, value in args.items():
        if isinstance(value, Augmenter):
            given = [value]
        elif _is_aug_list(value) and (value or key in _CHILD_ARGS):
            given = list(value)
        else:
            continue
        ids = {id(v) for v in given}
        scored = [(sum(id(c) in ids for c in lst), i) for i, lst in enumerate(lists)]
        best = max(scored, default=(0, -1))
        if best[0] == 0:
            if key == "children" and len(lists) == 1:
                best = (0, 0)
            else:
                continue
        current = lists[best[1]]
        if [id(c) for c in current] == [id(v) for v in given]:
            continue
        if isinstance(value, Augmenter) and len(current) == 1:
            args[key] = current[0]
        else:
            args[key] = list(current)
    return args


def _encode_seed(seedseq: np.random.SeedSequence) -> Any:
    entropy = seedseq.entropy
    if isinstance(entropy, (int, np.integer)):
        entropy = int(entropy)
    else:
        entropy = [int(e) for e in np.asarray(entropy).ravel()]
    if isinstance(entropy, int) and not seedseq.spawn_key:
        return entropy
    return {"entropy": entropy, "spawn_key": [int(k) for k in seedseq.spawn_key]}


def _encode(value: Any, path: str, owner: Augmenter | None) -> Any:
    from augkit.augmentables.kind import Kind  # noqa: F401  (kinds are not values)

    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, np.generic):
        if value.dtype.kind not in "biuf":
            raise _unsupported(value, path, owner)
        return {"scalar": value.item(), "dtype": value.dtype.name}
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biuf":
            raise _unsupported(value, path, owner)
        return {"ndarray": value.tolist(), "dtype": value.dtype.name, "shape": list(value.shape)}
    if isinstance(value, np.dtype):
        return {"np_dtype": value.name}
    if isinstance(value, type) and issubclass(value, np.generic):
        return {"np_dtype": np.dtype(value).name}
    if isinstance(value, Augmenter):
        return _encode_augmenter(value, path)
    if isinstance(value, iap.StochasticParameter):
        return {"param": _plain(value.to_dict())}
    if _is_helper_object(value):
        cls = type(value)
        state = {k: _encode(v, _join(path, k), owner) for k, v in vars(value).items()}
        return {"object": f"{cls.__module__}:{cls.__qualname__}", "state": state}
    if isinstance(value, tuple):
        return {"tuple": [_encode(v, f"{path}[{i}]", owner) for i, v in enumerate(value)]}
    if isinstance(value, list):
        return [_encode(v, f"{path}[{i}]", owner) for i, v in enumerate(value)]
    if isinstance(value, Mapping):
        if all(isinstance(k, str) for k in value) and not (set(value) & _RESERVED):
            return {k: _encode(v, _join(path, k), owner) for k, v in value.items()}
        return {"dict": [[_encode(k, f"{path}<key>", owner), _encode(v, f"{path}[{k!r}]", owner)]
                         for k, v in value.items()]}
    if callable(value):
        who = _label(owner) if owner is not None else "an augmenter"
        raise SerializationError(
            f"{path}: {who} holds a function ({describe(value)}) in argument "
            f"{path.rsplit('.', 1)[-1]!r}; functions cannot be serialized (Lambda, "
            "AssertLambda and callable arguments are not saveable): rebuild that part "
            "in code, or replace it by a registered augmenter")
    raise _unsupported(value, path, owner)


def _unsupported(value: Any, path: str, owner: Augmenter | None) -> SerializationError:
    who = f" of {_label(owner)}" if owner is not None else ""
    return SerializationError(
        f"{path}: cannot serialize {type(value).__name__} value {describe(value)}{who}; "
        "storable: None, bool, int, float, str, tuple, list, dict, numpy arrays/scalars, "
        "stochastic parameters, augmenters and mask generators")


def _plain(value: Any) -> Any:
    """Turn numpy values left in a parameter's ``to_dict`` into plain ones."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _trusted_packages() -> set[str]:
    """Top-level packages of augkit and of every plugin that registered augmenters."""
    from augkit.registry import registry

    return {"augkit"} | {entry.cls.__module__.partition(".")[0] for entry in registry.entries()}


def _is_helper_object(value: Any) -> bool:
    """Whether *value* is a plain helper object of augkit or a plugin (a mask generator,
    a points sampler): an instance with a ``__dict__`` of a class they define."""
    cls = type(value)
    if isinstance(value, type) or not hasattr(value, "__dict__") or "<" in cls.__qualname__:
        return False
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                          types.ModuleType, functools.partial)):
        return False
    return cls.__module__.partition(".")[0] in _trusted_packages()


# ---------------------------------------------------------------------------
# decoding
# ---------------------------------------------------------------------------


def from_dict(doc: Mapping[str, Any]) -> Augmenter:
    """Build the augmenter described by *doc* (the output of :func:`to_dict`).

    Raises
    ------
    SerializationError
        An unknown augmenter or parameter name, a bad field or a value the
        augmenter refuses; the message starts with the path of the field.
    """
    if not isinstance(doc, Mapping):
        raise SerializationError(
            f"<root>: expected a mapping with an 'augmenter' key, got {describe(doc)}")
    version = doc.get(_FORMAT_KEY, FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise SerializationError(
            f"{_FORMAT_KEY}: this augkit reads format {FORMAT_VERSION}, got {describe(version)}")
    seeds: list[tuple[Augmenter, np.random.SeedSequence, bool]] = []
    aug = _decode_augmenter(doc, "", seeds)
    # Parents re-derive their children's streams when built with a seed; restore
    # every augmenter's own stream afterwards.
    for node, seedseq, deterministic in seeds:
        node._seedseq = seedseq
        node._rng = ak_random.generator(seedseq)
        node._seeded = True
        node.deterministic = deterministic
    return aug


def _where(path: str) -> str:
    return path or "<root>"


def _decode_augmenter(doc: Mapping[str, Any], path: str, seeds: list) -> Augmenter:
    from augkit.registry import registry

    unknown = set(doc) - _AUG_KEYS
    if unknown:
        key = sorted(unknown)[0]
        close = difflib.get_close_matches(str(key), sorted(_AUG_KEYS), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise SerializationError(
            f"{_join(path, str(key))}: unknown field of an augmenter{hint} (fields: "
            f"{', '.join(sorted(_AUG_KEYS - {_FORMAT_KEY}))})")
    name = doc.get("augmenter")
    if not isinstance(name, str):
        raise SerializationError(
            f"{_join(path, 'augmenter')}: expected a registered augmenter name, "
            f"got {describe(name)}")
    try:
        cls = registry.get_class(name)
    except (UnknownAugmenterError, AmbiguousNameError) as exc:
        raise SerializationError(f"{_where(path)}: {exc}") from exc
    raw_args = doc.get("args", {})
    if not isinstance(raw_args, Mapping):
        raise SerializationError(
            f"{_join(path, 'args')}: expected a mapping of argument names to values, "
            f"got {describe(raw_args)}")
    seedseq = _decode_seed(doc.get("seed"), _join(path, "seed"))
    label = doc.get("name")
    if label is not None and not isinstance(label, str):
        raise SerializationError(f"{_join(path, 'name')}: expected a str, got {describe(label)}")
    deterministic = doc.get("deterministic", False)
    if not isinstance(deterministic, bool):
        raise SerializationError(
            f"{_join(path, 'deterministic')}: expected true or false, got "
            f"{describe(deterministic)}")
    args = {}
    for key, value in raw_args.items():
        if not isinstance(key, str):
            raise SerializationError(f"{path}.args: argument names must be strings, "
                                     f"got {describe(key)}")
        args[key] = _decode(value, _join(path, key), seeds)
    aug = _construct(cls, name, args, path, seedseq, label)
    seeds.append((aug, seedseq, deterministic))
    return aug


def _construct(cls: type, name: str, args: dict[str, Any], path: str,
               seedseq: np.random.SeedSequence, label: str | None) -> Augmenter:
    sig = inspect.signature(cls.__init__)
    params = list(sig.parameters.values())[1:]
    accepts_kwargs = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params)
    named = {p.name for p in params if p.kind not in (inspect.Parameter.VAR_POSITIONAL,
                                                      inspect.Parameter.VAR_KEYWORD)}
    for key in args:
        if key in _BASE_ARGS:
            raise SerializationError(
                f"{_join(path, key)}: {key!r} belongs at the augmenter level, not in args")
        if key not in named and not (accepts_kwargs and _base_accepts(cls, key)):
            close = difflib.get_close_matches(key, sorted(named), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise SerializationError(
                f"{_join(path, key)}: {name} has no argument {key!r}{hint}")
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    for p in params:
        if p.name not in args:
            if p.kind is inspect.Parameter.POSITIONAL_ONLY and p.default is p.empty:
                raise SerializationError(f"{_join(path, p.name)}: missing argument of {name}")
            continue
        if p.kind is inspect.Parameter.POSITIONAL_ONLY:
            positional.append(args[p.name])
        elif p.kind is inspect.Parameter.VAR_POSITIONAL:
            positional.extend(args[p.name])
        else:
            keywords[p.name] = args[p.name]
    for key, value in args.items():
        if key not in named:
            keywords[key] = value
    keywords["seed"] = seedseq
    if label is not None:
        keywords["name"] = label
    try:
        return cls(*positional, **keywords)
    except SerializationError:
        raise
    except (ParameterError, ParameterTypeError, TypeError, ValueError) as exc:
        message = str(exc)
        key, sep, rest = message.partition(": ")
        if sep and key in args:  # the augmenter named the argument: point at it
            raise SerializationError(f"{_join(path, key)}: {name} refused {key}: {rest}") from exc
        raise SerializationError(f"{_where(path)}: {name} refused its arguments: {exc}") from exc


def _base_accepts(cls: type, key: str) -> bool:
    """Whether *key* is a named argument somewhere up the class's ``__init__`` chain."""
    for base in cls.__mro__[1:]:
        init = base.__dict__.get("__init__")
        if init is None:
            continue
        try:
            if key in inspect.signature(init).parameters:
                return True
        except (TypeError, ValueError):
            continue
    return False


def _decode_seed(value: Any, path: str) -> np.random.SeedSequence:
    if value is None:
        return ak_random.new_seedseq()
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return np.random.SeedSequence(value)
    if isinstance(value, Mapping) and set(value) <= {"entropy", "spawn_key"}:
        entropy = value.get("entropy")
        spawn_key = value.get("spawn_key", [])
        ok_entropy = (isinstance(entropy, int) and not isinstance(entropy, bool)
                      and entropy >= 0) or (
            isinstance(entropy, list) and entropy
            and all(isinstance(e, int) and not isinstance(e, bool) and e >= 0 for e in entropy))
        ok_key = isinstance(spawn_key, list) and all(
            isinstance(k, int) and not isinstance(k, bool) and k >= 0 for k in spawn_key)
        if ok_entropy and ok_key:
            return np.random.SeedSequence(entropy, spawn_key=tuple(spawn_key))
    raise SerializationError(
        f"{path}: expected a non-negative int or {{entropy: int, spawn_key: [int, ...]}}, "
        f"got {describe(value)}")


def _decode(value: Any, path: str, seeds: list) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [_decode(v, f"{path}[{i}]", seeds) for i, v in enumerate(value)]
    if not isinstance(value, Mapping):
        raise SerializationError(f"{path}: unexpected {type(value).__name__} value "
                                 f"{describe(value)}")
    keys = set(value)
    if "augmenter" in keys:
        return _decode_augmenter(value, path, seeds)
    if keys == {"tuple"}:
        items = value["tuple"]
        if not isinstance(items, list):
            raise SerializationError(f"{path}.tuple: expected a list, got {describe(items)}")
        return tuple(_decode(v, f"{path}[{i}]", seeds) for i, v in enumerate(items))
    if keys == {"param"}:
        try:
            return iap.from_dict(value["param"])
        except (ParameterError, ParameterTypeError, TypeError, ValueError) as exc:
            raise SerializationError(f"{path}: {exc}") from exc
    if keys == {"ndarray", "dtype", "shape"}:
        return _decode_array(value, path)
    if keys == {"scalar", "dtype"}:
        dtype = _decode_dtype(value["dtype"], f"{path}.dtype")
        try:
            return dtype.type(value["scalar"])
        except (TypeError, ValueError, OverflowError) as exc:
            raise SerializationError(f"{path}.scalar: {exc}") from exc
    if keys == {"np_dtype"}:
        return _decode_dtype(value["np_dtype"], f"{path}.np_dtype")
    if keys == {"object", "state"}:
        return _decode_object(value, path, seeds)
    if keys == {"dict"}:
        pairs = value["dict"]
        if not isinstance(pairs, list) or not all(
                isinstance(p, list) and len(p) == 2 for p in pairs):
            raise SerializationError(f"{path}.dict: expected a list of [key, value] pairs")
        out = {}
        for key, item in pairs:
            key = _decode(key, f"{path}<key>", seeds)
            try:
                hash(key)
            except TypeError:
                raise SerializationError(f"{path}: unhashable key {describe(key)}") from None
            out[key] = _decode(item, f"{path}[{key!r}]", seeds)
        return out
    for key in value:
        if not isinstance(key, str):
            raise SerializationError(f"{path}: mapping keys must be strings, got {describe(key)}")
    return {k: _decode(v, _join(path, k), seeds) for k, v in value.items()}


_DTYPES = frozenset({"bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32",
                     "int64", "float16", "float32", "float64"})


def _decode_dtype(name: Any, path: str) -> np.dtype:
    if not isinstance(name, str) or name not in _DTYPES:
        raise SerializationError(
            f"{path}: expected one of {', '.join(sorted(_DTYPES))}, got {describe(name)}")
    return np.dtype(name)


def _decode_array(value: Mapping[str, Any], path: str) -> np.ndarray:
    dtype = _decode_dtype(value["dtype"], f"{path}.dtype")
    shape = value["shape"]
    if not isinstance(shape, list) or not all(isinstance(s, int) and s >= 0 for s in shape):
        raise SerializationError(f"{path}.shape: expected a list of sizes, got {describe(shape)}")
    try:
        arr = np.array(value["ndarray"], dtype=dtype)
        return np.ascontiguousarray(arr.reshape(shape))
    except (TypeError, ValueError, OverflowError) as exc:
        raise SerializationError(f"{path}.ndarray: {exc}") from exc


def _decode_object(value: Mapping[str, Any], path: str, seeds: list) -> Any:
    name = value["object"]
    module_name, _, qualname = name.partition(":") if isinstance(name, str) else ("", "", "")
    cls: Any = None
    if qualname and module_name.partition(".")[0] in _trusted_packages():
        try:
            cls = importlib.import_module(module_name)
            for part in qualname.split("."):
                cls = getattr(cls, part)
        except (ImportError, AttributeError):
            cls = None
    if not isinstance(cls, type) or issubclass(cls, Augmenter) or cls.__module__ != module_name:
        raise SerializationError(
            f"{path}.object: unknown helper class {describe(name)}; expected "
            "'module:Class' of a class defined by augkit or an installed augkit plugin")
    state = value["state"]
    if not isinstance(state, Mapping) or not all(isinstance(k, str) for k in state):
        raise SerializationError(f"{path}.state: expected a mapping of attribute names")
    obj = cls.__new__(cls)
    obj.__dict__.update({k: _decode(v, _join(path, k), seeds) for k, v in state.items()})
    return obj


# ---------------------------------------------------------------------------
# files
# ---------------------------------------------------------------------------


def _format_of(path: str | os.PathLike, format: str | None) -> str:
    if format is not None:
        fmt = format.lower()
    else:
        fmt = os.path.splitext(os.fspath(path))[1].lower().lstrip(".")
    if fmt == "yml":
        fmt = "yaml"
    if fmt not in ("yaml", "json"):
        raise SerializationError(
            f"{os.fspath(path)}: cannot tell the format; use a .yaml, .yml or .json file "
            f"name or pass format='yaml' or 'json' (got {fmt!r})")
    return fmt


def save(aug: Augmenter, path: str | os.PathLike, *, format: str | None = None) -> None:
    """Write *aug* to a YAML (``.yaml``/``.yml``) or JSON (``.json``) file.

    Examples
    --------
    >>> import os, tempfile, augkit
    >>> path = os.path.join(tempfile.mkdtemp(), "pipeline.yaml")
    >>> augkit.save(augkit.get("Fliplr", p=0.5, seed=1), path)
    >>> augkit.load(path).get_arguments()["p"]
    0.5
    """
    doc = to_dict(aug)
    fmt = _format_of(path, format)
    if fmt == "json":
        text = json.dumps(doc, indent=2) + "\n"
    else:
        import yaml

        text = yaml.safe_dump(doc, sort_keys=False, default_flow_style=None)
    _write_atomic(path, text)


#: Most YAML nodes a pipeline file may expand to once its aliases (``*name``) are
#: followed: a few hundred bytes of nested aliases ("billion laughs") would otherwise
#: expand to billions of values. A real pipeline has a few hundred.
MAX_YAML_NODES = 100_000


def _yaml_loader() -> type:
    import yaml

    class _BoundedLoader(yaml.SafeLoader):
        """``SafeLoader`` that refuses a document whose aliases expand too far."""

        def construct_document(self, node: Any) -> Any:
            _check_expansion(node)
            return super().construct_document(node)

    return _BoundedLoader


def _check_expansion(root: Any) -> None:
    """Count the nodes *root* expands to (each alias counted in full), before any
    value is built; shared nodes are counted once per use without being walked twice."""
    import yaml

    sizes: dict[int, int] = {}

    def size(node: Any) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        sizes[id(node)] = 1  # a recursive alias counts as one node while it is walked
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                total += size(item)
                if total > MAX_YAML_NODES:
                    break
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                total += size(key) + size(value)
                if total > MAX_YAML_NODES:
                    break
        sizes[id(node)] = total
        return total

    total = size(root)
    if total > MAX_YAML_NODES:
        raise SerializationError(
            f"its aliases (*name) expand to more than {MAX_YAML_NODES} values "
            f"(a YAML alias bomb?); write the values out instead")


def _write_atomic(path: str | os.PathLike, text: str) -> None:
    """Replace *path* by *text* in one step: a failed write leaves the old file whole."""
    import tempfile

    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp",
                               dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if os.path.exists(target):
            os.chmod(tmp, os.stat(target).st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def load(path: str | os.PathLike, *, format: str | None = None) -> Augmenter:
    """Read an augmenter written by :func:`save` (``yaml.safe_load`` or ``json``).

    YAML aliases are followed only up to :data:`MAX_YAML_NODES` values in all: a
    file that expands further is refused before anything is built.
    """
    fmt = _format_of(path, format)
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SerializationError(
            f"{os.fspath(path)}: not UTF-8 text: byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start} (save the file as UTF-8)") from None
    if fmt == "yaml" and text.lstrip().startswith(("{", "[")):
        fmt = "json"  # JSON in a .yaml file: JSON's errors (and line) say more than YAML's
        with contextlib.suppress(ValueError):
            json.loads(text)
            fmt = "yaml"  # valid JSON; read as YAML, which is a superset
    try:
        if fmt == "json":
            doc = json.loads(text)
        else:
            import yaml

            doc = yaml.load(text, Loader=_yaml_loader())  # noqa: S506 (a SafeLoader)
    except SerializationError as exc:
        raise SerializationError(f"{os.fspath(path)}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise SerializationError(
            f"{os.fspath(path)}: not valid JSON: line {exc.lineno} column {exc.colno}: "
            f"{exc.msg}") from None
    except Exception as exc:  # yaml.YAMLError and its subclasses
        raise SerializationError(f"{os.fspath(path)}: not valid YAML: {exc}") from exc
    return from_dict(doc)
