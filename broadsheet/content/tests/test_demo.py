"""The demo publication: load_demo builds a whole paper, a second run changes nothing, and a load
that fails leaves nothing behind."""

import re
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision, Site

from broadsheet.concepts.models import Concept
from broadsheet.content.demo import articles as article_data
from broadsheet.content.demo.articles import ARTICLES, LEAD_STORY, TOP_STORIES
from broadsheet.content.demo.loader import LINK
from broadsheet.content.demo.newsroom import CONCEPTS
from broadsheet.content.demo.schema import ArticleSpec, Byline, Paragraph
from broadsheet.content.models import (
    ArticleByline,
    ArticlePage,
    Author,
    BroadsheetImage,
    HomePage,
    PublicationSettings,
    SectionPage,
    Video,
)
from broadsheet.content.tests.factories import make_site

VIDEO_SECONDS = 2.0
"""Tests make a short clip; the demo's own default is 53 seconds."""

# The ads app sits above content in the layers: look its models up rather than import them.
HouseAd = apps.get_model("ads", "HouseAd")
AdSettings = apps.get_model("ads", "AdSettings")


def row_counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": BroadsheetImage.objects.count(),
        "authors": Author.objects.count(),
        "bylines": ArticleByline.objects.count(),
        "videos": Video.objects.count(),
        "concepts": Concept.objects.count(),
        "house_ads": HouseAd.objects.count(),
        "sites": Site.objects.count(),
        "users": get_user_model().objects.count(),
    }


def demo_row_counts():
    """Count rows as row_counts does, but only the demo's own concepts.

    Other apps may make concepts of their own for the demo's authors and sections.
    """
    counts = row_counts()
    counts["concepts"] = Concept.objects.filter(slug__in=[c.slug for c in CONCEPTS]).count()
    return counts


def media_files():
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def clear_caches():
    for name in ("default", "renditions"):
        caches[name].clear()


def load(**options):
    out = StringIO()
    call_command("load_demo", video_seconds=VIDEO_SECONDS, stdout=out, **options)
    return out.getvalue()


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for the class, inside a transaction rolled back at its end."""
    clear_caches()
    with django_db_blocker.unblock(), transaction.atomic():
        started_at = timezone.now()
        output = load()
        yield {"output": output, "started_at": started_at, "finished_at": timezone.now()}
        transaction.set_rollback(True)
    clear_caches()


def live_articles():
    return ArticlePage.objects.published()


@pytest.mark.usefixtures("demo")
class TestLoadedDemo:
    def test_the_default_site_serves_the_demo_front_page(self, db):
        site = Site.objects.get(is_default_site=True)
        home = HomePage.objects.get()
        assert (site.hostname, site.port, site.root_page_id) == ("localhost", 80, home.pk)
        assert Site.objects.count() == 1
        assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()
        assert home.live
        assert home.live_revision_id is not None

    def test_sections_and_settings(self, db):
        home = HomePage.objects.get()
        sections = SectionPage.objects.child_of(home).live()
        assert sorted(s.title for s in sections) == [
            "Business",
            "Culture",
            "Politics",
            "Science",
            "Sport",
            "World",
        ]
        site = Site.objects.get(is_default_site=True)
        publication = PublicationSettings.objects.get(site=site)
        assert publication.name == "The Meridian Post"
        assert publication.tagline == "Calder Bay and the world, reported with care"
        assert publication.copyright_holder == "The Meridian Post Ltd"
        ad_settings = AdSettings.objects.get(site=site)
        assert (ad_settings.is_enabled, ad_settings.first_after_paragraph) == (True, 3)
        assert ad_settings.every_paragraphs == 6

    def test_articles_are_published_through_revisions_across_sections(self, db):
        articles = list(live_articles().select_related("section"))
        assert len(articles) == len(ARTICLES) == 33
        assert len({a.section.slug for a in articles}) == 6
        for article in articles:
            paragraphs = [b for b in article.body if b.block_type == "paragraph"]
            assert 5 <= len(paragraphs) <= 12, article.slug
            assert article.live_revision_id is not None
            assert article.published_at == article.first_published_at
            assert article.standfirst
            assert article.bylines.exists()

    def test_times_are_set_back_from_the_moment_of_loading(self, demo, db):
        specs = {spec.slug: spec for spec in ARTICLES}
        articles = list(live_articles())
        (loaded_at,) = {a.published_at + specs[a.slug].published_ago for a in articles}
        assert demo["started_at"] <= loaded_at <= demo["finished_at"]
        poll = ArticlePage.objects.get(slug="mayoral-poll-dead-heat")
        assert loaded_at - poll.published_at == timedelta(hours=4)
        ages = [loaded_at - a.published_at for a in articles]
        assert sum(age < timedelta(days=1) for age in ages) == 8
        assert sum(timedelta(days=1) <= age < timedelta(days=7) for age in ages) == 13
        assert sum(age >= timedelta(days=7) for age in ages) == 12

    def test_weekdays_in_the_text_follow_the_publication_date(self, db):
        council = ArticlePage.objects.get(slug="council-backs-riverside-line")
        day_before = timezone.localtime(council.published_at) - timedelta(days=1)
        first = council.body[0].value.source
        assert f"council voted on {day_before:%A} night" in first
        closures = ArticlePage.objects.get(slug="marathon-road-closures-guide")
        race_day = timezone.localtime(closures.published_at) + timedelta(days=3)
        assert f"closes at 5am on {race_day:%A} and" in closures.standfirst
        assert "{day" not in "".join(str(a.body.raw_data) + a.standfirst for a in live_articles())

    def test_several_articles_are_updated_after_publication(self, demo, db):
        specs = {spec.slug: spec for spec in ARTICLES}
        updated = list(live_articles().filter(updated_at__isnull=False))
        assert len(updated) == 6
        for article in updated:
            spec = specs[article.slug]
            assert article.updated_at - article.published_at == (
                spec.published_ago - spec.updated_ago
            )
            assert article.timestamp()[0] == "Updated"

    def test_bodies_have_every_kind_of_block(self, db):
        kinds = {block.block_type for a in live_articles() for block in a.body}
        assert kinds == {
            "paragraph",
            "subheading",
            "blockquote",
            "pullquote",
            "image",
            "video",
        }

    def test_every_link_in_the_data_becomes_a_working_link(self, db):
        ids = dict(ArticlePage.objects.values_list("slug", "pk"))
        kinds = {"article": 0, "topic": 0, "https": 0}
        for spec in ARTICLES:
            stored = "".join(
                block.value.source
                for block in ArticlePage.objects.get(slug=spec.slug).body
                if block.block_type == "paragraph"
            )
            for item in spec.body:
                if not isinstance(item, Paragraph):
                    continue
                for label, target in LINK.findall(item.text):
                    kind, _, key = target.partition(":")
                    kinds[kind] += 1
                    if kind == "article":
                        expected = f'<a linktype="page" id="{ids[key]}">{label}</a>'
                    elif kind == "topic":
                        expected = f'<a href="/topics/{key}/">{label}</a>'
                    else:
                        expected = f'<a href="{target}">{label}</a>'
                    assert expected in stored, (spec.slug, expected)
        assert kinds["article"] >= 12
        assert kinds["topic"] >= 8
        assert kinds["https"] >= 10

    def test_running_stories_are_kickers_and_others_fall_back_to_the_section(self, db):
        with_concept = live_articles().filter(display_concept__isnull=False)
        assert with_concept.filter(display_concept__type="story").count() >= 10
        without = live_articles().filter(display_concept__isnull=True).select_related("section")
        assert without.count() >= 5
        for article in without:
            assert article.kicker == (article.section.title, article.section.url)
        poll = ArticlePage.objects.get(slug="mayoral-poll-dead-heat")
        assert poll.kicker == ("Election 2026", "/topics/election-2026/")

    def test_authors_have_photos_bios_and_links(self, db):
        staff = Author.objects.filter(has_page=True).select_related("photo")
        assert staff.count() == 13
        for author in staff:
            assert author.photo is not None
            assert author.photo.alt_text
            assert author.bio
            assert author.job_title
            assert author.links.filter(url__startswith="https://").exists()

    def test_multi_bureau_bylines(self, db):
        located = [
            a
            for a in live_articles()
            if a.bylines.count() >= 2 and not a.bylines.filter(location="").exists()
        ]
        assert len(located) >= 3
        gas = ArticlePage.objects.get(slug="europe-gas-stores-fuller-than-feared")
        assert [str(b) for b in gas.bylines.order_by("sort_order")] == [
            "Freya Lindqvist in Oslo",
            "Hannah Reuter in Frankfurt",
            "Ines Duarte in Lisbon",
        ]

    def test_the_wire_article_carries_the_agency_copyright_and_an_author_without_page(self, db):
        wire = ArticlePage.objects.get(wire_uri__isnull=False)
        assert wire.copyright_holder == "Atlas Press Agency"
        (byline,) = wire.bylines.select_related("author")
        assert (byline.author.name, byline.author.has_page) == ("Atlas Press Agency", False)
        assert wire.lead_image.licence == "agency"

    def test_videos_have_a_probed_duration_captions_and_a_poster(self, db):
        videos = list(Video.objects.select_related("poster"))
        assert len(videos) == 2
        for video in videos:
            assert video.duration_seconds == pytest.approx(VIDEO_SECONDS, abs=0.15)
            assert (video.width, video.height) == (640, 360)
            with video.captions.open("rb") as captions:
                assert captions.read().startswith(b"WEBVTT\n")
            assert video.poster is not None
            assert video.poster.alt_text
            assert video.caption
            assert video.credit

    def test_one_body_holds_a_video_between_paragraphs_and_one_article_leads_with_video(self, db):
        marathon = ArticlePage.objects.get(slug="kiptoo-breaks-marathon-course-record")
        kinds = [block.block_type for block in marathon.body]
        position = kinds.index("video")
        assert kinds[position - 1] == kinds[position + 1] == "paragraph"
        assert live_articles().filter(lead_video__isnull=False).count() == 1

    def test_house_ads_include_a_section_target(self, db):
        ads = list(HouseAd.objects.select_related("image"))
        assert len(ads) == 3
        assert sorted((ad.image.width, ad.image.height) for ad in ads) == [
            (300, 250),
            (300, 250),
            (728, 90),
        ]
        for ad in ads:
            assert ad.alt_text
            assert ad.link_url.startswith("https://")
        targeted = [ad for ad in ads if ad.sections.exists()]
        assert [[s.slug for s in ad.sections.all()] for ad in targeted] == [["sport"]]

    def test_every_image_has_alt_text_caption_and_credit(self, db):
        assert BroadsheetImage.objects.count() >= 40
        assert not BroadsheetImage.objects.filter(alt_text="").exists()
        assert not BroadsheetImage.objects.filter(caption="").exists()
        assert not BroadsheetImage.objects.filter(credit="").exists()

    def test_front_page_has_a_lead_story_and_top_stories(self, db):
        home = HomePage.objects.get()
        assert home.lead_story.slug == LEAD_STORY
        chosen = [t.article.slug for t in home.top_stories.order_by("sort_order")]
        assert chosen == list(TOP_STORIES)

    def test_the_editor_can_sign_in(self, db):
        editor = get_user_model().objects.get(username="editor")
        assert editor.is_superuser
        assert editor.is_staff
        assert editor.check_password("broadsheet-demo")

    def test_the_load_reports_progress(self, demo, db):
        output = demo["output"]
        assert f"[1/{len(ARTICLES)}] Articles: Council backs Riverside tram line" in output
        assert f"[{len(ARTICLES)}/{len(ARTICLES)}] Articles: " in output
        assert "Demo publication loaded in" in output

    def test_reader_pages_return_200(self, db, client):
        article = ArticlePage.objects.get(slug="kiptoo-breaks-marathon-course-record")
        pages = {
            "/": "Council backs Riverside tram line by 31 votes to 24",
            "/politics/": "Race for mayor tightens to a dead heat, poll finds",
            "/authors/ruth-abernethy/": "Ruth Abernethy",
            article.url: "Kiptoo breaks course record as 21,000 run the Calder Bay Marathon",
            "/topics/election-2026/": "Election 2026",
        }
        for url, text in pages.items():
            response = client.get(url)
            assert response.status_code == 200, url
            assert text in response.content.decode(), url
        assert '<track kind="captions"' in client.get(article.url).content.decode()

    def test_a_second_run_adds_and_changes_nothing(self, db):
        before = row_counts()
        files_before = media_files()
        revisions_before = dict(ArticlePage.objects.values_list("pk", "latest_revision_id"))
        output = load()
        assert output.startswith("Demo publication already loaded")
        assert row_counts() == before
        assert media_files() == files_before
        assert dict(ArticlePage.objects.values_list("pk", "latest_revision_id")) == revisions_before

    def test_reset_loads_the_same_publication_afresh(self, db):
        before = demo_row_counts()
        old_ids = set(ArticlePage.objects.values_list("pk", flat=True))
        output = load(reset=True)
        clear_caches()
        assert "Removed the demo publication" in output
        assert demo_row_counts() == before
        assert before["concepts"] == len(CONCEPTS)
        assert not ArticlePage.objects.filter(pk__in=old_ids).exists()


# --- Refusals: each leaves the database and the media folder as they were ------------------


def test_missing_ffmpeg_is_refused_with_the_install_command(db):
    before, files_before = row_counts(), media_files()
    with pytest.raises(CommandError, match=r"apt-get install ffmpeg"):
        load(ffmpeg="/nonexistent/ffmpeg")
    assert row_counts() == before
    assert media_files() == files_before


def test_a_video_ffprobe_cannot_read_rolls_everything_back(db, settings):
    settings.BROADSHEET_FFPROBE = "/nonexistent/ffprobe"
    before, files_before = row_counts(), media_files()
    with pytest.raises(CommandError, match=r"ffprobe is not installed"):
        load()
    assert row_counts() == before
    assert media_files() == files_before
    clear_caches()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            {"body": tuple(Paragraph(f"See [this](article:no-such-story) {n}.") for n in range(5))},
            "\"broken\" links to an unknown article 'no-such-story'",
        ),
        ({"bylines": (Byline(author="nobody"),)}, '"broken" is bylined to an unknown author'),
        ({"standfirst": "It happened on {tomorrow}."}, '"broken" has a placeholder other than'),
        ({"updated_ago": timedelta(hours=2)}, '"broken" is updated before it was published'),
    ],
)
def test_inconsistent_data_is_refused_before_anything_is_written(db, monkeypatch, change, reason):
    fields = {
        "slug": "broken",
        "section": "world",
        "headline": "A story that does not hang together",
        "standfirst": "Something in it points at what the demo does not have.",
        "bylines": (Byline(author="ines-duarte"),),
        "published_ago": timedelta(hours=1),
        "body": tuple(Paragraph(f"Paragraph {n}.") for n in range(5)),
    }
    monkeypatch.setattr(article_data, "ARTICLES", (*ARTICLES, ArticleSpec(**(fields | change))))
    before, files_before = row_counts(), media_files()
    with pytest.raises(CommandError, match=re.escape(reason)):
        load()
    assert row_counts() == before
    assert media_files() == files_before


def test_a_front_page_the_demo_did_not_make_is_refused(db):
    _home, _section = make_site()
    before, files_before = row_counts(), media_files()
    with pytest.raises(CommandError, match=r'already has a front page, "Front page"'):
        load()
    assert row_counts() == before
    assert media_files() == files_before
    clear_caches()
