"""An nginx configuration that needs no root: everything under one prefix, one loopback port."""

from __future__ import annotations

from pathlib import Path

HTML_NAME = "article.html"
"""The file, under ``<prefix>/html``, that nginx answers every path with."""


def nginx_config(*, prefix: Path, port: int, workers: int) -> str:
    """Return nginx.conf serving ``<prefix>/html/article.html`` on 127.0.0.1:``port``.

    Logs, pid and temporary files stay under ``prefix``; the access log is off.
    """
    return f"""# Written by bench/article_page.py for one run; removed with its folder.
worker_processes {workers};
error_log {prefix}/error.log warn;
pid {prefix}/nginx.pid;

events {{
    worker_connections 1024;
}}

http {{
    access_log off;
    client_body_temp_path {prefix}/temp/client_body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    types {{
        text/html html;
    }}
    default_type text/html;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;

    server {{
        listen 127.0.0.1:{port};
        root {prefix}/html;
        location / {{
            try_files /{HTML_NAME} =404;
        }}
    }}
}}
"""


def nginx_site_config(*, prefix: Path, port: int, workers: int, gzip_static: bool = False) -> str:
    """Return nginx.conf serving ``<prefix>/html`` as a static site on 127.0.0.1:``port``.

    A request for ``/a/b/`` is answered with ``<prefix>/html/a/b/index.html``, so a site saved
    page by page is served under the same paths as the origin's. With ``gzip_static``, a client
    that accepts gzip gets ``index.html.gz`` beside it, byte for byte, as a cache would send it.
    """
    single = nginx_config(prefix=prefix, port=port, workers=workers)
    location = "try_files $uri $uri/index.html =404;"
    if gzip_static:
        location += "\n            gzip_static on;\n            gzip_vary on;"
    return single.replace(f"try_files /{HTML_NAME} =404;", location)
