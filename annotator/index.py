"""The matching index built once per vocabulary: one Aho-Corasick automaton over every label.

Each normalised key (a label, a derived surname, or a context, exclude or keyword phrase) gets
an integer id. The automaton maps a key to its id; flat lists indexed by id hold the key's
length, its boundary and role flags and the label entries that name concepts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import ahocorasick

from annotator.commonwords import CALENDAR_WORDS, COMMON_WORDS
from annotator.model import Concept
from annotator.normalise import normalise, normalise_all
from annotator.vocabulary import Vocabulary, collector_paused

PREF = 0
ALT = 1
HIDDEN = 2
SURNAME = 3

CHECK_START = 1
"""Flag: the key begins with a word character, so a match must begin a word."""
CHECK_END = 2
"""Flag: the key ends with a word character, so a match must end a word."""
IS_CUE = 4
"""Flag: some concept names the key as a context, exclude or keyword phrase."""
IS_LABEL = 8
"""Flag: the key is a label or surname of at least one concept."""
HAS_CASED = 16
"""Flag: at least one label entry of the key must be checked against the original case."""
NAMES_PERSON = 32
"""Flag: the key is a label or surname of a person, so a title before it matters."""
MAY_NEED_SUPPORT = 64
"""Flag: some label entry of the key is an everyday or calendar word that may need support."""

NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "da", "das", "de", "del", "della", "der", "di", "dos", "du"}
    | {"la", "le", "van", "von", "ter", "ten", "st", "abu", "ben", "mac"}
)
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "junior", "senior"})
SLAVIC_ENDINGS = ("skyy", "skiy", "skyi", "sky")


class LabelEntry(NamedTuple):
    """One way a key names a concept."""

    concept: int
    """Index of the concept in the vocabulary's tuple."""
    kind: int
    """PREF, ALT, HIDDEN or SURNAME."""
    cased: str | None
    """The case-preserving normal form the original text must show, or None for any case."""
    is_common_word: bool
    """A capitalised everyday word (Turkey, Apple): at a sentence start it needs support."""
    is_calendar_word: bool = False
    """A month or weekday (March, Sunday): always capitalised, so it always needs support."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ConceptRules:
    """The key ids and concept indexes one concept's rules refer to."""

    context: tuple[int, ...] = ()
    exclude: tuple[int, ...] = ()
    keywords: tuple[int, ...] = ()
    requires: tuple[int, ...] = ()


NO_RULES = ConceptRules()


def key_of(text: str) -> str:
    """Return the normalised matching key of a label or phrase."""
    return normalise(text).text.strip()


def cased_form(text: str) -> str:
    """Return the normalised form of a label that keeps its case."""
    return normalise(text, casefold=False).text.strip()


def is_common_phrase(key: str) -> bool:
    """Return whether every word of a normalised key is an everyday English word."""
    if key in COMMON_WORDS:
        return True
    if " " not in key and "." not in key and "'" not in key:
        return False
    words = key.replace("'s", "").replace(".", " ").split()
    if not words or words[0] not in COMMON_WORDS:
        return False
    return all(word in COMMON_WORDS for word in words)


def surnames_of(pref_label: str) -> tuple[str, ...]:
    """Return the surname forms of a person's preferred label, longest first.

    "Ursula von der Leyen" gives ("von der Leyen", "Leyen"); "Martin Luther King Jr." gives
    ("King",); a one-word name gives nothing.
    """
    words = pref_label.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower() in NAME_SUFFIXES:
        words.pop()
    if len(words) < 2:
        return ()
    forms: list[str] = []
    for index in range(1, len(words) - 1):
        bare = words[index].lower().replace("-", "")
        if bare in NAME_PARTICLES or words[index][0].islower():
            forms.append(" ".join(words[index:]))
            break
    last = words[-1]
    if "-" in last:
        head, _, tail = last.partition("-")
        if head.lower() in NAME_PARTICLES and tail:
            forms.append(last)
            last = tail
    forms.append(last)
    return tuple(dict.fromkeys(form for form in forms if sum(c.isalnum() for c in form) >= 2))


def plurals_of(key: str) -> tuple[str, ...]:
    """Return the regular English plural of a rule phrase's last word ("college" -> "colleges")."""
    if not key[-1:].isalpha() or key.endswith("s"):
        return ()
    if key.endswith(("x", "ch", "sh")):
        return (key + "es",)
    if key.endswith("y") and key[-2:-1] not in ("a", "e", "i", "o", "u"):
        return (key[:-1] + "ies",)
    return (key + "s",)


def slavic_variants(name: str) -> tuple[str, ...]:
    """Return the other spellings of a -sky/-skyy/-skiy surname ending (Zelensky, Zelenskyy)."""
    lowered = name.lower()
    if not lowered.endswith(SLAVIC_ENDINGS):
        return ()
    for ending in SLAVIC_ENDINGS:
        if lowered.endswith(ending):
            stem = name[: -len(ending)]
            return tuple(stem + other for other in SLAVIC_ENDINGS if other != ending)
    return ()


STATE_FIELDS: tuple[str, ...] = (
    "keys",
    "flags",
    "entries",
    "_key_ids",
    "cue_alias",
    "surname_bearers",
    "surname_blocked",
    "rules",
    "keyword_owners",
    "exclude_owners",
    "required_by",
    "automaton",
    "lengths",
)
"""The attributes ``Index.state`` exports: everything built, nothing the vocabulary gives."""


class IndexStateError(ValueError):
    """A saved index state does not fit the vocabulary it is loaded for."""


class Index:
    """The automaton and tables for one vocabulary; build once and share between threads."""

    def state(self) -> dict[str, Any]:
        """Return the built tables and automaton, for ``annotator.store`` to save.

        The vocabulary is left out: whoever loads the state supplies the same vocabulary.
        """
        return {name: getattr(self, name) for name in STATE_FIELDS}

    @classmethod
    def from_state(cls, vocabulary: Vocabulary, state: Mapping[str, Any]) -> Index:
        """Return an index over ``vocabulary`` from a state ``state()`` returned for it.

        Raises IndexStateError when the state lacks a field, has a stranger, or its tables
        disagree in size with each other or with the vocabulary.
        """
        if set(state) != set(STATE_FIELDS):
            raise IndexStateError("the saved index has other fields than this engine's")
        index = cls.__new__(cls)
        index.vocabulary = vocabulary
        index.concepts = vocabulary.concepts
        index.uris = tuple(concept.uri for concept in index.concepts)
        index.position = {uri: i for i, uri in enumerate(index.uris)}
        index._neighbours = {}
        for name in STATE_FIELDS:
            setattr(index, name, state[name])
        keys = len(index.keys)
        if not (
            isinstance(index.automaton, ahocorasick.Automaton)
            and len(index.flags) == len(index.entries) == len(index.lengths) == keys
            and len(index._key_ids) == keys
            and len(index.automaton) == keys
            and len(index.rules) == len(index.concepts)
            and all(
                entry.concept < len(index.concepts) for bucket in index.entries for entry in bucket
            )
        ):
            raise IndexStateError("the saved index does not fit the vocabulary")
        return index

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.concepts: tuple[Concept, ...] = vocabulary.concepts
        self.uris: tuple[str, ...] = tuple(concept.uri for concept in self.concepts)
        self.position: dict[str, int] = {uri: i for i, uri in enumerate(self.uris)}
        self._neighbours: dict[int, frozenset[int]] = {}
        with collector_paused():
            self._build()

    def _build(self) -> None:
        """Build the keys, their tables and the automaton.

        Labels, surnames and rule phrases are normalised in batches (``normalise_all``), and
        a key's flags are set as its entries are added; keys are numbered in the order they
        first occur: labels concept by concept, then surnames, then rule phrases.
        """
        concepts = self.concepts
        keys: list[str] = []
        key_ids: dict[str, int] = {}
        flags: list[int] = []
        staged: list[list[LabelEntry]] = []
        self.keys = keys
        self._key_ids = key_ids
        self.cue_alias: dict[int, int] = {}
        """Key id of a generated plural rule phrase to the key id of the phrase as written."""

        def key_id(key: str) -> int:
            found = key_ids.get(key)
            if found is None:
                found = key_ids[key] = len(keys)
                keys.append(key)
                flags.append(0)
                staged.append([])
            return found

        # Labels: every concept's preferred, alternative and hidden labels, in that order.
        owners: list[int] = []
        kinds: list[int] = []
        labels: list[str] = []
        for index, concept in enumerate(concepts):
            for kind, group in (
                (PREF, (concept.pref_label,)),
                (ALT, concept.alt_labels),
                (HIDDEN, concept.hidden_labels),
            ):
                if not group:
                    continue
                named = self._with_variants(concept, group) if concept.type == "person" else group
                labels.extend(named)
                owners.extend([index] * len(named))
                kinds.extend([kind] * len(named))
        for index, kind, label, normal in zip(
            owners, kinds, labels, normalise_all(labels), strict=True
        ):
            key = normal.strip()
            if not key:
                continue
            kid = key_ids.get(key)
            if kid is None:
                kid = key_ids[key] = len(keys)
                keys.append(key)
                flags.append(0)
                staged.append([])
            elif any(entry.concept == index for entry in staged[kid]):
                continue
            concept = concepts[index]
            entry = self._entry(concept, index, kind, label, key)
            staged[kid].append(entry)
            flags[kid] |= (
                IS_LABEL
                | (HAS_CASED if entry.cased is not None else 0)
                | (NAMES_PERSON if concept.type == "person" else 0)
                | (MAY_NEED_SUPPORT if entry.is_common_word or entry.is_calendar_word else 0)
            )
        del owners, kinds, labels

        # Surnames come last so that "no other concept's label" can be read off the bucket.
        self.surname_bearers: dict[int, tuple[int, ...]] = {}
        self.surname_blocked: set[int] = set()
        bearers: dict[int, list[int]] = {}
        people = [index for index, concept in enumerate(concepts) if concept.type == "person"]
        own_keys = normalise_all([concepts[index].pref_label for index in people])
        surname_owners: list[int] = []
        surname_own_keys: list[str] = []
        surnames: list[str] = []
        for index, own_key in zip(people, own_keys, strict=True):
            concept = concepts[index]
            forms = surnames_of(concept.pref_label)
            if not forms:
                continue
            variants = self._with_variants(concept, forms)
            surnames.extend(variants)
            surname_owners.extend([index] * len(variants))
            surname_own_keys.extend([own_key.strip()] * len(variants))
        for index, own_key, normal, cased in zip(
            surname_owners,
            surname_own_keys,
            normalise_all(surnames),
            normalise_all(surnames, casefold=False),
            strict=True,
        ):
            key = normal.strip()
            if not key or key == own_key:
                continue
            kid = key_id(key)
            bucket = staged[kid]
            if any(entry.concept == index for entry in bucket):
                continue
            bucket.append(LabelEntry(index, SURNAME, cased.strip(), False))
            flags[kid] |= IS_LABEL | HAS_CASED | NAMES_PERSON
            bearers.setdefault(kid, []).append(index)
        for kid, bearing in bearers.items():
            self.surname_bearers[kid] = tuple(bearing)
            others = any(e.kind != SURNAME for e in staged[kid])
            if others or is_common_phrase(keys[kid]):
                self.surname_blocked.add(kid)

        # Rule phrases: context, exclude and keyword phrases, and their plurals.
        phrases = list(
            dict.fromkeys(
                phrase
                for concept in concepts
                for group in (concept.context, concept.exclude, concept.keywords)
                for phrase in group
            )
        )
        phrase_keys = {
            phrase: normal.strip()
            for phrase, normal in zip(phrases, normalise_all(phrases), strict=True)
        }

        def phrase_ids(group: tuple[str, ...]) -> tuple[int, ...]:
            ids: dict[int, None] = {}
            for phrase in group:
                key = phrase_keys[phrase]
                if key:
                    canonical = key_id(key)
                    ids[canonical] = None
                    for plural in plurals_of(key):
                        self.cue_alias.setdefault(key_id(plural), canonical)
            return tuple(ids)

        rules: list[ConceptRules] = []
        keyword_owners: dict[int, list[int]] = {}
        exclude_owners: dict[int, list[int]] = {}
        required_by: dict[int, list[int]] = {}
        for index, concept in enumerate(concepts):
            if not (concept.context or concept.exclude or concept.keywords or concept.requires):
                rules.append(NO_RULES)
                continue
            concept_rules = ConceptRules(
                context=phrase_ids(concept.context),
                exclude=phrase_ids(concept.exclude),
                keywords=phrase_ids(concept.keywords),
                requires=tuple(self.position[uri] for uri in concept.requires),
            )
            rules.append(concept_rules)
            for kid in (*concept_rules.context, *concept_rules.exclude, *concept_rules.keywords):
                flags[kid] |= IS_CUE
            for kid in concept_rules.keywords:
                keyword_owners.setdefault(kid, []).append(index)
            for kid in concept_rules.exclude:
                exclude_owners.setdefault(kid, []).append(index)
            for required in concept_rules.requires:
                required_by.setdefault(required, []).append(index)
        for kid in self.cue_alias:
            flags[kid] |= IS_CUE
        self.rules: tuple[ConceptRules, ...] = tuple(rules)
        self.keyword_owners: dict[int, tuple[int, ...]] = {
            kid: tuple(owners) for kid, owners in keyword_owners.items()
        }
        """Keyword key id to the topics and stories that name it."""
        self.exclude_owners: dict[int, tuple[int, ...]] = {
            kid: tuple(owners) for kid, owners in exclude_owners.items()
        }
        """Exclude phrase key id to the concepts it rules out."""
        self.required_by: dict[int, tuple[int, ...]] = {
            concept: tuple(owners) for concept, owners in required_by.items()
        }
        """Concept index to the topics and stories that require it."""

        for kid, key in enumerate(keys):
            first, last = key[0], key[-1]
            if first.isalnum() or first == "_":  # is_word_char, inline
                flags[kid] |= CHECK_START
            if last.isalnum() or last == "_":
                flags[kid] |= CHECK_END
        self.flags: bytearray = bytearray(flags)
        self.entries: list[tuple[LabelEntry, ...]] = [tuple(bucket) for bucket in staged]
        self.lengths: tuple[int, ...] = tuple(map(len, keys))
        self.automaton = ahocorasick.Automaton()
        add_word = self.automaton.add_word
        for kid, key in enumerate(keys):
            add_word(key, kid)
        if keys:
            self.automaton.make_automaton()

    def is_empty(self) -> bool:
        """Return whether there is nothing to search for."""
        return not self.keys

    def _with_variants(self, concept: Concept, labels: tuple[str, ...]) -> list[str]:
        """Return the labels plus generated spellings (Slavic surname endings for people)."""
        result = list(labels)
        if concept.type == "person":
            for label in labels:
                if label.lower().endswith(SLAVIC_ENDINGS):
                    result.extend(slavic_variants(label))
        return result

    def _entry(self, concept: Concept, index: int, kind: int, label: str, key: str) -> LabelEntry:
        """Return the label entry of one label, deciding whether its case must match."""
        calendar = key in CALENDAR_WORDS
        if concept.case_sensitive is False:
            return LabelEntry(index, kind, None, False, calendar)
        must_match_case = concept.case_sensitive is True or (
            concept.type not in ("topic", "story") and is_common_phrase(key)
        )
        if not must_match_case:
            return LabelEntry(index, kind, None, False, calendar)
        cased = cased_form(label)
        single_capitalised = (
            " " not in cased and cased[:1].isupper() and cased[1:] != cased[1:].upper()
        )
        return LabelEntry(
            index, kind, cased, single_capitalised and is_common_phrase(key), calendar
        )

    def neighbours(self, concept: int) -> frozenset[int]:
        """Return the concepts one broader, narrower or related link away, and all ancestors."""
        found = self._neighbours.get(concept)
        if found is None:
            vocabulary = self.vocabulary
            uri = self.uris[concept]
            uris = set(vocabulary.related_to.get(uri, ())) | vocabulary.ancestors[uri]
            uris.update(vocabulary.narrower.get(uri, ()))
            found = frozenset(self.position[u] for u in uris if u != uri)
            # A benign race: two threads may compute the same value; either result is stored.
            self._neighbours[concept] = found
        return found

    def coherence(self, concept: int, others: set[int]) -> int:
        """Return how many of ``others`` are neighbours or descendants of ``concept``."""
        near = self.neighbours(concept)
        count = len(near & others)
        uri = self.uris[concept]
        if uri in self.vocabulary.narrower:
            ancestors = self.vocabulary.ancestors
            uris = self.uris
            count += sum(1 for o in others if o not in near and uri in ancestors[uris[o]])
        return count
