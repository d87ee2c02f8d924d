"""Assets: a small JavaScript budget, hashed static files with Brotli and gzip, immutable caching."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from django.core.management import call_command

REPO = Path(__file__).resolve().parents[2]
JS_BUDGET_BYTES = 10 * 1024


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
    fonts = sorted((collected / "fonts").glob("source-serif-4-latin-400-normal.*.woff2"))
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
