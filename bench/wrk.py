"""Run-line and output parsing for wrk, the HTTP load generator."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

LATENCY_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
"""How many milliseconds one of each unit wrk prints latencies in is worth."""

_REQUESTS_PER_SECOND = re.compile(r"^Requests/sec:\s+([0-9.]+)\s*$", re.MULTILINE)
_TOTAL = re.compile(r"^\s*(\d+) requests in ([0-9.]+)(us|ms|s|m|h),", re.MULTILINE)
_PERCENTILE = r"^\s+{}%\s+([0-9.]+)(us|ms|s|m|h)\s*$"
_ERROR_RESPONSES = re.compile(r"^\s*Non-2xx or 3xx responses:\s+(\d+)\s*$", re.MULTILINE)
_SOCKET_ERRORS = re.compile(
    r"^\s*Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)\s*$", re.MULTILINE
)


class WrkOutputError(ValueError):
    """wrk printed something this parser cannot read a measurement from."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WrkResult:
    requests: int
    requests_per_second: float
    latency_p50_ms: float
    latency_p99_ms: float
    error_responses: int
    """Responses with a status of 400 or more ("Non-2xx or 3xx responses")."""
    socket_errors: int
    """Connect, read, write errors and timeouts, summed."""


def wrk_command(
    url: str,
    *,
    threads: int,
    connections: int,
    duration_seconds: int,
    headers: Sequence[str] = (),
) -> list[str]:
    """Return the wrk argv that loads ``url`` and prints the latency distribution.

    ``headers`` ("Name: value") go with every request, rotate.lua's included.
    """
    sent = [part for header in headers for part in ("-H", header)]
    return [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration_seconds}s",
        "--timeout",
        "10s",
        "--latency",
        *sent,
        url,
    ]


def parse_wrk_output(text: str) -> WrkResult:
    """Return the measurement wrk printed; raise WrkOutputError naming what is missing.

    The output must come from a run with ``--latency`` (for the 50% and 99% lines).
    """
    rate = _REQUESTS_PER_SECOND.search(text)
    if rate is None:
        raise WrkOutputError('wrk output has no "Requests/sec:" line; did the run finish?')
    total = _TOTAL.search(text)
    if total is None:
        raise WrkOutputError('wrk output has no "N requests in T" line.')
    errors = _ERROR_RESPONSES.search(text)
    sockets = _SOCKET_ERRORS.search(text)
    return WrkResult(
        requests=int(total.group(1)),
        requests_per_second=float(rate.group(1)),
        latency_p50_ms=_percentile_ms(text, 50),
        latency_p99_ms=_percentile_ms(text, 99),
        error_responses=int(errors.group(1)) if errors else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
    )


def _percentile_ms(text: str, percentile: int) -> float:
    found = re.search(_PERCENTILE.format(percentile), text, re.MULTILINE)
    if found is None:
        raise WrkOutputError(
            f"wrk output has no {percentile}% latency line; run wrk with --latency."
        )
    return float(found.group(1)) * LATENCY_UNITS_MS[found.group(2)]
