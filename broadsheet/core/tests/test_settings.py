"""Settings come from the environment, and the services they name work for real."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[3]

PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "name": str(settings.DATABASES["default"]["NAME"]),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION", ""),
    "media": str(settings.MEDIA_ROOT),
    "email_backend": settings.EMAIL_BACKEND,
    "email_host": settings.EMAIL_HOST,
    "email_port": settings.EMAIL_PORT,
    "hosts": settings.ALLOWED_HOSTS,
    "secret": settings.SECRET_KEY,
}))
"""


def read_settings(**env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "CACHE_URL",
            "EMAIL_URL",
            "MEDIA_ROOT",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
        }
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="config.settings.dev")
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_embedded_defaults_without_environment():
    values = read_settings()
    # Django's SQLite backend with placeholders converted once per statement.
    assert values["engine"] == "broadsheet.core.sqlite"
    assert values["name"] == str(ROOT / "var" / "db.sqlite3")
    # Files, not local memory: the web server and the task worker must see each other's purges.
    assert values["cache"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert values["cache_location"] == str(ROOT / "var" / "cache")
    assert values["media"] == str(ROOT / "var" / "media")
    assert values["email_backend"] == "django.core.mail.backends.console.EmailBackend"


def test_environment_chooses_postgresql_redis_smtp_and_media(tmp_path):
    values = read_settings(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/newsroom",
        CACHE_URL="redis://127.0.0.1:6379/3",
        EMAIL_URL="smtp://127.0.0.1:2525",
        MEDIA_ROOT=str(tmp_path),
        SECRET_KEY="from-the-environment",
        ALLOWED_HOSTS="news.example.org,www.news.example.org",
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "newsroom"
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["cache_location"] == "redis://127.0.0.1:6379/3"
    assert (values["email_backend"], values["email_host"], values["email_port"]) == (
        "django.core.mail.backends.smtp.EmailBackend",
        "127.0.0.1",
        2525,
    )
    assert values["media"] == str(tmp_path)
    assert values["hosts"] == ["news.example.org", "www.news.example.org"]
    assert values["secret"] == "from-the-environment"


def test_env_example_lists_every_variable_the_settings_read():
    example = (ROOT / ".env.example").read_text()
    for name in [
        "DATABASE_URL",
        "CACHE_URL",
        "MEDIA_ROOT",
        "EMAIL_URL",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
    ]:
        assert f"\n{name}=" in example


def test_redis_cache_stores_and_reads_for_real():
    redis_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/9",
    }
    with override_settings(CACHES={"default": redis_cache, "renditions": redis_cache}):
        cache = caches.create_connection("default")
        try:
            cache.set("broadsheet:test", {"headline": "Harbour reopens"}, 30)
            assert cache.get("broadsheet:test") == {"headline": "Harbour reopens"}
        finally:
            cache.delete("broadsheet:test")
            cache.close()


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Sink

    class Collect(Sink):
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append(envelope)
            return "250 OK"

    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield controller, handler
    finally:
        controller.stop()


def test_email_goes_through_a_real_smtp_server(smtp_server):
    controller, handler = smtp_server
    port = controller.port
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
    ):
        sent = mail.send_mail(
            "Proof ready",
            "The front page is ready for review.",
            "desk@example.org",
            ["editor@example.org"],
        )
    assert sent == 1
    (envelope,) = handler.messages
    assert envelope.rcpt_tos == ["editor@example.org"]
    assert b"The front page is ready for review." in envelope.content
