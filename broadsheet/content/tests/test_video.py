from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from broadsheet.content.media import VideoProbeError, format_duration, iso_duration, probe_video
from broadsheet.content.models import Video


@pytest.mark.parametrize(
    ("seconds", "label", "iso"),
    [
        (0.4, "00:00", "PT0S"),
        (53.2, "00:53", "PT53S"),
        (59.6, "01:00", "PT1M"),
        (724, "12:04", "PT12M4S"),
        (3723, "1:02:03", "PT1H2M3S"),
    ],
)
def test_duration_labels(seconds, label, iso):
    assert format_duration(seconds) == label
    assert iso_duration(seconds) == iso


def test_probe_reads_duration_and_size_from_the_file(sample_video):
    probe = probe_video(sample_video)
    assert probe.duration_seconds == pytest.approx(3.0, abs=0.1)
    assert (probe.width, probe.height) == (320, 180)


def test_probe_refuses_a_file_that_is_not_a_video(tmp_path):
    fake = tmp_path / "fake.mp4"
    fake.write_text("<html><script>alert(1)</script></html>")
    with pytest.raises(VideoProbeError, match="could not be read as a video"):
        probe_video(fake)


def test_probe_refuses_a_truncated_video(sample_video, tmp_path):
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(Path(sample_video).read_bytes()[:600])
    with pytest.raises(VideoProbeError):
        probe_video(broken)


def test_probe_says_what_to_install_when_ffprobe_is_missing(sample_video, settings):
    settings.BROADSHEET_FFPROBE = "/nonexistent/ffprobe"
    with pytest.raises(VideoProbeError, match="install Debian's ffmpeg"):
        probe_video(sample_video)


@pytest.mark.django_db
def test_saving_a_video_reads_its_duration(sample_video, sample_captions):
    video = Video(
        title="Tide at the quay",
        file=SimpleUploadedFile("tide.mp4", Path(sample_video).read_bytes(), "video/mp4"),
        captions=SimpleUploadedFile("tide.vtt", Path(sample_captions).read_bytes(), "text/vtt"),
        caption="The tide comes in",
        credit="Meridian Post/Video desk",
    )
    video.full_clean()
    video.save()
    video.refresh_from_db()
    assert video.duration_seconds == pytest.approx(3.0, abs=0.1)
    assert video.duration_label == "00:03"
    assert (video.width, video.height) == (320, 180)
    assert video.file.name.startswith("video/")
    assert "tide" not in video.file.name


@pytest.mark.django_db
def test_a_corrupt_video_is_refused_with_a_form_error():
    video = Video(
        title="Broken", file=SimpleUploadedFile("broken.mp4", b"\x00\x01 not a video", "video/mp4")
    )
    with pytest.raises(ValidationError) as refused:
        video.full_clean()
    assert "could not be read as a video" in " ".join(refused.value.message_dict["file"])
    assert Video.objects.count() == 0


@pytest.mark.django_db
def test_captions_must_be_webvtt(sample_video):
    video = Video(
        title="Bad captions",
        file=SimpleUploadedFile("ok.mp4", Path(sample_video).read_bytes(), "video/mp4"),
        captions=SimpleUploadedFile(
            "bad.vtt", b"1\n00:00:01,000 --> 00:00:02,000\nSRT\n", "text/vtt"
        ),
    )
    with pytest.raises(ValidationError) as refused:
        video.full_clean()
    assert refused.value.message_dict["captions"] == [
        "This is not a WebVTT file: it must begin with WEBVTT."
    ]


@pytest.mark.django_db
def test_a_video_needs_a_file_or_a_stream_but_not_both(sample_video):
    neither = Video(title="Nothing")
    with pytest.raises(ValidationError, match="either a video file or an HLS stream"):
        neither.full_clean()
    stream = Video(title="Stream", hls_url="http://cdn.example.org/live.m3u8")
    with pytest.raises(ValidationError) as refused:
        stream.full_clean()
    assert refused.value.message_dict["hls_url"] == ["The stream must be served over https."]
