"""``augkit.augmenters.imgcorruptlike``: imgaug's ``imgcorruptlike`` module.

The 19 corruption augmenters, the ``apply_<name>`` functions and
``get_corruption_names``, each re-exported from where it is implemented (the class
modules and :mod:`augkit_imgcorruptlike.functional`). Registered by ``plugin.py``'s
``augkit_modules`` hook; in the registry the augmenters are named
``imgcorruptlike.<Class>`` (``augkit.get("imgcorruptlike.GaussianBlur")``), as
imgaug exposed them only through this module and several names (``GaussianBlur``,
``MotionBlur``, ``Fog``, ``JpegCompression``, ``ImpulseNoise``) belong to other
families at the top level.

Examples
--------
>>> import numpy as np
>>> from augkit import augmenters as iaa
>>> names, funcs = iaa.imgcorruptlike.get_corruption_names("validation")
>>> [f(np.zeros((32, 32, 3), np.uint8), severity=5, seed=1).shape for f in funcs][0]
(32, 32, 3)
"""

from augkit_imgcorruptlike.blur import DefocusBlur, GaussianBlur, GlassBlur, MotionBlur, ZoomBlur
from augkit_imgcorruptlike.digital import (
    Brightness,
    Contrast,
    JpegCompression,
    Pixelate,
    Saturate,
)
from augkit_imgcorruptlike.elastic import ElasticTransform
from augkit_imgcorruptlike.functional import (
    apply_brightness,
    apply_contrast,
    apply_defocus_blur,
    apply_elastic_transform,
    apply_fog,
    apply_frost,
    apply_gaussian_blur,
    apply_gaussian_noise,
    apply_glass_blur,
    apply_impulse_noise,
    apply_jpeg_compression,
    apply_motion_blur,
    apply_pixelate,
    apply_saturate,
    apply_shot_noise,
    apply_snow,
    apply_spatter,
    apply_speckle_noise,
    apply_zoom_blur,
    get_corruption_names,
)
from augkit_imgcorruptlike.noise import GaussianNoise, ImpulseNoise, ShotNoise, SpeckleNoise
from augkit_imgcorruptlike.weather import Fog, Frost, Snow, Spatter

__all__ = [
    "Brightness",
    "Contrast",
    "DefocusBlur",
    "ElasticTransform",
    "Fog",
    "Frost",
    "GaussianBlur",
    "GaussianNoise",
    "GlassBlur",
    "ImpulseNoise",
    "JpegCompression",
    "MotionBlur",
    "Pixelate",
    "Saturate",
    "ShotNoise",
    "Snow",
    "Spatter",
    "SpeckleNoise",
    "ZoomBlur",
    "apply_brightness",
    "apply_contrast",
    "apply_defocus_blur",
    "apply_elastic_transform",
    "apply_fog",
    "apply_frost",
    "apply_gaussian_blur",
    "apply_gaussian_noise",
    "apply_glass_blur",
    "apply_impulse_noise",
    "apply_jpeg_compression",
    "apply_motion_blur",
    "apply_pixelate",
    "apply_saturate",
    "apply_shot_noise",
    "apply_snow",
    "apply_spatter",
    "apply_speckle_noise",
    "apply_zoom_blur",
    "get_corruption_names",
]
