"""Matching: normalised text, word boundaries, longest match and case rules."""

from __future__ import annotations

import pytest

ERDOGAN = "bs:person/erdogan"
TURKEY = "bs:place/turkey"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Diacritics, either way round.
        ("Recep Tayyip Erdogan spoke on Tuesday.", {ERDOGAN}),
        ("Recep Tayyip Erdoğan spoke on Tuesday.", {ERDOGAN}),
        ("Recep Tayyip Erdog\u0306an spoke on Tuesday.", {ERDOGAN}),
        ("RECEP TAYYIP ERDOĞAN spoke on Tuesday.", {ERDOGAN}),
        ("Officials in Türkiye agreed.", {TURKEY}),
        ("Officials in Turkiye agreed.", {TURKEY}),
        # Aliases.
        ("The mayor of Kiev spoke.", {"bs:place/kyiv"}),
        ("The mayor of Kyiv spoke.", {"bs:place/kyiv"}),
        # Possessives, straight and curly, and plural possessive.
        ("London's mayor spoke.", {"bs:place/london"}),
        ("London\u2019s mayor spoke.", {"bs:place/london"}),
        ("the Labour Party' s plan", {"bs:org/labour"}),
        # Longest match wins.
        ("The Bank of England held rates.", {"bs:org/bank-of-england"}),
        ("England won the match.", {"bs:place/england"}),
        (
            "The Bank of England and England both lost.",
            {"bs:org/bank-of-england", "bs:place/england"},
        ),
        # Word boundaries: no match inside a longer word.
        ("The Englanders toured.", set()),
        ("A Parisienne cafe opened in Bordeaux.", set()),
        ("The ukulele band played.", set()),
        # Typographic hyphens, dashes and spaces.
        ("Talks on UK\u2014France relations resumed.", {"bs:place/uk", "bs:place/france"}),
        ("The Bank\u00a0of\u00a0England held rates.", {"bs:org/bank-of-england"}),
        ("The Bank of  England held rates.", {"bs:org/bank-of-england"}),
        ("A UK\u2011based charity said so.", {"bs:place/uk"}),
        # Full-width letters are read through compatibility normalisation.
        ("\uff2c\uff4f\uff4e\uff44\uff4f\uff4e is wet.", {"bs:place/london"}),
        # Hidden labels: demonyms and misspellings.
        ("Ukrainian officials agreed.", {"bs:place/ukraine"}),
    ],
)
def test_labels_match_in_normalised_text(concepts, text, expected):
    assert concepts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Everyday words match only in the vocabulary's own case.
        ("We ate turkey and apple pie.", set()),
        ("Exports to Turkey rose.", {TURKEY}),
        ("Sales of the new Apple phone rose.", {"bs:org/apple"}),
        ("Voters want reform of the system.", set()),
        ("Voters in Kent backed Reform.", {"bs:org/reform-uk"}),
        ("The union defends labour rights.", set()),
        ("He voted for Labour.", {"bs:org/labour"}),
        ("The patriot waved a flag.", set()),
        # A capitalised everyday word at a sentence start needs support.
        ("Apple pie is a dessert.", set()),
        ("Apple sold more iPhone models.", {"bs:org/apple"}),
        ("Turkey is a big bird. It was roasted.", set()),
        ("Turkey raised rates. The lira fell.", {TURKEY}),
        (
            "Two Patriot batteries arrived. Each missile costs millions.",
            {"bs:topic/patriot-missile"},
        ),
        # Acronyms that are everyday words match only in capitals.
        ("The WHO issued guidance.", {"bs:org/who"}),
        ("Who issued guidance?", set()),
        ("Talks with the US resumed.", {"bs:place/us"}),
        ("Talks with us resumed.", set()),
        # Not everyday words: any case.
        ("nato ministers met.", {"bs:org/nato"}),
        ("NATO ministers met.", {"bs:org/nato"}),
        # The vocabulary's case_sensitive flag.
        ("ACME Widgets grew.", {"bs:org/acme"}),
        ("Acme Widgets grew.", set()),
        # Topics match in any case.
        ("Rising inflation worried savers, and INFLATION may rise.", {"bs:topic/inflation"}),
    ],
)
def test_case_rules(concepts, text, expected):
    assert concepts(text) == expected


@pytest.mark.parametrize(
    ("headline", "body", "expected"),
    [
        ("Turkey raises interest rates again", "", {"bs:topic/interest-rates"}),
        (
            "Turkey raises interest rates again",
            "The central bank in Ankara acted.",
            {TURKEY, "bs:topic/interest-rates"},
        ),
        ("Why Turkey Prices Are Rising This Christmas", "Farmers sold more birds.", set()),
        ("Exports to Turkey fall", "", {TURKEY}),
    ],
)
def test_everyday_words_opening_or_title_casing_a_headline_need_support(
    concepts, headline, body, expected
):
    assert concepts(body, headline=headline) == expected
