"""``manage.py issue_api_key NAME``: issue a content-API key and print it once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from broadsheet.syndication.api_keys import issue_api_key


class Command(BaseCommand):
    help = "Issue a content-API key. The key is printed once; only its hash is stored."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help='who the key is for, e.g. "Partner app"')
        parser.add_argument(
            "--requests-per-minute", type=int, default=120, help="rate limit (default 120)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        name: str = options["name"].strip()
        limit: int = options["requests_per_minute"]
        if not name:
            raise CommandError("Give the key a name: who or what will use it.")
        if limit < 1:
            raise CommandError("--requests-per-minute must be 1 or more.")
        issued = issue_api_key(name=name[:200], requests_per_minute=limit)
        self.stdout.write(f"Issued {issued.api_key} with {limit} requests a minute.")
        self.stdout.write("The key, shown this once only (store it now):")
        self.stdout.write(issued.key)
