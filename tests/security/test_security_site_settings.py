"""Links an admin sets in the publication settings appear on every page: no script URLs there."""

import pytest
from wagtail.models import Site
from wagtail.test.utils.form_data import querydict_from_html

from broadsheet.content.models import PublicationSettings

from .dom import executable_constructs

pytestmark = pytest.mark.django_db

LINK_FIELDS = ("copyright_policy_url", "about_url", "terms_url", "privacy_url")
REFUSAL = "Give a path on this site (/about/) or an http:// or https:// address."


def settings_url() -> str:
    return f"/admin/settings/content/publicationsettings/{Site.objects.get().pk}/"


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "/\\evil.example/",
        "about /terms/",
    ],
)
def test_a_script_or_off_site_link_is_refused_and_nothing_changes(admin_client, home, link):
    form = querydict_from_html(admin_client.get(settings_url()).content.decode()).dict()
    before = list(PublicationSettings.objects.values_list(*LINK_FIELDS))

    response = admin_client.post(settings_url(), {**form, **dict.fromkeys(LINK_FIELDS, link)})

    assert response.status_code == 200
    assert response.context["form"].errors == {field: [REFUSAL] for field in LINK_FIELDS}
    assert list(PublicationSettings.objects.values_list(*LINK_FIELDS)) == before
    assert before == [("/about/copyright/", "/about/", "/about/terms/", "/about/privacy/")]
    assert executable_constructs(admin_client.get("/").content.decode()) == []


@pytest.mark.parametrize(
    "link", ["/about/", "https://example.org/terms", "HTTP://example.org/", ""]
)
def test_site_paths_and_web_addresses_are_kept(admin_client, home, link):
    form = querydict_from_html(admin_client.get(settings_url()).content.decode()).dict()

    response = admin_client.post(settings_url(), {**form, **dict.fromkeys(LINK_FIELDS, link)})

    assert response.status_code == 302
    assert list(PublicationSettings.objects.values_list(*LINK_FIELDS)) == [(link,) * 4]
