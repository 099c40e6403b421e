"""ElasticTransform: ImageNet-C's elastic distortion, moving every annotation along."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from augkit.extend import GeometricAugmenter
from augkit_imgcorruptlike import functional as F
from augkit_imgcorruptlike._common import DOC_BLOCKS, draw_severities, handle_severity


class ElasticTransform(GeometricAugmenter):
    """Distort the image along a smooth random field (ImageNet-C's ``elastic_transform``).

    Each image gets a displacement field (uniform noise smoothed with sigma of 1 % of
    the image size, scaled by alpha 12.5, 16.25, 21.25, 25, 30 per severity; see
    :func:`~augkit_imgcorruptlike.functional.elastic_field`); pixels are resampled
    linearly with a reflecting border. Unlike imgaug, which left annotations
    unchanged here, heatmaps and segmentation maps are moved along the same field
    (segmentation maps with nearest neighbour) and keypoints, boxes, polygons and
    line strings follow it (the field is inverted by fixed-point iteration).

    Images under 224 pixels get the field of their 224-pixel version, scaled down
    (ImageNet-C's own rule turns into per-pixel jitter on small images; see
    :func:`~augkit_imgcorruptlike.functional.elastic_field`).

    Parameters
    ----------
    <severity>

    <supported data>

    <images>

    Examples
    --------
    >>> import numpy as np
    >>> from augkit import augmenters as iaa
    >>> aug = iaa.imgcorruptlike.ElasticTransform(severity=5, seed=1)
    >>> aug(image=np.full((32, 32, 3), 128, np.uint8)).shape
    (32, 32, 3)
    """

    registered_name = "imgcorruptlike.ElasticTransform"
    imgaug_parameters = ("severity",)
    supported_dtypes = frozenset({"uint8"})
    image_channels: ClassVar[tuple[int, ...]] = (1, 3)
    doc_blocks = DOC_BLOCKS
    examples: ClassVar[tuple[dict[str, Any], ...]] = ({"severity": 3}, {"severity": (1, 5)})

    def __init__(self, severity: Any = (1, 5), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.severity = handle_severity(severity)

    def sample(self, rows, rng):
        severities = draw_severities(self.severity, rows.nb_rows, rng)
        fields: list[np.ndarray | None] = []
        for shape, severity in zip(rows.shapes, severities.tolist()):
            height, width = shape[:2]
            fields.append(F.elastic_field(height, width, severity, rng)
                          if height and width else None)
        return fields

    def apply_to_images(self, images, params):
        return [image.copy() if field is None else F.elastic_distort(image, field)
                for image, field in zip(images, params)]

    def apply_to_maps(self, arrays, params, *, shapes, kind):
        nearest = kind.interpolation == "nearest"
        return [arr.copy() if field is None or arr.size == 0
                else F.warp_by_field(arr, field, nearest=nearest)
                for arr, field in zip(arrays, params)]

    def apply_to_keypoints(self, xys, params, *, shapes):
        return [np.array(xy, copy=True) if field is None else F.move_points_by_field(xy, field)
                for xy, field in zip(xys, params)]


AUGMENTERS = (ElasticTransform,)
