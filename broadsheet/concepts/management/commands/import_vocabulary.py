"""Import a vocabulary file (CSV or SKOS) into the concepts table, all or nothing."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

import annotator
from broadsheet.concepts.actions import VocabularyImportError, import_vocabulary


class Command(BaseCommand):
    help = "Import concepts from a CSV or SKOS (Turtle, RDF/XML) vocabulary file, matched by URI."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="A .csv, .ttl, .rdf/.xml or .nt vocabulary file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be created and updated."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            vocabulary = annotator.load_vocabulary(options["file"])
        except annotator.VocabularyError as error:
            raise CommandError(
                f"{error}\nNothing was imported. Fix the file and run again."
            ) from error
        total = len(vocabulary)
        step = max(1, total // 20)

        def progress(done: int, of: int) -> None:
            if done % step == 0 or done == of:
                self.stdout.write(f"  {done}/{of} concepts", ending="\r" if done < of else "\n")

        try:
            report = import_vocabulary(vocabulary, dry_run=options["dry_run"], progress=progress)
        except VocabularyImportError as error:
            raise CommandError(f"{error}\nNothing was imported.") from error
        verb = "would be" if report.dry_run else "were"
        self.stdout.write(
            f"{len(report.created)} concepts {verb} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged."
        )
        if report.dry_run:
            for uri in report.created:
                self.stdout.write(f"  create {uri}")
            for uri in report.updated:
                self.stdout.write(f"  update {uri}")
            self.stdout.write("Dry run: nothing was written.")
