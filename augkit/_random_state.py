"""imgaug's random-state methods of augmenters: ``random_state``, ``copy_random_state(_)``
and ``localize_random_state(_)``.

An augkit augmenter draws from its own numpy ``Generator`` (``_rng``), created from a
``SeedSequence`` (``_seedseq``) from which its children's and keyed streams are
derived. These methods read and set both, with imgaug's call shapes, so code that
synchronises two pipelines (``det.copy_random_state_(aug)``) keeps working.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import numpy as np

from augkit import random as ak_random
from augkit.errors import ParameterError, ParameterTypeError, describe
from augkit.rng import RNG, copy_generator

if TYPE_CHECKING:
    from augkit.augmenter import Augmenter

_MATCHINGS = ("position", "name")


class RandomStateMethods:
    """Mixin of :class:`augkit.Augmenter`: imgaug's random-state surface."""

    _seedseq: np.random.SeedSequence
    _rng: np.random.Generator
    _seeded: bool
    deterministic: bool
    name: str

    @property
    def random_state(self) -> RNG:
        """The augmenter's random number generator, as an imgaug-style :class:`RNG`.

        The RNG shares the augmenter's generator: drawing from it advances the
        augmenter. Setting it accepts what ``seed=`` accepts: an ``RNG`` or numpy
        ``Generator`` is used as it is (not copied, as in imgaug); an int, a
        ``SeedSequence`` or None seeds a new one. Children keep their streams.

        Examples
        --------
        >>> import augkit
        >>> from augkit.rng import RNG
        >>> aug = augkit.Identity()
        >>> aug.random_state = RNG(3)
        >>> int(aug.random_state.integers(0, 100)) == int(RNG(3).integers(0, 100))
        True
        """
        return RNG(self._rng)

    @random_state.setter
    def random_state(self, value: Any) -> None:
        if value is None or isinstance(value, (int, np.integer, np.random.SeedSequence)):
            self._seedseq = ak_random.to_seedseq(value, name="random_state")
            self._rng = ak_random.generator(self._seedseq)
        else:
            try:
                generator = RNG(value).generator
            except ParameterTypeError as error:
                raise ParameterTypeError(
                    "random_state: expected None, an int, a numpy SeedSequence, Generator or "
                    f"BitGenerator, or an augkit.random.RNG, got {describe(value)}") from error
            # the stream of deterministic and keyed calls is derived from a copy, so the
            # given generator is not advanced
            self._seedseq = ak_random.to_seedseq(copy_generator(generator))
            self._rng = generator
        self._seeded = True

    def localize_random_state(self, recursive: bool = True) -> Augmenter:
        """Return a copy of this augmenter with local random states (imgaug's method).

        augkit augmenters never draw from a global generator, so this is a deep copy.

        Examples
        --------
        >>> import augkit
        >>> aug = augkit.Identity()
        >>> aug.localize_random_state() is aug
        False
        """
        aug: Augmenter = self.deepcopy()  # type: ignore[attr-defined]
        return aug.localize_random_state_(recursive=recursive)

    def localize_random_state_(self, recursive: bool = True) -> Augmenter:
        """Make the random states local, in place (imgaug's method); returns self.

        imgaug replaced uses of its global RNG here. Every augkit augmenter already
        owns its generator, so nothing changes.

        Examples
        --------
        >>> import augkit
        >>> aug = augkit.Identity()
        >>> aug.localize_random_state_() is aug
        True
        """
        return self  # type: ignore[return-value]

    def copy_random_state(self, source: Augmenter, recursive: bool = True,
                          matching: str = "position", matching_tolerant: bool = True,
                          copy_determinism: bool = False) -> Augmenter:
        """Return a copy of this augmenter with the random states of *source*.

        See :meth:`copy_random_state_` for the parameters.

        Examples
        --------
        >>> import numpy as np, augkit
        >>> a = augkit.get("Affine", rotate=(-45, 45))
        >>> b = augkit.get("Affine", rotate=(-45, 45)).copy_random_state(a)
        >>> img = np.arange(16, dtype=np.uint8).reshape(4, 4)
        >>> bool((a(image=img) == b(image=img)).all())
        True
        """
        aug: Augmenter = self.deepcopy()  # type: ignore[attr-defined]
        return aug.copy_random_state_(source, recursive=recursive, matching=matching,
                                      matching_tolerant=matching_tolerant,
                                      copy_determinism=copy_determinism)

    def copy_random_state_(self, source: Augmenter, recursive: bool = True,
                           matching: str = "position", matching_tolerant: bool = True,
                           copy_determinism: bool = False) -> Augmenter:
        """Copy the random states of *source* (and its children) into this augmenter.

        Afterwards both draw the same values, call for call, independently of each
        other.

        Parameters
        ----------
        source : Augmenter
            Where to copy the states from.
        recursive : bool, optional
            Also copy the children's states (else only the augmenter's own).
        matching : {'position', 'name'}, optional
            Pair augmenters by their position in the flattened trees, or by ``name``.
        matching_tolerant : bool, optional
            If False, trees of different sizes (``position``) or a name missing from
            *source* (``name``) raise :class:`augkit.ParameterError`; if True they are
            skipped.
        copy_determinism : bool, optional
            Also copy the ``deterministic`` flags.

        Returns
        -------
        Augmenter
            This augmenter.

        Examples
        --------
        >>> import augkit
        >>> a = augkit.Sequential([augkit.get("Fliplr", p=0.5)], seed=1)
        >>> b = augkit.Sequential([augkit.get("Fliplr", p=0.5)], seed=2)
        >>> b.copy_random_state_(a) is b
        True
        """
        from augkit.augmenter import Augmenter

        if not isinstance(source, Augmenter):
            raise ParameterTypeError(f"source: expected an augmenter, got {describe(source)}")
        if matching not in _MATCHINGS:
            raise ParameterError(
                f"matching: expected one of {set(_MATCHINGS)}, got {describe(matching)}")
        target: Augmenter = self  # type: ignore[assignment]
        sources = source.get_all_children(flat=True, include_self=True) if recursive \
            else [source]
        targets = target.get_all_children(flat=True, include_self=True) if recursive \
            else [target]
        if matching == "name":
            by_name = {aug.name: aug for aug in sources}
            if len(by_name) < len(sources) or len({a.name for a in targets}) < len(targets):
                warnings.warn("copy_random_state_: matching='name', but several augmenters "
                              "share a name; the last of each name is used", stacklevel=2)
            for aug in targets:
                if aug.name in by_name:
                    _copy_state(by_name[aug.name], aug, copy_determinism)
                elif not matching_tolerant:
                    raise ParameterError(
                        f"source: has no augmenter named {aug.name!r} (matching='name', "
                        "matching_tolerant=False)")
            return target
        if len(sources) != len(targets) and not matching_tolerant:
            raise ParameterError(
                f"source: has {len(sources)} augmenters, this one {len(targets)} "
                "(matching='position', matching_tolerant=False)")
        for source_aug, target_aug in zip(sources, targets):
            _copy_state(source_aug, target_aug, copy_determinism)
        return target


def _copy_state(source: Augmenter, target: Augmenter, copy_determinism: bool) -> None:
    target._seedseq = source._seedseq
    target._rng = copy_generator(source._rng)
    target._seeded = source._seeded
    if copy_determinism:
        target.deterministic = source.deterministic
