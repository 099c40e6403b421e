"""augkit.app.datasets.images_io: formats, bit depths, EXIF orientation, atomic writes."""

from __future__ import annotations

import io

import numpy as np
import pytest

from augkit.app.datasets.images_io import (
    TEMP_MARK,
    ImageReadError,
    list_images,
    read_image,
    remove_temp_files,
    write_bytes_atomic,
    write_image,
)


def _pattern(shape, dtype):
    info = np.iinfo(dtype)
    values = np.arange(int(np.prod(shape)), dtype=np.int64) * 997 % (int(info.max) + 1)
    return values.astype(dtype).reshape(shape)


@pytest.mark.parametrize("ext", [".png", ".tif", ".bmp", ".webp"])
@pytest.mark.parametrize("shape", [(5, 7), (5, 7, 3), (5, 7, 4)])
def test_lossless_formats_round_trip_8_bit_gray_rgb_rgba(tmp_path, ext, shape):
    if ext == ".bmp" and len(shape) == 3 and shape[2] == 4:
        pytest.skip("BMP writers store no alpha")
    image = _pattern(shape, np.uint8)
    path = tmp_path / f"x{ext}"
    if ext == ".webp":
        from PIL import Image

        Image.fromarray(image).save(path, lossless=True)
    else:
        write_image(path, image)
    back = read_image(path)
    if ext == ".webp" and len(shape) == 2:  # WebP stores gray as RGB
        back = back[:, :, 0]
    assert back.dtype == np.uint8 and back.shape == shape
    assert np.array_equal(back, image)


@pytest.mark.parametrize("ext", [".png", ".tif"])
@pytest.mark.parametrize("shape", [(4, 6), (4, 6, 3), (4, 6, 4)])
def test_16_bit_images_keep_their_depth(tmp_path, ext, shape):
    image = _pattern(shape, np.uint16)
    write_image(tmp_path / f"x{ext}", image)
    back = read_image(tmp_path / f"x{ext}")
    assert back.dtype == np.uint16 and np.array_equal(back, image)


def test_jpeg_reads_as_rgb_close_to_the_original(tmp_path):
    image = np.zeros((16, 16, 3), np.uint8)
    image[..., 0] = 200  # red: a BGR/RGB mix-up would show in channel 2
    write_image(tmp_path / "x.jpg", image)
    back = read_image(tmp_path / "x.jpg")
    assert back.shape == (16, 16, 3) and abs(int(back[8, 8, 0]) - 200) < 4 and back[8, 8, 2] < 4


@pytest.mark.parametrize(("orientation", "expected"), [
    (1, lambda a: a), (3, lambda a: a[::-1, ::-1]), (6, lambda a: np.rot90(a, -1)),
    (8, lambda a: np.rot90(a, 1)), (2, lambda a: a[:, ::-1])])
def test_exif_orientation_is_applied(tmp_path, orientation, expected):
    from PIL import Image

    image = np.zeros((8, 16, 3), np.uint8)
    image[:4, :8] = 255  # a white top-left quadrant shows where the corner went
    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    Image.fromarray(image).save(buf, format="JPEG", quality=100, exif=exif.tobytes())
    (tmp_path / "x.jpg").write_bytes(buf.getvalue())
    back = read_image(tmp_path / "x.jpg")
    want = expected(image)
    assert back.shape == want.shape
    assert np.abs(back.astype(int) - want).mean() < 8


@pytest.mark.parametrize("content", [b"", b"not an image at all", b"\x89PNG\r\n\x1a\n\x00"])
def test_unreadable_files_raise_an_error_naming_the_path(tmp_path, content):
    path = tmp_path / "bad.png"
    path.write_bytes(content)
    with pytest.raises(ImageReadError, match="bad.png"):
        read_image(path)
    with pytest.raises(ImageReadError, match="missing.png"):
        read_image(tmp_path / "missing.png")


def test_atomic_write_leaves_nothing_behind_when_it_fails(tmp_path):
    target = tmp_path / "sub" / "out.bin"
    write_bytes_atomic(target, b"one")
    with pytest.raises(TypeError):
        write_bytes_atomic(target, object())  # type: ignore[arg-type]
    assert target.read_bytes() == b"one"
    assert [p.name for p in target.parent.iterdir()] == ["out.bin"]


def test_temp_files_are_found_and_removed_and_never_listed_as_images(tmp_path):
    write_image(tmp_path / "a.png", np.zeros((2, 2), np.uint8))
    stale = tmp_path / f".b.png{TEMP_MARK}123"
    stale.write_bytes(b"half")
    assert [p.name for p in list_images(tmp_path)] == ["a.png"]
    assert remove_temp_files(tmp_path) == 1 and not stale.exists()
