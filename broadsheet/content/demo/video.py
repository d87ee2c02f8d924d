"""Make the demo's video clips with ffmpeg: a slow pan across a drawn scene, with WebVTT captions."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

from .pictures import draw_scene
from .schema import ClipSpec

FRAME_SIZE = (640, 360)
FRAME_RATE = 25


class FfmpegMissing(RuntimeError):
    """ffmpeg is not installed, so the demo cannot make its video."""


class ClipFailed(RuntimeError):
    """ffmpeg ran but could not make the clip."""


def find_ffmpeg(command: str = "ffmpeg") -> str:
    """Return the path of ffmpeg, or raise FfmpegMissing saying how to install it."""
    path = shutil.which(command)
    if path is None:
        raise FfmpegMissing(
            f"ffmpeg was not found (looked for {command!r}), and the demo needs it to make its "
            "video: install Debian's ffmpeg: apt-get install ffmpeg"
        )
    return path


def _pan_geometry() -> tuple[tuple[int, int], tuple[int, int], int, int]:
    """Return the drawn scene's size, the pan window's size, its travel and its top edge."""
    width, height = FRAME_SIZE
    # Draw twice the frame size and pan a window of 1.6 frames across it, scaled down.
    scene_size = (width * 2, height * 2)
    window = (round(width * 1.6), round(height * 1.6))
    return scene_size, window, scene_size[0] - window[0], (scene_size[1] - window[1]) // 2


def _scene(clip: ClipSpec) -> Image.Image:
    scene_size, _window, _travel, _top = _pan_geometry()
    return draw_scene(clip.scene, palette=clip.palette, seed=clip.key, size=scene_size)


def make_clip(clip: ClipSpec, *, seconds: float, ffmpeg: str) -> bytes:
    """Return an H.264/AAC MP4 of ``seconds``: a slow pan across the clip's scene over wind noise.

    Small on purpose (a few hundred KB for a minute): 640x360, constant quality 30, mono audio.
    Raises ClipFailed with ffmpeg's last error line when encoding fails.
    """
    width, height = FRAME_SIZE
    _scene_size, (window_w, window_h), travel, top = _pan_geometry()
    with tempfile.TemporaryDirectory(prefix="broadsheet-demo-clip-") as folder:
        still = Path(folder) / "scene.png"
        output = Path(folder) / "clip.mp4"
        _scene(clip).save(still)
        video_filter = (
            f"[0:v]loop=loop=-1:size=1:start=0,setpts=N/{FRAME_RATE}/TB,"
            f"crop=w={window_w}:h={window_h}:x='{travel}*t/{seconds}':y={top},"
            f"scale={width}:{height},format=yuv420p[v]"
        )
        command = [
            ffmpeg,
            "-nostdin",
            "-y",
            "-v",
            "error",
            "-i",
            str(still),
            "-f",
            "lavfi",
            "-i",
            "anoisesrc=color=brown:amplitude=0.04:sample_rate=22050",
            "-filter_complex",
            video_filter,
            "-map",
            "[v]",
            "-map",
            "1:a",
            "-t",
            f"{seconds:.3f}",
            "-r",
            str(FRAME_RATE),
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            "-crf",
            "30",
            "-c:a",
            "aac",
            "-b:a",
            "24k",
            "-ac",
            "1",
            "-movflags",
            "+faststart",
            str(output),
        ]
        try:
            completed = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
                command, capture_output=True, text=True, timeout=300, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ClipFailed(f"ffmpeg could not make the clip {clip.key!r}: {error}") from error
        if completed.returncode != 0 or not output.exists():
            reason = (completed.stderr.strip().splitlines() or ["no error output"])[-1]
            raise ClipFailed(f"ffmpeg could not make the clip {clip.key!r}: {reason[:300]}")
        return output.read_bytes()


def _timestamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def webvtt(cues: tuple[str, ...], *, seconds: float) -> str:
    """Return a WebVTT file showing ``cues`` one after another, evenly across ``seconds``."""
    lines = ["WEBVTT", ""]
    span = seconds / max(1, len(cues))
    for number, text in enumerate(cues, start=1):
        start = (number - 1) * span
        end = min(seconds, number * span - 0.2)
        lines += [str(number), f"{_timestamp(start)} --> {_timestamp(end)}", text, ""]
    return "\n".join(lines)


def poster_image(clip: ClipSpec) -> Image.Image:
    """Return the clip's poster: its first frame, at 1600x900."""
    _scene_size, (window_w, window_h), _travel, top = _pan_geometry()
    first_frame = _scene(clip).crop((0, top, window_w, top + window_h))
    return first_frame.resize((1600, 900), Image.Resampling.LANCZOS)
