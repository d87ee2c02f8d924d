"""The five-way page benchmark, the load test and the Lighthouse run, piece by piece: no servers."""

import dataclasses
import xml.etree.ElementTree as ET

import pytest

from bench.lighthouse import page_report
from bench.load import FaultOutcome, faults_pass
from bench.nginx import nginx_site_config
from bench.pages import (
    PAGES_MARKER,
    PagesRun,
    add_section,
    chart,
    console_report,
    markdown_section,
    parse_options,
)
from bench.report import Machine, Summary

SVG = "{http://www.w3.org/2000/svg}"


def summary(rate):
    return Summary(requests_per_second=rate, latency_p50_ms=1000 / rate, latency_p99_ms=2000 / rate)


def make_run(**rates):
    values = {
        "a:article": 90, "b:article": 900, "c:article": 9000, "d:article": 10000,
        "a:front": 60, "b:front": 700, "c:front": 7000, "d:front": 10000,
        "e:bare": 1000,
    }  # fmt: skip
    values.update(rates)
    return PagesRun(
        recorded_at="2026-11-25 16:30 UTC",
        command=".venv/bin/python bench/pages.py --record",
        load="wrk -t2 -c16 -d5s --timeout 10s --latency",
        rounds=3,
        spread=1000,
        machine=Machine(
            nproc=2,
            cpu_model="AMD EPYC",
            memory_gib=23.5,
            kernel="6.1.0",
            python="3.11.7",
            load_average=0.5,
        ),
        load_after=0.7,
        summaries={key: summary(rate) for key, rate in values.items()},
        html_bytes={"article": 17_000, "front": 20_000},
    )


def test_options_default_and_spread_may_be_zero():
    options = parse_options(["--spread", "0"], {})
    assert (options.duration, options.rounds, options.spread) == (5, 3, 0)
    assert parse_options([], {"BENCH_SPREAD": "20"}).spread == 20


@pytest.mark.parametrize(
    ("argv", "environ", "message"),
    [
        (["--rounds", "0"], {}, "--rounds must be at least 1"),
        ([], {"BENCH_SPREAD": "-1"}, "BENCH_SPREAD must be at least 0"),
        ([], {"BENCH_DURATION": "ten"}, "is not a whole number"),
        (["--threads", "4", "--connections", "2"], {}, "one connection per thread"),
    ],
)
def test_bad_options_are_named(argv, environ, message):
    with pytest.raises(ValueError, match=message):
        parse_options(argv, environ)


def test_ratios_compare_varnish_with_nginx_and_the_app_cache_with_the_bare_view():
    ratios = {r.label: (round(r.value, 2), r.verdict) for r in make_run().ratios()}
    assert ratios == {
        "article: (c) Varnish / (d) nginx": (0.9, "PASS"),
        "article: (b) app cache / (e) bare Django": (0.9, "PASS"),
        "front: (c) Varnish / (d) nginx": (0.7, "MISS"),
        "front: (b) app cache / (e) bare Django": (0.7, "MISS"),
    }


def test_reports_show_every_mode_and_the_verdicts():
    run = make_run()
    text = console_report(run)
    assert "Article page" in text
    assert "Front page" in text
    assert "Concept page" not in text
    assert "PASS" in text
    assert "MISS" in text
    section = markdown_section(run)
    assert section.startswith("### 2026-11-25 16:30 UTC")
    assert "| Article page | 90 | 900 | 9,000 | 10,000 | 1,000 |" in section
    assert "load average 0.50 at the start, 0.70 at the end" in section


def test_the_chart_draws_one_panel_per_page_with_five_bars():
    root = ET.fromstring(chart(make_run()))  # noqa: S314 - the chart writer's own output
    assert len(root.findall(f"{SVG}rect")) == 1 + 2 * 5


def test_sections_go_under_their_marker_newest_first():
    document = f"# Benchmarks\n\n{PAGES_MARKER}\n\n### older\n\n## Next part\n"
    updated = add_section(document, "### newer\n", marker=PAGES_MARKER)
    assert updated.index("### newer") < updated.index("### older") < updated.index("## Next")
    with pytest.raises(ValueError, match="exactly once"):
        add_section("# Nothing here\n", "### newer\n", marker=PAGES_MARKER)


def test_nginx_serves_each_saved_page_under_its_own_path(tmp_path):
    config = nginx_site_config(prefix=tmp_path, port=8123, workers=2)
    assert "try_files $uri $uri/index.html =404;" in config
    assert "listen 127.0.0.1:8123;" in config


def test_faults_pass_only_when_every_cached_page_is_served_and_every_other_gets_503():
    good = FaultOutcome(
        stale_checked=10,
        stale_ok=10,
        stale_min_age=6,
        cached_checked=10,
        cached_ok=10,
        cached_min_age=31,
        cached_max_seconds=0.01,
        uncached_checked=5,
        uncached_503_with_retry_after=5,
        uncached_max_seconds=0.01,
        retry_after="30",
    )
    assert faults_pass(good)
    assert not faults_pass(dataclasses.replace(good, cached_ok=9))
    assert not faults_pass(dataclasses.replace(good, stale_min_age=3))
    assert not faults_pass(dataclasses.replace(good, uncached_max_seconds=10.0))


def test_lighthouse_report_sums_the_transfer_without_images_and_names_shortfalls():
    result = {
        "categories": {
            name: {
                "score": score,
                "auditRefs": [
                    {"id": "largest-contentful-paint", "weight": 25},
                    {"id": "dom-size", "weight": 0},
                ],
            }
            for name, score in [
                ("performance", 0.98),
                ("accessibility", 1),
                ("best-practices", 1),
                ("seo", 1),
            ]
        },
        "audits": {
            "largest-contentful-paint": {"score": 0.9},
            "dom-size": {"score": 0.5},
            "network-requests": {
                "details": {
                    "items": [
                        {"resourceType": "Document", "transferSize": 5000},
                        {"resourceType": "Font", "transferSize": 20000},
                        {"resourceType": "Image", "transferSize": 90000},
                    ]
                }
            },
        },
    }
    report = page_report("article", "http://127.0.0.1:8000/x/", result)
    assert report.scores == {
        "performance": 98,
        "accessibility": 100,
        "best-practices": 100,
        "seo": 100,
    }
    assert report.shortfalls["performance"] == ["largest-contentful-paint"]
    assert report.transfer_without_images_bytes == 25000
    assert report.transfer_bytes == 115000
    assert report.transfer_by_type == {"Image": 90000, "Font": 20000, "Document": 5000}
