"""Debian's varnishd on the loopback in front of one backend, configured by deploy/varnish.

Shared by the delivery tests (tests/delivery/varnish.py) and the benchmarks (bench/pages.py,
bench/load.py): both write deploy/varnish/default.vcl with the backend's address filled in and
start varnishd in the foreground with the same flags.
"""

from __future__ import annotations

from pathlib import Path

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "default.vcl"
VARNISHD = "/usr/sbin/varnishd"
MISSING = "varnishd is missing: run `make test-deps` (apt-get install varnish varnish-modules)."


def write_vcl(workdir: Path, *, backend_host: str, backend_port: int) -> Path:
    """Write deploy/varnish/default.vcl pointed at the backend into ``workdir``; return its path."""
    vcl = workdir / "default.vcl"
    vcl.write_text(
        VCL.read_text()
        .replace("BACKEND_HOST", backend_host)
        .replace("BACKEND_PORT", str(backend_port))
    )
    return vcl


def varnishd_argv(
    workdir: Path, *, vcl: Path, port: int, storage: str = "malloc,64m", default_ttl: int = 0
) -> list[str]:
    """Return the argv of a foreground varnishd listening on 127.0.0.1:``port``.

    Its state lives in ``workdir``; ``default_ttl`` 0 means only what the origin marks
    cacheable (Cache-Control: s-maxage) is kept.
    """
    return [
        VARNISHD,
        "-F",
        "-j",
        "none",
        "-n",
        str(workdir / "n"),
        "-a",
        f"127.0.0.1:{port}",
        "-f",
        str(vcl),
        "-s",
        storage,
        "-p",
        f"default_ttl={default_ttl}",
    ]
