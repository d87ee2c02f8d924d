"""Editors see suggestions with evidence beside the text and decide; decisions land in drafts."""

import pytest

from broadsheet.concepts.models import Concept
from broadsheet.content.concept_review import decide_concept
from broadsheet.content.models import ArticleAnnotation, ArticlePage
from broadsheet.content.tests.factories import make_article


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-for-tests"
    )


@pytest.fixture
def article(section):
    Concept.objects.create(uri="bs:place/porto", type="location", pref_label="Porto", slug="porto")
    Concept.objects.create(uri="bs:place/braga", type="location", pref_label="Braga", slug="braga")
    Concept.objects.create(
        uri="bs:topic/rail",
        type="topic",
        pref_label="Rail transport",
        slug="rail",
        rules={"keywords": ["railway", "trains", "rail line"]},
    )
    return make_article(
        section=section,
        title="New rail line links Porto and Braga",
        standfirst="Trains will run every twenty minutes from March.",
        body=[
            (
                "paragraph",
                "<p>The railway between Porto and Braga opens in March, with trains every twenty minutes.</p>",
            )
        ],
    )


def test_the_edit_view_shows_suggestions_with_evidence(article, editor, client):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Suggested concepts" in html
    assert "<strong>Porto</strong>" in html
    assert "“Porto” in headline" in html
    assert f"/admin/articles/{article.pk}/concepts/" in html


def test_review_page_lists_found_concepts(article, editor, client):
    client.force_login(editor)
    response = client.get(f"/admin/articles/{article.pk}/concepts/")
    assert response.status_code == 200
    assert {s.concept.pref_label for s in response.context["found"]} >= {
        "Porto",
        "Braga",
        "Rail transport",
    }


def test_rejecting_saves_a_draft_and_publishing_applies_it(article, editor, client):
    porto = Concept.objects.get(slug="porto")
    client.force_login(editor)
    response = client.post(
        f"/admin/articles/{article.pk}/concepts/", {"concept": porto.pk, "action": "rejected"}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.has_unpublished_changes
    assert ArticleAnnotation.objects.filter(
        article=article, concept=porto
    ).exists()  # live set untouched
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        article.get_latest_revision().publish()
    assert not ArticleAnnotation.objects.filter(article=article, concept=porto).exists()


def test_adding_a_concept_the_engine_missed(article, editor, client):
    lisbon = Concept.objects.create(
        uri="bs:place/lisbon", type="location", pref_label="Lisbon", slug="lisbon"
    )
    client.force_login(editor)
    found = client.get(f"/admin/articles/{article.pk}/concepts/", {"q": "lisb"})
    assert [c.pk for c in found.context["matches"]] == [lisbon.pk]
    client.post(
        f"/admin/articles/{article.pk}/concepts/", {"concept": lisbon.pk, "action": "about"}
    )
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [(t.concept_id, t.decision) for t in draft.tags.all()] == [(lisbon.pk, "about")]


def test_choosing_the_display_concept(article, editor, client):
    rail = Concept.objects.get(slug="rail")
    client.force_login(editor)
    client.post(
        f"/admin/articles/{article.pk}/concepts/", {"concept": rail.pk, "action": "display"}
    )
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.display_concept == rail


def test_decisions_replace_each_other_and_undo(article, editor):
    porto = Concept.objects.get(slug="porto")
    decide_concept(article, concept=porto, decision="about", user=editor)
    decide_concept(article, concept=porto, decision="mentions", user=editor)
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [(t.concept_id, t.decision) for t in draft.tags.all()] == [(porto.pk, "mentions")]
    decide_concept(article, concept=porto, decision="undo", user=editor)
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert list(draft.tags.all()) == []
    with pytest.raises(ValueError, match="Unknown decision"):
        decide_concept(article, concept=porto, decision="maybe", user=editor)


def test_a_bad_decision_is_refused_without_a_new_revision(article, editor, client):
    client.force_login(editor)
    before = article.revisions.count()
    response = client.post(
        f"/admin/articles/{article.pk}/concepts/",
        {"concept": "999999", "action": "about"},
        follow=True,
    )
    assert "That concept no longer exists." in response.content.decode()
    assert article.revisions.count() == before


def test_people_without_edit_rights_cannot_review(article, client, django_user_model):
    reader = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    client.force_login(reader)
    response = client.get(f"/admin/articles/{article.pk}/concepts/")
    assert response.status_code in {302, 403}
    anonymous = client.__class__()
    assert (
        anonymous.post(
            f"/admin/articles/{article.pk}/concepts/", {"concept": "1", "action": "about"}
        ).status_code
        == 302
    )
