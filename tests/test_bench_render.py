"""The in-process render benchmark's pieces that run without a site: its chart and arguments."""

import xml.etree.ElementTree as ET

import pytest

from bench.render_article import main, measure_render, render_chart

RESULT = {
    "median_ms": 2.5,
    "p90_ms": 3.1,
    "mean_ms": 2.7,
    "renders": 500,
    "queries_per_render": 6,
    "route": "article_page",
    "wagtail_median_ms": 6.0,
    "wagtail_queries_per_render": 16,
    "lean_to_wagtail": 0.417,
    "html_bytes": 17548,
    "load_average": [0.3, 0.2, 0.1],
}


def test_chart_shows_both_routes_with_their_numbers():
    svg = render_chart(RESULT)
    root = ET.fromstring(svg)  # noqa: S314 - the chart writer's own output, not outside input
    texts = " ".join("".join(element.itertext()) for element in root.iter())
    for expected in ("2.50 ms", "6.00 ms", "Lean article route", "Wagtail's serve", "16"):
        assert expected in texts
    assert "load average 0.3 0.2 0.1" in texts


def test_a_seeded_site_needs_both_its_environment_and_its_path():
    with pytest.raises(ValueError, match="both env and path"):
        measure_render(env={"DJANGO_SETTINGS_MODULE": "config.settings.test"})


def test_bad_counts_are_refused_before_anything_runs(capsys):
    with pytest.raises(SystemExit):
        main(["--renders", "0"])
    assert "--renders must be at least 1" in capsys.readouterr().err


def test_counting_instructions_without_valgrind_says_how_to_get_it(monkeypatch):
    from bench import render_article

    monkeypatch.setattr(render_article.shutil, "which", lambda name: None)
    with pytest.raises(render_article.RenderBenchError, match=r"system-deps\.sh valgrind"):
        measure_render(env={"X": "1"}, path="/world/story/", instructions=True)
