"""``python -m annotator.eval``: the printed tables, --verbose, --check and a bad gold folder."""

from __future__ import annotations

import io

from annotator.eval.__main__ import main
from annotator.eval.tests.fakes import FakeAnnotator, annotation

PERFECT = {
    "dev-housing": (
        annotation("bs:topic/housing", "about", "homes"),
        annotation("bs:person/keir-starmer", "majorMentions", "Keir Starmer"),
        annotation("bs:org/labour-party", "mentions", "Labour"),
        annotation("bs:place/reading", "mentions", "Reading"),
    ),
    "test-washington": (
        annotation("bs:org/us-government", "about", "Washington"),
        annotation("bs:org/white-house", "mentions", "White House"),
    ),
    "amb-dc": (annotation("bs:place/washington-dc", "mentions", "Washington"),),
}
# The test article misses the White House and finds a stray Reading; the town case tags the city.
FLAWED = {
    **PERFECT,
    "test-washington": (
        annotation("bs:org/us-government", "about", "Washington"),
        annotation("bs:place/reading", "about", "Reading"),
    ),
    "amb-town": (annotation("bs:place/washington-dc", "mentions", "Washington"),),
}


def run(*argv: str, answers=PERFECT) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(
        list(argv), make_annotator=lambda vocabulary: FakeAnnotator(answers), out=out, err=err
    )
    return status, out.getvalue(), err.getvalue()


def test_perfect_annotations_meet_every_target(write_gold):
    status, out, err = run("--gold", str(write_gold()), "--split", "dev", "--check")
    assert (status, err) == (0, "")
    assert "Split: dev (1 articles); ambiguity suite: 1 of 2 cases" in out
    assert "  about + mentions     1.000  1.000  1.000      4     0     0" in out
    assert "  person               1.000  1.000  1.000      1     0     0" in out
    assert "  story                  n/a    n/a    n/a      0     0     0" in out
    assert "  mentions             1.000  1.000  1.000      3     0     0" in out
    assert "Ambiguity accuracy: 1.000 (1 of 1 cases)" in out
    assert (
        "  by split: dev 1.000 (1 of 1 cases), test 1.000 (1 of 1 cases), all 1.000 (2 of 2 cases)"
        in out
    )
    assert "  concept-set F1       1.000  >= 0.92  met" in out


def test_tables_count_false_positives_and_negatives(write_gold):
    status, out, _ = run("--gold", str(write_gold()), "--split", "test", answers=FLAWED)
    # found {us-government, reading} against {us-government, white-house}
    assert status == 0
    assert "  about + mentions     0.500  0.500  0.500      1     1     1" in out
    assert "  about                0.500  1.000  0.667      1     1     0" in out
    assert "  mentions               n/a  0.000  0.000      0     0     1" in out
    # Only the test split's case counts: the town case, tagged wrongly.
    assert "Ambiguity accuracy: 0.000 (0 of 1 cases)" in out
    assert "by split: dev 1.000 (1 of 1 cases), test 0.000 (0 of 1 cases)" in out
    assert "  about precision      0.500  >= 0.90  MISSED" in out
    assert "Articles with differences:" not in out


def test_check_fails_when_a_target_is_missed(write_gold):
    status, out, _ = run("--gold", str(write_gold()), "--split", "test", "--check", answers=FLAWED)
    assert status == 1
    assert "  ambiguity accuracy   0.000  >= 0.95  MISSED" in out


def test_the_ambiguity_target_is_judged_on_the_runs_split(write_gold):
    status, out, _ = run("--gold", str(write_gold()), "--split", "dev", "--check", answers=FLAWED)
    # The dev split's case is right; its article is the flawless one.
    assert status == 0
    assert "  ambiguity accuracy   1.000  >= 0.95  met" in out


def test_verbose_lists_differences_per_article_and_failed_cases(write_gold):
    _, out, _ = run("--gold", str(write_gold()), "--split", "all", "--verbose", answers=FLAWED)
    listing = out.split("Articles with differences:\n", 1)[1]
    assert listing == (
        "  test-washington\n"
        "    false positives: Reading <bs:place/reading>\n"
        "    false negatives: White House <bs:org/white-house>\n"
        "    about found:     United States government <bs:org/us-government>, Reading <bs:place/reading>\n"
        "    about expected:  United States government <bs:org/us-government>\n"
        "\n"
        "Ambiguity cases settled wrongly:\n"
        '  amb-town "Washington": expected none of its senses, tagged bs:place/washington-dc\n'
    )


def test_a_bad_gold_folder_is_reported_and_nothing_is_scored(write_gold):
    root = write_gold()
    (root / "vocabulary.csv").unlink()
    status, out, err = run("--gold", str(root))
    assert status == 2
    assert out == ""
    assert err == f"annotator.eval: {root / 'vocabulary.csv'}: no such file\n"
