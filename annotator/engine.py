"""Annotate articles: find labels, resolve people and shared labels, score and rank concepts."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.commonwords import TITLES
from annotator.index import (
    CHECK_END,
    CHECK_START,
    HAS_CASED,
    IS_CUE,
    IS_LABEL,
    SURNAME,
    Index,
    LabelEntry,
    cased_form,
)
from annotator.model import (
    Annotation,
    AnnotationResult,
    Article,
    Evidence,
    Part,
    Suggestion,
)
from annotator.normalise import ends_word, normalise, starts_word
from annotator.salience import Features, assign_predicates, relevance
from annotator.vocabulary import Vocabulary

HEADLINE = 0
STANDFIRST = 1
FIRST_BODY = 2

ANCHOR_WEIGHT = 2.0
"""Score a sense gains when the article also names it unambiguously."""
CUE_WEIGHT = 1.0
"""Score per distinct context word of a sense present in the article (at most MAX_CUES)."""
COHERENCE_WEIGHT = 1.0
"""Score per unambiguous concept in the article linked to a sense (at most MAX_COHERENCE)."""
PATTERN_WEIGHT = 1.0
"""Score for a sense whose type fits the words around the mention ("in X", "X said")."""
MAX_CUES = 3
MAX_COHERENCE = 3
MIN_WINNING_SCORE = 1.0
"""A sense must score at least this to be chosen over the others."""
MIN_MARGIN = 1.0
"""...and beat the runner-up by at least this; otherwise an editor decides."""

KEYWORD_MIN_DISTINCT = 2
"""A topic fires from keywords alone with this many different keywords present..."""
KEYWORD_MIN_REPEATS = 2
"""...or with one keyword this often, once in the headline, standfirst or first paragraph."""

_TITLE_BEFORE = re.compile(
    r"(?:^|[^\w])(?:" + "|".join(re.escape(t) for t in TITLES) + r")\.? $", re.ASCII
)
_LOCATION_BEFORE = re.compile(
    r"(?:^|[^\w])(?:in|at|from|near|across|outside|inside|around|throughout|via|visited|"
    r"visiting|north of|south of|east of|west of|capital of) $"
)
_CAPITAL_AFTER = re.compile(r"^,? (?:the |its |a )?(?:capital|city|port|town)\b")
_SPEECH_AFTER = re.compile(
    r"^(?:'s? )?(?: has| had| will| would)? ?(?:said|says|told|announced|argued|warned|added|"
    r"insisted|claimed|wrote|tweeted|posted|replied|declined|denied|urged|vowed|promised)\b"
)
_DATELINE = re.compile(r"^[A-Z][A-Z'.\- ]{1,40}(?:, [A-Z][A-Za-z.\- ]{1,40})?\s*[\u2014\u2013-]+\s")
_SENTENCE_END = frozenset(".!?")
_OPENERS = frozenset("\"'([{ ")


@dataclass(slots=True)
class _Mention:
    """A label found in the text, before its senses are settled."""

    part: int
    start: int
    end: int
    text: str
    order: int
    key: int
    entries: tuple[LabelEntry, ...]
    needy: frozenset[int]
    titled: bool
    location_before: bool
    capital_after: bool
    speech_after: bool
    dateline: bool
    concept: int | None = None


@dataclass(slots=True)
class _Found:
    """Everything collected about one concept while annotating an article."""

    spans: list[tuple[int, int, int, str]] = field(default_factory=list)
    has_label_mention: bool = False
    dateline_only: bool = True


class Annotator:
    """Annotate articles against one vocabulary; building indexes every label once.

    Thread-safe after construction: ``annotate`` keeps its state on the stack.
    """

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.index = Index(vocabulary)

    def annotate(self, article: Article) -> AnnotationResult:
        """Return the concepts the article is about or mentions, with evidence, best first."""
        texts = (article.headline, article.standfirst, *article.body)
        if self.index.is_empty():
            return AnnotationResult(article_id=article.id, annotations=(), suggestions=())
        mentions, cues = self._scan(texts)
        suggestions = self._resolve(mentions, cues)
        found: dict[int, _Found] = {}
        for mention in mentions:
            if mention.concept is None:
                continue
            record = found.setdefault(mention.concept, _Found())
            record.spans.append((mention.part, mention.start, mention.end, mention.text))
            record.has_label_mention = True
            record.dateline_only = record.dateline_only and mention.dateline
        self._apply_topic_rules(found, cues, texts)
        self._drop_implied_ancestors(found)
        annotations = self._rank(found, texts)
        return AnnotationResult(
            article_id=article.id,
            annotations=annotations,
            suggestions=tuple(self._suggestion(s, texts) for s in suggestions),
        )

    # -- scanning --------------------------------------------------------------------------

    def _scan(
        self, texts: tuple[str, ...]
    ) -> tuple[list[_Mention], dict[int, list[tuple[int, int, int]]]]:
        """Return the leftmost-longest label mentions and every context/keyword phrase hit."""
        index = self.index
        automaton = index.automaton
        flags = index.flags
        lengths = index.lengths
        entries_of = index.entries
        mentions: list[_Mention] = []
        cues: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        headline_is_title_case = _is_title_case(texts[HEADLINE])
        for part, original in enumerate(texts):
            if not original:
                continue
            normalised = normalise(original)
            text = normalised.text
            candidates: list[tuple[int, int, int, tuple[LabelEntry, ...]]] = []
            for last, kid in automaton.iter(text):
                key_flags = flags[kid]
                start = last + 1 - lengths[kid]
                if key_flags & CHECK_START and not starts_word(text, start):
                    continue
                if key_flags & CHECK_END and not ends_word(text, last + 1):
                    continue
                if key_flags & IS_CUE:
                    begin, finish = normalised.original_span(start, last + 1)
                    cues[kid].append((part, begin, finish))
                if not key_flags & IS_LABEL:
                    continue
                entries = entries_of[kid]
                if key_flags & HAS_CASED:
                    begin, finish = normalised.original_span(start, last + 1)
                    entries = _case_fits(entries, original[begin:finish])
                    if not entries:
                        continue
                candidates.append((start, last + 1, kid, entries))
            candidates.sort(key=lambda c: (c[0], -c[1]))
            reached = 0
            dateline_end = _dateline_end(original) if part == FIRST_BODY else 0
            for start, end, kid, entries in candidates:
                if start < reached:
                    continue
                reached = end
                begin, finish = normalised.original_span(start, end)
                at_sentence_start = _starts_sentence(text, start)
                needy = frozenset(
                    entry.concept
                    for entry in entries
                    if entry.is_common_word
                    and (at_sentence_start or (part == HEADLINE and headline_is_title_case))
                )
                before = text[max(0, start - 24) : start]
                after = text[end : end + 24]
                mentions.append(
                    _Mention(
                        part=part,
                        start=begin,
                        end=finish,
                        text=original[begin:finish],
                        order=len(mentions),
                        key=kid,
                        entries=entries,
                        needy=needy,
                        titled=_TITLE_BEFORE.search(before) is not None,
                        location_before=_LOCATION_BEFORE.search(before) is not None,
                        capital_after=_CAPITAL_AFTER.search(after) is not None,
                        speech_after=_SPEECH_AFTER.search(after) is not None,
                        dateline=begin < dateline_end,
                    )
                )
        return mentions, cues

    # -- resolving senses ------------------------------------------------------------------

    def _resolve(
        self, mentions: list[_Mention], cues: dict[int, list[tuple[int, int, int]]]
    ) -> list[tuple[str, tuple[int, ...], list[_Mention]]]:
        """Set each mention's concept where one sense wins; return the unsettled groups."""
        index = self.index
        rules = index.rules
        present_cues = frozenset(cues)
        excluded = frozenset(
            e.concept
            for m in mentions
            for e in m.entries
            if any(k in present_cues for k in rules[e.concept].exclude)
        )
        # People named in full: a non-surname label that names one person and nothing else.
        named: dict[int, list[int]] = defaultdict(list)
        anchors: set[int] = set()
        for mention in mentions:
            senses = {e.concept for e in mention.entries if e.kind != SURNAME} - excluded
            if len(senses) == 1 and not any(e.kind == SURNAME for e in mention.entries):
                (concept,) = senses
                if concept in mention.needy:
                    continue
                anchors.add(concept)
                if index.concepts[concept].type == "person":
                    named[concept].append(mention.order)

        groups: dict[tuple[int, bool], list[_Mention]] = defaultdict(list)
        for mention in mentions:
            groups[(mention.key, mention.titled)].append(mention)

        unsettled: dict[tuple[int, bool], tuple[str, tuple[int, ...]]] = {}
        pending = sorted(groups)
        # Senses settled in one round become anchors for the next; three rounds reach a fixpoint
        # on every article seen so far.
        for _round in range(3):
            changed = False
            still: list[tuple[int, bool]] = []
            for group_key in pending:
                group = groups[group_key]
                outcome = self._settle(group, anchors, named, excluded, present_cues)
                if isinstance(outcome, int):
                    for mention in group:
                        mention.concept = outcome
                    unsettled.pop(group_key, None)
                    if outcome not in anchors:
                        anchors.add(outcome)
                        changed = True
                    continue
                if outcome is None:
                    unsettled.pop(group_key, None)
                else:
                    unsettled[group_key] = outcome
                still.append(group_key)
            pending = still
            if not changed or not pending:
                break
        # A surname shared by people the article named in full goes to the nearest one named before.
        for mention in mentions:
            if mention.concept is None and any(e.kind == SURNAME for e in mention.entries):
                people = [
                    e.concept for e in mention.entries if e.kind == SURNAME and e.concept in named
                ]
                others = {e.concept for e in mention.entries if e.kind != SURNAME} - excluded
                if len(people) > 1 and not others:
                    mention.concept = _nearest_named(people, named, mention.order)
        return [
            (reason, candidates, groups[group_key])
            for group_key, (reason, candidates) in sorted(unsettled.items())
        ]

    def _settle(
        self,
        group: list[_Mention],
        anchors: set[int],
        named: dict[int, list[int]],
        excluded: frozenset[int],
        present_cues: frozenset[int],
    ) -> int | tuple[str, tuple[int, ...]] | None:
        """Return the winning concept of a group of same-key mentions, why none won, or None."""
        index = self.index
        concepts = index.concepts
        first = group[0]
        titled = first.titled
        labels = {e.concept for e in first.entries if e.kind != SURNAME} - excluded
        people = {e.concept for e in first.entries if e.kind == SURNAME} - excluded
        if titled:
            labels = {c for c in labels if concepts[c].type == "person"}
        named_people = {p for p in people if p in named}
        unnamed_people = people - named_people

        if not labels and not named_people:
            if not unnamed_people:
                return None
            key = first.key
            if len(unnamed_people) == 1 and key not in index.surname_blocked:
                (person,) = unnamed_people
                return person
            if len(unnamed_people) > 1:
                return (
                    "a surname shared by several people, none named in full",
                    _sorted(index, unnamed_people),
                )
            if titled and not _is_common_surname(index, key):
                return (
                    "a surname alone, the person not named in full",
                    _sorted(index, unnamed_people),
                )
            return None

        candidates = labels | named_people
        if len(named_people) > 1 and not labels:
            return None  # settled mention by mention: the nearest person named in full
        needy = set().union(*(m.needy for m in group)) if any(m.needy for m in group) else set()
        all_needy = all(m.needy for m in group)
        if len(candidates) == 1 and not unnamed_people:
            (only,) = candidates
            if only in needy and all_needy and not self._supported(only, anchors, present_cues):
                return None
            return only

        blockers = unnamed_people if labels else set()
        scores = {
            c: self._sense_score(c, group, anchors, named, present_cues)
            for c in candidates | blockers
        }
        ranked = sorted(scores.items(), key=lambda item: (-item[1], index.uris[item[0]]))
        best, best_score = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if (
            best in blockers
            or best_score < MIN_WINNING_SCORE
            or best_score - runner_up < MIN_MARGIN
        ):
            described = ", ".join(f"{index.uris[c]} {s:.1f}" for c, s in ranked)
            return (f"no sense clearly won ({described})", _sorted(index, scores))
        if best in needy and all_needy and not self._supported(best, anchors, present_cues):
            return None
        return best

    def _sense_score(
        self,
        concept: int,
        group: list[_Mention],
        anchors: set[int],
        named: dict[int, list[int]],
        present_cues: frozenset[int],
    ) -> float:
        """Return how well the article supports one sense of an ambiguous label."""
        index = self.index
        rules = index.rules[concept]
        concept_type = index.concepts[concept].type
        score = 0.0
        if concept in anchors or concept in named:
            score += ANCHOR_WEIGHT
        score += CUE_WEIGHT * min(MAX_CUES, sum(1 for k in rules.context if k in present_cues))
        coherent = sum(
            1
            for other in anchors
            if other != concept
            and (other in rules.neighbours or concept in index.rules[other].neighbours)
        )
        score += COHERENCE_WEIGHT * min(MAX_COHERENCE, coherent)
        if concept_type == "location" and any(m.location_before or m.capital_after for m in group):
            score += PATTERN_WEIGHT
        if concept_type in ("person", "organisation") and any(m.speech_after for m in group):
            score += PATTERN_WEIGHT / 2
        if concept_type == "person" and any(m.titled for m in group):
            score += PATTERN_WEIGHT
        return score

    def _supported(self, concept: int, anchors: set[int], present_cues: frozenset[int]) -> bool:
        """Return whether a capitalised everyday word at a sentence start has support."""
        index = self.index
        rules = index.rules[concept]
        if concept in anchors or any(k in present_cues for k in rules.context):
            return True
        return any(
            other != concept
            and (other in rules.neighbours or concept in index.rules[other].neighbours)
            for other in anchors
        )

    # -- topics, stories and ancestors -----------------------------------------------------

    def _apply_topic_rules(
        self,
        found: dict[int, _Found],
        cues: dict[int, list[tuple[int, int, int]]],
        texts: tuple[str, ...],
    ) -> None:
        """Add topics and stories indicated by their keywords or by the concepts they require."""
        index = self.index
        present = frozenset(cues)
        owners = sorted({c for k in present for c in index.keyword_owners.get(k, ())})
        for concept in owners:
            rules = index.rules[concept]
            if any(k in present for k in rules.exclude):
                continue
            hits = [k for k in rules.keywords if k in present]
            spans = [span for k in hits for span in cues[k]]
            early = any(part <= FIRST_BODY for part, _s, _e in spans)
            fires = len(hits) >= KEYWORD_MIN_DISTINCT or (
                len(spans) >= KEYWORD_MIN_REPEATS and early
            )
            if concept in found or fires:
                record = found.setdefault(concept, _Found())
                for part, start, end in spans:
                    record.spans.append((part, start, end, texts[part][start:end]))
                record.dateline_only = False
        for _round in range(3):
            added = False
            waiting = sorted(
                {t for c in found for t in index.required_by.get(c, ())} - found.keys()
            )
            for concept in waiting:
                rules = index.rules[concept]
                if any(k in present for k in rules.exclude):
                    continue
                if all(required in found for required in rules.requires):
                    record = found.setdefault(concept, _Found())
                    for required in rules.requires:
                        record.spans.extend(found[required].spans)
                    record.dateline_only = False
                    added = True
            if not added:
                break

    def _drop_implied_ancestors(self, found: dict[int, _Found]) -> None:
        """Remove rule-found concepts that are only a broader ancestor of another found concept."""
        ancestors = self.vocabulary.ancestors
        position = self.index.position
        uris = self.index.uris
        implied = {position[uri] for concept in found for uri in ancestors[uris[concept]]}
        for concept in sorted(implied & found.keys()):
            if not found[concept].has_label_mention:
                del found[concept]

    # -- ranking ---------------------------------------------------------------------------

    def _rank(self, found: dict[int, _Found], texts: tuple[str, ...]) -> tuple[Annotation, ...]:
        """Score every found concept, give predicates, and order by score then URI."""
        paragraphs = len(texts) - FIRST_BODY
        scored: list[tuple[float, str, int, tuple[Evidence, ...]]] = []
        counts: dict[str, int] = {}
        for concept, record in found.items():
            spans = sorted(set(record.spans))
            body_parts = sorted({part for part, *_ in spans if part >= FIRST_BODY})
            features = Features(
                in_headline=any(part == HEADLINE for part, *_ in spans),
                in_standfirst=any(part == STANDFIRST for part, *_ in spans),
                in_first_paragraph=FIRST_BODY in body_parts,
                count=len(spans),
                first_position=(
                    (body_parts[0] - FIRST_BODY) / paragraphs if body_parts and paragraphs else 1.0
                ),
                coverage=len(body_parts) / paragraphs if paragraphs else 0.0,
                dateline_only=record.dateline_only and record.has_label_mention,
            )
            evidence = tuple(_evidence(part, start, end, text) for part, start, end, text in spans)
            counts[self.index.uris[concept]] = len(spans)
            scored.append((relevance(features), self.index.uris[concept], concept, evidence))
        predicates = assign_predicates([(value, uri, counts[uri]) for value, uri, *_ in scored])
        annotations = [
            Annotation(
                concept=uri,
                predicate=predicates[uri],
                score=round(max(0.0, min(1.0, value / 10.0)), 4),
                evidence=evidence,
            )
            for value, uri, _concept, evidence in scored
        ]
        annotations.sort(key=lambda a: (-a.score, a.concept))
        return tuple(annotations)

    def _suggestion(
        self, unsettled: tuple[str, tuple[int, ...], list[_Mention]], texts: tuple[str, ...]
    ) -> Suggestion:
        """Return the editor's suggestion for one unsettled group of mentions."""
        reason, candidates, group = unsettled
        unresolved = [m for m in group if m.concept is None]
        return Suggestion(
            surface=unresolved[0].text,
            candidates=tuple(self.index.uris[c] for c in candidates),
            reason=reason,
            evidence=tuple(_evidence(m.part, m.start, m.end, m.text) for m in unresolved),
        )


def _case_fits(entries: tuple[LabelEntry, ...], original: str) -> tuple[LabelEntry, ...]:
    """Return the entries whose case rule the original text satisfies."""
    written: str | None = None
    kept: list[LabelEntry] = []
    for entry in entries:
        if entry.cased is None:
            kept.append(entry)
            continue
        if entry.kind == SURNAME:
            letter = next((c for c in original if c.isalpha()), "")
            if letter.isupper():
                kept.append(entry)
            continue
        if written is None:
            written = cased_form(original)
        if written == entry.cased:
            kept.append(entry)
    return tuple(kept)


def _starts_sentence(text: str, start: int) -> bool:
    """Return whether a normalised position begins a sentence (or the text)."""
    position = start - 1
    while position >= 0 and text[position] in _OPENERS:
        position -= 1
    return position < 0 or text[position] in _SENTENCE_END


def _is_title_case(headline: str) -> bool:
    """Return whether most longer words of a headline after the first are capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019]*", headline)[1:] if len(w) >= 4]
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


def _dateline_end(paragraph: str) -> int:
    """Return where a leading dateline ("KYIV, Ukraine —") ends in a first paragraph, else 0."""
    found = _DATELINE.match(paragraph)
    return found.end() if found else 0


def _is_common_surname(index: Index, key: int) -> bool:
    """Return whether a surname key is an everyday word (Brown, May) rather than another label."""
    from annotator.index import is_common_phrase

    return is_common_phrase(index.keys[key])


def _nearest_named(people: Iterable[int], named: dict[int, list[int]], order: int) -> int | None:
    """Return the person whose full name appeared last before ``order`` (else first after)."""
    before: list[tuple[int, int]] = []
    after: list[tuple[int, int]] = []
    for person in people:
        positions = named[person]
        at = bisect.bisect_left(positions, order)
        if at:
            before.append((positions[at - 1], person))
        elif positions:
            after.append((-positions[0], person))
    if before:
        return max(before)[1]
    if after:
        return max(after)[1]
    return None


def _sorted(index: Index, concepts: Iterable[int]) -> tuple[int, ...]:
    """Return concept indexes ordered by URI."""
    return tuple(sorted(concepts, key=index.uris.__getitem__))


def _evidence(part: int, start: int, end: int, text: str) -> Evidence:
    """Return the Evidence of a span in a numbered part (0 headline, 1 standfirst, 2+ body)."""
    name: Part = "headline" if part == HEADLINE else "standfirst" if part == STANDFIRST else "body"
    paragraph = part - FIRST_BODY if part >= FIRST_BODY else None
    return Evidence(part=name, paragraph=paragraph, start=start, end=end, text=text)
