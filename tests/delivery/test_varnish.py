"""A real Varnish (Debian's, with the xkey vmod) in front of the app, configured by deploy/varnish.

Warm the cache, publish a change: the next request is fresh and unrelated pages stay cached.
With the app stopped, cached pages are still served (stale-if-error) and uncached ones get a
503 with Retry-After instead of hanging.
"""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from broadsheet.content.models import ArticlePage
from broadsheet.content.tests.factories import make_article

from .varnish import fetch, running_varnish

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Forwarder:
    """A stoppable HTTP hop between Varnish and the live server: stopping it is the app going down."""

    def __init__(self, target: str) -> None:
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                headers["Host"] = self.headers.get("Host", "")
                status, answer_headers, body = fetch(outer.target + self.path, headers=headers)
                self.send_response(status)
                for name, value in answer_headers.items():
                    if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_HEAD = do_GET

            def log_message(self, *args: object) -> None:
                pass

        self.target = target
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site(section):
    first = make_article(section=section, title="Trams return to Lisbon")
    second = make_article(section=section, title="Ferries run late in Porto")
    return section, first, second


@pytest.fixture
def origin(live_server):
    forwarder = Forwarder(live_server.url)
    yield forwarder
    forwarder.stop()


@pytest.fixture
def varnish(origin, settings):
    with running_varnish("127.0.0.1", origin.port) as running:
        settings.BROADSHEET_PURGE_BACKENDS = {
            "varnish": {
                "BACKEND": "broadsheet.delivery.backends.varnish.VarnishBackend",
                "OPTIONS": {"urls": [running.url]},
            }
        }
        wait_until_healthy(running.url)
        yield running


def wait_until_healthy(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        status, _, _ = fetch(url + "/healthz")
        if status == 200:
            return
        time.sleep(0.2)
    pytest.fail("Varnish never found the app healthy")


def get(varnish, path):
    status, headers, body = fetch(varnish.url + path)
    return status, headers, body.decode()


def test_a_publish_refreshes_the_page_and_unrelated_pages_stay_cached(site, varnish):
    section, first, second = site
    for path in (first.url, second.url, section.url):
        get(varnish, path)
        status, headers, _ = get(varnish, path)
        assert status == 200
        assert headers["X-Cache"] == "HIT", path
        assert "xkey" not in headers
        assert "Surrogate-Key" not in headers

    page = ArticlePage.objects.get(pk=first.pk)
    page.title = "Trams return to the hills of Lisbon"
    page.save_revision().publish()

    status, headers, body = get(varnish, first.url)
    assert headers["X-Cache"] == "MISS"
    assert "Trams return to the hills of Lisbon" in body
    status, headers, body = get(varnish, section.url)
    assert headers["X-Cache"] == "MISS"
    assert "Trams return to the hills of Lisbon" in body
    status, headers, _ = get(varnish, second.url)
    assert headers["X-Cache"] == "HIT"


def test_ban_mode_purges_too(site, varnish, settings):
    _, first, second = site
    settings.BROADSHEET_PURGE_BACKENDS["varnish"]["OPTIONS"]["method"] = "ban"
    for path in (first.url, second.url):
        get(varnish, path)
    page = ArticlePage.objects.get(pk=first.pk)
    page.title = "Trams return after the ban"
    page.save_revision().publish()
    _status, headers, body = get(varnish, first.url)
    assert "Trams return after the ban" in body
    assert headers["X-Cache"] == "MISS"
    assert get(varnish, second.url)[1]["X-Cache"] == "HIT"


def test_purge_is_refused_from_elsewhere_and_without_keys(varnish):
    status, _, _ = fetch(varnish.url + "/", method="PURGE")
    assert status == 400


def test_with_the_app_down_cached_pages_are_served_stale_and_others_get_503(
    site, varnish, origin, settings
):
    _, first, second = site
    settings.BROADSHEET_PAGE_CACHE = {"max_age": 0, "s_maxage": 1, "stale_if_error": 3600}
    get(varnish, first.url)
    time.sleep(1.5)  # past s-maxage: only stale-if-error can serve it now
    origin.stop()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if fetch(varnish.url + "/healthz")[0] == 503:
            break
        time.sleep(0.3)
    status, headers, body = get(varnish, first.url)
    assert status == 200
    assert "Trams return to Lisbon" in body
    started = time.monotonic()
    status, headers, _ = get(varnish, second.url)
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert time.monotonic() - started < 5
