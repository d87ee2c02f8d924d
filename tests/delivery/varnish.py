"""Start Debian's varnishd on loopback in front of a test server, with deploy/varnish/default.vcl."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.varnish import MISSING, VARNISHD, varnishd_argv, write_vcl


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Varnish:
    url: str
    workdir: Path


@contextmanager
def running_varnish(backend_host: str, backend_port: int) -> Iterator[Varnish]:
    """Run varnishd in the foreground for the duration of the block; fail with what to install."""
    if not Path(VARNISHD).exists():
        raise RuntimeError(MISSING)
    workdir = Path(tempfile.mkdtemp(prefix="broadsheet-varnish-"))
    vcl = write_vcl(workdir, backend_host=backend_host, backend_port=backend_port)
    port = free_port()
    process = subprocess.Popen(
        varnishd_argv(workdir, vcl=vcl, port=port),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                raise RuntimeError(f"varnishd exited with {process.returncode}:\n{output}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("varnishd did not start listening within 60 s") from None
                time.sleep(0.1)
        yield Varnish(url=url, workdir=workdir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(workdir, ignore_errors=True)


def fetch(url: str, *, method: str = "GET", headers: dict[str, str] | None = None):
    """Return (status, headers, body) without raising on 4xx/5xx."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
