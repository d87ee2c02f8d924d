"""Fixtures for content tests: a real video made with ffmpeg, probed by ffprobe."""

import shutil
import subprocess
from pathlib import Path

import pytest


def _ffmpeg() -> str:
    path = shutil.which("ffmpeg")
    if path is None:
        pytest.fail("ffmpeg is not installed: run `make test-deps` (Debian's ffmpeg package).")
    return path


@pytest.fixture(scope="session")
def sample_video(tmp_path_factory) -> Path:
    """Return the path of a 3-second 320x180 MP4 with sound."""
    out = tmp_path_factory.mktemp("video") / "sample.mp4"
    subprocess.run(
        [
            _ffmpeg(),
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=duration=3:size=320x180:rate=10",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=3",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-shortest",
            str(out),
        ],
        check=True,
    )
    return out


@pytest.fixture(scope="session")
def sample_captions(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("captions") / "sample.vtt"
    out.write_text("WEBVTT\n\n00:00.000 --> 00:02.500\nThe tide comes in over the quay.\n")
    return out
