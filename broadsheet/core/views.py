"""Error pages that keep the site's look and say what to do next."""

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"request_path": request.path}, request))


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without context processors or the database: the error may be in either.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))


def health(request: HttpRequest) -> HttpResponse:
    """Answer a load balancer's or Varnish's probe: 200 when the database answers, else 503."""
    from django.db import connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means: send no traffic here
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
