"""Labels shared by several concepts: context settles them, or an editor gets a suggestion."""

from __future__ import annotations

import pytest

DC = "bs:place/washington-dc"
STATE = "bs:place/washington-state"
GOVERNMENT = "bs:org/us-government"
GEORGIA_COUNTRY = "bs:place/georgia-country"
GEORGIA_STATE = "bs:place/georgia-state"
JORDAN = "bs:place/jordan"
PARIS = "bs:place/paris"
PARIS_TEXAS = "bs:place/paris-texas"


def senses(found: set[str], *candidates: str) -> set[str]:
    return found & set(candidates)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Context words of a sense.
        (("Washington imposed new tariffs on steel.",), {GOVERNMENT}),
        (("Rain fell across Washington, from Seattle to Spokane.",), {STATE}),
        (("The mayor of Washington opened a bridge over the Potomac.",), {DC}),
        # Co-occurring concepts linked to a sense.
        (("Washington and Congress clashed; the White House said little.",), {GOVERNMENT}),
        (("Protests spread in Georgia.", "Crowds filled Tbilisi."), {GEORGIA_COUNTRY}),
        (("Voting lines were long in Georgia.", "Atlanta counted late."), {GEORGIA_STATE}),
        (("Georgia, on the Black Sea, held elections.",), {GEORGIA_COUNTRY}),
        (("Refugees crossed into Jordan.", "Aid arrived in Amman."), {JORDAN}),
        (("Louvre visitors queued in Paris.",), {PARIS}),
        (("The county fair in Paris drew Texas ranchers.",), {PARIS_TEXAS}),
        # The same sense is given to every mention of the label in an article.
        (("Washington imposed tariffs.", "Later Washington said more would come."), {GOVERNMENT}),
        # No sense clearly wins: nothing is tagged.
        (("Washington was busy.",), set()),
        (("Georgia voted.",), set()),
        (("Paris was sunny.",), set()),
    ],
)
def test_context_settles_shared_labels(concepts, body, expected):
    found = concepts(*body)
    assert (
        senses(
            found, DC, STATE, GOVERNMENT, GEORGIA_COUNTRY, GEORGIA_STATE, JORDAN, PARIS, PARIS_TEXAS
        )
        == expected
    )


def test_unsettled_label_becomes_a_suggestion_with_its_evidence(annotate):
    result = annotate("Georgia voted.", "In Georgia, turnout was high.")
    assert result.annotations == ()
    (suggestion,) = result.suggestions
    assert suggestion.surface == "Georgia"
    assert suggestion.candidates == (GEORGIA_COUNTRY, GEORGIA_STATE)
    assert suggestion.reason.startswith("no sense clearly won (")
    assert [(e.paragraph, e.start, e.end, e.text) for e in suggestion.evidence] == [
        (0, 0, 7, "Georgia"),
        (1, 3, 10, "Georgia"),
    ]


def test_exclude_words_rule_a_sense_out(concepts):
    # "texas" excludes Paris in France, leaving Paris, Texas as the only sense.
    assert senses(concepts("A rodeo came to Paris, Texas."), PARIS, PARIS_TEXAS) == {PARIS_TEXAS}


def test_exclude_words_stop_a_keyword_topic(concepts):
    assert "bs:topic/climate" in concepts("Emissions fell as net zero neared.")
    assert "bs:topic/climate" not in concepts(
        "Emissions fell as net zero neared.", "The football club cheered."
    )


def test_a_person_named_in_full_wins_their_surname_over_a_place(concepts):
    found = concepts("Michael Jordan landed.", "Jordan signed autographs.")
    assert found == {"bs:person/michael-jordan"}


def test_a_place_pattern_wins_over_an_unnamed_person_with_support(concepts):
    assert concepts("Talks were held in Jordan.", "King Abdullah hosted them.") == {JORDAN}
