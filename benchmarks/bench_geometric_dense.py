"""Dense warps: ElasticTransformation and PiecewiseAffine against albumentations.

Both sides use fixed, equivalent parameters so that they do the same amount of work:
uniform noise smoothed with sigma 6 and scaled by alpha 40 (linear interpolation) for
the elastic warp; a 4x4 grid jittered by 3 % of the image size for the piecewise one.
"""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case


def cases(image: np.ndarray) -> list[Case]:
    import albumentations as A

    import augkit

    elastic = augkit.get("ElasticTransformation", alpha=40.0, sigma=6.0, order=1)
    a_elastic = A.ElasticTransform(alpha=40.0, sigma=6.0, interpolation=1,
                                   noise_distribution="uniform", p=1.0)
    elastic_nn = augkit.get("ElasticTransformation", alpha=40.0, sigma=6.0, order=0)
    a_elastic_nn = A.ElasticTransform(alpha=40.0, sigma=6.0, interpolation=0,
                                      noise_distribution="uniform", p=1.0)
    piecewise = augkit.get("PiecewiseAffine", scale=0.03, nb_rows=4, nb_cols=4)
    a_piecewise = A.PiecewiseAffine(scale=(0.03, 0.03), nb_rows=4, nb_cols=4, p=1.0)
    return [
        Case("ElasticTransformation(alpha=40, sigma=6, order=1)", lambda: elastic(image=image),
             lambda: a_elastic(image=image)["image"], "albu: ElasticTransform, uniform noise"),
        Case("ElasticTransformation(alpha=40, sigma=6, order=0)",
             lambda: elastic_nn(image=image), lambda: a_elastic_nn(image=image)["image"],
             "nearest neighbour (imgaug's default order)"),
        Case("PiecewiseAffine(scale=0.03, 4x4 grid)", lambda: piecewise(image=image),
             lambda: a_piecewise(image=image)["image"], "albu: PiecewiseAffine"),
    ]
