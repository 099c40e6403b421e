"""A check of the ``lookup_tables`` protocol of per-pixel uint8 augmenters.

An augmenter whose uint8 output depends on each value alone (per channel) may define
``lookup_tables(params, shapes)``: per row a uint8 table of shape ``(256,)`` (every
channel) or ``(256, C)`` (one per channel), or None for a row it cannot express, or
None for the whole call. :func:`check_lookup_tables` holds such an augmenter to it:
each table, applied to the row's image, gives exactly what the augmenter gave.

Examples
--------
>>> import augkit
>>> from augkit.testing.lookup_tables import check_lookup_tables
>>> check_lookup_tables(augkit.get("Invert", p=0.5, per_channel=True, seed=1), seeds=2)
6
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["apply_lookup_table", "check_lookup_tables", "ramp_image"]


def ramp_image(channels: int, seed: int = 0) -> np.ndarray:
    """Return a ``(16, 16, channels)`` uint8 image holding every value 0..255 in each channel.

    Each channel is its own shuffle of the 256 values, so a table applied to the wrong
    channel shows.

    Examples
    --------
    >>> image = ramp_image(3)
    >>> image.shape, sorted(set(image[:, :, 1].ravel().tolist())) == list(range(256))
    ((16, 16, 3), True)
    """
    rng = np.random.default_rng(seed)
    planes = [rng.permutation(256).astype(np.uint8).reshape(16, 16) for _ in range(channels)]
    return np.stack(planes, axis=2)


def apply_lookup_table(image: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Apply one row's table of the protocol to an ``(H, W, C)`` uint8 *image*.

    Plain numpy indexing (no augkit code): ``table[image]`` for a ``(256,)`` table,
    ``table[:, c][image[..., c]]`` per channel for a ``(256, C)`` one.

    Raises
    ------
    AssertionError
        If *table* is not uint8 of shape ``(256,)`` or ``(256, C)``.

    Examples
    --------
    >>> image = np.array([[[0, 1]]], dtype=np.uint8)
    >>> apply_lookup_table(image, 255 - np.arange(256, dtype=np.uint8)).tolist()
    [[[255, 254]]]
    """
    table = np.asarray(table)
    channels = image.shape[2]
    assert table.dtype == np.uint8, f"table dtype {table.dtype}, expected uint8"
    assert table.shape in ((256,), (256, channels)), (
        f"table shape {table.shape}, expected (256,) or (256, {channels})")
    if table.ndim == 1:
        return table[image]
    return np.stack([table[:, c][image[:, :, c]] for c in range(channels)], axis=2)


def check_lookup_tables(aug: Any, seeds: int = 4, channels: Sequence[int] = (1, 3, 4),
                        every_row: bool = True) -> int:
    """Check that *aug*'s ``lookup_tables`` reproduce its uint8 output exactly.

    For each of *seeds* calls, one image per entry of *channels*
    (:func:`ramp_image`: every value in every channel) is augmented with
    ``return_params=True``; the tables for those params, applied with
    :func:`apply_lookup_table`, must equal the output row by row.

    Parameters
    ----------
    aug : Augmenter
        An augmenter with a ``lookup_tables`` method; its random state advances.
    seeds : int, optional
        Number of calls (each draws new params and new ramp images).
    channels : sequence of int, optional
        Channel counts of the images of one call.
    every_row : bool, optional
        Require a table for every row (False accepts rows given as None, and a
        call answered None, but still requires at least one table in all).

    Returns
    -------
    int
        The number of rows checked against a table.

    Raises
    ------
    AssertionError
        On a table that differs from the augmenter's output, a malformed answer, a
        missing table (see *every_row*), or a table that a later call changed.
    """
    checked = 0
    kept: list[tuple[np.ndarray, np.ndarray]] = []  # (table, its copy) of earlier calls
    for seed in range(seeds):
        images = [ramp_image(c, seed * 10 + c) for c in channels]
        shapes = [image.shape for image in images]
        outputs, params = aug.augment(images=images, return_params=True)
        tables = aug.lookup_tables(params, shapes)
        assert all(np.array_equal(table, copy) for table, copy in kept), (
            f"{aug!r}: a table handed out earlier changed (return tables the caller owns, "
            "or read-only cached ones)")
        assert tables is not None or not every_row, f"{aug!r}: lookup_tables gave None"
        if tables is None:
            continue
        kept += [(table, np.array(table)) for table in tables if table is not None]
        assert len(tables) == len(images), f"{aug!r}: {len(tables)} tables for {len(images)} rows"
        for row, (image, table, output) in enumerate(zip(images, tables, outputs)):
            assert table is not None or not every_row, f"{aug!r}: row {row} has no table"
            if table is None:
                continue
            expected = apply_lookup_table(image, table)
            mismatch = np.flatnonzero(expected != output)
            assert mismatch.size == 0, (
                f"{aug!r}, call {seed}, row {row} ({image.shape[2]} channels): the table "
                f"differs from the output at {mismatch.size} entries")
            checked += 1
    assert checked, f"{aug!r}: no row had a table"
    return checked
