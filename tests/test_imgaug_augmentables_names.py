"""Every public method of imgaug 0.4.0's augmentables exists in augkit with imgaug's parameters.

The table lists, per class, each method of ``imgaug/augmentables/{kps,bbs,polys,lines,
heatmaps,segmaps}.py`` with the names of its parameters in order (read from imgaug's
source). augkit may add parameters after imgaug's, never before or in between, so calls
written for imgaug (positional or by keyword) keep working.
"""

from __future__ import annotations

import inspect

import pytest

import augkit.augmentables as augmentables

#: class -> method -> imgaug's parameter names, space-separated
IMGAUG_METHODS: dict[str, dict[str, str]] = {
    'Keypoint': {
        '__init__': "x y",
        'coords': "",
        'x_int': "",
        'y_int': "",
        'xy': "",
        'xy_int': "",
        'project_': "from_shape to_shape",
        'project': "from_shape to_shape",
        'is_out_of_image': "image",
        'compute_out_of_image_fraction': "image",
        'shift_': "x y",
        'shift': "x y",
        'draw_on_image': "image color alpha size copy raise_if_out_of_image",
        'generate_similar_points_manhattan': "nb_steps step_size return_array",
        'coords_almost_equals': "other max_distance",
        'almost_equals': "other max_distance",
        'copy': "x y",
        'deepcopy': "x y",
        '__repr__': "",
        '__str__': "",
    },
    'KeypointsOnImage': {
        '__init__': "keypoints shape",
        'items': "value",
        'height': "",
        'width': "",
        'empty': "",
        'on_': "image",
        'on': "image",
        'draw_on_image': "image color alpha size copy raise_if_out_of_image",
        'remove_out_of_image_fraction_': "fraction",
        'remove_out_of_image_fraction': "fraction",
        'clip_out_of_image_': "",
        'clip_out_of_image': "",
        'shift_': "x y",
        'shift': "x y",
        'get_coords_array': "",
        'to_xy_array': "",
        'from_coords_array': "coords shape",
        'from_xy_array': "xy shape",
        'fill_from_xy_array_': "xy",
        'to_keypoint_image': "size",
        'from_keypoint_image': "image if_not_found_coords threshold nb_channels",
        'to_distance_maps': "inverted",
        'from_distance_maps': "distance_maps inverted if_not_found_coords threshold nb_channels",
        'to_keypoints_on_image': "",
        'invert_to_keypoints_on_image_': "kpsoi",
        'copy': "keypoints shape",
        'deepcopy': "keypoints shape",
        '__getitem__': "indices",
        '__iter__': "",
        '__len__': "",
        '__repr__': "",
        '__str__': "",
    },
    'BoundingBox': {
        '__init__': "x1 y1 x2 y2 label",
        'coords': "",
        'x1_int': "",
        'y1_int': "",
        'x2_int': "",
        'y2_int': "",
        'height': "",
        'width': "",
        'center_x': "",
        'center_y': "",
        'area': "",
        'contains': "other",
        'project_': "from_shape to_shape",
        'project': "from_shape to_shape",
        'extend_': "all_sides top right bottom left",
        'extend': "all_sides top right bottom left",
        'intersection': "other default",
        'union': "other",
        'iou': "other",
        'compute_out_of_image_area': "image",
        'compute_out_of_image_fraction': "image",
        'is_fully_within_image': "image",
        'is_partly_within_image': "image",
        'is_out_of_image': "image fully partly",
        'cut_out_of_image': "",
        'clip_out_of_image_': "image",
        'clip_out_of_image': "image",
        'shift_': "x y",
        'shift': "x y top right bottom left",
        'draw_label_on_image': (
            "image color color_text color_bg alpha size size_text height copy "
            "raise_if_out_of_image"
        ),
        'draw_box_on_image': "image color alpha size copy raise_if_out_of_image thickness",
        'draw_on_image': "image color alpha size copy raise_if_out_of_image thickness",
        'extract_from_image': "image pad pad_max prevent_zero_size",
        'to_keypoints': "",
        'to_polygon': "",
        'coords_almost_equals': "other max_distance",
        'almost_equals': "other max_distance",
        'from_point_soup': "xy",
        'copy': "x1 y1 x2 y2 label",
        'deepcopy': "x1 y1 x2 y2 label",
        '__getitem__': "indices",
        '__iter__': "",
        '__repr__': "",
        '__str__': "",
    },
    'BoundingBoxesOnImage': {
        '__init__': "bounding_boxes shape",
        'items': "value",
        'height': "",
        'width': "",
        'empty': "",
        'on_': "image",
        'on': "image",
        'from_xyxy_array': "xyxy shape",
        'from_point_soups': "xy shape",
        'to_xyxy_array': "dtype",
        'to_xy_array': "",
        'fill_from_xyxy_array_': "xyxy",
        'fill_from_xy_array_': "xy",
        'draw_on_image': "image color alpha size copy raise_if_out_of_image thickness",
        'remove_out_of_image_': "fully partly",
        'remove_out_of_image': "fully partly",
        'remove_out_of_image_fraction_': "fraction",
        'remove_out_of_image_fraction': "fraction",
        'cut_out_of_image': "",
        'clip_out_of_image_': "",
        'clip_out_of_image': "",
        'shift_': "x y",
        'shift': "x y top right bottom left",
        'to_keypoints_on_image': "",
        'invert_to_keypoints_on_image_': "kpsoi",
        'to_polygons_on_image': "",
        'copy': "bounding_boxes shape",
        'deepcopy': "bounding_boxes shape",
        '__getitem__': "indices",
        '__iter__': "",
        '__len__': "",
        '__repr__': "",
        '__str__': "",
    },
    'Polygon': {
        '__init__': "exterior label",
        'coords': "",
        'xx': "",
        'yy': "",
        'xx_int': "",
        'yy_int': "",
        'is_valid': "",
        'area': "",
        'height': "",
        'width': "",
        'project_': "from_shape to_shape",
        'project': "from_shape to_shape",
        'find_closest_point_index': "x y return_distance",
        'compute_out_of_image_area': "image",
        'compute_out_of_image_fraction': "image",
        'is_fully_within_image': "image",
        'is_partly_within_image': "image",
        'is_out_of_image': "image fully partly",
        'cut_out_of_image': "image",
        'clip_out_of_image': "image",
        'shift_': "x y",
        'shift': "x y top right bottom left",
        'draw_on_image': (
            "image color color_face color_lines color_points alpha alpha_face "
            "alpha_lines alpha_points size size_lines size_points "
            "raise_if_out_of_image"
        ),
        'extract_from_image': "image",
        'change_first_point_by_coords': "x y max_distance raise_if_too_far_away",
        'change_first_point_by_index': "point_idx",
        'subdivide_': "points_per_edge",
        'subdivide': "points_per_edge",
        'to_shapely_polygon': "",
        'to_shapely_line_string': "closed interpolate",
        'to_bounding_box': "",
        'to_keypoints': "",
        'to_line_string': "closed",
        'from_shapely': "polygon_shapely label",
        'coords_almost_equals': "other max_distance points_per_edge",
        'exterior_almost_equals': "other max_distance points_per_edge",
        'almost_equals': "other max_distance points_per_edge",
        'copy': "exterior label",
        'deepcopy': "exterior label",
        '__getitem__': "indices",
        '__iter__': "",
        '__repr__': "",
        '__str__': "",
    },
    'PolygonsOnImage': {
        '__init__': "polygons shape",
        'items': "value",
        'empty': "",
        'on_': "image",
        'on': "image",
        'draw_on_image': (
            "image color color_face color_lines color_points alpha alpha_face "
            "alpha_lines alpha_points size size_lines size_points "
            "raise_if_out_of_image"
        ),
        'remove_out_of_image_': "fully partly",
        'remove_out_of_image': "fully partly",
        'remove_out_of_image_fraction_': "fraction",
        'remove_out_of_image_fraction': "fraction",
        'clip_out_of_image_': "",
        'clip_out_of_image': "",
        'shift_': "x y",
        'shift': "x y top right bottom left",
        'subdivide_': "points_per_edge",
        'subdivide': "points_per_edge",
        'to_xy_array': "",
        'fill_from_xy_array_': "xy",
        'to_keypoints_on_image': "",
        'invert_to_keypoints_on_image_': "kpsoi",
        'copy': "polygons shape",
        'deepcopy': "polygons shape",
        '__getitem__': "indices",
        '__iter__': "",
        '__len__': "",
        '__repr__': "",
        '__str__': "",
    },
    'MultiPolygon': {
        '__init__': "geoms",
        'from_shapely': "geometry label",
    },
    'LineString': {
        '__init__': "coords label",
        'length': "",
        'xx': "",
        'yy': "",
        'xx_int': "",
        'yy_int': "",
        'height': "",
        'width': "",
        'get_pointwise_inside_image_mask': "image",
        'compute_neighbour_distances': "",
        'compute_pointwise_distances': "other default",
        'compute_distance': "other default",
        'contains': "other max_distance",
        'project_': "from_shape to_shape",
        'project': "from_shape to_shape",
        'compute_out_of_image_fraction': "image",
        'is_fully_within_image': "image default",
        'is_partly_within_image': "image default",
        'is_out_of_image': "image fully partly default",
        'clip_out_of_image': "image",
        'find_intersections_with': "other",
        'shift_': "x y",
        'shift': "x y top right bottom left",
        'draw_mask': "image_shape size_lines size_points raise_if_out_of_image",
        'draw_lines_heatmap_array': "image_shape alpha size antialiased raise_if_out_of_image",
        'draw_points_heatmap_array': "image_shape alpha size raise_if_out_of_image",
        'draw_heatmap_array': (
            "image_shape alpha_lines alpha_points size_lines size_points "
            "antialiased raise_if_out_of_image"
        ),
        'draw_lines_on_image': "image color alpha size antialiased raise_if_out_of_image",
        'draw_points_on_image': "image color alpha size copy raise_if_out_of_image",
        'draw_on_image': (
            "image color color_lines color_points alpha alpha_lines alpha_points "
            "size size_lines size_points antialiased raise_if_out_of_image"
        ),
        'extract_from_image': "image size pad pad_max antialiased prevent_zero_size",
        'concatenate': "other",
        'subdivide': "points_per_edge",
        'to_keypoints': "",
        'to_bounding_box': "",
        'to_polygon': "",
        'to_heatmap': "image_shape size_lines size_points antialiased raise_if_out_of_image",
        'to_segmentation_map': "image_shape size_lines size_points raise_if_out_of_image",
        'coords_almost_equals': "other max_distance points_per_edge",
        'almost_equals': "other max_distance points_per_edge",
        'copy': "coords label",
        'deepcopy': "coords label",
        '__getitem__': "indices",
        '__iter__': "",
        '__repr__': "",
        '__str__': "",
    },
    'LineStringsOnImage': {
        '__init__': "line_strings shape",
        'items': "value",
        'empty': "",
        'on_': "image",
        'on': "image",
        'from_xy_arrays': "xy shape",
        'to_xy_arrays': "dtype",
        'draw_on_image': (
            "image color color_lines color_points alpha alpha_lines alpha_points "
            "size size_lines size_points antialiased raise_if_out_of_image"
        ),
        'remove_out_of_image_': "fully partly",
        'remove_out_of_image': "fully partly",
        'remove_out_of_image_fraction_': "fraction",
        'remove_out_of_image_fraction': "fraction",
        'clip_out_of_image_': "",
        'clip_out_of_image': "",
        'shift_': "x y",
        'shift': "x y top right bottom left",
        'to_xy_array': "",
        'fill_from_xy_array_': "xy",
        'to_keypoints_on_image': "",
        'invert_to_keypoints_on_image_': "kpsoi",
        'copy': "line_strings shape",
        'deepcopy': "line_strings shape",
        '__getitem__': "indices",
        '__iter__': "",
        '__len__': "",
        '__repr__': "",
        '__str__': "",
    },
    'HeatmapsOnImage': {
        '__init__': "arr shape min_value max_value",
        'get_arr': "",
        'draw': "size cmap",
        'draw_on_image': "image alpha cmap resize",
        'invert': "",
        'pad': "top right bottom left mode cval",
        'pad_to_aspect_ratio': "aspect_ratio mode cval return_pad_amounts",
        'avg_pool': "block_size",
        'max_pool': "block_size",
        'scale': "",
        'resize': "sizes interpolation",
        'to_uint8': "",
        'from_uint8': "arr_uint8 shape min_value max_value",
        'from_0to1': "arr_0to1 shape min_value max_value",
        'change_normalization': "arr source target",
        'copy': "",
        'deepcopy': "",
    },
    'SegmentationMapsOnImage': {
        '__init__': "arr shape nb_classes",
        'get_arr': "",
        'get_arr_int': "",
        'draw': "size colors",
        'draw_on_image': (
            "image alpha resize colors draw_background background_class_id "
            "background_threshold"
        ),
        'pad': "top right bottom left mode cval",
        'pad_to_aspect_ratio': "aspect_ratio mode cval return_pad_amounts",
        'scale': "",
        'resize': "sizes interpolation",
        'copy': "arr shape",
        'deepcopy': "arr shape",
    },
}

CASES = [(cls, method, tuple(params.split())) for cls, methods in IMGAUG_METHODS.items()
         for method, params in methods.items()]


@pytest.mark.parametrize(("cls", "method", "params"), CASES,
                         ids=[f"{c}.{m}" for c, m, _ in CASES])
def test_imgaug_method_exists_with_its_parameters(cls, method, params):
    klass = getattr(augmentables, cls)
    assert hasattr(klass, method), f"{cls}.{method} is missing"
    if method.startswith("__") or isinstance(inspect.getattr_static(klass, method), property):
        return
    names = [p.name for p in inspect.signature(getattr(klass, method)).parameters.values()
             if p.name not in ("self", "cls")]
    if names[-2:] == ["args", "kwargs"]:  # a deprecated alias forwarding everything
        return
    assert names[: len(params)] == list(params), f"{cls}.{method}{tuple(names)}"


@pytest.mark.parametrize("name", ["shift_", "project_", "subdivide_", "extend_"])
def test_in_place_twins_of_single_objects_return_the_object_itself(name):
    from augkit.augmentables import BoundingBox, Keypoint, LineString, Polygon

    objects = {
        "shift_": [Keypoint(1, 2), BoundingBox(0, 0, 2, 2), Polygon([(0, 0), (2, 0), (2, 2)]),
                   LineString([(0, 0), (1, 1)])],
        "project_": [Keypoint(1, 2), BoundingBox(0, 0, 2, 2), LineString([(0, 0), (1, 1)])],
        "subdivide_": [Polygon([(0, 0), (2, 0), (2, 2)]), LineString([(0, 0), (2, 0)])],
        "extend_": [BoundingBox(0, 0, 2, 2)],
    }[name]
    args = {"shift_": {"x": 1}, "project_": {"from_shape": (4, 4), "to_shape": (8, 8)},
             "subdivide_": {"points_per_edge": 1}, "extend_": {"all_sides": 1}}[name]
    for obj in objects:
        copy = getattr(obj, name[:-1])(**args)
        assert getattr(obj, name)(**args) is obj
        assert repr(obj) == repr(copy)
