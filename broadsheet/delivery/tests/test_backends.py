"""The edge-cache backends send what each provider's purge API expects.

Fastly's and Cloudflare's APIs are outside this machine's reach: their backends are pointed at a
recording HTTP server on loopback (``api_url``), which answers as the provider documents.
Varnish is exercised for real in tests/delivery/test_varnish.py.
"""

from __future__ import annotations

import http.server
import json
import threading
from datetime import timedelta

import pytest

from broadsheet.delivery.backends import PurgeError
from broadsheet.delivery.backends.cloudflare import CloudflareBackend
from broadsheet.delivery.backends.fastly import FastlyBackend
from broadsheet.delivery.backends.varnish import VarnishBackend


class Recorder:
    def __init__(self, answer: tuple[int, bytes] = (200, b'{"status": "ok"}')) -> None:
        self.requests: list[dict] = []
        self.answer = answer
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def handle_any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                outer.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": self.rfile.read(length) if length else b"",
                    }
                )
                status, body = outer.answer
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_PURGE = do_BAN = handle_any

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def recorder():
    server = Recorder()
    yield server
    server.close()


def test_fastly_soft_purges_by_surrogate_key_in_batches_of_256(recorder):
    backend = FastlyBackend(name="fastly", service_id="SVC1", api_token="tok", api_url=recorder.url)
    keys = [f"articlepage-{n}" for n in range(300)]
    backend.purge(keys)
    assert [r["path"] for r in recorder.requests] == ["/service/SVC1/purge"] * 2
    first = recorder.requests[0]
    assert first["method"] == "POST"
    assert first["headers"]["fastly-key"] == "tok"
    assert first["headers"]["fastly-soft-purge"] == "1"
    sent = [k for r in recorder.requests for k in r["headers"]["surrogate-key"].split()]
    assert sorted(sent) == sorted(keys)
    assert len(recorder.requests[0]["headers"]["surrogate-key"].split()) == 256


def test_cloudflare_purges_tags_thirty_at_a_time(recorder):
    recorder.answer = (200, b'{"success": true, "errors": []}')
    backend = CloudflareBackend(name="cf", zone_id="Z9", api_token="tok", api_url=recorder.url)
    backend.purge([f"concept-{n}" for n in range(31)])
    assert [r["path"] for r in recorder.requests] == ["/zones/Z9/purge_cache"] * 2
    assert recorder.requests[0]["headers"]["authorization"] == "Bearer tok"
    bodies = [json.loads(r["body"]) for r in recorder.requests]
    assert [len(b["tags"]) for b in bodies] == [30, 1]


def test_cloudflare_refusal_is_a_purge_error(recorder):
    recorder.answer = (200, b'{"success": false, "errors": [{"code": 1134, "message": "no"}]}')
    backend = CloudflareBackend(name="cf", zone_id="Z9", api_token="tok", api_url=recorder.url)
    with pytest.raises(PurgeError, match="refused"):
        backend.purge(["site"])


def test_an_http_error_is_a_purge_error(recorder):
    recorder.answer = (503, b"{}")
    backend = FastlyBackend(name="fastly", service_id="S", api_token="t", api_url=recorder.url)
    with pytest.raises(PurgeError, match="503"):
        backend.purge(["site"])


def test_varnish_sends_xkey_purge_to_every_server(recorder):
    second = Recorder()
    try:
        VarnishBackend(name="v", urls=[recorder.url, second.url]).purge(["b", "a", "a"])
    finally:
        second.close()
    assert recorder.requests[0]["method"] == "PURGE"
    assert recorder.requests[0]["headers"]["xkey-purge"] == "a b"
    assert len(second.requests) == 1


def test_bad_configuration_says_what_is_missing():
    with pytest.raises(ValueError, match="service_id and api_token"):
        FastlyBackend(name="f", service_id="", api_token="")
    with pytest.raises(ValueError, match="'xkey' or 'ban'"):
        VarnishBackend(name="v", urls=["http://127.0.0.1:1"], method="smash")
    with pytest.raises(TypeError, match="Unknown options"):
        VarnishBackend(name="v", urls=["http://127.0.0.1:1"], colour="red")


def test_a_failing_cache_is_retried_and_the_others_still_purged(
    db, settings, recorder, monkeypatch
):
    from broadsheet.delivery import tasks
    from broadsheet.delivery.backends import dummy

    monkeypatch.setattr(tasks, "RETRY_DELAYS_SECONDS", (0, 0))
    recorder.answer = (503, b"{}")
    settings.BROADSHEET_PURGE_BACKENDS = {
        "dummy": {"BACKEND": "broadsheet.delivery.backends.dummy.DummyBackend"},
        "fastly": {
            "BACKEND": "broadsheet.delivery.backends.fastly.FastlyBackend",
            "OPTIONS": {"service_id": "S", "api_token": "t", "api_url": recorder.url},
        },
    }
    dummy.purged.clear()
    with pytest.raises(PurgeError):
        tasks.purge_keys_task.call(["site"])
    assert len(recorder.requests) == 3
    assert dummy.purged == [["site"]] * 3


def test_on_a_queue_that_defers_a_failing_purge_comes_back_later_instead_of_waiting(
    db, settings, recorder
):
    from django.utils import timezone
    from django_tasks import default_task_backend

    from broadsheet.delivery import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    recorder.answer = (503, b"{}")
    settings.BROADSHEET_PURGE_BACKENDS = {
        "fastly": {
            "BACKEND": "broadsheet.delivery.backends.fastly.FastlyBackend",
            "OPTIONS": {"service_id": "S", "api_token": "t", "api_url": recorder.url},
        },
    }
    before = timezone.now()

    assert tasks.purge_keys_task.call(["site"]) == 0

    assert len(recorder.requests) == 1
    (retry,) = default_task_backend.results  # type: ignore[attr-defined]
    assert retry.args == [["site"], 2]
    assert retry.task.run_after >= before + timedelta(seconds=tasks.RETRY_DELAYS_SECONDS[0])

    # The last attempt raises, so the queue records the failure.
    with pytest.raises(PurgeError):
        tasks.purge_keys_task.call(["site"], len(tasks.RETRY_DELAYS_SECONDS) + 1)
    assert len(default_task_backend.results) == 1  # type: ignore[attr-defined]
