"""What the family's augmenters share: flags, cval, OpenCV constants, positions, doc blocks."""

from __future__ import annotations

import numpy as np
import pytest
from augkit_geometric import _common
from augkit_geometric._common import GeometricFamilyAugmenter

from augkit import ALL, ParameterError, ParameterTypeError
from augkit import parameters as iap


def test_check_flag_takes_bools_only():
    assert _common.check_flag(np.False_, "fit_output") is False
    for value in (1, None, "yes"):
        with pytest.raises(ParameterTypeError, match="fit_output"):
            _common.check_flag(value, "fit_output")


def test_handle_cval_all_is_uniform_0_255():
    drawn = iap.draw(_common.handle_cval(ALL), 1000, np.random.default_rng(0))
    assert 0 <= drawn.min() and drawn.max() <= 255 and drawn.max() > 200


def test_cv2_constant_reads_names_ints_and_numpy_strings():
    names = {"replicate": 1, "constant": 0}
    assert [_common.cv2_constant(v, names, "mode") for v in ("replicate", "0", 4, "-1")] == \
        [1, 0, 4, -1]
    with pytest.raises(ParameterError, match="mode"):
        _common.cv2_constant("mirror", names, "mode")


def test_polygon_recoverer_accepts_imgaug_values_only():
    assert _common.handle_polygon_recoverer(None) is None
    with pytest.raises(ParameterError, match="polygon_recoverer"):
        _common.handle_polygon_recoverer("magic")


def test_positions_draw_within_unit_square():
    rng = np.random.default_rng(0)
    xs, ys = _common.draw_positions(_common.handle_position("normal"), 200, rng)
    assert xs.min() >= 0 and ys.max() <= 1
    assert _common.draw_position_one(_common.handle_position("right-top"), rng) == (1.0, 0.0)


def test_every_doc_block_is_used_by_a_class():
    from augkit_geometric import plugin

    docs = " ".join((cls.__doc__ or "") for cls in plugin.augkit_augmenters())
    for name, block in GeometricFamilyAugmenter.doc_blocks.items():
        first = block.strip().splitlines()[0].strip()
        assert first in docs, name
