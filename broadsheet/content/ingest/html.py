"""Turn an agency's HTML body into the closed set of body blocks; no raw HTML gets through.

- ``<p>`` becomes a paragraph, sanitised by ``clean_rich_text`` (links, bold, italic, lists
  kept); ``<ul>``/``<ol>`` become a paragraph holding the list;
- ``<h2>``/``<h3>`` become a sub-heading; an ``<h1>`` that repeats the headline is dropped;
- ``<blockquote>`` becomes a block quote, its attribution read from a ``<footer>`` or ``<cite>``;
- ``<figure data-association="KEY">`` or ``<img data-association="KEY">`` (also TT's
  ``data-assoc-ref``) places association KEY as an image or video block at that point, and so
  does a Superdesk embed, ``<!-- EMBED START Image {id: "KEY"} --> … <!-- EMBED END … -->``;
- script, style, iframe, object and the like are dropped with their content; every other tag is
  unwrapped, its text kept (``<h4>``, a ``<div>`` around paragraphs, table cells, …);
- a figure or image that names no association is dropped, with a warning.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from broadsheet.content.sanitise import clean_rich_text

SUBHEADING_MAX_CHARS = 200
QUOTE_MAX_CHARS = 2000
ATTRIBUTION_MAX_CHARS = 200


class BodyError(ValueError):
    """The body cannot be turned into blocks; the message says which part and why."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ParagraphBlock:
    html: str
    """Sanitised rich text, one ``<p>`` (or list) of it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SubheadingBlock:
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteBlock:
    quote: str
    attribution: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MediaBlock:
    key: str
    """The association placed here."""


BodyBlock = ParagraphBlock | SubheadingBlock | QuoteBlock | MediaBlock


@dataclass(frozen=True, slots=True, kw_only=True)
class ConvertedBody:
    blocks: tuple[BodyBlock, ...]
    warnings: tuple[str, ...]


# --- Superdesk embed markers ----------------------------------------------------------------

_EMBED = re.compile(
    r"<!--\s*EMBED\s+START\s+(?P<kind>[\w-]+)\s*\{\s*id:\s*\"(?P<key>[^\"]*)\"\s*\}\s*-->"
    r".*?"
    r"<!--\s*EMBED\s+END\s+(?P=kind)\b.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_EMBEDDED_MEDIA = {"image", "video", "picture", "graphic"}


def _replace_embeds(source: str, warnings: list[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        kind, key = match["kind"], match["key"]
        if kind.lower() in _EMBEDDED_MEDIA and key:
            return f'<figure data-association="{html.escape(key)}"></figure>'
        warnings.append(
            f'A Superdesk "{kind}" embed ("{key}") was left out: only images and video are carried.'
        )
        return ""

    return _EMBED.sub(replace, source)


# --- A small tree -------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}  # fmt: skip
_CLOSES_PARAGRAPH = {"address", "article", "aside", "blockquote", "div", "dl", "figure",
                     "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main",
                     "ol", "p", "pre", "section", "table", "ul"}  # fmt: skip
_DROPPED = {"applet", "audio", "button", "canvas", "head", "iframe", "map", "math", "noscript",
            "object", "picture", "script", "select", "style", "svg", "template", "textarea",
            "title", "video", "embed", "form"}  # fmt: skip
_INLINE = {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em",
           "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike",
           "strong", "sub", "sup", "time", "tt", "u", "var"}  # fmt: skip
_RENAMED = {"strong": "b", "em": "i"}
_ASCII_SPACE = re.compile(r"[ \t\r\n\f]+")


@dataclass(slots=True)
class _Element:
    tag: str
    attrs: dict[str, str]
    children: list[_Element | str] = field(default_factory=list)
    parent: _Element | None = None

    def association(self) -> str:
        if self.tag not in {"figure", "img"}:
            return ""
        key = self.attrs.get("data-association") or self.attrs.get("data-assoc-ref") or ""
        if key or self.tag == "img":
            return key.strip()
        for child in self.children:
            if isinstance(child, _Element) and child.tag == "img" and child.association():
                return child.association()
        return ""

    def places_media(self) -> bool:
        return bool(self.association()) or any(
            isinstance(child, _Element) and child.places_media() for child in self.children
        )

    def text(self, *, skip: frozenset[str] = frozenset()) -> str:
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append("\n")
            elif child.tag not in _DROPPED and child.tag not in skip:
                parts.append(child.text(skip=skip))
        return "".join(parts)

    def find(self, tags: set[str]) -> _Element | None:
        for child in self.children:
            if isinstance(child, _Element):
                if child.tag in tags:
                    return child
                found = child.find(tags)
                if found is not None:
                    return found
        return None


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#root", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_PARAGRAPH:
            self._close("p", stop_at={"blockquote", "li", "td", "th", "figure", "div"})
        element = _Element(tag, {name: value or "" for name, value in attrs}, parent=self.current)
        self.current.children.append(element)
        if tag not in _VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _Element(tag, {name: value or "" for name, value in attrs}, parent=self.current)
        self.current.children.append(element)

    def handle_endtag(self, tag: str) -> None:
        self._close(tag)

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)

    def _close(self, tag: str, stop_at: set[str] | None = None) -> None:
        node: _Element | None = self.current
        while node is not None and node is not self.root:
            if node.tag == tag:
                self.current = node.parent or self.root
                return
            if stop_at and node.tag in stop_at:
                return
            node = node.parent


# --- Blocks -------------------------------------------------------------------------------


def html_to_blocks(source: str, *, headline: str = "") -> ConvertedBody:
    """Return the body blocks of the HTML ``source`` and warnings about what was left out.

    Raises BodyError when a sub-heading or quote is longer than its block allows.
    """
    warnings: list[str] = []
    builder = _TreeBuilder()
    builder.feed(_replace_embeds(source, warnings))
    builder.close()
    converter = _Converter(headline=headline, warnings=warnings)
    converter.walk(builder.root)
    converter.flush()
    return ConvertedBody(blocks=tuple(converter.blocks), warnings=tuple(warnings))


def text_to_blocks(source: str) -> ConvertedBody:
    """Return one paragraph block per non-empty line of plain text."""
    blocks: tuple[BodyBlock, ...] = tuple(
        ParagraphBlock(html=clean_rich_text(f"<p>{html.escape(line.strip(), quote=False)}</p>"))
        for line in source.splitlines()
        if line.strip()
    )
    return ConvertedBody(blocks=blocks, warnings=())


def plain_text(source: str) -> str:
    """Return ``source`` without tags, entities decoded and whitespace collapsed."""
    builder = _TreeBuilder()
    builder.feed(source)
    builder.close()
    return " ".join(builder.root.text().split())


class _Converter:
    def __init__(self, *, headline: str, warnings: list[str]) -> None:
        self.headline = " ".join(headline.split()).casefold()
        self.warnings = warnings
        self.blocks: list[BodyBlock] = []
        self.inline: list[str] = []

    def walk(self, parent: _Element) -> None:
        for child in parent.children:
            if isinstance(child, str):
                self.inline.append(_escape_text(child))
                continue
            tag = child.tag
            if tag in _DROPPED:
                continue
            if tag in {"figure", "img"}:
                self.media(child)
            elif tag == "p" and not child.places_media():
                self.flush()
                self.paragraph(_serialise_children(child))
            elif tag in {"h2", "h3"}:
                self.flush()
                self.subheading(child)
            elif tag == "h1" and " ".join(child.text().split()).casefold() == self.headline:
                self.flush()
            elif tag == "blockquote":
                self.flush()
                self.quote(child)
            elif tag in {"ul", "ol"} and not child.places_media():
                self.flush()
                self.paragraph(_serialise(child), wrap=False)
            elif tag in _INLINE and not child.places_media():
                self.inline.append(_serialise(child))
            else:
                self.flush()
                self.walk(child)
                self.flush()

    def flush(self) -> None:
        if self.inline:
            self.paragraph("".join(self.inline))
            self.inline = []

    def paragraph(self, inner: str, *, wrap: bool = True) -> None:
        cleaned = clean_rich_text(f"<p>{inner.strip()}</p>" if wrap else inner)
        if plain_text(cleaned):
            self.blocks.append(ParagraphBlock(html=cleaned))

    def subheading(self, element: _Element) -> None:
        text = " ".join(element.text().split())
        if not text:
            return
        if len(text) > SUBHEADING_MAX_CHARS:
            raise BodyError(
                f'the sub-heading "{text[:60]}…" is {len(text)} characters long; '
                f"the most a sub-heading may have is {SUBHEADING_MAX_CHARS}."
            )
        self.blocks.append(SubheadingBlock(text=text))

    def quote(self, element: _Element) -> None:
        credit = element.find({"footer", "cite"})
        attribution = " ".join(credit.text().split()).lstrip("-\u2013\u2014~ ") if credit else ""
        lines = [
            " ".join(line.split())
            for line in _block_text(element, skip=frozenset({"footer", "cite"})).split("\n")
        ]
        quote = "\n".join(line for line in lines if line)
        if not quote:
            return
        if len(quote) > QUOTE_MAX_CHARS:
            raise BodyError(
                f'the quote "{quote[:60]}…" is {len(quote)} characters long; '
                f"the most a block quote may have is {QUOTE_MAX_CHARS}."
            )
        if len(attribution) > ATTRIBUTION_MAX_CHARS:
            raise BodyError(
                f'the attribution "{attribution[:60]}…" is longer than {ATTRIBUTION_MAX_CHARS} characters.'
            )
        self.blocks.append(QuoteBlock(quote=quote, attribution=attribution))

    def media(self, element: _Element) -> None:
        key = element.association()
        self.flush()
        if key:
            self.blocks.append(MediaBlock(key=key))
            return
        image = element if element.tag == "img" else element.find({"img"})
        described = (image.attrs.get("src", "") if image else "") or "no source"
        self.warnings.append(
            f"A {element.tag} that names no association ({described[:80]}) was left out; "
            'mark it with data-association="KEY".'
        )


def _block_text(element: _Element, *, skip: frozenset[str]) -> str:
    """Return the text of ``element`` with a line break between its paragraphs."""
    parts: list[str] = []
    for child in element.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag == "br":
            parts.append("\n")
        elif child.tag in _DROPPED or child.tag in skip:
            continue
        elif child.tag in _INLINE:
            parts.append(child.text(skip=skip))
        else:
            parts.append("\n" + _block_text(child, skip=skip) + "\n")
    return "".join(parts)


def _escape_text(text: str) -> str:
    return html.escape(_ASCII_SPACE.sub(" ", text), quote=False)


def _serialise_children(element: _Element) -> str:
    return "".join(
        _escape_text(child) if isinstance(child, str) else _serialise(child)
        for child in element.children
    )


def _serialise(element: _Element) -> str:
    """Return the element as HTML for the sanitiser: only ``href`` survives, on links."""
    if element.tag in _DROPPED:
        return ""
    tag = _RENAMED.get(element.tag, element.tag)
    if tag == "br":
        return "<br>"
    if element.tag in _VOID:
        return ""
    attrs = ""
    if tag == "a" and element.attrs.get("href"):
        attrs = f' href="{html.escape(element.attrs["href"].strip(), quote=True)}"'
    return f"<{tag}{attrs}>{_serialise_children(element)}</{tag}>"
