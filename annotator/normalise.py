"""Normalise text for matching and map every normalised position back to the original text.

Normalising applies Unicode compatibility decomposition (NFKD, so the composed result equals
NFKC's for matching), drops the diacritics of Latin, Greek and Cyrillic letters (Erdoğan reads
as erdogan; the vowel signs of other scripts are kept), case-folds, unifies typographic quotes
and apostrophes, reads hyphens and dashes as spaces, removes invisible characters (soft hyphens,
zero-width spaces) and collapses every run of white space to one space.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",
    "\u02bb": "'",
    "\u00b4": "'",
    "\uff07": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\uff02": '"',
}
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Letters NFKD leaves whole although readers treat them as a plain Latin letter or two.
_LETTERS = {
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "Ð": "D",
    "ħ": "h",
    "Ħ": "H",
    "\u0131": "i",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "þ": "th",
    "Þ": "TH",
    "ß": "ss",
}

_ASCII_SPACES = ("\t", "\n", "\r", "\f", "\v", "\x1c", "\x1d", "\x1e", "\x1f")
# Typographic characters with a one-character ASCII form: replaced up front, offsets unchanged.
_ONE_FOR_ONE = (
    *((quote, plain) for quote, plain in _QUOTES.items()),
    *((dash, " ") for dash in _DASHES if dash != "-"),
    ("\u00a0", " "),
    ("\u2009", " "),
    ("\u202f", " "),
    ("\u2002", " "),
    ("\u2003", " "),
    ("\u3000", " "),
    ("\u0085", " "),
    ("\u2028", " "),
    ("\u2029", " "),
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_SPACE_RUN = re.compile(r" {2,}")


def _is_foldable_base(char: str) -> bool:
    """Return whether diacritics on this base letter may be dropped (Latin, Greek, Cyrillic)."""
    code = ord(char)
    return code < 0x0530 or 0x1E00 <= code <= 0x1FFF


@lru_cache(maxsize=8192)
def _fold_char(char: str, casefold: bool) -> str:
    """Return the normalised form of one non-ASCII character ("" when it disappears)."""
    if char in _INVISIBLE:
        return ""
    if char in _DASHES or char.isspace():
        return " "
    quote = _QUOTES.get(char)
    if quote is not None:
        return quote
    letter = _LETTERS.get(char)
    if letter is not None:
        return letter.lower() if casefold else letter
    decomposed = unicodedata.normalize("NFKD", char)
    if decomposed and _is_foldable_base(decomposed[0]):
        decomposed = "".join(c for c in decomposed if not unicodedata.combining(c))
    if casefold:
        decomposed = decomposed.casefold()
    return "".join(_fold_simple(c) for c in decomposed)


def _fold_simple(char: str) -> str:
    """Return the typographic replacement of a character produced by decomposition."""
    if char in _DASHES or char.isspace():
        return " "
    return _QUOTES.get(char, char)


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A normalised string and the way back to the original one."""

    text: str
    original: str
    offsets: list[int] | None
    """Original index of each normalised character; None when the two strings align exactly."""

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original span of the normalised span [start, end).

        The end grows over combining marks that normalising dropped, so a match on "jose"
        in a decomposed "José" covers the accent too.
        """
        if self.offsets is None:
            return start, end
        original_start = self.offsets[start]
        original_end = self.offsets[end - 1] + 1
        while original_end < len(self.original) and unicodedata.combining(
            self.original[original_end]
        ):
            original_end += 1
        return original_start, original_end


def normalise(text: str, *, casefold: bool = True) -> NormalisedText:
    """Return the normalised form of ``text`` with its offset map."""
    # Chained str.replace runs in C; each replacement keeps one character for one.
    plain = text.replace("-", " ").replace("`", "'")
    for space in _ASCII_SPACES:
        if space in plain:
            plain = plain.replace(space, " ")
    if not plain.isascii():
        for typographic, replacement in _ONE_FOR_ONE:
            if typographic in plain:
                plain = plain.replace(typographic, replacement)
    if plain.isascii():
        if "  " not in plain:
            return NormalisedText(plain.lower() if casefold else plain, text, None)
        pieces: list[str] = []
        offsets: list[int] = []
        _append_ascii(pieces, offsets, plain, 0, len(plain), casefold, False)
        return NormalisedText("".join(pieces), text, offsets)
    pieces = []
    offsets = []
    last_is_space = False
    position = 0
    for found in _NON_ASCII.finditer(plain):
        if found.start() > position:
            last_is_space = _append_ascii(
                pieces, offsets, plain, position, found.start(), casefold, last_is_space
            )
        last_is_space = _append_folded(
            pieces, offsets, text, found.start(), found.end(), casefold, last_is_space
        )
        position = found.end()
    if position < len(plain):
        _append_ascii(pieces, offsets, plain, position, len(plain), casefold, last_is_space)
    return NormalisedText("".join(pieces), text, offsets)


_SEPARATOR = "\x00"
"""Joins the texts ``normalise_all`` normalises together: normalising keeps it as it is."""
_BATCH = 2048
_SEPARATOR_BEFORE_NON_ASCII = re.compile("\x00[^\x00-\x7f]")


def normalise_all(texts: Sequence[str], *, casefold: bool = True) -> list[str]:
    """Return ``normalise(text, casefold=casefold).text`` of every text, in order.

    Builds normalise hundreds of thousands of short labels: joined by NUL into batches, they
    take one call each instead of one per label. Normalising works character by character,
    but for two things that look back one character: runs of spaces, which NUL breaks, and
    a combining mark, dropped after a Latin, Greek or Cyrillic letter (NUL is one) but kept
    at the start of a text. A batch with a NUL of its own or a text opening with a combining
    mark is normalised text by text.
    """
    result: list[str] = []
    for begin in range(0, len(texts), _BATCH):
        chunk = texts[begin : begin + _BATCH]
        joined = _SEPARATOR.join(chunk)
        if joined.count(_SEPARATOR) != len(chunk) - 1 or any(
            unicodedata.combining(found.group()[1])
            for found in _SEPARATOR_BEFORE_NON_ASCII.finditer(joined)
        ):
            result.extend(normalise(text, casefold=casefold).text for text in chunk)
        else:
            result.extend(normalise(joined, casefold=casefold).text.split(_SEPARATOR))
    return result


def _append_ascii(
    pieces: list[str],
    offsets: list[int],
    plain: str,
    start: int,
    end: int,
    casefold: bool,
    last_is_space: bool,
) -> bool:
    """Append an ASCII run, collapsing runs of spaces, and return whether it ends in a space."""
    if last_is_space and plain[start] == " ":
        start += 1
        if start == end:
            return True
    run = plain[start:end]
    if "  " in run:
        position = start
        for found in _SPACE_RUN.finditer(plain, start, end):
            # Keep the first space of the run, drop the rest.
            _append_plain(pieces, offsets, plain, position, found.start() + 1, casefold)
            position = found.end()
        _append_plain(pieces, offsets, plain, position, end, casefold)
    else:
        _append_plain(pieces, offsets, plain, start, end, casefold)
    return plain[end - 1] == " "


def _append_plain(
    pieces: list[str], offsets: list[int], plain: str, start: int, end: int, casefold: bool
) -> None:
    """Append an ASCII run with no double spaces."""
    if start < end:
        run = plain[start:end]
        pieces.append(run.lower() if casefold else run)
        offsets.extend(range(start, end))


def _append_folded(
    pieces: list[str],
    offsets: list[int],
    text: str,
    start: int,
    end: int,
    casefold: bool,
    last_is_space: bool,
) -> bool:
    """Append a run of non-ASCII characters one by one and return whether it ends in a space."""
    for index in range(start, end):
        char = text[index]
        if unicodedata.combining(char) and index > 0 and _is_foldable_base(text[index - 1]):
            continue
        folded = _fold_char(char, casefold)
        for out in folded:
            if out == " ":
                if last_is_space:
                    continue
                last_is_space = True
            else:
                last_is_space = False
            pieces.append(out)
            offsets.append(index)
    return last_is_space


def is_word_char(char: str) -> bool:
    """Return whether a normalised character belongs to a word."""
    return char.isalnum() or char == "_"


def starts_word(text: str, start: int) -> bool:
    """Return whether a match may begin at ``start`` of normalised text.

    An apostrophe inside a word (o'brien) joins the word, so "brien" does not begin one.
    """
    if start == 0:
        return True
    before = text[start - 1]
    if is_word_char(before):
        return False
    return not (before == "'" and start >= 2 and is_word_char(text[start - 2]))


def ends_word(text: str, end: int) -> bool:
    """Return whether a match may end just before ``end`` of normalised text.

    A possessive ('s or a bare trailing apostrophe) ends a word; "ma'ariv" does not end at "ma".
    """
    if end >= len(text):
        return True
    after = text[end]
    if after == "'":
        if end + 1 == len(text) or not is_word_char(text[end + 1]):
            return True
        return text[end + 1] == "s" and (end + 2 == len(text) or not is_word_char(text[end + 2]))
    return not is_word_char(after)
