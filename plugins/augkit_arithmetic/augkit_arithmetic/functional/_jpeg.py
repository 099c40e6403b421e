"""JPEG compression artefacts: imgaug's compression-to-quality mapping and an
encode-decode round trip through OpenCV's codec."""

from __future__ import annotations

import cv2
import numpy as np


def compression_to_quality(compression: float) -> int:
    """imgaug's mapping of a compression strength in [0, 100] to a JPEG quality.

    The strength is truncated to an integer, then mapped linearly onto qualities
    100 (strength 0) down to 2 (strength 100).

    Parameters
    ----------
    compression : float
        Compression strength in ``[0, 100]``.

    Returns
    -------
    int
        JPEG quality in ``[2, 100]``.

    Examples
    --------
    >>> compression_to_quality(0), compression_to_quality(50), compression_to_quality(100)
    (100, 51, 2)
    """
    strength = int(compression)
    quality = round(1 + 99 * (1.0 - strength / 101))
    return int(min(max(quality, 1), 100))


_IMREAD_RGB = getattr(cv2, "IMREAD_COLOR_RGB", None)  # OpenCV >= 4.10


def _jpeg_roundtrip(plane: np.ndarray, quality: int) -> np.ndarray:
    ok, encoded = cv2.imencode(".jpg", plane, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    if not ok:  # pragma: no cover - OpenCV encodes every non-empty uint8 image
        raise RuntimeError("cv2.imencode failed to encode a JPEG")
    flag = cv2.IMREAD_COLOR if plane.ndim == 3 else cv2.IMREAD_GRAYSCALE
    return cv2.imdecode(encoded, flag)


def compress_jpeg(image: np.ndarray, quality: int) -> np.ndarray:
    """JPEG-encode a uint8 image at *quality* and decode it again.

    Parameters
    ----------
    image : ndarray of shape (H, W, C), dtype uint8
        1 channel: grayscale JPEG; 3 channels: RGB (converted to OpenCV's BGR order
        around the codec, so luma weights are right); 4 channels: the first three
        as RGB, the fourth (alpha) unchanged; any other count: each channel as a
        grayscale JPEG.
    quality : int
        JPEG quality in ``[1, 100]`` (see :func:`compression_to_quality`).

    Returns
    -------
    ndarray of shape (H, W, C), dtype uint8

    Examples
    --------
    >>> img = np.full((8, 8, 3), 120, np.uint8)
    >>> bool(np.abs(compress_jpeg(img, 90).astype(int) - 120).max() <= 2)
    True
    """
    height, width, channels = image.shape
    if image.size == 0:
        return np.array(image, copy=True, order="C")
    image = np.ascontiguousarray(image)
    if channels == 1:
        return _jpeg_roundtrip(image[:, :, 0], quality).reshape(height, width, 1)
    if channels in (3, 4):
        # the encoder reads BGR (its luma weights depend on it); the decoder can write
        # RGB itself (the same values as decoding to BGR and swapping: one pass less)
        bgr = cv2.cvtColor(image if channels == 3 else np.ascontiguousarray(image[:, :, :3]),
                           cv2.COLOR_RGB2BGR)
        ok, encoded = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
        if not ok:  # pragma: no cover - OpenCV encodes every non-empty uint8 image
            raise RuntimeError("cv2.imencode failed to encode a JPEG")
        rgb = cv2.imdecode(encoded, _IMREAD_RGB) if _IMREAD_RGB is not None else \
            cv2.cvtColor(cv2.imdecode(encoded, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
        if channels == 3:
            return rgb
        out = np.empty_like(image)
        out[:, :, :3] = rgb
        out[:, :, 3] = image[:, :, 3]
        return out
    out = np.empty_like(image)
    for c in range(channels):
        out[:, :, c] = _jpeg_roundtrip(np.ascontiguousarray(image[:, :, c]), quality)
    return out
