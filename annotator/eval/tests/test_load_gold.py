"""Reading a gold folder: what is accepted, and what is refused with which message."""

from __future__ import annotations

import pytest

from annotator.eval.gold import GoldError, load_gold
from annotator.eval.tests.conftest import CASES, DEV_ARTICLE, LABELS, TEST_ARTICLE


def test_a_well_formed_folder_loads(write_gold):
    gold = load_gold(write_gold())
    assert [(g.article.id, g.split) for g in gold.articles] == [
        ("dev-housing", "dev"),
        ("test-washington", "test"),
    ]
    assert gold.articles[0].about == {"bs:topic/housing"}
    assert gold.articles[0].concepts == {
        "bs:topic/housing",
        "bs:person/keir-starmer",
        "bs:org/labour-party",
        "bs:place/reading",
    }
    assert [(c.id, c.split, c.surface, c.expected) for c in gold.cases] == [
        ("amb-dc", "dev", "Washington", "bs:place/washington-dc"),
        ("amb-town", "test", "Washington", None),
    ]
    assert [c.id for c in gold.cases_of("test")] == ["amb-town"]
    assert len(gold.cases_of("all")) == 2
    assert [g.article.id for g in gold.split("test")] == ["test-washington"]
    assert len(gold.split("all")) == 2


def test_an_unknown_split_is_refused(write_gold):
    gold = load_gold(write_gold())
    with pytest.raises(GoldError, match='unknown split "train"'):
        gold.split("train")
    with pytest.raises(GoldError, match='unknown split "train"'):
        gold.cases_of("train")


@pytest.mark.parametrize("split", [None, "train", 1])
def test_a_case_without_a_dev_or_test_split_is_refused(write_gold, split):
    case = {key: value for key, value in CASES[0].items() if key != "split"}
    if split is not None:
        case["split"] = split
    root = write_gold(cases=(case,))
    with pytest.raises(
        GoldError, match=r'ambiguity\.jsonl, line 1: "split" must be one of dev, test'
    ):
        load_gold(root)


def test_a_label_naming_an_unknown_uri_is_refused(write_gold):
    labels = (LABELS[0], {"article": "test-washington", "about": ["bs:org/nobody"], "mentions": []})
    root = write_gold(labels=labels)
    with pytest.raises(
        GoldError,
        match=r'labels\.jsonl, line 2: "about" names bs:org/nobody, not in the vocabulary',
    ):
        load_gold(root)


def test_an_article_without_a_label_line_is_refused(write_gold):
    root = write_gold(labels=LABELS[:1])
    with pytest.raises(GoldError, match="no label line for article\\(s\\) test-washington"):
        load_gold(root)


def test_a_label_line_without_an_article_is_refused(write_gold):
    root = write_gold(articles={"dev": [DEV_ARTICLE], "test": []})
    with pytest.raises(
        GoldError, match="label line\\(s\\) for unknown article\\(s\\) test-washington"
    ):
        load_gold(root)


def test_more_than_four_about_concepts_are_refused(write_gold):
    about = [
        "bs:topic/housing",
        "bs:place/reading",
        "bs:org/labour-party",
        "bs:person/keir-starmer",
        "bs:place/kyiv",
    ]
    root = write_gold(
        labels=({"article": "dev-housing", "about": about, "mentions": []}, LABELS[1])
    )
    with pytest.raises(GoldError, match="about 5 concepts; at most 4"):
        load_gold(root)


def test_an_article_about_nothing_is_refused(write_gold):
    root = write_gold(labels=({"article": "dev-housing", "about": [], "mentions": []}, LABELS[1]))
    with pytest.raises(GoldError, match="article dev-housing is about nothing"):
        load_gold(root)


def test_a_concept_both_about_and_mentioned_is_refused(write_gold):
    row = {
        "article": "dev-housing",
        "about": ["bs:topic/housing"],
        "mentions": ["bs:topic/housing"],
    }
    root = write_gold(labels=(row, LABELS[1]))
    with pytest.raises(GoldError, match="bs:topic/housing listed as both about and mentions"):
        load_gold(root)


def test_the_same_article_in_both_splits_is_refused(write_gold):
    root = write_gold(articles={"dev": [DEV_ARTICLE, TEST_ARTICLE], "test": [TEST_ARTICLE]})
    with pytest.raises(GoldError, match="article id test-washington is also used by"):
        load_gold(root)


def test_an_expected_sense_the_surface_cannot_name_is_refused(write_gold):
    wrong = {**CASES[0], "expected": "bs:place/reading"}
    root = write_gold(cases=(wrong,))
    with pytest.raises(GoldError, match='bs:place/reading is no sense of "Washington"'):
        load_gold(root)


def test_a_case_whose_article_lacks_the_surface_is_refused(write_gold):
    silent = {**CASES[1], "surface": "Kiev", "expected": None}
    root = write_gold(cases=(silent,))
    with pytest.raises(GoldError, match='the article never says "Kiev"'):
        load_gold(root)


def test_a_broken_json_line_is_reported_with_its_line(write_gold):
    root = write_gold()
    (root / "labels.jsonl").write_text(
        (root / "labels.jsonl").read_text(encoding="utf-8") + "{not json\n", encoding="utf-8"
    )
    with pytest.raises(GoldError, match=r"labels\.jsonl, line 3: not JSON"):
        load_gold(root)


def test_a_missing_split_folder_is_refused(write_gold):
    root = write_gold(articles={"dev": [DEV_ARTICLE]})
    with pytest.raises(GoldError, match="test: no such folder"):
        load_gold(root)
