"""The content API's NinjaAPI: JSON errors with a reason for every refusal, ETags, 304s."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.signing import BadSignature
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from broadsheet.core.pagination import BadCursor
from broadsheet.syndication.api_keys import KeyRejected, RateLimited

from .auth import API_KEY_AUTH

MISSING_KEY = (
    "missing API key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'; "
    "staff issue keys in the admin (Settings > API keys)."
)


class BadRequest(Exception):
    """The request asks for something the API cannot read: the message says what and why."""


class ContentApi(NinjaAPI):
    """NinjaAPI whose 200 responses carry an ETag and answer If-None-Match with 304."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("auth", API_KEY_AUTH)
        super().__init__(**kwargs)
        handlers: list[tuple[type[Exception], Any]] = [
            (AuthenticationError, self._missing_key),
            (KeyRejected, self._rejected_key),
            (RateLimited, self._rate_limited),
            (ValidationError, self._invalid),
            (BadRequest, self._bad_request),
            (BadCursor, self._bad_cursor),
            (BadSignature, self._bad_cursor),
            (HttpError, self._http_error),
            (Http404, self._not_found),
        ]
        for exc_class, handler in handlers:
            self.add_exception_handler(exc_class, handler)

    def create_response(
        self,
        request: HttpRequest,
        data: Any,
        *,
        status: int | None = None,
        temporal_response: HttpResponse | None = None,
    ) -> HttpResponse:
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        response["Vary"] = "Authorization, X-API-Key"
        response["Cache-Control"] = "private, no-cache"
        if response.status_code != 200:
            return response
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        if etag in parse_etags(request.headers.get("If-None-Match", "")):
            not_modified = HttpResponseNotModified()
            for header in ("ETag", "Vary", "Cache-Control"):
                not_modified[header] = response[header]
            return not_modified
        return response

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """Return the OpenAPI document; an optional query parameter is a string, never null."""
        schema = super().get_openapi_schema(**kwargs)
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                for parameter in operation.get("parameters", []):
                    options = parameter.get("schema", {}).get("anyOf")
                    if parameter.get("in") == "query" and options:
                        kept = [o for o in options if o.get("type") != "null"]
                        if len(kept) == 1:
                            parameter["schema"] = {
                                **{k: v for k, v in parameter["schema"].items() if k != "anyOf"},
                                **kept[0],
                            }
        return schema

    def error(self, request: HttpRequest, status: int, reason: str, **extra: Any) -> HttpResponse:
        return self.create_response(request, {"detail": reason, **extra}, status=status)

    def _missing_key(self, request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = self.error(request, 401, MISSING_KEY)
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response

    def _rejected_key(self, request: HttpRequest, exc: KeyRejected) -> HttpResponse:
        response = self.error(request, 401, str(exc))
        response["WWW-Authenticate"] = 'Bearer realm="api", error="invalid_token"'
        return response

    def _rate_limited(self, request: HttpRequest, exc: RateLimited) -> HttpResponse:
        response = self.error(request, 429, str(exc))
        response["Retry-After"] = str(exc.retry_after_seconds)
        return response

    def _invalid(self, request: HttpRequest, exc: ValidationError) -> HttpResponse:
        problems = []
        for error in exc.errors:
            where = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
            problems.append(f"{where}: {error.get('msg', 'invalid')}")
        return self.error(request, 400, "invalid parameter: " + "; ".join(problems))

    def _bad_request(self, request: HttpRequest, exc: BadRequest) -> HttpResponse:
        return self.error(request, 400, str(exc))

    def _bad_cursor(self, request: HttpRequest, exc: BadCursor | BadSignature) -> HttpResponse:
        return self.error(
            request, 400, "malformed cursor: pass back the next_cursor of a previous page as is."
        )

    def _http_error(self, request: HttpRequest, exc: HttpError) -> HttpResponse:
        return self.error(request, exc.status_code, str(exc))

    def _not_found(self, request: HttpRequest, exc: Http404) -> HttpResponse:
        return self.error(request, 404, "not found.")
