"""Read facts from media files: a video's duration and size come from ffprobe, never from typing."""

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


class VideoProbeError(ValueError):
    """The file is not a video ffprobe can read."""


@dataclass(frozen=True, slots=True, kw_only=True)
class VideoProbe:
    duration_seconds: float
    width: int | None
    height: int | None
    format_name: str


def probe_video(path: Path | str) -> VideoProbe:
    """Return the duration and frame size of the video file at ``path``.

    Raises VideoProbeError with a reader-facing reason when the file is missing, corrupt, not a
    video, or has no duration.
    """
    command = [
        settings.BROADSHEET_FFPROBE,
        "-v",
        "error",
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        str(path),
    ]
    try:
        completed = subprocess.run(  # noqa: S603
            command, capture_output=True, timeout=60, check=False, text=True
        )
    except FileNotFoundError as error:
        raise VideoProbeError(
            "ffprobe is not installed on this server, so the video's duration cannot be read; "
            "install Debian's ffmpeg package."
        ) from error
    except subprocess.TimeoutExpired as error:
        raise VideoProbeError(
            "Reading the video took too long; the file may be damaged."
        ) from error
    if completed.returncode != 0:
        reason = completed.stderr.strip().splitlines()[-1:] or ["unknown error"]
        raise VideoProbeError(
            f"This file could not be read as a video ({reason[0][:200]}). "
            "Upload an MP4 or WebM file that plays."
        )
    try:
        data = json.loads(completed.stdout)
    except json.JSONDecodeError as error:
        raise VideoProbeError("ffprobe gave no readable answer for this file.") from error
    streams = [s for s in data.get("streams", []) if s.get("codec_type") == "video"]
    if not streams:
        raise VideoProbeError("This file has no video stream. Upload an MP4 or WebM video.")
    stream = streams[0]
    duration = data.get("format", {}).get("duration") or stream.get("duration")
    try:
        duration_seconds = float(duration)
    except (TypeError, ValueError) as error:
        raise VideoProbeError(
            "The video's duration could not be read; the file may be damaged."
        ) from error
    if duration_seconds <= 0:
        raise VideoProbeError("The video has no length; the file may be damaged.")
    return VideoProbe(
        duration_seconds=duration_seconds,
        width=stream.get("width"),
        height=stream.get("height"),
        format_name=str(data.get("format", {}).get("format_name", "")),
    )


def format_duration(seconds: float) -> str:
    """Return a player's duration label: "00:53", "12:04", "1:02:03"."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def iso_duration(seconds: float) -> str:
    """Return an ISO 8601 duration ("PT53S", "PT1M2S") for schema.org and datetime attributes."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    out = "PT"
    if hours:
        out += f"{hours}H"
    if minutes:
        out += f"{minutes}M"
    if secs or out == "PT":
        out += f"{secs}S"
    return out
