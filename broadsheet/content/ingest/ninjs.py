"""Read one IPTC ninjs 2.x item into frozen dataclasses, or say which field is wrong and why.

Nothing here touches the database or the network: ``parse_item`` takes the decoded JSON and
returns a ``NinjsItem``; every problem is a ``NinjsError`` naming the ninjs field. A few ninjs
1.x spellings that Superdesk still sends are read as fallbacks: ``headline``,
``description_text``, ``body_html``, ``byline``, and associations or renditions given as an
object keyed by name instead of a list with ``name``. See docs/ninjs.md for the whole mapping.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from .bylines import BylineEntry, parse_byline
from .html import BodyBlock, BodyError, html_to_blocks, plain_text, text_to_blocks

JSON_MAX_BYTES = 20 * 1024 * 1024
HEADLINE_MAX_CHARS = 255
STANDFIRST_MAX_CHARS = 600
COPYRIGHT_MAX_CHARS = 200
URI_MAX_CHARS = 500

SOCIAL_HEADLINE_ROLES = frozenset({"social", "seo", "short"})
ALT_TEXT_ROLES = frozenset({"alt", "alttext", "alt_text", "alt-text"})
ORIGINAL_RENDITION_NAMES = frozenset({"original", "baseimage"})
LEAD_ASSOCIATION_KEYS = (
    "featuremedia",
    "featureimage",
    "featurevideo",
    "leadmedia",
    "lead",
    "main",
)
"""Association names that mark the lead picture or video, in order of preference."""

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"})
VIDEO_SUFFIXES = frozenset({".mp4", ".webm", ".m4v"})
ARTICLE_TYPES = frozenset({"text", "composite"})
REFUSED_PUBSTATUS = frozenset({"canceled", "cancelled", "withheld"})


class NinjsError(ValueError):
    """An item cannot be imported; ``field`` names the ninjs field at fault ("" for none)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True, kw_only=True)
class Rendition:
    name: str
    href: str
    content_type: str
    width: int | None
    height: int | None
    size_bytes: int | None

    @property
    def suffix(self) -> str:
        return PurePosixPath(urlsplit(self.href).path).suffix.lower()

    @property
    def is_image(self) -> bool:
        if self.content_type:
            return self.content_type.startswith("image/")
        return self.suffix in IMAGE_SUFFIXES

    @property
    def is_video(self) -> bool:
        if self.content_type:
            return self.content_type.startswith("video/")
        return self.suffix in VIDEO_SUFFIXES


@dataclass(frozen=True, slots=True, kw_only=True)
class Association:
    key: str
    kind: str
    """"picture", "video" or "other" (audio, text, a type not given and not guessable)."""
    title: str
    caption: str
    credit: str
    alt_text: str
    renditions: tuple[Rendition, ...]

    @property
    def field(self) -> str:
        return f"associations.{self.key}"

    def media_rendition(self) -> Rendition | None:
        """Return the rendition to import: the largest "original"/"baseImage" one, else the largest."""
        usable = [
            r for r in self.renditions if (r.is_video if self.kind == "video" else r.is_image)
        ]
        originals = [r for r in usable if r.name.lower() in ORIGINAL_RENDITION_NAMES]
        return _largest(originals or usable)

    def poster_rendition(self) -> Rendition | None:
        """Return the largest picture rendition of a video association, for its poster."""
        if self.kind != "video":
            return None
        return _largest([r for r in self.renditions if r.is_image])


def _largest(renditions: list[Rendition]) -> Rendition | None:
    if not renditions:
        return None
    return max(renditions, key=lambda r: ((r.width or 0) * (r.height or 0), r.size_bytes or 0))


TAG_FIELDS = {
    "subjects": "topic",
    "people": "person",
    "organisations": "organisation",
    "places": "location",
}
"""ninjs fields carrying the sender's tags, and the concept type each one names."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WireTag:
    """A concept the sender tagged the item with."""

    field: str
    type: str
    name: str
    uri: str
    is_about: bool
    """The sender says the item is about it (``rel`` ends in "about"); else a mention."""
    is_major_mention: bool = False
    """``rel`` ends in "majorMentions" (as Broadsheet's own exports say): more than an aside."""


@dataclass(frozen=True, slots=True, kw_only=True)
class NinjsItem:
    uri: str
    headline: str
    social_headline: str
    standfirst: str
    body: tuple[BodyBlock, ...]
    byline: tuple[BylineEntry, ...]
    first_created_at: datetime | None
    version_created_at: datetime | None
    embargoed_until: datetime | None
    copyright_holder: str
    associations: tuple[Association, ...]
    lead_key: str
    """The association shown as lead media; "" for none."""
    warnings: tuple[str, ...]
    tags: tuple[WireTag, ...] = ()

    def association(self, key: str) -> Association:
        """Return the association named ``key``; raise NinjsError when there is none."""
        found = next((a for a in self.associations if a.key == key), None)
        if found is None:
            raise NinjsError("associations", f'there is no association named "{key}".')
        return found


def load_ninjs_file(path: Path) -> object:
    """Return the decoded JSON of the file at ``path``.

    Raises NinjsError when the file is missing, too large, not UTF-8 or not valid JSON.
    """
    try:
        size = path.stat().st_size
        if size > JSON_MAX_BYTES:
            raise NinjsError(
                "", f"the file is {size} bytes; a ninjs file may have {JSON_MAX_BYTES} at most."
            )
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise NinjsError("", "the file does not exist.") from error
    except IsADirectoryError as error:
        raise NinjsError("", "this is a folder, not a file.") from error
    except OSError as error:
        raise NinjsError("", f"the file cannot be read ({error.strerror}).") from error
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise NinjsError("", "the file is not UTF-8 text.") from error
    except json.JSONDecodeError as error:
        raise NinjsError(
            "", f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from error


def parse_item(data: object) -> NinjsItem:
    """Return the article in the decoded ninjs ``data``; raise NinjsError naming a bad field."""
    if not isinstance(data, dict):
        raise NinjsError("", f"expected one ninjs object, got {_kind(data)}.")
    item_type = _string(data, "type")
    if item_type and item_type not in ARTICLE_TYPES:
        raise NinjsError("type", f'a "{item_type}" item is not an article; only text is imported.')
    pubstatus = _string(data, "pubstatus").lower()
    if pubstatus in REFUSED_PUBSTATUS:
        raise NinjsError("pubstatus", f'the item is "{pubstatus}"; it must not be published.')
    uri = _string(data, "uri", max_chars=URI_MAX_CHARS)
    if not uri:
        raise NinjsError("uri", "missing: every ninjs item needs a uri, which identifies it.")
    headline, social_headline = _headlines(data)
    standfirst = _standfirst(data)
    first_created_at = _datetime(data, "firstcreated")
    associations = _associations(data)
    body, warnings = _body(data, headline=headline)
    keys = {a.key for a in associations}
    for block in body:
        key = getattr(block, "key", None)
        if key is not None and key not in keys:
            raise NinjsError(
                "bodies", f'the body places association "{key}", which the item does not have.'
            )
    placed = {getattr(block, "key", None) for block in body}
    lead_key = _lead_key(associations, placed)
    for association in associations:
        if association.kind == "other" and association.key in placed | {lead_key}:
            raise NinjsError(
                association.field, "is neither a picture nor a video, so it cannot be shown."
            )
    return NinjsItem(
        uri=uri,
        headline=headline,
        social_headline=social_headline,
        standfirst=standfirst,
        body=body,
        byline=_byline(data),
        first_created_at=first_created_at,
        version_created_at=_datetime(data, "versioncreated"),
        embargoed_until=_datetime(data, "embargoed"),
        copyright_holder=_copyright_holder(data),
        associations=associations,
        lead_key=lead_key,
        warnings=warnings,
        tags=_tags(data),
    )


def _tags(data: Mapping[str, Any]) -> tuple[WireTag, ...]:
    """Return the sender's tags from subjects, people, organisations and places."""
    tags: list[WireTag] = []
    for name, concept_type in TAG_FIELDS.items():
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, list):
            raise NinjsError(name, f"expected a list, got {_kind(value)}.")
        for index, entry in enumerate(value):
            field = f"{name}[{index}]"
            if not isinstance(entry, dict):
                raise NinjsError(field, f"expected an object, got {_kind(entry)}.")
            label = _string(entry, "name", field=f"{field}.name", max_chars=200) or _string(
                entry, "literal", field=f"{field}.literal", max_chars=200
            )
            uri = _string(entry, "uri", field=f"{field}.uri", max_chars=300)
            if not label and not uri:
                raise NinjsError(field, "a tag needs a name or a uri.")
            rel = _string(entry, "rel", field=f"{field}.rel").lower()
            rel_name = rel.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
            tags.append(
                WireTag(
                    field=field,
                    type=concept_type,
                    name=label,
                    uri=uri,
                    is_about=rel_name == "about",
                    is_major_mention=rel_name == "majormentions",
                )
            )
    return tuple(tags)


# --- Fields -------------------------------------------------------------------------------


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _string(data: Mapping[str, Any], name: str, *, field: str = "", max_chars: int = 0) -> str:
    field = field or name
    value = data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise NinjsError(field, f"expected a string, got {_kind(value)}.")
    value = value.strip()
    if max_chars and len(value) > max_chars:
        raise NinjsError(
            field, f"is {len(value)} characters long; the most allowed is {max_chars}."
        )
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class _Text:
    role: str
    value: str


def _texts(data: Mapping[str, Any], name: str, *, field: str = "") -> list[_Text]:
    """Read a ninjs 2.x list of {role, contenttype, value} objects as plain text."""
    field = field or name
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise NinjsError(
            field, f'expected a list of {{"role", "value"}} objects, got {_kind(value)}.'
        )
    texts = []
    for index, entry in enumerate(value):
        where = f"{field}[{index}]"
        if not isinstance(entry, dict):
            raise NinjsError(where, f'expected a {{"role", "value"}} object, got {_kind(entry)}.')
        text = _string(entry, "value", field=f"{where}.value")
        role = _string(entry, "role", field=f"{where}.role").lower()
        texts.append(_Text(role=role, value=plain_text(text)))
    return texts


def _headlines(data: Mapping[str, Any]) -> tuple[str, str]:
    texts = [t for t in _texts(data, "headlines") if t.value]
    main = next((t for t in texts if t.role == "main"), None)
    main = main or next((t for t in texts if t.role not in SOCIAL_HEADLINE_ROLES), None)
    headline = main.value if main else plain_text(_string(data, "headline"))
    if not headline:
        raise NinjsError("headlines", 'missing: give headlines: [{"role": "main", "value": "…"}].')
    social = next((t.value for t in texts if t.role in SOCIAL_HEADLINE_ROLES), "")
    for field, value in (("headlines", headline), ("headlines (social)", social)):
        if len(value) > HEADLINE_MAX_CHARS:
            raise NinjsError(
                field,
                f"the headline is {len(value)} characters long; "
                f"the most allowed is {HEADLINE_MAX_CHARS}.",
            )
    return headline, social


def _standfirst(data: Mapping[str, Any]) -> str:
    texts = [t for t in _texts(data, "descriptions") if t.value and t.role not in ALT_TEXT_ROLES]
    chosen = next((t for t in texts if t.role == "summary"), texts[0] if texts else None)
    standfirst = chosen.value if chosen else plain_text(_string(data, "description_text"))
    if not standfirst:
        raise NinjsError(
            "descriptions",
            'missing: the standfirst comes from descriptions: [{"role": "summary", "value": "…"}].',
        )
    if len(standfirst) > STANDFIRST_MAX_CHARS:
        raise NinjsError(
            "descriptions",
            f"the summary is {len(standfirst)} characters long; "
            f"a standfirst may have {STANDFIRST_MAX_CHARS} at most.",
        )
    return standfirst


def _body(
    data: Mapping[str, Any], *, headline: str
) -> tuple[tuple[BodyBlock, ...], tuple[str, ...]]:
    bodies = data.get("bodies")
    candidates: list[tuple[str, str, str]] = []
    if bodies is not None:
        if not isinstance(bodies, list):
            raise NinjsError(
                "bodies",
                f'expected a list of {{"contenttype", "value"}} objects, got {_kind(bodies)}.',
            )
        for index, entry in enumerate(bodies):
            where = f"bodies[{index}]"
            if not isinstance(entry, dict):
                raise NinjsError(where, f"expected an object, got {_kind(entry)}.")
            content_type = _string(entry, "contenttype", field=f"{where}.contenttype").lower()
            candidates.append(
                (where, content_type, _string(entry, "value", field=f"{where}.value"))
            )
    elif data.get("body_html") is not None:
        candidates.append(("body_html", "text/html", _string(data, "body_html")))
    html_body = next((c for c in candidates if c[1] == "text/html"), None)
    text_body = next((c for c in candidates if c[1] in {"", "text/plain"}), None)
    try:
        if html_body is not None:
            converted = html_to_blocks(html_body[2], headline=headline)
        elif text_body is not None:
            converted = text_to_blocks(text_body[2])
        else:
            return (), ()
    except BodyError as error:
        where = (html_body or text_body or ("bodies",))[0]
        raise NinjsError(where, str(error)) from error
    return converted.blocks, converted.warnings


def _byline(data: Mapping[str, Any]) -> tuple[BylineEntry, ...]:
    by = _string(data, "by") or _string(data, "byline")
    return tuple(parse_byline(by))


def _datetime(data: Mapping[str, Any], name: str) -> datetime | None:
    text = _string(data, name)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise NinjsError(
            name, f'"{text[:60]}" is not an ISO 8601 date-time such as 2026-03-14T09:30:00Z.'
        ) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _copyright_holder(data: Mapping[str, Any]) -> str:
    holder = _string(data, "copyrightholder")
    if not holder:
        holder = _holder_from_notice(_string(data, "copyrightnotice"))
    if len(holder) > COPYRIGHT_MAX_CHARS:
        raise NinjsError(
            "copyrightholder",
            f"is {len(holder)} characters long; the most allowed is {COPYRIGHT_MAX_CHARS}.",
        )
    return holder


def _holder_from_notice(notice: str) -> str:
    """Return the holder named in a notice like "© 2026 Northwind Wire. All rights reserved."."""
    words = notice.replace("©", " ").replace("(c)", " ").replace("(C)", " ").split()
    while words and (
        words[0].lower().strip(".,:") in {"copyright"} or words[0].strip(".,").isdigit()
    ):
        words.pop(0)
    text = " ".join(words)
    for ending in ("all rights reserved.", "all rights reserved"):
        if text.lower().endswith(ending):
            text = text[: -len(ending)]
    return text.strip(" .,;")


# --- Associations -------------------------------------------------------------------------


def _keyed(value: object, field: str) -> list[tuple[str, dict[str, Any]]]:
    """Return (name, object) pairs from a 2.x list with "name" or a 1.x object keyed by name."""
    pairs: list[tuple[str, dict[str, Any]]] = []
    if isinstance(value, dict):
        for name, entry in value.items():
            if entry is None:
                continue
            if not isinstance(entry, dict):
                raise NinjsError(f"{field}.{name}", f"expected an object, got {_kind(entry)}.")
            pairs.append((str(name), entry))
        return pairs
    if not isinstance(value, list):
        raise NinjsError(field, f'expected a list of objects with a "name", got {_kind(value)}.')
    for index, entry in enumerate(value):
        if not isinstance(entry, dict):
            raise NinjsError(f"{field}[{index}]", f"expected an object, got {_kind(entry)}.")
        name = _string(entry, "name", field=f"{field}[{index}].name")
        pairs.append((name or str(index), entry))
    return pairs


def _associations(data: Mapping[str, Any]) -> tuple[Association, ...]:
    value = data.get("associations")
    if value is None:
        return ()
    associations: list[Association] = []
    for key, entry in _keyed(value, "associations"):
        if any(a.key == key for a in associations):
            raise NinjsError(f"associations.{key}", "two associations have this name.")
        associations.append(_association(key, entry))
    return tuple(associations)


def _association(key: str, entry: dict[str, Any]) -> Association:
    field = f"associations.{key}"
    renditions = tuple(
        _rendition(name, rendition, f"{field}.renditions.{name}")
        for name, rendition in (
            _keyed(entry["renditions"], f"{field}.renditions")
            if entry.get("renditions") is not None
            else []
        )
    )
    kind = {"picture": "picture", "graphic": "picture", "image": "picture", "video": "video"}.get(
        _string(entry, "type", field=f"{field}.type").lower(), ""
    )
    if not kind and not entry.get("type"):
        if any(r.is_video for r in renditions):
            kind = "video"
        elif any(r.is_image for r in renditions):
            kind = "picture"
    texts = _texts(entry, "descriptions", field=f"{field}.descriptions")
    headlines = [t for t in _texts(entry, "headlines", field=f"{field}.headlines") if t.value]
    title = (
        headlines[0].value
        if headlines
        else plain_text(_string(entry, "headline", field=f"{field}.headline"))
    )
    described = [t for t in texts if t.value and t.role not in ALT_TEXT_ROLES]
    caption = (
        plain_text(_string(entry, "description_text", field=f"{field}.description_text"))
        or next((t.value for t in described if t.role == "caption"), "")
        or (described[0].value if described else "")
        or title
    )
    alt_text = next((t.value for t in texts if t.value and t.role in ALT_TEXT_ROLES), "") or (
        plain_text(_string(entry, "alt_text", field=f"{field}.alt_text")) or caption
    )
    credit = ""
    for name in ("by", "byline", "creditline", "copyrightholder"):
        credit = credit or plain_text(_string(entry, name, field=f"{field}.{name}"))
    return Association(
        key=key,
        kind=kind or "other",
        title=title,
        caption=caption,
        credit=credit,
        alt_text=alt_text,
        renditions=renditions,
    )


def _rendition(name: str, entry: dict[str, Any], field: str) -> Rendition:
    href = _string(entry, "href", field=f"{field}.href")
    if not href:
        raise NinjsError(f"{field}.href", "missing: a rendition needs the href of its file.")
    content_type = (
        _string(entry, "contenttype", field=f"{field}.contenttype")
        or _string(entry, "mimetype", field=f"{field}.mimetype")
    ).lower()
    return Rendition(
        name=name,
        href=href,
        content_type=content_type.split(";", 1)[0].strip(),
        width=_count(entry, "width", field),
        height=_count(entry, "height", field),
        size_bytes=_count(entry, "sizeinbytes", field),
    )


def _count(entry: Mapping[str, Any], name: str, field: str) -> int | None:
    value = entry.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise NinjsError(f"{field}.{name}", f"expected a whole number, got {_kind(value)}.")
    return value


def _lead_key(associations: tuple[Association, ...], placed: set[str | None]) -> str:
    media = [a for a in associations if a.kind in {"picture", "video"}]
    for name in LEAD_ASSOCIATION_KEYS:
        named = next((a for a in media if a.key.lower() == name), None)
        if named is not None:
            return named.key
    unplaced = next((a for a in media if a.key not in placed), None)
    return unplaced.key if unplaced else ""
