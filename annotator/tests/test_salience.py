"""Salience, predicates, topic and story rules, ancestors, and deterministic output."""

from __future__ import annotations

from annotator import Annotator, Article, Vocabulary


def predicates(result):
    return {a.concept: a.predicate for a in result.annotations}


def test_headline_and_standfirst_make_about_and_the_rest_mentions(annotate):
    result = annotate(
        "Keir Starmer met Emmanuel Macron in London on Monday.",
        "Mr Starmer said the talks went well; Mr Macron agreed.",
        "Both men spoke about Ukraine.",
        "Mr Starmer later left London for Kent.",
        headline="Starmer and Macron agree a plan",
        standfirst="Keir Starmer hosted the French president",
    )
    assert predicates(result) == {
        "bs:person/keir-starmer": "about",
        "bs:person/macron": "about",
        "bs:place/london": "majorMentions",
        "bs:place/france": "mentions",
        "bs:place/ukraine": "mentions",
    }
    scores = [a.score for a in result.annotations]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= score <= 1.0 for score in scores)


def test_three_mentions_make_a_major_mention(annotate):
    result = annotate(
        "Keir Starmer spoke in Kyiv.",
        "Putin was absent. Putin sent no one.",
        "Later Putin wrote a letter.",
        headline="Starmer in talks",
    )
    assert predicates(result)["bs:person/putin"] == "majorMentions"


def test_at_most_four_concepts_are_about(annotate):
    result = annotate(
        "Keir Starmer, Emmanuel Macron, Vladimir Putin, Boris Johnson and Gordon Brown met.",
        headline="Starmer, Macron, Putin, Johnson and Brown meet",
    )
    about = [a.concept for a in result.annotations if a.predicate == "about"]
    assert len(about) == 4
    assert len(result.annotations) == 5


def test_a_place_is_about_only_as_the_subject_of_the_headline(annotate):
    subject = annotate(
        "Ukraine said the grid held. Ukraine thanked donors.",
        headline="Ukraine restores power after strikes",
    )
    setting = annotate(
        "Ukraine said the grid held. Ukraine thanked donors.",
        headline="Engineers restore power in Ukraine",
    )
    assert predicates(subject) == {"bs:place/ukraine": "about"}
    assert predicates(setting) == {"bs:place/ukraine": "majorMentions"}


def test_keywords_fire_a_topic_with_their_spans_as_evidence(annotate):
    result = annotate("Consumer prices rose again.", "The cost of living squeezed families.")
    (annotation,) = result.annotations
    assert annotation.concept == "bs:topic/inflation"
    assert [(e.paragraph, e.text) for e in annotation.evidence] == [
        (0, "Consumer prices"),
        (1, "cost of living"),
    ]


def test_one_keyword_once_in_the_body_is_not_enough(annotate):
    assert annotate("A note.", "Later, consumer prices were mentioned.").annotations == ()


def test_a_topic_word_in_passing_is_not_tagged(annotate):
    assert annotate("He mentioned inflation once.").annotations == ()
    assert predicates(annotate("Inflation is easing.", headline="Inflation eases")) == {
        "bs:topic/inflation": "about"
    }


def test_requires_fires_a_story_with_the_evidence_of_the_required_concepts(annotate):
    result = annotate("Russia moved troops near Ukraine.")
    story = next(a for a in result.annotations if a.concept == "bs:story/war-in-ukraine")
    assert [e.text for e in story.evidence] == ["Russia", "Ukraine"]


def test_an_implied_broader_topic_is_dropped(annotate):
    # Economy is broader than Inflation; its keywords alone do not survive.
    result = annotate(
        "Consumer prices rose. The cost of living bit.", "Economists fear a recession; GDP fell."
    )
    assert {a.concept for a in result.annotations} == {"bs:topic/inflation"}


def test_a_broader_topic_in_the_headline_stays(annotate):
    result = annotate(
        "Consumer prices rose. The cost of living bit.",
        headline="The economy stalls",
    )
    assert {a.concept for a in result.annotations} == {"bs:topic/economy", "bs:topic/inflation"}


def test_a_broader_place_named_in_its_own_right_stays(annotate):
    result = annotate("London and England both voted.")
    assert {a.concept for a in result.annotations} == {"bs:place/london", "bs:place/england"}


def test_output_is_deterministic_whatever_the_vocabulary_order(vocabulary, annotator):
    article = Article(
        id="a",
        headline="Washington imposes tariffs as Georgia votes",
        standfirst="Boris Johnson and Dustin Johnson meet in London",
        body=(
            "Washington imposed tariffs. Johnson spoke. Georgia voted in Tbilisi.",
            "Consumer prices rose; the cost of living bit. Apple fell.",
        ),
    )
    reversed_annotator = Annotator(Vocabulary(concepts=tuple(reversed(vocabulary.concepts))))
    first = annotator.annotate(article)
    assert annotator.annotate(article) == first
    assert reversed_annotator.annotate(article) == first


def test_a_place_that_sets_a_venue_in_the_headline_is_no_subject(annotate):
    body = ("London was busy. London shops opened late. London slept.",)
    venue = annotate(*body, headline="London bakery opens a third shop")
    staff = annotate(*body, headline="London primary school rated outstanding")
    subject = annotate(*body, headline="London lifts its parking charges")
    assert predicates(venue)["bs:place/london"] == "majorMentions"
    assert predicates(staff)["bs:place/london"] == "majorMentions"
    assert predicates(subject)["bs:place/london"] == "about"


def test_a_topic_found_by_one_keyword_alone_is_never_about(annotate):
    one = annotate(
        "Consumer prices rose. Consumer prices kept rising.",
        headline="Consumer prices climb",
    )
    two = annotate(
        "Consumer prices rose. The cost of living bit.",
        headline="Consumer prices climb",
    )
    assert predicates(one)["bs:topic/inflation"] == "majorMentions"
    assert predicates(two)["bs:topic/inflation"] == "about"


def test_an_organisation_from_the_standfirst_needs_the_opening_too(annotate):
    late = annotate(
        "Ministers met on Monday.",
        "Nato officials said the plan was sound. Nato will meet again.",
        headline="Ministers agree a plan",
        standfirst="Nato backs the plan",
    )
    early = annotate(
        "Nato officials met on Monday.",
        "Nato said the plan was sound. Nato will meet again.",
        headline="Ministers agree a plan",
        standfirst="Nato backs the plan",
    )
    assert predicates(late)["bs:org/nato"] == "majorMentions"
    assert predicates(early)["bs:org/nato"] == "about"
