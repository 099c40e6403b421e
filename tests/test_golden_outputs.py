"""Golden outputs: seeded augmenters and pipelines give exactly the pinned results.

Refactors of the core or the families must not change what a seeded pipeline
produces. Every registered augmenter (each of its ``examples``) runs with a fixed
seed on the sample picture in every dtype it supports, with every annotation kind
it transforms; a digest of the outputs is compared with ``golden/outputs.json``.

A deliberate change of outputs regenerates the file with
``AUGKIT_UPDATE_GOLDEN=1 pytest tests/test_golden_outputs.py`` and names the change
in the commit message.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from pathlib import Path

import numpy as np
import pytest

import augkit
from augkit.data import sample
from augkit.registry import registry

GOLDEN = Path(__file__).parent / "golden" / "outputs.json"
DTYPES = ("uint8", "uint16", "int16", "float32", "float64", "bool")
UPDATE = os.environ.get("AUGKIT_UPDATE_GOLDEN") == "1"


def _image(dtype: str) -> np.ndarray:
    """The sample picture at 40x48, in *dtype* over a typical value range."""
    base = augkit.imresize_single_image(sample().image, (40, 48)).astype(np.float64) / 255.0
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return base > 0.5
    if dt.kind == "f":
        return base.astype(dt)
    if dt == np.int16:
        return np.round(base * 2000 - 1000).astype(dt)
    return np.round(base * np.iinfo(dt).max).astype(dt)




def _digest(value, h) -> None:
    if isinstance(value, np.ndarray):
        h.update(f"{value.dtype.str}{value.shape}".encode())
        if value.dtype.kind == "f":
            value = np.round(value.astype(np.float64), 4)
        h.update(np.ascontiguousarray(value).tobytes())
    elif isinstance(value, (list, tuple)):
        h.update(f"[{len(value)}".encode())
        for item in value:
            _digest(item, h)
    elif hasattr(value, "to_xy_array"):
        _digest(np.asarray(value.to_xy_array(), dtype=np.float64), h)
        h.update(repr(value.shape).encode())
    elif hasattr(value, "get_arr"):
        _digest(value.get_arr(), h)
    else:
        h.update(repr(value).encode())


def _cases() -> list[tuple[str, int]]:
    cases = []
    for name in sorted(registry.names()):
        if ":" in name:
            continue
        cls = registry.get_class(name)
        if name != cls.__name__ and name in cls.aliases:
            continue
        cases.extend((name, i) for i in range(len(cls.examples)))
    return cases


def _run_case(name: str, index: int) -> dict[str, str]:
    cls = registry.get_class(name)
    kwargs = copy.deepcopy(dict(cls.examples[index]))
    out = {}
    for dtype in DTYPES:
        if dtype not in cls.supported_dtypes:
            continue
        image = _image(dtype)
        if getattr(cls, "image_channels", None) and 3 not in cls.image_channels:
            image = image[:, :, :1]
        aug = cls(**copy.deepcopy(kwargs), seed=7)
        h = hashlib.sha256()
        try:
            _digest(aug(images=[image, image[::-1].copy()]), h)
        except Exception as exc:  # a pinned refusal is an output too
            h.update(f"{type(exc).__name__}".encode())
        out[dtype] = h.hexdigest()[:16]
    aug = cls(**copy.deepcopy(kwargs), seed=7)
    data = {k: v for k, v in sample().as_kwargs().items() if k not in cls.unsupported_kinds}
    h = hashlib.sha256()
    try:
        _digest(aug(**data), h)
    except Exception as exc:
        h.update(f"{type(exc).__name__}".encode())
    out["annotated"] = h.hexdigest()[:16]
    return out


def _pipelines() -> dict[str, augkit.Augmenter]:
    from augkit import augmenters as iaa

    return {
        "readme_sequential": iaa.Sequential([
            iaa.Fliplr(0.5), iaa.Crop(percent=(0, 0.1)),
            iaa.Sometimes(0.5, iaa.GaussianBlur(sigma=(0, 0.5))),
            iaa.LinearContrast((0.75, 1.5)),
            iaa.AdditiveGaussianNoise(loc=0, scale=(0.0, 0.05 * 255), per_channel=0.5),
            iaa.Multiply((0.8, 1.2), per_channel=0.2),
            iaa.Affine(scale={"x": (0.8, 1.2), "y": (0.8, 1.2)}, rotate=(-25, 25),
                       shear=(-8, 8)),
        ], random_order=True, fuse=False, seed=3),  # pinned unfused: see tests/test_fusion.py
        "someof_views": iaa.SomeOf((1, 3), [
            iaa.WithColorspace("HSV", children=iaa.WithChannels(0, iaa.Add((10, 50)))),
            iaa.WithHueAndSaturation(iaa.WithChannels(0, iaa.Add((0, 50)))),
            iaa.WithBrightnessChannels(iaa.Add((-30, 30))),
            iaa.WithPolarWarping(iaa.Affine(translate_percent={"x": (-0.1, 0.1)})),
            iaa.KeepSizeByResize(iaa.Crop((20, 40), keep_size=False)),
            iaa.BlendAlpha((0.0, 1.0), iaa.Affine(rotate=(-20, 20))),
        ], random_order=True, seed=5),
    }


def _all_outputs() -> dict[str, dict[str, str]]:
    outputs = {f"{name}[{i}]": _run_case(name, i) for name, i in _cases()}
    s = sample()
    for key, pipeline in _pipelines().items():
        h = hashlib.sha256()
        for k in range(3):
            _digest(pipeline(images=[s.image] * 2, keypoints=[s.keypoints] * 2,
                             bounding_boxes=[s.bounding_boxes] * 2,
                             polygons=[s.polygons] * 2,
                             segmentation_maps=[s.segmentation_maps] * 2), h)
            _digest(pipeline(image=s.image, keypoints=s.keypoints, key=(0, k)), h)
        outputs[f"pipeline:{key}"] = {"annotated": h.hexdigest()[:16]}
    return outputs


@pytest.fixture(scope="module")
def outputs() -> dict[str, dict[str, str]]:
    return _all_outputs()


def test_outputs_match_golden(outputs):
    if UPDATE:
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(outputs, indent=1, sort_keys=True) + "\n")
    golden = json.loads(GOLDEN.read_text())
    changed = sorted(
        f"{case} {dtype}" for case, digests in golden.items()
        for dtype, digest in digests.items()
        if outputs.get(case, {}).get(dtype) != digest
    )
    assert not changed, f"{len(changed)} seeded outputs changed: {changed[:40]}"
