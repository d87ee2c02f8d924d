"""Fixtures for the harness tests: a tiny gold folder written on demand."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

COLUMNS = ("uri", "type", "pref_label", "alt_labels", "hidden_labels", "context")

TINY_VOCABULARY = (
    ("bs:person/keir-starmer", "person", "Keir Starmer", "", "", ""),
    ("bs:org/labour-party", "organisation", "Labour Party", "Labour", "", ""),
    ("bs:place/reading", "location", "Reading", "", "", "berkshire"),
    ("bs:place/washington-dc", "location", "Washington, D.C.", "Washington", "", "smithsonian"),
    (
        "bs:org/us-government",
        "organisation",
        "United States government",
        "Washington",
        "",
        "white house",
    ),
    ("bs:org/white-house", "organisation", "White House", "", "", ""),
    ("bs:topic/housing", "topic", "Housing", "", "", ""),
    ("bs:person/maria-costa", "person", "Maria Costa", "", "", ""),
    ("bs:person/joao-costa", "person", "João Costa", "", "", ""),
    ("bs:person/recep-tayyip-erdogan", "person", "Recep Tayyip Erdoğan", "", "", ""),
    ("bs:person/ursula-von-der-leyen", "person", "Ursula von der Leyen", "", "", ""),
    ("bs:place/turkey", "location", "Turkey", "Türkiye", "Turkish", ""),
    ("bs:place/kyiv", "location", "Kyiv", "Kiev", "", ""),
)

DEV_ARTICLE = {
    "id": "dev-housing",
    "headline": "Starmer promises homes in Reading",
    "standfirst": "",
    "byline": "By A Reporter",
    "body": ["Keir Starmer said Labour would build homes in Reading."],
}
TEST_ARTICLE = {
    "id": "test-washington",
    "headline": "Washington answers",
    "standfirst": "",
    "byline": "",
    "body": ["The White House said Washington would reply."],
}
LABELS = (
    {
        "article": "dev-housing",
        "about": ["bs:topic/housing"],
        "mentions": ["bs:person/keir-starmer", "bs:org/labour-party", "bs:place/reading"],
    },
    {
        "article": "test-washington",
        "about": ["bs:org/us-government"],
        "mentions": ["bs:org/white-house"],
    },
)
CASES = (
    {
        "id": "amb-dc",
        "split": "dev",
        "surface": "Washington",
        "expected": "bs:place/washington-dc",
        "article": {
            "id": "amb-dc",
            "headline": "",
            "body": ["Tourists crowded the Smithsonian in Washington."],
        },
    },
    {
        "id": "amb-town",
        "split": "test",
        "surface": "Washington",
        "expected": None,
        "article": {
            "id": "amb-town",
            "headline": "",
            "body": ["The plant in Washington, near Sunderland, is hiring."],
        },
    },
)


@pytest.fixture
def write_gold(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that writes a gold folder, with any file replaced, and returns it."""

    def write(
        *,
        vocabulary: Sequence[Sequence[str]] = TINY_VOCABULARY,
        articles: Mapping[str, Sequence[Mapping[str, object]]] | None = None,
        labels: Sequence[Mapping[str, object]] = LABELS,
        cases: Sequence[Mapping[str, object]] = CASES,
    ) -> Path:
        root = tmp_path / "gold"
        for split, items in (articles or {"dev": [DEV_ARTICLE], "test": [TEST_ARTICLE]}).items():
            (root / split).mkdir(parents=True, exist_ok=True)
            for item in items:
                (root / split / f"{item['id']}.json").write_text(json.dumps(item), encoding="utf-8")
        with (root / "vocabulary.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows(vocabulary)
        (root / "labels.jsonl").write_text(
            "".join(json.dumps(row) + "\n" for row in labels), encoding="utf-8"
        )
        (root / "ambiguity.jsonl").write_text(
            "".join(json.dumps(row) + "\n" for row in cases), encoding="utf-8"
        )
        return root

    return write
