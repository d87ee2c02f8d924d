"""``manage.py import_ninjs PATH...``: import IPTC ninjs 2.x files as draft or published articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from broadsheet.content.ingest.batch import collect_json_files, import_ninjs_files
from broadsheet.content.models import SectionPage


class Command(BaseCommand):
    help = (
        "Import IPTC ninjs 2.x JSON files (or folders of them) as articles: drafts unless "
        "--publish. An item whose uri was imported before updates that article. "
        "Exits with 1 when any file failed; the others are still imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths", nargs="+", type=Path, metavar="PATH", help="ninjs .json files or folders"
        )
        parser.add_argument(
            "--publish", action="store_true", help="publish the articles (default: drafts)"
        )
        parser.add_argument(
            "--section",
            metavar="SLUG",
            help="the section new articles go in (default: the first section)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        section = self._section(options["section"])
        publish: bool = options["publish"]
        files = collect_json_files(options["paths"])
        if not files:
            raise CommandError("No .json files were found in the paths given.")
        total = len(files)
        counts = {"created": 0, "updated": 0, "failed": 0}
        for number, outcome in enumerate(
            import_ninjs_files(files, section=section, publish=publish), start=1
        ):
            progress = f"[{number}/{total}]"
            if outcome.result is None:
                counts["failed"] += 1
                self.stderr.write(f"{progress} failed {outcome.error}")
                continue
            verb = "created" if outcome.result.created else "updated"
            counts[verb] += 1
            self.stdout.write(
                f"{progress} {verb} {outcome.url} ({outcome.result.state}) from {outcome.label}"
            )
            for warning in outcome.result.warnings:
                self.stdout.write(f"    warning: {warning}")
        summary = (
            f"{counts['created'] + counts['updated']} of {total} files imported "
            f"({counts['created']} created, {counts['updated']} updated)"
        )
        if counts["failed"]:
            raise CommandError(f"{summary}; {counts['failed']} failed.", returncode=1)
        self.stdout.write(self.style.SUCCESS(f"{summary}."))

    def _section(self, slug: str | None) -> SectionPage:
        sections = SectionPage.objects.order_by("path")
        if slug is None:
            first = sections.first()
            if first is None:
                raise CommandError("There is no section to import into; create one first.")
            return first
        section = sections.filter(slug=slug).first()
        if section is None:
            known = ", ".join(sections.values_list("slug", flat=True)) or "none"
            raise CommandError(f'There is no section with the slug "{slug}" (sections: {known}).')
        return section
