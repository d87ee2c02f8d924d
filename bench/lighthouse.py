"""Lighthouse, mobile defaults, on the front, article and concept pages: `make bench-lighthouse`.

    .venv/bin/python bench/lighthouse.py [--record]

Builds the throwaway site of bench/pages.py (no spread), serves it with gunicorn and the
production settings (static files collected with the production storage, the app cache on,
media served by gunicorn because there is no nginx here), and runs npm's lighthouse (pinned in
package.json) with Debian's chromium, headless, on each page. Prints the four category scores,
the audits that fell short, and the article's transfer size without images; --record adds the
run to docs/benchmarks-lighthouse.md. Targets: 100 in every category; the article page's
transfer without images at most 35 KB.
"""

# ruff: noqa: E402 - the repository root goes on sys.path before the bench package is imported.

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.machine import this_machine
from bench.pages import add_section
from bench.processes import BenchError, Processes, run_as_command
from bench.report import _write_atomically as write_atomically
from bench.stack import build_site, django_env, fetch, start_gunicorn, step

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
DOCUMENT_PATH = ROOT / "docs" / "benchmarks-lighthouse.md"
RESULTS_DIR = ROOT / "bench" / "results"
MARKER = "<!-- bench lighthouse: new runs go below this line, newest first -->"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TRANSFER_LIMIT_BYTES = 35 * 1024
DOCUMENT_HEAD = f"""# Lighthouse

`make bench-lighthouse` runs `bench/lighthouse.py`: Lighthouse {{version}} (npm, pinned in
`package.json`) with Debian's chromium, headless, mobile defaults (simulated slow 4G and a
four times slower CPU), on the front, article and concept pages of the throwaway site of `make bench`,
served by gunicorn with the production settings and collected static files. Targets: 100 in each
category; the article page's transfer without images at most 35 KB (35,840 bytes).

Lighthouse's performance score depends on the machine: it measures the page's load on this CPU
and then simulates the throttling, so a busy machine lowers it. Each run notes the load average.

## Runs

{MARKER}
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class PageReport:
    page: str
    url: str
    scores: dict[str, int]
    shortfalls: dict[str, list[str]]
    """By category, the ids of the audits that scored below 1."""
    transfer_bytes: int
    transfer_without_images_bytes: int
    transfer_by_type: dict[str, int]
    """Bytes transferred by Lighthouse's resource type: Document, Stylesheet, Font, Image..."""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/lighthouse.py", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--record", action="store_true", help="add the run to docs/benchmarks-lighthouse.md"
    )
    options = parser.parse_args(argv)
    return run_as_command(lambda: run(options, argv))


def run(options: argparse.Namespace, argv: list[str]) -> int:
    if not LIGHTHOUSE.exists():
        raise BenchError("lighthouse is missing: run `npm install` (package.json pins it).")
    if not Path(CHROMIUM).exists():
        raise BenchError("chromium is missing: run `bash scripts/system-deps.sh chromium`.")
    started_at = datetime.now(UTC)
    machine = this_machine()
    workdir = Path(tempfile.mkdtemp(prefix="broadsheet-bench-lighthouse-"))
    try:
        with Processes() as processes:
            site = build_site(processes, workdir, spread=0)
            env = django_env(workdir, app_cache=True)
            env["BENCH_SERVE_MEDIA"] = "1"
            base, _ = start_gunicorn(processes, workdir, name="site", env=env)
            reports = []
            for page, path in site.pages.items():
                for _ in range(3):
                    if fetch(base + path).status != 200:
                        raise BenchError(f"{base + path} does not answer 200.")
                step(f"Lighthouse on the {page} page")
                reports.append(_lighthouse(processes, page, base + path, workdir=workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    version = _version()
    section = markdown_section(
        reports,
        recorded_at=f"{started_at:%Y-%m-%d %H:%M} UTC",
        command=" ".join([".venv/bin/python", "bench/lighthouse.py", *argv]),
        machine=machine.describe() + f", {os.getloadavg()[0]:.2f} at the end",
    )
    print()
    print(section)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    results = RESULTS_DIR / f"lighthouse-{started_at:%Y%m%dT%H%M%SZ}.json"
    results.write_text(json.dumps([asdict(r) for r in reports], indent=2) + "\n")
    print(f"Results: {results.relative_to(ROOT)}")
    if options.record:
        document = (
            DOCUMENT_PATH.read_text()
            if DOCUMENT_PATH.exists()
            else DOCUMENT_HEAD.replace("{version}", version)
        )
        write_atomically(DOCUMENT_PATH, add_section(document, section, marker=MARKER))
        print(f"Recorded in {DOCUMENT_PATH.relative_to(ROOT)}")
    return 0 if all(_passes(r) for r in reports) else 1


def _lighthouse(processes: Processes, page: str, url: str, *, workdir: Path) -> PageReport:
    output = workdir / f"lighthouse-{page}.json"
    env = dict(os.environ)
    env["CHROME_PATH"] = CHROMIUM
    processes.run(
        f"lighthouse on {page}",
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={output}",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ],
        env=env,
        cwd=workdir,
        timeout_seconds=300,
    )
    return page_report(page, url, json.loads(output.read_text()))


def page_report(page: str, url: str, result: dict[str, Any]) -> PageReport:
    """Return the scores, shortfalls and transfer sizes of one Lighthouse JSON result."""
    audits = result["audits"]
    scores = {}
    shortfalls = {}
    for name in CATEGORIES:
        category = result["categories"][name]
        scores[name] = round((category["score"] or 0) * 100)
        shortfalls[name] = [
            ref["id"]
            for ref in category["auditRefs"]
            if ref.get("weight", 0) > 0
            and audits[ref["id"]].get("score") is not None
            and audits[ref["id"]]["score"] < 1
        ]
    requests = audits["network-requests"]["details"]["items"]
    total = sum(int(item.get("transferSize") or 0) for item in requests)
    without_images = sum(
        int(item.get("transferSize") or 0)
        for item in requests
        if item.get("resourceType") != "Image"
    )
    by_type: dict[str, int] = {}
    for item in requests:
        kind = str(item.get("resourceType") or "Other")
        by_type[kind] = by_type.get(kind, 0) + int(item.get("transferSize") or 0)
    return PageReport(
        transfer_by_type=dict(sorted(by_type.items(), key=lambda pair: -pair[1])),
        page=page,
        url=url,
        scores=scores,
        shortfalls=shortfalls,
        transfer_bytes=total,
        transfer_without_images_bytes=without_images,
    )


def _passes(report: PageReport) -> bool:
    transfer_ok = (
        report.page != "article" or report.transfer_without_images_bytes <= TRANSFER_LIMIT_BYTES
    )
    return transfer_ok and all(score == 100 for score in report.scores.values())


def markdown_section(
    reports: list[PageReport], *, recorded_at: str, command: str, machine: str
) -> str:
    rows = [
        f"| {r.page} | "
        + " | ".join(str(r.scores[name]) for name in CATEGORIES)
        + f" | {r.transfer_without_images_bytes:,} | {r.transfer_bytes:,} |"
        for r in reports
    ]
    shortfalls = [
        f"- {r.page}, {name}: " + ", ".join(f"`{audit}`" for audit in audits)
        for r in reports
        for name, audits in r.shortfalls.items()
        if audits
    ]
    article = next((r for r in reports if r.page == "article"), None)
    verdict = ""
    if article is not None:
        verdict = (
            f"Article transfer without images: {article.transfer_without_images_bytes:,} bytes "
            f"({'PASS' if article.transfer_without_images_bytes <= TRANSFER_LIMIT_BYTES else 'MISS'}"
            f" against {TRANSFER_LIMIT_BYTES:,}); by type: "
            + ", ".join(f"{kind} {size:,}" for kind, size in article.transfer_by_type.items())
            + "."
        )
    return "\n".join(
        [
            f"### {recorded_at}",
            "",
            f"- Machine: {machine}",
            f"- Command: `{command}`",
            "",
            "| Page | Performance | Accessibility | Best practices | SEO | Bytes without images "
            "| Bytes in all |",
            "|---|---:|---:|---:|---:|---:|---:|",
            *rows,
            "",
            verdict,
            "",
            *(["Audits below full marks:", "", *shortfalls, ""] if shortfalls else []),
        ]
    )


def _version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    try:
        return str(json.loads(package.read_text())["version"])
    except (OSError, ValueError, KeyError):
        return "(unknown version)"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
