"""Export the vocabulary as CSV (lossless, the import format) or SKOS Turtle / RDF-XML."""

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from broadsheet.concepts.export import skos_graph, write_csv

FORMATS = {".csv": "csv", ".ttl": "turtle", ".rdf": "xml", ".xml": "xml"}


class Command(BaseCommand):
    help = "Export concepts to FILE (.csv, .ttl, .rdf) or to standard output with --format."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="Where to write; the suffix picks the format.")
        parser.add_argument("--format", choices=["csv", "turtle", "xml"], help="Format for stdout.")

    def handle(self, *args: Any, **options: Any) -> None:
        target = options["file"]
        fmt = options["format"] or (FORMATS.get(Path(target).suffix.lower()) if target else "csv")
        if fmt is None:
            raise CommandError(
                f"Cannot tell the format of {target}: use .csv, .ttl or .rdf, or --format."
            )
        if fmt == "csv":
            if target:
                with open(target, "w", encoding="utf-8", newline="") as handle:
                    count = write_csv(handle)
            else:
                count = write_csv(sys.stdout)
        else:
            graph = skos_graph()
            count = len(set(graph.subjects()))
            data = graph.serialize(format=fmt)
            if target:
                Path(target).write_text(data, encoding="utf-8")
            else:
                self.stdout.write(data)
        if target:
            self.stdout.write(f"Exported {count} concepts to {target}.")
