import pytest

from broadsheet.content.bylines import BylinePart, byline_separators, byline_text, join_names


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([], ""),
        (["Ana Lima"], "Ana Lima"),
        (["Ana Lima", "Ben Okafor"], "Ana Lima and Ben Okafor"),
        (["Ana Lima", "Ben Okafor", "Chen Wei"], "Ana Lima, Ben Okafor and Chen Wei"),
        (["A", "B", "C", "D"], "A, B, C and D"),
    ],
)
def test_join_names(names, expected):
    assert join_names(names) == expected


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([BylinePart(name="Ana Lima")], "Ana Lima"),
        ([BylinePart(name="Ana Lima", location="Lisbon")], "Ana Lima in Lisbon"),
        (
            [BylinePart(name="Ana Lima", location="Lisbon"), BylinePart(name="Ben Okafor")],
            "Ana Lima in Lisbon and Ben Okafor",
        ),
        (
            [
                BylinePart(name="A", location="Lisbon"),
                BylinePart(name="B", location="Nairobi"),
                BylinePart(name="C", location="Lima"),
            ],
            "A in Lisbon, B in Nairobi and C in Lima",
        ),
        (
            [BylinePart(name="A"), BylinePart(name="B"), BylinePart(name="C", location="Lima")],
            "A, B and C in Lima",
        ),
    ],
)
def test_byline_text(parts, expected):
    assert byline_text(parts) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, []),
        (1, [""]),
        (2, [" and ", ""]),
        (3, [", ", " and ", ""]),
        (4, [", ", ", ", " and ", ""]),
    ],
)
def test_separators_match_join(count, expected):
    assert byline_separators(count) == expected
