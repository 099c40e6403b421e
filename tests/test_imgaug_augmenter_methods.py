"""imgaug 0.4.0's Augmenter methods on augkit augmenters (issue 13)."""

from __future__ import annotations

import copy

import numpy as np
import pytest

import augkit
from augkit import parameters as iap
from augkit.errors import ParameterError, ParameterTypeError
from augkit.registry import registry
from augkit.rng import RNG

IMAGE = np.arange(64, dtype=np.uint8).reshape(8, 8)


def affine(**kwargs):
    return augkit.get("Affine", rotate=(-45, 45), translate_px=(-2, 2), **kwargs)


def outputs(aug, n=4):
    return [aug(image=IMAGE) for _ in range(n)]


def same(a, b):
    return all(np.array_equal(x, y) for x, y in zip(a, b))


class TestAugmentBatchInPlace:
    def test_fills_the_batch_and_returns_it(self):
        batch = augkit.Batch(images=[np.array([[1, 2, 3]], np.uint8)],
                             keypoints=[augkit.KeypointsOnImage.from_xy_array(
                                 np.array([[0.5, 0.5]]), shape=(1, 3))])
        out = augkit.get("Fliplr", p=1.0).augment_batch_(batch)
        assert out is batch
        assert batch.images_aug[0].tolist() == [[3, 2, 1]]
        assert batch.keypoints_aug[0].to_xy_array().tolist() == [[2.5, 0.5]]

    def test_accepts_parents_and_hooks_keywords(self):
        batch = augkit.Batch(images=[IMAGE])
        augkit.Identity().augment_batch_(batch, parents=[], hooks=None)
        assert np.array_equal(batch.images_aug[0], IMAGE)


class TestRandomState:
    def test_is_an_rng_sharing_the_augmenters_generator(self):
        aug = affine(seed=1)
        state = aug.random_state
        assert isinstance(state, RNG)
        twin = affine(seed=1)
        state.integers(0, 10)  # advances the augmenter's own stream
        assert not same(outputs(aug), outputs(twin))

    def test_setting_an_rng_seeds_like_that_rng(self):
        a, b = affine(), affine()
        a.random_state = RNG(5)
        b.random_state = RNG(5)
        assert same(outputs(a), outputs(b))

    @pytest.mark.parametrize("value", [7, np.random.SeedSequence(7)])
    def test_setting_an_int_or_seed_sequence(self, value):
        a, b = affine(), affine()
        a.random_state = value
        b.random_state = 7
        assert same(outputs(a), outputs(b))

    def test_a_given_generator_is_not_copied(self):
        aug = affine()
        generator = np.random.default_rng(3)
        aug.random_state = generator
        assert aug.random_state.generator is generator

    def test_constructor_accepts_an_rng(self):
        assert same(outputs(affine(random_state=RNG(9))), outputs(affine(random_state=RNG(9))))

    def test_bad_value(self):
        with pytest.raises(ParameterTypeError, match="random_state: expected"):
            affine().random_state = "seed"


class TestLocalizeRandomState:
    def test_in_place_returns_self_and_keeps_the_stream(self):
        aug, twin = affine(seed=4), affine(seed=4)
        assert aug.localize_random_state_() is aug
        assert same(outputs(aug), outputs(twin))

    def test_copy(self):
        aug = augkit.Sequential([affine()], seed=4)
        local = aug.localize_random_state(recursive=True)
        assert local is not aug and local[0] is not aug[0]
        assert same(outputs(local), outputs(augkit.Sequential([affine()], seed=4)))


class TestCopyRandomState:
    def test_position_matching_makes_a_tree_draw_the_same(self):
        source = augkit.Sequential([affine(), augkit.get("Add", value=(-20, 20))], seed=1)
        target = augkit.Sequential([affine(), augkit.get("Add", value=(-20, 20))], seed=2)
        assert target.copy_random_state_(source) is target
        assert same(outputs(target), outputs(source))

    def test_copy_leaves_the_target_untouched(self):
        source, target = affine(seed=1), affine(seed=2)
        before = outputs(affine(seed=2))
        copied = target.copy_random_state(source)
        assert same(outputs(copied), outputs(affine(seed=1)))
        assert same(outputs(target), before)

    def test_states_are_copied_not_shared(self):
        source, target = affine(seed=1), affine(seed=2)
        target.copy_random_state_(source)
        outputs(source)  # advancing the source must not advance the target
        assert same(outputs(target), outputs(affine(seed=1)))

    def test_not_recursive_copies_only_the_top(self):
        source = augkit.Sequential([affine()], random_order=True, seed=1)
        target = augkit.Sequential([affine()], random_order=True, seed=2)
        child_before = target[0].deepcopy()
        target.copy_random_state_(source, recursive=False)
        assert same(outputs(target[0]), outputs(child_before))
        assert not same(outputs(target[0]), outputs(source[0]))

    def test_name_matching(self):
        source = augkit.Sequential([augkit.get("Add", value=(-9, 9), name="add"),
                                    affine(name="rot")], seed=1)
        target = augkit.Sequential([affine(name="rot")], seed=2)
        target.copy_random_state_(source, matching="name")
        assert same(outputs(target[0]), outputs(source[1]))

    def test_name_matching_intolerant_raises_for_a_missing_name(self):
        source = augkit.Sequential([affine(name="a")])
        target = augkit.Sequential([affine(name="b")])
        with pytest.raises(ParameterError, match="source: has no augmenter named 'b'"):
            target.copy_random_state_(source, matching="name", matching_tolerant=False)

    def test_position_matching_intolerant_raises_for_other_sizes(self):
        source = augkit.Sequential([affine(), affine()])
        with pytest.raises(ParameterError, match="has 3 augmenters, this one 2"):
            augkit.Sequential([affine()]).copy_random_state_(source, matching_tolerant=False)

    def test_copy_determinism(self):
        source = affine().to_deterministic()
        target = affine()
        target.copy_random_state_(source)
        assert not target.deterministic
        target.copy_random_state_(source, copy_determinism=True)
        assert target.deterministic
        assert same(outputs(target), outputs(source))

    def test_bad_arguments(self):
        with pytest.raises(ParameterError, match="matching: expected one of"):
            affine().copy_random_state_(affine(), matching="index")
        with pytest.raises(ParameterTypeError, match="source: expected an augmenter"):
            affine().copy_random_state_("affine")


def test_sequential_add_appends():
    seq = augkit.Sequential([augkit.get("Fliplr", p=1.0)])
    seq.add(augkit.get("Flipud", p=1.0))
    assert len(seq) == 2
    assert seq(image=np.array([[1, 2], [3, 4]], np.uint8)).tolist() == [[4, 3], [2, 1]]
    with pytest.raises(ParameterTypeError, match="augmenter"):
        seq.add("Fliplr")


# ---------------------------------------------------------------------------- get_parameters
#: imgaug 0.4.0's ``get_parameters()`` per augmenter, read from its source: the attribute
#: names in order; ``*`` marks entries that are StochasticParameters in imgaug. Where
#: augkit lists other names, the comment at the class says why (FixedSize: imgaug lists
#: ``size[0], size[1]``, augkit the same values as ``width, height``; contrast curves:
#: imgaug's ``params1d``; WithColorspace: imgaug's list names an attribute it never sets).
IMGAUG_PARAMETERS = {
    "Add": "value* per_channel*",
    "AddElementwise": "value* per_channel*",
    "AddToBrightness": "to_colorspace* from_colorspace",
    "AddToHue": "value value_hue value_saturation per_channel* from_colorspace",
    "AddToHueAndSaturation": "value value_hue value_saturation per_channel* from_colorspace",
    "AddToSaturation": "value value_hue value_saturation per_channel* from_colorspace",
    "AdditiveGaussianNoise": "value* per_channel*",
    "AdditiveLaplaceNoise": "value* per_channel*",
    "AdditivePoissonNoise": "value* per_channel*",
    "Affine": "scale translate rotate* shear order cval mode backend fit_output",
    "AffineCv2": "scale translate rotate* shear order cval mode",
    "AllChannelsCLAHE": "clip_limit* tile_grid_size_px tile_grid_size_px_min per_channel*",
    "AllChannelsHistogramEqualization": "",
    "AssertLambda": "",
    "AssertShape": "",
    "AverageBlur": "k",
    "AveragePooling": "kernel_size keep_size",
    "BilateralBlur": "d* sigma_color* sigma_space*",
    "BlendAlpha": "factor* per_channel*",
    "BlendAlphaBoundingBoxes": "mask_generator",
    "BlendAlphaCheckerboard": "mask_generator",
    "BlendAlphaElementwise": "mask_generator",
    "BlendAlphaFrequencyNoise": "mask_generator",
    "BlendAlphaHorizontalLinearGradient": "mask_generator",
    "BlendAlphaMask": "mask_generator",
    "BlendAlphaRegularGrid": "mask_generator",
    "BlendAlphaSegMapClassIds": "mask_generator",
    "BlendAlphaSimplexNoise": "mask_generator",
    "BlendAlphaSomeColors": "mask_generator",
    "BlendAlphaVerticalLinearGradient": "mask_generator",
    "CLAHE": "clip_limit* tile_grid_size_px tile_grid_size_px_min from_colorspace to_colorspace",
    "Canny": "alpha* hysteresis_thresholds sobel_kernel_size* colorizer",
    "Cartoon": "blur_ksize* segmentation_size* saturation* edge_prevalence* from_colorspace",
    "CenterCropToAspectRatio": "aspect_ratio position",
    "CenterCropToFixedSize": "width height position",
    "CenterCropToMultiplesOf": "width_multiple height_multiple position",
    "CenterCropToPowersOf": "width_base height_base position",
    "CenterCropToSquare": "aspect_ratio position",
    "CenterPadToAspectRatio": "aspect_ratio pad_mode pad_cval* position",
    "CenterPadToFixedSize": "width height pad_mode pad_cval* position",
    "CenterPadToMultiplesOf": "width_multiple height_multiple pad_mode pad_cval* position",
    "CenterPadToPowersOf": "width_base height_base pad_mode pad_cval* position",
    "CenterPadToSquare": "aspect_ratio pad_mode pad_cval* position",
    "ChangeColorTemperature": "kelvin* from_colorspace",
    "ChangeColorspace": "to_colorspace alpha*",
    "ChannelShuffle": "p* channels",
    "ClipCBAsToImagePlanes": "",
    "CloudLayer": (
        "intensity_mean* alpha_min* alpha_multiplier* alpha_size_px_max alpha_freq_exponent "
        "intensity_freq_exponent sparsity* density_multiplier* intensity_coarse_scale"
    ),
    "Clouds": "n",
    "CoarseDropout": "mul* per_channel*",
    "CoarsePepper": "mask* replacement* per_channel*",
    "CoarseSalt": "mask* replacement* per_channel*",
    "CoarseSaltAndPepper": "mask* replacement* per_channel*",
    "Convolve": "matrix matrix_type",
    "Crop": "all_sides top right bottom left pad_mode pad_cval*",
    "CropAndPad": "all_sides top right bottom left pad_mode pad_cval*",
    "CropToAspectRatio": "aspect_ratio position",
    "CropToFixedSize": "width height position",
    "CropToMultiplesOf": "width_multiple height_multiple position",
    "CropToPowersOf": "width_base height_base position",
    "CropToSquare": "aspect_ratio position",
    "Cutout": "nb_iterations* position size* squared* fill_mode cval fill_per_channel*",
    "DirectedEdgeDetect": "matrix matrix_type",
    "Dropout": "mul* per_channel*",
    "Dropout2d": "p nb_keep_channels",
    "EdgeDetect": "matrix matrix_type",
    "ElasticTransformation": "alpha* sigma* order cval mode",
    "Emboss": "matrix matrix_type",
    "FastSnowyLandscape": "lightness_threshold* lightness_multiplier*",
    "Fliplr": "p*",
    "Flipud": "p*",
    "Fog": (
        "intensity_mean* alpha_min* alpha_multiplier* alpha_size_px_max alpha_freq_exponent "
        "intensity_freq_exponent sparsity* density_multiplier* intensity_coarse_scale"
    ),
    "GammaContrast": "gamma*",
    "GaussianBlur": "sigma*",
    "Grayscale": "to_colorspace alpha*",
    "HistogramEqualization": "from_colorspace to_colorspace",
    "Identity": "",
    "ImpulseNoise": "mask* replacement* per_channel*",
    "Invert": "p* per_channel* min_value max_value threshold invert_above_threshold*",
    "Jigsaw": "nb_rows* nb_cols* max_steps* allow_pad",
    "JpegCompression": "compression*",
    "KMeansColorQuantization": "counts* from_colorspace to_colorspace max_size interpolation",
    "KeepSizeByResize": "interpolation interpolation_heatmaps",
    "Lambda": "",
    "LinearContrast": "alpha*",
    "LogContrast": "gain*",
    "MaxPooling": "kernel_size keep_size",
    "MeanShiftBlur": "spatial_window_radius* color_window_radius*",
    "MedianBlur": "k*",
    "MedianPooling": "kernel_size keep_size",
    "MinPooling": "kernel_size keep_size",
    "MotionBlur": "matrix matrix_type",
    "Multiply": "mul* per_channel*",
    "MultiplyAndAddToBrightness": "to_colorspace* from_colorspace",
    "MultiplyBrightness": "to_colorspace* from_colorspace",
    "MultiplyElementwise": "mul* per_channel*",
    "MultiplyHue": "from_colorspace",
    "MultiplyHueAndSaturation": "from_colorspace",
    "MultiplySaturation": "from_colorspace",
    "OneOf": "n",
    "Pad": "all_sides top right bottom left pad_mode pad_cval*",
    "PadToAspectRatio": "aspect_ratio pad_mode pad_cval* position",
    "PadToFixedSize": "width height pad_mode pad_cval* position",
    "PadToMultiplesOf": "width_multiple height_multiple pad_mode pad_cval* position",
    "PadToPowersOf": "width_base height_base pad_mode pad_cval* position",
    "PadToSquare": "aspect_ratio pad_mode pad_cval* position",
    "Pepper": "mask* replacement* per_channel*",
    "PerspectiveTransform": "jitter* keep_size cval mode fit_output",
    "PiecewiseAffine": "scale* nb_rows* nb_cols* order cval mode absolute_scale",
    "Posterize": "counts* from_colorspace to_colorspace max_size interpolation",
    "Rain": "n",
    "RainLayer": (
        "density density_uniformity* flake_size* flake_size_uniformity* angle* speed* "
        "blur_sigma_fraction* blur_sigma_limits gate_noise_size"
    ),
    "RegularGridVoronoi": "points_sampler p_replace* max_size interpolation",
    "RelativeRegularGridVoronoi": "points_sampler p_replace* max_size interpolation",
    "RemoveCBAsByOutOfImageFraction": "fraction",
    "RemoveSaturation": "from_colorspace",
    "ReplaceElementwise": "mask* replacement* per_channel*",
    "Resize": "size interpolation size_order",
    "Rot90": "k* keep_size",
    "Rotate": "scale translate rotate* shear order cval mode backend fit_output",
    "Salt": "mask* replacement* per_channel*",
    "SaltAndPepper": "mask* replacement* per_channel*",
    "ScaleX": "scale translate rotate* shear order cval mode backend fit_output",
    "ScaleY": "scale translate rotate* shear order cval mode backend fit_output",
    "Sequential": "random_order",
    "Sharpen": "matrix matrix_type",
    "ShearX": "scale translate rotate* shear order cval mode backend fit_output",
    "ShearY": "scale translate rotate* shear order cval mode backend fit_output",
    "SigmoidContrast": "gain* cutoff*",
    "Snowflakes": "n",
    "SnowflakesLayer": (
        "density density_uniformity* flake_size* flake_size_uniformity* angle* speed* "
        "blur_sigma_fraction* blur_sigma_limits gate_noise_size"
    ),
    "Solarize": "p* per_channel* min_value max_value threshold invert_above_threshold*",
    "SomeOf": "n",
    "Sometimes": "p*",
    "Superpixels": "p_replace* n_segments* max_size interpolation",
    "TotalDropout": "p",
    "TranslateX": "scale translate rotate* shear order cval mode backend fit_output",
    "TranslateY": "scale translate rotate* shear order cval mode backend fit_output",
    "UniformColorQuantization": "counts* from_colorspace to_colorspace max_size interpolation",
    "UniformColorQuantizationToNBits": (
        "counts* from_colorspace to_colorspace max_size interpolation"
    ),
    "UniformVoronoi": "points_sampler p_replace* max_size interpolation",
    "Voronoi": "points_sampler p_replace* max_size interpolation",
    "WithBrightnessChannels": "to_colorspace* from_colorspace",
    "WithChannels": "channels",
    "WithColorspace": "to_colorspace from_colorspace",
    "WithHueAndSaturation": "from_colorspace",
    "WithPolarWarping": "",
    # imgaug.augmenters.pillike (registered under these names)
    "Autocontrast": "cutoff*",
    "EnhanceBrightness": "factor*", "EnhanceColor": "factor*", "EnhanceContrast": "factor*",
    "EnhanceSharpness": "factor*",
    "Equalize": "", "FilterBlur": "", "FilterContour": "", "FilterDetail": "",
    "FilterEdgeEnhance": "", "FilterEdgeEnhanceMore": "", "FilterEmboss": "",
    "FilterFindEdges": "", "FilterSharpen": "", "FilterSmooth": "", "FilterSmoothMore": "",
    "pillike.Affine": "scale translate rotate* shear cval* center",
    "pillike.Posterize": "counts* from_colorspace to_colorspace max_size interpolation",
    "pillike.Solarize": "p* per_channel* min_value max_value threshold* invert_above_threshold*",
    # imgaug.augmenters.imgcorruptlike: every corruption lists [severity]
    **{f"imgcorruptlike.{name}": "severity*" for name in (
        "Brightness", "Contrast", "DefocusBlur", "ElasticTransform", "Fog", "Frost",
        "GaussianBlur", "GaussianNoise", "GlassBlur", "ImpulseNoise", "JpegCompression",
        "MotionBlur", "Pixelate", "Saturate", "ShotNoise", "Snow", "Spatter", "SpeckleNoise",
        "ZoomBlur")},
}

#: Registered augmenters that imgaug 0.4.0 does not have (training-loop helpers), and
#: SaveDebugImageEveryNBatches, whose imgaug list holds the folder and file pattern of
#: two internal image destinations that augkit's debug augmenter does not have.
NOT_COMPARED = {"FromFloat", "Normalize", "ToCHW", "ToFloat", "SaveDebugImageEveryNBatches"}
#: The families whose augmenters this table covers (a new family adds its rows and prefix).
FAMILIES = ("augkit.", "augkit_arithmetic.", "augkit_color.", "augkit_geometric.",
            "augkit_weather.", "augkit_pillike.", "augkit_imgcorruptlike.")
ENTRIES = sorted((entry for entry in registry.entries()
                  if entry.name not in NOT_COMPARED and entry.cls.__module__.startswith(FAMILIES)),
                 key=lambda entry: entry.name)


def _expected(name):
    return [(item.rstrip("*"), item.endswith("*")) for item in IMGAUG_PARAMETERS[name].split()]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.name)
def test_get_parameters_lists_imgaugs_entries_in_imgaugs_order(entry):
    cls = entry.cls
    assert entry.name in IMGAUG_PARAMETERS, "no imgaug order recorded for this augmenter"
    for kwargs in cls.examples:
        aug = cls(**copy.deepcopy(dict(kwargs)))
        got = aug.get_parameters()
        expected = _expected(entry.name)
        assert isinstance(got, list)
        assert len(got) == len(expected), [name for name, _ in expected]
        for (name, is_param), value in zip(expected, got):
            if is_param:
                assert isinstance(value, iap.StochasticParameter), (name, value)
            if not cls.__name__.endswith("Contrast"):
                attribute = getattr(aug, name)
                assert attribute is value or attribute == value, name


def _plain(value):
    return value.value if isinstance(value, iap.Deterministic) else value


@pytest.mark.parametrize(("name", "kwargs", "expected"), [
    ("Dropout2d", {"p": 0.2, "nb_keep_channels": 2}, [iap.StochasticParameter, 2]),
    ("GammaContrast", {"gamma": 1.5}, [1.5]),
    ("SigmoidContrast", {"gain": 7, "cutoff": 0.4}, [7, 0.4]),
    ("MeanShiftBlur", {"spatial_radius": 5.0, "color_radius": 9.0}, [5.0, 9.0]),
    ("Fliplr", {"p": 0.25}, [iap.Binomial(0.25)]),
    ("Resize", {"size": {"shorter-side": 32, "longer-side": "keep-aspect-ratio"}},
     [{"shorter-side": 32, "longer-side": "keep-aspect-ratio"}, "cubic", "SL"]),
    ("PadToFixedSize", {"width": 30, "height": 20}, [30, 20, "constant", 0, tuple]),
])
def test_get_parameters_values(name, kwargs, expected):
    got = augkit.get(name, **kwargs).get_parameters()
    assert len(got) == len(expected)
    for value, want in zip(got, expected):
        if isinstance(want, type):
            assert isinstance(value, want)
        else:
            assert _plain(value) == want


@pytest.mark.parametrize(("name", "kwargs", "attribute", "expected"), [
    ("PerspectiveTransform", {"scale": 0.1}, "jitter", iap.Normal(0, iap.Deterministic(0.1))),
    ("MeanShiftBlur", {"spatial_radius": 4.0}, "spatial_window_radius", iap.Deterministic(4.0)),
    ("Dropout", {"p": 0.25}, "mul", iap.Binomial(0.75)),
    ("Dropout", {"p": 1.0}, "mul", iap.Binomial(0.0)),
    ("Dropout", {"p": (0.1, 0.2)}, "mul", iap.Binomial(1 - iap.Uniform(0.1, 0.2))),
    ("CoarseDropout", {"p": iap.Binomial(0.7), "size_px": 4}, "mul", iap.Binomial(0.7)),
    ("Posterize", {"nb_bits": 3}, "counts", iap.Deterministic(3)),
    ("AdditiveGaussianNoise", {"loc": 1, "scale": 2}, "value",
     iap.Normal(1.0, 2.0)),
    ("AdditivePoissonNoise", {"lam": 3.0}, "value",
     iap.RandomSign(iap.Poisson(iap.Deterministic(3.0)))),
    ("Grayscale", {}, "to_colorspace", iap.Deterministic("GRAY")),
    ("Rain", {"nb_iterations": 2}, "n", iap.Deterministic(2)),
    ("Clouds", {}, "n", iap.DiscreteUniform(1, 2)),
    ("CropAndPad", {"px": 3}, "all_sides", iap.Deterministic(3)),
    ("CropAndPad", {"px": (1, 2, 3, 4)}, "left", iap.Deterministic(4)),
    ("CropAndPad", {"px": (1, 2, 3, 4)}, "all_sides", None),
    ("Convolve", {"matrix": np.ones((3, 3))}, "matrix_type", "constant"),
    ("Convolve", {}, "matrix_type", "None"),
    ("Sharpen", {}, "matrix_type", "function"),
    ("Resize", {"size": 2}, "size_order", "HW"),
    ("CropToFixedSize", {"width": 4, "height": 5}, "size", (4, 5)),
    ("PiecewiseAffine", {"scale": 0.02}, "jitter", iap.Normal(0, iap.Deterministic(0.02))),
    ("CropAndPad", {"percent": 0.1}, "mode", "percent"),
    ("Pad", {}, "mode", "noop"),
])
def test_imgaug_attributes(name, kwargs, attribute, expected):
    assert getattr(augkit.get(name, **kwargs), attribute) == expected


def test_lambda_exposes_its_functions():
    def flip(images, random_state, parents, hooks):
        return images

    aug = augkit.Lambda(func_images=flip)
    assert aug.func_images is flip and aug.func_keypoints is None


def test_multiply_and_add_to_brightness_exposes_its_children():
    aug = augkit.get("MultiplyAndAddToBrightness", mul=1.5, add=0, random_order=False)
    children = aug.children
    assert isinstance(children, augkit.Sequential) and not children.random_order
    assert type(children[0]).__name__ == "Multiply"
    assert children[0].mul == iap.Deterministic(1.5)
    assert isinstance(children[1], augkit.Identity)


def test_augmenters_not_in_imgaug_return_an_empty_list():
    assert augkit.Identity().get_parameters() == []


def test_get_arguments_gives_the_constructor_arguments():
    aug = augkit.get("Affine", rotate=10, mode="edge")
    assert aug.get_arguments() == {"rotate": 10, "mode": "edge"}
    assert repr(aug) == "Affine(rotate=10, mode='edge')"
