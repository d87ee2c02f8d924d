"""Read the gold set: the vocabulary, the labelled articles of each split and the ambiguity suite.

Layout of a gold folder (the packaged one is ``annotator/eval/gold``)::

    vocabulary.csv     the vocabulary the articles are labelled against
    dev/*.json         article files, one object each
    test/*.json
    labels.jsonl       {"article": id, "about": [uri, ...], "mentions": [uri, ...]}
    ambiguity.jsonl    {"id": ..., "split": "dev" | "test", "article": {...},
                        "surface": "Washington", "expected": uri | null}

Every problem is reported as a GoldError naming the file (and line) at fault.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.articles import ArticleError, article_from_mapping, load_article
from annotator.model import Article
from annotator.vocabulary import Vocabulary, VocabularyError, load_vocabulary

GOLD_DIR = Path(__file__).resolve().parent / "gold"
"""The gold set shipped with the annotator."""
SPLITS: tuple[str, ...] = ("dev", "test")
MAX_ABOUT = 4
"""An article is about at most this many concepts."""

_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "al"}
)
_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "\u0131": "i", "æ": "ae", "œ": "oe", "ß": "ss"}
)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


class GoldError(ValueError):
    """The gold set cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldArticle:
    """An article of one split with the concepts a person labelled it with."""

    article: Article
    split: str
    about: frozenset[str]
    mentions: frozenset[str]

    @property
    def concepts(self) -> frozenset[str]:
        """Return every labelled concept, about and mentions together."""
        return self.about | self.mentions


@dataclass(frozen=True, slots=True, kw_only=True)
class AmbiguityCase:
    """A short article built around one surface form that several concepts share.

    ``expected`` is the sense the text settles on, or None when it settles on none of them.
    """

    id: str
    article: Article
    surface: str
    expected: str | None
    split: str = "dev"


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldSet:
    """Everything in one gold folder."""

    vocabulary: Vocabulary
    articles: tuple[GoldArticle, ...]
    cases: tuple[AmbiguityCase, ...]

    def split(self, name: str) -> tuple[GoldArticle, ...]:
        """Return the articles of one split ("dev" or "test"), or all of them for "all"."""
        if name == "all":
            return self.articles
        if name not in SPLITS:
            raise GoldError(f'unknown split "{name}"; expected dev, test or all')
        return tuple(gold for gold in self.articles if gold.split == name)

    def cases_of(self, name: str) -> tuple[AmbiguityCase, ...]:
        """Return the ambiguity cases of one split ("dev" or "test"), or all of them for "all"."""
        if name == "all":
            return self.cases
        if name not in SPLITS:
            raise GoldError(f'unknown split "{name}"; expected dev, test or all')
        return tuple(case for case in self.cases if case.split == name)


def fold(text: str) -> str:
    """Return text as compared by the harness: no case, no diacritics, plain quotes and spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES).casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.translate(_LETTERS).replace("-", " ").split())


def contains_words(text: str, words: str) -> bool:
    """Return whether the folded words occur in the folded text as whole words."""
    needle = fold(words)
    if not needle:
        return False
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", fold(text)) is not None


def surname(pref_label: str) -> str:
    """Return the family name news copy uses alone: the last word, or from a particle on.

    "Ursula von der Leyen" gives "von der Leyen"; "Keir Starmer" gives "Starmer".
    """
    words = pref_label.split()
    for position, word in enumerate(words[1:], start=1):
        if word in _PARTICLES:
            return " ".join(words[position:])
    return words[-1] if words else ""


def candidate_senses(vocabulary: Vocabulary, surface: str) -> frozenset[str]:
    """Return the URIs of every concept a surface form can name.

    A concept is a candidate when one of its labels, or for a person the surname, folds to
    the same text as the surface ("Kiev" and "Kyiv", "Erdogan" and "Erdoğan" compare equal).
    """
    wanted = fold(surface)
    senses: set[str] = set()
    for concept in vocabulary.concepts:
        forms = [fold(label) for label in concept.labels]
        if concept.type == "person":
            forms.append(fold(surname(concept.pref_label)))
        if wanted in forms:
            senses.add(concept.uri)
    return frozenset(senses)


def load_gold(directory: str | Path = GOLD_DIR) -> GoldSet:
    """Read and check a gold folder.

    Raises GoldError when a file is missing or malformed, a label names a URI the vocabulary
    lacks, an article has no label line (or a label line no article), an article is about
    more than MAX_ABOUT concepts or lists one concept as both about and mentions, an article
    id appears twice, or an ambiguity case has no split (dev or test) or expects a sense its
    surface cannot name.
    """
    root = Path(directory)
    try:
        vocabulary = load_vocabulary(root / "vocabulary.csv")
    except VocabularyError as error:
        raise GoldError(str(error)) from None
    articles = _load_articles(root)
    labels = _load_labels(root / "labels.jsonl", vocabulary)
    missing = sorted(set(articles) - set(labels))
    if missing:
        raise GoldError(
            f"{root / 'labels.jsonl'}: no label line for article(s) {', '.join(missing)}"
        )
    unknown = sorted(set(labels) - set(articles))
    if unknown:
        raise GoldError(
            f"{root / 'labels.jsonl'}: label line(s) for unknown article(s) {', '.join(unknown)}"
        )
    golds = tuple(
        GoldArticle(article=article, split=split, about=labels[key][0], mentions=labels[key][1])
        for key, (split, article) in sorted(articles.items())
    )
    cases = _load_cases(root / "ambiguity.jsonl", vocabulary)
    return GoldSet(vocabulary=vocabulary, articles=golds, cases=cases)


def _load_articles(root: Path) -> dict[str, tuple[str, Article]]:
    """Return article id to (split, article) for every article file of every split."""
    found: dict[str, tuple[str, Article]] = {}
    where: dict[str, Path] = {}
    for split in SPLITS:
        folder = root / split
        if not folder.is_dir():
            raise GoldError(f"{folder}: no such folder; every split needs one")
        for path in sorted(folder.glob("*.json")):
            try:
                loaded = load_article(path)
            except ArticleError as error:
                raise GoldError(str(error)) from None
            if len(loaded) != 1:
                raise GoldError(f"{path}: holds {len(loaded)} articles; expected exactly one")
            article = loaded[0]
            if article.id in found:
                raise GoldError(
                    f"{path}: article id {article.id} is also used by {where[article.id]}"
                )
            found[article.id] = (split, article)
            where[article.id] = path
    return found


def _json_lines(path: Path) -> Iterator[tuple[int, dict[str, object]]]:
    """Yield (line number, object) for every non-blank line of a JSON-lines file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise GoldError(f"{path}: no such file") from None
    except UnicodeDecodeError as error:
        raise GoldError(f"{path}: not UTF-8 text ({error.reason})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{path}, line {number}: not JSON ({error.msg})") from None
        if not isinstance(value, dict):
            raise GoldError(f"{path}, line {number}: expected an object")
        yield number, value


def _uri_list(value: object, *, where: str, name: str, vocabulary: Vocabulary) -> frozenset[str]:
    """Return a list of known URIs as a set; raise GoldError for anything else."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise GoldError(f'{where}: "{name}" must be a list of URIs')
    uris = [item for item in value if isinstance(item, str)]
    if len(set(uris)) != len(uris):
        raise GoldError(f'{where}: "{name}" lists a URI twice')
    strangers = [uri for uri in uris if uri not in vocabulary]
    if strangers:
        raise GoldError(f'{where}: "{name}" names {", ".join(strangers)}, not in the vocabulary')
    return frozenset(uris)


def _load_labels(
    path: Path, vocabulary: Vocabulary
) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Return article id to (about, mentions) from labels.jsonl."""
    labels: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for number, row in _json_lines(path):
        where = f"{path}, line {number}"
        article_id = row.get("article")
        if not isinstance(article_id, str) or not article_id:
            raise GoldError(f'{where}: no "article" id')
        if article_id in labels:
            raise GoldError(f"{where}: article {article_id} is labelled twice")
        about = _uri_list(row.get("about"), where=where, name="about", vocabulary=vocabulary)
        mentions = _uri_list(
            row.get("mentions"), where=where, name="mentions", vocabulary=vocabulary
        )
        if not about:
            raise GoldError(f"{where}: article {article_id} is about nothing")
        if len(about) > MAX_ABOUT:
            raise GoldError(
                f"{where}: article {article_id} is about {len(about)} concepts; at most {MAX_ABOUT}"
            )
        both = sorted(about & mentions)
        if both:
            raise GoldError(f"{where}: {', '.join(both)} listed as both about and mentions")
        labels[article_id] = (about, mentions)
    return labels


def _load_cases(path: Path, vocabulary: Vocabulary) -> tuple[AmbiguityCase, ...]:
    """Return the ambiguity cases of ambiguity.jsonl, checked against the vocabulary."""
    cases: list[AmbiguityCase] = []
    seen: set[str] = set()
    for number, row in _json_lines(path):
        where = f"{path}, line {number}"
        case_id, surface, expected = row.get("id"), row.get("surface"), row.get("expected")
        if not isinstance(case_id, str) or not case_id:
            raise GoldError(f'{where}: no "id"')
        if case_id in seen:
            raise GoldError(f"{where}: case id {case_id} is used twice")
        seen.add(case_id)
        split = row.get("split")
        if split not in SPLITS:
            raise GoldError(f'{where}: "split" must be one of {", ".join(SPLITS)}')
        if not isinstance(surface, str) or not surface.strip():
            raise GoldError(f'{where}: no "surface"')
        if expected is not None and not isinstance(expected, str):
            raise GoldError(f'{where}: "expected" must be a URI or null')
        raw = row.get("article")
        if not isinstance(raw, dict):
            raise GoldError(f'{where}: "article" must be an article object')
        try:
            article = article_from_mapping(raw)
        except ArticleError as error:
            raise GoldError(f"{where}: {error}") from None
        if expected is not None and expected not in candidate_senses(vocabulary, surface):
            raise GoldError(f'{where}: {expected} is no sense of "{surface}" in the vocabulary')
        texts = (article.headline, article.standfirst, *article.body)
        if not any(contains_words(text, surface) for text in texts):
            raise GoldError(f'{where}: the article never says "{surface}"')
        cases.append(
            AmbiguityCase(
                id=case_id, article=article, surface=surface, expected=expected, split=str(split)
            )
        )
    return tuple(cases)
