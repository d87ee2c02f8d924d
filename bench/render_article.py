"""Time the article page rendered in process: Django's test client through the whole middleware
stack, the app cache off, the benchmark's article (bench/article_fixture.py).

    .venv/bin/python bench/render_article.py [--renders 500] [--warmup 50] [--instructions]

Builds a throwaway SQLite site in a temporary folder (production settings, as bench/article_page.py
does), then renders the article ``--renders`` times after ``--warmup`` renders in one child
process, and prints the median, the 90th percentile and the SQL queries of one render, with the
load average, beside the same article served by Wagtail's ``serve`` (``config.wagtail_serve_urls``)
in alternating rounds. The child freezes the garbage collector's view of what Django loaded
(``gc.freeze()``) right after setup, as ``deploy/gunicorn.conf.py`` does in each production worker.
``measure_render()`` does the same for a caller (``make bench``); given ``env``
and ``path`` of a site it has already seeded, it only measures.

``--instructions`` also counts the CPU instructions of one lean render with Valgrind's
cachegrind (Debian's ``valgrind``: ``bash scripts/system-deps.sh valgrind``): the child runs
twice under it, with ``INSTRUCTION_RENDERS`` renders more the second time, and the difference is
divided by them. Unlike milliseconds, the count does not move with the speed of a shared host,
so it shows what a change to the code saved (about a minute more).
"""

# ruff: noqa: E402 - the repository root goes on sys.path before the bench package is imported.

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.article_fixture import EXPECTED_MARKUP
from bench.chart import Bar, Panel, bar_chart_svg

INSTRUCTION_RENDERS = 50
"""Renders more in the second cachegrind run than in the first: their difference is counted."""
HOST = "127.0.0.1"
PORT = 8123
"""The site's port in the throwaway database; nothing listens on it (requests stay in process)."""
RENDERS = 500
WARMUP = 50
TIMEOUT_SECONDS = 900.0


class RenderBenchError(RuntimeError):
    """A step failed; the message says which and shows its output."""


def measure_render(
    *,
    renders: int = RENDERS,
    warmup: int = WARMUP,
    env: Mapping[str, str] | None = None,
    path: str | None = None,
    host: str | None = None,
    instructions: bool = False,
) -> dict[str, Any]:
    """Render the benchmark article ``renders`` times in a child process and return the timing.

    Without ``env`` and ``path``, a throwaway site is built in a temporary folder first. With
    them, ``env`` must select settings and a database holding the article at ``path`` (served
    for ``host``, ``host:port``). Returns, for the lean route, ``median_ms``, ``p90_ms``,
    ``mean_ms``, ``renders``, ``queries_per_render`` and ``route`` (the URL name that served
    it); for the same article through Wagtail's serve, rendered in alternating rounds,
    ``wagtail_median_ms``, ``wagtail_queries_per_render`` and ``lean_to_wagtail`` (the ratio of
    medians); ``html_bytes`` and ``load_average`` (1, 5 and 15 minutes, read at the end).
    Raises RenderBenchError when a step fails or the page is not the representative one.
    """
    if (env is None) != (path is None):
        raise ValueError("Give both env and path (a seeded site), or neither.")
    if env is not None and path is not None:
        return _measure(
            dict(env),
            path=path,
            host=host or f"{HOST}:{PORT}",
            renders=renders,
            warmup=warmup,
            instructions=instructions,
        )
    with tempfile.TemporaryDirectory(prefix="broadsheet-render-") as folder:
        workdir = Path(folder)
        child_env = django_env(workdir)
        _run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"], env=child_env)
        # The production storage names static files from its manifest.
        _run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], env=child_env)
        seeded = _last_json_line(
            _run(
                [
                    sys.executable,
                    "bench/article_fixture.py",
                    "seed",
                    "--host",
                    HOST,
                    "--port",
                    str(PORT),
                ],
                env=child_env,
            )
        )
        return _measure(
            child_env,
            path=seeded["path"],
            host=f"{HOST}:{PORT}",
            renders=renders,
            warmup=warmup,
            instructions=instructions,
        )


def django_env(workdir: Path) -> dict[str, str]:
    """Return the environment of a production-settings child on a throwaway SQLite database."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DEBUG": "false",
            "DATABASE_URL": f"sqlite:///{workdir / 'render.sqlite3'}",
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
            "CACHE_URL": "locmemcache://",
            "RENDITIONS_CACHE_URL": "locmemcache://renditions",
            # The render is measured, not the app cache answering for it.
            "APP_CACHE": "false",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def _measure(
    env: dict[str, str], *, path: str, host: str, renders: int, warmup: int, instructions: bool
) -> dict[str, Any]:
    valgrind = shutil.which("valgrind") if instructions else None
    if instructions and valgrind is None:
        raise RenderBenchError(
            "--instructions needs Valgrind: bash scripts/system-deps.sh valgrind, then rerun."
        )
    result = _measure_in_child(env, path=path, host=host, renders=renders, warmup=warmup)
    if valgrind is not None:
        counts = [
            _instructions(valgrind, env, path=path, host=host, renders=count, warmup=warmup)
            for count in (10, 10 + INSTRUCTION_RENDERS)
        ]
        result["instructions_per_render"] = (counts[1] - counts[0]) // INSTRUCTION_RENDERS
    return result


def _instructions(
    valgrind: str, env: dict[str, str], *, path: str, host: str, renders: int, warmup: int
) -> int:
    """Return the instructions cachegrind counts in a child that renders ``renders`` times."""
    argv = [
        valgrind,
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        *_child_argv(path=path, host=host, renders=renders, warmup=min(warmup, 20)),
        "--count-only",
    ]
    found = re.search(r"I\s+refs:\s+([\d,]+)", _run(argv, env=env, output="stderr"))
    if found is None:
        raise RenderBenchError("cachegrind printed no instruction count (I refs).")
    return int(found.group(1).replace(",", ""))


def _measure_in_child(
    env: dict[str, str], *, path: str, host: str, renders: int, warmup: int
) -> dict[str, Any]:
    argv = _child_argv(path=path, host=host, renders=renders, warmup=warmup)
    return _last_json_line(_run(argv, env=env))


def _child_argv(*, path: str, host: str, renders: int, warmup: int) -> list[str]:
    return [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        *("--path", path, "--host", host),
        *("--renders", str(renders), "--warmup", str(warmup)),
    ]


def _run(argv: list[str], *, env: dict[str, str], output: str = "stdout") -> str:
    """Run ``argv`` to the end and return its ``output`` ("stdout" or "stderr")."""
    try:
        done = subprocess.run(
            argv,
            env=env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as expired:
        raise RenderBenchError(
            f"{' '.join(argv)} ran longer than {TIMEOUT_SECONDS} s."
        ) from expired
    if done.returncode != 0:
        raise RenderBenchError(
            f"{' '.join(argv)} failed (exit {done.returncode}):\n{done.stdout[-2000:]}"
            f"\n{done.stderr[-4000:]}"
        )
    return str(done.stderr if output == "stderr" else done.stdout)


def _last_json_line(output: str) -> dict[str, Any]:
    for line in reversed(output.strip().splitlines()):
        if line.startswith("{"):
            result: dict[str, Any] = json.loads(line)
            return result
    raise RenderBenchError(f"No JSON result in the output:\n{output[-2000:]}")


WAGTAIL_URLCONF = "config.wagtail_serve_urls"
"""The project's URLs without the lean route: the article served by Wagtail's ``serve``."""
ROUNDS = 10


def measure_here(*, path: str, host: str, renders: int, warmup: int) -> dict[str, Any]:
    """Render ``path`` in this process (Django set up) through the lean route and through
    Wagtail's serve, in alternating rounds, and return the timings and query counts."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import resolve

    client = Client(HTTP_HOST=host)
    routes = {"lean": settings.ROOT_URLCONF, "wagtail": WAGTAIL_URLCONF}

    def render(route: str) -> bytes:
        settings.ROOT_URLCONF = routes[route]
        response = client.get(path)
        if response.status_code != 200:
            raise RenderBenchError(f"{path} answered {response.status_code}, not 200.")
        if response.get("X-App-Cache"):
            raise RenderBenchError("The app cache answered: run with APP_CACHE=false.")
        return bytes(response.content)

    html = render("lean")
    if render("wagtail") != html:
        raise RenderBenchError("The lean route and Wagtail's serve answer different pages.")
    counts = {marker: html.decode().count(marker) for marker in EXPECTED_MARKUP}
    if counts != EXPECTED_MARKUP:
        raise RenderBenchError(f"The article is not the representative one: {counts}")
    queries = {}
    for route in routes:
        for _ in range(warmup):
            render(route)
        with CaptureQueriesContext(connection) as captured:
            render(route)
        # Read now: the next request resets the connection's query log the count is read from.
        queries[route] = len(captured.captured_queries)
    timings: dict[str, list[float]] = {route: [] for route in routes}
    per_round = max(1, renders // ROUNDS)
    for _ in range(ROUNDS):
        for route in routes:
            for _ in range(per_round):
                started = time.perf_counter_ns()
                render(route)
                timings[route].append((time.perf_counter_ns() - started) / 1e6)
    settings.ROOT_URLCONF = routes["lean"]
    lean, wagtail = sorted(timings["lean"]), sorted(timings["wagtail"])
    return {
        "median_ms": round(statistics.median(lean), 3),
        "p90_ms": round(lean[int(0.9 * (len(lean) - 1))], 3),
        "mean_ms": round(statistics.fmean(lean), 3),
        "renders": len(lean),
        "queries_per_render": queries["lean"],
        "route": resolve(path).url_name or "",
        "wagtail_median_ms": round(statistics.median(wagtail), 3),
        "wagtail_queries_per_render": queries["wagtail"],
        "lean_to_wagtail": round(statistics.median(lean) / statistics.median(wagtail), 3),
        "html_bytes": len(html),
        "load_average": [round(value, 2) for value in os.getloadavg()],
    }


def render_only(*, path: str, host: str, renders: int, warmup: int) -> None:
    """Render ``path`` through the lean route ``warmup`` then ``renders`` times, untimed (what
    cachegrind counts)."""
    from django.test import Client

    client = Client(HTTP_HOST=host)
    for _ in range(warmup + renders):
        if client.get(path).status_code != 200:
            raise RenderBenchError(f"{path} did not answer 200.")


def render_chart(result: dict[str, Any]) -> str:
    """Return an SVG chart of a result: median milliseconds and SQL queries, lean against Wagtail."""
    lean, wagtail = "#a4161a", "#6b7280"
    one, five, fifteen = result["load_average"]
    return bar_chart_svg(
        [
            Panel(
                title="Median render (ms, lower is better)",
                bars=(
                    Bar(
                        label="Lean article route",
                        value=result["median_ms"],
                        value_text=f"{result['median_ms']:.2f} ms",
                        colour=lean,
                    ),
                    Bar(
                        label="Wagtail's serve",
                        value=result["wagtail_median_ms"],
                        value_text=f"{result['wagtail_median_ms']:.2f} ms",
                        colour=wagtail,
                    ),
                ),
            ),
            Panel(
                title="SQL queries per render",
                bars=(
                    Bar(
                        label="Lean article route",
                        value=result["queries_per_render"],
                        value_text=str(result["queries_per_render"]),
                        colour=lean,
                    ),
                    Bar(
                        label="Wagtail's serve",
                        value=result["wagtail_queries_per_render"],
                        value_text=str(result["wagtail_queries_per_render"]),
                        colour=wagtail,
                    ),
                ),
            ),
        ],
        title="The benchmark article rendered in process",
        caption=f"{result['renders']} renders each, load average {one} {five} {fifteen}",
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=RENDERS)
    parser.add_argument("--warmup", type=int, default=WARMUP)
    parser.add_argument("--chart", type=Path, help="write an SVG chart of the result here")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the CPU instructions of one render with cachegrind (needs valgrind)",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--count-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    parser.add_argument("--host", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.renders < 1 or options.warmup < 0:
        parser.error("--renders must be at least 1 and --warmup at least 0.")
    if options.child:
        if not options.path or not options.host:
            parser.error("--child needs --path and --host")
        import gc

        import django

        django.setup()
        # As each production worker does once Django is loaded (deploy/gunicorn.conf.py).
        gc.freeze()
        if options.count_only:
            render_only(
                path=options.path,
                host=options.host,
                renders=options.renders,
                warmup=options.warmup,
            )
            return 0
        result = measure_here(
            path=options.path, host=options.host, renders=options.renders, warmup=options.warmup
        )
        print(json.dumps(result))
        return 0
    try:
        result = measure_render(
            renders=options.renders, warmup=options.warmup, instructions=options.instructions
        )
    except RenderBenchError as error:
        print(error, file=sys.stderr)
        return 1
    one, five, fifteen = result["load_average"]
    print(
        f"In-process article render, lean route: median {result['median_ms']:.2f} ms "
        f"(p90 {result['p90_ms']:.2f} ms) over {result['renders']} renders, "
        f"{result['queries_per_render']} SQL queries\n"
        f"Wagtail's serve, same article: median {result['wagtail_median_ms']:.2f} ms, "
        f"{result['wagtail_queries_per_render']} SQL queries "
        f"(lean/Wagtail {result['lean_to_wagtail']:.2f})\n"
        f"Load average {one} {five} {fifteen}"
    )
    if "instructions_per_render" in result:
        print(
            f"Instructions per lean render (cachegrind): "
            f"{result['instructions_per_render'] / 1e6:.2f} million"
        )
    print(json.dumps(result))
    if options.chart:
        options.chart.write_text(render_chart(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
