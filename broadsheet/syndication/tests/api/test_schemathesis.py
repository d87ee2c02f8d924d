"""The OpenAPI document holds: schemathesis finds no server error and no response off-schema."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]


@pytest.fixture
def key_headers(issued, newsroom):
    # The WSGI handler closes the database connection after each request; the test's
    # transaction must outlive the request, as Django's own test client arranges.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield {"Authorization": f"Bearer {issued.key}"}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=20,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_every_operation_conforms(case, key_headers):
    case.call_and_validate(headers=key_headers, checks=CHECKS)


@pytest.mark.django_db
def test_real_objects_conform(key_headers, newsroom):
    article = newsroom["first"].pk
    cases = [
        ("/articles/{article_id}", {"article_id": article}, {}),
        ("/articles/{article_id}/ninjs", {"article_id": article}, {}),
        ("/concepts/{slug}", {"slug": "harbour-strike"}, {}),
        ("/concepts/{slug}/articles", {"slug": "harbour-strike"}, {}),
        ("/authors/{slug}", {"slug": "ana-lima"}, {}),
        ("/sections/{slug}", {"slug": "world"}, {}),
        ("/articles", {}, {"concept": "harbour-strike", "limit": 1}),
        ("/concepts", {}, {"q": "harbour"}),
        ("/authors", {}, {"limit": 1}),
    ]
    for path, path_parameters, query in cases:
        operation = schema["/api/v1" + path]["GET"]
        case = operation.Case(path_parameters=path_parameters, query=query)
        response = case.call_and_validate(headers=key_headers, checks=CHECKS)
        assert response.status_code == 200, path
