"""Evidence offsets index the original text, whatever normalising changed."""

from __future__ import annotations

import pytest

from annotator import Article


@pytest.mark.parametrize(
    ("paragraph", "concept", "expected_text"),
    [
        ("Talks with Erdoğan\u2019s team.", "bs:person/erdogan", "Erdoğan"),
        ("Talks with Erdog\u0306an\u2019s team.", "bs:person/erdogan", "Erdog\u0306an"),
        ("Talks with Erdo\u00adğan today.", "bs:person/erdogan", "Erdo\u00adğan"),
        (
            "\uff2c\uff4f\uff4e\uff44\uff4f\uff4e\u2019s mayor spoke.",
            "bs:place/london",
            "\uff2c\uff4f\uff4e\uff44\uff4f\uff4e",
        ),
        (
            "The \u201cBank\u00a0of  England\u201d held rates.",
            "bs:org/bank-of-england",
            "Bank\u00a0of  England",
        ),
        ("Crowds\u2003in\u2003Kiev cheered.", "bs:place/kyiv", "Kiev"),
        ("ÉÉÉ — ß and ﬁ: then London.", "bs:place/london", "London"),
        ("A UK\u2011based charity.", "bs:place/uk", "UK"),
    ],
)
def test_evidence_slices_back_to_the_original(annotate, paragraph, concept, expected_text):
    result = annotate(paragraph)
    (annotation,) = [a for a in result.annotations if a.concept == concept]
    (evidence,) = annotation.evidence
    assert evidence.text == expected_text
    assert paragraph[evidence.start : evidence.end] == expected_text
    assert (evidence.part, evidence.paragraph) == ("body", 0)


def test_evidence_names_its_part_and_paragraph(annotator):
    article = Article(
        id="a",
        headline="Kyiv braces for winter",
        standfirst="Officials in Kyiv prepare shelters",
        body=("A first paragraph.", "Later, the mayor of Kiev spoke."),
    )
    (annotation,) = annotator.annotate(article).annotations
    assert [(e.part, e.paragraph, e.start, e.end, e.text) for e in annotation.evidence] == [
        ("headline", None, 0, 4, "Kyiv"),
        ("standfirst", None, 13, 17, "Kyiv"),
        ("body", 1, 20, 24, "Kiev"),
    ]


def test_byline_is_never_searched(annotator):
    article = Article(id="a", byline="By Boris Johnson in London", body=("Nothing here.",))
    assert annotator.annotate(article).annotations == ()
