"""The blend of relevance and recency: exact scores and a fixed order, no database."""

from datetime import UTC, datetime, timedelta

import pytest

from broadsheet.search.ranking import (
    RECENCY_HALF_LIFE_DAYS,
    Candidate,
    Ranked,
    rank,
    recency,
)

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


@pytest.mark.parametrize(
    ("age_days", "expected"),
    [(0, 1.0), (RECENCY_HALF_LIFE_DAYS, 0.5), (2 * RECENCY_HALF_LIFE_DAYS, 0.25), (-3, 1.0)],
)
def test_recency_halves_every_half_life(age_days, expected):
    assert recency(days_ago(age_days), now=NOW) == pytest.approx(expected)


def test_scores_are_relevance_share_plus_recency_share():
    ranked = rank(
        [
            Candidate(pk=1, relevance=-4.0, published_at=days_ago(0)),
            Candidate(pk=2, relevance=-2.0, published_at=days_ago(RECENCY_HALF_LIFE_DAYS)),
        ],
        now=NOW,
    )
    # 0.6 * 4/4 + 0.4 * 1 = 1.0; 0.6 * 2/4 + 0.4 * 0.5 = 0.5
    assert ranked == [Ranked(pk=1, score=1.0), Ranked(pk=2, score=0.5)]


def test_positive_and_negative_backend_scores_rank_the_same():
    stories = [(1, 3.0, 90), (2, 1.0, 0), (3, 2.0, 10)]
    postgres_like = [Candidate(pk=p, relevance=r, published_at=days_ago(d)) for p, r, d in stories]
    sqlite_like = [Candidate(pk=p, relevance=-r, published_at=days_ago(d)) for p, r, d in stories]

    assert rank(postgres_like, now=NOW) == rank(sqlite_like, now=NOW)


def test_a_fresh_story_outranks_an_old_one_of_equal_relevance():
    ranked = rank(
        [
            Candidate(pk=1, relevance=2.0, published_at=days_ago(400)),
            Candidate(pk=2, relevance=2.0, published_at=days_ago(1)),
        ],
        now=NOW,
    )
    assert [r.pk for r in ranked] == [2, 1]


def test_a_much_more_relevant_old_story_still_outranks_a_weak_fresh_one():
    ranked = rank(
        [
            Candidate(pk=1, relevance=0.5, published_at=days_ago(0)),
            Candidate(pk=2, relevance=10.0, published_at=days_ago(365)),
        ],
        now=NOW,
    )
    assert [r.pk for r in ranked] == [2, 1]


def test_ties_go_to_the_newer_story_then_the_higher_id():
    same_time = days_ago(5)
    ranked = rank(
        [
            Candidate(pk=1, relevance=1.0, published_at=same_time),
            Candidate(pk=3, relevance=1.0, published_at=same_time),
            Candidate(pk=2, relevance=1.0, published_at=same_time),
        ],
        now=NOW,
    )
    assert [r.pk for r in ranked] == [3, 2, 1]


def test_no_candidates_and_zero_relevance_rank_without_dividing_by_zero():
    assert rank([], now=NOW) == []
    assert rank([Candidate(pk=1, relevance=0.0, published_at=NOW)], now=NOW) == [
        Ranked(pk=1, score=0.4)
    ]
