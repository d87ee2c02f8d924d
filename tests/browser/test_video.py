"""The inline video plays from its large play control, which shows the file's duration."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_play_control_shows_the_duration_and_starts_the_video(new_page, page_urls):
    page = new_page()
    page.goto(page_urls["article"])
    figure = page.locator("figure.video")
    play = figure.locator("button.video__play")
    player = figure.locator("video")
    figure.scroll_into_view_if_needed()
    expect(play).to_have_text("PLAY 00:53", use_inner_text=True)
    expect(play).to_have_accessible_name("Play 00:53 video: How the barrage will work")
    expect(play).to_be_enabled()
    assert player.evaluate("video => video.paused") is True

    play.click()

    player.evaluate(
        "video => new Promise(resolve => { const check = () => video.currentTime > 0 ? "
        "resolve() : video.addEventListener('timeupdate', check, { once: true }); check(); })"
    )
    assert player.evaluate("video => video.paused") is False
    assert player.evaluate("video => video.currentTime > 0") is True
    assert player.evaluate("video => Math.round(video.duration)") == 53
    expect(play).to_be_hidden()
    assert page.evaluate("() => document.activeElement.tagName") == "VIDEO"


def test_without_script_the_play_label_leaves_the_native_controls_usable(new_page, page_urls):
    page = new_page(java_script_enabled=False)
    page.goto(page_urls["article"])
    play = page.locator("button.video__play")
    play.scroll_into_view_if_needed()
    expect(play).to_be_visible()
    expect(play).to_have_text("PLAY 00:53", use_inner_text=True)
    expect(play).to_be_disabled()
    assert play.evaluate("button => getComputedStyle(button).pointerEvents") == "none"
    assert page.locator("figure.video video").get_attribute("controls") == ""
