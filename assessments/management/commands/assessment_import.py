"""Create a visit for a client from an interchange JSON document (docs/interchange.md)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import Http404

from assessments.interchange.document import InterchangeError, import_assessment
from assessments.management.commands.assessment_export import staff_user
from assessments.management.interchange_file import parse_file, refused
from clinic.selectors import client_get


class Command(BaseCommand):
    help = (
        "Import an interchange JSON document (version 1 or 2) as a new visit of a client of "
        "your clinic. Prints the new assessment's id; on any problem nothing is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the JSON document (UTF-8)")
        parser.add_argument(
            "--client", type=int, required=True, help="id of the client the visit belongs to"
        )
        parser.add_argument(
            "--user", required=True, help="username of the staff member importing (the therapist)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = staff_user(options["user"])
        try:
            # Scoped to the user's clinic: another clinic's client is "not found".
            client = client_get(user, options["client"])
        except Http404:
            raise CommandError(f"Client {options['client']} not found.") from None
        nothing_done = "nothing was imported"
        parsed = parse_file(options["file"], stderr=self.stderr, nothing_done=nothing_done)
        try:
            assessment = import_assessment(parsed, client=client, actor=user)
        except InterchangeError as error:  # what a section's service refused (the treatment)
            raise refused(
                options["file"], error, stderr=self.stderr, nothing_done=nothing_done
            ) from None
        self.stdout.write(str(assessment.pk))
