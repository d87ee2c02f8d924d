"""The demo publication's masthead: its name, sections, running stories, staff, ads and clips.

Every name here is invented for the demo; real places appear only as places.
"""

from __future__ import annotations

from .schema import (
    AuthorSpec,
    ClipSpec,
    ConceptSpec,
    HouseAdSpec,
    Publication,
    SectionSpec,
)

PUBLICATION = Publication(
    name="The Meridian Post",
    tagline="Calder Bay and the world, reported with care",
    copyright_holder="The Meridian Post Ltd",
    accent_colour="#8c1c13",
)

HOME_TITLE = "The Meridian Post"
HOME_SLUG = "meridian-post"
SITE_NAME = "The Meridian Post (demo)"
COLLECTION_NAME = "Demo publication"
EDITOR_USERNAME = "editor"
EDITOR_PASSWORD = "broadsheet-demo"  # noqa: S105 - the published demo login, printed by make demo
EDITOR_EMAIL = "editor@meridianpost.example"

SECTIONS = (
    SectionSpec(
        slug="world",
        title="World",
        description="Reporting from our correspondents and bureaux around the globe.",
    ),
    SectionSpec(
        slug="politics",
        title="Politics",
        description="City hall, the race for mayor and the decisions that shape Calder Bay.",
    ),
    SectionSpec(
        slug="business",
        title="Business",
        description="Companies, markets, work and the cost of living.",
    ),
    SectionSpec(
        slug="science",
        title="Science",
        description="Research, climate and the natural world.",
    ),
    SectionSpec(
        slug="culture",
        title="Culture",
        description="Museums, books, film, music and the life of the city.",
    ),
    SectionSpec(
        slug="sport",
        title="Sport",
        description="Results, races and the people behind them.",
    ),
)

CONCEPTS = (
    ConceptSpec(
        slug="election-2026",
        label="Election 2026",
        type="story",
        description=(
            "The race to be Calder Bay's next mayor, from the first campaign launch to "
            "polling day on 6 December."
        ),
    ),
    ConceptSpec(
        slug="energy-crisis",
        label="Energy crisis",
        type="story",
        description="Gas supplies, household bills and the scramble for cheaper, cleaner heat.",
    ),
    ConceptSpec(
        slug="east-africa-drought",
        label="East Africa drought",
        type="story",
        description="Failed rains across Kenya, Somalia and Ethiopia, and the response to them.",
    ),
    ConceptSpec(
        slug="riverside-line",
        label="Riverside Line",
        type="story",
        description="Calder Bay's proposed tram line from the harbour to the northern suburbs.",
    ),
    ConceptSpec(
        slug="calder-bay-marathon",
        label="Calder Bay Marathon",
        type="story",
        description="The city's marathon, run over the Harbour Bridge every November.",
    ),
    ConceptSpec(
        slug="climate",
        label="Climate",
        type="topic",
        description="How the climate is changing, and what is being done about it.",
    ),
    ConceptSpec(
        slug="semiconductors",
        label="Semiconductors",
        type="topic",
        description="The chips in everything, and the race to make more of them closer to home.",
    ),
    ConceptSpec(
        slug="restitution",
        label="Restitution",
        type="topic",
        description="Museums returning objects to the places and peoples they were taken from.",
    ),
)


def _links(slug: str, *extra: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return (("Contact", f"https://meridianpost.example/contact/{slug}"), *extra)


AUTHORS = (
    AuthorSpec(
        slug="ruth-abernethy",
        name="Ruth Abernethy",
        job_title="Political editor",
        bio=(
            "Ruth Abernethy has covered Calder Bay's council chamber and three mayoral races. "
            "Before that she reported on courts and planning for regional papers."
        ),
        colour=(120, 40, 52),
        links=_links(
            "ruth-abernethy",
            ("Politics newsletter", "https://meridianpost.example/newsletters/city-hall"),
        ),
    ),
    AuthorSpec(
        slug="daniel-ashcroft",
        name="Daniel Ashcroft",
        job_title="City hall reporter",
        bio=(
            "Daniel Ashcroft reports on transport, housing and the city budget. He rides the "
            "number 14 bus to work and has opinions about its timetable."
        ),
        colour=(40, 88, 120),
        links=_links("daniel-ashcroft"),
    ),
    AuthorSpec(
        slug="ines-duarte",
        name="Ines Duarte",
        job_title="Southern Europe correspondent",
        bio=(
            "Ines Duarte is based in Lisbon and covers Portugal, Spain and the western "
            "Mediterranean, with a particular interest in housing and migration."
        ),
        colour=(38, 84, 124),
        links=_links("ines-duarte"),
    ),
    AuthorSpec(
        slug="wanjiru-kamau",
        name="Wanjiru Kamau",
        job_title="East Africa correspondent",
        bio=(
            "Wanjiru Kamau reports from Nairobi on Kenya, Ethiopia and the Horn of Africa. "
            "She has followed the drought across four rainy seasons."
        ),
        colour=(150, 92, 40),
        links=_links(
            "wanjiru-kamau",
            ("Africa newsletter", "https://meridianpost.example/newsletters/africa"),
        ),
    ),
    AuthorSpec(
        slug="mateo-quispe",
        name="Mateo Quispe",
        job_title="Andean correspondent",
        bio=(
            "Mateo Quispe covers Peru, Bolivia and Ecuador from Lima, writing about politics, "
            "mining, water and the region's film and music."
        ),
        colour=(70, 110, 64),
        links=_links("mateo-quispe"),
    ),
    AuthorSpec(
        slug="hannah-reuter",
        name="Hannah Reuter",
        job_title="European business correspondent",
        bio=(
            "Hannah Reuter writes about industry, energy and the labour market from Frankfurt. "
            "She trained as an engineer before turning to journalism."
        ),
        colour=(84, 60, 120),
        links=_links("hannah-reuter"),
    ),
    AuthorSpec(
        slug="mei-lin-chen",
        name="Mei-Lin Chen",
        job_title="Asia technology correspondent",
        bio=(
            "Mei-Lin Chen is based in Taipei, where she covers the chip industry and the supply "
            "chains that run through the region."
        ),
        colour=(30, 110, 110),
        links=_links("mei-lin-chen"),
    ),
    AuthorSpec(
        slug="marta-kowalczyk",
        name="Marta Kowalczyk",
        job_title="Business editor",
        bio=(
            "Marta Kowalczyk edits the business pages and writes about work, prices and the "
            "companies of Calder Bay's harbour economy."
        ),
        colour=(130, 70, 30),
        links=_links("marta-kowalczyk"),
    ),
    AuthorSpec(
        slug="priya-raman",
        name="Priya Raman",
        job_title="Science editor",
        bio=(
            "Priya Raman has a doctorate in ocean physics and has edited the science pages "
            "since 2021. She writes on climate, space and agriculture."
        ),
        colour=(24, 70, 110),
        links=_links(
            "priya-raman", ("Science newsletter", "https://meridianpost.example/newsletters/lab")
        ),
    ),
    AuthorSpec(
        slug="freya-lindqvist",
        name="Freya Lindqvist",
        job_title="Energy correspondent",
        bio=(
            "Freya Lindqvist reports on gas, power and heating from Oslo, and on how the "
            "Nordic countries are trying to keep homes warm without burning more fuel."
        ),
        colour=(60, 96, 140),
        links=_links("freya-lindqvist"),
    ),
    AuthorSpec(
        slug="lucia-ferreyra",
        name="Lucía Ferreyra",
        job_title="Culture writer",
        bio=(
            "Lucía Ferreyra writes about museums, books and performance. She has judged two "
            "literary prizes and sat through more opening nights than she can count."
        ),
        colour=(140, 44, 88),
        links=_links("lucia-ferreyra"),
    ),
    AuthorSpec(
        slug="samuel-boateng",
        name="Samuel Boateng",
        job_title="West Africa correspondent",
        bio=(
            "Samuel Boateng reports from Accra on Ghana, Nigeria and the coast of West Africa, "
            "including the long argument over objects held in foreign museums."
        ),
        colour=(100, 80, 40),
        links=_links("samuel-boateng"),
    ),
    AuthorSpec(
        slug="tom-okoro",
        name="Tom Okoro",
        job_title="Sport reporter",
        bio=(
            "Tom Okoro covers athletics, football and sailing. He has run the Calder Bay "
            "Marathon twice and does not intend to do it again."
        ),
        colour=(30, 100, 60),
        links=_links("tom-okoro"),
    ),
    AuthorSpec(
        slug="atlas-press-agency",
        name="Atlas Press Agency",
        job_title="Wire service",
        bio="Copy from the Atlas Press Agency news wire.",
        colour=(80, 80, 88),
        has_page=False,
    ),
)

HOUSE_ADS = (
    HouseAdSpec(
        name="Subscription offer (MPU)",
        size=(300, 250),
        brand="The Meridian Post",
        headline="Journalism worth keeping",
        offer="Your first month free, then $2.50 a week. Cancel any time.",
        button="Subscribe",
        background=(20, 33, 61),
        accent=(233, 196, 106),
        link_url="https://meridianpost.example/subscribe",
        alt_text=(
            "The Meridian Post: journalism worth keeping. Your first month free, then $2.50 a "
            "week. Subscribe."
        ),
    ),
    HouseAdSpec(
        name="Morning Brief newsletter (leaderboard)",
        size=(728, 90),
        brand="The Morning Brief",
        headline="The day's news by 7am",
        offer="A free newsletter",
        button="Sign up free",
        background=(140, 28, 19),
        accent=(250, 240, 220),
        link_url="https://meridianpost.example/newsletters/morning-brief",
        alt_text="The Morning Brief: the day's news by 7am, a free newsletter. Sign up free.",
    ),
    HouseAdSpec(
        name="Marathon 2027 ballot (Sport)",
        size=(300, 250),
        brand="Calder Bay Marathon",
        headline="Run the harbour in 2027",
        offer="The ballot for next November's race opens on 1 December.",
        button="Enter the ballot",
        background=(18, 72, 58),
        accent=(246, 214, 96),
        link_url="https://meridianpost.example/marathon/ballot",
        alt_text=(
            "Calder Bay Marathon: run the harbour in 2027. The ballot opens on 1 December. "
            "Enter the ballot."
        ),
        section_slugs=("sport",),
    ),
)

CLIPS = (
    ClipSpec(
        key="marathon-harbour-bridge",
        title="Race morning on the Harbour Bridge",
        scene="bridge",
        palette="dawn",
        caption="First light over the Harbour Bridge as the leading pack crosses at the 30km mark",
        credit="Meridian Post/Video desk",
        poster_alt=(
            "Runners in silhouette crossing a suspension bridge over calm water, a low sun "
            "behind them"
        ),
        cues=(
            "[Wind over the water]",
            "Six forty in the morning, and the bridge belongs to the runners.",
            "The leading pack crosses at the thirty kilometre mark.",
            "Below them, the harbour is still and almost silent.",
            "Spectators line the far end, three and four deep.",
            "A course record is on, if the wind stays down.",
            "[Distant cheering]",
            "Twelve kilometres to go.",
        ),
    ),
    ClipSpec(
        key="regatta-storm",
        title="Squall over the regatta course",
        scene="storm-sea",
        palette="storm",
        caption="Crews run for the harbour as the squall line reaches the course",
        credit="Meridian Post/Video desk",
        poster_alt="Small sailing boats on a grey, choppy sea under heavy rain",
        cues=(
            "[Rain and gusting wind]",
            "The squall reached the course just after two.",
            "Race officers signalled an abandonment within minutes.",
            "[Wind]",
        ),
        max_seconds=14,
    ),
)
