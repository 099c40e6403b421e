"""The Augmenter base classes: sample once per batch, apply to every kind.

``augment(...)`` normalises the call into rows, then ``sample`` draws every random
value for the whole batch at once into a params object, and every ``apply_to_*``
method reads from those same params. That keeps images, maps and coordinates
consistent, and lets ``replay(params, ...)`` re-apply a call exactly.

Two bases say what an augmenter touches:

* :class:`PixelAugmenter` changes pixel values only; maps and coordinates pass through
  untouched with no code in the augmenter.
* :class:`GeometricAugmenter` moves pixels; it must implement ``apply_to_images``,
  ``apply_to_maps`` and ``apply_to_keypoints`` or list the kinds it cannot transform in
  ``unsupported_kinds``. A missing method is a ``TypeError`` when the class is defined.
"""

from __future__ import annotations

import copy as copy_module
import difflib
import functools
import inspect
import re
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, NamedTuple

import numpy as np

from augkit import _row_chunks, arraylike, kind_catalogue
from augkit import random as ak_random
from augkit._random_state import RandomStateMethods
from augkit._rows import Rows, rows_from_call
from augkit.augmentables import _labels
from augkit.augmentables.images import NUMERIC_KINDS, check_image, restore_single
from augkit.augmentables.kind import Kind, MapKind, PointsKind
from augkit.augmentables.kinds import ImagesKind
from augkit.errors import (
    AugkitError,
    InputError,
    ParameterError,
    ParameterTypeError,
    ReplayError,
    UnsupportedDtypeError,
    UnsupportedKindError,
    describe,
)
from augkit.pixels import apply_tables

#: dtype names most augmenters support; families narrow this per augmenter.
NUMERIC_DTYPES = frozenset(
    {"bool", "uint8", "uint16", "uint32", "int8", "int16", "int32", "int64",
     "float16", "float32", "float64"}
)

#: Call keywords that are options, not data (``aug(..., bbox_format="coco")``).
CALL_OPTIONS = ("bbox_format", "keypoint_flip_idx", *_labels.OPTIONS)
_CALL_OPTIONS = CALL_OPTIONS
_NO_OPTIONS: dict[str, Any] = {}
_DTYPE_SETS: dict[frozenset[str], frozenset[np.dtype]] = {}


def _dtype_set(names: frozenset[str]) -> frozenset[np.dtype]:
    """Return *names* as a set of numpy dtypes (cached: the check runs on every call)."""
    dtypes = _DTYPE_SETS.get(names)
    if dtypes is None:
        dtypes = _DTYPE_SETS[names] = frozenset(np.dtype(name) for name in names)
    return dtypes


_UINT8 = np.dtype(np.uint8)


def output_dtype(aug: Augmenter, given: np.dtype) -> np.dtype:
    """The dtype of what *aug* returns for images of dtype *given*: its ``output_dtype``
    when it declares one (the tensor converters), else *given*.

    Examples
    --------
    >>> import augkit
    >>> output_dtype(augkit.get("Fliplr"), np.dtype("uint16")).name
    'uint16'
    """
    declared = getattr(aug, "output_dtype", None)
    return np.dtype(given) if declared is None else np.dtype(declared)


def _defined_by(cls: type, name: str) -> type:
    """The class in *cls*'s MRO whose body defines attribute *name*."""
    return next(klass for klass in cls.__mro__ if name in vars(klass))


def _is_array_batch(data: Mapping[str, Any], rows: Rows) -> bool:
    """Whether a call is ``images=`` with an ``(N, H, W[, C])`` array of N >= 2 sized rows."""
    return (len(data) == 1 and type(data.get("images")) is np.ndarray and len(rows) > 1
            and 0 not in rows.shapes[0] and next(iter(rows.data)) is ImagesKind)


class _ReplayStamp(NamedTuple):
    """What a leaf augmenter's sampled params were drawn for (checked by ``replay``)."""

    owner: str
    shapes: tuple[tuple[int, ...], ...]


#: Attribute through which sampled params carry their :class:`_ReplayStamp`.
_STAMP = "_augkit_replay_stamp"


class _StampedList(list):
    """A list of per-row params that can carry a replay stamp (a plain list cannot)."""


def _stamp(params: Any, aug: Augmenter, shapes: list[tuple[int, ...]]) -> Any:
    """Record on *params* which augmenter drew them for which image shapes; return them.

    A plain list comes back as a :class:`_StampedList` (still a list). Params that take
    no attributes (None, arrays, tuples) go unstamped; replaying them is checked by
    their type only.
    """
    if type(params) is list:
        params = _StampedList(params)
    if hasattr(params, "__dict__"):  # checked first: a failed setattr costs a raised error
        object.__setattr__(params, _STAMP, _ReplayStamp(type(aug).__qualname__, tuple(shapes)))
    return params


def _check_replayed(params: Any, aug: Augmenter, rows: Rows) -> None:
    """Raise :class:`ReplayError` if *params* were drawn by another augmenter or for
    other image shapes than those of *rows*.

    Stamped params say what they were drawn for; others are compared by type with
    params that *aug* samples for *rows* from a throwaway generator.
    """
    name = type(aug).__qualname__
    stamp = getattr(params, _STAMP, None)
    if stamp is None:
        fresh = aug.sample(rows, np.random.default_rng(0))
        if fresh is not None and not isinstance(params, type(fresh)):
            raise ReplayError(
                f"{name}.replay: expected the params that {name} returned (a "
                f"{type(fresh).__name__}), got {type(params).__name__} {describe(params)}")
        return
    shapes = rows.shapes
    if stamp.owner != name:
        raise ReplayError(f"{name}.replay: the params were sampled by {stamp.owner}, not by "
                          f"{name}; pass the params that this augmenter returned")
    if len(stamp.shapes) != len(shapes):
        raise ReplayError(f"{name}.replay: the params were sampled for {len(stamp.shapes)} "
                          f"rows, got {len(shapes)}")
    for i, (before, now) in enumerate(zip(stamp.shapes, shapes)):
        if tuple(before) != tuple(now):
            raise ReplayError(
                f"{name}.replay: row {i} has an image of shape {tuple(now)}, but the params "
                f"were sampled for shape {tuple(before)}; what {name} drew depends on the "
                "image size, so replay needs images of the sizes of the call that sampled "
                "the params (augment the new data instead)")


class CallContext:
    """What one top-level call shares with every augmenter in the tree.

    Holds the sampling key (for keyed sampling) and the hooks of the call.
    """

    __slots__ = ("key", "hooks", "parents", "replaying")

    def __init__(self, key: tuple[int, ...] | None = None, hooks: Any = None,
                 replaying: bool = False):
        self.key = key
        self.hooks = hooks
        self.parents: list[Augmenter] = []
        #: Whether the call replays params (``replay``): then no augmenter may sample.
        self.replaying = replaying

    def rng(self, aug: Augmenter) -> np.random.Generator:
        """Return the generator *aug* draws from in this call."""
        if self.key is not None:
            return ak_random.keyed_generator(aug._seedseq, self.key)
        return aug._unkeyed_rng()


_DOC_BLOCK = re.compile(r"^([ \t]*)<([a-z][a-z_ ]*)>[ \t]*$", re.MULTILINE)


@functools.lru_cache(maxsize=256)
def _wrapped(text: str, indent: str) -> str:
    """*text* wrapped at 88 columns with *indent* (cached: most classes share their line)."""
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def _fill_doc_blocks(cls: type[Augmenter]) -> str:
    """Return *cls*'s docstring with each ``<name>`` line replaced by its block."""
    blocks: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        blocks.update(vars(klass).get("doc_blocks", {}))

    def fill(match: re.Match) -> str:
        indent, name = match.group(1), match.group(2)
        if name == "supported data":
            return _wrapped(cls.supported_data(), indent)
        if name not in blocks:
            raise TypeError(f"{cls.__name__}: its docstring names the block <{name}>, which "
                            f"no doc_blocks of the class defines; known: {sorted(blocks)}")
        return textwrap.indent(textwrap.dedent(blocks[name]).strip("\n"), indent)

    return _DOC_BLOCK.sub(fill, cls.__doc__ or "")


_UNEXPECTED_KEYWORD = re.compile(r"got an unexpected keyword argument '([^']+)'")


def _unexpected_keyword(cls: type, error: TypeError, kwargs: Mapping[str, Any]) -> str | None:
    """The keyword *error* says no ``__init__`` of *cls* accepts, if it is one of *kwargs*."""
    match = _UNEXPECTED_KEYWORD.search(str(error))
    if match is None or match.group(1) not in kwargs:
        return None
    if match.group(1) in _accepted_keywords(cls):
        return None  # raised deeper, by something the constructor called
    return match.group(1)


def _accepted_keywords(cls: type) -> list[str]:
    """Keyword names the constructor of *cls* accepts, following ``**kwargs`` up the MRO."""
    names: list[str] = []
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        forwards = False
        for parameter in list(inspect.signature(init).parameters.values())[1:]:
            if parameter.kind is inspect.Parameter.VAR_KEYWORD:
                forwards = True
            elif parameter.kind is not inspect.Parameter.VAR_POSITIONAL:
                if parameter.name not in names:
                    names.append(parameter.name)
        if not forwards:
            break
    return names


def _unknown_keyword_message(cls: type, unknown: str) -> str:
    accepted = _accepted_keywords(cls)
    close = difflib.get_close_matches(unknown, accepted, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    listed = ", ".join(accepted) if accepted else "none"
    return f"{cls.__name__}: unexpected keyword argument {unknown!r}{hint} (accepted: {listed})"


class _AugmenterType(type):
    """Finishes every augmenter's construction: seeds children from a given seed.

    Running after ``__init__`` returns, it frees subclasses from calling anything
    once their children exist (and from ordering ``__init__`` around seeding).
    """

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        try:
            aug = super().__call__(*args, **kwargs)
        except TypeError as error:
            unknown = _unexpected_keyword(cls, error, kwargs)
            if unknown is None:
                raise
            raise TypeError(_unknown_keyword_message(cls, unknown)) from error
        if aug._seeded:
            aug._seed_children()
        return aug


#: Largest output image, in pixels (height x width), that a shape-changing augmenter
#: may produce: Pillow's decompression-bomb limit (a 13377 x 13377 image). A sampled
#: output above it (``Resize(100000)``, ``Pad(px=50000)``) is a :class:`ParameterError`
#: raised before anything is allocated.
MAX_OUTPUT_PIXELS = 178_956_970


class Augmenter(RandomStateMethods, metaclass=_AugmenterType):
    """Base class of every augmenter.

    Subclasses implement :meth:`sample` and the ``apply_to_*`` methods (through
    :class:`PixelAugmenter` or :class:`GeometricAugmenter`); augmenters that run
    children (``augkit.extend.MetaAugmenter``) override :meth:`apply_to_rows` instead.

    Parameters
    ----------
    seed : None or int or numpy.random.SeedSequence or numpy.random.Generator, optional
        Seeds this augmenter and its children. None derives a stream from
        ``augkit.seed()`` if that was called, else from fresh entropy.
    name : str, optional
        A name to find the augmenter by (default: the class name).
    deterministic : bool, optional
        If True, every call draws the same random values.
    random_state : optional
        imgaug's older name of *seed*.
    """

    #: Name in the registry (default: the class name).
    registered_name: ClassVar[str | None] = None
    #: Other names that resolve to this class (``Noop`` for ``Identity``).
    aliases: ClassVar[tuple[str, ...]] = ()
    #: Constructor keyword sets that show the augmenter at work (gallery, conformance).
    examples: ClassVar[tuple[dict[str, Any], ...]] = ({},)
    #: dtype names of images this augmenter accepts.
    supported_dtypes: ClassVar[frozenset[str]] = NUMERIC_DTYPES
    #: Kind or category names this augmenter cannot transform.
    unsupported_kinds: ClassVar[frozenset[str]] = frozenset()
    #: True when the output image may differ in height or width from the input.
    changes_shape: ClassVar[bool] = False
    #: Pixels a keypoint may end up away from its dot (conformance kit).
    keypoint_tolerance: ClassVar[float] = 1.0
    #: Whether maps and coordinates pass through unchanged.
    pixel_only: ClassVar[bool] = False
    #: Channel counts of images this augmenter accepts (None: any); checked by the base.
    image_channels: ClassVar[tuple[int, ...] | None] = None
    #: Smallest image height and width this augmenter accepts; checked by the base.
    min_image_side: ClassVar[int] = 1

    #: Names of the attributes that imgaug's ``get_parameters()`` lists, in its order.
    imgaug_parameters: ClassVar[tuple[str, ...]] = ()

    #: Whether :meth:`sample` reads pixel values, not only ``nb_rows``, ``shapes`` and
    #: the images' dtypes. Only first-party augmenters (``augkit`` and the ``augkit_*``
    #: plugins) that say False are drawn ahead of their images by a ``Sequential`` over
    #: an image array (``augkit._chunked_sequence``); the test suite holds them to it.
    sample_reads_pixels: bool = False

    #: Whether the class runs through the base's sample-then-apply (set per class).
    _is_leaf: ClassVar[bool] = True
    #: Whether ``images=`` arrays go to :meth:`_augment_array_batch` (set per class).
    _chunks_arrays: ClassVar[bool] = True
    #: Whether the class overrides :meth:`sample` (the base's draws nothing; set per class).
    _draws: ClassVar[bool] = False
    #: Whether images need a check beyond their dtype (channels, size; set per class).
    _checks_shape: ClassVar[bool] = False

    #: Text blocks that docstrings name on a line of their own as ``<name>`` (a
    #: family's shared parameter descriptions); ``<supported data>`` is built from
    #: the class attributes (:meth:`supported_data`).
    doc_blocks: ClassVar[Mapping[str, str]] = {}

    #: The positional and keyword arguments the augmenter was constructed with (set by
    #: ``__new__``, read by :meth:`get_parameters`).
    _init_args: tuple[tuple[Any, ...], dict[str, Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._is_leaf = cls.apply_to_rows is Augmenter.apply_to_rows
        # A class with children takes its own array path only where that path and
        # apply_to_rows come from the same class (a subclass may change apply_to_rows).
        chunker = _defined_by(cls, "_augment_array_batch")
        cls._chunks_arrays = cls._is_leaf or (
            chunker is not Augmenter and chunker is _defined_by(cls, "apply_to_rows"))
        cls._draws = cls.sample is not Augmenter.sample
        # An _apply_into inherited from above the class that (re)defines apply_to_images
        # would bypass it: such a class writes through the base's (tables, else a copy).
        if not issubclass(_defined_by(cls, "_apply_into"), _defined_by(cls, "apply_to_images")):
            cls._apply_into = Augmenter._apply_into  # type: ignore[method-assign]
        cls._checks_shape = cls.image_channels is not None or cls.min_image_side > 1
        if cls.__doc__ and "<" in cls.__doc__:
            cls.__doc__ = _fill_doc_blocks(cls)

    def __new__(cls, *args: Any, **kwargs: Any) -> Augmenter:
        obj = super().__new__(cls)
        obj._init_args = (args, kwargs)
        return obj

    def __init__(
        self,
        *,
        seed: ak_random.SeedLike = None,
        name: str | None = None,
        deterministic: bool = False,
        random_state: ak_random.SeedLike = None,
    ) -> None:
        if seed is None and random_state is not None:
            seed = random_state
        if name is not None and not isinstance(name, str):
            raise ParameterTypeError(f"name: expected a str or None, got {describe(name)}")
        self.name = name if name is not None else type(self).__name__
        self.deterministic = bool(deterministic)
        self._seedseq = ak_random.to_seedseq(seed)
        self._rng = ak_random.generator(self._seedseq)
        self._process = ak_random.process_token()
        self._seeded = seed is not None

    # ------------------------------------------------------------------ sampling
    def sample(self, rows: Rows, rng: np.random.Generator) -> Any:
        """Draw every random value for all rows of a call at once.

        Parameters
        ----------
        rows : Rows
            The call's data; ``rows.nb_rows`` and ``rows.shapes`` are what most
            augmenters need.
        rng : numpy.random.Generator
            The only source of randomness to use.

        Returns
        -------
        params : Any
            Whatever the ``apply_to_*`` methods need; must be picklable.
        """
        return None

    def output_shapes(self, params: Any, shapes: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
        """Return each row's image shape after augmentation (default: unchanged)."""
        return shapes

    def work_shapes(self, params: Any, shapes: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
        """Return each row's largest image shape on the way to its output.

        Default: :meth:`output_shapes`. An augmenter that makes a larger intermediate
        image (padding, then resizing back) returns that. For augmenters with
        ``changes_shape``, the base refuses shapes above :data:`MAX_OUTPUT_PIXELS`
        with a :class:`~augkit.errors.ParameterError` before anything is allocated.
        Returning the list *shapes* itself says that no row grows (the check is skipped).
        """
        return self.output_shapes(params, shapes)

    def apply_to_images(self, images: list[np.ndarray], params: Any) -> list[np.ndarray]:
        """Return augmented copies of *images* (each ``(H, W, C)``), never views."""
        raise NotImplementedError

    def _apply_into(self, images: list[np.ndarray], params: Any,
                    outs: list[np.ndarray]) -> list[np.ndarray]:
        """:meth:`apply_to_images`, writing row ``i``'s output into ``outs[i]`` where it can.

        *outs* are C-contiguous views of the call's result array, of each row's output
        shape and dtype. An output written there is returned as ``outs[i]`` itself; any
        other is copied in by the caller: the chunked batch path (``augkit._row_chunks``),
        which only first-party augmenters take, so this is for them to override. The
        base writes through the class's lookup tables for uint8 images (``lookup_tables``,
        see :mod:`augkit.fusion`, exact by its contract), else returns
        :meth:`apply_to_images`.
        """
        lookup_tables = getattr(self, "lookup_tables", None)
        if lookup_tables is not None and all(image.dtype == _UINT8 for image in images):
            tables = lookup_tables(params, [image.shape for image in images])
            if tables is not None and all(table is not None for table in tables):
                return [apply_tables(image, np.asarray(table, np.uint8), out)
                        for image, table, out in zip(images, tables, outs)]
        return self.apply_to_images(images, params)

    # ------------------------------------------------------------------ calling
    def augment(
        self,
        *,
        return_batch: bool = False,
        return_params: bool = False,
        key: Any = None,
        hooks: Any = None,
        **data: Any,
    ) -> Any:
        """Augment images and everything annotated on them, consistently.

        Parameters
        ----------
        image, images, heatmaps, segmentation_maps, keypoints, bounding_boxes, polygons, \
line_strings : optional
            The data to augment (any registered kind): one image with ``image=``, a
            batch with ``images=`` (an ``(N, H, W, C)`` array or a list of arrays).
        key : int or str or tuple, optional
            Draw this call's random values from the seed and *key* alone, e.g.
            ``key=(epoch, index)``: results then do not depend on worker count or order.
        return_params : bool, optional
            Also return the sampled params, for :meth:`replay`.
        bbox_format : {'xyxy', 'pascal_voc', 'coco', 'yolo'}, optional
            Format of boxes passed as plain ``(N, 4)`` arrays.

        Returns
        -------
        The augmented data in the form it was given; several kinds come back as a
        tuple in the order they were passed.

        Examples
        --------
        >>> import numpy as np, augkit
        >>> flip = augkit.get("Fliplr", p=1.0)
        >>> flip(image=np.array([[1, 2, 3]], dtype=np.uint8)).tolist()
        [[3, 2, 1]]
        """
        if (len(data) == 1 and "image" in data and key is None and hooks is None
                and not return_params and not return_batch):
            return self._augment_one_image(data["image"])
        return self._call(data, key=key, hooks=hooks, params=None,
                          return_params=return_params, return_batch=return_batch)

    def __call__(self, **data: Any) -> Any:
        """Augment the data (see :meth:`augment`; ``aug(...)`` is ``aug.augment(...)``).

        Examples
        --------
        >>> import numpy as np, augkit
        >>> augkit.get("Fliplr", p=1.0)(image=np.array([[1, 2]], dtype=np.uint8)).tolist()
        [[2, 1]]
        """
        if len(data) == 1 and "image" in data:  # no option given: the lean path
            return self._augment_one_image(data["image"])
        return self.augment(**data)

    def _augment_one_image(self, image: Any) -> np.ndarray:
        """The lean path of ``aug(image=img)``: the general path minus keyword dispatch.

        Leaf augmenters (those that do not override :meth:`apply_to_rows`) go straight
        to ``sample`` and ``apply_to_images``; per-call overhead is part of the contract.
        """
        if type(image) is np.ndarray and image.ndim == 3 and image.dtype.kind in NUMERIC_KINDS:
            row = image  # the common case, without a call of check_image
        elif type(image) is not np.ndarray and arraylike.is_foreign(image):
            # a PIL image or a tensor: augment it as an array, give a tensor back
            return arraylike.like(
                self._augment_one_image(arraylike.to_numpy(image, "image")), image)
        else:
            row = check_image(image, "image")
        shape = row.shape
        if shape[2] >= 32:
            from augkit.meta_functions import warn_on_suspicious_image

            warn_on_suspicious_image(row)
        if not row.size:
            return restore_single(row, image)
        self._check_process()
        rows = [row]
        if not self._is_leaf:
            batch, _ = self.augment_rows(Rows({ImagesKind: rows}, [shape]), CallContext())
            out = batch.data[ImagesKind][0]
        else:
            allowed = _DTYPE_SETS.get(self.supported_dtypes) or _dtype_set(self.supported_dtypes)
            if self._checks_shape or row.dtype not in allowed:
                self.check_images(rows, ImagesKind)
            params = None
            if self._draws:
                params = self.sample(Rows({ImagesKind: rows}, [shape]), self._unkeyed_rng())
            if self.changes_shape:
                self._guard_output_sizes(params, [shape])
            out = self.apply_to_images(rows, params)[0]
        if out.base is None and out is not image and row is image and out.flags.c_contiguous:
            return out  # a new C-contiguous array that owns its memory: the caller's
        return restore_single(out, image)

    def replay(self, params: Any, **data: Any) -> Any:
        """Apply the params of an earlier ``augment(..., return_params=True)`` call.

        Parameters
        ----------
        params : Any
            The params that call returned.
        **data
            Data as for :meth:`augment`, with as many rows (and images of the same
            shapes) as that call had.

        Raises
        ------
        augkit.errors.ReplayError
            If *params* are not params of this augmenter, or the data has another
            number of rows or other image shapes than the call that sampled them.

        Examples
        --------
        >>> import numpy as np, augkit
        >>> aug = augkit.get("Affine", rotate=(-10, 10), seed=1)
        >>> image = np.zeros((4, 4), np.uint8)
        >>> out, params = aug(image=image, return_params=True)
        >>> bool((aug.replay(params, image=image) == out).all())
        True
        >>> aug.replay(params, image=np.zeros((8, 8), np.uint8))
        Traceback (most recent call last):
        ...
        augkit.errors.ReplayError: Affine.replay: row 0 has an image of shape (8, 8, 1), ...
        """
        try:
            return self._call(data, key=None, hooks=None, params=params,
                              return_params=False, return_batch=False, replaying=True)
        except AugkitError:
            raise
        except (AttributeError, TypeError, ValueError, IndexError, KeyError) as error:
            raise ReplayError(
                f"{type(self).__name__}.replay: these params do not fit this augmenter or "
                f"this data (got {describe(params)}; {type(error).__name__}: {error}); pass "
                "the params that this augmenter's augment(..., return_params=True) returned "
                "for data of the same shapes") from error

    def _call(self, data, *, key, hooks, params, return_params, return_batch, replaying=False):
        options = _NO_OPTIONS
        if len(data) > 1 or "image" not in data:
            options = {name: data.pop(name) for name in _CALL_OPTIONS if name in data}
            if not data:
                raise InputError(
                    "augment: no data given; pass image=, images=, heatmaps=, "
                    "segmentation_maps=, keypoints=, bounding_boxes=, polygons= or "
                    "line_strings="
                )
        keywords = kind_catalogue.resolve_keywords(data)
        rows, order = rows_from_call(data, keywords, options)
        self._check_process()
        ctx = CallContext(None if key is None else ak_random.key_to_ints(key), hooks, replaying)
        if self._chunks_arrays and hooks is None and not options and _is_array_batch(data, rows):
            self._check_meta_images(rows)
            result, params = self._augment_array_batch(data["images"], rows, ctx, params)
            if return_batch:  # augment_batch, augment_batches and pools
                result = {"images": result}
            return (result, params) if return_params else result
        rows, params = self.augment_rows(rows, ctx, params)
        restored = rows.restore()
        result = restored[order[0]] if len(order) == 1 else tuple(restored[k] for k in order)
        if "labels" in options:  # the survivors' labels come last (augmentables._labels)
            result = (*(result if len(order) > 1 else (result,)), _labels.result(options))
        if return_batch:
            result = restored
        return (result, params) if return_params else result

    def augment_rows(self, rows: Rows, ctx: CallContext, params: Any = None) -> tuple[Rows, Any]:
        """Augment normalised rows; the entry point through which parents run children.

        Runs the call's hooks (activator, pre- and postprocessor) around
        :meth:`apply_to_rows`. Augmenters that do not sample-then-apply (those with
        children) have their images checked here against ``supported_dtypes``,
        ``image_channels`` and ``min_image_side`` when they declare them.

        Rows whose image has an axis of size 0 (``(0, 4, 3)``, ``(4, 4, 0)``) pass
        through unchanged with their annotations, as in imgaug: the augmenter sees,
        samples for and returns params of the other rows only, so no augmenter needs
        code for them.
        """
        for shape in rows.shapes:
            if 0 in shape:
                return self._augment_sized_rows(rows, ctx, params)
        return self._augment_rows(rows, ctx, params)

    def _augment_sized_rows(self, rows: Rows, ctx: CallContext, params: Any) -> tuple[Rows, Any]:
        """Augment the rows whose image has no zero-size axis; keep the others as they are."""
        sized = [i for i, shape in enumerate(rows.shapes) if 0 not in shape]
        if not sized:
            return rows, None
        part, params = self._augment_rows(rows.subset(sized), ctx, params)
        return rows.merge(sized, part), params

    def _check_meta_images(self, rows: Rows) -> None:
        """Check the images of *rows* for an augmenter with children that declares what
        it accepts (leaves check theirs before ``apply_to_images``)."""
        if not self._is_leaf and self._checks_meta_images:
            for kind, items in rows.data.items():
                if kind.category == "image":
                    self.check_images(items, kind)

    def _augment_rows(self, rows: Rows, ctx: CallContext, params: Any) -> tuple[Rows, Any]:
        self._check_meta_images(rows)
        hooks = ctx.hooks
        if hooks is not None:
            return hooks.run(self, rows, ctx, params)
        return self.apply_to_rows(rows, ctx, params)

    def apply_to_rows(self, rows: Rows, ctx: CallContext, params: Any) -> tuple[Rows, Any]:
        """Augment every kind of *rows*; return the rows and the params used.

        The default samples (unless *params* replays an earlier call) and applies
        the ``apply_to_*`` methods. Augmenters that run children override this
        (see ``augkit.extend.MetaAugmenter``); call :meth:`augment_rows`, not this,
        to run an augmenter, so that the call's hooks apply.
        """
        params = self._params_of_call(rows, ctx, params)
        return self._apply(rows, params), params

    def _params_of_call(self, rows: Rows, ctx: CallContext, params: Any) -> Any:
        """Sample the params of *rows* (stamped), or check the replayed *params*."""
        if params is None:
            params = self.sample(rows, ctx.rng(self))
            if ctx.replaying and params is not None:
                raise ReplayError(
                    f"{type(self).__name__}.replay: got None for params, but "
                    f"{type(self).__name__} draws params; pass the params that "
                    "augment(..., return_params=True) returned")
            return _stamp(params, self, rows.shapes)
        _check_replayed(params, self, rows)
        return params

    def _augment_array_batch(self, batch: np.ndarray, rows: Rows, ctx: CallContext,
                             params: Any) -> tuple[Any, Any]:
        """Augment the rows of an ``images=`` array a chunk at a time (leaf augmenters).

        Params are drawn once for all rows, then applied chunk by chunk, each chunk's
        outputs copied into the result array while still in cache (``augkit._row_chunks``).
        Params that cannot be cut into rows, and those of other packages' augmenters
        (``_row_chunks.cuts_params_of``), take the one-shot path. Augmenters with
        children may override this (``Sequential``); it returns the images as the call
        does and the params.
        """
        params = self._params_of_call(rows, ctx, params)
        (kind, images), = rows.data.items()
        rows_of = _row_chunks.RowSlicer(params, len(images))
        if not (rows_of.sliceable and _row_chunks.cuts_params_of(type(self))):
            return self._apply(rows, params).restore()[kind.name], params
        if self.changes_shape:
            self._guard_output_sizes(params, rows.shapes)
        self.check_images(images[:1], kind)  # the rows of an array share shape and dtype
        out = _row_chunks.run_chunks([_row_chunks.LeafStage(self, rows_of)], images,
                                     self.output_shapes(params, rows.shapes),
                                     output_dtype(self, images[0].dtype))
        return _row_chunks.call_result(out, rows, batch), params

    def _apply(self, rows: Rows, params: Any) -> Rows:
        if self.changes_shape:
            self._guard_output_sizes(params, rows.shapes)
        data: dict[type[Kind], list] = {}
        images = None
        for kind, items in rows.data.items():
            if kind.category == "image":
                self.check_images(items, kind)
                images = data[kind] = self.apply_to_images(items, params) if items else []
        if images is not None:
            shapes = [image.shape for image in images]
        else:
            shapes = self.output_shapes(params, rows.shapes)
        for kind, items in rows.data.items():
            if kind.category == "image":
                continue
            if self.pixel_only or not items:
                data[kind] = items
            else:
                data[kind] = self._apply_to_kind(kind, items, params, rows.shapes, shapes)
        return rows.replace(data, shapes)

    def _guard_output_sizes(self, params: Any, shapes: list[tuple[int, ...]]) -> None:
        """Refuse sampled outputs larger than :data:`MAX_OUTPUT_PIXELS`, before allocating.

        For augmenters with ``changes_shape``: the sizes are those of :meth:`work_shapes`;
        when it hands back *shapes* itself, nothing grows and there is nothing to check.
        """
        work = self.work_shapes(params, shapes)
        if work is shapes:
            return
        for shape_in, shape_out in zip(shapes, work):
            height, width = shape_out[:2]
            if height * width > MAX_OUTPUT_PIXELS:
                args, kwargs = self._init_args
                given = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
                raise ParameterError(
                    f"{self.name}: would make an image of {height}x{width} pixels from one "
                    f"of {shape_in[0]}x{shape_in[1]} ({height * width:,} pixels, more than "
                    f"MAX_OUTPUT_PIXELS = {MAX_OUTPUT_PIXELS:,}); check its arguments: "
                    f"{type(self).__name__}({given})")

    def _apply_to_kind(self, kind, items, params, shapes_in, shapes_out):
        if kind.name in self.unsupported_kinds or kind.category in self.unsupported_kinds:
            raise UnsupportedKindError(
                f"{type(self).__name__} cannot transform {kind.name}; "
                f"pass only kinds it supports: {self.supported_data()}"
            )
        method = getattr(self, "apply_to_" + kind.name, None)
        if kind.category == "map":
            arrays = [kind.get_arr(item) for item in items]
            if method is not None:
                arrays = method(arrays, params, shapes=shapes_in, kind=kind)
            else:
                arrays = self.apply_to_maps(arrays, params, shapes=shapes_in, kind=kind)
            return [kind.with_arr(it, a, s) for it, a, s in zip(items, arrays, shapes_out)]
        if kind.category == "points":
            xys = [kind.to_xy(item) for item in items]
            if method is not None:
                xys = method(xys, params, shapes=shapes_in)
            else:
                xys = self.apply_to_keypoints(xys, params, shapes=shapes_in)
            return [kind.from_xy(it, xy, s) for it, xy, s in zip(items, xys, shapes_out)]
        raise UnsupportedKindError(f"{kind.name}: unknown category {kind.category!r}")

    #: Whether an augmenter with children checks its images (set per class).
    _checks_meta_images: ClassVar[bool] = False

    def check_images(self, images: list[np.ndarray], kind: type[Kind] = ImagesKind) -> None:
        """Raise if an image has a dtype, channel count or size this augmenter refuses.

        Checks against :attr:`supported_dtypes`, :attr:`image_channels` and
        :attr:`min_image_side`; the base calls it before ``apply_to_images``.

        Raises
        ------
        augkit.UnsupportedDtypeError
            For a dtype outside ``supported_dtypes``.
        augkit.InputError
            For a channel count outside ``image_channels`` or a side below
            ``min_image_side``.
        """
        allowed = _dtype_set(self.supported_dtypes)
        channels, min_side = self.image_channels, self.min_image_side
        name = type(self).__name__
        for image in images:
            if image.dtype not in allowed:
                if not image.dtype.isnative:
                    raise UnsupportedDtypeError(
                        f"{name}: {kind.name} of dtype {image.dtype.str!r} are big-endian "
                        "(non-native byte order), which is not supported; convert with "
                        "arr.astype(arr.dtype.newbyteorder('='))"
                    )
                raise UnsupportedDtypeError(
                    f"{name}: {kind.name} of dtype {image.dtype.name} are not "
                    f"supported; accepted dtypes: {', '.join(sorted(self.supported_dtypes))}"
                )
            if channels is not None and image.shape[2] not in channels:
                count = image.shape[2]
                raise InputError(
                    f"{name}: cannot augment an image of shape {image.shape} with {count} "
                    f"channel{'s' if count != 1 else ''}; accepted channel counts: "
                    f"{', '.join(str(c) for c in channels)}"
                )
            if min(image.shape[:2]) < min_side:
                raise InputError(
                    f"{name}: cannot augment an image of shape {image.shape}; height and "
                    f"width must be at least {min_side}"
                )

    # ------------------------------------------------------------------ imgaug surface
    def augment_image(self, image: np.ndarray, hooks: Any = None) -> np.ndarray:
        """Augment one image (``(H, W)`` or ``(H, W, C)``)."""
        return self.augment(image=image, hooks=hooks)

    def augment_images(self, images: Any, hooks: Any = None) -> Any:
        """Augment a batch of images (an ``(N, H, W, C)`` array or a list of arrays)."""
        return self.augment(images=images, hooks=hooks)

    def augment_heatmaps(self, heatmaps: Any, hooks: Any = None) -> Any:
        """Augment one ``HeatmapsOnImage`` or a list of them."""
        return self.augment(heatmaps=heatmaps, hooks=hooks)

    def augment_segmentation_maps(self, segmaps: Any, hooks: Any = None) -> Any:
        """Augment one ``SegmentationMapsOnImage`` or a list of them."""
        return self.augment(segmentation_maps=segmaps, hooks=hooks)

    def augment_keypoints(self, keypoints_on_images: Any, hooks: Any = None) -> Any:
        """Augment one ``KeypointsOnImage`` or a list of them."""
        return self.augment(keypoints=keypoints_on_images, hooks=hooks)

    def augment_bounding_boxes(self, bounding_boxes_on_images: Any, hooks: Any = None) -> Any:
        """Augment one ``BoundingBoxesOnImage`` or a list of them."""
        return self.augment(bounding_boxes=bounding_boxes_on_images, hooks=hooks)

    def augment_polygons(self, polygons_on_images: Any, hooks: Any = None) -> Any:
        """Augment one ``PolygonsOnImage`` or a list of them."""
        return self.augment(polygons=polygons_on_images, hooks=hooks)

    def augment_line_strings(self, line_strings_on_images: Any, hooks: Any = None) -> Any:
        """Augment one ``LineStringsOnImage`` or a list of them."""
        return self.augment(line_strings=line_strings_on_images, hooks=hooks)

    # ------------------------------------------------------------------ batches, pools
    def augment_batch(self, batch: Any, hooks: Any = None) -> Any:
        """Augment an ``augkit.Batch``; fills its ``*_aug`` slots and returns it."""
        from augkit.batches import augment_batch

        return augment_batch(self, batch, hooks=hooks)

    def augment_batch_(self, batch: Any, parents: Any = None, hooks: Any = None) -> Any:
        """Augment an ``augkit.Batch`` in place (imgaug 0.4's name); returns it.

        Fills the batch's ``*_aug`` slots, like :meth:`augment_batch`. *parents* is
        accepted for imgaug's signature; a top-level call has none.

        Examples
        --------
        >>> import numpy as np, augkit
        >>> batch = augkit.Batch(images=[np.array([[1, 2]], np.uint8)])
        >>> augkit.get("Fliplr", p=1.0).augment_batch_(batch) is batch
        True
        >>> batch.images_aug[0].tolist()
        [[2, 1]]
        """
        return self.augment_batch(batch, hooks=hooks)

    def augment_batches(self, batches: Any, background: bool = False, hooks: Any = None) -> Any:
        """Augment many batches (a generator, order kept); see ``augkit.multicore``."""
        from augkit.multicore import augment_batches

        return augment_batches(self, batches, background=background, hooks=hooks)

    def pool(self, processes: int | None = None, maxtasksperchild: int | None = None,
             seed: int | None = None) -> Any:
        """Return an ``augkit.multicore.Pool`` of worker processes for this augmenter."""
        from augkit.multicore import Pool

        return Pool(self, processes=processes, maxtasksperchild=maxtasksperchild, seed=seed)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON/YAML-safe description; ``augkit.from_dict`` reads it back."""
        from augkit.serialization import to_dict

        return to_dict(self)

    def draw_grid(self, images: Any, rows: int, cols: int) -> np.ndarray:
        """Draw *rows* x *cols* augmented versions of one image or of each of several.

        Every image gets the same augmentations (one grid block of *rows* rows each).
        """
        from augkit.draw import draw_grid

        if isinstance(images, np.ndarray) and images.ndim in (2, 3):
            images = [images]
        det = self if self.deterministic else self.to_deterministic()
        augmented = [det.augment_images([image] * (rows * cols)) for image in images]
        return draw_grid([a for aug_list in augmented for a in aug_list],
                         rows=rows * len(augmented), cols=cols)

    def show_grid(self, images: Any, rows: int, cols: int) -> Any:
        """Show :meth:`draw_grid` with ``augkit.imshow``."""
        from augkit.draw import imshow

        return imshow(self.draw_grid(images, rows, cols))

    # ------------------------------------------------------------------ seeding
    def _unkeyed_rng(self) -> np.random.Generator:
        """The generator of a call without a key: fresh from the seed if deterministic."""
        return ak_random.generator(self._seedseq) if self.deterministic else self._rng

    def _check_process(self) -> None:
        token = ak_random.process_token()
        if token == self._process:
            return
        for aug in self.get_all_children(flat=True, include_self=True):
            aug._rng = ak_random.generator(aug._seedseq)
            aug._process = token

    def seed_(self, entropy: ak_random.SeedLike = None) -> Augmenter:
        """Reseed this augmenter and all its children in place; returns self.

        Children get streams derived from this augmenter's sequence and their
        position, so the same *entropy* always gives the same tree of streams.
        """
        self._seedseq = ak_random.to_seedseq(entropy)
        self._rng = ak_random.generator(self._seedseq)
        self._seeded = True
        self._seed_children()
        return self

    def _seed_children(self) -> None:
        for list_index, children in enumerate(self.get_children_lists()):
            for child_index, child in enumerate(children):
                child._seedseq = ak_random.child_seedseq(self._seedseq, list_index, child_index)
                child._rng = ak_random.generator(child._seedseq)
                child._seed_children()

    def to_deterministic(self) -> Augmenter:
        """Return a copy that draws the same random values in every call.

        Each call of ``to_deterministic`` fixes a new set of values, drawn from this
        augmenter's stream (imgaug's behaviour).

        Examples
        --------
        >>> import numpy as np, augkit
        >>> det = augkit.get("Fliplr", p=0.5).to_deterministic()
        >>> img = np.arange(6, dtype=np.uint8).reshape(2, 3)
        >>> bool((det(image=img) == det(image=img)).all())
        True
        """
        det = self.deepcopy()
        det.seed_(int(self._rng.integers(0, 2**63)))
        for aug in det.get_all_children(flat=True, include_self=True):
            aug.deterministic = True
        return det

    # ------------------------------------------------------------------ tree
    def get_children_lists(self) -> list[list[Augmenter]]:
        """Return the lists of child augmenters (empty for a leaf augmenter)."""
        return []

    def get_all_children(self, flat: bool = False, include_self: bool = False) -> list:
        """Return all children, recursively; nested lists unless *flat*."""
        out: list = [self] if include_self else []
        for children in self.get_children_lists():
            for child in children:
                if flat:
                    out.extend(child.get_all_children(flat=True, include_self=True))
                else:
                    out.append(child)
                    grandchildren = child.get_all_children(flat=False)
                    if grandchildren:
                        out.append(grandchildren)
        return out

    def find_augmenters(
        self, func: Callable[[Augmenter, list[Augmenter]], bool], flat: bool = True
    ) -> list[Augmenter]:
        """Return every augmenter in the tree (self included) for which *func* is true.

        *func* receives the augmenter and the list of its parents.
        """
        found = [aug for aug, parents in self._walk([]) if func(aug, parents)]
        return found

    def _walk(self, parents: list[Augmenter]) -> Iterator[tuple[Augmenter, list[Augmenter]]]:
        yield self, parents
        for children in self.get_children_lists():
            for child in children:
                yield from child._walk(parents + [self])

    def find_augmenters_by_name(self, name: str, regex: bool = False) -> list[Augmenter]:
        """Return augmenters whose ``name`` equals *name* (or matches it as a regex)."""
        return self.find_augmenters_by_names([name], regex=regex)

    def find_augmenters_by_names(self, names: Sequence[str], regex: bool = False) -> list:
        """Return augmenters whose ``name`` is in *names* (or matches one as a regex)."""
        if regex:
            patterns = [re.compile(n) for n in names]
            return self.find_augmenters(lambda a, _: any(p.match(a.name) for p in patterns))
        wanted = set(names)
        return self.find_augmenters(lambda a, _: a.name in wanted)

    def remove_augmenters(
        self,
        func: Callable[[Augmenter, list[Augmenter]], bool],
        copy: bool = True,
        identity_if_topmost: bool = True,
        noop_if_topmost: bool | None = None,
    ) -> Augmenter | None:
        """Remove every child for which ``func(aug, parents)`` is true.

        Returns the changed tree (a copy unless *copy* is False). If *func* matches
        this augmenter itself, returns an ``Identity`` (or None when
        *identity_if_topmost* is False).
        """
        if noop_if_topmost is not None:
            identity_if_topmost = noop_if_topmost
        if func(self, []):
            if not identity_if_topmost:
                return None
            from augkit.meta import Identity

            return Identity()
        aug = self.deepcopy() if copy else self
        aug._remove_children(func, [])
        return aug

    def _remove_children(self, func, parents) -> None:
        for children in self.get_children_lists():
            children[:] = [c for c in children if not func(c, parents + [self])]
            for child in children:
                child._remove_children(func, parents + [self])

    # ------------------------------------------------------------------ copies, text
    def copy(self) -> Augmenter:
        """Return a shallow copy."""
        return copy_module.copy(self)

    def deepcopy(self) -> Augmenter:
        """Return a deep copy (children and random state included)."""
        return copy_module.deepcopy(self)

    def get_parameters(self) -> list[Any]:
        """Return imgaug's list of this augmenter's parameters, in imgaug's order.

        The entries are the attributes named by :attr:`imgaug_parameters` (mostly
        ``StochasticParameter`` objects, as in imgaug 0.4.0); augmenters that are
        not in imgaug return an empty list unless they declare names. For the
        arguments the augmenter was constructed with, see :meth:`get_arguments`.

        Examples
        --------
        >>> import augkit
        >>> augkit.get("Add", value=(-5, 5)).get_parameters()
        [Uniform(a=-5.0, b=5.0), Deterministic(value=0)]
        """
        return [getattr(self, name) for name in self.imgaug_parameters]

    def get_arguments(self) -> dict[str, Any]:
        """Return the constructor arguments this augmenter was built with.

        Examples
        --------
        >>> import augkit
        >>> augkit.get("Fliplr", p=0.25).get_arguments()
        {'p': 0.25}
        """
        args, kwargs = self._init_args
        try:
            bound = inspect.signature(type(self).__init__).bind(self, *args, **kwargs)
        except TypeError:
            return dict(kwargs)
        bound.arguments.pop("self", None)
        params = {}
        for name, value in bound.arguments.items():
            kind = bound.signature.parameters[name].kind
            if kind is inspect.Parameter.VAR_KEYWORD:
                params.update(value)
            else:
                params[name] = value
        return params

    def __repr__(self) -> str:
        params = {k: v for k, v in self.get_arguments().items() if k not in ("seed", "name")}
        inner = ", ".join(f"{k}={v!r}" for k, v in params.items())
        name = "" if self.name == type(self).__name__ else f", name={self.name!r}"
        return f"{type(self).__name__}({inner}{name})"

    @classmethod
    def supported_data(cls) -> str:
        """Return the "Supported data" line that this class's docstring must carry."""
        if cls.pixel_only:
            kinds = "images; every other kind passes through unchanged"
        else:
            kinds = ", ".join(
                name for name, category in kind_catalogue.builtin_kind_names()
                if name not in cls.unsupported_kinds and category not in cls.unsupported_kinds
            )
        dtypes = ("every numeric dtype" if cls.supported_dtypes == NUMERIC_DTYPES
                  else ", ".join(sorted(cls.supported_dtypes)))
        return f"Supported data: {kinds} (image dtypes: {dtypes})."


class PixelAugmenter(Augmenter):
    """An augmenter that changes pixel values only.

    Heatmaps, segmentation maps and every coordinate kind pass through unchanged, by
    construction: subclasses implement :meth:`sample` and :meth:`apply_to_images`.
    """

    pixel_only: ClassVar[bool] = True


_GEOMETRIC_METHODS = {"map": "apply_to_maps", "points": "apply_to_keypoints"}


class GeometricAugmenter(Augmenter):
    """An augmenter that moves pixels, and so must move every annotation with them.

    Subclasses implement :meth:`apply_to_images`, :meth:`apply_to_maps` and
    :meth:`apply_to_keypoints`, or name in ``unsupported_kinds`` the categories
    (``"map"``, ``"points"``) or kinds they cannot transform. Abstract intermediate
    classes pass ``abstract=True`` in their class statement.
    """

    def __init_subclass__(cls, abstract: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if abstract:
            return
        missing = [
            method for category, method in _GEOMETRIC_METHODS.items()
            if category not in cls.unsupported_kinds
            and getattr(cls, method) is getattr(GeometricAugmenter, method)
        ]
        if cls.apply_to_images is Augmenter.apply_to_images:
            missing.insert(0, "apply_to_images")
        if missing:
            raise TypeError(
                f"{cls.__name__} is a GeometricAugmenter but does not implement "
                f"{', '.join(missing)}; implement them or list the kinds it cannot "
                "transform in unsupported_kinds"
            )

    def apply_to_maps(
        self, arrays: list[np.ndarray], params: Any, *, shapes: list[tuple[int, ...]],
        kind: type[MapKind],
    ) -> list[np.ndarray]:
        """Return transformed copies of map arrays ``(h, w, C)``.

        *shapes* are the input images' shapes (maps may be smaller than their image);
        ``kind.interpolation`` and ``kind.cval`` say how to resample.
        """
        raise NotImplementedError

    def apply_to_keypoints(
        self, xys: list[np.ndarray], params: Any, *, shapes: list[tuple[int, ...]]
    ) -> list[np.ndarray]:
        """Return transformed copies of ``(N, 2)`` xy arrays, one per row, same N."""
        raise NotImplementedError


__all__ = [
    "Augmenter",
    "CallContext",
    "GeometricAugmenter",
    "NUMERIC_DTYPES",
    "PixelAugmenter",
    "PointsKind",
]
