"""Uploads through the admin: fakes refused with a form error, names generated, pixel bombs refused.

Every refusal is checked for what it leaves behind: no row and no file under MEDIA_ROOT.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection

from broadsheet.content.models import BroadsheetImage, Video

pytestmark = pytest.mark.django_db

VIDEO_ADD = "/admin/snippets/content/video/add/"
IMAGE_ADD = "/admin/images/add/"
WEBVTT = b"WEBVTT\n\n00:00.000 --> 00:01.000\nGulls over the breakwater.\n"


@pytest.fixture(scope="session")
def clip_bytes(tmp_path_factory) -> bytes:
    """Return a one-second 160x90 H.264 MP4 made by ffmpeg."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.fail("ffmpeg is not installed: run `make test-deps` (Debian's ffmpeg package).")
    out = tmp_path_factory.mktemp("upload-clip") / "clip.mp4"
    subprocess.run(
        [
            *(
                ffmpeg,
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=duration=1:size=160x90:rate=10",
            ),
            *("-c:v", "libx264", "-pix_fmt", "yuv420p", str(out)),
        ],
        check=True,
        timeout=120,
    )
    return out.read_bytes()


def media_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()}


def png_of(width: int, height: int) -> bytes:
    """Return a valid 1-bit greyscale PNG of the given size, compressed as it is written."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    rows_per_step = 1000
    data = b"".join(
        compressor.compress(row * min(rows_per_step, height - start))
        for start in range(0, height, rows_per_step)
    )
    data += compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def video_form(**fields) -> dict:
    return {
        "title": "Breakwater at dawn",
        "hls_url": "",
        "captions_language": "en",
        "caption": "",
        "credit": "",
        **fields,
    }


def test_an_html_file_named_mp4_is_refused_with_a_form_error(admin_client):
    before = media_files()
    fake = SimpleUploadedFile(
        "breakwater.mp4", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "video/mp4"
    )

    response = admin_client.post(VIDEO_ADD, video_form(file=fake))

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["file"]
    assert errors["file"][0].startswith("This file could not be read as a video (")
    assert errors["file"][0].endswith("Upload an MP4 or WebM file that plays.")
    assert Video.objects.count() == 0
    assert media_files() == before


def test_captions_that_are_not_webvtt_are_refused(admin_client):
    before = media_files()
    srt = SimpleUploadedFile(
        "captions.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nGulls.\n", "text/vtt"
    )

    response = admin_client.post(
        VIDEO_ADD, video_form(hls_url="https://stream.example.org/dawn.m3u8", captions=srt)
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "captions": ["This is not a WebVTT file: it must begin with WEBVTT."]
    }
    assert Video.objects.count() == 0
    assert media_files() == before


@pytest.mark.parametrize(
    "name",
    [
        "../../x.mp4",
        "..%2f..%2fx.mp4",
        "%2e%2e/%2e%2e/x.mp4",
        "/etc/passwd.mp4",
        "C:\\Windows\\x.mp4",
        "clip\x00.mp4",
        "é" * 90 + ".mp4",
    ],
)
def test_uploaded_video_names_are_generated_under_the_media_root(admin_client, clip_bytes, name):
    before = media_files()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    outside = set(media_root.parent.glob("x.mp4")) | set(media_root.parent.parent.glob("x.mp4"))

    response = admin_client.post(
        VIDEO_ADD,
        video_form(
            file=SimpleUploadedFile(name, clip_bytes, "video/mp4"),
            captions=SimpleUploadedFile(name.replace(".mp4", ".vtt"), WEBVTT, "text/vtt"),
        ),
    )

    assert response.status_code == 302, response.context["form"].errors
    video = Video.objects.get()
    stored = Path(video.file.path).resolve()
    assert stored.is_relative_to(media_root / "video")
    assert stored.name.endswith(".mp4")
    assert len(stored.stem) == 24
    assert ".." not in video.file.name
    assert Path(video.captions.path).resolve().is_relative_to(media_root / "captions")
    assert media_files() - before == {stored, Path(video.captions.path).resolve()}
    assert (
        set(media_root.parent.glob("x.mp4")) | set(media_root.parent.parent.glob("x.mp4"))
        == outside
    )
    assert video.duration_seconds == pytest.approx(1.0, abs=0.2)


def test_an_upload_whose_name_is_too_long_is_refused_and_nothing_is_written(
    admin_client, clip_bytes
):
    before = media_files()
    long_name = "é" * 300 + ".mp4"

    response = admin_client.post(
        VIDEO_ADD, video_form(file=SimpleUploadedFile(long_name, clip_bytes, "video/mp4"))
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Ensure this filename has at most 100 characters (it has 255)."
    ]
    assert Video.objects.count() == 0
    assert media_files() == before


def image_form(file: SimpleUploadedFile) -> dict:
    return {
        "title": "Harbour from the air",
        "file": file,
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
        "alt_text": "Harbour walls seen from above",
        "caption": "",
        "credit": "",
        "licence": "all-rights-reserved",
    }


@pytest.mark.parametrize(
    ("width", "height", "message"),
    [
        (
            30_000,
            30_000,
            "This file has too many pixels (unknown number). Maximum pixels 64000000.",
        ),
        (8_001, 8_001, "This file has too many pixels (64016001). Maximum pixels 64000000."),
    ],
)
def test_an_image_over_the_pixel_cap_is_refused(admin_client, width, height, message):
    before = media_files()
    upload = SimpleUploadedFile("aerial.png", png_of(width, height), "image/png")

    response = admin_client.post(IMAGE_ADD, image_form(upload))

    assert response.status_code == 200
    assert response.context["form"].errors == {"file": [message]}
    assert BroadsheetImage.objects.count() == 0
    assert media_files() == before


def test_an_image_under_the_pixel_cap_is_accepted(admin_client):
    upload = SimpleUploadedFile("aerial.png", png_of(1200, 800), "image/png")

    response = admin_client.post(IMAGE_ADD, image_form(upload))

    assert response.status_code == 302, response.context["form"].errors
    image = BroadsheetImage.objects.get()
    assert (image.width, image.height) == (1200, 800)
    assert Path(image.file.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
