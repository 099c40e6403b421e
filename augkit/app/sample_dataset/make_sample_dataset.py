"""Regenerate this folder from the bundled astronaut photo and its hand-placed annotations.

Run from the repository root: ``python augkit/app/sample_dataset/make_sample_dataset.py``.
Each image is a crop of the 256x256 photo, resized; boxes and polygons are clipped to the
crop, keypoints outside it are written as not labelled. The "patch" is stored as an RLE
mask so the sample exercises every COCO geometry augkit reads.
"""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import shapely

from augkit.app.datasets.coco import rle_encode, rle_to_string
from augkit.app.datasets.images_io import write_image
from augkit.data import _load

HERE = Path(__file__).parent
# name, crop (x0, y0, x1, y1) in the photo, output size (w, h), grayscale
VIEWS = [
    ("astronaut_full.jpg", (0, 0, 256, 256), (192, 192), False),
    ("astronaut_face.jpg", (60, 0, 190, 130), (128, 128), False),
    ("astronaut_shuttle.png", (128, 0, 256, 160), (112, 140), False),
    ("astronaut_suit_gray.png", (0, 60, 200, 256), (150, 147), True),
]
CATEGORIES = [
    {"id": 1, "name": "face", "supercategory": "person",
     "keypoints": ["left_eye", "right_eye", "nose", "mouth"], "skeleton": [[1, 3], [2, 3], [3, 4]]},
    {"id": 2, "name": "shuttle", "supercategory": "vehicle"},
    {"id": 3, "name": "patch", "supercategory": "thing"},
    {"id": 4, "name": "helmet", "supercategory": "thing"},
    {"id": 5, "name": "suit", "supercategory": "thing"},
]


def main() -> None:
    photo, meta = _load()
    cat = {c["name"]: c["id"] for c in CATEGORIES}
    images, annotations = [], []
    for image_id, (name, (x0, y0, x1, y1), (w, h), gray) in enumerate(VIEWS, start=1):
        crop = photo[y0:y1, x0:x1]
        pixels = cv2.resize(crop, (w, h), interpolation=cv2.INTER_AREA)
        if gray:
            pixels = cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)
        write_image(HERE / name, pixels)
        images.append({"id": image_id, "file_name": name, "width": w, "height": h})
        scale = np.array([w / (x1 - x0), h / (y1 - y0)])
        offset = np.array([x0, y0], dtype=np.float64)
        frame = shapely.box(0, 0, w, h)

        def add(ann: dict, image_id: int = image_id) -> None:
            annotations.append({"id": len(annotations) + 1, "image_id": image_id,
                                "iscrowd": 0, **ann})

        def to_view(xy, offset=offset, scale=scale):
            return (np.asarray(xy, dtype=np.float64) - offset) * scale

        for poly in meta["polygons"]:
            geometry = shapely.Polygon(to_view(poly["exterior"])).intersection(frame)
            if geometry.is_empty or geometry.area < 4:
                continue
            parts = [g for g in getattr(geometry, "geoms", [geometry]) if g.area > 0]
            rings = [np.round(np.asarray(p.exterior.coords)[:-1], 2) for p in parts]
            allxy = np.concatenate(rings)
            lo, hi = allxy.min(axis=0), allxy.max(axis=0)
            add({"category_id": cat[poly["label"]],
                 "segmentation": [r.ravel().tolist() for r in rings],
                 "area": round(sum(p.area for p in parts), 2),
                 "bbox": np.round([*lo, *(hi - lo)], 2).tolist()})
        for box in meta["bounding_boxes"]:
            corners = to_view([[box["x1"], box["y1"]], [box["x2"], box["y2"]]])
            lo = np.clip(corners[0], 0, [w, h])
            hi = np.clip(corners[1], 0, [w, h])
            if (hi - lo).min() < 2:
                continue
            ann = {"category_id": cat[box["label"]],
                   "bbox": np.round([*lo, *(hi - lo)], 2).tolist(),
                   "area": round(float(np.prod(hi - lo)), 2)}
            if box["label"] == "patch":
                mask = np.zeros((h, w), np.uint8)
                cx, cy = (lo + hi) / 2
                cv2.ellipse(mask, (int(round(cx)), int(round(cy))),
                            (max(1, int((hi - lo)[0] / 2.4)), max(1, int((hi - lo)[1] / 2.4))),
                            0, 0, 360, 1, -1)
                rle = rle_encode(mask.astype(bool))
                rle["counts"] = rle_to_string(rle["counts"])
                ys, xs = np.nonzero(mask)
                ann.update(segmentation=rle, area=float(mask.sum()),
                           bbox=[float(xs.min()), float(ys.min()),
                                 float(xs.max() + 1 - xs.min()), float(ys.max() + 1 - ys.min())])
            if box["label"] == "face":
                kps = []
                for kp in meta["keypoints"]:
                    x, y = to_view([kp["x"], kp["y"]])
                    inside = 0 <= x <= w and 0 <= y <= h
                    kps += [round(float(x), 2), round(float(y), 2), 2] if inside else [0, 0, 0]
                ann.update(keypoints=kps, num_keypoints=sum(1 for v in kps[2::3] if v))
            add(ann)
    doc = {"info": {"description": "augkit sample dataset: crops of scikit-image's astronaut "
                    "(NASA, public domain) with hand-placed annotations", "version": "1.0"},
           "licenses": [{"id": 1, "name": "Public domain"}],
           "images": images, "annotations": annotations, "categories": CATEGORIES}
    (HERE / "annotations.json").write_text(json.dumps(doc, indent=1) + "\n")


if __name__ == "__main__":
    main()
