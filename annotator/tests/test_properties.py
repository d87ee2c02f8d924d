"""Properties over generated text: offsets slice back, output is stable, nothing crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator import Article
from annotator.normalise import normalise, normalise_all

LABELS = (
    "Erdoğan",
    "Erdogan",
    "Recep Tayyip Erdoğan",
    "Kyiv",
    "Kiev",
    "Bank of England",
    "England",
    "Washington",
    "Georgia",
    "Tbilisi",
    "Boris Johnson",
    "Johnson",
    "Mr Johnson",
    "Apple",
    "apple",
    "Turkey",
    "consumer prices",
    "London\u2019s",
    "\uff2c\uff4f\uff4e\uff44\uff4f\uff4e",
    "US",
    "Labour",
)
SEPARATORS = (" ", "  ", "\u00a0", "\u2014", "-", ", ", ". ", "\u2019s ", "\n", "\u00ad", "\u0301")

pieces = st.one_of(
    st.sampled_from(LABELS),
    st.sampled_from(SEPARATORS),
    st.text(max_size=12),
)
texts = st.lists(pieces, max_size=30).map("".join)
articles = st.builds(
    Article,
    id=st.just("generated"),
    headline=texts,
    standfirst=texts,
    byline=texts,
    body=st.lists(texts, max_size=5).map(tuple),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def original(article: Article, part: str, paragraph: int | None) -> str:
    if part == "headline":
        return article.headline
    if part == "standfirst":
        return article.standfirst
    assert paragraph is not None
    return article.body[paragraph]


@SETTINGS
@given(articles)
def test_evidence_offsets_slice_back_to_the_evidence_text(annotator, article):
    result = annotator.annotate(article)
    spans = [e for a in result.annotations for e in a.evidence]
    spans += [e for s in result.suggestions for e in s.evidence]
    for evidence in spans:
        assert (
            original(article, evidence.part, evidence.paragraph)[evidence.start : evidence.end]
            == evidence.text
        )
        assert evidence.text


@SETTINGS
@given(articles)
def test_output_is_deterministic(annotator, article):
    assert annotator.annotate(article) == annotator.annotate(article)


@SETTINGS
@given(
    st.builds(
        Article,
        id=st.text(min_size=1),
        headline=st.text(),
        standfirst=st.text(),
        byline=st.text(),
        body=st.lists(st.text(), max_size=4).map(tuple),
    )
)
def test_no_input_crashes_the_engine(annotator, article):
    result = annotator.annotate(article)
    assert result.article_id == article.id
    assert sum(1 for a in result.annotations if a.predicate == "about") <= 4
    assert all(0.0 <= a.score <= 1.0 for a in result.annotations)
    keys = [(-a.score, a.concept) for a in result.annotations]
    assert keys == sorted(keys)


@SETTINGS
@given(
    st.lists(
        st.one_of(texts, st.sampled_from(("\x00", "\u0301a", " \u0301", "e\u0301 "))), max_size=40
    ),
    st.booleans(),
)
def test_normalising_labels_in_batches_equals_one_by_one(labels, casefold):
    """Builds normalise labels joined in batches: the result is what each label alone gives."""
    expected = [normalise(label, casefold=casefold).text for label in labels]
    assert normalise_all(labels, casefold=casefold) == expected


def test_normalising_more_labels_than_one_batch_keeps_their_order():
    labels = [f"Erdo\u011fan  {number}\u2014Kyiv" for number in range(5000)] + ["\u0301x"]
    assert normalise_all(labels) == [normalise(label).text for label in labels]
