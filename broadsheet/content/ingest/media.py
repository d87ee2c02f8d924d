"""Turn an association's rendition into a stored image or video, and undo it if the item fails.

A rendition's ``href`` is a path relative to the JSON file (it must stay inside that folder) or
an http(s) URL fetched through the guarded fetcher. Images are decoded in full with Pillow
before they are stored; a video goes through ``Video.full_clean``, which reads its duration
with ffprobe. Stored files get generated names. ``MediaImporter.discard`` deletes every file it
wrote, for an item whose transaction rolled back.
"""

from __future__ import annotations

import hashlib
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.storage import Storage
from django.core.files.uploadedfile import UploadedFile
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from broadsheet.content.models import BroadsheetImage, Video
from broadsheet.core.fetch import FetchError, fetch

from .ninjs import Association, NinjsError, Rendition

Fetcher = Callable[[str, BinaryIO], object]
"""``fetcher(url, into)`` writes the body of ``url`` to ``into`` or raises FetchError."""

PILLOW_FORMATS = {
    "JPEG": "jpg",
    "MPO": "jpg",
    "PNG": "png",
    "GIF": "gif",
    "WEBP": "webp",
    "AVIF": "avif",
}
VIDEO_TYPES = {"video/mp4": ".mp4", "video/webm": ".webm"}
VIDEO_SUFFIX_ALIASES = {".m4v": ".mp4"}
CAPTION_MAX_CHARS = 500
CREDIT_MAX_CHARS = 200
ALT_TEXT_MAX_CHARS = 400
TITLE_MAX_CHARS = 255

Media = BroadsheetImage | Video


class MediaImporter:
    """Create the images and videos of one item; remember every stored file until it succeeds."""

    def __init__(self, *, base_dir: Path | None, fetcher: Fetcher = fetch) -> None:
        self.base_dir = base_dir.resolve() if base_dir is not None else None
        self.fetcher = fetcher
        self.stored: list[tuple[Storage, str]] = []
        self._made: dict[str, Media] = {}
        self._scratch = tempfile.TemporaryDirectory(prefix="broadsheet-ninjs-")

    def close(self) -> None:
        """Remove downloaded copies; stored files stay."""
        self._scratch.cleanup()

    def discard(self) -> None:
        """Delete every file stored so far: the item failed and its rows were rolled back."""
        for storage, name in self.stored:
            storage.delete(name)
        self.stored.clear()
        self._made.clear()

    def media_for(self, association: Association, *, require_alt_text: bool) -> Media:
        """Return the image or video for ``association``, made once however often it is placed.

        Raises NinjsError naming the association or rendition when the file is missing,
        unreadable, too large or of the wrong kind, or when an image needed for publishing has
        no alt text.
        """
        made = self._made.get(association.key)
        if made is None:
            if association.kind == "video":
                made = self._video(association, require_alt_text=require_alt_text)
            else:
                made = self._image(
                    association,
                    association.media_rendition(),
                    require_alt_text=require_alt_text,
                )
            self._made[association.key] = made
        return made

    # -- images --

    def _image(
        self, association: Association, rendition: Rendition | None, *, require_alt_text: bool
    ) -> BroadsheetImage:
        field = association.field
        if rendition is None:
            raise NinjsError(field, "has no picture rendition with an href to import.")
        caption = _limited(association.caption, CAPTION_MAX_CHARS, f"{field} (caption)")
        credit = _limited(association.credit, CREDIT_MAX_CHARS, f"{field} (credit)")
        alt_text = _limited(association.alt_text, ALT_TEXT_MAX_CHARS, f"{field} (alt text)")
        if require_alt_text and not alt_text:
            raise NinjsError(
                field,
                "the picture has no alt text, caption or description; "
                "an image needs alt text before the article can be published.",
            )
        where = f"{field}.renditions.{rendition.name}"
        path = self._local_copy(rendition, where)
        max_bytes = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
        if path.stat().st_size > max_bytes:
            raise NinjsError(where, f"the picture is larger than {max_bytes // (1024 * 1024)} MB.")
        suffix = _check_image(path, where)
        digest = _sha1(path)
        existing = BroadsheetImage.objects.filter(
            file_hash=digest, caption=caption, credit=credit, alt_text=alt_text
        ).first()
        if existing is not None:
            return existing
        title = association.title or caption or association.key
        image = BroadsheetImage(
            title=title[:TITLE_MAX_CHARS],
            alt_text=alt_text,
            caption=caption,
            credit=credit,
            file_hash=digest,
            file_size=path.stat().st_size,
        )
        with path.open("rb") as handle:
            image.file = ImageFile(handle, name=f"ninjs-{secrets.token_hex(8)}.{suffix}")
            image.save()
        self.stored.append((image.file.storage, str(image.file.name)))
        return image

    # -- video --

    def _video(self, association: Association, *, require_alt_text: bool) -> Video:
        field = association.field
        rendition = association.media_rendition()
        if rendition is None:
            raise NinjsError(field, "has no MP4 or WebM rendition with an href to import.")
        where = f"{field}.renditions.{rendition.name}"
        suffix = VIDEO_SUFFIX_ALIASES.get(rendition.suffix, rendition.suffix)
        if suffix not in VIDEO_TYPES.values():
            suffix = VIDEO_TYPES.get(rendition.content_type, "")
        if not suffix:
            raise NinjsError(where, "a video must be an MP4 or WebM file.")
        poster_rendition = association.poster_rendition()
        poster = (
            self._image(association, poster_rendition, require_alt_text=require_alt_text)
            if poster_rendition is not None
            else None
        )
        path = self._local_copy(rendition, where)
        title = association.title or association.caption or association.key
        with path.open("rb") as handle:
            upload = UploadedFile(
                file=handle,
                name=f"ninjs-{secrets.token_hex(8)}{suffix}",
                content_type=rendition.content_type or "video/mp4",
                size=path.stat().st_size,
            )
            video = Video(
                title=title[:TITLE_MAX_CHARS],
                file=upload,
                caption=association.caption,
                credit=association.credit,
                poster=poster,
            )
            try:
                video.full_clean()  # reads the duration and frame size with ffprobe
            except ValidationError as error:
                raise NinjsError(where, _validation_message(error)) from error
            video.save()
        self.stored.append((video.file.storage, str(video.file.name)))
        return video

    # -- files --

    def _local_copy(self, rendition: Rendition, field: str) -> Path:
        """Return a local path holding the rendition: the file itself, or a downloaded copy."""
        href = rendition.href
        scheme = urlsplit(href).scheme.lower()
        if scheme in {"http", "https"}:
            target = Path(self._scratch.name) / f"{secrets.token_hex(8)}{rendition.suffix[:8]}"
            try:
                with target.open("wb") as into:
                    self.fetcher(href, into)
            except FetchError as error:
                raise NinjsError(f"{field}.href", str(error)) from error
            return target
        if scheme:
            raise NinjsError(
                f"{field}.href",
                f'"{href[:80]}" is neither a path next to the JSON file nor an http(s) URL.',
            )
        if self.base_dir is None:
            raise NinjsError(f"{field}.href", "a relative path needs the folder of the JSON file.")
        relative = unquote(urlsplit(href).path)
        if "\x00" in relative or relative.startswith(("/", "\\")):
            raise NinjsError(f"{field}.href", f'"{href[:80]}" must be a relative path.')
        path = (self.base_dir / relative).resolve()
        if not path.is_relative_to(self.base_dir):
            raise NinjsError(
                f"{field}.href", f'"{href[:80]}" points outside the folder of the JSON file.'
            )
        if not path.is_file():
            raise NinjsError(f"{field}.href", f'the file "{href[:80]}" does not exist.')
        return path


def _check_image(path: Path, field: str) -> str:
    """Decode the whole picture; return the file suffix for its format."""
    try:
        with PILImage.open(path) as picture:
            width, height = picture.size
            if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                raise NinjsError(
                    field,
                    f"the picture is {width} by {height} pixels; "
                    f"the most allowed is {settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS} pixels.",
                )
            image_format = picture.format or ""
            picture.load()
    except NinjsError:
        raise
    except UnidentifiedImageError as error:
        raise NinjsError(
            field, "this file is not a picture that can be read (JPEG, PNG, GIF or WebP)."
        ) from error
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as error:
        raise NinjsError(
            field, f"the picture cannot be decoded; the file may be damaged ({str(error)[:120]})."
        ) from error
    suffix = PILLOW_FORMATS.get(image_format)
    if suffix is None or suffix not in settings.WAGTAILIMAGES_EXTENSIONS:
        raise NinjsError(
            field,
            f"a {image_format or 'unknown'} picture cannot be used; give JPEG, PNG, GIF or WebP.",
        )
    return suffix


def _sha1(path: Path) -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _limited(value: str, max_chars: int, field: str) -> str:
    if len(value) > max_chars:
        raise NinjsError(
            field, f"is {len(value)} characters long; the most allowed is {max_chars}."
        )
    return value


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return " ".join(message for messages in error.message_dict.values() for message in messages)
    return " ".join(error.messages)
