"""The metric functions on small examples worked out by hand."""

from __future__ import annotations

import pytest

from annotator import AnnotationResult, Article, Concept, Vocabulary
from annotator.eval.gold import AmbiguityCase, GoldArticle, candidate_senses, surname
from annotator.eval.metrics import (
    Score,
    accuracy,
    compare,
    concept_set_score,
    evaluate_articles,
    evaluate_cases,
    judge_case,
    outcome,
    predicate_scores,
    type_scores,
)
from annotator.eval.tests.fakes import FakeAnnotator, annotation

VOCABULARY = Vocabulary(
    concepts=(
        Concept(
            uri="bs:place/washington-dc",
            type="location",
            pref_label="Washington, D.C.",
            alt_labels=("Washington",),
        ),
        Concept(
            uri="bs:place/washington-state",
            type="location",
            pref_label="Washington (state)",
            alt_labels=("Washington",),
        ),
        Concept(
            uri="bs:org/us-government",
            type="organisation",
            pref_label="United States government",
            alt_labels=("Washington",),
        ),
        Concept(uri="bs:org/white-house", type="organisation", pref_label="White House"),
        Concept(uri="bs:person/maria-costa", type="person", pref_label="Maria Costa"),
        Concept(uri="bs:person/joao-costa", type="person", pref_label="João Costa"),
        Concept(
            uri="bs:person/recep-tayyip-erdogan", type="person", pref_label="Recep Tayyip Erdoğan"
        ),
        Concept(
            uri="bs:person/ursula-von-der-leyen", type="person", pref_label="Ursula von der Leyen"
        ),
        Concept(
            uri="bs:place/turkey", type="location", pref_label="Turkey", alt_labels=("Türkiye",)
        ),
        Concept(uri="bs:place/kyiv", type="location", pref_label="Kyiv", alt_labels=("Kiev",)),
        Concept(uri="bs:topic/housing", type="topic", pref_label="Housing"),
    )
)


def gold(article_id: str, about: set[str], mentions: set[str]) -> GoldArticle:
    return GoldArticle(
        article=Article(id=article_id, body=("text",)),
        split="dev",
        about=frozenset(about),
        mentions=frozenset(mentions),
    )


def case(surface: str, expected: str | None) -> AmbiguityCase:
    return AmbiguityCase(
        id="c", article=Article(id="c", body=(surface,)), surface=surface, expected=expected
    )


def result(*annotations) -> AnnotationResult:
    return AnnotationResult(article_id="c", annotations=tuple(annotations))


def test_score_rates_from_counts():
    score = Score(tp=3, fp=1, fn=2)
    assert score.precision == 0.75
    assert score.recall == 0.6
    assert score.f1 == pytest.approx(2 / 3)


def test_score_rates_are_undefined_without_a_denominator():
    assert (Score().precision, Score().recall, Score().f1) == (None, None, None)
    only_wrong = Score(fp=2)
    assert (only_wrong.precision, only_wrong.recall, only_wrong.f1) == (0.0, None, 0.0)


def test_scores_add_up():
    assert Score(tp=1, fp=2, fn=3) + Score(tp=4, fp=5, fn=6) == Score(tp=5, fp=7, fn=9)


def test_compare_counts_shared_extra_and_missing_items():
    assert compare({"a", "b", "c"}, {"b", "c", "d", "e"}) == Score(tp=2, fp=1, fn=2)


def test_major_mentions_count_as_mentions_and_about_wins_over_a_lower_predicate():
    # given an article labelled about A and mentioning B and C
    article = gold("x", {"a"}, {"b", "c"})
    # when the annotator finds A as about (and again as a mention), B as majorMentions, D as mentions
    found = outcome(
        article,
        AnnotationResult(
            article_id="x",
            annotations=(
                annotation("a", "about"),
                annotation("a", "mentions"),
                annotation("b", "majorMentions"),
                annotation("d", "mentions"),
            ),
        ),
    )
    # then
    assert found.found_about == {"a"}
    assert found.found_mentions == {"b", "d"}
    assert found.false_positives == {"d"}
    assert found.false_negatives == {"c"}


def test_concept_set_predicate_and_type_scores_over_two_articles():
    # given two labelled articles
    golds = (
        gold("one", {"bs:topic/housing"}, {"bs:place/kyiv", "bs:person/maria-costa"}),
        gold("two", {"bs:org/white-house"}, {"bs:place/turkey"}),
    )
    annotator = FakeAnnotator(
        {
            # one: housing found only as a mention, Kyiv as about, Maria Costa missed,
            # and a stray Erdoğan
            "one": (
                annotation("bs:topic/housing", "mentions"),
                annotation("bs:place/kyiv", "about"),
                annotation("bs:person/recep-tayyip-erdogan", "mentions"),
            ),
            # two: exactly right
            "two": (
                annotation("bs:org/white-house", "about"),
                annotation("bs:place/turkey", "majorMentions"),
            ),
        }
    )
    # when
    outcomes = evaluate_articles(annotator, golds)
    # then every article was annotated once, in order
    assert annotator.seen == ["one", "two"]
    # concept set: found {housing, kyiv, erdogan} vs {housing, kyiv, costa}; {white house, turkey} right
    assert concept_set_score(outcomes) == Score(tp=4, fp=1, fn=1)
    # about: found {kyiv} vs {housing}; {white house} right
    # mentions: found {housing, erdogan} vs {kyiv, costa}; {turkey} right
    assert predicate_scores(outcomes) == {
        "about": Score(tp=1, fp=1, fn=1),
        "mentions": Score(tp=1, fp=2, fn=2),
    }
    types = {concept.uri: concept.type for concept in VOCABULARY.concepts}
    assert type_scores(outcomes, types) == {
        "person": Score(tp=0, fp=1, fn=1),
        "organisation": Score(tp=1, fp=0, fn=0),
        "location": Score(tp=2, fp=0, fn=0),
        "topic": Score(tp=1, fp=0, fn=0),
        "story": Score(),
    }


@pytest.mark.parametrize(
    ("surface", "senses"),
    [
        (
            "Washington",
            {"bs:place/washington-dc", "bs:place/washington-state", "bs:org/us-government"},
        ),
        ("Costa", {"bs:person/maria-costa", "bs:person/joao-costa"}),
        ("Erdogan", {"bs:person/recep-tayyip-erdogan"}),
        ("von der Leyen", {"bs:person/ursula-von-der-leyen"}),
        ("turkey", {"bs:place/turkey"}),
        ("Turkiye", {"bs:place/turkey"}),
        ("Kiev", {"bs:place/kyiv"}),
        ("Leyen", set()),
        ("Paris", set()),
    ],
)
def test_candidate_senses_of_a_surface(surface, senses):
    assert candidate_senses(VOCABULARY, surface) == senses


@pytest.mark.parametrize(
    ("name", "family_name"),
    [
        ("Keir Starmer", "Starmer"),
        ("Ursula von der Leyen", "von der Leyen"),
        ("Luiz Inácio Lula da Silva", "da Silva"),
    ],
)
def test_surname(name, family_name):
    assert surname(name) == family_name


def test_case_is_correct_when_only_the_expected_sense_is_tagged_from_the_surface():
    outcome_ = judge_case(
        case("Washington", "bs:place/washington-dc"),
        result(annotation("bs:place/washington-dc", "about", "Washington\u2019s")),
        VOCABULARY,
    )
    assert outcome_.tagged == {"bs:place/washington-dc"}
    assert outcome_.correct


def test_case_is_wrong_when_a_second_sense_is_tagged_too():
    outcome_ = judge_case(
        case("Washington", "bs:place/washington-dc"),
        result(
            annotation("bs:place/washington-dc", "about", "Washington"),
            annotation("bs:org/us-government", "mentions", "Washington"),
        ),
        VOCABULARY,
    )
    assert outcome_.tagged == {"bs:place/washington-dc", "bs:org/us-government"}
    assert not outcome_.correct


def test_case_is_wrong_when_the_expected_sense_is_missed():
    outcome_ = judge_case(case("Washington", "bs:place/washington-dc"), result(), VOCABULARY)
    assert outcome_.tagged == frozenset()
    assert not outcome_.correct


def test_a_sense_found_through_another_label_is_not_counted():
    # the US government found only through "White House" says nothing about "Washington"
    outcome_ = judge_case(
        case("Washington", None),
        result(annotation("bs:org/us-government", "mentions", "White House")),
        VOCABULARY,
    )
    assert outcome_.tagged == frozenset()
    assert outcome_.correct


def test_null_case_is_wrong_when_any_sense_is_tagged():
    outcome_ = judge_case(
        case("Costa", None),
        result(annotation("bs:person/maria-costa", "mentions", "Costa")),
        VOCABULARY,
    )
    assert not outcome_.correct


def test_surname_evidence_inside_a_full_name_counts_for_the_surface():
    outcome_ = judge_case(
        case("Costa", "bs:person/maria-costa"),
        result(annotation("bs:person/maria-costa", "about", "Maria Costa", "Ms Costa")),
        VOCABULARY,
    )
    assert outcome_.correct


def test_diacritics_and_case_are_ignored_when_matching_evidence():
    outcome_ = judge_case(
        case("Erdogan", "bs:person/recep-tayyip-erdogan"),
        result(annotation("bs:person/recep-tayyip-erdogan", "about", "ERDOĞAN")),
        VOCABULARY,
    )
    assert outcome_.correct


def test_accuracy_over_cases():
    annotator = FakeAnnotator({"c": (annotation("bs:place/kyiv", "about", "Kiev"),)})
    outcomes = evaluate_cases(
        annotator, (case("Kiev", "bs:place/kyiv"), case("Kiev", None)), VOCABULARY
    )
    assert [o.correct for o in outcomes] == [True, False]
    assert accuracy(outcomes) == 0.5
    assert accuracy(()) is None
