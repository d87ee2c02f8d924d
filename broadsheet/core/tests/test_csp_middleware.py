"""The policy header built once per process is the one django-csp builds per response."""

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE, SELF
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from broadsheet.core.middleware import ContentSecurityPolicyMiddleware


def _respond(middleware_class, path="/world/story/", *, decorate=None, nonce=False):
    def view(request):
        if nonce:
            str(request.csp_nonce)
        response = HttpResponse("<p>Story</p>")
        if decorate:
            for name, value in decorate.items():
                setattr(response, name, value)
        return response

    request = RequestFactory().get(path)
    middleware = middleware_class(view)
    return request, middleware(request)


def _directives(header):
    # django-csp writes the directives in no fixed order.
    return set(header.split("; "))


def test_the_site_policy_is_django_csps_own():
    _, ours = _respond(ContentSecurityPolicyMiddleware)
    _, theirs = _respond(CSPMiddleware)
    assert _directives(ours[HEADER]) == _directives(theirs[HEADER])
    assert "frame-ancestors 'self'" in ours[HEADER]
    assert HEADER_REPORT_ONLY not in ours


def test_a_nonce_asked_for_after_the_header_is_an_error():
    request, _ = _respond(ContentSecurityPolicyMiddleware)
    with pytest.raises(Exception, match="after the CSP header"):
        str(request.csp_nonce)


def test_a_changed_setting_changes_the_header():
    _respond(ContentSecurityPolicyMiddleware)
    policy = {"DIRECTIVES": {"default-src": [SELF], "img-src": [SELF, "https://img.example"]}}
    with override_settings(
        CONTENT_SECURITY_POLICY=policy, CONTENT_SECURITY_POLICY_REPORT_ONLY=policy
    ):
        _, response = _respond(ContentSecurityPolicyMiddleware)
        assert _directives(response[HEADER]) == {
            "default-src 'self'",
            "img-src 'self' https://img.example",
        }
        assert _directives(response[HEADER_REPORT_ONLY]) == _directives(response[HEADER])
    _, after = _respond(ContentSecurityPolicyMiddleware)
    assert "img-src 'self' https://img.example" not in after[HEADER]


def test_excluded_prefixes_get_no_header():
    policy = {"EXCLUDE_URL_PREFIXES": ["/world/"], "DIRECTIVES": {"default-src": [SELF]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        _, excluded = _respond(ContentSecurityPolicyMiddleware)
        _, kept = _respond(ContentSecurityPolicyMiddleware, "/sport/")
    assert HEADER not in excluded
    assert kept[HEADER] == "default-src 'self'"


def test_a_view_that_changes_its_policy_or_asks_for_a_nonce_gets_it_built():
    _, updated = _respond(
        ContentSecurityPolicyMiddleware, decorate={"_csp_update": {"img-src": "https://x.example"}}
    )
    assert "https://x.example" in updated[HEADER]
    _, exempt = _respond(ContentSecurityPolicyMiddleware, decorate={"_csp_exempt": True})
    assert HEADER not in exempt
    policy = {"DIRECTIVES": {"default-src": [SELF], "script-src": [SELF, NONCE]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        request, with_nonce = _respond(ContentSecurityPolicyMiddleware, nonce=True)
    assert f"'nonce-{request._csp_nonce}'" in with_nonce[HEADER]
