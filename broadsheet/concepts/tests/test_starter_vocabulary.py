"""The starter vocabulary: it loads, covers what it promises, reads well and imports."""

import csv
import re
from collections import defaultdict
from io import StringIO
from pathlib import Path

import pycountry
import pytest
from django.core.management import call_command

import annotator
from annotator.index import key_of
from broadsheet.concepts.data import build_starter_vocabulary
from broadsheet.concepts.models import Concept, ConceptLabel

STARTER = Path(build_starter_vocabulary.__file__).with_name("starter_vocabulary.csv")
CONTINENTS = frozenset(
    f"bs:place/{name}"
    for name in (
        "africa",
        "antarctica",
        "asia",
        "europe",
        "north-america",
        "oceania",
        "south-america",
    )
)
LEADERS = {
    # The G20: nineteen countries, the European Union and the African Union.
    "bs:person/javier-milei": "President of Argentina",
    "bs:person/anthony-albanese": "Prime Minister of Australia",
    "bs:person/luiz-inacio-lula-da-silva": "President of Brazil",
    "bs:person/mark-carney": "Prime Minister of Canada",
    "bs:person/xi-jinping": "President of China",
    "bs:person/emmanuel-macron": "President of France",
    "bs:person/friedrich-merz": "Chancellor of Germany",
    "bs:person/narendra-modi": "Prime Minister of India",
    "bs:person/prabowo-subianto": "President of Indonesia",
    "bs:person/giorgia-meloni": "Prime Minister of Italy",
    "bs:person/sanae-takaichi": "Prime Minister of Japan",
    "bs:person/claudia-sheinbaum": "President of Mexico",
    "bs:person/vladimir-putin": "President of Russia",
    "bs:person/mohammed-bin-salman": "Crown Prince and Prime Minister of Saudi Arabia",
    "bs:person/cyril-ramaphosa": "President of South Africa",
    "bs:person/lee-jae-myung": "President of South Korea",
    "bs:person/recep-tayyip-erdogan": "President of Türkiye",
    "bs:person/keir-starmer": "Prime Minister of the United Kingdom",
    "bs:person/donald-trump": "President of the United States",
    "bs:person/ursula-von-der-leyen": "President of the European Commission",
    "bs:person/antonio-costa": "President of the European Council",
    "bs:person/mahmoud-ali-youssouf": "Chairperson of the African Union Commission",
    # The European Parliament, NATO and the United Nations.
    "bs:person/roberta-metsola": "President of the European Parliament",
    "bs:person/mark-rutte": "Secretary General of NATO",
    "bs:person/antonio-guterres": "Secretary-General of the United Nations",
}
AS_OF = re.compile(
    r" \(as of (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d\)$"
)


@pytest.fixture(scope="module")
def vocabulary():
    return annotator.load_vocabulary(STARTER)


@pytest.fixture(scope="module")
def engine(vocabulary):
    return annotator.Annotator(vocabulary)


def countries(vocabulary):
    return [c for c in vocabulary.concepts if re.fullmatch(r"bs:place/[a-z]{2}", c.uri)]


def annotate(engine, headline, *body):
    result = engine.annotate(annotator.Article(id="sample", headline=headline, body=body))
    return {a.concept: a for a in result.annotations}


def test_the_file_loads_with_every_row_a_concept(vocabulary):
    with STARTER.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(vocabulary) == len(rows)
    assert [c.uri for c in vocabulary.concepts] == [row["uri"] for row in rows]
    assert {c.type for c in vocabulary.concepts} == {"location", "organisation", "person", "topic"}


def test_every_iso_country_and_kosovo_is_there_under_a_continent(vocabulary):
    found = countries(vocabulary)
    expected = {f"bs:place/{c.alpha_2.lower()}" for c in pycountry.countries} - {"bs:place/aq"}
    assert {c.uri for c in found} == expected | {"bs:place/xk"}
    assert len(found) >= 240
    for country in found:
        assert country.broader, country.uri
        assert all(vocabulary[uri].type == "location" for uri in country.broader)
        assert vocabulary.ancestors[country.uri] & CONTINENTS, country.uri


def test_countries_carry_the_names_news_uses(vocabulary):
    assert vocabulary["bs:place/gb"].pref_label == "United Kingdom"
    assert vocabulary["bs:place/gb"].alt_labels == (
        "United Kingdom of Great Britain and Northern Ireland",
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
    )
    assert {"US", "USA", "America", "United States of America"} <= set(
        vocabulary["bs:place/us"].alt_labels
    )
    assert vocabulary["bs:place/ru"].pref_label == "Russia"
    assert "Russian Federation" in vocabulary["bs:place/ru"].alt_labels
    assert [vocabulary[f"bs:place/{code}"].pref_label for code in ("ir", "kr", "sy")] == [
        "Iran",
        "South Korea",
        "Syria",
    ]
    turkiye = vocabulary["bs:place/tr"]
    assert (turkiye.pref_label, turkiye.case_sensitive) == ("Türkiye", True)
    assert "Turkey" in turkiye.alt_labels
    assert "Turkish" in turkiye.hidden_labels
    assert vocabulary["bs:place/ua"].hidden_labels == ("Ukrainian", "Ukrainians")


def test_capitals_and_big_cities_sit_under_their_country_or_state(vocabulary):
    assert vocabulary["bs:place/kyiv"].broader == ("bs:place/ua",)
    assert vocabulary["bs:place/kyiv"].alt_labels == ("Kiev",)
    assert vocabulary["bs:place/tokyo"].broader == ("bs:place/jp",)
    assert vocabulary["bs:place/washington-dc"].broader == ("bs:place/us",)
    assert vocabulary["bs:place/atlanta"].broader == ("bs:place/us-ga",)
    assert vocabulary["bs:place/brooklyn"].broader == ("bs:place/new-york-city",)
    assert vocabulary["bs:place/us-ga"].broader == ("bs:place/us",)


def test_every_label_shared_by_several_concepts_comes_with_context_to_tell_them_apart(vocabulary):
    owners = defaultdict(set)
    for concept in vocabulary.concepts:
        for label in concept.labels:
            owners[key_of(label)].add(concept.uri)
    shared = {key: uris for key, uris in owners.items() if len(uris) > 1}
    assert {"georgia", "washington", "victoria", "cambridge", "congo", "icc"} <= set(shared)
    for key, uris in shared.items():
        for uri in uris:
            assert vocabulary[uri].context, f"{uri} shares {key!r} but has no context"


def test_organisations_have_their_acronyms_matched_in_their_own_case(vocabulary):
    un = vocabulary["bs:org/united-nations"]
    assert (un.pref_label, un.alt_labels, un.case_sensitive) == (
        "United Nations",
        ("UN", "U.N."),
        True,
    )
    who = vocabulary["bs:org/who"]
    assert ("WHO" in who.alt_labels, who.case_sensitive) == (True, True)
    assert vocabulary["bs:org/african-union"].alt_labels == ("AU",)
    assert vocabulary["bs:org/european-commission"].broader == ("bs:org/european-union",)
    assert vocabulary["bs:org/unhcr"].broader == ("bs:org/united-nations",)
    for uri in (
        "bs:org/nato",
        "bs:org/imf",
        "bs:org/wto",
        "bs:org/g20",
        "bs:org/icj",
        "bs:org/icrc",
    ):
        assert vocabulary[uri].type == "organisation"


def test_leaders_are_present_with_their_office_and_an_as_of_date(vocabulary):
    people = {c.uri: c for c in vocabulary.concepts if c.type == "person"}
    for uri, office in LEADERS.items():
        description = people[uri].description
        assert description.startswith(office + " ("), uri
        assert AS_OF.search(description), description
    assert all(AS_OF.search(person.description) for person in people.values())
    assert people["bs:person/recep-tayyip-erdogan"].pref_label == "Recep Tayyip Erdoğan"


def test_topics_have_keywords_and_sub_topics_their_broader_topic(vocabulary):
    topics = [c for c in vocabulary.concepts if c.type == "topic"]
    assert len(topics) >= 60
    for topic in topics:
        assert 3 <= len(topic.keywords) <= 10, topic.uri
    assert vocabulary["bs:topic/inflation"].broader == ("bs:topic/economy",)
    assert vocabulary["bs:topic/football"].broader == ("bs:topic/sport",)
    assert vocabulary["bs:topic/artificial-intelligence"].broader == ("bs:topic/technology",)


def test_the_engine_finds_the_news_and_leaves_the_poultry_alone(engine):
    found = annotate(
        engine,
        "Erdogan flies to Kyiv for grain talks",
        "Erdogan arrived in Kyiv on Tuesday to discuss grain shipments with officials from "
        "the UN and NATO.",
        "Farmers outside the capital said the price of turkey had doubled since the spring.",
    )
    assert {
        "bs:place/kyiv",
        "bs:person/recep-tayyip-erdogan",
        "bs:org/united-nations",
        "bs:org/nato",
    } <= set(found)
    assert [e.text for e in found["bs:person/recep-tayyip-erdogan"].evidence] == [
        "Erdogan",
        "Erdogan",
    ]
    assert [e.text for e in found["bs:org/united-nations"].evidence] == ["UN"]
    assert "bs:place/tr" not in found


@pytest.mark.parametrize(
    ("text", "expected", "other"),
    [
        (
            "Protesters filled the streets of Tbilisi as Georgia's parliament met.",
            "bs:place/ge",
            "bs:place/us-ga",
        ),
        (
            "Heavy rain closed roads in Atlanta and Savannah as the storm crossed Georgia.",
            "bs:place/us-ga",
            "bs:place/ge",
        ),
        (
            "Officials in Washington said the White House would brief Congress.",
            "bs:place/washington-dc",
            "bs:place/us-wa",
        ),
        (
            "Ferries between Seattle and Tacoma stopped as snow hit Washington.",
            "bs:place/us-wa",
            "bs:place/washington-dc",
        ),
    ],
)
def test_context_settles_a_shared_name(engine, text, expected, other):
    found = annotate(engine, "", text)
    assert expected in found
    assert other not in found


def test_everyday_words_that_name_topics_are_not_tagged_alone(engine):
    found = annotate(
        engine,
        "A quiet afternoon",
        "There was not enough space in the hall, so the class moved outside.",
    )
    assert found == {}


def test_rebuilding_gives_the_committed_file(tmp_path):
    rebuilt = tmp_path / "starter_vocabulary.csv"
    build_starter_vocabulary.write(build_starter_vocabulary.build_rows(), rebuilt)
    assert rebuilt.read_bytes() == STARTER.read_bytes()


@pytest.mark.django_db
def test_import_creates_every_concept_with_labels_relations_and_descriptions(settings):
    # One import for every check: it writes thousands of rows. Search and reference indexing
    # are left queued for the worker, as outside tests, rather than run row by row here.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    out = StringIO()
    call_command("import_vocabulary", str(STARTER), stdout=out)
    total = len(annotator.load_vocabulary(STARTER))
    assert f"{total} concepts were created, 0 updated, 0 unchanged." in out.getvalue()
    assert Concept.objects.filter(uri__startswith="bs:").count() == total
    assert Concept.objects.filter(type="topic", uri__startswith="bs:topic/").count() >= 60
    kyiv = Concept.objects.get(uri="bs:place/kyiv")
    assert list(kyiv.broader.values_list("uri", flat=True)) == ["bs:place/ua"]
    assert list(kyiv.labels.values_list("label", "kind")) == [("Kiev", "alt")]
    erdogan = Concept.objects.get(uri="bs:person/recep-tayyip-erdogan")
    assert erdogan.pref_label == "Recep Tayyip Erdoğan"
    assert AS_OF.search(erdogan.description)
    assert erdogan.description.startswith("President of Türkiye (as of ")
    assert Concept.objects.get(uri="bs:topic/inflation").rules["keywords"][:2] == [
        "inflation",
        "consumer prices",
    ]
    assert ConceptLabel.objects.filter(concept__uri="bs:place/tr", label="Turkey").exists()
    again = StringIO()
    call_command("import_vocabulary", str(STARTER), stdout=again)
    assert f"0 concepts were created, 0 updated, {total} unchanged." in again.getvalue()


# The description column the starter vocabulary relies on, through import and export.

DESCRIBED = (
    "uri,type,pref_label,description\n"
    "bs:person/ana-lima,person,Ana Lima,Mayor of a small town (as of March 2025)\n"
    "bs:place/lisbon,location,Lisbon,\n"
)


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", [".csv", ".ttl"])
def test_descriptions_survive_export_and_import(tmp_path, suffix):
    source = tmp_path / "described.csv"
    source.write_text(DESCRIBED, encoding="utf-8")
    call_command("import_vocabulary", str(source), stdout=StringIO())
    exported = tmp_path / f"exported{suffix}"
    call_command("export_vocabulary", str(exported), stdout=StringIO())
    Concept.objects.all().delete()
    call_command("import_vocabulary", str(exported), stdout=StringIO())
    assert dict(Concept.objects.values_list("uri", "description")) == {
        "bs:person/ana-lima": "Mayor of a small town (as of March 2025)",
        "bs:place/lisbon": "",
    }


@pytest.mark.django_db
def test_a_file_without_descriptions_keeps_the_ones_editors_wrote(tmp_path):
    source = tmp_path / "described.csv"
    source.write_text(DESCRIBED, encoding="utf-8")
    call_command("import_vocabulary", str(source), stdout=StringIO())
    Concept.objects.filter(uri="bs:place/lisbon").update(description="Capital of Portugal.")
    bare = tmp_path / "bare.csv"
    bare.write_text("uri,type,pref_label\nbs:place/lisbon,location,Lisbon\n", encoding="utf-8")
    out = StringIO()
    call_command("import_vocabulary", str(bare), stdout=out)
    assert "0 concepts were created, 0 updated, 1 unchanged." in out.getvalue()
    assert Concept.objects.get(uri="bs:place/lisbon").description == "Capital of Portugal."
