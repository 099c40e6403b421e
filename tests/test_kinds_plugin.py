"""A plugin that adds a kind gets it transformed by every existing augmenter."""

from __future__ import annotations

import types

import numpy as np
import pytest

import augkit
from augkit import MapKind, PointsKind
from augkit.registry import registry


class DepthMap:
    """A depth map: float metres per pixel, on an image of `shape`."""

    def __init__(self, arr, shape):
        self.arr = np.asarray(arr, dtype=np.float32)
        self.shape = tuple(shape)


class DepthMapsKind(MapKind):
    name = "depth_maps"
    interpolation = "linear"

    @classmethod
    def to_rows(cls, value, *, shapes, single, options):
        items = [value] if isinstance(value, DepthMap) else list(value)
        return items, (lambda rows: rows[0]) if isinstance(value, DepthMap) else list

    @classmethod
    def shape_of(cls, item):
        return item.shape

    @classmethod
    def get_arr(cls, item):
        return item.arr[:, :, None]

    @classmethod
    def with_arr(cls, item, arr, shape):
        return DepthMap(arr[:, :, 0], shape)


class Centroid:
    """An object centre: one point with a class name."""

    def __init__(self, x, y, shape):
        self.xy = np.array([[x, y]], dtype=np.float32)
        self.shape = shape


class CentroidsKind(PointsKind):
    name = "centroids"

    @classmethod
    def to_rows(cls, value, *, shapes, single, options):
        return [value], lambda rows: rows[0]

    @classmethod
    def shape_of(cls, item):
        return item.shape

    @classmethod
    def to_xy(cls, item):
        return item.xy.copy()

    @classmethod
    def from_xy(cls, item, xy, shape):
        return Centroid(float(xy[0, 0]), float(xy[0, 1]), shape)


@pytest.fixture
def kinds_plugin():
    module = types.ModuleType("depth_plugin")

    @augkit.hookimpl
    def augkit_kinds():
        return [DepthMapsKind, CentroidsKind]

    module.augkit_kinds = augkit_kinds
    name = registry.register(module)
    yield
    registry.unregister(name)


def test_plugin_kinds_are_transformed_by_existing_augmenters(kinds_plugin):
    depth = DepthMap(np.array([[1.0, 2.0, 3.0]]), shape=(1, 3, 3))
    image = np.zeros((1, 3, 3), np.uint8)
    _, depth_aug, centre = augkit.get("Fliplr", p=1.0)(
        image=image, depth_maps=depth, centroids=Centroid(0.5, 0.5, (1, 3, 3)))
    assert depth_aug.arr.tolist() == [[3.0, 2.0, 1.0]]
    assert centre.xy.tolist() == [[2.5, 0.5]]
    assert "depth_maps" in registry.kinds()


def test_pixel_augmenters_pass_plugin_kinds_through(kinds_plugin):
    depth = DepthMap(np.array([[1.0, 2.0]]), shape=(1, 2, 1))
    _, depth_aug = augkit.get("Add", value=5)(image=np.zeros((1, 2), np.uint8),
                                              depth_maps=depth)
    assert depth_aug is depth
