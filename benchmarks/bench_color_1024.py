"""The colour rows of ``bench_color`` at 1024x1024 (the sample photo resized).

At this size the kernels, not the per-call overhead, decide the ratio; temporaries
the size of the image show up here too (the allocator maps and faults them in anew).
"""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case

SIZE = 1024


def cases(image: np.ndarray) -> list[Case]:
    import cv2

    from benchmarks import bench_color

    large = cv2.resize(image, (SIZE, SIZE))
    return [Case(f"{case.name} @{SIZE}", case.augkit, case.albumentations, case.note)
            for case in bench_color.cases(large)]
