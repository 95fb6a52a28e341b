"""Send the clients' daily reminders that are due and were not sent by the task worker
(docs/program.md, "Email reminders"): the safety net, run from cron every few minutes."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from plans.program.reminders.tasks import reminders_catch_up


class Command(BaseCommand):
    help = (
        "Send the program reminders that are due and not sent (the worker was down, or "
        "the task backend cannot defer), and queue each one's next."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent, failed = reminders_catch_up()
        self.stdout.write(f"{sent} reminder{'s' * (sent != 1)} sent.")
        if failed:
            raise CommandError(
                f"{failed} could not be sent (see the log); the next run tries again."
            )
