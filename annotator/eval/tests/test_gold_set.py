"""The shipped gold set is well formed and as large as issue 3 asks."""

from __future__ import annotations

import json
import re

import pytest

from annotator.eval.gold import (
    GOLD_DIR,
    MAX_ABOUT,
    SPLITS,
    GoldSet,
    candidate_senses,
    fold,
    load_gold,
)


@pytest.fixture(scope="module")
def gold() -> GoldSet:
    return load_gold(GOLD_DIR)


def label_rows() -> list[dict[str, object]]:
    lines = (GOLD_DIR / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_labelled_uri_is_in_the_vocabulary(gold):
    labelled = set().union(*(g.concepts for g in gold.articles))
    assert sorted(uri for uri in labelled if uri not in gold.vocabulary) == []


def test_every_article_file_has_exactly_one_label_line_and_its_file_name_is_its_id():
    files = {path.stem: path for split in SPLITS for path in (GOLD_DIR / split).glob("*.json")}
    labelled = [row["article"] for row in label_rows()]
    assert sorted(labelled) == sorted(files)
    for stem, path in files.items():
        assert json.loads(path.read_text(encoding="utf-8"))["id"] == stem


def test_about_has_one_to_four_concepts_none_of_them_also_mentioned(gold):
    for article in gold.articles:
        assert 1 <= len(article.about) <= MAX_ABOUT, article.article.id
        assert not article.about & article.mentions, article.article.id


def test_at_least_80_articles_split_about_evenly_between_dev_and_test(gold):
    dev, test = gold.split("dev"), gold.split("test")
    assert len(gold.articles) >= 80
    assert not {g.article.id for g in dev} & {g.article.id for g in test}
    assert abs(len(dev) - len(test)) <= len(gold.articles) // 10


def test_articles_run_to_150_to_450_words_in_4_to_8_paragraphs(gold):
    for article in gold.articles:
        text = " ".join(
            (article.article.headline, article.article.standfirst, *article.article.body)
        )
        words = len(re.findall(r"\w+", text))
        assert 150 <= words <= 450, (article.article.id, words)
        assert 4 <= len(article.article.body) <= 8, article.article.id


def test_at_least_150_distractors(gold):
    labelled = set().union(*(g.concepts for g in gold.articles))
    distractors = [c.uri for c in gold.vocabulary.concepts if c.uri not in labelled]
    assert len(distractors) >= 150


def test_every_concept_type_is_labelled_somewhere(gold):
    labelled = set().union(*(g.concepts for g in gold.articles))
    types = {gold.vocabulary[uri].type for uri in labelled}
    assert types == {"person", "organisation", "location", "topic", "story"}


def test_at_least_100_ambiguity_cases_each_about_a_shared_or_risky_surface(gold):
    assert len(gold.cases) >= 100
    assert len({case.id for case in gold.cases}) == len(gold.cases)
    for case in gold.cases:
        senses = candidate_senses(gold.vocabulary, case.surface)
        assert senses, case.id
        assert case.expected is None or case.expected in senses, case.id
        assert 1 <= len(case.article.body) <= 3, case.id


def test_ambiguity_suite_is_split_about_evenly_within_each_expected_sense(gold):
    # Stratified: every (surface, expected sense) with two or more cases has some in each split.
    by_split = {split: gold.cases_of(split) for split in ("dev", "test")}
    assert abs(len(by_split["dev"]) - len(by_split["test"])) <= len(gold.cases) // 10
    for split in ("dev", "test"):
        expected_none = sum(1 for case in by_split[split] if case.expected is None)
        assert 0.3 <= expected_none / len(by_split[split]) <= 0.5, split
    strata: dict[tuple[str, str | None], set[str]] = {}
    counts: dict[tuple[str, str | None], int] = {}
    for case in gold.cases:
        key = (fold(case.surface), case.expected)
        strata.setdefault(key, set()).add(case.split)
        counts[key] = counts.get(key, 0) + 1
    assert all(strata[key] == {"dev", "test"} for key in strata if counts[key] >= 2)


def test_ambiguity_suite_expects_both_senses_and_no_sense(gold):
    expected_none = sum(1 for case in gold.cases if case.expected is None)
    assert 0 < expected_none < len(gold.cases)
