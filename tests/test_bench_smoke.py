"""The article-page benchmark's pieces, unit by unit: no server and no wrk run."""

import os
import signal
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bench.article_page import command_line, parse_options
from bench.chart import BAR_MAX_WIDTH, Bar, Panel, bar_chart_svg
from bench.machine import cpu_model, memory_gib
from bench.nginx import nginx_config
from bench.processes import BenchError, Processes, group_is_running
from bench.report import (
    DOCUMENT_HEAD,
    RUNS_MARKER,
    TIMES,
    DocumentError,
    Machine,
    Run,
    Summary,
    add_run_to_document,
    benchmark_chart,
    console_table,
    format_ms,
    format_ratio,
    markdown_section,
    record_run,
    summarise,
)
from bench.wrk import WrkOutputError, WrkResult, parse_wrk_output, wrk_command

SVG = "{http://www.w3.org/2000/svg}"


def parse_svg(text):
    return ET.fromstring(text)  # noqa: S314 - the chart writer's own output, not outside input


X = TIMES

WRK_APP = """\
Running 10s test @ http://127.0.0.1:33133/world/night-train/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   170.42ms   31.07ms 412.18ms   80.11%
    Req/Sec    46.51     14.06    80.00     61.93%
  Latency Distribution
     50%  166.80ms
     75%  181.34ms
     90%  203.77ms
     99%    1.24s
  925 requests in 10.01s, 11.31MB read
  Socket errors: connect 0, read 3, write 1, timeout 2
Requests/sec:     92.41
Transfer/sec:      1.13MB
"""

WRK_NGINX = """\
Running 10s test @ http://127.0.0.1:51173/world/night-train/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   412.55us    1.02ms  21.70ms   95.62%
    Req/Sec    27.11k     2.40k   31.80k    71.00%
  Latency Distribution
     50%  236.00us
     75%  318.00us
     90%  512.00us
     99%    4.20ms
  539412 requests in 10.00s, 6.58GB read
Requests/sec:  53898.83
Transfer/sec:    673.43MB
"""

WRK_ERRORS = """\
Running 1s test @ http://127.0.0.1:18931/missing
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   766.26us  546.51us   5.24ms   91.49%
    Req/Sec     2.60k   206.66     2.86k    70.00%
  Latency Distribution
     50%  701.00us
     75%  902.00us
     90%    1.10ms
     99%    2.71ms
  2580 requests in 1.00s, 1.28MB read
  Non-2xx or 3xx responses: 2580
Requests/sec:   2579.30
Transfer/sec:      1.28MB
"""


def make_run(**changes):
    values = {
        "recorded_at": "2026-11-25 09:33 UTC",
        "command": ".venv/bin/python bench/article_page.py --record",
        "load": "wrk -t2 -c16 -d10s --timeout 10s --latency",
        "rounds": 3,
        "machine": Machine(
            nproc=2,
            cpu_model="AMD EPYC",
            memory_gib=23.5,
            kernel="6.1.0",
            python="3.11.7",
            load_average=0.12,
        ),
        "app": Summary(requests_per_second=92.0, latency_p50_ms=166.8, latency_p99_ms=238.6),
        "nginx": Summary(requests_per_second=53_900.0, latency_p50_ms=0.236, latency_p99_ms=4.2),
        "queries_per_render": 23,
        "queries_first_render": 31,
        "html_bytes": 12_795,
    }
    return Run(**{**values, **changes})


# --- wrk -------------------------------------------------------------------------------------


def test_wrk_output_in_milliseconds_and_seconds_is_read_in_milliseconds():
    result = parse_wrk_output(WRK_APP)  # when

    assert result == WrkResult(
        requests=925,
        requests_per_second=92.41,
        latency_p50_ms=166.8,
        latency_p99_ms=1240.0,
        error_responses=0,
        socket_errors=6,
    )


def test_wrk_output_in_microseconds_is_read_in_milliseconds():
    result = parse_wrk_output(WRK_NGINX)  # when

    assert result.requests == 539_412
    assert result.requests_per_second == 53_898.83
    assert result.latency_p50_ms == pytest.approx(0.236)
    assert result.latency_p99_ms == 4.2
    assert result.socket_errors == 0


def test_error_responses_are_counted():
    result = parse_wrk_output(WRK_ERRORS)  # when

    assert result.error_responses == 2580
    assert result.requests == 2580


def test_output_without_the_latency_distribution_is_refused():
    without = "\n".join(line for line in WRK_NGINX.splitlines() if "%  " not in line)

    with pytest.raises(WrkOutputError, match=r"no 50% latency line; run wrk with --latency"):
        parse_wrk_output(without)


def test_output_of_an_unfinished_run_is_refused():
    cut = WRK_NGINX.split("Requests/sec")[0]

    with pytest.raises(WrkOutputError, match=r'no "Requests/sec:" line'):
        parse_wrk_output(cut)


def test_wrk_command_asks_for_the_latency_distribution():
    argv = wrk_command("http://127.0.0.1:8000/a/", threads=2, connections=16, duration_seconds=10)

    assert argv == [
        "wrk",
        "-t2",
        "-c16",
        "-d10s",
        "--timeout",
        "10s",
        "--latency",
        "http://127.0.0.1:8000/a/",
    ]


# --- summaries and formatting ----------------------------------------------------------------


def test_summary_is_the_median_of_each_measure():
    rounds = [
        WrkResult(
            requests=1,
            requests_per_second=rate,
            latency_p50_ms=p50,
            latency_p99_ms=p99,
            error_responses=0,
            socket_errors=0,
        )
        for rate, p50, p99 in [(90.0, 170.0, 240.0), (95.0, 160.0, 300.0), (80.0, 180.0, 230.0)]
    ]

    assert summarise(rounds) == Summary(
        requests_per_second=90.0, latency_p50_ms=170.0, latency_p99_ms=240.0
    )


def test_no_rounds_cannot_be_summarised():
    with pytest.raises(ValueError, match="no wrk results"):
        summarise([])


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.001706, f"0.0017{X}"),
        (0.5, f"0.50{X}"),
        (3.24, f"3.2{X}"),
        (706.78, f"707{X}"),
        (1234.5, f"1,234{X}"),
    ],
)
def test_ratios_keep_two_significant_figures_below_ten(value, text):
    assert format_ratio(value) == text


@pytest.mark.parametrize(
    ("value", "text"), [(0.236, "0.24 ms"), (12.34, "12.3 ms"), (166.8, "167 ms")]
)
def test_latency_precision_follows_its_size(value, text):
    assert format_ms(value) == text


def test_console_table_lines_up_the_medians_and_the_ratios():
    table = console_table(make_run())  # when

    assert table.splitlines() == [
        "Server                            Requests/s  Latency p50  Latency p99",
        "--------------------------------  ----------  -----------  -----------",
        "Broadsheet (gunicorn, 2 workers)          92       167 ms       239 ms",
        "nginx, the same HTML from a file      53,900      0.24 ms      4.20 ms",
        f"Broadsheet / nginx                   0.0017{X}         707{X}          57{X}",
    ]


# --- the SVG chart ---------------------------------------------------------------------------


def test_each_panel_scales_its_bars_to_its_largest_value():
    svg = bar_chart_svg(
        [
            Panel(
                title="Requests",
                bars=(
                    Bar(label="app", value=100.0, value_text="100", colour="#a4161a"),
                    Bar(label="nginx", value=400.0, value_text="400", colour="#4a5560"),
                ),
            ),
            Panel(
                title="Latency",
                bars=(
                    Bar(label="app", value=50.0, value_text="50 ms", colour="#a4161a"),
                    Bar(label="nginx", value=0.0, value_text="0 ms", colour="#4a5560"),
                ),
            ),
        ],
        title="Speed",
        caption="A run",
    )

    root = parse_svg(svg)  # then: well-formed SVG
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("fill") != "#fff"]
    assert [float(r.get("width")) for r in bars] == [
        BAR_MAX_WIDTH / 4,
        BAR_MAX_WIDTH,
        BAR_MAX_WIDTH,
        1.0,
    ]
    assert [r.get("fill") for r in bars] == ["#a4161a", "#4a5560", "#a4161a", "#4a5560"]
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts == [
        "Speed",
        "Requests",
        "app",
        "100",
        "nginx",
        "400",
        "Latency",
        "app",
        "50 ms",
        "nginx",
        "0 ms",
        "A run",
    ]
    assert root.find(f"{SVG}title").text == "Speed"


def test_chart_text_is_escaped():
    svg = bar_chart_svg(
        [Panel(title="<b>&", bars=(Bar(label='"x"', value=1.0, value_text="<1", colour="#000"),))],
        title="a < b",
        caption="c & d",
    )

    root = parse_svg(svg)
    assert [t.text for t in root.iter(f"{SVG}text")] == ["a < b", "<b>&", '"x"', "<1", "c & d"]


@pytest.mark.parametrize("value", [-1.0, float("nan")])
def test_a_bar_without_a_positive_number_is_refused(value):
    bad = Panel(
        title="Latency", bars=(Bar(label="app", value=value, value_text="?", colour="#000"),)
    )

    with pytest.raises(ValueError, match='The bar "app" in "Latency" has the value'):
        bar_chart_svg([bad], title="t", caption="c")


def test_benchmark_chart_draws_requests_and_median_latency_of_both_servers():
    root = parse_svg(benchmark_chart(make_run()))  # when

    bars = [r for r in root.iter(f"{SVG}rect") if r.get("fill") != "#fff"]
    assert [r.find(f"{SVG}title").text for r in bars] == [
        "Broadsheet (gunicorn, 2 workers): 92 req/s",
        "nginx, the same HTML from a file: 53,900 req/s",
        "Broadsheet (gunicorn, 2 workers): 167 ms",
        "nginx, the same HTML from a file: 0.24 ms",
    ]
    # 92 and 0.236 are too small a share of the panel to see: their bars keep 1 px.
    assert [float(r.get("width")) for r in bars] == [1.0, BAR_MAX_WIDTH, BAR_MAX_WIDTH, 1.0]


# --- docs/benchmarks.md ----------------------------------------------------------------------


def test_markdown_section_says_when_where_how_and_the_table():
    section = markdown_section(make_run())  # when

    assert section == (
        "### 2026-11-25 09:33 UTC\n"
        "\n"
        "- Machine: 2 CPUs (AMD EPYC), 23.5 GiB RAM, Linux 6.1.0, Python 3.11.7; "
        "load average 0.12 at the start\n"
        "- Command: `.venv/bin/python bench/article_page.py --record`\n"
        "- Load: `wrk -t2 -c16 -d10s --timeout 10s --latency`, 3 rounds alternating the two "
        "servers; medians shown\n"
        "- Article: 12,795 bytes of HTML; 23 SQL queries per render (31 on the first render "
        "in a fresh process)\n"
        "\n"
        "| Server | Requests/s | Latency p50 | Latency p99 |\n"
        "|---|---:|---:|---:|\n"
        "| Broadsheet (gunicorn, 2 workers) | 92 | 167 ms | 239 ms |\n"
        "| nginx, the same HTML from a file | 53,900 | 0.24 ms | 4.20 ms |\n"
        f"| Broadsheet / nginx | 0.0017{X} | 707{X} | 57{X} |\n"
    )


def test_a_new_run_goes_above_the_older_ones():
    document = f"# Benchmarks\n\n{RUNS_MARKER}\n\n### old\n\ntext\n"

    updated = add_run_to_document(document, "### new\n\nmore\n")  # when

    assert updated == f"# Benchmarks\n\n{RUNS_MARKER}\n\n### new\n\nmore\n\n### old\n\ntext\n"


def test_recording_into_a_missing_document_starts_it_and_draws_the_chart(tmp_path):
    document, chart = tmp_path / "docs" / "benchmarks.md", tmp_path / "docs" / "benchmarks.svg"

    record_run(make_run(), document_path=document, chart_path=chart)  # when

    assert document.read_text() == DOCUMENT_HEAD + "\n" + markdown_section(make_run())
    assert chart.read_text() == benchmark_chart(make_run())
    assert "![" in DOCUMENT_HEAD
    assert "(benchmarks-article.svg)" in DOCUMENT_HEAD


def test_a_document_without_the_marker_is_refused_and_nothing_is_written(tmp_path):
    document, chart = tmp_path / "benchmarks.md", tmp_path / "benchmarks.svg"
    document.write_text("# Benchmarks\n\nhand-edited, marker lost\n")
    chart.write_text("<svg/>")

    with pytest.raises(DocumentError, match="exactly once \\(found 0\\)"):
        record_run(make_run(), document_path=document, chart_path=chart)

    assert document.read_text() == "# Benchmarks\n\nhand-edited, marker lost\n"
    assert chart.read_text() == "<svg/>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["benchmarks.md", "benchmarks.svg"]


# --- options, machine and nginx --------------------------------------------------------------


def test_flags_override_variables_which_override_defaults():
    options = parse_options(["--rounds", "5"], {"BENCH_ROUNDS": "2", "BENCH_DURATION": "4"})

    assert (options.duration, options.connections, options.threads, options.rounds) == (4, 16, 2, 5)
    assert options.record is False


def test_a_variable_that_is_not_a_number_is_named():
    with pytest.raises(ValueError, match=r"BENCH_DURATION='ten' is not a whole number"):
        parse_options([], {"BENCH_DURATION": "ten"})


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--rounds", "0"], "--rounds must be at least 1, not 0"),
        (["--connections", "1"], "at least one connection per thread: 1 connections for 2"),
    ],
)
def test_options_that_cannot_run_are_refused(argv, message):
    with pytest.raises(ValueError, match=message):
        parse_options(argv, {})


def test_command_line_names_the_variables_that_were_set():
    line = command_line(["--record"], {"BENCH_ROUNDS": "5", "HOME": "/root"})

    assert line.startswith("BENCH_ROUNDS=5 ")
    assert line.endswith(" bench/article_page.py --record")


def test_cpu_model_and_memory_are_read_from_proc_text():
    cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC   7B13\n"

    assert cpu_model(cpuinfo) == "AMD EPYC 7B13"
    assert cpu_model("processor\t: 0\n") == "unknown CPU"
    assert memory_gib("MemTotal:       24684544 kB\nMemFree: 1 kB\n") == pytest.approx(23.541, 1e-3)


def test_nginx_serves_the_article_on_the_loopback_only_and_keeps_files_in_its_prefix():
    config = nginx_config(prefix=Path("/srv/bench/nginx"), port=8123, workers=2)

    assert "worker_processes 2;" in config
    assert "listen 127.0.0.1:8123;" in config
    assert "access_log off;" in config
    assert "error_log /srv/bench/nginx/error.log warn;" in config
    assert "pid /srv/bench/nginx/nginx.pid;" in config
    assert "root /srv/bench/nginx/html;" in config
    assert "try_files /article.html =404;" in config
    temp_paths = [line.split()[1] for line in config.splitlines() if "_temp_path" in line]
    assert len(temp_paths) == 5
    assert all(path.startswith("/srv/bench/nginx/temp/") for path in temp_paths)


# --- processes -------------------------------------------------------------------------------


def test_leaving_stops_the_whole_process_group(tmp_path):
    with Processes() as processes:
        child = processes.start(
            "sleeper",
            ["sh", "-c", "sleep 60 & sleep 60; wait"],
            env=dict(os.environ),
            cwd=tmp_path,
            log_path=tmp_path / "sleeper.log",
        )
        assert group_is_running(child.pid)

    assert child.returncode == -signal.SIGTERM
    assert not group_is_running(child.pid)


def test_a_failing_child_is_reported_with_its_output(tmp_path):
    with (
        Processes() as processes,
        pytest.raises(BenchError, match=r"(?s)failed with exit code 3:\nbroken"),
    ):
        processes.run(
            "step",
            [sys.executable, "-c", "import sys; print('broken', file=sys.stderr); sys.exit(3)"],
            env=dict(os.environ),
            cwd=tmp_path,
            timeout_seconds=30,
        )


def test_a_child_that_outlives_its_timeout_is_stopped(tmp_path):
    pid_file = tmp_path / "pid"

    with Processes() as processes, pytest.raises(BenchError, match="step took longer than 1 s"):
        processes.run(
            "step",
            ["sh", "-c", f"echo $$ > {pid_file}; sleep 60 & sleep 60; wait"],
            env=dict(os.environ),
            cwd=tmp_path,
            timeout_seconds=1,
        )

    assert not group_is_running(int(pid_file.read_text()))
