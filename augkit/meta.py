"""Meta-augmenters: augmenters that run other augmenters, or act on the call itself.

Every meta-augmenter works on every kind of data: it hands the rows of a call to its
children, who transform each kind consistently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from augkit import parameters as iap
from augkit._chunked_sequence import run_chunked
from augkit.augmenter import Augmenter, PixelAugmenter
from augkit.errors import AugkitError, ParameterError, ParameterTypeError, describe
from augkit.fusion import run_fused
from augkit.meta_base import MetaAugmenter, ViewAugmenter, as_augmenter_list
from augkit.pixels import write_into


class Sequential(MetaAugmenter):
    """Apply child augmenters one after the other.

    Parameters
    ----------
    children : Augmenter or list of Augmenter or None
        The augmenters to apply, in order.
    random_order : bool, optional
        If True, the order is shuffled once per batch.
    fuse : bool, optional
        If True (default), consecutive plane transforms resample once with their
        composed matrix and consecutive per-pixel lookup-table steps apply one composed
        table (see :mod:`augkit.fusion`: when it applies, and the tolerance). False runs
        every child on its own.

    Supported data: every kind its children support.

    Examples
    --------
    >>> import numpy as np, augkit
    >>> seq = augkit.Sequential([augkit.get("Fliplr", p=1.0), augkit.get("Flipud", p=1.0)])
    >>> seq(image=np.array([[1, 2], [3, 4]], dtype=np.uint8)).tolist()
    [[4, 3], [2, 1]]
    """

    examples = ({"children": []},)
    imgaug_parameters = ("random_order",)

    def __init__(self, children: Any = None, random_order: bool = False, fuse: bool = True,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.children = as_augmenter_list(children, "children")
        self.random_order = bool(random_order)
        self.fuse = bool(fuse)

    def get_children_lists(self) -> list[list[Augmenter]]:
        return [self.children]

    def _run(self, rows, ctx, params, order):
        if self.fuse:
            return run_fused(self, rows, ctx, params, children=self.children, order=order)
        return self.run_children(rows, ctx, params, order=order)

    def _order_of_call(self, ctx, params) -> tuple[list[int] | None, list | None]:
        """The children's order (None: as listed) and, when replaying, their params."""
        if params is not None:
            return params
        order = (ctx.rng(self).permutation(len(self.children)).tolist()
                 if self.random_order else None)
        return order, None

    def apply_to_rows(self, rows, ctx, params):
        order, given = self._order_of_call(ctx, params)
        rows, recorded = self._run(rows, ctx, given, order)
        return rows, ((order, recorded) if params is None else params)

    def _augment_array_batch(self, batch, rows, ctx, params):
        order, given = self._order_of_call(ctx, params)
        images, recorded = run_chunked(self, batch, rows, ctx, given, order)
        return images, ((order, recorded) if params is None else params)

    def append(self, augmenter: Augmenter) -> None:
        """Add *augmenter* at the end."""
        self.children.extend(as_augmenter_list(augmenter, "augmenter"))

    def add(self, augmenter: Augmenter) -> None:
        """Add *augmenter* at the end (imgaug's name of :meth:`append`).

        Examples
        --------
        >>> import augkit
        >>> seq = augkit.Sequential()
        >>> seq.add(augkit.get("Fliplr", p=1.0))
        >>> len(seq)
        1
        """
        self.append(augmenter)

    def __len__(self) -> int:
        return len(self.children)

    def __getitem__(self, index: int) -> Augmenter:
        return self.children[index]

    def __iter__(self) -> Iterator[Augmenter]:
        return iter(self.children)


@dataclass
class _SomeOfParams:
    chosen: np.ndarray  # (nb_rows, nb_children) bool
    order: list[int]
    children: list


class SomeOf(MetaAugmenter):
    """Apply a random subset of the children to each image.

    Parameters
    ----------
    n : int or tuple of (int, int or None) or list of int or StochasticParameter or None
        How many children to apply per image: a fixed count, a range ``(a, b)``
        (``b`` None meaning all children), a list to pick from, or None for all.
    children : Augmenter or list of Augmenter or None
        The augmenters to choose from.
    random_order : bool, optional
        If True, the chosen children run in a random order (drawn once per batch).
    fuse : bool, optional
        If True (default), consecutive children chosen for the same rows run fused like
        :class:`Sequential`'s (see :mod:`augkit.fusion`); False runs each on its own.

    Supported data: every kind its children support.

    Examples
    --------
    >>> import augkit
    >>> aug = augkit.SomeOf((1, 2), [augkit.get("Fliplr", p=1.0), augkit.get("Flipud", p=1.0)])
    """

    examples = ({"n": 1, "children": []},)
    imgaug_parameters = ("n",)

    def __init__(self, n: Any = None, children: Any = None, random_order: bool = False,
                 fuse: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.children = as_augmenter_list(children, "children")
        self.n = self._handle_n(n)
        self.random_order = bool(random_order)
        self.fuse = bool(fuse)

    @staticmethod
    def _handle_n(n: Any) -> Any:
        if n is None:
            return None
        if isinstance(n, tuple) and len(n) == 2 and n[1] is None:
            return (n[0], None)
        return iap.handle_discrete_param(n, "n", value_range=(0, None))

    def get_children_lists(self) -> list[list[Augmenter]]:
        return [self.children]

    def _sample_counts(self, nb_rows: int, rng: np.random.Generator) -> np.ndarray:
        nb_children = len(self.children)
        if self.n is None:
            return np.full(nb_rows, nb_children)
        if isinstance(self.n, tuple):
            low = self.n[0]
            return rng.integers(low, nb_children + 1, size=nb_rows) if low <= nb_children \
                else np.full(nb_rows, nb_children)
        counts = np.asarray(self.n.draw_samples(nb_rows, random_state=rng)).astype(int)
        return np.clip(counts, 0, nb_children)

    def apply_to_rows(self, rows, ctx, params):
        nb_children = len(self.children)
        replaying = params is not None
        if not replaying:
            rng = ctx.rng(self)
            counts = self._sample_counts(rows.nb_rows, rng)
            # Rank children per row by random keys; the `count` smallest are chosen.
            ranks = rng.random((rows.nb_rows, nb_children)).argsort(axis=1).argsort(axis=1)
            chosen = ranks < counts[:, None]
            order = (rng.permutation(nb_children).tolist() if self.random_order
                     else list(range(nb_children)))
            params = _SomeOfParams(chosen, order, [None] * nb_children)
        for picked in self._groups(params):
            rows = self._run_group(rows, ctx, params, picked, replaying)
        return rows, params

    def _groups(self, params: _SomeOfParams) -> Iterator[list[int]]:
        """Consecutive children (in run order) chosen for the same rows, when fusing."""
        order = params.order
        pos = 0
        while pos < len(order):
            stop = pos + 1
            while self.fuse and stop < len(order) and np.array_equal(
                    params.chosen[:, order[stop]], params.chosen[:, order[pos]]):
                stop += 1
            yield order[pos:stop]
            pos = stop

    def _run_group(self, rows, ctx, params: _SomeOfParams, picked: list[int], replaying: bool):
        indices = np.flatnonzero(params.chosen[:, picked[0]])
        replay = [params.children[ci] for ci in picked] if replaying else None
        children = [self.children[ci] for ci in picked]
        if len(picked) == 1 or len(indices) == 0:
            rows, recorded = self.run_on_subset(rows, ctx, indices, replay, children=children)
        else:
            part, recorded = run_fused(self, rows.subset(indices), ctx, replay,
                                       children=children)
            rows = rows.merge(indices, part)
        if recorded is not None:
            for ci, child_params in zip(picked, recorded):
                params.children[ci] = child_params
        return rows


class OneOf(SomeOf):
    """Apply exactly one randomly chosen child to each image.

    Parameters
    ----------
    children : Augmenter or list of Augmenter
        The augmenters to choose from.

    Supported data: every kind its children support.

    Examples
    --------
    >>> import augkit
    >>> aug = augkit.OneOf([augkit.get("Fliplr", p=1.0), augkit.get("Flipud", p=1.0)])
    """

    examples = ({"children": []},)

    def __init__(self, children: Any = None, **kwargs: Any) -> None:
        super().__init__(n=1, children=children, random_order=False, **kwargs)


@dataclass
class _SometimesParams:
    mask: np.ndarray
    then_params: list | None
    else_params: list | None


class Sometimes(MetaAugmenter):
    """Apply *then_list* to a fraction *p* of the images, *else_list* to the others.

    Parameters
    ----------
    p : float or StochasticParameter
        Probability, per image, of applying *then_list*.
    then_list, else_list : Augmenter or list of Augmenter or None
        Children for the chosen and the other images.

    Supported data: every kind its children support.

    Examples
    --------
    >>> import augkit
    >>> aug = augkit.Sometimes(0.5, augkit.get("Fliplr", p=1.0))
    """

    examples = ({"p": 0.5},)
    imgaug_parameters = ("p",)

    def __init__(self, p: Any = 0.5, then_list: Any = None, else_list: Any = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.p = iap.handle_probability_param(p, "p")
        self.then_list = as_augmenter_list(then_list, "then_list")
        self.else_list = as_augmenter_list(else_list, "else_list")

    def get_children_lists(self) -> list[list[Augmenter]]:
        return [self.then_list, self.else_list]

    def apply_to_rows(self, rows, ctx, params):
        if params is None:
            samples = self.p.draw_samples(rows.nb_rows, random_state=ctx.rng(self))
            params = _SometimesParams(np.asarray(samples) > 0.5, None, None)
            replay = (None, None)
        else:
            replay = (params.then_params, params.else_params)
        then_idx = np.flatnonzero(params.mask)
        else_idx = np.flatnonzero(~params.mask)
        rows, then_params = self.run_on_subset(rows, ctx, then_idx, replay[0],
                                               children=self.then_list)
        rows, else_params = self.run_on_subset(rows, ctx, else_idx, replay[1],
                                               children=self.else_list)
        return rows, _SometimesParams(params.mask, then_params, else_params)


class WithChannels(ViewAugmenter):
    """Apply children to some channels of the images only.

    The selected channels are augmented by the children and written back; every other
    kind of data goes through the children as usual, so geometric children keep the
    annotations aligned.

    Parameters
    ----------
    channels : int or list of int or None
        Channel indices to augment (None: all channels).
    children : Augmenter or list of Augmenter or None
        The augmenters to apply to those channels.

    Supported data: every kind its children support.

    Examples
    --------
    >>> import augkit
    >>> aug = augkit.WithChannels([0, 1], augkit.get("Add", value=(-30, 30)))
    """

    examples = ({"channels": [0]},)
    imgaug_parameters = ("channels",)

    def __init__(self, channels: Any = None, children: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.channels = self._handle_channels(channels)
        self.children = as_augmenter_list(children, "children")

    @staticmethod
    def _handle_channels(channels: Any) -> list[int] | None:
        if channels is None:
            return None
        values = [channels] if isinstance(channels, (int, np.integer)) else channels
        if not isinstance(values, (list, tuple)) or not all(
            isinstance(c, (int, np.integer)) and not isinstance(c, bool) and c >= 0
            for c in values
        ):
            raise ParameterTypeError(
                f"channels: expected None, an int or a list of non-negative ints, "
                f"got {describe(channels)}"
            )
        return [int(c) for c in values]

    def to_view(self, rows, view_params):
        if self.channels is None:
            return rows
        return super().to_view(rows, view_params)

    def from_view(self, rows, view, view_params):
        if self.channels is None:
            return view
        return super().from_view(rows, view, view_params)

    def view_shape(self, shape, dtype, index, view_params):
        return (*shape[:2], len(self._picks(shape[2]))), dtype

    def _picks(self, channels: int) -> list[int]:
        if self.channels is None:  # all channels (to_view passes the rows through then)
            return list(range(channels))
        return [c for c in self.channels if c < channels]

    def image_to_view(self, image, index, view_params):
        return np.ascontiguousarray(image[:, :, self._picks(image.shape[2])])

    def image_from_view(self, original, view, index, view_params):
        return self._image_from_view_into(original, view, np.empty_like(original, order="C"))

    def _image_from_view_into(self, original, view, out):
        np.copyto(out, original)
        out[:, :, self._picks(original.shape[2])] = view
        return out


class Identity(PixelAugmenter):
    """Return the input unchanged (as copies the caller owns).

    Supported data: images; every other kind passes through unchanged (image dtypes:
    every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> augkit.Identity()(image=np.zeros((2, 2), dtype=np.uint8)).shape
    (2, 2)
    """

    aliases = ("Noop",)

    def apply_to_images(self, images, params):
        return [image.copy() for image in images]

    def _apply_into(self, images, params, outs):
        for image, out in zip(images, outs):
            np.copyto(out, image)
        return outs


class Lambda(Augmenter):
    """Apply user functions to each kind of data.

    Each function receives the list of row items of its kind (images as ``(H, W, C)``
    arrays, keypoints as ``KeypointsOnImage``, ...), the call's random generator, the
    list of parent augmenters and the hooks, and returns the changed list.

    Parameters
    ----------
    func_images, func_heatmaps, func_segmentation_maps, func_keypoints, \
func_bounding_boxes, func_polygons, func_line_strings : callable or None
        ``func(items, random_state, parents, hooks) -> items``; None leaves that
        kind unchanged.

    Supported data: every kind (through its functions).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> invert = augkit.Lambda(func_images=lambda imgs, rs, p, h: [255 - i for i in imgs])
    >>> invert(image=np.zeros((1, 1), dtype=np.uint8)).tolist()
    [[255]]
    """

    _KINDS: ClassVar[tuple[str, ...]] = (
        "images", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes",
        "polygons", "line_strings",
    )

    def __init__(self, func_images: Callable | None = None, func_heatmaps: Callable | None = None,
                 func_segmentation_maps: Callable | None = None,
                 func_keypoints: Callable | None = None,
                 func_bounding_boxes: Callable | None = None,
                 func_polygons: Callable | None = None,
                 func_line_strings: Callable | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        funcs = (func_images, func_heatmaps, func_segmentation_maps, func_keypoints,
                 func_bounding_boxes, func_polygons, func_line_strings)
        self.funcs = {}
        for kind, func in zip(self._KINDS, funcs):
            if func is not None and not callable(func):
                raise ParameterTypeError(f"func_{kind}: expected a callable or None, "
                                         f"got {describe(func)}")
            self.funcs[kind] = func

    func_images = property(lambda self: self.funcs["images"], doc="imgaug's attribute.")
    func_heatmaps = property(lambda self: self.funcs["heatmaps"], doc="imgaug's attribute.")
    func_segmentation_maps = property(lambda self: self.funcs["segmentation_maps"],
                                      doc="imgaug's attribute.")
    func_keypoints = property(lambda self: self.funcs["keypoints"], doc="imgaug's attribute.")
    func_bounding_boxes = property(lambda self: self.funcs["bounding_boxes"],
                                   doc="imgaug's attribute.")
    func_polygons = property(lambda self: self.funcs["polygons"], doc="imgaug's attribute.")
    func_line_strings = property(lambda self: self.funcs["line_strings"],
                                 doc="imgaug's attribute.")

    def apply_to_rows(self, rows, ctx, params):
        rng = ctx.rng(self)
        data = {}
        for kind, items in rows.data.items():
            func = self.funcs.get(kind.name)
            data[kind] = items if func is None else list(func(items, rng, list(ctx.parents),
                                                              ctx.hooks))
        shapes = rows.shapes
        for kind, items in data.items():
            if kind.category == "image":
                shapes = [item.shape for item in items]
        return rows.replace(data, shapes), None


class AssertionFailedError(AugkitError, AssertionError):
    """An AssertLambda or AssertShape check failed."""


class AssertLambda(Lambda):
    """Raise :class:`AssertionFailedError` unless user checks accept the data.

    Parameters
    ----------
    func_images, func_heatmaps, func_segmentation_maps, func_keypoints, \
func_bounding_boxes, func_polygons, func_line_strings : callable or None
        ``func(items, random_state, parents, hooks) -> bool``.

    Supported data: every kind (through its checks).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> check = augkit.AssertLambda(func_images=lambda imgs, rs, p, h: len(imgs) == 1)
    >>> check(image=np.zeros((1, 1), dtype=np.uint8)).shape
    (1, 1)
    """

    def apply_to_rows(self, rows, ctx, params):
        rng = ctx.rng(self)
        for kind, items in rows.data.items():
            func = self.funcs.get(kind.name)
            if func is not None and not func(items, rng, list(ctx.parents), ctx.hooks):
                raise AssertionFailedError(f"{self.name}: the check of {kind.name} failed")
        return rows, None


_AXES = ("N", "H", "W", "C")


class AssertShape(Augmenter):
    """Raise :class:`AssertionFailedError` unless the data has the expected shape.

    Parameters
    ----------
    shape : tuple
        imgaug's form: four entries ``(N, H, W, C)``, the number of rows (images) of
        the call and each image's height, width and channels. augkit also accepts the
        per-image forms ``(H, W)`` and ``(H, W, C)``. Each entry is None (anything),
        an int (exactly), a tuple ``(a, b)`` (``a <= size < b``) or a list of allowed
        sizes.
    check_images, check_heatmaps, check_segmentation_maps, check_keypoints, \
check_bounding_boxes, check_polygons, check_line_strings : bool
        Which kinds to check. With the four-entry form, as in imgaug: images are
        checked on all four axes; heatmaps and segmentation maps on their count and
        their *array's* height and width; keypoints, boxes, polygons and line strings
        on their count and the height and width of their image (``.shape``). With the
        per-image forms every kind is checked by its image's shape.

    Supported data: every kind.

    Examples
    --------
    >>> import numpy as np, augkit
    >>> augkit.AssertShape((None, 2, 4, 3))(image=np.zeros((2, 4, 3), dtype=np.uint8)).shape
    (2, 4, 3)
    >>> augkit.AssertShape((None, 4, 3))(image=np.zeros((2, 4, 3), dtype=np.uint8)).shape
    (2, 4, 3)
    """

    examples = ({"shape": (None, None, None, None)}, {"shape": (None, None, None)})

    def __init__(self, shape: tuple, check_images: bool = True, check_heatmaps: bool = True,
                 check_segmentation_maps: bool = True, check_keypoints: bool = True,
                 check_bounding_boxes: bool = True, check_polygons: bool = True,
                 check_line_strings: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not isinstance(shape, tuple) or len(shape) not in (2, 3, 4):
            raise ParameterTypeError(
                "shape: expected a tuple (N, H, W, C), (H, W, C) or (H, W), got "
                f"{describe(shape)}")
        for axis, entry in enumerate(shape):
            self._check_entry(entry, axis)
        self.shape = shape
        flags = (check_images, check_heatmaps, check_segmentation_maps, check_keypoints,
                 check_bounding_boxes, check_polygons, check_line_strings)
        self.checked = {kind for kind, flag in zip(Lambda._KINDS, flags) if flag}

    @staticmethod
    def _check_entry(entry: Any, axis: int) -> None:
        def is_int(value: Any) -> bool:
            return isinstance(value, (int, np.integer)) and not isinstance(value, bool)

        ok = (entry is None or is_int(entry)
              or (isinstance(entry, tuple) and len(entry) == 2 and all(map(is_int, entry)))
              or (isinstance(entry, list) and all(map(is_int, entry))))
        if not ok:
            raise ParameterTypeError(
                f"shape[{axis}]: expected None, an int, an (a, b) tuple or a list of ints, "
                f"got {describe(entry)}")

    @staticmethod
    def _mismatch(size: int, entry: Any) -> str | None:
        """Describe how *size* misses *entry*, or None when it matches."""
        if entry is None:
            return None
        if isinstance(entry, tuple):
            return None if entry[0] <= size < entry[1] else \
                f"a value in [{entry[0]}, {entry[1]})"
        if isinstance(entry, list):
            return None if size in entry else f"one of {entry}"
        return None if size == entry else f"{entry}"

    def _fail(self, what: str, axis: str, size: int, expected: str) -> AssertionFailedError:
        return AssertionFailedError(
            f"{self.name}: {what} has {axis}={size}, expected {expected} "
            f"(shape spec {self.shape})")

    def _check_per_image_form(self, kind: Any, items: list) -> None:
        expected = self.shape
        for i, item in enumerate(items):
            shape = kind.shape_of(item)
            if len(expected) == 3 and len(shape) == 2:
                shape = (*shape, 1)
            for axis, (size, entry) in enumerate(zip(shape, expected)):
                wanted = self._mismatch(size, entry)
                if wanted is not None:
                    raise self._fail(f"{kind.name}[{i}] (on an image of shape {shape})",
                                     "HWC"[axis], size, wanted)

    def _check_batch_form(self, kind: Any, items: list) -> None:
        wanted = self._mismatch(len(items), self.shape[0])
        if wanted is not None:
            raise self._fail(kind.name, "N", len(items), wanted)
        axes = 3 if kind.category == "image" else 2  # imgaug checks C of images only
        for i, item in enumerate(items):
            shape = kind.get_arr(item).shape if kind.category == "map" else kind.shape_of(item)
            for axis in range(axes):
                wanted = self._mismatch(shape[axis], self.shape[axis + 1])
                if wanted is not None:
                    raise self._fail(f"{kind.name}[{i}] (shape {tuple(shape)})",
                                     _AXES[axis + 1], shape[axis], wanted)

    def apply_to_rows(self, rows, ctx, params):
        check = self._check_batch_form if len(self.shape) == 4 else self._check_per_image_form
        for kind, items in rows.data.items():
            if kind.name in self.checked:
                check(kind, items)
        return rows, None


class ChannelShuffle(PixelAugmenter):
    """Randomly permute the channels of a fraction *p* of the images.

    Parameters
    ----------
    p : float or StochasticParameter
        Probability, per image, of shuffling.
    channels : list of int or None
        Channels that may be shuffled among themselves (None: all).

    Supported data: images; every other kind passes through unchanged (image dtypes:
    every numeric dtype).

    Examples
    --------
    >>> import numpy as np, augkit
    >>> img = np.array([[[1, 2, 3]]], dtype=np.uint8)
    >>> sorted(augkit.ChannelShuffle(p=1.0, seed=1)(image=img)[0, 0].tolist())
    [1, 2, 3]
    """

    examples = ({"p": 1.0},)
    imgaug_parameters = ("p", "channels")

    def __init__(self, p: Any = 1.0, channels: list[int] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.p = iap.handle_probability_param(p, "p")
        self.channels = WithChannels._handle_channels(channels)

    def sample(self, rows, rng):
        if rows.nb_rows == 1:  # the per-call path: the same draws as draw_samples(1)
            active = [self.p.draw_sample(rng) > 0.5]
        else:
            active = np.asarray(self.p.draw_samples(rows.nb_rows, random_state=rng)) > 0.5
        perms = []
        for shape, on in zip(rows.shapes, active):
            nb_channels = shape[2] if len(shape) > 2 else 1
            if not on or nb_channels < 2:
                perms.append(None)
                continue
            if not self.channels:  # all channels: the same draws as permuting range(n)
                perms.append(rng.permutation(nb_channels))
                continue
            pool = [c for c in self.channels if c < nb_channels]
            perm = np.arange(nb_channels)
            perm[pool] = rng.permutation(pool)
            perms.append(perm)
        return perms

    def apply_to_images(self, images, params):
        return [image.copy() if perm is None else _permute_channels(image, perm)
                for image, perm in zip(images, params)]

    def _apply_into(self, images, params, outs):
        for image, perm, out in zip(images, params, outs):
            if perm is None:
                np.copyto(out, image)
            else:
                _permute_channels(image, perm, out)
        return outs


#: The dtype each item size is copied as by ``cv2.mixChannels`` (a bit-exact copy).
_MIX_DTYPES: dict[int, np.dtype] = {
    1: np.dtype(np.uint8), 2: np.dtype(np.uint16), 4: np.dtype(np.int32), 8: np.dtype(np.float64),
}

#: Most channels ``cv2.mixChannels`` is handed (OpenCV's CV_CN_MAX is 128 or more).
_MIX_MAX_CHANNELS = 128


def _permute_channels(image: np.ndarray, perm: np.ndarray,
                      out: np.ndarray | None = None) -> np.ndarray:
    """Return a contiguous copy of ``image[:, :, perm]``, bit for bit (written into *out*,
    a C-contiguous array of the image's shape and dtype, when given).

    ``cv2.mixChannels`` copies the channels 6-9x faster than numpy's fancy index on the
    last axis; every dtype goes through it viewed as an unsigned/int/float dtype of the
    same item size, so the bytes are copied unchanged (bool, float16, int64... alike).
    """
    mix_dtype = _MIX_DTYPES.get(image.dtype.itemsize)
    if mix_dtype is None or image.shape[2] > _MIX_MAX_CHANNELS or image.size == 0:
        return write_into(out, np.ascontiguousarray(image[:, :, perm]))
    import cv2

    source = np.ascontiguousarray(image).view(mix_dtype)
    dest = np.empty_like(source) if out is None else out.view(mix_dtype)
    pairs = [index for target, origin in enumerate(perm.tolist()) for index in (origin, target)]
    cv2.mixChannels([source], [dest], pairs)
    return dest.view(image.dtype) if out is None else out


class _CoordinateCleanup(Augmenter):
    """Base of augmenters that clean coordinate kinds item by item (boxes, polygons...)."""

    def _clean(self, item: Any) -> Any:
        raise NotImplementedError

    def apply_to_rows(self, rows, ctx, params):
        data = {
            kind: ([self._clean(item) for item in items]
                   if kind.category == "points" and kind.name != "keypoints" else items)
            for kind, items in rows.data.items()
        }
        return rows.replace(data, rows.shapes), None


class RemoveCBAsByOutOfImageFraction(_CoordinateCleanup):
    """Remove boxes, polygons and line strings that lie outside the image by *fraction*.

    Parameters
    ----------
    fraction : float
        Objects whose out-of-image fraction is at least this (in ``[0, 1]``) are
        removed. Keypoints are never removed (they keep count and order).

    Supported data: every kind (only bounding_boxes, polygons, line_strings change).

    Examples
    --------
    >>> import augkit
    >>> aug = augkit.RemoveCBAsByOutOfImageFraction(0.5)
    """

    examples = ({"fraction": 0.5},)
    imgaug_parameters = ("fraction",)

    def __init__(self, fraction: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if isinstance(fraction, bool) or not isinstance(fraction, (int, float)) \
                or not 0.0 <= fraction <= 1.0:
            raise ParameterError(
                f"fraction: expected a number in [0, 1], got {describe(fraction)}")
        self.fraction = float(fraction)

    def _clean(self, item):
        return item.remove_out_of_image_fraction(self.fraction)


class ClipCBAsToImagePlanes(_CoordinateCleanup):
    """Clip boxes, polygons and line strings to the image plane.

    Supported data: every kind (only bounding_boxes, polygons, line_strings change).

    Examples
    --------
    >>> import augkit
    >>> aug = augkit.ClipCBAsToImagePlanes()
    """

    def _clean(self, item):
        return item.clip_out_of_image()


META_AUGMENTERS = (
    Sequential, SomeOf, OneOf, Sometimes, WithChannels, Identity, Lambda, AssertLambda,
    AssertShape, ChannelShuffle, RemoveCBAsByOutOfImageFraction, ClipCBAsToImagePlanes,
)
