"""Load the demo publication: `python manage.py load_demo` (run by `make demo`)."""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

import annotator
from broadsheet.concepts.actions import VocabularyImportError, import_vocabulary
from broadsheet.concepts.models import Concept
from broadsheet.content.annotating import annotate_all
from broadsheet.content.demo import newsroom
from broadsheet.content.demo.articles import ARTICLES
from broadsheet.content.demo.loader import (
    DEFAULT_VIDEO_SECONDS,
    DemoError,
    DemoLoader,
    is_loaded,
    remove_demo,
)

STARTER_VOCABULARY = (
    Path(__file__).resolve().parents[3] / "concepts" / "data" / "starter_vocabulary.csv"
)


@contextmanager
def _quiet_wagtail() -> Iterator[None]:
    """Keep Wagtail's per-page audit log lines out of the demo's own progress lines."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Load the demo publication (front page, sections, authors, articles, images, video, "
        "house ads) and an editor account. Running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo publication first, then load it afresh.",
        )
        parser.add_argument(
            "--video-seconds",
            type=float,
            default=DEFAULT_VIDEO_SECONDS,
            help=f"Length of the inline demo video (default {DEFAULT_VIDEO_SECONDS:g}).",
        )
        parser.add_argument(
            "--ffmpeg",
            default="ffmpeg",
            help="The ffmpeg command or path used to make the demo video.",
        )

    def _starter_vocabulary(self) -> None:
        """Load the starter vocabulary once; later runs find it in place and skip it."""
        vocabulary = annotator.load_vocabulary(STARTER_VOCABULARY)
        present = Concept.objects.filter(uri__in=list(vocabulary.by_uri)).count()
        if present == len(vocabulary):
            return
        self.stdout.write(f"Loading the starter vocabulary ({len(vocabulary)} concepts)…")
        step = max(1, len(vocabulary) // 10)

        def progress(done: int, total: int) -> None:
            if done % step == 0 or done == total:
                self.stdout.write(f"  {done}/{total} concepts")

        try:
            report = import_vocabulary(vocabulary, progress=progress)
        except VocabularyImportError as error:
            raise CommandError(f"The starter vocabulary was not loaded: {error}") from error
        self.stdout.write(
            f"  {len(report.created)} concepts created, {len(report.updated)} updated."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        if options["reset"]:
            with _quiet_wagtail():
                remove_demo()
            self.stdout.write("Removed the demo publication; loading it again.")
        elif is_loaded():
            with transaction.atomic():
                self._starter_vocabulary()
            self.stdout.write(
                f"Demo publication already loaded: {newsroom.PUBLICATION.name}, "
                f"{len(ARTICLES)} articles. Use --reset to load it afresh."
            )
            return
        try:
            loader = DemoLoader(
                video_seconds=options["video_seconds"],
                ffmpeg=options["ffmpeg"],
                progress=self.stdout.write,
            )
            # The vocabulary and the publication land together or not at all.
            with transaction.atomic(), _quiet_wagtail():
                self._starter_vocabulary()
                result = loader.load()
        except DemoError as error:
            raise CommandError(f"The demo publication was not loaded: {error}") from error
        self.stdout.write("Annotating the articles with concepts…")
        annotated = annotate_all(
            progress=lambda done, total: self.stdout.write(f"  {done}/{total} articles annotated")
        )
        result.created["annotated articles"] = annotated
        # Wagtail queues search-index updates for the task worker; build the index now so that
        # search works the moment the demo is served.
        self.stdout.write("Building the search index…")
        call_command("update_index", stdout=io.StringIO())
        made = ", ".join(f"{count} {kind}" for kind, count in result.created.items()) or "nothing"
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo publication loaded in {time.monotonic() - started:.1f}s: {made}. "
                f'Admin login: user "{newsroom.EDITOR_USERNAME}", password '
                f'"{newsroom.EDITOR_PASSWORD}".'
            )
        )
