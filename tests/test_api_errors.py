"""Error quality of the public API (issue 12, error-quality items)."""

from __future__ import annotations

import numpy as np
import pytest

import augkit.augmenters as iaa


def test_misspelled_constructor_keyword_names_augmenter_and_suggests():
    with pytest.raises(TypeError) as info:
        iaa.Affine(rotat=30)
    message = str(info.value)
    assert "Affine" in message
    assert "'rotat'" in message
    assert "rotate" in message


def test_key_with_lone_surrogate_is_deterministic():
    image = np.arange(48, dtype=np.uint8).reshape(4, 4, 3)
    aug = iaa.Affine(rotate=(-30, 30), seed=1)
    first = aug(image=image, key="bad\udcff")
    second = aug(image=image, key="bad\udcff")
    np.testing.assert_array_equal(first, second)


def test_unknown_call_keyword_is_type_error_with_suggestion():
    from augkit.errors import InputError

    image = np.zeros((4, 4, 3), dtype=np.uint8)
    with pytest.raises(TypeError) as info:
        iaa.Fliplr(1.0)(image=image, imagess=[image])
    assert isinstance(info.value, InputError)  # still caught by existing handlers
    assert "'images'" in str(info.value)


@pytest.mark.parametrize("call", ["image", "images"])
def test_big_endian_image_is_refused_naming_byte_order_and_fix(call):
    from augkit.errors import UnsupportedDtypeError

    image = np.zeros((4, 4, 3), dtype=">u2")
    data = image if call == "image" else [image]
    with pytest.raises(UnsupportedDtypeError) as info:
        iaa.Fliplr(1.0)(**{call: data})
    assert "big-endian" in str(info.value)
    assert "newbyteorder('=')" in str(info.value)
