"""The serving stack the page benchmarks load: a throwaway site, gunicorn, Varnish and nginx.

Used by bench/pages.py (the five ways of serving a page), bench/load.py (load and faults) and
bench/lighthouse.py. Every process goes through ``bench.processes.Processes`` so it is stopped
on the way out; everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import gzip
import json
import os
import secrets
import shlex
import shutil
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from bench.nginx import nginx_site_config
from bench.processes import BenchError, Processes, free_port, tail
from bench.varnish import MISSING, VARNISHD, varnishd_argv, write_vcl

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
"""Production's gunicorn settings (workers, timeouts, gc.freeze), which the origin runs with."""
_ASKED_WORKERS = os.environ.get("WEB_CONCURRENCY", "").strip()
if _ASKED_WORKERS and not (_ASKED_WORKERS.isdigit() and int(_ASKED_WORKERS) > 0):
    raise SystemExit(f"WEB_CONCURRENCY={_ASKED_WORKERS!r}: give the number of gunicorn workers.")
GUNICORN_WORKERS = int(_ASKED_WORKERS) if _ASKED_WORKERS else os.cpu_count() or 1
"""Sync workers: one per CPU here, not that file's two per CPU and one more.

Here wrk, Redis and SQLite share the CPUs with gunicorn and answer at once, so a worker rarely
waits; extra workers only take turns on the CPUs (five workers served the bare view of mode (e)
30% slower than two on two CPUs). One per CPU gives every Django mode its best, the bare view
included, which makes "(b) against (e)" the harder comparison. WEB_CONCURRENCY overrides it."""
NGINX_WORKERS = os.cpu_count() or 1
"""nginx's own advice (``worker_processes auto``): one event-driven worker per CPU."""
READY_SECONDS = 60.0
SETUP_TIMEOUT_SECONDS = 900.0
FRONT_PATH = "/"
CONCEPT_PATH = "/topics/iberian-rail-links/"
REDIS_URL = "redis://127.0.0.1:6379/0"
BARE_PATH = "/bench/bare"
"""Mode (e): the bare Django view of bench/urls.py."""
BARE_BODY = b"ok\n"

# Never through a proxy: every request of the benchmarks goes to the loopback interface.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    """The seeded site: the three pages measured one by one and the spread of articles."""

    article_path: str
    spread_paths: list[str]
    spread_file: Path
    """The spread's paths, one a line, for wrk's rotate.lua."""

    @property
    def pages(self) -> dict[str, str]:
        return {"article": self.article_path, "front": FRONT_PATH, "concept": CONCEPT_PATH}


def fetch(url: str, *, timeout: float = 30.0, headers: dict[str, str] | None = None) -> Response:
    """GET ``url``; return any status, 4xx and 5xx included, with the time it took."""
    request = urllib.request.Request(url, headers=headers or {})
    started = time.monotonic()
    try:
        with _opener.open(request, timeout=timeout) as answer:
            body = answer.read()
            status = answer.status
            answer_headers = dict(answer.headers.items())
    except urllib.error.HTTPError as error:
        body = error.read()
        status = error.code
        answer_headers = dict(error.headers.items())
    return Response(
        status=status, headers=answer_headers, body=body, seconds=time.monotonic() - started
    )


def required_binary(name: str, candidates: list[str], *, install: str) -> str:
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return found
    raise BenchError(f"{name} is not installed; install it with: {install}")


def command_line(
    script: str, argv: list[str], environ: Mapping[str, str], *, variables: Iterable[str]
) -> str:
    """Return the command that reproduces a run of ``script``, with those of ``variables``
    (its BENCH_* settings) that were set."""
    settings = [
        f"{variable}={shlex.quote(environ[variable])}"
        for variable in variables
        if environ.get(variable, "").strip()
    ]
    python = Path(sys.executable)
    shown = str(python.relative_to(ROOT)) if python.is_relative_to(ROOT) else python.name
    return " ".join([*settings, shown, script, *map(shlex.quote, argv)])


def step(message: str) -> None:
    print(f"- {message}", flush=True)


def django_env(
    workdir: Path, *, app_cache: bool, cache_url: str = "locmemcache://", prefix: str = ""
) -> dict[str, str]:
    """Return the environment of a production-settings process on the run's throwaway site."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "PYTHONPATH": str(ROOT),
            # Production refuses short or development keys; this one lives for one run.
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            # Plain HTTP on the loopback: no redirect to https.
            "SECURE_SSL_REDIRECT": "false",
            "DEBUG": "false",
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
            "CACHE_URL": cache_url,
            "BENCH_CACHE_PREFIX": prefix,
            "RENDITIONS_CACHE_URL": "locmemcache://renditions",
            "APP_CACHE": "true" if app_cache else "false",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def build_site(processes: Processes, workdir: Path, *, spread: int, port_hint: int = 8000) -> Site:
    """Migrate a SQLite database in ``workdir``, seed the pages and ``spread`` more articles."""
    env = django_env(workdir, app_cache=False)
    python = sys.executable
    step("Migrating a throwaway SQLite database")
    processes.run(
        "migrate",
        [python, "manage.py", "migrate", "--no-input", "-v0"],
        env=env,
        cwd=ROOT,
        timeout_seconds=SETUP_TIMEOUT_SECONDS,
    )
    step("Creating the article, the front page and the concept page")
    fixture = [python, "bench/article_fixture.py"]
    address = ["--host", HOST, "--port", str(port_hint)]
    seeded = last_json_line(
        processes.run(
            "creating the article",
            [*fixture, "seed", *address],
            env=env,
            cwd=ROOT,
            timeout_seconds=SETUP_TIMEOUT_SECONDS,
        )
    )
    spread_file = workdir / "spread.txt"
    if spread:
        step(f"Creating {spread:,} more articles for the spread (a few minutes)")
        processes.run(
            "creating the spread",
            [*fixture, "spread", *address, "--count", str(spread), "--out", str(spread_file)],
            env=env,
            cwd=ROOT,
            timeout_seconds=SETUP_TIMEOUT_SECONDS,
        )
        paths = spread_file.read_text().split()
    else:
        spread_file.write_text("")
        paths = []
    step("Collecting static files with the production storage")
    processes.run(
        "collectstatic",
        [python, "manage.py", "collectstatic", "--no-input", "-v0"],
        env=env,
        cwd=ROOT,
        timeout_seconds=SETUP_TIMEOUT_SECONDS,
    )
    return Site(article_path=seeded["path"], spread_paths=paths, spread_file=spread_file)


def start_gunicorn(
    processes: Processes, workdir: Path, *, name: str, env: dict[str, str], port: int = 0
) -> tuple[str, Any]:
    """Start gunicorn as production runs it (deploy/gunicorn.conf.py) on ``port``, else a free one.

    Returns its base URL and process.
    """
    port = port or free_port()
    step(f"Starting gunicorn ({name}) with {GUNICORN_WORKERS} sync workers on {HOST}:{port}")
    log = workdir / f"gunicorn-{name}.log"
    process = processes.start(
        f"gunicorn ({name})",
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            f"--config={GUNICORN_CONFIG}",
            f"--workers={GUNICORN_WORKERS}",
            f"--bind={HOST}:{port}",
            "--graceful-timeout=5",
            "--no-control-socket",
        ],
        env=env,
        cwd=ROOT,
        log_path=log,
    )
    url = f"http://{HOST}:{port}"
    wait_until(url + "/healthz", process, name=f"gunicorn ({name})", log_path=log)
    return url, process


def start_varnish(processes: Processes, workdir: Path, *, backend_port: int) -> str:
    """Start varnishd with deploy/varnish/default.vcl in front of the backend; return its URL."""
    if not Path(VARNISHD).exists():
        raise BenchError(MISSING)
    folder = workdir / "varnish"
    folder.mkdir()
    vcl = write_vcl(folder, backend_host=HOST, backend_port=backend_port)
    port = free_port()
    step(f"Starting varnishd on {HOST}:{port}")
    log = folder / "varnishd.log"
    process = processes.start(
        "varnishd",
        varnishd_argv(folder, vcl=vcl, port=port, storage="malloc,256m"),
        env=dict(os.environ),
        cwd=folder,
        log_path=log,
    )
    url = f"http://{HOST}:{port}"
    # Ready once the health probe has found the backend: /healthz goes through to it.
    wait_until(url + "/healthz", process, name="varnishd", log_path=log)
    return url


def wait_until_healthy(varnish: str, *, seconds: float = READY_SECONDS) -> None:
    """Wait until Varnish's health probe finds the origin healthy (after a load, it may not)."""
    deadline = time.monotonic() + seconds
    while fetch(varnish + "/healthz").status != 200:
        if time.monotonic() > deadline:
            raise BenchError(f"Varnish did not find the origin healthy within {seconds:g} s.")
        time.sleep(0.3)


def start_nginx(
    processes: Processes, workdir: Path, *, pages: dict[str, bytes], gzipped: bool = False
) -> str:
    """Save each page under its path and serve them with nginx; return its URL.

    With ``gzipped``, each body is the gzip a cache sent: nginx answers clients that accept gzip
    with those very bytes (``gzip_static``) and the rest with the body unpacked.
    """
    nginx = required_binary(
        "nginx", ["nginx", "/usr/sbin/nginx"], install="bash scripts/system-deps.sh wrk nginx"
    )
    prefix = workdir / "nginx"
    html = prefix / "html"
    html.mkdir(parents=True)
    (prefix / "temp").mkdir()
    for path, body in pages.items():
        folder = html / path.strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        if gzipped:
            (folder / "index.html.gz").write_bytes(body)
            (folder / "index.html").write_bytes(gzip.decompress(body))
        else:
            (folder / "index.html").write_bytes(body)
    port = free_port()
    (prefix / "nginx.conf").write_text(
        nginx_site_config(prefix=prefix, port=port, workers=NGINX_WORKERS, gzip_static=gzipped)
    )
    # Run as root, nginx's workers drop to an unprivileged user that must read the pages.
    for folder in (workdir, prefix):
        folder.chmod(0o755)
    for dirpath, _dirnames, filenames in os.walk(html):
        os.chmod(dirpath, 0o755)  # noqa: S103 - nginx's unprivileged workers read these
        for filename in filenames:
            os.chmod(os.path.join(dirpath, filename), 0o644)
    step(f"Starting nginx with {NGINX_WORKERS} workers on {HOST}:{port}")
    log = prefix / "error.log"
    process = processes.start(
        "nginx",
        [
            nginx,
            "-p",
            str(prefix),
            "-c",
            str(prefix / "nginx.conf"),
            "-e",
            str(log),
            "-g",
            "daemon off;",
        ],
        env=dict(os.environ),
        cwd=prefix,
        log_path=prefix / "stdout.log",
    )
    url = f"http://{HOST}:{port}"
    first = next(iter(pages))
    wait_until(url + first, process, name="nginx", log_path=log)
    served = fetch(url + first, headers={"Accept-Encoding": "gzip"} if gzipped else None).body
    if served != pages[first]:
        raise BenchError(f"nginx does not serve {first} byte for byte as saved.")
    return url


def wait_until(url: str, process: Any, *, name: str, log_path: Path) -> bytes:
    """Return the body of ``url`` once it answers 200; raise BenchError if it never does."""
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(
                f"{name} exited with code {process.returncode} before serving {url}:\n"
                f"{tail(log_path)}"
            )
        try:
            answer = fetch(url, timeout=5)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
            continue
        if answer.status == 200:
            return answer.body
        time.sleep(0.2)
    raise BenchError(f"{name} did not serve {url} within {READY_SECONDS:g} s:\n{tail(log_path)}")


def fetch_all(
    base: str, paths: list[str], *, threads: int = 4, headers: dict[str, str] | None = None
) -> dict[str, Response]:
    """GET every path from ``base`` with a few threads; raise BenchError on any non-200."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=threads) as pool:
        answers = dict(
            zip(paths, pool.map(lambda p: fetch(base + p, headers=headers), paths), strict=True)
        )
    failed = [
        f"{path} ({answer.status})" for path, answer in answers.items() if answer.status != 200
    ]
    if failed:
        raise BenchError(
            f"{len(failed)} of {len(paths)} pages failed at {base}: " + ", ".join(failed[:5])
        )
    return answers


def clear_redis_prefix(prefix: str) -> int:
    """Delete the run's keys from the shared Redis; return how many there were."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    removed = 0
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        removed += int(client.delete(key))
    return removed


def last_json_line(output: str) -> dict[str, Any]:
    lines = output.strip().splitlines()
    try:
        data: dict[str, Any] = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError) as error:
        raise BenchError(f"Expected a JSON line from the site script, got:\n{output}") from error
    return data
