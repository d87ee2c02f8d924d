"""search_articles and concepts_named against the real index (SQLite FTS5 or PostgreSQL)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from wagtail.models import PageViewRestriction

from broadsheet.concepts.models import ConceptLabel, LabelKind
from broadsheet.content.models import ArticleAnnotation, Predicate
from broadsheet.content.tests.factories import AuthorFactory, ConceptFactory, make_article
from broadsheet.search import queries
from broadsheet.search.queries import (
    Filters,
    concepts_named,
    search_articles,
)

from .factories import make_story

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def found(query, *, filters=None, page=1, now=NOW):
    results = search_articles(query, filters=filters or Filters(), page=page, now=now)
    return [result.article.title for result in results.results]


# -- only what readers may see --


def test_a_published_article_is_found_by_a_word_in_its_body(section):
    make_story(section=section, title="Estuary count", text="Volunteers counted pelicans.")

    assert found("pelicans") == ["Estuary count"]


def test_headline_and_standfirst_are_searched(section):
    make_story(section=section, title="Pelicans return", standfirst="Birds are back.")
    make_story(section=section, title="Estuary news", standfirst="Cormorants nest early.")

    assert found("pelicans") == ["Pelicans return"]
    assert found("cormorants") == ["Estuary news"]


def test_a_word_only_in_a_draft_is_never_found(section):
    make_article(
        section=section, title="Draft", body=[("paragraph", "<p>zeppelin</p>")], publish=False
    )

    assert found("zeppelin") == []


def test_a_word_in_an_unpublished_article_is_no_longer_found(section):
    article = make_story(section=section, title="Withdrawn", text="The zeppelin landed.")
    assert found("zeppelin") == ["Withdrawn"]

    article.unpublish()

    assert found("zeppelin") == []


def test_a_word_only_in_a_newer_draft_revision_of_a_live_article_is_not_found(section):
    article = make_story(section=section, title="Live story", text="The ferry sailed.")
    article.body = [("paragraph", "<p>The zeppelin landed.</p>")]
    article.standfirst = "An airship over the harbour."
    article.save_revision()

    assert found("zeppelin") == []
    assert found("airship") == []
    assert found("ferry") == ["Live story"]


def test_a_word_in_a_privately_restricted_article_is_not_found(section):
    article = make_story(section=section, title="Members only", text="The zeppelin landed.")
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert found("zeppelin") == []


def test_a_word_in_an_article_under_a_restricted_section_is_not_found(section):
    make_story(section=section, title="Members only", text="The zeppelin landed.")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)

    assert found("zeppelin") == []


# -- relevance blended with recency --


def test_of_two_equally_relevant_stories_the_newer_comes_first(section):
    make_story(section=section, title="Old", text="Dock strike.", published_at=NOW - timedelta(400))
    make_story(section=section, title="New", text="Dock strike.", published_at=NOW - timedelta(1))

    assert found("strike") == ["New", "Old"]


def test_a_far_more_relevant_old_story_beats_a_passing_mention_today(section):
    make_story(
        section=section,
        title="Pelican census",
        standfirst="Pelicans, pelicans everywhere: the pelican census.",
        text="Pelican pelican pelican numbers rose; pelican colonies grew.",
        published_at=NOW - timedelta(days=45),
    )
    make_story(
        section=section,
        title="Council budget",
        text=" ".join(["The council debated its budget line by line."] * 20)
        + " A pelican was seen.",
        published_at=NOW - timedelta(hours=2),
    )

    assert found("pelican") == ["Pelican census", "Council budget"]


def test_all_words_must_match(section):
    make_story(section=section, title="Both", text="Harbour pelicans.")
    make_story(section=section, title="One", text="Harbour cranes.")

    assert found("harbour pelicans") == ["Both"]


# -- filters --


def test_section_filter(section, other_section):
    make_story(section=section, title="World ferry", text="ferry")
    make_story(section=other_section, title="Business ferry", text="ferry")

    assert found("ferry", filters=Filters(section=other_section)) == ["Business ferry"]


def test_concept_filter_finds_tagged_and_kicker_articles(section):
    concept = ConceptFactory(pref_label="Port strike")
    tagged = make_story(
        section=section, title="Tagged", text="ferry", published_at=NOW - timedelta(days=2)
    )
    ArticleAnnotation.objects.create(
        article=tagged,
        concept=concept,
        predicate=Predicate.ABOUT,
        source="editor",
        published_at=tagged.published_at,
    )
    make_story(
        section=section,
        title="Kicker",
        text="ferry",
        display_concept=concept,
        published_at=NOW - timedelta(days=1),
    )
    make_story(section=section, title="Neither", text="ferry")

    assert sorted(found("ferry", filters=Filters(concept=concept))) == ["Kicker", "Tagged"]


def test_author_filter(section):
    ana, ben = AuthorFactory(name="Ana Lima"), AuthorFactory(name="Ben Ode")
    make_story(section=section, title="By Ana", text="ferry", authors=[(ana, "")])
    make_story(section=section, title="By Ben", text="ferry", authors=[(ben, "")])

    assert found("ferry", filters=Filters(author=ana)) == ["By Ana"]


def test_date_range_includes_both_whole_days(section, settings):
    for day in (9, 10, 11, 12, 13):
        make_story(
            section=section,
            title=f"May {day}",
            text="ferry",
            published_at=datetime(2026, 5, day, 23, 59, tzinfo=UTC),
        )

    window = Filters(published_from=date(2026, 5, 10), published_to=date(2026, 5, 12))

    assert found("ferry", filters=window) == ["May 12", "May 11", "May 10"]


# -- pages of results --


def test_results_come_a_page_at_a_time_and_stop_at_the_candidate_limit(section, monkeypatch):
    monkeypatch.setattr(queries, "RESULTS_PER_PAGE", 2)
    monkeypatch.setattr(queries, "CANDIDATES", 5)
    for n in range(6):
        make_story(
            section=section, title=f"Story {n}", text="ferry", published_at=NOW - timedelta(days=n)
        )

    pages = [search_articles("ferry", filters=Filters(), page=n, now=NOW) for n in (1, 2, 3, 4)]

    shown = [[r.article.title for r in page.results] for page in pages]
    # Equally relevant: the backend picks which five are candidates; recency orders them.
    assert [len(titles) for titles in shown] == [2, 2, 1, 0]
    every = [title for titles in shown for title in titles]
    assert len(set(every)) == 5
    assert every == sorted(every)
    assert [(p.total, p.page_count, p.is_capped) for p in pages] == [(5, 3, True)] * 4
    assert [(p.has_previous, p.has_next) for p in pages] == [
        (False, True),
        (True, True),
        (True, False),
        (True, False),
    ]


def test_results_carry_highlighted_headline_and_snippet(section):
    make_story(
        section=section,
        title="Pelicans <return>",
        standfirst="Birds.",
        text="Volunteers counted <b>pelicans</b> &amp; herons.",
    )

    [result] = search_articles("pelicans", filters=Filters(), page=1, now=NOW).results

    assert result.headline == "<mark>Pelicans</mark> &lt;return&gt;"
    assert result.snippet == "Volunteers counted <mark>pelicans</mark> &amp; herons."


# -- concepts named by the query --


def test_a_query_naming_a_concept_offers_it_by_label_or_alias_in_any_case():
    port = ConceptFactory(pref_label="Port strike")
    ConceptLabel.objects.create(concept=port, label="Dock walkout", kind=LabelKind.ALT)
    ConceptLabel.objects.create(concept=port, label="Dokc strike", kind=LabelKind.HIDDEN)

    assert concepts_named("port STRIKE") == [port]
    assert concepts_named("  dock   walkout ") == [port]
    assert concepts_named("dokc strike") == []
    assert concepts_named("port") == []


def test_a_label_match_comes_before_an_alias_match_and_inactive_concepts_are_left_out():
    by_alias = ConceptFactory(pref_label="Alpha")
    ConceptLabel.objects.create(concept=by_alias, label="Mercury", kind=LabelKind.ALT)
    by_label = ConceptFactory(pref_label="Mercury")
    ConceptFactory(pref_label="mercury ", slug="mercury-old", is_active=False)

    assert concepts_named("mercury") == [by_label, by_alias]
