"""Snippets: escaped text with matches in <mark>, cut around the first match; no database."""

import pytest

from broadsheet.search.snippets import highlight, query_terms, snippet


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("Harbour strikes", ["harbour", "strik"]),
        ("  the   ferries  ", ["ferri", "the"]),
        ("voted voting vote", ["vote", "vot"]),
        ("a 1 <b>", []),
    ],
)
def test_query_terms(query, terms):
    assert query_terms(query) == terms


def test_highlight_marks_words_starting_with_a_term_in_any_case():
    assert highlight("Strike over: the strikers return", ["strik"]) == (
        "<mark>Strike</mark> over: the <mark>strikers</mark> return"
    )


def test_highlight_escapes_markup_in_the_text_and_in_the_match():
    text = '<script>alert("pelican")</script> & <img src=x onerror=pelican()>'

    html = highlight(text, ["pelican", "script"])

    assert html == (
        "&lt;<mark>script</mark>&gt;alert(&quot;<mark>pelican</mark>&quot;)&lt;/"
        "<mark>script</mark>&gt; &amp; &lt;img src=x onerror=<mark>pelican</mark>()&gt;"
    )
    assert "<script" not in html
    assert "<img" not in html


def test_highlight_does_not_mark_the_middle_of_a_word():
    assert highlight("Unstrikeable", ["strik"]) == "Unstrikeable"


def test_snippet_uses_the_first_text_with_a_match():
    texts = ["Dockers voted on Tuesday.", "The pelicans left the estuary early."]

    assert snippet(texts, ["pelican"]) == "The <mark>pelicans</mark> left the estuary early."


def test_snippet_falls_back_to_the_first_text_without_marks():
    assert snippet(["", "Dockers voted.", "Other."], ["zeppelin"]) == "Dockers voted."


def test_snippet_cuts_long_text_at_words_around_the_first_match():
    words = [f"word{n}" for n in range(100)]
    words[60] = "pelican"
    text = " ".join(words)

    html = snippet([text], ["pelican"])

    assert html.startswith("… ")
    assert html.endswith(" …")
    assert "<mark>pelican</mark>" in html
    passage = html.removeprefix("… ").removesuffix(" …")
    assert all(part in words or part == "<mark>pelican</mark>" for part in passage.split(" "))
    assert len(passage) < 300
