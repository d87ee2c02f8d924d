from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from broadsheet.content.models import ArticleAnnotation
from broadsheet.content.tests.factories import ConceptFactory
from broadsheet.core.pagination import BadCursor
from broadsheet.follows.models import Follow
from broadsheet.follows.queries import personal_feed

from .factories import ABOUT, MAJOR, MENTIONS, FollowFactory, ReaderFactory, tagged_article

START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


@pytest.fixture
def topics(db):
    return {
        "barrage": ConceptFactory(pref_label="Estuary barrage", type="story"),
        "ferries": ConceptFactory(pref_label="Ferry services", type="topic"),
        "unfollowed": ConceptFactory(pref_label="Cricket", type="topic"),
    }


def titles(feed):
    return [item.article.title for item in feed.items]


def test_feed_lists_about_and_major_mentions_newest_first_each_once_with_its_reasons(
    section, reader, topics
):
    FollowFactory(reader=reader, concept=topics["barrage"])
    FollowFactory(reader=reader, concept=topics["ferries"])
    tagged_article(section, at=at(1), title="Barrage vote", tags=[(topics["barrage"], ABOUT)])
    tagged_article(
        section,
        at=at(2),
        title="Ferries halted by barrage works",
        tags=[(topics["barrage"], MAJOR), (topics["ferries"], ABOUT)],
    )
    tagged_article(
        section, at=at(3), title="Ferry fares aside", tags=[(topics["ferries"], MENTIONS)]
    )
    tagged_article(section, at=at(4), title="Cup final", tags=[(topics["unfollowed"], ABOUT)])

    feed = personal_feed(reader)

    assert titles(feed) == ["Ferries halted by barrage works", "Barrage vote"]
    assert [c.pref_label for c in feed.items[0].because] == ["Estuary barrage", "Ferry services"]
    assert [c.pref_label for c in feed.items[1].because] == ["Estuary barrage"]
    assert feed.next_cursor is None


def test_a_follow_may_include_mentions(section, reader, topics):
    FollowFactory(reader=reader, concept=topics["ferries"], include_mentions=True)
    tagged_article(
        section, at=at(1), title="Ferry fares aside", tags=[(topics["ferries"], MENTIONS)]
    )
    assert titles(personal_feed(reader)) == ["Ferry fares aside"]


def test_unpublished_and_private_articles_stay_out(section, reader, topics):
    from wagtail.models import PageViewRestriction

    FollowFactory(reader=reader, concept=topics["barrage"])
    shown = tagged_article(section, at=at(1), title="Public", tags=[(topics["barrage"], ABOUT)])
    private = tagged_article(section, at=at(2), title="Members", tags=[(topics["barrage"], ABOUT)])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    gone = tagged_article(section, at=at(3), title="Withdrawn", tags=[(topics["barrage"], ABOUT)])
    gone.unpublish()

    assert titles(personal_feed(reader)) == [shown.title]


def test_pages_follow_each_other_without_gaps_or_repeats(section, reader, topics):
    FollowFactory(reader=reader, concept=topics["barrage"])
    FollowFactory(reader=reader, concept=topics["ferries"])
    for n in range(7):
        tags = [(topics["barrage"], ABOUT)] if n % 2 else [(topics["ferries"], ABOUT)]
        if n == 3:
            tags.append((topics["ferries"], MAJOR))
        tagged_article(section, at=at(n), title=f"Report {n}", tags=tags)

    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        feed = personal_feed(reader, cursor=cursor, per_page=3)
        seen += titles(feed)
        pages += 1
        cursor = feed.next_cursor
        if cursor is None:
            break
    assert seen == [f"Report {n}" for n in range(6, -1, -1)]
    assert pages == 3


def test_articles_published_at_the_same_moment_are_paged_by_id(section, reader, topics):
    FollowFactory(reader=reader, concept=topics["barrage"])
    articles = [
        tagged_article(
            section, at=at(0), title=f"Same minute {n}", tags=[(topics["barrage"], ABOUT)]
        )
        for n in range(3)
    ]
    first = personal_feed(reader, per_page=2)
    second = personal_feed(reader, cursor=first.next_cursor, per_page=2)
    expected = [a.title for a in sorted(articles, key=lambda a: a.pk, reverse=True)]
    assert titles(first) + titles(second) == expected


def test_filter_by_one_followed_concept(section, reader, topics):
    FollowFactory(reader=reader, concept=topics["barrage"])
    FollowFactory(reader=reader, concept=topics["ferries"])
    tagged_article(section, at=at(1), title="Barrage vote", tags=[(topics["barrage"], ABOUT)])
    tagged_article(section, at=at(2), title="Ferry timetable", tags=[(topics["ferries"], ABOUT)])
    assert titles(personal_feed(reader, concept=topics["ferries"])) == ["Ferry timetable"]
    with pytest.raises(Follow.DoesNotExist):
        personal_feed(reader, concept=topics["unfollowed"])


def test_new_since_the_previous_visit_is_marked(section, reader, topics):
    FollowFactory(reader=reader, concept=topics["barrage"])
    tagged_article(section, at=at(1), title="Old", tags=[(topics["barrage"], ABOUT)])
    tagged_article(section, at=at(5), title="New", tags=[(topics["barrage"], ABOUT)])
    feed = personal_feed(reader, since=at(3))
    assert [(item.article.title, item.is_new) for item in feed.items] == [
        ("New", True),
        ("Old", False),
    ]


def test_a_forged_cursor_is_refused(reader):
    with pytest.raises(BadCursor):
        personal_feed(reader, cursor="not-a-cursor")


def test_a_reader_following_nothing_gets_an_empty_feed(reader):
    feed = personal_feed(reader)
    assert (feed.items, feed.next_cursor) == ([], None)


def _feed_queries(django_assert_num_queries, reader, count):
    with django_assert_num_queries(count):
        feed = personal_feed(reader, per_page=4)
        for item in feed.items:
            _ = item.article.kicker, [b.author.name for b in item.article.bylines.all()]
    return feed


def test_query_count_does_not_grow_with_follows_or_articles(section, django_assert_num_queries):
    small = ReaderFactory(username="small")
    large = ReaderFactory(username="large")
    concepts = [ConceptFactory(pref_label=f"Topic {n}", type="topic") for n in range(6)]
    for n, concept in enumerate(concepts):
        FollowFactory(reader=large, concept=concept)
        if n < 2:
            FollowFactory(reader=small, concept=concept)
        tagged_article(section, at=at(n), title=f"Story {n}", tags=[(concept, ABOUT)])
    tagged_article(section, at=at(9), title="Every topic", tags=[(c, ABOUT) for c in concepts])
    assert ArticleAnnotation.objects.filter(concept__in=concepts).count() == 12

    with CaptureQueriesContext(connection) as small_queries:
        small_feed = personal_feed(small, per_page=4)
    expected = len(small_queries.captured_queries)
    large_feed = _feed_queries(django_assert_num_queries, large, expected)
    assert len(small_feed.items) == 3
    assert len(large_feed.items) == 4
    assert [c.pref_label for c in large_feed.items[0].because] == [f"Topic {n}" for n in range(6)]
