"""Reading and writing image files for dataset jobs.

Reading decodes with OpenCV (fast, keeps 16-bit colour) and falls back to Pillow; the
EXIF orientation tag is read with Pillow and applied, so a photo taken on its side comes
out the way a viewer shows it. Supported: JPEG, PNG, TIFF, BMP, WebP; 8- and 16-bit;
grayscale, RGB, RGBA. Arrays are ``(H, W)`` for grayscale, ``(H, W, 3)`` RGB,
``(H, W, 4)`` RGBA.

Writing is atomic: the bytes go to a hidden temporary name in the target folder, which
is then renamed over the final name (:func:`os.replace`), so an interrupted run never
leaves a half-written file under a real name.

Examples
--------
>>> import numpy as np, os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "a.png")
>>> write_image(path, np.full((2, 3), 7, np.uint16))
>>> img = read_image(path)
>>> img.dtype.name, img.shape, int(img[0, 0])
('uint16', (2, 3), 7)
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import numpy as np

from augkit.errors import AugkitError

#: File extensions read as images (lower case, with the dot).
IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"})
#: Marker in the names of temporary files; :func:`remove_temp_files` deletes them.
TEMP_MARK = ".augkit-tmp-"

_JPEG_QUALITY = 95
_EXIF_ORIENTATION = 0x0112


class ImageReadError(AugkitError, OSError):
    """An image file could not be read; the message starts with its path."""


def is_image_file(path: str | os.PathLike) -> bool:
    """Whether *path* has one of the :data:`IMAGE_EXTENSIONS` (hidden files excluded)."""
    name = os.path.basename(os.fspath(path))
    return (not name.startswith(".") and TEMP_MARK not in name
            and os.path.splitext(name)[1].lower() in IMAGE_EXTENSIONS)


def _named_like_images(folder: str | os.PathLike) -> Iterator[Path]:
    """Yield, lazily, the entries below *folder* named like images (hidden folders skipped)."""
    root = Path(folder)
    for path in root.rglob("*"):
        if is_image_file(path) and not any(
                part.startswith(".") for part in path.relative_to(root).parts[:-1]):
            yield path


def iter_images(folder: str | os.PathLike) -> Iterator[Path]:
    """Yield the image files below *folder*, recursively, in no particular order."""
    return (path for path in _named_like_images(folder) if path.is_file())


def list_images(folder: str | os.PathLike) -> list[Path]:
    """Return the image files below *folder*, recursively, sorted by relative path."""
    root = Path(folder)
    return sorted(iter_images(root), key=lambda p: p.relative_to(root).as_posix())


def unusable_image_entries(folder: str | os.PathLike) -> list[str]:
    """Describe the entries below *folder* named like images that are not image files.

    :func:`list_images` leaves them out; the job reports each (a dangling or looping
    symbolic link, a folder named ``x.jpg``, a FIFO or device that would block a read).
    """
    return [f"{path}: {_why_not_a_file(path)}; skipped"
            for path in sorted(_named_like_images(folder)) if not path.is_file()]


def _why_not_a_file(path: Path) -> str:
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            return "a symbolic link that loops"
        except OSError:
            return "a symbolic link to nothing (dangling)"
        return "a symbolic link to something that is not a file"
    if path.is_dir():
        return "a folder named like an image"
    return "not a regular file (a FIFO, socket or device)"


#: Largest image :func:`read_image` decodes by default, in pixels (width x height):
#: Pillow's own limit (about 179 M, a 13377 x 13377 image). A few kilobytes of PNG can
#: declare 30000 x 30000 pixels and take gigabytes once decoded; the size is read from
#: the file's header and checked before decoding.
DEFAULT_MAX_PIXELS = 178_956_970


def read_image(path: str | os.PathLike, *,
               max_pixels: int | None = DEFAULT_MAX_PIXELS) -> np.ndarray:
    """Read an image file into an array, with its EXIF orientation applied.

    Parameters
    ----------
    path : str or os.PathLike
        The image file.
    max_pixels : int or None, keyword-only
        Refuse (before decoding) an image whose header declares more pixels than this;
        ``None`` for no limit. Default :data:`DEFAULT_MAX_PIXELS`.

    Returns
    -------
    ndarray of shape (H, W), (H, W, 3) or (H, W, 4)
        uint8 or uint16 (float32 for floating-point TIFFs); channels in RGB(A) order.

    Raises
    ------
    ImageReadError
        The file is missing, empty, truncated or not an image, larger than *max_pixels*,
        or holds 32-bit integer pixels (not supported: convert to 16-bit or float32);
        the message names it.
    """
    path = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ImageReadError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    if not data:
        raise ImageReadError(f"{path}: the file is empty")
    if max_pixels is not None:
        _check_size(data, path, max_pixels)
    image = _decode_cv2(data)
    if image is None:
        image = _decode_pillow(data, path)
    else:
        orientation = _exif_orientation(data, path)
        if orientation > 1:
            image = _orient(image, orientation)
    if image.dtype.kind in "iu" and image.dtype.itemsize > 2:
        raise ImageReadError(
            f"{path}: {image.dtype.itemsize * 8}-bit integer pixels are not supported "
            f"(8- or 16-bit integer, or float32); convert the file")
    return np.ascontiguousarray(image)


def _check_size(data: bytes, path: str, max_pixels: int) -> None:
    """Refuse an image whose header declares more than *max_pixels*, before decoding."""
    size = _header_size(data, path, max_pixels)
    if size is None:
        return
    width, height = size
    if width * height > max_pixels:
        raise ImageReadError(
            f"{path}: {width}x{height} = {width * height} pixels is over the limit of "
            f"{max_pixels} (max_pixels; --max-pixels on the command line)")


def _header_size(data: bytes, path: str, max_pixels: int) -> tuple[int, int] | None:
    """Width and height from the file's header (nothing is decoded), or None."""
    import struct
    import warnings

    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                return img.size
    except Image.DecompressionBombError as exc:
        # Pillow refuses to open beyond twice its own limit, without saying the size
        if max_pixels < 2 * (Image.MAX_IMAGE_PIXELS or 0):
            raise ImageReadError(f"{path}: over the limit of {max_pixels} pixels "
                                 f"(max_pixels; --max-pixels on the command line): {exc}"
                                 ) from None
        return None
    except Exception:  # not something Pillow knows; OpenCV may still read it
        return None


def _decode_cv2(data: bytes) -> np.ndarray | None:
    import cv2

    try:
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    except cv2.error:
        return None
    if image is None or image.size == 0:
        return None
    if image.ndim == 3:
        channels = image.shape[2]
        if channels == 1:
            image = image[:, :, 0]
        elif channels == 3:
            image = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
        elif channels == 4:
            image = cv2.cvtColor(image, cv2.COLOR_BGRA2RGBA)
    return image


def _decode_pillow(data: bytes, path: str) -> np.ndarray:
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as img:
            img = ImageOps.exif_transpose(img)
            if img.mode in ("P", "PA", "CMYK", "YCbCr", "LAB", "HSV", "1"):
                img = img.convert("RGBA" if "A" in img.mode or "transparency" in img.info
                                  else "RGB")
            elif img.mode == "LA":
                img = img.convert("RGBA")
            array = np.asarray(img)
    except Exception as exc:  # Pillow raises many kinds of errors on broken files
        raise ImageReadError(f"{path}: not a readable image ({type(exc).__name__}: {exc})"
                             ) from None
    if array.dtype == np.int32:  # Pillow's "I" mode holds 16-bit PNGs
        array = array.astype(np.uint16) if array.max(initial=0) < 65536 else array
    return array


def _exif_orientation(data: bytes, path: str) -> int:
    if data[:2] == b"\xff\xd8":
        if not _jpeg_may_have_exif(data):
            return 1  # most JPEGs: no APP1 Exif segment, no need to open the file again
    elif data[:4] not in (b"II*\x00", b"MM\x00*") and data[:4] != b"RIFF":
        return 1  # only JPEG, TIFF and WebP carry EXIF orientation in practice
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            value = img.getexif().get(_EXIF_ORIENTATION, 1)
    except Exception:
        return 1
    return int(value) if isinstance(value, int) and 1 <= value <= 8 else 1


def _jpeg_may_have_exif(data: bytes) -> bool:
    """Walk the JPEG's header segments: False when none before the scan is APP1 ``Exif``.

    Reading the tag with Pillow costs more than decoding a small JPEG; this walk costs a
    few microseconds. Anything unexpected in the segment layout answers True (then
    Pillow decides).
    """
    pos, size = 2, len(data)
    while pos + 4 <= size:
        if data[pos] != 0xFF:
            return True
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xDA, 0xD9):  # start of scan / end of image: no Exif before it
            return False
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            pos += 2
            continue
        length = (data[pos + 2] << 8) | data[pos + 3]
        if length < 2:
            return True
        if marker == 0xE1 and data[pos + 4:pos + 10] == b"Exif\x00\x00":
            return True
        pos += 2 + length
    return True


def _orient(image: np.ndarray, orientation: int) -> np.ndarray:
    """Apply an EXIF orientation (2-8) so the image shows upright."""
    import cv2

    ops = {
        2: lambda a: cv2.flip(a, 1),
        3: lambda a: cv2.rotate(a, cv2.ROTATE_180),
        4: lambda a: cv2.flip(a, 0),
        5: lambda a: cv2.flip(cv2.rotate(a, cv2.ROTATE_90_CLOCKWISE), 1),
        6: lambda a: cv2.rotate(a, cv2.ROTATE_90_CLOCKWISE),
        7: lambda a: cv2.flip(cv2.rotate(a, cv2.ROTATE_90_COUNTERCLOCKWISE), 1),
        8: lambda a: cv2.rotate(a, cv2.ROTATE_90_COUNTERCLOCKWISE),
    }
    return ops[orientation](image)


def encode_image(image: np.ndarray, ext: str) -> bytes:
    """Encode *image* (RGB(A) or grayscale) as a file of type *ext* (``".png"``...)."""
    import cv2

    ext = ext.lower()
    array = image
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    if array.dtype == np.bool_:
        array = array.astype(np.uint8) * 255
    if ext in (".jpg", ".jpeg", ".bmp", ".webp") and array.dtype != np.uint8:
        array = _to_uint8(array)
    elif array.dtype not in (np.uint8, np.uint16) and ext != ".tif" and ext != ".tiff":
        array = _to_uint8(array)
    if array.ndim == 3 and array.shape[2] == 3:
        array = cv2.cvtColor(array, cv2.COLOR_RGB2BGR)
    elif array.ndim == 3 and array.shape[2] == 4:
        array = cv2.cvtColor(array, cv2.COLOR_RGBA2BGRA)
    params: list[int] = []
    if ext in (".jpg", ".jpeg"):
        params = [cv2.IMWRITE_JPEG_QUALITY, _JPEG_QUALITY]
    elif ext == ".webp":
        params = [cv2.IMWRITE_WEBP_QUALITY, _JPEG_QUALITY]
    elif ext == ".png":
        params = [cv2.IMWRITE_PNG_COMPRESSION, 3]
    ok, buf = cv2.imencode(ext, array, params)
    if not ok:
        raise AugkitError(f"cannot encode a {image.dtype} image of shape {image.shape} as {ext}")
    return buf.tobytes()


def _to_uint8(array: np.ndarray) -> np.ndarray:
    if array.dtype.kind == "f":
        return np.clip(np.rint(array * 255.0), 0, 255).astype(np.uint8)
    if array.dtype == np.uint16:
        return (array >> 8).astype(np.uint8)
    return np.clip(array, 0, 255).astype(np.uint8)


def write_image(path: str | os.PathLike, image: np.ndarray) -> None:
    """Write *image* to *path* atomically, in the format its extension names."""
    write_bytes_atomic(path, encode_image(image, os.path.splitext(os.fspath(path))[1]))


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write *data* to a temporary name next to *path*, then rename it to *path*."""
    with atomic_writer(path, "wb") as fh:
        fh.write(data)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file next to *path* for writing; rename it to *path* on success.

    For files written piece by piece (the COCO file of a large dataset): on an error or
    an interruption the temporary file is removed and *path* is left as it was.
    """
    path = os.fspath(path)
    folder, name = os.path.split(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{name}{TEMP_MARK}{os.getpid()}")
    try:
        with open(tmp, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    """Write *text* (UTF-8) to *path* atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def remove_temp_files(folder: str | os.PathLike) -> int:
    """Delete temporary files that an interrupted write left below *folder*; return how many."""
    removed = 0
    root = Path(folder)
    if not root.is_dir():
        return 0
    for path in root.rglob(f"*{TEMP_MARK}*"):
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


__all__ = [
    "IMAGE_EXTENSIONS",
    "ImageReadError",
    "atomic_writer",
    "encode_image",
    "is_image_file",
    "list_images",
    "read_image",
    "remove_temp_files",
    "write_bytes_atomic",
    "write_image",
    "write_text_atomic",
]
