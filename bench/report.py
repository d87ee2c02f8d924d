"""Summaries of wrk rounds, and how a run is written: console table, docs section and chart."""

from __future__ import annotations

import math
import os
import statistics
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.chart import Bar, Panel, bar_chart_svg
from bench.wrk import WrkResult

APP_LABEL = "Broadsheet (gunicorn, 2 workers)"
NGINX_LABEL = "nginx, the same HTML from a file"
APP_COLOUR = "#a4161a"
NGINX_COLOUR = "#4a5560"
TIMES = "\N{MULTIPLICATION SIGN}"
RUNS_MARKER = "<!-- bench: new runs go below this line, newest first -->"
"""The line in docs/benchmarks-article.md under which each recorded run is inserted."""

DOCUMENT_HEAD = f"""# Benchmarks: the article page against nginx

How fast the production stack serves an article page, measured against nginx serving the very
same HTML from a file on the same machine. nginx is the ceiling here: it does no work but send
bytes, so the ratio shows what rendering the page costs, and a change to the ratio between runs
on one machine shows a change in that cost.

`make bench` runs `bench/article_page.py`, which:

- builds a throwaway SQLite database and media folder with one representative published article
  (lead image, three bylines with locations, twelve paragraphs with links, a subheading, a pull
  quote, an inline image, house ads filling two ad slots, a running-story kicker);
- collects static files with the production storage (hashed names, compressed copies);
- serves it with gunicorn (2 sync workers, `config.settings.production`) and fetches the article
  until its image renditions exist and both workers are warm;
- saves the article HTML exactly as served and serves that file with nginx (2 workers);
- loads each server with wrk for several rounds, alternating the two, and reports the medians;
- counts the SQL queries of one article render with Django's test client.

Options: `--duration SECONDS` (10), `--connections N` (16), `--threads N` (2), `--rounds N` (3),
or the variables `BENCH_DURATION`, `BENCH_CONNECTIONS`, `BENCH_THREADS`, `BENCH_ROUNDS`.
`--record` adds a section below and redraws the chart; every run writes its JSON to
`bench/results/` (not committed).

Read the numbers with the setup in mind: wrk runs on the same cores as the servers, and
gunicorn's sync workers answer each request on a new connection, so latency under this load is
mostly time spent queueing for one of the two workers. Each run notes the load average when it
started: on a busy machine a run measures the contention as much as the code, so compare runs
made in the same conditions.

![Requests per second and median latency of the article page, Broadsheet against nginx](benchmarks-article.svg)

The chart shows the newest run.

## Runs

{RUNS_MARKER}
"""


class DocumentError(ValueError):
    """docs/benchmarks-article.md is not in the shape this writer can add a run to."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Machine:
    nproc: int
    cpu_model: str
    memory_gib: float
    kernel: str
    python: str
    load_average: float
    """The one-minute load average when the run started: other work competes for the CPUs."""

    def describe(self) -> str:
        return (
            f"{self.nproc} CPUs ({self.cpu_model}), {self.memory_gib:.1f} GiB RAM, "
            f"Linux {self.kernel}, Python {self.python}; load average {self.load_average:.2f} "
            "at the start"
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    requests_per_second: float
    latency_p50_ms: float
    latency_p99_ms: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    recorded_at: str
    """When the run started, as "2026-11-25 10:04 UTC"."""
    command: str
    load: str
    """The wrk options, e.g. "wrk -t2 -c16 -d10s --timeout 10s --latency"."""
    rounds: int
    machine: Machine
    app: Summary
    nginx: Summary
    queries_per_render: int
    queries_first_render: int
    html_bytes: int

    @property
    def throughput_ratio(self) -> float:
        return self.app.requests_per_second / self.nginx.requests_per_second

    @property
    def latency_ratio(self) -> float:
        return self.app.latency_p50_ms / self.nginx.latency_p50_ms


def summarise(results: Sequence[WrkResult]) -> Summary:
    """Return the median of each measure over the rounds; raise ValueError when there are none."""
    if not results:
        raise ValueError("There are no wrk results to summarise.")
    return Summary(
        requests_per_second=statistics.median(r.requests_per_second for r in results),
        latency_p50_ms=statistics.median(r.latency_p50_ms for r in results),
        latency_p99_ms=statistics.median(r.latency_p99_ms for r in results),
    )


def format_rate(value: float) -> str:
    return f"{value:,.0f}"


def format_ms(value: float) -> str:
    """Return a latency with the precision it deserves: "0.42 ms", "12.3 ms", "154 ms"."""
    if value < 10:
        return f"{value:.2f} ms"
    if value < 100:
        return f"{value:.1f} ms"
    return f"{value:,.0f} ms"


def format_ratio(value: float) -> str:
    """Return a ratio and a times sign: whole from 10 up, else two significant figures.

    0.00171 gives "0.0017", 0.5 "0.50", 3.24 "3.2" and 707.3 "707", each followed by the sign.
    """
    if value >= 10:
        return f"{value:,.0f}{TIMES}"
    if value <= 0:
        return f"{value:g}{TIMES}"
    decimals = max(0, 1 - math.floor(math.log10(value)))
    return f"{value:.{decimals}f}{TIMES}"


def table_rows(run: Run) -> list[tuple[str, str, str, str]]:
    """Return the header and rows of the results table: server, requests/s, p50, p99."""
    return [
        ("Server", "Requests/s", "Latency p50", "Latency p99"),
        (
            APP_LABEL,
            format_rate(run.app.requests_per_second),
            format_ms(run.app.latency_p50_ms),
            format_ms(run.app.latency_p99_ms),
        ),
        (
            NGINX_LABEL,
            format_rate(run.nginx.requests_per_second),
            format_ms(run.nginx.latency_p50_ms),
            format_ms(run.nginx.latency_p99_ms),
        ),
        (
            "Broadsheet / nginx",
            format_ratio(run.throughput_ratio),
            format_ratio(run.latency_ratio),
            format_ratio(run.app.latency_p99_ms / run.nginx.latency_p99_ms),
        ),
    ]


def console_table(run: Run) -> str:
    """Return the results table as aligned plain text."""
    rows = table_rows(run)
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for row in rows:
        cells = [
            row[0].ljust(widths[0]),
            *(cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)),
        ]
        lines.append("  ".join(cells))
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_section(run: Run) -> str:
    """Return the docs section of one run: when, where, how, and the table."""
    header, *rows = table_rows(run)
    table = [
        "| " + " | ".join(header) + " |",
        "|---|---:|---:|---:|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    return "\n".join(
        [
            f"### {run.recorded_at}",
            "",
            f"- Machine: {run.machine.describe()}",
            f"- Command: `{run.command}`",
            f"- Load: `{run.load}`, {_rounds(run.rounds)} alternating the two servers; "
            "medians shown",
            f"- Article: {run.html_bytes:,} bytes of HTML; {run.queries_per_render} SQL queries "
            f"per render ({run.queries_first_render} on the first render in a fresh process)",
            "",
            *table,
            "",
        ]
    )


def add_run_to_document(document: str, section: str) -> str:
    """Return the document with ``section`` inserted as the newest run.

    Raises DocumentError when the runs marker is missing or appears more than once.
    """
    count = document.count(RUNS_MARKER)
    if count != 1:
        raise DocumentError(
            f"The benchmarks document must contain the line {RUNS_MARKER!r} exactly once "
            f"(found {count}); restore it so runs can be added under it."
        )
    before, after = document.split(RUNS_MARKER)
    older_runs = after.lstrip("\n")
    return f"{before}{RUNS_MARKER}\n\n{section}" + (f"\n{older_runs}" if older_runs else "")


def benchmark_chart(run: Run) -> str:
    """Return the SVG chart of a run: requests per second and median latency, app and nginx."""
    return bar_chart_svg(
        [
            Panel(
                title="Requests per second (more is better)",
                bars=(
                    _bar(APP_LABEL, run.app.requests_per_second, APP_COLOUR, "req/s"),
                    _bar(NGINX_LABEL, run.nginx.requests_per_second, NGINX_COLOUR, "req/s"),
                ),
            ),
            Panel(
                title="Median latency (less is better)",
                bars=(
                    Bar(
                        label=APP_LABEL,
                        value=run.app.latency_p50_ms,
                        value_text=format_ms(run.app.latency_p50_ms),
                        colour=APP_COLOUR,
                    ),
                    Bar(
                        label=NGINX_LABEL,
                        value=run.nginx.latency_p50_ms,
                        value_text=format_ms(run.nginx.latency_p50_ms),
                        colour=NGINX_COLOUR,
                    ),
                ),
            ),
        ],
        title="Article page: Broadsheet against nginx serving the same HTML",
        caption=f"{run.recorded_at}; {run.machine.nproc} CPUs ({run.machine.cpu_model}); "
        f"{run.load}; medians of {_rounds(run.rounds)}",
    )


def record_run(run: Run, *, document_path: Path, chart_path: Path) -> None:
    """Add the run to the benchmarks document (created if absent) and redraw the chart.

    Raises DocumentError, leaving both files untouched, when the document cannot take the run.
    """
    document = document_path.read_text() if document_path.exists() else DOCUMENT_HEAD
    updated = add_run_to_document(document, markdown_section(run))
    chart = benchmark_chart(run)
    _write_atomically(chart_path, chart)
    _write_atomically(document_path, updated)


def _rounds(count: int) -> str:
    return "1 round" if count == 1 else f"{count} rounds"


def _bar(label: str, value: float, colour: str, unit: str) -> Bar:
    return Bar(label=label, value=value, value_text=f"{format_rate(value)} {unit}", colour=colour)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
