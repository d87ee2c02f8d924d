"""Production settings: Django's deployment check passes, and a missing secret stops the start."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
REAL_LOOKING_KEY = secrets.token_urlsafe(60)
HOSTS = "news.example.org,www.news.example.org"
PRODUCTION_VARIABLES = (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "SECURE_HSTS_SECONDS",
    # The browser tests set this in the test process; a server must never run with it.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def run_production(*args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    """Run ``manage.py`` under production settings with exactly these production variables.

    Empty values are passed as set-but-empty, so a developer's .env cannot fill them in.
    """
    environment = {k: v for k, v in os.environ.items() if k not in PRODUCTION_VARIABLES}
    environment["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    environment.update(variables)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRINT_SETTINGS = """
import json
from django.conf import settings
names = [
    "DEBUG", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS", "ALLOWED_HOSTS",
]
print(json.dumps({name: getattr(settings, name) for name in names}))
"""


def test_deploy_check_is_clean_with_a_real_secret_and_hosts():
    result = run_production(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=REAL_LOOKING_KEY,
        ALLOWED_HOSTS=HOSTS,
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_are_https_only_with_a_year_of_hsts():
    result = run_production(
        "shell", "-c", PRINT_SETTINGS, SECRET_KEY=REAL_LOOKING_KEY, ALLOWED_HOSTS=HOSTS
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "DEBUG": False,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "strict-origin-when-cross-origin",
        "X_FRAME_OPTIONS": "DENY",
        "ALLOWED_HOSTS": ["news.example.org", "www.news.example.org"],
    }


def test_debug_in_the_environment_cannot_switch_production_debug_on():
    result = run_production(
        "shell",
        "-c",
        PRINT_SETTINGS,
        SECRET_KEY=REAL_LOOKING_KEY,
        ALLOWED_HOSTS=HOSTS,
        DEBUG="true",
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["DEBUG"] is False


@pytest.mark.parametrize(
    ("secret_key", "why"),
    [
        ("", "empty"),
        ("short-secret-key", "short"),
        ("dev-only-insecure-key-change-me" + "x" * 40, "the development key"),
        ("a" * 60, "one repeated character"),
    ],
)
def test_production_refuses_to_start_without_a_real_secret(secret_key, why):
    result = run_production("check", SECRET_KEY=secret_key, ALLOWED_HOSTS=HOSTS)

    assert result.returncode == 1, why
    assert (
        "ImproperlyConfigured: Set the SECRET_KEY environment variable to at least 50 random characters"
        in result.stderr
    )
    assert "System check" not in result.stdout


@pytest.mark.parametrize("hosts", ["", "*", "news.example.org,*"])
def test_production_refuses_to_start_without_its_host_names(hosts):
    result = run_production("check", SECRET_KEY=REAL_LOOKING_KEY, ALLOWED_HOSTS=hosts)

    assert result.returncode == 1
    assert "ImproperlyConfigured: Set the ALLOWED_HOSTS environment variable" in result.stderr
