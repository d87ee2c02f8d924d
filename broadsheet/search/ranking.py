"""Blend full-text relevance with recency: a pure function of the candidates and the time.

    score = (1 - RECENCY_WEIGHT) * relevance / best_relevance
            + RECENCY_WEIGHT * 0.5 ** (age_days / RECENCY_HALF_LIFE_DAYS)

Relevance is the backend's own score (SQLite FTS5's bm25 is negative, PostgreSQL's ts_rank is
positive; both grow in magnitude with relevance), so it is taken as a magnitude and divided by
the best candidate's: the most relevant story scores 1 on that side on every backend. Recency
halves every RECENCY_HALF_LIFE_DAYS. Ties go to the newer story, then the higher id, so the
order never depends on the database's row order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

RECENCY_WEIGHT = 0.4
"""Share of the score that recency decides; the rest is relevance."""
RECENCY_HALF_LIFE_DAYS = 30.0
"""Age at which recency counts half of what it counts for a story published now."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    pk: int
    relevance: float
    published_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Ranked:
    pk: int
    score: float


def recency(published_at: datetime, *, now: datetime) -> float:
    """Return 1 for a story published now, halving every RECENCY_HALF_LIFE_DAYS (never above 1)."""
    age_days = max(0.0, (now - published_at).total_seconds() / 86_400)
    return float(0.5 ** (age_days / RECENCY_HALF_LIFE_DAYS))


def rank(candidates: list[Candidate], *, now: datetime) -> list[Ranked]:
    """Return the candidates ordered by blended score, best first."""
    best = max((abs(c.relevance) for c in candidates), default=0.0)
    scored = []
    for candidate in candidates:
        share = abs(candidate.relevance) / best if best else 0.0
        score = (1 - RECENCY_WEIGHT) * share + RECENCY_WEIGHT * recency(
            candidate.published_at, now=now
        )
        scored.append((score, candidate))
    scored.sort(key=lambda pair: (-pair[0], -pair[1].published_at.timestamp(), -pair[1].pk))
    return [Ranked(pk=candidate.pk, score=round(score, 6)) for score, candidate in scored]
