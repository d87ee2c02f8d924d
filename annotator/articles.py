"""Read article files: a JSON object with id, headline, standfirst, byline and body.

The body is a list of paragraphs or one HTML string. HTML is reduced to the text of its
paragraph-level elements (p, headings, list items, quotes, table cells); figure captions,
scripts and styles are skipped, since a caption describes a picture rather than the story.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path

from annotator.model import Article

_BLOCKS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "pre",
        "figure",
        "main",
        "aside",
    }
)
_SKIPPED = frozenset({"figcaption", "script", "style", "template", "noscript", "head", "title"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "col"})


class ArticleError(ValueError):
    """An article file or object cannot be read; the message says which and why."""


class _ParagraphParser(HTMLParser):
    """Collect the text of block elements, one paragraph per block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._buffer: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping.append(tag)
        elif tag in _BLOCKS:
            self._flush()
        elif tag == "br" and not self._skipping:
            self._buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            if tag in self._skipping:
                while self._skipping and self._skipping.pop() != tag:
                    pass
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer = []
        if text:
            self.paragraphs.append(text)


def paragraphs_from_html(html: str) -> tuple[str, ...]:
    """Return the text of each paragraph-level element of an HTML fragment, in order."""
    parser = _ParagraphParser()
    parser.feed(html)
    parser.close()
    return tuple(parser.paragraphs)


def body_paragraphs(body: object) -> tuple[str, ...]:
    """Return the paragraphs of a body given as a list of strings or as one string.

    A string with markup is read as HTML; plain text is split at blank lines.
    Raises ArticleError for anything else.
    """
    if isinstance(body, str):
        if "<" in body:
            return paragraphs_from_html(body)
        blocks = (" ".join(block.split()) for block in body.replace("\r\n", "\n").split("\n\n"))
        return tuple(block for block in blocks if block)
    if isinstance(body, list | tuple):
        paragraphs: list[str] = []
        for index, paragraph in enumerate(body):
            if not isinstance(paragraph, str):
                raise ArticleError(
                    f"body paragraph {index} is a {type(paragraph).__name__}, not a string"
                )
            paragraphs.append(paragraph)
        return tuple(paragraphs)
    raise ArticleError(f"body is a {type(body).__name__}; expected a list of paragraphs or HTML")


def article_from_mapping(data: Mapping[str, object]) -> Article:
    """Return the Article described by a decoded JSON object.

    Raises ArticleError when the id is missing or a field has the wrong type.
    """
    article_id = data.get("id")
    if not isinstance(article_id, str) or not article_id.strip():
        raise ArticleError('the article has no "id" string')
    texts: dict[str, str] = {}
    for name in ("headline", "standfirst", "byline"):
        value = data.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise ArticleError(
                f'article {article_id}: "{name}" is a {type(value).__name__}, not a string'
            )
        texts[name] = value
    try:
        body = body_paragraphs(data.get("body", []) or [])
    except ArticleError as error:
        raise ArticleError(f"article {article_id}: {error}") from None
    return Article(
        id=article_id,
        headline=texts["headline"],
        standfirst=texts["standfirst"],
        byline=texts["byline"],
        body=body,
    )


def load_article(path: str | Path) -> tuple[Article, ...]:
    """Read one article file: a JSON object, or a list of them.

    Raises ArticleError naming the file when it cannot be read or an article is malformed.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ArticleError(f"{path}: not a JSON file ({error})") from None
    items = data if isinstance(data, list) else [data]
    articles: list[Article] = []
    for item in items:
        if not isinstance(item, dict):
            raise ArticleError(f"{path}: expected an article object, found {type(item).__name__}")
        try:
            articles.append(article_from_mapping(item))
        except ArticleError as error:
            raise ArticleError(f"{path}: {error}") from None
    return tuple(articles)
