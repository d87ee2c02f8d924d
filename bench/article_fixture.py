"""Build the benchmark's article in a throwaway database, or count the queries of rendering it.

Run by bench/article_page.py as a child, with the production settings and DATABASE_URL and
MEDIA_ROOT pointing at a temporary folder:

    python bench/article_fixture.py seed --host 127.0.0.1 --port 8123
    python bench/article_fixture.py count-queries --host 127.0.0.1 --port 8123 --path /world/x/
    python bench/article_fixture.py spread --host 127.0.0.1 --port 8123 --count 1000 --out paths.txt

Each prints one JSON object on its last line of standard output.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import timedelta
from typing import Any

PARAGRAPHS = [
    "The overnight train between Lisbon and Madrid will run again from the first week of March, "
    "eleven years after the last sleeper left Santa Apolónia, the two transport ministries said "
    "on Tuesday.",
    "The service will leave each capital at 21:40 and arrive shortly before eight the next "
    "morning, stopping at Entroncamento, Badajoz, Mérida and Talavera de la Reina. Tickets go on "
    "sale on Monday.",
    "Under the agreement, Portugal and Spain will split the cost of twelve refurbished sleeper "
    'carriages, with a grant from the <a href="/topics/european-commission/">European '
    "Commission</a> covering about a third of the bill.",
    "Officials said the carriages, bought second-hand from an operator in central Europe, would "
    "be fitted with two- and four-berth cabins, a café car and racks for sixteen bicycles.",
    "The route was suspended in 2020 and never restarted; the daytime journey needs a change at "
    "Badajoz and takes more than nine hours. Passenger groups have campaigned for the sleeper "
    'since the line through Extremadura was <a linktype="page" id="{freight}">reopened to '
    "freight</a> last year.",
    '"We are not asking people to give up flying. We are giving them a reason to," said an '
    "official involved in the talks, who asked not to be named because the timetable is not "
    "final.",
    "The cheapest seat will cost €39 one way, and a bed in a shared four-berth cabin €69. A "
    "private cabin for two, with a washbasin, will start at €189.",
    "Crews will be drawn from both national operators. The unions, which "
    '<a linktype="page" id="{unions}">agreed a summer timetable</a> with management in May, '
    "said the rosters for night work still had to be negotiated.",
    "Sleeper services elsewhere in Europe fill quickly in summer and struggle in winter. The "
    "ministries said the first year would be treated as a trial, with a review after twelve "
    "months.",
    "Environmental groups welcomed the announcement but said the train had to run every night "
    "of the year to change travel habits, not only the four nights a week planned for the first "
    "winter.",
    "Towns along the route hope for a share of the traffic. The mayor of Mérida said the city "
    "would keep its station café open late for the first time in years.",
    "Tickets will be sold on both operators' websites and at station counters. Follow our "
    'coverage of <a href="/topics/iberian-rail-links/">Iberian rail links</a>.',
]
"""The twelve paragraphs of the benchmark article, written for this project."""

EXPECTED_MARKUP = {
    'class="kicker article__kicker"': 1,
    'class="byline__location"': 3,
    'class="body-text"': 12,
    'class="pullquote"': 1,
    'class="body-figure"': 1,
    'class="ad-slot"': 2,
    "<picture": 2,
}
"""What the served article must contain, and how often, for the benchmark to be representative."""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["seed", "count-queries", "spread"])
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", help="the article's path (count-queries)")
    parser.add_argument("--count", type=int, default=1000, help="articles to add (spread)")
    parser.add_argument("--out", help="the file to write their paths to, one a line (spread)")
    options = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    import django

    django.setup()
    if options.command == "seed":
        result = seed(host=options.host, port=options.port)
    elif options.command == "spread":
        if not options.out or options.count < 1:
            parser.error("spread needs --out and a --count of at least 1")
        paths = spread(count=options.count)
        with open(options.out, "w") as stream:
            stream.writelines(f"{path}\n" for path in paths)
        result = {"count": len(paths), "out": options.out}
    else:
        if not options.path:
            parser.error("count-queries needs --path")
        result = count_queries(host=f"{options.host}:{options.port}", path=options.path)
    print(json.dumps(result))
    return 0


def seed(*, host: str, port: int) -> dict[str, Any]:
    """Create the site, its sections, two earlier stories and the benchmark article."""
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Site

    from broadsheet.ads.models import HouseAd
    from broadsheet.content.models import ArticlePage, SectionPage
    from broadsheet.content.tests.factories import (
        AuthorFactory,
        ConceptFactory,
        ImageFactory,
        image_file,
        make_article,
        make_site,
    )

    with transaction.atomic():
        home, world = make_site()
        Site.objects.filter(root_page=home).update(
            hostname=host, port=port, site_name="The Broadsheet"
        )
        for title, slug in [("Business", "business"), ("Culture", "culture")]:
            home.add_child(instance=SectionPage(title=title, slug=slug))
        story = ConceptFactory(pref_label="Iberian rail links", slug="iberian-rail-links")
        ConceptFactory(
            pref_label="European Commission", slug="european-commission", type="organisation"
        )
        writers = [
            (AuthorFactory(name=name, slug=slug, job_title=job), location)
            for name, slug, job, location in [
                ("Inês Carvalho", "ines-carvalho", "Transport correspondent", "Lisbon"),
                ("Tomás Reyes", "tomas-reyes", "Spain correspondent", "Madrid"),
                ("Hanna Lindqvist", "hanna-lindqvist", "Europe editor", "Brussels"),
            ]
        ]
        freight = make_article(
            section=world,
            title="Border line reopens to freight after two years of track repairs",
            standfirst="Container trains can again cross from Extremadura into Portugal.",
            authors=writers[:1],
        )
        unions = make_article(
            section=world,
            title="Rail unions and operators agree the summer timetable",
            standfirst="Extra trains to the coast will run from June to September.",
            authors=writers[1:2],
        )
        lead = ImageFactory(
            title="Sleeper carriage on a test run",
            file=image_file(width=2400, height=1350, colour=(28, 52, 92), name="sleeper.jpg"),
            alt_text="A blue sleeper carriage standing at a country platform at dusk",
            caption="A refurbished sleeper carriage on a test run near Entroncamento",
            credit="Broadsheet/Rui Matos",
        )
        cabin = ImageFactory(
            title="Two-berth cabin",
            file=image_file(width=1600, height=1067, colour=(120, 84, 60), name="cabin.jpg"),
            alt_text="A two-berth cabin with both bunks made up and a small table by the window",
            caption="One of the two-berth cabins",
            credit="Handout/Ministry of Infrastructure",
            licence="handout",
        )
        for name, size, alt_text in [
            ("Subscribe", (600, 500), "Subscribe: the whole paper, every morning"),
            ("Morning briefing", (600, 300), "Sign up for the morning briefing newsletter"),
        ]:
            HouseAd.objects.create(
                name=name,
                image=ImageFactory(
                    title=f"House ad: {name}",
                    file=image_file(width=size[0], height=size[1], colour=(164, 22, 26)),
                    alt_text=alt_text,
                ),
                link_url="https://broadsheet.example/subscribe/",
                alt_text=alt_text,
            )
        paragraphs = [
            ("paragraph", f"<p>{text.format(freight=freight.pk, unions=unions.pk)}</p>")
            for text in PARAGRAPHS
        ]
        body = [
            *paragraphs[:4],
            ("image", {"image": cabin, "caption": ""}),
            *paragraphs[4:6],
            ("subheading", "Fares and timetable"),
            *paragraphs[6:8],
            (
                "pullquote",
                {
                    "quote": "An overnight train is a hotel that moves. It has to cost less than "
                    "the flight and the hotel together.",
                    "attribution": "A transport economist in Madrid",
                },
            ),
            *paragraphs[8:],
        ]
        article = make_article(
            section=world,
            title="Night train between Lisbon and Madrid returns after eleven years",
            standfirst="The sleeper restarts in March with cabins and a bike carriage, after "
            "the two governments agreed to share the cost of refurbished carriages.",
            body=body,
            authors=writers,
            display_concept=story,
            lead_image=lead,
        )
        published_at = timezone.now() - timedelta(hours=3)
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=published_at,
            last_published_at=published_at,
            published_at=published_at,
        )
    _site_id, _root_url, path = article.get_url_parts()
    return {"article_id": article.pk, "path": path, "title": article.title}


SPREAD_PLACES = [
    "Porto",
    "Seville",
    "Coimbra",
    "Valencia",
    "Braga",
    "Zaragoza",
    "Faro",
    "Bilbao",
    "Évora",
    "Granada",
    "Aveiro",
    "Salamanca",
    "Leiria",
    "Toledo",
    "Viseu",
    "Cádiz",
    "Guimarães",
    "Burgos",
    "Setúbal",
    "Girona",
]
SPREAD_EVENTS = [
    "opens a night bus line to the airport",
    "votes to pedestrianise its old town",
    "doubles the trams on its riverside route",
    "delays the new bridge by a year",
    "adds a second platform to its main station",
    "trials free buses on Sundays",
    "puts its ferry crossing out to tender",
    "repairs the viaduct closed since spring",
    "extends its metro to the university",
    "hires forty drivers for the summer timetable",
    "asks the state to fund a tram depot",
    "marks out a cycle lane along the coast",
    "publishes the cost of its parking fines",
    "reopens its branch line to tourists",
    "cuts the fare for school pupils",
    "tests an electric bus in the hills",
    "renames its central bus station",
    "moves the weekly market off the main road",
    "buys three battery trains",
    "closes a level crossing after complaints",
    "sets a date for the airport rail link",
    "consults residents on a low-traffic zone",
    "lights the towpath for winter commuters",
    "adds a late train on Friday nights",
    "scraps the toll on its ring road",
    "restores the funicular to the castle",
    "plans a bike hire scheme for the port",
    "orders quieter rubbish lorries",
    "reports fewer crashes on its avenues",
    "opens a park-and-ride by the motorway",
    "names a transport ombudsman",
    "approves a cable car over the river",
    "fines a bus operator for missed services",
    "builds a footbridge over the railway",
    "publishes live arrival times for buses",
    "limits lorries in the historic centre",
    "restarts its water taxi",
    "adds step-free access at five stations",
    "shortens the wait at its busiest junction",
    "trains volunteers to run a community bus",
    "agrees a timetable with the neighbouring town",
    "puts solar roofs on its bus shelters",
    "pays for a study of a second tram line",
    "keeps the night train stop it nearly lost",
    "counts its cyclists for the first time",
    "asks for ideas to fill an empty depot",
    "sells its old trams to a museum",
    "makes its harbour shuttle free for residents",
    "opens a station café again",
    "widens the pavements around the market",
]
"""Twenty places and fifty events: a thousand distinct headlines, written for this project."""


def spread(*, count: int) -> list[str]:
    """Add ``count`` published articles to the seeded site; return their paths.

    Each is shorter than the benchmark article but built the same way: three bylines, the
    paragraphs of the benchmark article without its internal links, in a rotating order.
    """
    from django.db import transaction

    from broadsheet.content.models import Author, SectionPage
    from broadsheet.content.tests.factories import make_article

    sections = list(SectionPage.objects.live().order_by("pk"))
    writers = [(author, "") for author in Author.objects.order_by("pk")[:3]]
    texts = [text for text in PARAGRAPHS if "{" not in text]
    paths: list[str] = []
    with transaction.atomic():
        for number in range(count):
            place = SPREAD_PLACES[number % len(SPREAD_PLACES)]
            event = SPREAD_EVENTS[(number // len(SPREAD_PLACES)) % len(SPREAD_EVENTS)]
            suffix = "" if number < len(SPREAD_PLACES) * len(SPREAD_EVENTS) else f" ({number})"
            start = number % len(texts)
            body = [("paragraph", f"<p>{text}</p>") for text in (texts[start:] + texts[:start])]
            article = make_article(
                section=sections[number % len(sections)],
                title=f"{place} {event}{suffix}",
                standfirst=f"The council in {place} says the change starts next month.",
                body=body[:8],
                authors=writers[: 1 + number % 3],
            )
            _site_id, _root_url, path = article.get_url_parts()
            paths.append(path)
    return paths


def count_queries(*, host: str, path: str) -> dict[str, int]:
    """Render the article three times in this process; return the first and the last count."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_HOST=host)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}, not 200.")
        counts.append(len(queries.captured_queries))
    return {"first_render": counts[0], "per_render": counts[-1]}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
