"""Reads of follows and of My feed, each in a number of queries that does not grow with follows.

My feed is a k-way merge done by the database: for each followed concept, the newest articles
after the cursor come off the index ``annotation_feed`` (concept, published_at DESC, article DESC,
predicate) already in order, at most one page each; the union of those short lists is deduplicated
and cut to one page. Its cost grows with the number of follows, never with the number of articles
or with how deep the page is (see docs/follows.md and docs/benchmarks-feed.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from django.db import connection

from broadsheet.concepts.models import Concept
from broadsheet.content.models import ArticleAnnotation, ArticlePage, Predicate
from broadsheet.content.queries import FEED_PREDICATES, article_cards
from broadsheet.core.pagination import Cursor

from .models import FeedState, Follow, atom_token_digest

if TYPE_CHECKING:
    from broadsheet.accounts.models import User

FEED_PER_PAGE = 20


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedItem:
    article: ArticlePage
    because: list[Concept]
    """The followed concepts that brought the article, by label."""
    is_new: bool
    """Published after the reader's previous visit."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedPage:
    items: list[FeedItem]
    next_cursor: str | None


def follows_of(reader: User) -> list[Follow]:
    """Return the reader's follows with their concepts, by concept label."""
    return list(
        Follow.objects.filter(reader=reader)
        .select_related("concept")
        .order_by("concept__pref_label", "pk")
    )


def followed_concept_ids(reader: User, concept_ids: Iterable[int]) -> list[int]:
    """Return which of ``concept_ids`` the reader follows, in ascending order."""
    return sorted(
        Follow.objects.filter(reader=reader, concept_id__in=list(concept_ids)).values_list(
            "concept_id", flat=True
        )
    )


def predicates_of(following: Follow) -> tuple[str, ...]:
    """Return the predicates that bring an article to My feed through this follow."""
    if following.include_mentions:
        return (*FEED_PREDICATES, Predicate.MENTIONS)
    return tuple(FEED_PREDICATES)


def feed_candidates(
    follows: Sequence[Follow], *, after: Cursor | None, limit: int
) -> list[tuple[int, datetime]]:
    """Return (article id, published_at) of the newest ``limit`` articles any follow brings,
    after the cursor, newest first, each once (one statement, see ``feed_candidates_sql``)."""
    if not follows or limit <= 0:
        return []
    sql, params = feed_candidates_sql(follows, after=after, limit=limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [(int(article_id), _as_datetime(published_at)) for article_id, published_at in rows]


def feed_candidates_sql(
    follows: Sequence[Follow], *, after: Cursor | None, limit: int
) -> tuple[str, list[Any] | dict[str, Any]]:
    """Return the SQL and parameters of ``feed_candidates`` for at least one follow.

    Per follow, a DISTINCT ... ORDER BY ... LIMIT walk of the index ``annotation_feed``; the
    outer query merges, deduplicates and cuts. PostgreSQL gets the follows as arrays and LATERAL
    subqueries, whose plan does not grow with the follows (a UNION ALL of 200 branches takes
    seconds to plan there), and first bounds how far back each walk goes; other databases get
    one UNION ALL branch per follow.
    """
    if connection.vendor == "postgresql":
        return _lateral_sql(follows, after=after, limit=limit)
    table = connection.ops.quote_name(ArticleAnnotation._meta.db_table)
    branches: list[str] = []
    params: list[Any] = []
    for index, following in enumerate(follows):
        predicates = predicates_of(following)
        where = [
            "concept_id = %s",
            f"predicate IN ({', '.join(['%s'] * len(predicates))})",
            "published_at IS NOT NULL",
        ]
        params.append(following.concept_id)
        params.extend(predicates)
        if after is not None:
            # The first condition bounds the index range; the second skips the cursor's ties.
            where.append("published_at <= %s")
            where.append("(published_at < %s OR article_id < %s)")
            moment = connection.ops.adapt_datetimefield_value(after.published_at)
            params.extend([moment, moment, after.pk])
        # Only placeholders, a quoted table name and a counter are interpolated.
        condition = " AND ".join(where)
        branches.append(
            f"SELECT * FROM (SELECT DISTINCT published_at, article_id FROM {table} WHERE "  # noqa: S608
            + condition
            + f" ORDER BY published_at DESC, article_id DESC LIMIT %s) AS branch_{index}"
        )
        params.append(limit)
    sql = (
        "SELECT article_id, published_at FROM ("  # noqa: S608
        + " UNION ALL ".join(branches)
        + ") AS merged GROUP BY article_id, published_at"
        " ORDER BY published_at DESC, article_id DESC LIMIT %s"
    )
    params.append(limit)
    return sql, params


def _lateral_query(*, with_cursor: bool) -> str:
    # Phase one takes each follow's newest article; the page's oldest article cannot be older
    # than the limit-th newest of those (with fewer, there is no bound). Phase two reads each
    # follow's index only down to that bound, so most follows yield a row or none.
    cursor_condition = (
        # The first condition bounds the index range; the second skips the cursor's ties.
        """
      AND annotation.published_at <= %(after_at)s
      AND (annotation.published_at < %(after_at)s OR annotation.article_id < %(after_id)s)"""
        if with_cursor
        else ""
    )
    brings = (
        """
      AND annotation.concept_id = follow.concept_id
      AND annotation.published_at IS NOT NULL
      AND (annotation.predicate = ANY(%(predicates)s::varchar[])
           OR (follow.include_mentions AND annotation.predicate = %(mentions)s))"""
        + cursor_condition
    )
    head = """
WITH follow AS (
  SELECT * FROM unnest(%(concepts)s::bigint[], %(include_mentions)s::boolean[])
    AS follow(concept_id, include_mentions)
), newest AS (
  SELECT DISTINCT top.published_at, top.article_id FROM follow CROSS JOIN LATERAL (
    SELECT annotation.published_at, annotation.article_id
    FROM content_articleannotation AS annotation WHERE TRUE"""
    middle = """
    ORDER BY annotation.published_at DESC, annotation.article_id DESC LIMIT 1
  ) AS top
), bound AS (
  SELECT coalesce((
    SELECT published_at FROM newest ORDER BY published_at DESC, article_id DESC
    OFFSET %(limit)s - 1 LIMIT 1
  ), '-infinity'::timestamptz) AS published_at
)
SELECT article_id, published_at FROM (
  SELECT DISTINCT found.article_id, found.published_at
  FROM follow CROSS JOIN bound CROSS JOIN LATERAL (
    SELECT DISTINCT annotation.published_at, annotation.article_id
    FROM content_articleannotation AS annotation
    WHERE annotation.published_at >= bound.published_at"""
    tail = """
    ORDER BY annotation.published_at DESC, annotation.article_id DESC LIMIT %(limit)s
  ) AS found
) AS merged
ORDER BY published_at DESC, article_id DESC
LIMIT %(limit)s"""
    return "".join([head, brings, middle, brings, tail])


LATERAL_FIRST_PAGE = _lateral_query(with_cursor=False)
LATERAL_AFTER_CURSOR = _lateral_query(with_cursor=True)


def _lateral_sql(
    follows: Sequence[Follow], *, after: Cursor | None, limit: int
) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {
        "concepts": [f.concept_id for f in follows],
        "include_mentions": [f.include_mentions for f in follows],
        "predicates": [str(p) for p in FEED_PREDICATES],
        "mentions": str(Predicate.MENTIONS),
        "limit": limit,
    }
    if after is not None:
        params.update(after_at=after.published_at, after_id=after.pk)
    return (LATERAL_AFTER_CURSOR if after is not None else LATERAL_FIRST_PAGE), params


def _as_datetime(value: datetime | str) -> datetime:
    """Return a raw column value as an aware datetime (SQLite hands back text)."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def personal_feed(
    reader: User,
    *,
    cursor: str | None = None,
    concept: Concept | None = None,
    since: datetime | None = None,
    per_page: int = FEED_PER_PAGE,
) -> FeedPage:
    """Return one page of My feed: the newest live articles the reader's follows bring, each once,
    with the follows that brought it, marked new when published after ``since``.

    ``concept`` keeps only what that one follow brings. A fixed number of queries however many
    follows and articles there are. Raises BadCursor for a cursor this site did not write and
    Follow.DoesNotExist when ``concept`` is not followed.
    """
    follows = follows_of(reader)
    if concept is not None:
        follows = [f for f in follows if f.concept_id == concept.pk]
        if not follows:
            raise Follow.DoesNotExist(f"{reader} does not follow {concept}.")
    after = Cursor.decode(cursor) if cursor else None
    candidates = feed_candidates(follows, after=after, limit=per_page + 1)
    next_cursor = None
    if len(candidates) > per_page:
        candidates = candidates[:per_page]
        last_id, last_at = candidates[-1]
        next_cursor = Cursor(published_at=last_at, pk=last_id).encode()
    ids = [article_id for article_id, _ in candidates]
    # Annotations outlive a view restriction: article_cards() keeps only live, public articles,
    # so a page can come out short but never shows what anonymous listings would not.
    articles = (
        {article.pk: article for article in article_cards().filter(pk__in=ids)} if ids else {}
    )
    because = reasons(follows, article_ids=list(articles))
    items = [
        FeedItem(
            article=articles[article_id],
            because=because.get(article_id, []),
            is_new=since is not None and published_at > since,
        )
        for article_id, published_at in candidates
        if article_id in articles
    ]
    return FeedPage(items=items, next_cursor=next_cursor)


def reasons(follows: Sequence[Follow], *, article_ids: list[int]) -> dict[int, list[Concept]]:
    """Return, per article, the followed concepts whose annotations brought it (one query)."""
    if not follows or not article_ids:
        return {}
    by_concept = {f.concept_id: f for f in follows}
    rows = (
        ArticleAnnotation.objects.filter(
            article_id__in=article_ids,
            concept_id__in=list(by_concept),
            published_at__isnull=False,
        )
        .values_list("article_id", "concept_id", "predicate")
        .distinct()
    )
    found: dict[int, dict[int, Concept]] = {}
    for article_id, concept_id, predicate in rows:
        following = by_concept[concept_id]
        if predicate in predicates_of(following):
            found.setdefault(article_id, {})[concept_id] = following.concept
    return {
        article_id: sorted(concepts.values(), key=lambda c: (c.pref_label, c.pk))
        for article_id, concepts in found.items()
    }


def previous_visit(reader: User) -> datetime | None:
    """Return the visit before the reader's latest one to My feed, which marks what is new."""
    state = FeedState.objects.filter(reader=reader).first()
    return state.previous_visit_at if state else None


def reader_for_atom_token(token: str) -> User | None:
    """Return the reader whose private Atom URL carries ``token``; None for a revoked or wrong one."""
    if not token:
        return None
    state = (
        FeedState.objects.select_related("reader")
        .filter(atom_token_hash=atom_token_digest(token), reader__is_active=True)
        .first()
    )
    return state.reader if state else None


def has_atom_token(reader: User) -> bool:
    """Return whether the reader has a private Atom URL switched on."""
    return FeedState.objects.filter(reader=reader).exclude(atom_token_hash="").exists()


def personal_data(reader: User) -> dict[str, Any]:
    """Return what follows keeps about a reader, for "download my data"."""
    from .models import FeedState

    state = FeedState.objects.filter(reader=reader).first()
    return {
        "follows": [
            {
                "concept": following.concept.pref_label,
                "concept_uri": following.concept.uri,
                "concept_url": following.concept.get_absolute_url(),
                "delivery": following.delivery,
                "include_mentions": following.include_mentions,
                "followed_at": following.created_at.isoformat(),
            }
            for following in Follow.objects.filter(reader=reader)
            .select_related("concept")
            .order_by("created_at", "pk")
        ],
        "my_feed_visited_at": (
            state.visited_at.isoformat() if state and state.visited_at else None
        ),
        "has_private_atom_feed": has_atom_token(reader),
    }
