"""Layout: nothing shifts while ads, images and fonts load; 320px phones never scroll sideways;
every request stays on this site."""

from urllib.parse import urlsplit

import pytest

from .pages import VIEWPORTS, scroll_through

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LAYOUT_SHIFTS = """
() => {
  window.__layoutShifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) {
        window.__layoutShifts.push({
          value: entry.value,
          at: Math.round(entry.startTime),
          moved: entry.sources.map(source => source.node
            ? `${source.node.nodeName} ${source.node.className || ""}: ${(source.node.textContent || "").trim().slice(0, 40)}`
            : "?"),
        });
      }
    }
  }).observe({ type: "layout-shift", buffered: true });
}
"""


@pytest.mark.parametrize(
    ("name", "viewport", "ad_slots"),
    [("article", "wide", 2), ("article", "phone", 2), ("front", "wide", 0)],
)
def test_page_with_ads_images_and_fonts_has_no_layout_shift(
    new_page, page_urls, name, viewport, ad_slots
):
    page = new_page(viewport=VIEWPORTS[viewport])
    page.goto(page_urls[name])
    page.evaluate(LAYOUT_SHIFTS)
    assert page.locator("aside.ad-slot").count() == ad_slots

    scroll_through(page)
    # A final frame, so shifts from the last loads are reported before reading them.
    page.evaluate("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)))")

    shifts = page.evaluate("() => window.__layoutShifts")
    assert shifts == []
    assert sum(shift["value"] for shift in shifts) == 0


@pytest.mark.parametrize("name", ["front", "section", "author", "topic", "article", "search"])
def test_nothing_scrolls_sideways_at_320_pixels(new_page, page_urls, name):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(page_urls[name])
    scroll_through(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_nothing_scrolls_sideways_at_320_pixels_with_the_fallback_fonts(new_page, page_urls):
    """Web fonts may arrive late or never: the layout must hold with the fallback fonts too."""
    page = new_page(viewport={"width": 320, "height": 640})
    page.route("**/*.woff2", lambda route: route.abort())
    widths = {}
    for name in ("front", "section", "author", "topic", "article", "search"):
        page.goto(page_urls[name])
        scroll_through(page)
        widths[name] = page.evaluate("() => document.documentElement.scrollWidth")
    assert widths == dict.fromkeys(widths, 320)


def test_every_request_stays_on_this_site(new_page, page_urls, live_server):
    origin = urlsplit(live_server.url)
    requested: list[str] = []
    page = new_page()
    page.on("request", lambda request: requested.append(request.url))
    for name in ("front", "section", "author", "article"):
        page.goto(page_urls[name])
        scroll_through(page)
    page.locator("button.video__play").click()
    page.wait_for_function("() => document.querySelector('figure.video video').currentTime > 0")

    elsewhere = [
        url
        for url in requested
        if urlsplit(url).scheme not in {"data", "blob"}
        and (urlsplit(url).hostname, urlsplit(url).port) != (origin.hostname, origin.port)
    ]
    assert elsewhere == []
    paths = {urlsplit(url).path for url in requested}
    assert "/static/fonts/broadsheet-headline-700.woff2" in paths
    assert "/brand.css" in paths
    assert any(path.startswith("/media/video/") for path in paths)
