"""Assets: a small JavaScript budget, one small headline font, hashed static files with Brotli
and gzip, immutable caching, and only the lead image fetched eagerly."""

from __future__ import annotations

import gzip
import importlib.util
import io
import re
from pathlib import Path

import html5lib
import pytest
from django.core.management import call_command
from django.templatetags.static import static
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[2]
JS_BUDGET_BYTES = 10 * 1024
HEADLINE_FONT = REPO / "static" / "fonts" / "broadsheet-headline-700.woff2"
HEADLINE_FONT_BUDGET_BYTES = 15 * 1024
DEJAVU_SERIF_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
# What content.typography and the templates put in headlines, subheadings and pull quotes.
TYPOGRAPHIC_MARKS = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00a3\u20ac\u00b0"


def our_javascript() -> list[Path]:
    files = list((REPO / "static").rglob("*.js"))
    files += list((REPO / "broadsheet").rglob("static/**/*.js"))
    return sorted(files)


def test_the_reading_pages_ship_at_most_10_kb_of_compressed_javascript():
    files = our_javascript()
    assert files, "no JavaScript found: the budget test would pass vacuously"
    total = sum(len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in files)
    assert total <= JS_BUDGET_BYTES, f"{total} bytes of gzipped JavaScript in {files}"


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    from django.conf import settings
    from django.test import override_settings

    root = tmp_path_factory.mktemp("static")
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "broadsheet.core.staticfiles.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


def test_static_files_get_hashed_names_with_brotli_and_gzip(collected):
    css = sorted((collected / "css").glob("broadsheet.*.css"))
    assert css, "no hashed broadsheet.css"
    hashed = css[0]
    assert (hashed.parent / (hashed.name + ".br")).exists()
    assert (hashed.parent / (hashed.name + ".gz")).exists()
    fonts = sorted((collected / "fonts").glob("broadsheet-headline-700.*.woff2"))
    assert fonts, "fonts are not hashed"


def test_whitenoise_serves_hashed_files_immutable_for_a_year(collected, settings):
    from django.test import Client, override_settings

    css = next((collected / "css").glob("broadsheet.*.css"))
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "broadsheet.core.staticfiles.ManifestStaticFilesStorage"},
    }
    with override_settings(
        STATIC_ROOT=collected,
        STORAGES=storages,
        WHITENOISE_AUTOREFRESH=False,
        WHITENOISE_USE_FINDERS=False,
        DEBUG=False,
    ):
        response = Client().get(f"/static/css/{css.name}", HTTP_ACCEPT_ENCODING="br, gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert "immutable" in response["Cache-Control"]
    assert "max-age=315360000" in response["Cache-Control"]


def subset_fonts_script():
    spec = importlib.util.spec_from_file_location(
        "subset_fonts", REPO / "scripts" / "subset_fonts.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_only_web_font_is_the_headline_font_within_its_budget():
    served = sorted(
        path.name
        for path in (REPO / "static").rglob("*")
        if path.suffix in {".woff2", ".woff", ".ttf", ".otf"}
    )
    assert served == ["broadsheet-headline-700.woff2"]
    assert HEADLINE_FONT.stat().st_size <= HEADLINE_FONT_BUDGET_BYTES


def test_the_headline_font_draws_the_demo_headlines_and_typographic_marks():
    from broadsheet.content.demo.articles import ARTICLES
    from broadsheet.content.demo.newsroom import PUBLICATION
    from broadsheet.content.demo.schema import PullQuote, Subheading
    from broadsheet.content.typography import smart_quotes

    texts = [PUBLICATION.name, TYPOGRAPHIC_MARKS]
    for article in ARTICLES:
        texts.append(article.headline)
        texts += [item.text for item in article.body if isinstance(item, Subheading)]
        texts += [item.quote for item in article.body if isinstance(item, PullQuote)]
    needed = set("".join(smart_quotes(text) for text in texts))

    font = TTFont(HEADLINE_FONT)
    assert sorted(char for char in needed if ord(char) not in font.getBestCmap()) == []
    assert font["name"].getDebugName(1) == "Broadsheet Headline"


def sfnt_bytes(font: TTFont) -> bytes:
    """Return the font as uncompressed OpenType, so Brotli's version does not matter."""
    font.flavor = None
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def test_the_headline_font_is_what_make_fonts_makes_from_assets():
    rebuilt = subset_fonts_script().make_subset()
    assert sfnt_bytes(rebuilt) == sfnt_bytes(TTFont(HEADLINE_FONT, recalcTimestamp=False))


@pytest.mark.skipif(not DEJAVU_SERIF_BOLD.exists(), reason="DejaVu Serif Bold is not installed")
def test_the_css_fallback_face_carries_the_metrics_the_script_computes():
    css = (REPO / "static" / "css" / "broadsheet.css").read_text()
    face = re.search(r'@font-face \{\s*font-family: "Broadsheet Headline Fallback";[^}]*\}', css)
    assert face, "no fallback face for Broadsheet Headline"
    declared = {line.strip() for line in face.group(0).splitlines()}
    expected = subset_fonts_script().fallback_descriptors(DEJAVU_SERIF_BOLD)
    assert {line.replace("0.00%", "0%") for line in expected.splitlines()} <= declared


def test_no_stylesheet_or_template_refers_to_a_font_that_is_not_served():
    sources = [*(REPO / "static").rglob("*.css"), *(REPO / "templates").rglob("*.html")]
    sources += (REPO / "broadsheet").rglob("templates/**/*.html")
    referred = {
        (path.relative_to(REPO), name)
        for path in sources
        for name in re.findall(r"fonts/([\w.-]+\.(?:woff2?|ttf|otf))", path.read_text())
    }
    assert referred, "no font reference found: the test would pass vacuously"
    assert {name for _, name in referred} == {"broadsheet-headline-700.woff2"}
    removed_families = re.compile(r"[\"']Source (Serif 4|Sans 3)[\"']")
    assert [path for path in sources if removed_families.search(path.read_text())] == []


@pytest.fixture
def article_with_images(section):
    from broadsheet.content.tests.factories import ImageFactory, make_article, paragraphs

    body = [*paragraphs(2), ("image", {"image": ImageFactory(title="Quay"), "caption": ""})]
    return make_article(section=section, lead_image=ImageFactory(title="Lead"), body=body)


def test_the_article_preloads_the_headline_font_and_fetches_only_its_lead_image_eagerly(
    client, article_with_images
):
    response = client.get(article_with_images.url)
    assert response.status_code == 200
    tree = html5lib.parse(response.content, treebuilder="etree", namespaceHTMLElements=False)

    preloads = [
        (link.get("href"), link.get("as"))
        for link in tree.iter("link")
        if link.get("rel") == "preload"
    ]
    assert preloads == [(static("fonts/broadsheet-headline-700.woff2"), "font")]

    images = list(tree.iter("img"))
    lead = [img for img in images if img.get("class") == "lead-media__image"]
    assert len(lead) == 1
    assert (lead[0].get("fetchpriority"), lead[0].get("loading")) == ("high", None)
    others = [img for img in images if img is not lead[0]]
    assert others, "no image after the lead: the test would pass vacuously"
    assert {img.get("loading") for img in others} == {"lazy"}


def test_the_production_storage_keeps_each_hashed_url(collected, settings):
    from django.test import override_settings
    from whitenoise.storage import CompressedManifestStaticFilesStorage

    from broadsheet.core.staticfiles import ManifestStaticFilesStorage

    with override_settings(STATIC_ROOT=collected, DEBUG=False):
        storage = ManifestStaticFilesStorage()
        plain = CompressedManifestStaticFilesStorage()
        first = storage.url("css/broadsheet.css")
        assert first == plain.url("css/broadsheet.css")
        assert first != "/static/css/broadsheet.css"
        assert storage.url("css/broadsheet.css") == first
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
