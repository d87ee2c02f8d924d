"""The app cache serves public pages without rendering, and forgets exactly what a purge names."""

import gzip as gzip_module
import threading
import time

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from broadsheet.content.models import ArticlePage
from broadsheet.core.cache_middleware import AppCacheMiddleware
from broadsheet.core.http_cache import GENERATION_KEY, mark_purged


def test_second_request_is_a_hit_with_no_query(client, two_articles):
    article, _ = two_articles
    miss = client.get(article.url)
    assert miss["X-App-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        hit = client.get(article.url)
    assert hit["X-App-Cache"] == "hit"
    assert len(queries) == 0
    assert hit.content == miss.content
    assert hit["ETag"] == miss["ETag"]
    assert hit["Cache-Control"] == miss["Cache-Control"]
    assert hit["Surrogate-Key"] == miss["Surrogate-Key"]
    assert "Set-Cookie" not in hit
    # Every header the page was stored with comes back, under its own name and case.
    stored = {name: value for name, value in miss.items() if name != "X-App-Cache"}
    assert {name: hit[name] for name in stored} == stored
    assert list(hit.headers).count("Content-Type") == 1


def test_a_hit_answers_if_none_match_with_304(client, two_articles):
    article, _ = two_articles
    etag = client.get(article.url)["ETag"]
    response = client.get(article.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["X-App-Cache"] == "hit"


def test_a_hit_sends_the_gzip_kept_with_the_page_to_clients_that_accept_it(
    client, two_articles, monkeypatch
):
    article, _ = two_articles
    miss = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert miss["Content-Encoding"] == "gzip"
    compressions = []
    original = gzip_module.compress
    monkeypatch.setattr(
        gzip_module, "compress", lambda *a, **k: compressions.append(1) or original(*a, **k)
    )
    hit = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert hit["X-App-Cache"] == "hit"
    assert compressions == []  # compressed when stored, not on every hit
    assert hit["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in hit["Vary"]
    assert int(hit["Content-Length"]) == len(hit.content)
    plain = client.get(article.url)
    assert plain["X-App-Cache"] == "hit"
    assert not plain.has_header("Content-Encoding")
    assert (
        gzip_module.decompress(hit.content) == plain.content == gzip_module.decompress(miss.content)
    )
    # The gzip body has its own (weak) validator, as GZipMiddleware gives it.
    assert hit["ETag"] == "W/" + plain["ETag"]
    again = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=hit["ETag"])
    assert again.status_code == 304


def test_publishing_an_edit_refreshes_that_article_and_its_listings_only(
    client, two_articles, section, django_capture_on_commit_callbacks
):
    article, other = two_articles
    for url in (article.url, other.url, section.url):
        client.get(url)
    page = ArticlePage.objects.get(pk=article.pk)
    page.title = "Trams return to the hills of Lisbon"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    fresh = client.get(article.url)
    assert fresh["X-App-Cache"] == "miss"
    assert b"Trams return to the hills of Lisbon" in fresh.content
    listing = client.get(section.url)
    assert listing["X-App-Cache"] == "miss"
    assert b"Trams return to the hills of Lisbon" in listing.content
    assert client.get(other.url)["X-App-Cache"] == "hit"


@pytest.fixture
def cache_calls(app_cache, monkeypatch):
    """The calls made on the app cache from outside it, with the number of keys each read."""
    calls = []
    depth = [0]
    for name in ("get", "get_many", "add", "set", "delete"):
        original = getattr(app_cache, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            # Only calls from outside the cache: local memory's get_many calls get per key.
            if depth[0] == 0:
                calls.append((_name, len(args[0]) if _name == "get_many" else 1))
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(app_cache, name, counted)
    return calls


def test_a_hit_reads_only_the_purge_generation_while_nothing_is_purged(
    client, two_articles, cache_calls
):
    article, _ = two_articles
    client.get(article.url)
    first_hit = client.get(article.url)  # this process checks the page's purge times once
    assert first_hit["X-App-Cache"] == "hit"
    assert len(first_hit["Surrogate-Key"].split()) >= 4
    cache_calls.clear()
    again = client.get(article.url)
    assert again["X-App-Cache"] == "hit"
    assert again.content == first_hit.content
    # The page is held by this process: the purge generation alone, however many keys it names.
    assert cache_calls == [("get", 1)]


def test_a_held_page_is_read_again_once_it_expires(client, two_articles, cache_calls, settings):
    article, _ = two_articles
    client.get(article.url)
    client.get(article.url)
    assert client.get(article.url)["X-App-Cache"] == "hit"
    with time_machine.travel(time.time() + 3600):
        cache_calls.clear()
        # Past its freshness the held copy is dropped: the shared entry decides (stale: render).
        assert client.get(article.url)["X-App-Cache"] in ("miss", "stale")
        assert ("get_many", 2) in cache_calls


def test_after_any_purge_a_hit_checks_its_own_keys_once_then_reads_two_keys_again(
    client, two_articles, cache_calls
):
    article, _ = two_articles
    client.get(article.url)
    client.get(article.url)
    mark_purged(["concept-999999"])  # nothing this page shows
    cache_calls.clear()
    assert client.get(article.url)["X-App-Cache"] == "hit"
    # The held copy's generation moved on: the page is read again and its own keys checked.
    assert [name for name, _ in cache_calls] == ["get", "get_many", "get_many"]
    cache_calls.clear()
    assert client.get(article.url)["X-App-Cache"] == "hit"
    assert cache_calls == [("get", 1)]
    mark_purged([f"articlepage-{article.pk}"])
    assert client.get(article.url)["X-App-Cache"] == "miss"


def test_a_lost_purge_generation_is_never_taken_for_an_unchanged_one(
    client, two_articles, app_cache
):
    article, _ = two_articles
    app_cache.delete(GENERATION_KEY)  # publishing the articles moved it on; start afresh
    client.get(article.url)
    mark_purged(["concept-999999"])  # the generation moves on once
    assert client.get(article.url)["X-App-Cache"] == "hit"  # checked in that generation
    # The cache lost the generation (evicted or flushed), then the page's key was purged:
    # counted again from where the lost one began, it would read as the generation checked.
    app_cache.delete(GENERATION_KEY)
    mark_purged([f"articlepage-{article.pk}"])
    assert client.get(article.url)["X-App-Cache"] == "miss"


def test_a_purge_reaches_a_process_that_already_served_the_page_from_the_cache(
    client, two_articles, django_capture_on_commit_callbacks
):
    article, _ = two_articles
    client.get(article.url)
    assert client.get(article.url)["X-App-Cache"] == "hit"
    assert client.get(article.url)["X-App-Cache"] == "hit"
    page = ArticlePage.objects.get(pk=article.pk)
    page.title = "Trams return to the hills of Lisbon"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    fresh = client.get(article.url)
    assert fresh["X-App-Cache"] == "miss"
    assert b"Trams return to the hills of Lisbon" in fresh.content
    assert client.get(article.url)["X-App-Cache"] == "hit"


def test_unpublishing_removes_the_page_from_the_cache(
    client, two_articles, django_capture_on_commit_callbacks
):
    article, _ = two_articles
    url = article.url
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).unpublish()
    assert client.get(url).status_code == 404


def test_a_draft_preview_never_enters_or_comes_from_the_cache(
    client, two_articles, django_user_model
):
    from django.urls import reverse

    article, _ = two_articles
    client.get(article.url)
    page = ArticlePage.objects.get(pk=article.pk)
    page.title = "Secret draft headline"
    page.save_revision()
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-12345678")
    editor_client = type(client)()
    editor_client.force_login(editor)
    preview = editor_client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert b"Secret draft headline" in preview.content
    public = client.get(article.url)
    assert public["X-App-Cache"] == "hit"
    assert b"Secret draft headline" not in public.content


def test_personal_pages_are_not_stored(client, two_articles):
    first = client.get("/admin/login/")
    again = client.get("/admin/login/")
    assert "X-App-Cache" not in first
    assert "X-App-Cache" not in again


def test_an_expired_page_is_rendered_once_while_others_get_the_stale_copy(
    client, two_articles, settings, app_cache
):
    article, _ = two_articles
    settings.BROADSHEET_PAGE_CACHE = {"s_maxage": 0, "stale_while_revalidate": 60}
    client.get(article.url)
    # Another request holds the render lock: this one is served the stale copy at once.
    lock_keys = [key for key in app_cache._cache if key.endswith(":render")]
    assert lock_keys == []
    middleware = AppCacheMiddleware(lambda request: pytest.fail("must not render"))
    from django.test import RequestFactory

    request = RequestFactory().get(article.url)
    page_key = next(key.split(":", 2)[-1] for key in app_cache._cache if ":broadsheet:page:" in key)
    app_cache.add(f"{page_key}:render", 1, timeout=30)
    response = middleware(request)
    assert response["X-App-Cache"] == "stale"


def test_after_a_purge_concurrent_requests_render_once(two_articles, app_cache, settings):
    from django.test import RequestFactory

    from broadsheet.core.http_cache import cache_publicly, mark_purged

    renders = []

    def view(request):
        renders.append(1)
        time.sleep(0.2)
        cache_publicly(request, "articlepage-1")
        from django.http import HttpResponse

        response = HttpResponse(b"fresh")
        response["Cache-Control"] = "public, max-age=60"
        return response

    middleware = AppCacheMiddleware(view)
    middleware(RequestFactory().get("/story/"))
    assert len(renders) == 1
    time.sleep(0.01)
    mark_purged(["articlepage-1"])
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(middleware(RequestFactory().get("/story/"))))
        for _ in range(5)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(renders) == 2
    assert [r.content for r in results] == [b"fresh"] * 5
