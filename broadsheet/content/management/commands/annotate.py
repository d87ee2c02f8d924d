"""Annotate articles now: every live article with --all, or the ones named by id."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from broadsheet.content.annotating import annotate_all, annotate_article
from broadsheet.content.models import ArticlePage


class Command(BaseCommand):
    help = "Store concept annotations for live articles (all with --all, or by page id)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, help="Article page ids.")
        parser.add_argument("--all", action="store_true", help="Every live article.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["all"]:

            def progress(done: int, total: int) -> None:
                self.stdout.write(f"  {done}/{total} articles annotated")

            count = annotate_all(progress=progress)
            self.stdout.write(f"Annotated {count} live articles.")
            return
        if not options["ids"]:
            raise CommandError("Name article ids, or use --all for every live article.")
        for page_id in options["ids"]:
            page = ArticlePage.objects.filter(pk=page_id).first()
            if page is None:
                raise CommandError(f"No article has id {page_id}.")
            rows = annotate_article(page)
            self.stdout.write(f"{page.title}: {len(rows)} annotations")
