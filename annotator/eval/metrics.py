"""Compare what an annotator finds with the gold labels: counts, precision, recall and F1.

All scores are micro-averaged: true and false positives and negatives are summed over the
articles first. ``majorMentions`` counts as a mention when predicates are compared, since
the gold set has only ``about`` and ``mentions``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from annotator.eval.gold import AmbiguityCase, GoldArticle, candidate_senses, contains_words
from annotator.model import CONCEPT_TYPES, AnnotationResult, Article
from annotator.vocabulary import Vocabulary

PREDICATE_ROWS: tuple[str, ...] = ("about", "mentions")


class ArticleAnnotator(Protocol):
    """Anything that annotates an article the way ``annotator.Annotator`` does."""

    def annotate(self, article: Article) -> AnnotationResult:
        """Return the annotations of one article."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Score:
    """True positives, false positives and false negatives, with the rates they give.

    A rate whose denominator is zero is None (nothing predicted, or nothing to find).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        """Return tp / (tp + fp), or None when nothing was predicted."""
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        """Return tp / (tp + fn), or None when there was nothing to find."""
        expected = self.tp + self.fn
        return self.tp / expected if expected else None

    @property
    def f1(self) -> float | None:
        """Return the harmonic mean of precision and recall; None when both are None."""
        precision, recall = self.precision, self.recall
        if precision is None and recall is None:
            return None
        p, r = precision or 0.0, recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def compare(predicted: Iterable[str], gold: Iterable[str]) -> Score:
    """Return the counts of one predicted set against one gold set."""
    predicted_set, gold_set = frozenset(predicted), frozenset(gold)
    return Score(
        tp=len(predicted_set & gold_set),
        fp=len(predicted_set - gold_set),
        fn=len(gold_set - predicted_set),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleOutcome:
    """The gold labels of one article beside what the annotator found."""

    article_id: str
    gold_about: frozenset[str]
    gold_mentions: frozenset[str]
    found_about: frozenset[str]
    found_mentions: frozenset[str]
    """Concepts found as majorMentions or mentions."""

    @property
    def gold(self) -> frozenset[str]:
        """Return every gold concept."""
        return self.gold_about | self.gold_mentions

    @property
    def found(self) -> frozenset[str]:
        """Return every concept found, whatever its predicate."""
        return self.found_about | self.found_mentions

    @property
    def false_positives(self) -> frozenset[str]:
        """Return concepts found that the gold set does not have."""
        return self.found - self.gold

    @property
    def false_negatives(self) -> frozenset[str]:
        """Return gold concepts the annotator missed."""
        return self.gold - self.found


def outcome(gold: GoldArticle, result: AnnotationResult) -> ArticleOutcome:
    """Return the comparison of one article's annotations with its gold labels."""
    found_about = frozenset(a.concept for a in result.annotations if a.predicate == "about")
    found_mentions = (
        frozenset(a.concept for a in result.annotations if a.predicate != "about") - found_about
    )
    return ArticleOutcome(
        article_id=gold.article.id,
        gold_about=gold.about,
        gold_mentions=gold.mentions,
        found_about=found_about,
        found_mentions=found_mentions,
    )


def evaluate_articles(
    annotator: ArticleAnnotator, golds: Iterable[GoldArticle]
) -> tuple[ArticleOutcome, ...]:
    """Annotate every gold article and return the outcomes in the same order."""
    return tuple(outcome(gold, annotator.annotate(gold.article)) for gold in golds)


def concept_set_score(outcomes: Iterable[ArticleOutcome]) -> Score:
    """Return the concept-set counts: everything found against about and mentions together."""
    return sum((compare(o.found, o.gold) for o in outcomes), Score())


def predicate_scores(outcomes: Iterable[ArticleOutcome]) -> dict[str, Score]:
    """Return counts per predicate: about against about, the rest against mentions."""
    totals = dict.fromkeys(PREDICATE_ROWS, Score())
    for o in outcomes:
        totals["about"] += compare(o.found_about, o.gold_about)
        totals["mentions"] += compare(o.found_mentions, o.gold_mentions)
    return totals


def type_scores(outcomes: Iterable[ArticleOutcome], types: Mapping[str, str]) -> dict[str, Score]:
    """Return concept-set counts per concept type (person, organisation, location, ...)."""
    totals: dict[str, Score] = dict.fromkeys(CONCEPT_TYPES, Score())
    for o in outcomes:
        for concept_type in CONCEPT_TYPES:
            found = {uri for uri in o.found if types.get(uri) == concept_type}
            gold = {uri for uri in o.gold if types.get(uri) == concept_type}
            totals[concept_type] += compare(found, gold)
    return totals


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseOutcome:
    """What the annotator tagged for the surface of one ambiguity case."""

    case_id: str
    surface: str
    expected: str | None
    candidates: frozenset[str]
    tagged: frozenset[str]
    """Candidate senses annotated with evidence that contains the surface."""
    split: str = "dev"

    @property
    def correct(self) -> bool:
        """Return whether exactly the expected sense, or none when none is expected, was tagged."""
        if self.expected is None:
            return not self.tagged
        return self.tagged == {self.expected}


def judge_case(
    case: AmbiguityCase, result: AnnotationResult, vocabulary: Vocabulary
) -> CaseOutcome:
    """Return which senses of the case's surface the annotator tagged from that surface.

    A candidate counts only if one of its evidence spans contains the surface, so a sense
    found through another label ("White House" for the US government) neither helps nor hurts.
    """
    candidates = candidate_senses(vocabulary, case.surface)
    tagged = frozenset(
        annotation.concept
        for annotation in result.annotations
        if annotation.concept in candidates
        and any(contains_words(evidence.text, case.surface) for evidence in annotation.evidence)
    )
    return CaseOutcome(
        case_id=case.id,
        surface=case.surface,
        expected=case.expected,
        candidates=candidates,
        tagged=tagged,
        split=case.split,
    )


def evaluate_cases(
    annotator: ArticleAnnotator, cases: Iterable[AmbiguityCase], vocabulary: Vocabulary
) -> tuple[CaseOutcome, ...]:
    """Annotate every ambiguity case and judge it."""
    return tuple(judge_case(case, annotator.annotate(case.article), vocabulary) for case in cases)


def accuracy(outcomes: Iterable[CaseOutcome]) -> float | None:
    """Return the share of correct cases, or None when there are none."""
    judged = tuple(outcomes)
    if not judged:
        return None
    return sum(1 for o in judged if o.correct) / len(judged)
