"""Bases of augmenters that run other augmenters: :class:`MetaAugmenter` and
:class:`ViewAugmenter`.

A meta-augmenter lists its children in :meth:`~MetaAugmenter.get_children_lists`,
overrides :meth:`~augkit.Augmenter.apply_to_rows` and runs children with
:meth:`~MetaAugmenter.run_children` (or :meth:`~MetaAugmenter.run_on_subset`).
Seeding needs no call: when the augmenter was given ``seed=``, its children's
streams are derived from it once construction is complete, whatever order
``__init__`` sets things in.

A view augmenter transforms the data to a *view* (another colour space, some
channels, polar coordinates...), runs its children on the view and transforms the
result back; it implements only the two directions, per kind category.

Both are public through :mod:`augkit.extend`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

import numpy as np

from augkit import _row_chunks
from augkit._chunked_sequence import StandIns, plan_branch, run_stages
from augkit._rows import Rows
from augkit.augmenter import Augmenter, CallContext
from augkit.errors import InputError, ParameterTypeError, describe


def as_augmenter_list(value: Any, name: str) -> list[Augmenter]:
    """Turn None, one augmenter or an iterable of augmenters into a list.

    Raises
    ------
    augkit.ParameterTypeError
        Naming *name*, for anything else.

    Examples
    --------
    >>> import augkit
    >>> len(as_augmenter_list([augkit.Identity()], "children"))
    1
    """
    if value is None:
        return []
    if isinstance(value, Augmenter):
        return [value]
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        items = list(value)
        for i, item in enumerate(items):
            if not isinstance(item, Augmenter):
                raise ParameterTypeError(
                    f"{name}[{i}]: expected an augmenter, got {describe(item)}"
                )
        return items
    raise ParameterTypeError(
        f"{name}: expected None, an augmenter or a list of augmenters, got {describe(value)}"
    )


class MetaAugmenter(Augmenter):
    """Base of augmenters that hold children.

    Subclasses store their children (lists of augmenters, see
    :func:`as_augmenter_list`), return them from :meth:`get_children_lists` and
    implement :meth:`apply_to_rows`, running children with :meth:`run_children`.
    Declaring ``supported_dtypes``, ``image_channels`` or ``min_image_side`` makes
    the base check images before :meth:`apply_to_rows` runs.

    Examples
    --------
    >>> import numpy as np, augkit
    >>> from augkit.extend import MetaAugmenter, as_augmenter_list
    >>> class Twice(MetaAugmenter):
    ...     def __init__(self, children=None, **kwargs):
    ...         super().__init__(**kwargs)
    ...         self.children = as_augmenter_list(children, "children")
    ...     def get_children_lists(self):
    ...         return [self.children]
    ...     def apply_to_rows(self, rows, ctx, params):
    ...         first, second = params or (None, None)
    ...         rows, first = self.run_children(rows, ctx, first)
    ...         rows, second = self.run_children(rows, ctx, second)
    ...         return rows, (first, second)
    >>> Twice(augkit.get("Add", value=1))(image=np.zeros((1, 1), np.uint8)).tolist()
    [[2]]
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        declared = any("supported_dtypes" in vars(c) for c in cls.__mro__
                       if c not in (MetaAugmenter, Augmenter, object))
        cls._checks_meta_images = declared or cls._checks_shape

    def run_children(
        self, rows: Rows, ctx: CallContext, params: list | None = None, *,
        children: Sequence[Augmenter] | None = None, order: Sequence[int] | None = None,
    ) -> tuple[Rows, list]:
        """Run children one after the other on *rows*; return rows and their params.

        Parameters
        ----------
        rows : Rows
            The data to augment.
        ctx : CallContext
            The call's context, as :meth:`apply_to_rows` received it.
        params : list or None
            Each child's params from an earlier call (replay), or None to sample.
        children : sequence of Augmenter, optional
            The children to run (default: the only list of :meth:`get_children_lists`).
        order : sequence of int, optional
            Indices into *children* in the order to run them (default: as listed).

        Returns
        -------
        rows : Rows
        params : list
            Each child's params, indexed like *children*.
        """
        if children is None:
            children = self._only_children()
        recorded: list = [None] * len(children)
        ctx.parents.append(self)
        try:
            for i in range(len(children)) if order is None else order:
                child_params = None if params is None else params[i]
                rows, recorded[i] = children[i].augment_rows(rows, ctx, child_params)
        finally:
            ctx.parents.pop()
        return rows, recorded

    def run_on_subset(
        self, rows: Rows, ctx: CallContext, indices: np.ndarray, params: list | None = None,
        *, children: Sequence[Augmenter] | None = None,
    ) -> tuple[Rows, list | None]:
        """Run children on the rows at *indices* only and merge the results back.

        Returns the merged rows and the children's params (None when no row or no
        child ran).
        """
        if children is None:
            children = self._only_children()
        if len(indices) == 0 or not children:
            return rows, None
        part, recorded = self.run_children(rows.subset(indices), ctx, params,
                                           children=children)
        return rows.merge(indices, part), recorded

    def _only_children(self) -> list[Augmenter]:
        lists = self.get_children_lists()
        if len(lists) != 1:
            raise TypeError(f"{type(self).__name__} has {len(lists)} lists of children; "
                            "pass children= to say which to run")
        return lists[0]


class ViewAugmenter(MetaAugmenter):
    """Run children on a view of the data and map their result back.

    Subclasses set ``self.children`` and implement the two directions. For images,
    which most views change, :meth:`image_to_view` and :meth:`image_from_view` work
    on one image at a time; :meth:`to_view` and :meth:`from_view` see all rows and
    every kind, for views that change maps or coordinates too. Other kinds go through
    the children unchanged by the view. Random values of the view itself come from
    :meth:`sample_view`, drawn once per call and replayed with the children's params.

    Attributes
    ----------
    children_keep_size : bool
        When True (default), children must keep the height and width of the view's
        images; a child that changes them raises ``InputError`` naming the view.

    Examples
    --------
    >>> import numpy as np, augkit
    >>> from augkit.extend import ViewAugmenter, as_augmenter_list
    >>> class Negative(ViewAugmenter):
    ...     '''Run children on the negative of uint8 images.'''
    ...     def __init__(self, children=None, **kwargs):
    ...         super().__init__(**kwargs)
    ...         self.children = as_augmenter_list(children, "children")
    ...     def image_to_view(self, image, index, view_params):
    ...         return 255 - image
    ...     def image_from_view(self, original, view, index, view_params):
    ...         return 255 - view
    >>> aug = Negative(augkit.get("Add", value=10))
    >>> aug(image=np.full((1, 1), 100, np.uint8)).tolist()
    [[90]]
    """

    children_keep_size: ClassVar[bool] = True
    children: list[Augmenter]

    def get_children_lists(self) -> list[list[Augmenter]]:
        return [self.children]

    def sample_view(self, rows: Rows, rng: np.random.Generator) -> Any:
        """Draw the view's own random values for a call (default: none)."""
        return None

    def image_to_view(self, image: np.ndarray, index: int, view_params: Any) -> np.ndarray:
        """Return the view of one ``(H, W, C)`` image of row *index* (default: itself)."""
        return image

    def image_from_view(self, original: np.ndarray, view: np.ndarray, index: int,
                        view_params: Any) -> np.ndarray:
        """Map the children's result *view* back, given the *original* image."""
        return view

    def view_shape(self, shape: tuple[int, ...], dtype: np.dtype, index: int,
                   view_params: Any) -> tuple[tuple[int, ...], np.dtype] | None:
        """The shape and dtype of row *index*'s view of an image of *shape* and *dtype*.

        None (the default) when they are not known before the view is made. A
        first-party view that gives them takes an image array a chunk of rows at a
        time: the children are drawn ahead on stand-in views, then each chunk goes
        through :meth:`image_to_view`, the children and :meth:`image_from_view` (so a
        class that gives shapes must map images by these two alone).
        """
        return None

    def to_view(self, rows: Rows, view_params: Any) -> Rows:
        """Return the rows the children see (default: images through
        :meth:`image_to_view`, other kinds unchanged)."""
        data = dict(rows.data)
        shapes = rows.shapes
        for kind, items in rows.data.items():
            if kind.category == "image":
                data[kind] = [self.image_to_view(image, i, view_params)
                              for i, image in enumerate(items)]
                shapes = [image.shape for image in data[kind]]
        return rows.replace(data, shapes)

    def from_view(self, rows: Rows, view: Rows, view_params: Any) -> Rows:
        """Map the children's result back (default: images through
        :meth:`image_from_view`, other kinds as the children left them)."""
        data = dict(view.data)
        shapes = view.shapes
        for kind, items in view.data.items():
            if kind.category == "image":
                originals = rows.data[kind]
                if self.children_keep_size:
                    self._check_kept_size(originals, items)
                data[kind] = [self.image_from_view(original, changed, i, view_params)
                              for i, (original, changed) in enumerate(zip(originals, items))]
                shapes = [image.shape for image in data[kind]]
        return view.replace(data, shapes)

    def _params_or_draw(self, rows: Rows, ctx: CallContext, params: Any) -> tuple[Any, Any]:
        """``(view_params, child_params)``: the replayed *params*, or the view's draw for
        *rows* and None for the children (they draw their own)."""
        if params is not None:
            return params
        if type(self).sample_view is ViewAugmenter.sample_view:
            return None, None
        return self.sample_view(rows, ctx.rng(self)), None

    def apply_to_rows(self, rows: Rows, ctx: CallContext, params: Any) -> tuple[Rows, Any]:
        view_params, child_params = self._params_or_draw(rows, ctx, params)
        view = self.to_view(rows, view_params)
        view, child_params = self.run_children(view, ctx, child_params)
        return self.from_view(rows, view, view_params), (view_params, child_params)

    def _augment_array_batch(self, batch: np.ndarray, rows: Rows, ctx: CallContext,
                             params: Any) -> tuple[Any, Any]:
        """An image array a chunk of rows at a time to the views, through the children
        and back, when the views' shapes are known ahead (:meth:`view_shape`): the
        view's draws (from the input rows) and the children's (on stand-in views) come
        first, so images and params are those of the whole-batch path, which runs
        otherwise."""
        (kind, images), = rows.data.items()
        view_params, child_params = self._params_or_draw(rows, ctx, params)
        view = (self._stand_in_views(rows, view_params)
                if _row_chunks.cuts_params_of(type(self)) else None)
        stages = None
        if view is not None:
            stages, child_params = plan_branch(self, self.children, view, ctx, child_params)
        if stages is None:
            done, drawn = self.apply_to_rows(rows, ctx, (view_params, child_params))
            return done.restore()[kind.name], drawn
        writes = self._image_from_view_into is not None  # into rows of the input's shape
        out = _row_chunks.run_chunks([self._view_stage(stages, view_params)], images,
                                     rows.shapes if writes else None, images[0].dtype)
        return _row_chunks.call_result(out, rows, batch), (view_params, child_params)

    def _stand_in_views(self, rows: Rows, view_params: Any) -> Rows | None:
        """Stand-ins of the rows' views (one dtype for all), or None when the views are
        not known ahead (:meth:`view_shape`)."""
        (kind, images), = rows.data.items()
        shapes, dtypes = [], set()
        for index, shape in enumerate(rows.shapes):
            known = self.view_shape(shape, images[index].dtype, index, view_params)
            if known is None:
                return None
            shapes.append(tuple(known[0]))
            dtypes.add(np.dtype(known[1]))
        if len(dtypes) != 1:
            return None
        return StandIns(kind).rows(shapes, dtypes.pop())

    def _view_stage(self, stages: list, view_params: Any):
        """A chunk's images to their views, through the children's *stages*, and back."""
        def view_rows(part, start, stop, outs=None):
            views = [self.image_to_view(image, start + k, view_params)
                     for k, image in enumerate(part)]
            changed = run_stages(stages, views, start, stop)
            if self.children_keep_size:
                self._check_kept_size(part, changed)
            if outs is not None and self._image_from_view_into is not None:
                return [self._image_from_view_into(image, result, out)
                        for image, result, out in zip(part, changed, outs)]
            return [self.image_from_view(image, result, start + k, view_params)
                    for k, (image, result) in enumerate(zip(part, changed))]
        return view_rows

    #: ``(original, view, out) -> out``: :meth:`image_from_view` written into *out* (a row
    #: of the result array, of *original*'s shape and dtype), for a class whose mapping
    #: back gives the original's shape and dtype and does not depend on the row.
    _image_from_view_into: Any = None

    def _check_kept_size(self, originals: list[np.ndarray], changed: list[np.ndarray]) -> None:
        for image, result in zip(originals, changed):
            if result.shape[:2] != image.shape[:2]:
                raise InputError(
                    f"{type(self).__name__}: children changed the image size from "
                    f"{image.shape[:2]} to {result.shape[:2]}; its children must keep the "
                    "height and width"
                )
