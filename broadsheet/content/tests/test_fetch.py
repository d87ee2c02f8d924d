"""The guarded fetcher: internal addresses, redirects, size and time caps, with loopback servers only."""

from __future__ import annotations

import io
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from broadsheet.core.fetch import FetchError, fetch, is_public_address


class LocalServer(ThreadingHTTPServer):
    """A loopback HTTP server that serves fixed routes and counts the connections it accepts."""

    daemon_threads = True

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes, bool]] = {}
        self.connections = 0
        self.host_headers: list[str] = []
        self.hang = threading.Event()
        super().__init__(("127.0.0.1", 0), _Handler)

    def get_request(self) -> tuple[socket.socket, object]:
        accepted = super().get_request()
        self.connections += 1
        return accepted

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def serve(
        self,
        path: str,
        body: bytes,
        *,
        status: int = 200,
        declare_length: bool = True,
        **headers: str,
    ) -> None:
        self.routes[path] = (status, headers, body, declare_length)


class _Handler(BaseHTTPRequestHandler):
    server: LocalServer

    def do_GET(self) -> None:
        self.server.host_headers.append(self.headers.get("Host", ""))
        if self.path == "/hang":
            self.server.hang.wait(10)
            return
        status, headers, body, declare_length = self.server.routes.get(
            self.path, (404, {}, b"not here", True)
        )
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if declare_length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    thread = threading.Thread(target=local.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield local
    local.hang.set()
    local.shutdown()
    local.server_close()


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "[::1]",
        "[::ffff:7f00:1]",
        "2130706433",
        "0x7f.1",
        "127.1",
        "localhost",
        "169.254.169.254",
        "10.0.0.8",
        "192.168.1.1",
        "[fe80::1]",
        "0.0.0.0",  # noqa: S104
    ],
)
def test_internal_addresses_are_refused_and_nothing_connects(server, host):
    sink = io.BytesIO()
    server.serve("/secret", b"internal only")

    with pytest.raises(FetchError, match="points inside the network"):
        fetch(server.url("/secret", host=host), sink)

    assert server.connections == 0
    assert sink.getvalue() == b""


def test_metadata_address_on_port_80_is_refused_with_its_address():
    with pytest.raises(FetchError) as refused:
        fetch("http://169.254.169.254/latest/meta-data/", io.BytesIO())

    assert str(refused.value) == (
        '"169.254.169.254" points inside the network (169.254.169.254); '
        "only public internet addresses may be fetched."
    )


def test_a_name_that_resolves_inside_the_network_is_refused(server):
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "127.0.0.1"]  # one private answer is enough to refuse

    with pytest.raises(FetchError, match=r"\(127\.0\.0\.1\)"):
        fetch(f"http://media.wire.example:{server.port}/a.jpg", io.BytesIO(), resolver=resolver)

    assert server.connections == 0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", 'Only http and https URLs may be fetched, not "file".'),
        ("ftp://example.com/a.jpg", 'Only http and https URLs may be fetched, not "ftp".'),
        ("gopher://example.com/", 'Only http and https URLs may be fetched, not "gopher".'),
        ("http:///nohost", '"http:///nohost" has no host.'),
        ("http://user:pw@example.com/", "URLs with a user name or password are refused."),
        ("http://example.com:99999/", '"http://example.com:99999/" is not a valid URL.'),
    ],
)
def test_urls_that_are_not_plain_http_are_refused(url, message):
    with pytest.raises(FetchError) as refused:
        fetch(url, io.BytesIO())

    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("127.0.0.1", False),
        ("::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:93.184.216.34", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("fc00::1", False),
        ("2002:7f00:1::", False),
        ("not an address", False),
    ],
)
def test_is_public_address(address, public):
    assert is_public_address(address) is public


def test_the_connection_goes_to_the_checked_address_not_a_second_lookup(server):
    lookups: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    server.serve("/photo.jpg", b"JPEGDATA", Content_Type="image/jpeg")
    sink = io.BytesIO()

    result = fetch(
        f"http://photos.wire.example:{server.port}/photo.jpg",
        sink,
        allow_private=True,
        resolver=resolver,
    )

    assert lookups == ["photos.wire.example"]
    assert server.host_headers == [f"photos.wire.example:{server.port}"]
    assert sink.getvalue() == b"JPEGDATA"
    assert (result.address, result.content_type, result.size_bytes) == (
        "127.0.0.1",
        "image/jpeg",
        8,
    )


def test_redirects_are_refused_and_not_followed(server):
    inner = LocalServer()
    threading.Thread(target=inner.serve_forever, args=(0.02,), daemon=True).start()
    try:
        inner.serve("/admin", b"internal")
        server.serve("/go", b"", status=302, Location=inner.url("/admin"))

        with pytest.raises(FetchError, match=r"redirect \(HTTP 302\).*not followed"):
            fetch(server.url("/go"), io.BytesIO(), allow_private=True)

        assert server.connections == 1
        assert inner.connections == 0
    finally:
        inner.shutdown()
        inner.server_close()


def test_an_answer_other_than_200_is_an_error(server):
    with pytest.raises(FetchError) as refused:
        fetch(server.url("/missing"), io.BytesIO(), allow_private=True)

    assert str(refused.value) == f"{server.url('/missing')} answered HTTP 404 Not Found."


def test_a_declared_length_over_the_cap_is_refused_before_reading(server):
    server.serve("/big", b"x" * 2000)
    sink = io.BytesIO()

    with pytest.raises(FetchError, match="larger than the 1000 bytes limit"):
        fetch(server.url("/big"), sink, max_bytes=1000, allow_private=True)

    assert sink.getvalue() == b""


def test_an_undeclared_body_over_the_cap_is_cut_off(server):
    server.serve("/stream", b"y" * 5000, declare_length=False)
    with pytest.raises(FetchError, match="larger than the 1000 bytes limit"):
        fetch(server.url("/stream"), io.BytesIO(), max_bytes=1000, allow_private=True)


def test_the_cap_defaults_to_the_setting(server, settings):
    settings.BROADSHEET_FETCH_MAX_BYTES = 10
    server.serve("/eleven", b"x" * 11)

    with pytest.raises(FetchError, match="larger than the 10 bytes limit"):
        fetch(server.url("/eleven"), io.BytesIO(), allow_private=True)


def test_a_server_that_never_answers_runs_into_the_time_cap(server):
    with pytest.raises(FetchError) as refused:
        fetch(server.url("/hang"), io.BytesIO(), timeout_seconds=0.3, allow_private=True)

    assert str(refused.value) == f"Fetching {server.url('/hang')} took longer than 0.3 seconds."


def test_an_unknown_host_is_a_clear_error():
    with pytest.raises(FetchError) as refused:
        fetch("http://no-such-host.invalid/x.jpg", io.BytesIO())

    assert str(refused.value) == 'The host "no-such-host.invalid" could not be found.'


def test_https_checks_the_certificate_of_the_pinned_address(server):
    # The loopback server speaks plain HTTP, so the TLS handshake to it must fail, not fall back.
    url = f"https://127.0.0.1:{server.port}/photo.jpg"
    server.serve("/photo.jpg", b"JPEGDATA")
    sink = io.BytesIO()

    with pytest.raises(FetchError, match=r"^The secure connection to 127\.0\.0\.1 failed: "):
        fetch(url, sink, allow_private=True, timeout_seconds=5)

    assert sink.getvalue() == b""
