"""Hostile pipeline files and images: bounded memory and time, clear refusals, no loss.

Bombs run in a subprocess under ``RLIMIT_AS`` so that a regression fails the test
instead of taking the machine's memory.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap

import pytest

import augkit
from augkit import serialization
from augkit.errors import SerializationError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs resource.setrlimit")

LIMIT = 1 << 30  # 1 GiB of address space for the child


def _run_limited(code: str, timeout: float = 30) -> subprocess.CompletedProcess:
    """Run *code* in a child Python whose address space is capped at LIMIT."""
    prelude = textwrap.dedent(f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT}))
    """)
    return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=timeout)


def _alias_bomb() -> str:
    """386 bytes that expand to 9**9 (387 M) strings once the aliases are followed."""
    items = ['&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi"):
        items.append(f"&{cur} [" + ",".join(["*" + prev] * 9) + "]")
    return "augmenter: Fliplr\nargs:\n  p: [" + ",\n    ".join(items) + "]\n"


def test_yaml_alias_bomb_is_refused_before_anything_is_built(tmp_path):
    # before the fix: 77 s and 3.7 GB, then MemoryError; after: 0.05 s, 37 MB
    path = tmp_path / "bomb.yaml"
    path.write_text(_alias_bomb())
    result = _run_limited(f"""
        import augkit
        from augkit.errors import SerializationError
        try:
            augkit.load({str(path)!r})
        except SerializationError as exc:
            print("refused:", exc)
    """, timeout=20)
    assert result.returncode == 0, result.stderr
    assert "refused:" in result.stdout
    assert str(path) in result.stdout and "alias" in result.stdout


def test_yaml_alias_bomb_is_refused_by_the_pipeline_option(tmp_path):
    from augkit.app.pipeline import PipelineError, load_pipeline

    path = tmp_path / "bomb.yaml"
    path.write_text(_alias_bomb())
    with pytest.raises(PipelineError, match="alias") as info:
        load_pipeline(path)
    assert str(info.value).startswith(f"{path}: ")


def test_a_few_aliases_still_load(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("augmenter: Sequential\nargs:\n  children:\n"
                    "  - &flip {augmenter: Fliplr, args: {p: 0.5}, seed: 1}\n"
                    "  - *flip\n")
    aug = augkit.load(path)
    assert len(aug.get_arguments()["children"]) == 2


def test_save_replaces_the_file_in_one_step(tmp_path):
    path = tmp_path / "p.yaml"
    augkit.save(augkit.get("Fliplr", p=0.5, seed=1), path)
    augkit.save(augkit.get("Fliplr", p=0.25, seed=1), path)
    assert augkit.load(path).get_arguments()["p"] == 0.25
    assert os.listdir(tmp_path) == ["p.yaml"]


def test_save_on_a_full_disk_keeps_the_old_file_and_leaves_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "p.yaml"
    augkit.save(augkit.get("Fliplr", p=0.5, seed=1), path)
    before = path.read_bytes()
    os.chmod(path, 0o640)

    real_fdopen = os.fdopen

    class _Full:
        def __init__(self, fh):
            self._fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._fh.close()

        def write(self, text):
            self._fh.write(text[:4096])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(serialization.os, "fdopen", lambda *a, **k: _Full(real_fdopen(*a, **k)))
    with pytest.raises(OSError) as info:
        augkit.save(augkit.get("Affine", rotate=(-45, 45), seed=1), path)
    assert info.value.errno == errno.ENOSPC
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["p.yaml"]
    monkeypatch.undo()
    augkit.save(augkit.get("Fliplr", p=0.75, seed=1), path)
    assert os.stat(path).st_mode & 0o777 == 0o640  # the file keeps its mode


def test_serialization_error_is_raised_for_a_bomb_in_process(tmp_path):
    path = tmp_path / "bomb.yml"
    path.write_text(_alias_bomb())
    with pytest.raises(SerializationError, match=r"more than \d+ values"):
        augkit.load(path)


def test_json_in_a_pipeline_file_is_reported_as_json_with_its_line(tmp_path):
    from augkit.app.pipeline import PipelineError, load_pipeline

    bad = '{\n  "augmenter": "Fliplr",\n  "args": {"p": [1,\n 2,,]}\n}\n'
    for name in ("p.json", "p.yaml"):
        path = tmp_path / name
        path.write_text(bad)
        with pytest.raises(PipelineError) as info:
            load_pipeline(path)
        assert str(info.value) == f"{path}: not valid JSON: line 4 column 4: Expecting value"


def test_a_valid_json_document_in_a_yaml_file_still_loads(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text('{"augmenter": "Fliplr", "args": {"p": 0.5}, "seed": 1}')
    assert augkit.load(path).get_arguments()["p"] == 0.5


def test_a_file_that_is_not_utf8_is_one_line_naming_the_file_and_the_byte(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"augmenter: Fliplr\n# caf\xe9\n")
    with pytest.raises(SerializationError) as info:
        augkit.load(path)
    assert str(info.value) == (f"{path}: not UTF-8 text: byte 0xe9 at offset 23 "
                               "(save the file as UTF-8)")


def test_a_refused_argument_is_located_at_the_argument(tmp_path):
    from augkit.app.pipeline import PipelineError, load_pipeline

    path = tmp_path / "p.yaml"
    path.write_text("augmenter: Sequential\nargs:\n  children:\n  - {augmenter: Fliplr}\n"
                    "  - augmenter: Affine\n    args:\n      rotate: abc\n")
    with pytest.raises(PipelineError) as info:
        load_pipeline(path)
    assert str(info.value).startswith(f"{path}, line 7 (children[1].rotate): ")
    assert "'abc'" in str(info.value)


def _png_bomb(width: int, height: int) -> bytes:
    """A PNG of width x height black RGB pixels in a few MB: one row's deflate block
    (full flush) repeated; the Adler-32 of n zero bytes is ``(n % 65521) << 16 | 1``."""
    import struct
    import zlib

    row = bytes(1 + 3 * width)
    comp = zlib.compressobj(9)
    first = comp.compress(row) + comp.flush(zlib.Z_FULL_FLUSH)
    mid = comp.compress(row) + comp.flush(zlib.Z_FULL_FLUSH)
    tail = b"\x03\x00" + struct.pack(">I", ((len(row) * height % 65521) << 16) | 1)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", first + mid * (height - 1) + tail) + chunk(b"IEND", b""))


def test_png_bomb_is_refused_from_its_header_under_a_memory_limit(tmp_path):
    # 30000x30000 RGB (3.2 MB file) before the fix: decoded, 5.2 GB peak; after: 36 MB
    from augkit.app.datasets import images_io

    path = tmp_path / "bomb.png"
    path.write_bytes(_png_bomb(20000, 20000))  # 1.2 GB once decoded
    result = _run_limited(f"""
        from augkit.app.datasets.images_io import ImageReadError, read_image
        try:
            read_image({str(path)!r})
        except ImageReadError as exc:
            print("refused:", exc)
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"refused: {path}: 20000x20000 = 400000000 pixels is over the limit of "
        f"{images_io.DEFAULT_MAX_PIXELS} (max_pixels; --max-pixels on the command line)")


def test_max_pixels_applies_to_formats_read_through_pillow_and_none_lifts_it(tmp_path):
    import numpy as np
    from PIL import Image

    from augkit.app.datasets.images_io import ImageReadError, read_image

    path = tmp_path / "a.jpg"
    Image.fromarray(np.zeros((100, 80, 3), np.uint8)).save(path)
    with pytest.raises(ImageReadError, match=r"80x100 = 8000 pixels is over the limit of 7999"):
        read_image(path, max_pixels=7999)
    assert read_image(path, max_pixels=8000).shape == (100, 80, 3)
    assert read_image(path, max_pixels=None).shape == (100, 80, 3)


def test_a_32_bit_integer_tiff_is_a_clear_read_error(tmp_path):
    import numpy as np
    from PIL import Image

    from augkit.app.datasets.images_io import ImageReadError, read_image

    path = tmp_path / "i32.tif"
    Image.fromarray(np.arange(12, dtype=np.int32).reshape(3, 4) * 100000).save(path)
    with pytest.raises(ImageReadError, match=r"i32\.tif: 32-bit integer pixels are not supported"):
        read_image(path)
