"""Helpers the browser tests share: viewports and scrolling a page until everything has loaded."""

VIEWPORTS = {"wide": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}


def scroll_through(page) -> None:
    """Scroll to the bottom half a screen at a time, wait for every shown image and font, go back.

    Lazy images load as they come into view; each step waits two frames so they are requested.
    """
    height = page.evaluate("() => document.documentElement.scrollHeight")
    step = page.viewport_size["height"] // 2
    for top in range(0, height + step, step):
        page.evaluate(
            "top => new Promise(resolve => { window.scrollTo(0, top); "
            "requestAnimationFrame(() => requestAnimationFrame(resolve)); })",
            top,
        )
    page.wait_for_function(
        "() => [...document.images].filter(image => image.checkVisibility())"
        ".every(image => image.complete && image.naturalWidth > 0)"
    )
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.evaluate(
        "() => new Promise(resolve => { window.scrollTo(0, 0); "
        "requestAnimationFrame(() => requestAnimationFrame(resolve)); })"
    )
