"""Annotate articles: find labels, resolve people and shared labels, score and rank concepts."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.commonwords import TITLES, VENUE_NOUNS
from annotator.index import (
    CHECK_END,
    CHECK_START,
    HAS_CASED,
    IS_CUE,
    IS_LABEL,
    MAY_NEED_SUPPORT,
    NAMES_PERSON,
    SURNAME,
    Index,
    LabelEntry,
    cased_form,
    is_common_phrase,
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
MIN_TOPIC_HITS = 2
"""A topic named only in the body needs this many label or keyword hits: once is in passing."""


def _ending_with(words: str, *, dot: bool = False, flags: int = 0) -> re.Pattern[str]:
    """Return a pattern to ``match`` on a reversed text that ends with a word and a space.

    ``pattern.match(text[::-1])`` holds exactly when ``re.search(r"(?:^|[^\\w])(?:WORDS)\\.? $",
    text)`` would (the dot only with ``dot``), for text without line breaks (normalised text has
    none). Matching the reversed text is anchored at its first character, so a mention's 24
    characters before are not searched from every position.
    """
    alternatives = "|".join(re.escape(word[::-1]) for word in words.split("|"))
    return re.compile(
        r" " + (r"\.?" if dot else "") + f"(?:{alternatives})" + r"(?:[^\w]|\Z)", flags
    )


_TITLE_BEFORE = _ending_with("|".join(TITLES), dot=True, flags=re.ASCII)
"""A title ("mr", "president") just before a mention: match on the reversed text before."""
_LOCATION_BEFORE = _ending_with(
    "in|from|near|across|outside|inside|around|throughout|via|visited|"
    "visiting|north of|south of|east of|west of|capital of"
)
"""A preposition or verb of place just before a mention: match on the reversed text before."""
_SETTING_BEFORE = _ending_with(
    "in|at|beyond|from|near|across|outside|inside|around|throughout|within|off|into|on|over|via"
)
"""A preposition of place just before a headline mention: match on the reversed text before."""
_NEXT_WORD = re.compile(r" ([^\W\d_][\w\u2019'-]*)")
_FUNCTION_WORDS = (
    "a an and or but nor as at by for from in into of on onto over to under with after amid "
    "than the this that its their his her is are was were be been has have had will would "
    "may might can could must should shall says said do does did not"
)
_NOT_A_NOUN = frozenset(_FUNCTION_WORDS.split())
"""Words after a name that show it is no noun modifier: verbs, articles, conjunctions..."""
_CAPITAL_AFTER = re.compile(r"^,? (?:the |its |a )?(?:capital|city|port|town)\b")
_SPEECH_AFTER = re.compile(
    r"^(?:'s? )?(?: has| had| will| would)? ?(?:said|says|told|announced|argued|warned|added|"
    r"insisted|claimed|wrote|tweeted|posted|replied|declined|denied|urged|vowed|promised)\b"
)
_DATELINE = re.compile(r"^[A-Z][A-Z'.\- ]{1,40}(?:, [A-Z][A-Za-z.\- ]{1,40})?\s*[\u2014\u2013-]+\s")
_SENTENCE_END = frozenset(".!?")
_OPENERS = frozenset("\"'([{ \u201c\u2018\u00ab")


_GroupKey = tuple[int, bool, tuple[LabelEntry, ...]]
_NOBODY: frozenset[int] = frozenset()
_PART_NAMES: tuple[Part, Part] = ("headline", "standfirst")


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
    before: str
    """Up to 24 normalised characters before the mention."""
    after: str
    """Up to 24 normalised characters after the mention."""
    dateline: bool
    at_sentence_start: bool
    modifier: bool = False
    """Qualifies a venue noun after it ("Reading bakery", "Leeds primary school")."""
    concept: int | None = None


@dataclass(frozen=True, slots=True)
class _Patterns:
    """Which type-revealing patterns surround the mentions of one label."""

    place: bool
    """"in X", "from X", "X, the capital"..."""
    speech: bool
    """"X said", "X announced"..."""
    title: bool
    """"Mr X", "President X"..."""


@dataclass(slots=True)
class _Found:
    """Everything collected about one concept while annotating an article."""

    spans: list[tuple[int, int, int, str]] = field(default_factory=list)
    borrowed: set[tuple[int, int, int, str]] = field(default_factory=set)
    """Spans of required concepts that fired this topic or story: evidence, but not its words."""
    has_label_mention: bool = False
    label_in_headline: bool = False
    written_as_name: bool = False
    """Some mention is capitalised where a common noun would not be (mid-sentence "Patriot")."""
    headline_subject: bool = False
    """A headline mention not introduced by a preposition of place ("in X", "off X") and not
    the setting of a venue ("Reading bakery": a bakery in Reading)."""
    forms: set[str] = field(default_factory=set)
    """The different words that named it: labels and keywords, folded, plurals as singulars."""
    dateline_only: bool = True


class Annotator:
    """Annotate articles against one vocabulary; building indexes every label once.

    Thread-safe after construction: ``annotate`` keeps its state on the stack.
    """

    def __init__(self, vocabulary: Vocabulary, *, index: Index | None = None) -> None:
        """Build the index of ``vocabulary``, or take a ready one built for it (annotator.store)."""
        if index is not None and index.vocabulary is not vocabulary:
            raise ValueError("the index was built for another vocabulary object")
        self.vocabulary = vocabulary
        self.index = index if index is not None else Index(vocabulary)

    def annotate(self, article: Article) -> AnnotationResult:
        """Return the concepts the article is about or mentions, with evidence, best first."""
        texts = (article.headline, article.standfirst, *article.body)
        if self.index.is_empty():
            return AnnotationResult(article_id=article.id, annotations=(), suggestions=())
        mentions, cues = self._scan(texts)
        suggestions = self._resolve(mentions, cues)
        found: dict[int, _Found] = {}
        keys = self.index.keys
        for mention in mentions:
            if mention.concept is None:
                continue
            record = found.get(mention.concept)
            if record is None:
                record = found[mention.concept] = _Found()
            record.spans.append((mention.part, mention.start, mention.end, mention.text))
            record.has_label_mention = True
            record.dateline_only = record.dateline_only and mention.dateline
            if (
                not record.written_as_name
                and not mention.at_sentence_start
                and not mention.text.islower()  # then no letter is upper case: skip the walk
                and any(c.isupper() for c in mention.text)
            ):
                record.written_as_name = True
            record.forms.add(keys[mention.key])
            if mention.part == HEADLINE:
                record.label_in_headline = True
            if mention.part == HEADLINE and _as_subject(mention):
                record.headline_subject = True
        self._apply_keyword_rules(found, cues, texts, mentions)
        self._drop_passing_topics(found)
        self._apply_requirements(found, cues)
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
        cue_alias = index.cue_alias
        mentions: list[_Mention] = []
        cues: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        headline_is_title_case = _is_title_case(texts[HEADLINE])
        for part, original in enumerate(texts):
            if not original:
                continue
            normalised = normalise(original)
            text = normalised.text
            candidates: list[tuple[int, int, int, tuple[LabelEntry, ...]]] = []  # start, -end
            size = len(text)
            original_span = normalised.original_span
            for last, kid in automaton.iter(text):
                key_flags = flags[kid]
                end = last + 1
                start = end - lengths[kid]
                # Word boundaries, as starts_word and ends_word decide them, inline: most hits
                # are settled by the one character on either side.
                if key_flags & CHECK_START and start:
                    char = text[start - 1]
                    if char.isalnum() or char == "_":
                        continue
                    if char == "'" and not starts_word(text, start):
                        continue
                if key_flags & CHECK_END and end < size:
                    char = text[end]
                    if char.isalnum() or char == "_":
                        continue
                    if char == "'" and not ends_word(text, end):
                        continue
                if key_flags & IS_CUE:
                    begin, finish = original_span(start, end)
                    cues[cue_alias.get(kid, kid)].append((part, begin, finish))
                if not key_flags & IS_LABEL:
                    continue
                entries = entries_of[kid]
                if key_flags & HAS_CASED:
                    begin, finish = original_span(start, end)
                    entries = _case_fits(entries, original[begin:finish])
                    if not entries:
                        continue
                candidates.append((start, -end, kid, entries))
            # Leftmost, then longest: no two candidates share a span (a span is one key).
            candidates.sort()
            reached = 0
            dateline_end = _dateline_end(original) if part == FIRST_BODY else 0
            for start, negative_end, kid, entries in candidates:
                if start < reached:
                    continue
                end = reached = -negative_end
                begin, finish = original_span(start, end)
                # _starts_sentence(text, start), inline.
                position = start - 1
                while position >= 0 and text[position] in _OPENERS:
                    position -= 1
                at_sentence_start = position < 0 or text[position] in _SENTENCE_END
                key_flags = flags[kid]
                needy = (
                    frozenset(
                        entry.concept
                        for entry in entries
                        if entry.is_calendar_word
                        or (
                            entry.is_common_word
                            and (
                                at_sentence_start
                                or (part == HEADLINE and headline_is_title_case)
                                or _inside_capitalised_name(original, begin, finish)
                            )
                        )
                    )
                    if key_flags & MAY_NEED_SUPPORT
                    else _NOBODY
                )
                before = text[start - 24 if start > 24 else 0 : start]
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
                        titled=bool(key_flags & NAMES_PERSON)
                        and _TITLE_BEFORE.match(before[::-1]) is not None,
                        before=before,
                        after=text[end : end + 24],
                        dateline=begin < dateline_end,
                        at_sentence_start=at_sentence_start,
                        modifier=part == HEADLINE and _names_a_venue(original, finish),
                    )
                )
        return mentions, cues

    # -- resolving senses ------------------------------------------------------------------

    def _resolve(
        self, mentions: list[_Mention], cues: dict[int, list[tuple[int, int, int]]]
    ) -> list[tuple[str, tuple[int, ...], list[_Mention]]]:
        """Set each mention's concept where one sense wins; return the unsettled groups."""
        index = self.index
        present_cues = frozenset(cues)
        excluded = frozenset(
            concept for kid in present_cues for concept in index.exclude_owners.get(kid, ())
        )
        # People named in full: a non-surname label that names one person and nothing else.
        named: dict[int, list[int]] = defaultdict(list)
        anchors: set[int] = set()
        for mention in mentions:
            entries = mention.entries
            if len(entries) == 1:  # the common case, without building sets
                (entry,) = entries
                if entry.kind == SURNAME or entry.concept in excluded:
                    continue
                concept = entry.concept
            else:
                senses = {e.concept for e in entries if e.kind != SURNAME} - excluded
                if len(senses) != 1 or any(e.kind == SURNAME for e in entries):
                    continue
                (concept,) = senses
            if concept in mention.needy:
                continue
            anchors.add(concept)
            if index.concepts[concept].type == "person":
                named[concept].append(mention.order)

        # Mentions of one key share a sense (one sense per discourse), except that a title
        # ("Mr Jordan") or a different case ("Apple", "apple") can change which senses fit.
        groups: dict[_GroupKey, list[_Mention]] = defaultdict(list)
        for mention in mentions:
            groups[(mention.key, mention.titled, mention.entries)].append(mention)

        unsettled: dict[_GroupKey, tuple[str, tuple[int, ...]]] = {}
        pending = sorted(groups, key=lambda group_key: groups[group_key][0].order)
        # Senses settled in one round become anchors for the next; three rounds reach a fixpoint
        # on every article seen so far.
        for _round in range(3):
            changed = False
            still: list[_GroupKey] = []
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
            for group_key, (reason, candidates) in sorted(
                unsettled.items(), key=lambda item: groups[item[0]][0].order
            )
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
        if len(first.entries) == 1 and first.entries[0].kind != SURNAME:
            # One label of one concept, the common case: what the general rules below come to.
            only = first.entries[0].concept
            if only in excluded or (titled and concepts[only].type != "person"):
                return None
            if (
                all(m.needy for m in group)
                and any(only in m.needy for m in group)
                and not self._supported(only, anchors, present_cues)
            ):
                return None
            return only
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
            if titled and not is_common_phrase(index.keys[key]):
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
        patterns = _Patterns(
            place=any(
                _LOCATION_BEFORE.match(m.before[::-1]) or _CAPITAL_AFTER.search(m.after)
                for m in group
            ),
            speech=any(_SPEECH_AFTER.search(m.after) for m in group),
            title=titled,
        )
        scores = {
            c: self._sense_score(c, patterns, anchors, named, present_cues)
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
        patterns: _Patterns,
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
        coherent = index.coherence(concept, anchors)
        score += COHERENCE_WEIGHT * min(MAX_COHERENCE, coherent)
        if concept_type == "location" and patterns.place:
            score += PATTERN_WEIGHT
        if concept_type in ("person", "organisation") and patterns.speech:
            score += PATTERN_WEIGHT
        if concept_type == "person" and patterns.title:
            score += PATTERN_WEIGHT
        return score

    def _supported(self, concept: int, anchors: set[int], present_cues: frozenset[int]) -> bool:
        """Return whether a capitalised everyday word at a sentence start has support."""
        index = self.index
        rules = index.rules[concept]
        if concept in anchors or any(k in present_cues for k in rules.context):
            return True
        return index.coherence(concept, anchors) > 0

    # -- topics, stories and ancestors -----------------------------------------------------

    def _apply_keyword_rules(
        self,
        found: dict[int, _Found],
        cues: dict[int, list[tuple[int, int, int]]],
        texts: tuple[str, ...],
        mentions: list[_Mention],
    ) -> None:
        """Add topics and stories indicated by their keywords; add keyword evidence to found ones.

        A keyword inside a longer name ("Buses" in "Reading Buses") is part of that name and
        no evidence of the topic.
        """
        index = self.index
        present = frozenset(cues)
        owners = sorted({c for k in present for c in index.keyword_owners.get(k, ())})
        if not owners:
            return
        names: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for mention in mentions:
            names[mention.part].append((mention.start, mention.end))

        def inside_a_name(part: int, start: int, end: int) -> bool:
            spans = names.get(part)
            if not spans:
                return False
            at = bisect.bisect_right(spans, (start, len(texts[part]) + 1))
            return any(
                s <= start and end <= e and e - s > end - start
                for s, e in spans[max(0, at - 2) : at]
            )

        for concept in owners:
            rules = index.rules[concept]
            if any(k in present for k in rules.exclude):
                continue
            spans = [
                span
                for k in rules.keywords
                if k in present
                for span in cues[k]
                if not inside_a_name(*span)
            ]
            hits = {texts[part][start:end].casefold() for part, start, end in spans}
            early = any(part <= FIRST_BODY for part, _s, _e in spans)
            fires = len(hits) >= KEYWORD_MIN_DISTINCT or (
                len(spans) >= KEYWORD_MIN_REPEATS and early
            )
            if concept in found or fires:
                record = found.setdefault(concept, _Found())
                for part, start, end in spans:
                    record.spans.append((part, start, end, texts[part][start:end]))
                record.forms.update(
                    index.keys[k]
                    for k in rules.keywords
                    if k in present and any(not inside_a_name(*span) for span in cues[k])
                )
                record.dateline_only = False

    def _drop_passing_topics(self, found: dict[int, _Found]) -> None:
        """Remove topics named only once, in passing: in the body, in lower case."""
        concepts = self.index.concepts
        for concept in sorted(found):
            record = found[concept]
            if (
                concepts[concept].type != "topic"
                or len(record.spans) >= MIN_TOPIC_HITS
                or record.written_as_name
            ):
                continue
            if all(part >= FIRST_BODY for part, *_ in record.spans):
                del found[concept]

    def _apply_requirements(
        self, found: dict[int, _Found], cues: dict[int, list[tuple[int, int, int]]]
    ) -> None:
        """Add topics and stories whose required concepts were all found."""
        index = self.index
        present = frozenset(cues)
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
                        record.borrowed.update(found[required].spans)
                        record.forms.update(found[required].forms)
                    record.dateline_only = False
                    added = True
            if not added:
                break

    def _drop_implied_ancestors(self, found: dict[int, _Found]) -> None:
        """Remove broader ancestors that another found concept implies.

        An ancestor with no mention of its own goes. So does a topic or story above another
        found topic or story, unless its own label is in the headline: a narrower theme
        implies the broader one, and the broader label in the body is a word in passing.
        """
        ancestors = self.vocabulary.ancestors
        position = self.index.position
        concepts = self.index.concepts
        uris = self.index.uris
        themes = ("topic", "story")
        implied: set[int] = set()
        implied_by_theme: set[int] = set()
        for concept in found:
            above = {position[uri] for uri in ancestors[uris[concept]]}
            implied |= above
            if concepts[concept].type in themes:
                implied_by_theme |= above
        for concept in sorted(implied & found.keys()):
            record = found[concept]
            if not record.has_label_mention or (
                concept in implied_by_theme
                and concepts[concept].type in themes
                and not record.label_in_headline
            ):
                del found[concept]

    # -- ranking ---------------------------------------------------------------------------

    def _rank(self, found: dict[int, _Found], texts: tuple[str, ...]) -> tuple[Annotation, ...]:
        """Score every found concept, give predicates, and order by score then URI."""
        paragraphs = len(texts) - FIRST_BODY
        scored: list[tuple[float, str, Features, tuple[Evidence, ...]]] = []
        for concept, record in found.items():
            spans = sorted(set(record.spans))
            borrowed = record.borrowed
            own = [span for span in spans if span not in borrowed] if borrowed else spans
            own_parts = {span[0] for span in own}
            body_parts = sorted({span[0] for span in spans if span[0] >= FIRST_BODY})
            features = Features(
                type=self.index.concepts[concept].type,
                in_headline=HEADLINE in own_parts,
                headline_subject=record.headline_subject,
                named=record.has_label_mention,
                forms=len(record.forms),
                in_standfirst=STANDFIRST in own_parts,
                in_first_paragraph=FIRST_BODY in body_parts,
                count=len(spans),
                first_position=(
                    (body_parts[0] - FIRST_BODY) / paragraphs if body_parts and paragraphs else 1.0
                ),
                coverage=len(body_parts) / paragraphs if paragraphs else 0.0,
                dateline_only=record.dateline_only and record.has_label_mention,
            )
            evidence = tuple(
                Evidence(  # _evidence, inline
                    part=_PART_NAMES[part] if part < FIRST_BODY else "body",
                    paragraph=part - FIRST_BODY if part >= FIRST_BODY else None,
                    start=start,
                    end=end,
                    text=text,
                )
                for part, start, end, text in spans
            )
            scored.append((relevance(features), self.index.uris[concept], features, evidence))
        predicates = assign_predicates(
            [(value, uri, features) for value, uri, features, _evidence in scored]
        )
        annotations = [
            Annotation(
                concept=uri,
                predicate=predicates[uri],
                score=round(max(0.0, min(1.0, value / 10.0)), 4),
                evidence=evidence,
            )
            for value, uri, _features, evidence in scored
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


def _as_subject(mention: _Mention) -> bool:
    """Return whether a headline or standfirst mention names its concept as a subject.

    Not after a preposition of place ("in Reading", "off Yorkshire") and not as the setting of a venue
    ("Reading bakery": a bakery in Reading).
    """
    return _SETTING_BEFORE.match(mention.before[::-1]) is None and not mention.modifier


def _names_a_venue(original: str, end: int) -> bool:
    """Return whether a name qualifies a following venue noun ("Reading bakery", "Leeds GP surgery").

    Such a name is the setting of the business, school or hospital the headline is about: "a
    bakery in Reading". The noun may come up to three words on ("Reading primary school"),
    unless a function word or a verb ("Catalonia lifts") comes first.
    """
    position = end
    for _word in range(3):
        found = _NEXT_WORD.match(original, position, position + 40)
        if found is None:
            return False
        word = found.group(1)
        lowered = word.casefold()
        if lowered in VENUE_NOUNS:
            return True
        if lowered in _NOT_A_NOUN or (word[0].isupper() and not word.isupper()):
            return False
        if word[0].islower() and (
            lowered.endswith("ed")
            or (lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")))
        ):
            return False
        position = found.end()
    return False


def _starts_sentence(text: str, start: int) -> bool:
    """Return whether a normalised position begins a sentence (or the text)."""
    position = start - 1
    while position >= 0 and text[position] in _OPENERS:
        position -= 1
    return position < 0 or text[position] in _SENTENCE_END


def _inside_capitalised_name(original: str, begin: int, end: int) -> bool:
    """Return whether a word sits in a longer capitalised name ("the Big Apple", "Patriot Act").

    A capitalised word just before it counts unless that word opens the sentence; a word just
    after counts when it is capitalised but not an acronym ("Labour MP" is no longer name).
    """
    if end + 2 <= len(original) and original[end] == " ":
        following = original[end + 1 : end + 3]
        if following[:1].isupper() and following[1:2].islower():
            return True
    if begin >= 2 and original[begin - 1] == " " and original[begin - 2].isalpha():
        word_start = begin - 2
        while word_start > 0 and (
            original[word_start - 1].isalpha() or original[word_start - 1] in "'\u2019-"
        ):
            word_start -= 1
        if original[word_start].isupper() and not _starts_sentence(original, word_start):
            return True
    return False


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
