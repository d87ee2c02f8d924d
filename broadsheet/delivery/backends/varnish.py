"""Varnish: purge by key with the xkey vmod, or by ban where xkey is not installed.

deploy/varnish/default.vcl is the configuration these requests expect: ``PURGE`` with an
``xkey-purge`` header of space-separated keys, or ``BAN`` with ``xkey-ban``, both only from
the addresses the VCL's ``purgers`` ACL allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .base import PurgeBackend


class VarnishBackend(PurgeBackend):
    max_keys_per_request = 50

    def __init__(
        self, *, name: str, urls: Sequence[str], method: str = "xkey", **options: Any
    ) -> None:
        super().__init__(name=name, **options)
        if method not in ("xkey", "ban"):
            raise ValueError(f"Varnish purge method must be 'xkey' or 'ban', not {method!r}.")
        if not urls:
            raise ValueError("Give the Varnish backend the URLs of its Varnish servers.")
        self.urls = [url.rstrip("/") + "/" for url in urls]
        self.method = method

    def purge_batch(self, keys: Sequence[str]) -> None:
        header = "xkey-purge" if self.method == "xkey" else "xkey-ban"
        verb = "PURGE" if self.method == "xkey" else "BAN"
        for url in self.urls:
            self.send(url, method=verb, headers={header: " ".join(keys)})
