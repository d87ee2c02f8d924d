"""Articles are annotated on publish; editors' decisions win; readers see kicker and topics."""

from datetime import UTC, datetime, timedelta

import html5lib
import pytest
import time_machine
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from broadsheet.concepts.models import Concept, ConceptLabel
from broadsheet.content.annotating import annotate_article, suggestions_for
from broadsheet.content.models import ArticleAnnotation, ArticleTag
from broadsheet.content.tests.factories import AuthorFactory, make_article

START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def concept(uri, label, kind, *aliases, **rules):
    row = Concept.objects.create(
        uri=uri, type=kind, pref_label=label, slug=uri.split("/")[-1], rules=rules
    )
    for alias in aliases:
        ConceptLabel.objects.create(concept=row, label=alias)
    return row


@pytest.fixture
def vocabulary(db):
    return {
        "lisbon": concept("bs:place/lisbon", "Lisbon", "location"),
        "portugal": concept("bs:place/portugal", "Portugal", "location"),
        "strikes": concept(
            "bs:topic/strikes",
            "Industrial action",
            "topic",
            keywords=["strike", "dockers", "picket"],
        ),
        "union": concept("bs:org/dockers-union", "Lisbon Dockers' Union", "organisation"),
        "pay": concept("bs:person/marta-pinheiro", "Marta Pinheiro", "person"),
    }


def port_strike(section, **kwargs):
    body = [
        (
            "paragraph",
            "<p>Dockers in Lisbon voted on Monday to end a nine-day strike after Marta Pinheiro, "
            "who leads the Lisbon Dockers' Union, accepted a two-year pay offer.</p>",
        ),
        (
            "paragraph",
            "<p>Pinheiro said the picket lines would come down at midnight. The strike had "
            "left container ships waiting off Portugal's coast.</p>",
        ),
        ("paragraph", "<p>The dockers will return to work on Tuesday.</p>"),
    ]
    return make_article(
        section=section,
        title="Lisbon dockers end strike",
        standfirst="The union accepted a two-year pay deal after nine days of strike action.",
        body=body,
        **kwargs,
    )


def stored(article, source=None):
    rows = ArticleAnnotation.objects.filter(article=article)
    if source:
        rows = rows.filter(source=source)
    return {(r.concept.uri or r.concept.slug, r.predicate) for r in rows.select_related("concept")}


def test_publishing_stores_annotations_with_evidence(section, vocabulary):
    article = port_strike(section)
    auto = stored(article, "auto")
    assert ("bs:place/lisbon", "about") in auto or ("bs:place/lisbon", "majorMentions") in auto
    assert {uri for uri, _ in auto} >= {
        "bs:topic/strikes",
        "bs:org/dockers-union",
        "bs:person/marta-pinheiro",
        "bs:place/portugal",
    }
    row = ArticleAnnotation.objects.get(article=article, concept=vocabulary["pay"], source="auto")
    assert [e["text"] for e in row.evidence] == ["Marta Pinheiro", "Pinheiro"]
    assert [e["part"] for e in row.evidence] == ["body", "body"]
    assert all(e["end"] - e["start"] == len(e["text"]) for e in row.evidence)
    assert row.published_at == article.published_at


def test_authors_and_section_are_annotated_from_the_cms(section, vocabulary):
    ana = AuthorFactory(name="Ana Lima", slug="ana-lima")
    article = port_strike(section, authors=[(ana, "Lisbon")])
    cms = stored(article, "cms")
    assert ("author-ana-lima", "hasAuthor") in cms
    assert ("section-world", "isPrimarilyClassifiedBy") in cms
    assert ana.concept.type == "author"


def test_drafts_store_nothing_but_get_suggestions(section, vocabulary):
    draft = port_strike(section, publish=False)
    assert not ArticleAnnotation.objects.filter(article=draft).exists()
    found = {s.concept.uri for s in suggestions_for(draft) if s.concept}
    assert {"bs:place/lisbon", "bs:topic/strikes", "bs:person/marta-pinheiro"} <= found


def test_editor_decisions_survive_reannotation(section, vocabulary):
    article = port_strike(section)
    ArticleTag.objects.create(page=article, concept=vocabulary["portugal"], decision="rejected")
    ArticleTag.objects.create(page=article, concept=vocabulary["union"], decision="about")
    annotate_article(article)
    annotate_article(article)
    uris = stored(article)
    assert not any(uri == "bs:place/portugal" for uri, _ in uris)
    assert ("bs:org/dockers-union", "about") in stored(article, "editor")
    assert not any(uri == "bs:org/dockers-union" for uri, _ in stored(article, "auto"))


def test_unpublishing_takes_the_article_out_of_feeds(section, vocabulary):
    article = port_strike(section)
    article.unpublish()
    assert ArticleAnnotation.objects.filter(article=article).exists()
    assert not ArticleAnnotation.objects.filter(
        article=article, published_at__isnull=False
    ).exists()


def test_kicker_falls_back_to_the_top_about_topic(section, vocabulary, client):
    article = port_strike(section)
    tree = html5lib.parse(
        client.get(article.url).content, treebuilder="etree", namespaceHTMLElements=False
    )
    kicker = next(e for e in tree.iter("p") if "article__kicker" in (e.get("class") or ""))
    about_topics = ArticleAnnotation.objects.filter(
        article=article, predicate="about", concept__type__in=["topic", "story"]
    )
    assert about_topics.exists()
    assert kicker.find("a").get("href") == "/topics/strikes/"


def test_follow_list_orders_display_about_people_then_authors(section, vocabulary, client):
    ana = AuthorFactory(name="Ana Lima", slug="ana-lima")
    story = concept("bs:story/port-dispute", "Port dispute", "story")
    article = port_strike(section, authors=[(ana, "Lisbon")], display_concept=story)
    response = client.get(article.url)
    items = response.context["follow_items"]
    labels = [item["label"] for item in items]
    assert labels[0] == "Port dispute"
    assert labels[-1] == "Ana Lima"
    assert len(labels) == len(set(labels))
    assert "Industrial action" in labels


def test_concept_pages_list_annotated_articles_and_redirect_authors_and_merges(
    section, vocabulary, client
):
    from broadsheet.concepts.actions import merge_concepts

    with time_machine.travel(START, tick=False):
        first = port_strike(section)
    response = client.get("/topics/marta-pinheiro/")
    assert response.status_code == 200
    assert [a.pk for a in response.context["listing"].items] == [first.pk]
    ana = AuthorFactory(name="Ana Lima", slug="ana-lima")
    assert client.get(f"/topics/{ana.concept.slug}/").headers["Location"] == "/authors/ana-lima/"
    old = concept("bs:person/m-pinheiro", "M. Pinheiro", "person")
    merge_concepts(old, into=vocabulary["pay"])
    assert client.get("/topics/m-pinheiro/").headers["Location"] == "/topics/marta-pinheiro/"


def test_article_query_count_is_constant_in_the_number_of_concepts(section, vocabulary, client):
    few = make_article(
        section=section, title="Quiet day", body=[("paragraph", "<p>Nothing named here.</p>")]
    )
    many = port_strike(section)
    assert ArticleAnnotation.objects.filter(article=many).count() >= 6
    counts = []
    for article in (few, many):
        client.get(article.url)
        with CaptureQueriesContext(connection) as captured:
            client.get(article.url)
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_vocabulary_change_reannotates_live_articles(section, vocabulary):
    import annotator
    from broadsheet.concepts.actions import import_vocabulary

    article = port_strike(section)
    assert not any(uri == "bs:topic/shipping" for uri, _ in stored(article))
    with (
        time_machine.travel(datetime.now(UTC) + timedelta(seconds=1)),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        import_vocabulary(
            annotator.Vocabulary(
                concepts=(
                    annotator.Concept(
                        uri="bs:topic/shipping",
                        type="topic",
                        pref_label="Shipping",
                        keywords=("container ships", "pay offer"),
                    ),
                )
            )
        )
    assert any(uri == "bs:topic/shipping" for uri, _ in stored(article))


def test_concept_page_shows_description_and_related_concepts(section, vocabulary, client):
    lisbon = vocabulary["lisbon"]
    lisbon.description = "Capital of Portugal, on the Tagus estuary."
    lisbon.broader.add(vocabulary["portugal"])
    lisbon.related.add(vocabulary["union"])
    lisbon.save()  # parental relations are written on save
    response = client.get("/topics/lisbon/")
    html = response.content.decode()
    assert "Capital of Portugal, on the Tagus estuary." in html
    assert [c.pref_label for c in response.context["related"]] == [
        "Lisbon Dockers' Union",
        "Portugal",
    ]
    assert 'href="/topics/portugal/"' in html


def test_unknown_and_retired_concepts_are_404(db, client):
    Concept.objects.create(
        uri="bs:topic/old", type="topic", pref_label="Old", slug="old", is_active=False
    )
    assert client.get("/topics/old/").status_code == 404
    assert client.get("/topics/never-was/").status_code == 404
