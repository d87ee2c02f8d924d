"""Importing ninjs: the action, the management command, media, re-imports and every bad input."""

from __future__ import annotations

import copy
import functools
import json
import shutil
import subprocess
import threading
import zipfile
from datetime import UTC, datetime
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image as PILImage
from wagtail.models import GroupPagePermission

from broadsheet.content.actions import import_ninjs_item
from broadsheet.content.ingest.html import (
    MediaBlock,
    ParagraphBlock,
    QuoteBlock,
    SubheadingBlock,
    html_to_blocks,
)
from broadsheet.content.ingest.ninjs import NinjsError
from broadsheet.content.models import ArticlePage, Author, BroadsheetImage, SectionPage, Video
from broadsheet.content.tests.factories import AuthorFactory
from broadsheet.content.tests.test_fetch import LocalServer
from broadsheet.core.fetch import fetch

FIXTURES = Path(__file__).parent / "fixtures" / "ninjs"

pytestmark = pytest.mark.django_db


# --- Media made for the tests -------------------------------------------------------------


def write_picture(path: Path, size: tuple[int, int], colour=(30, 80, 120), kind="JPEG") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", size, colour).save(path, kind)
    return path


@pytest.fixture(scope="session")
def rota_video(tmp_path_factory) -> Path:
    """Return a 2-second 320x240 MP4 made by ffmpeg."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.fail("ffmpeg is not installed: run `make test-deps` (Debian's ffmpeg package).")
    out = tmp_path_factory.mktemp("ninjs-video") / "rota.mp4"
    subprocess.run(
        [
            ffmpeg,
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "testsrc=duration=2:size=320x240:rate=10",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            str(out),
        ],
        check=True,
    )
    return out


@pytest.fixture
def wire(tmp_path, rota_video) -> Path:
    """Return a folder with the fixture items and every media file they name."""
    shutil.copytree(FIXTURES, tmp_path / "wire")
    root = tmp_path / "wire"
    media = root / "media"
    write_picture(media / "cranes.jpg", (1600, 900))
    write_picture(media / "cranes-small.jpg", (320, 180), (200, 10, 10))
    write_picture(media / "pickets.png", (800, 600), (90, 90, 30), "PNG")
    write_picture(media / "rota-poster.jpg", (320, 240), (10, 10, 10))
    shutil.copy(rota_video, media / "rota.mp4")
    write_picture(media / "hall.jpg", (1200, 750), (120, 60, 20))
    write_picture(media / "hall-view.jpg", (640, 400), (120, 60, 20))
    bad_media = root / "bad" / "media"
    bad_media.mkdir(parents=True)
    (bad_media / "corrupt.jpg").write_bytes(b"this is not a picture at all")
    (bad_media / "corrupt.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"junk" * 200)
    write_picture(bad_media / "boats.jpg", (640, 360))
    write_picture(bad_media / "wall.jpg", (640, 360))
    return root


def load(root: Path, name: str) -> dict:
    return json.loads((root / name).read_text())


def media_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()}


def body_types(page: ArticlePage) -> list[str]:
    return [block.block_type for block in page.body]


def bylines_of(page: ArticlePage) -> list[tuple[str, str, bool]]:
    return [
        (b.author.name, b.location, b.author.has_page)
        for b in page.bylines.order_by("sort_order").select_related("author")
    ]


# --- The body ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "blocks"),
    [
        (
            '<p>Read <a href="https://example.org/a" onclick="steal()">the report</a>'
            '<script>steal()</script> and <a href="javascript:steal()">this</a>.</p>',
            [
                ParagraphBlock(
                    html='<p>Read <a href="https://example.org/a">the report</a> and <a>this</a>.</p>'
                )
            ],
        ),
        (
            "<p><strong>Bold</strong>, <em>italic</em>, <span style='x'>plain</span>"
            "<img src=x onerror=alert(1)></p>",
            [ParagraphBlock(html="<p><b>Bold</b>, <i>italic</i>, plain</p>")],
        ),
        (
            "<h1>Tide tables change</h1><h4>Minor heading</h4><h3>Sub</h3>",
            [ParagraphBlock(html="<p>Minor heading</p>"), SubheadingBlock(text="Sub")],
        ),
        (
            "<ul><li>One</li><li>Two</li></ul>",
            [ParagraphBlock(html="<ul><li>One</li><li>Two</li></ul>")],
        ),
        (
            "<blockquote>“We will sail at dawn,” <cite>the skipper</cite></blockquote>",
            [QuoteBlock(quote="“We will sail at dawn,”", attribution="the skipper")],
        ),
        (
            '<div><p>First</p><figure><img data-assoc-ref="a001" src="t.jpg"></figure>Loose</div>',
            [
                ParagraphBlock(html="<p>First</p>"),
                MediaBlock(key="a001"),
                ParagraphBlock(html="<p>Loose</p>"),
            ],
        ),
        (
            "<table><tr><td>Cell one</td><td>Cell two</td></tr></table>",
            [ParagraphBlock(html="<p>Cell one</p>"), ParagraphBlock(html="<p>Cell two</p>")],
        ),
        (
            "<p>Line</p><iframe src='https://evil.example'>inside</iframe><p> </p><p><br></p>",
            [ParagraphBlock(html="<p>Line</p>")],
        ),
        (
            "<p>One<p>Two",
            [ParagraphBlock(html="<p>One</p>"), ParagraphBlock(html="<p>Two</p>")],
        ),
    ],
)
def test_body_html_becomes_closed_blocks(source, blocks):
    converted = html_to_blocks(source, headline="Tide tables change")

    assert list(converted.blocks) == blocks


def test_other_superdesk_embeds_are_left_out_with_a_warning():
    converted = html_to_blocks(
        '<p>A</p><!-- EMBED START Audio {id: "editor_3"} --><audio src="a.mp3"></audio>'
        '<!-- EMBED END Audio {id: "editor_3"} --><p>B</p>'
    )

    assert list(converted.blocks) == [
        ParagraphBlock(html="<p>A</p>"),
        ParagraphBlock(html="<p>B</p>"),
    ]
    assert converted.warnings == (
        'A Superdesk "Audio" embed ("editor_3") was left out: only images and video are carried.',
    )


# --- The action ---------------------------------------------------------------------------


def test_an_item_becomes_a_draft_article_with_every_field(wire, section):
    result = import_ninjs_item(
        load(wire, "port-strike.json"), base_dir=wire, section=section, publish=False
    )

    page = result.page
    assert (result.created, result.published, result.warnings) == (True, False, ())
    assert page.live is False
    assert page.get_parent().specific == section
    assert page.section == section
    assert page.title == "Dock workers in three ports walk out over night-shift rota"
    assert page.social_headline == "Three ports, one rota: why dockers stopped work"
    assert page.standfirst == (
        "Crane crews in Lisbon, Gdansk and Rotterdam stopped work at dawn, saying a new rota "
        "leaves too few hours of rest between night shifts."
    )
    assert page.wire_uri == "urn:northwind-wire:2026:port-strike-0412"
    assert page.copyright_holder == "Northwind Wire"
    assert page.first_published_at == datetime(2026, 3, 14, 8, 5, tzinfo=UTC)
    assert page.published_at == datetime(2026, 3, 14, 8, 5, tzinfo=UTC)
    assert page.updated_at == datetime(2026, 3, 14, 10, 40, tzinfo=UTC)
    assert page.slug == "dock-workers-in-three-ports-walk-out-over-night-shift-rota"
    assert bylines_of(page) == [
        ("Marta Quintela", "Lisbon", False),
        ("Tomasz Brandt", "Gdansk", False),
        ("Aiyana Roe", "Rotterdam", False),
    ]
    assert page.revisions.count() == 1


def test_the_body_keeps_its_structure_and_places_media_by_both_conventions(wire, section):
    page = import_ninjs_item(
        load(wire, "port-strike.json"), base_dir=wire, section=section, publish=False
    ).page

    assert body_types(page) == [
        "paragraph",
        "image",
        "paragraph",
        "subheading",
        "paragraph",
        "blockquote",
        "video",
        "paragraph",
    ]
    blocks = list(page.body)
    assert blocks[0].value.source == (
        "<p>Crane crews at three of Europe's busiest container ports stopped work before dawn "
        "on Friday, in a dispute over a night-shift rota that unions say leaves "
        '<a href="https://example.org/rota-explained">too little rest between shifts</a>.</p>'
    )
    assert blocks[3].value == "What the rota changes"
    assert dict(blocks[5].value) == {
        "quote": "Nobody should climb into a crane cab after four hours in bed.",
        "attribution": "Rui Alvarenga, crane driver",
    }
    inline_image = blocks[1].value["image"]
    assert (inline_image.width, inline_image.height) == (800, 600)
    assert inline_image.caption == "Pickets gather by the harbour gate"
    assert inline_image.alt_text == "Pickets gather by the harbour gate"
    assert inline_image.credit == "Northwind Wire"
    video = blocks[6].value
    assert isinstance(video, Video)
    assert video.duration_seconds == pytest.approx(2.0, abs=0.05)
    assert (video.width, video.height) == (320, 240)
    assert video.duration_label == "00:02"
    assert (video.title, video.caption, video.credit) == (
        "Night shift at the terminal",
        "A crane driver describes the new rota",
        "Northwind Wire Video",
    )
    assert (video.poster.width, video.poster.height) == (320, 240)


def test_the_lead_picture_is_the_largest_original_rendition(wire, section):
    page = import_ninjs_item(
        load(wire, "port-strike.json"), base_dir=wire, section=section, publish=False
    ).page

    lead = page.lead_image
    assert page.lead_video is None
    assert (lead.width, lead.height) == (1600, 900)
    assert lead.title == "Idle cranes"
    assert lead.caption == "Idle cranes at the container terminal on Friday morning"
    assert lead.alt_text == "Four blue gantry cranes stand still over an empty quay"
    assert lead.credit == "Northwind Wire/Ines Varela"
    assert lead.file.name.startswith("original_images/ninjs-")


def test_publishing_makes_the_article_live_at_the_wire_time(wire, section, client):
    result = import_ninjs_item(
        load(wire, "port-strike.json"), base_dir=wire, section=section, publish=True
    )

    page = result.page
    assert (result.created, result.published, page.live) == (True, True, True)
    assert page.has_unpublished_changes is False
    assert page.first_published_at == datetime(2026, 3, 14, 8, 5, tzinfo=UTC)
    assert page.published_at == datetime(2026, 3, 14, 8, 5, tzinfo=UTC)
    assert ArticlePage.objects.published().filter(pk=page.pk).count() == 1
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Dock workers in three ports walk out over night-shift rota" in response.content.decode()


def test_reimporting_the_same_uri_saves_a_new_revision_of_the_same_article(wire, section):
    first = import_ninjs_item(
        load(wire, "ferry-timetable.json"), base_dir=wire, section=section, publish=True
    )

    second = import_ninjs_item(
        load(wire, "ferry-timetable-v2.json"), base_dir=wire, section=section, publish=True
    )

    assert (first.created, second.created) == (True, False)
    assert ArticlePage.objects.filter(wire_uri=first.page.wire_uri).count() == 1
    page = ArticlePage.objects.get(pk=first.page.pk)
    assert second.page.pk == page.pk
    assert page.revisions.count() == 2
    assert page.title == "Island ferry adds two early sailings for winter"
    assert page.slug == "island-ferry-adds-an-early-sailing-for-winter"
    assert page.standfirst.startswith("Crossings at 6.15am and 6.45am")
    assert page.first_published_at == datetime(2026, 3, 10, 6, 0, tzinfo=UTC)
    assert page.updated_at == datetime(2026, 3, 10, 9, 15, tzinfo=UTC)
    assert [b.value.source for b in page.body] == [
        "<p>The operator said both new crossings would use the smaller of its two boats.</p>",
        "<p>Tickets go on sale next week.</p>",
    ]
    assert bylines_of(page) == [("Quinn Lindqvist", "", False)]
    assert Author.objects.filter(name="Quinn Lindqvist").count() == 1


def test_reimporting_as_a_draft_leaves_the_live_article_as_it_was(wire, section):
    first = import_ninjs_item(
        load(wire, "ferry-timetable.json"), base_dir=wire, section=section, publish=True
    )

    second = import_ninjs_item(
        load(wire, "ferry-timetable-v2.json"), base_dir=wire, section=section, publish=False
    )

    page = ArticlePage.objects.get(pk=first.page.pk)
    assert (second.created, second.published) == (False, False)
    assert (page.live, page.has_unpublished_changes) == (True, True)
    assert page.title == "Island ferry adds an early sailing for winter"
    assert page.revisions.count() == 2
    assert page.get_latest_revision_as_object().title == (
        "Island ferry adds two early sailings for winter"
    )


def test_a_plain_text_body_and_a_copyright_notice(wire, section):
    page = import_ninjs_item(
        load(wire, "ferry-timetable.json"), base_dir=wire, section=section, publish=False
    ).page

    assert [b.value.source for b in page.body] == [
        "<p>The operator said the new crossing would use the smaller of its two boats.</p>",
        "<p>Tickets go on sale next week, at the same fare as the first sailing of the day.</p>",
    ]
    assert page.copyright_holder == "Northwind Wire"
    assert page.standfirst.startswith("A 6.15am crossing will run from November")
    assert page.updated_at is None


def test_an_existing_author_is_matched_by_name_in_any_case(wire, section):
    staff = AuthorFactory(name="quinn LINDQVIST", slug="quinn", has_page=True)

    page = import_ninjs_item(
        load(wire, "ferry-timetable.json"), base_dir=wire, section=section, publish=False
    ).page

    assert [b.author for b in page.bylines.all()] == [staff]
    assert Author.objects.count() == 1
    assert Author.objects.get().has_page is True


def test_a_new_wire_writer_gets_a_free_slug_and_no_page(wire, section):
    AuthorFactory(name="Someone Else", slug="marta-quintela")

    page = import_ninjs_item(
        load(wire, "port-strike.json"), base_dir=wire, section=section, publish=False
    ).page

    marta = page.bylines.order_by("sort_order").first().author
    assert (marta.name, marta.slug, marta.has_page) == ("Marta Quintela", "marta-quintela-2", False)


def test_superdesk_embeds_and_ninjs_1_fields(wire, section):
    page = import_ninjs_item(
        load(wire, "superdesk-embed.json"), base_dir=wire, section=section, publish=True
    ).page

    assert page.title == "Market hall roof to be rebuilt in glass"
    assert page.standfirst.startswith("The council chose a glass roof")
    assert page.first_published_at == datetime(2026, 2, 2, 14, 30, tzinfo=UTC)
    assert body_types(page) == ["paragraph", "image", "paragraph"]
    image = list(page.body)[1].value["image"]
    assert (image.width, image.height) == (1200, 750)
    assert image.alt_text == "A brick market hall with a slate roof and tall arched windows"
    assert image.caption == "The market hall before the storm"
    assert image.credit == "Meridian Post/Lotte Brink"
    assert page.lead_image is None
    assert bylines_of(page) == [("Dara Oyelaran", "", False), ("Fenna de Wit", "", False)]


def test_a_lead_video_reads_its_duration_from_the_file(wire, section):
    data = load(wire, "port-strike.json")
    data["associations"] = [a for a in data["associations"] if a["name"] == "editor_1"]
    data["associations"][0]["name"] = "featuremedia"
    data["bodies"] = [{"contenttype": "text/html", "value": "<p>Short.</p>"}]

    page = import_ninjs_item(data, base_dir=wire, section=section, publish=False).page

    assert page.lead_image is None
    assert page.lead_video.duration_seconds == pytest.approx(2.0, abs=0.05)
    assert page.lead_media_kind == "video"


def test_the_same_picture_imported_twice_is_stored_once(wire, section):
    import_ninjs_item(load(wire, "port-strike.json"), base_dir=wire, section=section, publish=False)
    images = BroadsheetImage.objects.count()
    data = load(wire, "port-strike.json")
    data["headlines"][0]["value"] = "Dock strike enters its second day"

    import_ninjs_item(data, base_dir=wire, section=section, publish=False)

    assert BroadsheetImage.objects.count() == images


def test_an_embargo_schedules_the_article_instead_of_publishing_it(wire, section):
    data = load(wire, "ferry-timetable.json")
    data["embargoed"] = "2099-01-01T06:00:00Z"

    result = import_ninjs_item(data, base_dir=wire, section=section, publish=True)

    page = result.page
    assert (result.published, result.scheduled, result.state) == (False, True, "scheduled")
    assert page.live is False
    assert page.go_live_at == datetime(2099, 1, 1, 6, 0, tzinfo=UTC)
    assert page.revisions.get().approved_go_live_at == datetime(2099, 1, 1, 6, 0, tzinfo=UTC)


def test_agency_copy_without_a_byline_is_credited_to_the_agency(wire, section):
    data = load(wire, "ferry-timetable.json")
    del data["by"]

    page = import_ninjs_item(data, base_dir=wire, section=section, publish=False).page

    assert bylines_of(page) == [("Northwind Wire", "", False)]


# --- Media over http, through the guarded fetcher ----------------------------------------


@pytest.fixture
def media_server():
    server = LocalServer()
    threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def remote_item(wire: Path, url: str) -> dict:
    data = load(wire, "ferry-timetable.json")
    data["associations"] = [
        {
            "name": "featuremedia",
            "type": "picture",
            "descriptions": [{"value": "Morning ferry at the slipway"}],
            "renditions": [{"name": "original", "href": url, "contenttype": "image/jpeg"}],
        }
    ]
    return data


def test_a_rendition_over_http_is_fetched(wire, section, media_server):
    buffer = BytesIO()
    PILImage.new("RGB", (900, 500), (0, 90, 0)).save(buffer, "JPEG")
    media_server.serve("/ferry.jpg", buffer.getvalue(), Content_Type="image/jpeg")
    data = remote_item(wire, media_server.url("/ferry.jpg"))

    page = import_ninjs_item(
        data,
        base_dir=wire,
        section=section,
        publish=False,
        fetcher=functools.partial(fetch, allow_private=True),
    ).page

    assert (page.lead_image.width, page.lead_image.height) == (900, 500)
    assert media_server.connections == 1


def test_a_rendition_on_an_internal_address_is_refused(wire, section, media_server):
    media_server.serve("/ferry.jpg", b"never served")
    data = remote_item(wire, media_server.url("/ferry.jpg"))

    with pytest.raises(NinjsError) as refused:
        import_ninjs_item(data, base_dir=wire, section=section, publish=False)

    assert refused.value.field == "associations.featuremedia.renditions.original.href"
    assert "points inside the network (127.0.0.1)" in refused.value.message
    assert media_server.connections == 0
    assert ArticlePage.objects.count() == 0


# --- Refusals from the action ------------------------------------------------------------


def mutated(wire: Path, name: str, change) -> dict:
    data = copy.deepcopy(load(wire, name))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            lambda d: d["associations"][0]["renditions"][1].update(href="../../secret.jpg"),
            "associations.featuremedia.renditions.original.href",
            '"../../secret.jpg" points outside the folder of the JSON file.',
        ),
        (
            lambda d: d["associations"][0]["renditions"][1].update(href="/etc/hostname"),
            "associations.featuremedia.renditions.original.href",
            '"/etc/hostname" must be a relative path.',
        ),
        (
            lambda d: d["associations"][0]["renditions"][1].update(href="file:///etc/hostname"),
            "associations.featuremedia.renditions.original.href",
            '"file:///etc/hostname" is neither a path next to the JSON file nor an http(s) URL.',
        ),
        (
            lambda d: d["bodies"][0].update(
                value='<p>x</p><figure data-association="nope"></figure>'
            ),
            "bodies",
            'the body places association "nope", which the item does not have.',
        ),
        (
            lambda d: d.update(type="picture"),
            "type",
            'a "picture" item is not an article; only text is imported.',
        ),
        (
            lambda d: d.update(pubstatus="canceled"),
            "pubstatus",
            'the item is "canceled"; it must not be published.',
        ),
        (
            lambda d: d.pop("uri"),
            "uri",
            "missing: every ninjs item needs a uri, which identifies it.",
        ),
        (
            lambda d: d.update(descriptions=[]),
            "descriptions",
            'missing: the standfirst comes from descriptions: [{"role": "summary", "value": "…"}].',
        ),
        (
            lambda d: d.update(by=["Marta Quintela"]),
            "by",
            "expected a string, got a list.",
        ),
        (
            lambda d: d.update(versioncreated=20260314),
            "versioncreated",
            "expected a string, got a number.",
        ),
        (
            lambda d: d["headlines"][1].update(value="x" * 256),
            "headlines (social)",
            "the headline is 256 characters long; the most allowed is 255.",
        ),
        (
            lambda d: (
                d["associations"][1]["renditions"][0].update(href="media/cranes-small.jpg")
                or d["associations"][1].update(descriptions=[], creditline="")
            ),
            "associations.quay-photo",
            "the picture has no alt text, caption or description; "
            "an image needs alt text before the article can be published.",
        ),
    ],
)
def test_bad_items_are_refused_and_leave_nothing(wire, section, change, field, message):
    data = mutated(wire, "port-strike.json", change)
    files = media_files()

    with pytest.raises(NinjsError) as refused:
        import_ninjs_item(data, base_dir=wire, section=section, publish=True)

    assert (refused.value.field, refused.value.message) == (field, message)
    assert ArticlePage.objects.count() == 0
    assert BroadsheetImage.objects.count() == 0
    assert Video.objects.count() == 0
    assert Author.objects.count() == 0
    assert media_files() == files


def test_a_truncated_picture_is_refused_as_damaged(wire, section):
    whole = (wire / "media" / "cranes.jpg").read_bytes()
    (wire / "media" / "cranes.jpg").write_bytes(whole[: len(whole) // 3])

    with pytest.raises(NinjsError) as refused:
        import_ninjs_item(
            load(wire, "port-strike.json"), base_dir=wire, section=section, publish=False
        )

    assert refused.value.field == "associations.featuremedia.renditions.original"
    assert refused.value.message.startswith(
        "the picture cannot be decoded; the file may be damaged (image file is truncated"
    )


def test_a_user_who_may_not_add_articles_is_refused(wire, section, django_user_model):
    reader = django_user_model.objects.create_user(username="reader", password="x")

    with pytest.raises(NinjsError, match="you may not add articles to World"):
        import_ninjs_item(
            load(wire, "ferry-timetable.json"),
            base_dir=wire,
            section=section,
            publish=False,
            user=reader,
        )

    assert ArticlePage.objects.count() == 0


# --- The management command --------------------------------------------------------------


def run(*args: str) -> tuple[str, str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_ninjs", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_the_command_prints_the_url_of_each_article_and_exits_0(wire, section):
    paths = [str(wire / "ferry-timetable.json"), str(wire / "superdesk-embed.json")]

    out, err, error = run(*paths)

    assert error is None
    assert err == ""
    assert out.splitlines() == [
        f"[1/2] created http://testserver/world/island-ferry-adds-an-early-sailing-for-winter/ "
        f"(draft) from {paths[0]}",
        f"[2/2] created http://testserver/world/market-hall-roof-to-be-rebuilt-in-glass/ "
        f"(draft) from {paths[1]}",
        "2 of 2 files imported (2 created, 0 updated).",
    ]
    assert ArticlePage.objects.filter(live=False).count() == 2


def test_the_command_publishes_and_updates(wire, section):
    run("--publish", str(wire / "ferry-timetable.json"))

    out, _err, error = run("--publish", str(wire / "ferry-timetable-v2.json"))

    assert error is None
    assert out.splitlines()[0] == (
        "[1/1] updated http://testserver/world/island-ferry-adds-an-early-sailing-for-winter/ "
        f"(published) from {wire / 'ferry-timetable-v2.json'}"
    )
    page = ArticlePage.objects.get()
    assert (page.live, page.title) == (True, "Island ferry adds two early sailings for winter")


def test_the_command_reads_folders_and_reports_warnings(wire, section):
    folder = wire / "only"
    folder.mkdir()
    data = load(wire, "ferry-timetable.json")
    data["bodies"] = [
        {"contenttype": "text/html", "value": '<p>Text.</p><figure><img src="x.jpg"></figure>'}
    ]
    (folder / "one.json").write_text(json.dumps(data))

    out, _err, error = run(str(folder))

    assert error is None
    assert out.splitlines()[1] == (
        "    warning: A figure that names no association (x.jpg) was left out; "
        'mark it with data-association="KEY".'
    )


def test_the_command_puts_articles_in_the_section_asked_for(wire, home, section):
    business = home.add_child(instance=SectionPage(title="Business", slug="business"))

    run("--section", "business", str(wire / "ferry-timetable.json"))

    assert ArticlePage.objects.get().get_parent().pk == business.pk


def test_the_command_refuses_a_missing_section(wire, section):
    _out, _err, error = run("--section", "sport", str(wire / "ferry-timetable.json"))

    assert str(error) == 'There is no section with the slug "sport" (sections: world).'
    assert ArticlePage.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("invalid-json.json", "not valid JSON (line 5, column 1: Expecting ',' delimiter)."),
        (
            "headlines-not-a-list.json",
            'headlines: expected a list of {"role", "value"} objects, got a string.',
        ),
        (
            "missing-headline.json",
            'headlines: missing: give headlines: [{"role": "main", "value": "…"}].',
        ),
        (
            "firstcreated-not-a-date.json",
            'firstcreated: "last Tuesday" is not an ISO 8601 date-time such as 2026-03-14T09:30:00Z.',
        ),
        (
            "missing-image.json",
            "associations.featuremedia.renditions.original.href: "
            'the file "media/absent.jpg" does not exist.',
        ),
        (
            "corrupt-image.json",
            "associations.featuremedia.renditions.original: "
            "this file is not a picture that can be read (JPEG, PNG, GIF or WebP).",
        ),
        (
            "width-not-a-number.json",
            "associations.featuremedia.renditions.original.width: "
            "expected a whole number, got a string.",
        ),
        ("does-not-exist.json", "the file does not exist."),
    ],
)
def test_a_bad_file_fails_alone_and_the_command_exits_1(wire, section, name, message):
    bad = wire / "bad" / name
    good = wire / "ferry-timetable.json"

    out, err, error = run(str(bad), str(good))

    assert error is not None
    assert error.returncode == 1
    assert str(error) == "1 of 2 files imported (1 created, 0 updated); 1 failed."
    assert err.splitlines() == [f"[1/2] failed {bad}: {message}"]
    assert out.splitlines()[0].startswith("[2/2] created http://testserver/world/island-ferry")
    assert list(ArticlePage.objects.values_list("wire_uri", flat=True)) == [
        "urn:northwind-wire:2026:ferry-timetable-0077"
    ]


def test_a_corrupt_video_fails_its_item_and_removes_the_pictures_it_stored(wire, section):
    bad = wire / "bad" / "corrupt-video.json"
    files = media_files()

    out, err, error = run(str(bad))

    assert error is not None
    assert error.returncode == 1
    assert out == ""
    assert err.startswith(
        f"[1/1] failed {bad}: associations.clip.renditions.original: "
        "This file could not be read as a video ("
    )
    assert ArticlePage.objects.count() == 0
    assert BroadsheetImage.objects.count() == 0
    assert Video.objects.count() == 0
    assert Author.objects.count() == 0
    assert media_files() == files


def test_every_bad_file_together_and_the_good_ones_still_imported(wire, section):
    bad = sorted((wire / "bad").glob("*.json"))
    good = [wire / "ferry-timetable.json", wire / "port-strike.json"]

    out, err, error = run(*map(str, [*bad, *good]))

    assert error is not None
    assert error.returncode == 1
    assert len(err.splitlines()) == len(bad)
    assert [line.split()[1] for line in out.splitlines()] == ["created", "created"]
    assert sorted(ArticlePage.objects.values_list("wire_uri", flat=True)) == [
        "urn:northwind-wire:2026:ferry-timetable-0077",
        "urn:northwind-wire:2026:port-strike-0412",
    ]
    assert (
        str(error)
        == f"2 of {len(bad) + 2} files imported (2 created, 0 updated); {len(bad)} failed."
    )


# --- The admin upload --------------------------------------------------------------------

ADMIN_URL = "/admin/import-ninjs/"


def upload(path: Path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes())


def zipped(files: dict[str, bytes]) -> SimpleUploadedFile:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return SimpleUploadedFile("wire.zip", buffer.getvalue(), content_type="application/zip")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="chief", email="chief@example.com", password="x"
    )


@pytest.fixture
def editor(django_user_model, section):
    """A staff member who may add and edit articles in World, but not publish them."""
    group = Group.objects.create(name="Wire editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=section, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user(username="editor", password="x", is_staff=True)
    user.groups.add(group)
    return user


def test_the_upload_page_shows_its_form_and_menu_item(client, superuser, section):
    client.force_login(superuser)

    page = client.get(ADMIN_URL)
    home = client.get("/admin/")

    assert page.status_code == 200
    assert '<input type="file" name="uploads"' in page.content.decode()
    assert f'<option value="{section.pk}">World</option>' in page.content.decode()
    assert "Import ninjs" in home.content.decode()


def test_a_superuser_uploads_json_files_as_drafts(client, superuser, wire, section):
    client.force_login(superuser)
    other = load(wire, "ferry-timetable.json")
    other.update(uri="urn:northwind-wire:2026:bridge", by="Ana Lima in Porto")
    other["headlines"] = [{"role": "main", "value": "Footbridge closes for a week of repairs"}]
    (wire / "bridge.json").write_text(json.dumps(other))

    response = client.post(
        ADMIN_URL,
        {
            "uploads": [
                upload(wire / "ferry-timetable.json"),
                upload(wire / "bridge.json"),
            ],
            "section": section.pk,
            "mode": "draft",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert '<p class="ninjs-summary">2 files: all imported.</p>' in html
    ferry = ArticlePage.objects.get(wire_uri__contains="ferry")
    url = "http://testserver/world/island-ferry-adds-an-early-sailing-for-winter/"
    assert (
        f'<li class="ninjs-result"><strong>Created as a draft</strong> <a href="{url}">{url}</a> '
        f'(<a href="/admin/pages/{ferry.pk}/edit/">edit “{ferry.title}”</a>) '
        "from ferry-timetable.json"
    ) in html
    assert html.count("Created as a draft</strong>") == 2
    assert sorted(ArticlePage.objects.values_list("title", "live")) == [
        ("Footbridge closes for a week of repairs", False),
        ("Island ferry adds an early sailing for winter", False),
    ]
    assert ArticlePage.objects.get(wire_uri__contains="ferry").owner == superuser


def test_a_zip_with_json_and_media_is_published(client, superuser, wire, section):
    client.force_login(superuser)
    media = {
        f"media/{name}": (wire / "media" / name).read_bytes()
        for name in ("cranes.jpg", "cranes-small.jpg", "pickets.png", "rota.mp4", "rota-poster.jpg")
    }
    archive = zipped(
        {"stories/port-strike.json": (wire / "port-strike.json").read_bytes()}
        | {f"stories/{name}": content for name, content in media.items()}
    )

    response = client.post(
        ADMIN_URL, {"uploads": [archive], "section": section.pk, "mode": "publish"}
    )

    assert response.status_code == 200
    assert "Created and published</strong>" in response.content.decode()
    assert "from wire.zip:stories/port-strike.json" in response.content.decode()
    page = ArticlePage.objects.get()
    assert page.live is True
    assert (page.lead_image.width, page.lead_image.height) == (1600, 900)
    assert body_types(page).count("video") == 1


def test_a_bad_file_shows_its_error_and_creates_nothing(client, superuser, wire, section):
    client.force_login(superuser)
    files = media_files()

    response = client.post(
        ADMIN_URL,
        {
            "uploads": [
                upload(wire / "bad" / "invalid-json.json", "bad.json"),
                upload(wire / "bad" / "corrupt-video.json"),
                SimpleUploadedFile("notes.txt", b"not ninjs"),
            ],
            "section": section.pk,
            "mode": "draft",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "<strong>Failed</strong> bad.json: not valid JSON "
        "(line 5, column 1: Expecting &#x27;,&#x27; delimiter)." in html
    )
    assert (
        "<strong>Failed</strong> corrupt-video.json: associations.boats.renditions.original.href: "
        "the file &quot;media/boats.jpg&quot; does not exist." in html
    )
    assert (
        "<strong>Refused</strong> notes.txt: only .json files and .zip archives can be imported."
        in html
    )
    assert (
        '<p class="ninjs-summary">3 files: 3 could not be imported, '
        "and nothing of them was kept.</p>" in html
    )
    assert ArticlePage.objects.count() == 0
    assert BroadsheetImage.objects.count() == 0
    assert media_files() == files


def test_a_zip_with_a_path_outside_it_is_refused_whole(client, superuser, wire, section, tmp_path):
    client.force_login(superuser)
    archive = zipped(
        {
            "story.json": (wire / "ferry-timetable.json").read_bytes(),
            "../escaped.json": (wire / "superdesk-embed.json").read_bytes(),
        }
    )

    response = client.post(
        ADMIN_URL, {"uploads": [archive], "section": section.pk, "mode": "draft"}
    )

    assert (
        "<strong>Refused</strong> wire.zip: the archive holds a path that is not allowed "
        "(&#x27;../escaped.json&#x27;)." in response.content.decode()
    )
    assert ArticlePage.objects.count() == 0


def test_a_user_without_admin_access_is_refused(client, django_user_model, wire, section):
    reader = django_user_model.objects.create_user(username="reader", password="x")
    client.force_login(reader)

    shown = client.get(ADMIN_URL)
    posted = client.post(
        ADMIN_URL,
        {
            "uploads": [upload(wire / "ferry-timetable.json")],
            "section": section.pk,
            "mode": "draft",
        },
    )

    assert shown.status_code == 302
    assert shown["Location"].startswith("/admin/login/")
    assert posted.status_code == 302
    assert ArticlePage.objects.count() == 0


def test_staff_without_permission_to_add_articles_are_refused(
    client, django_user_model, wire, section
):
    group = Group.objects.create(name="Night desk")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    moderator = django_user_model.objects.create_user(username="mod", password="x", is_staff=True)
    moderator.groups.add(group)
    client.force_login(moderator)

    shown = client.get(ADMIN_URL)
    posted = client.post(
        ADMIN_URL,
        {
            "uploads": [upload(wire / "ferry-timetable.json")],
            "section": section.pk,
            "mode": "draft",
        },
    )
    home = client.get("/admin/")

    # Wagtail answers a refused admin view by sending the user back to the dashboard.
    assert (shown.status_code, shown["Location"]) == (302, "/admin/")
    assert (posted.status_code, posted["Location"]) == (302, "/admin/")
    assert "Import ninjs" not in home.content.decode()
    assert ArticlePage.objects.count() == 0


def test_an_editor_may_import_drafts_but_not_publish(client, editor, wire, section):
    client.force_login(editor)

    refused = client.post(
        ADMIN_URL,
        {
            "uploads": [upload(wire / "ferry-timetable.json")],
            "section": section.pk,
            "mode": "publish",
        },
    )
    assert "You may not publish in World; import drafts." in refused.content.decode()
    assert ArticlePage.objects.count() == 0

    accepted = client.post(
        ADMIN_URL,
        {
            "uploads": [upload(wire / "ferry-timetable.json")],
            "section": section.pk,
            "mode": "draft",
        },
    )
    assert "Created as a draft</strong>" in accepted.content.decode()
    assert ArticlePage.objects.get().live is False
