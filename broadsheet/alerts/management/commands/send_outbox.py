"""Send the emails the outbox owes: alerts and digests, with retries after SMTP failures."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from broadsheet.alerts import actions


class Command(BaseCommand):
    help = "Send due outbox rows (alerts and digests); run from cron as a safety net to workers."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=100)
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="First give rows that used up their attempts a fresh start.",
        )

    def handle(self, *args: Any, batch_size: int, retry_failed: bool, **options: Any) -> None:
        if retry_failed:
            self.stdout.write(f"{actions.retry_failed()} failed rows will be tried again.")
        report = actions.send_outbox(batch_size=batch_size)
        self.stdout.write(
            f"Sent {report.sent}, skipped {report.skipped}, retrying {report.retrying}, "
            f"failed {report.failed}."
        )
