"""A small newsroom: two sections, authors, concepts with exact-match links, and articles in
every state a reader must or must not see."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from wagtail.models import PageViewRestriction

from broadsheet.concepts.models import Concept, ConceptLink
from broadsheet.content.models import ArticleAnnotation, ArticlePage, Predicate, SectionPage
from broadsheet.content.tests.factories import (
    AuthorFactory,
    ConceptFactory,
    ImageFactory,
    make_article,
)

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SECRET_WORDS = ("Embargoed merger talks", "Withdrawn harbour story", "Members-only briefing")
"""Headlines of articles no anonymous reader may see: draft, unpublished, private."""


@dataclass
class Newsroom:
    business: SectionPage
    strike: ArticlePage
    budget: ArticlePage
    older: ArticlePage
    port_strike: Concept
    lisbon: Concept


def annotate(article: ArticlePage, concept: Concept, predicate: str, score: float = 1.0) -> None:
    ArticleAnnotation.objects.create(
        article=article,
        concept=concept,
        predicate=predicate,
        source="editor",
        score=score,
        published_at=article.published_at,
    )


@pytest.fixture
def newsroom(home, section):
    business = home.add_child(instance=SectionPage(title="Business", slug="business"))
    ana = AuthorFactory(name="Ana Lima", slug="ana-lima")
    chen = AuthorFactory(name="Chen Wei", slug="chen-wei", has_page=False)
    port_strike = ConceptFactory(pref_label="Port strike", slug="port-strike", type="story")
    ConceptLink.objects.create(concept=port_strike, url="https://www.wikidata.org/wiki/Q900001")
    lisbon = ConceptFactory(pref_label="Lisbon", slug="lisbon", type="location")
    ConceptLink.objects.create(concept=lisbon, url="https://www.wikidata.org/wiki/Q597")
    ConceptLink.objects.create(concept=lisbon, url="https://www.geonames.org/2267057/")
    with time_machine.travel(NOW - timedelta(days=40), tick=False):
        older = make_article(
            section=section,
            title="Harbour pilots ask for new tugs",
            standfirst="The pilots' association wrote to the port authority about its fleet.",
            authors=[(ana, "")],
        )
    with time_machine.travel(NOW - timedelta(days=1), tick=False):
        strike = make_article(
            section=section,
            title="Dockers vote to end nine-day strike",
            standfirst="Harbour workers accepted a two-year pay offer on Tuesday night.",
            lead_image=ImageFactory(title="Quay", alt_text="Cranes over an empty quay"),
            authors=[(ana, "Lisbon"), (chen, "Porto")],
        )
    with time_machine.travel(NOW - timedelta(hours=3), tick=False):
        budget = make_article(
            section=business,
            title="Port budget shrinks by a tenth",
            standfirst="The harbour board cut spending after the strike.",
            authors=[(ana, "")],
        )
        draft = make_article(section=section, title=SECRET_WORDS[0], publish=False)
        withdrawn = make_article(section=section, title=SECRET_WORDS[1])
        withdrawn.unpublish()
        private = make_article(section=business, title=SECRET_WORDS[2])
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
    annotate(strike, port_strike, Predicate.ABOUT)
    annotate(strike, lisbon, Predicate.MENTIONS, score=0.4)
    annotate(budget, port_strike, Predicate.MAJOR_MENTIONS, score=0.6)
    for hidden in (draft, withdrawn, private):
        ArticleAnnotation.objects.create(
            article=hidden,
            concept=port_strike,
            predicate=Predicate.ABOUT,
            source="editor",
            published_at=NOW - timedelta(hours=3),
        )
    return Newsroom(
        business=business,
        strike=strike,
        budget=budget,
        older=older,
        port_strike=port_strike,
        lisbon=lisbon,
    )
