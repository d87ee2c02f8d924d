"""What the benchmark ran on: CPUs, memory, kernel and the versions of the tools."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from bench.report import Machine


def cpu_model(cpuinfo: str) -> str:
    """Return the first "model name" of /proc/cpuinfo text, or "unknown CPU" when there is none."""
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "model name" and value.strip():
            return " ".join(value.split())
    return "unknown CPU"


def memory_gib(meminfo: str) -> float:
    """Return MemTotal of /proc/meminfo text in GiB, or 0.0 when it is missing."""
    for line in meminfo.splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / (1024 * 1024)
    return 0.0


def this_machine() -> Machine:
    """Return the machine this process runs on, as nproc, /proc and uname see it."""
    return Machine(
        nproc=len(os.sched_getaffinity(0)),
        cpu_model=cpu_model(_read("/proc/cpuinfo")),
        memory_gib=memory_gib(_read("/proc/meminfo")),
        kernel=platform.release(),
        python=platform.python_version(),
        load_average=os.getloadavg()[0],
    )


def tool_versions(*, nginx: str, wrk: str) -> dict[str, str]:
    """Return the versions of the Python packages served and of nginx and wrk."""
    versions = {name: metadata.version(name) for name in ("django", "wagtail", "gunicorn")}
    versions["nginx"] = _first_line([nginx, "-v"])
    versions["wrk"] = _first_line([wrk, "-v"])
    return versions


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _first_line(argv: list[str]) -> str:
    # Both tools print their version on stderr; wrk -v also exits with 1.
    done = subprocess.run(argv, capture_output=True, text=True, timeout=10, check=False)
    return ((done.stderr or done.stdout).strip().splitlines() or ["unknown"])[0]
