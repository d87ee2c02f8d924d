"""Wire copy comes pre-tagged: the sender's subjects, people, organisations and places."""

import pytest
from django.test import TestCase

from broadsheet.concepts.models import Concept, ConceptLabel
from broadsheet.content.actions import import_ninjs_item
from broadsheet.content.ingest.ninjs import NinjsError, parse_item
from broadsheet.content.models import ArticleAnnotation


def item(**tags):
    return {
        "uri": "urn:northwind-wire:2026:ferry-0001",
        "headlines": [{"role": "main", "value": "Ferry crews vote on new timetable"}],
        "descriptions": [
            {"role": "summary", "value": "Crews on the island routes will vote on Friday."}
        ],
        "bodies": [
            {"role": "main", "contenttype": "text/html", "value": "<p>Crews meet on Friday.</p>"}
        ],
        "by": "Rui Faria in Ponta Delgada",
        "firstcreated": "2026-11-20T08:00:00Z",
        **tags,
    }


@pytest.fixture
def vocabulary(db):
    azores = Concept.objects.create(
        uri="bs:place/azores", type="location", pref_label="Azores", slug="azores"
    )
    ConceptLabel.objects.create(concept=azores, label="Açores")
    Concept.objects.create(
        uri="bs:topic/transport", type="topic", pref_label="Transport", slug="transport"
    )
    Concept.objects.create(
        uri="http://cv.iptc.org/newscodes/mediatopic/20000344",
        type="topic",
        pref_label="Labour dispute",
        slug="labour-dispute",
    )
    return azores


def wire_rows(page):
    return sorted(
        (row.concept.slug, row.predicate, row.published_at is not None)
        for row in ArticleAnnotation.objects.filter(article=page, source="wire").select_related(
            "concept"
        )
    )


def test_tags_map_to_concepts_by_uri_or_label_and_keep_their_rel(section, vocabulary):
    data = item(
        subjects=[
            {
                "name": "labour dispute",
                "uri": "http://cv.iptc.org/newscodes/mediatopic/20000344",
                "rel": "about",
            },
            {"name": "transport", "rel": "mentions"},
        ],
        places=[{"name": "Açores", "rel": "http://schema.org/about"}],
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        result = import_ninjs_item(data, base_dir=None, section=section, publish=True)
    assert wire_rows(result.page) == [
        ("azores", "about", True),
        ("labour-dispute", "about", True),
        ("transport", "mentions", True),
    ]
    assert result.warnings == ()


def test_unknown_tags_become_suggested_concepts(section, vocabulary):
    data = item(
        people=[{"name": "Rui Faria", "uri": "urn:northwind:person:rfaria", "rel": "about"}]
    )
    result = import_ninjs_item(data, base_dir=None, section=section, publish=False)
    suggested = Concept.objects.get(uri="urn:northwind:person:rfaria")
    assert (suggested.type, suggested.is_active, suggested.is_suggested) == ("person", False, True)
    assert wire_rows(result.page) == [(suggested.slug, "about", False)]
    assert result.warnings == (
        'The sender\'s tag "Rui Faria" is new: it was added as a suggested concept for review.',
    )
    again = import_ninjs_item(data, base_dir=None, section=section, publish=False)
    assert Concept.objects.filter(uri="urn:northwind:person:rfaria").count() == 1
    assert again.warnings == ()


def test_reimport_replaces_the_senders_tags(section, vocabulary):
    import_ninjs_item(
        item(subjects=[{"name": "Transport"}]), base_dir=None, section=section, publish=False
    )
    result = import_ninjs_item(
        item(subjects=[{"name": "Labour dispute"}]), base_dir=None, section=section, publish=False
    )
    assert wire_rows(result.page) == [("labour-dispute", "mentions", False)]


@pytest.mark.parametrize(
    ("tags", "field"),
    [
        ({"subjects": "Transport"}, "subjects"),
        ({"people": [["Rui"]]}, "people[0]"),
        ({"places": [{"rel": "about"}]}, "places[0]"),
        ({"organisations": [{"name": 42}]}, "organisations[0].name"),
    ],
)
def test_malformed_tags_name_the_field(tags, field):
    with pytest.raises(NinjsError) as refused:
        parse_item(item(**tags))
    assert refused.value.field == field
