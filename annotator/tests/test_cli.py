"""The command line: JSON lines, the readable explanation, HTML bodies and refused input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.articles import ArticleError, article_from_mapping, paragraphs_from_html
from annotator.cli import main

from .conftest import DATA

VOCABULARY = str(DATA / "vocabulary.csv")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def write_json(path: Path, data: object) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_annotate_writes_one_json_line_per_article(tmp_path):
    first = write_json(
        tmp_path / "one.json",
        {"id": "one", "headline": "Kyiv braces", "body": ["Officials in Kyiv met."]},
    )
    second = write_json(
        tmp_path / "two.json",
        [{"id": "two", "body": ["Nothing to see."]}, {"id": "three", "body": ["Putin spoke."]}],
    )
    status, out, err = run("annotate", "--vocabulary", VOCABULARY, first, second)
    assert (status, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["article"] for line in lines] == ["one", "two", "three"]
    assert lines[0]["annotations"] == [
        {
            "concept": "bs:place/kyiv",
            "predicate": "majorMentions",
            "score": lines[0]["annotations"][0]["score"],
            "evidence": [
                {"part": "headline", "paragraph": None, "start": 0, "end": 4, "text": "Kyiv"},
                {"part": "body", "paragraph": 0, "start": 13, "end": 17, "text": "Kyiv"},
            ],
        }
    ]
    assert lines[1]["annotations"] == []
    assert [a["concept"] for a in lines[2]["annotations"]] == ["bs:person/putin"]


def test_annotate_reports_suggestions(tmp_path):
    path = write_json(tmp_path / "a.json", {"id": "a", "body": ["Georgia voted."]})
    _status, out, _err = run("annotate", "--vocabulary", VOCABULARY, path)
    (line,) = [json.loads(line) for line in out.splitlines()]
    assert line["annotations"] == []
    assert [(s["surface"], s["candidates"]) for s in line["suggestions"]] == [
        ("Georgia", ["bs:place/georgia-country", "bs:place/georgia-state"])
    ]


def test_explain_prints_concepts_evidence_and_suggestions(tmp_path):
    path = write_json(
        tmp_path / "a.json",
        {
            "id": "a",
            "headline": "Kyiv braces",
            "body": ["Officials in Kiev met.", "Georgia voted."],
        },
    )
    status, out, _err = run("explain", "--vocabulary", VOCABULARY, path)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Article a: Kyiv braces"
    assert lines[1].startswith("  majorMentions ")
    assert lines[1].endswith("Kyiv (location, bs:place/kyiv)")
    assert lines[2:4] == [
        "      headline 0-4: \u201cKyiv\u201d",
        "      body paragraph 1 13-17: \u201cKiev\u201d",
    ]
    assert lines[4] == (
        "  For an editor: \u201cGeorgia\u201d could be Georgia (bs:place/georgia-country), "
        "Georgia (bs:place/georgia-state)"
    )


def test_html_body_is_read_paragraph_by_paragraph(tmp_path):
    html = (
        "<p>Officials in <a href='/x'>Kyiv</a> met.</p><figure><img src='a.jpg'>"
        "<figcaption>Putin in a file photo</figcaption></figure><h2>Later</h2>"
        "<ul><li>Mr Putin &amp; aides</li></ul><script>London()</script>"
    )
    path = write_json(tmp_path / "a.json", {"id": "a", "body": html})
    _status, out, _err = run("annotate", "--vocabulary", VOCABULARY, path)
    (line,) = [json.loads(line) for line in out.splitlines()]
    evidence = {
        a["concept"]: [(e["paragraph"], e["text"]) for e in a["evidence"]]
        for a in line["annotations"]
    }
    assert evidence == {"bs:place/kyiv": [(0, "Kyiv")], "bs:person/putin": [(2, "Putin")]}


@pytest.mark.parametrize(
    ("body", "paragraphs"),
    [
        ("<p>One</p><p>Two <b>bold</b></p>", ("One", "Two bold")),
        ("<div>Loose text<p>Inner</p>tail</div>", ("Loose text", "Inner", "tail")),
        ("<p>Line<br>break</p>", ("Line break",)),
        ("<p>A</p><figure><figcaption>Skip me</figcaption></figure>", ("A",)),
    ],
)
def test_paragraphs_from_html(body, paragraphs):
    assert paragraphs_from_html(body) == paragraphs


def test_plain_text_body_splits_at_blank_lines():
    article = article_from_mapping({"id": "a", "body": "First line\ncontinues.\n\nSecond."})
    assert article.body == ("First line continues.", "Second.")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"headline": "No id"}, 'the article has no "id" string'),
        ({"id": "a", "headline": 3}, 'article a: "headline" is a int, not a string'),
        ({"id": "a", "body": ["ok", 4]}, "article a: body paragraph 1 is a int, not a string"),
        (
            {"id": "a", "body": {"p": 1}},
            "article a: body is a dict; expected a list of paragraphs or HTML",
        ),
    ],
)
def test_malformed_articles_are_refused(data, message):
    with pytest.raises(ArticleError) as raised:
        article_from_mapping(data)
    assert str(raised.value) == message


def test_a_bad_article_file_stops_the_run_before_any_output(tmp_path):
    good = write_json(tmp_path / "good.json", {"id": "good", "body": ["Putin spoke."]})
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    status, out, err = run("annotate", "--vocabulary", VOCABULARY, good, str(bad))
    assert (status, out) == (2, "")
    assert err.startswith(f"error: {bad}: not a JSON file (")


def test_a_bad_vocabulary_stops_the_run(tmp_path):
    vocabulary = tmp_path / "v.csv"
    vocabulary.write_text("uri,type,pref_label\nbs:a,planet,Mars\n", encoding="utf-8")
    article = write_json(tmp_path / "a.json", {"id": "a", "body": ["Mars."]})
    status, out, err = run("annotate", "--vocabulary", str(vocabulary), article)
    assert (status, out) == (2, "")
    assert err == (
        f'error: {vocabulary}, line 2: unknown type "planet" '
        "(expected one of person, organisation, location, topic, story)\n"
    )


def test_python_dash_m_runs_the_command_line(tmp_path):
    article = write_json(tmp_path / "a.json", {"id": "a", "body": ["Putin spoke."]})
    completed = subprocess.run(
        [sys.executable, "-m", "annotator", "annotate", "--vocabulary", VOCABULARY, article],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0
    assert json.loads(completed.stdout)["annotations"][0]["concept"] == "bs:person/putin"
