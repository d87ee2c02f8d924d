"""Crafted admin POSTs: a superuser's edit form sent by hand, with script links in the body.

The form is read from a GET of the edit page, as a browser would submit it; only the body is
replaced, with Draftail's contentstate holding a link entity whose URL is hostile (the route of
CVE-2021-29434). Whatever the editor's own converter lets through, the stored revision, the admin
pages and the published page must hold no executable construct.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from broadsheet.content.models import ArticlePage
from broadsheet.content.tests.factories import make_article

from .dom import executable_constructs, inline_script_shapes
from .payloads import PAYLOADS

pytestmark = pytest.mark.django_db

LINK_TEXT = "Read the council's minutes <img src=x onerror=alert(1)>"
"""The paragraph's text: the first 26 characters are the link."""


def contentstate(text: str, url: str) -> str:
    """Return Draftail's JSON for one paragraph whose first 26 characters link to ``url``."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "k1x9z",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 26, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


def edit_form(client: Client, article: ArticlePage) -> dict[str, Any]:
    """Return the edit form's fields as the browser would post them, the body left out."""
    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form").dict()
    return {key: value for key, value in data.items() if not key.startswith("body-")}


def admin_pages(article: ArticlePage) -> list[str]:
    return [
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{article.pk}/history/",
        f"/admin/pages/{article.pk}/revisions/compare/earliest...latest/",
        f"/admin/pages/{article.pk}/revisions/{article.latest_revision_id}/view/",
        f"/admin/pages/{article.pk}/view_draft/",
    ]


HOSTILE_LINKS = [
    ("javascript:alert(1)", "<a>Read the council's minutes</a>"),
    ("JaVaScRiPt:alert(1)", "<a>Read the council's minutes</a>"),
    ("java\tscript:alert(1)", "<a>Read the council's minutes</a>"),
    (" javascript:alert(1)", "<a>Read the council's minutes</a>"),
    (
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "<a>Read the council's minutes</a>",
    ),
    ("vbscript:msgbox(1)", "<a>Read the council's minutes</a>"),
    # Wagtail's editor lets these schemes through; the sanitiser's allowlist does not.
    ("ftp://example.org/minutes.pdf", "<a>Read the council's minutes</a>"),
    ("tel:+351000000000", "<a>Read the council's minutes</a>"),
    # The control: an ordinary link is kept.
    (
        "https://example.org/minutes",
        '<a href="https://example.org/minutes">Read the council\'s minutes</a>',
    ),
]


@pytest.mark.parametrize(("url", "expected_link"), HOSTILE_LINKS)
def test_a_crafted_body_post_is_stored_and_shown_inert(admin_client, section, url, expected_link):
    # given an article, and the admin's own inline scripts on its pages before the attack
    article = make_article(section=section, title="Council approves harbour budget")
    allowed = frozenset().union(
        *(
            inline_script_shapes(admin_client.get(page).content.decode())
            for page in admin_pages(article)
        )
    )
    payload = PAYLOADS[HOSTILE_LINKS.index((url, expected_link)) * 37 % len(PAYLOADS)]
    form = edit_form(admin_client, article)
    form.update(
        nested_form_data(
            {
                "body": streamfield(
                    [
                        ("paragraph", contentstate(LINK_TEXT, url)),
                        ("subheading", payload[:200]),
                        ("blockquote", {"quote": payload, "attribution": payload[:200]}),
                    ]
                )
            }
        )
    )

    # when a superuser posts it as a draft, then publishes it
    saved = admin_client.post(f"/admin/pages/{article.pk}/edit/", form)
    article.refresh_from_db()
    draft_body = json.loads(article.latest_revision.content["body"])
    published = admin_client.post(
        f"/admin/pages/{article.pk}/edit/", {**form, "action-publish": "action-publish"}
    )
    article.refresh_from_db()

    # then the stored paragraph is exactly the sanitised one
    assert saved.status_code == 302
    assert published.status_code == 302
    assert draft_body[0]["value"] == (f"<p>{expected_link} &lt;img src=x onerror=alert(1)&gt;</p>")
    assert article.live
    # and no page, in the admin or public, carries anything executable
    findings = {}
    for page in admin_pages(article):
        response = admin_client.get(page)
        assert response.status_code == 200, page
        if found := executable_constructs(
            response.content.decode(),
            allowed_inline_scripts=allowed,
            allowed_script_paths=("/static/", "/admin/jsi18n/"),
        ):
            findings[page] = found
    public = Client().get(article.url)
    assert public.status_code == 200
    if found := executable_constructs(public.content.decode()):
        findings[article.url] = found
    assert findings == {}


def test_a_paragraph_posted_as_raw_html_is_refused_and_nothing_is_saved(section, admin_user):
    # given the edit form with a paragraph sent as HTML instead of the editor's JSON
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    article = make_article(section=section, title="Council approves harbour budget")
    revisions_before = article.revisions.count()
    form = edit_form(client, article)
    form.update(
        nested_form_data(
            {
                "body": streamfield(
                    [("paragraph", '<p><a href="javascript:alert(1)">minutes</a></p>')]
                )
            }
        )
    )

    # when it is posted
    response = client.post(f"/admin/pages/{article.pk}/edit/", form)

    # then it is refused (Wagtail's editor widget fails to parse it: a 500) and nothing changed
    assert response.status_code != 302
    assert "Something went wrong on our side" in response.content.decode()
    assert article.revisions.count() == revisions_before
    article.refresh_from_db()
    assert article.title == "Council approves harbour budget"
