"""The wire byline parser: a table of bylines as agencies write them, odd ones included."""

import pytest

from broadsheet.content.ingest.bylines import BylineEntry, parse_byline


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # Multi-bureau bylines.
        (
            "Ana Lima in Lisbon, Ben Okafor in Nairobi and Chen Wei in Lima",
            [("Ana Lima", "Lisbon"), ("Ben Okafor", "Nairobi"), ("Chen Wei", "Lima")],
        ),
        ("By Ana Lima and Ben Okafor", [("Ana Lima", ""), ("Ben Okafor", "")]),
        (
            "Ana Lima, Ben Okafor and Chen Wei",
            [("Ana Lima", ""), ("Ben Okafor", ""), ("Chen Wei", "")],
        ),
        ("BY Ana Lima", [("Ana Lima", "")]),
        ("by: Ana Lima", [("Ana Lima", "")]),
        # The location belongs only to the name it follows.
        ("Ana Lima and Ben Okafor in Lisbon", [("Ana Lima", ""), ("Ben Okafor", "Lisbon")]),
        # Oxford comma, ampersands, semicolons.
        (
            "Ana Lima, Ben Okafor, and Chen Wei",
            [("Ana Lima", ""), ("Ben Okafor", ""), ("Chen Wei", "")],
        ),
        ("Ana Lima & Ben Okafor", [("Ana Lima", ""), ("Ben Okafor", "")]),
        ("Ana Lima&Ben Okafor", [("Ana Lima", ""), ("Ben Okafor", "")]),
        ("Ana Lima; Ben Okafor in Nairobi", [("Ana Lima", ""), ("Ben Okafor", "Nairobi")]),
        ("BY ANA LIMA AND BEN OKAFOR IN NAIROBI", [("ANA LIMA", ""), ("BEN OKAFOR", "NAIROBI")]),
        # Whitespace of every kind.
        (
            "  By   Ana\u00a0Lima \n in  Rio de Janeiro ,\tBen   Okafor ",
            [("Ana Lima", "Rio de Janeiro"), ("Ben Okafor", "")],
        ),
        # Agency credits are not names.
        ("Ana Lima for Northwind Wire", [("Ana Lima", "")]),
        ("Ana Lima in Lisbon for Northwind Wire", [("Ana Lima", "Lisbon")]),
        ("Ana Lima (Northwind Wire)", [("Ana Lima", "")]),
        # "in", "and" and "for" only as whole words.
        ("Quinn Lindqvist", [("Quinn Lindqvist", "")]),
        ("Quinn Lindqvist in Linz", [("Quinn Lindqvist", "Linz")]),
        ("Andrea Fordham and Inge Brandt", [("Andrea Fordham", ""), ("Inge Brandt", "")]),
        ("Byron Lind", [("Byron Lind", "")]),
        # Repeats and empty parts.
        ("Ana Lima and ana lima", [("Ana Lima", "")]),
        ("Ana Lima, , Ben Okafor,", [("Ana Lima", ""), ("Ben Okafor", "")]),
        ("Ana Lima in", [("Ana Lima", "")]),
        # Nothing that names anyone.
        ("", []),
        ("   ", []),
        ("By", []),
        ("by:", []),
        (", and ,", []),
        ("in Lisbon", []),
        ("&", []),
        (None, []),
        (["Ana Lima"], []),
    ],
)
def test_parse_byline(byline, expected):
    assert parse_byline(byline) == expected


def test_entries_name_their_parts():
    entry = parse_byline("Ana Lima in Lisbon")[0]

    assert entry == BylineEntry(name="Ana Lima", location="Lisbon")
    assert (entry.name, entry.location) == ("Ana Lima", "Lisbon")
