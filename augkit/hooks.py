"""Hooks: switch augmenters off, stop propagation, or transform data, per call.

Pass a hooks object to any augment call (``aug.augment_images(images, hooks=h)``,
``aug(images=..., hooks=h)``). Before each augmenter of the tree runs, the hooks
are asked, as in imgaug:

* ``activator(items, augmenter, parents, default) -> bool``: whether the augmenter
  runs at all (``default`` is True). A deactivated augmenter leaves its data as it
  is and, being skipped, draws nothing.
* ``propagator(items, augmenter, parents, default) -> bool``: asked of augmenters
  that have children (Sequential, SomeOf, Sometimes, blends, ...): False runs the
  augmenter without visiting its children (they act as identities).
* ``preprocessor(items, augmenter, parents) -> items`` and
  ``postprocessor(items, augmenter, parents) -> items``: transform the data right
  before and after the augmenter runs.

``items`` is the list of the call's rows of the kinds the hooks class targets:
``HooksImages`` gets the images (a list of ``(H, W, C)`` arrays, also when an
``(N, H, W, C)`` array was passed), ``HooksHeatmaps`` the heatmaps and segmentation
maps (``HeatmapsOnImage`` / ``SegmentationMapsOnImage`` objects), ``HooksKeypoints``
the coordinate kinds (``KeypointsOnImage``, ``BoundingBoxesOnImage``, ...).
``parents`` is the list of augmenters above this one, outermost first.

In a call that carries several kinds, the hooks decide for their kinds only: an
augmenter deactivated by ``HooksImages`` still transforms the keypoints of the same
call (sampling once for both). Any object with a ``run(augmenter, rows, ctx,
params)`` method may be passed as hooks; None means no hooks.

Examples
--------
>>> import numpy as np, augkit
>>> seq = augkit.Sequential([augkit.get("Fliplr", p=1.0, name="flip")])
>>> off = HooksImages(activator=lambda images, aug, parents, default: aug.name != "flip")
>>> seq.augment_images(np.array([[[1, 2]]], dtype=np.uint8), hooks=off).tolist()
[[[1, 2]]]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from augkit._rows import Rows
from augkit.augmenter import Augmenter, CallContext
from augkit.errors import ParameterTypeError, describe

__all__ = ["HooksHeatmaps", "HooksImages", "HooksKeypoints"]


class _SkipChildren:
    """Hooks that make every augmenter reached through ``augment_rows`` a no-op."""

    @staticmethod
    def run(aug: Augmenter, rows: Rows, ctx: CallContext, params: Any) -> tuple[Rows, Any]:
        return rows, params


_SKIP_CHILDREN = _SkipChildren()


def _has_children(aug: Augmenter) -> bool:
    return bool(aug.get_children_lists())


class HooksImages:
    """Hooks that look at (and act on) the images of a call.

    Parameters
    ----------
    activator : callable or None
        ``activator(images, augmenter, parents, default) -> bool``; False skips the
        augmenter (and its children) for the images. None: always ``default``.
    propagator : callable or None
        ``propagator(images, augmenter, parents, default) -> bool``; False keeps an
        augmenter with children from visiting them. None: always ``default``.
    preprocessor : callable or None
        ``preprocessor(images, augmenter, parents) -> images``, run before the
        augmenter.
    postprocessor : callable or None
        ``postprocessor(images, augmenter, parents) -> images``, run after it.

    Examples
    --------
    >>> import numpy as np, augkit
    >>> def activator(images, augmenter, parents, default):
    ...     return False if augmenter.name == "Blur" else default
    >>> hooks = HooksImages(activator=activator)
    >>> seq = augkit.Sequential([augkit.Identity(name="Blur")])
    >>> seq.augment_images(np.zeros((1, 2, 2, 3), np.uint8), hooks=hooks).shape
    (1, 2, 2, 3)
    """

    #: Kind categories (``"image"``, ``"map"``, ``"points"``) the hooks act on.
    categories: ClassVar[frozenset[str]] = frozenset({"image"})

    def __init__(self, activator: Callable | None = None, propagator: Callable | None = None,
                 preprocessor: Callable | None = None,
                 postprocessor: Callable | None = None) -> None:
        for label, func in (("activator", activator), ("propagator", propagator),
                            ("preprocessor", preprocessor), ("postprocessor", postprocessor)):
            if func is not None and not callable(func):
                raise ParameterTypeError(f"{label}: expected a callable or None, "
                                         f"got {describe(func)}")
        self.activator = activator
        self.propagator = propagator
        self.preprocessor = preprocessor
        self.postprocessor = postprocessor

    # -- imgaug's query methods --------------------------------------------
    def is_activated(self, items: Any, augmenter: Augmenter, parents: list[Augmenter],
                     default: bool) -> bool:
        """Return whether *augmenter* runs on *items* (the activator's answer)."""
        if self.activator is None:
            return default
        return bool(self.activator(items, augmenter, parents, default))

    def is_propagating(self, items: Any, augmenter: Augmenter, parents: list[Augmenter],
                       default: bool) -> bool:
        """Return whether *augmenter* visits its children (the propagator's answer)."""
        if self.propagator is None:
            return default
        return bool(self.propagator(items, augmenter, parents, default))

    def preprocess(self, items: Any, augmenter: Augmenter, parents: list[Augmenter]) -> Any:
        """Return *items* after the preprocessor (unchanged without one)."""
        if self.preprocessor is None:
            return items
        return self.preprocessor(items, augmenter, parents)

    def postprocess(self, items: Any, augmenter: Augmenter, parents: list[Augmenter]) -> Any:
        """Return *items* after the postprocessor (unchanged without one)."""
        if self.postprocessor is None:
            return items
        return self.postprocessor(items, augmenter, parents)

    # -- the entry point Augmenter.augment_rows calls ------------------------
    def run(self, aug: Augmenter, rows: Rows, ctx: CallContext,
            params: Any) -> tuple[Rows, Any]:
        """Run *aug* on *rows* under these hooks; returns rows and params."""
        targeted = [k for k in rows.data if k.category in self.categories]
        if not targeted:
            return aug.apply_to_rows(rows, ctx, params)
        items = self._items(rows, targeted)
        parents = list(ctx.parents)
        if not self.is_activated(items, aug, parents, getattr(aug, "activated", True)):
            return self._run_others(aug, rows, ctx, params, targeted)
        if self.preprocessor is not None:
            rows = self._set_items(rows, targeted, self.preprocess(items, aug, parents))
        if _has_children(aug) and not self.is_propagating(
                self._items(rows, targeted), aug, parents, True):
            rows, params = self._run_without_children(aug, rows, ctx, params, targeted)
        else:
            rows, params = aug.apply_to_rows(rows, ctx, params)
        if self.postprocessor is not None:
            out = self.postprocess(self._items(rows, targeted), aug, parents)
            rows = self._set_items(rows, targeted, out)
        return rows, params

    # -- helpers ------------------------------------------------------------
    @staticmethod
    def _items(rows: Rows, targeted: list) -> list:
        if len(targeted) == 1:
            return rows.data[targeted[0]]
        return [item for kind in targeted for item in rows.data[kind]]

    @staticmethod
    def _set_items(rows: Rows, targeted: list, items: Any) -> Rows:
        items = list(items)
        data = dict(rows.data)
        start = 0
        for kind in targeted:
            count = len(rows.data[kind])
            data[kind] = items[start:start + count]
            start += count
        shapes = rows.shapes
        for kind in targeted:
            if kind.category == "image":
                shapes = [item.shape for item in data[kind]]
        return rows.replace(data, shapes)

    @staticmethod
    def _split(rows: Rows, targeted: list) -> tuple[Rows, Rows]:
        mine = {k: v for k, v in rows.data.items() if k in targeted}
        others = {k: v for k, v in rows.data.items() if k not in targeted}
        return rows.replace(mine, rows.shapes), rows.replace(others, rows.shapes)

    @staticmethod
    def _join(mine: Rows, others: Rows, order: list, image_targeted: bool) -> Rows:
        data = {}
        for kind in order:
            data[kind] = mine.data[kind] if kind in mine.data else others.data[kind]
        shapes = mine.shapes if image_targeted else others.shapes
        return mine.replace(data, shapes)

    def _run_others(self, aug, rows, ctx, params, targeted):
        """Skip *aug* for the targeted kinds; run it on the other kinds of the call."""
        if len(targeted) == len(rows.data):
            return rows, None
        mine, others = self._split(rows, targeted)
        others, params = aug.apply_to_rows(others, ctx, params)
        image_targeted = any(k.category == "image" for k in targeted)
        return self._join(mine, others, list(rows.data), image_targeted), params

    def _run_without_children(self, aug, rows, ctx, params, targeted):
        """Run *aug* with its children as no-ops for the targeted kinds."""
        blocked = CallContext(ctx.key, _SKIP_CHILDREN)
        blocked.parents = ctx.parents
        if len(targeted) == len(rows.data):
            return aug.apply_to_rows(rows, blocked, params)
        mine, others = self._split(rows, targeted)
        others, params = aug.apply_to_rows(others, ctx, params)
        mine, _ = aug.apply_to_rows(mine, blocked, params)
        image_targeted = any(k.category == "image" for k in targeted)
        return self._join(mine, others, list(rows.data), image_targeted), params


class HooksHeatmaps(HooksImages):
    """Hooks on the heatmaps and segmentation maps of a call (see :class:`HooksImages`).

    Examples
    --------
    >>> hooks = HooksHeatmaps(activator=lambda maps, aug, parents, default: default)
    """

    categories: ClassVar[frozenset[str]] = frozenset({"map"})


class HooksKeypoints(HooksImages):
    """Hooks on the coordinate kinds of a call: keypoints, boxes, polygons, line strings.

    Examples
    --------
    >>> hooks = HooksKeypoints(activator=lambda kps, aug, parents, default: default)
    """

    categories: ClassVar[frozenset[str]] = frozenset({"points"})
