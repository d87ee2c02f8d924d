"""Load through Varnish at twice what the origin sustains, then stop the app: `make bench-load`.

    .venv/bin/python bench/load.py [--seconds 60] [--factor 2] [--spread 1000] [--record]

1. Builds the throwaway site of bench/pages.py (the article, front and concept pages and
   ``--spread`` generated articles, 20 of them kept out of the load) and serves it with gunicorn
   (production's deploy/gunicorn.conf.py, app cache off, the production default ``PAGE_S_MAXAGE=300``) behind Varnish
   (deploy/varnish/default.vcl).
2. The origin's sustainable rate R: wrk, 10 s, rotating over every page straight at gunicorn.
3. Warms Varnish with every page once, then sends ``factor`` x R requests per second (or
   ``--rate``) through Varnish at a constant rate (an open-loop client: each request has its due
   time, and its latency counts from that time, so a stall is not hidden) for ``--seconds``,
   rotating over every page. Any status but 200, and any failure to connect or read, is an error.
4. Restarts gunicorn with ``PAGE_S_MAXAGE=5`` and caches 10 of the held-back pages through
   Varnish, then stops it. Once Varnish's health probe marks the origin sick and those copies
   are past their s-maxage, fetches them (they must come back 200, stale, via stale-if-error),
   pages cached during the load (200), and the other 10 held-back pages, never requested (they
   must come back 503 with Retry-After, in well under a second, not hang).

All traffic stays on 127.0.0.1; every process it starts is stopped before it exits.
"""

# ruff: noqa: E402 - the repository root goes on sys.path before the bench package is imported.

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.machine import this_machine
from bench.pages import ROTATE_SCRIPT, add_section
from bench.processes import BenchError, Processes, run_as_command
from bench.report import _write_atomically as write_atomically
from bench.stack import (
    GUNICORN_WORKERS,
    build_site,
    django_env,
    fetch,
    fetch_all,
    required_binary,
    start_gunicorn,
    start_varnish,
    step,
    wait_until_healthy,
)
from bench.wrk import parse_wrk_output, wrk_command

RESULTS_DIR = ROOT / "bench" / "results"
DOCUMENT_PATH = ROOT / "docs" / "benchmarks.md"
LOAD_MARKER = "<!-- bench load: new runs go below this line, newest first -->"
S_MAXAGE = 300
"""The production default: during the load every page stays fresh in Varnish once warmed."""
FAULT_S_MAXAGE = 5
"""The origin restarted for the fault test sends this, so its pages go stale within seconds."""
HELD_BACK = 20
"""Generated articles kept out of the load: half are cached just before the app stops (they
must come back stale), half never (they must get a 503)."""
CLIENT_THREADS = 32
PROBE_SECONDS = 30.0


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadOutcome:
    origin_rate: float
    target_rate: float
    seconds: int
    sent: int
    ok: int
    errors: int
    error_kinds: dict[str, int]
    achieved_rate: float
    latency_p50_ms: float
    latency_p99_ms: float
    latency_max_ms: float
    varnish_hits: int
    backend_fetches: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FaultOutcome:
    stale_checked: int
    stale_ok: int
    stale_min_age: int
    """Seconds: more than the s-maxage the pages were sent with, so stale-if-error served them."""
    cached_checked: int
    cached_ok: int
    cached_min_age: int
    cached_max_seconds: float
    uncached_checked: int
    uncached_503_with_retry_after: int
    uncached_max_seconds: float
    retry_after: str


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/load.py", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of the load (60)")
    parser.add_argument("--factor", type=float, default=2.0, help="times the origin's rate (2)")
    parser.add_argument("--spread", type=int, default=1000, help="generated articles (1000)")
    parser.add_argument(
        "--rate",
        type=float,
        default=None,
        help="send this many requests a second instead of --factor times the measured rate "
        "(for a busy machine, where the origin measures far below what it sustains alone)",
    )
    parser.add_argument("--record", action="store_true", help="add the run to docs/benchmarks.md")
    options = parser.parse_args(argv)
    if (
        options.seconds < 1
        or options.factor <= 0
        or options.spread < HELD_BACK + 1
        or (options.rate is not None and options.rate <= 0)
    ):
        print(
            f"bench: --seconds must be 1 or more, --factor and --rate above 0 and --spread more "
            f"than {HELD_BACK}.",
            file=sys.stderr,
        )
        return 2
    return run_as_command(lambda: run(options, argv))


def run(options: argparse.Namespace, argv: list[str]) -> int:
    wrk = required_binary("wrk", ["wrk"], install="bash scripts/system-deps.sh wrk")
    started_at = datetime.now(UTC)
    machine = this_machine()
    workdir = Path(tempfile.mkdtemp(prefix="broadsheet-bench-load-"))
    try:
        with Processes() as processes:
            load, faults = _run(options, processes=processes, workdir=workdir, wrk=wrk)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    load_after = os.getloadavg()[0]
    command = " ".join([".venv/bin/python", "bench/load.py", *argv])
    section = markdown_section(
        recorded_at=f"{started_at:%Y-%m-%d %H:%M} UTC",
        command=command,
        machine=machine.describe() + f", {load_after:.2f} at the end",
        load=load,
        faults=faults,
        spread=options.spread,
    )
    print()
    print(section)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    results = RESULTS_DIR / f"load-{started_at:%Y%m%dT%H%M%SZ}.json"
    results.write_text(
        json.dumps({"load": asdict(load), "faults": asdict(faults), "command": command}, indent=2)
        + "\n"
    )
    print(f"Results: {results.relative_to(ROOT)}")
    if options.record:
        write_atomically(
            DOCUMENT_PATH, add_section(DOCUMENT_PATH.read_text(), section, marker=LOAD_MARKER)
        )
        print(f"Recorded in {DOCUMENT_PATH.relative_to(ROOT)}")
    passed = load.errors == 0 and faults_pass(faults)
    return 0 if passed else 1


def faults_pass(faults: FaultOutcome) -> bool:
    return (
        faults.stale_ok == faults.stale_checked
        and faults.stale_min_age > FAULT_S_MAXAGE
        and faults.cached_ok == faults.cached_checked
        and faults.uncached_503_with_retry_after == faults.uncached_checked
        and faults.uncached_max_seconds < 5
    )


def _run(
    options: argparse.Namespace, *, processes: Processes, workdir: Path, wrk: str
) -> tuple[LoadOutcome, FaultOutcome]:
    site = build_site(processes, workdir, spread=options.spread)
    env = django_env(workdir, app_cache=False)
    env["PAGE_S_MAXAGE"] = str(S_MAXAGE)
    origin, gunicorn = start_gunicorn(processes, workdir, name="origin", env=env)
    varnish = start_varnish(processes, workdir, backend_port=int(origin.rsplit(":", 1)[1]))
    held_back = site.spread_paths[-HELD_BACK:]
    paths = [*site.pages.values(), *site.spread_paths[:-HELD_BACK]]
    rotation = workdir / "load-paths.txt"
    rotation.write_text("".join(f"{path}\n" for path in paths))

    step("Warming the origin, then measuring its sustainable rate with wrk (10 s)")
    for path in site.pages.values():
        for _ in range(4):
            fetch(origin + path)
    argv = wrk_command(origin + "/", threads=2, connections=16, duration_seconds=10)
    argv = [wrk, *argv[1:-1], "-s", str(ROTATE_SCRIPT), argv[-1], "--", str(rotation)]
    measured = parse_wrk_output(
        processes.run(
            "wrk against the origin", argv, env=dict(os.environ), cwd=ROOT, timeout_seconds=120
        )
    )
    if measured.error_responses or measured.socket_errors:
        raise BenchError(f"The origin failed requests while measuring its rate: {measured}")
    origin_rate = measured.requests_per_second
    target_rate = options.rate if options.rate is not None else origin_rate * options.factor
    print(f"  origin: {origin_rate:,.1f} req/s; the load: {target_rate:,.1f} req/s", flush=True)

    step(f"Warming Varnish with all {len(paths):,} pages")
    wait_until_healthy(varnish)
    fetch_all(varnish, paths)
    hits_before, fetches_before = _varnish_counters(workdir)
    step(f"Loading Varnish at {target_rate:,.1f} req/s for {options.seconds} s")
    load = _constant_rate(varnish, paths, rate=target_rate, seconds=options.seconds)
    hits_after, fetches_after = _varnish_counters(workdir)
    outcome = LoadOutcome(
        origin_rate=origin_rate,
        target_rate=target_rate,
        seconds=options.seconds,
        varnish_hits=hits_after - hits_before,
        backend_fetches=fetches_after - fetches_before,
        **load,
    )
    print(
        f"  sent {outcome.sent:,}, ok {outcome.ok:,}, errors {outcome.errors} "
        f"{outcome.error_kinds or ''}; p50 {outcome.latency_p50_ms:.2f} ms, "
        f"p99 {outcome.latency_p99_ms:.2f} ms; {outcome.backend_fetches} fetches from the origin",
        flush=True,
    )

    step(f"Restarting the app with PAGE_S_MAXAGE={FAULT_S_MAXAGE}; caching {HELD_BACK // 2} pages")
    processes.stop(gunicorn)
    env["PAGE_S_MAXAGE"] = str(FAULT_S_MAXAGE)
    port = int(origin.rsplit(":", 1)[1])
    _, gunicorn = start_gunicorn(processes, workdir, name="origin", env=env, port=port)
    wait_until_healthy(varnish)
    soon_stale, never_cached = held_back[: HELD_BACK // 2], held_back[HELD_BACK // 2 :]
    fetch_all(varnish, soon_stale)
    step("Stopping the app; waiting for Varnish's probe to mark it sick")
    processes.stop(gunicorn)
    deadline = time.monotonic() + PROBE_SECONDS
    while fetch(varnish + "/healthz").status != 503:
        if time.monotonic() > deadline:
            raise BenchError(
                f"Varnish still found the app healthy {PROBE_SECONDS:g} s after it stopped."
            )
        time.sleep(0.3)
    # Past s-maxage only stale-if-error can serve a page: wait until every copy is.
    while True:
        ages = [int(fetch(varnish + path).headers.get("Age", "0")) for path in soon_stale]
        if min(ages) > FAULT_S_MAXAGE:
            break
        time.sleep(FAULT_S_MAXAGE + 1 - min(ages))
    sample = [*site.pages.values(), *paths[3 :: max(1, len(paths) // 50)]]
    step(
        f"Fetching {len(soon_stale)} stale pages, {len(sample)} cached during the load and "
        f"{len(never_cached)} never requested"
    )
    stale = [fetch(varnish + path, timeout=30) for path in soon_stale]
    cached = [fetch(varnish + path, timeout=30) for path in sample]
    uncached = [fetch(varnish + path, timeout=30) for path in never_cached]
    faults = FaultOutcome(
        stale_checked=len(stale),
        stale_ok=sum(1 for answer in stale if answer.status == 200),
        stale_min_age=min(int(answer.headers.get("Age", "0")) for answer in stale),
        cached_checked=len(cached),
        cached_ok=sum(1 for answer in cached if answer.status == 200),
        cached_min_age=min(int(answer.headers.get("Age", "0")) for answer in cached),
        cached_max_seconds=max(answer.seconds for answer in cached),
        uncached_checked=len(uncached),
        uncached_503_with_retry_after=sum(
            1 for answer in uncached if answer.status == 503 and answer.headers.get("Retry-After")
        ),
        uncached_max_seconds=max(answer.seconds for answer in uncached),
        retry_after=uncached[0].headers.get("Retry-After", ""),
    )
    print(f"  {faults}", flush=True)
    return outcome, faults


def _constant_rate(base: str, paths: list[str], *, rate: float, seconds: int) -> dict[str, object]:
    """Send ``rate`` requests a second for ``seconds``, each at its due time; return the tally."""
    host, port = base.removeprefix("http://").split(":")
    total = int(rate * seconds)
    due_times: queue.SimpleQueue[int] = queue.SimpleQueue()
    for index in range(total):
        due_times.put(index)
    start = time.monotonic() + 0.5
    results: list[tuple[int | str, float, str]] = [(0, 0.0, "")] * total

    def client() -> None:
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        while True:
            try:
                index = due_times.get_nowait()
            except queue.Empty:
                break
            due = start + index / rate
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                connection.request("GET", paths[index % len(paths)])
                answer = connection.getresponse()
                answer.read()
                outcome: int | str = answer.status
                cache = answer.getheader("X-Cache", "")
            except (OSError, http.client.HTTPException) as error:
                outcome, cache = type(error).__name__, ""
                connection.close()
                connection = http.client.HTTPConnection(host, int(port), timeout=10)
            results[index] = (outcome, time.monotonic() - due, cache)
        connection.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENT_THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    latencies = sorted(latency * 1000 for _, latency, _ in results)
    kinds: dict[str, int] = {}
    for outcome, _, _ in results:
        if outcome != 200:
            kinds[str(outcome)] = kinds.get(str(outcome), 0) + 1
    return {
        "sent": total,
        "ok": total - sum(kinds.values()),
        "errors": sum(kinds.values()),
        "error_kinds": kinds,
        "achieved_rate": total / elapsed,
        "latency_p50_ms": statistics.median(latencies),
        "latency_p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "latency_max_ms": latencies[-1],
    }


def _varnish_counters(workdir: Path) -> tuple[int, int]:
    """Return Varnish's cache hits and backend requests so far (0, 0 without varnishstat)."""
    varnishstat = shutil.which("varnishstat") or "/usr/bin/varnishstat"
    try:
        output = subprocess.run(
            [varnishstat, "-n", str(workdir / "varnish" / "n"), "-1", "-j"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return 0, 0
    counters = json.loads(output)
    counters = counters.get("counters", counters)
    return (
        int(counters.get("MAIN.cache_hit", {}).get("value", 0)),
        int(counters.get("MAIN.backend_req", {}).get("value", 0)),
    )


def markdown_section(
    *,
    recorded_at: str,
    command: str,
    machine: str,
    load: LoadOutcome,
    faults: FaultOutcome,
    spread: int,
) -> str:
    verdict_load = "PASS" if load.errors == 0 else "MISS"
    verdict_faults = "PASS" if faults_pass(faults) else "MISS"
    return "\n".join(
        [
            f"### {recorded_at}",
            "",
            f"- Machine: {machine}",
            f"- Command: `{command}`",
            f"- Pages: the article, front and concept pages and {spread - HELD_BACK:,} generated "
            f"articles in rotation; {HELD_BACK} more held back for the fault test; "
            f"`PAGE_S_MAXAGE={S_MAXAGE}`",
            "",
            "| Measure | Value |",
            "|---|---:|",
            f"| Origin's sustainable rate (wrk, 10 s, gunicorn {GUNICORN_WORKERS} workers, "
            "every page) | "
            f"{load.origin_rate:,.1f} req/s |",
            f"| Load through Varnish: target rate, {load.seconds} s | {load.target_rate:,.1f} req/s |",
            f"| Achieved rate | {load.achieved_rate:,.1f} req/s |",
            f"| Requests sent / 200 / errors | {load.sent:,} / {load.ok:,} / {load.errors} "
            f"({verdict_load}) |",
            f"| Latency from due time p50 / p99 / max | {load.latency_p50_ms:.2f} / "
            f"{load.latency_p99_ms:.2f} / {load.latency_max_ms:.1f} ms |",
            f"| Varnish hits / fetches from the origin during the load | {load.varnish_hits:,} / "
            f"{load.backend_fetches:,} |",
            f"| App stopped: pages cached with s-maxage {FAULT_S_MAXAGE} s answered 200, stale "
            f"(Age ≥ {faults.stale_min_age} s) | {faults.stale_ok} of {faults.stale_checked} |",
            f"| App stopped: pages cached during the load answered 200 (Age ≥ "
            f"{faults.cached_min_age} s) | {faults.cached_ok} of {faults.cached_checked}, slowest "
            f"{faults.cached_max_seconds * 1000:.1f} ms |",
            f"| App stopped: uncached pages answered 503 with Retry-After: {faults.retry_after} | "
            f"{faults.uncached_503_with_retry_after} of {faults.uncached_checked}, slowest "
            f"{faults.uncached_max_seconds * 1000:.1f} ms ({verdict_faults}) |",
            "",
        ]
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
