"""What the policies share: the data they accept, and their docstring blocks."""

from __future__ import annotations

from typing import Any, ClassVar

from augkit import parameters as iap

#: The policies run PIL-like operations: uint8 images of 1, 3 or 4 channels.
POLICY_DTYPES = frozenset({"uint8"})
POLICY_CHANNELS = (1, 3, 4)

DOC_BLOCKS = {
    "cval": """cval : number or tuple of number or list of number or StochasticParameter, optional
    Value of the pixels that geometric operations bring in (PIL's ``fillcolor``).""",
    "seed and name": """seed : None or int or numpy.random.Generator or SeedSequence, optional
    Seed of the policy; its operations get independent streams derived from it.
name : str, optional
    Name of the augmenter (default: the class name).""",
}


class PolicyMixin:
    """Class attributes every policy declares (dtypes, channels, doc blocks)."""

    supported_dtypes: ClassVar[frozenset[str]] = POLICY_DTYPES
    image_channels: ClassVar[tuple[int, ...] | None] = POLICY_CHANNELS
    doc_blocks: ClassVar[dict[str, str]] = DOC_BLOCKS


def handle_level(value: Any, name: str, upper: int | None = None) -> iap.StochasticParameter:
    """A policy level (RandAugment's ``m``, AugMix's ``severity``): a non-negative integer."""
    return iap.handle_discrete_param(value, name, value_range=(0, upper))
