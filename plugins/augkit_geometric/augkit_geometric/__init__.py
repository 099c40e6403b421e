"""augkit-geometric: flips, affine and other plane transforms, and size changes.

==================  ===========================================================
module              augmenters
==================  ===========================================================
``flip``            Fliplr, Flipud
``affine``          Affine, ScaleX, ScaleY, TranslateX, TranslateY, Rotate,
                    ShearX, ShearY, AffineCv2
``rot90``           Rot90
``perspective``     PerspectiveTransform
``elastic``         ElasticTransformation
``piecewise``       PiecewiseAffine
``jigsaw``          Jigsaw
``polar``           WithPolarWarping
``crop_pad``        CropAndPad, Crop, Pad
``to_size``         PadToFixedSize, CropToFixedSize, ...AspectRatio, ...Square,
                    ...MultiplesOf, ...PowersOf (and their Center... variants)
``resize``          Resize, KeepSizeByResize
==================  ===========================================================

``functional`` holds the kernels they call (warps, matrices, flips, crops and pads,
displacement fields, the polar view); ``_common`` and ``_bases`` what the classes
share. Importing this package registers nothing; augkit finds it through the
``augkit`` entry point (``augkit_geometric.plugin``).
"""
