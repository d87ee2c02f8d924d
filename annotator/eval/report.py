"""Run an annotator over a split of the gold set and print the scores as tables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from annotator.eval.gold import SPLITS, GoldSet
from annotator.eval.metrics import (
    ArticleAnnotator,
    ArticleOutcome,
    CaseOutcome,
    Score,
    accuracy,
    concept_set_score,
    evaluate_articles,
    evaluate_cases,
    predicate_scores,
    type_scores,
)

CONCEPT_SET_F1_TARGET = 0.92
ABOUT_PRECISION_TARGET = 0.90
AMBIGUITY_ACCURACY_TARGET = 0.95


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    """One number the annotator must reach on the test split."""

    name: str
    value: float | None
    threshold: float

    @property
    def met(self) -> bool:
        """Return whether the value reaches the threshold; an undefined value never does."""
        return self.value is not None and self.value >= self.threshold


@dataclass(frozen=True, slots=True, kw_only=True)
class Evaluation:
    """The outcomes of one run: every article of a split and every ambiguity case.

    ``cases`` holds the whole suite; the accuracy that counts is that of the run's split.
    """

    split: str
    articles: tuple[ArticleOutcome, ...]
    cases: tuple[CaseOutcome, ...]
    types: Mapping[str, str]
    """URI to concept type, for the per-type table."""
    labels: Mapping[str, str]
    """URI to preferred label, for readable listings."""

    @property
    def concept_set(self) -> Score:
        """Return the counts of all concepts found against about and mentions together."""
        return concept_set_score(self.articles)

    @property
    def by_type(self) -> dict[str, Score]:
        """Return concept-set counts per concept type."""
        return type_scores(self.articles, self.types)

    @property
    def by_predicate(self) -> dict[str, Score]:
        """Return counts for about, and for majorMentions and mentions against mentions."""
        return predicate_scores(self.articles)

    def cases_of(self, split: str) -> tuple[CaseOutcome, ...]:
        """Return the ambiguity outcomes of one split, or all of them for "all"."""
        if split == "all":
            return self.cases
        return tuple(case for case in self.cases if case.split == split)

    @property
    def split_cases(self) -> tuple[CaseOutcome, ...]:
        """Return the ambiguity outcomes of the run's split."""
        return self.cases_of(self.split)

    @property
    def ambiguity_accuracy(self) -> float | None:
        """Return the share of the split's ambiguity cases settled as expected."""
        return accuracy(self.split_cases)

    def targets(self) -> tuple[Target, ...]:
        """Return the three numbers the test split must reach, with their thresholds."""
        return (
            Target(
                name="concept-set F1",
                value=self.concept_set.f1,
                threshold=CONCEPT_SET_F1_TARGET,
            ),
            Target(
                name="about precision",
                value=self.by_predicate["about"].precision,
                threshold=ABOUT_PRECISION_TARGET,
            ),
            Target(
                name="ambiguity accuracy",
                value=self.ambiguity_accuracy,
                threshold=AMBIGUITY_ACCURACY_TARGET,
            ),
        )


def evaluate(gold: GoldSet, annotator: ArticleAnnotator, *, split: str) -> Evaluation:
    """Annotate the articles of one split ("dev", "test" or "all") and every ambiguity case."""
    golds = gold.split(split)
    concepts = gold.vocabulary.concepts
    return Evaluation(
        split=split,
        articles=evaluate_articles(annotator, golds),
        cases=evaluate_cases(annotator, gold.cases, gold.vocabulary),
        types={concept.uri: concept.type for concept in concepts},
        labels={concept.uri: concept.pref_label for concept in concepts},
    )


def _rate(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def _table(title: str, rows: Mapping[str, Score]) -> list[str]:
    lines = [f"{title:<22} {'P':>5}  {'R':>5}  {'F1':>5}  {'TP':>5} {'FP':>5} {'FN':>5}"]
    for name, score in rows.items():
        lines.append(
            f"  {name:<20} {_rate(score.precision)}  {_rate(score.recall)}  {_rate(score.f1)}"
            f"  {score.tp:>5} {score.fp:>5} {score.fn:>5}"
        )
    return lines


def _named(uris: frozenset[str], labels: Mapping[str, str]) -> str:
    return ", ".join(f"{labels.get(uri, uri)} <{uri}>" for uri in sorted(uris)) or "-"


def _accuracy_line(cases: tuple[CaseOutcome, ...]) -> str:
    correct = sum(1 for case in cases if case.correct)
    return f"{_rate(accuracy(cases))} ({correct} of {len(cases)} cases)"


def render(evaluation: Evaluation, *, verbose: bool = False) -> str:
    """Return the report as text: tables, the ambiguity accuracy and the targets."""
    split_cases = evaluation.split_cases
    by_split = ", ".join(
        f"{name} {_accuracy_line(evaluation.cases_of(name))}" for name in (*SPLITS, "all")
    )
    lines = [
        f"Split: {evaluation.split} ({len(evaluation.articles)} articles); "
        f"ambiguity suite: {len(split_cases)} of {len(evaluation.cases)} cases",
        "",
        *_table("Concept set", {"about + mentions": evaluation.concept_set}),
        "",
        *_table("By concept type", evaluation.by_type),
        "",
        *_table("By predicate", evaluation.by_predicate),
        "  (majorMentions are counted as mentions)",
        "",
        f"About precision:    {_rate(evaluation.by_predicate['about'].precision)}",
        f"Ambiguity accuracy: {_accuracy_line(split_cases)}",
        f"  by split: {by_split}",
        "",
        "Targets (set for the test split):",
    ]
    for target in evaluation.targets():
        verdict = "met" if target.met else "MISSED"
        lines.append(
            f"  {target.name:<20} {_rate(target.value)}  >= {target.threshold:.2f}  {verdict}"
        )
    if verbose:
        lines += ["", "Articles with differences:"]
        labels = evaluation.labels
        for article in evaluation.articles:
            about_differs = article.found_about != article.gold_about
            if not (article.false_positives or article.false_negatives or about_differs):
                continue
            lines.append(f"  {article.article_id}")
            if article.false_positives:
                lines.append(f"    false positives: {_named(article.false_positives, labels)}")
            if article.false_negatives:
                lines.append(f"    false negatives: {_named(article.false_negatives, labels)}")
            if about_differs:
                lines.append(f"    about found:     {_named(article.found_about, labels)}")
                lines.append(f"    about expected:  {_named(article.gold_about, labels)}")
        lines += ["", "Ambiguity cases settled wrongly:"]
        for case in split_cases:
            if case.correct:
                continue
            expected = case.expected or "none of its senses"
            tagged = ", ".join(sorted(case.tagged)) or "nothing"
            lines.append(f'  {case.case_id} "{case.surface}": expected {expected}, tagged {tagged}')
    return "\n".join(lines) + "\n"
