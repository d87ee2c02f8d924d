"""``manage.py revoke_api_key PREFIX``: revoke a content-API key by the prefix shown in lists."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from broadsheet.syndication.api_keys import revoke_api_key
from broadsheet.syndication.models import ApiKey


class Command(BaseCommand):
    help = "Revoke a content-API key, named by its prefix (the first 8 characters)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("prefix", help="the key's first 8 characters")

    def handle(self, *args: Any, **options: Any) -> None:
        prefix: str = options["prefix"].strip()[:8]
        api_key = ApiKey.objects.filter(prefix=prefix).first()
        if api_key is None:
            raise CommandError(f'No API key starts with "{prefix}".')
        revoke_api_key(api_key)
        self.stdout.write(f"Revoked {api_key}.")
