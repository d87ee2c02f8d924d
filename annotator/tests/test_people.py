"""People: surnames after a full name, titles, shared surnames, surnames alone."""

from __future__ import annotations

import pytest

BORIS = "bs:person/boris-johnson"
DUSTIN = "bs:person/dustin-johnson"
PUTIN = "bs:person/putin"
JORDAN_PERSON = "bs:person/michael-jordan"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A unique surname that is no everyday word and no other label links alone.
        (("Putin said little.",), {PUTIN}),
        (("Mr Putin said little.",), {PUTIN}),
        # Slavic endings are generated: Zelensky, Zelenskyy, Zelenskiy.
        (("Zelensky thanked donors.",), {"bs:person/zelenskyy"}),
        (("Zelenskiy thanked donors.",), {"bs:person/zelenskyy"}),
        # A surname shared by two people stays unlinked without a full name...
        (("Johnson said little.",), set()),
        (("Mr Johnson said little.",), set()),
        # ...and goes to whichever one the article named in full.
        (("Boris Johnson spoke.", "Later Mr Johnson left."), {BORIS}),
        (("Dustin Johnson teed off.", "Johnson finished second."), {DUSTIN}),
        (("Johnson arrived first.", "Boris Johnson then spoke."), {BORIS}),
        # A surname that is an everyday word never links alone...
        (("Brown said little.",), set()),
        (("Gordon Brown spoke.", "Mr Brown then left."), {"bs:person/gordon-brown"}),
        # ...nor does a surname that is another concept's label.
        (("Jordan scored twice.",), set()),
        (("Mr Jordan scored twice.",), set()),
        (("Michael Jordan arrived.", "Jordan scored twice."), {JORDAN_PERSON}),
        # Name particles.
        (
            ("Ursula von der Leyen spoke.", "Von der Leyen left."),
            {"bs:person/ursula-von-der-leyen"},
        ),
        # Titles with more than one word.
        (("Prime Minister Starmer spoke.",), {"bs:person/keir-starmer"}),
        # Surnames need a capital.
        (("Gordon Brown spoke.", "His brown coat was wet."), {"bs:person/gordon-brown"}),
    ],
)
def test_people(concepts, body, expected):
    assert concepts(*body) == expected


def test_surname_mentions_become_evidence_of_the_person(annotate):
    result = annotate("Boris Johnson spoke.", "Mr Johnson left; Johnson's aides stayed.")
    (annotation,) = result.annotations
    assert annotation.concept == BORIS
    assert [(e.paragraph, e.text) for e in annotation.evidence] == [
        (0, "Boris Johnson"),
        (1, "Johnson"),
        (1, "Johnson"),
    ]


def test_two_people_named_in_full_share_their_surname_by_proximity(annotate):
    result = annotate(
        "Boris Johnson and Dustin Johnson met at a charity match.",
        "Dustin Johnson drove first. Johnson hit the fairway.",
        "Boris Johnson followed. Johnson missed.",
    )
    evidence = {
        a.concept: [(e.paragraph, e.start, e.text) for e in a.evidence] for a in result.annotations
    }
    assert evidence == {
        BORIS: [(0, 0, "Boris Johnson"), (2, 0, "Boris Johnson"), (2, 24, "Johnson")],
        DUSTIN: [(0, 18, "Dustin Johnson"), (1, 0, "Dustin Johnson"), (1, 28, "Johnson")],
    }


def test_a_shared_surname_with_no_full_name_is_suggested(annotate):
    result = annotate("Johnson said little.")
    assert result.annotations == ()
    (suggestion,) = result.suggestions
    assert suggestion.surface == "Johnson"
    assert suggestion.candidates == (BORIS, DUSTIN)
    assert suggestion.reason == "a surname shared by several people, none named in full"
