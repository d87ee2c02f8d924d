"""Queue the daily and weekly digests that are due now and send them."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from broadsheet.alerts import actions


class Command(BaseCommand):
    help = "Queue due digests (each reader's hour in their time zone) and send the outbox."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--queue-only",
            action="store_true",
            help="Only queue the digests; leave sending to the task worker or send_outbox.",
        )

    def handle(self, *args: Any, queue_only: bool, **options: Any) -> None:
        queued = actions.queue_due_digests()
        self.stdout.write(f"Queued {queued} digests.")
        if not queue_only:
            report = actions.send_outbox()
            self.stdout.write(
                f"Sent {report.sent}, skipped {report.skipped}, retrying {report.retrying}, "
                f"failed {report.failed}."
            )
