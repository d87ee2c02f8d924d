"""The vocabulary snapshot: CSV and SKOS loading and the checks that refuse a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import Concept, Vocabulary, VocabularyError, load_vocabulary

HEADER = "uri,type,pref_label,alt_labels,hidden_labels,broader,related,context,exclude,keywords,requires,case_sensitive\n"


def write(tmp_path: Path, text: str, name: str = "vocabulary.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_rows_become_concepts(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "bs:place/kyiv,location,Kyiv,Kiev| Kyjiw ,,bs:place/ukraine,,,,,,\n"
        + "bs:place/ukraine,location,Ukraine,,Ukrainian,,,,,,,\n"
        + "bs:topic/war,story,War in Ukraine,,,,bs:place/kyiv,,,front line|shelling,bs:place/ukraine,TRUE\n",
    )
    vocabulary = load_vocabulary(path)
    assert len(vocabulary) == 3
    assert vocabulary["bs:place/kyiv"] == Concept(
        uri="bs:place/kyiv",
        type="location",
        pref_label="Kyiv",
        alt_labels=("Kiev", "Kyjiw"),
        broader=("bs:place/ukraine",),
    )
    war = vocabulary["bs:topic/war"]
    assert war.keywords == ("front line", "shelling")
    assert war.requires == ("bs:place/ukraine",)
    assert war.case_sensitive is True
    assert vocabulary.narrower["bs:place/ukraine"] == ("bs:place/kyiv",)
    assert vocabulary.related_to["bs:place/kyiv"] == frozenset({"bs:topic/war"})
    assert vocabulary.ancestors["bs:place/kyiv"] == frozenset({"bs:place/ukraine"})


def test_csv_needs_only_the_three_required_columns(tmp_path):
    path = write(tmp_path, "uri,type,pref_label\nbs:place/oslo,location,Oslo\n")
    assert load_vocabulary(path)["bs:place/oslo"].alt_labels == ()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            "bs:a,planet,Mars,,,,,,,,,\n",
            'line 2: unknown type "planet" (expected one of person, organisation, location, topic, story)',
        ),
        (
            "bs:a,location,Oslo,,,,,,,,,\nbs:a,location,Bergen,,,,,,,,,\n",
            "line 3: the URI bs:a was already used on line 2",
        ),
        (
            "bs:a,location,Oslo,,,,,,,,,\nbs:b,location,Bergen,,,bs:nowhere,,,,,,\n",
            "line 3: bs:b names bs:nowhere in broader, but no concept has that URI",
        ),
        (
            "bs:a,location,Oslo,,,,bs:ghost,,,,,\n",
            "line 2: bs:a names bs:ghost in related, but no concept has that URI",
        ),
        (
            "bs:a,location,Oslo,,,bs:b,,,,,,\nbs:b,location,Norway,,,bs:c,,,,,,\nbs:c,location,Nordics,,,bs:a,,,,,,\n",
            "line 2: broader links form a cycle: bs:a -> bs:b -> bs:c -> bs:a",
        ),
        ("bs:a,location,Oslo,,,bs:a,,,,,,\n", "line 2: bs:a names itself in broader"),
        (
            "bs:a,location,Oslo,,,,,,,,,maybe\n",
            'line 2: case_sensitive is "maybe"; expected true, false or empty',
        ),
        (
            "bs:a,person,Ada Lovelace,,,,,,,maths,,\n",
            "line 2: bs:a is a person: only topics and stories take keywords and requires",
        ),
        ("bs:a,location,,,,,,,,,,\n", "line 2: bs:a has no preferred label"),
        (
            "bs:a,location,Oslo,---,,,,,,,,\n",
            'line 2: bs:a has the label "---", which has no letter or digit',
        ),
        ("bs:a,location,Oslo\n", "line 2: 3 cells, but the header has 12"),
        (",location,Oslo,,,,,,,,,\n", "line 2: a concept has an empty URI"),
    ],
)
def test_bad_csv_is_refused_with_its_line(tmp_path, rows, message):
    path = write(tmp_path, HEADER + rows)
    with pytest.raises(VocabularyError) as raised:
        load_vocabulary(path)
    assert str(raised.value) == f"{path}, {message}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", ": the file is empty; expected a header row"),
        ("uri,pref_label\n", ", line 1: missing column(s) type"),
        (
            "uri,type,pref_label,colour\n",
            ", line 1: unknown column(s) colour (expected uri, type, pref_label, alt_labels, "
            "hidden_labels, broader, related, context, exclude, keywords, requires, case_sensitive, "
            "description)",
        ),
        ("uri,type,pref_label,uri\n", ", line 1: repeated column(s) uri"),
    ],
)
def test_bad_csv_header_is_refused(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(VocabularyError) as raised:
        load_vocabulary(path)
    assert str(raised.value) == f"{path}{message}"


def test_csv_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "vocabulary.csv"
    path.write_bytes(HEADER.encode() + "bs:a,location,Malmö\n".encode("latin-1"))
    with pytest.raises(VocabularyError, match="not UTF-8 text"):
        load_vocabulary(path)


def test_missing_file_and_unknown_format_are_refused(tmp_path):
    with pytest.raises(VocabularyError, match="no such file"):
        load_vocabulary(tmp_path / "absent.csv")
    path = write(tmp_path, "{}", name="vocabulary.json")
    with pytest.raises(VocabularyError, match=r"unknown vocabulary format \.json"):
        load_vocabulary(path)


def test_vocabulary_built_in_code_is_checked_too():
    with pytest.raises(VocabularyError, match="the URI bs:a is used by more than one concept"):
        Vocabulary(
            concepts=(
                Concept(uri="bs:a", type="location", pref_label="Oslo"),
                Concept(uri="bs:a", type="location", pref_label="Bergen"),
            )
        )


TURTLE = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <http://schema.org/> .
@prefix bs: <https://broadsheet.example/concepts/> .

bs:ukraine a skos:Concept, schema:Place ;
    skos:prefLabel "Ukraine"@en, "Ukraina"@pl ;
    skos:hiddenLabel "Ukrainian"@en .
bs:kyiv a skos:Concept, schema:Place ;
    skos:prefLabel "Kyiv"@en ;
    skos:altLabel "Kiev"@en ;
    skos:broader bs:ukraine .
bs:zelenskyy a schema:Person ;
    skos:prefLabel "Volodymyr Zelenskyy"@en ;
    skos:related bs:ukraine .
bs:un a schema:Organization ; skos:prefLabel "United Nations" .
bs:peace a skos:Concept ; skos:prefLabel "Peace talks"@en .
"""


def test_skos_turtle_gives_types_labels_and_relations(tmp_path):
    vocabulary = load_vocabulary(write(tmp_path, TURTLE, name="vocabulary.ttl"))
    base = "https://broadsheet.example/concepts/"
    assert {c.uri.removeprefix(base): c.type for c in vocabulary.concepts} == {
        "kyiv": "location",
        "peace": "topic",
        "ukraine": "location",
        "un": "organisation",
        "zelenskyy": "person",
    }
    ukraine = vocabulary[base + "ukraine"]
    assert (ukraine.pref_label, ukraine.alt_labels, ukraine.hidden_labels) == (
        "Ukraine",
        ("Ukraina",),
        ("Ukrainian",),
    )
    assert vocabulary[base + "kyiv"].broader == (base + "ukraine",)
    assert vocabulary.related_to[base + "ukraine"] == frozenset({base + "zelenskyy"})


def test_skos_rdf_xml_is_read(tmp_path):
    xml = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:skos="http://www.w3.org/2004/02/skos/core#">
  <skos:Concept rdf:about="https://broadsheet.example/concepts/oslo">
    <skos:prefLabel xml:lang="en">Oslo</skos:prefLabel>
    <skos:altLabel xml:lang="en">Christiania</skos:altLabel>
  </skos:Concept>
</rdf:RDF>
"""
    vocabulary = load_vocabulary(write(tmp_path, xml, name="vocabulary.rdf"))
    (oslo,) = vocabulary.concepts
    assert (oslo.uri, oslo.type, oslo.pref_label, oslo.alt_labels) == (
        "https://broadsheet.example/concepts/oslo",
        "topic",
        "Oslo",
        ("Christiania",),
    )


@pytest.mark.parametrize(
    ("turtle", "message"),
    [
        (
            "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
            "<https://x.example/a> a skos:Concept .\n",
            "subject <https://x.example/a> has no skos:prefLabel",
        ),
        (
            "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
            '<https://x.example/a> skos:prefLabel "A" ; skos:broader <https://x.example/b> .\n'
            '<https://x.example/b> skos:prefLabel "B" ; skos:broader <https://x.example/a> .\n',
            "(subject <https://x.example/a>): broader links form a cycle: "
            "https://x.example/a -> https://x.example/b -> https://x.example/a",
        ),
        (
            "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
            '<https://x.example/a> skos:prefLabel "A" ; skos:broader <https://x.example/gone> .\n',
            "(subject <https://x.example/a>): https://x.example/a names https://x.example/gone "
            "in broader, but no concept has that URI",
        ),
        ("this is not turtle", "not valid turtle"),
    ],
)
def test_bad_skos_is_refused_naming_the_subject(tmp_path, turtle, message):
    path = write(tmp_path, turtle, name="vocabulary.ttl")
    with pytest.raises(VocabularyError) as raised:
        load_vocabulary(path)
    assert message in str(raised.value)
    assert str(raised.value).startswith(str(path))
