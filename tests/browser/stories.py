"""Build a small publication for the browser tests (and for looking at pages by hand).

Everything is made with the content factories plus a real video file encoded by ffmpeg, so the
pages show every element of the article page: kicker, bylines with locations, lead image,
a long body with links, quotes, an inline image and video, ad slots and the follow list.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Site

from broadsheet.ads.models import HouseAd
from broadsheet.concepts.models import Concept
from broadsheet.content.models import (
    ArticlePage,
    Author,
    AuthorLink,
    BroadsheetImage,
    HomePage,
    PublicationSettings,
    SectionPage,
    Video,
)
from broadsheet.content.tests.factories import (
    AuthorFactory,
    ConceptFactory,
    ImageFactory,
    image_file,
    make_article,
    make_site,
)

FIXED_NOW = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
"""The instant the clock-controlled tests set the browser's clock to."""

LEAD_PUBLISHED_AT = FIXED_NOW - timedelta(hours=4)
UPDATED_ARTICLE_PUBLISHED_AT = FIXED_NOW - timedelta(days=1, hours=3)
UPDATED_ARTICLE_UPDATED_AT = FIXED_NOW - timedelta(minutes=25)

CLIP_SECONDS = 53
HEADLINE = "Estuary barrage wins approval after a decade of hearings"
UPDATED_HEADLINE = "Ferry timetable rewritten as the new quay opens early"


@dataclass(frozen=True, slots=True, kw_only=True)
class Clip:
    video: Path
    captions: Path


@dataclass(frozen=True, slots=True, kw_only=True)
class Publication:
    home: HomePage
    world: SectionPage
    business: SectionPage
    article: ArticlePage
    updated_article: ArticlePage
    concept: Concept
    authors: list[Author]
    video: Video
    house_ad: HouseAd


def make_clip(folder: Path, *, seconds: int = CLIP_SECONDS) -> Clip:
    """Encode a small H.264 test-pattern video and write a WebVTT captions file for it."""
    folder.mkdir(parents=True, exist_ok=True)
    video = folder / "barrage.mp4"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x180:rate=10",
            "-t",
            str(seconds),
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-preset",
            "veryfast",
            "-crf",
            "38",
            "-movflags",
            "+faststart",
            str(video),
        ],
        check=True,
        timeout=120,
    )
    captions = folder / "barrage.vtt"
    captions.write_text(
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:04.000\n"
        "The barrage will span the estuary mouth.\n\n"
        "00:00:04.000 --> 00:00:09.000\n"
        "Sluice gates open on every ebb tide.\n",
        encoding="utf-8",
    )
    return Clip(video=video, captions=captions)


def _ad_image() -> ImageFile:
    picture = PILImage.new("RGB", (600, 500), (24, 52, 80))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((24, 24, 575, 475), outline=(240, 200, 90), width=6)
    draw.text((60, 220), "The Broadsheet weekend edition: subscribe", fill=(255, 255, 255))
    buffer = BytesIO()
    picture.save(buffer, "JPEG")
    buffer.seek(0)
    return ImageFile(buffer, name="house-ad.jpg")


def _video(clip: Clip) -> Video:
    poster = ImageFactory(
        title="Barrage model",
        file=image_file(width=640, height=360, colour=(30, 70, 60), name="poster.jpg"),
        alt_text="A scale model of the barrage in a test tank",
        caption="The engineers' model",
        credit="Harbour Board",
    )
    video = Video(
        title="How the barrage will work",
        file=SimpleUploadedFile("barrage.mp4", clip.video.read_bytes(), "video/mp4"),
        captions=SimpleUploadedFile("barrage.vtt", clip.captions.read_bytes(), "text/vtt"),
        poster=poster,
        caption="Engineers show how the sluices follow the tide",
        credit="Broadsheet Video/Tomas Reid",
    )
    video.full_clean()
    video.save()
    return video


def _set_times(
    article: ArticlePage, *, published_at: datetime, updated_at: datetime | None = None
) -> ArticlePage:
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=published_at,
        last_published_at=published_at,
        published_at=published_at,
        updated_at=updated_at,
    )
    article.refresh_from_db()
    return article


def _body(
    *, other: ArticlePage, concept: Concept, inline_image: BroadsheetImage, video: Video
) -> list:
    topic = concept.get_absolute_url()
    return [
        (
            "paragraph",
            "<p>The harbour board approved the tidal barrage across the estuary mouth on "
            "Monday, ending ten years of public hearings, two redesigns and one court case.</p>",
        ),
        (
            "paragraph",
            "<p>Construction is due to start next spring. The board expects the first turbines "
            "to feed the grid within four years, if the steel arrives on time.</p>",
        ),
        (
            "paragraph",
            "<p>Fishing crews, who opposed the first design, said the revised sluices answered "
            "most of their concerns about the channel silting up.</p>",
        ),
        ("subheading", "What changes on the water"),
        (
            "paragraph",
            "<p>Boats will pass through a lock on the northern bank. The board says a crossing "
            "will add about eleven minutes to a trip at low water and nothing at high tide.</p>",
        ),
        (
            "paragraph",
            f'<p>The ferry operator has already <a linktype="page" id="{other.pk}">rewritten '
            f'its timetable</a> around the works, and the <a href="{topic}">barrage story so '
            "far</a> lists every hearing since the plan was first filed.</p>",
        ),
        (
            "blockquote",
            {
                "quote": "We asked for a lock that works at every tide. This one does, "
                "on paper. We'll judge it on the water.",
                "attribution": "Marta Quintela, skipper",
            },
        ),
        (
            "paragraph",
            "<p>Wading birds were the other sticking point. An independent survey found the "
            "mudflats upstream would lose less than a tenth of their feeding area.</p>",
        ),
        ("image", {"image": inline_image, "caption": "Mudflats upstream of the site at low tide"}),
        (
            "paragraph",
            "<p>The board has promised to fund a monitoring station for the first ten years "
            "and to publish its counts every season.</p>",
        ),
        (
            "paragraph",
            "<p>Local councillors welcomed the decision but asked for the construction traffic "
            "to use the old rail yard rather than the town's narrow main street.</p>",
        ),
        (
            "pullquote",
            {
                "quote": "It's the biggest thing built here since the breakwater.",
                "attribution": "A harbour board engineer",
            },
        ),
        (
            "paragraph",
            "<p>The project's budget has grown by a fifth since the first estimate, mostly "
            "because of the deeper foundations the revised design needs.</p>",
        ),
        (
            "paragraph",
            "<p>Engineers built a scale model of the estuary to show how the gates would "
            "follow the tide. The video below was filmed in the test tank.</p>",
        ),
        ("video", video),
        (
            "paragraph",
            "<p>Opponents have six weeks to ask for a judicial review. The largest group said "
            "it would decide after reading the full conditions.</p>",
        ),
        (
            "paragraph",
            "<p>If the timetable holds, the first sluice gate will be lowered into place in "
            "the autumn of the second year.</p>",
        ),
        (
            "paragraph",
            "<p>The board will hold an open day at the harbour office next month for anyone "
            "who wants to see the plans and the model.</p>",
        ),
    ]


def build_publication(clip: Clip, *, hostname: str = "localhost", port: int = 80) -> Publication:
    """Create the site tree, sections, authors, a house ad, video and a handful of articles."""
    home, world = make_site()
    site = Site.objects.get(root_page=home)
    site.hostname, site.port = hostname, port
    site.save()
    business = SectionPage.objects.child_of(home).filter(slug="business").first()
    if business is None:
        business = home.add_child(instance=SectionPage(title="Business", slug="business"))
    PublicationSettings.objects.update_or_create(
        site=site,
        defaults={"name": "The Broadsheet", "tagline": "News from the coast, read whole"},
    )

    concept = ConceptFactory(pref_label="Estuary barrage", slug="estuary-barrage", type="story")
    authors = [
        AuthorFactory(
            name="Inês Carvalho",
            slug="ines-carvalho",
            job_title="Environment correspondent",
            bio="Writes about the coast, the weather and what both cost.",
        ),
        AuthorFactory(name="Daniel Mwangi", slug="daniel-mwangi", job_title="Energy editor"),
        AuthorFactory(name="Lucía Paredes", slug="lucia-paredes", job_title="Data reporter"),
    ]
    AuthorLink.objects.get_or_create(
        author=authors[0], label="Email", url="mailto:ines.carvalho@example.org"
    )

    HouseAd.objects.all().delete()
    house_ad = HouseAd.objects.create(
        name="Weekend edition",
        image=ImageFactory(
            title="House ad", file=_ad_image(), alt_text="Subscribe to the weekend edition"
        ),
        link_url="http://localhost/subscribe/",
        alt_text="Subscribe to the weekend edition",
        is_active=True,
    )

    colours = [(120, 60, 40), (40, 100, 120), (90, 90, 50), (60, 40, 110), (30, 110, 80)]
    teasers = [
        ("Port cranes fall silent for a day of safety checks", business),
        ("Coastal path reopens after the winter landslip", world),
        ("Fish market moves its auction to dawn", business),
        ("Lifeboat crew marks a century of launches", world),
        ("Harbour rents frozen for small boat owners", business),
    ]
    for index, (title, section) in enumerate(teasers):
        article = make_article(
            section=section,
            title=title,
            standfirst="A short report for the front page rails, written for these tests.",
            lead_image=ImageFactory(
                file=image_file(
                    width=800, height=450, colour=colours[index], name=f"teaser-{index}.jpg"
                )
            ),
            authors=[(authors[index % 3], "")],
        )
        _set_times(article, published_at=FIXED_NOW - timedelta(days=2, hours=index))

    updated_article = make_article(
        section=world,
        title=UPDATED_HEADLINE,
        standfirst="Crossings start at half past six from Monday, a month before the old plan.",
        lead_image=ImageFactory(
            file=image_file(width=800, height=450, colour=(70, 80, 130), name="ferry.jpg")
        ),
        authors=[(authors[1], "")],
    )
    _set_times(
        updated_article,
        published_at=UPDATED_ARTICLE_PUBLISHED_AT,
        updated_at=UPDATED_ARTICLE_UPDATED_AT,
    )

    video = _video(clip)
    inline_image = ImageFactory(
        title="Mudflats",
        file=image_file(width=800, height=533, colour=(110, 100, 70), name="mudflats.jpg"),
        alt_text="Wide mudflats with a line of wading birds at the water's edge",
        caption="Mudflats upstream",
        credit="Broadsheet/Ana Duarte",
    )
    article = make_article(
        section=world,
        title=HEADLINE,
        standfirst="The harbour board backed the tidal scheme with new sluices for fishing "
        "crews and a lock that works at every tide.",
        display_concept=concept,
        lead_image=ImageFactory(
            title="Estuary mouth",
            file=image_file(width=960, height=540, colour=(50, 80, 110), name="estuary.jpg"),
            alt_text="The estuary mouth at high tide, seen from the northern breakwater",
            caption="The estuary mouth, where the barrage will stand",
            credit="Coastline Pictures/Joana Neves",
        ),
        body=_body(
            other=updated_article,
            concept=concept,
            inline_image=inline_image,
            video=video,
        ),
        authors=[(authors[0], "Lisbon"), (authors[1], "Nairobi"), (authors[2], "Lima")],
    )
    _set_times(article, published_at=LEAD_PUBLISHED_AT)
    home.lead_story = article
    home.save()
    return Publication(
        home=home,
        world=world,
        business=business,
        article=article,
        updated_article=updated_article,
        concept=concept,
        authors=authors,
        video=video,
        house_ad=house_ad,
    )
