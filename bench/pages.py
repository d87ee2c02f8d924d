"""Serve the article, front and concept pages five ways and compare: `make bench`.

    .venv/bin/python bench/pages.py [--duration 5] [--connections 16] [--threads 2]
                                    [--rounds 3] [--spread 1000] [--encoding gzip]
                                    [--record]

(a) origin: gunicorn renders every request, app cache off;
(b) app cache: gunicorn answers from the app cache (Redis, shared by the workers);
(c) Varnish (deploy/varnish/default.vcl) in front of the origin, answering from its cache;
(d) nginx serving the same HTML from files: the practical limit for these bytes;
(e) a bare Django view returning three bytes through the same gunicorn and middleware: the
    limit of anything Django serves.

Every request asks for gzip as browsers do (``--encoding identity`` asks for nothing): Varnish and
the app cache answer with the gzip they keep, and nginx with the same bytes saved beside the page
(``gzip_static``). Each of the three pages is loaded in modes (a) to (d); "spread" loads (a) to (d) rotating over
``--spread`` generated articles (bench/rotate.lua). Rounds alternate every target. Prints the
medians and the ratios (c)/(d) and (b)/(e) against the 0.8 targets; --record adds the run to
docs/benchmarks.md and redraws docs/benchmarks.svg. Every process it starts is stopped before
it exits; all traffic stays on 127.0.0.1.
"""

# ruff: noqa: E402 - the repository root goes on sys.path before the bench package is imported.

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import secrets
import shlex
import shutil
import statistics
import sys
import tempfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.article_fixture import EXPECTED_MARKUP
from bench.chart import Bar, Panel, bar_chart_svg
from bench.machine import this_machine, tool_versions
from bench.processes import BenchError, Processes, run_as_command
from bench.report import Machine, Summary, format_ms, format_rate, format_ratio, summarise
from bench.report import _write_atomically as write_atomically
from bench.stack import (
    BARE_BODY,
    BARE_PATH,
    GUNICORN_WORKERS,
    NGINX_WORKERS,
    REDIS_URL,
    build_site,
    clear_redis_prefix,
    django_env,
    fetch,
    fetch_all,
    required_binary,
    start_gunicorn,
    start_nginx,
    start_varnish,
    step,
)
from bench.stack import (
    command_line as reproducing_command,
)
from bench.wrk import WrkResult, parse_wrk_output, wrk_command

RESULTS_DIR = ROOT / "bench" / "results"
DOCUMENT_PATH = ROOT / "docs" / "benchmarks.md"
CHART_PATH = ROOT / "docs" / "benchmarks.svg"
ROTATE_SCRIPT = ROOT / "bench" / "rotate.lua"
PAGES_MARKER = "<!-- bench pages: new runs go below this line, newest first -->"
TARGET_RATIO = 0.8
PAGE_S_MAXAGE = 3600
"""Seconds Varnish and the app cache keep a page fresh during a run (production: 300)."""
WARMUP_SECONDS = 2
OPTIONS_FROM_ENV = {
    "duration": ("BENCH_DURATION", 5),
    "connections": ("BENCH_CONNECTIONS", 16),
    "threads": ("BENCH_THREADS", 2),
    "rounds": ("BENCH_ROUNDS", 3),
    "spread": ("BENCH_SPREAD", 1000),
}
"""Each numeric option, the variable that may set it, and its default."""

MODES = {
    "a": "(a) origin render, caches off",
    "b": "(b) app cache hit (Redis)",
    "c": "(c) Varnish hit",
    "d": "(d) nginx, same HTML from a file",
    "e": "(e) bare Django view",
}
COLOURS = {"a": "#a4161a", "b": "#e07a1f", "c": "#2f6f4f", "d": "#4a5560", "e": "#6b4c9a"}
PAGES = ("article", "front", "concept", "spread")
ENCODINGS = ("gzip", "identity")
PAGE_TITLES = {
    "article": "Article page",
    "front": "Front page",
    "concept": "Concept page",
    "spread": "Articles, spread",
}


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    mode: str
    page: str
    """One of PAGES, or "bare" for mode (e)."""
    url: str
    rotate: Path | None = None
    """The file of paths wrk rotates over (the spread), or None for one URL."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Ratio:
    label: str
    value: float

    @property
    def verdict(self) -> str:
        return "PASS" if self.value >= TARGET_RATIO else "MISS"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class PagesRun:
    recorded_at: str
    command: str
    load: str
    rounds: int
    spread: int
    machine: Machine
    load_after: float
    """The one-minute load average when the measurements ended."""
    summaries: dict[str, Summary]
    """By "mode:page", e.g. "c:article" or "e:bare"."""
    html_bytes: dict[str, int]
    """The bytes of each page's body as sent: gzip, unless ``encoding`` is "identity"."""
    encoding: str = "gzip"
    """What the requests accepted: "gzip" (Accept-Encoding: gzip) or "identity" (nothing)."""
    servers: str = ""
    """How the servers ran: gunicorn's and nginx's workers."""

    def summary(self, mode: str, page: str) -> Summary | None:
        return self.summaries.get(f"{mode}:{'bare' if mode == 'e' else page}")

    def ratios(self) -> list[Ratio]:
        found = []
        bare = self.summaries.get("e:bare")
        for page in PAGES:
            varnish, nginx, cached = (self.summary(m, page) for m in ("c", "d", "b"))
            if varnish and nginx:
                found.append(
                    Ratio(
                        label=f"{page}: (c) Varnish / (d) nginx",
                        value=varnish.requests_per_second / nginx.requests_per_second,
                    )
                )
            if cached and bare:
                found.append(
                    Ratio(
                        label=f"{page}: (b) app cache / (e) bare Django",
                        value=cached.requests_per_second / bare.requests_per_second,
                    )
                )
        return found


def main(argv: list[str]) -> int:
    try:
        options = parse_options(argv, os.environ)
    except ValueError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    return run_as_command(lambda: benchmark(options, argv))


def parse_options(argv: list[str], environ: Mapping[str, str]) -> argparse.Namespace:
    """Return the options, each numeric one from its flag, else its variable, else its default.

    Raises ValueError naming the variable or flag whose value is not a whole number in range.
    """
    parser = argparse.ArgumentParser(prog="bench/pages.py", description=__doc__.splitlines()[0])
    for name, (variable, default) in OPTIONS_FROM_ENV.items():
        parser.add_argument(
            f"--{name}", type=int, default=None, help=f"default: ${variable}, else {default}"
        )
    parser.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default=environ.get("BENCH_ENCODING") or "gzip",
        help="what every request accepts: gzip, as browsers do (default, or $BENCH_ENCODING), "
        "or identity (no Accept-Encoding)",
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help="add the run to docs/benchmarks.md and redraw docs/benchmarks.svg",
    )
    options = parser.parse_args(argv)
    if options.encoding not in ENCODINGS:
        raise ValueError(f"BENCH_ENCODING must be one of {', '.join(ENCODINGS)}.")
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
        least = 0 if name == "spread" else 1
        if value < least:
            raise ValueError(f"{source} must be at least {least}, not {value}.")
        setattr(options, name, value)
    if options.connections < options.threads:
        raise ValueError(
            f"wrk needs at least one connection per thread: {options.connections} connections "
            f"for {options.threads} threads."
        )
    return options


def benchmark(options: argparse.Namespace, argv: list[str]) -> int:
    wrk = required_binary("wrk", ["wrk"], install="bash scripts/system-deps.sh wrk nginx")
    started_at = datetime.now(UTC)
    machine = this_machine()
    workdir = Path(tempfile.mkdtemp(prefix="broadsheet-bench-pages-"))
    prefix = f"bench-{secrets.token_hex(6)}"
    try:
        with Processes() as processes:
            summaries, html_bytes = _measure(
                options, processes=processes, workdir=workdir, wrk=wrk, prefix=prefix
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        try:
            clear_redis_prefix(prefix)
        except Exception as error:  # a leftover key is not worth failing the run
            print(f"bench: could not clear the run's Redis keys ({error}).", file=sys.stderr)
    run = PagesRun(
        recorded_at=f"{started_at:%Y-%m-%d %H:%M} UTC",
        command=command_line(argv, os.environ),
        load=shlex.join(
            wrk_command(
                "URL",
                threads=options.threads,
                connections=options.connections,
                duration_seconds=options.duration,
                headers=request_headers(options.encoding),
            )[:-1]
        ),
        rounds=options.rounds,
        spread=options.spread,
        machine=machine,
        load_after=os.getloadavg()[0],
        summaries=summaries,
        html_bytes=html_bytes,
        encoding=options.encoding,
        servers=(
            f"gunicorn with deploy/gunicorn.conf.py, {GUNICORN_WORKERS} sync workers, "
            f"for (a), (b) and (e); nginx with {NGINX_WORKERS} workers; varnishd's "
            "default threads"
        ),
    )
    print()
    print(console_report(run))
    if options.record:
        record(run, document_path=DOCUMENT_PATH, chart_path=CHART_PATH)
        print(f"Recorded in {DOCUMENT_PATH.relative_to(ROOT)} and {CHART_PATH.relative_to(ROOT)}")
    try:
        versions = tool_versions(nginx="nginx", wrk=wrk)
    except Exception as error:  # the measurements matter more than the version list
        versions = {"error": str(error)}
    results = _write_results(run, started_at, versions=versions)
    print(f"Results: {results.relative_to(ROOT)}")
    return 0


def _measure(
    options: argparse.Namespace, *, processes: Processes, workdir: Path, wrk: str, prefix: str
) -> tuple[dict[str, Summary], dict[str, int]]:
    site = build_site(processes, workdir, spread=options.spread)
    # (b) and (c) measure hits: no page may expire during the run, which lasts longer than the
    # default five minutes of s-maxage on a busy machine.
    origin_env = django_env(workdir, app_cache=False)
    cached_env = django_env(workdir, app_cache=True, cache_url=REDIS_URL, prefix=prefix)
    for env in (origin_env, cached_env):
        env["PAGE_S_MAXAGE"] = str(PAGE_S_MAXAGE)
    origin, _ = start_gunicorn(processes, workdir, name="origin", env=origin_env)
    cached, _ = start_gunicorn(processes, workdir, name="app cache", env=cached_env)
    varnish = start_varnish(processes, workdir, backend_port=int(origin.rsplit(":", 1)[1]))

    step("Warming: renditions, the app cache and Varnish; checking what each serves")
    pages = site.pages
    gzipped = options.encoding == "gzip"
    accept = dict(header.split(": ", 1) for header in request_headers(options.encoding))
    saved: dict[str, bytes] = {}
    for name, path in pages.items():
        for _ in range(4):
            fetch(origin + path)
        body = fetch(origin + path).body
        _check_page(name, body, url=origin + path)
        for _ in range(4):
            fetch(cached + path, headers=accept)
        hit = fetch(cached + path, headers=accept)
        if hit.headers.get("X-App-Cache") != "hit":
            raise BenchError(f"The app cache does not answer {path}: {hit.headers}")
        fetch(varnish + path, headers=accept)
        through = fetch(varnish + path, headers=accept)
        if through.headers.get("X-Cache") != "HIT":
            raise BenchError(f"Varnish does not answer {path} from its cache: {through.headers}")
        for answer, name_of in ((hit, "the app cache"), (through, "Varnish")):
            sent = answer.headers.get("Content-Encoding", "identity")
            if sent != options.encoding:
                raise BenchError(
                    f"{name_of} sent {path} as {sent}, not {options.encoding}: {answer.headers}"
                )
        _check_page(name, gzip.decompress(through.body) if gzipped else through.body, url=varnish)
        saved[path] = through.body
    if site.spread_paths:
        step(f"Warming the {len(site.spread_paths):,} spread articles in Varnish and the app cache")
        for path, answer in fetch_all(varnish, site.spread_paths, headers=accept).items():
            saved[path] = answer.body
        fetch_all(cached, site.spread_paths, headers=accept)
        sample = site.spread_paths[:: max(1, len(site.spread_paths) // 20)]
        states = {fetch(cached + p, headers=accept).headers.get("X-App-Cache") for p in sample}
        if states != {"hit"}:
            raise BenchError(f"The spread is not all in the app cache: {states}")
    bare = fetch(origin + BARE_PATH)
    if bare.status != 200 or bare.body != BARE_BODY:
        raise BenchError(f"{BARE_PATH} answered {bare.status} {bare.body!r}")
    nginx = start_nginx(processes, workdir, pages=saved, gzipped=gzipped)

    targets: list[Target] = []
    bases = {"a": origin, "b": cached, "c": varnish, "d": nginx}
    for name, path in pages.items():
        targets.extend(Target(mode=m, page=name, url=base + path) for m, base in bases.items())
    if site.spread_paths:
        targets.extend(
            Target(mode=m, page="spread", url=base + "/", rotate=site.spread_file)
            for m, base in bases.items()
        )
    targets.append(Target(mode="e", page="bare", url=origin + BARE_PATH))

    step(f"Warming every target with wrk for {WARMUP_SECONDS} s")
    for target in targets:
        _load(processes, target, wrk=wrk, options=options, duration=WARMUP_SECONDS)
    results: dict[str, list[WrkResult]] = {}
    for number in range(1, options.rounds + 1):
        for target in targets:
            result = _load(processes, target, wrk=wrk, options=options, duration=options.duration)
            print(
                f"  round {number}/{options.rounds}  {target.mode}  {target.page:<8}"
                f"{result.requests_per_second:>10,.0f} req/s  "
                f"p50 {result.latency_p50_ms:8.2f} ms  p99 {result.latency_p99_ms:8.2f} ms"
                + (f"  ({result.socket_errors} socket errors)" if result.socket_errors else ""),
                flush=True,
            )
            results.setdefault(f"{target.mode}:{target.page}", []).append(result)
    _render_in_process(workdir, site.article_path)
    summaries = {key: summarise(found) for key, found in results.items()}
    html_bytes = {name: len(saved[path]) for name, path in pages.items()}
    if site.spread_paths:
        html_bytes["spread"] = round(statistics.mean(len(saved[p]) for p in site.spread_paths))
    return summaries, html_bytes


def _render_in_process(workdir: Path, path: str) -> None:
    """Print bench/render_article.py's in-process render of the article on this run's site."""
    from bench.render_article import RenderBenchError, measure_render

    step("Rendering the article in process (bench/render_article.py, app cache off)")
    try:
        found = measure_render(env=django_env(workdir, app_cache=False), path=path)
    except (RenderBenchError, ValueError) as error:
        print(f"  in-process render failed: {error}", flush=True)
        return
    print(
        f"  lean route: median {found['median_ms']:.2f} ms, p90 {found['p90_ms']:.2f} ms, "
        f"{found['queries_per_render']} queries; Wagtail's serve: median "
        f"{found['wagtail_median_ms']:.2f} ms, {found['wagtail_queries_per_render']} queries",
        flush=True,
    )


def _check_page(name: str, body: bytes, *, url: str) -> None:
    text = body.decode()
    if name == "article":
        wrong = [
            f"{markup} {text.count(markup)} times instead of {expected}"
            for markup, expected in EXPECTED_MARKUP.items()
            if text.count(markup) != expected
        ]
        if wrong:
            raise BenchError(f"The article at {url} is not the one expected: " + "; ".join(wrong))
    elif "<main" not in text or "/world/" not in text:
        raise BenchError(f"The {name} page at {url} is not a page that lists articles.")


def _load(
    processes: Processes,
    target: Target,
    *,
    wrk: str,
    options: argparse.Namespace,
    duration: int,
) -> WrkResult:
    argv = wrk_command(
        target.url,
        threads=options.threads,
        connections=options.connections,
        duration_seconds=duration,
        headers=request_headers(options.encoding),
    )
    if target.rotate is not None:
        argv = [*argv[:-1], "-s", str(ROTATE_SCRIPT), argv[-1], "--", str(target.rotate)]
    output = processes.run(
        f"wrk against {target.mode}:{target.page}",
        [wrk, *argv[1:]],
        env=dict(os.environ),
        cwd=ROOT,
        timeout_seconds=duration + 60,
    )
    result = parse_wrk_output(output)
    if result.error_responses:
        raise BenchError(
            f"{target.mode}:{target.page} answered {result.error_responses} of "
            f"{result.requests} requests with an error status; the measurement is void.\n{output}"
        )
    return result


def request_headers(encoding: str) -> tuple[str, ...]:
    """Return the headers every request of a run sends for ``encoding``."""
    return ("Accept-Encoding: gzip",) if encoding == "gzip" else ()


def command_line(argv: list[str], environ: Mapping[str, str]) -> str:
    """Return the command that reproduces this run, with any BENCH_* variable that was set."""
    return reproducing_command(
        "bench/pages.py",
        argv,
        environ,
        variables=(*(v for v, _ in OPTIONS_FROM_ENV.values()), "BENCH_ENCODING"),
    )


def table_rows(run: PagesRun, *, measure: str) -> list[list[str]]:
    """Return the header and one row per page: requests/s (``measure`` "rate") or p50 latency."""
    rows = [["Page", *(MODES[m] for m in MODES)]]
    for page in PAGES:
        if run.summary("a", page) is None:
            continue
        cells = [PAGE_TITLES[page]]
        for mode in MODES:
            found = run.summary(mode, page)
            if found is None:
                cells.append("")
            elif measure == "rate":
                cells.append(format_rate(found.requests_per_second))
            else:
                cells.append(format_ms(found.latency_p50_ms))
        rows.append(cells)
    return rows


def console_report(run: PagesRun) -> str:
    lines = []
    for measure, title in (("rate", "Requests per second"), ("p50", "Median latency")):
        rows = table_rows(run, measure=measure)
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines.append(title)
        for index, row in enumerate(rows):
            lines.append(
                "  ".join(
                    [row[0].ljust(widths[0])]
                    + [cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)]
                )
            )
            if index == 0:
                lines.append("  ".join("-" * w for w in widths))
        lines.append("")
    lines.append(f"Ratios (target {TARGET_RATIO:g}{chr(0xD7)} or more)")
    for ratio in run.ratios():
        lines.append(f"  {ratio.label:<42} {format_ratio(ratio.value):>8}  {ratio.verdict}")
    return "\n".join(lines)


def markdown_section(run: PagesRun) -> str:
    def table(rows: list[list[str]]) -> list[str]:
        return [
            "| " + " | ".join(rows[0]) + " |",
            "|---|" + "---:|" * (len(rows[0]) - 1),
            *("| " + " | ".join(row) + " |" for row in rows[1:]),
        ]

    sizes = ", ".join(
        f"{PAGE_TITLES[page].lower()} {size:,}" for page, size in run.html_bytes.items()
    )
    return "\n".join(
        [
            f"### {run.recorded_at}",
            "",
            f"- Machine: {run.machine.describe()}, {run.load_after:.2f} at the end",
            f"- Command: `{run.command}`",
            f"- Load: `{run.load}` per target, {run.rounds} rounds alternating every target; "
            f"medians shown; the spread rotates over {run.spread:,} articles",
            f"- Bytes of HTML sent ({run.encoding}): {sizes} (spread: the mean)",
            *([f"- Servers: {run.servers}"] if run.servers else []),
            "",
            "Requests per second:",
            "",
            *table(table_rows(run, measure="rate")),
            "",
            "Median latency:",
            "",
            *table(table_rows(run, measure="p50")),
            "",
            f"Ratios against the targets ({TARGET_RATIO:g}{chr(0xD7)} or more):",
            "",
            "| Ratio | Value | Target |",
            "|---|---:|---|",
            *(f"| {r.label} | {format_ratio(r.value)} | {r.verdict} |" for r in run.ratios()),
            "",
        ]
    )


def chart(run: PagesRun) -> str:
    panels = []
    for page in PAGES:
        bars = []
        for mode, label in MODES.items():
            found = run.summary(mode, page)
            if found is not None:
                bars.append(
                    Bar(
                        label=label,
                        value=found.requests_per_second,
                        value_text=f"{format_rate(found.requests_per_second)} req/s",
                        colour=COLOURS[mode],
                    )
                )
        if bars and run.summary("a", page) is not None:
            panels.append(
                Panel(title=f"{PAGE_TITLES[page]}: requests per second", bars=tuple(bars))
            )
    return bar_chart_svg(
        panels,
        title="Five ways to serve a page: requests per second (more is better)",
        caption=f"{run.recorded_at}; {run.machine.nproc} CPUs, load {run.machine.load_average:.2f}; "
        f"{run.load}; medians of {run.rounds} rounds",
    )


def add_section(document: str, section: str, *, marker: str) -> str:
    """Return the document with ``section`` inserted under ``marker`` as the newest run.

    Raises ValueError when the marker is missing or appears more than once.
    """
    count = document.count(marker)
    if count != 1:
        raise ValueError(
            f"The benchmarks document must contain the line {marker!r} exactly once (found "
            f"{count}); restore it so runs can be added under it."
        )
    before, after = document.split(marker)
    return f"{before}{marker}\n\n{section}" + (
        f"\n{after.lstrip(chr(10))}" if after.strip() else "\n"
    )


def record(run: PagesRun, *, document_path: Path, chart_path: Path) -> None:
    updated = add_section(document_path.read_text(), markdown_section(run), marker=PAGES_MARKER)
    write_atomically(chart_path, chart(run))
    write_atomically(document_path, updated)


def _write_results(run: PagesRun, started_at: datetime, *, versions: dict[str, str]) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"pages-{started_at:%Y%m%dT%H%M%SZ}.json"
    data = {
        **dataclasses.asdict(run),
        "ratios": [dataclasses.asdict(r) | {"verdict": r.verdict} for r in run.ratios()],
        "versions": versions,
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
