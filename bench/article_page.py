"""Measure the article page served by Broadsheet against nginx serving the same HTML.

    .venv/bin/python bench/article_page.py [--duration 10] [--connections 16] [--threads 2]
                                           [--rounds 3] [--record]

Builds a throwaway site in a temporary folder, serves it with gunicorn and the production
settings, saves the article as served, serves that file with nginx, and loads both with wrk,
alternating them round by round. Prints the medians, writes bench/results/*.json, and with
--record adds the run to docs/benchmarks-article.md and redraws docs/benchmarks-article.svg. Every process it
starts is stopped before it exits, on success, failure or Ctrl-C. All traffic stays on 127.0.0.1.
"""

# ruff: noqa: E402 - the repository root goes on sys.path before the bench package is imported.

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import stack
from bench.article_fixture import EXPECTED_MARKUP
from bench.machine import this_machine, tool_versions
from bench.nginx import HTML_NAME, nginx_config
from bench.processes import BenchError, Processes, free_port, run_as_command, tail
from bench.report import Run, console_table, record_run, summarise
from bench.wrk import WrkResult, parse_wrk_output, wrk_command

HOST = "127.0.0.1"
WORKERS = 2
RESULTS_DIR = ROOT / "bench" / "results"
DOCUMENT_PATH = ROOT / "docs" / "benchmarks-article.md"
CHART_PATH = ROOT / "docs" / "benchmarks-article.svg"
READY_SECONDS = 60.0
WARM_REQUESTS = 20
WARMUP_SECONDS = 2
SETUP_TIMEOUT_SECONDS = 600.0
INSTALL = "bash scripts/system-deps.sh wrk nginx"
OPTIONS_FROM_ENV = {
    "duration": ("BENCH_DURATION", 10),
    "connections": ("BENCH_CONNECTIONS", 16),
    "threads": ("BENCH_THREADS", 2),
    "rounds": ("BENCH_ROUNDS", 3),
}
"""Each numeric option, the variable that may set it, and its default."""

# Never through a proxy: every request of this script goes to the loopback interface.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Measurement:
    round: int
    target: str
    """"app" or "nginx"."""
    result: WrkResult


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    measurements: list[Measurement]
    queries_per_render: int
    queries_first_render: int
    html_bytes: int
    article: dict[str, Any]
    """What the site script said of the article it made: id, path and title."""


def main(argv: list[str]) -> int:
    try:
        options = parse_options(argv, os.environ)
    except ValueError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    return run_as_command(lambda: benchmark(options, argv))


def parse_options(argv: list[str], environ: Mapping[str, str]) -> argparse.Namespace:
    """Return the options, each numeric one from its flag, else its variable, else its default.

    Raises ValueError naming the variable or flag whose value is not a positive whole number.
    """
    parser = argparse.ArgumentParser(
        prog="bench/article_page.py", description=__doc__.splitlines()[0]
    )
    for name, (variable, default) in OPTIONS_FROM_ENV.items():
        parser.add_argument(
            f"--{name}",
            type=int,
            default=None,
            help=f"default: ${variable}, else {default}",
        )
    parser.add_argument(
        "--record",
        action="store_true",
        help="add the run to docs/benchmarks-article.md and redraw docs/benchmarks-article.svg",
    )
    options = parser.parse_args(argv)
    for name, (variable, default) in OPTIONS_FROM_ENV.items():
        value = getattr(options, name)
        source = f"--{name}"
        if value is None:
            raw = environ.get(variable, "")
            source = variable
            try:
                value = int(raw) if raw.strip() else default
            except ValueError:
                raise ValueError(f"{variable}={raw!r} is not a whole number.") from None
        if value < 1:
            raise ValueError(f"{source} must be at least 1, not {value}.")
        setattr(options, name, value)
    if options.connections < options.threads:
        raise ValueError(
            f"wrk needs at least one connection per thread: {options.connections} connections "
            f"for {options.threads} threads."
        )
    return options


def benchmark(options: argparse.Namespace, argv: list[str]) -> int:
    """Run the whole benchmark; return the exit code. Raises BenchError when a step fails."""
    wrk = stack.required_binary("wrk", ["wrk"], install=INSTALL)
    nginx = stack.required_binary("nginx", ["nginx", "/usr/sbin/nginx"], install=INSTALL)
    started_at = datetime.now(UTC)
    # Taken before the servers start, so the load average is that of everything else.
    machine = this_machine()
    workdir = Path(tempfile.mkdtemp(prefix="broadsheet-bench-"))
    try:
        with Processes() as processes:
            outcome = _measure(options, processes=processes, workdir=workdir, wrk=wrk, nginx=nginx)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    run = Run(
        recorded_at=f"{started_at:%Y-%m-%d %H:%M} UTC",
        command=command_line(argv, os.environ),
        load=" ".join(
            wrk_command(
                "URL",
                threads=options.threads,
                connections=options.connections,
                duration_seconds=options.duration,
            )[:-1]
        ),
        rounds=options.rounds,
        machine=machine,
        app=summarise([m.result for m in outcome.measurements if m.target == "app"]),
        nginx=summarise([m.result for m in outcome.measurements if m.target == "nginx"]),
        queries_per_render=outcome.queries_per_render,
        queries_first_render=outcome.queries_first_render,
        html_bytes=outcome.html_bytes,
    )
    print()
    print(console_table(run))
    print()
    print(
        f"SQL queries per article render: {run.queries_per_render} "
        f"({run.queries_first_render} on the first render in a fresh process)"
    )
    results_path = _write_results(
        run, outcome, started_at, versions=tool_versions(nginx=nginx, wrk=wrk)
    )
    print(f"Results: {results_path.relative_to(ROOT)}")
    if options.record:
        record_run(run, document_path=DOCUMENT_PATH, chart_path=CHART_PATH)
        print(f"Recorded in {DOCUMENT_PATH.relative_to(ROOT)} and {CHART_PATH.relative_to(ROOT)}")
    return 0


def _measure(
    options: argparse.Namespace, *, processes: Processes, workdir: Path, wrk: str, nginx: str
) -> Outcome:
    app_port = free_port()
    nginx_port = free_port()
    while nginx_port == app_port:
        nginx_port = free_port()
    env = _django_env(workdir)
    python = sys.executable

    stack.step("Migrating a throwaway SQLite database")
    processes.run(
        "migrate",
        [python, "manage.py", "migrate", "--no-input", "-v0"],
        env=env,
        cwd=ROOT,
        timeout_seconds=SETUP_TIMEOUT_SECONDS,
    )
    stack.step("Creating the article")
    seeded = stack.last_json_line(
        processes.run(
            "creating the article",
            [python, "bench/article_fixture.py", "seed", "--host", HOST, "--port", str(app_port)],
            env=env,
            cwd=ROOT,
            timeout_seconds=SETUP_TIMEOUT_SECONDS,
        )
    )
    path = seeded["path"]
    stack.step("Collecting static files with the production storage")
    processes.run(
        "collectstatic",
        [python, "manage.py", "collectstatic", "--no-input", "-v0"],
        env=env,
        cwd=ROOT,
        timeout_seconds=SETUP_TIMEOUT_SECONDS,
    )

    stack.step(f"Starting gunicorn with {WORKERS} workers on {HOST}:{app_port}")
    gunicorn_log = workdir / "gunicorn.log"
    gunicorn = processes.start(
        "gunicorn",
        [
            python,
            "-m",
            "gunicorn",
            "--config=deploy/gunicorn.conf.py",
            "config.wsgi:application",
            f"--workers={WORKERS}",
            f"--bind={HOST}:{app_port}",
            "--graceful-timeout=5",
            "--no-control-socket",
        ],
        env=env,
        cwd=ROOT,
        log_path=gunicorn_log,
    )
    app_url = f"http://{HOST}:{app_port}{path}"
    _wait_until_served(app_url, gunicorn, name="gunicorn", log_path=gunicorn_log)
    for _ in range(WARM_REQUESTS):
        _fetch(app_url)
    renditions = list((workdir / "media").glob("images/*"))
    if not renditions:
        raise BenchError(f"No image renditions were made in {workdir / 'media'} while warming.")
    html = _fetch(app_url)
    _check_representative(html, url=app_url)

    stack.step(f"Starting nginx with {WORKERS} workers on {HOST}:{nginx_port}")
    prefix = workdir / "nginx"
    nginx_log = prefix / "error.log"
    _prepare_nginx(prefix, html=html, port=nginx_port)
    nginx_process = processes.start(
        "nginx",
        [
            nginx,
            "-p",
            str(prefix),
            "-c",
            str(prefix / "nginx.conf"),
            "-e",
            str(nginx_log),
            "-g",
            "daemon off;",
        ],
        env=dict(os.environ),
        cwd=prefix,
        log_path=prefix / "stdout.log",
    )
    nginx_url = f"http://{HOST}:{nginx_port}{path}"
    served = _wait_until_served(nginx_url, nginx_process, name="nginx", log_path=nginx_log)
    if served != html:
        raise BenchError("nginx does not serve the saved article byte for byte.")

    stack.step("Counting SQL queries per article render")
    queries = stack.last_json_line(
        processes.run(
            "counting queries",
            [
                python,
                "bench/article_fixture.py",
                "count-queries",
                "--host",
                HOST,
                "--port",
                str(app_port),
                "--path",
                path,
            ],
            env=env,
            cwd=ROOT,
            timeout_seconds=SETUP_TIMEOUT_SECONDS,
        )
    )

    targets = {"app": (app_url, gunicorn), "nginx": (nginx_url, nginx_process)}
    stack.step(f"Warming both servers with wrk for {WARMUP_SECONDS} s each")
    for target, (url, _process) in targets.items():
        _load(processes, url, wrk=wrk, options=options, duration=WARMUP_SECONDS, target=target)
    measurements = []
    for number in range(1, options.rounds + 1):
        for target, (url, process) in targets.items():
            if process.poll() is not None:
                raise BenchError(f"{target} stopped during the run (exit {process.returncode}).")
            result = _load(
                processes, url, wrk=wrk, options=options, duration=options.duration, target=target
            )
            print(
                f"  round {number}/{options.rounds}  {target:<5}  "
                f"{result.requests_per_second:>10,.0f} req/s  "
                f"p50 {result.latency_p50_ms:8.2f} ms  p99 {result.latency_p99_ms:8.2f} ms"
                + (f"  ({result.socket_errors} socket errors)" if result.socket_errors else "")
            )
            measurements.append(Measurement(round=number, target=target, result=result))
    return Outcome(
        measurements=measurements,
        queries_per_render=queries["per_render"],
        queries_first_render=queries["first_render"],
        html_bytes=len(html),
        article=seeded,
    )


def _load(
    processes: Processes,
    url: str,
    *,
    wrk: str,
    options: argparse.Namespace,
    duration: int,
    target: str,
) -> WrkResult:
    argv = wrk_command(
        url, threads=options.threads, connections=options.connections, duration_seconds=duration
    )
    output = processes.run(
        f"wrk against {target}",
        [wrk, *argv[1:]],
        env=dict(os.environ),
        cwd=ROOT,
        timeout_seconds=duration + 60,
    )
    result = parse_wrk_output(output)
    if result.error_responses:
        raise BenchError(
            f"{target} answered {result.error_responses} of {result.requests} requests with an "
            f"error status; the measurement is void.\n{output}"
        )
    return result


def command_line(argv: list[str], environ: Mapping[str, str]) -> str:
    """Return the command that reproduces this run, with any BENCH_* variable that was set."""
    return stack.command_line(
        "bench/article_page.py", argv, environ, variables=(v for v, _ in OPTIONS_FROM_ENV.values())
    )


def _django_env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            # Production refuses short or development keys; this one lives for one run.
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            # Plain HTTP on the loopback: no redirect to https.
            "SECURE_SSL_REDIRECT": "false",
            "DEBUG": "false",
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
            "CACHE_URL": "locmemcache://",
            "RENDITIONS_CACHE_URL": "locmemcache://renditions",
            # This benchmark measures the origin's render; the app cache would answer instead.
            "APP_CACHE": "false",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def _prepare_nginx(prefix: Path, *, html: bytes, port: int) -> None:
    (prefix / "html").mkdir(parents=True)
    (prefix / "temp").mkdir()
    (prefix / "html" / HTML_NAME).write_bytes(html)
    (prefix / "nginx.conf").write_text(nginx_config(prefix=prefix, port=port, workers=WORKERS))
    # Run as root, nginx's workers drop to an unprivileged user that must read the page.
    for folder in (prefix.parent, prefix, prefix / "html"):
        folder.chmod(0o755)
    (prefix / "html" / HTML_NAME).chmod(0o644)


def _wait_until_served(
    url: str, process: subprocess.Popen[bytes], *, name: str, log_path: Path
) -> bytes:
    """Return the body of ``url`` once it answers 200; raise BenchError if it never does."""
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(
                f"{name} exited with code {process.returncode} before serving {url}:\n"
                f"{tail(log_path)}"
            )
        try:
            return _fetch(url)
        except urllib.error.HTTPError as error:
            raise BenchError(
                f"{name} answered {url} with {error.code}, not 200:\n{tail(log_path)}"
            ) from error
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise BenchError(f"{name} did not serve {url} within {READY_SECONDS:g} s:\n{tail(log_path)}")


def _fetch(url: str) -> bytes:
    with _opener.open(url, timeout=30) as response:
        body: bytes = response.read()
        return body


def _check_representative(html: bytes, *, url: str) -> None:
    text = html.decode()
    wrong = [
        f"{markup} {text.count(markup)} times instead of {expected}"
        for markup, expected in EXPECTED_MARKUP.items()
        if text.count(markup) != expected
    ]
    if wrong:
        raise BenchError(
            f"The article at {url} is not the one expected: it has " + "; ".join(wrong)
        )


def _write_results(
    run: Run, outcome: Outcome, started_at: datetime, *, versions: dict[str, str]
) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"article_page-{started_at:%Y%m%dT%H%M%SZ}.json"
    data = {
        **dataclasses.asdict(run),
        "throughput_ratio": run.throughput_ratio,
        "latency_p50_ratio": run.latency_ratio,
        "versions": versions,
        "article": outcome.article,
        "rounds": [dataclasses.asdict(m) for m in outcome.measurements],
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
