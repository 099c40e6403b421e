"""``augkit.augmenters.collections``: imgaug's ``collections`` module, and the policies beyond it.

imgaug's module held ``RandAugment``; this family adds ``TrivialAugmentWide``,
``AutoAugment`` and ``AugMix``.

Examples
--------
>>> from augkit import augmenters as iaa
>>> iaa.collections.RandAugment is iaa.RandAugment
True
"""

from augkit_collections.augmix import AugMix
from augkit_collections.autoaugment import AutoAugment
from augkit_collections.randaugment import RandAugment
from augkit_collections.trivialaugment import TrivialAugmentWide

__all__ = ["AugMix", "AutoAugment", "RandAugment", "TrivialAugmentWide"]
