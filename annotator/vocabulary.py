"""The vocabulary snapshot: concepts checked as a whole, and loaders for CSV and SKOS files."""

from __future__ import annotations

import csv
import gc
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from annotator.model import CONCEPT_TYPES, Concept

CSV_COLUMNS: tuple[str, ...] = (
    "uri",
    "type",
    "pref_label",
    "alt_labels",
    "hidden_labels",
    "broader",
    "related",
    "context",
    "exclude",
    "keywords",
    "requires",
    "case_sensitive",
    "description",
)
"""The columns a vocabulary CSV may have; the first three are required."""

_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_WHITE_SPACE = re.compile(r"\s")
"""The characters str.isspace() calls white space: both ask Py_UNICODE_ISSPACE."""
REQUIRED_CSV_COLUMNS: tuple[str, ...] = ("uri", "type", "pref_label")
SKOS_SUFFIXES: Mapping[str, str] = MappingProxyType(
    {".ttl": "turtle", ".rdf": "xml", ".xml": "xml", ".owl": "xml", ".nt": "nt"}
)
"""File suffixes read as SKOS, and the rdflib parser each one uses."""


class VocabularyError(ValueError):
    """A vocabulary cannot be used; the message names the file line, subject or concept."""

    def __init__(self, message: str, *, uri: str | None = None) -> None:
        super().__init__(message)
        self.uri = uri


@dataclass(frozen=True, slots=True, kw_only=True)
class Vocabulary:
    """A checked, immutable set of concepts with their relations looked up both ways.

    Raises VocabularyError for an unknown type, an empty URI or label, a duplicate URI, a
    broader, related or required URI that is not in the vocabulary, keywords or requirements
    on a concept that is no topic or story, and a cycle of broader links.
    """

    concepts: tuple[Concept, ...]
    by_uri: Mapping[str, Concept] = field(init=False, repr=False, compare=False)
    narrower: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    """URI to the URIs of the concepts that name it as broader."""
    related_to: Mapping[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    """URI to the URIs related to it in either direction."""
    ancestors: Mapping[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    """URI to every URI reachable through broader links."""

    def __post_init__(self) -> None:
        with collector_paused():
            self._check_and_link()

    def _check_and_link(self) -> None:
        """Check every concept and fill in the lookups (by URI, narrower, related, ancestors)."""
        concepts = tuple(self.concepts)
        by_uri: dict[str, Concept] = {}
        for concept in concepts:
            _check_concept(concept)
            if concept.uri in by_uri:
                raise VocabularyError(
                    f"the URI {concept.uri} is used by more than one concept", uri=concept.uri
                )
            by_uri[concept.uri] = concept
        narrower: dict[str, list[str]] = {}
        related_to: dict[str, set[str]] = {}
        for concept in concepts:
            for name, targets in (
                ("broader", concept.broader),
                ("related", concept.related),
                ("requires", concept.requires),
            ):
                for target in targets:
                    if target not in by_uri:
                        raise VocabularyError(
                            f"{concept.uri} names {target} in {name}, but no concept has that URI",
                            uri=concept.uri,
                        )
                    if target == concept.uri:
                        raise VocabularyError(
                            f"{concept.uri} names itself in {name}", uri=concept.uri
                        )
            for target in concept.broader:
                narrower.setdefault(target, []).append(concept.uri)
            for target in concept.related:
                related_to.setdefault(concept.uri, set()).add(target)
                related_to.setdefault(target, set()).add(concept.uri)
        unrelated: frozenset[str] = frozenset()
        object.__setattr__(self, "concepts", concepts)
        object.__setattr__(self, "by_uri", MappingProxyType(by_uri))
        object.__setattr__(
            self,
            "narrower",
            MappingProxyType({uri: tuple(sorted(uris)) for uri, uris in narrower.items()}),
        )
        object.__setattr__(
            self,
            "related_to",
            MappingProxyType(
                {
                    uri: frozenset(related_to[uri]) if uri in related_to else unrelated
                    for uri in by_uri
                }
            ),
        )
        object.__setattr__(self, "ancestors", MappingProxyType(_ancestors(by_uri)))

    def __len__(self) -> int:
        return len(self.concepts)

    def __contains__(self, uri: object) -> bool:
        return uri in self.by_uri

    def __getitem__(self, uri: str) -> Concept:
        return self.by_uri[uri]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a vocabulary or index builds its tables.

    A build allocates millions of objects and makes no reference cycles; with the collector
    on, its passes walk everything allocated so far again and again, a quarter of the time.
    At the end one collection of the young generations walks the new objects once and moves
    them to the oldest generation; left young, they would make the first collections after
    the build (in the first articles annotated) walk them all.

    The collector is one per process: another thread's build that starts meanwhile finds it
    paused and leaves it as it found it, and a collector the caller had turned off stays off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.collect(1)
            gc.enable()


def _check_concept(concept: Concept) -> None:
    """Raise VocabularyError when one concept is malformed on its own."""
    if not concept.uri.strip():
        raise VocabularyError("a concept has an empty URI")
    if concept.uri != concept.uri.strip() or _WHITE_SPACE.search(concept.uri):
        raise VocabularyError(f'the URI "{concept.uri}" contains white space', uri=concept.uri)
    if concept.type not in CONCEPT_TYPES:
        raise VocabularyError(
            f'{concept.uri} has the unknown type "{concept.type}" '
            f"(expected one of {', '.join(CONCEPT_TYPES)})",
            uri=concept.uri,
        )
    if not concept.pref_label.strip():
        raise VocabularyError(f"{concept.uri} has no preferred label", uri=concept.uri)
    for label in concept.labels:
        if _LETTER_OR_DIGIT.search(label) is None:
            raise VocabularyError(
                f'{concept.uri} has the label "{label}", which has no letter or digit',
                uri=concept.uri,
            )
    if concept.type not in ("topic", "story") and (concept.keywords or concept.requires):
        raise VocabularyError(
            f"{concept.uri} is a {concept.type}: only topics and stories take keywords "
            "and requires",
            uri=concept.uri,
        )


def _ancestors(by_uri: Mapping[str, Concept]) -> dict[str, frozenset[str]]:
    """Return every concept's transitive broader set; raise VocabularyError on a cycle."""
    done: dict[str, frozenset[str]] = {}
    empty: frozenset[str] = frozenset()
    for root in sorted(by_uri):
        if root in done:
            continue
        if not by_uri[root].broader:
            done[root] = empty  # a root of the hierarchy: no walk, and no cycle through it
            continue
        # Iterative depth-first walk: deep broader chains must not hit the recursion limit.
        path: list[str] = []
        on_path: set[str] = set()
        stack: list[tuple[str, bool]] = [(root, False)]
        while stack:
            uri, leaving = stack.pop()
            if leaving:
                path.pop()
                on_path.discard(uri)
                result: set[str] = set()
                for parent in by_uri[uri].broader:
                    result.add(parent)
                    result |= done[parent]
                done[uri] = frozenset(result)
                continue
            if uri in done:
                continue
            if uri in on_path:
                cycle = [*path[path.index(uri) :], uri]
                raise VocabularyError("broader links form a cycle: " + " -> ".join(cycle), uri=uri)
            path.append(uri)
            on_path.add(uri)
            stack.append((uri, True))
            stack.extend((parent, False) for parent in reversed(by_uri[uri].broader))
    return done


def load_vocabulary(path: str | Path) -> Vocabulary:
    """Read a vocabulary from a CSV file or a SKOS file (Turtle, RDF/XML, N-Triples).

    Raises VocabularyError naming the file and the line (CSV) or subject (SKOS) at fault.
    """
    path = Path(path)
    if not path.is_file():
        raise VocabularyError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _load_csv(path)
    if suffix in SKOS_SUFFIXES:
        from annotator.skos import load_skos

        return load_skos(path, rdf_format=SKOS_SUFFIXES[suffix])
    raise VocabularyError(
        f"{path}: unknown vocabulary format {suffix or '(no suffix)'}; "
        f"use .csv or one of {', '.join(SKOS_SUFFIXES)}"
    )


def _load_csv(path: Path) -> Vocabulary:
    """Read the CSV vocabulary format documented in CSV_COLUMNS."""
    lines: dict[str, int] = {}
    concepts: list[Concept] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                raise VocabularyError(f"{path}: the file is empty; expected a header row")
            columns = [name.strip() for name in header]
            _check_header(path, columns)
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(columns):
                    raise VocabularyError(
                        f"{path}, line {line}: {len(row)} cells, but the header has {len(columns)}"
                    )
                cells = dict(zip(columns, row, strict=True))
                try:
                    concept = _concept_from_cells(cells)
                    _check_concept(concept)
                except VocabularyError as error:
                    raise VocabularyError(f"{path}, line {line}: {error}") from None
                if concept.uri in lines:
                    raise VocabularyError(
                        f"{path}, line {line}: the URI {concept.uri} was already used on "
                        f"line {lines[concept.uri]}"
                    )
                lines[concept.uri] = line
                concepts.append(concept)
    except UnicodeDecodeError as error:
        raise VocabularyError(f"{path}: not UTF-8 text ({error.reason})") from None
    except csv.Error as error:
        raise VocabularyError(f"{path}: not valid CSV ({error})") from None
    try:
        return Vocabulary(concepts=tuple(concepts))
    except VocabularyError as error:
        where = f", line {lines[error.uri]}" if error.uri in lines else ""
        raise VocabularyError(f"{path}{where}: {error}", uri=error.uri) from None


def _check_header(path: Path, columns: list[str]) -> None:
    """Raise VocabularyError for missing, unknown or repeated columns."""
    missing = [name for name in REQUIRED_CSV_COLUMNS if name not in columns]
    if missing:
        raise VocabularyError(f"{path}, line 1: missing column(s) {', '.join(missing)}")
    unknown = [name for name in columns if name not in CSV_COLUMNS]
    if unknown:
        raise VocabularyError(
            f"{path}, line 1: unknown column(s) {', '.join(unknown)} "
            f"(expected {', '.join(CSV_COLUMNS)})"
        )
    repeated = sorted({name for name in columns if columns.count(name) > 1})
    if repeated:
        raise VocabularyError(f"{path}, line 1: repeated column(s) {', '.join(repeated)}")


def _concept_from_cells(cells: Mapping[str, str]) -> Concept:
    """Build one concept from a CSV row; list cells are |-separated."""
    concept_type = cells["type"].strip()
    if concept_type not in CONCEPT_TYPES:
        raise VocabularyError(
            f'unknown type "{concept_type}" (expected one of {", ".join(CONCEPT_TYPES)})'
        )
    case_cell = cells.get("case_sensitive", "").strip().lower()
    if case_cell not in ("", "true", "false"):
        raise VocabularyError(
            f'case_sensitive is "{cells["case_sensitive"]}"; expected true, false or empty'
        )
    return Concept(
        uri=cells["uri"].strip(),
        type=concept_type,
        pref_label=cells["pref_label"].strip(),
        alt_labels=split_list(cells.get("alt_labels", "")),
        hidden_labels=split_list(cells.get("hidden_labels", "")),
        broader=split_list(cells.get("broader", "")),
        related=split_list(cells.get("related", "")),
        context=split_list(cells.get("context", "")),
        exclude=split_list(cells.get("exclude", "")),
        keywords=split_list(cells.get("keywords", "")),
        requires=split_list(cells.get("requires", "")),
        case_sensitive=None if case_cell == "" else case_cell == "true",
        description=cells.get("description", "").strip(),
    )


def split_list(cell: str) -> tuple[str, ...]:
    """Return the non-empty items of a |-separated cell, in order, without repeats."""
    return _unique(item.strip() for item in cell.split("|"))


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    """Return the non-empty items once each, first occurrence first."""
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return tuple(seen)
