"""Publishing, editing, unpublishing and annotation changes purge exactly the pages they affect."""

import pytest

from broadsheet.concepts.actions import merge_concepts
from broadsheet.concepts.models import Concept
from broadsheet.content.models import ArticlePage, PublicationSettings
from broadsheet.content.tests.factories import AuthorFactory, make_article
from broadsheet.delivery.actions import purge

TRAMS = [("paragraph", "<p>Trams in Lisbon ran again on Monday after the repairs.</p>")]


@pytest.fixture
def lisbon(db):
    return Concept.objects.create(
        uri="bs:place/lisbon", type="location", pref_label="Lisbon", slug="lisbon"
    )


def all_keys(purged):
    return {key for batch in purged for key in batch}


def test_first_publish_purges_the_article_and_the_listings_it_joins(section, home, lisbon, purged):
    author = AuthorFactory()
    article = make_article(
        section=section, title="Trams return", body=TRAMS, authors=[(author, "")]
    )
    assert all_keys(purged) == {
        f"articlepage-{article.pk}",
        f"list-homepage-{home.pk}",
        f"list-sectionpage-{section.pk}",
        f"list-author-{author.pk}",
        f"list-concept-{lisbon.pk}",
        "list-search",  # any search page may now find it
        # The author's and section's own concepts are annotations too (hasAuthor, section).
        *(f"list-concept-{pk}" for pk in (author.concept_id, section.concept_id) if pk),
    }


def test_republishing_an_edit_purges_the_same_keys_and_nothing_unrelated(
    section, lisbon, purged, django_capture_on_commit_callbacks
):
    article = make_article(section=section, title="Trams return", body=TRAMS)
    other = make_article(section=section, title="Ferries are late")
    first = all_keys(purged)
    purged.clear()
    article = ArticlePage.objects.get(pk=article.pk)
    article.title = "Trams return to the hills"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    keys = all_keys(purged)
    assert f"articlepage-{article.pk}" in keys
    assert f"articlepage-{other.pk}" not in keys
    assert keys <= first | {f"list-concept-{lisbon.pk}"}


def test_unpublishing_purges_the_article_and_its_listings(
    section, lisbon, purged, django_capture_on_commit_callbacks
):
    article = make_article(section=section, title="Trams return", body=TRAMS)
    published_keys = all_keys(purged)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert all_keys(purged) == published_keys


def test_a_concept_edit_purges_its_pages(lisbon, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        lisbon.description = "Capital of Portugal."
        lisbon.save()
    assert purged == [[f"concept-{lisbon.pk}", f"list-concept-{lisbon.pk}"]]


def test_a_merge_purges_both_concepts(lisbon, purged, django_capture_on_commit_callbacks):
    lisboa = Concept.objects.create(
        uri="bs:place/lisboa", type="location", pref_label="Lisboa", slug="lisboa"
    )
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        merge_concepts(lisboa, into=lisbon)
    assert {f"concept-{lisboa.pk}", f"concept-{lisbon.pk}"} <= all_keys(purged)


def test_publication_settings_purge_every_page(home, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        settings = PublicationSettings.for_site(home.get_site())
        settings.name = "The Evening Broadsheet"
        settings.save()
    assert ["site"] in purged


def test_purges_in_one_transaction_go_out_once_and_not_at_all_on_rollback(
    db, purged, django_capture_on_commit_callbacks
):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        purge({"a"})
        purge({"b", "a"})
    assert purged == [["a", "b"]]
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                purge({"c"})
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        purge({"d"})
    assert purged == [["d"]]
    assert len(callbacks) == 1
